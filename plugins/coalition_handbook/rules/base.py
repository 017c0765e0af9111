"""Rule ids, default severities, and what every rule check is given."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..findings import Finding, Severity, source_excerpt

if TYPE_CHECKING:
    from ..cache import RunCache
    from ..config import HandbookConfig
    from ..model.types import Handbook, Origin


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    default: Severity
    summary: str
    # Off unless the settings give it a level (`rules: {id: info}`): a rule beyond DESIGN
    # section 5 that reports on sound content, so a sound handbook reports nothing.
    opt_in: bool = False


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule("term.avoid", Severity.WARNING, "a discouraged form is used"),
        Rule("term.deprecated", Severity.WARNING, "a form of a deprecated term is used"),
        Rule("term.case", Severity.WARNING, "a case-sensitive form written with another case"),
        Rule("term.unknown-acronym", Severity.INFO, "an all-caps word that no term defines"),
        Rule("glossary.schema", Severity.ERROR, "a term file that does not fit the schema"),
        Rule("glossary.duplicate", Severity.ERROR, "the same form claimed by two terms"),
        Rule("glossary.reference", Severity.ERROR, "related or replaced_by names no term"),
        Rule("glossary.history", Severity.ERROR, "history does not match version or order"),
        Rule("protocol.schema", Severity.ERROR, "a protocol file that does not fit the schema"),
        Rule("protocol.review-overdue", Severity.WARNING, "review_by is before today"),
        Rule("module.schema", Severity.ERROR, "module front matter that does not fit"),
        Rule("module.structure", Severity.ERROR, "Realize / Recognize / Respond missing"),
        Rule("module.reference", Severity.ERROR, "a module names an unknown protocol"),
        # Beyond DESIGN section 5, off unless the settings name it: for trainers.
        Rule(
            "module.readability",
            Severity.INFO,
            "a module's reading grade, for trainers",
            opt_in=True,
        ),
        # The last of DESIGN section 5's (tests/test_rule_modules.py keeps their ids and
        # defaults as the contract fixes them).
        Rule("privacy.pii", Severity.ERROR, "personal data in published content"),
        # Beyond DESIGN section 5, for section 11's bad input.
        Rule(
            "page.source",
            Severity.ERROR,
            "a page that is not UTF-8, holds a NUL byte or cannot be read (nothing but "
            "personal data is reported in it), a folder of pages that cannot be read, or a "
            "file of docs_dir "
            "that a symbolic link leads out of it (or into a .git folder); a warning for a "
            "file an editor leaves beside a page (left out of the site) and a page whose "
            "extension is not in lower case (no page to MkDocs), a name a clone on "
            "Windows or macOS cannot hold, or an HTML comment the page would publish as "
            "text (left open, or closed only past its paragraph)",
        ),
        Rule(
            "page.front-matter",
            Severity.ERROR,
            "a page's front matter that does not parse, a value of the wrong type, or (a warning) "
            "a block MkDocs would publish as text: never closed, or no mapping, or a key "
            "of the pages the handbook generates (handbook_...) on a page written by hand",
        ),
        Rule(
            "page.replaced",
            Severity.WARNING,
            "a page at the path or address of a generated page",
        ),
        Rule(
            "link.unsafe",
            Severity.ERROR,
            "a javascript: or vbscript: address, or a data: one but a picture's",
        ),
        Rule(
            "html.active-content",
            Severity.WARNING,
            "a <script>, an event handler, a frame, an embedded object or a <base> in "
            "published Markdown or in an HTML, SVG or XML file the site publishes as it is, "
            "an attr_list event handler in a definition, or markup in the texts of "
            "mkdocs.yml the theme writes into every page",
        ),
        Rule(
            "markdown.nesting",
            Severity.ERROR,
            "lists, quotes or admonitions nested deeper than can be rendered, or "
            "brackets or tags left open by the thousand",
        ),
        Rule(
            "glossary.html",
            Severity.INFO,
            "an HTML tag in a definition, shown as text, or an attr_list style or href, left out",
        ),
        Rule(
            "glossary.short",
            Severity.INFO,
            "Markdown or HTML in a short, shown as typed, or a first sentence too long "
            "for the tooltip a term without a short gets",
        ),
        Rule(
            "suppression.unknown-rule",
            Severity.WARNING,
            "a suppression comment names no rule, or is misspelt",
        ),
    )
}


def rule_level(levels: Mapping[str, str], rule_id: str) -> str | None:
    """The level the settings (`levels`, the `rules` option) give `rule_id`: as set, or
    "off" for an opt-in rule they leave out, or None (its default severity)."""
    level = levels.get(rule_id)
    if level is None and rule_id in RULES and RULES[rule_id].opt_in:
        return "off"
    return level


@dataclass
class CheckContext:
    """What a rule check sees: the settings, the loaded handbook, and shared state that is
    computed once per run on first use (the compiled matcher, the scanned documents)."""

    config: HandbookConfig
    handbook: Handbook
    # The persistent cache of this run (None: no cache): the scan keeps its results there.
    cache: RunCache | None = None
    _shared: dict[str, Any] = field(default_factory=dict)

    def shared(self, key: str, compute: Callable[[], Any]) -> Any:
        """Compute `key` once per run and share it between rules (e.g. the matcher)."""
        if key not in self._shared:
            self._shared[key] = compute()
        return self._shared[key]

    @cached_property
    def term_ids(self) -> frozenset[str]:
        return frozenset(self.handbook.terms)

    def finding(
        self,
        rule: str,
        path: str,
        line: int,
        column: int,
        message: str,
        *,
        found: str | None = None,
        suggestion: str | None = None,
        term: str | None = None,
    ) -> Finding:
        """A finding of `rule` at its default severity; the runner applies the config."""
        known = RULES.get(rule)
        if known is None:
            # A new rule module whose id was never registered: say where it goes, rather
            # than a bare KeyError from deep inside the run.
            raise LookupError(
                f"rule {rule!r} is not in coalition_handbook.rules.base.RULES: add a "
                f"Rule({rule!r}, <default severity>, <summary>) there "
                '(CONTRIBUTING.md, "Add a rule")'
            )
        return Finding(
            rule=rule,
            severity=known.default,
            path=path,
            line=line,
            column=column,
            message=message,
            found=found,
            suggestion=suggestion,
            term=term,
        )

    def finding_at(self, rule: str, origin: Origin, key: str, message: str) -> Finding:
        """A finding at the value `key` of a YAML record or front matter (or its nearest
        parent), as `finding` places it."""
        span = origin.span(key)
        found = source_excerpt(origin.text, span.start, span.end)
        return self.finding(rule, origin.path, span.line, span.column, message, found=found)


RuleCheck = Callable[[CheckContext], Iterator[Finding]]

# What each rule module reads, for the checks that redo only what an edit changed
# (check.py). The page rules read a plain page (one that is no module) only to report in
# it: its text and the settings, plus the terms' forms through the matcher and, for
# term.avoid, the reasons of the forms it finds; nothing they report in one page depends
# on another page. The other rules read no plain page at all: terms, protocols, modules,
# the settings. A rule module in neither set turns those shortcuts off.
PAGE_RULES = frozenset(
    {
        "term_avoid",
        "term_case",
        "term_deprecated",
        "term_unknown_acronym",
        "privacy_pii",
        "page_source",  # a page's own file
        "page_front_matter",  # a page's own front matter
        "link_unsafe",  # a page's text, as the scan left it
        # A page's own text (and protocols', terms', a markup file's; mkdocs.yml's texts,
        # which the settings, and so every run, hold).
        "html_active_content",
        "markdown_nesting",  # a page's own text (and terms' and protocols')
        "glossary_html",  # a term's own definition, as the scan left it; no page
        "page_replaced",  # a page's path, and the names in the record folders' listings
        # A page's path and front matter (a module in a subfolder), and the names in the
        # modules folder's listing.
        "module_subfolder",
        "suppression_unknown_rule",  # a page's own text (and terms' and protocols')
    }
)
NON_PAGE_RULES = frozenset(
    {
        "glossary_duplicate",  # the terms
        "glossary_history",  # terms, protocols and modules, each alone, the date
        "glossary_reference",  # the terms, the rejected term files
        "glossary_short",  # each term alone
        "handout_nesting",  # each module alone, the settings
        "module_readability",  # each module alone
        "module_reference",  # the modules, the protocols, the rejected protocol files
        "module_structure",  # each module alone
        "protocol_review",  # each protocol alone, the date
    }
)
# Of those, the rules that read each term file alone (and each protocol and module, and
# the date): after an edit that keeps the terms' forms, they read only the term files that
# changed, as the page rules do; the others' findings are the last run's.
TERM_FILE_RULES = frozenset({"glossary_history", "glossary_short"})


# The cache namespace of the findings rules keep (`cached_findings`).
RULES_NAMESPACE = "rules"


def cached_findings(
    context: CheckContext,
    rule: str,
    reads: Callable[[], str],
    compute: Callable[[], list[Finding]],
) -> list[Finding]:
    """The findings of a rule, through the cache: kept under `reads()`, a digest of all
    that the rule reads. Without a cache nothing is kept, and `reads` is not called:
    glossary.duplicate's digest of every term's forms took 20 ms of a cold run at 2,000
    terms."""
    cache = context.cache
    if cache is None or not cache.enabled:
        return compute()
    key = cache.key(rule, reads())
    found = cache.load(RULES_NAMESPACE, key)
    if isinstance(found, list):
        return found
    findings = compute()
    cache.store(RULES_NAMESPACE, key, findings)
    return findings
