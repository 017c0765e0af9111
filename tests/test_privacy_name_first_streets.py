"""privacy.pii on street addresses written as Spain and Latin America write them, the
street first and its number after (`Calle Luna 123`, `Av. Insurgentes Sur 1602`). A
Spanish adopter's audit: the rule read only the number-first form ("123 Calle Luna"), so
a Spanish-language handbook's own addresses were published unreported."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest
from test_privacy import personal, privacy_findings

from coalition_handbook.forms import has_digit_past_ascii
from coalition_handbook.rules import privacy_name_first_streets as streets
from coalition_handbook.rules.privacy_name_first_streets import name_first_streets
from coalition_handbook.rules.privacy_personal_data import find_personal_data


def test_streets_written_name_first_are_reported_where_they_are(tmp_path: Path) -> None:
    page = (
        "# Datos\n\n"
        "Sede: Calle de Alcalá, 45, 28014 Madrid. Oficina en C/ Mayor 12, 3.º B.\n"
        "Vive en Av. Insurgentes Sur 1602, Col. Crédito Constructor, 03940 CDMX.\n"
        "Vive en Calle Luna 123. La víctima vive en Paseo de la Reforma 222.\n"
        "Su casa: Calle Mayor nº 7, Travesia del Rosario 4B y C/Mayor 7.\n"
        "Vive en Avenida Insurgentes Sur 1971, Col. Guadalupe Inn.\n"
    )
    found = [(f.line, f.column, f.found) for f in privacy_findings(tmp_path, page, [])]
    assert found == [
        (3, 7, "Calle de Alcalá, 45"),
        (3, 53, "C/ Mayor 12"),
        (4, 9, "Av. Insurgentes Sur 1602"),
        (5, 9, "Calle Luna 123"),
        (5, 44, "Paseo de la Reforma 222"),
        (6, 10, "Calle Mayor nº 7"),
        (6, 28, "Travesia del Rosario 4B"),
        (6, 54, "C/Mayor 7"),
        (7, 9, "Avenida Insurgentes Sur 1971"),
    ]
    assert "'C**** L*** 1**' looks like a personal street address" in found_messages(
        tmp_path, "Vive en Calle Luna 123.\n"
    )


def test_a_name_with_a_hyphen_or_an_apostrophe_is_read_whole() -> None:
    """Madrid's Calle de Sánchez-Pacheco and Calle de O'Donnell: a name of two words joined
    by a hyphen, or of a capital and an apostrophe before its word (as `privacy_streets`
    reads `O'Connell` in `12 O'Connell Street`), hid the address (review rv59e)."""
    for text, street in (
        ("Vive en Calle Sánchez-Pacheco 5.", "Calle Sánchez-Pacheco 5"),
        ("Vive en Calle de O'Donnell 12, 3º B.", "Calle de O'Donnell 12"),
        ("Vive en Calle de O\u2019Donnell 12.", "Calle de O\u2019Donnell 12"),
        ("Vive en la calle Reina Victoria-Eugenia, 7.", "calle Reina Victoria-Eugenia, 7"),
        ("Vive en Av. Sánchez-Pacheco n.º 5.", "Av. Sánchez-Pacheco n.º 5"),
    ):
        assert personal(text) == [("street address", street)], text
    for text in ("la Calle Mayor-5 del mapa", "Calle Mayor- 5 veces", "Calle Mayor-Lopez 5 km"):
        assert personal(text) == [], text


def found_messages(tmp_path: Path, page: str) -> str:
    folder = tmp_path / "messages"
    folder.mkdir()
    return "\n".join(finding.message for finding in privacy_findings(folder, page, []))


def test_prose_with_a_street_type_and_a_number_is_no_address() -> None:
    for text in (
        "Camino de Santiago 2027 empieza en mayo.",  # a year, with no address around it
        "las Madres de Plaza de Mayo 1977",
        "Calle 13 canta. Carretera Federal 85.",  # no name; a road's number
        "Plaza Hotel 2 bars",  # Plaza is an English word too
        "la Calle Mayor 3,5 km",  # a decimal
        "Calle Mayor 12/2023",  # a date
        "Calle Mayor 12 %",  # a share
        "the Plaza 3",  # no name
    ):
        assert personal(text) == [], text


def test_a_year_with_an_address_around_it_is_a_house_number() -> None:
    assert personal("Dirección: Plaza Mayor 1985") == [("street address", "Plaza Mayor 1985")]
    assert personal("Plaza de Armas 5") == [("street address", "Plaza de Armas 5")]


def test_a_street_found_number_first_is_found_once() -> None:
    assert personal("She lives at 123 Calle Luna 45.") == [("street address", "123 Calle Luna")]


def test_a_public_office_listed_name_first_allows_its_street(tmp_path: Path) -> None:
    page = (
        "# Oficinas\n\n"
        "Visite la oficina en Calle de Alcalá 45 o en Paseo de la Reforma 222.\n"
        "Ella vive en Calle de Alcalá 47.\n"
    )
    allow = ["Calle de Alcalá 45, 28014 Madrid", "Paseo de la Reforma 222"]
    found = [(f.line, f.found) for f in privacy_findings(tmp_path, page, allow)]
    assert found == [(4, "Calle de Alcalá 47")]


def test_a_street_type_inside_a_word_starts_no_street() -> None:
    assert personal("SubCalle Luna 12, id_Calle Luna 12, XAv. Juárez 3") == []
    assert personal("Vive en _Calle Luna 12_.") == [("street address", "Calle Luna 12")]


def test_a_spanish_street_after_a_year_read_as_one_is_no_address() -> None:
    """As "Since 2005 Camino Real" and "In 2019 Avenida Juárez" are none in English."""
    for text in (
        "En 2019 Avenida Juárez cerró por obras.",
        "Desde 2005 Camino Real atiende a sobrevivientes.",
        "Durante 2020 Paseo de la Reforma cerró.",
        "Después de 2018 Calle Real cambió de nombre.",
        "Nuestra 2024 Calle Abierta fue un éxito.",
    ):
        assert personal(text) == [], text
    # "en" is "at" too: an address, where it does not start a sentence.
    assert personal("Vive en 2015 Calle Luna.") == [("street address", "2015 Calle Luna")]
    assert personal("Desde 2005: Camino Real 12.") == [("street address", "Camino Real 12")]


def test_ronda_a_given_name_too_names_a_street_only_with_an_address_around_it() -> None:
    """Ronda is an English given name (Ronda Rousey): a case study's "Ronda Smith, 34," is
    a woman and her age, no street (review rv27). Madrid's and Barcelona's rondas stay
    reported with `de` after the type, or with an address around them."""
    for text in (
        "Ronda Smith, 34, was recruited at a nail salon.",
        "Ronda Rousey 2 titles",
        "Ronda Jones 12 years old",
    ):
        assert personal(text) == [], text
    assert personal("Ronda de Atocha 12") == [("street address", "Ronda de Atocha 12")]
    assert personal("Ronda Universitat 12, 3º 2ª") == [("street address", "Ronda Universitat 12")]


def test_a_street_type_in_lower_case_as_spanish_prose_writes_it_is_read() -> None:
    """Spanish prose writes the type in lower case ("vive en la calle Luna 12", as the
    RAE's Ortografía has it): those addresses went unreported (review rv27); so did a
    number after `Nº`, `N.º`, `núm` or `número`."""
    for text, street in (
        ("Vive en la calle Luna 12.", "calle Luna 12"),
        ("La víctima vive en la avenida Juárez 45, int. 3.", "avenida Juárez 45"),
        ("Está en el paseo de la Castellana 100.", "paseo de la Castellana 100"),
        ("Vive en Calle Mayor Nº 7.", "Calle Mayor Nº 7"),
        ("Vive en Calle Mayor N.º 7.", "Calle Mayor N.º 7"),
        ("Vive en la calle Luna número 45.", "calle Luna número 45"),
        ("Vive en la calle Luna núm 45.", "calle Luna núm 45"),
    ):
        assert personal(text) == [("street address", street)], text
    # A common noun with no capitalised name, or an English plaza, stays none.
    for text in ("Cruzó la calle 3 veces.", "We met at the plaza Friday 3 times.", "calle 13"):
        assert personal(text) == [], text
    # In lower case, only after an article or a preposition, as Spanish prose writes it.
    assert personal("He walked the camino Francés 2 times.") == []
    assert personal("Vive en calle Luna 12.") == [("street address", "calle Luna 12")]


def test_a_number_followed_by_a_month_or_a_unit_is_no_house_number() -> None:
    """A date ("Paseo Colón 1 de mayo"), a distance, a time or a count ("la Calle Luna 3
    veces", "Camino Francés 2 km", "Paseo Verde 4 pm") after the number: no house's
    (review rv27)."""
    for text in (
        "La marcha del Paseo Colón 1 de mayo.",
        "Cruzó la Calle Luna 3 veces.",
        "El Camino Francés 2 km más.",
        "Meet at Paseo Verde 4 pm.",
        "Ronda Jones 12 years old",
        "por la Calzada Romana 20 minutos",
        # review rv60c: a count or a unit the Italian, Portuguese and Catalan reader knew
        "Av. Libertador 3 semanas",
        "Av. Corrientes 2 cuadras",
        "Avenida Paulista 2 milh\u00f5es",
        "Calle Luna 3 millones de personas",
        "Avenida Paulista 2 mil pessoas",
    ):
        assert personal(text) == [], text
    assert personal("Vive en Calle Luna 3, 28014 Madrid.") == [("street address", "Calle Luna 3")]
    assert personal("Vive en Calle Mayor 5 desde mayo.") == [("street address", "Calle Mayor 5")]


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Vive en Calle del Sol 23 Mil Cumbres, Morelia.", "Calle del Sol 23"),
        ("Vive en Calle Mayor 5 Pesos Altos.", "Calle Mayor 5"),
        ("La dirección es Calle Ancha 12 Semanas.", "Calle Ancha 12"),
        ("Vive en Calle Luna 3 Personas de la familia la visitan.", "Calle Luna 3"),
    ],
)
def test_a_capitalised_word_after_the_number_is_a_name_not_a_unit(text: str, street: str) -> None:
    """Review rv61a: with the shared list read ignoring case, a neighbourhood's name after
    the number ("Mil Cumbres", Morelia) made it a count, and the address passed; prose
    writes its units in small letters ("3 mil personas"), or an abbreviation ("10 KM")."""
    assert personal(text) == [("street address", street)]
    assert personal(text.replace(street, street + " mil")) == [], text


def test_an_english_title_writes_its_units_capitalised() -> None:
    """An English heading capitalises its words ("Walking the Camino Francés 30 Days"):
    an English unit so written stays a unit (review rv61a)."""
    for text in ("Walking the Camino Francés 30 Days", "The Via Francigena 40 Days Pilgrimage"):
        assert personal(text) == [], text


# What the texts of the property test are made of: types in both cases, names, links, each
# way to write a number's `nº`, digits beyond ASCII, spaces of each kind and marks.
_PIECES = (
    "Calle", "calle", "C/", "C/Mayor", "Avenida", "Avda.", "Av.", "av.", "Plaza", "plaza",
    "Pza.", "Camino", "Callejón", "Travesía", "Prolongación", "Ronda", "paseo", "Luna",
    "Mayor", "Alcalá", "Éle", "E\u0301le", "Ñandú", "Sur", "O'Donnell", "Sánchez-Pacheco",
    "de", "del", "la", "y", "en", "por",
    "nº", "N.º", "n.o.", "no", "núm.", "numero", "No.", "#", "n°", "12", "1985", "99999",
    "123456", "4B", "\u0664\u0665", "\uff14\uff15", "3,5", "12/2023", "%", "km", "Col.",
    "28014", ",", ".", ":", "-", "'", "\u2019", "*", "_", "中文", "\u00a0", "\u3000", "\t",
    "\n", "\n\n", "\r\n", "\x0c", "\x1c", "the", "kind89", "Dirección:",
)  # fmt: skip


# Each character that may stand right before a street's number.
_BEFORE_NUMBERS = [
    f"Vive en Calle Luna{before}12 ya."
    for before in (
        " ", ",", "\t", "\n", " n.\x0bº", "\u00a0", "\u3000", " no", " numero", " num", " num.",
        " No.", " #", " n.o", " n.o.", " nº", " n°", " N.º",
    )
]  # fmt: skip


def _texts(count: int) -> list[str]:
    """`count` texts of the pieces, a street's parts in a street's order for the most."""
    rng = random.Random(59)
    texts = []
    for _ in range(count):
        pieces = []
        for _ in range(rng.randint(1, 4)):
            if rng.random() < 0.3:  # anything
                pieces += rng.choices(_PIECES, k=rng.randint(1, 8))
            else:  # a type, one to five names and links, maybe a `nº`, a number
                pieces += [
                    rng.choice(_PIECES[:15]),
                    *rng.choices(_PIECES[15:32], k=rng.randint(1, 5)),
                ]
                pieces += rng.choices(_PIECES[32:41], k=rng.randint(0, 1))
                pieces += [rng.choice(_PIECES[41:49]), *rng.choices(_PIECES, k=rng.randint(0, 2))]
        texts.append("".join(piece + rng.choice(_SPACES) for piece in pieces))
    return texts


_SPACES = ("", " ", " ", " ", ", ", "  ", "\n", "\u00a0", "\t")


def test_the_runs_before_a_number_find_what_the_whole_text_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The types are looked for only in the runs of a text that end at a number a street
    may have (`_number_runs`): the streets found are those found looking for them in the
    whole text (2,000 texts of street-like pieces, derandomised), every number read run by
    run or the rest of the text read whole past a few (`_CHARS_PER_NUMBER`)."""
    texts = [*_BEFORE_NUMBERS, "C/Ab 1", "C/Ab,1", "Av. Ab 1", *_texts(2_000)]
    found = {}
    for chars_per_number in (1, 8, streets._CHARS_PER_NUMBER):
        monkeypatch.setattr(streets, "_CHARS_PER_NUMBER", chars_per_number)
        found[chars_per_number] = [list(name_first_streets(text)) for text in texts]
    assert all(found[1][: len(_BEFORE_NUMBERS) + 3])
    assert sum(map(bool, found[1])) > 200  # the pieces make streets: the test tests
    monkeypatch.setattr(streets, "_number_runs", lambda text: iter([(0, len(text))]))
    whole = [list(name_first_streets(text)) for text in texts]
    assert all(streets_found == whole for streets_found in found.values())


def test_a_text_dense_in_numbers_is_read_whole_past_its_share_of_them() -> None:
    """A table of figures has a number in a few characters: past a number for each
    `_CHARS_PER_NUMBER` characters, the rest is one run (a Python step for each of its
    numbers cost 15 times the whole text's pass), and its streets are found there."""
    table = "| 2019 | 1,234 | 56 | 7.8 |\n" * 1_000 + "Vive en Calle Luna 12.\n"
    runs = list(streets._number_runs(table))
    assert len(runs) <= len(table) // streets._CHARS_PER_NUMBER + 1
    assert runs[-1][1] == len(table)
    assert [table[start:end] for start, end in name_first_streets(table)] == ["Calle Luna 12"]


def test_every_decimal_digit_beyond_ascii_is_one_that_turns_off_the_runs() -> None:
    """`_number_runs` reads a number's digits in ASCII: a text with another that `\\d`
    reads (`Calle Luna ٤٥`) is read whole (`has_digit_past_ascii`)."""
    digits = [
        chr(code) for code in range(0x80, sys.maxunicode + 1) if re.fullmatch(r"\d", chr(code))
    ]
    assert len(digits) > 600
    assert all(has_digit_past_ascii(f"Calle \u2019{digit}") for digit in digits)
    assert list(name_first_streets("Vive en Calle Luna \u0664\u0665.")) == [(8, 21)]


SHAPES = {
    "numbers": "'Calle Luna 1 ' * 3_000",
    "a run before a number": "'Calle Luna ' * 3_600 + '1'",
    "digits beyond ASCII": "'Calle Luna \\u0664 ' * 3_000",
    "CJK before a number": "'\\u4e2d' * 40_000 + ' 1'",
    "a name's hyphens": "'Calle ' * 4 + 'Ab-' * 13_000 + 'Ab 1'",
    "hyphens and apostrophes": "\"Calle O'Ab-Cd \" * 3_000 + '1'",
    "line breaks and spaces after numbers": "('Calle Luna 1' + '\\n' + ' ' * 400 + 'x') * 100",
    "blank lines after numbers": "'Calle Luna 1 \\n \\n' * 5_000",
}


@pytest.mark.parametrize("shape", SHAPES.values(), ids=SHAPES)
def test_it_is_read_in_linear_time(shape: str) -> None:
    """The runs before numbers (`_number_runs`) and a digit beyond ASCII are found in one
    pass: one shape of about 40,000 characters a child, under the suite's CPU-time
    guard."""
    from work import python_in_time

    completed = python_in_time(
        "from coalition_handbook.rules.privacy_name_first_streets import name_first_streets\n"
        f"list(name_first_streets({shape}))\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Vive en Calle Luna s/n, 28001 Madrid.", "Calle Luna s/n"),
        ("Calle Mayor, sin número, 28013 Madrid", "Calle Mayor, sin número"),
        ("Sede: Plaza de España s/n", "Plaza de España s/n"),
        ("Ayuntamiento: Plaza Mayor S/N.", "Plaza Mayor S/N"),
        ("Plaza Mayor s/n, 28001 Madrid", "Plaza Mayor s/n"),
        ("Ayuntamiento, Plaza Mayor sin número.", "Plaza Mayor sin número"),
        ("Vive en Calle Luna s/nº, 3.º B.", "Calle Luna s/nº"),
        ("vive en la calle Luna s/n", "calle Luna s/n"),
        ("Oficina en C/ Mayor, s/n 28013 Madrid", "C/ Mayor, s/n"),
        ("Vive en Av. Insurgentes Sur S/N, Col. Roma.", "Av. Insurgentes Sur S/N"),
        ("Vive en Calle Sin Nombre s/n.", "Calle Sin Nombre s/n"),
        # pii65: an `S/N` alone is an address's where more than its type says so
        ("Calle Luna S/N", "Calle Luna S/N"),
        ("Camino del Rey S/N", "Camino del Rey S/N"),
        ("Vive en Camino Real S/N.", "Camino Real S/N"),
        ("Camino Real S/N, Santa Fe, NM", "Camino Real S/N"),
        ("Avenida Central, S/N.", "Avenida Central, S/N"),
        ("Vive en Calle Luna s/n 28001 Madrid", "Calle Luna s/n"),
        ("Vive en Calle Luna SIN N\u00daMERO, 28001 Madrid.", "Calle Luna SIN N\u00daMERO"),
        ("Plaza Mayor SIN NUMERO", "Plaza Mayor SIN NUMERO"),
        # pii66: an article before the street is Spanish's too, not only English's
        ("Vive en el Camino Real S/N, Madrid.", "Camino Real S/N"),
        ("She stays at the Camino Real S/N, Santa Fe.", "Camino Real S/N"),
    ],
)
def test_an_address_with_no_house_number_is_reported(text: str, street: str) -> None:
    """spd63: the mark of no house number (`s/n`, `sin número`) stands where the number
    would, and the street before it went unreported."""
    assert personal(text) == [("street address", street)]


@pytest.mark.parametrize(
    "text",
    [
        "Hubo un sin número de casos en la calle.",
        "Vive en la Calle Mayor sin número de teléfono.",
        "La Calle sin número no aparece en el mapa.",
        "Check the S/N ratio of the Plaza Hotel S/N ratio.",
        "The Camino Real S/N Ratio is measured in decibels.",
        # rv63a: `Plaza` is English too, and `S/N` an English serial number
        "Staff at the Plaza Hotel S/N check-in desk.",
        "Record the Plaza Hotel s/n in the log.",
        "Plaza Router S/N ABC-123 is on its label.",
        "The Avenida Central S/N: 4412 is the router's serial.",
        "The Avenida Central S/N 4412 is on its label.",
        "Write the s/n on the form; Calle is our mascot s/n.",
        "Calle Luna s/nx and Calle Luna s/n/a",
        # pii65: with no countries listed, an English serial number after an English
        # name's Avenida or Camino, and a postcode's five digits alone after it
        "The Avenida Mall S/N is printed on the receipt.",
        "Camino Real S/N",
        "Avenida Router, S/N 12345",
        "The Avenida Mall S/N 12345 ABC is printed.",
        "Read the Camino Real S/N, Model and Date on its label.",
        "The El Camino Real S/N is on the label.",
        "Camino Real S/N - Model X",
        "Update the Avenida Router S/N, Firmware 2 first.",
        "Vive en la Calle Luna SIN N\u00daMERO DE tel\u00e9fono.",
        # pii66: an English article before the street, a form's next field after the comma
        "Record the Camino Real S/N, Warranty.",
        "Note your Avenida Mall S/N, Model and Date.",
    ],
)
def test_prose_with_a_mark_of_no_number_is_no_address(text: str) -> None:
    """`sin número de` is a phrase, `S/N` a ratio's or a serial number's, a type with no
    capitalised name no street; an `S/N` after a type that English writes too, with
    nothing around it that English has not (pii65: those failed an editor's build)."""
    assert personal(text) == []


def test_a_public_office_with_no_house_number_listed_allows_its_street(tmp_path: Path) -> None:
    page = "# Oficinas\n\nAyuntamiento: Plaza Mayor s/n.\nElla vive en Calle Luna s/n.\n"
    found = [(f.line, f.found) for f in privacy_findings(tmp_path, page, ["Plaza Mayor s/n"])]
    assert found == [(4, "Calle Luna s/n")]


def test_a_mark_of_no_number_inside_emphasis_is_read_as_a_number_is(tmp_path: Path) -> None:
    """pii65: emphasis held a house number read through (`Calle Luna **12**`), but not the
    mark that stands for none (`**s/n**`, `_s/n_`): the address passed. Listed without its
    emphasis, as a number is, a public office's is allowed."""
    page = (
        "# Oficinas\n\nAyuntamiento: Plaza Mayor **s/n**.\n"
        "Ella vive en Calle Luna _s/n_, 28001 Madrid.\nThe Avenida Mall **S/N** is printed.\n"
    )
    found = [(f.line, f.found) for f in privacy_findings(tmp_path, page, ["Plaza Mayor s/n"])]
    assert found == [(4, "Calle Luna _s/n")]


NO_NUMBER_SHAPES = {
    "marks alone": "'s/n ' * 20_000",
    "streets with no number": "'Calle Luna s/n ' * 10_000",
    "types before marks": "'Calle C/' * 20_000 + ' Ab s/n'",
    "names before marks": "'Calle Ab Ab Ab Ab ' * 5_000 + 's/n ' * 5_000",
    "spaces after marks": "('Calle Ab Ab s/n' + ' ' * 200 + ': ') * 500",
    "phrases": "'Calle Mayor sin n\\u00famero de ' * 8_000",
    "towns after marks": "'Camino Ab S/N, Ab Ab Ab Ab ' * 4_000",
    "postcodes after marks": "'Camino Ab S/N 12345 Ab' * 5_000",
    "marks in capitals": "'Calle Mayor SIN N\\u00daMERO DE ' * 6_000 + 'MERO ' * 20_000",
    "line breaks and spaces after marks": "('Calle Ab s/n' + '\\n' + ' ' * 400 + 'x') * 250",
    "blank lines in marks": "'Calle Ab sin\\n \\n n\\u00famero \\n\\n' * 5_000",
}


@pytest.mark.parametrize("shape", NO_NUMBER_SHAPES.values(), ids=NO_NUMBER_SHAPES)
def test_streets_with_no_number_are_read_in_linear_time(shape: str) -> None:
    """Each mark's window before it is read once (`type_first_marks`): a shape of about
    100,000 characters a child, under the suite's CPU-time guard."""
    from work import python_in_time

    completed = python_in_time(
        "from coalition_handbook.rules.privacy_name_first_streets import name_first_streets\n"
        f"list(name_first_streets({shape}))\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


def test_a_mark_s_window_is_not_read_again_past_the_mark_before() -> None:
    """rv63a: dense marks' windows overlapped, each type in the 120 characters before a
    mark tried again at every mark (`C/s/n` a million characters long took 3 s); a type
    before the mark before cannot end at this one (a name holds no mark)."""
    tried: list[int] = []

    class Counted:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def match(self, text: str, start: int) -> re.Match[str] | None:
            tried.append(start)
            return self.pattern.match(text, start)

    capitalised, in_lower_case, before = streets._spanish_patterns_of_marks()
    text = "C/s/n" * 1_000
    found = list(
        streets.type_first_marks(
            text,
            streets._type_starts(),
            lambda: (Counted(capitalised), Counted(in_lower_case), before),  # type: ignore[return-value]
        )
    )
    assert found == []
    assert len(tried) <= 1_000


def test_a_paragraph_break_ends_a_street_and_what_tells_its_number() -> None:
    """spd64: `sin` and `número` in two paragraphs were one mark of no house number (a
    finding across the blank line), and a month or a number that starts the next
    paragraph was read as the date or the serial number after the street's."""
    assert personal_in("Calle Mayor, sin\n\nnúmero.") == []
    assert personal_in("Vive en Calle Mayor, sin\nnúmero.") == [
        ("street address", "Calle Mayor, sin\nnúmero")
    ]
    assert personal_in("Vive en Calle Luna 12\n\nDe mayo a junio trabajó allí.") == [
        ("street address", "Calle Luna 12")
    ]
    assert personal_in("Vive en Calle Luna s/n\n\n2 hijos viven con ella.") == [
        ("street address", "Calle Luna s/n")
    ]
    assert personal_in("Vive en Calle Luna s/n\n \n: nota") == [
        ("street address", "Calle Luna s/n")
    ]
    # within a paragraph, the month is the date's and the number the serial's
    assert personal_in("Vive en Calle Luna 12\nde mayo a junio.") == []
    assert personal_in("Vive en Calle Luna s/n\n2 hijos.") == []


def personal_in(text: str) -> list[tuple[str, str]]:
    return [
        (kind, text[start:end]) for kind, start, end in find_personal_data(text, countries=("ES",))
    ]


def test_an_s_n_alone_is_an_address_s_where_a_country_that_writes_one_is_listed() -> None:
    """rv64c: since pii65 an `S/N` alone after `Av.` or `Camino` was English's serial
    number whatever privacy.countries listed, and a shelter's address in a table's cell
    or a list's item went unreported with MX, ES or BR listed; with none listed, English
    prose's stays quiet."""
    cell = "| Casa Esperanza | Av. Insurgentes Sur S/N |"
    for countries in (("MX",), ("es",), ("BR",)):
        found = find_personal_data(cell, countries=countries)
        assert [cell[start:end] for _, start, end in found] == ["Av. Insurgentes Sur S/N"]
    item = "- Avenida Paulista S/N"
    assert [item[s:e] for _, s, e in find_personal_data(item, countries=("BR",))] == [item[2:]]
    for quiet in (cell, item, "The Avenida Mall S/N is printed on the receipt."):
        assert list(find_personal_data(quiet, countries=("US", "GB", "IT"))) == [], quiet
        assert personal(quiet) == [], quiet
