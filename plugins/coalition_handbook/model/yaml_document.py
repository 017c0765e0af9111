"""What reading a YAML text gives: its values with the offsets of their source, the
problems found, and the index that turns an offset into a line and column."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..markdown import line_starts


class LineIndex:
    """Turns offsets into a text into 1-based (line, column); columns count code points.

    Lines end at `\\r\\n`, `\\r` or `\\n`, as Markdown and editors count them. The lines
    are found at the first offset placed: most record files are read with no finding and
    no span placed (their spans are pickled as offsets), and need none.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def starts(self) -> list[int]:
        """The offset of each line's start."""
        return line_starts(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1

    def line(self, offset: int) -> int:
        return self.position(offset)[0]

    def span_numbers(self, spans: Iterable[tuple[int, int]]) -> tuple[int, ...]:
        """The line, column, start and end of each (start, end) of `spans`, four numbers
        to a span, as `position` places the start: in one loop, as a record's spans are
        packed (each term a cold check reads in its second process goes so)."""
        starts, size = self.starts, len(self.text)
        numbers: list[int] = []
        for start, end in spans:
            offset = max(0, min(start, size))
            index = bisect.bisect_right(starts, offset) - 1
            numbers += (index + 1, offset - starts[index] + 1, start, end)
        return tuple(numbers)


@dataclass(frozen=True, slots=True)
class YamlProblem:
    """Something wrong in the YAML itself, at an offset into the text. `read` is True
    where the document is still read as YAML reads it (a text cut short by a comment): the
    problem is reported, and the record is loaded all the same."""

    message: str
    offset: int
    read: bool = False


@dataclass
class YamlDocument:
    """The values of one YAML document and the source offsets of each of them.

    `data` is None when the document could not be read at all (`usable` is False) or is
    empty (`empty` is True). `values` maps dotted paths to (start, end) offsets of each
    value's raw source, `""` to the whole document (`root_offset` is where its top value
    starts); `keys` maps the same paths to the offsets of the key that introduced them.
    """

    data: Any = None
    values: dict[str, tuple[int, int]] = field(default_factory=dict)
    keys: dict[str, tuple[int, int]] = field(default_factory=dict)
    problems: list[YamlProblem] = field(default_factory=list)
    usable: bool = True
    empty: bool = False
    root_offset: int = 0
    # Paths of the values that could not be read (`!!python/name:x`): a problem says so,
    # and what stands in for them is no value for the schema to judge.
    unreadable: set[str] = field(default_factory=set)
    # Paths of the plain numbers YAML 1.1 reads otherwise than their digits say (`010` is
    # 8, `1:30` is 90, `0x1F` is 31), each with its text as written: a message shows what
    # the editor wrote, and a version so written is a problem even where it fits.
    numbers_written: dict[str, str] = field(default_factory=dict)
    # Paths of the plain values YAML 1.1 reads as dates or times from text not written
    # YYYY-MM-DD (`2024-1-5`, `2024-01-05 10:00`), each with its text: a field that wants
    # text (`term`, `short`) keeps it as written, not as the date's ISO form.
    dates_written: dict[str, str] = field(default_factory=dict)
