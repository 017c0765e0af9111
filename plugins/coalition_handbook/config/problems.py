"""What is wrong with the settings, gathered so that an editor sees every problem in one
run, in the order of the lines they are on, rather than one per attempt."""

from __future__ import annotations

from ..config_yml import ConfigError
from ..lazy_pattern import LazyPattern


class Problems:
    """The problems found so far, each a message that starts with where (`mkdocs.yml:5:`)."""

    def __init__(self) -> None:
        self.found: list[str] = []

    def add(self, message: str) -> None:
        self.found.append(message)

    def raise_any(self) -> None:
        if self.found:
            raise ConfigError(*sorted(self.found, key=file_and_line))


_WHERE = LazyPattern(r"([^:]*)(?::(\d+))?")


def file_and_line(message: str) -> tuple[str, int]:
    """("mkdocs.yml", 5) of "mkdocs.yml:5: ...": a problem with no line comes first."""
    where = _WHERE.match(message)
    assert where is not None  # the pattern matches any text
    return where[1], int(where[2] or 0)
