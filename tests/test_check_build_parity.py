"""`handbook check` and `mkdocs build` report the same findings (DESIGN sections 5-7).

A differential test on a few random handbooks (`random_handbooks`, seeded, so each run
checks the same ones): every output format of the check, cold and warm, and the build's
log, cold and warm (`--strict`), must name the same findings at the same place with the
same severity, and fail alike. The seeds are three of the first sixteen, chosen for what
they hold between them; longer runs of the same generator (70 handbooks with an edit
between cold and warm runs, dirty and ProperDocs builds; 30 under `mkdocs serve`, rebuilt
after an edit) found no disagreement.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.exceptions import Abort, PluginError
from random_handbooks import write_handbook

from coalition_handbook import cli

# (rule, path, line, column, severity): what must agree.
Place = tuple[str, str, int, int, str]

# A failing handbook (its module front matter, a page's phone number), and two with
# warnings only, failing under --strict alone; between them: drafts, exclude_docs,
# not_in_nav, includes, suppressions and rule levels.
SEEDS = (5, 9, 11)

_LOGGED = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<rule>[a-z]+\.[a-z-]+) ")
_TEXT = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info) "
    r"(?P<rule>[a-z]+\.[a-z-]+) "
)
_LEVELS = {logging.ERROR: "error", logging.WARNING: "warning", logging.INFO: "info"}
_SARIF_LEVELS = {"error": "error", "warning": "warning", "note": "info"}


def check(config_file: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.main(["check", "-f", str(config_file), *options])
    return code, capsys.readouterr().out


def from_json(report: str) -> list[Place]:
    return [
        (f["rule"], f["path"], f["line"], f["column"], f["severity"])
        for f in json.loads(report)["findings"]
    ]


def from_text(report: str) -> list[Place]:
    places = [_TEXT.match(line) for line in report.splitlines()]
    return [
        (m["rule"], m["path"], int(m["line"]), int(m["column"]), m["severity"])
        for m in places
        if m is not None
    ]


def from_sarif(report: str) -> list[Place]:
    places = []
    for result in json.loads(report)["runs"][0]["results"]:
        where = result["locations"][0]["physicalLocation"]
        places.append(
            (
                result["ruleId"],
                unquote(where["artifactLocation"]["uri"]),
                where["region"]["startLine"],
                where["region"]["startColumn"],
                _SARIF_LEVELS[result["level"]],
            )
        )
    return places


def built(
    config_file: Path, caplog: pytest.LogCaptureFixture, *, strict: bool
) -> tuple[bool, list[Place], list[str]]:
    """Whether `mkdocs build` passed, the findings its log names, and MkDocs' own
    warnings (which fail a strict build whatever the handbook says)."""
    caplog.clear()
    passed = True
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        try:
            build(load_mkdocs_config(str(config_file), strict=strict))
        except (Abort, PluginError):
            passed = False
    places, own = [], []
    for record in caplog.records:
        message = record.getMessage()
        found = _LOGGED.match(message)
        if record.name == "mkdocs.plugins.handbook" and found:
            places.append(
                (
                    found["rule"],
                    found["path"],
                    int(found["line"]),
                    int(found["column"]),
                    _LEVELS[record.levelno],
                )
            )
        elif record.levelno >= logging.WARNING and not message.startswith("handbook: "):
            own.append(message)
    return passed, places, own


@pytest.mark.parametrize("seed", SEEDS)
def test_check_and_build_agree_on_a_random_handbook(
    seed: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-06-01")
    config_file = write_handbook(tmp_path, seed)

    passed, logged, own = built(config_file, caplog, strict=False)  # cold: no cache yet
    code, report = check(config_file, capsys, "--format", "json")
    expected = from_json(report)
    assert expected, "a handbook with nothing to find compares nothing"
    assert own == []  # MkDocs itself found nothing: the exit codes compare the checks alone
    assert sorted(logged) == sorted(expected)
    assert passed == (code == 0)

    assert check(config_file, capsys, "--format", "json") == (code, report)  # warm
    text_code, text = check(config_file, capsys)
    assert (text_code, from_text(text)) == (code, expected)
    sarif_code, sarif = check(config_file, capsys, "--format", "sarif")
    assert (sarif_code, sorted(from_sarif(sarif))) == (code, sorted(expected))

    strict_code, strict_report = check(config_file, capsys, "--format", "json", "--strict")
    assert from_json(strict_report) == expected
    strict_passed, strict_logged, _ = built(config_file, caplog, strict=True)  # warm
    assert sorted(strict_logged) == sorted(expected)
    assert strict_passed == (strict_code == 0)
