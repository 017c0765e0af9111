"""The content model: load a handbook's terms, protocols, modules and pages.

`load_handbook` reads every file, collects every problem of every file (a term,
protocol or module file with problems is left out of the `Handbook`, its path listed in
`Handbook.rejected` and what can still be checked of it in `Handbook.rejected_records`;
a module's page stays), and never raises for bad content.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..cache import RunCache
from ..config import HandbookConfig
from ..findings import Finding, Severity
from ..parallel import Meanwhile
from .files import in_record_folder, load_text_file, published_files
from .glossary import load_terms
from .included import IncludedFiles
from .modules import load_module, module_files
from .pages import PAGES_NAMESPACE, DocsWalk, load_page, walk_docs
from .protocols import load_protocols
from .records import records_namespace
from .source import FileReport, docs_boundary, relative_path
from .term_facts import term_paths
from .types import Handbook, Module, Page, Protocol, RejectedRecord, Term, TextFile

__all__ = ["load_handbook"]

# A file with a finding of these rules is left out of the handbook (see records.py).
SCHEMA_RULES = frozenset({"glossary.schema", "protocol.schema", "module.schema"})


def load_handbook(
    config: HandbookConfig,
    cache: RunCache | None = None,
    leave_out: Callable[[Mapping[str, Term]], Collection[str]] | None = None,
) -> tuple[Handbook, list[Finding]]:
    """Everything in the handbook of `config`, and the problems found while loading it.
    With a `cache`, files whose bytes did not change since a cached run are not parsed.
    `leave_out`, given the terms, names plain pages and text files that are no pages
    (paths relative to mkdocs.yml) not to load: the incremental check takes their
    findings from its snapshot."""
    walk = walk_docs(config)
    if leave_out is not None:  # what to read of the rest is known once the terms are
        terms, findings, rejected_records = load_terms(config, cache)
        rest = _load_rest(config, cache, walk, leave_out(terms))
    else:
        # The rest needs none of the terms: it is read while a child reads term files,
        # where one does (a cold check of a large glossary), as it waits for the child.
        read: list[_Rest] = []
        meanwhile = Meanwhile(
            lambda: read.append(_load_rest(config, cache, walk, ())),
            _rest_cost(walk, cache),
        )
        terms, findings, rejected_records = load_terms(config, cache, meanwhile)
        meanwhile.run()
        rest = read[0]
    findings += rest.findings
    rejected_records += rest.rejected_records
    protocols, modules, pages, included = rest.protocols, rest.modules, rest.pages, rest.included
    # A file whose only problems are unknown fields gave its item (see records.py).
    loaded = {item.origin.path for items in (protocols, modules) for item in items.values()}
    loaded.update(term_paths(terms))
    rejected = frozenset(
        finding.path
        for finding in findings
        if finding.rule in SCHEMA_RULES and finding.path not in loaded
    )
    handbook = Handbook(
        terms=terms,
        protocols=protocols,
        modules=modules,
        pages=tuple(pages),
        rejected=rejected,
        rejected_records=tuple(rejected_records),
        text_files=tuple(rest.text_files),
        other_files=rest.other_files,
        included_files=tuple(included.pages),
        included_code=tuple(included.code),
        included_lines=included.lines,
        replaced_lines=included.replaced,
        page_inclusions=included.in_page,
    )
    return handbook, findings


# What reading a page costs this process while a child reads term files, in
# microseconds: about 100 alone at 1,000 pages, and the copy-on-write faults the fork
# brings; with these the two processes end their parts of a cold check's load at about
# the same time (session 59: 140 gave ~220 and ~185 ms of CPU at 2,000 terms, 90 gave
# ~270 and ~185). From the cache, a page costs a tenth as much.
_PAGE_COST = 140
_CACHED_PAGE_COST = 10
# What keeping a page read in the cache adds (pickling it): a first run with the cache
# on read for ~190 ms while its child ended at ~150 without it (session 59).
_STORED_PAGE_COST = 40


@dataclass
class _Rest:
    """What the handbook holds beside its terms, and the problems found reading it."""

    protocols: dict[str, Protocol]
    modules: dict[str, Module]
    pages: list[Page]
    text_files: list[TextFile]
    other_files: tuple[str, ...]
    included: IncludedFiles
    findings: list[Finding]
    rejected_records: list[RejectedRecord]


def _rest_cost(walk: DocsWalk, cache: RunCache | None) -> float:
    """An estimate of `_load_rest`'s time, in microseconds, by the pages it reads: as
    many from the cache as it holds pages and modules (none on a first run, whose cache
    is on but empty: each page is read and parsed then, as with the cache off)."""
    pages = len(walk.pages)
    if cache is None or not cache.enabled:
        return pages * _PAGE_COST
    held = cache.count(PAGES_NAMESPACE) + cache.count(records_namespace("module"))
    cached = min(held, pages)
    return cached * _CACHED_PAGE_COST + (pages - cached) * (_PAGE_COST + _STORED_PAGE_COST)


def _load_rest(
    config: HandbookConfig, cache: RunCache | None, walk: DocsWalk, left_out: Collection[str]
) -> _Rest:
    """The protocols, modules, pages and other files of the handbook of `config`, whose
    docs_dir `walk` went through; the plain pages and text files `left_out` not read."""
    protocols, protocol_findings, rejected_protocols = load_protocols(config, cache)
    findings = protocol_findings
    rejected_records = rejected_protocols

    modules: dict[str, Module] = {}
    module_pages: dict[str, Page] = {}
    for path in module_files(config):
        module, page, module_findings = load_module(path, config, cache)
        findings.extend(module_findings)
        if isinstance(module, RejectedRecord):
            rejected_records.append(module)
        elif module is not None:
            modules[module.id] = module
        if page is not None:
            module_pages[page.path] = page

    pages: list[Page] = []
    unreadable, outside, linked_out = walk.unreadable, walk.outside, walk.linked_out
    page_names = set(module_pages)
    for path in map(Path, walk.pages):
        relative = relative_path(config, path)
        page_names.add(relative)
        if relative in left_out:
            continue
        page = module_pages.pop(relative, None) or load_page(path, config, cache)
        if page is not None:
            pages.append(page)
    text_files = []
    for text_path in map(Path, published_files(config, walk.text_files)):
        if relative_path(config, text_path) in left_out:
            continue
        text_file = load_text_file(text_path, config, cache)
        if text_file is not None:
            text_files.append(text_file)
    other_files = tuple(
        relative_path(config, Path(path)) for path in published_files(config, walk.other_files)
    )
    for folder, why in unreadable:
        report = FileReport("page.source", relative_path(config, Path(folder)))
        report.at_position(
            1,
            1,
            f"a folder of pages that cannot be read: {why}; its pages are not checked, "
            "and MkDocs would leave them out of the site without a word",
        )
        findings += report.findings
    # A term or protocol file kept in docs_dir is not copied to the site: its loader says
    # why it is not read.
    linked_out = [(path, why) for path, why in linked_out if not in_record_folder(config, path)]
    boundary = docs_boundary(config)
    for link, why in sorted(outside + linked_out):  # named as the link is, not as where it leads
        report = FileReport("page.source", Path(os.path.relpath(link, config.root)).as_posix())
        report.at_position(1, 1, why.format(docs=boundary))
        findings += report.findings
    for misnamed, why in walk.misnamed:  # editors' leftovers, names Windows cannot hold
        if not in_record_folder(config, misnamed):  # its loader lets a leftover be
            report = FileReport("page.source", relative_path(config, Path(misnamed)))
            report.at_position(1, 1, why)
            findings.append(report.findings[0].with_severity(Severity.WARNING))
    # Modules outside docs_dir (its modules folder a link to one elsewhere) are still
    # pages of the handbook.
    pages.extend(module_pages.values())
    text_names = frozenset(text_file.path for text_file in text_files)
    # mkdocs-include-markdown-plugin puts its files into pages as MkDocs reads them, before
    # Python-Markdown runs pymdownx.snippets over the text: the snippets of its files are
    # included, and its directives in snippets are published as written.
    markdown_included: list[Page] = []
    if config.markdown_includes is not None:
        from .markdown_includes import load_markdown_includes

        markdown_included = load_markdown_includes(config, pages, cache)
    included = IncludedFiles([], {}, [])
    if config.snippets is not None:  # Python-Markdown and pymdownx, only where they include
        from .snippets import load_included_files

        read = [*pages, *markdown_included]
        names = page_names | {page.path for page in markdown_included}
        included = load_included_files(config, read, names, cache, text_names)
    findings += included.findings
    included.pages[:0] = markdown_included
    return _Rest(
        protocols,
        modules,
        pages,
        text_files,
        other_files,
        included,
        findings,
        rejected_records,
    )
