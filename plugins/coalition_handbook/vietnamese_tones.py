"""Vietnamese's two places for a tone mark, read as one (`matching`).

Vietnamese writes the tone of an open syllable ending in `oa`, `oe` or `uy` on either
vowel: the older way on the first (`hòa`, `khỏe`, `thủy`, `Ủy ban`), the newer on the
second (`hoà`, `khoẻ`, `thuỷ`, `Uỷ ban`). Both are in use, in one text too, and readers
read them as one word: `tái hoà nhập` is a use of `tái hòa nhập`. Where the syllable
goes on (`hoàn`, `khuyến`), both ways put the mark on the second vowel: left as it is.
The mark is moved to the first vowel, which keeps the text's length: offsets hold.
"""

from __future__ import annotations

import re
import unicodedata

from .lazy_pattern import LazyPattern

# Grave, acute, hook above, tilde and dot below.
_TONES = "\u0300\u0301\u0309\u0303\u0323"
_PAIRS = ("oa", "oe", "uy")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# The pair with its tone on the second vowel -> the pair with it on the first, in each
# case (`oà`, `OÀ`, `Oà`).
_MOVED: dict[str, str] = {
    first_cased + _nfc(second_cased + tone): _nfc(first_cased + tone) + second_cased
    for first, second in _PAIRS
    for tone in _TONES
    for first_cased in (first, first.upper())
    for second_cased in (second, second.upper())
}
# Such a pair where its word ends (no letter nor mark after it): a class for each first
# vowel, which the engine looks for at C speed (`o` then a toned `a` or `e`, `u` a `y`).
_TONE_ON_SECOND = LazyPattern(
    "(?:"
    + "|".join(
        f"[{first}{first.upper()}]"
        + "["
        + "".join(sorted({pair[1] for pair in _MOVED if pair[0].lower() == first}))
        + "]"
        for first in "ou"
    )
    + r")(?![^\W\d_]|[\u0300-\u036f])"
)


# The vowels with a tone a pair may end with, each with its pairs: a text with none of
# the pairs (French's `é` is such a vowel, its `oé` rare) is left as it is, at C speed.
_PAIRS_ENDING: dict[str, tuple[str, ...]] = {}
for _pair in _MOVED:
    _PAIRS_ENDING[_pair[1]] = (*_PAIRS_ENDING.get(_pair[1], ()), _pair)
_TONED_SECONDS = frozenset(_PAIRS_ENDING)


# A pair with its tone on the first vowel where its word ends: what the keys of a
# matcher hold of Vietnamese's open syllables (`hòa`).
_TONE_ON_FIRST = LazyPattern(
    "(?:"
    + "|".join(map(re.escape, dict.fromkeys(_MOVED.values())))
    + r")(?![^\W\d_]|[\u0300-\u036f])"
)


def has_tone_moved(key: str) -> bool:
    """Whether `key` (a search key, `tone_on_first_vowel` made) has an open `oa`, `oe`
    or `uy` with its tone on the first vowel, which a text may write on the second."""
    return not key.isascii() and _TONE_ON_FIRST.search(key) is not None


def tone_on_first_vowel(text: str) -> str:
    """`text` (NFC) with the tone of each open syllable ending in `oa`, `oe` or `uy` on
    its first vowel, as the older way writes it: `hoà` -> `hòa`. Same length. A text
    holding no toned `a`, `e` or `y` (English with curly quotes) costs no search, nor one
    with none of the pairs."""
    if text.isascii():
        return text
    toned = _TONED_SECONDS.intersection(text)
    if not any(pair in text for second in toned for pair in _PAIRS_ENDING[second]):
        return text
    return _TONE_ON_SECOND.sub(lambda pair: _MOVED[pair.group()], text)
