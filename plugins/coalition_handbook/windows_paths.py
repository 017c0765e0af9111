"""Paths written as Windows reads them, and what to write so that every clone reads them.

On Windows `Glossary`, `glossary\\` and `.\\glossary` all name the folder `glossary`; on
Linux (CI) and macOS a `\\` is a letter of a name, and on Linux case tells names apart.
A setting or `-f` written so names nothing there: `windows_hint` says why, and what to
write instead, for the message that says it names nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

_SLASH_HINT = "paths are written with '/' (outside Windows a '\\' is part of a name)"
_CASE_HINT = "names are case-sensitive on Linux, as on CI"


def windows_hint(base: Path, named: str, *, folder: bool) -> str:
    """For `named` (relative to `base`, or absolute) that names no folder (`folder`) or
    no file: why, if it is written as only Windows (or macOS) reads it, with a `\\` or
    in another case than the name there is; else "". The text follows the message's
    own: `: paths are written with '/' (...): write 'glossary/'`."""
    slashed = named.replace("\\", "/")
    there = _as_there(base, slashed, folder=folder)
    reasons = []
    if slashed != named:
        reasons.append(_SLASH_HINT)
    if there is not None and there != slashed:
        reasons.append(f"there is '{there}', differing in case only ({_CASE_HINT})")
    elif there is not None and reasons:
        reasons[-1] += f": write '{there}'"
    return ": " + ", and ".join(reasons) if reasons else ""


def _as_there(base: Path, named: str, *, folder: bool) -> str | None:
    """`named` (written with `/`) as the folder or file there is spelt, each part in the
    case found (a part as written first), or None if there is none."""
    at = Path("/") if named.startswith("/") else base
    found: list[str] = []
    parts = named.split("/")
    last = max((index for index, part in enumerate(parts) if part), default=-1)
    for index, part in enumerate(parts):
        if part in ("", ".", ".."):  # `/` at either end, `./`, `../`: as written
            found.append(part)
            at = at / part if part else at
            continue
        match = _entry_in_any_case(at, part, is_folder=folder or index != last)
        if match is None:
            return None
        found.append(match)
        at = at / match
    return "/".join(found) if last >= 0 else None


def _entry_in_any_case(folder: Path, name: str, *, is_folder: bool) -> str | None:
    """The entry of `folder` named `name` in any case, as spelt there (`name` itself
    first), that is a folder (`is_folder`) or a file; None if there is none."""
    wanted = name.casefold()
    try:
        with os.scandir(folder) as entries:
            names = sorted(
                (entry.name for entry in entries if entry.name.casefold() == wanted),
                key=lambda entry_name: entry_name != name,
            )
    except OSError:  # no such folder, or one that cannot be read
        return None
    for entry_name in names:
        path = folder / entry_name
        if path.is_dir() if is_folder else path.is_file():
            return entry_name
    return None
