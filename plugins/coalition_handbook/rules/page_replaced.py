"""page.replaced: a page of docs_dir that MkDocs would publish where the site publishes a
page of its own: a term's (`glossary/<id>.md`), a protocol's (`protocols/<id>.md`), the
glossary, protocols and training indexes, the changes page. The build publishes the
generated page in its place; the check says so as the build does, so that CI which runs
only `handbook check --strict` fails where a strict build would.

A page is in that place when it has the generated page's source path, or when MkDocs
publishes it at the same address (`published_path`, with mkdocs.yml's
`use_directory_urls`): `glossary.md` and `changes/index.md` with directory URLs,
`glossary/<id>/index.md`, a `README.md` (an index to MkDocs), `glossary/<id>.markdown`.
An author's page at an index's own source path (`glossary/index.md`, `changes.md`) is
no finding: it is kept as that page's introduction.

Read: each page's own path, the settings, and the names in the glossary and protocols
folders (not the records themselves), so the rule is a page rule for the checks that
redo only what an edit changed (`rules.base.PAGE_RULES`): those compare the folders'
listings."""

from __future__ import annotations

from collections.abc import Iterator, Set
from dataclasses import dataclass
from pathlib import Path

from ..config import HandbookConfig
from ..findings import Finding
from ..model.records import record_ids
from ..model.types import Page
from ..published import (
    CHANGES_PAGE,
    GLOSSARY_DIR,
    GLOSSARY_INDEX,
    PROTOCOLS_DIR,
    PROTOCOLS_INDEX,
    index_pages,
    page_url,
    protocol_src_uri,
    published_path,
    term_src_uri,
)
from .base import CheckContext

RULE = "page.replaced"

# What a message calls each generated index but the training one, whose path is set.
_INDEX_NAMES = {
    GLOSSARY_INDEX: "the glossary's A-Z index",
    PROTOCOLS_INDEX: "the index of protocols",
    CHANGES_PAGE: "the page of changes",
}


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """A page the site generates. `record`: the folder and id of the file it is made of
    (a term's or a protocol's page), made into a path only for a message (a glossary has
    thousands), else None: an index, named `index_name`, which keeps an author's page at
    its own source path as its introduction."""

    src_uri: str
    index_name: str = ""
    record: tuple[Path, str] | None = None

    def what(self, config: HandbookConfig) -> str:
        """What a message calls the page."""
        if self.record is None:
            return self.index_name
        folder, record_id = self.record
        return f"the page of {config.relative(folder / f'{record_id}.yml')}"


def check(context: CheckContext) -> Iterator[Finding]:
    if not context.handbook.pages:
        # No page to place (a run that checks edited term files alone): the generated
        # pages, one for each of thousands of records, are not worked out for nothing.
        return
    config = context.config
    directory_urls = config.use_directory_urls
    published = [
        (page, published_path(page.src_uri, directory_urls)) for page in context.handbook.pages
    ]
    # The first folder of each page's address: a record's page is published in its
    # folder (`glossary/...`), so a folder no page is published in is not listed.
    folders = {path.partition("/")[0] for _, path in published}
    generated = {
        published_path(page.src_uri, directory_urls): page
        for page in _generated_pages(config, folders)
    }
    for page, path in published:
        target = generated.get(path)
        if target is None or (target.record is None and page.src_uri == target.src_uri):
            continue
        yield context.finding(RULE, page.path, 1, 1, _message(page, target, config))


def _generated_pages(config: HandbookConfig, folders: Set[str]) -> list[GeneratedPage]:
    """Every page the site generates, but the records' pages of an address folder
    (`glossary`, `protocols`) not in `folders`: at 2,000 terms, working out the address of
    each term's page was most of the rule's time, where no page could be in its place. A
    record's page is counted for every file in its folder, even one with problems: the
    rule reads the folders' names only (see above)."""
    pages = [
        GeneratedPage(src_uri, _INDEX_NAMES.get(src_uri, "the training index"))
        for src_uri in index_pages(config.modules_src_dir)
    ]
    for folder, published_in, src_uri in (
        (config.glossary_dir, GLOSSARY_DIR, term_src_uri),
        (config.protocols_dir, PROTOCOLS_DIR, protocol_src_uri),
    ):
        if published_in not in folders:
            continue
        pages += [
            GeneratedPage(src_uri(record_id), record=(folder, record_id))
            for record_id in _ids(folder)
        ]
    return pages


def _message(page: Page, target: GeneratedPage, config: HandbookConfig) -> str:
    if page.src_uri == target.src_uri:  # a record's page, at its very source path
        return (
            f"the site publishes {target.what(config)} here, in this page's place: move this page, "
            "or put what it says in that file"
        )
    address = page_url(target.src_uri, config.use_directory_urls)
    told = (
        f"the site publishes {target.what(config)} at this page's address, {address}, in this "
        "page's place: rename or move this page"
    )
    if target.record is not None:
        return f"{told}, or put what it says in that file"
    intro = config.relative(config.docs_dir / target.src_uri)
    return (
        f"{told}, or, to introduce that page, put what it says in {intro}, which the site "
        "keeps as its introduction"
    )


def _ids(folder: Path) -> list[str]:
    return record_ids(folder) if folder.is_dir() else []
