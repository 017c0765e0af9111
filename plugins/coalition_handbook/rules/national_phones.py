"""Phone numbers written as a country writes them at home: the finder of privacy.pii for
the countries that `privacy.countries` lists.

Without its `+` and country code, a number is written after its trunk `0` in groups
(`020 7946 0958` in the UK, `01 23 45 67 89` in France, `030 12345678` in Germany,
`(02) 9876 5432` in Australia), or, where a country has no trunk prefix, from its first
digit (`612 345 678` in Spain, `55 1234 5678` in Mexico). Digit groups are too often
something else (a date, a time, a version, a price) to report as they come, so a run of
them is only a phone number where Google's libphonenumber (`phonenumbers`) says it is a valid
number of a listed country: no format is written here by hand. A date (`01 02 2024`,
`01.02.2024`) or a range of times (`09.30-17.00`) at the start of a run is none, nor is
a US ZIP+4 code after its state's code (`MA 02110-1301`).

`phonenumbers` is imported on first use, which only a handbook that lists countries
makes, or a site with a `tel:` link written `+44 0...` (`e164_or_digits`): a check
without them pays nothing for it at start-up (DESIGN section 10).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, lru_cache
from heapq import merge
from itertools import repeat
from types import ModuleType

from ..forms import SPACE_SEPARATORS, UNICODE_SPACES
from ..lazy_pattern import LazyPattern

# What separates a phone number's groups: a space, dot or hyphen, and what a word
# processor or phone keyboard puts there instead (any Unicode space, as matching reads
# them: a no-break or narrow no-break space in French typography, a thin space; a
# no-break hyphen, an en dash, a minus sign); and a line break, which a paragraph
# wrapped over lines has where a space was (privacy.pii reads the spaces and markup around
# it as the line break alone: `soft_breaks`).
DASHES = "\\-\u2010\u2011\u2012\u2013\u2212"
SEPARATOR = f"[ .\\n{UNICODE_SPACES}{DASHES}]"

# An amount's currency after a run, written as a word or its code as `€` is as a sign: the
# RAE groups a long amount's thousands with spaces (`650 000 000 euros`), as Spain groups
# a number's digits (`612 345 678`).
_CURRENCY_AFTER = (
    rf"{SEPARATOR}(?:de{SEPARATOR})?"
    r"(?i:euros?|pesos?|d(?:o|\u00f3)lar(?:es)?|dollars?|eur|usd|mxn)(?![^\W_])"
)

# Relay UK's prefix, which a textphone user dials before a number (`18001 0113 496 0000`;
# 18002 to call a textphone, 18000 the emergency services): the number after it is a
# line's, not a later group of a longer run (a UK audit: a mobile after it was missed).
_RELAY_PREFIX = rf"(?<![^\W_])1800[0-2]{SEPARATOR}"
_AFTER_RELAY_PREFIX = rf"(?<={_RELAY_PREFIX}.)"
# That prefix right before a number, looked for in the characters before it (their
# count: `RELAY_PREFIX_LENGTH`): privacy.allow's `18001 0113 496 0000` lists the number
# after it (`privacy_allow_list`).
RELAY_PREFIX_BEFORE = LazyPattern(_RELAY_PREFIX + r"\Z")
RELAY_PREFIX_LENGTH = 6

# A run of digit groups that starts with a trunk 0, maybe in brackets (`(02)`), each two
# groups one separator apart (a slash after the area code too, as Germany writes
# `030/12345678`); an area code or prefix has up to five digits after the 0, as
# libphonenumber writes Germany's `033203 12345`, India's mobile `098765 43210` and the
# UK's `016977 3456` (differential fuzzing: four missed them). The pattern consumes its
# first character, so the engine skips prose
# at C speed until a `0` or `(` turns up; what may come before is checked by lookbehinds
# over it and the character before: not inside a word or a number, nor after a sign, an
# amount's separator (`1,020 7946`, `1.020 7946`: a comma or dot after a digit; after a
# letter it parts a CSV's fields, `Jane,07911 123456`, or glues a label, `Tel.0113 ...`:
# a UK audit found a volunteer list's mobiles missed; after a digit a comma parts them
# too before a group longer than a thousands', `Jane,34,07911 123456`: review rv58b, or
# after a field of up to six digits that follows a word's field, `Jane,34,020 7946
# 0958`, `"Jane",34,...`: an amount's digits follow no comma after a letter, UK audit
# uk60) or a slash, nor as a later group
# of a longer run, nor in an identifier
# (`case_id_020 7946 0958`; emphasis, `_020 7946 0958_`, is read). Groups are taken whole
# (possessive): a run that goes on as a decimal, with a dash or a slash, or into a
# word is no number; an extension written on (x12) is read as privacy.pii reads one.
# Relay UK's prefix is no other group (`_AFTER_RELAY_PREFIX`). A toll-free or shared-cost
# number's trunk 0 stands alone where Ukraine and France write it (`0 800 500 335`, a
# national hotline; `0 800 05 95 95`, a numéro vert: pii68, missed with UA listed): a
# hotline is reported as the US one is, until privacy.allow lists it. A space or a dash
# after it, not a dot nor a line break: `0.800.500` is a version.
# A CSV's field of one to six digits (an age, an id) after a word's field, then its
# comma, over the candidate's first character too (`Jane,34,0`, `"Jane",7,(`); after an
# empty field or a note in brackets too (`Jane,,34,0`, `Jane (mum),34,0`: review rv59b,
# both missed).
_AFTER_A_WORDS_FIELD = "|".join(
    f'(?<=(?:[^\\W\\d_]|[",)]),{digits},.)' for digits in (r"\d" * count for count in range(1, 7))
)
_LONE_ZEROS_SPACE = f"[ {SPACE_SEPARATORS}{DASHES}]"
_CANDIDATE = LazyPattern(
    rf"""
    [(0]
    (?<![^\W_].)(?<![^\W_]_.)(?<![+/$\u00a3\u00a5\u20ac\u00a7\u2116{DASHES}].)(?<!\d\..)
    (?:(?<!\d,.)|(?=\d{{3}})|{_AFTER_A_WORDS_FIELD})(?:(?<!\d{SEPARATOR}.)|{_AFTER_RELAY_PREFIX})
    (?:(?<=\()0\d{{1,5}}+\){SEPARATOR}?|(?<=0)\d{{1,5}}+(?:{SEPARATOR}|/)
      | (?<=0){_LONE_ZEROS_SPACE}(?=8\d\d{SEPARATOR}))  # 0 800 500 335, a toll-free number
    \d{{1,8}}+(?:{SEPARATOR}\d{{1,8}}+){{0,4}}+
    (?!(?!x\d)[^\W_]|[.,]\d|[/{DASHES}]\d|{SEPARATOR}?[%$\u00a3\u00a5\u20ac]|{_CURRENCY_AFTER})
    """,
    re.VERBOSE,
)
# Where a listed country dials its numbers at home with no trunk prefix (libphonenumber
# knows none: Spain, Mexico, Chile, Central America, Portugal, Italy's mobiles), they are
# written from their first digit, 1-9 (`612 345 678`, `91 123 45 67`, `55 1234 5678`,
# `(55) 1234-5678`): such runs are read too, for those countries alone (a Spanish
# adopter's audit: `countries: [ES, MX]` found none of their numbers). Their groups are
# apart by spaces or dashes only, not dots, which those countries write in amounts
# (`1.234.567`, `912.345.678 personas`).
_WITHOUT_DOTS = f"[ \\n{UNICODE_SPACES}{DASHES}]"
_CANDIDATE_WITHOUT_TRUNK = LazyPattern(
    rf"""
    [(1-9]
    (?<![^\W_].)(?<![^\W_]_.)(?<![+/$\u00a3\u00a5\u20ac\u00a7\u2116{DASHES}].)(?<!\d[.,].)(?<!\d{SEPARATOR}.)
    (?:(?<=\()[1-9]\d{{0,3}}+\){_WITHOUT_DOTS}?|(?<=[1-9])\d{{0,3}}+{_WITHOUT_DOTS})
    \d{{1,8}}+(?:{_WITHOUT_DOTS}\d{{1,8}}+){{0,4}}+
    (?!(?!x\d)[^\W_]|[.,]\d|[/{DASHES}]\d|{SEPARATOR}?[%$\u00a3\u00a5\u20ac]|{_CURRENCY_AFTER})
    """,
    re.VERBOSE,
)
# Where a listed country's trunk prefix is 8 (Russia, Belarus, Kazakhstan,
# Turkmenistan, as libphonenumber's metadata says), a number is written from that 8, its
# area code in brackets or apart, its groups apart (`8 (495) 123-45-67`, `8-916-123-45-67`,
# `8 800 200-01-22`), or all eleven digits together (`89161234567`): such runs are read
# for those countries alone (pii66: none was reported with `RU` listed). An amount's
# rouble or tenge sign after the run makes it none (`8 500 000 ₽`).
# A row's number after `№` before it (`№ 1 8 800 333-00-16`: pii68, missed), not a group
# of its run.
_AFTER_A_ROWS_NUMBER = "|".join(
    f"(?<=\u2116{space}{digits}[ ].)"  # (a class: the pattern is verbose)
    for space in ("", "[ \u00a0\u202f]")
    for digits in (r"\d" * count for count in range(1, 4))
)
_CANDIDATE_AFTER_EIGHT = LazyPattern(
    rf"""
    8
    (?<![^\W_].)(?<![^\W_]_.)(?<![+/$\u00a3\u00a5\u20ac\u00a7\u2116{DASHES}].)(?<!\d[.,].)
    (?:(?<!\d{SEPARATOR}.)|{_AFTER_A_ROWS_NUMBER})
    (?:
        (?:{SEPARATOR}?\(\d{{3,5}}+\){SEPARATOR}?|{SEPARATOR}\d{{3,5}}+{SEPARATOR})
        \d{{1,8}}+(?:{SEPARATOR}\d{{1,8}}+){{0,4}}+
      | \d{{10}}(?!\d)
    )
    (?!(?!x\d)[^\W_]|[.,]\d|[/{DASHES}]\d|{SEPARATOR}?[%$\u00a3\u00a5\u20ac\u20bd\u20b8]|{_CURRENCY_AFTER})
    """,
    re.VERBOSE,
)
# A date or a range of times where a run starts: day and month (or month and day) then a
# year of four digits, one separator throughout; two times of day joined by a dash.
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_TIME = r"(?:[01]\d|2[0-3])[.:h][0-5]\d"
_DATE_OR_TIMES = LazyPattern(
    rf"{_DAY}(?P<separator>{SEPARATOR}){_DAY}(?P=separator)(?:19|20)\d\d(?!\d)"
    rf"|{_TIME}{SEPARATOR}?[{DASHES}]{SEPARATOR}?{_TIME}"
)
# A US ZIP+4 code (02110-1301) after a state's code or a ZIP label: New England's start
# with a 0, and Germany has numbers of their digits. Alone, it may be one.
_ZIP_PLUS_FOUR = LazyPattern(r"\d{5}-\d{4}(?!\d)")
_ZIP_BEFORE = LazyPattern(r"(?<![^\W_])(?:[A-Z]{2}|(?i:zip(?:[ ]?code)?)),?:?\s+\Z")
# How far before a ZIP code its state's code or label is looked for.
_ZIP_WINDOW = 16
# What goes on after a run's last group that makes it an hour (`03.04 10:00`): no group
# of the number, if the groups before it are one.
_MINUTES_AFTER = LazyPattern(r":\d")
_DIGITS = LazyPattern(r"\d+")
# How many digits, trunk 0 included, a national number may have: fewer or more are
# handed to no parser.
_FEWEST_DIGITS, _MOST_DIGITS = 6, 17
# A number written from an 8 where no trunk prefix is dialled (Mexico's `800 5533 000`,
# `81 8123 4567`; Spain's `881 234 567`; Italy's `800 290 290`): nine digits or more
# (pii68: with IT listed, a table's figures, `847 858`, and machine code's bytes, `89 43
# 54`, read as Italy's short service numbers).
_FEWEST_FROM_AN_EIGHT = 9
# A lone digit and then groups of three, or a round number's millions, are an amount's
# thousands, as the RAE and SI write them, in a run read as written (review rv67f: with
# MX listed, `8 000 000 000 personas`, the world's population, was Mexico's 800 000 0000;
# `800 000 000 people` Italy's toll-free number, `850 000 000 personnes` Spain's): no
# country that dials no trunk prefix writes its numbers so (`800 5533 000`, `81 8123
# 4567`, `912 345 678`).
_THOUSANDS = LazyPattern(
    rf"[1-9](?:[ {SPACE_SEPARATORS}]\d{{3}}){{2,}}|[1-9]\d{{0,2}}(?:[ {SPACE_SEPARATORS}]000){{2,}}"
)


def national_numbers(text: str, countries: Sequence[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each phone number in `text` written in the national format of one
    of `countries` (ISO 3166-1 alpha-2 codes): the longest run of its first digit groups,
    two at least, that is a valid number there ("020 7946 0958 24 hours" is one to its
    `0958`)."""
    if not countries:
        return
    # Each run with the countries that read it: all from a trunk 0, those whose trunk
    # prefix is 8 from an 8, those with no trunk prefix from a digit 1-9; in that order
    # where two start at one place (with ES and RU listed, `8 800 200-01-22` is Russia's,
    # whole, not Spain's `8 800 200-01`).
    # (Most lists read runs from a trunk 0 alone (GB, FR, DE): those are taken as the
    # engine finds them, with no merge, which cost a GB-listed reading 3% of privacy.pii's
    # time: pii67.)
    kinds = _kinds_of_runs(tuple(countries))
    runs: Iterator[tuple[re.Match[str], tuple[str, ...]]]
    if len(kinds) == 1:
        pattern, readers = kinds[0]
        runs = zip(pattern.finditer(text), repeat(readers))
    else:
        runs = merge(
            *(zip(pattern.finditer(text), repeat(readers)) for pattern, readers in kinds),
            key=_start_of_run,
        )
    last_end = 0
    for run, readers in runs:
        if run.start() < last_end:
            # A group of the number found before (`(55) 0754-6114`, and Germany's
            # `0754-6114` in it): one number, one finding (differential fuzzing).
            continue
        if _DATE_OR_TIMES.match(text, run.start()) or _is_zip_code(text, run.start()):
            continue
        group_ends = [group.end() for group in _DIGITS.finditer(text, run.start(), run.end())]
        if _MINUTES_AFTER.match(text, run.end()):
            group_ends.pop()
        # (eleven digits together, after an 8, are one group: `89161234567`); a run of
        # those with no trunk prefix is read from its 8 as written (pii68: Mexico's
        # hotline `800 5533 000` and `800 715 8482` went unread with MX listed, their 8
        # read as Russia's trunk prefix)
        after_eight = run.re.pattern == _CANDIDATE_AFTER_EIGHT.pattern
        if run.re.pattern == _CANDIDATE_WITHOUT_TRUNK.pattern and _THOUSANDS.fullmatch(
            text, run.start(), run.end()
        ):
            continue  # 8 000 000 000 personas
        # (and one written from an 8 with no trunk prefix has nine digits at the least:
        # Italy's 8s are services' alone, and a table's figures made its six, `847 858`)
        fewest = _FEWEST_FROM_AN_EIGHT if text[run.start()] == "8" and not after_eight else 0
        for end in reversed(group_ends[1:] or group_ends):
            number = text[run.start() : end]
            if sum(map(str.isdigit, number)) < fewest:
                break
            if (
                _read_after_eight(number, readers)
                if after_eight
                else international_readings(number, readers)
            ):
                last_end = end
                yield run.start(), end
                break


def _read_after_eight(number: str, countries: Sequence[str]) -> bool:
    """Whether the `number` written from an 8 is a valid number of one of `countries`
    dialled after that 8 as its trunk prefix (and a 0 after it, as Belarus dials one): not
    a valid number of its digits, 8 included (an amount's thousands, `8 000 000 000`, are
    Russia's toll-free 800 000 0000)."""
    digits = "".join(_DIGITS.findall(number))
    country_code = _phonenumbers().country_code_for_region
    return any(
        form[1 + len(str(country_code(country.upper()))) :] == digits[1:].lstrip("0")
        for country in countries
        for form in international_readings(number, (country,))
    )


@lru_cache(maxsize=64)
def _kinds_of_runs(countries: tuple[str, ...]) -> tuple[tuple[LazyPattern, tuple[str, ...]], ...]:
    """The patterns of the runs that `countries` read, each with those that read its runs:
    all from a trunk 0, those whose trunk prefix is 8 from an 8, those with no trunk
    prefix from a digit 1-9 (`_with_trunk_prefix`); a pattern no country reads left out."""
    kinds = (
        (_CANDIDATE, countries),
        (_CANDIDATE_AFTER_EIGHT, _with_trunk_prefix(countries, "8")),
        (_CANDIDATE_WITHOUT_TRUNK, _with_trunk_prefix(countries, None)),
    )
    return tuple((pattern, readers) for pattern, readers in kinds if readers)


def _start_of_run(run_and_readers: tuple[re.Match[str], tuple[str, ...]]) -> int:
    return run_and_readers[0].start()


@lru_cache(maxsize=64)
def _with_trunk_prefix(countries: tuple[str, ...], prefix: str | None) -> tuple[str, ...]:
    """Those of `countries` whose numbers are dialled at home after the trunk `prefix`,
    as libphonenumber's metadata says (`8`: Russia; None, no prefix: Spain, Mexico); none
    where it knows no such country."""
    metadata = _phonenumbers().PhoneMetadata.metadata_for_region
    return tuple(
        country
        for country in countries
        if (found := metadata(country.upper())) is not None and found.national_prefix == prefix
    )


def _is_zip_code(text: str, start: int) -> bool:
    """Whether the run of digit groups at `start` of `text` is a ZIP+4 code after its
    state's code or label (`Boston, MA 02110-1301`, `ZIP: 02110-1301`)."""
    return bool(
        _ZIP_PLUS_FOUR.match(text, start)
        and _ZIP_BEFORE.search(text, max(0, start - _ZIP_WINDOW), start)
    )


def international_readings(number: str, countries: Sequence[str]) -> tuple[str, ...]:
    """The phone `number` as E.164 writes it in each of `countries` where it is valid,
    in their order (written with its `+`, one at most). National numbering plans
    overlap: `06 1 234 5678` is Hungary's +3612345678 and France's +33612345678, so two
    writings of one number share a form, whichever country is listed first."""
    digits = "".join(_DIGITS.findall(number))
    if not countries or not _FEWEST_DIGITS <= len(digits) <= _MOST_DIGITS:
        return ()
    return _valid_forms(digits, number.lstrip().startswith("+"), tuple(countries))


# A handbook writes its numbers on many pages (a hotline on every one): each is parsed once.
@lru_cache(maxsize=4096)
def _valid_forms(digits: str, international: bool, countries: tuple[str, ...]) -> tuple[str, ...]:
    """`international_readings` of a number of `digits`, written after a `+` or not."""
    phonenumbers = _phonenumbers()
    forms: list[str] = []
    for region in countries[:1] if international else countries:
        try:
            parsed = phonenumbers.parse(f"+{digits}" if international else digits, region)
        except phonenumbers.NumberParseException:  # too short or long for this country
            continue
        if phonenumbers.is_valid_number(parsed):
            forms.append(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))
    return tuple(dict.fromkeys(forms))


def e164_or_digits(written: str) -> str:
    """A number written with its `+` (`+44 08000 121 700`, a trunk 0 kept by a slip) as
    the world dials it, from libphonenumber, which knows which countries keep the 0
    (Italy); `+` and its digits where the library cannot read it."""
    phonenumbers = _phonenumbers()
    try:
        parsed = phonenumbers.parse(written, None)
    except phonenumbers.NumberParseException:
        return "+" + "".join(_DIGITS.findall(written))
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def international_forms(numbers: Iterable[str], countries: Sequence[str]) -> frozenset[str]:
    """Every `international_readings` of each of `numbers`."""
    return frozenset(
        form for number in numbers for form in international_readings(number, countries)
    )


def region_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 codes of the countries and regions that `phonenumbers`
    knows the phone numbers of."""
    return frozenset(_phonenumbers().SUPPORTED_REGIONS)


@cache
def _phonenumbers() -> ModuleType:
    import phonenumbers  # only where countries are listed, or a `tel:` link needs it

    return phonenumbers
