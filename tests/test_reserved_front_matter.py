"""The plugin's own front matter keys (`handbook_notice`, `handbook_forms`...) are the
generated pages' alone (security audit): a hand-written page that set `handbook_notice`
showed "Do not use this term; use X instead." under its search result, and one that set
`handbook_forms` took a term's search boost. The build ignores them on such a page, and
`handbook check` and the build report them (page.front-matter, a warning) alike."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from helpers_model import run_rules
from site_builds import build_site, term_yaml, write_site

from coalition_handbook import cli
from coalition_handbook.findings import Severity

FORGED = (
    "---\ntitle: Rescue stories\n"
    'handbook_notice: "Do not use this term; use trafficking instead."\n'
    "handbook_forms: [trafficking, victim]\n---\n\n# Rescue stories\n\nA page.\n"
)


def test_a_hand_written_page_setting_a_key_of_the_plugin_is_a_warning(tmp_path: Path) -> None:
    findings = run_rules(tmp_path, {"content/page.md": FORGED})
    assert [(f.rule, f.severity, f.path, f.line, f.column) for f in findings] == [
        ("page.front-matter", Severity.WARNING, "content/page.md", 3, 1),
        ("page.front-matter", Severity.WARNING, "content/page.md", 4, 1),
    ]
    assert "'handbook_notice'" in findings[0].message
    assert "generates" in findings[0].message


def test_multimarkdown_metadata_setting_a_key_of_the_plugin_is_a_warning(tmp_path: Path) -> None:
    page = "title: Rescue stories\nhandbook_notice: Do not use this term.\n\n# Rescue\n"
    findings = run_rules(tmp_path, {"content/page.md": page})
    assert [(f.rule, f.severity, f.line) for f in findings] == [
        ("page.front-matter", Severity.WARNING, 2)
    ]


def test_the_build_trusts_the_keys_on_generated_pages_only(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n\nA page.\n", "rescue.md": FORGED},
        terms={
            "trafficking": term_yaml("trafficking", "The crime."),
            "rescue": term_yaml(
                "rescue", "An old word.", extra="status: deprecated\nreplaced_by: trafficking\n"
            ),
        },
        theme="material",
        search=True,
    )
    with caplog.at_level(logging.WARNING):
        site = build_site(config, strict=False)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = {doc["location"]: doc for doc in index["docs"]}
    assert "handbook_notice" not in entries["rescue/"]
    assert "handbook_forms" not in entries["rescue/"]
    # The generated page of a deprecated term keeps its notice and forms.
    notice = "".join(part[0] for part in entries["glossary/rescue/"]["handbook_notice"])
    assert notice.startswith("Do not use this term")
    logged = [
        record.getMessage()
        for record in caplog.records
        if "page.front-matter" in record.getMessage()
    ]
    assert [message.split(": page.front-matter")[0] for message in logged] == [
        "content/rescue.md:3:1",
        "content/rescue.md:4:1",
    ]
    capsys.readouterr()
    cli.main(["check", "-f", str(config), "--format", "json"])
    checked = json.loads(capsys.readouterr().out)["findings"]
    assert [
        (f["path"], f["line"], f["column"], f["severity"])
        for f in checked
        if f["rule"] == "page.front-matter"
    ] == [("content/rescue.md", 3, 1, "warning"), ("content/rescue.md", 4, 1, "warning")]
