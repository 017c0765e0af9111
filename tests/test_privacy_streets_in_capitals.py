"""privacy.pii on a street written in capitals, as a label or a form prints it, where no
postcode follows (`She lives at 27 PARK ROAD`: pii66, it passed, with GB listed or
none), and on a directional written out after the street's type (`27 Park Road East`,
found as `27 Park Road`, so privacy.allow could not list the longer street)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_privacy_national import national_findings

from coalition_handbook.rules.privacy_personal_data import find_personal_data


def streets(text: str, countries: tuple[str, ...] = ()) -> list[str]:
    found = find_personal_data(text, countries=countries)
    return [text[start:end] for kind, start, end in found if kind == "street address"]


@pytest.mark.parametrize("countries", [(), ("GB",)])
def test_a_street_in_capitals_after_an_address_word_or_a_label_is_an_address(
    countries: tuple[str, ...],
) -> None:
    text = (
        "She lives at 27 PARK ROAD. SHE STAYS AT 27 CASTLE HILL; ADDRESS: 12 MAIN ST.\n"
        "Moved to 4500 SW 5TH AVENUE, near 27 ST. MARY'S ROAD, Flat 2, 9 ELM GDNS.\n"
        "| ADDRESS | 12 MAIN STREET |\n"
    )
    assert streets(text, countries) == [
        "27 PARK ROAD",
        "27 CASTLE HILL",
        "12 MAIN ST.",
        "4500 SW 5TH AVENUE",
        "27 ST. MARY'S ROAD",
        "9 ELM GDNS.",
        "12 MAIN STREET",
    ]


@pytest.mark.parametrize("countries", [(), ("GB",)])
def test_a_line_in_capitals_with_no_address_word_is_none(countries: tuple[str, ...]) -> None:
    """A poster's or a heading's capitals: a step, a count, a year, an hour, a small word
    in the name, a unit, or nothing before that leads to an address."""
    text = (
        "STEP 3 FIND YOUR WAY\nTOP 10 GREEN FLAGS\nTHE 2 MAIN STREET SHOPS\n"
        "OUR 2024 WINTER COAT DRIVE\nMEET AT 5 BY THE MAIN GATE\nMEET AT 3 PM HIGH STREET\n"
        "MEET AT 3 PM. HIGH STREET ENTRANCE\nAT 5 MINUTES WALK\n"
        "27 PARK ROAD EAST, LEEDS\n"
    )
    assert streets(text, countries) == []


@pytest.mark.parametrize("countries", [(), ("GB",)])
def test_a_posters_or_a_tables_capitals_after_an_address_word_are_none(
    countries: tuple[str, ...],
) -> None:
    """Review rv65g: a street's words where more capitals follow, a heading's or a cell's
    noun phrase (`3 MAIN ROAD CLOSURES`); an English word's type with no word of prose,
    of dwelling or an address's label before it (`MEET AT 5 MAIN GATE`, `RESULT: 3 HIGH
    RISE`); a pronoun in the name."""
    text = (
        "| DAY | 3 MAIN ROAD CLOSURES |\n| MONDAY | 3 HIGH STREET SHOPS |\n"
        "GO TO 3 PARK ROAD EXIT\nMEET AT 5 MAIN GATE\nMEET AT 12 CASTLE HILL VIEWPOINT\n"
        "ON 3 OCCASIONS WE WALKED HIGH STREET\nWARNING: 3 LANE ROAD CLOSURE AHEAD\n"
        "| Q1 | 3 NEW ROAD MAPS |\nRESULT: 3 HIGH RISE\nSCORE: 10 GREEN FIELDS\n"
        "TEAM: 2 NORTH END\nBUS TO 12 OAK ROW\n| GATE | 5 MAIN GATE |\n"
    )
    assert streets(text, countries) == []


@pytest.mark.parametrize("countries", [(), ("GB",)])
def test_a_street_in_capitals_before_a_unit_a_quarter_or_a_clauses_end_is_one(
    countries: tuple[str, ...],
) -> None:
    text = (
        "ADDRESS: 12 MAIN STREET APT 4\nShe lives at 27 PARK ROAD NW, Leeds.\n"
        "SHE LIVES AT 5 CASTLE HILL\nShe lives at 5 PARK ROAD with her sister.\n"
        "| 12 MAIN STREET | LEEDS |\nLIVES AT 27 CASTLE HILL.\n| ADDRESS | 4 OAK ROW |\n"
        "ADDRESS: 27 PARK ROAD LEEDS\nShe lives at **27 PARK ROAD** TODAY\n"
    )
    assert streets(text, countries) == [
        "12 MAIN STREET",
        "27 PARK ROAD",
        "5 CASTLE HILL",
        "5 PARK ROAD",
        "12 MAIN STREET",
        "27 CASTLE HILL",
        "4 OAK ROW",
        "27 PARK ROAD",
        "27 PARK ROAD",
    ]


@pytest.mark.parametrize("countries", [(), ("GB",), ("US",)])
def test_a_street_in_capitals_before_a_zip_after_a_bare_label_or_in_a_cell_is_one(
    countries: tuple[str, ...],
) -> None:
    """pii67: an envelope's lines (a city, its state and ZIP code after the street, on its
    line or the next), an address's label with no colon where a line starts, and an HTML
    table's cells, each passed."""
    text = (
        "12 MAIN STREET, SPRINGFIELD, IL 62701\n"
        "400 ELM AVE\nSPRINGFIELD IL 62701-1234\n"
        "ADDRESS 5 OAK ROAD\n- ADDRESS 27 CASTLE HILL\nADDRESS\n8 ELM ROAD APT 4\n"
        "<tr><td>ADDRESS</td><td>9 PARK LANE</td></tr>\n"
        "<th>Address</th>\n  <td>4 OAK ROW</td>\n"
        "<td>12 MAIN STREET</td><td>SPRINGFIELD</td>\n"
    )
    assert streets(text, countries) == [
        "12 MAIN STREET",
        "400 ELM AVE",
        "5 OAK ROAD",
        "27 CASTLE HILL",
        "8 ELM ROAD",
        "9 PARK LANE",
        "4 OAK ROW",
        "12 MAIN STREET",
    ]


@pytest.mark.parametrize("countries", [(), ("GB",), ("US",)])
def test_a_verbs_address_a_posters_cell_or_a_zip_elsewhere_leads_to_no_street(
    countries: tuple[str, ...],
) -> None:
    """A verb's "address" in a line or a heading's, an HTML cell's noun phrase or English
    word's type with no label, a ZIP code that is not right after the street (as `| DAY
    | 3 MAIN ROAD CLOSURES |` and `MEET AT 5 MAIN GATE` above)."""
    text = (
        "HOW WE ADDRESS 3 MAIN ROAD RISKS\nIP ADDRESS 12 MAIN ST\n"
        "## ADDRESS 3 MAIN ROAD SAFETY GAPS\n"
        "<td>DAY</td><td>3 MAIN ROAD CLOSURES</td>\n<td>RESULT</td><td>3 HIGH RISE</td>\n"
        "<td>GATE</td><td>5 MAIN GATE</td>\n<td>MONDAY</td><td>3 HIGH STREET SHOPS</td>\n"
        "THE 2 MAIN STREET SHOPS IN AUSTIN AND DALLAS, TX 78701\nMEET AT 5 MAIN GATE, TX 78701\n"
        "STEP 3 FIND YOUR WAY\nSPRINGFIELD, IL 62701\n"
    )
    assert streets(text, countries) == []


@pytest.mark.parametrize("countries", [(), ("US",)])
def test_a_year_an_owner_dates_before_a_zip_is_a_flyers_heading(
    countries: tuple[str, ...],
) -> None:
    """Review rv66c: a flyer's heading over its town and ZIP code failed the build
    (`OUR 2024 WINTER COAT DRIVE, AUSTIN, TX 78701`, a distance, a time, a day, a
    sentence's words before the town); a year with nothing before it, or after an
    address's word, is still a house number."""
    text = (
        "OUR 2024 WINTER COAT DRIVE, AUSTIN, TX 78701\n"
        "JOIN OUR 2024 TOY DRIVE\nAUSTIN TX 78701\n"
        "# THE 2025 FOOD DRIVE\nAUSTIN, TX 78701\n"
        "JUST A 10 MINUTE DRIVE FROM DOWNTOWN AUSTIN, TX 78701\n"
        "4 LANE HIGHWAY NEAR AUSTIN TX 78701\nJOIN OUR 5K PARK DRIVE, AUSTIN TX 78701\n"
        "12 JUNE CHARITY DRIVE\nAUSTIN TX 78701\n"
        "2024 OAK DRIVE, AUSTIN TX 78701\nSHE LIVES AT 2019 ELM WAY, AUSTIN TX 78701\n"
        "12 MAIN ST, CITY OF INDUSTRY, CA 91744\n"
    )
    assert streets(text, countries) == ["2024 OAK DRIVE", "2019 ELM WAY", "12 MAIN ST"]


def test_a_cells_attributes_hide_no_label_nor_cell() -> None:
    """pii68: a cell's `class` longer than the window read before the street hid its
    label or its cell (`<td>ADDRESS</td><td class="value-column-wide">27 PARK ROAD`); a
    cell's noun phrase or English word's type with no label stays quiet."""
    cell = '<td class="value-column-wide">'
    text = (
        f"<td>ADDRESS</td>{cell}27 PARK ROAD</td>\n{cell}12 MAIN STREET</td>\n"
        f'<td class="label-column-wide">ADDRESS</td>\n  {cell}5 MAIN GATE</td>\n'
        f"{cell}DAY</td>{cell}3 MAIN ROAD CLOSURES</td>\n{cell}GATE</td>{cell}5 MAIN GATE</td>\n"
        f"{cell}2024 WINTER COAT DRIVE</td>\n"
    )
    assert streets(text) == ["27 PARK ROAD", "12 MAIN STREET", "5 MAIN GATE"]


@pytest.mark.parametrize("countries", [(), ("GB",), ("US",)])
def test_a_years_drive_or_a_disks_size_in_a_tables_cell_is_no_street(
    countries: tuple[str, ...],
) -> None:
    """pii68: a table's cell in capitals failed an editor's build (`| 2024 WINTER COAT
    DRIVE |`, `<td>500 GB DRIVE</td>`), and so did a flyer's mixed-case heading over its
    town (`Our 2024 Winter Coat Drive, Austin, TX 78701`); a year after an address's
    label or word, or before a town with nothing before it, is still a house number."""
    text = (
        "| 2024 WINTER COAT DRIVE |\n<td>500 GB DRIVE</td>\n| 2 TB HARD DRIVE |\n"
        "<td>2025 FOOD DRIVE</td>\nOur 2024 Winter Coat Drive, Austin, TX 78701\n"
        "Join our annual 2023 Toy Drive, Austin, TX 78701\n"
        "She moved into Jane's 2019 Elm Way, Austin, TX 78701\n"
        "| ADDRESS | 2024 OAK DRIVE |\nShe lives at 2019 ELM WAY\n"
        "2024 Oak Drive, Austin, TX 78701\nShe lives at 2019 Elm Way, Austin, TX 78701\n"
    )
    assert streets(text, countries) == [
        "2019 Elm Way",
        "2024 OAK DRIVE",
        "2019 ELM WAY",
        "2024 Oak Drive",
        "2019 Elm Way",
    ]


@pytest.mark.parametrize("countries", [(), ("US",)])
def test_a_posters_line_going_on_to_a_count_has_no_zip_code(
    countries: tuple[str, ...],
) -> None:
    """Review rv66c: two capitals and five digits after a street in capitals read as a
    state and its ZIP code, though no state is written so (`UP TO 10000`, `NO 12345`); a
    state's code is still read, with no comma too."""
    text = (
        "THE 2 MAIN STREET FAIR DREW UP TO 10000 PEOPLE\n5 PARK ROAD PROJECT NO 12345\n"
        "| 3 MAIN ROAD CLOSURES AFFECT UP TO 20000 |\n"
        "2 MAIN STREET PROJECTS RAISED US 50000\n12 MAIN ST SPRINGFIELD IL 62701\n"
    )
    assert streets(text, countries) == ["12 MAIN ST"]


def test_an_html_tables_street_in_capitals_is_reported_on_a_page(tmp_path: Path) -> None:
    page = "<table>\n<tr><td>ADDRESS</td><td>12 MAIN STREET</td></tr>\n</table>\n"
    assert national_findings(tmp_path, page, []) == [(2, 25, "12 MAIN STREET")]


def test_a_street_in_capitals_before_a_postcode_is_still_the_uk_readers() -> None:
    """With GB listed, as before: with none, the postcode's reader reads none."""
    text = "27 CASTLE HILL, YORK YO1 9RY\n7 ELM ROAD<br/>LEEDS<br />LS1 4AB\n"
    assert streets(text, ("GB",)) == ["27 CASTLE HILL", "7 ELM ROAD"]
    assert streets(text) == []


def test_a_directional_written_out_after_the_type_is_part_of_the_street() -> None:
    text = (
        "27 Park Road East, Leeds. She lives at 27 PARK ROAD EAST. 12 Oak Street North.\n"
        "12 Oak Street North of the river; 5 Elm Avenue West\n"
    )
    assert streets(text) == [
        "27 Park Road East",
        "27 PARK ROAD EAST",
        "12 Oak Street North",
        "12 Oak Street",
        "5 Elm Avenue West",
    ]


def test_privacy_allow_lists_the_street_with_its_directional(tmp_path: Path) -> None:
    """An entry as a letter writes it allows the street however cased; the street without
    its directional is another street."""
    page = "Office: 27 Park Road East, Leeds.\n\nShe lives at 27 PARK ROAD EAST.\n"
    assert national_findings(tmp_path, page, [], ["27 Park Road East, Leeds LS1 4AB"]) == []
    # review rv65g: its directional abbreviated after the type, found without it
    abbreviated = "Office: 27 Park Rd. E., Leeds.\n\nOffice: 27 PARK RD E.\n"
    assert national_findings(tmp_path, abbreviated, [], ["27 Park Road East"]) == []
    assert national_findings(tmp_path, page, [], ["27 Park Road"]) == [
        (1, 9, "27 Park Road East"),
        (3, 14, "27 PARK ROAD EAST"),
    ]


# Runs that the pattern may try at every number, about 40,000 characters each.
SHAPES = {
    "capital words": "'at 1 ' + 'AB ' * 13_000 + 'ROAD'",
    "streets of capital words": "'at 1 AB AB AB AB ' * 2_500",
    "small words": "'at 1 ' + 'THE ' * 10_000 + 'ROAD'",
    "saints": "'at 1 ' + 'ST. ' * 10_000 + 'ROAD'",
    "capital streets": "'at 1 AB ROAD ' * 3_000",
    "capital streets going on": "'at 1 AB ROAD CLOSURES ' * 2_000",
    "capital gates": "'MEET AT 5 AB GATE ' * 2_000",
    "capital gates after labels": "'ADDRESS: ' * 4_000 + '5 AB GATE'",
    "directionals": "'1 Oak Street' + ' East' * 8_000",
    "capital streets before towns": "'1 AB ROAD, ' + 'AB ' * 13_000 + 'IL 62701'",
    "capital streets before towns again": "'1 AB ROAD AB AB AB AB, ' * 1_600",
    "labels without colons": "'ADDRESS ' * 5_000 + '1 AB ROAD'",
    "cells": "'<td>ADDRESS</td>' * 2_500 + '<td>1 AB ROAD'",
    "cells with attributes": "'<td class=\"a\">ADDRESS</td>' * 1_500 + '<td class=\"a\">1 AB ROAD'",
    "cell tags before streets": "'</td><td class=\"a\">1 AB ROAD ' * 1_500",
    "long attributes": "'<td class=\"' + 'a' * 40_000 + '\">1 AB ROAD'",
    "streets before directionals": "'1 Oak Street East ' * 2_000",
}


@pytest.mark.parametrize("shape", SHAPES.values(), ids=SHAPES)
def test_it_is_read_in_linear_time(shape: str) -> None:
    """One shape a child, under the suite's CPU-time guard."""
    from work import python_in_time

    completed = python_in_time(
        "from coalition_handbook.rules.privacy_personal_data import find_personal_data\n"
        f"list(find_personal_data({shape}))\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")
