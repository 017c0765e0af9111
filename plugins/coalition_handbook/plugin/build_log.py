"""The plugin's log: a child of MkDocs' logger, so that `mkdocs build --strict` counts its
warnings, showing file names as the CLI does; the findings as it logs them, and what MkDocs'
own build logger counted and said.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from ..findings import Finding, Severity
from ..report.encoding import in_utf8_text
from ..report.text import one_line

# A plain child of the `mkdocs` logger (strict mode counts its warnings), without the
# plugin-name prefix of get_plugin_logger: every finding's message starts with its place.
log = logging.getLogger("mkdocs.plugins.handbook")


class _Rewriting(logging.Filter):
    """A filter that writes a record's message otherwise (`shown`), never drops one."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()  # with its `%` arguments, if any
        except (TypeError, ValueError):  # arguments that do not fit: logging says so
            return True
        shown = self.shown(message)
        if shown != message:
            record.msg, record.args = shown, ()
        return True

    def shown(self, message: str) -> str:
        raise NotImplementedError


class _ShownInUtf8(_Rewriting):
    """A file name's byte that is not UTF-8 shows as `\\xe9` in the build's log, as the
    CLI shows it (`report.encoding`), not as the log's own escape of it (`\\udce9`)."""

    def shown(self, message: str) -> str:
        return in_utf8_text(message)


# How MkDocs starts each item of a list in a message ("not included in the nav
# configuration:\n  - about.md"): kept, its message is written as MkDocs writes it. The
# runner reads a line as a command only where it starts with `::` after its spaces.
_LIST_ITEM = "\n  - "


class OnOneLine(_Rewriting):
    """A message that quotes a page's text or names a file shows it on one line
    (`one_line`), as the findings do: Python-Markdown keeps a line break in a link's
    destination (`[a](/x` and `::error ...)` on the next line), which MkDocs quotes as it
    is, so a page started a line of CI's log with a workflow command the runner obeys
    (review). With `keeps_lists`, the line breaks of MkDocs' own lists stay (`_LIST_ITEM`):
    for its loggers that write one, the quoted names within an item on its line."""

    def __init__(self, *, keeps_lists: bool = False) -> None:
        super().__init__()
        self.keeps_lists = keeps_lists

    def shown(self, message: str) -> str:
        parts = message.split(_LIST_ITEM) if self.keeps_lists else [message]
        return _LIST_ITEM.join(one_line(part) for part in parts)


# The messages of MkDocs' build logger (and ProperDocs') that name a page or a template,
# its name in `name`. Greedy up to what MkDocs writes after it: a name holding `':` of
# its own is escaped whole; the error after "Error reading page '...': " may be escaped
# in part, never the name left with a line break.
_NAMING_MESSAGES = tuple(
    re.compile(pattern, re.DOTALL)
    for pattern in (
        r"Error (?:reading|building) page '(?P<name>.*)':(?= |$)",
        r"Error reading template '(?P<name>.*)': ",
        r"Page skipped: '(?P<name>.*)'\. Generated empty output\.$",
        r"Template skipped: '(?P<name>.*)' "
        r"(?:not found in theme directories|generated empty output|not found in docs_dir)\.$",
        r"(?:Building page |Reading: |(?:Building|Gzipping) (?:theme |extra )?template: "
        r"|Building documentation to directory: )(?P<name>.*)$",
    )
)


class NamesOnOneLine(_Rewriting):
    """MkDocs' build logger quotes a page's name as it is ("Error reading page '...'"),
    so a page of a pull request named with a line break started a line of CI's log with
    the workflow command it holds (review rv35). Only the name is written on one line:
    the plugin's own errors, which MkDocs writes there too, keep their lines."""

    def shown(self, message: str) -> str:
        found = next(filter(None, (each.match(message) for each in _NAMING_MESSAGES)), None)
        if found is None:
            return message
        start, end = found.span("name")
        return message[:start] + one_line(found["name"]) + message[end:]


# A message of the handbook's own names files and quotes their text too (a file of
# docs_dir it does not publish, named `a` and `::error ...` on a line of its own).
log.addFilter(_ShownInUtf8())
log.addFilter(OnOneLine())


LOG_LEVELS = {
    Severity.ERROR: logging.ERROR,
    Severity.WARNING: logging.WARNING,
    Severity.INFO: logging.INFO,
}


def warnings_counted() -> bool:
    """Whether MkDocs counted a warning or an error, as it does under --strict to stop
    the build once the post_build events are done."""
    # MkDocs counts on its logger; ProperDocs, the maintained continuation, on its own.
    return any(
        callable(getattr(handler, "get_counts", None)) and handler.get_counts()
        for name in ("mkdocs", "properdocs")
        for handler in logging.getLogger(name).handlers
    )


def said_before(message: str) -> bool:
    """Whether MkDocs would drop `message` as the error of this build: its build logger
    says a message once a process (`DuplicateFilter`), so under `mkdocs serve` the second
    rebuild that failed alike said nothing of why (audit)."""
    # MkDocs' build logger, or ProperDocs' (the maintained continuation) under its name.
    build_logs = [logging.getLogger(f"{name}.commands.build") for name in ("mkdocs", "properdocs")]
    return any(
        isinstance(known, set) and message in known
        for build_log in build_logs
        for known in (getattr(found, "msgs", None) for found in build_log.filters)
    )


def error_text(problems: Iterable[str]) -> str:
    """The plugin's error as MkDocs' build logger writes it, a problem a line: each on
    its own (`one_line`), as a problem may name a page of a pull request whose name holds
    a line break and `::error ...`, which would start a line of CI's log (review rv35)."""
    return "\n".join(f"handbook: {one_line(problem)}" for problem in problems)


def describe(finding: Finding) -> str:
    return one_line(f"{finding.location()}: {finding.rule} {finding.message}")
