"""term.avoid: a discouraged form is used; the suggestion is the preferred term."""

from __future__ import annotations

from collections.abc import Iterator

from ..documents import flagged_matches
from ..findings import Finding
from .base import CheckContext

RULE = "term.avoid"


def check(context: CheckContext) -> Iterator[Finding]:
    for found in flagged_matches(context):
        match = found.match
        if match.kind != "avoid":
            continue
        yield context.finding(
            RULE,
            found.path,
            found.line,
            found.column,
            f"'{found.found}' is a form to avoid; use '{match.suggestion}'",
            found=found.found,
            suggestion=match.suggestion,
            term=match.term_id,
        )
