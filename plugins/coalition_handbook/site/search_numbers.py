"""A phone number's digits written together, as a member types one from a phone's
contacts or a poster ("8883737888"), for the site's search.

The theme's search splits words at spaces and hyphens only, so a page that writes
"1-888-373-7888" holds the words "1", "888", "373" and "7888": "888-373-7888" found the
hotline's page first, but "8883737888", "18883737888" and "3737888" found no page at all
(audit). Each number written in groups is also indexed with its groups joined, from each
group on to its end ("18883737888", "8883737888", "3737888"), in a search field of its
own (`NUMBERS_FIELD`, weighed as a page's text, never shown). A number typed with dots
("888.373.7888") the search asks for with its digits joined (assets/search-fold.js).
"""

from __future__ import annotations

from ..lazy_pattern import LazyPattern

NUMBERS_FIELD = "handbook_numbers"
NUMBERS_BOOST = 1.0  # as the page's text, where the number is written in groups

# Groups of digits joined by a hyphen, a dot or a space, the first maybe in brackets
# ("(888) 373-7888"), with a `+` before it or not; not inside a longer word or number.
# At most 15 groups (`MOST_DIGITS`, a digit or more each): unbounded, a run of thousands
# of groups that ends in no number was tried again from each group: a page of 80 KB
# added 35 s to the build, each doubling four times as much (security audit).
# A run ends where no number can end within the next 15 groups: else a longer run
# (hotlines written one after another, spaces between them) ended at its 15th group and
# the number after it went unindexed (review rv40). Each look ahead reads 15 groups at
# most, so the work stays linear.
_END = r"[ .\-]\d{3,4}(?![\w\-]|\.\d)"
_GROUPED = LazyPattern(
    r"(?<![\w.\-+])\+?(?:\(\d{1,4}\)|\d{1,4})(?:[ .\-]\(?\d{1,4}\)?){0,13}"
    rf"{_END}(?!(?:[ .\-]\(?\d{{1,4}}\)?){{0,14}}{_END})"
)
# What every number in groups holds before its last group: a digit or `)`, a separator,
# a digit. A text without it holds none, and is not read with `_GROUPED` at all, whose
# look-behind at every character made reading an entry's text three times as slow.
_MAY_HOLD_A_NUMBER = LazyPattern(r"[\d)][ .\-]\d")
_DIGITS = LazyPattern(r"\d+")
FEWEST_DIGITS = 7  # a local number ("373-7888"); a date (2026-03-01) has no group of 3+ at its end
MOST_DIGITS = 15  # the longest international number (E.164)


def joined_numbers(text: str) -> list[str]:
    """The phone numbers of `text` written in groups, each with its digits joined, from
    each group on to its end, where that holds 7 to 15 digits, once each:
    "1-888-373-7888" -> "18883737888", "8883737888", "3737888"."""
    if _MAY_HOLD_A_NUMBER.search(text) is None:
        return []
    joined: dict[str, None] = {}
    for number in _GROUPED.finditer(text):
        groups = _DIGITS.findall(number.group(0))
        if len(groups) < 2 or (" " in number.group(0) and len(groups) < 3):
            continue  # "2016 2019": two years, not a number
        for start in range(len(groups) - 1):
            digits = "".join(groups[start:])
            if FEWEST_DIGITS <= len(digits) <= MOST_DIGITS:
                joined[digits] = None
    return list(joined)
