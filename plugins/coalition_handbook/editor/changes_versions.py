"""Whether a change records itself as the contract asks (DESIGN section 3.1): `version`
raised by one for a change of content, and a `history` entry for it at the top, the
earlier ones kept; for a new item, a history that records its version. Every problem is
told at once, in the words `handbook check` uses where it reports the same.
"""

from __future__ import annotations

from ..model.types import HistoryEntry
from ..rules.glossary_history import copied_entry, history_problems
from .changes_model import Item


def version_problem(old: Item, new: Item, *, changed: bool) -> str | None:
    """Why the change is not recorded as the contract asks, or None when it is: every
    problem, so that fixing one does not reveal the next."""
    problems: list[str] = []
    if new.version < old.version:
        problems.append(f"`version` went down from {old.version} to {new.version}")
    elif changed and new.version == old.version:
        wanted = old.version + 1
        entry = (
            "(its `history` entry is there)"
            if _newest_version(new.history) == wanted
            else f"and add a `history` entry for version {wanted} at the top"
        )
        problems.append(
            f"its content changed but `version` is still {old.version}: raise it to {wanted} "
            + entry
        )
    kept = {entry.version for entry in new.history}
    if new.version != old.version or new.history != old.history:
        # The history is a change too, with `version` as it was: a new entry written at
        # the top, the version not raised to it, was let through (audit). Where the
        # version's own entry was deleted, "gone" below says so; one relabelled to a
        # higher version is a problem of its own (review).
        lost_own = new.version not in kept and any(
            entry.version == new.version for entry in old.history
        )
        deleted_own = lost_own and (_newest_version(new.history) or 0) < new.version
        raised = new.version != old.version
        problems += _history_problems(new, raised=raised, top=not problems and not deleted_own)
    # A version skipped, with no entry of its own, is a slip (two pull requests raising
    # it at once, a typo): one change is one version up (audit).
    skipped = [version for version in range(old.version + 1, new.version) if version not in kept]
    if skipped:
        problems.append(
            f"`version` went from {old.version} to {new.version}, skipping "
            f"{', '.join(map(str, skipped))}: set it to {old.version + 1}, one up from the "
            f"base's {old.version} (and the new `history` entry's version with it), or give "
            "each version between its own `history` entry"
        )
    # An earlier version's entry relabelled or deleted loses what that version changed
    # (rewording an old entry, keeping its version, is left to the editor).
    lost = [entry.version for entry in old.history if entry.version not in kept]
    if lost:
        which = (
            f"entries for versions {' and '.join(map(str, lost))} are"
            if len(lost) > 1
            else f"entry for version {lost[0]} is"
        )
        problems.append(
            f"the `history` {which} gone: keep the entries of earlier versions below the new one"
        )
    return "; and ".join(problems) or None


def added_version_problem(item: Item) -> str | None:
    """Why a new item's history does not record its version, or None. No version was
    raised: an entry newer than `version` is to be raised to, as `handbook check` says
    (the diff told the editor to renumber the entry, the check to raise the version)."""
    return "; and ".join(_history_problems(item, raised=False)) or None


def _history_problems(item: Item, *, raised: bool, top: bool = True) -> list[str]:
    """What `handbook check` reports of `item`'s history (glossary.history, or the
    protocol's or module's schema rule), so that the diff fails what the check fails: a
    duplicate or out-of-order entry too (review). The newest entry not being for
    `version` is told with what this change did (`raised`: it raised the version);
    `top`: whether to tell it at all (another problem already says what to do)."""
    problems: list[str] = []
    if not item.history:
        mismatch = history_mismatch(item, raised=raised)
        return [mismatch] if top and mismatch else []
    # An entry copied at the top with its version left: the check's own words, which
    # name the copy (the diff's mismatch would ask for an entry the editor wrote).
    copied = copied_entry(item.version, item.history)
    for span_key, message in history_problems(item.version, item.history):
        if span_key != "history.0.version" or copied:
            problems.append(message)
        elif top and (mismatch := history_mismatch(item, raised=raised)):
            problems.append(mismatch)  # the check tells it first, too
    return problems


def history_mismatch(item: Item, *, raised: bool = True) -> str | None:
    """Why `item`'s newest `history` entry is not for its `version`, or None; `raised`:
    whether this change raised the version."""
    newest = _newest_version(item.history)
    if newest == item.version:
        return None
    found = f"is for version {newest}" if newest is not None else "is missing"
    written = any(entry.version == item.version for entry in item.history)
    if newest is not None and newest > item.version and not raised:
        # The entry of the change is written, `version` not raised to it (audit).
        advice = f"raise `version` to {newest} if that entry describes this change"
    elif written:
        advice = f"move the entry for version {item.version} to the top"
    elif newest is not None and newest > item.version:  # a typo in the new entry, most likely
        advice = f"if that entry describes this change, give it version {item.version}"
    else:
        advice = f"add one for version {item.version} at the top"
    return f"`version` is {item.version} but the newest `history` entry {found}: {advice}"


def _newest_version(history: tuple[HistoryEntry, ...]) -> int | None:
    return history[0].version if history else None
