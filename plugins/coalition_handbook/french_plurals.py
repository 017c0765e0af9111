"""French plurals, from the rules and listed exceptions of the `pluralizefr` library.

A site whose `theme.language` is French (`fr`, `fr-CA`) inflects its forms as French does
(`travail`, `travaux`; `bureau`, `bureaux`; `travailleuse`, `travailleuses`), not as
English (`travails`, `bureaus`): see `forms.inflection_language`. As in Spanish, the
plural inflects the noun and the adjectives agreeing with it, before the complement
(`traite des personnes`, `traites des personnes`): `forms.NOUN_PHRASE_LANGUAGES`.

Imported on first use: a site in another language never loads it.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Protocol

from .lazy_pattern import LazyPattern


class _Pluralize(Protocol):
    def __call__(self, word: str) -> str: ...


@cache
def _pluralize() -> _Pluralize:
    from pluralizefr import pluralize

    return pluralize


# The punctuation written at a word's edges ("victime," in "victime, témoin ou
# plaignante"), which the library would inflect ("victime,s"): what `\W` matches.
_EDGE = LazyPattern(r"\W")


@lru_cache(maxsize=65536)
def french_plural(lower: str) -> str | None:
    """The plural of the lower-case noun or adjective `lower`, punctuation written before
    or after it kept there (`victime,` -> `victimes,`); None where it is the word itself
    (`pays`, `prix`, and a plural: `victimes`, `travaux`), or no word of letters
    (`279.01`: the library would make "279.01s")."""
    start, end = 0, len(lower)
    # Walked in from both edges, not a pattern's lazy middle, which took time growing
    # as the square of a word's length (review rv65d).
    while start < end and _EDGE.match(lower, start):
        start += 1
    while end > start and _EDGE.match(lower, end - 1):
        end -= 1
    before, word, after = lower[:start], lower[start:end], lower[end:]
    if not word or not word.isalpha():
        return None
    plural = _pluralize()(word)
    return before + plural + after if plural and plural != word else None
