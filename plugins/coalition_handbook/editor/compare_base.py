"""The branch an editor's work is compared with, as this repository names it, for advice.

`handbook new` advised `handbook diff origin/main...`, which fails where there is no
`origin` remote, or where the default branch is not `main` (review). The advice names the
base this repository has instead: the remote's default branch, else its `main` or
`master`, else the current branch's upstream, else a local `main` or `master`. One git
call reads all of it; none is made outside a git repository.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import git

_REMOTES = "refs/remotes/"
_BRANCHES = "refs/heads/"
_DEFAULT_BRANCHES = ("main", "master")
_FIELDS = "%(refname)%00%(symref)%00%(HEAD)%00%(upstream)"


def compare_base(folder: Path, remote: str = "origin") -> str | None:
    """The branch that work in `folder` is compared with (`origin/trunk`, `main`), or
    None where it has none that this repository names (or it is no git repository)."""
    if not in_a_repository(folder):
        return None
    try:
        listing = git.git(folder, "for-each-ref", f"--format={_FIELDS}", _REMOTES, _BRANCHES)
    except git.GitError:  # git missing, or a repository it cannot read: advice only
        return None
    refs: dict[str, str] = {}  # every branch and remote-tracking branch: what it leads to
    upstream = ""
    for line in listing.decode("utf-8", "surrogateescape").splitlines():
        name, symref, current, tracked = line.split("\0")
        refs[name] = symref
        if current == "*":
            upstream = tracked
    # A branch that tracks a remote's branch: that remote's default comes first.
    upstream_remote = upstream.removeprefix(_REMOTES).partition("/")[0]
    if not upstream.startswith(_REMOTES):
        upstream_remote = ""
    found = (
        _remote_default(refs, remote)
        or (upstream_remote and _remote_default(refs, upstream_remote))
        or (upstream if upstream in refs else None)
        or next((_BRANCHES + b for b in _DEFAULT_BRANCHES if _BRANCHES + b in refs), None)
    )
    return _short(found) if found else None


def _remote_default(refs: dict[str, str], remote: str) -> str | None:
    """`remote`'s default branch as its `HEAD` names it (a clone records it), else its
    `main` or `master`; None when it has neither."""
    head = refs.get(f"{_REMOTES}{remote}/HEAD")
    if head and head in refs:  # a `HEAD` left pointing at a deleted branch is no base
        return head
    candidates = (f"{_REMOTES}{remote}/{branch}" for branch in _DEFAULT_BRANCHES)
    return next((name for name in candidates if name in refs), None)


def _short(ref: str) -> str:
    return ref.removeprefix(_REMOTES).removeprefix(_BRANCHES)


def in_a_repository(folder: Path) -> bool:
    """Whether `folder` is in a git working tree, read from the file system: advice
    after `handbook new` costs no git process where there is no repository."""
    if os.environ.get("GIT_DIR"):
        return True
    start = folder.resolve()
    return any((candidate / ".git").exists() for candidate in (start, *start.parents))
