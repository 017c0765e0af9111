"""The pages a change takes off the site, or puts on it, by mkdocs.yml's `exclude_docs`
and `draft_docs` alone: the page's file stays, and no item changes.

A pull request adding a module to `draft_docs` (or a page to `exclude_docs`) took its
page, and a module's PDF handout, off the site, and the report said nothing: the module
loads as before, and its file is where it was (session 64). Each side's own mkdocs.yml
decides which of its pages it publishes; a page left out at the base was never on the
site, so removing or renaming it leaves no old address to keep (`base_left_out`).
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..config import HandbookConfig
from ..model.pages import left_out_of_site, page_paths, walk_docs
from ..model.types import Handbook, Module
from ..published import page_url
from ..site.urls import handout_path
from .changes_links import link_sources, links_to
from .report_limits import Budget
from .report_markdown import escape, inline_code
from .report_uses import first_places

# The pages taken off the site whose links the report looks for, at the most.
MOST_PAGES_LOOKED_FOR = 10
EXCLUDE_DOCS = "exclude_docs"
DRAFT_DOCS = "draft_docs"


@dataclass(frozen=True)
class SitePages:
    """A side's pages of docs_dir, by their path there (`src_uri`): `left_out`, those
    its mkdocs.yml leaves out of `mkdocs build`'s site, each with the setting that does
    (`exclude_docs` or `draft_docs`), and `published`, the others; `paths`, each page's
    path from the folder of mkdocs.yml, as the report names files."""

    left_out: Mapping[str, str] = dataclasses.field(default_factory=dict)
    published: frozenset[str] = frozenset()
    paths: Mapping[str, str] = dataclasses.field(default_factory=dict)


def site_pages(
    config: HandbookConfig, exclude_docs: Sequence[str], draft_docs: Sequence[str]
) -> SitePages:
    """The pages of `config`'s docs_dir, told apart by the patterns of `exclude_docs` and
    `draft_docs` (its side's mkdocs.yml's): walked with MkDocs' own exclusions alone, so
    that a page a pattern leaves out is still seen."""
    walk = walk_docs(dataclasses.replace(config, exclude_docs=()))
    left_out: dict[str, str] = {}
    published: set[str] = set()
    paths: dict[str, str] = {}
    excluded, drafts = tuple(exclude_docs), tuple(draft_docs)
    for page in walk.pages:
        relative, src_uri = page_paths(Path(page), config)
        paths[src_uri] = relative
        if left_out_of_site(src_uri, excluded):
            left_out[src_uri] = EXCLUDE_DOCS
        elif drafts and left_out_of_site(src_uri, excluded, drafts):
            left_out[src_uri] = DRAFT_DOCS
        else:
            published.add(src_uri)
    return SitePages(left_out, frozenset(published), paths)


@dataclass(frozen=True)
class PageOnOrOff:
    """A page that the change takes off the site or puts on it, by `setting` (at the
    head for one taken off, at the base for one put on); `module`, the module it is the
    page of, if any (its handout goes or comes with it)."""

    page: str  # its path in docs_dir
    path: str  # from the folder of mkdocs.yml
    setting: str
    module: Module | None = None
    # Where the head's pages link to it, `path:line` (only for a page taken off).
    linked_from: tuple[str, ...] = ()

    def masked(self, mask: Callable[[str], str]) -> PageOnOrOff:
        """The page with its module's title as `mask` shows it (personal data masked)."""
        if self.module is None:
            return self
        return dataclasses.replace(
            self, module=dataclasses.replace(self.module, title=mask(self.module.title))
        )


@dataclass(frozen=True)
class PublicationChange:
    """What the change's `exclude_docs` and `draft_docs` do to pages that are on both
    sides: `taken_off`, the pages the base published and the head leaves out; `put_on`,
    the reverse; `base_left_out`, every page the base left out (no old address)."""

    taken_off: tuple[PageOnOrOff, ...] = ()
    put_on: tuple[PageOnOrOff, ...] = ()
    base_left_out: frozenset[str] = frozenset()

    def masked(self, mask: Callable[[str], str]) -> PublicationChange:
        """The change with its modules' titles as `mask` shows them."""
        return dataclasses.replace(
            self,
            taken_off=tuple(page.masked(mask) for page in self.taken_off),
            put_on=tuple(page.masked(mask) for page in self.put_on),
        )

    def was_published(self, page: str) -> bool:
        """Whether the base published the page at `page` (its path in docs_dir)."""
        return page not in self.base_left_out


def publication_change(
    old: SitePages, new: SitePages, new_handbook: Handbook, use_directory_urls: bool
) -> PublicationChange:
    """The pages on both sides that the head publishes and the base did not, or the
    reverse, each with its module at the head; a page taken off with the places that
    still link to it."""
    # By its file's path from mkdocs.yml's folder, as the walk names the page's.
    modules = {module.origin.path: module for module in new_handbook.modules.values()}
    taken_off = [
        PageOnOrOff(page, new.paths[page], setting, modules.get(new.paths[page]))
        for page, setting in sorted(new.left_out.items())
        if page in old.published
    ]
    if taken_off:  # the head's pages rendered once, for their links
        sources = link_sources(new_handbook)
        # A link on a page the site leaves out (a draft's) breaks nothing published.
        unpublished = {new.paths[page] for page in new.left_out}
        # Each page's links are found by rendering every page linking to it again: a
        # folder of 500 pages made drafts took minutes (self-review). The first ones are
        # looked for; `mkdocs build` reports a link to any of them (INFO).
        taken_off[:MOST_PAGES_LOOKED_FOR] = [
            dataclasses.replace(
                page,
                linked_from=tuple(
                    place
                    for place in links_to(sources, _named(page.page), page.page, use_directory_urls)
                    if place.rpartition(":")[0] not in unpublished
                ),
            )
            for page in taken_off[:MOST_PAGES_LOOKED_FOR]
        ]
    put_on = tuple(
        PageOnOrOff(page, new.paths[page], setting, modules.get(new.paths[page]))
        for page, setting in sorted(old.left_out.items())
        if page in new.published
    )
    return PublicationChange(tuple(taken_off), put_on, frozenset(old.left_out))


def _named(page: str) -> str:
    """What every link to `page` names: its file's stem, or its folder's name for a
    folder's index.md or README.md (`about/`)."""
    folder, name = posixpath.split(page)
    stem = name.rpartition(".")[0]
    return posixpath.basename(folder) if folder and stem in ("index", "README") else stem


def publication_section(
    change: PublicationChange,
    use_directory_urls: bool,
    handouts: bool,
    budget: Budget,
    nav_places: Mapping[str, str] | None = None,
) -> list[str]:
    """The report's sections on the pages the change takes off the site or puts on it by
    `exclude_docs` or `draft_docs`; nothing where there are none. `handouts`: whether the
    head's site publishes PDF handouts, which go and come with their module's page;
    `nav_places`, where the head's `nav` names each page it names (`SiteSettings`)."""
    nav_places = nav_places or {}
    lines: list[str] = []
    if change.taken_off:
        lines += [
            "### Left out of the site",
            "",
            "mkdocs.yml now leaves these pages out of the site (`mkdocs build` publishes no "
            "page of `exclude_docs`, nor of `draft_docs`, which only `mkdocs serve` shows): "
            'their addresses lead to the site\'s "page not found" and links written to '
            "them break"
            + ("; a module's PDF handout goes with its page" if handouts else "")
            + ". Their files stay, so no item shows as removed:",
            "",
            *(
                line
                for page in change.taken_off
                for line in (
                    _page_line(page, use_directory_urls, handouts, "by"),
                    *_linked_from_lines(page, budget),
                    *_nav_lines(nav_places.get(page.page)),
                )
            ),
            "",
        ]
        if len(change.taken_off) > MOST_PAGES_LOOKED_FOR:
            lines += [
                f"Links are looked for to the first {MOST_PAGES_LOOKED_FOR} alone: "
                "`mkdocs build` names each link to a page it leaves out (INFO).",
                "",
            ]
    if change.put_on:
        lines += [
            "### Published now",
            "",
            "mkdocs.yml left these pages out of the site at the base, and now publishes "
            "them: what they hold goes on the site"
            + (", with a module's PDF handout" if handouts else "")
            + ":",
            "",
            *(
                _page_line(page, use_directory_urls, handouts, "left out at the base by")
                for page in change.put_on
            ),
            "",
        ]
    return lines


def _linked_from_lines(page: PageOnOrOff, budget: Budget) -> list[str]:
    if not page.linked_from:
        return []
    places = first_places(page.linked_from, budget)
    return [f"  - still linked to from {places}: those links break"]


def _nav_lines(nav_place: str | None) -> list[str]:
    """Where `nav` still names a page left out: MkDocs keeps the entry, on every page,
    leading nowhere, and says so at INFO alone (review rv67b)."""
    if nav_place is None:
        return []
    return [
        f"  - {inline_code(nav_place)} (`nav`) still names it: the entry leads to "
        '"page not found" until it is taken out of `nav`'
    ]


def _page_line(page: PageOnOrOff, use_directory_urls: bool, handouts: bool, how: str) -> str:
    """A page's line: the module's name first where it is one; `how` it is left out."""
    address = inline_code(page_url(page.page, use_directory_urls))
    setting = f"{how} `{page.setting}`"
    if page.module is None:
        return f"- {inline_code(page.path)}: its page {address} ({setting})"
    module = page.module
    handout = f" and its handout {inline_code(handout_path(module.id))}" if handouts else ""
    return (
        f"- **{escape(module.title)}** (`{module.id}`, {inline_code(page.path)}): "
        f"its page {address}{handout} ({setting})"
    )
