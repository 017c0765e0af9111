"""The theme's templates compiled by an earlier build, beside mkdocs.yml.

    .cache/handbook/templates/<engine>/__jinja2_<digest>.cache

MkDocs makes a new Jinja environment for every build, so every `mkdocs build` and every
`mkdocs serve` rebuild compiles Material's templates (and the term page's) again: a
fixed cost of about a third of a second that a two-page site pays in full. Jinja's own
file cache keeps the compiled code; it checks each template's source, and Python's
version, before it uses any; not the environment's settings and filters, which are
compiled into the code too: so the code of each version of the plugin, Jinja, MkDocs
and the theme is kept in a folder of its own (`<engine>`; review: an upgrade that made
a filter take the context stopped the build with the old code). Another version's folder
is removed once no build has used it for a week (`_remove_other_versions`).

`HANDBOOK_NO_CACHE=1` turns it off, as it does the others; so does a cache that came
with the repository (`cache_refused`): a compiled template is code, and Jinja unpickles
part of each file. So each file is signed, as the packs are (`cache_signature`), and one
not signed with this user's key is compiled anew, never loaded; nor is a file that is a
symbolic link.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from functools import cache
from io import BytesIO
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket

from ..cache import (
    CACHE_DIR,
    cache_disabled,
    cache_refused,
    digest,
    engine_fingerprint,
    library_identities,
    read_regular_file,
    write_cache_file,
)
from ..cache_signature import TEMPLATE, signed, signing_key, verified
from ..lazy_pattern import LazyPattern

# What compiles the templates besides their sources: the environments' settings and
# filters come from these (module: distribution), and from the plugin's own code and the
# libraries it names (Jinja and MarkupSafe among them: `engine_fingerprint`).
_COMPILING_LIBRARIES = {"mkdocs": "mkdocs", "material": "mkdocs_material"}

# The folder of one version's code (`_compiler_identity`), and a file of compiled code
# as Jinja names it.
_VERSION_FOLDER = LazyPattern(r"[0-9a-f]{16}")
_LOOSE_CODE = LazyPattern(r"__jinja2_[0-9a-f]+\.cache")
# Another version's code is removed once unused for this long (seconds), not at once:
# two installs that build one checkout in turn (a pre-commit hook's and the editor's
# own), or a `mkdocs serve` of the version before still running, each keep theirs.
_UNUSED_FOR = 7 * 24 * 3600


class _TemplateCodeCache(FileSystemBytecodeCache):
    """Jinja's file cache, of files signed with this user's key, which a damaged file,
    one from elsewhere or a folder that cannot be read or written only makes slower."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            # As Jinja's own, but never through a link (which no build makes).
            path = Path(self._get_cache_filename(bucket))
            code = verified(read_regular_file(path, follow_links=False), TEMPLATE)
        except OSError:
            code = None
        if code is None:  # missing, unreadable or not signed here: compiled again
            bucket.reset()
            return
        try:
            bucket.load_bytecode(BytesIO(code))
        except Exception:  # damaged all the same: compiled again, as with no cache
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        data = signed(bucket.bytecode_to_string(), TEMPLATE)
        if data is not None:
            write_cache_file(Path(self._get_cache_filename(bucket)), data)


def template_code_cache(root: Path) -> FileSystemBytecodeCache | None:
    """The compiled-template cache of the handbook whose mkdocs.yml is in `root`, or
    None when caching is off."""
    if cache_disabled() or cache_refused(root) or signing_key() is None:
        return None
    folder = root / CACHE_DIR / "templates"
    kept = folder / _compiler_identity()
    # Its time says it is in use (each build: a `mkdocs serve` of weeks keeps it). Not
    # through a link, which no build makes (and `follow_symlinks` Windows has not).
    with contextlib.suppress(OSError):  # none yet: the first template compiled makes it
        if not kept.is_symlink():
            os.utime(kept)
    _remove_other_versions(folder, kept.name)
    return _TemplateCodeCache(str(kept))


@cache
def _remove_other_versions(folder: Path, kept: str) -> None:
    """Remove the code that other versions compiled into `folder` (once a process) and
    that no build used for `_UNUSED_FOR`: each upgrade left a folder of some 470 KB
    behind (review rv16), and a version before folders were kept per version wrote its
    files in `folder` itself. A `folder` that is a link is left alone: where it leads is
    not the cache's to clean."""
    try:
        if folder.is_symlink():
            return
        entries = list(os.scandir(folder))
    except OSError:
        return
    unused_since = time.time() - _UNUSED_FOR
    for entry in entries:
        try:
            if entry.name == kept or entry.stat(follow_symlinks=False).st_mtime > unused_since:
                continue
            if entry.is_dir(follow_symlinks=False) and _VERSION_FOLDER.fullmatch(entry.name):
                shutil.rmtree(entry.path, ignore_errors=True)
            elif entry.is_file(follow_symlinks=False) and _LOOSE_CODE.fullmatch(entry.name):
                Path(entry.path).unlink()
        except OSError:
            continue  # another run removed it, or it cannot be: only space is lost


@cache
def _compiler_identity() -> str:
    """A short digest of the plugin's code and the libraries that compile templates."""
    return digest(engine_fingerprint(), *library_identities(_COMPILING_LIBRARIES))[:16]
