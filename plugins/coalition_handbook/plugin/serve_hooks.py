"""The hooks around `mkdocs serve`: the folders its server watches (`on_serve`), and
what is left to stop when the process ends (`on_shutdown`, after any command)."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig

from .plugin_state import PluginState

if TYPE_CHECKING:  # only `mkdocs serve` loads it, with watchdog: not worth it for a build
    from mkdocs.livereload import LiveReloadServer


class ServeHooks(PluginState):
    """`on_serve` and `on_shutdown`."""

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> None:
        """`mkdocs serve` rebuilds when a term or protocol file changes, not only a page."""
        self.live_server = server
        self._watch_record_folders()
        self._watch_included_folders()

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
