"""The few git plumbing commands `handbook diff` needs, run as subprocesses.

Plumbing only (`rev-parse`, `ls-tree`, `cat-file`, `diff-tree`, `diff-index`), whose output
does not change with the user's git configuration; paths are read NUL-separated so no name
is quoted or mangled.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Callable
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
    found = _verified(repository, f"{revision}^{{commit}}")
    if found is None:
        # `:/text` (the newest commit whose message matches) reads all that follows as
        # the text, `^{commit}` too: name the object first, then its commit (audit).
        named = _verified(repository, revision)
        found = _verified(repository, f"{named}^{{commit}}") if named else None
    return found


def _verified(repository: Path, revision: str) -> str | None:
    """The object id `git rev-parse --verify` gives for `revision`, or None."""
    try:
        output = git(repository, "rev-parse", "--verify", "--quiet", revision)
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


def has_commits(repository: Path) -> bool:
    """Whether any branch or tag here names a commit (a repository just made has none)."""
    return bool(git(repository, "rev-list", "-n", "1", "--all").strip())


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


def renamed_files(
    repository: Path, base: str, head: str | None, folders: list[str]
) -> dict[str, str]:
    """The files under `folders` (paths from the top) that git finds renamed from the
    commit `base` to the commit `head` (None: the working tree, the files git tracks),
    new path -> old path, from the top, with `/`. By git's own rename detection (`-M`: a
    file that keeps half its content or more), as `git diff` and a pull request show
    them."""
    if not folders:
        return {}
    compared = ["diff-tree", "-r", base, head] if head is not None else ["diff-index", base]
    # Folders named as they are: a `[` or `*` in a name is no pattern.
    pathspecs = [f":(literal){folder}" for folder in folders]
    output = git(repository, *compared, "-z", "-M", "--name-status", "--", *pathspecs)
    fields = output.split(b"\0")
    renamed: dict[str, str] = {}
    index = 0
    while index < len(fields) and fields[index]:
        status = fields[index].decode("ascii")
        paths = [path.decode("utf-8", "surrogateescape") for path in fields[index + 1 : index + 3]]
        if status.startswith("R"):  # R and its similarity, then the old and the new path
            renamed[paths[1]] = paths[0]
            index += 3
        else:  # one path follows (no copies are looked for)
            index += 2
    return renamed


# How much of a blob is held at once while it is copied to its file.
_CHUNK = 1 << 20


class _BlobReader:
    """One `git cat-file --batch`, asked for one blob at a time, whose content is copied
    in pieces: a revision's videos or PDFs are never held in memory (audit: 859 MB for
    400 MB of media). git answers each request before it reads the next (it flushes
    after each object), so asking and reading in turn cannot block."""

    def __init__(self, repository: Path) -> None:
        command = ["git", "-c", "core.quotepath=off", "cat-file", "--batch"]
        try:
            self.process = subprocess.Popen(
                command,
                cwd=repository,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,  # an object it cannot read is told on stdout
            )
        except FileNotFoundError:
            raise GitError(MISSING) from None
        assert self.process.stdin is not None and self.process.stdout is not None
        self.requests, self.answers = self.process.stdin, self.process.stdout

    def __enter__(self) -> _BlobReader:
        return self

    def __exit__(self, *_: object) -> None:
        for stream in (self.requests, self.answers):
            with contextlib.suppress(OSError):  # git is gone already
                stream.close()
        self.process.wait()

    def read(self, blob: Blob) -> bytes:
        """The whole content of a small blob (a link's target)."""
        pieces: list[bytes] = []
        self.copy(blob, pieces.append)
        return b"".join(pieces)

    def copy(self, blob: Blob, write: Callable[[bytes], object]) -> None:
        """Pass `blob`'s content to `write`, a piece at a time. Where `write` fails, the
        rest of the blob is still read, so the next request gets its own answer; then
        the failure is raised."""
        remaining = self._ask(blob)
        failure: OSError | None = None
        while remaining:
            piece = self.answers.read(min(remaining, _CHUNK))
            if not piece:
                raise GitError(f"cannot read {blob.path} ({blob.object_id}) from the repository")
            remaining -= len(piece)
            if failure is None:
                try:
                    write(piece)
                except OSError as error:
                    failure = error
        self.answers.read(1)  # the content is followed by a newline
        if failure is not None:
            raise failure

    def _ask(self, blob: Blob) -> int:
        """Ask for `blob`; the size of its content, which follows."""
        with contextlib.suppress(OSError):  # git ended: the header below says nothing
            self.requests.write(f"{blob.object_id}\n".encode("ascii"))
            self.requests.flush()
        header = self.answers.readline().decode("ascii", "replace").split()
        if len(header) != 3 or header[1] != "blob":
            raise GitError(f"cannot read {blob.path} ({blob.object_id}) from the repository")
        return int(header[2])


def export(
    repository: Path,
    commit: str,
    folders: list[str],
    destination: Path,
    links: bool = False,
    wanted: Callable[[str], bool] | None = None,
) -> list[str]:
    """Write the files under `folders` in `commit` below `destination`; their paths.
    With `wanted`, only the files whose path (from the repository's top) it accepts, and
    the symbolic links: what is not read is not copied. With `links`, a symbolic link is
    made again as a link, after the files: the handbook read from `destination` then
    follows it, or refuses it, as it does in a checkout.

    Nothing is written outside `destination`: git stores names that no checkout writes
    (`..`, two entries that differ only in case), and a link could lead a later file
    elsewhere. Such a file is left out, as a checkout would refuse it.
    """
    blobs = list_blobs(repository, commit, folders, links)
    for blob in blobs:
        if blob.link and blob.path in folders:  # its files would be those it leads to
            raise GitError(f"{blob.path} is a symbolic link in {commit[:12]}, not a folder")
    if wanted is not None:
        blobs = [blob for blob in blobs if blob.link or wanted(blob.path)]
    if not blobs:
        return []
    with _BlobReader(repository) as reader:
        for blob in sorted(blobs, key=lambda blob: blob.link):
            target = _export_target(destination, blob.path)
            if target is None:
                continue
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                if blob.link:
                    target.symlink_to(os.fsdecode(reader.read(blob)))
                else:
                    with target.open("xb") as file:  # never through a link, never twice
                        reader.copy(blob, file.write)
            except (OSError, ValueError):  # taken (a file where a folder goes), no links
                continue  # here (Windows), a NUL in a link
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
