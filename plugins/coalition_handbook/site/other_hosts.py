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

import functools
import hashlib
import posixpath
import re
from collections.abc import Iterable, Iterator, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from ..lazy_pattern import LazyPattern
from ..markdown.raw_html import start_tag
from ..markup import COMMENT, end_tag, start_tags
from ..url_userinfo import without_userinfo
from .css_urls import declarations_urls, stylesheet_file_urls, stylesheet_urls

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
                advice = copy_advice(url, docs, then="name the copy")
                warnings.append(
                    f"handbook: {setting} names {without_userinfo(url)}, on another host; the "
                    "handbook loads nothing from other hosts (a survivor reading it leaves no "
                    f"trace elsewhere), so the pages leave it out. {advice}"
                )
    return warnings


# Elements that make a browser fetch what their `src`, `data`, `poster` or `srcset`
# names as a page loads (and a `<link>`, what its `href` names). Outside an `<svg>`,
# HTML reads an `<image>` as an `<img>`.
_LOADING_ELEMENTS = frozenset(
    {"img", "script", "iframe", "frame", "source", "track", "video", "audio", "embed"}
    | {"object", "link", "input", "image"}
)
_LOADING_ATTRIBUTES = ("src", "data", "poster")
# <link> relations that fetch (a canonical or alternate link is only an address).
_LOADING_LINKS = frozenset(
    {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "prerender"}
)
# <link> relations that fetch nothing, but look up the host or connect to it ahead.
_CONNECTING_LINKS = ("preconnect", "dns-prefetch")
# SVG elements that fetch what their `href` (or the older `xlink:href`) names.
_SVG_LOADING_ELEMENTS = frozenset({"image", "use", "feimage", "script"})
# The elements whose old `background=` attribute browsers still draw.
_BACKGROUND_ELEMENTS = frozenset({"body", "table", "thead", "tbody", "tfoot", "tr", "td", "th"})
_WATCHED_ELEMENTS = _LOADING_ELEMENTS | _SVG_LOADING_ELEMENTS | {"style"}
# Whether a page may load anything at all: a watched element, or an attribute that
# styles (a `style` attribute's `url(...)`, `background=`). Read in the page lowered: a
# case-blind expression takes four times as long. An `<input>` loads only by its `src`
# (`type=image`), and content tabs put one in many pages: those need a `src` too. The
# attributes are looked for by `in` first: an expression that may start at any letter
# took six times as long over 1,500 pages (found in review).
_MAY_LOAD_BY_TAG = LazyPattern(rf"<(?:{'|'.join(sorted(_WATCHED_ELEMENTS - {'input'}))})\b")
_MAY_LOAD_BY_ATTRIBUTE = LazyPattern(r"(?:style|background)\s*+=")


def _may_load(lowered: str) -> bool:
    """Whether `lowered` (a page's HTML, lowered) may load anything at all."""
    if _MAY_LOAD_BY_TAG.search(lowered) or ("<input" in lowered and "src" in lowered):
        return True
    styled = "style" in lowered or "background" in lowered
    return styled and _MAY_LOAD_BY_ATTRIBUTE.search(lowered) is not None


def remote_resources(html: str) -> list[str]:
    """The URLs of what `html` (a page's content) would have a browser fetch from another
    host as the page loads: images, media, frames, scripts, stylesheets, what SVG
    draws, and what its CSS fetches (`style` attributes, `<style>` elements,
    `background=`). As a browser with scripts off reads it: what a `<noscript>` holds
    loads then."""
    if not _may_load(_lowered(html)):  # most pages: nothing to parse
        return []
    found: list[str] = []
    for name, text, end in _start_tags_read(html):
        lowered = text.lower()
        # A style loads only through a function, `url(...)`; most are `text-align`.
        styled = "style" in lowered and ("(" in text or "&" in text)
        if name not in _WATCHED_ELEMENTS and not styled and "background" not in lowered:
            continue
        name, attributes = start_tag(text)
        found += _loaded_by(name, attributes)
        if name == "style":  # its text, up to `</style`
            css_end = end_tag("style").search(html, end)
            css = html[end : len(html) if css_end is None else css_end.start()]
            found += [url for url, _ in stylesheet_urls(css)]
    urls = (url.strip() for url in found if url)
    return list(dict.fromkeys(url for url in urls if _on_another_host(url)))


@functools.lru_cache(maxsize=2)
def _lowered(html: str) -> str:
    """`html` in small letters, for the quick tests that most pages pass: each page's
    content is asked of three times in a row (`remote_resources`, `remote_connections`,
    `referrer_overrides`), and lowering one that is not ASCII takes near a millisecond."""
    return html.lower()


def _start_tags_read(html: str) -> Iterator[tuple[str, str, int]]:
    """(name, text, end) of each start tag of `html` a browser reads, as `start_tags`
    finds them (none in a comment, those in a `<noscript>` too), to the `>` a browser
    ends it at."""
    tag_end = -1  # the next `>`, as far as a tag may reach
    for tag in start_tags(html, scripts_off=True):
        text, end = tag.group(), tag.end()
        if not text.endswith(">"):
            # The scan stops at a quote in an unquoted value (`alt=x"y"`), which a
            # browser reads on past, to the tag's `>`. A tag left open at the end of
            # the page is none, nor is any after it.
            if tag_end < end:
                tag_end = html.find(">", end)
            if tag_end < 0:
                return
            text, end = html[tag.start() : tag_end + 1], tag_end + 1
        yield tag.group("name").lower(), text, end


def _loaded_by(name: str, attributes: dict[str, str | None]) -> list[str]:
    """The URLs the start tag of element `name` has a browser fetch by its attributes."""
    urls: list[str] = []
    if name in _LOADING_ELEMENTS:
        urls += [attributes.get(attribute) or "" for attribute in _LOADING_ATTRIBUTES]
        urls += [
            candidate.split()[0]
            for candidate in (attributes.get("srcset") or "").split(",")
            if candidate.strip()
        ]
    relations = set((attributes.get("rel") or "").lower().split())
    if name == "link" and relations & _LOADING_LINKS:
        urls.append(attributes.get("href") or "")
    if name in _SVG_LOADING_ELEMENTS:
        urls += [attributes.get("href") or "", attributes.get("xlink:href") or ""]
    if name in _BACKGROUND_ELEMENTS:
        urls.append(attributes.get("background") or "")
    urls += [url for url, _ in declarations_urls(attributes.get("style") or "")]
    return urls


def remote_connections(html: str) -> list[tuple[str, str]]:
    """(URL, relation) of each other host `html` (a page's content) has a browser look
    up or connect to ahead, with nothing fetched (`<link rel="dns-prefetch">`,
    `"preconnect"`): the host, or its name server, still learns of the visit, and no
    content policy governs these."""
    if "<link" not in _lowered(html):  # most pages
        return []
    found: dict[str, str] = {}
    for name, text, _ in _start_tags_read(html):
        if name != "link":
            continue
        _, attributes = start_tag(text)
        relations = (attributes.get("rel") or "").lower().split()
        relation = next((name for name in _CONNECTING_LINKS if name in relations), None)
        url = (attributes.get("href") or "").strip()
        if relation is not None and _on_another_host(url):
            found.setdefault(url, relation)
    return list(found.items())


# The attribute that names where each element sends a form's fields: a `<form>`'s, or a
# button's that sends it elsewhere (`<button formaction=...>`, `<input type=submit ...>`).
_FORM_TARGETS = {"form": "action", "button": "formaction", "input": "formaction"}


def remote_form_targets(html: str) -> list[str]:
    """The other hosts' URLs that a form of `html` (a page's content) sends what a reader
    types in it to (`<form action=...>`, a button's `formaction=`): the website's content
    policy (`form-action 'self'`) has browsers refuse to send it, so the form does
    nothing there; the offline build, which has no policy, would send it (security
    review sec64)."""
    lowered = _lowered(html)
    if "<form" not in lowered and "formaction" not in lowered:  # most pages
        return []
    found: list[str] = []
    for name, text, _ in _start_tags_read(html):
        attribute = _FORM_TARGETS.get(name)
        if attribute is None:
            continue
        _, attributes = start_tag(text)
        url = (attributes.get(attribute) or "").strip()
        if _on_another_host(url):
            found.append(url)
    return list(dict.fromkeys(found))


# The referrer policies a browser knows that tell the host a link leads to which page, or
# which site, the reader was on (`always`, `default` and `origin` are old names); the
# others (`no-referrer`, `same-origin`, `never`) tell it nothing, and a value a browser
# does not know leaves the site's policy in force.
_TELLING_REFERRERS = frozenset(
    {"unsafe-url", "always", "no-referrer-when-downgrade", "default", "origin"}
    | {"origin-when-cross-origin", "strict-origin", "strict-origin-when-cross-origin"}
)


def referrer_overrides(html: str) -> list[str]:
    """The start tag of each element of `html` (a page's content) that sets a referrer
    policy which tells other hosts where the reader came from: a `<meta name="referrer">`,
    which a browser applies to the whole page over the site's `no-referrer` though it
    stands in the body (checked in Chromium: a link followed sent the page's address), or
    a `referrerpolicy=` on a link, an image or a frame. No content policy stops that, and
    the site promises a survivor leaves no trace elsewhere (security review)."""
    if "referrer" not in _lowered(html):  # most pages
        return []
    found: list[str] = []
    for name, text, _ in _start_tags_read(html):
        if "referrer" not in text.lower():
            continue
        _, attributes = start_tag(text)
        if name == "meta" and (attributes.get("name") or "").strip().lower() == "referrer":
            policy = attributes.get("content")
        else:
            policy = attributes.get("referrerpolicy")
        if (policy or "").strip().lower() in _TELLING_REFERRERS:
            found.append(text)
    return found


# What each stylesheet loads, by the digest of its bytes: `mkdocs serve` rebuilds, and
# reads every stylesheet again each time, parse only those that changed (a vendored
# bundle of 1 MB took close to a second; found in review).
_STYLESHEET_LOADS: dict[bytes, tuple[tuple[str, int], ...]] = {}
_STYLESHEETS_KEPT = 512


def remote_stylesheet_loads(css: bytes) -> list[tuple[str, int]]:
    """What a stylesheet file (one in docs_dir, `extra_css`) would have a browser fetch
    from another host, a web font's stylesheet say: (URL, line), each URL once."""
    digest = hashlib.blake2b(css, digest_size=16).digest()
    loads = _STYLESHEET_LOADS.get(digest)
    if loads is None:
        found: dict[str, int] = {}
        for url, line in stylesheet_file_urls(css):
            if _on_another_host(url.strip()):
                found.setdefault(url.strip(), line)
        if len(_STYLESHEET_LOADS) >= _STYLESHEETS_KEPT:  # a long `mkdocs serve`
            _STYLESHEET_LOADS.clear()
        loads = _STYLESHEET_LOADS[digest] = tuple(found.items())
    return list(loads)


# Web font services whose stylesheets load the fonts themselves from another host
# (fonts.googleapis.com's, from fonts.gstatic.com): a copy of the stylesheet alone
# still loads them.
_WEB_FONT_HOSTS = ("fonts.googleapis.com", "fonts.gstatic.com", "fonts.bunny.net")


def copy_advice(url: str, docs: str, then: str = "link to the copy") -> str:
    """What to do instead of loading `url` from another host, for `docs` (docs_dir as
    the log shows it): copy it, and `then`."""
    host = urlsplit(url.strip(_URL_ENDS).replace("\\", "/")).hostname or ""
    if host in _WEB_FONT_HOSTS:
        return (
            f"Download the font files and serve them from the site: put them in {docs}/ "
            "and name them in @font-face rules of a stylesheet there, named in extra_css "
            "(keep theme.font: false, which the handbook sets)."
        )
    return f"Copy the file into {docs}/ and {then}."


# The classes pymdownx.emoji gives the image of an emoji (Material's twemoji index too).
_EMOJI_CLASSES = frozenset({"twemoji", "emojione", "gemoji"})
# A shortcode as the extension's `title` gives it (its short title, the default).
_SHORTCODE = LazyPattern(r":[\w+-]+:")


def emoji_images(html: str) -> dict[str, str | None]:
    """URL -> shortcode (`:smile:`, None where the image's title gives none) of each
    emoji that pymdownx.emoji writes in `html` as an image. Material's icons
    (`:material-phone:`) are inline SVG, not images: none of them is here."""
    if "<img" not in html or "moji" not in html:  # most pages
        return {}
    found: dict[str, str | None] = {}
    for name, text, _ in _start_tags_read(html):
        if name != "img" or "moji" not in text:
            continue
        _, attributes = start_tag(text)
        source = (attributes.get("src") or "").strip()
        if not source or _EMOJI_CLASSES.isdisjoint((attributes.get("class") or "").split()):
            continue
        title = (attributes.get("title") or "").strip()
        found.setdefault(source, title if _SHORTCODE.fullmatch(title) else None)
    return found


def emoji_advice(shortcode: str | None) -> str:
    """What to do instead of an emoji image from another host: it is no file the author
    links to, so it cannot be copied and linked to."""
    emoji = f"the emoji {shortcode}" if shortcode else "an emoji"
    return (
        f"It is {emoji}, which pymdownx.emoji draws with this image (Material's icons, "
        "`:material-...:`, `:octicons-...:`, `:fontawesome-...:`, are drawn inline, from "
        "the site): set pymdownx.emoji's emoji_generator to "
        "!!python/name:pymdownx.emoji.to_alt to show emoji as characters, or serve copies "
        "of the images from the site and name their folder in the generator's options "
        "(image_path)."
    )


_COMMENT = LazyPattern(COMMENT, re.DOTALL)
# Material draws each `<pre class="mermaid">` (a `mermaid` fence of superfences) with
# Mermaid, which it loads from unpkg.com unless a script of the page loaded it already.
# A `<pre>` tag, a quoted value holding `>` or `<`. Possessive (`++`, `*+`): read again
# from each character, a page of thousands of unclosed tags took quadratic time (found
# in review).
_PRE_TAG = LazyPattern(r"""<pre\b(?:[^<>"']++|"[^"]*+"|'[^']*+')*+>?""", re.IGNORECASE)
# A copy of Mermaid itself ("mermaid.min.js", "mermaid-11.4.1.min.js"), not a script that
# sets it up ("mermaid-init.js"), nor an ES module, which defines no global `mermaid`.
_MERMAID_SCRIPT = LazyPattern(r"mermaid(?:[-@.]?v?\d[\w.]*?)?(?:\.min)?\.js", re.IGNORECASE)
_MERMAID_FENCE = LazyPattern(
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


_REFRESH = LazyPattern(r"<meta\b[^>]*>", re.IGNORECASE)
_REFRESH_URL = LazyPattern(r"^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?['\"]?([^'\"]*)", re.IGNORECASE)


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
_ANOTHER_HOST = LazyPattern(r"https?:|[/\\]{2}", re.IGNORECASE)
# Browsers strip these from the ends of a URL, and tabs and line breaks from anywhere.
_URL_ENDS = "".join(chr(code) for code in range(0x21))
_TABS_AND_BREAKS = str.maketrans("", "", "\t\n\r")


def _on_another_host(url: str) -> bool:
    return _ANOTHER_HOST.match(url.strip(_URL_ENDS).translate(_TABS_AND_BREAKS)) is not None
