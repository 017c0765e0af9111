"""The hooks of the MkDocs plugin `handbook`.

It turns the plugin's options into a `HandbookConfig`, runs the engine's checks once per
build and reports every finding through the MkDocs logger as `path:line:col`. Errors fail
the build always, warnings under `--strict`; both stop it before the old site is cleaned.
Then it publishes the handbook: generated pages as virtual files, module facts, the
navigation, autolinks (a Markdown extension) and its stylesheet. The work is done by
`coalition_handbook.site`, which takes plain engine objects.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import posixpath
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import is_error_template
from mkdocs.utils.templates import TemplateContext

from ..cache import RunCache
from ..check import CheckResult, run_checks
from ..collection import BuildCollections
from ..config import ConfigError, HandbookConfig, build_config
from ..config import load_config as read_site_config
from ..config.settings import SiteText
from ..config.site_settings import language_tag, site_address
from ..documents import matcher, pages_using_terms
from ..findings import Severity
from ..include_markdown_settings import IncludeMarkdownSettings
from ..mkdocs_yml import ShownText
from ..model.types import Module
from ..report.totals import totals_line
from ..rules import RULES
from ..rules.module_readability import cached_reading_grade
from ..rules.privacy_allow import public_phone_keys
from ..site import navigation
from ..site.autolink import Autolinker, AutolinkExtension, link_targets
from ..site.dates import content_date
from ..site.front_matter import front_matter_as_text
from ..site.handout_background import render_in_background, stop_background_handouts
from ..site.handout_links import left_out_modules
from ..site.html_comments import without_comments
from ..site.languages import english_label, is_english
from ..site.left_out_records import left_out_notes
from ..site.missing_handouts import unlink_missing_handouts
from ..site.pages import (
    USED_ON_PLACEHOLDER,
    SiteInputs,
    inject_module_header,
    module_header,
    protocols_by_title,
    terms_a_to_z,
    used_on,
    used_on_lists,
)
from ..site.publishing import PreviousSite
from ..site.render_cache import PageRenderCache
from ..site.search_line_breaks import spaced_line_breaks
from ..site.template_cache import template_code_cache
from ..site.templates import keep_compiled_templates
from ..site.titles import (
    page_title_as_text,
    titles_as_text,
    with_meta_title,
    without_meta_title,
)
from ..site.urls import (
    GLOSSARY_DIR,
    GLOSSARY_INDEX,
    HANDOUTS_DIR,
    protocol_src_uri,
    term_src_uri,
)
from ..snippet_settings import SnippetSettings
from . import link_sources
from .build_log import (
    LOG_LEVELS,
    describe,
    error_text,
    log,
    said_before,
    warnings_counted,
)
from .composed_names import compose_file_names, read_page_folders_from_disk
from .config import HandbookPluginConfig
from .copied_files import keep_copied_files_in_the_handbook
from .generated_files import add_generated_pages, add_handout_stand_ins, render_cache_for
from .generated_page import GeneratedPage
from .mkdocs_config import (
    config_file_shown,
    is_material,
    option_named,
    patterns_as_written,
)
from .mkdocs_pages import nav_paths, page_at
from .other_host_reports import included_texts
from .other_plugins import (
    plugin_notes,
    redirect_pages,
    redirects_elsewhere,
    redirects_listed_first,
    unsupported_plugins,
)
from .page_policy import PagePolicy
from .published_site import refused_write_text, restore_previous_site, stop_build_on_sigterm
from .record_folders import watch_included_folders, watch_record_folders
from .root_links import warn_of_root_links
from .search_index import (
    PendingSearch,
    finish_search_entries,
    index_from_cache,
    is_generated,
    merge_previous_index,
)
from .shared_markdown import SharedMarkdown
from .site_setup import Asset, asset_files, configure_site, fold_search_worker
from .theme import (
    PAGE_SLOT,
    SEARCH_PARTIAL,
    TERM_TEMPLATE,
    RenderedOnce,
    missing_theme_files,
    reads_plugin_s_own,
    with_theme_s_own_templates,
)

if TYPE_CHECKING:  # only `mkdocs serve` loads it, with watchdog: not worth it for a build
    from mkdocs.livereload import LiveReloadServer

    from ..site.handouts import HandoutReport  # loaded for handouts only


class HandbookPlugin(BasePlugin[HandbookPluginConfig]):
    def __init__(self) -> None:
        self.handbook_config: HandbookConfig | None = None
        self.result: CheckResult | None = None
        self.autolink = AutolinkExtension()
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
        self.pending_search: PendingSearch | None = None
        self.search_start: int | None = None  # where the page's search entries begin
        # A page's HTML while search reads it, and as it is published (`_index_from_cache`).
        self.content_for_search: str | None = None
        self.published_content: str | None = None
        self.generated_sources: frozenset[str] = frozenset()  # src_uri of each generated page
        # The published site, set aside while a build replaces it (site/publishing.py).
        self.keeps_published_site = True
        # `--dirty`: the build rewrites what changed only, and leaves the cache's
        # handouts of gone modules too (a full build removes them).
        self.dirty = False
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

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[list[tuple[str, Exception]], list[tuple[str, str]]]:
        """MkDocs' validation of the options, then `handbook check`'s reading of the file:
        a problem is named at its line of mkdocs.yml, and a key set twice in one mapping
        (which MkDocs silently reads as the last) is one."""
        # `mkdocs serve` reads mkdocs.yml again first thing in each rebuild: the last
        # one's render in the background is stopped before this one counts warnings or
        # cleans a file (it waits for the handout rendering now only, into the cache).
        self._stop_handouts("a new build starts")
        errors, warnings = super().load_config(options, config_file_path)
        self.site_url_written = None
        self.validation_written = None
        self.site_texts = ()
        self.shown_texts = ()
        self.snippets = None
        self.markdown_includes = None
        # Not from a file (`mkdocs build -f -` reads standard input): nothing to re-read.
        if not config_file_path or not Path(config_file_path).is_file():
            return errors, warnings
        if options.get("enabled") is False:
            return errors, warnings
        try:
            site_config = read_site_config(
                Path(config_file_path), shown_as=config_file_shown(config_file_path)
            )
            self.site_url_written = site_config.site_url
            self.validation_written = (site_config.validation,)
            self.site_texts = site_config.site_texts
            self.shown_texts = site_config.shown_texts
            # Read off mkdocs.yml as `handbook check` reads it: both check the same files.
            self.snippets = site_config.snippets
            self.markdown_includes = site_config.markdown_includes
        except ConfigError as error:
            return [
                (option_named(problem), ValidationError(problem)) for problem in error.problems
            ], warnings
        return errors, warnings

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `mkdocs serve` builds into a folder of its own; a dirty build writes over the
        # last site on purpose.
        self.keeps_published_site = command != "serve" and not dirty
        self.dirty = dirty
        self.live_reload = command == "serve"
        self.live_server = None  # `on_serve` gives it, after the first build

    # Early: before Material's offline plugin (0) adds an iframe-worker shim from unpkg,
    # it must find ours, served from the site itself.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._stop_handouts("a new build starts")  # the first hook: before anything is written
        if not self.config.enabled:
            return config
        problems = unsupported_plugins(config)
        if problems:
            raise PluginError(error_text(problems))
        for note in plugin_notes(config):
            log.info(f"handbook: {note}")
        for warning in (*redirects_elsewhere(config), *redirects_listed_first(config)):
            log.warning(f"handbook: {warning}")
        setup = configure_site(config, self.config, self.autolink)
        self.searches, self.assets = setup.searches, setup.assets
        self.offline = setup.offline
        options: dict[str, Any] = {
            key: value for key, value in self.config.items() if key != "enabled"
        }
        options["privacy"] = {
            "allow": list(self.config.privacy.allow),
            "countries": list(self.config.privacy.countries),
        }
        unknown = set(self.config.rules) - set(RULES)
        if unknown:
            named = ", ".join(sorted(unknown))
            raise PluginError(error_text([f"unknown rule id(s) in 'rules': {named}"]))
        try:
            self.handbook_config = build_config(
                root=Path(config.config_file_path).parent,
                docs_dir=config.docs_dir,
                options=options,
                site_name=config.site_name,
                where=config_file_shown(config.config_file_path),
                exclude_docs=patterns_as_written(config.exclude_docs),
                strict=bool(config.strict),
                site_dir=config.site_dir,
                # As written in mkdocs.yml, as `handbook check` reads it: Material's offline
                # plugin, which turns it off, runs later (page.replaced's findings agree).
                use_directory_urls=bool(config.use_directory_urls),
                language=language_tag(config.theme.get("language")),
                # The address the handouts print: the site's, not `mkdocs serve`'s.
                site_url=(
                    self.site_url_written
                    if self.site_url_written is not None
                    else site_address(config.site_url)
                ),
                config_name=Path(config.config_file_path).name,
            )
            self.handbook_config = replace(
                self.handbook_config,
                site_texts=self.site_texts,
                shown_texts=self.shown_texts,
                snippets=self.snippets,
                markdown_includes=self.markdown_includes,
            )
        except ConfigError as error:
            raise PluginError(error_text(error.problems)) from None
        self.page_policy = PagePolicy.of_site(
            self.handbook_config, config, setup, live_reload=self.live_reload
        )
        if self.validation_written is not None:  # what a config not from a file sets is unknown
            warn_of_root_links(config, *self.validation_written, offline=setup.offline)
        self._watch_record_folders()
        return config

    # First: the collector walks the handbook this build keeps alive (the checks', the
    # site's inputs) again at every tenth collection while pages are rendered; with fewer
    # collections it does so less often (collection.py). Put back in the build's last hook.
    @event_priority(100)
    def _fewer_collections(self, config: MkDocsConfig) -> None:
        if self.handbook_config is not None:
            self.collections.start()

    # Early, before the old site is cleaned: a failing check must leave it in place.
    @event_priority(50)
    def _check_handbook(self, config: MkDocsConfig) -> None:
        if self.handbook_config is None:
            return
        if self.keeps_published_site:  # a killed build's site aside goes back first
            PreviousSite.recover(Path(config.site_dir))
        try:
            self.result = run_checks(self.handbook_config)
        except OSError as error:  # a folder of records that cannot be read: as the CLI says
            where = self.handbook_config.relative(Path(error.filename)) if error.filename else ""
            raise PluginError(
                error_text([f"{where}{': ' if where else ''}{error.strerror or error}"])
            ) from None
        self._watch_included_folders()  # before a failing check stops the build
        for finding in self.result.findings:
            log.log(LOG_LEVELS[finding.severity], describe(finding))
        # The totals close the list: thousands of lines said nothing of their number (audit).
        if (totals := totals_line(self.result.findings)) is not None:
            log.info(f"handbook: {totals}")
        failing = self.result.failing(strict=bool(config.strict))
        if failing:
            errors = sum(finding.severity is Severity.ERROR for finding in failing)
            summary = (
                f"handbook: {errors} error(s) and {len(failing) - errors} warning(s) "
                f"under --strict; the site was not rebuilt"
                if config.strict
                else f"handbook: {errors} error(s); the site was not rebuilt"
            )
            if said_before(summary):
                log.error(summary)
            raise PluginError(summary)

        if self.handbook_config.snippets is not None:
            self.page_policy.included = included_texts(self.result.handbook)
        self._prepare_site(config)

    # Last, once every check passed: MkDocs empties site_dir next, and a build that fails
    # after that must not leave half a site where the last one was.
    @event_priority(-100)
    def _set_aside_published_site(self, config: MkDocsConfig) -> None:
        if self.handbook_config is not None and self.keeps_published_site:
            self.previous_site = PreviousSite.set_aside(Path(config.site_dir))
            if self.previous_site is not None:  # stopped, the build puts it back
                self.put_back_sigterm_handler = stop_build_on_sigterm()

    on_pre_build = CombinedEvent(_fewer_collections, _check_handbook, _set_aside_published_site)

    def _prepare_site(self, config: MkDocsConfig) -> None:
        assert self.result is not None and self.handbook_config is not None
        handbook = self.result.handbook
        context = self.result.context
        hb_config = self.handbook_config
        modules_dir = hb_config.modules_src_dir  # "": modules get no page of their own
        # Drafts left out with exclude_docs: checked, but neither listed nor printed.
        left_out = left_out_modules(hb_config, handbook.modules)
        unpublished: frozenset[str] = frozenset()
        self.handouts_made = None
        if hb_config.handouts:
            from ..site.handouts import make_handouts, unpublished_handouts  # for handouts only

            # Made before the pages, published when the build ends: a page links to no PDF
            # that could not be made (audit: a failed render left a link to nothing).
            # A rebuild of `mkdocs serve` (it has its server by then) makes the cache's
            # only, and renders the others once the pages are built: the page links to
            # them all the same (`_publish_handouts`). Not under --strict, where a
            # handout's warnings must fail the build they are found in.
            in_background = self.live_server is not None and not config.strict
            self.handouts_made = make_handouts(context, say=log.info, render=not in_background)
            # A link to a draft's handout says there is none, as to one that failed.
            unpublished = unpublished_handouts(self.handouts_made) | left_out
        self.site_inputs = SiteInputs(
            handbook=handbook,
            modules_dir=modules_dir,
            handouts=hb_config.handouts,
            unpublished_handouts=unpublished,
            handout_sizes={} if self.handouts_made is None else self.handouts_made.sizes(),
            left_out_modules=left_out,
            usage=used_on(handbook, pages_using_terms(context), hb_config.language),
            forms_as_search_tags=not any(name.endswith("tags") for name in config.plugins),
            term_template=TERM_TEMPLATE if is_material(config) else None,
            written_forms=matcher(context).written_forms(),
            language=hb_config.language,
        )
        self.modules_by_src = {
            posixpath.join(modules_dir, f"{module.id}.md"): module
            for module in handbook.modules.values()
            if modules_dir
        }
        self.autolink.linker = Autolinker(
            matcher(context),
            link_targets(handbook.terms),
            hb_config.autolink,
            frozenset(public_phone_keys(hb_config.privacy_allow)),
        )
        date_notes: list[str] = []
        self.page_date = content_date(hb_config.root, handbook, date_notes)
        for note in date_notes:
            log.info(f"handbook: {note}")
        for note in left_out_notes(handbook.rejected, hb_config):
            log.warning(note)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        compose_file_names(files)
        read_page_folders_from_disk(config)
        keep_copied_files_in_the_handbook(files, config, self.handbook_config)
        self.page_policy.look_at_files(files, config)
        if self.site_inputs is None:
            link_sources.install({})  # no generated pages in this build
            self.generated_sources = frozenset()
            return files
        assert self.handbook_config is not None  # set with the site's inputs
        keep_compiled_templates(template_code_cache(self.handbook_config.root))
        # Read once for the generated pages, the rendered ones and the reading grades.
        cache = RunCache.beside(self.handbook_config.root, self.handbook_config.config_name)
        self.site_inputs, generated = add_generated_pages(files, config, self.site_inputs, cache)
        self.generated_sources = frozenset(file.src_uri for file in generated)
        self.site_inputs, self.handout_stand_ins = add_handout_stand_ins(
            files, config, self.site_inputs, self.handbook_config, handouts=self.config.handouts
        )
        for asset in asset_files(config, self.assets):
            files.append(asset)
        fold_search_worker(files, config, self.searches)
        self.render_cache = render_cache_for(
            files, config, self.handbook_config, self.site_inputs, self.config.autolink, cache
        )
        # Through the render cache, which is written when the build ends: a warm build
        # neither imports textstat nor grades a module that did not change. Only in an
        # English site: Flesch-Kincaid counts English syllables, and grades a German
        # module's compound words as hard reading (audit).
        if is_english(self.handbook_config.language):
            self.site_inputs = replace(
                self.site_inputs,
                reading_grades={
                    module.id: cached_reading_grade(module, self.render_cache.cache)
                    for module in self.site_inputs.handbook.modules.values()
                },
            )
        # A page named in a nav written in mkdocs.yml gets its title there, from MkDocs.
        in_nav = nav_paths(config.nav)
        shared_markdown = SharedMarkdown(config)
        for file in generated:
            if file.src_uri not in in_nav:
                GeneratedPage(file, config, self.render_cache, shared_markdown)
        return files

    def _arrange_nav(
        self, nav: Navigation, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        if self.site_inputs is None:
            return nav
        self.glossary_page = page_at(files, GLOSSARY_INDEX)
        if config.nav is not None:
            # A nav written in mkdocs.yml is the author's: term pages show it too.
            titles_as_text(nav.items)
            self.main_pages = navigation.top_level_entries(nav.items)
            return nav
        protocols = protocols_by_title(
            self.site_inputs.handbook.protocols, self.site_inputs.language
        )
        nav.items = navigation.arrange(
            nav.items,
            self.site_inputs.modules_dir,
            [protocol_src_uri(protocol.id) for protocol in protocols],
        )
        nav.pages = navigation.pages_of(nav.items)
        navigation.link_previous_and_next(nav.pages)
        titles_as_text(nav.items)  # folders' names, as the theme prints them
        self.main_pages = navigation.top_level_entries(nav.items)
        # Term pages are not in the navigation: their neighbours are the A-Z ones.
        terms = terms_a_to_z(self.site_inputs.handbook.terms, self.site_inputs.language)
        navigation.link_previous_and_next(
            [page for term in terms if (page := page_at(files, term_src_uri(term.id)))]
        )
        return nav

    # Last: Material's blog leaves every post out in its `on_files` and puts back those it
    # publishes (not its drafts) in its `on_nav` (-50).
    @event_priority(-100)
    def _link_pages(self, nav: Navigation, config: MkDocsConfig, files: Files) -> None:
        """The "Used on" lists and the autolinks' page map, made once every plugin's
        `on_files` has run: another may move pages after ours (Material's blog gives its
        posts their dated URLs late), so they take the URLs the pages have now; or leave
        them out (the blog's drafts), so none is listed that is not published."""
        if self.site_inputs is None:
            return
        now = {
            src_uri: file.url
            for src_uri in self.site_inputs.page_urls
            if (file := files.get_file_from_path(src_uri)) is not None
            and file.inclusion.is_included()
        }
        self.site_inputs = replace(self.site_inputs, page_urls=now)
        self.used_on_lists = used_on_lists(self.site_inputs)
        if self.autolink.linker is not None:
            self.autolink.linker.know_pages(
                {file.src_uri: file.url for file in files.documentation_pages()}
            )

    on_nav = CombinedEvent(_arrange_nav, _link_pages)

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
        # For the 404 page's English sentences, marked as English in a site of another language.
        env.globals["handbook_english"] = partial(
            english_label, site_language=language_tag(config.theme.get("language"))
        )
        with_theme_s_own_templates(env, config.theme.dirs)
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
    @event_priority(10)
    def _index_from_cache(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        self.pending_search, self.search_start = index_from_cache(page, config, self.render_cache)
        if page.content is not None:
            # Search reads the words around a `<br>` apart (site/search_line_breaks.py).
            self.published_content = page.content
            page.content = self.content_for_search = spaced_line_breaks(page.content)
        return context

    # Late: after the search plugins (default priority) have indexed the page, so they
    # neither index a term's "Used on" list nor parse its links (site/pages.py).
    @event_priority(-50)
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
                output_content, Path(config.site_dir, template_name)
            )
        return output_content

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> None:
        """`mkdocs serve` rebuilds when a term or protocol file changes, not only a page."""
        self.live_server = server
        self._watch_record_folders()
        self._watch_included_folders()

    def _watch_included_folders(self) -> None:
        server, config, result = self.live_server, self.handbook_config, self.result
        # Without snippets nothing is included (and the handbook may not be loaded yet).
        if server is None or config is None or config.snippets is None or result is None:
            return
        watch_included_folders(server, config, result.handbook, self.watched_included_folders)

    def _watch_record_folders(self) -> None:
        if self.live_server is not None and self.handbook_config is not None:
            watch_record_folders(self.live_server, self.handbook_config, self.watched_folders)

    # Handouts (site/handouts.py, the trainers' PDFs): late, once every page is written;
    # PDFs come from the cache when nothing changed. Under CI=true a missing PDF fails.
    @event_priority(-50)
    def _publish_handouts(self, config: MkDocsConfig) -> None:
        if self.render_cache is not None:
            self.render_cache.flush()
            self.render_cache = None
        if self.result is None or self.handbook_config is None or not self.config.handouts:
            return
        from ..site.handouts import publish_handouts, publish_made  # for handouts only

        made, self.handouts_made = self.handouts_made, None
        if made is not None and made.pending:
            # The cache's PDFs now, the others when they are rendered.
            publish_made(made, Path(config.site_dir) / HANDOUTS_DIR)
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

    def on_shutdown(self) -> None:
        self.collections.stop()  # a build stopped by Ctrl-C raises no Exception
        # The server is gone: MkDocs keeps this instance for the process, and a build
        # run in it later (without on_startup) is not one of serve's rebuilds.
        self.live_server = None
        # `mkdocs serve` removes its site folder next: nothing may write into it then.
        # A second Ctrl-C while this waits ends the wait here: the render publishes
        # nothing, so serve may remove its folder (it would not, were the interrupt to
        # leave this hook), and the site set aside is put back below.
        with contextlib.suppress(KeyboardInterrupt):
            self._stop_handouts("the server stops", note=" (Ctrl-C again: at once)")
        # A build stopped by Ctrl-C raises no Exception, so no build_error event: the
        # site set aside is still there to put back.
        self._restore_previous_site()

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
