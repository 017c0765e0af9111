"""The site already published stays until a new one is complete (DESIGN section 11:
"nothing already published is lost").

MkDocs empties site_dir before it writes a page. A build that fails after that (a page
whose template breaks, a warning under --strict, a plugin's error) would leave half a
site where the last good one was. So before MkDocs cleans, `PreviousSite.set_aside`
moves the published site's entries into a hidden folder inside site_dir, which MkDocs
never cleans (it skips hidden entries). A build that fails puts them back (`restore`);
one that succeeds deletes them (`discard`), renaming the folder first, so that what a
build killed then leaves of it is never put back. Every build first puts back a site
that a killed build left aside (`recover`). Renames inside one folder: instant, and on
one file system even where site_dir is a mount point. Hidden entries of site_dir (the
`.git` of a gh-pages checkout) stay where they are, as MkDocs leaves them.

Nothing here follows a symbolic link. An aside folder that is a link (committed with
`git add -f`, it may lead anywhere) or a file is no build's: the link itself goes, and the
build goes on as if there were none. Entries that are links are moved or unlinked as
links, never emptied through.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

ASIDE = ".handbook-previous-site"
DISCARDED = ".handbook-discarded-site"  # the previous site, being deleted
_COMPLETE = ".complete"  # in ASIDE, once the whole site is there


@dataclass(frozen=True)
class PreviousSite:
    site_dir: Path
    aside: Path

    @staticmethod
    def recover(site_dir: Path) -> None:
        """Put back the site that a build killed before it finished had set aside (no
        Python code runs on SIGKILL or SIGTERM): run first by every build, so that one
        stopped by its checks, before it sets anything aside, leaves the published site
        in place, not hidden. What a build killed while discarding the old site left of
        it goes."""
        with contextlib.suppress(OSError):  # no site_dir yet, or none to search
            _remove([site_dir / DISCARDED])
        aside = site_dir / ASIDE
        if _drop_unless_folder(aside) and _is_folder(aside):
            # Complete, the whole published site is aside and what stands beside it is
            # the killed build's half; else it was killed while setting the site aside,
            # and what moved goes back beside what did not.
            _put_back(site_dir, aside, replace_site=_is_file(aside / _COMPLETE))

    @classmethod
    def set_aside(cls, site_dir: Path) -> PreviousSite | None:
        """Move the published site in `site_dir` aside; None if there is none (or it
        cannot be moved, when MkDocs cleans it as it always did)."""
        cls.recover(site_dir)
        try:
            entries = [entry for entry in site_dir.iterdir() if not entry.name.startswith(".")]
        except OSError:  # no site yet
            return None
        aside = site_dir / ASIDE
        if not _drop_unless_folder(aside):
            return None  # a link or file that cannot be removed: MkDocs cleans as always
        if not entries:
            return None
        moved: list[Path] = []
        try:
            aside.mkdir()
            for entry in entries:
                moved.append(entry.rename(aside / entry.name))
            (aside / _COMPLETE).touch()
        except OSError:
            for entry in moved:  # as it was
                entry.rename(site_dir / entry.name)
            shutil.rmtree(aside, ignore_errors=True)
            return None
        return cls(site_dir, aside)

    def restore(self) -> None:
        """Put the previous site back in place of what a failed build wrote."""
        if not _is_folder(self.aside):  # no longer the folder set aside: nothing to put back
            _drop_unless_folder(self.aside)
            return
        _put_back(self.site_dir, self.aside, replace_site=True)

    def discard(self) -> None:
        """The new site is complete: the previous one goes. Renamed first, in one step: a
        build killed while deleting it must not leave a part of it where the next build
        would take it for a site set aside."""
        if not _drop_unless_folder(self.aside) or not _is_folder(self.aside):
            return
        discarded = self.site_dir / DISCARDED
        _remove([discarded])
        try:
            self.aside.rename(discarded)
        except OSError:  # deleted where it is, its marker first
            discarded = self.aside
            with contextlib.suppress(OSError):
                (discarded / _COMPLETE).unlink()
        shutil.rmtree(discarded, ignore_errors=True)


def _put_back(site_dir: Path, aside: Path, replace_site: bool) -> None:
    """Move the entries of `aside` back into `site_dir` (after removing what else stands
    there, if `replace_site`), then remove `aside`."""
    if replace_site:
        _remove([entry for entry in site_dir.iterdir() if not entry.name.startswith(".")])
    for entry in aside.iterdir():
        if entry.name == _COMPLETE:  # (a link by that name: no marker of a build's)
            continue
        target = site_dir / entry.name
        _remove([target])  # the entry set aside is the published one
        entry.replace(target)
    shutil.rmtree(aside, ignore_errors=True)


def _is_folder(path: Path) -> bool:
    """Whether `path` is a folder itself: not a link to one."""
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return False


def _is_file(path: Path) -> bool:
    """Whether `path` is a regular file itself: not a link to one."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def _drop_unless_folder(path: Path) -> bool:
    """Remove `path` if it is there but no folder (a link goes, not what it leads to).
    False when it is still there and no folder."""
    if _is_folder(path):
        return True
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
    return not os.path.lexists(path)


def _remove(entries: list[Path]) -> None:
    for entry in entries:
        if _is_folder(entry):
            shutil.rmtree(entry, ignore_errors=True)
        else:  # a file, or a link: unlinked, never emptied through
            entry.unlink(missing_ok=True)
