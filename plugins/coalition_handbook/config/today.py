"""The day the checks take as today: review dates fall due against it."""

from __future__ import annotations

import datetime as dt
import os

from .problems import Problems

TODAY_VARIABLE = "HANDBOOK_TODAY"
# The time zone that begins each day first (Kiribati's Line Islands): its date is the
# newest that is someone's today.
_FIRST_TO_BEGIN_THE_DAY = dt.timezone(dt.timedelta(hours=14))


def now() -> dt.datetime:
    """The clock, in UTC (one place to stop it, for tests)."""
    return dt.datetime.now(dt.UTC)


def today_from_environment(where: str, problems: Problems) -> dt.date:
    """The date the checks take as today (review dates fall due against it): the
    system's, or `HANDBOOK_TODAY=YYYY-MM-DD`, to see which reviews a coming meeting will
    find overdue, or to check a handbook as of a fixed day."""
    written = os.environ.get(TODAY_VARIABLE, "").strip()
    if not written:
        return _local_today()
    try:
        return dt.date.fromisoformat(written)
    except ValueError:
        problems.add(f"{where}: {TODAY_VARIABLE} is {written!r}; expected a date, YYYY-MM-DD")
        return _local_today()


def date_begun_first() -> dt.date:
    """The date now where the day begins first (UTC+14): a history entry of that date is
    an editor's today somewhere, so no one's future, wherever the checks run."""
    return now().astimezone(_FIRST_TO_BEGIN_THE_DAY).date()


def _local_today() -> dt.date:
    return now().astimezone().date()
