"""difflib's SequenceMatcher with its work bounded, for texts a pull request may make
as long and as repetitive as it likes.

difflib finds the longest block two sequences share by reading, for each element of the
first, every place the second holds it, and does so again on each side of each block it
finds. Without autojunk (as the report compares words, lines and characters) a field of
one word written thousands of times costs the square of its length, and one of a few
words in a changing order (a table) more: 16 KB of `a a a …` with one word changed took
7 s, 2,000 words of ten kinds 11 s, 4,000 of twenty over 100 s, so `handbook diff` on a
pull request could hold CI for hours (complexity audit). Past `MAX_READINGS` readings,
the matching blocks are the two sequences' common start and end alone: the part between
is shown as replaced whole. Below it, which is every text of ordinary length, the
blocks are difflib's own.
"""

from __future__ import annotations

import difflib
from collections.abc import Hashable, Sequence
from itertools import accumulate

# A few tenths of a second of difflib's reading on the audit's machine; an ordinary
# definition of a thousand words reads some 30,000 a block.
MAX_READINGS = 2_000_000


class _TooMuchWork(Exception):
    """The readings have passed `MAX_READINGS`."""


class BoundedSequenceMatcher(difflib.SequenceMatcher):  # type: ignore[type-arg]
    """`difflib.SequenceMatcher(None, a, b, autojunk)`, its matching blocks (and so its
    opcodes and ratio) the same, unless finding them would read the sequences more than
    `budget` times: then the sequences' common start and end."""

    def __init__(
        self,
        a: Sequence[Hashable],
        b: Sequence[Hashable],
        autojunk: bool = False,
        budget: int = MAX_READINGS,
    ) -> None:
        self._budget = budget
        super().__init__(None, a, b, autojunk=autojunk)

    def find_longest_match(
        self, alo: int = 0, ahi: int | None = None, blo: int = 0, bhi: int | None = None
    ) -> difflib.Match:
        ahi = len(self.a) if ahi is None else ahi
        # difflib reads each element of a[alo:ahi] and each place b holds it (at most):
        # counted from running sums made once, so the counting itself is no extra pass.
        self._budget -= self._readings[ahi] - self._readings[alo]
        if self._budget < 0:
            raise _TooMuchWork
        return super().find_longest_match(alo, ahi, blo, bhi)

    def get_matching_blocks(self) -> list[difflib.Match]:
        if self.matching_blocks is not None:
            return self.matching_blocks  # type: ignore[no-any-return]
        b2j = self.b2j  # type: ignore[attr-defined]
        self._readings = [0, *accumulate(1 + len(b2j.get(item, ())) for item in self.a)]
        try:
            return super().get_matching_blocks()  # type: ignore[no-any-return]
        except _TooMuchWork:
            self.matching_blocks = _common_ends(self.a, self.b)
            return self.matching_blocks  # type: ignore[no-any-return]


def _common_ends(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[difflib.Match]:
    """The matching blocks of the start and the end `a` and `b` share, then difflib's
    closing block of size 0."""
    most = min(len(a), len(b))
    head = next((i for i in range(most) if a[i] != b[i]), most)
    most -= head
    tail = next((i for i in range(most) if a[-1 - i] != b[-1 - i]), most)
    blocks = [difflib.Match(0, 0, head)] if head else []
    if tail:
        blocks.append(difflib.Match(len(a) - tail, len(b) - tail, tail))
    return [*blocks, difflib.Match(len(a), len(b), 0)]
