"""The report's table of where each form whose status changed is used, and how places
(`path:line:column`) are listed: each file once, with how many places and each of them
(under a size limit, the first few: `ReportLimits.places_per_file`).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from .changes_model import Changes, FormState, FormStatusChange
from .report_limits import Budget
from .report_markdown import inline_code
from .usage import Use


def first_places(places: Sequence[str], budget: Budget) -> str:
    """`path:line` places, each file once with its lines, as the uses of a form are (a
    page of a thousand links makes one entry), within `budget`'s limits."""
    by_file: dict[str, list[str]] = {}
    for place in places:
        path, _, line = place.rpartition(":")
        by_file.setdefault(path, []).append(line)
    return _places_by_file(by_file, budget, "lines")


def _places_by_file(
    by_file: Mapping[str, Sequence[str]], budget: Budget, noun: str = "places"
) -> str:
    """Each file (its places, `line` or `line:column`, in order, counted as `noun`), and
    under `budget`'s limits, of the first files alone, each with its first places, and
    how many more files there are. Run without limits (locally), all: a form that a
    change makes accepted, or no form of any term, has its uses listed nowhere else
    (audit: `handbook check` lists only those it reports)."""
    listed_files = list(by_file.items())[: budget.files_per_form]
    parts = [
        _file_places(path, positions, noun, budget.places_per_file)
        for path, positions in listed_files
    ]
    if len(by_file) > len(listed_files):
        more = list(by_file.values())[len(listed_files) :]
        places = sum(map(len, more))
        parts.append(
            f"and {len(more):,} more files ({places:,} {'place' if places == 1 else 'places'})"
        )
    return ", ".join(parts)


def _file_places(path: str, positions: Sequence[str], noun: str, shown_at_most: int | None) -> str:
    """`path:3:5` for one place; `path` (60 places: 3:3, 3:26, 3:40, …) for more, the
    first `shown_at_most` of them (None: all)."""
    if len(positions) == 1:
        return inline_code(f"{path}:{positions[0]}")
    shown = ", ".join(positions[:shown_at_most])
    more = ", …" if shown_at_most is not None and len(positions) > shown_at_most else ""
    return f"{inline_code(path)} ({len(positions):,} {noun}: {shown}{more})"


def uses_section(
    changes: Changes,
    uses: Mapping[str, Sequence[Use]],
    budget: Budget,
    lowered: Mapping[str, str] = MappingProxyType({}),
) -> list[str]:
    """The table, under one short line; what applies to some uses alone (silenced, not
    reported, files left out) is said only where the table has such uses: the same
    110 words opened every report (audit). `lowered`: the rules this change turns off
    or lowers in `rules:` (with their level at the base), which their uses say: "not
    reported ... they need no change" read as if the change had nothing to do with it
    (audit)."""
    if not changes.form_changes:
        return []
    rows: list[str] = []
    groups: list[_Group] = []
    unused_new: list[str] = []
    unused_terms: set[str] = set()
    for change in changes.form_changes:
        found = uses.get(change.key, ())
        if not found and _new_and_accepted(change):
            unused_new.append(inline_code(change.form))
            unused_terms.add(change.new.term if change.new else "")
            continue
        if case_only := _made_case_sensitive(change) or _recased(change):
            # Every use was listed, though only those in another case fail (audit).
            found = [use for use in found if not use.case_ok]
        was, now = _state(change.old), _state(change.new)
        if was == now:  # only what the check suggests instead changed: say what
            was, now = _state(change.old, suggesting=True), _state(change.new, suggesting=True)
        row_groups = _groups(found, case_only, lowered)
        groups += row_groups
        used_in = "; ".join(
            f"{group.label}: {_places(group.uses, budget)}"
            if group.label
            else _places(group.uses, budget)
            for group in row_groups
        )
        form = inline_code(change.form)
        if change.recased_from is not None:
            form += f" (was {inline_code(change.recased_from)})"
        row = [form, was, now, used_in or ("none in another case" if case_only else "not used")]
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    table = ["| form | was | now | used in |", "|---|---|---|---|", *rows, ""] if rows else []
    unused = (
        [
            f"New accepted forms that nothing uses yet ({_where_listed(changes, unused_terms)}): "
            + ", ".join(unused_new),
            "",
        ]
        if unused_new
        else []
    )
    return [
        "### Where a form whose status changed is used",
        "",
        *(_notes(groups, budget) if rows else []),
        *table,
        *unused,
    ]


def _where_listed(changes: Changes, term_ids: set[str]) -> str:
    """Where the report lists the terms `term_ids`: changed ones above this section, new
    ones below it (`diff_report.NEW_ITEMS`)."""
    added = {item.item.id for item in changes.of_kind("term") if item.change == "added"}
    if term_ids <= added:
        return "their terms are listed below, under **New terms**"
    if term_ids.isdisjoint(added):
        return "their terms are listed above"
    return "their terms are listed above, or below under **New terms**"


def _new_and_accepted(change: FormStatusChange) -> bool:
    """Whether the change makes the form an accepted form of one term, where it was no
    form before: used nowhere, it changes no page, and its row said only what the terms
    above say (a merge of two glossaries made a hundred such rows, which buried the
    forms that pages do use: audit)."""
    new = change.new
    return (
        change.old is None
        and new is not None
        and new.status == "accepted"
        and not new.also_claimed_by
    )


def _notes(groups: Sequence[_Group], budget: Budget) -> list[str]:
    """The line over the table, and a line for each kind of use it needs explained."""
    notes = ["Pages, protocols and definitions that use each form, at `file:line:column`."]
    if any(group.kind == "silenced" for group in groups):
        notes.append(
            "Uses a `handbook-disable` comment silences are listed after the others, named "
            "so: they need no change."
        )
    if any(group.kind == "off" for group in groups):
        notes.append(
            "Uses of a rule the `rules:` setting turns off are listed last, as not "
            "reported: they need no change."
        )
    if any(group.kind == "turned off" for group in groups):
        notes.append(
            "Uses of a rule that this change turns off in `rules:` are listed last: "
            "`handbook check` no longer reports them, which is what the change does, not "
            "a sign that they are fine (see **Checks switched off**)."
        )
    files = budget.files_per_form
    if (
        budget.limits
        and files
        and any(len({use.path for use in group.uses}) > files for group in groups)
    ):
        notes.append(
            f"Each form names its first {files} files here: run `{budget.limits.rerun}` "
            "locally to see them all."
        )
    return [line for note in notes for line in (note, "")]


@dataclasses.dataclass(frozen=True)
class _Group:
    """Uses of a form listed together in its cell, after `label` (if any): `kind` is
    "reported", "silenced", "off" or "turned off" (by this change)."""

    kind: str
    label: str
    uses: Sequence[Use]


def _groups(
    uses: Sequence[Use], case_only: bool, lowered: Mapping[str, str] = MappingProxyType({})
) -> list[_Group]:
    """`uses`, those a comment silences after the others and named so: listed with the
    rest, they had a reviewer think the page must change (audit); then those whose rule
    the `rules:` setting turns off, which the check does not report either. For a form
    whose case alone changed (`case_only`), its uses in another case, which `handbook
    check` now reports; the others stay as they were. Where the setting gives the rule
    another severity, the uses say what the check reports them as; where it is this
    change that turns the rule off or lowers it (`lowered`), they say so."""
    case_label = "in another case (`term.case`)" if case_only else ""
    reported: dict[str, list[Use]] = {}  # by what the check reports them as
    silenced: list[Use] = []
    off: dict[str, list[Use]] = {}  # by the rule turned off
    for use in uses:
        if use.level == "off":
            off.setdefault(str(use.rule), []).append(use)
        elif use.silenced:
            silenced.append(use)
        else:
            label = ", ".join(filter(None, (case_label, _severity(use, lowered))))
            reported.setdefault(label, []).append(use)
    groups = [_Group("reported", label, found) for label, found in reported.items()]
    if silenced:
        groups.append(_Group("silenced", "silenced by a `handbook-disable` comment", silenced))
    groups += [
        _Group("turned off", f"not reported (this change turns `{rule}` off in `rules:`)", found)
        if rule in lowered
        else _Group("off", f"not reported (`{rule}` is off in `rules:`)", found)
        for rule, found in off.items()
    ]
    return groups


# What the check's reports of each severity do (DESIGN section 5).
_REPORTED_AS = {
    "error": "reported as errors, which fail the build",
    "warning": "reported as warnings",
    "info": "reported as info, which fails nothing",
}


def _severity(use: Use, lowered: Mapping[str, str] = MappingProxyType({})) -> str:
    """What `handbook check` reports a use as, where the `rules:` setting gives its rule
    a severity other than its default, and whether this change lowered it to that
    (`lowered`); "" where it does not."""
    if use.level is None:
        return ""
    if use.rule in lowered:
        was = lowered[use.rule]
        setting = f"this change sets `{use.rule}` to {use.level} in `rules:`; it was {was}"
    else:
        setting = f"`rules:` sets `{use.rule}` to {use.level}"
    return f"{_REPORTED_AS[use.level]} ({setting})"


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


def _places(uses: Sequence[Use], budget: Budget) -> str:
    """The files that use a form, each with its places, within `budget`'s limits."""
    by_file = {
        path: [f"{use.line}:{use.column}" for use in in_file]
        for path, in_file in itertools.groupby(uses, key=lambda use: use.path)
    }
    return _places_by_file(by_file, budget)


def _state(state: FormState | None, *, suggesting: bool = False) -> str:
    if state is None:
        return "not a form of any term"
    exact = ", this case only" if state.exact_case else ""
    suggests = (
        f", suggests {inline_code(state.suggestion)}" if suggesting and state.suggestion else ""
    )
    also = ""
    if state.also_claimed_by:
        others = ", ".join(f"`{term}`" for term in state.also_claimed_by)
        also = f"; also claimed by {others} (glossary.duplicate)"
    proposed = ", a proposed term" if state.proposed else ""
    return f"{state.status} (`{state.term}`{exact}{proposed}{suggests}){also}"
