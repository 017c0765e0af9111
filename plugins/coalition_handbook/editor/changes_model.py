"""What `handbook diff` finds changed, as records: each item added, removed, renamed, moved
or changed (`ItemChange`, with its `FieldChange`s), each form whose state changed
(`FormStatusChange`), and the pages that moved with the modules' folder (`MovedPage`),
together a `Changes`. `changes.compare` makes them; `diff_report` shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..forms import ENGLISH, form_key
from ..model.types import Module, Protocol, Term

Item = Term | Protocol | Module
ChangeType = Literal["added", "removed", "renamed", "moved", "changed"]
ItemKind = Literal["term", "protocol", "module"]
FormStatus = Literal["accepted", "avoid", "deprecated"]

KINDS: tuple[ItemKind, ...] = ("term", "protocol", "module")

# The renamed items of each kind: old id -> new id.
Renames = dict[ItemKind, dict[str, str]]


# `ItemChange.replacement_problem` of a `replaced_by` naming no term (a typo).
NO_TERM = "which is no term"


@dataclass(frozen=True)
class FieldChange:
    name: str
    old: object
    new: object


@dataclass(frozen=True)
class ItemChange:
    """One term, protocol or module that is not the same on both sides."""

    kind: ItemKind
    old: Item | None
    new: Item | None
    fields: tuple[FieldChange, ...] = ()
    history_changed: bool = False
    version_problem: str | None = None
    # Fields whose text changed only in its layout: spaces, line breaks, comments.
    layout_fields: tuple[str, ...] = ()
    # Fields that changed only to name items by their new ids after a rename: the item
    # still names the same terms and protocols, so no version bump is asked for.
    renamed_references: tuple[str, ...] = ()
    # Fields that changed but are published nowhere (`UNPUBLISHED_FIELDS`): shown, and
    # no version bump is asked for.
    unpublished: tuple[FieldChange, ...] = ()
    # For an item removed or renamed: the places that still name its old id (`path:line`),
    # with the field (("glossary/a.yml:7", "related")), which now point nowhere.
    named_by: tuple[tuple[str, str], ...] = ()
    # And the places in pages that link to its old page (`path:line`), now a broken link.
    linked_from: tuple[str, ...] = ()
    # Where mkdocs.yml's `nav` names its old page (`mkdocs.yml:12`), now no page.
    nav_place: str | None = None
    # For a term deprecated by this change: the other terms that list it in `related`
    # (`path:line`), whose pages still send readers to it (no rule reports them).
    related_by: tuple[str, ...] = ()
    # And the terms deprecated before that name it as their `replaced_by` (`path:line`):
    # the check refuses them now (glossary.reference), and their uses suggest its own
    # replacement (audit aud60: the report of the change said nothing of them).
    replacing: tuple[str, ...] = ()
    # For a term deprecated (or added, or its `replaced_by` changed) by this change whose
    # `replaced_by` the check refuses (glossary.reference): why, as "which is no term";
    # empty where it names a term to use.
    replacement_problem: str = ""
    # A module kept its id, but its page is somewhere else in docs_dir (modules_dir moved).
    page_moved: bool = False
    # A renamed or moved item whose fields, history or version changed too.
    content_changed: bool = False
    # For an item removed, renamed or moved: its page's source path in docs_dir before
    # (`glossary/a.md`), and after (None: it has none now), whose old address then stops
    # working (`page_moves`).
    old_page: str | None = None
    new_page: str | None = None
    # Whose plurals a term's forms take (`forms.inflection_language`), as the report
    # compares its forms: "explotadores" beside "explotador" is no form added in Spanish.
    forms_language: str = ENGLISH

    @property
    def change(self) -> ChangeType:
        """How the item changed: for one renamed or moved, where it is (`changes` says
        whether its content changed too)."""
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        if self.old.id != self.new.id:
            return "renamed"
        return "moved" if self.page_moved else "changed"

    @property
    def changes(self) -> tuple[ChangeType, ...]:
        """Every way the item changed: a renamed or moved one edited too is also
        "changed", and counted and listed so (audit: its edit was seen as a rename)."""
        if self.change in ("renamed", "moved") and self.content_changed:
            return (self.change, "changed")
        return (self.change,)

    @property
    def item(self) -> Item:
        """The item as it is now, or as it was if it was removed."""
        item = self.new or self.old
        assert item is not None
        return item

    @property
    def path(self) -> str:
        return self.item.origin.path

    def field(self, name: str) -> FieldChange | None:
        return next((field for field in self.fields if field.name == name), None)


@dataclass(frozen=True)
class FormState:
    """What a form is in one handbook: accepted, to avoid, or a deprecated term's form;
    of which term (what its uses link to); and, to avoid, what the check suggests."""

    status: FormStatus
    term: str
    exact_case: bool = False  # the term is case_sensitive: only this case is the form
    # What the check suggests instead: for a form to avoid, its term's preferred form; for
    # a deprecated term's form, its replacement's.
    suggestion: str | None = None
    # The other terms that claim the form too (glossary.duplicate's error): `term` is the
    # one the check reads it as (see `form_states`).
    also_claimed_by: tuple[str, ...] = ()
    # An accepted form of a proposed term: its uses are published marked as proposed
    # (the tooltip's "Proposed:"), so approving the term changes every page that uses it.
    proposed: bool = False


@dataclass(frozen=True)
class FormStatusChange:
    """A form whose state differs between the two sides (None: no term has it): its
    status, its term, its case rule or what it suggests."""

    form: str
    case_sensitive: bool
    old: FormState | None
    new: FormState | None
    # The form as its term wrote it before, where it is written in another case now (in
    # a case-sensitive term, its uses in the old case are `term.case` findings).
    recased_from: str | None = None
    # Whose plurals the form takes (`forms.inflection_language`): a Spanish site's
    # "explotadores" is the form "explotador", as the check finds it.
    language: str = ENGLISH

    @property
    def key(self) -> str:
        """The form's key (`form_key`), under which its uses are found."""
        return form_key(self.form, self.case_sensitive, self.language)


@dataclass(frozen=True)
class MovedPage:
    """A page of the modules folder that is no module (its overview, index.md), moved
    with the folder: its address changes as the modules' do. Paths from mkdocs.yml."""

    old_path: str
    new_path: str
    # The places in pages that link to its old page (`path:line`), now a broken link.
    linked_from: tuple[str, ...] = ()
    # Its source paths in docs_dir, before and after: where its address was and is.
    old_page: str = ""
    new_page: str = ""


@dataclass(frozen=True)
class GonePage:
    """A page of docs_dir that is no term's, protocol's or module's, nor moved with the
    modules folder, that the change moves (git finds it renamed) or removes: its old
    address stops working. Source paths in docs_dir; `new_page` None where removed."""

    old_page: str
    new_page: str | None = None
    # Where a removed one is sent: the source of the head's home page (`gone_pages`).
    home_page: str = "index.md"


@dataclass(frozen=True)
class Changes:
    items: tuple[ItemChange, ...]
    form_changes: tuple[FormStatusChange, ...]
    moved_pages: tuple[MovedPage, ...] = ()
    gone_pages: tuple[GonePage, ...] = ()

    def of_kind(self, kind: ItemKind) -> list[ItemChange]:
        return [item for item in self.items if item.kind == kind]

    @property
    def version_problems(self) -> list[ItemChange]:
        return [item for item in self.items if item.version_problem]
