"""Cache files signed with a key of this user's, so that only this user's runs can make one
that a run reads back.

    <key file>          ~/.cache/coalition-handbook/key (or $XDG_CACHE_HOME/..., or
                        $HANDBOOK_CACHE_KEY_FILE): at least MIN_KEY_BYTES bytes, whitespace
                        at either end aside (one this package makes: 64 hex digits, mode 0600)
    the signing key     SHA-256 of the key file's bytes (so any secret of that length does)
    a signed file       MAGIC, HMAC-SHA256(key, purpose, payload), payload

The packs in `.cache/handbook/` are pickles and the compiled templates marshalled code:
reading one back runs what it holds. `cache_refused` keeps out a cache that git tracks,
but git cannot see every way one arrives: a `.cache` that is a git submodule, or a
repository downloaded as an archive (GitHub's "Download ZIP", a release tarball) and
unpacked outside git (security audit, finding 3). The key lives outside every
repository, so no file that came with one carries a valid signature: such a file, like
one from an older version or another user, is a miss, and the run writes it anew. The
handout cache signs each PDF's record (`HANDOUT`) for the same reason: the digest that
vouches for a cached PDF would otherwise come with the PDF (review rv1, finding 2).

The key file named by HANDBOOK_CACHE_KEY_FILE is the user's: made when missing, never
replaced (review: a hex key from a CI secret was overwritten with new bytes, so every run
was cold). The default one is ours, and replaced when it is no key. Two runs that make it
at once keep the first one linked in place (`new_files.link_into_place`). The key is read
again when its file changes (one stat per use): a long `mkdocs serve` signs as `handbook
check` does.

Where no key can be read or made (a home folder that cannot be written, a named file too
short), `signing_key` is None and the caches are off for as long as that lasts (said at
INFO once for each change of the file; `handbook` says it on stderr: `unavailable_note`).
A key that others may read is used, and said the same way.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import stat
import tempfile
from pathlib import Path
from typing import NamedTuple

from .new_files import link_into_place

KEY_FILE_VARIABLE = "HANDBOOK_CACHE_KEY_FILE"
# Marks a signed file: a pack written by an earlier version (a bare pickle) has none.
MAGIC = b"HBSIGN1\n"
# The least a key file must hold: below that, a guess is within reach.
MIN_KEY_BYTES = 16
_MADE_KEY_BYTES = 32  # random bytes in a key this package makes
_TAG_BYTES = hashlib.sha256().digest_size
_HEADER = len(MAGIC) + _TAG_BYTES

# What a signed file is for: a signature made for one kind is no signature for another.
PACK = b"pack"
TEMPLATE = b"template"
HANDOUT = b"handout"

log = logging.getLogger("mkdocs.plugins.handbook")

# What a key file was when last read: (device, inode, size, time, mode) or None; the
# mode, so that a `chmod 600` is seen.
_Identity = tuple[int, int, int, int, int] | None


class _Known(NamedTuple):
    """A key file as last read: what it was, its key, why there is none if so, and what
    is wrong with one that is used (others may read it)."""

    identity: _Identity
    key: bytes | None
    problem: str | None = None
    warning: str | None = None


class KeyFile(NamedTuple):
    """Where the signing key is kept, and whether HANDBOOK_CACHE_KEY_FILE names it (the
    user's file, never replaced) or it is the default one (ours)."""

    path: Path
    named: bool


_known: dict[Path, _Known] = {}


class KeyUnusable(Exception):
    """A key file that is there but holds no usable key; the message says why."""


def key_file() -> KeyFile:
    """Where the signing key is kept: named by HANDBOOK_CACHE_KEY_FILE (a relative path
    is the current folder's, as the shell that set it reads it: made absolute here, so
    that a message names it whole), else in the user's cache folder (XDG_CACHE_HOME, if
    absolute, as the XDG specification asks)."""
    named = os.environ.get(KEY_FILE_VARIABLE, "").strip()
    if named:
        return KeyFile(Path.cwd() / Path(named).expanduser(), named=True)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    folder = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return KeyFile(folder / "coalition-handbook" / "key", named=False)


def signing_key() -> bytes | None:
    """This user's key, made at the first call that finds none; None if it can be neither
    read nor made. Read again only once its file changed (or went)."""
    path, named = key_file()
    known = _known.get(path)
    if known is None or known.identity != _identity_of(path):
        known = _known[path] = _key_at(path, named)
    return known.key


def unavailable_note() -> str | None:
    """Why the caches are off for want of a key, or what is wrong with the key they use
    (others may read it), where this process sought the key (for `handbook`, whose
    stderr shows no INFO line)."""
    known = _known.get(key_file().path)
    return None if known is None else known.problem or known.warning


def _key_at(path: Path, named: bool) -> _Known:
    """The key file at `path` read (or made). What is wrong is logged here, which runs
    once for each change of the file: said again where it breaks again in a long
    `mkdocs serve`, never at every use."""
    try:
        status, key = _read_or_make(path, named)
    except (KeyUnusable, OSError) as problem:
        message = _no_key_message(path, named, _why(path, problem))
        log.info(message)
        return _Known(_identity_of(path), None, message)
    warning = _readable_by_others(path, status.st_mode)
    if warning is not None:
        log.info(warning)
    return _Known(_identity(status), key, warning=warning)


def _readable_by_others(path: Path, mode: int) -> str | None:
    """Why a key file of `mode` is unsafe, where others than its owner may read or write
    it: whoever reads it can sign cache files that the owner's next run loads (a pickle:
    code run as the owner), and whoever writes it can make it their key. ssh refuses such
    a key; this one is still used (a CI runner is one user's), and said."""
    if not mode & 0o066:
        return None
    return (
        f"handbook: the cache key {path} can be read or written by other users "
        f"(mode {stat.S_IMODE(mode):04o}): whoever reads it can sign cache files that "
        f"your next run loads, and so run code as you; make it yours alone: chmod 600 {path}"
    )


def _read_or_make(path: Path, named: bool) -> tuple[os.stat_result, bytes]:
    try:
        return _read_key(path)
    except FileNotFoundError:
        pass  # none yet: made below
    except (KeyUnusable, OSError):
        if named:
            raise  # the user's own file: never replaced
    return _make_key(path, replace_damaged=not named)


def _read_key(path: Path) -> tuple[os.stat_result, bytes]:
    """The status of the key file at `path` and the key its bytes make; raises OSError
    where it cannot be read, `KeyUnusable` where it holds no key. Opened without
    blocking: a named pipe with no writer would otherwise hold the run for ever."""
    with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise KeyUnusable(_not_a_key_file(status.st_mode))
        written = file.read()
    # `openssl rand -hex 32 > key` ends in a newline; `printf %s "$SECRET"` does not.
    material = written.strip()
    if len(material) < MIN_KEY_BYTES:
        besides = " besides spaces and line breaks" if len(written) > len(material) else ""
        raise KeyUnusable(
            f"it holds {len(material)} bytes{besides}, and a key needs at least "
            f"{MIN_KEY_BYTES}: make one with `openssl rand -hex 32`"
        )
    return status, hashlib.sha256(material).digest()


def _not_a_key_file(mode: int) -> str:
    """Why a file of `mode`, no regular file, holds no key: a pipe (`<(printf ...)`,
    /dev/stdin) is read once, and the key is read at every change of its file."""
    from .cache import not_a_regular_file  # `cache` imports this module

    why = f"it is {not_a_regular_file(mode)}"
    if stat.S_ISFIFO(mode):
        why += ", which is read once, and a run reads the key again; write it to a file"
    return why


def _make_key(path: Path, replace_damaged: bool) -> tuple[os.stat_result, bytes]:
    """Write a new key to `path`, readable by its owner alone, unless a key is there: one
    another run made meanwhile is kept and returned (the first one made wins), a damaged
    one replaced if `replace_damaged`."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = secrets.token_hex(_MADE_KEY_BYTES).encode("ascii") + b"\n"
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".key-")  # mode 0600
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(key)
        if not link_into_place(Path(temporary), path, key, 0o600):
            try:
                return _read_key(path)
            except (KeyUnusable, OSError):
                if not replace_damaged:
                    raise
            path.unlink()  # a folder in its place stays, and the caches are off
            # Or another run's, made meanwhile, is read.
            link_into_place(Path(temporary), path, key, 0o600)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return _read_key(path)


def _identity(status: os.stat_result) -> tuple[int, int, int, int, int]:
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_mode)


def _identity_of(path: Path) -> _Identity:
    try:
        return _identity(path.stat())
    except OSError:
        return None


def _why(path: Path, problem: Exception) -> str:
    """Why no key is at `path`, in words that name what to change (mkdir's "File exists"
    said nothing of the file in a folder's place)."""
    if isinstance(problem, KeyUnusable):
        return str(problem)
    if path.is_symlink() and not path.exists():
        return f"it is a link to {path.readlink()}, which does not exist"
    for folder in path.parents:
        if os.path.lexists(folder):
            if not folder.is_dir():
                return f"{folder} is a file, not a folder"
            break
    if path.is_dir():
        return "it is a folder, not a file"
    if isinstance(problem, OSError) and problem.strerror:
        return problem.strerror
    return str(problem)


def _no_key_message(path: Path, named: bool, why: str) -> str:
    advice = (
        f"fix the file {KEY_FILE_VARIABLE} names, or name another"
        if named
        else f"set {KEY_FILE_VARIABLE} to a file in a folder you can write"
    )
    return (
        f"handbook: no cache key in {path} ({why}): the caches of parsed files, compiled "
        f"templates and PDF handouts are off ({advice})"
    )


def _tag(key: bytes, purpose: bytes, payload: bytes | memoryview) -> bytes:
    mac = hmac.new(key, purpose + b"\0", hashlib.sha256)
    mac.update(payload)
    return mac.digest()


def signed(payload: bytes, purpose: bytes) -> bytes | None:
    """`payload` as a signed file holds it, or None where there is no key."""
    key = signing_key()
    if key is None:
        return None
    return MAGIC + _tag(key, purpose, payload) + payload


def verified(data: bytes, purpose: bytes) -> memoryview | None:
    """The payload of the signed file `data` (without a copy), or None where its signature
    is not this user's for `purpose`: a file from elsewhere, damaged, or unsigned."""
    key = signing_key()
    if key is None or not data.startswith(MAGIC):
        return None
    view = memoryview(data)
    expected = _tag(key, purpose, view[_HEADER:])
    if not hmac.compare_digest(expected, view[len(MAGIC) : _HEADER]):
        return None
    return view[_HEADER:]
