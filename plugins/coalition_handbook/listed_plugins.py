"""Other MkDocs plugins mkdocs.yml lists, as `handbook check` reads them without MkDocs.

Those the handbook cannot build a site beside: `mkdocs build` stops at the plugin's line
(`plugin.other_plugins`), and `handbook check` refuses the settings as the build would
(exit 2), so that a check that passes does not hide a site that cannot be built. And the
options of one whose work the checks follow (mkdocs-include-markdown-plugin's)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .plugin_list import ListedPlugin, walk_plugins

# Each plugin's name in `plugins`, and why the handbook cannot build with it.
UNSUPPORTED = {
    # mkdocs-static-i18n reads every page's file on disk; the handbook's generated pages
    # (glossary, protocols, changes) have none, and it stops with a TypeError.
    "i18n": (
        "the 'i18n' plugin (mkdocs-static-i18n) is not supported: it cannot read the "
        "pages the handbook makes. Publish a second language from a second config file "
        "(mkdocs.es.yml, with its own docs_dir, glossary_dir and protocols_dir), as "
        'ADOPTING.md says in "A site in a second language"'
    ),
}


def refused_plugins(plugins: Any, lines: Mapping[str, str], where: str) -> list[str]:
    """A problem, at its line (`lines`, as `read_config_file` gives them), for each plugin
    that mkdocs.yml's `plugins` switches on and the handbook cannot build with."""
    return [
        f"{lines.get(f'plugins.{name}', lines.get('plugins', where))}: {UNSUPPORTED[name]}"
        for name, _ in _switched_on(plugins)
        if name in UNSUPPORTED
    ]


def listed_plugin_options(plugins: Any, wanted: str) -> dict[str, Any] | None:
    """The options of the plugin named `wanted` where mkdocs.yml's `plugins` switches it
    on ({} where it gives none); None where it does not."""
    return next((options for name, options in _switched_on(plugins) if name == wanted), None)


def listed_plugin_instances(plugins: Any, wanted: str) -> list[tuple[dict[str, Any], bool]]:
    """(options, whether it runs) of each instance of the plugin named `wanted` that
    mkdocs.yml's `plugins` lists, in order, read as `_switched_on` reads them."""
    return [
        (_options_read(listed), listed.runs)
        for listed in walk_plugins(plugins)
        if isinstance(listed, ListedPlugin) and listed.first_named and listed.name == wanted
    ]


def _switched_on(plugins: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """The name and options of each plugin a list or mapping of plugins switches on: not
    one with `enabled: false`, nor one in a group Material's group plugin leaves off (its
    default). Read as far as it can be: options that are no mapping as none, of an item
    naming two plugins the first."""
    for listed in walk_plugins(plugins):
        if isinstance(listed, ListedPlugin) and listed.runs and listed.first_named:
            yield listed.name, _options_read(listed)


def _options_read(listed: ListedPlugin) -> dict[str, Any]:
    """A plugin's options, read leniently: any that are no mapping as none."""
    return listed.options if isinstance(listed.options, dict) else {}
