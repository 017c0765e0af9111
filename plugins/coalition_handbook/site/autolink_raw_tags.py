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


def carried(marker: str) -> str:
    """The name `marked_tags` gives a marked formatting element (`FORMATTING_ELEMENTS`),
    which the next block takes on where it is left open."""
    return f"{marker} carried"


def marked_tags(
    raw_html: Sequence[object], marker: str, reading_order: Sequence[int] = ()
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
    blocks too, as a browser reads it (its end tag in a later paragraph ends it there)."""
    tags: dict[int, tuple[str, bool]] = {}
    if not any(isinstance(stashed, str) and marker in stashed for stashed in raw_html):
        return tags  # most pages
    # By name: what `tags` names each open one ("" where it is not marked).
    open_elements: dict[str, list[str]] = {}
    read = set(reading_order)
    for number in [*reading_order, *(n for n in range(len(raw_html)) if n not in read)]:
        stashed = raw_html[number] if number < len(raw_html) else None
        tag = _stashed_tag(stashed) if isinstance(stashed, str) else None
        if tag is None or (name := tag[0]) in VOID_ELEMENTS:
            continue
        if tag[1]:
            opened = open_elements.get(name)
            if opened and (kind := opened.pop()):
                tags[number] = kind, True
        else:  # `<span class="hb-nolink"/>` opens one: HTML reads no `/>` (see docstring)
            kind = ""
            if marker in stashed and _has_class(stashed, marker):
                kind = carried(marker) if name in FORMATTING_ELEMENTS else marker
                tags[number] = kind, False
            open_elements.setdefault(name, []).append(kind)
    return tags


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
