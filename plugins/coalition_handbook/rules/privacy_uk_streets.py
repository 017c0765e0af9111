"""Street addresses as the UK writes a street with no street type (`5 Kingsway, London WC2B
6TT`, `14 Broadway, Leeds LS1 4AB`, `4 Long Acre, London WC2E 9LH`), as privacy.pii
reads them (`privacy_personal_data`) where privacy.countries lists the UK or a Crown
dependency, whose postcodes these are.

A house number, one to three capitalised words, a comma, maybe a town, and a full UK
postcode: an address, which a street type is not needed to tell (UK audit uk59: such
addresses passed); in capitals too, a street type among them (`27 CASTLE HILL, YORK YO1
9RY`), or before a postcode in small letters (`5 kingsway, london wc2b 6tt`: uk60).
Without the postcode, "Chapter 5 Broadway musicals, London" is prose:
the words alone are read by no one as a street. The street is what is found, as the
rule finds a typed one ("5 Kingsway"), so that privacy.allow lists it as a letter writes
it (`5 Kingsway, London WC2B 6TT`) or alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..lazy_pattern import LazyPattern
from .privacy_streets import (
    BEFORE_WINDOW,
    COUNTED_NOUNS,
    NAME_WORD,
    UK_POSTCODE,
    dated_by_a_year,
    is_street_type,
    numbered_by_a_word,
)
from .soft_breaks import WORD_SPACE

# The countries whose addresses end with a UK postcode: the UK, Guernsey, Jersey, Man.
UK_POSTCODE_COUNTRIES = frozenset({"GB", "GG", "JE", "IM"})
# What parts a town's words from the postcode: a space, a comma, a table's cell's end
# or a `<br>` (`5 Kingsway<br>London<br>WC2B 6TT`: review rv59b, it passed).
_TOWN_GAP = r"(?:{space}*[,|]{space}*|[ \t]*<br\s*/?>{space}*|{space}+)"
# A number starting a word (27a too), not a part of another number, an amount or a
# version; the street's name; then its comma, a `<br>` or a line's end (an address
# written a line a part, its lines with no comma, which a street's wrapped name has:
# review rv58h), or a table's cell's end (`| 5 Kingsway | London | WC2B 6TT |`: review
# rv59b, such a table passed), a town of up to three words (or written in
# capitals, as Royal Mail writes it) and the postcode, looked at, not taken.
_UNTYPED_STREET = LazyPattern(
    r"""
    (?<![\w.,/#$\u00a3\u20ac-])(?P<number>\d{1,4})[A-Za-z]?{space}+
    {name}(?:{space}+{name}){0,2}?
    (?=(?:(?:{space}*,)?[ \t]*<br\s*/?>|{space}*[,|]){space}*
        (?:(?:{name}|[A-Z]{2,}){town_gap}){0,3}{postcode}
      | [ \t]*\r?\n{space}*(?:(?:{name}|[A-Z]{2,}){space}+){0,3}{postcode})
    """.replace("{town_gap}", _TOWN_GAP)
    .replace("{postcode}", UK_POSTCODE)
    .replace("{space}", WORD_SPACE)
    .replace("{name}", NAME_WORD),
    re.VERBOSE,
)
# The same address as a label prints it, in capitals (`27 CASTLE HILL, YORK YO1 9RY`, its
# town maybe capitalised), or with its postcode in small letters, as a message is typed
# (`5 kingsway, london wc2b 6tt`, `5 Kingsway, London wc2b 6tt`): the street's words,
# its type too (`14 ELM ROAD`), as the postcode is written, and a capital before small
# letters only as a name has it (UK audit uk60: both passed). In small letters, the
# postcode's area must be one of the UK's (`_POSTCODE_AREAS`): `xy1 2ab` is none.
# `ST.` (Saint) and the last word's full stop (`4 ELM RD.`) are read too (review rv59b:
# both hid an address); a sentence's full stop inside the street is not.
_ONE_CASE_STREET = r"""
    (?<![\w.,/#$\u00a3\u20ac-])(?P<number>\d{1,4}){letter}?{space}+
    (?P<words>{word}(?:{space}+{word}){0,3}?)\.?
    (?=(?:(?:{space}*,)?[ \t]*<br\s*/?>|{space}*[,|]){space}*
        (?:{town}{town_gap}){0,3}{postcode}
      | [ \t]*\r?\n{space}*(?:{town}{space}+){0,3}{postcode}
      {no_comma})
    """
_CAPITALS_STREET = LazyPattern(
    _ONE_CASE_STREET.replace("{town_gap}", _TOWN_GAP)
    .replace("{no_comma}", "| (?P<no_comma>{space}+){town}{space}+{postcode}")
    .replace("{postcode}", UK_POSTCODE)
    .replace("{space}", WORD_SPACE)
    .replace("{letter}", "[A-Z]")
    .replace("{word}", "(?:[A-Z][A-Z'\u2019]+|ST\\.)")
    .replace("{town}", f"(?:[A-Z][A-Z'\u2019]+|{NAME_WORD})"),
    re.VERBOSE,
)
# (Its area named in each of the two places the postcode may stand.)
_SMALL_POSTCODE = (
    r"(?:(?P<{area}>[a-z]{1,2})\d[a-z\d]?{space}?\d[a-z]{2}"
    r"|(?P<{area}_in_capitals>[A-Z]{1,2})\d[A-Z\d]?{space}?\d[A-Z]{2})(?![^\W_])"
)
_SMALL_LETTERS_STREET = LazyPattern(
    _ONE_CASE_STREET.replace("{town_gap}", _TOWN_GAP)
    .replace("{no_comma}", "")
    .replace("{postcode}", _SMALL_POSTCODE.replace("{area}", "area"), 1)
    .replace("{postcode}", _SMALL_POSTCODE.replace("{area}", "area_below"))
    .replace("{space}", WORD_SPACE)
    .replace("{letter}", "[a-z]")
    .replace("{word}", "(?:[A-Za-z][a-z'\u2019]+|[Ss]t\\.)")
    .replace("{town}", "[A-Za-z][a-z'\u2019]+"),
    re.VERBOSE,
)
# The UK's postcode areas (Royal Mail's 121, Guernsey's, Jersey's and Man's), in small
# letters.
_POSTCODE_AREAS = frozenset({
    "ab", "al", "b", "ba", "bb", "bd", "bh", "bl", "bn", "br", "bs", "bt", "ca", "cb", "cf",
    "ch", "cm", "co", "cr", "ct", "cv", "cw", "da", "dd", "de", "dg", "dh", "dl", "dn",
    "dt", "dy", "e", "ec", "eh", "en", "ex", "fk", "fy", "g", "gl", "gu", "ha", "hd", "hg",
    "hp", "hr", "hs", "hu", "hx", "ig", "ip", "iv", "ka", "kt", "kw", "ky", "l", "la", "ld",
    "le", "ll", "ln", "ls", "lu", "m", "me", "mk", "ml", "n", "ne", "ng", "nn", "np", "nr",
    "nw", "ol", "ox", "pa", "pe", "ph", "pl", "po", "pr", "rg", "rh", "rm", "s", "sa", "se",
    "sg", "sk", "sl", "sm", "sn", "so", "sp", "sr", "ss", "st", "sw", "sy", "ta", "td",
    "tf", "tn", "tq", "tr", "ts", "tw", "ub", "w", "wa", "wc", "wd", "wf", "wn", "wr", "ws",
    "wv", "yo", "ze", "gy", "je", "im"
})  # fmt: skip
# Every full postcode ends with its inward code, a digit and two capitals, or two small
# letters but C, I, K, M, O and V, and no ordinal's (1st, 2nd, 3rd, 4th): a text without
# one (most) is not scanned. (An ASCII digit's range: the engine skips to one a fifth
# faster than to a `\d`, and this search is most of the reader's cost; one search for
# both cases, a third of the time of two.)
_INWARD_CODE = LazyPattern(
    r"[0-9](?:[A-Z][A-Z]|(?!st|nd|rd|th)[abd-hjlnp-uw-z][abd-hjlnp-uw-z])(?![^\W_])"
)
# What the number counts, no street's name: time ("Open 24 Hours, London EC1A 1BB") or
# things ("Over 300 Volunteers, ...", "12 Sites, ...").
_COUNTED_LAST_WORD = LazyPattern(
    r"(?i:hours|days|weeks|months|years|minutes|volunteers|members|staff|offices|rooms|beds"
    rf"|bedrooms|places|spaces|people|children|families|women|men|{COUNTED_NOUNS})\Z"
)
# A premises' part or a time before the number ("Floor 3 Reception, London SW1A 2AA",
# "Suite 5 Acme Ltd, ...", "Room 101 Help Desk, ...", "Open 7 Days, ..."): a part of a
# building or a count, not a house number, the street (if any) is on.
_PART_OR_COUNT_BEFORE = LazyPattern(
    r"(?<![\w'\u2019-])(?i:floor|suite|room|unit|office|desk|gate|platform|open|over|top"
    r"|have|has|had|call|dial|ring|text)"
    r"(?:[ \t]|&nbsp;|&#160;|[*_])*\Z"
)


def uk_untyped_streets(
    text: str, countries: Iterable[str] = UK_POSTCODE_COUNTRIES
) -> Iterator[tuple[int, int]]:
    """(start, end) of every street with no street type before a UK postcode in `text`
    (`5 Kingsway` of `5 Kingsway, London WC2B 6TT`), where `countries` lists a country
    whose postcodes these are; not a year that a time or an owner dates."""
    if UK_POSTCODE_COUNTRIES.isdisjoint(country.upper() for country in countries):
        return
    if not _INWARD_CODE.search(text):
        return
    found = [*_UNTYPED_STREET.finditer(text)]
    found += filter(_a_line_if_no_comma, _CAPITALS_STREET.finditer(text))
    found += filter(_in_small_letters, _SMALL_LETTERS_STREET.finditer(text))
    end = 0  # each street once, where two patterns find it
    for street in sorted(found, key=lambda street: street.start()):
        if street.start() >= end and not _names_no_street(text, street):
            end = street.end()
            yield street.start(), _street_end(street)


def _a_line_if_no_comma(street: re.Match[str]) -> bool:
    """Whether the street of `_CAPITALS_STREET` with no comma before its town starts where
    an address's line does (`27 CASTLE HILL YORK YO1 9RY`), not in a poster's words
    ("FREE 24 HOUR HELPLINE LEEDS LS1 4AB", "DROP IN 2 PM LEEDS ...": review rv60b)."""
    if street["no_comma"] is None:
        return True
    before = street.string[max(0, street.start() - BEFORE_WINDOW) : street.start()]
    return bool(_ADDRESS_LINE_BEFORE.search(before))


_WORD = LazyPattern(r"\S+")


def _street_end(street: re.Match[str]) -> int:
    """Where the street found ends: with no comma before its town, which may be of
    several words (`27 CASTLE HILL MILTON KEYNES MK9 2AB`), at its last street type
    (`HILL`): the pattern leaves the town one word and took `MILTON` into the street."""
    if "no_comma" not in street.re.groupindex or street["no_comma"] is None:
        return street.end()
    *before_last, last = _WORD.finditer(street["words"])
    if is_street_type(last.group()):  # the town one word: the street whole
        return street.end()
    for word in reversed(before_last):
        if is_street_type(word.group()):
            return street.start("words") + word.end()
    return street.end()


def _in_small_letters(street: re.Match[str]) -> bool:
    """Whether the street of `_SMALL_LETTERS_STREET` is one: its postcode's area is one
    of the UK's (`_POSTCODE_AREAS`), and before a postcode in capitals, its words are in
    small letters (`5 kingsway, london WC2B 6TT`: an audit, it passed), where an
    address's line starts (`_ADDRESS_LINE_BEFORE`), not in prose ("the 5 best pubs, York
    YO1 9RY", "we helped 120 survivors, London SW1A 2AA": review rv60b), and capitalised
    words are `_UNTYPED_STREET`'s."""
    area = street["area"] or street["area_below"]
    if area is not None:
        return area in _POSTCODE_AREAS
    area = street["area_in_capitals"] or street["area_below_in_capitals"]
    before = street.string[max(0, street.start() - BEFORE_WINDOW) : street.start()]
    return (
        area.lower() in _POSTCODE_AREAS
        and street["words"].islower()
        and bool(_ADDRESS_LINE_BEFORE.search(before))
    )


# Where an address's line starts: the text's or a line's start, a label's colon, a
# name's or a flat's comma, a table's cell, a tag, or "at" or "to".
_ADDRESS_LINE_BEFORE = LazyPattern(
    r"(?:\A|[\n:;,|>(]|(?<![\w'\u2019-])(?i:at|to))(?:[ \t]|&nbsp;|&#160;|[*_])*\Z"
)


# A UK postcode in either case, as `postcode_after` looks for the first after a street;
# how far after it (a comma or a `<br>`, a town of up to three words, the postcode).
_ANY_CASE_POSTCODE = LazyPattern(
    r"(?<![^\W_])(?i:(?P<outward>[A-Z]{1,2}\d[A-Z\d]?|GIR)\s?(?P<inward>\d[A-Z]{2}))(?![^\W_])"
)
_POSTCODE_WINDOW = 160


def postcode_after(text: str, end: int) -> str | None:
    """The UK postcode that follows the street ending at `end` of `text` (as
    `uk_untyped_streets` finds one before it), in capitals and with no space (`WC2B6TT`),
    if any."""
    found = _ANY_CASE_POSTCODE.search(text, end, end + _POSTCODE_WINDOW)
    return None if found is None else (found["outward"] + found["inward"]).upper()


def _names_no_street(text: str, found: re.Match[str]) -> bool:
    """Whether the untyped street `found` is a year, a part's or a step's number, a
    premises' part or a count (`_PART_OR_COUNT_BEFORE`, `_COUNTED_LAST_WORD`)."""
    start = found.start()
    before = text[max(0, start - BEFORE_WINDOW) : start]
    return (
        dated_by_a_year(found["number"], before)
        or numbered_by_a_word(before)
        or bool(_PART_OR_COUNT_BEFORE.search(before))
        or bool(_COUNTED_LAST_WORD.search(found.group()))
    )
