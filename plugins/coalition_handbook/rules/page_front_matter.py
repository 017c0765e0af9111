"""page.front-matter: a plain page's front matter that does not parse as YAML, or that
gives a key MkDocs or Material reads a value of a type the theme cannot use (`hide: 5`).
MkDocs would publish broken front matter as the page's text, and Material would stop the
build with a traceback on such a value; the problems are found when the page is read
(`model.pages.front_matter_findings`). A block meant as front matter that MkDocs would
publish as text (never closed, or a list) is a warning: it may be a rule the editor meant;
so is text that MkDocs reads as front matter (a sentence between a rule and another) or as
MultiMarkdown metadata (`key: value` lines at the top), and leaves out of the page; and so
is a key of the pages the handbook generates (`handbook_notice`...), which the build
ignores on a page written by hand (model/generated_keys.py)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from .base import CheckContext

RULE = "page.front-matter"


def check(context: CheckContext) -> Iterator[Finding]:
    for page in context.handbook.pages:
        yield from page.front_matter_findings
