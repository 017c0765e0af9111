"""`path:line:column: severity rule message`, one finding a line."""

from __future__ import annotations

from ..findings import Finding


def format_finding(finding: Finding) -> str:
    # A found text may span a line break; the format promises one line per finding.
    message = finding.message.replace("\r", "\\r").replace("\n", "\\n")
    return f"{finding.location()}: {finding.severity} {finding.rule} {message}"


def render_text(findings: list[Finding]) -> str:
    return "".join(f"{format_finding(finding)}\n" for finding in findings)
