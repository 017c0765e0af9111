"""glossary.history (and the same checks of protocols and modules, reported under
protocol.schema and module.schema): `history[0].version` must equal `version`, and the
history must be newest first: versions strictly decreasing, dates not increasing."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.types import HistoryEntry, Module, Protocol, RejectedRecord, Term
from .base import CheckContext

RULE = "glossary.history"
REPORTS = (RULE, "protocol.schema", "module.schema")


_RULES = {"term": RULE, "protocol": "protocol.schema", "module": "module.schema"}


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
    for rule, record in records:
        assert record.version is not None
        for span_key, message in history_problems(record.version, record.history):
            yield context.finding_at(rule, record.origin, span_key, message)


def history_problems(version: int, history: tuple[HistoryEntry, ...]) -> Iterator[tuple[str, str]]:
    """(span key, message) for each history problem. `history` is never empty: the
    schema rejects a record without one (a finding of its own)."""
    newest = history[0].version
    if newest > version:
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
        if older.version >= newer.version:
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
