"""A library imported by another one at import time, imported only when it is used.

textstat imports NLTK when it is imported (about 0.3 s, most of a cold build's reading
grades), for the CMU dictionary of its English syllables; the grades read their
syllables from pyphen (`rules.module_readability`), and never touch NLTK.
`deferring_import("nltk")` around `import textstat` hands textstat a stand-in for NLTK
that imports the real NLTK at its first attribute read and answers from it from then on:
textstat behaves as it did, for this package and for any other that uses it. Only that
import sees the stand-in: once the block ends, an `import nltk` anywhere gets the real
module, as it would have.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class _Deferred(types.ModuleType):
    """Stands for the module of its name until an attribute is read from it; then and
    from then on, answers with the real module's attribute."""

    def __getattr__(self, attribute: str) -> Any:
        # Only called for what the stand-in lacks (its name and spec it has).
        name = self.__name__
        _take_out(name, self)  # read within the block: import the real one
        return getattr(importlib.import_module(name), attribute)


@contextmanager
def deferring_import(name: str) -> Iterator[None]:
    """Within the block, `import <name>` (a top-level module installed and not imported
    yet) gives a `_Deferred` stand-in; elsewhere and afterwards, nothing changes."""
    spec = None if name in sys.modules else importlib.util.find_spec(name)
    if spec is None:
        # Imported already: nothing to save. Not installed: its import fails as before.
        yield
        return
    stand_in = _Deferred(name)
    # The real spec: another thread's import that finds the stand-in while it looks for
    # the module takes the stand-in's spec as the module's, and loads the real one.
    stand_in.__spec__ = spec
    if sys.modules.setdefault(name, stand_in) is not stand_in:
        # Another thread's import began meanwhile (its module is there from its first
        # line on): a stand-in over it would make that import run the module again.
        yield
        return
    try:
        yield
    finally:
        _take_out(name, stand_in)


def _take_out(name: str, stand_in: _Deferred) -> None:
    """`stand_in` out of `sys.modules`, if it is still there: another thread may have
    taken it out already (and be importing the real module under its name)."""
    if sys.modules.get(name) is stand_in:
        sys.modules.pop(name, None)
