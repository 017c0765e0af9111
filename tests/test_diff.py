"""`handbook diff` on small handbooks in temporary git repositories."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import difflib
import io
import itertools
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import SimpleNamespace

import pytest
from git_repositories import commit, git, quiet_git, write
from handbooks import set_handbook_options
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_handbook import suppression
from coalition_handbook.check import run_checks
from coalition_handbook.cli import diff_command as run_diff
from coalition_handbook.cli import main
from coalition_handbook.cli import tell_diff_failures as tell_failures
from coalition_handbook.config import load_config
from coalition_handbook.editor import compare_base, left_out_pages, report_suppressions
from coalition_handbook.editor.changes_layout import paragraph_blocks
from coalition_handbook.editor.diff import _read_by_the_loader as read_by_the_loader
from coalition_handbook.editor.report_fields import describe, list_change
from coalition_handbook.editor.report_history import history_lines
from coalition_handbook.editor.report_limits import ReportLimits, step_summary_limits, within
from coalition_handbook.editor.report_markdown import escape, inline_code
from coalition_handbook.editor.scaffold import run_new
from coalition_handbook.editor.text_diff import BREAKS_MOVED, line_diff, text_diff, word_diff
from coalition_handbook.findings import Finding, Severity
from coalition_handbook.model.types import Contact, Handbook, HistoryEntry, SourceRef
from coalition_handbook.suppression import Suppressions, handbook_suppressions

TERM = """\
term: {term}
version: {version}
{extra}definition: {definition}
history:
{history}"""

PROTOCOL = """\
title: Hotel staff
version: {version}
owner: Protocols committee
effective: 2026-01-01
review_by: 2030-01-01
audience: [hotel staff]
summary: What hotel staff do when they suspect trafficking.
steps:
  - title: {step}
    detail: Call the hotline.
history:
{history}"""

MODULE = """\
---
title: Hotel staff
version: {version}
audience: [hotel staff]
duration: 45 minutes
objectives: [Know the signs]
history:
{history}---

## Realize

{realize}

## Recognize

Signs.

## Respond

Call.
"""

PAGE = "# Home\n\nWe support every survivor.\n\nA note on language.\n"
LAYOUT_ONLY = (
    "layout only (spaces, line breaks, comments or how accents are encoded; no version bump needed)"
)


def history(*versions: int) -> str:
    return "".join(
        f"  - version: {version}\n    date: 2026-0{version}-01\n    summary: Version {version}.\n"
        for version in versions
    )


def term(
    name: str = "survivor",
    version: int = 1,
    definition: str = "A person who has experienced trafficking.",
    versions: tuple[int, ...] = (1,),
    extra: str = "",
) -> str:
    return TERM.format(
        term=name,
        version=version,
        definition=definition,
        history=history(*versions),
        extra=extra,
    )


def deprecate_survivor(repository: Path) -> None:
    """Version 2 of `survivor`: deprecated, replaced by `person`."""
    write(
        repository,
        "glossary/survivor.yml",
        term(version=2, versions=(2, 1), extra="status: deprecated\nreplaced_by: person\n"),
    )


def diff_after_survivor_deprecated(
    repository: Path, capsys: pytest.CaptureFixture[str], page: str, text: str
) -> str:
    """`handbook diff`'s report, which must pass, after `survivor` is deprecated for
    `person` in a commit after one that writes `text` at `page`."""
    write(repository, "glossary/person.yml", term("person who has experienced trafficking"))
    write(repository, page, text)
    commit(repository, "uses")
    deprecate_survivor(repository)
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    return out


@pytest.fixture(autouse=True)
def quiet_git_here(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    quiet_git(monkeypatch, tmp_path)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A committed handbook: one term, one protocol, one module and a page."""
    root = tmp_path / "handbook"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write(root, "mkdocs.yml", "site_name: T\ndocs_dir: content\nplugins:\n  - handbook\n")
    write(root, "content/index.md", PAGE)
    write(root, "glossary/survivor.yml", term())
    write(
        root,
        "protocols/hotel-staff.yml",
        PROTOCOL.format(version=1, step="Call", history=history(1)),
    )
    write(
        root,
        "content/modules/hotel-staff.md",
        MODULE.format(version=1, history=history(1), realize="It happens here."),
    )
    commit(root, "base")
    return root


def diff(
    root: Path, capsys: pytest.CaptureFixture[str], base: str = "HEAD", head: str | None = None
) -> tuple[int, str, str]:
    code = run_diff(load_config(root / "mkdocs.yml", require_folders=False), base, head)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_nothing_changed(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = diff(repository, capsys)
    assert (code, err) == (0, "")
    assert out.startswith("## Handbook changes: `HEAD` (")
    assert "→ the working tree" in out
    assert "No glossary term, protocol or training module changed." in out


def test_added_term(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repository, "glossary/t-visa.yml", term("T visa", extra="case_sensitive: true\n"))
    code, out, _ = diff(repository, capsys)
    assert code == 0
    assert "| terms | 1 | 0 | 0 | 0 | 0 |" in out
    assert "### New terms" in out
    assert "- **T visa** (`t-visa`, `glossary/t-visa.yml`): version 1, approved" in out
    assert "  - accepted forms: `T visa`" in out
    # What the reviewers are asked to approve.
    assert "  - definition:\n\n    > A person who has experienced trafficking.\n" in out


def test_new_accepted_forms_used_nowhere_are_one_line_under_the_table(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit, two glossaries merged: a hundred new terms made a hundred rows "not a form
    of any term | accepted | not used" that changed no page, and buried the rows of the
    forms that pages use. Those are named on one line; a new form that a page uses
    keeps its row."""
    write(repository, "content/index.md", "# Home\n\nAsk for an interpreter.\n")
    commit(repository)
    for name in ("wage theft", "interpreter", "aging out"):
        write(repository, f"glossary/{name.replace(' ', '-')}.yml", term(name))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    lines = out.splitlines()
    assert [line for line in lines if line.startswith("| `")] == [
        "| `interpreter` | not a form of any term | accepted (`interpreter`) | "
        "`content/index.md:3:12` |"
    ]
    assert (
        "New accepted forms that nothing uses yet (their terms are listed below, under "
        "**New terms**): "
        "`aging out`, `wage theft`"
    ) in lines


# An English set (a case-sensitive form and one in capitals, which raw order put before
# every lowercase one) and a Spanish one (accented letters, which it put after `z`: audit).
A_TO_Z_FORMS = [
    pytest.param(
        ["wage theft", "T visa", "ILO", "aging out", "debt bondage"],
        ["aging out", "debt bondage", "ILO", "T visa", "wage theft"],
        id="english",
    ),
    pytest.param(
        ["zona", "Lover boy", "Órgano rector", "ñu", "ética", "Ángel", "abuso"],
        ["abuso", "Ángel", "ética", "Lover boy", "ñu", "Órgano rector", "zona"],
        id="spanish",
    ),
]


def _add_terms(repository: Path, names: Sequence[str]) -> None:
    for number, name in enumerate(names):
        exact_case = "case_sensitive: true\n" if name == "T visa" else ""
        write(repository, f"glossary/t{number}.yml", term(name, extra=exact_case))


@pytest.mark.parametrize(("names", "in_order"), A_TO_Z_FORMS)
def test_new_accepted_forms_used_nowhere_are_named_in_the_a_to_z_order(
    repository: Path, capsys: pytest.CaptureFixture[str], names: list[str], in_order: list[str]
) -> None:
    """Audit (a Spanish translator): the forms came in code-point order, capitals before
    every lowercase letter and accented letters after `z`; they come as the site's A-Z
    files them (`a_to_z_key`)."""
    _add_terms(repository, names)
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    line = next(line for line in out.splitlines() if line.startswith("New accepted forms"))
    assert line.endswith("): " + ", ".join(inline_code(name) for name in in_order)), line


def test_a_spanish_site_s_forms_come_in_its_own_a_to_z_order(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review rv37: a Spanish glossary files `ñu` under Ñ, after every N; the report
    listed it among the Ns (`ñu` before `nube`), unlike the site it was said to follow."""
    config = (repository / "mkdocs.yml").read_text(encoding="utf-8")
    write(repository, "mkdocs.yml", config + "theme:\n  name: mkdocs\n  language: es\n")
    commit(repository)
    _add_terms(repository, ["oso", "ñu", "nube"])
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    line = next(line for line in out.splitlines() if line.startswith("New accepted forms"))
    assert line.endswith("): `nube`, `ñu`, `oso`"), line


@pytest.mark.parametrize(
    ("base", "head", "said"),
    [
        ("en", "es", "takes Spanish plurals, not English ones"),
        ("es", "fr", "takes French plurals, not Spanish ones"),
        ("es", "de", "takes German plurals, not Spanish ones"),
        ("de", "it", "takes English plurals, not German ones"),
        ("es", "es-ES", None),
        ("en", "fr", "takes French plurals, not English ones"),
        ("fr", "fr-CA", None),
    ],
)
def test_a_change_of_the_sites_language_to_other_plurals_is_said(
    repository: Path, capsys: pytest.CaptureFixture[str], base: str, head: str, said: str | None
) -> None:
    """A change that turned the site Spanish was compared with the head's plurals on both
    sides: no form's state changed, and the report said nothing, though `handbook check`
    then finds `Los explotadores` as a use of `explotador`."""
    config = (repository / "mkdocs.yml").read_text(encoding="utf-8")
    write(repository, "mkdocs.yml", config + f"theme:\n  name: mkdocs\n  language: {base}\n")
    commit(repository)
    write(repository, "mkdocs.yml", config + f"theme:\n  name: mkdocs\n  language: {head}\n")
    config_file = repository / "mkdocs.yml"
    code = run_diff(
        load_config(config_file, require_folders=False), "HEAD", None, config_file=config_file
    )
    out = capsys.readouterr().out
    assert code == 0, out
    notes = [line for line in out.splitlines() if "`theme.language` is" in line]
    if said is None:
        assert notes == []
    else:
        assert len(notes) == 1 and said in notes[0], notes
        assert f"is `{base}` at the base and `{head}` here" in notes[0]


@pytest.mark.parametrize(("names", "in_order"), A_TO_Z_FORMS)
def test_the_uses_table_lists_its_forms_in_the_a_to_z_order(
    repository: Path, capsys: pytest.CaptureFixture[str], names: list[str], in_order: list[str]
) -> None:
    write(repository, "content/index.md", "# Home\n\n" + "".join(f"{name}.\n" for name in names))
    commit(repository)
    _add_terms(repository, names)
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    rows = [line for line in out.splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == in_order, rows


def test_new_accepted_forms_used_nowhere_alone_make_no_table(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repository, "glossary/wage-theft.yml", term("wage theft"))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    section = out[out.index("### Where a form whose status changed is used") :]
    assert "| form |" not in section
    assert "Pages, protocols and definitions that use each form" not in section
    assert (
        "New accepted forms that nothing uses yet (their terms are listed below, under "
        "**New terms**): `wage theft`" in section
    )


def test_changed_terms_come_before_added_ones(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit, two glossaries merged: 86 new terms (800 lines) came before the existing
    terms whose definitions the merge changed, which are what reviewers must read."""
    changed = "A person who has lived through trafficking."
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2, 1), definition=changed))
    write(repository, "glossary/aging-out.yml", term("aging out"))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    headings = [line for line in out.splitlines() if line.startswith(("### ", "#### "))]
    terms = headings[headings.index("### Terms") :]
    assert terms == [
        "### Terms",
        "#### Changed",
        "### Where a form whose status changed is used",
        "### New terms",
    ], headings
    assert "| terms | 1 | 0 | 0 | 0 | 1 |" in out  # the table keeps its columns


@pytest.mark.parametrize(
    ("before", "after", "was", "now"),
    [
        (
            "status: proposed\n",
            "",
            "accepted (`survivor`, a proposed term)",
            "accepted (`survivor`)",
        ),
        (
            "",
            "status: proposed\n",
            "accepted (`survivor`)",
            "accepted (`survivor`, a proposed term)",
        ),
    ],
)
def test_a_term_proposed_or_approved_lists_the_pages_that_use_its_forms(
    repository: Path,
    capsys: pytest.CaptureFixture[str],
    before: str,
    after: str,
    was: str,
    now: str,
) -> None:
    """Audit (edit57): a term approved (or sent back to proposed) changes the tooltip of
    every use of its forms ("Proposed: ..."), yet the report listed no page that uses
    them: its forms were "accepted" on both sides."""
    write(repository, "glossary/survivor.yml", term(extra=before))
    commit(repository, "before")
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2, 1), extra=after))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    section = out.split("### Where a form whose status changed is used\n\n", 1)[1]
    assert f"| `survivor` | {was} | {now} | `content/index.md:3:18` |" in section


def test_two_deprecated_terms_sharing_a_form_are_shown_as_a_duplicate(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As glossary.duplicate reports them: one replacement does not make two deprecated
    terms' shared form agree (audit of a glossary merge)."""
    retired = "status: deprecated\nreplaced_by: survivor\n"
    write(repository, "glossary/slave.yml", term("sex slave", extra=retired))
    write(repository, "glossary/north-slave.yml", term("sex slave", extra=retired))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert (
        "| `sex slave` | not a form of any term | deprecated (`north-slave`); also claimed by "
        "`slave` (glossary.duplicate) | not used |"
    ) in out.splitlines()


def test_two_deprecated_terms_sharing_a_form_their_replacement_avoids_are_a_duplicate(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review rv20: the replacement's own `avoid` entry agrees with each of them, and the
    row, which weighed the others against it alone, named no duplicate where
    glossary.duplicate reports one (the two deprecated terms)."""
    retired = "status: deprecated\nreplaced_by: survivor\n"
    avoids = "avoid: [sex slave]\n"
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2, 1), extra=avoids))
    write(repository, "glossary/slave.yml", term("sex slave", extra=retired))
    write(repository, "glossary/north-slave.yml", term("sex slave", extra=retired))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    (row,) = [line for line in out.splitlines() if line.startswith("| `sex slave` |")]
    assert row.endswith(" also claimed by `north-slave`, `slave` (glossary.duplicate) | not used |")


def test_an_added_deprecated_terms_forms_are_not_called_accepted(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: its forms were listed as "accepted forms", while the table below called
    them deprecated; all of a deprecated term's forms are discouraged."""
    deprecated = "status: deprecated\nreplaced_by: survivor\naliases: [sex slaves]\n"
    write(repository, "glossary/sex-slave.yml", term("sex slave", extra=deprecated))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert (
        "  - forms (all discouraged: the term is deprecated): `sex slave`, `sex slaves`\n"
    ) in out
    assert "accepted forms" not in out
    assert "| `sex slave` | not a form of any term | deprecated (`sex-slave`) |" in out


@pytest.mark.parametrize(
    ("replacement", "why", "until"),
    [
        ("persn", "which is no term", "one"),
        ("sex-slave", "which is the term itself", "the term to use now"),
    ],
)
def test_an_added_deprecated_terms_replacement_the_check_refuses_says_why(
    repository: Path, capsys: pytest.CaptureFixture[str], replacement: str, why: str, until: str
) -> None:
    """Review: a term added deprecated for a typo showed its `replaced_by` as it did one
    that names a term; the check fails on it (glossary.reference), as the status line of
    a term deprecated by a change says."""
    deprecated = f"status: deprecated\nreplaced_by: {replacement}\n"
    write(repository, "glossary/sex-slave.yml", term("sex slave", extra=deprecated))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert (
        f"  - replaced by: `{replacement}`, {why}: `handbook check` fails until `replaced_by` "
        f"names {until}\n"
    ) in out


@pytest.mark.parametrize(
    ("replacement", "why"),
    [
        ("persn", ", which is no term: `handbook check` fails until `replaced_by` names one"),
        ("person", ""),
    ],
)
def test_a_deprecated_terms_replacement_changed_to_one_the_check_refuses_says_why(
    repository: Path, capsys: pytest.CaptureFixture[str], replacement: str, why: str
) -> None:
    """Review: a deprecated term's `replaced_by` changed to a typo showed as a change
    like any other, while the check fails on it (glossary.reference)."""
    write(repository, "glossary/person.yml", term("person"))
    deprecated = "status: deprecated\nreplaced_by: {}\n"
    write(
        repository, "glossary/sex-slave.yml", term("sex slave", extra=deprecated.format("survivor"))
    )
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "deprecated")
    changed = term("sex slave", 2, versions=(2, 1), extra=deprecated.format(replacement))
    write(repository, "glossary/sex-slave.yml", changed)
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert f"  - `replaced_by`: `survivor` → `{replacement}`{why}\n" in out


def test_an_added_deprecated_terms_replacement_that_is_a_term_is_named_alone(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        repository,
        "glossary/sex-slave.yml",
        term("sex slave", extra="status: deprecated\nreplaced_by: survivor\n"),
    )
    _, out, _ = diff(repository, capsys)
    assert "  - replaced by: `survivor`\n" in out


def test_an_added_term_whose_history_is_not_for_its_version_fails(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new item's version is recorded as a changed one's is: `handbook check` fails it,
    and the report says so where the reviewers look."""
    write(repository, "glossary/t-visa.yml", term("T visa", version=2, versions=(1,)))
    write(repository, "glossary/u-visa.yml", term("U visa", version=2, versions=(2, 1)))
    code, out, _ = diff(repository, capsys)
    assert code == 1, out
    problem = (
        "`version` is 2 but the newest `history` entry is for version 1: add one for "
        "version 2 at the top"
    )
    assert f"  - ❌ {problem}\n" in out
    assert out.count("❌") == 2  # at the item, and in the list of problems at the top
    assert "u-visa" not in out.split("### New terms")[0]


def test_placeholder_text_left_in_is_pointed_out(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A scaffolded term passes the checks as it is: the report is where a reviewer sees
    that its definition was never written, and that a changed protocol's step was not."""
    config = load_config(repository / "mkdocs.yml", require_folders=False)
    assert run_new(config, "term", "Debt bondage") == 0
    step = "Replace this sentence with what to do, in plain words."
    write(
        repository,
        "protocols/hotel-staff.yml",
        PROTOCOL.format(version=2, step=step, history=history(2, 1)),
    )
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    warning = (
        "still holds placeholder text (as `handbook new` or CONTRIBUTING's template writes it) in"
    )
    assert f"  - ⚠️ {warning} `definition`: fill it in\n" in out
    assert f"  - ⚠️ {warning} `steps`: fill it in\n" in out
    assert out.count(warning) == 2


EMPTY_SECTIONS = "nothing published under {} (spaces and comments alone, which readers do not see)"


def test_a_scaffolded_modules_empty_sections_are_pointed_out(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: a module from `handbook new module`, its objective written and its three
    sections still the scaffold's comments alone, passes the checks, and the report
    listed it without a word: its page and handout would show three headings."""
    config = load_config(repository / "mkdocs.yml", require_folders=False)
    assert run_new(config, "module", "Faith communities") == 0
    path = repository / "content/modules/faith-communities.md"
    text = path.read_text(encoding="utf-8")
    objective = "Replace this line with what participants can do after the session."
    path.write_text(text.replace(objective, "Know the signs"), encoding="utf-8")
    assert run_checks(config).findings == []
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    warning = EMPTY_SECTIONS.format("`## Realize`, `## Recognize`, `## Respond`")
    assert f"  - ⚠️ {warning}: its page and handout show them empty; write them\n" in out
    assert "placeholder" not in out
    assert out.count("⚠️") == 1


@pytest.mark.parametrize(
    ("realize", "empty"),
    [
        ("<!-- Why this matters. -->", True),
        ("<!-- one -->\n\n   \n<!--\ntwo\n-->", True),
        ("<!-- handbook-disable term.avoid -->", True),
        ("It happens here. <!-- a note -->", False),
        ("```\n<!-- shown as code -->\n```", False),
        ("### Why it matters", False),
    ],
)
def test_a_changed_modules_section_with_no_published_text_is_pointed_out(
    repository: Path, capsys: pytest.CaptureFixture[str], realize: str, empty: bool
) -> None:
    """What a reader sees counts: comments are left out of the page and the handout, a
    comment written in code is shown as code. Only the empty section is named."""
    write(
        repository,
        "content/modules/hotel-staff.md",
        MODULE.format(version=2, history=history(2, 1), realize=realize),
    )
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    warning = EMPTY_SECTIONS.format("`## Realize`")
    line = f"  - ⚠️ {warning}: its page and handout show it empty; write it\n"
    assert (line in out) is empty, out
    assert out.count("nothing published") == int(empty)


def test_a_missing_section_is_left_to_the_check(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A module without its `## Respond` fails module.structure, which says what to add:
    the report names the sections written with nothing in them alone."""
    text = MODULE.format(version=2, history=history(2, 1), realize="<!-- later -->")
    write(repository, "content/modules/hotel-staff.md", text.split("## Respond")[0])
    _, out, _ = diff(repository, capsys)
    assert EMPTY_SECTIONS.format("`## Realize`") + ":" in out


def test_an_added_term_shows_its_sources_and_related_terms(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = (
        "related: [survivor]\nsources:\n  - title: 22 U.S.C. 7102 [definitions]\n"
        "    url: https://www.law.cornell.edu/uscode/text/22/7102\n"
    )
    write(repository, "glossary/trafficking.yml", term("trafficking", extra=sources))
    code, out, _ = diff(repository, capsys)
    assert code == 0
    assert "  - related: `survivor`\n" in out
    assert (
        "  - sources: [22 U.S.C. 7102 \\[definitions\\]]"
        "(<https://www.law.cornell.edu/uscode/text/22/7102>)\n"
    ) in out


def test_an_added_protocols_summary_is_shown_paragraph_by_paragraph(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = PROTOCOL.format(version=1, step="Call", history=history(1)).replace(
        "summary: What hotel staff do when they suspect trafficking.",
        "summary: |\n  What *staff* do.\n\n  When they\n  suspect it.",
    )
    write(repository, "protocols/front-desk.yml", text.replace("Hotel staff", "Front desk"))
    code, out, _ = diff(repository, capsys)
    assert code == 0
    assert "  - summary:\n\n    > What \\*staff\\* do.\n    >\n    > When they suspect it.\n" in out


def test_a_removed_or_renamed_item_lists_the_files_that_still_name_it(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        repository, "glossary/trafficking.yml", term("trafficking", extra="related: [survivor]\n")
    )
    write(
        repository,
        "content/modules/hotel-staff.md",
        MODULE.format(version=1, history=history(1), realize="It happens here.").replace(
            "history:", "protocols: [hotel-staff]\nhistory:"
        ),
    )
    commit(repository)
    git(repository, "rm", "-q", "glossary/survivor.yml")
    git(repository, "mv", "protocols/hotel-staff.yml", "protocols/hotel.yml")
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    # A removed term has no new id to follow (audit); a renamed protocol has. Each place
    # at its line, as links are (audit).
    assert (
        "  - still named as `survivor` by `glossary/trafficking.yml:3` (related): this change "
        "removes `glossary/survivor.yml`, so `handbook check` fails until they name another "
        "term, or nothing (an id it suggests is only the nearest in spelling)\n"
    ) in out
    # The field outside the path's code span (audit).
    assert (
        "  - still named as `hotel-staff` by `content/modules/hotel-staff.md:7` (protocols): "
        "`handbook check` fails until they follow\n"
    ) in out


def test_a_removed_or_renamed_item_lists_the_pages_that_link_to_its_page(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: a renamed term file moved its page, and the pages linking to it were not
    named; `handbook check` passed, and only `mkdocs build --strict` failed."""
    write(
        repository,
        "content/links.md",
        "# Links\n\nSee [the word](glossary/survivor.md).\n\n"
        "Or [its page](../glossary/survivor/#history), not glossary/survivor.yml's source\n"
        "nor [another](glossary/survivor-leader.md).\n\n"
        "```\n[in code](glossary/survivor.md)\n```\n\n"
        '<a href="/glossary/surviv%6Fr/">by address</a>\n\n'
        "[steps]: protocols/hotel-staff.md\n\n"
        # No links (review): in a code span, in a comment, after an escaped bracket.
        "[The steps][steps]. `[code](glossary/survivor.md)` <!-- [c](glossary/survivor.md) -->"
        " \\[esc](glossary/survivor.md)\n\n"
        # Links all the same (review): wrapped over two lines, an image that links.
        "A [wrapped\nlink](glossary/survivor.md) [![badge](x.png)](glossary/survivor.md)\n",
    )
    # A definition links from its term's page, which its generated page publishes.
    write(
        repository,
        "glossary/trafficking.yml",
        term("trafficking", definition="A crime; see [the word](survivor.md)."),
    )
    # From a page in the module's own folder, and one in another (review).
    write(repository, "content/modules/index.md", "# Training\n\n[Hotel](hotel-staff.md)\n")
    commit(repository)
    git(repository, "mv", "glossary/survivor.yml", "glossary/person.yml")
    git(repository, "rm", "-q", "protocols/hotel-staff.yml")
    git(repository, "rm", "-q", "content/modules/hotel-staff.md")
    _, out, _ = diff(repository, capsys)
    assert (
        "  - its page is still linked to from `content/links.md` (4 lines: 3, 5, 12, 19), "
        "`glossary/trafficking.yml:3`: those links break until they lead to its new page, "
        "or another"
    ) in out, out
    assert "linked to from `content/links.md:14`:" in out
    # A removed module has no new page for its links to lead to (audit).
    assert (
        "  - its page is still linked to from `content/modules/index.md:3`: those links "
        "break unless they lead to another page, or are removed\n"
    ) in out


def test_links_in_term_and_protocol_files_are_placed_where_they_are_written(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: a link in a folded definition was placed at line 1, the same line written
    twice was placed once, a reference defined in a step and used in the summary (one
    page) was missed, and an escaped target was dropped."""
    definition = (
        ">-\n  Many prefer\n  [survivor](survivor.md), and\n  [survivor](survivor.md) again;"
        "\n  also [an escaped one](survivor.md#a\\_b).\n"
    )
    write(repository, "glossary/person.yml", term("person", definition=definition))
    protocol = PROTOCOL.format(version=1, step="Call", history=history(1))
    protocol = protocol.replace(
        "summary: What hotel staff do when they suspect trafficking.",
        "summary: Read [the word][s] first.",
    ).replace(
        "    detail: Call the hotline.",
        "    detail: |\n      Call the hotline.\n\n      [s]: ../../glossary/survivor/",
    )
    write(repository, "protocols/hotel-staff.yml", protocol)
    commit(repository)
    git(repository, "rm", "-q", "glossary/survivor.yml")
    _, out, _ = diff(repository, capsys)
    assert (
        "linked to from `glossary/person.yml` (3 lines: 5, 6, 7), `protocols/hotel-staff.yml:13`:"
    ) in out, out


def test_a_label_that_holds_the_target_and_html_in_a_definition(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: a reference label that holds the target too lost its stand-ins' link; a
    definition's raw HTML link is shown as text on its page, so no link."""
    page = "# A\n\nSee [glossary/survivor.md].\n\n[glossary/survivor.md]: glossary/survivor.md\n"
    write(repository, "content/a.md", page)
    html_link = "'Many prefer <a href=\"survivor.md\">the word</a>.'"
    write(repository, "glossary/person.yml", term("person", definition=html_link))
    commit(repository)
    git(repository, "rm", "-q", "glossary/survivor.yml")
    _, out, _ = diff(repository, capsys)
    assert "linked to from `content/a.md:5`:" in out, out
    assert "person.yml:" not in out.split("linked to from", 1)[1].split("\n", 1)[0]


def test_a_page_of_many_links_to_a_removed_page_is_one_entry(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: a page of a thousand links made a line of a thousand places; then of ten,
    each with the page's path (audit): one entry, counted, with its lines (in a step
    summary, its first lines)."""
    links = "".join(f"- [survivor {n}](glossary/survivor.md)\n" for n in range(12))
    write(repository, "content/many.md", "# Many\n\n" + links)
    commit(repository)
    git(repository, "rm", "-q", "glossary/survivor.yml")
    _, out, _ = diff(repository, capsys)
    every_line = ", ".join(str(line) for line in range(3, 15))
    assert f"linked to from `content/many.md` (12 lines: {every_line}):" in out, out
    config = load_config(repository / "mkdocs.yml", require_folders=False)
    run_diff(config, "HEAD", None, environ={"GITHUB_ACTIONS": "true"})
    out = capsys.readouterr().out
    assert "linked to from `content/many.md` (12 lines: 3, 4, 5, …):" in out, out


def test_removed_term_lists_the_pages_that_used_it(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repository / "glossary" / "survivor.yml").unlink()
    code, out, _ = diff(repository, capsys)
    assert code == 0
    assert "#### Removed" in out
    assert (
        "- **survivor** (`survivor`, `glossary/survivor.yml`): was version 1. Its page goes, "
        "and links written to it break. Its forms are no longer linked.\n"
    ) in out
    assert "  - to retire a term, deprecate it instead (`status: deprecated`" in out
    assert (
        "| `survivor` | accepted (`survivor`) | not a form of any term | `content/index.md:3:18` |"
    ) in out


def test_a_term_merged_by_deletion_says_where_its_forms_went(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: a term deleted and its form made an alias of another was said to be
    "no longer linked", while every use of it now links to the other term's page."""
    write(repository, "glossary/person.yml", term("person"))
    commit(repository)
    merged = term("person", version=2, versions=(2, 1), extra="aliases: [survivor]\n")
    write(repository, "glossary/person.yml", merged)
    (repository / "glossary" / "survivor.yml").unlink()
    _, out, _ = diff(repository, capsys)
    assert (
        "- **survivor** (`survivor`, `glossary/survivor.yml`): was version 1. Its page goes, "
        "and links written to it break. Its forms are now forms of `person`, and link to "
        "its page.\n"
    ) in out
    assert "      glossary/survivor.md: glossary/person.md\n" in out


def test_a_moved_or_removed_page_gives_the_redirects_that_keep_its_address(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: a renamed or removed term's or protocol's old address served the 404 page,
    and nothing told the editor what that breaks outside the repository, or how to keep
    it working (mkdocs-redirects, which the handbook does not depend on)."""
    git(repository, "mv", "glossary/survivor.yml", "glossary/survivor-x.yml")
    git(repository, "rm", "-q", "protocols/hotel-staff.yml")
    _, out, _ = diff(repository, capsys)
    section = out[out.index("### Old addresses") : out.index("### Terms")]
    assert (
        "moves or removes the pages at these addresses, relative to the site's address: "
        "`glossary/survivor/`, `protocols/hotel-staff/`. Those"
    ) in section
    assert "members' bookmarks, the links and addresses in handouts printed before" in section
    assert "(`pip install mkdocs-redirects`) in mkdocs.yml's `plugins`, after `handbook`" in section
    assert (
        "```yaml\n- redirects:\n    redirect_maps:\n"
        "      glossary/survivor.md: glossary/survivor-x.md\n"
        "      protocols/hotel-staff.md: protocols/index.md\n```\n"
    ) in section

    # Listed with one of them mapped: the other's line alone, to add under its maps.
    write(
        repository,
        "mkdocs.yml",
        "site_name: T\ndocs_dir: content\nplugins:\n  - handbook\n  - redirects:\n"
        "      redirect_maps:\n        glossary/survivor.md: glossary/survivor-x.md\n",
    )
    _, out, _ = diff(repository, capsys)
    section = out[out.index("### Old addresses") : out.index("### Terms")]
    assert "add these lines to the `redirect_maps` of mkdocs-redirects" in section
    assert "```yaml\nprotocols/hotel-staff.md: protocols/index.md\n```\n" in section
    assert "glossary/survivor.md:" not in section

    # Both mapped: nothing to say.
    write(
        repository,
        "mkdocs.yml",
        "site_name: T\ndocs_dir: content\nplugins:\n  - handbook\n  - redirects:\n"
        "      redirect_maps:\n        glossary/survivor.md: glossary/survivor-x.md\n"
        "        protocols/hotel-staff.md: protocols/index.md\n",
    )
    _, out, _ = diff(repository, capsys)
    assert "### Old addresses" not in out
    assert "#### Renamed" in out
    # So at a commit, read from its own mkdocs.yml.
    commit(repository)
    config = load_config(repository / "mkdocs.yml", require_folders=False)
    run_diff(config, "HEAD~1", "HEAD", config_file=repository / "mkdocs.yml")
    out = capsys.readouterr().out
    assert "#### Renamed" in out
    assert "### Old addresses" not in out


def test_a_removed_deprecated_terms_redirect_goes_to_the_term_to_use_now(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Task ed61: a deprecated term removed as its replacement is deprecated in turn
    (old-survivor -> survivor, survivor now -> person) was sent one step along, to
    survivor's page, which names another term to use: it goes to person's."""
    write(
        repository,
        "glossary/old-survivor.yml",
        term("old survivor", extra="status: deprecated\nreplaced_by: survivor\n"),
    )
    write(repository, "glossary/person.yml", term("person who has experienced trafficking"))
    commit(repository)
    (repository / "glossary" / "old-survivor.yml").unlink()
    deprecate_survivor(repository)
    _, out, _ = diff(repository, capsys)
    assert "      glossary/old-survivor.md: glossary/person.md\n" in out
    assert "glossary/old-survivor.md: glossary/survivor.md" not in out


def test_a_moved_or_removed_page_that_is_no_item_gives_its_redirect_too(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit, a large pull request: five pages moved to new folders (`git mv`), and the
    report said nothing of their old addresses, which members' bookmarks and printed
    handouts hold; it named only terms', protocols' and modules' pages."""
    write(repository, "content/about.md", "# About\n")
    write(repository, "content/old-news.md", "# Old news\n")
    commit(repository, "pages")
    (repository / "content" / "coalition").mkdir()
    git(repository, "mv", "content/about.md", "content/coalition/about.md")
    git(repository, "rm", "-q", "content/old-news.md")
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "No glossary term, protocol or training module changed." in out
    section = out[out.index("### Old addresses") :]
    assert "relative to the site's address: `about/`, `old-news/`. Those" in section
    assert (
        "```yaml\n- redirects:\n    redirect_maps:\n"
        "      about.md: coalition/about.md\n"
        "      old-news.md: index.md\n```\n"
    ) in section
    assert "(a page that is no term, protocol or module: the home page)" in section


@pytest.mark.parametrize(
    ("old_page", "new_page", "directory_urls"),
    [
        ("about.md", "about/index.md", True),
        ("coalition/index.md", "coalition/README.md", True),
        ("coalition/README.md", "coalition/index.md", False),
    ],
)
def test_a_page_moved_to_a_source_of_the_same_address_keeps_its_address(
    repository: Path,
    capsys: pytest.CaptureFixture[str],
    old_page: str,
    new_page: str,
    directory_urls: bool,
) -> None:
    """Review: `about.md` moved to `about/index.md` (the same address, `about/`, with
    directory URLs) was given a redirect from `about.md` to `about/index.md`, which
    mkdocs-redirects writes over the page itself: `about/index.html` became a page that
    sends the reader to itself, for ever. Such a page's address is still published."""
    urls = f"use_directory_urls: {str(directory_urls).lower()}\n"
    write(
        repository, "mkdocs.yml", f"site_name: T\ndocs_dir: content\n{urls}plugins:\n  - handbook\n"
    )
    write(repository, f"content/{old_page}", "# About\n")
    commit(repository, "page")
    (repository / "content" / new_page).parent.mkdir(parents=True, exist_ok=True)
    git(repository, "mv", f"content/{old_page}", f"content/{new_page}")
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "### Old addresses" not in out, out


@pytest.mark.parametrize(
    ("home_at_base", "home_at_head"),
    [("README.md", "README.md"), ("index.md", "home.md")],
)
def test_a_removed_page_is_sent_to_the_home_page_the_site_has(
    repository: Path, capsys: pytest.CaptureFixture[str], home_at_base: str, home_at_head: str
) -> None:
    """Review: a removed page was sent to `index.md` whatever the home page's source:
    mkdocs-redirects writes no redirect to a page that is not there ("Redirect target
    'index.md' does not exist!", which fails a strict build) where the home page is
    docs_dir's README.md, or where the change renames index.md too."""
    if home_at_base != "index.md":
        git(repository, "mv", "content/index.md", f"content/{home_at_base}")
    write(repository, "content/old-news.md", "# Old news\n")
    commit(repository, "pages")
    git(repository, "rm", "-q", "content/old-news.md")
    if home_at_head != home_at_base:
        git(repository, "mv", f"content/{home_at_base}", f"content/{home_at_head}")
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert f"      old-news.md: {home_at_head}\n" in out, out


def test_a_renamed_or_removed_module_names_its_handout_address(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review rv9 M3: "Old addresses" named a renamed module's page, but not its PDF
    handout (`handouts/<module id>.pdf`), the address most likely sent to partners,
    which mkdocs-redirects cannot keep; so even where its page is redirected."""
    write(
        repository,
        "mkdocs.yml",
        "site_name: T\ndocs_dir: content\nplugins:\n  - handbook\n  - redirects:\n"
        "      redirect_maps:\n        modules/hotel-staff.md: modules/hotel-workers.md\n",
    )
    git(repository, "mv", "content/modules/hotel-staff.md", "content/modules/hotel-workers.md")
    _, out, _ = diff(repository, capsys)
    section = out[out.index("### Old addresses") :]
    assert (
        "takes these PDF handouts off the site: their addresses (relative to the site's "
        "address) are the ones most likely sent to partners"
    ) in section
    assert "mkdocs-redirects cannot keep a PDF's address: keep a copy of the old PDF" in section
    assert "- `handouts/hotel-staff.pdf`: now `handouts/hotel-workers.pdf`\n" in section
    assert "modules/hotel-staff.md:" not in section  # its page is redirected already

    git(repository, "rm", "-q", "-f", "content/modules/hotel-workers.md")
    _, out, _ = diff(repository, capsys)
    section = out[out.index("### Old addresses") :]
    assert "      modules/hotel-staff.md: modules/index.md\n" not in section  # mapped
    assert "- `handouts/hotel-staff.pdf`: the module is removed\n" in section

    # With no handouts published, no PDF address goes.
    write(
        repository,
        "mkdocs.yml",
        "site_name: T\ndocs_dir: content\nplugins:\n  - handbook:\n      handouts: false\n",
    )
    _, out, _ = diff(repository, capsys)
    assert "handouts/hotel-staff.pdf" not in out
    assert "modules/hotel-staff/" in out[out.index("### Old addresses") :]


def test_a_nav_entry_naming_a_moved_or_removed_page_is_given_at_its_line(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: a `nav:` naming a renamed term's old page passed `handbook check` and the
    report; only `mkdocs build --strict` failed, with no line. A redirect does not mend
    it, so it is said whatever `redirect_maps` holds."""
    write(
        repository,
        "mkdocs.yml",
        "site_name: T\ndocs_dir: content\nplugins:\n  - handbook\n  - redirects:\n"
        "      redirect_maps:\n        glossary/survivor.md: glossary/survivor-x.md\n"
        "nav:\n  - Home: index.md\n  - Survivor: glossary/survivor.md\n"
        "  - Hotels: protocols/hotel-staff.md\n",
    )
    commit(repository)
    git(repository, "mv", "glossary/survivor.yml", "glossary/survivor-x.yml")
    git(repository, "rm", "-q", "protocols/hotel-staff.yml")
    _, out, _ = diff(repository, capsys)
    assert (
        "  - `mkdocs.yml:10` (`nav`) still names its old page `glossary/survivor.md`: "
        "`mkdocs build --strict` fails until it names the new one\n"
    ) in out
    assert (
        "  - `mkdocs.yml:11` (`nav`) still names its old page `protocols/hotel-staff.md`: "
        "`mkdocs build --strict` fails until it names another, or none\n"
    ) in out


def test_change_without_a_version_bump_fails(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        repository,
        "glossary/survivor.yml",
        term(definition="A person who has lived through trafficking."),
    )
    code, out, _ = diff(repository, capsys)
    assert code == 1
    assert "### Version or history to fix" in out
    assert (
        "- ❌ `glossary/survivor.yml` (term `survivor`): its content changed but `version` "
        "is still 1: raise it to 2 and add a `history` entry for version 2 at the top"
    ) in out
    assert "  - fields changed: `definition`" in out
    assert "> A person who has ~~experienced~~ **lived through** trafficking." in out


def test_a_long_definition_shows_only_the_blocks_that_changed(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Paragraphs and list items stay apart, and those that did not change are left out
    (`…`): a reviewer sees the two words that changed, not the whole definition again.
    A list item's `-` is shown as written, as its `*` or `1.` is."""

    def definition(*items: str) -> str:
        lines = ["The use of force.", "", "It includes:", "", *(f"- {item}" for item in items)]
        return "|\n" + "".join(f"  {line}\n" if line else "\n" for line in lines).rstrip("\n")

    before = definition("threats of serious harm;", "debt bondage;", "a scheme.")
    write(repository, "glossary/survivor.yml", term(definition=before))
    commit(repository)
    after = definition("threats of serious harm;", "unlawful debt bondage;", "isolation.")
    write(repository, "glossary/survivor.yml", term(version=2, definition=after, versions=(2, 1)))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert (
        "  - `definition`:\n\n"
        "    > …\n    >\n"
        "    > \\- **unlawful** debt bondage;\n    >\n"
        "    > \\- ~~a scheme.~~ **isolation.**\n\n"
    ) in out


def test_text_diff_of_nothing_and_of_layout_alone_shows_nothing() -> None:
    assert text_diff("", "") == []
    assert text_diff("One\n  paragraph.", "One paragraph.") == []
    assert text_diff("", "New.") == ["**New.**"]
    # `…` wherever unchanged blocks are left out: before, between and after the changes.
    assert text_diff("A.\n\nB.", "A2.\n\nB.") == ["~~A.~~ **A2.**", "…"]
    assert text_diff("A.\n\nB.\n\nC.", "A.\n\nB2.\n\nC.") == ["…", "~~B.~~ **B2.**", "…"]


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        # A paragraph split in two, one sentence edited: the other is not struck.
        (
            "A person who has experienced trafficking. They may not call themselves a victim.",
            "A person who has lived through trafficking.\n\nThey may not call themselves a victim.",
            [
                "A person who has ~~experienced~~ **lived through** trafficking.",
                "They may not call themselves a victim.",
            ],
        ),
        (
            "Trafficking is the use of force or fraud. It includes debt bondage.",
            "Trafficking is the use of force or fraud.\n\nIt includes unlawful debt bondage.",
            [
                "Trafficking is the use of force or fraud.",
                "It includes **unlawful** debt bondage.",
            ],
        ),
        # Two paragraphs joined, one word edited.
        (
            "The use of force.\n\nIt includes threats.",
            "The use of force. It includes serious threats.",
            ["The use of force. It includes **serious** threats."],
        ),
        # A paragraph added before an edited one is not paired with it.
        (
            "The use of force.\n\nIt includes threats.",
            "Coercion counts.\n\nThe use of force or fraud.\n\nIt includes threats.",
            ["**Coercion counts.**", "The use of ~~force.~~ **force or fraud.**", "…"],
        ),
        # A paragraph removed between two edited ones is struck on its own.
        (
            "The use of force.\n\nDebt bondage is one form.\n\nIt includes threats.",
            "The use of force or fraud.\n\nIt includes serious threats.",
            [
                "The use of ~~force.~~ **force or fraud.**",
                "~~Debt bondage is one form.~~",
                "It includes **serious** threats.",
            ],
        ),
    ],
    ids=["split, first edited", "split, second edited", "joined", "added", "removed"],
)
def test_text_diff_aligns_words_across_blocks_split_joined_added_or_removed(
    old: str, new: str, shown: list[str]
) -> None:
    assert text_diff(old, new) == shown


def test_change_with_a_bump_and_history_passes(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        repository,
        "glossary/survivor.yml",
        term(
            version=2,
            versions=(2, 1),
            definition="A person who has lived through trafficking.",
            extra="aliases: [person with lived experience]\ntags: [people]\n",
        ),
    )
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "Version or history to fix" not in out
    assert "- **survivor** (`survivor`, `glossary/survivor.yml`): version 1 → 2" in out
    assert "  - fields changed: `definition`, `aliases`\n" in out
    assert "  - forms accepted added: `person with lived experience`" in out
    assert "  - `tags` (shown on no page, so no version bump needed): added `people`" in out
    assert "  - history: version 2, 2026-02-01: Version 2." in out


@pytest.mark.parametrize(
    ("version", "versions", "problem"),
    [
        (1, (2, 1), "its content changed but `version` is still 1: raise it to 2 (its "
         "`history` entry is there)"),
        (2, (1,), "`version` is 2 but the newest `history` entry is for version 1: add one "
         "for version 2 at the top"),
        (2, (1, 2), "`version` is 2 but the newest `history` entry is for version 1: move "
         "the entry for version 2 to the top"),
        (2, (3, 1), "`version` is 2 but the newest `history` entry is for version 3: if that "
         "entry describes this change, give it version 2"),
    ],
    ids=["entry written, version not raised", "no entry", "entry at the bottom", "entry typo"],
)  # fmt: skip
def test_a_version_and_history_that_disagree_fail_with_what_to_do(
    repository: Path,
    capsys: pytest.CaptureFixture[str],
    version: int,
    versions: tuple[int, ...],
    problem: str,
) -> None:
    written = term(version=version, versions=versions, extra="translations: {es: x}\n")
    write(repository, "glossary/survivor.yml", written)
    code, out, _ = diff(repository, capsys)
    assert code == 1
    assert problem in out


def test_an_earlier_versions_history_entry_relabelled_fails(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The entry for version 1 made the entry for version 2, where one belongs on top.
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2,), extra="tags: [x]\n"))
    code, out, _ = diff(repository, capsys)
    assert code == 1
    assert (
        "the `history` entry for version 1 is gone: keep the entries of earlier versions "
        "below the new one"
    ) in out


def test_an_earlier_versions_history_entry_deleted_fails(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2, 1)))
    commit(repository)
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2,)))
    code, out, _ = diff(repository, capsys)
    assert code == 1
    assert (
        "the `history` entry for version 1 is gone: keep the entries of earlier versions "
        "below the new one\n"
    ) in out


def test_history_entries_deleted_with_version_going_down_are_named_all(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repository, "glossary/survivor.yml", term(version=3, versions=(3, 2, 1)))
    commit(repository)
    write(repository, "glossary/survivor.yml", term(version=1, versions=(1,)))
    code, out, _ = diff(repository, capsys)
    assert code == 1
    assert (
        "`version` went down from 3 to 1; and the `history` entries for versions 3 and 2 are "
        "gone: keep the entries of earlier versions below the new one"
    ) in out


def test_a_version_raised_past_one_with_no_entry_between_is_a_problem(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: 1 to 3 for one change passed; each version between needs its own entry."""
    changed = "A person who lived through it."
    write(repository, "glossary/survivor.yml", term(version=3, versions=(3, 1), definition=changed))
    code, out, _ = diff(repository, capsys)
    assert code == 1
    assert (
        "`version` went from 1 to 3, skipping 2: set it to 2, one up from the base's 1 (and "
        "the new `history` entry's version with it), or give each version between its own "
        "`history` entry"
    ) in out
    write(
        repository, "glossary/survivor.yml", term(version=3, versions=(3, 2, 1), definition=changed)
    )
    assert diff(repository, capsys)[0] == 0


def test_a_history_entry_deleted_in_a_change_without_a_bump_says_both(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2, 1)))
    commit(repository)
    changed = term(version=2, versions=(2,), definition="A person who lived through it.")
    write(repository, "glossary/survivor.yml", changed)
    code, out, _ = diff(repository, capsys)
    assert code == 1
    assert (
        "its content changed but `version` is still 2: raise it to 3 and add a `history` "
        "entry for version 3 at the top; and the `history` entry for version 1 is gone"
    ) in out


def test_history_only_change_needs_no_bump(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = term().replace("summary: Version 1.", "summary: First approved.")
    write(repository, "glossary/survivor.yml", text)
    code, out, _ = diff(repository, capsys)
    assert code == 0
    assert "fields changed" not in out
    assert (
        "  - history entry for version 1 edited: was 2026-01-01: Version 1.; "
        "now 2026-01-01: First approved.\n"
    ) in out
    assert "history entry removed" not in out


def test_a_history_entry_added_without_raising_the_version_fails(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: a new entry at the top, `version` left as it was, passed the diff (only the
    check failed it): the history no longer matches the version."""
    write(repository, "glossary/survivor.yml", term(version=1, versions=(2, 1)))
    code, out, err = diff(repository, capsys)
    assert code == 1, out
    problem = (
        "`version` is 1 but the newest `history` entry is for version 2: raise `version` to 2 "
        "if that entry describes this change"
    )
    assert f"- ❌ `glossary/survivor.yml` (term `survivor`): {problem}\n" in out
    assert f"glossary/survivor.yml:2: term `survivor`: {problem}\n" in err


def test_an_older_history_entry_edited_is_the_one_shown(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2, 1)))
    commit(repository)
    text = term(version=2, versions=(2, 1)).replace("summary: Version 1.", "summary: First.")
    write(repository, "glossary/survivor.yml", text)
    code, out, _ = diff(repository, capsys)
    assert code == 0
    assert "  - history entry for version 1 edited: was 2026-01-01: Version 1.; now " in out
    assert "version 2, 2026-02-01" not in out


def entries(*versions: int, summary: str = "Version {}.") -> list[HistoryEntry]:
    """History entries of `versions` (newest first), one a day from 2025-01-01."""
    first = dt.date(2025, 1, 1)
    return [
        HistoryEntry(version, first + dt.timedelta(days=version), summary.format(version))
        for version in versions
    ]


def test_a_year_of_history_shows_the_newest_entries_and_counts_the_rest() -> None:
    """Session 60's audit: a year-long diff listed all 40 new history entries of one term.
    The newest five are shown, the 35 older ones counted; an entry edited or removed is
    history rewritten, always shown."""
    old, new = entries(1), entries(*range(41, 0, -1))
    assert history_lines(old, new) == [
        *(
            f"  - history: version {v}, 2025-{dt.date(2025, 1, 1) + dt.timedelta(days=v):%m-%d}: "
            f"Version {v}."
            for v in range(41, 36, -1)
        ),
        "  - history: 35 older new entries (versions 2 to 36), not shown here: the file "
        "lists every one",
    ]
    rewritten = [*new[:-1], *entries(1, summary="First, edited.")]
    assert history_lines(old, rewritten)[5:] == [
        "  - history: 35 older new entries (versions 2 to 36), not shown here: the file "
        "lists every one",
        "  - history entry for version 1 edited: was 2025-01-02: Version 1.; now "
        "2025-01-02: First, edited.",
    ]
    # A few more than five are all shown: a line counting one or two saves nothing.
    assert len(history_lines(old, entries(*range(8, 0, -1)))) == 7


def test_an_entry_slipped_below_the_base_s_newest_is_shown_among_many_new_ones() -> None:
    """Review rv62a: a release's diff counted, unseen, an entry written into the record
    between two the base had (version 3 between 5 and 1): history rewritten, as an edit
    is, which a reviewer must see; the count's range (3 to 9) hid it as one of the new."""
    old = entries(5, 1)
    new = [*entries(*range(14, 5, -1)), *entries(5, 3, 1)]
    lines = history_lines(old, new)
    assert "  - history: version 3, 2025-01-04: Version 3." in lines
    assert lines[5] == (
        "  - history: 4 older new entries (versions 6 to 9), not shown here: the file "
        "lists every one"
    )
    assert len(lines) == 7


def test_an_added_item_s_long_history_is_counted_as_a_changed_one_s() -> None:
    from coalition_handbook.editor.report_history import new_entry_lines

    lines = new_entry_lines(entries(*range(12, 0, -1)))
    assert [line.split(",")[0] for line in lines[:5]] == [
        f"  - history: version {v}" for v in range(12, 7, -1)
    ]
    assert lines[5:] == [
        "  - history: 7 older new entries (versions 1 to 7), not shown here: the file lists "
        "every one"
    ]
    assert len(new_entry_lines(entries(2, 1))) == 2


def test_a_long_history_is_compared_in_linear_time() -> None:
    """Found in review: each entry was looked for in the other history one by one."""
    from work import calls_made

    def edited(entries: int) -> tuple[list[HistoryEntry], list[HistoryEntry]]:
        day = dt.date(2026, 1, 1)
        versions = range(entries, 0, -1)
        old = [HistoryEntry(version, day, f"Version {version}.") for version in versions]
        return old, [HistoryEntry(version, day, f"New {version}.") for version in versions]

    assert len(history_lines(*edited(100))) == 100
    small = calls_made(history_lines, *edited(100))
    large = calls_made(history_lines, *edited(1_000))
    assert large <= small * 10.5


@pytest.mark.parametrize("kind", ["one-word", "ten-words"])
def test_diffs_of_repetitive_texts_take_bounded_work(kind: str) -> None:
    """Complexity audit: difflib, without autojunk, read each word of a text again for
    every place the other text holds it, and again on each side of each block it found:
    16 KB of one word with one changed took 7 s, 2,000 words of ten kinds 11 s, so a
    pull request's definition, steps or table could hold `handbook diff` for hours."""
    from work import calls_made

    from coalition_handbook.editor.changes_items import _similarity
    from coalition_handbook.editor.text_diff import steps_diff

    if kind == "one-word":
        old = ["a"] * 4_000
        new = [*old[:2_000], "b", *old[2_001:]]
    else:  # few kinds of words in another order, as in a table's cells
        old = [f"w{index % 10}" for index in range(4_000)]
        new = [f"w{index * 7 % 10}" for index in range(4_000)]
    old_text, new_text = " ".join(old), " ".join(new)
    budget = 4_000_000  # each of difflib's readings calls a dict's get: hundreds of millions before
    for diff, *texts in [
        (word_diff, old_text, new_text),
        (text_diff, old_text, new_text),
        (steps_diff, [f"1. {word}" for word in old], [f"1. {word}" for word in new]),
        (line_diff, [f"| {word} |" for word in old], [f"| {word} |" for word in new]),
    ]:
        calls_made(diff, *texts, budget=budget)
    # A module's body, as a page that was renamed is compared (characters, not words).
    old_body, new_body = SimpleNamespace(body=old_text), SimpleNamespace(body=new_text)
    calls_made(_similarity, old_body, new_body, budget=budget)
    # What changed is shown still: between the words the two texts start and end with.
    if kind == "one-word":
        assert "~~a~~ **b**" in word_diff(old_text, new_text)
        assert "+| b |" in line_diff([f"| {w} |" for w in old], [f"| {w} |" for w in new])


def test_history_entries_swapped_are_shown_reordered(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No entry is added or removed: the report says the order changed, and that the
    newest entry is no longer on top (as `handbook check` does)."""
    newest_first = PROTOCOL.format(version=2, step="Call", history=history(2, 1))
    write(repository, "protocols/hotel-staff.yml", newest_first)
    commit(repository, "version 2")
    oldest_first = PROTOCOL.format(version=2, step="Call", history=history(1, 2))
    write(repository, "protocols/hotel-staff.yml", oldest_first)
    code, out, _ = diff(repository, capsys)
    assert code == 1, out
    assert "#### Changed" in out
    assert "  - history reordered: was versions 2, 1; now 1, 2\n" in out
    assert "  - ❌ `version` is 2 but the newest `history` entry is for version 1: move " in out


def _written(
    kind: str, version: int, versions: tuple[int, ...], change: str = ""
) -> tuple[str, str]:
    """(path, text) of the repository's item of `kind`, with `change` made to its text."""
    if kind == "term":
        definition = "A person who has experienced trafficking." + change
        return "glossary/survivor.yml", term(
            version=version, versions=versions, definition=definition
        )
    if kind == "protocol":
        text = PROTOCOL.format(version=version, step="Call" + change, history=history(*versions))
        return "protocols/hotel-staff.yml", text
    text = MODULE.format(version=version, history=history(*versions), realize="Here." + change)
    return "content/modules/hotel-staff.md", text


@pytest.mark.parametrize("kind", ["term", "protocol", "module"])
@pytest.mark.parametrize(
    ("before", "after"),
    [
        # A second entry for the version it has, with nothing else changed.
        ((1, (1,), ""), (1, (1, 1), "")),
        # The version raised, with two entries for it.
        ((1, (1,), ""), (2, (2, 2, 1), " Changed.")),
        # Older entries reordered.
        ((3, (3, 2, 1), ""), (3, (3, 1, 2), "")),
    ],
    ids=["current version twice", "new version twice", "older entries reordered"],
)
def test_a_history_handbook_check_fails_fails_the_diff_with_its_words(
    repository: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    before: tuple[int, tuple[int, ...], str],
    after: tuple[int, tuple[int, ...], str],
) -> None:
    """Review: a duplicate or out-of-order entry passed the diff (rc 0, "history
    reordered" even shown) while `handbook check` failed it; the diff reports what the
    check reports of the item's history, in the check's words."""
    write(repository, *_written(kind, *before))
    commit(repository)
    path, text = _written(kind, *after)
    write(repository, path, text)
    findings = run_checks(load_config(repository / "mkdocs.yml", require_folders=False)).findings
    history = [f.message for f in findings if f.path == path and "history" in f.message]
    assert history, findings  # the check fails it
    code, out, err = diff(repository, capsys)
    assert code == 1, out
    for message in history:
        assert message in out
        assert message in err


def test_an_added_items_entry_newer_than_its_version_gets_the_checks_advice(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: for a new term at version 1 whose one entry is for version 2, the diff said
    to renumber the entry and the check to raise the version. No version was raised:
    both say to raise it."""
    write(repository, "glossary/t-visa.yml", term("T visa", version=1, versions=(2,)))
    code, out, _ = diff(repository, capsys)
    assert code == 1, out
    assert (
        "`version` is 1 but the newest `history` entry is for version 2: raise `version` to 2 "
        "if that entry describes this change"
    ) in out
    assert "give it version" not in out
    findings = run_checks(load_config(repository / "mkdocs.yml", require_folders=False)).findings
    assert any(
        "raise version to 2" in f.message for f in findings if f.path == "glossary/t-visa.yml"
    )


def test_the_newest_entry_relabelled_reports_both_problems(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: the entry for version 2 relabelled 3, `version` left at 2, was told only
    as the entry for version 2 gone; raising the version to 3, as the check asks, is one
    fix of two."""
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2, 1)))
    commit(repository)
    write(repository, "glossary/survivor.yml", term(version=2, versions=(3, 1)))
    code, out, _ = diff(repository, capsys)
    assert code == 1, out
    assert (
        "`version` is 2 but the newest `history` entry is for version 3: raise `version` to 3 "
        "if that entry describes this change; and the `history` entry for version 2 is gone: "
        "keep the entries of earlier versions below the new one"
    ) in out


def test_form_moved_to_avoid_lists_the_pages_with_line(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repository, "glossary/survivor.yml", term("victim-survivor", 2, versions=(2, 1)))
    write(
        repository,
        "glossary/person-with-lived-experience.yml",
        term(
            "person with lived experience",
            extra="avoid:\n  - text: survivor\n    reason: Ask how the person identifies.\n",
        ),
    )
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "  - forms accepted added: `victim-survivor`" in out
    assert "  - forms accepted removed: `survivor`" in out
    assert "  - preferred form: `survivor` → `victim-survivor`" in out
    assert (
        "| `survivor` | accepted (`survivor`) | avoid (`person-with-lived-experience`) "
        "| `content/index.md:3:18` |"
    ) in out


@pytest.mark.parametrize(
    ("before", "after", "shown"),
    [
        (
            term(extra="aliases: [trafficking survivor, survivor of trafficking]\n"),
            term(extra="aliases: [Survivor of trafficking, trafficking survivor]\n"),
            "  - aliases reordered or rewritten: was `trafficking survivor`, "
            "`survivor of trafficking`; now `Survivor of trafficking`, `trafficking survivor`\n",
        ),
        (
            term(extra="avoid: [victim, trafficking victim]\n"),
            term(extra="avoid: [Trafficking victim, victim]\n"),
            "  - forms to avoid reordered or rewritten: was `victim`, `trafficking victim`; "
            "now `Trafficking victim`, `victim`\n",
        ),
        # The preferred form and an alias swapped: the preferred form's line shows one half.
        (
            term(extra="aliases: [trafficking survivor]\n"),
            term("trafficking survivor", extra="aliases: [survivor]\n"),
            "  - `aliases`: was `trafficking survivor`; now `survivor`\n",
        ),
        (
            term(extra="aliases: [trafficking survivor, survivor of trafficking]\n"),
            term(extra="aliases: [Trafficking survivor, survivor of trafficking, lived expert]\n"),
            "  - forms accepted added: `lived expert`\n"
            "  - `aliases`: was `trafficking survivor`, `survivor of trafficking`; "
            "now `Trafficking survivor`, `survivor of trafficking`, `lived expert`\n",
        ),
        # A curly apostrophe is read as a straight one: the same form, rewritten.
        (
            term(extra='aliases: ["survivor\u2019s advocate"]\n'),
            term(extra='aliases: ["survivor\'s advocate"]\n'),
            "  - aliases reordered or rewritten: was `survivor’s advocate`; "
            "now `survivor's advocate`\n",
        ),
        # A possessive is a form of its own: "victim's" finds no plain "victim".
        (
            term(extra="avoid: [victim]\n"),
            term(extra='avoid: ["victim\'s"]\n'),
            "  - forms to avoid added: `victim's`\n  - forms to avoid removed: `victim`\n",
        ),
    ],
    ids=[
        "aliases",
        "avoid",
        "swapped with the preferred form",
        "recased beside one added",
        "curly apostrophe",
        "possessive",
    ],
)
def test_forms_reordered_or_rewritten_are_shown_as_written_and_need_a_bump(
    repository: Path, capsys: pytest.CaptureFixture[str], before: str, after: str, shown: str
) -> None:
    """The forms' lines show what was added or removed, not a form recased or moved: the
    lists are shown old and new, for the reviewer to see what the change did."""
    write(repository, "glossary/survivor.yml", before)
    commit(repository, "with forms")
    write(repository, "glossary/survivor.yml", after)
    code, out, _ = diff(repository, capsys)
    assert code == 1, out
    assert shown in out
    assert "its content changed but `version` is still 1" in out


@pytest.mark.parametrize(
    ("forms", "row"),
    [
        (
            "aliases: [trafficking victim]\n",
            "| `trafficking victim` | accepted (`victim`) | accepted (`survivor`) | "
            "`content/index.md:7:3` |",
        ),
        (
            "avoid: [trafficking victim]\n",
            "| `trafficking victim` | avoid (`victim`) | avoid (`survivor`) | "
            "`content/index.md:7:3` |",
        ),
    ],
    ids=["accepted", "avoid"],
)
def test_a_form_moved_to_another_term_lists_its_uses(
    repository: Path, capsys: pytest.CaptureFixture[str], forms: str, row: str
) -> None:
    """Its uses now link to, or suggest, another term, though its status is the same."""
    write(repository, "glossary/victim.yml", term("victim", extra=forms))
    write(repository, "content/index.md", PAGE + "\nA trafficking victim.\n")
    commit(repository, "the form in victim")
    write(repository, "glossary/victim.yml", term("victim", 2, versions=(2, 1)))
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2, 1), extra=forms))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert row in out.splitlines()


def test_a_form_another_term_claims_too_is_shown_as_claimed_by_both(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Taken as an alias while its own term keeps it: no clean move to another term but
    glossary.duplicate's error, which the row names (audit)."""
    write(repository, "glossary/victim.yml", term("victim"))
    write(repository, "content/index.md", PAGE + "\nA victim spoke.\n")
    commit(repository, "victim")
    write(
        repository,
        "glossary/survivor.yml",
        term(version=2, versions=(2, 1), extra="aliases: [victim]\n"),
    )
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert (
        "| `victim` | accepted (`victim`) | accepted (`survivor`); also claimed by `victim` "
        "(glossary.duplicate) | `content/index.md:7:3` |"
    ) in out.splitlines()


def test_a_form_claimed_by_two_terms_is_read_as_the_check_reads_it(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: a new term `abuse` (a lower id) avoiding `victim`, which `victim` accepts,
    was shown as a form now to avoid; the check reads it as accepted first, as the
    matcher ranks an accepted claim before one to avoid, whatever the ids."""
    write(repository, "glossary/victim.yml", term("victim"))
    write(repository, "content/index.md", PAGE + "\nA victim spoke.\n")
    commit(repository, "victim")
    write(repository, "glossary/abuse.yml", term("abuse", extra="avoid: [victim]\n"))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert (
        "| `victim` | accepted (`victim`) | accepted (`victim`); also claimed by `abuse` "
        "(glossary.duplicate) | `content/index.md:7:3` |"
    ) in out.splitlines()
    findings = run_checks(load_config(repository / "mkdocs.yml")).findings
    assert not [f for f in findings if f.rule == "term.avoid" and f.path == "content/index.md"]


def test_claims_that_agree_are_not_named_as_a_duplicate(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Second review: a deprecated term's alias that its replacement now lists to avoid
    suggests the replacement either way; glossary.duplicate reports nothing, nor may the
    report say it does."""
    deprecated = "status: deprecated\nreplaced_by: survivor\naliases: [rescuee]\n"
    write(repository, "glossary/abc.yml", term("abc", extra=deprecated))
    write(repository, "content/index.md", PAGE + "\nA rescuee spoke.\n")
    commit(repository, "abc")
    avoid = "avoid: [{text: rescuee, reason: Passive.}]\n"
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2, 1), extra=avoid))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "glossary.duplicate" not in out
    findings = run_checks(load_config(repository / "mkdocs.yml")).findings
    assert not [f for f in findings if f.rule == "glossary.duplicate"]


def test_a_form_to_avoid_whose_suggestion_changed_lists_its_uses(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The preferred form changed: every use of a form to avoid suggests the new one."""
    write(repository, "glossary/survivor.yml", term(extra="avoid: [trafficking victim]\n"))
    write(repository, "content/index.md", PAGE + "\nA trafficking victim.\n")
    commit(repository, "a form to avoid")
    after = term("victim-survivor", 2, versions=(2, 1), extra="avoid: [trafficking victim]\n")
    write(repository, "glossary/survivor.yml", after)
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert (
        "| `trafficking victim` | avoid (`survivor`, suggests `survivor`) | "
        "avoid (`survivor`, suggests `victim-survivor`) | `content/index.md:7:3` |"
    ) in out.splitlines()


def test_a_deprecated_terms_forms_suggest_its_replacement_as_the_check_does(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rewording a deprecated term changes no suggestion (its forms, those to avoid too,
    suggest its replacement): no row. Another replacement changes every one: each listed."""
    write(repository, "glossary/person.yml", term("person who has experienced trafficking"))
    write(repository, "glossary/lived.yml", term("person with lived experience"))
    deprecated = "status: deprecated\nreplaced_by: {}\navoid: [trafficking victim]\n"
    write(repository, "glossary/survivor.yml", term(extra=deprecated.format("person")))
    write(repository, "content/index.md", PAGE + "\nA trafficking victim.\n")
    commit(repository, "deprecated")
    reworded = term("survivors", 2, versions=(2, 1), extra=deprecated.format("person"))
    write(repository, "glossary/survivor.yml", reworded)
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "`trafficking victim`" not in out
    replaced = term(version=2, versions=(2, 1), extra=deprecated.format("lived"))
    write(repository, "glossary/survivor.yml", replaced)
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert (
        "| `trafficking victim` | deprecated (`survivor`, suggests `person who has experienced "
        "trafficking`) | deprecated (`survivor`, suggests `person with lived experience`) | "
        "`content/index.md:7:3` |"
    ) in out.splitlines()


def test_deprecation_shows_status_and_pages(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repository, "glossary/person.yml", term("person who has experienced trafficking"))
    deprecate_survivor(repository)
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "  - status: approved → **deprecated** (replaced by `person`)" in out
    assert "| `survivor` | accepted (`survivor`) | deprecated (`survivor`) |" in out
    assert "`content/index.md:3:18`" in out
    # Said once, on the status line: not again as a field (review).
    assert "  - fields changed: `status`, `replaced_by`\n" in out
    assert "`replaced_by`: (none)" not in out


def test_a_replacement_taken_away_as_a_term_is_approved_again_is_shown(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repository, "glossary/person.yml", term("person who has experienced trafficking"))
    deprecate_survivor(repository)
    commit(repository)
    write(repository, "glossary/survivor.yml", term(version=3, versions=(3, 2, 1)))
    _, out, _ = diff(repository, capsys)
    assert "  - status: deprecated → **approved**\n" in out
    assert "  - `replaced_by`: `person` → (none)\n" in out


SILENCED_PAGE = """\
# Home

We support every survivor.

<!-- handbook-disable-next-line term.deprecated -->
A survivor quoted.

<!-- handbook-disable term -->
Another survivor here.
<!-- handbook-enable term -->

<!-- handbook-disable-next-line term.avoid -->
A survivor, not silenced: the comment names another rule.
"""


def test_a_file_of_many_uses_is_one_entry_under_one_short_line(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: a common form deprecated made its table cell a wall of text (each place
    with its path, ten of each file), and every uses table opened with the same 110
    words about silenced uses and the `rules:` setting, whether the table had any."""
    out = diff_after_survivor_deprecated(
        repository, capsys, "content/index.md", "# Home\n\n" + "A survivor. " * 60 + "\n"
    )
    section = out.split("### Where a form whose status changed is used\n\n", 1)[1]
    assert section.startswith(
        "Pages, protocols and definitions that use each form, at `file:line:column`.\n\n"
        "| form | was | now | used in |\n"
    ), section
    every_place = ", ".join(f"3:{3 + 12 * number}" for number in range(60))
    assert (
        "| `survivor` | accepted (`survivor`) | deprecated (`survivor`) | "
        f"`content/index.md` (60 places: {every_place}) |"
    ) in out.splitlines()


def test_uses_a_comment_silences_are_listed_apart(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: listed with the others, a silenced use had a reviewer think its page must
    change. The others are those `handbook check` reports."""
    out = diff_after_survivor_deprecated(repository, capsys, "content/index.md", SILENCED_PAGE)
    assert (
        "| `survivor` | accepted (`survivor`) | deprecated (`survivor`) | "
        "`content/index.md` (2 places: 3:18, 13:3); silenced by a `handbook-disable` "
        "comment: `content/index.md` (2 places: 6:3, 9:9) |"
    ) in out.splitlines()
    assert (
        "Uses a `handbook-disable` comment silences are listed after the others, named so: "
        "they need no change."
    ) in out.splitlines()
    check = run_checks(load_config(repository / "mkdocs.yml", require_folders=False))
    assert [(f.line, f.column) for f in check.findings if f.rule == "term.deprecated"] == [
        (3, 18),
        (13, 3),
    ]


def test_a_use_in_another_case_that_a_comment_silences_is_listed_apart(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repository, "glossary/t-visa.yml", term("T visa"))
    page = "# Visas\n\n<!-- handbook-disable-next-line term.case -->\nA t visa.\n\nA T visa.\n"
    write(repository, "content/visas.md", page)
    commit(repository)
    made_case_sensitive = term("T visa", 2, versions=(2, 1), extra="case_sensitive: true\n")
    write(repository, "glossary/t-visa.yml", made_case_sensitive)
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert (
        "| `T visa` | accepted (`t-visa`) | accepted (`t-visa`, this case only) | "
        "silenced by a `handbook-disable` comment: `content/visas.md:4:3` |"
    ) in out.splitlines()


def test_renamed_file_is_a_rename(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repository, "mv", "protocols/hotel-staff.yml", "protocols/hotel.yml")
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "| protocols | 0 | 0 | 1 | 0 | 0 |" in out
    assert "#### Renamed" in out
    assert "- **Hotel staff** (`hotel`, `protocols/hotel.yml`): version 1" in out
    assert "renamed from `hotel-staff` (`protocols/hotel-staff.yml`)" in out


def test_references_that_follow_a_rename_need_no_bump(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: after a rename, each file whose `related` or `protocols` followed it was
    told to raise its version, and every form of the renamed term was listed as moved
    from one term to another: it still names the same item, whose forms mean the same."""
    write(
        repository, "glossary/trafficking.yml", term("trafficking", extra="related: [survivor]\n")
    )
    module = MODULE.format(version=1, history=history(1), realize="It happens here.")
    write(
        repository,
        "content/modules/hotel-staff.md",
        module.replace("history:", "protocols: [hotel-staff]\nhistory:"),
    )
    write(repository, "content/index.md", PAGE + "\nA survivor and trafficking.\n")
    commit(repository)
    git(repository, "mv", "glossary/survivor.yml", "glossary/trafficking-survivor.yml")
    git(repository, "mv", "protocols/hotel-staff.yml", "protocols/hotel.yml")
    write(
        repository,
        "glossary/trafficking.yml",
        term("trafficking", extra="related: [trafficking-survivor]\n"),
    )
    write(
        repository,
        "content/modules/hotel-staff.md",
        module.replace("history:", "protocols: [hotel]\nhistory:"),
    )
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    follows = "  - names renamed items by their new ids (no version bump needed): "
    assert out.count(follows + "`related`") == 1
    assert out.count(follows + "`protocols`") == 1
    assert "| terms | 0 | 0 | 1 | 0 | 1 |" in out and "| modules | 0 | 0 | 0 | 0 | 1 |" in out
    assert "still named as" not in out and "fields changed" not in out
    assert "Forms whose status changed" not in out, out


@pytest.mark.parametrize(
    ("related", "code", "shown"),
    [
        # Id by id, each as it was or its rename's: `handbook check` names the id not yet
        # followed (review).
        (
            "[trafficking-survivor, shelter]",
            0,
            "  - names renamed items by their new ids (no version bump needed): `related`",
        ),
        # Following a rename is no change; naming another item, or leaving one out, is.
        ("[victim, safe-housing]", 1, "  - fields changed: `related`"),
        ("[trafficking-survivor]", 1, "  - fields changed: `related`"),
    ],
    ids=["one rename of two followed", "another item named", "an item left out"],
)
def test_a_list_of_references_follows_renames_id_by_id(
    repository: Path, capsys: pytest.CaptureFixture[str], related: str, code: int, shown: str
) -> None:
    write(repository, "glossary/shelter.yml", term("shelter"))
    write(repository, "glossary/victim.yml", term("victim"))
    before = "related: [survivor, shelter]\n"
    write(repository, "glossary/trafficking.yml", term("trafficking", extra=before))
    commit(repository)
    git(repository, "mv", "glossary/survivor.yml", "glossary/trafficking-survivor.yml")
    git(repository, "mv", "glossary/shelter.yml", "glossary/safe-housing.yml")
    after = f"related: {related}\n"
    write(repository, "glossary/trafficking.yml", term("trafficking", extra=after))
    result, out, _ = diff(repository, capsys)
    assert result == code, out
    assert shown in out


def test_renamed_and_changed_without_a_bump_fails(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(repository, "mv", "protocols/hotel-staff.yml", "protocols/hotel.yml")
    write(
        repository,
        "protocols/hotel.yml",
        PROTOCOL.format(version=1, step="Ring", history=history(1)),
    )
    code, out, _ = diff(repository, capsys)
    assert code == 1
    assert "`protocols/hotel.yml` (protocol `hotel`): its content changed" in out
    assert "    -1. Call" in out and "    +1. Ring" in out


def test_a_module_renamed_and_changed_is_counted_and_listed_as_changed(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: a module renamed (`git mv`) and edited was counted as renamed alone, 0
    changed, and its field changes were shown among the renames: a reviewer reading the
    table or the "Changed" list missed a change of its text. It is counted and listed
    under both: the rename where renames are, what changed where changes are."""
    git(repository, "mv", "content/modules/hotel-staff.md", "content/modules/hotel.md")
    edited = MODULE.format(version=2, history=history(2, 1), realize="It happens in hotels.")
    write(repository, "content/modules/hotel.md", edited)
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "| modules | 0 | 0 | 1 | 0 | 1 |" in out
    renamed = out.split("#### Renamed", 1)[1].split("####", 1)[0]
    changed = out.split("#### Changed", 1)[1]
    heading = "- **Hotel staff** (`hotel`, `content/modules/hotel.md`): version 1 → 2\n"
    assert renamed == (
        f"\n\n{heading}"
        "  - renamed from `hotel-staff` (`content/modules/hotel-staff.md`): its page moves, "
        "and references to `hotel-staff` must follow\n"
        "  - its content changed too: see **Changed**\n\n"
    )
    assert changed.startswith(
        f"\n\n{heading}"
        "  - renamed from `hotel-staff`: see **Renamed**\n"
        "  - fields changed: `body`\n"
    )
    assert "+It happens in hotels." in changed


def test_a_module_renamed_alone_is_not_counted_as_changed(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(repository, "mv", "content/modules/hotel-staff.md", "content/modules/hotel.md")
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "| modules | 0 | 0 | 1 | 0 | 0 |" in out
    assert "#### Changed" not in out and "its content changed too" not in out
    # As the pull request template tells editors (audit edit57: it said nothing of it).
    assert (
        "  - renamed from `hotel-staff` (`content/modules/hotel-staff.md`): its page moves, "
        "and references to `hotel-staff` must follow (no version bump needed)\n"
    ) in out


def test_a_newly_deprecated_term_names_the_terms_that_list_it_as_related(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: after `peonage` was deprecated for `debt-bondage`, debt-bondage's own page
    still sent readers to it as a related term, and nothing (rule or report) said so."""
    write(repository, "glossary/person.yml", term("person", extra="related: [survivor]\n"))
    commit(repository)
    deprecate_survivor(repository)
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert (
        "  - ⚠️ still listed in `related` by `glossary/person.yml:3`: their pages send "
        "readers to a deprecated term. Drop it, or name its replacement `person` (a new "
        "version for each)\n"
    ) in out


def test_a_newly_deprecated_term_names_the_terms_it_replaced(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit (aud60): `slave`, deprecated last year for `survivor`, kept naming it when
    `survivor` was deprecated in turn for `person`: the check now fails (a chain of
    replacements), and the report of the change that made the chain said nothing."""
    write(repository, "glossary/person.yml", term("person"))
    slave = term("slave", extra="status: deprecated\nreplaced_by: survivor\n")
    write(repository, "glossary/slave.yml", slave)
    commit(repository)
    deprecate_survivor(repository)
    _, out, _ = diff(repository, capsys)
    assert (
        "  - ❌ still named as the replacement (`replaced_by`) by `glossary/slave.yml:4`: "
        "`handbook check` fails until each names the term to use now, `person`; a new "
        "version for each\n"
    ) in out


def test_a_term_deprecated_for_itself_is_not_among_those_still_naming_it(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review rv60a: `survivor` deprecated for itself was listed among the terms still
    naming it as their replacement, each to get a new version: its own file, whose
    problem its status line gives already."""
    write(
        repository,
        "glossary/slave.yml",
        term("slave", extra="status: deprecated\nreplaced_by: survivor\n"),
    )
    commit(repository)
    write(
        repository,
        "glossary/survivor.yml",
        term(version=2, versions=(2, 1), extra="status: deprecated\nreplaced_by: survivor\n"),
    )
    _, out, _ = diff(repository, capsys)
    assert (
        "  - ❌ still named as the replacement (`replaced_by`) by `glossary/slave.yml:4`: "
        "`handbook check` fails until each names the term to use now; a new version for each\n"
    ) in out


def test_a_term_deprecated_for_no_term_is_not_advised_as_its_replacement(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit (edit57): `replaced_by` naming no term (a typo) was shown as the
    replacement, and the report advised terms that list it in `related` to name it."""
    write(repository, "glossary/person.yml", term("person", extra="related: [survivor]\n"))
    commit(repository)
    write(
        repository,
        "glossary/survivor.yml",
        term(version=2, versions=(2, 1), extra="status: deprecated\nreplaced_by: persn\n"),
    )
    _, out, _ = diff(repository, capsys)
    assert (
        "  - status: approved → **deprecated** (replaced by `persn`, which is no term: "
        "`handbook check` fails until `replaced_by` names one)\n"
    ) in out
    assert "name its replacement `persn`" not in out
    assert "readers to a deprecated term. Drop it (a new version for each)\n" in out


@pytest.mark.parametrize(
    ("person", "why"),
    [
        (
            term("person", extra="status: deprecated\nreplaced_by: guide\n"),
            "which is deprecated too",
        ),
        (None, "which is the term itself"),
    ],
)
def test_a_term_deprecated_for_a_term_check_refuses_is_not_advised_as_its_replacement(
    repository: Path, capsys: pytest.CaptureFixture[str], person: str | None, why: str
) -> None:
    """Review (rv57d): `replaced_by` naming a deprecated term, or the term itself, fails
    the check as a typo does (glossary.reference), yet the report showed it as the
    replacement and advised the terms that list it in `related` to name it."""
    write(repository, "glossary/guide.yml", term("guide", extra="related: [survivor]\n"))
    commit(repository)
    if person is not None:
        write(repository, "glossary/person.yml", person)
    replacement = "person" if person is not None else "survivor"
    write(
        repository,
        "glossary/survivor.yml",
        term(
            version=2,
            versions=(2, 1),
            extra=f"status: deprecated\nreplaced_by: {replacement}\n",
        ),
    )
    _, out, _ = diff(repository, capsys)
    assert (
        f"  - status: approved → **deprecated** (replaced by `{replacement}`, {why}: "
        "`handbook check` fails until `replaced_by` names the term to use now)\n"
    ) in out
    assert f"name its replacement `{replacement}`" not in out
    assert "readers to a deprecated term. Drop it (a new version for each)\n" in out


def test_a_rename_with_a_new_version_alone_says_so(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: a rename with a voluntary bump ("Id corrected") was said to have its
    content changed too, where only `version` and `history` had."""
    git(repository, "mv", "glossary/survivor.yml", "glossary/survivor-x.yml")
    write(repository, "glossary/survivor-x.yml", term(version=2, versions=(2, 1)))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "  - its version and history changed too: see **Changed**\n" in out
    assert "its content changed too" not in out


def test_renamed_with_a_new_preferred_form_is_still_a_rename(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The first history entry, which a renamed file keeps, pairs the two.
    git(repository, "mv", "glossary/survivor.yml", "glossary/person-with-lived-experience.yml")
    write(
        repository,
        "glossary/person-with-lived-experience.yml",
        term(name="person with lived experience"),
    )
    code, out, _ = diff(repository, capsys)
    assert code == 1
    # Renamed, and changed too: its preferred form.
    assert "| terms | 0 | 0 | 1 | 0 | 1 |" in out
    assert "renamed from `survivor` (`glossary/survivor.yml`)" in out
    assert "  - preferred form: `survivor` → `person with lived experience`" in out
    assert "its content changed but `version` is still 1" in out


@pytest.mark.parametrize(
    ("path", "before", "after"),
    [
        (
            "glossary/survivor.yml",
            term(definition="A person who has experienced trafficking."),
            term(definition="|\n  A person who has\n  experienced   trafficking.\n"),
        ),
        (
            "content/modules/hotel-staff.md",
            MODULE.format(version=1, history=history(1), realize="It happens here."),
            MODULE.format(version=1, history=history(1), realize="It  happens\nhere.\n\n"),
        ),
    ],
)
def test_a_change_of_layout_alone_is_shown_and_needs_no_bump(
    repository: Path, capsys: pytest.CaptureFixture[str], path: str, before: str, after: str
) -> None:
    write(repository, path, after)
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert LAYOUT_ONLY + ": `" in out
    assert "fields changed" not in out


def test_a_definition_written_in_decomposed_characters_is_layout_alone(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "é" as "e" and a combining accent looks the same on the page, and the checks read
    it alike (NFC): no change of meaning to record (audit)."""
    write(repository, "glossary/survivor.yml", term(definition="A person harmed in a café."))
    commit(repository)
    decomposed = unicodedata.normalize("NFD", "A person harmed in a café.")
    write(repository, "glossary/survivor.yml", term(definition=decomposed))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert LAYOUT_ONLY + ": `" in out


def test_a_form_written_in_decomposed_characters_is_layout_alone(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: an alias rewritten in NFD was listed as "reordered or rewritten", the two
    spellings alike on the screen."""
    write(repository, "glossary/survivor.yml", term(extra="aliases: [café worker]\n"))
    commit(repository)
    decomposed = unicodedata.normalize("NFD", "café worker")
    write(repository, "glossary/survivor.yml", term(extra=f"aliases: [{decomposed}]\n"))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert LAYOUT_ONLY + ": `aliases`" in out
    assert "reordered or rewritten" not in out


def test_an_invisible_character_added_is_named_in_the_definitions_diff(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A zero-width space changes what the word matches (no "person" is found in it): a
    change, and the diff names the character, where it showed two words that look alike,
    one struck and one new (audit)."""
    write(repository, "glossary/survivor.yml", term(definition="A person harmed.\n"))
    commit(repository)
    write(repository, "glossary/survivor.yml", term(definition="A per\u200bson harmed.\n"))
    code, out, _ = diff(repository, capsys)
    assert code == 1, out
    assert "~~person~~ **per⟨U+200B⟩son**" in out


def test_a_list_after_a_heading_is_blocks_of_its_own() -> None:
    """Review: a heading is one line; the list after it, its items."""
    assert paragraph_blocks("### Signs\n- a\n- b") == (("### Signs", "- a", "- b"),)
    assert paragraph_blocks("As in 22 U.S.C.\n7102. In") == (("As in 22 U.S.C. 7102. In",),)


def test_a_character_reference_in_a_definition_is_shown_as_written(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`&shy;` rendered as nothing in the report, two words alike (audit)."""
    write(repository, "glossary/survivor.yml", term(definition="A person harmed.\n"))
    commit(repository)
    write(repository, "glossary/survivor.yml", term(definition="A per&shy;son &lt;harmed.\n"))
    _, out, _ = diff(repository, capsys)
    assert "~~person harmed.~~ **per&amp;shy;son &amp;lt;harmed.**" in out, out


def test_a_line_of_prose_starting_with_a_number_stays_in_its_paragraph(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Python-Markdown reads `7102. In` inside a paragraph as prose, not as a list: the
    report split the paragraph there, hid its first half behind "…", and GitHub showed a
    list numbered from 7102 (audit)."""
    before = "As defined in 22 U.S.C.\n  7102. In this handbook, a word.\n"
    write(repository, "glossary/survivor.yml", term(definition="|\n  " + before))
    commit(repository)
    after = before.replace("a word", "a term")
    write(
        repository,
        "glossary/survivor.yml",
        term(version=2, versions=(2, 1), definition="|\n  " + after),
    )
    _, out, _ = diff(repository, capsys)
    assert "    > As defined in 22 U.S.C. 7102. In this handbook, a ~~word.~~ **term.**\n" in out


def test_an_invisible_character_in_a_form_is_named_and_a_scripts_joiner_is_not(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: forms, where such a character changes matching most, showed it unnamed;
    and the zero-width non-joiner Persian writes with is no mistake to name."""
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # with a ZWNJ
    before = term(extra="aliases: [care worker]\ntranslations: {fa: x}\n")
    write(repository, "glossary/survivor.yml", before)
    commit(repository)
    aliases = "[care\u200b worker, x\u200dy, a\u200c\u200db]"
    after = term(extra=f"aliases: {aliases}\ntranslations: {{fa: {persian}}}\n")
    write(repository, "glossary/survivor.yml", after)
    code, out, _ = diff(repository, capsys)
    assert code == 1, out
    assert "`care⟨U+200B⟩ worker`" in out
    assert "`x⟨U+200D⟩y`" in out  # a joiner between Latin letters: named (second review)
    assert "`a⟨U+200C⟩⟨U+200D⟩b`" in out  # two of them together too (review rv39)
    assert f"fa: `x` → `{persian}`" in out


def test_a_fence_in_a_diffed_text_cannot_close_the_reports(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "It happens here.\n\n````\ncode <img src=x>\n```\n"
    write(
        repository,
        "content/modules/hotel-staff.md",
        MODULE.format(version=1, history=history(1), realize=body),
    )
    commit(repository)
    write(
        repository,
        "content/modules/hotel-staff.md",
        MODULE.format(version=1, history=history(1), realize=body.replace("code", "changed")),
    )
    code, out, _ = diff(repository, capsys)
    assert code == 1
    assert "    `````diff\n" in out
    opened = out.index("    `````diff\n")
    closed = out.index("\n    `````\n", opened)
    assert "+changed <img src=x>" in out[opened:closed]


def test_a_term_made_case_sensitive_shows_each_form_once_with_its_uses(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repository, "glossary/t-visa.yml", term("T visa", extra="aliases: [T-1 visa]\n"))
    write(repository, "content/visas.md", "# Visas\n\nA T visa, a t visa.\n")
    commit(repository)
    write(
        repository,
        "glossary/t-visa.yml",
        term("T visa", version=2, versions=(2, 1),
             extra="aliases: [T-1 visa]\ncase_sensitive: true\n"),
    )  # fmt: skip
    assert_case_uses_as_checked(
        repository,
        capsys,
        [
            "| `T-1 visa` | accepted (`t-visa`) | accepted (`t-visa`, this case only) | "
            "none in another case |",
            # Audit: "T visa" at 3:3 was listed too, though only "t visa" at 3:13 is now a
            # term.case finding.
            "| `T visa` | accepted (`t-visa`) | accepted (`t-visa`, this case only) | "
            "in another case (`term.case`): `content/visas.md:3:13` |",
        ],
        [(3, 13)],
    )


def assert_case_uses_as_checked(
    repository: Path,
    capsys: pytest.CaptureFixture[str],
    rows: list[str],
    term_case_places: list[tuple[int, int]],
) -> None:
    """`handbook diff` lists the T forms' `rows`, and `handbook check` reports term.case
    at the same `term_case_places` (line, column): the two read uses alike."""
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert [line for line in out.splitlines() if line.startswith("| `T")] == rows
    check = run_checks(load_config(repository / "mkdocs.yml", require_folders=False))
    found = [(f.line, f.column) for f in check.findings if f.rule == "term.case"]
    assert found == term_case_places


def test_a_form_in_capitals_in_a_sentence_all_in_capitals_is_no_use_in_another_case(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review rv48b: `handbook check` reports no `T VISA` in a heading all in capitals
    (term_case.in_capitals_sentence), yet the uses table listed it as a `term.case` use."""
    write(repository, "glossary/t-visa.yml", term("T visa"))
    page = "# Visas\n\n## WHAT A T VISA PROTECTS\n\nApply for a t visa.\n"
    write(repository, "content/visas.md", page)
    commit(repository)
    write(
        repository,
        "glossary/t-visa.yml",
        term("T visa", version=2, versions=(2, 1), extra="case_sensitive: true\n"),
    )
    assert_case_uses_as_checked(
        repository,
        capsys,
        [
            "| `T visa` | accepted (`t-visa`) | accepted (`t-visa`, this case only) | "
            "in another case (`term.case`): `content/visas.md:5:13` |",
        ],
        [(5, 13)],
    )


def test_a_case_sensitive_form_recased_lists_the_uses_in_another_case(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: `T Visa` rewritten `T visa` in a case-sensitive term had no row, though
    every `T Visa` written in the pages became a `term.case` finding."""
    write(
        repository,
        "glossary/t-visa.yml",
        term("T Visa", extra="aliases: [T-1 Visa]\ncase_sensitive: true\n"),
    )
    write(repository, "content/visas.md", "# Visas\n\nA T Visa, a T visa, a T-1 Visa.\n")
    commit(repository)
    write(
        repository,
        "glossary/t-visa.yml",
        term("T visa", version=2, versions=(2, 1),
             extra="aliases: [T-1 Visa]\ncase_sensitive: true\n"),
    )  # fmt: skip
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    rows = [line for line in out.splitlines() if line.startswith("| `T")]
    assert rows == [
        "| `T visa` (was `T Visa`) | accepted (`t-visa`, this case only) | "
        "accepted (`t-visa`, this case only) | "
        "in another case (`term.case`): `content/visas.md:3:3` |",
    ]
    check = run_checks(load_config(repository / "mkdocs.yml", require_folders=False))
    assert [(f.rule, f.line, f.column) for f in check.findings if f.rule == "term.case"] == [
        ("term.case", 3, 3)
    ]


def test_a_case_sensitive_form_to_avoid_recased_has_no_row(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A form to avoid is reported in any case: recased, its uses fail as before."""
    forms = "avoid: [{}]\ncase_sensitive: true\n"
    write(repository, "glossary/t-visa.yml", term("T visa", extra=forms.format("T Card")))
    write(repository, "content/visas.md", "# Visas\n\nA T Card.\n")
    commit(repository)
    changed = term("T visa", version=2, versions=(2, 1), extra=forms.format("T card"))
    write(repository, "glossary/t-visa.yml", changed)
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "  - forms to avoid added: `T card`\n  - forms to avoid removed: `T Card`\n" in out
    assert "### Where a form whose status changed is used" not in out


FIRST_ENTRY = "  - version: 1\n    date: 2026-01-01\n    summary: First version.\n"


def born_together(name: str, definition: str, extra: str = "") -> str:
    """A term whose first history entry is the same as every other's made so."""
    return f"term: {name}\nversion: 1\n{extra}definition: {definition}\nhistory:\n{FIRST_ENTRY}"


def test_a_new_term_born_as_a_removed_one_is_no_rename(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repository, "glossary/hotline.yml", born_together("hotline", "A phone line."))
    commit(repository)
    (repository / "glossary" / "hotline.yml").unlink()
    write(repository, "glossary/t-visa.yml", born_together("T visa", "A visa for survivors."))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "renamed from" not in out and "| terms | 1 | 1 | 0 | 0 | 0 |" in out


def test_of_removed_terms_born_alike_the_rename_pairs_the_one_whose_text_it_keeps(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repository, "glossary/zebra-crossing.yml", born_together("zebra crossing", "A road."))
    write(repository, "glossary/shelter.yml", born_together("shelter", "A safe place to stay."))
    commit(repository)
    git(repository, "mv", "glossary/shelter.yml", "glossary/safe-house.yml")
    write(
        repository, "glossary/safe-house.yml", born_together("safe house", "A safe place to stay.")
    )
    (repository / "glossary" / "zebra-crossing.yml").unlink()
    code, out, _ = diff(repository, capsys)
    assert code == 1  # its preferred form changed, its version did not
    assert "renamed from `shelter`" in out
    assert "- **zebra crossing** (`zebra-crossing`" in out.split("#### Removed", 1)[1]


def test_a_case_sensitive_form_of_another_term_keeps_its_own_row(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repository, "glossary/safe-harbor.yml", born_together("safe harbor", "Protection."))
    write(
        repository,
        "glossary/safe-harbor-law.yml",
        born_together("Safe Harbor", "A state law.", extra="case_sensitive: true\n"),
    )
    write(repository, "content/page.md", "# P\n\nWe offer safe harbor to all.\n")
    commit(repository)
    write(
        repository,
        "glossary/safe-harbor.yml",
        "term: safe harbor\nversion: 2\nstatus: deprecated\nreplaced_by: safe-harbor-law\n"
        "definition: Protection.\nhistory:\n  - version: 2\n    date: 2026-02-01\n"
        "    summary: Deprecated.\n" + FIRST_ENTRY,
    )
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert (
        "| `safe harbor` | accepted (`safe-harbor`) | deprecated (`safe-harbor`) | "
        "`content/page.md:3:10` |"
    ) in out


def test_rewrapping_a_list_items_indented_lines_is_layout_alone(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Four spaces in the value (six in the file): the list item's own indentation.
    before = "|\n  Includes:\n\n  - threats of serious harm to the\n      person or to others\n"
    write(repository, "glossary/survivor.yml", term(definition=before))
    commit(repository)
    after = "|\n  Includes:\n\n  - threats of serious harm\n      to the person or to others\n"
    write(repository, "glossary/survivor.yml", term(definition=after))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert (LAYOUT_ONLY + ": `definition`") in out


def test_joining_blocks_is_no_change_of_layout(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        repository,
        "glossary/hotline.yml",
        born_together("hotline", '"Call it when:\\n\\n- you see force\\n- a minor is sold\\n"'),
    )
    commit(repository)
    write(repository, "glossary/hotline.yml", born_together(
        "hotline", '"Call it when: - you see force - a minor is sold"'))  # fmt: skip
    code, out, _ = diff(repository, capsys)
    assert code == 1
    assert "fields changed: `definition`" in out and "layout only" not in out


@pytest.mark.parametrize(
    ("before", "after", "layout"),
    [
        # An indent after a blank line makes the paragraph code (audit).
        ("One.\n\nTwo.\n", "One.\n\n    Two.\n", False),
        # Four spaces make a list item a nested one; a space more or less changes nothing.
        ("- One\n- Two\n", "- One\n    - Two\n", False),
        ("- One\n- Two\n", " - One\n - Two\n", True),
        # Two spaces at the end of a line break it there.
        ("One\ntwo.\n", "One  \ntwo.\n", False),
        # A comment shows nothing (audit); in the middle of a line, it leaves a space.
        ("One.\n", "One.\n\n<!-- to check with the task force -->\n", True),
        ("One two.\n", "One <!-- a note --> two.\n", True),
    ],
)
def test_layout_is_what_changes_nothing_the_page_shows(
    repository: Path, capsys: pytest.CaptureFixture[str], before: str, after: str, layout: bool
) -> None:
    module = "content/modules/hotel-staff.md"
    write(repository, module, MODULE.format(version=1, history=history(1), realize=before))
    commit(repository)
    write(repository, module, MODULE.format(version=1, history=history(1), realize=after))
    code, out, _ = diff(repository, capsys)
    assert (code, "layout only" in out, "fields changed: `body`" in out) == (
        (0, True, False) if layout else (1, False, True)
    ), out


def test_a_change_only_spaces_make_is_shown_line_by_line(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: an indent that nests a list item changed the definition, but its word
    diff showed nothing to fix."""
    before = "|\n  Includes:\n\n  - threats\n  - debts\n"
    write(repository, "glossary/survivor.yml", term(definition=before))
    commit(repository)
    after = "|\n  Includes:\n\n  - threats\n      - debts\n"
    write(repository, "glossary/survivor.yml", term(definition=after))
    code, out, _ = diff(repository, capsys)
    assert code == 1
    assert "fields changed: `definition`" in out
    shown = out[out.index("  - `definition`:") :]
    assert "    -- debts\n    +    - debts\n" in shown, out


def test_a_broken_file_the_change_deletes_is_not_shown_as_added(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repository, "glossary/bad.yml", "term: bad\nversion: one\n")
    commit(repository)
    (repository / "glossary" / "bad.yml").unlink()
    write(repository, "glossary/hotline.yml", born_together("hotline", "A line."))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "bad.yml" not in out


def test_module_body_change_is_a_change(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        repository,
        "content/modules/hotel-staff.md",
        MODULE.format(version=1, history=history(1), realize="It happens in every town."),
    )
    code, out, _ = diff(repository, capsys)
    assert code == 1
    assert "  - fields changed: `body`" in out
    assert "    -It happens here." in out and "    +It happens in every town." in out


def test_line_endings_alone_are_no_change(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = repository / "content" / "modules" / "hotel-staff.md"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    code, out, _ = diff(repository, capsys)
    assert code == 0
    assert "No glossary term" in out


CONTACTS = "contacts:\n  - name: National Human Trafficking Hotline\n    phone: 1-888-373-7888\n"
SUMMARY = "summary: What hotel staff do when they suspect trafficking.\n"
PROTOCOL_WITH_CONTACTS = PROTOCOL.format(version=1, step="Call", history=history(1)) + CONTACTS
HOTEL_MODULE = MODULE.format(version=1, history=history(1), realize="It happens here.")


@pytest.mark.parametrize(
    ("path", "before", "after"),
    [
        (
            "protocols/hotel-staff.yml",
            PROTOCOL_WITH_CONTACTS,
            PROTOCOL_WITH_CONTACTS.replace(SUMMARY, "") + SUMMARY,
        ),
        (
            "content/modules/hotel-staff.md",
            HOTEL_MODULE,
            HOTEL_MODULE.replace("title: Hotel staff\n", "", 1).replace(
                "---\n\n## Realize", "title: Hotel staff\n---\n\n## Realize"
            ),
        ),
    ],
)
def test_keys_moved_in_a_file_are_no_change(
    repository: Path, capsys: pytest.CaptureFixture[str], path: str, before: str, after: str
) -> None:
    """The order of a file's keys is no content: nothing to show, no version to raise,
    as for a term file."""
    write(repository, path, before)
    commit(repository, "with contacts")
    write(repository, path, after)
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "No glossary term, protocol or training module changed." in out


def test_a_changed_step_is_shown_as_steps_alone(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The strings the checks read are derived from the fields, not fields of their own:
    a step's edit is shown once, as `steps`."""
    write(
        repository,
        "protocols/hotel-staff.yml",
        PROTOCOL.format(version=2, step="Ring", history=history(2, 1)),
    )
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "  - fields changed: `steps`\n" in out
    assert "texts" not in out


def test_a_blank_line_added_to_a_steps_detail_is_a_blank_line(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not the step's indentation alone, as trailing spaces (review)."""
    changed = PROTOCOL.format(version=2, step="Call", history=history(2, 1)).replace(
        "    detail: Call the hotline.\n",
        "    detail: |\n      Call the hotline.\n\n      Then tell your manager.\n",
    )
    write(repository, "protocols/hotel-staff.yml", changed)
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "\n    +\n    +   Then tell your manager.\n" in out


@pytest.mark.parametrize(
    ("path", "broken", "problem"),
    [
        ("glossary/survivor.yml", "term: [unclosed\n", "2:1`: not valid YAML: "),
        ("protocols/hotel-staff.yml", "title: Hotel staff\n", "1:1`: missing required field"),
        (
            "content/modules/hotel-staff.md",
            "---\ntitle: [unclosed\n---\n\n## Realize\n",
            "3:1`: not valid YAML",
        ),
    ],
)
def test_a_file_that_no_longer_loads_is_not_removed_and_fails(
    repository: Path, capsys: pytest.CaptureFixture[str], path: str, broken: str, problem: str
) -> None:
    """Its change cannot be shown to be recorded by a version bump: exit 1, not 0. The
    report says where the first problem is (audit: the reviewer of a pull request, who
    reads the report alone, could not tell)."""
    write(repository, path, broken)
    code, out, err = diff(repository, capsys)
    assert code == 1
    assert "### Not compared" in out and f"- ❌ `{path}:{problem}" in out
    # And in the log of the step that failed (audit).
    line = problem.split(":")[0]
    assert err.startswith(
        f"{path}:{line}: does not load, so whether its change is recorded cannot be told: "
    )
    assert err.count("\n") == 1
    assert "the diff fails until they load" in out
    assert "Removed" not in out


def test_a_file_broken_before_the_change_and_left_alone_fails_no_diff(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: one broken file on main failed the diff of every pull request after it.
    Also where the checkout has CRLF for the commit's LF, as git's `core.autocrlf` (Git for
    Windows' default) writes it (review)."""
    write(repository, "glossary/broken.yml", "term: [unclosed\nversion: 1\n")
    commit(repository)
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2, 1), definition="New."))
    for line_ending in (b"\n", b"\r\n"):
        broken = b"term: [unclosed" + line_ending + b"version: 1" + line_ending
        (repository / "glossary" / "broken.yml").write_bytes(broken)
        code, out, _ = diff(repository, capsys)
        assert code == 0, out
        assert "### Broken before this change" in out and "- `glossary/broken.yml`" in out
        assert "Not compared" not in out
    write(repository, "glossary/broken.yml", "term: [still unclosed\n")
    code, out, _ = diff(repository, capsys)
    assert code == 1, out
    assert "- ❌ `glossary/broken.yml:2:1`: not valid YAML" in out


def test_forms_of_a_term_that_no_longer_loads_keep_what_they_were(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its forms are not shown gone (its file is unread, not emptied), and one another
    term takes shows what it was at the base, not "not a form of any term" (audit)."""
    write(
        repository, "glossary/victim.yml", term("victim", extra="aliases: [trafficking victim]\n")
    )
    write(repository, "content/index.md", PAGE + "\nA trafficking victim.\n")
    commit(repository)
    write(repository, "glossary/victim.yml", "term: [unclosed\n")
    taken = term(version=2, versions=(2, 1), extra="aliases: [trafficking victim]\n")
    write(repository, "glossary/survivor.yml", taken)
    code, out, _ = diff(repository, capsys)
    assert code == 1, out
    rows = [line for line in out.splitlines() if line.startswith("| `")]
    assert rows == [
        "| `trafficking victim` | accepted (`victim`) | accepted (`survivor`) | "
        "`content/index.md:7:3` |"
    ]


def test_a_file_that_did_not_load_at_the_base_is_named(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repository, "glossary/survivor.yml", "term: [unclosed\n")
    base = commit(repository, "broken")
    write(repository, "glossary/survivor.yml", term())
    code, out, _ = diff(repository, capsys, base)
    assert code == 0, out
    assert "### Did not load at the base" in out
    # Session 64 (LOW): why it did not load was not said (a check stricter now?).
    assert re.search(r"\n- `glossary/survivor\.yml:\d+:\d+`: not valid YAML", out), out
    assert "### New terms" in out


def test_an_added_module_shows_whom_it_teaches_what(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As an added term shows its forms and an added protocol its summary (audit)."""
    module = MODULE.format(version=1, history=history(1), realize="It happens here.")
    module = module.replace("objectives: [Know the signs]", "objectives: [Know the *signs*]")
    write(repository, "content/modules/front-desk.md", module.replace("45", "30"))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    added = out.split("### New modules", 1)[1]
    assert (
        "- **Hotel staff** (`front-desk`, `content/modules/front-desk.md`): version 1\n"
        "  - audience: hotel staff\n"
        "  - duration: 30 minutes\n"
        "  - objectives:\n"
        "    - Know the \\*signs\\*\n"
    ) in added


def test_a_new_file_that_does_not_load_fails(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repository, "glossary/t-visa.yml", "term: T visa\n")
    code, out, _ = diff(repository, capsys)
    assert code == 1
    assert "- ❌ `glossary/t-visa.yml:1:1`: missing required field" in out


def test_deprecation_lists_uses_in_every_checked_text(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Pages, protocols, module front matter and other terms' definitions are all checked
    (DESIGN section 4), so all of them are listed; a term's own definition is not."""
    write(repository, "glossary/person.yml", term("person who has experienced trafficking"))
    write(
        repository,
        "glossary/advocate.yml",
        term("advocate", definition="Someone who supports a survivor."),
    )
    write(
        repository,
        "protocols/hotel-staff.yml",
        PROTOCOL.format(version=1, step="Call", history=history(1)).replace(
            "detail: Call the hotline.", "detail: Ask the survivor what they need."
        ),
    )
    write(
        repository,
        "content/modules/hotel-staff.md",
        MODULE.format(version=1, history=history(1), realize="It happens here.").replace(
            "objectives: [Know the signs]", "objectives: [Believe a survivor]"
        ),
    )
    commit(repository, "uses everywhere")
    write(
        repository,
        "glossary/survivor.yml",
        term(
            version=2,
            versions=(2, 1),
            definition="A survivor of trafficking.",
            extra="status: deprecated\nreplaced_by: person\n",
        ),
    )
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    row = next(line for line in out.splitlines() if line.startswith("| `survivor` |"))
    places = re.findall(r"`([^`]+:\d+:\d+)`", row)
    assert places == [
        "content/index.md:3:18",
        "content/modules/hotel-staff.md:6:24",
        "glossary/advocate.yml:3:36",
        "protocols/hotel-staff.yml:10:21",
    ]


def test_check_and_diff_list_the_same_places(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The diff lists a deprecated form where `handbook check` reports it: every file,
    however many places it has."""
    write(repository, "glossary/person.yml", term("person who has experienced trafficking"))
    write(
        repository,
        "protocols/hotel-staff.yml",
        PROTOCOL.format(version=1, step="Believe each survivor", history=history(1)),
    )
    many = "".join(f"\nSurvivor number {number}.\n" for number in range(25))
    write(
        repository, "content/index.md", PAGE + "\nA survivor-leader and survivors' rights.\n" + many
    )
    commit(repository, "uses")
    deprecate_survivor(repository)
    main(["check", "--format", "json", "-f", str(repository / "mkdocs.yml")])
    findings = json.loads(capsys.readouterr().out)["findings"]
    reported = [
        f"{finding['path']}:{finding['line']}:{finding['column']}"
        for finding in findings
        if finding["rule"] == "term.deprecated"
    ]
    by_file = itertools.groupby(reported, key=lambda place: place.rsplit(":", 2)[0])
    positions = {path: [place[len(path) + 1 :] for place in places] for path, places in by_file}
    assert list(positions) == ["content/index.md", "protocols/hotel-staff.yml"]
    on_the_page = positions["content/index.md"]
    # Run locally, every place of every file, counted: the protocol's use sorts after
    # the page's 27 (a cap of 20 uses in all once hid it), and the page's places past
    # its third are listed too (audit: cut to three here, they were shown nowhere for a
    # form that becomes accepted).
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    row = next(line for line in out.splitlines() if line.startswith("| `survivor` |"))
    assert row.endswith(
        f" | `content/index.md` ({len(on_the_page)} places: {', '.join(on_the_page)}), "
        "`protocols/hotel-staff.yml:9:25` |"
    ), row
    # In a step summary, each file with its first places.
    config = load_config(repository / "mkdocs.yml", require_folders=False)
    assert run_diff(config, "HEAD", None, environ={"GITHUB_ACTIONS": "true"}) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("| `survivor` |"))
    shown = step_summary_limits("").places_per_file
    assert len(on_the_page) > shown
    assert row.endswith(
        f" | `content/index.md` ({len(on_the_page)} places: {', '.join(on_the_page[:shown])}, "
        "…), `protocols/hotel-staff.yml:9:25` |"
    ), row


@pytest.mark.parametrize(
    ("path", "text", "places"),
    [
        # two uses on one line: two places, each listed once
        (
            "content/index.md",
            "# Home\n\nOne survivor, then another survivor.\n",
            "`content/index.md` (2 places: 3:5, 3:28)",
        ),
        # a backtick in the file's name: still one code span
        ("content/a`b.md", "# P\n\nA survivor here.\n", "``content/a`b.md:3:3``"),
    ],
    ids=["two-uses-on-one-line", "a-backtick-in-the-path"],
)
def test_each_file_of_a_removed_form_is_one_code_span(
    repository: Path, capsys: pytest.CaptureFixture[str], path: str, text: str, places: str
) -> None:
    write(repository, path, text)
    commit(repository, "uses")
    (repository / "glossary" / "survivor.yml").unlink()
    code, out, _ = diff(repository, capsys)
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("| `survivor` |"))
    assert places in row.split(" | ")[-1]


def test_a_form_inside_a_longer_accepted_form_is_not_a_use(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Listed where the check sees a use: "survivor" inside the accepted form "survivor
    leader" is a use of that longer form, not of "survivor"."""
    write(repository, "glossary/person.yml", term("person who has experienced trafficking"))
    write(repository, "glossary/survivor-leader.yml", term("survivor leader"))
    write(repository, "content/index.md", "# Home\n\nAsk a survivor leader.\n")
    commit(repository, "longer form")
    deprecate_survivor(repository)
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "| `survivor` | accepted (`survivor`) | deprecated (`survivor`) | not used |" in out


def test_two_revisions(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = git(repository, "rev-parse", "HEAD")
    write(repository, "glossary/t-visa.yml", term("T visa"))
    head = commit(repository)
    (repository / "glossary" / "t-visa.yml").unlink()  # the working tree is not compared
    code, out, _ = diff(repository, capsys, base, head)
    assert code == 0
    assert out.startswith(f"## Handbook changes: `{base[:12]}` → `{head[:12]}`\n")
    assert "**T visa**" in out


def test_site_in_a_subfolder_of_the_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "repo"
    site = root / "handbook"
    site.mkdir(parents=True)
    git(root, "init", "-q")
    write(site, "mkdocs.yml", "site_name: T\ndocs_dir: docs\nplugins:\n  - handbook\n")
    write(site, "glossary/survivor.yml", term())
    commit(root)
    write(site, "glossary/survivor.yml", term(definition="Changed."))
    code, out, _ = diff(site, capsys)
    assert code == 1
    assert "`glossary/survivor.yml` (term `survivor`)" in out


def test_three_dots_compare_with_where_the_branch_left_base(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An editor's branch that is behind main: `main...` shows the branch's own change,
    where `main` alone would show main's newer change reversed."""
    git(repository, "checkout", "-q", "-b", "editor")
    write(
        repository,
        "protocols/front-desk.yml",
        PROTOCOL.format(version=1, step="Call", history=history(1)).replace(
            "Hotel staff", "Front desk"
        ),
    )
    commit(repository, "the editor's change")
    git(repository, "checkout", "-q", "main")
    write(
        repository,
        "glossary/survivor.yml",
        term(version=2, versions=(2, 1), definition="A person who lived through trafficking."),
    )
    commit(repository, "main moves on")
    git(repository, "checkout", "-q", "editor")

    code, out, _ = diff(repository, capsys, "main")
    assert code == 1 and "went down from 2 to 1" in out
    for base, head in (("main...", None), ("main...editor", None), ("main...HEAD", None)):
        code, out, _ = diff(repository, capsys, base, head)
        assert code == 0, out
        assert "| terms | 0 | 0 | 0 | 0 | 0 |" in out and "| protocols | 1 | 0 | 0 | 0 | 0 |" in out
        assert "(merge base " in out
    code, _, err = diff(repository, capsys, "main...", "editor")
    assert code == 2 and "give 'main...' alone" in err
    code, out, _ = diff(repository, capsys, "main..editor")
    assert code == 1 and "went down from 2 to 1" in out
    code, out, _ = diff(repository, capsys, "main..")  # as HEAD omitted: the working tree
    assert code == 1 and "→ the working tree" in out


def test_a_base_with_commits_the_head_lacks_is_said_to_show_them_changed_back(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: `handbook diff main HEAD` on a branch main had moved past told the editor
    to repair a term main changed, without a word that `main...` was the report wanted."""
    git(repository, "checkout", "-q", "-b", "editor")
    write(repository, "glossary/t-visa.yml", term("T visa"))
    commit(repository, "the editor's change")
    git(repository, "checkout", "-q", "main")
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2, 1)))
    commit(repository, "main moves on")
    git(repository, "checkout", "-q", "editor")
    said = (
        " has commits that `{head}` does not have: what they changed shows here as changed "
        "back. A pull request's report compares with the commit where its branch left the "
        "base, as `main...{command_head}` does."
    )
    for base, head, command_head in [
        ("main", None, ""),
        ("main", "HEAD", "HEAD"),
        ("main..editor", None, "editor"),
    ]:
        code, out, err = diff(repository, capsys, base, head)
        assert code == 1 and "went down from 2 to 1" in out
        note = said.format(head=head or command_head or "HEAD", command_head=command_head)
        assert out.split("\n")[2] == f"> ⚠️ `main`{note}", out
        assert f"handbook diff: `main`{note}\n" in err
    # A base the head has all of gets no note: the pull request's own report, and CI's.
    for base in ("main...", "HEAD", "HEAD^1"):
        code, out, err = diff(repository, capsys, base)
        assert "has commits that" not in out + err


def test_unknown_revision_is_a_usage_error(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = diff(repository, capsys, "no-such-branch")
    assert (code, out) == (2, "")
    assert err.startswith("handbook diff: 'no-such-branch' is not a commit in this repository.")


def test_option_like_revision_is_refused(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = diff(repository, capsys, "--output=/tmp/x")
    assert code == 2
    assert "is not a commit" in err


@pytest.mark.parametrize("search", [":/base", ":/^ba", "main^{/base}"])
def test_a_commit_named_by_its_message_is_compared(
    repository: Path, capsys: pytest.CaptureFixture[str], search: str
) -> None:
    """git's `:/text` names the newest commit whose message matches; `^{commit}` written
    after it was read as part of the text, and the revision refused (audit)."""
    base = git(repository, "rev-parse", "HEAD")
    write(repository, "glossary/survivor.yml", term(definition="Changed."))
    code, out, err = diff(repository, capsys, search)
    assert code == 1, err
    assert out.startswith(f"## Handbook changes: `{search}` ({base[:12]}) → the working tree\n")


def test_a_message_search_that_names_no_commit_is_refused(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = diff(repository, capsys, ":/no commit says this")
    assert (code, out) == (2, "")
    assert "':/no commit says this' is not a commit in this repository." in err


def test_not_a_git_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "mkdocs.yml", "site_name: T\nplugins:\n  - handbook\n")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    code, _, err = diff(tmp_path, capsys)
    assert code == 2
    assert "is not in a git repository" in err


def test_without_git_the_message_says_git_is_missing(
    repository: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(repository / "no-such-folder"))
    code, _, err = diff(repository, capsys)
    assert code == 2
    assert "handbook diff: the revisions are read with git: git is not installed" in err
    assert "not in a git repository" not in err


@pytest.mark.parametrize("revision", ["HEAD~99", "main^2", "main@{3}"])
def test_a_revision_expression_gets_no_fetch_advice(
    repository: Path, capsys: pytest.CaptureFixture[str], revision: str
) -> None:
    code, _, err = diff(repository, capsys, revision)
    assert code == 2
    assert f"'{revision}' is not a commit in this repository. Check it with `git log" in err
    assert "git fetch" not in err


@pytest.mark.parametrize(
    ("revision", "command"),
    [
        ("main`;touch x`~1", None),  # a backquote: no command copied whole
        ("main\n::error::x~1", None),  # a line break: no annotation of its own
        ("main;touch x~1", "git log 'main;touch x~1'"),
        ("origin/$(touch x)", "git fetch origin '+$(touch x):refs/remotes/origin/$(touch x)'"),
        ("HEAD|id", "git fetch origin '+HEAD|id:refs/remotes/origin/HEAD|id'"),
        ("$(touch x)", "git fetch origin '+$(touch x):refs/remotes/origin/$(touch x)'"),
    ],
)
def test_a_revision_is_quoted_for_the_shell_in_the_command_advised(
    repository: Path, capsys: pytest.CaptureFixture[str], revision: str, command: str | None
) -> None:
    """Security review sec64: a branch name a pull request's author chose
    (`` main`;rm -rf ~` ``) was pasted into the `git log` or `git fetch` advised, as it is;
    a line break in one started a line of its own on stderr."""
    git(repository, "remote", "add", "origin", str(repository))
    code, _, err = diff(repository, capsys, revision)
    assert code == 2
    assert len(err.strip().splitlines()) == 1, err
    commands = re.findall(r"`(git (?:log|fetch) [^`]*)`", err)
    assert commands == ([] if command is None else [command]), err
    for advised in commands:
        assert revision in shlex.split(advised)[-1]
    # The name to compare with once fetched, quoted as well.
    for name in re.findall(r"compare with `([^`]*)`", err):
        assert shlex.split(name) == [f"origin/{revision}"], err


@pytest.mark.parametrize(("base", "head"), [("", None), (" ", None), ("HEAD", "")])
def test_an_empty_revision_is_named_as_such(
    repository: Path, capsys: pytest.CaptureFixture[str], base: str, head: str | None
) -> None:
    """`handbook diff "$BASE"` with the variable unset: no `git fetch origin ` to run."""
    code, _, err = diff(repository, capsys, base, head)
    assert code == 2
    assert "names no revision: give one, such as `main` or `origin/main`." in err
    assert "git fetch" not in err


@pytest.mark.parametrize("revisions", ["...HEAD", "...", "..HEAD", " ...main"])
def test_a_range_with_no_base_is_refused(
    repository: Path, capsys: pytest.CaptureFixture[str], revisions: str
) -> None:
    """Review: `"$BASE...$HEAD"` with BASE unset compared HEAD with itself, and passed."""
    code, out, err = diff(repository, capsys, revisions)
    assert (code, out) == (2, "")
    dots = "..." if "..." in revisions else ".."
    assert f"'{revisions}' names no revision before '{dots}': give one, such as `main{dots}`" in err


def test_an_option_given_as_a_revision_gets_no_command_to_run(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`handbook diff -- --upload-pack=...`: git is asked nothing with it, and the
    message must not suggest a command that would pass it to git either."""
    code, _, err = diff(repository, capsys, "--upload-pack=touch /tmp/x")
    assert code == 2
    assert "A revision never starts with '-'." in err
    assert "git fetch" not in err


def shallow_clone(repository: Path, destination: Path, branch: str) -> Path:
    git(
        destination.parent,
        *("clone", "-q", "--depth", "1", "--branch", branch),
        *(repository.as_uri(), str(destination)),
    )
    return destination


def fetch_hint(err: str) -> list[str]:
    match = re.search(r"`(git fetch [^`]+)`", err)
    assert match, err
    return shlex.split(match.group(1))


def test_shallow_clone_unfetched_sha_then_fetched(
    repository: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = git(repository, "rev-parse", "HEAD")
    write(repository, "glossary/survivor.yml", term(definition="Changed."))
    commit(repository)
    clone = shallow_clone(repository, tmp_path / "clone", "main")

    code, out, err = diff(clone, capsys, base)
    assert (code, out) == (2, "")
    assert "shallow clone" in err
    assert f"`git fetch origin {base}`" in err
    assert "`fetch-depth: 0`" in err and '`GIT_DEPTH: "0"`' in err

    subprocess.run(fetch_hint(err), cwd=clone, check=True, capture_output=True)
    code, out, _ = diff(clone, capsys, base)
    assert code == 1
    assert "its content changed but `version` is still 1" in out


def test_shallow_clone_named_by_its_parent_says_to_fetch_history(
    repository: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The shipped workflow compares with `HEAD^1`, which a clone of depth 1 lacks (audit:
    the message said only to check the revision with `git log`)."""
    write(repository, "glossary/survivor.yml", term(definition="Changed."))
    commit(repository)
    clone = shallow_clone(repository, tmp_path / "clone", "main")
    code, out, err = diff(clone, capsys, "HEAD^1")
    assert (code, out) == (2, "")
    assert "shallow clone" in err and "fetch-depth: 0" in err
    assert 'GIT_DEPTH: "0"' in err  # GitLab's setting too (audit gl65)
    git(clone, "fetch", "-q", "--deepen=1")
    assert diff(clone, capsys, "HEAD^1")[0] == 1


def test_the_report_is_utf8_whatever_the_outputs_encoding(repository: Path) -> None:
    """CI appends the report to GitHub's step summary, read as UTF-8: a Windows runner's
    Python wrote `\\u2192` for each arrow (audit)."""
    write(repository, "glossary/survivor.yml", term(definition="Cambió."))
    completed = subprocess.run(
        [sys.executable, "-m", "coalition_handbook.cli", "diff", "HEAD"],
        cwd=repository,
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "cp1252"},
    )
    assert completed.returncode == 1
    assert completed.stderr.startswith(b"glossary/survivor.yml:2: term `survivor`: ")
    report = completed.stdout.decode("utf-8")
    assert "→ the working tree" in report and "**Cambió.**" in report


def test_a_tag_whose_name_begins_its_commit_id_is_named(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: a branch or tag named like the start of its commit's id lost its name."""
    base = git(repository, "rev-parse", "HEAD")
    git(repository, "tag", base[:1])
    _, out, _ = diff(repository, capsys, base[:1])
    assert out.startswith(f"## Handbook changes: `{base[:1]}` ({base[:12]}) → the working tree\n")


def test_a_short_commit_id_is_named_once(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = git(repository, "rev-parse", "HEAD")
    write(repository, "glossary/survivor.yml", term(definition="Changed."))
    _, out, _ = diff(repository, capsys, base[:10])
    assert out.startswith(f"## Handbook changes: `{base[:12]}` → the working tree\n")


def test_shallow_clone_of_a_pull_request_branch_against_origin_main(
    repository: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(repository, "checkout", "-q", "-b", "proposal")
    write(repository, "glossary/t-visa.yml", term("T visa"))
    commit(repository)
    clone = shallow_clone(repository, tmp_path / "clone", "proposal")

    code, _, err = diff(clone, capsys, "origin/main")
    assert code == 2
    assert "`git fetch origin +main:refs/remotes/origin/main`" in err

    subprocess.run(fetch_hint(err), cwd=clone, check=True, capture_output=True)
    code, out, _ = diff(clone, capsys, "origin/main")
    assert code == 0
    assert "- **T visa** (`t-visa`, `glossary/t-visa.yml`): version 1, approved" in out


def advised_range(root: Path, capsys: pytest.CaptureFixture[str], name: str) -> str:
    """The range `handbook new` tells the editor to give `handbook diff`."""
    config = load_config(root / "mkdocs.yml", require_folders=False)
    assert run_new(config, "term", name) == 0
    match = re.search(r"^  handbook diff (\S+)  ", capsys.readouterr().out, re.MULTILINE)
    assert match
    return match.group(1)


def test_new_advises_the_remote_s_default_branch_and_the_advice_works(
    repository: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: the advice named `origin/main...` whatever the repository had; a clone of
    a handbook whose default branch is `trunk` has no `origin/main`."""
    git(repository, "branch", "-m", "main", "trunk")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", repository.as_uri(), str(clone))
    git(clone, "checkout", "-q", "-b", "proposal")
    advised = advised_range(clone, capsys, "Labor broker")
    assert advised == "origin/trunk..."
    commit(clone)
    code, out, err = diff(clone, capsys, advised)
    assert (code, err) == (0, "")
    assert "**Labor broker** (`labor-broker`, `glossary/labor-broker.yml`)" in out


def test_new_advises_a_local_main_where_there_is_no_remote(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(repository, "checkout", "-q", "-b", "proposal")
    advised = advised_range(repository, capsys, "Labor broker")
    assert advised == "main..."
    assert diff(repository, capsys, advised)[0] == 0


def test_new_names_no_branch_where_the_repository_has_none_of_the_usual(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(repository, "branch", "-m", "main", "trunk")
    assert advised_range(repository, capsys, "Labor broker") == "<base-branch>..."


def test_new_asks_git_nothing_outside_a_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The advice is cheap: no git process where there is no repository to ask."""
    write(tmp_path, "mkdocs.yml", "site_name: T\nplugins: [handbook]\n")

    def no_git(*args: object, **kwargs: object) -> bytes:
        raise AssertionError(f"git was run: {args}")

    monkeypatch.setattr(compare_base.git, "git", no_git)
    assert advised_range(tmp_path, capsys, "Labor broker") == "<base-branch>..."


def test_new_prefers_the_default_branch_of_the_remote_the_branch_tracks(
    repository: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A clone made with `-o upstream`, on a branch pushed to that remote: the report is
    against the remote's default branch, not the branch's own upstream."""
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "-o", "upstream", repository.as_uri(), str(clone))
    git(clone, "checkout", "-q", "-b", "proposal")
    git(clone, "push", "-q", "-u", "upstream", "proposal")
    assert advised_range(clone, capsys, "Labor broker") == "upstream/main..."


def test_a_remote_branch_of_no_remote_gets_no_fetch_command(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: with no `origin`, `handbook diff origin/main...` said to run `git fetch
    origin origin/main`, which asks a remote that is not there for a branch named
    `origin/main`."""
    git(repository, "checkout", "-q", "-b", "proposal")
    code, out, err = diff(repository, capsys, "origin/main...")
    assert (code, out) == (2, "")
    assert "this repository has no remote to fetch it from." in err
    assert "The branch to compare with here is likely `main`." in err
    assert "git fetch" not in err

    git(repository, "remote", "add", "upstream", repository.as_uri())
    err = diff(repository, capsys, "origin/main...")[2]
    assert "`origin` is none of this repository's remotes (`upstream`)" in err
    assert "git fetch" not in err


def test_a_branch_named_without_its_remote_is_fetched_under_the_remote_s_name(
    repository: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`git fetch origin trunk` left `trunk` still no commit here: the advice fetches it
    into `origin/trunk` and says to compare with that name."""
    git(repository, "branch", "trunk")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--single-branch", repository.as_uri(), str(clone))
    code, _, err = diff(clone, capsys, "trunk...")
    assert code == 2
    assert "fetch it and compare with `origin/trunk`" in err
    subprocess.run(fetch_hint(err), cwd=clone, check=True, capture_output=True)
    assert diff(clone, capsys, "origin/trunk...")[0] == 0


def test_cli_diff(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repository, "glossary/survivor.yml", term(definition="Changed."))
    assert main(["diff", "HEAD", "-f", str(repository / "mkdocs.yml")]) == 1
    assert "Version or history to fix" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("a b c", "a b c", "a b c"),
        ("a b c", "a x c", "a ~~b~~ **x** c"),
        ("a b", "a b c d", "a b **c d**"),
        ("a b c", "c", "~~a b~~ c"),
        ("use *this* [link](x)", "use *this*", r"use \*this\* ~~\[link\]\(x\)~~"),
    ],
)
def test_word_diff(old: str, new: str, expected: str) -> None:
    assert word_diff(old, new) == expected


def test_line_diff_has_no_file_header() -> None:
    assert line_diff(["a", "b"], ["a", "c"]) == ["@@ -1,2 +1,2 @@", " a", "-b", "+c"]


def test_a_module_body_diff_is_numbered_as_its_file_is(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reviewer who opens the line a hunk names finds the change there. A form feed or
    a LINE SEPARATOR above it is no line break to git or an editor."""
    odd = "Odd\x0cbreaks\u2028here.\n\n"
    before = MODULE.format(version=1, history=history(1), realize=odd + "It happens here.")
    write(repository, "content/modules/hotel-staff.md", before)
    commit(repository, "odd breaks")
    after = MODULE.format(version=2, history=history(2, 1), realize=odd + "It happens everywhere.")
    write(repository, "content/modules/hotel-staff.md", after)
    # Lines of the files, each with one line of context before and after.
    old_line = before.split("\n").index("It happens here.") + 1
    new_line = after.split("\n").index("It happens everywhere.") + 1
    assert new_line > old_line  # the new history entry moved the body down

    assert main(["diff", "HEAD", "-f", str(repository / "mkdocs.yml")]) == 0
    report = capsys.readouterr().out
    hunk = next(line.strip() for line in report.splitlines() if line.strip().startswith("@@"))
    assert hunk == f"@@ -{old_line - 1},3 +{new_line - 1},3 @@", report


def _body_diff(report: str) -> list[str]:
    """The lines of the first line diff in `report`, as written inside its fence."""
    diff = report.split("```diff\n", 1)[1].split("\n    ```", 1)[0].split("\n")
    return [line.removeprefix("    ") for line in diff]


def test_a_hunk_that_adds_lines_counts_each_side_of_it(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two paragraphs added after one: the old side's hunk is that paragraph and the
    blank line after it, the new side's holds the four lines added between them."""
    before = MODULE.format(version=1, history=history(1), realize="It happens here.")
    added = "It happens here.\n\nIt happens in hotels.\n\nIt happens on farms."
    after = MODULE.format(version=2, history=history(2, 1), realize=added)
    write(repository, "content/modules/hotel-staff.md", after)
    old_line = before.split("\n").index("It happens here.") + 1
    new_line = after.split("\n").index("It happens here.") + 1

    assert main(["diff", "HEAD", "-f", str(repository / "mkdocs.yml")]) == 0
    report = capsys.readouterr().out
    assert _body_diff(report) == [
        f"@@ -{old_line},2 +{new_line},6 @@",
        " It happens here.",
        "+",
        "+It happens in hotels.",
        "+",
        "+It happens on farms.",
        " ",
    ], report


def test_a_body_added_to_an_empty_one_is_a_hunk_from_line_zero(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As git writes it: an empty side starts at line 0, wherever the file's body is."""
    before = MODULE.format(version=1, history=history(1), realize="")
    front_matter = before.split("\n## Realize", 1)[0]
    write(repository, "content/modules/hotel-staff.md", front_matter)
    commit(repository, "no body yet")
    after = MODULE.format(version=2, history=history(2, 1), realize="It happens here.")
    write(repository, "content/modules/hotel-staff.md", after)
    body = after.split("---\n", 2)[2].strip("\n").split("\n")
    first_line = after.split("\n").index(body[0]) + 1

    assert main(["diff", "HEAD", "-f", str(repository / "mkdocs.yml")]) == 0
    diff = _body_diff(capsys.readouterr().out)
    assert diff[0] == f"@@ -0,0 +{first_line},{len(body)} @@"
    assert diff[1:] == [f"+{line}" for line in body]


def test_a_change_to_a_bodys_last_line_shows_no_line_after_it(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Blank lines that end a file are no lines of its body: none is shown after its
    last line as context, nor counted."""
    before = MODULE.format(version=1, history=history(1), realize="It happens here.")
    after = MODULE.format(version=2, history=history(2, 1), realize="It happens here.")
    after = after.replace("\nCall.\n", "\nCall the hotline.\n\n\n")
    write(repository, "content/modules/hotel-staff.md", after)
    old_line = before.split("\n").index("Call.")
    new_line = after.split("\n").index("Call the hotline.")

    assert main(["diff", "HEAD", "-f", str(repository / "mkdocs.yml")]) == 0
    assert _body_diff(capsys.readouterr().out) == [
        f"@@ -{old_line},2 +{new_line},2 @@",
        " ",
        "-Call.",
        "+Call the hotline.",
    ]


CALL = "  - title: Call\n    detail: Call the hotline.\n"
NUMBERED = (
    "  - title: Call\n    detail: |\n      Call the hotline.\n      Patients under 18. Then wait.\n"
)
MORE_STEPS = "  - title: Write\n    detail: Write it down.\n  - title: Tell\n    detail: Tell.\n"


@pytest.mark.parametrize(
    ("before", "after", "shown"),
    [
        # Audit: a step put first showed every step after it removed and added again,
        # with line counts of no file.
        (
            CALL + MORE_STEPS,
            "  - title: Breathe\n    detail: Take a moment.\n" + CALL + MORE_STEPS,
            ["+1. Breathe", "+   Take a moment.", " 2. Call  (was 1)"],
        ),
        # Audit: two steps swapped showed the unchanged one with its new number and the
        # removed one with its old, two different steps 2 side by side; and the step that
        # moved as a step removed and another added (edit57: a reviewer compared their
        # texts line by line to see they are one).
        (
            CALL + MORE_STEPS,
            MORE_STEPS.split("  - title: Tell")[0] + CALL + "  - title: Tell\n    detail: Tell.\n",
            [
                "+1. Write  (moved from 2)",
                "+   Write it down.",
                " 2. Call  (was 1)",
                "    Call the hotline.",
                "-2. Write  (moved to 1)",
                "-   Write it down.",
                " 3. Tell",
            ],
        ),
        # Review (rv57d): three steps reversed; the middle one keeps its number, and read
        # "+2. Write  (moved from 2)", a step moved from where it is.
        (
            CALL + MORE_STEPS,
            "  - title: Tell\n    detail: Tell.\n" + MORE_STEPS.split("  - title: Tell")[0] + CALL,
            [
                "+1. Tell  (moved from 3)",
                "+   Tell.",
                "+2. Write  (the same step, 2 before too)",
                "+   Write it down.",
                " 3. Call  (was 1)",
                "    Call the hotline.",
                "-2. Write  (the same step, 2 after too)",
                "-   Write it down.",
                "-3. Tell  (moved to 1)",
                "-   Tell.",
            ],
        ),
        # Review: "under 18. The" lost its "18. " as if it were a step's number, and a
        # change to it showed an empty diff; a change inside a step's detail is headed by
        # the step's title.
        (
            NUMBERED,
            NUMBERED.replace("under 18.", "under 16."),
            [
                "@@ 1. Call @@",
                "    Call the hotline.",
                "-   Patients under 18. Then wait.",
                "+   Patients under 16. Then wait.",
            ],
        ),
    ],
    ids=["step added", "steps swapped", "steps reversed", "number in a detail"],
)
def test_steps_are_compared_without_their_numbers(
    repository: Path, capsys: pytest.CaptureFixture[str], before: str, after: str, shown: list[str]
) -> None:
    first = PROTOCOL.format(version=1, step="Call", history=history(1))
    write(repository, "protocols/hotel-staff.yml", first.replace(CALL, before))
    commit(repository)
    second = PROTOCOL.format(version=2, step="Call", history=history(2, 1))
    write(repository, "protocols/hotel-staff.yml", second.replace(CALL, after))
    assert main(["diff", "HEAD", "-f", str(repository / "mkdocs.yml")]) == 0
    assert _body_diff(capsys.readouterr().out) == shown


@pytest.mark.parametrize(
    ("escape", "shown"),
    [
        # A form feed breaks no line in a file (str.splitlines would break there)...
        (
            "\\f",
            [
                " 1. Call",
                "-   Call the hotline.\x0cThen wait.",
                "+   Call the hotline.\x0cThen write it down.",
            ],
        ),
        # ...a carriage return does, as an editor shows it: no line holds one.
        (
            "\\r",
            [
                "@@ 1. Call @@",
                "    Call the hotline.",
                "-   Then wait.",
                "+   Then write it down.",
            ],
        ),
    ],
)
def test_a_steps_lines_in_its_diff_break_where_an_editor_breaks_them(
    repository: Path, capsys: pytest.CaptureFixture[str], escape: str, shown: list[str]
) -> None:
    """A step's detail is split into lines as a module's body is."""
    step = "    detail: Call the hotline."
    before = PROTOCOL.format(version=1, step="Call", history=history(1))
    before = before.replace(step, f'    detail: "Call the hotline.{escape}Then wait."')
    write(repository, "protocols/hotel-staff.yml", before)
    commit(repository, "an odd character")
    after = PROTOCOL.format(version=2, step="Call", history=history(2, 1))
    after = after.replace(step, f'    detail: "Call the hotline.{escape}Then write it down."')
    write(repository, "protocols/hotel-staff.yml", after)

    assert main(["diff", "HEAD", "-f", str(repository / "mkdocs.yml")]) == 0
    assert _body_diff(capsys.readouterr().out) == shown


def test_a_changed_reason_to_avoid_and_translation_are_shown_old_and_new(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (
        "avoid:\n  - text: victim of crime\n    reason: Defines a person by a crime.\n"
        "translations: {es: sobreviviente, fr: survivant}\n"
    )
    write(repository, "glossary/survivor.yml", term(extra=before))
    commit(repository, "base with reasons")
    after = (
        "avoid:\n  - text: victim of crime\n"
        "    reason: Defines a person by what was done to them.\n"
        "translations: {es: superviviente, fr: survivant}\n"
    )
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2, 1), extra=after))
    code, out, _ = diff(repository, capsys)
    assert code == 0
    assert (
        "  - reason to avoid `victim of crime`: `Defines a person by a crime.` → "
        "`Defines a person by what was done to them.`"
    ) in out
    assert "  - `translations`: es: `sobreviviente` → `superviviente`\n" in out  # fr unchanged


def test_translations_to_review_name_each_term_a_translator_must_redo(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit (Spanish translator): a second language's handbook is a site of its own,
    whose diff saw none of these changes, and the first one's report named no
    translation to redo: a definition changed under `es: sobreviviente`, a term
    deprecated for one whose Spanish form was new, a term renamed with its translation."""
    write(repository, "glossary/survivor.yml", term(extra="translations: {es: sobreviviente}\n"))
    write(repository, "glossary/victim.yml", term("victim", extra="translations: {es: víctima}\n"))
    write(repository, "glossary/prostitute.yml", term("prostitute"))
    write(repository, "glossary/sources-only.yml", term("hotline", extra="translations: {es: x}\n"))
    commit(repository, "base with translations")
    write(
        repository,
        "glossary/survivor.yml",
        term(
            version=2,
            versions=(2, 1),
            definition="A person harmed by trafficking.",
            extra="translations: {es: sobreviviente}\n",
        ),
    )
    write(
        repository,
        "glossary/victim.yml",
        term(
            "victim or survivor",
            version=2,
            versions=(2, 1),
            extra="aliases: [victim]\ntranslations: {es: víctima o sobreviviente}\n",
        ),
    )
    write(
        repository,
        "glossary/prostitute.yml",
        term(
            "prostitute",
            version=2,
            versions=(2, 1),
            extra="status: deprecated\nreplaced_by: person-in-the-sex-trade\n",
        ),
    )
    write(
        repository,
        "glossary/person-in-the-sex-trade.yml",
        term(
            "person in the sex trade", extra="translations: {es: persona en el comercio sexual}\n"
        ),
    )
    # Only its translation changed: the translator's own edit, nothing to redo.
    write(
        repository,
        "glossary/sources-only.yml",
        term("hotline", version=2, versions=(2, 1), extra="translations: {es: y}\n"),
    )
    code, out, _ = diff(repository, capsys)
    assert code == 0
    section = out[out.index("### Translations to review") :].split("\n### ")[0]
    assert "The glossary translates its terms into `es`." in section
    assert (
        "- **survivor** (`survivor`): `definition` changed\n  - `es`: `sobreviviente`\n"
    ) in section
    assert (
        "- **victim or survivor** (`victim`): `term`, `aliases` changed\n"
        "  - `es`: `víctima o sobreviviente` (was `víctima`)\n"
    ) in section
    assert (
        "- **prostitute** (`prostitute`): deprecated, replaced by `person-in-the-sex-trade`\n"
        "  - `es`: no translation; the replacement's: `persona en el comercio sexual`\n"
    ) in section
    assert (
        "- **person in the sex trade** (`person-in-the-sex-trade`): new term\n"
        "  - `es`: `persona en el comercio sexual`\n"
    ) in section
    assert "hotline" not in section


def test_translations_to_review_show_a_pull_request_s_text_as_code(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Security review (regression cover, found working): a translation is the
    contributor's text, written into the step summary GitHub renders: a comment opener
    there would hide the rest of the report from reviewers, HTML or an image would run
    or call another host, a line break would start a line of its own, a control of
    writing direction would show another word. Each stays inline code, on its line."""
    hostile = {
        "de": "<img src=x onerror=alert(1)> <details>",
        "es": "``` <!-- ```` x",
        "fr": "a | b\n- ::error::x <script>",
        "it": "@octocat #123 ![t](https://evil.example/p.png)",
        "pt": "vi\u202ectima\u200b",
    }
    translations = f"translations: {json.dumps(hostile)}\n"
    write(repository, "glossary/survivor.yml", term(extra=translations))
    commit(repository, "base")
    write(
        repository,
        "glossary/survivor.yml",
        term(version=2, versions=(2, 1), definition="New.", extra=translations),
    )
    code, out, _ = diff(repository, capsys)
    assert code == 0
    section = out[out.index("### Translations to review") :].split("\n### ")[0]
    assert section.splitlines()[4:] == [
        "- **survivor** (`survivor`): `definition` changed",
        "  - `de`: `<img src=x onerror=alert(1)> <details>`",
        "  - `es`: ````` ``` <!-- ```` x `````",
        "  - `fr`: `a | b - ::error::x <script>`",
        "  - `it`: `@octocat #123 ![t](https://evil.example/p.png)`",
        "  - `pt`: `vi\u27e8U+202E\u27e9ctima\u27e8U+200B\u27e9`",
    ]


def test_translations_to_redo_come_before_the_new_terms_a_cut_report_leaves_out(
    repository: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A partner's glossary imported with its translations: the new terms' entries came
    first (by id), and a report cut short left out the one term whose Spanish entry must
    be redone, the section's reason to be (review rv34a of 1073465)."""
    write(repository, "glossary/survivor.yml", term(extra="translations: {es: sobreviviente}\n"))
    commit(repository, "base with a translation")
    _limit_step_summary(monkeypatch, text_bytes=100_000, report_bytes=3000)
    for number in range(60):
        extra = f"translations: {{es: término {number:02d}}}\n"
        write(repository, f"glossary/a{number:02d}.yml", term(f"a {number:02d}", extra=extra))
    changed = term(
        version=2,
        versions=(2, 1),
        definition="A person harmed by trafficking.",
        extra="translations: {es: sobreviviente}\n",
    )
    write(repository, "glossary/survivor.yml", changed)
    config = load_config(repository / "mkdocs.yml", require_folders=False)
    actions = {"GITHUB_ACTIONS": "true", "GITHUB_BASE_REF": "main"}
    assert run_diff(config, "HEAD", None, environ=actions) == 0
    out = capsys.readouterr().out
    section = out[out.index("### Translations to review") :]
    assert "- **survivor** (`survivor`): `definition` changed\n  - `es`: `sobreviviente`\n" in (
        section
    )
    assert section.index("- **survivor**") < section.index("- **a 00**")
    assert "left out (the rest of **Translations to review**, **New terms**)" in out


def test_no_translations_to_review_where_the_glossary_translates_nothing(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2, 1), definition="New."))
    code, out, _ = diff(repository, capsys)
    assert code == 0 and "- **survivor**" in out
    assert "Translations to review" not in out


def test_a_form_to_avoid_added_is_shown_with_its_reason(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The reason is what every term.avoid finding and the term's page show: reviewers
    approve it with the form, for a changed term as for a new one."""
    reasons = (
        "avoid:\n  - text: victim\n    reason: Defines a *person* by a crime <!--\n"
        "  - text: trafficked person\n"
    )
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2, 1), extra=reasons))
    new_term = "avoid:\n  - text: pimp\n    reason: Say `trafficker` instead.\n"
    write(repository, "glossary/trafficker.yml", term("trafficker", extra=new_term))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    changed = out.split("#### Changed", 1)[1].split("### New terms", 1)[0]
    assert (
        "  - forms to avoid added: `victim`, `trafficked person`\n"
        "  - reason to avoid `victim`: `Defines a *person* by a crime <!--`\n"
    ) in changed
    assert "reason to avoid `trafficked person`" not in out  # it has none
    added = out.split("### New terms", 1)[1]
    assert (
        "  - forms to avoid: `pimp`\n  - reason to avoid `pimp`: ``Say `trafficker` instead.``\n"
    ) in added


def test_a_recased_form_to_avoid_with_a_new_reason_shows_the_reason_old_and_new(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The form is the same (the term is not case-sensitive): only its reason changed."""
    write(
        repository, "glossary/survivor.yml", term(extra="avoid:\n  - text: Pimp\n    reason: A.\n")
    )
    commit(repository, "with a reason")
    after = "avoid:\n  - text: pimp\n    reason: B.\n"
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2, 1), extra=after))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "  - reason to avoid `pimp`: `A.` → `B.`\n" in out


def test_a_reviewed_protocol_shows_its_dates_contacts_and_sources_old_and_new(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    contacts = (
        "contacts:\n  - name: National Human Trafficking Hotline\n    phone: 1-888-373-7888\n"
    )
    write(
        repository,
        "protocols/hotel-staff.yml",
        PROTOCOL.format(version=1, step="Call", history=history(1)) + contacts,
    )
    write(repository, "glossary/survivor.yml", term())
    commit(repository, "base with a contact")
    reviewed = (
        PROTOCOL.format(version=2, step="Call", history=history(2, 1))
        .replace("review_by: 2030-01-01", "review_by: 2031-06-30")
        .replace("effective: 2026-01-01", "effective: 2026-02-01")
        + contacts
        + "    text: '233733'\n"
    )
    write(repository, "protocols/hotel-staff.yml", reviewed)
    sources = "sources:\n  - title: 22 U.S.C. 7102\n    url: https://www.law.cornell.edu/uscode/text/22/7102\n"
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2, 1), extra=sources))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "  - fields changed: `effective`, `review_by`, `contacts`" in out
    assert "  - `review_by`: 2030-01-01 → 2031-06-30" in out
    assert (
        "  - `contacts`: changed National Human Trafficking Hotline: text (none) → 233733\n"
    ) in out
    assert (
        "  - `sources`: added 22 U.S.C. 7102 (<https://www.law.cornell.edu/uscode/text/22/7102>)"
    ) in out


def test_a_list_change_pairs_an_item_that_kept_its_name() -> None:
    hotline = Contact(name="Hotline", phone="1-888-373-7888", text=None, url=None)
    texted = Contact(name="Hotline", phone="1-888-373-7888", text="233733", url=None)
    police = Contact(name="Police", phone="911", text=None, url=None)
    shelter = Contact(name="Shelter", phone=None, text=None, url="https://example.org")
    assert list_change((hotline, police), (texted, shelter)) == (
        "changed Hotline: text (none) → 233733; "
        "added Shelter (<https://example.org>); removed Police (911)"
    )
    assert list_change((hotline, police), (police, hotline)) == "reordered"
    # Audit: a one-digit change was hard to spot in the whole contact shown twice.
    renumbered = Contact(name="Hotline", phone="1-888-373-7889", text=None, url="https://a.org")
    assert list_change((hotline,), (renumbered,)) == (
        "changed Hotline: phone 1-888-373-7888 → 1-888-373-7889, url (none) → <https://a.org>"
    )
    moved = SourceRef(title="22 U.S.C. 7102", url="https://b.org/7102")
    assert list_change((SourceRef(title="22 U.S.C. 7102", url="https://a.org"),), (moved,)) == (
        "changed 22 U.S.C. 7102: url <https://a.org> → <https://b.org/7102>"
    )


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        (("nurses", "physicians"), ("nurses", "nurses", "physicians"), "added `nurses` again"),
        (("doctors", "nurses"), ("nurses", "nurses"), "added `nurses` again; removed `doctors`"),
        (("nurses", "nurses", "doulas"), ("nurses", "doulas"), "removed a repeated `nurses`"),
        ((), ("nurses", "nurses"), "added `nurses`, `nurses` again"),
        (("nurses", "doulas", "nurses"), ("nurses", "nurses", "doulas"), "reordered"),
    ],
)  # fmt: skip
def test_a_list_entry_written_twice_is_an_entry_added(
    old: tuple[str, ...], new: tuple[str, ...], shown: str
) -> None:
    """Audit: a duplicated audience entry was "reordered", and with another change it
    was not named at all (the page lists it twice)."""
    assert list_change(old, new) == shown


def test_what_an_editor_typed_in_a_contact_or_source_stays_text_in_the_report() -> None:
    """A contact's text ending in `<!--` hid the rest of the report from reviewers, as a
    comment, once GitHub rendered it (found by the security review)."""
    before = Contact(name="Hotline", phone="1-888-373-7888", text="233733", url=None)
    after = Contact(name="Hotline", phone="1-888-373-7888", text="233733 (HELP)\n\n<!-- ", url=None)
    assert list_change((before,), (after,)) == (
        "changed Hotline: text 233733 → 233733 \\(HELP\\) \\<\\!--"
    )
    assert describe(SourceRef(title="Law", url="https://x.org/a>b <!--")) == (
        "Law (<https://x.org/a%3Eb %3C!-->)"
    )
    assert describe(SourceRef(title="Law", url="https://x.org/a")) == "Law (<https://x.org/a>)"
    # A file's name, as git gives it, cannot close the code span it is shown in.
    assert inline_code("content/a`<!--`.md") == "``content/a`<!--`.md``"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        # Escaped, the address was still made a link by GitHub, with `%5C` in it (audit).
        ("See https://example.org/x_y (link).", r"See <https://example.org/x_y> \(link\)."),
        ("A [guide](https://x.org/a_b) helps", r"A \[guide\]\(<https://x.org/a_b>\) helps"),
        # GitHub's trailing punctuation: not part of the address; a `)` only unbalanced.
        ("at https://x.org/a_b_c.", r"at <https://x.org/a_b_c>."),
        ("(https://x.org/(b)_c)!", r"\(<https://x.org/(b)_c>\)\!"),
        ("go to https://x.org/?a=1&amp;", "go to <https://x.org/?a=1>&amp;amp;"),
        ("**HTTP://x.org/a**", r"\*\*<HTTP://x.org/a>\*\*"),
        # A link or bracket around an address ends it (review: `[url](url)` was one link
        # to `url%5D(url`); a bracket the address opens is part of it.
        ("[https://x/a_b](https://x/a_b)", r"\[<https://x/a_b>\]\(<https://x/a_b>\)"),
        (
            "[a](https://x/b)’s [c](https://x/d)[e](https://x/f)",
            r"\[a\]\(<https://x/b>\)’s \[c\]\(<https://x/d>\)\[e\]\(<https://x/f>\)",
        ),
        (
            "[https://x.org/a_b]. {https://x.org/c_d}",
            r"\[<https://x.org/a_b>\]. \{<https://x.org/c_d>\}",
        ),
        ("http://[::1]:8080/a_b?q[]={c}", "<http://[::1]:8080/a_b?q[]={c}>"),
        ("https://](https://x/a_b)", r"https://\]\(<https://x/a_b>\)"),
        # The closing quotes of prose, which GitHub would take into the link (review).
        (
            "(“https://x.org/a_b”). ‘https://x.org/c’ «https://x.org/d»",
            r"\(“<https://x.org/a_b>”\). ‘<https://x.org/c>’ «<https://x.org/d>»",
        ),
        # Markdown's own autolink, typed (review: `\<` and code with the `>`, no link):
        # linked whole, up to its `>`.
        ("<https://x.org/a_b>.", r"\<<https://x.org/a_b>\>."),
        ("(<https://x.org/a.>)", r"\(\<<https://x.org/a.>\>\)"),
        ("<https://x.org/a b>", r"\<<https://x.org/a> b\>"),
        # GitHub links ftp:// too, and an address after a digit (review: `%5C` again).
        ("ftp://x.org/a_b. <FTP://x.org/c_d>", r"<ftp://x.org/a_b>. \<<FTP://x.org/c_d>\>"),
        ("1https://x.org/a_b", "1<https://x.org/a_b>"),
        # No scheme, or what an autolink cannot hold: shown as typed, not linked.
        ("(see www.acf.hhs.gov/otip).", r"\(see `www.acf.hhs.gov/otip`\)."),
        ("https://x.org/a<b>c", "`https://x.org/a<b>c`"),
        ("https://x.org/a&lt;b", "`https://x.org/a&lt;b`"),
        ("https://x.org/\u200bz", "`https://x.org/⟨U+200B⟩z`"),
        ("a https://x.org/`<`", "a `` https://x.org/`<` ``"),
        # No address: escaped as any text.
        ("xhttps://x.org/a_b, http:// and www.", r"xhttps://x.org/a\_b, http:// and www."),
        ("xftp://x.org/a_b, ftp://", r"xftp://x.org/a\_b, ftp://"),
    ],
)
def test_a_web_address_in_free_text_stays_a_working_link_or_is_shown_as_typed(
    typed: str, shown: str
) -> None:
    assert escape(typed) == shown


def test_a_web_address_in_a_definition_or_history_summary_links_where_it_was_typed(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    definition = "A person (see www.acf.hhs.gov/otip). A [guide](https://example.org/a_b_c) helps."
    text = term(definition=definition, version=2, versions=(2, 1))
    text = text.replace("summary: Version 2.", "summary: See https://example.org/x_y (link).")
    write(repository, "glossary/survivor.yml", text)
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert (
        r"**\(see `www.acf.hhs.gov/otip`\). A \[guide\]\(<https://example.org/a_b_c>\) helps.**"
    ) in out
    assert r"history: version 2, 2026-02-01: See <https://example.org/x_y> \(link\)." in out
    assert "\\_" not in out


def test_a_link_or_quote_around_a_web_address_stays_out_of_its_link_in_the_report(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: `[url](url)` in a definition was one link to `url%5D(url`, `<url>` no link,
    and a closing quote after an address led to the address with the quote in it."""
    definition = (
        "A person. See [https://example.org/a_b](https://example.org/a_b), <https://x.org/e_f>."
    )
    text = term(definition=definition, version=2, versions=(2, 1))
    text = text.replace("summary: Version 2.", "summary: Links (see “https://example.org/c_d”).")
    write(repository, "glossary/survivor.yml", text)
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert (
        r"\[<https://example.org/a_b>\]\(<https://example.org/a_b>\), \<<https://x.org/e_f>\>."
        in out
    )
    assert r"2026-02-01: Links \(see “<https://example.org/c_d>”\)." in out


def test_a_list_change_pairs_no_items_that_share_a_name() -> None:
    english = Contact(name="Hotline", phone="111", text="English", url=None)
    spanish = Contact(name="Hotline", phone="222", text="Spanish", url=None)
    english_all_day = Contact(name="Hotline", phone="111", text="English, 24/7", url=None)
    spanish_all_day = Contact(name="Hotline", phone="222", text="Spanish, 24/7", url=None)
    assert list_change((english, spanish), (spanish_all_day, english_all_day)) == (
        "added Hotline (222, Spanish, 24/7), Hotline (111, English, 24/7); "
        "removed Hotline (111, English), Hotline (222, Spanish)"
    )


@pytest.mark.parametrize(
    ("head", "base_config"),
    [
        (None, "plain"),
        ("HEAD", "plain"),
        # The base's folders in a file it inherits, or beside a setting invalid today.
        ("HEAD", "inherited"),
        ("HEAD", "invalid"),
    ],
)
def test_a_glossary_moved_to_another_folder_is_no_change_to_its_terms(
    repository: Path, capsys: pytest.CaptureFixture[str], head: str | None, base_config: str
) -> None:
    """Each revision is read with the folders its own mkdocs.yml names."""
    plugin = "plugins:\n  - handbook:\n      glossary_dir: {folder}\n"
    if base_config == "inherited":
        write(repository, "base.yml", "docs_dir: content\n" + plugin.format(folder="glossary"))
        write(repository, "mkdocs.yml", "INHERIT: base.yml\nsite_name: T\n")
    elif base_config == "invalid":
        base_plugin = plugin.format(folder="glossary") + "      autolink: sometimes\n"
        write(repository, "mkdocs.yml", "site_name: T\ndocs_dir: content\n" + base_plugin)
    base = commit(repository, "the base")
    git(repository, "mv", "glossary", "terms")
    write(
        repository,
        "mkdocs.yml",
        "site_name: T\ndocs_dir: content\n" + plugin.format(folder="terms"),
    )
    commit(repository, "move the glossary")
    arguments = ["diff", base, *([head] if head else []), "-f", str(repository / "mkdocs.yml")]

    assert main(arguments) == 0
    captured = capsys.readouterr()
    assert "No glossary term, protocol or training module changed." in captured.out
    assert captured.err == ""


@pytest.mark.parametrize(
    "base_nav",
    [
        "",
        # Review: the pull request that removes a `javascript:` link from the nav (refused
        # today) had its base's mkdocs.yml unread, and every term reported added.
        'nav:\n  - Help: "javascript:history.back()"\n',
    ],
)
def test_diff_without_a_config_file_named_reads_each_revision_with_its_own_folders(
    repository: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    base_nav: str,
) -> None:
    """Run in the site's folder, as editors run it, `handbook diff` finds mkdocs.yml as
    it does with -f: the base's own copy names where its glossary was."""
    if base_nav:
        config = "site_name: T\ndocs_dir: content\n" + base_nav + "plugins:\n  - handbook\n"
        write(repository, "mkdocs.yml", config)
        commit(repository, "a link that runs script")
    base = git(repository, "rev-parse", "HEAD")
    git(repository, "mv", "glossary", "terms")
    plugin = "plugins:\n  - handbook:\n      glossary_dir: terms\n"
    write(repository, "mkdocs.yml", "site_name: T\ndocs_dir: content\n" + plugin)
    commit(repository, "move the glossary")
    monkeypatch.chdir(repository)

    assert main(["diff", base, "HEAD"]) == 0
    captured = capsys.readouterr()
    assert "No glossary term, protocol or training module changed." in captured.out
    assert captured.err == ""


def test_a_folder_named_in_mkdocs_yml_that_is_not_there_is_a_config_error(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A typo in glossary_dir had the diff report every term removed, exit 0, where
    `handbook check` said the folder is not there (found in an audit)."""
    base = git(repository, "rev-parse", "HEAD")
    plugin = "plugins:\n  - handbook:\n      glossary_dir: glosary\n"
    write(repository, "mkdocs.yml", "site_name: T\ndocs_dir: content\n" + plugin)

    assert main(["diff", base, "-f", str(repository / "mkdocs.yml")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "mkdocs.yml:5: glossary_dir 'glosary' is not a folder" in captured.err


def test_a_linked_mkdocs_yml_reads_each_revision_beside_the_link(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """MkDocs reads the folders from where mkdocs.yml is named: so does each revision's
    copy (found in review: every term was reported added)."""
    (repository / "conf").mkdir()
    git(repository, "mv", "mkdocs.yml", "conf/mkdocs.yml")
    (repository / "mkdocs.yml").symlink_to("conf/mkdocs.yml")
    base = commit(repository, "mkdocs.yml is a link")

    assert main(["diff", base, "-f", str(repository / "mkdocs.yml")]) == 0
    captured = capsys.readouterr()
    assert "No glossary term, protocol or training module changed." in captured.out
    assert captured.err == ""


def test_a_protocols_folder_moved_to_another_is_no_change_to_its_protocols(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As for the glossary: each revision's protocols are read from the protocols_dir its
    own mkdocs.yml names."""
    base = git(repository, "rev-parse", "HEAD")
    git(repository, "mv", "protocols", "procedures")
    plugin = "plugins:\n  - handbook:\n      protocols_dir: procedures\n"
    write(repository, "mkdocs.yml", "site_name: T\ndocs_dir: content\n" + plugin)
    commit(repository, "move the protocols")

    assert main(["diff", base, "HEAD", "-f", str(repository / "mkdocs.yml")]) == 0
    captured = capsys.readouterr()
    assert "No glossary term, protocol or training module changed." in captured.out
    assert captured.err == ""


def test_a_modules_folder_moved_to_another_moves_their_pages(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: modules_dir moved with its modules was reported as no change, though each
    module's page moves to a new address, and links written to the old one break."""
    write(repository, "content/index.md", PAGE + "\nSee [the training](modules/hotel-staff.md).\n")
    base = commit(repository, "a link to the module")
    git(repository, "mv", "content/modules", "content/training")
    plugin = "plugins:\n  - handbook:\n      modules_dir: training\n"
    write(repository, "mkdocs.yml", "site_name: T\ndocs_dir: content\n" + plugin)
    commit(repository, "move the modules")

    assert main(["diff", base, "HEAD", "-f", str(repository / "mkdocs.yml")]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    out = captured.out
    assert "| modules | 0 | 0 | 0 | 1 | 0 |" in out
    assert "### New modules" not in out and "#### Removed" not in out
    assert (
        "#### Moved\n\n"
        "- **Hotel staff** (`hotel-staff`, `content/training/hotel-staff.md`): version 1\n"
        "  - moved from `content/modules/hotel-staff.md` (`modules_dir`): its page moves to "
        "a new address, and links written to it must follow; its handout keeps its name "
        "(no version bump needed)\n"
        "  - its page is still linked to from `content/index.md:7`: those links break until "
        "they lead to its new page, or another\n"
    ) in out


def test_a_module_moved_with_its_folder_and_changed_is_counted_as_changed(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As for a rename: moved with modules_dir and edited, it is moved and changed."""
    base = git(repository, "rev-parse", "HEAD")
    git(repository, "mv", "content/modules", "content/training")
    plugin = "plugins:\n  - handbook:\n      modules_dir: training\n"
    write(repository, "mkdocs.yml", "site_name: T\ndocs_dir: content\n" + plugin)
    edited = MODULE.format(version=2, history=history(2, 1), realize="It happens in hotels.")
    write(repository, "content/training/hotel-staff.md", edited)
    commit(repository, "move and edit the module")

    assert main(["diff", base, "HEAD", "-f", str(repository / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    assert "| modules | 0 | 0 | 0 | 1 | 1 |" in out
    moved = out.split("#### Moved", 1)[1].split("####", 1)[0]
    changed = out.split("#### Changed", 1)[1]
    assert "  - its content changed too: see **Changed**\n" in moved
    assert "fields changed" not in moved
    assert "  - moved from `content/modules/hotel-staff.md`: see **Moved**\n" in changed
    assert "  - fields changed: `body`\n" in changed and "+It happens in hotels." in changed


def test_docs_dir_moved_with_its_modules_moves_no_page(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A module's page is published at its place in docs_dir, which stays the same."""
    base = git(repository, "rev-parse", "HEAD")
    git(repository, "mv", "content", "docs")
    write(repository, "mkdocs.yml", "site_name: T\ndocs_dir: docs\nplugins:\n  - handbook\n")
    commit(repository, "move docs_dir")

    assert main(["diff", base, "HEAD", "-f", str(repository / "mkdocs.yml")]) == 0
    captured = capsys.readouterr()
    assert "No glossary term, protocol or training module changed." in captured.out
    assert captured.err == ""


@pytest.mark.parametrize(("files", "read"), [(10, True), (11, False)])
def test_a_base_config_inherits_through_ten_files_at_the_most(
    repository: Path, capsys: pytest.CaptureFixture[str], files: int, read: bool
) -> None:
    """The chain an old revision's mkdocs.yml inherits through is followed ten files
    deep (its folders are its own), and no further (today's are used, and it says so)."""
    write(repository, "mkdocs.yml", "INHERIT: c1.yml\n")
    for number in range(1, files):
        write(repository, f"c{number}.yml", f"INHERIT: c{number + 1}.yml\n")
    plugin = "plugins:\n  - handbook:\n      glossary_dir: {}\n"
    write(repository, f"c{files}.yml", "docs_dir: content\n" + plugin.format("terms"))
    git(repository, "mv", "glossary", "terms")
    base = commit(repository, "a long chain")
    git(repository, "mv", "terms", "glossary")
    write(repository, "mkdocs.yml", "site_name: T\ndocs_dir: content\n" + plugin.format("glossary"))
    commit(repository, "one file")

    assert main(["diff", base, "HEAD", "-f", str(repository / "mkdocs.yml")]) == 0
    captured = capsys.readouterr()
    if read:
        assert "No glossary term, protocol or training module changed." in captured.out
        assert captured.err == ""
    else:
        assert "more than 10 files" in captured.err


def test_a_base_config_inheriting_a_file_outside_the_repository_is_not_read(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """git holds no file outside the repository to export: the base is read with today's
    folders, and the reader is told so, with no traceback."""
    (repository.parent / "outside.yml").write_text("docs_dir: content\n", encoding="utf-8")
    write(repository, "mkdocs.yml", "INHERIT: ../outside.yml\nsite_name: T\n")
    base = commit(repository, "inherits from outside")
    write(repository, "mkdocs.yml", "site_name: T\ndocs_dir: content\nplugins:\n  - handbook\n")
    commit(repository, "mended")

    assert main(["diff", base, "HEAD", "-f", str(repository / "mkdocs.yml")]) == 0
    captured = capsys.readouterr()
    assert "No glossary term, protocol or training module changed." in captured.out
    assert "could not be read" in captured.err and "Traceback" not in captured.err


@pytest.mark.parametrize(
    "config",
    [
        "site_name: [unclosed\n",
        "site_name: T\ndocs_dir: [content]\n",  # no folder's name: not the default folder
        "INHERIT: missing.yml\n",
        "symbolic link",
        "a long chain of INHERITs",
    ],
)
def test_a_base_whose_config_cannot_be_read_is_read_with_todays_folders_and_says_so(
    repository: Path, capsys: pytest.CaptureFixture[str], config: str
) -> None:
    if config == "symbolic link":
        (repository / "mkdocs.yml").rename(repository / "real.yml")
        (repository / "mkdocs.yml").symlink_to("real.yml")
    elif config.startswith("a long chain"):
        write(repository, "mkdocs.yml", "INHERIT: c1.yml\n")
        for number in range(1, 12):
            write(repository, f"c{number}.yml", f"INHERIT: c{number + 1}.yml\n")
        write(repository, "c12.yml", "docs_dir: content\n")
    else:
        write(repository, "mkdocs.yml", config)
    base = commit(repository, "a broken config")
    (repository / "mkdocs.yml").unlink()
    write(repository, "mkdocs.yml", "site_name: T\ndocs_dir: content\nplugins:\n  - handbook\n")
    commit(repository, "mended")

    assert main(["diff", base, "HEAD", "-f", str(repository / "mkdocs.yml")]) == 0
    captured = capsys.readouterr()
    assert "No glossary term, protocol or training module changed." in captured.out
    assert "could not be read" in captured.err and "folders mkdocs.yml names now" in captured.err
    # Where reviewers look too.
    assert f"\n\n> ⚠️ `{base[:12]}`: `mkdocs.yml` could not be read (" in captured.out
    if config.startswith("a long chain"):
        assert "more than 10 files" in captured.err


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        (
            "Para one ends here.\n\nPara two starts here.",
            "Para one ends now.\n\nParagraph two starts here.",
            ["Para one ends ~~here.~~ **now.**", "~~Para~~ **Paragraph** two starts here."],
        ),
        ("A b c.\n\nD e f.", "A b c. D e f.", ["A b c. D e f.", BREAKS_MOVED]),
        ("A b c. D e f.", "A b c.\n\nD e f.", ["A b c.", "D e f.", BREAKS_MOVED]),
    ],
    ids=["edits on both sides of a break", "joined alone", "split alone"],
)
def test_text_diff_shows_each_edit_on_its_side_and_breaks_that_moved(
    old: str, new: str, shown: list[str]
) -> None:
    assert text_diff(old, new) == shown


# Paragraphs of a few short words: small enough that random edits share many words.
_PARAGRAPHS = st.lists(
    st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), min_size=1, max_size=6).map(" ".join),
    max_size=5,
).map("\n\n".join)


@settings(max_examples=400, deadline=None)
@given(old=_PARAGRAPHS, new=_PARAGRAPHS)
def test_text_diff_keeps_every_changed_word_in_order(old: str, new: str) -> None:
    """Whatever the edit, the diff neither fails nor loses a word: read without its
    struck words it is the new text, without its bold ones the old, where no unchanged
    block is left out."""
    shown = [block for block in text_diff(old, new) if block != BREAKS_MOVED]
    if not shown:
        assert old == new
        return
    if "…" in shown:
        return  # unchanged blocks are left out: nothing to read the whole texts from
    kept_new = re.sub(r"~~[^~]*~~", " ", " ".join(shown)).replace("**", " ")
    kept_old = re.sub(r"\*\*[^*]*\*\*", " ", " ".join(shown)).replace("~~", " ")
    assert kept_new.split() == new.split()
    assert kept_old.split() == old.split()


def test_a_file_name_that_is_not_utf8_shows_its_byte_as_the_check_shows_it(
    repository: Path,
) -> None:
    """A page named in Latin-1 (`caf\\xe9.md`) by another system: `handbook check` shows
    its byte as `\\xe9`; `handbook diff` showed stdout's escape of it, `\\udce9`."""
    (repository / "content" / os.fsdecode(b"caf\xe9.md")).write_bytes(b"# Cafe\n\nA survivor.\n")
    commit(repository)
    (repository / "glossary" / "survivor.yml").unlink()
    completed = subprocess.run(
        [sys.executable, "-m", "coalition_handbook.cli", "diff", "HEAD"],
        cwd=repository,
        capture_output=True,
        check=False,
    )
    assert (completed.returncode, completed.stderr) == (0, b"")
    assert b"`content/caf\\xe9.md:3:3`" in completed.stdout


def test_committed_links_are_read_as_in_a_checkout(
    repository: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A link to a term file of the handbook is a term to `handbook check`, and a link
    leading out of it a finding: comparing two commits says what comparing with the
    working tree says."""
    (tmp_path / "elsewhere.yml").write_text(term("elsewhere"), encoding="utf-8")
    (repository / "glossary" / "survivor-link.yml").symlink_to("survivor.yml")
    (repository / "glossary" / "outside.yml").symlink_to(tmp_path / "elsewhere.yml")
    in_the_tree = diff(repository, capsys)
    commit(repository, "links")
    between_commits = diff(repository, capsys, "HEAD~1", "HEAD")
    assert between_commits[0] == in_the_tree[0] == 1
    for out in (in_the_tree[1], between_commits[1]):
        assert "(`survivor-link`, `glossary/survivor-link.yml`)" in out
        assert "### Not compared" in out and "- ❌ `glossary/outside.yml:1:1`: " in out


def commit_glossary_entries(repository: Path, entries: list[tuple[str, str, bytes | str]]) -> None:
    """Commit, on top of HEAD, the glossary with extra tree entries (mode, name, content:
    bytes for a blob, a tree id for a folder), as git stores them but no checkout writes."""
    lines = [line + "\n" for line in git(repository, "ls-tree", "HEAD:glossary").splitlines()]
    glossary = tree_of(repository, entries, lines)
    top = [
        line + "\n"
        for line in git(repository, "ls-tree", "HEAD").splitlines()
        if not line.endswith("\tglossary")
    ]
    top.append(f"040000 tree {glossary}\tglossary\n")
    tree = git(repository, "mktree", stdin="".join(top).encode())
    new = git(repository, "commit-tree", tree, "-p", "HEAD", "-m", "crafted")
    git(repository, "update-ref", "refs/heads/main", new)


def tree_of(
    repository: Path, entries: list[tuple[str, str, bytes | str]], lines: list[str] | None = None
) -> str:
    """A tree of `entries` (see `commit_glossary_entries`) after `ls-tree` `lines`."""
    lines = list(lines or [])
    for mode, name, content in entries:
        if isinstance(content, bytes):
            object_id = git(repository, "hash-object", "-w", "--stdin", stdin=content)
            lines.append(f"{mode} blob {object_id}\t{name}\n")
        else:
            lines.append(f"{mode} tree {content}\t{name}\n")
    return git(repository, "mktree", stdin="".join(lines).encode())


@pytest.mark.parametrize("crafted", ["dot-dot", "link beside a folder", "NUL in a link"])
def test_a_commit_cannot_make_the_diff_write_outside_its_export(
    repository: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    crafted: str,
) -> None:
    """git stores names no checkout writes: `..`, a link beside a folder of the same name,
    a link to a name with a NUL. The export leaves such files out instead of following
    them out of its folder, or ending in a traceback."""
    outside = tmp_path / "outside"
    outside.mkdir()
    # The export deep inside tmp_path: an escape, if any, lands where the test looks.
    deep = tmp_path.joinpath(*["deep"] * 20)
    deep.mkdir(parents=True)
    monkeypatch.setenv("TMPDIR", str(deep))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    if crafted == "dot-dot":
        escape = tree_of(repository, [("100644", "escaped.yml", b"written outside\n")])
        for _ in range(12):
            escape = tree_of(repository, [("040000", "..", escape)])
        entries: list[tuple[str, str, bytes | str]] = [("040000", "..", escape)]
    elif crafted == "link beside a folder":
        under_link = tree_of(repository, [("120000", "escaped.yml", b"survivor.yml")])
        entries = [("120000", "A", str(outside).encode()), ("040000", "A", under_link)]
    else:
        entries = [("120000", "nul.yml", b"a\0b")]
    commit_glossary_entries(repository, entries)
    code, out, err = diff(repository, capsys, "HEAD~1", "HEAD")
    assert "Traceback" not in err
    assert list(outside.iterdir()) == []
    assert not any(tmp_path.rglob("escaped.yml"))
    if crafted == "link beside a folder":  # the link leads out of the handbook: refused
        assert code == 1 and "- ❌ `glossary/A:1:1`: is not read" in out
    else:
        assert code == 0, out  # nothing a checkout would hold changed


def test_links_inside_the_handbook_are_followed_where_the_temporary_folder_is_a_link(
    repository: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As on macOS, where /var (and so the temporary folder) is a link to /private/var."""
    real = tmp_path / "real-temporary"
    real.mkdir()
    (tmp_path / "linked-temporary").symlink_to(real)
    monkeypatch.setenv("TMPDIR", str(tmp_path / "linked-temporary"))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    (repository / "glossary" / "survivor-link.yml").symlink_to("survivor.yml")
    commit(repository, "a link")
    code, out, _ = diff(repository, capsys, "HEAD~1", "HEAD")
    assert "(`survivor-link`, `glossary/survivor-link.yml`)" in out
    assert "Not compared" not in out
    assert code == 0


def test_a_handbook_folder_committed_as_a_link_is_not_read(
    repository: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its files would be those of the folder it leads to, on the machine that runs the
    diff (found in review: a definition outside the repository was printed)."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yml").write_text(term("secret", definition="OUTSIDE-TEXT"))
    lines = [
        line + "\n"
        for line in git(repository, "ls-tree", "HEAD").splitlines()
        if not line.endswith("\tglossary")
    ]
    tree = tree_of(repository, [("120000", "glossary", str(outside).encode())], lines)
    new = git(repository, "commit-tree", tree, "-p", "HEAD", "-m", "glossary as a link")
    git(repository, "update-ref", "refs/heads/main", new)
    code, out, err = diff(repository, capsys, "HEAD~1", "HEAD")
    assert code == 2 and out == ""
    assert "glossary is a symbolic link in" in err and "not a folder" in err
    assert "OUTSIDE-TEXT" not in err


def test_what_was_said_of_the_base_is_kept_when_the_head_cannot_be_read(
    repository: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: the note that the base has no mkdocs.yml (read with today's folders) was
    printed as the base was read, before the error that the head cannot be; since the
    comparison became a value, the error alone was said. Both, in that order."""
    git(repository, "rm", "-q", "mkdocs.yml")
    base = commit(repository, "no config yet")
    outside = tmp_path / "outside"
    outside.mkdir()
    write(repository, "mkdocs.yml", "site_name: T\ndocs_dir: content\nplugins:\n  - handbook\n")
    commit(repository, "config")
    lines = [
        line + "\n"
        for line in git(repository, "ls-tree", "HEAD").splitlines()
        if not line.endswith("\tcontent")
    ]
    tree = tree_of(repository, [("120000", "content", str(outside).encode())], lines)
    head = git(repository, "commit-tree", tree, "-p", "HEAD", "-m", "content as a link")
    config_file = repository / "mkdocs.yml"
    config = load_config(config_file, require_folders=False)
    assert run_diff(config, base, head, config_file=config_file) == 2
    out, err = capsys.readouterr()
    assert out == ""
    note = f"`{base[:12]}` has no `mkdocs.yml`; its handbook is read from the folders"
    error = f"handbook diff: content is a symbolic link in {head[:12]}, not a folder"
    assert err.startswith(f"handbook diff: {note}"), err
    assert err.endswith(f"\n{error}\n"), err
    assert err.count("\n") == 2, err


def test_settings_inherited_from_outside_the_repository_are_not_read(
    repository: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside.yml"
    outside.write_text("plugins: [OUTSIDE-LINE\n", encoding="utf-8")
    write(repository, "mkdocs.yml", f"INHERIT: {outside}\nsite_name: T\ndocs_dir: content\n")
    commit(repository, "inherits")
    write(repository, "mkdocs.yml", "site_name: T\ndocs_dir: content\nplugins:\n  - handbook\n")
    config_file = repository / "mkdocs.yml"
    config = load_config(config_file, require_folders=False)
    code = run_diff(config, "HEAD~1", "HEAD", config_file=config_file)
    out, err = capsys.readouterr()
    assert "it inherits settings from a file outside the repository" in err
    assert "OUTSIDE-LINE" not in err + out
    assert code == 0, out


def test_a_file_beside_a_folder_of_its_name_is_left_out(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """git stores both; no checkout can (nor, on macOS and Windows, `notes` and `Notes/`)."""
    folder = tree_of(repository, [("100644", "f.yml", term("f").encode())])
    commit_glossary_entries(repository, [("100644", "A", b"a file\n"), ("040000", "A", folder)])
    code, _, err = diff(repository, capsys, "HEAD~1", "HEAD")  # no exception
    assert code in (0, 1), err


@pytest.mark.parametrize(
    "path", ["glossary/..\\..\\evil.yml", "glossary/\\evil.yml", "glossary/C:\\evil.yml", "a/.. "]
)
def test_names_windows_reads_otherwise_are_not_exported_there(
    path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coalition_handbook.editor import git as git_plumbing

    assert git_plumbing._export_target(Path("/export"), path) is not None  # a POSIX name
    monkeypatch.setattr(git_plumbing, "_WINDOWS", True)
    assert git_plumbing._export_target(Path("/export"), path) is None


def test_a_revision_is_exported_with_only_the_files_the_loader_reads(
    repository: Path, tmp_path: Path
) -> None:
    """Audit: every file under docs_dir was read into memory, training videos too. The
    pages and every file of the glossary (where a stray one is named as not read) are
    exported; images, PDFs and videos are not."""
    from coalition_handbook.editor.diff import load_revision

    (repository / "content" / "media").mkdir()
    (repository / "content" / "media" / "video.mp4").write_bytes(b"\0video" * 1000)
    write(repository, "content/modules/handout.pdf", "%PDF")
    write(repository, "content/notes.markdown", "# Notes\n")
    write(repository, "glossary/notes.txt", "not a term\n")
    commit(repository, "media")
    config = load_config(repository / "mkdocs.yml", require_folders=False)
    side = load_revision(config, repository, "HEAD", tmp_path / "export")
    exported = tmp_path / "export"
    files = sorted(
        path.relative_to(exported).as_posix() for path in exported.rglob("*") if path.is_file()
    )
    assert files == [
        "content/index.md",
        "content/modules/hotel-staff.md",
        "content/notes.markdown",
        "glossary/notes.txt",
        "glossary/survivor.yml",
        "protocols/hotel-staff.yml",
    ]
    assert "glossary/notes.txt" in side.unloaded  # named as not read, as `check` names it


def test_a_large_file_is_exported_in_pieces(repository: Path, tmp_path: Path) -> None:
    """Audit: one `git cat-file` output held every blob of the revision at once (859 MB
    for 400 MB of media). A blob is now copied to its file a piece at a time."""
    import tracemalloc

    from coalition_handbook.editor import git as git_plumbing

    content = os.urandom(1 << 20) * 24
    (repository / "glossary" / "large.bin").write_bytes(content)
    head = commit(repository, "large")
    tracemalloc.start()
    try:
        git_plumbing.export(repository, head, ["glossary"], tmp_path / "out")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (tmp_path / "out" / "glossary" / "large.bin").read_bytes() == content
    assert (tmp_path / "out" / "glossary" / "survivor.yml").read_text() == term()
    assert peak < 8 << 20, peak


@pytest.mark.parametrize(
    ("tags", "shown"),
    [
        ("[people, legal]", "reordered"),
        ("[legal, people, health]", "added `health`"),
        ("[legal]", "removed `people`"),
    ],
)
def test_a_change_of_tags_alone_is_shown_and_needs_no_bump(
    repository: Path, capsys: pytest.CaptureFixture[str], tags: str, shown: str
) -> None:
    """Audit: a term's tags are shown on no page, in no search entry and no handout, yet
    reordering them failed the diff and asked for a public history entry."""
    write(repository, "glossary/survivor.yml", term(extra="tags: [legal, people]\n"))
    commit(repository)
    write(repository, "glossary/survivor.yml", term(extra=f"tags: {tags}\n"))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert f"  - `tags` (shown on no page, so no version bump needed): {shown}\n" in out
    assert "fields changed" not in out
    # With another change, the bump asked for is the other change's.
    write(repository, "glossary/survivor.yml", term(definition="Changed.", extra=f"tags: {tags}\n"))
    code, out, _ = diff(repository, capsys)
    assert code == 1
    assert "  - fields changed: `definition`\n" in out


def test_an_audience_entry_written_twice_is_shown_and_needs_a_bump(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    protocol = PROTOCOL.format(version=1, step="Call", history=history(1))
    write(
        repository,
        "protocols/hotel-staff.yml",
        protocol.replace("[hotel staff]", "[hotel staff, hotel staff]"),
    )
    code, out, _ = diff(repository, capsys)
    assert code == 1
    assert "  - `audience`: added `hotel staff` again\n" in out


def many_pages_using(
    repository: Path, count: int, text: str = "We support every survivor."
) -> None:
    for number in range(count):
        write(repository, f"content/pages/p{number:02d}.md", f"# Page {number}\n\n{text}\n")


def test_under_github_actions_each_form_names_its_first_files(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: every file using a deprecated form was named, and a 1000-page handbook's
    report (1.5 MB) passed the 1 MiB that GitHub keeps of a step summary: reviewers got no
    report at all. Run locally, the report still names every file."""
    many_pages_using(repository, 30)
    commit(repository, "pages")
    (repository / "glossary" / "survivor.yml").unlink()
    config = load_config(repository / "mkdocs.yml", require_folders=False)
    actions = {"GITHUB_ACTIONS": "true", "GITHUB_BASE_REF": "main"}
    assert run_diff(config, "HEAD", None, environ=actions) == 0
    out = capsys.readouterr().out
    assert "`content/pages/p08.md:3:18`, and 21 more files (21 places) |" in out, out
    assert "p09.md" not in out
    rerun = "run `handbook diff origin/main...` locally to see them all."
    assert f"Each form names its first 10 files here: {rerun}" in out
    assert run_diff(config, "HEAD", None, environ={}) == 0
    out = capsys.readouterr().out
    assert "`content/pages/p29.md:3:18` |" in out and "more files" not in out
    assert rerun not in out


def test_a_pull_requests_run_names_its_base_branch_and_this_pull_request(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: in CI the heading read "`HEAD^1` (…) → the working tree", the one title a
    reviewer sees on the Summary page. Checked out as GitHub does, the pull request merged
    into its base, after which the base branch moved on."""
    base = git(repository, "rev-parse", "HEAD")
    git(repository, "checkout", "-q", "-b", "proposal")
    write(repository, "glossary/t-visa.yml", term("T visa"))
    commit(repository, "proposal")
    git(repository, "checkout", "-q", "--detach", "main")
    git(repository, "merge", "-q", "--no-ff", "-m", "merge", "proposal")
    merge = git(repository, "rev-parse", "HEAD")
    git(repository, "checkout", "-q", "main")
    write(repository, "content/later.md", "# Later\n")
    commit(repository, "main moved on")
    git(repository, "checkout", "-q", "--detach", merge)
    config = load_config(repository / "mkdocs.yml", require_folders=False)
    actions = {"GITHUB_ACTIONS": "true", "GITHUB_BASE_REF": "main"}
    assert run_diff(config, "HEAD^1", None, environ=actions) == 0
    heading = capsys.readouterr().out.split("\n", 1)[0]
    assert heading == f"## Handbook changes: `main` ({base[:12]}) → this pull request"
    # Run locally, or a base that is not on the base branch: named as given.
    assert run_diff(config, "HEAD^1", None, environ={}) == 0
    heading = capsys.readouterr().out.split("\n", 1)[0]
    assert heading == f"## Handbook changes: `HEAD^1` ({base[:12]}) → the working tree"
    assert run_diff(config, "proposal", None, environ=actions) == 0
    heading = capsys.readouterr().out.split("\n", 1)[0]
    assert heading.startswith("## Handbook changes: `proposal` (")
    assert heading.endswith(") → this pull request")
    # A head given as a revision is named as given.
    assert run_diff(config, "HEAD^1", "proposal", environ=actions) == 0
    heading = capsys.readouterr().out.split("\n", 1)[0]
    assert heading.startswith(f"## Handbook changes: `main` ({base[:12]}) → `proposal` (")


def _limit_step_summary(
    monkeypatch: pytest.MonkeyPatch, *, text_bytes: int, report_bytes: int
) -> None:
    """Small limits for the report under GitHub Actions, two files named per form, so a
    test reaches them with a few files."""
    from coalition_handbook.editor import diff as diff_module
    from coalition_handbook.editor.report_limits import ReportLimits

    monkeypatch.setattr(
        diff_module,
        "step_summary_limits",
        lambda rerun: ReportLimits(
            files_per_form=2, text_bytes=text_bytes, report_bytes=report_bytes, rerun=rerun
        ),
    )


def test_the_command_to_see_what_is_left_out_names_the_base_branch_as_the_heading_does(
    repository: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both read `GITHUB_BASE_REF` through `pull_request.base_branch`: the command given to
    see a text left out named it as set, spaces and all ("origin/ main ..."), and for a
    value of spaces alone a branch with no name."""
    _limit_step_summary(monkeypatch, text_bytes=10, report_bytes=100_000)
    write(repository, "glossary/t-visa.yml", term("T visa"))
    config = load_config(repository / "mkdocs.yml", require_folders=False)
    for base_ref, rerun in [(" main\n", "handbook diff origin/main..."), (" ", "handbook diff")]:
        actions = {"GITHUB_ACTIONS": "true", "GITHUB_BASE_REF": base_ref}
        assert run_diff(config, "HEAD", None, environ=actions) == 0
        out = capsys.readouterr().out
        assert f"run `{rerun}` locally to see it" in out, out


def test_the_command_to_see_what_is_left_out_names_a_config_file_in_a_folder(
    repository: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Audit: for a handbook in docs/handbook/, the report said to run `handbook diff
    origin/main...`, which from the top of the repository finds no mkdocs.yml. The
    command names the config file from there, however the diff itself was run."""
    _limit_step_summary(monkeypatch, text_bytes=10, report_bytes=100_000)
    (repository / "docs" / "handbook").mkdir(parents=True)
    for name in ("mkdocs.yml", "glossary", "protocols", "content"):
        git(repository, "mv", name, f"docs/handbook/{name}")
    commit(repository, "moved")
    write(repository, "docs/handbook/glossary/t-visa.yml", term("T visa"))
    actions = {"GITHUB_ACTIONS": "true", "GITHUB_BASE_REF": "main"}
    for cwd, config_file in [
        (repository, "docs/handbook/mkdocs.yml"),
        (repository / "docs" / "handbook", "mkdocs.yml"),
    ]:
        monkeypatch.chdir(cwd)
        config = load_config(Path(config_file), require_folders=False)
        assert run_diff(config, "HEAD", None, config_file=Path(config_file), environ=actions) == 0
        out = capsys.readouterr().out
        assert "run `handbook diff -f docs/handbook/mkdocs.yml origin/main...` locally" in out


def test_under_github_actions_long_texts_and_a_long_report_are_cut_short(
    repository: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What is left out is said where it would be, with the command that shows it, and
    the exit code is that of the whole comparison."""
    _limit_step_summary(monkeypatch, text_bytes=300, report_bytes=3000)
    long_definition = " ".join(f"word{number}" for number in range(100))
    write(repository, "glossary/survivor.yml", term(definition=long_definition))
    for number in range(40):
        write(repository, f"glossary/t{number:02d}.yml", term(f"term {number:02d}"))
    config = load_config(repository / "mkdocs.yml", require_folders=False)
    actions = {"GITHUB_ACTIONS": "true", "GITHUB_BASE_REF": "main"}
    assert run_diff(config, "HEAD", None, environ=actions) == 1  # survivor has no bump
    out = capsys.readouterr().out
    assert len(out.encode()) <= 3000
    # The version problems come first, and stay.
    assert "❌ `glossary/survivor.yml` (term `survivor`)" in out
    assert (
        "  - `definition`: left out (1 KB; this report shows 1 KB of texts at the most): run "
        in out
    )
    assert "`handbook diff origin/main...` locally to see it" in out
    body, note = out.rstrip("\n").rsplit("\n\n", 1)
    assert note.startswith("⚠️ **The report stops here**: ")
    assert "more entries (" in note
    assert note.endswith("run `handbook diff origin/main...` locally for all of it.")
    # Cut before an item, never inside one: the last item kept is whole.
    last_item = body.rsplit("\n- **", 1)[1]
    assert last_item.startswith("term ")
    assert last_item.endswith("\n  - history: version 1, 2026-01-01: Version 1.")
    assert 0 < body.count("\n- **term ") < 40
    assert run_diff(config, "HEAD", None, environ={}) == 1
    assert "The report stops here" not in capsys.readouterr().out


def _partner_import(repository: Path) -> None:
    """A large pull request as a coalition makes one: a partner's glossary imported (40
    new terms), `survivor` deprecated for one of them, and a protocol's step reworded."""
    for number in range(40):
        write(repository, f"glossary/t{number:02d}.yml", term(f"term {number:02d}"))
    deprecated = "status: deprecated\nreplaced_by: t00\n"
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2, 1), extra=deprecated))
    protocol = PROTOCOL.format(version=2, step="Call the hotline", history=history(2, 1))
    write(repository, "protocols/hotel-staff.yml", protocol)


def test_new_items_come_after_the_changed_ones_and_the_pages_they_affect(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit, a partner's glossary imported in one pull request: the 150 new terms (1,800
    lines) came before the three protocols whose steps changed and the pages that use a
    deprecated form, which reviewers must read first. Every kind's removed, renamed,
    moved and changed items come first, then the uses, then the new items."""
    _partner_import(repository)
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    headings = [line for line in out.splitlines() if line.startswith(("### ", "#### "))]
    assert headings == [
        "### Terms",
        "#### Changed",
        "### Protocols",
        "#### Changed",
        "### Where a form whose status changed is used",
        "### New terms",
    ], headings
    assert "| `survivor` | accepted (`survivor`) | deprecated (`survivor`) | " in out
    assert "New accepted forms that nothing uses yet (their terms are listed below, under " in out
    # An alias added to a term that was there: above, with the changed terms.
    write(repository, "glossary/t01.yml", term("term 01", extra="aliases: [term one]\n"))
    alias = "aliases: [lived experience]\n"
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2, 1), extra=alias))
    _, out, _ = diff(repository, capsys)
    assert "(their terms are listed above, or below under **New terms**)" in out


def test_a_report_cut_short_keeps_the_changes_and_the_pages_they_affect(
    repository: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Audit: a pull request of 3,000 new terms passed what a step summary holds, and the
    cut took the changed protocols and modules and every page that uses a deprecated
    form, leaving the new terms. What is cut is the new items, and the report says so."""
    _limit_step_summary(monkeypatch, text_bytes=100_000, report_bytes=3000)
    _partner_import(repository)
    config = load_config(repository / "mkdocs.yml", require_folders=False)
    actions = {"GITHUB_ACTIONS": "true", "GITHUB_BASE_REF": "main"}
    assert run_diff(config, "HEAD", None, environ=actions) == 0
    out = capsys.readouterr().out
    assert len(out.encode()) <= 3000
    assert "- **Hotel staff** (`hotel-staff`, `protocols/hotel-staff.yml`): version 1 → 2" in out
    assert "| `survivor` | accepted (`survivor`) | deprecated (`survivor`) | " in out
    assert "### New terms" in out
    body, note = out.rstrip("\n").rsplit("\n\n", 1)
    assert note.startswith("⚠️ **The report stops here**: ")
    assert "more entries (" in note
    assert "KB) are left out (the rest of **New terms**), to stay within" in note
    assert 0 < body.count("\n- **term ") < 40


def _open_fence(lines: Sequence[str]) -> bool:
    """Whether `lines` end inside a fenced block (the report's fences are backticks)."""
    fence = ""
    for line in lines:
        stripped = line.strip()
        if not fence and (opened := re.match(r"`{3,}", stripped)):
            fence = opened.group()
        elif fence and stripped.startswith(fence) and not stripped.strip("`"):
            fence = ""
    return bool(fence)


def test_a_report_cut_anywhere_leaves_no_fence_open_nor_a_table_without_its_rows(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: the report was cut before any line at the left edge, and the lines of
    mkdocs-redirects that Old addresses gives in a YAML block are such lines: cut
    there, the block was left open and the note that the report stops read as YAML,
    and a cut after the uses table's header left its header a line of pipes. Cut at
    every size, the report keeps its blocks whole."""
    write(repository, "content/coalition/about.md", PAGE)
    commit(repository, "page")
    git(repository, "mv", "content/coalition/about.md", "content/coalition/about-us.md")
    deprecated = "status: deprecated\nreplaced_by: t00\n"
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2, 1), extra=deprecated))
    # New terms after all, so that the report is cut at each line before them: the cut
    # keeps room for its note (1,000 bytes).
    for number in range(20):
        write(repository, f"glossary/t{number:02d}.yml", term(f"term {number:02d}"))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    lines = out.split("\n")
    assert "```yaml" in lines and "| form | was | now | used in |" in lines, out
    full = len(out.encode())
    for report_bytes in range(1000, full + 1000):
        limits = ReportLimits(10, 100_000, report_bytes, "handbook diff")
        cut = within(lines, limits)
        assert not _open_fence(cut), (report_bytes, cut)
        for index, line in enumerate(cut):
            if line.startswith("| form |"):
                assert cut[index + 1].startswith("|---"), (report_bytes, cut)
                assert cut[index + 2].startswith("| "), (report_bytes, cut)


def test_a_revision_without_the_config_file_is_read_with_todays_folders_and_says_so(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: a handbook moved into a folder was all "added", without a word that the base
    had no docs/handbook/mkdocs.yml (a broken one was named). A base that had its config
    file elsewhere is read from there (test_moved_handbook); this one had none."""
    git(repository, "rm", "-q", "mkdocs.yml")
    base = commit(repository, "no config file")
    (repository / "docs" / "handbook").mkdir(parents=True)
    for name in ("glossary", "protocols", "content"):
        git(repository, "mv", name, f"docs/handbook/{name}")
    write(repository, "docs/handbook/mkdocs.yml", "site_name: T\ndocs_dir: content\n")
    commit(repository, "moved")
    config_file = repository / "docs" / "handbook" / "mkdocs.yml"
    assert main(["diff", base, "-f", str(config_file)]) == 0
    captured = capsys.readouterr()
    note = (
        f"`{base[:12]}` has no `docs/handbook/mkdocs.yml`; its handbook is read from the "
        "folders mkdocs.yml names now, where it has no term, protocol or module"
    )
    assert captured.err == f"handbook diff: {note}\n"
    paths = "Paths are from `docs/handbook/`, the folder of mkdocs.yml, as `handbook check`"
    assert f"→ the working tree\n\n> ⚠️ {note}\n\n{paths} gives them.\n\n| |" in captured.out
    assert "| terms | 1 | 0 | 0 | 0 | 0 |" in captured.out


def test_the_note_names_the_config_file_given(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: `handbook diff -f mkdocs.es.yml` said the base was read with the folders
    "mkdocs.yml" names, when it was mkdocs.es.yml's."""
    base = git(repository, "rev-parse", "HEAD")
    write(
        repository,
        "mkdocs.es.yml",
        "site_name: T\ndocs_dir: content-es\nplugins:\n  - handbook:\n"
        "      glossary_dir: glossary-es\n      protocols_dir: protocols-es\n",
    )
    write(repository, "content-es/index.md", "# Inicio\n")
    write(repository, "glossary-es/survivor.yml", term())
    write(
        repository,
        "protocols-es/hotel-staff.yml",
        PROTOCOL.format(version=1, step="Llame", history=history(1)),
    )
    commit(repository, "a Spanish site")
    assert main(["diff", base, "HEAD", "-f", str(repository / "mkdocs.es.yml")]) == 0
    captured = capsys.readouterr()
    note = (
        f"`{base[:12]}` has no `mkdocs.es.yml`; its handbook is read from the folders "
        "mkdocs.es.yml names now, where it has no term, protocol or module"
    )
    assert captured.err == f"handbook diff: {note}\n"
    assert f"> ⚠️ {note}\n" in captured.out


def test_a_repository_with_no_commit_yet_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: a diff before the first commit said to fetch HEAD from the remote."""
    root = tmp_path / "new"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write(root, "mkdocs.yml", "site_name: T\nplugins:\n  - handbook\n")
    code, out, err = diff(root, capsys)
    assert (code, out) == (2, "")
    assert err == (
        "handbook diff: 'HEAD' is not a commit: this repository has no commit yet. Commit "
        "the handbook first: `handbook diff` compares with a commit.\n"
    )


def test_diff_help_says_what_the_ranges_compare(capsys: pytest.CaptureFixture[str]) -> None:
    """Audit: in git, `main..` means `main..HEAD`; here it reads the working tree."""
    with pytest.raises(SystemExit):
        main(["diff", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert (
        "Unlike git's, BASE.. and BASE... compare with the working tree, as BASE alone does "
        "(uncommitted edits included)"
    ) in shown
    assert "default: the working tree, uncommitted edits included" in shown


def test_each_reason_the_diff_fails_is_a_line_on_stderr(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: CI writes the report to the run's summary, and the failed step's log said
    nothing but "Process completed with exit code 1". Each problem is told at the line of
    the item's `version`: under GitHub Actions as an `::error` workflow command (escaped
    as `handbook check --format github` escapes), on the file in the pull request."""
    write(repository, "glossary/survivor.yml", term(definition="Changed."))
    protocol = PROTOCOL.format(version=1, step="Call", history=history(1))
    write(repository, "protocols/hotel-staff.yml", protocol.replace("Call", "Phone"))
    config = load_config(repository / "mkdocs.yml", require_folders=False)
    assert run_diff(config, "HEAD", None, environ={}) == 1
    assert capsys.readouterr().err == (
        "glossary/survivor.yml:2: term `survivor`: its content changed but `version` is "
        "still 1: raise it to 2 and add a `history` entry for version 2 at the top\n"
        "protocols/hotel-staff.yml:2: protocol `hotel-staff`: its content changed but "
        "`version` is still 1: raise it to 2 and add a `history` entry for version 2 at "
        "the top\n"
    )
    # The checkout's root above mkdocs.yml: the paths are the pull request's.
    actions = {"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(repository.parent)}
    assert run_diff(config, "HEAD", None, environ=actions) == 1
    first = capsys.readouterr().err.splitlines()[0]
    # The path in the message too: past ten errors a step shows log lines alone (review).
    assert first == (
        "::error file=handbook/glossary/survivor.yml,line=2,col=10::handbook/glossary/"
        "survivor.yml: term `survivor`: its content changed but `version` is still 1: raise "
        "it to 2 and add a `history` entry for version 2 at the top"
    )
    # In UTF-8, which GitHub reads, whatever stderr's encoding (review: cp1252 on Windows).
    problem = Finding("handbook-diff", Severity.ERROR, "glossary/über.yml", 2, 1, "changed")
    windows = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    with contextlib.redirect_stderr(windows):
        tell_failures([problem], repository, actions)
    assert windows.buffer.getvalue().decode("utf-8") == (  # type: ignore[attr-defined]
        "::error file=handbook/glossary/über.yml,line=2,col=1::handbook/glossary/über.yml: "
        "changed\n"
    )
    # Past GitHub's ten errors a step, a notice first says how many are no annotation.
    eleven = [dataclasses.replace(problem, line=line) for line in range(1, 12)]
    tell_failures(eleven, repository, actions)
    note, *errors = capsys.readouterr().err.splitlines()
    assert note == (
        "::notice::handbook: 1 of 11 findings (11 errors) are not shown as annotations: "
        "GitHub shows the first 10 of each kind (error, warning, notice) a step, and 50 a "
        "job; this step's log lists each, with its file"
    )
    assert len(errors) == 11
    # Nothing failing, nothing said.
    git(repository, "checkout", "-q", "--", ".")
    assert run_diff(config, "HEAD", None, environ=actions) == 0
    assert capsys.readouterr().err == ""


def test_an_added_term_shows_every_field_a_reviewer_approves(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: an added term's tooltip, case rule, translations, tags and history summary
    were not in the report, so a sample left as it was ("translation in Spanish") or a
    summary cut short went unseen."""
    extra = (
        "short: Someone who *lived through* trafficking.\ncase_sensitive: true\n"
        "translations: {fr: survivante, es: sobreviviente}\ntags: [people, legal]\n"
    )
    write(repository, "glossary/t-visa.yml", term("T visa", extra=extra))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert (
        "  - accepted forms: `T visa`\n"
        "  - case-sensitive: its forms match only as written\n"
        "  - short (the tooltip of every link to it): Someone who \\*lived through\\* "
        "trafficking.\n"
        "  - translations: es: sobreviviente; fr: survivante\n"
        "  - tags (shown on no page): `people`, `legal`\n"
    ) in out
    assert "    > A person who has experienced trafficking.\n\n  - history: version 1, " in out
    assert "  - history: version 1, 2026-01-01: Version 1.\n" in out
    # Nothing said of what is not written: `short` is then the definition's first sentence.
    write(repository, "glossary/t-visa.yml", term("T visa"))
    _, out, _ = diff(repository, capsys)
    assert "short" not in out and "case-sensitive" not in out and "tags" not in out


def test_a_removed_protocol_breaks_the_links_written_to_it(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: "every link to it disappear[s]"; links written in pages break instead."""
    (repository / "protocols" / "hotel-staff.yml").unlink()
    _, out, _ = diff(repository, capsys)
    assert (
        "- **Hotel staff** (`hotel-staff`, `protocols/hotel-staff.yml`): was version 1. Its "
        "page goes, and links written to it break.\n"
    ) in out


def test_an_added_protocol_shows_its_steps_contacts_and_dates(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: an added protocol showed its summary and history alone, not the steps and
    numbers a reviewer approves."""
    protocol = PROTOCOL.format(version=1, step="Stay safe", history=history(1)).replace(
        "summary:",
        "contacts:\n  - name: Hotline\n    phone: 1-888-373-7888\n    text: '233733'\nsummary:",
        1,
    )
    write(repository, "protocols/front-desk.yml", protocol.replace("Hotel staff", "Front desk"))
    set_handbook_options(repository / "mkdocs.yml", HOTLINE_ALLOWED)  # as its number is shown
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    added = out.split("**Front desk**")[1]
    assert "  - owner: Protocols committee\n" in added
    assert "  - effective 2026-01-01, review by 2030-01-01\n" in added
    assert "  - audience: hotel staff\n" in added
    assert "  - contacts:\n    - Hotline (1-888-373-7888, 233733)\n" in added
    assert "  - steps:\n\n    ```\n    1. Stay safe\n       Call the hotline.\n    ```\n" in added


def test_a_blanket_suppression_comment_a_change_adds_is_named(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Security audit: `<!-- handbook-disable -->` switches off every check, privacy.pii
    and link.unsafe too, and the report said "No glossary term, protocol or training
    module changed". It is information: the diff does not fail for it."""
    write(
        repository,
        "content/coalition/res.md",
        "# Res\n\n<!-- handbook-disable -->\n\nCall Jane at 402-555-0199.\n",
    )
    code, out, err = diff(repository, capsys)
    assert (code, err) == (0, "")
    assert "No glossary term, protocol or training module changed." in out
    assert "### Checks switched off" in out
    assert "- `content/coalition/res.md:3`: `handbook-disable`, **all rules**\n" in out


def test_a_suppression_comment_added_to_a_flyer_or_a_feed_is_named(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: a published HTML, SVG or XML file takes suppression comments, which
    switch privacy.pii off in it, but only the Markdown of docs_dir was exported, so one
    added to a flyer was never named, and the report said nothing changed."""
    write(
        repository,
        "content/files/flyer.html",
        "<html><body>\n<!-- handbook-disable -->\n<p>Call Jane at 555-867-5302</p>\n</body>\n",
    )
    write(
        repository,
        "content/files/News.ATOM",
        "<feed><!-- handbook-disable-line privacy.pii --><title>555-867-5304</title></feed>\n",
    )
    commit(repository, "flyer")  # both sides exported from git, as in CI
    code, out, err = diff(repository, capsys, "HEAD~1", "HEAD")
    assert (code, err) == (0, "")
    section = out.split("### Checks switched off", 1)[1].split("###", 1)[0]
    assert [line for line in section.splitlines() if line.startswith("- ")] == [
        "- `content/files/News.ATOM:1`: `handbook-disable-line`, `privacy.pii`",
        "- `content/files/flyer.html:2`: `handbook-disable`, **all rules**",
    ]


def test_of_docs_dirs_other_files_only_markup_is_exported() -> None:
    """A flyer's suppression comments are read; data exports and images, which hold
    none, are not copied out of each revision."""
    folders = {
        "glossary_dir": "glossary",
        "protocols_dir": "protocols",
        "docs_dir": "content",
        "modules_dir": "content/modules",
    }
    wanted = read_by_the_loader(folders)
    assert [wanted(f"content/files/{name}") for name in ("a.svg", "B.XML", "c.htm")] == [True] * 3
    assert not any(wanted(f"content/files/{name}") for name in ("log.csv", "map.png", "data.json"))


def test_suppression_comments_a_change_adds_are_named_with_their_rules(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each comment that switches checks off, in pages and in a term's YAML strings, with
    the rules it names; those the base had already, moved down a line by text above
    them, and `handbook-enable`, are not named."""
    write(
        repository,
        "content/index.md",
        "<!-- handbook-disable term.avoid -->\n" + PAGE + "<!-- handbook-enable -->\n",
    )
    commit(repository)
    write(
        repository,
        "content/index.md",
        "# Intro\n<!-- handbook-disable term.avoid -->\n"
        + PAGE
        + "<!-- handbook-disable-next-line privacy.pii, link.unsafe -->\nx\n"
        + "<!-- handbook-enable -->\n",
    )
    definition = "A person. <!-- handbook-disable-line Term -->"
    write(repository, "glossary/survivor.yml", term(definition=definition))
    code, out, _ = diff(repository, capsys)
    section = out.split("### Checks switched off", 1)[1].split("###", 1)[0]
    assert [line for line in section.splitlines() if line.startswith("- ")] == [
        "- `content/index.md:8`: `handbook-disable-next-line`, `privacy.pii`, `link.unsafe`",
        "- `glossary/survivor.yml:3`: `handbook-disable-line`, `term`",
    ]
    assert code == 1  # the term changed without a version bump: that, not the comment
    # Before the items, which a size limit cuts first.
    assert out.index("### Checks switched off") < out.index("### Terms")


def test_no_suppression_comment_added_no_section(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repository, "content/index.md", PAGE + "<!-- handbook-disable -->\n")
    commit(repository)
    write(repository, "content/index.md", "# New title\n\n" + PAGE + "<!-- handbook-disable -->\n")
    _, out, _ = diff(repository, capsys)
    assert "Checks switched off" not in out


def switched_off(out: str) -> list[str]:
    """The entries of the report's "Checks switched off" section."""
    section = out.split("### Checks switched off", 1)[1].split("###", 1)[0]
    return [line for line in section.splitlines() if line.startswith("- ")]


PII_OFF = "<!-- handbook-disable-next-line privacy.pii -->\n"


DESK = f"{PII_OFF}Call the desk at 402-555-0199.\n"
MANAGER = f"{PII_OFF}Call the manager at 402-555-0123.\n"


@pytest.mark.parametrize(
    ("page", "line"),
    [
        (f"# Home\n\n{MANAGER}\n{DESK}\nMore text.\n", 3),  # added above the base's
        (f"# Home\n\n{DESK}\nMore text.\n\n{MANAGER}", 8),  # added below it
        # The line the base's comment switches off edited too: it is still the base's.
        (f"# Home\n\n{MANAGER}\n{DESK.replace('desk', 'front desk')}\nMore text.\n", 3),
    ],
)
def test_a_comment_like_one_the_page_had_is_named_at_its_own_line(
    repository: Path, capsys: pytest.CaptureFixture[str], page: str, line: int
) -> None:
    """A second comment identical to one the page had, added above it, was named at the
    line of the base's comment (the last of the two): a comment kept is one on a line
    the change kept, with the line it switches off."""
    write(repository, "content/index.md", f"# Home\n\n{DESK}\nMore text.\n")
    commit(repository)
    write(repository, "content/index.md", page)
    code, out, _ = diff(repository, capsys)
    assert code == 0
    assert switched_off(out) == [
        f"- `content/index.md:{line}`: `handbook-disable-next-line`, `privacy.pii`"
    ]


@pytest.mark.parametrize("committed", [True, False])
def test_comments_a_renamed_page_carries_over_are_not_added(
    repository: Path, capsys: pytest.CaptureFixture[str], committed: bool
) -> None:
    """A page renamed (`git mv`) showed every suppression comment it had as added: as git
    and the pull request see it, the page is renamed, and a comment it carries over is
    not added; one written in it since is. In commits and in the working tree."""
    page = f"# Resources\n\n{DESK}\nSome text about the resources we share.\n" * 2
    write(repository, "content/res.md", page)
    base = commit(repository)
    git(repository, "mv", "content/res.md", "content/resources.md")
    write(repository, "content/resources.md", page + f"\n{MANAGER}")
    head = commit(repository) if committed else None
    code, out, _ = diff(repository, capsys, base, head)
    assert code == 0
    assert switched_off(out) == [
        "- `content/resources.md:14`: `handbook-disable-next-line`, `privacy.pii`"
    ]
    write(repository, "content/resources.md", page)  # renamed alone: nothing added
    head = commit(repository) if committed else None
    _, out, _ = diff(repository, capsys, base, head)
    assert "Checks switched off" not in out


def test_comments_of_moved_folders_are_not_added(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs_dir and the glossary moved (mkdocs.yml names the new folders): every page
    and term is renamed, and the comments they carry over are not added."""
    write(repository, "content/index.md", PAGE + f"\n{DESK}")
    write(repository, "glossary/survivor.yml", term(definition=f"A person. {PII_OFF.strip()}"))
    base = commit(repository)
    git(repository, "mv", "content", "docs")
    git(repository, "mv", "glossary", "terms")
    plugin = "plugins:\n  - handbook:\n      glossary_dir: terms\n"
    write(repository, "mkdocs.yml", "site_name: T\ndocs_dir: docs\n" + plugin)
    commit(repository)
    assert main(["diff", base, "HEAD", "-f", str(repository / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    assert "No glossary term, protocol or training module changed." in out
    assert "Checks switched off" not in out


def test_comments_of_a_renamed_page_of_a_handbook_in_a_folder_are_not_added(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """git names files from the repository's top, the report from mkdocs.yml's folder."""
    (repository / "docs").mkdir()
    for name in ("mkdocs.yml", "glossary", "protocols", "content"):
        git(repository, "mv", name, f"docs/{name}")
    write(repository, "docs/content/res.md", f"# Resources\n\n{DESK}")
    base = commit(repository)
    git(repository, "mv", "docs/content/res.md", "docs/content/resources.md")
    config_file = repository / "docs" / "mkdocs.yml"
    assert main(["diff", base, "-f", str(config_file)]) == 0
    assert "Checks switched off" not in capsys.readouterr().out


PII_OFF_BLOCK = "<!-- handbook-disable privacy.pii -->\nCall the desk at 402-555-0199.\n"
ENABLE_PII = "<!-- handbook-enable privacy.pii -->\n"


NOTE_AND_ENABLE = "Ask for the manager.\n<!-- handbook-enable privacy.pii -->\n"
PII_STAYS_OFF = (
    "`handbook-enable` taken out or narrowed: `privacy.pii` stays switched off from here on"
)


@pytest.mark.parametrize(
    ("enable", "head_enable", "expected"),
    [
        # Taken out: privacy.pii stays off over the rest of the page.
        (f"\n{ENABLE_PII}", "\n", [f"- `content/res.md:7`: {PII_STAYS_OFF}"]),
        # Narrowed to fewer rules: the one it no longer names stays off.
        (
            "\n<!-- handbook-enable term.avoid privacy.pii -->\n",
            "\n<!-- handbook-enable term.avoid -->\n",
            [f"- `content/res.md:7`: {PII_STAYS_OFF}"],
        ),
        # Moved up, or left as it was with text added above: nothing more is off.
        (f"\n{ENABLE_PII}", "\n<!-- handbook-enable -->\n", []),
        # The text just above it edited too, in one block of lines the change rewrote:
        # kept or widened, it is still in that block, and nothing more is off.
        (f"\n{NOTE_AND_ENABLE}", f"\n{NOTE_AND_ENABLE.replace('the', 'the night')}", []),
        (
            f"\n{NOTE_AND_ENABLE}",
            "\nAsk for the night manager.\n<!-- handbook-enable -->\n",
            [],
        ),
        # Taken out or narrowed with the text above it edited: named where the block is.
        (
            f"\n{NOTE_AND_ENABLE}",
            "\nAsk for the night manager.\n",
            [f"- `content/res.md:7`: {PII_STAYS_OFF}"],
        ),
        (
            f"\n{NOTE_AND_ENABLE}",
            "\nAsk for Ana.\n<!-- handbook-enable term.avoid -->\nOr the manager.\n",
            [f"- `content/res.md:7`: {PII_STAYS_OFF}"],
        ),
    ],
    ids=[
        "taken out",
        "narrowed",
        "widened",
        "kept, text above edited",
        "widened, text above edited",
        "taken out, text above edited",
        "narrowed, text above edited",
    ],
)
def test_a_handbook_enable_a_change_takes_out_is_named(
    repository: Path,
    capsys: pytest.CaptureFixture[str],
    enable: str,
    head_enable: str,
    expected: list[str],
) -> None:
    """Audit: a pull request that deletes a `<!-- handbook-enable privacy.pii -->` (or
    narrows it) switches privacy.pii off for the rest of the page, and the report said
    nothing, where it names a `handbook-disable` added. The rules it ended, and that are
    now off where it was, are named at its place. Review: one kept or widened, whose line
    the change rewrote with the text above it, was named too."""
    rest = "\nCall Jane at 402-555-0123.\n"
    write(repository, "content/res.md", f"# Res\n\n{PII_OFF_BLOCK}{enable}{rest}")
    commit(repository)
    write(repository, "content/res.md", f"# Res\n\nIntro.\n{PII_OFF_BLOCK}{head_enable}{rest}")
    code, out, _ = diff(repository, capsys)
    assert code == 0
    if expected:
        assert switched_off(out) == expected
    else:
        assert "Checks switched off" not in out


def test_a_handbook_enable_that_ended_nothing_or_went_with_its_disable_is_not_named(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Taking out a `handbook-enable` that switched nothing on again, or the disable and
    the enable together, switches nothing off."""
    page = (
        "# Res\n\n<!-- handbook-enable term.avoid -->\n\nText.\n\n"
        f"{PII_OFF_BLOCK}<!-- handbook-enable privacy.pii -->\n\nMore.\n"
    )
    write(repository, "content/res.md", page)
    commit(repository)
    write(repository, "content/res.md", "# Res\n\nText.\n\nCall the desk.\n\nMore.\n")
    code, out, _ = diff(repository, capsys)
    assert code == 0
    assert "Checks switched off" not in out


def test_a_handbook_enable_taken_out_of_a_terms_definition_is_named(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a YAML string, what a comment switches off stays off to the end of the string
    only: a string grown longer takes out no enable (its end moves), one whose enable goes
    leaves the rules it named off to the string's end."""
    definition = (
        "|\n  A person. <!-- handbook-disable term -->\n  A victim.\n\n"
        "  <!-- handbook-enable term -->\n\n  A survivor."
    )
    write(repository, "glossary/survivor.yml", term(definition=definition))
    commit(repository)
    bumped = {"version": 2, "versions": (2, 1)}
    longer = definition + "\n\n  And more."
    write(repository, "glossary/survivor.yml", term(definition=longer, **bumped))
    _, out, _ = diff(repository, capsys)
    assert "Checks switched off" not in out
    taken_out = definition.replace("<!-- handbook-enable term -->", "A note.")
    write(repository, "glossary/survivor.yml", term(definition=taken_out, **bumped))
    _, out, _ = diff(repository, capsys)
    term_rules = ("term.avoid", "term.case", "term.deprecated", "term.unknown-acronym")
    assert switched_off(out) == [
        "- `glossary/survivor.yml:7`: `handbook-enable` taken out or narrowed: "
        + ", ".join(f"`{rule}`" for rule in term_rules)
        + " stay switched off from here on"
    ]


def test_the_enables_of_a_file_the_change_left_alone_are_not_looked_at(
    repository: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review: every file's enables were looked for, and its lines matched with the
    head's, in files the change did not touch, most files of most changes."""
    matched: list[Sequence[str]] = []
    line_mapping = report_suppressions._line_mapping

    def matching(
        old_lines: Sequence[str], new_lines: Sequence[str]
    ) -> Callable[[int], tuple[int, int]]:
        matched.append(old_lines)
        return line_mapping(old_lines, new_lines)

    monkeypatch.setattr(report_suppressions, "_line_mapping", matching)
    kept = f"# Kept\n\n{PII_OFF_BLOCK}<!-- handbook-enable -->\n"
    write(repository, "content/kept.md", kept)
    write(repository, "content/res.md", f"# Res\n\n{PII_OFF_BLOCK}<!-- handbook-enable -->\n")
    commit(repository)
    write(repository, "content/res.md", f"# Res\n\n{PII_OFF_BLOCK}")
    _, out, _ = diff(repository, capsys)
    assert switched_off(out) == [
        "- `content/res.md:5`: `handbook-enable` taken out or narrowed: `privacy.pii` stays "
        "switched off from here on"
    ]
    assert [lines[0] for lines in matched] == ["# Res"]


def test_the_work_on_enables_grows_as_the_comments_do(
    repository: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review: each enable of a page was checked by reading every comment before it again,
    rule by rule: a page of a thousand disable/enable pairs took 40 seconds. Twice the
    comments now ask about as twice as many times which rules a comment names."""
    asked = 0
    names = suppression._names

    def naming(rules: tuple[str, ...], rule: str) -> bool:
        nonlocal asked
        asked += 1
        return names(rules, rule)

    monkeypatch.setattr(suppression, "_names", naming)

    def asked_for(pairs: int) -> int:
        nonlocal asked
        page = "# Res\n\n" + f"{PII_OFF_BLOCK}<!-- handbook-enable privacy.pii -->\n\n" * pairs
        write(repository, "content/res.md", page)
        commit(repository)
        write(repository, "content/res.md", page.rstrip().rpartition("\n")[0] + "\n")
        asked = 0
        _, out, _ = diff(repository, capsys)
        assert switched_off(out) == [
            f"- `content/res.md:{4 * pairs + 1}`: `handbook-enable` taken out or narrowed: "
            "`privacy.pii` stays switched off from here on"
        ]
        return asked

    assert asked_for(200) < 2.5 * asked_for(100)


class _CountedContext(str):
    """A comment's context that counts how often it is compared with another."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        _CountedContext.compared += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


@pytest.mark.parametrize("rewritten", [False, True])
def test_the_work_on_added_comments_grows_as_the_comments_do(
    monkeypatch: pytest.MonkeyPatch, rewritten: bool
) -> None:
    """Review 2: each comment of a page was looked for in the list of those kept, and its
    lines in the list of the base's comments' lines: a page of 8,000 alike comments, one
    added, took a minute, as would one whose comments' lines a change all rewrites. Twice
    the comments now take about twice the work: the comments' lines read, and the
    comparisons of comments and of their lines."""
    work = 0
    equal = suppression.Directive.__eq__

    def comparing(directive: suppression.Directive, other: object) -> bool:
        nonlocal work
        work += 1
        return equal(directive, other)

    context = report_suppressions._context

    def reading(lines: Sequence[str], directive: suppression.Directive) -> str:
        nonlocal work
        work += 1
        return _CountedContext(context(lines, directive))

    monkeypatch.setattr(suppression.Directive, "__eq__", comparing)
    monkeypatch.setattr(report_suppressions, "_context", reading)

    def page(lines: Iterable[str]) -> str:
        comment = "<!-- handbook-disable-next-line term.avoid -->"
        return "# Res\n\n" + "".join(f"{comment}\n{line}\n\n" for line in lines)

    def work_for(comments: int) -> int:
        nonlocal work
        if rewritten:  # "victim" replaced throughout, one comment added
            old = page(f"Call victim {number}." for number in range(comments))
            new = page(f"Call survivor {number}." for number in range(comments + 1))
        else:  # one more like the others, in the middle
            old = page(["Call the victim."] * comments)
            new = page(["Call the victim."] * (comments + 1))
        before = report_suppressions.HandbookComments(
            {"res.md": suppression.parse_suppressions(old)}, {"res.md": old}
        )
        after = report_suppressions.HandbookComments(
            {"res.md": suppression.parse_suppressions(new)}, {"res.md": new}
        )
        work = _CountedContext.compared = 0
        added = report_suppressions.added_suppressions(before, after)
        # Of comments alike, or all rewritten, the last is the one added.
        assert added == [
            report_suppressions.AddedSuppression(
                "res.md", 3 + 3 * comments, "disable-next-line", ("term.avoid",)
            )
        ]
        return work + _CountedContext.compared

    assert work_for(2_000) < 2.5 * work_for(1_000)


def test_only_the_lines_between_a_files_alike_beginning_and_end_are_matched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """difflib takes time in the square of a line written many times, as a page's like
    comments are: the lines a change left alone at a file's start and end are not given
    to it, and keep their place."""
    compared: list[tuple[int, int]] = []
    matcher = report_suppressions.BoundedSequenceMatcher

    def comparing(
        a: Sequence[str], b: Sequence[str], autojunk: bool = False
    ) -> difflib.SequenceMatcher[str]:
        compared.append((len(a), len(b)))
        return matcher(a, b, autojunk=autojunk)

    monkeypatch.setattr(report_suppressions, "BoundedSequenceMatcher", comparing)
    old = ["# Res", "", *(["<!-- handbook-disable -->", "Call.", "<!-- handbook-enable -->"] * 300)]
    new = [*old[:450], "Call the desk.", "<!-- handbook-enable term -->", *old[451:]]
    lines_now = report_suppressions._line_mapping(old, new)
    assert compared == [(1, 2)]
    assert [lines_now(line)[0] for line in (1, 450, 451, 452, len(old))] == [
        *(1, 450, 451, 453),
        len(new),
    ]
    assert lines_now(451) == (451, 453)  # a line rewritten: what replaced it, the line after


def test_each_sides_suppression_comments_are_read_once(
    repository: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review: the comments added and the enables taken out each read every page, term
    and protocol of both sides again: the report reads each side's comments once."""
    read: list[Handbook] = []

    def reading(handbook: Handbook, *, definition_lists: bool) -> dict[str, Suppressions]:
        read.append(handbook)
        return handbook_suppressions(handbook, definition_lists=definition_lists)

    monkeypatch.setattr(report_suppressions, "handbook_suppressions", reading)
    write(repository, "content/res.md", f"# Res\n\n{PII_OFF_BLOCK}<!-- handbook-enable -->\n")
    commit(repository)
    write(repository, "content/res.md", f"# Res\n\n{PII_OFF_BLOCK}\n{DESK}")
    _, out, _ = diff(repository, capsys)
    assert switched_off(out) == [
        "- `content/res.md:5`: `handbook-enable` taken out or narrowed: `privacy.pii` stays "
        "switched off from here on",
        "- `content/res.md:6`: `handbook-disable-next-line`, `privacy.pii`",
    ]
    assert len(read) == 2 and read[0] is not read[1]


def test_the_modules_overview_page_moved_with_modules_dir_is_listed_with_its_links(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """modules_dir moved: links to the moved modules were listed, not those to the
    folder's overview page, index.md, which moves with them."""
    write(repository, "content/modules/index.md", "# Training\n\nThe modules.\n")
    write(repository, "content/index.md", PAGE + "\nSee [the training](modules/index.md).\n")
    write(repository, "content/about.md", "# About\n\n[Modules](../modules/)\n")  # its address
    base = commit(repository, "an overview of the modules")
    git(repository, "mv", "content/modules", "content/training")
    plugin = "plugins:\n  - handbook:\n      modules_dir: training\n"
    write(repository, "mkdocs.yml", "site_name: T\ndocs_dir: content\n" + plugin)
    commit(repository, "move the modules")

    assert main(["diff", base, "HEAD", "-f", str(repository / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    assert "| modules | 0 | 0 | 0 | 1 | 0 |" in out  # a page, no module
    assert (
        "- `content/training/index.md`: the modules' overview page (no module)\n"
        "  - moved from `content/modules/index.md` (`modules_dir`): its page moves to a new "
        "address, and links written to it must follow\n"
        "  - its page is still linked to from `content/about.md:3`, `content/index.md:7`: "
        "those links break until they lead to its new page, or another\n"
    ) in out


REPORTED = "`content/index.md` (2 places: 3:18, 13:3)"
SILENCED = "silenced by a `handbook-disable` comment: `content/index.md` (2 places: 6:3, 9:9)"


@pytest.mark.parametrize(
    ("level", "used_in"),
    [
        (None, f"{REPORTED}; {SILENCED}"),
        # Not reported, silenced or not: the check does not run the rule.
        (
            "off",
            "not reported (`term.deprecated` is off in `rules:`): `content/index.md` "
            "(4 places: 3:18, 6:3, 9:9, 13:3)",
        ),
        (
            "error",
            "reported as errors, which fail the build (`rules:` sets `term.deprecated` to "
            f"error): {REPORTED}; {SILENCED}",
        ),
        (
            "info",
            "reported as info, which fails nothing (`rules:` sets `term.deprecated` to info): "
            f"{REPORTED}; {SILENCED}",
        ),
        ("warning", f"{REPORTED}; {SILENCED}"),  # its default
    ],
)
def test_uses_are_listed_as_the_rules_setting_has_the_check_report_them(
    repository: Path, capsys: pytest.CaptureFixture[str], level: str | None, used_in: str
) -> None:
    """The plugin's `rules:` setting was not applied to the uses: with the rule off, the
    uses the check does not report were listed as if it did. A severity the setting
    gives the rule is what the check reports them as."""
    rules = f"      rules: {{term.deprecated: {level}}}\n" if level else ""
    plugin = f"plugins:\n  - handbook:\n{rules}" if level else "plugins:\n  - handbook\n"
    write(repository, "mkdocs.yml", "site_name: T\ndocs_dir: content\n" + plugin)
    out = diff_after_survivor_deprecated(repository, capsys, "content/index.md", SILENCED_PAGE)
    row = f"| `survivor` | accepted (`survivor`) | deprecated (`survivor`) | {used_in} |"
    assert row in out.splitlines()
    # Said over the table only where it has such uses.
    off_note = "Uses of a rule the `rules:` setting turns off are listed last, as not reported"
    assert (off_note in out) == (level == "off")
    assert ("Uses a `handbook-disable` comment silences" in out) == (level != "off")
    check = run_checks(load_config(repository / "mkdocs.yml", require_folders=False))
    found = [(f.line, f.severity.value) for f in check.findings if f.rule == "term.deprecated"]
    severity = level or "warning"
    assert found == ([] if level == "off" else [(3, severity), (13, severity)])


def test_uses_of_a_form_to_avoid_with_term_avoid_off_are_not_reported(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plugin = "plugins:\n  - handbook:\n      rules: {term.avoid: off}\n"
    write(repository, "mkdocs.yml", "site_name: T\ndocs_dir: content\n" + plugin)
    write(repository, "content/index.md", "# Home\n\nEvery victim is heard.\n")
    commit(repository)
    avoid = "avoid:\n  - text: victim\n    reason: Person-first language.\n"
    write(repository, "glossary/survivor.yml", term(version=2, versions=(2, 1), extra=avoid))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert (
        "| `victim` | not a form of any term | avoid (`survivor`) | "
        "not reported (`term.avoid` is off in `rules:`): `content/index.md:3:7` |"
    ) in out.splitlines()


SITE = "site_name: T\ndocs_dir: content\n"


def diff_with_settings(
    repository: Path, capsys: pytest.CaptureFixture[str], *revisions: str
) -> tuple[int, str]:
    """`handbook diff` as the CLI runs it, naming mkdocs.yml: each revision's own settings
    are read."""
    code = main(["diff", *(revisions or ("HEAD",)), "-f", str(repository / "mkdocs.yml")])
    return code, capsys.readouterr().out


def test_known_acronyms_that_are_forms_of_terms_silence_nothing(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit, two glossaries merged with their known_acronyms: CSEC, a form of a term,
    was said to be no longer reported by term.unknown-acronym, which reports no form of
    a term; the report names only the entries that do silence it."""
    write(repository, "mkdocs.yml", SITE + "plugins:\n  - handbook:\n      known_acronyms: [FBI]\n")
    commit(repository, "settings")
    plugin = "plugins:\n  - handbook:\n      known_acronyms: [FBI, CSEC, XYZ]\n"
    write(repository, "mkdocs.yml", SITE + plugin)
    write(repository, "glossary/csec.yml", term("CSEC"))
    code, out = diff_with_settings(repository, capsys)
    assert code == 0, out
    assert (
        "- `mkdocs.yml:5`: `known_acronyms` adds `XYZ`: term.unknown-acronym no longer reports it"
    ) in out.splitlines()


def test_known_acronyms_that_are_forms_in_another_writing_silence_nothing(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review rv20: the rule knows a form as the matcher finds it (`NGOs` is the form
    `NGO`, `CSEC` the form `csec`), and the report compared the entries with the forms
    as written, naming `NGOs` and `CSEC` as no longer reported."""
    write(repository, "mkdocs.yml", SITE + "plugins:\n  - handbook:\n      known_acronyms: [FBI]\n")
    commit(repository, "settings")
    plugin = "plugins:\n  - handbook:\n      known_acronyms: [FBI, NGOs, CSEC, XYZ]\n"
    write(repository, "mkdocs.yml", SITE + plugin)
    write(repository, "glossary/ngo.yml", term("NGO"))
    write(repository, "glossary/csec.yml", term("csec"))
    code, out = diff_with_settings(repository, capsys)
    assert code == 0, out
    assert [line for line in out.splitlines() if "`known_acronyms` adds" in line] == [
        "- `mkdocs.yml:5`: `known_acronyms` adds `XYZ`: term.unknown-acronym no longer reports it"
    ]


def test_settings_a_change_loosens_are_named_at_their_lines(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: a change to mkdocs.yml that turned privacy.pii off for the whole site,
    lowered term.avoid and made a personal number public was reported as "No glossary
    term, protocol or training module changed". `off`, "off" and false are alike off, as
    the check reads them; a rule taken out of `rules:` is back at its default. It is
    information: the diff does not fail for it."""
    plugin = (
        "plugins:\n"
        "  - handbook:\n"
        "      known_acronyms: [FBI]\n"
        "      privacy:\n"
        "        allow: ['1-888-373-7888']\n"
        "        countries: [GB, FR]\n"
        "      rules:\n"
        "        term.case: error\n"
    )
    write(repository, "mkdocs.yml", SITE + plugin)
    commit(repository, "settings")
    plugin = (
        "plugins:\n"
        "  - handbook:\n"
        "      known_acronyms: [FBI, XYZ]\n"
        "      privacy:\n"
        "        allow:\n"
        "          - '1-888-373-7888'\n"
        "          - '402-555-0142'\n"
        "        countries: [GB]\n"
        "      rules:\n"
        '        privacy.pii: "off"\n'
        "        link.unsafe: off\n"
        "        glossary.html: false\n"
        "        term.avoid: info\n"
    )
    write(repository, "mkdocs.yml", SITE + plugin)
    code, out = diff_with_settings(repository, capsys)
    assert code == 0
    assert "No glossary term, protocol or training module changed." in out
    silent = "neither `handbook check` nor the build reports it, on any page"
    assert switched_off(out) == [
        f"- `mkdocs.yml:12`: `privacy.pii` turned off in `rules:` (it was error): {silent}",
        f"- `mkdocs.yml:13`: `link.unsafe` turned off in `rules:` (it was error): {silent}",
        f"- `mkdocs.yml:14`: `glossary.html` turned off in `rules:` (it was info): {silent}",
        "- `mkdocs.yml:15`: `term.avoid` lowered in `rules:` from warning to info, which "
        "fails nothing",
        "- `mkdocs.yml:11`: `term.case` no longer set in `rules:`, so back to its default, "
        "warning (it was error), which fails the build only with `strict: true`",
        # Masked as the base's privacy.pii reports it: the summary outlives the branch.
        "- `mkdocs.yml:9`: `privacy.allow` adds `402-***-**42` (masked here: the line has "
        "it): privacy.pii takes it as public, and reports it on no page",
        "- `mkdocs.yml:5`: `known_acronyms` adds `XYZ`: term.unknown-acronym no longer reports it",
        "- `mkdocs.yml:10`: `privacy.countries` no longer lists `FR`: privacy.pii no longer "
        "reads the national phone numbers of that country",
    ]


def test_settings_a_change_makes_stricter_are_not_named(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rule raised, an entry taken out, a country added: the checks say more, which
    `handbook check` shows. `autolink` is no check's setting."""
    plugin = (
        "plugins:\n  - handbook:\n      known_acronyms: [FBI, XYZ]\n"
        "      privacy: {allow: ['911', '711'], countries: [GB]}\n"
        "      rules: {term.avoid: info, module.readability: info}\n"
    )
    write(repository, "mkdocs.yml", SITE + plugin)
    commit(repository, "settings")
    plugin = (
        "plugins:\n  - handbook:\n      known_acronyms: [FBI]\n      autolink: none\n"
        "      privacy: {allow: ['911'], countries: [GB, FR]}\n"
        "      rules: {term.avoid: error, module.readability: warning}\n"
    )
    write(repository, "mkdocs.yml", SITE + plugin)
    code, out = diff_with_settings(repository, capsys)
    assert code == 0
    assert "Checks switched off" not in out


def test_settings_are_read_through_inherit_and_of_each_revision(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A setting written in the file mkdocs.yml inherits is named at its line there; a
    plugin turned off (`enabled: false`) has the build check nothing."""
    write(repository, "mkdocs.yml", "INHERIT: base.yml\nsite_name: T\n")
    write(repository, "base.yml", "docs_dir: content\nplugins:\n  - handbook\n")
    base = commit(repository, "inherit")
    write(
        repository,
        "base.yml",
        "docs_dir: content\nplugins:\n  - handbook:\n      enabled: false\n"
        "      rules: {privacy.pii: off}\n",
    )
    commit(repository, "off")
    write(repository, "base.yml", "docs_dir: content\nplugins:\n  - handbook\n")  # not HEAD's
    code, out = diff_with_settings(repository, capsys, base, "HEAD")
    assert code == 0
    assert switched_off(out) == [
        "- `base.yml:4`: the `handbook` plugin no longer runs (`enabled: false`, or not "
        "listed in `plugins`): `mkdocs build` checks nothing; `handbook check` still does",
        "- `base.yml:5`: `privacy.pii` turned off in `rules:` (it was error): neither "
        "`handbook check` nor the build reports it, on any page",
    ]


def test_settings_of_a_first_commit_are_compared_with_the_defaults(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A base with no mkdocs.yml (the commit before the handbook) has the plugin's
    defaults: a handbook added with a rule off says so."""
    root = tmp_path / "new"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write(root, "README.md", "A handbook, soon.\n")
    base = commit(root, "first")
    plugin = "plugins:\n  - handbook:\n      rules: {term.avoid: off}\n"
    write(root, "mkdocs.yml", SITE + plugin)
    write(root, "content/index.md", PAGE)
    code, out = diff_with_settings(root, capsys, base)
    assert code == 0
    assert (
        "The base has no `mkdocs.yml`, so the `handbook` plugin's settings of this change are "
        "compared with its defaults."
    ) in out
    assert switched_off(out) == [
        "- `mkdocs.yml:5`: `term.avoid` turned off in `rules:` (it was warning): neither "
        "`handbook check` nor the build reports it, on any page",
    ]


@pytest.mark.parametrize(
    ("level", "used_in"),
    [
        ("off", "not reported (this change turns `term.deprecated` off in `rules:`)"),
        (
            "info",
            "reported as info, which fails nothing (this change sets `term.deprecated` to "
            "info in `rules:`; it was warning)",
        ),
    ],
)
def test_uses_say_when_this_change_turns_their_rule_off(
    repository: Path, capsys: pytest.CaptureFixture[str], level: str, used_in: str
) -> None:
    """Audit: a term deprecated and `term.deprecated` turned off in the same change had
    its uses listed as "not reported (`term.deprecated` is off in `rules:`)" and "they
    need no change", as if the setting were the base's."""
    write(repository, "glossary/person.yml", term("person who has experienced trafficking"))
    commit(repository, "a replacement")
    plugin = f"plugins:\n  - handbook:\n      rules: {{term.deprecated: {level}}}\n"
    write(repository, "mkdocs.yml", SITE + plugin)
    deprecate_survivor(repository)
    code, out = diff_with_settings(repository, capsys)
    assert code == 0, out
    row = (
        "| `survivor` | accepted (`survivor`) | deprecated (`survivor`) | "
        f"{used_in}: `content/index.md:3:18` |"
    )
    assert row in out.splitlines()
    assert "they need no change" not in out
    turned_off = "Uses of a rule that this change turns off in `rules:` are listed last"
    assert (turned_off in out) == (level == "off")


BLOCK_STARTS = [
    # (the paragraph as written, as the report quotes it)
    ("1. In law, a person.", r"1\. In law, a person."),
    ("2) Second.", r"2\) Second."),
    ("- A dash.", r"\- A dash."),
    ("--- Three.", r"\--- Three."),
    ("* A star.", r"\* A star."),
    ("+ A plus.", r"\+ A plus."),
    ("# A hash.", r"\# A hash."),
    ("> A quote.", r"\> A quote."),
]


def shown_as_paragraphs(quoted: list[str]) -> bool:
    """Whether GitHub (CommonMark) shows the report's quoted lines as a quote of plain
    paragraphs: no list, heading, rule or quote made of the text."""
    from markdown_it import MarkdownIt

    markdown = MarkdownIt("commonmark").enable("strikethrough")  # GitHub's ~~
    html = markdown.render("\n".join(line.strip() for line in quoted))
    tags = set(re.findall(r"<(\w+)", html))
    return tags <= {"blockquote", "p", "strong", "s"} and html.count("<blockquote>") == 1


def test_a_definition_quoted_shows_its_paragraphs_as_written(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A definition paragraph starting with `1. ` showed as a numbered list in the
    report's quote of a new term's definition (and `- ` as a bullet)."""
    paragraphs = [typed for typed, _ in BLOCK_STARTS]
    definition = "|\n" + "\n\n".join(f"  {paragraph}" for paragraph in paragraphs)
    write(repository, "glossary/t-visa.yml", term("T visa", definition=definition))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    quoted = [line for line in out.splitlines() if line.startswith("    >")]
    assert [line for line in quoted if line != "    >"] == [
        f"    > {shown}" for _, shown in BLOCK_STARTS
    ]
    assert shown_as_paragraphs(quoted)


def test_a_changed_definition_quoted_shows_its_paragraphs_as_written(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The word diff of a changed definition is quoted too, a block a line."""
    old = "|\n  1. In law, a person who has experienced trafficking.\n\n  - Also: a survivor."
    write(repository, "glossary/survivor.yml", term(definition=old))
    commit(repository)
    new = "|\n  1. In law, a person who lived through trafficking.\n\n  - Also: the survivor."
    write(repository, "glossary/survivor.yml", term(definition=new, version=2, versions=(2, 1)))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    quoted = [line for line in out.splitlines() if line.startswith("    >")]
    assert quoted == [
        r"    > 1\. In law, a person who ~~has experienced~~ **lived through** trafficking.",
        "    >",
        r"    > \- Also: ~~a~~ **the** survivor.",
    ]
    assert shown_as_paragraphs(quoted)


def test_an_objective_or_contact_starting_as_a_list_item_is_shown_as_written(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new module's objectives and a new protocol's contacts are list items: `1. ` at
    the start of one made a list inside it."""
    module = MODULE.format(version=1, history=history(1), realize="Here.")
    module = module.replace("objectives: [Know the signs]", "objectives: ['1. Know the signs']")
    write(repository, "content/modules/front-desk.md", module.replace("Hotel staff", "Desk"))
    protocol = PROTOCOL.format(version=1, step="Call", history=history(1))
    protocol = protocol.replace("summary:", "contacts:\n  - name: '- Hotline'\nsummary:", 1)
    write(repository, "protocols/front-desk.yml", protocol.replace("Hotel staff", "Desk"))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "  - objectives:\n    - 1\\. Know the signs\n" in out
    assert "  - contacts:\n    - \\- Hotline\n" in out


def test_a_named_pipe_in_the_working_tree_is_named_not_waited_on(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: the diff reads a file that does not load, to tell whether it changed; a
    named pipe saved as a term file held it up for ever."""
    from work import without_waiting_on

    pipe = repository / "glossary" / "pipe.yml"
    os.mkfifo(pipe)
    code, out, _ = without_waiting_on(pipe, lambda: diff(repository, capsys))
    assert code == 1
    assert "`glossary/pipe.yml:1:1`: cannot be read: not a regular file \\(a named pipe\\)" in out


HOTLINE_ALLOWED = 'privacy: {allow: ["1-888-373-7888"]}'
MASKED_NOTE = "Personal data is shown masked; `handbook check` names where."
PERSONAL = ("555-0142", "555-0188", "jane.doe", "12 Oak Street")


def test_personal_data_the_report_quotes_is_shown_masked(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Privacy audit: CI writes the report to the pull request's step summary, which
    outlives a leak's clean-up (a force-push, a purged commit), and the report quoted a
    definition's "Ask Jane at 402-555-0142." whole. What privacy.pii reports is masked as
    its messages show it, in old and new texts alike; what privacy.allow lists (the
    hotline a contact gives) stays as written; the report says so once."""
    set_handbook_options(repository / "mkdocs.yml", HOTLINE_ALLOWED)
    definition = "A person who has experienced trafficking. Ask Jane at 402-555-0142."
    write(
        repository, "glossary/survivor.yml", term(version=2, versions=(2, 1), definition=definition)
    )
    protocol = PROTOCOL.format(version=1, step="Stay safe", history=history(1))
    protocol = protocol.replace(
        "summary:",
        "contacts:\n  - name: Hotline\n    phone: 1-888-373-7888\n"
        "  - name: Jane\n    text: jane.doe@gmail.com\nsummary:",
        1,
    ).replace("Call the hotline.", "Call the hotline, or Jane at 402-555-0188 (12 Oak Street).")
    write(repository, "protocols/front-desk.yml", protocol.replace("Hotel staff", "Front desk"))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert out.count(MASKED_NOTE) == 1
    assert r"**Ask Jane at 402-\*\*\*-\*\*42.**" in out
    assert "    - Hotline (1-888-373-7888)\n    - Jane (j\\*\\*\\*@gmail.com)\n" in out
    assert "       Call the hotline, or Jane at 402-***-**88 (1* O** S*****).\n" in out
    assert not [text for text in PERSONAL if text in out]


def test_a_number_changed_is_masked_before_the_words_are_compared(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A word diff of the texts masked: the number is struck and added whole, never split
    across the marks; a change the masks hide is named, and the diff still fails for the
    version it did not raise."""
    step = "Call the hotline, or Jane at 402-555-0142."
    write(repository, "glossary/survivor.yml", term(definition="Ask Jane at 402-555-0142."))
    protocol = PROTOCOL.format(version=1, step="Call", history=history(1))
    write(repository, "protocols/hotel-staff.yml", protocol.replace("Call the hotline.", step))
    commit(repository, "with Jane")
    write(repository, "glossary/survivor.yml", term(definition="Ask Jane at 402-555-0199."))
    write(
        repository,
        "protocols/hotel-staff.yml",
        protocol.replace("Call the hotline.", step.replace("555", "556")),
    )
    code, out, err = diff(repository, capsys)
    assert code == 1, out
    assert r"    > Ask Jane at ~~402-\*\*\*-\*\*42.~~ **402-\*\*\*-\*\*99.**" in out
    assert "  - `steps`: only personal data changed, which is shown masked\n" in out
    assert "protocols/hotel-staff.yml:2: protocol `hotel-staff`: its content changed" in err
    assert out.count(MASKED_NOTE) == 1
    assert "555-0142" not in out and "556-0142" not in out


def test_the_report_says_nothing_of_masks_where_it_shows_none(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The note is for a report that shows a text masked: not for one whose changed item
    holds personal data in a field it does not show."""
    jane = "contacts:\n  - name: Jane\n    phone: 402-555-0142\n"
    protocol = PROTOCOL.format(version=1, step="Call", history=history(1)) + jane
    write(repository, "protocols/hotel-staff.yml", protocol)
    commit(repository, "with Jane")
    edited = PROTOCOL.format(version=2, step="Call", history=history(2, 1)) + jane
    write(repository, "protocols/hotel-staff.yml", edited.replace("suspect", "fear"))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert "**fear**" in out
    assert MASKED_NOTE not in out


@pytest.mark.parametrize(
    ("options", "shown"),
    [
        ("", "020 7946 0958"),  # a UK number in groups: read only where the UK is listed
        ("privacy: {countries: [GB]}", r"020 \*\*\*\* \*\*58"),
        ('privacy: {countries: [GB], allow: ["+44 20 7946 0958"]}', "020 7946 0958"),
        # Where the rule is off, the coalition has said there is nothing of the kind to find.
        ("rules: {privacy.pii: off}", "402-555-0142"),
    ],
)
def test_the_masks_follow_the_privacy_settings(
    repository: Path, capsys: pytest.CaptureFixture[str], options: str, shown: str
) -> None:
    if options:
        set_handbook_options(repository / "mkdocs.yml", options)
    number = "402-555-0142" if "rules" in options else "020 7946 0958"
    definition = f"A person who has experienced trafficking. Ask Jane on {number}."
    write(
        repository, "glossary/survivor.yml", term(version=2, versions=(2, 1), definition=definition)
    )
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert f"**Ask Jane on {shown}.**" in out
    assert (MASKED_NOTE in out) == ("*" in shown)


def test_a_load_problem_the_report_quotes_is_shown_masked(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file's load problem may quote what it stopped at (a field's value): the report's
    "Not compared" section shows it masked, as the changed texts are, and says so; the
    step's log, which `handbook check` writes unmasked too, names it as written."""
    broken = term(version=2, versions=(2, 1)).replace("version: 2", "version: 402-555-0142")
    write(repository, "glossary/survivor.yml", broken)
    code, out, err = diff(repository, capsys)
    assert code == 1
    assert (
        "- ❌ `glossary/survivor.yml:2:10`: 'version' must be a whole number \\(found the "
        "string '402-\\*\\*\\*-\\*\\*42'\\)\n"
    ) in out
    assert out.count(MASKED_NOTE) == 1
    assert "555-0142" not in out
    assert "402-555-0142" in err


@pytest.fixture
def no_slow_rendering(monkeypatch: pytest.MonkeyPatch) -> None:
    """Python-Markdown is never given a text markdown.nesting finds it would take minutes
    over: if it were, the test fails at once (instead of taking those seconds)."""
    import markdown

    convert = markdown.Markdown.convert

    def refuse_slow_texts(self: markdown.Markdown, source: str) -> str:
        assert "[" * 1000 not in source, "Python-Markdown was given thousands of `[`"
        return convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", refuse_slow_texts)


@pytest.mark.usefixtures("no_slow_rendering")
def test_a_field_of_thousands_of_brackets_is_compared_as_written(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by fuzzing: the diff rendered every field with Python-Markdown, which reads
    on from each `[` to its block's end, so a source's title of 12,000 `[` took 48 s
    (quadratic; the check reads such a title as plain text and passed it)."""
    sources = f'sources:\n  - title: "{"[" * 6000}"\n    url: https://example.org/\n'
    write(repository, "glossary/survivor.yml", term(extra=sources))
    code, out, _ = diff(repository, capsys)
    assert code == 1
    assert "fields changed: `sources`" in out
    assert "its content changed but `version` is still 1" in out


@pytest.mark.usefixtures("no_slow_rendering")
def test_a_change_of_layout_alone_in_thousands_of_brackets_is_still_layout(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brackets = "[" * 6000
    write(repository, "glossary/survivor.yml", term(definition=f'"See {brackets} here."'))
    commit(repository)
    write(repository, "glossary/survivor.yml", term(definition=f'"See  {brackets}  here."'))
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    assert LAYOUT_ONLY + ": `definition`" in out
    write(repository, "glossary/survivor.yml", term(definition=f'"See {brackets} there."'))
    code, out, _ = diff(repository, capsys)
    assert "fields changed: `definition`" in out


def test_a_reason_the_diff_fails_names_a_file_holding_a_line_break_on_one_line(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review rv37: out of GitHub Actions, each reason the diff fails was promised a line
    of its own, but named the file as it is: a pull request's term file named with a line
    break split it, its second line a workflow command (`::error ...`)."""
    command = "::error file=README.md::Approved"
    write(repository, f"glossary/x\n{command}.yml", "term: [x\n")
    code, _, err = diff(repository, capsys)
    assert code == 1, err
    assert f"glossary/x\\n{command}.yml:1: does not load" in err, err
    assert not [line for line in err.splitlines() if line.lstrip().startswith("::")], err


# A use, and a suppression comment, in a block indented after `:   `: the definition's
# with def_list; without it, indented code, where the check reads neither.
DEFINITION_USE = "# Other\n\nTerm\n:   a definition\n\n    more words: a survivor here.\n"
DEFINITION_COMMENT = (
    "# Other\n\nTerm\n:   a definition\n\n    <!-- handbook-disable privacy.pii -->\n\n"
    "Call Jane at 402-555-0199.\n"
)


def with_def_list(repository: Path, definition_lists: bool) -> None:
    if definition_lists:
        text = (repository / "mkdocs.yml").read_text(encoding="utf-8")
        write(repository, "mkdocs.yml", text + "markdown_extensions: [def_list]\n")


@pytest.mark.parametrize("definition_lists", [False, True])
def test_a_use_under_a_definition_is_listed_as_the_site_renders_it(
    repository: Path, capsys: pytest.CaptureFixture[str], definition_lists: bool
) -> None:
    from site_markdown import render

    html = render(DEFINITION_USE, ("def_list",) if definition_lists else ())
    assert ("<pre><code>more words" in html) is not definition_lists  # prose, or code
    with_def_list(repository, definition_lists)
    out = diff_after_survivor_deprecated(repository, capsys, "content/other.md", DEFINITION_USE)
    assert ("content/other.md:6:" in out) is definition_lists, out
    check = run_checks(load_config(repository / "mkdocs.yml", require_folders=False))
    deprecated = [f.path for f in check.findings if f.rule == "term.deprecated"]
    assert ("content/other.md" in deprecated) is definition_lists


@pytest.mark.parametrize("definition_lists", [False, True])
def test_a_suppression_comment_under_a_definition_is_named_as_the_site_renders_it(
    repository: Path, capsys: pytest.CaptureFixture[str], definition_lists: bool
) -> None:
    from site_markdown import render

    html = render(DEFINITION_COMMENT, ("def_list",) if definition_lists else ())
    assert ("&lt;!-- handbook-disable" in html) is not definition_lists  # a comment, or code
    with_def_list(repository, definition_lists)
    commit(repository, "def_list")
    write(repository, "content/other.md", DEFINITION_COMMENT)
    code, out, _ = diff(repository, capsys)
    assert code == 0, out
    named = "- `content/other.md:6`: `handbook-disable`, `privacy.pii`\n"
    assert (named in out) is definition_lists, out
    check = run_checks(load_config(repository / "mkdocs.yml", require_folders=False))
    pii = [f.path for f in check.findings if f.rule == "privacy.pii"]
    assert ("content/other.md" in pii) is not definition_lists


def _site_config(repository: Path, left_out: str = "") -> None:
    """mkdocs.yml with `left_out` (lines of `exclude_docs` or `draft_docs`) added."""
    write(
        repository,
        "mkdocs.yml",
        f"site_name: T\ndocs_dir: content\n{left_out}plugins:\n  - handbook\n",
    )


def diff_read_as_the_cli(
    root: Path, capsys: pytest.CaptureFixture[str], base: str = "HEAD"
) -> tuple[int, str, str]:
    """`diff`, each side read with its own mkdocs.yml, as the CLI reads them."""
    config_file = root / "mkdocs.yml"
    config = load_config(config_file, require_folders=False)
    code = run_diff(config, base, None, config_file=config_file)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("setting", ["draft_docs", "exclude_docs"])
def test_a_module_made_a_draft_or_excluded_is_said_to_leave_the_site(
    repository: Path, capsys: pytest.CaptureFixture[str], setting: str
) -> None:
    """Session 64: a pull request adding a module to `draft_docs` (or `exclude_docs`)
    took its page and its PDF handout off the site, and the report said "No glossary
    term, protocol or training module changed": the module loads as before."""
    write(repository, "content/about.md", "# About\n")
    write(repository, "content/index.md", f"{PAGE}\nSee [who we are](about.md).\n")
    # A link on the page left out too breaks nothing published: not listed.
    realize = "See [who we are](../about.md)."
    module = MODULE.format(version=1, history=history(1), realize=realize)
    write(repository, "content/modules/hotel-staff.md", module)
    commit(repository, "about")
    _site_config(repository, f"{setting}: |\n  modules/hotel-staff.md\n  about.md\n")
    code, out, _ = diff_read_as_the_cli(repository, capsys)
    assert code == 0, out
    section = out[out.index("### Left out of the site") :]
    assert (
        "- **Hotel staff** (`hotel-staff`, `content/modules/hotel-staff.md`): its page "
        f"`modules/hotel-staff/` and its handout `handouts/hotel-staff.pdf` (by `{setting}`)\n"
    ) in section
    assert (
        f"- `content/about.md`: its page `about/` (by `{setting}`)\n"
        "  - still linked to from `content/index.md:7`: those links break\n"
    ) in section
    assert "### Published now" not in out
    # No redirect: the page is there, and comes back when the draft is published.
    assert "### Old addresses" not in out

    # With an item changed too, said all the same.
    write(repository, "glossary/person.yml", term("person"))
    _, out, _ = diff_read_as_the_cli(repository, capsys)
    assert "### Left out of the site" in out
    assert "handouts/hotel-staff.pdf" in out


def test_a_draft_published_is_said_to_go_on_the_site(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Publishing a draft puts what it holds on the site: its reviewers are told."""
    _site_config(repository, "draft_docs: |\n  modules/hotel-staff.md\n")
    commit(repository, "draft")
    _site_config(repository)
    code, out, _ = diff_read_as_the_cli(repository, capsys)
    assert code == 0, out
    section = out[out.index("### Published now") :]
    assert (
        "- **Hotel staff** (`hotel-staff`, `content/modules/hotel-staff.md`): its page "
        "`modules/hotel-staff/` and its handout `handouts/hotel-staff.pdf` (left out at the "
        "base by `draft_docs`)\n"
    ) in section
    assert "### Left out of the site" not in out


def test_a_draft_removed_or_renamed_has_no_old_address(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Session 64 (LOW): deleting a module that was a draft suggested a redirect from
    its page and said its handout left the site: neither was ever published."""
    _site_config(repository, "draft_docs: |\n  modules/hotel-*.md\n")
    commit(repository, "draft")
    git(repository, "rm", "-q", "content/modules/hotel-staff.md")
    code, out, _ = diff_read_as_the_cli(repository, capsys)
    assert code == 0, out
    assert "### Old addresses" not in out
    assert "handouts/hotel-staff.pdf" not in out
    git(repository, "reset", "-q", "--hard")
    git(repository, "mv", "content/modules/hotel-staff.md", "content/modules/hotel-workers.md")
    code, out, _ = diff_read_as_the_cli(repository, capsys)
    assert "### Old addresses" not in out, out


def test_links_are_looked_for_to_a_few_pages_left_out_alone(
    repository: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Self-review: each page's links are found by rendering every page linking to it
    again, and 555 pages of 1,000 made drafts took minutes; the first few are looked
    for, and the report says so."""
    monkeypatch.setattr(left_out_pages, "MOST_PAGES_LOOKED_FOR", 1)
    write(repository, "content/a.md", "# A\n\n[b](b.md)\n")
    write(repository, "content/b.md", "# B\n\n[a](a.md)\n")
    write(repository, "content/index.md", f"{PAGE}\n[a](a.md) and [b](b.md)\n")
    commit(repository, "pages")
    _site_config(repository, "draft_docs: |\n  a.md\n  b.md\n")
    code, out, _ = diff_read_as_the_cli(repository, capsys)
    assert code == 0, out
    section = out[out.index("### Left out of the site") :]
    assert section.count("still linked to from `content/index.md:7`") == 1, section
    assert "Links are looked for to the first 1 alone" in section


def test_a_nav_entry_naming_a_page_left_out_is_given_at_its_line(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review rv67b (MEDIUM): `nav` naming a module made a draft keeps its entry on every
    page of the site, leading to "page not found"; MkDocs says so at INFO alone (no
    `--strict` build fails), and the report named no place to mend."""
    nav = "nav:\n  - index.md\n  - Hotel staff: modules/hotel-staff.md\n"
    _site_config(repository, nav)
    commit(repository, "nav")
    _site_config(repository, f"{nav}draft_docs: |\n  modules/hotel-staff.md\n")
    code, out, _ = diff_read_as_the_cli(repository, capsys)
    assert code == 0, out
    section = out[out.index("### Left out of the site") :]
    assert (
        "(by `draft_docs`)\n  - `mkdocs.yml:5` (`nav`) still names it: the entry leads to "
        '"page not found" until it is taken out of `nav`\n'
    ) in section, section
