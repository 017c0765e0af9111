"""GitHub Actions workflow commands, so findings show on the changed lines of a PR."""

from __future__ import annotations

from ..findings import Finding, Severity
from .encoding import in_utf8

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_finding(finding: Finding) -> str:
    """`::warning file=...,line=...,col=...::message`, exactly the shape of DESIGN
    section 6: no other property (such as `title`), the finding's message as it is."""
    properties = ",".join(
        (f"file={_escape_property(finding.path)}", f"line={finding.line}", f"col={finding.column}")
    )
    return f"::{_COMMANDS[finding.severity]} {properties}::{_escape_data(finding.message)}"


def render_github(findings: list[Finding]) -> str:
    return "".join(f"{format_finding(finding)}\n" for finding in in_utf8(findings))
