"""term.unknown-acronym after a French, Catalan or Italian elided word: "l'ONU" is the
acronym ONU, as "l'exploitation" is a use of "exploitation" (DESIGN section 4, ADOPTING
"Languages other than English"); after other letters an apostrophe is inside one word
("O'NEILL", "DON'T"). An elided word in capitals ("L'ONU", opening a sentence) starts
an acronym in a site not in English; in English, "D'ARCY" is a name."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_model import MKDOCS, write_files

from coalition_handbook.check import run_checks

FRENCH_SITE = "theme:\n  name: material\n  language: fr\n" + MKDOCS


def _acronyms(tmp_path: Path, text: str, mkdocs: str = MKDOCS) -> list[tuple[int, int, str]]:
    files = {"mkdocs.yml": mkdocs, "content/index.md": f"# Accueil\n\n{text}\n"}
    findings = run_checks(write_files(tmp_path, files)).findings
    return [(f.line, f.column, f.found) for f in findings if f.rule == "term.unknown-acronym"]


@pytest.mark.parametrize("mkdocs", [MKDOCS, FRENCH_SITE], ids=["en", "fr"])
@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u02bc"])
@pytest.mark.parametrize(("elided", "column"), [("l", 3), ("d", 3), ("qu", 4), ("dell", 6)])
def test_an_acronym_after_an_elided_word_is_read(
    tmp_path: Path, elided: str, apostrophe: str, column: int, mkdocs: str
) -> None:
    text = f"Voir {elided}{apostrophe}QWRT ici."
    assert _acronyms(tmp_path, text, mkdocs) == [(3, column + 5, "QWRT")]


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u02bc"])
@pytest.mark.parametrize("elided", ["L", "D", "Jusqu", "QU"])
def test_an_acronym_after_an_elided_word_in_capitals_is_read_in_a_site_not_in_english(
    tmp_path: Path, elided: str, apostrophe: str
) -> None:
    text = f"{elided}{apostrophe}QWRT agit."
    assert _acronyms(tmp_path, text, FRENCH_SITE) == [(3, len(elided) + 2, "QWRT")]


def test_a_name_after_a_capital_and_an_apostrophe_is_no_acronym_in_english(
    tmp_path: Path,
) -> None:
    assert _acronyms(tmp_path, "O'NEIL and D'ARCY.") == []


@pytest.mark.parametrize("mkdocs", [MKDOCS, FRENCH_SITE], ids=["en", "fr"])
@pytest.mark.parametrize("text", ["O'NEILL agit.", "DON'T agit.", "aujourd'QWRT agit."])
def test_an_apostrophe_inside_a_word_still_starts_no_acronym(
    tmp_path: Path, text: str, mkdocs: str
) -> None:
    assert _acronyms(tmp_path, text, mkdocs) == []


def test_a_known_acronym_after_an_elided_word_is_not_reported(tmp_path: Path) -> None:
    mkdocs = FRENCH_SITE + "      known_acronyms: [ONU]\n"
    assert _acronyms(tmp_path, "L'ONU et l\u2019ONU, d'ONU.", mkdocs) == []


def test_an_acronym_form_after_an_elided_word_in_its_own_definition_is_not_reported(
    tmp_path: Path,
) -> None:
    """A definition's hits leave out its own term's forms, looked for again where an
    acronym may be: "l'ONU" alone in it is one."""
    files = {
        "mkdocs.yml": FRENCH_SITE,
        "glossary/onu.yml": "term: Organisation des Nations unies\nversion: 1\n"
        "definition: L'ONU.\naliases: [ONU]\nhistory:\n"
        "  - {version: 1, date: 2026-01-01, summary: Ok.}\n",
    }
    findings = run_checks(write_files(tmp_path, files)).findings
    assert [f for f in findings if f.rule == "term.unknown-acronym"] == []
