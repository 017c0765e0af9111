"""Files that pymdownx.snippets includes in pages are checked at their own path, once,
with every page rule: outside docs_dir, left out by exclude_docs, in part (line ranges,
sections), nested, auto-appended; `handbook check`, warm or cold, and `mkdocs build`
agree. The names are read as the extension reads them (held in step with it here)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import markdown
import pytest
from handbooks import make_handbook
from mkdocs.commands.build import build
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.exceptions import Abort, PluginError

from coalition_handbook.check import run_checks
from coalition_handbook.config import ConfigError, load_config
from coalition_handbook.findings import Finding
from coalition_handbook.model.pages import load_page
from coalition_handbook.model.snippets import find_inclusions
from coalition_handbook.snippet_settings import SnippetSettings, snippet_settings

CONTACT = "Ask Dana at 402-555-0142 about vagrant people.\n"
PAGE = "# Home\n\nA calm page.\n"


@pytest.fixture(autouse=True)
def cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")


def with_snippets(config_file: Path, options: str = "{}", exclude: str = "") -> Path:
    text = config_file.read_text(encoding="utf-8")
    text += f"markdown_extensions:\n  - pymdownx.snippets: {options}\n"
    if exclude:
        text += f"exclude_docs: |\n  {exclude}\n"
    config_file.write_text(text, encoding="utf-8")
    return config_file


def found(config_file: Path) -> list[tuple[str, int, int, str]]:
    result = run_checks(load_config(config_file))
    return [(item.path, item.line, item.column, item.rule) for item in result.findings]


def test_included_files_are_checked_at_their_own_place(tmp_path: Path) -> None:
    page = (
        "# Home\n\n"
        '--8<-- "includes/contact.md"\n\n'
        "--8<--\nincludes/block.md\n; includes/commented.md\n--8<--\n\n"
        '--8<-- "includes/part.md:2:2"\n\n'
        '--8<-- "content/snippets/sec.md:a"\n\n'
        '--8<-- "content/kept.md"\n\n'
        '--8<-- "includes/missing.md"\n\n'
        ';--8<-- "includes/escaped.md"\n'
    )
    config_file = make_handbook(
        tmp_path,
        page=page,
        **{
            "includes__contact.md": CONTACT,
            "includes__block.md": 'A vagrant.\n--8<-- "includes/nested.md"\n',
            "includes__nested.md": "Nested vagrant.\n",
            "includes__commented.md": "Not included: vagrant.\n",
            "includes__escaped.md": "Not included: vagrant.\n",
            "includes__part.md": "Fine.\nLine two vagrant.\nLine three vagrant.\n",
            "content__snippets__sec.md": (
                "--8<-- [start:a]\nSection vagrant.\n--8<-- [end:a]\nOutside vagrant.\n"
            ),
            # a page of the site too: checked once, as the page it is
            "content__kept.md": "<!-- handbook-disable-next-line term.avoid -->\nA vagrant.\n",
        },
    )
    with_snippets(config_file, exclude="snippets/")
    assert found(config_file) == [
        ("content/snippets/sec.md", 2, 9, "term.avoid"),
        ("includes/block.md", 1, 3, "term.avoid"),
        ("includes/contact.md", 1, 13, "privacy.pii"),
        ("includes/contact.md", 1, 32, "term.avoid"),
        ("includes/nested.md", 1, 8, "term.avoid"),
        ("includes/part.md", 2, 10, "term.avoid"),
    ]


def test_auto_append_base_paths_and_suppressions(tmp_path: Path) -> None:
    config_file = make_handbook(
        tmp_path,
        page='# Home\n\n--8<-- "contact.md"\n\n--8<-- "../secret.md"\n',
        **{
            "parts__contact.md": (
                "<!-- handbook-disable-next-line privacy.pii -->\n" + CONTACT + CONTACT
            ),
            "parts__glossary.md": "*[VG]: vagrant\n",
            "secret.md": "A vagrant, outside every base path.\n",
        },
    )
    with_snippets(config_file, "{base_path: [parts], auto_append: [glossary.md]}")
    assert found(config_file) == [
        ("parts/contact.md", 2, 32, "term.avoid"),
        ("parts/contact.md", 3, 13, "privacy.pii"),
        ("parts/contact.md", 3, 32, "term.avoid"),
        ("parts/glossary.md", 1, 8, "term.avoid"),
    ]


def test_remote_snippets_are_named_once(tmp_path: Path) -> None:
    url = "https://example.org/contact.md"
    page = f'# Home\n\n--8<-- "{url}"\n\n  --8<-- "{url}"\n'
    config_file = with_snippets(make_handbook(tmp_path, page=page), "{url_download: true}")
    result = run_checks(load_config(config_file))
    (finding,) = result.findings
    assert (finding.path, finding.line, finding.column, finding.rule) == (
        "content/index.md",
        3,
        9,
        "page.source",
    )
    assert finding.severity.value == "warning"
    assert url in finding.message


def test_a_remote_snippet_s_token_is_not_repeated_in_the_message(tmp_path: Path) -> None:
    """Review rv65f: a private file is included with a token before its host (as GitHub's
    raw files take one), and the warning (in the CI log, `--format github`) repeated it."""
    url = "https://ghp_s3cretToken@raw.githubusercontent.com/org/private/main/contact.md"
    page = f'# Home\n\n--8<-- "{url}"\n'
    config_file = with_snippets(make_handbook(tmp_path, page=page), "{url_download: true}")
    (finding,) = run_checks(load_config(config_file)).findings
    assert finding.rule == "page.source"
    assert "https://***@raw.githubusercontent.com/org/private/main/contact.md" in finding.message
    assert "s3cret" not in finding.message


def test_a_warm_check_sees_an_edited_included_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HANDBOOK_NO_CACHE")
    config_file = make_handbook(
        tmp_path, page='# Home\n\n--8<-- "includes/a.md"\n', **{"includes__a.md": "Fine.\n"}
    )
    with_snippets(config_file)
    assert found(config_file) == []
    (tmp_path / "includes" / "a.md").write_text("A vagrant.\n", encoding="utf-8")
    assert found(config_file) == [("includes/a.md", 1, 3, "term.avoid")]


def test_the_build_reports_what_the_check_does(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_file = make_handbook(
        tmp_path, page='# Home\n\n--8<-- "includes/a.md"\n', **{"includes__a.md": CONTACT}
    )
    with_snippets(config_file)
    monkeypatch.chdir(tmp_path)  # where the extension reads its base path from, as `mkdocs build`
    with caplog.at_level(logging.INFO, logger="mkdocs"), pytest.raises((Abort, PluginError)):
        build(load_mkdocs_config(str(config_file)))
    logged = [record.getMessage() for record in caplog.records]
    assert "includes/a.md:1:13: privacy.pii '402-***-**42' looks like" in " ".join(logged)
    assert any(message.startswith("includes/a.md:1:32: term.avoid") for message in logged)


@pytest.mark.parametrize(
    ("extensions", "settings"),
    [
        (["toc"], None),
        (["pymdownx.snippets"], SnippetSettings()),
        ([{"pymdownx.snippets": None}], SnippetSettings()),
        (
            {"pymdownx.snippets": {"base_path": "docs", "auto_append": ["a.md"]}},
            SnippetSettings(base_paths=("docs",), auto_append=("a.md",)),
        ),
        (
            ["pymdownx.snippets:SnippetExtension"],
            SnippetSettings(),
        ),
        (
            [{"pymdownx.snippets": {"restrict_base_path": False, "url_download": True}}],
            SnippetSettings(restrict_base_path=False, url_download=True),
        ),
    ],
)
def test_settings_are_read_as_mkdocs_lists_extensions(
    extensions: object, settings: SnippetSettings | None
) -> None:
    assert snippet_settings(extensions, "mkdocs.yml:9") == (settings, [])


def test_a_base_path_that_is_no_path_is_named(tmp_path: Path) -> None:
    config_file = with_snippets(make_handbook(tmp_path), "{base_path: {a: 1}}")
    with pytest.raises(ConfigError) as raised:
        load_config(config_file)
    (problem,) = raised.value.problems
    assert problem.startswith("mkdocs.yml:7: pymdownx.snippets' 'base_path' must be a path")


# Names and selections, as the extension's own preprocessor reads them.
SNIPPET_LINES = [f"line {number}" for number in range(1, 8)]
SNIPPET_LINES[2] = "--8<-- [start:part]"
SNIPPET_LINES[4] = ";--8<-- [end:other]"
SNIPPET_LINES[5] = "--8<-- [end:part]"


@pytest.mark.parametrize(
    "name",
    [
        "a.md",
        "a.md:2",
        "a.md:2:3",
        "a.md::3",
        "a.md:-2",
        "a.md:-3:-2",
        "a.md:1:2,5:6",
        "a.md:5:6,1:2",
        "a.md:2:1",
        "a.md:part",
        "a.md:other",
        "a.md:Part",
    ],
)
def test_the_lines_published_are_those_the_extension_selects(tmp_path: Path, name: str) -> None:
    config_file = make_handbook(
        tmp_path, page=f'# Home\n\n--8<-- "{name}"\n', **{"a.md": "\n".join(SNIPPET_LINES)}
    )
    config = load_config(with_snippets(config_file))
    page = load_page(tmp_path / "content" / "index.md", config)
    assert config.snippets is not None
    inclusions = find_inclusions([page], config.snippets, tmp_path, str, "mkdocs.yml")
    published = inclusions.files.get(str(tmp_path / "a.md"), frozenset())
    numbers = range(1, len(SNIPPET_LINES) + 1) if published is None else sorted(published)
    ours = [SNIPPET_LINES[number - 1] for number in numbers]
    extension = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": [str(tmp_path)]}},
    )
    theirs = extension.preprocessors["snippet"].run([f'--8<-- "{name}"'])
    # The extension leaves section markers out, and takes the `;` off an escaped one.
    shown = [line.replace(";--8<--", "--8<--") for line in ours if not line.startswith("--8<--")]
    assert sorted(shown) == sorted(theirs)


EMOJI = (
    "  - pymdownx.emoji:\n"
    "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n"
)


def test_emoji_and_included_images_from_elsewhere_are_named_at_their_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Audit F7: an emoji's image comes from a CDN the source never names; its note gives
    the shortcode's line and advice that fits a shortcode (no file to copy). An image in
    an included file is named at that file's line, not as the including page alone."""
    page = '# Home\n\nA :smile: and a :material-phone:.\n\n--8<-- "includes/img.md"\n'
    config_file = make_handbook(
        tmp_path, page=page, **{"includes__img.md": "![logo](https://example.org/logo.png)\n"}
    )
    with_snippets(config_file)
    config_file.write_text(config_file.read_text(encoding="utf-8") + EMOJI, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build(load_mkdocs_config(str(config_file)))
    named = sorted(
        record.getMessage()
        for record in caplog.records
        if "is on another host" in record.getMessage()
    )
    places = [message.split(" is on")[0] for message in named]
    assert places[0].startswith("content/index.md:3: https://cdn.jsdelivr.net/gh/jdecked/twemoji")
    assert places[1:] == ["includes/img.md:1: https://example.org/logo.png"]
    emoji_note, image_note = named
    assert "the emoji :smile:" in emoji_note
    assert "pymdownx.emoji.to_alt" in emoji_note
    assert "Copy the file" not in emoji_note
    assert "Copy the file into content/" in image_note


@pytest.mark.parametrize(
    ("base_path", "page_name", "include"),
    [
        ("!relative $config_dir/includes", "index.md", "contact.md"),
        ("!relative $docs_dir/parts", "index.md", "contact.md"),
        ("!relative ", "index.md", "parts/contact.md"),
    ],
)
def test_relative_base_paths_are_read_as_mkdocs_reads_them(
    tmp_path: Path, base_path: str, page_name: str, include: str
) -> None:
    """Review rv7 #1: MkDocs' `!relative` tag was read as a folder literally named
    `$config_dir/includes`, so that the files it leads to went unchecked."""
    config_file = make_handbook(
        tmp_path,
        page=f'# Home\n\n--8<-- "{include}"\n',
        **{"includes__contact.md": CONTACT, "content__parts__contact.md": CONTACT},
    )
    with_snippets(config_file, f"{{base_path: {base_path}}}", exclude="parts/")
    paths = {path for path, _, _, _ in found(config_file)}
    assert paths == {
        "includes/contact.md" if "config_dir" in base_path else "content/parts/contact.md"
    }


@pytest.mark.parametrize("written", ['"false"', "0", "null", "no"])
def test_options_are_read_as_the_extension_reads_them(tmp_path: Path, written: str) -> None:
    """Review rv7 #3: `restrict_base_path: "false"` (or 0, null) is False to the build."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.md").write_text(CONTACT, encoding="utf-8")
    config_file = make_handbook(tmp_path / "hb", page='# Home\n\n--8<-- "../outside/secret.md"\n')
    with_snippets(config_file, f"{{restrict_base_path: {written}}}")
    assert ("../outside/secret.md", 1, 13, "privacy.pii") in found(config_file)


def test_files_included_in_code_blocks_are_read_as_code(tmp_path: Path) -> None:
    """Review rv7 #2: a data or code file included in a fence is shown as code, line by
    line, as the same lines written in the fence are: no term rules, no address or number
    read across its lines."""
    page = (
        '# Home\n\n```text\n--8<-- "includes/table.csv"\n```\n\n'
        '```python\n--8<-- "includes/code.py"\n```\n\n'
        '```python\n--8<-- "includes/nests.md"\n```\n\n--8<-- "includes/prose.md"\n'
    )
    code = 'def f():\n    # the vagrant case\n    return "vagrant"\n'
    config_file = make_handbook(
        tmp_path,
        page=page,
        **{
            "includes__table.csv": "id,count\n402\n555\n0142\n",
            "includes__code.py": code,
            "includes__nests.md": 'A vagrant.\n--8<-- "includes/nested.py"\n',
            "includes__nested.py": "x = 'vagrant'\n",
            "includes__prose.md": 'A vagrant.\n```\n--8<-- "includes/sample.txt"\n```\n',
            "includes__sample.txt": "vagrant 402-555-0142\n",
        },
    )
    with_snippets(config_file)
    assert found(config_file) == [
        ("includes/prose.md", 1, 3, "term.avoid"),
        ("includes/sample.txt", 1, 9, "privacy.pii"),
    ]


def test_includes_nested_too_deep_are_named(tmp_path: Path) -> None:
    """Review rv7 #6: the walk stops where the extension does, and says so."""
    files = {
        f"chain__c{number}.md": f'Level {number}.\n--8<-- "chain/c{number + 1}.md"\n'
        for number in range(1, 1000)
    }
    config_file = make_handbook(tmp_path, page='# Home\n\n--8<-- "chain/c1.md"\n', **files)
    with_snippets(config_file)
    (warning,) = run_checks(load_config(config_file)).findings
    assert warning.rule == "page.source"
    assert warning.path.startswith("chain/c")
    assert "nested too deep" in warning.message


def test_include_lines_are_not_read_as_published_text(tmp_path: Path) -> None:
    """Review rv7 #5: the extension replaces an include line (a block's names, a section
    marker) by the file's text, so the name it gives is never published: no term rule
    reads it. Escaped, the line is published (its `;` taken off), and read."""
    page = (
        '# Home\n\n--8<-- "vagrant-help.md"\n\n'
        "--8<--\nvagrant-block.md\n--8<--\n\n"
        ';--8<-- "vagrant-escaped.md"\n\n'
        'Sent to 402-555-0142.md: --8<-- "vagrant-inline.md"\n\n'
        '--8<-- "vagrant-sections.md"\n\n'
        '--8<-- "call Dana at 402-555-0142.md"\n'
    )
    config_file = make_handbook(
        tmp_path,
        page=page,
        **{
            "vagrant-help.md": "Fine text.\n",
            "vagrant-block.md": "Fine text.\n",
            "vagrant-sections.md": (
                "--8<-- [start:vagrant]\nFine text.\n--8<-- [end:vagrant]\n"
                ";--8<-- [start:vagrant]\n"
            ),
        },
    )
    with_snippets(config_file)
    assert found(config_file) == [
        ("content/index.md", 9, 10, "term.avoid"),
        ("content/index.md", 11, 9, "privacy.pii"),
        ("content/index.md", 11, 34, "term.avoid"),
        # Personal data in a name is still reported: the name goes where the repository does.
        ("content/index.md", 15, 22, "privacy.pii"),
        ("vagrant-sections.md", 4, 16, "term.avoid"),
    ]


def test_abbreviations_of_included_files_explain_acronyms(tmp_path: Path) -> None:
    """Review rv8 #2: an abbreviation defined in a file a page includes (auto_append, as
    Material's abbreviation glossary does) is shown in a tooltip on the page, and in the
    included text of every page that defines it."""
    page = (
        '# Home\n\nThe WXYZ and QRST and UVWX and PQRS.\n\n--8<-- "abbr2.md"\n\n--8<-- "part.md"\n'
    )
    config_file = make_handbook(
        tmp_path,
        page=page,
        **{
            "includes__abbreviations.md": "*[WXYZ]: Some thing\n*[QRST] : Other\n",
            "includes__abbr2.md": "*[UVWX]: thing\n",
            "includes__part.md": "Also UVWX and ZZYX.\n",
        },
    )
    with_snippets(config_file, "{base_path: [includes], auto_append: [abbreviations.md]}")
    assert found(config_file) == [
        ("content/index.md", 3, 32, "term.unknown-acronym"),
        ("includes/part.md", 1, 15, "term.unknown-acronym"),
    ]


class _Watching:
    """Stands for `mkdocs serve`'s server: what it is asked to watch."""

    def __init__(self) -> None:
        self.watched: list[tuple[Path, bool]] = []

    def watch(self, path: str, *, recursive: bool = True) -> None:
        self.watched.append((Path(path), recursive))

    def unwatch(self, path: str) -> None:
        pass


def test_serve_watches_the_folders_of_included_files(tmp_path: Path) -> None:
    """Review rv7 #12: an included file outside docs_dir, edited during `mkdocs serve`,
    neither rebuilt the site nor checked it again. Its folder is watched, once, and not
    its subfolders (the repository's folder holds site_dir); docs_dir is MkDocs'."""
    page = '# Home\n\n--8<-- "includes/a.md"\n\n--8<-- "top.md"\n\n--8<-- "content/part.md"\n'
    config_file = make_handbook(
        tmp_path,
        page=page,
        **{"includes__a.md": "Fine.\n", "top.md": "Top.\n", "content__part.md": "Part.\n"},
    )
    with_snippets(config_file, exclude="part.md")
    config = load_mkdocs_config(str(config_file))
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    server = _Watching()
    config.plugins.on_serve(server, config=config, builder=None)
    config.plugins.on_pre_build(config=config)  # a rebuild watches no folder twice
    included = [(path, recursive) for path, recursive in server.watched if not recursive]
    assert included == [((tmp_path / "includes").resolve(), False), (tmp_path.resolve(), False)]


def test_an_image_from_elsewhere_is_named_in_the_files_its_page_includes(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review rv7 #8: an image a page's included file shows was named at the first file
    of the whole site that has it, maybe one the page does not include."""
    image = "![logo](https://cdn.example.org/logo.png)\n"
    config_file = make_handbook(
        tmp_path,
        page='# Home\n\n--8<-- "content/part.md"\n',
        **{
            "content__part.md": image,
            "content__other.md": '# Other\n\n--8<-- "includes/f.md"\n',
            "includes__f.md": "One.\n\n" + image,
        },
    )
    with_snippets(config_file)
    monkeypatch.chdir(tmp_path)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build(load_mkdocs_config(str(config_file)))
    places = sorted(
        record.getMessage().split(" is on")[0]
        for record in caplog.records
        if "is on another host" in record.getMessage()
    )
    url = "https://cdn.example.org/logo.png"
    assert places == [f"content/part.md:1: {url}"] * 2 + [f"includes/f.md:3: {url}"]


def test_a_remote_snippet_of_auto_append_is_named_where_mkdocs_yml_names_it(
    tmp_path: Path,
) -> None:
    """Review rv7 #9: it was named at mkdocs.yml's first line."""
    url = "https://example.org/abbreviations.md"
    config_file = make_handbook(tmp_path)
    with_snippets(config_file, f"\n      url_download: true\n      auto_append:\n        - {url}")
    (finding,) = run_checks(load_config(config_file)).findings
    lines = config_file.read_text(encoding="utf-8").split("\n")
    line = next(number for number, text in enumerate(lines, 1) if url in text)
    assert (finding.path, finding.line, finding.column) == ("mkdocs.yml", line, 11)
    assert url in finding.message


def test_a_missing_file_is_an_error_where_check_paths_stops_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review rv9 M2: with `check_paths: true` the build stopped on a file not found with
    a traceback (SnippetMissingError), after a check that said nothing. The check names
    it at its include line, and the plugin's check stops the build with that message
    before anything is rendered. Without check_paths the extension skips it: silent."""
    page = '# Home\n\nA calm page.\n\n  --8<-- "includes/missing.md"\n'
    config_file = make_handbook(tmp_path, page=page)
    error = error_with_check_paths_only(config_file)
    assert (error.path, error.line, error.column, error.rule) == (
        "content/index.md",
        5,
        11,
        "page.source",
    )
    assert error.severity.value == "error"
    assert "'includes/missing.md'" in error.message and "check_paths" in error.message

    monkeypatch.chdir(tmp_path)  # where the extension reads its base path from, as `mkdocs build`
    with caplog.at_level(logging.INFO, logger="mkdocs"), pytest.raises((Abort, PluginError)):
        build(load_mkdocs_config(str(config_file)))
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "content/index.md:5:11: page.source includes 'includes/missing.md'" in logged


def error_with_check_paths_only(config_file: Path) -> Finding:
    """The one finding of the site at `config_file` with snippets' `check_paths` on,
    where with it off (the extension skips what it cannot find) there is none."""
    config_yml = config_file.read_text(encoding="utf-8")
    with_snippets(config_file)
    assert found(config_file) == []
    config_file.write_text(config_yml, encoding="utf-8")
    with_snippets(config_file, "{check_paths: true}")
    (error,) = run_checks(load_config(config_file)).findings
    return error


SECTIONED = "Intro.\n<!-- --8<-- [start:sec] -->\nSection text.\n<!-- --8<-- [end:sec] -->\n"


@pytest.mark.parametrize(
    ("page", "line", "column", "says"),
    [
        ('--8<-- "includes/sec.md:nosuch"', 5, 9, "the section 'nosuch' of 'includes/sec.md'"),
        ('--8<-- ":3"', 5, 9, "includes ':3' with pymdownx.snippets: lines or a section, but"),
        ("--8<--\nincludes/sec.md:nosuch\n--8<--", 6, 1, "the section 'nosuch'"),
        # an end marker before the start: the extension finds no section there either
        ('--8<-- "includes/ended.md:sec"', 5, 9, "the section 'sec' of 'includes/ended.md'"),
        # in an included file, at its own line
        ('--8<-- "includes/nests.md"', 2, 11, "the section 'gone' of 'includes/sec.md'"),
    ],
)
def test_a_missing_section_or_a_name_of_no_file_is_an_error_where_check_paths_stops(
    tmp_path: Path, page: str, line: int, column: int, says: str
) -> None:
    """Review rv10 M1: with `check_paths: true` these stopped `mkdocs build` with the
    extension's traceback (SnippetMissingError) after a check that said nothing. The check
    names the include line, as for a file not found; without check_paths: silent."""
    config_file = make_handbook(
        tmp_path,
        page=f"# Home\n\nA calm page.\n\n{page}\n",
        **{
            "includes__sec.md": SECTIONED,
            "includes__ended.md": "<!-- --8<-- [end:sec] -->\n" + SECTIONED,
            "includes__nests.md": 'One.\n  --8<-- "includes/sec.md:gone"\n',
        },
    )
    error = error_with_check_paths_only(config_file)
    where = "includes/nests.md" if "nests" in page else "content/index.md"
    assert (error.path, error.line, error.column) == (where, line, column)
    assert error.rule == "page.source"
    assert error.severity.value == "error"
    assert says in error.message and "check_paths" in error.message


def test_a_section_that_is_there_is_no_error_with_check_paths(tmp_path: Path) -> None:
    page = '# Home\n\n--8<-- "includes/sec.md:sec"\n\n--8<-- "includes/empty.md:sec"\n'
    files = {"includes__sec.md": SECTIONED, "includes__empty.md": ""}  # empty: no section read
    config_file = make_handbook(tmp_path, page=page, **files)
    with_snippets(config_file, "{check_paths: true}")
    assert found(config_file) == []


@pytest.mark.parametrize(
    ("page", "logged"),
    [
        ('--8<-- "includes/sec.md:nosuch"', "content/index.md:3:9: page.source includes the"),
        ('--8<-- ":3"', "content/index.md:3:9: page.source includes ':3'"),
    ],
)
def test_the_build_stops_on_a_missing_section_with_the_checks_message(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    page: str,
    logged: str,
) -> None:
    """Review rv10 M1: `mkdocs build` ended with SnippetMissingError's traceback."""
    config_file = make_handbook(
        tmp_path, page=f"# Home\n\n{page}\n", **{"includes__sec.md": SECTIONED}
    )
    with_snippets(config_file, "{check_paths: true}")
    monkeypatch.chdir(tmp_path)
    with caplog.at_level(logging.INFO, logger="mkdocs"), pytest.raises((Abort, PluginError)):
        build(load_mkdocs_config(str(config_file)))
    assert logged in " ".join(record.getMessage() for record in caplog.records)


def test_a_line_number_of_thousands_of_digits_is_an_error_whatever_the_settings(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found after review rv10: the extension reads a line number with `int()`, which
    Python refuses past 4,300 digits: `handbook check` and `mkdocs build` ended with a
    traceback, with check_paths or without."""
    page = f'# Home\n\n--8<-- "includes/sec.md:{"9" * 5000}"\n'
    config_file = make_handbook(tmp_path, page=page, **{"includes__sec.md": SECTIONED})
    with_snippets(config_file)
    (error,) = run_checks(load_config(config_file)).findings
    assert (error.path, error.line, error.column, error.rule) == (
        "content/index.md",
        3,
        9,
        "page.source",
    )
    assert error.severity.value == "error" and "more digits" in error.message
    assert len(error.message) < 400  # the number is not quoted whole

    monkeypatch.chdir(tmp_path)
    with caplog.at_level(logging.INFO, logger="mkdocs"), pytest.raises((Abort, PluginError)):
        build(load_mkdocs_config(str(config_file)))
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "content/index.md:3:9: page.source includes 'includes/sec.md:999" in logged


@pytest.mark.parametrize("lines", ["-", "1:-"])
def test_lines_the_extension_cannot_read_are_an_error_that_says_so(
    tmp_path: Path, lines: str
) -> None:
    """Review rv11: `:-` was told its line number had more digits than can be read."""
    page = f'# Home\n\n--8<-- "includes/sec.md:{lines}"\n'
    config_file = make_handbook(tmp_path, page=page, **{"includes__sec.md": SECTIONED})
    with_snippets(config_file)
    errors = [
        finding
        for finding in run_checks(load_config(config_file)).findings
        if finding.rule == "page.source"
    ]
    assert [(error.line, error.severity.value) for error in errors] == [(3, "error")]
    assert "cannot read as numbers" in errors[0].message
    assert "more digits" not in errors[0].message


def test_a_missing_file_of_auto_append_is_named_where_mkdocs_yml_names_it(
    tmp_path: Path,
) -> None:
    """Review rv10 (low): it was named at mkdocs.yml's first line, as a remote one was;
    then at a comment that named it before its setting (review rv13, low)."""
    config_file = make_handbook(tmp_path)
    text = config_file.read_text(encoding="utf-8")
    config_file.write_text(f"# abbr.md lists the abbreviations\n{text}", encoding="utf-8")
    with_snippets(config_file, "\n      check_paths: true\n      auto_append:\n        - abbr.md")
    (error,) = run_checks(load_config(config_file)).findings
    lines = config_file.read_text(encoding="utf-8").split("\n")
    line = next(number for number, text in enumerate(lines, 1) if "- abbr.md" in text)
    assert (error.path, error.line, error.column) == ("mkdocs.yml", line, 11)
    assert "'abbr.md'" in error.message


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("elsewhere/secret.txt", "{}"),  # a link in the repository to a folder outside
        ("notes.txt", "{}"),  # a link to a file outside
        (".git/config", "{}"),
        (".git/config", "{restrict_base_path: false}"),
        ("includes/.git/config", "{base_path: [includes]}"),
    ],
)
def test_an_include_out_of_its_base_path_by_a_link_or_into_git_is_an_error(
    tmp_path: Path, name: str, options: str
) -> None:
    """Security audit: the extension compares paths as written, so a symbolic link in the
    repository (`elsewhere -> /etc`) let a page publish a file of the machine that builds
    the site, and `.git/config` (a remote's address, a CI token with it) was published
    too, with no finding. Neither is read; the build stops at the include line."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("token 1234\n", encoding="utf-8")
    page = f'# Home\n\n--8<-- "{name}"\n'
    config_file = with_snippets(make_handbook(tmp_path / "hb", page=page), options)
    root = config_file.parent
    (root / "elsewhere").symlink_to(outside)
    (root / "notes.txt").symlink_to(outside / "secret.txt")
    for git in (root / ".git", root / "includes" / ".git"):
        git.mkdir(parents=True)
        (git / "config").write_text('[remote "origin"]\n\turl = https://x:tok@h/r\n', "utf-8")
    base = "includes/" if name.startswith("includes/") else ""
    written = name.removeprefix(base)
    if base:
        page = f'# Home\n\n--8<-- "{written}"\n'
        (root / "content" / "index.md").write_text(page, encoding="utf-8")
    result = run_checks(load_config(config_file))
    (finding,) = result.findings
    assert (finding.path, finding.line, finding.column, finding.rule) == (
        "content/index.md",
        3,
        9,
        "page.source",
    )
    assert finding.severity.value == "error" and "symbolic link" in finding.message
    assert not any("secret" in f.path or ".git" in f.path for f in result.findings)


def test_an_include_into_git_is_an_error_with_an_extension_that_has_no_get_bases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pymdown-extensions before 13 (the one Python before 3.11.5 installs) has no
    `get_bases`: the check of a page that included a file ended in an AttributeError."""
    from pymdownx.snippets import SnippetPreprocessor

    def get_snippet_path(self: SnippetPreprocessor, path: str) -> str | None:
        """12.3's, which reads `base_path` itself, for a directory base path."""
        for base in self.base_path:
            filename = Path(base, path)
            if str(filename).startswith(base + os.sep) and filename.exists():
                return str(filename)
        return None

    monkeypatch.setattr(SnippetPreprocessor, "get_snippet_path", get_snippet_path)
    monkeypatch.delattr(SnippetPreprocessor, "get_bases", raising=False)
    page = '# Home\n\n--8<-- ".git/config"\n\n--8<-- "notes.txt"\n'
    config_file = with_snippets(make_handbook(tmp_path, page=page), "")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("A note.\n", encoding="utf-8")
    result = run_checks(load_config(config_file))
    assert [(f.line, f.rule, f.severity.value) for f in result.findings] == [
        (3, "page.source", "error")
    ]
