"""term.avoid: a discouraged form is used; the suggestion is the preferred term."""

from __future__ import annotations

from collections.abc import Iterator

from ..documents import avoid_reasons, flagged_uses
from ..findings import Finding, as_quoted
from .base import CheckContext

RULE = "term.avoid"


def check(context: CheckContext) -> Iterator[Finding]:
    # The editor sees why a form is discouraged, not only what to write instead.
    reasons = avoid_reasons(context)
    for use in flagged_uses(context):
        entry = use.entry
        if entry.kind != "avoid":
            continue
        reason = reasons.get((entry.term_id, entry.form))
        because = f" Why: {reason}" if reason else ""
        yield context.finding(
            RULE,
            use.path,
            use.line,
            use.column,
            f"'{as_quoted(use.found)}' is a form to avoid; use '{entry.suggestion}'.{because}",
            found=use.found,
            suggestion=entry.suggestion,
            term=entry.term_id,
        )
