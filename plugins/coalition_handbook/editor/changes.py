"""What changed between two loaded handbooks: items added, removed, renamed, moved and
changed, forms whose status changed, and items that changed without a version bump.

Pure: takes two `Handbook`s, returns a `Changes`; `diff_report` renders it, `diff` runs it.

`compare` ties the parts together. The records it returns are `changes_model`'s. Each
kind of item is compared in `changes_items`, which tells a rename from a removal and an
addition, and each item field by field in `changes_fields`, which tells a change of
layout alone (`changes_layout`) and references that only follow renames
(`changes_references`) from a change of meaning, and whether the version and history
record it (`changes_versions`). A module whose page moved with modules_dir is reported as
moved, with the folder's other pages (`changes_pages`); the links written to a page
removed or moved are found by `changes_links`, and the forms whose state changed by
`changes_forms`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from ..forms import ENGLISH, inflection_language
from ..model.types import Handbook
from .changes_forms import form_status_changes
from .changes_items import compare_kind
from .changes_links import link_sources, links_to
from .changes_model import KINDS, Changes, Item, ItemChange, ItemKind, Renames
from .changes_pages import docs_prefix, moved_folder_pages, page_of
from .changes_references import (
    named_by,
    newly_deprecated,
    related_by,
    replacement_problem,
    replacing,
)


def compare(
    old: Handbook,
    new: Handbook,
    *,
    use_directory_urls: bool = True,
    forms: tuple[Handbook, Handbook] | None = None,
    language: str = "en",
) -> Changes:
    """Everything that differs between `old` and `new`, in a stable order;
    `use_directory_urls` says where the site publishes pages, which its links start from;
    `forms`, the two handbooks whose term forms to compare, where they are not `old` and
    `new` (the base whole, where `old` leaves out the items whose files do not load at
    the head: what their forms were still counts); `language`, the site's, whose A-Z
    order the forms are listed in."""
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
        items.extend(compare_kind(kind, _items(old, kind), _items(new, kind), renames, moved))
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
    items = [_with_replacement(new, item) for item in items]
    inflection = inflection_language(language)
    if inflection != ENGLISH:
        items = [dataclasses.replace(item, forms_language=inflection) for item in items]
    form_changes = form_status_changes(*(forms or (old, new)), renames, language)
    moved_pages = moved_folder_pages(old, new, moved, sources, use_directory_urls)
    return Changes(tuple(items), tuple(form_changes), moved_pages)


def _with_replacement(new: Handbook, item: ItemChange) -> ItemChange:
    """`item` with, where it deprecates a term, the terms that list it as related or
    name it as their replacement, and, where it deprecates or adds one, or changes its
    `replaced_by`, why the check refuses that (a term added deprecated, or its
    replacement changed, for a typo was shown no problem: review)."""
    if newly_deprecated(item) and item.new is not None:
        return dataclasses.replace(
            item,
            related_by=related_by(new, item.new.id),
            replacing=replacing(new, item.new.id),
            replacement_problem=replacement_problem(new, item),
        )
    if item.change == "added" or any(field.name == "replaced_by" for field in item.fields):
        return dataclasses.replace(item, replacement_problem=replacement_problem(new, item))
    return item


def _items(handbook: Handbook, kind: ItemKind) -> Mapping[str, Item]:
    if kind == "term":
        return handbook.terms
    if kind == "protocol":
        return handbook.protocols
    return handbook.modules
