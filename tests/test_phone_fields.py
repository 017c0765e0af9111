"""A protocol contact's `tel:`/`sms:` link for each field of tests/phone_fields.tsv: real-shaped
fields from 12 countries and the shapes reviews found dialling a wrong number. A night
manager who taps a contact's number must reach the line the field names, or, where the
field leaves it in doubt, get no link: the text stays printed and can be typed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coalition_handbook.site.phone_links import dialable, phone_href

FIELDS = Path(__file__).with_name("phone_fields.tsv")
# Relay UK's prefix before a number (`18001 0161 496 0000`): a textphone's call.
_RELAY_CALL = re.compile(r"(?<!\d)1800[0-2]\s")


def _rows() -> list[tuple[str, tuple[str, ...]]]:
    """(field, the links each right for it) for each field of the table, as written and
    with its spaces as no-break spaces, as a word processor pastes them."""
    rows = []
    for line in FIELDS.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        field, expected = line.split("\t")
        rows.append((field, tuple(expected.split("|"))))
        if " " in field:
            rows.append((field.replace(" ", "\u00a0"), tuple(expected.split("|"))))
    return rows


def _links(field: str) -> tuple[str, str]:
    """The field's `tel:` and `sms:` links, `-` for none."""
    if not dialable(field):
        return "-", "-"
    sms = str(phone_href(field, "sms")) if dialable(field, "sms") else "-"
    return str(phone_href(field)), sms


def test_each_field_of_the_table_links_the_line_it_names() -> None:
    """Each field dials one of its expected links, and its `sms:` link texts the same
    number, without the extension a text cannot reach; a relay call (Relay UK's `18001`
    before a number) is texted nowhere."""
    rows = _rows()
    assert len(rows) >= 740  # the 370 fields of 12 countries, each with no-break spaces
    wrong = []
    for field, expected in rows:
        tel, sms = _links(field)
        relayed = _RELAY_CALL.search(field)
        texted = "-" if tel == "-" or relayed else tel.replace("tel:", "sms:", 1).split(";")[0]
        if tel not in expected or sms != texted:
            wrong.append((field, tel, sms, expected))
    assert wrong == []


def test_a_field_is_read_in_linear_time() -> None:
    """A crafted field of 40,000 characters is read in one pass: numbers in words
        (`1 A 1 A ...` was quadratic, review), short numbers before a whole one and the
        words between them, area codes and slashes, North America's 1 cut short, emergency
        numbers before a whole one, the words of an address before them, the words and the
    "or" between a short number and the next,
        a long note before an "or", brackets after a number's digits. Quadratic, `1 A 1 A
        ...` took 3.8 s at 10,000 characters; linear, each takes well under a second."""
    from work import python_in_time

    completed = python_in_time(
        "from coalition_handbook.site.phone_links import dialable, phone_href\n"
        "assert not dialable('Suite 200, ' * 3_600 + '555-0100')\n"
        "assert not dialable('200 ' + 'x ' * 20_000 + '1-888-373-7888')\n"
        "assert not dialable('200, ' * 8_000 + 'or 1-888-373-7888')\n"
        "assert phone_href('200 (' + 'x ' * 20_000 + ') or 1-888-373-7888') == 'tel:200'\n"
        "assert not dialable('200 ' + '9-5 ' * 10_000 + 'or 555-0100')\n"
        "assert not dialable('Suite ' * 6_600 + '112, 555-0100')\n"
        "assert not dialable('110 ' + 'a' * 40_000 + ' 555-0100')\n"
        "assert not dialable('Suite 310 ' + '(402) 555-0142 ' * 2_600)\n"
        "assert not dialable('555 (' + '1 ' * 20_000 + ')')\n"
        "assert not dialable('555 ' + '(1 ' * 13_300)\n"
        "assert not dialable('911, ' * 8_000 + '1-888-373-7888')\n"
        "assert not dialable('100 ' + 'or ' * 13_000 + 'older: 555-0100')\n"
        "assert phone_href('100 ' + ', ' * 20_000 + 'or 555-0100') == 'tel:100'\n"
        "assert not dialable('100 ' + '24/7 ' * 8_000 + 'x or 555-0100')\n"
        "assert not dialable('030 / ' + '1 ' * 20_000)\n"
        "assert not dialable('1-300-' + 'RESPECT-' * 5_000)\n"
        "assert phone_href('0800 / ' * 5_700 + '111 0 111') == 'tel:0800'\n"
        "assert not dialable('1-800 24 HRS, ' * 2_900)\n"
        "assert not dialable('1-866-DHS-2-AM, ' * 2_500)\n"
        "assert phone_href('1800' + 'FLOWERS-' * 5_000) == 'tel:18003569377'\n"
        "assert not dialable('1 ' + 'A1 ' * 13_300)\n"
        "assert phone_href('1-A-' * 10_000) == 'tel:1212121212'\n"
        "assert phone_href('1 a ' * 10_000 + '555-0100') == 'tel:5550100'\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


def assert_runs_in_linear_time(shape: str) -> None:
    """Runs one shape of `phone_links` in a child under the suite's CPU-time guard."""
    from work import python_in_time

    completed = python_in_time(
        "from coalition_handbook.site.phone_links import dialable, phone_href\n" + shape + "\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


COUNT_AND_NOTE_SHAPES = {
    "count after": "assert not dialable('1' + ' 1' * 20_000 + ' x days')",
    "spaces before a count": "assert phone_href('100' + ' ' * 40_000 + 'x') == 'tel:100'",
    "count words before": "assert not dialable('over ' * 8_000 + '100')",
    "address note": "assert not dialable('200 (' + 'Bldg ' * 8_000 + ') or 555-0100')",
    "1 800 and words": "assert not dialable('1 800 ' + 'RESPECT ' * 5_000)",
    "times after digits": "assert not dialable('555-0100' + ' 7 ' * 13_000 + 'days')",
    "relay prefixes texted": "assert not dialable('18001 ' * 6_600, 'sms')",
}


@pytest.mark.parametrize("shape", COUNT_AND_NOTE_SHAPES.values(), ids=COUNT_AND_NOTE_SHAPES)
def test_counts_notes_and_spaced_words_are_read_in_linear_time(shape: str) -> None:
    """A count's words before or after a short number, a note naming a building and `1
    800` before words are read in one pass, one shape of 40,000 characters a child."""
    assert_runs_in_linear_time(shape)


NO_NUMBER_SHAPES = {
    "month names": "assert not dialable('March ' * 6_600 + '12')",
    "days before a month": "assert not dialable('x 1 ' * 10_000 + 'March')",
    "days after digits": "assert not dialable('1 ' * 20_000 + 'March')",
    "dates in figures": "assert not dialable('2024-03-12 ' * 3_600)",
    "years after a month": "assert not dialable('March 2024 ' * 4_000 + '5')",
    "spaces after a year": "assert not dialable('March 2024' + ' ' * 40_000 + '-')",
    "spaces after a label": "assert not dialable('zip' + ' ' * 40_000 + '1')",
    "state codes": "assert not dialable('NY ' * 13_000 + '10001')",
    "state names": "assert not dialable('Nebraska ' * 4_400 + '68102')",
    "spaces in a state's name": "assert not dialable('New' + ' ' * 40_000 + 'York 10001')",
    "postcodes": "assert not dialable('B33 8TH ' * 5_000)",
    "spaces after a menu word": "assert not dialable('press' + ' ' * 40_000 + 'x')",
    "menu words": "assert not dialable('press ' * 6_600 + '2')",
    "hours in words": "assert not dialable('9 to ' * 8_000 + '5')",
    "hours of four digits": "assert phone_href('0900-1700 ' * 4_000 + '555-0100') == 'tel:5550100'",
    "spaces after a time zone": "assert not dialable('GMT' + ' ' * 40_000 + '+1')",
    "counts with a plus": "assert not dialable('16+ ' * 10_000)",
    "plus signs apart": "assert phone_href('16 + ' * 8_000) == 'tel:16'",
    "counts after a short number": "assert phone_href('988 ' + 'Room 101 ' * 4_400) == 'tel:988'",
    "ranges in words": "assert not dialable('1 to ' * 8_000)",
    "spaces around a month's day": "assert not dialable('mar' + ' ' * 40_000 + '06 ')",
    "months' first days": "assert not dialable('June 1 ' * 5_700)",
    "spaces before a city": "assert not dialable('10115' + ' ' * 40_000 + 'Berlin')",
    "roads before a number": "assert not dialable('Highway ' * 5_000 + '101')",
    "letters joined to digits": "assert not dialable('FY2024 ' * 5_700)",
    "words and dashes before digits": "assert phone_href('SOS-' * 10_000 + '112') == 'tel:112'",
    "13 and letters": "assert phone_href('13' + 'YARN' * 10_000) == 'tel:139276'",
    "spaces after an age word": "assert not dialable('Ages' + ' ' * 40_000 + '5-25')",
    "age ranges": "assert not dialable('Ages 5-25 ' * 4_000)",
    "year ranges": "assert not dialable('2024-2025 ' * 4_000)",
    "spaces in a year range": "assert not dialable('2024' + ' ' * 40_000 + '-2025')",
    "identifiers' labels": "assert not dialable('Case ' * 8_000 + '1')",
    "spaces after an identifier's label": "assert not dialable('Case No' + ' ' * 40_000 + '1')",
    "an identifier's groups": "assert not dialable('Case 1' + '-1' * 20_000)",
    "digits after an identifier": "assert not dialable('Case 1' + ' 1' * 20_000)",
    "spaces after an identifier": "assert not dialable('Case 1' + ' ' * 40_000 + 'x')",
}


@pytest.mark.parametrize("shape", NO_NUMBER_SHAPES.values(), ids=NO_NUMBER_SHAPES)
def test_dates_postal_codes_and_menu_choices_are_read_in_linear_time(shape: str) -> None:
    """A field's dates, postal codes (before a city too), menu choices, hours, time zones,
    roads, fiscal years, age ranges, ranges of years and identifiers after their labels,
    which are no number, Australia's 13 and its
    letters, and the `+` before each number (`16 + 16 + ...` was quadratic) are read in
    one pass, one shape of 40,000 characters a child."""
    assert_runs_in_linear_time(shape)


HOURS_LISTS_AND_DOMAINS_SHAPES = {
    "domains": "assert not dialable('1a.' * 13_000 + 'org')",
    "dots before a digit": "assert not dialable('x.1 ' * 10_000)",
    "a mailbox before no domain": "assert not dialable('1a.' * 13_000 + '@')",
    "country codes in brackets": "assert not dialable('(+1' * 13_000)",
    "spaces before a range's dash": "assert phone_href('1 10' + ' ' * 40_000 + '-') == 'tel:110'",
    "hours of four digits before words": (
        "assert phone_href('0900-1700 y 1 ' * 2_800) == 'tel:09001700'"
    ),
    "spaces after hours of four digits": (
        "assert phone_href('0900-1700' + ' ' * 40_000 + 'y 1') == 'tel:09001700'"
    ),
    "list markers": "assert phone_href('1) ' * 13_000 + '555-0100') == 'tel:5550100'",
    "dashes before a trunk 0": "assert not dialable('3 - 02 ' * 5_700)",
    "spaces before a North American number": "assert not dialable('5 402-555-014' * 3_000)",
    "a list's dots": "assert not dialable('1. ' + '1 2. ' * 10_000)",
    "an international prefix": "assert not dialable('00 ' + '1 ' * 20_000)",
    "spaces after a fax's word": "assert not dialable('Fax' + ' ' * 40_000 + 'x')",
    "a fax's digits": "assert not dialable('Fax ' + '1 ' * 20_000 + 'x')",
    "spaces between a phone's and a fax's label": (
        "assert phone_href('Tel' + ' ' * 40_000 + 'Fax 030 1234567') == 'tel:0301234567'"
    ),
    "phone labels before a fax": (
        "assert phone_href('Tel u ' * 6_600 + 'Fax 030 1234567') == 'tel:0301234567'"
    ),
    "years in brackets": "assert phone_href('555-0100' + ' (2024)' * 5_700) == 'tel:5550100'",
    "spaces in a note in brackets": (
        "assert phone_href('555-0100 (1' + ' ' * 40_000 + ')') == 'tel:5550100'"
    ),
    "notes before a trunk 0": "assert phone_href('(1) ' * 8_000 + '0800 1111') == 'tel:08001111'",
    "spaces before a trunk 0": "assert not dialable('(1)' + ' ' * 40_000 + 'x')",
    "area codes before slashes": "assert phone_href('402 / ' * 6_600 + '555-0142') == 'tel:402'",
    "spaces before an area code's slash": (
        "assert phone_href('402' + ' ' * 40_000 + '/555-0142') == 'tel:4025550142'"
    ),
    "spaces before an open bracket's or": (
        "assert phone_href('311 ' + ' ' * 40_000 + '(or 555-0100') == 'tel:311'"
    ),
}


@pytest.mark.parametrize(
    "shape", HOURS_LISTS_AND_DOMAINS_SHAPES.values(), ids=HOURS_LISTS_AND_DOMAINS_SHAPES
)
def test_hours_lists_and_domains_are_read_in_linear_time(shape: str) -> None:
    """A range's hours after a number's digits, hours of four digits before words, a
    year or a note's mark in brackets (before a trunk 0 too), a North American area code
    before a slash, a list's markers, an international prefix, a fax's number, an "or" in
    an open bracket, a country code in brackets, a dash before a trunk 0, a space before
    a North American number and a domain's labels and mailbox are read in one pass, one
    shape of 40,000 characters a child."""
    assert_runs_in_linear_time(shape)


IDENTIFIERS_AND_LABELS_SHAPES = {
    "groups before a trunk 0": "assert phone_href('2024 0800 1111, ' * 2_400) == 'tel:08001111'",
    "digits before a trunk 0": "assert not dialable('12 ' * 13_000 + '0800 111')",
    "identifiers with letters": (
        "assert phone_href('Case A1 ' * 5_000 + '0800 1111') == 'tel:08001111'"
    ),
    "identifier digits before spaces": (
        "assert phone_href('Case 1' + ' ' * 40_000 + '0800 1111') == 'tel:08001111'"
    ),
    "identifier digits before a trunk 0": (
        "assert phone_href('Case ' + '1' * 40_000 + ' 0800 1111') == 'tel:08001111'"
    ),
    "lone digits before a number": "assert not dialable('2 ' * 20_000 + '402-555-0142')",
    "notes before a North American number": (
        "assert phone_href('(2) ' * 10_000 + '402-555-0142') == 'tel:4025550142'"
    ),
    "labelled ranges of years": ("assert phone_href('Tel 2024-2025 ' * 3_000) == 'tel:20242025'"),
    "a labelled range of years before spaces": (
        "assert phone_href('Tel 2024-2025' + ' ' * 40_000) == 'tel:20242025'"
    ),
    "groups before a trunk 0 in brackets": (
        "assert phone_href('12 (0800) 1111, ' * 2_500) == 'tel:08001111'"
    ),
    "notes before a North American number and its 1": (
        "assert phone_href('(2) ' * 10_000 + '1-402-555-0142') == 'tel:+14025550142'"
    ),
    "lone digits before a North American number and its 1": (
        "assert not dialable('2 1 ' * 10_000 + '402-555-0142')"
    ),
    "list numbers with a hash and a dot": ("assert not dialable('#2. ' * 10_000 + '402-555-0142')"),
    "charities before a number": (
        "assert phone_href('Charity ' * 5_000 + '08081234567') == 'tel:08081234567'"
    ),
    "a charity before spaces": (
        "assert phone_href('Charity' + ' ' * 40_000 + '08081234567') == 'tel:08081234567'"
    ),
}


@pytest.mark.parametrize(
    "shape", IDENTIFIERS_AND_LABELS_SHAPES.values(), ids=IDENTIFIERS_AND_LABELS_SHAPES
)
def test_identifiers_notes_and_labelled_years_are_read_in_linear_time(shape: str) -> None:
    """A year's or a room's digits before a number's trunk 0, a case's identifier with
    letters, or its digits before a trunk 0, a lone digit or
    a note in brackets before a North American number, and a phone's label before a
    range of years with no digit after it are read in one pass, one shape of 40,000
    characters a child."""
    assert_runs_in_linear_time(shape)


@pytest.mark.parametrize("field", ["#2 402-555-0142", "#2 1-888-373-7888", "#3 (402) 555-0142"])
def test_a_list_number_with_a_hash_before_a_north_american_number_is_no_link(field: str) -> None:
    """A field that starts with `#` and a digit (a list's or a line's number, `#2 402-555-0142`
    was tel:24025550142) leaves the number in doubt: no link. The table cannot hold it: its
    lines that start with `#` are comments."""
    assert not dialable(field)
    assert not dialable(field.replace(" ", "\u00a0"))
