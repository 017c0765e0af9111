"""Where `handbook new` writes a file that this repository removed before.

A term removed last year and scaffolded again starts over at version 1 with a sample
definition: its history, sources and translations stay in git, and members who read its
page before find it again at the same address with no word of them (audit aud60). The
note says when the file went and how to bring it back instead.
"""

from __future__ import annotations

from pathlib import Path

from . import git
from .compare_base import in_a_repository


def removed_before_note(path: Path, shown: str, kind: str) -> str | None:
    """A note on the commit that removed the file at `path` (`shown` as from mkdocs.yml's
    folder, where the editor runs `handbook`), of a `kind` ("term"); none where no commit
    removed it, or where git cannot tell (advice only)."""
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
        f"  git checkout {commit}^ -- {shown}\n"
        "then raise its version and add a history entry for it."
    )
