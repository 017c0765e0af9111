"""The theme's templates compiled by an earlier build, beside mkdocs.yml.

    .cache/handbook/templates/__jinja2_<digest>.cache

MkDocs makes a new Jinja environment for every build, so every `mkdocs build` and every
`mkdocs serve` rebuild compiles Material's templates (and the term page's) again: a
fixed cost of about a third of a second that a two-page site pays in full. Jinja's own
file cache keeps the compiled code; it checks each template's source, and Python's
version, before it uses any. `HANDBOOK_NO_CACHE=1` turns it off, as it does the others;
so does a cache that came with the repository (`cache_refused`): a compiled template is
code, and Jinja unpickles part of each file. A file that is a symbolic link is not read.
"""

from __future__ import annotations

import contextlib
from io import BytesIO
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket

from ..cache import CACHE_DIR, cache_disabled, cache_refused, read_regular_file


class _TemplateCodeCache(FileSystemBytecodeCache):
    """Jinja's file cache, which a damaged file or a folder that cannot be read or
    written only makes slower."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            # As Jinja's own, but never through a link (which no build makes).
            path = Path(self._get_cache_filename(bucket))
            bucket.load_bytecode(BytesIO(read_regular_file(path, follow_links=False)))
        except Exception:  # missing, unreadable or damaged: compiled again, as with no cache
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            Path(self.directory).mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)


def template_code_cache(root: Path) -> FileSystemBytecodeCache | None:
    """The compiled-template cache of the handbook whose mkdocs.yml is in `root`, or
    None when caching is off."""
    if cache_disabled() or cache_refused(root):
        return None
    return _TemplateCodeCache(str(root / CACHE_DIR / "templates"))
