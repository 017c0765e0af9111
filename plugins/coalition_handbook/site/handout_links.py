"""Where a handout's links to the handbook lead on the published site.

On paper, a link to another page of the handbook (`../coalition/what-is-a-coalition.md`,
a term's page, a protocol's) leads nowhere: the handout prints its text alone. Where
mkdocs.yml gives the site's address (`site_url`), the link leads to that page of the
published site instead, at the URL MkDocs gives it (`use_directory_urls`), and prints
that address after its text as a web address's does (audit: "Read the page What is a
coalition?" left a trainer nowhere to go). So does a link to a file the site publishes
(a picture, a PDF, another module's handout). A link to nothing the site publishes
stays text.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from ..config import HandbookConfig
from ..file_names import on_disk
from ..model.pages import left_out_of_site
from ..model.source import MARKDOWN_SUFFIXES
from ..model.types import Handbook
from ..published import index_pages
from .urls import handout_path, page_url, protocol_src_uri, term_src_uri


@dataclass(frozen=True)
class PublishedSite:
    """The site a handbook is published at, as far as a handout's links need it."""

    url: str  # mkdocs.yml's `site_url`, ending in `/`
    directory_urls: bool
    docs_dir: Path
    exclude_docs: tuple[str, ...]
    # The pages and files the site generates (terms', protocols', the indexes, the
    # handouts), by source path.
    generated: frozenset[str]
    draft_docs: tuple[str, ...] = ()  # `mkdocs build` leaves these out too

    def address(self, from_src_uri: str, href: str) -> str | None:
        """Where `href`, a link written on the page `from_src_uri` (or in the record
        that page shows), leads on the published site; None for a link out of the
        handbook, a link within the page (`#...`), and a link to nothing the site
        publishes. Resolved as MkDocs resolves a page's links: from the page's source
        path, its address unquoted."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return None
        from_dir = posixpath.dirname(from_src_uri)
        target = posixpath.normpath(posixpath.join(from_dir, unquote(parts.path)))
        if target == ".." or target.startswith("../") or not self.publishes(target):
            return None
        is_page = target.endswith(MARKDOWN_SUFFIXES)
        site_path = page_url(target, self.directory_urls) if is_page else target
        return urlunsplit(("", "", self.url + quote(site_path), parts.query, parts.fragment))

    def without_handouts(self, module_ids: Collection[str]) -> PublishedSite:
        """The site without the handouts of `module_ids`, which this run cannot publish
        (their PDF failed, and no earlier one is there to publish instead): a link to one
        of them leads nowhere on it."""
        missing = {handout_path(module_id) for module_id in module_ids}
        return replace(self, generated=self.generated - missing)

    def publishes(self, src_uri: str) -> bool:
        """Whether the site has a page or a file at `src_uri` (a path of docs_dir): one
        it generates, or a file of docs_dir that MkDocs does not leave out."""
        if src_uri in self.generated:
            return True
        if left_out_of_site(src_uri, self.exclude_docs, self.draft_docs):
            return False
        # os.path's: a name too long for the system is no file, where Path's raise. The
        # file as on disk: `src_uri` is composed, a name committed from a Mac may not be.
        return os.path.isfile(on_disk(self.docs_dir, src_uri))  # noqa: PTH113


def published_site(config: HandbookConfig, handbook: Handbook) -> PublishedSite | None:
    """The site `config` publishes the handbook at; None where mkdocs.yml gives no
    `site_url` (the handouts then link to none of its pages)."""
    if not config.site_url:
        return None
    generated = {
        *(term_src_uri(term_id) for term_id in handbook.terms),
        *(protocol_src_uri(protocol_id) for protocol_id in handbook.protocols),
        *index_pages(config.modules_src_dir),
        # Not in docs_dir: the build writes them (`[handout](../handouts/front-desk.pdf)`).
        *(handout_path(module_id) for module_id in handbook.modules if config.handouts),
    } - {handout_path(module_id) for module_id in left_out_modules(config, handbook.modules)}
    return PublishedSite(
        url=config.site_url,
        directory_urls=config.use_directory_urls,
        docs_dir=config.docs_dir,
        exclude_docs=config.exclude_docs,
        draft_docs=config.draft_docs,
        generated=frozenset(generated),
    )


def module_src_uri(config: HandbookConfig, module_id: str) -> str | None:
    """The source path of a module's page (`modules/hotel-staff.md`), where its links are
    resolved from; None for modules outside docs_dir, which have no page."""
    try:
        return (config.modules_dir / f"{module_id}.md").relative_to(config.docs_dir).as_posix()
    except ValueError:
        return None


def left_out_modules(
    config: HandbookConfig, module_ids: Iterable[str], *, drafts: bool = True
) -> frozenset[str]:
    """The ids of `module_ids` whose page the site leaves out, as MkDocs does (a draft
    in exclude_docs or draft_docs; not those of draft_docs where `drafts` is false).
    Such a module is still checked, but gets no handout, and no generated page lists it
    or links to it (audit: its PDF was published, and the training index, its
    protocols' pages and changes/ linked to a page that is not)."""
    return frozenset(
        module_id
        for module_id in module_ids
        if (src_uri := module_src_uri(config, module_id)) is not None
        and left_out_of_site(src_uri, config.exclude_docs, config.draft_docs if drafts else ())
    )
