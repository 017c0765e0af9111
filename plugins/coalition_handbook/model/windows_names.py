"""File names that a clone on Windows cannot hold, though Linux and macOS, and git, take
them: a device's name (`aux.md`, `con.yml`), a character Windows keeps out of names
(`what?.md`), a name that ends in a dot or a space; and, on Windows and macOS alike, whose
file systems take a name in any case as the same, two names of one folder that differ
only in case (`About.md`, `about.md`), or on macOS only in how their accents are encoded
(`protección.md` composed and decomposed: `file_names.composed`). An editor on Linux may
commit them; a Windows or Mac editor's clone then stops, or holds one of the two (audit).
`handbook new` refuses the device names (`editor.scaffold`); the checks warn of each such
name, at the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..file_names import composed
from ..lazy_pattern import LazyPattern

# Names Windows keeps for devices, with any suffix (`con.yml`): git cannot check such a
# file out there.
WINDOWS_DEVICE_NAMES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)]
)
# What Windows keeps out of a file name: these, and the control characters.
_NOT_IN_A_NAME = LazyPattern(r'[<>:"|?*\\\x00-\x1f]')
# Finds, in a folder's names joined by `/` (which no name holds) and ended by one, each
# name `windows_name_problem` may find a problem in: one search a folder, as the walk of
# docs_dir tries every name, and most folders hold none.
_MAYBE_NOT_ON_WINDOWS = LazyPattern(
    _NOT_IN_A_NAME.pattern + r"|[. ]/|(?:^|/)(?i:con|prn|aux|nul|com[1-9]|lpt[1-9]) *[./]"
)
_WHY = "cannot be checked out on Windows, "


def device_name(name: str) -> str | None:
    """The device that the file name `name` names on Windows (`AUX` for `aux.md`), or None."""
    stem = name.partition(".")[0].rstrip(" ")
    return stem.upper() if stem.lower() in WINDOWS_DEVICE_NAMES else None


def all_fine_on_windows(names: list[str]) -> bool:
    """Whether a folder holding `names` can be checked out on Windows as it is: none of
    them has a `windows_name_problem`, and no two are `case_twins`."""
    joined = "/".join(names) + "/"
    if _MAYBE_NOT_ON_WINDOWS.search(joined):
        return False
    return len(set(composed(joined).lower().split("/"))) == len(names) + 1


def windows_name_problem(name: str) -> str | None:
    """Why a file or folder named `name` cannot be checked out on Windows, or None."""
    device = device_name(name)
    if device is not None:
        return f"{_WHY}where {device} names a device, not a file: give it another name"
    character = _NOT_IN_A_NAME.search(name)
    if character is not None:
        shown = repr(character.group())  # a control character is shown escaped
        return f"{_WHY}whose file names cannot hold {shown}: give it another name"
    if name.endswith((".", " ")):
        return f"{_WHY}whose file names cannot end in a dot or a space: give it another name"
    return None


def case_twins(names: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(name, the first name) for each of `names` (of one folder) whose name differs from
    an earlier one's only in case or in how its accents are encoded, in sorted order."""
    first: dict[str, str] = {}
    for name in sorted(names):
        folded = composed(name).lower()  # as Windows compares names: `Straße` is not `Strasse`
        if folded in first:
            yield name, first[folded]
        else:
            first[folded] = name


def case_twin_problem(name: str, first: str) -> str:
    """Why `name`, which differs from `first`'s only in case or in how its accents are
    encoded, is a problem."""
    if composed(name) == composed(first):
        return (
            f"its name is {composed(first)}'s with its accents encoded otherwise (composed "
            "or decomposed): a clone on macOS, where such names are the same, holds only one "
            "of the two; rename one"
        )
    return (
        f"its name differs from {first}'s only in case: a clone on Windows or macOS, where "
        "file names are the same in any case, holds only one of the two; rename one"
    )
