"""Where a use of a form may end in Korean, which glues its particles to the word before.

Korean spaces its words, but writes a noun's particles and copula against it:
`인신매매를`, `피해자에게`, `강제노동의`, `ILO는`. The matcher takes a use only as a whole
word (no letter just before or after it), so a form followed by a particle was never found.
Here a use stands against the Hangul after it when that Hangul, up to the next character
that is no Hangul letter, is one of Korean's common particles or copula endings
(`PARTICLES`, a closed list), maybe after the plural `들` (`피해자들은`); before it, as
everywhere, no letter: `국제인신매매` holds no use of `인신매매`. The longest form still
wins (`강제노동` over `노동`), and a use must be two characters or more: one syllable
followed by a particle-like one is too often a word of its own (`강도`, `국가`).

What this reads wrongly: a word made of a form and a syllable that is also a particle
(`활동가`, "activist", is `활동` and `가`) is taken as a use of the form, which a glossary
settles by giving the longer word as an alias of its term (the longest wins), or a page
by a `handbook-disable-next-line` (ADOPTING.md). A verb made of a noun and `하다`
(`착취하는`) is no use of the noun.
"""

from __future__ import annotations

from .unspaced_words import is_unspaced, joins_unspaced

# Hangul letters: the syllables, the conjoining jamo and their extensions, the
# compatibility jamo, the half-width ones. As (first, last) pairs.
_HANGUL = (
    ("\u1100", "\u11ff"),
    ("\u3131", "\u318e"),
    ("\ua960", "\ua97f"),
    ("\uac00", "\ud7a3"),
    ("\ud7b0", "\ud7ff"),
    ("\uffa0", "\uffdc"),
)
# Below this no character is Hangul: most text is told apart by one comparison.
HANGUL_FROM = _HANGUL[0][0]

# Case particles, with the topic, additive and genitive ones they stack with.
_STACKING = (
    "에", "에서", "에게", "에게서", "한테", "께", "로", "으로", "로서", "으로서", "로써",
    "으로써", "와", "과", "까지", "부터", "보다", "처럼", "만", "이나", "나",
)  # fmt: skip
_STACKED = ("는", "은", "도", "의", "만")
_ALONE = (
    "이", "가", "은", "는", "을", "를", "의", "도", "께서", "이랑", "랑", "이란", "란",
    "이라는", "라는", "이든", "든", "마다", "조차", "마저", "뿐", "만을", "만이", "로부터",
    "으로부터", "만큼", "께서는", "께서도", "이라도",
    # the copula, after a noun: "is a victim", "who is", "and is"
    "이다", "다", "입니다", "이었다", "였다", "이었습니다", "였습니다", "이며", "며", "이고",
    "이자", "인", "이라", "라", "이라고", "라고", "이에요", "예요", "이야", "야", "이지만",
    "이면서", "인지", "임을",
)  # fmt: skip
PARTICLES = frozenset(
    _STACKING + _ALONE + tuple(first + then for first in _STACKING for then in _STACKED)
)
# The plural suffix, which a particle may follow: `피해자들은`.
_PLURAL = "들"
# The most Hangul letters a use may be followed by: the plural and the longest particle.
_LONGEST_TAIL = len(_PLURAL) + max(map(len, PARTICLES))
# The fewest characters a use needs to stand before a particle.
_FEWEST = 2


def is_hangul(char: str) -> bool:
    """Whether `char` is a Hangul letter (a syllable or a jamo)."""
    return char >= HANGUL_FROM and any(first <= char <= last for first, last in _HANGUL)


def particle_at(text: str, place: int) -> bool:
    """Whether the Hangul letters from `place` to the next character that is none are
    a particle, the plural, or the plural and a particle. Reads a few characters at most:
    this runs for a use's every hit, and a run may be a whole page long."""
    end = place
    limit = min(len(text), place + _LONGEST_TAIL + 1)
    while end < limit and is_hangul(text[end]):
        end += 1
    tail = text[place:end]
    if tail.startswith(_PLURAL):
        tail = tail[len(_PLURAL) :]
        if not tail:
            return True
    return tail in PARTICLES


def stands_in_korean(text: str, start: int, last: int) -> bool:
    """Whether `text[start:last + 1]`, with a Hangul letter just before or after it, is a
    use (module docstring): before it, as Chinese and Japanese would have it
    (`joins_unspaced`: no letter of Korean or a spaced script); after it, a particle, or
    a script Chinese and Japanese part from it. Both ends are tested, whichever the
    matcher asked about: it takes a use only where both are words' ends."""
    use = text[start : last + 1]
    if start:
        before = text[start - 1]
        if before.isalnum() and not joins_unspaced(before, text[start], use):
            return False
    if last + 1 < len(text):
        after = text[last + 1]
        if is_hangul(after) and not is_unspaced(text[last]):
            return len(use) >= _FEWEST and particle_at(text, last + 1)
        if after.isalnum():
            return joins_unspaced(after, text[last], use)
    return True
