"""Links in the site's pages to a handout the build cannot publish: its PDF failed, and no
earlier one of it is there to publish instead (`handouts.unpublished_handouts`). MkDocs
checked such a link against the stand-in file the plugin gives it for each handout, so
it would lead to a missing file. Each becomes its text, saying that the handout is not
in this build, as the module's own page says instead of its handout link.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from urllib.parse import unquote, urljoin, urlsplit

from ..lazy_pattern import LazyPattern
from ..markdown.raw_html import start_tag
from .urls import handout_path

NOT_IN_THIS_BUILD = " (no PDF in this build of the site)"
# A link's start tag, up to its `>` (a quoted value may hold one), read once: possessive.
_LINK_START = LazyPattern(r"""<a\b(?:[^<>"']++|"[^"]*+"|'[^']*+')*+>""", re.IGNORECASE)
_LINK_END = LazyPattern(r"</a\s*>", re.IGNORECASE)


def unlink_missing_handouts(html: str, page_url: str, module_ids: Collection[str]) -> str:
    """`html`, a page's content at `page_url` (as MkDocs gives it: `modules/x/`,
    `modules/x.html`), with each link to the handout of a module in `module_ids` made
    its text and `NOT_IN_THIS_BUILD`."""
    missing = {handout_path(module_id) for module_id in module_ids}
    # Most pages link to no handout at all.
    if not any(path.rpartition("/")[2] in html for path in missing):
        return html
    kept: list[str] = []
    position = 0
    for link in _LINK_START.finditer(html):
        if link.start() < position:  # inside the text of a link already made text
            continue
        _, attributes = start_tag(link.group())
        href = attributes.get("href")
        if href is None or _site_path(page_url, href) not in missing:
            continue
        end = _LINK_END.search(html, link.end())
        if end is None:
            continue
        text = html[link.end() : end.start()]
        kept += [html[position : link.start()], f'<span class="hb-handout-missing">{text}']
        kept.append(f"{NOT_IN_THIS_BUILD}</span>")
        position = end.end()
    kept.append(html[position:])
    return "".join(kept)


def _site_path(page_url: str, href: str) -> str | None:
    """Where `href`, written on the page at `page_url`, leads on the site (its path from
    the site's root, as `handout_path` names a handout); None for a link elsewhere."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    return unquote(urljoin(f"/{page_url}", parts.path)).lstrip("/")
