"""How two written forms of a term compare (DESIGN section 4), without MkDocs.

`form_key` is the one place that says when two forms are "the same": the duplicate check
uses it on glossary forms and the matcher agrees with it on running text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Spaces, tabs, line breaks, non-breaking spaces and hyphens all separate words alike.
WORD_SEPARATORS = re.compile(r"[\s\u00a0\u202f\-\u2010\u2011]+")
APOSTROPHES = "'\u2019"


def split_words(form: str) -> list[str]:
    """The words of a form, NFC-normalised, separators dropped."""
    normalised = unicodedata.normalize("NFC", form).strip()
    return [word for word in WORD_SEPARATORS.split(normalised) if word]


def is_all_capitals(form: str) -> bool:
    """True for forms such as `TIP` or `CSAM`: every letter is a capital (and there are
    at least two), so they only ever match written in capitals."""
    letters = [char for char in form if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """The singular of a noun, from lemminflect's lexicon; acronyms lose a plain `s`."""
    if is_all_capitals(word.rstrip("s")) and word.endswith("s"):
        return word[:-1]
    if is_all_capitals(word):
        return word
    from lemminflect import getLemma  # imported on first use: keeps start-up cheap

    lemmas = getLemma(word.lower(), upos="NOUN")
    if not lemmas:
        return word
    lemma = lemmas[0]
    return lemma if word.islower() else _match_case(lemma, word)


def _match_case(lemma: str, original: str) -> str:
    if original[:1].isupper():
        return lemma[:1].upper() + lemma[1:]
    return lemma


def form_key(form: str, case_sensitive: bool = False) -> str:
    """A key under which forms that section 4 treats as the same form are equal.

    Words are joined by one space, the last word is singular, and the case is folded
    unless the form is case-sensitive or written all in capitals.
    """
    words = split_words(form)
    if not words:
        return ""
    words[-1] = singular(words[-1])
    key = " ".join(words)
    if case_sensitive or is_all_capitals(form):
        return key
    return key.casefold()
