"""One date for the whole build, so two builds of the same commit give the same files.

MkDocs stamps every page (sitemap `lastmod`, the gzip header of `sitemap.xml.gz`) with
the build's date unless `SOURCE_DATE_EPOCH` is set. The handbook stamps them with the
date of the commit being built instead, or, outside git, with its newest history entry.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from ..model.types import Handbook


def content_date(root: Path, handbook: Handbook, notes: list[str] | None = None) -> dt.date | None:
    """The date to stamp pages with; None leaves MkDocs' own (`SOURCE_DATE_EPOCH` set).
    Where `root` is in git but git cannot read the commit, `notes` hears why."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return None
    return _commit_date(root, [] if notes is None else notes) or _newest_history(handbook)


def _commit_date(root: Path, notes: list[str]) -> dt.date | None:
    try:
        completed = subprocess.run(
            # A builder's `log.showSignature` put gpg's lines before the date (audit).
            ["git", "log", "-1", "--no-show-signature", "--format=%cs"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    try:
        return dt.date.fromisoformat(completed.stdout.strip())
    except ValueError:
        pass
    # In git all the same (another user's checkout, "dubious ownership"; a worktree whose
    # repository moved): this build's pages differ from CI's, so say why.
    if _in_git(root):
        said = completed.stderr.strip().splitlines() or [f"exit status {completed.returncode}"]
        notes.append(
            "pages are dated by the newest history entry, not the commit: "
            f"git log failed ({said[0]})"
        )
    return None


def _in_git(root: Path) -> bool:
    return any((folder / ".git").exists() for folder in (root, *root.parents))


def _newest_history(handbook: Handbook) -> dt.date | None:
    dates = [
        entry.date
        for records in (handbook.terms, handbook.protocols, handbook.modules)
        for record in records.values()
        for entry in record.history
    ]
    return max(dates, default=None)
