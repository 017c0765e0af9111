"""One setting's value read as the handbook takes it, with what is wrong with it added to
the `Problems`: a choice among words, true or false, or nothing written."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..config_yml import as_written
from ..hints import did_you_mean
from .problems import Problems


def unless_empty(value: Any, default: Any) -> Any:
    """`value`, or `default` for an option written with nothing after it (YAML's null)."""
    return default if value is None else value


def choice(
    value: Any, choices: tuple[str, ...], name: str, where: str, problems: Problems
) -> str | None:
    """`value` if it is one of `choices`; else None, and the problem is added."""
    if not isinstance(value, str) or value not in choices:
        found = "empty" if value is None else as_written(value)
        hint = ""
        if isinstance(value, str):
            # Written in another case, a choice is the one meant: `ERROR` is `error`.
            same = next((choice for choice in choices if choice.lower() == value.lower()), None)
            hint = f" (did you mean '{same}'?)" if same else did_you_mean(value.lower(), choices)
        if value is True:  # YAML 1.1 reads `on` and `yes` as true, as `off` as false
            hint = " (YAML reads on, yes and true alike as true)"
        problems.add(f"{where}: '{name}' is {found}; expected one of: {', '.join(choices)}{hint}")
        return None
    return value


def true_or_false(
    data: Mapping[str, Any], name: str, default: bool, where: str, problems: Problems
) -> bool:
    """The setting `name` of mkdocs.yml, which MkDocs takes as true or false only (and
    as its default when written with no value)."""
    value = data.get(name)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    problems.add(f"{where}: '{name}' is {as_written(value)}; expected true or false")
    return default
