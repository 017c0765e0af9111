"""The files the handbook adds to MkDocs' build (`on_files`): its generated pages, in
place of an author's own, the stand-ins of its handouts that links are checked against,
and the cache of the pages rendered by earlier builds, for this build's files.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils.meta import get_data

from ..cache import RunCache
from ..config import HandbookConfig
from ..rules.privacy_allow import public_phone_keys
from ..site.autolink import link_facts
from ..site.pages import SiteInputs, generate_pages
from ..site.render_cache import PageRenderCache, build_salt
from ..site.term_page_cache import cached_term_page
from ..site.urls import handout_path, protocol_src_uri, term_src_uri
from . import link_sources
from .build_log import log
from .mkdocs_pages import remove_pages_in_place_of


def add_generated_pages(
    files: Files, config: MkDocsConfig, inputs: SiteInputs, cache: RunCache
) -> tuple[SiteInputs, list[File]]:
    """Add the handbook's generated pages to `files`, each in place of a file at its
    path (term pages from `cache` when an earlier build made them from the same); returns
    the inputs they were made from, which now know the pages' URLs and the intros, and
    the pages' files."""
    page_urls = {file.src_uri: file.url for file in files.documentation_pages()}
    # An author's own index or changes page becomes the intro of the generated one.
    intros: dict[str, str] = {}
    for src_uri in inputs.index_pages:
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            intros[src_uri] = get_data(existing.content_string)[0]
            files.remove(existing)
    inputs = replace(
        inputs,
        intros=intros,
        page_urls=page_urls,
        directory_urls=config.use_directory_urls,
    )
    handbook = inputs.handbook
    # A link MkDocs reports on a term's or protocol's page is named in its file.
    link_sources.install(
        {
            **{term_src_uri(term.id): term for term in handbook.terms.values()},
            **{protocol_src_uri(item.id): item for item in handbook.protocols.values()},
        }
    )
    generated: list[File] = []
    term_pages = partial(cached_term_page, cache=cache)
    for src_uri, markdown in generate_pages(inputs, term_pages).items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:  # reported by the check (rule page.replaced)
            files.remove(existing)
        file = File.generated(config, src_uri, content=markdown)
        files.append(file)
        generated.append(file)
    remove_pages_in_place_of(files, generated)
    return inputs, generated


def add_handout_stand_ins(
    files: Files,
    config: MkDocsConfig,
    inputs: SiteInputs,
    hb_config: HandbookConfig,
    *,
    handouts: bool,
) -> tuple[SiteInputs, list[File]]:
    """Add to `files` an empty stand-in of each module's handout that no file of
    docs_dir takes the place of; returns the inputs (with `handouts` off, none is
    published) and the stand-ins, which must leave before MkDocs copies files."""
    # A page may link to a handout (`[handout](handouts/hotel-staff.pdf)`): MkDocs checks
    # and rewrites the link against these stand-ins, which leave before it copies files
    # (`on_env`); the PDFs themselves are written when the build ends.
    stand_ins = {
        module_id: File.generated(config, path, content=b"")
        for module_id in sorted(inputs.handbook.modules)
        if files.get_file_from_path(path := handout_path(module_id)) is None
    }
    if handouts:
        _warn_of_replaced_handouts(files, hb_config, inputs.handbook.modules)
    for file in stand_ins.values():
        files.append(file)
    if not handouts:
        # None is published: a link to one becomes its text, saying so, as when no
        # PDF can be made (audit: with `handouts: false` it led nowhere, and failed
        # `--strict`). A PDF of docs_dir at that path is no stand-in, and stays linked.
        inputs = replace(inputs, unpublished_handouts=frozenset(stand_ins))
    return inputs, list(stand_ins.values())


def _warn_of_replaced_handouts(
    files: Files, hb_config: HandbookConfig, modules: Iterable[str]
) -> None:
    """A warning for each file of docs_dir at a module's handout path: the build writes
    the module's PDF over its copy in the site (review: it did so without a word)."""
    for module_id in sorted(modules):
        file = files.get_file_from_path(handout_path(module_id))
        if file is not None and file.abs_src_path:
            log.warning(
                f"{hb_config.relative(Path(file.abs_src_path))}: the handout of module "
                f"'{module_id}' is published at {file.src_uri} in its place; give the file "
                "another name, or set `handouts: false` to publish yours"
            )


def render_cache_for(
    files: Files,
    config: MkDocsConfig,
    hb_config: HandbookConfig,
    inputs: SiteInputs,
    autolink: str,
    cache: RunCache,
) -> PageRenderCache:
    """The generated pages of earlier builds in `cache`, for this build's files and
    Markdown setup (`autolink`: the plugin's option)."""
    if not cache.enabled:
        return PageRenderCache(cache, "")
    salt = build_salt(
        extensions=config.markdown_extensions,
        extension_options=config.mdx_configs,
        autolink=autolink,
        terms=link_facts(inputs.handbook.terms, inputs.shorts),
        public_phones=sorted(public_phone_keys(hb_config.privacy_allow)),
        file_urls={file.src_uri: file.url for file in files},
        logs_info=logging.getLogger("mkdocs").isEnabledFor(logging.INFO),
        language=hb_config.language,
        # Not anchors': MkDocs checks those after the build's pages are rendered.
        link_levels={
            name: level for name, level in config.validation.links.items() if name != "anchors"
        },
        appended=hb_config.snippets.appended_texts() if hb_config.snippets else (),
    )
    return PageRenderCache(cache, salt)
