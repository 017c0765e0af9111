"""A `handbook` command as the editor types it, for the advice that messages give."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

# Where no base branch is found (no git repository, or none of the usual branches): the
# editor names the branch their pull request goes into.
ANY_BASE = "<base-branch>"


def pull_request_range(base: str | None) -> str:
    """The report a pull request's reviewers read: the branch from the commit where it
    left `base` (three dots), uncommitted edits included, as CONTRIBUTING.md and the pull
    request template name it."""
    return f"{base or ANY_BASE}..."


def handbook_command(command: str, config_file: Path | str | None, *arguments: str) -> str:
    """`handbook command`, with `-f config_file` (None: the one it finds by itself)
    quoted for the shell it runs in, then `arguments`."""
    words = ["handbook", command]
    if config_file is not None:
        # Windows: always in double quotes (cmd reads `&` and PowerShell `(` as syntax),
        # which no Windows path holds.
        quoted = f'"{config_file}"' if os.name == "nt" else shlex.quote(str(config_file))
        words += ["-f", quoted]
    return " ".join([*words, *arguments])
