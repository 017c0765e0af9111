"""Where the handbook uses forms whose status changed, found by the terminology engine.

Every text that `handbook check` reads is searched (DESIGN section 4): pages, module
front matter, protocols and the other terms' definitions, by the same scan
(`documents.scan`), so a use listed here is a use the check sees.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..documents import scan
from ..forms import form_key
from ..matching import Matcher
from ..model.types import Handbook
from .changes import FormStatusChange


@dataclass(frozen=True, order=True)
class Use:
    """One use of a form: `found` is the text as written at `line`:`column` of `path`;
    `case_ok` is False where its term is case-sensitive and `found` is in another case
    (a `term.case` finding)."""

    path: str
    line: int
    column: int
    found: str
    case_ok: bool = True


def find_uses(
    changes: Iterable[FormStatusChange], old: Handbook, new: Handbook
) -> dict[str, list[Use]]:
    """The uses in `new` of each changed form, by the form's key (`form_key`), each place
    once, in path, line and column order.

    A form that is still a form of some term is looked for with the matcher of `new`, so
    the places are those `handbook check` sees (a longer form that contains it wins, as
    there). A form no term has any more is looked for with the matcher of `old`: `new`'s
    does not know it. Each matcher is compiled, and the handbook scanned, at most once.
    """
    still_forms: set[str] = set()
    gone: set[str] = set()
    for change in changes:
        key = form_key(change.form, change.case_sensitive)
        (gone if change.new is None else still_forms).add(key)
    uses: dict[str, set[Use]] = {}
    for wanted, side in ((still_forms, new), (gone, old)):
        if wanted:
            _collect(new, side, wanted, uses)
    return {key: sorted(found) for key, found in uses.items()}


def _collect(
    handbook: Handbook, side: Handbook, wanted: set[str], uses: dict[str, set[Use]]
) -> None:
    """Add to `uses` the uses in `handbook` of the `wanted` forms of `side`'s terms."""
    case_sensitive = {term.id: term.case_sensitive for term in side.terms.values()}
    for document in scan(handbook, Matcher.from_terms(side.terms.values())):
        for located in document.matches:
            match = located.match
            key = form_key(match.form, case_sensitive.get(match.term_id, False))
            if key in wanted:
                uses.setdefault(key, set()).add(
                    Use(
                        located.path,
                        located.line,
                        located.column,
                        located.found,
                        located.match.case_ok,
                    )
                )
