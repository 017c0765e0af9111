"""The MkDocs plugin `handbook`, whose class hands each MkDocs event to a module of hooks.

It turns the plugin's options into a `HandbookConfig`, runs the engine's checks once per
build and reports every finding through the MkDocs logger as `path:line:col`. Errors fail
the build always, warnings under `--strict`; both stop it before the old site is cleaned.
Then it publishes the handbook: generated pages as virtual files, module facts, the
navigation, autolinks (a Markdown extension) and its stylesheet. The work is done by
`coalition_handbook.site`, which takes plain engine objects.
"""

from __future__ import annotations

from .build_end_hooks import BuildEndHooks
from .files_and_nav_hooks import FilesAndNavHooks
from .page_hooks import PageHooks
from .pre_build_hooks import PreBuildHooks
from .serve_hooks import ServeHooks
from .setup_hooks import SetupHooks


class HandbookPlugin(
    SetupHooks, PreBuildHooks, FilesAndNavHooks, PageHooks, BuildEndHooks, ServeHooks
):
    """The plugin `handbook`. Each MkDocs event is handled in one module; what the
    hooks keep between events is `PluginState` (plugin_state.py):

    - `load_config`, `on_startup`, `on_config`: setup_hooks.py
    - `on_pre_build`: pre_build_hooks.py
    - `on_files`, `on_nav`: files_and_nav_hooks.py
    - `on_env`, `on_pre_page`, `on_page_markdown`, `on_page_content`, `on_page_context`,
      `on_template_context`, `on_post_page`, `on_post_template`: page_hooks.py
    - `on_post_build`, `on_build_error`: build_end_hooks.py
    - `on_serve`, `on_shutdown`: serve_hooks.py
    """
