"""The rule modules say which rules they report, so a rule turned off in the settings is
not run at all, and none is skipped whose findings some rule left on still needs."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from test_handouts import module_text, write_handbook

from coalition_handbook.check import reported_rules, rule_checks, run_checks
from coalition_handbook.config import load_config
from coalition_handbook.rules import RULES

RULE_ID = re.compile(r"""["']([a-z]+\.[a-z-]+)["']""")


def test_every_rule_a_module_names_is_one_it_reports() -> None:
    assert len(rule_checks()) > 5  # the checks were found: else nothing below is checked
    for check in rule_checks():
        source = inspect.getsource(inspect.getmodule(check))
        named = {rule for rule in RULE_ID.findall(source) if rule in RULES}
        assert named, f"{check.__module__} names no rule"
        assert named <= reported_rules(check), check.__module__


def test_the_history_check_reports_the_schema_rules_of_protocols_and_modules() -> None:
    (history,) = [check for check in rule_checks() if check.__module__.endswith("history")]
    assert reported_rules(history) == {"glossary.history", "protocol.schema", "module.schema"}


def test_a_rule_left_on_is_reported_when_another_of_its_module_is_off(tmp_path: Path) -> None:
    # The history check also reports a module's history as module.schema.
    module = module_text("Sample", protocols="[]").replace("version: 3\n", "version: 4\n", 1)
    config_file = write_handbook(tmp_path, modules={"sample": module})
    config_file.write_text(
        config_file.read_text(encoding="utf-8") + "      rules: {glossary.history: off}\n",
        encoding="utf-8",
    )
    findings = run_checks(load_config(config_file)).findings
    assert [
        (finding.rule, finding.path) for finding in findings if "history" in finding.message
    ] == [("module.schema", "content/modules/sample.md")]
