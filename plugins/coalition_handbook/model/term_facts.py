"""What the checks over every term read of each one, and terms loaded only when read.

After one term's edit, the rules that compare terms (glossary.reference, the terms'
forms behind the matcher, the reasons to avoid a form, the suppression comments) still
read every term, but only a few of its fields. `TermFacts` holds those fields; the cache
keeps them, by each term file's bytes, for the files that load without a problem, so
that such a file's term is read from the cache (unpickled) only when some check looks at
more of it than its facts (a finding to place, a form changed): at 2,000 terms,
unpickling every term was a third of a run after one edit.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any, NamedTuple

from .types import Term


class TermFacts(NamedTuple):
    """The fields of a term that the checks over every term read (see the module)."""

    path: str  # the term's file, as findings name it
    term: str
    aliases: tuple[str, ...]
    status: str
    replaced_by: str | None
    case_sensitive: bool
    avoid: tuple[tuple[str, str | None], ...]  # (text, reason) of each form to avoid
    related: tuple[str, ...]
    # Whether the file may hold a suppression comment (most hold none).
    may_hold_comments: bool
    # A digest of the file's path and text: what glossary.duplicate keeps its reading by.
    file_key: bytes

    @property
    def accepted_forms(self) -> tuple[str, ...]:
        """As `Term.accepted_forms`."""
        return () if self.status == "deprecated" else (self.term, *self.aliases)


def facts_of(term: Term) -> TermFacts:
    """What the checks over every term read of `term` (see the module)."""
    # Here, not at the top: the suppression module reads the model.
    from ..suppression import may_hold_comments

    origin = term.origin
    return TermFacts(
        origin.path,
        term.term,
        term.aliases,
        term.status,
        term.replaced_by,
        term.case_sensitive,
        tuple((avoided.text, avoided.reason) for avoided in term.avoid),
        term.related,
        may_hold_comments(origin.text),
        term_file_key(origin.path, origin.text),
    )


def term_file_key(path: str, text: str) -> bytes:
    """A digest of a term file's path (which holds no NUL) and text. hashlib itself: this
    runs for every term of a run that loads them."""
    return hashlib.sha256(f"{path}\0{text}".encode("utf-8", "surrogatepass")).digest()


class LazyTerms(Mapping[str, Term]):
    """The terms by id, in file order: some loaded, others (`lazy`: id -> its facts and
    how to load it) loaded when first looked up. Iterating over the ids, or reading the
    facts, loads none."""

    def __init__(
        self,
        loaded: dict[str, Term],
        lazy: Mapping[str, tuple[TermFacts, Callable[[], Term]]],
        order: list[str],
    ) -> None:
        self._loaded = loaded
        self._load = {term_id: load for term_id, (_, load) in lazy.items()}
        self._facts = {term_id: facts for term_id, (facts, _) in lazy.items()}
        self._order = order

    def __getitem__(self, term_id: str) -> Term:
        term = self._loaded.get(term_id)
        if term is None:
            # Its loader is kept until it loads: one that fails leaves the term listed
            # (`in`, iteration and `len` agree), to fail again where it is looked up.
            term = self._load[term_id]()  # KeyError: no such term
            self._loaded[term_id] = term
            del self._load[term_id]
        return term

    def __contains__(self, term_id: object) -> bool:
        return term_id in self._loaded or term_id in self._load

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def facts(self) -> dict[str, TermFacts]:
        """Every term's facts, in file order, without loading any term."""
        facts = self._facts
        if len(facts) < len(self._order):
            for term_id in self._order:
                if term_id not in facts:
                    facts[term_id] = facts_of(self._loaded[term_id])
            self._facts = facts = {term_id: facts[term_id] for term_id in self._order}
        return facts

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled (sent to another process), it is the dict of every term.
        return dict, (dict(self.items()),)


def term_facts(terms: Mapping[str, Term]) -> Mapping[str, TermFacts]:
    """Each term's facts, by id, in the order of `terms`: those of `LazyTerms` loaded none."""
    if isinstance(terms, LazyTerms):
        return terms.facts()
    return {term_id: facts_of(term) for term_id, term in terms.items()}


def term_paths(terms: Mapping[str, Term]) -> list[str]:
    """The file of each term, in the order of `terms`, without loading any."""
    if isinstance(terms, LazyTerms):
        return [facts.path for facts in terms.facts().values()]
    return [term.origin.path for term in terms.values()]
