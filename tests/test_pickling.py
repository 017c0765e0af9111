"""Pickling the model's frozen, slotted dataclasses by their constructors
(`pickling.constructed_again`): each comes back equal, whatever its number of fields."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field

from coalition_handbook.pickling import constructed_again


@dataclass(frozen=True, slots=True)
class _One:
    __reduce__ = constructed_again

    value: str


@dataclass(frozen=True, slots=True)
class _Two:
    __reduce__ = constructed_again

    first: int
    second: tuple[str, ...]
    derived: int = field(init=False, default=0, compare=False)


def test_a_dataclass_comes_back_equal_with_one_field_or_more() -> None:
    """One field, or more, and a field the constructor does not take (left out: the
    class computes it again); each class asked twice, as the second asks its kept
    getter."""
    for _ in range(2):
        for item in (_One("survivor"), _Two(3, ("a", "b"))):
            again = pickle.loads(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))
            assert again == item
            assert type(again) is type(item)
    assert constructed_again(_One("x")) == (_One, ("x",))
    assert constructed_again(_Two(1, ())) == (_Two, (1, ()))
