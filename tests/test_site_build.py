"""The shipped handbook, built once per session with `mkdocs build --strict`: it builds
with directory URLs, loads nothing from other hosts, builds to the same bytes twice, and
its search finds every term by every accepted form. Its offline build (`make offline`)
loads nothing from other hosts either, and its search works from file:// pages."""

from __future__ import annotations

import contextlib
import errno
import html
import json
import logging
import os
import re
import signal
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from site_builds import (
    BIN,
    BUILD_ENV,
    READERS_SITE,
    ROOT,
    SiteBuild,
    build_site,
    elements,
    inline_script_sources,
    protocol_yaml,
    read,
    run_build,
    script_source,
    term_yaml,
    write_site,
)

from coalition_handbook.config import load_config
from coalition_handbook.forms import plurals, split_words
from coalition_handbook.model import load_handbook
from coalition_handbook.model.glossary import plain_text
from coalition_handbook.model.types import Handbook
from coalition_handbook.site.content_policy import content_policy, policy_meta
from coalition_handbook.site.languages import language_name
from coalition_handbook.site.navigation import hide_empty_menus
from coalition_handbook.site.search_boost import typed_form

# Elements that make a browser fetch something as the page loads, and where the URL is.
LOADED = {
    "script": "src",
    "link": "href",
    "img": "src",
    "source": "src",
    "iframe": "src",
    "audio": "src",
    "video": "src",
    "embed": "src",
    "object": "data",
}


@pytest.fixture(scope="module")
def handbook() -> Handbook:
    loaded, _ = load_handbook(load_config(ROOT / "mkdocs.yml"))
    return loaded


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_shipped_handbook_builds_under_strict(shipped_site: SiteBuild) -> None:
    site = shipped_site.require()
    assert "WARNING" not in shipped_site.output
    assert (site / "index.html").is_file()


def test_every_term_and_protocol_has_its_page(shipped_site: SiteBuild, handbook: Handbook) -> None:
    site = shipped_site.require()
    assert len(handbook.terms) >= 60 and len(handbook.protocols) >= 4
    for term_id in handbook.terms:
        assert (site / "glossary" / term_id / "index.html").is_file(), term_id
    for protocol_id in handbook.protocols:
        assert (site / "protocols" / protocol_id / "index.html").is_file(), protocol_id
    for page in ("glossary/index.html", "protocols/index.html", "changes/index.html"):
        assert (site / page).is_file(), page


@pytest.mark.parametrize("build", ["shipped_site", "offline_site"])
def test_nothing_is_loaded_from_another_host(build: str, request: pytest.FixtureRequest) -> None:
    assert remote_loads(request.getfixturevalue(build).require()) == []


def remote_loads(site: Path) -> list[str]:
    """What the pages and stylesheets of `site` would make a browser fetch from another
    host as a page loads."""
    remote: list[str] = []
    for page in _pages(site):
        text = page.read_text(encoding="utf-8")
        for tag, attribute in LOADED.items():
            for element in elements(text, tag):
                url = element.attrs.get(attribute, "") or element.attrs.get("srcset", "")
                if tag == "link" and element.attrs.get("rel") in {"canonical", "alternate"}:
                    continue
                if urlsplit(url.strip()).netloc or url.strip().startswith("//"):
                    remote.append(f"{page.relative_to(site)}: <{tag} {attribute}={url!r}>")
    for stylesheet in site.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8")
        if "url(http" in text.replace('"', "").replace("'", "") or "@import" in text:
            remote.append(f"{stylesheet.relative_to(site)}: remote url() or @import")
    return remote


def test_remote_loads_finds_what_a_page_or_stylesheet_fetches_from_another_host(
    tmp_path: Path,
) -> None:
    """The tests that find nothing with it can fail: it finds each kind of remote load."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(
        '<script src="https://cdn.example.org/a.js"></script><script src="local.js"></script>'
        '<link rel="stylesheet" href="//fonts.example.org/f.css">'
        '<link rel="canonical" href="https://example.org/handbook/">'
        '<img srcset="https://example.org/p.png 2x">',
        encoding="utf-8",
    )
    (tmp_path / "assets" / "a.css").write_text("b { background: url('https://x.org/i.png') }")
    (tmp_path / "assets" / "b.css").write_text("@import 'other.css';")
    (tmp_path / "assets" / "c.css").write_text("b { background: url(local.png) }")
    assert remote_loads(tmp_path) == [
        "index.html: <script src='https://cdn.example.org/a.js'>",
        "index.html: <link href='//fonts.example.org/f.css'>",
        "index.html: <img src='https://example.org/p.png 2x'>",
        "assets/a.css: remote url() or @import",
        "assets/b.css: remote url() or @import",
    ]


def test_material_s_web_fonts_are_off_even_where_mkdocs_yml_keeps_its_default(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Another coalition's mkdocs.yml need not say `font: false`: Material would then load
    Roboto from Google Fonts on every page. The plugin turns that off, silently (a build
    under --strict passes)."""
    config = write_site(tmp_path, pages={"index.md": "# Home\n\nA page.\n"}, theme="material")
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        site = build_site(config)
    assert remote_loads(site) == []
    assert "fonts.googleapis.com" not in (site / "index.html").read_text(encoding="utf-8")
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]


def test_a_page_has_its_title_as_front_matter_only_while_it_is_written(tmp_path: Path) -> None:
    """Material's `<title>` unescapes any title but a front matter one, so each page is
    given its escaped title as front matter `title`; but Material's navigation looks up
    the icon, subtitle and status of each page it lists that has any front matter, on
    every page, which made a sixth of a 1000-page build: the other pages, listed in the
    navigation, have no front matter meanwhile."""
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}{% block content %}{{ super() }}<p id="listed">'
        "{% for listed in nav.pages %}{% if listed != page %}"
        "{{ listed.file.src_uri }}={{ listed.meta | length }};"
        "{% endif %}{% endfor %}</p>{% endblock %}",
        encoding="utf-8",
    )
    config = write_site(
        tmp_path,
        pages={
            "index.md": "# Home\n\nA page.\n",
            "hotels.md": "# Hotels & motels\n\nA page.\n",
            "clinics.md": "# Clinics\n\nA page.\n",
        },
        theme="material",
        theme_options="custom_dir: overrides",
    )
    site = build_site(config)
    hotels = read(site, "hotels/index.html")
    assert "<title>Hotels &amp; motels - Tiny handbook</title>" in hotels
    for path in ("hotels/index.html", "clinics/index.html", "index.html"):
        (listed,) = [
            element for element in elements(read(site, path), "p") if element.attrs.get("id")
        ]
        sizes = dict(entry.split("=") for entry in listed.text.split(";") if entry)
        assert [sizes[src] for src in ("index.md", "hotels.md", "clinics.md") if src in sizes] == [
            "0",
            "0",
        ]


def _material_features(page: str) -> list[str]:
    """The features Material's script reads, from a page's `__config`."""
    (script,) = [
        script for script in elements(page, "script") if script.attrs.get("id") == "__config"
    ]
    return json.loads(script.text)["features"]


@pytest.mark.parametrize(
    ("theme", "features"),
    [
        ("{name: material}", ["content.tooltips"]),
        (
            "{name: material, features: [navigation.top, search.suggest]}",
            ["navigation.top", "search.suggest", "content.tooltips"],
        ),
        ("{name: material, features: [content.tooltips]}", ["content.tooltips"]),
    ],
)
def test_material_shows_a_term_s_tooltip_on_keyboard_focus_too(
    tmp_path: Path, theme: str, features: list[str]
) -> None:
    """A term link's tooltip shows on keyboard focus only with Material's
    `content.tooltips`, which ADOPTING's minimal mkdocs.yml did not list (found in an
    audit): the plugin adds it to the features mkdocs.yml lists, or to none."""
    config = write_site(tmp_path, pages={"index.md": "# Home\n\nA page.\n"}, theme="material")
    config.write_text(
        config.read_text("utf-8").replace("theme: {name: material}", f"theme: {theme}"), "utf-8"
    )
    site = build_site(config)
    assert _material_features((site / "index.html").read_text(encoding="utf-8")) == features


def test_a_named_web_font_or_analytics_is_left_out_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n\nA page.\n"},
        theme="material",
        extra_config="extra:\n  analytics: {provider: google, property: G-ABCDEF1234}\n",
    )
    site, page, warnings = _built_logging(
        config, caplog, "theme: {name: material}", "theme: {name: material, font: {text: Lato}}"
    )
    assert remote_loads(site) == []
    assert "Lato" not in page and "googletagmanager" not in page and "G-ABCDEF1234" not in page
    assert any("theme.font {'text': 'Lato'}" in warning for warning in warnings), warnings
    assert any("extra.analytics" in warning and "google" in warning for warning in warnings)


def test_a_script_or_stylesheet_on_another_host_is_left_out_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A page opened from files has no content policy to refuse them (found in an
    audit): they go, as a named web font does."""
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n\nA page.\n"},
        theme="material",
        extra_config=(
            "extra_css: ['https://fonts.googleapis.com/css?family=Lato']\n"
            "extra_javascript: ['https://cdn.example.org/x.js']\n"
        ),
    )
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        site = build_site(config, strict=False)
    page = (site / "index.html").read_text(encoding="utf-8")
    assert remote_loads(site) == []
    assert "fonts.googleapis.com" not in page and "cdn.example.org" not in page
    warnings = [record.getMessage() for record in caplog.records]
    assert any("extra_css names https://fonts.googleapis.com" in w for w in warnings), warnings
    assert any("extra_javascript names https://cdn.example.org/x.js" in w for w in warnings)


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs"])
def test_mkdocs_own_themes_load_no_highlighter_or_analytics_from_another_host(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, theme: str
) -> None:
    """MkDocs' own themes load highlight.js from cdnjs by default, and Google Analytics
    when asked (also by MkDocs' deprecated `google_analytics`): all are left out, the
    analytics with a warning."""
    page = "# Home\n\nA page.\n\n```python\nprint(1)\n```\n"
    site, html, warnings = _built_logging(
        write_site(tmp_path, pages={"index.md": page}, theme=theme),
        caplog,
        f"theme: {{name: {theme}}}",
        f"theme: {{name: {theme}, analytics: {{gtag: G-A1}}}}\n"
        "google_analytics: [UA-12345-1, example.org]",
    )
    assert remote_loads(site) == []
    assert "cdnjs" not in html and "G-A1" not in html and "UA-12345-1" not in html
    assert "print(1)" in html
    assert any("theme.analytics.gtag" in warning for warning in warnings), warnings
    assert any("handbook: google_analytics" in warning for warning in warnings), warnings


def _built_logging(
    config: Path, caplog: pytest.LogCaptureFixture, line: str, replacement: str
) -> tuple[Path, str, list[str]]:
    """Build `config` with `line` of it replaced (warnings do not stop the build): the
    site, its home page and the messages logged."""
    text = config.read_text(encoding="utf-8")
    assert line in text
    config.write_text(text.replace(line, replacement), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        site = build_site(config, strict=False)
    page = (site / "index.html").read_text(encoding="utf-8")
    return site, page, [record.getMessage() for record in caplog.records]


def _scripts(page: Path) -> list[str]:
    return [
        element.attrs.get("src", "")
        for element in elements(page.read_text(encoding="utf-8"), "script")
    ]


def test_the_offline_build_searches_from_files_with_its_own_shim(
    offline_site: SiteBuild, handbook: Handbook
) -> None:
    site = offline_site.require()
    assert "WARNING" not in offline_site.output
    assert (
        (site / "search" / "search_index.js")
        .read_text(encoding="utf-8")
        .startswith("var __index = ")
    )
    term_id = next(iter(handbook.terms))
    for page, shim in (
        ("index.html", "assets/handbook/iframe-worker.js"),
        (f"glossary/{term_id}.html", "../assets/handbook/iframe-worker.js"),
    ):
        assert [src for src in _scripts(site / page) if "iframe-worker" in src] == [shim]
    assert (site / "assets" / "handbook" / "iframe-worker.js").is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="glossary/index.html"' in home  # pages open from files: links name them


def test_the_default_build_has_no_offline_shim(shipped_site: SiteBuild) -> None:
    site = shipped_site.require()
    assert not any("iframe-worker" in src for src in _scripts(site / "index.html"))
    assert not (site / "assets" / "handbook" / "iframe-worker.js").exists()


def test_the_search_worker_and_the_site_s_script_fold_accents(shipped_site: SiteBuild) -> None:
    """Material's search worker, with the lines that fold accents out of what it indexes
    and is asked for at its end, before its source map's line (read only last), and the
    site's script, which compares queries with its folding, starting with them."""
    site = shipped_site.require()
    fold = (ROOT / "plugins/coalition_handbook/assets/search-fold.js").read_text(encoding="utf-8")
    [worker] = (site / "assets/javascripts/workers").glob("search.*.min.js")
    code, source_map = worker.read_text(encoding="utf-8").rsplit("\n//# sourceMappingURL=", 1)
    assert code.endswith(fold)
    assert source_map.strip() == f"{worker.name}.map"
    [script_file] = (site / "assets/handbook").glob("handbook.*.js")
    script = script_file.read_text(encoding="utf-8")
    assert script.startswith(fold)


# A hook that ships Material's search worker under another name, as a release of the
# theme could: first, before the plugin looks for it.
RENAMED_WORKER_HOOK = """
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File


@event_priority(100)
def on_files(files, config):
    for file in list(files):
        if file.src_uri.startswith("assets/javascripts/workers/search."):
            files.remove(file)
            renamed = file.src_uri.replace("workers/search.", "workers/search-worker.")
            files.append(File.generated(config, renamed, abs_src_path=file.abs_src_path))
    return files
"""


def test_a_theme_that_ships_no_search_worker_so_named_fails_a_strict_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The plugin adds its accent folding to Material's search worker, found by its file
    name. A theme release that named it otherwise left search without the folding, with
    no word (review): "victima" found no page writing "víctima" again. The build says
    so, a warning, which fails it under --strict."""
    from mkdocs.exceptions import Abort

    (tmp_path / "rename_worker.py").write_text(RENAMED_WORKER_HOOK, encoding="utf-8")
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n\nA page.\n"},
        extra_config="hooks: [rename_worker.py]\n",
        **READERS_SITE,
    )
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        site = build_site(config, strict=False)
    assert [path.name for path in (site / "assets/javascripts/workers").glob("search*.js")] == [
        next((site / "assets/javascripts/workers").glob("search-worker.*.min.js")).name
    ]
    warnings = [record.getMessage() for record in caplog.records]
    assert any("search worker" in warning and "accents" in warning for warning in warnings)
    with pytest.raises(Abort):
        build_site(config, strict=True)


def test_without_javascript_no_menu_is_an_empty_landmark_named_by_nothing(
    shipped_site: SiteBuild,
) -> None:
    """Audit: the Glossary's terms leave the navigation, so Material wrote its section an
    empty menu, `<nav aria-labelledby="__nav_3_label">`, on every page, and nothing in the
    page has that id. handbook.js names or hides such a menu as the page loads; with
    JavaScript off (Tor Browser's Safest level), a screen reader listed an unnamed,
    empty navigation landmark. An empty menu is written hidden, named by its title as
    handbook.js names it, and every menu's `aria-labelledby` names an element of its
    page."""
    site = shipped_site.require()
    pages = [*site.glob("**/*.html")]
    assert len(pages) > 80
    for path in pages:
        page = path.read_text(encoding="utf-8")
        ids = set(re.findall(r'\sid="([^"]+)"', page))
        for menu in re.finditer(r"<nav\b[^>]*>", page):
            tag = menu.group()
            named_by = re.search(r'aria-labelledby="([^"]+)"', tag)
            rest = page[menu.end() :]
            empty = re.match(
                r'\s*<label class="md-nav__title"[^>]*>(?:(?!</label>).)*</label>\s*'
                r'<ul class="md-nav__list"[^>]*>\s*</ul>',
                rest,
                re.DOTALL,
            )
            where = (path.relative_to(site).as_posix(), tag)
            assert empty is None or re.search(r'\saria-label="[^"]+"[^>]*\shidden>', tag), where
            assert named_by is None or named_by.group(1) in ids, where


def test_every_empty_menu_of_a_page_is_hidden_and_the_rest_kept_as_written() -> None:
    """`hide_empty_menus` finds each menu by where it starts (not by the pattern's own
    search): two empty menus, a menu with entries between them, and a menu start cut
    short right before an empty menu, all as the pattern alone reads them."""
    empty = (
        '<nav class="md-nav" data-md-level="{}" aria-labelledby="__nav_{}_label">'
        '<label class="md-nav__title" for="__nav_{}">{}</label>'
        '<ul class="md-nav__list" data-md-scrollfix></ul></nav>'
    )
    full = (
        '<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_4_label">'
        '<label class="md-nav__title" for="__nav_4">Protocols</label>'
        '<ul class="md-nav__list"><li>Intake</li></ul></nav>'
    )
    page = "".join(
        (
            empty.format(1, 2, 2, "<span>Glossary &amp; terms</span>"),
            full,
            '<nav class="md-nav" data-md-level="',
            empty.format(2, 3, 3, "Changes"),
            "<p>end</p>",
        )
    )
    assert hide_empty_menus(page) == "".join(
        (
            '<nav class="md-nav" data-md-level="1" aria-label="Glossary &amp; terms" hidden>'
            '<label class="md-nav__title" for="__nav_2"><span>Glossary &amp; terms</span>'
            '</label><ul class="md-nav__list" data-md-scrollfix></ul></nav>',
            full,
            '<nav class="md-nav" data-md-level="',
            '<nav class="md-nav" data-md-level="2" aria-label="Changes" hidden>'
            '<label class="md-nav__title" for="__nav_3">Changes</label>'
            '<ul class="md-nav__list" data-md-scrollfix></ul></nav>',
            "<p>end</p>",
        )
    )
    assert hide_empty_menus(full) == full


def test_the_404_page_leads_on_to_the_main_pages(shipped_site: SiteBuild) -> None:
    """Audit: Material's 404 page said "404 - Not found" and nothing more, a dead end
    for a member who followed an old link to a renamed term."""
    page = (shipped_site.require() / "404.html").read_text(encoding="utf-8")
    assert [heading.text for heading in elements(page, "h1")] == ["Page not found"]
    # Not the site's name alone, as the home page's title is (a second audit).
    assert [title.text for title in elements(page, "title")] == [
        "Page not found - Coalition Handbook"
    ]
    listed = page[page.index('<ul class="hb-not-found">') :]
    listed = listed[: listed.index("</article>")]
    links = {link.text: link.attrs["href"] for link in elements(listed, "a")}
    assert links["Coalition Handbook"] == "/"  # the home page, not "/."
    assert links["Glossary"] == "/glossary/"
    assert links["Protocols"] == "/protocols/"
    assert links["Training"] == "/modules/"
    # A section without an index page has no address of its own: its title over its
    # pages, not a link to "/None" (adopter audit).
    assert "Coalition" not in links
    assert "Coalition" in listed
    assert links["Member sectors"] == "/coalition/member-sectors/"
    assert not [href for href in links.values() if "None" in href]
    assert "with the search box at the top" in page


@pytest.mark.parametrize("own_search", [False, True])
def test_the_404_page_without_script_names_the_header_s_glossary_link_only_where_it_is(
    tmp_path: Path, own_search: bool
) -> None:
    """Review rv42b: a `custom_dir` with its own partials/search.html replaces the
    plugin's, and with it the header's link to the glossary that a browser without
    JavaScript shows; the 404 page then sent such a reader to a link "at the top of the
    page" that was not there."""
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n"},
        terms={"survivor": term_yaml("survivor", "A person.")},
        theme="material",
        theme_options="custom_dir: overrides" if own_search else "",
        search=True,
    )
    if own_search:
        (tmp_path / "overrides" / "partials").mkdir(parents=True)
        (tmp_path / "overrides" / "partials" / "search.html").write_text(
            '<div class="md-search" data-md-component="search"></div>\n', encoding="utf-8"
        )
    site = build_site(config)
    header_link = "hb-without-script" in (site / "index.html").read_text(encoding="utf-8")
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert header_link is not own_search
    assert ("linked at the top of the page" in not_found) is header_link
    without_script = not_found[not_found.index("<noscript><p>") :]
    assert without_script.startswith(
        "<noscript><p>Find a term in the glossary's A–Z list, linked at the top"
        if header_link
        else "<noscript><p>Go on from one of the handbook's main pages:</p></noscript>"
    )


@pytest.mark.parametrize("search", ["none", "on", "off"])
def test_a_site_without_search_is_told_so_and_its_404_page_points_at_no_box(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, search: str
) -> None:
    """Adopter audit: a mkdocs.yml without `- search` (or with it turned off: second
    review) built a site without search, with no word, and its 404 page sent members to a
    search box that was not there."""
    config = write_site(
        tmp_path, pages={"index.md": "# Home\n"}, theme="material", search=search != "none"
    )
    if search == "off":
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("- search\n", "- search:\n      enabled: false\n"))
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        site = build_site(config)
    told = [record for record in caplog.records if "lists no 'search' plugin" in record.message]
    searches = search == "on"
    assert [record.levelno for record in told] == ([] if searches else [logging.INFO])
    assert ("search box" in (site / "404.html").read_text(encoding="utf-8")) is searches


def test_every_page_of_the_default_build_carries_the_content_policy(
    shipped_site: SiteBuild, offline_site: SiteBuild
) -> None:
    """site/content_policy.py's policy heads every page (404.html too); the offline
    build's pages, opened from files, carry none (browsers match no file to 'self')."""
    site = shipped_site.require()
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 80 and site / "404.html" in pages
    policies = [
        [
            meta.attrs.get("content")
            for meta in elements(page.read_text(encoding="utf-8"), "meta")
            if meta.attrs.get("http-equiv") == "Content-Security-Policy"
        ]
        for page in pages
    ]
    expected = [[content_policy(inline_script_sources(page.read_text("utf-8")))] for page in pages]
    assert policies == expected
    # Material's pages run inline scripts: the policy names them, and so refuses handlers.
    assert all("'sha256-" in found[0] for found in policies)
    offline = offline_site.require()
    assert "Content-Security-Policy" not in (offline / "index.html").read_text(encoding="utf-8")


def test_the_privacy_page_says_which_build_carries_the_content_policy(
    shipped_site: SiteBuild, offline_site: SiteBuild
) -> None:
    """Audit: the Privacy page said each page tells the browser to refuse anything from
    another site, in the offline build too, whose pages carry no policy (site/
    content_policy.py says why): it says so for the website, and what the copy opened
    from files does instead."""
    for build in (shipped_site, offline_site):
        site = build.require()
        privacy = site / ("privacy/index.html" if build is shipped_site else "privacy.html")
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", privacy.read_text("utf-8"))).split())
        assert "On the website, each page also tells your browser to refuse anything" in text
        assert "The copy made to be opened from files" in text
        assert "does not carry that instruction" in text
        carries_policy = "Content-Security-Policy" in privacy.read_text("utf-8")
        assert carries_policy is (build is shipped_site)


def test_an_html_file_of_the_content_folder_carries_the_content_policy_too(
    tmp_path: Path,
) -> None:
    """MkDocs copies an HTML file of docs_dir as it is: a page could frame it (same host)
    and load from any host through it. A policy the file or a page's front matter writes
    of its own stays beside the site's, which a browser applies all the same."""
    framed = (
        '<img src="http://127.0.0.1:9/x.png">'
        "<!-- handbook-disable-next-line html.active-content -->\n"  # a script meant
        '<script>fetch("http://127.0.0.1:9/")</script>'
    )
    own = '<meta http-equiv="Content-Security-Policy" content="default-src *">'
    config = write_site(
        tmp_path,
        pages={
            "index.md": (
                "# Home\n\n<!-- handbook-disable-next-line html.active-content -->\n"
                '<iframe src="extra/frame.html"></iframe>\n'
            ),
            "extra/frame.html": framed,
            "extra/full.HTML": f"<!DOCTYPE html><html><head>{own}</head><body>A</body></html>",
            "extra/latin.htm": "<p>Caf\xe9</p>",
            "extra/old.shtml": "<p>Old</p>",
            "extra/notes.txt": "<p>not HTML</p>",
        },
    )
    (tmp_path / "content" / "extra" / "latin.htm").write_bytes(b"<p>Caf\xe9</p>")
    site = build_site(config)
    # Its own script runs (the policy names it), and nothing from another host loads.
    with_script = policy_meta({script_source('fetch("http://127.0.0.1:9/")')})
    assert (site / "extra" / "frame.html").read_text(encoding="utf-8") == with_script + framed
    full = (site / "extra" / "full.HTML").read_text(encoding="utf-8")
    meta = policy_meta()
    assert full == f"<!DOCTYPE html><html><head>{meta}{own}</head><body>A</body></html>"
    assert (site / "extra" / "latin.htm").read_bytes() == meta.encode() + b"<p>Caf\xe9</p>"
    # Served as HTML too (security audit: it had no policy).
    assert (site / "extra" / "old.shtml").read_text(encoding="utf-8") == meta + "<p>Old</p>"
    assert (site / "extra" / "notes.txt").read_text(encoding="utf-8") == "<p>not HTML</p>"
    index = (site / "index.html").read_text(encoding="utf-8")
    assert index.count('http-equiv="Content-Security-Policy"') == 1


def test_the_pages_mkdocs_serve_serves_let_its_live_reload_run(tmp_path: Path) -> None:
    """`mkdocs serve` writes a script of its own into every HTML file it serves (live
    reload), new each time, which no hash can name: there, and there only, the policy
    lets every inline script run, or a preview would never reload."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = write_site(
        tmp_path, pages={"index.md": "# Home\n", "flyer.html": "<p>A</p>"}, theme="material"
    )
    mkdocs_config = load_config(config_file=str(config))
    mkdocs_config.plugins.on_startup(command="serve", dirty=False)
    build(mkdocs_config)
    site = Path(mkdocs_config.site_dir)
    for page in ("index.html", "404.html", "flyer.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert html.count(policy_meta(live_reload=True)) == 1, page
    assert "script-src 'self' 'unsafe-inline';" in policy_meta(live_reload=True)


def test_with_instant_navigation_every_page_names_the_scripts_of_every_page_s_content(
    tmp_path: Path,
) -> None:
    """Material's instant navigation runs the next page's content scripts under the
    policy of the page first opened: a page's own `<script>` was refused after a click
    from another page. Every page's policy (404.html's too) names it; without the feature,
    only its own page's does."""
    pages = {"index.md": "# Home\n", "z.md": "# Last\n\n<script>own()</script>\n"}
    for features, named_on in (
        ("[navigation.instant]", ["index.html", "404.html", "z/index.html"]),
        ("[]", ["z/index.html"]),
    ):
        config = write_site(
            tmp_path / features, pages=pages, theme="material",
            theme_options=f"features: {features}",
        )  # fmt: skip
        site = build_site(config, strict=False)  # the script is a warning
        for page in ("index.html", "404.html", "z/index.html"):
            policy = [
                meta.attrs["content"]
                for meta in elements((site / page).read_text(encoding="utf-8"), "meta")
                if meta.attrs.get("http-equiv") == "Content-Security-Policy"
            ]
            assert (script_source("own()") in policy[0]) is (page in named_on), (features, page)


def test_the_material_pages_and_404_send_no_referrer(tmp_path: Path) -> None:
    """A link followed from a page, or from the 404 page (a template of its own), tells
    the other host nothing of where the reader was (DESIGN 7: no trace elsewhere)."""
    config = write_site(tmp_path, pages={"index.md": "# Home\n"}, theme="material")
    site = build_site(config)
    for page in ("index.html", "404.html"):
        head = (site / page).read_text(encoding="utf-8").split("</head>", 1)[0]
        referrers = [meta.attrs.get("content") for meta in elements(head, "meta")]
        assert "no-referrer" in referrers, page


def test_a_policy_written_into_the_head_by_front_matter_leaves_the_site_s_in_force(
    tmp_path: Path,
) -> None:
    """A policy of the page's own in the head (there a page's `description` put one, before
    the theme wrote it as text) made the plugin leave its own out, and the page loaded
    from any host. A theme override's `extrahead` puts one there now."""
    own = '<meta http-equiv="Content-Security-Policy" content="default-src *">'
    config = write_site(tmp_path, pages={"index.md": "# Home\n\nA page.\n"}, theme="material")
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        f'{{% extends "base.html" %}}{{% block extrahead %}}{own}{{% endblock %}}', "utf-8"
    )
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("{name: material}", "{name: material, custom_dir: overrides}"), "utf-8"
    )
    html = (build_site(config) / "index.html").read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    site_s = policy_meta(inline_script_sources(html))
    assert own in head and site_s in head and head.index(site_s) < head.index(own)


def test_two_builds_give_the_same_files(shipped_site: SiteBuild, tmp_path: Path) -> None:
    first = shipped_site.require()
    second = run_build("mkdocs", tmp_path / "again").require()

    def files(site: Path) -> dict[str, bytes]:
        return {
            path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*"))
            if path.is_file()
        }

    first_files, second_files = files(first), files(second)
    assert sorted(first_files) == sorted(second_files)
    assert [name for name in first_files if first_files[name] != second_files[name]] == []


def test_search_finds_each_term_page_by_each_accepted_form(
    shipped_site: SiteBuild, handbook: Handbook
) -> None:
    """In the fields search reads: a page's title, text and tags. A term's forms are its
    page's tags (shown as the result's chips): its "Use:" line, which repeated them in
    the result, is out of the index (audit)."""
    site = shipped_site.require()
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {"title", "text", "tags"} <= set(index["config"]["fields"])
    text_by_page: dict[str, str] = {}
    for document in index["docs"]:
        page = document["location"].split("#")[0]
        fields = (document["title"], document["text"], *document.get("tags", []))
        text = html.unescape(" ".join(("", *fields, "")))
        text_by_page[page] = text_by_page.get(page, "") + text.lower()
    missing = [
        f"{term.id}: {form}"
        for term in handbook.terms.values()
        for form in term.accepted_forms
        if form.lower() not in text_by_page.get(f"glossary/{term.id}/", "")
    ]
    assert missing == []
    boosted = {
        document["location"]
        for document in index["docs"]
        if document.get("boost") and document["location"].startswith("glossary/")
    }
    assert {f"glossary/{term_id}/" for term_id in handbook.terms} <= boosted
    # A protocol's hidden "review overdue" notice (its reader's browser shows it once the
    # date has passed) is no text to find it by.
    protocols = [
        document for document in index["docs"] if document["location"].startswith("protocols/")
    ]
    assert protocols and not any("overdue" in document["text"].lower() for document in protocols)


def test_search_indexes_no_term_section_twice(shipped_site: SiteBuild, handbook: Handbook) -> None:
    """Slow-phone audit: every reader downloads the index, 308 KB for the example. Term
    pages put in it, for nothing: their "Used on" section (a title, the list is filled in
    after indexing: no text), their history and protocols' (the changes page holds every
    entry), and their forms as tags of every section (Material copies a page's tags to
    each; the page's first entry is what a form finds)."""
    site = shipped_site.require()
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sections = [
        document
        for document in index["docs"]
        if "#" in document["location"]
        and document["location"].startswith(("glossary/", "protocols/"))
    ]
    assert sections
    assert [
        document["location"]
        for document in sections
        if document["location"].endswith(("#used-on", "#version-and-history")) or "tags" in document
    ] == []
    # Each term page's first entry keeps its forms and translations, and the changes page
    # every history summary, as search finds them.
    tags_by_page = {  # escaped: Material shows a tag as HTML
        document["location"]: [html.unescape(tag) for tag in document.get("tags", [])]
        for document in index["docs"]
    }
    assert [
        term.id
        for term in handbook.terms.values()
        if tags_by_page.get(f"glossary/{term.id}/")
        != [term.term, *term.aliases, *(text for _, text in sorted(term.translations.items()))]
    ] == []
    changes = " ".join(
        html.unescape(re.sub(r"<[^>]+>", "", document["text"]))
        for document in index["docs"]
        if document["location"].startswith("changes/")
    )
    summaries = [
        plain_text(entry.summary)
        for record in (*handbook.terms.values(), *handbook.protocols.values())
        for entry in record.history
    ]
    assert len(summaries) > 100
    assert [summary for summary in summaries if summary not in " ".join(changes.split())] == []


def test_search_finds_a_term_page_by_plurals_and_forms_to_avoid_too(
    shipped_site: SiteBuild, handbook: Handbook
) -> None:
    """A member may search for a term by a plural or by a form to avoid ("survivors",
    "sex slave"): the words are in the term page's first entry, in a field of the index
    that Material's search weighs (test_browser.py measures the ranks)."""
    site = shipped_site.require()
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    fields = index["config"]["fields"]
    assert fields["handbook_forms"]["boost"] > fields["title"]["boost"]
    # Compared as the search compares words: split at spaces and hyphens, any case.
    forms_by_page = {
        document["location"]: f" {_words(document.get('handbook_forms', ''))} "
        for document in index["docs"]
    }
    wanted = [
        (term.id, words)
        for term in handbook.terms.values()
        for words in (
            *(avoided.text for avoided in term.avoid),
            *filter(None, map(_plural_form, (term.term, *term.aliases))),
        )
    ]
    assert len(wanted) > 100
    assert [
        (term_id, words)
        for term_id, words in wanted
        if f" {_words(words)} " not in forms_by_page.get(f"glossary/{term_id}/", "")
    ] == []


def test_a_term_page_entry_lists_every_form_as_typed_for_handbook_js(
    shipped_site: SiteBuild, handbook: Handbook
) -> None:
    """handbook.js puts a term's page first when a query is one of its forms whole: the
    page's first entry lists them (accepted, plural, possessive, to avoid) as a query is
    compared with them, outside the fields Material's search indexes."""
    site = shipped_site.require()
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "handbook_typed_forms" not in index["config"]["fields"]
    typed_by_page = {
        document["location"]: document.get("handbook_typed_forms", []) for document in index["docs"]
    }
    survivor = typed_by_page["glossary/survivor/"]
    assert {"survivor", "survivors", "survivor's", "trafficking survivor", "sex slave"} <= {
        *survivor
    }
    wanted = [
        (term.id, typed_form(form))
        for term in handbook.terms.values()
        for form in (term.term, *term.aliases, *(avoided.text for avoided in term.avoid))
    ]
    assert [
        (term_id, form)
        for term_id, form in wanted
        if form not in typed_by_page.get(f"glossary/{term_id}/", [])
    ] == []
    sections = [document for document in index["docs"] if "#" in document["location"]]
    assert not any("handbook_typed_forms" in document for document in sections)


def test_a_term_page_entry_lists_its_translations_by_language_for_handbook_js(
    shipped_site: SiteBuild, handbook: Handbook
) -> None:
    """handbook.js says in a result found by a translation which language it matched
    ("Matched: Spanish, trata de personas"): the page's first entry lists them, outside
    the fields Material's search indexes."""
    site = shipped_site.require()
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "handbook_translations" not in index["config"]["fields"]
    listed = {
        document["location"]: document["handbook_translations"]
        for document in index["docs"]
        if "handbook_translations" in document
    }
    wanted = {
        f"glossary/{term.id}/": [
            [language_name(code), text, code] for code, text in sorted(term.translations.items())
        ]
        for term in handbook.terms.values()
        if term.translations
    }
    assert wanted
    assert listed == wanted
    # The language's code too: handbook.js marks the result's form in it (`lang`, badux).
    assert listed["glossary/human-trafficking/"][0] == ["Spanish", "trata de personas", "es"]


def _words(text: str) -> str:
    return " ".join(text.replace("-", " ").lower().split())


def _plural_form(form: str) -> str | None:
    """`form` with its last word in the plural ("trafficking survivors"), if it has one."""
    last = split_words(form)[-1]
    found = plurals(last)
    return f"{form[: -len(last)]}{found[0]}" if found and form.endswith(last) else None


def _written_numbers(markdown_source: str) -> set[str]:
    """Numbers of three or more digits in a page's prose: no front matter, code, HTML
    comments or link addresses (hotlines, short codes, statutes and years a member may
    need)."""
    body = markdown_source
    if body.startswith("---\n"):
        body = body.split("\n---\n", 1)[1]
    body = re.sub(r"^(```|~~~).*?^\1", "", body, flags=re.M | re.S)
    body = re.sub(r"<!--.*?-->|`[^`\n]*`|(?<=\])\([^)\s]*\)", "", body, flags=re.S)
    return set(re.findall(r"(?<![\w.])\d{3,}(?![\w])", body))


def test_every_number_a_page_writes_is_published(shipped_site: SiteBuild) -> None:
    """A line of a list item that starts with digits and a full stop ('233733. It is...')
    starts a new item in Python-Markdown, and the number vanishes from the page."""
    site = shipped_site.require()
    content = ROOT / "content"
    lost: list[str] = []
    for source in sorted(content.rglob("*.md")):
        relative = source.relative_to(content).with_suffix("")
        folder = relative.parent if relative.name == "index" else relative
        published = html.unescape(
            re.sub(r"<[^>]+>", " ", (site / folder / "index.html").read_text("utf-8"))
        )
        lost += [
            f"{relative}: {number}"
            for number in sorted(_written_numbers(source.read_text("utf-8")))
            if number not in published
        ]
    assert lost == []


def test_every_911_of_the_site_can_be_tapped(shipped_site: SiteBuild) -> None:
    """ "Call 911" was plain text in protocols' steps, modules and the warnings of the home
    page and the protocols index, where the hotline's number beside it was a link (found
    in an audit): a reader on a phone in an emergency taps it."""
    site = shipped_site.require()
    plain: dict[str, int] = {}
    for page in sorted(site.rglob("index.html")):
        text = page.read_text("utf-8")
        main = text[text.index("<article") : text.index("</article>")]
        prose = re.sub(r"<[^>]+>", " ", re.sub(r'<a [^>]*href="tel:911"[^>]*>911</a>', "", main))
        untappable = len(re.findall(r"(?<![\w/.-])911(?![\w/-])", prose))
        if untappable:
            plain[page.relative_to(site).as_posix()] = untappable
    assert plain == {}
    assert '"tel:911">911</a>' in (site / "index.html").read_text("utf-8")


def test_every_phone_link_of_the_site_dials_a_number(shipped_site: SiteBuild) -> None:
    """The glossary index writes a short's hyphens as references (`1&#45;888...`), and
    its hotline numbers were `<a href="tel:">`: a tap that dials nothing (review rv59g)."""
    site = shipped_site.require()
    empty = {
        page.relative_to(site).as_posix(): found
        for page in sorted(site.rglob("*.html"))
        if (found := re.findall(r'href="(?:tel|sms):[^0-9+"]*"', page.read_text("utf-8")))
    }
    assert empty == {}


FOCUSABLE = ("a", "button", "input", "select", "textarea")


def test_no_hidden_element_takes_keyboard_focus(shipped_site: SiteBuild) -> None:
    """An element hidden from screen readers but reachable with Tab is a silent stop: a
    one-scheme palette list made Material render an invisible `aria-hidden` radio."""
    site = shipped_site.require()
    hidden: list[str] = []
    for page in _pages(site):
        page_html = page.read_text("utf-8")
        for tag in FOCUSABLE:
            for element in elements(page_html, tag):
                attributes = element.attrs
                if attributes.get("aria-hidden") == "true" and attributes.get("tabindex") != "-1":
                    hidden.append(f"{page.relative_to(site)}: <{tag} {attributes}>")
    assert hidden[:5] == []


def test_module_sub_headings_are_headings(shipped_site: SiteBuild) -> None:
    """A bold line standing alone ("At the front desk") looks like a heading but is none
    to a screen reader's heading list, nor in the page's table of contents."""
    site = shipped_site.require()
    bold_lines = [
        f"{page.parent.name}: {text}"
        for page in sorted((site / "modules").glob("*/index.html"))
        for text in re.findall(r"<p><strong>([^<]*)</strong></p>", page.read_text("utf-8"))
        if not text.rstrip().endswith((".", ":", "!", "?"))
    ]
    assert bold_lines == []


def test_the_home_page_says_how_to_see_a_definition_without_a_mouse(
    shipped_site: SiteBuild,
) -> None:
    """It told members to hover, which a keyboard user cannot do: the Tab key shows the
    same short definition, and Escape hides it."""
    home = (shipped_site.require() / "index.html").read_text("utf-8")
    advice = next(
        paragraph.text for paragraph in elements(home, "p") if "short explanation" in paragraph.text
    )
    assert "Tab key" in advice and "Escape" in advice, advice


REPOSITORY = "https://github.com/example/handbook"


def test_the_repository_link_asks_its_host_for_nothing(tmp_path: Path) -> None:
    """With `repo_url`, Material's script would fetch the repository's stars and forks
    from api.github.com on every page a reader opens; the handbook's own source partial
    keeps the link and drops what the script looks for."""
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n\nA page.\n"},
        theme="material",
        extra_config=f"repo_url: {REPOSITORY}\n",
    )
    page = (build_site(config) / "index.html").read_text(encoding="utf-8")
    links = elements(page, "a", "md-source")  # the header's, the drawer's
    assert links and {link.attrs["href"] for link in links} == {REPOSITORY}
    assert 'data-md-component="source"' not in page


def test_an_image_from_another_host_is_named_in_the_log_with_its_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An image linked from another site: the page's content policy has browsers refuse
    it, and the build says where it is and what to do, as information (a --strict build
    goes on: the page itself is sound)."""
    page = "# Home\n\nOur poster:\n\n![Poster](https://example.org/poster.png)\n"
    # A protocol's step is Markdown too, shown on a generated page (found in an audit).
    protocol = protocol_yaml("Hotel staff").replace(
        "Do not confront anyone.", "Do not confront anyone. ![Sign](https://example.org/sign.png)"
    )
    config = write_site(
        tmp_path,
        pages={"index.md": page},
        protocols={"hotel": protocol},
        options='privacy: {allow: ["1-888-373-7888"]}\n',
        theme="material",
    )
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build_site(config)
    notes = sorted(
        (record.levelno, record.getMessage().split(" is on")[0])
        for record in caplog.records
        if "example.org" in record.getMessage()
    )
    step_line = 1 + next(
        number for number, line in enumerate(protocol.splitlines()) if "sign.png" in line
    )
    assert notes == [
        (logging.INFO, "content/index.md:5: https://example.org/poster.png"),
        (logging.INFO, f"protocols/hotel.yml:{step_line}: https://example.org/sign.png"),
    ]
    assert all(
        "Copy the file into content/" in record.getMessage()
        for record in caplog.records
        if "example.org" in record.getMessage()
    )


LOADS_IN_CSS_AND_SVG = """\
# Home

<div style="background:url(https://example.org/bg.png)">A</div>

<style>@import url("https://example.org/import.css");</style>

<svg width="1" height="1"><image href="https://example.org/svg.png"/></svg>

<table background="https://example.org/table.png"><tr><td>A</td></tr></table>

<link rel="preconnect" href="https://fonts.example.org">
"""
STYLESHEET_FROM_ELSEWHERE = """\
@import url("https://fonts.googleapis.com/css2?family=Roboto");

body { background: url(https://example.org/css.png) }
"""


@pytest.mark.parametrize("offline", [False, True])
def test_what_css_svg_and_old_attributes_load_from_another_host_is_named_in_the_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, offline: bool
) -> None:
    """A background, a `<style>`'s import, an SVG image, a table's background, a
    connection made ahead and a stylesheet of extra_css importing a web font: each named
    at its line as an image is (found in an audit: the offline build, whose pages carry no
    content policy, fetched them all unnamed). A definition's attr_list style is left off
    its term's page (its `style` is left out), so it loads nothing to name."""
    definition = 'A [styled](#a){: style="background:url(https://example.org/def.png)" } word.'
    config = write_site(
        tmp_path,
        pages={"index.md": LOADS_IN_CSS_AND_SVG, "styles.css": STYLESHEET_FROM_ELSEWHERE},
        terms={"styled": term_yaml("styled", definition)},
        extra_config="extra_css: [styles.css]\nmarkdown_extensions: [attr_list]\n",
        theme="material",
    )
    if offline:  # as `make offline`: Material's offline plugin on
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("plugins:\n", "plugins:\n  - offline\n"), encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        site = build_site(config, strict=False)  # the connection made ahead
    named = [record for record in caplog.records if " is on another host" in record.getMessage()]
    # What the content policy refuses is information; a connection made ahead, which no
    # policy stops (Chromium looked the host up: security audit), a warning.
    assert all(
        record.levelno
        == (logging.WARNING if "fonts.example.org" in record.getMessage() else logging.INFO)
        for record in named
    )
    assert sorted(record.getMessage().split(" is on")[0] for record in named) == [
        "content/index.md:11: https://fonts.example.org",
        "content/index.md:3: https://example.org/bg.png",
        "content/index.md:5: https://example.org/import.css",
        "content/index.md:7: https://example.org/svg.png",
        "content/index.md:9: https://example.org/table.png",
        "content/styles.css:1: https://fonts.googleapis.com/css2?family=Roboto",
        "content/styles.css:3: https://example.org/css.png",
    ]
    # The offline build's addresses end in .html.
    term_page = read(site, "glossary/styled.html" if offline else "glossary/styled/index.html")
    # Nor in its description, which reads the definition as the page shows it (it was
    # the attr_list's text there: site/short_text.py).
    assert 'name="description" content="A styled word."' in term_page
    assert "def.png" not in term_page
    effect = (
        "opened from files, the pages would fetch it from there"
        if offline
        else "the pages' content policy has browsers refuse it"
    )
    fetched = [
        record.getMessage() for record in named if "fonts.example.org" not in record.getMessage()
    ]
    assert all(effect in message for message in fetched)
    # A web font's stylesheet loads the fonts themselves: a copy of it is not enough.
    assert all(
        ("Download the font files" if "googleapis" in message else "Copy the file into content/")
        in message
        for message in fetched
    )
    ahead = next(
        record.getMessage() for record in named if "fonts.example.org" in record.getMessage()
    )
    assert '<link rel="preconnect">' in ahead and "no content policy stops that" in ahead


def test_a_page_that_tells_other_hosts_where_its_reader_was_is_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Security review: a page's `<meta name="referrer" content="unsafe-url">` (or a
    link's `referrerpolicy=`) had each link followed from it send the page's address to
    another host (checked in Chromium), over the site's no-referrer, and the build said
    nothing; a warning at its line now, so `--strict` fails, as a connection made ahead."""
    page = (
        "# Home\n\nA [source](https://example.org/).\n\n"
        '<meta name="referrer" content="unsafe-url">\n'
    )
    config = write_site(tmp_path, pages={"index.md": page}, theme="material")
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build_site(config, strict=False)
    told = [
        record
        for record in caplog.records
        if "which page of the handbook the reader was on" in record.getMessage()
    ]
    assert [(record.levelno, record.getMessage().split(": <")[0]) for record in told] == [
        (logging.WARNING, "content/index.md:5")
    ]


def test_a_form_that_sends_to_another_host_is_named_at_its_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Security review sec64: a page's `<form action="https://other-host/">` (or a
    button's `formaction=`) would send what a survivor types to that host; the content
    policy refuses it on the website, but the build said nothing. Named at its line, as
    an image from there is (information: --strict builds go on)."""
    page = (
        "# Home\n\n<form action='/search'><input name=q></form>\n\n"
        '<form action="https://other-host.example/collect">\n'
        "<input name=q></form>\n\n"
        '<form><button formaction="//other-host.example/b">Send</button></form>\n'
    )
    config = write_site(tmp_path, pages={"index.md": page}, theme="material")
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build_site(config, strict=True)
    told = [
        (record.levelno, record.getMessage())
        for record in caplog.records
        if "this form sends what a reader types" in record.getMessage()
    ]
    assert [(level, message.split(": ")[0]) for level, message in told] == [
        (logging.INFO, "content/index.md:5"),
        (logging.INFO, "content/index.md:8"),
    ]
    assert "https://other-host.example/collect" in told[0][1]
    assert "content policy has browsers refuse to send it" in told[0][1]


THEME_FONTS = """\
{% extends "base.html" %}
{% block extrahead %}
<link rel="preconnect" href="https://fonts.gstatic.com">
<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">
{% endblock %}
"""


def test_what_the_themes_overrides_load_from_another_host_is_named_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Material's usual way to add Google Fonts, a `custom_dir` template and stylesheet,
    is in every page: named once for the site, at the override's line (found in review),
    as is an image whose address is written with `&amp;`, at its line."""
    config = write_site(
        tmp_path,
        pages={
            "index.md": "# Home\n\n<img alt='a' src='https://example.org/a.png?x=1&amp;y=2'>\n",
            "other.md": "# Other\n",
        },
        extra_config="extra_css: [assets/fonts.css]\n",
        theme="material",
        theme_options="custom_dir: overrides",
    )
    (tmp_path / "overrides/assets").mkdir(parents=True)
    (tmp_path / "overrides/main.html").write_text(THEME_FONTS, encoding="utf-8")
    (tmp_path / "overrides/assets/fonts.css").write_text(
        'body { color: black }\n@import url("https://example.org/ignored.css");\n'
        "h1 { background: url(https://example.org/h.png) }\n",
        encoding="utf-8",
    )
    (tmp_path / "overrides/assets/unused.css").write_text(
        "h1 { background: url(https://example.org/unused.png) }\n", encoding="utf-8"
    )
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build_site(config, strict=False)  # its connection made ahead
    named = [
        record.getMessage()
        for record in caplog.records
        if " is on another host" in record.getMessage()
    ]
    assert sorted(message.split(" is on")[0] for message in named) == [
        "content/index.md:3: https://example.org/a.png?x=1&y=2",
        "overrides/assets/fonts.css:3: https://example.org/h.png",
        "overrides/main.html:3: https://fonts.gstatic.com",
        "overrides/main.html:4: https://fonts.googleapis.com/css2?family=Inter",
    ]
    connection = next(r for r in caplog.records if "fonts.gstatic.com" in r.getMessage())
    assert connection.levelno == logging.WARNING  # no content policy stops it
    font = next(message for message in named if "family=Inter" in message)
    assert "Download the font files and serve them from the site" in font


MERMAID_FENCES = """\
markdown_extensions:
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
"""


@pytest.mark.parametrize("own_copy", [False, True])
def test_a_mermaid_diagram_is_named_in_the_log_unless_the_site_has_its_own_mermaid(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, own_copy: bool
) -> None:
    """Material fetches Mermaid from unpkg.com to draw a diagram, which the content policy
    refuses: the diagram shows as text, and the build says so with the fence's line (found
    in an audit). A copy named in extra_javascript is what Material then draws with."""
    pages = {"index.md": "# Home\n\nHow a tip travels:\n\n```mermaid\ngraph LR\n  A --> B\n```\n"}
    extra_config = MERMAID_FENCES
    if own_copy:
        pages["js/mermaid.min.js"] = "window.mermaid = window.mermaid || {};\n"
        extra_config += "extra_javascript: [js/mermaid.min.js]\n"
    config = write_site(tmp_path, pages=pages, theme="material", extra_config=extra_config)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        site = build_site(config)  # strict: information only
    assert '<pre class="mermaid">' in (site / "index.html").read_text(encoding="utf-8")
    notes = [
        (record.levelno, record.getMessage())
        for record in caplog.records
        if "Mermaid" in record.getMessage()
    ]
    if own_copy:
        assert notes == []
    else:
        assert len(notes) == 1
        level, message = notes[0]
        assert level == logging.INFO
        assert message.startswith("content/index.md:5: Material would load Mermaid from unpkg")
        assert "Copy mermaid.min.js into content/ and name it in extra_javascript" in message


def test_another_host_s_password_is_not_repeated_in_the_build_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Security review sec64: the build's log (CI's) named another host's address whole,
    with the password a page wrote in it."""
    page = (
        "# Home\n\n"
        '<meta http-equiv="refresh" content="0; url=https://editor:s3cret@example.org/x">\n'
        '<link rel="preconnect" href="https://editor:s3cret@fonts.example.org">\n'
    )
    # link.unsafe (an error) names the `<link>`'s user before its host, and says no more.
    options = 'rules:\n  link.unsafe: "off"\n'
    config = write_site(tmp_path, pages={"index.md": page}, options=options)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build_site(config, strict=False)
    said = [r.getMessage() for r in caplog.records if "example.org" in r.getMessage()]
    assert len(said) == 2, said
    assert all("s3cret" not in message and "https://***@" in message for message in said)


def test_a_page_that_sends_its_reader_to_another_host_fails_a_strict_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """No content policy stops a page from sending its reader elsewhere as it opens (found
    by the security review): a warning names the page's line, so --strict fails."""
    page = (
        "# Home\n\nMoved.\n\n"
        '<meta http-equiv="refresh" content="0; url=https://example.org/elsewhere">\n'
        '<meta http-equiv="refresh" content="30">\n'
        "<!-- <meta http-equiv='refresh' content='0;url=https://example.org/old'> -->\n"
    )
    config = write_site(tmp_path, pages={"index.md": page})
    with caplog.at_level(logging.INFO, logger="mkdocs"), pytest.raises(Exception, match="strict"):
        build_site(config)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert [message for message in warnings if "sends every reader" in message] == [
        "content/index.md:5: the page sends every reader on to https://example.org/elsewhere as"
        ' it opens (<meta http-equiv="refresh">), and the handbook loads nothing from other'
        " hosts: link to it instead."
    ]


ROOT_LINK_PAGE = "# Home\n\nSee [survivor](/glossary/survivor/).\n"
ROOT_LINK_TERM = term_yaml("survivor", "A person. Read [the protocol](/protocols/hotel/).")


def test_a_link_from_the_server_s_root_fails_a_strict_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Audit (a site published under a project's path, the offline folder): a link
    written from the server's root (`/glossary/survivor/`) passed `--strict`, MkDocs
    saying it at INFO, and led to `https://owner.github.io/glossary/survivor/` once
    published under `/handbook/`, to `file:///glossary/survivor/` from a USB stick. A
    warning now, in a page, a term's definition (at its line there) and the nav."""
    config = write_site(
        tmp_path,
        pages={"index.md": ROOT_LINK_PAGE},
        terms={"survivor": ROOT_LINK_TERM},
        extra_config="nav:\n  - Home: index.md\n  - Privacy: /privacy/\n",
    )
    with caplog.at_level(logging.INFO, logger="mkdocs"), pytest.raises(Exception, match="strict"):
        build_site(config)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    line = ROOT_LINK_TERM.splitlines().index(
        next(text for text in ROOT_LINK_TERM.splitlines() if "/protocols/hotel/" in text)
    )
    column = ROOT_LINK_TERM.splitlines()[line].index("/protocols/hotel/") + 1
    for said in (
        "Doc file 'index.md' contains an absolute link '/glossary/survivor/'",
        "Doc file 'glossary/survivor.md' contains an absolute link '/protocols/hotel/'",
        f"(written in glossary/survivor.yml:{line + 1}:{column})",
        "An absolute path to '/privacy/' is included in the 'nav' configuration",
    ):
        assert [message for message in warnings if said in message], (said, warnings)


def test_a_link_holding_a_line_break_is_reported_on_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Security review: Python-Markdown keeps a line break in a link's destination, and
    MkDocs quoted it as it is, so a page or a term of a pull request started a line of
    CI's build log with `::error ...`, a workflow command the runner obeys."""
    command = "::error file=README.md::Approved by security"
    nav_entry = f"/z\n{command}"  # mkdocs.yml's, which the pull request may change too
    config = write_site(
        tmp_path,
        pages={"index.md": f"# Home\n\nSee [a](/x\n{command}).\n"},
        terms={"survivor": term_yaml("survivor", f"A person. See [p](/y\n{command}).")},
        extra_config=f"nav:\n  - Home: index.md\n  - Privacy: {json.dumps(nav_entry)}\n",
    )
    with caplog.at_level(logging.INFO, logger="mkdocs"), pytest.raises(Exception, match="strict"):
        build_site(config)
    said = [r.getMessage() for r in caplog.records if "absolute " in r.getMessage()]
    assert len(said) == 3, said
    assert all("\n" not in message and f"\\n{command}'" in message for message in said)


def test_mkdocs_list_of_pages_left_out_of_nav_keeps_its_lines(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Review rv35: the one-line filter on MkDocs' nav logger wrote its ordinary list of
    the pages not in nav on one line, `\\n  - ` between them. Its own lines stay, each
    page's indented (no line the runner reads as a command); a line break in a page's
    name is still escaped."""
    command = "::error file=README.md::Approved"
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n", "about.md": "# About\n", f"a\n{command}.md": "# X\n"},
        extra_config="nav:\n  - Home: index.md\n",
    )
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build_site(config, strict=False)
    (said,) = [r.getMessage() for r in caplog.records if "not included in" in r.getMessage()]
    assert said.split("\n")[1:] == ["  - a\\n::error file=README.md::Approved.md", "  - about.md"]


def test_an_address_holding_a_line_break_is_reported_on_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Security review: the handbook's own messages quote a page's text too: an image
    from another host whose address held a line break started a line of CI's build log
    with `::error ...`, a workflow command the runner obeys."""
    command = "::error file=README.md::Approved by security"
    page = f"# Home\n\n![x](https://example.org/a\n{command}.png)\n"
    config = write_site(tmp_path, pages={"index.md": page})
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build_site(config)
    said = [r.getMessage() for r in caplog.records if "another host" in r.getMessage()]
    assert said and all("\n" not in message for message in said), said
    assert f"https://example.org/a\\n{command}.png is on another host" in said[0]


@pytest.mark.parametrize("offline", [True, False])
def test_a_link_to_a_folder_fails_the_offline_build_alone(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, offline: bool
) -> None:
    """USB stick audit: `[About](about/)` works on a web server, which sends the
    folder's index.html; from the offline folder it opened the folder's file listing, and
    `make offline` (--strict) passed, MkDocs saying so at INFO."""
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n\n[About](about/)\n", "about.md": "# About\n"},
        theme="material",
    )
    settings = config.read_text(encoding="utf-8")
    enabled = "true" if offline else "false"
    config.write_text(
        settings.replace("plugins:\n", f"plugins:\n  - offline:\n      enabled: {enabled}\n"),
        encoding="utf-8",
    )
    said = "Doc file 'index.md' contains an unrecognized relative link 'about/'"
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        if offline:
            with pytest.raises(Exception, match="strict"):
                build_site(config)
        else:
            build_site(config)
    levels = [r.levelno for r in caplog.records if said in r.getMessage()]
    assert levels == [logging.WARNING if offline else logging.INFO]


@pytest.mark.parametrize(
    "validation",
    [
        "validation:\n  links:\n    absolute_links: info\n  nav:\n    absolute_links: info\n",
        "validation:\n  absolute_links: relative_to_docs\n",
    ],
)
def test_a_level_mkdocs_yml_sets_for_links_from_the_root_stands(
    tmp_path: Path, validation: str
) -> None:
    """A coalition whose site has the server's root to itself may say so."""
    config = write_site(
        tmp_path,
        pages={"index.md": ROOT_LINK_PAGE.replace("/survivor/", "/survivor.md")},
        terms={"survivor": ROOT_LINK_TERM.replace("/protocols/hotel/", "/index.md")},
        extra_config=validation,
    )
    assert (build_site(config) / "index.html").is_file()


def test_a_redirect_written_anywhere_a_page_is_made_from_is_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Not only in a page's Markdown: in front matter the theme writes into the head (the
    `location` of Material's redirect template), in a protocol's step (generated page) and
    in a copied HTML file (found in review). A `description` is text: it redirects no one."""
    refresh = '<meta http-equiv="refresh" content="0; url=https://example.org/{}">'
    description = refresh.format("description").replace('"', '\\"')
    protocol = protocol_yaml("Hotel staff").replace(
        "Do not confront anyone.", f"Do not confront anyone. {refresh.format('step')}"
    )
    config = write_site(
        tmp_path,
        pages={
            "index.md": f'---\ndescription: "\\">{description}<x y=\\""\n---\n# Home\n',
            "moved.md": "---\ntemplate: redirect.html\nlocation: https://example.org/head\n---\n",
            "old.html": f"<p>Moved.</p>{refresh.format('copied')}",
        },
        protocols={"hotel": protocol},
        options='privacy: {allow: ["1-888-373-7888"]}\n',
        theme="material",
    )
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        build_site(config, strict=False)
    warned = sorted(
        re.sub(r": the page sends every reader on to (\S+) as .*", r" \1", record.getMessage())
        for record in caplog.records
        if "sends every reader" in record.getMessage()
    )
    step_line = protocol.splitlines().index(
        next(line for line in protocol.splitlines() if "Do not confront" in line)
    )
    assert warned == [
        "content/moved.md:3 https://example.org/head",
        "old.html https://example.org/copied",
        f"protocols/hotel.yml:{step_line + 1} https://example.org/step",
    ]


SECRET = "a-secret-only-this-repository-has"


@pytest.mark.parametrize(
    ("link", "inside", "outside", "published"),
    [
        ("assets/history", "../pictures", "../../.git", "assets/history/config"),
        ("gitconfig.txt", "inside.txt", "../.git/config", "gitconfig.txt"),
        ("dotenv.txt", "inside.txt", "../.env", "dotenv.txt"),
        ("term.yml", "inside.txt", "../glossary/survivor.yml", "term.yml"),
        ("vendored.txt", "inside.txt", "vendored/.git/config", "vendored.txt"),
        ("notes.md", "pictures/notes.md", "../notes/notes.md", "notes/index.html"),
    ],
)
def test_a_link_out_of_docs_dir_is_neither_published_nor_passed(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    link: str,
    inside: str,
    outside: str,
    published: str,
) -> None:
    """A link in docs_dir to elsewhere in the repository published it as it is: the
    whole history (`assets/history -> ../../.git`), `.git/config`, a git-ignored `.env`,
    a term's source (audit). Now the check stops the build, and with its rule off the
    site still leaves the file out; a link within docs_dir is published as before."""
    from mkdocs.exceptions import Abort

    root = tmp_path / "handbook"
    pages = {"index.md": "# Home\n", "inside.txt": "public\n", "pictures/config": "public\n"}
    pages |= {"pictures/notes.md": "public\n", "vendored/.git/config": SECRET}
    # An editor's comment in a term file is not published (its page is).
    terms = {"survivor": term_yaml("survivor", "A person.") + f"# {SECRET}\n"}
    config = write_site(root, pages=pages, terms=terms)
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text(f"url = https://{SECRET}@example.org\n", "utf-8")
    (root / ".env").write_text(f"API_TOKEN={SECRET}\n", encoding="utf-8")
    (root / "notes").mkdir()
    (root / "notes" / "notes.md").write_text(f"# Notes\n\n{SECRET}\n", encoding="utf-8")
    (root / "content" / "assets").mkdir()
    path = root / "content" / link
    path.symlink_to(inside)
    site = build_site(config)
    assert "public" in (site / published).read_text(encoding="utf-8")

    path.unlink()
    path.symlink_to(outside)
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        build_site(config)
    assert [r.getMessage().partition(" is a ")[0] for r in caplog.records][:1] == [
        f"content/{link}:1:1: page.source"
    ]
    assert not _holding(site, SECRET)

    caplog.clear()
    config = write_site(root, pages=pages, terms=terms, options='rules:\n  page.source: "off"\n')
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        build_site(config, strict=False)
    assert not (site / published).exists()
    assert (site / "inside.txt").exists()
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert all(f"content/{link}" in r.getMessage() for r in caplog.records)
    assert not _holding(site, SECRET)


def _holding(site: Path, text: str) -> list[Path]:
    """The files of `site` that hold `text`."""
    data = text.encode()
    return [path for path in site.rglob("*") if path.is_file() and data in path.read_bytes()]


def test_a_copied_file_linked_out_of_the_handbook_is_not_published(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A pull request's `notes.txt -> ~/.git-credentials` would publish the building
    machine's file (found in review); a link inside the handbook is published as before,
    and an HTML file the build leaves out (exclude_docs) stops nothing. The check stops
    such a build (`page.source`, see test_a_link_out_of_docs_dir_is_neither_published_nor_
    passed); with that rule off, the plugin still leaves the file out."""
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("TOKEN=abc123\n", encoding="utf-8")
    config = write_site(
        tmp_path / "handbook",
        pages={"index.md": "# Home\n", "inside.txt": "public\n", "drafts/x.html": "<p>x</p>"},
        extra_config="exclude_docs: drafts/\n",
        options='rules:\n  page.source: "off"\n',
    )
    content = tmp_path / "handbook" / "content"
    (content / "notes.txt").symlink_to(secret)
    (content / "copy.txt").symlink_to(content / "inside.txt")
    # A loop of links, and a link to nothing: MkDocs' copy of them was a traceback (audit).
    (content / "loop-a").symlink_to("loop-b")
    (content / "loop-b").symlink_to("loop-a")
    (content / "gone.png").symlink_to("missing.png")
    os.mkfifo(content / "pipe.txt")  # the copy waited for, then refused it (review)
    (content / os.fsdecode(b"caf\xe9.png")).symlink_to("missing.png")  # named in Latin-1
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        site = build_site(config, strict=False)
    assert not (site / "notes.txt").exists()
    assert (site / "copy.txt").read_text(encoding="utf-8") == "public\n"
    assert not (site / "drafts").exists()
    assert [r.getMessage() for r in caplog.records if "notes.txt" in r.getMessage()] == [
        "handbook: content/notes.txt is a symbolic link to a file outside content/ (docs_dir, "
        "the folder the site publishes): it is not published"
    ]
    assert (
        "handbook: content/caf\\xe9.png cannot be read (No such file or directory): it is "
        "not published" in [r.getMessage() for r in caplog.records]
    )
    assert [
        r.getMessage()
        for r in caplog.records
        if "cannot be read" in r.getMessage() and "caf" not in r.getMessage()
    ] == [
        "handbook: content/gone.png cannot be read (No such file or directory): it is not "
        "published",
        "handbook: content/loop-a cannot be read (Too many levels of symbolic links): it is "
        "not published",
        "handbook: content/loop-b cannot be read (Too many levels of symbolic links): it is "
        "not published",
    ]
    assert [r.getMessage() for r in caplog.records if "pipe.txt" in r.getMessage()] == [
        "handbook: content/pipe.txt is not a regular file (a named pipe): it is not published"
    ]


def test_a_named_pipe_saved_as_a_page_is_left_out_not_waited_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Audit: MkDocs read a named pipe saved as a page, and the build waited for ever. The
    check stops such a build (`page.source`); with that rule off, the plugin leaves the
    page out of the site, with a warning, before MkDocs reads it."""
    from work import without_waiting_on

    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n"},
        options='handouts: false\nrules:\n  page.source: "off"\n',
    )
    pipe = tmp_path / "content" / "pipe.md"
    os.mkfifo(pipe)
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        site = without_waiting_on(pipe, lambda: build_site(config, strict=False))
    assert (site / "index.html").is_file() and not (site / "pipe").exists()
    assert [r.getMessage() for r in caplog.records if "pipe.md" in r.getMessage()] == [
        "handbook: content/pipe.md is not a regular file (a named pipe): it is not published"
    ]


def test_the_plugins_log_shows_a_latin1_byte_also_in_arguments(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """As the CLI shows it, `\\xe9`, whether in the message or its `%` arguments."""
    import coalition_handbook.plugin.build_log  # noqa: F401 - sets up the plugin's logger

    logger = logging.getLogger("mkdocs.plugins.handbook")
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        logger.warning("content/%s here", os.fsdecode(b"caf\xe9.md"))
        logger.warning("content/" + os.fsdecode(b"caf\xe9.md") + " too")
        logger.warning("100% sure")
    assert [record.getMessage() for record in caplog.records] == [
        "content/caf\\xe9.md here",
        "content/caf\\xe9.md too",
        "100% sure",
    ]


def _files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in site.rglob("*")
        if path.is_file()
    }


@pytest.mark.parametrize(
    ("broken_page", "strict"),
    [
        # The theme cannot render the page: an error after MkDocs emptied site_dir.
        ("---\ntemplate: no-such-template.html\n---\n\n# About\n", False),
        # A warning of MkDocs' own (a link to no page): --strict stops the build at its end.
        ("# About\n\nSee [the missing page](missing.md).\n", True),
        # or to no file, which `handbook check` does not follow either (README says so)
        ("# About\n\nSee [volunteers](files/volunteers.csv).\n", True),
    ],
)
def test_a_build_that_fails_leaves_the_published_site_as_it_was(
    tmp_path: Path, broken_page: str, strict: bool
) -> None:
    from mkdocs.exceptions import Abort, PluginError

    config = write_site(tmp_path, pages={"index.md": "# Home\n\nA page.\n"})
    site = build_site(config)
    (site / ".git").mkdir()  # a gh-pages checkout's: MkDocs never cleans hidden entries
    published = _files(site)
    (tmp_path / "content" / "about.md").write_text(broken_page, encoding="utf-8")
    sigterm_handler = signal.getsignal(signal.SIGTERM)

    with pytest.raises((Abort, PluginError)):
        build_site(config, strict=strict)

    assert _files(site) == published
    assert signal.getsignal(signal.SIGTERM) is sigterm_handler  # the build's own is gone
    assert sorted(path.name for path in site.iterdir() if path.name.startswith(".")) == [".git"]


@pytest.mark.parametrize(
    ("number", "said"),
    [(errno.ENOSPC, "No space left on device"), (errno.EROFS, "Read-only file system")],
)
def test_a_full_disk_or_read_only_site_stops_the_build_in_a_line_and_keeps_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int, said: str
) -> None:
    """A volunteer's full disk, or a CI container's read-only checkout: MkDocs' own write
    fails, and `mkdocs build` ended in a traceback of MkDocs' and click's code (audit:
    crash and concurrency). It says what failed in a line, and the site stays."""
    import mkdocs.utils
    from mkdocs.exceptions import Abort

    config = write_site(tmp_path, pages={"index.md": "# Home\n\nA page.\n"})
    site = build_site(config)
    published = _files(site)
    (tmp_path / "content" / "about.md").write_text("# About\n", encoding="utf-8")

    def refused(content: bytes, output_path: str) -> None:
        raise OSError(number, os.strerror(number), output_path)

    monkeypatch.setattr(mkdocs.utils, "write_file", refused)
    with pytest.raises(Abort) as stopped:
        build_site(config)

    # The file named from mkdocs.yml's folder, as the build's log names files.
    assert re.fullmatch(
        rf"handbook: the build stopped, as it could not write the site: site/[^ ]+: "
        rf"{said}; (free some space|make the folder writable), and run it again",
        str(stopped.value),
    )
    assert _files(site) == published


def test_a_build_that_succeeds_replaces_the_site_and_keeps_its_hidden_entries(
    tmp_path: Path,
) -> None:
    config = write_site(tmp_path, pages={"index.md": "# Home\n\nA page.\n"})
    site = build_site(config)
    (site / ".git").mkdir()
    (site / "stale.html").write_text("from an old build", encoding="utf-8")
    sigterm_handler = signal.getsignal(signal.SIGTERM)

    (tmp_path / "content" / "about.md").write_text("# About\n", encoding="utf-8")
    build_site(config)

    assert signal.getsignal(signal.SIGTERM) is sigterm_handler  # the build's own is gone

    assert (site / "about" / "index.html").is_file() and not (site / "stale.html").exists()
    assert sorted(path.name for path in site.iterdir() if path.name.startswith(".")) == [".git"]


def test_a_build_killed_midway_leaves_the_published_site_for_the_next_one(
    tmp_path: Path,
) -> None:
    """A build killed (SIGTERM, SIGKILL) after it set the published site aside runs no
    more code: the next build finds that site aside, and keeps it if it fails too."""
    from mkdocs.exceptions import Abort

    from coalition_handbook.site.publishing import ASIDE, PreviousSite

    config = write_site(tmp_path, pages={"index.md": "# Home\n\nPublished, version 1.\n"})
    site = build_site(config)
    published = _files(site)
    assert PreviousSite.set_aside(site) is not None  # as the killed build did
    (site / "index.html").write_text("half a site", encoding="utf-8")  # what it wrote

    (tmp_path / "content" / "about.md").write_text(
        "# About\n\nSee [the missing page](missing.md).\n", encoding="utf-8"
    )
    with pytest.raises(Abort):
        build_site(config, strict=True)
    assert _files(site) == published
    assert not (site / ASIDE).exists()


def test_a_build_its_checks_stop_after_a_killed_one_shows_the_published_site(
    tmp_path: Path,
) -> None:
    """The checks stop a build before it sets anything aside: the site a killed build
    had set aside was left hidden there (found in an audit)."""
    from mkdocs.exceptions import Abort

    from coalition_handbook.site.publishing import ASIDE, PreviousSite

    config = write_site(tmp_path, pages={"index.md": "# Home\n\nPublished, version 1.\n"})
    site = build_site(config)
    published = _files(site)
    assert PreviousSite.set_aside(site) is not None  # as the killed build did
    (site / "index.html").write_text("half a site", encoding="utf-8")  # what it wrote

    (tmp_path / "glossary" / "broken.yml").write_text("term: [\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(config)
    assert _files(site) == published
    assert not (site / ASIDE).exists()


def test_ctrl_c_during_a_build_puts_the_published_site_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C raises KeyboardInterrupt, no Exception: MkDocs sends no build_error event,
    and `mkdocs build` sends shutdown, where the plugin puts the site back."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config as load_mkdocs_config

    from coalition_handbook.site.publishing import PreviousSite

    config = write_site(tmp_path, pages={"index.md": "# Home\n\nPublished, version 1.\n"})
    site = build_site(config)
    published = _files(site)
    (tmp_path / "content" / "index.md").write_text("# Home\n\nVersion 2.\n", encoding="utf-8")

    def interrupted(self: PreviousSite) -> None:  # the last moment of the build
        raise KeyboardInterrupt

    monkeypatch.setattr(PreviousSite, "discard", interrupted)
    mkdocs_config = load_mkdocs_config(config_file=str(config))
    mkdocs_config.plugins.on_startup(command="build", dirty=False)
    with pytest.raises(KeyboardInterrupt):
        try:
            build(mkdocs_config)
        finally:
            mkdocs_config.plugins.on_shutdown()
    assert _files(site) == published


# Blocks a build after the plugin set the published site aside, until it is stopped.
BLOCKING_HOOK = """
import time
from pathlib import Path


def on_files(files, config):
    Path(config.config_file_path).with_name("building").touch()
    time.sleep(300)
"""


def test_sigterm_during_a_build_puts_the_published_site_back(tmp_path: Path) -> None:
    """A CI job's timeout, `docker stop` and systemd stop a build with SIGTERM, which
    ended the process at once: the published site stayed hidden in
    site/.handbook-previous-site/, and a deploy step would upload an empty site/ (audit).
    SIGTERM stops the build as Ctrl-C does now, and the site is put back."""
    from coalition_handbook.site.publishing import ASIDE

    (tmp_path / "block.py").write_text(BLOCKING_HOOK, encoding="utf-8")
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n\nVersion 2.\n"},
        extra_config="hooks: [block.py]\n",
        options="handouts: false\n",
    )
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("published, version 1", encoding="utf-8")
    command = [str(BIN / "mkdocs"), "build", "-f", str(config)]
    process = subprocess.Popen(
        command, cwd=tmp_path, env=BUILD_ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 300  # a guard against a hang, not a measure
        while not (tmp_path / "building").exists() and time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(process.communicate()[0].decode())
            time.sleep(0.1)
        assert (site / ASIDE).is_dir()  # the published site, set aside by the build
        process.send_signal(signal.SIGTERM)
        output = process.communicate(timeout=300)[0].decode()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 128 + signal.SIGTERM, output  # as a process it ended
    assert _files(site) == {"index.html": b"published, version 1"}
    assert not (site / ASIDE).exists()
    assert "the build did not finish; the site published before is back in place" in output


def test_properdocs_under_strict_keeps_the_published_site_too(tmp_path: Path) -> None:
    """ProperDocs counts --strict warnings on its own logger: a warning of its own (a link
    to no page) stops the build, and the published site stays."""
    config = write_site(
        tmp_path, pages={"index.md": "# Home\n\nPublished, version 1.\n"}, theme="material"
    )
    site = tmp_path / "published"
    assert run_build("properdocs", site, config=config).returncode == 0
    published = _files(site)
    (tmp_path / "content" / "index.md").write_text(
        "# Home\n\nSee [the missing page](missing.md).\n", encoding="utf-8"
    )
    failed = run_build("properdocs", site, config=config)
    assert failed.returncode != 0 and "missing.md" in failed.output
    assert _files(site) == published


def test_properdocs_under_strict_counts_and_shows_the_plugin_s_own_warnings(
    tmp_path: Path,
) -> None:
    """Upgrade audit: ProperDocs 1.6.5 left MkDocs' logger, the plugin's, without its
    handler: a warning of the plugin that is no finding (a named web font) was printed
    bare and did not fail `properdocs build --strict`, and its INFO lines (the handouts,
    an image on another host) were not shown at all. 1.6.6 is the lower bound for it."""
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n\nA page.\n"},
        theme="material",
        theme_options="font: {text: Lato}",
    )
    failed = run_build("properdocs", tmp_path / "site", config=config)
    assert failed.returncode != 0, failed.output
    assert "WARNING -  handbook: theme.font {'text': 'Lato'}" in failed.output, failed.output
    assert "Aborted with 1 warnings in strict mode!" in failed.output, failed.output


def test_a_config_read_from_standard_input_builds(tmp_path: Path) -> None:
    """`mkdocs build -f -`: there is no file for the plugin to read again."""
    config = write_site(tmp_path, pages={"index.md": "# Home\n\nA page.\n"})
    completed = subprocess.run(
        [str(BIN / "mkdocs"), "build", "-f", "-", "-d", str(tmp_path / "site")],
        cwd=tmp_path,
        input=config.read_text(encoding="utf-8"),
        env=BUILD_ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert (tmp_path / "site" / "index.html").is_file()


def test_a_link_with_no_file_name_and_a_link_of_an_earlier_build_are_placed_too(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """MkDocs words a link to no file with a suffix (`signs`) otherwise, at INFO: it is
    placed all the same. A second build in the same process (`mkdocs serve`) counts its
    links afresh: the first of a link written twice is named at its first place again."""
    definition = (
        "Work taken by force: [the signs](signs), [a](debt-bondag.md), [b](debt-bondag.md)."
    )
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n"},
        terms={"labor-exploitation": term_yaml("labor exploitation", definition)},
    )
    term_file = (tmp_path / "glossary" / "labor-exploitation.yml").read_text(encoding="utf-8")
    line = term_file[: term_file.index("definition:")].count("\n") + 1
    written = term_file.splitlines()[line - 1]

    def column(link: str, after: str) -> int:
        """The 1-based column of `link`, the first written after `after`."""
        return written.index(f"]({link}", written.index(after)) + 3

    def messages(site: str) -> list[str]:
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            build_site(config, strict=False, site_dir=tmp_path / site)
        page = "Doc file 'glossary/labor-exploitation.md' contains "
        return [record.getMessage() for record in caplog.records if page in record.getMessage()]

    where = f"glossary/labor-exploitation.yml:{line}"
    expected = [
        f"(written in {where}:{column('signs', 'definition')})",
        f"(written in {where}:{column('debt-bondag.md', '[a]')})",
        f"(written in {where}:{column('debt-bondag.md', '[b]')})",
    ]
    for site in ("first", "second"):
        found = messages(site)
        assert "unrecognized relative link 'signs'" in found[0], found
        assert [message[message.rindex("(written in ") :] for message in found] == expected


def test_a_broken_link_in_a_definition_or_a_step_is_named_where_it_is_written(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """MkDocs names the generated page, which no editor can find in the repository: the
    message says which term or protocol file holds the link, at its line and column."""
    terms = {
        "labor-exploitation": "# was [old](debt-bondag.md), in a comment\n"
        + term_yaml(
            "labor exploitation",
            "Work taken by force. See [debt bondage](debt-bondag.md), [signs](debt-bondag.mdx)"
            " and again [debt bondage](debt-bondag.md).",
        )
    }
    protocol = protocol_yaml("Hotel staff").replace(
        "Call the hotline.", "Call the hotline (see [the steps](../glossary/hotlin.md))."
    )
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n"},
        terms=terms,
        protocols={"hotel": protocol},
        options='privacy: {allow: ["1-888-373-7888"]}\n',
    )
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        build_site(config, strict=False)
    messages = [
        record.getMessage() for record in caplog.records if "contains a link" in record.getMessage()
    ]

    term_file = (tmp_path / "glossary" / "labor-exploitation.yml").read_text(encoding="utf-8")
    protocol_file = (tmp_path / "protocols" / "hotel.yml").read_text(encoding="utf-8")

    def place(text: str, link: str, after: str = "") -> str:
        """line:column of `link` in `text`, written after `after`."""
        before = text[: text.index(f"]({link}", text.index(after)) + 2]
        return f"{before.count(chr(10)) + 1}:{len(before.rsplit(chr(10), 1)[-1]) + 1}"

    # Each use in its place, in the definition (not in the comment); a link is not the
    # start of a longer one.
    places = [
        message.rsplit("(written in ", 1)[-1]
        for message in messages
        if "'glossary/labor-exploitation.md' contains a link" in message
    ]
    definition = "definition:"
    assert places == [
        f"glossary/labor-exploitation.yml:{place(term_file, link, after)})"
        for link, after in [
            ("debt-bondag.md", definition),
            ("debt-bondag.mdx", definition),
            ("debt-bondag.md", "and again"),
        ]
    ], messages
    where = place(protocol_file, "../glossary/hotlin.md", "Call the hotline")
    assert any(
        message.endswith(f"(written in protocols/hotel.yml:{where})") for message in messages
    )

    # Another site built in the same process after it is no handbook: nothing is added.
    other = tmp_path / "other"
    (other / "docs" / "glossary").mkdir(parents=True)
    (other / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (other / "docs" / "glossary" / "labor-exploitation.md").write_text(
        "# Page\n\n[a](nope.md)\n", encoding="utf-8"
    )
    (other / "mkdocs.yml").write_text("site_name: Other\n", encoding="utf-8")
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        build_site(other / "mkdocs.yml", strict=False)
    reported = [
        record.getMessage() for record in caplog.records if "nope.md" in record.getMessage()
    ]
    assert reported and not any("written in" in message for message in reported)


def test_term_files_kept_in_docs_dir_are_published_as_their_pages_only(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Adopter audit: with glossary_dir inside docs_dir, MkDocs also copied each term's
    YAML file to the site as it is, an editor's comments and all."""
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n", "terms/survivor.yml": term_yaml("survivor", "A person.")},
        options="glossary_dir: content/terms\n",
    )
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        site = build_site(config)
    assert (site / "glossary" / "survivor" / "index.html").is_file()
    assert not (site / "terms").exists()
    assert "1 term or protocol file(s) in content/ are published as their pages" in caplog.text


def test_a_link_holding_a_line_break_is_named_where_it_is_written(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Review rv35: MkDocs' message quoting such a link named only the generated page
    (`glossary/survivor.md`, in no repository), just where a pull request hides a
    workflow command in the link; it names the term's file at the link, as for any other.
    Written across two lines of a block, or as an escape in a quoted string."""
    command = "::error file=README.md::Approved"
    block = (
        "term: survivor\nversion: 1\ndefinition: |\n"
        f"  A person. See [p](/y\n  {command}).\n"
        "history:\n  - version: 1\n    date: 2026-01-01\n    summary: First.\n"
    )
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n"},
        terms={
            "survivor": block,
            "victim": term_yaml("victim", f"A person. See [v](/z\n{command})."),
        },
    )
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build_site(config, strict=False)
    said = [r.getMessage() for r in caplog.records if "absolute link" in r.getMessage()]
    victim_file = (tmp_path / "glossary" / "victim.yml").read_text(encoding="utf-8")
    line = victim_file[: victim_file.index("definition:")].count("\n") + 1
    column = victim_file.splitlines()[line - 1].index("](/z") + 3
    assert sorted(message[message.rindex("(written in ") :] for message in said) == [
        "(written in glossary/survivor.yml:4:21)",
        f"(written in glossary/victim.yml:{line}:{column})",
    ], said


def test_properdocs_writes_a_link_holding_a_line_break_on_one_line_at_its_place(
    tmp_path: Path,
) -> None:
    """Review rv35: the filters that write MkDocs' messages on one line, and name where a
    term's link is written, sat on MkDocs' loggers only: under `properdocs build` (its
    own, `properdocs.structure.pages` and `.nav`) a page, term or nav entry of a pull
    request still started a line of CI's log with a workflow command."""
    command = "::error file=README.md::Approved"
    config = write_site(
        tmp_path,
        pages={"index.md": f"# Home\n\nSee [a](/x\n{command}).\n"},
        terms={"victim": term_yaml("victim", f"A person. See [v](/z\n{command}).")},
        extra_config=f"nav:\n  - Home: index.md\n  - X: {json.dumps(f'/q{chr(10)}{command}')}\n",
        theme="material",
    )
    output = run_build("properdocs", tmp_path / "site", config=config, strict=False).output
    assert not [line for line in output.splitlines() if line.lstrip().startswith("::")], output
    said = [line for line in output.splitlines() if f"\\n{command}'" in line]
    assert len(said) == 3, output
    assert any("(written in glossary/victim.yml:" in line for line in said), output


def test_a_readme_set_aside_for_an_index_is_named_on_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Review rv35: MkDocs' files logger names a README.md it leaves out for the index.md
    beside it, quoting the folder's name as it is: a folder of a pull request named with
    a line break started a line of CI's log with its `::error ...`."""
    folder = "x\n::error file=a::Approved"
    config = write_site(
        tmp_path,
        pages={
            "index.md": "# Home\n",
            f"{folder}/README.md": "# R\n",
            f"{folder}/index.md": "# I\n",
        },
    )
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build_site(config, strict=False)
    (said,) = [r.getMessage() for r in caplog.records if "conflicts with" in r.getMessage()]
    assert said == (
        "Excluding 'x\\n::error file=a::Approved/README.md' from the site because it "
        "conflicts with 'x\\n::error file=a::Approved/index.md'."
    )


_PAGE_WITH_A_COMMAND = "p\n::error file=README.md::x.md"
# A hook (mkdocs.yml's `hooks:`) that makes MkDocs' build logger name that page; after
# the handbook's own, which would fill an empty page.
_HOOKS = """
from mkdocs.plugins import event_priority

def on_page_markdown(markdown, page, **kwargs):
    if "::error" in page.file.src_uri and "{event}" == "page_markdown":
        raise ValueError("no")

@event_priority(-10000)
def on_post_page(output, page, **kwargs):
    if "::error" in page.file.src_uri and "{event}" == "post_page":
        return ""
    return output
"""


@pytest.mark.parametrize(
    ("event", "message"),
    [
        ("page_markdown", "Error reading page 'p\\n::error file=README.md::x.md': no"),
        ("post_page", "Page skipped: 'p\\n::error file=README.md::x.md'. Generated empty output."),
    ],
)
def test_the_build_logger_names_a_page_holding_a_line_break_on_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, event: str, message: str
) -> None:
    """MkDocs' build logger (`mkdocs.commands.build`) quotes a page's name as it is in
    "Error reading page '...'" and "Page skipped: '...'": a page of a pull request named
    with a line break started a line of CI's log with the `::error ...` it holds."""
    (tmp_path / "hooks.py").write_text(_HOOKS.replace("{event}", event), encoding="utf-8")
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n", _PAGE_WITH_A_COMMAND: "# P\n"},
        extra_config="hooks:\n  - hooks.py\n",
    )
    # The hook's ValueError, which MkDocs names the page for, ends that build.
    with caplog.at_level(logging.INFO, logger="mkdocs"), contextlib.suppress(ValueError):
        build_site(config, strict=False)
    said = [record.getMessage() for record in caplog.records]
    assert message in said, said
    lines = [line for text in said for line in text.splitlines()]
    assert not [line for line in lines if line.lstrip().startswith("::")], said


@pytest.mark.parametrize("generator", ["mkdocs", "properdocs"])
def test_each_message_of_the_build_logger_naming_a_file_names_it_on_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, generator: str
) -> None:
    """Every message of MkDocs' build.py (and ProperDocs') that names a page or a template
    writes the name on one line, once a process; the plugin's own errors, which that
    logger writes too, keep their lines."""
    import coalition_handbook.plugin.link_sources as link_sources

    config = write_site(tmp_path, pages={"index.md": "# Home\n"})
    build_site(config)  # a build, then the filters once more: still one of each
    link_sources.install({})
    name = "t\n::error file=README.md::x\r.html"
    shown = "t\\n::error file=README.md::x\\r.html"
    written = {
        f"Error reading page '{name}':": f"Error reading page '{shown}':",
        f"Error reading page '{name}': boom": f"Error reading page '{shown}': boom",
        f"Error building page '{name}': boom": f"Error building page '{shown}': boom",
        f"Error reading template '{name}': boom": f"Error reading template '{shown}': boom",
        f"Page skipped: '{name}'. Generated empty output.": (
            f"Page skipped: '{shown}'. Generated empty output."
        ),
        **{
            f"Template skipped: '{name}' {why}.": f"Template skipped: '{shown}' {why}."
            for why in (
                "not found in theme directories",
                "generated empty output",
                "not found in docs_dir",
            )
        },
        **{
            f"{start}{name}": f"{start}{shown}"
            for start in (
                "Building page ",
                "Reading: ",
                "Building theme template: ",
                "Gzipping template: ",
                "Building extra template: ",
                "Building documentation to directory: ",
            )
        },
        "handbook: a.md:1:1: x\nhandbook: b.md:1:1: y": (
            "handbook: a.md:1:1: x\nhandbook: b.md:1:1: y"
        ),
    }
    build_logger = logging.getLogger(f"{generator}.commands.build")
    kinds = [type(one).__name__ for one in build_logger.filters]
    assert kinds.count("NamesOnOneLine") == 1, kinds
    with caplog.at_level(logging.DEBUG, logger=build_logger.name):
        for message in written:
            build_logger.debug(message)
    assert [record.getMessage() for record in caplog.records] == list(written.values())


def test_the_plugins_own_error_names_a_page_holding_a_line_break_on_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The plugin's errors, which MkDocs' build logger writes a line each, named a page as
    it is ("handbook: content/p" and "::error ...x.md:2:11: template 'nope.html' is no
    template of the theme" on a line of its own): a pull request's page named with a line
    break started a line of CI's log with a workflow command."""
    from mkdocs.exceptions import Abort

    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n", _PAGE_WITH_A_COMMAND: "---\ntemplate: nope.html\n---\n"},
    )
    with caplog.at_level(logging.INFO, logger="mkdocs"), pytest.raises(Abort):
        build_site(config, strict=False)
    said = [r.getMessage() for r in caplog.records if r.name == "mkdocs.commands.build"]
    assert (
        "handbook: content/p\\n::error file=README.md::x.md:2:11: template 'nope.html' "
        "is no template of the theme"
    ) in said, said
    lines = [line for text in said for line in text.splitlines()]
    assert not [line for line in lines if line.lstrip().startswith("::")], said
