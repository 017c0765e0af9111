"""The MkDocs page of a generated page (a term's, the glossary, changes...): its front
matter and HTML come from the render cache (site/render_cache.py) when an earlier build
made them from the same Markdown with the same setup.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from ..site.render_cache import PageRenderCache, RenderedPage
from .shared_markdown import SharedMarkdown


class GeneratedPage(Page):
    """A generated page (a term's, the glossary, changes...): its HTML comes from
    `render_cache` when an earlier build rendered the same Markdown with the same setup,
    else from MkDocs, as any page's (with the build's `shared_markdown` where it can)."""

    def __init__(
        self,
        file: File,
        config: MkDocsConfig,
        render_cache: PageRenderCache,
        shared_markdown: SharedMarkdown,
    ) -> None:
        super().__init__(None, file, config)
        self.render_cache = render_cache
        self.shared_markdown = shared_markdown

    def read_source(self, config: MkDocsConfig) -> None:
        # The front matter as MkDocs parsed it from the same text before: YAML is slow.
        if not self.render_cache.enabled or config.plugins.events["page_read_source"]:
            super().read_source(config)
            return
        source = self.file.content_string
        key = self.render_cache.source_key(source)
        found = self.render_cache.get_source(key)
        if found is not None:
            self.markdown, self.meta = found
            return
        self.markdown, self.meta = get_data(source)
        self.render_cache.put_source(key, (self.markdown, self.meta))

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if not self.render_cache.enabled or self.markdown is None:
            self._render(config, files)
            return
        key = self.render_cache.key(self.file.src_uri, self.markdown)
        found = self.render_cache.get(key)
        if found is not None:
            self.content = found.content
            self.toc = found.toc
            self._title_from_render = found.title
            self.present_anchor_ids = (
                set(found.anchor_ids) if found.anchor_ids is not None else None
            )
            self.links_to_anchors = {}
            return
        with _LogWatch() as watch:
            self._render(config, files)
        # Only a render that said nothing is kept: a warm build must report what a cold
        # one does. Links to anchors of other pages are checked every build, as MkDocs does.
        if not watch.logged and not self.links_to_anchors and self.content is not None:
            anchors = self.present_anchor_ids
            self.render_cache.put(
                key,
                RenderedPage(
                    self.content,
                    self.toc,
                    self._title_from_render,
                    frozenset(anchors) if anchors is not None else None,
                ),
            )

    def _render(self, config: MkDocsConfig, files: Files) -> None:
        """MkDocs' render of the page's Markdown, by the build's shared converter where
        its extensions allow (plugin/shared_markdown.py)."""
        if self.markdown is not None and self.shared_markdown.usable:
            self.shared_markdown.render(self, files)
        else:
            super().render(config, files)


class _LogWatch(logging.Handler):
    """Notes whether anything was logged (at INFO or above) while it is active: on the
    `mkdocs` logger, which the `mkdocs` command keeps from propagating, and on the root
    logger, which Markdown extensions log to."""

    LOGGERS = ("mkdocs", "")

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.logged = False

    def emit(self, record: logging.LogRecord) -> None:
        self.logged = True

    def __enter__(self) -> _LogWatch:
        for name in self.LOGGERS:
            logging.getLogger(name).addHandler(self)
        return self

    def __exit__(self, *exc_info: object) -> None:
        for name in self.LOGGERS:
            logging.getLogger(name).removeHandler(self)
