"""HTML in Markdown, found so that a term's definition can show it as text.

A definition is plain text in tooltips, in handouts' key terms and in search, and
Markdown on its term page. There, every `<` outside code is written `&lt;`, so a tag
typed in it shows as typed: also after `\\` (Python-Markdown reads no `\\<` escape) and
after a comment that a browser ends early (`<!-->`, `--!>`: `markup.CLOSED_COMMENT`).
Comments are taken out: no reader sees one, and a suppression comment in a definition
stays unseen. Where code is is read with
every `<` made text, as the page will have it: a `<div>` block's backticks are a code
span there. This follows the checks' reading of Markdown; it is no sanitizer (see
`tags_as_text`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from ..lazy_pattern import LazyPattern
from ..markup import CLOSED_COMMENT
from . import lines_outside_code
from .block_pass import mask_blocks
from .inline import code_spans
from .syntax import BLOCK_TAGS, HARD, replaced

# An autolink Python-Markdown makes a link of: kept (the address is a link, not a tag).
_AUTOLINK = LazyPattern(r"<(?:(?:https?|ftp)://[^<>\s]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>", re.I)
_COMMENT = LazyPattern(CLOSED_COMMENT, re.DOTALL)
# What a browser reads as the end of a comment that is not closed at once (`<!-->`).
_COMMENT_CLOSE = LazyPattern(r"--!?>")
_CLOSED_AT_ONCE = ("<!-->", "<!--->")
# A line of nothing but spaces and a quote's marks: the paragraph before it ends there.
_BLANK_LINE = LazyPattern(r"\n[ \t>]*+\n")
# What starts an HTML block to Python-Markdown, at the start of a line: a block-level
# tag, a comment or declaration (`<!`), a processing instruction (`<?`).
_LINE_START_TAG = LazyPattern(r"[ \t]{0,3}<(?:[!?]|/?(?P<name>[A-Za-z][\w-]*))")
_LINE_START_OPENER = LazyPattern(r"[ \t]{0,3}<")
# Passes that take comments out, each of them exposing the next layer of comments nested
# as `<!<!-- -->-- -->` (see `tags_as_text`).
_COMMENT_PASSES = 8
# What a reader would take for a tag, to name in a finding: `<b>`, `</div>`, `<!DOCTYPE>`.
_TAG = LazyPattern(r"</?[A-Za-z][^<>\n]*>?|<[!?][^<>\n]*>?")


@dataclass(frozen=True, slots=True)
class HtmlInMarkdown:
    """Offsets into one Markdown text, all outside code (but for a block-level tag that
    starts a line, which is HTML to Python-Markdown even inside a code span)."""

    openers: tuple[int, ...]  # every `<` that is no comment's nor autolink's: made text
    comments: tuple[tuple[int, int], ...]  # (start, end) of each comment: taken out
    tags: tuple[tuple[int, int], ...]  # (start, end) of what looks like a tag


def html_in_markdown(
    text: str, *, html_blocks: bool = False, definition_lists: bool = True
) -> HtmlInMarkdown:
    """Where `text` holds HTML, or what a browser could read as HTML (`HtmlInMarkdown`).
    `html_blocks`: `text` is published with its raw HTML blocks (a page), where no code
    span starts or ends: `<p>`</p><script>...</script>`` runs the script (security
    audit); else it is read as a definition is shown, every `<` text.
    `definition_lists`: whether the site runs def_list (a definition's indented blocks
    are its own, or code)."""
    openers: list[int] = []
    comments: list[tuple[int, int]] = []
    tags: list[tuple[int, int]] = []
    if "<" not in text:
        return HtmlInMarkdown((), (), ())
    raw_blocks: list[tuple[int, int]] = []
    if html_blocks:
        mask_blocks(text, 1, raw_blocks, definition_lists=definition_lists)
    # As `&lt;` reads: no HTML.
    code = code_ranges(text.replace("<", "&"), raw_blocks, definition_lists=definition_lists)
    comment_at = _Comments(text)
    starts = [start for start, _, _ in code]
    position = text.find("<")
    while position >= 0:
        index = bisect.bisect_right(starts, position) - 1
        if index >= 0 and position < code[index][1]:
            _, end, is_span = code[index]
            # Python-Markdown finds HTML blocks before code spans: a tag that starts a
            # line is HTML even where a code span from the line before would hold it, so
            # each line of a span is looked at, not only its first `<`.
            if not (is_span and _starts_html_block(text, position)):
                following = _next_line_opener(text, position, end) if is_span else -1
                position = following if following >= 0 else text.find("<", end)
                continue
        comment = comment_at(position) or _AUTOLINK.match(text, position)
        if comment is not None:
            if comment.group().startswith("<!--"):
                comments.append(comment.span())
            position = text.find("<", comment.end())
            continue
        openers.append(position)
        tag = _TAG.match(text, position)
        if tag is not None:
            tags.append(tag.span())
        position = text.find("<", position + 1)
    return HtmlInMarkdown(tuple(openers), tuple(comments), tuple(tags))


class _Comments:
    """The comments of one Markdown text, as Python-Markdown keeps them and a browser
    ends them: a comment needs its end (`_COMMENT`), before the paragraph's end unless it
    starts a line, where it starts an HTML block (in a paragraph, Python-Markdown writes
    the `<!--` as text, and a `<script>` a paragraph below runs). Asked at growing
    offsets: the next end and the next blank line are each looked for once, so thousands
    of `<!--` left open are read in linear time."""

    def __init__(self, text: str) -> None:
        self.text = text
        # The next end and blank line found (past the text's end: none is left).
        self._close = self._close_end = self._blank = -1

    def __call__(self, position: int) -> re.Match[str] | None:
        text = self.text
        if not text.startswith("<!--", position):
            return None
        limit = len(text) if _starts_html_block(text, position) else self._next_blank(position)
        # Read only where its end is there: a failed read would go on to `limit`, from
        # every `<!--`. `<!--!>` is no end: the `--!>` must come after the `<!--`.
        at_once = text.startswith(_CLOSED_AT_ONCE, position)
        if not at_once and self._next_close_end(position + 4) > limit:
            return None
        return _COMMENT.match(text, position, limit)

    def _next_close_end(self, start: int) -> int:
        """The end of the first `-->` or `--!>` that starts at `start` or after."""
        if self._close < start:
            found = _COMMENT_CLOSE.search(self.text, start)
            beyond = len(self.text) + 1
            self._close, self._close_end = found.span() if found is not None else (beyond, beyond)
        return self._close_end

    def _next_blank(self, start: int) -> int:
        """Where the first blank line after `start` begins (its line break before)."""
        if self._blank < start:
            found = _BLANK_LINE.search(self.text, start)
            self._blank = len(self.text) if found is None else found.start()
        return self._blank


def _next_line_opener(text: str, position: int, end: int) -> int:
    """The first `<` after `position` and before `end` that starts a line (after at most
    three spaces), or -1: each line break of the span is looked at once."""
    line_break = text.find("\n", position, end)
    while line_break >= 0:
        opener = _LINE_START_OPENER.match(text, line_break + 1, end)
        if opener is not None:
            return opener.end() - 1
        line_break = text.find("\n", line_break + 1, end)
    return -1


def _starts_html_block(text: str, position: int) -> bool:
    """Whether the `<` at `position` starts its line and, there, an HTML block. Only the
    few characters before it are read: a long line of code spans stays linear."""
    before = text.rfind("\n", max(0, position - 4), position)
    line_start = before + 1 if before >= 0 else 0
    if position - line_start > 3 or text[line_start:position].strip(" \t"):
        return False
    found = _LINE_START_TAG.match(text, line_start)
    if found is None or found.start() + found.group().index("<") != position:
        return False
    name = found.group("name")
    return name is None or name.lower() in BLOCK_TAGS


def code_ranges(
    text: str, raw_blocks: list[tuple[int, int]] | None = None, *, definition_lists: bool = True
) -> list[tuple[int, int, bool]]:
    """(start, end, whether a code span) of the code in `text`, in order: its code
    blocks' lines (fenced and indented) and its code spans, none of which starts, ends or
    reaches into the `raw_blocks` (raw HTML blocks, as `mask_blocks` finds them), read
    with def_list or without (`definition_lists`)."""
    outside = {number for number, _ in lines_outside_code(text, definition_lists=definition_lists)}
    ranges: list[tuple[int, int, bool]] = []
    line_start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if number not in outside:
            ranges.append((line_start, line_start + len(line), False))
        line_start += len(line) + 1
    view = mask_blocks(text, 1, definition_lists=definition_lists)
    if raw_blocks:
        view = replaced(view, [(start, end, HARD * (end - start)) for start, end in raw_blocks])
    ranges += [(start, end, True) for start, end in code_spans(view)]
    return sorted(ranges)


def tags_as_text(markdown: str, *, definition_lists: bool = True) -> str:
    """`markdown` as a term's page and its tooltips show it: comments taken out, then
    every `<` outside code written `&lt;`, so that a tag typed in a definition shows as
    typed, on its page, in handouts' key terms and in the short text of tooltips and
    search (DESIGN section 11; `glossary.html` tells the editor). This is how the text
    reads, not a sanitizer: definitions are reviewed like pages, which may hold any HTML,
    and the site's content policy keeps whatever runs from reaching another host.
    `definition_lists`: whether the site runs def_list (a definition's indented blocks
    are its own, or code)."""
    found = html_in_markdown(markdown, definition_lists=definition_lists)
    passes = 0
    while found.comments:  # without them, code may lie elsewhere (a fence commented out)
        if passes == _COMMENT_PASSES:
            # Comments in more layers than any editor writes: a pass a layer would be
            # quadratic in the depth. What is left of them shows as text, every `<` in it.
            hidden = [
                index
                for start, end in found.comments
                for index in range(start, end)
                if markdown[index] == "<"
            ]
            openers = sorted((*found.openers, *hidden))
            return replaced(markdown, [(start, start + 1, "&lt;") for start in openers])
        markdown = replaced(markdown, [(start, end, "") for start, end in found.comments])
        found = html_in_markdown(markdown, definition_lists=definition_lists)
        passes += 1
    return replaced(markdown, [(start, start + 1, "&lt;") for start in found.openers])


def start_tag(text: str) -> tuple[str, dict[str, str | None]]:
    """The name and attributes of the start tag `text`, as a browser reads them."""
    parser = _StartTag()
    parser.feed(text)
    parser.close()
    return parser.name, parser.attributes


class _StartTag(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.name = ""
        self.attributes: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.name:
            self.name, self.attributes = tag, dict(attrs)
