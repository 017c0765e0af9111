"""Turn a Markdown page into the text that the terminology checks read (DESIGN section 4).

`checkable_text(text, body_line)` returns a string of exactly the same length as `text`
in which every character keeps its offset, so a match at `view[a:b]` is `text[a:b]` in the
source and its line and column come straight from `LineIndex`. What readers see as prose
is kept; everything else is blanked:

- `HARD` (NUL) where words must never join across: code, URLs, e-mail addresses,
  front matter, HTML comments, the ends of blocks (headings, list items, table cells);
- a space where markup sits between words that a reader sees as neighbours: emphasis
  marks, link brackets and destinations, HTML tags, the `>` or indentation that starts a
  continuation line of a paragraph (whose line break stays a line break).

Block structure follows Python-Markdown with the site's extensions (admonition,
pymdownx.details, superfences, tabbed, tables, attr_list, md_in_html, footnotes): a block
pass (block_pass.py) that takes runs of plain prose and blank lines whole (compiled
regular expressions) and only the other lines one by one (blocks.py), then one
regular-expression pass for inline markup (inline.py).
Both are linear, so pages of many megabytes stay fast; tests compare the result with
markdown-it-py's and Python-Markdown's parse of the same pages, with what Python-Markdown
shows of random pages (tests/test_markdown_agreement.py) and of pages of hostile blocks
(tests/test_markdown_fuzz.py), and with the previous
line-by-line implementation (tests/reference_markdown.py).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from itertools import accumulate
from operator import add

from ..lazy_pattern import LazyPattern
from .block_pass import mask_blocks
from .blocks import Blocks
from .html_comments import raw_html_comments
from .inline import (
    HTML_TAG_PATTERN,
    end_past_reference,
    mask_addresses,
    mask_inline,
    mask_raw_html,
)
from .inline_openers import RAW_TEXT_ELEMENTS
from .syntax import GLUE, HARD, QUOTE_MARKS, is_mark, replaced

# What a comment in raw HTML is made in the view: spaces, its line breaks and the block
# pass's `HARD` kept.
_BLANKED = LazyPattern(r"[^\n\x00]")
_NOT_LINE_BREAK = LazyPattern(r"[^\n]")
# The close of a `<pre>`, `<code>`, `<kbd>`, `<samp>`, `<script>` or `<style>` element of
# raw HTML, by its name, found over lines and blank lines (`HARD` in the view).
_RAW_CODE_CLOSES = {
    name: LazyPattern(rf"</{name}\s*>", re.IGNORECASE | re.ASCII) for name in RAW_TEXT_ELEMENTS
}
_RAW_CODE_START = LazyPattern(r"<(?ai:code|kbd|pre|samp|script|style)(?![\w-])")
# A browser closes a `<pre>` at the end tag of one of these elements open around it (the
# HTML Standard's tree construction pops up to it: `<div><pre>a</div>`), and a `<kbd>` or
# `<samp>` at any such end tag; `<code>` goes on (a formatting element, made again after
# it), and `<script>` and `<style>` read end tags as their text. Not a `</form>`: it takes
# the form alone out of the open elements, the `<pre>` or `<kbd>` in it goes on.
_PRE_CLOSED_BY = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "button",
        "center",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "header",
        "hgroup",
        "listing",
        "main",
        "menu",
        "nav",
        "ol",
        "search",
        "section",
        "summary",
        "ul",
        "li",
        "dd",
        "dt",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
    }
)
_CLOSED_BY_AN_END_TAG_AROUND = {"pre": _PRE_CLOSED_BY, "kbd": None, "samp": None}

__all__ = [
    "GLUE",
    "HARD",
    "LINE_BREAK",
    "LONE_CARRIAGE_RETURN",
    "LineIndex",
    "blank_lines",
    "checkable_text",
    "code_block_lines",
    "code_block_spans",
    "defined_abbreviations",
    "end_past_reference",
    "fence_opening_lines",
    "is_mark",
    "line_starts",
    "lines_outside_code",
    "mask_addresses",
    "mask_inline",
    "without_fenced_code",
]


@dataclass(frozen=True, slots=True)
class LineIndex:
    """Line and column (1-based, code points) of offsets into one text."""

    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> LineIndex:
        return cls(tuple(line_starts(text)))

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of `offset`."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        """The offset of (line, column); lines past the end clamp to the last line."""
        line = min(max(line, 1), len(self.starts))
        return self.starts[line - 1] + column - 1


LINE_BREAK = LazyPattern(r"\r\n|\r|\n")
# Old Mac line endings: a line break to Markdown and editors, which line feeds alone miss.
LONE_CARRIAGE_RETURN = LazyPattern(r"\r(?!\n)")


def line_starts(text: str) -> list[int]:
    """The offset of every line of `text`. Lines end at `\\r\\n`, `\\r` or `\\n`, as
    Markdown and editors count them."""
    if "\r" in text:
        return [0, *(match.end() for match in LINE_BREAK.finditer(text))]
    # Summed in C: line k starts after the lengths of the lines before it and their k
    # line breaks.
    lines = text.split("\n")
    return list(map(add, accumulate(map(len, lines), initial=0), range(len(lines))))


# One line of plain prose, as most term definitions are (`>` folds them onto one): a
# letter first, then letters, digits, spaces and punctuation that neither the block pass
# nor the inline pass reads as markup (no tag, link, emphasis, code, reference, escape,
# URL or e-mail address), and its line break, if any. `checkable_text` gives it as it
# is, its line break made `HARD`; "www." (a bare URL's start) is looked for apart.
_PLAIN_LINE = LazyPattern(r"[A-Za-z][A-Za-z0-9 ,.;:'\"()?%-]*+(\n?)")


def checkable_text(text: str, body_line: int = 1, *, definition_lists: bool = True) -> str:
    """The page as the checks read it: same length as `text`, prose kept in place,
    everything else blanked (see the module docstring). Lines before `body_line` (front
    matter) are blanked whole. `definition_lists`: whether the site runs the def_list
    extension (read as ADOPTING.md says when not told)."""
    if (
        body_line == 1
        and (plain := _PLAIN_LINE.fullmatch(text))
        and "www." not in text
        and "WWW." not in text
    ):
        # Most term definitions: what the passes would make of it, without running them.
        return text[:-1] + HARD if plain.group(1) else text
    raw_spans: list[tuple[int, int]] = []
    fences: list[tuple[int, int]] = []
    view = mask_blocks(
        text, body_line, raw_spans, fences_in_paragraphs=fences, definition_lists=definition_lists
    )
    if not fences:
        return _mask_inline_and_raw(text, view, raw_spans)
    # superfences leaves a placeholder line where a fence interrupts a paragraph that goes
    # on after it, and Python-Markdown's inline markup reads across it (`a `b`, a fence,
    # then `c` d`: b and c are code; a comment too): the inline pass reads the fences as
    # the line breaks and spaces they are, then they are blanked again (no word joins
    # another across one).
    across = [(start, end, _NOT_LINE_BREAK.sub(" ", text[start:end])) for start, end in fences]
    masked = _mask_inline_and_raw(text, replaced(view, across), raw_spans)
    return replaced(masked, [(start, end, HARD * (end - start)) for start, end in fences])


def _mask_inline_and_raw(text: str, view: str, raw_spans: list[tuple[int, int]]) -> str:
    """The inline pass over `view`, the block pass's of `text`, whose raw HTML blocks'
    prose is at `raw_spans`."""
    if not raw_spans:
        return mask_inline(view)
    if "<!--" in view:  # comments in raw HTML, hidden over the blank lines that part it
        in_tags: list[int] = []
        hidden = [
            (start, end, _BLANKED.sub(" ", view[start:end]))
            for start, end in raw_html_comments(view, raw_spans, in_tags)
        ]
        # A `<!--` in an attribute value is the tag's, unquoted too (`<div title=<!--x>`),
        # which a browser reads so and the tag pattern, holding no `<`, did not: without
        # its `<`, the tag is blanked as any other (review rv43).
        view = replaced(view, sorted([*hidden, *((opener, opener + 1, " ") for opener in in_tags)]))
    view = _hide_raw_code_over_blank_lines(text, view, raw_spans)
    # Raw HTML shows Markdown as it is: its lines get only the HTML part of the pass.
    pieces: list[str] = []
    previous = 0
    for start, end in _spans_joined_over_white_space(view, raw_spans):
        pieces += (mask_inline(view[previous:start]), _mask_raw_lines(view[start:end]))
        previous = end
    pieces.append(mask_inline(view[previous:]))
    return "".join(pieces)


def _hide_raw_code_over_blank_lines(text: str, view: str, raw_spans: list[tuple[int, int]]) -> str:
    """`view` with each code element (`_raw_code_elements`) of a raw HTML block that goes
    on over a blank line of the block blanked (`HARD`): Python-Markdown publishes the
    block as written, blank lines and all, and a browser shows the element as code or
    not at all (`<div>`, `<pre>a`, ``, `b</pre>`). The block's lines are read together
    after (`_spans_joined_over_white_space`) only over line breaks and indentation,
    where such an element is hidden too. One a browser ends early, at an end tag not its
    own (`<div><pre>a</div>`), is hidden in any block: its lines read it as never closed."""
    if not _RAW_CODE_START.search(view, raw_spans[0][0]):  # most pages' raw HTML: none
        return view
    # (start, end, whether a blank line parts its lines) of each raw HTML block: its
    # lines, with only white space of the text between them.
    blocks: list[tuple[int, int, bool]] = []
    for start, end in raw_spans:
        if blocks and text[blocks[-1][1] : start].isspace():
            block_start, block_end, parted = blocks[-1]
            blocks[-1] = (block_start, end, parted or not view[block_end:start].isspace())
        else:
            blocks.append((start, end, False))
    hidden = [
        (element_start, element_end, HARD * (element_end - element_start))
        for start, end, parted in blocks
        for element_start, element_end, cut_short in _raw_code_elements(view, start, end)
        # (one a browser ends early is hidden whole: the lines read it as never closed)
        if cut_short or (parted and HARD in view[element_start:element_end])
    ]
    return replaced(view, hidden) if hidden else view


def _raw_code_elements(view: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """(start, end, cut_short) of each code element, from its start tag to its close, in
    `view` from `start` to `end`. Tags are read whole, so a `<code>` in an attribute's
    value starts none (`<div title="<code>">`, a browser's text); an element never closed
    is not one (read as text, as before), and its name is searched for no more. A `<pre>`,
    `<kbd>` or `<samp>` ends before its close where a browser ends it, at the end tag of
    an element open around it (`_CLOSED_BY_AN_END_TAG_AROUND`): `cut_short`."""
    unclosed: set[str] = set()
    closes: dict[str, re.Match[str]] = {}  # each name's close last found: one for many
    opened: dict[str, int] = {}  # each name's start tags less its end tags so far
    position = start
    while (tag := HTML_TAG_PATTERN.search(view, position, end)) is not None:
        position = tag.end()
        name = tag.group("tag_name").lower()
        is_end = tag.group("tag")[0] == "/"
        opened[name] = opened.get(name, 0) + (-1 if is_end else 1)
        if is_end or name not in _RAW_CODE_CLOSES or name in unclosed:
            continue
        close = closes.get(name)
        if close is None or close.start() < position:
            close = closes[name] = _RAW_CODE_CLOSES[name].search(view, position, end)
        if close is None:
            unclosed.add(name)
            continue
        cut = None
        if name in _CLOSED_BY_AN_END_TAG_AROUND:
            cut = _end_tag_around(view, position, close.start(), name, opened)
        else:  # the tags in it are its text, yet counted as the reference counts them
            _count_tags(view, position, close.start(), opened)
        element_end = close.end() if cut is None else cut
        yield tag.start(), element_end, cut is not None
        if cut is None:
            opened[name] -= 1
        position = element_end


def _end_tag_around(
    view: str, start: int, end: int, name: str, opened: dict[str, int]
) -> int | None:
    """Where the first end tag from `start` to `end` (the close of the `name` element
    whose start tag ends at `start`) that a browser ends that element at ends: one of an
    element `opened` around it (`_CLOSED_BY_AN_END_TAG_AROUND`) and not in it; None if
    none is. `opened` counts the tags read, up to that one."""
    closers = _CLOSED_BY_AN_END_TAG_AROUND[name]
    around = {found: count for found, count in opened.items() if count > 0}
    position = start
    while (tag := HTML_TAG_PATTERN.search(view, position, end)) is not None:
        position = tag.end()
        found = tag.group("tag_name").lower()
        is_end = tag.group("tag")[0] == "/"
        count = opened.get(found, 0) + (-1 if is_end else 1)
        opened[found] = count
        if (
            is_end
            and found in around
            and around[found] > count  # (not one opened in the element)
            and (found in closers if closers is not None else found != "form")
        ):
            return position
    return None


def _count_tags(view: str, start: int, end: int, opened: dict[str, int]) -> None:
    """`opened` with the tags from `start` to `end` counted (see `_raw_code_elements`)."""
    for tag in HTML_TAG_PATTERN.finditer(view, start, end):
        found = tag.group("tag_name").lower()
        opened[found] = opened.get(found, 0) + (-1 if tag.group("tag")[0] == "/" else 1)


def blank_lines(view: str, numbers: Collection[int]) -> str:
    """`view` with its lines numbered `numbers` blanked whole (`HARD`, line breaks kept):
    lines that are never published as written, as pymdownx.snippets' include lines."""
    if not numbers:
        return view
    starts = line_starts(view)
    pieces: list[str] = []
    previous = 0
    for number in sorted(numbers):
        if not 0 < number <= len(starts):
            continue
        start = starts[number - 1]
        end = starts[number] if number < len(starts) else len(view)
        line = view[start:end]
        content = len(line.rstrip("\r\n"))
        pieces += (view[previous:start], HARD * content)
        previous = start + content
    pieces.append(view[previous:])
    return "".join(pieces)


def _spans_joined_over_white_space(
    view: str, spans: list[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """`spans` with those that only a line break and indentation part made one: a tag
    may go on over lines (`<div class="card"` then `title="...">`), and is read whole."""
    joined_start, joined_end = spans[0]
    for start, end in spans[1:]:
        if view[joined_end:start].isspace():
            joined_end = end
            continue
        yield joined_start, joined_end
        joined_start, joined_end = start, end
    yield joined_start, joined_end


def _mask_raw_lines(lines: str) -> str:
    """`mask_raw_html` of the lines of a raw HTML block. In a quote, the `>` that starts
    each line is the quote's, not the end of a tag that goes on over lines: it is read as
    a space, and kept as it was."""
    if "\n" not in lines or not lines.lstrip(" \t").startswith(">"):
        return mask_raw_html(lines)
    marks = [(*found.span(), found.group()) for found in QUOTE_MARKS.finditer(lines)]
    masked = mask_raw_html(QUOTE_MARKS.sub(lambda found: " " * len(found.group()), lines))
    return replaced(masked, marks)


def lines_outside_code(
    text: str, body_line: int = 1, *, definition_lists: bool = True
) -> Iterator[tuple[int, str]]:
    """(number, line) of every line of the Markdown body of `text` (from `body_line` on)
    that is not inside fenced or indented code, as the block pass reads them (with the
    def_list extension or without: `definition_lists`)."""
    blocks = Blocks()
    blocks.definition_lists = definition_lists
    for number, line, fenced, indented, _ in _lines_and_code(text, body_line, blocks):
        if not (fenced or indented):
            yield number, line


# What every code block's text holds: a fence, or a line indented four columns.
_CODE_HINT = LazyPattern(r"```|~~~|(?:\A|\n)(?: {4}|[ ]{0,3}\t)")


def code_block_spans(text: str, body_line: int = 1) -> list[tuple[int, int]]:
    """(start, end) of each run of lines of the Markdown body of `text` (from
    `body_line` on) inside fenced or indented code, fences and line breaks included, as
    the block pass reads them: what a reader is shown line by line, as written."""
    if not _CODE_HINT.search(text):
        return []
    spans: list[tuple[int, int]] = []
    position = sum(len(line) + 1 for line in text.split("\n")[: body_line - 1])
    for _, line, fenced, indented, _ in _lines_and_code(text, body_line):
        end = min(position + len(line) + 1, len(text))
        if fenced or indented:
            if spans and spans[-1][1] == position:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((position, end))
        position = end
    return spans


def code_block_lines(text: str, body_line: int = 1) -> frozenset[int]:
    """The numbers of the lines of `text`'s Markdown body inside fenced or indented code
    (`code_block_spans`), fences included."""
    if not _CODE_HINT.search(text):
        return frozenset()
    return frozenset(
        number
        for number, _, fenced, indented, _ in _lines_and_code(text, body_line)
        if fenced or indented
    )


def without_fenced_code(text: str, blocks: Blocks | None = None) -> str:
    """`text` with the lines of its fenced code blocks, fences included, blanked (their
    line breaks kept): what Python-Markdown reads after its fence pass has set the blocks
    aside, offsets as in `text` (read by `blocks`, if given)."""
    if "```" not in text and "~~~" not in text:
        return text
    return "\n".join(
        " " * len(line) if fenced else line
        for _, line, fenced, _, _ in _lines_and_code(text, 1, blocks)
    )


def fence_opening_lines(text: str, *, definition_lists: bool = True) -> list[int]:
    """The numbers of the lines of `text` that open a fenced code block, as the block
    pass reads them (attr_list's `{ }` on one is the block's), with def_list or without
    (`definition_lists`)."""
    if "```" not in text and "~~~" not in text:
        return []
    blocks = Blocks()
    blocks.definition_lists = definition_lists
    return [number for number, _, _, _, opens in _lines_and_code(text, 1, blocks) if opens]


# What every abbreviation's definition holds (`*[HSI]:`, `*[HSI] :`).
_ABBREVIATION_HINT = LazyPattern(r"\*\[[^\]\n]+\] ?:")


def defined_abbreviations(
    text: str, body_line: int = 1, *, definition_lists: bool = True
) -> set[str]:
    """What the abbr extension's definitions in the Markdown body of `text` (`*[HSI]:
    ...`) abbreviate: those it reads, not one in code, in a comment or indented; code
    read with def_list or without (`definition_lists`)."""
    # `*` first: one character, `str` finds it several times as fast as two.
    if "*" not in text or "*[" not in text or not _ABBREVIATION_HINT.search(text):
        return set()  # most pages: read line by line only those that may define one
    blocks = Blocks()
    blocks.definition_lists = definition_lists
    for _ in _lines_and_code(text, body_line, blocks):
        pass
    return blocks.abbreviations


def _lines_and_code(
    text: str, body_line: int, blocks: Blocks | None = None
) -> Iterator[tuple[int, str, bool, bool, bool]]:
    """(number, line, in fenced code, in indented code, opens a fence) of every line of
    `text` from `body_line` on, as the block pass reads them (with `blocks`, if given)."""
    lines = text.split("\n")
    blocks = Blocks() if blocks is None else blocks
    blocks.text = text
    blocks.next_offset = sum(len(line) + 1 for line in lines[: body_line - 1])
    blocks.opened_at[0] = blocks.next_offset
    for index in range(body_line - 1, len(lines)):
        line = lines[index]
        in_fence = blocks.fence is not None
        blocks.next_offset += len(line) + 1
        blocks.classify(line, lines[index + 1] if index + 1 < len(lines) else None)
        opens = not in_fence and blocks.fence is not None
        yield index + 1, line, in_fence or blocks.fence is not None, blocks.in_code, opens
