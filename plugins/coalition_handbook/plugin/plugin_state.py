"""What the plugin's hooks keep from one MkDocs event to the next, and the few steps
more than one of them takes: stopping `mkdocs serve`'s handouts rendered in the
background, watching the folders of records and included files, putting back the
published site set aside."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from ..check import CheckResult
from ..collection import BuildCollections
from ..config import HandbookConfig
from ..config.settings import SiteText
from ..config_yml import ShownText
from ..include_markdown_settings import IncludeMarkdownSettings
from ..model.types import Module
from ..site import navigation
from ..site.autolink import AutolinkExtension
from ..site.handout_background import stop_background_handouts
from ..site.pages import SiteInputs
from ..site.publishing import PreviousSite
from ..site.render_cache import PageRenderCache
from ..snippet_settings import SnippetSettings
from .build_log import log
from .config import HandbookPluginConfig
from .page_policy import PagePolicy
from .published_site import restore_previous_site
from .record_folders import watch_included_folders, watch_record_folders
from .search_index import PendingSearch
from .shared_markdown import SharedMarkdown
from .site_setup import Asset

if TYPE_CHECKING:  # only `mkdocs serve` loads it, with watchdog: not worth it for a build
    from mkdocs.livereload import LiveReloadServer

    from ..site.handouts import HandoutReport  # loaded for handouts only


class PluginState(BasePlugin[HandbookPluginConfig]):
    """The state of one plugin instance, which MkDocs keeps for the whole process (each
    rebuild of `mkdocs serve` runs in it); the hooks are its subclasses' (plugin.py)."""

    def __init__(self) -> None:
        self.handbook_config: HandbookConfig | None = None
        self.result: CheckResult | None = None
        self.autolink = AutolinkExtension()
        self.autolink_forms = ""  # the digest of the terms' forms its matcher compiled
        self.site_inputs: SiteInputs | None = None
        self.modules_by_src: dict[str, Module] = {}
        self.page_date: dt.date | None = None
        self.searches = True  # whether the site has a search plugin, on (`has_search`)
        self.offline = False  # Material's offline plugin is on: pages open from file://
        self.assets: tuple[Asset, ...] = ()  # the stylesheet's, script's and shim's files
        self.main_pages: list[navigation.NavEntry] = []
        self.handout_stand_ins: list[File] = []
        # The handouts made before the pages, until the build ends (`_publish_handouts`).
        self.handouts_made: HandoutReport | None = None
        self.glossary_page: Page | None = None
        self.used_on_lists: dict[str, str] = {}
        # The front matter `title` each page is given while it is written (site/titles.py).
        self.meta_titles: dict[str, Markup] = {}
        self.render_cache: PageRenderCache | None = None
        # The build's one Markdown converter, for its generated pages and MkDocs' own.
        self.shared_markdown: SharedMarkdown | None = None
        self.pending_search: PendingSearch | None = None
        self.search_start: int | None = None  # where the page's search entries begin
        # A page's HTML while search reads it, and as it is published (`_index_from_cache`).
        self.content_for_search: str | None = None
        self.published_content: str | None = None
        # Whether search may read term links short (plugin/search_index.py), set in `on_env`.
        self.short_links_for_search = False
        self.generated_sources: frozenset[str] = frozenset()  # src_uri of each generated page
        # The published site, set aside while a build replaces it (site/publishing.py).
        self.keeps_published_site = True
        # `--dirty`: the build rewrites what changed only, and leaves the cache's
        # handouts of gone modules too (a full build removes them).
        self.dirty = False
        # The site's paths of the generated pages and handouts of the last build, and
        # those of records gone since, which a dirty build removes (plugin/gone_outputs.py).
        self.handbook_outputs: frozenset[str] = frozenset()
        self.gone_outputs: frozenset[str] = frozenset()
        # `mkdocs serve`: its live reload writes a script of its own into every page.
        self.live_reload = False
        # mkdocs.yml's `site_url` as `handbook handouts` reads it, where it was read from
        # a file: `mkdocs serve` puts its own local address in MkDocs' setting.
        self.site_url_written: str | None = None
        # mkdocs.yml's `validation` as written, in a 1-tuple where it was read from a file
        # (None: not read, as from standard input): the link levels it sets stand.
        self.validation_written: tuple[object] | None = None
        # mkdocs.yml's texts the theme writes into every page, where they are written, as
        # `handbook check` reads them: html.active-content names markup in them.
        self.site_texts: tuple[SiteText, ...] = ()
        # And every text of it the pages show (its `nav` and `extra` too): privacy.pii
        # reads them.
        self.shown_texts: tuple[ShownText, ...] = ()
        # pymdownx.snippets' settings: the files pages include are checked too.
        self.snippets: SnippetSettings | None = None
        # mkdocs-include-markdown-plugin's settings: the files pages include are checked too.
        self.markdown_includes: IncludeMarkdownSettings | None = None
        self.previous_site: PreviousSite | None = None
        # While a site is set aside: puts back the SIGTERM handler from before the build.
        self.put_back_sigterm_handler: Callable[[], None] | None = None
        # `mkdocs serve`'s server, and the record folders it watches for this plugin.
        self.live_server: LiveReloadServer | None = None
        self.watched_folders: dict[Path, int] = {}  # each folder's inode when watched
        self.watched_included_folders: set[Path] = set()
        # The URLs of the build's pages: a dirty rebuild's search index keeps none of a
        # page gone since the last build (`merge_previous_index`).
        self.page_urls: frozenset[str] = frozenset()
        # The content policy of the build's pages, and what they load from other hosts.
        self.page_policy = PagePolicy()
        # Fewer garbage collections from the build's first hook to its last (collection.py).
        self.collections = BuildCollections()

    def _watch_included_folders(self) -> None:
        server, config, result = self.live_server, self.handbook_config, self.result
        # Without snippets nothing is included (and the handbook may not be loaded yet).
        if server is None or config is None or config.snippets is None or result is None:
            return
        watch_included_folders(server, config, result.handbook, self.watched_included_folders)

    def _watch_record_folders(self) -> None:
        if self.live_server is not None and self.handbook_config is not None:
            watch_record_folders(self.live_server, self.handbook_config, self.watched_folders)

    def _stop_handouts(self, stopped_by: str, note: str = "") -> None:
        """Stop the handouts a rebuild of `mkdocs serve` renders in the background, once
        the one rendering now is done; they publish nothing then."""
        stop_background_handouts(log.log, stopped_by, note=note)

    def _restore_previous_site(self) -> None:
        self._put_back_sigterm_handler()  # a second SIGTERM ends the process, as it did
        previous, self.previous_site = self.previous_site, None
        restore_previous_site(previous)

    def _put_back_sigterm_handler(self) -> None:
        put_back, self.put_back_sigterm_handler = self.put_back_sigterm_handler, None
        if put_back is not None:
            put_back()
