"""term.deprecated: a form of a deprecated term is used; the suggestion is its replacement."""

from __future__ import annotations

from collections.abc import Iterator

from ..documents import flagged_uses
from ..findings import Finding, as_quoted
from .base import CheckContext

RULE = "term.deprecated"


def check(context: CheckContext) -> Iterator[Finding]:
    for use in flagged_uses(context):
        entry = use.entry
        if entry.kind != "deprecated":
            continue
        instead = f"; use '{entry.suggestion}'" if entry.suggestion else ""
        yield context.finding(
            RULE,
            use.path,
            use.line,
            use.column,
            f"'{as_quoted(use.found)}' is a form of the deprecated term '{entry.term_id}'{instead}",
            found=use.found,
            suggestion=entry.suggestion,
            term=entry.term_id,
        )
