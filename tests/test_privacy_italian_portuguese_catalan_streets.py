"""privacy.pii on street addresses written as Italian, Portuguese and Catalan write them,
the type and name first and the house number after (`Via Roma 10`, `Rua Augusta, nº 5`,
`Carrer d'Aragó 5`). An audit: none was reported, whatever privacy.countries listed, so a
handbook's survivor's address in Milan, Lisbon, São Paulo or Barcelona was published. They
are read where privacy.countries lists a country that writes them so."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_privacy_national import privacy_findings as national_findings

from coalition_handbook.rules.privacy_personal_data import find_personal_data

COUNTRIES = ("IT", "PT", "BR", "ES")


def personal(text: str, countries: tuple[str, ...] = COUNTRIES) -> list[tuple[str, str]]:
    found = find_personal_data(text, countries=countries)
    return [(kind, text[start:end]) for kind, start, end in found]


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Abita in Via Roma 10.", "Via Roma 10"),
        ("Sede: Viale Monza 12, 20125 Milano", "Viale Monza 12"),
        ("in Piazza Garibaldi 3", "Piazza Garibaldi 3"),
        ("Corso Buenos Aires 45", "Corso Buenos Aires 45"),
        ("abita in via Roma 10, 00184 Roma", "via Roma 10"),
        ("Via XX Settembre 5", "Via XX Settembre 5"),
        ("Vive na Rua Augusta, nº 5.", "Rua Augusta, nº 5"),
        ("Avenida da Liberdade 110", "Avenida da Liberdade 110"),
        ("Rua das Flores, 23", "Rua das Flores, 23"),
        ("Rua Augusta, 1500", "Rua Augusta, 1500"),
        ("mora na rua das Flores 23", "rua das Flores 23"),
        ("Rua 25 de Março 100", "Rua 25 de Março 100"),
        ("Carrer d'Aragó 5", "Carrer d'Aragó 5"),
        ("Carrer de Mallorca 401", "Carrer de Mallorca 401"),
        ("Passeig de Gràcia 43", "Passeig de Gràcia 43"),
        ("viu a l'avinguda Diagonal 640", "avinguda Diagonal 640"),
        ("Indirizzo: Via Roma 1985", "Via Roma 1985"),
        ("Rua Augusta 1990, 1100-053 Lisboa", "Rua Augusta 1990"),
        ("Corso di Porta Ticinese 12", "Corso di Porta Ticinese 12"),  # a street
        ("Via Postumia 3", "Via Postumia 3"),
        # review rv60c: a Corso of one word where a place's word or an address says a street
        ("abita in Corso Garibaldi 5", "Corso Garibaldi 5"),
        ("Sede: Corso Como 10", "Corso Como 10"),
        ("Corso Magenta, 12", "Corso Magenta, 12"),
        ("Corso Vercelli 3, 20144 Milano", "Corso Vercelli 3"),
        ("Corso Vercelli nº 3", "Corso Vercelli nº 3"),
        # A Corso of one word alone, as a contact list writes one: a street, though a course
        # no list of subjects knows reads alike ("Corso Antitratta 2", allowed by the editor)
        ("- Corso Garibaldi 5", "Corso Garibaldi 5"),
        ("Corso Garibaldi 5 (Milano)", "Corso Garibaldi 5"),
        ("Indirizzo: Via Crucis 14", "Via Crucis 14"),  # a street so named, an address
        ("Via Crucis 14, 00100 Roma", "Via Crucis 14"),
        # review rv61a: a place's word says a street, as for a Corso
        ("abita in Via Crucis 14", "Via Crucis 14"),
        ("mora a Via Lucis 3", "Via Lucis 3"),
        # session 60's leftover: a dwelling's word before an article's Corso says a street
        ("Abita al Corso Garibaldi 5", "Corso Garibaldi 5"),
        ("Vive sul Corso Vittorio Emanuele 5", "Corso Vittorio Emanuele 5"),
        ("La sede \u00e8 al Corso Umberto 12.", "Corso Umberto 12"),
        ("il Corso Italia 5, 20122 Milano", "Corso Italia 5"),  # an address around it
        ("Il centro si trova al Corso Garibaldi 5", "Corso Garibaldi 5"),
        ("La casa \u00e8 al Corso Garibaldi 5", "Corso Garibaldi 5"),
    ],
)
def test_italian_portuguese_and_catalan_streets_are_reported(text: str, street: str) -> None:
    assert personal(text) == [("street address", street)]


@pytest.mark.parametrize(
    "text",
    [
        "la strage di Piazza Fontana 1969",  # a year, no address around it
        "Via Appia 10 km",
        "Rua Nova 3 vezes",
        "Corso Italia 25 aprile",  # a date
        "Carrer Gran 5 de març",
        "Il Corso Python 3 inizia lunedì.",  # a course
        "Corso Base 2: introduzione",  # a title
        "- Corso Base 1\n- Corso Avanzato 2",  # a list of courses
        "il corso Python 3",
        "Estrada Nacional 10",  # a road the state numbers
        "Via Provinciale 12",
        "Borgo San Dalmazzo 12000 abitanti",
        "Largo Consumo 5%",
        "Via Francigena 12 tappe",
        "sent Via Email 2 times",
        # review rv60b: a way of reaching in English, a course's subject, a count
        "Submit Via Form 2",
        "log in via Email 2 steps; we meet in via Teams 1:1",
        "How to report Via Email\n2. Send it.",
        "Corso di Italiano 2 per stranieri",
        "- Corso di Formazione 3\n- Corso di Laurea 1",
        "La Via Campesina, 200 milioni di contadini",
        "Via Emilia 2 settimane",
        "Piazza Affari 2 per cento",
        "Hotel Via Veneto 4 stelle",
        "per via di 3 motivi; in via Eccezionale",
        # review rv60c: an English county's name and a service's number
        "Call Alameda County 211 for help",
        "Alameda County 211, Orange County 211",
        "Via Crucis 14",  # the Stations of the Cross
        "la Via Crucis 14 stazioni; la via Lucis 14",
        # a course's after joining or telling, an article's with no dwelling's word
        "Iscriviti al Corso Python 3 entro venerd\u00ec.",
        "Informazioni sul Corso Base 2; partecipa al Corso Antitratta 2",
        "abita al Corso di Laurea 3",  # a course's subject, whatever stands before
        "Il Corso Excel 2, sala B",  # a room after a course's number: only a postcode says
        # review rv62b: finding or a home is no dwelling; a count after five digits
        "Trova al Corso Python 3 le risorse; abbiamo parlato di casa al Corso Antitratta 2",
        "il Corso Python 2, 12345 iscritti",
    ],
)
def test_prose_with_such_a_street_type_and_a_number_is_no_address(text: str) -> None:
    assert personal(text) == []


def test_a_type_of_one_letter_is_a_street_s_where_more_than_an_initial_says_so() -> None:
    """Session 60's leftover: Brazil's `R.` and Catalonia's and Spain's `C.` were not
    read; they are initials too ("R. Kelly", "C. Ronaldo 7", a shirt's number), so a
    link's word, a number of three digits or more, a `nº` or an address says a street,
    and never a law's letters ("8 U.S.C. Section 1101") nor a title ("Dr. R. Santos").
    (Where a sentence starts, a link's word no longer does: "R. das Flores, 23." and "C.
    de Mallorca 5." after a full stop are left, as the test of a line's or a sentence's
    start says.)"""
    text = (
        "Mora na R. Augusta, 1500 - Consola\u00e7\u00e3o. R. das Flores, 23. "
        "R. Augusta, n\u00ba 15. Visc al C. Mallorca 401. C. de Mallorca 5. "
        "Endere\u00e7o: R. Nova, 15"
    )
    assert [street for _, street in personal(text, ("BR", "ES"))] == [
        "R. Augusta, 1500",
        "R. Augusta, n\u00ba 15",
        "C. Mallorca 401",
        "R. Nova, 15",
    ]
    prose = (
        "R. Kelly 2003; R. Smith, 25, of Leeds; C. Ronaldo 7 scored; J. Smith 5; "
        "8 U.S.C. Section 1101; 18 U.S.C. Sec 1589; Dr. R. Santos 120; R. Kelly 3 times; "
        "J. R. Smith 123; hacia el 44 a. C. Roma 300"
    )
    assert personal(prose, ("BR", "ES", "PT", "AD")) == []
    assert personal("C. Mallorca 401; R. Augusta, 1500", ("IT", "GB")) == []


def test_a_type_of_one_letter_after_a_word_is_a_name_s_or_a_sentence_s_end() -> None:
    """Review rv62b: a one-letter type with three digits after it was a street wherever
    it stood: a sentence's last letter ("Vitamin C. Take 500 mg"), an author and a page
    ("seg\u00fan C. Mart\u00ednez 125"), a law's article ("el C. Penal 318") were reported
    with ES, PT or BR listed. After a place's preposition it is a street's (where a line
    starts, only in a Portuguese address's shape: "(C. Mallorca 401)" and "- C. Mallorca
    402" are left, as the test of a line's or a sentence's start says)."""
    prose = (
        "Vitamin C. Take 500 mg daily. Medicare Part C. Plans 500 vary. Water boils at "
        "100 \u00b0C. After 200 seconds it cools. Exhibit C. Section 101 applies. "
        "Seg\u00fan C. Mart\u00ednez 125, la trata crece; el C. Penal 318 la castiga. "
        "Item R. Lista 123; como se\u00f1ala C. Mart\u00ednez, 125; Anexo C. Tabla 123. "
        "Pienso en C. Ronaldo 7; votei em R. Silva 12.\nAutor: C. Mart\u00ednez 12\n"
        "Nota: C. Ronaldo 7\nVer: C. Penal 318\nVitamin A-C. Take 500 mg"
    )
    assert personal(prose, ("US", "ES", "PT", "BR")) == []
    text = (
        "Mora na R. Augusta 15.\n(C. Mallorca 401)\nEstamos en la C. Mallorca 40. "
        "Viu al C. Major 12\nDirecci\u00f3n: C. Mallorca 4\n - C. Mallorca 402\n"
        "Rua: R. Augusta 1500"
    )
    assert [street for _, street in personal(text, ("BR", "ES"))] == [
        "R. Augusta 15",
        "C. Mallorca 40",
        "C. Major 12",
        "C. Mallorca 4",
        "R. Augusta 1500",
    ]


def test_a_type_of_one_letter_where_a_line_or_a_sentence_starts_is_an_initial_alone() -> None:
    """Review rv62b's leftover: where a line or a sentence starts, a one-letter type with
    a number of three digits or a link's word after it was a street: a name's initial
    ("C. Ronaldo 700", "R. dos Santos 123", "O tr\u00e1fico cresce. R. da Silva 12
    afirma"), one after an abbreviation's full stop ("Tel. C. Smith 555") and a code of
    law's ("conforme al C. Penal 318") were reported with ES, PT or BR listed. Where a
    sentence starts nothing of the kind says a street; where a line starts, a Portuguese
    address's shape does: a comma before a number of three digits or more, or a link's
    word and a town after the number."""
    prose = (
        "C. Ronaldo 700\nR. Kelly 212\nC. S. Lewis 300\nC. Penal 177 bis\n"
        "R. dos Santos 123\n- C. Mallorca 402\n(C. Mallorca 401)\n1. R. da Silva 12\n"
        "O tr\u00e1fico cresce. R. da Silva 12 afirma. Consola\u00e7\u00e3o. R. das "
        "Flores, 23. Viu C. de Mallorca 5. Obrigado! R. dos Santos 123; R. Silva, 25, of "
        "Leeds\nTel. C. Smith 555; Inc. C. Brown 500; Vol. C. Part 123; Jr. R. Smith 101\n"
        "conforme al C. Penal 318; R. Smith, 25, Leeds; - C. Ronaldo, 7, Real Madrid"
    )
    assert personal(prose, ("US", "ES", "PT", "BR")) == []
    text = (
        "Moro na R. Augusta 12\nViu al C. Major 12\nRua: R. Augusta 1500\n"
        "R. Augusta, 1500\n- R. das Flores, 23, S\u00e3o Paulo\n1. R. Augusta, 1501\n"
        "| C. Mallorca, 401 |\n* R. Nova, n\u00ba 5"
    )
    assert [street for _, street in personal(text, ("ES", "PT", "BR"))] == [
        "R. Augusta 12",
        "C. Major 12",
        "R. Augusta 1500",
        "R. Augusta, 1500",
        "R. das Flores, 23",
        "R. Augusta, 1501",
        "C. Mallorca, 401",
        "R. Nova, n\u00ba 5",
    ]


def test_a_one_letter_type_after_en_or_before_a_surname_is_a_name_s() -> None:
    """pii65: after `en` or `em`, a number of three digits made a one-letter type a street
    ("Pienso en C. Ronaldo 700", a shirt's number), and where a line starts a link's word
    and a town after the number ("1) R. dos Santos, 45, S\u00e3o Paulo", a person, an age
    and a town): both were reported. A word of dwelling before `en` or `em` says a street
    whatever its number; a link's word before a common surname says none. A shelter's
    label and a Brazilian neighbourhood after a dash say one ("Abrigo: R. das Flores, 23 -
    Centro" passed)."""
    prose = (
        "Pienso en C. Ronaldo 700\n1) R. dos Santos, 45, S\u00e3o Paulo\n"
        "Votei em R. da Silva 123\n1) R. da Silva, 30, Recife\nR. dos Santos, 45 - Advogado"
    )
    assert personal(prose, ("ES", "PT", "BR")) == []
    text = (
        "Vivo en C. Mallorca 4\nOficina en C. Mallorca 401\nMoro em R. das Flores 23\n"
        "- R. das Flores, 23, S\u00e3o Paulo\nAbrigo: R. das Flores, 23 - Centro\n"
        "- R. das Flores, 24 - Centro\nAlbergue: C. Mallorca 5"
    )
    assert [street for _, street in personal(text, ("ES", "PT", "BR"))] == [
        "C. Mallorca 4",
        "C. Mallorca 401",
        "R. das Flores 23",
        "R. das Flores, 23",
        "R. das Flores, 23",
        "R. das Flores, 24",
        "C. Mallorca 5",
    ]


def test_spanish_prose_the_spanish_reader_leaves_is_left_with_es_listed() -> None:
    """Review rv60b: Catalan's `Av.`, `Avda.` and `Via` are Spanish's too, and with ES
    listed a date or a count after one, which the Spanish reader leaves, was reported."""
    text = (
        "La marcha por Av. Insurgentes 12 de mayo. Recorrimos la Av. Reforma 3 veces. "
        "Av. Constituci\u00f3n 5 a\u00f1os, Avda. Diagonal 2 d\u00edas, Via Augusta 5 de junio."
    )
    assert personal(text, ("ES",)) == []


def test_an_english_via_before_a_phone_number_is_no_street() -> None:
    """Review rv60b: with the hotline listed in privacy.allow, a site listing IT, CH or
    ES failed its build on "Via Phone 1" of an English page."""
    text = "Contact Us Via Phone 1-888-373-7888"
    assert personal(text) == [("phone number", "1-888-373-7888")]


def test_a_street_named_by_a_date_is_read_in_a_long_text() -> None:
    """The types are looked for in the runs of text before a number (`_number_runs`):
    `Rua ` before the day of `Rua 25 de Março 100` is a run of 4 characters, which a
    page's text around it left unread (only a text of 64 characters a number or
    fewer, read whole, found it)."""
    text = "Ver a lista abaixo. " * 20 + "`Rua 25 de Março 100`, `Via 4 Novembre 12`"
    assert personal(text) == [
        ("street address", "Rua 25 de Março 100"),
        ("street address", "Via 4 Novembre 12"),
    ]


def test_they_are_read_only_where_privacy_countries_lists_a_country_writing_them() -> None:
    text = "Via Roma 10; Rua Augusta, 1500; Carrer d'Aragó 5"
    assert personal(text, ()) == []
    assert personal(text, ("GB", "FR")) == []
    assert personal(text, ("sm",)) == [("street address", "Via Roma 10")]
    assert personal(text, ("BR",)) == [("street address", "Rua Augusta, 1500")]
    assert personal(text, ("AD",)) == [  # Catalan writes a Via too
        ("street address", "Via Roma 10"),
        ("street address", "Carrer d'Aragó 5"),
    ]


def test_a_spanish_street_named_by_a_date_is_read_to_its_house_number() -> None:
    """`Calle 5 de Mayo 12`: the type, a day, `de` and a month name the street (common
    in Mexico), then the house number; no countries needed, as for any Spanish street."""
    assert personal("Vive en Calle 5 de Mayo 12.", ()) == [("street address", "Calle 5 de Mayo 12")]
    assert personal("Avenida 16 de Septiembre 45, Col. Centro", ()) == [
        ("street address", "Avenida 16 de Septiembre 45")
    ]
    assert personal("Calle 5 de Mayo 2019", ()) == []  # a year, no address around


def test_a_public_office_listed_as_a_letter_writes_it_allows_its_street(tmp_path: Path) -> None:
    page = (
        "# Uffici\n\n"
        "Sede: Via Roma 10. Escritório: Rua Augusta, 1500.\n"
        "La vittima abita in Via Roma 12.\n"
    )
    allow = ["Via Roma 10, 00184 Roma", "Rua Augusta, 1500, 01305-100 São Paulo"]
    found = [(f.line, f.found) for f in national_findings(tmp_path, page, ["IT", "BR"], allow)]
    assert found == [(4, "Via Roma 12")]


# Runs that the patterns may try at every word: capitalised names, links, apostrophes and
# types repeated. In four groups, each guarded alone: all 39 in one child took 16-18 s of
# its 20 s of CPU, and failed on a loaded machine with no quadratic path at all.
_LINEAR_RUNS = (
    "Via Roma ", "Rua da ", "d'Ab ", "Carrer de la ", "via ", "in via A ", "XX ",
    "5 de Mar\u00e7o ", "Corso ", "S. ", "Rua Augusta, n\u00ba ", "Via Email 1 ",
    "Corso di Formazione 2 ", "Via Roma 1: ", "abita al Corso ", "la sede \u00e8 sul ",
    "R. ", "C. de ", "Dr. R. A ", "R. Ab, n\u00ba ", "na R. Ab 123 ", "en la C. Ab 12 ",
    "x C. Ab 123 ", "si trova al Corso Ab 3 ", "il Corso Ab 3, 12345 x ",
    ". R. das Ab 123 ", "\n- R. das Ab, 23, ", "R. Ab, 123 ", "C. Penal 1 ",
    "\n1. R. Ab 12, ", "| C. Ab, 123 ", "vivo en C. Ab 1 ", "em R. dos Santos 1 ",
    "\n1) R. dos Santos, 45, Ab ", "Abrigo: R. das Ab, 2 - Ab ", "VIA AB ",
    "VIA DELL'AB ", "\nVIA AB-AB ", "Bar Via Ab snc ",
)  # fmt: skip


@pytest.mark.parametrize("group", range(4))
def test_italian_portuguese_and_catalan_streets_are_read_in_linear_time(group: int) -> None:
    """A megabyte of each run in `_LINEAR_RUNS` (DESIGN section 11)."""
    from work import python_in_time

    runs = _LINEAR_RUNS[group::4]
    code = (
        "from coalition_handbook.rules.privacy_italian_portuguese_catalan_streets import "
        "italian_portuguese_catalan_streets as found\n"
        f"for run in {runs!r}:\n"
        "    list(found('Via A' + run * (1_000_000 // len(run)) + ' 5', ('IT', 'PT', 'AD')))\n"
    )
    completed = python_in_time(code)
    assert completed.returncode == 0, completed.stderr


def test_a_capitalised_word_after_the_number_is_a_name_not_a_unit() -> None:
    """Review rv61a: "Illes Balears" read as a count of blocks (`illes`), the address passed."""
    assert personal("Visc al Carrer Major 5 Illes Balears.") == [
        ("street address", "Carrer Major 5")
    ]
    assert personal("Visc al Carrer Major 5 illes més enllà.") == []
    # session 60's leftover: a unit's word capitalised after the number is a name too,
    # as an address card's next line; prose writes its units in small letters
    assert [street for _, street in personal("Rua Augusta 5 Dias; Via Roma 5\nOre 9-18")] == [
        "Rua Augusta 5",
        "Via Roma 5",
    ]
    assert personal("Rua Augusta 5 dias; Via Roma 5 ore di cammino") == []


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Rua Augusta, s/n, Lisboa", "Rua Augusta, s/n"),
        ("Mora na Rua das Flores, sem número, 1100-053 Lisboa.", "Rua das Flores, sem número"),
        ("Mora na rua das Flores s/nº.", "rua das Flores s/nº"),
        ("Avenida da Liberdade S/N, Lisboa", "Avenida da Liberdade S/N"),
        ("R. Augusta, s/n", "R. Augusta, s/n"),
        ("Mora na R. Augusta s/n.", "R. Augusta s/n"),
        ("Viu al Passeig de Gràcia s/n, 08007 Barcelona.", "Passeig de Gràcia s/n"),
        ("Mora na Rua Augusta SEM N\u00daMERO.", "Rua Augusta SEM N\u00daMERO"),
        ("Av. Paulista, S/N - Bela Vista, S\u00e3o Paulo", "Av. Paulista, S/N"),
    ],
)
def test_an_address_with_no_house_number_is_reported(text: str, street: str) -> None:
    """spd63: with PT, BR or AD listed, the mark of no house number (`s/n`, `sem número`)
    stands where the number would, and the street before it went unreported."""
    assert personal(text, ("PT", "BR", "AD")) == [("street address", street)]


@pytest.mark.parametrize(
    "text",
    [
        "Houve um sem número de casos na Rua Augusta.",
        "Mora na Rua Augusta sem número de telefone.",
        "A Rua sem número fica no centro.",
        "C. Ronaldo s/n e R. Kelly S/N: 4412",
        "O tráfico cresce. R. da Silva s/n afirma",
        "Measure the Alameda Park S/N ratio; Av. Portal S/N 4412 is a serial.",
    ],
)
def test_prose_with_a_mark_of_no_number_is_no_address(text: str) -> None:
    """A phrase, a one-letter initial where no place's word nor address says a street, a
    ratio's or a serial number's `S/N`."""
    assert personal(text, ("PT", "BR", "AD")) == []


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Sede: Via Roma snc, 00100 Roma", "Via Roma snc"),
        ("Abita in via dei Mille, snc.", "via dei Mille, snc"),
        ("Viale Europa SNC - 00144 Roma", "Viale Europa SNC"),
    ],
)
def test_an_italian_address_with_no_house_number_is_reported(text: str, street: str) -> None:
    """pii67: Italian's mark of no house number, `snc` (senza numero civico), as Spanish's
    `s/n` is, went unreported with IT listed."""
    assert personal(text, ("IT",)) == [("street address", street)]


def test_snc_is_italian_alone_and_no_partnership() -> None:
    """A partnership's `s.n.c.` or `snc` after a firm's name, a word that goes on, and
    `snc` where only a country writing Spanish or Portuguese is listed: none."""
    text = "Rossi Mario & C. snc; Piazza Garibaldi s.n.c.; Via Roma sncf; Corso Italia snc 3"
    assert personal(text, ("IT",)) == []
    assert personal("Calle Luna snc; Via Roma snc, 00100 Roma", ("ES", "PT")) == []


def test_a_firms_snc_before_its_partners_names_is_no_address() -> None:
    """Review rv66c: a partnership named after its street's, its partners after it
    (`snc di Rossi Mario`), failed the build with IT listed; a street's `snc` before `di`
    and no name, and before a town, is still one."""
    text = (
        "Bar Piazza Duomo snc di Rossi Mario; Ferramenta Via Roma snc dei F.lli Bianchi; "
        "Via Roma snc di fronte alla chiesa; Via Emilia snc, Modena"
    )
    assert personal(text, ("IT",)) == [
        ("street address", "Via Roma snc"),
        ("street address", "Via Emilia snc"),
    ]


def test_an_italian_street_in_capitals_with_an_address_place_around_is_reported() -> None:
    """pii68: a letterhead's, a form's or a table's capitals (`VIA ROMA 12`, `CORSO ITALIA
    5, 00198 ROMA`) passed with IT listed. Where its line, item or cell starts, after a
    label's colon or a place's preposition, or before a postcode."""
    text = (
        "VIA ROMA 12\nCORSO ITALIA 5, 00198 ROMA\nIndirizzo: VIA DEI MILLE 5\n"
        "| VIA DELL'ORSO 3 |\n<td>PIAZZA GARIBALDI 3</td>\n- VIA XX SETTEMBRE 5\n"
        "abita in VIA ROMA 12\nVIA ROMA SNC\n"
    )
    assert [found for _, found in personal(text, ("IT",))] == [
        "VIA ROMA 12",
        "CORSO ITALIA 5",
        "VIA DEI MILLE 5",
        "VIA DELL'ORSO 3",
        "PIAZZA GARIBALDI 3",
        "VIA XX SETTEMBRE 5",
        "VIA ROMA 12",
        "VIA ROMA SNC",
    ]
    assert personal(text, ("ES", "PT")) == []


def test_capitals_of_a_sentence_a_course_a_medium_or_a_devotion_are_no_street() -> None:
    """A heading's or a poster's words with a street's type in them, and the exemptions of
    mixed case, in capitals too; a firm named after its street, its `snc` a partnership's
    (`Tabaccheria Corso Italia snc`: pii68, reported), not a shop at a street with no
    number (a comma, a postcode)."""
    text = (
        "CONTACT US VIA EMAIL 2\n| VIA EMAIL 2 |\nSEGUI IL CORSO PYTHON 3\nCORSO BASE 2\n"
        "VIA CRUCIS 14\nPRENOTA VIA ROMA 12 TODAY\nVIA ROMA 1985\n"
        "Transfer Via USB 3 or send it Via PDF 2.\n"
        "Tabaccheria Corso Italia snc; Caff\u00e8 Piazza Duomo snc\n"
        "Tabaccheria, Corso Italia snc\nBar Via Roma snc, 00100 Roma\n"
    )
    assert personal(text, ("IT",)) == [
        ("street address", "Corso Italia snc"),
        ("street address", "Via Roma snc"),
    ]


def test_streets_with_no_number_are_read_in_linear_time() -> None:
    """Marks of no number after runs of types, links and one-letter types, half a megabyte each
    (`type_first_marks` reads each mark's window once; DESIGN section 11)."""
    from work import python_in_time

    code = (
        "from coalition_handbook.rules.privacy_italian_portuguese_catalan_streets import "
        "italian_portuguese_catalan_streets as found\n"
        "for run in ('s/n ', 'Rua das Rua da R. Ab, s/n ', 'Rua Ab s/n ', 'na R. Ab s/n ', "
        "'Rua Ab sem n\\u00famero de ', 'Rua ' * 30 + 'Ab s/n ', 'Avenida Ab S/N, Ab Ab Ab ', "
        "'Avenida Ab S/N 12345 Ab ', 'x Avenida Ab, S/N. ', 'Via Ab snc ', 'snc ', 'Via snc'):\n"
        "    list(found('Via A' + run * (500_000 // len(run)) + ' 5', ('IT', 'PT', 'AD')))\n"
    )
    completed = python_in_time(code)
    assert completed.returncode == 0, completed.stderr


@pytest.mark.parametrize(
    ("text", "countries", "street"),
    [
        (
            "Ci trovi in Via Roma 10\n\nMaggio è il mese della sensibilizzazione.",
            ("IT",),
            "Via Roma 10",
        ),
        ("Mora na Rua Augusta 5\n\nMaio é o mês.", ("PT",), "Rua Augusta 5"),
        ("Via Roma 10\n\ndi\n\nGennaio", ("IT",), "Via Roma 10"),
        ("Via Roma 10\r\n \r\nMaggio", ("IT",), "Via Roma 10"),
        ("Abita in Via Roma 10\n\n: una nota", ("IT",), "Via Roma 10"),
        ("Mora na Rua Augusta 5\n\n3 dias depois, saiu.", ("PT",), "Rua Augusta 5"),
    ],
)
def test_what_follows_a_blank_line_does_not_make_the_number_no_house(
    text: str, countries: tuple[str, ...], street: str
) -> None:
    """spd64: a month, a unit or a colon that starts the next paragraph was read as the
    date or the count of the number before the blank line, and the address passed."""
    assert personal(text, countries) == [("street address", street)]


def test_a_postcode_after_a_blank_line_is_no_street_s() -> None:
    """spd64: the Italian postcode check read the next paragraph's number as the course's
    postcode; within a paragraph it still tells a street (`il Corso Garibaldi 5, 20121`)."""
    assert personal("Iscriviti al Corso Python 3\n\n20121 persone lo hanno seguito.", ("IT",)) == []
    assert personal("Iscriviti al Corso Python 3\n\n20121 Milano", ("IT",)) == []
    assert personal("Abita al Corso Garibaldi 5, 20121 Milano", ("IT",)) == [
        ("street address", "Corso Garibaldi 5")
    ]


def test_what_follows_a_number_is_read_to_its_paragraph_s_end_in_linear_time() -> None:
    """Numbers before line breaks, long runs of spaces and blank lines, half a megabyte
    each (each line break looks ahead for a blank line: DESIGN section 11)."""
    from work import python_in_time

    code = (
        "from coalition_handbook.rules.privacy_italian_portuguese_catalan_streets import "
        "italian_portuguese_catalan_streets as found\n"
        "for run in ('Via Ab 1\\n' + ' ' * 300 + 'x ', 'Via Ab 1 \\n \\n ', "
        "'il Corso Ab 3\\n \\n', 'Rua Ab s/n\\n' + ' ' * 300 + '1 ', 'Via Ab 1, \\n' * 40, "
        "'en C. Ab 401, Ab '):\n"
        "    list(found('Via A' + run * (500_000 // len(run)) + ' 5', ('IT', 'PT', 'AD')))\n"
    )
    completed = python_in_time(code)
    assert completed.returncode == 0, completed.stderr


def test_a_month_or_unit_in_the_same_paragraph_still_makes_the_number_no_house() -> None:
    """A line break inside a paragraph is a space: the month on the next line is the date's."""
    assert personal("Corso Italia 25\naprile", ("IT",)) == []
    assert personal("Via Appia 10\nkm dopo", ("IT",)) == []


def test_a_one_letter_type_with_a_town_or_a_neighbourhood_after_is_a_street() -> None:
    """rv64c: since pii65 an office's street after `en` with a number of three digits
    and a town after it went unreported (quieting `Pienso en C. Ronaldo 700`)."""
    assert personal("Trabajamos en C. Mallorca 401, Barcelona.", ("ES",)) == [
        ("street address", "C. Mallorca 401")
    ]
    for quiet in ("Pienso en C. Ronaldo 700 veces.", "1) R. dos Santos, 45, São Paulo"):
        assert personal(quiet, ("ES", "BR")) == [], quiet
