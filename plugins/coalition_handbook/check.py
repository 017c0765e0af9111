"""Run every check over a handbook: load, apply each rule, then the config and suppressions.

This is the engine's front door for both the CLI and the plugin; it imports no MkDocs.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from . import rules as rules_package
from .config import HandbookConfig
from .findings import Finding, Severity, count_by_severity, sort_findings
from .model import load_handbook
from .model.types import Handbook
from .rules.base import CheckContext, RuleCheck
from .suppression import parse_suppressions


@dataclass(frozen=True)
class CheckResult:
    handbook: Handbook
    findings: list[Finding]
    context: CheckContext

    @property
    def counts(self) -> dict[str, int]:
        return count_by_severity(self.findings)

    def failing(self, strict: bool) -> list[Finding]:
        """Errors always fail; warnings fail under --strict; info never does."""
        failing_levels = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
        return [finding for finding in self.findings if finding.severity in failing_levels]


@cache
def rule_checks() -> tuple[RuleCheck, ...]:
    """Every `check` function of the modules in `coalition_handbook.rules`, in name order."""
    checks: list[RuleCheck] = []
    for module_info in sorted(pkgutil.iter_modules(rules_package.__path__), key=lambda m: m.name):
        if module_info.name == "base":
            continue
        module = importlib.import_module(f"{rules_package.__name__}.{module_info.name}")
        check = getattr(module, "check", None)
        if callable(check):
            checks.append(check)
    return tuple(checks)


def run_checks(config: HandbookConfig) -> CheckResult:
    """Load the handbook and run every rule; findings come back configured and sorted."""
    handbook, findings = load_handbook(config)
    context = CheckContext(config=config, handbook=handbook)
    for check in rule_checks():
        findings.extend(check(context))
    return CheckResult(handbook, apply_config(findings, config, handbook), context)


def apply_config(
    findings: Iterable[Finding], config: HandbookConfig, handbook: Handbook
) -> list[Finding]:
    """Apply per-rule levels from `rules:` and the pages' suppression comments, then sort."""
    suppressions = {page.path: parse_suppressions(page.origin.text) for page in handbook.pages}
    kept: list[Finding] = []
    for finding in findings:
        level = config.rules.get(finding.rule)
        if level == "off":
            continue
        page_suppressions = suppressions.get(finding.path)
        if page_suppressions is not None and page_suppressions.suppresses(
            finding.rule, finding.line
        ):
            continue
        kept.append(finding.with_severity(Severity(level)) if level else finding)
    return sort_findings(kept)
