"""New files put in place whole or not at all, and never over anything already there.

A file made exclusively and then written is there, empty or half-written, for as long
as the writing takes: a run killed then (SIGKILL, a power cut) leaves it so, and nothing
tells it from one finished (crash/concurrency audit: an empty glossary term). So the
bytes go to a hidden temporary file in the same folder first, reach the disk (fsync),
and are hard-linked to the name: a link, like an exclusive create, fails where the name
is taken, so two runs at once keep the first one's file. This module imports nothing of
the package, so that `cache_signature` (which `cache` imports) and the editor share it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path


def temporary_prefix(target: Path) -> str:
    """How the temporary files of `target` begin: hidden (no record folder reads a
    hidden file), and named after it."""
    return f".{target.name}."


def create_whole(path: Path, data: bytes, mode: int = 0o666) -> bool:
    """Write `data` to a new file at `path` (`mode` as the umask leaves it) unless
    anything is at that name, a link or a folder included; whether it was written.
    Other failures (a full disk, a read-only folder) raise OSError, leaving nothing."""
    temporary = _new_temporary(path, mode)
    try:
        with temporary.open("wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())  # on the disk before any name leads to it
        return link_into_place(temporary, path, data, mode)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _new_temporary(path: Path, mode: int) -> Path:
    """A new empty hidden file beside `path`: with `mode`, which `mkstemp` (0600) lacks."""
    while True:
        temporary = path.with_name(f"{temporary_prefix(path)}{secrets.token_hex(6)}")
        try:
            os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode))
        except FileExistsError:  # 48 random bits taken: try others
            continue
        return temporary


def link_into_place(temporary: Path, path: Path, data: bytes, mode: int) -> bool:
    """Put `temporary` (holding `data`) at `path` unless anything is there already;
    whether it was put. `temporary` stays, for the caller to remove."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        return False
    except OSError:
        # No hard links here (EPERM on some network and FAT file systems, ENOTSUP,
        # EXDEV), or the temporary file gone: made exclusively, then written, as before.
        # Still never over another file; only a kill mid-write can leave it half-written.
        return _create_then_write(path, data, mode)
    return True


def _create_then_write(path: Path, data: bytes, mode: int) -> bool:
    """Make `path` exclusively and write `data` to it, or remove it if that fails (a
    full disk): whether it was made."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except FileExistsError:
        return False
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise
    return True
