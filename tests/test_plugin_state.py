"""The plugin's class is composed of one class of hooks per module (plugin/*_hooks.py) over
`PluginState` (plugin/plugin_state.py). Python takes a name defined in two of them from
the first in `HandbookPlugin`'s bases without a word, and MkDocs registers only that one:
a second `on_files`, or a second `_publish_handouts`, would silently replace the first.
And state one hook sets and another reads is set first in one place, so that no event
(a failed build's `on_build_error` before `on_files`, a rebuild of `mkdocs serve`) reads
an attribute no event has set yet."""

from __future__ import annotations

import ast
import inspect
import re

from mkdocs.plugins import BasePlugin

from coalition_handbook.plugin import HandbookPlugin, HandbookPluginConfig, plugin_state


def own_classes() -> list[type]:
    """`HandbookPlugin` and the classes it is composed of: the project's, not MkDocs'."""
    return [
        cls for cls in HandbookPlugin.__mro__ if cls.__module__.startswith("coalition_handbook")
    ]


def test_no_name_is_defined_in_two_of_the_plugin_s_classes() -> None:
    class Probe(BasePlugin[HandbookPluginConfig]):
        pass

    set_by_mkdocs = set(vars(Probe))  # `config_scheme`, set on every subclass
    defined_in: dict[str, list[str]] = {}
    for cls in own_classes():
        for name in set(vars(cls)) - set_by_mkdocs:
            defined_in.setdefault(name, []).append(cls.__name__)
    assert len(own_classes()) == 8  # HandbookPlugin, six classes of hooks, PluginState
    twice = {name: where for name, where in defined_in.items() if len(where) > 1}
    assert twice == {}, (
        f"{twice}: Python uses the first of HandbookPlugin's bases that defines a name, and "
        "silently drops the others; rename one, or keep each event's hooks in the one "
        "module HandbookPlugin's docstring (plugin/plugin.py) names for it"
    )
    assert "on_files" in defined_in and "_publish_handouts" in defined_in


def test_what_the_hooks_keep_is_first_set_in_plugin_state() -> None:
    initialised = {
        node.attr
        for node in ast.walk(
            ast.parse(inspect.getsource(plugin_state.PluginState.__init__).strip())
        )
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store)
    }
    set_elsewhere: dict[str, str] = {}
    for cls in own_classes():
        if cls is plugin_state.PluginState:
            continue
        for node in ast.walk(ast.parse(inspect.getsource(cls))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.ctx, ast.Store)
                and isinstance(node.value, ast.Name)
                and node.value.id == "self"
                and node.attr not in initialised
            ):
                set_elsewhere[node.attr] = cls.__name__
    assert "result" in initialised and "site_inputs" in initialised
    assert set_elsewhere == {}, (
        f"{set_elsewhere}: set each first in PluginState.__init__ (plugin/plugin_state.py), "
        "with the value it has before any event, so that no hook reads it unset"
    )


def test_the_plugin_s_docstring_names_the_module_of_each_event() -> None:
    """HandbookPlugin's docstring maps each MkDocs event to the module of its hooks: a
    reader starts there, so it stays true as hooks are added or moved."""
    said = {
        event: line.rsplit(":", 1)[1].strip()
        for line in " ".join((HandbookPlugin.__doc__ or "").split("\n")).split("- ")[1:]
        for event in re.findall(r"`(\w+)`", line.rsplit(":", 1)[0])
    }
    events = [name for name in dir(HandbookPlugin) if name.startswith("on_")] + ["load_config"]
    where = {
        name: inspect.getmodule(
            next(cls for cls in own_classes() if name in vars(cls))
        ).__name__.rsplit(".", 1)[1]
        + ".py"
        for name in events
    }
    assert "on_files" in where and "load_config" in where
    differ = {
        event: f"said {said.get(event)}, defined in {where.get(event)}"
        for event in sorted(said.keys() | where.keys())
        if said.get(event) != where.get(event)
    }
    assert differ == {}, (
        f"{differ}: list each event in HandbookPlugin's docstring (plugin/plugin.py) under "
        "the module whose class defines it"
    )
