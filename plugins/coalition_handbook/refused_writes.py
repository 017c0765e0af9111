"""Writes the machine refuses, not the handbook or the code: a full disk (a volunteer's
laptop), a quota, a read-only checkout (a CI container's), a folder the user may not
write. Said in one line naming the file and what to do, by the build's log
(plugin/published_site.py) and `handbook handouts` alike, never as Python's `[Errno 28]`.
"""

from __future__ import annotations

import errno
from collections.abc import Callable

# Space runs out: freeing some is the way on.
_NO_ROOM = {
    errno.ENOSPC,
    errno.EFBIG,
    getattr(errno, "EDQUOT", errno.ENOSPC),  # (no quotas on Windows)
}
# The folder may not be written: a read-only file system, or no permission.
_NOT_WRITABLE = {errno.EROFS, errno.EACCES, errno.EPERM}


def refused_write(error: BaseException) -> OSError | None:
    """`error`, where it is a write the machine refused; None for any other error."""
    if isinstance(error, OSError) and error.errno in _NO_ROOM | _NOT_WRITABLE:
        return error
    return None


def refused_write_reason(error: OSError, name: Callable[[str], str]) -> str:
    """`<file>: <reason>; <what to do>, and run it again`, the file as `name` shows it
    (the one `error` names, where it names one)."""
    where = f"{name(error.filename)}: " if error.filename else ""
    advice = "free some space" if error.errno in _NO_ROOM else "make the folder writable"
    return f"{where}{error.strerror}; {advice}, and run it again"
