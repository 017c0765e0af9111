"""Under GitHub Actions, the formats GitHub reads place paths in the checkout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from handbooks import make_handbook

from coalition_handbook.cli import main
from coalition_handbook.findings import Finding, Severity
from coalition_handbook.report.workspace import from_workspace, workspace_folder

PAGE = "# Home\n\nNo vagrants here.\n"


def actions(workspace: Path) -> dict[str, str]:
    return {"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(workspace)}


def test_the_folder_of_mkdocs_yml_in_the_checkout(tmp_path: Path) -> None:
    handbook = tmp_path / "docs" / "handbook"
    handbook.mkdir(parents=True)
    assert workspace_folder(handbook, actions(tmp_path)) == "docs/handbook"
    assert workspace_folder(tmp_path, actions(tmp_path)) == ""  # at the root
    assert workspace_folder(tmp_path, actions(handbook)) == ""  # outside the checkout
    assert workspace_folder(handbook, {"GITHUB_WORKSPACE": str(tmp_path)}) == ""  # no Actions
    assert workspace_folder(handbook, {"GITHUB_ACTIONS": "true"}) == ""


def test_paths_are_joined_and_normalised() -> None:
    findings = [
        Finding("term.avoid", Severity.WARNING, "content/index.md", 3, 4, "m"),
        Finding("page.source", Severity.ERROR, "../base.yml", 1, 1, "m"),
    ]
    assert [finding.path for finding in from_workspace(findings, "docs/handbook")] == [
        "docs/handbook/content/index.md",
        "docs/base.yml",
    ]
    assert from_workspace(findings, "") is findings


def test_github_and_sarif_name_files_from_the_checkout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config_file = make_handbook(tmp_path / "docs" / "handbook", page=PAGE)
    for name, value in actions(tmp_path).items():
        monkeypatch.setenv(name, value)
    main(["check", "-f", str(config_file), "--format", "github"])
    assert capsys.readouterr().out.startswith(
        "::warning file=docs/handbook/content/index.md,line=3,col=4::"
    )
    main(["check", "-f", str(config_file), "--format", "sarif"])
    (result,) = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert location == "docs/handbook/content/index.md"
    # The contract's own formats keep paths relative to mkdocs.yml (DESIGN section 6).
    main(["check", "-f", str(config_file), "--format", "json"])
    assert json.loads(capsys.readouterr().out)["findings"][0]["path"] == "content/index.md"
    main(["check", "-f", str(config_file)])
    assert capsys.readouterr().out.startswith("content/index.md:3:4: warning term.avoid")


def test_outside_github_actions_paths_stay_relative_to_mkdocs_yml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config_file = make_handbook(tmp_path / "docs" / "handbook", page=PAGE)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    main(["check", "-f", str(config_file), "--format", "github"])
    assert capsys.readouterr().out.startswith("::warning file=content/index.md,line=3,col=4::")
