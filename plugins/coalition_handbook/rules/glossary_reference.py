"""glossary.reference: `related` or `replaced_by` naming no existing term, or a
`replaced_by` naming a term that is itself deprecated (the suggestion would send editors
to a term they must not use either; two terms replacing each other never end)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..hints import did_you_mean
from ..model.types import Term
from .base import CheckContext

RULE = "glossary.reference"


def check(context: CheckContext) -> Iterator[Finding]:
    for term in context.handbook.terms.values():
        references = [(f"related.{index}", ref) for index, ref in enumerate(term.related)]
        if term.replaced_by is not None:
            references.append(("replaced_by", term.replaced_by))
        for span_key, ref in references:
            message = _problem(context, term, span_key, ref)
            if message:
                yield context.finding_at(RULE, term.origin, span_key, message)
        yield from _named_twice(context, term)


def _named_twice(context: CheckContext, term: Term) -> Iterator[Finding]:
    """A related term listed again: the page would show the same link twice."""
    first: dict[str, int] = {}
    for index, ref in enumerate(term.related):
        if ref in first:
            line = term.origin.span(f"related.{first[ref]}").line
            message = f"related names '{ref}' twice (first at line {line}): list it once"
            yield context.finding_at(RULE, term.origin, f"related.{index}", message)
        else:
            first[ref] = index


def _problem(context: CheckContext, term: Term, span_key: str, ref: str) -> str | None:
    field = span_key.split(".")[0]
    if ref == term.id:
        return f"{field} names the term itself ('{ref}')"
    named = context.handbook.terms.get(ref)
    if named is not None:
        if field == "replaced_by" and named.status == "deprecated":
            onward = f", replaced by '{named.replaced_by}'" if named.replaced_by else ""
            return (
                f"replaced_by names '{ref}', which is deprecated too{onward}: name the term "
                "to use now"
            )
        return None
    expected = context.config.relative(context.config.glossary_dir / f"{ref}.yml")
    if expected in context.handbook.rejected:
        return None  # that file has problems of its own, already reported
    # Never the term's own id: naming it is a problem of its own (above).
    hint = did_you_mean(ref, [term_id for term_id in context.handbook.terms if term_id != term.id])
    return f"{field} names '{ref}', which is no term (there is no {expected}){hint}"
