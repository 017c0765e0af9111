"""The indentation of lines: of one line (`indentation_of`), and of every line of a page
that is not blank, with the first such line after an offset indented less than a given
width: where superfences gives up a fence opened that far in (fences.py). Read in
O(log n) a question, however many widths the page's fences are opened at, so a page of
fences at ever other indentations stays linear (a pass over the page per width was
not)."""

from __future__ import annotations

import bisect
import re

from ..lazy_pattern import LazyPattern

TAB_WIDTH = 4  # Python-Markdown's tab length
_BLOCK = 64  # lines a block: the minimum width of each is kept, and of runs of blocks
_INDENTATION = LazyPattern(r"^[ \t]*(?=[^\s])", re.MULTILINE)
_INDENTATION_AND_QUOTE_MARKS = LazyPattern(r"^[ \t>]*+(?=\S)", re.MULTILINE)


def indentation_of(line: str, start: int) -> tuple[int, int]:
    """(position of the first non-blank character at or after `start`, its column)."""
    position = start
    column = 0
    length = len(line)
    while position < length:
        char = line[position]
        if char == " ":
            column += 1
        elif char == "\t":
            column += TAB_WIDTH - column % TAB_WIDTH
        else:
            break
        position += 1
    return position, column


class LineWidths:
    """The offsets and indentation widths (tabs to the next multiple of four; with
    `quoted`, quote marks counted as indentation) of the lines of `text` not blank."""

    def __init__(self, text: str, quoted: bool) -> None:
        pattern = _INDENTATION_AND_QUOTE_MARKS if quoted else _INDENTATION
        self.offsets: list[int] = []
        self.widths: list[int] = []
        for found in pattern.finditer(text):
            self.offsets.append(found.start())
            indentation = found.group()
            self.widths.append(
                len(indentation.expandtabs(TAB_WIDTH)) if "\t" in indentation else len(indentation)
            )
        # minima[k][b]: the least width of blocks b to b + 2**k - 1.
        blocks = [
            min(self.widths[start : start + _BLOCK]) for start in range(0, len(self.widths), _BLOCK)
        ]
        self.minima = [blocks]
        span = 1
        while span * 2 <= len(blocks):
            last = self.minima[-1]
            self.minima.append(
                [min(last[b], last[b + span]) for b in range(len(blocks) - span * 2 + 1)]
            )
            span *= 2

    def first_less(self, offset: int, width: int) -> int | None:
        """The offset of the first line at or after `offset` indented less than `width`;
        None if there is none."""
        index = bisect.bisect_left(self.offsets, offset)
        count = len(self.widths)
        # The rest of the block `index` is in, line by line.
        block_end = min(count, (index // _BLOCK + 1) * _BLOCK)
        for line in range(index, block_end):
            if self.widths[line] < width:
                return self.offsets[line]
        # Whole blocks skipped by powers of two while none is indented less.
        block = index // _BLOCK + 1
        blocks = len(self.minima[0])
        for level in range(len(self.minima) - 1, -1, -1):
            if block + (1 << level) <= blocks and self.minima[level][block] >= width:
                block += 1 << level
        if block >= blocks:
            return None
        for line in range(block * _BLOCK, min(count, (block + 1) * _BLOCK)):
            if self.widths[line] < width:
                return self.offsets[line]
        return None  # pragma: no cover - the block's minimum is less than `width`
