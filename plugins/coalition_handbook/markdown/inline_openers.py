"""Openers of inline markup that can never be closed, set aside before the inline pass.

The inline pass (`_INLINE` of inline.py) is one regular expression. For a code span, an
HTML comment, a `<code>` element, a footnote marker or an attribute list, it reads from the
opener to the first closer; where there is none, it reads to the end of the paragraph
(or line), fails, and tries again at the next opener. A paragraph of thousands of
unclosed openers ("`" runs, "<!--", "[^") made the check quadratic.

`set_aside` finds, in linear time, openers whose construct cannot match (no closer
follows them in their paragraph) and replaces one character of each with a stand-in
that no alternative starts with and every body accepts, so the expression fails there at
once; `put_back` restores what the pass left of them. Nothing else is touched, nor is any
opener where the change could alter another match: a character after a backslash (an
escape), a `[` just after `]` (a reference), a backtick run that could close an earlier
code span. The result is the same as without it (tests/test_markdown.py checks that on
random markup).
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Iterator

from ..lazy_pattern import LazyPattern
from .syntax import BLOCK_TAGS

# markdown.HARD, which ends a block: no construct of the inline pass crosses it.
_PARAGRAPH_END = "\x00"
# A character of the Private Use Area: no alternative of the inline pass starts with it,
# and every body that accepted the character it stands for accepts it too.
STAND_IN = "\ue000"
# A tag's name keeps a letter in place of its second one: `<code>` stays a tag (blanked
# alike), and is no longer a `<code>` element looking for `</code>`. Not an ASCII one: no
# tag typed on a page has the name it makes (`SET_ASIDE_BLOCK_TAGS`).
NAME_STAND_IN = "\u02b0"

_RUN = LazyPattern(r"`+")
# An HTML tag, as Python-Markdown stashes one: a quoted attribute value may hold `>`.
HTML_TAG = (
    r"""<(?P<tag>/?(?P<tag_name>[A-Za-z][\w-]*)"""
    r"""(?:\s(?:[^<>"'\x00]|"[^"\x00]*"|'[^'\x00]*')*?)?/?>)"""
)
# An autolink's body after its `<`: a URL of any scheme, or an e-mail address.
AUTOLINK = r"(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>\x00]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>"
# A tag or autolink whose text holds a backtick before its first `>` (found fast: each
# `<` read to the next `<`, `>` or backtick), then read whole by the inline pass's reading.
_TICK_IN_TAG = LazyPattern(r"<[A-Za-z/][^<>\x00`]*`")
_TAG_OR_AUTOLINK = LazyPattern(rf"{HTML_TAG}|<{AUTOLINK}")
# Python-Markdown's code spans (its `BACKTICK_RE`, read first of its inline patterns): a
# backslash escapes a backslash or backtick; a run of backticks opens a span that the
# next run as long closes, or, if none does, the run less its first backticks.
_PYTHON_MARKDOWN_CODE = LazyPattern(r"\\[\\`]|(`+)[^\x00]+?(?<!`)\1(?!`)")
# The elements whose text the inline pass masks whole (inline._INLINE, `raw_code`).
RAW_TEXT_ELEMENTS = ("code", "kbd", "pre", "samp", "script", "style")
_RAW_CODE_OPENER = LazyPattern(rf"<({'|'.join(RAW_TEXT_ELEMENTS)})(?![\w-])[^<>\x00]*>")
_CLOSING_TAGS = {name: re.compile(rf"</{name}\s*>") for name in RAW_TEXT_ELEMENTS}
# The names, lowered, of those of them that are block-level elements once set aside: such a
# tag still ends the prose before it (`<pre>` read as an inline `<pxe>` joined words).
SET_ASIDE_BLOCK_TAGS = frozenset(
    name[0] + NAME_STAND_IN + name[2:] for name in RAW_TEXT_ELEMENTS if name in BLOCK_TAGS
)
# Tag names are read in any case (`<CODE>`): those two are matched in the view with A-Z
# lowered, each character where it was (`_ascii_lower`).
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_FOOTNOTE_BODY = LazyPattern(r"[^\]\x00\s]*")
_ATTRIBUTE_OPENER = LazyPattern(r"\{:?[ \t]*(?:[#.][\w-]|[\w-]+=)")

Restore = tuple[int, str, str]  # (position, original character, stand-in)
_FEW = 16


def set_aside(view: str, markdown: bool = True) -> tuple[str, list[Restore]]:
    """`view` with one character of every opener that cannot be closed replaced by a
    stand-in, and what `put_back` needs to restore them. In Markdown text (`markdown`) a
    comment reads past code spans; in raw HTML, to its first `-->`."""
    restores: list[Restore] = []
    # A few openers cost a few reads of their paragraph at most: most pages are left as
    # they are, at the cost of a search or two for each opener (`in` first: faster, and
    # for one character first: several times as fast as for two).
    if "`" in view and view.count("`") > _FEW:
        restores += _code_spans(view)
    less_than = "<" in view
    if less_than and "<!--" in view and view.count("<!--") > _FEW:
        # A comment reads code spans in it as the pass will: backticks set aside are text.
        restores += _comments(_with(view, restores) if restores else view, markdown)
    if less_than and view.count("<") > _FEW:
        lowered = _ascii_lower(view)
        if sum(lowered.count(f"<{name}") for name in _CLOSING_TAGS) > _FEW:
            restores += _raw_code(view, lowered)
    if "[" in view and "[^" in view and view.count("[^") > _FEW:
        restores += _footnotes(view)
    if "{" in view and view.count("{") > _FEW:
        restores += _attribute_lists(view)
    if not restores:
        return view, restores
    return _with(view, restores), restores


def _with(view: str, restores: list[Restore]) -> str:
    """`view` with the stand-ins of `restores` in place."""
    chars = list(view)
    for position, _, stand_in in restores:
        chars[position] = stand_in
    return "".join(chars)


def put_back(masked: str, restores: list[Restore]) -> str:
    """`masked` (as long as the view) with every stand-in the pass left as it was
    turned back into its character."""
    if not restores:
        return masked
    chars = list(masked)
    for position, original, stand_in in restores:
        if chars[position] == stand_in:
            chars[position] = original
    return "".join(chars)


class _Paragraph:
    """The bounds of the paragraph around a position, found once per paragraph as the
    positions asked for go forward."""

    def __init__(self, view: str) -> None:
        self.view = view
        self.start = self.end = -1

    def around(self, position: int) -> bool:
        """Move to the paragraph of `position`; whether it is another one than before."""
        if self.start <= position < self.end:
            return False
        self.start = self.view.rfind(_PARAGRAPH_END, 0, position) + 1
        end = self.view.find(_PARAGRAPH_END, position)
        self.end = len(self.view) if end < 0 else end
        return True


def _escaped(view: str, position: int) -> bool:
    return position > 0 and view[position - 1] == "\\"


def _code_spans(view: str) -> Iterator[Restore]:
    """A code span opens at a backtick and takes the rest of its run, n backticks; it
    closes at the next run of exactly n in its paragraph. From inside a run of R, the
    expression tries R, R - 1, ... backticks: the first k fail if no later run is R - k
    long. They are set aside unless a run before could open a span that this run (or
    what is left of it) would close: one at least as long."""
    paragraph = _Paragraph(view)
    runs: list[tuple[int, int]] = []
    for found in _RUN.finditer(view):
        if paragraph.around(found.start()) and runs:
            yield from _failing_runs(view, runs)
            runs = []
        runs.append((found.start(), found.end() - found.start()))
    yield from _failing_runs(view, runs)


def _failing_runs(view: str, runs: list[tuple[int, int]]) -> Iterator[Restore]:
    """`_code_spans` for the runs of one paragraph, in order."""
    last_of_length = {size: index for index, (_, size) in enumerate(runs)}
    longest_before = 0
    for index, (position, size) in enumerate(runs):
        failing = 0
        while failing < size and last_of_length.get(size - failing, -1) <= index:
            failing += 1
        left = size - failing
        closes_earlier = longest_before >= (left or size)
        if failing and not closes_earlier and not _escaped(view, position):
            for offset in range(failing):
                yield position + offset, "`", STAND_IN
        longest_before = max(longest_before, size)


def _comments(view: str, markdown: bool) -> Iterator[Restore]:
    """`<!--` closes at the first `-->` (or `--!>`, which Python-Markdown's reading of a
    page's HTML writes `-->`) four characters on or more, not one in a code span: none
    after the last one of its paragraph can close, nor, in a paragraph with backticks,
    one whose reading (`_CommentReading`) runs to the paragraph's end. Its `!` is set
    aside (a `<` would start a tag)."""
    paragraph = _Paragraph(view)
    last_close = -1
    reading: _CommentReading | None = None
    position = view.find("<!--")
    while position >= 0:
        if paragraph.around(position):
            last_close = max(
                view.rfind("-->", paragraph.start, paragraph.end),
                view.rfind("--!>", paragraph.start, paragraph.end),
            )
            has_code = markdown and view.find("`", paragraph.start, paragraph.end) >= 0
            reading = _CommentReading(view, paragraph.start, paragraph.end) if has_code else None
        if position + 2 > last_close:
            yield position + 1, "!", STAND_IN
        elif position + 4 > last_close:  # `<!-->`, `<!--->`: closes nothing, but kept,
            pass  # as a comment before it reads it as its last `<!--` (all text then)
        elif reading is not None:
            end = reading.close(position)
            if end < 0:  # and every `<!--` it read past fails alike: read once
                for failing in reading.openers_read_from(position):
                    yield failing + 1, "!", STAND_IN
                position = view.find("<!--", paragraph.end)
                continue
            position = view.find("<!--", end)
            continue
        position = view.find("<!--", position + 4)


# What a comment's reading stops at: a close, a backslash, a backtick, the paragraph's end.
_COMMENT_STOP = LazyPattern(r"--!?>|[\\`]")
_CLOSE = LazyPattern(r"--!?>")
# After a comment's escaped `\\-->` or `\\--!>`: a `-->` (not a `--!>`: review rv45g),
# not escaped, before any `<!--`. Only with one does Python-Markdown hide the comment
# (`\\-` is an escape, and its comment pattern, `HTML_RE`, reads no `<!--` and ends at a
# `-->`), which a browser then ends at the escaped end.
LATER_END = r"(?:(?!<!--)[^\x00])*?(?<!(?<!\\)\\)-->"
_LATER_END = LazyPattern(LATER_END)


class _CommentReading:
    """A comment's body in one paragraph read as the inline pass's `_MARKDOWN_COMMENT`
    reads it: from its `<!--` to the first `-->` or `--!>` that is in no code span (a run
    of backticks to the next run as long; one that none closes is text) and not after
    a backslash that escapes a backslash or backtick (a `\\-->` ends it only if another
    end follows, `LATER_END`, as Python-Markdown needs one), and for a `--!>`, after no code
    span that holds a close (html.parser ends the comment there, and writes only that
    one `-->`). Each step depends on where it is alone, so a `<!--` read past by a
    failing reading fails too, but for a `--!>` it read past after such a span."""

    def __init__(self, view: str, start: int, end: int) -> None:
        self.view, self.start, self.end = view, start, end
        self.runs_by_length: dict[int, list[int]] = {}
        self.run_starts: list[int] = []
        self.run_ends: list[int] = []
        for run in _RUN.finditer(view, start, end):
            self.runs_by_length.setdefault(len(run.group()), []).append(run.start())
            self.run_starts.append(run.start())
            self.run_ends.append(run.end())
        self.code: list[tuple[int, int]] = []  # the code spans the last reading read past
        self.closing_code: list[int] = []  # where those of them that hold a close start
        self.bangs_passed: list[int] = []  # each `--!>` it read past for them

    def close(self, opener: int) -> int:
        """The end of the comment opened at `opener`, or -1 if none closes it."""
        view, self.code, self.closing_code, self.bangs_passed = self.view, [], [], []
        position = opener + 4
        while True:
            stop = _COMMENT_STOP.search(view, position, self.end)
            if stop is None:
                return -1
            found = stop.group()
            if found == "--!>" and self.closing_code:
                self.bangs_passed.append(stop.start())
                position = stop.end()
                continue
            if found[0] == "-":
                return stop.end()
            if found == "\\":
                escaped = _CLOSE.match(view, stop.start() + 1)
                if escaped and not _LATER_END.match(view, escaped.end(), self.end):
                    return -1  # an escaped `\-`: no end, and none after it
                after = view[stop.start() + 1 : stop.start() + 2]
                position = stop.start() + (2 if after in ("\\", "`") else 1)
                continue
            position = self._past_code_span(stop.start())

    def _past_code_span(self, tick: int) -> int:
        """Where the reading goes on after the backtick at `tick`: past the code span its
        run (from `tick` to the run's end) opens, or past the backtick if none closes."""
        run_end = self.run_ends[bisect.bisect_right(self.run_starts, tick) - 1]
        starts = self.runs_by_length.get(run_end - tick, [])
        index = bisect.bisect_right(starts, tick)
        if index == len(starts):
            return tick + 1
        closer = starts[index]
        self.code.append((tick, closer + run_end - tick))
        if _CLOSE.search(self.view, tick, closer + run_end - tick):
            self.closing_code.append(tick)
        return closer + run_end - tick

    def openers_read_from(self, opener: int) -> Iterator[int]:
        """Each `<!--` from `opener` to the paragraph's end that the last reading (from
        `opener`, failed) read as text, not inside a code span it read past, nor one that
        a `--!>` it read past closes: no code span holding a close comes in between."""
        code = iter(self.code)
        span = next(code, None)
        bangs, closing = iter(self.bangs_passed), iter(self.closing_code)
        bang, closing_start = next(bangs, None), next(closing, None)
        position = opener
        while position >= 0:
            while span is not None and span[1] <= position:
                span = next(code, None)
            while bang is not None and bang < position + 4:
                bang = next(bangs, None)
            while closing_start is not None and closing_start < position:
                closing_start = next(closing, None)
            closes = bang is not None and (closing_start is None or closing_start > bang)
            if (span is None or position < span[0]) and not closes:
                yield position
            position = self.view.find("<!--", position + 1, self.end)


def set_aside_tags_over_code(aside: str, restores: list[Restore]) -> tuple[str, list[Restore]]:
    """`aside` (`set_aside`'s, of Markdown text) with the `<` of each tag or autolink that
    Python-Markdown reads as text set aside too (`_tags_over_code_spans`), and the
    restores for both. Rare: a page without a tag holding a backtick is left as it is."""
    if "`" not in aside or "<" not in aside:
        return aside, restores
    more = list(_tags_over_code_spans(aside))
    if not more:
        return aside, restores
    return _with(aside, more), restores + more


def _tags_over_code_spans(view: str) -> Iterator[Restore]:
    """Python-Markdown reads code spans before raw HTML and autolinks: a backtick inside a
    tag (`<a title="`">`) or autolink (`<https://x.org/`a>`) that opens a span running
    past its `>` makes it text, and the span is code. Its `<` is set aside; a span that
    closes inside it leaves it a tag, as there (the tag is stashed, code and all)."""
    paragraph = _Paragraph(view)
    openers: list[int] = []
    closers: list[int] = []
    for candidate in _TICK_IN_TAG.finditer(view):
        tag = _TAG_OR_AUTOLINK.match(view, candidate.start())
        if tag is None:
            continue
        if paragraph.around(candidate.start()):
            spans = [
                span.span()
                for span in _PYTHON_MARKDOWN_CODE.finditer(view, paragraph.start, paragraph.end)
                if span.group(1)
            ]
            openers = [opener for opener, _ in spans]
            closers = [closer for _, closer in spans]
        start, end = tag.span()
        # The spans are apart and in order: only the last to open before the tag's end
        # can run past it (a search, not a pass over all: 10,000 tags holding a backtick
        # in a paragraph took 2.4 s, review rv45g).
        last = bisect.bisect_left(openers, end) - 1
        if last >= 0 and start < openers[last] and closers[last] > end:
            yield start, "<", STAND_IN


def _ascii_lower(view: str) -> str:
    """`view` with A-Z lowered and every character where it was."""
    return view.lower() if view.isascii() else view.translate(_ASCII_LOWER)


def _raw_code(view: str, lowered: str) -> Iterator[Restore]:
    """`<code ...>` closes at the first `</code>` after it in its paragraph (`kbd`,
    `pre`, `samp`, `script` and `style` alike, in any case: read in `lowered`)."""
    paragraph = _Paragraph(view)
    last_close: dict[str, int] = {}
    for found in _RAW_CODE_OPENER.finditer(lowered):
        if paragraph.around(found.start()):
            last_close = {
                name: _last_closing_tag(lowered, name, paragraph.start, paragraph.end)
                for name in _CLOSING_TAGS
            }
        if last_close[found.group(1)] < found.end():
            yield found.start() + 2, view[found.start() + 2], NAME_STAND_IN


def _last_closing_tag(view: str, name: str, start: int, end: int) -> int:
    """Where the last `</name>` (blanks allowed before `>`) between `start` and `end`
    begins; -1 if there is none."""
    position = view.rfind(f"</{name}", start, end)
    while position >= 0 and not _CLOSING_TAGS[name].match(view, position, end):
        position = view.rfind(f"</{name}", start, position)
    return position


def _footnotes(view: str) -> Iterator[Restore]:
    """`[^` closes at a `]` after one character or more that are no `]`, blank or
    paragraph end; every marker inside one such stretch ends where the first one does."""
    stretch_end, closes = -1, False
    position = view.find("[^")
    while position >= 0:
        if position + 2 > stretch_end:
            stretch = _FOOTNOTE_BODY.match(view, position + 2)
            stretch_end = stretch.end() if stretch else position + 2
            closes = view[stretch_end : stretch_end + 1] == "]"
        can_close = closes and stretch_end > position + 2
        reference = view[position - 1 : position] == "]" if position else False
        if not can_close and not reference and not _escaped(view, position):
            yield position, "[", STAND_IN
        position = view.find("[^", position + 1)


def _attribute_lists(view: str) -> Iterator[Restore]:
    """`{#id ...` closes at the first `}` on its line: none after the last one can."""
    line_end = last_close = -1
    position = view.find("{")
    while position >= 0:
        if position >= line_end:
            line_end = view.find("\n", position)
            line_end = len(view) if line_end < 0 else line_end
            paragraph_end = view.find(_PARAGRAPH_END, position, line_end)
            line_end = line_end if paragraph_end < 0 else paragraph_end
            last_close = view.rfind("}", position, line_end)
        if (
            position > last_close
            and not _escaped(view, position)
            and _ATTRIBUTE_OPENER.match(view, position, line_end)
        ):
            yield position, "{", STAND_IN
        position = view.find("{", position + 1)
