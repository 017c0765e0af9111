"""The files mkdocs-include-markdown-plugin includes in pages are checked at their own
paths, found as the plugin finds them (model/markdown_includes.py). `handbook check`
runs no MkDocs: the plugin is only listed in mkdocs.yml here."""

from __future__ import annotations

from pathlib import Path

import pytest
from handbooks import checked, make_handbook

from coalition_handbook.model.markdown_includes import _with_directives

INCLUDE_MARKDOWN = "  - include-markdown\n"


def avoided(config_file: Path) -> list[tuple[str, int, int]]:
    """(path, line, column) of each term.avoid finding of `handbook check`."""
    return [
        (finding.path, finding.line, finding.column)
        for finding in checked(config_file)
        if finding.rule == "term.avoid"
    ]


def handbook_including(
    root: Path, directive: str, plugin: str = INCLUDE_MARKDOWN, left_out: bool = True
) -> Path:
    """`make_handbook` whose home page holds `directive`, with `plugin` listed after the
    handbook, and files that use the form to avoid 'vagrant' in and outside content/:
    those in content/partials/ are left out of the site (`left_out`), read only where a
    page includes them."""
    config_file = make_handbook(root, page=f"# Home\n\n{directive}\n")
    for name, text in {
        "content/partials/notice.md": "A vagrant slept here.\n",
        "content/partials/other.md": "\nAnother vagrant.\n",
        "shared/notice.md": "A vagrant slept there.\n",
        "shared/nested.md": 'Intro.\n\n{% include "../shared/notice.md" %}\n',
    }.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    settings = config_file.read_text(encoding="utf-8") + plugin
    if left_out:
        settings += "exclude_docs: |\n  partials/\n"
    config_file.write_text(settings, encoding="utf-8")
    return config_file


@pytest.mark.parametrize(
    ("directive", "found"),
    [
        # From the including file's folder.
        ('{% include-markdown "../shared/notice.md" %}', [("shared/notice.md", 1, 3)]),
        ("{% include '../shared/notice.md' %}", [("shared/notice.md", 1, 3)]),
        # From docs_dir, the options after the name as the plugin reads them.
        (
            '{% include-markdown "partials/notice.md" start="A" %}',
            [("content/partials/notice.md", 1, 3)],
        ),
        # A glob pattern, read from docs_dir.
        (
            '{%\n  include-markdown "partials/*.md"\n%}',
            [("content/partials/notice.md", 1, 3), ("content/partials/other.md", 2, 9)],
        ),
        # Includes in included files are followed, from their own folder.
        ('{% include-markdown "../shared/nested.md" %}', [("shared/notice.md", 1, 3)]),
        # A downloaded file is not read, and nothing is found where no file is.
        ('{% include-markdown "https://example.org/notice.md" %}', []),
        ('{% include-markdown "../shared/none.md" %}', []),
    ],
)
def test_an_included_file_is_checked_at_its_own_lines(
    tmp_path: Path, directive: str, found: list[tuple[str, int, int]]
) -> None:
    """Audit (other plugins): a form to avoid, or a phone number, in a file the plugin
    put into a page from outside docs_dir, or from a file exclude_docs leaves out, was
    published with no finding: the checks read the pages as written."""
    config_file = handbook_including(tmp_path, directive)
    assert avoided(config_file) == found


def test_a_phone_number_in_an_included_file_is_a_privacy_error_there(tmp_path: Path) -> None:
    config_file = handbook_including(tmp_path, '{% include-markdown "../shared/contact.md" %}')
    (tmp_path / "shared" / "contact.md").write_text(
        "Call Maria on 555-867-5309.\n", encoding="utf-8"
    )
    assert [
        (finding.path, finding.line, finding.column, finding.rule)
        for finding in checked(config_file)
    ] == [("shared/contact.md", 1, 15, "privacy.pii")]


@pytest.mark.parametrize(
    ("plugin", "found"),
    [
        # The plugin's own tags.
        (
            "  - include-markdown:\n      opening_tag: '{!'\n      closing_tag: '!}'\n",
            [("shared/notice.md", 1, 3)],
        ),
        # Switched off, it includes nothing: the directive is published as written.
        ("  - include-markdown:\n      enabled: false\n", []),
        ("", []),
    ],
)
def test_the_plugin_s_settings_say_what_is_included(
    tmp_path: Path, plugin: str, found: list[tuple[str, int, int]]
) -> None:
    config_file = handbook_including(
        tmp_path, '{! include-markdown "../shared/notice.md" !}', plugin
    )
    assert avoided(config_file) == found


def test_a_page_included_is_checked_once_as_that_page(tmp_path: Path) -> None:
    config_file = handbook_including(
        tmp_path, '{% include-markdown "partials/notice.md" %}', left_out=False
    )
    assert avoided(config_file) == [
        ("content/partials/notice.md", 1, 3),
        ("content/partials/other.md", 2, 9),
    ]


NOTICE = [("content/partials/notice.md", 1, 3)]
BOTH_PARTIALS = [*NOTICE, ("content/partials/other.md", 2, 9)]


@pytest.mark.parametrize(
    ("directive", "found"),
    [
        (
            '{% include-markdown "partials/*.md" exclude="./partials/other.md" %}',
            [("content/partials/notice.md", 1, 3)],
        ),
        # A folder left out leaves out its files.
        ("{% include-markdown 'partials/*.md' exclude='./partials' %}", []),
        # The plugin (7.3) compares the paths it includes, as it writes them, with those
        # it excludes, normalised: a name starting `./` writes `/./` in each, so nothing
        # is left out, and the build publishes the files (review rv24, built with it).
        ('{% include-markdown "./partials/*.md" exclude="./partials/other.md" %}', BOTH_PARTIALS),
        ("{% include-markdown './partials/*.md' exclude='./partials' %}", BOTH_PARTIALS),
        # An `exclude=` only inside another argument's value is no argument: the plugin
        # leaves nothing out (review rv26, built with it).
        (
            """{% include-markdown "partials/*.md" end="exclude='./partials/other.md'" %}""",
            BOTH_PARTIALS,
        ),
        (
            """{% include-markdown "partials/*.md" end="x"exclude="./partials/other.md" %}""",
            BOTH_PARTIALS,
        ),
        # One both inside a value and as an argument: the plugin reads the first.
        (
            """{% include-markdown "partials/*.md" end="exclude='./partials/other.md'" """
            """exclude="./partials/notice.md" %}""",
            [("content/partials/notice.md", 1, 3)],
        ),
    ],
)
def test_the_files_a_directive_excludes_are_not_read(
    tmp_path: Path, directive: str, found: list[tuple[str, int, int]]
) -> None:
    """Review rv23: the plugin publishes no file its `exclude=` leaves out (a draft beside
    the notices); the checks read it, and reported its words. Review rv24: only those it
    leaves out, compared as it compares them; the others it publishes are read."""
    assert avoided(handbook_including(tmp_path, directive)) == found


@pytest.mark.parametrize("folder", ["./partials/drafts/", "./partials/drafts/."])
def test_a_folder_excluded_with_a_slash_at_its_end_leaves_out_its_files(
    tmp_path: Path, folder: str
) -> None:
    """Review rv26: the plugin (7.3) finds the folder an `exclude=` names with a `/` at
    its end, as without one, and publishes none of its files (built with it); the checks
    read the drafts there, and reported their words."""
    directive = f'{{% include-markdown "partials/**/*.md" exclude="{folder}" %}}'
    config_file = handbook_including(tmp_path, directive)
    (tmp_path / "content" / "partials" / "drafts").mkdir()
    (tmp_path / "content" / "partials" / "drafts" / "draft.md").write_text(
        "A vagrant, in a draft.\n", encoding="utf-8"
    )
    assert avoided(config_file) == BOTH_PARTIALS


@pytest.mark.parametrize(
    ("excluded", "directive", "found"),
    [
        ("[partials/other.md]", '{% include-markdown "partials/*.md" %}', NOTICE),
        ("['partials/o*']", "{% include 'partials/*.md' %}", NOTICE),
        # Compared as written: `./` writes `/./` in each path included, as for `exclude=`.
        ("[partials/other.md]", '{% include-markdown "./partials/*.md" %}', BOTH_PARTIALS),
        # A page it leaves out is published with its directives unread, as text.
        ("[index.md]", '{% include-markdown "partials/*.md" %}', []),
    ],
)
def test_the_files_the_plugin_s_exclude_setting_names_are_not_read(
    tmp_path: Path, excluded: str, directive: str, found: list[tuple[str, int, int]]
) -> None:
    """Review rv26: the plugin (7.3) includes no file its own `exclude` setting names
    (from docs_dir), nor reads the directives of a page it names (built with it); the
    checks read them, and reported their words."""
    plugin = f"  - include-markdown:\n      exclude: {excluded}\n"
    assert avoided(handbook_including(tmp_path, directive, plugin)) == found


def test_a_file_of_the_very_name_a_pattern_writes_is_the_file_included(
    tmp_path: Path,
) -> None:
    """Review rv24: the plugin (7.3) includes a file named `notic[e].md` where there is
    one, and globs the name only where there is none (built with it: the page shows
    that file's text, not notice.md's); the checks read notice.md instead."""
    config_file = handbook_including(tmp_path, '{% include-markdown "partials/notic[e].md" %}')
    (tmp_path / "content" / "partials" / "notic[e].md").write_text(
        "Published: vagrant.\n", encoding="utf-8"
    )
    assert avoided(config_file) == [("content/partials/notic[e].md", 1, 12)]


@pytest.mark.parametrize(
    ("directive", "found"),
    [
        # `**` at the end of a pattern names every file below: the plugin's README example.
        (
            '{% include-markdown "partials/**" %}',
            [("content/partials/notice.md", 1, 3), ("content/partials/other.md", 2, 9)],
        ),
        # Braces, as wcmatch (the plugin's glob) expands them.
        (
            '{% include-markdown "partials/{notice,other}.md" %}',
            [("content/partials/notice.md", 1, 3), ("content/partials/other.md", 2, 9)],
        ),
        # Bash's extended patterns.
        (
            '{% include-markdown "partials/@(notice|other).md" %}',
            [("content/partials/notice.md", 1, 3), ("content/partials/other.md", 2, 9)],
        ),
        ('{% include-markdown "partials/!(notice).md" %}', [("content/partials/other.md", 2, 9)]),
        # A name starting with `.` is matched only where the pattern's part starts with it.
        (
            '{% include-markdown "partials/*" %}',
            [("content/partials/notice.md", 1, 3), ("content/partials/other.md", 2, 9)],
        ),
        ('{% include-markdown "partials/.*" %}', [("content/partials/.draft.md", 1, 7)]),
        # A folder, however it is named, includes nothing (and ends no check with a traceback).
        ('{% include-markdown "." %}', []),
        ('{% include-markdown "./" %}', []),
        ('{% include-markdown "partials/notice.md/" %}', []),
    ],
)
def test_an_included_pattern_names_the_files_the_plugin_s_glob_names(
    tmp_path: Path, directive: str, found: list[tuple[str, int, int]]
) -> None:
    """Review rv22: the plugin reads its patterns with wcmatch (braces, `**`, extended
    patterns, no hidden names), which Python's glob does not: `partials/**` and
    `{a,b}.md` published their files unchecked, and `.` ended the check with an
    IndexError."""
    config_file = handbook_including(tmp_path, directive)
    (tmp_path / "content" / "partials" / ".draft.md").write_text(
        "Draft vagrant.\n", encoding="utf-8"
    )
    assert avoided(config_file) == found


@pytest.mark.parametrize(
    ("directive", "plugin", "found"),
    [
        # Directives the plugin's `directives` renames are read by their new names...
        (
            '{% include-notes "../shared/notice.md" %}',
            "  - include-markdown:\n      directives: {include-markdown: include-notes}\n",
            [("shared/notice.md", 1, 3)],
        ),
        # ... and by their old ones no more; one it leaves out keeps its name.
        (
            '{% include-markdown "../shared/notice.md" %}\n{% include "partials/other.md" %}',
            "  - include-markdown:\n      directives: {include-markdown: include-notes}\n",
            [("content/partials/other.md", 2, 9)],
        ),
        # Where the plugin follows no nested includes, neither do the checks.
        (
            '{% include-markdown "../shared/nested.md" recursive=false %}',
            INCLUDE_MARKDOWN,
            [],
        ),
        (
            '{% include-markdown "../shared/nested.md" %}',
            "  - include-markdown:\n      recursive: false\n",
            [],
        ),
        (
            '{% include-markdown "../shared/nested.md" recursive=true %}',
            "  - include-markdown:\n      recursive: false\n",
            [("shared/notice.md", 1, 3)],
        ),
        # In a quoted value, `recursive=false` is text, no argument.
        (
            "{% include-markdown \"../shared/nested.md\" start='recursive=false' %}",
            INCLUDE_MARKDOWN,
            [("shared/notice.md", 1, 3)],
        ),
        # A file included without its includes, then with them: they are followed.
        (
            '{% include "../shared/nested.md" recursive=false %}\n'
            '{% include "../shared/nested.md" %}',
            INCLUDE_MARKDOWN,
            [("shared/notice.md", 1, 3)],
        ),
    ],
)
def test_the_plugin_s_directives_and_recursion_are_read_as_it_reads_them(
    tmp_path: Path, directive: str, plugin: str, found: list[tuple[str, int, int]]
) -> None:
    """Review rv22: with `directives` renaming `include-markdown`, no included file was
    checked (published unchecked); with `recursive` false, the files included files
    name, which the plugin does not include, got findings all the same."""
    config_file = handbook_including(tmp_path, directive, plugin)
    assert avoided(config_file) == found


SNIPPETS = "markdown_extensions:\n  - pymdownx.snippets:\n      base_path: [content]\n"


@pytest.mark.parametrize(
    ("directive", "found"),
    [
        # pymdownx.snippets reads the text the plugin included: its snippets are published.
        ('{% include-markdown "partials/snippet.md" %}', [("content/partials/notice.md", 1, 3)]),
        # The plugin has run when snippets are included: a directive in one is text.
        ('--8<-- "partials/directive.md"', []),
    ],
)
def test_snippets_are_followed_in_included_files_and_directives_in_snippets_are_not(
    tmp_path: Path, directive: str, found: list[tuple[str, int, int]]
) -> None:
    """Review rv22: with pymdownx.snippets on too, a `--8<--` line in a file the plugin
    included was not followed (its snippet published unchecked), and a directive in a
    snippet, which the plugin never sees, was (findings in text left unpublished)."""
    config_file = handbook_including(tmp_path, directive)
    config_file.write_text(config_file.read_text(encoding="utf-8") + SNIPPETS, encoding="utf-8")
    for name, text in {
        "content/partials/snippet.md": 'Intro.\n\n--8<-- "partials/notice.md"\n',
        "content/partials/directive.md": 'Intro.\n\n{% include "partials/notice.md" %}\n',
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert avoided(config_file) == found


@pytest.mark.parametrize(
    ("directive", "found"),
    [
        # One directive's arguments run to the first closing tag, another opening and all:
        # the plugin includes the first file only.
        (
            '{% include "../shared/notice.md" {% include "partials/other.md" %}',
            [("shared/notice.md", 1, 3)],
        ),
        (
            '{% include "../shared/notice.md"\n\n{% include "partials/other.md" %}',
            [("shared/notice.md", 1, 3)],
        ),
        # An unclosed directive includes nothing, before or after a closed one.
        ('{% include "../shared/notice.md"\n\nText.', []),
        (
            '{% include "partials/other.md" %}\n\n{% include "../shared/notice.md"',
            [("content/partials/other.md", 2, 9)],
        ),
        (
            '{% include "partials/other.md" %} {% include "../shared/notice.md" %}\n\n'
            + '{% include "partials/notice.md"\n' * 3,
            [("content/partials/other.md", 2, 9), ("shared/notice.md", 1, 3)],
        ),
    ],
)
def test_nested_unclosed_and_several_directives_are_read_as_the_plugin_reads_them(
    tmp_path: Path, directive: str, found: list[tuple[str, int, int]]
) -> None:
    """Audit: found as the plugin's own pattern finds them (checked against
    mkdocs-include-markdown-plugin 7.3.0), now that a page is searched up to its last
    closing tag only."""
    assert avoided(handbook_including(tmp_path, directive)) == found


def test_a_page_is_searched_for_directives_up_to_its_last_closing_tag() -> None:
    """Audit: each of 8,000 unclosed directives at the end of a page was searched to the
    end for a closing tag (8.8 s; a timing is no test, the part searched is). After the
    last closing tag no directive ends: none is searched for there."""
    closed = 'Text {% include "a.md" %} and {% include "b.md" x="%}" %}'
    unclosed = '\n{% include-markdown "x.md"' * 8000
    assert _with_directives(closed + unclosed, "%}") == closed
    assert _with_directives(unclosed, "%}") == ""
    assert _with_directives(closed + unclosed, "]]") == ""
