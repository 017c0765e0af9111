"""privacy.pii on street addresses written as French and German write them: the number,
a comma in Quebec, then the type and the name (`1234, rue Sainte-Catherine Ouest`), and
the name joined to its type, then the number (`Hauptstraße 5`). A Quebec and a
German-speaking adopter's audit: neither was read, so a survivor's home address in
either language was published unreported. They are read where privacy.countries lists a
country that writes them so, as its phone numbers' national formats are."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_privacy import privacy_findings
from test_privacy_national import privacy_findings as national_findings

from coalition_handbook.findings import Finding
from coalition_handbook.rules.privacy_personal_data import find_personal_data

COUNTRIES = ("CA", "DE")


def personal(text: str, countries: tuple[str, ...] = COUNTRIES) -> list[tuple[str, str]]:
    found = find_personal_data(text, countries=countries)
    return [(kind, text[start:end]) for kind, start, end in found]


def findings(tmp_path: Path, page: str, allow: list[str]) -> list[Finding]:
    """privacy.pii's findings in a handbook of one page, with `allow` as privacy.allow,
    in a site that lists Canada and Germany."""
    return national_findings(tmp_path, page, ["CA", "DE"], allow)


def test_french_and_german_streets_are_reported_where_they_are(tmp_path: Path) -> None:
    page = (
        "# Adresses\n\n"
        "Elle habite au 1234, rue Sainte-Catherine Ouest, Montréal (Québec) H3G 1P1.\n"
        "Il vit au 56 boulevard Saint-Laurent et au 12 rue de l\u2019Église.\n"
        "Sie wohnt in der Hauptstraße 5, 10115 Berlin, oder Müllerstr. 12a.\n"
        "Er wohnt in der Berliner Straße 12 und in der Bahnhofstrasse 7b, 8001 Zürich.\n"
    )
    found = [(f.line, f.column, f.found) for f in findings(tmp_path, page, [])]
    assert found == [
        (3, 16, "1234, rue Sainte-Catherine Ouest"),
        (4, 11, "56 boulevard Saint-Laurent"),
        (4, 44, "12 rue de l\u2019Église"),
        (5, 18, "Hauptstraße 5"),
        (5, 52, "Müllerstr. 12a"),
        (6, 17, "Berliner Straße 12"),
        (6, 47, "Bahnhofstrasse 7b"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "depuis 2019 rue de Rivoli fermée",  # a year, no comma after it
        "les 3 rues de la ville, 2 places de Paris",  # plurals: counts
        "Top 10 Place Names and 5 Route Planning Tips",  # an English title
        "die Hauptstraße 2019 gesperrt, die Hauptstraße 5 km lang",  # a year; a distance
        "Stellplatz 3, Fluchtweg 2, Die Straße 12 ist breit.",  # no street types
        "Lindenstraße-Fest 2",
    ],
)
def test_prose_with_a_french_or_german_street_type_and_a_number_is_no_address(
    text: str,
) -> None:
    assert personal(text) == []


def test_a_year_after_which_quebec_writes_a_comma_is_a_house_number() -> None:
    assert personal("au 2045, rue Sherbrooke Est") == [
        ("street address", "2045, rue Sherbrooke Est")
    ]


def test_a_public_office_listed_allows_its_french_or_german_street(tmp_path: Path) -> None:
    page = (
        "# Bureaux\n\n"
        "Bureau : 1234, rue Sainte-Catherine Ouest. Beratung: Hauptstraße 5.\n"
        "Elle habite au 1236, rue Sainte-Catherine Ouest.\n"
    )
    allow = ["1234, rue Sainte-Catherine Ouest, Montréal", "Hauptstraße 5, 10115 Berlin"]
    found = [(f.line, f.found) for f in findings(tmp_path, page, allow)]
    assert found == [(4, "1236, rue Sainte-Catherine Ouest")]


def test_they_are_read_only_where_privacy_countries_lists_a_country_writing_them(
    tmp_path: Path,
) -> None:
    text = "au 1234, rue Sainte-Catherine Ouest; in der Hauptstraße 5"
    assert personal(text, ()) == []
    assert personal(text, ("GB", "US")) == []
    assert personal(text, ("fr",)) == [("street address", "1234, rue Sainte-Catherine Ouest")]
    assert personal(text, ("AT",)) == [("street address", "Hauptstraße 5")]
    assert [f.found for f in privacy_findings(tmp_path, f"# A\n\n{text}\n", [])] == []


def test_a_map_link_to_a_french_or_german_street_is_reported_and_can_be_listed(
    tmp_path: Path,
) -> None:
    """A map link's place is read with the site's countries, as its text is: a link to
    a survivor's home in Berlin or Montreal went unreported (review)."""
    home = "https://maps.google.com/?q=Hauptstra%C3%9Fe+5,+Berlin"
    office = "https://maps.google.com/?q=1234,+rue+Sainte-Catherine+Ouest,+Montr%C3%A9al"
    page = f"# Karte\n\n[Wohnung]({home}) und [Bureau]({office}).\n"
    reported = findings(tmp_path, page, [office])
    assert [(f.line, f.found) for f in reported] == [(3, "Hauptstra%C3%9Fe+5,+Berlin")]


@pytest.mark.parametrize(
    "text",
    [
        "En 2019, rue de la Paix était fermée aux voitures.",  # a year opening a sentence
        "depuis 2021, avenue Foch accueille le marché",
        "Die Bundesstraße 96 führt nach Rügen, die Landesstraße 12 auch.",  # road numbers
        "Die Landstraße 12 Kilometer weiter, die Hauptstraße 300 Metern entfernt",  # distances
    ],
)
def test_a_year_a_road_number_or_a_distance_is_no_french_or_german_street(text: str) -> None:
    assert personal(text) == []


def test_a_swiss_street_is_read_with_its_number_after_its_name() -> None:
    """French Switzerland writes the type and name first, then the number (`Rue de
    Lausanne 12`): a Geneva or Lausanne address went unreported (review)."""
    text = (
        "Elle habite Rue de Lausanne 12, 1201 Genève, puis Chemin du Lac 4b"
        " et Avenue de la Gare 10."
    )
    assert personal(text, ("CH",)) == [
        ("street address", "Rue de Lausanne 12"),
        ("street address", "Chemin du Lac 4b"),
        ("street address", "Avenue de la Gare 10"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Place de la Concorde 1789",  # a year
        "la Route du Rhum 2 fois, le Chemin de Compostelle 800 km",  # a count, a distance
        "Route 66 and Place Names 10",  # no `de` before the name
        "Rue de la Paix 12 décembre",  # a date
    ],
)
def test_a_swiss_street_shape_that_is_no_address(text: str) -> None:
    assert personal(text, ("CH",)) == []


def test_a_street_read_both_ways_is_one_address() -> None:
    assert personal("au 12 Rue de Lausanne 14", ("CH",)) == [
        ("street address", "12 Rue de Lausanne")
    ]


def test_french_german_and_swiss_streets_are_read_in_linear_time() -> None:
    """Runs that each pattern may try at every word: capitalised names, `de la`,
    numbers, hyphens and `Str.` repeated, a megabyte each (DESIGN section 11)."""
    from work import python_in_time

    code = (
        "from coalition_handbook.rules.privacy_french_german_streets import "
        "french_and_german_streets as found\n"
        "for run in ('1 rue Abc ', 'Rue de ', 'Rue de la Paix 1 ', '-Bc', 'Str. ', "
        "'AStr.', 'Berliner ', 'Hauptstraße ', 'de la ', '1 ', 'im Lindenweg ', 'Aweg1 '):\n"
        "    list(found('Rue de A' + run * (1_000_000 // len(run)) + ' 5', ('CH', 'DE')))\n"
    )
    completed = python_in_time(code)
    assert completed.returncode == 0, completed.stderr


def test_a_weg_or_platz_is_a_street_where_an_address_is_around_it() -> None:
    """`-weg` and `-platz` name a street as often as a parking space or an escape
    route: with `im`, `am` or a label's colon before, or a postcode after, they are a
    street (`im Lindenweg 4`, `Marktplatz 1, 8001 Zürich`), which went unreported (review)."""
    text = (
        "Sie wohnt im Lindenweg 4 und am Marktplatz 12a; Büro: Rosenweg 7. "
        "Beratung Schillerplatz 1, 8001 Zürich."
    )
    assert personal(text, ("DE",)) == [
        ("street address", "Lindenweg 4"),
        ("street address", "Marktplatz 12a"),
        ("street address", "Rosenweg 7"),
        ("street address", "Schillerplatz 1"),
    ]
    prose = "Stellplatz 3, Fluchtweg 2 und der Rundweg 5 km; im Rundweg 2 Stunden"
    assert personal(prose, ("DE",)) == []
