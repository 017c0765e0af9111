"""Where a deprecated term's `replaced_by` leads: the term to use now.

A term deprecated for one that is deprecated in turn a year later (a -> b, then b -> c)
is refused (glossary.reference), but its uses are still reported meanwhile, and their
suggestion must name the term to use now (c), never one the editor must replace again
(b); two terms that replace each other (a -> b -> a) lead to no term at all.

Found once for all terms, each term followed once (`replacements`): following each
term's chain on its own took time as the square of a long chain's length (review rv60a:
2,000 terms in one chain, checked and published, took seconds more).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol


class Replaceable(Protocol):
    """What a chain of replacements reads of a term (a `Term` or its `TermFacts`)."""

    @property
    def status(self) -> str: ...

    @property
    def replaced_by(self) -> str | None: ...


@dataclass(frozen=True)
class Replacements:
    """Where the chain of replacements of each deprecated term leads: through the
    deprecated terms its `replaced_by` names in turn, up to the first that is not
    deprecated, is no term, names none, or is met again (the chain goes round)."""

    # deprecated term id -> the term to use now: its chain ends at a term not deprecated
    now: dict[str, str]
    # deprecated term id -> the id its chain stops at (a term not deprecated, an id that
    # is no term, or a deprecated term that names none); not where the chain goes round
    ends: dict[str, str]
    # deprecated term id whose chain goes round -> the term its chain meets again: the
    # term itself where it is on the round, else the first term of the round it reaches
    meets: dict[str, str]


def replacements(terms: Mapping[str, Replaceable]) -> Replacements:
    """Where each deprecated term of `terms` leads (see `Replacements`), in time linear in
    the number of terms: a chain joining one already followed takes its end from it."""
    ends: dict[str, str] = {}
    meets: dict[str, str] = {}
    for start, term in terms.items():
        if term.status != "deprecated" or start in ends or start in meets:
            continue
        path: dict[str, int] = {}  # the deprecated terms followed from `start`, in order
        current: str | None = start
        while current is not None:
            if current in ends or current in meets:  # joins a chain already followed
                break
            term_now = terms.get(current)
            if term_now is None or term_now.status != "deprecated":
                break
            if current in path:  # round: from `current` on, the terms are on the round
                break
            path[current] = len(path)
            if term_now.replaced_by is None:
                current = None
                break
            current = term_now.replaced_by
        followed = list(path)
        if current is None:  # the last term followed names no replacement
            ends.update(dict.fromkeys(followed, followed[-1]))
        elif current in meets or current in path:
            if current in path:
                on_round = followed[path[current] :]
                meets.update((term_id, term_id) for term_id in on_round)
                followed = followed[: path[current]]
            meets.update(dict.fromkeys(followed, meets[current]))
        else:
            ends.update(dict.fromkeys(followed, ends.get(current, current)))
    now = {
        term_id: end
        for term_id, end in ends.items()
        if (term := terms.get(end)) is not None and term.status != "deprecated"
    }
    return Replacements(now=now, ends=ends, meets=meets)
