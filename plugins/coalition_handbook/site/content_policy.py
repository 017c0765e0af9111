"""The site's Content-Security-Policy: the browser itself refuses to load anything from
another host, so a survivor reading the handbook leaves no trace elsewhere (DESIGN 7).

The built HTML names no other host (tests/test_site_build.py); this also stops what
scripts would fetch at run time, such as the polyfill Material's bundle asks unpkg.com
for in an old browser, or the diagram library a page with a Mermaid diagram would load.
Material's pages hold inline scripts and styles (its configuration, the reader's colour
scheme), hence `'unsafe-inline'`; nothing is ever evaluated from a string.

It is a `<meta>` element, the one form a static site can carry. Pages opened from files
(the offline build) get none: Firefox gives a `file:` page a unique origin, whose `'self'`
matches no file, not even the page's own stylesheet (Chromium lets it match files), and
a `file:` source in its place is untested in the browsers that matter. The offline
build holds nothing from other hosts all the same, and its Privacy page says which build
carries the policy.

With it goes a referrer policy: a link followed to another host (a source, a contact's
website) does not tell that host which page of the handbook the reader was on.
"""

from __future__ import annotations

import re

from ..markup import CLOSED_COMMENT

POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    )
)
REFERRER = '<meta name="referrer" content="no-referrer">'
# Both policies, put in together: what a page heads with.
META = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">{REFERRER}'

_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)
# Where the head ends: its end tag, or the body's start tag where the end tag is left out
# (HTML allows that).
_HEAD_END = re.compile(r"</head\s*>|<body[\s>]", re.IGNORECASE)
# What may come before a head that is not written: a `<meta>` there still goes into the
# head the browser makes.
_BEFORE_HEAD = re.compile(
    rf"(?:\s|{CLOSED_COMMENT}|<!doctype[^>]*>|<html(?:\s[^>]*)?>)*", re.IGNORECASE | re.DOTALL
)


def with_content_policy(html: str) -> str:
    """`html` with the policy first in its `<head>` (or where its head would start, if it
    writes none), before anything loads; as it was if the policy is there already.

    A policy the page carries of its own stays, and the site's is added all the same:
    a browser applies every content policy of a page, so another can only forbid more,
    never let in what the site's refuses (a page's front matter can put one in the head).
    Not so the referrer policy, where the last one a page names wins: a page, or a theme
    override, that names its own keeps it, as its author chose."""
    head = _HEAD.search(html)
    if head is None:
        before = _BEFORE_HEAD.match(html)
        start = before.end() if before else 0
        return html if html.startswith(META, start) else f"{html[:start]}{META}{html[start:]}"
    # A page with the whole navigation in it is long: the search stops where the head does.
    head_end = _HEAD_END.search(html, head.end())
    if html.find(META, head.end(), head_end.start() if head_end else len(html)) != -1:
        return html
    return f"{html[: head.end()]}{META}{html[head.end() :]}"
