"""privacy.pii with privacy.countries: phone numbers written in a listed country's national
format, in groups (`020 7946 0958`), validated by phonenumbers (Google's libphonenumber)."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from handbooks import make_handbook, set_handbook_options
from helpers_model import MKDOCS, PROTOCOL, term_yaml, write_files
from mkdocs.commands.build import build
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.exceptions import Abort

from coalition_handbook.check import run_checks
from coalition_handbook.config import ConfigError, load_config
from coalition_handbook.findings import Finding
from coalition_handbook.rules.privacy_masks import masked

Found = tuple[int, int, str]


def privacy_findings(
    tmp_path: Path, page: str, countries: list[str], allow: list[str] | None = None
) -> list[Finding]:
    """privacy.pii's findings in a handbook of one page, with `countries` as
    privacy.countries and `allow` as privacy.allow."""
    (tmp_path / "content").mkdir(exist_ok=True)
    (tmp_path / "content" / "index.md").write_text(page, encoding="utf-8")
    privacy = {"allow": allow or [], "countries": countries}
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\ndocs_dir: content\nplugins:\n  - handbook:\n"
        f"      privacy: {json.dumps(privacy)}\n",
        encoding="utf-8",
    )
    findings = run_checks(load_config(tmp_path / "mkdocs.yml")).findings
    return [finding for finding in findings if finding.rule == "privacy.pii"]


def national_findings(
    tmp_path: Path, page: str, countries: list[str], allow: list[str] | None = None
) -> list[Found]:
    """(line, column, found) of each of `privacy_findings`."""
    return [(f.line, f.column, f.found) for f in privacy_findings(tmp_path, page, countries, allow)]


# Each country's national writing, as people there write their numbers. The UK's
# 07700 900xxx is Ofcom's range for drama, which no operator has: libphonenumber knows
# it as no valid number, so a mobile number of a real range stands for it.
NATIONAL_NUMBERS = [
    ("GB", "020 7946 0958"),
    ("GB", "07911 123456"),
    ("FR", "01 23 45 67 89"),
    ("FR", "06 12 34 56 78"),
    ("DE", "030 12345678"),
    ("DE", "0171 1234567"),
    ("AU", "0412 345 678"),
    ("AU", "(02) 9876 5432"),
    # differential fuzzing: an area code or mobile prefix of five digits after the 0,
    # as libphonenumber itself writes these numbers at home, went unread
    ("IN", "098765 43210"),
    ("DE", "033203 12345"),
    ("DE", "(033203) 12345"),
    ("GB", "016977 3456"),
]


@pytest.mark.parametrize(("country", "number"), NATIONAL_NUMBERS)
def test_a_number_written_as_a_listed_country_writes_it_is_reported(
    tmp_path: Path, country: str, number: str
) -> None:
    page = f"# Contacts\n\nRing *Jane* on {number} after six.\n"
    findings = privacy_findings(tmp_path, page, [country.lower()])
    assert [(f.line, f.column, f.found) for f in findings] == [(3, 16, number)]
    # Worded as any other phone number's finding.
    assert findings[0].message == (
        f"'{masked('phone number', number)}' looks like a personal phone number; remove it, or "
        "list it under privacy.allow if it is public"
    )


def test_a_toll_free_number_whose_trunk_0_stands_alone_is_read_and_allowed(
    tmp_path: Path,
) -> None:
    """pii68: Ukraine's national hotline as Ukraine writes it (`0 800 500 335`), and a
    French numéro vert, were missed with their country listed. A hotline is reported as
    the US one is (DESIGN's 1-888-373-7888), until privacy.allow lists it in any writing;
    a run that is no valid number, or a version's dots, stay quiet."""
    page = (
        "Гаряча лінія 0 800 500 335, мобільний 067 123 45 67.\n"
        "Numéro vert : 0 800 05 95 95. Рахунок 0 8 15. Versione 0.800.500.\n"
    )
    assert national_findings(tmp_path, page, ["UA", "FR"]) == [
        (1, 14, "0 800 500 335"),
        (1, 39, "067 123 45 67"),
        (2, 15, "0 800 05 95 95"),
    ]
    assert national_findings(tmp_path, page, ["UA"], ["0800 500 335", "+33 800 05 95 95"]) == [
        (1, 39, "067 123 45 67")
    ]
    assert national_findings(tmp_path, page, []) == []


def test_only_the_listed_countries_formats_are_read(tmp_path: Path) -> None:
    """A number written as another country writes it is no finding where its digits
    make no number of a listed country, nor for a handbook that lists none. Where they
    do, it is reported: Germany's `030 12345678` and `033203 12345` are UK numbers too,
    and Australia's numbers are French ones (numbering plans overlap)."""
    page = "".join(f"{country}: {number}.\n" for country, number in NATIONAL_NUMBERS)
    assert national_findings(tmp_path, page, ["AU"]) == [
        (7, 5, "0412 345 678"),
        (8, 5, "(02) 9876 5432"),
    ]
    assert national_findings(tmp_path, page, ["GB"]) == [
        (1, 5, "020 7946 0958"),
        (2, 5, "07911 123456"),
        (5, 5, "030 12345678"),
        (10, 5, "033203 12345"),
        (11, 5, "(033203) 12345"),
        (12, 5, "016977 3456"),
    ]
    assert national_findings(tmp_path, page, []) == []


def test_digit_groups_that_are_no_valid_number_are_not_reported(tmp_path: Path) -> None:
    """Groups starting with a 0 are often something else: only a valid number of a listed
    country is reported, and not a date, a time, a version, an amount, an ISBN after its
    label or an identifier, even where their digits would make one."""
    page = (
        "Too short 01 23, none 0000 000 000, version 0.4.12 or v0.10.3.\n"
        "On 01 02 2024, 01.02.2024 10.30 or 01-02-2024, from 09.30-17.00.\n"
        "Costs €0 1234 5678 or 0 1234 5678 €, ISBN 01 23 45 67 89.\n"
        "Order #01 23 45 67 89, case_id=06 12 34 56 78, case_id_06 12 34 56 78.\n"
        "Jane: 06 12 34 56 78.\n"
    )
    assert national_findings(tmp_path, page, ["FR", "DE"]) == [(5, 7, "06 12 34 56 78")]


def test_a_zip_code_of_nine_digits_is_no_national_number(tmp_path: Path) -> None:
    """New England's ZIP codes start with a 0, and a ZIP+4 code's digits make a valid
    German number (review: the Free Software Foundation's 02110-1301, in many a license,
    and any Boston office's address failed the build with Germany listed). After a
    state's code or a ZIP label it is none; alone, it may be a number."""
    page = (
        "Office: 51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA.\n"
        "Hartford, CT\n06103-1234. ZIP code: 06103-1234, zip 02110-1301.\n"
        "Jane: 02110-1301.\n"
    )
    assert national_findings(tmp_path, page, ["DE"], ["51 Franklin Street"]) == [
        (4, 7, "02110-1301")
    ]


def test_the_hour_of_a_time_is_no_group_of_a_number(tmp_path: Path) -> None:
    """A day and month, then a time (`03.04 10:00`), read as `03.04 10` made a valid
    German number (review, in a changelog: "02-06 24:00"). The hour is no group of a
    number; a number before a time is read without it."""
    page = (
        "On 03.04 10:00 we meet, and 04-04 00:00 or 02-06 24:00 too.\n"
        "Jane: 030 12345678 09:00-17:00.\n"
    )
    assert national_findings(tmp_path, page, ["DE"]) == [(2, 7, "030 12345678")]


def test_digits_written_after_a_number_are_no_part_of_it(tmp_path: Path) -> None:
    """The longest run of a number's first groups that is valid: a count after it is
    none of it, nor an extension written on."""
    page = "Call 020 7946 0958 24 hours a day, or 020 7946 0959x12.\n"
    assert national_findings(tmp_path, page, ["GB"]) == [
        (1, 6, "020 7946 0958"),
        (1, 39, "020 7946 0959"),
    ]


def test_a_number_after_relay_uks_prefix_is_reported(tmp_path: Path) -> None:
    """A textphone user dials Relay UK's 18001 (18002, 18000) before a number: the number
    after it is a line's, where other digits before a run make it none (a UK coalition's
    audit: `Textphone 18001 07911 123456` passed)."""
    page = (
        "Textphone 18001 07911 123456, or 18002 (0113) 496 0000.\n"
        "Ref 12345 0113 496 0000 and case 218001 0113 496 0000.\n"
    )
    assert national_findings(tmp_path, page, ["GB"]) == [
        (1, 17, "07911 123456"),
        (1, 40, "(0113) 496 0000"),
    ]


def test_a_listed_relay_call_allows_the_number_after_its_prefix(tmp_path: Path) -> None:
    """Review rv58b: a textphone's public line listed as Relay UK writes it (`18001 0113
    496 0000`) was reported on the page that prints it, its number read after the prefix;
    another prefix, a direct line dialled on and the number alone are not that entry."""
    page = (
        "Textphone: 18001 0113 496 0000.\nOr 18002 0113 496 0000, 18001 0113 496 0000 12,\n"
        "0113 496 0000.\n"
    )
    allow = ["Textphone: 18001 0113 496 0000"]
    assert national_findings(tmp_path, page, ["GB"], allow) == [
        (2, 10, "0113 496 0000"),
        (2, 31, "0113 496 0000"),
        (3, 1, "0113 496 0000"),
    ]


def test_a_number_after_a_comma_or_dot_after_a_word_is_reported(tmp_path: Path) -> None:
    """A CSV's field after a comma (`Jane,07911 123456`), or a label glued with a dot
    (`Tel.0113 496 0000`), is read; an amount's separator after a digit (`1,020 7946
    0958`, `3.020 ...`) still makes none (a UK audit: a volunteer list's mobiles passed)."""
    page = "Jane,07911 123456. Tel.0113 496 0000. Paid 1,020 7946 0958 or 3.020 7946 0958.\n"
    assert national_findings(tmp_path, page, ["GB"]) == [
        (1, 6, "07911 123456"),
        (1, 24, "0113 496 0000"),
    ]


def test_a_number_after_a_csv_field_of_digits_is_reported(tmp_path: Path) -> None:
    """Review rv58b: a volunteer list's mobile after an age or an id (`Jane,34,07911
    123456`) was missed, the comma taken for an amount's; a group of three digits after
    it (`1,020 7946 0958`) is still an amount's thousands, and a dot a decimal's."""
    page = "Jane,34,07911 123456\n\n7,(0113) 496 0000\n\n1,020 7946 0958\n\n3.0113 496 0000\n"
    assert national_findings(tmp_path, page, ["GB"]) == [
        (1, 9, "07911 123456"),
        (3, 3, "(0113) 496 0000"),
    ]


def test_a_number_with_a_short_first_group_after_a_csv_field_of_digits_is_reported(
    tmp_path: Path,
) -> None:
    """UK audit uk60: a London number after an age (`Jane,34,020 7946 0958`) was missed,
    its first group of three digits taken for an amount's thousands; after a field of
    digits that follows a word's field it is a field of its own. An amount's digits
    follow no such field (`1,020 7946 0958`, `Paid 1,020,020 7946 0958`, `x1,020 ...`)."""
    page = (
        'Jane,34,020 7946 0958\n\n"Amir",1234,020 7946 0958\n\n1,020 7946 0958\n\n'
        "Paid 1,020,020 7946 0958 or x1,020 7946 0958 or Jane,1234567,020 7946 0958.\n"
    )
    assert national_findings(tmp_path, page, ["GB"]) == [
        (1, 9, "020 7946 0958"),
        (3, 13, "020 7946 0958"),
    ]


def test_it_is_reported_after_an_empty_field_or_a_note_in_brackets_too(tmp_path: Path) -> None:
    """Review rv59b: an empty field (`Jane,,34,...`) or a note in brackets (`Jane (mum),34,
    ...`) before the digits' field hid the number; a line's first field is still an
    amount's (`,34,020 7946 0958`)."""
    page = "Jane,,34,020 7946 0958\n\nJane (mum),34,020 7946 0958\n\n,34,020 7946 0958\n"
    assert national_findings(tmp_path, page, ["GB"]) == [
        (1, 10, "020 7946 0958"),
        (3, 15, "020 7946 0958"),
    ]


# pii66: where the trunk prefix is 8 (Russia, Belarus, Kazakhstan), numbers are written
# from it, the area code in brackets or apart, or all eleven digits together.
EIGHT_NUMBERS = [
    ("RU", "8 (495) 123-45-67"),
    ("RU", "8(495)123-45-67"),
    ("RU", "8-916-123-45-67"),
    ("RU", "8 800 200-01-22"),
    ("RU", "89161234567"),
    ("BY", "8 (017) 123-45-67"),
    ("BY", "8 029 123 45 67"),
    ("KZ", "8 (727) 258-45-67"),
    ("KZ", "8 (71234) 5 67 89"),
]


@pytest.mark.parametrize(("country", "number"), EIGHT_NUMBERS)
def test_a_number_after_a_trunk_8_is_read_where_its_country_is_listed(
    tmp_path: Path, country: str, number: str
) -> None:
    """And with Spain listed too, whose numbers are read from their first digit, the
    number is read whole (`8 800 200-01-22`, not Spain's `8 800 200-01`)."""
    page = f"Звоните Ане: {number} вечером.\n"
    assert national_findings(tmp_path, page, [country]) == [(1, 14, number)]
    assert national_findings(tmp_path, page, [country, "ES"]) == [(1, 14, number)]
    # as the other national formats, none with no country listed, nor with another
    assert national_findings(tmp_path, page, []) == []
    assert national_findings(tmp_path, page, ["DE"]) == []


def test_digits_after_an_8_that_are_no_phone_number_are_not_reported(tmp_path: Path) -> None:
    """An amount before its rouble or tenge sign or word, a count, a date, an identifier,
    a later group of a longer run, a number that is no valid one."""
    page = (
        "Цена 8 500 000 \u20bd, 8 495 123 45 67 \u20b8, 8 912 345 678 901 руб.\n"
        "Заказ №89161234567, order_id=89161234567, 1 8 495 123 45 67.\n"
        "8 05 2024, 8123, 8 12 34.\n"
        # the 8 no trunk: Russia's toll-free 800 000 0000 is no amount's thousands
        "Бюджет 8 000 000 000 тенге, 8 000 000 000 рублей.\n"
    )
    assert national_findings(tmp_path, page, ["RU", "KZ", "BY"]) == []


def test_a_number_after_the_number_sign_is_an_identifier_but_after_a_phones_word(
    tmp_path: Path,
) -> None:
    """pii67: an order's or an invoice's number after `№` and the space Russian puts after
    it was reported; a phone's word before the sign still says a phone."""
    page = (
        "Заказ № 8 495 123 45 67, счёт №\u00a08 (495) 123-45-67, Invoice № 020 7946 0958.\n"
        "Тел. № 8 495 123 45 67\nТелефон доверия № 8 800 2000 122\n"
    )
    assert national_findings(tmp_path, page, ["RU", "GB"]) == [
        (2, 8, "8 495 123 45 67"),
        (3, 19, "8 800 2000 122"),
    ]


def test_a_phone_after_the_number_sign_with_no_documents_word_before_is_reported(
    tmp_path: Path,
) -> None:
    """Review rv66c: a hotline's or a messenger's number after `№` went unreported when
    every `№` but a phone's word's made an identifier; only a document's word does, and
    not after a phone's word on its line (the number to order by)."""
    page = (
        "Горячая линия: № 8 800 333-00-16\nWhatsApp № 8 916 123 45 67\n"
        "Телефон горячей линии № 8 800 333-00-16\n№ 8 916 123 45 67\n"
        "Договор аренды № 8 495 123 45 67, Счёт-фактура № 8 495 123 45 67\n"
        "Звоните для оформления заказа № 8 800 333-00-16\n"
    )
    assert national_findings(tmp_path, page, ["RU"]) == [
        (1, 18, "8 800 333-00-16"),
        (2, 12, "8 916 123 45 67"),
        (3, 25, "8 800 333-00-16"),
        (4, 3, "8 916 123 45 67"),
        (6, 33, "8 800 333-00-16"),
    ]


def test_a_phone_after_a_rows_number_after_the_number_sign_is_reported(tmp_path: Path) -> None:
    """pii68: a numbered row's phone (`№ 1 8 800 333-00-16`) was read as a later group
    of a run and missed; a run with no `№`, or a number of four digits after it, is none."""
    page = (
        "№ 1 8 800 333-00-16\n| №12 | 8 (495) 123-45-67 |\n"
        "1 8 495 123 45 67\n№ 1234 8 800 333-00-16\n"
    )
    assert national_findings(tmp_path, page, ["RU"]) == [
        (1, 5, "8 800 333-00-16"),
        (2, 9, "8 (495) 123-45-67"),
    ]


def test_a_number_after_a_trunk_8_listed_is_allowed_written_at_home_or_abroad(
    tmp_path: Path,
) -> None:
    page = "Горячая линия 8 800 200-01-22 и +7 800 200-01-22; Аня 8 (916) 123-45-67.\n"
    assert national_findings(tmp_path, page, ["RU"], ["8 800 200-01-22"]) == [
        (1, 55, "8 (916) 123-45-67")
    ]
    assert national_findings(tmp_path, page, ["RU"], ["+7 800 200 01 22"]) == [
        (1, 55, "8 (916) 123-45-67")
    ]


# Review rv58b: Relay UK's prefix, a comma after a digit, a word that numbers a part, each
# read before a number or a street, many times over (about 40,000 characters each).
RELAY_AND_PART_SHAPES = {
    "relay prefixes": "len(found('18001 ' * 7_000 + '0113 496 0000', GB)) == 1",
    "relayed numbers": "len(found('18001 0113 496 0000, ' * 2_000, GB)) == 2_000",
    "relay prefixes and zeros": "found('18001 0' * 6_000, GB) == []",
    "fields after digits": "len(found('Jane,1,0113 496 0000\\n' * 2_000, GB)) == 2_000",
    "fields after fields": "len(found('Jane,34,020 7946 0958\\n' * 2_000, GB)) == 2_000",
    "digit fields": "found('a,123456,' * 5_000 + '1,020 7946 0958', GB) == []",
    "numbering words": "found('Module ' * 6_000 + '1 Oak Street') == []",
    "parts of case studies": "found('Case study 1 Oak Street ' * 1_700) == []",
    "weeks in prose": "len(found('Twice a week 12 Oak Street\\n' * 1_500)) == 1_500",
    # pii66: runs after a trunk 8, with Russia listed
    "eights": "found('8 ' * 20_000, RU) == []",
    "eights and brackets": "found('8 (' * 13_000, RU) == []",
    "eights and groups": "isinstance(found('8 000 1 ' * 5_000, RU), list)",
    "eights together": "found('8' * 40_000, RU) == []",
    "numbers after eights": "len(found('8 (495) 123-45-67, ' * 2_000, RU)) == 2_000",
    # pii68: a row's number after the number sign; Ukraine's toll-free numbers
    "rows' numbers": "len(found('\u2116 1 8 800 333-00-16, ' * 2_000, RU)) == 2_000",
    "number signs and eights": "isinstance(found('\u2116 1 8 ' * 8_000, RU), list)",
    "lone zeros": "isinstance(found('0 800 ' * 8_000, ('UA',)), list)",
}


@pytest.mark.parametrize("shape", RELAY_AND_PART_SHAPES.values(), ids=RELAY_AND_PART_SHAPES)
def test_relay_prefixes_fields_and_parts_are_read_in_linear_time(shape: str) -> None:
    """Each shape is read in one pass, one a child, under the suite's CPU-time guard
    (`found`: `find_personal_data`'s findings, with `GB` as privacy.countries)."""
    from work import python_in_time

    completed = python_in_time(
        "from coalition_handbook.rules.privacy_personal_data import find_personal_data\n"
        "def found(text, countries=()):\n"
        "    return list(find_personal_data(text, countries=countries))\n"
        f"GB, RU = ['GB'], ['RU']\nassert {shape}\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


def test_a_number_found_before_is_reported_once(tmp_path: Path) -> None:
    """With its country code, or written together, a number is found without the
    countries; listing them makes no second finding of it."""
    page = "Call +44 20 7946 0958, 0044 20 7946 0958 or 02079460958.\n"
    found = [(1, 6, "+44 20 7946 0958"), (1, 24, "0044 20 7946 0958"), (1, 45, "02079460958")]
    assert national_findings(tmp_path, page, []) == found
    assert national_findings(tmp_path, page, ["GB"]) == found


def test_numbers_in_code_are_reported_as_the_rule_reads_code(tmp_path: Path) -> None:
    """privacy.pii reads code spans and fences, which are published too."""
    page = "# Contacts\n\nRing `06 12 34 56 78`.\n\n```\nmobile: 07 81 23 45 67\n```\n"
    assert national_findings(tmp_path, page, ["FR"]) == [
        (3, 7, "06 12 34 56 78"),
        (6, 9, "07 81 23 45 67"),
    ]


def test_a_listed_number_is_allowed_written_at_home_or_abroad(tmp_path: Path) -> None:
    """privacy.allow lists a number written either way; the other writing is allowed
    too, compared as E.164 writes both, but not a direct line dialled on from it."""
    page = (
        "Helpline 0800 0121 700 or +44 800 0121 700; office 01 23 45 67 89.\n"
        "Jane 06 12 34 56 78, direct 0800 0121 700 12.\n"
    )
    allow = ["Modern Slavery Helpline: +44 800 0121 700", "01 23 45 67 89"]
    findings = privacy_findings(tmp_path, page, ["GB", "FR"], allow)
    assert [(f.line, f.column, f.found) for f in findings] == [
        (2, 6, "06 12 34 56 78"),
        (2, 29, "0800 0121 700"),
    ]
    assert "list the number with it, as written at this line" in findings[1].message
    page = "Office +33 1 23 45 67 89 or 01 23 45 67 89, Jane 06 12 34 56 78.\n"
    assert national_findings(tmp_path, page, ["FR"], ["+33 1 23 45 67 89"]) == [
        (1, 50, "06 12 34 56 78")
    ]


def test_a_listed_number_is_compared_as_e164_writes_it(tmp_path: Path) -> None:
    """Hungary dials `06` before a national number (`06 1 234 5678` is +36 1 234 5678):
    no trunk 0 that the digits alone could tell apart; phonenumbers knows it."""
    page = "Office 06 1 234 5678 or +36 1 234 5678; Jane 06 30 123 4567, +36 30 123 4567.\n"
    expected = [(1, 46, "06 30 123 4567"), (1, 62, "+36 30 123 4567")]
    for allow in ("+36 1 234 5678", "06 1 234 5678"):
        assert national_findings(tmp_path, page, ["HU"], [allow]) == expected
    link = "[Office](tel:06-1-234-5678), [Jane](tel:06-30-123-4567)\n"
    assert national_findings(tmp_path, link, ["HU"], ["+36 1 234 5678"]) == [
        (1, 41, "06-30-123-4567")
    ]


@pytest.mark.parametrize("countries", [["FR", "HU"], ["HU", "FR"]])
def test_a_listed_number_is_allowed_whichever_country_comes_first(
    tmp_path: Path, countries: list[str]
) -> None:
    """`06 1 234 5678` is Hungary's +36 1 234 5678 and France's +33 6 12 34 56 78: a
    listed number is allowed in its other writing whatever the order of the countries
    (review: with France first, the Hungarian hotline failed the build)."""
    page = "Office 06 1 234 5678 or +36 1 234 5678.\n"
    for allow in ("+36 1 234 5678", "06 1 234 5678"):
        assert national_findings(tmp_path, page, countries, [allow]) == []


def test_every_text_the_rule_reads_is_read_for_national_numbers(tmp_path: Path) -> None:
    """Term and protocol files, and the text files the site publishes (a contact card)."""
    files = {
        "mkdocs.yml": MKDOCS + "      privacy: {countries: [DE]}\n",
        "glossary/survivor.yml": term_yaml(extra="# asked by 030 12345678\n"),
        "protocols/hotel-staff.yml": PROTOCOL.replace(
            "    phone: 1-888-373-7888\n", "    phone: 0171 1234567\n"
        ),
        "content/jane.vcf": "BEGIN:VCARD\nFN:Jane\nTEL:0171 7654321\nEND:VCARD\n",
    }
    findings = run_checks(write_files(tmp_path, files)).findings
    assert [(f.path, f.line, f.found) for f in findings if f.rule == "privacy.pii"] == [
        ("content/jane.vcf", 3, "0171 7654321"),
        ("glossary/survivor.yml", 4, "030 12345678"),
        ("protocols/hotel-staff.yml", 15, "0171 1234567"),
    ]


def test_listing_countries_checks_the_pages_again(tmp_path: Path) -> None:
    """The countries are part of the settings the cache of findings is kept for."""
    page = "Jane: 06 12 34 56 78.\n"
    assert national_findings(tmp_path, page, []) == []
    assert national_findings(tmp_path, page, ["FR"]) == [(1, 7, "06 12 34 56 78")]


@pytest.mark.parametrize(
    ("countries", "message"),
    [
        (
            "[GB, XX]",
            "mkdocs.yml:6: 'privacy.countries' lists 'XX', which is no country code that "
            "phone numbers are known for (ISO 3166-1 alpha-2, as GB or FR)",
        ),
        (
            "[UK]",
            "lists 'UK', which is no country code that phone numbers are known for "
            "(ISO 3166-1 alpha-2, as GB or FR) (did you mean 'GB'?)",
        ),
        (
            "[fra]",
            "lists 'fra', which is no country code that phone numbers are known for "
            "(ISO 3166-1 alpha-2, as GB or FR) (did you mean 'FR'?)",
        ),
        (
            "GB",
            "mkdocs.yml:6: 'privacy.countries' must be a list of country codes (ISO 3166-1 "
            "alpha-2, as GB or FR)",
        ),
        ("[NO]", "as GB or FR) (quote each, as in 'NO': YAML reads NO as false)"),
    ],
)
def test_bad_countries_are_named_at_their_line(
    tmp_path: Path, countries: str, message: str
) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\ndocs_dir: content\nplugins:\n  - handbook:\n"
        f"      privacy:\n        countries: {countries}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path / "mkdocs.yml")
    assert any(message in problem for problem in raised.value.problems), raised.value.problems


def test_countries_are_read_in_any_case_once_each(tmp_path: Path) -> None:
    national_findings(tmp_path, "# Home\n", ["gb", "Fr", "GB"])
    assert load_config(tmp_path / "mkdocs.yml").privacy_countries == ("GB", "FR")


def test_an_unknown_key_of_privacy_names_the_two_it_takes(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "docs_dir: content\nplugins:\n  - handbook:\n      privacy: {country: [GB]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path / "mkdocs.yml")
    assert raised.value.problems == (
        "mkdocs.yml:4: 'privacy' takes two keys, 'allow' (a list of strings) and 'countries' "
        "(a list of country codes) (did you mean 'countries'?)",
    )


def build_site(config_file: Path) -> None:
    build(load_mkdocs_config(str(config_file)))


def _build_errors(config_file: Path, countries: str, caplog: pytest.LogCaptureFixture) -> list[str]:
    """The errors of a build that fails, with `privacy: {countries: ...}` in its config."""
    set_handbook_options(config_file, f"privacy: {{countries: {countries}}}")
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        build_site(config_file)
    return [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]


def test_the_build_reports_national_numbers_of_the_listed_countries(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config_file = make_handbook(tmp_path, page="# Home\n\nJane: 06 12 34 56 78.\n")
    errors = _build_errors(config_file, "[FR]", caplog)
    assert any(
        message.startswith("content/index.md:3:7: privacy.pii '06 1* ** ** 78'")
        for message in errors
    ), errors


def test_the_build_names_a_bad_country_at_its_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config_file = make_handbook(tmp_path)
    errors = _build_errors(config_file, "[XX]", caplog)
    assert any("mkdocs.yml:7: 'privacy.countries' lists 'XX'" in message for message in errors)


def test_phonenumbers_is_imported_only_where_countries_are_listed(tmp_path: Path) -> None:
    """Start-up (DESIGN section 10): a handbook that lists no countries never loads it."""
    script = (
        "import sys\n"
        "from coalition_handbook.check import run_checks\n"
        "from coalition_handbook.config import load_config\n"
        "findings = run_checks(load_config(__import__('pathlib').Path(sys.argv[1]))).findings\n"
        # The page's first line also reads as MultiMarkdown metadata: a page.front-matter
        # warning, not this test's business.
        "found = [finding for finding in findings if finding.rule == 'privacy.pii']\n"
        "print(len(found), 'phonenumbers' in sys.modules)\n"
    )
    national_findings(tmp_path, "Jane: 06 12 34 56 78.\n", [])
    plugins = str(Path(__file__).parents[1] / "plugins")
    env = {"PYTHONPATH": plugins, "HANDBOOK_NO_CACHE": "1"}

    def run() -> str:
        return subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / "mkdocs.yml")],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout.split()

    assert run() == ["0", "False"]
    national_findings(tmp_path, "Jane: 06 12 34 56 78.\n", ["FR"])
    assert run() == ["1", "True"]
