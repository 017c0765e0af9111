"""One Markdown converter for all of a build's pages, reset between them: the generated
pages, and MkDocs' own pages of the Markdown in docs_dir (`take_over`).

MkDocs makes a new `markdown.Markdown` for every page it renders: it builds every
extension's processors again, and pymdownx.superfences looks up its highlighting
settings again. For a handbook's hundreds of term pages that was about a sixth of what
rendering them cost a build without the cache, and 0.3 ms for each page of docs_dir.
Python-Markdown's own way to convert many documents is one instance, `reset()` between
them; this does so for the build's pages, with MkDocs' per-page processors (links,
anchors, the title) registered anew for each.

Only with extensions known to leave nothing of one page in the next once reset
(`_RESETS_FULLY`, and the plugin's autolinks): with any other, or footnotes numbered
across pages (`UNIQUE_IDS`, which counts resets), each page gets its own converter, as
MkDocs makes it. A page renders to the same HTML either way. Its inline pass leaves the
texts that hold no inline pattern's characters as they are (plugin/plain_inline.py).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from functools import cached_property, partial
from typing import Any

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

# MkDocs' per-page processors are private: a MkDocs (or ProperDocs) without them leaves
# every page to MkDocs' own render rather than stop the plugin loading.
try:
    from mkdocs.structure.pages import (
        _ExtractAnchorsTreeprocessor,
        _ExtractTitleTreeprocessor,
        _RawHTMLPreprocessor,
        _RelativePathTreeprocessor,
    )
except ImportError:  # pragma: no cover - MkDocs 1.6 and ProperDocs 1.6 have them
    PAGE_PROCESSORS = False
else:
    PAGE_PROCESSORS = True

from ..site.autolink import AutolinkExtension
from .plain_inline import skip_plain_texts

# Extensions whose `reset` (or none, for those that keep nothing between documents)
# leaves a converter as a new one would be: read in their code (Python-Markdown 3.x,
# pymdownx 10.x).
_RESETS_FULLY = frozenset(
    {
        "admonition",
        "attr_list",
        "fenced_code",
        "footnotes",  # unless UNIQUE_IDS: see `reusable`
        "md_in_html",
        "tables",
        "toc",
        "pymdownx.details",
        "pymdownx.highlight",
        "pymdownx.inlinehilite",
        "pymdownx.superfences",
        "pymdownx.tabbed",
    }
)
_BUILT_IN = "markdown.extensions."
# MkDocs' logger of page rendering: below DEBUG it keeps the links to other pages' anchors.
_PAGES_LOG = logging.getLogger("mkdocs.structure.pages")


def reusable(extensions: Iterable[object], options: Mapping[str, Any]) -> bool:
    """Whether one converter with `extensions` (and their `options`), reset between
    pages, renders each page as a new one would."""
    if not PAGE_PROCESSORS:
        return False
    for extension in extensions:
        if isinstance(extension, AutolinkExtension):
            continue  # its state is the page's, set before each render (`begin_page`)
        if not isinstance(extension, str):
            return False
        name = extension.removeprefix(_BUILT_IN)
        if name not in _RESETS_FULLY:
            return False
        settings = options.get(extension) or options.get(name) or {}
        if name == "footnotes" and settings.get("UNIQUE_IDS"):
            return False
    return True


class SharedMarkdown:
    """The converter of one build's generated pages (made on first use)."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self._converter: markdown.Markdown | None = None

    @cached_property
    def usable(self) -> bool:
        """Whether one converter renders the pages: asked when the first page is, once
        every plugin has listed its extensions (one listed after the handbook may add
        one in its own `on_files`)."""
        return reusable(self.config.markdown_extensions, self.config.mdx_configs or {})

    def take_over(self, page: Page) -> None:
        """Render `page`, a page of MkDocs' own (from docs_dir), with the shared converter
        where it can. Not another plugin's kind of page (a subclass), which may render
        otherwise, nor a page whose render another plugin has wrapped already."""
        if self.usable and type(page) is Page and "render" not in vars(page):
            page.render = partial(_render_taken_over, self, page)  # type: ignore[method-assign]

    def render(self, page: Page, files: Files) -> None:
        """What `Page.render` does, with the shared converter."""
        assert page.markdown is not None
        if self._converter is None:
            self._converter = markdown.Markdown(
                extensions=self.config.markdown_extensions,
                extension_configs=self.config.mdx_configs or {},
            )
        else:
            self._converter.reset()
        converter = self._converter
        skip_plain_texts(converter)
        raw_html = _RawHTMLPreprocessor()
        raw_html._register(converter)
        anchors = _ExtractAnchorsTreeprocessor(page.file, files, self.config)
        anchors._register(converter)
        relative = _RelativePathTreeprocessor(page.file, files, self.config)
        relative._register(converter)
        title = _ExtractTitleTreeprocessor()
        title._register(converter)
        try:
            page.content = converter.convert(page.markdown)
        except BaseException:
            self._converter = None  # stopped halfway: the next page gets a new one
            raise
        page.toc = get_toc(getattr(converter, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if anchor_links_noted():
            page.links_to_anchors = relative.links_to_anchors


def anchor_links_noted() -> bool:
    """Whether a page's render notes its links to anchors, as MkDocs' does: not at DEBUG
    level (`Page.render`)."""
    return _PAGES_LOG.getEffectiveLevel() > logging.DEBUG


def _render_taken_over(
    shared: SharedMarkdown, page: Page, config: MkDocsConfig, files: Files
) -> None:
    """`page.render(config, files)` of a page `take_over` took: with another config (a
    plugin rendering the page its own way), with that config's extensions, as MkDocs."""
    if config is not shared.config:
        Page.render(page, config, files)
        return
    if page.markdown is None:  # as MkDocs says it
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
    shared.render(page, files)
