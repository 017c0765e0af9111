"""Unpickling the frozen, slotted dataclasses that the caches hold, quickly."""

from __future__ import annotations

from dataclasses import fields
from typing import Any


def constructed_again(self: Any) -> tuple[type, tuple[Any, ...]]:
    """A `__reduce__` that unpickles an instance by calling its class with the values of
    its fields (those its constructor takes; lazily computed ones are left to be
    computed again). Dataclasses' own `__setstate__` for slotted classes is a loop in
    Python per object, several times slower, and a cached handbook holds tens of
    thousands of these."""
    return type(self), tuple(getattr(self, item.name) for item in fields(self) if item.init)
