"""pymdown-extensions before 13.1 (the newest on Python before 3.11.5): pymdownx.snippets
has none of the methods the checks override to see what it does not find, so the
checks say so at its line of mkdocs.yml. The suite runs with 13.1 or newer: the methods
are taken away here, as they were never there (with an older version installed, these
tests read it as it is)."""

from __future__ import annotations

import logging
from importlib.metadata import version
from pathlib import Path

import pytest
from handbooks import make_handbook
from mkdocs.commands.build import build
from mkdocs.config import load_config as load_mkdocs_config
from pymdownx.snippets import SnippetPreprocessor
from test_snippets import SECTIONED, with_snippets

from coalition_handbook.check import run_checks
from coalition_handbook.config import load_config
from coalition_handbook.model import snippets, snippets_version

# Where with_snippets writes `pymdownx.snippets` in make_handbook's mkdocs.yml.
SNIPPETS_AT = ("mkdocs.yml", 8, 5)


@pytest.fixture
def before_13_1(monkeypatch: pytest.MonkeyPatch) -> None:
    for hook in snippets_version.HOOKS:
        monkeypatch.delattr(SnippetPreprocessor, hook, raising=False)


@pytest.mark.usefixtures("before_13_1")
def test_check_warns_at_the_extension_line_naming_the_version_and_the_fix(
    tmp_path: Path,
) -> None:
    config_file = with_snippets(make_handbook(tmp_path), "{check_paths: true}")
    (warning,) = run_checks(load_config(config_file)).findings
    assert (warning.path, warning.line, warning.column) == SNIPPETS_AT
    assert (warning.rule, warning.severity.value) == ("page.source", "warning")
    assert f"({version('pymdown-extensions')}) is older than 13.1" in warning.message
    assert "a section that a file does not mark" in warning.message
    assert "install pymdown-extensions 13.1 or newer" in warning.message
    assert "Python 3.11.5" in warning.message


@pytest.mark.usefixtures("before_13_1")
def test_the_build_warns_once_at_the_extension_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_file = with_snippets(make_handbook(tmp_path))
    monkeypatch.chdir(tmp_path)
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        build(load_mkdocs_config(str(config_file)))
    said = [record.getMessage() for record in caplog.records]
    at_line = [message for message in said if message.startswith("mkdocs.yml:8:5: page.source")]
    assert len(at_line) == 1
    assert "is older than 13.1" in at_line[0]


def test_a_number_it_cannot_read_is_an_error_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before 13.1 the extension reads line numbers inside parse_snippets, where the
    checks cannot catch `int()`'s ValueError: `handbook check` ended with a traceback."""
    # As before 13.1: nothing of the checks' catches the extension's ValueError.
    monkeypatch.delattr(snippets._Recorder, "parse_snippet_target")
    monkeypatch.delattr(SnippetPreprocessor, "select_snippet_lines", raising=False)
    page = f'# Home\n\n--8<-- "includes/sec.md:{"9" * 5000}"\n'
    config_file = make_handbook(tmp_path, page=page, **{"includes__sec.md": SECTIONED})
    with_snippets(config_file)
    findings = run_checks(load_config(config_file)).findings
    assert [(item.path, item.line, item.column, item.severity.value) for item in findings] == [
        ("content/index.md", 3, 9, "error"),
        (*SNIPPETS_AT, "warning"),
    ]
    assert "a line number of more digits than the extension can read" in findings[0].message
