"""The benchmark's method (benchmarks/run.py), without timing anything: the speed figures
themselves are for `make bench`, never for tests on a shared machine."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from benchmarks import run


def test_a_ratio_is_the_median_of_rounds_in_which_both_sides_take_turns(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    order: list[str] = []
    seconds = {"large": iter([2.0, 4.0, 9.0]), "small": iter([1.0, 2.0, 1.0])}

    def scripted(action: Callable[[], object]) -> float:
        action()
        return next(seconds[order[-1]])

    monkeypatch.setattr(run, "timed", scripted)
    ratio = run.paired_ratio(lambda: order.append("large"), lambda: order.append("small"), 3)
    assert order == ["large", "small"] * 3
    assert ratio == 2.0  # the ratios of the rounds are 2, 2 and 9
