"""Where a place of a text read from a source is in that source. What a reader is shown
(character references decoded, inline tags taken out) is shorter than the file it was
read from, and a finding must name the file's line and column, and quote what the file
writes."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol


class PositionMap(Protocol):
    def start(self, position: int) -> int: ...

    def end(self, position: int) -> int: ...


@dataclass(frozen=True)
class SourceMap:
    """A text read from a source with some of its spans rewritten: each dropped, or
    read as one character (`&#64;` as `@`). `start` maps where a span of the text starts,
    `end` where one ends: a span never takes in what was dropped at either of its ends."""

    # Read positions where more of the source was skipped, and the shift of the positions
    # from each on (`shifts[0]`, before the first, is 0).
    cuts: list[int] = field(default_factory=list)
    shifts: list[int] = field(default_factory=lambda: [0])
    # How many characters of the source a character read in place of a span stands for.
    widths: dict[int, int] = field(default_factory=dict)

    def start(self, position: int) -> int:
        return position + self.shifts[bisect_right(self.cuts, position)]

    def end(self, position: int) -> int:
        if position == 0:
            return 0
        last = position - 1
        return self.start(last) + self.widths.get(last, 1)


@dataclass(frozen=True)
class ChainedMap:
    """A text read from a text read from a source (`inner` maps to the first text,
    `outer` from it to the source)."""

    outer: PositionMap
    inner: PositionMap

    def start(self, position: int) -> int:
        return self.outer.start(self.inner.start(position))

    def end(self, position: int) -> int:
        return self.outer.end(self.inner.end(position))


# The map of a text read as written, which most texts are: shared, and never changed (only
# `rewritten` fills a map, one of its own). A frozen dataclass with lists is slow to make:
# three per file read for personal data, a fiftieth of a cold scan.
UNCHANGED = SourceMap()


def chained(outer: PositionMap, inner: PositionMap) -> PositionMap:
    """`ChainedMap(outer, inner)`, or `outer` itself where `inner` is `UNCHANGED`, or
    `inner` where `outer` is (a term file read as written, then its gaps read: each
    place of `inner` found through one map, not two, and no map made per file)."""
    if inner is UNCHANGED:
        return outer
    return inner if outer is UNCHANGED else ChainedMap(outer=outer, inner=inner)


def rewritten(text: str, spans: Iterable[tuple[int, int, str]]) -> tuple[str, SourceMap]:
    """`text` with each of `spans` (start, end, read; in order, none overlapping) read as
    it says: dropped ("") or one character (`&#64;` as `@`); and where each place of the
    result is in `text`."""
    # Filled in local names, the map made at the end: a page's soft breaks give a few
    # thousand spans, and a frozen dataclass's fields cost an attribute read each.
    pieces: list[str] = []
    cuts: list[int] = []
    shifts = [0]
    widths: dict[int, int] = {}
    copied_to = read_length = shift = 0
    for start, end, read in spans:
        pieces.append(text[copied_to:start])
        read_length += start - copied_to
        copied_to = end
        if read:
            pieces.append(read)
            widths[read_length] = end - start
            read_length += 1
        cuts.append(read_length)
        shift += end - start - len(read)
        shifts.append(shift)
    if not cuts:
        return text, UNCHANGED
    pieces.append(text[copied_to:])
    return "".join(pieces), SourceMap(cuts, shifts, widths)
