"""GitHub Actions workflow commands, so findings show on the changed lines of a PR."""

from __future__ import annotations

from collections import Counter

from ..findings import Finding, Severity
from .encoding import in_utf8
from .totals import counted

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}

# GitHub makes annotations of the first 10 workflow commands of each kind (error,
# warning, notice) a step, and of 50 a job (actions/toolkit, docs/problem-matchers.md,
# "Limitations"); the others are log lines alone, and nothing said they exist (audit).
ANNOTATIONS_PER_KIND = 10

# Where a finding that is no annotation is found with its place: the log shows a workflow
# command without its file and line.
CHECK_LISTS_THEM = "`handbook check` (text format) lists each with its place"


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
    """A workflow command a finding, in the contract's order, and nothing else."""
    return "".join(f"{format_finding(finding)}\n" for finding in in_utf8(findings))


def not_shown_command(findings: list[Finding], listed_by: str = CHECK_LISTS_THEM) -> str:
    """A `::notice::` saying how many of `findings` GitHub shows as no annotation, or ""
    when it shows them all. Written to stderr before the findings: the runner reads
    workflow commands there too, and stdout keeps a command a finding (DESIGN section 6)."""
    note = not_shown_note(in_utf8(findings), listed_by)
    return "" if note is None else f"::notice::{_escape_data(note)}\n"


def not_shown_note(findings: list[Finding], listed_by: str) -> str | None:
    """How many of `findings` GitHub shows as no annotation, or None when it shows them
    all. The note is a notice itself, and the first: GitHub drops the notices past the
    tenth, and a note after ten infos would be dropped with them. Findings keep the order
    of DESIGN section 6 (path, line, column, rule): GitHub's limit is per kind, so putting
    errors first would show no more of them."""
    by_kind = Counter(finding.severity for finding in findings)
    if all(count <= ANNOTATIONS_PER_KIND for count in by_kind.values()):
        return None
    room = dict.fromkeys(Severity, ANNOTATIONS_PER_KIND)
    room[Severity.INFO] -= 1  # the note's own notice
    not_shown = sum(max(0, count - room[severity]) for severity, count in by_kind.items())
    kinds = ", ".join(
        counted(by_kind[severity], severity) for severity in Severity if by_kind[severity]
    )
    return (
        f"handbook: {not_shown:,} of {len(findings):,} findings ({kinds}) are not shown as "
        f"annotations: GitHub shows the first {ANNOTATIONS_PER_KIND} of each kind (error, "
        f"warning, notice) a step, and 50 a job; {listed_by}"
    )
