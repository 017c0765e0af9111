"""The site's Content-Security-Policy: the browser itself refuses to load anything from
another host, so a survivor reading the handbook leaves no trace elsewhere (DESIGN 7).

The built HTML names no other host (tests/test_site_build.py); this also stops what
scripts would fetch at run time, such as the polyfill Material's bundle asks unpkg.com
for in an old browser, or the diagram library a page with a Mermaid diagram would load.
Material's pages hold inline scripts and styles (its configuration, the reader's colour
scheme), hence `'unsafe-inline'`; nothing is ever evaluated from a string.

It is a `<meta>` element, the one form a static site can carry. Pages opened from files
(the offline build) get none: browsers match no `file:` address to `'self'`.
"""

from __future__ import annotations

import re

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
META = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'

_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)
# Where the head ends: its end tag, or the body's start tag where the end tag is left out
# (HTML allows that).
_HEAD_END = re.compile(r"</head\s*>|<body[\s>]", re.IGNORECASE)
_OWN_POLICY = re.compile(r"<meta\s[^>]*http-equiv=[\"']?content-security-policy", re.IGNORECASE)


def with_content_policy(html: str) -> str:
    """`html` with the policy first in its `<head>`, before anything loads; as it was if
    it has no head or carries a policy of its own (an author's template: theirs wins)."""
    head = _HEAD.search(html)
    if head is None:
        return html
    # Only the head's own policy counts (browsers ignore one in the body), and a page
    # with the whole navigation in it is long: the search stops where the head does.
    head_end = _HEAD_END.search(html, head.end())
    if _OWN_POLICY.search(html, head.end(), head_end.start() if head_end else len(html)):
        return html
    return f"{html[: head.end()]}{META}{html[head.end() :]}"
