"""The term and protocol folders that `mkdocs serve` watches, so that it rebuilds when a
record changes, not only a page.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..config import HandbookConfig

if TYPE_CHECKING:  # only `mkdocs serve` loads it, with watchdog: not worth it for a build
    from mkdocs.livereload import LiveReloadServer


def watch_record_folders(
    server: LiveReloadServer, hb_config: HandbookConfig, watched_folders: dict[Path, int]
) -> None:
    """Watch the term and protocol folders that exist, at the start of `mkdocs serve`
    and at each rebuild: a folder made (or made again) while it runs, by the first
    `handbook new term` or `git stash -u`, went unwatched until a restart (audit,
    review). Only existing folders can be watched."""
    for folder in (hb_config.glossary_dir, hb_config.protocols_dir):
        try:
            inode = folder.stat().st_ino if folder.is_dir() else None
        except OSError:
            inode = None
        watched = watched_folders.get(folder)
        if inode is None or inode == watched:
            continue
        # A folder removed and made again (`git stash -u`) is another folder to watch.
        if watched is not None:
            server.unwatch(str(folder))
        server.watch(str(folder))
        watched_folders[folder] = inode
