"""The fields of an item that still hold a placeholder of `handbook new`'s templates: text
an editor was asked to replace, which the report names.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from .changes_fields import content_fields
from .changes_model import Item

# How each placeholder of `handbook new`'s templates opens (templates/scaffold/; a test
# keeps the two in step): text an editor was asked to replace.
PLACEHOLDER_OPENINGS = ("Replace this sentence with", "Replace this line with")


def placeholder_fields(item: Item) -> list[str]:
    """The fields of `item` that still hold a placeholder of the scaffold."""
    return [name for name, value in content_fields(item).items() if _holds_placeholder(value)]


def _holds_placeholder(value: object) -> bool:
    if isinstance(value, str):
        return any(opening in value for opening in PLACEHOLDER_OPENINGS)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        return any(_holds_placeholder(getattr(value, field.name)) for field in fields)
    if isinstance(value, Mapping):
        return any(map(_holds_placeholder, value.values()))
    if isinstance(value, list | tuple):
        return any(map(_holds_placeholder, value))
    return False
