"""term.unknown-acronym: an all-caps word of 2-6 letters that is no form of any term nor
in `known_acronyms`.

A word is read as the reader sees it: markup or an invisible character inside it is read
through (`**NG**Os` is NGOs, `XY&shy;ZW` is XYZW, `AT&amp;T` is AT&T), and it is reported
as the source writes it.

A word is a form when a form was found there (`NGO` inside a use of "NGO partner"), or
when it is a one-word form in any of its inflections (`NGOs`, and `VICTIM` for the form
"victim", which matches in any case); a plain plural `s` is ignored for `known_acronyms`
(`NGOs` is `NGO`). A word that is only part of a longer form is not known on its own:
"CSEC case" being a form says nothing of "CSEC". Words with an accented capital are no
acronyms, however the accent is written, nor are Roman numerals: any of I, V and X alone
(`II`, `XIV`, `XXXIX`), any of four letters or more (`XLII`, `MMXXIV`), and any at all
after a word that numbers what it names (`Title XLII`, `Chapter LX`, `Part CC`). A
numeral of two or three letters with an L, C, D or M and no such word before it is
reported: most of those are acronyms too (`DC`, `CD`, `MD`, `CV`, `MCC`, `CCC`).

An apostrophe after a word's letters is inside the word ("O'NEILL", "DON'T"), but after a
French, Catalan or Italian elided word it starts one, as for the matcher: "l'ONU" and
"qu’OIT" are read, and "L'ONU" in a site not in English ("D'ARCY" is an English name).

Nor are capitals that are part of an identifier or a name: joined without a space, by
`-`, `/` or `&`, into a chain of letters and digits that holds a digit or an `&`
(`COVID-19`, grant numbers `2020-VT-BX-0103` and `15POVC-21-GG-00650-HT`, the UN's
`A/RES/55/25`, `AT&T`); capitals joined by hyphens or slashes alone (`HIV/AIDS`,
`HIV-positive`) are still words of their own.

Nor is a doubled capital that abbreviates a Spanish plural, as a pair (`EE. UU.` for
Estados Unidos, `FF. AA.`, `RR. HH.`).

Nor are words in capitals for emphasis: a run of three or more words all in capitals,
one after another with only spaces between (`## WHAT TO DO IF YOU SEE IT`, `CALL A
LAWYER`, `## LÍNEA DE AYUDA`: an accented capital makes words in capitals as A-Z does),
or of two that make a whole emphasis (`**CALL NOW!**`: the same mark on both sides and
no space inside, a no-break one either, or Python-Markdown shows the marks as they are)
or a whole heading (`## ¿QUÉ HACER?`), punctuation around them aside. A lone acronym,
and two side by side in running text (`XYZ ABC`), are still reported: nothing tells
those from two acronyms, which prose seldom sets apart that way. Commas or line breaks
end a run: `FBI, DHS, ICE` is a list of acronyms. So is a run more than half of whose
words are known (`FBI ICE HSI`: HSI is reported), but for the little words joining them
(`FBI AND ICE`), which are never reported in a run of capitals, though some are acronyms
too (OR, IN); all unknown (`XYZ ABC QRS`, `## NGO FAQ` where NGO is no form), it reads
as emphasis.
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Callable, Iterator, Set
from dataclasses import dataclass
from functools import partial
from typing import Protocol

from ..documents import CheckedText, scan_handbook, text_hits
from ..findings import Finding
from ..forms import (
    INVISIBLE_CHARACTERS,
    SPACE_SEPARATORS,
    beyond_ascii,
    fold_case,
    has_invisible,
)
from ..hangul_words import particle_at
from ..lazy_pattern import LazyPattern
from ..letters import CAPITAL_LETTERS, COMBINING_ACCENTS
from ..markdown import GLUE, defined_abbreviations, is_mark
from ..matching import Hit, Matcher, after_elision
from ..model.types import Handbook
from ..theme_language import is_english
from ..unspaced_words import UNSPACED_FROM, UNSPACED_LETTERS
from .base import CheckContext

RULE = "term.unknown-acronym"

# The first capital is consumed at once (the engine skips to it at C speed); the
# lookbehinds over it and the characters before say the word starts there: after no
# letter, and after no apostrophe inside a word ("O'NEILL"). It may end in a possessive
# ("NGO's", "NGOs'", with a curly or a modifier letter apostrophe too: "NGOʼs") or a
# closing quote ('TIP'), but not in a contraction ("DON'T").
_ACRONYM_END = r"[A-Z]{1,5})(s?)(?=(?:['\u2019\u02bc]s?)?(?![\w'\u2019\u02bc]))"
_ACRONYM = re.compile(r"([A-Z](?<!\w[A-Z])(?<!\w['\u2019\u02bc][A-Z])" + _ACRONYM_END)
# After an elided word and its apostrophe ("L'ONU", "d’OIT"), which `after_elision`
# tells from one inside a word ("O'NEILL"), a word starts as after a space (the modifier
# letter apostrophe is a letter to `\w`).
_ACRONYM_AFTER_ELISION = re.compile(r"([A-Z]" + _ACRONYM_END)
# In Chinese or Japanese, written without spaces, an acronym stands against Han or kana
# ("向IOM求助"), which are no letters of its word there (`unspaced_words`).
_SPACED_LETTER = f"[^\\W{UNSPACED_LETTERS}]"  # `\w` less Han and kana
_ACRONYM_AMONG_UNSPACED = LazyPattern(
    rf"([A-Z](?<!{_SPACED_LETTER}[A-Z])(?<!{_SPACED_LETTER}['\u2019\u02bc][A-Z])[A-Z]{{1,5}})"
    rf"(s?)(?=(?:['\u2019\u02bc]s?)?(?!{_SPACED_LETTER}|['\u2019\u02bc]))"
)
# In Korean, a particle glued to the acronym ("IOM은", "UNODC의"): the Hangul after it is
# read by `particle_at`.
_ACRONYM_BEFORE_HANGUL = re.compile(
    r"([A-Z](?<!\w[A-Z])(?<!\w['\u2019\u02bc][A-Z])[A-Z]{1,5})(s?)(?=[\uac00-\ud7a3])"
)
# What may follow an acronym: a possessive ("NGO's", "NGOs'").
_POSSESSIVE = re.compile("['\u2019\u02bc]s?")
# A Roman numeral in standard form (not `IIII` or `IC`), up to 3999.
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_LONG_NUMERAL = 4  # letters; shorter ones with an L, C, D or M are often acronyms
# A word that numbers what it names, just before a numeral (in a title, a statute...).
_NUMBERING_WORD = re.compile(
    r"(?<![\w.])(?:title|subtitle|chapter|subchapter|part|subpart|section|article|book"
    r"|volume|vol\.|act|amendment|appendix|annex|schedule|division|phase|stage|level|tier"
    r"|class)\s+\Z",
    re.IGNORECASE,
)
# An identifier or a name (`COVID-19`, `AT&T`): letters and digits joined by `-`, `/` or
# `&`; it is one when it holds a digit or an `&`.
_JOINERS = frozenset("-/&")
_LETTERS_AND_DIGITS = frozenset(string.ascii_letters + string.digits)
_JOINED = re.compile(r"[A-Za-z0-9]+(?:[-/&][A-Za-z0-9]+)+")
_IDENTIFIER_MARK = re.compile(r"[0-9&]")
# A word in capitals (`WHAT`, `A`, `DON'T`, `ANTI-TRAFFICKING`, `LÍNEA`), and a run of two
# or more with only spaces between. Its capitals are those of the Latin, Greek and
# Cyrillic alphabets, accented ones too (É, Ü, Ñ, ẞ), each maybe with combining accents
# (NFD text): an accented capital is never an acronym's (`_ACRONYM`), but shouted words
# hold them as they hold A-Z.
_CAPITAL = f"[A-Z{CAPITAL_LETTERS}][{COMBINING_ACCENTS}]*"
_CAPITALS_WORD = (
    rf"(?<![\w'\u2019\u02bc-])(?:{_CAPITAL})+(?:['\u2019\u02bc-](?:{_CAPITAL})+)*"
    rf"(?![\w'\u2019\u02bc-])"
)
# Between words of a run: spaces and tabs, and the Unicode spaces section 4 reads as one
# (`CALL\u00a0NOW`), not a line or paragraph separator (`UNICODE_SPACES` less
# `LINE_SEPARATORS`): a line break ends a run.
_SPACE = f"[ \t{SPACE_SEPARATORS}]"
_RUN_GAP = f"{_SPACE}+"
_CAPITALS_RUN = re.compile(rf"{_CAPITALS_WORD}(?:{_RUN_GAP}{_CAPITALS_WORD})+")
_WORD_GAP = re.compile(_RUN_GAP)
# Punctuation that may open or close a run of capitals that is a whole emphasis or heading
# (`**CALL NOW!**`, `## ¿QUÉ HACER?`).
_OPENING_MARKS = "¿¡\"'“‘„«("
_CLOSING_MARKS = "?!.:…\"'”’“»)"
# A run of capitals that is a whole heading: after `## ` and before the line's end. Those
# spaces may be Unicode's too: Python-Markdown strips them from the heading's text.
_HEADING_BEFORE = re.compile(rf"(?:^|\n)[ \t]{{0,3}}#{{1,6}}{_SPACE}+\Z")
_HEADING_AFTER = re.compile(rf"{_SPACE}*(?:#+{_SPACE}*)?(?:\r?\n|\Z)")
_HEADING_LOOKBACK = 12  # characters: a line break, 3 spaces, ###### and a space, and more
# A Spanish plural abbreviated by doubling its capitals: EE. UU. (Estados Unidos).
_DOUBLED_PAIR = re.compile(r"([A-Z])\1\.[ \t\u00a0]?([A-Z])\2\.")
_SHOUTED_WORDS = 3  # in a run, however it is set
# The little words that join the acronyms of a list of them (`FBI AND ICE`).
_JOINING_WORDS = frozenset({"AND", "OR", "NOR", "OF", "THE", "TO", "IN", "ON", "AT", "FOR", "BY"})
# Every capital A-Z becomes "A" in a page's text as ASCII bytes (same offsets): an acronym
# starts where "AA" is, found by a bytes pattern (`_CANDIDATE`). A byte table translates
# a page several times faster than a str one, and many times faster where it has a letter
# past ASCII.
_ASCII_CAPITALS = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"A" * 26)


def check(context: CheckContext) -> Iterator[Finding]:
    from ..documents import matcher

    term_matcher = matcher(context)
    one_word_forms = term_matcher.one_word_keys
    known = context.config.known_acronyms
    # A term file with problems is not in the matcher: its own forms are known in it.
    own_forms = {
        record.origin.path: known | set(record.forms)
        for record in context.handbook.rejected_records
        if record.forms
    }
    abbreviations = _abbreviations_shown(context.handbook, context.config.definition_lists)
    # "L'ONU" opens a French sentence; in English, "D'ARCY" is a name in capitals.
    capital_elisions = not is_english(context.config.language)
    for document in scan_handbook(context):
        if document.kind != "page" and not any(
            may_hold_an_acronym(text.view) for text in document.texts
        ):
            continue  # most term definitions: read for none, at a search of each
        known_here = own_forms.get(document.path, known)
        if document.kind == "page":
            # An abbreviation the page defines for the abbr extension (`*[HSI]: ...`)
            # is explained on it, in a tooltip, as a term would be.
            defined = abbreviations.get(document.path)
            known_here = known_here | defined if defined else known_here
        spans = partial(
            _unknown_spans,
            # A definition's hits leave out its own term's forms: look again with them.
            matcher=term_matcher if document.kind == "term" else None,
            one_word_forms=one_word_forms,
            known=known_here,
            capital_elisions=capital_elisions,
        )
        for line, column, word in document.located(spans):
            yield context.finding(
                RULE,
                document.path,
                line,
                column,
                f"'{word}' looks like an acronym that no term defines; add a term "
                "or list it in known_acronyms",
                found=word,
            )


def _abbreviations_shown(handbook: Handbook, definition_lists: bool = True) -> dict[str, set[str]]:
    """By page, what the abbr extension explains wherever its text is published: the
    abbreviations a page defines and those of the files it includes (pymdownx.snippets,
    `auto_append` too: Material's abbreviation glossary); for a file pages include,
    its own and those every page including it explains. Read with def_list or without
    (`definition_lists`): an abbreviation defined in code defines none."""
    own = {
        page.path: defined_abbreviations(page.origin.text, definition_lists=definition_lists)
        for page in handbook.checked_pages
    }
    # Files that mkdocs-include-markdown-plugin includes include snippets of their own.
    shown = {
        page.path: own[page.path].union(
            *(own.get(name, set()) for name in handbook.page_inclusions.get(page.path, ()))
        )
        for page in handbook.checked_pages
    }
    including: dict[str, list[set[str]]] = {}
    for page, names in handbook.page_inclusions.items():
        for name in names:
            including.setdefault(name, []).append(shown[page])
    for included in handbook.included_files:
        pages = including.get(included.path, [])
        every_page = set.intersection(*pages) if pages else set()
        shown[included.path] = shown[included.path] | every_page
    return shown


def _unknown_spans(
    text: CheckedText,
    hits: list[Hit],
    *,
    matcher: Matcher | None,
    one_word_forms: Set[str],
    known: Set[str],
    capital_elisions: bool,
) -> Iterator[tuple[int, int]]:
    if matcher is not None:
        hits = text_hits(matcher, text) if any(acronyms(text.view, capital_elisions)) else []
    invisible = has_invisible(text.view)
    if not invisible and GLUE not in text.view:
        return (
            found.span() for found in _unknown(text, hits, one_word_forms, known, capital_elisions)
        )
    # Markup or an invisible character inside a word ("**NG**Os", "XY&shy;ZW"): the
    # words are read as shown, and each is reported as the source writes it.
    words = _Glueless.of(text, _GLUE_OR_INVISIBLE_RUN if invisible else _GLUE_RUN)
    inside = [(words.inside(hit[0]), words.inside(hit[1])) for hit in hits]
    return (
        (words.outside(found.start()), words.outside(found.end() - 1) + 1)
        for found in _unknown(words, inside, one_word_forms, known, capital_elisions)
    )


class _Prose(Protocol):
    """What this rule reads of a text: its view, and the Markdown it was made of (offsets
    as in the view), or None where the text has no place in its file."""

    @property
    def view(self) -> str: ...

    @property
    def markdown(self) -> str | None: ...


# What a word is read through: markup's `GLUE`, and the invisible characters the matcher
# reads through too ("XY\u00adZW" written with a soft hyphen itself, not `&shy;`).
_GLUE_OR_INVISIBLE_RUN = re.compile(f"[{GLUE}{INVISIBLE_CHARACTERS}]+")
_GLUE_RUN = re.compile(f"{GLUE}+")


@dataclass(frozen=True, slots=True)
class _Glueless:
    """A text's view and Markdown without the `GLUE` that markup or an invisible character
    inside a word leaves in the view: the words as the reader sees them. Offsets map
    between the two views by the runs of `GLUE` taken out (few: memory stays small for a
    page of megabytes)."""

    view: str
    markdown: str | None
    run_starts: list[int]  # in the text's view
    run_ends: list[int]
    removed: list[int]  # GLUE taken out before each run: removed[i + 1] after it
    here: list[int]  # each run's place in this view

    @classmethod
    def of(cls, text: _Prose, taken_out: re.Pattern[str]) -> _Glueless:
        runs = [run.span() for run in taken_out.finditer(text.view)]
        removed = [0]
        for start, end in runs:
            removed.append(removed[-1] + end - start)
        markdown = text.markdown
        return cls(
            view=_cut(text.view, runs),
            markdown=None if markdown is None else _cut(markdown, runs),
            run_starts=[start for start, _ in runs],
            run_ends=[end for _, end in runs],
            removed=removed,
            here=[start - removed[index] for index, (start, _) in enumerate(runs)],
        )

    def inside(self, offset: int) -> int:
        """This view's offset of the text's view `offset` (a run's start for one in it)."""
        index = bisect.bisect_right(self.run_starts, offset) - 1
        if index < 0:
            return offset
        in_run = min(offset, self.run_ends[index]) - self.run_starts[index]
        return offset - self.removed[index] - in_run

    def outside(self, offset: int) -> int:
        """The text's view offset of this view's character at `offset`."""
        return offset + self.removed[bisect.bisect_right(self.here, offset)]


def _cut(text: str, runs: list[tuple[int, int]]) -> str:
    """`text` without the spans `runs`."""
    pieces: list[str] = []
    previous = 0
    for start, end in runs:
        pieces.append(text[previous:start])
        previous = end
    pieces.append(text[previous:])
    return "".join(pieces)


def _unknown(
    text: _Prose,
    hits: list[Hit] | list[tuple[int, int]],
    one_word_forms: Set[str],
    known: Set[str],
    capital_elisions: bool,
) -> Iterator[re.Match[str]]:
    starts: list[int] | None = None
    not_acronyms = _NotAcronyms(
        text, lambda word: word in known or fold_case(word) in one_word_forms
    )
    for found in acronyms(text.view, capital_elisions):
        word = found.group(1)
        if (
            word in known
            or found.group() in known
            or found.group().lower() in one_word_forms
            or _is_roman_numeral(text.view, found.start(), word)
            or _in_doubled_pair(text.view, found)
        ):
            continue
        if hits:
            # Hits are in text order and never overlap: the one starting last at or
            # before the word is the only one that may hold it.
            starts = starts or [hit[0] for hit in hits]
            index = bisect.bisect_right(starts, found.start()) - 1
            if index >= 0 and hits[index][1] >= found.end():
                continue
        if not_acronyms.hold(found):
            continue
        yield found


def _in_doubled_pair(view: str, found: re.Match[str]) -> bool:
    """Whether `found` is either half of a Spanish plural's doubled capitals (`EE. UU.`)."""
    start, word = found.start(), found.group()
    if len(word) != 2 or word[0] != word[1] or view[start + 2 : start + 3] != ".":
        return False
    return any(
        (pair := _DOUBLED_PAIR.match(view, first)) is not None
        and start in (pair.start(), pair.start(2))
        for first in (start, start - 3, start - 4)
        if first >= 0
    )


def _is_roman_numeral(view: str, start: int, word: str) -> bool:
    """Whether `word`, at `start` in `view`, is a Roman numeral rather than an acronym
    (see the module's docstring)."""
    if _ROMAN.fullmatch(word) is None:
        return False
    if len(word) >= _LONG_NUMERAL or not word.strip("IVX"):
        return True
    return _NUMBERING_WORD.search(view, max(start - 24, 0), start) is not None


class _NotAcronyms:
    """Tells the capitals of an identifier and those of words in capitals for emphasis
    (see the module's docstring) in one text. Each is looked for once, when a word might
    be one: read in order, every character is read a bounded number of times."""

    def __init__(self, text: _Prose, is_known: Callable[[str], bool]) -> None:
        self.text = text
        self.is_known = is_known  # whether a word in capitals is a known acronym or form
        self.chain = (0, 0, False)  # the last chain of joined parts: start, end, identifier
        # The starts, ends and whether they are emphasis of the runs of capitals.
        self.runs: tuple[list[int], list[int], list[bool]] | None = None

    def hold(self, found: re.Match[str]) -> bool:
        return self._in_identifier(found) or self._shouted(found)

    def _in_identifier(self, found: re.Match[str]) -> bool:
        view, start, end = self.text.view, found.start(), found.end()
        if view[start - 1 : start] not in _JOINERS and view[end : end + 1] not in _JOINERS:
            return False
        if not self.chain[0] <= start < self.chain[1]:
            first = start
            # Back to the chain's first part: over letters and digits, and over a joiner
            # with one of those before it.
            while first > 0 and (
                view[first - 1] in _LETTERS_AND_DIGITS
                or (
                    view[first - 1] in _JOINERS
                    and view[first - 2 : first - 1] in _LETTERS_AND_DIGITS
                )
            ):
                first -= 1
            chain = _JOINED.match(view, first)
            if chain is None:
                return False
            marked = _IDENTIFIER_MARK.search(chain.group()) is not None
            self.chain = (chain.start(), chain.end(), marked)
        return self.chain[2] and end <= self.chain[1]

    def _shouted(self, found: re.Match[str]) -> bool:
        """Whether `found` is a word of a run of capitals for emphasis, or a little word
        joining the acronyms of a list of them (`FBI AND ICE`)."""
        if self.runs is None:
            self.runs = ([], [], [])
            for run in _CAPITALS_RUN.finditer(self.text.view):
                self.runs[0].append(run.start())
                self.runs[1].append(run.end())
                self.runs[2].append(self._shouting(run))
        starts, ends, shouting = self.runs
        index = bisect.bisect_right(starts, found.start()) - 1
        if index < 0 or found.end() > ends[index]:
            return False
        return shouting[index] or found.group(1) in _JOINING_WORDS

    def _shouting(self, run: re.Match[str]) -> bool:
        """Whether `run`, of two or more words in capitals, is words for emphasis: three
        or more, or two that make a whole emphasis or a whole heading; not where more
        than half of them are known, a list of acronyms (`FBI ICE HSI`). The little
        words joining a list count for neither (`FBI AND HSI` is two acronyms)."""
        words = [word for word in _WORD_GAP.split(run.group()) if word not in _JOINING_WORDS]
        if 2 * sum(map(self.is_known, words)) > len(words):
            return False
        if len(words) >= _SHOUTED_WORDS:
            return True
        markdown = self.text.markdown
        if markdown is None:
            return False
        start, end = run.span()
        while start > 0 and markdown[start - 1] in _OPENING_MARKS:
            start -= 1
        while end < len(markdown) and markdown[end] in _CLOSING_MARKS:
            end += 1
        # A whole emphasis opens and closes with the same mark: Python-Markdown shows
        # `*CALL NOW_` as it is, as it does `**\u00a0CALL NOW**` (a space inside).
        mark = markdown[start - 1 : start]
        if mark in ("*", "_") and markdown[end : end + 1] == mark:
            return True
        before = markdown[max(start - _HEADING_LOOKBACK, 0) : start]
        return (
            _HEADING_BEFORE.search(before) is not None
            and (start <= _HEADING_LOOKBACK or "\n" in before)
            and _HEADING_AFTER.match(markdown, end) is not None
        )


def can_be_known(entry: str) -> bool:
    """Whether `entry` of known_acronyms can cover a word this rule reports: one it reads
    as an acronym, its plural too (`FBI`, `NGOs`)."""
    return _ACRONYM.fullmatch(entry) is not None


def may_hold_an_acronym(view: str) -> bool:
    """Whether `acronyms` may find one in `view`, or in the words it is read as
    (`_Glueless`): where two capitals A-Z stand side by side, or markup's `GLUE` or an
    invisible character may join two ("**N**GO", "N\u00adGO")."""
    return b"AA" in _capitals(view) or GLUE in view or has_invisible(view)


def _capitals(view: str) -> bytes:
    """`view` as ASCII bytes, each capital A-Z an "A" and each character past ASCII a
    `?` (no capital), offsets kept: where two capitals stand side by side is found in C."""
    return view.encode("ascii", "replace").translate(_ASCII_CAPITALS)


# Where `acronyms` tries its patterns, in `_capitals`: two to six capitals that no ASCII
# letter, digit or `_` stands against, a plural `s` after them maybe; the str patterns
# decide (a character past ASCII, a `?` here, may be a letter). Inside a longer run of
# capitals no acronym starts: each of them has a capital, a letter, before it. A pair
# ("AA") first: a literal the engine skips to at C speed, where a pattern that starts
# with a class or a lookbehind tries every character of a page; the pairs found in a
# word that ends in a digit (`TQ119`, `H2A`) are passed over here, not one by one.
_CANDIDATE = re.compile(rb"AA(?<![A-Za-z0-9_]AA)A{0,4}s?(?![A-Za-z0-9_])")


def acronyms(view: str, capital_elisions: bool = False) -> Iterator[re.Match[str]]:
    """What `_ACRONYM.finditer(view)` gives, and an acronym after an elided word and its
    apostrophe: one in small letters ("l'ONU", "qu’OIT"), and with `capital_elisions`
    (a site not in English) one in capitals too ("L'ONU"; in English, "D'ARCY" is a
    name). The patterns are tried only where two to six capitals may make a word
    (`_CANDIDATE`, searched in C over `_capitals`: a str pattern that starts with a class
    of characters scans prose ~3 times slower), less the words a combining mark
    touches: "E" and an acute accent before "TAT" normalise to "ÉTAT" (DESIGN section 4),
    a word with a capital that is no A-Z, as when it is written with "É" itself."""
    # No combining mark past ASCII, most pages (curly apostrophes, accented letters
    # composed): none to look for around each acronym (spd66).
    markless = not any(map(is_mark, set(beyond_ascii(view))))
    for candidate in _CANDIDATE.finditer(_capitals(view)):
        start = candidate.start()
        found = _ACRONYM.match(view, start)
        if found is None and _beside_unspaced(view, start, candidate.end()):
            found = _ACRONYM_AMONG_UNSPACED.match(view, start)
            if found is None:
                found = _before_particle(view, start)
        if (
            found is None
            and after_elision(view, start)
            and (capital_elisions or view[start - 2].islower())
        ):
            found = _ACRONYM_AFTER_ELISION.match(view, start)
        if found and (markless or not _touches_a_mark(view, found)):
            yield found


def _before_particle(view: str, start: int) -> re.Match[str] | None:
    """The acronym at `start` if a Korean particle is glued to it (`hangul_words`)."""
    found = _ACRONYM_BEFORE_HANGUL.match(view, start)
    return found if found and particle_at(view, found.end()) else None


def _beside_unspaced(view: str, start: int, end: int) -> bool:
    """Whether the character before `start` or the one at `end` may be Han or kana: one
    comparison each, none is below `UNSPACED_FROM`."""
    return view[start - 1 : start] >= UNSPACED_FROM or view[end : end + 1] >= UNSPACED_FROM


def _touches_a_mark(view: str, found: re.Match[str]) -> bool:
    """Whether a combining mark is just before the word or just after its capitals, its
    plural `s` or its possessive (the pattern's lookarounds take a mark for no letter)."""
    start, end = found.start(), found.end()
    possessive = _POSSESSIVE.match(view, end)
    after = possessive.end() if possessive else end
    return any(map(is_mark, view[start - 1 : start] + view[found.end(1) : after + 1]))
