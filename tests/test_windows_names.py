"""Names a clone on Windows cannot hold (`aux.md`, `what?.md`, `glossary/con.yml`, and
`About.md` beside `about.md`), which Linux, macOS and git take: a warning at the file
(audit: they passed the check, and a Windows editor's clone failed or lost a file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import require_names_apart
from handbooks import TERM, finding_rows, make_handbook

from coalition_handbook.check import run_checks
from coalition_handbook.config import load_config
from coalition_handbook.model.windows_names import (
    all_fine_on_windows,
    case_twins,
    windows_name_problem,
)

DEVICE = (
    "cannot be checked out on Windows, where {} names a device, not a file: give it another name"
)
CHARACTER = (
    "cannot be checked out on Windows, whose file names cannot hold {}: give it another name"
)
TWIN = (
    "its name differs from {}'s only in case: a clone on Windows or macOS, where file "
    "names are the same in any case, holds only one of the two; rename one"
)


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("aux.md", DEVICE.format("AUX")),
        ("CON", DEVICE.format("CON")),
        ("nul.tar.gz", DEVICE.format("NUL")),
        ("Com1.txt", DEVICE.format("COM1")),
        ("lpt9 .md", DEVICE.format("LPT9")),
        ("what?.md", CHARACTER.format("'?'")),
        ("a:b.md", CHARACTER.format("':'")),
        ('say "hi".md', CHARACTER.format("'\"'")),
        ("a|b*c", CHARACTER.format("'|'")),
        ("tab\there.md", CHARACTER.format("'\\t'")),
        (
            "notes.",
            "cannot be checked out on Windows, whose file names cannot end in a dot or "
            "a space: give it another name",
        ),
        # names Windows takes
        ("console.md", None),
        ("com10.md", None),
        ("auxiliary-staff.md", None),
        ("index.md", None),
        ("a b.md", None),
        ("Débil – grupo.md", None),
    ],
)
def test_which_names_windows_cannot_hold(name: str, why: str | None) -> None:
    assert windows_name_problem(name) == why
    # The walk's quick test of a whole folder agrees.
    assert all_fine_on_windows(["README.md", name]) is (why is None)


def test_names_that_differ_only_in_case_are_named_after_the_first() -> None:
    names = ["about.md", "About.md", "b", "B", "ABOUT.md", "c", "Straße.md", "Strasse.md"]
    assert not all_fine_on_windows(names)
    assert all_fine_on_windows(["Straße.md", "Strasse.md"])  # two names to Windows too
    assert list(case_twins(names)) == [
        ("About.md", "ABOUT.md"),
        ("about.md", "ABOUT.md"),
        ("b", "B"),
    ]


def test_each_name_a_windows_clone_cannot_hold_is_a_warning_at_the_file(tmp_path: Path) -> None:
    require_names_apart(tmp_path)
    config_file = make_handbook(
        tmp_path,
        **{
            "content__aux.md": "# Aux\n",
            "content__what?.md": "# What\n",
            "content__About.md": "# About\n",
            "content__about.md": "# About\n",
            "content__Coalition__a.md": "# A\n",
            "content__coalition__b.md": "# B\n",
            "content__files__nul.txt": "Notes.\n",
            "glossary__con.yml": TERM.replace(
                "person experiencing homelessness", "unhoused person"
            ).replace("vagrant", "tramp"),
            # hidden: no file of the site, and no finding
            "content__.aux.md": "# Aux\n",
        },
    )
    assert finding_rows(config_file) == [
        ("content/about.md", 1, "warning", "page.source", TWIN.format("About.md")),
        ("content/aux.md", 1, "warning", "page.source", DEVICE.format("AUX")),
        ("content/coalition", 1, "warning", "page.source", TWIN.format("Coalition")),
        ("content/files/nul.txt", 1, "warning", "page.source", DEVICE.format("NUL")),
        ("content/what?.md", 1, "warning", "page.source", CHARACTER.format("'?'")),
        ("glossary/con.yml", 1, "warning", "glossary.schema", DEVICE.format("CON")),
    ]
    # The term is read all the same.
    assert "con" in run_checks(load_config(config_file)).context.handbook.terms


def test_the_cache_sees_a_case_twin_come_and_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    require_names_apart(tmp_path)
    monkeypatch.delenv("HANDBOOK_NO_CACHE", raising=False)
    config_file = make_handbook(tmp_path, **{"content__about.md": "# About\n"})
    assert finding_rows(config_file, cache=True) == []
    twin = tmp_path / "content" / "About.md"
    twin.write_text("# About\n", encoding="utf-8")
    twin_found = [("content/about.md", 1, "warning", "page.source", TWIN.format("About.md"))]
    assert finding_rows(config_file, cache=True) == twin_found
    assert finding_rows(config_file) == twin_found
    twin.rename(tmp_path / "content" / "ABOUT.md")
    assert finding_rows(config_file, cache=True) == [
        ("content/about.md", 1, "warning", "page.source", TWIN.format("ABOUT.md"))
    ]
    (tmp_path / "content" / "ABOUT.md").unlink()
    assert finding_rows(config_file, cache=True) == []


def test_a_folder_of_names_fine_on_windows_is_looked_at_whole(tmp_path: Path) -> None:
    """Review rv42: the walk of docs_dir on every run asked each page's name whether an
    editor left it (a regular expression each, since 30a75f6) before seeing that every
    name of the folder is fine on Windows, which one look at them all tells."""
    import os

    from work import calls_made

    from coalition_handbook.model.pages import _not_for_windows

    for index in range(500):
        (tmp_path / f"page-{index}.md").write_text("", encoding="utf-8")
    with os.scandir(tmp_path) as found:
        entries = list(found)
    # One call a name (is it hidden?), as before: not three.
    assert calls_made(lambda: list(_not_for_windows((), entries))) < 600
