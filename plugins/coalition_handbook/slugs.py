"""Names as ids spell them and as an A-Z index files them: the one rule that `handbook new`
and the id check of every file share, and the order of the glossary's index (and of a
handout's key terms), in the site's language where its alphabet adds letters to A-Z.

ADOPTING.md's script that imports a spreadsheet's glossary imports `slugify` and
`words_left_out` from here, to make the ids `handbook new term` makes: adopters keep a copy
of it, so these two keep their names (tests/test_spreadsheet_import_guide.py runs it)."""

from __future__ import annotations

import sys
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from .forms import arabic_letters
from .lazy_pattern import LazyPattern

# Latin letters that Unicode does not decompose into an ASCII letter and an accent.
_ASCII_LETTERS = str.maketrans(
    {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th"}
    | {"ı": "i", "ħ": "h", "ŧ": "t", "ŋ": "n"}
)
_NOT_SLUG = LazyPattern(r"[^a-z0-9]+")
# An apostrophe inside a word (straight, curly, or the modifier letter): left out, as MkDocs'
# own heading anchors leave it out and an editor naming a file by hand does.
_APOSTROPHES = "'\u2019\u02bc\u2018\uff07"  # forms.APOSTROPHES, and the straight one
_APOSTROPHE_IN_WORD = LazyPattern(rf"(?<=\w)[{_APOSTROPHES}](?=\w)")
# A hyphen joining two words: ASCII's, or Unicode's (U+2010, which NFKD makes of U+2011).
_JOINING_HYPHEN = LazyPattern(r"(?<=\w)[-\u2010](?=\w)")


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


_WORD = LazyPattern(r"[^\W_]+")


def folded_latin(text: str) -> str:
    """`text` case-folded, without accents, and with the Latin letters that have no
    accent to drop written as ASCII (`Łódź` -> `lodz`, `Æsir` -> `aesir`): how an id
    spells a name, and where an A-Z index files it."""
    if text.isascii():  # the same, quicker: nothing to decompose or drop (term pages' forms)
        return text.lower()
    # Decomposed first, so that a letter NFKD makes ("ℌ" -> "H") is case-folded too.
    folded = unicodedata.normalize("NFKD", text).casefold().translate(_ASCII_LETTERS)
    return "".join(char for char in folded if not unicodedata.combining(char))


@dataclass(frozen=True, slots=True)
class AddedLetter:
    """A letter a language's alphabet adds to A-Z, as its dictionaries file it."""

    letter: str  # lowercase, one character: "ñ"
    follows: str  # the letter of A-Z it comes right after: "n"; "z" for those after Z
    also: str = ""  # letters filed as this one: Danish files "ä" as "æ"


# The languages (by their language subtag: `es-MX` is `es`) whose alphabet adds letters
# that their readers look up apart from A-Z, in CLDR's order for them. Every other
# language, and every other accented letter, is filed under its base letter (`é` under
# E, `ü` under U). Spanish `ch` and `ll` are no letters of their own since 1994 (RAE).
_DANO_NORWEGIAN = (AddedLetter("æ", "z", "ä"), AddedLetter("ø", "z", "ö"), AddedLetter("å", "z"))
_SWEDISH = (AddedLetter("å", "z"), AddedLetter("ä", "z", "æ"), AddedLetter("ö", "z", "ø"))
# Vietnamese: seven letters of its own, each after its base (Ă, Â after A; Đ after D; Ê
# after E; Ô, Ơ after O; Ư after U), and each with any of the five tone marks on it (`ắ`,
# `ồ`) filed as itself: a tone is an accent to an index (`á` is under A), its letter not.
_VIETNAMESE_TONES = "\u0300\u0301\u0309\u0303\u0323"


# Ð (U+00D0, eth) looks as Đ and stands for it in text converted from Windows-1258.
_VIETNAMESE_LOOK_ALIKES = {"đ": "ð"}


def _vietnamese(letter: str, follows: str) -> AddedLetter:
    toned = (unicodedata.normalize("NFC", letter + tone) for tone in _VIETNAMESE_TONES)
    also = "".join(char for char in toned if len(char) == 1)
    return AddedLetter(letter, follows, also + _VIETNAMESE_LOOK_ALIKES.get(letter, ""))


_VIETNAMESE = tuple(
    _vietnamese(letter, follows) for letter, follows in zip("ăâđêôơư", "aadeoou", strict=True)
)
ADDED_LETTERS: dict[str, tuple[AddedLetter, ...]] = {
    "es": (AddedLetter("ñ", "n"),),
    "vi": _VIETNAMESE,
    **dict.fromkeys(("da", "nb", "nn", "no"), _DANO_NORWEGIAN),
    **dict.fromkeys(("sv", "fi"), _SWEDISH),
}
# Sorts after every character: an added letter's key is the letter it follows, this, and
# its rank, so `ñandú` comes after every word in `n` (`niño`) and before `o`.
_AFTER_ALL = chr(sys.maxunicode)
_A_TO_Z = tuple(chr(code) for code in range(ord("A"), ord("Z") + 1))


# The languages whose readers look a term up by the letters of another script, as their
# dictionaries order them: the glossary files their terms under these letters, before A-Z
# (for the terms written in Latin letters). Each letter is listed with those filed as it
# (after `/`): alef with a hamza or madda as alef, Arabic yeh and kaf as Persian yeh and
# keheh, teh marbuta as heh; the vowel marks and tatweel are no letters to file by. In
# Persian, waw comes before heh; in Ukrainian, Ґ, Є, І, Ї and Й have places of their own,
# where the order of the code points put them after Я (or, folded, under Г, И...).
_SCRIPT_ALPHABETS: dict[str, str] = {
    "ar": "ا/آأإٱء ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك/ک ل م ن ه/ة و/ؤ ي/یىئ",
    "fa": "ا/آأإٱء ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص ض ط ظ ع غ ف ق ک/ك گ ل م ن و/ؤ ه/ةۀ ی/يىئ",
    "uk": "а б в г ґ д е є ж з и і ї й к л м н о п р с т у ф х ц ч ш щ ь ю я",
}
# Not letters to file a name by: Arabic's tatweel and apostrophes inside a word (`мʼята`).
_NOT_FILED = "\u0640'\u2019\u02bc"
# The first sort key of a script's letters: past the Basic Multilingual Plane, in the
# Supplementary Private Use Area, which no name writes (and below `_AFTER_ALL`).
_SCRIPT_KEYS = 0xF0000


@dataclass(frozen=True, slots=True)
class _IndexAlphabet:
    """The letters beyond A-Z that a language's glossary index files names under, ready to
    sort by: those its alphabet adds to A-Z (`ADDED_LETTERS`: Spanish `Ñ`, after N) or
    another script's (`_SCRIPT_ALPHABETS`: Ukrainian's, before A-Z)."""

    # A letter, or one filed as it -> its sort key ("" to leave out), as `str.translate`
    # takes them: `folded_latin` leaves a key as it is.
    keys: dict[int, str]
    letters: dict[str, str]  # a letter's sort key -> its index letter ("Ñ", "Ґ")
    key_length: int  # the characters of a sort key that a letter's key takes
    index_letters: tuple[str, ...]  # the whole index in order, A-Z included
    before_a_to_z: bool  # another script's letters, listed before A-Z's


def _language_subtag(language: str) -> str:
    return language.replace("_", "-").split("-")[0].lower()


@cache
def _index_alphabet(language: str) -> _IndexAlphabet | None:
    """The letters beyond A-Z that `language` files its glossary by; None for a language
    that has none (English: all is filed under A-Z)."""
    subtag = _language_subtag(language)
    script = _SCRIPT_ALPHABETS.get(subtag)
    if script is not None:
        return _another_script(script)
    added = ADDED_LETTERS.get(subtag)
    return _added_to_a_to_z(added) if added else None


def _another_script(alphabet: str) -> _IndexAlphabet:
    """A language's index in the letters of another script (`_SCRIPT_ALPHABETS`), each
    with a sort key of one character after every one a name writes in the BMP."""
    keys = dict.fromkeys(_NOT_FILED, "")
    letters: dict[str, str] = {}
    for rank, entry in enumerate(alphabet.split()):
        letter, _, also = entry.partition("/")
        key = chr(_SCRIPT_KEYS + rank)
        keys |= dict.fromkeys(letter + also, key)
        letters[key] = letter.upper()
    return _IndexAlphabet(
        keys=str.maketrans(keys),
        letters=letters,
        key_length=1,
        index_letters=(*letters.values(), *_A_TO_Z),
        before_a_to_z=True,
    )


def _added_to_a_to_z(added: tuple[AddedLetter, ...]) -> _IndexAlphabet:
    """A language's index in A-Z and the letters it adds (`ADDED_LETTERS`), each with a
    sort key of three characters: the letter it follows, `_AFTER_ALL` and its rank."""
    keys: dict[str, str] = {}
    letters: dict[str, str] = {}
    for rank, letter in enumerate(added, start=1):
        key = f"{letter.follows}{_AFTER_ALL}{rank}"
        keys |= dict.fromkeys(letter.letter + letter.also, key)
        letters[key] = letter.letter.upper()
    return _IndexAlphabet(
        keys=str.maketrans(keys),
        letters=letters,
        key_length=3,
        index_letters=tuple(
            letter
            for base in _A_TO_Z
            for letter in (
                base,
                *(item.letter.upper() for item in added if item.follows == base.lower()),
            )
        ),
        before_a_to_z=False,
    )


# Spanish words are respelled by their id whatever the site's language: a US coalition's
# English site may have Spanish terms.
_RESPELLED_IN_ANY_LANGUAGE = "ñ"
# The languages whose ids drop the marks of the letters their index files apart.
_IDS_DROP_MARKS = frozenset({"vi"})


@cache
def _respelled_letters(language: str) -> frozenset[str]:
    """The letters of their own (`ñ`; those `language` adds to A-Z) that an id writes as
    one other letter (`ñ` as `n`; not `æ`, which it writes `ae`)."""
    # Vietnamese ids drop every mark, as its readers expect (`duong-day-nong`): a note
    # would be on nearly every name.
    subtag = _language_subtag(language)
    alphabet = None if subtag in _IDS_DROP_MARKS else _index_alphabet(language)
    letters = _RESPELLED_IN_ANY_LANGUAGE + "".join(map(chr, alphabet.keys if alphabet else ()))
    return frozenset(letter for letter in letters if len(slugify(letter)) == 1)


def words_respelled(name: str, language: str) -> list[tuple[str, str]]:
    """The words of `name` that its id spells with another letter in place of one of
    their own, each with that spelling: `Año` of `Año de acogida`, spelled `ano` (another
    word) in its id `ano-de-acogida`. A letter of its own is `ñ`, and one the site's
    `language` adds to A-Z (`ADDED_LETTERS`: Danish `å`, Swedish `ö`); other accents
    make no other word as often (`víctima` is `victima`)."""
    letters = _respelled_letters(language)
    return [
        (word, slugify(word))
        for word in _WORD.findall(unicodedata.normalize("NFC", name))
        if any(char.casefold() in letters for char in word)
    ]


def index_letters(language: str = "en") -> tuple[str, ...]:
    """The letters of the glossary's A-Z index in the site's language, in order: A to Z,
    with the letters the language adds (`ADDED_LETTERS`) where it files them, after
    another script's (`_SCRIPT_ALPHABETS`)."""
    alphabet = _index_alphabet(language)
    return _A_TO_Z if alphabet is None else alphabet.index_letters


@lru_cache(maxsize=65536)
def sort_key(text: str, language: str = "en") -> str:
    """Alphabetical order that ignores case and accents (`Łódź` among the Ls), word by
    word as a dictionary files names: a hyphen between two words sorts as a space, so
    `action-means-purpose model` comes before `action plan`, as `action means` would.
    A letter the site's language adds to A-Z is no accented letter there: Spanish files
    `ñandú` after `niño` (`ADDED_LETTERS`); another script's letters go in its
    alphabet's order (`_SCRIPT_ALPHABETS`), after every Latin one."""
    alphabet = _index_alphabet(language)
    if alphabet is None:
        folded = folded_latin(text)
    else:
        # Composed and case-folded first, so that `Ñ`, `ñ` and `n` + a combining tilde
        # (`Й` and `и` + a breve) are one letter; the rest is folded as everywhere.
        # `_AFTER_ALL` marks an added letter's key alone: a name's own (a noncharacter)
        # is left out (review).
        # A PDF's Arabic presentation forms are filed by their letters (`ﺍ` under `ا`).
        name = arabic_letters(text.replace(_AFTER_ALL, ""))
        composed = unicodedata.normalize("NFC", name).casefold()
        folded = folded_latin(composed.translate(alphabet.keys))
    return _JOINING_HYPHEN.sub(" ", folded)


_DIGIT_RUN = LazyPattern(r"(\d+)")


def natural_sort_key(text: str, language: str = "en") -> tuple[str | tuple[int, str], ...]:
    """`sort_key`, with each run of digits compared as a number: `Page 85` before
    `Page 853`, `Step 9` before `Step 10` (as strings, "Page 853" came first: audit)."""
    parts = _DIGIT_RUN.split(sort_key(text, language))
    # Text at the even places, numbers at the odd: two keys compare place by place.
    return tuple(_number_key(part) if place % 2 else part for place, part in enumerate(parts))


def _number_key(digits: str) -> tuple[int, str]:
    """A run of digits as its number compares: by how many digits it has, then by them.
    Not `int()`: Python reads at most 4,300 digits, and a title may hold more (a pasted
    id: review rv10). Leading zeros do not count (`007` ties with `7`, as numbers), and
    a digit of another script is read as its value (`٣` as `3`), as `int()` read them."""
    number = "".join(str(unicodedata.decimal(digit)) for digit in digits).lstrip("0")
    return len(number), number


def index_letter(text: str, language: str = "en") -> str:
    """The A-Z section a term is listed under (one the site's language adds, such as
    Spanish `Ñ`, included); anything but a letter goes under `#`. Punctuation before
    its first letter is passed over, as a dictionary files `’Ndrangheta` under N."""
    key = sort_key(filed_name(text), language).lstrip()
    alphabet = _index_alphabet(language)
    if alphabet is not None and (letter := alphabet.letters.get(key[: alphabet.key_length])):
        return letter
    first = key[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def a_to_z_key(name: str, language: str = "en") -> tuple[int, str]:
    """Where a term's name goes in the glossary's order: A to Z, then those under `#`
    (that start with no letter from A to Z), as the letter navigation lists them; in a
    language filed by another script's letters (`_SCRIPT_ALPHABETS`), those first."""
    letter = index_letter(name, language)
    alphabet = _index_alphabet(language)
    before_a_to_z = alphabet is not None and alphabet.before_a_to_z and letter not in _A_TO_Z
    group = 2 if letter == "#" else 0 if before_a_to_z else 1
    return group, sort_key(filed_name(name), language)


def filed_name(name: str) -> str:
    """`name` as the A-Z index files it: without the punctuation (an apostrophe, quotes,
    a bracket, Spanish `¡`), spaces and invisible marks (a right-to-left mark, a byte
    order mark, copied with the name) before its first word; a name of punctuation alone
    as it is. `’til` was filed under "Other", after Z (audit)."""
    start = 0
    while start < len(name) and (
        name[start].isspace()
        or name[start] in _LEADING_APOSTROPHES
        or unicodedata.category(name[start]) in _PASSED_OVER
        or unicodedata.category(name[start]).startswith("P")
    ):
        start += 1
    return name[start:] or name


# Format characters (Cf): invisible, as U+200F, U+202B, U+2066 and U+FEFF are
_PASSED_OVER = frozenset({"Cf"})
# Apostrophes Unicode files as letters (modifier letters), not as punctuation.
_LEADING_APOSTROPHES = frozenset("\u02bc\u02bb\u02bd")
