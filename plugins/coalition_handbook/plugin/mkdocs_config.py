"""What the hooks read of mkdocs.yml: the file's name as messages show it, the option a
problem of it is about, its gitignore-style settings as written, and whether the site
uses Material, its offline plugin or a search plugin.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pathspec
from mkdocs.config.defaults import MkDocsConfig

from ..config.settings import OPTION_DEFAULTS
from ..file_names import shown_name


def patterns_as_written(spec: pathspec.PathSpec | None) -> tuple[str, ...]:
    """The lines of a gitignore-style setting, as written (MkDocs keeps them compiled)."""
    if spec is None:
        return ()
    return tuple(pattern.pattern for pattern in spec.patterns if isinstance(pattern.pattern, str))


def config_file_shown(config_file_path: str) -> str:
    """mkdocs.yml as messages name it: from the folder MkDocs runs in, as the editor named
    it (`mkdocs build -f sub/mkdocs.yml`); by its name alone outside that folder, where
    the absolute path MkDocs makes of it would only be long."""
    shown = shown_name(Path(config_file_path))
    return Path(config_file_path).name if os.path.isabs(shown) else shown  # noqa: PTH117


def option_named(problem: str) -> str:
    """The option a problem of the site config is about, for MkDocs' "option '...'"
    prefix: the option it quotes first (`mkdocs.yml:9: 'autolink' must be...`) or does
    not know (`unknown option 'autolnk'`), else the first option it names
    (`glossary_dir 'terms' is not a folder`), else its first quoted word."""
    quoted = re.findall(r"'([\w.-]+)'", problem)
    if quoted and ("unknown option" in problem or _is_option(quoted[0])):
        return quoted[0]
    named = [word for word in re.findall(r"[\w.-]+", problem) if _is_option(word)]
    return (named or quoted or ["handbook"])[0]


def _is_option(name: str) -> bool:
    return name.split(".", 1)[0] in OPTION_DEFAULTS


def has_search(config: MkDocsConfig) -> bool:
    """Whether the site has a search plugin, on: MkDocs' own, or Material's (which MkDocs
    names `material/search` when the site lists `search`; `enabled: false` turns it off)."""
    return any(
        name in ("search", "material/search") and plugin.config.get("enabled", True) is not False
        for name, plugin in config.plugins.items()
    )


def is_material(config: MkDocsConfig) -> bool:
    return config.theme.name == "material"


def is_offline_build(config: MkDocsConfig) -> bool:
    """Material's offline plugin is on (`make offline`): pages open from file://."""
    return any(
        name.rpartition("/")[2] == "offline" and getattr(plugin.config, "enabled", True)
        for name, plugin in config.plugins.items()
    )
