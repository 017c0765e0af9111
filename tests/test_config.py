"""Reading the handbook's settings from mkdocs.yml without MkDocs."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from mkdocs.config import load_config as load_mkdocs_config

from coalition_handbook.config import ConfigError, load_config
from coalition_handbook.config import today as config_today
from coalition_handbook.config_yml import as_written


@pytest.fixture
def stopped_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """One instant for the plugin's read and the CLI's: the dates read from the clock
    (today, and the date begun first, UTC+14's) are settings too."""
    instant = dt.datetime(2026, 12, 5, 10, 30, tzinfo=dt.UTC)
    monkeypatch.setattr(config_today, "now", lambda: instant)


def write_config(tmp_path: Path, text: str, folders: tuple[str, ...] = ("content",)) -> Path:
    for folder in folders:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(text, encoding="utf-8")
    return config_file


def test_defaults_resolve_relative_to_mkdocs_yml(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, "site_name: X\ndocs_dir: content\n"))
    assert config.root == tmp_path.resolve()
    assert config.docs_dir == tmp_path.resolve() / "content"
    assert config.glossary_dir == tmp_path.resolve() / "glossary"
    assert config.protocols_dir == tmp_path.resolve() / "protocols"
    assert config.modules_dir == tmp_path.resolve() / "content" / "modules"
    assert config.autolink == "first"
    assert config.rules == {}


def test_plugin_options_are_read(tmp_path: Path) -> None:
    config = load_config(
        write_config(
            tmp_path,
            """
site_name: X
docs_dir: content
markdown_extensions: [admonition, {toc: {permalink: true}}]
plugins:
  - search
  - handbook:
      glossary_dir: terms
      modules_dir: training
      autolink: all
      known_acronyms: [FBI, ICE]
      privacy: {allow: ["1-888-373-7888", "233733"]}
      rules: {term.unknown-acronym: off, protocol.review-overdue: error}
      paper_size: Letter
""",
            folders=("content/training", "terms"),
        ),
        today=dt.date(2026, 1, 2),
    )
    assert config.glossary_dir.name == "terms"
    assert config.modules_dir == config.docs_dir / "training"
    assert config.autolink == "all"
    assert config.known_acronyms == {"FBI", "ICE"}
    assert config.privacy_allow == ("1-888-373-7888", "233733")
    # YAML reads a bare `off` as false; it still means off.
    assert config.rules == {"term.unknown-acronym": "off", "protocol.review-overdue": "error"}
    assert config.paper_size == "Letter"
    assert config.today == dt.date(2026, 1, 2)


def test_options_inside_materials_group_plugin_are_read(tmp_path: Path) -> None:
    """Material's `group` plugin turns plugins on together (by environment): the checks
    read the handbook's options there, as the build does, and name a bad one's line."""
    text = """
site_name: X
plugins:
  - search
  - group:
      enabled: true
      plugins:
        - handbook:
            privacy: {allow: ["1-888-373-7888"]}
            autolink: {autolink}
"""
    config = load_config(write_config(tmp_path, text.replace("{autolink}", "all")))
    assert config.privacy_allow == ("1-888-373-7888",)
    assert config.autolink == "all"
    with pytest.raises(ConfigError) as raised:
        load_config(write_config(tmp_path, text.replace("{autolink}", "often")))
    assert str(raised.value).startswith("mkdocs.yml:10: ")


def test_material_python_tags_do_not_stop_the_cli(tmp_path: Path) -> None:
    config = load_config(
        write_config(
            tmp_path,
            """
site_name: !ENV [SITE_NAME, X]
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins: [handbook]
""",
        )
    )
    assert config.site_name == "X"
    assert config.autolink == "first"


@pytest.mark.parametrize(
    "value",
    [
        "!foo bar",
        "!!foo bar",
        "!!python/foo bar",
        "!<tag:example.org,2026:x> bar",
        "!ENV [HANDBOOK_UNSET_VARIABLE, bar]",
        "!relative $config_dir",
        "!!python/name:os.path.join",
        "!!python/tuple [1, 2]",
        "!!str 5",
    ],
)
def test_a_yaml_tag_is_refused_at_its_line_exactly_when_mkdocs_refuses_it(
    tmp_path: Path, value: str
) -> None:
    """Audit F3: `site_author: !foo bar` passed `handbook check`, and `mkdocs build` then
    refused the file. Each tag is compared with what MkDocs' own loader does with it."""
    config_file = write_config(
        tmp_path, f"site_name: X\ndocs_dir: content\nextra:\n  note: {value}\n"
    )
    try:
        load_mkdocs_config(config_file=str(config_file))
        mkdocs_refuses = False
    except Exception as error:  # MkDocs' ConfigurationError, whatever else it says
        mkdocs_refuses = True
        assert "constructor" in str(error)
    try:
        load_config(config_file)
        refused = ""
    except ConfigError as error:
        refused = str(error)
    assert bool(refused) == mkdocs_refuses
    if refused:
        assert refused.startswith("mkdocs.yml:4:9: MkDocs cannot read the YAML tag '!")
        assert "tag:yaml.org" not in refused  # `!!foo` as written, not expanded


def test_env_tags_read_the_environment_as_mkdocs_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_file = write_config(tmp_path, "site_name: !ENV [SITE_NAME, X]\nplugins: [handbook]\n")
    monkeypatch.setenv("SITE_NAME", "Coalition")
    assert load_config(config_file).site_name == "Coalition"


@pytest.mark.parametrize(
    ("value", "site_url"),
    [
        ("https://example.org/handbook", "https://example.org/handbook/"),  # as MkDocs ends it
        ("https://example.org/handbook/", "https://example.org/handbook/"),
        ("https://example.org", "https://example.org/"),
        ("", ""),
        (None, ""),  # the variable unset, as locally
        ("example.org/handbook", ""),  # no scheme: MkDocs refuses the build, no address
    ],
)
def test_site_url_is_read_as_mkdocs_reads_it_and_not_as_serve_replaces_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str | None, site_url: str
) -> None:
    """The address the handouts link to and name: `handbook handouts` reads it as the
    build does, `!ENV` included (the shipped mkdocs.yml's `site_url: !ENV SITE_URL`)."""
    config_file = write_config(
        tmp_path, "site_name: X\ndocs_dir: content\nsite_url: !ENV SITE_URL\nplugins: [handbook]\n"
    )
    if value is None:
        monkeypatch.delenv("SITE_URL", raising=False)
    else:
        monkeypatch.setenv("SITE_URL", value)
    assert load_config(config_file).site_url == site_url
    if value and not site_url:
        return  # MkDocs refuses the build
    mkdocs_config = load_mkdocs_config(config_file=str(config_file))
    mkdocs_config.plugins.on_startup(command="serve", dirty=False)
    # `mkdocs serve` puts its local address in the setting before any plugin's on_config.
    mkdocs_config.site_url = "http://127.0.0.1:8000/handbook/"
    mkdocs_config = mkdocs_config.plugins.on_config(mkdocs_config)
    assert mkdocs_config.plugins["handbook"].handbook_config.site_url == site_url


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            "glosary_dir: x",
            "unknown option 'glosary_dir' of the 'handbook' plugin (did you mean 'glossary_dir'?)",
        ),
        ("autolink: sometimes", "'autolink' is 'sometimes'; expected one of: first, all, none"),
        (
            "rules: {term.avoided: error}",
            "unknown rule 'term.avoided' in 'rules' (did you mean 'term.avoid'?)",
        ),
        (
            "rules: {term.avoid: loud}",
            "'rules.term.avoid' is 'loud'; expected one of: error, warning, info, off",
        ),
        (
            "rules: {term.avoid: }",
            "'rules.term.avoid' is empty; expected one of: error, warning, info, off",
        ),
        ("rules: {term.avoid: 2}", "'rules.term.avoid' is 2; expected one of:"),
        (
            "rules: {term.avoid: on}",
            "'rules.term.avoid' is true; expected one of: error, warning, info, off (YAML reads "
            "on, yes and true alike as true)",
        ),
        ("rules: {term.avoid: eror}", "info, off (did you mean 'error'?)"),
        ("rules: {term: off}", "unknown rule 'term' in 'rules' (rules are named in full: "),
        ("known_acronyms: FBI", "'known_acronyms' must be a list of strings"),
        # Audit: an entry the rule could never meet, and YAML's booleans, said nothing.
        ("known_acronyms: [fbi]", "lists 'fbi', which term.unknown-acronym never meets"),
        ("known_acronyms: [F.B.I.]", "reports words in capitals; write 'FBI' if that is"),
        ("known_acronyms: [ngos]", "write 'NGOS' if that is the acronym meant, or 'NGOs' if"),
        ("known_acronyms: [Unicef]", "write 'UNICEF' if that is the acronym meant, or leave"),
        ("known_acronyms: [Us]", "write 'US' if that is the acronym meant, or leave it out"),
        ("known_acronyms: [f.b.i.]", "write 'FBI' if that is"),  # review: dotted lower case
        ("known_acronyms: [NGO, NO]", "strings (quote each, as in 'NO': YAML reads NO or"),
        # Audit: quotes pasted from a word processor, and no capital letter at all.
        ("known_acronyms: [“FBI”, ICE]", "lists '“FBI”', which term.unknown-acronym never"),
        ("known_acronyms: [“FBI”]", "its quotation marks are part of it (YAML takes off only"),
        ("known_acronyms: [‘ICE’]", "around a value); write 'ICE'"),
        ("known_acronyms: ['\"HSI\"']", "around a value); write 'HSI'"),
        ("known_acronyms: [«fbi»]", "around a value); it reports words in capitals; write 'FBI'"),
        ("known_acronyms: [é]", "it reports words in capitals, and this has no capital letter;"),
        ("known_acronyms: [“é”]", "part of it (YAML takes off only the ' or \" around a value);"),
        ("known_acronyms: [t-visa]", "and this has no capital letter; leave it out"),
        ("privacy: {deny: [x]}", "'privacy' takes two keys, 'allow' (a list of strings) and"),
        ("paper_size: A5", "'paper_size' is 'A5'; expected one of: A4, Letter"),
        (
            "paper_size: a4",
            "'paper_size' is 'a4'; expected one of: A4, Letter (did you mean 'A4'?)",
        ),
        ("handouts: maybe", "'handouts' must be true or false"),
        ('enabled: "no"', "'enabled' must be true or false"),  # MkDocs refuses it too
    ],
)
def test_bad_options_name_the_file_and_the_problem(
    tmp_path: Path, options: str, message: str
) -> None:
    config_file = write_config(
        tmp_path, f"site_name: X\nplugins:\n  - search\n  - handbook:\n      {options}\n"
    )
    with pytest.raises(ConfigError) as raised:
        load_config(config_file)
    assert str(raised.value).startswith("mkdocs.yml:5: ")  # the option's line
    assert message in str(raised.value)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (
            "docs_dir: content\nsite_dir: content/site\n",
            "mkdocs.yml:3: site_dir 'content/site' is inside docs_dir 'content'",
        ),
        ("docs_dir: content\nsite_dir: content\n", "site_dir 'content' is inside docs_dir"),
        (
            "docs_dir: site/content\nsite_dir: site\n",
            "mkdocs.yml:2: docs_dir 'site/content' is inside site_dir 'site'",
        ),
        ("docs_dir: .\n", "mkdocs.yml:2: docs_dir must be a folder beside mkdocs.yml"),
        (
            "plugins:\n  - handbook\n  - search\n  - handbook: {autolink: all}\n",
            "mkdocs.yml:2: 'plugins' lists the 'handbook' plugin 2 times",
        ),
        (
            "plugins:\n  - handbook\n  - group: {enabled: true, plugins: [handbook]}\n",
            "'plugins' lists the 'handbook' plugin 2 times",
        ),
        (
            "plugins:\n  - {search: {}, handbook: {autolink: all}}\n",
            "mkdocs.yml:2: an item of 'plugins' names 2 plugins (search, handbook); give each",
        ),
        (  # options not indented under their plugin's name, after the handbook's item
            "plugins:\n  - handbook\n  - search:\n    lang: en\n",
            "an item of 'plugins' names 2 plugins (search, lang)",
        ),
    ],
)
def test_settings_mkdocs_refuses_are_refused(tmp_path: Path, settings: str, message: str) -> None:
    """`handbook check` passed what the build then refused (found in an audit)."""
    config_file = write_config(tmp_path, f"site_name: X\n{settings}", ("content", "site/content"))
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config(config_file)


@pytest.mark.parametrize(
    "plugins",
    [
        # a group switched off runs none of its plugins (Material's group plugin)
        "  - handbook\n  - group:\n      enabled: false\n      plugins: [handbook]\n",
        # an instance switched off does nothing
        "  - handbook\n  - handbook: {enabled: false}\n",
        # empty, `enabled` and `handouts` are their defaults, as MkDocs reads them
        "  - handbook:\n      enabled:\n      handouts:\n",
        "  - handbook:\n      enabled: !ENV HANDBOOK_UNSET_VARIABLE\n",
    ],
    ids=["group-off", "instance-off", "empty", "unset-env"],
)
def test_settings_mkdocs_accepts_are_accepted(tmp_path: Path, plugins: str) -> None:
    """Found in review: each was refused, where MkDocs builds."""
    config_file = write_config(tmp_path, f"site_name: X\ndocs_dir: content\nplugins:\n{plugins}")
    assert load_config(config_file).handouts is True


@pytest.mark.parametrize(
    "plugins",
    [
        "  - group:\n      enabled: false\n      plugins:\n        - handbook: {autolink: all}\n"
        "  - handbook: {autolink: none}\n",
        # Material's group plugin is off unless `enabled` is true
        "  - group:\n      plugins:\n        - handbook: {autolink: all}\n"
        "  - handbook: {autolink: none}\n",
        "  - handbook: {enabled: false, autolink: all}\n  - handbook: {autolink: none}\n",
    ],
    ids=["group-off", "group-not-on", "instance-off"],
)
def test_the_options_read_are_those_of_the_instance_that_runs(tmp_path: Path, plugins: str) -> None:
    """Found in review: the first instance's options were read, though it does nothing."""
    config_file = write_config(tmp_path, f"site_name: X\ndocs_dir: content\nplugins:\n{plugins}")
    assert load_config(config_file).autolink == "none"


def test_the_build_refuses_the_plugin_listed_twice(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.exceptions import Abort

    config_file = write_config(
        tmp_path, "site_name: X\ndocs_dir: content\nplugins:\n  - handbook\n  - handbook\n"
    )
    with pytest.raises(Abort):
        load_mkdocs_config(str(config_file))
    assert "mkdocs.yml:3: 'plugins' lists the 'handbook' plugin 2 times" in caplog.text


def test_a_linked_mkdocs_yml_is_read_from_where_it_is_named(tmp_path: Path) -> None:
    """MkDocs takes docs_dir from the folder of the mkdocs.yml it is given, a link or not;
    `handbook check` read the folders beside the link's target (found in an audit)."""
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "mkdocs.yml").write_text("site_name: X\ndocs_dir: content\n", encoding="utf-8")
    handbook = tmp_path / "handbook"
    (handbook / "content").mkdir(parents=True)
    (handbook / "mkdocs.yml").symlink_to(shared / "mkdocs.yml")
    config = load_config(handbook / "mkdocs.yml")
    assert config.docs_dir == (handbook / "content").resolve()
    assert config.glossary_dir == (handbook / "glossary").resolve()


def test_a_bad_option_in_a_block_mapping_names_its_own_line(tmp_path: Path) -> None:
    config_file = write_config(
        tmp_path,
        "plugins:\n  handbook:\n    autolink: first\n    rules:\n"
        "      term.avoid: error\n      term.case: loud\n",
    )
    with pytest.raises(ConfigError) as raised:
        load_config(config_file)
    assert str(raised.value) == (
        "mkdocs.yml:6: 'rules.term.case' is 'loud'; expected one of: error, warning, info, off"
    )


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        # As YAML writes it, not as Python shows it (`True`).
        ("{term.avoid: true}", "'rules.term.avoid' is true; expected one of: error, warning"),
        # Any case of a level is hinted, capitals too.
        ("{term.avoid: ERROR}", "info, off (did you mean 'error'?)"),
        ("{term.avoid: Error}", "info, off (did you mean 'error'?)"),
    ],
)
def test_a_bad_rule_level_is_quoted_as_written_with_a_hint_in_any_case(
    tmp_path: Path, rules: str, message: str
) -> None:
    config_file = write_config(tmp_path, f"plugins:\n  - handbook:\n      rules: {rules}\n")
    with pytest.raises(ConfigError) as raised:
        load_config(config_file)
    assert message in str(raised.value)


def test_every_bad_setting_is_named_at_once_in_line_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor fixing mkdocs.yml sees every problem in one run, not one per attempt."""
    monkeypatch.setenv("HANDBOOK_TODAY", "soon")
    config_file = write_config(
        tmp_path,
        "docs_dir: content\n"
        "strict: maybe\n"
        "exclude_docs: [drafts]\n"
        "plugins:\n"
        "  - handbook:\n"
        "      rules: {term.bogus: off, term.avoid: loud}\n"
        "      known_acronyms: FBI\n"
        "      privacy: {allow: 5}\n"
        "      glossary_dir: nothere\n"
        "      autolnk: all\n"
        "      protocols_dir: [x]\n",
    )
    with pytest.raises(ConfigError) as raised:
        load_config(config_file)
    assert raised.value.problems == (
        "mkdocs.yml: HANDBOOK_TODAY is 'soon'; expected a date, YYYY-MM-DD",
        "mkdocs.yml:2: 'strict' is 'maybe'; expected true or false",
        "mkdocs.yml:3: 'exclude_docs' must be gitignore-style patterns, one a line, in one "
        "string (a `|` block)",
        "mkdocs.yml:6: unknown rule 'term.bogus' in 'rules' (did you mean 'term.case'?)",
        "mkdocs.yml:6: 'rules.term.avoid' is 'loud'; expected one of: error, warning, info, off",
        "mkdocs.yml:7: 'known_acronyms' must be a list of strings",
        "mkdocs.yml:8: 'privacy.allow' must be a list of strings",
        "mkdocs.yml:9: glossary_dir 'nothere' is not a folder",
        "mkdocs.yml:10: unknown option 'autolnk' of the 'handbook' plugin (did you mean "
        "'autolink'?)",
        "mkdocs.yml:11: 'protocols_dir' must be a folder's name (found ['x'])",
    )
    assert str(raised.value) == "\n".join(raised.value.problems)


def test_yaml_syntax_error_names_the_line_in_one_line(tmp_path: Path) -> None:
    """As a term file's syntax error reads: PyYAML's own message runs over six lines of
    excerpts and carets."""
    config_file = write_config(tmp_path, "site_name: X\nplugins: [handbook\nnav: x\n")
    with pytest.raises(ConfigError) as raised:
        load_config(config_file)
    assert str(raised.value) == (
        "mkdocs.yml:3:4: not valid YAML: while parsing a flow sequence, expected ',' or ']', "
        "but got ':' (it starts at line 2)"
    )


def test_a_tab_in_mkdocs_yml_is_named(tmp_path: Path) -> None:
    config_file = write_config(tmp_path, "site_name: X\nplugins:\n\t- handbook\n")
    with pytest.raises(ConfigError) as raised:
        load_config(config_file)
    assert str(raised.value).startswith("mkdocs.yml:3:1: not valid YAML: ")
    assert str(raised.value).endswith("; indent YAML with spaces, not tabs")
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize("character", ["\x00", "\x07", "\ufffe"])
def test_a_character_yaml_refuses_is_named_with_its_line(tmp_path: Path, character: str) -> None:
    """Found by fuzzing: PyYAML names only an offset into the text ("position 44")."""
    config_file = write_config(tmp_path, f"site_name: X\r\nnav:\n  - a: b{character}\n")
    with pytest.raises(ConfigError) as raised:
        load_config(config_file)
    assert str(raised.value) == (
        f"mkdocs.yml:3:9: not valid YAML: the character U+{ord(character):04X} cannot be in it"
    )


def test_a_config_file_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    config_file = write_config(tmp_path, "")
    config_file.write_bytes("site_name: Café\ndocs_dir: content\n".encode("cp1252"))
    with pytest.raises(ConfigError) as raised:
        load_config(config_file)
    assert str(raised.value) == (
        "mkdocs.yml:1:15: is not UTF-8: byte 0xE9 at line 1 cannot be decoded "
        "(save the file as UTF-8)"
    )


@pytest.mark.parametrize(
    ("plugins", "expected"),
    [
        ("plugins: handbook\n", "mkdocs.yml:3: 'plugins' must be a list"),
        (
            "plugins:\n  - search\n  - handbook: [x]\n",
            "mkdocs.yml:5: the 'handbook' plugin's options must be a mapping",
        ),
        (
            "plugins:\n  - group:\n      plugins:\n        - handbook: 5\n",
            "mkdocs.yml:6: the 'handbook' plugin's options must be a mapping",
        ),
    ],
)
def test_plugins_of_the_wrong_shape_name_their_line(
    tmp_path: Path, plugins: str, expected: str
) -> None:
    config_file = write_config(tmp_path, f"site_name: X\ndocs_dir: content\n{plugins}")
    with pytest.raises(ConfigError) as raised:
        load_config(config_file)
    assert str(raised.value) == expected


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "mkdocs.yml")


def test_a_folder_given_as_the_config_file_is_named_with_the_file_meant(tmp_path: Path) -> None:
    write_config(tmp_path, "docs_dir: content\n")
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path)
    assert str(raised.value) == (
        f"{tmp_path}: is a folder; -f takes the site's config file, mkdocs.yml: "
        f"did you mean -f {tmp_path / 'mkdocs.yml'}?"
    )
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path / "content")
    assert str(raised.value) == (
        f"{tmp_path / 'content'}: is a folder; -f takes the site's config file, mkdocs.yml"
    )


def test_relative_paths_use_forward_slashes(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, "docs_dir: content\n"))
    assert config.relative(tmp_path / "content" / "modules" / "a.md") == "content/modules/a.md"


def test_a_file_outside_the_site_folder_is_named_relative_to_it(tmp_path: Path) -> None:
    """DESIGN 6: paths are relative to the directory of mkdocs.yml, also for a glossary
    that two sites share beside them."""
    (tmp_path / "shared-glossary").mkdir()
    site = tmp_path / "site"
    config = load_config(
        write_config(site, "plugins:\n  - handbook:\n      glossary_dir: ../shared-glossary\n")
    )
    assert config.relative(config.glossary_dir / "a.yml") == "../shared-glossary/a.yml"


@pytest.mark.usefixtures("stopped_clock")
def test_settings_inherited_with_inherit_are_read_as_mkdocs_reads_them(tmp_path: Path) -> None:
    """MkDocs' INHERIT: the child's settings over its parent's, mappings merged, lists
    replaced; the plugin (through MkDocs) and the CLI must read the same settings."""
    (tmp_path / "content").mkdir()
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "base.yml").write_text(
        "site_name: Base\ndocs_dir: nowhere\ntheme: {name: material}\n"
        "plugins:\n  search: {}\n  handbook:\n    known_acronyms: [FBI]\n"
        "    rules: {term.avoid: error, term.case: info}\n",
        encoding="utf-8",
    )
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        "INHERIT: shared/base.yml\nsite_name: Child\ndocs_dir: content\n"
        "plugins:\n  handbook:\n    rules: {term.case: off}\n",
        encoding="utf-8",
    )
    config = load_config(config_file)
    assert (config.site_name, config.docs_dir) == ("Child", tmp_path / "content")
    assert config.known_acronyms == frozenset({"FBI"})
    assert dict(config.rules) == {"term.avoid": "error", "term.case": "off"}

    mkdocs_config = load_mkdocs_config(config_file=str(config_file))
    mkdocs_config.plugins.on_startup(command="build", dirty=False)
    mkdocs_config = mkdocs_config.plugins.on_config(mkdocs_config)
    from_plugin = mkdocs_config.plugins["handbook"].handbook_config
    assert from_plugin == load_config(config_file)


def test_a_config_inherited_through_a_chain_is_named_from_the_folder_of_mkdocs_yml(
    tmp_path: Path,
) -> None:
    config_file = write_config(tmp_path, "INHERIT: conf/base.yml\ndocs_dir: content\n")
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "base.yml").write_text("INHERIT: common.yml\n", encoding="utf-8")
    (tmp_path / "conf" / "common.yml").write_text(
        "plugins:\n  - handbook:\n      autolink: often\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError) as raised:
        load_config(config_file)
    assert str(raised.value) == (
        "conf/common.yml:3: 'autolink' is 'often'; expected one of: first, all, none"
    )


@pytest.mark.parametrize(
    ("child", "base", "message"),
    [
        (
            "INHERIT: base.yml\n",
            "plugins:\n  - handbook:\n      autolink: often\n",
            "base.yml:3: 'autolink' is 'often'; expected one of: first, all, none",
        ),
        ("INHERIT: missing.yml\n", None, "mkdocs.yml:1: the inherited config file 'missing.yml'"),
        (
            "INHERIT: base.yml\n",
            "\nINHERIT: mkdocs.yml\n",
            "base.yml:2: INHERIT 'mkdocs.yml' leads",
        ),
        ("INHERIT: [base.yml]\n", None, "mkdocs.yml:1: 'INHERIT' must name a config file"),
        ("INHERIT:\n", None, "mkdocs.yml:1: 'INHERIT' must name a config file (found nothing)"),
    ],
)
def test_a_bad_inherited_config_names_its_file(
    tmp_path: Path, child: str, base: str | None, message: str
) -> None:
    config_file = write_config(tmp_path, child + "docs_dir: content\n")
    if base is not None:
        (tmp_path / "base.yml").write_text(base, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(config_file)
    assert str(raised.value).startswith(message)


def test_a_config_error_names_the_file_as_the_editor_named_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """`handbook check -f sub/mkdocs.yml` with bad YAML said `mkdocs.yml:3:1: ...`, which
    names another file where one sits beside; its INHERIT parent is named by its path too,
    by the CLI and by the plugin (MkDocs gives it the path made absolute)."""
    from coalition_handbook.cli import main

    config_file = write_config(tmp_path / "sub", "docs_dir: content\n")
    monkeypatch.chdir(tmp_path)
    for named in ("sub/mkdocs.yml", str(config_file)):  # absolute, inside the current folder
        config_file.write_text("docs_dir: content\nnav: [\n", encoding="utf-8")
        assert main(["check", "-f", named]) == 2
        assert capsys.readouterr().err.startswith("handbook: sub/mkdocs.yml:3:1: not valid YAML")
    (tmp_path / "sub" / "base.yml").write_text(
        "site_name: X\nplugins:\n  - handbook:\n      autolnk: all\n", encoding="utf-8"
    )
    config_file.write_text(
        "INHERIT: base.yml\ndocs_dir: content\nstrict: maybe\n", encoding="utf-8"
    )
    assert main(["check", "-f", "sub/mkdocs.yml"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "handbook: sub/base.yml:4: unknown option 'autolnk' of the 'handbook' plugin "
        "(did you mean 'autolink'?)",
        "handbook: sub/mkdocs.yml:3: 'strict' is 'maybe'; expected true or false",
    ]
    config_file.write_text("INHERIT: base.yml\ndocs_dir: content\n", encoding="utf-8")
    with pytest.raises(Exception, match="configuration error"):  # MkDocs' Abort
        load_mkdocs_config(config_file="sub/mkdocs.yml")
    assert "option 'autolnk': sub/base.yml:4: unknown option 'autolnk'" in caplog.text
    # Outside the current folder: as given to the CLI; by its name alone to the plugin.
    monkeypatch.chdir(tmp_path / "sub" / "content")
    assert main(["check", "-f", "../mkdocs.yml"]) == 2
    assert capsys.readouterr().err.startswith("handbook: ../base.yml:4: unknown option")
    caplog.clear()
    with pytest.raises(Exception, match="configuration error"):
        load_mkdocs_config(config_file="../mkdocs.yml")
    assert "option 'autolnk': base.yml:4: unknown option 'autolnk'" in caplog.text
    # A file, a folder or an INHERIT parent that is not there: as named too (review).
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub" / "child.yml").write_text("INHERIT: nope.yml\n", encoding="utf-8")
    for named, message in [
        ("sub/mkdoc.yml", "sub/mkdoc.yml: no such file"),
        (
            "sub",
            "sub: is a folder; -f takes the site's config file, mkdocs.yml: did you mean "
            "-f sub/mkdocs.yml?",
        ),
        (
            "sub/child.yml",
            "sub/child.yml:1: the inherited config file 'nope.yml' is not there (sub/nope.yml)",
        ),
    ]:
        assert main(["check", "-f", named]) == 2
        assert capsys.readouterr().err == f"handbook: {message}\n"


@pytest.mark.usefixtures("stopped_clock")
def test_the_plugin_reads_the_example_settings_as_the_cli_does() -> None:
    """`mkdocs build` and `handbook check` share one cache of findings, keyed by the
    settings: the plugin (through MkDocs) must read every one as the CLI does."""
    config_file = Path(__file__).resolve().parent.parent / "mkdocs.yml"
    mkdocs_config = load_mkdocs_config(config_file=str(config_file))
    mkdocs_config.plugins.on_startup(command="build", dirty=False)
    mkdocs_config = mkdocs_config.plugins.on_config(mkdocs_config)
    from_plugin = mkdocs_config.plugins["handbook"].handbook_config
    assert from_plugin == load_config(config_file)


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("use_directory_urls: false\n", False),
        ("use_directory_urls: true\n", True),
        ("use_directory_urls:\n", True),  # no value: MkDocs' default
        ("", True),
    ],
)
@pytest.mark.usefixtures("stopped_clock")
def test_the_plugin_reads_use_directory_urls_as_the_cli_does(
    tmp_path: Path, setting: str, expected: bool
) -> None:
    """Where MkDocs publishes each page decides what `page.replaced` reports."""
    config_file = write_config(
        tmp_path, f"site_name: X\ndocs_dir: content\n{setting}plugins:\n  - handbook\n"
    )
    mkdocs_config = load_mkdocs_config(config_file=str(config_file))
    mkdocs_config.plugins.on_startup(command="build", dirty=False)
    mkdocs_config = mkdocs_config.plugins.on_config(mkdocs_config)
    from_plugin = mkdocs_config.plugins["handbook"].handbook_config
    assert from_plugin.use_directory_urls is expected
    assert from_plugin == load_config(config_file)


@pytest.mark.parametrize(
    ("theme", "expected"),
    [
        ("theme:\n  name: material\n  language: es\n", "es"),
        ("theme:\n  name: material\n  language: pt-BR\n", "pt-BR"),
        ("theme: material\n", "en"),  # Material's default
        ("theme:\n  name: mkdocs\n  language: '<x>'\n", "en"),  # no language tag
        ("", "en"),
    ],
)
def test_the_themes_language_is_read_by_the_plugin_as_by_the_cli(
    tmp_path: Path, theme: str, expected: str
) -> None:
    """The language the handouts declare (audit: every PDF said English)."""
    config_file = write_config(
        tmp_path, f"site_name: X\ndocs_dir: content\n{theme}plugins:\n  - handbook\n"
    )
    assert load_config(config_file).language == expected
    if "material" in theme and "<x>" not in theme:  # MkDocs refuses no theme's language
        mkdocs_config = load_mkdocs_config(config_file=str(config_file))
        mkdocs_config.plugins.on_startup(command="build", dirty=False)
        mkdocs_config = mkdocs_config.plugins.on_config(mkdocs_config)
        assert mkdocs_config.plugins["handbook"].handbook_config.language == expected


def test_a_use_directory_urls_that_is_no_boolean_is_named_at_its_line(tmp_path: Path) -> None:
    config_file = write_config(tmp_path, "site_name: X\ndocs_dir: content\nuse_directory_urls: 1\n")
    with pytest.raises(ConfigError) as raised:
        load_config(config_file)
    assert raised.value.problems == (
        "mkdocs.yml:3: 'use_directory_urls' is 1; expected true or false",
    )


@pytest.mark.parametrize(
    ("options", "error"),
    [
        # Left empty (every line under it commented out): unset, the default.
        ("rules:\n", None),
        ("known_acronyms:\n", None),
        ("privacy:\n", None),
        ("privacy:\n        allow:\n", None),
        # Audit: empty, these were refused where MkDocs reads them as their defaults
        # (`!ENV PAPER_SIZE`, the variable unset locally, is MkDocs' own idiom).
        ("autolink:\n", None),
        ("paper_size: !ENV HANDBOOK_UNSET_VARIABLE\n", None),
        ("{glossary_dir: , protocols_dir: , modules_dir: }\n", None),
        # Empty, but of the wrong kind: an error in both.
        ("privacy: []\n", "'privacy' takes two keys"),
        ("rules: []\n", "'rules' must map rule ids"),
        ("known_acronyms: {}\n", "'known_acronyms' must be a list of strings"),
        ("privacy: {allow: [02025550143]}\n", 'quote each number, as in "233733"'),
        # The option a problem is about is named as MkDocs names options.
        ("glossary_dir: terms\n", "option 'glossary_dir': mkdocs.yml:5: glossary_dir 'terms'"),
        # The default folder, however written, may be missing (git keeps no empty one).
        ("glossary_dir: ./glossary\n", None),
        ("modules_dir: modules/\n", None),
        ("modules_dir: ../modules\n", "mkdocs.yml:5: modules_dir '../modules' is outside docs"),
        ("modules_dir: /srv/modules\n", "modules_dir '/srv/modules' must be named relative"),
        (
            "{glossary_dir: terms, protocols_dir: ./terms}\n",
            "glossary_dir and protocols_dir name the same folder 'terms': terms and",
        ),
        # The folder of mkdocs.yml or one above it: mkdocs.yml read as a term, and every
        # folder below walked (`/`: the whole disk, a check that never ended).
        ("glossary_dir: .\n", "mkdocs.yml:5: glossary_dir '.' holds mkdocs.yml's folder"),
        ("protocols_dir: ..\n", "mkdocs.yml:5: protocols_dir '..' holds mkdocs.yml's folder"),
        ("glossary_dir: /\n", "mkdocs.yml:5: glossary_dir '/' holds mkdocs.yml's folder"),
        # docs_dir or a folder of its pages: each page named as a term file that is no YAML.
        ("glossary_dir: content\n", "mkdocs.yml:5: glossary_dir 'content' is docs_dir"),
        ("protocols_dir: content/modules\n", "protocols_dir 'content/modules' is the folder"),
        # Not an option, but read by both alike: named by the setting it is in.
        ("{}\nnav: [javascript:x]\n", "option 'nav': mkdocs.yml:6:7: 'nav' links to a"),
        ("rules: {term.avod: off}\n", "option 'rules': mkdocs.yml:5: unknown rule 'term.avod'"),
        # An unknown option is named as written, not as the option it may mean.
        ("autolnk: first\n", "option 'autolnk': mkdocs.yml:5: unknown option 'autolnk'"),
    ],
)
def test_the_check_and_the_build_read_an_empty_or_wrong_option_alike(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, options: str, error: str | None
) -> None:
    """An adopter's local `handbook check` must not pass where CI's build fails."""
    config_file = write_config(
        tmp_path,
        f"site_name: X\ndocs_dir: content\nplugins:\n  - handbook:\n      {options}",
        folders=("content", "content/modules"),
    )
    if error is None:
        config = load_config(config_file)
        assert (config.rules, config.known_acronyms, config.privacy_allow) == ({}, set(), ())
        load_mkdocs_config(config_file=str(config_file))
        return
    with pytest.raises(ConfigError):
        load_config(config_file)
    with pytest.raises(Exception, match="configuration error"):  # MkDocs' Abort
        load_mkdocs_config(config_file=str(config_file))
    assert error in caplog.text.split("'plugins': Plugin 'handbook' ", 1)[-1]


def config_problems(config_file: Path) -> list[str]:
    """The problems `load_config` refuses `config_file` for; none where it loads."""
    try:
        assert load_config(config_file)
    except ConfigError as refused:
        return list(refused.problems)
    return []


@pytest.mark.parametrize(
    ("folder", "refused"),
    [("../../outside", True), ("../terms", False), ("glossary", False), ("sub/../glossary", False)],
)
def test_a_record_folder_out_of_the_git_repository_is_refused(
    tmp_path: Path, folder: str, refused: bool
) -> None:
    """Security review sec64: `glossary_dir: ../../..` from a pull request had every file
    of a folder outside the repository named in findings; a folder of the repository
    above mkdocs.yml's (a site kept in a subfolder) is fine."""
    repository = tmp_path / "repository"
    (repository / ".git").mkdir(parents=True)
    (repository / "terms").mkdir()
    (repository / "site" / "glossary").mkdir(parents=True)
    (repository / "site" / "sub").mkdir()
    (tmp_path / "outside").mkdir()
    config_file = write_config(
        repository / "site",
        f"docs_dir: content\nplugins:\n  - handbook:\n      glossary_dir: {folder}\n",
    )
    refusal = (
        f"mkdocs.yml:4: glossary_dir '{folder}' leads out of the git repository of mkdocs.yml: "
        "another clone of the handbook (CI's, another editor's) would not have it, and no pull "
        "request shows what it holds; keep it in the repository, as 'glossary'"
    )
    assert config_problems(config_file) == [refusal] * refused


@pytest.mark.parametrize("in_git", [True, False])
@pytest.mark.parametrize("option", ["glossary_dir", "protocols_dir"])
def test_a_record_folder_named_by_an_absolute_path_is_refused_only_out_of_git(
    tmp_path: Path, option: str, in_git: bool
) -> None:
    """Security review sec64: `glossary_dir: /etc` from a pull request had every file there
    named in findings (and their values quoted) in the CI log. Outside git nothing says
    where a handbook ends, and an absolute path inside the repository leads nowhere else:
    both are read as named (a script's temporary handbook names its folders so)."""
    handbook = tmp_path / "handbook"
    (handbook / "content").mkdir(parents=True)
    (handbook / "records").mkdir()
    (tmp_path / "elsewhere").mkdir()
    if in_git:
        (handbook / ".git").mkdir()
    for folder, refused in ((handbook / "records", False), (tmp_path / "elsewhere", in_git)):
        config_file = write_config(
            handbook, f"docs_dir: content\nplugins:\n  - handbook:\n      {option}: {folder}\n"
        )
        refusal = (
            f"mkdocs.yml:4: {option} '{folder}' must be named relative to mkdocs.yml's folder "
            f"(as '{option.removesuffix('_dir')}'), not by an absolute path out of its git "
            "repository, which another clone of the handbook (CI's, another editor's) "
            "would not have"
        )
        assert config_problems(config_file) == [refusal] * refused


@pytest.mark.parametrize(("leads_to", "refused"), [("../outside", True), ("shared/terms", False)])
def test_a_record_folder_linked_out_of_the_git_repository_is_refused(
    tmp_path: Path, leads_to: str, refused: bool
) -> None:
    """Review rv65f: a pull request commits a symbolic link `glossary -> /etc` (git keeps
    one), and the folder named inside the repository led out of it all the same; one
    that leads to another folder of the repository is fine."""
    repository = tmp_path / "repository"
    (repository / ".git").mkdir(parents=True)
    (repository / "shared" / "terms").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    (repository / "glossary").symlink_to(repository / leads_to, target_is_directory=True)
    config_file = write_config(
        repository, "docs_dir: content\nplugins:\n  - handbook:\n      glossary_dir: glossary\n"
    )
    refusal = (
        "mkdocs.yml:4: glossary_dir 'glossary' is a symbolic link out of the git repository of "
        "mkdocs.yml: another clone of the handbook (CI's, another editor's) would not have what "
        "it leads to, and no pull request shows what that holds; keep the folder itself in the "
        "repository, as 'glossary'"
    )
    assert config_problems(config_file) == [refusal] * refused


@pytest.mark.usefixtures("stopped_clock")
def test_the_plugin_reads_exclude_docs_as_the_cli_does(tmp_path: Path) -> None:
    config_file = write_config(
        tmp_path,
        "site_name: X\ndocs_dir: content\nexclude_docs: |\n  drafts/\n\n  # notes\n"
        "  !drafts/ready.md\nplugins:\n  - handbook\n",
    )
    mkdocs_config = load_mkdocs_config(config_file=str(config_file))
    mkdocs_config.plugins.on_startup(command="build", dirty=False)
    mkdocs_config = mkdocs_config.plugins.on_config(mkdocs_config)
    from_plugin = mkdocs_config.plugins["handbook"].handbook_config
    assert from_plugin.exclude_docs == ("drafts/", "!drafts/ready.md")
    assert from_plugin == load_config(config_file)


@pytest.mark.usefixtures("stopped_clock")
@pytest.mark.parametrize("command", ["build", "serve"])
def test_the_plugin_reads_draft_docs_as_the_build_does(tmp_path: Path, command: str) -> None:
    """Session 64: `draft_docs` was read by neither: a draft module `mkdocs build` leaves
    out had its handout published and the training index linking to its missing page.
    `mkdocs serve` shows drafts, so there the plugin leaves none out."""
    config_file = write_config(
        tmp_path,
        "site_name: X\ndocs_dir: content\ndraft_docs: |\n  modules/draft-*.md\n"
        "plugins:\n  - handbook\n",
    )
    mkdocs_config = load_mkdocs_config(config_file=str(config_file))
    mkdocs_config.plugins.on_startup(command=command, dirty=False)
    mkdocs_config = mkdocs_config.plugins.on_config(mkdocs_config)
    from_plugin = mkdocs_config.plugins["handbook"].handbook_config
    from_cli = load_config(config_file)
    assert from_cli.draft_docs == ("modules/draft-*.md",)
    if command == "build":
        assert from_plugin == from_cli
    else:
        assert from_plugin == replace(from_cli, draft_docs=())


def test_draft_docs_must_be_patterns_in_a_string(tmp_path: Path) -> None:
    config_file = write_config(tmp_path, "site_name: X\ndocs_dir: content\ndraft_docs: [drafts]\n")
    assert config_problems(config_file) == [
        "mkdocs.yml:3: 'draft_docs' must be gitignore-style patterns, one a line, in one "
        "string (a `|` block)"
    ]


def test_a_config_reusing_an_anchor_often_is_no_alias_bomb(tmp_path: Path) -> None:
    """Audit: 60 aliases of a one-value mapping were refused as a bomb; MkDocs reads them."""
    reuses = "".join(f"  k{number}: *base\n" for number in range(60))
    text = f"site_name: X\ndocs_dir: content\nextra:\n  base: &base {{a: 1}}\n{reuses}"
    config_file = write_config(tmp_path, text + "plugins:\n  - handbook\n")
    load_config(config_file)
    assert load_mkdocs_config(config_file=str(config_file))["extra"]["k59"] == {"a": 1}


def test_the_build_stops_on_an_alias_bomb_before_mkdocs_expands_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Audit: the plugin named the bomb, then MkDocs wrote every setting into its debug
    log (`{value!r}`, expanding the aliases): ten levels took minutes and gigabytes
    before the build stopped. It stops at the plugin's error, nothing expanded."""
    levels = "".join(
        f"  {name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
        for previous, name in zip("abcd", "bcde", strict=True)
    )
    text = f"site_name: X\ndocs_dir: content\nextra:\n  a: &a [x, x, x, x, x, x, x, x, x]\n{levels}"
    config_file = write_config(tmp_path, text + "plugins:\n  - handbook\n")
    caplog.set_level(logging.DEBUG, logger="mkdocs")
    with pytest.raises(Exception, match="configuration error"):  # MkDocs' Abort
        load_mkdocs_config(config_file=str(config_file))
    assert "mkdocs.yml:4: refused: aliases would expand the document" in caplog.text
    assert "Config value 'extra' =" not in caplog.text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("docs_dir: contnet\n", "docs_dir 'contnet' is not a folder"),
        (
            "docs_dir: content\nplugins:\n  - handbook:\n      glossary_dir: glosary\n",
            "glossary_dir 'glosary' is not a folder",
        ),
        (
            "docs_dir: content\nplugins:\n  - handbook:\n      modules_dir: modles\n",
            "modules_dir 'modles' is not a folder (it is relative to docs_dir)",
        ),
        (
            "site_name: A\ndocs_dir: content\nsite_name: B\n",
            "mkdocs.yml:3: 'site_name' is set twice in one mapping (also at line 1)",
        ),
        (
            "docs_dir: content\nplugins:\n  - handbook:\n      rules: {}\n      rules: {}\n",
            "mkdocs.yml:5: 'rules' is set twice",
        ),
        (
            "site_name: A\nextra: " + "[" * 3000 + "]" * 3000 + "\n",
            "mkdocs.yml:2: nested too deeply",
        ),
        # found by fuzzing: each of these was a traceback
        ("site_name: a\x00b\n", "not valid YAML"),
        ("docs_dir: content\nplugins:\n  - handbook: {null: 1}\n", "unknown option 'None'"),
        ("docs_dir: content\nplugins:\n  - handbook: {rules: {5: off}}\n", "unknown rule '5'"),
        ("docs_dir: content\nplugins:\n  - handbook: {privacy: {allow: [1]}}\n", "list of strings"),
        ("docs_dir: content\nextra: !!timestamp 0000-01-01\n", "a value cannot be read"),
        ('docs_dir: "con\\0tent"\n', "'docs_dir' must be a folder's name"),
        ('docs_dir: "\\ud800"\n', "'docs_dir' must be a folder's name"),
        ("docs_dir: " + "a" * 300 + "\n", "'docs_dir' must be a folder's name"),
        ("docs_dir: content\nsite_dir: [public]\n", "mkdocs.yml:2: 'site_dir' must be a folder"),
        ("docs_dir: content\nsite_dir: glossary\n", "mkdocs.yml:2: site_dir 'glossary' holds"),
        ("docs_dir: content\nplugins:\n  - handbook: {glossary_dir: ''}\n", "'glossary_dir' must"),
        ("docs_dir: content\nsite_dir: .\n", "site_dir '.' holds glossary_dir 'glossary'"),
        ('site_name: !!float ""\ndocs_dir: content\n', "a value cannot be read"),
        ("docs_dir: content\nplugins:\n  - handbook: {glossary_dir: [x]}\n", "'glossary_dir' must"),
        ('docs_dir: content\nextra: "\\U00110000"\n', "a value cannot be read"),
        (
            "a: &a [x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
                for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
            )
            + "docs_dir: *i\n",
            "refused: aliases would expand the document to more than 10000 values",
        ),
    ],
)
def test_settings_that_would_check_nothing_or_hide_a_value_are_errors(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_config(write_config(tmp_path, text))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("docs_dir: content\ncopyright: 2024-13-45\n", "mkdocs.yml:2:12: a value cannot be read"),
        (
            "docs_dir: content\nextra:\n  day: 2024-02-30\n",
            "mkdocs.yml:3:8: a value cannot be read",
        ),
        ('docs_dir: content\nsite_name: !!float ""\n', "mkdocs.yml:2:12: a value cannot be read"),
        # Not a number at all, which the message said was too long to read (review rv55b).
        ("docs_dir: content\ncopyright: !!int x\n", "mkdocs.yml:2:12: a value cannot be read"),
    ],
)
def test_a_value_its_tag_cannot_hold_is_named_by_line_and_column(
    tmp_path: Path, text: str, message: str
) -> None:
    """`copyright: 2024-13-45` is a date to YAML that no calendar has: `mkdocs build` stops
    in a traceback on it, and the check named mkdocs.yml without a line (badux)."""
    with pytest.raises(ConfigError) as raised:
        load_config(write_config(tmp_path, text))
    (problem,) = raised.value.problems
    assert problem.startswith(message)
    assert ("in quotes" in problem) == ("2024" in text)


def test_a_timestamp_tag_on_no_date_says_so(tmp_path: Path) -> None:
    """`!!timestamp nope` said PyYAML's own failure ("'NoneType' object has no attribute
    'groupdict'"), which names nothing the editor wrote (review rv55b)."""
    with pytest.raises(ConfigError) as raised:
        load_config(write_config(tmp_path, "docs_dir: content\ncopyright: !!timestamp nope\n"))
    (problem,) = raised.value.problems
    assert problem.startswith("mkdocs.yml:2:12: a value cannot be read: 'nope' is no date"), problem
    assert "NoneType" not in problem


@pytest.mark.parametrize(
    ("settings", "problem"),
    [
        ("nav:\n  - Home: index.md\n  - Tip: javascript:alert(1)\n", "3:10: 'nav' links"),
        ("nav:\n  - Tip: [' vbscript:x']\n", "2:11: 'nav' links to a 'vbscript:' address"),
        ('repo_url: "java\\tscript:x"\n', "1:11: 'repo_url' links to a 'javascript:' address"),
        (
            "extra:\n  social:\n    - icon: x\n      link: '&#106;avascript:alert(1)'\n",
            "4:13: 'extra' links to a 'javascript:' address",
        ),
        (
            "theme:\n  name: material\n  x: {url: 'JAVASCRIPT:x'}\n",
            "3:12: 'theme' links to a 'javascript:' address",
        ),
        # Material's logo, in the header and the drawer of every page, links to it.
        ("extra:\n  homepage: javascript:alert(1)\n", "2:13: 'extra' links to a 'javascript:'"),
    ],
)
def test_a_script_address_in_mkdocs_yml_is_refused(
    tmp_path: Path, settings: str, problem: str
) -> None:
    """Audit: a `javascript:` link in the nav or among Material's social links was
    published, though the same link in a page is a link.unsafe error."""
    with pytest.raises(ConfigError) as raised:
        load_config(write_config(tmp_path, "docs_dir: content\n" + settings))
    line, rest = problem.split(":", 1)
    assert raised.value.problems[0].startswith(f"mkdocs.yml:{int(line) + 1}:{rest}")
    assert "runs code in the reader's browser" in raised.value.problems[0]


@pytest.mark.parametrize(
    "settings",
    [
        "nav:\n  - Home: index.md\n  - Bad: 'data:text/html,<script>alert(1)</script>'\n",
        "nav:\n  - Home: index.md\n  - Poster: ' DATA:image/svg+xml,<svg onload=go()>'\n",
        "extra:\n  social:\n    - icon: x\n      link: data:text/html;base64,PHNjcmlwdD4=\n",
    ],
)
def test_a_data_address_in_mkdocs_yml_is_refused(tmp_path: Path, settings: str) -> None:
    """Security review sec64: a `data:text/html,...` entry of `nav` was published on
    every page, though the same link in a page is a link.unsafe error."""
    with pytest.raises(ConfigError) as raised:
        load_config(write_config(tmp_path, "docs_dir: content\n" + settings))
    (problem,) = raised.value.problems
    line = len(settings.splitlines()) + 1
    assert problem.startswith(f"mkdocs.yml:{line}:"), problem
    assert "links to a 'data:' address, which holds a whole document" in problem


def test_a_picture_s_data_address_in_mkdocs_yml_is_no_problem(tmp_path: Path) -> None:
    config_file = write_config(
        tmp_path,
        "docs_dir: content\nnav:\n  - 'Data: what we keep': index.md\n"
        "extra:\n  homepage: 'data:image/png;base64,iVBORw0KGgo='\n  data: x\n",
    )
    assert load_config(config_file).docs_dir.name == "content"


def test_a_script_address_passes_where_link_unsafe_is_off_or_replaced(tmp_path: Path) -> None:
    """As in the pages, `rules: {link.unsafe: off}` lets it through (review); and a link
    of an inherited nav that the file replaces is not published."""
    off = "plugins:\n  - handbook:\n      rules: {link.unsafe: off}\n"
    nav = "nav:\n  - Tip: javascript:alert(1)\n"
    assert load_config(write_config(tmp_path, "docs_dir: content\n" + nav + off))
    (tmp_path / "base.yml").write_text(nav + "extra: {social: [{link: 'javascript:x'}]}\n")
    child = "INHERIT: base.yml\ndocs_dir: content\nnav: [index.md]\n"
    with pytest.raises(ConfigError) as raised:
        load_config(write_config(tmp_path, child))
    assert [problem.split(": ", 2)[1] for problem in raised.value.problems] == [
        "'extra' links to a 'javascript:' address, which runs code in the reader's browser;"
        " link to a page or a web address instead"
    ]
    assert raised.value.problems[0].startswith("base.yml:3:")
    # The file's own social links replace the inherited ones: none of those is published
    # (review); other settings of `extra` are merged and replace nothing.
    child += "extra: {social: [{link: 'https://example.org'}]}\n"
    assert load_config(write_config(tmp_path, child))
    child = child.replace("social: [{link: 'https://example.org'}]", "analytics: {}")
    with pytest.raises(ConfigError, match="'extra' links to a 'javascript:' address"):
        load_config(write_config(tmp_path, child))


def test_words_about_script_in_mkdocs_yml_are_no_address(tmp_path: Path) -> None:
    config_file = write_config(
        tmp_path,
        "docs_dir: content\nnav:\n  - 'JavaScript: a primer': index.md\n"
        "extra:\n  note: 'javascript: never needed'\n  social:\n    - link: https://x.org\n",
    )
    assert load_config(config_file).docs_dir.name == "content"


def test_known_acronyms_the_rule_can_meet_or_that_may_be_meant_are_accepted(
    tmp_path: Path,
) -> None:
    """Review: `NGOs` covers the word as written, and `PhD` is no acronym to rewrite."""
    known = ["FBI", "NGOs", "PhD", "INTERPOL", "T-visa"]
    config_file = write_config(
        tmp_path, f"docs_dir: content\nplugins:\n  - handbook:\n      known_acronyms: {known}\n"
    )
    assert load_config(config_file).known_acronyms == frozenset(known)


def test_folders_left_at_their_defaults_may_be_missing(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, "site_name: X\n", folders=()))
    assert not config.glossary_dir.exists()


_SLASHES = "paths are written with '/' (outside Windows a '\\' is part of a name)"
_CASE = "differing in case only (names are case-sensitive on Linux, as on CI)"


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "glossary_dir: Glossary",
            f"glossary_dir 'Glossary' is not a folder: there is 'glossary', {_CASE}",
        ),
        (
            "glossary_dir: glossary\\",
            f"glossary_dir 'glossary\\' is not a folder: {_SLASHES}: write 'glossary/'",
        ),
        (
            "glossary_dir: .\\glossary",
            f"glossary_dir '.\\glossary' is not a folder: {_SLASHES}: write './glossary'",
        ),
        (
            "glossary_dir: .\\Glossary",
            f"glossary_dir '.\\Glossary' is not a folder: {_SLASHES}, and there is "
            f"'./glossary', {_CASE}",
        ),
        ("glossary_dir: glosary\\", f"glossary_dir 'glosary\\' is not a folder: {_SLASHES}"),
        (
            "protocols_dir: data\\Protocols",
            f"protocols_dir 'data\\Protocols' is not a folder: {_SLASHES}, and there is "
            f"'data/protocols', {_CASE}",
        ),
        (
            "modules_dir: Modules",
            "modules_dir 'Modules' is not a folder (it is relative to docs_dir): there is "
            f"'modules', {_CASE}",
        ),
    ],
)
@pytest.mark.parametrize("require_folders", [True, False])  # to check, and to `new`
def test_a_folder_written_as_windows_reads_it_is_named_with_the_folder_meant(
    tmp_path: Path, setting: str, message: str, require_folders: bool
) -> None:
    """Audit: `Glossary` and `glossary\\` name `glossary/` on Windows alone; CI said only
    "is not a folder", and `handbook new` made a second glossary beside the first."""
    config_file = write_config(
        tmp_path,
        f"docs_dir: content\nplugins:\n  - handbook:\n      {setting}\n",
        folders=("content/modules", "glossary", "data/protocols"),
    )
    with pytest.raises(ConfigError) as raised:
        load_config(config_file, require_folders=require_folders)
    assert raised.value.problems == (f"mkdocs.yml:4: {message}",)


def test_a_default_folder_in_another_case_is_named(tmp_path: Path) -> None:
    """`glossary/` may be missing, but not beside `Glossary/`: Linux reads no term in it,
    and `handbook new` would start a second glossary."""
    config_file = write_config(tmp_path, "docs_dir: content\n", folders=("content", "Glossary"))
    for require_folders in (True, False):
        with pytest.raises(ConfigError) as raised:
            load_config(config_file, require_folders=require_folders)
        assert raised.value.problems == (
            f"mkdocs.yml: glossary_dir 'glossary' is not a folder: there is 'Glossary', {_CASE}",
        )


def test_docs_dir_written_as_windows_reads_it_is_named_with_the_folder_meant(
    tmp_path: Path,
) -> None:
    config_file = write_config(tmp_path, "docs_dir: Content\\\n")
    with pytest.raises(ConfigError) as raised:
        load_config(config_file)
    assert raised.value.problems == (
        f"mkdocs.yml:1: docs_dir 'Content\\' is not a folder: {_SLASHES}, and there is "
        f"'content/', {_CASE}",
    )


@pytest.mark.parametrize(
    ("named", "message"),
    [
        ("MkDocs.yml", f"MkDocs.yml: no such file: there is 'mkdocs.yml', {_CASE}"),
        (".\\mkdocs.yml", f".\\mkdocs.yml: no such file: {_SLASHES}: write './mkdocs.yml'"),
        (
            "site\\Mkdocs.yml",
            f"site\\Mkdocs.yml: no such file: {_SLASHES}, and there is 'site/mkdocs.yml', {_CASE}",
        ),
        ("site/mkdocs.yaml", "site/mkdocs.yaml: no such file"),
    ],
)
def test_a_config_file_named_as_windows_reads_it_is_named_with_the_file_meant(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: str, message: str
) -> None:
    """Audit: `-f MkDocs.yml` and `-f .\\mkdocs.yml` were "no such file" with no hint."""
    write_config(tmp_path / "site", "docs_dir: content\n")
    write_config(tmp_path, "docs_dir: content\n")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as raised:
        load_config(Path(named), shown_as=named)
    assert raised.value.problems == (message,)


@pytest.mark.parametrize("modules_dir", ["modules", "training/modules", "sub/../modules", "."])
def test_a_modules_dir_inside_docs_dir_is_one(tmp_path: Path, modules_dir: str) -> None:
    config_file = write_config(
        tmp_path,
        f"docs_dir: content\nplugins:\n  - handbook:\n      modules_dir: {modules_dir}\n",
        folders=("content/modules", "content/training/modules", "content/sub"),
    )
    config = load_config(config_file)
    assert config.modules_dir == (config.docs_dir / modules_dir).resolve()


def test_handbook_today_sets_the_day_reviews_fall_due(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", "2027-03-01")
    assert load_config(write_config(tmp_path, "docs_dir: content\n")).today == dt.date(2027, 3, 1)
    monkeypatch.setenv("HANDBOOK_TODAY", "next week")
    with pytest.raises(ConfigError, match="HANDBOOK_TODAY is 'next week'; expected a date"):
        load_config(write_config(tmp_path, "docs_dir: content\n"))


def test_a_config_that_is_no_regular_file_is_refused_not_waited_on(tmp_path: Path) -> None:
    """Found by fuzzing: `-f /dev/zero` read for ever, and a named pipe waits for a
    writer."""
    pipe = tmp_path / "mkdocs.yml"
    os.mkfifo(pipe)
    with pytest.raises(ConfigError, match=r"mkdocs\.yml: cannot be read: not a regular file"):
        load_config(pipe)


def test_yaml_merge_keys_are_read_as_mkdocs_reads_them(tmp_path: Path) -> None:
    """`<<: *common` merges a mapping, as PyYAML (and MkDocs) reads it: no key set twice."""
    (tmp_path / "content").mkdir()
    (tmp_path / "terms").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        "site_name: T\ndocs_dir: content\nx-common: &common\n  glossary_dir: terms\n"
        "plugins:\n  - handbook:\n      <<: *common\n      known_acronyms: [FBI]\n",
        encoding="utf-8",
    )
    config = load_config(config_file)
    assert (config.glossary_dir, config.known_acronyms) == (tmp_path / "terms", {"FBI"})


# Numbers of thousands of digits, as YAML 1.1 writes them: Python refuses to print them
# (hex, binary and octal are read without a limit) or to read them (decimal).
_LONG_NUMBERS = {
    "hex": "0x" + "f" * 5000,
    "binary": "0b" + "1" * 20000,
    "octal": "0" + "7" * 6000,
    "decimal": "9" * 5000,
}


@pytest.mark.parametrize("form", list(_LONG_NUMBERS))
@pytest.mark.parametrize(
    ("setting", "line", "message"),
    [
        ("site_url: {n}\n", 2, "site_url {shown} is no web address"),
        ("docs_dir: {n}\n", 2, "'docs_dir' must be a folder's name (found {shown})"),
        ("site_dir: [{n}]\n", 2, "'site_dir' must be a folder's name (found [{shown}])"),
        ("strict: {n}\n", 2, "'strict' is {shown}; expected true or false"),
        ("use_directory_urls: {n}\n", 2, "'use_directory_urls' is {shown}; expected true or"),
        ("theme:\n  name: material\n  language: {n}\n", 4, "{shown}"),
        ("plugins:\n  - handbook:\n      glossary_dir: {n}\n", 4, "(found {shown})"),
        ("plugins:\n  - handbook:\n      rules: {{term.avoid: {n}}}\n", 4, "is {shown};"),
    ],
)
def test_a_number_of_thousands_of_digits_is_named_at_its_line_as_written(
    tmp_path: Path, form: str, setting: str, line: int, message: str
) -> None:
    """Found by fuzzing: printing such a number in the message stopped with a traceback."""
    written = _LONG_NUMBERS[form]
    config_file = write_config(tmp_path, "site_name: X\n" + setting.format(n=written))
    with pytest.raises(ConfigError) as raised:
        load_config(config_file, refuse_site_url=True)
    shown = written[:60] + "…"
    if form == "decimal":  # more digits than Python reads: MkDocs stops on it too
        message = f"the number {shown} has 5000 characters, more than Python or MkDocs"
    assert str(raised.value).startswith(f"mkdocs.yml:{line}: ")
    assert message.format(shown=shown) in str(raised.value)
    assert len(str(raised.value)) < 1000


@pytest.mark.parametrize("form", ["hex", "binary", "octal"])
def test_a_site_name_of_thousands_of_digits_is_read_as_written(tmp_path: Path, form: str) -> None:
    written = _LONG_NUMBERS[form]
    config = load_config(write_config(tmp_path, f"site_name: {written}\n"))
    assert config.site_name == written[:60] + "…"


def test_a_number_mkdocs_read_for_the_plugin_is_shown_without_a_traceback() -> None:
    """The build passes the plugin the numbers MkDocs read, plain `int`s."""
    number = int("f" * 5000, 16)
    assert as_written(number) == "0x" + "f" * 58 + "…"
    assert as_written(12) == "12"
    assert "holding a number of thousands of digits" in as_written([number])


# mkdocs.yml is a file a pull request may change too: a key or value it quotes holds a
# line break, and the workflow command after it (review rv37).
_COMMAND = "::error file=README.md::Approved"


@pytest.mark.parametrize(
    "options",
    [
        f'rules: {{"x\\n{_COMMAND}": off}}\n',
        f'rules: {{term.avoid: "x\\n{_COMMAND}"}}\n',
        f'"x\\n{_COMMAND}": 1\n',  # an unknown option
    ],
)
def test_a_problem_of_mkdocs_yml_quoting_a_line_break_is_said_on_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, options: str
) -> None:
    """`handbook check` and the build named a rule id or a level as written: a pull
    request's mkdocs.yml started a line of CI's log with the workflow command it holds."""
    config_file = write_config(
        tmp_path, f"site_name: X\ndocs_dir: content\nplugins:\n  - handbook:\n      {options}"
    )
    with pytest.raises(ConfigError) as raised:
        load_config(config_file)
    assert raised.value.problems, raised.value
    assert all("\n" not in problem for problem in raised.value.problems), raised.value.problems
    assert "\\n" + _COMMAND in str(raised.value)
    with pytest.raises(Exception, match="configuration error"):  # MkDocs' Abort
        load_mkdocs_config(config_file=str(config_file))
    lines = [line for record in caplog.records for line in record.getMessage().splitlines()]
    assert "\\n" + _COMMAND in caplog.text
    assert not [line for line in lines if line.lstrip().startswith("::")], lines


def test_an_unknown_rule_of_mkdocs_yml_read_from_standard_input_is_named_on_one_line(
    tmp_path: Path,
) -> None:
    """`mkdocs build -f -` (mkdocs.yml from standard input, not re-read by the plugin):
    the build's own refusal of an unknown rule id named it as written (review rv37)."""
    import io

    from mkdocs.exceptions import PluginError

    text = (
        f"site_name: X\ndocs_dir: {tmp_path}\nplugins:\n  - handbook:\n"
        f'      rules: {{"x\\n{_COMMAND}": off}}\n'
    )
    mkdocs_config = load_mkdocs_config(config_file=io.StringIO(text))
    mkdocs_config.plugins.on_startup(command="build", dirty=False)
    with pytest.raises(PluginError) as raised:
        mkdocs_config.plugins.on_config(mkdocs_config)
    assert str(raised.value) == f"handbook: unknown rule id(s) in 'rules': x\\n{_COMMAND}"
