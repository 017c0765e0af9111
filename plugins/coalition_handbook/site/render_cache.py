"""Generated pages rendered by an earlier build, kept by content hash beside mkdocs.yml.

    .cache/handbook/site-pages.pickle     {key: RenderedPage}

Turning a generated page's Markdown into HTML is most of what it costs (a handbook has a
page per term), and a handbook's terms rarely change between two builds. A key is the
digest of the page's Markdown and of everything else its HTML depends on (`build_salt`):
the Markdown extensions and their options, where they are installed, the terms that
autolinks point to (their forms and tooltips, not their definitions or history), the
site's language (whose plurals the forms take), the site's files and URLs (links
between pages resolve against them), and the levels MkDocs reports a page's links at.
Only renders that logged nothing are kept, so a warm build reports what a cold one does.
The entries
Material's search made of any page, generated or written, are kept too, by the digest of
the page's HTML, and what autolinking found of the terms' forms in each page's prose, by
the prose and the forms (`autolink.KeptScans`).
`HANDBOOK_NO_CACHE=1` turns it off, as it does the check cache.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..cache import RunCache, digest

NAMESPACE = "site-pages"
# Packages whose code turns every page's Markdown into HTML, whatever the extensions.
_RENDERERS = ("markdown", "mkdocs", "pymdownx", "material")


@dataclass(frozen=True, slots=True)
class RenderedPage:
    """What rendering a page's Markdown gives MkDocs: the HTML and what was read from it."""

    content: str
    toc: Any  # the table of contents as MkDocs made it (plain picklable objects)
    title: str | None  # the first heading, which MkDocs may take as the page's title
    anchor_ids: frozenset[str] | None
    # The page's links to its own anchors (anchor, link as written), which MkDocs checks
    # once every page is rendered: a heading's permalink (`toc: permalink`) is one.
    own_anchor_links: tuple[tuple[str, str], ...] = ()


class PageRenderCache:
    """One build's view of the rendered pages: `get`, `put`, then `flush` once."""

    def __init__(self, cache: RunCache, salt: str) -> None:
        self.cache = cache
        self.salt = salt
        # Front matter depends only on the text and on who parses it.
        self.reader = (
            installed_identity("mkdocs") + installed_identity("yaml") if cache.enabled else ""
        )
        # Material's search splits Chinese words with jieba where it is installed.
        self.searcher = installed_identity("jieba") if cache.enabled else ""
        # The search plugin's options as `stable_text` writes them, with the object they
        # were written from: the same for every page of a build, and writing them was
        # most of what a page's search key cost.
        self._options: tuple[object, str] | None = None

    @property
    def enabled(self) -> bool:
        return self.cache.enabled

    def key(self, src_uri: str, markdown: str) -> str:
        return self.cache.key(NAMESPACE, self.salt, src_uri, markdown)

    def get(self, key: str) -> RenderedPage | None:
        found = self.cache.load(NAMESPACE, key)
        return found if isinstance(found, RenderedPage) else None

    def put(self, key: str, rendered: RenderedPage) -> None:
        self.cache.store(NAMESPACE, key, rendered)

    def source_key(self, source: str) -> str:
        """The key of a page's Markdown and front matter, as read from `source`."""
        return self.cache.key(NAMESPACE, self.reader, "source", source)

    def get_source(self, key: str) -> tuple[str, dict[str, Any]] | None:
        found = self.cache.load(NAMESPACE, key)
        valid = isinstance(found, tuple) and len(found) == 2 and isinstance(found[1], dict)
        return found if valid else None

    def put_source(self, key: str, source: tuple[str, dict[str, Any]]) -> None:
        self.cache.store(NAMESPACE, key, source)

    def search_key(
        self, html: str, url: str, title: str | None, meta: Mapping[str, Any], options: object
    ) -> str:
        """The key of the search entries of a page with this HTML, URL, title (a section
        without a heading is named by it; `nav:` can set it) and front matter, indexed by
        a search plugin with these `options`."""
        return self.cache.key(
            NAMESPACE,
            self.salt,
            "search",
            self.searcher,
            html,
            url,
            repr(title),
            stable_text(meta),
            self._options_text(options),
        )

    def _options_text(self, options: object) -> str:
        if self._options is None or self._options[0] is not options:
            self._options = (options, stable_text(options))
        return self._options[1]

    def get_entries(self, key: str) -> list[dict[str, Any]] | None:
        found = self.cache.load(NAMESPACE, key)
        return found if isinstance(found, list) else None

    def put_entries(self, key: str, entries: list[dict[str, Any]]) -> None:
        self.cache.store(NAMESPACE, key, entries)

    def flush(self) -> None:
        """Write what this build rendered and used; entries no page used are dropped."""
        self.cache.flush()
        self.cache.release()


def build_salt(
    *,
    extensions: Iterable[object],
    extension_options: Mapping[str, Any],
    autolink: str,
    terms: tuple[tuple[object, ...], ...],
    file_urls: Mapping[str, str],
    logs_info: bool,
    public_phones: Iterable[str] = (),
    language: str = "",
    link_levels: Mapping[str, object] | None = None,
    appended: Iterable[bytes] = (),
) -> str:
    """The digest of what a generated page's HTML depends on besides its own Markdown.

    `extensions` are the site's Markdown extensions (names, or extension objects such as
    the autolinker, known by their class), `terms` what autolinks depend on (forms,
    statuses and tooltips: `autolink.link_facts`), `file_urls` every file of
    the site by source path with its URL, `logs_info` whether INFO messages are on (a
    render that logged one is not kept, and under `-q` none is seen), `public_phones`
    the phone numbers that become `tel:` links, `language` the site's `theme.language`
    (autolinks find the plurals of its language, `forms.inflection_language`: a page
    kept from a Spanish build linked "explotadores" on a French site, whose Markdown is
    the same), `link_levels` the levels MkDocs reports a page's links at while
    rendering it (`validation.links`: a link to no file noted at DEBUG level under
    `ignore` said nothing, and the page was kept, its warning lost once set to `warn`),
    `appended` the texts pymdownx.snippets adds to every page (`auto_append`: Material's
    abbreviation glossary, whose edit kept the old expansions on term pages)."""
    names = [stable_text(extension) for extension in extensions]
    packages = dict.fromkeys([*_RENDERERS, *(name.strip("'<").split(".")[0] for name in names)])
    return digest(
        "\n".join(names),
        stable_text(dict(extension_options)),
        "\n".join(installed_identity(package) for package in packages),
        autolink,
        repr(terms),
        "\n".join(f"{src} {url}" for src, url in sorted(file_urls.items())),
        str(logs_info),
        " ".join(public_phones),
        language,
        stable_text(dict(link_levels or {})),
        *appended,
    )


def stable_text(value: object) -> str:
    """A text for `value` that is the same in every build (no object addresses); a
    function's also names what its closure holds (one level: a function calling itself
    holds itself)."""
    return _stable_text(value, closures=True)


def _stable_text(value: object, *, closures: bool) -> str:
    if isinstance(value, str | int | float | bool) or value is None:
        return repr(value)
    if isinstance(value, Mapping):
        items = sorted(
            (str(key), _stable_text(item, closures=closures)) for key, item in value.items()
        )
        return "{" + ", ".join(f"{key}: {item}" for key, item in items) + "}"
    if isinstance(value, list | tuple | set | frozenset):
        items = [_stable_text(item, closures=closures) for item in value]
        return "[" + ", ".join(sorted(items) if isinstance(value, set | frozenset) else items) + "]"
    if isinstance(value, functools.partial):
        # A function with its settings (`pymdownx.slugs.slugify(case="lower")`, toc's
        # `slugify`): each setting renders other ids (session 64: a warm build kept the
        # headings' ids of the case before).
        parts = (value.func, value.args, value.keywords)
        return "<partial " + " ".join(_stable_text(p, closures=closures) for p in parts) + ">"
    kind = value if isinstance(value, type) or callable(value) else type(value)
    module = getattr(kind, "__module__", "")
    named = f"<{module}.{getattr(kind, '__qualname__', type(kind).__name__)}>"
    # A function a factory made holds its settings in its closure's cells.
    cells = getattr(value, "__closure__", None) if closures and callable(value) else None
    if cells:
        held = _stable_text([_cell_value(cell) for cell in cells], closures=False)
        return f"{named[:-1]} {held}>"
    return named


def _cell_value(cell: object) -> object:
    """What a closure's cell holds; None for one not yet set."""
    try:
        return cell.cell_contents  # type: ignore[attr-defined]
    except ValueError:
        return None


def installed_identity(root: str) -> str:
    """Where a package lives and when it was installed there, so an upgraded Markdown
    extension renders the pages again. Nothing is imported."""
    try:
        spec = importlib.util.find_spec(root)
    except (ImportError, ValueError):
        return f"{root}: -"
    origin = spec.origin if spec is not None else None
    if not origin:
        return f"{root}: -"
    try:
        return f"{root}: {origin} {Path(origin).stat().st_mtime_ns}"
    except OSError:
        return f"{root}: {origin}"
