"""`mkdocs serve`'s rebuilds render the handouts the cache lacks in a thread of their own,
once the pages are built, so that the browser's reload does not wait for WeasyPrint
(audit: 25 s after an edit to a definition four handouts print, 2-3 s for a page).

One such render at a time in the process. The next build, and the server's shutdown,
stop it (`stop_background_handouts`) before they clean or remove anything: it finishes
the handout it is rendering (into the cache: WeasyPrint cannot be interrupted), renders
no other and publishes nothing. It publishes all of its handouts or, stopped, none: the
publishing and the stop take one lock, so it never writes into a site being built or
removed. Each PDF is written through a temporary file and a rename (`write_atomically`),
so the server never serves half of one. What goes wrong in it is logged, never raised:
the server goes on, and the next build renders the handout again.

Until a handout is published, the pages' link to it finds no page: the serve log says
so, and says when it is ready. Neither an earlier PDF (out of date, and printable) nor a
stand-in is published meanwhile, nor is the link taken off (the pages are not written
again when the PDF is ready).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # loaded for handouts only: every build stops here, most render none
    from ..rules.base import CheckContext

Emit = Callable[[int, str], None]


@dataclass(eq=False)
class _Render:
    """A render in the background: its thread, the signal that stops it, and why."""

    thread: threading.Thread
    stop: threading.Event = field(default_factory=threading.Event)
    stopped_by: str = ""


# The render started and not yet waited for, if any; guarded by `_LOCK`.
_LOCK = threading.Lock()
_RUNNING: list[_Render] = []
# Held while a render publishes, and while one is stopped: so a render publishes all of
# its handouts or none, and nothing once stopped (the site may be cleaned next).
_PUBLISHING = threading.Lock()


def render_in_background(
    context: CheckContext,
    site_dir: Path,
    pending: Sequence[str],
    emit: Emit,
    *,
    full_build: bool,
) -> threading.Thread:
    """Make and publish every handout into `site_dir/handouts` in a thread, as
    `publish_handouts` does in a build (its messages, through `emit(level, message)`);
    `pending`, the modules whose PDF the cache lacks, are said first, then which are
    ready and which failed. Returns the thread (started)."""
    from .handouts import HandoutsStopped, make_handouts, publish_handouts

    stop_background_handouts(emit, "another starts")  # one at a time (the build stopped it)
    emit(
        logging.INFO,
        f"handouts: rendering {len(pending)} handout(s) in the background "
        f"({', '.join(pending)}); the pages link to them already, and find no PDF there "
        "until this log says it is ready",
    )

    def work() -> None:
        try:
            made = make_handouts(
                context, say=lambda message: emit(logging.INFO, message), stop=render.stop
            )
            with _PUBLISHING:
                if render.stop.is_set():  # after its last module: still none published
                    raise HandoutsStopped
                problem = publish_handouts(context, site_dir, emit, made, full_build=full_build)
        except HandoutsStopped:
            emit(
                logging.INFO,
                f"handouts: rendering in the background stopped ({render.stopped_by}): it "
                f"published none of {', '.join(pending)}; the next build renders what the "
                "cache lacks",
            )
            return
        except Exception as error:  # never into the server: the next build tries again
            emit(
                logging.ERROR,
                f"handouts: rendering in the background stopped ({type(error).__name__}: "
                f"{error}); the next build makes the handouts again",
            )
            return
        if problem is not None:  # CI=true: no build left to fail, so it is said
            emit(logging.ERROR, f"handouts: {problem}")
        rendered = [result.module.id for result in made.results if result.outcome == "rendered"]
        failed = [result.module.id for result in made.failed]
        emit(logging.INFO, _finished(rendered, failed, sorted(made.unpublished)))

    render = _Render(threading.Thread(target=work, name="handbook-handouts", daemon=True))
    with _LOCK:
        _RUNNING.append(render)
        render.thread.start()
    return render.thread


def stop_background_handouts(emit: Emit, stopped_by: str, *, note: str = "") -> None:
    """Stop the handouts rendering in the background, if any, and wait for its thread: it
    ends once the handout it is rendering is done, and publishes none of its handouts
    (one publishing them already publishes them all first). A KeyboardInterrupt
    while waiting (a second Ctrl-C) ends the wait and goes on: the render is left to end
    by itself, and publishes nothing either. `stopped_by` and `note` are said."""
    for render in _taken():
        with _PUBLISHING:  # not halfway through publishing
            render.stopped_by = stopped_by
            render.stop.set()
        if render.thread.is_alive():
            emit(
                logging.INFO,
                f"handouts: {stopped_by}: stopping the handouts rendering in the background "
                f"once the one rendering now is done{note}",
            )
        try:
            render.thread.join()
        except KeyboardInterrupt:
            emit(
                logging.INFO,
                "handouts: stopped without waiting for the handout rendering in the "
                "background; it publishes nothing",
            )
            raise


def wait_for_background_handouts(emit: Emit | None = None) -> None:
    """Wait until the handouts rendering in the background, if any, are published."""
    for render in _taken():
        if render.thread.is_alive() and emit is not None:
            emit(logging.INFO, "handouts: waiting for the handouts rendering in the background")
        render.thread.join()


def _taken() -> list[_Render]:
    """The renders started, taken off the list: another waiter, or a second wait after
    a Ctrl-C, waits for none of them."""
    with _LOCK:
        taken = list(_RUNNING)
        _RUNNING.clear()
    return taken


def _finished(rendered: Sequence[str], failed: Sequence[str], missing: Sequence[str]) -> str:
    """The line that ends a render in the background: what is ready, what failed, and
    which of those has no PDF at all (no earlier one to publish instead)."""
    parts = []
    if rendered:
        parts.append(f"{len(rendered)} ready ({', '.join(rendered)})")
    if failed:
        parts.append(f"{len(failed)} failed ({', '.join(failed)}; see above)")
    if missing:
        parts.append(
            f"the pages' link to the handout of {', '.join(missing)} finds no PDF until a "
            "save renders it again"
        )
    return f"handouts: rendered in the background: {'; '.join(parts) or 'none'}"
