"""How the report names its two sides in a pull request's run under GitHub Actions.

CI compares the checkout (GitHub's merge of the pull request) with `HEAD^1`, and the
report's heading, the one title a reviewer sees on the run's Summary page, read
"`HEAD^1` (…) → the working tree": words for git users, not reviewers (audit). In a pull
request's run, the base is named as the branch it is merged into (`GITHUB_BASE_REF`),
where the commit compared with is on it, and the checkout as "this pull request". Run
anywhere else, the sides are named as the revisions were given.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from . import git
from .report_markdown import inline_code

THIS_PULL_REQUEST = "this pull request"


def base_branch(environ: Mapping[str, str]) -> str | None:
    """The branch a pull request is to be merged into, in its run under GitHub Actions
    (GitHub sets `GITHUB_BASE_REF` for pull request events alone); None elsewhere."""
    if environ.get("GITHUB_ACTIONS") != "true":
        return None
    return environ.get("GITHUB_BASE_REF", "").strip() or None


def base_label(repository: Path, branch: str | None, commit: str | None, label: str) -> str:
    """How the report names the base: `main` (0890e3651d42) where `commit` is on the
    pull request's base `branch` (its tip, or a commit before it, as `HEAD^1` is once the
    branch moved on); else `label`, the revision as given."""
    if branch is None or commit is None or not _on_branch(repository, commit, branch):
        return label
    return f"{inline_code(branch)} ({commit[:12]})"


def head_label(branch: str | None, commit: str | None, label: str) -> str:
    """How the report names the head: "this pull request" for the checkout of a pull
    request's run (`commit` None: the working tree); else `label`."""
    return THIS_PULL_REQUEST if branch is not None and commit is None else label


def _on_branch(repository: Path, commit: str, branch: str) -> bool:
    """Whether `commit` is on `branch`, as CI's clone has it (`origin/<branch>`) or as a
    local branch."""
    for ref in (f"refs/remotes/origin/{branch}", f"refs/heads/{branch}"):
        tip = git.resolve_commit(repository, ref)
        if tip is not None and git.merge_base(repository, commit, tip) == commit:
            return True
    return False
