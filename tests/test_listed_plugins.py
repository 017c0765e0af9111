"""How mkdocs.yml's `plugins` list is read, without MkDocs: strictly for the handbook
plugin's own instances (`plugin_instances`: what MkDocs would refuse is refused, at its
line), leniently for the other plugins the checks look at (`refused_plugins`,
`listed_plugin_options`: what can be read is read). Both follow Material's group rule: a
group plugin runs its plugins only with `enabled: true`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from coalition_handbook.config_yml import ConfigError, plugin_instances, plugin_options
from coalition_handbook.editor.page_moves import site_settings
from coalition_handbook.listed_plugins import listed_plugin_options, refused_plugins

TWO_IN_ONE = (
    "W: an item of 'plugins' names 2 plugins (search, handbook); give each plugin an item "
    "of its own (are its options indented under its name?)"
)
NOT_A_LIST = "W: 'plugins' must be a list"
NOT_A_MAPPING = "O: the 'handbook' plugin's options must be a mapping"


@pytest.mark.parametrize(
    ("plugins", "instances"),
    [
        (None, []),
        ({}, []),
        ([], []),
        (["search", "handbook"], [({}, True)]),
        ({"handbook": {"autolink": "all"}}, [({"autolink": "all"}, True)]),
        ([{"handbook": None}], [({}, True)]),
        # An empty value of another kind reads as no options.
        ([{"handbook": 0}], [({}, True)]),
        ([{"handbook": {"enabled": False}}], [({"enabled": False}, False)]),
        # Items that name no plugin are passed over.
        ([5, None, ["handbook"], {}, {"group": 5}], []),
        # A group is off unless `enabled` is true: its plugins are listed, not run.
        ([{"group": {"plugins": ["handbook"]}}], [({}, False)]),
        ([{"group": {"enabled": "yes", "plugins": ["handbook"]}}], [({}, False)]),
        ([{"group": {"enabled": True, "plugins": ["handbook"]}}], [({}, True)]),
        (
            [{"material/group": {"enabled": True, "plugins": {"handbook": {"a": 1}}}}],
            [({"a": 1}, True)],
        ),
        ([{"group": {"enabled": True, "plugins": False}}], []),
        # A group in a group that is off runs nothing, on or not.
        (
            [{"group": {"plugins": [{"group": {"enabled": True, "plugins": ["handbook"]}}]}}],
            [({}, False)],
        ),
        # In order, those that do not run too.
        (
            [{"group": {"plugins": [{"handbook": {"a": 1}}]}}, {"handbook": {"b": 2}}],
            [({"a": 1}, False), ({"b": 2}, True)],
        ),
        # An item naming two plugins is refused only where MkDocs reads the list: in a
        # group that is off, it is read as it is.
        (
            [{"group": {"plugins": [{"search": {}, "handbook": {"a": 1}}]}}],
            [({"a": 1}, False)],
        ),
    ],
)
def test_the_handbook_plugin_s_instances_are_read(
    plugins: Any, instances: list[tuple[dict[str, Any], bool]]
) -> None:
    assert plugin_instances(plugins, "W", "O") == instances


@pytest.mark.parametrize(
    ("plugins", "message"),
    [
        ("handbook", NOT_A_LIST),
        (False, NOT_A_LIST),
        ([{"group": {"enabled": True, "plugins": "handbook"}}], NOT_A_LIST),
        # Refused in a group that is off as well: MkDocs would refuse it once it is on.
        ([{"group": {"plugins": "handbook"}}], NOT_A_LIST),
        ([{"handbook": 5}], NOT_A_MAPPING),
        ([{"group": {"enabled": False, "plugins": [{"handbook": 5}]}}], NOT_A_MAPPING),
        ([{"search": {}, "handbook": {}}], TWO_IN_ONE),
        ([{"group": {"enabled": True, "plugins": [{"search": 1, "handbook": {}}]}}], TWO_IN_ONE),
        # The items of a list are looked at before the options of any of them.
        ([{"handbook": 5}, {"search": {}, "handbook": {}}], TWO_IN_ONE),
    ],
)
def test_what_mkdocs_refuses_in_the_list_is_refused_for_the_handbook_plugin(
    plugins: Any, message: str
) -> None:
    with pytest.raises(ConfigError) as raised:
        plugin_instances(plugins, "W", "O")
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("plugins", "options"),
    [
        (None, {}),
        ([{"group": {"plugins": [{"handbook": {"a": 1}}]}}, {"handbook": {"b": 2}}], {"b": 2}),
        # None runs: the first listed.
        ([{"handbook": {"enabled": False, "a": 1}}, {"handbook": {"enabled": False}}], None),
    ],
)
def test_the_options_of_the_first_instance_that_runs_are_taken(
    plugins: Any, options: dict[str, Any] | None
) -> None:
    expected = {"enabled": False, "a": 1} if options is None else options
    assert plugin_options(plugins, "W", "O") == expected


@pytest.mark.parametrize(
    ("plugins", "options"),
    [
        (None, None),
        ("include-markdown", None),
        (5, None),
        (["include-markdown"], {}),
        ({"include-markdown": None}, {}),
        ([{"include-markdown": {"opening_tag": "{!"}}], {"opening_tag": "{!"}),
        # Options that are no mapping read as none.
        ([{"include-markdown": 5}], {}),
        ([{"include-markdown": {"enabled": False}}], None),
        # Of an item naming two plugins (MkDocs refuses it), the first is read.
        ([{"search": {}, "include-markdown": {}}], None),
        ([{"include-markdown": {"a": 1}, "search": {}}], {"a": 1}),
        ([{5: {}, "include-markdown": {}}], None),
        ([{}, None, 5, ["include-markdown"]], None),
        # Material's group plugin runs its plugins only with `enabled: true`.
        ([{"group": {"plugins": ["include-markdown"]}}], None),
        ([{"group": {"enabled": "yes", "plugins": ["include-markdown"]}}], None),
        ([{"group": {"enabled": True, "plugins": ["include-markdown"]}}], {}),
        ([{"group": {"enabled": True, "plugins": "include-markdown"}}], None),
        ([{"group": {"enabled": True, "plugins": {"include-markdown": {"a": 1}}}}], {"a": 1}),
        ([{"material/group": {"enabled": True, "plugins": [{"include-markdown": 5}]}}], {}),
        (
            [
                {
                    "group": {
                        "enabled": True,
                        "plugins": [{"group": {"plugins": ["include-markdown"]}}],
                    }
                }
            ],
            None,
        ),
        # A group is a plugin listed like any other.
        (["group"], None),
        # The first instance that runs.
        (
            [{"include-markdown": {"enabled": False, "a": 1}}, {"include-markdown": {"b": 2}}],
            {"b": 2},
        ),
    ],
)
def test_another_plugin_s_options_are_read_where_it_is_on(
    plugins: Any, options: dict[str, Any] | None
) -> None:
    assert listed_plugin_options(plugins, "include-markdown") == options


def test_a_group_plugin_is_itself_listed_and_on() -> None:
    assert listed_plugin_options(["group"], "group") == {}
    assert listed_plugin_options([{"group": {"enabled": False}}], "group") is None


I18N = "the 'i18n' plugin (mkdocs-static-i18n) is not supported"


@pytest.mark.parametrize(
    ("plugins", "lines", "refused_at"),
    [
        (
            [{"i18n": {}}],
            {"plugins.i18n": "mkdocs.yml:4", "plugins": "mkdocs.yml:3"},
            "mkdocs.yml:4",
        ),
        (["i18n"], {"plugins": "mkdocs.yml:3"}, "mkdocs.yml:3"),
        ({"i18n": None}, {}, "W"),
        ([{"i18n": {"enabled": False}}], {}, None),
        ([{"group": {"plugins": ["i18n"]}}], {}, None),
        ([{"group": {"enabled": True, "plugins": ["i18n"]}}], {}, "W"),
        # Read as far as it can be, never refused for its shape.
        ([{"search": {}, "i18n": {}}], {}, None),
        ([{"group": {"enabled": True, "plugins": "i18n"}}], {}, None),
        ("i18n", {}, None),
    ],
)
def test_a_plugin_the_handbook_cannot_build_with_is_refused_where_it_is_on(
    plugins: Any, lines: dict[str, str], refused_at: str | None
) -> None:
    problems = refused_plugins(plugins, lines, "W")
    if refused_at is None:
        assert problems == []
    else:
        (problem,) = problems
        assert problem.startswith(f"{refused_at}: {I18N}")


@pytest.mark.parametrize(
    ("plugins", "redirects_listed", "handouts"),
    [
        ("  - handbook\n  - redirects:\n      redirect_maps: {a.md: b.md}\n", True, True),
        ("  - handbook: {handouts: false}\n  - redirects: {enabled: false}\n", False, False),
        ("  - handbook: {enabled: false}\n", False, False),
        ("  - search\n", False, True),
        # In Material's group plugin, switched on: as the build runs them.
        (
            "  - group:\n      enabled: true\n      plugins:\n"
            "        - handbook: {handouts: false}\n"
            "        - redirects:\n            redirect_maps: {a.md: b.md}\n",
            True,
            False,
        ),
        # A group left off runs neither: no handouts are published.
        ("  - group:\n      plugins: [handbook, redirects]\n", False, False),
        # The instance that runs.
        (
            "  - redirects: {enabled: false}\n  - redirects: {redirect_maps: {a.md: b.md}}\n",
            True,
            True,
        ),
    ],
)
def test_handbook_diff_reads_the_plugins_that_run_for_moved_pages(
    tmp_path: Path, plugins: str, redirects_listed: bool, handouts: bool
) -> None:
    """Review: `handbook diff` read the handbook's and mkdocs-redirects' options from the
    top of the list alone, with a walk of its own: in Material's group plugin they went
    unseen, and it advised listing a plugin the site lists, or named PDF addresses of a
    site that makes no handouts."""
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(f"site_name: T\nplugins:\n{plugins}", encoding="utf-8")
    settings = site_settings(config_file)
    assert settings.redirects_listed == redirects_listed
    assert settings.handouts == handouts
    if redirects_listed:
        assert settings.redirect_maps == {"a.md": "b.md"}
