"""The term and protocol folders that `mkdocs serve` watches, so that it rebuilds when a
record changes, not only a page; and the folders of the files pages include with
pymdownx.snippets, outside docs_dir (which MkDocs watches).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import HandbookConfig
from ..model.types import Handbook, Page, TextFile

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


def watch_included_folders(
    server: LiveReloadServer, hb_config: HandbookConfig, handbook: Handbook, watched: set[Path]
) -> None:
    """Watch the folders of the files `handbook`'s pages include that are outside
    docs_dir, each once (`watched`), at the start of `mkdocs serve` and after each check:
    an edited include (maybe the fix of the error that stopped the build) rebuilds.
    Not their subfolders: the file's folder may be the repository's, which holds
    site_dir, and what the build writes there would start it again."""
    for folder in _included_folders(hb_config, handbook):
        if folder in watched or not folder.is_dir():
            continue
        server.watch(str(folder), recursive=False)
        watched.add(folder)


def _included_folders(hb_config: HandbookConfig, handbook: Handbook) -> Iterable[Path]:
    docs_dir = hb_config.docs_dir.resolve()
    included: tuple[Page | TextFile, ...] = (*handbook.included_files, *handbook.included_code)
    names = {item.path for item in included}
    for name in sorted(names):
        folder = (hb_config.root / name).resolve().parent
        if not folder.is_relative_to(docs_dir):
            yield folder
