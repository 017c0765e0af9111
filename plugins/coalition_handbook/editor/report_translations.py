"""The section of `handbook diff` that tells a translator what to redo: each term added,
removed, deprecated or changed in what a translation carries (its wording, definition,
forms or status), with its translation in every language the glossary translates into.

A second language's handbook is a site of its own (ADOPTING, "A site in a second
language"), whose `handbook diff` sees none of the first one's changes: this section of
the first one's report is where its translator learns which terms to review.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model.types import Term
from .changes_model import Changes, ItemChange
from .report_markdown import escape, inline_code

# The fields a translation renders: a change to its sources, tags or related terms, or
# to its `translations` alone (the translator's own edit), leaves it right.
TRANSLATED_FIELDS = (
    "term",
    "definition",
    "short",
    "aliases",
    "avoid",
    "status",
    "replaced_by",
    "case_sensitive",
)

HEADING = "### Translations to review"


def translations_section(changes: Changes, head_terms: Mapping[str, Term]) -> list[str]:
    """The terms to review in each language the glossary translates into (its terms'
    `translations` on either side); none where it translates into none, or no change
    touches what a translation carries."""
    terms = changes.of_kind("term")
    languages = sorted(
        {language for term in head_terms.values() for language in term.translations}
        | {
            language
            for change in terms
            for side in (change.old, change.new)
            if isinstance(side, Term)
            for language in side.translations
        }
    )
    entries = [(change, what) for change in terms if languages and (what := _what_changed(change))]
    # The terms whose translation must be redone first, the new ones (listed under New
    # terms too) last: a report cut short cuts these (a partner's glossary imported).
    entries.sort(key=lambda entry: not isinstance(entry[0].old, Term))
    if not entries:
        return []
    named = ", ".join(inline_code(language) for language in languages)
    lines = [
        HEADING,
        "",
        f"The glossary translates its terms into {named}. Each term below changed in what"
        " a translation carries (its wording, definition, forms or status): review its"
        " entry in that language's glossary, or add one where there is none.",
        "",
    ]
    for change, what in entries:
        lines.append(f"- {_named(change)}: {what}")
        lines += [
            f"  - {inline_code(language)}: {_translation(change, language, head_terms)}"
            for language in languages
        ]
    lines.append("")
    return lines


def _what_changed(change: ItemChange) -> str | None:
    """What the change did to the term, as the section says it; None if nothing a
    translation carries."""
    old, new = change.old, change.new
    if not isinstance(new, Term):
        return "removed"
    if not isinstance(old, Term):
        return "new term"
    if new.status == "deprecated" and old.status != "deprecated":
        replacement = new.replaced_by or ""
        return f"deprecated, replaced by {inline_code(replacement)}"
    fields = [field.name for field in change.fields if field.name in TRANSLATED_FIELDS]
    if not fields:
        return None
    listed = ", ".join(inline_code(name) for name in fields)
    renamed = f"renamed from {inline_code(old.id)}; " if old.id != new.id else ""
    return f"{renamed}{listed} changed"


def _named(change: ItemChange) -> str:
    term = change.new if isinstance(change.new, Term) else change.old
    assert isinstance(term, Term)
    return f"**{escape(term.term)}** ({inline_code(term.id)})"


def _translation(change: ItemChange, language: str, head_terms: Mapping[str, Term]) -> str:
    """The term's translation into `language` as the change leaves it, what it was if
    the change altered it, and for a term deprecated, its replacement's."""
    old, new = change.old, change.new
    before = old.translations.get(language) if isinstance(old, Term) else None
    now = new.translations.get(language) if isinstance(new, Term) else None
    if not isinstance(new, Term):
        said = inline_code(before) if before else "no translation"
    elif now is None:
        said = "no translation" + (f" (was {inline_code(before)})" if before else "")
    else:
        was = f" (was {inline_code(before)})" if before and before != now else ""
        said = inline_code(now) + was
    replacement = head_terms.get(new.replaced_by or "") if isinstance(new, Term) else None
    if replacement is not None and new is not None and new.status == "deprecated":
        theirs = replacement.translations.get(language)
        said += "; the replacement's: " + (inline_code(theirs) if theirs else "none yet")
    return said
