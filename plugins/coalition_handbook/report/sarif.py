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
# GitHub code scanning refuses a run with more results than this, and shows 5,000 of
# them ("SARIF support for code scanning", its limits on uploaded files).
MAX_RESULTS = 25_000
_MOST_SEVERE_FIRST = {severity: rank for rank, severity in enumerate(Severity)}


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
    # A use that goes on over lines (`\n`, `\r\n` or an old Mac `\r`) has no end column
    # on its first line.
    if finding.found and "\n" not in finding.found and "\r" not in finding.found:
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


def left_out_note(findings: list[Finding]) -> str | None:
    """What a SARIF report of `findings` leaves out, said for the person reading it; None
    when every finding fits in it."""
    left_out = len(findings) - MAX_RESULTS
    if left_out <= 0:
        return None
    return (
        f"the SARIF report leaves out {left_out:,} of {len(findings):,} findings (GitHub "
        f"code scanning takes at most {MAX_RESULTS:,} results a run; the most severe are "
        "kept): `handbook check --format text` or `--format json` lists them all"
    )


def _kept(findings: list[Finding]) -> list[Finding]:
    """The `MAX_RESULTS` most severe findings (errors, then warnings, then infos, each in
    the contract's order), in the order given: a run of more would be refused whole."""
    if len(findings) <= MAX_RESULTS:
        return findings
    by_severity = sorted(
        range(len(findings)),
        key=lambda position: (
            _MOST_SEVERE_FIRST[findings[position].severity],
            findings[position].sort_key,
        ),
    )
    kept = set(by_severity[:MAX_RESULTS])
    return [finding for position, finding in enumerate(findings) if position in kept]


def render_sarif(findings: list[Finding]) -> str:
    rule_ids = sorted(RULES)
    index = {rule_id: position for position, rule_id in enumerate(rule_ids)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "coalition-handbook",
                "version": __version__,
                "rules": [_rule_descriptor(rule_id) for rule_id in rule_ids],
            }
        },
        # Said, not left to a reader's default: columns count code points, as in every
        # other format (DESIGN section 6).
        "columnKind": "unicodeCodePoints",
        "results": [_result(finding, index[finding.rule]) for finding in _kept(findings)],
    }
    if (note := left_out_note(findings)) is not None:
        # The run says itself that it is not every finding, where code scanning shows it.
        run["invocations"] = [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [{"level": "warning", "message": {"text": note}}],
            }
        ]
        run["properties"] = {
            "findings": len(findings),
            "resultsLeftOut": len(findings) - MAX_RESULTS,
        }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=1, ensure_ascii=False) + "\n"


def _uri(path: str) -> str:
    """The path as a URI reference: "my dir/é.md" is "my%20dir/%C3%A9.md", and a file name
    that is not UTF-8 has its own bytes ("caf%E9.yml")."""
    try:
        return quote(path.encode("utf-8", "surrogateescape"), safe="/")
    except UnicodeEncodeError:  # half a character, which no file name holds
        return quote(in_utf8_text(path), safe="/")
