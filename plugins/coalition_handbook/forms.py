"""How two written forms of a term compare (DESIGN section 4), without MkDocs.

`form_key` is the one place that says when two forms are "the same": the duplicate check
uses it on glossary forms and the matcher agrees with it on running text, folding case
alike (`fold_case`: "GROSSRAZZIA" and "Grossrazzia" are "Großrazzia").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import product
from typing import Literal

from .lazy_pattern import LazyPattern
from .lexicon import get_inflection
from .spanish_plurals import spanish_plural
from .vietnamese_tones import tone_on_first_vowel

# How a writing of a form matches text: `matching.FormEntry.case_rule`.
CaseRule = Literal["any", "strict", "report", "noun"]
# The languages whose plurals a form's last word takes (`inflection_language`).
ENGLISH = "en"
SPANISH = "es"
FRENCH = "fr"
GERMAN = "de"
# Those whose plural inflects a form's noun and the adjectives agreeing with it, before
# its complement ("trata de personas" -> "tratas de personas", "traite des personnes"
# -> "traites des personnes"), not its last word: `noun_phrase_plural_words`; German's
# its cases too (`german_writings`).
NOUN_PHRASE_LANGUAGES = frozenset({SPANISH, FRENCH, GERMAN})


def inflection_language(language: str | None) -> str:
    """Whose plurals the forms of a site in `language` (its `theme.language`) take:
    Spanish ones in Spanish, French ones in French and German ones (with their cases) in
    German, in any region (`es`, `es-MX`, `fr_CA`, `de-CH`), English ones in every other
    language, as before there were others."""
    primary = language.replace("_", "-").split("-")[0].lower() if language else ""
    return primary if primary in NOUN_PHRASE_LANGUAGES else ENGLISH


def _plural_of(lower: str, language: str) -> str | None:
    """The library's plural of the lower-case word `lower` in `language`, Spanish or
    French (`spanish_plural`, `french_plural`); None where it is the word itself."""
    if language == FRENCH:
        from .french_plurals import french_plural  # a French site's alone

        return french_plural(lower)
    if language == GERMAN:
        from .german_plurals import german_plural  # a German site's alone

        return german_plural(lower)
    return spanish_plural(lower)


# Spaces, tabs, line breaks, non-breaking spaces and hyphens all separate words alike
# (`\s` is every Unicode space: thin, en, em, ideographic, line and paragraph separators).
WORD_SEPARATORS = LazyPattern(r"[\s\u00a0\u202f\-\u2010\u2011]+")
# The spaces of that beyond ASCII: every space separator of Unicode (category Zs), and its
# line and paragraph separators (Zl, Zp), which a reader sees as a line break.
SPACE_SEPARATORS = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
LINE_SEPARATORS = "\u2028\u2029"
UNICODE_SPACES = SPACE_SEPARATORS + LINE_SEPARATORS
# What no reader sees, Unicode's default-ignorable format characters: a soft hyphen, zero
# width spaces and joiners, a word joiner, a byte order mark, direction marks, tags. Word
# processors put them inside words; a word reads as if they were not there
# ("vic\u00adtim" is "victim", "victim\u00adhood" is "victimhood").
INVISIBLE_CHARACTERS = "".join(
    map(
        chr,
        [
            0x00AD, 0x061C, 0x180E, *range(0x200B, 0x2010), *range(0x202A, 0x202F),
            *range(0x2060, 0x2065), *range(0x2066, 0x2070), 0xFEFF, *range(0x1BCA0, 0x1BCA4),
            *range(0x1D173, 0x1D17B), 0xE0001, *range(0xE0020, 0xE0080),
        ],
    )
)  # fmt: skip
_WITHOUT_INVISIBLE = str.maketrans("", "", INVISIBLE_CHARACTERS)
# Of those, the ones that belong in no form or definition wherever they stand: a zero
# width space, a soft hyphen, a word joiner, a byte order mark, the controls that reorder
# text shown (what "Trojan Source" hides code with). The joiners and marks that Persian,
# Arabic, Hebrew, Indic scripts and emoji need (U+200C, U+200D, U+200E, U+200F, U+061C)
# are stray only between ASCII characters, where no script needs them ("care\u200dworker"),
# matched as a run: two pasted together each stood beside a character past ASCII, the
# other (review rv39). The term schema's `withoutInvisible` pattern refuses the same in forms.
STRAY_INVISIBLE = LazyPattern(
    "[\u00ad\u180e\u200b\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
    "|(?:(?<=[\x00-\x7f])|^)[\u200c-\u200f\u061c]+(?=[\x00-\x7f]|$)"
)


def has_invisible(text: str) -> bool:
    """Whether `text` holds one of `INVISIBLE_CHARACTERS`. The soft hyphen, the one in
    Latin-1, is looked for by `in`; the others only in text past Latin-1, among its
    characters past ASCII (`beyond_ascii`): `in` over a page for each of them was 29 passes
    over each page with a curly apostrophe (spd66), as `re` for the set of them is slower."""
    if text.isascii():
        return False
    if _SOFT_HYPHEN in text:
        return True
    if _is_latin_1(text):  # every other one is past Latin-1
        return False
    return not _INVISIBLE_SET.isdisjoint(beyond_ascii(text))


_SOFT_HYPHEN = "\u00ad"
_INVISIBLE_SET = frozenset(INVISIBLE_CHARACTERS)
_ASCII_BYTES = bytes(range(128))


def beyond_ascii(text: str) -> str:
    """The characters of `text` past ASCII, in order: its UTF-8 bytes but ASCII's, at C
    speed (a page's typographic apostrophes and quotes are few, and a loop over its
    characters in Python costs as much as reading it)."""
    if text.isascii():
        return ""
    recent = _RECENT[0]
    for seen, beyond in recent:  # a page is asked about by several passes in a row
        if seen is text:
            return beyond
    utf_8 = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    beyond = utf_8.decode("utf-8", "surrogatepass")
    _RECENT[0] = (*recent[-3:], (text, beyond))  # a new tuple: a thread reads either
    return beyond


# The texts last asked about (kept, so that no other takes the same `id`) and what each
# holds past ASCII: privacy.pii's passes ask about each page's text four times or more.
_RECENT: list[tuple[tuple[str, str], ...]] = [()]


def has_digit_past_ascii(text: str) -> bool:
    r"""Whether `text` holds a decimal digit of a script past ASCII (`٤٥`, `４`), which `\d`
    reads and the ASCII fast paths do not."""
    return any(map(str.isdecimal, set(beyond_ascii(text))))


def _is_latin_1(text: str) -> bool:
    """Whether each character of `text` is in Latin-1: a copy of its bytes if so, and a
    stop at the first that is not otherwise."""
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def without_invisible(text: str) -> str:
    """`text` with its `INVISIBLE_CHARACTERS` taken out."""
    return text.translate(_WITHOUT_INVISIBLE)


def split_words(form: str) -> list[str]:
    """The words of a form, NFC-normalised, invisible characters and separators dropped."""
    if form.isascii():  # most forms: NFC already, and no invisible character is ASCII
        normalised = form.strip()
    else:
        normalised = unicodedata.normalize("NFC", without_invisible(form)).strip()
    return [word for word in WORD_SEPARATORS.split(normalised) if word]


# What a reader reads as an apostrophe, and the matcher as a straight one: the curly one,
# and the modifier letter apostrophe that some phone keyboards and autocorrect type (a
# letter to Unicode: "slave\u02bcs" was one word, no use of "slave"); the left single
# quotation mark typed for one ("survivor\u2018s": some keyboards and autocorrect), read
# as one everywhere, as a straight one is, opening a quotation or not; the fullwidth one
# (U+FF07) an IME types.
APOSTROPHES = "\u2019\u02bc\u2018\uff07"
# Words that French, Italian and Catalan write elided before an apostrophe, joined to the
# next word ("l'exploitation", "d'esclavage", "qu'elle", "dell'Unione", "l'art."). Folded.
ELISIONS = frozenset(
    {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"}  # French
    | {"dell", "dall", "nell", "all", "sull", "un", "quell", "quest"}  # Italian
)
_STRAIGHT = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))


def straight_apostrophes(text: str) -> str:
    """`text` with its `APOSTROPHES` straight."""
    return text.translate(_STRAIGHT) if not text.isascii() else text


def matched_words(form: str) -> list[str]:
    """The words of a form as the matcher reads them: `split_words`, with straight
    apostrophes (it straightens curly ones in the text too)."""
    return split_words(straight_apostrophes(form))


def is_all_capitals(form: str) -> bool:
    """True for forms such as `TIP` or `CSAM`: every letter is a capital (and there are
    at least two), so they only ever match written in capitals."""
    if form.islower():  # most forms, told in C: no capital letter at all
        return False
    letters = [char for char in form if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


# Endings a plural may have, and what its singular may end with instead; every guess is
# confirmed against lemminflect's lexicon (the plural must be one it gives for the guess).
_PLURAL_ENDINGS = (
    ("ies", "y"), ("ves", "f"), ("ves", "fe"), ("es", "is"), ("es", ""), ("s", ""),
    ("men", "man"), ("ren", ""), ("ice", "ouse"), ("eet", "oot"), ("eeth", "ooth"),
    ("a", "on"), ("a", "um"), ("i", "us"), ("ae", "a"),
)  # fmt: skip


# Plurals that lemminflect's lexicon lacks: it knows "people" only as a noun of its own
# ("peoples"), and gives "persons" alone as the plural of "person".
_SUPPLETIVE_PLURALS = {"person": ("people",)}
_SUPPLETIVE_SINGULARS = {
    plural: word for word, found in _SUPPLETIVE_PLURALS.items() for plural in found
}


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """The singular of a noun, confirmed by lemminflect's lexicon; acronyms lose a plain
    `s`. Words it does not know as plurals are returned as they are."""
    if is_all_capitals(word.rstrip("s")) and word.endswith("s"):
        return word[:-1]
    if is_all_capitals(word):
        return word
    lower = word.lower()
    if lower in _SUPPLETIVE_SINGULARS:
        return _match_case(_SUPPLETIVE_SINGULARS[lower], word)
    if noun_plurals(lower, inflect_oov=False):
        return word  # a noun the lexicon knows as a singular ("bus", "news")
    for inflect_oov in (False, True):  # the lexicon's plurals first, then its rules
        guess = _singular_whose_plural_is(lower, inflect_oov)
        if guess is not None:
            return guess if word.islower() else _match_case(guess, word)
    return word


def _singular_guesses(lower: str) -> list[str]:
    """What the singular of `lower` may be, by its ending. A guess of one letter is no
    singular ("is" is not the plural of "i"); a short stem is fine ("feet", "men")."""
    return [
        guess
        for ending, replacement in _PLURAL_ENDINGS
        if lower.endswith(ending) and len(guess := lower[: -len(ending)] + replacement) > 1
    ]


@lru_cache(maxsize=65536)
def _singular_whose_plural_is(lower: str, inflect_oov: bool) -> str | None:
    """The first of `_singular_guesses(lower)` whose plural lemminflect gives as `lower`:
    from its lexicon, or with `inflect_oov` from its rules too; None if none is."""
    return next(
        (
            guess
            for guess in _singular_guesses(lower)
            if lower in noun_plurals(guess, inflect_oov=inflect_oov)
        ),
        None,
    )


@lru_cache(maxsize=65536)
def noun_plurals(lower: str, inflect_oov: bool) -> tuple[str, ...]:
    """lemminflect's plurals of the noun `lower`: from its lexicon, or with `inflect_oov`
    from its rules where the lexicon has none. Asked once a word: `singular`, `is_plural`
    and `plurals` each ask about the last word of every form (a tenth of the time a cold
    check of 2,000 terms took to compile its matcher)."""
    return get_inflection()(lower, tag="NNS", inflect_oov=inflect_oov) or ()


@lru_cache(maxsize=65536)
def is_plural(word: str) -> bool:
    """Whether `word` is a plural already: an acronym's (`MOUs`), or one that lemminflect's
    lexicon gives for another noun ("minors", "persons", "children"). Its rules' guesses
    are not enough: "lotus" is no plural of "lotu", and "people", a noun of its own in
    the lexicon, keeps its plural "peoples"."""
    if is_all_capitals(word):
        return False
    if is_acronym_plural(word):
        return True
    lower = word.lower()
    if noun_plurals(lower, inflect_oov=False):
        return False  # a noun the lexicon knows as a singular
    return _singular_whose_plural_is(lower, inflect_oov=False) is not None


def _match_case(inflected: str, original: str) -> str:
    """`inflected`, a lower-case plural or singular of `original`, in `original`'s case
    where they begin alike: "PhD" -> "PhDs", "Child" -> "Children", "Feet" -> "Foot"."""
    pairs = zip(inflected, original.lower(), strict=False)
    shared = next(
        (index for index, (mine, theirs) in enumerate(pairs) if mine != theirs),
        min(len(inflected), len(original)),
    )
    return original[:shared] + inflected[shared:]


def fold_case(text: str) -> str:
    """`text` with its case folded, as forms are compared (`form_key`) and searched (the
    matcher): `str.casefold`, which writes ß and ẞ as "ss" and the ligature "ﬁ" as "fi",
    but for the few letters it would write with a combining mark (İ as "i" and a dot
    above, ǰ as "j" and a caron): those are lowered one for one, as `str.lower` does
    ("İstanbul" is "istanbul"), so that no form ends inside a letter."""
    return folded_with_shifts(text)[0]


def folded_with_shifts(text: str) -> tuple[str, list[int], list[int]]:
    """`fold_case(text)` and the map back to `text`, for the letters it writes longer
    (ß as "ss"): at folded offset `shifts_at[k]` and after, subtract `shifts[k]` to get
    the offset in `text`. No word starts or ends inside such a letter's folding, which
    is all letters."""
    folded = _casefolded(text)
    if len(folded) == len(text):  # nothing written longer: most texts, told in C
        return folded, [], []
    pieces: list[str] = []
    shifts_at: list[int] = []
    shifts: list[int] = []
    added = previous = 0
    for found in _folded_longer().finditer(text):
        index = found.start()
        letter = _letter_folded(found.group())
        pieces += (text[previous:index].casefold(), letter)
        previous = index + 1
        if len(letter) > 1:
            added += len(letter) - 1
            shifts_at.append(index + 1 + added)
            shifts.append(added)
    pieces.append(text[previous:].casefold())
    return "".join(pieces), shifts_at, shifts


def _casefolded(text: str) -> str:
    """`text.casefold()`, faster for a long text past ASCII whose characters past it are
    few and known already (`beyond_ascii` was asked about it last, as the matcher asks):
    its capitals A-Z lowered as UTF-8 bytes, then each of the few kinds of character past
    ASCII that fold to another one (É, Ñ) replaced by it, each in C. `casefold` reads
    every character of a text past ASCII through the Unicode tables, three times as long
    as this takes (a page with curly quotes, spd68); it folds each character alone, as
    this does. A text mostly past ASCII (Greek, Cyrillic) is folded by `casefold`."""
    if len(text) < _LONG_TEXT or text.isascii():
        return text.casefold()
    beyond = next((known for seen, known in _RECENT[0] if seen is text), None)
    if beyond is None or len(text) < _LONG_TEXT + len(beyond) * _PAST_ASCII_COST:
        return text.casefold()  # short, or dense past ASCII: re-encoding costs more
    kinds = "".join(set(beyond))
    folded_kinds = kinds.casefold()  # each alone, in C: a page may quote 3,000 kinds of CJK
    if len(folded_kinds) != len(kinds):
        return text.casefold()  # one written longer (ß as "ss")
    folding: list[tuple[str, str]] = []
    if folded_kinds != kinds:
        folding = [pair for pair in zip(kinds, folded_kinds, strict=True) if pair[0] != pair[1]]
        if len(folding) > _FEW_FOLDED:
            return text.casefold()
    utf_8 = text.encode("utf-8", "surrogatepass")
    folded_text = utf_8.lower().decode("utf-8", "surrogatepass")
    for char, folded in folding:
        folded_text = folded_text.replace(char, folded)
    return folded_text


# `casefold` takes about 3 ns a character of a text past ASCII; the way by bytes about
# 1.6 us, 1 ns a character and 15 to 45 a character past ASCII (each breaks the codecs'
# ASCII runs): a text shorter than `_LONG_TEXT` plus `_PAST_ASCII_COST` for each character
# past ASCII is folded by `casefold` (a paragraph of French prose, 1 in 26 past ASCII,
# took 1.8 times as long by bytes; rv65e). Past `_FEW_FOLDED` kinds of character to fold,
# a `str.replace` of each costs more than `casefold`.
_LONG_TEXT = 750
_PAST_ASCII_COST = 18
_FEW_FOLDED = 8


@cache
def _folded_longer() -> re.Pattern[str]:
    """The characters that `str.casefold` writes as more than one (about a hundred, all
    below U+10000: a test says so). Listed on first use: German text has ß, most has none."""
    longer = (chr(code) for code in range(0x80, 0x10000) if len(chr(code).casefold()) > 1)
    return re.compile(f"[{re.escape(''.join(longer))}]")


@lru_cache(maxsize=256)
def _letter_folded(letter: str) -> str:
    """`fold_case` of one letter of `_folded_longer`."""
    folded = letter.casefold()
    if any(unicodedata.category(char).startswith("M") for char in folded):
        return letter.lower()[0]
    return folded


# Arabic script, as its readers read it alike: the vowel marks (harakat, tashkeel: fatha,
# shadda, sukun...) and the superscript alef that a text writes and a form leaves out,
# and the tatweel that stretches a word, are taken out as `GLUE` is ("الاتِّجـار" is
# "الاتجار"); an alef with a hamza or a madda is a bare alef ("الإتجار"), and the Persian
# yeh and keheh are the Arabic yeh and kaf (Persian typed on an Arabic keyboard). Not
# teh marbuta and heh, nor alef maqsura and yeh: they tell words apart ("كتابة" writing,
# "كتابه" his book; "على" on, "علي" Ali).
ARABIC_MARKS = "\u0640" + "".join(map(chr, range(0x064B, 0x0660))) + "\u0670"
ARABIC_LETTERS = {"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627"}
ARABIC_LETTERS |= {"\u06cc": "\u064a", "\u06a9": "\u0643"}
# A form's key: its Arabic letters read alike, its Arabic marks left out, as the
# matcher reads a text (`matching._TRANSLATE`).
_ARABIC_KEY = str.maketrans({**dict.fromkeys(ARABIC_MARKS), **ARABIC_LETTERS})


# Arabic presentation forms: a letter's positional shape (U+FE8D, an isolated alef) or a
# ligature (U+FEFB, lam-alef), which a PDF's text layer gives and its reader reads as the
# letters themselves. Read as NFKC writes them (only these two blocks: NFC, which section
# 4 fixes, keeps them), a mark's isolated form as the mark alone, not after a space.
ARABIC_PRESENTATION_FORM = LazyPattern("[\ufb50-\ufdff\ufe70-\ufefe]")


@lru_cache(maxsize=1024)
def arabic_letters_of(form: str) -> str:
    """The Arabic letters (or mark) one presentation form is: `ﻻ` is `لا`, `ﹺ` a kasra.
    A phrase in one character (`ﷺ`, `ﷻ`) stays as written: a word of it would be a use
    with no text of its own (both ends at the one character)."""
    letters = unicodedata.normalize("NFKC", form).lstrip(" ")
    return form if " " in letters else letters


def arabic_letters(text: str) -> str:
    """`text` with its Arabic presentation forms written as their letters."""
    if text.isascii():
        return text
    return ARABIC_PRESENTATION_FORM.sub(_letters_of_found, text)


def _letters_of_found(found: re.Match[str]) -> str:
    return arabic_letters_of(found.group())


def arabic_read_alike(text: str) -> str:
    """`text` with its Arabic marks left out and its Arabic letters read alike."""
    return arabic_letters(text).translate(_ARABIC_KEY)


def form_key(form: str, case_sensitive: bool = False, language: str = ENGLISH) -> str:
    """A key under which forms that section 4 treats as the same form are equal.

    Words are joined by one space, apostrophes are straight (as the matcher reads them),
    the last word is singular (in Spanish, the words its plural inflects are plural:
    `_noun_phrase_key_words`), and the case is folded unless the form is case-sensitive or
    written all in capitals. `language` is whose plurals the forms take
    (`inflection_language`).
    """
    words = matched_words(form)
    if not words:
        return ""
    if language == GERMAN:
        pass  # as written: a German form's cases are no one writing of it (ADOPTING)
    elif language in NOUN_PHRASE_LANGUAGES:
        words = _noun_phrase_key_words(words, language)
    else:
        words[-1] = singular(words[-1])
    key = " ".join(words)
    if not key.isascii():
        # Arabic and Vietnamese's two tone places (`hoà` is `hòa`) read as the matcher reads them
        key = tone_on_first_vowel(arabic_read_alike(key))
        if language == FRENCH:  # `œ` and `oe` are one writing (`_ligature_writings`)
            key = key.replace("œ", "oe").replace("Œ", "OE")
    if case_sensitive or is_all_capitals(form):
        return key
    return fold_case(key)


def _noun_phrase_key_words(words: list[str], language: str = SPANISH) -> list[str]:
    """The words of a Spanish (or French: `language`) form's key: those its plural
    inflects (`noun_phrase_plural_words`) each as `_noun_phrase_key_word`, the rest as written."""
    inflected = _noun_phrase_inflected(tuple(words), language)
    return [
        (
            _shortened_plural(words, index, inflected, language)
            or _noun_phrase_key_word(word, language)
        )
        if index in inflected
        else word
        for index, word in enumerate(words)
    ]


def _noun_phrase_key_word(word: str, language: str = SPANISH) -> str:
    """The key of a word that a Spanish form's plural inflects: its plural, which is its
    plural's too (`protección` and `protecciones` are "protecciones"), where a singular
    would be a guess ("cómplices" is the plural the library gives of `cómplice` and of
    "cómpliz"). An acronym's is its singular, as in English (`ONGs` is "ONG")."""
    if is_all_capitals(word) or is_acronym_plural(word):
        return singular(word)
    plural = _plural_of(word.lower(), language)
    return word if plural is None else _match_case(plural, word)


def is_acronym_plural(word: str) -> bool:
    """Whether `word` is an acronym with a plural `s` (`MOUs`, `ONGs`)."""
    return word.endswith("s") and is_all_capitals(word[:-1])


@lru_cache(maxsize=65536)
def plurals(word: str, language: str = ENGLISH) -> tuple[str, ...]:
    """The plural forms of a noun from lemminflect (from inflector's Spanish rules where
    `language` is Spanish), in the word's own case; an acronym takes a plain `s` (`MOU`
    -> `MOUs`). The word itself is not included, and a plural has none (lemminflect's
    rules would make "minorses" of "minors")."""
    if language in NOUN_PHRASE_LANGUAGES:
        return _noun_phrase_plurals(word, language)
    if is_plural(word):
        return ()
    if is_all_capitals(word):
        return (word + "s",)
    if not any(char.isalpha() for char in word):
        return ()
    lower = word.lower()
    # The lexicon's plurals (asked already, by `is_plural`), else its rules'.
    inflected = noun_plurals(lower, inflect_oov=False) or noun_plurals(lower, inflect_oov=True)
    found = (*inflected, *_SUPPLETIVE_PLURALS.get(lower, ()))
    result = []
    for plural in found:
        cased = plural if word.islower() else _match_case(plural, word)
        if cased != word and cased not in result:
            result.append(cased)
    return tuple(result)


def _noun_phrase_plurals(word: str, language: str = SPANISH) -> tuple[str, ...]:
    """`plurals` of a word of a Spanish (or French: `language`) form. No ending tells a
    plural from a singular (`mes` is one month, `tos` one cough; `fils`, `pays`): the
    libraries give most plurals back as they are (`víctimas`, `trabajadores`,
    `victimes`), and so they get none."""
    if is_acronym_plural(word) or not any(char.isalpha() for char in word):
        return ()
    if is_all_capitals(word):
        return (word + "s",)
    plural = _plural_of(word.lower(), language)
    if plural is None:
        return ()
    cased = plural if word.islower() else _match_case(plural, word)
    return (cased,) if cased != word else ()


# Where the part of a Spanish form that its plural inflects ends: a preposition, an
# article (or the two in one, `del`, `al`) or a relative word starts a complement, which
# keeps its own number ("víctima de trata" -> "víctimas de trata", not "víctima de
# tratas"; "trata de personas" -> "tratas de personas"). In lower case.
_SPANISH_COMPLEMENT_STARTS = frozenset(
    {
        "a", "al", "ante", "bajo", "cabe", "con", "contra", "de", "del", "desde", "durante",
        "en", "entre", "hacia", "hasta", "mediante", "para", "por", "según", "sin", "so",
        "sobre", "tras", "versus", "vía",
        "el", "la", "lo", "los", "las", "un", "una", "unos", "unas",
        "que", "quien", "quienes", "cuyo", "cuya", "cuyos", "cuyas", "donde",
    }
)  # fmt: skip
# Words before it that agree with nothing and keep their form, the words after them still
# agreeing with the noun: conjunctions and adverbs ("trabajo forzoso u obligatorio" ->
# "trabajos forzosos u obligatorios", "menor no acompañado" -> "menores no acompañados").
# The library would make "yes" of "y", "nos" of "no".
_SPANISH_INVARIABLE = frozenset({"y", "e", "o", "u", "ni", "no", "muy", "más", "menos", "tan"})
# French's, as Spanish's: "traite des personnes" -> "traites des personnes", "personne en
# situation de vulnérabilité" -> "personnes en situation...", "travail forcé ou
# obligatoire" -> "travaux forcés ou obligatoires", "mineur non accompagné" -> "mineurs
# non accompagnés". An elided article or preposition starts a complement too ("bureau
# d'aide" -> "bureaux d'aide"), and an elided pronoun or a participle of avoir or être a
# clause, whose verb no plural inflects ("personne ayant vécu la traite" -> "personnes
# ayant vécu la traite", "personne s'identifiant comme femme"): `_FRENCH_ELIDED`.
_FRENCH_COMPLEMENT_STARTS = frozenset(
    {
        "à", "au", "aux", "de", "des", "du", "en", "dans", "par", "pour", "sur", "sous",
        "avec", "sans", "contre", "chez", "entre", "vers", "envers", "selon", "dès",
        "depuis", "pendant", "après", "avant", "auprès", "outre", "parmi", "via",
        "le", "la", "les", "un", "une", "qui", "que", "dont", "où", "ayant", "étant",
    }
)  # fmt: skip
_FRENCH_INVARIABLE = frozenset(
    {"et", "ou", "ni", "ne", "non", "pas", "très", "plus", "moins", "si", "trop", "peu"}
)
_FRENCH_ELIDED = ("d'", "l'", "qu'", "s'", "n'", "m'", "t'", "j'", "c'", "jusqu'", "lorsqu'")
# Adjectives French shortens before a singular noun starting with a vowel ("bel
# immeuble" -> "beaux immeubles"), by the plural of the full word.
_FRENCH_SHORTENED = {"bel": "beaux", "nouvel": "nouveaux", "vieil": "vieux"}


@lru_cache(maxsize=65536)
def _noun_phrase_inflected(words: tuple[str, ...], language: str = SPANISH) -> frozenset[int]:
    """The indexes of the words of a Spanish form that its plural inflects: its noun and
    the adjectives that agree with it, every word before the first that starts a
    complement (`_SPANISH_COMPLEMENT_STARTS`, punctuation around it aside: "víctima (de
    trata)"), but the invariable ones, and a word in capitals after the noun, which names
    or qualifies it as it is ("visas T", "personas LGBTI"). A form that starts with a
    complement's word ("en situación de calle", "a domicilio") is no noun: none. A
    French form (`language`) by French's words (`_FRENCH_COMPLEMENT_STARTS`)."""
    french = language == FRENCH
    starts = _FRENCH_COMPLEMENT_STARTS if french else _SPANISH_COMPLEMENT_STARTS
    invariable = _FRENCH_INVARIABLE if french else _SPANISH_INVARIABLE
    inflected: list[int] = []
    for index, word in enumerate(words):
        lower = word.lower()
        if not lower.isalpha():  # told in C: most words are letters alone
            lower = lower.strip(_PUNCTUATION)
            if french and lower.startswith(_FRENCH_ELIDED):
                break
        if lower in starts:
            break
        if lower in invariable:
            continue
        if inflected and lower != word and (word.isupper() or is_acronym_plural(word)):
            continue
        inflected.append(index)
    return frozenset(inflected)


# Adjectives Spanish shortens before a singular noun, by the plural of the full word
# ("buen trato" -> "buenos tratos", where the library makes "buenes"). `mal` is also a
# noun ("males"): as each, shortened only before another word that the plural inflects.
_SPANISH_SHORTENED = {
    "buen": "buenos", "mal": "malos", "gran": "grandes", "primer": "primeros",
    "tercer": "terceros", "postrer": "postreros", "algún": "algunos", "ningún": "ningunos",
    "cualquier": "cualesquier",
}  # fmt: skip


def _shortened_plural(
    words: Sequence[str], index: int, inflected: frozenset[int], language: str = SPANISH
) -> str | None:
    """The plural of `words[index]` where it is a shortened adjective before another
    word the form's plural inflects (`_SPANISH_SHORTENED`, `_FRENCH_SHORTENED` in
    `language` French), in its case; else None."""
    shortened = _FRENCH_SHORTENED if language == FRENCH else _SPANISH_SHORTENED
    full = shortened.get(words[index].lower())
    if full is None or index == max(inflected):
        return None
    return _match_case(full, words[index])


# What may be written around a word of a form and is no part of it.
_PUNCTUATION = "()[]{}«»“”‘’\"'¿?¡!,;:."


@lru_cache(maxsize=65536)
def noun_phrase_plural_words(
    words: tuple[str, ...], language: str = SPANISH
) -> tuple[str, ...] | None:
    """The plural of a Spanish form, as its words (`matched_words`): its noun and the
    adjectives that agree with it in the plural (`_noun_phrase_inflected`: "trabajador
    migrante" -> "trabajadores migrantes", "protección internacional" -> "protecciones
    internacionales"), the complement after them as it is. None where no word changes
    (a plural already: "víctimas de trata"). A French form (`language`) as French
    inflects it ("travail forcé" -> "travaux forcés")."""
    inflected = _noun_phrase_inflected(words, language)
    plural = tuple(
        (
            _shortened_plural(words, index, inflected, language)
            or next(iter(plurals(word, language)), word)
        )
        if index in inflected
        else word
        for index, word in enumerate(words)
    )
    return plural if plural != words else None


def spanish_variants(
    words: tuple[str, ...], language: str = SPANISH
) -> tuple[tuple[str, ...], ...]:
    """The writings the matcher looks for of a Spanish (or French: `language`) form (as
    `matched_words`): the form, its plural (`noun_phrase_plural_words`), and the possessive
    of each (DESIGN section 4 adds one to every form's last word), each once."""
    if language == GERMAN:
        writings = list(german_writings(words))
    else:
        writings = [words]
        plural = noun_phrase_plural_words(words, language)
        if plural is not None:
            writings.append(plural)
    if language == FRENCH:
        writings += _ligature_writings(writings)
    variants: list[tuple[str, ...]] = []
    for writing in writings:
        last = writing[-1]
        possessive = f"{last}'" if last.endswith("s") else f"{last}'s"
        variants += (writing, (*writing[:-1], possessive))
    return tuple(dict.fromkeys(variants))


# Where the part of a German form that its cases inflect ends: a preposition, an article
# (or the two in one: `zum`, `zur`, `im`) or a relative word starts a complement, which
# keeps its own case ("Ausbeutung der Arbeitskraft", "Menschenhandel zum Zweck der
# sexuellen Ausbeutung"). In lower case.
_GERMAN_COMPLEMENT_STARTS = frozenset(
    {
        "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem",
        "einen", "zum", "zur", "zu", "von", "vom", "mit", "für", "gegen", "bei", "beim",
        "nach", "aus", "in", "im", "an", "am", "auf", "über", "unter", "vor", "durch",
        "ohne", "um", "wegen", "zwecks", "als", "wie", "gemäß", "seit", "bis", "hinter",
        "neben", "zwischen", "ins", "ans", "aufs", "welche", "welcher", "welches", "dessen",
        "deren", "mittels", "infolge", "trotz", "während",
    }
)  # fmt: skip
# Words before it that agree with nothing and keep their form ("Kinder und Jugendliche").
_GERMAN_INVARIABLE = frozenset({"und", "oder", "bzw", "sowie", "nicht", "sehr", "noch", "u"})
# The most writings of one German form the matcher looks for: a form of many nouns and
# adjectives would otherwise make their product.
_GERMAN_MOST_WRITINGS = 64


@lru_cache(maxsize=4096)
def german_writings(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The writings of a German form (as `matched_words`) in the plural and its cases: its
    nouns in each of their forms (`german_plurals.german_noun_forms`: `Betroffene`,
    `Betroffenen`, `Betroffener`) and the adjectives before them with each of the endings
    German gives them, all the same (`sexuelle Ausbeutung`, `sexueller Ausbeutung`,
    `sexuellen Ausbeutungen`), before its complement (`_GERMAN_COMPLEMENT_STARTS`), which
    stays as written; an acronym there last with its `s` (`NGO`, `NGOs`). The form itself
    first."""
    from .german_plurals import adjective_forms, german_noun_forms  # a German site's alone

    end = next(
        (
            index
            for index, word in enumerate(words)
            if word.lower().strip(_PUNCTUATION) in _GERMAN_COMPLEMENT_STARTS
        ),
        len(words),
    )
    choices: list[tuple[str, ...]] = []
    adjectives: list[tuple[str, ...] | None] = []
    for index, word in enumerate(words[:end]):
        lower = word.lower()
        followed = index + 1 < end and words[index + 1].lower() not in _GERMAN_INVARIABLE
        adjective = (
            adjective_forms(word)
            if followed and (word.islower() or index == 0) and lower not in _GERMAN_INVARIABLE
            else None
        )
        adjectives.append(adjective)
        if word.isupper() and len(word) > 1 and index == end - 1:
            choices.append((word, word + "s"))  # an acronym's plural: `die NGOs`
        elif adjective is not None or lower in _GERMAN_INVARIABLE or word.isupper():
            choices.append((word,))
        else:
            choices.append((word, *(_match_case(form, word) for form in german_noun_forms(lower))))
    endings = max((len(forms) for forms in adjectives if forms), default=1)
    writings: list[tuple[str, ...]] = [words]
    for ending in range(endings):
        for nouns in product(*choices):
            head = tuple(
                word if forms is None else forms[ending]
                for word, forms in zip(nouns, adjectives, strict=True)
            )
            writings.append(head + words[end:])
            if len(writings) >= _GERMAN_MOST_WRITINGS:
                return tuple(dict.fromkeys(writings))
    return tuple(dict.fromkeys(writings))


def writing_case_rule(
    writing: tuple[str, ...], words: tuple[str, ...], case_rule: CaseRule, language: str
) -> CaseRule:
    """The case rule (`matching.FormEntry.case_rule`) of `writing`, one of the writings
    the matcher looks for of a form of `words` whose own rule is `case_rule`: "noun"
    for a German noun's form that the rules made (`Opfern` of `Opfer`, `Arbeiten` of
    `Arbeit`), a word alone with a capital, as German writes nouns: in small letters it
    is most often a verb (`Zeit opfern`, `arbeiten`, `eine Tat anzeigen`), which a form
    to avoid would report and fail a `--strict` build with; of a `case_sensitive` term
    ("report") too, whose `term.case` warning would. "noun" is "strict", and no use
    before `Sie` or `wir`, where a sentence starts with the verb (`Opfern Sie`: the
    matcher's `_placer`), nor where it opens a question (`german_questions`). Else
    `case_rule`."""
    if (
        language == GERMAN
        and case_rule != "strict"
        and len(writing) == 1
        and writing != words[:1]
        and writing[0][:1].isupper()
    ):
        return "noun"
    return case_rule


# French writes `œ` as `oe` where a keyboard has none (`oeuvre`, `soeur`, `coeur`): each
# is the other's writing, as the glossary's A-Z and ids read them (`slugs.folded_latin`).
_LIGATURE = LazyPattern("œ|Œ|oe|Oe|OE")
_LIGATURE_ALIKE = {"œ": "oe", "Œ": "OE", "oe": "œ", "Oe": "Œ", "OE": "Œ"}


def _ligature_writings(writings: Sequence[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Each of `writings` with its `œ` written `oe`, or its `oe` written `œ`, where it
    has one: "œuvre de bienfaisance" and "oeuvre de bienfaisance" are one form. A word
    whose `oe` is two letters ("coefficient") gets a writing no text writes: harmless."""
    return [
        other
        for writing in writings
        if (other := tuple(_LIGATURE.sub(_ligature_alike, word) for word in writing)) != writing
    ]


def _ligature_alike(found: re.Match[str]) -> str:
    return _LIGATURE_ALIKE[found.group()]


@lru_cache(maxsize=4096)
def searched_writings(form: str, language: str = ENGLISH) -> frozenset[str]:
    """Every writing of `form` that the matcher looks for (DESIGN section 4): its words
    joined by one space, the last one in each of `last_word_variants` (in Spanish,
    `spanish_variants`), with straight apostrophes. Two forms with a writing in common
    are found in the same text: "victim" and "victim's" are, "victim's" and "victims"
    are not. `language` is whose plurals the forms take (`inflection_language`)."""
    words = matched_words(form)
    if not words:
        return frozenset()
    if language in NOUN_PHRASE_LANGUAGES:
        variants = spanish_variants(tuple(words), language)
        return frozenset(" ".join(writing) for writing in variants)
    head = " ".join(words[:-1])
    variants = last_word_variants(words[-1], language)
    return frozenset(f"{head} {last}" if head else last for last in variants)


def last_word_variants(word: str, language: str = ENGLISH) -> tuple[str, ...]:
    """`word`, its plurals and the possessives of both, with straight apostrophes
    (the matcher straightens curly ones in the text): survivor, survivors, survivor's,
    survivors'. A word that is a plural already ("minors", "children") has no plural of
    its own, only its possessive: minors', children's. In Spanish (`language`), the
    plural is inflector's (`_noun_phrase_plurals`), in French pluralizefr's."""
    if is_acronym_plural(word) if language in NOUN_PHRASE_LANGUAGES else is_plural(word):
        return (word, f"{word}'" if word.endswith("s") else f"{word}'s")
    variants = [word, f"{word}'s"]
    for plural in plurals(word, language):
        variants.append(plural)
        variants.append(f"{plural}'" if plural.endswith("s") else f"{plural}'s")
    return tuple(dict.fromkeys(variants))
