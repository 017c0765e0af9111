"""The phone numbers privacy.allow makes public, where a text writes them: linked for a
call on the site (`site.autolink`), as privacy.pii reads them (`privacy_pii`), with the
service and emergency numbers the list names alone (911, 999, 112), but for a distance
("911 km").
"""

from __future__ import annotations

from collections.abc import Iterator, Set

from ..lazy_pattern import LazyPattern
from .privacy_allow import (
    LISTED_SHORT_NUMBER,
    NUMBERED_THING,
    Spans,
    national_public_numbers,
    public_number_end,
)
from .privacy_personal_data import find_personal_data

# A unit of distance after a number makes it a distance, no number to call (an audit:
# "911 km" and "999 miles" became links with 911 and 999 listed). Not `m` nor `mi`,
# words too ("Chiama il 112 mi raccomando", "al 112 m'han dit": review rv60b); nor a
# capitalised `Ft.` before a name, a fort's town ("call 911 Ft. Worth police": no link),
# but for a word of a height's or a length's, capitalised in a title ("911 Ft. High": pii65,
# it was a link).
_DISTANCE_AFTER = LazyPattern(
    r"[ \u00a0\u202f]?(?!Ft\.[ \u00a0]*(?!(?:High|Tall|Long|Deep|Wide|Thick|Up|Down|Above"
    r"|Below|Away|Across|Under|Over)(?![^\W_]))[A-Z])"
    r"(?i:km|kms|kilomet(?:re|er)s?|kil\u00f3metros?"
    r"|miles?|met(?:re|er)s?|metros?|ft|feet|foot|yards?|yds?|nmi?|nautical\s+miles?)(?![^\W_])"
)


def public_phone_numbers(text: str, public: Set[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each phone number in `text` that `public` (`public_phone_keys`)
    holds, however its digits are grouped: one that `find_personal_data` reads as a phone
    number, or another country's written as it dials it at home (`0800 0121 700`,
    `800 5533 000`), which only the list says is one; and of each service or emergency
    number it holds (911, 999, 112): one standing alone, in no phone number or street
    address ("+1 202 988 1234", "211 Main Street"), naming no room, form or the like
    ("Room 911", found in review) and before no unit of distance ("911 km")."""
    personal = list(find_personal_data(text))
    for kind, start, end in personal:
        if kind == "phone number":
            public_end = public_number_end(text, start, end, public)
            if public_end is not None:
                yield start, public_end
    found_before = Spans((start, end) for _, start, end in personal)
    national = list(national_public_numbers(text, public, found_before))
    yield from national
    taken = Spans([*found_before.spans, *national])
    for found in LISTED_SHORT_NUMBER.finditer(text):
        start, end = found.span()
        if found.group() not in public or NUMBERED_THING.search(text, max(0, start - 20), start):
            continue
        if _DISTANCE_AFTER.match(text, end):  # "911 km", "999 miles": no call
            continue
        if not taken.overlaps(start, end):
            yield start, end
