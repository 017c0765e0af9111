"""Cache files signed with a key of this user's, so that only this user's runs can make one
that a run reads back.

    <signature file>    ~/.cache/coalition-handbook/key (or $XDG_CACHE_HOME/..., or
                        $HANDBOOK_CACHE_KEY_FILE): 32 random bytes, mode 0600
    a signed file       MAGIC, HMAC-SHA256(key, purpose, payload), payload

The packs in `.cache/handbook/` are pickles and the compiled templates marshalled code:
reading one back runs what it holds. `cache_refused` keeps out a cache that git tracks,
but git cannot see every way one arrives: a `.cache` that is a git submodule, or a
repository downloaded as an archive (GitHub's "Download ZIP", a release tarball) and
unpacked outside git (security audit, finding 3). The key lives outside every
repository, so no file that came with one carries a valid signature: such a file, like
one from an older version or another user, is a miss, and the run writes it anew.

Where no key can be read or made (a home folder that cannot be written), `signing_key`
is None and the caches that run code are off for the process (said once, at INFO).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import logging
import os
import secrets
import tempfile
from functools import cache
from pathlib import Path

KEY_FILE_VARIABLE = "HANDBOOK_CACHE_KEY_FILE"
# Marks a signed file: a pack written by an earlier version (a bare pickle) has none.
MAGIC = b"HBSIGN1\n"
_KEY_BYTES = 32
_TAG_BYTES = hashlib.sha256().digest_size
_HEADER = len(MAGIC) + _TAG_BYTES

# What a signed file is for: a signature made for one kind is no signature for another.
PACK = b"pack"
TEMPLATE = b"template"

log = logging.getLogger("mkdocs.plugins.handbook")


def key_file() -> Path:
    """Where the signing key is kept: named by HANDBOOK_CACHE_KEY_FILE, else in the
    user's cache folder (XDG_CACHE_HOME, if absolute, as the XDG specification asks)."""
    named = os.environ.get(KEY_FILE_VARIABLE, "").strip()
    if named:
        return Path(named).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    folder = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return folder / "coalition-handbook" / "key"


def signing_key() -> bytes | None:
    """This user's key, made at the first call that finds none; None if it can be neither
    read nor made."""
    return _key_at(key_file())


@cache  # once per process and file: a warm run reads it once
def _key_at(path: Path) -> bytes | None:
    key = _read_key(path)
    if key is None:
        try:
            key = _make_key(path)
        except OSError as error:
            log.info(
                f"handbook: no cache key in {path} ({error.strerror or error}): the caches "
                f"of parsed files and compiled templates are off (set {KEY_FILE_VARIABLE} "
                "to a file in a folder you can write)"
            )
            return None
    return key


def _read_key(path: Path) -> bytes | None:
    with contextlib.suppress(OSError):
        key = path.read_bytes()
        if len(key) == _KEY_BYTES:
            return key
    return None  # none yet, or damaged: a new one replaces it


def _make_key(path: Path) -> bytes:
    """Write a new key to `path`, atomically and readable by its owner alone; if another
    run made one meanwhile, that one is kept and returned."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".key-")  # mode 0600
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(secrets.token_bytes(_KEY_BYTES))
        if os.path.lexists(path):  # there, yet no key (`_read_key`): damaged, replaced
            Path(temporary).replace(path)
        else:
            _link_unless_made(Path(temporary), path)
    finally:
        Path(temporary).unlink(missing_ok=True)
    key = _read_key(path)
    if key is None:
        raise OSError(errno.EIO, "the key written could not be read back", str(path))
    return key


def _link_unless_made(temporary: Path, path: Path) -> None:
    """Put `temporary` at `path` unless a key is there already (made by another run at
    the same moment: every run then signs with that one)."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        pass
    except OSError:  # a file system without hard links
        temporary.replace(path)


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
