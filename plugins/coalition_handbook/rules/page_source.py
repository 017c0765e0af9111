"""page.source: a Markdown page that is not UTF-8 text, or that cannot be read at all
(a broken link, a loop of links). MkDocs cannot publish such a page; saying so with the
file, line and column of the first bad byte spares the editor a build's traceback."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from .base import CheckContext

RULE = "page.source"


def check(context: CheckContext) -> Iterator[Finding]:
    for page in context.handbook.pages:
        if page.problem is not None:
            line, column, message = page.problem
            yield context.finding(RULE, page.path, line, column, message)
