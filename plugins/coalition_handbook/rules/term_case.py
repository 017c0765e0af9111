"""term.case: a case-sensitive form written with another case."""

from __future__ import annotations

from collections.abc import Iterator

from ..documents import flagged_uses
from ..findings import Finding, as_quoted
from .base import CheckContext

RULE = "term.case"


def check(context: CheckContext) -> Iterator[Finding]:
    for use in flagged_uses(context):
        entry = use.entry
        if use.case_ok or entry.kind != "accepted":  # a form to avoid is reported as such
            continue
        yield context.finding(
            RULE,
            use.path,
            use.line,
            use.column,
            f"'{as_quoted(use.found)}' should be written '{entry.written}' "
            "(the term is case-sensitive)",
            found=use.found,
            suggestion=entry.written,
            term=entry.term_id,
        )
