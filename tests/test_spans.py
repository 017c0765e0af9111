"""Spans of a text: the one lookup and merge that the readers skipping code, comments
and tags share."""

from __future__ import annotations

import pytest

from coalition_handbook.spans import joined, within


def test_overlapping_spans_are_made_one_and_touching_ones_kept_apart() -> None:
    assert joined([(0, 4), (2, 6), (6, 8), (10, 12), (11, 11)]) == [(0, 6), (6, 8), (10, 12)]
    assert joined([]) == []


@pytest.mark.parametrize(
    ("index", "held"),
    [(-1, False), (0, True), (5, True), (6, True), (7, True), (8, False), (9, False), (10, True)],
)
def test_a_place_is_within_the_span_that_starts_at_or_before_it(index: int, held: bool) -> None:
    assert within(joined([(0, 4), (2, 6), (6, 8), (10, 12)]), index) is held
