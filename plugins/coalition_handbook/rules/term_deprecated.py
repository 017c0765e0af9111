"""term.deprecated: a form of a deprecated term is used; the suggestion is its replacement."""

from __future__ import annotations

from collections.abc import Iterator

from ..documents import flagged_uses, written_terms
from ..findings import Finding, as_quoted
from .base import CheckContext

RULE = "term.deprecated"


def check(context: CheckContext) -> Iterator[Finding]:
    for use in flagged_uses(context):
        entry = use.entry
        if entry.kind != "deprecated":
            continue
        # The term as the glossary writes it: the editor reads words, not a file's id.
        written = written_terms(context)[entry.term_id]
        instead = f"; use '{entry.suggestion}'" if entry.suggestion else ""
        if use.found.casefold() == written.casefold():
            what = f"'{as_quoted(use.found)}' is a deprecated term"
        else:
            what = f"'{as_quoted(use.found)}' is a form of the deprecated term '{written}'"
        yield context.finding(
            RULE,
            use.path,
            use.line,
            use.column,
            what + instead,
            found=use.found,
            suggestion=entry.suggestion,
            term=entry.term_id,
        )
