"""The "did you mean" hint that every message about a misspelt name ends with."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable


def nearest(name: object, candidates: Iterable[str]) -> str | None:
    """The candidate nearest to `name`, or None if none is near."""
    close = difflib.get_close_matches(str(name), list(candidates), n=1)
    return close[0] if close else None


def did_you_mean(name: object, candidates: Iterable[str]) -> str:
    """` (did you mean 'NEAREST'?)` for the candidate nearest to `name`, or "" if none is
    near."""
    return suggested(nearest(name, candidates))


def suggested(found: str | None) -> str:
    """` (did you mean 'FOUND'?)`, or "" for none found."""
    return f" (did you mean '{found}'?)" if found else ""


def did_you_mean_id(name: str, ids: Iterable[str]) -> str:
    """`did_you_mean` for an id that names no file, where the nearest is a slip of a few
    letters from it (`survivr`, `hotel-employees`) or has its words in another order
    (`labor-forced`): not where only some letters are shared (`peonage`, removed, is no
    misspelling of `debt-bondage`, which difflib finds near)."""
    found = nearest(name, ids)
    if found is None or edit_distance(name, found) > max(2, len(name) // 4):
        found = _reordered(name, ids)
    if found is None:
        return ""
    return f" (did you mean '{found}'?)"


def edit_distance(first: str, second: str) -> int:
    """How many characters to insert, delete, replace or swap with the next to make
    `first` into `second` (`privcy` is 1 from `privacy`, `tremm` 2 from `term`)."""
    before: list[int] = []
    previous = list(range(len(second) + 1))
    for index, character in enumerate(first, 1):
        current = [index]
        for other_index, other in enumerate(second, 1):
            cost = min(
                previous[other_index] + 1,
                current[other_index - 1] + 1,
                previous[other_index - 1] + (character != other),
            )
            if (
                index > 1
                and other_index > 1
                and character == second[other_index - 2]
                and first[index - 2] == other
            ):
                cost = min(cost, before[other_index - 2] + 1)
            current.append(cost)
        before, previous = previous, current
    return previous[-1]


def _reordered(name: str, ids: Iterable[str]) -> str | None:
    """The id of the same words in another order (`labor-forced` for `forced-labor`),
    which difflib and the edit distance find far (ed63)."""
    words = sorted(name.split("-"))
    same = (other for other in ids if other != name and sorted(other.split("-")) == words)
    return next(same, None)


class NamedIds:
    """Ids by the id each of their names would make (`hotel-or-motel-employee-who-...`,
    a protocol's title, which the schema's advice made an id of; `forced-labour`, a
    term's alias): read once, at the first id that names no file."""

    def __init__(self, names: Callable[[], Iterable[tuple[str, str]]], what: str) -> None:
        self._names = names
        self._what = what
        self._by_slug: dict[str, tuple[str, str]] | None = None

    def did_you_mean(self, ref: str, naming: str = "") -> str:
        """` (did you mean 'ID', WHAT 'NAME'?)` for the record one of whose names makes
        `ref`, or "": not `naming`, the record that names it (a term's own alias in its
        `related`). An id is a file's name, which no name of the record need be."""
        if self._by_slug is None:
            from .slugs import slugify  # the error path alone

            self._by_slug = {}
            for record_id, name in self._names():
                self._by_slug.setdefault(slugify(name), (record_id, name))
        found = self._by_slug.get(ref)
        if found is None or found[0] in (ref, naming):
            return ""
        return f" (did you mean '{found[0]}', {self._what} '{found[1]}'?)"
