"""Reading one source file and reporting its problems at exact places.

Shared by the loaders of terms, protocols, modules and pages: decoding (UTF-8, BOM
dropped, line endings kept), the id check, and findings at offsets or value paths.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..cache import RunCache, read_regular_file
from ..config import HandbookConfig
from ..file_names import composed, resolved
from ..findings import Finding
from ..lazy_pattern import LazyPattern
from ..rules.base import RULES
from ..slugs import slugify
from ..utf8 import decode_utf8
from .types import OffsetSpans
from .yaml_document import LineIndex, YamlDocument

SLUG = LazyPattern(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # whole ids only: fullmatch
# The file names MkDocs publishes as pages (`mkdocs.utils.markdown_extensions`; the case
# counts there too): a page MkDocs publishes is a page checked.
MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


# The lines of a report that places nothing by offset (yet): one for all of them, as a
# report is made for every file read, and no one changes a `LineIndex`.
_NO_LINES = LineIndex("")


@dataclass
class FileReport:
    """Findings of one rule about one file; places are offsets into the decoded text."""

    rule: str
    path: str
    lines: LineIndex = field(default_factory=lambda: _NO_LINES)
    findings: list[Finding] = field(default_factory=list)

    def at_position(self, line: int, column: int, message: str, found: str | None = None) -> None:
        self.findings.append(
            Finding(
                rule=self.rule,
                severity=RULES[self.rule].default,
                path=self.path,
                line=line,
                column=column,
                message=message,
                found=found,
            )
        )

    def at_offset(self, offset: int, message: str, found: str | None = None) -> None:
        self.at_position(*self.lines.position(offset), message, found)


def relative_path(config: HandbookConfig, path: Path | str) -> str:
    """`config.relative(path)` for a file listed from a resolved directory, without
    resolving it (a system call per path component), nor making a `Path` of a string
    inside the handbook; `composed`, as findings name files."""
    text = str(path)
    root = str(config.root)
    inside = text.startswith(root) and text[len(root) : len(root) + 1] == os.sep
    if inside:  # a link is named where it is, as the editor sees it in the folder
        return composed(text[len(root) + 1 :].replace(os.sep, "/"))
    return config.relative(Path(path))


def read_bytes(path: Path, cache: RunCache | None) -> bytes:
    """The bytes of `path`, through the run's cache (read once per run) if there is one."""
    return cache.read(path) if cache is not None else read_regular_file(path)


def outside_the_handbook(path: Path, config: HandbookConfig, folder: Path) -> str | None:
    """Why `path`, a term or protocol file found in the configured folder `folder`
    (resolved), is not read, or None: it leads out of the handbook through a symbolic
    link, to a real path in neither the folder of mkdocs.yml nor `folder` itself (which
    the config may place outside it: a glossary two sites share), or into a `.git`
    folder. A link committed to the repository would otherwise publish, or quote in
    findings, any file of the machine that checks it (`glossary/x.yml -> /etc/passwd`).
    A link that stays inside reads as the file. The files the site publishes from
    docs_dir have a narrower bound: `outside_docs`."""
    linked = path.is_symlink()
    if path.parent == folder and not linked:
        return None  # a file of the folder itself: nothing to follow (one lstat)
    real = str(resolved(path))
    why = where_it_leads(real, (os.path.realpath(config.root), os.path.realpath(folder)))
    if why is None:
        return None
    return f"{_refusal(why, linked, 'the handbook (the folder of mkdocs.yml)')}: it is not read"


def outside_docs(path: Path, config: HandbookConfig) -> str | None:
    """Why `path`, a file of docs_dir (a page, a module, a picture, a text), is neither
    read nor published, or None: a symbolic link (its own, or a linked folder's) leads
    out of docs_dir, or into a `.git` folder. Only what is in docs_dir is the site's: a
    link to elsewhere in the repository (`content/history -> ../.git`, `content/x.txt ->
    ../.env`) would publish the repository's history, or a file git ignores (audit).
    The reason alone, for the caller to say what becomes of the file."""
    linked = path.is_symlink()
    if path.parent == config.docs_dir and not linked:
        return None  # a file of docs_dir itself: nothing to follow (one lstat)
    why = where_it_leads(str(resolved(path)), within(config))
    return None if why is None else _refusal(why, linked, docs_boundary(config))


def docs_boundary(config: HandbookConfig) -> str:
    """docs_dir as messages name it."""
    return f"{config.relative(config.docs_dir)}/ (docs_dir, the folder the site publishes)"


# Why a real path is not read (`where_it_leads`): it is in none of the folders allowed,
# or in git's own folder below one of them.
LEADS_OUT = "out"
LEADS_INTO_GIT = "git"
GIT_FOLDER = ".git"


def where_it_leads(real: str, folders: tuple[str, ...]) -> str | None:
    """None where the real path `real` is in one of `folders` (real paths), and in no
    `.git` folder below it; else why not, `LEADS_OUT` or `LEADS_INTO_GIT`. Git's own
    files (every version of every file, a token in a remote's address) are never read
    nor published, wherever they are; a handbook kept below a folder named `.git` is
    still read. Compared as strings: the survey asks it of thousands of files."""
    inside = False
    for folder in folders:
        base = folder.rstrip(os.sep)
        if real != base and not real.startswith(base + os.sep):
            continue
        inside = True
        below = real[len(base) + 1 :].split(os.sep)  # noqa: PTH206 - a string, no Path
        if not any(part.casefold() == GIT_FOLDER for part in below):
            return None
    return LEADS_INTO_GIT if inside else LEADS_OUT


def _refusal(why: str, linked: bool, boundary: str) -> str:
    if why == LEADS_INTO_GIT:
        place = "is a symbolic link" if linked else "is in a linked folder"
        return f"{place} into a .git folder, git's own files (the repository's whole history)"
    if linked:
        return f"is a symbolic link to a file outside {boundary}"
    return f"is in a linked folder outside {boundary}"


# Why the walk of docs_dir does not follow a link to a folder (`pages.markdown_file_paths`),
# the folder's name in docs_dir as `{docs}` (`docs_boundary`).
OUTSIDE_FOLDER = "is a symbolic link to a folder outside {docs}: nothing in it is read or published"
GIT_LINKED_FOLDER = (
    "is a symbolic link to a .git folder, git's own files (the repository's whole "
    "history): nothing in it is read or published"
)
# And why it leaves out a file it finds, other than a page (which its loader reads).
OUTSIDE_FILE = "is a symbolic link to a file outside {docs}: it is not published"
GIT_LINKED_FILE = (
    "is a symbolic link into a .git folder, git's own files (the repository's whole "
    "history): it is not published"
)


LOOP_FOLDER = (
    "is a symbolic link to a folder it is in, or to one above that (a loop): MkDocs would "
    "walk round it, publishing the pages below it again at every turn, dozens of levels "
    "deep; remove the link (a hidden name or exclude_docs does not stop MkDocs' walk)"
)


def within(config: HandbookConfig) -> tuple[str, ...]:
    """The real paths a file the site publishes from docs_dir may lead into, as
    `outside_docs` allows: docs_dir alone (which may be elsewhere)."""
    return (os.path.realpath(config.docs_dir),)


def may_be_file(entry: os.DirEntry[str]) -> bool:
    """Anything but a folder: a file, a link that leads to none (broken, or a loop), a
    named pipe, a socket or a device. Loading it reports why it cannot be read, where
    skipping it would hide it from the editor: MkDocs takes each of them for a file of
    the site, and waits for ever on a named pipe saved as a page (audit)."""
    try:
        return entry.is_symlink() or not entry.is_dir()
    except OSError:
        return True


def read_text(path: Path, report: FileReport, cache: RunCache | None = None) -> str | None:
    """The file decoded as UTF-8 without its BOM, or None (reported) if it cannot be."""
    try:
        raw = read_bytes(path, cache)
    except OSError as error:
        report.at_position(1, 1, unreadable(error))
        return None
    text, problem = decode_utf8(raw)
    if problem is not None:
        report.at_position(*problem)
        return None
    return text


def unreadable(error: OSError) -> str:
    return f"cannot be read: {error.strerror or error}"


# The page of `glossary/index.yml` would take the place of the glossary's A-Z index (and
# `protocols/index.yml` that of the protocols' list).
RESERVED_ID = "index"


def check_id(file_id: str, report: FileReport) -> None:
    """Ids are file stems and must be slugs (DESIGN 3), and not `RESERVED_ID`."""
    if file_id == RESERVED_ID:
        report.at_position(
            1,
            1,
            "id 'index' (the file name) is taken by the generated index page of its "
            "folder: rename the file after the term or protocol, e.g. 'vulnerability-index'",
        )
    elif not SLUG.fullmatch(file_id):
        suggestion = slugify(file_id)
        hint = f", e.g. '{suggestion}'" if suggestion else ""
        report.at_position(
            1,
            1,
            f"id '{file_id}' (the file name) is not a slug: use lowercase letters, digits "
            f"and single hyphens{hint}",
        )


def spans_of(document: YamlDocument, lines: LineIndex) -> OffsetSpans:
    """Every value's span, by dotted path, from the offsets the YAML loader kept (each
    made when looked up)."""
    return OffsetSpans(document.values, lines)


def report_yaml_problems(document: YamlDocument, report: FileReport) -> None:
    for problem in document.problems:
        report.at_offset(problem.offset, problem.message)
