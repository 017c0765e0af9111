"""What the plugin sets in MkDocs' config for the handbook's pages: its stylesheet and
script (and the files of them, named by their content), the offline search shim, the
search fields, Markdown extensions and theme templates the pages need; and, with a
warning, what it keeps from loading from other hosts.
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..file_names import relative_name
from ..lazy_pattern import LazyPattern
from ..rules.privacy_allow import public_phone_keys
from ..site.autolink import AutolinkExtension
from ..site.other_hosts import (
    drop_legacy_analytics,
    drop_remote_assets,
    keep_to_own_host,
    loads_own_mermaid,
)
from ..site.search_boost import FORMS_BOOST, FORMS_FIELD, STEPS_BOOST, STEPS_FIELD
from ..site.search_numbers import NUMBERS_BOOST, NUMBERS_FIELD
from ..site.urls import ASSETS_DIR
from .build_log import log
from .config import HandbookPluginConfig
from .mkdocs_config import has_search, is_material, is_offline_build
from .theme import THEME_TEMPLATES, with_tooltips

ASSETS = Path(__file__).parent.parent / "assets"
STYLESHEET = f"{ASSETS_DIR}/handbook.css"
SCRIPT = f"{ASSETS_DIR}/handbook.js"
# How many hex digits of its content's SHA-256 an asset's name carries, as Material's own.
_FINGERPRINT_DIGITS = 8
# Lets search work from file:// pages in an offline build; Material's offline plugin
# would load it from unpkg.
WORKER_SHIM = f"{ASSETS_DIR}/iframe-worker.js"
# What Material's script would fetch from unpkg in a browser without ResizeObserver: the
# offline site has no content policy to refuse it, and no network to get it from.
RESIZE_SHIM = f"{ASSETS_DIR}/resize-observer.js"
# The offline build's own copies of the scripts Material would take from unpkg.
_OFFLINE_SHIMS = (RESIZE_SHIM, WORKER_SHIM)
# Folds accents out of the words search indexes and is asked for: added to the end of
# Material's search worker, and to the start of SCRIPT, which compares queries with it.
SEARCH_FOLD = ASSETS / "search-fold.js"
# Material's search worker, under the hash of its version.
_MATERIAL_SEARCH_WORKER = LazyPattern(r"assets/javascripts/workers/search\.\w+\.min\.js")
# A script's last line naming its source map, which tools read only there.
_SOURCE_MAP_LINE = LazyPattern(r"\n//# sourceMappingURL=[^\n]*\s*\Z")


@dataclass(frozen=True)
class Asset:
    """A file the plugin adds to the site: where the site serves it, and what it holds."""

    uri: str
    content: bytes


@dataclass(frozen=True)
class SiteSetup:
    """What the hooks need to know of the site, once its config is set."""

    offline: bool  # Material's offline plugin is on: pages open from file://
    searches: bool  # the site has a search plugin, on
    mermaid_from_elsewhere: bool  # Material would load Mermaid from another host
    assets: tuple[Asset, ...]  # the files of the stylesheet, the script and the shim


def fingerprinted(uri: str, content: bytes) -> str:
    """`uri` with the start of `content`'s SHA-256 before its extension
    (`assets/handbook/handbook.js` -> `assets/handbook/handbook.1a2b3c4d.js`), as Material
    names its own assets. Under one name, a browser that kept the file of an earlier
    deploy (GitHub Pages lets it for 10 minutes) ran the old script with the new pages
    (audit); a new content is a new name, and the same content the same name in every
    build of a commit (DESIGN section 7)."""
    stem, extension = posixpath.splitext(uri)
    digest = hashlib.sha256(content).hexdigest()[:_FINGERPRINT_DIGITS]
    return f"{stem}.{digest}{extension}"


def plugin_assets(offline: bool) -> tuple[Asset, ...]:
    """The stylesheet and the script (after the search's folding, `SEARCH_FOLD`) under
    names of their content (`fingerprinted`), and, in an offline build, the search and
    ResizeObserver shims, which pages opened from files never take from the web."""
    stylesheet = _text_asset(ASSETS / posixpath.basename(STYLESHEET))
    script = (ASSETS / posixpath.basename(SCRIPT)).read_text(encoding="utf-8")
    fold = SEARCH_FOLD.read_text(encoding="utf-8")
    folded_script = f"{fold}\n{script}".encode()
    assets = [
        Asset(fingerprinted(STYLESHEET, stylesheet), stylesheet),
        Asset(fingerprinted(SCRIPT, folded_script), folded_script),
    ]
    if offline:
        assets += [
            Asset(uri, _text_asset(ASSETS / posixpath.basename(uri))) for uri in _OFFLINE_SHIMS
        ]
    return tuple(assets)


def _text_asset(path: Path) -> bytes:
    """The file's bytes with LF line endings: a checkout with `core.autocrlf=true` (Git for
    Windows' default) has CRLF in the package's stylesheet and shims, and published them
    so, another stylesheet's name on every page than CI's from the same commit (DESIGN
    section 7; audit). The script is read as text, which reads CRLF as LF already."""
    return path.read_bytes().replace(b"\r\n", b"\n")


def configure_site(
    config: MkDocsConfig, options: HandbookPluginConfig, autolink: AutolinkExtension
) -> SiteSetup:
    """Stylesheet and script, offline search shim, and the Markdown extensions the
    pages need; returns what the hooks need to know of the site then."""
    offline = is_offline_build(config)
    assets = plugin_assets(offline)
    stylesheet, script = assets[0].uri, assets[1].uri
    if stylesheet not in config.extra_css:
        config.extra_css.append(stylesheet)
    if script not in [str(each) for each in config.extra_javascript]:
        config.extra_javascript.append(script)
    # Material's web fonts and analytics: the site loads nothing from other hosts.
    for warning in keep_to_own_host(config.theme.name, config.theme, config.extra):
        log.warning(warning)
    for warning in drop_legacy_analytics(config):
        log.warning(warning)
    docs = relative_name(Path(config.docs_dir), Path(config.config_file_path).parent)
    for warning in drop_remote_assets(config.extra_javascript, config.extra_css, docs):
        log.warning(warning)
    mermaid_from_elsewhere = is_material(config) and not loads_own_mermaid(config.extra_javascript)
    polyfills = config.extra.get("polyfills") or []
    if offline and not any("resize-observer" in str(script) for script in polyfills):
        polyfills = [*polyfills, RESIZE_SHIM]
    if offline and not any("iframe-worker" in str(script) for script in polyfills):
        polyfills = [*polyfills, WORKER_SHIM]
    if offline:
        config.extra["polyfills"] = polyfills
    searches = has_search(config)
    if not searches:
        # Information, as for an image from another host: the site is sound without
        # it, and test and preview builds may leave search out on purpose.
        log.info(
            "handbook: mkdocs.yml lists no 'search' plugin, or turns it off: members "
            "cannot search the handbook for a term by any of its forms; list '- search' "
            "under plugins"
        )
    # Term pages are also found by their plurals and forms to avoid, and protocol
    # pages by who they are for and their steps, in search fields of their own
    # (site/search_boost.py) that Material indexes but never shows, and every page by its
    # phone numbers' digits typed together (site/search_numbers.py).
    search = config.plugins.get("material/search")
    if search is not None and isinstance(search.config.get("fields"), dict):
        search.config["fields"].setdefault(FORMS_FIELD, {"boost": FORMS_BOOST})
        search.config["fields"].setdefault(STEPS_FIELD, {"boost": STEPS_BOOST})
        search.config["fields"].setdefault(NUMBERS_FIELD, {"boost": NUMBERS_BOOST})
    # Generated pages use both: letter anchors are `{ #letter-a }`, banners admonitions.
    for extension in ("attr_list", "admonition"):
        if extension not in config.markdown_extensions:
            config.markdown_extensions.append(extension)
    # Autolinks: of terms, and of public phone numbers, which `autolink` does not govern.
    if options.autolink != "none" or public_phone_keys(options.privacy.allow):
        config.markdown_extensions.append(autolink)
    # After the author's custom_dir (theirs wins), before Material's own templates.
    templates = str(THEME_TEMPLATES)
    if is_material(config) and templates not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, templates)
    if is_material(config):
        with_tooltips(config.theme)  # a term's tooltip on keyboard focus too
    return SiteSetup(
        offline=offline,
        searches=searches,
        mermaid_from_elsewhere=mermaid_from_elsewhere,
        assets=assets,
    )


def asset_files(config: MkDocsConfig, assets: tuple[Asset, ...]) -> list[File]:
    """The files of the plugin's `assets` (`plugin_assets`)."""
    return [File.generated(config, asset.uri, content=asset.content) for asset in assets]


def fold_search_worker(files: Files, config: MkDocsConfig, searches: bool) -> None:
    """Material's search worker with `SEARCH_FOLD` at its end: search then reads a word
    with or without its accents as one ("victima" finds "víctima", and the reverse),
    showing and marking the words as the pages write them. A site that searches with a
    theme that ships no worker so named (another release) is warned: its search would
    lose the folding without a word."""
    for file in list(files):
        if _MATERIAL_SEARCH_WORKER.fullmatch(file.src_uri) and file.abs_src_path:
            worker = Path(file.abs_src_path).read_text(encoding="utf-8")
            source_map = _SOURCE_MAP_LINE.search(worker)
            end = source_map.group(0) if source_map else ""
            code = worker[: len(worker) - len(end)]
            fold = SEARCH_FOLD.read_text(encoding="utf-8")
            files.remove(file)
            files.append(File.generated(config, file.src_uri, content=f"{code}\n{fold}{end}"))
            return
    if searches and is_material(config):
        log.warning(
            "handbook: the theme ships no search worker at "
            "assets/javascripts/workers/search.<hash>.min.js, as mkdocs-material 9 does: "
            'search cannot fold accents, and a word typed without them ("victima") '
            'finds no page that writes them ("víctima"); use mkdocs-material 9.x'
        )
