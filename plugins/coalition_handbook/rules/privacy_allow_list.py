"""privacy.allow as privacy.pii compares what it finds with it (`privacy_pii`): `AllowList`.

Its phone numbers keyed as the world dials them (`privacy_allow`), and as E.164 writes
them where privacy.countries lists countries (`national_phones`); its e-mail and street
addresses and messenger links as `privacy_text_keys` writes them; its coordinates and map
links (`privacy_locations`). Not in `privacy_allow`, which the finders import: a listed
address is read with them (`privacy_personal_data`).
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass
from functools import partial

from ..lazy_pattern import LazyPattern
from .national_phones import (
    RELAY_PREFIX_BEFORE,
    RELAY_PREFIX_LENGTH,
    international_forms,
    international_readings,
)
from .privacy_allow import (
    EXTENSION,
    digit_groups,
    is_no_part_of_it,
    is_public_link_number,
    number_in,
    public_number_end,
    public_phone_keys,
)
from .privacy_east_asian_streets import east_asian_streets, street_tails, without_floor
from .privacy_french_german_streets import french_and_german_streets
from .privacy_italian_portuguese_catalan_streets import italian_portuguese_catalan_streets
from .privacy_locations import ListedLocations
from .privacy_name_first_streets import name_first_streets
from .privacy_personal_data import street_spans
from .privacy_phones import candidates
from .privacy_streets import with_directional_after
from .privacy_text_keys import link_key, text_key
from .privacy_uk_streets import postcode_after, uk_untyped_streets


@dataclass(frozen=True)
class AllowList:
    """privacy.allow as the rule compares what it finds with it."""

    phones: Set[str]
    """Its phone numbers, short codes and service numbers (`public_phone_keys`)."""
    texts: Set[str]
    """Its e-mail and street addresses (`text_key`) and messenger links (`link_key`)."""
    countries: tuple[str, ...]
    """privacy.countries: the countries whose national formats are read."""
    international: frozenset[str]
    """Its phone numbers as E.164 writes them in each listed country where they are
    valid (`international_forms`), where countries are listed: a number is public
    written at home or abroad, as phonenumbers reads both."""
    locations: ListedLocations
    """Its coordinates and map links (`privacy_locations`)."""
    uk_addresses: frozenset[tuple[str, str]] = frozenset()
    """Its UK addresses whose street has no type, as a letter writes them (`5 Kingsway,
    London WC2B 6TT`): the street (`text_key`) and the postcode (`postcode_after`)."""
    east_asian_tails: frozenset[str] = frozenset()
    """Its Chinese and Japanese streets' shorter ends that are streets too (`text_key` of
    `street_tails`: `告士打道38號` of a listed `香港灣仔告士打道38號`)."""

    @classmethod
    def of(cls, allow: Sequence[str], countries: tuple[str, ...]) -> AllowList:
        # A messenger link (a coalition's public channel) as `link_key` writes it, too.
        texts = {text_key(entry) for entry in allow} | {link_key(entry) for entry in allow}
        # An address listed as a letter writes it ("2 Marsham Street, London SW1P 4DF"):
        # its street, which is what the rule finds (a UK adopter's audit). One with no
        # street type, which its postcode makes an address ("5 Kingsway, London WC2B
        # 6TT"), where that postcode follows it: another town's Kingsway is no office's
        # (UK audit uk60: it was allowed).
        streets = [_street_at_start(entry) for entry in allow]
        texts |= {text_key(street) for street in streets if street}
        # and without a directional written out after its type, which a text abbreviates
        # (`27 Park Rd. E.` of a listed `27 Park Road East`, found as `27 Park Rd.`: review
        # rv65g, an office listed so was allowed so before, then reported)
        texts |= {
            text_key(street)
            for entry in allow
            if (street := _street_at_start(entry, directional=False))
        }
        # A Chinese or Japanese address listed whole, its city first (`台北市中正區忠孝東路
        # 一段1號`): its street, which is what the rule finds (`忠孝東路一段1號`).
        east_asian = [
            entry[start:end] for entry in allow for start, end in east_asian_streets(entry)
        ]
        texts |= {text_key(street) for street in east_asian}
        east_asian_tails = frozenset(
            text_key(tail) for street in east_asian for tail in street_tails(street)
        )
        uk_addresses = frozenset(
            address
            for entry, street in zip(allow, streets, strict=True)
            if street is None and (address := _uk_address_at_start(entry)) is not None
        )
        numbers = (number for number, _ in map(number_in, allow) if number is not None)
        # A map link's street address (`?q=100+Main+Street`) as the street it leads to.
        locations = ListedLocations.of(allow, partial(street_spans, countries=countries))
        texts |= {text_key(street) for street in locations.streets}
        return cls(
            phones=public_phone_keys(allow),
            texts=texts,
            countries=countries,
            international=international_forms(numbers, countries) if countries else frozenset(),
            locations=locations,
            uk_addresses=uk_addresses,
            east_asian_tails=east_asian_tails,
        )

    def lists_streets_in(self, value: str, streets: Sequence[str]) -> bool:
        """Whether each of the `streets` that a map link's `value` (unquoted) leads to
        is listed (`lists_address_at`)."""
        for street in streets:
            start = value.find(street)
            if not self.lists_address_at(value, start, start + len(street)):
                return False
        return True

    def lists_address_at(self, text: str, start: int, end: int) -> bool:
        """Whether the e-mail or street address found at `text[start:end]` is listed
        (`texts`), or is a street with no type before the postcode of a listed UK address
        (`uk_addresses`)."""
        key = text_key(text[start:end])
        if key in self.texts:
            return True
        if self.east_asian_tails and not text[start:end].isascii():
            # A listed Chinese street with a word glued before it, or a listed one's end
            # (`street_tails`); not two roads that end alike (杭州街 of a listed 廣州街).
            found = text[start:end]
            if text_key(without_floor(found)) in self.east_asian_tails:
                return True
            if not self.texts.isdisjoint(text_key(tail) for tail in street_tails(found)):
                return True
        if not self.uk_addresses:
            return False
        postcode = postcode_after(text, end)
        return postcode is not None and (key, postcode) in self.uk_addresses

    def lists_number(self, written: str) -> bool:
        """Whether the phone number `written` (a link's, as its parameter writes it) is
        listed: as dialled (`is_public_link_number`), or as E.164 writes it."""
        return is_public_link_number(written, self.phones) or self._lists_as_e164(written)

    def lists_number_in(self, text: str, start: int, end: int) -> bool:
        """Whether the phone number found at `text[start:end]` is listed (`public_number_end`),
        or is, as E.164 writes it, and no digits written after it dial on from it (a
        direct line: `is_no_part_of_it`) nor an extension. One after Relay UK's prefix
        is listed where the list holds the two as written (`18001 0113 496 0000`, a
        textphone's public line: review rv58b, it was reported with GB listed)."""
        if public_number_end(text, start, end, self.phones) is not None:
            return True
        relay = RELAY_PREFIX_BEFORE.search(text, max(0, start - RELAY_PREFIX_LENGTH), start)
        if relay and public_number_end(text, relay.start(), end, self.phones) is not None:
            return True
        if _completes_a_vanity_number(text, start, end, self.phones):
            return True
        if not self.international:
            return False
        _, run_end = digit_groups(text, start, end)
        return (
            not EXTENSION.match(text, run_end)
            and self._lists_as_e164(text[start:end])
            and is_no_part_of_it(text, end, run_end, self.phones)
        )

    def _lists_as_e164(self, written: str) -> bool:
        # Every country's reading: numbering plans overlap (review: France first made
        # Hungary's 06 1 234 5678 France's, and its listed +36 1 234 5678 no match).
        return bool(self.international) and not self.international.isdisjoint(
            international_readings(written, self.countries)
        )


# A North American vanity number right before a local number of seven digits ("1-800-THE-LOST
# (843-5678)", "(800) 4A-CHILD 422-4453"): its area code, and its letters and digits in
# groups, a letter among them; then spaces and a bracket. Searched in a few characters
# before the local number, anchored at their end.
_VANITY_BEFORE = LazyPattern(
    r"(?<![\w+])(?:\+?1[-. \u00a0]?)?(?:\((?P<bracketed>[2-9]\d\d)\)|(?P<area>[2-9]\d\d))"
    r"[-. \u00a0]?(?P<vanity>(?=[\w.-]*[A-Za-z])[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*)"
    r"[ \t\u00a0\n]{0,3}\(?\Z"
)
# Enough characters before a local number to hold a vanity number (`_VANITY_BEFORE`).
_VANITY_WINDOW = 40
# The letters on a phone's keys (ITU E.161), as `site.phone_links` dials them.
_KEYPAD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "22233344455566677778889999")
# The digits of a local number, without its area code (843-5678).
_LOCAL_DIGITS = 7


def _completes_a_vanity_number(text: str, start: int, end: int, phones: Set[str]) -> bool:
    """Whether the phone number found at `text[start:end]` is a local number of seven
    digits written right after a vanity number whose keys spell them ("1-800-THE-LOST
    (843-5678)": T-H-E-L-O-S-T is 843-5678), and its area code and they are a number
    privacy.allow lists: that number, written twice (session 54: the CyberTipline's
    `843-5678` was reported beside its listed 1-800-843-5678)."""
    local = "".join(char for char in text[start:end] if char.isdigit())
    if len(local) != _LOCAL_DIGITS:
        return False
    vanity = _VANITY_BEFORE.search(text, max(0, start - _VANITY_WINDOW), start)
    if vanity is None:
        return False
    keys = "".join(char for char in vanity["vanity"].upper() if char.isalnum()).translate(_KEYPAD)
    area = vanity["bracketed"] or vanity["area"]
    return keys[:_LOCAL_DIGITS] == local and is_public_link_number(area + local, phones)


def _street_at_start(entry: str, directional: bool = True) -> str | None:
    """The street address that `entry` starts with, as the rule finds one ("2 Marsham
    Street" of "2 Marsham Street, London SW1P 4DF", "Calle de Alcalá 45" of "Calle de
    Alcalá 45, 28014 Madrid"), if any; without a directional written out after an
    English street's type where not `directional`."""
    entry = entry.strip()
    found = candidates(entry.isascii()).match(entry)
    end = -1 if found is None else max(found.end("street"), found.end("street_alone"))
    if end >= 0 and directional:  # "27 Park Road East, Leeds" as the rule finds it
        end = with_directional_after(entry, end)
    if end < 0:  # or written name first, as Spanish writes it ("Calle de Alcalá 45, Madrid")
        end = next((end for start, end in name_first_streets(entry) if start == 0), -1)
    if end < 0:  # or as French and German write it ("1234, rue Sainte-Catherine Ouest")
        end = next((end for start, end in french_and_german_streets(entry) if start == 0), -1)
    if end < 0:  # or as Italian, Portuguese and Catalan write it ("Via Roma 10, 00184 Roma")
        spans = italian_portuguese_catalan_streets(entry)
        end = next((end for start, end in spans if start == 0), -1)
    return entry[:end] if end >= 0 else None


def _uk_address_at_start(entry: str) -> tuple[str, str] | None:
    """The street (`text_key`) and the postcode of the UK address with no street type
    that `entry` starts with ("5 Kingsway", "WC2B6TT" of "5 Kingsway, London WC2B 6TT"),
    if any."""
    entry = entry.strip()
    end = next((end for start, end in uk_untyped_streets(entry) if start == 0), -1)
    postcode = postcode_after(entry, end) if end >= 0 else None
    return None if postcode is None else (text_key(entry[:end]), postcode)
