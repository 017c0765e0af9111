"""Where the base kept the config file that the head has elsewhere: a handbook moved.

A pull request that moves the whole handbook into a folder (`git mv mkdocs.yml glossary
protocols content handbook/`) changes no term. Read from the head's `handbook/mkdocs.yml`,
which the base does not have, every term, protocol and page was reported added (review).
The base's own config file is found as a reviewer sees it in the pull request: the file
git's rename detection pairs with the head's (`-M`, as `git diff` shows renames), else the
only file of that name the base has and the head no longer has (one rewritten as well as
moved). Its handbook is then read from that file's folders, paths from its own folder.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from . import git
from .report_markdown import inline_code

# What git's glob pathspec reads as a pattern: a name's own are escaped.
_GLOB_SPECIAL = re.compile(r"([*?\[\]\\])")
# The names MkDocs looks for a config file by, without `-f`.
_MKDOCS_NAMES = ("mkdocs.yml", "mkdocs.yaml")


@dataclass(frozen=True)
class HandbookMoved:
    """The base (`side`, as the report names it) has its config file at `old_path`,
    which is `new_path` at the head (both from the top of the repository)."""

    old_path: str
    new_path: str
    side: str = ""

    def text(self) -> str:
        """The note as one line of plain text (for stderr)."""
        return self._written(f"`{self.old_path}`", f"`{self.new_path}`")

    def markdown(self) -> str:
        return self._written(inline_code(self.old_path), inline_code(self.new_path))

    def _written(self, old_path: str, new_path: str) -> str:
        return (
            f"The handbook moved: {old_path} at {self.side} is {new_path} now. Each side "
            "is read from its own, so a file that moved with it is no change"
        )


def base_config_path(repository: Path, base: str, head: str | None, path: str) -> str | None:
    """Where commit `base` has the config file that is `path` (from the top of the
    repository, with `/`) at commit `head` (None: the working tree), when `base` has none
    at `path`: the file git finds renamed to it, else the one file of its name that
    `base` has and `head` does not; None where neither is found (it may be new)."""
    name = posixpath.basename(path)
    # git pairs renames among the files the pathspecs keep: a config file renamed as it
    # moved (`git mv mkdocs.yml handbook/handbook.yml`) is paired from MkDocs' names.
    names = dict.fromkeys((name, *_MKDOCS_NAMES))
    pathspecs = [":(glob)**/" + _GLOB_SPECIAL.sub(r"\\\1", each) for each in names]
    compared = ["diff-tree", "-r", base, head] if head is not None else ["diff-index", base]
    try:
        output = git.git(repository, *compared, "-z", "-M", "--name-status", "--", *pathspecs)
    except git.GitError:
        return None
    changed = _name_status(output.decode("utf-8", "surrogateescape"))
    renamed = [paths[0] for status, paths in changed if status == "R" and paths[-1] == path]
    if renamed:
        return renamed[0]
    # Not paired (rewritten as it moved): the only one of its name that is gone.
    gone = [
        paths[0]
        for status, paths in changed
        if status == "D" and posixpath.basename(paths[0]) == name
    ]
    return gone[0] if len(gone) == 1 else None


def _name_status(output: str) -> list[tuple[str, list[str]]]:
    """`git diff --name-status -z -M`'s entries: each status letter (`R` without its
    similarity) and its paths (a rename's old one, then its new one)."""
    fields = output.split("\0")
    entries: list[tuple[str, list[str]]] = []
    index = 0
    while index < len(fields) and fields[index]:
        status = fields[index][0]
        count = 2 if status in "RC" else 1
        entries.append((status, fields[index + 1 : index + 1 + count]))
        index += 1 + count
    return entries
