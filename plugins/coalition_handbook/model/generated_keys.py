"""The front matter keys of the pages the plugin generates (`handbook_forms`,
`handbook_notice`...: site/search_boost.py), which it copies into the search index.
Only its own pages may set them: on a hand-written page, `handbook_notice` put "Do not
use this term; use X instead." under the page's search result, and `handbook_forms` gave
it a term's search boost (security audit). The build ignores them there
(plugin/search_index.py), and the checks say so (page.front-matter)."""

from __future__ import annotations

# Every key of the plugin's starts so (the templates' term.md.j2 and protocol.md.j2).
GENERATED_PAGES_PREFIX = "handbook_"


def is_generated_pages_key(key: object) -> bool:
    """Whether `key`, of a page's front matter, is one of the plugin's own."""
    return isinstance(key, str) and key.startswith(GENERATED_PAGES_PREFIX)


def generated_pages_key_why(key: str) -> str:
    """Why a hand-written page's `key` (`is_generated_pages_key`) is ignored."""
    return (
        f"'{key}' is a setting of the pages the handbook generates (terms, protocols), which "
        "the build ignores on a page written by hand, so as not to let it pass for one: "
        "remove it"
    )
