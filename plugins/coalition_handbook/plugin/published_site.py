"""The site published before this build, set aside while it runs (site/publishing.py):
put back, with a word in the build's log, when the build fails or stops.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType

from ..refused_writes import refused_write, refused_write_reason
from ..site.publishing import PreviousSite
from .build_log import log


def restore_previous_site(previous: PreviousSite | None) -> None:
    """Put `previous` back in place, if a build set it aside, and say where it is if it
    cannot be."""
    if previous is None:
        return
    try:
        previous.restore()
    except OSError as problem:
        log.error(f"handbook: the site published before is in {previous.aside}: {problem}")
    else:
        # Failed, or stopped (Ctrl-C, SIGTERM): "failed" misread a stop (review).
        log.info("handbook: the build did not finish; the site published before is back in place")


def refused_write_text(error: BaseException, name: Callable[[str], str] = str) -> str | None:
    """What to say, in one line, of a build that `error` stopped because the machine
    would not let it write (MkDocs re-raises it, and its traceback buried the reason),
    the file as `name` shows it; None for any other error."""
    refused = refused_write(error)
    if refused is None:
        return None
    reason = refused_write_reason(refused, name)
    return f"handbook: the build stopped, as it could not write the site: {reason}"


def _stop_build(number: int, frame: FrameType | None) -> None:
    # Unwinds the build as Ctrl-C's KeyboardInterrupt does (no Exception: MkDocs sends no
    # build_error event), with the exit status of a process the signal ended.
    raise SystemExit(128 + number)


def stop_build_on_sigterm() -> Callable[[], None]:
    """Until the returned function is called: SIGTERM (a CI job's timeout, `docker stop`,
    systemd) stops the build as Ctrl-C does, so that `on_shutdown` puts the published
    site back. By default the process ends at once, and the site stays hidden in
    site/.handbook-previous-site/ until the next build (audit): a deploy step that
    uploads site/ would publish an empty folder. The returned function puts the handler
    before back, unless another was set meanwhile. Nothing is changed where SIGTERM is
    ignored (`nohup`-like launchers) or outside the main thread, where no handler can be
    set (a build run in a thread)."""
    if threading.current_thread() is not threading.main_thread():
        return _nothing_to_put_back
    before = signal.getsignal(signal.SIGTERM)
    if before is signal.SIG_IGN:
        return _nothing_to_put_back
    signal.signal(signal.SIGTERM, _stop_build)

    def put_back() -> None:
        if signal.getsignal(signal.SIGTERM) is _stop_build:
            # None: a handler set outside Python, which cannot be set again from here.
            signal.signal(signal.SIGTERM, signal.SIG_DFL if before is None else before)

    return put_back


def _nothing_to_put_back() -> None:
    return None
