"""Git repositories the tests make in a temporary folder: one way to run git in them and
to commit, shared by the diff, cache, handout cache, site date and guide tests."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

import pytest

# Who the tests commit as: no user's own git configuration is needed, nor read for it.
_EDITOR = ("-c", "user.name=Editor", "-c", "user.email=editor@example.org")


def git(
    repository: Path,
    *args: str,
    stdin: str | bytes | None = None,
    env: Mapping[str, str] | None = None,
) -> str:
    """`git args...` in `repository`, committing as the tests' editor; its output, stripped.
    `stdin` is text, or bytes (a tree's entries, a blob) read as git reads a file; `env`
    adds variables to the test's own (`GIT_COMMITTER_DATE`)."""
    completed = subprocess.run(
        ["git", *_EDITOR, *args],
        cwd=repository,
        input=stdin,
        capture_output=True,
        text=not isinstance(stdin, bytes),
        check=True,
        env=None if env is None else {**os.environ, **env},
    )
    output: str | bytes = completed.stdout
    return (output.decode() if isinstance(output, bytes) else output).strip()


def write(repository: Path, path: str, text: str) -> None:
    """`text` written to `path` (with `/`) in `repository`, its folders made."""
    target = repository / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def commit(repository: Path, message: str = "change") -> str:
    """Everything in `repository`'s folder committed (but what .gitignore leaves out);
    the commit's id."""
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "--allow-empty", "-m", message)
    return git(repository, "rev-parse", "HEAD")


def quiet_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user or system git configuration, nor GitHub Actions' variables, leaks into a
    test: under GitHub Actions the diff's report is cut to a step summary's size and its
    problems are written as workflow commands."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_ALLOW_PROTOCOL", "file")
    for name in ("GITHUB_ACTIONS", "GITHUB_WORKSPACE", "GITHUB_BASE_REF"):
        monkeypatch.delenv(name, raising=False)
