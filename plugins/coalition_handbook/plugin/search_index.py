"""Material's search index as the hooks reach it: its entries, a page's entries
on their way to and from the render cache, and a term page's other forms in a field of
their own and all its forms whole (site/search_boost.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from ..site.search_boost import FORMS_FIELD, TYPED_FORMS_KEY


@dataclass
class PendingSearch:
    """A page between the hooks `_index_from_cache` and `_after_search` of
    plugin.py: its own front matter `search`, and the key to keep its new entries under
    (None: they came from the cache) with where they start in the index."""

    page: Page
    search: object
    key: str | None
    start: int


def add_search_forms(page: Page, entries: list[dict[str, Any]]) -> None:
    """Give a term page's first search entry the words it is also found by (front matter
    `handbook_forms`, in the search field `FORMS_FIELD`) and its forms whole, as a query
    typing one is compared with them (`handbook_typed_forms`, kept under
    `TYPED_FORMS_KEY`, which is no search field): see site/search_boost.py."""
    forms = page.meta.get(FORMS_FIELD)
    typed = page.meta.get(TYPED_FORMS_KEY)
    for entry in entries:
        if entry.get("location") == page.url:
            if isinstance(forms, list) and forms:
                entry[FORMS_FIELD] = " ".join(str(form) for form in forms)
            if isinstance(typed, list) and typed:
                entry[TYPED_FORMS_KEY] = [str(form) for form in typed]
            return


def material_search_index(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    """The entries of Material's search index, if its search plugin is on."""
    plugin = config.plugins.get("material/search")
    if plugin is None or not getattr(plugin.config, "enabled", True):
        return None
    entries = getattr(getattr(plugin, "search_index", None), "entries", None)
    return entries if isinstance(entries, list) else None
