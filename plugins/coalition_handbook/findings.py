"""What every check returns: a `Finding` at a place in a file, with a `Severity`."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

from .lazy_pattern import LazyPattern
from .pickling import constructed_again


class Severity(enum.StrEnum):
    """How much a finding matters; the order is error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at `path:line:column` (1-based; columns count code points).

    `path` is relative to the directory of mkdocs.yml and uses `/`. `found` is the text
    exactly as in the source, where there is one; `suggestion` and `term` are None where
    they do not apply.
    """

    __reduce__ = constructed_again

    rule: str
    severity: Severity
    path: str
    line: int
    column: int
    message: str
    found: str | None = None
    suggestion: str | None = None
    term: str | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.rule, self.message)

    def with_severity(self, severity: Severity) -> Finding:
        return replace(self, severity=severity)

    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


def source_excerpt(text: str, start: int, end: int) -> str | None:
    """`text[start:end]` as a finding's `found`, the text exactly as in the source: its
    first line only (a block or a list is named by the line it starts on), None where
    there is no text (a field that is missing, an empty file)."""
    first_line = text[start:end].partition("\n")[0].partition("\r")[0].rstrip(" \t")
    return first_line or None


_LINE_BREAK = LazyPattern(r"\r\n?")


def as_quoted(found: str) -> str:
    """`found` as a message quotes it: a line break in it as `\\n`, however the file ends
    its lines (`\\r\\n` on Windows, `\\r` on old Macs), so that one text reads alike in every
    clone. `found` itself stays the text exactly as in the source."""
    if "\r" not in found:  # nearly every use: a search of the pattern's own costs more
        return found
    return _LINE_BREAK.sub("\n", found)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Sort as the contract says: by path, line, column, rule."""
    return sorted(findings, key=lambda finding: finding.sort_key)


def count_by_severity(findings: list[Finding]) -> dict[str, int]:
    counts = {severity.value: 0 for severity in Severity}
    for finding in findings:
        counts[finding.severity.value] += 1
    return counts
