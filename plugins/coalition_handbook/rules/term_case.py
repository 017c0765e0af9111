"""term.case: a case-sensitive form written with another case.

A form written in capitals in a sentence all in capitals is the sentence's case, not a
form written wrong: a heading (`## WHAT A T VISA PROTECTS`), a table's header cell
(`T VISA HOLDERS`), a warning or a poster's words (`**A T VISA HOLDER MAY CALL US.**`).
Its sentence is the text around it up to the end of a sentence (`.`, `!` or `?` before a
space) or of a block of the page (a heading, a table's cell, a paragraph, an item of a
list): a line break ends none, as a paragraph's lines are wrapped where the editor
chose, nor does a code span, whose small letters count. It must hold another word in
capitals, and no letter but capitals (none of a script with no case, as Chinese): an
acronym of `known_acronyms` or another term's form is in capitals in any sentence and
counts as no such word (`FBI, ICE: T VISA`). A form in capitals alone (`## T VISA`) or
among words in small letters (`Apply for a T VISA now`, `ask USCIS about T VISA rules`)
is reported, and so is one written in another case than capitals (`T Visa`) wherever it
is. A form written in capitals only matches in capitals (DESIGN section 4), so none of
its uses is ever in another case.
"""

from __future__ import annotations

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
# brackets between). The text read either side of a form is at most `_READ` characters:
# a longer sentence all in capitals is one too.
_BEFORE = LazyPattern(r"\x00|\n[ \t]*\n|[.!?\u2026][\"'\u201d\u2019\u00bb)\]]*(?=\s)")
_AFTER = LazyPattern(r"\x00|\n[ \t]*\n|[.!?\u2026][\"'\u201d\u2019\u00bb)\]]*(?=\s|\Z)")
_READ = 400


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
    shown: dict[int, str] = {}
    return {
        (line, column)
        for text, hit, line, column, _ in document.placed(_in_another_case)
        if in_capitals_sentence(
            shown.setdefault(id(text), _with_code(text)),
            hit[0],
            hit[1],
            [(other[0], other[1]) for other in hits_of[id(text)] if other is not hit],
            acronyms,
        )
    }


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


def _in_another_case(hit: Hit) -> bool:
    """Whether a hit is an accepted form in another case: a form to avoid, or of a
    deprecated term, is reported as such whatever its case."""
    return hit[2].kind == "accepted" and not hit[3]


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
    capitals with another word in it (see the module's docstring). The other terms'
    forms found in `view` (`forms`, their spans) and the `acronyms` are in capitals
    whatever the sentence's case: they are no such word."""
    if not _capitals(view[start:end]):
        return False
    low = max(start - _READ, 0)
    ends = [found.end() for found in _BEFORE.finditer(view, low, start)]
    low = ends[-1] if ends else low
    stop = _AFTER.search(view[end : end + _READ])
    high = end + (stop.start() if stop else len(view[end : end + _READ]))
    around = view[low:start] + view[end:high]
    # Every letter a capital: a small one, or one of a script with no case (CJK), is not.
    if any(character.isalpha() and not character.isupper() for character in around):
        return False
    masked = list(view[low:high])
    for form_start, form_end in [(start, end), *forms]:
        for index in range(max(form_start, low), min(form_end, high)):
            masked[index - low] = " "
    return any(word not in acronyms for word in _WORD.findall("".join(masked)))
