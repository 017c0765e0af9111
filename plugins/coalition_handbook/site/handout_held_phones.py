"""The public phone numbers a handout's text may hold: the part of `privacy.allow` its PDF
depends on, and so its cache key.

Since the handouts link the public numbers of their text (`handout_phone_links`), each
handout's key held the whole allow list, and a number added to it re-rendered every
handout, most of them holding no number at all. A handout is now given, and keyed on,
the allowed numbers whose digits its own texts could print: a change to the list renders
again only the handouts it may add a link to or take one from.

This reads digits, not phone numbers (how a number is read is the privacy rule's, and
changes): a number is held where its digits are those of runs of digits in the texts,
read in any order and cut anywhere (`1-888-373-7888`, the digits of a template's line
put together from two fields, `1-800-THE-LOST (843-5678)`), each written as a character
reference or in another script's digits too. More numbers are held than the text links,
never fewer.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from html import unescape

from ..lazy_pattern import LazyPattern

_DIGITS = LazyPattern(r"\d+")  # any script's decimal digits, as the phone finders read them
# A key's number: its first run of digits (`+*2025550100x12` is 2025550100's extension),
# in any script's, as the list may write them ("٩١١" is 911's key: review rv60f).
_KEY_NUMBER = LazyPattern(r"\d+")


def held_public_phones(texts: Iterable[str | None], public: Iterable[str]) -> tuple[str, ...]:
    """The keys of `public` (`privacy_allow.public_phone_keys`) whose number's digits
    the runs of digits of `texts` can make, sorted."""
    numbers = {key: _number_of(key) for key in public}
    longest = max((len(number) for number in numbers.values()), default=0)
    runs = _DigitRuns((text for text in texts if text), longest)
    return tuple(sorted(key for key, number in numbers.items() if runs.can_make(number)))


def _number_of(key: str) -> str:
    found = _KEY_NUMBER.search(key)
    return _ascii(found.group()) if found is not None else ""


class _DigitRuns:
    """The runs of digits of some texts (in ASCII digits), with what a number of at most
    `longest` digits can start with (each run's ends) and end with (its beginnings)."""

    def __init__(self, texts: Iterable[str], longest: int) -> None:
        self.runs: set[str] = set()
        for text in texts:
            self.runs.update(_ascii(run) for run in _DIGITS.findall(unescape(text)))
        # Only as long as a number: every end and beginning of a run of 100,000 digits
        # held some 10 GB (review rv60f), where a number reads 15 digits of it at most.
        self.ends = {
            run[-cut:] for run in self.runs for cut in range(1, min(len(run), longest) + 1)
        }
        self.beginnings = {
            run[:cut] for run in self.runs for cut in range(1, min(len(run), longest) + 1)
        }

    def can_make(self, number: str) -> bool:
        """Whether `number` is inside one run, or is the end of one, whole runs, then the
        beginning of one."""
        if not number:
            return False
        if any(number in run for run in self.runs):
            return True
        # Whether the number's first `cut` digits can be read: the end of a run, then runs.
        read = [0 < cut < len(number) and number[:cut] in self.ends for cut in range(len(number))]
        for start in range(1, len(number)):
            if not read[start]:
                continue
            if number[start:] in self.beginnings:
                return True
            for end in range(start + 1, len(number)):
                read[end] = read[end] or number[start:end] in self.runs
        return False


def _ascii(run: str) -> str:
    """`run`'s digits as ASCII ones (Arabic-Indic, fullwidth... read as the same number)."""
    return run if run.isascii() else "".join(str(unicodedata.decimal(digit)) for digit in run)
