"""Fewer garbage collections while the engine creates many small objects.

CPython starts a collection every 700 new container objects, and every tenth of those
also walks what survived the earlier ones. A check keeps a whole handbook alive (records,
spans, views) while it creates hundreds of thousands of short-lived ones (matches,
findings), so at the default threshold a cold check of 1000 pages spends about a fifth
of its time in the collector, walking the handbook again and again. Inside
`fewer_collections()` the first generation is collected every 20,000 new objects instead
(mypy raises it the same way); nothing is left uncollected, and the threshold is put back
on the way out.

A site build keeps the handbook alive too, with the matcher, the site's inputs and every
page MkDocs holds, while each page it renders creates many small objects:
`BuildCollections` raises the threshold from the build's first hook to its last.

Reading record files is a step apart: `no_collections()` holds the collector off while
they are read and built, as their objects are kept and none is in a cycle.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

_THRESHOLD = 20_000


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the first generation's threshold for the duration of the block."""
    first, *older = gc.get_threshold()
    if first == 0 or first >= _THRESHOLD:  # collection off, or already raised (nested)
        yield
        return
    gc.set_threshold(_THRESHOLD, *older)
    try:
        yield
    finally:
        gc.set_threshold(first, *older)


class BuildCollections:
    """`fewer_collections()` from one call to another: over a site build, which starts
    and ends in different hooks."""

    def __init__(self) -> None:
        self._raised = ExitStack()

    def start(self) -> None:
        self._raised.close()  # a build that never reached its end (stopped) ends here
        self._raised.enter_context(fewer_collections())

    def stop(self) -> None:
        self._raised.close()


@contextmanager
def no_collections() -> Iterator[None]:
    """The cycle collector held off for the duration of the block: for reading record
    files, which makes tens of objects a file (nodes, values, spans), kept until every
    file is read, none of them in a cycle; the collector walked them all again and again
    for nothing (at 2,000 terms, 151 collections, a seventh of the time loading them
    took). It runs as before afterwards (off stays off), and frees whatever cycle was made
    meanwhile."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
