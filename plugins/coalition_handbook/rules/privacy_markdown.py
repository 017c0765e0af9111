"""Markdown as privacy.pii reads it (`privacy_pii`): through what splits what a reader
reads whole (`markdown_read`): a backslash before punctuation, the tag of an inline
element that carries no link or text, emphasis marks against a digit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..lazy_pattern import LazyPattern
from ..markup import INLINE_ELEMENTS, readable_text
from ..source_map import UNCHANGED, PositionMap, rewritten

# Markdown's own markup that splits what a reader reads whole (audit: Word documents and
# old web pages converted by pandoc, mammoth or markdownify): a backslash before ASCII
# punctuation (`402\\-555\\-0124` is shown `402-555-0124`; `jane\\@example.org` is shown
# with its backslash, but read through by anyone, as `jane [at] gmail` is), the tag of an
# inline element that carries no link or text (`402-<span>555</span>-0128`, on one line),
# and emphasis marks against a digit (`**402**-555-0160`; an asterisk that opens or closes
# no emphasis is shown as typed: `_emphasis_runs`). A backtick and a `~` escaped
# are kept: one taken out could open a fence in what is read, which parts its lines. A
# tag may run over lines (`pandoc -t gfm` wraps it between attributes), not past a blank
# line, which ends the paragraph; its line breaks are kept, so that lines stay lines.
_MARKDOWN_SPLITS = LazyPattern(
    r"\\[!-/:-@\[-_{-}]|<(?P<tag>/?[A-Za-z][\w:-]*+)(?:\s[^<>]*+)?>|(?P<marks>\*++)"
)
_BLANK_LINE = LazyPattern(r"\n[ \t]*+\r?\n")


def markdown_read(text: str) -> tuple[str, PositionMap]:
    """`text`, a page or a term's or protocol's Markdown, with what `_MARKDOWN_SPLITS`
    finds taken out, and where each place of it is in `text`."""
    if "\\" not in text and "<" not in text and "*" not in text:
        return text, UNCHANGED
    return rewritten(text, _splits(text))


def _splits(text: str) -> Iterator[tuple[int, int, str]]:
    emphasis: set[int] | None = None  # found once, if a run of `*` stands by a digit
    for found in _MARKDOWN_SPLITS.finditer(text):
        start, end = found.span()
        if found.group("marks") is not None:
            digit = _digit_at(text, start - 1) or _digit_at(text, end)
            if digit and not _between_letters(text, start, end):
                emphasis = _emphasis_runs(text) if emphasis is None else emphasis
                if start in emphasis:
                    yield start, end, ""
        elif found.group("tag") is not None:
            name = found.group("tag").lstrip("/").lower()
            tag = found.group()  # with no attribute's value, no text: read at once
            if name not in _JOINED_ELEMENTS or _between_letters(text, start, end):
                continue
            if "=" in tag and not readable_text(tag).isspace():
                continue
            if "\n" not in tag:
                yield start, end, ""
            elif _BLANK_LINE.search(tag) is None:
                for line in re.finditer(r"[^\r\n]++", tag):
                    yield start + line.start(), start + line.end(), ""
        else:  # an escape: its backslash
            yield start, start + 1, ""


# What `_emphasis_runs` steps through: an escape (`\\*` is no mark), a blank line (which
# ends a paragraph, and the emphasis open in it), a run of `*`.
_STAR_RUNS = LazyPattern(r"\\[!-/:-@\[-_{-}]|(?P<blank>\n[ \t]*+\r?\n)|(?P<run>\*++)")


def _emphasis_runs(text: str) -> set[int]:
    """Where the runs of `*` in `text` that open or close emphasis start, as CommonMark
    pairs them (simplified): a run that can close (not after a space) closes the last one
    open in its paragraph that could open (not before a space). One that closes nothing
    is shown as typed: a footnote's or a significance mark (`555*-1234`, `0128***`), no
    markup to read through (review rv45c). One pass, linear."""
    paired: set[int] = set()
    opened: list[int] = []
    for found in _STAR_RUNS.finditer(text):
        if found.group("blank") is not None:
            opened.clear()
        elif found.group("run") is not None:
            start, end = found.span()
            before = text[start - 1] if start > 0 else " "
            after = text[end] if end < len(text) else " "
            if _flanking(before, after) and opened:
                paired.update((opened.pop(), start))
            elif _flanking(after, before):
                opened.append(start)
    return paired


def _flanking(inside: str, outside: str) -> bool:
    """Whether a run of `*` with `inside` on the side of its text and `outside` on the
    other can open or close emphasis (CommonMark's flanking: text against it, and a
    punctuation mark there only with a space or a punctuation mark outside)."""
    if inside.isspace():
        return False
    return inside.isalnum() or not outside.isalnum()


def _digit_at(text: str, position: int) -> bool:
    return 0 <= position < len(text) and text[position].isdigit()


# The inline elements whose text a reader reads on from the text around it: not a
# superscript or a subscript, shown raised or lowered (a footnote's mark after a number,
# `402-555-0123<sup>1</sup>`, is no digit of it).
_JOINED_ELEMENTS = INLINE_ELEMENTS - {"sup", "sub"}
# The tags and emphasis marks that follow a place, a few at most (`</b></i>`).
_MARKUP_AFTER = LazyPattern(r"(?:<[^<>]*+>|\*++){0,8}")


def _between_letters(text: str, start: int, end: int) -> bool:
    """Whether the tag or marks at `text[start:end]` stand between two letters or digits
    (past the markup after them): a number's or a word's end and the next one's start
    (`**402-555-0128**1`, `0125</span>a`), which reading them joined would make one."""
    after = _MARKUP_AFTER.match(text, end).end()
    return start > 0 and text[start - 1].isalnum() and after < len(text) and text[after].isalnum()
