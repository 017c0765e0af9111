"""The files pymdownx.snippets includes in pages, found by the extension itself.

A page's `--8<-- "file.md"` line (or a `--8<--` block of names, or the settings'
`auto_append`) is replaced by the file's lines, a line range of it (`file.md:3:5`) or a
section (`file.md:name`), with the files those lines include in turn. The extension's
own preprocessor reads the names, follows the includes and selects the lines
(`_Recorder`, which notes what it reads and downloads nothing); a relative `base_path`
is read from mkdocs.yml's folder, where `mkdocs build` is run.

A file that is not found is not published; with `check_paths` the build stops on it, and
`Inclusions.missing` names it, as a section the file does not mark and an include of lines
or a section of no file (`:3`); and, whatever the settings, a line number of more digits
than Python reads, where the extension stops with a traceback. A remote file
(`url_download`) cannot be read offline: `Inclusions.remote` names it.
A file included inside a code block is published as code (`Inclusions.code`). The
lines the extension replaces (include lines, the names of a `--8<--` block, section
markers) are never published as written (`Inclusions.replaced`).

Missing sections and lines of no file are seen through methods pymdown-extensions has
only from 13.1: before it, a warning at the extension's line of mkdocs.yml says so
(`snippets_version`).
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Literal

import markdown
from markdown.util import nearing_recursion_limit
from pymdownx.snippets import SnippetExtension, SnippetMissingError, SnippetPreprocessor

from ..cache import RunCache
from ..config import HandbookConfig
from ..file_names import on_disk
from ..findings import Finding, Severity
from ..markdown import LineIndex, code_block_lines
from ..snippet_settings import EXTENSION, PAGE_FOLDER, SnippetSettings
from ..url_userinfo import without_userinfo
from .files import load_included_code
from .included import IncludedFiles
from .pages import load_included_file
from .snippets_version import missing_hooks, old_version_findings
from .source import LEADS_INTO_GIT, LEADS_OUT, FileReport, relative_path, where_it_leads
from .types import Page


@dataclass(frozen=True, slots=True)
class RemoteSnippet:
    """A snippet downloaded at build time (`url_download`), where it is first included:
    a file's path (relative to mkdocs.yml's folder) and the line and column of its name."""

    url: str
    path: str
    line: int
    column: int


# What an include line names that the extension does not find: a file in no base path,
# a section the file does not mark, lines or a section of no file (`:3`), or lines by a
# number of more digits than Python reads (`int()`: 4,300).
# And a file that a symbolic link leads out of its base path, or one in a `.git` folder:
# not read, as the build would publish a file of the machine or git's own files.
Missing = Literal["file", "section", "path", "number", "outside"]
# A YAML comment's start: a `#` first on its line or after a space.
_YAML_COMMENT = re.compile(r"(?:^|(?<=\s))#")


@dataclass(frozen=True, slots=True)
class MissingSnippet:
    """What an include line names that is not found (`what`): where the line is written
    (as `RemoteSnippet`), and the name as written (the file's, for a missing `section`)."""

    name: str
    path: str
    line: int
    column: int
    what: Missing = "file"
    section: str | None = None


@dataclass
class Inclusions:
    """What the pages include: each file by its absolute path, with the lines of it that
    are published (None: all of them); those included in code blocks only (`code`); the
    remote snippets, each once; the files not found, at each include line; where
    includes nest too deep to be followed; by the name findings give a file (a page or
    an included one), the numbers of its lines the extension replaces; by page, the
    names of the files it includes in prose, nested and auto-appended ones too."""

    files: dict[str, frozenset[int] | None] = field(default_factory=dict)
    remote: list[RemoteSnippet] = field(default_factory=list)
    code: set[str] = field(default_factory=set)
    too_deep: list[tuple[str, int]] = field(default_factory=list)
    replaced: dict[str, frozenset[int]] = field(default_factory=dict)
    in_page: dict[str, tuple[str, ...]] = field(default_factory=dict)
    missing: list[MissingSnippet] = field(default_factory=list)


class _Line(str):
    """A line the extension reads, knowing its file (as findings name it) and number;
    the extension passes the same objects on when it selects lines."""

    where: str
    number: int

    @classmethod
    def at(cls, text: str, where: str, number: int) -> _Line:
        line = cls(text)
        line.where = where
        line.number = number
        return line


class _Noting:
    """The extension's pattern for include lines, noting the line it is matched against
    last: when the extension opens a file, the line that includes it."""

    def __init__(self, pattern: Any, owner: _Recorder) -> None:
        self.pattern = pattern
        self.owner = owner

    def match(self, line: str) -> Any:
        self.owner.line = line
        return self.pattern.match(line)


class _Offline:
    """Stands for the extension's `download`: a remote snippet is noted, not fetched."""

    def __init__(self, note: Callable[[str], None]) -> None:
        self.note = note

    def __call__(self, url: str) -> list[str]:
        self.note(url)
        return []

    def cache_clear(self) -> None:  # the extension empties its download cache on start
        pass


class _Record:
    """What the walks of every page found, and the files' lines, read once."""

    def __init__(
        self, encoding: str, name_of: Callable[[Path], str], config_name: str, config_text: str
    ) -> None:
        self.encoding = encoding
        self.name_of = name_of
        self.config_name = config_name
        self.config_text = config_text
        self.texts: dict[str, list[str] | None] = {}
        self.names: dict[str, str] = {}
        self.published: dict[str, set[int]] = {}
        self.prose: set[str] = set()
        self.code_lines: dict[str, frozenset[int]] = {}
        self.remote: dict[str, RemoteSnippet] = {}
        self.too_deep: dict[tuple[str, int], None] = {}
        self.missing: dict[MissingSnippet, None] = {}
        self.replaced: dict[str, set[int]] = {}
        # The files the page being walked includes in prose, in order.
        self.in_page: dict[str, None] = {}

    def lines(self, path: str) -> list[str] | None:
        """The lines of the file at `path` as the extension reads them (text mode: any
        line ending ends a line); None where it cannot (a folder, bytes that are not in
        the encoding: the build stops there, and the file's check says why)."""
        if path not in self.texts:
            self.names[path] = self.name_of(Path(path))
            try:
                text = Path(path).read_bytes().decode(_codec(self.encoding))
            except (OSError, UnicodeDecodeError):
                self.texts[path] = None
            else:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
                self.texts[path] = text.split("\n") if text else []
                self.code_lines[self.names[path]] = code_block_lines(text)
        return self.texts[path]

    def in_code(self, line: str | None) -> bool:
        """Whether an include line is inside a code block of its own file."""
        if not isinstance(line, _Line):
            return False  # auto_append's, after the page
        return line.number in self.code_lines.get(line.where, frozenset())

    def place(self, line: str | None) -> tuple[str, int]:
        """Where an include line is written: its file and number (mkdocs.yml's first
        line for auto_append's)."""
        if isinstance(line, _Line):
            return line.where, line.number
        return self.config_name, 1


def _codec(encoding: str) -> str:
    """The settings' encoding, where Python knows it; UTF-8 otherwise."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return "utf-8"


def _mentions(text: str, name: str) -> Iterator[int]:
    """Where `text` writes `name`, first to last."""
    at = text.find(name)
    while at >= 0:
        yield at
        at = text.find(name, at + 1)


def _written_at(text: str, name: str) -> tuple[int, int]:
    """The line and column where mkdocs.yml's `text` first names `name` outside a
    comment; its first line where it does not (INHERIT'd)."""
    offset = next((at for at in _mentions(text, name) if not _in_comment(text, at)), 0)
    return LineIndex.of(text).position(offset)


def _in_comment(text: str, at: int) -> bool:
    """Whether `at` is in a YAML comment of `text`: after a `#` that starts its line or
    follows a space (quotes aside: a file named in mkdocs.yml holds no ` #`)."""
    line_start = text.rfind("\n", 0, at) + 1
    return _YAML_COMMENT.search(text, line_start, at) is not None


class _Recorder(SnippetPreprocessor):  # type: ignore[misc]
    """pymdownx.snippets' preprocessor, noting which files and lines it includes, and
    where, instead of downloading remote ones or stopping on a file it cannot read."""

    def __init__(self, config: dict[str, Any], md: markdown.Markdown, record: _Record) -> None:
        self.download = _Offline(self._note_remote)
        super().__init__(config, md)
        self.record = record
        self.line: str | None = None
        self.RE_ALL_SNIPPETS = _Noting(SnippetPreprocessor.RE_ALL_SNIPPETS, self)
        self.in_code = [False]  # whether each file being read is published as code

    def _place_of(self, name: str) -> tuple[str, int, int]:
        """Where the include line that names `name` is written: its file, line and the
        column of the name; for auto_append's, where mkdocs.yml names it, if it does (not
        INHERIT'd: its first line then)."""
        if isinstance(self.line, _Line):
            return self.line.where, self.line.number, max(self.line.find(name), 0) + 1
        return self.record.config_name, *_written_at(self.record.config_text, name)

    def _note_remote(self, url: str) -> None:
        self.record.remote.setdefault(url, RemoteSnippet(url, *self._place_of(url)))

    def get_snippet_path(self, path: str) -> str | None:
        found: str | None = super().get_snippet_path(path)
        if found is None:  # where `check_paths` stops the build
            self._note_missing(path)
        if found is None or found in self.seen:
            return found
        if self._leads_out(found):
            self._note_missing(path, "outside")
            return None
        if nearing_recursion_limit():  # where the extension stops too, silently
            self.record.too_deep.setdefault(self.record.place(self.line), None)
            return None
        if self.record.lines(found) is None:
            # Checked for what it is (page.source), but not followed: the build stops on it.
            self.record.published.setdefault(found, set())
            self.record.prose.add(found)
            return None
        return found

    def _leads_out(self, found: str) -> bool:
        """Whether the file `found` is one the extension should not reach: with
        `restrict_base_path` (its default), one whose real path is outside every base
        path (the extension compares paths as written, so a symbolic link in the
        repository, `notes -> /etc`, led it anywhere); with any settings, one in a `.git`
        folder (`.git/config` holds a remote's address, a CI token with it: security
        audit)."""
        real = os.path.realpath(found)
        # Not the extension's `get_bases`: pymdown-extensions before 13 (Python before
        # 3.11.5) has none, and the check ended in an AttributeError.
        bases = [(base, Path(base).is_dir()) for base in self.base_path if Path(base).exists()]
        if any(not is_dir and real == os.path.realpath(base) for base, is_dir in bases):
            return False  # a file the settings name as a base path
        folders = tuple(os.path.realpath(base) for base, is_dir in bases if is_dir)
        why = where_it_leads(real, folders)
        return why == LEADS_INTO_GIT or (why == LEADS_OUT and self.restrict_base_path)

    def walk(self, lines: list[str]) -> None:
        """Follow the includes of a page's `lines`. Before pymdown-extensions 13.1, which
        has no `parse_snippet_target` to catch it in, lines the extension cannot read as
        numbers raise ValueError here: noted at their include line, as the build stops
        there too, and the rest of the page not followed."""
        try:
            self.run(lines)
        except ValueError:
            if not missing_hooks():
                raise
            self._note_missing(_named_on(self.line), "number")

    def _note_missing(self, name: str, what: Missing = "file", section: str | None = None) -> None:
        missing = MissingSnippet(name, *self._place_of(name), what, section)
        self.record.missing.setdefault(missing, None)

    def parse_snippet_target(self, path: str) -> dict[str, Any] | None:
        try:
            target: dict[str, Any] | None = super().parse_snippet_target(path)
        except ValueError:  # `int()` of a line number past 4,300 digits: the build stops too
            self._note_missing(path, "number")
            return None
        if target is None:  # `:3`: with `check_paths` the build stops here
            self._note_missing(path, "path")
        return target

    def select_snippet_lines(self, lines: list[str], target: dict[str, Any]) -> list[str]:
        if not (lines and target["section"]):
            return super().select_snippet_lines(lines, target)  # type: ignore[no-any-return]
        # The extension's own test of whether the file marks the section: with
        # `check_paths`, it stops on one that is not there.
        self.check_paths = True
        try:
            return super().select_snippet_lines(lines, target)  # type: ignore[no-any-return]
        except SnippetMissingError:
            self._note_missing(target["path"], "section", target["section"])
        finally:
            self.check_paths = False
        return super().select_snippet_lines(lines, target)  # type: ignore[no-any-return]

    def parse_snippets(self, lines: list[str], file_name: str | None = None, **kwargs: Any) -> Any:
        if kwargs.get("is_url"):
            return super().parse_snippets(lines, file_name, **kwargs)
        if file_name is None:  # the page
            return self._noting_replaced(lines, super().parse_snippets(lines, None, **kwargs))
        in_code = self.in_code[-1] or self.record.in_code(self.line)
        if not in_code:
            self.record.prose.add(file_name)
            self.record.in_page[file_name] = None
        numbered = _numbered(
            lines, self.record.lines(file_name) or [], self.record.names[file_name]
        )
        self.record.published.setdefault(file_name, set()).update(
            line.number for line in numbered if isinstance(line, _Line)
        )
        self.in_code.append(in_code)
        try:
            return self._noting_replaced(
                numbered, super().parse_snippets(numbered, file_name, **kwargs)
            )
        finally:
            self.in_code.pop()

    def _noting_replaced(self, lines: list[str], published: list[str]) -> list[str]:
        """Note the lines of a file that the extension left out of what it publishes
        (`published`): its include lines, block names and section markers. An escaped
        one is published, its first `;` taken off."""
        kept = {id(line) for line in published}
        for line in lines:
            if isinstance(line, _Line) and id(line) not in kept and not _escaped(line):
                self.record.replaced.setdefault(line.where, set()).add(line.number)
        return published


def _named_on(line: str | None) -> str:
    """What an include line names: a quoted name, or a `--8<--` block's line."""
    found = SnippetPreprocessor.RE_ALL_SNIPPETS.match(line or "")
    if found is not None and found.group("inline_marker"):
        return str(found.group("snippet"))[1:-1].strip()
    return (line or "").strip()


def _escaped(line: str) -> bool:
    """Whether `line` is snippet notation escaped with `;`: published as text."""
    found = SnippetPreprocessor.RE_ALL_SNIPPETS.match(line)
    if found is None:
        found = SnippetPreprocessor.RE_SNIPPET_SECTION.match(line)
    return found is not None and bool(found.group("escape"))


def _numbered(selected: list[str], lines: list[str], where: str) -> list[str]:
    """The lines the extension selected of a file, each as a `_Line` of the file's
    `lines` where it is one (in order; a range may go back): the whole file, a range or
    a section. A line the extension changed (`dedent_subsections`, an escaped section
    marker) is matched by its text without indentation, or left as it is."""
    if selected == lines:
        return [_Line.at(line, where, number) for number, line in enumerate(lines, 1)]
    numbered: list[str] = []
    position = 0
    for line in selected:
        index = _find(lines, line, position)
        if index is None:
            index = _find(lines, line, 0)
        if index is None:
            numbered.append(line)
            continue
        numbered.append(_Line.at(line, where, index + 1))
        position = index + 1
    return numbered


def _find(lines: list[str], line: str, start: int) -> int | None:
    """The index of `line` in `lines` from `start` on: as written, dedented, or as an
    escaped section marker is published (its first `;` taken off)."""
    wanted = line.strip()
    for index in range(start, len(lines)):
        written = lines[index]
        if written == line or written.strip() == wanted or written.replace(";", "", 1) == line:
            return index
    return None


def _page_folder(root: Path, page_path: str) -> str:
    """The folder of the page at `page_path` (composed) as it is on disk, which the
    extension reads a bare `!relative`'s snippets from."""
    return os.path.dirname(on_disk(root, page_path))  # noqa: PTH120


def base_paths(settings: SnippetSettings, root: Path, page_path: str) -> list[str]:
    """The extension's `base_path`, absolute, for the page at `page_path` (relative to
    mkdocs.yml's folder `root`): a bare `!relative` is the page's folder."""
    folder = _page_folder(root, page_path)
    return [
        folder if base == PAGE_FOLDER else os.path.join(root, base)  # noqa: PTH118
        for base in settings.base_paths
    ]


def expand_snippets(text: str, settings: SnippetSettings | None, root: Path, page_path: str) -> str:
    """`text`, the Markdown body of the page at `page_path`, with the files it includes
    in place, as the site's build has them: for what prints the page elsewhere (the
    handouts). Remote snippets are not downloaded, nor is `auto_append` added (an
    abbreviation glossary, which a handout does not read): both print nothing."""
    if settings is None or "8<-" not in text:
        return text
    options = {
        **settings.options(),
        "base_path": base_paths(settings, root, page_path),
        "check_paths": False,
        "url_download": False,
        "auto_append": [],
    }
    converter = markdown.Markdown(extensions=[SnippetExtension(**options)])
    try:
        return "\n".join(converter.preprocessors["snippet"].run(text.split("\n")))
    except (OSError, UnicodeDecodeError, RecursionError, ValueError):
        # A file the build stops on too (page.source names it; ValueError: a line number
        # of more digits than `int()` reads): printed as written.
        return text


def find_inclusions(
    pages: Iterable[Page],
    settings: SnippetSettings,
    root: Path,
    name_of: Callable[[Path], str],
    config_name: str,
    config_text: str = "",
) -> Inclusions:
    """The files that `pages` include, nested includes too. `name_of` names a file as
    findings do; `config_name` (mkdocs.yml, its text `config_text`) is where an
    `auto_append` URL is placed."""
    record = _Record(settings.encoding, name_of, config_name, config_text)
    recorders: dict[str, _Recorder] = {}
    inclusions_in_page: dict[str, tuple[str, ...]] = {}
    for page in pages:
        key = _page_folder(root, page.path) if PAGE_FOLDER in settings.base_paths else ""
        if key not in recorders:
            bases = base_paths(settings, root, page.path)
            options = {**settings.options(), "base_path": bases, "check_paths": False}
            config = SnippetExtension(**options).getConfigs()
            recorders[key] = _Recorder(config, markdown.Markdown(), record)
        text = page.origin.text
        record.code_lines[page.path] = code_block_lines(text, page.origin.body_line)
        # MkDocs hands Python-Markdown the page without its front matter.
        lines = [
            _Line.at(line, page.path, number)
            for number, line in enumerate(text.split("\n"), 1)
            if number >= page.origin.body_line
        ]
        record.in_page = {}
        recorders[key].walk(lines)
        names = (record.names[path] for path in record.in_page)
        inclusions_in_page[page.path] = tuple(name for name in names if name != page.path)
    return Inclusions(
        {
            path: None if len(numbers) == len(record.texts[path] or []) else frozenset(numbers)
            for path, numbers in record.published.items()
        },
        list(record.remote.values()),
        set(record.published) - record.prose,
        list(record.too_deep),
        {name: frozenset(numbers) for name, numbers in record.replaced.items()},
        inclusions_in_page,
        list(record.missing),
    )


def _text_of(path: Path) -> str:
    """The text of the config file at `path`, read as its reader does; "" where it
    cannot be read again (it was once: the settings come from it)."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""


# The rule a remote or missing snippet is reported under: a file the checks cannot read.
SOURCE_RULE = "page.source"


def load_included_files(
    config: HandbookConfig,
    pages: list[Page],
    page_names: set[str],
    cache: RunCache | None,
    text_file_names: frozenset[str] = frozenset(),
) -> IncludedFiles:
    """The files that `pages` include with pymdownx.snippets (none if it is off), but
    those that are pages of the site (named in `page_names`), checked as such already,
    and text files of docs_dir (`text_file_names`) included as code."""
    settings = config.snippets
    if settings is None:
        return IncludedFiles([], {}, [])
    config_text = _text_of(config.root / config.config_name)
    inclusions = find_inclusions(
        pages,
        settings,
        config.root,
        partial(relative_path, config),
        config.config_name,
        config_text,
    )
    included = IncludedFiles([], {}, [], [], inclusions.replaced, inclusions.in_page)
    included.findings += old_version_findings(
        SOURCE_RULE, config.config_name, *_written_at(config_text, EXTENSION)
    )
    for path, published in sorted(inclusions.files.items()):
        name = relative_path(config, Path(path))
        if name in page_names:
            continue
        if path in inclusions.code:
            if name in text_file_names:
                continue
            included.code.append(load_included_code(Path(path), config, cache))
        else:
            included.pages.append(load_included_file(Path(path), config, cache))
        if published is not None:
            included.lines[name] = published
    for remote in inclusions.remote:
        report = FileReport(SOURCE_RULE, remote.path)
        report.at_position(
            remote.line,
            remote.column,
            f"includes {without_userinfo(remote.url)} with pymdownx.snippets' url_download: "
            "it is downloaded when the site is built, so the checks cannot read it, and "
            "personal data or discouraged forms in it would be published unreported; keep a "
            "copy in the repository and include that instead",
        )
        included.findings += (
            finding.with_severity(Severity.WARNING) for finding in report.findings
        )
    # Without `check_paths` the extension skips what it does not find; a number it
    # cannot read stops it whatever the settings.
    included.findings += _missing_findings(
        snippet
        for snippet in inclusions.missing
        if settings.check_paths or snippet.what in ("number", "outside")
    )
    for where, line in inclusions.too_deep:
        report = FileReport(SOURCE_RULE, where)
        report.at_position(
            line,
            1,
            "includes files nested too deep for pymdownx.snippets to follow them all: the "
            "build publishes what it reaches, but the checks stop here, so what is included "
            "further is not checked; include the deeper files from a page instead",
        )
        included.findings += (
            finding.with_severity(Severity.WARNING) for finding in report.findings
        )
    return included


# Where MkDocs stops with `check_paths`: as it renders the page; a draft (`draft_docs`),
# which `mkdocs build` leaves out, under `mkdocs serve` (the checks read drafts as pages).
_STOPS = (
    "with check_paths: true, MkDocs stops on it as it renders a page "
    "(drafts too, under `mkdocs serve`)"
)
# How much of a name is quoted when it holds a number of thousands of digits.
_QUOTED_NAME = 60


def _missing_findings(missing: Iterable[MissingSnippet]) -> list[Finding]:
    """An error at each include line naming what the extension does not find (with
    `check_paths` MkDocs stops there: SnippetMissingError) or cannot read."""
    findings: list[Finding] = []
    for snippet in missing:
        report = FileReport(SOURCE_RULE, snippet.path)
        report.at_position(snippet.line, snippet.column, _missing_message(snippet))
        findings += report.findings
    return findings


# Python's `int()` reads at most this many digits (4,300 unless PYTHONINTMAXSTRDIGITS
# says otherwise), in the extension as anywhere.
_MOST_DIGITS_READ = sys.get_int_max_str_digits()
_TOO_MANY_DIGITS = re.compile(rf"\d{{{_MOST_DIGITS_READ + 1}}}")


def _missing_message(snippet: MissingSnippet) -> str:
    name = snippet.name
    if snippet.what == "section":
        return (
            f"includes the section {snippet.section!r} of {name!r} with pymdownx.snippets, "
            f"but the file marks no such section (`--8<-- [start:{snippet.section}]`, before "
            f"its end marker); {_STOPS}. Correct the section's name, or mark it in the file"
        )
    if snippet.what == "path":
        return (
            f"includes {name!r} with pymdownx.snippets: lines or a section, but of no file; "
            f"{_STOPS}. Write the file's name before the ':'"
        )
    if snippet.what == "outside":
        return (
            f"includes {name!r} with pymdownx.snippets, but it leads out of the "
            "extension's base_path by a symbolic link, or into a .git folder (git's own "
            "files): the build would publish a file of the machine that builds the site, "
            "or the repository's settings; include a file of the repository instead"
        )
    if snippet.what == "number":
        shown = name if len(name) <= _QUOTED_NAME else f"{name[:_QUOTED_NAME]}..."
        # Review rv11: `:-` was told its number had too many digits.
        unread = (
            f"a line number of more digits than the extension can read ({_MOST_DIGITS_READ:,})"
            if _TOO_MANY_DIGITS.search(name)
            else "lines the extension cannot read as numbers (a '-' with no number beside it)"
        )
        return (
            f"includes {shown!r} with pymdownx.snippets: {unread}, so the build stops "
            "here. Correct the lines (`file.md:3:5`, `file.md:3`)"
        )
    return (
        f"includes {name!r} with pymdownx.snippets, but no such file is found in its "
        f"base_path; {_STOPS}. Correct the name, or add the file"
    )
