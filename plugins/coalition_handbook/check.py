"""Run every check over a handbook: load, apply each rule, then the config and suppressions.

This is the engine's front door for both the CLI and the plugin; it imports no MkDocs.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import fields
from functools import cache
from pathlib import Path

from . import rules as rules_package
from .cache import STATS, RunCache, digest
from .collection import fewer_collections
from .config import HandbookConfig
from .documents import matcher, scan_handbook
from .findings import Finding, Severity, count_by_severity, sort_findings
from .model import load_handbook
from .model.modules import module_files
from .model.pages import markdown_files
from .model.records import record_files
from .model.source import relative_path
from .model.types import Handbook
from .rules.base import CheckContext, RuleCheck
from .suppression import parse_suppressions


class CheckResult:
    """The findings of a run, and the loaded handbook and shared scan behind them.

    When the whole run came from the cache, the handbook is only loaded (from the cached
    records) if someone asks for it: `handbook check` never does, the site does.
    """

    def __init__(
        self,
        findings: list[Finding],
        context: CheckContext | None = None,
        load_context: Callable[[], CheckContext] | None = None,
    ) -> None:
        self.findings = findings
        self._context = context
        self._load_context = load_context

    @property
    def context(self) -> CheckContext:
        if self._context is None:
            assert self._load_context is not None
            self._context = self._load_context()
        return self._context

    @property
    def handbook(self) -> Handbook:
        return self.context.handbook

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
    """Load the handbook and run every rule; findings come back configured and sorted.

    Through the persistent cache (`.cache/handbook/` beside mkdocs.yml, off with
    HANDBOOK_NO_CACHE=1): a run whose inputs (every source file's bytes, the settings,
    the engine) are those of a cached run returns that run's findings; otherwise only the
    files that changed are parsed and scanned again.
    """
    with fewer_collections():
        return _run_checks(config)


def _run_checks(config: HandbookConfig) -> CheckResult:
    cache = RunCache.beside(config.root)
    if not cache.enabled:
        context, findings = _check(config, None)
        return CheckResult(findings, context)
    key, listing = inputs_key(config, cache)
    cached = cache.load("runs", key)
    if isinstance(cached, list):
        STATS.results += 1
        findings = [Finding(*values) for values in cached]
        cache.flush()  # the file index, if some file was hashed again
        return CheckResult(findings, load_context=lambda: _load_context(config, cache))
    context, findings = _check(config, cache)
    # Keep the result only if the run read exactly the inputs the key was made of (no
    # file appeared, vanished or changed while it ran).
    if cache.read_only_from(listing) and inputs_key(config, cache, reread=True)[0] == key:
        # As plain tuples: a cached run is read back several times faster.
        cache.store("runs", key, [_finding_values(finding) for finding in findings])
    cache.flush()
    return CheckResult(findings, context)


def _finding_values(finding: Finding) -> tuple[object, ...]:
    return tuple(getattr(finding, item.name) for item in fields(finding))


def _load_context(config: HandbookConfig, cache: RunCache) -> CheckContext:
    """The handbook and its scan behind cached findings (the site needs them)."""
    with fewer_collections():
        handbook, _ = load_handbook(config, cache)
        context = CheckContext(config=config, handbook=handbook, cache=cache)
        scan_handbook(context)
        matcher(context)
    cache.flush()
    cache.release()
    return context


def _check(config: HandbookConfig, cache: RunCache | None) -> tuple[CheckContext, list[Finding]]:
    handbook, findings = load_handbook(config, cache)
    context = CheckContext(config=config, handbook=handbook, cache=cache)
    for check in rule_checks():
        findings.extend(check(context))
    return context, apply_config(findings, config, handbook)


def inputs_key(
    config: HandbookConfig, cache: RunCache, reread: bool = False
) -> tuple[str, frozenset[Path]]:
    """A digest of everything a run's findings depend on, and the files it covers: the
    settings, the names in the record folders (misplaced files are findings), and the
    bytes of every record, module and page file. `reread` reads the files again from
    disk instead of taking the bytes this run already read."""
    parts: list[str] = [_config_key(config)]
    files: list[Path] = []
    root = len(str(config.root)) + 1
    for directory in (config.glossary_dir, config.protocols_dir):
        if directory.is_dir():
            names = sorted(os.listdir(directory))  # noqa: PTH208 - names only, no Path each
            parts += [relative_path(config, directory), *names]
            files += record_files(directory)
        else:
            parts += [relative_path(config, directory), "(none)"]
    files += module_files(config)
    files += markdown_files(config.docs_dir)
    for path in files:
        if reread:
            try:
                data = path.read_bytes()
            except OSError as error:
                data = str(error).encode()
            parts += [str(path)[root:], digest(data)]
        else:
            parts += [str(path)[root:], cache.file_digest(path)]
    return cache.key("run", *parts), frozenset(files)


def _config_key(config: HandbookConfig) -> str:
    """The settings, written the same way in every process (sets sorted) and wherever
    the handbook is checked out (paths relative to mkdocs.yml)."""
    values: list[str] = []
    for item in fields(config):
        value = getattr(config, item.name)
        if isinstance(value, Path):
            value = relative_path(config, value) if item.name != "root" else "."
        elif isinstance(value, frozenset | set):
            value = sorted(value)
        elif isinstance(value, Mapping):
            value = sorted(value.items())
        values.append(f"{item.name}={value!r}")
    return "\n".join(values)


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
