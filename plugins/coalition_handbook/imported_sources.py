"""The source files of the package's own modules that a module imports, directly or not,
and of the packages they are in (importing `model.types` runs `model/__init__.py` first).

A digest of what a cached result was computed with is only as good as its list of files:
a list kept by hand left out modules the handouts' phone finders import (review rv6,
finding 7). Read from the modules' import statements instead, it grows with them. The
package imports its own modules relatively (`from ..rules import privacy_pii`,
`from .soft_breaks import LINE_SPACE`), so those are the statements read: by a pattern,
as parsing every file (`ast`) took ten times as long. The tests check the pattern finds
what `ast` does (test_handout_cache).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

# `from .x import a, b`, `from .. import (a, b)`: the dots, the module, what it imports.
_RELATIVE_IMPORT = re.compile(
    r"^[ \t]*from[ \t]+(\.+)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)", re.MULTILINE
)
_NAME = re.compile(r"\w+")
# `x as y` imports x, named y here.
_ALIAS = re.compile(r"\bas[ \t]+\w+")
_COMMENT = re.compile(r"#[^\n]*")


def imported_sources(module: ModuleType) -> dict[str, Path]:
    """Module name -> source file, of `module` and of every module of its package that it
    imports, directly or through another, at its top or in a function, and of the package
    `__init__` modules that Python runs before each (and what they import). A module
    already imported is read where its `__file__` says; another is found without running
    it (the packages it is in aside)."""
    found: dict[str, Path] = {}
    waiting = [module.__name__]
    while waiting:
        name = waiting.pop()
        if name in found:
            continue
        path = _source_of(name)
        if path is None:
            continue
        found[name] = path
        waiting += _imported_by(name, path)
        waiting += _packages_of(name)
    return found


def _packages_of(name: str) -> list[str]:
    """The packages `name` is in, outermost first: "a.b.c" -> "a", "a.b"."""
    parts = name.split(".")
    return [".".join(parts[:count]) for count in range(1, len(parts))]


def _source_of(name: str) -> Path | None:
    """The file `name` runs, or None where it names no module (an imported function)."""
    loaded = sys.modules.get(name)
    if loaded is not None:
        file = getattr(loaded, "__file__", None)
        return Path(file) if file else None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    return Path(spec.origin) if spec is not None and spec.has_location and spec.origin else None


def _imported_by(name: str, path: Path) -> list[str]:
    """The names of the modules `name`'s source imports relatively, and of each name it
    imports from a package, which may be a module of it (`from ..rules import privacy_pii`:
    only a package is looked in, so that looking imports nothing but packages)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    names: list[str] = []
    source = path.read_text(encoding="utf-8")
    for dots, module, imported in _RELATIVE_IMPORT.findall(source):
        try:
            base = importlib.util.resolve_name(dots + module, package)
        except ImportError:  # more dots than packages: a docstring's example, not code
            continue
        names.append(base)
        base_path = _source_of(base)
        if base_path is not None and base_path.name == "__init__.py":  # a package
            imported = _ALIAS.sub("", _COMMENT.sub("", imported))
            names += (f"{base}.{word}" for word in _NAME.findall(imported))
    return names
