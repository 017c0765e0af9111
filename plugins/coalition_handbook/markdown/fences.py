"""Fenced code as superfences reads it: the run of backticks or tildes that opens a
fence (with an info string it reads), a code block's title, and the lines that close
a fence, found once per text. `Blocks` (blocks.py) keeps which fence is open."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..lazy_pattern import LazyPattern
from .line_widths import TAB_WIDTH, LineWidths

_FENCE = LazyPattern(r"(`{3,}|~{3,})(.*)")
# superfences (without `relaxed_headers`) opens a fence only for an info string it reads:
# a language, then `{attributes}` or `key="value"` options. "```Python 3" opens none.
_FENCE_INFO = LazyPattern(
    r"""[ \t]*(?:\.?[\w#.+-]+(?=[\t ]|$))?"""
    r"""(?:[ \t]*\{[^\n]*\}|(?:[ \t]*[a-zA-Z][a-zA-Z0-9_]*(?:="[^"]*"|='[^']*')?(?=[\t ]|$))+)?"""
    r"""[ \t]*$"""
)
# Right after the fence too ("```title="...""), as superfences reads its options.
CODE_TITLE = LazyPattern(r"""(?<=[\s{`~])title=(["'])(.*?)\1""")


def opening_fence(line: str, position: int, end: int) -> str | None:
    """The run of backticks or tildes that opens a fence at `position` of `line` (up to
    `end`), if superfences reads the info string after it; None if it opens none (an
    info string of backticks makes none). Whether a later line closes it is
    `FenceClosings`' to say."""
    fence = _FENCE.match(line, position, end)
    if (
        fence is None
        or (fence.group(1)[0] == "`" and "`" in fence.group(2))
        or not _FENCE_INFO.match(fence.group(2))
    ):
        return None
    return fence.group(1)


class FenceClosings:
    """The lines of one text that close fences, found once per text, fence and
    indentation: a page of unclosed fences stays linear (`line_widths`)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._closings: dict[str, list[int]] = {}  # fence -> offsets of its closing lines
        # (fence, in a quote) -> indentation -> offsets of the lines that close such a
        # fence opened so far in.
        self._exact_closings: dict[tuple[str, bool], dict[int, list[int]]] = {}
        # in a quote -> the indentation of every line not blank (quote marks counted).
        self._line_widths: dict[bool, LineWidths] = {}

    def closing_line(
        self, fence: str, indent: int, quoted: bool, after: int
    ) -> tuple[int | None, int]:
        """(where the first line at or after offset `after` that closes `fence`, opened
        after `indent` columns of indentation and quote marks, starts, or None; where
        superfences gives the fence up unclosed). As superfences reads it: the same run
        alone, indented as the opening one, before any line (not blank) indented less;
        unclosed, the fence takes the lines to that one or to the end."""
        by_indent = self._exact_closings.get((fence, quoted))
        if by_indent is None:
            candidates = self._closings.get(fence)
            if candidates is None:
                candidates = self._closings[fence] = closing_lines(self.text, fence)
            by_indent = self._exact_closings[(fence, quoted)] = _closings_by_indent(
                self.text, candidates, fence, quoted
            )
        closings = by_indent.get(indent, [])
        index = bisect.bisect_left(closings, after)
        closing = closings[index] if index < len(closings) else None
        given_up = len(self.text)
        if indent:
            widths = self._line_widths.get(quoted)
            if widths is None:
                widths = self._line_widths[quoted] = LineWidths(self.text, quoted)
            shallow = widths.first_less(after, indent)
            given_up = given_up if shallow is None else shallow
        return closing, given_up


@lru_cache(maxsize=64)
def closing_fence(fence: str) -> re.Pattern[str]:
    """A line that closes `fence`: the same character, as many times or more, alone (after
    any indentation and blockquote marks)."""
    return re.compile(rf"^[ \t>]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*\r?$", re.MULTILINE)


def _closings_by_indent(
    text: str, candidates: list[int], fence: str, quoted: bool
) -> dict[int, list[int]]:
    """The lines at `candidates` that close `fence` as superfences reads them, by the
    indentation (and quote marks, if `quoted`) of the fence they close: that many
    columns, then the same run alone (a longer run, or one indented more, is code)."""
    allowed = " \t>" if quoted else " \t"
    by_indent: dict[int, list[int]] = {}
    for start in candidates:
        end = text.find("\n", start)
        line = text[start : len(text) if end < 0 else end].rstrip("\r")
        rest = line.lstrip(allowed)
        if rest.rstrip(" \t") == fence:
            prefix = line[: len(line) - len(rest)].expandtabs(TAB_WIDTH)
            by_indent.setdefault(len(prefix), []).append(start)
    return by_indent


def closing_lines(text: str, fence: str) -> list[int]:
    """Where each line of `text` that closes `fence` (`closing_fence`) starts. Each holds
    the fence's characters as many times, which `str.find` finds at C speed: the pattern
    is tried on their lines only, not at every character of the page, as its `^` has the
    engine do."""
    closing = closing_fence(fence)
    run = fence[0] * len(fence)
    starts: list[int] = []
    found = text.find(run)
    while found >= 0:
        line_start = text.rfind("\n", 0, found) + 1
        if closing.match(text, line_start):
            starts.append(line_start)
        line_end = text.find("\n", found)
        if line_end < 0:
            break
        found = text.find(run, line_end + 1)
    return starts
