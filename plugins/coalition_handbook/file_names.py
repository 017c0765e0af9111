"""How the handbook names files in its messages: relative to mkdocs.yml's folder, as
findings name them, or to the current folder, as a user named them."""

from __future__ import annotations

import functools
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path


def composed(name: str) -> str:
    """`name` with its accented letters composed (NFC): how the handbook names a file in
    findings, page addresses and links, whatever form its name has on disk. macOS apps
    and Finder write `protección.md` decomposed (NFD); git on macOS records it composed
    (core.precomposeunicode), as CI's clone then has it, and as links are typed (audit:
    a link typed to it found no page). A file is still opened by the name it has."""
    if name.isascii() or unicodedata.is_normalized("NFC", name):
        return name
    return unicodedata.normalize("NFC", name)


def on_disk(root: Path, name: str) -> Path:
    """The file or folder that `name` (relative to `root`, with `/`, as `composed` names
    it) is on disk: `root / name` where that is there, else each part of it as its folder
    holds it, accented letters encoded as they may be (a folder committed decomposed from
    a Mac: `protección/índice.md` on Linux); `root / name` where none is there. A part
    named as typed comes first, then its twins by name: the same file on every run."""
    path = root / name
    if name.isascii() or os.path.lexists(path):
        return path
    found = _found_below(root, name.split("/"))
    return path if found is None else found


def _found_below(folder: Path, parts: list[str]) -> Path | None:
    """`folder` joined to `parts`, each as some entry holds it; None if none is there.
    Past a twin folder without the rest (`protección/` composed and decomposed, the page
    in one of them), the next twin is tried."""
    if not parts:
        return folder if os.path.lexists(folder) else None
    part, rest = parts[0], parts[1:]
    if part in ("", ".", "..") or part.isascii():  # no other encoding of the name
        return _found_below(folder / part, rest)
    for candidate in _entries_named(folder, part):
        found = _found_below(candidate, rest)
        if found is not None:
            return found
    return None


def _entries_named(folder: Path, part: str) -> Iterator[Path]:
    """The entries of `folder` whose name is `part` once both are composed: `part` as
    typed first, then the others in order of name (the folder listed only then)."""
    if os.path.lexists(folder / part):
        yield folder / part
    try:
        changed = folder.stat().st_mtime_ns
    except OSError:  # no such folder
        return
    listing = _names_by_composed(os.path.abspath(folder), changed)  # noqa: PTH100 (no resolving)
    names = listing.get(composed(part), ())
    yield from (folder / each for each in names if each != part)


@functools.lru_cache(maxsize=64)
def _names_by_composed(folder: str, changed: int) -> dict[str, tuple[str, ...]]:
    """The names of `folder`'s entries by their composed name, in order of name, as the
    folder was when last `changed` (a new listing once an entry comes or goes). Listed
    once, not once per name looked up: 1,000 pages committed decomposed in one folder
    listed it 1,000 times (1.1 s)."""
    found: dict[str, list[str]] = {}
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError:  # not a folder
        return {}
    for name in names:
        found.setdefault(composed(name), []).append(name)
    return {name: tuple(each) for name, each in found.items()}


def relative_name(path: Path, root: Path) -> str:
    """`HandbookConfig.relative` before there is a config: `path` relative to `root`,
    with `/`, `../` outside it, absolute on another drive; `composed`."""
    target, resolved_root = resolved(path), root.resolve()
    try:
        return composed(target.relative_to(resolved_root).as_posix())
    except ValueError:
        pass
    try:
        return composed(Path(os.path.relpath(target, resolved_root)).as_posix())
    except ValueError:
        return composed(path.as_posix())


def shown_name(path: Path) -> str:
    """How a message names a file the user named (`-f sub/mkdocs.yml`, `-o out`) or will
    open (what `handbook new` and `handbook handouts` write): relative to the current
    folder where it is in it, else as given; findings name files from mkdocs.yml's
    folder all the same (DESIGN section 6)."""
    try:
        return Path(os.path.abspath(path)).relative_to(Path.cwd()).as_posix()  # noqa: PTH100
    except (ValueError, OSError):  # outside the current folder, or that folder is gone
        return str(path)


def resolved(path: Path) -> Path:
    """`path.resolve()`, or for a link that loops, the absolute path of the link itself
    (a finding then names it; `resolve` raises)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))  # noqa: PTH100 (no resolving)
