"""The files pymdownx.snippets includes in pages, found as the extension finds them.

A page's `--8<-- "file.md"` line (or a `--8<--` block of names, or the settings'
`auto_append`) is replaced by the file's lines, a line range of it (`file.md:3:5`) or a
section (`file.md:name`), with the files those lines include in turn. The extension
reads a relative `base_path` from the current folder; here it is read from mkdocs.yml's
folder, where `mkdocs build` is run. Written after pymdownx 10-13's `SnippetPreprocessor`
(the engine does not run Python-Markdown); tests/test_snippets.py holds the two in step.

A file that is not found is not published (with `check_paths` the build stops and says
so); a remote one (`url_download`) cannot be read offline: `Inclusions.remote` names it.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..cache import RunCache
from ..config import HandbookConfig
from ..findings import Finding, Severity
from ..snippet_settings import SnippetSettings
from .pages import load_included_file
from .source import FileReport, relative_path
from .types import Page

# pymdownx's RE_ALL_SNIPPETS: an inline `--8<-- "name"` line or a block's `--8<--` line.
_SNIPPET_LINE = re.compile(
    r"""(?x)
    ^(?P<space>[ \t]*)
    (?P<escape>;*)
    (?P<all>
        (?P<inline_marker>-{1,}8<-{1,}[ \t]+)
        (?P<snippet>(?:"(?:\\"|[^"\n\r])+?"|'(?:\\'|[^'\n\r])+?'))(?![ \t]) |
        (?P<block_marker>-{1,}8<-{1,})(?![ \t])
    )\r?$
    """
)
# pymdownx's RE_SNIPPET_SECTION: a `--8<-- [start:name]` or `[end:name]` marker.
_SECTION_MARKER = re.compile(
    r"""(?xi)
    ^(?P<pre>.*?)
    (?<!;)(?!(?<=-)-)
    (?P<escape>;*)
    (?P<inline_marker>-{1,}8<-{1,}[ \t]+)
    (?P<section>\[[ \t]*(?P<type>start|end)[ \t]*:[ \t]*(?P<name>[a-z][-_0-9a-z]*)[ \t]*\])
    (?P<post>.*?)$
    """
)
# pymdownx's RE_SNIPPET_FILE: a name, then line ranges (`:1:5,8:`) or a section (`:name`).
_TARGET = re.compile(
    r"(?i)(.*?)(?:((?::-?[0-9]*){1,2}(?:(?:,(?=[-0-9:])-?[0-9]*)(?::-?[0-9]*)?)*)|"
    r"(:[a-z][-_0-9a-z]*))?$"
)
# No file name is longer (PATH_MAX); the pattern above is not matched against longer text.
_LONGEST_NAME = 4096
# Nested includes followed at most this deep (the extension stops near the recursion limit).
_DEEPEST = 50


@dataclass(frozen=True, slots=True)
class RemoteSnippet:
    """A snippet downloaded at build time (`url_download`), where it is first included:
    a file's path (relative to mkdocs.yml's folder) and the line and column of its name."""

    url: str
    path: str
    line: int
    column: int


@dataclass
class Inclusions:
    """What the pages include: each file by its absolute path, with the lines of it that
    are published (None: all of them); the remote snippets, each once."""

    files: dict[str, frozenset[int] | None] = field(default_factory=dict)
    remote: list[RemoteSnippet] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Target:
    name: str
    ranges: tuple[tuple[int | None, int | None], ...]  # as the extension stores them
    section: str | None


def find_inclusions(
    pages: Iterable[Page],
    settings: SnippetSettings,
    root: Path,
    name_of: Callable[[Path], str],
    config_name: str,
) -> Inclusions:
    """The files that `pages` include, nested includes too. `name_of` names a file as
    findings do; `config_name` (mkdocs.yml) is where an `auto_append` URL is placed."""
    includer = _Includer(settings, root, name_of, config_name)
    for page in pages:
        lines = page.origin.text.split("\n")
        numbered: list[tuple[int | None, str]] = list(enumerate(lines, 1))
        # MkDocs hands Python-Markdown the page without its front matter.
        numbered = numbered[page.origin.body_line - 1 :]
        if settings.auto_append:  # as the extension appends them: one block of names
            appended = "\n\n-8<-\n{}\n-8<-\n".format("\n\n".join(settings.auto_append))
            numbered += [(None, line) for line in appended.split("\n")]
        includer.walk(numbered, page.path, frozenset(), 0)
    return Inclusions(
        {
            path: None if lines is None else frozenset(lines)
            for path, lines in includer.found.items()
        },
        list(includer.remote.values()),
    )


class _Includer:
    """Follows the includes of pages into the files they name, reading each file once."""

    def __init__(
        self,
        settings: SnippetSettings,
        root: Path,
        name_of: Callable[[Path], str],
        config_name: str,
    ) -> None:
        self.settings = settings
        self.name_of = name_of
        self.config_name = config_name
        bases = [os.path.abspath(root / base) for base in settings.base_paths]  # noqa: PTH100
        self.bases = [(base, os.path.isdir(base)) for base in bases if os.path.exists(base)]  # noqa: PTH110, PTH112
        self.texts: dict[str, list[str]] = {}
        self.found: dict[str, set[int] | None] = {}
        self.remote: dict[str, RemoteSnippet] = {}

    def walk(
        self, numbered: list[tuple[int | None, str]], where: str, seen: frozenset[str], depth: int
    ) -> None:
        """Follow the includes in the `numbered` lines of the file named `where`."""
        for number, column, written in _includes(numbered):
            target = _target(written)
            if target is None:
                continue
            if target.name.lower().startswith(("https://", "http://")) and (
                self.settings.url_download
            ):
                place = (where, number, column) if number is not None else (self.config_name, 1, 1)
                self.remote.setdefault(target.name, RemoteSnippet(target.name, *place))
                continue
            path = self.snippet_path(target.name)
            if path is None or path in seen or depth >= _DEEPEST:
                continue
            lines = self.lines(path)
            if lines is None:
                continue
            selected = _selected(lines, target)
            if not target.ranges and target.section is None:
                self.found[path] = None
            elif (published := self.found.setdefault(path, set())) is not None:
                published.update(index + 1 for index in selected)
            nested = [(index + 1, lines[index]) for index in selected]
            self.walk(nested, self.name_of(Path(path)), seen | {path}, depth + 1)

    def snippet_path(self, name: str) -> str | None:
        """The file a name includes, looked for in each base path in turn (pymdownx's
        `get_snippet_path`), as an absolute path; None where none has it."""
        for base, is_folder in self.bases:
            if is_folder:
                joined = os.path.join(base, name)  # noqa: PTH118
                filename = os.path.abspath(joined)  # noqa: PTH100
                if self.settings.restrict_base_path and not filename.startswith(
                    base if base.endswith(os.sep) else base + os.sep
                ):
                    continue
                if os.path.exists(filename):  # noqa: PTH110
                    return filename if os.path.isfile(filename) else None  # noqa: PTH113
            else:  # a file as base path: that file alone, by its name
                filename = os.path.join(os.path.dirname(base), name)  # noqa: PTH118, PTH120
                if os.path.exists(filename) and os.path.samefile(filename, base):  # noqa: PTH110, PTH121
                    return os.path.abspath(filename)  # noqa: PTH100
        return None

    def lines(self, path: str) -> list[str] | None:
        """The lines of the file at `path`, as the extension reads them (text mode: any
        line ending ends a line); None where it cannot be read (its check says why)."""
        if path not in self.texts:
            try:
                raw = Path(path).read_bytes()
            except OSError:
                return None
            text = raw.decode(_codec(self.settings.encoding), errors="replace")
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            self.texts[path] = text.split("\n") if text else []
        return self.texts[path]


def _codec(encoding: str) -> str:
    """The settings' encoding, where Python knows it; UTF-8 otherwise."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return "utf-8"


def _includes(numbered: list[tuple[int | None, str]]) -> Iterator[tuple[int | None, int, str]]:
    """(line, column, name as written) of each include in the lines, as pymdownx's
    `parse_snippets` reads them: inline `--8<-- "name"` lines, and each line of a
    `--8<--` block; escaped (`;--8<--`) and commented (`; name`) ones left out."""
    block = False
    for number, line in numbered:
        if not block and "8<" not in line:  # most lines: no marker to match
            continue
        found = _SNIPPET_LINE.match(line)
        if found is not None:
            if found["escape"]:
                continue
            if found["inline_marker"]:
                if block:  # no inline include right inside a block
                    continue
                written = found["snippet"][1:-1]
                column = found.start("snippet") + 2
            else:
                block = not block
                continue
        elif block:
            written = line.rstrip("\r")
            column = 1
        else:
            continue
        name = written.strip()
        if not name or name.startswith(";"):
            continue
        yield number, column + written.index(name[0]), name


def _target(written: str) -> _Target | None:
    """A name split into the file's name, its line ranges and its section (pymdownx's
    `parse_snippet_target`); None where no file is named."""
    if len(written) > _LONGEST_NAME:
        return None
    parts = _TARGET.match(written)
    name = "" if parts is None else parts[1].strip()
    if parts is None or not name:
        return None
    ranges: list[tuple[int | None, int | None]] = []
    if parts[2]:
        try:
            for numbers in parts[2][1:].split(","):
                span = numbers.split(":")
                start = int(span[0]) if span[0] else None
                end = int(span[1]) if len(span) > 1 and span[1] else None
                ranges.append((start if start is None or start < 0 else max(0, start - 1), end))
        except ValueError:  # a lone `-`, on which the extension stops
            return None
    return _Target(name, tuple(ranges), parts[3][1:] if parts[3] else None)


def _selected(lines: list[str], target: _Target) -> list[int]:
    """The indexes of the lines of a file that `target` includes (pymdownx's
    `select_snippet_lines`): all, its line ranges, or its section."""
    if not lines:
        return []
    if target.ranges:
        return _in_ranges(len(lines), target.ranges)
    if target.section is not None:
        return _in_section(lines, target.section)
    return list(range(len(lines)))


def _in_ranges(total: int, ranges: tuple[tuple[int | None, int | None], ...]) -> list[int]:
    """pymdownx's `extract_lines`: negative numbers count from the end."""
    indexes: list[int] = []
    for start, end in ranges:
        first = min(max(total + start, 0), total) if start and start < 0 else start
        last = min(max(total + 1 + end, 0), total) if end and end < 0 else end
        indexes += range(total)[first:last]
    return indexes


def _in_section(lines: list[str], section: str) -> list[int]:
    """pymdownx's `extract_section`: the lines between the section's start and end
    markers, other sections' markers left out."""
    indexes: list[int] = []
    started = False
    for index, line in enumerate(lines):
        marker = _SECTION_MARKER.match(line) if "8<-" in line else None
        if marker is not None and not marker["escape"]:
            if marker["name"] == section:
                if marker["type"] == "start":
                    started = True
                    continue
                break  # its end, or an end with no start
            if started:
                continue
        if started:
            indexes.append(index)
    return indexes


# The rule a remote snippet is reported under: a file the checks cannot read.
REMOTE_RULE = "page.source"


@dataclass
class IncludedFiles:
    """What `load_included_files` gives: the files pages include that are no page, read
    as pages; the lines published of those included in part; the remote snippets."""

    pages: list[Page]
    lines: dict[str, frozenset[int]]
    findings: list[Finding]


def load_included_files(
    config: HandbookConfig, pages: list[Page], page_names: set[str], cache: RunCache | None
) -> IncludedFiles:
    """The files that `pages` include with pymdownx.snippets (none if it is off), but
    those that are pages of the site (named in `page_names`), checked as such already."""
    settings = config.snippets
    if settings is None:
        return IncludedFiles([], {}, [])
    inclusions = find_inclusions(
        pages, settings, config.root, partial(relative_path, config), config.config_name
    )
    included: list[Page] = []
    lines: dict[str, frozenset[int]] = {}
    for path, published in sorted(inclusions.files.items()):
        page = load_included_file(Path(path), config, cache)
        if page.path in page_names:
            continue
        included.append(page)
        if published is not None:
            lines[page.path] = published
    findings: list[Finding] = []
    for remote in inclusions.remote:
        report = FileReport(REMOTE_RULE, remote.path)
        report.at_position(
            remote.line,
            remote.column,
            f"includes {remote.url} with pymdownx.snippets' url_download: it is downloaded "
            "when the site is built, so the checks cannot read it, and personal data or "
            "discouraged forms in it would be published unreported; keep a copy in the "
            "repository and include that instead",
        )
        findings += (finding.with_severity(Severity.WARNING) for finding in report.findings)
    return IncludedFiles(included, lines, findings)
