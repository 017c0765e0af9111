"""The JSON object of DESIGN section 6: findings and counts.

One finding a line: as easy to read and to grep as an indented dump, and each line is
written by the json module's C encoder (with `indent`, it falls back to pure Python,
which took a third of a second for 6,000 findings).
"""

from __future__ import annotations

import json
from typing import Any

from ..findings import Finding, count_by_severity
from ..utf8 import LONE_SURROGATE
from .encoding import in_utf8

_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "found": finding.found,
        "suggestion": finding.suggestion,
        "term": finding.term,
        "message": finding.message,
    }


def render_json(findings: list[Finding]) -> str:
    report = _rendered(findings)
    # The encoder writes a lone surrogate as it is (`ensure_ascii=False`): where the report
    # holds one, a text of a finding does, and the report is made again of `in_utf8`'s
    # findings. Nearly every report holds none: 6,000 findings' copies made for nothing
    # were a tenth of its time.
    if not report.isascii() and LONE_SURROGATE.search(report):
        report = _rendered(in_utf8(findings))
    return report


def _rendered(findings: list[Finding]) -> str:
    counts = _ENCODE(count_by_severity(findings))
    if not findings:
        return f'{{"findings": [], "counts": {counts}}}\n'
    lines = ",\n  ".join(_ENCODE(finding_to_dict(finding)) for finding in findings)
    return f'{{"findings": [\n  {lines}\n ],\n "counts": {counts}}}\n'
