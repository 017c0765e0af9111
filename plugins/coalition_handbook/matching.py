"""Find every form of every glossary term in a text, in one pass (DESIGN section 4).

`Matcher.from_terms(terms)` compiles all forms once into one Aho-Corasick automaton;
`Matcher.scan(text)` returns the `Match`es with offsets into the text it was given.

How a text is searched: it is NFC-normalised, lower-cased, curly apostrophes are
straightened, and every space, tab, line break, hyphen and non-breaking space becomes one
space (runs of them collapse to one). The automaton runs over that, a map leads every hit
back to the original offsets, and then whole-word boundaries and exact case are checked
on the original text. Callers pass text in which a single line break is a soft break
inside a paragraph and everything that must not join words (block ends, code) is a
character that is neither a letter nor a separator, as `markdown.checkable_text` makes.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import ahocorasick

from .forms import is_all_capitals, last_word_variants, split_words
from .model.types import Term

MatchKind = Literal["accepted", "avoid", "deprecated"]

# Length-preserving: separators become a space, curly apostrophes straight ones.
_SEPARATORS = "\t\n\r\u00a0\u202f\u2007-\u2010\u2011"
_TRANSLATE = str.maketrans({**dict.fromkeys(_SEPARATORS, " "), "\u2019": "'"})
_SPACE_RUNS = re.compile(r"  +")  # two literal spaces first: a fast search
# Two line breaks (a blank line) end a paragraph: words never join across them.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\u00a0]*\n")
_SEPARATOR_RUN = re.compile(rf"[ {_SEPARATORS}]+")
_KIND_RANK = {"accepted": 0, "avoid": 1, "deprecated": 2}


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


@dataclass(frozen=True, slots=True)
class _Entry:
    term_id: str
    form: str
    kind: MatchKind
    suggestion: str | None
    # "any" case; "strict": only exactly this case matches at all (all-caps forms);
    # "report": another case matches but is reported (case_sensitive terms).
    case_rule: Literal["any", "strict", "report"]
    written: str  # this variant as it must be written (for strict and report)


class Matcher:
    """All forms of all terms, compiled once. Cheap to build; safe to share and reuse."""

    def __init__(self, entries: dict[str, list[_Entry]]) -> None:
        self._entries = entries
        self._automaton = ahocorasick.Automaton()
        for key, key_entries in entries.items():
            self._automaton.add_word(key, (len(key), tuple(key_entries)))
        if entries:
            self._automaton.make_automaton()
        # Each form once (its inflections share its words).
        forms = {entry.form for key_entries in entries.values() for entry in key_entries}
        self.form_words: frozenset[str] = frozenset(
            word for form in forms for word in split_words(form)
        )

    @classmethod
    def from_terms(cls, terms: Iterable[Term]) -> Matcher:
        """Compile the accepted and discouraged forms of `terms` (the order of terms does
        not matter: where two terms claim one form, the lower id wins, and the duplicate
        rule reports it)."""
        terms = sorted(terms, key=lambda term: term.id)
        by_id = {term.id: term for term in terms}
        entries: dict[str, list[_Entry]] = {}
        for term in terms:
            if term.status == "deprecated":
                replacement = by_id.get(term.replaced_by or "")
                suggestion = replacement.term if replacement else None
                for form in (term.term, *term.aliases):
                    _add_form(entries, term, form, "deprecated", suggestion)
            else:
                for form in term.accepted_forms:
                    _add_form(entries, term, form, "accepted", None)
            for avoided in term.avoid:
                _add_form(entries, term, avoided.text, "avoid", term.term)
        for key_entries in entries.values():
            key_entries.sort(key=lambda entry: (_KIND_RANK[entry.kind], entry.term_id))
        return cls(entries)

    def __len__(self) -> int:
        """The number of distinct search keys (forms with their inflections)."""
        return len(self._entries)

    def scan(self, text: str) -> list[Match]:
        """Every use of a form in `text`, in order, without overlaps (leftmost, then
        longest, wins). Offsets point into `text` as given."""
        if not self._entries or not text:
            return []
        nfc, nfc_offsets = _nfc(text)
        lowered = nfc.lower()
        if len(lowered) != len(nfc):  # U+0130 lower-cases to two code points
            lowered = "".join(char.lower()[0] for char in nfc)
        if "\n" in lowered:
            lowered = _PARAGRAPH_BREAK.sub(_blank_paragraph_break, lowered)
        collapsed, shifts_at, shifts = _collapse_spaces(lowered.translate(_TRANSLATE))
        hits = _whole_word_hits(self._automaton.iter(collapsed), collapsed)
        if not hits:
            return []
        hits.sort()  # by start, then the longest first (ends are negated)

        matches: list[Match] = []
        taken_until = -1
        for start, negative_end, key_entries in hits:
            if start < taken_until:
                continue
            end = -negative_end
            begin, finish = start, end
            if shifts_at:  # back to offsets before spaces were collapsed
                index = bisect.bisect_right(shifts_at, start) - 1
                if index >= 0:
                    begin += shifts[index]
                index = bisect.bisect_right(shifts_at, end - 1) - 1
                if index >= 0:
                    finish += shifts[index]
            first = key_entries[0]
            if first.case_rule == "any":  # most forms: no need to look at the case
                entry, case_ok = first, True
            else:
                chosen = _choose(key_entries, nfc[begin:finish])
                if chosen is None:
                    continue
                entry, case_ok = chosen
            taken_until = end
            if nfc_offsets:
                begin, finish = nfc_offsets[begin], nfc_offsets[finish]
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


def _blank_paragraph_break(run: re.Match[str]) -> str:
    return "\x00" * (run.end() - run.start())


def _whole_word_hits(
    found: Iterable[tuple[int, tuple[int, tuple[_Entry, ...]]]], text: str
) -> list[tuple[int, int, tuple[_Entry, ...]]]:
    """(start, -end, entries) of the automaton's hits that are whole words: no letter,
    digit or `_` just before or after, nor an apostrophe inside a word ("o'brien",
    "don't"). Written out inline: this runs for every hit."""
    hits: list[tuple[int, int, tuple[_Entry, ...]]] = []
    last_index = len(text) - 1
    for last, (length, key_entries) in found:
        start = last + 1 - length
        if start:
            before = text[start - 1]
            if (
                before.isalnum()
                or before == "_"
                or (before == "'" and start >= 2 and text[start - 2].isalnum())
            ):
                continue
        if last < last_index:
            after = text[last + 1]
            if (
                after.isalnum()
                or after == "_"
                or (after == "'" and last + 1 < last_index and text[last + 2].isalnum())
            ):
                continue
        hits.append((start, -last - 1, key_entries))
    return hits


def _add_form(
    entries: dict[str, list[_Entry]],
    term: Term,
    form: str,
    kind: MatchKind,
    suggestion: str | None,
) -> None:
    words = split_words(form.replace("\u2019", "'"))
    if not words:
        return
    if is_all_capitals(form):
        case_rule: Literal["any", "strict", "report"] = "strict"
    elif term.case_sensitive:
        case_rule = "report"
    else:
        case_rule = "any"
    head = " ".join(words[:-1])
    for last in last_word_variants(words[-1]):
        written = f"{head} {last}" if head else last
        key = written.lower()
        entry = _Entry(term.id, form, kind, suggestion, case_rule, written)
        bucket = entries.setdefault(key, [])
        if all(
            (existing.term_id, existing.form, existing.kind) != (entry.term_id, form, kind)
            for existing in bucket
        ):
            bucket.append(entry)


def _choose(key_entries: Sequence[_Entry], found: str) -> tuple[_Entry, bool] | None:
    """The entry this text is a use of, and whether its case is right; None when the only
    forms are all-capitals ones written otherwise ("a tip" is not "TIP")."""
    written = None
    for entry in key_entries:
        if entry.case_rule == "any":
            return entry, True
        if written is None:
            written = _SEPARATOR_RUN.sub(" ", found).replace("\u2019", "'")
        if written == entry.written:
            return entry, True
    for entry in key_entries:
        if entry.case_rule == "report":
            return entry, False
    return None


def _collapse_spaces(text: str) -> tuple[str, list[int], list[int]]:
    """`text` with runs of spaces collapsed to one, and the map back: at collapsed offset
    `shifts_at[k]` and after, add `shifts[k]` to get the offset before collapsing."""
    if "  " not in text:
        return text, [], []
    shifts_at: list[int] = []
    shifts: list[int] = []
    removed = 0
    for run_start, run_end in [run.span() for run in _SPACE_RUNS.finditer(text)]:
        removed += run_end - run_start - 1
        shifts_at.append(run_end - removed)
        shifts.append(removed)
    return _SPACE_RUNS.sub(" ", text), shifts_at, shifts


def _nfc(text: str) -> tuple[str, list[int] | None]:
    """NFC of `text` and, when that differs, the offset in `text` of every code point of
    the result (plus one past the end)."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    pieces: list[str] = []
    offsets: list[int] = []
    cluster_start = 0
    for index in range(1, len(text) + 1):
        if index < len(text) and unicodedata.combining(text[index]):
            continue
        normalised = unicodedata.normalize("NFC", text[cluster_start:index])
        pieces.append(normalised)
        offsets.extend([cluster_start] * len(normalised))
        cluster_start = index
    offsets.append(len(text))
    return "".join(pieces), offsets
