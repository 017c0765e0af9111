"""module.schema, at a page in a subfolder of modules_dir written as a training module
(`content/modules/advanced/health-care.md`): it is read as a plain page, with no module
checks and no handout, as a term file in a subfolder of the glossary is not read
(`model.modules.unread_module` says why). Read: each page alone, the settings, and the
names of the Markdown files in modules_dir (its advice says whether one of the page's name
is there), which the incremental check's survey lists, so the rule is a page rule
(`rules.base.PAGE_RULES`)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.modules import unread_module
from .base import CheckContext

RULE = "module.schema"


def check(context: CheckContext) -> Iterator[Finding]:
    for page in context.handbook.pages:
        message = unread_module(page, context.config)
        if message is not None:
            yield context.finding(RULE, page.path, 1, 1, message)
