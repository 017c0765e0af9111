"""Material's search index as the hooks reach it: its entries, a page's entries
on their way to and from the render cache, and a term page's other forms in a field of
their own and all its forms whole (site/search_boost.py).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from ..lazy_pattern import LazyPattern
from ..site.render_cache import PageRenderCache
from ..site.search_boost import (
    CAPITAL_WORDS_KEY,
    FORMS_FIELD,
    NOTICE_KEY,
    STEPS_FIELD,
    TRANSLATIONS_KEY,
    TYPED_FORMS_KEY,
    as_read,
)
from ..site.search_numbers import NUMBERS_FIELD, joined_numbers


@dataclass
class PendingSearch:
    """A page between `index_from_cache` and `finish_search_entries` (the hooks
    `_index_from_cache` and `_after_search` of page_hooks.py): its own front matter `search`,
    and the key to keep its new entries under (None: they came from the cache) with where
    they start in the index."""

    page: Page
    search: object
    key: str | None
    start: int


# What `add_search_forms` copies from a generated page's front matter into its entry.
_GENERATED_FIELDS = (
    FORMS_FIELD,
    TYPED_FORMS_KEY,
    CAPITAL_WORDS_KEY,
    STEPS_FIELD,
    TRANSLATIONS_KEY,
    NOTICE_KEY,
)


def is_generated(page: Page, generated_sources: Collection[str]) -> bool:
    """Whether `page` is one the handbook generated (`generated_sources`, their source
    paths): only such a page's front matter keys of the plugin are its own
    (model/generated_keys.py); a hand-written page that sets them is reported, not
    trusted."""
    return page.file.generated_by is not None and page.file.src_uri in generated_sources


def without_generated_fields(entries: list[dict[str, Any]]) -> None:
    """Take the fields of a generated page off the entries of a hand-written one, such as
    its entries kept in the render cache by an earlier build that trusted them."""
    for entry in entries:
        for field in _GENERATED_FIELDS:
            entry.pop(field, None)


def add_search_forms(page: Page, entries: list[dict[str, Any]]) -> None:
    """Give a term page's first search entry the words it is also found by (front matter
    `handbook_forms`, in the search field `FORMS_FIELD`) and its forms whole, as a query
    typing one is compared with them (`handbook_typed_forms`, kept under
    `TYPED_FORMS_KEY`, which is no search field), the words of them written in capitals
    (`CAPITAL_WORDS_KEY`, no search field either), its translations by language
    (`TRANSLATIONS_KEY`, nor this), a deprecated or proposed term's notice (`NOTICE_KEY`): see
    site/search_boost.py. A protocol page's first
    entry gets who it is for and its steps (`STEPS_FIELD`)."""
    forms = page.meta.get(FORMS_FIELD)
    typed = page.meta.get(TYPED_FORMS_KEY)
    capitals = page.meta.get(CAPITAL_WORDS_KEY)
    steps = page.meta.get(STEPS_FIELD)
    translations = page.meta.get(TRANSLATIONS_KEY)
    notice = page.meta.get(NOTICE_KEY)
    for entry in entries:
        if entry.get("location") == page.url:
            if isinstance(forms, list) and forms:
                entry[FORMS_FIELD] = " ".join(str(form) for form in forms)
            if isinstance(typed, list) and typed:
                entry[TYPED_FORMS_KEY] = [str(form) for form in typed]
            if isinstance(capitals, list) and capitals:
                entry[CAPITAL_WORDS_KEY] = [str(form) for form in capitals]
            if isinstance(steps, str) and steps:
                entry[STEPS_FIELD] = steps
            if isinstance(translations, list) and translations:
                entry[TRANSLATIONS_KEY] = [[str(part) for part in pair] for pair in translations]
            if isinstance(notice, list) and notice:
                entry[NOTICE_KEY] = [[str(value) for value in part] for part in notice]
            return


# A quote escaped as HTML (`html.escape`'s, or Jinja's `| e`).
_ESCAPED_QUOTE = LazyPattern(r"&(?:quot|#34|#x22|#39|#x27);", re.IGNORECASE)
_QUOTES = {"quot": '"', "#34": '"', "#x22": '"', "#39": "'", "#x27": "'"}


def with_plain_quotes(entries: list[dict[str, Any]]) -> None:
    """Write the quotes of the entries' titles and tags as they are, as Material's search
    writes a heading's (HTML, escaped but for quotes). A title the theme prints is escaped
    with its quotes too, as it also goes into attributes (site/titles.py), and so are a
    term's forms in its page's tags: the search reads `Children&#x27;s` as one word that
    no member types, so "children's" found no page titled "Children's shelters", and a
    term's form with an apostrophe (`survivor&#39;s`) missed its page's tags."""
    for entry in entries:
        title = entry.get("title")
        if isinstance(title, str):
            entry["title"] = _plain_quotes(title)
        tags = entry.get("tags")
        if isinstance(tags, list):
            entry["tags"] = [_plain_quotes(tag) if isinstance(tag, str) else tag for tag in tags]


def with_text_as_read(entries: list[dict[str, Any]]) -> None:
    """Write the entries' titles and texts as their reader reads them (`as_read`): a
    word with a soft hyphen or zero width space pasted inside it was no word a member
    could search for."""
    for entry in entries:
        for field in ("title", "text"):
            value = entry.get(field)
            if isinstance(value, str):
                entry[field] = as_read(value)


def _plain_quotes(html: str) -> str:
    return _ESCAPED_QUOTE.sub(lambda match: _QUOTES[match.group(0)[1:-1].lower()], html)


def add_search_numbers(entries: list[dict[str, Any]]) -> None:
    """Give each entry whose text writes a phone number in groups the number's digits
    joined (`NUMBERS_FIELD`, site/search_numbers.py): "8883737888" found no page."""
    for entry in entries:
        numbers = joined_numbers(str(entry.get("text", "")))
        if numbers:
            entry[NUMBERS_FIELD] = " ".join(numbers)
        else:
            entry.pop(NUMBERS_FIELD, None)


def drop_section_tags(page: Page, entries: list[dict[str, Any]]) -> None:
    """Take a term page's tags (its forms) off the entries of its sections. Material gives
    every section of a page the page's tags: each term page's forms were in the index
    once more for every section (17 KB of the example's 308 KB), and a form typed listed
    the sections under the page as if each one held it. The page's first entry keeps
    them: it is the result a form finds."""
    if not page.meta.get(TYPED_FORMS_KEY):  # not a term page: tags of the author's
        return
    for entry in entries:
        if entry.get("location") != page.url:
            entry.pop("tags", None)


def material_search_index(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    """The entries of Material's search index, if its search plugin is on."""
    plugin = config.plugins.get("material/search")
    if plugin is None or not getattr(plugin.config, "enabled", True):
        return None
    entries = getattr(getattr(plugin, "search_index", None), "entries", None)
    return entries if isinstance(entries, list) else None


# The priorities of `_index_from_cache` and `_after_search` (plugin/page_hooks.py): the
# search plugins, at the default priority, read the page between the two.
SEARCH_FIRST, SEARCH_LAST = 10, -50


def only_search_reads_pages(config: MkDocsConfig, own: object) -> bool:
    """Whether each other `on_page_context` handler that runs while search reads a page
    (between `_index_from_cache` and `_after_search`) is a search plugin's: then search
    may read the page's term links short (site/search_links.py), as no other plugin sees
    or keeps that HTML. A hook or another plugin there might change the page, which
    would then be published as it left it."""
    plugins = config.plugins
    searches = [plugins.get(name) for name in ("material/search", "search")]
    allowed = [own, *(plugin for plugin in searches if plugin is not None)]
    for handler in plugins.events["page_context"]:
        if not SEARCH_LAST <= getattr(handler, "mkdocs_priority", 0) <= SEARCH_FIRST:
            continue
        owner = getattr(handler, "__self__", None)
        if not any(owner is plugin for plugin in allowed):
            return False
    return True


def merge_previous_index(config: MkDocsConfig, pages: Collection[str]) -> None:
    """Under `mkdocs serve --dirty`, the index of every page, not just the rebuilt ones.
    Material's search takes a dirty rebuild for one page's: it keeps the previous index
    less that page's entries, and adds the new ones. A handbook rebuilds its generated
    pages each time too, so each rebuild added another copy of all but one of them (the
    index of the example grew from 478 entries to 1,752 in four: audit). Here, before
    Material writes the index, the previous entries of every page rebuilt are dropped, and
    those of a page no longer among the build's `pages` (URLs): a deleted term was still
    found, its result a page gone from a full build (serve audit)."""
    plugin = config.plugins.get("material/search")
    previous = getattr(plugin, "search_index_prev", None)
    current = material_search_index(config)
    if plugin is None or previous is None or not current:
        return
    rebuilt = {_page_of(entry) for entry in current}
    kept = [
        entry
        for entry in previous.entries
        if _page_of(entry) not in rebuilt and _page_of(entry) in pages
    ]
    plugin.search_index.entries = kept + current
    plugin.search_index_prev = None  # what Material would merge: merged already


def _page_of(entry: dict[str, Any]) -> str:
    """The page an entry is of: its location without the section (`#...`)."""
    return str(entry.get("location", "")).partition("#")[0]


def index_from_cache(
    page: Page, config: MkDocsConfig, cache: PageRenderCache | None
) -> tuple[PendingSearch | None, int | None]:
    """Give Material's index the page's entries of an earlier build, kept in `cache`, where
    that build indexed the same page, and mark the page `exclude` so that search does not
    parse it again (`finish_search_entries` unmarks it). Returns the page on its way
    between the two (None: no cache to use), and where its entries begin in the index."""
    search_index = material_search_index(config)
    search_start = None if search_index is None else len(search_index)
    if search_index is None or cache is None or not cache.enabled or page.content is None:
        return None, search_start
    options = config.plugins["material/search"].config
    key = cache.search_key(page.content, page.url, page.title, page.meta, options)
    search = page.meta.get("search")
    entries = cache.get_entries(key)
    if entries is not None:
        search_index.extend(dict(entry) for entry in entries)
        page.meta["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True}
        return PendingSearch(page, search, None, 0), search_start
    return PendingSearch(page, search, key, len(search_index)), search_start


def finish_search_entries(
    page: Page,
    config: MkDocsConfig,
    pending: PendingSearch | None,
    search_start: int | None,
    cache: PageRenderCache | None,
    *,
    generated: bool,
) -> None:
    """Once search indexed the page: its entries' quotes as written, a term's or protocol's
    search fields (`add_search_forms`, of a `generated` page only), and either its own
    front matter `search` back (its entries came from `cache`) or its new entries into
    `cache`."""
    search_index = material_search_index(config)
    # Entries from the cache were kept once read so (below): their quotes, words and
    # numbers are read, and reading them again changed nothing (0.14 s of a warm build
    # of 1000 pages). Only what depends on the page, not the entries, is done again.
    from_cache = pending is not None and pending.page is page and pending.key is None
    if search_index is not None and search_start is not None:
        entries = search_index[search_start:]
        if not from_cache:
            with_plain_quotes(entries)
            with_text_as_read(entries)
        if generated:
            add_search_forms(page, entries)
            drop_section_tags(page, entries)
        else:
            without_generated_fields(entries)
        if not from_cache:
            add_search_numbers(entries)
    if pending is not None and pending.page is page and cache is not None:
        if pending.key is None:  # indexed from the cache: the page's own front matter back
            if pending.search is None:
                page.meta.pop("search", None)
            else:
                page.meta["search"] = pending.search
        else:
            search_index = material_search_index(config) or []
            entries = [dict(entry) for entry in search_index[pending.start :]]
            cache.put_entries(pending.key, entries)
