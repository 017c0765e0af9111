"""The files a glob pattern of mkdocs-include-markdown-plugin names, read as the plugin
reads it: with wcmatch's glob and the plugin's flags (braces, `**`, bash's extended
patterns, `!` to leave files out; no hidden names but where a part starts with `.`),
which Python's glob does not read alike. wcmatch is what the plugin itself depends on.
"""

from __future__ import annotations

import os
from pathlib import Path

from wcmatch import glob

# The flags mkdocs-include-markdown-plugin reads its patterns with (its `GLOB_FLAGS`).
_PLUGIN_FLAGS = glob.NEGATE | glob.EXTGLOB | glob.GLOBSTAR | glob.BRACE


def glob_files(base: Path, pattern: str) -> list[str]:
    """The paths that `pattern` names, from `base` where it is relative, as the plugin
    joins them; none where it names folders only. Strings: a pattern may name thousands
    of files, whose paths are made once, by the caller."""
    if names_a_folder(pattern):
        return []
    return glob_paths(base, pattern)


def glob_paths(base: Path, pattern: str) -> list[str]:
    """The paths, of files and folders, that `pattern` names, from `base` where it is
    relative, as the plugin joins them: its `exclude=` leaves out the files of a folder
    named `partials/drafts/` as of one named `partials/drafts`."""
    if pattern.startswith("/"):
        return list(glob.iglob(pattern, flags=_PLUGIN_FLAGS))
    root = str(base)
    return [
        os.path.join(root, found)  # noqa: PTH118 (strings, as wcmatch gives them)
        for found in glob.iglob(pattern, flags=_PLUGIN_FLAGS, root_dir=root)
    ]


def names_a_folder(pattern: str) -> bool:
    """Whether `pattern` names folders only (`partials/`, `partials/.`)."""
    return pattern.endswith(("/", "/.")) or pattern == "."
