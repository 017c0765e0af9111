"""SARIF 2.1.0, the format GitHub code scanning accepts."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..findings import Finding, Severity
from ..rules.base import RULES
from .encoding import in_utf8_text

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule_descriptor(rule_id: str) -> dict[str, Any]:
    rule = RULES[rule_id]
    return {
        "id": rule.id,
        "shortDescription": {"text": rule.summary},
        # An opt-in rule reports nothing until `rules` turns it on (reportingConfiguration).
        "defaultConfiguration": {"level": _LEVELS[rule.default]}
        | ({"enabled": False} if rule.opt_in else {}),
    }


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": finding.line, "startColumn": finding.column}
    if finding.found and "\n" not in finding.found:
        region["endColumn"] = finding.column + len(finding.found)
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": in_utf8_text(finding.message)},
        "locations": [
            {
                "physicalLocation": {
                    # A URI reference: "my dir/é.md" is "my%20dir/%C3%A9.md".
                    "artifactLocation": {"uri": _uri(finding.path)},
                    "region": region,
                }
            }
        ],
    }
    if finding.suggestion:
        result["properties"] = {
            "suggestion": in_utf8_text(finding.suggestion),
            "term": finding.term,
        }
    return result


def render_sarif(findings: list[Finding]) -> str:
    rule_ids = sorted(RULES)
    index = {rule_id: position for position, rule_id in enumerate(rule_ids)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "coalition-handbook",
                        "version": __version__,
                        "rules": [_rule_descriptor(rule_id) for rule_id in rule_ids],
                    }
                },
                # Said, not left to a reader's default: columns count code points, as
                # in every other format (DESIGN section 6).
                "columnKind": "unicodeCodePoints",
                "results": [_result(finding, index[finding.rule]) for finding in findings],
            }
        ],
    }
    return json.dumps(log, indent=1, ensure_ascii=False) + "\n"


def _uri(path: str) -> str:
    """The path as a URI reference: "my dir/é.md" is "my%20dir/%C3%A9.md", and a file name
    that is not UTF-8 has its own bytes ("caf%E9.yml")."""
    try:
        return quote(path.encode("utf-8", "surrogateescape"), safe="/")
    except UnicodeEncodeError:  # half a character, which no file name holds
        return quote(in_utf8_text(path), safe="/")
