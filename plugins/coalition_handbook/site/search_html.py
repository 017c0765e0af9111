"""A page's HTML as Material's search is given it: each autolink (site/autolink.py) a
bare `<a>`.

Material's search parses every page's HTML with Python's HTMLParser, which is slow on a
tag's attributes: a page's autolinks, each with a long tooltip, made its parse about a
sixth slower (the benchmark's pages: 0.65 ms a page against 0.56 with bare links). Of an
`<a>` the search reads only its text, `data-search-exclude` and a `class` of
`headerlink` or `linenodiv`, none of which an autolink has, so a bare `<a>`
gives its parser the same tags and text in the same order: the same index by
construction, whatever surrounds the link.
"""

from __future__ import annotations

import re

# An autolink's opening tag exactly as site/autolink.py writes it (its values escaped):
# anything else, an author's link with another attribute too, is left as written.
_AUTOLINK_START = re.compile(
    r'<a class="hb-term" data-term="[^"<>]*" href="[^"<>]*" title="[^"<>]*">'
)


def with_bare_autolinks(html: str) -> str:
    """`html` with each autolink's opening tag a bare `<a>`."""
    if 'class="hb-term"' not in html:
        return html
    return _AUTOLINK_START.sub("<a>", html)
