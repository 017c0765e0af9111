"""The MkDocs page of a generated page (a term's, the glossary, changes...): its front
matter and HTML come from the render cache (site/render_cache.py) when an earlier build
made them from the same Markdown with the same setup.

Else its front matter is read as the plugin's templates write it, a JSON value a line
(`front_matter_as_written`), not by YAML: at 500 term pages, MkDocs' YAML reading of
them was a twentieth of what the plugin added to a build without the cache.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import meta
from mkdocs.utils.meta import get_data

from ..lazy_pattern import LazyPattern
from ..site.render_cache import PageRenderCache, RenderedPage
from .shared_markdown import SharedMarkdown, anchor_links_noted


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
        if config.plugins.events["page_read_source"]:
            super().read_source(config)
            return
        source = self.file.content_string
        if not self.render_cache.enabled:
            self.markdown, self.meta = front_matter_as_written(source) or get_data(source)
            return
        # The front matter as MkDocs parsed it from the same text before: YAML is slow.
        key = self.render_cache.source_key(source)
        found = self.render_cache.get_source(key)
        if found is not None:
            self.markdown, self.meta = found
            return
        self.markdown, self.meta = front_matter_as_written(source) or get_data(source)
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
            # Checked after the build's pages are rendered, as MkDocs checks them (where
            # its render would have noted them).
            own = dict(found.own_anchor_links)
            noted = own and anchor_links_noted()
            self.links_to_anchors = {self.file: own} if noted else {}
            return
        with _LogWatch() as watch:
            self._render(config, files)
        # Only a render that said nothing is kept: a warm build must report what a cold
        # one does. Links to anchors of other pages are checked every build, as MkDocs
        # does; those to the page's own (every heading's permalink, with `toc: permalink`)
        # are kept with it, and checked again against its anchors, kept too (else no
        # generated page of such a site was kept: the example's 75 were rendered again by
        # every build). A render that noted no links (MkDocs notes none at DEBUG level)
        # may have some, and is not kept.
        links = self.links_to_anchors
        if (
            not watch.logged
            and links is not None
            and links.keys() <= {self.file}
            and self.content is not None
        ):
            anchors = self.present_anchor_ids
            self.render_cache.put(
                key,
                RenderedPage(
                    self.content,
                    self.toc,
                    self._title_from_render,
                    frozenset(anchors) if anchors is not None else None,
                    tuple(links.get(self.file, {}).items()),
                ),
            )

    def _render(self, config: MkDocsConfig, files: Files) -> None:
        """MkDocs' render of the page's Markdown, by the build's shared converter where
        its extensions allow (plugin/shared_markdown.py)."""
        if self.markdown is not None and self.shared_markdown.usable:
            self.shared_markdown.render(self, files)
        else:
            super().render(config, files)


# A line of front matter as the templates write it: a key, then a JSON string or list
# (`templates.yaml_string`, `yaml_list`); and a search boost, under `search:`.
_JSON_LINE = LazyPattern(r'([a-z_]+): ([\["].*)')
_BOOST = LazyPattern(r"  boost: ([0-9]+\.[0-9]+)")
# Keys YAML reads as no string (`on` is true, `null` None).
_YAML_WORDS = frozenset({"yes", "no", "true", "false", "on", "off", "null"})
# Characters a JSON string holds as they are that YAML reads otherwise: NEL as a line
# break, DEL and the C1 controls not at all; line and paragraph separators, a byte order
# mark and what is no character, left to YAML too; and a surrogate's escape (`\ud83d`),
# which YAML refuses (`yaml_string` writes none: it escapes nothing above U+001F). And a
# carriage return, which JSON reads as a space after a value but YAML as a line break
# (a tab after it is then an indent YAML refuses); the templates write none raw.
_NOT_AS_IN_JSON = LazyPattern(
    "[\r\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]" r"|\\u[dD][89a-fA-F]"
)


def front_matter_as_written(source: str) -> tuple[str, dict[str, Any]] | None:
    """What MkDocs' `get_data(source)` gives (the Markdown after the front matter, and
    the front matter), where the front matter is all in the shape the plugin's templates
    write: a key a line, each value a JSON string or a list of them (which YAML reads as
    JSON does), or `search:` with its `boost`. None for any other, which only YAML reads
    right (a plain value, a number, a character YAML reads otherwise)."""
    found = meta.YAML_RE.match(source)  # MkDocs' own pattern: where its reading finds one
    if found is None or _NOT_AS_IN_JSON.search(found.group(1)):
        return None
    lines = found.group(1).split("\n")[:-1]  # it ends with a line break
    data: dict[str, Any] = {}
    index = 0
    while index < len(lines):
        if lines[index] == "search:" and index + 1 < len(lines):
            boost = _BOOST.fullmatch(lines[index + 1])
            if boost is None:
                return None
            data["search"] = {"boost": float(boost.group(1))}
            index += 2
            continue
        line = _JSON_LINE.fullmatch(lines[index])
        if line is None or line.group(1) in _YAML_WORDS:
            return None
        try:
            value = json.loads(line.group(2))
            if not _strings(value):
                return None
        except (ValueError, RecursionError):  # a list nested too deep: YAML gives up too
            return None
        data[line.group(1)] = value
        index += 1
    if not data:
        return None
    return source[found.end() :].lstrip("\n"), data


def _strings(value: object) -> bool:
    """Whether `value` is a string, or a list of strings and such lists."""
    if isinstance(value, str):
        return True
    return isinstance(value, list) and all(_strings(item) for item in value)


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
