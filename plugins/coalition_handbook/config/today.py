"""The day the checks take as today: review dates fall due against it."""

from __future__ import annotations

import datetime as dt
import os

from .problems import Problems

TODAY_VARIABLE = "HANDBOOK_TODAY"


def today_from_environment(where: str, problems: Problems) -> dt.date:
    """The date the checks take as today (review dates fall due against it): the
    system's, or `HANDBOOK_TODAY=YYYY-MM-DD`, to see which reviews a coming meeting will
    find overdue, or to check a handbook as of a fixed day."""
    written = os.environ.get(TODAY_VARIABLE, "").strip()
    if not written:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(written)
    except ValueError:
        problems.add(f"{where}: {TODAY_VARIABLE} is {written!r}; expected a date, YYYY-MM-DD")
        return dt.date.today()
