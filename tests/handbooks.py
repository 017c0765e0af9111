"""Tiny handbooks written into a temporary folder, shared by the CLI and plugin tests."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coalition_handbook.findings import Finding

TERM = """\
term: person experiencing homelessness
version: 1
definition: Someone without a fixed, regular and adequate place to live.
avoid:
  - text: vagrant
    reason: Stigmatising.
history:
  - version: 1
    date: 2026-01-01
    summary: First approved.
"""


def make_handbook(root: Path, page: str = "# Home\n\nA calm page.\n", **files: str) -> Path:
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "glossary").mkdir(exist_ok=True)
    (root / "mkdocs.yml").write_text(
        "site_name: T\ndocs_dir: content\ntheme: {name: material}\n"
        "plugins:\n  - search\n  - handbook\n",
        encoding="utf-8",
    )
    (root / "content" / "index.md").write_text(page, encoding="utf-8")
    (root / "glossary" / "person-experiencing-homelessness.yml").write_text(TERM, encoding="utf-8")
    for name, text in files.items():
        path = root / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "mkdocs.yml"


def set_handbook_options(config_file: Path, options: str) -> None:
    """Give the handbook plugin of `make_handbook`'s mkdocs.yml `options` (YAML, as under
    `- handbook:`)."""
    config_file.write_text(
        config_file.read_text(encoding="utf-8").replace(
            "  - handbook\n", f"  - handbook:\n      {options}\n"
        ),
        encoding="utf-8",
    )


def checked(config_file: Path, cache: bool = False) -> list[Finding]:
    """The findings of `handbook check` on `config_file`, through the cache or not."""
    from coalition_handbook.check import run_checks
    from coalition_handbook.config import load_config

    if not cache:
        os.environ["HANDBOOK_NO_CACHE"] = "1"
    try:
        return run_checks(load_config(config_file)).findings
    finally:
        os.environ.pop("HANDBOOK_NO_CACHE", None)


def finding_rows(config_file: Path, cache: bool = False) -> list[tuple[str, int, str, str, str]]:
    """(path, line, severity, rule, message) of every finding of `checked`."""
    return [
        (finding.path, finding.line, finding.severity.value, finding.rule, finding.message)
        for finding in checked(config_file, cache)
    ]
