"""REFERENCE for tests/test_matching.py: `Matcher.scan` written plainly, as it was before
the compact internal scan (commit 2ba827e). The engine's matches must be exactly what this
gives, for any text. Edit it only when the rules of DESIGN section 4 are read anew, and
say so here. Since then: overlapping uses are settled longest first, not leftmost first
("sex slave labor camp" is a use of "slave labor camp"); a hyphen between the words of a
case-checked form is a separator like a space ("T-visa" is "T visa" in the right case);
a combining mark that composes with nothing keeps its own offset ("vagrant\u0301" is
found as "vagrant", not "vagran"); a use inside a longer accepted one is no use, even
where that one overlaps a third that wins ("victim" in "victim service provider
network"); every Unicode space (category Zs, and the line and paragraph separators)
separates words as a space does, and characters no reader sees (`INVISIBLE_CHARACTERS`:
a soft hyphen, a zero-width space) are not there at all, as `GLUE` is not
("vic\u00adtim" is "victim", "homeless\u200b person" is "homeless person"); the case is
folded as `forms.form_key` folds it, not only lowered ("GROSSRAZZIA" and "Grossrazzia" are
"Großrazzia"), but for the letters whose folding holds a combining mark, lowered to one
("\u0130" is "i"); a French, Italian or Catalan word elided before an apostrophe is a
word of its own ("l'exploitation" holds "exploitation", "O'Brien" no "Brien"); a use
takes in the Arabic marks and tatweel just after it ("تهريبُ البشرِ" is found with its
kasra, as its letter's; session 48); Arabic presentation forms (U+FB50-U+FDFF,
U+FE70-U+FEFF, as a PDF's text gives them) are read as NFKC writes them, a mark's
isolated form as the mark alone ("ﺍﻻﺗﺠﺎﺭ" is "الاتجار"; session 49); the left single
quotation mark and the fullwidth apostrophe read as apostrophes, as the curly one does
("slave\u2018s" is "slave's"; session 51); Chinese and Japanese, written without spaces,
end a word where the script changes between Han or kana and another letter or digit
("向NGO求助") or between katakana and Han or hiragana ("ブローカーに"), and inside a run
of Han and hiragana a form of two or more Han or katakana characters matches
("我們打擊人口販運。", "パパ活を"; session 64); Korean glues particles to the word before: a
form of two characters or more stands before Hangul that is a particle, maybe after the
plural 들 ("피해자들에게", "ILO는"; session 64); a line break between two Han or kana
characters, with a space before it and the indent after it, but no hard break, is no gap
("人口\n販運" is "人口販運"; session 64); Arabic's little words glued before a form with
the article (`والاتجار`, `بالخط`, `للناجي`), and the article and them before one without
it (`الاتجار` of `اتجار`; `و` or `ف` alone before a first word of four letters or more:
`وضحية`), are its word's, in the use; and Vietnamese's two places for the tone of an
`oa`, `oe` or `uy` that ends a syllable are one (`hoà` is `hòa`; session 65); a
combining mark left after a letter that composed with another keeps its own offset
("cafe\u0301\u0301" is found as "cafe\u0301", not "caf"; session 65)."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence

import ahocorasick

from coalition_handbook.forms import INVISIBLE_CHARACTERS
from coalition_handbook.hangul_words import PARTICLES
from coalition_handbook.matching import FormEntry, Match, Matcher

_GLUE = "\x01"
_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u02bc\u2018\uff07", "'"))
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\u00a0]*\n")
_SEPARATOR_RUN = re.compile(r"[\s\u00a0\u202f\-\u2010\u2011]+")
# The end of a text that is an elided word and its apostrophe, after no letter, digit,
# `_`, apostrophe or mark (\x01 in `_whole_word_hits`).
_ELIDED = re.compile(
    r"(?<![\w'\x01])(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu"
    r"|dell|dall|nell|all|sull|un|quell|quest)'\Z"
)


# By id of the matcher's entries, which are kept alive with their automaton.
_AUTOMATA: dict[int, tuple[object, ahocorasick.Automaton]] = {}


_ENTRIES: dict[int, tuple[Matcher, dict[str, list[FormEntry]]]] = {}


def _automaton(entries: dict[str, list[FormEntry]]) -> ahocorasick.Automaton:
    if id(entries) not in _AUTOMATA:
        automaton = ahocorasick.Automaton()
        for key, key_entries in entries.items():
            automaton.add_word(key, (len(key), tuple(key_entries)))
        automaton.make_automaton()
        _AUTOMATA[id(entries)] = (entries, automaton)
    return _AUTOMATA[id(entries)][1]


def _entries(matcher: Matcher) -> dict[str, list[FormEntry]]:
    """Search key -> its entries, as the matcher compiled them (from its automaton)."""
    if id(matcher) not in _ENTRIES:
        entries = {
            key: list(matcher._key_entries[index]) for key, index in matcher._automaton.items()
        }
        _ENTRIES[id(matcher)] = (matcher, entries)
    return _ENTRIES[id(matcher)][1]


def reference_scan(matcher: Matcher, text: str) -> list[Match]:
    """What `matcher.scan(text)` must return: every use of a form in `text`, in order,
    without overlaps (the longest wins)."""
    entries = _entries(matcher)
    if not entries or not text:
        return []
    nfc, nfc_offsets = _nfc(text)
    folded, fold_offsets = _folded(nfc)
    if "\n" in folded:
        folded = _joined_wrapped_lines(_PARAGRAPH_BREAK.sub(_blank_paragraph_break, folded))
    collapsed, collapsed_offsets = _searched(folded)
    collapsed = _vietnamese_tone_on_first_vowel(collapsed)
    offsets = [fold_offsets[offset] for offset in collapsed_offsets]
    hits = _whole_word_hits(_automaton(entries).iter(collapsed), collapsed)
    if not hits:
        return []
    # Every use not inside a longer accepted one, then the longest first (the leftmost of
    # two as long), dropping each that overlaps one taken before it.
    uses: list[tuple[int, int, FormEntry, bool]] = []
    for start, negative_end, key_entries, form_start in hits:
        begin, finish = offsets[start], offsets[-negative_end - 1] + 1
        # The case is the form's, read without the little words glued to it.
        chosen = _choose(key_entries, nfc[offsets[form_start] : finish])
        if chosen is not None:
            uses.append((begin, finish, *chosen))
    uses = [
        use
        for use in uses
        if not any(
            other[0] <= use[0]
            and use[1] <= other[1]
            and other[1] - other[0] > use[1] - use[0]
            and other[2].kind == "accepted"
            for other in uses
        )
    ]
    uses.sort(key=lambda use: (use[0] - use[1], use[0]))
    taken: list[tuple[int, int, FormEntry, bool]] = []
    for use in uses:
        if all(use[1] <= other[0] or other[1] <= use[0] for other in taken):
            taken.append(use)
    taken.sort(key=lambda use: use[0])

    matches: list[Match] = []
    for begin, finish, entry, case_ok in taken:
        if nfc_offsets:
            begin, finish = nfc_offsets[begin], nfc_offsets[finish]
        while finish < len(text) and _is_arabic_mark(text[finish]):
            finish += 1
        matches.append(
            Match(
                begin,
                finish,
                text[begin:finish],
                entry.term_id,
                entry.form,
                entry.kind,
                entry.suggestion,
                case_ok,
                None if case_ok else entry.written,
            )
        )
    return matches


def _folded(nfc: str) -> tuple[str, list[int]]:
    """`nfc` case-folded letter by letter, and the offset in `nfc` of each character of
    the result ("ß" is "ss", both at the offset of "ß")."""
    folded: list[str] = []
    offsets: list[int] = []
    for offset, char in enumerate(nfc):
        letter = char.casefold()
        if any(unicodedata.category(part)[0] == "M" for part in letter):
            letter = char.lower()[0]
        folded.append(letter)
        offsets += [offset] * len(letter)
    return "".join(folded), offsets


def _blank_paragraph_break(run: re.Match[str]) -> str:
    return "\x00" * (run.end() - run.start())


def _joined_wrapped_lines(folded: str) -> str:
    """Each line break between two Han or kana characters, with a space and a carriage
    return before it and the spaces and tabs after it, made `_GLUE`."""
    chars = list(folded)
    for at, char in enumerate(folded):
        if char != "\n":
            continue
        first, last = at, at
        if folded[first - 1 : first] == "\r":
            first -= 1
        if folded[first - 1 : first] == " ":  # one: two are a hard break, a seen one
            first -= 1
        while last + 1 < len(folded) and folded[last + 1] in " \t":
            last += 1
        if (
            first > 0
            and last + 1 < len(folded)
            and _is_unspaced(folded[first - 1])
            and _is_unspaced(folded[last + 1])
        ):
            chars[first : last + 1] = [_GLUE] * (last + 1 - first)
    return "".join(chars)


def _whole_word_hits(
    found: Iterable[tuple[int, tuple[int, tuple[FormEntry, ...]]]], text: str
) -> list[tuple[int, int, tuple[FormEntry, ...], int]]:
    """(start, -end, entries, the form's own start) of the automaton's hits that are
    whole words: no letter, digit or `_` just before or after, nor an apostrophe inside a
    word ("o'brien", "don't") but after an elided word ("l'exploitation"), Arabic's little
    words glued before it taken in (`_arabic_glued`). Written out inline: this runs
    for every hit."""
    hits: list[tuple[int, int, tuple[FormEntry, ...], int]] = []
    # Combining marks belong to the word they follow: looked through.
    unmarked = "".join("\x01" if unicodedata.category(char)[0] == "M" else char for char in text)
    for last, (length, key_entries) in found:
        start = last + 1 - length
        before = unmarked[:start].rstrip("\x01")
        after = unmarked[last + 1 :].lstrip("\x01")
        use = text[start : last + 1]
        # Chinese and Japanese words join only where no mark stands between.
        joins_before = len(before) == start and _joins_unspaced(before[-1:], use[0], use)
        joins_after = len(after) == len(text) - last - 1 and (
            _joins_unspaced(after[:1], use[-1], use) or _particle_follows(after, use)
        )
        glued = _arabic_glued(text[:start], use)
        if glued:  # `والاتجار`, `للناجي`: the use starts with its word
            start -= len(glued)
            before = before[: -len(glued)].rstrip("\x01")
        if before and (
            (before[-1].isalnum() and not joins_before)
            or before[-1] == "_"
            or (
                before[-1] == "'"
                and len(before) >= 2
                and before[-2].isalnum()
                and not _ELIDED.search(before)
            )
        ):
            continue
        if after and (
            (after[0].isalnum() and not joins_after)
            or after[0] == "_"
            or (
                after[0] == "'"
                and len(after) >= 2
                and after[1].isalnum()
                and not _is_hangul(after[1])
            )
        ):
            continue
        hits.append((start, -last - 1, key_entries, last + 1 - length))
    return hits


# Arabic's little words glued before a form (session 65): `و` or `ف`, then `ب` or `ك`,
# before a form with the article; the article too, or `لل`, before one without it; `و` or
# `ف` before `لل` (`ل` and the article). Each only at a word's start.
_GLUED_BEFORE_ARTICLE = re.compile(r"(?<!\w)(?:[وف][بك]?|[بك])\Z")
_GLUED_BEFORE_LAM_ARTICLE = re.compile(r"(?<!\w)[وف]\Z")
_GLUED_BEFORE_BARE_FORM = re.compile(r"(?<!\w)(?:[وف]?[بك]?ال|[وف]?لل)\Z")
# ...and `و` or `ف` alone before one whose first word has four letters or more.
_GLUED_BEFORE_LONG_BARE_FORM = re.compile(r"(?<!\w)(?:[وف]?[بك]?ال|[وف]?لل|[وف])\Z")
_LONG_FIRST_WORD = re.compile(r"[\u0621-\u064a]{4}")


def _arabic_glued(before: str, use: str) -> str:
    """The little words glued to `use` from `before` (the searched text before it)."""
    if not "\u0621" <= use[0] <= "\u064a":
        return ""
    if use.startswith("ال"):
        pattern = _GLUED_BEFORE_ARTICLE
    elif use.startswith("لل"):
        pattern = _GLUED_BEFORE_LAM_ARTICLE
    elif _LONG_FIRST_WORD.match(use):
        pattern = _GLUED_BEFORE_LONG_BARE_FORM
    else:
        pattern = _GLUED_BEFORE_BARE_FORM
    found = pattern.search(before)
    return found.group() if found else ""


def _vietnamese_tone_on_first_vowel(text: str) -> str:
    """`text` with the tone of an `oa`, `oe` or `uy` that ends a word on its first vowel
    (`hoà` -> `hòa`), as Vietnamese's older way writes it; same length (session 65)."""
    chars = list(text)
    for index in range(len(chars) - 1):
        first, second = chars[index], unicodedata.normalize("NFD", chars[index + 1])
        after = chars[index + 2] if index + 2 < len(chars) else ""
        if (
            (first.lower() + second[:1].lower()) in ("oa", "oe", "uy")
            and len(second) == 2
            and second[1] in "\u0300\u0301\u0309\u0303\u0323"
            and not (after.isalpha() or unicodedata.category(after or " ").startswith("M"))
        ):
            chars[index] = unicodedata.normalize("NFC", first + second[1])
            chars[index + 1] = second[0]
    return "".join(chars)


def _is_han(char: str) -> bool:
    name = unicodedata.name(char, "")
    return name.startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH")) or (
        char in "\u3005\u3007"
    )


def _is_unspaced(char: str) -> bool:
    """Han, or a kana: hiragana, katakana, their half-width forms."""
    return (
        _is_han(char) or "HIRAGANA" in (name := unicodedata.name(char, "")) or ("KATAKANA" in name)
    )


def _is_katakana(char: str) -> bool:
    """A katakana or its long-vowel mark, not the small ヵ and ヶ (counters among Han)."""
    name = unicodedata.name(char, "")
    return "KATAKANA" in name and not name.endswith(("LETTER SMALL KA", "LETTER SMALL KE"))


def _joins_unspaced(neighbour: str, edge: str, use: str) -> bool:
    """Whether `use` may stand against the letter or digit `neighbour` at its character
    `edge`: the script changes there (katakana to Han or hiragana too), or, inside a run
    of Han and hiragana, `use` has two Han or katakana characters or more."""
    if not neighbour:
        return False
    if _is_unspaced(neighbour) != _is_unspaced(edge):
        return True
    if not _is_unspaced(neighbour):
        return False
    if _is_katakana(neighbour) != _is_katakana(edge):
        return True
    return not _is_katakana(edge) and sum(_is_han(char) or _is_katakana(char) for char in use) >= 2


def _is_hangul(char: str) -> bool:
    return char.isalpha() and "HANGUL" in unicodedata.name(char, "")


def _particle_follows(after: str, use: str) -> bool:
    """Whether the Hangul `after` starts with (up to its first character that is no Hangul
    letter) is a particle, the plural 들 or both, and `use`, of two characters or more,
    ends in no Han or kana (which Chinese and Japanese read)."""
    if len(use) < 2 or not after or not _is_hangul(after[0]) or _is_unspaced(use[-1]):
        return False
    tail = "".join(itertools.takewhile(_is_hangul, after))
    return tail in ("들", *PARTICLES) or (tail[:1] == "들" and tail[1:] in PARTICLES)


def _choose(key_entries: Sequence[FormEntry], found: str) -> tuple[FormEntry, bool] | None:
    """The entry this text is a use of, and whether its case is right; None when the only
    forms are all-capitals ones written otherwise ("a tip" is not "TIP")."""
    written = None
    for entry in key_entries:
        if entry.case_rule == "any":
            return entry, True
        if written is None:
            visible = "".join(
                char for char in found if char not in INVISIBLE_CHARACTERS and char != _GLUE
            )
            written = _SEPARATOR_RUN.sub(" ", visible).translate(_APOSTROPHES)
            written = _vietnamese_tone_on_first_vowel(_arabic_read_alike(written))
        if written == _vietnamese_tone_on_first_vowel(_arabic_read_alike(entry.written)):
            return entry, True
    for entry in key_entries:
        if entry.case_rule == "report":
            return entry, False
    return None


# Arabic letters read as one: alef with hamza or madda, and wasla, as alef; Persian yeh and
# keheh as Arabic yeh and kaf.
_ARABIC_ALIKE = {"آ": "ا", "أ": "ا", "إ": "ا", "ٱ": "ا", "ی": "ي", "ک": "ك"}


def _arabic_read_alike(text: str) -> str:
    """`text` with its Arabic marks left out and its letters read as one, as searched: a
    script with no case, whose marks are no case difference (session 66)."""
    letters = "".join(
        _letters_of_form(char) if _is_presentation_form(char) else char for char in text
    )
    return "".join(_ARABIC_ALIKE.get(char, char) for char in letters if not _is_arabic_mark(char))


def _is_arabic_mark(char: str) -> bool:
    """A tatweel, a harakat (U+064B-U+065F) or a superscript alef, or a presentation
    form of marks alone (an isolated kasra, U+FE7A)."""
    if _is_presentation_form(char):
        letters = _letters_of_form(char)
        return letters != char and all(map(_is_arabic_mark, letters))
    return char in "\u0640\u0670" or "\u064b" <= char <= "\u065f"


def _is_presentation_form(char: str) -> bool:
    return "\ufb50" <= char <= "\ufdff" or "\ufe70" <= char <= "\ufefe"


def _letters_of_form(char: str) -> str:
    letters = unicodedata.normalize("NFKC", char).lstrip(" ")
    return char if " " in letters else letters  # a phrase in one character (U+FDFA) stays


def _searched(lowered: str) -> tuple[str, list[int]]:
    """The text the automaton searches, and the offset in `lowered` of each of its
    characters: separators made one space, curly apostrophes (and U+02BC) straight, invisible
    characters and `GLUE` left out, and a space after a space left out."""
    searched: list[str] = []
    offsets: list[int] = []
    for offset, char in enumerate(lowered):
        if char in INVISIBLE_CHARACTERS or char == _GLUE or _is_arabic_mark(char):
            continue
        char = _ARABIC_ALIKE.get(char, char)
        if char in "\t\n\r-\u2010\u2011" or unicodedata.category(char) in ("Zs", "Zl", "Zp"):
            char = " "
        elif char in "\u2019\u02bc\u2018\uff07":  # curly, modifier letter, left and fullwidth
            char = "'"
        if char == " " and searched and searched[-1] == " ":
            continue
        searched.append(char)
        offsets.append(offset)
    return "".join(searched), offsets


def _composes(cluster: str, char: str) -> bool:
    """Whether NFC joins `char` to `cluster`: a combining mark, or a letter that composes
    with it (a Hangul jamo after its syllable's first ones), read from Unicode itself."""
    return bool(unicodedata.combining(char)) or len(
        unicodedata.normalize("NFC", cluster + char)
    ) <= len(unicodedata.normalize("NFC", cluster))


def _nfc(text: str) -> tuple[str, list[int] | None]:
    """NFC of `text` and, when that differs, the offset in `text` of every code point of
    the result (plus one past the end)."""
    if unicodedata.is_normalized("NFC", text) and not any(map(_is_presentation_form, text)):
        return text, None
    pieces: list[str] = []
    offsets: list[int] = []
    cluster_start = 0
    for index in range(1, len(text) + 1):
        if index < len(text) and _composes(text[cluster_start:index], text[index]):
            continue
        cluster = text[cluster_start:index]
        letters = "".join(_letters_of_form(c) if _is_presentation_form(c) else c for c in cluster)
        normalised = unicodedata.normalize("NFC", letters)
        pieces.append(normalised)
        if len(normalised) == index - cluster_start:  # nothing composed: one to one
            offsets.extend(range(cluster_start, index))
        elif 1 < len(normalised) < index - cluster_start:  # marks left after the letter
            offsets.append(cluster_start)
            offsets.extend(range(index - len(normalised) + 1, index))
        else:
            offsets.extend([cluster_start] * len(normalised))
        cluster_start = index
    offsets.append(len(text))
    return "".join(pieces), offsets
