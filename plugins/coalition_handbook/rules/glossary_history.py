"""glossary.history (and the same checks of protocols and modules, reported under
protocol.schema and module.schema): `history[0].version` must equal `version`, the
history must be newest first (versions strictly decreasing, dates not increasing), and
no entry may be dated after today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..findings import Finding
from ..model.types import HistoryEntry, Module, Protocol, RejectedRecord, Term
from .base import CheckContext

RULE = "glossary.history"
REPORTS = (RULE, "protocol.schema", "module.schema")


_RULES = {"term": RULE, "protocol": "protocol.schema", "module": "module.schema"}
# Where the editor is a time zone ahead of the machine that runs the checks, their today
# is its tomorrow.
_TIME_ZONE_SLACK = dt.timedelta(days=1)


def check(context: CheckContext) -> Iterator[Finding]:
    handbook = context.handbook
    records: list[tuple[str, Term | Protocol | Module | RejectedRecord]] = [
        *((RULE, term) for term in handbook.terms.values()),
        *(("protocol.schema", protocol) for protocol in handbook.protocols.values()),
        *(("module.schema", module) for module in handbook.modules.values()),
    ]
    # A file with other problems too: its history is checked alone, in the same run.
    records += [
        (_RULES[record.kind], record)
        for record in handbook.rejected_records
        if record.version is not None
    ]
    config = context.config
    for rule, record in records:
        assert record.version is not None
        for span_key, message in history_problems(record.version, record.history):
            yield context.finding_at(rule, record.origin, span_key, message)
        for span_key, message in future_dates(
            record.history, config.today, config.today_given, config.newest_date_begun
        ):
            yield context.finding_at(rule, record.origin, span_key, message)


def future_dates(
    history: tuple[HistoryEntry, ...],
    today: dt.date,
    today_given: bool = False,
    newest_date_begun: dt.date | None = None,
) -> Iterator[tuple[str, str]]:
    """(span key, message) for each entry dated after `today` (and the day after it, or
    `newest_date_begun` if later: the date that is today somewhere): a typo in the year
    tops the Changes page for a year, and the next editor's entry, of the real date, is
    then the one "not newest first" (audit)."""
    latest = max(today + _TIME_ZONE_SLACK, newest_date_begun or today)
    said_today = (
        f"{today.isoformat()}, the day HANDBOOK_TODAY sets"
        if today_given
        else f"today, {today.isoformat()}"
    )
    for index, entry in enumerate(history):
        if entry.date > latest:
            yield (
                f"history.{index}.date",
                f"history entry {index + 1} is dated {entry.date.isoformat()}, after "
                f"{said_today}: give the day of the change (a date one day ahead is "
                "accepted, for time zones)",
            )


def history_problems(version: int, history: tuple[HistoryEntry, ...]) -> Iterator[tuple[str, str]]:
    """(span key, message) for each history problem. `history` is never empty: the
    schema rejects a record without one (a finding of its own)."""
    newest = history[0].version
    copied = copied_entry(version, history)
    if copied:
        yield "history.0.version", _copied_entry(version, newest)
    elif newest > version:
        # The commoner slip: a new entry written, `version` not raised to it.
        yield (
            "history.0.version",
            f"the first history entry is for version {newest} but version is {version}: "
            f"raise version to {newest} if this entry describes the change (the first entry, "
            "the newest, must describe the current version)",
        )
    elif newest < version:
        written = any(entry.version == version for entry in history)
        advice = (
            f"move the entry for version {version} to the top"
            if written  # appended at the bottom, as lists usually grow
            else f"add a history entry for version {version} first"
        )
        yield (
            "history.0.version",
            f"the first history entry is for version {newest} but version is {version}: "
            f"{advice} (the first entry, the newest, must describe the current version)",
        )
    for index in range(1, len(history)):
        newer, older = history[index - 1], history[index]
        if older.version >= newer.version and not (copied and index == 1):
            yield (
                f"history.{index}.version",
                f"history is not newest first: entry {index + 1} (version {older.version}) "
                f"must have a lower version than the entry before it ({newer.version})",
            )
        if older.date > newer.date:
            yield (
                f"history.{index}.date",
                f"history is not newest first: entry {index + 1} ({older.date.isoformat()}) "
                f"is dated after the entry before it ({newer.date.isoformat()})",
            )


def copied_entry(version: int, history: tuple[HistoryEntry, ...]) -> bool:
    """Whether the entry above the newest was copied, its version left (`version` raised
    or not): said of the copy, not of the entry below it, which is right (ed63)."""
    newest = history[0].version
    return len(history) > 1 and history[1].version == newest and version - newest in (0, 1)


def _copied_entry(version: int, newest: int) -> str:
    """The message for a history whose first two entries have the same version."""
    if version > newest:
        return (
            f"the first history entry is for version {newest}, as is the entry after it: "
            f"give it version {version} if it describes the change (the first entry, the "
            "newest, must describe the current version)"
        )
    return (
        f"the first two history entries are both for version {newest}: if the first "
        f"describes a new change, give it version {newest + 1} and raise version to "
        f"{newest + 1} (each change gets the next version)"
    )
