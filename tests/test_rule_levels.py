"""DESIGN section 5's table end to end: one handbook that breaks each of its fourteen rules,
checked by `handbook check` and built by `mkdocs build`, reports each rule at its default
severity; the plugin's `rules` setting moves every one of them to any level or turns it
off, and the exit code and the build follow what is left."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.exceptions import Abort, PluginError
from test_rule_modules import DESIGN_SECTION_5

from coalition_handbook.cli import main

MKDOCS_YML = "site_name: T\ndocs_dir: content\nplugins:\n  - handbook:\n      handouts: false\n"
HISTORY = "history:\n  - version: 1\n    date: 2026-01-01\n    summary: First.\n"
STEPS = "steps:\n  - title: Call\n    detail: Call the hotline.\n"
PROTOCOL = (
    "title: A protocol\nversion: 1\nowner: Committee\neffective: 2026-01-01\n"
    "review_by: 2099-01-01\naudience: [staff]\nsummary: What to do.\n"
    f"{STEPS}contacts: []\n{HISTORY}"
)
MODULE_FRONT = (
    "---\ntitle: A module\nversion: 1\naudience: [staff]\nduration: 45 minutes\n"
    f"objectives: [Respond well]\nprotocols: [sound]\n{HISTORY}---\n"
)
MODULE_BODY = "## Realize\n\nText.\n\n## Recognize\n\nText.\n\n## Respond\n\nText.\n"


def term(form: str, extra: str = "", version: int = 1) -> str:
    return f"term: {form}\nversion: {version}\ndefinition: What it means.\n{extra}{HISTORY}"


# Each file breaks one rule (the pages break the term rules and privacy.pii).
FILES = {
    "content/index.md": (
        "# Home\n\nA vagrant, an old word, a t visa, the XYZ, and jane.doe@gmail.com.\n"
    ),
    "glossary/person.yml": term("person experiencing homelessness", "avoid: [vagrant]\n"),
    "glossary/old-word.yml": term("old word", "status: deprecated\nreplaced_by: person\n"),
    "glossary/t-visa.yml": term("T visa", "case_sensitive: true\n"),
    "glossary/unfinished.yml": "term: unfinished\nversion: 1\n",
    "glossary/twin.yml": term("twin", "aliases: [double]\n"),
    "glossary/double.yml": term("double"),
    "glossary/see-also.yml": term("see also", "related: [nowhere]\n"),
    "glossary/bumped.yml": term("bumped", version=2),
    "protocols/sound.yml": PROTOCOL,
    "protocols/overdue.yml": PROTOCOL.replace("review_by: 2099-01-01", "review_by: 2020-01-01"),
    "protocols/stepless.yml": PROTOCOL.replace(STEPS, "steps: []\n"),
    "content/modules/schema.md": MODULE_FRONT.replace("version: 1\na", "version: one\na")
    + MODULE_BODY,
    "content/modules/structure.md": MODULE_FRONT + MODULE_BODY.replace("## Respond", "## Reply"),
    "content/modules/reference.md": MODULE_FRONT.replace("[sound]", "[nowhere]") + MODULE_BODY,
}


def write_handbook(root: Path, levels: dict[str, str]) -> Path:
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    rules = ", ".join(f"{rule}: {level}" for rule, level in levels.items())
    config_file = root / "mkdocs.yml"
    config_file.write_text(MKDOCS_YML + f"      rules: {{{rules}}}\n", encoding="utf-8")
    return config_file


def checked(
    config_file: Path, capsys: pytest.CaptureFixture[str], *options: str
) -> tuple[int, dict[str, str]]:
    capsys.readouterr()
    code = main(["check", "-f", str(config_file), "--format", "json", *options])
    findings = json.loads(capsys.readouterr().out)["findings"]
    levels: dict[str, set[str]] = {}
    for finding in findings:
        levels.setdefault(finding["rule"], set()).add(finding["severity"])
    assert all(len(seen) == 1 for seen in levels.values()), levels
    return code, {rule: seen.pop() for rule, seen in levels.items()}


def test_each_rule_is_reported_at_its_default_severity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, levels = checked(write_handbook(tmp_path, {}), capsys)
    assert code == 1
    assert {rule: levels.get(rule) for rule in DESIGN_SECTION_5} == DESIGN_SECTION_5


@pytest.mark.parametrize("level", ["error", "warning", "info"])
def test_the_setting_moves_every_rule_to_any_level(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], level: str
) -> None:
    config_file = write_handbook(tmp_path, dict.fromkeys(DESIGN_SECTION_5, level))
    code, levels = checked(config_file, capsys)
    assert {rule: levels.get(rule) for rule in DESIGN_SECTION_5} == dict.fromkeys(
        DESIGN_SECTION_5, level
    )
    assert code == (1 if level == "error" else 0)
    strict_code, _ = checked(config_file, capsys, "--strict")
    assert strict_code == (0 if level == "info" else 1)


def test_the_setting_turns_every_rule_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, levels = checked(write_handbook(tmp_path, dict.fromkeys(DESIGN_SECTION_5, "off")), capsys)
    assert not set(levels) & set(DESIGN_SECTION_5), levels
    assert code == 0


def build_messages(config_file: Path, caplog: pytest.LogCaptureFixture, strict: bool) -> list[str]:
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build(load_mkdocs_config(str(config_file), strict=strict))
    return [record.getMessage() for record in caplog.records]


def test_the_build_fails_on_the_defaults_and_passes_with_every_rule_lowered_to_info(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises((PluginError, Abort)):
        build_messages(write_handbook(tmp_path / "defaults", {}), caplog, strict=False)
    lowered = write_handbook(tmp_path / "lowered", dict.fromkeys(DESIGN_SECTION_5, "info"))
    messages = build_messages(lowered, caplog, strict=True)
    for rule in DESIGN_SECTION_5:
        assert any(f": {rule} " in message for message in messages), rule


def test_the_build_says_nothing_of_rules_turned_off(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config_file = write_handbook(tmp_path, dict.fromkeys(DESIGN_SECTION_5, "off"))
    messages = build_messages(config_file, caplog, strict=False)
    assert not [m for m in messages if any(f": {rule} " in m for rule in DESIGN_SECTION_5)], (
        messages
    )
