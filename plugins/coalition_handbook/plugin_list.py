"""mkdocs.yml's `plugins` list, walked once for every reader of it: each plugin it names,
with its options as written and whether it runs, Material's group plugins' included.
Readers differ at the edges, so the walk refuses nothing and says what each needs: the
handbook plugin's own options are read strictly (`config_yml.plugin_instances`: what
MkDocs refuses is refused), other plugins leniently (`listed_plugins`: what can be read
is read)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# Material's `group` plugin holds plugins turned on together (by environment, say): the
# handbook's options may sit in one, and the checks read them there as the build does.
GROUP_PLUGINS = ("group", "material/group")


@dataclass(frozen=True)
class ListedPlugin:
    """A plugin the list names (`- search`, `- handbook: {...}`)."""

    name: str
    options: Any
    """As written: a mapping, None where it has none (`- search`), or any other value."""
    runs: bool
    """Not `enabled: false`, nor in a group plugin that is off (Material's default) or
    in one inside such a group."""
    first_named: bool
    """The first plugin its item names, in a group's item that is too: MkDocs refuses an
    item naming two, and a lenient reader reads the first."""


@dataclass(frozen=True)
class PluginList:
    """A `plugins` setting (mkdocs.yml's, or a group plugin's, where it sets one) as
    written, met before the plugins it lists; whether its plugins can run."""

    value: Any
    runs: bool


def walk_plugins(
    plugins: Any, runs: bool = True, first_named: bool = True
) -> Iterator[PluginList | ListedPlugin]:
    """Each `plugins` setting and each plugin it names, in the order they are written:
    items naming no plugin are passed over, and a setting that is no list or mapping
    lists none."""
    yield PluginList(plugins, runs)
    items: list[Any] = []
    if isinstance(plugins, dict):
        items = [{name: options} for name, options in plugins.items()]
    elif isinstance(plugins, list):
        items = plugins
    for item in items:
        if isinstance(item, str):
            yield ListedPlugin(item, None, runs, first_named)
        if not isinstance(item, dict):
            continue
        names = list(item)
        for name, options in item.items():
            if isinstance(name, str):
                yield ListedPlugin(
                    name, options, _runs(runs, options), first_named and name == names[0]
                )
        # A group's plugins after those its item names (an item naming more than one is
        # refused by MkDocs, but read so), in the order of GROUP_PLUGINS.
        for group in GROUP_PLUGINS:
            settings = item.get(group)
            if isinstance(settings, dict) and settings.get("plugins"):
                # Material's group plugin is off unless `enabled` is true.
                group_runs = _runs(runs, settings) and settings.get("enabled") is True
                first = first_named and group == names[0]
                yield from walk_plugins(settings["plugins"], group_runs, first)


def _runs(list_runs: bool, options: Any) -> bool:
    """Whether a plugin with `options` runs, listed where plugins run when `list_runs`:
    it does unless its options say `enabled: false`."""
    return list_runs and not (isinstance(options, dict) and options.get("enabled") is False)
