"""term.* rules and the scan over a whole tiny handbook: pages, definitions (YAML scalars of
every style), protocols and module front matter, at exact lines and columns."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from site_markdown import render

from coalition_handbook.check import run_checks
from coalition_handbook.config import load_config
from coalition_handbook.documents import pages_using_terms, terms_used_in
from coalition_handbook.matching import after_elision
from coalition_handbook.rules.term_case import in_capitals_sentence
from coalition_handbook.rules.term_unknown_acronym import (
    _ACRONYM,
    _ACRONYM_AFTER_ELISION,
    _CAPITALS_RUN,
    acronyms,
    may_hold_an_acronym,
)

HISTORY = "history:\n  - version: 1\n    date: 2026-01-01\n    summary: First.\n"
TERMS = {
    "survivor": "term: survivor\nversion: 1\ndefinition: |\n  A person who lived through\n"
    "  trafficking; never a vagrant or a victim\n  of choice.\navoid: [victim]\n" + HISTORY,
    "person-experiencing-homelessness": "term: person experiencing homelessness\nversion: 1\n"
    "definition: >\n  Not a homeless\n  person, nor a 'vagrant' (avoid these).\n"
    "avoid:\n  - text: homeless person\n    reason: Person-first.\n  - vagrant\n" + HISTORY,
    "t-visa": "term: T visa\ncase_sensitive: true\nversion: 1\n"
    'definition: "A visa for \\"survivors\\" of trafficking."\n' + HISTORY,
    "slave": "term: slave\nstatus: deprecated\nreplaced_by: survivor\nversion: 1\n"
    "definition: 'Old word; do not call a survivor''s past that.'\n" + HISTORY,
}
PROTOCOL = """\
title: When a vagrant asks for help
version: 1
owner: Steering committee
effective: 2026-01-01
review_by: 2099-01-01
audience: [public]
summary: Help the person; never call them a slave.
steps:
  - title: Listen
    detail: |
      Ask what the t visa
      applicant needs.
contacts:
  - name: Hotline
    text: Call if a homeless person is in danger.
history:
  - version: 1
    date: 2026-01-01
    summary: First.
"""
MODULE = """\
---
title: Helping a vagrant
version: 1
audience: [staff]
duration: 45 minutes
objectives:
  - Know what a T visa is.
  - Never say slave.
protocols: []
history:
  - version: 1
    date: 2026-01-01
    summary: First.
---
# Module

## Realize

A survivor's story.

## Recognize

NGO staff and the FBI.

## Respond

Call.
"""
PAGE = "# Home\r\n\r\nA survivor met a homeless\r\nperson and an ABC worker.\r\n"


def make(root: Path) -> Path:
    (root / "glossary").mkdir()
    (root / "protocols").mkdir()
    (root / "content" / "modules").mkdir(parents=True)
    for term_id, text in TERMS.items():
        (root / "glossary" / f"{term_id}.yml").write_text(text, encoding="utf-8")
    (root / "protocols" / "help.yml").write_text(PROTOCOL, encoding="utf-8")
    (root / "content" / "modules" / "staff.md").write_text(MODULE, encoding="utf-8")
    (root / "content" / "index.md").write_bytes(PAGE.encode("utf-8"))
    (root / "mkdocs.yml").write_text(
        "site_name: T\ndocs_dir: content\nplugins:\n  - handbook:\n      known_acronyms: [FBI]\n",
        encoding="utf-8",
    )
    return root / "mkdocs.yml"


def term_findings(
    tmp_path: Path,
) -> list[tuple[str, str, int, int, str | None, str | None, str | None]]:
    result = run_checks(load_config(make(tmp_path)))
    return [
        (f.rule, f.path, f.line, f.column, f.found, f.suggestion, f.term)
        for f in result.findings
        if f.rule.startswith("term.")
    ]


def test_a_page_with_old_mac_line_endings_is_placed_line_by_line(tmp_path: Path) -> None:
    """Found by fuzzing: a page whose lines end in a lone carriage return (as MkDocs reads
    them: lines) had every finding on line 1. A line break inside a form is found as a
    line feed, the one place where `found` is not the source's own character."""
    make(tmp_path)
    (tmp_path / "content" / "index.md").write_bytes(PAGE.replace("\r\n", "\r").encode())
    findings = run_checks(load_config(tmp_path / "mkdocs.yml")).findings
    assert [
        (f.rule, f.line, f.column, f.found) for f in findings if f.path == "content/index.md"
    ] == [
        ("term.avoid", 3, 18, "homeless\nperson"),
        ("term.unknown-acronym", 4, 15, "ABC"),
    ]


def test_a_form_across_lines_is_quoted_alike_whatever_the_line_endings(tmp_path: Path) -> None:
    """Audit: in a Windows file the message quoted 'homeless\\r\\nperson', in another
    'homeless\\nperson': one text read alike in every clone. `found` stays the source's."""
    make(tmp_path)
    # term.avoid, term.case and term.deprecated
    page = "# Home\n\nA homeless\nperson, a t\nvisa, and the\nslave trade.\n"
    (tmp_path / "content" / "index.md").write_text(page, encoding="utf-8", newline="")
    config = load_config(tmp_path / "mkdocs.yml")
    as_lf = [f.message for f in run_checks(config).findings if f.path == "content/index.md"]
    (tmp_path / "content" / "index.md").write_text(
        page.replace("\n", "\r\n"), encoding="utf-8", newline=""
    )
    found = [f for f in run_checks(config).findings if f.path == "content/index.md"]
    assert [f.message for f in found] == as_lf
    quoted = [f.message.partition("' ")[0] for f in found]
    assert quoted == ["'homeless\nperson", "'t\nvisa", "'slave"]
    assert found[0].found == "homeless\r\nperson"


def test_yaml_files_with_old_mac_line_endings_are_placed_line_by_line(tmp_path: Path) -> None:
    """Found by fuzzing: in a term or protocol file whose lines end in a lone carriage
    return, findings in its texts were placed by line feeds alone (a column of 42 on a
    line of 15), where the schema's findings counted each return as a line break."""
    (tmp_path / "lf").mkdir()
    (tmp_path / "cr").mkdir()
    expected = [
        finding[:4]
        for finding in term_findings(tmp_path / "lf")
        if finding[1] != "content/index.md"
    ]
    make(tmp_path / "cr")
    for path in [*(tmp_path / "cr").glob("*/*.yml"), tmp_path / "cr/content/modules/staff.md"]:
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))
    result = run_checks(load_config(tmp_path / "cr" / "mkdocs.yml"))
    assert [
        (f.rule, f.path, f.line, f.column)
        for f in result.findings
        if f.rule.startswith("term.") and f.path != "content/index.md"
    ] == expected


@pytest.mark.parametrize(
    ("short", "line", "column", "found"),
    [
        ("&a first\n  a vagrant", 9, 5, "vagrant"),  # an anchor, then a value on two lines
        ('!!str "\\u00e9 a vagrant"', 8, 24, "vagrant"),  # a tag, then an escape
        ("&a !!str\n  'a vagrant''s'", 9, 6, "vagrant''s"),  # both, on a line of their own
    ],
)
def test_a_finding_in_a_value_with_an_anchor_or_a_tag_is_placed_in_the_value(
    tmp_path: Path, short: str, line: int, column: int, found: str
) -> None:
    """Found by fuzzing: the value's text was taken to start at its anchor or tag, so a
    value whose source differs from it (an escape, a line break) placed its finding
    there, as the form "&"."""
    make(tmp_path)
    (tmp_path / "glossary" / "survivor.yml").write_text(
        TERMS["survivor"].replace("avoid: [victim]\n", f"avoid: [victim]\nshort: {short}\n"),
        encoding="utf-8",
    )
    result = run_checks(load_config(tmp_path / "mkdocs.yml"))
    placed = [
        (f.line, f.column, f.found) for f in result.findings if f.path == "glossary/survivor.yml"
    ]
    assert (line, column, found) in placed


def test_term_rules_everywhere(tmp_path: Path) -> None:
    peh = "person experiencing homelessness"
    peh_id = "person-experiencing-homelessness"
    assert term_findings(tmp_path) == [
        # CRLF page: the line break inside the form is found as written
        ("term.avoid", "content/index.md", 3, 18, "homeless\r\nperson", peh, peh_id),
        ("term.unknown-acronym", "content/index.md", 4, 15, "ABC", None, None),
        # module front matter title and objectives; FBI is a known acronym
        ("term.avoid", "content/modules/staff.md", 2, 18, "vagrant", peh, peh_id),
        ("term.deprecated", "content/modules/staff.md", 8, 15, "slave", "survivor", "slave"),
        ("term.unknown-acronym", "content/modules/staff.md", 23, 1, "NGO", None, None),
        # a literal block definition; its own avoided form "victim" is no finding
        ("term.avoid", "glossary/survivor.yml", 5, 24, "vagrant", peh, peh_id),
        # protocol title, summary, step detail (literal block) and contact text
        ("term.avoid", "protocols/help.yml", 1, 15, "vagrant", peh, peh_id),
        ("term.deprecated", "protocols/help.yml", 7, 45, "slave", "survivor", "slave"),
        ("term.case", "protocols/help.yml", 11, 20, "t visa", "T visa", "t-visa"),
        ("term.avoid", "protocols/help.yml", 15, 21, "homeless person", peh, peh_id),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The XYZ's office.", ["XYZ"]),
        ("The XYZs' offices.", ["XYZs"]),
        ("The XYZ\u2019s office.", ["XYZ"]),
        ("Called 'XYZ' by some.", ["XYZ"]),
        ("Called \u2018XYZ\u2019 by some.", ["XYZ"]),
        ("DON'T, WON'T, IT'S.", []),  # contractions are no acronyms
        ("O'NEIL and D'ARCY.", []),  # nor names with an apostrophe inside
        ("The NGO's office.", []),  # a use of the form "NGO"
        # An accented capital is no A-Z capital, written as one character or as a
        # letter and a combining accent (NFC makes them one, DESIGN section 4).
        ("\u00c9TAT and XYZ.", ["XYZ"]),
        ("E\u0301TAT and XYZ.", ["XYZ"]),
        ("TAT\u00c9 and XYZ.", ["XYZ"]),
        ("TATE\u0301 and XYZ.", ["XYZ"]),
        ("ABC\u0301D and XYZ.", ["XYZ"]),
        ("XYZs\u0301 and ABC.", ["ABC"]),
        ("XYZ's\u0301 and ABC.", ["ABC"]),  # as "XYZ'ś"
        ("XYZ's and ABC\u2019s\u0301 case.", ["XYZ"]),
        ("Caf\u00e9 XYZ and ABC.", ["XYZ", "ABC"]),  # marks elsewhere change nothing
        ("Cafe\u0301 XYZ.", ["XYZ"]),
    ],
)
def test_an_acronym_is_a_to_z_capitals_maybe_possessive_or_quoted(
    tmp_path: Path, text: str, found: list[str]
) -> None:
    config = make(tmp_path)
    (tmp_path / "glossary" / "ngo.yml").write_text(
        "term: non-governmental organization\nversion: 1\ndefinition: A charity.\n"
        "aliases: [NGO]\n" + HISTORY,
        encoding="utf-8",
    )
    assert acronyms_found(config, text) == found


def acronyms_found(config: Path, text: str) -> list[str]:
    """What `term.unknown-acronym` finds in a page of `text` in the handbook of `config`."""
    (config.parent / "content" / "caps.md").write_text(f"{text}\n", encoding="utf-8")
    findings = run_checks(load_config(config)).findings
    return [
        f.found
        for f in findings
        if f.rule == "term.unknown-acronym" and f.path == "content/caps.md"
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Capitals in an identifier or a name are no acronym (found in an audit).
        ("After COVID-19 and post-COVID-19.", []),
        ("Grant 2020-VT-BX-0103 and award 15POVC-21-GG-00650-HT.", []),
        ("Resolution A/RES/55/25, and AT&T.", []),
        # Joined by hyphens or slashes alone, capitals are still words.
        ("HIV/AIDS and HIV-positive.", ["HIV", "AIDS", "HIV"]),
        # Words in capitals for emphasis: three or more in a run, or two set apart.
        ("## WHAT TO DO IF YOU SEE IT", []),
        ("CALL A LAWYER at once; **CALL NOW**; _XYZ ABC_.", []),
        ("## CALL NOW", []),
        # ... with no-break or other Unicode spaces between them too (review rv23)
        ("CALL\u00a0A\u00a0LAWYER at once.", []),
        ("## WHAT\u202fTO\u2009DO", []),
        # ... and between a heading's marks and its words (review rv26: a heading
        # pasted with a no-break space at its end is a whole heading to Python-Markdown)
        ("## CALL NOW\u00a0", []),
        ("##\u2003CALL\u00a0NOW\u00a0##", []),
        # A lone acronym, two in running text, and a list are reported.
        ("**XYZ** said; XYZ ABC; FBI, DHS, ICE.", ["XYZ", "XYZ", "ABC", "DHS"]),
        ("- XYZ\n- ABC\n- QQQ", ["XYZ", "ABC", "QQQ"]),
        # A run more than half of known acronyms is a list of them, no emphasis (review).
        ("Call the FBI ICE HSI tip line.", ["HSI"]),
        ("## FBI ICE HSI", ["HSI"]),
        ("## FBI HSI QRS", []),  # one in three known: emphasis
        ("## FBI AND ICE; call the FBI OR ICE.", []),  # the little words joining a list
        ("The FBI AND HSI.", ["HSI"]),  # which count for neither side (third review)
        # Accented capitals make words in capitals as A-Z does (an audit: Spanish and
        # German), written as one character or with a combining accent...
        ("## LÍNEA DE AYUDA", []),
        ("## LI\u0301NEA DE AYUDA", []),
        ("NUNCA ACTÚE SOLO. **NO SE DÉ POR VENCIDA**", []),
        ("BITTE NICHT ÖFFNEN.", []),
        # ... punctuation around a whole heading or emphasis leaves it one
        ("## ¿QUÉ HACER?", []),
        ("**¡LLAME YA!** and **CALL NOW!**", []),
        ("## CALL NOW!", []),
        # ... but marks that Python-Markdown shows as they are make no emphasis: a space
        # just inside them, a no-break one too, and two different marks (session 46)
        ("**\u00a0CALL NOW**, *\u00a0XYZ*, _\u00a0QRS_", ["CALL", "NOW", "XYZ", "QRS"]),
        ("*CALL NOW_ and _XYZ ABC*", ["CALL", "NOW", "XYZ", "ABC"]),
        # ... and an accented word in capitals is never an acronym itself
        ("MÉXICO, ÖFFNEN and XYZ.", ["XYZ"]),
        # Spanish plurals abbreviated by doubling their capitals are no acronyms.
        ("En EE. UU. y en EE.UU., las FF. AA. y RR. HH.", []),
        ("EE alone, UU. alone and XYZ. AA.", ["EE", "UU", "XYZ", "AA"]),
    ],
)
def test_capitals_of_an_identifier_or_for_emphasis_are_no_acronym(
    tmp_path: Path, text: str, found: list[str]
) -> None:
    config = make(tmp_path)
    config.write_text(
        config.read_text(encoding="utf-8").replace("[FBI]", "[FBI, ICE]"), encoding="utf-8"
    )
    assert acronyms_found(config, text) == found


def test_words_in_capitals_make_a_run_across_every_space_but_a_line_break() -> None:
    """A tab and every space separator of Unicode (category Zs) join two words in
    capitals into a run; a line break does not, nor any other white space: Unicode's line
    and paragraph separators, a form feed, a next line (`\x85`)."""
    white = [
        char
        for char in map(chr, range(sys.maxunicode + 1))
        if char.isspace() or unicodedata.category(char).startswith("Z")
    ]
    joining = {char for char in white if _CAPITALS_RUN.fullmatch(f"CALL{char}NOW")}
    assert joining == {"\t"} | {char for char in white if unicodedata.category(char) == "Zs"}
    assert {"\n", "\u2028", "\u2029", "\x85"}.isdisjoint(joining)


@pytest.mark.parametrize(
    "text", ["**\u00a0CALL NOW**", "*\u00a0XYZ*", "_\u00a0QRS_", "*CALL NOW_", "_XYZ ABC*"]
)
def test_marks_shown_as_they_are_make_no_emphasis_to_python_markdown(text: str) -> None:
    """The capitals above are reported as the site shows them: with their marks, as
    text, no emphasis."""
    assert render(text) == f"<p>{text}</p>"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Of I, V and X alone, a numeral is never an acronym (as before).
        ("Title VII, Title IV-E, XIX and XXXIX.", []),
        # Of four letters or more, any numeral (found in an audit: reported up to now).
        ("Title XLII, MMXXIV and MCMXC.", []),
        # After a word that numbers what it names, any numeral, in any case and markup.
        ("Chapter LX, Part CC, SECTION XC, **Article** CD, Vol. DC and Subpart\nMD.", []),
        # Elsewhere, two or three letters with an L, C, D or M are most often acronyms.
        ("Washington DC, a CD, an MD, a CV, the MCC.", ["DC", "CD", "MD", "CV", "MCC"]),
        ("A DV shelter, a counterpart CD, a subpart-CD.", ["DV", "CD", "CD"]),
        # No numeral in standard form: an acronym wherever it is.
        ("Title LCD, Part IIII, Part IC, Part VX.", ["LCD", "IIII", "IC", "VX"]),
    ],
)
def test_roman_numerals_are_no_acronyms(tmp_path: Path, text: str, found: list[str]) -> None:
    assert acronyms_found(make(tmp_path), text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # pymdownx.snippets' lines name files, replaced by their text (an audit).
        ('Before.\n\n--8<-- "RISK.md"\n\nAfter QQQ.', ["QQQ"]),
        ("--8<--\nRISK.md\nMORE.md\n--8<--\n\nAfter QQQ.", ["QQQ"]),
        ('--8<-- "RISK.md" ', ["RISK"]),  # a space after the name: shown as text
        # The abbr extension's definitions, with a space before the colon as it reads
        # them, make their abbreviation known on the page.
        ("*[EFGH] : the expansion\n\nThe EFGH and QQQ.", ["QQQ"]),
        ("*[LGBTQ]: lesbian, gay, bisexual, transgender, queer\n\nLGBTQ survivors.", []),
        # pymdownx.blocks' options are YAML, no text; its title is.
        (
            "/// admonition | Note XYZ\n    type: note\n    attrs: {class: FOO}\n\nBody.\n///",
            ["XYZ"],
        ),
        ("/// Warning | Be WXYZ\n    attrs: {class: FOO}\n\nBody.\n///", ["WXYZ"]),
        # Review rv8: a word no block is registered for makes no block: the line and the
        # one indented after it are a paragraph, as the site shows them.
        ("/// TODO\n    the QQQ list needs review", ["TODO", "QQQ"]),
        # Review rv8: a lone snippets marker opens no block (the site shows the lines
        # after it without the extension); a closed block does.
        ("Fold along the line.\n\n--8<--\n\nThe QQQ half.", ["QQQ"]),
        ("--8<--\nRISK.md\n--8<--\n\nThe QQQ half.\n\n--8<--\n\nThe RSTU half.", ["QQQ", "RSTU"]),
        # Review rv8: a definition in code or a comment defines nothing (the abbr
        # extension does not read them); one in a list item or a quote does.
        ("```markdown\n*[DOJX]: Department of Justice X\n```\n\nThe DOJX office.", ["DOJX"]),
        ("<!--\n*[FBIX]: hidden\n-->\n\nFBIX too.", ["FBIX"]),
        ("Intro.\n\n    *[QQQ]: code\n\nThe QQQ.", ["QQQ"]),
        ("- *[QQQ]: in an item\n\n> *[WXYZ]: in a quote\n\nThe QQQ and WXYZ.", []),
    ],
)
def test_extension_syntax_and_defined_abbreviations_are_no_unknown_acronyms(
    tmp_path: Path, text: str, found: list[str]
) -> None:
    assert acronyms_found(make(tmp_path), text) == found


def test_an_abbreviation_is_known_only_on_the_page_that_defines_it(tmp_path: Path) -> None:
    config = make(tmp_path)
    (tmp_path / "content" / "other.md").write_text("*[QQQ]: A thing\n", encoding="utf-8")
    assert acronyms_found(config, "The QQQ.") == ["QQQ"]


def test_an_acronym_is_unknown_unless_it_is_a_form(tmp_path: Path) -> None:
    config = make(tmp_path)
    (tmp_path / "glossary" / "csec.yml").write_text(
        "term: commercial sexual exploitation of children\nversion: 1\n"
        "definition: A CSEC case, as the DHS Blue Campaign says.\n"
        "aliases: [CSEC case, DHS Blue Campaign]\n" + HISTORY,
        encoding="utf-8",
    )
    (tmp_path / "glossary" / "ngo.yml").write_text(
        "term: non-governmental organization\nversion: 1\ndefinition: A charity.\n"
        "aliases: [NGO]\n" + HISTORY,
        encoding="utf-8",
    )
    (tmp_path / "content" / "caps.md").write_text(
        "A VICTIM, a SLAVE, SURVIVORS, a CSEC case, the DHS Blue Campaign.\n\n"
        "CSEC alone; DHS alone; FBI and FBIs.\n\nPARTNER NGOS\n",
        encoding="utf-8",
    )
    (tmp_path / "content" / "first.md").write_text(
        "XYZ comes before a CSEC case.\n\nABC comes between two: a CSEC case.\n", encoding="utf-8"
    )
    findings = run_checks(load_config(config)).findings
    on_page = {(f.rule, f.line, f.found) for f in findings if f.path == "content/caps.md"}
    assert on_page == {
        # forms match in any case ("VICTIM" is the form "victim"), so none is an acronym
        ("term.avoid", 1, "VICTIM"),
        ("term.deprecated", 1, "SLAVE"),
        # "NGOS" is no use of the form "NGO" (its plural is written "NGOs"), but no
        # unknown acronym either: it is the form in capitals, as a heading may write it
        # a word of a longer form is no form of its own
        ("term.unknown-acronym", 3, "CSEC"),
        ("term.unknown-acronym", 3, "DHS"),
    }
    # a form found later in the page does not hide an acronym before it
    assert [(f.rule, f.found) for f in findings if f.path == "content/first.md"] == [
        ("term.unknown-acronym", "XYZ"),
        ("term.unknown-acronym", "ABC"),
    ]
    in_definition = [f for f in findings if f.path == "glossary/csec.yml"]
    assert in_definition == []  # its own forms, found in its definition


def test_a_form_to_avoid_or_deprecated_in_another_case_is_reported_once(tmp_path: Path) -> None:
    """Forms of a case-sensitive term written in another case: an accepted one is a
    term.case finding; a form to avoid or of a deprecated term is reported as that alone.
    term.avoid gives the reason the glossary records, where there is one."""
    config = make(tmp_path)
    (tmp_path / "glossary" / "blue-campaign.yml").write_text(
        "term: Blue Campaign\ncase_sensitive: true\nversion: 1\ndefinition: A campaign.\n"
        "avoid:\n  - text: Blue Campain\n    reason: ' A misspelling. '\n  - Blue Bird\n" + HISTORY,
        encoding="utf-8",
    )
    (tmp_path / "glossary" / "old-campaign.yml").write_text(
        "term: Old Campaign\ncase_sensitive: true\nstatus: deprecated\n"
        "replaced_by: blue-campaign\nversion: 1\ndefinition: The campaign's old name.\n" + HISTORY,
        encoding="utf-8",
    )
    (tmp_path / "glossary" / "gone-campaign.yml").write_text(
        "term: Gone Campaign\nstatus: deprecated\nreplaced_by: no-such-term\nversion: 1\n"
        "definition: A campaign that ended.\n" + HISTORY,
        encoding="utf-8",
    )
    # A form other than the term, in a file whose id is no term's words (audit: the
    # message named 'old-term', the editor looked for the words "trafficking victim").
    (tmp_path / "glossary" / "old-term.yml").write_text(
        "term: trafficking victim\naliases: [victim of trafficking]\nstatus: deprecated\n"
        "replaced_by: blue-campaign\nversion: 1\ndefinition: An old name.\n" + HISTORY,
        encoding="utf-8",
    )
    (tmp_path / "content" / "cases.md").write_text(
        "The blue campain, the blue bird, the old campaign and the blue campaign.\n"
        "The Gone Campaign.\nA victim of trafficking.\n",
        encoding="utf-8",
    )
    findings = run_checks(load_config(config)).findings
    assert [
        (f.rule, f.line, f.column, f.found, f.suggestion, f.term, f.message)
        for f in findings
        if f.path == "content/cases.md"
    ] == [
        (
            "term.avoid",
            1,
            5,
            "blue campain",
            "Blue Campaign",
            "blue-campaign",
            "'blue campain' is a form to avoid; use 'Blue Campaign'. Why: A misspelling.",
        ),
        (
            "term.avoid",
            1,
            23,
            "blue bird",
            "Blue Campaign",
            "blue-campaign",
            "'blue bird' is a form to avoid; use 'Blue Campaign'.",
        ),
        (
            "term.deprecated",
            1,
            38,
            "old campaign",
            "Blue Campaign",
            "old-campaign",
            "'old campaign' is a deprecated term; use 'Blue Campaign'",
        ),
        (
            "term.case",
            1,
            59,
            "blue campaign",
            "Blue Campaign",
            "blue-campaign",
            "'blue campaign' should be written 'Blue Campaign' (the term is case-sensitive)",
        ),
        # a replacement that is no term (glossary.reference says so): nothing to suggest
        (
            "term.deprecated",
            2,
            5,
            "Gone Campaign",
            None,
            "gone-campaign",
            "'Gone Campaign' is a deprecated term",
        ),
        (
            "term.deprecated",
            3,
            3,
            "victim of trafficking",
            "Blue Campaign",
            "old-term",
            "'victim of trafficking' is a form of the deprecated term 'trafficking victim'; "
            "use 'Blue Campaign'",
        ),
    ]


def test_usage(tmp_path: Path) -> None:
    result = run_checks(load_config(make(tmp_path)))
    # Pages (a module's front matter title and objectives count for its page), each once,
    # in page order, then protocols (shown on their own pages), then the other terms'
    # definitions (survivor's names a vagrant). A miscased "t visa" is still a use.
    peh = "person-experiencing-homelessness"
    assert pages_using_terms(result.context) == {
        "survivor": [
            *("content/index.md", "content/modules/staff.md"),
            *("glossary/slave.yml", "glossary/t-visa.yml"),
        ],
        peh: [
            *("content/index.md", "content/modules/staff.md", "protocols/help.yml"),
            "glossary/survivor.yml",
        ],
        "t-visa": ["content/modules/staff.md", "protocols/help.yml"],
        "slave": ["content/modules/staff.md", "protocols/help.yml"],
    }
    assert terms_used_in(result.context, "content/modules/staff.md") == [
        "person-experiencing-homelessness",
        "t-visa",
        "slave",
        "survivor",
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["NGO", "NGOs", "A", "ABCDEFG", "FBI", "x", "I", "II", "O'", "\u2019", "_"])
        | st.sampled_from([" ", "\n", "\x00", "-", "'", "", "s", "7", "É"]),
        max_size=25,
    )
)
@example(["s", "'", "NGO"])  # drawn once: an acronym after an elided word
def test_acronyms_are_what_the_pattern_finds(pieces: list[str]) -> None:
    view = "".join(pieces)
    assert [found.span() for found in acronyms(view)] == acronyms_by_pattern(view)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["NGO", "N", "G", "Os", "A", "x", "I", "O'", "\u2019", "l'", "É", "Ñ"])
        | st.sampled_from([" ", "\n", "\x00", "-", "'", "", "s", "\x01", "\u00ad", "**"]),
        max_size=20,
    )
)
def test_a_text_said_to_hold_no_acronym_holds_none(pieces: list[str]) -> None:
    """term.unknown-acronym skips a definition that `may_hold_an_acronym` says holds none:
    `acronyms` finds none there, in any language, nor in the words read through markup
    or an invisible character ("N\x01GO" is NGO)."""
    view = "".join(pieces)
    if not may_hold_an_acronym(view):
        assert not [*acronyms(view), *acronyms(view, capital_elisions=True)]
    if "\x01" in view or "\u00ad" in view:
        assert may_hold_an_acronym(view)


def test_capitals_that_make_no_acronym_are_passed_over_in_one_search() -> None:
    """A word of capitals that ends in a digit (`TQ119`, a form's number; `H2A`) or runs
    past six letters (`CONTRIBUTING`) holds no acronym: the patterns are tried at none of
    its pairs of capitals (each was tried at every pair, two patterns and a call each:
    5 ms of the bench's scan, a term's number in a page)."""
    from work import calls_made

    view = " ".join(["TQ119", "H2A", "CONTRIBUTING", "l'ONUx"] * 1_000) + " NGO's"
    assert [found.group() for found in acronyms(view, capital_elisions=True)] == ["NGO"]
    assert calls_made(lambda: list(acronyms(view, capital_elisions=True))) < 20


def acronyms_by_pattern(view: str) -> list[tuple[int, int]]:
    """What `acronyms` finds, read at every position by its two patterns alone: the
    acronym pattern, or the one after an elided word in small letters ("s'NGO", "l'ONU");
    the elision was missing here, so a draw of `s`, `'`, `NGO` failed by chance."""
    spans, start = [], 0
    while start < len(view):
        found = _ACRONYM.match(view, start)
        if found is None and after_elision(view, start) and view[start - 2].islower():
            found = _ACRONYM_AFTER_ELISION.match(view, start)
        if found is None:
            start += 1
        else:
            spans.append(found.span())
            start = found.end()
    return spans


TASK_FORCE = "Anti-Trafficking Task Force"
FORCES = f"{TASK_FORCE}s"


@pytest.mark.parametrize(
    ("form", "text", "found", "suggestion"),
    [
        (TASK_FORCE, "the anti-trafficking task force", "anti-trafficking task force", TASK_FORCE),
        (TASK_FORCE, "some anti trafficking task forces", "anti trafficking task forces", FORCES),
        ("Survivor\u2019s Fund", "the survivor's fund", "survivor's fund", "Survivor\u2019s Fund"),
        ("T-1 visa", "a t-1 visa", "t-1 visa", "T-1 visa"),
        ("Blue\u00a0Campaign", "the blue campaign's", "blue campaign's", "Blue\u00a0Campaign's"),
    ],
)  # fmt: skip
def test_term_case_suggests_the_form_as_the_glossary_writes_it(
    tmp_path: Path, form: str, text: str, found: str, suggestion: str
) -> None:
    """Hyphens, curly apostrophes and non-breaking spaces of a case-sensitive form are
    kept in the suggestion (DESIGN 3.1: `term` is "the preferred form, as it should be
    written"); only the last word takes the inflection used."""
    config = make(tmp_path)
    (tmp_path / "glossary" / "task-force.yml").write_text(
        f"term: {json.dumps(form)}\ncase_sensitive: true\nversion: 1\ndefinition: A body.\n"
        + HISTORY,
        encoding="utf-8",
    )
    (tmp_path / "content" / "case.md").write_text(f"About {text} here.\n", encoding="utf-8")
    findings = run_checks(load_config(config)).findings
    assert [
        (f.found, f.suggestion, f.term)
        for f in findings
        if f.rule == "term.case" and f.path == "content/case.md"
    ] == [(found, suggestion, "task-force")]


def test_markup_inside_a_form_is_no_change_of_its_case(tmp_path: Path) -> None:
    """ "[T visa](u)s" is "T visas" as written: no term.case finding; "[CSEC](u)s" is a
    use of the all-capitals form to avoid "CSEC"."""
    config = make(tmp_path)
    (tmp_path / "glossary" / "csec.yml").write_text(
        "term: commercial sexual exploitation of children\nversion: 1\n"
        "definition: Exploitation.\navoid: [CSEC]\n" + HISTORY,
        encoding="utf-8",
    )
    (tmp_path / "content" / "glued.md").write_text(
        "The [T visa](index.md)s we filed, and many [CSEC](index.md)s.\n", encoding="utf-8"
    )
    findings = run_checks(load_config(config)).findings
    assert [
        (f.rule, f.line, f.column, f.found) for f in findings if f.path == "content/glued.md"
    ] == [("term.avoid", 1, 45, "CSEC](index.md)s")]


def test_a_form_with_an_ampersand_is_found_where_markdown_writes_it_as_a_reference(
    tmp_path: Path,
) -> None:
    """ "AT&amp;T" shows "AT&T": the form to avoid "AT&T" is used there, found as written."""
    config = make(tmp_path)
    (tmp_path / "glossary" / "telecom.yml").write_text(
        "term: telephone company\nversion: 1\ndefinition: A carrier.\navoid: ['AT&T']\n" + HISTORY,
        encoding="utf-8",
    )
    (tmp_path / "content" / "phone.md").write_text(
        "Ask AT&amp;T or AT&#38;T, or AT&T.\n", encoding="utf-8"
    )
    findings = run_checks(load_config(config)).findings
    assert [
        (f.rule, f.line, f.column, f.found) for f in findings if f.path == "content/phone.md"
    ] == [
        ("term.avoid", 1, 5, "AT&amp;T"),
        ("term.avoid", 1, 17, "AT&#38;T"),
        ("term.avoid", 1, 30, "AT&T"),
    ]


def test_a_reference_to_an_underscore_joins_a_word_as_shown(tmp_path: Path) -> None:
    """Audit: "homeless&lowbar;person" shows one word "homeless_person" (a reference is
    never emphasis in Python-Markdown), but was read as the form to avoid "homeless
    person"; written with a space, it is one."""
    config = make(tmp_path)
    (tmp_path / "content" / "joined.md").write_text(
        "A homeless&lowbar;person, a homeless&#95;person, a homeless&#32;person.\n",
        encoding="utf-8",
    )
    findings = run_checks(load_config(config)).findings
    assert [
        (f.rule, f.line, f.column, f.found) for f in findings if f.path == "content/joined.md"
    ] == [("term.avoid", 1, 52, "homeless&#32;person")]


def test_markup_inside_a_word_is_read_through(tmp_path: Path) -> None:
    """The reader sees "victimhood" and "victims": the first is no use of the form to
    avoid "victim", the second is one, found across the link's markup."""
    config = make(tmp_path)
    (tmp_path / "content" / "glued.md").write_text(
        "No **victim**hood here.\n\nThe [victim](index.md)s we met.\n", encoding="utf-8"
    )
    findings = run_checks(load_config(config)).findings
    assert [
        (f.rule, f.line, f.column, f.found) for f in findings if f.path == "content/glued.md"
    ] == [("term.avoid", 3, 6, "victim](index.md)s")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # The reader sees "NGOs", "HUD" and "XYZW": one word each, found as written.
        ("The **NG**Os, HU<b>D</b> and XY&shy;ZW.", ["NG**Os", "HU<b>D", "XY&shy;ZW"]),
        # Nine capitals in one word, as shown: no acronym, nor is either half.
        ("ABC&shy;DEFGHI and ABC<!-- x -->DEFGHI.", []),
        # An invisible character written as itself, as written as a reference (rv23).
        ("XY\u00adZW and ABC\u200bDEFGHI.", ["XY\u00adZW"]),
        # A known acronym written with markup inside is still known.
        ("The F**BI** and the **F**BI.", []),
        # `&` written as a reference inside a name, as Markdown writes it: still one name.
        ("AT&amp;T and AT&#38;T, as AT&T.", []),
    ],
)
def test_markup_inside_an_acronym_is_read_through(
    tmp_path: Path, text: str, found: list[str]
) -> None:
    """term.unknown-acronym reads a word as term.avoid does (`test_markup_inside_a_word_is
    _read_through`), not the pieces markup or an invisible character splits it into."""
    assert acronyms_found(make(tmp_path), text) == found


def test_characters_no_reader_sees_are_read_through(tmp_path: Path) -> None:
    """Text pasted from a word processor: "vic\u00adtim" (an optional hyphen) and
    "vag&shy;rant" read as the words they show, "victim\u00adhood" as "victimhood"; a
    zero-width space or a thin space between two words is a space. Each is found as the
    source writes it, invisible characters included, at its own column."""
    config = make(tmp_path)
    (tmp_path / "content" / "pasted.md").write_text(
        "A vic\u00adtim, no victim\u00adhood, a vag&shy;rant.\n\n"
        "A homeless\u200b person, a homeless\u2009person.\n",
        encoding="utf-8",
    )
    findings = run_checks(load_config(config)).findings
    assert [
        (f.rule, f.line, f.column, f.found) for f in findings if f.path == "content/pasted.md"
    ] == [
        ("term.avoid", 1, 3, "vic\u00adtim"),
        ("term.avoid", 1, 30, "vag&shy;rant"),
        ("term.avoid", 3, 3, "homeless\u200b person"),
        ("term.avoid", 3, 23, "homeless\u2009person"),
    ]


def test_a_short_written_in_the_file_is_checked_as_the_tooltips_show_it(tmp_path: Path) -> None:
    """The `short` of a term is the text every tooltip shows: it is checked like the
    definition (its own forms allowed). One the site makes from the definition is not
    checked twice."""
    make(tmp_path)
    short = "short: Never for a vagrant, only a T visa for a survivor.\n"
    (tmp_path / "glossary" / "t-visa.yml").write_text(
        TERMS["t-visa"].replace("version: 1\n", f"version: 1\n{short}", 1), encoding="utf-8"
    )
    findings = run_checks(load_config(tmp_path / "mkdocs.yml")).findings
    assert [
        (f.rule, f.line, f.column, f.found) for f in findings if f.path == "glossary/t-visa.yml"
    ] == [("term.avoid", 4, 20, "vagrant")]
    # The other terms write no short: their definitions' first sentences are not reported
    # again (survivor's "vagrant" once, at its definition).
    assert [f.line for f in findings if f.path == "glossary/survivor.yml"] == [5]


@pytest.mark.parametrize(
    "short",
    ["A `vagrant` never.", "A *vagrant* never.", "A <!-- vagrant --> never.", "[A vagrant](x)."],
)
def test_a_short_is_plain_text_as_tooltips_show_it(tmp_path: Path, short: str) -> None:
    """Tooltips show a short as it is typed: backticks, stars, comments and brackets are
    text there, and the words inside them are checked."""
    make(tmp_path)
    (tmp_path / "glossary" / "t-visa.yml").write_text(
        TERMS["t-visa"].replace("version: 1\n", f"version: 1\nshort: {json.dumps(short)}\n", 1),
        encoding="utf-8",
    )
    findings = run_checks(load_config(tmp_path / "mkdocs.yml")).findings
    assert [
        (f.rule, f.found)
        for f in findings
        if f.path == "glossary/t-visa.yml" and f.rule != "glossary.short"  # its markup
    ] == [("term.avoid", "vagrant")]


CAPITALS_PAGE = """\
# Visas

## WHAT A T VISA PROTECTS

**CALL 911 FIRST. A T VISA HOLDER MAY ALSO CALL THE HOTLINE.**

| T VISA HOLDERS | WHO TO CALL |
|---|---|
| Apply for a t visa | T Visa office |

A poster reads:

IF YOU ARE A T VISA HOLDER
CALL US TODAY

Read this first. ASK ABOUT A T VISA! Then call.

Apply for a T VISA now, or ask USCIS about T VISA rules.
Apply with the
T VISA FORM I-914
to USCIS.

The U.S. T VISA. ## WHAT A T Visa PROTECTS

## T VISA

T VISA 2026

FBI: T VISA

Read `t-visa.md` FOR THE T VISA.

SEE `T-VISA.MD` FOR THE T VISA.
"""


def case_uses_on_visas_page(config: Path) -> list[tuple[int, str]]:
    """Line and text of each term.case finding on content/visas.md."""
    findings = run_checks(load_config(config)).findings
    return [
        (f.line, f.found)
        for f in findings
        if f.rule == "term.case" and f.path == "content/visas.md"
    ]


def test_a_form_in_a_sentence_written_in_capitals_is_no_change_of_its_case(
    tmp_path: Path,
) -> None:
    """An editor who writes a heading, a table's header cell or a poster's words in
    capitals wrote no form in the wrong case: the whole sentence is in capitals (audit).
    A form in capitals among words in small letters is still reported, and so is one
    alone in its sentence (nothing tells capitals of the line from a miswritten form),
    and a form in another case than capitals (`T Visa`) wherever it is."""
    config = make(tmp_path)
    (tmp_path / "content" / "visas.md").write_text(CAPITALS_PAGE, encoding="utf-8")
    assert case_uses_on_visas_page(config) == [
        (9, "t visa"),
        (9, "T Visa"),
        (18, "T VISA"),  # words in small letters in its sentence
        (18, "T VISA"),
        (20, "T VISA"),  # a line break ends no sentence
        (23, "T VISA"),  # after "U.S.", "T VISA." is alone in its sentence
        (23, "T Visa"),
        (25, "T VISA"),  # a heading of the form alone
        (27, "T VISA"),  # digits are no words in capitals
        (29, "T VISA"),  # nor is a known acronym (review rv48b)
        (31, "T VISA"),  # code ends no sentence: its small letters count (review rv48b)
    ]


@pytest.mark.parametrize(
    ("view", "in_capitals"),
    [
        ("\x00WHAT A [T VISA] PROTECTS\x00", True),
        ("Say no more. “A [T VISA] HOLDER!” Then stop.", True),
        ("Say no more.\n\nA [T VISA] HOLDER\n\nthen stop.", True),  # a YAML value's paragraphs
        ("Say no more A [T VISA] HOLDER. Then stop.", False),
        ("ASK ABOUT [T VISA]… rules", True),
        ("ASK ABOUT [T VISA]…rules", False),
        ("[T VISA]", False),
        ("\x00[T VISA] 2026\x00", False),
        ("\x00ÉTAT [T VISA]\x00", True),
        ("\x00Été [T VISA]\x00", False),
        ("\x00[T VISA]'S HOLDER\x00", True),
        ("\x00[T VISA]'s HOLDER\x00", False),
        ("\x00[T Visa] HOLDER\x00", False),
        (f"{'A ' * 300}[T VISA] holder", False),
        # A small letter anywhere in the sentence, however far from the form: read 400
        # characters either side, a longer sentence in capitals was one all in capitals.
        (f"lower {'A ' * 300}[T VISA] HOLDER", False),
        (f"[T VISA] HOLDER {'A ' * 300}lower", False),
        (f"Stop. {'A ' * 300}[T VISA] HOLDER {'A ' * 300}. Then", True),
    ],
)
def test_a_forms_sentence_ends_at_a_stop_or_a_block(view: str, in_capitals: bool) -> None:
    start = view.index("[") + 1
    end = view.index("]")
    view = view.replace("[", " ").replace("]", " ")
    assert in_capitals_sentence(view, start, end) is in_capitals


@pytest.mark.parametrize(
    ("view", "in_capitals"),
    [
        # Review rv48b: acronyms and other terms' forms are in capitals whatever the
        # sentence's case, so they tell nothing of it: a list of them is no sentence in
        # capitals ("FBI" is a known acronym here, "U VISA" a form of a term).
        ("\x00FBI, ICE, [T VISA]\x00", False),
        ("\x00FBI: [T VISA]\x00", False),
        ("\x00[T VISA] / {U VISA}\x00", False),
        ("\x00[T VISA] AND {U VISA}\x00", True),  # "AND" is a word in capitals
        ("\x00FBI WANTS A [T VISA]\x00", True),
        # A script with no case has no capitals: its sentence is not in capitals.
        ("\x00申请 [T VISA] 或 {U VISA} 的人\x00", False),
        ("\x00申请 [T VISA] OR VISA\x00", False),
        ("\x00ΑΙΤΗΣΗ [T VISA]\x00", True),  # Greek has capitals
    ],
)
def test_acronyms_forms_and_letters_with_no_case_make_no_sentence_in_capitals(
    view: str, in_capitals: bool
) -> None:
    start, end = view.index("[") + 1, view.index("]")
    forms = [(view.index("{") + 1, view.index("}"))] if "{" in view else []
    view = view.translate(str.maketrans("[]{}", "    "))
    found = in_capitals_sentence(view, start, end, forms, frozenset({"FBI", "ICE"}))
    assert found is in_capitals


@pytest.mark.parametrize(
    ("view", "in_capitals"),
    [
        # Session 54: a form's number (`I-914`, `G-28`, `I914`) is written in capitals in
        # any sentence, as a known acronym is: it tells nothing of the sentence's case, and
        # `## T VISA (I-914)` is reported as `## T VISA` and `## T VISA 2026` are.
        ("\x00[T VISA] (I-914)\x00", False),
        ("\x00[T VISA]: I-914, I-918\x00", False),
        ("\x00[T VISA] (I914)\x00", False),
        ("\x00[T VISA] (G-28, H-2A)\x00", False),
        ("\x00[T VISA] COVID-19\x00", False),
        ("\x00[T VISA] 1099-NEC\x00", False),
        # Another word in capitals beside it says the sentence is so.
        ("\x00[T VISA] (FORM I-914)\x00", True),
        ("\x00APPLY FOR A [T VISA] (I-914)\x00", True),
        ("\x00[T VISA] (I-914, SUPPLEMENT B)\x00", True),
        # An ordinal's letters are a word: `2nd` in small letters otherwise.
        ("\x00[T VISA] 2ND\x00", True),
        ("\x00[T VISA] 3RD-4TH\x00", True),
        # Small letters anywhere: never.
        ("\x00[T VISA] (I-914 Supplement B)\x00", False),
    ],
)
def test_a_forms_number_is_no_word_in_capitals(view: str, in_capitals: bool) -> None:
    start = view.index("[") + 1
    end = view.index("]")
    view = view.replace("[", " ").replace("]", " ")
    assert in_capitals_sentence(view, start, end) is in_capitals


TWO_FORMS_PAGE = """\
# Visas

## T VISA AND U VISA

## T VISA, U VISA

## T VISA HOTLINE

## USCIS: T VISA

## T VISA / USCIS

We help. T VISA, U VISA. Then more.

- T VISA/U VISA
"""


def test_a_word_of_a_term_in_any_case_counts_as_the_sentence_s_word_a_case_sensitive_form_none(
    tmp_path: Path,
) -> None:
    """A heading of a form and another word in capitals (`## T VISA AND U VISA`) or a
    case-insensitive term's word (`## T VISA HOTLINE`, `hotline` taking the heading's case
    as any word does) is in capitals because the heading is. A case-sensitive term's form
    in capitals tells nothing of its sentence's case: one the glossary writes in capitals
    (`USCIS`) is so in any sentence, and one it writes with small letters (`U VISA` of `U
    visa`) is the very case in question. `## T VISA, U VISA`, `T VISA, U VISA.` in a
    paragraph and `- T VISA/U VISA` are reported as `## T VISA` is (session 53 counted `U
    VISA` as a word and hid them; review)."""
    config = make(tmp_path)
    glossary = tmp_path / "glossary"
    (glossary / "u-visa.yml").write_text(
        TERMS["t-visa"].replace("term: T visa", "term: U visa"), encoding="utf-8"
    )
    (glossary / "hotline.yml").write_text(
        TERMS["t-visa"].replace("term: T visa\ncase_sensitive: true", "term: hotline"),
        encoding="utf-8",
    )
    (glossary / "uscis.yml").write_text(
        TERMS["t-visa"].replace("term: T visa\ncase_sensitive: true", "term: USCIS"),
        encoding="utf-8",
    )
    (tmp_path / "content" / "visas.md").write_text(TWO_FORMS_PAGE, encoding="utf-8")
    assert case_uses_on_visas_page(config) == [
        (5, "T VISA"),
        (5, "U VISA"),
        (9, "T VISA"),
        (11, "T VISA"),
        (13, "T VISA"),
        (13, "U VISA"),
        (15, "T VISA"),
        (15, "U VISA"),
    ]


TWENTY_THOUSAND = (
    "handbook: 20,000 findings: 0 errors, 20,000 warnings, 0 infos (term.case 20,000)\n"
)


@pytest.mark.parametrize(
    ("page", "summary"),
    [
        # one sentence of 20,000 uses, a small letter at its start: each reported
        ("lower " + "T VISA AND " * 20_000, TWENTY_THOUSAND),
        # one sentence all in capitals of 20,000 uses: none reported
        ("T VISA AND " * 20_000, ""),
        # 20,000 sentences of a use each, alone in it: each reported
        ("T VISA. " * 20_000, TWENTY_THOUSAND),
    ],
    ids=["a-long-sentence-with-a-small-letter", "a-long-sentence-in-capitals", "many-sentences"],
)
def test_a_sentence_s_capitals_are_read_once_however_many_forms_it_holds(
    tmp_path: Path, page: str, summary: str
) -> None:
    """Each sentence is read whole (not 400 characters either side of a form), once:
    read again for each of its forms, a sentence of 20,000 would be quadratic."""
    from handbooks import make_handbook
    from work import checked_in_time

    config = make_handbook(
        tmp_path, f"# A page\n\n{page}\n", **{"glossary__t-visa.yml": TERMS["t-visa"]}
    )
    completed = checked_in_time(config)
    assert (completed.returncode, completed.stderr) == (0, summary)
