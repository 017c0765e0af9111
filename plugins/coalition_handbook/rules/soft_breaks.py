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
and separates. Only the gaps where privacy.pii reads across one are read so: after a number
to the end of its line, and the line breaks of the lines after it that hold none
(`_LINES_ON`: an address wrapped over three lines in a quote has its street's name alone
on the middle one); right before it, between it and what tells what it is (an address's
"at" or "our", a coordinate's `lat:` or `N`: `_LEAD_IN_MARKS`); and in a quote or a CRLF
text, around a written-out e-mail address's `@`, `[at]` or `[dot]`, from the line break
before its line to the one after (elsewhere, the e-mail patterns read a line break as a
space as written: `WORD_SPACE`).

Where a reader is shown each line as a line (a code block, a `.txt` or `.csv` file: review
rv4, a fixed-width table's columns and a list of numbers read as phone numbers), nothing
is joined: a run of spaces or a tab is a gap between columns, as written, and each line
break is read as a carriage return (`LINE_END`), which no pattern of privacy.pii reads
through as it reads a soft break's line feed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from heapq import merge

from ..forms import UNICODE_SPACES, beyond_ascii
from ..lazy_pattern import LazyPattern
from ..source_map import UNCHANGED, SourceMap, rewritten
from .national_phones import DASHES

# A space within a line: a space, a tab, any of Unicode's (privacy.pii's patterns too).
LINE_SPACE = f"[ \t{UNICODE_SPACES}]"
# A line break inside a paragraph, as `soft_breaks_joined` reads one: not one before a
# blank line.
SOFT_BREAK = rf"\n(?!{LINE_SPACE}*\r?\n)"
# A space between words as privacy.pii's patterns read one: a space within a line, or a
# soft break.
WORD_SPACE = rf"(?:{LINE_SPACE}|{SOFT_BREAK})"
# A space as `\s` reads one (a CRLF line's `\r` too), but no line break before a blank
# line: what tells a street's number a date's, a count's or a postcode's is read up to its
# paragraph's end (spd64: `Via Roma 10`, a blank line, then `Maggio è il mese...` read as
# the date 10 May, and the address passed).
PARAGRAPH_SPACE = rf"(?:(?!\n{LINE_SPACE}*+\r?\n)\s)"
# How a line break is read where each line is a line: a line's end that the patterns never
# take for a space (they take a line feed, a soft break's, for one). Same length: no map.
LINE_END = "\r"
# Possessive: a line followed by a blank one is no soft break, whatever spaces it ends with.
# (The lookahead first lets the engine skip the words between gaps at C speed.)
_GAP = LazyPattern(
    rf"(?=[\s{UNICODE_SPACES}])"
    rf"(?:{LINE_SPACE}*+\r?\n{LINE_SPACE}*+(?:>{LINE_SPACE}*+)*+(?![\r\n])"
    rf"|{LINE_SPACE}{{2,}}|\t)"
)
# From a line's first number to its end: the gaps after it are read (and those of its
# lead-in: `_LEAD_IN_MARKS`); the rest of a page's gaps are not looked at. A digit glued
# to a letter or digit before it (`B12`) starts no number; after `_` (emphasis) or in any
# script's digits (٤٠٢), one does (review). The digit first, then the look behind: the
# engine skips to digits at C speed, twice as fast as `\b\d`.
_FROM_A_DIGIT = LazyPattern(r"\d(?<![^\W_]\d)[^\n]*")
# ASCII made classes of characters for `_ascii_numbers`: a digit "0", a letter "a", any
# other character (`_` too: a number may start after it) a space.
_NUMBER_STARTS = bytes(
    ord("0") if char in "0123456789" else ord("a") if char.isascii() and char.isalpha() else 32
    for char in map(chr, range(256))
)
# The characters a gap is made of (`_gap_free_start`).
_GAP_CHARACTERS = f" \t\r\n>{UNICODE_SPACES}"
# What may stand between a number and what tells what it is before it (an address's "at"
# or "our", a coordinate's `lat:` or `N`: `privacy_streets`, `privacy_locations`), but
# gaps, which the patterns read through: emphasis, a key's colon or equals sign and
# quotes, a sign. The gaps in a run of these and gaps right before a line's first number
# (its lead-in) are read too (review rv6: `> ...at\n> 1420 Elm Street`, `lat:  41.2565`
# were missed); the run is looked for this far back.
_LEAD_IN_MARKS = "*_:=\"'+\u2212-"
_LEAD_IN_CHARACTERS = _GAP_CHARACTERS + _LEAD_IN_MARKS
_LEAD_IN_WINDOW = 16
# What a written-out e-mail address's `@` and dots are written with (`privacy_emails`):
# the gaps around each, on its line and at the line breaks before and after it, are read.
# A text without any of their ends (`WRITTEN_OUT_MARK_ENDS`: `may_write_out_a_mark`)
# holds none.
_WRITTEN_OUT_MARK = LazyPattern(r"[@\uff20]|[\[({](?: ?(?i:at|dot) ?|\.)[\])}]")
# (A `t`, a space or none, and a closing bracket: `[at]`, `{ at }`, `(dot)`.)
WRITTEN_OUT_MARK_ENDS = (
    "@",
    "\uff20",
    *(f"{letter}{space}{bracket}" for letter in "tT" for space in ("", " ") for bracket in ")]}"),
)
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
_UNREAD_LINE_BREAK = LazyPattern(rf"\n(?:{LINE_SPACE}*+>|(?<=\r\n))")
# A number's groups before a line break that joins them without a space.
_DASH_BEFORE = LazyPattern(rf"\d[{DASHES}]\Z")
_DOTTED_BEFORE = LazyPattern(r"\d\.\d+\.\Z")
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
        return text, UNCHANGED  # nothing to read otherwise: most YAML values, short pages
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
    for gap in _gaps_read(text):
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


def _gaps_read(text: str) -> Iterator[re.Match[str]]:
    """Each `_GAP` of `text` that privacy.pii may read across, in order: on a line after
    a digit of that line, or in its lead-in (`_LEAD_IN_MARKS`); at
    the end of one of the `_LINES_ON` lines after it that hold no number, where the
    patterns cannot read across it as written (`_UNREAD_LINE_BREAK`); and so on a
    written-out e-mail address's line and at the line breaks around it."""
    # Most pages have no quote and no CRLF: no line after a number's is looked at.
    lines_on = reads_lines_on(text)
    gaps = _gaps_by_numbers(text, lines_on)
    # The e-mail patterns read a line break, the spaces around it and a list item's indent
    # as written (`WORD_SPACE`), but not a quote's `>` or a CRLF's `\r`.
    if lines_on and may_write_out_a_mark(text):
        gaps = _each_once(merge(gaps, _gaps_by_written_out_marks(text), key=_start))
    return gaps


def reads_lines_on(text: str) -> bool:
    """Whether `text` holds a line break that the patterns cannot read across as written
    (`_UNREAD_LINE_BREAK`: a quote's `>` after it, a CRLF's `\r` before it), so that the
    lines after a number's are read to their ends too (`_line_ends_on`). Asked first
    whether it holds a `>` or a `\r` at all, which `str` finds at C speed: the pattern's
    engine stops at every line break (most pages have neither)."""
    if ">" not in text and "\r" not in text:
        return False
    return _UNREAD_LINE_BREAK.search(text) is not None


def may_write_out_a_mark(text: str) -> bool:
    """Whether `text` holds one of `WRITTEN_OUT_MARK_ENDS`: an `@`, or a `t` and the
    bracket that closes `[at]`, `(dot)` or `{ at }`. The brackets are looked for, then the
    letter before each: `str` finds one character at C speed, several times as fast as
    two, and a page has few brackets (a search for each end was a twentieth of
    privacy.pii)."""
    if "@" in text or "\uff20" in text:
        return True
    for bracket in ")]}":
        found = text.find(bracket, 1)
        while found >= 0:
            before = text[found - 1]
            if before in "tT" or (before == " " and text[found - 2 : found - 1] in ("t", "T")):
                return True
            found = text.find(bracket, found + 1)
    return False


def _gaps_by_numbers(text: str, lines_on: bool) -> Iterator[re.Match[str]]:
    """The gaps of `_gaps_read` by numbers, in order: `lines_on`, whether the lines after
    a number's are read too."""
    shadow = _ascii_shadow(text)
    plain = shadow is not None
    read_to = 0  # where the gaps read so far end: each is read once
    numbers = (
        _ascii_numbers(text, shadow)
        if shadow is not None
        else map(_span, _FROM_A_DIGIT.finditer(text))
    )
    for start, line_end in numbers:
        if start > 1 and _may_have_a_lead_in(text, start):
            start = _lead_in_start(text, start)
        start = max(start, read_to)
        if not plain or _may_hold_a_gap(text, start, line_end):
            for gap in _GAP.finditer(text, start):
                if gap.start() > line_end:
                    break
                read_to = gap.end()
                yield gap
                if read_to > line_end:  # it holds the line break: the next starts past it
                    break
        if lines_on:
            for gap in _line_ends_on(text, line_end):
                read_to = gap.end()
                yield gap


def _ascii_shadow(text: str) -> bytes | None:
    """`text` in ASCII, a "?" for each character past it, where no character past ASCII
    is a space, a dash or a digit, which `_GAP`, `_DASH_BEFORE` and `_FROM_A_DIGIT` read
    (a curly apostrophe, a quotation mark, an em dash, an accented letter: the gaps are
    where they are in ASCII, `_may_hold_a_gap`); None otherwise. A page's curly
    apostrophes made each number's line searched by `_GAP`, and its digits by the engine
    (spd66)."""
    if text.isascii():
        return text.encode("ascii")
    for char in set(beyond_ascii(text)):
        if char.isspace() or char.isdecimal() or char in _DASHES_PAST_ASCII:
            return None
    return text.encode("ascii", "replace")


_DASHES_PAST_ASCII = DASHES.replace("\\-", "")


def _ascii_numbers(text: str, shadow: bytes) -> Iterator[tuple[int, int]]:
    """The spans `_FROM_A_DIGIT.finditer` gives in `text` (`shadow`, from
    `_ascii_shadow`), from a line's first number to its end: found as " 0" in the text
    made classes of characters by a byte table (`_NUMBER_STARTS`), which `bytes.find`
    skips to several times as fast as the pattern's engine tests each character (most
    digits of a page are in words: "B12"). A digit after a letter past ASCII, a mark in
    `shadow`, is no number's start: `_FROM_A_DIGIT` reads any script's letters."""
    # A space first: `classes[k:k + 2]` are the classes of `text[k - 1]` and `text[k]`.
    classes = b" " + shadow.translate(_NUMBER_STARTS)
    start = classes.find(b" 0")
    while start >= 0:
        if start > 0 and text[start - 1].isalnum():  # a letter past ASCII: "\u00e95"
            start = classes.find(b" 0", start + 1)
            continue
        line_end = text.find("\n", start)
        if line_end < 0:
            line_end = len(text)
        yield start, line_end
        start = classes.find(b" 0", line_end)


def _span(found: re.Match[str]) -> tuple[int, int]:
    return found.span()


def _gaps_by_written_out_marks(text: str) -> Iterator[re.Match[str]]:
    """The gaps of `_gaps_read` by written-out e-mail addresses' marks, in order: on a
    mark's line, and at the line breaks before and after it."""
    read_to = 0
    for mark in _WRITTEN_OUT_MARK.finditer(text):
        line_end = text.find("\n", mark.end())
        line_end = len(text) if line_end < 0 else line_end
        start = _gap_free_start(text, text.rfind("\n", 0, mark.start()) + 1)
        for gap in _GAP.finditer(text, max(start, read_to)):
            if gap.start() > line_end:
                break
            read_to = gap.end()
            yield gap
            if read_to > line_end:  # it holds the line break: the next starts past it
                break


def _start(gap: re.Match[str]) -> int:
    return gap.start()


def _each_once(gaps: Iterable[re.Match[str]]) -> Iterator[re.Match[str]]:
    """`gaps` (in order of their starts) without those that start before one ends."""
    read_to = 0
    for gap in gaps:
        if gap.start() >= read_to:
            read_to = gap.end()
            yield gap


def _may_have_a_lead_in(text: str, start: int) -> bool:
    """Whether the number at `start` of `text` (after its second character) may have a
    gap in its lead-in: a mark right before it, or two characters of a gap (a tab alone,
    the patterns read as a space). Most numbers have a word and a space before them."""
    before = text[start - 1]
    return before in _LEAD_IN_MARKS or (
        before in _GAP_CHARACTERS and text[start - 2] in _GAP_CHARACTERS
    )


def _lead_in_start(text: str, start: int) -> int:
    """Where the lead-in of the number at `start` of `text` starts (the run of gaps and
    `_LEAD_IN_MARKS` right before it), or a gap it starts in."""
    window = text[max(0, start - _LEAD_IN_WINDOW) : start]
    return _gap_free_start(text, start - len(window) + len(window.rstrip(_LEAD_IN_CHARACTERS)))


def _gap_free_start(text: str, position: int) -> int:
    """Where a search of `text` for gaps starts to find the one `position` may be in
    whole: right after the last character before it that no gap holds."""
    while position > 0 and text[position - 1] in _GAP_CHARACTERS:
        position -= 1
    return position


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
    """Whether the ASCII text `text[start:line_end]`, the end of a line (maybe with the
    line before it), or the line break after it, may hold a gap read otherwise than
    written: a tab or a run of spaces in it, a line break in it with a space, a `\r` or a
    quote's `>` at it, or one after it with these or a number's dash or dot at it. Most
    have none: asked by `str` methods, at C speed, before `_GAP` is searched."""
    if text.find("\t", start, line_end) >= 0 or text.find("  ", start, line_end) >= 0:
        return True
    line_break = text.rfind("\n", start, line_end)  # the line's before it
    if line_break > start and text.rfind("\n", start, line_break) >= 0:
        # A lead-in over several lines (`\n> **\n\n402`): its other line breaks, and a
        # quote's `>` after them, are asked of `_GAP` itself.
        return True
    return (
        line_break >= 0
        and (
            text[line_break - 1 : line_break] in _BEFORE_A_GAP_WITHIN
            or text[line_break + 1 : line_break + 2] in _AFTER_A_GAP
        )
    ) or (
        text[line_end - 1 : line_end] in _BEFORE_A_GAP
        or text[line_end + 1 : line_end + 2] in _AFTER_A_GAP
    )


# What may stand at a gap's line break, before it and after it (all but an empty string).
_BEFORE_A_GAP = (" ", "\t", "\r", "-", ".")
# Before a line break that no number ends, whose dash or dot joins nothing.
_BEFORE_A_GAP_WITHIN = (" ", "\t", "\r")
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
