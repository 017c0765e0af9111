"""Where the pages use forms whose status changed, found by the terminology engine."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..forms import form_key
from ..markdown import LineIndex, checkable_text
from ..matching import Matcher
from ..model.types import Handbook, Page
from .changes import FormStatusChange


@dataclass(frozen=True, order=True)
class Use:
    path: str
    line: int
    column: int
    found: str


def find_uses(
    pages: Iterable[Page], changes: Iterable[FormStatusChange], old: Handbook, new: Handbook
) -> dict[str, list[Use]]:
    """The uses in `pages` of each changed form, by the form's key (`form_key`).

    A form may be known to only one side (added or removed), so the pages are scanned
    with the matchers of both sides, each compiled once; a use both find counts once.
    """
    wanted = {form_key(change.form, change.case_sensitive) for change in changes}
    if not wanted:
        return {}
    case_sensitive = {
        term.id: term.case_sensitive for term in (*old.terms.values(), *new.terms.values())
    }
    matchers = [Matcher.from_terms(old.terms.values()), Matcher.from_terms(new.terms.values())]
    uses: dict[str, set[Use]] = {}
    for page in pages:
        text = page.origin.text
        view = checkable_text(text, page.origin.body_line)
        lines = LineIndex.of(text)
        for matcher in matchers:
            for match in matcher.scan(view):
                key = form_key(match.form, case_sensitive.get(match.term_id, False))
                if key not in wanted:
                    continue
                line, column = lines.position(match.start)
                uses.setdefault(key, set()).add(
                    Use(page.path, line, column, text[match.start : match.end])
                )
    return {key: sorted(found) for key, found in uses.items()}
