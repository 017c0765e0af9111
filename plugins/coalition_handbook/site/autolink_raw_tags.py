"""Autolinks over the inline tags of raw HTML in a paragraph: "<span>labor</span>
recruiter" is a use of "labor recruiter" to `handbook check`, which reads a tag as
nothing but a word break (DESIGN section 4), and a link is allowed there (section 7).

Python-Markdown keeps each raw tag out of the tree as a placeholder in the text
(`htmlStash`): the autolinker reads the placeholder of a tag of an element that holds
text it links (`<span>`, `<b>`, `<em>`...) as nothing, and a link made over one holds
whole elements only, so the page's HTML stays well nested: the link starts before an
element it ends inside, or ends after one it starts inside, or is not made.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from markdown.util import HTML_PLACEHOLDER_RE

from ..lazy_pattern import LazyPattern
from ..markdown.inline import HTML_TAG_PATTERN
from ..markup import ATTRIBUTE, VOID_ELEMENTS

# (name, whether it closes), by placeholder number.
RawTags = Mapping[int, tuple[str, bool]]

# A placeholder that ends where a search for it stops (its `endpos`).
_PLACEHOLDER_BEFORE = LazyPattern(HTML_PLACEHOLDER_RE.pattern + r"\Z")
# Longer than any placeholder (STX, "wzxhzdk:", its number, ETX): where to look back from.
_LOOK_BACK = 32


def raw_tags(raw_html: Sequence[object], names: Collection[str]) -> dict[int, tuple[str, bool]]:
    """(name, whether it closes) of each stashed raw tag of an element named in `names`,
    by its placeholder's number."""
    tags: dict[int, tuple[str, bool]] = {}
    for number, stashed in enumerate(raw_html):
        tag = _stashed_tag(stashed) if isinstance(stashed, str) else None
        if tag is not None and tag[0] in names:
            tags[number] = tag
    return tags


# Longer than a tag as pages write them: raw HTML blocks, kept out of the cache.
_CACHED_LENGTH = 300


def _stashed_tag(stashed: str) -> tuple[str, bool] | None:
    """(name in lower case, whether it closes) of a stashed raw tag; None for other raw
    HTML. A short one is read once for all the passes over a page's stash and the pages
    that share it (`</span>`, a term page's `<span class="hb-summary">`)."""
    if len(stashed) > _CACHED_LENGTH:
        return _read_tag(stashed)
    return _read_short_tag(stashed)


def _read_tag(stashed: str) -> tuple[str, bool] | None:
    tag = HTML_TAG_PATTERN.fullmatch(stashed.strip())
    if tag is None:
        return None
    return tag.group("tag_name").lower(), tag.group("tag").startswith("/")


_read_short_tag = functools.lru_cache(maxsize=2048)(_read_tag)


# An element an author marks never to be linked (`<span class="hb-nolink">`), and a
# history summary, whose terms are not linked (its phone numbers are).
NOLINK = "hb-nolink"
SUMMARY = "hb-summary"
# HTML's formatting elements: one left open at its paragraph's or item's end is opened
# again in the next ones, with its attributes, until its end tag (the parser's "active
# formatting elements"): `<em class="hb-nolink">` left open holds the next paragraphs.
FORMATTING_ELEMENTS = frozenset(
    {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong"}
    | {"tt", "u"}
)
# HTML's "special" elements that are not void (and SVG's and MathML's, which end no
# formatting element either): one opened in a formatting element keeps what it holds
# open when the formatting element's end tag comes (the adoption agency moves the
# formatting element into it instead).
SPECIAL_ELEMENTS = frozenset(
    {"address", "applet", "article", "aside", "blockquote", "body", "button", "caption"}
    | {"center", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "fieldset"}
    | {"figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5"}
    | {"h6", "head", "header", "hgroup", "html", "iframe", "li", "listing", "main"}
    | {"marquee", "menu", "nav", "noembed", "noframes", "noscript", "object", "ol", "p"}
    | {"plaintext", "pre", "script", "search", "section", "select", "style", "summary"}
    | {"table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr"}
    | {"ul", "xmp", "svg", "math", "foreignobject", "desc", "mi", "mo", "mn", "ms", "mtext"}
    | {"annotation-xml"}
)


def carried(marker: str, kind: int = 1) -> str:
    """The name `marked_tags` gives a marked formatting element (`FORMATTING_ELEMENTS`),
    which the next block takes on where it is left open: the `kind`th of the page's
    elements marked so that are not identical (same name, same attributes)."""
    return f"{marker} carried" if kind == 1 else f"{marker} carried {kind}"


def is_carried(name: str) -> bool:
    """Whether `name` is one `carried` gives."""
    return " carried" in name


# Between the names of the marked elements one end tag ends (see `marked_tags`).
ENDS_TOO = " + "


# HTML's "Noah's Ark clause": of identical formatting elements left open, the next block
# opens again the last this many only.
MOST_IDENTICAL_CARRIED = 3


@dataclass(slots=True)
class _Open:
    """An element open in `marked_tags`' reading: its place in it, what `tags` names it
    ("" where it is not marked), the block it was opened in, and whether an end tag ended
    it since."""

    place: int
    kind: str
    block: object = None
    ended: bool = False


def marked_tags(
    raw_html: Sequence[object],
    marker: str,
    reading_order: Sequence[int] = (),
    blocks: Mapping[int, object] | None = None,
) -> dict[int, tuple[str, bool]]:
    """(`marker`, whether it closes) of each stashed raw tag that opens an element of
    class `marker` (`<span class="hb-nolink">`) or closes one, by its placeholder's
    number. Each closing tag ends the last element of its name still open, in
    `reading_order` (the placeholders' numbers as the page reads; then the rest in stash
    order): the stash is no reading order, Python-Markdown stashes the tags of a quote's
    or a note's paragraphs after those of the page's own. A start tag written `<span/>` opens
    its element as any other: Python-Markdown passes it on as written, and a browser
    reads the `/` of an element that is not void as nothing, so what follows is inside
    it (to its end tag, or its block's end), as `raw_tags` reads `<a href="x"/>`. A
    marked formatting element is named `carried(marker)`: left open, it holds the next
    blocks too, as a browser reads it (its end tag in a later paragraph ends it there);
    identical ones (`<em class="hb-nolink">` four times) are named alike, of which the
    next block opens again `MOST_IDENTICAL_CARRIED` only, as Chromium does.

    A formatting element's end tag ends too the marked elements opened in it that are
    not formatting elements, as Chromium reads `<b><span class="hb-nolink">x</b> y`: `y`
    is outside the span (the parser's "adoption agency"). Only where the end tag is in
    the block (`blocks`: each placeholder's paragraph, item or cell) the formatting
    element was opened in, and no special element (`SPECIAL_ELEMENTS`) was opened in it
    since: a table cell's `</b>` of a `<b>` opened before it ends nothing, and a
    `<button>` keeps what it holds (review: either put a link inside the marked
    element); a link left out is better than one inside it. Another end tag ends its own
    element only: an element left open in a paragraph before is no longer open in the
    browser, and ending what was opened after it would end too much."""
    tags: dict[int, tuple[str, bool]] = {}
    if not any(isinstance(stashed, str) and marker in stashed for stashed in raw_html):
        return tags  # most pages
    open_elements: dict[str, list[_Open]] = {}  # by name, in reading order
    marked_inside: list[_Open] = []  # the marked ones that are not formatting elements
    special: list[_Open] = []  # the special elements opened, in reading order
    identities: dict[tuple[str, tuple[tuple[str, str], ...]], str] = {}
    read = set(reading_order)
    order = [*reading_order, *(n for n in range(len(raw_html)) if n not in read)]
    for place, number in enumerate(order):
        stashed = raw_html[number] if number < len(raw_html) else None
        tag = _stashed_tag(stashed) if isinstance(stashed, str) else None
        if tag is None or (name := tag[0]) in VOID_ELEMENTS:
            continue
        # (a placeholder of no block read is in one of its own)
        block = None if blocks is None else blocks.get(number, number)
        if tag[1]:
            if ended := _end(open_elements, marked_inside, special, name, block):
                tags[number] = ended, True
            continue
        # `<span class="hb-nolink"/>` opens one: HTML reads no `/>` (see docstring)
        element = _Open(place, "", block)
        if name in SPECIAL_ELEMENTS:
            special.append(element)
        if marker in stashed and _has_class(stashed, marker):
            if name in FORMATTING_ELEMENTS:
                identity = (name, _attributes(stashed))
                kind = identities.setdefault(identity, carried(marker, len(identities) + 1))
            else:
                kind = marker
                marked_inside.append(element)
            element.kind = kind
            tags[number] = kind, False
        open_elements.setdefault(name, []).append(element)
    return tags


def _end(
    open_elements: dict[str, list[_Open]],
    marked_inside: list[_Open],
    special: list[_Open],
    name: str,
    block: object,
) -> str:
    """End the last open element named `name` (and, for a formatting element ended in
    the block it was opened in, the marked ones opened in it, unless a special element
    was opened in it: see `marked_tags`); what `tags` names the marked ones it ends,
    joined by `ENDS_TOO`, or "". Each element is ended once, and left behind once: linear
    in the page."""
    opened = open_elements.get(name)
    while opened and opened[-1].ended:  # ended as a marked one inside a formatting element
        opened.pop()
    if not opened:
        return ""
    element = opened.pop()
    element.ended = True
    ended = [element.kind] if element.kind else []
    while special and special[-1].ended:
        special.pop()
    if (
        name in FORMATTING_ELEMENTS
        and element.block == block
        and not (special and special[-1].place > element.place)
    ):
        while marked_inside and (
            marked_inside[-1].ended or marked_inside[-1].place > element.place
        ):
            inside = marked_inside.pop()
            if not inside.ended:
                inside.ended = True
                ended.append(inside.kind)
    return ENDS_TOO.join(ended)


def _attributes(tag: str) -> tuple[tuple[str, str], ...]:
    """The attributes of the opening `tag`, as HTML compares two elements: by name (the
    first of a name only) and value, in any order."""
    found: dict[str, str] = {}
    for attribute in ATTRIBUTE.finditer(tag):
        value = "".join(part or "" for part in attribute.group("double", "single", "bare"))
        found.setdefault(attribute.group("name").lower(), value)
    return tuple(sorted(found.items()))


def _has_class(tag: str, name: str) -> bool:
    """Whether the opening `tag` has the class `name`: its first class attribute, read
    attribute by attribute (a `title="x class=hb-nolink"` is a title's text)."""
    for attribute in ATTRIBUTE.finditer(tag):
        if attribute.group("name").lower() == "class":
            value = attribute.group("double", "single", "bare")
            return name in "".join(part or "" for part in value).split()
    return False


def _tag_before(text: str, position: int, tags: RawTags) -> re.Match[str] | None:
    """The placeholder of one of `tags` that ends at `position`, if one does."""
    found = _PLACEHOLDER_BEFORE.search(text, max(0, position - _LOOK_BACK), position)
    return found if found is not None and int(found.group(1)) in tags else None


def balanced_span(text: str, start: int, end: int, tags: RawTags) -> tuple[int, int] | None:
    """`text[start:end]`, a use to link, as a span that holds whole elements of `tags`:
    without the tags it ends with, and taking in the opening tag just before it of an
    element it ends inside, or the closing tag just after it of one it starts inside.
    None where it cannot (it starts in one element and ends in another)."""
    if not tags:
        return start, end
    while (trailing := _tag_before(text, end, tags)) is not None and trailing.start() >= start:
        end = trailing.start()
    opened: list[str] = []
    closed_first: list[str] = []  # closing tags of elements opened before `start`
    for placeholder in HTML_PLACEHOLDER_RE.finditer(text, start, end):
        tag = tags.get(int(placeholder.group(1)))
        if tag is None:
            continue
        name, closing = tag
        if not closing:
            opened.append(name)
        elif opened and opened[-1] == name:
            opened.pop()
        elif not opened:
            closed_first.append(name)
        else:
            return None
    for name in closed_first:
        before = _tag_before(text, start, tags)
        if before is None or tags[int(before.group(1))] != (name, False):
            return None
        start = before.start()
    for name in reversed(opened):
        after = HTML_PLACEHOLDER_RE.match(text, end)
        if after is None or tags.get(int(after.group(1))) != (name, True):
            return None
        end = after.end()
    return start, end
