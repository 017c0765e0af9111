"""Personal data as privacy.pii finds it in a text (`privacy_pii`): e-mail addresses
(`privacy_emails`), phone numbers (`privacy_phones`; in the national formats of
privacy.countries too: `national_phones`) and street addresses (`privacy_streets`),
outside URLs (`privacy_links` reads those), and through what no reader sees (a soft
hyphen, a zero width space): `find_personal_data`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache

from ..forms import INVISIBLE_CHARACTERS, beyond_ascii, has_invisible
from .national_phones import national_numbers
from .privacy_allow import Spans
from .privacy_east_asian_streets import east_asian_streets
from .privacy_emails import find_email_addresses
from .privacy_french_german_streets import french_and_german_streets
from .privacy_italian_portuguese_catalan_streets import italian_portuguese_catalan_streets
from .privacy_links import url_spans
from .privacy_name_first_streets import name_first_streets
from .privacy_phones import (
    candidates_found,
    names_no_phone,
    phone_end,
    reads_as_identifier,
)
from .privacy_streets import names_no_street, with_directional_after
from .privacy_uk_streets import uk_untyped_streets
from .privacy_unspaced_phones import phones_among_unspaced


def find_personal_data(
    text: str, urls: list[tuple[int, int]] | None = None, countries: Sequence[str] = ()
) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of every e-mail address, phone number and street address in
    `text`, outside URLs (`url_spans`: `urls`, if already found); kind is "e-mail
    address", "phone number" or "street address". Phone numbers written in the national
    format of one of `countries` (privacy.countries) too (`national_phones`)."""
    urls = url_spans(text) if urls is None else urls
    masked = _mask_urls(text, urls) if urls else text
    masked = with_ascii_forms(masked)
    # The modifier letter apostrophe (U+02BC), a letter to Unicode, reads as an apostrophe,
    # as matching reads it: "Main Street\u02bcs" was one word, its address unreported
    # (review rv39); a straight one, which a mailbox may hold (`o\u02bcbrien@`). One code
    # point for one: the spans stand.
    if "\u02bc" in masked:
        masked = masked.replace("\u02bc", "'")
    if not has_invisible(masked):
        yield from _personal_data(masked, countries)
        return
    # Read as if the invisible characters were not there, as matching reads them
    # ("555\u200b-123-4567", "jane\u00ad@gmail.com"), and found where they are.
    visible, cuts, removed = _without_invisible(masked)
    for kind, start, end in _personal_data(visible, countries):
        yield (
            kind,
            start + removed[bisect_right(cuts, start)],
            end + removed[bisect_right(cuts, end - 1)],
        )


# Each script's decimal digits (Arabic-Indic, Persian, Devanagari, Bengali, fullwidth...)
# as ASCII ones, one for one, and ASCII's fullwidth forms as ASCII (`_FULLWIDTH_FIRST`):
# the patterns name digits such as the trunk `0` literally, and the allow list holds
# ASCII numbers (review: `٠٦١٢٣٤٥٦٧٨` was not found where `0612345678` was; rv40: nor
# `०६१२३४५६७८`, whose `५५५-१२३-४५६७` `\d` did find).
class _AsciiForms(dict[int, str | int]):
    """`str.translate`'s table, filled as characters are met (a table of every code
    point, built on import, cost each command a tenth of a second)."""

    def __missing__(self, code: int) -> str | int:
        character = chr(code)
        if unicodedata.category(character) == "Nd":
            self[code] = str(unicodedata.decimal(character))
        elif _FULLWIDTH_FIRST <= code <= _FULLWIDTH_LAST:
            self[code] = chr(code - _FULLWIDTH_OFFSET)
        elif character in _DOTS:
            self[code] = "."
        else:
            self[code] = code
        return self[code]


# The fullwidth forms of ASCII's printable characters but the space (U+FF01-U+FF5E), as
# a Japanese or Chinese input method types them: read as those characters, one for one
# (`４０２－５５５－０１９９`, `ｊｏ＠ｇｍａｉｌ．ｃｏｍ`: task priv8, which found their
# hyphens, brackets, letters and dots read as no separator and no letter).
_FULLWIDTH_FIRST = 0xFF01
_FULLWIDTH_LAST = 0xFF5E
_FULLWIDTH_OFFSET = 0xFEE0
# Dots read as ASCII's: a middle dot between a number's groups (`402·555·0199`) and an
# ideographic full stop, and its halfwidth form, in an address (`jo@gmail。com`, as a
# Chinese or Japanese input method types the dot: task priv9).
_DOTS = frozenset("\u00b7\u3002\uff61")


_ASCII_FORMS = _AsciiForms()


def with_ascii_forms(text: str) -> str:
    """`text` with each script's decimal digits written as ASCII ones, and ASCII's
    fullwidth forms as ASCII: as long as `text`, so that offsets into it are offsets
    into `text`. Translated only if one of its characters past ASCII has another form
    (`beyond_ascii`): `str.translate` asks the table for each character of a text past
    Latin-1, and a curly apostrophe made a page's translation a third of privacy.pii's
    time (spd66)."""
    if all(_ASCII_FORMS[ord(char)] == ord(char) for char in set(beyond_ascii(text))):
        return text
    return text.translate(_ASCII_FORMS)


def _invisible_runs(text: str) -> re.Pattern[str]:
    """The pattern of runs of the characters no reader sees (a soft hyphen, a zero width
    space...) that `text` holds: of those alone, found by `in` (`has_invisible`), since
    the engine tested each character of a page against the whole set, its astral
    characters one by one (a millisecond a page with one soft hyphen)."""
    return _runs_of("".join(char for char in INVISIBLE_CHARACTERS if char in text))


# A site's pages hold a few mixes of them, but emoji flags' tag characters can make
# thousands, each kept for as long as the process ran (`mkdocs serve`): only the latest
# are kept (review rv55c).
@lru_cache(maxsize=256)
def _runs_of(characters: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(characters)}]+")


def _without_invisible(text: str) -> tuple[str, list[int], list[int]]:
    """`text` without its invisible characters, and how to find a position of it in
    `text`: it is `removed[bisect_right(cuts, position)]` further on."""
    pieces: list[str] = []
    cuts: list[int] = []
    removed = [0]
    previous = 0
    for found in _invisible_runs(text).finditer(text):
        pieces.append(text[previous : found.start()])
        cuts.append(found.start() - removed[-1])
        removed.append(removed[-1] + len(found.group()))
        previous = found.end()
    pieces.append(text[previous:])
    return "".join(pieces), cuts, removed


def _personal_data(masked: str, countries: Sequence[str]) -> Iterator[tuple[str, int, int]]:
    """`find_personal_data` in `masked`, its URLs blanked."""
    emails = find_email_addresses(masked)
    for start, end in emails:
        yield "e-mail address", start, end
    phones: list[tuple[int, int]] = []
    streets: list[tuple[int, int]] = []
    for found in candidates_found(masked):
        # Each kind as its own finditer would give them: no overlaps within a kind.
        start = found.start()
        number_end = phone_end(masked, found)
        if number_end >= 0 and (not phones or start >= phones[-1][1]):
            phones.append((start, number_end))
        street_end = max(found.end("street"), found.end("street_alone"))
        if street_end >= 0 and (not streets or start >= streets[-1][1]):
            streets.append((start, street_end))
    for start, end in phones:
        if not names_no_phone(masked, start, end):
            yield "phone number", start, end
    named_streets: list[tuple[int, int]] = []
    for start, end in streets:
        if not names_no_street(masked, start, end):
            named_streets.append((start, end))
            yield "street address", start, with_directional_after(masked, end)
        elif not masked[start:end].isupper():
            named_streets.append((start, end))
    # (A street in capitals read as none leaves its words to the readers below: a UK
    # postcode's, `7 ELM ROAD<br>LEEDS<br>LS1 4AB`.)
    streets = named_streets
    # Spanish writes the street first and its number after ("Calle Luna 123"); an address
    # found number first ("123 Calle Luna 45") is found once. (The spans found before are
    # indexed only when one is found: most texts have none, and thousands are short.)
    number_first: Spans | None = None
    for start, end in name_first_streets(masked, countries):
        number_first = number_first or Spans(streets)
        if not number_first.overlaps(start, end):
            streets.append((start, end))
            yield "street address", start, end
    # Chinese and Japanese addresses (`忠孝東路一段1號`, `霞が関1-2-2`), read in any text
    # that holds Han: their grammar is their own.
    for start, end in east_asian_streets(masked):
        streets.append((start, end))
        yield "street address", start, end
    # Chinese and Japanese write a number against the characters around it (`手機0912-...`).
    unspaced = list(phones_among_unspaced(masked, countries, [*emails, *phones, *streets]))
    for start, end in unspaced:
        yield "phone number", start, end
    if not countries:  # French, German and others are read only where countries are listed
        return
    # French and German ("1234, rue Sainte-Catherine", "Hauptstraße 5"), where
    # privacy.countries lists a country that writes them so: once, too.
    found_before: Spans | None = None
    for start, end in french_and_german_streets(masked, countries):
        found_before = found_before or Spans(list(streets))
        if not found_before.overlaps(start, end):
            streets.append((start, end))
            yield "street address", start, end
    # Italian, Portuguese and Catalan ("Via Roma 10", "Rua Augusta, 1500", "Carrer
    # d'Aragó 5"), where privacy.countries lists a country that writes them so: once, too.
    found_before = None
    for start, end in italian_portuguese_catalan_streets(masked, countries):
        found_before = found_before or Spans(list(streets))
        if not found_before.overlaps(start, end):
            streets.append((start, end))
            yield "street address", start, end
    # A UK street with no type before a postcode ("5 Kingsway, London WC2B 6TT"): once, too.
    found_before = None
    for start, end in uk_untyped_streets(masked, countries):
        found_before = found_before or Spans(list(streets))
        if not found_before.overlaps(start, end):
            streets.append((start, end))
            yield "street address", start, end
    # One finding a number: what the finders above found is no national number.
    found_before = Spans([*emails, *phones, *streets, *unspaced])
    for start, end in national_numbers(masked, countries):
        if not found_before.overlaps(start, end) and not reads_as_identifier(
            masked, start, "".join(char for char in masked[start:end] if char.isdigit())
        ):
            yield "phone number", start, end


def numbers_with_letter_o(
    text: str, urls: list[tuple[int, int]], countries: Sequence[str] = ()
) -> list[tuple[int, int, str]]:
    """(start, end, as dialled) of every phone number in `text` written with a capital
    letter O for a zero (`4O2-555-O148`, as OCR and typists write it), which a reader
    dials as written with its zeros (session 55): read with each O by a digit (or by
    such an O) as a 0, one for one, and kept where a number holds one. Only a capital O:
    a lower-case o by a digit is a word's (`2or`, `1on1`). A chemical's or a product's
    name (H2O, CO2) is no number so read. The O's are found by `str.find`, at C speed."""
    at = text.find("O")
    zeroed: list[str] | None = None
    while at >= 0:
        before = zeroed[at - 1] if zeroed is not None and at > 0 else text[at - 1 : at]
        if before.isdigit() or text[at + 1 : at + 2].isdigit():
            zeroed = zeroed or list(text)
            zeroed[at] = "0"
        at = text.find("O", at + 1)
    if zeroed is None:
        return []
    read = "".join(zeroed)
    return [
        (start, end, read[start:end])
        for kind, start, end in find_personal_data(read, urls, countries)
        if kind == "phone number" and "O" in text[start:end]
    ]


def street_spans(text: str, countries: Sequence[str] = ()) -> Iterator[tuple[int, int]]:
    """(start, end) of every street address in `text`: what a map link leads to
    (`privacy_locations`), read with privacy.countries as the text is ("Hauptstraße 5")."""
    for kind, start, end in find_personal_data(text, countries=countries):
        if kind == "street address":
            yield start, end


def _mask_urls(text: str, urls: list[tuple[int, int]]) -> str:
    """`text` with the `urls` spans blanked."""
    pieces: list[str] = []
    previous = 0
    for start, end in urls:
        pieces += (text[previous:start], " " * (end - start))
        previous = end
    pieces.append(text[previous:])
    return "".join(pieces)
