"""Render `Changes` as the Markdown report of `handbook diff` (for a pull request's summary):
its notes and summary table, then each kind of item, each item as it was removed, renamed,
moved or changed, then the uses of forms whose status changed, and last the new items.

How the report writes handbook text (`report_markdown`), keeps within a size limit
(`report_limits`), shows a changed field (`report_fields`, `text_diff`), a term's forms
(`report_forms`), a history (`report_history`), the uses of forms (`report_uses`) and the
suppression comments a change adds (`report_suppressions`) is
each in a module of its own.
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..forms import ENGLISH, FRENCH, GERMAN, SPANISH, inflection_language
from ..model.modules import sections_without_text
from ..model.types import Module, Protocol, Term
from .changes_forms import accepted_forms, avoided_forms
from .changes_layout import PARAGRAPH_BREAK
from .changes_model import (
    KINDS,
    Changes,
    ChangeType,
    FormStatusChange,
    Item,
    ItemChange,
    ItemKind,
    MovedPage,
)
from .check_settings import SettingsChange
from .left_out_pages import PublicationChange, publication_section
from .moved_handbook import HandbookMoved
from .page_moves import (
    OldAddress,
    SiteSettings,
    forms_now_of,
    old_addresses,
    old_addresses_section,
    old_handouts,
    with_nav_places,
)
from .placeholders import placeholder_fields
from .report_fields import TEXT_FIELDS, describe, field_lines, list_change, value_lines
from .report_forms import (
    avoid_reason_lines,
    form_lines,
    form_list,
    refused,
    replacement_on_status_line,
)
from .report_history import history_lines, new_entry_lines
from .report_limits import Budget, ReportLimits, within
from .report_markdown import escape, fenced, inline_code, line_start, link_target
from .report_masks import MASKED_NOTE
from .report_suppressions import SwitchedOff, suppressions_section
from .report_translations import translations_section
from .report_uses import first_places, uses_section
from .usage import Use

PLURAL = {"term": "Terms", "protocol": "Protocols", "module": "Modules"}
CHANGE_TITLES = {
    "added": "Added",
    "removed": "Removed",
    "renamed": "Renamed",
    "moved": "Moved",
    "changed": "Changed",
}
# The order of each kind's sections: what changes what is published first (a merge of
# two glossaries put 86 new terms, 800 lines, before the 12 existing terms whose
# definitions it changed: audit). The new items of every kind come last, after the uses
# of forms whose status changed (`NEW_ITEMS`): 150 terms imported at once buried the
# protocols changed with them, and a report cut to a step summary's size lost those and
# the pages affected, not the new terms (audit). The summary table keeps CHANGE_TITLES'
# order.
SECTION_ORDER: tuple[ChangeType, ...] = ("removed", "renamed", "moved", "changed")
NEW_ITEMS = {"term": "New terms", "protocol": "New protocols", "module": "New modules"}


@dataclass(frozen=True)
class ConfigNote:
    """Why one side's handbook was read with the folders its config file (`path`, from
    the top of the repository) names now: its own copy of `path` is not there (`problem`
    None) or cannot be read."""

    path: str
    problem: str | None = None
    side: str = ""  # how the report names the revision: `main` (abc123def456)
    empty: bool = False  # and no term, protocol or module is found there

    def text(self) -> str:
        """The note as one line of plain text (for stderr)."""
        return self._written(f"`{self.path}`", self.problem, self.config_name)

    def markdown(self) -> str:
        """The note as the report shows it: what the revision holds stays text."""
        return self._written(
            inline_code(self.path), escape(self.problem or ""), escape(self.config_name)
        )

    @property
    def config_name(self) -> str:
        """The config file's name, as `-f` gave it (audit: `-f mkdocs.es.yml` was said to
        read the folders mkdocs.yml names)."""
        return posixpath.basename(self.path)

    def _written(self, path: str, problem: str | None, config_name: str) -> str:
        if self.problem is None:
            said = f"{self.side} has no {path}"
        else:
            said = f"{self.side}: {path} could not be read ({problem})"
        said += f"; its handbook is read from the folders {config_name} names now"
        if self.empty:
            said += ", where it has no term, protocol or module"
        return said


@dataclass(frozen=True)
class BaseAheadNote:
    """`base`, as given, has commits that `head` (None: the working tree's `HEAD`) does
    not: compared two-dot, what those commits changed shows as changed back, and an
    editor was told to repair a term they never touched (audit)."""

    base: str
    head: str | None

    def text(self) -> str:
        """The note as one line of plain text (for stderr)."""
        return self._written(f"`{self.base}`", f"`{self.head or 'HEAD'}`", f"`{self._range}`")

    def markdown(self) -> str:
        return self._written(
            inline_code(self.base), inline_code(self.head or "HEAD"), inline_code(self._range)
        )

    @property
    def _range(self) -> str:
        """What to give `handbook diff` in place of the base (and head) given."""
        return f"{self.base}...{self.head or ''}"

    @staticmethod
    def _written(base: str, head: str, three_dots: str) -> str:
        return (
            f"{base} has commits that {head} does not have: what they changed shows here "
            "as changed back. A pull request's report compares with the commit where its "
            f"branch left the base, as {three_dots} does."
        )


@dataclass(frozen=True)
class UnloadedFiles:
    """The content files that do not load on a side (`diff._unloaded_files`):
    `not_compared`, those that do not load at the head, with the first problem of each
    (`line:column`, message); `broken_at_base`, those that did not load at the base and
    do now, with the first problem of each there; `untouched`, those that load at
    neither and are as they were."""

    not_compared: Mapping[str, tuple[str, str] | None] = dataclasses.field(default_factory=dict)
    broken_at_base: Mapping[str, tuple[str, str] | None] = dataclasses.field(default_factory=dict)
    untouched: Sequence[str] = ()


@dataclass(frozen=True)
class PluralsNote:
    """The change turns the site's `theme.language` into one whose plurals its forms
    take (`forms.inflection_language`: Spanish, French, German, or English for any
    other): every form is then found in other words (`explotadores` of `explotador` in
    Spanish), which no form's change shows, and the uses the report lists are the head's."""

    base_language: str
    head_language: str

    def text(self) -> str:
        """The note as one line of plain text (for stderr)."""
        return self.markdown()

    def markdown(self) -> str:
        plurals = {ENGLISH: "English", SPANISH: "Spanish", FRENCH: "French", GERMAN: "German"}
        base, head = (
            plurals[inflection_language(language)]
            for language in (self.base_language, self.head_language)
        )
        return (
            f"`theme.language` is `{self.base_language}` at the base and "
            f"`{self.head_language}` here: every form of the glossary takes {head} plurals, "
            f"not {base} ones, so `handbook check` finds other uses of them than it did "
            '(ADOPTING.md, "Languages other than English"); this report lists the '
            "uses it finds here."
        )


@dataclass(frozen=True)
class ReportContext:
    """What the report says around the changes. `base_label` and `head_label` name the
    sides in its heading; `limits`, how much it may hold (none: all); `notes`, sides read
    with the folders the config file names now, and why, and a base with commits the
    head lacks; `suppressions`, the suppression comments the change adds, and the
    `handbook-enable` ones it takes out; `check_settings`, what the change to the
    plugin's settings makes the checks stop saying; `settings`, mkdocs-redirects and
    `nav` as the head's config file sets them, and `use_directory_urls`, for the old
    addresses this change takes off the site (`page_moves`); `personal_data_masked`,
    whether it shows personal data masked (`report_masks`), which it then says once;
    `head_terms`, the head's terms, for the languages the glossary translates into and a
    deprecated term's replacement (`report_translations`); `config_path`, the head's
    config file from the top of the repository, whose folder the paths start from;
    `publication`, the pages its `exclude_docs` and `draft_docs` take off the site or put
    on it (`left_out_pages`)."""

    base_label: str
    head_label: str
    limits: ReportLimits | None = None
    notes: Sequence[ConfigNote | HandbookMoved | BaseAheadNote | PluralsNote] = ()
    suppressions: Sequence[SwitchedOff] = ()
    check_settings: SettingsChange | None = None
    settings: SiteSettings = dataclasses.field(default_factory=SiteSettings)
    use_directory_urls: bool = True
    personal_data_masked: bool = False
    head_terms: Mapping[str, Term] = dataclasses.field(default_factory=dict)
    config_path: str = "mkdocs.yml"
    publication: PublicationChange = dataclasses.field(default_factory=PublicationChange)


def render(
    changes: Changes,
    uses: Mapping[str, Sequence[Use]],
    unloaded: UnloadedFiles,
    context: ReportContext,
) -> str:
    """The whole report, ending with a newline: `changes`, the `uses` of forms whose
    status changed, the files that do not load (`unloaded`), in `context`."""
    limits, check_settings = context.limits, context.check_settings
    not_compared, untouched = unloaded.not_compared, unloaded.untouched
    budget = Budget(limits)
    lines = [f"## Handbook changes: {context.base_label} → {context.head_label}", ""]
    for note in context.notes:
        lines += [f"> ⚠️ {note.markdown()}", ""]
    if context.personal_data_masked:
        lines += [MASKED_NOTE, ""]
    lines += _paths_from_lines(context.config_path)
    settings, use_directory_urls = context.settings, context.use_directory_urls
    if not changes.items and not changes.form_changes and not not_compared:
        lines += ["No glossary term, protocol or training module changed.", ""]
        lines += suppressions_section(context.suppressions, check_settings)
        # Pages moved or removed alone take their addresses off the site too.
        lines += old_addresses_section(
            _published(old_addresses(changes, settings), context.publication),
            settings,
            use_directory_urls,
        )
        lines += publication_section(
            context.publication, use_directory_urls, settings.handouts, budget, settings.nav_places
        )
        lines += _untouched_lines(untouched)
        return "\n".join(within(lines, limits))
    lines += _summary_table(changes)
    lines += _version_problems(changes)
    # Before the items, which a size limit cuts first.
    lines += suppressions_section(context.suppressions, check_settings)
    changes = with_nav_places(changes, settings)
    addresses = _published(
        old_addresses(changes, settings, context.head_terms), context.publication
    )
    handouts = old_handouts(changes, settings, context.publication.base_left_out)
    lines += old_addresses_section(addresses, settings, use_directory_urls, handouts)
    lines += publication_section(
        context.publication, use_directory_urls, settings.handouts, budget, settings.nav_places
    )
    lines += _not_compared_lines(not_compared)
    lines += _untouched_lines(untouched)
    lines += _broken_at_base_lines(unloaded.broken_at_base)
    for kind in KINDS:
        moved_pages = changes.moved_pages if kind == "module" else ()
        lines += _kind_section(
            kind, changes.of_kind(kind), budget, moved_pages, changes.form_changes
        )
    lowered = check_settings.lowered if check_settings else {}
    lines += uses_section(changes, uses, budget, lowered)
    lines += translations_section(changes, context.head_terms)
    # Last, where a size limit cuts first (`NEW_ITEMS`).
    for kind in KINDS:
        lines += _new_items_section(kind, changes.of_kind(kind), budget)
    return "\n".join(within(lines, limits))


def _published(addresses: list[OldAddress], publication: PublicationChange) -> list[OldAddress]:
    """The old addresses of pages the base published: one it left out (a draft removed
    or renamed) was never on the site, and a redirect from it would take its address."""
    return [address for address in addresses if publication.was_published(address.old_page)]


def _paths_from_lines(config_path: str) -> list[str]:
    """Where the report's paths start, where that is not the top of the repository: as
    `handbook check` gives them, from the folder of mkdocs.yml, which a reviewer of a
    handbook in a folder looked for at the top (review)."""
    folder, name = posixpath.split(config_path)
    if not folder:
        return []
    return [
        f"Paths are from {inline_code(folder + '/')}, the folder of {escape(name)}, as "
        "`handbook check` gives them.",
        "",
    ]


def _not_compared_lines(not_compared: Mapping[str, tuple[str, str] | None]) -> list[str]:
    """The section of the files that do not load at the head, with the first problem of
    each; none if every file loads."""
    if not not_compared:
        return []
    return [
        "### Not compared",
        "",
        "These files do not load at the head, so they cannot be compared, nor can their "
        "`version` and `history` be shown to record the change: the diff fails until they "
        "load. `handbook check` lists every problem of each; the first is:",
        "",
        *(_problem_line(path, problem, "❌ ") for path, problem in not_compared.items()),
        "",
    ]


def _broken_at_base_lines(broken_at_base: Mapping[str, tuple[str, str] | None]) -> list[str]:
    """The section of the files that did not load at the base and do now, each with why
    (the base is read with today's checks, which may refuse what it held then: session
    64); none if there are none."""
    if not broken_at_base:
        return []
    return [
        "### Did not load at the base",
        "",
        "These files did not load at the base, as `handbook check` reads them now, so what "
        "is in them now is shown as added, compared with nothing (a fix of a broken file, "
        "or a check stricter than when the base was written). The first problem of each "
        "at the base:",
        "",
        *(_problem_line(path, problem, "") for path, problem in broken_at_base.items()),
        "",
    ]


def _problem_line(path: str, problem: tuple[str, str] | None, mark: str) -> str:
    """`path` with its first problem (`line:column`, message), if known, after `mark`."""
    if problem is None:
        return f"- {mark}{inline_code(path)}"
    return f"- {mark}{inline_code(f'{path}:{problem[0]}')}: {escape(problem[1])}"


def _untouched_lines(untouched: Sequence[str]) -> list[str]:
    if not untouched:
        return []
    return [
        "### Broken before this change",
        "",
        "These files did not load at the base either, and this change leaves them as they "
        "were: `handbook check` fails on them, not this diff.",
        "",
        *(f"- {inline_code(path)}" for path in untouched),
        "",
    ]


def _summary_table(changes: Changes) -> list[str]:
    lines = [
        "| | " + " | ".join(title.lower() for title in CHANGE_TITLES.values()) + " |",
        "|---|" + "---:|" * len(CHANGE_TITLES),
    ]
    for kind in KINDS:
        counts = dict.fromkeys(CHANGE_TITLES, 0)
        for item in changes.of_kind(kind):
            for change_type in item.changes:
                counts[change_type] += 1
        lines.append(f"| {PLURAL[kind].lower()} | " + " | ".join(map(str, counts.values())) + " |")
    return [*lines, ""]


def _version_problems(changes: Changes) -> list[str]:
    problems = changes.version_problems
    if not problems:
        return []
    lines = [
        # Not "not raised": it also went down, skipped one, or lost an old entry (audit).
        "### Version or history to fix",
        "",
        "Every change to a term, protocol or module raises its `version` by one and adds a "
        "`history` entry for the new version at the top of `history`; a new one starts "
        "with a `history` entry for its `version`.",
        "",
    ]
    for change in problems:
        where = f"{inline_code(change.path)} ({change.kind} `{change.item.id}`)"
        lines.append(f"- ❌ {where}: {change.version_problem}")
    return [*lines, ""]


def _kind_section(
    kind: ItemKind,
    items: list[ItemChange],
    budget: Budget,
    moved_pages: Sequence[MovedPage] = (),
    form_changes: Sequence[FormStatusChange] = (),
) -> list[str]:
    """The items of one kind that were there before, by how they changed (the new ones:
    `_new_items_section`); `moved_pages`, the pages that moved with the modules folder
    and are no module, among the modules moved; `form_changes`, where a removed term's
    forms went."""
    if not any(change_type in item.changes for item in items for change_type in SECTION_ORDER):
        return []
    lines = [f"### {PLURAL[kind]}", ""]
    for change_type in SECTION_ORDER:
        title = CHANGE_TITLES[change_type]
        group = [item for item in items if change_type in item.changes]
        if not group:
            continue
        lines += [f"#### {title}", ""]
        for item in group:
            lines += _item_lines(item, budget, change_type, form_changes)
        if change_type == "moved":
            for page in moved_pages:
                lines += _moved_page_lines(page, budget)
    return lines


def _new_items_section(kind: ItemKind, items: list[ItemChange], budget: Budget) -> list[str]:
    """The items of one kind that the change adds, with all they hold."""
    added = [item for item in items if "added" in item.changes]
    if not added:
        return []
    lines = [f"### {NEW_ITEMS[kind]}", ""]
    for item in added:
        lines += _item_lines(item, budget)
    return lines


def _moved_page_lines(page: MovedPage, budget: Budget) -> list[str]:
    """A page of the modules folder that is no module, moved with the folder: its
    address changes, as the modules' do (links to the overview page were not listed)."""
    what = (
        "the modules' overview page"
        if posixpath.basename(page.new_path) == "index.md"
        else "a page of the modules folder"
    )
    lines = [
        f"- {inline_code(page.new_path)}: {what} (no module)",
        f"  - moved from {inline_code(page.old_path)} (`modules_dir`): its page moves to a "
        "new address, and links written to it must follow",
    ]
    if page.linked_from:
        places = first_places(page.linked_from, budget)
        lines.append(
            f"  - its page is still linked to from {places}: those links break until they "
            "lead to its new page, or another"
        )
    return [*lines, ""]


def _item_lines(
    change: ItemChange,
    budget: Budget,
    listed_as: ChangeType | None = None,
    form_changes: Sequence[FormStatusChange] = (),
) -> list[str]:
    """The lines of one item, `listed_as` one of its `changes` (its `change` if None): a
    renamed or moved item edited too shows where it went among the renamed or moved ones,
    and what changed in it among the changed ones. `form_changes`: where a removed
    term's forms went."""
    item = change.item
    name = item.term if isinstance(item, Term) else item.title
    heading = f"- **{escape(name)}** (`{item.id}`, {inline_code(change.path)})"
    if change.change == "added":
        return _added_item_lines(change, heading, budget)
    if change.change == "removed":
        return _removed_item_lines(change, heading, budget, form_changes)
    assert change.old is not None and change.new is not None
    lines = [f"{heading}: version {_arrow(change.old.version, change.new.version)}"]
    if listed_as == "changed" and change.change != "changed":
        # Where it went is listed with the renamed or moved items: named, not repeated.
        went = (
            f"`{change.old.id}`"
            if change.change == "renamed"
            else inline_code(change.old.origin.path)
        )
        lines.append(f"  - {change.change} from {went}: see **{CHANGE_TITLES[change.change]}**")
        return [*lines, *_content_lines(change, budget)]
    # The pull request template tells editors a file renamed or moved alone needs no new
    # version and that the report says so: it did not (audit edit57).
    unbumped = "" if change.content_changed else " (no version bump needed)"
    if change.change == "renamed":
        lines.append(
            f"  - renamed from `{change.old.id}` ({inline_code(change.old.origin.path)}): its page "
            f"moves, and references to `{change.old.id}` must follow{unbumped}"
        )
        lines += _named_by_lines(change, budget)
    if change.change == "moved":
        # Its id is the same: references and its handout's name stay; its address not.
        lines.append(
            f"  - moved from {inline_code(change.old.origin.path)} (`modules_dir`): its page moves "
            f"to a new address, and links written to it must follow; its handout keeps its "
            f"name{unbumped}"
        )
        lines += _named_by_lines(change, budget)
    if change.content_changed:
        # A voluntary bump alone ("Id corrected") is no change of content (audit).
        fields = change.fields or change.unpublished or change.layout_fields
        what = "content" if fields or change.renamed_references else "version and history"
        return [*lines, f"  - its {what} changed too: see **Changed**", ""]
    return [*lines, *_content_lines(change, budget)]


def _added_item_lines(change: ItemChange, heading: str, budget: Budget) -> list[str]:
    """The lines of an item the change adds, under its `heading`: all it holds."""
    item = change.item
    status = f", {item.status}" if isinstance(item, Term) else ""
    return [
        f"{heading}: version {item.version}{status}",
        *_forms_of_new(change),
        *(_term_of_new(item) if isinstance(item, Term) else []),
        *_references_of_new(change),
        *_text_of_new(item, budget),
        *(_protocol_of_new(item, budget) if isinstance(item, Protocol) else []),
        *new_entry_lines(item.history),
        *([f"  - ❌ {change.version_problem}"] if change.version_problem else []),
        *_placeholder_lines(item),
        *_empty_section_lines(item),
        "",
    ]


def _removed_item_lines(
    change: ItemChange, heading: str, budget: Budget, form_changes: Sequence[FormStatusChange]
) -> list[str]:
    """The lines of an item the change removes, under its `heading`: what breaks, and
    where a term's forms went (`form_changes`)."""
    item = change.item
    # Links written in pages do not go with it: they break (audit).
    note = " Its page goes, and links written to it break."
    if isinstance(item, Term) and item.status != "deprecated":
        # Merged by deletion, its forms link to the term that took them (audit).
        heir = forms_now_of(change, form_changes)
        if heir is None:
            note += " Its forms are no longer linked."
        else:
            note += f" Its forms are now forms of `{heir}`, and link to its page."
    lines = [f"{heading}: was version {item.version}.{note}", *_named_by_lines(change, budget)]
    if isinstance(item, Term) and item.status != "deprecated":
        lines.append(
            "  - to retire a term, deprecate it instead (`status: deprecated`, "
            "`replaced_by`): its page stays, and the checks point every use to the "
            "replacement"
        )
    return [*lines, ""]


def _content_lines(change: ItemChange, budget: Budget) -> list[str]:
    """What changed in an item that is on both sides: its fields, history and version,
    ending with a blank line."""
    assert change.old is not None and change.new is not None
    lines: list[str] = []
    if change.fields:
        lines.append("  - fields changed: " + ", ".join(f"`{f.name}`" for f in change.fields))
    if change.layout_fields:
        lines.append(
            "  - layout only (spaces, line breaks, comments or how accents are encoded; no "
            "version bump needed): " + ", ".join(f"`{name}`" for name in change.layout_fields)
        )
    if change.renamed_references:
        lines.append(
            "  - names renamed items by their new ids (no version bump needed): "
            + ", ".join(f"`{name}`" for name in change.renamed_references)
        )
    lines += [
        f"  - `{field.name}` (shown on no page, so no version bump needed): "
        + list_change(_sequence(field.old), _sequence(field.new))
        for field in change.unpublished
    ]
    lines += form_lines(change)
    # A module's body is numbered as its file is.
    starts = (_first_body_line(change.old), _first_body_line(change.new))
    for field in change.fields:
        if field.name == "replaced_by" and replacement_on_status_line(change):
            continue
        shown = field_lines(field, starts if field.name == "body" else (1, 1))
        if field.name == "replaced_by" and shown:  # as the status line would say it
            shown = [*shown[:-1], shown[-1] + refused(change)]
        lines += budget.text_lines(field.name, shown) if field.name in TEXT_FIELDS else shown
    if change.history_changed:
        lines += history_lines(change.old.history, change.new.history)
    if change.version_problem:
        lines.append(f"  - ❌ {change.version_problem}")
    lines += _related_by_lines(change)
    lines += _replacing_lines(change)
    lines += _placeholder_lines(change.new)
    lines += _empty_section_lines(change.new)
    return [*lines, ""]


def _related_by_lines(change: ItemChange) -> list[str]:
    """A warning where terms still list a term this change deprecates in `related`: their
    pages send readers to it, its replacement's page too, and no check says so (audit)."""
    if not change.related_by:
        return []
    places = ", ".join(inline_code(place) for place in change.related_by)
    replacement = _advised_replacement(change)
    instead = f", or name its replacement `{replacement}`" if replacement else ""
    return [
        f"  - ⚠️ still listed in `related` by {places}: their pages send readers to a "
        f"deprecated term. Drop it{instead} (a new version for each)"
    ]


def _replacing_lines(change: ItemChange) -> list[str]:
    """An error where terms deprecated before name a term this change deprecates as
    their `replaced_by`: a chain of replacements, which the check refuses."""
    if not change.replacing:
        return []
    places = ", ".join(inline_code(place) for place in change.replacing)
    replacement = _advised_replacement(change)
    now = f", `{replacement}`" if replacement else ""
    return [
        f"  - ❌ still named as the replacement (`replaced_by`) by {places}: `handbook check` "
        f"fails until each names the term to use now{now}; a new version for each"
    ]


def _advised_replacement(change: ItemChange) -> str | None:
    """The `replaced_by` of the term `change` deprecates, to advise in its warnings; None
    where it is no term's change, names none, or the check refuses it
    (`replacement_problem`)."""
    term = change.item
    if not isinstance(term, Term) or change.replacement_problem:
        return None
    return term.replaced_by


def _placeholder_lines(item: Item) -> list[str]:
    """A warning where `handbook new`'s placeholder text is still in the item: the checks
    pass it (the scaffold is a valid file), and the reviewer is the one to catch it."""
    fields = placeholder_fields(item)
    if not fields:
        return []
    named = ", ".join(f"`{name}`" for name in fields)
    # Not "of `handbook new`": a file pasted from CONTRIBUTING's template holds it too (audit).
    return [
        "  - ⚠️ still holds placeholder text (as `handbook new` or CONTRIBUTING's template "
        f"writes it) in {named}: fill it in"
    ]


def _empty_section_lines(item: Item) -> list[str]:
    """A warning where a module's Realize, Recognize or Respond section holds nothing a
    reader sees, as `handbook new module` leaves them (its comments alone): the checks
    pass it, and its page and handout would show the headings over nothing (audit)."""
    if not isinstance(item, Module):
        return []
    empty = sections_without_text(item)
    if not empty:
        return []
    named = ", ".join(f"`## {name}`" for name in empty)
    them = "it" if len(empty) == 1 else "them"
    return [
        f"  - ⚠️ nothing published under {named} (spaces and comments alone, which readers "
        f"do not see): its page and handout show {them} empty; write {them}"
    ]


def _forms_of_new(change: ItemChange) -> list[str]:
    item = change.item
    if not isinstance(item, Term):
        return []
    # A deprecated term's own forms are all discouraged (DESIGN 3.1), none accepted (audit).
    label = (
        "forms (all discouraged: the term is deprecated)"
        if item.status == "deprecated"
        else "accepted forms"
    )
    lines = [f"  - {label}: " + form_list(accepted_forms(item))]
    if item.avoid:
        lines.append("  - forms to avoid: " + form_list(avoided_forms(item)))
        lines += avoid_reason_lines((), item)
    return lines


def _term_of_new(term: Term) -> list[str]:
    """What else of a new term reviewers approve (audit): how its forms match, the
    tooltip every link to it shows (where it is written, not the definition's first
    sentence), its translations, which its page shows, and its tags, which no page does."""
    lines = []
    if term.case_sensitive:
        lines.append("  - case-sensitive: its forms match only as written")
    if "short" in term.origin.spans:
        lines.append(f"  - short (the tooltip of every link to it): {escape(term.short)}")
    if term.translations:
        translations = "; ".join(
            f"{escape(language)}: {escape(text)}"
            for language, text in sorted(term.translations.items())
        )
        lines.append(f"  - translations: {translations}")
    if term.tags:
        lines.append(f"  - tags (shown on no page): {form_list(term.tags)}")
    return lines


def _references_of_new(change: ItemChange) -> list[str]:
    """What a new term leans on, for reviewers to follow: its replacement (and why the
    check refuses it, if it does), related terms and sources; what a new module teaches
    whom, and the protocols it hands out."""
    item = change.item
    if isinstance(item, Module):
        return _module_of_new(item)
    if not isinstance(item, Term):
        return []
    lines = [f"  - replaced by: `{item.replaced_by}`{refused(change)}"] if item.replaced_by else []
    if item.related:
        lines.append("  - related: " + ", ".join(f"`{related}`" for related in item.related))
    if item.sources:
        sources = ", ".join(
            f"[{escape(source.title)}](<{link_target(source.url)}>)" for source in item.sources
        )
        lines.append(f"  - sources: {sources}")
    return lines


def _protocol_of_new(protocol: Protocol, budget: Budget) -> list[str]:
    """What a reviewer approves in a new protocol besides its summary (review: only the
    summary and history were shown): who keeps it and for whom, its dates, the numbers
    its contacts give, and its steps as the page numbers them."""
    lines = [
        f"  - owner: {escape(protocol.owner)}",
        f"  - effective {protocol.effective.isoformat()}, review by "
        f"{protocol.review_by.isoformat()}",
        f"  - audience: {', '.join(escape(reader) for reader in protocol.audience)}",
    ]
    if protocol.contacts:
        lines.append("  - contacts:")
        lines += [f"    - {line_start(describe(contact))}" for contact in protocol.contacts]
    steps = ["  - steps:", "", *fenced(value_lines(protocol.steps)), ""]
    return lines + budget.text_lines("steps", steps)


def _module_of_new(module: Module) -> list[str]:
    lines = [
        f"  - audience: {', '.join(escape(reader) for reader in module.audience)}",
        f"  - duration: {escape(module.duration)}",
    ]
    if module.protocols:
        lines.append("  - protocols: " + ", ".join(f"`{name}`" for name in module.protocols))
    if module.objectives:
        lines.append("  - objectives:")
        lines += [f"    - {line_start(escape(objective))}" for objective in module.objectives]
    return lines


def _named_by_lines(change: ItemChange, budget: Budget) -> list[str]:
    """The files that still name a removed or renamed item, and the pages that link to the
    page of a removed, renamed or moved one. A removed item has no new id or page for them
    to follow (audit), and the "did you mean" of `handbook check`, which cannot know the
    file was removed, is a name like it, not its replacement (audit)."""
    has_new_page = change.change in ("renamed", "moved")
    lines: list[str] = []
    if change.named_by:
        assert change.old is not None
        places = ", ".join(f"{inline_code(path)} ({field})" for path, field in change.named_by)
        if has_new_page:
            mend = "`handbook check` fails until they follow"
        else:
            mend = (
                f"this change removes {inline_code(change.old.origin.path)}, so `handbook "
                f"check` fails until they name another {change.kind}, or nothing (an id it "
                "suggests is only the nearest in spelling)"
            )
        lines.append(f"  - still named as `{change.old.id}` by {places}: {mend}")
    if change.linked_from:
        places = first_places(change.linked_from, budget)
        mend = (
            "until they lead to its new page, or another"
            if has_new_page
            else "unless they lead to another page, or are removed"
        )
        lines.append(f"  - its page is still linked to from {places}: those links break {mend}")
    if change.nav_place is not None and change.old_page is not None:
        # MkDocs alone sees it, and fails `--strict` without a line (audit).
        lines.append(
            f"  - {inline_code(change.nav_place)} (`nav`) still names its old page "
            f"{inline_code(change.old_page)}: `mkdocs build --strict` fails until it names "
            + ("the new one" if has_new_page else "another, or none")
        )
    return lines


def _text_of_new(item: Item, budget: Budget) -> list[str]:
    """What a reviewer is asked to approve in a new term or protocol: its definition or
    summary, as source, a quoted paragraph each."""
    if isinstance(item, Term):
        name, text = "definition", item.definition
    elif isinstance(item, Protocol):
        name, text = "summary", item.summary
    else:
        return []
    paragraphs = [" ".join(part.split()) for part in PARAGRAPH_BREAK.split(text)]
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    if not paragraphs:
        return []
    quoted = "\n    >\n".join(f"    > {line_start(escape(paragraph))}" for paragraph in paragraphs)
    return budget.text_lines(name, [f"  - {name}:", "", *quoted.split("\n"), ""])


def _first_body_line(item: Item) -> int:
    """The file line of a module body's first line as the diff compares it: the blank
    lines after the front matter are left out (`changes_layout.normalise_text`)."""
    body = getattr(item, "body", "")
    leading = body[: len(body) - len(body.lstrip())]
    return item.origin.body_line + leading.count("\n")


def _sequence(value: object) -> tuple[object, ...]:
    return value if isinstance(value, tuple) else ()


def _arrow(old: int, new: int) -> str:
    return str(new) if old == new else f"{old} → {new}"
