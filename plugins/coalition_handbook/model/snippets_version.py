"""Whether the installed pymdownx.snippets lets the checks see all it does.

The checks (`model.snippets`) learn what the extension does not find through two of its
methods, which pymdown-extensions has only from 13.1 (which needs Python 3.11.5):
`parse_snippet_target` (lines or a section of no file, `:3`; lines it cannot read as
numbers) and `select_snippet_lines` (a section the file does not mark). Older versions
do the same inside `parse_snippets`, out of the checks' reach: with `check_paths`,
`mkdocs build` would stop, with a traceback, on what `handbook check` passed.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from pymdownx.snippets import SnippetPreprocessor

from ..findings import Finding, Severity
from ..snippet_settings import EXTENSION
from .source import FileReport

# The extension's methods the checks override, added in pymdown-extensions 13.1.
HOOKS = ("parse_snippet_target", "select_snippet_lines")


def missing_hooks() -> tuple[str, ...]:
    """The methods of `HOOKS` the installed extension does not have."""
    return tuple(hook for hook in HOOKS if not hasattr(SnippetPreprocessor, hook))


def _installed() -> str:
    try:
        return version("pymdown-extensions")
    except PackageNotFoundError:  # run from a source tree, say
        return "version unknown"


def old_version_findings(rule: str, config_name: str, line: int, column: int) -> list[Finding]:
    """A warning, at the `pymdownx.snippets` line of mkdocs.yml (`config_name`), where
    the installed extension lacks the methods the checks need: it says what is not
    checked and how to check it all."""
    if not missing_hooks():
        return []
    report = FileReport(rule, config_name)
    report.at_position(
        line,
        column,
        f"{EXTENSION} is on, but the pymdown-extensions installed ({_installed()}) is older "
        "than 13.1: the checks cannot see which sections and lines it finds, so a section "
        "that a file does not mark, or lines or a section of no file (`:3`), is not "
        "reported, and with check_paths: true `mkdocs build` stops on it with a traceback; "
        "install pymdown-extensions 13.1 or newer (it needs Python 3.11.5 or newer)",
    )
    return [finding.with_severity(Severity.WARNING) for finding in report.findings]
