"""The hooks that arrange the site's files and navigation: the generated pages,
handouts' stand-ins and assets added to the files (`on_files`), the navigation ordered
for the handbook, and the "Used on" lists and autolinks given the pages' final URLs
(`on_nav`)."""

from __future__ import annotations

from dataclasses import replace

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from ..cache import RunCache
from ..rules.module_readability import cached_reading_grade
from ..site import navigation
from ..site.autolink import KeptScans
from ..site.languages import is_english
from ..site.pages import protocols_by_title, terms_a_to_z, used_on_lists
from ..site.render_cache import NAMESPACE
from ..site.template_cache import template_code_cache
from ..site.templates import keep_compiled_templates
from ..site.titles import titles_as_text
from ..site.urls import GLOSSARY_INDEX, handout_path, protocol_src_uri, term_src_uri
from . import link_sources
from .composed_names import compose_file_names, read_page_folders_from_disk
from .copied_files import keep_copied_files_in_the_handbook
from .dirty_pages import date_back_older_pages
from .generated_files import add_generated_pages, add_handout_stand_ins, render_cache_for
from .generated_page import GeneratedPage
from .gone_outputs import gone_outputs, outputs_of
from .mkdocs_pages import nav_paths, page_at
from .plugin_state import PluginState
from .shared_markdown import SharedMarkdown
from .site_setup import asset_files, fold_search_worker


class FilesAndNavHooks(PluginState):
    """`on_files` and `on_nav`."""

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        compose_file_names(files)
        read_page_folders_from_disk(config)
        keep_copied_files_in_the_handbook(files, config, self.handbook_config)
        self.page_policy.look_at_files(files, config)
        if self.site_inputs is None:
            link_sources.install({})  # no generated pages in this build
            self.generated_sources = frozenset()
            self.shared_markdown = None
            return files
        assert self.handbook_config is not None  # set with the site's inputs
        if self.dirty:
            handbook = self.handbook_config
            date_back_older_pages(
                files,
                (
                    handbook.glossary_dir,
                    handbook.protocols_dir,
                    handbook.root / handbook.config_name,
                ),
            )
        keep_compiled_templates(template_code_cache(self.handbook_config.root))
        # Read once for the generated pages, the rendered ones and the reading grades.
        cache = RunCache.beside(self.handbook_config.root, self.handbook_config.config_name)
        self.site_inputs, generated = add_generated_pages(files, config, self.site_inputs, cache)
        self.generated_sources = frozenset(file.src_uri for file in generated)
        self.site_inputs, self.handout_stand_ins = add_handout_stand_ins(
            files, config, self.site_inputs, self.handbook_config, handouts=self.config.handouts
        )
        # What a dirty build must remove itself (plugin/gone_outputs.py): also the PDF
        # of a handout this build does not publish, whose page says there is none.
        unpublished = {
            handout_path(module_id) for module_id in self.site_inputs.unpublished_handouts
        }
        not_written = outputs_of(
            file for file in self.handout_stand_ins if file.src_uri in unpublished
        )
        handbook_outputs = outputs_of((*generated, *self.handout_stand_ins)) - not_written
        # A draft's PDF goes whichever build wrote it: a first `mkdocs build --dirty`
        # knows no build before, and left the draft's handout published (session 64).
        drafts = {handout_path(module_id) for module_id in self.site_inputs.left_out_modules}
        drafts_pdfs = outputs_of(file for file in self.handout_stand_ins if file.src_uri in drafts)
        self.gone_outputs = gone_outputs(
            self.handbook_outputs | drafts_pdfs, self.gone_outputs, files, not_written
        )
        self.handbook_outputs = handbook_outputs
        for asset in asset_files(config, self.assets):
            files.append(asset)
        fold_search_worker(files, config, self.searches)
        self.render_cache = render_cache_for(
            files, config, self.handbook_config, self.site_inputs, self.config.autolink, cache
        )
        linker = self.autolink.linker
        if linker is not None and cache.enabled:
            # What each page's prose holds of the terms' forms, kept for the next build.
            linker.scanner = KeptScans(linker.scanner, cache, NAMESPACE, self.autolink_forms)
        # Through the render cache, which is written when the build ends: a warm build
        # neither imports textstat nor grades a module that did not change. Only in an
        # English site: Flesch-Kincaid counts English syllables, and grades a German
        # module's compound words as hard reading (audit).
        if is_english(self.handbook_config.language):
            self.site_inputs = replace(
                self.site_inputs,
                reading_grades={
                    module.id: cached_reading_grade(
                        module,
                        self.render_cache.cache,
                        definition_lists=self.handbook_config.definition_lists,
                    )
                    for module in self.site_inputs.handbook.modules.values()
                },
            )
        # A page named in a nav written in mkdocs.yml gets its title there, from MkDocs.
        in_nav = nav_paths(config.nav)
        self.shared_markdown = SharedMarkdown(config)
        for file in generated:
            if file.src_uri not in in_nav:
                GeneratedPage(file, config, self.render_cache, self.shared_markdown)
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
