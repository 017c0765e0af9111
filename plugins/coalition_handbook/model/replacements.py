"""Where a deprecated term's `replaced_by` leads: the term to use now.

A term deprecated for one that is deprecated in turn a year later (a -> b, then b -> c)
is refused (glossary.reference), but its uses are still reported meanwhile, and their
suggestion must name the term to use now (c), never one the editor must replace again
(b); two terms that replace each other (a -> b -> a) lead to no term at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple, Protocol


class Replaceable(Protocol):
    """What a chain of replacements reads of a term (a `Term` or its `TermFacts`)."""

    @property
    def status(self) -> str: ...

    @property
    def replaced_by(self) -> str | None: ...


class Chain(NamedTuple):
    """The terms a term's `replaced_by` leads through, in order (its own replacement
    first), up to the first that is not deprecated, names no term or is met again."""

    ids: tuple[str, ...]
    loops: bool  # the last id leads back to a term already in the chain (or the first)


def replacement_chain(terms: Mapping[str, Replaceable], term_id: str) -> Chain:
    """The chain of replacements from `term_id` (see `Chain`); empty without one."""
    seen = {term_id}
    ids: list[str] = []
    current = terms.get(term_id)
    while current is not None and current.replaced_by is not None:
        next_id = current.replaced_by
        if next_id in seen:
            return Chain(tuple(ids), loops=True)
        seen.add(next_id)
        ids.append(next_id)
        current = terms.get(next_id)
        if current is not None and current.status != "deprecated":
            break
    return Chain(tuple(ids), loops=False)


def term_to_use_now(terms: Mapping[str, Replaceable], term_id: str) -> str | None:
    """The id of the term to use instead of `term_id`: the end of its chain of
    replacements where that is a term not deprecated; None where the chain names no
    term, ends at a deprecated term or goes round."""
    chain = replacement_chain(terms, term_id)
    if chain.loops or not chain.ids:
        return None
    last = terms.get(chain.ids[-1])
    return chain.ids[-1] if last is not None and last.status != "deprecated" else None
