"""Street addresses as French (France, Quebec, Belgium, Switzerland) and German (Germany,
Austria, Switzerland) write them, as privacy.pii reads them (`privacy_personal_data`).

French writes the number first, maybe a comma after it as Quebec does, then the street's
type in small letters or a capital and its name (`1234, rue Sainte-Catherine Ouest`, `56
boulevard Saint-Laurent`, `12 rue de la Paix`); German writes the name and its type as
one word, or an adjective and the type, then the number (`Hauptstraße 5`, `Müllerstr.
12a`, `Bahnhofstrasse 12`, `Berliner Straße 12`). Neither was read: a Quebec and a
German-speaking adopter's own addresses went unreported (their audit). Only these types:
German `-weg` and `-platz` name a parking space or an escape route as often as a street
(`Stellplatz 3`, `Fluchtweg 2`); and a French type with a capital that is an English
word too (`Place`, `Route`, `Avenue`) only with a comma after the number, a `de` or a
hyphenated name (`1 Place Ville-Marie`), not in a title ("10 Place Names"). A number
that reads as a year is a house number only with a comma after it, as Quebec writes one
(`2045, rue Sherbrooke`) and no `en` or `depuis` dates it ("En 2019, rue de la Paix...").
French Switzerland writes the type and a `de` first, then the number (`Rue de Lausanne
12`), read where privacy.countries lists `CH`. A road the state numbers (`Bundesstraße
96`) is no address.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from ..lazy_pattern import LazyPattern
from ..letters import CAPITAL_LETTERS, COMBINING_ACCENTS, SMALL_LETTERS
from .privacy_streets import is_year
from .soft_breaks import WORD_SPACE

_CAPITAL = f"[A-Z{CAPITAL_LETTERS}][{COMBINING_ACCENTS}]*"
_SMALL = f"[a-z{SMALL_LETTERS}{COMBINING_ACCENTS}]"
_APOSTROPHE = "['\u2019]"
# French street types, in full and abbreviated; a capital first too (`Rue`, `Place`).
_FRENCH_TYPES = (
    r"rue|boulevard|boul\.|bd|avenue|av\.|chemin|place|all(?:é|e)e|impasse|quai|route"
    r"|rang|mont(?:é|e)e|c(?:ô|o)te|cours|square|promenade|croissant|terrasse"
)
# A word of the name (`Sainte-Catherine`, `Saint-Laurent`), or the little words before
# one (`de la Paix`, `de l'Église`, `du Parc`), then a directional (`Ouest`).
_FRENCH_NAME_WORD = rf"{_CAPITAL}{_SMALL}*(?:-{_CAPITAL}?{_SMALL}+)*"
_FRENCH_LINK = (
    rf"(?:de{WORD_SPACE}+la|de{WORD_SPACE}+l{_APOSTROPHE}|du|des|de|d{_APOSTROPHE}"
    rf"|la|le|l{_APOSTROPHE})"
)
_FRENCH_STREET = rf"""
    (?<![\w.,/-])(?P<number>\d{{1,5}})(?:{WORD_SPACE}?(?:bis|ter|[A-Da-d]))?(?![\w.,]\d)
    (?P<comma>,)?{WORD_SPACE}+
    (?P<type>(?i:{_FRENCH_TYPES}))                        # the type, in either case
    {WORD_SPACE}+(?P<link>{_FRENCH_LINK}(?:{WORD_SPACE}+|(?<=['\u2019])))?
    (?P<name>{_FRENCH_NAME_WORD})
    (?:{WORD_SPACE}+(?:{_FRENCH_LINK}(?:{WORD_SPACE}+|(?<=['\u2019])))?{_FRENCH_NAME_WORD}){{0,3}}
    """
# Swiss French: the type with a capital, a `de` and the name, then the number (`Rue de
# Lausanne 12`, `Chemin du Lac 4b`); the `de` tells it from an English title ("Route 66").
_SWISS_STREET = rf"""
    (?<![\w-])(?:Rue|Chemin|Avenue|Route|Place|Boulevard|Quai|Ruelle|Impasse|All(?:é|e)e)
    {WORD_SPACE}+{_FRENCH_LINK}(?:{WORD_SPACE}+|(?<=['\u2019])){_FRENCH_NAME_WORD}
    (?:{WORD_SPACE}+(?:{_FRENCH_LINK}(?:{WORD_SPACE}+|(?<=['\u2019])))?{_FRENCH_NAME_WORD}){{0,3}}
    ,?{WORD_SPACE}+(?P<number>\d{{1,3}})(?:{WORD_SPACE}?(?:bis|ter|[A-Da-d]))?
    (?![^\W_]|[.,:]\d|/|{WORD_SPACE}?%)
    (?!{WORD_SPACE}+(?i:km|m|fois|ans?|heures?|h|minutes?|jours?|janvier|f(?:é|e)vrier|mars|avril
      |mai|juin|juillet|ao(?:û|u)t|septembre|octobre|novembre|d(?:é|e)cembre)(?![^\W_]))
    """
# German: a name joined to its type (`Hauptstraße`, `Karl-Marx-Allee`, `Müllerstr.`), or an
# adjective in -er, or a name with a hyphen, before the type (`Berliner Straße`).
# A distance, a count or an amount after the number: "Hauptstraße 5 km", "5 Mal".
_NO_GERMAN_UNIT_AFTER = (
    rf"(?!{WORD_SPACE}+(?i:km|m|(?:kilo)?metern?|mal|jahre?n?|minuten|stunden|tage?n?|euro|eur"
    r"|prozent)(?![^\W_]))"
)
_GERMAN_TYPES = r"stra(?:ß|ss)e|str\.|gasse|allee"
_GERMAN_STREET = rf"""
    (?<![\w-])
    (?:
      {_CAPITAL}{_SMALL}*(?:-{_CAPITAL}?{_SMALL}+)*-?(?i:{_GERMAN_TYPES})
    | {_CAPITAL}{_SMALL}+er{WORD_SPACE}+(?:Stra(?:ß|ss)e|Str\.|Gasse|Allee)
    )
    {WORD_SPACE}*(?P<number>\d{{1,4}})(?:{WORD_SPACE}?[a-zA-Z])?
    (?![^\W_]|[.,:]\d|/|{WORD_SPACE}?%)
    {_NO_GERMAN_UNIT_AFTER}
    """
# `-weg` and `-platz` name a parking space or an escape route as often as a street
# (`Stellplatz 3`, `Fluchtweg 2`): a street only with an address around it, `im`, `am`
# or a label's colon before (`_CUE_BEFORE`), or a postcode and a town after.
_GERMAN_CUED_STREET = rf"""
    (?P<street>(?<![\w-]){_CAPITAL}{_SMALL}*(?:-{_CAPITAL}?{_SMALL}+)*-?(?:weg|platz|Weg|Platz)
    {WORD_SPACE}*(?P<number>\d{{1,4}})(?:{WORD_SPACE}?[a-zA-Z])?)
    (?![^\W_]|[.,:]\d|/|{WORD_SPACE}?%){_NO_GERMAN_UNIT_AFTER}
    (?P<postcode>,?{WORD_SPACE}+\d{{4,5}}{WORD_SPACE}+{_CAPITAL})?
    """
_CUE_BEFORE = LazyPattern(r"(?:\b(?:[iI]m|[aA]m|[vV]om|[zZ]um|[bB]eim)\s+|:\s*)\Z")
# Most texts hold no German street type: `in` says so 3 times faster than the pattern
# scans (a case-insensitive pattern of the types took 20 times longer).
_GERMAN_TYPE_WORDS = (
    "straße", "Straße", "strasse", "Strasse", "str.", "Str.", "gasse", "Gasse", "allee", "Allee",
)  # fmt: skip


# The countries (privacy.countries) that write their addresses so: as their phone
# numbers' national formats, read where a site lists one, and only there (no cost, and
# no "5 rue X" read in a handbook of other countries).
FRENCH_COUNTRIES = frozenset({"FR", "CA", "BE", "CH", "LU", "MC"})
GERMAN_COUNTRIES = frozenset({"DE", "AT", "CH", "LI", "LU"})


def french_and_german_streets(
    text: str, countries: Iterable[str] = (*FRENCH_COUNTRIES, *GERMAN_COUNTRIES)
) -> Iterator[tuple[int, int]]:
    """(start, end) of every street address in `text` written as French or German write
    them, in the order of their starts: French where `countries` holds a country that
    writes them so, German likewise (by default, both)."""
    listed = {country.upper() for country in countries}
    found = [
        *(_french_streets(text) if listed & FRENCH_COUNTRIES else ()),
        *(_swiss_streets(text) if "CH" in listed else ()),
        *(_german_streets(text) if listed & GERMAN_COUNTRIES else ()),
    ]
    end = -1
    for span in sorted(found):  # once: "12 Rue de Lausanne 14" is one street
        if span[0] >= end:
            yield span
            end = span[1]


# A word that dates the year after it, a comma after that year too: "En 2019, rue de la
# Paix..." opens a sentence, where "au 2045, rue Sherbrooke" locates.
_DATING_WORD = LazyPattern(
    r"(?i:\b(?:en|depuis|d[eè]s|avant|apr[eè]s|vers|jusqu['\u2019]en|fin|d[ée]but|mi-)\s*)\Z"
)
# German roads numbered by the state ("Bundesstraße 96"): a road, public, no address.
_NUMBERED_ROADS = ("Bundesstr", "Landesstr", "Staatsstr", "Kreisstr")


def _french_streets(text: str) -> Iterator[tuple[int, int]]:
    for found in _compiled(_FRENCH_STREET).finditer(text):
        comma = bool(found.group("comma"))
        if is_year(found.group("number")) and (
            not comma or _DATING_WORD.search(text, max(0, found.start() - 12), found.start())
        ):
            continue  # "depuis 2019 rue de Rivoli" dates, "2045, rue Sherbrooke" locates
        if _english_too(found) and not (comma or found.group("link") or "-" in found["name"]):
            continue
        yield found.start(), found.end()


def _swiss_streets(text: str) -> Iterator[tuple[int, int]]:
    for found in _compiled(_SWISS_STREET).finditer(text):
        if not is_year(found.group("number")):
            yield found.start(), found.end()


def _english_too(found: re.Match[str]) -> bool:
    """Whether the street's type is capitalised and an English word too, as a title
    writes one ("10 Place Names", "5 Route Planning Tips"): a French street then needs
    a comma after its number, a `de` or a name with a hyphen (`1 Place Ville-Marie`)."""
    kind = found.group("type")
    return kind[0].isupper() and kind.lower() != "rue"


def _german_streets(text: str) -> Iterator[tuple[int, int]]:
    typed = any(word in text for word in _GERMAN_TYPE_WORDS)
    for found in _compiled(_GERMAN_STREET).finditer(text) if typed else ():
        if not is_year(found.group("number")) and not found[0].startswith(_NUMBERED_ROADS):
            yield found.start(), found.end()
    if "weg" not in text and "platz" not in text:
        return
    for found in _compiled(_GERMAN_CUED_STREET).finditer(text):
        cued = found["postcode"] or _CUE_BEFORE.search(
            text, max(0, found.start() - 8), found.start()
        )
        if cued and not is_year(found.group("number")):
            yield found.span("street")


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """`pattern` compiled on first use: a run for a site that lists no such country, or
    whose checks come from the cache, never compiles it (50 ms)."""
    return re.compile(pattern, re.VERBOSE)
