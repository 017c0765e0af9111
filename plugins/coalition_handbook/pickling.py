"""Unpickling the frozen, slotted dataclasses that the caches hold, quickly."""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter
from typing import Any

# The values of the fields each class's constructor takes, by class: `fields` walks
# every field of a class each time it is called, which was most of the time pickling
# a term took (a cold check sends half its terms from a second process, pickled).
_INIT_VALUES: dict[type, Any] = {}


def constructed_again(self: Any) -> tuple[type, tuple[Any, ...]]:
    """A `__reduce__` that unpickles an instance by calling its class with the values of
    its fields (those its constructor takes; lazily computed ones are left to be
    computed again). Dataclasses' own `__setstate__` for slotted classes is a loop in
    Python per object, several times slower, and a cached handbook holds tens of
    thousands of these."""
    kind = type(self)
    values = _INIT_VALUES.get(kind)
    if values is None:
        names = [item.name for item in fields(self) if item.init]
        # attrgetter of one name gives the value itself, of none no tuple at all.
        getter = attrgetter(*names) if len(names) > 1 else None
        values = _INIT_VALUES[kind] = getter or (
            lambda instance: tuple(getattr(instance, name) for name in names)
        )
    return kind, values(self)
