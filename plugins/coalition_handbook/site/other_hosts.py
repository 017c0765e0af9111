"""What would have a reader's browser contact another host: the site loads nothing from
other hosts, so a survivor reading it leaves no trace elsewhere (DESIGN section 7).

Theme settings are turned off before the build (`keep_to_own_host`); what a page itself
loads from elsewhere, such as an image an author linked from another site, is named in
the build's log (`remote_resources`), where the site's content policy will have browsers
refuse it.

Unless mkdocs.yml sets `theme.font: false`, Material loads its fonts (Roboto by default)
from Google Fonts, and it sends each visit to an analytics provider when `extra.analytics`
names one. Another
coalition's `mkdocs.yml` may well keep those defaults: the fonts go off silently (the
pages then use the reader's own fonts, as the example handbook does); a font or an
analytics provider the author named goes off with a warning that says so. MkDocs' own
themes (`mkdocs`, `readthedocs`) load highlight.js from cdnjs unless `highlightjs` is
false, and Google Analytics when `analytics.gtag` is set: the first goes off silently
(code is then shown without colours), the second with a warning.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from ..markdown.raw_html import start_tag
from ..markup import COMMENT

# What Material's own mkdocs_theme.yml sets when mkdocs.yml says nothing.
MATERIAL_DEFAULT_FONT = {"text": "Roboto", "code": "Roboto Mono"}
# The themes that come with MkDocs; both load highlight.js and Google Analytics alike.
MKDOCS_THEMES = ("mkdocs", "readthedocs")


def keep_to_own_host(
    theme_name: str | None, theme: MutableMapping[str, Any], extra: MutableMapping[str, Any]
) -> list[str]:
    """Turn off Material's web fonts and analytics in a site's `theme` and `extra`
    settings, and MkDocs' own themes' highlight.js and analytics; returns a warning for
    each that mkdocs.yml asked for."""
    if theme_name in MKDOCS_THEMES:
        return _keep_mkdocs_theme_to_own_host(theme)
    if theme_name != "material":
        return []
    warnings: list[str] = []
    font = theme.get("font")
    if font is not False:
        theme["font"] = False
        if font != MATERIAL_DEFAULT_FONT:
            warnings.append(
                f"handbook: theme.font {font!r} would have every reader's browser fetch "
                "fonts from Google Fonts; the handbook loads nothing from other hosts, so "
                "the pages use the reader's own fonts. To use a font, put its files in "
                "docs_dir and name them in extra_css."
            )
    analytics = extra.get("analytics")
    if analytics:
        del extra["analytics"]
        provider = analytics.get("provider") if isinstance(analytics, dict) else None
        warnings.append(
            f"handbook: extra.analytics would send every visit to "
            f"{provider or 'an analytics provider'}; the handbook loads nothing from other "
            "hosts, so it is left out."
        )
    return warnings


def _keep_mkdocs_theme_to_own_host(theme: MutableMapping[str, Any]) -> list[str]:
    theme["highlightjs"] = False  # on by default: off silently, as Material's fonts
    analytics = theme.get("analytics")
    if not isinstance(analytics, dict) or not analytics.get("gtag"):
        return []
    theme["analytics"] = {**analytics, "gtag": None}
    return [
        "handbook: theme.analytics.gtag would send every visit to Google Analytics; the "
        "handbook loads nothing from other hosts, so it is left out."
    ]


def drop_legacy_analytics(config: MutableMapping[str, Any]) -> list[str]:
    """MkDocs' deprecated `google_analytics` setting, which its own themes still load
    Google Analytics for, taken out; a warning if mkdocs.yml set it."""
    if not config.get("google_analytics"):
        return []
    config["google_analytics"] = None
    return [
        "handbook: google_analytics would send every visit to Google Analytics; the "
        "handbook loads nothing from other hosts, so it is left out."
    ]


def drop_remote_assets(
    extra_javascript: list[Any], extra_css: list[Any], docs: str = "docs_dir"
) -> list[str]:
    """Take out of the site's settings each script or stylesheet mkdocs.yml names on
    another host (MathJax from a CDN, a web font's stylesheet), as Material's web fonts
    go off; returns a warning for each. The pages' content policy would have browsers
    refuse it, but a site opened from files has no policy (`make offline`)."""
    warnings = []
    for setting, values in (("extra_javascript", extra_javascript), ("extra_css", extra_css)):
        for value in list(values):
            url = str(value).strip()
            if _on_another_host(url):
                values.remove(value)
                warnings.append(
                    f"handbook: {setting} names {url}, on another host; the handbook loads "
                    "nothing from other hosts (a survivor reading it leaves no trace "
                    f"elsewhere), so the pages leave it out. Copy the file into {docs}/ and "
                    "name the copy."
                )
    return warnings


# Elements that make a browser fetch something as a page loads.
_LOADING_TAG = re.compile(
    r"<(?:img|script|iframe|frame|source|track|video|audio|embed|object|link|input)\b[^>]*>",
    re.IGNORECASE,
)
_COMMENT = re.compile(COMMENT, re.DOTALL)
_LOADING_ATTRIBUTES = ("src", "data", "poster")
# <link> relations that fetch (a canonical or alternate link is only an address).
_LOADING_LINKS = frozenset({"stylesheet", "icon", "preload", "modulepreload", "prefetch"})


def remote_resources(html: str) -> list[str]:
    """The URLs of what `html` (a page's content) would have a browser fetch from another
    host as the page loads: images, media, frames, scripts, stylesheets."""
    if _LOADING_TAG.search(html) is None:  # most pages: nothing to parse
        return []
    if "<!--" in html:  # a comment loads nothing
        html = _COMMENT.sub("", html)
    found: list[str] = []
    for tag in _LOADING_TAG.finditer(html):
        name, attributes = start_tag(tag.group())
        urls = [attributes.get(attribute) for attribute in _LOADING_ATTRIBUTES]
        urls += [
            candidate.split()[0]
            for candidate in (attributes.get("srcset") or "").split(",")
            if candidate.strip()
        ]
        relations = set((attributes.get("rel") or "").lower().split())
        if name == "link" and relations & _LOADING_LINKS:
            urls.append(attributes.get("href"))
        found += [url.strip() for url in urls if url and _on_another_host(url.strip())]
    return list(dict.fromkeys(found))


# Material draws each `<pre class="mermaid">` (a `mermaid` fence of superfences) with
# Mermaid, which it loads from unpkg.com unless a script of the page loaded it already.
# A `<pre>` tag, a quoted value holding `>` or `<`. Possessive (`++`, `*+`): read again
# from each character, a page of thousands of unclosed tags took quadratic time (found
# in review).
_PRE_TAG = re.compile(r"""<pre\b(?:[^<>"']++|"[^"]*+"|'[^']*+')*+>?""", re.IGNORECASE)
# A copy of Mermaid itself ("mermaid.min.js", "mermaid-11.4.1.min.js"), not a script that
# sets it up ("mermaid-init.js"), nor an ES module, which defines no global `mermaid`.
_MERMAID_SCRIPT = re.compile(r"mermaid(?:[-@.]?v?\d[\w.]*?)?(?:\.min)?\.js", re.IGNORECASE)
_MERMAID_FENCE = re.compile(
    r"^[ \t>]*+(?:`{3,}+|~{3,}+)[ \t]*+(?:\{[ \t]*+)?\.?mermaid\b", re.MULTILINE
)


def draws_mermaid(html: str) -> bool:
    """Whether Material would draw a Mermaid diagram in `html` (a page's content)."""
    if "mermaid" not in html:  # most pages
        return False
    if "<!--" in html:
        html = _COMMENT.sub("", html)
    for tag in _PRE_TAG.finditer(html):
        _, attributes = start_tag(tag.group())  # as a browser reads its class
        if "mermaid" in (attributes.get("class") or "").lower().split():
            return True
    return False


def loads_own_mermaid(extra_javascript: Iterable[object]) -> bool:
    """Whether the site names a copy of Mermaid of its own (`extra_javascript`, from which
    scripts on other hosts are gone): Material then draws with it."""
    names = (_file_name(str(script)) for script in extra_javascript)
    return any(_MERMAID_SCRIPT.fullmatch(name) for name in names)


def _file_name(url: str) -> str:
    """The file name of a script's URL, without its query or fragment (`?v=2`)."""
    return posixpath.basename(urlsplit(url).path)


def mermaid_fence(source: str) -> int | None:
    """The offset of the first `mermaid` fence in `source`, if any."""
    found = _MERMAID_FENCE.search(source)
    return None if found is None else found.start()


_REFRESH = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_REFRESH_URL = re.compile(r"^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?['\"]?([^'\"]*)", re.IGNORECASE)


def remote_redirects(html: str) -> list[str]:
    """The other hosts' URLs `html` sends its reader to as soon as it opens (`<meta
    http-equiv="refresh">`): no content policy stops a page from going elsewhere."""
    # Every page is looked at, whole: most have no "refresh" at all (lower() and `in` take
    # a tenth of the time of a case-blind regular expression).
    if "refresh" not in html.lower():
        return []
    if "<!--" in html:  # a comment sends no one anywhere
        html = _COMMENT.sub("", html)
    found: list[str] = []
    for tag in _REFRESH.finditer(html):
        _, attributes = start_tag(tag.group())
        if (attributes.get("http-equiv") or "").strip().lower() != "refresh":
            continue
        target = _REFRESH_URL.match(attributes.get("content") or "")
        url = target.group(1).strip() if target else ""
        if _on_another_host(url):
            found.append(url)
    return list(dict.fromkeys(found))


# What a browser reads as another host's address (the WHATWG URL parser): any http(s)
# URL, whatever slashes or backslashes follow the scheme (from a page opened from files,
# `https:example.org/x` is another host too), and any URL that starts with two of them.
_ANOTHER_HOST = re.compile(r"https?:|[/\\]{2}", re.IGNORECASE)
# Browsers strip these from the ends of a URL, and tabs and line breaks from anywhere.
_URL_ENDS = "".join(chr(code) for code in range(0x21))
_TABS_AND_BREAKS = str.maketrans("", "", "\t\n\r")


def _on_another_host(url: str) -> bool:
    return _ANOTHER_HOST.match(url.strip(_URL_ENDS).translate(_TABS_AND_BREAKS)) is not None
