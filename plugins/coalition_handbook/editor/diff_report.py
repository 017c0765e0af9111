"""Render `Changes` as the Markdown report of `handbook diff` (for a pull request's summary).

Text from the handbook is shown as source: Markdown in it is escaped, so a definition's
own `**` or `[` cannot break the report's formatting; a web address in it stays a link
that leads where it was typed to, or is shown as typed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from ..forms import form_key
from ..model.types import (
    AvoidForm,
    Contact,
    HistoryEntry,
    Module,
    Protocol,
    SourceRef,
    Step,
    Term,
)
from .changes import (
    KINDS,
    PARAGRAPH_BREAK,
    Changes,
    FieldChange,
    FormState,
    FormStatusChange,
    Item,
    ItemChange,
    ItemKind,
    accepted_forms,
    avoided_forms,
    file_lines,
    paragraph_blocks,
    placeholder_fields,
)
from .usage import Use

PLURAL = {"term": "Terms", "protocol": "Protocols", "module": "Modules"}
CHANGE_TITLES = {
    "added": "Added",
    "removed": "Removed",
    "renamed": "Renamed",
    "moved": "Moved",
    "changed": "Changed",
}
# Fields shown as a word diff (short prose) or a line diff (long Markdown).
WORD_DIFF_FIELDS = {"definition", "short", "summary"}
LINE_DIFF_FIELDS = {"body"}
# The fields whose diffs may be long, and count against `ReportLimits.text_bytes`.
_TEXT_FIELDS = WORD_DIFF_FIELDS | LINE_DIFF_FIELDS | {"steps"}
# Every file that uses a changed form is named, with at most this many of its places: a
# common word deprecated in a large handbook would otherwise make a report larger than
# GitHub keeps as a step summary (1 MiB; the check's log lists every use).
PLACES_PER_FILE = 10


@dataclass(frozen=True)
class ReportLimits:
    """How much the report holds where it is read with a size limit: GitHub keeps a step
    summary of at most 1 MiB, and drops a larger one whole, leaving reviewers no report
    at all (audit: two common terms deprecated in 1000 pages made 1.5 MB). What is left
    out is said where it would be, with `rerun`, the command that shows all of it."""

    files_per_form: int  # files named for the uses of a form, or the links to a page
    text_bytes: int  # of the definitions, summaries and bodies shown, all told
    report_bytes: int  # of the whole report, in UTF-8
    rerun: str  # e.g. "handbook diff origin/main..."


@dataclass(frozen=True)
class ConfigNote:
    """Why one side's handbook was read with the folders mkdocs.yml names now: its own
    copy of `path` is not there (`problem` None) or cannot be read."""

    path: str
    problem: str | None = None
    side: str = ""  # how the report names the revision: `main` (abc123def456)
    empty: bool = False  # and no term, protocol or module is found there

    def text(self) -> str:
        """The note as one line of plain text (for stderr)."""
        return self._written(f"`{self.path}`", self.problem)

    def markdown(self) -> str:
        """The note as the report shows it: what the revision holds stays text."""
        return self._written(_code(self.path), _escape(self.problem or ""))

    def _written(self, path: str, problem: str | None) -> str:
        if self.problem is None:
            said = f"{self.side} has no {path}"
        else:
            said = f"{self.side}: {path} could not be read ({problem})"
        said += "; its handbook is read from the folders mkdocs.yml names now"
        if self.empty:
            said += ", where it has no term, protocol or module"
        return said


def step_summary_limits(rerun: str) -> ReportLimits:
    """Limits that keep the report well within GitHub's 1 MiB step summary."""
    return ReportLimits(files_per_form=25, text_bytes=400_000, report_bytes=900_000, rerun=rerun)


class _Budget:
    """What is left of `ReportLimits.text_bytes` as the report is written (no limits:
    everything is shown)."""

    def __init__(self, limits: ReportLimits | None) -> None:
        self.limits = limits
        self.text_left = limits.text_bytes if limits else 0

    @property
    def files_per_form(self) -> int | None:
        return self.limits.files_per_form if self.limits else None

    def text_lines(self, name: str, lines: list[str]) -> list[str]:
        """`lines`, which show the text of the field `name`, if they fit what is left;
        else a line that says they are left out, and how to see them."""
        if self.limits is None:
            return lines
        size = _size(lines)
        if size <= self.text_left:
            self.text_left -= size
            return lines
        return [
            f"  - `{name}`: left out ({_kilobytes(size)}; this report shows "
            f"{_kilobytes(self.limits.text_bytes)} of texts at the most): run "
            f"`{self.limits.rerun}` locally to see it"
        ]


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def render(
    changes: Changes,
    base_label: str,
    head_label: str,
    uses: Mapping[str, Sequence[Use]],
    not_compared: Mapping[str, tuple[str, str] | None] = MappingProxyType({}),
    broken_at_base: Sequence[str] = (),
    untouched: Sequence[str] = (),
    limits: ReportLimits | None = None,
    notes: Sequence[ConfigNote] = (),
) -> str:
    """The whole report, ending with a newline. `not_compared`: content files that do not
    load at the head, with the first problem of each (`line:column`, message);
    `broken_at_base`: those that did not load at the base; `untouched`: files that did
    not load at either, left as they were; `limits`, how much it may hold (none: all);
    `notes`, sides read with the folders mkdocs.yml names now, and why."""
    budget = _Budget(limits)
    lines = [f"## Handbook changes: {base_label} → {head_label}", ""]
    for note in notes:
        lines += [f"> ⚠️ {note.markdown()}", ""]
    if not changes.items and not changes.form_changes and not not_compared:
        lines += ["No glossary term, protocol or training module changed.", ""]
        lines += _untouched_lines(untouched)
        return "\n".join(lines)
    lines += _summary_table(changes)
    lines += _version_problems(changes)
    if not_compared:
        lines += [
            "### Not compared",
            "",
            "These files do not load at the head, so they cannot be compared, nor can their "
            "`version` and `history` be shown to record the change: the diff fails until they "
            "load. `handbook check` lists every problem of each; the first is:",
            "",
        ]
        lines += [
            f"- ❌ {_code(f'{path}:{problem[0]}')}: {_escape(problem[1])}"
            if problem
            else f"- ❌ {_code(path)}"
            for path, problem in not_compared.items()
        ]
        lines.append("")
    lines += _untouched_lines(untouched)
    if broken_at_base:
        lines += [
            "### Did not load at the base",
            "",
            "These files did not load at the base, so what is in them now is shown as added, "
            "compared with nothing (a fix of a broken file, most likely):",
            "",
            *(f"- {_code(path)}" for path in broken_at_base),
            "",
        ]
    for kind in KINDS:
        lines += _kind_section(kind, changes.of_kind(kind), budget)
    lines += _uses_section(changes, uses, budget)
    return "\n".join(_within(lines, limits))


def _within(lines: list[str], limits: ReportLimits | None) -> list[str]:
    """`lines`, cut where the report would pass `limits.report_bytes`: before a heading,
    a top-level item or a table row (a line that starts at the left edge), never inside
    one; then a line that says how much is left out and how to see it."""
    if limits is None or _size(lines) <= limits.report_bytes:
        return lines
    starts = [index for index, line in enumerate(lines) if index and line and not line[0].isspace()]
    # Room for the closing lines, which name the sizes.
    room = limits.report_bytes - 1000
    kept = 0
    size = 0
    for start in [*starts, len(lines)]:
        size += _size(lines[kept:start])
        if size > room:
            break
        kept = start
    kept = max(kept, 1)
    while kept > 1 and (lines[kept - 1].startswith("#") or not lines[kept - 1].strip()):
        kept -= 1  # a heading with nothing under it, and blank lines, go with the rest
    left_out = lines[kept:]
    entries = sum(1 for line in left_out if line and not line[0].isspace())
    return [
        *lines[:kept],
        "",
        f"⚠️ **The report stops here**: {entries} more entries ({_kilobytes(_size(left_out))}) "
        "are left out, to stay within what GitHub shows of a summary (1 MiB): run "
        f"`{limits.rerun}` locally for all of it.",
        "",
    ]


def _size(lines: Sequence[str]) -> int:
    """The size of `lines` in the report, in UTF-8 bytes."""
    return sum(len(line.encode("utf-8", "surrogateescape")) + 1 for line in lines)


def _kilobytes(size: int) -> str:
    return f"{max(1, round(size / 1000)):,} KB"


def _untouched_lines(untouched: Sequence[str]) -> list[str]:
    if not untouched:
        return []
    return [
        "### Broken before this change",
        "",
        "These files did not load at the base either, and this change leaves them as they "
        "were: `handbook check` fails on them, not this diff.",
        "",
        *(f"- {_code(path)}" for path in untouched),
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
            counts[item.change] += 1
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
        where = f"{_code(change.path)} ({change.kind} `{change.item.id}`)"
        lines.append(f"- ❌ {where}: {change.version_problem}")
    return [*lines, ""]


def _kind_section(kind: ItemKind, items: list[ItemChange], budget: _Budget) -> list[str]:
    if not items:
        return []
    lines = [f"### {PLURAL[kind]}", ""]
    for change_type, title in CHANGE_TITLES.items():
        group = [item for item in items if item.change == change_type]
        if not group:
            continue
        lines += [f"#### {title}", ""]
        for item in group:
            lines += _item_lines(item, budget)
    return lines


def _item_lines(change: ItemChange, budget: _Budget) -> list[str]:
    item = change.item
    name = item.term if isinstance(item, Term) else item.title
    heading = f"- **{_escape(name)}** (`{item.id}`, {_code(change.path)})"
    if change.change == "added":
        status = f", {item.status}" if isinstance(item, Term) else ""
        return [
            f"{heading}: version {item.version}{status}",
            *_forms_of_new(change),
            *(_term_of_new(item) if isinstance(item, Term) else []),
            *_references_of_new(item),
            *_text_of_new(item, budget),
            *(_protocol_of_new(item, budget) if isinstance(item, Protocol) else []),
            *(f"  - history: {_history(entry)}" for entry in item.history),
            *([f"  - ❌ {change.version_problem}"] if change.version_problem else []),
            *_placeholder_lines(item),
            "",
        ]
    if change.change == "removed":
        # Links written in pages do not go with it: they break (audit).
        note = " Its page goes, and links written to it break."
        if isinstance(item, Term) and item.status != "deprecated":
            note += " Its forms are no longer linked."
        lines = [f"{heading}: was version {item.version}.{note}", *_named_by_lines(change, budget)]
        if isinstance(item, Term) and item.status != "deprecated":
            lines.append(
                "  - to retire a term, deprecate it instead (`status: deprecated`, "
                "`replaced_by`): its page stays, and the checks point every use to the "
                "replacement"
            )
        return [*lines, ""]
    assert change.old is not None and change.new is not None
    lines = [f"{heading}: version {_arrow(change.old.version, change.new.version)}"]
    if change.change == "renamed":
        lines.append(
            f"  - renamed from `{change.old.id}` ({_code(change.old.origin.path)}): its page "
            f"moves, and references to `{change.old.id}` must follow"
        )
        lines += _named_by_lines(change, budget)
    if change.change == "moved":
        # Its id is the same: references and its handout's name stay; its address not.
        lines.append(
            f"  - moved from {_code(change.old.origin.path)} (`modules_dir`): its page moves "
            "to a new address, and links written to it must follow; its handout keeps its name"
        )
        lines += _named_by_lines(change, budget)
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
        + _list_change(_sequence(field.old), _sequence(field.new))
        for field in change.unpublished
    ]
    lines += _form_lines(change)
    # A module's body is numbered as its file is.
    starts = (_first_body_line(change.old), _first_body_line(change.new))
    for field in change.fields:
        shown = _field_lines(field, starts if field.name == "body" else (1, 1))
        lines += budget.text_lines(field.name, shown) if field.name in _TEXT_FIELDS else shown
    if change.history_changed:
        lines += _history_lines(change.old.history, change.new.history)
    if change.version_problem:
        lines.append(f"  - ❌ {change.version_problem}")
    lines += _placeholder_lines(change.new)
    return [*lines, ""]


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
    lines = [f"  - {label}: " + _form_list(accepted_forms(item))]
    if item.avoid:
        lines.append("  - forms to avoid: " + _form_list(avoided_forms(item)))
        lines += _avoid_reason_lines((), item)
    return lines


def _term_of_new(term: Term) -> list[str]:
    """What else of a new term reviewers approve (audit): how its forms match, the
    tooltip every link to it shows (where it is written, not the definition's first
    sentence), its translations, which its page shows, and its tags, which no page does."""
    lines = []
    if term.case_sensitive:
        lines.append("  - case-sensitive: its forms match only as written")
    if "short" in term.origin.spans:
        lines.append(f"  - short (the tooltip of every link to it): {_escape(term.short)}")
    if term.translations:
        translations = "; ".join(
            f"{_escape(language)}: {_escape(text)}"
            for language, text in sorted(term.translations.items())
        )
        lines.append(f"  - translations: {translations}")
    if term.tags:
        lines.append(f"  - tags (shown on no page): {_form_list(term.tags)}")
    return lines


def _references_of_new(item: Item) -> list[str]:
    """What a new term leans on, for reviewers to follow: its replacement, related terms
    and sources; what a new module teaches whom, and the protocols it hands out."""
    if isinstance(item, Module):
        return _module_of_new(item)
    if not isinstance(item, Term):
        return []
    lines = [f"  - replaced by: `{item.replaced_by}`"] if item.replaced_by else []
    if item.related:
        lines.append("  - related: " + ", ".join(f"`{related}`" for related in item.related))
    if item.sources:
        sources = ", ".join(
            f"[{_escape(source.title)}](<{_link_target(source.url)}>)" for source in item.sources
        )
        lines.append(f"  - sources: {sources}")
    return lines


def _fenced(lines: Sequence[str], info: str = "") -> list[str]:
    """`lines` as a fenced block in a list item, its fence longer than any run of
    backticks in them: a fence in the text cannot close it."""
    fence = "`" * max([3, *(len(run) + 1 for line in lines for run in re.findall("`+", line))])
    return [f"    {fence}{info}", *(f"    {line}" for line in lines), f"    {fence}"]


def _protocol_of_new(protocol: Protocol, budget: _Budget) -> list[str]:
    """What a reviewer approves in a new protocol besides its summary (review: only the
    summary and history were shown): who keeps it and for whom, its dates, the numbers
    its contacts give, and its steps as the page numbers them."""
    lines = [
        f"  - owner: {_escape(protocol.owner)}",
        f"  - effective {protocol.effective.isoformat()}, review by "
        f"{protocol.review_by.isoformat()}",
        f"  - audience: {', '.join(_escape(reader) for reader in protocol.audience)}",
    ]
    if protocol.contacts:
        lines.append("  - contacts:")
        lines += [f"    - {_describe(contact)}" for contact in protocol.contacts]
    steps = ["  - steps:", "", *_fenced(_lines(protocol.steps)), ""]
    return lines + budget.text_lines("steps", steps)


def _module_of_new(module: Module) -> list[str]:
    lines = [
        f"  - audience: {', '.join(_escape(reader) for reader in module.audience)}",
        f"  - duration: {_escape(module.duration)}",
    ]
    if module.protocols:
        lines.append("  - protocols: " + ", ".join(f"`{name}`" for name in module.protocols))
    if module.objectives:
        lines.append("  - objectives:")
        lines += [f"    - {_escape(objective)}" for objective in module.objectives]
    return lines


def _link_target(url: str) -> str:
    """`url` as a link destination in angle brackets, which it cannot close or break."""
    return url.replace("<", "%3C").replace(">", "%3E").replace("\n", "%0A")


def _first_places(places: Sequence[str], files: int | None) -> str:
    """`path:line` places, the first `PLACES_PER_FILE` of each file shown, as the uses of a
    form are (a page of a thousand links makes one line of ten), of the first `files`
    files (None: all)."""
    by_file: dict[str, list[str]] = {}
    for place in places:
        by_file.setdefault(place.rsplit(":", 1)[0], []).append(place)
    return _places_by_file(by_file, files)


def _places_by_file(by_file: Mapping[str, Sequence[str]], files: int | None) -> str:
    """The places of each file (as shown, in order), the first `PLACES_PER_FILE` of each,
    of the first `files` files (None: all), and how many more there are."""
    parts: list[str] = []
    listed_files = list(by_file.items())[:files]
    for path, listed in listed_files:
        parts += (_code(place) for place in listed[:PLACES_PER_FILE])
        if len(listed) > PLACES_PER_FILE:
            parts.append(f"and {len(listed) - PLACES_PER_FILE} more in {_code(path)}")
    if len(by_file) > len(listed_files):
        more = list(by_file.values())[len(listed_files) :]
        places = sum(map(len, more))
        parts.append(
            f"and {len(more):,} more files ({places:,} {'place' if places == 1 else 'places'})"
        )
    return ", ".join(parts)


def _named_by_lines(change: ItemChange, budget: _Budget) -> list[str]:
    """The files that still name a removed or renamed item, and the pages that link to the
    page of a removed, renamed or moved one. A removed item has no new id or page for them
    to follow (audit)."""
    has_new_page = change.change in ("renamed", "moved")
    lines: list[str] = []
    if change.named_by:
        assert change.old is not None
        places = ", ".join(_code(place) for place in change.named_by)
        mend = "follow" if has_new_page else "name another, or nothing"
        lines.append(
            f"  - still named as `{change.old.id}` by {places}: `handbook check` fails until "
            f"they {mend}"
        )
    if change.linked_from:
        places = _first_places(change.linked_from, budget.files_per_form)
        mend = (
            "until they lead to its new page, or another"
            if has_new_page
            else "unless they lead to another page, or are removed"
        )
        lines.append(f"  - its page is still linked to from {places}: those links break {mend}")
    return lines


def _text_of_new(item: Item, budget: _Budget) -> list[str]:
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
    quoted = "\n    >\n".join(f"    > {_escape(paragraph)}" for paragraph in paragraphs)
    return budget.text_lines(name, [f"  - {name}:", "", *quoted.split("\n"), ""])


FormsOf = Callable[[Term], Sequence[str]]


def _aliases(term: Term) -> tuple[str, ...]:
    return term.aliases


# Each kind of form: its label in "forms ... added", a term's forms of that kind, and the
# list of them its file has, with its name.
_FORM_KINDS: tuple[tuple[str, FormsOf, str, FormsOf], ...] = (
    ("accepted", accepted_forms, "aliases", _aliases),
    ("to avoid", avoided_forms, "forms to avoid", avoided_forms),
)


def _form_lines(change: ItemChange) -> list[str]:
    old, new = change.old, change.new
    if not isinstance(old, Term) or not isinstance(new, Term):
        return []
    lines: list[str] = []
    if old.status != new.status:
        replacement = f" (replaced by `{new.replaced_by}`)" if new.replaced_by else ""
        lines.append(f"  - status: {old.status} → **{new.status}**{replacement}")
    for label, forms_of, listed_as, listed in _FORM_KINDS:
        added, removed = _set_difference(forms_of(old), forms_of(new), new.case_sensitive)
        if added:
            lines.append(f"  - forms {label} added: {_form_list(added)}")
        if removed:
            lines.append(f"  - forms {label} removed: {_form_list(removed)}")
        shown = {form_key(form, new.case_sensitive) for form in (*added, *removed)}
        lines += _listed_forms_lines(listed_as, listed(old), listed(new), new.case_sensitive, shown)
    return [*lines, *_avoid_reason_lines(old.avoid, new)]


def _listed_forms_lines(
    name: str,
    old: Sequence[str],
    new: Sequence[str],
    case_sensitive: bool,
    shown: Set[str] = frozenset(),
) -> list[str]:
    """A list of forms, old and new as written, where it changed beyond the forms added
    or removed (`shown`, by `form_key`, which the forms' lines list): reordered, or
    rewritten as the matcher reads alike (a capital, a hyphen for a space, a curly
    apostrophe), or, for aliases, swapped with the preferred form: what those lines
    cannot show."""

    def others(forms: Sequence[str]) -> list[str]:
        # NFC: an accent written as its own character is the same form, shown alike.
        return [
            unicodedata.normalize("NFC", form)
            for form in forms
            if form_key(form, case_sensitive) not in shown
        ]

    if others(old) == others(new):
        return []
    added, removed = _set_difference(old, new, case_sensitive)
    what = f"`{name}`" if added or removed else f"{name} reordered or rewritten"
    return [f"  - {what}: was {_form_list(old) or '(none)'}; now {_form_list(new) or '(none)'}"]


def _set_difference(
    old: Sequence[str], new: Sequence[str], case_sensitive: bool
) -> tuple[list[str], list[str]]:
    """Forms in `new` only and in `old` only, compared as section 4 compares forms."""
    old_keys = {form_key(form, case_sensitive) for form in old}
    new_keys = {form_key(form, case_sensitive) for form in new}
    added = [form for form in new if form_key(form, case_sensitive) not in old_keys]
    removed = [form for form in old if form_key(form, case_sensitive) not in new_keys]
    return added, removed


def _first_body_line(item: Item) -> int:
    """The file line of a module body's first line as the diff compares it: the blank
    lines after the front matter are left out (`changes._normalise_text`)."""
    body = getattr(item, "body", "")
    leading = body[: len(body) - len(body.lstrip())]
    return item.origin.body_line + leading.count("\n")


def _field_lines(field: FieldChange, starts: tuple[int, int] = (1, 1)) -> list[str]:
    """The lines that show one changed field; `starts` are the file lines its old and new
    texts start at, for the line numbers of a line diff."""
    if field.name == "term":
        return [f"  - preferred form: {_describe(field.old)} → {_describe(field.new)}"]
    if field.name in {"aliases", "avoid", "status"}:
        return []  # shown as forms, their reasons and status above
    word_diffed = field.name in WORD_DIFF_FIELDS and isinstance(field.new, str)
    blocks = text_diff(_text(field.old), field.new) if word_diffed else []
    if any(block != "…" for block in blocks):
        quoted = "\n    >\n".join(f"    > {block}" for block in blocks)
        return [f"  - `{field.name}`:", "", *quoted.split("\n"), ""]
    # A word diff shows no change where only spaces changed what the page shows (an
    # indent that makes code, two that break a line): a line diff shows them (review).
    if word_diffed or field.name in LINE_DIFF_FIELDS or field.name == "steps":
        if field.name == "steps":
            diff = steps_diff(_lines(field.old), _lines(field.new))
        else:
            diff = line_diff(_lines(field.old), _lines(field.new), starts)
        return [f"  - `{field.name}`:", "", *_fenced(diff, "diff"), ""]
    if isinstance(field.old, tuple | type(None)) and isinstance(field.new, tuple | type(None)):
        return [f"  - `{field.name}`: " + _list_change(field.old or (), field.new or ())]
    if isinstance(field.old, Mapping) or isinstance(field.new, Mapping):
        return [f"  - `{field.name}`: " + _mapping_change(field.old or {}, field.new or {})]
    return [f"  - `{field.name}`: {_describe(field.old)} → {_describe(field.new)}"]


def _avoid_reason_lines(old: Sequence[AvoidForm], new: Term) -> list[str]:
    """The reasons to avoid `new`'s forms that the reviewer has not approved yet: of each
    form added (every term.avoid finding will show it), and changed ones, old and new.
    Forms are paired as section 4 compares them, so a recased form is no new one."""
    old_reasons = {form_key(form.text, new.case_sensitive): form.reason for form in old}
    lines = []
    for form in new.avoid:
        key = form_key(form.text, new.case_sensitive)
        shown = f"  - reason to avoid {_code(form.text)}: "
        if key not in old_reasons and form.reason:
            lines.append(shown + _describe(form.reason))
        elif key in old_reasons and old_reasons[key] != form.reason:
            lines.append(shown + f"{_describe(old_reasons[key])} → {_describe(form.reason)}")
    return lines


def _list_change(old: Sequence[object], new: Sequence[object]) -> str:
    """What became of a list's items: added, removed, and changed where an item kept its
    name (a contact whose number changed, a source whose address moved: only what changed
    of it is shown). Items that share a name are not paired: which became which would be
    a guess. The lists are compared as multisets: an entry written twice is one added
    ("added `nurses` again", audit), not the list reordered."""
    old_items = [_describe(value) for value in old]
    new_items = [_describe(value) for value in new]
    added = _beyond(new, new_items, Counter(old_items))
    removed = _beyond(old, old_items, Counter(new_items))
    added_names = Counter(_item_name(value) for value, _ in added)
    removed_names = Counter(_item_name(value) for value, _ in removed)
    changed = []
    for value, shown in list(added):
        name = _item_name(value)
        if name is None or added_names[name] != 1 or removed_names[name] != 1:
            continue
        before = next(pair for pair in removed if _item_name(pair[0]) == name)
        changed.append(_changed_details(before[0], value))
        added.remove((value, shown))
        removed.remove(before)
    parts = []
    if changed:
        parts.append("changed " + ", ".join(changed))
    if added:
        # A copy of an entry that is there already: written twice now.
        listed = set(old_items)
        shown_added = []
        for _, shown in added:
            shown_added.append(f"{shown} again" if shown in listed else shown)
            listed.add(shown)
        parts.append("added " + ", ".join(shown_added))
    if removed:
        kept = set(new_items)
        parts.append(
            "removed "
            + ", ".join(f"a repeated {shown}" if shown in kept else shown for _, shown in removed)
        )
    return "; ".join(parts) or "reordered"


def _beyond(
    values: Sequence[object], shown: Sequence[str], others: Counter[str]
) -> list[tuple[object, str]]:
    """The items of a list (each `value` as `shown`) beyond as many of each as `others`
    has: the later copies of an entry written more often than there."""
    seen: Counter[str] = Counter()
    extra = []
    for value, text in zip(values, shown, strict=True):
        seen[text] += 1
        if seen[text] > others[text]:
            extra.append((value, text))
    return extra


def _changed_details(before: object, after: object) -> str:
    """An item that kept its name (`_item_name`), with only what changed of it: a phone
    number's one digit is seen at once (audit)."""
    if not dataclasses.is_dataclass(before) or not dataclasses.is_dataclass(after):
        return f"{_describe(before)} → {_describe(after)}"
    parts = []
    for field in dataclasses.fields(before):
        old_value, new_value = getattr(before, field.name), getattr(after, field.name)
        if old_value != new_value:
            parts.append(f"{field.name} {_detail(old_value)} → {_detail(new_value)}")
    return f"{_escape(_item_name(after) or '')}: {', '.join(parts)}"


def _detail(value: object) -> str:
    """A contact's or a source's detail in a line of the report: an address in angle
    brackets (`_link_target`), which nothing in it can close."""
    if value is None:
        return "(none)"
    text = str(value)
    if text.startswith(("http://", "https://")):
        return f"<{_link_target(text)}>"
    return _escape(text)


def _item_name(value: object) -> str | None:
    """The name an item of a list keeps when its details change, if it has one."""
    if isinstance(value, Contact):
        return value.name
    if isinstance(value, SourceRef):
        return value.title
    return None


def _mapping_change(old: Mapping[str, object], new: Mapping[str, object]) -> str:
    parts = []
    for key in sorted(set(old) | set(new)):
        if old.get(key) != new.get(key):
            parts.append(f"{key}: {_describe(old.get(key))} → {_describe(new.get(key))}")
    return "; ".join(parts)


def _uses_section(
    changes: Changes, uses: Mapping[str, Sequence[Use]], budget: _Budget
) -> list[str]:
    if not changes.form_changes:
        return []
    lines = [
        "### Where a form whose status changed is used",
        "",
        "Every text `handbook check` reads: pages, module front matter, protocols and term "
        "definitions, at `file:line:column`. A newly accepted form is linked to its term; "
        "where a form is now to avoid or belongs to a deprecated term, `handbook check` "
        "reports each use that no `handbook-disable` comment silences (those it silences "
        "are listed after the others, as silenced). A form moved to another term is listed "
        "too: its uses now link to, or suggest, that term.",
        "",
        "| form | was | now | used in |",
        "|---|---|---|---|",
    ]
    for change in changes.form_changes:
        found = uses.get(form_key(change.form, change.case_sensitive), ())
        if case_only := _made_case_sensitive(change) or _recased(change):
            # Every use was listed, though only those in another case fail (audit).
            found = [use for use in found if not use.case_ok]
        was, now = _state(change.old), _state(change.new)
        if was == now:  # only what the check suggests instead changed: say what
            was, now = _state(change.old, suggesting=True), _state(change.new, suggesting=True)
        used_in = _used_in(found, budget.files_per_form, case_only)
        form = _code(change.form)
        if change.recased_from is not None:
            form += f" (was {_code(change.recased_from)})"
        row = [form, was, now, used_in]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    return [*lines, ""]


def _used_in(uses: Sequence[Use], files: int | None, case_only: bool) -> str:
    """The places of `uses`, those a comment silences after the others and named so:
    listed with the rest, they had a reviewer think the page must change (audit). For a
    form whose case alone changed (`case_only`), its uses in another case, which
    `handbook check` now reports; the others stay as they were."""
    reported = _places([use for use in uses if not use.silenced], files)
    silenced = _places([use for use in uses if use.silenced], files)
    parts = []
    if reported:
        parts.append(f"in another case (`term.case`): {reported}" if case_only else reported)
    if silenced:
        parts.append(f"silenced by a `handbook-disable` comment: {silenced}")
    return "; ".join(parts) or ("none in another case" if case_only else "not used")


def _made_case_sensitive(change: FormStatusChange) -> bool:
    """Whether all that changed of an accepted form is that its term became
    case-sensitive: its uses in another case become `term.case` findings, the others
    stay as they were."""
    old, new = change.old, change.new
    return (
        old is not None
        and new is not None
        and new.status == "accepted"
        and not old.exact_case
        and dataclasses.replace(old, exact_case=True) == new
    )


def _recased(change: FormStatusChange) -> bool:
    """Whether all that changed of an accepted form of a case-sensitive term is the case
    it is written in: its uses in the old case become `term.case` findings."""
    new = change.new
    return (
        change.recased_from is not None
        and new is not None
        and new.status == "accepted"
        and new.exact_case
        and change.old == new
    )


def _places(uses: Sequence[Use], files: int | None) -> str:
    """The files that use a form (the first `files`; None: all), each with its first
    `PLACES_PER_FILE` places."""
    by_file = {
        path: [f"{path}:{use.line}:{use.column}" for use in in_file]
        for path, in_file in itertools.groupby(uses, key=lambda use: use.path)
    }
    return _places_by_file(by_file, files)


def text_diff(old: str, new: str) -> list[str]:
    """What changed in a Markdown text, block by block (a paragraph or a list item): each
    changed block as a word diff against the text it replaces (`_ChangedBlocks`), new
    blocks in bold, removed ones struck through, and `…` where unchanged blocks are left
    out."""
    old_blocks, new_blocks = _blocks(old), _blocks(new)
    opcodes = difflib.SequenceMatcher(a=old_blocks, b=new_blocks, autojunk=False).get_opcodes()
    shown: list[str] = []
    for operation, a_start, a_end, b_start, b_end in opcodes:
        if operation == "equal":
            if shown and shown[-1] != "…":
                shown.append("…")
            continue
        shown += _ChangedBlocks(old_blocks[a_start:a_end], new_blocks[b_start:b_end]).shown()
    if shown and opcodes[0][0] == "equal":
        shown.insert(0, "…")
    return shown


def _blocks(text: str) -> list[str]:
    """The blocks of a Markdown text, in order, each with its words joined by single
    spaces: its paragraphs, and in them each list item, heading or quote."""
    return [block for paragraph in paragraph_blocks(text) for block in paragraph if block]


def word_diff(old: str, new: str) -> str:
    """`new` with the words removed since `old` as ~~struck~~ and the added ones **bold**."""
    old_words, new_words = old.split(), new.split()
    runs: list[Run] = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if operation == "equal":
            runs.append(("equal", new_words[b_start:b_end]))
            continue
        runs += [("removed", old_words[a_start:a_end]), ("added", new_words[b_start:b_end])]
    return _shown_runs(runs)


# Words of a word diff that are alike, in a row: kept, removed or added.
RunKind = Literal["equal", "removed", "added"]
Run = tuple[RunKind, list[str]]
_RUN_MARKS: dict[RunKind, str] = {"equal": "", "removed": "~~", "added": "**"}


def _shown_runs(runs: Sequence[Run]) -> str:
    """Runs of words as the report shows them: removed ones ~~struck~~, added ones **bold**."""
    return " ".join(
        _RUN_MARKS[kind] + " ".join(_escape(word) for word in words) + _RUN_MARKS[kind]
        for kind, words in runs
        if words
    )


# What a changed stretch of blocks shows under them when only its paragraph breaks moved.
BREAKS_MOVED = "*(paragraphs split or joined here; no word changed)*"


class _ChangedBlocks:
    """How the blocks `removed` became the blocks `added`, each new block shown as a word
    diff. The words are aligned across all the blocks, not block by block: a paragraph
    split in two (or two joined) with one sentence edited shows that edit alone, not an
    unchanged sentence struck in one block and bold in the next. A removed word stands
    where it was: in the block it was in, or, in a block removed whole between two
    others, as a block of its own, struck through."""

    def __init__(self, removed: Sequence[str], added: Sequence[str]) -> None:
        self.removed, self.added = removed, added
        self.old_words, self.old_block_of = _words_by_block(removed)
        self.new_words, self.new_block_of = _words_by_block(added)
        self.runs: list[list[Run]] = [[] for _ in added]  # of each new block
        # Old blocks removed whole, by the index of the new block they come before.
        self.struck: dict[int, list[str]] = {}

    def shown(self) -> list[str]:
        """The blocks as the report shows them (call once: it fills `runs` and `struck`)."""
        if not self.removed or not self.added:  # nothing to align: each block whole
            return [word_diff(block, "") for block in self.removed] + [
                word_diff("", block) for block in self.added
            ]
        if self.old_words == self.new_words:  # no word marked would leave the change unseen
            return [
                *(_shown_runs([("equal", block.split())]) for block in self.added),
                BREAKS_MOVED,
            ]
        matcher = difflib.SequenceMatcher(a=self.old_words, b=self.new_words, autojunk=False)
        for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
            if operation == "delete":
                self._place_deleted(a_start, a_end, b_start)
            elif operation == "replace":
                self._place_replaced(a_start, a_end, b_start, b_end)
            kind: RunKind = "equal" if operation == "equal" else "added"
            for index in range(b_start, b_end):
                self._add(self.new_block_of[index], kind, [self.new_words[index]])
        shown: list[str] = []
        for index, runs in enumerate(self.runs):
            shown += self.struck.get(index, [])
            shown.append(_shown_runs(runs))
        return shown + self.struck.get(len(self.runs), [])

    def _add(self, block: int, kind: RunKind, words: list[str]) -> None:
        runs = self.runs[block]
        if runs and runs[-1][0] == kind:
            runs[-1][1].extend(words)
        else:
            runs.append((kind, list(words)))

    def _place_replaced(self, start: int, end: int, new_start: int, new_end: int) -> None:
        """Place the old words `start` to `end`, replaced by the new words `new_start` to
        `new_end`: struck just before them, each old block's words in the new block its
        replacement runs through, in order (an edit on both sides of a paragraph break
        stays on its side), the rest in the last. Where the new words end their last
        block, the old blocks removed whole that end the old words (beyond those paired)
        come after it, on their own: what follows in the new text comes from later old
        words."""
        blocks = list(dict.fromkeys(self.new_block_of[new_start:new_end]))
        groups = list(self._by_old_block(start, end))
        inline = len(groups)
        if new_end == len(self.new_words) or self.new_block_of[new_end] != blocks[-1]:
            while inline > len(blocks) and groups[inline - 1][0]:
                inline -= 1
        for number, (_, words) in enumerate(groups[:inline]):
            self._add(blocks[min(number, len(blocks) - 1)], "removed", words)
        for _, words in groups[inline:]:
            self._struck_block(blocks[-1] + 1, words)

    def _place_deleted(self, start: int, end: int, at: int) -> None:
        """Place the old words `start` to `end`, deleted just before new word `at`: inside
        a new block, in it; between two, each old block's words with the new block they
        belong to (a tail with the one before, a head with the one after), and an old
        block removed whole as a block of its own."""
        before = self.new_block_of[at - 1] if at > 0 else None
        after = self.new_block_of[at] if at < len(self.new_words) else None
        if before is not None and before == after:
            self._add(before, "removed", self.old_words[start:end])
            return
        for number, (whole, words) in enumerate(self._by_old_block(start, end)):
            if whole:
                self._struck_block(len(self.runs) if after is None else after, words)
            elif before is not None and (number == 0 or after is None):
                self._add(before, "removed", words)
            else:
                assert after is not None  # a new block follows, or one came before
                self._add(after, "removed", words)

    def _by_old_block(self, start: int, end: int) -> Iterator[tuple[bool, list[str]]]:
        """The old words `start` to `end` by the old block they are in, each with whether
        they are all of its words."""
        for old_block, indexes in itertools.groupby(
            range(start, end), self.old_block_of.__getitem__
        ):
            words = [self.old_words[index] for index in indexes]
            yield len(words) == len(self.removed[old_block].split()), words

    def _struck_block(self, before: int, words: list[str]) -> None:
        """Show `words`, an old block removed whole, struck, before new block `before`."""
        self.struck.setdefault(before, []).append(_shown_runs([("removed", words)]))


def _words_by_block(blocks: Sequence[str]) -> tuple[list[str], list[int]]:
    """The words of `blocks`, in order, and the index of the block of each."""
    words = [block.split() for block in blocks]
    return (
        [word for block in words for word in block],
        [index for index, block in enumerate(words) for _ in block],
    )


def line_diff(
    old: Sequence[str], new: Sequence[str], starts: tuple[int, int] = (1, 1)
) -> list[str]:
    """A unified diff of two texts' lines, without the file header; its hunks numbered
    from `starts`, the lines the old and new texts start at in their files."""
    diff = difflib.unified_diff(list(old), list(new), lineterm="", n=1)
    lines = [line for line in diff if not line.startswith(("---", "+++"))]
    if starts == (1, 1):
        return lines
    return [_HUNK.sub(lambda hunk: _moved_hunk(hunk, starts), line, count=1) for line in lines]


_HUNK = re.compile(r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@")
# A step's title line as `_lines` writes it: its number at the line's start, then the
# title (its detail's lines are indented).
_STEP_NUMBER = re.compile(r"\A\d+\. ")


def steps_diff(old: Sequence[str], new: Sequence[str]) -> list[str]:
    """A diff of two protocols' numbered steps (`_lines`), their titles compared without
    their numbers: a step added or removed is that step, not every step after it
    renumbered (audit). Each line is shown with its number on its side. No line of a file
    is theirs to number: each stretch that changed is headed by the title of the step it
    starts in, where it does not start at one."""
    keys = [[_STEP_NUMBER.sub("", line) for line in lines] for lines in (old, new)]
    matcher = difflib.SequenceMatcher(None, *keys, autojunk=False)
    lines: list[str] = []
    for group in matcher.get_grouped_opcodes(1):
        first = group[0][3]  # the stretch's first line, on the new side
        title = next(
            (line for line in reversed(new[: first + 1]) if _STEP_NUMBER.match(line)), None
        )
        if title is not None and first < len(new) and new[first] != title:
            lines.append(f"@@ {title} @@")
        elif lines:
            lines.append("…")
        for tag, old_start, old_end, new_start, new_end in group:
            if tag == "equal":
                lines += [f" {line}" for line in new[new_start:new_end]]
                continue
            lines += [f"-{line}" for line in old[old_start:old_end]]
            lines += [f"+{line}" for line in new[new_start:new_end]]
    return lines


def _moved_hunk(hunk: re.Match[str], starts: tuple[int, int]) -> str:
    """A hunk header with its line numbers moved by `starts`; an empty side (line 0)
    stays 0 only where its text is empty, as difflib writes it."""
    old_line, new_line = int(hunk.group(1)), int(hunk.group(3))
    old_line += starts[0] - 1 if hunk.group(2) != ",0" or old_line else 0
    new_line += starts[1] - 1 if hunk.group(4) != ",0" or new_line else 0
    return f"@@ -{old_line}{hunk.group(2) or ''} +{new_line}{hunk.group(4) or ''} @@"


def _lines(value: object) -> list[str]:
    if isinstance(value, str):
        return file_lines(value)
    if isinstance(value, tuple):
        lines: list[str] = []
        for index, item in enumerate(value, start=1):
            if isinstance(item, Step):
                lines.append(f"{index}. {item.title}")
                # Indented under the step's number; a blank line stays blank.
                lines += [f"   {line}" if line else "" for line in file_lines(item.detail)]
            else:
                lines.append(_describe(item))
        return lines
    return []


def _sequence(value: object) -> tuple[object, ...]:
    return value if isinstance(value, tuple) else ()


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _describe(value: object) -> str:
    """A value in one line of the report."""
    if value is None:
        return "(none)"
    if isinstance(value, AvoidForm):
        return _code(value.text)
    if isinstance(value, SourceRef):
        return f"{_escape(value.title)} (<{_link_target(value.url)}>)"
    if isinstance(value, Contact):
        details = [_escape(part) for part in (value.phone, value.text, value.url) if part]
        return _escape(value.name) + (f" ({', '.join(details)})" if details else "")
    if isinstance(value, Step):
        return _escape(value.title)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _code(value)
    return _escape(str(value))


def _state(state: FormState | None, *, suggesting: bool = False) -> str:
    if state is None:
        return "not a form of any term"
    exact = ", this case only" if state.exact_case else ""
    suggests = f", suggests {_code(state.suggestion)}" if suggesting and state.suggestion else ""
    also = ""
    if state.also_claimed_by:
        others = ", ".join(f"`{term}`" for term in state.also_claimed_by)
        also = f"; also claimed by {others} (glossary.duplicate)"
    return f"{state.status} (`{state.term}`{exact}{suggests}){also}"


def _history_lines(old: Sequence[HistoryEntry], new: Sequence[HistoryEntry]) -> list[str]:
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
        else f"  - history: {_history(entry)}"
        for entry in added
    ]
    lines += [
        f"  - history entry removed: {_history(entry)}"
        for entry in removed
        if entry.version not in edited
    ]
    kept_in_old_order = [entry for entry in old if entry in new_entries]
    if kept_in_old_order != [entry for entry in new if entry in old_entries]:
        lines.append(f"  - history reordered: was versions {_versions(old)}; now {_versions(new)}")
    return lines


def _versions(history: Sequence[HistoryEntry]) -> str:
    return ", ".join(str(entry.version) for entry in history)


def _history(entry: HistoryEntry) -> str:
    return f"version {entry.version}, {_dated(entry)}"


def _dated(entry: HistoryEntry) -> str:
    return f"{entry.date.isoformat()}: {_escape(entry.summary)}"


def _form_list(forms: Sequence[str]) -> str:
    return ", ".join(_code(form) for form in forms)


def _code(text: str) -> str:
    """`text` as inline code, with a fence long enough for any backticks inside it, and
    characters that show nothing named (`_INVISIBLE`)."""
    text = _named_invisibles(" ".join(text.split()))
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _escape(text: str) -> str:
    """`text` as Markdown text on one line: what an editor typed never becomes markup in
    the report (a `<!--` in a contact's text hid all that followed it), and characters
    that show nothing are named (`_INVISIBLE`). A web address in it stays a working link,
    or is shown as typed (`_address`)."""
    text = " ".join(text.split())
    parts: list[str] = []
    written = 0
    for found in _ADDRESS.finditer(text):
        address = _without_trailing_punctuation(found.group())
        if len(address) <= len(found.group("start")):
            continue  # a scheme or `www.` alone is no address
        parts += [_escaped_text(text[written : found.start()]), _address(address)]
        written = found.start() + len(address)
    parts.append(_escaped_text(text[written:]))
    return "".join(parts)


def _escaped_text(text: str) -> str:
    # `&` starts a character reference: `&shy;` showed nothing, `&lt;` a `<` (audit).
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("&", "&amp;")
    return _named_invisibles(escaped)


# A web address typed in free text, as GitHub's Markdown finds one to link (its "extended
# autolinks"): escaped like the text around it, it was still made a link, with the
# backslashes in its address (audit). It runs to the next space; trailing punctuation is
# cut off as GitHub does (`_without_trailing_punctuation`).
_ADDRESS = re.compile(r"(?<![A-Za-z0-9])(?P<start>https?://|www\.)\S*", re.IGNORECASE)
# What ends a sentence or closes markup after an address, not part of it (cmark-gfm's
# `autolink_delim`): these characters, an entity reference such as `&amp;`, and a `)`
# that closes no `(` of the address.
_TRAILING_PUNCTUATION = "?!.,:*_~'\";"
_TRAILING_ENTITY = re.compile(r"&[A-Za-z0-9]+;\Z")


def _without_trailing_punctuation(address: str) -> str:
    while address:
        if entity := _TRAILING_ENTITY.search(address):
            address = address[: entity.start()]
            continue
        unbalanced = address.endswith(")") and address.count(")") > address.count("(")
        if address[-1] not in _TRAILING_PUNCTUATION and not unbalanced:
            break
        address = address[:-1]
    return address


def _address(address: str) -> str:
    """A web address from free text: an autolink `<https://…>` (nothing is escaped inside
    one, so it leads where it was typed to), or, where it cannot be one (no scheme, or a
    `<`, `>`, character reference or invisible character in it), inline code, shown as
    typed and never made a link."""
    linkable = (
        address.lower().startswith(("http://", "https://"))
        and not re.search(r"[<>\x00-\x20\x7f]|&#?[A-Za-z0-9]+;", address)
        and _named_invisibles(address) == address
    )
    return f"<{address}>" if linkable else _code(address)


# Characters that show nothing and belong in no definition or form: a zero-width space, a
# soft hyphen, a word joiner, a byte-order mark, the controls that reorder text shown
# (what "Trojan Source" hides code with). They still change what a form matches: a change
# of one alone would show two words that look alike, one struck, one new (audit). The
# joiners and marks that Persian, Arabic, Hebrew, Indic scripts and emoji need (U+200C,
# U+200D, U+200E, U+200F, U+061C) are named only between ASCII characters, where no
# script needs them ("care\u200dworker"), and left as written elsewhere (reviews).
_INVISIBLE = re.compile(
    "[\u00ad\u180e\u200b\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
    "|(?:(?<=[\x00-\x7f])|^)[\u200c-\u200f\u061c](?=[\x00-\x7f]|$)"
)


def _named_invisibles(text: str) -> str:
    return text if text.isascii() else _INVISIBLE.sub(_named_code_point, text)


def _named_code_point(found: re.Match[str]) -> str:
    return f"⟨U+{ord(found.group()):04X}⟩"


def _arrow(old: int, new: int) -> str:
    return str(new) if old == new else f"{old} → {new}"
