"""Under `--dirty`, the pages whose handbook sources changed since they were written.

MkDocs rebuilds a page in a dirty build when its Markdown is newer than its HTML. A page
is also made of the glossary (its autolinks and their tooltips), the protocols (a
module's steps and contacts) and mkdocs.yml (the plugin's options): a page older than
the newest of those is rebuilt too, as a full build would write it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from mkdocs.structure.files import Files


def newest_change(sources: Iterable[Path]) -> float:
    """The latest time a file in `sources` (files or folders, walked) was written, or
    one was added, removed or renamed there (which changes its folder's time)."""
    newest = 0.0
    for source in sources:
        paths = (source, *source.rglob("*")) if source.is_dir() else (source,)
        for path in paths:
            # Its own time, not its target's: a link left dangling, or a file removed
            # while serve walks the folder, is no traceback (DESIGN 11).
            try:
                newest = max(newest, path.lstat().st_mtime)
            except OSError:
                continue
    return newest


def date_back_older_pages(files: Files, sources: Iterable[Path]) -> int:
    """Give each page written before the newest change of `sources` an old time, for
    MkDocs to take it as changed (its own test: the HTML older than the Markdown).
    Returns how many pages will be rebuilt so."""
    newest = newest_change(sources)
    dated = 0
    for file in files.documentation_pages():
        page = Path(file.abs_dest_path)
        if file.abs_src_path is None or not page.is_file():
            continue
        if page.stat().st_mtime < newest:
            os.utime(page, (0, 0))
            dated += 1
    return dated
