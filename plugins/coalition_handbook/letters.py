"""Capital and small letters beyond ASCII, as the text of a regex class.

Python's `re` has no `\\p{Lu}` and `\\p{Ll}`, and `[^\\W\\d_]` is a letter of either
case: a pattern that tells a capital from a small letter puts these in its classes
(`[A-Z{CAPITAL_LETTERS}]`), read from Unicode's data at import, not listed by hand.
"""

from __future__ import annotations

# The Latin, Greek and Cyrillic alphabets beyond ASCII, accented letters too (É, Ñ, ẞ, ñ,
# ß): from Latin-1's letters to Cyrillic's end, and Latin Extended Additional (Vietnamese).
# A few thousand code points, read in well under a millisecond; none is a character
# a regex class gives a meaning to (`]`, `\`, `^`, `-`).
_ALPHABETS = (*range(0xC0, 0x530), *range(0x1E00, 0x1F00))
CAPITAL_LETTERS = "".join(char for code in _ALPHABETS if (char := chr(code)).isupper())
SMALL_LETTERS = "".join(char for code in _ALPHABETS if (char := chr(code)).islower())
# The accents that NFD text (a file saved on a Mac, some editors) writes after a letter.
COMBINING_ACCENTS = "\u0300-\u036f"
