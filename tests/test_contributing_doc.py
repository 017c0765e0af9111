"""CONTRIBUTING.md, the guide for editors, against what the checks and commands do."""

from __future__ import annotations

import re
from pathlib import Path

from helpers_model import term_yaml, write_files

from coalition_handbook.check import run_checks
from coalition_handbook.editor.diff_report import _empty_section_lines as empty_section_lines
from coalition_handbook.editor.scaffold import run_new
from coalition_handbook.model import load_handbook

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "CONTRIBUTING.md"


def paragraph(starting: str) -> str:
    """The guide's paragraph that starts with `starting`, its lines joined by spaces."""
    for block in re.split(r"\n\s*\n", GUIDE.read_text(encoding="utf-8")):
        if block.startswith(starting):
            return " ".join(block.split())
    raise AssertionError(f"CONTRIBUTING.md has no paragraph starting {starting!r}")


def test_what_the_checks_skip_is_said_of_the_term_checks_alone(tmp_path: Path) -> None:
    """Code, comments and written-out e-mail addresses are skipped by the term rules, not by
    privacy.pii (audit: the guide said they "are not checked", so a number pasted in a
    comment looked safe)."""
    text = paragraph("The check reads each page as the site shows it.")
    assert "The term checks" in text and "are not checked" not in text
    assert "`privacy.pii`) reads everything, code and comments included" in text

    page = (
        "# Help\n\n"
        "Modern-day slavery: say `modern-day slavery` and call `402-555-0143`.\n\n"
        "<!-- modern-day slavery, 402.555.0144 -->\n\n"
        "```\njane@example.org\n```\n"
    )
    avoid = "avoid:\n  - text: modern-day slavery\n    reason: No chains.\n"
    config = write_files(
        tmp_path,
        {
            "glossary/human-trafficking.yml": term_yaml("human trafficking", avoid),
            "content/index.md": page,
        },
    )
    findings = run_checks(config).findings
    assert [(finding.rule, finding.found) for finding in findings] == [
        ("term.avoid", "Modern-day slavery"),  # in prose, and there alone
        ("privacy.pii", "402-555-0143"),
        ("privacy.pii", "402.555.0144"),
        ("privacy.pii", "jane@example.org"),
    ]


def test_the_guide_says_diff_fails_while_a_file_no_longer_loads() -> None:
    """Audit: the guide named the missing version bump alone."""
    text = paragraph("`handbook new` never overwrites a file.")
    assert (
        "it exits with 1 when an item changed without a version bump, or when a file no "
        "longer loads" in text
    )


def test_the_guide_says_where_a_finding_names_its_rule() -> None:
    """The annotations on a pull request's lines carry no rule id (DESIGN section 6), which
    a suppression comment needs (audit: the guide never said where to find it)."""
    step = "List every finding with its place"
    workflow = (ROOT / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8")
    assert f"- name: {step}\n" in workflow
    text = paragraph("Every pull request runs the **Check** workflow.")
    assert "The notes on the lines give the message alone: that step's log" in text
    assert "with its **rule**, the name a `handbook-disable` comment needs" in text
    assert f"Name the rule exactly, as the step **{step}** gives it" in paragraph(
        "The same comment works inside a term's definition"
    )


def test_the_guide_quotes_the_reports_warning_for_a_module_still_to_write(
    tmp_path: Path,
) -> None:
    """The guide shows the warning a scaffolded module's three comment-only sections get
    in the report, as the report writes it."""
    config = write_files(tmp_path, {})
    assert run_new(config, "module", "Hotel staff") == 0
    handbook, _ = load_handbook(config)
    assert run_checks(config).failing(strict=True) == []  # as the guide says
    (warning,) = empty_section_lines(handbook.modules["hotel-staff"])
    quoted = paragraph("> ⚠️ nothing published under").replace(" > ", " ").removeprefix("> ")
    assert quoted == warning.removeprefix("  - ")
    text = paragraph("In the same way, a training module's `## Realize`")
    assert "The check asks only that the three headings are there, in order" in text
