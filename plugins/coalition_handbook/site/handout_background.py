"""`mkdocs serve`'s rebuilds render the handouts the cache lacks in a thread of their own,
once the pages are built, so that the browser's reload does not wait for WeasyPrint
(audit: 25 s after an edit to a definition four handouts print, 2-3 s for a page).

One such thread at a time in the process, and the next build waits for it
(`wait_for_background_handouts`) before it cleans or writes anything: it never writes
into a site being built, nor leaves a cache half written for the next build to read.
Each PDF is written through a temporary file and a rename (`write_atomically`), so the
server never serves half of one. What goes wrong in it is logged, never raised: the
server goes on, and the next build renders the handout again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # loaded for handouts only: every build waits here, most render none
    from ..rules.base import CheckContext

# The thread rendering handouts, if one was started; guarded by `_LOCK`.
_LOCK = threading.Lock()
_RUNNING: list[threading.Thread] = []


def render_in_background(
    context: CheckContext,
    site_dir: Path,
    pending: Sequence[str],
    emit: Callable[[int, str], None],
    *,
    full_build: bool,
) -> threading.Thread:
    """Make and publish every handout into `site_dir/handouts` in a thread, as
    `publish_handouts` does in a build (its messages, through `emit(level, message)`);
    `pending`, the modules whose PDF the cache lacks, are said first, then which are
    ready and which failed. Returns the thread (started)."""
    from .handouts import make_handouts, publish_handouts

    wait_for_background_handouts(emit)  # one at a time (the build waited already)
    emit(
        logging.INFO,
        f"handouts: rendering {len(pending)} handout(s) in the background "
        f"({', '.join(pending)}); the pages link to them already",
    )

    def work() -> None:
        try:
            made = make_handouts(context, say=lambda message: emit(logging.INFO, message))
            problem = publish_handouts(context, site_dir, emit, made, full_build=full_build)
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
        emit(logging.INFO, _finished(rendered, failed))

    thread = threading.Thread(target=work, name="handbook-handouts", daemon=True)
    with _LOCK:
        _RUNNING.append(thread)
        thread.start()
    return thread


def wait_for_background_handouts(emit: Callable[[int, str], None] | None = None) -> None:
    """Wait until the handouts rendering in the background, if any, are published."""
    with _LOCK:
        running = list(_RUNNING)
    for thread in running:
        if thread.is_alive() and emit is not None:
            emit(logging.INFO, "handouts: waiting for the handouts rendering in the background")
        thread.join()
        with _LOCK:
            if thread in _RUNNING:  # another waiter may have taken it off
                _RUNNING.remove(thread)


def _finished(rendered: Sequence[str], failed: Sequence[str]) -> str:
    """The line that ends a render in the background: what is ready, what failed."""
    parts = []
    if rendered:
        parts.append(f"{len(rendered)} ready ({', '.join(rendered)})")
    if failed:
        parts.append(f"{len(failed)} failed ({', '.join(failed)}; see above)")
    return f"handouts: rendered in the background: {'; '.join(parts) or 'none'}"
