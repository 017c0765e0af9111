"""What changed in one term, protocol or module, field by field: its content's fields
(`content_fields`) compared, each change told apart as layout alone, references that only
follow renames, or a field published nowhere, none of which asks for a version bump;
with whether its version and history record the rest (`compare_item`).
"""

from __future__ import annotations

import dataclasses

from ..model.types import Module, Term
from .changes_layout import normalise_text, wording
from .changes_model import FieldChange, Item, ItemChange, ItemKind, Renames
from .changes_references import REFERENCE_FIELDS, follows_renames
from .changes_versions import version_problem

# Not compared as content: where the item came from, the version record itself, and what
# is derived from the other fields (`texts`, the strings the checks read, in file order:
# moving a key would change it, and a step's edit would be shown twice).
_NOT_CONTENT = {"id", "origin", "version", "history", "headings", "texts"}

# Fields the site shows nowhere: no page, search entry or handout reads a term's `tags`
# (its page's search tags are its forms). A change to one is reported, but asks for no
# version bump and no public history entry that no reader could follow (audit; DESIGN
# section 3.1 bumps for meaning, forms or status).
UNPUBLISHED_FIELDS = frozenset({"tags"})


def content_fields(item: Item) -> dict[str, object]:
    """The values that make up an item's content, by field name."""
    values = {
        field.name: getattr(item, field.name)
        for field in dataclasses.fields(item)
        if field.name not in _NOT_CONTENT
    }
    if isinstance(item, Term) and "short" not in item.origin.spans:
        # `short` was not written: it is derived from the definition, which is compared.
        del values["short"]
    if isinstance(item, Module):
        values["body"] = normalise_text(item.body)
    return values


def compare_item(
    kind: ItemKind, old: Item, new: Item, renames: Renames, page_moved: bool = False
) -> ItemChange | None:
    old_values, new_values = content_fields(old), content_fields(new)
    names = [
        name
        for name in dict.fromkeys([*old_values, *new_values])
        if old_values.get(name) != new_values.get(name)
    ]
    layout = tuple(
        name for name in names if wording(old_values.get(name)) == wording(new_values.get(name))
    )
    renamed_references = tuple(
        name
        for name in names
        if name in REFERENCE_FIELDS
        and follows_renames(
            old_values.get(name), new_values.get(name), renames.get(REFERENCE_FIELDS[name], {})
        )
    )
    changed = [
        FieldChange(name, old_values.get(name), new_values.get(name))
        for name in names
        if name not in layout and name not in renamed_references
    ]
    fields = tuple(field for field in changed if field.name not in UNPUBLISHED_FIELDS)
    unpublished = tuple(field for field in changed if field.name in UNPUBLISHED_FIELDS)
    history_changed = old.history != new.history
    same_place = old.id == new.id and not page_moved
    content_changed = bool(names) or history_changed or old.version != new.version
    if not content_changed and same_place:
        return None
    return ItemChange(
        kind,
        old,
        new,
        fields,
        history_changed,
        version_problem(old, new, changed=bool(fields)),
        layout,
        renamed_references,
        unpublished=unpublished,
        page_moved=page_moved,
        content_changed=content_changed and not same_place,
    )
