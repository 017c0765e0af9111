"""term.case: a case-sensitive form written with another case."""

from __future__ import annotations

from collections.abc import Iterator

from ..documents import flagged_matches
from ..findings import Finding
from .base import CheckContext

RULE = "term.case"


def check(context: CheckContext) -> Iterator[Finding]:
    for found in flagged_matches(context):
        match = found.match
        if match.case_ok or match.kind != "accepted":  # a form to avoid is reported as such
            continue
        yield context.finding(
            RULE,
            found.path,
            found.line,
            found.column,
            f"'{found.found}' is written '{match.expected}' (the term is case-sensitive)",
            found=found.found,
            suggestion=match.expected,
            term=match.term_id,
        )
