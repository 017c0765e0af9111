"""The site already published stays until a new one is complete (DESIGN section 11:
"nothing already published is lost").

MkDocs empties site_dir before it writes a page. A build that fails after that (a page
whose template breaks, a warning under --strict, a plugin's error) would leave half a
site where the last good one was. So before MkDocs cleans, `PreviousSite.set_aside`
moves the published site's entries into a hidden folder inside site_dir, which MkDocs
never cleans (it skips hidden entries). A build that fails puts them back (`restore`);
one that succeeds deletes them (`discard`). Renames inside one folder: instant, and on
one file system even where site_dir is a mount point. Hidden entries of site_dir (the
`.git` of a gh-pages checkout) stay where they are, as MkDocs leaves them.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

ASIDE = ".handbook-previous-site"


@dataclass(frozen=True)
class PreviousSite:
    site_dir: Path
    aside: Path

    @classmethod
    def set_aside(cls, site_dir: Path) -> PreviousSite | None:
        """Move the published site in `site_dir` aside; None if there is none (or it
        cannot be moved, when MkDocs cleans it as it always did)."""
        try:
            names = [name for name in os.listdir(site_dir) if not name.startswith(".")]
        except OSError:  # no site yet
            return None
        aside = site_dir / ASIDE
        if aside.is_dir():
            # A build was killed before it finished (no Python code runs on SIGKILL or
            # SIGTERM): the site it set aside is the one published, and what stands
            # beside it is that build's half.
            _remove(site_dir, names)
            return cls(site_dir, aside)
        if not names:
            return None
        moved: list[str] = []
        try:
            aside.mkdir()
            for name in names:
                os.rename(site_dir / name, aside / name)
                moved.append(name)
        except OSError:
            for name in moved:  # as it was
                os.rename(aside / name, site_dir / name)
            shutil.rmtree(aside, ignore_errors=True)
            return None
        return cls(site_dir, aside)

    def restore(self) -> None:
        """Put the previous site back in place of what a failed build wrote."""
        _remove(self.site_dir, [name for name in os.listdir(self.site_dir) if name[:1] != "."])
        for name in os.listdir(self.aside):
            os.replace(self.aside / name, self.site_dir / name)
        shutil.rmtree(self.aside, ignore_errors=True)

    def discard(self) -> None:
        """The new site is complete: the previous one goes."""
        shutil.rmtree(self.aside, ignore_errors=True)


def _remove(folder: Path, names: list[str]) -> None:
    for name in names:
        path = folder / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
