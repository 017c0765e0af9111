"""term.avoid: a discouraged form is used; the suggestion is the preferred term."""

from __future__ import annotations

from collections.abc import Iterator

from ..documents import flagged_uses
from ..findings import Finding
from .base import CheckContext

RULE = "term.avoid"


def check(context: CheckContext) -> Iterator[Finding]:
    for use in flagged_uses(context):
        entry = use.entry
        if entry.kind != "avoid":
            continue
        yield context.finding(
            RULE,
            use.path,
            use.line,
            use.column,
            f"'{use.found}' is a form to avoid; use '{entry.suggestion}'",
            found=use.found,
            suggestion=entry.suggestion,
            term=entry.term_id,
        )
