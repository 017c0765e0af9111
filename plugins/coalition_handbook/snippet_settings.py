"""pymdownx.snippets' settings, as mkdocs.yml's `markdown_extensions` writes them.

With the extension on, a page publishes the files it includes (`--8<-- "file.md"`, and
every page the files of `auto_append`): the checks read those files too
(`model.snippets`). Only the settings that decide which files are included are kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

EXTENSION = "pymdownx.snippets"


@dataclass(frozen=True)
class SnippetSettings:
    """pymdownx.snippets' options that decide what a page includes. `base_paths` are as
    written: the extension reads a relative one from the current folder, the checks from
    the folder of mkdocs.yml, where `mkdocs build` is run."""

    base_paths: tuple[str, ...] = (".",)
    restrict_base_path: bool = True
    auto_append: tuple[str, ...] = ()
    url_download: bool = False
    encoding: str = "utf-8"


def snippet_settings(extensions: object, where: str) -> tuple[SnippetSettings | None, list[str]]:
    """The settings of pymdownx.snippets if `extensions` (mkdocs.yml's
    `markdown_extensions`, written at `where`) turns it on, else None; and what is wrong
    with its options, each message starting with `where`."""
    options = _extension_options(extensions)
    if options is None:
        return None, []
    problems: list[str] = []
    base_paths = _texts(options.get("base_path", ["."]), "base_path", where, problems)
    auto_append = _texts(options.get("auto_append", []), "auto_append", where, problems)
    encoding = options.get("encoding", "utf-8")
    if not isinstance(encoding, str):
        problems.append(f"{where}: {EXTENSION}'s 'encoding' must be a name such as utf-8")
        encoding = "utf-8"
    settings = SnippetSettings(
        base_paths=base_paths,
        restrict_base_path=options.get("restrict_base_path", True) is not False,
        auto_append=auto_append,
        url_download=options.get("url_download", False) is True,
        encoding=encoding,
    )
    return settings, problems


def _extension_options(extensions: object) -> Mapping[str, Any] | None:
    """The options of pymdownx.snippets in `markdown_extensions` ({} with none given),
    or None where it is not listed. MkDocs takes a list of names and one-key mappings,
    or one mapping of names to options; the last listing of a name counts."""
    if isinstance(extensions, Mapping):
        entries: list[object] = [{name: value} for name, value in extensions.items()]
    elif isinstance(extensions, list):
        entries = list(extensions)
    else:
        return None
    found: Mapping[str, Any] | None = None
    for entry in entries:
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


def _texts(value: object, option: str, where: str, problems: list[str]) -> tuple[str, ...]:
    """An option that takes a path or a list of paths, as the extension does."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    problems.append(f"{where}: {EXTENSION}'s '{option}' must be a path or a list of paths")
    return ()
