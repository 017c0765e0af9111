"""The JSON object of DESIGN section 6: findings and counts."""

from __future__ import annotations

import json
from typing import Any

from ..findings import Finding, count_by_severity


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
    report = {
        "findings": [finding_to_dict(finding) for finding in findings],
        "counts": count_by_severity(findings),
    }
    return json.dumps(report, indent=1, ensure_ascii=False) + "\n"
