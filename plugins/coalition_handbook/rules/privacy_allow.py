"""Phone numbers as privacy.allow makes them public (privacy.pii, `privacy_pii`).

An entry's number is keyed as the world dials it (`phone_key`), in its other writings
too, at home and abroad (`public_phone_keys`): a number found in the text is public
when the list holds it, read whole at ten digits if North American and to its last
group of digits otherwise, so that a direct line dialled on is no public one
(`public_number_end`). SMS short codes, three-digit service numbers and the short
numbers the list names alone are public too (`public_short_codes`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Set

from ..forms import UNICODE_SPACES
from ..lazy_pattern import LazyPattern
from .national_phones import DASHES, SEPARATOR
from .soft_breaks import LINE_SPACE

# The fewest digits a phone number has (123-4567).
SHORTEST_NUMBER = 7
# A US short code: five or six digits, which a phone can text but not call ("text
# 233733"); not part of a longer number, a decimal or a word.
_SHORT_CODE = LazyPattern(r"(?<![\w.,+-])\d{5,6}(?![\w+-]|[.,]\d)")
# Three-digit service numbers (211, 311, 711, 911 and the like, and 988): too short for
# personal data, and nobody's. Linked for a call where `privacy.allow` lists them: "call
# 911" in a step is what a reader on a phone most needs to tap. Not "9/11" nor "911.5".
_SERVICE_NUMBER = LazyPattern(
    # Not after a word, a decimal point, a sign or a slash ("1/911"), save another service
    # number's ("911/988"); nor a space after other digits ("202 988 1234").
    r"(?:(?<![\w.,+/:$#\u00a7\u2116-])|(?<=(?:[2-9]11|988)/))(?<!\d[ \u00a0])"
    r"(?:[2-9]11|988)"
    r"(?![\w+-]|[.,:]\d|[ \u00a0]\d|/(?!(?:[2-9]11|988)\b))"
)
# Another number of three or four digits that privacy.allow lists alone: an emergency or
# service number of another country (the UK's 999, 101 and 111, Europe's 112, Germany's
# 110, Spain's 016, the Philippines' 1343). Linked for a call where it stands alone, as a
# service number is; a year or a count is only linked if it is listed (audit).
LISTED_SHORT_NUMBER = LazyPattern(
    # As for a service number ("110/112" is either), and no amount before or after it
    # ("\u20ac110", "112 \u20ac", "110 %").
    r"(?:(?<![\w.,+/:$#\u00a7\u2116\u20ac\u00a3-])|(?<=(?<![\w.,/])\d{3}/)|(?<=(?<![\w.,/])\d{4}/))"
    r"(?<!\d[ \u00a0])\d{3,4}"
    r"(?![\w+-]|[.,:]\d|[ \u00a0]\d|/(?!\d{3,4}\b)|[ \u00a0]?[%$\u20ac\u00a3])"
)
# A word before a number that makes it a room, a form, a law or a part of something ("Room
# 911", "Form 911", "No. 988", "Ref. 911", "18 U.S.C. 911", "8 CFR 211", "\u00a7 911"): no
# call. Some in Spanish, German and French too ("Art. 112", "Zimmer 110", "núm. 112", "n° 112").
NUMBERED_THING = LazyPattern(
    r"(?i:\b(?:(?:room|rm|suite|ste|unit|apt|apartment|floor|fl|box|building|bldg|form|"
    r"number|route|rte|highway|hwy|exit|gate|flight|bus|line|page|section|sec|ref|reference|"
    r"part|chapter|ch|title|rule|code|item|case|docket|ticket|invoice|order|model|"
    r"version|volume|vol|issue|table|figure|fig|step|station|platform|pier|lot|"
    r"bed|ward|desk|counter|locker|seat|row|booth|level|ext|usc|cfr|ina|stat|"
    r"art|article|artikel|art\u00edculo|abs|absatz|nr|num|n\u00fam|n\u00famero|"
    r"num\u00e9ro|zimmer|raum|seite|kapitel|kap|habitaci\u00f3n|hab|p\u00e1gina|p\u00e1g|"
    r"cap\u00edtulo|cap|chambre|salle|ligne)\.?|"
    r"(?:no|p|pp|s)\.|n\u00b0|u\.s\.c\.|c\.f\.r\.)[ \u00a0]+\Z|\u00a7+[ \u00a0]*\Z)"
)


def public_phone_keys(allow: Iterable[str]) -> set[str]:
    """The phone numbers, SMS short codes and three-digit service numbers (911) of
    `privacy.allow`, by `phone_key`, and the other numbers of three or four digits it
    lists alone (999, 112). An entry may name its line ("988 Lifeline: 1-800-273-8255",
    "Text HOME to 741741"): the run of digits in it with the most digits is what counts
    (but a number of three or four digits other than a service number counts only
    alone: "1600 Pennsylvania Avenue" makes no 1600 public). An entry with an extension
    ("202-555-0100x12") makes that extension public too, keyed as its number's key and
    the extension ("2025550100x12"). A phone number is public in its other writings too
    (`_other_writings`)."""
    keys = set()
    for entry in allow:
        number, extension = number_in(entry)
        if number is None:
            continue
        if (
            _SHORT_CODE.fullmatch(number)
            or _SERVICE_NUMBER.fullmatch(number)
            or (LISTED_SHORT_NUMBER.fullmatch(number) and entry.strip() == number)
        ):
            keys.add(number)
        elif digit_count(number) >= SHORTEST_NUMBER:
            key = phone_key(number)
            for writing in (key, *_other_writings(number, key)):
                keys.add(writing)
                if extension:
                    keys.add(writing + extension)
    return keys


# How `public_phone_keys` keeps the other writings of a listed number: `+*8000121700`
# is 800 0121 700 after any `+` and country code, `*8000121700` is 800 0121 700 written
# with none (as a North American number is written too: +1 800 0121 700 is no writing
# of +44 800 0121 700).
_ANY_COUNTRY_CODE = "+*"
_NO_COUNTRY_CODE = "*"
# E.164's country codes: none is the start of another, so the digits after a `+` say
# where the code ends. 1 (North America) and 7 have one digit, these two, all others
# three.
_TWO_DIGIT_COUNTRY_CODES = frozenset(
    {"20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45"}
    | {"46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61"}
    | {"62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94"}
    | {"95", "98"}
)


def _other_writings(number: str, key: str) -> list[str]:
    """The keys of the other ways to write the listed phone `number` (its `phone_key` is
    `key`), as a helpline is written at home and abroad. One written with its country
    code (`+44 800 0121 700`) is written at home without it, with its trunk `0` or
    without (`0800 0121 700`, `800 0121 700`); one written without (`0800 0121 700`, `800
    5533 000`) is written abroad after its country code, which could be any, without its
    trunk `0` (Italy keeps it: +39 06 ..., so with it too). Only a number of seven digits
    or more without its trunk `0`: a shorter one after a country code (`+44 911 ...`) is
    the start of someone's number. A North American number written with its 1 has no
    other writing: `key` is its ten digits, however written."""
    if key.startswith("+"):
        national = _national_part(key)
        digits = [national] if national.startswith("0") else [national, f"0{national}"]
        prefix = _NO_COUNTRY_CODE
    elif _written_at_home(number, key):
        national = key.removeprefix("0")
        digits = list(dict.fromkeys((national, key)))
        prefix = _ANY_COUNTRY_CODE
    else:
        return []
    if len(national.removeprefix("0")) < SHORTEST_NUMBER:
        return []
    return [prefix + writing for writing in digits]


def _written_at_home(number: str, key: str) -> bool:
    """Whether the phone `number` (its `phone_key` is `key`) is written with no country
    code: no `+` or `00`, nor North America's 1 (1-800-...)."""
    return not _INTERNATIONAL_PREFIX.match(number) and digit_count(number) == len(key)


def _national_part(key: str) -> str:
    """The digits after the country code of an international `phone_key` (`+44...`)."""
    digits = key.removeprefix("+")
    if digits[:1] in ("1", "7"):
        return digits[1:]
    return digits[2:] if digits[:2] in _TWO_DIGIT_COUNTRY_CODES else digits[3:]


def _is_listed(number: str, public: Set[str], extension: str = "") -> bool:
    """Whether `public` (`public_phone_keys`) holds the phone `number`, with the
    `extension` written on it, if any: as written, or in another writing of a listed
    number (`_other_writings`)."""
    key = phone_key(number)
    if key + extension in public:
        return True
    if key.startswith("+"):
        return f"{_ANY_COUNTRY_CODE}{_national_part(key)}{extension}" in public
    return _written_at_home(number, key) and f"{_NO_COUNTRY_CODE}{key}{extension}" in public


def number_in(entry: str) -> tuple[str | None, str]:
    """The number an allow entry names: its longest run of digit groups, without a
    "24" of "24 hours" after it; and the extension written on it (x12), if any."""
    runs = list(_DIGIT_RUN.finditer(entry))
    if not runs:
        return None, ""
    run = max(runs, key=lambda found: digit_count(found.group()))
    last = _LAST_GROUP.search(run.group())
    if last is not None and _COUNTED.match(entry, run.end()):
        return run.group()[: last.start()], ""
    return run.group(), _extension_key(EXTENSION.match(entry, run.end()))


def public_short_codes(text: str, public: Set[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each SMS short code in `text` that `public` (`public_phone_keys`)
    holds."""
    for found in _SHORT_CODE.finditer(text):
        if found.group() in public:
            yield found.span()


def national_public_numbers(
    text: str, public: Set[str], personal: Spans
) -> Iterator[tuple[int, int]]:
    """(start, end) of each number of 7 digits or more that `public` holds, written as a
    run of digit groups that starts no word or number (`0800 0121 700`, `08000 121 700`:
    its digits, however grouped) and that `find_personal_data` found nothing in (`personal`:
    a phone number there is public or reported)."""
    beginnings = _beginnings(public)
    if not beginnings:
        return
    position = 0
    while run := _DIGIT_RUN.search(text, position):
        position = run.end()
        number = _public_run_start(text, run, public, beginnings, personal)
        if number is not None:
            yield number
            position = number[1]  # a public number of its own may follow in the run


def _public_run_start(
    text: str, run: re.Match[str], public: Set[str], beginnings: set[str], personal: Spans
) -> tuple[int, int] | None:
    """(start, end) of the public number that the run of digit groups `run` starts with,
    if any (`national_public_numbers`)."""
    start = run.start()
    written = run.group()
    # Most runs of digits on a page are no public number: told so by their first digits.
    if not written.startswith("+") and _first_digits(written) not in beginnings:
        return None
    if digit_count(written) < SHORTEST_NUMBER:
        return None
    if (start and _RUN_AFTER.match(text, start - 1)) or personal.overlaps(start, run.end()):
        return None
    first_group = _GROUP_END.search(text, start)
    if first_group is None:
        return None
    if text[start] == "(" and not first_group.group().endswith(")"):
        start += 1  # a bracket around the number, not its area code's: "(0800 0121 700)"
    end = public_number_end(text, start, first_group.end(), public)
    if end is None or _RUN_GOES_ON.match(text, end):
        return None
    return start, end


# How many digits of a number `_beginnings` knows it by.
_BEGINNING = 3


def _beginnings(public: Set[str]) -> set[str]:
    """The first digits of the numbers of 7 digits or more that `public` holds, as a
    number written without `+` may start (a North American one with its 1 too)."""
    beginnings = set()
    for key in public:
        digits = key.lstrip("+")
        if len(digits) >= SHORTEST_NUMBER and digits.isdigit():
            beginnings.add(digits[:_BEGINNING])
            beginnings.add(("1" + digits)[:_BEGINNING])  # 1 888..., +1 888... written as 1
    return beginnings


def _first_digits(written: str) -> str:
    """The first digits of a run of digit groups, separators left out: they are in its
    first characters, up to three separators and brackets between each two."""
    return written[: 4 * _BEGINNING].translate(_NO_SEPARATORS)[:_BEGINNING]


class Spans:
    """(start, end) spans of a text, which may overlap, asked about by bisection: a page of
    thousands of numbers stays linear."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [start for start, _ in self.spans]
        # The furthest end of the spans up to each: a long span before a short one counts.
        self._reach: list[int] = []
        for _, end in self.spans:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def overlaps(self, start: int, end: int) -> bool:
        before_end = bisect_right(self._starts, end - 1)  # the spans that start before `end`
        return before_end > 0 and self._reach[before_end - 1] > start


# Digit groups as a phone number is written: the pattern of `find_personal_data` stops
# after a few, and a number on the allow list is compared whole. Between two groups, up
# to three spaces or dashes, or one dot right before the digits (". 3 in 4" after a
# number is a new sentence). Unambiguous, so linear.
_BETWEEN_GROUPS = f"(?:[ {UNICODE_SPACES}{DASHES}]{{1,3}}|\\.)"
_BETWEEN_GROUPS_CHARACTERS = " ." + UNICODE_SPACES + DASHES.replace("\\", "")
_GROUP = r"\(?\d[\d()]*"
_DIGIT_RUN = LazyPattern(rf"\+?{_GROUP}(?:{_BETWEEN_GROUPS}{_GROUP})*")
# A group in brackets counts whole ("8255 (12)"), not a bracket that opens more text
# ("8255 (1-800-273-TALK)").
_NEXT_GROUP = LazyPattern(rf"{_BETWEEN_GROUPS}(?:\d+|\(\d+\))")
# What may follow a public number and is no digit of it: a count of something ("24
# hours", "24/7", "(24 hours)", "24-hour", "365 days a year", "in 200 languages"; the
# line may break before the word); and what may not: an extension written on ("8255x12").
_LAST_GROUP = LazyPattern(rf"{_BETWEEN_GROUPS}\(?\d{{1,3}}\Z")
_COUNTED = LazyPattern(r"/7\b|[\s-]+(?:(?i:hours?|hrs?|days?)\b|[a-z]{3,}s\b)")
# An extension written on, in any of its writings (`x12`, `x 12`, `ext. 12`, `Ext 12`,
# `extension 12`): all are one, keyed as `x12` (`_extension_key`).
EXTENSION = LazyPattern(rf"{LINE_SPACE}*(?i:x|ext\.?|extension){LINE_SPACE}*(?P<digits>\d+)")
# The most digits a phone number has (E.164): a run of more is no one number.
LONGEST_NUMBER = 15
_GROUP_END = LazyPattern(r"\d+\)?")
# What a number that only privacy.allow says is one may not follow or run on into: a word,
# a decimal point, a sign or a slash before it ("ID-0800 0121 700"); a letter or a decimal
# after it.
_RUN_AFTER = LazyPattern(r"[\w.,+/:$#\u00a7\u2116-]")
_RUN_GOES_ON = LazyPattern(r"[^\W_]|[.,]\d")
# What a run of digit groups holds besides digits, deleted by `str.translate`.
_NO_SEPARATORS = str.maketrans("", "", _BETWEEN_GROUPS_CHARACTERS + "()+")
# A North American number as `phone_key` gives it: whole at its ten digits.
_NORTH_AMERICAN_KEY = LazyPattern(r"[2-9]\d{9}")


def public_number_end(text: str, start: int, end: int, public: Set[str]) -> int | None:
    """Where the public number that starts at `start` ends, or None if it is no public
    one. `text[start:end]` is a phone number as found. A North American number is whole
    at its ten digits: what follows it is something else ("365 days a year", 911, another
    number), but for an extension written on (x123). Another country's number may have
    any length, so the groups written after it count too (the pattern stops after a
    few): a direct line dialled on ("+49 30 12345 6789") is no public number, but a count
    ("24 hours", "200 languages") and a number of its own that is public or nobody's (a
    short code, 911) are no part of it. A short code on the list is public as a short
    code only, never as a phone number. A number with an extension is public where the
    list holds it with that extension; the extension is no part of what is returned."""
    if EXTENSION.match(text, end):
        return end if _is_public_extension(text, start, end, public) else None
    if _NORTH_AMERICAN_KEY.fullmatch(phone_key(text[start:end])) and _is_listed(
        text[start:end], public
    ):
        return end
    group_ends, run_end = digit_groups(text, start, end)
    if EXTENSION.match(text, run_end):
        return run_end if _is_public_extension(text, start, run_end, public) else None
    for group_end in reversed(group_ends):
        if _is_public_number(text[start:group_end], public) and is_no_part_of_it(
            text, group_end, run_end, public
        ):
            return group_end
    return None


def digit_groups(text: str, start: int, end: int) -> tuple[list[int], int]:
    """Where each group of digits of the number found at `text[start:end]` may end a
    number (7 to 15 digits, and a trunk zero), the groups written after it included, and
    where the last group ends."""
    run_end = end
    digits = digit_count(text[start:end])
    # At most two numbers' length (a public one and one after it): a line of many numbers
    # is read in linear time.
    while digits <= 2 * LONGEST_NUMBER and (group := _NEXT_GROUP.match(text, run_end)):
        digits += digit_count(group.group())
        run_end = group.end()
    group_ends = []
    digits = -2 if _ZERO_ZERO.match(text, start) else 0  # `00` for `+`: no digit of it
    for group in _GROUP_END.finditer(text, start, run_end):
        digits += digit_count(group.group())
        if SHORTEST_NUMBER <= digits <= LONGEST_NUMBER + 1:
            group_ends.append(group.end())
    return group_ends, run_end


def is_no_part_of_it(text: str, number_end: int, run_end: int, public: Set[str]) -> bool:
    """Whether the digit groups at `text[number_end:run_end]`, after a public number, are
    no part of it: none, a count of something, or a number of their own that is public or
    nobody's."""
    after = text[number_end:run_end]
    if not after:
        return True
    if _LAST_GROUP.fullmatch(after) and _COUNTED.match(text, run_end):
        return True
    own_number = after.lstrip(_BETWEEN_GROUPS_CHARACTERS)
    return bool(
        _SHORT_CODE.fullmatch(own_number)
        or _SERVICE_NUMBER.fullmatch(own_number)
        or _is_public_number(own_number, public)
    )


def public_start(text: str, start: int, end: int, public: Set[str]) -> str | None:
    """The public number that the phone number found at `text[start:end]` starts with,
    digits written after it aside, if any."""
    group_ends, _ = digit_groups(text, start, end)
    for group_end in reversed(group_ends):
        if _is_public_number(text[start:group_end], public):
            return text[start:group_end]
    return None


def _is_public_extension(text: str, start: int, end: int, public: Set[str]) -> bool:
    """Whether the number at `text[start:end]`, with the extension written right after
    it, is one that `public` holds (`public_phone_keys`)."""
    extension = EXTENSION.match(text, end)
    return extension is not None and _is_listed(text[start:end], public, _extension_key(extension))


def _extension_key(extension: re.Match[str] | None) -> str:
    """An extension as `public_phone_keys` keys it, however written (`x12`), or "" for none."""
    return f"x{extension['digits']}" if extension else ""


def whole_number_end(text: str, start: int, end: int) -> int:
    """Where the phone number found at `text[start:end]` ends with every digit group and
    the extension written after it."""
    end = max(end, digit_groups(text, start, end)[1])
    extension = EXTENSION.match(text, end)
    return extension.end() if extension else end


def _is_public_number(number: str, public: Set[str]) -> bool:
    return digit_count(phone_key(number)) >= SHORTEST_NUMBER and _is_listed(number, public)


def digit_count(text: str) -> int:
    return sum(char.isdigit() for char in text)


def phone_key(text: str) -> str:
    """A phone number as the world dials it, to compare two writings of it: its digits,
    with `+` before an international one (+64 9 123 4567 is no US (649) 123-4567; `00`
    written for the `+`, 0064 9 123 4567, is the same number), and without a trunk `(0)`
    after the country code (+44 (0)20 ...). A US number is its ten digits, with or
    without its country code 1."""
    international = _INTERNATIONAL_PREFIX.match(text)
    number = without_trunk_zero(text)
    if international:
        number = number[international.end() :]
    digits = "".join(char for char in number if char.isdigit())
    if len(digits) == 11 and digits.startswith("1"):
        return digits[1:]
    return f"+{digits}" if international else digits


# What an international number starts with: a `+`, or the `00` that Europe and Latin
# America dial for it (not `000`).
_ZERO_ZERO_TEXT = r"00(?=[1-9])"
_ZERO_ZERO = LazyPattern(_ZERO_ZERO_TEXT)
_INTERNATIONAL_PREFIX = LazyPattern(rf"\s*(?:\+|{_ZERO_ZERO_TEXT})")
# A trunk `0` in brackets after the country code (+44 (0)20 7946 0958): dialled only from
# within the country, it is no digit of the number as the world dials it.
_TRUNK_ZERO = LazyPattern(rf"((?:\+|(?<!\d)00)\d{{1,3}}){SEPARATOR}?\(0\)")


def without_trunk_zero(number: str) -> str:
    """`number` without a trunk `(0)` after its country code."""
    return _TRUNK_ZERO.sub(r"\1", number, count=1)


def is_public_link_number(written: str, public: Set[str]) -> bool:
    """Whether the number a link carries is public: read as international where it has
    a `+` (WhatsApp's are, written without it), or as privacy.allow may have copied it
    from the link, without its `+`."""
    return _is_public_number(written, public) or (
        written.startswith("+") and _is_public_number(written[1:], public)
    )
