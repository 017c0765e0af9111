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
and separates. Only the gaps after a number are read so: to the end of its line, and the
line breaks of the lines after it that hold none (`_LINES_ON`), as what privacy.pii reads
across a gap starts with a number, and an address wrapped over three lines in a quote has
its street's name alone on the middle one.

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
# From a line's first number to its end: a gap matters only after a number, as what
# privacy.pii reads across one (a number's groups, an address's words after its house
# number) starts with one; the rest of a page's gaps are not looked at. A digit
# glued to a letter or digit before it (`B12`) starts no number; after `_` (emphasis) or
# in any script's digits (٤٠٢), one does (review). The digit first, then the look
# behind: the engine skips to digits at C speed, twice as fast as `\b\d`.
_FROM_A_DIGIT = re.compile(r"\d(?<![^\W_]\d)[^\n]*")
# What a gap at a line's end may start with: `LINE_SPACE`'s characters, a CRLF's `\r`.
_LINE_END_SPACES = f" \t\r{UNICODE_SPACES}"
# How many lines after a number's are read to their end too: an address wrapped over
# three or four lines, its street's name alone on a line (`> 4500\n> Southwest\n> 5th
# Avenue`), where a quote's `>` must be read as the line break it continues (a line that
# holds a number is read from it anyway).
_LINES_ON = 2
# The line breaks the patterns cannot read an address's words across as written: a
# quote's `>` on the line after (a list item's indent and trailing spaces they read as
# spaces), or a CRLF's `\r`. A text without any needs none of those lines read. (The
# line feed first: the engine skips to one at C speed, six times as fast as `\r\n|...`.)
_UNREAD_LINE_BREAK = re.compile(rf"\n(?:{LINE_SPACE}*+>|(?<=\r\n))")
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
    for gap in _gaps_after_digits(text):
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


def _gaps_after_digits(text: str) -> Iterator[re.Match[str]]:
    """Each `_GAP` of `text` that starts on a line after a digit of that line, or at the
    end of one of the `_LINES_ON` lines after it that hold no number, where the patterns
    cannot read across it as written (`_UNREAD_LINE_BREAK`), in order."""
    plain = text.isascii()  # no Unicode space or dash to look for
    # Most pages have no quote and no CRLF: no line after a number's is looked at.
    lines_on = _UNREAD_LINE_BREAK.search(text) is not None
    for digits in _FROM_A_DIGIT.finditer(text):
        line_end = digits.end()
        if not plain or _may_hold_a_gap(text, digits.start(), line_end):
            for gap in _GAP.finditer(text, digits.start()):
                if gap.start() > line_end:
                    break
                yield gap
        if lines_on:
            yield from _line_ends_on(text, line_end)


def _line_ends_on(text: str, line_end: int) -> Iterator[re.Match[str]]:
    """The gaps at the ends of the `_LINES_ON` lines after the one that ends at
    `line_end` that the patterns cannot read across as written (`_UNREAD_LINE_BREAK`),
    up to a line that holds a number (read from it on) or ends a paragraph. Within such
    a line, a tab or a run of spaces is left as written: no number stands there, and the
    patterns read an address's words across either."""
    for _ in range(_LINES_ON):
        line_start = line_end + 1
        line_end = text.find("\n", line_start)
        if line_end < 0 or _FROM_A_DIGIT.search(text, line_start, line_end):
            return
        words_end = len(text[line_start:line_end].rstrip(_LINE_END_SPACES)) + line_start
        if not text[line_start:words_end].strip(_LINE_END_SPACES + ">"):
            return  # a blank line, or a quote's: the paragraph ends
        if _UNREAD_LINE_BREAK.match(text, line_end):
            gap = _GAP.match(text, words_end)
            if gap is None:  # a blank line after it
                return
            yield gap


def _may_hold_a_gap(text: str, start: int, line_end: int) -> bool:
    """Whether the ASCII line `text[start:line_end]`, or the line break after it, may
    hold a gap read otherwise than written: a tab or a run of spaces in it, or a line
    break with a space, a `\r`, a quote's `>`, or a number's dash or dot at it. Most
    lines have none: asked by `str` methods, at C speed, before `_GAP` is searched."""
    if text.find("\t", start, line_end) >= 0 or text.find("  ", start, line_end) >= 0:
        return True
    return (
        text[line_end - 1 : line_end] in _BEFORE_A_GAP
        or text[line_end + 1 : line_end + 2] in _AFTER_A_GAP
    )


# What may stand at a gap's line break, before it and after it (all but an empty string).
_BEFORE_A_GAP = (" ", "\t", "\r", "-", ".")
_AFTER_A_GAP = (" ", "\t", ">")


def _joins_a_number(text: str, start: int, end: int) -> bool:
    """Whether the line break at `text[start:end]` is inside a number broken after a dash
    or the dot of a dotted number: a digit goes on after it."""
    if not text[end : end + 1].isdigit():
        return False
    return bool(
        _DASH_BEFORE.search(text, max(0, start - 2), start)
        or _DOTTED_BEFORE.search(text, max(0, start - _DOTTED_WINDOW), start)
    )
