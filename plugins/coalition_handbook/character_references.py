"""Character references read as a browser reads them, whatever their length: the one
`unescape` for text from the handbook's files.

`html.unescape` reads a decimal reference's number with `int()`, and Python 3.11 reads
at most 4,300 digits: `&#` and thousands of digits (or of leading zeros before `106`,
a `j`) stopped `handbook check` with a traceback (review rv10). Such a number is first
written short, for the same character: its leading zeros dropped, and past U+10FFFF any
number is the replacement character, as `html.unescape` and browsers read it.
"""

from __future__ import annotations

import html
import re

from .lazy_pattern import LazyPattern

__all__ = ["unescape"]

# A decimal reference (its `;` may be left out), as `html.unescape` finds one.
_DECIMAL_REFERENCE = LazyPattern(r"&#(0*)([0-9]+)")
# More digits than a character's number has: any such number is past U+10FFFF.
_MOST_DIGITS = len(str(0x10FFFF))
_PAST_UNICODE = str(0x10FFFF + 1)
# Below the least digit limit Python can be set to (640, PYTHONINTMAXSTRDIGITS): shorter
# references are left as they are.
_SHORT = 640


def unescape(text: str) -> str:
    """`html.unescape(text)`, for references of any length."""
    if "&#" in text:
        text = _DECIMAL_REFERENCE.sub(_shortened, text)
    return html.unescape(text)


def _shortened(reference: re.Match[str]) -> str:
    zeros, number = reference.groups()
    if len(zeros) + len(number) < _SHORT:
        return reference.group()
    return "&#" + (number if len(number) <= _MOST_DIGITS else _PAST_UNICODE)
