"""ADOPTING.md's "GitLab CI/CD": the Code Quality script it gives, run on what `handbook
check --format json` prints, and the `.gitlab-ci.yml` it gives, read as GitLab reads it.
A GitLab adopter's audit: the guide named GitHub's formats alone, which GitLab reads
neither of."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from git_repositories import commit, git, quiet_git
from test_adopting_doc import subsection, write_example
from test_workflows import commands

from coalition_handbook.cli import build_parser, main

# GitLab's Code Quality severities (Code Climate's).
GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}
SCRIPT_PATH = ".gitlab/handbook-codequality.py"
PRIVATE_NUMBER = "402-555-0142"


def gitlab_section() -> str:
    return subsection("GitLab CI/CD")


def fenced(language: str) -> str:
    (block,) = re.findall(rf"^```{language}\n(.*?)^```$", gitlab_section(), re.M | re.S)
    return block


def code_quality(report: str, folder: str, tmp_path: Path) -> list[dict[str, object]]:
    script = tmp_path / "handbook-codequality.py"
    script.write_text(fenced("python"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), folder],
        input=report,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert PRIVATE_NUMBER not in done.stdout  # the message's mask, never `found`
    issues = json.loads(done.stdout)
    assert isinstance(issues, list)
    return issues


def json_report(config: Path, capsys: pytest.CaptureFixture[str]) -> str:
    main(["check", "--format", "json", "-f", str(config)])
    return capsys.readouterr().out


def test_the_code_quality_script_reports_every_finding_where_gitlab_looks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_example(tmp_path / "docs" / "handbook", monkeypatch)
    index = config.parent / "content" / "index.md"
    original = index.read_text(encoding="utf-8")
    added = f"\nModern-day slavery. Call Dana at {PRIVATE_NUMBER}. Ask the NGO.\n"
    index.write_text(original + added, encoding="utf-8")
    report = json_report(config, capsys)
    findings = json.loads(report)["findings"]
    assert {finding["severity"] for finding in findings} == {"error", "warning", "info"}

    issues = code_quality(report, "docs/handbook", tmp_path)
    assert len(issues) == len(findings)
    for issue, finding in zip(issues, findings, strict=True):
        assert issue["check_name"] == finding["rule"]
        assert issue["severity"] in GITLAB_SEVERITIES
        assert issue["location"] == {
            "path": f"docs/handbook/{finding['path']}",  # from the top of the repository
            "lines": {"begin": finding["line"]},
        }
        assert finding["message"] in str(issue["description"])
    # Errors, warnings and infos stay apart on the merge request page.
    severities = {(f["severity"], i["severity"]) for i, f in zip(issues, findings, strict=True)}
    assert len(severities) == len({issue["severity"] for issue in issues}) == 3
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)

    # A line added above the findings moves them, and leaves them the same findings.
    index.write_text(original + "\nA new paragraph.\n" + added, encoding="utf-8")
    moved = code_quality(json_report(config, capsys), "docs/handbook", tmp_path)
    assert [issue["fingerprint"] for issue in moved] == [issue["fingerprint"] for issue in issues]
    assert [issue["location"]["lines"]["begin"] for issue in moved] == [  # type: ignore[index]
        issue["location"]["lines"]["begin"] + 2  # type: ignore[index]
        for issue in issues
    ]

    # A handbook at the top of the repository: the paths as the JSON gives them.
    at_top = code_quality(report, ".", tmp_path)
    assert [issue["location"]["path"] for issue in at_top] == [  # type: ignore[index]
        finding["path"] for finding in findings
    ]


def test_the_code_quality_script_names_no_traceback_where_the_check_wrote_nothing(
    tmp_path: Path,
) -> None:
    """A configuration error (exit 2) leaves the report empty: the job's log showed the
    check's message, then a traceback from the script (audit gl65)."""
    script = tmp_path / "handbook-codequality.py"
    script.write_text(fenced("python"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), "."], input="", capture_output=True, text=True
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (
        "handbook-codequality: `handbook check` wrote no report; its message says why\n"
    )


def test_the_gitlab_pipeline_runs_the_commands_the_guide_names() -> None:
    pipeline = yaml.safe_load(fenced("yaml"))
    check, pages = pipeline["handbook-check"], pipeline["pages"]
    scripts = [*pipeline["default"]["before_script"], *check["script"], *pages["script"]]
    run = [command for script in scripts for command in commands(script)]
    for program, *arguments in run:
        if program.endswith("/handbook"):
            build_parser().parse_args(arguments)  # the subcommand and its options exist
        if program.endswith("/mkdocs"):
            assert arguments[:2] == ["build", "--strict"]
    # The check's report is the file the job gives GitLab, from the script the guide
    # names, and the job fails as `handbook check --strict` does.
    (converting,) = [line for line in check["script"] if SCRIPT_PATH in line]
    assert converting.endswith(f"> {check['artifacts']['reports']['codequality']}")
    assert f"`{SCRIPT_PATH}`" in gitlab_section()
    assert ".venv/bin/handbook check --strict" in check["script"]
    assert check["artifacts"]["when"] == "always"
    # The slim image has no git: the diff needs it, and so does the build, which stamps
    # the pages with the commit's date (audit gl65: the pages job had none).
    for job in (check, pages):
        (installing,) = [command for command in commands("\n".join(job["script"]))
                         if command[:2] == ["apt-get", "install"]]  # fmt: skip
        assert "git" in installing
    # GitLab Pages publishes the `public` folder of the job named `pages`.
    assert pages["artifacts"]["paths"] == ["public"]
    assert any("--site-dir public" in line for line in pages["script"])
    # The cache from inside the project alone, its key from outside it.
    assert all(not path.startswith(("~", "/")) for path in pipeline["cache"]["paths"])
    assert any("HANDBOOK_CACHE_KEY_FILE=/tmp/" in line for line in scripts)


def run_the_diff_step(checkout: Path, variables: dict[str, str]) -> tuple[str, str]:
    """The guide's `handbook diff` step run by the shell in `checkout` with GitLab's
    `variables`, `.venv/bin/handbook` being this package; (the report, `diff_failed`)."""
    (step,) = [line for line in yaml.safe_load(fenced("yaml"))["handbook-check"]["script"]
               if "handbook diff" in line]  # fmt: skip
    handbook = checkout / ".venv" / "bin" / "handbook"
    handbook.parent.mkdir(parents=True)
    handbook.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m coalition_handbook "$@"\n')
    handbook.chmod(0o755)
    done = subprocess.run(
        ["sh", "-c", step + 'printf %s "$diff_failed" > diff_failed'],
        cwd=checkout,
        env={**os.environ, "CI": "true", "GITLAB_CI": "true", **variables},
        capture_output=True,
        check=True,
    )
    assert b"Traceback" not in done.stderr
    read = (checkout / "handbook-diff.md").read_text, (checkout / "diff_failed").read_text
    return read[0](encoding="utf-8"), read[1](encoding="utf-8")


@pytest.mark.parametrize("merged_results", [False, True])
def test_the_merge_requests_report_is_its_own_change_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, merged_results: bool
) -> None:
    """A GitLab adopter's audit: a merged results pipeline checks out the merge request
    merged into its target branch as it is now; compared with where the merge request
    left that branch (`CI_MERGE_REQUEST_DIFF_BASE_SHA`), what the branch gained since was
    reported as the merge request's, and failed its job."""
    quiet_git(monkeypatch, tmp_path)
    origin = write_example(tmp_path / "origin", monkeypatch).parent
    git(origin, "init", "-q", "-b", "main")
    diff_base = commit(origin, "the handbook")
    git(origin, "checkout", "-q", "-b", "proposal")
    index = origin / "content" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\nA new paragraph.\n", "utf-8")
    commit(origin, "a page changed")
    # The target branch moves on: a term changed (pushed without a version, say).
    git(origin, "checkout", "-q", "main")
    term = origin / "glossary" / "t-visa.yml"
    term.write_text(term.read_text(encoding="utf-8").replace("status", "for survivors"), "utf-8")
    target = commit(origin, "the target branch moves on")
    # GitLab's refs of the merge request: its head, and its merge into the target now.
    git(origin, "update-ref", "refs/merge-requests/1/head", "proposal")
    git(origin, "checkout", "-q", "--detach", "main")
    git(origin, "merge", "-q", "--no-ff", "-m", "Merge", "proposal")
    git(origin, "update-ref", "refs/merge-requests/1/merge", "HEAD")

    # As GitLab Runner clones: the pipeline's ref alone, then its commit, detached.
    ref = f"refs/merge-requests/1/{'merge' if merged_results else 'head'}"
    checkout = tmp_path / "checkout"
    git(tmp_path, "init", "-q", str(checkout))
    git(checkout, "fetch", "-q", "--depth", "20", origin.as_uri(), f"+{ref}:{ref}")
    git(checkout, "checkout", "-q", "--detach", ref)
    variables = {"CI_MERGE_REQUEST_DIFF_BASE_SHA": diff_base}
    if merged_results:  # GitLab sets it in merged results pipelines alone
        variables["CI_MERGE_REQUEST_TARGET_BRANCH_SHA"] = target
    report, diff_failed = run_the_diff_step(checkout, variables)
    assert diff_failed == ""
    assert "t-visa" not in report
    assert "No glossary term, protocol or training module changed." in report
