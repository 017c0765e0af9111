"""A text as privacy.pii reads it: a phone number's groups and an address's words as a
reader is shown them, however the source wraps and spaces them.

A line break inside a paragraph is a space to the reader, as DESIGN section 4 reads it for
terms: editors and formatters hard-wrap Markdown (`proseWrap: always`), and YAML's `|` and
`>` blocks are wrapped the same way. So the spaces around a line break, and what continues
the paragraph on the next line (a list item's or a YAML block's indent, a quote's `>`), are
read as the line break alone, which the rule's patterns take for a space; a tab, or a run
of spaces (a Word paste), as one space. A number broken right after a dash between its
digits (`402-555-` / `0142`), or after the dot of a dotted number (`402.555.` / `0142`), is
read joined. A blank line (a quote's `>` alone too) ends a paragraph: it is read as written,
and separates.

Where a reader is shown each line as a line (a code block, a `.txt` or `.csv` file: review
rv4, a fixed-width table's columns and a list of numbers read as phone numbers), nothing
is joined: a run of spaces or a tab is a gap between columns, as written, and each line
break is read as a carriage return (`LINE_END`), which no pattern of privacy.pii reads
through as it reads a soft break's line feed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from ..forms import UNICODE_SPACES
from ..source_map import SourceMap, rewritten
from .national_phones import DASHES

# A space within a line: a space, a tab, any of Unicode's (privacy.pii's patterns too).
LINE_SPACE = f"[ \t{UNICODE_SPACES}]"
# How a line break is read where each line is a line: a line's end that the patterns never
# take for a space (they take a line feed, a soft break's, for one). Same length: no map.
LINE_END = "\r"
# Possessive: a line followed by a blank one is no soft break, whatever spaces it ends with.
# (The lookahead first lets the engine skip the words between gaps at C speed.)
_GAP = re.compile(
    rf"(?=[\s{UNICODE_SPACES}])"
    rf"(?:{LINE_SPACE}*+\r?\n{LINE_SPACE}*+(?:>{LINE_SPACE}*+)*+(?![\r\n])"
    rf"|{LINE_SPACE}{{2,}}|\t)"
)
# A number's groups before a line break that joins them without a space.
_DASH_BEFORE = re.compile(rf"\d[{DASHES}]\Z")
_DOTTED_BEFORE = re.compile(r"\d\.\d+\.\Z")
# How far back `_DOTTED_BEFORE` looks: a group of a dotted number is short.
_DOTTED_WINDOW = 8


def soft_breaks_joined(text: str, lines: Sequence[tuple[int, int]] = ()) -> tuple[str, SourceMap]:
    """`text` with each soft line break read as one line break, each tab or run of
    spaces as one space, and a number broken after a dash or a dot joined; but in the
    spans `lines` (start, end; in order), where each line is a line, each line break
    read as `LINE_END` and the rest as written. And where each place of the result is in
    `text`."""
    if lines:
        text = _lines_ended(text, lines)
    if "\n" not in text and "\t" not in text and "  " not in text and text.isascii():
        return text, SourceMap()  # nothing to read otherwise: most YAML values, short pages
    return rewritten(text, _gaps(text, lines))


def _lines_ended(text: str, lines: Sequence[tuple[int, int]]) -> str:
    """`text` with each line break in the spans `lines` read as `LINE_END`."""
    pieces: list[str] = []
    previous = 0
    for start, end in lines:
        pieces += (text[previous:start], text[start:end].replace("\n", LINE_END))
        previous = end
    pieces.append(text[previous:])
    return "".join(pieces)


def _gaps(text: str, lines: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
    """(start, end, read) of each gap of `text` read otherwise than written: none that
    starts in the spans `lines`."""
    line_starts = [start for start, _ in lines]
    for gap in _GAP.finditer(text):
        start, end = gap.span()
        kept = bisect_right(line_starts, start) - 1
        if kept >= 0 and start < lines[kept][1]:
            continue  # a gap between columns, as written
        written = gap.group()
        if "\n" not in written:
            read = " "
        elif _joins_a_number(text, start, end):
            read = ""
        else:
            read = "\n"
        if written != read:
            yield start, end, read


def _joins_a_number(text: str, start: int, end: int) -> bool:
    """Whether the line break at `text[start:end]` is inside a number broken after a dash
    or the dot of a dotted number: a digit goes on after it."""
    if not text[end : end + 1].isdigit():
        return False
    return bool(
        _DASH_BEFORE.search(text, max(0, start - 2), start)
        or _DOTTED_BEFORE.search(text, max(0, start - _DOTTED_WINDOW), start)
    )
