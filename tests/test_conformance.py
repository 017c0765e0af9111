"""The shared conformance handbook gives exactly the findings of its expected.json."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coalition_handbook.check import run_checks
from coalition_handbook.config import load_config

CONFORMANCE = Path("/work/shared/conformance")


@pytest.mark.skipif(not CONFORMANCE.is_dir(), reason="the shared conformance folder is absent")
def test_conformance(tmp_path: Path) -> None:
    root = tmp_path / "conformance"
    shutil.copytree(CONFORMANCE, root)
    expected = json.loads((root / "expected.json").read_text(encoding="utf-8"))
    result = run_checks(load_config(root / "mkdocs.yml"))
    findings = [
        {
            "rule": finding.rule,
            "severity": finding.severity.value,
            "path": finding.path,
            "line": finding.line,
            "column": finding.column,
            "found": finding.found,
            "suggestion": finding.suggestion,
            "term": finding.term,
        }
        for finding in result.findings
    ]
    assert findings == [
        {key: value for key, value in finding.items() if key != "message"}
        for finding in expected["findings"]
    ]
    assert result.counts == expected["counts"]
