"""Where the handbook's sections sit in a navigation MkDocs made from the files.

Works on MkDocs' navigation objects by their documented attributes (`is_page`,
`is_section`, `children`, `title`, `file.src_uri`), so it needs no MkDocs import. A `nav`
written in mkdocs.yml is the author's: the plugin leaves it alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from ..lazy_pattern import LazyPattern
from .urls import CHANGES_PAGE, GLOSSARY_DIR, GLOSSARY_INDEX, PROTOCOLS_DIR

# The most entries a section without an index page shows in a term page's sidebar, its
# nested ones counted: a larger one is a link. Every term page repeats the sidebar, so
# its size is paid once per term (2,000 terms and a section of 200 pages: 195 MB).
COMPACT_SECTION_ENTRIES = 12
# A tag in a page's title (`<code>`, as MkDocs keeps a heading's code span): no text.
_TAG = LazyPattern(r"<[^<>]*>")


def arrange(items: list[Any], modules_dir: str, protocol_order: Sequence[str] = ()) -> list[Any]:
    """Home first, then Protocols, Glossary and Training, then the other pages and
    sections as they were, and Changes last. Term pages leave the navigation: the A-Z
    index lists them (a sidebar of every term would bury the rest), and each one keeps
    its parent, so the Glossary stays highlighted on a term's page. The protocols'
    pages (source paths) go in `protocol_order`, the order of the protocols' index."""
    order = {PROTOCOLS_DIR: 1, GLOSSARY_DIR: 2, modules_dir: 3}
    titles = {PROTOCOLS_DIR: "Protocols", GLOSSARY_DIR: "Glossary", modules_dir: "Training"}
    ranked: list[tuple[int, int, Any]] = []
    for position, item in enumerate(items):
        folder = _folder(item)
        if item.is_page and item.file.src_uri == "index.md":
            rank = 0
        elif item.is_page and item.file.src_uri == CHANGES_PAGE:
            rank = 9
        elif folder in order:
            rank = order[folder]
            item.title = titles[folder]
            if folder == PROTOCOLS_DIR:
                item.children = _in_order(item.children, protocol_order)
            if folder == GLOSSARY_DIR:
                for child in item.children:
                    if _is_term_page(child):
                        child.previous_page = child.next_page = None
                item.children = [child for child in item.children if not _is_term_page(child)]
        else:
            rank = 5
        ranked.append((rank, position, item))
    return [item for _, _, item in sorted(ranked, key=lambda entry: entry[:2])]


class NavEntry:
    """An entry of the site's navigation, as a term page's compact sidebar shows it: a
    page, a section, or a link. A section with an index page (its first page is an
    `index.md`: the Protocols, Glossary and Training) leads there by the section's title;
    any other section is a heading over its own `entries`, as the theme shows it on the
    other pages (`url` is None): it led to its first page by the section's title, and
    left out the rest ("Coalition" opened "Member sectors": audit); a large one is a link
    to its first page again, whose own sidebar lists the rest (`top_level_entries`,
    `COMPACT_SECTION_ENTRIES`), and so is a long run of pages side by side, named by its
    first and last (`_folded_runs`). `pages` are the pages under it, so the sidebar can put a
    term's place under the entry that holds the Glossary. The title is read when the
    sidebar is rendered: a page's own comes from its Markdown."""

    __slots__ = ("_title", "entries", "pages", "url")

    def __init__(
        self,
        title: str | None,
        url: str | None,
        pages: tuple[Any, ...],
        entries: tuple[NavEntry, ...] = (),
    ):
        self._title = title
        self.url = url
        self.pages = pages
        self.entries = entries

    @property
    def title(self) -> str:
        """The section's or link's title, else the page's own (known once it is read);
        a run of pages made one link (`_folded_runs`) is named by its first and last."""
        if self._title or not self.pages:
            return self._title or ""
        if self._title is None and len(self.pages) > 1:
            return f"{self.pages[0].title or ''} \N{EN DASH} {self.pages[-1].title or ''}"
        return self.pages[0].title or ""

    @property
    def group_name(self) -> str | None:
        """A folded run's name for a screen reader (its link's `aria-label`): its title,
        then how many pages it stands for (`Step 0 – Step 19, 20 pages`), heard as one
        page's link by its title alone (session 53). Its visible words first, so that a
        voice control user says them to follow it (WCAG 2.5.3); None for any other. A
        title is HTML (`Q&amp;A`, as MkDocs escapes a heading): the name is its text as
        the browser shows it (`Q&A`), for the template to escape once (it was heard as
        `Q&amp;A`: review)."""
        if self._title is None and len(self.pages) > 1:
            text = html.unescape(_TAG.sub("", self.title))
            return f"{text}, {len(self.pages)} pages"
        return None


def top_level_entries(items: Sequence[Any]) -> list[NavEntry]:
    """The navigation's top level, as the other pages' sidebars show it: the author's
    `nav` as written, or the one the plugin arranged; a section without an index page
    with its entries under it, made so too. A section without an index page showing
    more than `COMPACT_SECTION_ENTRIES` (its nested ones counted, each large one already
    a link) is a link to its first page by its name, whose own sidebar (the theme's)
    lists it; the section that holds the Glossary stays whole, the term's place under it,
    and so does one of links only (its first would lead off the site). More than
    `COMPACT_SECTION_ENTRIES` pages side by side, at the top level or in the section
    that holds the Glossary, are one link to the first of them (`_folded_runs`)."""
    return _folded_runs(_entries(items))


def _entries(items: Sequence[Any]) -> list[NavEntry]:
    """`top_level_entries` but for the runs of pages of the top level (a section's are
    folded where it is shown whole: counted apart, they would not make it one link)."""
    entries: list[NavEntry] = []
    for item in items:
        if item.is_page:
            entries.append(NavEntry(None, item.url, (item,)))
        elif item.is_section:
            pages = tuple(pages_of(item.children))
            first = item.children[0] if item.children else None
            if first is not None and first.is_page and getattr(first, "is_index", False):
                entries.append(NavEntry(item.title, first.url, pages))
            elif children := _entries(item.children):
                if (
                    pages
                    and _shown(children) > COMPACT_SECTION_ENTRIES
                    and not _holds_glossary(pages)
                ):  # (one of links only is shown whole: its first would lead off the site)
                    entries.append(NavEntry(item.title, pages[0].url, pages))
                else:
                    entries.append(NavEntry(item.title, None, pages, tuple(_folded_runs(children))))
        elif getattr(item, "is_link", False):
            entries.append(NavEntry(item.title, item.url, ()))
    return entries


def _folded_runs(entries: list[NavEntry]) -> list[NavEntry]:
    """`entries` with each run of more than `COMPACT_SECTION_ENTRIES` pages side by side
    made one link to its first page, named by its first page's title and its last's
    (`Intake – Zoning`), whose own sidebar (the theme's) lists them: a `nav` of 200 pages
    put 200 links on every term page. A section, a link, a term page, and the home
    page, the Glossary and Changes (`_NEVER_FOLDED`) end a run and are shown as they are. A section
    shown whole has no run that long, but the one holding the Glossary."""
    folded: list[NavEntry] = []
    run: list[NavEntry] = []
    for entry in [*entries, None]:
        if entry is not None and _in_a_run(entry):
            run.append(entry)
            continue
        if len(run) > COMPACT_SECTION_ENTRIES:
            pages = tuple(page for page_entry in run for page in page_entry.pages)
            folded.append(NavEntry(None, run[0].url, pages))
        else:
            folded.extend(run)
        run = []
        if entry is not None:
            folded.append(entry)
    return folded


# The handbook's own pages, which a run of pages never folds: the home page, the
# Glossary (a term page's place goes under it) and Changes (where members look after an
# update).
_NEVER_FOLDED = frozenset({"index.md", GLOSSARY_INDEX, CHANGES_PAGE})


def _in_a_run(entry: NavEntry) -> bool:
    """Whether `entry` is a page a run of them may fold: a page of the author's. A term
    page is not: the sidebar is rendered once for every term page, so a fold would hide
    a term's own link on its own page (review rv48b)."""
    if entry._title is not None or entry.entries or len(entry.pages) != 1:
        return False
    page = entry.pages[0]
    return page.file.src_uri not in _NEVER_FOLDED and not _is_term_page(page)


def _shown(entries: Sequence[NavEntry]) -> int:
    """How many entries a sidebar shows for `entries`, nested ones counted."""
    return sum(1 + _shown(entry.entries) for entry in entries)


def _holds_glossary(pages: Sequence[Any]) -> bool:
    return any(page.file.src_uri == GLOSSARY_INDEX for page in pages)


def pages_of(items: Sequence[Any]) -> list[Any]:
    """The pages of a navigation, in order (as MkDocs lists them)."""
    pages: list[Any] = []
    for item in items:
        if item.is_page:
            pages.append(item)
        elif item.is_section:
            pages.extend(pages_of(item.children))
    return pages


def link_previous_and_next(pages: Sequence[Any]) -> None:
    """Set each page's neighbours for the theme's footer, as MkDocs does."""
    for index, page in enumerate(pages):
        page.previous_page = pages[index - 1] if index > 0 else None
        page.next_page = pages[index + 1] if index + 1 < len(pages) else None


def _in_order(items: list[Any], order: Sequence[str]) -> list[Any]:
    """`items` with the pages `order` names (by source path) in that order, in the places
    those pages held: the others (the index, an author's own page) stay where they were."""
    rank = {src_uri: position for position, src_uri in enumerate(order)}

    def ranked(item: Any) -> bool:
        return item.is_page and item.file.src_uri in rank

    ordered = iter(sorted(filter(ranked, items), key=lambda page: rank[page.file.src_uri]))
    return [next(ordered) if ranked(item) else item for item in items]


def _folder(item: Any) -> str | None:
    """The source folder a section holds (from its first page), or None."""
    if not item.is_section:
        return None
    for page in pages_of(item.children):
        folder, _, _ = page.file.src_uri.rpartition("/")
        return folder
    return None


def _is_term_page(item: Any) -> bool:
    if not item.is_page:
        return False
    folder, _, name = item.file.src_uri.rpartition("/")
    return folder == GLOSSARY_DIR and name != "index.md"


# A section's menu as Material writes it for a section whose only page is its index (the
# Glossary, once its terms leave the navigation): its title, an empty list, and an
# `aria-labelledby` naming the section's toggle, which Material writes only for a section
# with other pages.
_EMPTY_MENU = LazyPattern(
    r'<nav class="md-nav" (data-md-level="[0-9]+") aria-labelledby="[^"<>]*"'
    r'((?: aria-expanded="(?:true|false)")?)>'
    r'(\s*<label class="md-nav__title"[^<>]*>((?:[^<]|<(?!/label>))*)</label>'
    r'\s*<ul class="md-nav__list"[^<>]*>\s*</ul>\s*</nav>)'
)
# How each of those menus starts: found with `str.find`, several times faster than the
# pattern's own search over a page of a large site, most of which is its navigation.
_MENU_START = '<nav class="md-nav" data-md-level="'


def hide_empty_menus(page_html: str) -> str:
    """`page_html` with each empty section menu written `hidden`, and named by its title,
    as handbook.js names a menu (`nameSectionMenus`): a screen reader listed it on every
    page as a navigation landmark named by an element the page does not have, holding
    nothing (audit). handbook.js hid it as the page loaded; with JavaScript off (Tor
    Browser's Safest level) it stayed."""
    if 'class="md-nav__list"' not in page_html:
        return page_html

    def hidden(menu: re.Match[str]) -> str:
        level, expanded, rest, title = menu.groups()
        name = html.escape(" ".join(html.unescape(_TAG.sub("", title)).split()))
        return f'<nav class="md-nav" {level} aria-label="{name}"{expanded} hidden>{rest}'

    # As `_EMPTY_MENU.sub(hidden, page_html)`: every match starts with `_MENU_START`.
    parts = []
    written = 0
    start = page_html.find(_MENU_START)
    while start != -1:
        menu = _EMPTY_MENU.match(page_html, start)
        if menu is None:
            start = page_html.find(_MENU_START, start + 1)
            continue
        parts += (page_html[written:start], hidden(menu))
        written = menu.end()
        start = page_html.find(_MENU_START, written)
    if not parts:
        return page_html
    parts.append(page_html[written:])
    return "".join(parts)
