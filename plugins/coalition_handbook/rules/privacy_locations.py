"""privacy.pii: locations written as coordinates or map links (privacy audit, F5).

A map link or GPS coordinates locate a safe house or a survivor's workplace as surely as
its street address. Read, outside other links:

- a pair of decimal degrees with four decimals or more each (`41.2565, -95.9345`: four
  decimals are about 11 m, a building; fewer locate a town, and are not read), separated
  by a comma, or by spaces where the longitude has its sign (`41.2565 -95.9345`; a GPX
  file's `lat="41.2565" lon="-95.9345"`, whose attributes are read without their names), or with
  their hemisphere's letters (`41.2565° N, 95.9345° W`, `N41.2565 W95.9345`);
- a pair of degrees, minutes and seconds (`41°15'23.4"N 95°56'04.2"W`), or of degrees and
  decimal minutes (`N 41° 15.390' W 95° 56.070'`);
- a latitude and a longitude named by their keys, as data files write them
  (`"lat": 41.2565, "lng": -95.9345`, `latitude=41.2565 longitude=-95.9345`).

A pair must be one: a latitude within 90 degrees, a longitude within 180 (or the other
way round, as GeoJSON writes it), not in a list of such numbers (a row of a table of
statistics: a third number with four decimals, or another number before it), no part of a
version or an address (`1.2345.6789`, `10.0.0.1`), no amount (`$12.3456`), and not both
within 4 degrees of 0: only the sea lies there (the Gulf of Guinea), and small decimals
are mostly statistics or rates (`1.0845, 0.8567`).

In a map link (Google Maps, OpenStreetMap, Apple Maps, Bing, HERE, Waze, MapQuest,
Yandex, 2GIS; with `https://` or without): a pair as above, also written with `%2C`, `~`,
`/` or `_` between (`@41.2565,-95.9345,15z`, `cp=41.2565~-95.9345`, `#map=15/41.2565/-95.9345`),
a keyed pair (`mlat=41.2565&mlon=-95.9345`, Google's pin `!3d41.2565!4d-95.9345`), and a
street address in what the link searches for or leads to (`q=`, `query=`, `destination=`,
`daddr=`, `saddr=`, `address=`, `where1=`, a Google link's `/place/`, `/search/` or `/dir/`),
read unquoted (`123+Main+Street,+Omaha`) by the rule's street address pattern.

privacy.allow lists a public location by its coordinates or by any map link to it
(`ListedLocations`): coordinates within about 100 m of a listed location are allowed,
since two map links to one building differ in their last decimals (a map's centre, its
pin); a street address in a listed map link is allowed as the entry's street would be.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import unquote_plus

from ..lazy_pattern import LazyPattern
from .privacy_streets import BEFORE_WINDOW
from .soft_breaks import SOFT_BREAK

# What privacy.pii calls a location it finds.
LOCATION = "location"
# The kind of a street address found in a map link, as the rule names one in text.
STREET_ADDRESS = "street address"

# Finds the street addresses in a text: (start, end) of each (the rule's own pattern).
StreetFinder = Callable[[str], Iterable[tuple[int, int]]]

# A signed decimal degree with four decimals or more: a building, not a town.
_DEGREES = r"[-+\u2212]?\d{1,3}\.\d{4,15}"
_UNSIGNED_DEGREES = r"\d{1,3}\.\d{4,15}"
# Written before a number that is no coordinate: an amount, a version's or an address's
# part, another word.
_NOT_AFTER = r"(?<![\w.$\u20ac\u00a3\u00a5%/\u2212+-])"
# Another number of a list right before a pair (`_after_a_number`): a table's row.
_NUMBER_BEFORE = LazyPattern(r"(?<![\w.])[-+\u2212]?\d+(?:\.\d+)?\s?[,;]?\s?\Z")
# After a pair, what makes it part of something else: a unit or a word, a version's next
# part, a third number with as many decimals (a row of a table of statistics).
_NOT_BEFORE = r"(?![\w%\u00b0\u00ba'\u2032\u2019]|\.\d|\s?[,;]?\s?[-+\u2212]?\d{1,3}\.\d{4})"
_DECIMAL_PAIR = LazyPattern(
    rf"{_NOT_AFTER}(?P<lat>{_DEGREES})"
    r"(?:\s?[,;]\s?|[ \t\u00a0]{1,16}(?=[-+\u2212]))"
    rf"(?P<lon>{_DEGREES}){_NOT_BEFORE}"
)
# A degree's sign, and the marks of minutes and seconds as keyboards and fonts write them.
_DEGREE = "[\u00b0\u00ba\u02da]"
_MINUTE = "['\u2032\u2019]"
_SECOND = "(?:\"|\u2033|\u201d|''|\u2032\u2032)"
_HEMISPHERE_LATITUDE = "(?<![A-Za-z])[NS](?![A-Za-z])"
_HEMISPHERE_LONGITUDE = "(?<![A-Za-z])[EWO](?![A-Za-z])"  # O: Spanish, French, German west
# Decimal degrees with their hemisphere's letter before or after them.
_LETTERED = r"(?:{hemisphere}\s?{degrees}\s?{degree}?|{degrees}\s?{degree}?\s?{hemisphere})"
_LETTERED_PAIR = LazyPattern(
    _NOT_AFTER
    + _LETTERED.format(hemisphere=_HEMISPHERE_LATITUDE, degrees=_UNSIGNED_DEGREES, degree=_DEGREE)
    + r"\s?,?\s?"
    + _LETTERED.format(hemisphere=_HEMISPHERE_LONGITUDE, degrees=_UNSIGNED_DEGREES, degree=_DEGREE)
)
# Degrees, minutes and maybe seconds, with a hemisphere's letter or a sign.
_ANGLE = (
    rf"[-+\u2212]?\d{{1,3}}\s?{_DEGREE}\s?\d{{1,2}}(?:\.\d+)?\s?{_MINUTE}"
    rf"(?:\s?\d{{1,2}}(?:\.\d+)?\s?{_SECOND})?"
)
_DMS_PAIR = LazyPattern(
    rf"(?<![\w.])(?:{_HEMISPHERE_LATITUDE}\s?)?{_ANGLE}(?:\s?{_HEMISPHERE_LATITUDE})?"
    rf"\s?,?\s?(?:{_HEMISPHERE_LONGITUDE}\s?)?{_ANGLE}(?:\s?{_HEMISPHERE_LONGITUDE})?"
)
_ANGLE_PARTS = LazyPattern(
    rf"(?P<sign>[-+\u2212]?)(?P<degrees>\d+)\s?{_DEGREE}\s?(?P<minutes>\d+(?:\.\d+)?)\s?{_MINUTE}"
    rf"(?:\s?(?P<seconds>\d+(?:\.\d+)?)\s?{_SECOND})?"
)
# Minutes locate a building with their seconds, or with two decimals (about 18 m).
_MINUTE_DECIMALS = 2
# A latitude and a longitude named by their keys, in data (`"lat": 41.2565`) or a link
# (`mlat=41.2565&mlon=-95.9345`), within a line or on a paragraph's next (`"lng"` on the
# line after, as JSON and YAML write them; in a code block too, read line by line, as
# before 805759c: review rv6).
_KEY_VALUE = r"[\"']?\s?[:=]\s?[\"']?"
_KEYED_PAIR = LazyPattern(
    rf"(?<![^\W_])(?i:m?lat|latitude)(?![^\W_]){_KEY_VALUE}(?P<lat>{_DEGREES})(?!\d)"
    rf"(?:[^\n]|{SOFT_BREAK}){{0,40}}?"
    rf"(?<![^\W_])(?i:m?lon|lng|long|longitude)(?![^\W_]){_KEY_VALUE}(?P<lon>{_DEGREES})(?!\d)"
)
# Cheap tests before the scans, on every text: a decimal with four decimals, a degree's
# sign (the decimal's hint starts with a literal, which the engine skips to at C speed).
_DECIMAL_HINT = LazyPattern(r"\.\d{4}")
_DEGREE_HINT = LazyPattern(rf"\d\s?{_DEGREE}")
_DEGREE_SIGNS = ("\u00b0", "\u00ba", "\u02da")

# A map link, with `https://` or without; not inside another address.
_MAP_LINK = LazyPattern(
    r"(?<![\w.@/-])(?:(?i:https?)://)?(?i:(?:[\w-]+\.)*(?:"
    r"google\.[a-z]{2,3}(?:\.[a-z]{2})?/maps|maps\.google\.[a-z]{2,3}(?:\.[a-z]{2})?"
    r"|openstreetmap\.org|osm\.org|maps\.apple\.com|bing\.com/maps|here\.com|waze\.com"
    r"|mapquest\.com|yandex\.[a-z]{2,3}/maps|2gis\.[a-z]{2,3}))(?![\w-])[^\s<>\"')\]]*"
)
# What every map link holds: the scan, slow at every word, is skipped in a text without any.
_MAP_HOSTS = (
    "google.", "openstreetmap.org", "osm.org", "maps.apple.com", "bing.com", "here.com",
    "waze.com", "mapquest.com", "yandex.", "2gis.",
)  # fmt: skip
# The hosts in one pattern that starts with their first dot: the engine skips from dot to
# dot at C speed and looks at the words around each, where a search for each host, ten
# passes over every text, took a fifteenth of privacy.pii.
_MAP_HOST = LazyPattern(
    r"\.(?:"
    + "|".join(
        rf"(?<={re.escape(before)}\.){re.escape(after)}"
        for before, _, after in (host.partition(".") for host in _MAP_HOSTS)
    )
    + ")"
)
# In a map link, a pair written with the separators map links use.
_LINKED_PAIR = LazyPattern(
    rf"(?<![\d.])(?P<lat>{_DEGREES})(?:,|%2C|~|/|_)(?:\+|%20)?(?P<lon>{_DEGREES})(?![\d.])",
    re.IGNORECASE,
)
# Google's pin: `!3d<latitude>!4d<longitude>`.
_GOOGLE_PIN = LazyPattern(rf"!3d(?P<lat>{_DEGREES})!4d(?P<lon>{_DEGREES})(?![\d.])")
# What a map link searches for or leads to: a parameter's value, or a Google link's
# `/place/`, `/search/` or `/dir/` (each stop of a route after it).
_PLACE_PARAMETER = LazyPattern(
    r"[?&#;](?i:q|query|destination|daddr|saddr|origin|address|addr|where1)=(?P<value>[^&#]*)"
)
_PLACE_PATH = LazyPattern(r"/(?i:place|search|dir)/(?P<value>[^?#@]*)")
_STOP = LazyPattern(r"[^/]+")

# Within this many degrees of 0 both ways only the sea lies: a pair there is no location.
_OPEN_SEA = 4.0
_LATITUDES = 90.0
_LONGITUDES = 180.0
# How close to a listed location coordinates are allowed: about 100 m.
_NEARBY = 0.001


@dataclass(frozen=True)
class FoundLocation:
    """A location in a text: coordinates, or a street address in a map link."""

    kind: str
    """`LOCATION`, or `STREET_ADDRESS` for an address in a map link."""
    start: int
    end: int
    point: tuple[float, float] | None
    """(latitude, longitude) of coordinates."""
    streets: tuple[str, ...] = ()
    """The street addresses a map link searches for or leads to, unquoted."""
    in_link: bool = False


def find_locations(
    text: str, urls: Sequence[tuple[int, int]], streets: StreetFinder, lowered: str | None = None
) -> Iterator[FoundLocation]:
    """Every location in `text` (see the module's docstring): in its map links, and in
    its text outside every link (`urls`, the rule's URLs) and map link. `lowered` is
    `text.lower()`, if already made."""
    lowered = text.lower() if lowered is None else lowered
    links = [link.span() for link in _MAP_LINK.finditer(text)] if _has_map_host(lowered) else []
    for start, end in links:
        yield from _in_map_link(text, start, end, streets)
    # One finding a place, outside links: in the order found, the longest first.
    taken = sorted([*urls, *links])
    next_taken = 0
    found_end = 0
    for location in sorted(_coordinates(text), key=lambda found: (found.start, -found.end)):
        while next_taken < len(taken) and taken[next_taken][1] <= location.start:
            next_taken += 1
        in_link = next_taken < len(taken) and taken[next_taken][0] < location.end
        if not in_link and location.start >= found_end:
            found_end = location.end
            yield location


def may_hold_a_map_link(text: str) -> bool:
    """Whether `text` names a map's host (`_MAP_HOSTS`), without which `find_locations`
    scans it for no map link."""
    return _has_map_host(text.lower())


def may_hold_decimal_coordinates(text: str) -> bool:
    """Whether `text` holds a decimal of four places (`_DECIMAL_HINT`), without which
    `find_locations` scans it for no decimal pair."""
    return _DECIMAL_HINT.search(text) is not None


def _has_map_host(lowered: str) -> bool:
    """Whether a text, lowered, names a map's host (`_MAP_HOSTS`)."""
    return _MAP_HOST.search(lowered) is not None


def _overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in spans)


def _coordinates(text: str) -> Iterator[FoundLocation]:
    """The pairs of coordinates in `text`, wherever they are, of each pattern (one may
    be inside another's)."""
    if any(sign in text for sign in _DEGREE_SIGNS) and _DEGREE_HINT.search(text):
        for found in _DMS_PAIR.finditer(text):
            point = _dms_point(found.group())
            if point is not None:
                yield FoundLocation(LOCATION, *found.span(), point)
    if not _DECIMAL_HINT.search(text):
        return
    for found in _LETTERED_PAIR.finditer(text):
        point = _lettered_point(found.group())
        if point is not None and not _after_a_number(text, found.start()):
            yield FoundLocation(LOCATION, *found.span(), point)
    for pattern in (_DECIMAL_PAIR, _KEYED_PAIR):
        for found in pattern.finditer(text):
            point = _plausible(found["lat"], found["lon"])
            if point is not None and not _after_a_number(text, found.start()):
                yield FoundLocation(LOCATION, found.start("lat"), found.end("lon"), point)


def _after_a_number(text: str, start: int) -> bool:
    """Whether the pair at `start` comes right after another number, as in a list or
    a row of a table of numbers (`12, 41.2565, -95.9345`); not after a name with
    digits (`House B2,41.2565,-95.9345`)."""
    return bool(_NUMBER_BEFORE.search(text, max(0, start - BEFORE_WINDOW), start))


def _in_map_link(text: str, start: int, end: int, streets: StreetFinder) -> Iterator[FoundLocation]:
    """The locations of the map link at `text[start:end]`."""
    found: list[tuple[int, int]] = []
    for pattern in (_GOOGLE_PIN, _KEYED_PAIR, _LINKED_PAIR):
        for pair in pattern.finditer(text, start, end):
            point = _plausible(pair["lat"], pair["lon"])
            span = (pair.start("lat"), pair.end("lon"))
            if point is not None and not _overlaps(span, found):
                found.append(span)
                yield FoundLocation(LOCATION, *span, point, in_link=True)
    places = [place.span("value") for place in _PLACE_PARAMETER.finditer(text, start, end)]
    for path in _PLACE_PATH.finditer(text, start, end):
        places += [stop.span() for stop in _STOP.finditer(text, *path.span("value"))]
    for span in places:
        value = unquote_plus(text[span[0] : span[1]])
        addresses = tuple(value[a:b] for a, b in streets(value))
        if addresses and not _overlaps(span, found):
            yield FoundLocation(STREET_ADDRESS, *span, None, addresses, in_link=True)


def _plausible(latitude: str, longitude: str) -> tuple[float, float] | None:
    """(latitude, longitude) of a pair so written, or written the other way round as
    GeoJSON writes it, if it can be a place on land."""
    first, second = _number(latitude), _number(longitude)
    if abs(first) > _LATITUDES:
        first, second = second, first
    return _on_land(first, second)


def _on_land(latitude: float, longitude: float) -> tuple[float, float] | None:
    """(latitude, longitude), if within their ranges and not in the open sea around 0
    (`_OPEN_SEA`), where a table's small decimals fall."""
    if abs(latitude) > _LATITUDES or abs(longitude) > _LONGITUDES:
        return None
    if abs(latitude) < _OPEN_SEA and abs(longitude) < _OPEN_SEA:
        return None
    return latitude, longitude


def _number(written: str) -> float:
    return float(written.replace("\u2212", "-"))


_SOUTH = LazyPattern("(?<![A-Za-z])S(?![A-Za-z])")
_WEST = LazyPattern("(?<![A-Za-z])[WO](?![A-Za-z])")
_UNSIGNED_NUMBER = LazyPattern(_UNSIGNED_DEGREES)


def _lettered_point(written: str) -> tuple[float, float] | None:
    """The point of a `_LETTERED_PAIR`, its hemispheres' letters read as signs."""
    latitude, longitude = (float(number) for number in _UNSIGNED_NUMBER.findall(written))
    return _on_land(
        -latitude if _SOUTH.search(written) else latitude,
        -longitude if _WEST.search(written) else longitude,
    )


def _dms_point(written: str) -> tuple[float, float] | None:
    """The point of a `_DMS_PAIR`, if both its angles locate a building: with seconds,
    or minutes with `_MINUTE_DECIMALS`."""
    angles = list(_ANGLE_PARTS.finditer(written))
    if len(angles) != 2 or not all(map(_is_precise, angles)):
        return None
    latitude, longitude = (_degrees(angle) for angle in angles)
    return _on_land(
        -latitude if _SOUTH.search(written) else latitude,
        -longitude if _WEST.search(written) else longitude,
    )


def _is_precise(angle: re.Match[str]) -> bool:
    minutes = angle["minutes"].partition(".")[2]
    return angle["seconds"] is not None or len(minutes) >= _MINUTE_DECIMALS


def _degrees(angle: re.Match[str]) -> float:
    value = int(angle["degrees"]) + float(angle["minutes"]) / 60
    value += float(angle["seconds"] or 0) / 3600
    return -value if angle["sign"] in ("-", "\u2212") else value


@dataclass(frozen=True)
class ListedLocations:
    """The locations privacy.allow lists: the coordinates of an entry (`41.2565,
    -95.9345`) or of a map link, and the street addresses a listed map link leads to."""

    points: tuple[tuple[float, float], ...]
    streets: tuple[str, ...]
    """Compared as the rule compares street addresses (its `text_key`: `privacy_text_keys`)."""

    @classmethod
    def of(cls, allow: Iterable[str], streets: StreetFinder) -> ListedLocations:
        found = [location for entry in allow for location in find_locations(entry, (), streets)]
        return cls(
            points=tuple(location.point for location in found if location.point is not None),
            streets=tuple(street for location in found for street in location.streets),
        )

    def lists(self, point: tuple[float, float]) -> bool:
        """Whether `point` is within about 100 m of a listed location (`_NEARBY`),
        read either way round (GeoJSON writes the longitude first)."""
        return any(_near(point, listed) or _near(point, listed[::-1]) for listed in self.points)


def _near(point: tuple[float, float], other: tuple[float, float]) -> bool:
    return abs(point[0] - other[0]) <= _NEARBY and abs(point[1] - other[1]) <= _NEARBY


def location_message(location: FoundLocation, shown: str) -> str:
    """What a finding says of a `location`, `shown` masked."""
    where = "in a map link " if location.in_link else ""
    if location.kind == STREET_ADDRESS:
        return (
            f"'{shown}' {where}leads to a street address that looks personal; remove it, "
            "or list it under privacy.allow if it is public"
        )
    return (
        f"'{shown}' {where}gives coordinates precise enough to find a building (a home, "
        "a shelter); remove them, or list them under privacy.allow if the place is public"
    )
