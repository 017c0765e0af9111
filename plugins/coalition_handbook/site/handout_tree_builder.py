"""WeasyPrint's function that builds each element of a tagged PDF's structure tree, for
the handout's hooks that wrap it (`handout_languages`, `handout_description_lists`,
`handout_link_tags`), where it takes the arguments they read.

It is private to WeasyPrint (`weasyprint.pdf.tags._build_box_tree`), and the handbook
asks for any WeasyPrint from 70 on: a version that renamed or reordered its arguments
made every handout fail with "WeasyPrint failed: TypeError: ... missing 1 required
positional argument: 'annotations'" (review rv31). Such a version's PDF is tagged as
WeasyPrint tags it, and the build says so once.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import logging
from collections.abc import Callable
from types import ModuleType
from typing import Any

# A plain child of the `mkdocs` logger, as the plugin's; the `handbook` command prints it.
log = logging.getLogger("mkdocs.plugins.handbook")

FUNCTION = "_build_box_tree"
# Its arguments in WeasyPrint 70, the version the hooks were written for.
PARAMETERS = ("box", "parent", "pdf", "page_number", "nums", "annotations", "tags")


def tree_builder(
    weasyprint: ModuleType, reads: int, what: str
) -> tuple[ModuleType, Callable[..., Any]] | None:
    """WeasyPrint's PDF tagging module and its function, if the function's first `reads`
    arguments are the ones WeasyPrint 70 gives it; else None, once said that `what`
    (as "links") is tagged as WeasyPrint tags it."""
    try:
        tagging = importlib.import_module(f"{weasyprint.__name__}.pdf.tags")
    except ImportError:
        tagging = None
    build = getattr(tagging, FUNCTION, None)
    if tagging is not None and callable(build) and _parameters(build)[:reads] == PARAMETERS[:reads]:
        return tagging, build
    _say_untagged(getattr(weasyprint, "__version__", "?"), what)
    return None


def wrap_tree_builder(
    weasyprint: ModuleType,
    reads: int,
    what: str,
    marker: str,
    wrap: Callable[[Callable[..., Any], ModuleType], Callable[..., Any]],
) -> None:
    """Put `wrap(function, tagging module)` in the place of WeasyPrint's function, where it
    takes the arguments the hook reads (`tree_builder`) and is not wrapped by this hook
    already (its wrapper carries `marker`): once a process."""
    found = tree_builder(weasyprint, reads, what)
    if found is None or getattr(found[1], marker, False):
        return
    tagging, build = found
    setattr(tagging, FUNCTION, wrap(build, tagging))


def _parameters(build: Callable[..., Any]) -> tuple[str, ...]:
    """The names of the arguments `build` takes by position (the original's, under a
    hook's wrapper); () where they cannot be read."""
    try:
        signature = inspect.signature(build)  # follows `functools.wraps` to the original
    except (TypeError, ValueError):
        return ()
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return tuple(name for name, p in signature.parameters.items() if p.kind in positional)


@functools.cache
def _say_untagged(version: str, what: str) -> None:
    log.warning(
        f"handbook: WeasyPrint {version}'s weasyprint.pdf.tags.{FUNCTION} takes other "
        "arguments than the handbook knows (WeasyPrint 70's): the handouts' "
        f"{what} are tagged as WeasyPrint tags them, which screen readers read less well"
    )
