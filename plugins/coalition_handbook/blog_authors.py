"""The texts of Material's blog authors file (`.authors.yml`) that the site shows.

Material's `blog` plugin writes each author's `name`, `description` and `url` into every
post that names them and into the blog's index and archive pages: a coordinator's phone
number or personal e-mail address in a description is published on every post. So
privacy.pii reads them, as it reads mkdocs.yml's `extra` (`config_yml.ShownText`).
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from .config_yml import ConfigError, ShownText
from .listed_plugins import listed_plugin_instances
from .markdown import LineIndex

# Material's blog plugin, by the names mkdocs.yml may give it.
_BLOG_PLUGINS = ("blog", "material/blog")
_TEXT_TAG = "tag:yaml.org,2002:str"


def blog_author_texts(plugins: Any, root: Path, docs_dir: str, where: str) -> list[ShownText]:
    """The texts of the authors file of each blog mkdocs.yml's `plugins` switches on
    (`authors_file`, by default `{blog}/.authors.yml` in `docs_dir`), each named relative
    to `root`, the folder of mkdocs.yml. A file that is not there, or not YAML, has none:
    the blog plugin reports the second itself. One nested too deeply to read is a
    `ConfigError` naming its line, as mkdocs.yml would be (named `where`): its texts go
    unread."""
    texts: list[ShownText] = []
    seen: set[str] = set()
    for name in _BLOG_PLUGINS:
        for options, runs in listed_plugin_instances(plugins, name):
            if not runs or options.get("authors") is False:
                continue
            path = _authors_path(options, docs_dir)
            if path is None or path in seen:
                continue
            seen.add(path)
            texts += _file_texts(root, path, where)
    return texts


def _authors_path(options: dict[str, Any], docs_dir: str) -> str | None:
    """The authors file a blog's `options` name, relative to mkdocs.yml's folder."""
    blog_dir = options.get("blog_dir", "blog")
    authors_file = options.get("authors_file", "{blog}/.authors.yml")
    if not isinstance(blog_dir, str) or not isinstance(authors_file, str):
        return None
    try:
        relative = authors_file.format(blog=blog_dir)
    except (KeyError, IndexError, ValueError):  # as the blog plugin, which stops on it
        return None
    # Named as the pages are, from mkdocs.yml's folder (a docs_dir written whole too).
    return posixpath.normpath(posixpath.join(docs_dir, relative))


def _file_texts(root: Path, path: str, where: str) -> list[ShownText]:
    """Every text value under the file's `authors` mapping, at its line and column. A
    message names the file as mkdocs.yml is named, `where` (`-f sub/mkdocs.yml`)."""
    file = root / path
    # As the blog plugin, which reads a regular file only: a link to /dev/zero or a named
    # pipe committed as `.authors.yml` was read for ever, by the check and the build.
    # os.path's answers False where a name is too long or holds a NUL (pathlib raises).
    if not os.path.isfile(file):  # noqa: PTH113
        return []
    try:
        text = file.read_text(encoding="utf-8-sig")  # as the blog plugin
    except (OSError, UnicodeDecodeError):
        return []
    try:
        document = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    except RecursionError:  # composing recurses once per level: read nothing, say where
        from .model.yaml_source import deep_nesting_offset

        line, _ = LineIndex.of(text).position(deep_nesting_offset(text))
        shown = posixpath.normpath(posixpath.join(posixpath.dirname(where), path))
        raise ConfigError(f"{shown}:{line}: nested too deeply to read") from None
    if not isinstance(document, yaml.MappingNode):
        return []
    # The last `authors` a file sets twice, as YAML reads it for the blog plugin.
    authors = next(
        (value for key, value in reversed(document.value) if key.value == "authors"), None
    )
    if authors is None:
        return []
    return [ShownText.of_node(("authors",), node, path, text) for node in _text_scalars(authors)]


def _text_scalars(node: yaml.Node) -> Iterator[yaml.ScalarNode]:
    """Each text value under `node` (not the keys), in document order. A node an alias
    repeats is read once, at its anchor: a file of aliases of aliases reads in its size."""
    visited: set[int] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if id(current) in visited:
            continue
        visited.add(id(current))
        if isinstance(current, yaml.ScalarNode):
            if current.tag == _TEXT_TAG and current.value:
                yield current
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))
        elif isinstance(current, yaml.MappingNode):
            stack.extend(value for _, value in reversed(current.value))
