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
    assert {name: where for name, where in defined_in.items() if len(where) > 1} == {}
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
    assert set_elsewhere == {}
