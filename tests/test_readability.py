"""module.readability: a module's reading grade, offline, as an info finding where the
settings turn the rule on (it is off by default: no rule of DESIGN section 5)."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from test_handouts import context_of, module_text, write_handbook

from coalition_handbook.check import run_checks
from coalition_handbook.cli import main
from coalition_handbook.config import load_config
from coalition_handbook.findings import Severity
from coalition_handbook.rules import module_readability
from coalition_handbook.rules.module_readability import module_plain_text, reading_grade

PLAIN = "Call the hotline. Tell your manager. Stay safe. Do not confront anyone.\n"
DENSE = (
    "Institutional stakeholders should systematically operationalise comprehensive "
    "multidisciplinary identification methodologies, notwithstanding considerable "
    "jurisdictional heterogeneity regarding investigative responsibilities and "
    "evidentiary documentation requirements.\n"
)


def grade_of(tmp_path: Path, body: str) -> float:
    text = module_text("Sample", body, protocols="[]")
    context = context_of(write_handbook(tmp_path, modules={"sample": text}))
    return reading_grade(context.handbook.modules["sample"])


def test_plain_words_read_easier_than_dense_ones(tmp_path: Path) -> None:
    plain = grade_of(tmp_path / "plain", PLAIN)
    dense = grade_of(tmp_path / "dense", DENSE)
    assert plain < 6 < 10 < dense
    assert isinstance(plain, float)
    assert round(plain, 1) == plain


def test_plain_text_leaves_out_headings_code_markup_and_front_matter(tmp_path: Path) -> None:
    body = "Read **this** [link](https://example.org).\n\n```\nnot_prose(code)\n```\n"
    text = module_text("Sample", body, protocols="[]")
    context = context_of(write_handbook(tmp_path, modules={"sample": text}))
    plain = module_plain_text(context.handbook.modules["sample"])
    assert "Read this link." in plain
    assert "Never confront a suspected trafficker." in plain
    for absent in ("not_prose", "https", "**", "Realize", "Respond", "45 minutes", "---"):
        assert absent not in plain
    # Each block counts as a sentence, even without a full stop: a table cell, a title.
    assert "Many key cards for one room." in plain
    assert "Stay safe." in plain


def test_a_block_ending_a_sentence_its_own_way_gets_no_full_stop(tmp_path: Path) -> None:
    body = "Is it safe to talk?\n\nCall 911 now!\n\nWrite it down\n"
    text = module_text("Sample", body, protocols="[]")
    context = context_of(write_handbook(tmp_path, modules={"sample": text}))
    plain = module_plain_text(context.handbook.modules["sample"])
    assert "Is it safe to talk? Call 911 now! Write it down." in plain


def test_code_does_not_change_the_grade(tmp_path: Path) -> None:
    code = "```\n" + "extraordinarily_complicated_identifier = 1\n" * 20 + "```\n"
    assert grade_of(tmp_path / "a", PLAIN) == grade_of(tmp_path / "b", PLAIN + "\n" + code)


def test_grading_needs_no_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("reading_grade tried the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    module_readability._textstat.cache_clear()
    assert grade_of(tmp_path, DENSE) > 10


def test_the_grade_of_very_short_sentences_is_not_below_zero(tmp_path: Path) -> None:
    # Flesch-Kincaid gives less than zero for these; no reading grade is below zero.
    text = "---\ntitle: Go\nversion: 1\naudience: x\nduration: 5 minutes\nobjectives: [x]\n"
    text += "history:\n  - {version: 1, date: 2026-01-01, summary: x}\n---\n\n## Realize\n\n"
    text += "Go. Sit.\n\n## Recognize\n\nEat. Run.\n\n## Respond\n\nStop. Call.\n"
    context = context_of(write_handbook(tmp_path, modules={"go": text}))
    assert module_readability._textstat().flesch_kincaid_grade("Go. Sit. Eat. Run.") < 0
    assert reading_grade(context.handbook.modules["go"]) == 0.0
    (finding,) = module_readability.check(context)
    assert finding.message == "reading grade 0.0 (Flesch-Kincaid)"


def test_a_module_without_prose_has_grade_zero_and_no_finding(tmp_path: Path) -> None:
    text = "---\ntitle: Empty\nversion: 1\naudience: x\nduration: 5 minutes\nobjectives: [x]\n"
    text += "history:\n  - {version: 1, date: 2026-01-01, summary: x}\n---\n\n## Realize\n"
    text += "\n## Recognize\n\n## Respond\n"
    context = context_of(write_handbook(tmp_path, modules={"empty": text}))
    assert reading_grade(context.handbook.modules["empty"]) == 0.0
    assert list(module_readability.check(context)) == []


def with_rule_level(config_file: Path, level: str) -> Path:
    config_file.write_text(
        config_file.read_text(encoding="utf-8") + f"      rules: {{module.readability: {level}}}\n",
        encoding="utf-8",
    )
    return config_file


def test_check_reports_each_module_as_info_at_its_title(tmp_path: Path) -> None:
    modules = {
        "plain": module_text("Plain", PLAIN, protocols="[]"),
        "dense": module_text("Dense", DENSE * 3, protocols="[]"),
    }
    config_file = with_rule_level(write_handbook(tmp_path, modules=modules), "info")
    config = load_config(config_file, today=dt.date(2026, 6, 1))
    result = run_checks(config)
    findings = [f for f in result.findings if f.rule == "module.readability"]
    assert [(f.path, f.line, f.column, f.severity) for f in findings] == [
        ("content/modules/dense.md", 2, 8, Severity.INFO),
        ("content/modules/plain.md", 2, 8, Severity.INFO),
    ]
    dense, plain = findings
    assert dense.message.startswith("reading grade ")
    assert "(Flesch-Kincaid); above grade 8" in dense.message
    assert plain.message.endswith("(Flesch-Kincaid)")
    assert not result.failing(strict=True)


def test_check_json_lists_the_grade_and_exits_0(tmp_path: Path, capsys) -> None:
    config_file = with_rule_level(write_handbook(tmp_path), "info")
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 0
    output = json.loads(capsys.readouterr().out)
    rules = [finding["rule"] for finding in output["findings"]]
    assert rules.count("module.readability") == 2


@pytest.mark.parametrize(("level", "reported"), [(None, False), ("off", False), ("info", True)])
def test_the_rule_is_off_unless_the_settings_turn_it_on(
    tmp_path: Path, level: str | None, reported: bool
) -> None:
    """A sound handbook reports nothing: the grade is no rule of DESIGN section 5."""
    config_file = write_handbook(tmp_path)
    if level is not None:
        with_rule_level(config_file, level)
    findings = run_checks(load_config(config_file)).findings
    assert ("module.readability" in {finding.rule for finding in findings}) is reported


@pytest.mark.parametrize(("level", "imported"), [(None, False), ("off", False), ("info", True)])
def test_a_rule_turned_off_is_not_run(tmp_path: Path, level: str | None, imported: bool) -> None:
    """Not only its findings dropped: an unwanted rule costs nothing (this one imports
    textstat)."""
    config_file = write_handbook(tmp_path)
    if level is not None:
        with_rule_level(config_file, level)
    program = (
        "import sys\n"
        "from coalition_handbook.cli import main\n"
        f"main(['check', '-f', {str(config_file)!r}, '--format', 'json'])\n"
        "print('textstat' in sys.modules, file=sys.stderr)\n"
    )
    environment = {**os.environ, "HANDBOOK_NO_CACHE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=environment
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == str(imported)
