"""Run every check over a handbook: load, apply each rule, then the config and suppressions.

This is the engine's front door for both the CLI and the plugin; it imports no MkDocs.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields, replace
from functools import cache
from pathlib import Path

from . import rules as rules_package
from .cache import STATS, RunCache, engine_fingerprint
from .collection import fewer_collections
from .config import HandbookConfig
from .documents import (
    avoid_reasons,
    forms_key,
    matcher,
    matcher_cache_key,
    scan,
    scan_handbook,
    terms_forms_key,
    written_terms,
)
from .findings import Finding, Severity, count_by_severity, sort_findings
from .forms import inflection_language
from .matching import Matcher
from .model import load_handbook
from .model.files import load_text_file
from .model.glossary import RULE as GLOSSARY_RULE
from .model.glossary import build_term
from .model.pages import load_page
from .model.records import cached_records, records_namespace
from .model.source import relative_path
from .model.term_facts import term_paths
from .model.types import Handbook, Term
from .rules.base import (
    NON_PAGE_RULES,
    PAGE_RULES,
    RULES,
    RULES_NAMESPACE,
    TERM_FILE_RULES,
    CheckContext,
    RuleCheck,
    rule_level,
)
from .rules.page_source import FILE_RULES as NOT_TEXT_RULES
from .rules.page_source import RULE as PAGE_SOURCE_RULE
from .rules.page_source import not_text as page_is_not_text
from .rules.privacy_pii import READ_ALONG as PRIVACY_READ_ALONG
from .rules.privacy_pii import RULE as PRIVACY_RULE
from .rules.privacy_pii import ReadAlong as PrivacyReadAlong
from .snapshot import (
    FindingValues,
    Snapshot,
    Survey,
    changed_names,
    finding_values,
    read_by_pages,
    survey,
)
from .suppression import shared_suppressions

# Where a finding's path is in its value tuple.
_PATH = [item.name for item in fields(Finding)].index("path")
# The packs every run that loads the handbook reads whole, pages it leaves out or not:
# the records of the terms, protocols and modules, and the findings of the rules over
# every term (glossary.duplicate's). Pruned by each such run (`_recheck`).
_READ_WHOLE = (
    records_namespace("term"),
    records_namespace("protocol"),
    records_namespace("module"),
    RULES_NAMESPACE,
)


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


def _rule_module(check: RuleCheck) -> str:
    return check.__module__.rsplit(".", 1)[-1]


def active_rule_checks(config: HandbookConfig) -> tuple[RuleCheck, ...]:
    """The checks that report a rule the settings do not turn off: an unwanted rule
    costs nothing (`module.readability` alone imports textstat, 0.07 s)."""
    off = {rule for rule in RULES if rule_level(config.rules, rule) == "off"}
    if not off:
        return rule_checks()
    return tuple(check for check in rule_checks() if not reported_rules(check) <= off)


def reported_rules(check: RuleCheck) -> frozenset[str]:
    """The rules whose findings `check` makes: its module's `REPORTS`, else its `RULE`.
    A module that names neither reports `"?"`, which no setting turns off."""
    module = importlib.import_module(check.__module__)
    rule = getattr(module, "RULE", "?")
    return frozenset(getattr(module, "REPORTS", (rule,)))


@cache
def page_rules_known() -> bool:
    """Whether every rule is known to read plain pages one at a time, or none at all
    (`rules.base.PAGE_RULES`, `NON_PAGE_RULES`): what checking pages apart relies on."""
    return all(_rule_module(check) in PAGE_RULES | NON_PAGE_RULES for check in rule_checks())


def run_checks(config: HandbookConfig) -> CheckResult:
    """Load the handbook and run every rule; findings come back configured and sorted.

    Through the persistent cache (`.cache/handbook/` beside mkdocs.yml, off with
    HANDBOOK_NO_CACHE=1), a run redoes only what changed since the last one (see
    `snapshot`): nothing, if no input changed; only the edited pages and text files, if
    nothing but plain pages and text files (`model.files`) changed; otherwise every rule
    over the terms, protocols and modules, the plain pages and text files that changed,
    and all of them only if the terms' forms or the settings did.
    Unchanged files are not parsed again, nor texts scanned again (cached records, scans).
    """
    with fewer_collections():
        return _run_checks(config)


def _run_checks(config: HandbookConfig) -> CheckResult:
    cache = RunCache.beside(config.root, config.config_name)
    if not cache.enabled:
        context, findings = _check(config, None)
        return CheckResult(findings, context)
    # The files pages include (pymdownx.snippets, mkdocs-include-markdown-plugin) are
    # known only once the pages are read: each run checks every file (unchanged ones'
    # parses and scans from the cache).
    includes = config.snippets is not None or config.markdown_includes is not None
    previous = None if includes else Snapshot.load(cache)
    found = survey(config, cache, previous)
    config_key = _config_key(config)
    if previous is not None and previous.config_key != config_key:
        previous = None  # every finding may change with the settings
    changed = changed_names(found, previous) if previous is not None else None
    if (
        previous is not None
        and changed is not None
        and previous.pages_apart
        and previous.listings == found.listings
        and changed <= set(found.checked_apart) | set(previous.page_findings)
    ):
        result = _recheck_pages(config, cache, found, previous, changed)
        if result is not None:
            return result
    return _recheck(config, cache, found, previous, config_key)


def _recheck_pages(
    config: HandbookConfig, cache: RunCache, found: Survey, previous: Snapshot, changed: set[str]
) -> CheckResult | None:
    """The findings when nothing but plain pages and text files changed (None when that
    cannot be worked out so: a rule not known to be per page, the cached matcher gone, a
    file named otherwise in findings): the page rules over the changed files only."""
    apart = found.checked_apart
    page_findings = {
        name: found_values
        for name, found_values in previous.page_findings.items()
        if name not in changed and name in apart
    }
    checked = {name: Path(path) for name, path in apart.items() if name in changed}
    if checked:
        if not page_rules_known():
            return None
        if any(relative_path(config, path) != name for name, path in checked.items()):
            return None
        term_matcher = cache.load("matcher", previous.matcher_key)
        if not isinstance(term_matcher, Matcher):
            return None
        new = _check_pages(
            config,
            cache,
            [path for name, path in checked.items() if name in found.plain_pages],
            [path for name, path in checked.items() if name in found.text_files],
            term_matcher,
        )
        for name in checked:
            page_findings[name] = tuple(values for values in new if values[_PATH] == name)
    elif not changed:
        STATS.results += 1
    # The survey's folder: a copy elsewhere hashed its files once, and trusts them now.
    snapshot = replace(
        previous,
        root=found.root,
        inputs_key=found.inputs_key,
        files=found.files,
        page_findings=page_findings,
    )
    if not found.unchanged or page_findings != previous.page_findings:
        snapshot.store(cache)
    return _lazy_result(snapshot.findings(), config, cache)


def _check_pages(
    config: HandbookConfig,
    cache: RunCache,
    paths: list[Path],
    text_paths: list[Path],
    term_matcher: Matcher,
) -> list[FindingValues]:
    """The findings of the page rules in the pages at `paths` and the text files at
    `text_paths`, configured, as value tuples. Besides the files and the settings, those
    rules read the matcher and the terms whose forms a page uses (the reasons to avoid a
    form): only those are loaded."""
    pages = tuple(page for page in (load_page(path, config) for path in paths) if page)
    text_files = tuple(
        text_file
        for text_file in (load_text_file(path, config, cache) for path in text_paths)
        if text_file is not None
    )
    documents = scan(
        Handbook({}, {}, {}, pages), term_matcher, definition_lists=config.definition_lists
    )
    used = {hit[2].term_id for document in documents for hits in document.hits for hit in hits}
    used_term_files = [config.glossary_dir / f"{term_id}.yml" for term_id in sorted(used)]
    terms, _, _ = cached_records(used_term_files, config, "term", GLOSSARY_RULE, build_term, cache)
    handbook = Handbook(terms=terms, protocols={}, modules={}, pages=pages, text_files=text_files)
    context = CheckContext(config=config, handbook=handbook, cache=cache)
    context.shared("matcher", lambda: term_matcher)
    context.shared("scan", lambda: documents)
    findings: list[Finding] = []
    for check in active_rule_checks(config):
        if _rule_module(check) in PAGE_RULES:
            findings.extend(check(context))
    cache.flush(prune=False)
    return [finding_values(finding) for finding in apply_config(findings, context)]


def _recheck(
    config: HandbookConfig,
    cache: RunCache,
    found: Survey,
    previous: Snapshot | None,
    config_key: str,
) -> CheckResult:
    """Every rule over the terms, protocols and modules, and over the plain pages that
    changed, or over all of them if there is no snapshot to take the others from or the
    terms' forms changed. The page rules and the term-file rules (`TERM_FILE_RULES`),
    which read each file alone, skip the term files that did not change either: their
    findings come from the snapshot too. The handbook and context come back with the
    findings when every file was checked; otherwise they are loaded again when asked
    for."""
    loaded = _load(config, cache, found, previous)
    handbook = loaded.handbook
    context = CheckContext(config=config, handbook=handbook, cache=cache)
    context.shared("forms_key", lambda: loaded.terms_key)
    page_context = _page_rule_context(context, loaded.reused_terms)
    page_rule_findings: list[Finding] = []
    other_findings = loaded.findings
    for check in active_rule_checks(config):
        if _rule_module(check) in PAGE_RULES | TERM_FILE_RULES:
            page_rule_findings.extend(check(page_context))
        else:
            other_findings.extend(check(context))
    page_rule_findings = apply_config(page_rule_findings, context)
    other_findings = apply_config(other_findings, context)
    reused = loaded.reused_pages | loaded.reused_terms
    pages_apart = _pages_checked_apart(config, found, loaded)
    if pages_apart:
        kept = _findings_by_file(found, loaded, previous, page_rule_findings, other_findings)
    else:
        kept = _findings_together(loaded, previous, page_rule_findings + other_findings)
    snapshot = Snapshot(
        engine=engine_fingerprint(),
        root=found.root,
        config_key=config_key,
        listings=found.listings,
        folder_names=found.folder_names,
        listed_names=found.listed_names,
        record_names=found.record_names,
        inputs_key=found.inputs_key,
        files=found.files,
        forms_key=forms_key(context),
        matcher_key=matcher_cache_key(cache, forms_key(context)),
        pages_apart=pages_apart,
        page_findings=kept.page_findings,
        term_findings=kept.term_findings,
        other_findings=kept.other,
    )
    matcher(context)  # cached for a next run that checks pages alone
    # Every term, protocol and module file is loaded, or held unread (`model.term_facts`),
    # and the rules over every term run, even in a run that leaves pages out: what was
    # kept of those files as they were before an edit goes.
    cache.flush(prune=not reused, read_whole=_READ_WHOLE)
    snapshot.store(cache)
    if reused:
        return _lazy_result(snapshot.findings(), config, cache)
    return CheckResult(sort_findings(page_rule_findings + other_findings), context)


def _pages_checked_apart(config: HandbookConfig, found: Survey, loaded: _Loaded) -> bool:
    """Whether the findings can be kept by page. Only if the pages loaded are the pages
    the survey listed: a page saved between the two listings would otherwise have its
    findings kept with the terms' and modules', where no later edit of pages alone would
    ever drop them. So with the text files."""
    handbook = loaded.handbook
    return (
        page_rules_known()
        and all(
            relative_path(config, Path(path)) == name
            for name, path in found.checked_apart.items()
            if name not in loaded.reused_pages
        )
        and all(page.path in found.paths for page in handbook.pages)
        and all(text_file.path in found.text_files for text_file in handbook.text_files)
    )


@dataclass(frozen=True)
class _KeptFindings:
    """A run's findings as the snapshot keeps them: by plain page or text file, by term
    file, and the others."""

    page_findings: dict[str, tuple[FindingValues, ...]]
    term_findings: dict[str, tuple[FindingValues, ...]]
    other: tuple[FindingValues, ...]


def _findings_by_file(
    found: Survey,
    loaded: _Loaded,
    previous: Snapshot | None,
    page_rule_findings: list[Finding],
    other_findings: list[Finding],
) -> _KeptFindings:
    """The findings kept by file, with those of the files `loaded` reused from
    `previous`. A plain page's or text file's findings are those at its path (its file
    name, as just checked); a term file's are those of the page and term-file rules at
    its path."""
    other: list[FindingValues] = []
    by_page: dict[str, list[FindingValues]] = {name: [] for name in found.checked_apart}
    by_term: dict[str, list[FindingValues]] = {
        path: [] for path in term_paths(loaded.handbook.terms)
    }
    for finding in page_rule_findings:
        group = by_page.get(finding.path, by_term.get(finding.path, other))
        group.append(finding_values(finding))
    for finding in other_findings:
        by_page.get(finding.path, other).append(finding_values(finding))
    page_findings = {name: tuple(values) for name, values in by_page.items()}
    term_findings = {path: tuple(values) for path, values in by_term.items() if values}
    if previous is not None:
        page_findings.update({name: previous.page_findings[name] for name in loaded.reused_pages})
        term_findings.update(
            (path, previous.term_findings[path])
            for path in loaded.reused_terms
            if path in previous.term_findings
        )
    return _KeptFindings(page_findings, term_findings, tuple(other))


def _findings_together(
    loaded: _Loaded, previous: Snapshot | None, findings: list[Finding]
) -> _KeptFindings:
    """The `findings` kept all together, with those of the files `loaded` reused from
    `previous`: the files left out keep their findings all the same."""
    other = [finding_values(finding) for finding in findings]
    if previous is not None:
        for name in loaded.reused_pages:
            other += previous.page_findings[name]
        for path in loaded.reused_terms:
            other += previous.term_findings.get(path, ())
    return _KeptFindings({}, {}, tuple(other))


def _page_rule_context(context: CheckContext, reused_terms: set[str]) -> CheckContext:
    """The context the page rules run in: `context`, or one whose handbook leaves out the
    term files in `reused_terms`, sharing the matcher, the terms' forms and the reasons
    to avoid a form of every term."""
    if not reused_terms:
        return context
    handbook = context.handbook
    checked_terms = {
        term_id: handbook.terms[term_id]
        for term_id, path in zip(handbook.terms, term_paths(handbook.terms), strict=True)
        if path not in reused_terms
    }
    page_context = CheckContext(
        config=context.config, handbook=replace(handbook, terms=checked_terms), cache=context.cache
    )
    page_context.shared("matcher", lambda: matcher(context))
    page_context.shared("forms_key", lambda: forms_key(context))
    page_context.shared("avoid_reasons", lambda: avoid_reasons(context))
    page_context.shared("written_terms", lambda: written_terms(context))
    # What privacy.pii's files read in `context`'s scan's fork: those of its own are too.
    page_context.shared(
        PRIVACY_READ_ALONG, lambda: context.shared(PRIVACY_READ_ALONG, PrivacyReadAlong)
    )
    return page_context


@dataclass
class _Loaded:
    """What `_load` gives: the handbook, the problems found loading it, the plain pages
    and text files left out, the term files the page rules skip (unchanged: the snapshot holds what
    they found), by name, and the terms' `forms_key`."""

    handbook: Handbook
    findings: list[Finding]
    reused_pages: set[str]
    reused_terms: set[str]
    terms_key: str


def _load(
    config: HandbookConfig, cache: RunCache, found: Survey, previous: Snapshot | None
) -> _Loaded:
    """As `model.load_handbook`, but leaving out the plain pages and text files whose
    findings can be taken from `previous`: unchanged, while the settings, the terms' forms and the
    folders' listings are too.
    The term files that did not change are named for the page and term-file rules to
    skip; the rules over every term read their facts, and their terms are read from the
    cache only if a check looks further (`model.term_facts`)."""
    if previous is None:
        # Nothing to take from a snapshot: every file is read, the pages while a child
        # reads term files, where one does (`model.load_handbook`).
        handbook, findings = load_handbook(config, cache)
        language = inflection_language(config.language)
        return _Loaded(handbook, findings, set(), set(), terms_forms_key(handbook.terms, language))
    reused_pages: set[str] = set()
    reused_terms: set[str] = set()
    terms_key = ""

    def leave_out(terms: Mapping[str, Term]) -> set[str]:
        nonlocal terms_key
        terms_key = terms_forms_key(terms, inflection_language(config.language))
        if (
            previous.pages_apart
            and previous.forms_key == terms_key
            # page.replaced reads the listings (record names, the modules folder's being)
            and read_by_pages(previous.listings) == read_by_pages(found.listings)
        ):
            old, new = previous.files.digests, found.files.digests
            reused_pages.update(
                name
                for name in found.checked_apart
                if name in previous.page_findings and old.get(name) == new[name]
            )
            # A term file read as it was: its page rules found what they found then (an
            # unchanged file is loaded, or rejected, as it was).
            reused_terms.update(
                path
                for path in term_paths(terms)
                if new.get(path) is not None and old.get(path) == new[path]
            )
        return reused_pages

    handbook, findings = load_handbook(config, cache, leave_out)
    return _Loaded(handbook, findings, reused_pages, reused_terms, terms_key)


def _lazy_result(findings: list[Finding], config: HandbookConfig, cache: RunCache) -> CheckResult:
    """Findings whose handbook is loaded (from the cached records) only when asked for."""
    return CheckResult(findings, load_context=lambda: _load_context(config, cache))


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
    for check in active_rule_checks(config):
        findings.extend(check(context))
    return context, apply_config(findings, context)


def _config_key(config: HandbookConfig) -> str:
    """The settings, written the same way in every process (sets sorted) and wherever
    the handbook is checked out (paths relative to mkdocs.yml)."""
    values: list[str] = []
    for item in fields(config):
        # What fails, where the site goes or is published, what its config file is named
        # (the handout cache's site), and which pages are drafts (`mkdocs serve` shows
        # them: no rule reads it) change nothing found.
        if item.name in (
            "strict",
            "site_dir",
            "site_url",
            "site_url_refused",
            "config_name",
            "draft_docs",
        ):
            continue
        value = getattr(config, item.name)
        if isinstance(value, Path):
            value = relative_path(config, value) if item.name != "root" else "."
        elif isinstance(value, frozenset | set):
            value = sorted(value)
        elif isinstance(value, Mapping):
            value = sorted(value.items())
        values.append(f"{item.name}={value!r}")
    return "\n".join(values)


def apply_config(findings: Iterable[Finding], context: CheckContext) -> list[Finding]:
    """Apply per-rule levels from `rules:` and the suppression comments, then sort.
    A finding made twice (a YAML alias repeats its anchor's text: both uses point at the
    anchor) is reported once. In a page that is no text, only the errors about the file
    are, and its personal data."""
    suppressions = shared_suppressions(context)
    # With page.source off, what the other rules find is all that is said of such a file.
    not_text = (
        {page.path for page in context.handbook.checked_pages if page_is_not_text(page)}
        if rule_level(context.config.rules, PAGE_SOURCE_RULE) != "off"
        else set()
    )
    # Of a file pages include in part, the lines they leave out are not published.
    included_lines = context.handbook.included_lines
    kept: list[Finding] = []
    for finding in findings:
        published = included_lines.get(finding.path)
        if (
            published is not None
            and finding.line not in published
            and finding.rule != PAGE_SOURCE_RULE
        ):
            continue
        if (
            finding.path in not_text
            and finding.rule not in NOT_TEXT_RULES
            # Personal data is never published unreported, were page.source lowered.
            and finding.rule != PRIVACY_RULE
        ):
            continue  # found in what its bytes spell by chance
        level = rule_level(context.config.rules, finding.rule)
        if level == "off":
            continue
        page_suppressions = suppressions.get(finding.path)
        if page_suppressions is not None and page_suppressions.suppresses(
            finding.rule, finding.line
        ):
            continue
        kept.append(finding.with_severity(Severity(level)) if level else finding)
    return sort_findings(list(dict.fromkeys(kept)))
