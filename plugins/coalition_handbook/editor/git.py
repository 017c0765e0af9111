"""The few git plumbing commands `handbook diff` needs, run as subprocesses.

Plumbing only (`rev-parse`, `ls-tree`, `cat-file`), whose output does not change with the
user's git configuration; paths are read NUL-separated so no name is quoted or mangled.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path


class GitError(Exception):
    """git is missing, or a git command failed; the message says which and why."""


MISSING = "git is not installed (or not on PATH)"


@dataclass(frozen=True)
class Blob:
    """A file in a revision: its path from the repository's top, with `/`. A symbolic
    link's blob holds the path it leads to."""

    path: str
    object_id: str
    link: bool = False


def git(repository: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Run `git args...` in `repository`; its stdout, or GitError with git's own message."""
    command = ["git", "-c", "core.quotepath=off", *args]
    try:
        completed = subprocess.run(
            command, cwd=repository, input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise GitError(MISSING) from None
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip()
        raise GitError(f"`git {' '.join(args)}` failed: {message}")
    return completed.stdout


def top_level(path: Path) -> Path:
    """The top directory of the working tree that contains `path`."""
    output = git(path, "rev-parse", "--show-toplevel")
    return Path(output.decode("utf-8").strip()).resolve()


def resolve_commit(repository: Path, revision: str) -> str | None:
    """The commit id `revision` names, or None when there is no such commit here."""
    if revision.startswith("-"):  # never let a revision be read as an option
        return None
    try:
        output = git(repository, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except GitError:
        return None
    return output.decode("ascii").strip() or None


def merge_base(repository: Path, left: str, right: str) -> str | None:
    """The best common ancestor of two commits, or None when they have none here (a
    shallow clone may not hold it)."""
    try:
        output = git(repository, "merge-base", left, right)
    except GitError:
        return None
    return output.decode("ascii").strip() or None


def is_shallow(repository: Path) -> bool:
    output = git(repository, "rev-parse", "--is-shallow-repository")
    return output.strip() == b"true"


def list_blobs(
    repository: Path, commit: str, folders: list[str], links: bool = False
) -> list[Blob]:
    """Every file under `folders` (paths from the top) in `commit`, recursively, with
    the symbolic links among them if `links`. Submodules are left out: they are not
    handbook content.
    """
    if not folders:
        return []
    output = git(repository, "ls-tree", "-r", "-z", "--full-tree", commit, "--", *folders)
    blobs: list[Blob] = []
    for entry in output.split(b"\0"):
        if not entry:
            continue
        info, _, raw_path = entry.partition(b"\t")
        mode, kind, object_id = info.decode("ascii").split()
        if kind == "blob" and (mode in ("100644", "100755") or (links and mode == "120000")):
            path = raw_path.decode("utf-8", "surrogateescape")
            blobs.append(Blob(path, object_id, link=mode == "120000"))
    return blobs


def read_blobs(repository: Path, blobs: list[Blob]) -> dict[str, bytes]:
    """The contents of `blobs` by path, read with one `git cat-file --batch`."""
    if not blobs:
        return {}
    request = "".join(f"{blob.object_id}\n" for blob in blobs).encode("ascii")
    output = git(repository, "cat-file", "--batch", stdin=request)
    contents: dict[str, bytes] = {}
    position = 0
    for blob in blobs:
        header_end = output.index(b"\n", position)
        header = output[position:header_end].decode("ascii").split()
        if len(header) != 3 or header[1] != "blob":
            raise GitError(f"cannot read {blob.path} ({blob.object_id}) from the repository")
        size = int(header[2])
        start = header_end + 1
        contents[blob.path] = output[start : start + size]
        position = start + size + 1  # the content is followed by a newline
    return contents


def export(
    repository: Path, commit: str, folders: list[str], destination: Path, links: bool = False
) -> list[str]:
    """Write the files under `folders` in `commit` below `destination`; their paths.
    With `links`, a symbolic link is made again as a link, after the files: the handbook
    read from `destination` then follows it, or refuses it, as it does in a checkout.

    Nothing is written outside `destination`: git stores names that no checkout writes
    (`..`, two entries that differ only in case), and a link could lead a later file
    elsewhere. Such a file is left out, as a checkout would refuse it.
    """
    blobs = list_blobs(repository, commit, folders, links)
    for blob in blobs:
        if blob.link and blob.path in folders:  # its files would be those it leads to
            raise GitError(f"{blob.path} is a symbolic link in {commit[:12]}, not a folder")
    contents = read_blobs(repository, blobs)
    for blob in sorted(blobs, key=lambda blob: blob.link):
        target = _export_target(destination, blob.path)
        if target is None:
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if blob.link:
                target.symlink_to(os.fsdecode(contents[blob.path]))
            else:
                with target.open("xb") as file:  # never through a link, never twice
                    file.write(contents[blob.path])
        except (OSError, ValueError):  # taken (a file where a folder goes), no links here
            continue  # (Windows), a NUL in a link
    return [blob.path for blob in blobs]


def _export_target(destination: Path, path: str) -> Path | None:
    """Where `export` writes the file at `path` (from the repository's top): None if
    the path has a part that is empty, `.` or `..` (or, on Windows, one that the system
    reads otherwise: a drive, a `\\`, a trailing dot or space), or goes through a link
    made before."""
    parts = path.split("/")
    if any(part in ("", ".", "..") or _read_otherwise(part) for part in parts):
        return None
    folder = destination
    for part in parts[:-1]:
        folder = folder / part
        if folder.is_symlink():
            return None
    target = folder / parts[-1]
    # The last word: the path as the system joins it, without following links (checked
    # above), stays in the folder.
    joined, folder_joined = os.path.abspath(target), os.path.abspath(destination)  # noqa: PTH100
    if not joined.startswith(folder_joined + os.sep):
        return None
    return target


def _read_otherwise(part: str) -> bool:
    """Whether Windows reads a name otherwise than git stores it: with a drive or a
    separator in it, or without its trailing dots and spaces (`.. ` is `..`)."""
    return _WINDOWS and (any(char in part for char in "\\:") or part[-1] in ". ")


_WINDOWS = os.name == "nt"
