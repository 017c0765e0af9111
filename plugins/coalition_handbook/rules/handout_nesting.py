"""markdown.nesting, in the handouts: a module's text whose elements (HTML, quotes,
lists, admonitions, tables) nest deeper than WeasyPrint can lay out
(`site.handout_depth`), named where they first pass that.

WeasyPrint ran out of stack on such a module, and its handout was not made with no more
than the module's name to go on (fuzzing: 150 nested `<div>`, quotes or lists); the
check passed it. Now the check names the line, and the build holds the handout back
(publishing the one made before), as for any error in a module. Only the modules that
get a handout are read: with `handouts` on, and their page published. A draft's
(`draft_docs`) is read too: `mkdocs serve` makes its handout, publishing it will, and its
pull request is where it is reviewed; so the findings are the same for `mkdocs serve`
(which shows drafts), `mkdocs build` and `handbook check`, which share the check cache
(review rv66f: each switch between them checked the handbook anew). The limit is far
below the site's: a page that is no module is read by `markdown_nesting` alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..markdown import LineIndex
from ..site.handout_depth import MAX_HANDOUT_DEPTH, may_be_too_deep, too_deep_at
from ..site.handout_links import left_out_modules
from .base import CheckContext
from .markdown_nesting import too_costly_to_render

# The rule `markdown_nesting` reports in every text: one rule for what cannot be rendered.
RULE = "markdown.nesting"


def check(context: CheckContext) -> Iterator[Finding]:
    config, modules = context.config, context.handbook.modules
    if not config.handouts:
        return
    left_out = left_out_modules(config, modules, drafts=False)
    for module_id in sorted(modules):
        module = modules[module_id]
        body = module.body
        # A text this rule stops at on its page already would take minutes, or the stack,
        # to render: that finding is the one to mend first.
        if module_id in left_out or not may_be_too_deep(body) or too_costly_to_render(body):
            continue
        found = too_deep_at(body)
        if found is None:
            continue
        offset, deepest = found
        line, column = LineIndex.of(body).position(offset)
        yield context.finding(
            RULE,
            module.origin.path,
            line + module.origin.body_line - 1,
            column,
            f"elements nested more than {MAX_HANDOUT_DEPTH} deep in the module's handout "
            f"from here ({deepest} at most: HTML, quotes, lists, admonitions or tables), "
            "more than WeasyPrint can lay out: the handout is not made; flatten them",
            found=body[offset : offset + 1],
        )
