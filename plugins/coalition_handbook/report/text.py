"""`path:line:column: severity rule message`, one finding a line."""

from __future__ import annotations

from ..findings import Finding
from .encoding import in_utf8


def format_finding(finding: Finding) -> str:
    return one_line(f"{finding.location()}: {finding.severity} {finding.rule} {finding.message}")


def one_line(message: str) -> str:
    """`message` on one line: a found text, or a file's name, may hold a line break, and
    every format that writes a finding a line (this one, the build's log) promises one
    line each (a line of its own could pass for a CI annotation, `::error ...`). A tab
    is escaped as they are (`\\t`): the line shows what the source holds, not a gap."""
    return message.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")


def render_text(findings: list[Finding]) -> str:
    return "".join(f"{format_finding(finding)}\n" for finding in in_utf8(findings))
