"""The site's Content-Security-Policy: the browser itself refuses to load anything from
another host, so a survivor reading the handbook leaves no trace elsewhere (DESIGN 7), and
runs no script the site did not build into the page.

The built HTML names no other host (tests/test_site_build.py); this also stops what
scripts would fetch at run time, such as the polyfill Material's bundle asks unpkg.com
for in an old browser, or the diagram library a page with a Mermaid diagram would load.

Scripts: each page's policy names the hash of each of its inline scripts
(site/inline_scripts.py: Material's configuration, the reader's colour scheme, a page's
own `<script>`), so the browser runs those and refuses every event handler (`onerror=`,
an attr_list `{: onfocus=... }`), `javascript:` link and script that no one built into
the page, even one that got past the checks. `'unsafe-inline'` stays beside the hashes
for browsers older than CSP 2, which know no hashes; every newer one ignores it where a
hash is named. A page with no inline script names none, and so runs no inline script in
any browser. Nothing is ever evaluated from a string. Styles stay `'unsafe-inline'`:
Material's pages set them in attributes, and a style runs no script.

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
from collections.abc import Collection

from ..lazy_pattern import LazyPattern
from ..markup import CLOSED_COMMENT
from .inline_scripts import inline_script_hashes

REFERRER = '<meta name="referrer" content="no-referrer">'


def content_policy(script_hashes: Collection[str] = (), *, live_reload: bool = False) -> str:
    """The policy of a page whose inline scripts have `script_hashes` (`'sha256-...'`).
    `live_reload`: of a page `mkdocs serve` serves, into which its live reload writes a
    script, new each time: every inline script runs there, a handler too."""
    if live_reload:
        inline: tuple[str, ...] = ("'unsafe-inline'",)
    else:  # old browsers' fallback, where there are hashes for newer ones to heed instead
        inline = ("'unsafe-inline'", *sorted(script_hashes)) if script_hashes else ()
    return "; ".join(
        (
            "default-src 'self'",
            " ".join(("script-src 'self'", *inline)),
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


def policy_meta(script_hashes: Collection[str] = (), *, live_reload: bool = False) -> str:
    """Both policies, put in together: what a page whose inline scripts have
    `script_hashes` heads with."""
    policy = content_policy(script_hashes, live_reload=live_reload)
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">{REFERRER}'


_HEAD = LazyPattern(r"<head(?:\s[^>]*)?>", re.IGNORECASE)
# Where the head ends: its end tag, or the body's start tag where the end tag is left out
# (HTML allows that).
_HEAD_END = LazyPattern(r"</head\s*>|<body[\s>]", re.IGNORECASE)
# What may come before a head that is not written: a `<meta>` there still goes into the
# head the browser makes.
_BEFORE_HEAD = LazyPattern(
    rf"(?:\s|{CLOSED_COMMENT}|<!doctype[^>]*>|<html(?:\s[^>]*)?>)*", re.IGNORECASE | re.DOTALL
)


def with_content_policy(html: str, *, live_reload: bool = False) -> str:
    """`html` with the policy first in its `<head>` (or where its head would start, if it
    writes none), before anything loads; as it was if the policy is there already. The
    policy lets the page's own inline scripts run; every inline script, where
    `live_reload` (`content_policy`).

    A policy the page carries of its own stays, and the site's is added all the same:
    a browser applies every content policy of a page, so another can only forbid more,
    never let in what the site's refuses (a page's front matter can put one in the head).
    Not so the referrer policy, where the last one a page names wins: a page, or a theme
    override, that names its own keeps it, as its author chose."""
    if live_reload:
        return with_policy_meta(html, policy_meta(live_reload=True))
    return with_policy_meta(html, policy_meta(inline_script_hashes(html)))


def with_policy_meta(html: str, meta: str) -> str:
    """`html` headed by `meta` (`policy_meta`), as `with_content_policy` puts it."""
    head = _HEAD.search(html)
    if head is None:
        before = _BEFORE_HEAD.match(html)
        start = before.end() if before else 0
        return html if html.startswith(meta, start) else f"{html[:start]}{meta}{html[start:]}"
    # A page with the whole navigation in it is long: the search stops where the head does.
    head_end = _HEAD_END.search(html, head.end())
    if html.find(meta, head.end(), head_end.start() if head_end else len(html)) != -1:
        return html
    # The tag's first occurrence is where the search found it (an earlier one would have
    # matched first), so one `replace` puts the meta after it: the page is copied once,
    # not sliced and joined (pages with the navigation in them run to a megabyte).
    tag = head.group(0)
    return html.replace(tag, tag + meta, 1)
