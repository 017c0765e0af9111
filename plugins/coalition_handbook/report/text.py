"""`path:line:column: severity rule message`, one finding a line."""

from __future__ import annotations

from ..findings import Finding


def format_finding(finding: Finding) -> str:
    return f"{finding.location()}: {finding.severity} {finding.rule} {finding.message}"


def render_text(findings: list[Finding]) -> str:
    return "".join(f"{format_finding(finding)}\n" for finding in findings)
