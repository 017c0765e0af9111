"""Where a link MkDocs reports on a generated page is written.

MkDocs validates the links of every page, generated ones too, and names the page:
"Doc file 'glossary/labor-exploitation.md' contains a link 'debt-bondag.md', but the
target ... is not found". No such file is in the repository: the link is written in a
term's definition or a protocol's step, in `glossary/labor-exploitation.yml`. A logging
filter on MkDocs' page logger adds that file, and the link's line and column in it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping

from ..markdown import LineIndex
from ..model.types import Origin

# The logger MkDocs' pages report their links on (mkdocs/structure/pages.py).
PAGES_LOGGER = "mkdocs.structure.pages"
_LINK_MESSAGE = re.compile(
    r"Doc file '(?P<page>[^']+)' contains (?:a link|an unrecognized relative link) "
    r"'(?P<link>[^']+)'"
)


class LinkSources(logging.Filter):
    """Adds to MkDocs' message about a link on a generated page where that link is
    written: `origins` maps each generated page's source path (`glossary/victim.md`) to
    the file it is made of."""

    def __init__(self, origins: Mapping[str, Origin]) -> None:
        super().__init__()
        self.origins = origins

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        found = _LINK_MESSAGE.match(message)
        origin = self.origins.get(found["page"]) if found else None
        if found is not None and origin is not None:
            record.msg = f"{message} (written in {_place(origin, found['link'])})"
            record.args = ()
        return True


def _place(origin: Origin, link: str) -> str:
    """`path:line:column` of the first link to `link` in the file, or its path alone
    where the file writes it otherwise (a YAML escape, a line folded inside it)."""
    for opener in (f"]({link}", f"]: {link}", f"](<{link}"):
        start = origin.text.find(opener)
        if start >= 0:
            line, column = LineIndex.of(origin.text).position(start + len(opener) - len(link))
            return f"{origin.path}:{line}:{column}"
    return origin.path


# One filter for the process: `mkdocs serve` makes a new plugin for each change of
# mkdocs.yml, and tests build many sites in one process; each build gives it its pages.
_SOURCES = LinkSources({})


def install(origins: Mapping[str, Origin]) -> None:
    """Name, from now on, the files of `origins` (this build's generated pages)."""
    _SOURCES.origins = origins
    logger = logging.getLogger(PAGES_LOGGER)
    if _SOURCES not in logger.filters:
        logger.addFilter(_SOURCES)
