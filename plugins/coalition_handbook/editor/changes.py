"""What changed between two loaded handbooks: items added, removed, renamed, moved and
changed, forms whose status changed, and items that changed without a version bump.

Pure: takes two `Handbook`s, returns a `Changes`; `diff_report` renders it, `diff` runs it.

A renamed file (`git mv glossary/a.yml glossary/b.yml`) changes the item's id, so the site
moves its page. It is reported as a rename, not as a removal and an addition, when the
removed and the added item are of the same kind and have the same preferred form (terms)
or title (protocols, modules), or failing that the same first `history` entry (the item's
birth record, which a rename keeps) and a text that is still mostly the same (the
definition, summary or body); its other fields are then compared as for any change.

A module whose page moved with modules_dir keeps its id, and is reported as moved
(`changes_pages`).

A change of layout alone asks for no version bump (`changes_layout`).
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterable, Mapping, Set

from ..forms import form_key
from ..model.types import Handbook, Protocol, Term
from .changes_fields import compare_item
from .changes_forms import form_status_changes
from .changes_links import link_sources, links_to
from .changes_model import (
    KINDS,
    Changes,
    Item,
    ItemChange,
    ItemKind,
    Renames,
)
from .changes_pages import docs_prefix, moved_folder_pages, page_of
from .changes_references import (
    named_by,
    newly_deprecated,
    related_by,
)
from .changes_versions import added_version_problem


def compare(
    old: Handbook,
    new: Handbook,
    *,
    use_directory_urls: bool = True,
    forms: tuple[Handbook, Handbook] | None = None,
) -> Changes:
    """Everything that differs between `old` and `new`, in a stable order;
    `use_directory_urls` says where the site publishes pages, which its links start from;
    `forms`, the two handbooks whose term forms to compare, where they are not `old` and
    `new` (the base whole, where `old` leaves out the items whose files do not load at
    the head: what their forms were still counts)."""
    items: list[ItemChange] = []
    renames: Renames = {}
    old_prefix, new_prefix = docs_prefix(old), docs_prefix(new)
    moved = {
        module_id
        for module_id, module in old.modules.items()
        if module_id in new.modules
        and page_of(module, old_prefix) != page_of(new.modules[module_id], new_prefix)
    }
    for kind in KINDS:  # terms and protocols first: what modules and terms refer to
        items.extend(_compare_kind(kind, _items(old, kind), _items(new, kind), renames, moved))
    sources = link_sources(new)  # rendered once, for every item removed, renamed or moved
    items = [
        dataclasses.replace(
            item,
            named_by=named_by(new, item.kind, item.old.id),
            linked_from=links_to(
                sources, item.old.id, page_of(item.old, old_prefix), use_directory_urls
            ),
            old_page=page_of(item.old, old_prefix),
            new_page=page_of(item.new, new_prefix) if item.new is not None else None,
        )
        if item.old is not None and item.change in ("removed", "renamed", "moved")
        else item
        for item in items
    ]
    items = [
        dataclasses.replace(item, related_by=related_by(new, item.new.id))
        if newly_deprecated(item) and item.new is not None
        else item
        for item in items
    ]
    form_changes = form_status_changes(*(forms or (old, new)), renames)
    moved_pages = moved_folder_pages(old, new, moved, sources, use_directory_urls)
    return Changes(tuple(items), tuple(form_changes), moved_pages)


def _items(handbook: Handbook, kind: ItemKind) -> Mapping[str, Item]:
    if kind == "term":
        return handbook.terms
    if kind == "protocol":
        return handbook.protocols
    return handbook.modules


def _identity(item: Item) -> str:
    """What stays the same when a file is renamed: the preferred form, or the title."""
    if isinstance(item, Term):
        return form_key(item.term, item.case_sensitive)
    return " ".join(item.title.split()).casefold()


# How much of its text a renamed item keeps, at least (difflib's ratio).
_SAME_TEXT = 0.6


def _similarity(old: Item, new: Item) -> float:
    return difflib.SequenceMatcher(None, _main_text(old), _main_text(new), autojunk=False).ratio()


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


def _compare_kind(
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
