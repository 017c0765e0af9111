"""privacy.pii on a UK street with no street type before a postcode (`5 Kingsway, London
WC2B 6TT`, `14 Broadway, Leeds LS1 4AB`, `4 Long Acre, London WC2E 9LH`). A UK audit
(uk59): such an address passed with privacy.countries listing GB, and privacy.allow could
list no public office's so written."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_privacy_national import privacy_findings

from coalition_handbook.rules.privacy_personal_data import find_personal_data


def streets(text: str, countries: tuple[str, ...] = ("GB",)) -> list[str]:
    found = find_personal_data(text, countries=countries)
    return [text[start:end] for kind, start, end in found if kind == "street address"]


def test_a_street_with_no_type_before_a_postcode_is_an_address() -> None:
    text = (
        "She stays at 5 Kingsway, London WC2B 6TT, then 14 Broadway, Leeds LS1 4AB,\n"
        "and 4 Long Acre, London WC2E 9LH; Flat 2, 27a Kingsway, LONDON, WC2B 6TT.\n"
        "Or 14 Elm Road, Leeds LS1 4AB, found once."
    )
    assert streets(text) == [
        "14 Elm Road",
        "5 Kingsway",
        "14 Broadway",
        "4 Long Acre",
        "27a Kingsway",
    ]


def test_an_address_all_in_capitals_or_in_small_letters_is_one_too() -> None:
    """UK audit uk60: an address as a label prints it, in capitals, or as a message is
    typed, in small letters, passed; in small letters its postcode names a UK area."""
    text = (
        "27 CASTLE HILL, YORK YO1 9RY; 14 ELM ROAD, Leeds LS1 4AB; 2 HIGH ST\nLEEDS\nLS1 4AB\n"
        "5 kingsway, london wc2b 6tt; 9 Long Acre, London wc2e 9lh; 7 mill lane,<br>e1 6an"
    )
    assert streets(text) == [
        "27 CASTLE HILL",
        "14 ELM ROAD",
        "2 HIGH ST",
        "5 kingsway",
        "9 Long Acre",
        "7 mill lane",
    ]


def test_an_abbreviation_with_its_full_stop_in_capitals_or_small_letters_is_read() -> None:
    """Review rv59b: `ST.` (Saint) or a type's abbreviation with its full stop hid an
    address in capitals or in small letters; a sentence's full stop still parts words."""
    text = (
        "27 ST. MARY'S ROAD, YORK YO1 9RY; 4 ELM RD., LEEDS LS1 4AB; 9 st. john's rd., "
        "york yo1 9ry; i met 3 girls. then leeds, ls1 4ab"
    )
    assert streets(text) == ["27 ST. MARY'S ROAD", "4 ELM RD.", "9 st. john's rd."]


def test_an_address_a_line_a_part_with_breaks_is_one_too() -> None:
    """Review rv59b: a `<br>` after the town as well as after the street hid the address
    (`5 Kingsway<br>London<br>WC2B 6TT`), in capitals and small letters too."""
    text = (
        "5 Kingsway<br>London<br>WC2B 6TT; 7 ELM ROAD<br/>LEEDS<br />LS1 4AB; "
        "9 mill lane<br>york<br>yo1 9ry; Chapter 5 Broadway musicals<br>London<br>WC2B 6TT"
    )
    assert streets(text) == ["5 Kingsway", "7 ELM ROAD", "9 mill lane"]


def test_small_letters_before_a_postcode_in_capitals_or_capitals_with_no_comma() -> None:
    """An audit (pii60): a street typed in small letters before its postcode in capitals,
    and a label's capitals with no comma before the town, passed."""
    text = "5 kingsway, london WC2B 6TT; 27 CASTLE HILL YORK YO1 9RY; 5 KINGSWAY LONDON WC2B 6TT"
    assert streets(text) == ["5 kingsway", "27 CASTLE HILL", "5 KINGSWAY"]
    text = "Address: 5 kingsway, london WC2B 6TT\nJane Smith, 4 long acre, london WC2E 9LH"
    assert streets(text) == ["5 kingsway", "4 long acre"]
    assert streets("ADDRESS: 27 CASTLE HILL YORK YO1 9RY") == ["27 CASTLE HILL"]
    # session 60's leftover: a town of several words took its first into the street
    text = (
        "27 CASTLE HILL MILTON KEYNES MK9 2AB\nAddress: 5 HIGH ST. NEWCASTLE UPON TYNE "
        "NE1 4AB\n5 PARK ROAD HILL YORK YO1 9RY"
    )
    # (the street after an address's label is found first, as any street in capitals
    # after one)
    assert streets(text) == ["5 HIGH ST.", "27 CASTLE HILL", "5 PARK ROAD HILL"]


def test_an_address_in_a_tables_cells_is_one_too() -> None:
    """Review rv59b: a table of addresses, a cell for the street, the town and the
    postcode, passed (in capitals, a street's type too); a count's cell stays quiet."""
    text = (
        "| 5 Kingsway | London | WC2B 6TT |\n| 10 DOWNING STREET | LONDON | SW1A 2AA |\n"
        "| 5 kingsway, london | wc2b 6tt |\n| 3 Sessions | Leeds | LS1 4AB |\n"
        "| Module 2 Safety | Leeds | LS1 4AB |\n| 12 | Leeds Office | LS1 4AB |"
    )
    # (a street in capitals after a bar is found first, as after a label's colon)
    assert streets(text) == ["10 DOWNING STREET", "5 Kingsway", "5 kingsway"]


@pytest.mark.parametrize(
    "text",
    [
        "27 CASTLE HILL, YORK",
        "14 elm road, leeds",
        "5 tracks, xy1 2ab",
        "OPEN 24 HOURS, LONDON EC1A 1BB",
        "CHAPTER 5 BROADWAY, LONDON SW1A 2AA",
        "SINCE 2019 OXFAM, OXFORD OX4 2JY",
        "i spent 3 weeks, then n1 9ap",
        "we have 5 sites, see e1 6an",
        "27 Castle HILL, YORK YO1 9RY",
        # pii60: a count of rooms, an emergency number to call, a count after an article
        "WE HAVE 5 ROOMS, LEEDS LS1 4AB",
        "CALL 999 NOW, LONDON SW1A 2AA",
        "CALL 999 NOW LONDON SW1A 2AA",
        "we have 5 rooms, leeds LS1 4AB",
        "the 5 best pubs, York YO1 9RY",
        # review rv60b: prose in small letters before a town and a postcode in capitals
        "we helped 120 survivors, London SW1A 2AA",
        "In 2023 we supported 40 survivors, london SW1A 2AA",
        "ages 16 and over, leeds LS1 4AB",
        "FREE 24 HOUR HELPLINE LEEDS LS1 4AB",
        "SESSIONS 3 TIMES WEEKLY LEEDS LS1 4AB",
        "5 kingsway, london XY1 2AB",
    ],
)
def test_capitals_or_small_letters_without_an_address_make_none(text: str) -> None:
    assert streets(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Chapter 5 Broadway musicals, London",
        "Step 5 Kingsway, London",
        "Since 2019 Oxfam, Oxford OX4 2JY helps",
        "It cost £5 Kingsway, London WC2B 6TT",
        "Module 2 Safe Place training",
        "Open 24 Hours, London EC1A 1BB",
        "Helpline open 7 Days, London EC1A 1BB",
        "Floor 3 Reception, London SW1A 2AA",
        "Suite 5 Acme Ltd, Leeds LS1 4AB",
        "Room 101 Help Desk, London SW1A 2AA",
        "Platform 9 Kings Cross, London N1 9AP",
        "Page 5 Kingsway, London WC2B 6TT",
        "We have 3 Offices, London SW1A 2AA and Leeds",
        "Over 300 Volunteers, London SW1A 2AA",
        "Version 2 Release, London SW1A 2AA",
        "Edition 3 Highlights, Leeds LS1 4AB",
    ],
)
def test_no_postcode_a_year_an_amount_a_part_or_a_count_makes_no_such_address(text: str) -> None:
    assert streets(text) == []


def test_an_address_written_a_line_a_part_is_one_too(tmp_path: Path) -> None:
    """Review rv58h: a `<br>` or a line's end in place of the comma hid the street; a
    street's name wrapped before its comma is read whole."""
    page = (
        "# Offices\n\n"
        "She lives at 5 Kingsway,<br>London WC2B 6TT.\n\n"
        "She lives at\n7 Kingsway\nLONDON\nWC2B 6TT\n\n"
        "Or at 4 Long\nAcre, London WC2E 9LH.\n"
    )
    findings = privacy_findings(tmp_path, page, ["GB"])
    assert [(f.line, f.found) for f in findings] == [
        (3, "5 Kingsway"),
        (6, "7 Kingsway"),
        (10, "4 Long\nAcre"),
    ]


def test_it_is_read_only_where_privacy_countries_lists_the_uk() -> None:
    text = "5 Kingsway, London WC2B 6TT"
    assert streets(text, ()) == []
    assert streets(text, ("FR",)) == []
    assert streets(text, ("JE",)) == ["5 Kingsway"]


def test_a_public_office_listed_as_a_letter_writes_it_allows_its_street(tmp_path: Path) -> None:
    page = (
        "# Offices\n\n"
        "Write to 5 Kingsway, London WC2B 6TT or 4 Long Acre, London WC2E 9LH.\n"
        "She lives at 7 Kingsway, London WC2B 6TT.\n"
    )
    allow = ["5 Kingsway, London WC2B 6TT", "4 Long Acre"]
    findings = privacy_findings(tmp_path, page, ["GB"], allow)
    assert [(f.line, f.found) for f in findings] == [(4, "7 Kingsway")]


def test_a_listed_address_allows_its_street_before_its_postcode_only(tmp_path: Path) -> None:
    """UK audit uk60: a listed `5 Kingsway, London WC2B 6TT` allowed `5 Kingsway` before any
    postcode, another town's Kingsway too; a street listed alone is allowed anywhere."""
    page = (
        "# Offices\n\n"
        "Write to 5 Kingsway, London WC2B 6TT, 5 Kingsway, WC2B 6TT or 4 Long Acre, "
        "Leeds LS1 4AB.\n"
        "She lives at 5 Kingsway, Leeds LS1 4AB.\n"
        "[Office](https://www.google.com/maps/search/?api=1&query=5+Kingsway,+London+WC2B+6TT)\n"
        "[Her](https://www.google.com/maps/search/?api=1&query=5+Kingsway,+Leeds+LS1+4AB)\n"
    )
    allow = ["5 Kingsway, London WC2B 6TT", "4 Long Acre"]
    findings = privacy_findings(tmp_path, page, ["GB"], allow)
    assert [(f.line, f.found) for f in findings] == [
        (4, "5 Kingsway"),
        (6, "5+Kingsway,+Leeds+LS1+4AB"),
    ]


SHAPES = {
    "numbers and names": "'1 Abc ' * 6_600 + ', AB1 2CD'",
    "names and commas": "'1 ' + 'Abc, ' * 8_000 + 'AB1 2CD'",
    "capitals and commas": "'1 Abc, ' + 'ABC, ' * 8_000 + 'AB1 2CD'",
    "postcodes": "'1 Abc, AB1 ' * 4_000 + '2CD'",
    "names and line ends": "'1 Abc\\n' * 6_600 + 'AB1 2CD'",
    "names and breaks": "'1 Abc,<br>' * 4_000 + 'AB1 2CD'",
    "spaces and no comma": "'1 Abc' + ' ' * 200_000 + 'AB1 2CD'",
    "capitals and line ends": "'1 Abc\\n' + 'ABC\\n' * 8_000 + 'AB1 2CD'",
    "capital words": "'1 ' + 'ABC ' * 10_000 + 'AB1 2CD'",
    "capital numbers and words": "'1 ABC ' * 6_600 + ', AB1 2CD'",
    "capitals and spaces": "'1 ABC' + ' ' * 200_000 + 'AB1 2CD'",
    "small words": "'1 ' + 'abc ' * 10_000 + 'ab1 2ab'",
    "small numbers and words": "'1 abc ' * 6_600 + ', ab1 2ab'",
    "small words and commas": "'1 abc, ' + 'abc, ' * 8_000 + 'ab1 2ab'",
    "small postcodes": "'1 abc, ab1 ' * 4_000 + '2ab'",
    "small words and line ends": "'1 abc\\n' * 6_600 + 'ab1 2ab'",
    "small letters and spaces": "'1 abc' + ' ' * 200_000 + 'ab1 2ab'",
    "cells": "'1 Abc | ' * 6_000 + 'AB1 2CD'",
    "town cells and spaces": "'1 Abc | Abc' + ' ' * 200_000 + '|AB1 2CD'",
    "capital cells": "'1 ABC | ' + 'ABC | ' * 7_000 + 'AB1 2CD'",
    "small cells and spaces": "'1 abc | abc' + ' ' * 200_000 + 'x ab1 2ab'",
    "bars": "'1 Abc ' + '|' * 200_000 + 'AB1 2CD'",
    "saints": "'1 ' + 'ST. ' * 10_000 + 'AB1 2CD'",
    "towns and breaks": "'1 Abc<br>' + 'Abc<br>' * 6_000 + 'AB1 2CD'",
    "capital towns and breaks": "'1 ABC<br>' + 'ABC <br> ' * 5_000 + 'AB1 2CD'",
    "small towns and spaced commas": "'1 abc, ' + 'abc , ' * 7_000 + 'ab1 2ab'",
    "town, spaces and a comma": "'1 Abc, Abc' + ' ' * 200_000 + ', x AB1 2CD'",
    "small saints and stops": "'1 st. ' + 'abc. ' * 8_000 + 'ab1 2ab'",
    "capital words with no comma": "'1 ' + 'ABC ' * 10_000 + 'AB1 2CD'",
    "small words before capitals": "'1 abc, ' + 'abc, ' * 8_000 + 'AB1 2CD'",
    "capital postcodes after small words": "'1 abc, AB1 ' * 4_000 + '2CD'",
}


@pytest.mark.parametrize("shape", SHAPES.values(), ids=SHAPES)
def test_it_is_read_in_linear_time(shape: str) -> None:
    """Runs that the pattern may try at every number: names, commas, a town in capitals
    and outward codes, one shape of about 40,000 characters a child, under the suite's
    CPU-time guard."""
    from work import python_in_time

    completed = python_in_time(
        "from coalition_handbook.rules.privacy_uk_streets import uk_untyped_streets\n"
        f"list(uk_untyped_streets({shape}))\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")
