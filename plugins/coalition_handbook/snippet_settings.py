"""pymdownx.snippets' settings, as mkdocs.yml's `markdown_extensions` writes them.

With the extension on, a page publishes the files it includes (`--8<-- "file.md"`, and
every page the files of `auto_append`): the checks read those files too
(`model.snippets`). Only the settings that decide which files are included, and how
they are read, are kept; the extension itself reads them (`true`, `"no"`, `0`, null...)
so that they mean what they mean to the build.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config_yml import RelativeTag
from .extension_list import extension_entries

EXTENSION = "pymdownx.snippets"
# A base path written as a bare `!relative`: the folder of the page being rendered (no
# path holds a NUL).
PAGE_FOLDER = "\0page folder"
# The options read, as the extension names them; the others change nothing checked.
_BOOLEANS = ("restrict_base_path", "url_download", "dedent_subsections", "check_paths")


@dataclass(frozen=True)
class SnippetSettings:
    """pymdownx.snippets' options that decide what a page includes. `base_paths` are as
    written, but `!relative` ones made absolute (`PAGE_FOLDER`: the including page's
    folder): the extension reads a relative one from the current folder, the checks from
    the folder of mkdocs.yml, where `mkdocs build` is run."""

    base_paths: tuple[str, ...] = (".",)
    restrict_base_path: bool = True
    auto_append: tuple[str, ...] = ()
    url_download: bool = False
    encoding: str = "utf-8"
    dedent_subsections: bool = False
    # The build stops on an include it cannot find: the checks report it as an error.
    check_paths: bool = False

    def options(self) -> dict[str, Any]:
        """The extension's options, as `SnippetExtension` takes them."""
        return {
            "base_path": list(self.base_paths),
            "restrict_base_path": self.restrict_base_path,
            "auto_append": list(self.auto_append),
            "url_download": self.url_download,
            "encoding": self.encoding,
            "dedent_subsections": self.dedent_subsections,
            "check_paths": self.check_paths,
        }

    def appended_texts(self) -> list[bytes]:
        """What the files of `auto_append` hold, at each base path the extension may take
        one from (a relative one from the current folder, as it reads it): every page it
        renders ends with one, a generated page too. Regular files alone: a link to a
        device is no text (the build's own read of it is the build's)."""
        texts: list[bytes] = []
        for name in self.auto_append:
            for base in self.base_paths:
                path = Path(base, name)
                if base == PAGE_FOLDER or not path.is_file():
                    continue
                try:
                    texts.append(path.read_bytes())
                except OSError:
                    continue
        return texts


def snippet_settings(
    extensions: object,
    where: str,
    root: Path | None = None,
    docs_dir: Path | None = None,
) -> tuple[SnippetSettings | None, list[str]]:
    """The settings of pymdownx.snippets if `extensions` (mkdocs.yml's
    `markdown_extensions`, written at `where`) turns it on, else None; and what is wrong
    with its options, each message starting with `where`. `!relative $config_dir/...`
    is read from `root`, `$docs_dir/...` from `docs_dir`."""
    options = _extension_options(extensions)
    if options is None:
        return None, []
    from pymdownx.snippets import SnippetExtension  # only for a site that turns it on

    problems: list[str] = []

    def place(option: str) -> str:
        return where

    base_paths = _texts(options.get("base_path", ["."]), "base_path", place, problems)
    base_paths = tuple(
        _resolved(base, root, docs_dir, place("base_path"), problems) for base in base_paths
    )
    auto_append = _texts(options.get("auto_append", []), "auto_append", place, problems)
    encoding = options.get("encoding", "utf-8")
    if not isinstance(encoding, str):
        problems.append(
            f"{place('encoding')}: {EXTENSION}' 'encoding' must be a name such as utf-8"
        )
        encoding = "utf-8"
    given = {name: options[name] for name in _BOOLEANS if name in options}
    try:  # as the extension reads them: "false", "no", 0 and null are False
        read = SnippetExtension(**given).getConfigs()
    except (KeyError, TypeError, ValueError):
        read = SnippetExtension().getConfigs()
        for name, value in given.items():
            try:
                SnippetExtension(**{name: value})
            except (KeyError, TypeError, ValueError):
                problems.append(f"{place(name)}: {EXTENSION}' '{name}' must be true or false")
    settings = SnippetSettings(
        base_paths=base_paths,
        restrict_base_path=bool(read["restrict_base_path"]),
        auto_append=auto_append,
        url_download=bool(read["url_download"]),
        encoding=encoding,
        dedent_subsections=bool(read["dedent_subsections"]),
        check_paths=bool(read["check_paths"]),
    )
    return settings, problems


def _extension_options(extensions: object) -> Mapping[str, Any] | None:
    """The options of pymdownx.snippets in `markdown_extensions` ({} with none given),
    or None where it is not listed. MkDocs takes a list of names and one-key mappings,
    or one mapping of names to options; the last listing of a name counts."""
    found: Mapping[str, Any] | None = None
    for entry in extension_entries(extensions):
        if isinstance(entry, str) and _is_snippets(entry):
            found = {}
        elif isinstance(entry, Mapping) and len(entry) == 1:
            name, value = next(iter(entry.items()))
            if isinstance(name, str) and _is_snippets(name):
                found = value if isinstance(value, Mapping) else {}
    return found


def _is_snippets(name: str) -> bool:
    # `pymdownx.snippets:SnippetExtension` names the same extension by its class.
    return name.partition(":")[0].strip() == EXTENSION


def _texts(
    value: object, option: str, place: Callable[[str], str], problems: list[str]
) -> tuple[str, ...]:
    """An option that takes a path or a list of paths, as the extension does."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    problems.append(f"{place(option)}: {EXTENSION}' '{option}' must be a path or a list of paths")
    return ()


def _resolved(
    base: str, root: Path | None, docs_dir: Path | None, where: str, problems: list[str]
) -> str:
    """A base path as MkDocs hands it to the extension: one tagged `!relative` made
    absolute (`mkdocs.utils.yaml`), any other as written."""
    if not isinstance(base, RelativeTag):
        return base
    prefix, _, suffix = base.partition("/")
    folders = {"$config_dir": root, "$docs_dir": docs_dir}
    if prefix in folders:
        folder = folders[prefix]
        return base if folder is None else os.path.join(folder, suffix)  # noqa: PTH118
    if base:  # MkDocs stops on it
        problems.append(
            f"{where}: !relative takes nothing but $config_dir/... or $docs_dir/... "
            f"(found {str(base)!r}); a bare !relative is the page's own folder"
        )
    return PAGE_FOLDER
