"""How the report shows a change of a term's forms: its status, forms accepted or to avoid
added or removed, their lists rewritten, and the reasons to avoid them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass

from ..forms import ENGLISH, form_key
from ..model.types import AvoidForm, Term
from .changes_forms import accepted_forms, avoided_forms
from .changes_model import NO_TERM, ItemChange
from .report_fields import describe
from .report_markdown import inline_code

FormsOf = Callable[[Term], Sequence[str]]


def _aliases(term: Term) -> tuple[str, ...]:
    return term.aliases


# Each kind of form: its label in "forms ... added", a term's forms of that kind, and the
# list of them its file has, with its name.
_FORM_KINDS: tuple[tuple[str, FormsOf, str, FormsOf], ...] = (
    ("accepted", accepted_forms, "aliases", _aliases),
    ("to avoid", avoided_forms, "forms to avoid", avoided_forms),
)


def form_lines(change: ItemChange) -> list[str]:
    old, new = change.old, change.new
    if not isinstance(old, Term) or not isinstance(new, Term):
        return []
    lines: list[str] = []
    if old.status != new.status:
        replacement = (
            f" (replaced by `{new.replaced_by}`{refused(change)})" if new.replaced_by else ""
        )
        lines.append(f"  - status: {old.status} → **{new.status}**{replacement}")
    # Forms are compared by their keys with the site's plurals, as the check reads them.
    keys = _Keys(new.case_sensitive, change.forms_language)
    for label, forms_of, listed_as, listed in _FORM_KINDS:
        added, removed = _set_difference(forms_of(old), forms_of(new), keys)
        if added:
            lines.append(f"  - forms {label} added: {form_list(added)}")
        if removed:
            lines.append(f"  - forms {label} removed: {form_list(removed)}")
        shown = {keys(form) for form in (*added, *removed)}
        lines += _listed_forms_lines(listed_as, listed(old), listed(new), keys, shown)
    return [*lines, *avoid_reason_lines(old.avoid, new, change.forms_language)]


@dataclass(frozen=True)
class _Keys:
    """A form's key (`form_key`) in a term with this case rule, with the plurals of
    `language` (`forms.inflection_language`)."""

    case_sensitive: bool
    language: str = ENGLISH

    def __call__(self, form: str) -> str:
        return form_key(form, self.case_sensitive, self.language)


def replacement_on_status_line(change: ItemChange) -> bool:
    """Whether the status line says all of a change of `replaced_by`: set, where there
    was none, as the term is deprecated (a second line said it again: review)."""
    old, new = change.old, change.new
    return (
        isinstance(old, Term)
        and isinstance(new, Term)
        and old.status != new.status
        and old.replaced_by is None
        and new.replaced_by is not None
    )


def refused(change: ItemChange) -> str:
    """What follows the `replaced_by` of a term deprecated (or added deprecated) by
    `change` where the check refuses it (glossary.reference): why, and until when it
    fails; empty where it names a term to use."""
    if not change.replacement_problem:
        return ""
    until = "one" if change.replacement_problem == NO_TERM else "the term to use now"
    return (
        f", {change.replacement_problem}: `handbook check` fails until `replaced_by` names {until}"
    )


def _listed_forms_lines(
    name: str,
    old: Sequence[str],
    new: Sequence[str],
    keys: _Keys,
    shown: Set[str] = frozenset(),
) -> list[str]:
    """A list of forms, old and new as written, where it changed beyond the forms added
    or removed (`shown`, by `form_key`, which the forms' lines list): reordered, or
    rewritten as the matcher reads alike (a capital, a hyphen for a space, a curly
    apostrophe), or, for aliases, swapped with the preferred form: what those lines
    cannot show."""

    def others(forms: Sequence[str]) -> list[str]:
        # NFC: an accent written as its own character is the same form, shown alike.
        return [unicodedata.normalize("NFC", form) for form in forms if keys(form) not in shown]

    if others(old) == others(new):
        return []
    added, removed = _set_difference(old, new, keys)
    what = f"`{name}`" if added or removed else f"{name} reordered or rewritten"
    return [f"  - {what}: was {form_list(old) or '(none)'}; now {form_list(new) or '(none)'}"]


def _set_difference(
    old: Sequence[str], new: Sequence[str], keys: _Keys
) -> tuple[list[str], list[str]]:
    """Forms in `new` only and in `old` only, compared as section 4 compares forms."""
    old_keys = {keys(form) for form in old}
    new_keys = {keys(form) for form in new}
    added = [form for form in new if keys(form) not in old_keys]
    removed = [form for form in old if keys(form) not in new_keys]
    return added, removed


def avoid_reason_lines(old: Sequence[AvoidForm], new: Term, language: str = ENGLISH) -> list[str]:
    """The reasons to avoid `new`'s forms that the reviewer has not approved yet: of each
    form added (every term.avoid finding will show it), and changed ones, old and new.
    Forms are paired as section 4 compares them (with the plurals of `language`), so a
    recased form is no new one."""
    keys = _Keys(new.case_sensitive, language)
    old_reasons = {keys(form.text): form.reason for form in old}
    lines = []
    for form in new.avoid:
        key = keys(form.text)
        shown = f"  - reason to avoid {inline_code(form.text)}: "
        if key not in old_reasons and form.reason:
            lines.append(shown + describe(form.reason))
        elif key in old_reasons and old_reasons[key] != form.reason:
            lines.append(shown + f"{describe(old_reasons[key])} → {describe(form.reason)}")
    return lines


def form_list(forms: Sequence[str]) -> str:
    return ", ".join(inline_code(form) for form in forms)
