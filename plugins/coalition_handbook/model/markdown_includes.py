"""The files mkdocs-include-markdown-plugin includes in pages, found as the plugin finds
them, so that the checks read what it publishes.

A page's `{% include-markdown "file" %}` or `{% include "file" %}` (with the tags the
plugin's `opening_tag` and `closing_tag` set, and the names its `directives` give) is
replaced by the file's text when MkDocs reads the page. The plugin reads a name starting
`./` or `../` from the including file's folder, one starting `/` as it is and any other
from docs_dir; a name that is no file is a glob pattern, read with wcmatch's syntax as
the plugin reads it (`partials/**`, `{header,footer}.md`: `include_globs`), but for the
files its `exclude=` leaves out, compared as the plugin compares them. Each file is
read as a page whose text is all body, at its own path, the whole of it whatever part of
it a directive selects (`start`, `end`), and so are the files it includes in turn, unless
`recursive` is false. A URL, which the plugin downloads at build time, is not read.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..cache import RunCache
from ..config import HandbookConfig
from ..file_names import on_disk
from .include_globs import glob_files, glob_paths, names_a_folder
from .pages import load_included_file
from .source import relative_path
from .types import Page

_FILE_NAME = r"""(?:"((?:[^"]|(?<=\\)")+)"|'((?:[^']|(?<=\\)')+)')"""
# A quoted value among a directive's arguments, which names no argument.
_QUOTED = re.compile(r""""(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'""", re.DOTALL)
_RECURSIVE = re.compile(r"(?<![\w-])recursive=(true|false)\b")
# The `exclude` argument, a pattern of files a glob pattern leaves out, as the plugin reads it.
_EXCLUDE = re.compile(r"""exclude=(?:"((?:[^"]|(?<=\\)")+)")?(?:'((?:[^']|(?<=\\)')+)')?""")
# An `exclude` argument, outside quoted values (each written `""`): the plugin names an
# argument by what stands between a space and its `=` (`end="x"exclude=` names none).
_EXCLUDE_ARGUMENT = re.compile(r"(?<!\S)exclude=")


def load_markdown_includes(
    config: HandbookConfig, pages: list[Page], cache: RunCache | None
) -> list[Page]:
    """The files `pages` include with mkdocs-include-markdown-plugin (none where it is
    off) that are no page checked already, and those they include where the plugin
    follows them (`recursive`), by path."""
    settings = config.markdown_includes
    if settings is None:
        return []
    names = "|".join(re.escape(name) for name in sorted(settings.directives, key=len)[::-1])
    directive = re.compile(
        rf"{re.escape(settings.opening_tag)}\s*(?:{names})\s+{_FILE_NAME}"
        rf"(?P<arguments>.*?){re.escape(settings.closing_tag)}",
        re.DOTALL,
    )
    known = {page.path for page in pages}
    included: dict[str, Page] = {}
    followed: set[str] = set()
    ignored = _ignored(settings.exclude, config.docs_dir)
    waiting = [
        (path, page.origin.text)
        for page in pages
        # The page's folder as on disk, where a `./` name is read from.
        if str(path := on_disk(config.root, page.path)) not in ignored  # its directives unread
    ]
    while waiting:
        path, text = waiting.pop()
        for found in directive.finditer(_with_directives(text, settings.closing_tag)):
            name = _unquoted(found)
            nested = _recursive(found["arguments"], settings.recursive)
            left_out = ignored | _excluded(found["arguments"], path.parent)
            for file, written in _files_named(name, path.parent, config.docs_dir):
                shown = relative_path(config, file)
                if shown in known or _left_out(written, left_out):
                    continue
                if shown not in included:
                    included[shown] = load_included_file(file, config, cache)
                if nested and shown not in followed:
                    followed.add(shown)
                    waiting.append((file, included[shown].origin.text))
    return [included[shown] for shown in sorted(included)]


def _unquoted(found: re.Match[str]) -> str:
    """The value a match of `_FILE_NAME` or `_EXCLUDE` quotes (its groups 1 and 2: in
    double or single quotes), its escaped quotes unescaped, as the plugin reads it."""
    if found[1]:
        return found[1].replace('\\"', '"')
    return found[2].replace("\\'", "'")


def _with_directives(text: str, closing_tag: str) -> str:
    """The part of a page's `text` a directive may be in: up to its last closing tag, after
    which none ends. The plugin's pattern, ours too, scans from each opening tag to the
    end for a closing one: 8,000 unclosed directives at the end of a page took 8.8 s. The
    directives found in this part are those found in the whole text, at the same places."""
    last = text.rfind(closing_tag)
    return "" if last < 0 else text[: last + len(closing_tag)]


def _recursive(arguments: str, default: bool) -> bool:
    """Whether a directive with `arguments` includes what the files it includes include:
    its `recursive=` argument (read outside quoted values, as the plugin reads it), or
    the plugin's setting."""
    found = _RECURSIVE.search(_QUOTED.sub("", arguments))
    return default if found is None else found[1] == "true"


def _ignored(patterns: tuple[str, ...], docs_dir: Path) -> set[str]:
    """The paths the plugin's `exclude` setting names, as it finds them: each pattern
    joined to docs_dir where relative, the paths as the glob writes them."""
    return {
        found
        for pattern in patterns
        for found in glob_paths(Path("/"), os.path.join(docs_dir, pattern))  # noqa: PTH118
    }


def _excluded(arguments: str, folder: Path) -> set[str]:
    """The paths a directive's `exclude=` leaves out of the files it includes (a file's,
    or its folder's), as the plugin finds them. A pattern read from docs_dir leaves out
    none: the plugin compares its names, relative to docs_dir, with full paths."""
    if not _EXCLUDE_ARGUMENT.search(_QUOTED.sub('""', arguments)):
        return set()  # an `exclude=` only inside another argument's value is none
    found = _EXCLUDE.search(arguments)  # the first, in a value or not, as the plugin reads
    if found is None or (found[1] is None and found[2] is None):
        return set()
    pattern = _unquoted(found)
    if pattern.startswith("/"):
        return set(glob_files(Path("/"), pattern))
    if pattern.startswith(("./", "../")):
        return {os.path.normpath(path) for path in glob_paths(folder, pattern)}
    return set()


def _files_named(name: str, folder: Path, docs_dir: Path) -> list[tuple[Path, str]]:
    """The files a directive's `name` includes, read from the including file's `folder`
    or docs_dir as the plugin reads it: each file's path, and the path as the plugin
    writes it (not normalised: `exclude=` is compared with that). A file of that very
    name comes first, as in the plugin (7.3): `notic[e].md` includes a file so named
    where there is one, and is a pattern (naming notice.md) only where there is not."""
    if "://" in name:  # downloaded by the plugin as the site is built
        return []
    if name.startswith("/"):
        base = Path("/")
    elif name.startswith(("./", "../")):
        base = folder
    else:
        base = docs_dir
    # Named without `..` (not resolved: a link is named where it is, as pages are).
    path = Path(os.path.normpath(base / name))
    if not names_a_folder(name) and path.is_file():
        return [(path, name if name.startswith("/") else os.path.join(base, name))]  # noqa: PTH118
    files = (found for found in glob_files(base, name) if os.path.isfile(found))  # noqa: PTH113
    return sorted((Path(os.path.normpath(found)), found) for found in files)


def _left_out(written: str, left_out: set[str]) -> bool:
    """Whether the plugin leaves out the file it writes `written` (`_files_named`): that
    very string, or the folder before its last `/`, among the paths `exclude=` names. The
    plugin compares them as strings, and normalises those it excludes alone: a directive
    `"./partials/*.md" exclude="./partials"` includes every file (its paths hold `/./`)."""
    return written in left_out or written.rpartition(os.sep)[0] in left_out
