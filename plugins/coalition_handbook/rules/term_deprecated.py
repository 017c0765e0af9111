"""term.deprecated: a form of a deprecated term is used; the suggestion is its replacement."""

from __future__ import annotations

from collections.abc import Iterator

from ..documents import flagged_matches
from ..findings import Finding
from .base import CheckContext

RULE = "term.deprecated"


def check(context: CheckContext) -> Iterator[Finding]:
    for found in flagged_matches(context):
        match = found.match
        if match.kind != "deprecated":
            continue
        instead = f"; use '{match.suggestion}'" if match.suggestion else ""
        yield context.finding(
            RULE,
            found.path,
            found.line,
            found.column,
            f"'{found.found}' is a form of the deprecated term '{match.term_id}'{instead}",
            found=found.found,
            suggestion=match.suggestion,
            term=match.term_id,
        )
