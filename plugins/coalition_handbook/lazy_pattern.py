"""Regular expressions compiled on first use, not when their module is imported.

Every `mkdocs build` imports the plugin, and with it the rules and the site's modules:
compiling all their patterns then was a good part of the build's fixed cost, whether a
pattern was used or not (a build on a warm cache runs no rule).
"""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    """`re.compile(pattern, flags)`, done the first time an attribute is read.

    An attribute read once (`search`, `finditer`, `pattern`...) is then the compiled
    pattern's own, held on this object: later calls cost what the pattern's do.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> str:
        """The pattern's text, read without compiling it: a pattern built at import from
        another's text (`X.pattern + ...`) leaves that one uncompiled."""
        return self._source[0]

    def __getattr__(self, name: str) -> Any:
        # Only called for what is not on the object yet. A compiled pattern has no name
        # starting with `_`: dunders (asked by copy, pickle) and `_source`, `_compiled` on
        # an object not yet given its state (as copy and pickle make one) are missing, not
        # a recursion through this method.
        if name.startswith("_"):
            raise AttributeError(name)
        if self._compiled is None:
            self._compiled = re.compile(*self._source)
        value = getattr(self._compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"LazyPattern{self._source!r}"
