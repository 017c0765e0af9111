"""DESIGN section 11 through both doors an editor uses: each kind of bad input the list
names gives, from `handbook check` and from `mkdocs build` alike, a finding that names the
file and line, never a traceback, and the site already published stays as it was.

test_bad_input reads the same inputs through the engine alone; a tester with only the
contract runs the command and the build, as these tests do."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from helpers_model import term_yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.exceptions import Abort, PluginError

from coalition_handbook.cli import main

MKDOCS_YML = "site_name: T\ndocs_dir: content\nplugins:\n  - handbook:\n      handouts: false\n"
TERM_FILE = "glossary/survivor.yml"
PUBLISHED = "the site already published"

SOURCES = "sources:\n  - title: A source\n    url: javascript:alert(1)\n"
ALIAS_BOMB = "".join(
    f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 9)}]\n" for level in range(1, 10)
)

# (DESIGN's words, file, content, rule, line of the finding)
BAD_INPUTS: list[tuple[str, str, str | bytes, str, int]] = [
    ("YAML syntax errors", TERM_FILE, "term: [unclosed\nversion: 1\n", "glossary.schema", 2),
    (
        "duplicate keys in one mapping",
        TERM_FILE,
        term_yaml().replace("version: 1\n", "version: 1\nversion: 2\n", 1),
        "glossary.schema",
        3,
    ),
    (
        "unknown fields",
        TERM_FILE,
        term_yaml(extra="aliasses: [survivors]\n"),
        "glossary.schema",
        4,
    ),
    (
        "wrong types",
        TERM_FILE,
        term_yaml().replace("version: 1\n", "version: one\n", 1),
        "glossary.schema",
        2,
    ),
    ("empty files", TERM_FILE, "", "glossary.schema", 1),
    ("a list where a mapping belongs", TERM_FILE, "- term: survivor\n", "glossary.schema", 1),
    (
        "non-UTF-8 bytes",
        TERM_FILE,
        term_yaml().replace("A person", "A caf\xe9 person").encode("latin-1"),
        "glossary.schema",
        3,
    ),
    ("tabs", TERM_FILE, term_yaml().replace("  - version", "\t- version"), "glossary.schema", 5),
    (
        "YAML alias bombs",
        TERM_FILE,
        "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + ALIAS_BOMB,
        "glossary.schema",
        1,
    ),
    ("ids that are not slugs", "glossary/Survivor_Term.yml", term_yaml(), "glossary.schema", 1),
    ("javascript: URLs", TERM_FILE, term_yaml(extra=SOURCES), "glossary.schema", 6),
    ("a page's non-UTF-8 bytes", "content/index.md", b"# Home\n\nA caf\xe9.\n", "page.source", 3),
]


def write_handbook(root: Path, path: str, content: str | bytes) -> Path:
    files: dict[str, str | bytes] = {
        "mkdocs.yml": MKDOCS_YML,
        "content/index.md": "# Home\n\nA calm page.\n",
        path: content,
    }
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8", newline="")
    published = root / "site" / "index.html"
    published.parent.mkdir()
    published.write_text(PUBLISHED, encoding="utf-8")
    return root / "mkdocs.yml"


# Each test below runs every case of BAD_INPUTS, named by its first item.
each_bad_input = pytest.mark.parametrize(
    ("path", "content", "rule", "line"),
    [case[1:] for case in BAD_INPUTS],
    ids=[case[0] for case in BAD_INPUTS],
)


@each_bad_input
def test_the_check_names_the_file_and_line_of_bad_input(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    path: str,
    content: str | bytes,
    rule: str,
    line: int,
) -> None:
    config_file = write_handbook(tmp_path, path, content)
    assert main(["check", "-f", str(config_file)]) == 1
    out, err = capsys.readouterr()
    assert any(
        row.startswith(f"{path}:{line}:") and f": error {rule} " in row for row in out.splitlines()
    ), out
    assert "Traceback" not in out + err


@each_bad_input
def test_the_build_names_the_file_and_line_of_bad_input_and_keeps_the_published_site(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    path: str,
    content: str | bytes,
    rule: str,
    line: int,
) -> None:
    config_file = write_handbook(tmp_path, path, content)
    # Any other exception than MkDocs' own stop would be a traceback before the editor.
    with caplog.at_level(logging.INFO, logger="mkdocs"), pytest.raises((PluginError, Abort)):
        build(load_mkdocs_config(str(config_file)))
    errors = [record.getMessage() for record in caplog.records if record.levelno == logging.ERROR]
    assert any(
        message.startswith(f"{path}:{line}:") and f" {rule} " in message for message in errors
    ), errors
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == PUBLISHED


# A BOM and CRLF line endings are no bad input: the finding is where the editor sees it.
BOM_CRLF_PAGE = "\ufeff# Home\r\n\r\nA calm page.\r\nNo vagrant here.\r\n"
VAGRANT_TERM = term_yaml("person experiencing homelessness", "avoid: [vagrant]\n")


def test_a_page_with_a_bom_and_crlf_is_read_alike_by_the_check_and_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    config_file = write_handbook(tmp_path, "content/index.md", BOM_CRLF_PAGE)
    term_file = tmp_path / "glossary" / "person-experiencing-homelessness.yml"
    term_file.parent.mkdir()
    term_file.write_bytes(("\ufeff" + VAGRANT_TERM.replace("\n", "\r\n")).encode("utf-8"))
    assert main(["check", "-f", str(config_file)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "content/index.md:4:4: warning term.avoid 'vagrant' is a form "
        "to avoid; use 'person experiencing homelessness'."
    ], out + err
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build(load_mkdocs_config(str(config_file)))
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert [w for w in warnings if " term.avoid " in w] == [
        "content/index.md:4:4: term.avoid 'vagrant' is a form to avoid; use 'person "
        "experiencing homelessness'."
    ]
    assert "A calm page." in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
