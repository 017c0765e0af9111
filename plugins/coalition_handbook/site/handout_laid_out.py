"""What the handout reads of WeasyPrint's laid-out pages, and the one line a build says
where a WeasyPrint keeps them otherwise.

The narrow-table check (`handout_narrow_tables`) reads each page's boxes
(`Page._page_box`) and the link areas (`handout_link_areas`) each page's `links`: no API,
both as WeasyPrint 70 keeps them, and the handbook asks for any WeasyPrint from 70 on.
Another version's pages are no error, the handout is made, but the check said nothing
and the areas were left doubled, with no word of either (review, session 60): the build
says so once, as of the tagging hooks (`handout_tree_builder`). A warning only where a
handout holds a wide table that went unchecked: one for every handout (a link's areas
left doubled) failed every coalition's `--strict` build after a WeasyPrint upgrade
(pyproject asks for any from 70 on), through no content of theirs (review rv62d).
"""

from __future__ import annotations

import functools
import logging
import sys

from .handout_tree_builder import log


@functools.cache
def say_unread(what: str, consequence: str, level: int = logging.WARNING) -> None:
    """Say once a process, at `level`, that this WeasyPrint's laid-out pages keep `what`
    otherwise than WeasyPrint 70, and the `consequence` for the handouts."""
    version = getattr(sys.modules.get("weasyprint"), "__version__", "?")
    log.log(
        level,
        f"handbook: WeasyPrint {version}'s laid-out pages keep {what} otherwise than the "
        f"handbook knows (WeasyPrint 70's): {consequence}",
    )
