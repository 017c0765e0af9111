"""How strongly the site's search favours each term's page (front matter `search: boost`).

Material's search scores a page by how often, and how rarely elsewhere, the words typed
occur in it, and reads every word typed as a prefix. A basic term's words recur in the
forms of the terms built on it ("human trafficking" in "National Human Trafficking
Prevention Month"), so typing exactly "human trafficking" ranked the longer term first.
A term page's boost therefore grows with the number of other terms whose forms contain
one of its forms, word for word. Measured on the example glossary with Material's own
search worker: the term's page comes first for 129 of its 133 accepted forms, against 122
with one boost for all (the rest are words typed as prefixes of rarer words: "sex" of
"sexually").
"""

from __future__ import annotations

from collections.abc import Iterable

from ..forms import split_words
from ..model.types import Term

BASE = 2.0  # above ordinary pages: a term's own page is the answer to its words
PER_TERM_BUILT_ON = 0.2  # a tenth of BASE for each term built on it: the best measured


def term_search_boosts(terms: Iterable[Term]) -> dict[str, float]:
    """Term id -> its page's search boost."""
    terms = list(terms)
    # Every run of whole words inside a longer form -> the terms with such a form.
    inside: dict[tuple[str, ...], set[str]] = {}
    own: dict[str, set[tuple[str, ...]]] = {}
    for term in terms:
        own[term.id] = set()
        for form in term.accepted_forms:
            words = tuple(word.casefold() for word in split_words(form))
            own[term.id].add(words)
            for start in range(len(words)):
                for end in range(start + 1, len(words) + 1):
                    if end - start < len(words):
                        inside.setdefault(words[start:end], set()).add(term.id)
    boosts: dict[str, float] = {}
    for term in terms:
        built_on = set().union(*(inside.get(words, set()) for words in own[term.id]))
        built_on.discard(term.id)
        boosts[term.id] = round(BASE + PER_TERM_BUILT_ON * len(built_on), 2)
    return boosts
