"""privacy.pii reports locations written as coordinates or map links (privacy audit, F5):
a map link or GPS coordinates locate a safe house as surely as its street address."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from handbooks import make_handbook, set_handbook_options
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_handbook.check import run_checks
from coalition_handbook.cli import main
from coalition_handbook.config import load_config
from coalition_handbook.findings import Finding
from coalition_handbook.rules.privacy_links import url_spans
from coalition_handbook.rules.privacy_locations import _MAP_HOSTS, _has_map_host, find_locations
from coalition_handbook.rules.privacy_masks import masked
from coalition_handbook.rules.privacy_personal_data import find_personal_data


def streets_in(text: str) -> list[tuple[int, int]]:
    """The street addresses in `text`, as the rule finds them."""
    return [
        (start, end) for kind, start, end in find_personal_data(text) if kind == "street address"
    ]


def locations(text: str) -> list[tuple[str, str]]:
    return [
        (location.kind, text[location.start : location.end])
        for location in find_locations(text, url_spans(text), streets_in)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The audit's reproductions.
        ("The shelter is at 41.2565, -95.9345.", [("location", "41.2565, -95.9345")]),
        (
            "The shelter is at 41°15'23.4\"N 95°56'04.2\"W.",
            [("location", "41°15'23.4\"N 95°56'04.2\"W")],
        ),
        (
            "[map](https://www.google.com/maps/@41.2565,-95.9345,15z)",
            [("location", "41.2565,-95.9345")],
        ),
        (
            "[map](https://www.openstreetmap.org/?mlat=41.2565&mlon=-95.9345)",
            [("location", "41.2565&mlon=-95.9345")],
        ),
        (
            "[map](https://maps.google.com/?q=123+Main+Street,+Omaha)",
            [("street address", "123+Main+Street,+Omaha")],
        ),
        # Other writings of coordinates.
        ("41.2565 -95.9345", [("location", "41.2565 -95.9345")]),
        ("41.2565° N, 95.9345° W", [("location", "41.2565° N, 95.9345° W")]),
        ("N41.2565 W95.9345", [("location", "N41.2565 W95.9345")]),
        ("N 41° 15.390' W 95° 56.070'", [("location", "N 41° 15.390' W 95° 56.070'")]),
        ('{"lat": 41.2565, "lng": -95.9345}', [("location", '41.2565, "lng": -95.9345')]),
        ("[-95.9345, 41.2565]", [("location", "-95.9345, 41.2565")]),  # GeoJSON: long, lat
        ("geo:41.2565,-95.9345", [("location", "41.2565,-95.9345")]),
        # A GPX file's point, its attributes read without their names (`shown_text`).
        ("               41.2565       -95.9345   ", [("location", "41.2565       -95.9345")]),
        # Map links, with `https://` or without.
        ("google.com/maps/@41.2565,-95.9345,15z", [("location", "41.2565,-95.9345")]),
        (
            "https://www.bing.com/maps?cp=41.2565~-95.9345&lvl=15",
            [("location", "41.2565~-95.9345")],
        ),
        (
            "https://www.openstreetmap.org/#map=17/41.2565/-95.9345",
            [("location", "41.2565/-95.9345")],
        ),
        (
            "https://www.google.com/maps/search/?api=1&query=41.2565%2C-95.9345",
            [("location", "41.2565%2C-95.9345")],
        ),
        (
            "https://waze.com/ul?ll=41.2565,-95.9345&navigate=yes",
            [("location", "41.2565,-95.9345")],
        ),
        (
            "https://www.google.com/maps/place/X/@41.2565,-95.9345,17z/data=!3d41.2566!4d-95.9344",
            [("location", "41.2566!4d-95.9344"), ("location", "41.2565,-95.9345")],
        ),
        (
            "https://maps.apple.com/?daddr=123+Main+Street,+Omaha",
            [("street address", "123+Main+Street,+Omaha")],
        ),
        (
            "https://www.google.com/maps/dir/123+Main+St,+Omaha/Eppley+Airfield",
            [("street address", "123+Main+St,+Omaha")],
        ),
        # No locations: a town's coordinates, versions, addresses, tables of numbers,
        # rates and statistics, amounts, dates, minutes without seconds.
        ("Omaha is at 41.26, -95.93.", []),
        ("Version 1.2345.6789 and 10.0.0.1", []),
        ("Means 10.1234, 20.5678, 30.1234", []),
        ("row 1.5, 12.3456, 45.6789", []),
        ("House B2,41.2565,-95.9345", [("location", "41.2565,-95.9345")]),
        ("Rates 1.0845, 0.8567; p = 0.0012, 0.0450", []),
        ("Cost $12.3456, 45.6789", []),
        ("Dates 2024.01.15, 2025.02.01", []),
        ("Omaha: 41°15'N 95°56'W", []),
        ("12.3456 45.6789", []),  # a space alone, and no sign: two numbers
        ("https://maps.google.com/?q=Omaha+Public+Library", []),
        ("https://example.org/data/41.2565,-95.9345", []),  # no map's link
    ],
)
def test_find_locations(text: str, expected: list[tuple[str, str]]) -> None:
    assert locations(text) == expected


@pytest.mark.parametrize(
    ("found", "shown"),
    [
        ("41.2565, -95.9345", "41.****, -95.****"),
        ("41°15'23.4\"N 95°56'04.2\"W", "41°**'**.*\"N 95°**'**.*\"W"),
        ("N 41° 15.390' W 95° 56.070'", "N 41° **.***' W 95° **.***'"),
        ("41.2565%2C-95.9345", "41.****%2C-95.****"),
        ("41.2565&mlon=-95.9345", "41.****&mlon=-95.****"),
    ],
)
def test_coordinates_are_masked_but_their_degrees(found: str, shown: str) -> None:
    assert masked("location", found) == shown


PAGE = """\
# Where we are

The shelter is at 41.2565, -95.9345, or 41°15'23.4"N 95°56'04.2"W.
[Map](https://www.google.com/maps/@41.2565,-95.9345,15z) and
[map](https://www.openstreetmap.org/?mlat=41.2565&mlon=-95.9345) and
[directions](https://maps.google.com/?q=123+Main+Street,+Omaha).

Our office: [map](https://www.google.com/maps/@40.7484,-73.9857,17z),
[directions](https://www.google.com/maps/dir/?api=1&destination=500+Oak+Avenue,+Lincoln),
Omaha is at 41.26, -95.93.
"""


def privacy_findings(tmp_path: Path, allow: list[str]) -> list[Finding]:
    config_file = make_handbook(tmp_path, page=PAGE)
    set_handbook_options(config_file, f"privacy: {{allow: {json.dumps(allow)}}}")
    result = run_checks(load_config(config_file))
    return [finding for finding in result.findings if finding.rule == "privacy.pii"]


def test_locations_are_reported_where_they_are(tmp_path: Path) -> None:
    found = [(f.line, f.column, f.found) for f in privacy_findings(tmp_path, [])]
    assert sorted(found) == [
        (3, 19, "41.2565, -95.9345"),
        (3, 41, "41°15'23.4\"N 95°56'04.2\"W"),
        (4, 36, "41.2565,-95.9345"),
        (5, 43, "41.2565&mlon=-95.9345"),
        (6, 41, "123+Main+Street,+Omaha"),
        (8, 48, "40.7484,-73.9857"),
        (9, 65, "500+Oak+Avenue,+Lincoln"),
    ]


def test_a_public_location_is_listed_by_its_coordinates_address_or_map_link(
    tmp_path: Path,
) -> None:
    allow = [
        # The coordinates of a map's pin: the link's centre is a few metres away.
        "Coalition office: 40.7486, -73.9855",
        # A map link allows its address however another link or the text writes it.
        "https://www.google.com/maps/search/500+Oak+Ave,+Lincoln",
    ]
    found = [(f.line, f.found) for f in privacy_findings(tmp_path, allow)]
    assert [line for line, _ in found] == [3, 3, 4, 5, 6]


def test_another_place_is_no_public_one(tmp_path: Path) -> None:
    """A listed location allows only what is within about 100 m of it."""
    found = [f.found for f in privacy_findings(tmp_path, ["40.7584, -73.9857"])]
    assert "40.7484,-73.9857" in found


def test_a_message_masks_the_location(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config_file = make_handbook(tmp_path, page=PAGE)
    assert main(["check", "-f", str(config_file), "--format", "github"]) == 1
    written = capsys.readouterr().out
    assert "'41.****, -95.****' gives coordinates precise enough" in written
    assert "in a map link leads to a street address" in written
    assert "2565" not in written and "Main" not in written


# Pieces of texts that name a map's host, or almost: its words with dots, other dots.
_HOST_PIECES = ["google", "maps", "apple", "osm", "openstreet", "map", "bing", "here"]
_HOST_PIECES += ["waze", "mapquest", "yandex", "2gis", "com", "org", ".", "..", " ", "x"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_HOST_PIECES), max_size=12))
def test_a_map_host_is_found_as_a_search_for_each_finds_it(pieces: list[str]) -> None:
    """`_has_map_host` skips from dot to dot: it says what a search for each host says."""
    lowered = "".join(pieces)
    assert _has_map_host(lowered) == any(host in lowered for host in _MAP_HOSTS)


@pytest.mark.parametrize(
    "text",
    [
        "see maps.apple.com/?ll=41.2565,-95.9345",  # no `https://`, no other dot
        "x.google.de/maps/@41.2565,-95.9345,17z",
        "osm.org/go/xyz",
        "yandex.ru/maps/?pt=-95.9345,41.2565",
        "..2gis.ru",
    ],
)
def test_a_map_host_after_other_dots_is_found(text: str) -> None:
    assert _has_map_host(text)
