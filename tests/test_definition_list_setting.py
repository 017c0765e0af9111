"""The checks read a definition's lines as the site's own mkdocs.yml renders them: with
def_list listed in `markdown_extensions` (by any of its names, or in an `extra`), a
paragraph indented after `:   ` is prose; without it, code, not checked. `handbook check`
reads the setting off mkdocs.yml, the plugin off MkDocs' config: both find the same, cold
and warm, and a cached run forgets nothing when the setting is turned on or off."""

from __future__ import annotations

from pathlib import Path

import pytest
from handbooks import checked, make_handbook
from test_check_build_parity import built

from coalition_handbook.extension_list import definition_lists_on

# `more words` holds the form to avoid, on line 6: prose to def_list, code without it.
PAGE = "# Home\n\nTerm\n:   a definition\n\n    more words: a vagrant slept here.\n"
FOUND = [("content/index.md", 6)]

WITH_DEF_LIST = (
    "markdown_extensions: [def_list]\n",
    "markdown_extensions: [markdown.extensions.def_list]\n",
    "markdown_extensions:\n  - admonition\n  - pymdownx.superfences\n  - def_list:\n",
    "markdown_extensions:\n  - pymdownx.details\n  - markdown.extensions.def_list: {}\n",
    "markdown_extensions:\n  - pymdownx.extra\n",
    "markdown_extensions:\n  def_list: {}\n  toc: {permalink: true}\n",
)
WITHOUT_DEF_LIST = (
    "",
    "markdown_extensions: [admonition, pymdownx.superfences, tables]\n",
    "markdown_extensions:\n  - pymdownx.tasklist:\n      custom_checkbox: true\n",
)


def site(root: Path, extensions: str) -> Path:
    config_file = make_handbook(root, page=PAGE)
    set_extensions(config_file, extensions)
    return config_file


def set_extensions(config_file: Path, extensions: str) -> None:
    text = config_file.read_text(encoding="utf-8").split("markdown_extensions")[0]
    config_file.write_text(text + extensions, encoding="utf-8")


def avoided(config_file: Path, cache: bool = False) -> list[tuple[str, int]]:
    return [
        (finding.path, finding.line)
        for finding in checked(config_file, cache)
        if finding.rule == "term.avoid"
    ]


@pytest.mark.parametrize(
    ("extensions", "on"),
    [
        (["def_list"], True),
        (["toc", "tables", "markdown.extensions.def_list"], True),
        ([{"pymdownx.extra": {}}], True),
        (["extra"], True),
        ({"def_list": None, "admonition": None}, True),
        (["toc", "tables", "fenced_code"], False),
        ([{"pymdownx.superfences": {}}, "attr_list"], False),
        (None, False),
        ("def_list", False),  # no list: MkDocs refuses it
    ],
)
def test_def_list_is_read_by_any_of_its_names(extensions: object, on: bool) -> None:
    assert definition_lists_on(extensions) is on


@pytest.mark.parametrize("extensions", WITH_DEF_LIST)
def test_with_def_list_a_definition_s_indented_paragraph_is_checked(
    tmp_path: Path, extensions: str
) -> None:
    assert avoided(site(tmp_path, extensions)) == FOUND


@pytest.mark.parametrize("extensions", WITHOUT_DEF_LIST)
def test_without_def_list_a_definition_s_indented_paragraph_is_code(
    tmp_path: Path, extensions: str
) -> None:
    assert avoided(site(tmp_path, extensions)) == []


def test_a_cached_check_follows_def_list_turned_on_and_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    config_file = site(tmp_path, "")
    seen = []
    for extensions in ("", WITH_DEF_LIST[0], "", WITH_DEF_LIST[2], WITHOUT_DEF_LIST[1]):
        set_extensions(config_file, extensions)
        warm = avoided(config_file, cache=True)
        assert warm == avoided(config_file), extensions  # warm exactly as cold
        seen.append(warm)
    assert seen == [[], FOUND, [], FOUND, []]


def test_the_build_reads_def_list_as_the_check_does_cold_and_warm(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    config_file = site(tmp_path, "")
    seen = []
    for extensions in ("", WITH_DEF_LIST[0], "", WITH_DEF_LIST[3]):
        set_extensions(config_file, extensions)
        for _ in ("cold or after the toggle", "warm"):
            _, places, _ = built(config_file, caplog, strict=False)
            build_found = [
                (path, line) for rule, path, line, _, _ in places if rule == "term.avoid"
            ]
            assert build_found == avoided(config_file), extensions
            seen.append(build_found)
    assert seen == [[], [], FOUND, FOUND, [], [], FOUND, FOUND]
