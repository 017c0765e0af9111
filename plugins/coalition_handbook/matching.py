"""Find every form of every glossary term in a text, in one pass (DESIGN section 4).

`Matcher.from_terms(terms)` compiles all forms once into one Aho-Corasick automaton;
`Matcher.scan(text)` returns the `Match`es with offsets into the text it was given;
`Matcher.hits(text)` the same as plain tuples, for the engine's own scan, which makes
objects only of what is read.

How a text is searched: it is NFC-normalised, case-folded as `forms.form_key` folds forms
(`forms.fold_case`: ß and ẞ are "ss", so "GROSSRAZZIA" is "Großrazzia"), curly
apostrophes are straightened, every space (any Unicode space: non-breaking, thin, em...),
tab, line break and hyphen becomes one space (runs of them collapse to one), and
characters no reader sees (a soft hyphen, a zero-width space) are taken out, as markup
glued into a word is. The automaton runs over that, maps lead every hit back to the
original offsets, and then whole-word boundaries and exact case are checked on the
original text. Callers pass text in which a single line break is a soft break inside a
paragraph and everything that must not join words (block ends, code) is a character
that is neither a letter nor a separator, as `markdown.checkable_text` makes.
"""

from __future__ import annotations

import bisect
import pickle
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, repeat
from operator import add, invert, sub
from typing import Literal, NamedTuple

import ahocorasick

from .arabic_clitics import GLUED_LAST_LETTERS, glued_start, lam_article_key
from .cache import PROTOCOL
from .forms import (
    APOSTROPHES,
    ARABIC_LETTERS,
    ARABIC_MARKS,
    ARABIC_PRESENTATION_FORM,
    ELISIONS,
    ENGLISH,
    GERMAN,
    INVISIBLE_CHARACTERS,
    NOUN_PHRASE_LANGUAGES,
    UNICODE_SPACES,
    WORD_SEPARATORS,
    arabic_letters,
    arabic_letters_of,
    arabic_read_alike,
    beyond_ascii,
    fold_case,
    folded_with_shifts,
    is_all_capitals,
    last_word_variants,
    matched_words,
    spanish_variants,
    straight_apostrophes,
    without_invisible,
    writing_case_rule,
)
from .german_questions import opens_a_question
from .hangul_words import is_hangul, stands_in_korean
from .lazy_pattern import LazyPattern
from .markdown import GLUE, is_mark
from .model.replacements import replacements
from .model.types import Term
from .unspaced_words import UNSPACED_FROM, join_wrapped_lines, joins_unspaced
from .vietnamese_tones import has_tone_moved, tone_on_first_vowel

MatchKind = Literal["accepted", "avoid", "deprecated"]

# Length-preserving: separators become a space, invisible characters `GLUE` (taken out
# with it), curly apostrophes straight ones (`APOSTROPHES`). None of the non-ASCII ones
# costs ASCII text anything (see `_separators_to_spaces`).
_SEPARATORS = "\t\n\r-\u2010\u2011" + UNICODE_SPACES
_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys(_SEPARATORS, " "),
        **dict.fromkeys(INVISIBLE_CHARACTERS + ARABIC_MARKS, GLUE),
        **dict.fromkeys(APOSTROPHES, "'"),
        **ARABIC_LETTERS,
    }
)
# The marks and tatweel a use reaches over, as written: those presentation forms too
# that are a mark alone (`ﹺ`, an isolated kasra; `ﱞ`, shadda with dammatan).
_MARK_FORMS = (chr(code) for code in (*range(0xFC5E, 0xFC64), *range(0xFE70, 0xFE80)))
_ARABIC_MARK_SET = frozenset(ARABIC_MARKS) | {
    form for form in _MARK_FORMS if set(arabic_letters_of(form)) <= set(ARABIC_MARKS)
}
_ASCII_SEPARATORS = tuple(separator for separator in _SEPARATORS if separator.isascii())
# The others, each replaced by `str.replace` where a text holds few kinds of them; as
# `str.translate` reads each character once, not one whose reading is one of them (none
# is: an Arabic presentation form's letter is no mark).
_PAST_ASCII_TABLE = {chr(code): text for code, text in _TRANSLATE.items() if code > 0x7F}
_PAST_ASCII_KEYS = frozenset(_PAST_ASCII_TABLE)
_REPLACEABLE = frozenset(
    char for char, read in _PAST_ASCII_TABLE.items() if read not in _PAST_ASCII_TABLE
)
# How many kinds of them a text may hold and be read by `str.replace`, a pass for each.
_FEW_KINDS = 8
_SPACE_RUNS = LazyPattern(r"  +")  # two literal spaces first: a fast search
# What `_collapse_spaces` takes out where there is `GLUE`: every space or `GLUE` after a
# space, and every other `GLUE` ("homeless\u200b person" reads "homeless person").
_GAPS = LazyPattern(rf"(?<= )[ {GLUE}]+|{GLUE}+")
# Two line breaks (a blank line) end a paragraph: words never join across them.
_PARAGRAPH_BREAK = LazyPattern(r"\n[ \t\r\u00a0]*\n")
# Where terms claim one search key, which claim a hit of it is a use of: the accepted
# form first, then one to avoid, then a deprecated term's; among them, the lowest id.
KIND_RANK = {"accepted": 0, "avoid": 1, "deprecated": 2}
_EDGE_SEPARATORS = LazyPattern(rf"^{WORD_SEPARATORS.pattern}|{WORD_SEPARATORS.pattern}$")
# Characters that no word goes on across, whatever stands around them: those `place`
# looks past first (all ASCII but letters, digits, `_` and the apostrophe).
_ENDS_A_WORD = frozenset(
    char for char in map(chr, range(128)) if not char.isalnum() and char not in "_'"
)
# A form after an elided word (`forms.ELISIONS`) starts a word, where after other letters
# it does not ("o'brien").
_ELISIONS = ELISIONS
_LONGEST_ELISION = max(map(len, _ELISIONS))


@dataclass(frozen=True, slots=True)
class Match:
    """One use of a form: `text[start:end] == found`.

    `kind` says whether the form is accepted, to avoid, or belongs to a deprecated term;
    `suggestion` is what to write instead (the preferred term, or the replacement's term),
    None for accepted forms; `case_ok` is False when a case-sensitive form is written in
    another case, and `expected` is then the form as it must be written.
    """

    start: int
    end: int
    found: str
    term_id: str
    form: str
    kind: MatchKind
    suggestion: str | None
    case_ok: bool = True
    expected: str | None = None

    def __reduce__(self) -> tuple[type[Match], tuple[object, ...]]:
        # By the constructor: much faster to unpickle than dataclasses' __setstate__.
        return Match, (
            self.start,
            self.end,
            self.found,
            self.term_id,
            self.form,
            self.kind,
            self.suggestion,
            self.case_ok,
            self.expected,
        )


class FormEntry(NamedTuple):
    """One term's claim on a search key: what a hit of the key is a use of.

    A named tuple, not a frozen dataclass: a compiled matcher holds one per search key
    (13,700 at 2000 terms), and a tuple is built, and read back from the cache, several
    times faster.
    """

    term_id: str
    form: str
    kind: MatchKind
    suggestion: str | None
    # "any" case; "strict": only exactly this case matches at all (all-caps forms);
    # "report": another case matches but is reported (case_sensitive terms); "noun":
    # strict, and no use before `Sie` or `wir` or opening a question (`Waren die ...?`):
    # a German noun's made form, there the verb.
    case_rule: Literal["any", "strict", "report", "noun"]
    written: str  # this variant as the glossary writes it (for strict and report)

    def __reduce__(
        self,
    ) -> tuple[Callable[..., FormEntry], tuple[type[FormEntry], tuple[object, ...]]]:
        # Unpickled by `tuple.__new__`, in C: a named tuple's own `__new__` is Python code,
        # run once for each of the thousands of entries a cached matcher or scan holds.
        return tuple.__new__, (FormEntry, tuple(self))


# What `Matcher.hits` gives for each use of a form: (start, end, entry, case_ok).
Hit = tuple[int, int, FormEntry, bool]


# The tables a matcher searches with: unpickled from the cache only when first read.
_TABLES = ("_automaton", "_key_entries", "_key_lasts", "_any_case", "_tone_moved")


class Matcher:
    """All forms of all terms, compiled once. Cheap to build; safe to share and reuse.

    Pickled (for the cache), its search tables stay pickled apart until a text is
    searched: two megabytes at 2,000 terms, a tenth of a run after one term's edit,
    where nothing but `one_word_keys` may be read."""

    def __init__(self, entries: dict[str, list[FormEntry]]) -> None:
        self._automaton = ahocorasick.Automaton()
        # The automaton gives each hit's key as an index into these lists, each made in
        # one pass of its own (four appends a key were a fifth of a compilation).
        add_word = self._automaton.add_word
        for index, key in enumerate(entries):
            add_word(key, index)
        self._key_entries: list[tuple[FormEntry, ...]] = list(map(tuple, entries.values()))
        # The offset of its last character in the key.
        self._key_lasts: list[int] = [len(key) - 1 for key in entries]
        # Whether its first entry matches in any case.
        self._any_case: list[bool] = [
            key_entries[0].case_rule == "any" for key_entries in self._key_entries
        ]
        # Whether a key has a Vietnamese tone moved to its first vowel (`hòa`): only then
        # is a text's `hoà` read so, a pass other languages' texts need not pay for.
        self._tone_moved = any(map(has_tone_moved, entries))
        if entries:
            self._automaton.make_automaton()
        # Search keys of one word (inflections included), for telling an acronym that is
        # a form ("NGOs", "VICTIM") from one that no term defines.
        self.one_word_keys: frozenset[str] = frozenset(key for key in entries if " " not in key)

    def __reduce__(self) -> tuple[Callable[..., Matcher], tuple[frozenset[str], bytes]]:
        tables = self.__dict__.get("_tables")
        if not isinstance(tables, bytes):
            tables = pickle.dumps(tuple(getattr(self, name) for name in _TABLES), PROTOCOL)
        return _unpickled_matcher, (self.one_word_keys, tables)

    def __getattr__(self, name: str) -> object:
        # Only for a name not set: the tables of a matcher read from the cache. Any
        # other name (`hasattr(matcher, "x")`) must leave them where they are.
        if name not in _TABLES or "_tables" not in self.__dict__:
            raise AttributeError(name)
        tables = self.__dict__.pop("_tables")
        for table_name, table in zip(_TABLES, pickle.loads(tables), strict=True):
            setattr(self, table_name, table)
        return getattr(self, name)

    def load_tables(self) -> None:
        """Read the search tables of a matcher from the cache now: before a fork, so that
        both processes share them rather than each unpickling its own."""
        if "_tables" in self.__dict__:
            self.__getattr__(_TABLES[0])

    @classmethod
    def from_terms(cls, terms: Iterable[Term], language: str = ENGLISH) -> Matcher:
        """Compile the accepted and discouraged forms of `terms` (the order of terms does
        not matter: where two terms claim one form, the lower id wins, and the duplicate
        rule reports it), their last words with the plurals of `language`
        (`forms.inflection_language`)."""
        terms = sorted(terms, key=lambda term: term.id)
        by_id = {term.id: term for term in terms}
        use_now = replacements(by_id).now
        entries: dict[str, list[FormEntry]] = {}
        for term in terms:
            if term.status == "deprecated":
                # All of a deprecated term's forms are discouraged, its forms to avoid
                # too, and each suggests the replacement (DESIGN section 3.1): the term
                # to use now, at the end of a chain of replacements.
                replacement = by_id.get(use_now.get(term.id, ""))
                suggestion = replacement.term if replacement else None
                for form in (term.term, *term.aliases, *(avoided.text for avoided in term.avoid)):
                    _add_form(entries, term, form, "deprecated", suggestion, language)
                continue
            for form in term.accepted_forms:
                _add_form(entries, term, form, "accepted", None, language)
            for avoided in term.avoid:
                _add_form(entries, term, avoided.text, "avoid", term.term, language)
        order = _german_entry_order if language == GERMAN else _entry_order
        for key_entries in entries.values():
            if len(key_entries) > 1:  # most keys are one term's form: nothing to order
                key_entries.sort(key=order)
        return cls(entries)

    def written_forms(self, possessives: bool = True) -> dict[str, list[str]]:
        """Every form of every term with its inflections, as written ("T visas",
        "survivor's"), by term id; each once, in the order compiled. Without
        `possessives`, none that the matcher made a possessive of its form (a Spanish
        site's search: no Spanish text writes "víctima's"), a form written so kept."""
        found: dict[str, dict[str, None]] = {}
        for key_entries in self._key_entries:
            for entry in key_entries:
                if possessives or not _made_possessive(entry):
                    found.setdefault(entry.term_id, {})[entry.written] = None
        return {term_id: list(written) for term_id, written in found.items()}

    def __len__(self) -> int:
        """The number of distinct search keys (forms with their inflections)."""
        return len(self._key_entries)

    def scan(self, text: str) -> list[Match]:
        """Every use of a form in `text`, in order, without overlaps (the longest wins,
        the leftmost of two as long). Offsets point into `text` as given."""
        return [
            Match(
                start,
                end,
                text[start:end],
                entry.term_id,
                entry.form,
                entry.kind,
                entry.suggestion,
                case_ok,
                None if case_ok else entry.written,
            )
            for start, end, entry, case_ok in self.hits(text)
        ]

    def hits(self, text: str) -> list[Hit]:
        """What `scan` finds, as plain (start, end, entry, case_ok) tuples: the engine's
        own scan reads these and makes `Match`es only of what is asked for."""
        if not self._key_entries or not text:
            return []
        nfc, nfc_offsets = _nfc(text)
        folded, folds_at, folds = folded_with_shifts(nfc)
        if "\n" in folded:
            folded = join_wrapped_lines(_PARAGRAPH_BREAK.sub(_blank_paragraph_break, folded))
        collapsed, shifts_at, shifts = _collapse_spaces(_separators_to_spaces(folded))
        if self._tone_moved:  # `hoà` is `hòa` (same length), as the keys write it
            collapsed = tone_on_first_vowel(collapsed)
        found = list(self._automaton.iter(collapsed))  # (last offset, key index)
        if not found:
            return []
        # (start, -end, key index) of every hit, sorted: by start, then the longest
        # first. Computed by map and zip, at C speed: there is one per hit. (`~last` is
        # `-end`.)
        lasts, keys = zip(*found, strict=True)
        starts = map(sub, lasts, map(self._key_lasts.__getitem__, keys))
        ordered = sorted(zip(starts, map(invert, lasts), keys, strict=True))

        # The shift of each offset, by the number of shifts at or before it (a first 0).
        collapsing = (shifts_at, [0, *shifts])
        folding = (folds_at, [0, *folds])
        entries = self._key_entries
        place = _placer(collapsed, nfc, collapsing, folding, entries, self._any_case)
        # The first entry of each key that matches in any case (None where its case
        # matters), and the text between two word ends: the commonest hit is tested here
        # with two look-ups and no call (a form of any case between a space or
        # punctuation and another), as `place` would.
        any_case_entries = self._any_case_entries()
        bounded = f"\x00{collapsed}\x00"
        hits: list[Hit] = []  # with offsets into `collapsed`, moved back at the end
        taken_until = -1
        in_order = iter(ordered)
        for start, negative_end, key in in_order:
            if start < taken_until:
                if -negative_end <= taken_until:  # inside the use just taken, longer
                    continue
                if place(start, -negative_end - 1, key) is not None:
                    # Two uses overlap, the later one reaching further: the longer wins,
                    # which the in-order pass cannot tell (rare; DESIGN section 4). The
                    # run of overlapping uses from the one taken last (one hit has its
                    # start and end) is settled alone, and the pass goes on after it.
                    first = bisect_left(ordered, (hits[-1][0], -hits[-1][1]))
                    run, past = _overlapping_run(place, ordered, first)
                    hits[-1:] = _resolve(run)
                    taken_until = -1
                    done = bisect_left(ordered, (start, negative_end, key)) + 1
                    deque(islice(in_order, past - done), maxlen=0)
                continue
            entry = any_case_entries[key]
            if (
                entry is not None
                and bounded[start] in _ENDS_A_WORD
                and bounded[1 - negative_end] in _ENDS_A_WORD
            ):
                use: Hit | None = (start, -negative_end, entry, True)
            else:
                use = place(start, -negative_end - 1, key)
                if use is None:
                    continue
            taken_until = -negative_end
            hits.append(use)
        hits = _placed_back(hits, collapsing, folding, nfc_offsets)
        return _over_arabic_marks(text, hits)

    def _any_case_entries(self) -> list[FormEntry | None]:
        """For each search key, its first entry where that matches in any case, else None:
        made of the tables on first use, never pickled."""
        made = self.__dict__.get("_any_case_firsts")
        if made is None:
            made = [
                key_entries[0] if any_case else None
                for key_entries, any_case in zip(self._key_entries, self._any_case, strict=True)
            ]
            self.__dict__["_any_case_firsts"] = made
        return made

    def hits_each(self, texts: Sequence[str]) -> list[list[Hit]]:
        """`hits` of each of `texts`, found in one search of them joined (`_TEXT_BREAK`
        between two): short texts, as 2,000 term definitions are, each paid more for a
        search of its own, set up and sorted, than for reading its few words. Nothing reads
        across the break: no form holds it, and every test of a use's ends reads it as the
        end of a text (a character that ends a word, composes with no mark, folds and
        collapses with nothing), so each text's hits are its own, at its own offsets."""
        if len(texts) < 2:
            return [self.hits(text) for text in texts]
        starts: list[int] = []
        position = 0
        for text in texts:
            starts.append(position)
            position += len(text) + len(_TEXT_BREAK)
        found: list[list[Hit]] = [[] for _ in texts]
        for begin, finish, entry, case_ok in self.hits(_TEXT_BREAK.join(texts)):
            index = bisect_right(starts, begin) - 1
            start = starts[index]
            found[index].append((begin - start, finish - start, entry, case_ok))
        return found


def _entry_order(entry: FormEntry) -> tuple[int, str]:
    """Which of the entries of one search key a use is of first: an accepted form's, then
    the lowest term id's (the duplicate rule reports the others)."""
    return KIND_RANK[entry.kind], entry.term_id


def _german_entry_order(entry: FormEntry) -> tuple[bool, int, str]:
    """`_entry_order` on a German site, a form as a term writes it first: a case the rules
    made of another's (`Arbeiten` of `Arbeit`) is no claim `glossary.duplicate` reports,
    and would leave the term that lists `Arbeiten` never found."""
    made = _comparable_form(entry.written).casefold() != _comparable_form(entry.form).casefold()
    return made, *_entry_order(entry)


def _made_possessive(entry: FormEntry) -> bool:
    """Whether `entry`'s writing is a possessive the matcher added to its form's last
    word ("víctimas'", "bebé's"), not the form itself as written ("Children's")."""
    written, form = straight_apostrophes(entry.written), straight_apostrophes(entry.form)
    return written.endswith(("'s", "'")) and not form.rstrip().endswith(("'s", "'"))


# What `Matcher.hits_each` joins texts with: a NUL, which ends a word and no form holds
# (a view has NULs of its own, between blocks), never `GLUE` (taken out, joining words).
_TEXT_BREAK = "\x00"


def _unpickled_matcher(one_word_keys: frozenset[str], tables: bytes) -> Matcher:
    """A matcher read from the cache, its tables still pickled (see `Matcher`)."""
    matcher = Matcher.__new__(Matcher)
    matcher.one_word_keys = one_word_keys
    matcher.__dict__["_tables"] = tables
    return matcher


def _placer(
    collapsed: str,
    nfc: str,
    collapsing: tuple[list[int], list[int]],
    folding: tuple[list[int], list[int]],
    entries: list[tuple[FormEntry, ...]],
    any_case: list[bool],
) -> Callable[[int, int, int], Hit | None]:
    """`place(start, last, key)`: whether a hit of the automaton in the searched text is a
    use of a form, as (start, end, entry, case_ok) with offsets into the searched text
    (`_placed_back` moves them), or None. To read a use's case in the NFC text,
    `collapsing` maps offsets back over the spaces collapsed (`_collapse_spaces`),
    then `folding` over the letters folded longer (`forms.folded_with_shifts`): each is
    (where shifts start, the shift after as many starts: 0 first). A closure:
    it runs for every hit, and reads its text as local names."""
    last_index = len(collapsed) - 1
    shifts_at, shift_after = collapsing
    folds_at, fold_after = folding

    def place(start: int, last: int, key: int) -> Hit | None:
        # A whole word: no letter, digit, `_` or combining mark just before or after it,
        # nor an apostrophe inside a word ("o'brien", "don't") but after an elided word
        # ("l'exploitation"); a space, the commonest neighbour, is tested first. Chinese
        # and Japanese put no space between words: `_unspaced_join`.
        first = start  # the use's start: its word's, where Arabic glues words to it
        if start:
            before = collapsed[start - 1]
            if before != " " and (
                (
                    before.isalnum()
                    and not _unspaced_join(before, collapsed[start], collapsed, start, last)
                )
                or before == "_"
                or (
                    before == "'"
                    and start >= 2
                    and collapsed[start - 2].isalnum()
                    and not _elided(collapsed, start - 1)
                )
                or (is_mark(before) and _word_before(collapsed, start - 1))
            ):
                if before not in GLUED_LAST_LETTERS:
                    return None
                glued = _glued_use_start(collapsed, start)  # `والاتجار`, `للناجي`
                if glued is None:
                    return None
                first = glued
        if last < last_index:
            after = collapsed[last + 1]
            if after != " " and (
                (
                    after.isalnum()
                    and not _unspaced_join(after, collapsed[last], collapsed, start, last)
                )
                or after == "_"
                or (after == "'" and last + 1 < last_index and _apostrophe_in_word(collapsed, last))
                or (is_mark(after) and _word_after(collapsed, last + 1))
            ):
                return None
        if any_case[key]:  # most forms: no need to look at the case
            return first, last + 1, entries[key][0], True
        # Back to offsets before spaces were collapsed, then before "ß" became "ss"
        # (never inside one), to read the use as written.
        begin = start + shift_after[bisect_right(shifts_at, start)]
        finish = last + 1 + shift_after[bisect_right(shifts_at, last)]
        begin -= fold_after[bisect_right(folds_at, begin)]
        finish -= fold_after[bisect_right(folds_at, finish)]
        found = nfc[begin:finish]
        chosen = _choose(entries[key], found)
        if (
            chosen is not None
            and chosen[0].case_rule == "noun"
            and verb_first(start, last + 1, finish)
        ):
            # The verb; a form the glossary writes so (an alias `Betroffenen`) is still one.
            chosen = _choose([entry for entry in entries[key] if entry.case_rule != "noun"], found)
        if chosen is None:
            return None
        return first, last + 1, *chosen

    def verb_first(start: int, after: int, finish: int) -> bool:
        # Whether the verb's subject follows at `after`, one space between: `Sie` or `wir`
        # (a request, `Opfern Sie`), or an article or pronoun in a question (`Waren die
        # Papiere da?`: `german_questions`). Read in the searched text, the pronoun's case
        # in the NFC one (`sie`, "they", may follow a noun), with no hyphen between
        # (`finish` ends the use there), which the searched text reads as a space: `Den
        # Opfern - Sie rufen an` is no verb and its pronoun.
        if collapsed[after : after + 1] != " ":
            return False
        request = _VERB_FIRST_PRONOUN.match(collapsed, after + 1) is not None
        question = opens_a_question(collapsed, start, after)
        if not request and not question:
            return False
        at = after + 1 + shift_after[bisect_right(shifts_at, after + 1)]
        at -= fold_after[bisect_right(folds_at, at)]
        return _HYPHENS.isdisjoint(nfc[finish:at]) and (
            question or nfc.startswith(("Sie", "wir"), at)
        )

    return place


def _glued_use_start(collapsed: str, start: int) -> int | None:
    """Where the Arabic word starts that glues little words to the use at `start`
    (`arabic_clitics.glued_start`), if a word starts there as a use's must: no letter,
    digit, `_`, apostrophe inside a word, nor mark after a word before it."""
    first = glued_start(collapsed, start)
    if not first:  # None, or the text's start
        return first
    return None if _word_before(collapsed, first - 1) else first


def _apostrophe_in_word(collapsed: str, last: int) -> bool:
    """Whether the apostrophe after `collapsed[last]` is inside a word ("don't"): a letter
    follows, but no Hangul, which a closing quote parts from a Korean particle (‘인신매매’를)."""
    return collapsed[last + 2].isalnum() and not is_hangul(collapsed[last + 2])


def _unspaced_join(neighbour: str, edge: str, collapsed: str, start: int, last: int) -> bool:
    """Whether the use `collapsed[start:last + 1]` may stand against `neighbour`, a letter
    or digit just before or after its character `edge`, as Chinese and Japanese words do
    (`unspaced_words`). Two comparisons for text of other scripts, whose letters are all
    below `UNSPACED_FROM`: a use glued to one is no use."""
    if neighbour < UNSPACED_FROM and edge < UNSPACED_FROM:
        return False
    if is_hangul(neighbour):  # Korean glues its particles to a word (`hangul_words`)
        return stands_in_korean(collapsed, start, last)
    return joins_unspaced(neighbour, edge, collapsed[start : last + 1])


# The pronouns after a German verb that starts its sentence, in the plural (`Opfern
# Sie`, `Arbeiten wir`), where a noun's made form (`Opfern` of `Opfer`) is that verb
# (`forms.writing_case_rule`), as `_placer` reads them in the folded text.
_VERB_FIRST_PRONOUN = LazyPattern(r"(?:sie|wir)(?![\w'\u02bc])")
# The separators the searched text reads as a space that part a verb from its pronoun.
_HYPHENS = frozenset("-\u2010\u2011")


def after_elision(text: str, start: int) -> bool:
    """Whether `start` follows an elided word of `_ELISIONS` and its apostrophe, straight,
    curly or the modifier letter one, in any case, in text not folded: "L'ONU", "d’OIT"."""
    if start < 2 or (text[start - 1] != "'" and text[start - 1] not in APOSTROPHES):
        return False
    # The longest elided word and the character before it, folded as `_ELISIONS` are.
    window = text[max(0, start - 2 - _LONGEST_ELISION) : start - 1].lower() + "'"
    return _elided(window, len(window) - 1)


def _elided(text: str, apostrophe: int) -> bool:
    """Whether the letters just before `apostrophe` are a word of `_ELISIONS`: "l" in
    "l'exploitation", not in "o'l'x"; "qu" in "qu'elle", not in "lequ'x"."""
    first = apostrophe - 1
    while first > 0 and apostrophe - first < _LONGEST_ELISION and text[first - 1].isalpha():
        first -= 1
    if first > 0:
        previous = text[first - 1]
        if previous.isalnum() or previous in "_'" or is_mark(previous):
            return False
    return text[first:apostrophe] in _ELISIONS


# Marks are looked through: "vagrant\u0301x" is one word, and no use of "vagrant"; a
# stray accent after a use ("vagrant\u0301 here") leaves it a use, the mark outside it.
def _word_after(text: str, index: int) -> bool:
    """Whether a word goes on at `index` (a mark) or after the marks from there."""
    while index < len(text) and is_mark(text[index]):
        index += 1
    if index == len(text):
        return False
    char = text[index]
    following = text[index + 1 : index + 2]
    # An apostrophe before Hangul is a closing quote, as in `_apostrophe_in_word`.
    return (
        char.isalnum()
        or char == "_"
        or (char == "'" and following.isalnum() and not is_hangul(following))
    )


def _word_before(text: str, index: int) -> bool:
    """Whether a word ends at `index` (a mark), or before the marks there."""
    while index >= 0 and is_mark(text[index]):
        index -= 1
    if index < 0:
        return False
    char = text[index]
    # An apostrophe after an elided word ("jusqu'") ends it, as with no mark.
    return (
        char.isalnum()
        or char == "_"
        or (char == "'" and index >= 1 and text[index - 1].isalnum() and not _elided(text, index))
    )


def _overlapping_run(
    place: Callable[[int, int, int], Hit | None],
    ordered: list[tuple[int, int, int]],
    first: int,
) -> tuple[list[tuple[int, int, Hit]], int]:
    """The uses that overlap one another, directly or through others, from the hit
    `ordered[first]` (a use) on, as (start, end, use), and the index in `ordered` of the
    first hit past them. Each such run is settled alone (`_resolve`), so a page of many
    megabytes stays linear whatever it holds."""
    run: list[tuple[int, int, Hit]] = []
    run_end = -1
    for index in range(first, len(ordered)):
        start, negative_end, key = ordered[index]
        if start >= run_end and run:
            return run, index
        use = place(start, -negative_end - 1, key)
        if use is not None:
            run.append((start, -negative_end, use))
            run_end = max(run_end, -negative_end)
    return run, len(ordered)


def _resolve(run: list[tuple[int, int, Hit]]) -> list[Hit]:
    """The uses kept of a run of overlapping ones: the longest first, each that overlaps
    none kept before it; in text order."""
    if len(run) < 2:
        return [use for _, _, use in run]
    # A use inside a longer accepted one is never kept, even where that longer one gives
    # way to a third: "victim" stays part of "victim service provider" in "victim service
    # provider network" (DESIGN section 4: a discouraged form inside a longer accepted
    # form is no finding). Inside a discouraged one that gives way, it is a use.
    outside: list[tuple[int, int, Hit]] = []
    reach = -1  # the end of the accepted uses so far
    for start, end, use in sorted(run, key=lambda item: (item[0], -item[1])):
        if end > reach:
            outside.append((start, end, use))
            if use[2].kind == "accepted":
                reach = end
    # Kept in text order: a use overlaps none kept if it overlaps neither neighbour of its
    # place among them, found by bisection (not by a look at every one kept: quadratic).
    kept_starts: list[int] = []
    kept: list[tuple[int, int, Hit]] = []
    for start, end, use in sorted(outside, key=lambda item: (item[0] - item[1], item[0])):
        place = bisect.bisect_left(kept_starts, start)
        if place and kept[place - 1][1] > start:
            continue
        if place < len(kept) and kept_starts[place] < end:
            continue
        kept_starts.insert(place, start)
        kept.insert(place, (start, end, use))
    return [use for _, _, use in kept]


def _placed_back(
    hits: list[Hit],
    collapsing: tuple[list[int], list[int]],
    folding: tuple[list[int], list[int]],
    nfc_offsets: list[int] | None,
) -> list[Hit]:
    """`hits`, with offsets into the searched text, moved to offsets into the text as
    given: over the spaces collapsed, the letters folded longer (as `_placer` reads them),
    then from the NFC text. All at once, by map and zip at C speed (an end's shift is
    that of its last character: `bisect_left` of the end)."""
    shifts_at, shift_after = collapsing
    folds_at, fold_after = folding
    if not hits or not (shifts_at or folds_at or nfc_offsets):
        return hits
    begins, finishes, entries, cases = zip(*hits, strict=True)
    count = len(hits)
    if shifts_at:
        starts_at = map(bisect_right, repeat(shifts_at, count), begins)
        ends_at = map(bisect_left, repeat(shifts_at, count), finishes)
        begins = tuple(map(add, begins, map(shift_after.__getitem__, starts_at)))
        finishes = tuple(map(add, finishes, map(shift_after.__getitem__, ends_at)))
    if folds_at:
        starts_at = map(bisect_right, repeat(folds_at, count), begins)
        ends_at = map(bisect_right, repeat(folds_at, count), finishes)
        begins = tuple(map(sub, begins, map(fold_after.__getitem__, starts_at)))
        finishes = tuple(map(sub, finishes, map(fold_after.__getitem__, ends_at)))
    if nfc_offsets:
        begins = tuple(map(nfc_offsets.__getitem__, begins))
        finishes = tuple(map(nfc_offsets.__getitem__, finishes))
    return list(zip(begins, finishes, entries, cases, strict=True))


def _over_arabic_marks(text: str, hits: list[Hit]) -> list[Hit]:
    """`hits` each reaching over the Arabic marks and tatweel just after it: read through
    when searching, they are the last letter's ("تهريبُ البشرِ" is found with its kasra), and
    a link ending before one would part a mark from its letter (review, session 48)."""
    if text.isascii():  # O(1) in CPython: ASCII text has none, and pays nothing more
        return hits
    length = len(text)
    extended: list[Hit] = []
    for begin, finish, entry, case_ok in hits:
        while finish < length and text[finish] in _ARABIC_MARK_SET:
            finish += 1
        extended.append((begin, finish, entry, case_ok))
    return extended


def _separators_to_spaces(folded: str) -> str:
    """`folded.translate(_TRANSLATE)`, faster: a `str.replace` of each ASCII separator,
    then, in a text past ASCII, of each other that it holds (`beyond_ascii`).
    `str.translate` looks each character of a text past ASCII up in its table, which made
    one "é" in a page cost its scan about three times as much (review rv23)."""
    for separator in _ASCII_SEPARATORS:
        folded = folded.replace(separator, " ")
    if folded.isascii():
        return folded
    # Those it holds, each replaced in C: a page's curly apostrophes, a few kinds of
    # space. A pattern's search for them and a call for each found made a page with
    # curly apostrophes cost its matching half as much again (spd66).
    translated = _PAST_ASCII_KEYS.intersection(beyond_ascii(folded))
    if len(translated) > _FEW_KINDS or not translated <= _REPLACEABLE:
        # Many kinds: one pass, which looks each character up.
        return folded.translate(_TRANSLATE)
    for char in translated:
        folded = folded.replace(char, _PAST_ASCII_TABLE[char])
    return folded


def _blank_paragraph_break(run: re.Match[str]) -> str:
    return "\x00" * (run.end() - run.start())


_new_entry = tuple.__new__


def _add_form(
    entries: dict[str, list[FormEntry]],
    term: Term,
    form: str,
    kind: MatchKind,
    suggestion: str | None,
    language: str,
) -> None:
    words = matched_words(form)
    if not words:
        return
    if is_all_capitals(form):
        case_rule: Literal["any", "strict", "report"] = "strict"
    elif term.case_sensitive:
        case_rule = "report"
    else:
        case_rule = "any"
    if language in NOUN_PHRASE_LANGUAGES:
        _add_spanish_form(entries, term, form, words, kind, suggestion, case_rule, language)
        return
    head = " ".join(words[:-1])
    # As the glossary writes the form ("Anti-Trafficking Task Force", "Survivor’s"), with
    # the last word inflected: what `term.case` suggests. Most forms are written with
    # one space between words, and nothing else to keep.
    if form == (f"{head} {words[-1]}" if head else words[-1]):
        head_as_written, curly = (f"{head} " if head else ""), False
    else:
        as_written = _EDGE_SEPARATORS.sub("", unicodedata.normalize("NFC", without_invisible(form)))
        last_start = max((gap.end() for gap in WORD_SEPARATORS.finditer(as_written)), default=0)
        head_as_written, curly = as_written[:last_start], "\u2019" in as_written[last_start:]
    term_id = term.id
    for last in last_word_variants(words[-1], language):
        searched = f"{head} {last}" if head else last
        key = searched.casefold()
        if len(key) != len(searched):  # a letter folded longer (ß): `fold_case`'s way
            key = fold_case(searched)
        if not key.isascii():
            key = tone_on_first_vowel(arabic_read_alike(key))
        written = head_as_written + (last.replace("'", "\u2019") if curly else last)
        # `tuple.__new__`, in C: the named tuple's own `__new__` is Python code, run for
        # each of the 14,000 keys of 2,000 terms (see `FormEntry.__reduce__`). Added as
        # `_add_entry` adds it, written out: a call for each key costs 3% of a compile.
        entry = _new_entry(FormEntry, (term_id, form, kind, suggestion, case_rule, written))
        bucket = entries.get(key)
        if bucket is None:  # most keys: one form's alone
            entries[key] = [entry]
        elif all(
            (existing.term_id, existing.form, existing.kind) != (term_id, form, kind)
            for existing in bucket
        ):
            bucket.append(entry)
        if not key.isascii() and (lam_key := lam_article_key(key)):
            _add_entry(entries, lam_key, entry)  # `للناجي`, for the survivor


def _add_spanish_form(
    entries: dict[str, list[FormEntry]],
    term: Term,
    form: str,
    words: list[str],
    kind: MatchKind,
    suggestion: str | None,
    case_rule: Literal["any", "strict", "report"],
    language: str,
) -> None:
    """`_add_form` on a Spanish or French site (`language`): its plural inflects more
    than the last word (`forms.spanish_variants`: "víctimas de trata", "traites des
    personnes"), each word written as the glossary writes it where the writing keeps it."""
    # Most forms are written with one space between words, and nothing else to keep.
    written_apart = None if form == " ".join(words) else _written_apart(form, len(words))
    for writing in spanish_variants(tuple(words), language):
        joined = " ".join(writing)
        key = joined.casefold()
        if len(key) != len(joined):  # a letter folded longer (ß): `fold_case`'s way
            key = fold_case(joined)
        if not key.isascii():
            key = tone_on_first_vowel(arabic_read_alike(key))
        written = joined if written_apart is None else _written_as(written_apart, words, writing)
        rule = writing_case_rule(writing, tuple(words), case_rule, language)  # German's nouns
        entry = _new_entry(FormEntry, (term.id, form, kind, suggestion, rule, written))
        _add_entry(entries, key, entry)
        if not key.isascii() and (lam_key := lam_article_key(key)):
            _add_entry(entries, lam_key, entry)  # `للناجي`, for the survivor


def _add_entry(entries: dict[str, list[FormEntry]], key: str, entry: FormEntry) -> None:
    """Add `entry` under `key`, unless its term claims it there already as that form."""
    bucket = entries.get(key)
    if bucket is None:  # most keys: one form's alone
        entries[key] = [entry]
    elif all(
        (existing.term_id, existing.form, existing.kind) != (entry.term_id, entry.form, entry.kind)
        for existing in bucket
    ):
        bucket.append(entry)


def _written_apart(form: str, count: int) -> list[str] | None:
    """`form` as written, its words and the separators between them in turn (`word`,
    `-`, `word`...), NFC, invisible characters and the separators at its edges left out;
    None where it has not `count` words so (a word of separators alone)."""
    as_written = _EDGE_SEPARATORS.sub("", unicodedata.normalize("NFC", without_invisible(form)))
    pieces = re.split(f"({WORD_SEPARATORS.pattern})", as_written)
    return pieces if len(pieces) == 2 * count - 1 else None


def _written_as(written_apart: list[str], words: list[str], writing: tuple[str, ...]) -> str:
    """`writing`, a writing of a form word for word (`words`, as matched), as the
    glossary writes the form (`written_apart`: `_written_apart`): its separators and the
    words the writing keeps as written there ("Trata-de personas" -> "Tratas-de
    personas"), a curly apostrophe in a changed word where the written word has one."""
    pieces = list(written_apart)
    for index, (word, wanted) in enumerate(zip(words, writing, strict=True)):
        if wanted != word:
            piece = pieces[2 * index]
            pieces[2 * index] = wanted.replace("'", "\u2019") if "\u2019" in piece else wanted
    return "".join(pieces)


def _choose(key_entries: Sequence[FormEntry], found: str) -> tuple[FormEntry, bool] | None:
    """The entry this text is a use of, and whether its case is right; None when the only
    forms are all-capitals ones written otherwise ("a tip" is not "TIP")."""
    written = None
    for entry in key_entries:
        if entry.case_rule == "any":
            return entry, True
        if written is None:
            # A word of letters and digits alone ("TQ119"), the commonest, is as it is
            # (but for the modifier letter apostrophe, a letter to Unicode: "TIPʼs").
            plain = found.isalnum() and "\u02bc" not in found  # (the others: no letters)
            written = found if plain else _comparable(found)
        if written == _comparable_form(entry.written):
            return entry, True
    for entry in key_entries:
        if entry.case_rule == "report":
            return entry, False
    return None


def _comparable(written: str) -> str:
    """A form as written, with one space between words, straight apostrophes and no
    markup glued into it ("T visa**s**") nor invisible characters: two writings of one
    form in the same case compare equal. Arabic letters are read alike and its marks and
    tatweel left out, as the search reads them: a script with no case has no case
    difference (`المنظّمة`, with a shadda, is `المنظمة` in its case; audit ar66)."""
    visible = without_invisible(written).replace(GLUE, "")
    if not visible.isascii():
        visible = arabic_read_alike(visible)
    return tone_on_first_vowel(straight_apostrophes(WORD_SEPARATORS.sub(" ", visible.strip())))


@lru_cache(maxsize=16_384)
def _comparable_form(written: str) -> str:
    """`_comparable` of a form as the glossary writes it: the same few thousand forms
    are compared again at every hit of an all-capitals or case-sensitive one."""
    return _comparable(written)


def _collapse_spaces(text: str) -> tuple[str, list[int], list[int]]:
    """`text` with runs of spaces collapsed to one and `GLUE` taken out (a space stays
    where a run of both holds one), and the map back: at collapsed offset `shifts_at[k]`
    and after, add `shifts[k]` to get the offset before collapsing."""
    if GLUE in text:
        return _take_out_gaps(text)
    run = text.find("  ")
    if run < 0:
        return text, [], []
    # str.find, then the pattern only where a run starts: a page has a few runs, and a
    # regular expression over the whole text costs more than the rest of the scan.
    pieces: list[str] = []
    shifts_at: list[int] = []
    shifts: list[int] = []
    removed = 0
    previous = 0
    while run >= 0:
        run_end = _SPACE_RUNS.match(text, run).end()
        pieces.append(text[previous : run + 1])
        removed += run_end - run - 1
        shifts_at.append(run_end - removed)
        shifts.append(removed)
        previous = run_end
        run = text.find("  ", run_end)
    pieces.append(text[previous:])
    return "".join(pieces), shifts_at, shifts


def _take_out_gaps(text: str) -> tuple[str, list[int], list[int]]:
    """`_collapse_spaces` for a text with `GLUE` in it (rare: a regular expression)."""
    pieces: list[str] = []
    shifts_at: list[int] = []
    shifts: list[int] = []
    removed = 0
    previous = 0
    for gap in _GAPS.finditer(text):
        pieces.append(text[previous : gap.start()])
        removed += gap.end() - gap.start()
        shifts_at.append(gap.end() - removed)
        shifts.append(removed)
        previous = gap.end()
    pieces.append(text[previous:])
    return "".join(pieces), shifts_at, shifts


# Where a text needs composing: its runs of characters past ASCII (every combining mark is
# one), each with the letter before it, which a mark may follow ("e\u0301").
_PAST_ASCII_RUN = LazyPattern(r"[^\x00-\x7f]+")
# Letters that compose with the one before them though no combining mark (their canonical
# class is 0), so a cluster does not end before them: Hangul's medial vowels and final
# consonants (a syllable saved as jamo, as a Mac may save Korean), and the second halves
# of two-part vowel signs (Bengali, Oriya, Tamil, Kannada, Malayalam, Sinhala, Myanmar,
# Balinese and a few historic scripts: `test_hangul_words` checks these against Unicode,
# which composes Hangul by arithmetic, not a list).
COMPOSING_STARTERS = frozenset(
    "\u09be\u09d7\u0b3e\u0b56\u0b57\u0bbe\u0bd7\u0cc2\u0cd5\u0cd6\u0d3e\u0d57\u0dcf"
    "\u0ddf\u102e\u1b35\U00011127\U0001133e\U00011357\U000114b0\U000114ba\U000114bd"
    "\U000115af\U00011930"
)
_JOINS_WITHOUT_MARK = COMPOSING_STARTERS | frozenset(map(chr, range(0x1161, 0x11C3)))


def _nfc(text: str) -> tuple[str, list[int] | None]:
    """NFC of `text`, its Arabic presentation forms as their letters (`forms.arabic_letters`),
    and, when that differs, the offset in `text` of every code point of the result (plus
    one past the end): a ligature's letters (`ﻻ`, lam-alef) are both at its offset. Only
    the runs past ASCII are composed, a cluster at a time; the ASCII between them is
    copied as it is, in C (a page written with decomposed accents, as a Mac may save it,
    was read a character at a time in Python, and scanned eight times slower: audit)."""
    if text.isascii() or (
        unicodedata.is_normalized("NFC", text)
        and not ARABIC_PRESENTATION_FORM.search(beyond_ascii(text))  # not every character
    ):
        return text, None
    pieces: list[str] = []
    offsets: list[int] = []
    done = 0
    for run in _PAST_ASCII_RUN.finditer(text):
        start = max(done, run.start() - 1)
        pieces.append(text[done:start])
        offsets.extend(range(done, start))
        _compose_clusters(text, start, run.end(), pieces, offsets)
        done = run.end()
    pieces.append(text[done:])
    offsets.extend(range(done, len(text) + 1))
    return "".join(pieces), offsets


def _compose_clusters(
    text: str, start: int, end: int, pieces: list[str], offsets: list[int]
) -> None:
    """NFC of `text[start:end]`, a cluster (a character and the marks or jamo that
    compose with it) at a time, into `pieces`, and the offset in `text` of each code
    point it gives."""
    combining = unicodedata.combining  # a local name: read for every character
    cluster_start = start
    for index in range(start + 1, end + 1):
        char = text[index] if index < end else ""
        if char and (combining(char) or char in _JOINS_WITHOUT_MARK):
            continue
        cluster = text[cluster_start:index]
        if "\ufb50" <= cluster[0] <= "\ufefe":  # maybe a presentation form: its letters
            cluster = arabic_letters(cluster)
        normalised = unicodedata.normalize("NFC", cluster)
        pieces.append(normalised)
        if len(normalised) == index - cluster_start:  # nothing composed: one to one
            offsets.extend(range(cluster_start, index))
        elif 1 < len(normalised) < index - cluster_start:
            # The letter composed with some marks, others left after it (`e` and two
            # acutes: `é` and one): those are the cluster's last, so a use ending at the
            # letter ends before them, not at the letter's start (`cafe\u0301\u0301`
            # was found as "caf").
            offsets.append(cluster_start)
            offsets.extend(range(index - len(normalised) + 1, index))
        else:
            offsets.extend([cluster_start] * len(normalised))
        cluster_start = index
