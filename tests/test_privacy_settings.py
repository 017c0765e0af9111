"""privacy.pii in mkdocs.yml (privacy audit): Material writes the copyright, the author,
the description and the footer's social links into every page, and the navigation's
titles and links too; a coordinator's own number or address there is published on
every page, and was never read."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from handbooks import checked, make_handbook, set_handbook_options
from mkdocs.commands.build import build
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.exceptions import Abort, PluginError

from coalition_handbook.check import run_checks
from coalition_handbook.config import ConfigError, load_config
from coalition_handbook.findings import Finding

RULE = "privacy.pii"

SETTINGS = """\
site_author: jane.site@gmail.com 402-555-0501
copyright: "Jane Roe, 12 Cedar Street, 402-555-0502"
site_description: >-
  Call 402-555-0505. One
  shared language.
extra:
  contact: 402-555-0503
  generator: false
  social:
    - icon: fontawesome/solid/phone
      link: tel:4025550504
      name: "Call Jane \\x40 402-555-0507"
    - icon: fontawesome/brands/whatsapp
      link: https://wa.me/14025550506
    - icon: fontawesome/solid/envelope
      link: mailto:jane.social@gmail.com
nav:
  - Home: index.md
  - Ask Jane on 402-555-0508: https://wa.me/14025550509
  - Hotline 1-888-373-7888: index.md
"""


def _findings(config_file: Path) -> list[Finding]:
    return [f for f in run_checks(load_config(config_file)).findings if f.rule == RULE]


def _place(config_file: Path, finding: Finding) -> str:
    """The text of the config file at the finding's line and column, as long as `found`."""
    line = config_file.read_text(encoding="utf-8").splitlines()[finding.line - 1]
    assert finding.found is not None
    return line[finding.column - 1 : finding.column - 1 + len(finding.found)]


def test_the_texts_every_page_shows_are_read_at_their_line_and_column(tmp_path: Path) -> None:
    config_file = make_handbook(tmp_path)
    config_file.write_text(config_file.read_text(encoding="utf-8") + SETTINGS, encoding="utf-8")
    set_handbook_options(config_file, 'privacy: {allow: ["1-888-373-7888"]}')
    findings = _findings(config_file)
    assert [(f.path, f.line, f.found) for f in findings] == [
        ("mkdocs.yml", 8, "jane.site@gmail.com"),  # site_author
        ("mkdocs.yml", 8, "402-555-0501"),
        ("mkdocs.yml", 9, "12 Cedar Street"),  # copyright
        ("mkdocs.yml", 9, "402-555-0502"),
        ("mkdocs.yml", 11, "402-555-0505"),  # site_description, a folded block
        ("mkdocs.yml", 14, "402-555-0503"),  # any text of `extra`
        ("mkdocs.yml", 18, "4025550504"),  # a social link's `tel:`
        ("mkdocs.yml", 19, "402-555-0507"),  # its name, the link's title
        ("mkdocs.yml", 21, "14025550506"),  # WhatsApp
        ("mkdocs.yml", 23, "jane.social@gmail.com"),  # mailto:
        ("mkdocs.yml", 26, "402-555-0508"),  # a nav title
        ("mkdocs.yml", 26, "14025550509"),  # and its link
    ]
    # Each where the file writes it (DESIGN section 6); the hotline is allowed.
    assert all(_place(config_file, finding) == finding.found for finding in findings)
    assert all(finding.severity == "error" for finding in findings)


def test_a_setting_an_inheriting_file_replaces_is_not_read(tmp_path: Path) -> None:
    """Under INHERIT, what the site shows is the merged config: a parent's copyright
    that the child replaces is shown nowhere; its `extra` texts that the child keeps
    are, named by the parent's file, as other findings in a parent are."""
    config_file = make_handbook(tmp_path)
    (tmp_path / "base.yml").write_text(
        "copyright: Jane, 402-555-0601\nextra:\n  contact: 402-555-0602\n"
        "  social:\n    - link: tel:4025550603\n",
        encoding="utf-8",
    )
    config_file.write_text(
        "INHERIT: base.yml\ncopyright: The coalition\n"
        "extra:\n  social:\n    - link: https://example.org/\n"
        + config_file.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    assert [(f.path, f.line, f.column, f.found) for f in _findings(config_file)] == [
        ("base.yml", 3, 12, "402-555-0602")
    ]


def test_privacy_allow_applies_and_other_settings_are_not_read(tmp_path: Path) -> None:
    """The public ones pass; settings no page shows (the plugin's own options, a
    stylesheet's path) and a value `!ENV` names a variable by (unset: null) are not read."""
    config_file = make_handbook(tmp_path)
    config_file.write_text(
        config_file.read_text(encoding="utf-8")
        + "copyright: Office 1-888-373-7888, info@coalition.org\n"
        "extra:\n  contact: !ENV 402-555-0701\n  build: 4025550702\n"
        "extra_css: [css/402-555-0703.css]\n",
        encoding="utf-8",
    )
    set_handbook_options(config_file, 'privacy: {allow: ["1-888-373-7888", "info@coalition.org"]}')
    assert [(f.line, f.found) for f in _findings(config_file)] == [(11, "4025550702")]


def test_the_build_fails_on_a_personal_number_in_the_copyright(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config_file = make_handbook(tmp_path)
    config_file.write_text(
        config_file.read_text(encoding="utf-8") + "copyright: Jane Roe, 402-555-0801\n",
        encoding="utf-8",
    )
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises((PluginError, Abort)):
        build(load_mkdocs_config(str(config_file)))
    assert any(
        record.getMessage().startswith("mkdocs.yml:7:22: privacy.pii '402-***-**01' looks like")
        for record in caplog.records
    ), [record.getMessage() for record in caplog.records]


AUTHORS = """\
authors:
  jane:
    name: Jane Roe
    description: "Coordinator: 402-555-0901, jane.blog@gmail.com"
    avatar: images/jane.png
    url: mailto:jane.url@gmail.com
  office:
    name: Intake office
    description: Call the hotline, 1-888-373-7888
"""


def test_the_blog_authors_file_every_post_shows_is_read(tmp_path: Path) -> None:
    """Material's blog writes each author's description, name and link into every post
    they wrote and into the blog's index: a coordinator's own number there is published
    on every post (audit imp64: it was never read)."""
    config_file = make_handbook(tmp_path, **{"content__news__.authors.yml": AUTHORS})
    config_file.write_text(
        config_file.read_text(encoding="utf-8").replace(
            "  - search\n", "  - search\n  - blog:\n      blog_dir: news\n"
        ),
        encoding="utf-8",
    )
    set_handbook_options(config_file, 'privacy: {allow: ["1-888-373-7888"]}')
    findings = _findings(config_file)
    assert [(f.path, f.line, f.found) for f in findings] == [
        ("content/news/.authors.yml", 4, "402-555-0901"),
        ("content/news/.authors.yml", 4, "jane.blog@gmail.com"),
        ("content/news/.authors.yml", 6, "jane.url@gmail.com"),
    ]
    # Each where the file writes it, so that an editor's CI annotation lands on it.
    authors = tmp_path / "content" / "news" / ".authors.yml"
    assert all(_place(authors, finding) == finding.found for finding in findings)
    assert all(finding.severity == "error" for finding in findings)
    # Switched off, the blog shows no author: nothing is read.
    config_file.write_text(
        config_file.read_text(encoding="utf-8").replace(
            "blog_dir: news\n", "blog_dir: news\n      enabled: false\n"
        ),
        encoding="utf-8",
    )
    assert _findings(config_file) == []


def test_an_authors_file_named_in_the_options_is_read_and_an_edit_seen(tmp_path: Path) -> None:
    """`authors_file` names another file (`{blog}` is the blog's folder); an edit to it
    is found by the next cached check, as the file is part of the settings read."""
    config_file = make_handbook(tmp_path, **{"content__blog__.people.yml": AUTHORS})
    config_file.write_text(
        config_file.read_text(encoding="utf-8").replace(
            "  - search\n",
            '  - search\n  - material/blog:\n      authors_file: "{blog}/.people.yml"\n',
        ),
        encoding="utf-8",
    )
    set_handbook_options(config_file, 'privacy: {allow: ["1-888-373-7888"]}')
    assert [f.found for f in checked(config_file, cache=True) if f.rule == RULE] == [
        "402-555-0901",
        "jane.blog@gmail.com",
        "jane.url@gmail.com",
    ]
    people = tmp_path / "content" / "blog" / ".people.yml"
    people.write_text(AUTHORS.replace("402-555-0901", "the coordinator"), encoding="utf-8")
    assert [f.found for f in checked(config_file, cache=True) if f.rule == RULE] == [
        "jane.blog@gmail.com",
        "jane.url@gmail.com",
    ]


def test_an_authors_file_of_aliases_is_read_in_its_size(tmp_path: Path) -> None:
    """Aliases of aliases would repeat a text 2**40 times: each node is read once, at
    its anchor, and a broken file is left to the blog plugin to report."""
    levels = ["  a0: &a0 {description: 402-555-0911}"]
    levels += [f"  a{n}: &a{n} [*a{n - 1}, *a{n - 1}]" for n in range(1, 41)]
    config_file = make_handbook(
        tmp_path, **{"content__blog__.authors.yml": "authors:\n" + "\n".join(levels) + "\n"}
    )
    config_file.write_text(
        config_file.read_text(encoding="utf-8").replace("  - search\n", "  - search\n  - blog\n"),
        encoding="utf-8",
    )
    assert [(f.line, f.found) for f in _findings(config_file)] == [(2, "402-555-0911")]
    (tmp_path / "content" / "blog" / ".authors.yml").write_text("authors: [\n", encoding="utf-8")
    assert _findings(config_file) == []
    # Nested past what YAML composes: a message at its line, as for mkdocs.yml, no traceback.
    (tmp_path / "content" / "blog" / ".authors.yml").write_text(
        "authors:\n  a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError, match=r"^content/blog/\.authors\.yml:2: nested too deeply"):
        load_config(config_file)
    # Named as mkdocs.yml is (`-f sub/mkdocs.yml`), as an inherited file is (review rv66d).
    with pytest.raises(ConfigError, match=r"^sub/content/blog/\.authors\.yml:2: nested too"):
        load_config(config_file, shown_as="sub/mkdocs.yml")


def test_an_authors_file_that_is_no_regular_file_is_not_waited_on(tmp_path: Path) -> None:
    """Review rv66d: `.authors.yml` committed as a link to /dev/zero was read for ever
    (and its memory with it) by `handbook check` and the build, where the blog plugin
    reads a regular file only; a named pipe waited for a writer. Neither is read."""
    config_file = make_handbook(tmp_path)
    config_file.write_text(
        config_file.read_text(encoding="utf-8").replace("  - search\n", "  - search\n  - blog\n"),
        encoding="utf-8",
    )
    (tmp_path / "content" / "blog").mkdir()
    os.mkfifo(tmp_path / "content" / "blog" / ".authors.yml")
    assert _findings(config_file) == []
    # A name too long for the system is no file either, as to the blog: not an error.
    config_file.write_text(
        config_file.read_text(encoding="utf-8").replace(
            "  - blog\n", f"  - blog:\n      authors_file: {'a' * 5000}.yml\n"
        ),
        encoding="utf-8",
    )
    assert _findings(config_file) == []


def test_an_authors_file_that_sets_authors_twice_is_read_as_the_blog_reads_it(
    tmp_path: Path,
) -> None:
    """Review rv66d: YAML reads the last of two `authors` (the blog shows those); the
    first was read, and the number the posts show was never reported."""
    twice = "authors:\n  jane:\n    name: Jane\n    description: Staff\n" + AUTHORS
    config_file = make_handbook(tmp_path, **{"content__blog__.authors.yml": twice})
    config_file.write_text(
        config_file.read_text(encoding="utf-8").replace("  - search\n", "  - search\n  - blog\n"),
        encoding="utf-8",
    )
    set_handbook_options(config_file, 'privacy: {allow: ["1-888-373-7888"]}')
    assert [(f.line, f.found) for f in _findings(config_file)] == [
        (8, "402-555-0901"),
        (8, "jane.blog@gmail.com"),
        (10, "jane.url@gmail.com"),
    ]
