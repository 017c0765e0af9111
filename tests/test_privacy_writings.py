"""privacy.pii reads personal data however it is written: wrapped over lines, spaced with
tabs, escaped in a link, written out against harvesters (a privacy officer's audit)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coalition_handbook.check import run_checks
from coalition_handbook.config import load_config
from coalition_handbook.findings import Finding
from coalition_handbook.rules.privacy_pii import find_personal_data


def privacy_findings(root: Path, files: dict[str, str], allow: list[str]) -> list[Finding]:
    """privacy.pii's findings in a handbook of `files` (under content/), with `allow` as
    privacy.allow."""
    for name, text in files.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    (root / "mkdocs.yml").write_text(
        "site_name: T\ndocs_dir: content\nplugins:\n  - handbook:\n"
        f"      privacy: {{allow: {json.dumps(allow)}}}\n",
        encoding="utf-8",
    )
    result = run_checks(load_config(root / "mkdocs.yml"))
    return [finding for finding in result.findings if finding.rule == "privacy.pii"]


def found_in(root: Path, page: str, allow: list[str] | None = None) -> list[tuple[int, int, str]]:
    findings = privacy_findings(root, {"index.md": page}, allow or [])
    return [(finding.line, finding.column, finding.found) for finding in findings]


def personal(text: str) -> list[tuple[str, str]]:
    return [(kind, text[start:end]) for kind, start, end in find_personal_data(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Write to jane [at] gmail [dot] com today.", ["jane [at] gmail [dot] com"]),
        ("Write to jane(at)gmail(dot)com today.", ["jane(at)gmail(dot)com"]),
        ("Write to Jane.Doe (AT) gmail.com today.", ["Jane.Doe (AT) gmail.com"]),
        ("Write to jane.doe @ gmail.com today.", ["jane.doe @ gmail.com"]),
        ("Write to jane\uff20gmail.com today.", ["jane\uff20gmail.com"]),
        ("Write to jane@gmail[dot]co[dot]uk today.", ["jane@gmail[dot]co[dot]uk"]),
        # too vague to tell from prose; a website after a spaced `@`; a file name
        ("Write to jane at gmail dot com today.", []),
        ("Find us @ www.coalition.org, or logo [at] 2x [dot] png.", []),
    ],
)
def test_email_addresses_written_out_are_reported(text: str, expected: list[str]) -> None:
    assert personal(text) == [("e-mail address", found) for found in expected]


def test_an_address_written_out_is_compared_with_the_allow_list_plainly(tmp_path: Path) -> None:
    page = "Write to Info [at] Coalition [dot] org or jane(at)gmail(dot)com.\n"
    assert found_in(tmp_path, page, ["info@coalition.org"]) == [(1, 43, "jane(at)gmail(dot)com")]
