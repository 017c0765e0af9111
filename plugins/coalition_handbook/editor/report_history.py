"""How the report shows a change of an item's `history`: entries added, edited, removed
or reordered.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..model.types import HistoryEntry
from .report_markdown import escape


def history_lines(old: Sequence[HistoryEntry], new: Sequence[HistoryEntry]) -> list[str]:
    """The history entries that are new or were edited, newest first; one removed or
    edited away is named too, and entries kept but moved, so that no change of the
    record goes unseen."""
    old_entries, new_entries = set(old), set(new)  # entries are compared by value
    added = [entry for entry in new if entry not in old_entries]
    removed = [entry for entry in old if entry not in new_entries]
    # One entry of a version gone and one come back: the same entry, edited.
    added_versions = Counter(entry.version for entry in added)
    removed_versions = Counter(entry.version for entry in removed)
    edited = {
        before.version: before
        for before in removed
        if added_versions[before.version] == removed_versions[before.version] == 1
    }
    lines = [
        f"  - history entry for version {entry.version} edited: was "
        f"{_dated(edited[entry.version])}; now {_dated(entry)}"
        if entry.version in edited
        else f"  - history: {history_entry(entry)}"
        for entry in added
    ]
    lines += [
        f"  - history entry removed: {history_entry(entry)}"
        for entry in removed
        if entry.version not in edited
    ]
    kept_in_old_order = [entry for entry in old if entry in new_entries]
    if kept_in_old_order != [entry for entry in new if entry in old_entries]:
        lines.append(f"  - history reordered: was versions {_versions(old)}; now {_versions(new)}")
    return lines


def history_entry(entry: HistoryEntry) -> str:
    return f"version {entry.version}, {_dated(entry)}"


def _versions(history: Sequence[HistoryEntry]) -> str:
    return ", ".join(str(entry.version) for entry in history)


def _dated(entry: HistoryEntry) -> str:
    return f"{entry.date.isoformat()}: {escape(entry.summary)}"
