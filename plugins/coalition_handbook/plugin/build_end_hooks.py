"""The hooks that end a build: once every page is written, the search index made
whole, the handouts published, every page given its content policy and the new site
kept (`on_post_build`); a build that fails puts the previous site back and says what
could not be written (`on_build_error`)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import CombinedEvent, event_priority

from ..file_names import shown_name
from ..site.handout_background import render_in_background
from ..site.urls import HANDOUTS_DIR
from . import link_sources
from .build_log import error_text, log, warnings_counted
from .gone_outputs import remove_outputs
from .other_plugins import redirect_pages
from .plugin_state import PluginState
from .published_site import refused_write_text
from .search_index import merge_previous_index


class BuildEndHooks(PluginState):
    """`on_post_build` and `on_build_error`."""

    # Handouts (site/handouts.py, the trainers' PDFs): late, once every page is written;
    # PDFs come from the cache when nothing changed. Under CI=true a missing PDF fails.
    @event_priority(-50)
    def _publish_handouts(self, config: MkDocsConfig) -> None:
        if self.render_cache is not None:
            self.render_cache.flush()
            self.render_cache = None
        if self.result is None or self.handbook_config is None or not self.config.handouts:
            return
        from ..site.handouts import (  # for handouts only
            in_the_way,
            in_the_way_text,
            publish_handouts,
            publish_made,
        )

        made, self.handouts_made = self.handouts_made, None
        output_dir = Path(config.site_dir) / HANDOUTS_DIR
        # A dirty build's site folder is not emptied: a link to nothing left there failed
        # the build with "File exists" (a leftover of task site63).
        if (found := in_the_way(output_dir)) is not None:
            # Named as `handbook handouts` names it: a link is not followed to its target.
            shown = in_the_way_text(found, shown_name(found), shown_name(output_dir))
            raise PluginError(shown)
        if made is not None and made.pending:
            # The cache's PDFs now, the others when they are rendered.
            publish_made(made, output_dir)
            render_in_background(
                self.result.context,
                Path(config.site_dir),
                made.pending,
                log.log,
                full_build=not self.dirty,
            )
            return
        problem = publish_handouts(
            self.result.context, Path(config.site_dir), log.log, made, full_build=not self.dirty
        )
        if problem is not None:
            raise PluginError(error_text([problem]))

    # Once the handouts are published: a dirty build leaves the site's files of the build
    # before, and the pages and PDFs of records gone since go (plugin/gone_outputs.py).
    @event_priority(-50)
    def _remove_gone_outputs(self, config: MkDocsConfig) -> None:
        if self.dirty and self.gone_outputs:
            remove_outputs(self.gone_outputs, Path(config.site_dir))
        self.gone_outputs = frozenset()

    # Last of all: the new site is complete, unless MkDocs is about to stop the build for
    # warnings under --strict (then `on_build_error` puts the previous site back).
    @event_priority(-1000)
    def _keep_new_site(self, config: MkDocsConfig) -> None:
        link_sources.install({})  # the build's pages are all validated by now
        if self.previous_site is not None and not (config.strict and warnings_counted()):
            self._put_back_sigterm_handler()  # nothing to put back from here on
            self.previous_site.discard()
            self.previous_site = None

    # After every other hook of the build: the collector as it was.
    @event_priority(-1000)
    def _usual_collections(self, config: MkDocsConfig) -> None:
        self.collections.stop()

    # Before Material's search writes its index (priority 0): see `merge_previous_index`.
    @event_priority(10)
    def _whole_search_index(self, config: MkDocsConfig) -> None:
        merge_previous_index(config, self.page_urls)

    # After every page is written, and after mkdocs-redirects (0) has written its pages:
    # the HTML files of docs_dir, copied as they are, and those pages get the policy too,
    # and with instant navigation the pages' policies name each other's.
    @event_priority(-50)
    def _complete_page_policy(self, config: MkDocsConfig) -> None:
        self.page_policy.complete()
        self.page_policy.add_to_pages_written_late(redirect_pages(config))

    on_post_build = CombinedEvent(
        _whole_search_index,
        _publish_handouts,
        _remove_gone_outputs,
        _complete_page_policy,
        _keep_new_site,
        _usual_collections,
    )

    def _put_back_published_site(self, *, error: Exception) -> None:
        self.collections.stop()
        link_sources.install({})
        self._restore_previous_site()

    # Last of all, other plugins' build_error events first: a full disk or a read-only
    # site_dir, said in a line where MkDocs would re-raise it as a traceback (audit).
    @event_priority(-1000)
    def _say_what_could_not_be_written(self, *, error: Exception) -> None:
        # Named from mkdocs.yml's folder, as the build's log names files.
        config = self.handbook_config
        name = str if config is None else lambda path: config.relative(Path(path))
        text = refused_write_text(error, name)
        if text is not None:
            raise Abort(text) from error

    on_build_error = CombinedEvent(_put_back_published_site, _say_what_could_not_be_written)
