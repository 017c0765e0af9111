"""The fields that name other items by id, and what a change does to them: the places that
still name an item removed or renamed (`named_by`), the terms that still list a term
deprecated by the change (`related_by`), and a field that changed only to name renamed
items by their new ids, which is no change of meaning (`follows_renames`).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model.types import Handbook, Module, Term
from .changes_model import NO_TERM, ItemChange, ItemKind

# The fields that name other items by id, and the kind of item each names.
REFERENCE_FIELDS: dict[str, ItemKind] = {
    "related": "term",
    "replaced_by": "term",
    "protocols": "protocol",
}


def named_by(handbook: Handbook, kind: ItemKind, item_id: str) -> tuple[tuple[str, str], ...]:
    """The places in `handbook` that name the term or protocol `item_id` (`path:line`, as
    the links to its page are given: audit), with the field."""
    found: list[tuple[str, int, str]] = []
    items: tuple[Term | Module, ...] = (*handbook.terms.values(), *handbook.modules.values())
    for item in items:
        for name, named_kind in REFERENCE_FIELDS.items():
            value = getattr(item, name, None)  # a term names no protocols, a module no terms
            if named_kind != kind or item_id not in (names := _as_tuple(value)):
                continue
            key = f"{name}.{names.index(item_id)}" if isinstance(value, tuple) else name
            found.append((item.origin.path, item.origin.line_column(key)[0], name))
    return tuple((f"{path}:{line}", name) for path, line, name in sorted(found))


def newly_deprecated(change: ItemChange) -> bool:
    return (
        isinstance(change.old, Term)
        and isinstance(change.new, Term)
        and change.new.status == "deprecated"
        and change.old.status != "deprecated"
    )


def replacement_problem(handbook: Handbook, change: ItemChange) -> str:
    """Why the check refuses the `replaced_by` of the term of `change` (glossary.reference),
    as its status line says it: an id that is no term of `handbook` (a typo), the term
    itself, or a term deprecated too (review rv57d: the last two were advised as the
    replacement to name in `related`); empty where it names a term to use."""
    new = change.new
    if not isinstance(new, Term) or not new.replaced_by:
        return ""
    if new.replaced_by == new.id:
        return "which is the term itself"
    replacement = handbook.terms.get(new.replaced_by)
    if replacement is None:
        return NO_TERM
    return "which is deprecated too" if replacement.status == "deprecated" else ""


def related_by(handbook: Handbook, term_id: str) -> tuple[str, ...]:
    """Where `handbook`'s terms list the term `term_id` in `related` (`path:line`)."""
    return tuple(place for place, name in named_by(handbook, "term", term_id) if name == "related")


def replacing(handbook: Handbook, term_id: str) -> tuple[str, ...]:
    """Where `handbook`'s other terms name the term `term_id` as their `replaced_by`
    (`path:line`); not the term itself, deprecated for itself (`replacement_problem`)."""
    own = handbook.terms[term_id].origin.path if term_id in handbook.terms else None
    return tuple(
        place
        for place, name in named_by(handbook, "term", term_id)
        if name == "replaced_by" and place.rpartition(":")[0] != own
    )


def _as_tuple(value: object) -> tuple[object, ...]:
    return value if isinstance(value, tuple) else (value,)


def follows_renames(old: object, new: object, renamed: Mapping[str, str]) -> bool:
    """Whether a reference field changed only by naming renamed items by their new ids:
    id by id, each as it was or its rename's (one rename followed, another not yet, is
    no change of meaning: `handbook check` names the id left behind)."""
    if isinstance(old, str) and isinstance(new, str):
        return new == renamed.get(old)
    if isinstance(old, tuple) and isinstance(new, tuple) and len(old) == len(new):
        return all(
            after in (before, renamed.get(before)) for before, after in zip(old, new, strict=True)
        )
    return False
