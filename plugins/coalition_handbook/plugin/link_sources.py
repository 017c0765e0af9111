"""Where a link MkDocs reports on a generated page is written.

MkDocs validates the links of every page, generated ones too, and names the page:
"Doc file 'glossary/labor-exploitation.md' contains a link 'debt-bondag.md', but the
target ... is not found". No such file is in the repository: the link is written in a
term's definition or a protocol's text, in `glossary/labor-exploitation.yml`. A logging
filter on MkDocs' page logger adds that file, and the link's line and column in it.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Mapping

from ..documents import yaml_values
from ..lazy_pattern import LazyPattern
from ..markdown import LineIndex
from ..model.types import Protocol, Term
from .build_log import NamesOnOneLine, OnOneLine

# MkDocs' loggers whose messages quote a page's text or a file's name, and ProperDocs',
# the maintained continuation, under its own name: its pages' (their links), its nav's
# (an absolute path in it, as mkdocs.yml writes it) and its files' (a README set aside
# for an index) (review rv35). Its build's only for the messages naming a page or a
# template: it writes the plugin's errors too, which keep their lines.
_GENERATORS = ("mkdocs", "properdocs")
PAGES_LOGGERS = tuple(f"{name}.structure.pages" for name in _GENERATORS)
QUOTING_LOGGERS = tuple(
    f"{name}.structure.{part}" for name in _GENERATORS for part in ("files", "nav")
)
BUILD_LOGGERS = tuple(f"{name}.commands.build" for name in _GENERATORS)
# Its messages quote the link as written, which may hold a quote of its own, or a line
# break (Python-Markdown keeps one in a destination: just where a pull request would hide
# a workflow command, the reader most needs the file it is in).
_LINK_MESSAGE = LazyPattern(
    r"Doc file '(?P<page>[^']+)' contains "
    r"(?:a link '(?P<link>.+?)', but "
    r"|an (?:unrecognized relative|absolute) link '(?P<other>.+?)', it was)",
    re.DOTALL,
)
# What may follow a link's destination in Markdown: its end, a title, the end of `<...>`.
_AFTER_DESTINATION = frozenset(")> \t\n\"'")


class LinkSources(logging.Filter):
    """Adds to MkDocs' message about a link on a generated page where that link is
    written. `records` maps each generated page's source path (`glossary/victim.md`) to
    the term or protocol it is made of; the same link written twice is placed once per
    message, in file order."""

    def __init__(self, records: Mapping[str, Term | Protocol]) -> None:
        super().__init__()
        self.records = records
        self.reported: Counter[tuple[str, str]] = Counter()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        found = _LINK_MESSAGE.match(message)
        item = self.records.get(found["page"]) if found else None
        if found is None or item is None:
            return True
        link = found["link"] or found["other"]
        places = _places(item, link)
        seen = self.reported[found["page"], link]
        self.reported[found["page"], link] += 1
        where = item.origin.path
        if places:
            line, column = LineIndex.of(item.origin.text).position(
                places[min(seen, len(places) - 1)]
            )
            where = f"{where}:{line}:{column}"
        record.msg = f"{message} (written in {where})"
        record.args = ()
        return True


def _places(item: Term | Protocol, link: str) -> list[int]:
    """The offsets in the item's file of each destination `link` written in one of its
    checked strings, in file order. Found in the string's value, as Markdown reads it,
    then placed in the file: a link the file folds across lines or escapes is placed too."""
    places: set[int] = set()
    for value, offsets in yaml_values(item):
        for opener in ("](", "]: ", "](<"):
            start = value.find(opener + link)
            while start >= 0:
                at = start + len(opener)
                after = value[at + len(link) : at + len(link) + 1]
                if not after or after in _AFTER_DESTINATION:
                    places.add(offsets[at])
                start = value.find(opener + link, start + 1)
    return sorted(places)


# One filter for the process: `mkdocs serve` makes a new plugin for each change of
# mkdocs.yml, and tests build many sites in one process; each build gives it its pages.
_SOURCES = LinkSources({})
_ON_ONE_LINE = OnOneLine()
# MkDocs' nav lists the pages it leaves out, one a line: that message keeps its lines.
_KEEPING_LISTS = OnOneLine(keeps_lists=True)
_NAMES_ON_ONE_LINE = NamesOnOneLine()


def record_of(src_uri: str) -> Term | Protocol | None:
    """The term or protocol the generated page `src_uri` of this build is made of."""
    return _SOURCES.records.get(src_uri)


def install(records: Mapping[str, Term | Protocol]) -> None:
    """Name, from now on, where the links of `records`' pages are written (a build's
    generated pages; none once it is over, so another site's pages are never named)."""
    _SOURCES.records = records
    _SOURCES.reported.clear()
    _add_filters()


def _add_filters() -> None:
    """The filters on MkDocs' loggers, once a process (`mkdocs serve` builds again in it)."""
    # `_ON_ONE_LINE` after `_SOURCES`, which finds the link as written.
    filters = [
        *((name, (_SOURCES, _ON_ONE_LINE)) for name in PAGES_LOGGERS),
        *((name, (_KEEPING_LISTS,)) for name in QUOTING_LOGGERS),
        *((name, (_NAMES_ON_ONE_LINE,)) for name in BUILD_LOGGERS),
    ]
    for name, added in filters:
        logger = logging.getLogger(name)
        for one in added:
            if one not in logger.filters:
                logger.addFilter(one)


# From the plugin's loading on: MkDocs reads the files, and names a README it sets aside,
# before any event of the plugin's (on_files) installs this build's records.
_add_filters()
