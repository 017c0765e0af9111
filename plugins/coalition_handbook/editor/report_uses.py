"""The report's table of where each form whose status changed is used, and how places
(`path:line:column`) are listed: every file, a few places of each.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Mapping, Sequence

from ..forms import form_key
from .changes import Changes, FormState, FormStatusChange
from .report_markdown import inline_code
from .usage import Use

# Every file that uses a changed form is named, with at most this many of its places: a
# common word deprecated in a large handbook would otherwise make a report larger than
# GitHub keeps as a step summary (1 MiB; the check's log lists every use).
PLACES_PER_FILE = 10


def first_places(places: Sequence[str], files: int | None) -> str:
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
        parts += (inline_code(place) for place in listed[:PLACES_PER_FILE])
        if len(listed) > PLACES_PER_FILE:
            parts.append(f"and {len(listed) - PLACES_PER_FILE} more in {inline_code(path)}")
    if len(by_file) > len(listed_files):
        more = list(by_file.values())[len(listed_files) :]
        places = sum(map(len, more))
        parts.append(
            f"and {len(more):,} more files ({places:,} {'place' if places == 1 else 'places'})"
        )
    return ", ".join(parts)


def uses_section(
    changes: Changes, uses: Mapping[str, Sequence[Use]], files: int | None
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
        "are listed after the others, as silenced), unless the `rules:` setting turns its "
        "rule off (listed last, as not reported), as errors or info where the setting says "
        "so. A form moved to another term is listed too: its uses now link to, or suggest, "
        "that term.",
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
        used_in = _used_in(found, files, case_only)
        form = inline_code(change.form)
        if change.recased_from is not None:
            form += f" (was {inline_code(change.recased_from)})"
        row = [form, was, now, used_in]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    return [*lines, ""]


def _used_in(uses: Sequence[Use], files: int | None, case_only: bool) -> str:
    """The places of `uses`, those a comment silences after the others and named so:
    listed with the rest, they had a reviewer think the page must change (audit); then
    those whose rule the `rules:` setting turns off, which the check does not report
    either. For a form whose case alone changed (`case_only`), its uses in another case,
    which `handbook check` now reports; the others stay as they were. Where the setting
    gives the rule another severity, the uses say what the check reports them as."""
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
            label = ", ".join(filter(None, (case_label, _severity(use))))
            reported.setdefault(label, []).append(use)
    parts = [
        f"{label}: {_places(found, files)}" if label else _places(found, files)
        for label, found in reported.items()
    ]
    if silenced:
        parts.append(f"silenced by a `handbook-disable` comment: {_places(silenced, files)}")
    parts += [
        f"not reported (`{rule}` is off in `rules:`): {_places(found, files)}"
        for rule, found in off.items()
    ]
    return "; ".join(parts) or ("none in another case" if case_only else "not used")


# What the check's reports of each severity do (DESIGN section 5).
_REPORTED_AS = {
    "error": "reported as errors, which fail the build",
    "warning": "reported as warnings",
    "info": "reported as info, which fails nothing",
}


def _severity(use: Use) -> str:
    """What `handbook check` reports a use as, where the `rules:` setting gives its rule
    a severity other than its default; "" where it does not."""
    if use.level is None:
        return ""
    return f"{_REPORTED_AS[use.level]} (`rules:` sets `{use.rule}` to {use.level})"


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
    return f"{state.status} (`{state.term}`{exact}{suggests}){also}"
