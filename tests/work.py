"""Work measured by counting, not timing: tests never assert on seconds (a shared machine
makes them noise); the benchmarks time things."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


class TooMuchWork(AssertionError):
    """More calls than the budget: the work is not what the test expects (and stopping
    early keeps, say, an alias bomb that is expanded from running for ever)."""


def calls_made(function: Callable[..., Any], *args: Any, budget: int = 50_000_000) -> int:
    """How many Python and built-in functions `function(*args)` calls, regular
    expression and string methods included: the same on every machine, whatever its load."""
    count = 0

    def profile(frame: FrameType, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1
            if count > budget:
                raise TooMuchWork(f"more than {budget:,} calls")

    sys.setprofile(profile)
    try:
        function(*args)
    finally:
        sys.setprofile(None)
    return count
