"""`handbook diff` across a pull request that moves the whole handbook into a folder (or
out of one): each side is read from its own config file, found by git's rename detection
(or as the one file of its name the change takes away), and the move is said once."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_repositories import commit, git, quiet_git, write

from coalition_handbook.cli import main
from coalition_handbook.editor import git as editor_git
from coalition_handbook.editor.moved_handbook import base_config_path

CONFIG = "site_name: T\ndocs_dir: content\nplugins:\n  - handbook\n"
TERM = """\
term: survivor
version: {version}
definition: {definition}
history:
{history}"""
ENTRY = "  - version: {0}\n    date: 2026-0{0}-01\n    summary: Version {0}.\n"
PROTOCOL = """\
title: Hotel staff
version: 1
owner: Protocols committee
effective: 2026-01-01
review_by: 2030-01-01
audience: [hotel staff]
summary: What hotel staff do when they suspect trafficking.
steps:
  - title: Call
    detail: Call the hotline.
history:
  - version: 1
    date: 2026-01-01
    summary: Version 1.
"""
HANDBOOK = ("mkdocs.yml", "glossary", "protocols", "content")


def term(version: int = 1, definition: str = "A person who has experienced trafficking.") -> str:
    entries = "".join(ENTRY.format(number) for number in range(version, 0, -1))
    return TERM.format(version=version, definition=definition, history=entries)


@pytest.fixture(autouse=True)
def quiet_git_here(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    quiet_git(monkeypatch, tmp_path)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A handbook at the top of its repository: a term, a protocol, a page; committed."""
    root = tmp_path / "repository"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write(root, "mkdocs.yml", CONFIG)
    write(root, "content/index.md", "# Home\n\nWe support every survivor.\n")
    write(root, "glossary/survivor.yml", term())
    write(root, "protocols/hotel-staff.yml", PROTOCOL)
    commit(root, "base")
    return root


def move_into(root: Path, folder: str) -> None:
    (root / folder).mkdir(parents=True)
    for name in HANDBOOK:
        git(root, "mv", name, f"{folder}/{name}")


def run_diff(
    capsys: pytest.CaptureFixture[str], config_file: Path, *revisions: str
) -> tuple[int, str, str]:
    code = main(["diff", *revisions, "-f", str(config_file)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def moved_note(old: str, new: str, base: str) -> str:
    return (
        f"The handbook moved: `{old}` at `{base[:12]}` is `{new}` now. Each side is read "
        "from its own, so a file that moved with it is no change"
    )


PATHS_FROM = "Paths are from `{}/`, the folder of {}, as `handbook check` gives them.\n"


def test_a_handbook_moved_into_a_folder_is_said_once_and_nothing_else_changed(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: every term, protocol and page was reported added, under a warning that
    the base had no handbook/mkdocs.yml."""
    base = git(repository, "rev-parse", "HEAD")
    move_into(repository, "handbook")
    head = commit(repository, "moved")
    code, out, err = run_diff(capsys, repository / "handbook" / "mkdocs.yml", base, head)
    note = moved_note("mkdocs.yml", "handbook/mkdocs.yml", base)
    assert (code, err) == (0, f"handbook diff: {note}\n")
    assert out == (
        f"## Handbook changes: `{base[:12]}` → `{head[:12]}`\n\n> ⚠️ {note}\n\n"
        f"{PATHS_FROM.format('handbook', 'mkdocs.yml')}\n"
        "No glossary term, protocol or training module changed.\n"
    )


def test_a_change_made_as_the_handbook_moved_is_shown_from_the_folder_of_mkdocs_yml(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = git(repository, "rev-parse", "HEAD")
    move_into(repository, "docs/handbook")  # in the working tree, not committed
    write(repository, "docs/handbook/glossary/survivor.yml", term(definition="Changed."))
    git(
        repository,
        "mv",
        "docs/handbook/protocols/hotel-staff.yml",
        "docs/handbook/protocols/hotel.yml",
    )
    code, out, _ = run_diff(capsys, repository / "docs" / "handbook" / "mkdocs.yml", base)
    assert code == 1, out  # changed without a version bump
    assert "| terms | 0 | 0 | 0 | 0 | 1 |" in out
    assert "| protocols | 0 | 0 | 1 | 0 | 0 |" in out
    assert "`glossary/survivor.yml` (term `survivor`)" in out
    assert "renamed from `hotel-staff` (`protocols/hotel-staff.yml`)" in out
    assert out.count("The handbook moved") == 1
    assert "Checks switched off" not in out  # the base's settings are its own
    assert PATHS_FROM.format("docs/handbook", "mkdocs.yml") in out


def test_a_config_file_rewritten_as_it_moved_is_found_by_its_name(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Too changed for git to pair it: the one mkdocs.yml the change takes away."""
    base = git(repository, "rev-parse", "HEAD")
    move_into(repository, "handbook")
    git(repository, "mv", "handbook/content", "handbook/pages")
    rewritten = "# The coalition's handbook\nsite_name: Handbook\ndocs_dir: pages\n"
    write(repository, "handbook/mkdocs.yml", rewritten + "plugins:\n  - search\n  - handbook\n")
    head = commit(repository, "moved")
    changes = git(repository, "diff", "-M", "--name-status", base, head).splitlines()
    assert {"D\tmkdocs.yml", "A\thandbook/mkdocs.yml"} <= set(changes)  # not paired
    code, out, _ = run_diff(capsys, repository / "handbook" / "mkdocs.yml", base, head)
    assert code == 0, out
    assert "No glossary term, protocol or training module changed." in out
    assert moved_note("mkdocs.yml", "handbook/mkdocs.yml", base) in out


def test_a_handbook_moved_out_of_its_folder_is_read_from_there_at_the_base(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    move_into(repository, "handbook")
    base = commit(repository, "in a folder")
    for name in HANDBOOK:
        git(repository, "mv", f"handbook/{name}", name)
    code, out, _ = run_diff(capsys, repository / "mkdocs.yml", base)
    assert code == 0, out
    assert moved_note("handbook/mkdocs.yml", "mkdocs.yml", base) in out
    assert "No glossary term, protocol or training module changed." in out
    assert "Paths are from" not in out  # they are from the top


def test_no_config_file_is_taken_where_two_of_its_name_are_gone(repository: Path) -> None:
    """Two sites' config files taken away, neither paired with the new one: which was
    the handbook's cannot be told, and none is taken."""
    write(repository, "other/mkdocs.yml", "site_name: Other\n")
    base = commit(repository, "two sites")
    write(repository, "handbook/mkdocs.yml", "site_name: New\ndocs_dir: x\n")
    for path in ("mkdocs.yml", "other/mkdocs.yml"):
        git(repository, "rm", "-q", path)
    head = commit(repository, "new site")
    assert base_config_path(repository, base, head, "handbook/mkdocs.yml") is None
    assert base_config_path(repository, base, head, "mkdocs.yml") is None


def test_a_handbook_in_a_folder_says_where_its_paths_start(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: run from the top of the repository, the report named
    `glossary/survivor.yml` for `site/glossary/survivor.yml`, which a reviewer looked for
    at the top; the paths stay as `handbook check` gives them (from the folder of the
    config file), and the report says so once."""
    move_into(repository, "site")
    git(repository, "mv", "site/mkdocs.yml", "site/mkdocs.en.yml")
    base = commit(repository, "in a folder")
    write(repository, "site/glossary/survivor.yml", term(definition="Changed."))
    code, out, _ = run_diff(capsys, repository / "site" / "mkdocs.en.yml", base)
    assert code == 1
    assert out.count(PATHS_FROM.format("site", "mkdocs.en.yml")) == 1
    assert "`glossary/survivor.yml` (term `survivor`)" in out


def test_another_sites_config_file_taken_away_is_no_move_of_the_handbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The only mkdocs.yml a change takes away is that of a site with no term, protocol
    or module (the coalition's old blog), as a handbook is added in a folder: the base is
    said to have no handbook/mkdocs.yml, not to have moved the handbook."""
    root = tmp_path / "blog"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write(root, "mkdocs.yml", "site_name: Blog\ndocs_dir: posts\n")
    write(root, "posts/index.md", "# News\n")
    base = commit(root, "a blog")
    git(root, "rm", "-r", "-q", "mkdocs.yml", "posts")
    write(root, "handbook/mkdocs.yml", CONFIG)
    write(root, "handbook/glossary/survivor.yml", term())
    write(root, "handbook/content/index.md", "# Home\n")
    code, out, err = run_diff(capsys, root / "handbook" / "mkdocs.yml", base)
    assert code == 0, err
    assert "The handbook moved" not in out
    assert f"`{base[:12]}` has no `handbook/mkdocs.yml`" in out
    assert "| terms | 1 | 0 | 0 | 0 | 0 |" in out


def test_an_ordinary_diff_resolves_its_head_once(
    repository: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review: the head was resolved once more before every base was read, to look for a
    moved config file that an ordinary diff (mkdocs.yml where it was) never needs."""
    base = git(repository, "rev-parse", "HEAD")
    write(repository, "glossary/survivor.yml", term(2))
    head = commit(repository, "changed")
    resolved: list[str] = []
    resolve = editor_git.resolve_commit

    def counted(top: Path, revision: str) -> str | None:
        resolved.append(revision)
        return resolve(top, revision)

    monkeypatch.setattr(editor_git, "resolve_commit", counted)
    code, out, _ = run_diff(capsys, repository / "mkdocs.yml", base, head)
    assert code == 0, out
    assert sorted(resolved) == sorted([base, head])


def test_a_head_that_is_no_commit_tells_of_no_move(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: with a head that is no commit, the base was compared with the working
    tree, and a move found there was told before the head's error."""
    move_into(repository, "handbook")
    moved = commit(repository, "moved")
    git(repository, "checkout", "-q", f"{moved}~1")  # the working tree: mkdocs.yml at the top
    code, _, err = run_diff(capsys, repository / "mkdocs.yml", moved, "no-such-branch")
    assert code == 2
    assert "The handbook moved" not in err
    assert "'no-such-branch' is not a commit" in err


def test_a_config_file_renamed_as_it_moved_is_found_by_git(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: `git mv mkdocs.yml handbook/handbook.yml` was not looked for (only files
    named as the head's were compared), and every term was reported added."""
    base = git(repository, "rev-parse", "HEAD")
    move_into(repository, "handbook")
    git(repository, "mv", "handbook/mkdocs.yml", "handbook/handbook.yml")
    head = commit(repository, "moved and renamed")
    code, out, _ = run_diff(capsys, repository / "handbook" / "handbook.yml", base, head)
    assert code == 0, out
    assert moved_note("mkdocs.yml", "handbook/handbook.yml", base) in out
    assert "No glossary term, protocol or training module changed." in out
