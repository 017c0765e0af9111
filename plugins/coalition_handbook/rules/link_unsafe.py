"""link.unsafe: a link, image or HTML attribute whose address runs script (`javascript:`,
`vbscript:`) in a page, a module, a term's definition or a protocol's text; and a page's
front matter `location` that does (the address Material's `redirect.html` template sends
every reader on to, as the page opens).

Such a link runs code in a reader's browser when clicked, and nothing a coalition
publishes needs one. Only addresses are reported: the word written in prose ("never open
javascript: links") or shown in code is not a link. A scheme spelt with character
references (`&#106;avascript:`, `javascript&colon;`) or broken by tabs and line breaks is
the same scheme: Python-Markdown keeps the references in the address, and the browser
decodes them and drops the breaks before it follows the link. So is a scheme after
spaces and control characters (`&#32;javascript:`, `&#1;javascript:`), which the browser
strips from the start of an address; a no-break space (`&nbsp;`) it keeps, and a NUL
(`&#0;`) it reads as U+FFFD, which it keeps too.

A `data:` address is reported too, but for a picture's (`data:image/...`): it holds a
whole document (`data:text/html,<script>...`), which browsers refuse to open as a page
now, so the link is dead at best, and one that an old or lax browser opened would run
its script (security audit: defence in depth). An SVG (`data:image/svg+xml`) is such a
document too where a link opens it, so it is left alone only where it is shown as a
picture: a Markdown image's `![...](...)`, a CSS `url(...)`, and the attributes that
show a picture (`<img src>`, `srcset`, `<video poster>`, SVG's `<image href>`...).
A reference definition's (`[r]: data:image/svg+xml,...`) is reported: a link or an
image may use it.

An address with a user name or password before its host is reported too
(`[Law](https://www.law.cornell.edu@evil.example/x)`): the browser goes to the host after
the `@`, and the text before it passes for the host to a reviewer and a reader (security
review sec64); the schemas refuse such a source's or contact's `url` for the same reason.
Its message names no part of the address: a password in it would be repeated in the CI log.

Not an address in an attribute that a term's definition leaves out
(`[x](#top){: href="javascript:..." }`, `markdown.definitions`): no page, tooltip or
handout carries it, and `glossary.html` names it as left out (review rv3, finding 14:
an error said it ran code, beside the finding that said it was gone).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from ..documents import CheckedText, scan_handbook
from ..findings import Finding, source_excerpt
from ..lazy_pattern import LazyPattern
from ..markdown import GLUE, lines_outside_code
from ..markdown.attribute_lists import attributes_named
from ..markdown.definitions import left_out_of_definition
from ..markdown.inline import HTML_TAG_PATTERN
from ..markdown.raw_html import html_in_markdown
from ..script_scheme import (
    LINK_SCHEME_PATTERN,
    SVG_MEDIA_TYPE_PATTERN,
    link_scheme,
    script_scheme,
)
from ..spans import within
from ..url_userinfo import AT_REFERENCES, USERINFO_ADDRESS
from .base import CheckContext

RULE = "link.unsafe"


# What stands just before an address (spaces aside): a link's `(` or `<`, a CSS `url(`,
# an attribute's `=` or quote (where the attribute's value starts there).
_ADDRESS_OPENERS = frozenset("(<=\"'")
_ATTRIBUTE_OPENERS = frozenset("=\"'")
# What a finding's place and the character before an address skip.
_SPACES = " \t\r\n"
# A link destination or an HTML tag in the view: blanked, or glued into a word
# ("[x](javascript:y)s").
_BLANKED = frozenset((" ", GLUE))
# The opening of a reference definition, `[label]: javascript:...`, whose lines the
# checks skip: an address that starts where it ends is a link's. The definition may be
# in a quote, a list item or an indented container, and its address may stand alone on
# the next line (`[label]:` ending its line).
_CONTAINER_MARKS = r"(?:[ \t>]|[-*+][ \t]|\d{1,9}\.[ \t])*+"
_REFERENCE = re.compile(rf"{_CONTAINER_MARKS}\[[^\]\n]+\]:[ \t]*+<?[ \t]*+")
_REFERENCE_ALONE = re.compile(rf"{_CONTAINER_MARKS}\[[^\]\n]+\]:[ \t]*+\r?\n[ \t>]*+<?[ \t]*+")
# A line of nothing but spaces, tabs or a quote's `>` (CRLF too): what ends a paragraph.
_BLANK_LINE = re.compile(r"\n[ \t>]*+\r?\n")
# Each attribute of a tag (`HTML_TAG_PATTERN`, as Python-Markdown reads one) with a value
# (one of the three groups).
_ATTRIBUTE = re.compile(
    # A name starts after a space or the quote that ends a value, and is read at once
    # (`++`): tried again from each of its characters, a long one cost quadratic time.
    r"""(?<=[\s"'])(?P<name>[^\s"'>/=]++)\s*+=\s*+"""
    r"""(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"'=<>`]+))"""
)


def check(context: CheckContext) -> Iterator[Finding]:
    definition_lists = context.config.definition_lists
    for document in scan_handbook(context):
        reported = partial(
            _reported, term=document.kind == "term", definition_lists=definition_lists
        )
        for line, column, scheme in document.located(reported):
            yield context.finding(
                RULE, document.path, line, column, _why_unsafe(scheme), found=scheme
            )
    for page in context.handbook.checked_pages:
        location = page.meta.get("location")
        scheme = script_scheme(location) if isinstance(location, str) else None
        if scheme is not None:
            span = page.origin.span("location")
            yield context.finding(
                RULE,
                page.path,
                span.line,
                span.column,
                f"'location' sends every reader of the page on to a '{scheme}:' address, "
                "which runs code in their browser; send them to a page or a web address "
                "instead",
                found=source_excerpt(page.origin.text, span.start, span.end),
            )


# The attributes whose address a browser shows as a picture (an SVG in one runs no
# script), in lower case, each with the tags it does so on.
_PICTURE_ATTRIBUTES: dict[str, frozenset[str]] = {
    "src": frozenset({"img", "source", "input"}),
    "srcset": frozenset({"img", "source"}),
    "poster": frozenset({"video"}),
    "background": frozenset({"body", "table", "td", "th"}),
    "href": frozenset({"image", "feimage"}),
    "xlink:href": frozenset({"image", "feimage"}),
}
# The same names where the tag is not known (attr_list's `{src=...}`, on what Markdown
# made): but an `href`, which on a link (`[x](y){href=...}`) opens the address.
_PICTURE_ATTRIBUTE_NAMES = frozenset(_PICTURE_ATTRIBUTES) - {"href", "xlink:href"}
# How far back a Markdown image's `![` is looked for from its `]`: a page of many such
# addresses is not read from its start for each.
_ALT_TEXT_LOOK_BACK = 1000
# What pairs a link's or image's brackets: an escape (`\[`, `\!`), a code span's
# backticks, a bracket.
_BRACKET_MARK = re.compile(r"\\.|`++|[\[\]]", re.DOTALL)


def _why_unsafe(scheme: str) -> str:
    """The message of a finding of the address that starts with `scheme` as written (or
    with its user name or password: `https://user@`)."""
    if "://" in scheme:  # a web address's user (`https://user@`, `&#64;` too)
        return (
            "this address has a user name or password before its host (user@): the "
            "reader's browser goes to the host after the '@', which the text before it "
            "may hide, and a password in it is published; write the address without it"
        )
    if SVG_MEDIA_TYPE_PATTERN.search(scheme):
        return (
            f"a link to a '{scheme}' address opens an SVG document, which may run code in "
            "the reader's browser; show it as a picture (![text](...) or <img src>) or "
            "link to a page or a web address instead"
        )
    if link_scheme(scheme) == "data":
        return (
            f"a '{scheme}' address holds a whole document, which may run code in the "
            "reader's browser, and which browsers refuse to open as a page; link to a "
            "page or a web address instead (a picture's data:image/... is fine)"
        )
    return (
        f"a '{scheme}' address runs code in the reader's browser; link to a page "
        "or a web address instead"
    )


def _reported(
    text: CheckedText, _hits: object, *, term: bool, definition_lists: bool = True
) -> Iterator[tuple[int, int]]:
    """`_script_addresses`, and the addresses with a user name or password, but in a
    term's definition those in an attribute that its page leaves out (`glossary.html`'s
    to name)."""
    addresses: Iterable[tuple[int, int]] = _script_addresses(text, definition_lists)
    markdown = text.markdown
    if (
        markdown is not None
        and "://" in markdown
        and ("@" in markdown or any(at in markdown for at in AT_REFERENCES))
    ):  # most have none
        addresses = sorted(
            [*addresses, *_script_addresses(text, definition_lists, USERINFO_ADDRESS)]
        )
    if not term or text.key != "definition" or markdown is None:
        return addresses
    left_out = attributes_named(markdown, left_out_of_definition)
    return (address for address in addresses if not within(left_out, address[0]))


def _script_addresses(
    text: CheckedText, definition_lists: bool = True, pattern: LazyPattern = LINK_SCHEME_PATTERN
) -> Iterator[tuple[int, int]]:
    """(start, end) in the view of each script scheme (or `data:` one but a picture's)
    that starts an address; the text's code and tags read with def_list or without
    (`definition_lists`), as the site renders it. With another `pattern` (in a group
    `scheme`), of each of its matches that starts an address."""
    markdown = text.markdown
    if markdown is None:
        return
    # Nearly every text: one pass at C speed. A scheme with "script" or "data" broken up
    # holds a character reference.
    lowered = markdown.lower()
    if (
        pattern is LINK_SCHEME_PATTERN
        and "script" not in lowered
        and "data" not in lowered
        and "&#" not in markdown
    ):
        return
    outside_code: set[int] | None = None
    html: _HtmlAttributes | None = None  # read on first need
    # The line of each scheme in prose, counted on from the last one's: looked for from
    # the start of the text for each, a page of thousands would cost quadratic time.
    line_number, line_start, counted_to = 1, 0, 0
    reference_line, reference_end = -1, -1  # a line's start, where its definition opens
    for found in pattern.finditer(markdown):
        # Where the address starts as written: spaces and line breaks before it aside,
        # as for the other findings (which the character before it is tells).
        start = found.start()
        while markdown[start] in _SPACES:
            start += 1
        before = _character_before(markdown, start)
        # A `data:image/svg...` is named with its media type (its message differs).
        svg = SVG_MEDIA_TYPE_PATTERN.match(markdown, found.end())
        svg = svg if svg and link_scheme(found.group()) == "data" else None
        end = found.end() if svg is None else svg.end()
        if before in _ATTRIBUTE_OPENERS:
            # An HTML attribute's value where it starts, whether the checks read the tag
            # in a line or skip it whole (an HTML block, an `<iframe>`); not the same words
            # in a comment or inside another value (`title="src=..."`). What no tag of
            # the source holds (an attr_list's `{href=...}`, a tag broken by a quote's
            # `>`) is read as before: by the view.
            html = html or _HtmlAttributes.of(markdown, definition_lists)
            verdict = html.address_at(found.start(), start)
            if verdict is not None:
                if verdict and not (svg and html.picture_at(found.start(), start)):
                    yield start, end
                continue
        if text.view[found.start("scheme")] in _BLANKED:  # a link destination or a tag
            # Only where an address starts: `https://x.org/javascript:guide` is no script.
            if before in _ADDRESS_OPENERS and not (svg and _shown_as_picture(markdown, start)):
                yield start, end
            continue
        breaks = markdown.count("\n", counted_to, start)
        if breaks:
            line_number += breaks
            line_start = markdown.rfind("\n", counted_to, start) + 1
        counted_to = start
        if reference_line != line_start:  # once a line: a line may hold thousands
            reference_line = line_start
            reference_end = _reference_address(markdown, line_start)
        if start == reference_end:
            if outside_code is None:
                outside_code = {
                    number
                    for number, _ in lines_outside_code(markdown, definition_lists=definition_lists)
                }
            if line_number in outside_code:
                yield start, end


def _shown_as_picture(markdown: str, start: int) -> bool:
    """Whether the address at `start`, outside a tag the text holds, is a picture's: a
    Markdown image's (`![text](` before it), a CSS `url(`'s, or an attribute's that shows
    one, whatever its tag (attr_list's `{src=...}`)."""
    opener = _index_before(markdown, start)
    if opener < 0:
        return False
    if markdown[opener] == "(":
        if markdown[max(0, opener - 3) : opener].lower() == "url":
            return True
        return _image_text_ends_at(markdown, opener - 1)
    equals = _index_before(markdown, opener) if markdown[opener] in "\"'" else opener
    if equals < 0 or markdown[equals] != "=":
        return False
    name = re.search(r"[^\s\"'{:=]*\Z", markdown[max(0, equals - 40) : equals])
    return name is not None and name.group().lower() in _PICTURE_ATTRIBUTE_NAMES


def _image_text_ends_at(markdown: str, index: int) -> bool:
    """Whether the `]` at `index` ends a Markdown image's text (`![a [b] c]`): whether the
    `[` it closes follows a `!`. Its paragraph is read from its start (a bounded way
    back) for the brackets, which pair as Markdown pairs them: an escaped one (`\\[`) or
    one in a code span is no bracket. An image inside a link's text
    (`[![x](a.png)](...)`) ends no image at the link's `]`; an earlier image's `![`
    (`![logo](a.png) [text](...)`) opens no later link's text."""
    if markdown[index : index + 1] != "]":
        return False
    start = max(0, index - _ALT_TEXT_LOOK_BACK)
    for blank in _BLANK_LINE.finditer(markdown, start, index):
        start = blank.end()
    opened: list[bool] = []  # for each open `[`, whether a `!` opens an image with it
    escaped_to = -1  # where the last escape ends: a `\!` opens no image
    position = start
    while (mark := _BRACKET_MARK.search(markdown, position, index + 1)) is not None:
        position = mark.end()
        written = mark.group()
        if written[0] == "\\":
            escaped_to = position
        elif written[0] == "`":
            closing = re.compile(rf"(?<!`){written}(?!`)").search(markdown, position, index)
            position = closing.end() if closing else position
        elif written == "[":
            at = mark.start()
            opened.append(at > 0 and markdown[at - 1] == "!" and escaped_to != at)
        elif mark.start() == index:
            return bool(opened) and opened[-1]
        elif opened:
            opened.pop()
    return False


def _reference_address(markdown: str, line_start: int) -> int:
    """Where the address of a reference definition on the line at `line_start` starts:
    after its `[label]:`, or at the line's start (spaces aside) when `[label]:` ends the
    line before; -1 where no definition's address is on the line."""
    opening = _REFERENCE.match(markdown, line_start)
    if opening and markdown[opening.end() : opening.end() + 1] not in ("", "\n", "\r"):
        return opening.end()
    if line_start:
        label_line = markdown.rfind("\n", 0, line_start - 1) + 1
        alone = _REFERENCE_ALONE.match(markdown, label_line)
        if alone and alone.end() >= line_start:
            return alone.end()
    return -1


@dataclass(frozen=True, slots=True)
class _HtmlAttributes:
    """Where the values of the attributes of a text's HTML tags are, and its comments,
    outside code: each tag read as Python-Markdown reads one. Spans are sorted by start
    and looked up by bisection: a page may hold thousands of each.

    A blank line ends a paragraph and what it holds, but not an HTML block, which holds
    any number: a tag or comment over one is one or not by where it stands, which only
    a full reading of the page's HTML blocks would tell. So its values still count where
    they start (a script address there is reported: better once too often than missed),
    but what it holds is not taken out of the view's reading (`trusted`, `comments`)."""

    value_starts: frozenset[int]
    picture_starts: frozenset[int]  # values of attributes that show a picture
    trusted: tuple[tuple[int, int], ...]  # values of tags over no blank line
    comments: tuple[tuple[int, int], ...]  # over no blank line

    @classmethod
    def of(cls, markdown: str, definition_lists: bool = True) -> _HtmlAttributes:
        found = html_in_markdown(markdown, definition_lists=definition_lists)
        starts: set[int] = set()
        pictures: set[int] = set()
        trusted: list[tuple[int, int]] = []
        for opener in found.openers:
            tag = HTML_TAG_PATTERN.match(markdown, opener)
            if tag is None:
                continue
            tag_name = tag["tag_name"].lower()
            values: list[tuple[int, int]] = []
            for attribute in _ATTRIBUTE.finditer(markdown, tag.end("tag_name"), tag.end()):
                values.append(attribute.span(attribute.lastgroup or 0))
                if tag_name in _PICTURE_ATTRIBUTES.get(attribute["name"].lower(), ()):
                    pictures.add(values[-1][0])
            starts.update(start for start, _ in values)
            if not _BLANK_LINE.search(markdown, *tag.span()):
                trusted += values
        comments = [span for span in found.comments if not _BLANK_LINE.search(markdown, *span)]
        return cls(
            frozenset(starts), frozenset(pictures), tuple(sorted(trusted)), tuple(sorted(comments))
        )

    def address_at(self, first: int, start: int) -> bool | None:
        """True where a value starts at `first` (an address with what a browser strips
        before it) or `start` (without); False inside a value or a comment; None where
        neither holds it."""
        if first in self.value_starts or start in self.value_starts:
            return True
        if within(self.trusted, first) or within(self.comments, first):
            return False
        return None

    def picture_at(self, first: int, start: int) -> bool:
        """Whether the value `address_at` found there shows a picture (`<img src>`)."""
        return first in self.picture_starts or start in self.picture_starts


def _character_before(text: str, index: int) -> str:
    """The last character before `index` that is no space or line break ("" if none)."""
    before = _index_before(text, index)
    return text[before] if before >= 0 else ""


def _index_before(text: str, index: int) -> int:
    """Where the last character before `index` that is no space or line break is (-1 if
    none), found by stepping back: copying the text before each match would make a page
    of many script links quadratic."""
    index -= 1
    while index >= 0 and text[index] in _SPACES:
        index -= 1
    return index
