"""Tiny handbooks for the model and structure-rule tests: valid files to vary, and a
writer that puts them in a temporary folder and runs the loader or the rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from coalition_handbook.check import rule_checks
from coalition_handbook.config import HandbookConfig, load_config
from coalition_handbook.findings import Finding
from coalition_handbook.model import load_handbook
from coalition_handbook.model.types import Handbook
from coalition_handbook.rules.base import CheckContext

TODAY = dt.date(2026, 6, 1)

MKDOCS = """\
site_name: Test
docs_dir: content
plugins:
  - handbook:
      glossary_dir: glossary
      protocols_dir: protocols
"""


def term_yaml(term: str = "survivor", extra: str = "", version: int = 1) -> str:
    return (
        f"term: {term}\n"
        f"version: {version}\n"
        "definition: A person who has experienced trafficking. Second sentence.\n"
        f"{extra}"
        "history:\n"
        f"  - version: {version}\n"
        "    date: 2026-01-01\n"
        "    summary: First approved.\n"
    )


def chained_terms() -> dict[str, str]:
    """Term files deprecated in a chain and in a round: peonage for servitude, itself
    deprecated for forced labor (the term to use now); bondage and serfdom for each other."""
    deprecated = "status: deprecated\nreplaced_by: {}\n"
    return {
        "glossary/peonage.yml": term_yaml("peonage", extra=deprecated.format("servitude")),
        "glossary/servitude.yml": term_yaml("servitude", extra=deprecated.format("forced-labor")),
        "glossary/forced-labor.yml": term_yaml("forced labor"),
        "glossary/bondage.yml": term_yaml("bondage", extra=deprecated.format("serfdom")),
        "glossary/serfdom.yml": term_yaml("serfdom", extra=deprecated.format("bondage")),
    }


PROTOCOL = """\
title: Hotel staff who suspect trafficking
version: 2
owner: Hospitality committee
effective: 2026-01-01
review_by: 2027-01-01
audience: [hotel staff]
summary: What to do when something seems wrong.
steps:
  - title: Stay safe
    detail: Do not confront anyone.
  - title: Call
    detail: Call the hotline.
contacts:
  - name: National hotline
    phone: 1-888-373-7888
    url: https://humantraffickinghotline.org/
history:
  - version: 2
    date: 2026-03-01
    summary: Added the text line.
  - version: 1
    date: 2026-01-01
    summary: First approved.
"""

MODULE_FRONT = """\
title: Hotel and motel staff
version: 1
audience: hotel staff
duration: 45 minutes
objectives:
  - Recognise the signs.
  - Respond safely.
protocols: [hotel-staff]
history:
  - version: 1
    date: 2026-01-01
    summary: First approved.
"""

MODULE_BODY = """\
# Hotel and motel staff

## Realize

Trafficking happens here too.

## Recognize

Signs to look for.

## Respond

Call the hotline.
"""


def module_md(front: str = MODULE_FRONT, body: str = MODULE_BODY) -> str:
    return f"---\n{front}---\n\n{body}"


def write_files(root: Path, files: dict[str, str | bytes]) -> HandbookConfig:
    """Write mkdocs.yml (unless given) and `files` (paths relative to `root`)."""
    files = {"mkdocs.yml": MKDOCS, "content/index.md": "# Home\n", **files}
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    return load_config(root / "mkdocs.yml", today=TODAY)


def load(root: Path, files: dict[str, str | bytes]) -> tuple[Handbook, list[Finding]]:
    return load_handbook(write_files(root, files))


STRUCTURE_RULES = frozenset(
    {
        "glossary.duplicate",
        "glossary.reference",
        "glossary.history",
        "protocol.review-overdue",
        "module.structure",
        "module.reference",
        "protocol.schema",
        "module.schema",
        "page.source",
        "page.front-matter",
        "page.replaced",
        "link.unsafe",
    }
)


def run_rules(root: Path, files: dict[str, str | bytes]) -> list[Finding]:
    """Load and run every rule; keep the findings of the rules these tests are about."""
    config = write_files(root, files)
    handbook, findings = load_handbook(config)
    context = CheckContext(config=config, handbook=handbook)
    for check in rule_checks():
        findings.extend(check(context))
    return sorted(
        (finding for finding in findings if finding.rule in STRUCTURE_RULES | {"glossary.schema"}),
        key=lambda finding: finding.sort_key,
    )
