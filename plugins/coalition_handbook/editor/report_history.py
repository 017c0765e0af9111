"""How the report shows a change of an item's `history`: entries added, edited, removed
or reordered.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..model.types import HistoryEntry
from .report_markdown import escape

# The new history entries of an item the report shows in full, newest first; a pull
# request adds one, a release's diff many. Fewer than FEWEST_COUNTED past those are
# shown too: a line that counts one or two saves nothing.
NEWEST_SHOWN = 5
FEWEST_COUNTED = 3


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
    # Only entries newer than the base's newest may be counted: one written below it
    # went into the record the base had, history rewritten as an edit is (review rv62a).
    base_newest = max((entry.version for entry in old), default=0)
    newer = [
        entry for entry in added if entry.version not in edited and entry.version > base_newest
    ]
    shown = to_show = _shown_count(len(newer))
    lines: list[str] = []
    for entry in added:
        if entry.version in edited:
            was = _dated(edited[entry.version])
            lines.append(
                f"  - history entry for version {entry.version} edited: was {was}; "
                f"now {_dated(entry)}"
            )
        elif entry.version <= base_newest:
            lines.append(f"  - history: {history_entry(entry)}")
        elif to_show:
            lines.append(f"  - history: {history_entry(entry)}")
            to_show -= 1
            if not to_show:  # where the older ones would be
                lines += _older_lines(newer[shown:])
    lines += [
        f"  - history entry removed: {history_entry(entry)}"
        for entry in removed
        if entry.version not in edited
    ]
    kept_in_old_order = [entry for entry in old if entry in new_entries]
    if kept_in_old_order != [entry for entry in new if entry in old_entries]:
        lines.append(f"  - history reordered: was versions {_versions(old)}; now {_versions(new)}")
    return lines


def new_entry_lines(entries: Sequence[HistoryEntry]) -> list[str]:
    """The lines of an added item's history entries `entries`, newest first."""
    shown = _shown_count(len(entries))
    lines = [f"  - history: {history_entry(entry)}" for entry in entries[:shown]]
    return [*lines, *_older_lines(entries[shown:])]


def _shown_count(new_entries: int) -> int:
    """How many of an item's `new_entries` history entries (newest first) the report
    shows; it counts the older ones. A year's diff listed all 40 new entries of one term
    (session 60's audit): the fields' changes say what the year did, the latest
    summaries why the item stands as it does. An entry edited, removed or written
    below the base's newest is always shown: history rewritten, which a reviewer must see."""
    return NEWEST_SHOWN if new_entries >= NEWEST_SHOWN + FEWEST_COUNTED else new_entries


def _older_lines(older: Sequence[HistoryEntry]) -> list[str]:
    if not older:
        return []
    versions = sorted(entry.version for entry in older)
    return [
        f"  - history: {len(older)} older new entries (versions {versions[0]} to "
        f"{versions[-1]}), not shown here: the file lists every one"
    ]


def history_entry(entry: HistoryEntry) -> str:
    return f"version {entry.version}, {_dated(entry)}"


def _versions(history: Sequence[HistoryEntry]) -> str:
    return ", ".join(str(entry.version) for entry in history)


def _dated(entry: HistoryEntry) -> str:
    return f"{entry.date.isoformat()}: {escape(entry.summary)}"
