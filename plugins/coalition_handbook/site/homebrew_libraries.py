"""On macOS, where WeasyPrint finds the Pango that `brew install pango` put in place.

cffi loads a library by name through `ctypes.util.find_library`, which on macOS looks in
DYLD_FALLBACK_LIBRARY_PATH, read at each call, or else in ~/lib, /usr/local/lib, /lib and
/usr/lib. Homebrew on Apple Silicon keeps its libraries in /opt/homebrew/lib, which is
none of them (audit: on a Mac, the handouts said to `brew install pango` when it was
installed). A user's own `export DYLD_FALLBACK_LIBRARY_PATH=...` does not help `make
serve`: macOS drops DYLD_ variables when it starts make and /bin/sh, which it protects.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

FALLBACK = "DYLD_FALLBACK_LIBRARY_PATH"
# Where macOS's loader looks when FALLBACK is not set (`man dyld`).
DEFAULT_FOLDERS = ("~/lib", "/usr/local/lib", "/lib", "/usr/lib")
# Homebrew's on Apple Silicon, and on Intel Macs (among the defaults already).
HOMEBREW_FOLDERS = ("/opt/homebrew/lib", "/usr/local/lib")


def fallback_with_homebrew(environ: Mapping[str, str]) -> str:
    """FALLBACK as it is (or macOS's default folders), then Homebrew's library folders:
    `$HOMEBREW_PREFIX/lib` where `brew shellenv` set it (a prefix of one's own), then the
    usual ones."""
    given = environ.get(FALLBACK)
    folders = given.split(":") if given else [str(Path(f).expanduser()) for f in DEFAULT_FOLDERS]
    prefix = environ.get("HOMEBREW_PREFIX")
    for folder in (*([f"{prefix}/lib"] if prefix else []), *HOMEBREW_FOLDERS):
        if folder not in folders:
            folders.append(folder)
    return ":".join(folders)


@contextmanager
def homebrew_libraries_found() -> Iterator[None]:
    """On macOS, FALLBACK names Homebrew's library folders while WeasyPrint is imported
    (and loads Pango), and is as it was after; elsewhere, nothing changes."""
    if sys.platform != "darwin":
        yield
        return
    before = os.environ.get(FALLBACK)
    os.environ[FALLBACK] = fallback_with_homebrew(os.environ)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(FALLBACK, None)  # the import may have removed it itself
        else:
            os.environ[FALLBACK] = before
