"""Paths for GitHub: relative to the checkout, not to mkdocs.yml.

GitHub places a workflow command's `file=` and a SARIF result's URI relative to the root
of the repository it checked out (`GITHUB_WORKSPACE`). Where the handbook is a folder of
a larger repository (`docs/handbook/mkdocs.yml`), a path relative to mkdocs.yml would put
the annotation on no file of the pull request. Outside GitHub Actions, and where
mkdocs.yml is at the root of the checkout, paths stay as DESIGN section 6 has them.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from ..findings import Finding

# The formats GitHub reads: their paths are placed in the checkout.
FORMATS_READ_BY_GITHUB = frozenset({"github", "sarif"})


def workspace_folder(root: Path, environ: Mapping[str, str] = os.environ) -> str:
    """The folder of mkdocs.yml (`root`) relative to GitHub's checkout, with `/`; "" when
    not under GitHub Actions, at the checkout's root, or outside the checkout."""
    workspace = environ.get("GITHUB_WORKSPACE", "")
    if environ.get("GITHUB_ACTIONS") != "true" or not workspace:
        return ""
    try:
        folder = root.resolve().relative_to(Path(workspace).resolve())
    except (OSError, ValueError):  # elsewhere on the runner: GitHub would place nothing
        return ""
    return folder.as_posix() if folder.parts else ""


def from_workspace(findings: list[Finding], folder: str) -> list[Finding]:
    """`findings` with their paths made relative to the checkout, `folder` being that of
    mkdocs.yml (see `workspace_folder`)."""
    if not folder:
        return findings
    return [
        replace(finding, path=posixpath.normpath(posixpath.join(folder, finding.path)))
        for finding in findings
    ]
