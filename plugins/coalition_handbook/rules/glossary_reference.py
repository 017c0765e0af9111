"""glossary.reference: `related` or `replaced_by` naming no existing term, or a
`replaced_by` naming a term that is itself deprecated (the suggestion would send editors
to a term they must not use either; two terms replacing each other never end)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..findings import Finding
from ..hints import NamedIds, did_you_mean_id
from ..model.replacements import Replacements, replacements
from ..model.source import relative_path
from ..model.term_facts import TermFacts, term_facts
from ..model.types import Origin
from .base import CheckContext

RULE = "glossary.reference"


def check(context: CheckContext) -> Iterator[Finding]:
    handbook = context.handbook
    # Read from the terms' facts: a term is loaded only to place a finding in its file.
    facts = term_facts(handbook.terms)
    chains = replacements(facts)  # once for all: each chain followed alone is quadratic
    named: list[tuple[str, str, Origin | None, str, str]] = []
    for term_id, term in facts.items():
        named += [
            (term_id, term.path, None, f"related.{index}", ref)
            for index, ref in enumerate(term.related)
        ]
        if term.replaced_by is not None:
            named.append((term_id, term.path, None, "replaced_by", term.replaced_by))
    # A term file with problems of its own (glossary.schema) still names its terms: the
    # editor sees every finding of the file at once, not one round at a time.
    named += [
        (record.id, record.origin.path, record.origin, key, ref)
        for record in handbook.rejected_records
        if record.kind == "term"
        for key, ref in record.references
    ]
    # A term's form where its id belongs (`forced labour`, an alias of forced-labor): the
    # schema's advice made an id of it, which names no file.
    forms = NamedIds(
        lambda: (
            (other, form) for other, fact in facts.items() for form in (fact.term, *fact.aliases)
        ),
        "whose forms include",
    )
    for term_id, _, origin, span_key, ref in named:
        message = _problem(context, facts, chains, forms, term_id, span_key, ref)
        if message:
            yield context.finding_at(RULE, _origin(context, term_id, origin), span_key, message)
    yield from _named_twice(context, named)


def _origin(context: CheckContext, term_id: str, origin: Origin | None) -> Origin:
    """The file a reference is written in: `origin`, or that of the term `term_id`."""
    return origin if origin is not None else context.handbook.terms[term_id].origin


def _named_twice(
    context: CheckContext, named: list[tuple[str, str, Origin | None, str, str]]
) -> Iterator[Finding]:
    """A related term listed again: the page would show the same link twice."""
    first: dict[tuple[str, str], str] = {}  # (file, related term) -> its first key
    for term_id, path, origin, span_key, ref in named:
        if not span_key.startswith("related."):
            continue
        earlier = first.setdefault((path, ref), span_key)
        if earlier != span_key:
            place = _origin(context, term_id, origin)
            line = place.span(earlier).line
            message = f"related names '{ref}' twice (first at line {line}): list it once"
            yield context.finding_at(RULE, place, span_key, message)


def _problem(
    context: CheckContext,
    facts: Mapping[str, TermFacts],
    chains: Replacements,
    forms: NamedIds,
    term_id: str,
    span_key: str,
    ref: str,
) -> str | None:
    field = span_key.split(".")[0]
    if ref == term_id:
        advice = (
            "name the term to use instead, by its file name without .yml"
            if field == "replaced_by"
            else "remove it (related lists other terms)"
        )
        return f"{field} names the term itself ('{ref}'): {advice}"
    named = facts.get(ref)
    if named is not None:
        if field == "replaced_by" and named.status == "deprecated":
            # Where it says so: the editor opens that file next (task ed61).
            status = context.handbook.terms[ref].origin.span("status").line
            return (
                f"replaced_by names '{ref}', which is deprecated too ({named.path}:{status})"
                f"{_onward(facts, chains, term_id, ref)}"
            )
        return None
    # Named where it stands, not where a link there leads (`relative` resolves links).
    expected = relative_path(context.config, context.config.glossary_dir / f"{ref}.yml")
    if context.handbook.is_rejected(expected):
        return None  # that file (named in any case) has problems of its own, already reported
    # Never the term's own id: naming it is a problem of its own (above).
    others = [other for other in context.handbook.terms if other != term_id]
    hint = did_you_mean_id(ref, others) or forms.did_you_mean(ref, term_id)
    return f"{field} names '{ref}', which is no term (there is no {expected}){hint}"


def _onward(facts: Mapping[str, TermFacts], chains: Replacements, term_id: str, ref: str) -> str:
    """Where the replacements of `term_id` lead on from `ref` (deprecated), and what to
    name instead. Read from `ref`: a term file with problems of its own has no facts."""
    end = chains.ends.get(ref)
    # Back to the term itself: it is on the round, or its chain stops at it (a term file
    # with problems of its own, or one not deprecated).
    through_itself = chains.meets.get(term_id) == term_id or end == term_id
    if through_itself or end is None:
        path = _round_path(facts, term_id, ref, term_id if through_itself else chains.meets[ref])
        return (
            f": the replacements go round ({path}), so its uses are told no term to use; "
            "name a term that is not deprecated"
        )
    first = facts[ref].replaced_by
    onward = f", replaced by '{first}'" if first else ""
    now = chains.now.get(ref)
    if now is not None and now != first:
        return f"{onward}, and so on to '{now}': name the term to use now, '{now}'"
    return f"{onward}: name the term to use now"


# The terms a round's path shows before it is cut short: a round of 2,000 terms named in
# each of their findings made megabytes of output (review rv60a).
_SHOWN = 8


def _round_path(facts: Mapping[str, TermFacts], term_id: str, ref: str, last: str) -> str:
    """`term_id -> ref -> ...` up to where the replacements meet `last` again (`term_id`
    itself, else the first term of the round), cut short after `_SHOWN` terms."""
    path = [term_id, ref]
    # A chain entering a round meets its first term twice, unless it starts on it.
    meetings = 1 if last in (term_id, ref) else 2
    current = ref
    while len(path) <= _SHOWN:  # one more: a path one longer is shown whole
        # Every term before `last` is deprecated and names its replacement.
        current = facts[current].replaced_by or ""
        path.append(current)
        if current == last:
            meetings -= 1
            if meetings == 0:
                return " -> ".join(path)
    return " -> ".join([*path[:_SHOWN], "...", last])
