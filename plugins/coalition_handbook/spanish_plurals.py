"""Spanish plurals, from the Spanish rules of the `inflector` library.

A site whose `theme.language` is Spanish (`es`, `es-MX`) inflects the last word of its
forms as Spanish does (`protección`, `protecciones`; `voz`, `voces`; `país`, `países`),
not as English ("proteccións"): see `forms.inflection_language`. Where the stress of a
plural moves to its third-to-last syllable, which Spanish then writes with an accent
(`joven`, `jóvenes`), the library's rule for it never applies: `_stressed_third_to_last`.

Imported on first use: a site in English never loads it.
"""

from __future__ import annotations

import re
import warnings
from functools import cache, lru_cache
from typing import Protocol

from .lazy_pattern import LazyPattern


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


# A word of a form with the punctuation written at its edges ("niña," in "niña, niño o
# adolescente"): the library would inflect the comma ("niña,es").
_PUNCTUATED = LazyPattern(r"(\W*)(.*?)(\W*)", re.DOTALL)


@lru_cache(maxsize=65536)
def spanish_plural(lower: str) -> str | None:
    """The plural of the lower-case noun or adjective `lower`, punctuation written before
    or after it kept there (`niña,` -> `niñas,`); None where it is the word itself
    (`crisis`, `lunes`, and a plural: `víctimas`)."""
    before, word, after = _PUNCTUATED.fullmatch(lower).groups()
    if not word:
        return None
    plural = _spanish().pluralize(word)
    if plural == word + "es" and word.endswith("n"):
        plural = _stressed_third_to_last(plural)
    return before + plural + after if plural != word else None


# A plural's vowel before one to three consonants, then a vowel and the ending "nes":
# the stressed one of a word that ended in -n without an accent ("jovenes", "examenes").
_BEFORE_THE_LAST_SYLLABLES = LazyPattern(r"([aeiou])([^aeiouáéíóúü]{1,3}[aeiou]nes)$")
_ACCENTED = str.maketrans("aeiou", "áéíóú")
_STRONG_VOWELS = "aeo"


def _stressed_third_to_last(plural: str) -> str:
    """`plural`, of a singular in -n, with the accent Spanish writes on its third-to-last
    syllable: a word in -n with no accent is stressed on its second-to-last syllable
    (`joven`, `examen`, `imagen`, `origen`, `canon`, `crimen`), and its plural, one
    syllable longer, on the third-to-last (`jóvenes`, `exámenes`, `imágenes`, `orígenes`,
    `cánones`, `crímenes`). A word of one syllable has no such vowel (`tren`, `trenes`),
    and one stressed on its last syllable is written with an accent (`camión`), which
    its plural loses, and gets none here.

    Written here because the library's own rule for it (after `pluralize`'s rules) never
    applies: its pattern `([aeiou]).{1, 3}([aeiou])nes$` reads `{1, 3}` (a space after
    the comma) as those five characters, not as a count, and written `.{1,3}` it would
    accent the first vowel it finds ("éxamenes"); here only consonants come between the
    stressed vowel and the next. In a diphthong the strong vowel takes the accent
    ("ai" -> "ái")."""
    if any(char in plural for char in "áéíóú"):
        return plural
    found = _BEFORE_THE_LAST_SYLLABLES.search(plural)
    if found is None:
        return plural
    at = found.start()
    if plural[at] in "iu" and at > 0 and plural[at - 1] in _STRONG_VOWELS:
        at -= 1  # the strong vowel of a falling diphthong
    return plural[:at] + plural[at].translate(_ACCENTED) + plural[at + 1 :]
