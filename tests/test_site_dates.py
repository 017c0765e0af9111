"""The date every page of a build is stamped with (sitemap `lastmod`, the gzip header of
`sitemap.xml.gz`): the commit's, whatever the builder's git settings."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest
from git_repositories import git as any_git

from coalition_handbook.model.types import Handbook
from coalition_handbook.site.dates import content_date

# A gpg that says what gpg says when it cannot check a signature, and fails.
FAKE_GPG = '#!/bin/sh\necho "gpg: Signature made by a key this machine lacks" >&2\nexit 1\n'
SIGNATURE = "gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQ==\n -----END PGP SIGNATURE-----\n"


# Every git command here runs as on 4 March 2026, late in the evening at UTC-10.
git = functools.partial(any_git, env={"GIT_COMMITTER_DATE": "2026-03-04T23:00:00-10:00"})


def signed_commit(root: Path) -> None:
    """A commit with a signature header, as `git commit -S` writes one."""
    git(root, "init", "-q")
    git(root, "commit", "-q", "--allow-empty", "-m", "signed")
    text = git(root, "cat-file", "commit", "HEAD")
    head, _, message = text.partition("\n\n")
    forged = git(
        root,
        "hash-object",
        "-t",
        "commit",
        "-w",
        "--stdin",
        stdin=f"{head}\n{SIGNATURE}\n{message}\n",  # the newline git's output ended with
    )
    git(root, "update-ref", "HEAD", forged)


@pytest.mark.parametrize("show_signature", [False, True])
def test_pages_carry_the_commits_date_when_git_shows_signatures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, show_signature: bool
) -> None:
    """Audit: with `log.showSignature` set (as editors who sign their commits have it),
    gpg's lines came before the date, which then could not be read: the pages carried the
    newest history entry's date instead, so that builder's site differed from CI's."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    signed_commit(tmp_path)
    gpg = tmp_path / "gpg"
    gpg.write_text(FAKE_GPG, encoding="utf-8")
    gpg.chmod(0o755)
    git(tmp_path, "config", "gpg.program", str(gpg))
    git(tmp_path, "config", "log.showSignature", str(show_signature).lower())
    # The committer's own date (UTC-10), not the builder's: as `git log` shows it.
    assert content_date(tmp_path, Handbook({}, {}, {}, ())) == dt.date(2026, 3, 4)


def test_a_checkout_git_cannot_read_says_which_date_the_pages_carry(tmp_path: Path) -> None:
    """Audit: where git refuses the checkout (another user's folder in a container:
    "dubious ownership"; a worktree whose repository moved), the pages silently carried
    the newest history entry's date, and the site differed from CI's with no word why."""
    (tmp_path / ".git").write_text("gitdir: /nowhere/moved\n", encoding="utf-8")
    notes: list[str] = []
    assert content_date(tmp_path, Handbook({}, {}, {}, ()), notes) is None
    assert len(notes) == 1
    assert notes[0].startswith("pages are dated by the newest history entry, not the commit:")
    assert "git log failed" in notes[0] and "/nowhere/moved" in notes[0]


def test_outside_git_the_newest_history_date_is_no_news(tmp_path: Path) -> None:
    notes: list[str] = []
    content_date(tmp_path, Handbook({}, {}, {}, ()), notes)
    assert notes == []
