"""privacy.countries for the countries that dial at home with no trunk prefix (Spain,
Mexico, Chile, Central America, Portugal, Italy's mobiles), whose numbers are written
from their first digit, 1-9. A Spanish adopter's audit: `countries: [ES, MX]` found none
of `612 345 678`, `91 123 45 67` or `55 1234 5678`, as only runs from a trunk `0` were
read."""

from __future__ import annotations

from pathlib import Path

from test_privacy_national import national_findings


def test_numbers_of_countries_without_a_trunk_prefix_are_reported(tmp_path: Path) -> None:
    page = (
        "# Datos\n\n"
        "Llámeme al 612 345 678 o al 91 123 45 67. Móvil 612-345-678.\n"
        "México: 55 1234 5678, o (55) 1234-5678.\n"
        "Cellulare 333 123 4567.\n"
    )
    assert national_findings(tmp_path, page, ["ES", "MX", "IT"]) == [
        (3, 12, "612 345 678"),
        (3, 29, "91 123 45 67"),
        (3, 49, "612-345-678"),
        (4, 9, "55 1234 5678"),
        (4, 25, "(55) 1234-5678"),
        (5, 11, "333 123 4567"),
    ]


def test_amounts_laws_and_years_are_no_numbers_there(tmp_path: Path) -> None:
    page = (
        "# Datos\n\n"
        "Hubo 1.234.567 consultas; 3.500.000 pesos; 912.345.678 personas; 612 345 678 €.\n"
        "Ley 26.364. Ley Orgánica 10/2022. Expediente 2023/00123456. ISBN 978 84 376 0494 7.\n"
        "Entre 2019 y 2023 hubo 600 casos. Años 2019 2020 2021. El 15 03 2025.\n"
    )
    assert national_findings(tmp_path, page, ["ES", "MX"]) == []


def test_only_the_countries_without_a_trunk_prefix_read_such_runs(tmp_path: Path) -> None:
    """Read for the United Kingdom, whose numbers are written after their trunk 0, `20
    7946 0958` would be London's: there it is no number as people write one."""
    page = "# Data\n\nRef 20 7946 0958 and 612 345 678.\n"
    assert national_findings(tmp_path, page, ["GB"]) == []
    (tmp_path / "es").mkdir()
    assert national_findings(tmp_path / "es", page, ["GB", "ES"]) == [(3, 22, "612 345 678")]


def test_a_listed_number_written_from_its_first_digit_is_allowed(tmp_path: Path) -> None:
    page = "# Datos\n\nLa línea 900 10 50 90 es pública. Dana: 91 123 45 67.\n"
    found = national_findings(tmp_path, page, ["ES"], allow=["+34 900 10 50 90"])
    assert found == [(3, 41, "91 123 45 67")]


def test_an_amount_grouped_with_spaces_before_its_currency_is_no_number(
    tmp_path: Path,
) -> None:
    """The RAE groups the thousands of a long amount with spaces (`650 000 000 euros`),
    as a Spanish number is grouped: its currency after it, written as a word or a code
    as `€` is, says what it is (review rv27)."""
    page = (
        "# Datos\n\n"
        "Un presupuesto de 650 000 000 euros; 912 000 000 dólares; 700 000 000 de pesos.\n"
        "El fondo: 612 345 678 EUR, o 55 1234 5678 MXN.\n"
        "Llámeme al 612 345 678 en euros no cuesta nada.\n"
    )
    assert national_findings(tmp_path, page, ["ES", "MX"]) == [(5, 12, "612 345 678")]


def test_a_group_of_a_number_found_is_no_number_of_its_own(tmp_path: Path) -> None:
    """Differential fuzzing: Mexico City's `(55) 0754-6114` was reported, and inside it
    `0754-6114`, a valid German number written after its trunk 0: two findings, one
    number. Each number once, whichever country is listed first."""
    page = "Llame al (55) 0754-6114 o al 55 0754 6114.\n"
    expected = [(1, 10, "(55) 0754-6114"), (1, 30, "55 0754 6114")]
    assert national_findings(tmp_path, page, ["MX", "DE"]) == expected
    (tmp_path / "de").mkdir()
    assert national_findings(tmp_path / "de", page, ["DE", "MX"]) == expected


def test_mexicos_numbers_are_read_from_their_first_digit_with_mexico_listed_alone(
    tmp_path: Path,
) -> None:
    """Mexico dials at home with no trunk prefix since 2019; libphonenumber's metadata
    said so from phonenumbers 8.13.38 (before it, `01`), so with an older release and
    `countries: [MX]` no Mexican number written as Mexicans write it was found
    (pyproject's lower bound; the tests above list Spain or Italy too, which read some)."""
    page = "Llame al 55 1234 5678 o al (81) 8123-4567.\n"
    assert national_findings(tmp_path, page, ["MX"]) == [
        (1, 10, "55 1234 5678"),
        (1, 28, "(81) 8123-4567"),
    ]


def test_a_number_starting_with_an_8_is_read_as_written_where_no_trunk_8_is_listed(
    tmp_path: Path,
) -> None:
    """pii68: a run from an 8 was read as Russia's, its 8 a trunk prefix, whichever
    country read it: Mexico's national hotline against trafficking (`800 5533 000`), a
    toll-free number and a Galician one went unread with MX or ES listed. With RU listed
    too, Russia's numbers are read whole, and an amount stays quiet; a run of fewer than
    nine digits from an 8 (a table's figures, machine code's bytes) is none."""
    page = (
        "Línea contra la trata: 800 5533 000 o 800 715 8482.\n"
        "Oficina en Lugo: 881 234 567.\nЗвоните 8 800 200-01-22; цена 8 500 000 ₽.\n"
    )
    figures = "  835\n  847 858 870 882\n8048f28:       89 43 54       mov\n"
    assert national_findings(tmp_path, figures, ["IT", "ES"]) == []  # a table's, bytes
    assert national_findings(tmp_path, page, ["MX", "ES", "RU"]) == [
        (1, 24, "800 5533 000"),
        (1, 39, "800 715 8482"),
        (2, 18, "881 234 567"),
        (3, 9, "8 800 200-01-22"),
    ]


def test_an_amount_in_thousands_from_a_lone_digit_is_no_number_where_no_trunk_is_listed(
    tmp_path: Path,
) -> None:
    """Review rv67f (HIGH): with MX listed, the world's population written in thousands
    (`8 000 000 000 personas`, as the RAE and SI write it) was read as Mexico's number
    `800 000 0000` since pii68 read a run from an 8 as written, failing the build; its
    `5 000 000 000` as well before. No country that dials no trunk prefix writes a lone
    digit and then groups of three, nor a round number's millions (`800 000 000 people`
    was Italy's toll-free number, `850 000 000 personnes` Spain's); Mexico's and Spain's
    numbers stay read."""
    page = (
        "La población mundial supera los 8 000 000 000 personas; 8\u202f123\u202f456\u202f789 en "
        "2024, y 5 000 000 000 tienen teléfono.\nLlama al 800 5533 000 o al 81 8123 4567.\n"
        "About 800 000 000 people; environ 850 000 000 personnes.\n"
    )
    assert national_findings(tmp_path, page, ["MX", "ES", "IT", "RU"]) == [
        (2, 10, "800 5533 000"),
        (2, 28, "81 8123 4567"),
    ]
