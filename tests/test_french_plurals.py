"""A French site's forms take French plurals (pluralizefr's), in the noun and the
adjectives before a complement, as a Spanish site's take Spanish ones: DESIGN section 4."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_model import MKDOCS, term_yaml, write_files
from test_matching import make_term
from work import python_in_time

from coalition_handbook import theme_language
from coalition_handbook.check import run_checks
from coalition_handbook.config_yml import ConfigError
from coalition_handbook.forms import (
    ENGLISH,
    FRENCH,
    form_key,
    inflection_language,
    plurals,
    searched_writings,
)
from coalition_handbook.matching import Matcher


@pytest.mark.parametrize("language", ["fr", "fr-CA", "fr_BE", "FR"])
def test_a_french_site_takes_french_plurals(language: str) -> None:
    assert inflection_language(language) == FRENCH


@pytest.mark.parametrize(
    ("word", "french"),
    [
        ("travail", ("travaux",)),  # English rules: "travails"
        ("bureau", ("bureaux",)),  # English rules: "bureaus"
        ("travailleuse", ("travailleuses",)),
        ("international", ("internationaux",)),
        ("Travail", ("Travaux",)),  # in the word's own case
        ("pays", ()),  # the same word in the plural
        ("victimes", ()),  # a plural has none
        ("travaux", ()),
        ("279.01", ()),  # no word: the library would make "279.01s"
        ("OIT", ("OITs",)),  # an acronym, as in English and Spanish
    ],
)
def test_french_plurals(word: str, french: tuple[str, ...]) -> None:
    assert plurals(word, FRENCH) == french


@pytest.mark.parametrize(
    ("form", "plural", "not_written"),
    [
        ("traite des personnes", "traites des personnes", "traite des personness"),
        ("travail forcé", "travaux forcés", "travail forcés"),
        ("travail forcé ou obligatoire", "travaux forcés ou obligatoires", None),
        ("personne survivante", "personnes survivantes", "personne survivantes"),
        ("bureau d'aide aux victimes", "bureaux d'aide aux victimes", None),
        ("bureau d’aide", "bureaux d'aide", None),  # a curly apostrophe too
        ("mineur non accompagné", "mineurs non accompagnés", None),
        ("victime de la traite", "victimes de la traite", "victime de la traites"),
        ("bel immeuble", "beaux immeubles", None),
        # a participle of avoir or an elided pronoun starts a clause, not inflected
        (
            "personne ayant vécu la traite",
            "personnes ayant vécu la traite",
            "personnes ayants vécus la traite",
        ),
        (
            "personne s'identifiant comme femme",
            "personnes s'identifiant comme femme",
            "personnes s'identifiant commes femmes",
        ),
    ],
)
def test_a_french_forms_plural_inflects_its_noun_and_the_adjectives_before_a_complement(
    form: str, plural: str, not_written: str | None
) -> None:
    """English rules inflected the last word alone ("personne survivantes", "traite des
    personness"), which no French text writes, and missed "traites des personnes"."""
    writings = searched_writings(form, FRENCH)
    assert plural in writings
    assert not_written not in writings
    assert form_key(form, language=FRENCH) == form_key(plural, language=FRENCH)


def test_the_matcher_finds_french_plurals_after_an_elision() -> None:
    terms = [
        make_term("travail-force", "travail forcé", avoid=("trafic de personnes",)),
        make_term("victime", "victime"),
        make_term("oit", "OIT"),
    ]
    text = "Les travaux forcés, l’OIT, qu’une victime, d'OIT et les trafics de personnes."
    found = [text[m.start : m.end] for m in Matcher.from_terms(terms, FRENCH).scan(text)]
    assert found == ["travaux forcés", "OIT", "victime", "OIT", "trafics de personnes"]
    english = [text[m.start : m.end] for m in Matcher.from_terms(terms, ENGLISH).scan(text)]
    assert "travaux forcés" not in english


FRENCH_MKDOCS = MKDOCS + "theme:\n  name: material\n  language: fr\n"


def test_a_form_to_avoid_is_found_in_the_plural_on_a_french_site(tmp_path: Path) -> None:
    files = {
        "mkdocs.yml": FRENCH_MKDOCS,
        "glossary/traite.yml": term_yaml(
            "traite des personnes", "avoid:\n  - trafic de personnes\n"
        ),
        "content/index.md": "# Manuel\n\nLes trafics de personnes et les bureaux.\n",
    }
    findings = run_checks(write_files(tmp_path, files)).findings
    assert [(f.rule, f.line, f.found) for f in findings] == [
        ("term.avoid", 3, "trafics de personnes")
    ]


def test_a_plural_claimed_by_another_term_is_a_duplicate_on_a_french_site(
    tmp_path: Path,
) -> None:
    files = {
        "mkdocs.yml": FRENCH_MKDOCS,
        "glossary/travail.yml": term_yaml("travail forcé"),
        "glossary/travaux.yml": term_yaml("travaux forcés"),
        "content/index.md": "# Manuel\n",
    }
    rules = [f.rule for f in run_checks(write_files(tmp_path, files)).findings]
    assert "glossary.duplicate" in rules


def test_oe_and_the_ligature_are_one_writing_on_a_french_site() -> None:
    """French keyboards mostly lack `œ`: "oeuvres de bienfaisance" was no use of
    `œuvre de bienfaisance`, nor "sœurs" of a form to avoid written `soeur`."""
    terms = [make_term("oeuvre", "œuvre de bienfaisance", avoid=("soeur",))]
    text = (
        "Les oeuvres de bienfaisance, les ŒUVRES DE BIENFAISANCE, OEUVRES DE BIENFAISANCE, sœurs."
    )
    found = [text[m.start : m.end] for m in Matcher.from_terms(terms, FRENCH).scan(text)]
    assert found == [
        "oeuvres de bienfaisance",
        "ŒUVRES DE BIENFAISANCE",
        "OEUVRES DE BIENFAISANCE",
        "sœurs",
    ]
    assert form_key("œuvre", language=FRENCH) == form_key("oeuvres", language=FRENCH)
    assert form_key("coefficient", language=FRENCH) == form_key("coefficients", language=FRENCH)


def test_a_form_written_with_oe_claimed_by_another_term_is_a_duplicate_on_a_french_site(
    tmp_path: Path,
) -> None:
    files = {
        "mkdocs.yml": FRENCH_MKDOCS,
        "glossary/oeuvre.yml": term_yaml("œuvre de bienfaisance"),
        "glossary/oeuvres.yml": term_yaml("oeuvres de bienfaisance"),
        "content/index.md": "# Manuel\n",
    }
    rules = [f.rule for f in run_checks(write_files(tmp_path, files)).findings]
    assert rules == ["glossary.duplicate"]


def test_a_french_site_without_its_plurals_package_is_a_configuration_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An environment made before French plurals came from pluralizefr gave a traceback
    at the first form; the config names the package to install instead (exit code 2)."""
    monkeypatch.setattr(theme_language, "_PLURALS_PACKAGES", {FRENCH: ("no_such_package", "1")})
    with pytest.raises(ConfigError, match=r"mkdocs.yml:\d+: .*`pip install no_such_package==1`"):
        write_files(tmp_path, {"mkdocs.yml": FRENCH_MKDOCS, "content/index.md": "# Manuel\n"})
    english = MKDOCS + "theme:\n  name: material\n  language: en\n"
    write_files(tmp_path / "en", {"mkdocs.yml": english, "content/index.md": "# Handbook\n"})


def test_a_long_word_s_edges_are_read_in_linear_time() -> None:
    """Review rv65d: the pattern that parted a word from the punctuation at its edges had
    a lazy middle, whose time grew as the square of the word's length (8,000 characters:
    2 s); a word of 200,000 took minutes. Walked in from both edges, it is linear."""
    completed = python_in_time(
        "from coalition_handbook.french_plurals import french_plural\n"
        "assert french_plural('«' * 9 + 'victime' + ',' * 9) == '«' * 9 + 'victimes' + ',' * 9\n"
        "assert french_plural('a' + '!' * 200_000 + 'b') is None\n"
    )
    assert completed.returncode == 0, completed.stderr
