"""A `handbook` command as the editor types it, for the advice that messages give."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

# The report a pull request's reviewers read: the branch from the commit where it left
# the base (three dots), uncommitted edits included. CONTRIBUTING.md and the pull request
# template name the same.
PULL_REQUEST_BASE = "origin/main..."


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
