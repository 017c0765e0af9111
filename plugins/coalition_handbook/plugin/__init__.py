"""The MkDocs plugin `handbook`: the only package that imports MkDocs.

Laid out as Material's plugins are: `config` holds the options of mkdocs.yml, `plugin`
the plugin's class, which hands each MkDocs event to the hooks of one `*_hooks` module
(their shared state is `plugin_state`), and the other modules what the hooks give MkDocs
(generated pages, search entries, theme helpers, the site's setup) and what they do for
it, one job each (the build's log, copied files, reports of other hosts, the site
published before). The entry point `coalition_handbook.plugin:HandbookPlugin` names the
class re-exported here.
"""

from __future__ import annotations

from .config import HandbookPluginConfig
from .plugin import HandbookPlugin

__all__ = ["HandbookPlugin", "HandbookPluginConfig"]
