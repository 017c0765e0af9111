"""term.case: a case-sensitive form written with another case.

A form written in capitals in a sentence all in capitals is the sentence's case, not a
form written wrong: a heading (`## WHAT A T VISA PROTECTS`), a table's header cell
(`T VISA HOLDERS`), a warning or a poster's words (`**A T VISA HOLDER MAY CALL US.**`).
Its sentence is the text around it up to the end of a sentence (`.`, `!` or `?` before a
space) or of a block of the page (a heading, a table's cell, a paragraph, an item of a
list): a line break ends none, as a paragraph's lines are wrapped where the editor
chose, nor does a code span, whose small letters count; it is read whole, however long.
It must hold another word in capitals, and no letter but capitals (none of a script with
no case, as Chinese): an acronym of `known_acronyms` or a form the glossary writes in
capitals (`USCIS`) is in capitals in any sentence and counts as no such word (`FBI, ICE:
T VISA`), nor does a form's number (`## T VISA (I-914)`: `_in_a_code`), nor another
case-sensitive term's form in capitals (`## T VISA, U VISA` is two findings); a
case-insensitive term's word (`HOTLINE` of `hotline`) takes its sentence's case as any
word does, and counts as one (`## T VISA HOTLINE`, `## T VISA AND U VISA`: no finding).
A form in capitals alone (`## T VISA`) or among words in small letters (`Apply for a T
VISA now`, `ask USCIS about T VISA rules`) is reported, and so is one written in another
case than capitals (`T Visa`) wherever it is. A form written in capitals only matches in
capitals (DESIGN section 4), so none of its uses is ever in another case.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Iterator

from ..documents import CheckedText, ScannedDocument, flagged_uses, scan_handbook
from ..findings import Finding, as_quoted
from ..lazy_pattern import LazyPattern
from ..matching import Hit
from .base import CheckContext

RULE = "term.case"

# What ends a form's sentence: the end of a block of the page (the view has NUL between
# blocks and table cells), a blank line (between a YAML value's paragraphs), or a full
# stop, an exclamation or a question mark with a space after it (closing quotes and
# brackets between). Each text's ends of sentences are found once, and each sentence
# with a form in it read once: a sentence was read 400 characters either side of each
# form, so a longer one in capitals was one all in capitals (`lower A A ... T VISA`).
_BEFORE = LazyPattern(r"\x00|\n[ \t]*\n|[.!?\u2026][\"'\u201d\u2019\u00bb)\]]*(?=\s)")
_AFTER = LazyPattern(r"\x00|\n[ \t]*\n|[.!?\u2026][\"'\u201d\u2019\u00bb)\]]*(?=\s|\Z)")


def check(context: CheckContext) -> Iterator[Finding]:
    uses = [
        use for use in flagged_uses(context) if use.entry.kind == "accepted" and not use.case_ok
    ]
    typographic = _in_capitals_sentences(
        context, {use.path for use in uses if _capitals(use.found)}
    )
    for use in uses:
        if (use.path, use.line, use.column) in typographic:
            continue
        entry = use.entry
        yield context.finding(
            RULE,
            use.path,
            use.line,
            use.column,
            f"'{as_quoted(use.found)}' should be written '{entry.written}' "
            "(the term is case-sensitive)",
            found=use.found,
            suggestion=entry.written,
            term=entry.term_id,
        )


def _capitals(text: str) -> bool:
    return not any(character.islower() for character in text)


def _in_capitals_sentences(context: CheckContext, paths: set[str]) -> set[tuple[str, int, int]]:
    """(path, line, column) of the uses in another case, in the files `paths`, that are in
    capitals in a sentence all in capitals. Only those files are read again, to the view
    around the use: most uses in another case have a small letter (`t visa`)."""
    found: set[tuple[str, int, int]] = set()
    if not paths:
        return found
    acronyms = context.config.known_acronyms
    for document in scan_handbook(context):
        if document.path in paths:
            found.update(
                (document.path, *place) for place in in_capitals_places(document, acronyms)
            )
    return found


def in_capitals_places(
    document: ScannedDocument, acronyms: Collection[str] = frozenset()
) -> set[tuple[int, int]]:
    """(line, column) of the document's accepted forms in another case that are in
    capitals in a sentence all in capitals: no `term.case` finding. `acronyms`, the
    `known_acronyms` setting. `handbook diff` lists a use in another case by the same test
    (editor/usage.py)."""
    hits_of = {id(text): hits for text, hits in zip(document.texts, document.hits, strict=True)}
    sentences: dict[int, _Sentences] = {}
    places = set()
    for text, hit, line, column, _ in document.placed(_in_another_case):
        if not _capitals(text.view[hit[0] : hit[1]]):
            continue  # `t visa`: no text's sentences read for it
        read = sentences.get(id(text))
        if read is None:
            always = [(other[0], other[1]) for other in hits_of[id(text)] if _tells_no_case(other)]
            read = sentences[id(text)] = _Sentences(_with_code(text), always, acronyms)
        if read.in_capitals(hit[0], hit[1]):
            places.add((line, column))
    return places


def _tells_no_case(hit: Hit) -> bool:
    """Whether a hit is of a case-sensitive term's form, which tells nothing of its
    sentence's case: one the glossary writes in capitals (`USCIS`) only matches in
    capitals, and one in capitals it writes otherwise (`U VISA` of `U visa`) is the very
    case in question (`## T VISA, U VISA` is two findings, as `## T VISA` is one; review:
    counted as words, `T VISA, U VISA.` in a paragraph was none). A case-insensitive
    term's word (`HOTLINE`) takes its sentence's case as any word does."""
    return hit[2].case_rule != "any"


# A code span on one line of a page: its backticks, then its text.
_CODE_SPAN = LazyPattern(r"(?<!`)(`+)(?!`)([^\n]*?[^`\n])\1(?!`)")


def _with_code(text: CheckedText) -> str:
    """`text`'s view with the text of each code span the view left out (its NULs) put
    back: a code span ends no sentence, and its small letters are the sentence's
    (``Read `t-visa.md` FOR THE T VISA.``: review rv48b). Pages only, whose view offsets
    are their source's; a YAML value's view is read as it is."""
    view, source = text.view, text.source
    if text.offsets is not None or "`" not in source:
        return view
    parts: list[str] = []
    last = 0
    for span in _CODE_SPAN.finditer(source):
        start, end = span.span()
        if view[start:end].strip("\x00"):  # not a code span the view left out
            continue
        ticks = len(span.group(1))
        parts += [view[last:start], " " * ticks, span.group(2), " " * ticks]
        last = end
    return "".join([*parts, view[last:]]) if parts else view


def _in_another_case(hits: list[Hit]) -> list[Hit]:
    """The hits of accepted forms in another case: a form to avoid, or of a deprecated
    term, is reported as such whatever its case."""
    return [hit for hit in hits if not hit[3] and hit[2].kind == "accepted"]


# A word: letters, digits and underscores left out.
_WORD = LazyPattern(r"[^\W\d_]+")


def in_capitals_sentence(
    view: str,
    start: int,
    end: int,
    forms: Iterable[tuple[int, int]] = (),
    acronyms: Collection[str] = frozenset(),
) -> bool:
    """Whether `view[start:end]`, a form's use, is in capitals in a sentence all in
    capitals with another word in it (see the module's docstring). The forms found in
    `view` that tell nothing of the sentence's case (`forms`, their spans: case-sensitive
    terms' forms) and the `acronyms` are no such word."""
    return _Sentences(view, forms, acronyms).in_capitals(start, end)


class _Sentences:
    """A text's sentences (`view`), each read once however many forms it holds: the
    letters in it that are no capitals, and its words, less `always` (the spans of forms
    that tell nothing of its case) and `acronyms`. Linear in the text: each form looks
    its sentence's ends, letters and words up by bisection."""

    def __init__(
        self, view: str, always: Iterable[tuple[int, int]], acronyms: Collection[str]
    ) -> None:
        self.view = view
        self.acronyms = acronyms
        self.starts = [found.end() for found in _BEFORE.finditer(view)]
        self.ends = [found.start() for found in _AFTER.finditer(view)]
        parts, last = [], 0
        for form_start, form_end in sorted(always):
            form_start = max(form_start, last)
            parts += [view[last:form_start], " " * max(form_end - form_start, 0)]
            last = max(form_end, last)
        self.masked = "".join([*parts, view[last:]])
        self.read: dict[
            tuple[int, int], tuple[list[int], list[tuple[int, int]], list[tuple[int, int]]]
        ] = {}

    def in_capitals(self, start: int, end: int) -> bool:
        view = self.view
        if not _capitals(view[start:end]):
            return False
        low = self.starts[index - 1] if (index := bisect_right(self.starts, start)) else 0
        found = bisect_left(self.ends, end)
        high = self.ends[found] if found < len(self.ends) else len(view)
        others, spans, words = self._sentence(low, high)
        # Every letter a capital: a small one, or one of a script with no case (CJK), is not.
        if others and (others[0] < start or others[-1] >= end):
            return False
        if words and (words[0][1] <= start or words[-1][0] >= end):
            return True  # a word that no acronym is, before or after the form
        # What the form leaves of a word it overlaps is a word (`masked` as the form's
        # span blanked would read it), the words inside it none.
        text = self.masked
        first = max(bisect_right(spans, (start,)) - 1, 0)
        for word_start, word_end in spans[first:]:
            if word_start >= end:
                break
            if word_end <= start:
                continue
            for left in (text[word_start:start], text[end:word_end]):
                if left and left not in self.acronyms:
                    return True
        return False

    def _sentence(
        self, low: int, high: int
    ) -> tuple[list[int], list[tuple[int, int]], list[tuple[int, int]]]:
        """The sentence `view[low:high]`'s letters that are no capitals (where), its words
        and those of them that no acronym is (their spans), read once."""
        read = self.read.get((low, high))
        if read is None:
            view, masked = self.view, self.masked
            others = [
                found.start()
                for found in _NOT_ASCII_CAPITAL.finditer(view, low, high)
                if found[0].isalpha() and not found[0].isupper()
            ]
            spans = [found.span() for found in _WORD.finditer(masked, low, high)]
            words = [
                span
                for span in spans
                if masked[span[0] : span[1]] not in self.acronyms and not _in_a_code(masked, *span)
            ]
            read = self.read[(low, high)] = (others, spans, words)
        return read


def _in_a_code(text: str, start: int, end: int) -> bool:
    """Whether the word `text[start:end]` is part of a code of letters and digits, a form's
    number (`I-914`, `I914`, `G-28`, `H-2A`, `COVID-19`, `1099-NEC`), which is written in
    capitals in any sentence and tells nothing of its case (session 54: `## T VISA
    (I-914)` was no finding where `## T VISA 2026` is one): a digit against it, or a
    hyphen and a digit. An ordinal's letters (`2ND`, `3rd`) are a word of their own."""
    after = text[end : end + 2]
    if after[:1].isdigit() or (after[:1] == "-" and after[1:].isdigit()):
        return True
    before = text[max(start - 2, 0) : start]
    if before[-1:].isdigit():
        return text[start:end].lower() not in _ORDINAL_ENDINGS
    return before[-1:] == "-" and before[:1].isdigit()


_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})


# A letter that is no ASCII capital: the letters looked at for a small one (or one of
# no case).
_NOT_ASCII_CAPITAL = LazyPattern(r"[^\W\d_A-Z]")
