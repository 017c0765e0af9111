"""Spans of a text, `(start, end)` offsets: whether one holds a place, and overlapping
ones made one. Readers that skip code, comments or tags look places up here."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence


def within(spans: Sequence[tuple[int, int]], index: int) -> bool:
    """Whether one of `spans` (sorted, apart: `joined`) holds `index`."""
    found = bisect.bisect_right(spans, index, key=lambda span: span[0]) - 1
    return found >= 0 and spans[found][0] <= index < spans[found][1]


def joined(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` (sorted) with those that overlap made one: apart, as `within` reads them."""
    apart: list[tuple[int, int]] = []
    for start, end in spans:
        if apart and start < apart[-1][1]:
            apart[-1] = (apart[-1][0], max(end, apart[-1][1]))
        else:
            apart.append((start, end))
    return apart
