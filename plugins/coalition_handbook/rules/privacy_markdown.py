"""Markdown as privacy.pii reads it (`privacy_pii`): through what splits what a reader
reads whole (`markdown_readings`): a backslash before punctuation, the tag of an inline
element (Python-Markdown's: `HTML_TAG`, a quoted `>` inside it), emphasis by a digit or an
`@`; once as before, markup between two letters or digits kept apart, and again joined,
where that differs by a digit (`402-555-01<ins>28</ins>`): what either finds is reported
(`also_found`). Markup between two letters of an e-mail address is read through in both
(`<b>jane</b>doe@example.org`, `jane@exa<b>mple</b>.org`: `_in_an_address`). A page with
an HTML comment by a character not a space is read a third time, without its comments
(`jo<!-- x -->@gmail.com`: `_comments_read_through`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate
from typing import Protocol, TypeVar

from ..lazy_pattern import LazyPattern
from ..markdown.inline_openers import HTML_TAG
from ..markup import INLINE_ELEMENTS, readable_text
from ..source_map import UNCHANGED, PositionMap, SourceMap, chained, rewritten

# Markdown's own markup that splits what a reader reads whole (audit: Word documents and
# old web pages converted by pandoc, mammoth or markdownify): a backslash before ASCII
# punctuation (`402\\-555\\-0124` is shown `402-555-0124`; `jane\\@example.org` is shown
# with its backslash, but read through by anyone, as `jane [at] gmail` is), the tag of an
# inline element (`402-<span>555</span>-0128`; one with an attribute's value only in the
# second reading, `markdown_readings`: the page's source publishes a `data-*`), as
# Python-Markdown reads a tag (`HTML_TAG`, the inline pass's: a quoted value may hold a
# `>`, `<span data-x="a>b">`), and both marks of an emphasis, `*` or `_`, one of which
# stands by a digit or an `@` (`**402**-555-0160`, `**jane**@example.org`,
# `ann@**example**.org`; a mark that opens or closes no emphasis is shown as typed:
# `_emphasis_runs`). A backtick and a `~` escaped are kept: one taken out could open a
# fence in what is read, which parts its lines. A tag may run over lines (`pandoc -t gfm`
# wraps it between attributes), not past a blank line: each paragraph is read alone; its
# line breaks are kept, so that lines stay lines.
# Each alternative starts with a character of its own (`_splits` tells them by it), for
# the engine to skip to the next `\\`, `<`, `*` or `_` at C speed (a group or a repeat
# first, it tried the pattern at each character: a quarter of privacy.pii on the
# example's pages).
_MARKDOWN_SPLITS = LazyPattern(rf"\\[!-/:-@\[-_{{-}}]|{HTML_TAG}|\*\**+|__*+")
# The same but its emphasis marks, none of which is read through where no emphasis is: a
# page's bold words are many. It finds what that finds but marks (each of which starts
# with a character of its own, and holds none with which another starts).
_TAGS_AND_ESCAPES = LazyPattern(rf"\\[!-/:-@\[-_{{-}}]|{HTML_TAG}")
# Where a paragraph ends: no tag, no emphasis runs past it.
_BLANK_LINE = LazyPattern(r"\n[ \t]*+\r?\n")
# A run of emphasis marks by a digit or an `@`, or an asterisk in a mailbox or a domain
# (`**ann**doe@`, `@exa**mple**.org`): where the pairing is worth finding.
# Written as `[*_][\d@]|[\d@][*_]|\*[\w.+'-]*+[@&]|[@;][\w.-]*+\*`, each alternative then
# told by a look behind at its first character (the second's at its mark), so that the
# engine skips to a mark, an `@` or a `;` at C speed (a class first in each alternative, it
# tried the pattern at each character: a fifth of privacy.pii on the example's pages).
# Whether it is found is all that is asked.
# The mark of no house number too, which emphasis holds as it holds a number (`Calle Luna
# **s/n**`: pii65, it passed).
_MARKS_BY_DATA = LazyPattern(
    r"[*_@;](?:(?<=[*_])[\d@]|(?<=[\d@][*_])|(?<=\*)[\w.+'-]*+[@&]|(?<=[@;])[\w.-]*+\*"
    r"|(?<=[*_])[sS]/[nN]|(?<=[sS]/[nN][*_]))"
)

Reading = tuple[str, PositionMap]


def markdown_readings(text: str) -> list[Reading]:
    """`text`, a page or a term's or protocol's Markdown, read through what splits what
    the site shows whole (`_MARKDOWN_SPLITS`), and where each place of each reading is in
    `text`: one reading, and a second where the first kept markup apart by a digit (a tag
    or emphasis between two letters or digits, a tag with an attribute's value, read in
    the first: `<span data-phone="402-555-0199">`, task priv8), which
    reads all of it through, as the site shows the text (`402-555-01<ins>28</ins>`,
    `402-<span title="x">555</span>-0131`). What either finds is reported (`also_found`):
    a number's bold end before a digit (`**402-555-0128**1`) keeps it whole in the first."""
    if "\\" not in text and "<" not in text and "*" not in text and "_" not in text:
        return [(text, UNCHANGED)]
    addresses = "@" in text or "&#" in text or "&commat;" in text
    emphasis = _read_through_runs(text, addresses) if _MARKS_BY_DATA.search(text) else frozenset()
    kept: list[bool] = []
    readings = [rewritten(text, _splits(text, emphasis, kept, addresses))]
    if kept:
        readings.append(rewritten(text, _splits(text, emphasis, None, addresses)))
    if "<!--" in text:
        readings += _comments_read_through(text, addresses)
    return readings


def without_comments_by_text(text: str) -> tuple[str, SourceMap]:
    """`text` without its HTML comments that stand by a character not a space, and where
    each place of it is in `text` (`UNCHANGED` if it has none): found with `str.find`
    (a `<!--` never closed is read once), each ending at its first `-->` after `<!-`."""
    spans: list[tuple[int, int, str]] = []
    start = text.find("<!--")
    while start != -1:
        close = text.find("-->", start + 2)
        if close == -1:
            break
        end = close + 3
        before, after = text[start - 1] if start else "\n", text[end : end + 1] or "\n"
        if not (before.isspace() and after.isspace()):
            spans.append((start, end, ""))
        start = text.find("<!--", end)
    return rewritten(text, spans)


def _comments_read_through(text: str, addresses: bool) -> list[Reading]:
    """A reading of `text` with its HTML comments that stand by a character not a space
    taken out and all else read through (as the second reading of `markdown_readings`),
    if it has one: a comment inside an address or a number is shown as nothing
    (`jo<!-- x -->@gmail.com`, `402-555-<!-- x -->0199`, task priv9), and its own text,
    published in the page's source, is read in the first reading. Comments are found
    with `str.find` (a `<!--` never closed is read once), ending as a browser ends them
    at their first `-->` (`<!-->` and `<!--->` at once)."""
    joined, to_text = without_comments_by_text(text)
    if to_text is UNCHANGED:
        return []
    emphasis = (
        _read_through_runs(joined, addresses) if _MARKS_BY_DATA.search(joined) else frozenset()
    )
    read, to_joined = rewritten(joined, _splits(joined, emphasis, None, addresses))
    return [(read, chained(to_text, to_joined))]


def _splits(
    text: str, emphasis: frozenset[int], kept: list[bool] | None, addresses: bool
) -> Iterator[tuple[int, int, str]]:
    """The spans `rewritten` reads out of `text`: those of `_MARKDOWN_SPLITS` to read
    through, `emphasis` the runs of marks among them. With `kept`, markup between two
    letters or digits and tags with an attribute's value are kept, and `kept` is given
    an item when one of them stands by a digit; without it, they are read through too (but a
    superscript's and a subscript's tags, shown apart). Markup between two letters of an
    e-mail address (`<b>jane</b>doe@`, `@exa**mple**.org`) is read through in both: kept,
    a part of the address was reported alone, and a public one split so was not public
    (review, session 53). `addresses` says whether `text` holds an `@`."""
    for found in _splits_found(text, _MARKDOWN_SPLITS if emphasis else _TAGS_AND_ESCAPES):
        start, end = found.span()
        kind = text[start]  # which alternative (`_MARKDOWN_SPLITS`)
        if kind in "*_":
            if start not in emphasis:
                continue
            if kept is not None and _kept_apart(text, start, end, addresses):
                _note_by_a_digit(text, start, end, kept)
                continue
            yield start, end, ""
        elif kind == "<":
            name = found.group("tag_name").lower()
            if name == "br" and _breaks_a_number(text, start, end):
                if kept is not None:
                    _note_by_a_digit(text, start, end, kept)
                else:
                    yield start, end, ""
                continue
            if name not in _JOINED_ELEMENTS:
                continue
            tag = found.group()  # with no attribute's value: read through at once
            if kept is not None and (
                _kept_apart(text, start, end, addresses)
                or ("=" in tag and not readable_text(tag, every_attribute=True).isspace())
            ):
                _note_by_a_digit(text, start, end, kept)
                continue
            if "\n" not in tag:
                yield start, end, ""
            else:  # its line breaks kept, so that lines stay lines
                for line in re.finditer(r"[^\r\n]++", tag):
                    yield start + line.start(), start + line.end(), ""
        else:  # an escape: its backslash
            yield start, start + 1, ""


def _splits_found(text: str, splits: LazyPattern = _MARKDOWN_SPLITS) -> list[re.Match[str]]:
    """What `splits` (`_MARKDOWN_SPLITS` or `_TAGS_AND_ESCAPES`) finds in each paragraph
    of `text`, in order: found in the whole text at once where nothing found holds a blank
    line, as only a tag can, the same (none starts or ends in one: a blank line is spaces
    and line breaks); else paragraph by paragraph (a search of each paragraph was a
    fifteenth of privacy.pii on the example's pages)."""
    found = list(splits.finditer(text))
    if "<" not in text or not any(_holds_a_blank_line(text, split) for split in found):
        return found
    found = []
    paragraph_start = 0
    for blank in (*_BLANK_LINE.finditer(text), None):
        paragraph_end = len(text) if blank is None else blank.start()
        found += splits.finditer(text, paragraph_start, paragraph_end)
        paragraph_start = paragraph_end if blank is None else blank.end()
    return found


def _holds_a_blank_line(text: str, split: re.Match[str]) -> bool:
    start, end = split.span()
    return text[start] == "<" and _BLANK_LINE.search(text, start, end) is not None


# A line break after a number's separator and before a digit (`402-555-<br>0199`,
# `402 <br>555 0199`): the number goes on on the next line, as a reader reads it. It was
# no number (session 57). Read through in the joined reading only: the first keeps it,
# so that a number after a dash and a break (`Since 2019 -<br>402-555-0199`) is found too.
_SEPARATORS_BEFORE_A_BREAK = frozenset("-.\u2010\u2011\u2012\u2013\u2212 ")


def _breaks_a_number(text: str, start: int, end: int) -> bool:
    """Whether the `<br>` at `text[start:end]` stands after a separator that follows a digit,
    and before a digit."""
    return (
        text[start - 1 : start] in _SEPARATORS_BEFORE_A_BREAK
        and _digit_at(text, start - 2)
        and _digit_at(text, end)
    )


def _note_by_a_digit(text: str, start: int, end: int, kept: list[bool]) -> None:
    """Give `kept` an item if the markup kept at `text[start:end]` stands by a digit
    (past the markup after it)."""
    if not kept and (
        _digit_at(text, start - 1) or _digit_at(text, _MARKUP_AFTER.match(text, end).end())
    ):
        kept.append(True)


# What `_emphasis_runs` steps through: an escape (`\\*` is no mark), a blank line (which
# ends a paragraph, and the emphasis open in it), a run of `*` or of `_`: told apart by
# their first characters, with which the engine skips to the next at C speed.
_MARK_RUNS = LazyPattern(r"\\[!-/:-@\[-_{-}]|\n[ \t]*+\r?\n|\*\**+|__*+")


def _read_through_runs(text: str, addresses: bool) -> frozenset[int]:
    """Where the runs of emphasis marks start that are read through: both runs of an
    emphasis that either stands by a digit or an `@` (`**402**-555-0160`,
    `**jane**@example.org`, `ann@**example**.org`) or inside an e-mail address
    (`**ann**doe@example.org`, `cy@exa**mple**.org`), where `addresses` (an `@` in
    `text`)."""
    read_through: set[int] = set()
    for opener, closer in _emphasis_runs(text):
        if (
            _by_data(text, opener)
            or _by_data(text, closer)
            or (addresses and _in_an_address(text, opener, _run_end(text, opener)))
        ):
            read_through.update((opener, closer))
    return frozenset(read_through)


def _run_end(text: str, start: int) -> int:
    """Where the run of marks at `start` ends."""
    end = start + 1
    while end < len(text) and text[end] == text[start]:
        end += 1
    return end


def _by_data(text: str, start: int) -> bool:
    """Whether the run of marks at `start` stands by a digit, an `@` or an `s/n`."""
    end = _run_end(text, start)
    return (
        _data_at(text, start - 1)
        or _data_at(text, end)
        or text[end : end + 3].lower() == "s/n"
        or text[max(0, start - 3) : start].lower() == "s/n"
    )


def _data_at(text: str, position: int) -> bool:
    return 0 <= position < len(text) and (text[position].isdigit() or text[position] == "@")


def _emphasis_runs(text: str) -> Iterator[tuple[int, int]]:
    """Where each pair of runs of `*` or `_` in `text` that open and close emphasis
    starts, as Python-Markdown pairs them (simplified): a run that can close (not after a
    space) closes the last one of its mark open in its paragraph that could open (not
    before a space); a run of `*` whatever punctuation stands by it
    (`help@coalition.org**.uk**` is emphasis, the site showing `help@coalition.org.uk`:
    session 55), one of `_` as CommonMark's flanking says and only after no letter or
    digit to open, before none to close (`lee_ann@` holds no emphasis). One that
    closes nothing is shown as typed: a footnote's or a significance mark (`555*-1234`,
    `0128***`), no markup to read through (review rv45c). One pass, linear."""
    opened: dict[str, list[int]] = {"*": [], "_": []}
    for found in _MARK_RUNS.finditer(text):
        start, end = found.span()
        mark = text[start]
        if mark == "\n":  # a blank line
            opened["*"].clear()
            opened["_"].clear()
        elif mark != "\\":  # a run, not an escape
            before = text[start - 1] if start > 0 else " "
            after = text[end] if end < len(text) else " "
            if mark == "*":  # Python-Markdown's: against text, punctuation or not
                closes, opens = not before.isspace(), not after.isspace()
            else:
                closes = _flanking(before, after) and not after.isalnum()
                opens = _flanking(after, before) and not before.isalnum()
            if closes and opened[mark]:
                yield opened[mark].pop(), start
            elif opens:
                opened[mark].append(start)


def _flanking(inside: str, outside: str) -> bool:
    """Whether a run of marks with `inside` on the side of its text and `outside` on the
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
_MARKUP_AFTER = LazyPattern(rf"(?:{HTML_TAG}|\*++){{0,8}}")


def _kept_apart(text: str, start: int, end: int, addresses: bool) -> bool:
    """Whether the tag or marks at `text[start:end]` are kept apart in the first reading:
    between two letters or digits (`_between_letters`), but not inside an e-mail address
    (`_in_an_address`, looked for where `addresses`: an `@` in `text`)."""
    return _between_letters(text, start, end) and not (
        addresses and _in_an_address(text, start, end)
    )


# How far an e-mail address is looked for around markup between two of its letters: as
# long as a mailbox or a domain may be (64 and 253 characters), with its markup.
_ADDRESS_REACH = 320
# What a mailbox holds from a place in it to its `@`, and a domain from its `@` to a
# place in it, markup included (a tag, emphasis marks): a run of each at a time,
# possessive, each starting with a character the others do not (linear).
# An `@` is one written as a character reference too (`&#64;`, `&#x40;`, `&commat;`:
# review rv50b), as the site shows it.
_AT = r"(?:@|&#0*+64;|&#[xX]0*+40;|&commat;)"
_MAILBOX_ON = LazyPattern(rf"(?:[\w.+'-]++|<[^<>\n]*+>|\*++)*+{_AT}")
_DOMAIN_ON = LazyPattern(r"(?:[\w.-]++|<[^<>\n]*+>|\*++)*+")
# A character reference's `&`, up to the `;` it ends at, that writes an `@`.
_AT_REFERENCE = LazyPattern(_AT)


def _in_an_address(text: str, start: int, end: int) -> bool:
    """Whether the tag or marks at `text[start:end]` lie inside what reads as an e-mail
    address: from there, its mailbox runs on to an `@` (`<b>jane</b>doe@`,
    `**ann**doe@`), or its domain runs back to one (`jane@exa<b>mple</b>.org`), within
    `_ADDRESS_REACH` (so that a page of markup is read in linear time)."""
    if _MAILBOX_ON.match(text, end, min(len(text), end + _ADDRESS_REACH)):
        return True
    reach = max(0, start - _ADDRESS_REACH)
    domain_start = text.rfind("@", reach, start) + 1  # 0: none
    semicolon = text.rfind(";", reach, start)
    if semicolon > domain_start:  # an `@` written as a reference (`&#64;`) after it?
        ampersand = text.rfind("&", max(reach, semicolon - 8), semicolon)
        if ampersand >= 0 and _AT_REFERENCE.fullmatch(text, ampersand, semicolon + 1):
            domain_start = semicolon + 1
    if domain_start == 0:
        return False
    domain = _DOMAIN_ON.match(text, domain_start, start)
    return domain is not None and domain.end() == start


def _between_letters(text: str, start: int, end: int) -> bool:
    """Whether the tag or marks at `text[start:end]` stand between two letters or digits
    (past the markup after them): a number's or a word's end and the next one's start
    (`**402-555-0128**1`, `0125</span>a`), which reading them joined would make one."""
    after = _MARKUP_AFTER.match(text, end).end()
    return start > 0 and text[start - 1].isalnum() and after < len(text) and text[after].isalnum()


class _Found(Protocol):
    start: int
    end: int


F = TypeVar("F", bound=_Found)


def also_found(found: list[F], more: Iterable[F]) -> list[F]:
    """What `found` (one reading's) and `more` (another's) report together: each of
    `more` found nowhere in `found`, or that covers what it overlaps there, in its place
    (`402-<span title="x">555</span>-0131` whole, not `555</span>-0131`). Each overlap is
    found by bisection: linear in a page of thousands of numbers."""
    more = list(more)
    if not found:
        return more
    found = sorted(found, key=lambda data: (data.start, data.end))
    starts = [data.start for data in found]
    reach = list(accumulate((data.end for data in found), max))  # the furthest end so far
    spans = {(data.start, data.end) for data in found}
    dropped: set[int] = set()
    added: list[F] = []
    for data in more:
        if (data.start, data.end) in spans:
            continue
        first, past = bisect_right(reach, data.start), bisect_left(starts, data.end)
        overlapped = [at for at in range(first, past) if found[at].end > data.start]
        if all(data.start <= found[at].start and found[at].end <= data.end for at in overlapped):
            dropped.update(overlapped)
            added.append(data)
    return [data for at, data in enumerate(found) if at not in dropped] + added
