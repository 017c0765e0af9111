"""The hooks of each page as MkDocs writes it: the templates' environment once every
page is read (`on_env`), then a page's Markdown, HTML, context and output (front matter
as text, module headers, autolinks, editors' comments left out, search entries from the
cache, "Used on" lists, the content policy), and the templates of other files."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import is_error_template
from mkdocs.utils.templates import TemplateContext

from ..config.site_settings import language_tag
from ..site.front_matter import front_matter_as_text
from ..site.html_comments import without_comments
from ..site.languages import english_label
from ..site.missing_handouts import unlink_missing_handouts
from ..site.navigation import hide_empty_menus
from ..site.pages import USED_ON_PLACEHOLDER, inject_module_header, module_header
from ..site.search_line_breaks import spaced_line_breaks
from ..site.search_links import links_for_search
from ..site.template_cache import template_code_cache
from ..site.titles import page_title_as_text, with_meta_title, without_meta_title
from ..site.urls import GLOSSARY_DIR, term_src_uri
from .build_log import error_text
from .mkdocs_config import is_material
from .plugin_state import PluginState
from .search_index import (
    SEARCH_FIRST,
    SEARCH_LAST,
    finish_search_entries,
    index_from_cache,
    is_generated,
    only_search_reads_pages,
)
from .theme import (
    PAGE_SLOT,
    SEARCH_PARTIAL,
    RenderedOnce,
    missing_theme_files,
    reads_plugin_s_own,
    with_theme_s_own_templates,
)


class PageHooks(PluginState):
    """`on_env`, `on_pre_page`, `on_page_markdown`, `on_page_content`, `on_page_context`,
    `on_template_context`, `on_post_page` and `on_post_template`."""

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
        for file in self.handout_stand_ins:  # links to them are checked: no empty PDF
            files.remove(file)
        self.handout_stand_ins = []
        # As the search index writes them: a page's URL, "" for the home page ("./").
        self.page_urls = frozenset(
            file.page.url
            for file in files.documentation_pages(inclusion=InclusionLevel.all)
            if file.page is not None
        )
        # Every page is read and rendered by now, so its title is known (site/titles.py).
        self.meta_titles = {}
        if self.handbook_config is not None:
            for file in files.documentation_pages(inclusion=InclusionLevel.all):
                if isinstance(file.page, Page):
                    title = page_title_as_text(file.page)
                    if title is not None:
                        self.meta_titles[file.src_uri] = title
        # Once per build, for the compact sidebar of term pages (templates/theme/).
        env.globals["handbook_pages"] = self.main_pages
        env.globals["handbook_searches"] = self.searches
        env.globals["handbook_glossary"] = self.glossary_page
        env.globals["handbook_once"] = RenderedOnce()
        env.globals["handbook_slot"] = PAGE_SLOT
        # A proposed or deprecated term's page by source path: its entry in a term page's
        # sidebar says so, as the glossary index does (a member could not tell them apart).
        env.globals["handbook_statuses"] = (
            {}
            if self.result is None
            else {
                term_src_uri(term.id): term.status
                for term in self.result.handbook.terms.values()
                if term.status in ("proposed", "deprecated")
            }
        )
        # For the 404 page's English sentences, marked as English in a site of another language.
        env.globals["handbook_english"] = partial(
            english_label, site_language=language_tag(config.theme.get("language"))
        )
        with_theme_s_own_templates(env, config.theme.dirs)
        self.short_links_for_search = only_search_reads_pages(config, self)
        # The header's link to the glossary for a browser without JavaScript, which the
        # 404 page names: a `custom_dir`'s own search partial leaves it out.
        env.globals["handbook_search_link"] = reads_plugin_s_own(env, SEARCH_PARTIAL)
        if self.handbook_config is not None and env.bytecode_cache is None:
            env.bytecode_cache = template_code_cache(self.handbook_config.root)
        if self.result is not None:
            problems = missing_theme_files(self.result.handbook.pages, env, is_material(config))
            if problems:
                raise PluginError(error_text(problems))
        return env

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page | None:
        if self.shared_markdown is not None:  # the build's converter renders it too
            self.shared_markdown.take_over(page)
        return page

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.handbook_config is not None:  # every page's, before the theme prints them
            page.meta = front_matter_as_text(page.meta)
        if self.site_inputs is None:
            return markdown
        if self.page_date is not None:
            page.update_date = self.page_date.isoformat()
        self._begin_autolinks(page)
        src_uri = page.file.src_uri
        module = self.modules_by_src.get(src_uri)
        if module is not None:
            header = module_header(module, self.site_inputs, page.url)
            return inject_module_header(markdown, header, module.title)
        return markdown

    def _begin_autolinks(self, page: Page) -> None:
        """Autolinks from here on are made on `page` (and not to itself, if a term's)."""
        if self.autolink.linker is None:
            return
        folder, _, name = page.file.src_uri.rpartition("/")
        own_term = name.removesuffix(".md") if folder == GLOSSARY_DIR else None
        self.autolink.linker.begin_page(page.url, own_term)

    # First: every other hook and the theme see the page with its title, as before.
    @event_priority(100)
    def _lend_meta_title(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        title = self.meta_titles.get(page.file.src_uri)
        if title is not None:
            with_meta_title(page, title)
        return context

    # Last, once the page is written: see `with_meta_title`.
    @event_priority(-100)
    def _take_back_meta_title(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        title = self.meta_titles.get(page.file.src_uri)
        if title is not None:
            without_meta_title(page, title)
        return output

    # MkDocs reads every page's Markdown before it writes any: Markdown rendered while a
    # page is written (Material's blog renders its posts' excerpts into each index page)
    # is autolinked from that page, not from the last one read.
    @event_priority(100)
    def _autolinks_from_page_written(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        self._begin_autolinks(page)
        return context

    def _look_at_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        self.page_policy.look_at_content(html, page)
        return html

    # Last: another plugin may read a marker of its own in a comment of the page's HTML
    # first. Before search indexes the page (`on_page_context`), and after the render
    # cache, which keeps the HTML as Markdown made it: a cached page loses its comments too.
    @event_priority(-100)
    def _without_editors_comments(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """An editor's `<!-- note -->` is not published (site/html_comments.py)."""
        return html if self.handbook_config is None else without_comments(html)

    def _no_links_to_missing_handouts(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """A link to a handout this build does not publish is its text, saying so
        (site/missing_handouts.py): MkDocs let it through against the stand-in PDF."""
        inputs = self.site_inputs
        if inputs is None or not inputs.unpublished_handouts:
            return html
        return unlink_missing_handouts(html, page.url, inputs.unpublished_handouts)

    on_page_content = CombinedEvent(
        _look_at_content, _no_links_to_missing_handouts, _without_editors_comments
    )

    # Before the search plugins (default priority) index the page: a page that Material's
    # search indexed in an earlier build, with the same HTML, URL, title and front matter,
    # gets that build's entries instead of being parsed again (it is marked `exclude`
    # until `_after_search`). Parsing is most of what search costs.
    @event_priority(SEARCH_FIRST)
    def _index_from_cache(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        self.pending_search, self.search_start = index_from_cache(page, config, self.render_cache)
        if page.content is not None:
            # Search reads the words around a `<br>` apart (site/search_line_breaks.py).
            self.published_content = page.content
            content = spaced_line_breaks(page.content)
            # And term links without their attributes (site/search_links.py), where no
            # other plugin sees the page meanwhile and Material's search keeps it as it
            # is (it takes `data-search-*` attributes off the page it publishes); not
            # for a page whose entries came from the cache, which search does not parse.
            from_cache = self.pending_search is not None and self.pending_search.key is None
            if self.short_links_for_search and not from_cache and "data-search-" not in content:
                content = links_for_search(content)
            page.content = self.content_for_search = content
        return context

    # Late: after the search plugins (default priority) have indexed the page, so they
    # neither index a term's "Used on" list nor parse its links (site/pages.py).
    @event_priority(SEARCH_LAST)
    def _after_search(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        pending, self.pending_search = self.pending_search, None
        if page.content is not None and page.content is self.content_for_search:
            page.content = self.published_content  # as written, unless a plugin changed it
        self.published_content = self.content_for_search = None
        finish_search_entries(
            page,
            config,
            pending,
            self.search_start,
            self.render_cache,
            generated=is_generated(page, self.generated_sources),
        )
        listing = self.used_on_lists.get(page.file.src_uri)
        if listing is not None and page.content is not None:
            page.content = page.content.replace(USED_ON_PLACEHOLDER, listing, 1)
        return context

    def _content_dated(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        return self._dated(context)

    on_page_context = CombinedEvent(
        _lend_meta_title,
        _autolinks_from_page_written,
        _index_from_cache,
        _content_dated,
        _after_search,
    )

    def on_template_context(
        self, context: TemplateContext, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        if self.offline and is_error_template(template_name):
            # MkDocs links an error page from the server's root (`/assets/...`), as a
            # server shows it at any depth; the offline folder has no server, and its
            # 404.html, opened from the folder as any other file, lies at its top.
            context["base_url"] = "."
        return self._dated(context)

    def _dated(self, context: TemplateContext) -> TemplateContext:
        """The theme's "build date" (MkDocs' own theme prints it in every page) is the
        content's date, as the sitemap's is (site/dates.py): two builds of one commit give
        the same files."""
        if self.page_date is not None:
            context["build_date_utc"] = dt.datetime.combine(self.page_date, dt.time(), dt.UTC)
        return context

    def _look_at_page_written(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        output = hide_empty_menus(output)
        self.page_policy.look_at_page_written(output, page)
        return output

    # Last: the policy names the hashes of the page's inline scripts as they are written,
    # after any other plugin changed them (mkdocs-minify-plugin's minify_js).
    @event_priority(-100)
    def _page_with_content_policy(
        self, output: str, page: Page, config: MkDocsConfig
    ) -> str | None:
        return self.page_policy.with_policy(output, Path(page.file.abs_dest_path))

    on_post_page = CombinedEvent(
        _look_at_page_written, _page_with_content_policy, _take_back_meta_title
    )

    @event_priority(-100)  # last, as `_page_with_content_policy`
    def on_post_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str | None:
        # 404.html; not sitemap.xml, which is no page
        if template_name.endswith(".html"):
            return self.page_policy.with_policy(
                hide_empty_menus(output_content), Path(config.site_dir, template_name)
            )
        return output_content
