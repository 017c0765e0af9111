"""Markdown pages of docs_dir: text, front matter and where the body starts.

Front matter is found as MkDocs 1.6 finds it (`mkdocs.utils.meta.get_data`): a `---` line
first, then one line at least, closed by a `---` or `...` line that a line break ends;
line endings are kept, so positions stay those of the file. A page's front matter is
free-form: if it is no YAML mapping, the page has no metadata and the block is content,
as in MkDocs; a warning says so where the block was meant as front matter. Without such a
block MkDocs reads `key: value` lines at the top of a page as metadata (MultiMarkdown
style), and leaves them out of the page too. (A module's front matter is checked instead:
see modules.py.)
"""

from __future__ import annotations

import operator
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pathspec

from ..cache import STATS, RunCache
from ..config import HandbookConfig
from ..file_names import composed, resolved
from ..findings import Finding, Severity
from ..lazy_pattern import LazyPattern
from ..markdown import LONE_CARRIAGE_RETURN
from ..utf8 import decode_utf8
from .files import LEFTOVER_WHY, is_text_file, read_as_utf16
from .generated_keys import generated_pages_key_why, is_generated_pages_key
from .records import editors_leftover, report_schema_problems
from .schema import to_json_data, validate
from .source import (
    GIT_LINKED_FILE,
    GIT_LINKED_FOLDER,
    LEADS_INTO_GIT,
    LOOP_FOLDER,
    MARKDOWN_SUFFIXES,
    OUTSIDE_FILE,
    OUTSIDE_FOLDER,
    FileReport,
    may_be_file,
    outside_docs,
    read_bytes,
    relative_path,
    report_yaml_problems,
    spans_of,
    unreadable,
    where_it_leads,
    within,
)
from .types import Origin, Page
from .windows_names import (
    all_fine_on_windows,
    case_twin_problem,
    case_twins,
    windows_name_problem,
)
from .yaml_document import LineIndex, YamlDocument
from .yaml_messages import quoted
from .yaml_source import load_yaml

# The parts of a front matter block, as MkDocs' own `YAML_RE` (mkdocs.utils.meta) reads
# them on the file read with universal line endings: `\r\n` ends a line here as well
# (`parse_page` has made a lone `\r` a `\n`).
_LINE_BREAK = r"(?:\r\n|\n)"
_OPENING = r"\A---[ \t]*" + _LINE_BREAK
_CLOSING = r"(?:---|\.\.\.)[ \t]*"
# MkDocs' `YAML_RE`: the opening line, the YAML (whole lines, one at least), the closing
# line with its line break. tests/test_bad_input.py holds the two in step.
_FRONT_MATTER = LazyPattern(
    _OPENING + r"(?P<yaml>.*?" + _LINE_BREAK + ")" + _CLOSING + _LINE_BREAK, re.DOTALL
)
# An empty block, which MkDocs' `YAML_RE` does not match (it needs a line): no front
# matter to MkDocs either, read as an empty one, so that a module's can say it is empty.
_EMPTY_FRONT_MATTER = LazyPattern(_OPENING + "(?P<yaml>)" + _CLOSING + rf"(?:{_LINE_BREAK}|\Z)")
# A block closed on the file's last line, with no line break after it: no front matter
# to MkDocs, whose closing line must end with one.
_CLOSED_AT_THE_VERY_END = LazyPattern(_OPENING + ".*?" + _LINE_BREAK + _CLOSING + r"\Z", re.DOTALL)
# A front matter's opening line, for one never closed (`_FRONT_MATTER` finds none).
_OPENING_LINE = r"---[ \t]*(?:\r\n|\r|\n)"
OPENING_LINE = LazyPattern(_OPENING_LINE)
# An opening line, then one that reads as YAML's `key:` or `key: value`: front matter left
# open, not a horizontal rule over a paragraph (a blank line or prose after it).
_OPENED_WITH_KEY = LazyPattern(_OPENING_LINE + r"[A-Za-z_][\w-]*:(?:[ \t]|\r|\n|\Z)")
# An opening line, then a blank one: a horizontal rule, whatever a closing line makes of it.
_RULE_THEN_BLANK_LINE = LazyPattern(_OPENING_LINE + r"[ \t]*(?:\r\n|\r|\n|\Z)")
NEVER_CLOSED = "its front matter is never closed: end it with a line of '---' before the text"
CLOSED_WITHOUT_LINE_BREAK = (
    "its front matter's closing '---' is the file's last line, with no line break after "
    "it, so MkDocs reads no front matter: end that line with a line break"
)
# A line of settings at the left margin: a lower-case `name:` as MkDocs and Material name
# theirs, then a value or nothing. A sentence (`Note: ...`, `Call us: ...`) is none.
_SETTING_LINE = LazyPattern(r"[a-z_][a-z0-9_-]*:(?:[ \t]|$)")
# How a page that starts with a horizontal rule escapes the warnings below.
_RULE_INSTEAD = "; if the '---' is a horizontal rule, leave a blank line after it"


@dataclass(frozen=True, slots=True)
class PageSource:
    """A page's decoded text and its front matter, parsed once for pages and modules."""

    text: str
    lines: LineIndex
    front_matter: YamlDocument | None
    body_start: int

    @property
    def body_line(self) -> int:
        return self.lines.line(self.body_start)

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    def origin(self, path: str) -> Origin:
        spans = spans_of(self.front_matter, self.lines) if self.front_matter else {}
        return Origin(path=path, text=self.text, spans=spans, body_line=self.body_line)

    def meta(self) -> dict[str, object]:
        document = self.front_matter
        if document is None or not document.usable or not isinstance(document.data, dict):
            return {}
        return document.data


def parse_page(text: str) -> PageSource:
    """Split `text` (BOM already removed) into front matter and body. A lone carriage
    return (old Mac line endings) ends a line, as MkDocs reads the file: it becomes a
    line feed, one character for one, so every offset still points into the file."""
    if "\r" in text:
        text = LONE_CARRIAGE_RETURN.sub("\n", text)
    lines = LineIndex(text)
    match = _FRONT_MATTER.match(text) or _EMPTY_FRONT_MATTER.match(text)
    if match is None:
        return PageSource(text, lines, None, 0)
    document = load_yaml(text, match.start("yaml"), match.end("yaml"), lines=lines)
    document.values[""] = (0, match.end())
    return PageSource(text, lines, document, match.end())


@dataclass
class DocsWalk:
    """What a walk of a handbook's docs_dir found (`markdown_file_paths` says each)."""

    pages: list[str] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    outside: list[tuple[str, str]] = field(default_factory=list)
    text_files: list[str] = field(default_factory=list)
    other_files: list[str] = field(default_factory=list)
    linked_out: list[tuple[str, str]] = field(default_factory=list)
    misnamed: list[tuple[str, str]] = field(default_factory=list)


def walk_docs(config: HandbookConfig) -> DocsWalk:
    """The walk of `config`'s docs_dir that the loader and the incremental check's survey
    both make: its pages as strings, and all else it found."""
    walk = DocsWalk()
    walk.pages = markdown_file_paths(
        str(config.docs_dir),
        config.exclude_docs,
        walk.unreadable,
        within(config),
        walk.outside,
        walk.text_files,
        walk.linked_out,
        walk.misnamed,
        walk.other_files,
    )
    return walk


def markdown_file_paths(
    directory: str,
    exclude: tuple[str, ...] = (),
    unreadable: list[tuple[str, str]] | None = None,
    within: tuple[str, ...] = (),
    outside: list[tuple[str, str]] | None = None,
    text_files: list[str] | None = None,
    linked_out: list[tuple[str, str]] | None = None,
    misnamed: list[tuple[str, str]] | None = None,
    other_files: list[str] | None = None,
) -> list[str]:
    """Every Markdown page under `directory` (`MARKDOWN_SUFFIXES`) that MkDocs publishes,
    sorted by the parts of its path. Left out, as MkDocs leaves them out of the site:
    hidden files and folders, the `templates` folder at the top, and the pages that the
    gitignore-style patterns of `exclude` (mkdocs.yml's `exclude_docs`) match. Symlinked
    folders are followed, as MkDocs follows them (`os.walk(followlinks=True)`). A folder
    that cannot be read is added to `unreadable`, as (path, why), if given: MkDocs leaves
    its pages out of the site without a word. A linked folder that is not walked is added
    to `outside`, as (path, why): with `within` (real paths), one that leads elsewhere
    or into a `.git` folder (`source.where_it_leads`: what is in it is not the site's,
    and a link to `/` would walk the whole file system); and one that leads back into a
    folder it is in, a loop, which MkDocs walks round until the system stops it,
    publishing every page below it again at each turn. With `within`, a link to a file
    elsewhere, other than a page (whose loader says why it is not read), is added to
    `linked_out`, as (path, why), if given, and to no other list: MkDocs would copy it to
    the site. What editors leave beside a file (`records.editors_leftover`: `index.md~`,
    `Thumbs.db`), which the plugin leaves out of the site, is added to `misnamed`, as
    (path, `files.LEFTOVER_WHY`), if given, and to no other list; so is each file or
    folder that is not hidden whose name a clone on Windows cannot hold (`aux.md`,
    `what?.md`, `About.md` beside `about.md`: `windows_names`), as (path, why), in this
    list only for what it says; sorted as the pages. The other files left in, whose
    content is text (`files.is_text_file`), are added to `text_files`, if given, sorted
    as the pages; those whose content is no text (a PDF, an image), to `other_files`, if
    given, sorted as the pages: MkDocs publishes them too, their names read, not their
    bytes. The whys name docs_dir as `{docs}`.
    Paths as strings, one `os.scandir` per folder (its entries know their type without a
    system call each): the incremental check's survey lists thousands of files, and a
    `Path` each cost as much as the rest of it."""
    if not os.path.isdir(directory):  # noqa: PTH112
        return []
    excluded = _excluded(exclude)
    takes_back = any(pattern.lstrip().startswith("!") for pattern in exclude)
    found: list[tuple[tuple[str, ...], str]] = []
    pages: list[tuple[tuple[str, ...], str]] = []  # of the folder being read
    texts: list[tuple[tuple[str, ...], str]] = []
    others: list[tuple[tuple[str, ...], str]] = []  # published, no text
    named: list[tuple[tuple[str, ...], str, str]] = []  # misnamed: parts, path, why
    # (path parts, folder, the real paths of the folder and of each folder it is in)
    folders: list[tuple[tuple[str, ...], str, tuple[str, ...]]] = [
        ((), directory, (os.path.realpath(directory),))
    ]
    while folders:
        parts, folder, reals = folders.pop()
        try:
            with os.scandir(folder) as scanned:
                entries = list(scanned)
        except OSError as error:  # skipped, as MkDocs' walk skips it; named, if asked
            # Left out whole (`private/`), and no `!` pattern may take a page of it back.
            left_out = (
                excluded is not None
                and parts
                and not takes_back
                and excluded("/".join(parts) + "/")
            )
            if unreadable is not None and not left_out:
                unreadable.append((folder, error.strerror or str(error)))
            continue
        if misnamed is not None:
            named += _not_for_windows(parts, entries)
        for entry in entries:
            name = entry.name
            # Hidden: left out (unless a `!` pattern of the site's may take a page back),
            # but for a link to a folder, which may be a loop.
            hidden = name.startswith(".") and not takes_back
            linked_folder = entry.is_symlink() and _is_folder(entry)
            if hidden and not linked_folder:
                continue
            if excluded is None and name == "templates" and not parts and _is_folder(entry):
                continue  # MkDocs' own `/templates/`, which only the site's patterns undo
            if entry.is_dir(follow_symlinks=False):
                real = reals[-1] + os.sep + name
                folders.append(((*parts, name), entry.path, (*reals, real)))
            elif linked_folder:
                real = os.path.realpath(entry.path)
                # A loop: it leads to a folder this one is in, or to one above that. MkDocs
                # walks round it until the system stops it, whatever its name or the
                # patterns say (they leave its pages out after the walk).
                if any(_in_folder(walked, real) for walked in reals):
                    if outside is not None:
                        outside.append((entry.path, LOOP_FOLDER))
                    continue
                if hidden:
                    continue
                leads = where_it_leads(real, within) if within else None
                if leads is None:
                    folders.append(((*parts, name), entry.path, (*reals, real)))
                    continue
                # Left out by the patterns: no page of the site, no finding (a `!` pattern
                # taking a page of it back is not looked for).
                left_out = excluded is not None and excluded("/".join((*parts, name)) + "/")
                if outside is not None and not left_out:
                    why = GIT_LINKED_FOLDER if leads == LEADS_INTO_GIT else OUTSIDE_FOLDER
                    outside.append((entry.path, why))
            elif name.endswith(MARKDOWN_SUFFIXES):  # MkDocs' test: in lower case only
                if may_be_file(entry) and (
                    excluded is None or not excluded("/".join((*parts, name)))
                ):
                    pages.append(((*parts, name), entry.path))
            elif within and entry.is_symlink() and (why := _leads_out(entry.path, within)):
                # Neither read nor published: no text file of the site. Left out by the
                # patterns, it is no file of the site either: no finding.
                if linked_out is not None and (
                    excluded is None or not excluded("/".join((*parts, name)))
                ):
                    linked_out.append((entry.path, why))
            elif editors_leftover(name):
                # Not a text file either: the plugin leaves it out of the site.
                if (
                    misnamed is not None
                    and may_be_file(entry)
                    and (excluded is None or not excluded("/".join((*parts, name))))
                ):
                    named.append(((*parts, name), entry.path, LEFTOVER_WHY))
            elif (
                (text_files is not None or other_files is not None)
                and may_be_file(entry)
                and (excluded is None or not excluded("/".join((*parts, name))))
            ):
                (texts if is_text_file(name) else others).append(((*parts, name), entry.path))
        found += _without_readme_beside_index(pages)
        pages.clear()
    found.sort(key=operator.itemgetter(0))
    if text_files is not None:
        texts.sort(key=operator.itemgetter(0))
        text_files += (path for _, path in texts)
    if other_files is not None:
        others.sort(key=operator.itemgetter(0))
        other_files += (path for _, path in others)
    if misnamed is not None:
        named.sort(key=operator.itemgetter(0, 2))
        misnamed += ((path, why) for _, path, why in named)
    return [path for _, path in found]


def _not_for_windows(
    parts: tuple[str, ...], entries: list[os.DirEntry[str]]
) -> Iterator[tuple[tuple[str, ...], str, str]]:
    """(path parts, path, why) for each entry of a folder of docs_dir, hidden ones aside,
    whose name a clone on Windows cannot hold, alone or beside another (`windows_names`).
    Whether the site publishes it or not (`exclude_docs`): the clone fails all the same.
    What editors and Finder leave (`Icon\\r`) is named once, as such: deleting it is the fix."""
    shown = {entry.name: entry.path for entry in entries if not entry.name.startswith(".")}
    if all_fine_on_windows(list(shown)):  # almost every folder: no look at each name
        return
    shown = {name: path for name, path in shown.items() if not editors_leftover(name)}
    for name, path in shown.items():
        why = windows_name_problem(name)
        if why is not None:
            yield (*parts, name), path, why
    for name, first in case_twins(shown):
        yield (*parts, name), shown[name], case_twin_problem(name, first)


def _leads_out(path: str, within: tuple[str, ...]) -> str | None:
    """Why the link to a file at `path` is not followed (it leads out of `within`, or
    into a `.git` folder), or None."""
    leads = where_it_leads(os.path.realpath(path), within)
    if leads is None:
        return None
    return GIT_LINKED_FILE if leads == LEADS_INTO_GIT else OUTSIDE_FILE


def _in_folder(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _without_readme_beside_index(
    pages: list[tuple[tuple[str, ...], str]],
) -> list[tuple[tuple[str, ...], str]]:
    """The pages of one folder, but for a README that an index page beside it keeps off
    the site: both would be the folder's page, and MkDocs publishes the index."""
    stems = {_stem(parts[-1]) for parts, _ in pages}
    if not {"index", "README"} <= stems:
        return pages
    return [(parts, path) for parts, path in pages if _stem(parts[-1]) != "README"]


def _stem(name: str) -> str:
    return name.rpartition(".")[0]


# What MkDocs leaves out before the site's `exclude_docs` (whose `!` lines may take a
# page back): hidden names, and the `templates` folder at the top.
_MKDOCS_EXCLUDE = (".*", "/templates/")


@lru_cache(maxsize=8)
def _excluded(patterns: tuple[str, ...]) -> Callable[[str], bool] | None:
    """Whether MkDocs leaves out a page, by its path under docs_dir (as MkDocs matches its
    `src_uri`), given the site's `exclude_docs`; None when there are no patterns (then
    only MkDocs' own apply, which the walk applies itself, faster)."""
    if not patterns:
        return None
    return pathspec.GitIgnoreSpec.from_lines((*_MKDOCS_EXCLUDE, *patterns)).match_file


def left_out_of_site(
    src_uri: str, exclude: tuple[str, ...] = (), drafts: tuple[str, ...] = ()
) -> bool:
    """Whether MkDocs leaves the file at `src_uri` (its path under docs_dir) out of the
    site, by its path: a hidden name, the `templates` folder at the top, a pattern of the
    site's `exclude_docs` (as `markdown_file_paths` leaves pages out), or of its
    `draft_docs` (`drafts`), which MkDocs matches apart: a `!` line of one takes back
    no page the other leaves out."""
    excluded = _excluded(exclude or _MKDOCS_EXCLUDE)  # MkDocs' own are always in it
    assert excluded is not None  # some patterns are given
    if excluded(src_uri):
        return True
    drafted = _drafted(drafts)
    return drafted is not None and drafted(src_uri)


@lru_cache(maxsize=8)
def _drafted(patterns: tuple[str, ...]) -> Callable[[str], bool] | None:
    """Whether `mkdocs build` leaves out a page as a draft of `draft_docs`' `patterns`
    (MkDocs' own exclusions are not among them); None when there are none."""
    return pathspec.GitIgnoreSpec.from_lines(patterns).match_file if patterns else None


def _is_folder(entry: os.DirEntry[str]) -> bool:
    """Whether a link leads to a folder (a broken link or a loop leads to none)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def page_paths(path: Path, config: HandbookConfig) -> tuple[str, str]:
    """(path relative to mkdocs.yml, src_uri relative to docs_dir) of a page file."""
    relative = relative_path(config, path)
    target = path if path.is_absolute() and not path.is_symlink() else resolved(path)
    try:
        src_uri = composed(target.relative_to(config.docs_dir).as_posix())  # as MkDocs' File
    except ValueError:
        src_uri = relative
    return relative, src_uri


def build_page(
    path: Path,
    source: PageSource,
    config: HandbookConfig,
    problem: tuple[int, int, str] | None = None,
    front_matter_findings: tuple[Finding, ...] = (),
) -> Page:
    relative, src_uri = page_paths(path, config)
    origin = source.origin(relative)
    return Page(
        path=relative,
        src_uri=src_uri,
        origin=origin,
        meta=source.meta(),
        problem=problem,
        front_matter_findings=front_matter_findings,
    )


FRONT_MATTER_RULE = "page.front-matter"


def front_matter_findings(relative: str, source: PageSource) -> tuple[Finding, ...]:
    """What is wrong with a plain page's front matter: YAML that does not parse (MkDocs
    would publish it as the page's text), and values of a type that the theme cannot use
    for the keys MkDocs and Material read (page.schema.json), which would stop the build
    with a traceback; and so for MultiMarkdown metadata (`metadata_findings`). A block
    meant as front matter that MkDocs takes for the page's text is a warning
    (`not_read_as_front_matter`), and so are lines of text that MkDocs takes for front
    matter and leaves out of the page (`read_as_front_matter`)."""
    document = source.front_matter
    report = FileReport(FRONT_MATTER_RULE, relative, source.lines)
    if document is not None and _meant_as_front_matter(source):
        report_yaml_problems(document, report)
        if document.usable and not document.empty:
            data = to_json_data(document.data)
            problems = validate("page", data) if isinstance(data, dict) else []
            if problems:
                report_schema_problems(problems, document, report, source.origin(relative))
    if document is not None and document.usable and isinstance(document.data, dict):
        for key in filter(is_generated_pages_key, document.data):
            report.at_offset(document.keys[key][0], generated_pages_key_why(key))
            report.findings[-1] = report.findings[-1].with_severity(Severity.WARNING)
    if document is None:  # MultiMarkdown metadata, whose values reach the theme too
        metadata = multimarkdown_metadata(source.text)
        for line, message in metadata_findings(metadata):
            report.at_position(line, 1, message)
        for key in filter(is_generated_pages_key, metadata.values):
            report.at_position(metadata.lines[key], 1, generated_pages_key_why(key))
            report.findings[-1] = report.findings[-1].with_severity(Severity.WARNING)
    for why in (not_read_as_front_matter(source), read_as_front_matter(source)):
        if why is not None:  # a warning: the editor may have meant what MkDocs does
            line, message = why
            report.at_position(line, 1, message)
            report.findings[-1] = report.findings[-1].with_severity(Severity.WARNING)
    return tuple(report.findings)


def _block(source: PageSource) -> tuple[int, str]:
    """Where the lines between a page's opening `---` and its closing line start, and
    those lines."""
    match = _FRONT_MATTER.match(source.text)
    return (match.start("yaml"), match.group("yaml")) if match else (0, "")


def _meant_as_front_matter(source: PageSource) -> bool:
    """Whether a page's `---` block is meant as front matter: it starts right after its
    opening line, or, after a blank line, each line at the left margin is a setting
    (`_SETTING_LINE`; list items and comments aside). After a blank line, sentences are
    text under a horizontal rule, which MkDocs publishes where they are no YAML mapping."""
    if not _RULE_THEN_BLANK_LINE.match(source.text):
        return True
    margin = [
        line
        for line in _block(source)[1].splitlines()
        if line.strip() and not line[0].isspace() and not line.startswith(("-", "#"))
    ]
    return bool(margin) and all(_SETTING_LINE.match(line) for line in margin)


def not_read_as_front_matter(source: PageSource) -> tuple[int, str] | None:
    """(line, why) where the block at the top of a page, meant as front matter, is the
    page's text to MkDocs (a rule, the lines, another rule or a heading), so that its
    title, `hide` or `search` settings are lost and its lines published (audit), or None:
    one never closed (or closed on the file's last line, with no line break) whose first
    line is `key: value`, or one closed that holds a list or a single value. A rule over a
    blank line, or over prose that no closing line follows, is Markdown."""
    document = source.front_matter
    if document is None:
        if not _OPENED_WITH_KEY.match(source.text):
            return None
        return 1, never_closed_why(source.text) + _RULE_INSTEAD
    if not document.usable or document.empty or isinstance(document.data, dict):
        return None  # front matter (its YAML problems are findings), or none at all
    if _RULE_THEN_BLANK_LINE.match(source.text):
        return None
    shape = "a list" if isinstance(document.data, list) else "a single value"
    return 1, (
        f"its front matter is {shape}, not 'key: value' lines, so MkDocs publishes it as "
        f"the page's text: write each setting as 'key: value'{_RULE_INSTEAD}"
    )


def never_closed_why(text: str) -> str:
    """Why MkDocs reads no front matter in a text that opens a `---` block: it is never
    closed, or closed on the last line with no line break after it."""
    return CLOSED_WITHOUT_LINE_BREAK if _CLOSED_AT_THE_VERY_END.match(text) else NEVER_CLOSED


def read_as_front_matter(source: PageSource) -> tuple[int, str] | None:
    """(line, why) where MkDocs takes lines of text for front matter and leaves them out
    of the page, or None. Two cases, as MkDocs 1.6 reads a page (its `get_data`): a `---`,
    a blank line, then sentences that YAML reads as a mapping (`Note: a draft.`) and a
    closing `---` (meant as text under a rule, by `_meant_as_front_matter`); and, with no
    `---` block, `key: value` lines at the top (MultiMarkdown metadata) of which one reads
    as text, not as a setting (`_SETTING_LINE`: `Warning: graphic content.`, a first line
    `http://...`). The why names the lines by number and quotes none of them: a first
    line may hold a name or a phone number, and findings go to public CI logs."""
    document = source.front_matter
    if document is not None:
        if _meant_as_front_matter(source) or not (
            document.usable and isinstance(document.data, dict) and document.data
        ):
            return None  # front matter meant, or text that MkDocs publishes
        start, block = _block(source)
        first = next(line for line in block.splitlines() if line.strip())
        closing = source.lines.line(start + len(block))
        return source.lines.line(start + block.index(first)), (
            f"MkDocs reads lines 1 to {closing}, from the '---' of line 1 to the next, as the "
            "page's front matter, and leaves them out of the page: if they are text under "
            "a horizontal rule, write that rule as '***'"
        )
    metadata = multimarkdown_metadata(source.text)
    errors = {line for line, _ in metadata_findings(metadata)}
    text = [
        number
        for number, line in metadata.key_lines
        if number not in errors and not _SETTING_LINE.match(line.lstrip(" "))
    ]
    if not text:
        return None  # `title: ...` and the like: metadata, as meant (or an error)
    read = "line 1" if metadata.last_line == 1 else f"lines 1 to {metadata.last_line}"
    them, they = ("it", "it is") if metadata.last_line == 1 else ("them", "they are")
    return text[0], (
        f"MkDocs reads {read} as the page's metadata ('key: value', MultiMarkdown style), "
        f"and leaves {them} out of the page; this line reads as text, not as a setting "
        f"(one written in lower case, 'title: About'): if {they} text, start the page with "
        "its heading or a blank line"
    )


def metadata_findings(metadata: MultiMarkdown) -> list[tuple[int, str]]:
    """(line, why) for each value of a page's MultiMarkdown metadata that the theme
    cannot use, by page.schema.json, as front matter's values are checked: MkDocs passes
    the text on to the theme (`search: ...` stops Material's search plugin with a
    traceback). The why quotes no value: the line may be text, with personal data."""
    if not metadata.values:
        return []
    found: list[tuple[int, str]] = []
    for problem in validate("page", dict(metadata.values), advice=False):
        if not problem.path:  # none in a mapping of text, whose keys are all allowed
            continue
        key = str(problem.path[0])
        value = metadata.values[key]
        # Unquoted as `schema.quoted` quotes it: the rest of the message still says what
        # the theme wants.
        message = problem.message.replace(f"the string {quoted(value)}", "text").replace(
            quoted(value), "this text"
        )
        found.append(
            (
                metadata.lines[key],
                f"{message}: MkDocs reads this line as the page's '{key}' setting "
                "(MultiMarkdown metadata, whose values are text), which the theme cannot "
                "use: write the setting as front matter between '---' lines, or, if the "
                "line is text, start the page with its heading or a blank line",
            )
        )
    return found


# MkDocs 1.6's reading of MultiMarkdown metadata (mkdocs.utils.meta, `META_RE` and
# `META_MORE_RE`), written here because the engine does not import MkDocs (DESIGN section
# 2); tests/test_bad_input.py holds the two in step.
_METADATA_LINE = LazyPattern(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_METADATA_MORE = LazyPattern(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")


@dataclass(frozen=True, slots=True)
class MultiMarkdown:
    """The MultiMarkdown metadata at the top of a page, as MkDocs reads it: `values` by
    key, lower-cased (a key met twice, or a continuation, adds its text after a space);
    the line of each key's first `key: value` line; each `key: value` line, by number;
    and the last line read as metadata (0: none), which MkDocs leaves out of the page."""

    values: dict[str, str]
    lines: dict[str, int]
    key_lines: list[tuple[int, str]]
    last_line: int


def multimarkdown_metadata(text: str) -> MultiMarkdown:
    """The MultiMarkdown metadata that MkDocs reads at the top of a page with no `---`
    block (none where `_FRONT_MATTER` finds one): its `key: value` lines (and their
    indented continuations) up to a blank line or the first other line."""
    values: dict[str, str] = {}
    lines: dict[str, int] = {}
    key_lines: list[tuple[int, str]] = []
    if _FRONT_MATTER.match(text):
        return MultiMarkdown(values, lines, key_lines, 0)
    key = None
    last = 0
    rows = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(rows, 1):
        if not line.strip():
            break
        if found := _METADATA_LINE.match(line):
            key = found.group("key").lower().strip()
            value = found.group("value").strip()
            values[key] = f"{values[key]} {value}" if key in values else value
            lines.setdefault(key, number)
            key_lines.append((number, line))
        elif key is not None and (more := _METADATA_MORE.match(line)):
            values[key] += " " + more.group("value").strip()
        else:
            break
        last = number
    return MultiMarkdown(values, lines, key_lines, last)


# Where the persistent cache keeps the pages read.
PAGES_NAMESPACE = "records-page"


def load_page(path: Path, config: HandbookConfig, cache: RunCache | None = None) -> Page:
    """A plain page (not a module); one that is not UTF-8 or cannot be read at all says
    so in `Page.problem`. Through the persistent cache, a page whose bytes did not change
    is not parsed again."""
    if cache is None or not cache.enabled:
        return _load_page(path, config, cache)
    key = cache.key("page", *page_paths(path, config), cache.file_digest(path))
    entry = cache.load(PAGES_NAMESPACE, key, _is_page_entry)
    if entry is None:
        entry = (_load_page(path, config, cache),)
        cache.store(PAGES_NAMESPACE, key, entry)
    return entry[0]


def _is_page_entry(value: object) -> bool:
    return isinstance(value, tuple) and len(value) == 1 and isinstance(value[0], Page)


def _page_text(raw: bytes) -> tuple[str, tuple[int, int, str] | None]:
    """A page's text, and its page.source problem if it is no UTF-8 (`decode_utf8`). One
    saved as UTF-16 (`files.read_as_utf16`, as text files are read) is read as such, so
    that its personal data is found: privacy.pii is all that is checked in it."""
    text, problem = decode_utf8(raw)
    if problem is None and "\0" not in text:
        return text, None
    utf16 = read_as_utf16(raw)
    if utf16 is None:
        return text, problem
    text, order, with_bom = utf16
    without = "" if with_bom else " without a byte order mark"
    return text, (
        1,
        1,
        f"is UTF-16 ({order}){without}, not UTF-8, which MkDocs reads: save the "
        "file as UTF-8 (it was read as UTF-16, and nothing but personal data in it is "
        "checked)",
    )


def load_included_file(path: Path, config: HandbookConfig, cache: RunCache | None) -> Page:
    """A file that pymdownx.snippets includes in pages (`model.snippets`), read as a page
    whose text is all body: the extension includes a `---` block as it is, as text. It may
    be anywhere the extension's base paths lead, docs_dir or not."""
    try:
        text, problem = _page_text(read_bytes(path, cache))
    except OSError as error:
        text, problem = "", (1, 1, unreadable(error))
    if "\r" in text:  # a lone carriage return ends a line, as `parse_page` reads pages
        text = LONE_CARRIAGE_RETURN.sub("\n", text)
    return build_page(path, PageSource(text, LineIndex(text), None, 0), config, problem)


def _load_page(path: Path, config: HandbookConfig, cache: RunCache | None) -> Page:
    STATS.parsed += 1
    outside = outside_docs(path, config)
    try:
        if outside is not None:
            text, problem = "", (1, 1, f"{outside}: it is not read")
        else:
            text, problem = _page_text(read_bytes(path, cache))
    except OSError as error:
        text, problem = "", (1, 1, unreadable(error))
    source = parse_page(text)
    document = source.front_matter
    found = front_matter_findings(relative_path(config, path), source)
    if document is not None and not (document.usable and isinstance(document.data, dict)):
        # As in MkDocs: a block that is no YAML mapping is no front matter but content.
        source = PageSource(source.text, source.lines, None, 0)
    return build_page(path, source, config, problem, found)
