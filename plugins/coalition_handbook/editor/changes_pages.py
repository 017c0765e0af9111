"""Where an item's page is in docs_dir, the pages that move with the modules' folder,
and the other pages a change moves or removes (`gone_pages`).

A module whose page is somewhere else in docs_dir (modules_dir moved, its files with it:
`git mv content/modules content/training`) keeps its id, but its page moves: it is
reported as moved, with the links written to its old page, and asks for no version bump.
The folder's other pages, its overview (index.md) above all, move with it, and are
reported so, with the links written to their old pages (`moved_folder_pages`).
Terms and protocols are published at their id whatever their folder: moving theirs
moves no page, and is no change (`page_of`).
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Iterable, Mapping, Sequence, Set

from ..model.types import Handbook, Module, Term
from ..published import published_path
from .changes_links import LinkedText, links_to
from .changes_model import GonePage, Item, MovedPage


def moved_folder_pages(
    old: Handbook,
    new: Handbook,
    moved: Set[str],
    sources: Sequence[LinkedText],
    use_directory_urls: bool,
) -> tuple[MovedPage, ...]:
    """The pages of the modules folder that are no module (its overview, index.md; a page
    of a subfolder), where the folder moved (`moved`: its modules' ids), each with its
    path in the new folder and the links written to its old page."""
    if not moved:
        return ()
    module_id = min(moved)
    old_folder = posixpath.dirname(old.modules[module_id].origin.path)
    new_folder = posixpath.dirname(new.modules[module_id].origin.path)
    # A link to a page of the old folder names it (but from inside it, which moved too).
    folder_name = posixpath.basename(
        posixpath.dirname(page_of(old.modules[module_id], docs_prefix(old)))
    )
    new_paths = {page.path for page in new.pages}
    new_prefix = docs_prefix(new)
    no_pages = {module.origin.path for module in old.modules.values()} | old.rejected | new_paths
    pages: list[MovedPage] = []
    for page in old.pages:
        inside = posixpath.relpath(page.path, old_folder)
        new_path = posixpath.join(new_folder, inside)
        if page.path in no_pages or inside.startswith("../") or new_path not in new_paths:
            continue
        linked_from = links_to(sources, folder_name, page.src_uri, use_directory_urls)
        new_page = new_path.removeprefix(new_prefix)
        pages.append(MovedPage(page.path, new_path, linked_from, page.src_uri, new_page))
    return tuple(pages)


def gone_pages(
    old: Handbook,
    new: Handbook,
    moved_pages: Sequence[MovedPage],
    renamed: Mapping[str, str],
    use_directory_urls: bool,
) -> tuple[GonePage, ...]:
    """The pages of `old` that are no module's, nor among `moved_pages`, whose address
    `new` publishes no page at: each moved where git finds its file renamed (`renamed`,
    new path -> old path, from mkdocs.yml), else removed. Five pages moved in one pull
    request took their addresses off the site without a word (audit). A page whose
    address another source of `new` keeps (`about.md` -> `about/index.md`, `index.md` ->
    `README.md`) is none: a redirect there was written over the page (review)."""
    new_pages = {page.path: page.src_uri for page in new.pages}
    published = {published_path(src_uri, use_directory_urls) for src_uri in new_pages.values()}
    modules = {module.origin.path for module in (*old.modules.values(), *new.modules.values())}
    skipped = modules | {page.old_path for page in moved_pages}
    moved_to = {old_path: new_path for new_path, old_path in renamed.items()}
    gone: list[GonePage] = []
    for page in old.pages:
        if published_path(page.src_uri, use_directory_urls) in published or page.path in skipped:
            continue
        gone.append(GonePage(page.src_uri, new_pages.get(moved_to.get(page.path, ""))))
    home = _home_page(new_pages.values(), gone, use_directory_urls)
    return tuple(dataclasses.replace(page, home_page=home) for page in gone)


# Where MkDocs writes the home page, whatever the directory URLs.
_HOME = "index.html"


def _home_page(sources: Iterable[str], gone: Sequence[GonePage], use_directory_urls: bool) -> str:
    """The source of the head's home page among its pages' `sources`, else where the
    base's home page went (`gone`): mkdocs-redirects writes no redirect to a page that
    is not there, and docs_dir's README.md is a home page too (review)."""
    at_home = [src for src in sources if published_path(src, use_directory_urls) == _HOME]
    moved_home = [
        page.new_page
        for page in gone
        if page.new_page and published_path(page.old_page, use_directory_urls) == _HOME
    ]
    return next(iter([*at_home, *moved_home]), "index.md")


def page_of(item: Item, prefix: str) -> str:
    """The source path in docs_dir of `item`'s page, as MkDocs names it; `prefix` is
    docs_dir's path from the root (`docs_prefix`)."""
    if isinstance(item, Module):
        return item.origin.path.removeprefix(prefix)
    return f"{'glossary' if isinstance(item, Term) else 'protocols'}/{item.id}.md"


def docs_prefix(handbook: Handbook) -> str:
    """docs_dir as the pages' paths start (`content/`), from a page whose path ends in
    its name in docs_dir."""
    for page in handbook.pages:
        if page.path.endswith(page.src_uri):
            return page.path.removesuffix(page.src_uri)
    return ""
