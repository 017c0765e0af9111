"""The hooks that read the configuration: mkdocs.yml as `handbook check` reads it
(`load_config`), the command run (`on_startup`), and the plugin's options turned into
the engine's `HandbookConfig` with the site set up for the handbook (`on_config`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority

from ..config import ConfigError, build_config
from ..config import load_config as read_site_config
from ..config.site_settings import language_tag, site_address
from ..config_yml import AliasBombError
from ..extension_list import definition_lists_on
from ..rules import RULES
from .build_log import error_text, log
from .mkdocs_config import config_file_shown, option_named, patterns_as_written
from .other_plugins import (
    plugin_notes,
    redirects_elsewhere,
    redirects_listed_first,
    unsupported_plugins,
)
from .page_policy import PagePolicy
from .plugin_state import PluginState
from .root_links import warn_of_root_links
from .site_setup import configure_site


class SetupHooks(PluginState):
    """`load_config`, `on_startup` and `on_config`."""

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
        except AliasBombError as error:
            # Stopped now: once the options are validated, MkDocs writes every setting
            # into its debug log, expanding the aliases (audit: minutes and gigabytes).
            for problem in error.problems:
                log.error(problem)
            raise Abort("Aborted with a configuration error!") from None
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
                # `mkdocs serve` shows the drafts `mkdocs build` leaves out.
                draft_docs=(() if self.live_reload else patterns_as_written(config.draft_docs)),
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
                # From MkDocs' own list, as the pages are rendered (`handbook check`
                # reads the same names off mkdocs.yml).
                definition_lists=definition_lists_on(config.markdown_extensions),
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
