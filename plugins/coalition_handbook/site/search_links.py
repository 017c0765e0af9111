"""A page's term links without their attributes, as Material's search reads the page.

Material's search parses the HTML of every page it indexes, and the attributes of a
term's link (its class, term, address and tooltip: site/autolink.py) were most of what
it parsed on an autolinked page, though it reads none of them: only a tag's
`data-search-exclude`, and a `class` of `linenodiv` or `headerlink`. Search is given the
page with each such link's tag as `<a>`, and indexes it as it did; the page is
published as written (plugin/page_hooks.py).
"""

from __future__ import annotations

from ..lazy_pattern import LazyPattern

# A term's link as the autolinks write it (`Autolinker._attributes`, serialized by
# Markdown, which escapes each value's quotes).
_TERM_LINK = LazyPattern(r'<a class="hb-term" data-term="[^"<>]*" href="[^"<>]*" title="[^"]*">')


def links_for_search(html: str) -> str:
    """`html` with each term link's opening tag as `<a>`."""
    if 'class="hb-term"' not in html:  # no autolink: at once
        return html
    return _TERM_LINK.sub("<a>", html)
