"""The hooks before MkDocs reads any page (`on_pre_build`): the handbook's checks,
every finding logged, the build stopped when one fails it; then the site's inputs
(handouts made, autolinks, the content's date), and the published site set aside."""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

from ..cache import RunCache
from ..check import run_checks
from ..documents import forms_key, forms_language, matcher, pages_using_terms
from ..findings import Severity
from ..forms import NOUN_PHRASE_LANGUAGES
from ..report.totals import totals_line
from ..rules.privacy_allow import public_phone_keys
from ..site.autolink import Autolinker, AutolinkExtension, link_targets
from ..site.avoid_reasons import terms_named_in_avoid_reasons, with_avoid_reason_uses
from ..site.dates import content_date
from ..site.earlier_anchors import cached_earlier_anchors, shows_names_otherwise_before
from ..site.handout_links import left_out_modules
from ..site.left_out_records import left_out_notes
from ..site.pages import SiteInputs, used_on
from ..site.publishing import PreviousSite
from ..site.short_text import ShortRenderer, shown_shorts
from ..site.urls import HANDOUTS_DIR
from .build_log import LOG_LEVELS, describe, error_text, log, said_before
from .mkdocs_config import is_material
from .other_host_reports import included_texts
from .plugin_state import PluginState
from .published_site import stop_build_on_sigterm
from .theme import TERM_TEMPLATE


class PreBuildHooks(PluginState):
    """`on_pre_build`."""

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
            # A dirty build's site keeps the PDFs of the build before: a handout failing
            # now keeps its own there (`publish_made`), which its page links to, as the
            # command's folder (review rv65c: unlinked, then removed as unpublished,
            # while the log said it was kept).
            kept_in = Path(config.site_dir) / HANDOUTS_DIR if self.dirty else None
            self.handouts_made = make_handouts(
                context, output_dir=kept_in, say=log.info, render=not in_background
            )
            # A link to a draft's handout says there is none, as to one that failed.
            unpublished = unpublished_handouts(self.handouts_made) | left_out
        # Each term's short as the site shows it: a default one is its definition's first
        # sentence as the site's Markdown renders it (site/short_text.py).
        renderer = ShortRenderer(
            (e for e in config.markdown_extensions if not isinstance(e, AutolinkExtension)),
            config.mdx_configs,
        )
        cache = RunCache.beside(hb_config.root, hb_config.config_name)
        shorts = shown_shorts(handbook.terms, renderer, cache)
        names = [
            *(term.term for term in handbook.terms.values()),
            *(protocol.title for protocol in handbook.protocols.values()),
        ]
        shown_otherwise = shows_names_otherwise_before(renderer.extensions)
        self.site_inputs = SiteInputs(
            handbook=handbook,
            shorts=shorts,
            modules_dir=modules_dir,
            handouts=hb_config.handouts,
            unpublished_handouts=unpublished,
            handout_sizes={} if self.handouts_made is None else self.handouts_made.sizes(),
            left_out_modules=left_out,
            # A term page's reasons to avoid a form name terms too (site/avoid_reasons.py)
            usage=used_on(
                handbook,
                with_avoid_reason_uses(
                    pages_using_terms(context),
                    terms_named_in_avoid_reasons(handbook.terms.values(), matcher(context)),
                ),
                hb_config.language,
            ),
            forms_as_search_tags=not any(name.endswith("tags") for name in config.plugins),
            term_template=TERM_TEMPLATE if is_material(config) else None,
            # A Spanish or French site's search holds no English possessive ("víctima's").
            written_forms=matcher(context).written_forms(
                possessives=forms_language(context) not in NOUN_PHRASE_LANGUAGES
            ),
            language=hb_config.language,
            definition_lists=hb_config.definition_lists,
            earlier_anchors=(
                cached_earlier_anchors(names, renderer, cache) if shown_otherwise else {}
            ),
        )
        self.modules_by_src = {
            posixpath.join(modules_dir, f"{module.id}.md"): module
            for module in handbook.modules.values()
            if modules_dir
        }
        self.autolink.linker = Autolinker(
            matcher(context),
            link_targets(handbook.terms, shorts),
            hb_config.autolink,
            frozenset(public_phone_keys(hb_config.privacy_allow)),
        )
        self.autolink_forms = forms_key(context)  # what the matcher was compiled from
        date_notes: list[str] = []
        self.page_date = content_date(hb_config.root, handbook, date_notes)
        for note in date_notes:
            log.info(f"handbook: {note}")
        for note in left_out_notes(handbook.rejected, hb_config):
            log.warning(note)
