"""Which forms changed state between two handbooks: every form of every term, accepted,
to avoid or deprecated, of which term and with what suggestion (`form_states`), compared
under the terms' new ids after renames; a form that changed only its case rule or its
case is one change, not a removal and an addition (`form_status_changes`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from ..forms import ENGLISH, form_key, inflection_language
from ..matching import KIND_RANK
from ..model.types import Handbook, Term
from ..rules.glossary_duplicate import claims_agree, written_forms
from ..slugs import a_to_z_key
from .changes_model import FormState, FormStatusChange, Renames


def accepted_forms(term: Term) -> tuple[str, ...]:
    """The forms the term's file lists as accepted, whatever its status."""
    return (term.term, *term.aliases)


def avoided_forms(term: Term) -> tuple[str, ...]:
    return tuple(avoided.text for avoided in term.avoid)


def form_states(
    handbook: Handbook, language: str = ENGLISH
) -> dict[str, tuple[str, bool, FormState]]:
    """Every form of every term by its key (section 4, with the plurals of `language`,
    `forms.inflection_language`), with its text and state: where
    terms claim one form (glossary.duplicate's error), the claim the check reads a use of
    it as (`KIND_RANK`, then the lowest id, as `Matcher.from_terms` chooses), which names
    the others, so that the report shows no clean move from one term to another."""
    claims: dict[str, list[tuple[str, bool, FormState, tuple[str, str]]]] = {}
    for term in handbook.terms.values():
        if term.status == "deprecated":
            # As the check reads them (`Matcher.from_terms`): every form of a deprecated
            # term, its forms to avoid too, suggests the replacement.
            replacement = handbook.terms.get(term.replaced_by or "")
            suggestion = replacement.term if replacement else None
            state = FormState("deprecated", term.id, term.case_sensitive, suggestion)
            written = [(form, state) for form in (*accepted_forms(term), *avoided_forms(term))]
        else:
            accepted = FormState(
                "accepted", term.id, term.case_sensitive, proposed=term.status == "proposed"
            )
            avoid = FormState("avoid", term.id, term.case_sensitive, term.term)
            written = [(form, accepted) for form in accepted_forms(term)]
            written += [(form, avoid) for form in avoided_forms(term)]
        # What each form means to a writer, as glossary.duplicate weighs claims: a
        # deprecated term's forms and its replacement's forms to avoid agree.
        meanings = [meaning for meaning, _, _ in written_forms(term)]
        for (form, state), meaning in zip(written, meanings, strict=True):
            key = form_key(form, term.case_sensitive, language)
            claims.setdefault(key, []).append((form, term.case_sensitive, state, meaning))
    states: dict[str, tuple[str, bool, FormState]] = {}
    for key, claimed in claims.items():
        form, case_sensitive, state, _ = min(
            claimed, key=lambda claim: (KIND_RANK[claim[2].status], claim[2].term)
        )
        # The other terms in a claim that conflicts with another term's (none where they
        # all agree): not only with the chosen one, which may agree with two that do not
        # agree with each other (review rv20: two deprecated terms sharing a form that
        # their replacement avoids).
        others = sorted(_in_conflict(claimed) - {state.term})
        if others:
            state = dataclasses.replace(state, also_claimed_by=tuple(others))
        states[key] = (form, case_sensitive, state)
    return states


def _in_conflict(claimed: Iterable[tuple[str, bool, FormState, tuple[str, str]]]) -> set[str]:
    """The terms of `claimed` (one form's claims) whose claim conflicts with another
    term's, as glossary.duplicate weighs them (`claims_agree`)."""
    meanings = {(claim[2].term, claim[3]) for claim in claimed}
    return {
        term
        for term, meaning in meanings
        for other, theirs in meanings
        if other != term and not claims_agree(term, meaning, other, theirs)
    }


def form_status_changes(
    old: Handbook, new: Handbook, renames: Renames, language: str = "en"
) -> Iterable[FormStatusChange]:
    # The forms' keys take the site's plurals, as the check's matcher does.
    inflection = inflection_language(language)
    before, after = form_states(old, inflection), form_states(new, inflection)
    renamed_terms = renames.get("term", {})
    changes: list[FormStatusChange] = []
    shown = {**before, **after}  # each key's form as the report names it: the new one's
    for key in sorted(shown, key=lambda key: _a_to_z_order(shown[key][0], key, language)):
        old_entry, new_entry = before.get(key), after.get(key)
        old_state = old_entry[2] if old_entry else None
        new_state = new_entry[2] if new_entry else None
        if _renamed_state(old_state, renamed_terms) == new_state:
            continue  # the same form of the same term, under the term's new id
        form, case_sensitive, _ = new_entry or old_entry  # type: ignore[misc]
        changes.append(
            FormStatusChange(form, case_sensitive, old_state, new_state, language=inflection)
        )
    return _case_rule_changes(changes)


def _a_to_z_order(form: str, key: str, language: str) -> tuple[bool, str, str, str]:
    """Where the report lists `form` (under `key`): as the site's A-Z files it in its
    `language`, not by code point, which put `ILO` before `abuse` and `Ángel` after
    `zone` (audit), nor as English files it, which put Spanish `ñu` among the Ns (review
    rv37). The raw form, then the key, keep ties in one order."""
    return (*a_to_z_key(form, language), form, key)


def _renamed_state(state: FormState | None, renamed_terms: Mapping[str, str]) -> FormState | None:
    """`state` with its terms named by their ids after the renames."""
    if state is None or not renamed_terms:
        return state
    return dataclasses.replace(
        state,
        term=renamed_terms.get(state.term, state.term),
        also_claimed_by=tuple(renamed_terms.get(other, other) for other in state.also_claimed_by),
    )


def _case_rule_changes(changes: list[FormStatusChange]) -> list[FormStatusChange]:
    """`changes` with a term's form that left under one key and came back under another,
    only because the term was made case-sensitive (or no longer) or the form was written
    in another case, shown once: its case rule or its case changed, not the form removed
    and added again. A form recased in a case-sensitive term keeps its row, though its
    state is the same: its uses in the old case now fail (audit)."""
    gone = {
        (change.old.term, form_key(change.form, language=change.language)): change
        for change in changes
        if change.old is not None and change.new is None
    }
    kept: list[FormStatusChange] = []
    merged: set[int] = set()
    for change in changes:
        if change.old is None and change.new is not None:
            before = gone.get((change.new.term, form_key(change.form, language=change.language)))
            if before is not None:
                merged.add(id(before))
                recased = before.form != change.form
                # A form to avoid fails in any case (`Matcher`): recased, it fails as before.
                fails_in_old_case = change.new.exact_case and change.new.status == "accepted"
                if before.old != change.new or (recased and fails_in_old_case):
                    recased_from = before.form if recased else None
                    kept.append(
                        dataclasses.replace(change, old=before.old, recased_from=recased_from)
                    )
                continue
        kept.append(change)
    return [change for change in kept if id(change) not in merged]
