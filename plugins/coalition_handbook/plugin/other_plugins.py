"""Other MkDocs plugins a site lists beside the handbook: those it cannot build a site
with, refused with a message at their line of mkdocs.yml rather than a traceback from
inside them (DESIGN 11); and those whose effect on the handbook an editor should know of.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from ..config_yml import ConfigError, read_config_file
from ..listed_plugins import UNSUPPORTED
from .mkdocs_config import config_file_shown

# Each plugin's name in `plugins`, and what the handbook does not do with what it does:
# information, not a warning, as the site is sound and --strict must build it.
NOTES = {
    # The checks read the files as written; mkdocs-macros fills in pages as MkDocs reads
    # them, later, from mkdocs.yml's `extra` and files of its own.
    "macros": (
        "the 'macros' plugin is on: the text it puts into pages ({{ variables }}, "
        "{% include %}) is published without the handbook's checks (privacy.pii, "
        "term.avoid and the other term rules), and PDF handouts print modules as written, "
        'macros not filled in; see ADOPTING.md, "Other plugins"'
    ),
    # The checks read the files it includes (model/markdown_includes.py); the handouts
    # print modules as written, and a URL it downloads as the site is built is unread.
    "include-markdown": (
        "the 'include-markdown' plugin is on: the files it includes are checked at their "
        "own paths, each whole, but not a URL it downloads as the site is built, and PDF "
        "handouts print a module's {% include-markdown %} line as written; see "
        'ADOPTING.md, "Other plugins"'
    ),
}


def unsupported_plugins(config: MkDocsConfig) -> list[str]:
    """A problem, at its line of mkdocs.yml, for each plugin on that the handbook cannot
    build a site with."""
    return _at_their_lines(config, UNSUPPORTED)


def plugin_notes(config: MkDocsConfig) -> list[str]:
    """What the editor should know, at its line of mkdocs.yml, of each plugin on that
    does something the handbook does not check or follow."""
    return _at_their_lines(config, NOTES)


def redirects_elsewhere(config: MkDocsConfig) -> list[str]:
    """A warning, at the line of mkdocs-redirects in mkdocs.yml, for each page it makes
    that sends its reader on to another host as it opens: as a page or an HTML file that
    does so is (audit: its pages are written after the handbook has read the site)."""
    maps = _redirect_maps(_enabled(config).get("redirects"))
    elsewhere = {
        old: new
        for old, new in maps.items()
        if isinstance(new, str) and urlsplit(new.strip()).netloc
    }
    if not elsewhere:
        return []
    (where,) = _at_their_lines(config, {"redirects": ""})
    return [
        f"{where}the page made for {old} sends every reader on to {new} as it opens, "
        "and the handbook loads nothing from other hosts: link to it instead."
        for old, new in elsewhere.items()
    ]


def redirect_pages(config: MkDocsConfig) -> list[Path]:
    """Where mkdocs-redirects, where it is on, writes the page of each old address of its
    `redirect_maps` (as it does: where MkDocs would publish a page of that name)."""
    maps = _redirect_maps(_enabled(config).get("redirects"))
    return [
        Path(File(old, config.docs_dir, config.site_dir, config.use_directory_urls).abs_dest_path)
        for old in maps
        if isinstance(old, str) and old
    ]


def _redirect_maps(plugin: object) -> dict[object, object]:
    """mkdocs-redirects' `redirect_maps` (old address: new), none where it is off."""
    return getattr(plugin, "config", {}).get("redirect_maps") or {}


# Where the handbook's own pages are (DESIGN 7), which exist only once it made them.
_GENERATED = ("glossary/", "protocols/", "changes.md")


def redirects_listed_first(config: MkDocsConfig) -> list[str]:
    """A warning, at the line of mkdocs-redirects in mkdocs.yml, where it is listed
    before the handbook and sends readers to the handbook's pages: it looks for its
    targets as MkDocs lists the files, before those pages are made, and leaves out each
    redirect to one with only a "does not exist" of its own."""
    enabled = _enabled(config)
    names = list(enabled)
    if not {"redirects", "handbook"} <= enabled.keys():  # the handbook in a group, say
        return []
    if names.index("redirects") > names.index("handbook"):
        return []
    maps = _redirect_maps(enabled["redirects"])
    targets = sorted(
        {
            target
            for new in maps.values()
            if isinstance(new, str)
            and (target := new.split("#", 1)[0]).startswith(_GENERATED)
            and not (Path(config.docs_dir) / target).is_file()
        }
    )
    if not targets:
        return []
    (where,) = _at_their_lines(config, {"redirects": ""})
    return [
        f"{where}'redirects' is listed before 'handbook', so it looks for the pages it "
        f"sends readers to before the handbook has made them, and leaves out the "
        f"redirects to {', '.join(targets)}: list 'redirects' after 'handbook'."
    ]


def _enabled(config: MkDocsConfig) -> dict[str, object]:
    """The plugins on, by their names in `plugins`."""
    return {
        name: plugin
        for name, plugin in config.plugins.items()
        if getattr(plugin, "config", {}).get("enabled", True) is not False
    }


def _at_their_lines(config: MkDocsConfig, messages: dict[str, str]) -> list[str]:
    """The message of each plugin on named in `messages`, after its place in mkdocs.yml."""
    listed = [name for name in _enabled(config) if name in messages]
    if not listed:
        return []
    where = config_file_shown(config.config_file_path) if config.config_file_path else ""
    locations: dict[str, str] = {}
    path = Path(config.config_file_path or "")
    if where and path.is_file():
        # A file that cannot be read was reported by load_config already.
        with contextlib.suppress(ConfigError):
            _, locations, _, _ = read_config_file(path, where, seen=())
    where = where or "mkdocs.yml"
    return [
        f"{locations.get(f'plugins.{name}', locations.get('plugins', where))}: {messages[name]}"
        for name in listed
    ]
