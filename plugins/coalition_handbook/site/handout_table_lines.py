"""Where a table of a handout is written in the Markdown it prints from.

A table is found by its words, not by its first row's text: two tables alike in their
first row were both said at the first one's line, and a header with markup (`**Name**`)
was looked for as its first cell's text, found in prose before (review, session 60). The
block pass (`markdown.checkable_text`) reads the file as Python-Markdown does: a table's
rows keep their text in its view, markup blanked, where a table shown in a code block
keeps nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from ..lazy_pattern import LazyPattern
from ..markdown import checkable_text
from ..markdown.blocks import TABLE_DELIMITER
from ..markdown.syntax import HARD
from ..model.types import Origin

_WORD = LazyPattern(r"\w+")


def table_key(texts: Iterable[str]) -> str:
    """A table's letters and digits, as its cells' texts or its rows' view hold them:
    markup, pipes, spaces and what a handout puts in a long word to break it are no part
    of them."""
    return "".join(_WORD.findall(" ".join(texts)))


def table_lines(origin: Origin) -> dict[str, tuple[int, ...]]:
    """The lines of `origin`'s tables (`_tables`) by their `table_key`, in order."""
    return _table_lines(origin.text, origin.body_line) if "|" in origin.text else {}


# Asked once for each table's problem, of each file a handout prints from (a module, its
# protocols and key terms): the block pass ran over each once a table (review rv61b:
# quadratic in a handout of many narrow tables).
@functools.lru_cache(maxsize=256)
def _table_lines(text: str, body_line: int) -> dict[str, tuple[int, ...]]:
    lines: dict[str, list[int]] = {}
    for line, key in _tables(text, body_line):
        lines.setdefault(key, []).append(line)
    return {key: tuple(found) for key, found in lines.items()}


def _tables(text: str, body_line: int) -> Iterator[tuple[int, str]]:
    """(line of its first row, `table_key` of its rows) of each table of the Markdown
    `text`, in order: a row the block pass keeps (no code) before a delimiter row, and
    the rows after, up to a blank line."""
    if "|" not in text:
        return
    lines = text.split("\n")
    view = checkable_text(text, body_line)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    index = 0
    while index < len(lines) - 1:
        row_view = view[starts[index] : starts[index] + len(lines[index])]
        if (
            "|" not in lines[index]
            or row_view.strip(HARD) == ""
            or not TABLE_DELIMITER.match(lines[index + 1].strip())
        ):
            index += 1
            continue
        end = index + 2
        while end < len(lines) and lines[end].strip():
            end += 1
        rows = (view[starts[row] : starts[row + 1] - 1] for row in range(index, end))
        yield index + 1, table_key(row.replace(HARD, " ") for row in rows)
        index = end
