"""Blockquote marks as Python-Markdown reads them: how deep a line is quoted, what is
left of it without its marks, where its content's columns start, and where the quote
holding a line opens. `Blocks` (blocks.py) keeps the state of the quotes open; these
read one line, or the lines before one, and keep none."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..lazy_pattern import LazyPattern
from .line_widths import TAB_WIDTH, indentation_of

# The quote marks that start a quoted line (`>`, `> >`, `>>`), each with the space or tab
# after it, if any.
BLOCKQUOTE = LazyPattern(r"(?:>[ \t]?)+")
_SPACES = " \t"


class QuoteContainer(NamedTuple):
    """A container (list item, admonition, details, tab) opened in a blockquote and
    still open. A NamedTuple: built and read once per container line of every page
    scanned, it is the quickest record to make and to read."""

    # Where its content starts, counted from the quote's content: text indented four
    # past the innermost one is code.
    column: int
    strict: bool  # an admonition, details or tab: any less indented line ends it
    # How many quotes deep the line that opened it is: a quote inside the one it
    # opened in counts its columns afresh.
    opened_depth: int


def quoted_indentation(line: str, quote: re.Match[str]) -> tuple[int, int]:
    """(position of the first non-blank character after the quote marks `quote`, its
    column counted from the quote's content). Python-Markdown expands tabs over the whole
    line first, to stops every four columns from its start, then takes each `>` and one
    space after it off: after `> `, a tab is two columns, no code (review rv33)."""
    last = quote.start() + quote.group().rindex(">")
    position = column = content = 0
    while position < len(line):
        char = line[position]
        if position > last and char not in " \t":
            break
        column += TAB_WIDTH - column % TAB_WIDTH if char == "\t" else 1
        if position == last:  # the content starts after the `>` and a space, if any
            content = column + (line[position + 1 : position + 2] in (" ", "\t"))
        position += 1
    return position, column - content


def unquoted(line: str) -> str:
    """A line inside a blockquote without its quote marks (a lazy line has none), its
    text as far in as Python-Markdown reads it: a tab among the marks or after them is
    expanded from the line's start first (`>\t===` is two columns in, no underline)."""
    quote = BLOCKQUOTE.match(line, indentation_of(line, 0)[0])
    if quote is None:
        return line
    position = indentation_of(line, quote.end())[0]
    if "\t" not in line[:position]:
        return line[quote.end() :]
    inside = line[:position].expandtabs(TAB_WIDTH).lstrip(" ")
    while inside.startswith(">"):  # each mark, and one space after it
        inside = inside[2:] if inside.startswith("> ") else inside[1:]
    return inside + line[position:]


def quote_depth_of(line: str) -> int:
    """How many blockquotes `line` starts in (its quote marks)."""
    quote = BLOCKQUOTE.match(line, indentation_of(line, 0)[0])
    return quote.group().count(">") if quote else 0


def quote_start(text: str, floor: int, line_start: int, depth: int) -> int:
    """Where the blockquote `depth` deep that holds the line at `line_start` starts, no
    earlier than `floor`, as Python-Markdown reads quotes: one takes a block from its
    first quoted line on, and goes on in the next block that starts quoted; inside it,
    the same holds for the quotes it holds, its lines without one quote mark."""
    line_end = text.find("\n", line_start)
    lines = text[floor : len(text) if line_end < 0 else line_end].split("\n")
    offsets = [floor]
    for line in lines[:-1]:
        offsets.append(offsets[-1] + len(line) + 1)
    opening = 0
    for _ in range(depth):
        opening = _quote_opening(lines, opening)
        lines[opening:] = [_without_quote_mark(line) for line in lines[opening:]]
    return offsets[opening]


def _quote_opening(lines: list[str], lowest: int) -> int:
    """The index of the line, `lowest` or later, where the blockquote holding the last
    of `lines` opens."""

    def is_blank(index: int) -> bool:
        return not lines[index].strip()

    def is_quoted(index: int) -> bool:
        return lines[index].lstrip(_SPACES).startswith(">")

    def chunk_start(index: int) -> int:
        while index > lowest and not is_blank(index - 1):
            index -= 1
        return index

    last = len(lines) - 1
    chunk = chunk_start(last)
    opening = next(index for index in range(chunk, last + 1) if is_quoted(index))
    while opening == chunk:  # the block before it may hold the quote it goes on with
        before = chunk - 1
        while before >= lowest and is_blank(before):
            before -= 1
        if before < lowest:
            break
        chunk = chunk_start(before)
        quoted = [index for index in range(chunk, before + 1) if is_quoted(index)]
        if not quoted:
            break
        opening = quoted[0]
    return opening


def inside_quotes(line: str, depth: int) -> str:
    """`line` without its first `depth` quote marks, as the blockquotes read it."""
    for _ in range(depth):
        line = _without_quote_mark(line)
    return line


def _without_quote_mark(line: str) -> str:
    """`line` without its first quote mark and the space after it, as Python-Markdown's
    blockquote reads its lines (a lazy line has none)."""
    stripped = line.lstrip(_SPACES)
    if not stripped.startswith(">"):
        return line
    return stripped[2:] if stripped[1:2] == " " else stripped[1:]
