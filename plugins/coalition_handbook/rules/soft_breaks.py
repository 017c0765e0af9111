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
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..forms import UNICODE_SPACES
from ..source_map import SourceMap, rewritten
from .national_phones import DASHES

# A space within a line: a space, a tab, any of Unicode's (privacy.pii's patterns too).
LINE_SPACE = f"[ \t{UNICODE_SPACES}]"
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


def soft_breaks_joined(text: str) -> tuple[str, SourceMap]:
    """`text` with each soft line break read as one line break, each tab or run of
    spaces as one space, and a number broken after a dash or a dot joined; and where each
    place of the result is in `text`."""
    if "\n" not in text and "\t" not in text and "  " not in text and text.isascii():
        return text, SourceMap()  # nothing to read otherwise: most YAML values, short pages
    return rewritten(text, _gaps(text))


def _gaps(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, read) of each gap of `text` read otherwise than written."""
    for gap in _GAP.finditer(text):
        start, end = gap.span()
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
