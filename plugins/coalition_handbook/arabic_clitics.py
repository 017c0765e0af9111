"""The little words Arabic writes glued to the next one, read before a form (`matching`).

Arabic joins `و` (and), `ف` (so), `ب` (with, by), `ك` (as) and `ل` (for) to the word
after them, and the article `ال` to its noun: `والاتجار بالبشر` is "and human
trafficking", `للناجي` "for the survivor" (`ل` and `الناجي`, whose alef is then not
written). Read before any word, they would make `بحر` (sea) a use of `حر` (free); read
together with the article, which no other word starts with so, they make none: a form
with the article is found after `و`, `ف`, `ب` or `ك` (`والاتجار`, `بالخط الساخن`), and
written as `ل` and the article make it (`للناجي`, a search key of its own:
`lam_article_key`); a form without it is found after the article and what may stand
before it (`الاتجار`, `والاتجار`, `للاتجار` of `اتجار`), and after `و` or `ف` alone
where its first word is long (`_AND_BEFORE_WORD_OF`). A use then starts with its word,
so that a link holds the whole word (its letters join) and `found` is the word as written.

The text read is the matcher's searched text: marks and tatweel taken out, alef with a
hamza or madda read as alef (`forms.arabic_read_alike`).
"""

from __future__ import annotations

ARTICLE = "\u0627\u0644"  # ال
_LAM = "\u0644"  # ل
# `ل` and the article, its alef not written (`للناجي`).
_LAM_ARTICLE = _LAM + _LAM
_AND = "\u0648\u0641"  # و ف: "and", "so"
_WITH = "\u0628\u0643"  # ب ك: "with", "as"
# What may stand glued before the article: `و` or `ف`, then `ب` or `ك`, one of them at
# least (`وب`, `فك`...).
_BEFORE_ARTICLE = frozenset(
    first + second for first in ("", *_AND) for second in ("", *_WITH) if first + second
)
# What may stand glued before a form written without the article: the article and what
# may stand before it, or `ل` and the article (`لل`), maybe after `و` or `ف`.
_BEFORE_BARE_FORM = frozenset(
    {ARTICLE, *(glued + ARTICLE for glued in _BEFORE_ARTICLE)}
    | {first + _LAM_ARTICLE for first in ("", *_AND)}
)
_BEFORE_LAM_ARTICLE = frozenset(_AND)
# `و` or `ف` alone before a form without the article, whose first word has this many
# letters at least: a word of two or three letters after them is as often a longer
# word's end (`ورق` is paper, not "and slavery", `رق`; `وحدة` unit, `حدة` sharpness);
# one of four or more seldom is (`وطفلة عاهرة`, `وضحية`).
_AND_BEFORE_WORD_OF = 4
# The last letter of each of them: the only letters before a form worth a closer look.
GLUED_LAST_LETTERS = frozenset(glued[-1] for glued in _BEFORE_ARTICLE | _BEFORE_BARE_FORM)
GLUED_LAST_LETTERS |= frozenset(_AND)
_LONGEST = max(map(len, _BEFORE_BARE_FORM))


def _is_arabic_letter(char: str) -> bool:
    return "\u0621" <= char <= "\u064a"


def _letters_from(text: str, start: int) -> int:
    """How many Arabic letters the word at `start` has from there (up to five)."""
    end = start
    while end < len(text) and end - start <= _AND_BEFORE_WORD_OF and _is_arabic_letter(text[end]):
        end += 1
    return end - start


def lam_article_key(key: str) -> str | None:
    """The search key of a form with the article as `ل` and the article write it
    (`الناجي` -> `للناجي`), or None for one without it."""
    if key.startswith(ARTICLE) and len(key) > len(ARTICLE):
        return _LAM + key[1:]
    return None


def glued_start(text: str, start: int) -> int | None:
    """Where the word starts that glues a use of a form at `start` of `text` (the
    searched text) to the little words before it (`والاتجار`), or None where the letters
    before `start` are none of them, or no word's start."""
    if not _is_arabic_letter(text[start]):
        return None
    if text.startswith(ARTICLE, start):
        allowed = _BEFORE_ARTICLE
    elif text.startswith(_LAM_ARTICLE, start):
        allowed = _BEFORE_LAM_ARTICLE
    elif _letters_from(text, start) >= _AND_BEFORE_WORD_OF:
        allowed = _BEFORE_BARE_FORM | _BEFORE_LAM_ARTICLE
    else:
        allowed = _BEFORE_BARE_FORM
    # The word's start: the letters before `start` (at most as many as the longest
    # glued run, and one more to see that it starts no word).
    first = start
    while first > 0 and start - first <= _LONGEST and _is_arabic_letter(text[first - 1]):
        first -= 1
    if first > 0 and (text[first - 1].isalnum() or text[first - 1] == "_"):
        return None
    return first if text[first:start] in allowed else None
