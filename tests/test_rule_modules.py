"""The rule modules say which rules they report, so a rule turned off in the settings is
not run at all, and none is skipped whose findings some rule left on still needs."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from test_handouts import module_text, write_handbook

from coalition_handbook import rules as rules_package
from coalition_handbook.check import page_rules_known, reported_rules, rule_checks, run_checks
from coalition_handbook.config import load_config
from coalition_handbook.rules import RULES, CheckContext
from coalition_handbook.rules.base import NON_PAGE_RULES, PAGE_RULES

RULE_ID = re.compile(r"""["']([a-z]+\.[a-z-]+)["']""")


def test_every_rule_a_module_names_is_one_it_reports() -> None:
    assert len(rule_checks()) > 5  # the checks were found: else nothing below is checked
    for check in rule_checks():
        source = inspect.getsource(inspect.getmodule(check))
        named = {rule for rule in RULE_ID.findall(source) if rule in RULES}
        assert named, f"{check.__module__} names no rule"
        unreported = named - reported_rules(check)
        assert not unreported, (
            f"{check.__module__} names {sorted(unreported)} but reports only "
            f"{sorted(reported_rules(check))}: a module that reports more than its RULE "
            "lists them all in REPORTS = (...), which decides whether it runs when the "
            "settings turn a rule off"
        )


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


def test_a_finding_of_a_rule_never_registered_says_where_to_register_it() -> None:
    """Audit (a first contributor adding a rule): a rule module whose id was not in
    `rules.base.RULES` stopped `handbook check` with a bare `KeyError: 'page.todo'`."""
    context = CheckContext(config=None, handbook=None)  # type: ignore[arg-type]
    with pytest.raises(
        LookupError, match=r"'example\.never-registered' is not in coalition_handbook\.rules"
    ):
        context.finding("example.never-registered", "content/index.md", 1, 1, "a message")


def test_every_rule_module_says_what_it_reads() -> None:
    """A rule module in neither `PAGE_RULES` nor `NON_PAGE_RULES` silently turns off the
    checks that redo only what an edit changed (every run then rescans every page): a new
    rule must be put in one of them (CONTRIBUTING.md, "Add a rule")."""
    modules = {check.__module__.rsplit(".", 1)[-1] for check in rule_checks()}
    unsorted = sorted(modules - (PAGE_RULES | NON_PAGE_RULES))
    assert unsorted == [], (
        f"add each to rules.base.PAGE_RULES (it reads each plain page alone) or "
        f"NON_PAGE_RULES (it reads no plain page): {unsorted}"
    )
    assert page_rules_known()


def test_a_rules_module_without_check_is_a_helper_some_module_imports() -> None:
    """Only a module's `check` is run: one whose function is misnamed (`def chek`) would be
    skipped without a word. A module of `rules/` with no `check` must be a helper that
    another module imports."""
    folder = Path(rules_package.__file__).parent
    rule_modules = {check.__module__.rsplit(".", 1)[-1] for check in rule_checks()}
    sources = "\n".join(
        path.read_text(encoding="utf-8") for path in Path(folder).parent.rglob("*.py")
    )
    for path in sorted(folder.glob("*.py")):
        name = path.stem
        if name in rule_modules or name in {"__init__", "base"}:
            continue
        imported = re.search(
            rf"(from \.+(rules\.)?{name} import|from \. import .*\b{name}\b)", sources
        )
        assert imported, (
            f"rules/{name}.py defines no check() and no module imports it: name a rule's "
            "function check(context), or import a helper from the module that uses it"
        )


# DESIGN section 5's rules, which the contract fixes (ids and default severities), as it
# gives them; DESIGN itself is kept outside the repository (audit: a newcomer adding a
# rule could not tell which ids are the contract's, and a changed default passed).
DESIGN_SECTION_5 = {
    "term.avoid": "warning",
    "term.deprecated": "warning",
    "term.case": "warning",
    "term.unknown-acronym": "info",
    "glossary.schema": "error",
    "glossary.duplicate": "error",
    "glossary.reference": "error",
    "glossary.history": "error",
    "protocol.schema": "error",
    "protocol.review-overdue": "warning",
    "module.schema": "error",
    "module.structure": "error",
    "module.reference": "error",
    "privacy.pii": "error",
}


def test_the_rules_of_design_section_5_keep_their_ids_and_defaults() -> None:
    registered = {
        rule.id: rule.default.value for rule in RULES.values() if rule.id in DESIGN_SECTION_5
    }
    assert registered == DESIGN_SECTION_5, (
        "DESIGN section 5 fixes these rules' ids and default severities: keep their Rule(...) "
        "in rules/base.py as DESIGN_SECTION_5 gives them (a handbook changes a level in "
        "mkdocs.yml's `rules:`; a new rule gets an id of its own)"
    )
    assert not any(RULES[rule].opt_in for rule in DESIGN_SECTION_5), (
        "DESIGN section 5's rules are on by default: no opt_in=True for them"
    )
