"""Spanish plurals, from the Spanish rules of the `inflector` library.

A site whose `theme.language` is Spanish (`es`, `es-MX`) inflects the last word of its
forms as Spanish does (`protección`, `protecciones`; `voz`, `voces`; `país`, `países`),
not as English ("proteccións"): see `forms.inflection_language`. The library's rules
miss the plurals whose stress moves (`joven` gets `jovenes`, not `jóvenes`): a form's
plural that no page writes, as the English rules made of every such word before.

Imported on first use: a site in English never loads it.
"""

from __future__ import annotations

import warnings
from functools import cache, lru_cache
from typing import Protocol


class _Inflector(Protocol):
    def pluralize(self, word: str) -> str: ...


@cache
def _spanish() -> _Inflector:
    """inflector's Spanish inflector. Its source writes regular expressions with escapes
    that Python warns of when it compiles them (`'\\|'`): where pip did not compile it
    at install, that warning would reach an editor, or stop a run that makes warnings
    errors."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        from inflector.languages.spanish import Spanish

    return Spanish()


@lru_cache(maxsize=65536)
def spanish_plural(lower: str) -> str | None:
    """The plural of the lower-case noun or adjective `lower`; None where it is the word
    itself (`crisis`, `lunes`, and a plural: `víctimas`)."""
    plural = _spanish().pluralize(lower)
    return plural if plural != lower else None
