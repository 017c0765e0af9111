"""Where `handbook new` writes a file that this repository removed before.

A term removed last year and scaffolded again starts over at version 1 with a sample
definition: its history, sources and translations stay in git, and members who read its
page before find it again at the same address with no word of them (audit aud60). The
note says when the file went and how to bring it back instead.
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from . import git
from .compare_base import in_a_repository


def removed_before_note(path: Path, shown: str, kind: str) -> str | None:
    """A note on the commit that removed the file at `path` (`shown` as from mkdocs.yml's
    folder, as findings name files), of a `kind` ("term"); none where no commit removed
    it, or where git cannot tell (advice only). The command names the file from the
    current folder, where the editor runs it (`handbook new -f site/mkdocs.yml`)."""
    folder = path.parent
    if not in_a_repository(folder):
        return None
    try:
        output = git.git(
            folder, "log", "-1", "--diff-filter=D", "--format=%h%x00%as", "--", path.name
        )
    except git.GitError:
        return None
    commit, _, day = output.decode("utf-8", "replace").strip().partition("\0")
    if not commit:
        return None
    return (
        f"note: {shown} was removed in commit {commit} ({day}); its history and text are "
        f"in git. To bring the {kind} back with them rather than start over at version 1, "
        "delete this file and run\n"
        f"  git checkout {commit}^ -- {shlex.quote(_from_here(path))}\n"
        "then raise its version and add a history entry for it."
    )


def _from_here(path: Path) -> str:
    """`path` from the current folder, as a command run there names it (`../glossary/x.yml`
    from `content/`); as given where it has no such path (another drive, a folder gone)."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except (ValueError, OSError):
        return str(path)
