"""mkdocs.yml's settings the checks do not read but `mkdocs build` stops on (badux3), read
without importing MkDocs: a `nav` or `hooks` MkDocs refuses is refused by `handbook check`
too (exit 2, at the setting's line, as a `site_url` without its scheme is), so that a check
that passes does not hide a site that cannot be built. A theme or plugin that is not
installed is only a note: whether it is depends on where the check runs (a CI job that
installs the handbook alone has none of the site's other plugins), not on the settings.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..config_yml import as_written
from ..plugin_list import ListedPlugin, walk_plugins

_NAV_ADVICE = "(write `nav:` and then, for each page, a line `- index.md` or `- Title: page.md`)"
_HOOKS_ADVICE = "(write `hooks:` and then, for each file, a line `- hooks.py`)"
_NUMBERS = {0: "no", 2: "two", 3: "three"}
# What the handbook's own requirements install (pyproject.toml: MkDocs, and Material
# 9.7 or later), found without reading every package's entry points: a third of a
# check's start (30 ms) for a site that names none but these, as most do.
_THEMES_INSTALLED = frozenset({"mkdocs", "readthedocs", "material"})
_MATERIAL_PLUGINS = (
    *("blog", "group", "info", "meta", "offline", "optimize", "privacy", "projects"),
    *("search", "social", "tags", "typeset"),
)
_PLUGINS_INSTALLED = frozenset(
    {"handbook", "search", *(f"material/{name}" for name in _MATERIAL_PLUGINS)}
)


def refused_build_settings(
    data: Mapping[str, Any], lines: Mapping[str, str], where: str, root: Path, config_name: str
) -> list[str]:
    """A problem for mkdocs.yml's `nav` and one for its `hooks`, where MkDocs refuses them,
    at their lines (`lines`, as `read_config_file` gives them)."""
    problems = []
    if "nav" in data and (nav := _nav_problem(data["nav"])) is not None:
        problems.append(
            f"{lines.get('nav', where)}: {nav}: MkDocs refuses to build the site with it "
            f"{_NAV_ADVICE}"
        )
    if "hooks" in data and (hooks := _hooks_problem(data["hooks"], root, config_name)):
        problems.append(f"{lines.get('hooks', where)}: {hooks}")
    return problems


def _nav_problem(value: object, top: bool = True) -> str | None:
    """What MkDocs' `Nav` option refuses in `value` (mkdocs/config/config_options.py):
    a list of pages, each a file's name or `{title: pages}` of one key, the pages of a
    section a list, a name, or (MkDocs warns) a mapping."""
    if isinstance(value, list):
        return next(filter(None, map(_nav_item_problem, value)), None)
    if top:
        return None if value is None else f"'nav' is {as_written(value)}, not a list of pages"
    if isinstance(value, str) or (isinstance(value, dict) and value):
        if isinstance(value, dict):
            return next(
                filter(None, (_nav_problem(pages, top=False) for pages in value.values())), None
            )
        return None
    return f"'nav' lists {as_written(value)}, which is no page"


def _nav_item_problem(item: object) -> str | None:
    if isinstance(item, str):
        return None
    if not isinstance(item, dict):
        return f"'nav' lists {as_written(item)}, which is no page"
    if len(item) != 1:
        names = ", ".join(as_written(name) for name in item)
        number = _NUMBERS.get(len(item), str(len(item)))
        return f"'nav' lists an item naming {number} pages ({names})"
    ((title, pages),) = item.items()
    if pages is None:
        return f"'nav' lists {as_written(title)} with no page"
    if isinstance(pages, str | list) or (isinstance(pages, dict) and pages):
        return _nav_problem(pages, top=False)
    return f"'nav' lists {as_written(title)} as {as_written(pages)}, which is no page"


def _hooks_problem(value: object, root: Path, config_name: str) -> str | None:
    """What MkDocs refuses in `hooks`: a list of the names of files, read from the
    config file's folder."""
    if not isinstance(value, list):
        return (
            f"'hooks' is {as_written(value)}, not a list of files: MkDocs refuses to build "
            f"the site with it {_HOOKS_ADVICE}"
        )
    for item in value:
        if not isinstance(item, str):
            return (
                f"'hooks' lists {as_written(item)}, which is no file's name: MkDocs refuses "
                f"to build the site with it {_HOOKS_ADVICE}"
            )
        if not (root / item).is_file():
            return (
                f"'hooks' names {item}, which is no file beside {config_name}: MkDocs "
                "refuses to build the site without it"
            )
    return None


def not_installed_notes(data: Mapping[str, Any], lines: Mapping[str, str], where: str) -> list[str]:
    """A note, at its line, for the theme and each plugin mkdocs.yml names that is not
    installed where the check runs (MkDocs and ProperDocs find both by their entry
    points), with the installed name it is nearest to where one is near."""
    theme = data.get("theme")
    name = theme.get("name") if isinstance(theme, dict) else theme
    loaded = list(dict.fromkeys(_plugins_loaded(data.get("plugins"))))
    if (not isinstance(name, str) or name in _THEMES_INSTALLED) and all(
        plugin in _PLUGINS_INSTALLED or f"{name}/{plugin}" in _PLUGINS_INSTALLED
        for plugin in loaded
    ):
        return []
    from importlib.metadata import entry_points  # (15 ms to import: only here)

    installed = entry_points()  # read once (each reading scans every package installed)
    # ProperDocs, which builds the same config, also finds its own (review rv56d).
    themes, plugins = (
        {
            entry.name
            for tool in ("mkdocs", "properdocs")
            for entry in installed.select(group=f"{tool}.{kind}")
        }
        for kind in ("themes", "plugins")
    )
    if not themes:  # MkDocs itself is not installed here: no name can be told apart
        return []
    notes = []
    if isinstance(name, str) and name not in themes:
        notes.append(
            f"{lines.get('theme', where)}: the theme {name!r} is not installed here"
            f"{_nearest(name, themes)}: `mkdocs build` stops on it where it is not"
        )
    for plugin in loaded:
        # As MkDocs finds `search` as the theme's own `material/search` first.
        if plugin not in plugins and f"{name}/{plugin}" not in plugins:
            notes.append(
                f"{lines.get(f'plugins.{plugin}', lines.get('plugins', where))}: the "
                f"{plugin!r} plugin is not installed here{_nearest(plugin, plugins)}: "
                "`mkdocs build` stops on it where it is not, switched off or not"
            )
    return notes


def _plugins_loaded(plugins: object) -> Iterator[str]:
    """The name of each plugin MkDocs loads: each its `plugins` lists, `enabled: false`
    or not, and those of Material's group plugins that are on."""
    items = [*plugins] if isinstance(plugins, dict | list) else []
    for item in items:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict) and item and isinstance(first := next(iter(item)), str):
            yield first  # (an item naming two MkDocs refuses as such)
    for listed in walk_plugins(plugins):
        if isinstance(listed, ListedPlugin) and listed.runs and listed.first_named:
            yield listed.name


def _nearest(name: str, installed: set[str]) -> str:
    near = difflib.get_close_matches(name, sorted(installed), n=1)
    return f" (did you mean {near[0]!r}?)" if near else ""
