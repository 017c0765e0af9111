"""Names as ids spell them and as an A-Z index files them: the one rule that `handbook new`
and the id check of every file share, and the order of the glossary's index (and of a
handout's key terms)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Latin letters that Unicode does not decompose into an ASCII letter and an accent.
_ASCII_LETTERS = str.maketrans(
    {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th"}
    | {"ı": "i", "ħ": "h", "ŧ": "t", "ŋ": "n"}
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# An apostrophe inside a word (straight, curly, or the modifier letter): left out, as MkDocs'
# own heading anchors leave it out and an editor naming a file by hand does.
_APOSTROPHES = "'\u2019\u02bc"
_APOSTROPHE_IN_WORD = re.compile(rf"(?<=\w)[{_APOSTROPHES}](?=\w)")
# A hyphen joining two words: ASCII's, or Unicode's (U+2010, which NFKD makes of U+2011).
_JOINING_HYPHEN = re.compile(r"(?<=\w)[-\u2010](?=\w)")


def slugify(name: str) -> str:
    """The id for a form or title: lowercase ASCII words joined by hyphens.

    Accents are dropped (`Trata de niños` -> `trata-de-ninos`), and so is an apostrophe
    inside a word (`survivor's network` -> `survivors-network`); anything else that is not
    an ASCII letter or digit separates words (`7102(9)` -> `7102-9`). The result may be
    empty (a name with no Latin letter or digit).
    """
    return _NOT_SLUG.sub("-", _APOSTROPHE_IN_WORD.sub("", folded_latin(name))).strip("-")


def words_left_out(name: str) -> list[str]:
    """The words of `name` (its runs of letters and digits) that its id leaves out, having
    no Latin letter or digit: `Москва` of `Москва shelter`, whose id is `shelter`."""
    return [word for word in _WORD.findall(name) if not slugify(word)]


def letters_left_out(name: str) -> list[tuple[str, list[str]]]:
    """The words of `name` that keep a Latin letter or digit in its id but lose others,
    each with the characters it loses (once each, in order): the Cyrillic `с` of
    `viсtim`, a look-alike typed with another keyboard layout, whose id is `vi-tim`. A
    word losing all of them is one of `words_left_out`; an apostrophe is left out on
    purpose (`slugify`)."""
    partly: list[tuple[str, list[str]]] = []
    for word in _WORD.findall(name):
        if not slugify(word):
            continue
        lost = [char for char in word if char not in _APOSTROPHES and not slugify(char)]
        if lost:
            partly.append((word, list(dict.fromkeys(lost))))
    return partly


_WORD = re.compile(r"[^\W_]+")


def folded_latin(text: str) -> str:
    """`text` case-folded, without accents, and with the Latin letters that have no
    accent to drop written as ASCII (`Łódź` -> `lodz`, `Æsir` -> `aesir`): how an id
    spells a name, and where an A-Z index files it."""
    # Decomposed first, so that a letter NFKD makes ("ℌ" -> "H") is case-folded too.
    folded = unicodedata.normalize("NFKD", text).casefold().translate(_ASCII_LETTERS)
    return "".join(char for char in folded if not unicodedata.combining(char))


@lru_cache(maxsize=65536)
def sort_key(text: str) -> str:
    """Alphabetical order that ignores case and accents (`Łódź` among the Ls), word by
    word as a dictionary files names: a hyphen between two words sorts as a space, so
    `action-means-purpose model` comes before `action plan`, as `action means` would."""
    return _JOINING_HYPHEN.sub(" ", folded_latin(text))


def index_letter(text: str) -> str:
    """The A-Z section a term is listed under; anything but a letter goes under `#`."""
    first = sort_key(text).lstrip()[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def a_to_z_key(name: str) -> tuple[bool, str]:
    """Where a term's name goes in the glossary's order: A to Z, then those under `#`
    (that start with no letter from A to Z), as the letter navigation lists them."""
    return index_letter(name) == "#", sort_key(name)
