"""The changes of one kind of item: those added, removed, renamed, moved and changed.

A renamed file (`git mv glossary/a.yml glossary/b.yml`) changes the item's id, so the site
moves its page. It is reported as a rename, not as a removal and an addition, when the
removed and the added item are of the same kind and have the same preferred form (terms)
or title (protocols, modules), or failing that the same first `history` entry (the item's
birth record, which a rename keeps) and a text that is still mostly the same (the
definition, summary or body); its other fields are then compared as for any change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set

from ..forms import form_key
from ..model.types import Protocol, Term
from .bounded_matcher import BoundedSequenceMatcher
from .changes_fields import compare_item
from .changes_model import Item, ItemChange, ItemKind, Renames
from .changes_versions import added_version_problem


def _identity(item: Item) -> str:
    """What stays the same when a file is renamed: the preferred form, or the title."""
    if isinstance(item, Term):
        return form_key(item.term, item.case_sensitive)
    return " ".join(item.title.split()).casefold()


# How much of its text a renamed item keeps, at least (difflib's ratio).
_SAME_TEXT = 0.6


def _similarity(old: Item, new: Item) -> float:
    return BoundedSequenceMatcher(_main_text(old), _main_text(new)).ratio()


def _main_text(item: Item) -> str:
    if isinstance(item, Term):
        return item.definition
    if isinstance(item, Protocol):
        return item.summary
    return item.body


def _birth(item: Item) -> tuple[object, ...] | None:
    """The item's first history entry, which a renamed file keeps (None if it has none)."""
    if not item.history:
        return None
    first = item.history[-1]
    return (first.version, first.date, " ".join(first.summary.split()))


def compare_kind(
    kind: ItemKind,
    old: Mapping[str, Item],
    new: Mapping[str, Item],
    renames: Renames,
    moved: Set[str] = frozenset(),
) -> Iterable[ItemChange]:
    """The changes of one kind of item; records its renames in `renames`, which the
    comparison of items reads (a term's `related` may name a term renamed with it).
    `moved`: the ids of the modules whose pages moved."""
    removed = {item_id: item for item_id, item in old.items() if item_id not in new}
    added = {item_id: item for item_id, item in new.items() if item_id not in old}
    renamed: list[tuple[Item, Item]] = []
    removed_by_identity = {_identity(item): item for item in removed.values()}
    for item_id, item in list(added.items()):
        previous = removed_by_identity.pop(_identity(item), None)
        if previous is not None:
            renamed.append((previous, item))
            del added[item_id]
            del removed[previous.id]
    for item_id, item in list(added.items()):
        # Of the removed items born as this one was, the one whose text it mostly keeps.
        born = _birth(item)
        candidates = [old for old in removed.values() if born and _birth(old) == born]
        scored = [(_similarity(old, item), old.id, old) for old in candidates]
        if scored and (best := max(scored))[0] >= _SAME_TEXT:
            renamed.append((best[2], item))
            del added[item_id]
            del removed[best[2].id]
    renames[kind] = {before.id: after.id for before, after in renamed}

    # A new item's first version is recorded too: its history must say what it is.
    changes: list[ItemChange] = [
        ItemChange(kind, None, item, version_problem=added_version_problem(item))
        for item in added.values()
    ]
    changes += [ItemChange(kind, item, None) for item in removed.values()]
    pairs = [(old[item_id], new[item_id]) for item_id in old if item_id in new]
    for before, after in [*pairs, *renamed]:
        page_moved = kind == "module" and before.id == after.id and before.id in moved
        change = compare_item(kind, before, after, renames, page_moved)
        if change is not None:
            changes.append(change)
    order = {"added": 0, "removed": 1, "renamed": 2, "moved": 3, "changed": 4}
    return sorted(changes, key=lambda change: (order[change.change], change.item.id))
