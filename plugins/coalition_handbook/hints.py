"""The "did you mean" hint that every message about a misspelt name ends with."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest(name: object, candidates: Iterable[str]) -> str | None:
    """The candidate nearest to `name`, or None if none is near."""
    close = difflib.get_close_matches(str(name), list(candidates), n=1)
    return close[0] if close else None


def did_you_mean(name: object, candidates: Iterable[str]) -> str:
    """` (did you mean 'NEAREST'?)` for the candidate nearest to `name`, or "" if none is
    near."""
    found = nearest(name, candidates)
    return f" (did you mean '{found}'?)" if found else ""
