"""The shared conformance handbook gives exactly the JSON of its expected.json.

`shared/` stands beside the project's folder (in CI too); every key but `message` counts.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coalition_handbook.cli import main

CONFORMANCE = Path(__file__).resolve().parents[2] / "shared" / "conformance"


@pytest.mark.skipif(not CONFORMANCE.is_dir(), reason="the shared conformance folder is absent")
def test_conformance(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "conformance"
    shutil.copytree(CONFORMANCE, root)
    expected = json.loads((root / "expected.json").read_text(encoding="utf-8"))

    exit_code = main(["check", "--format", "json", "-f", str(root / "mkdocs.yml")])

    report = json.loads(capsys.readouterr().out)
    for finding in report["findings"]:
        assert finding.pop("message")
    assert report == expected
    assert exit_code == 0  # everything there is a warning, and --strict is not given
