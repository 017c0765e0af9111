"""The "did you mean" hint that every message about a misspelt name ends with."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(name: object, candidates: Iterable[str]) -> str:
    """` (did you mean 'NEAREST'?)` for the candidate nearest to `name`, or "" if none is
    near."""
    close = difflib.get_close_matches(str(name), list(candidates), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
