"""Generated pages rendered by an earlier build come from the cache beside mkdocs.yml, and
only while nothing they depend on has changed."""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment
from jinja2.bccache import bc_magic
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from site_builds import build_site, protocol_yaml, read, run_build, term_yaml, write_site

from coalition_handbook.cache import RunCache
from coalition_handbook.matching import Matcher
from coalition_handbook.plugin import search_index
from coalition_handbook.plugin.shared_markdown import SharedMarkdown
from coalition_handbook.site import render_cache
from coalition_handbook.site.autolink import AutolinkExtension
from coalition_handbook.site.render_cache import PageRenderCache, build_salt

TERMS = {
    "survivor": term_yaml("survivor", "A person who has lived through a crime."),
    "victim": term_yaml("victim", "A person against whom a crime was committed."),
}
PAGES = {"index.md": "# Home\n\nA survivor spoke.\n"}


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Source paths of the pages turned from Markdown into HTML, with counts: by MkDocs,
    or by the converter a build's generated pages share (plugin/shared_markdown.py)."""
    counts: Counter[str] = Counter()
    render = Page.render
    shared_render = SharedMarkdown.render

    def counting(page: Page, config: object, files: object) -> None:
        counts[page.file.src_uri] += 1
        render(page, config, files)  # type: ignore[arg-type]

    def counting_shared(shared: SharedMarkdown, page: Page, files: Files) -> None:
        counts[page.file.src_uri] += 1
        shared_render(shared, page, files)

    monkeypatch.setattr(Page, "render", counting)
    monkeypatch.setattr(SharedMarkdown, "render", counting_shared)
    yield counts


def _html(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in site.rglob("*.html")}


def test_a_second_build_takes_term_pages_from_the_cache(
    tmp_path: Path, rendered: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # the theme prints a build date
    config = write_site(tmp_path, pages=PAGES, terms=TERMS)
    first = _html(build_site(config))
    assert rendered["glossary/survivor.md"] == 1
    rendered.clear()
    second = _html(build_site(config))
    for generated in ("glossary/survivor.md", "glossary/index.md", "changes.md"):
        assert generated not in rendered
    assert rendered["index.md"] == 1  # the author's pages are MkDocs' as ever
    assert second == first


def test_two_sites_built_in_turn_each_take_their_pages_from_the_cache(
    tmp_path: Path, rendered: Counter[str]
) -> None:
    """A build of one config file keeps the rendered pages of another beside it (review:
    building mkdocs.es.yml dropped mkdocs.yml's, and the next English build rendered
    every term page again)."""
    english = write_site(tmp_path, pages=PAGES, terms=TERMS)
    spanish = tmp_path / "mkdocs.es.yml"
    spanish.write_text(
        english.read_text(encoding="utf-8") + "site_dir: site-es\n", encoding="utf-8"
    )
    build_site(english)
    build_site(spanish)
    assert rendered["glossary/survivor.md"] == 2  # each site's first build
    rendered.clear()
    build_site(english)
    build_site(spanish)
    assert "glossary/survivor.md" not in rendered


PERMALINKS = "markdown_extensions:\n  - toc:\n      permalink: true\n"


def test_pages_with_permalinks_come_from_the_cache_too(
    tmp_path: Path, rendered: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A heading's permalink is a link to the page's own anchor, which MkDocs notes: no
    generated page of a site with `toc: permalink` was kept (spd69: the example's 75
    were rendered again by every build)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # the theme prints a build date
    terms = {**TERMS, "victim": term_yaml("victim", "A person.", extra="related: [survivor]\n")}
    config = write_site(tmp_path, pages=PAGES, terms=terms, extra_config=PERMALINKS)
    first = _html(build_site(config))
    assert b'class="headerlink" href="#related-terms"' in first["glossary/victim/index.html"]
    rendered.clear()
    second = _html(build_site(config))
    for generated in ("glossary/survivor.md", "glossary/victim.md", "glossary/index.md"):
        assert generated not in rendered
    assert second == first


def test_a_page_from_the_cache_reports_a_link_to_a_missing_anchor_of_its_own(
    tmp_path: Path, rendered: Counter[str], caplog: pytest.LogCaptureFixture
) -> None:
    """MkDocs checks a page's links to its own anchors once every page is rendered: a
    page kept with its permalinks is checked again, against its anchors kept too."""
    terms = {"survivor": term_yaml("survivor", "See [below](#nowhere).")}
    config = write_site(tmp_path, pages=PAGES, terms=terms, extra_config=PERMALINKS)
    for build in range(2):
        caplog.clear()
        rendered.clear()
        with caplog.at_level(logging.INFO):
            build_site(config, strict=False)
        assert [
            record.getMessage() for record in caplog.records if "#nowhere" in record.getMessage()
        ] == [
            "Doc file 'glossary/survivor.md' contains a link '#nowhere', but there is no "
            "such anchor on this page. (written in glossary/survivor.yml:3:26)"
        ]
        assert ("glossary/survivor.md" in rendered) == (build == 0)


def test_a_render_at_debug_level_is_not_kept(
    tmp_path: Path, rendered: Counter[str], caplog: pytest.LogCaptureFixture
) -> None:
    """At DEBUG level (`mkdocs build -v`) MkDocs notes no page's links to anchors: a page
    rendered then, kept, would have had the next build leave its links unchecked."""
    terms = {
        "survivor": term_yaml("survivor", "See [the victim](victim.md#nowhere)."),
        "victim": TERMS["victim"],
    }
    config = write_site(tmp_path, pages=PAGES, terms=terms)
    with caplog.at_level(logging.DEBUG, logger="mkdocs"):
        build_site(config, strict=False)
    caplog.clear()
    rendered.clear()
    with caplog.at_level(logging.INFO):
        build_site(config, strict=False)
    assert "glossary/survivor.md" in rendered
    assert any("'victim.md#nowhere'" in record.getMessage() for record in caplog.records)


def test_a_page_kept_while_links_went_unreported_reports_them_once_they_are(
    tmp_path: Path, rendered: Counter[str], caplog: pytest.LogCaptureFixture
) -> None:
    """With `validation: not_found: ignore` MkDocs notes a missing target at DEBUG level,
    so the render said nothing and was kept (with `toc: permalink`, as the example, since
    9a3d34f8): once set to `warn`, the next build must report it, as a cold one does."""
    terms = {"survivor": term_yaml("survivor", "See [the form](missing.md).")}
    for level in ("ignore", "warn"):
        extra = f"{PERMALINKS}validation:\n  not_found: {level}\n"
        config = write_site(tmp_path, pages=PAGES, terms=terms, extra_config=extra)
        caplog.clear()
        with caplog.at_level(logging.INFO):
            build_site(config, strict=False)
    assert any("'missing.md'" in record.getMessage() for record in caplog.records)


def test_an_absolute_link_made_relative_once_set_so_is_made_relative_on_a_kept_page(
    tmp_path: Path,
) -> None:
    """`validation: absolute_links: relative_to_docs` rewrites the link where `ignore`
    left it as written, at DEBUG level (the page kept): the next build must not publish
    the kept page's `/glossary/victim.md`, which no site serves."""
    terms = {**TERMS, "survivor": term_yaml("survivor", "See [the victim](/glossary/victim.md).")}
    for level in ("ignore", "relative_to_docs"):
        extra = f"{PERMALINKS}validation:\n  absolute_links: {level}\n"
        config = write_site(tmp_path, pages=PAGES, terms=terms, extra_config=extra)
        site = build_site(config, strict=False)
    assert 'href="../victim/">the victim' in read(site, "glossary/survivor/index.html")


def test_without_the_cache_every_term_page_is_rendered(
    tmp_path: Path, rendered: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    config = write_site(tmp_path, pages=PAGES, terms=TERMS)
    build_site(config)
    build_site(config)
    assert rendered["glossary/survivor.md"] == 2
    assert not (tmp_path / ".cache" / "handbook" / "site-pages.pickle").exists()


def test_a_page_from_the_cache_loses_its_editors_comments_too(
    tmp_path: Path, rendered: Counter[str]
) -> None:
    """The cache keeps a generated page's HTML as Markdown made it, comments and all: they
    are taken out of every build's pages, the cached ones too (site/html_comments.py)."""
    protocol = protocol_yaml("Hotel").replace("detail: Do not", "detail: <!-- NOTE --> Do not")
    config = write_site(
        tmp_path,
        pages=PAGES,
        terms=TERMS,
        protocols={"hotel": protocol},
        options='privacy: {allow: ["1-888-373-7888", "233733"]}\n',
    )
    first = build_site(config)
    assert "NOTE" not in read(first, "protocols/hotel/index.html")
    rendered.clear()
    second = build_site(config, site_dir=tmp_path / "second")
    assert "protocols/hotel.md" not in rendered
    assert read(second, "protocols/hotel/index.html") == read(first, "protocols/hotel/index.html")


def test_a_changed_definition_renders_its_page_again(tmp_path: Path) -> None:
    config = write_site(tmp_path, pages=PAGES, terms=TERMS)
    build_site(config)
    (tmp_path / "glossary" / "survivor.yml").write_text(
        term_yaml("survivor", "Someone who came through it."), encoding="utf-8"
    )
    site = build_site(config)
    assert "Someone who came through it." in read(site, "glossary/survivor/index.html")


def test_a_new_version_of_a_term_renders_only_the_pages_that_show_it(
    tmp_path: Path, rendered: Counter[str]
) -> None:
    config = write_site(tmp_path, pages=PAGES, terms=TERMS)
    build_site(config)
    rendered.clear()
    (tmp_path / "glossary" / "survivor.yml").write_text(
        term_yaml("survivor", "A person who has lived through a crime.", version=2),
        encoding="utf-8",
    )
    site = build_site(config)
    assert "This is version 2 of the term." in read(site, "glossary/survivor/index.html")
    assert {"glossary/survivor.md", "changes.md"} <= set(rendered)
    assert "glossary/victim.md" not in rendered  # autolinks depend on forms, not history


def test_a_new_form_of_another_term_renders_a_page_again(tmp_path: Path) -> None:
    config = write_site(tmp_path, pages=PAGES, terms=TERMS)
    site = build_site(config)
    assert 'data-term="victim"' not in read(site, "glossary/survivor/index.html")
    (tmp_path / "glossary" / "victim.yml").write_text(
        term_yaml(
            "victim", "A person against whom a crime was committed.", extra="aliases: [crime]\n"
        ),
        encoding="utf-8",
    )
    site = build_site(config)
    assert 'data-term="victim"' in read(site, "glossary/survivor/index.html")


def test_a_new_term_is_autolinked_on_pages_rendered_before(tmp_path: Path) -> None:
    """Another term's forms decide a page's autolinks: a new term invalidates the page."""
    config = write_site(tmp_path, pages=PAGES, terms=TERMS)
    site = build_site(config)
    assert 'data-term="crime"' not in read(site, "glossary/survivor/index.html")
    (tmp_path / "glossary" / "crime.yml").write_text(
        term_yaml("crime", "An act the law punishes."), encoding="utf-8"
    )
    site = build_site(config)
    assert 'data-term="crime"' in read(site, "glossary/survivor/index.html")


def test_a_render_that_logged_is_rendered_again_and_logs_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    terms = {"survivor": term_yaml("survivor", "See [the guide](../missing.md).")}
    config = write_site(tmp_path, pages=PAGES, terms=terms)
    for _ in range(2):
        caplog.clear()
        with caplog.at_level(logging.INFO):
            build_site(config, strict=False)
        assert any("missing.md" in record.getMessage() for record in caplog.records)


def _salt(**changes: object) -> str:
    values: dict[str, object] = {
        "extensions": ["toc", "tables", AutolinkExtension()],
        "extension_options": {"toc": {"permalink": True, "slugify": str.lower}},
        "autolink": "first",
        "terms": (("victim", "victim", ()),),
        "file_urls": {"index.md": "", "glossary/victim.md": "glossary/victim/"},
        "logs_info": True,
    }
    return build_salt(**{**values, **changes})  # type: ignore[arg-type]


def test_the_salt_is_the_same_for_the_same_setup_in_another_process() -> None:
    """Extension objects and functions count by their class and name, not their address."""
    assert _salt() == _salt(extensions=["toc", "tables", AutolinkExtension()])


@pytest.mark.parametrize(
    "change",
    [
        {"extensions": ["toc", AutolinkExtension()]},
        {"extension_options": {"toc": {"permalink": False, "slugify": str.lower}}},
        {"extension_options": {"toc": {"permalink": True, "slugify": str.upper}}},
        {"autolink": "all"},
        {"terms": (("victim", "victim", ("victims of crime",)),)},
        {"file_urls": {"index.md": "", "glossary/victim.md": "glossary/victim.html"}},
        {"logs_info": False},
        {"language": "es"},
    ],
)
def test_the_salt_changes_with_what_a_page_depends_on(change: dict[str, object]) -> None:
    assert _salt(**change) != _salt()


def _slugify_by(separator: str) -> Callable[[str, str], str]:
    """A slugify a factory made: its setting is in its closure (a self-made toc option)."""

    def slugify(text: str, sep: str) -> str:
        return slugify_again(text, separator)

    slugify_again = slugify  # the function holds itself: read one level deep
    return slugify


def test_the_salt_changes_with_a_toc_slugify_s_settings() -> None:
    """Session 64: toc's `slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds:
    {case: lower}}` counted as `functools.partial` alone, so changed to `case: none` a
    warm build kept the pages' heading ids (`t-visa` for `T-Visa`), their anchors dead."""
    from pymdownx.slugs import slugify

    def salt(function: object) -> str:
        return _salt(extension_options={"toc": {"permalink": True, "slugify": function}})

    assert salt(slugify(case="lower")) == salt(slugify(case="lower"))
    assert salt(slugify(case="lower")) != salt(slugify(case="none"))
    assert salt(slugify(case="lower")) != salt(slugify(case="lower", percent_encode=True))
    assert salt(_slugify_by("-")) == salt(_slugify_by("-"))
    assert salt(_slugify_by("-")) != salt(_slugify_by("_"))


def test_a_warm_build_gives_headings_the_ids_of_toc_s_slugify_now(tmp_path: Path) -> None:
    """The same change, built: a term page's heading ids follow the case of the build."""
    extension = (
        "markdown_extensions:\n  - toc:\n      permalink: true\n      slugify: "
        "!!python/object/apply:pymdownx.slugs.slugify {kwds: {case: %s}}\n"
    )
    terms = {"t-visa": term_yaml("T-Visa", "A visa for a survivor of trafficking.")}
    for case, heading in [("lower", 'id="t-visa"'), ("none", 'id="T-Visa"')]:
        config = write_site(tmp_path, pages=PAGES, terms=terms, extra_config=extension % case)
        site = build_site(config, strict=False)
        assert heading in read(site, "glossary/t-visa/index.html")


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Source paths of the pages whose HTML Material's search parsed, in build order."""
    from material.plugins.search import plugin as material_search

    found: list[str] = []
    add_entry = material_search.SearchIndex.add_entry_from_context

    def counting(index: object, page: Page) -> None:
        if not (page.meta.get("search") or {}).get("exclude"):
            found.append(page.file.src_uri)
        add_entry(index, page)

    monkeypatch.setattr(material_search.SearchIndex, "add_entry_from_context", counting)
    return found


def _search_index(site: Path) -> dict[str, dict[str, Any]]:
    """The built search index's entries by location."""
    docs = json.loads(read(site, "search/search_index.json"))["docs"]
    return {entry["location"]: entry for entry in docs}


def test_search_entries_come_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parsed: list[str]
) -> None:
    """Material's search parses a page once, written or generated; later builds reuse its
    entries, and the index and pages come out the same."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    config = write_site(tmp_path, pages=PAGES, terms=TERMS, theme="material", search=True)
    first_site = build_site(config)
    first = {**_html(first_site), "index": read(first_site, "search/search_index.json")}
    assert {"glossary/survivor.md", "index.md"} <= set(parsed)
    parsed.clear()
    second_site = build_site(config)
    second = {**_html(second_site), "index": read(second_site, "search/search_index.json")}
    assert parsed == []
    assert second == first
    assert '"location":"glossary/survivor/"' in second["index"].replace(" ", "")
    survivor = next(
        entry
        for entry in json.loads(second["index"])["docs"]
        if entry["location"] == "glossary/survivor/"
    )
    # kept with the cached entries
    assert survivor["handbook_forms"] == "survivor's survivors survivors'"


def test_entries_from_the_cache_are_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The entries kept in the cache were kept with their quotes, words and phone numbers
    read (`finish_search_entries`): a later build takes them as they are, and its index is
    the first one's, byte for byte. Reading them again cost about 0.14 s a build of 1000
    pages."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    pages = {"index.md": "# Children's shelters\n\nA survivor called 1-888-373-7888.\n"}
    config = write_site(
        tmp_path,
        pages=pages,
        terms=TERMS,
        theme="material",
        search=True,
        options='privacy: {allow: ["1-888-373-7888"]}\n',
    )
    first = read(build_site(config), "search/search_index.json")
    read_again: list[str] = []
    for name in ("with_plain_quotes", "with_text_as_read", "add_search_numbers"):
        original = getattr(search_index, name)

        def counting(entries: list[dict[str, Any]], name: str = name, original=original) -> None:
            read_again.extend(f"{name} {entry['location']}" for entry in entries)
            original(entries)

        monkeypatch.setattr(search_index, name, counting)
    second = read(build_site(config), "search/search_index.json")
    assert read_again == []
    assert second == first
    home = _search_index(tmp_path / "site")[""]
    assert home["title"] == "Children's shelters"
    assert home["handbook_numbers"] == "18883737888 8883737888 3737888"


_NUMBER_PAGES = {"index.md": "# Children's shelters\n\nA survivor called 1-888-373-7888.\n"}
_EDITS: dict[str, dict[str, Any]] = {
    "a term's forms": {
        "terms": {
            **TERMS,
            "survivor": term_yaml(
                "survivor", "A person who has lived through a crime.", extra="aliases: [called]\n"
            ),
        }
    },
    "privacy.allow": {"options": 'privacy: {allow: ["1-888-373-7888", "233733"]}\n'},
    "the language": {"theme_options": "language: es"},
}


@pytest.mark.parametrize("edit", sorted(_EDITS))
def test_a_warm_build_after_an_edit_indexes_as_a_cold_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str
) -> None:
    """Review of the skip above: what the entries from the cache are not read again for
    (quotes, words, phone numbers) depends on them alone, not on the glossary, the
    privacy settings or the language; the index of a build with the cache after each
    edit is a build's without it, byte for byte."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    settings: dict[str, Any] = {
        "pages": _NUMBER_PAGES,
        "terms": TERMS,
        "theme": "material",
        "search": True,
        "options": 'privacy: {allow: ["1-888-373-7888"]}\n',
    }
    warm = tmp_path / "warm"
    before = read(build_site(write_site(warm, **settings)), "search/search_index.json")
    edited = {**settings, **_EDITS[edit]}
    after = read(build_site(write_site(warm, **edited)), "search/search_index.json")
    cold = read(build_site(write_site(tmp_path / "cold", **edited)), "search/search_index.json")
    assert after == cold
    assert "18883737888" in after
    if edit != "privacy.allow":
        assert after != before


def test_the_search_options_are_written_once_a_build_not_once_a_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing the search plugin's options into each page's search key was most of what
    the key cost (a build has a page per term): they are the same object for every page
    of a build, written once. Other options still give other keys."""
    written: list[object] = []
    stable = render_cache.stable_text

    def counting(value: object) -> str:
        written.append(value)
        return stable(value)

    monkeypatch.setattr(render_cache, "stable_text", counting)
    cache = PageRenderCache(RunCache(tmp_path), "salt")
    options = {"lang": ["en"], "separator": "[\\s\\-]+"}
    keys = {cache.search_key(f"<p>{n}</p>", f"p{n}/", None, {}, options) for n in range(5)}
    assert len(keys) == 5
    assert sum(value is options for value in written) == 1
    other = {"lang": ["de"], "separator": "[\\s\\-]+"}
    assert cache.search_key("<p>0</p>", "p0/", None, {}, other) not in keys
    assert cache.search_key("<p>0</p>", "p0/", None, {}, options) in keys


def test_a_page_is_indexed_again_when_its_text_changes(tmp_path: Path, parsed: list[str]) -> None:
    config = write_site(tmp_path, pages=PAGES, terms=TERMS, theme="material", search=True)
    build_site(config)
    (tmp_path / "content" / "index.md").write_text("# Home\n\nA survivor spoke today.\n", "utf-8")
    parsed.clear()
    site = build_site(config)
    assert parsed == ["index.md"]
    assert "spoke today" in _search_index(site)[""]["text"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # A page's words before its first heading are found under the page's title,
        # which the nav can give, its HTML unchanged.
        ("nav: [{Welcome: index.md}]\n", "nav: [{Start here: index.md}]\n"),
        ("", "nav: [{Start here: index.md}]\n"),
    ],
)
def test_a_page_is_indexed_again_when_its_title_changes(
    tmp_path: Path, parsed: list[str], before: str, after: str
) -> None:
    pages = {"index.md": "A survivor spoke.\n"}
    config = write_site(
        tmp_path, pages=pages, terms=TERMS, theme="material", search=True, extra_config=before
    )
    build_site(config)
    config.write_text(
        config.read_text("utf-8").replace(before, after, 1)
        if before
        else after + config.read_text("utf-8"),
        "utf-8",
    )
    parsed.clear()
    site = build_site(config)
    assert parsed == ["index.md"]
    assert _search_index(site)[""]["title"] == "Start here"


def test_front_matter_changes_what_a_page_is_indexed_with(
    tmp_path: Path, parsed: list[str]
) -> None:
    config = write_site(tmp_path, pages=PAGES, terms=TERMS, theme="material", search=True)
    build_site(config)
    page = tmp_path / "content" / "index.md"
    page.write_text("---\nsearch: {boost: 2}\n---\n" + PAGES["index.md"], "utf-8")
    parsed.clear()
    site = build_site(config)
    assert parsed == ["index.md"]
    assert _search_index(site)[""]["boost"] == 2


def test_front_matter_of_generated_pages_comes_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs.utils import meta

    config = write_site(tmp_path, pages=PAGES, terms=TERMS, theme="material")
    build_site(config)
    parsed: list[str] = []
    get_data = meta.get_data

    def counting(source: str) -> tuple[str, dict[str, object]]:
        parsed.append(source)
        return get_data(source)

    monkeypatch.setattr("coalition_handbook.plugin.generated_page.get_data", counting)
    site = build_site(config)
    assert not any('title: "survivor"' in source for source in parsed)
    assert "<title>survivor - Tiny handbook</title>" in read(site, "glossary/survivor/index.html")


def test_the_mkdocs_command_reports_a_pages_warning_on_every_build(tmp_path: Path) -> None:
    """`mkdocs` keeps its logger from propagating: a render that warned there is not kept
    either, so --strict fails the warm build as it failed the first."""
    terms = {"survivor": term_yaml("survivor", "See [the guide](../missing.md).")}
    config = write_site(tmp_path, pages=PAGES, terms=terms)
    for _ in range(2):
        build = run_build("mkdocs", tmp_path / "site", config=config, strict=True)
        assert build.returncode != 0
        assert "missing.md" in build.output


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The file names of the templates Jinja compiled from source."""
    names: list[str] = []
    compile_source = Environment.compile

    def counting(self: Environment, source: str, name: str | None = None, *args: Any) -> Any:
        names.append(name or "")
        return compile_source(self, source, name, *args)

    monkeypatch.setattr(Environment, "compile", counting)
    yield names


def test_a_second_build_takes_the_theme_templates_compiled(
    tmp_path: Path, compiled: list[str]
) -> None:
    config = write_site(tmp_path, pages=PAGES, terms=TERMS, theme="material")
    build_site(config)
    assert "main.html" in compiled and "hb-term.html" in compiled
    compiled.clear()
    build_site(config)
    assert "main.html" not in compiled and "hb-term.html" not in compiled


def test_without_the_cache_the_theme_templates_are_compiled_again(
    tmp_path: Path, compiled: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    config = write_site(tmp_path, pages=PAGES, terms=TERMS, theme="material")
    build_site(config)
    compiled.clear()
    build_site(config)
    assert "main.html" in compiled
    assert not (tmp_path / ".cache").exists()


def test_a_cache_folder_that_cannot_be_written_only_costs_time(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Said once, as a cache folder that is a link is: a warning, so --strict fails."""
    config = write_site(tmp_path, pages=PAGES, terms=TERMS, theme="material")
    (tmp_path / ".cache").write_text("a file where the cache folder would be\n")
    with caplog.at_level(logging.WARNING):
        site = build_site(config, strict=False)
    assert "survivor" in read(site, "glossary/survivor/index.html")
    assert [record.getMessage() for record in caplog.records] == [
        "handbook: .cache is not a folder: the cache is not read or written in this run "
        "(runs keep their cache files in a folder of that name; remove the file)"
    ]


def test_damaged_compiled_templates_are_compiled_again(tmp_path: Path, compiled: list[str]) -> None:
    config = write_site(tmp_path, pages=PAGES, terms=TERMS, theme="material")
    build_site(config)
    for path in (tmp_path / ".cache" / "handbook" / "templates").glob("*/*"):
        path.write_bytes(bc_magic + b"damaged")
    compiled.clear()
    site = build_site(config)
    assert "main.html" in compiled
    assert "survivor" in read(site, "glossary/survivor/index.html")


def test_a_dirty_rebuild_keeps_one_search_entry_a_section(tmp_path: Path) -> None:
    """`mkdocs serve --dirty` rebuilds the changed pages and the handbook's generated
    ones; Material's search kept the previous index less one page's entries, so each
    rebuild added another copy of the others (audit: 478 entries, then 1,752)."""
    import os

    from handbooks import make_handbook
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_file = make_handbook(
        tmp_path, "# Home\n\nA page for a person experiencing homelessness.\n"
    )
    (tmp_path / "content" / "other.md").write_text("# Other\n\n## Part\n\nText.\n", "utf-8")
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="serve", dirty=True)
    index = tmp_path / "site" / "search" / "search_index.json"

    def locations() -> Counter[str]:
        return Counter(entry["location"] for entry in json.loads(index.read_text())["docs"])

    build(config, dirty=True)
    first = locations()
    assert first["glossary/person-experiencing-homelessness/"] == 1
    for edit in range(2):
        home = tmp_path / "content" / "index.md"
        home.write_text(home.read_text() + f"\nEdit {edit}.\n", "utf-8")
        os.utime(home, (home.stat().st_atime + 10 * (edit + 1),) * 2)  # newer than its page
        build(config, dirty=True)
        assert locations() == first


def test_a_dirty_rebuild_drops_the_search_entries_of_gone_pages(tmp_path: Path) -> None:
    """`mkdocs serve --dirty` kept the previous index's entries of every page it did not
    rebuild, also of a page removed since: a deleted term was still found by search, its
    result a page that is gone from a full build (serve audit)."""
    from handbooks import make_handbook
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_file = make_handbook(tmp_path, "# Home\n\nA calm page.\n")
    (tmp_path / "content" / "other.md").write_text("# Other\n\nText.\n", "utf-8")
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="serve", dirty=True)
    index = tmp_path / "site" / "search" / "search_index.json"

    def pages() -> set[str]:
        docs = json.loads(index.read_text())["docs"]
        return {entry["location"].partition("#")[0] for entry in docs}

    build(config, dirty=True)
    assert {"other/", "glossary/person-experiencing-homelessness/"} <= pages()
    (tmp_path / "content" / "other.md").unlink()
    (tmp_path / "glossary" / "person-experiencing-homelessness.yml").unlink()
    build(config, dirty=True)
    assert pages().isdisjoint({"other/", "glossary/person-experiencing-homelessness/"})
    assert "" in pages()  # the home page, not rebuilt, keeps its entries


def test_a_dirty_rebuild_removes_the_pages_and_handouts_of_gone_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Task site63: `mkdocs serve --dirty` kept serving a deleted term's page and a
    deleted module's handout (MkDocs leaves a dirty build's old files, as it does a
    deleted Markdown page's: its own). The plugin removes what it made, with the folder
    the page leaves empty; a module back again has its handout back."""
    import os

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from test_handouts import FakeRenderer, write_handbook

    from coalition_handbook.site import handout_render

    monkeypatch.setattr(handout_render, "render_pdf", FakeRenderer(failing=set()))
    config_file = write_handbook(tmp_path)
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="serve", dirty=True)
    site = tmp_path / "site"
    term_page = site / "glossary" / "labor-trafficking" / "index.html"
    handout = site / "handouts" / "community.pdf"
    build(config, dirty=True)
    assert term_page.is_file() and handout.is_file()

    module = tmp_path / "content" / "modules" / "community.md"
    module_text = module.read_text("utf-8")
    module.unlink()
    (tmp_path / "glossary" / "labor-trafficking.yml").unlink()
    build(config, dirty=True)
    assert not term_page.parent.exists() and not handout.exists()
    assert (site / "glossary" / "survivor" / "index.html").is_file()
    assert (site / "handouts" / "hotel-staff.pdf").is_file()

    module.write_text(module_text, "utf-8")
    os.utime(module.parent, (module.stat().st_mtime + 10,) * 2)
    build(config, dirty=True)
    assert handout.is_file()


@pytest.mark.parametrize("how", ["handouts-off", "draft"])
def test_a_dirty_rebuild_removes_a_handout_it_no_longer_publishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """Task pdf64: under `mkdocs serve --dirty`, with `handouts: false`, or a module left
    out as a draft (exclude_docs), its page said there is no handout while the PDF of
    the build before was still served; it is back when the handout is."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from test_handouts import FakeRenderer, write_handbook

    from coalition_handbook.site import handout_render

    monkeypatch.setattr(handout_render, "render_pdf", FakeRenderer(failing=set()))
    config_file = write_handbook(tmp_path)
    settings = config_file.read_text("utf-8")
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="serve", dirty=True)
    handout = tmp_path / "site" / "handouts" / "community.pdf"
    build(config, dirty=True)
    assert handout.is_file()

    if how == "handouts-off":
        config.plugins["handbook"].config.handouts = False
    else:
        config_file.write_text(f"{settings}\nexclude_docs: modules/community.md\n", "utf-8")
        config = load_config(config_file=str(config_file))
    build(config, dirty=True)
    assert not handout.exists()
    assert (tmp_path / "site" / "handouts" / "hotel-staff.pdf").is_file() == (how == "draft")

    if how == "handouts-off":
        config.plugins["handbook"].config.handouts = True
    else:
        config_file.write_text(settings, "utf-8")
        config = load_config(config_file=str(config_file))
    build(config, dirty=True)
    assert handout.is_file()


@pytest.mark.parametrize("setting", ["exclude_docs", "draft_docs"])
def test_a_draft_s_handout_goes_from_a_first_dirty_build_and_comes_under_serve(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str
) -> None:
    """Session 64: a module `mkdocs build` leaves out with `draft_docs` had its handout
    made and published, and a first `mkdocs build --dirty` (no build before it in the
    process) left the PDF of the build before in the site, with exclude_docs too. Under
    `mkdocs serve`, which shows drafts (not those of exclude_docs), it has its handout."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.config.defaults import MkDocsConfig
    from test_handouts import FakeRenderer, write_handbook

    from coalition_handbook.site import handout_render

    monkeypatch.setattr(handout_render, "render_pdf", FakeRenderer(failing=set()))
    config_file = write_handbook(tmp_path)
    handout = tmp_path / "site" / "handouts" / "community.pdf"

    def built(command: str, *, dirty: bool) -> str:
        """The modules' index of a build run as a new `mkdocs` process runs it."""
        MkDocsConfig.plugins.plugin_cache.clear()  # MkDocs keeps them for a process
        config = load_config(config_file=str(config_file))
        config.plugins.on_startup(command=command, dirty=dirty)
        build(config, dirty=dirty)
        return (tmp_path / "site" / "modules" / "index.html").read_text("utf-8")

    assert "community/" in built("build", dirty=False) and handout.is_file()
    settings = config_file.read_text("utf-8")
    config_file.write_text(f"{settings}\n{setting}: modules/community.md\n", "utf-8")
    assert "community/" not in built("build", dirty=True)
    assert not handout.exists()
    assert (tmp_path / "site" / "handouts" / "hotel-staff.pdf").is_file()
    assert "community/" not in built("build", dirty=False) and not handout.exists()
    shown = built("serve", dirty=True)
    assert ("community/" in shown) == handout.is_file() == (setting == "draft_docs")


def test_a_dirty_rebuild_keeps_and_links_the_pdf_of_a_handout_failing_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Review rv65c: a dirty build whose handout failed, the cache holding no PDF of it
    (cleared, or never written), logged that it kept the previous PDF of the site, then
    removed it as one it does not publish, its page's link taken off. The PDF there is
    the module's last good one, as for `handbook handouts`: kept, linked, as said."""
    import shutil

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from test_handouts import FakeRenderer, write_handbook

    from coalition_handbook.site import handout_render

    monkeypatch.setattr(handout_render, "render_pdf", FakeRenderer(failing=set()))
    config = load_config(config_file=str(write_handbook(tmp_path)))
    config.plugins.on_startup(command="serve", dirty=True)
    site = tmp_path / "site"
    build(config, dirty=True)
    published = (site / "handouts" / "community.pdf").read_bytes()

    shutil.rmtree(tmp_path / ".cache")
    monkeypatch.setattr(handout_render, "render_pdf", FakeRenderer(failing={"community"}))
    monkeypatch.delenv("CI", raising=False)  # CI=true fails a build whose handout fails
    with caplog.at_level(logging.WARNING):
        build(config, dirty=True)
    assert "kept the previous site/handouts/community.pdf" in caplog.text
    assert (site / "handouts" / "community.pdf").read_bytes() == published
    page = (site / "modules" / "community" / "index.html").read_text("utf-8")
    assert 'href="../../handouts/community.pdf"' in page


def test_a_dirty_build_names_a_link_to_nothing_where_the_handouts_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A dirty build empties no site folder: a `site/handouts` left a link to nothing
    failed the build with `[Errno 17] File exists: '.../community.pdf'` (a leftover of
    task site63). The build stops with one line naming it, as `handbook handouts` does."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort
    from test_handouts import FakeRenderer, write_handbook

    from coalition_handbook.site import handout_render

    monkeypatch.setattr(handout_render, "render_pdf", FakeRenderer(failing=set()))
    monkeypatch.chdir(tmp_path)
    config = load_config(config_file=str(write_handbook(tmp_path)))
    config.plugins.on_startup(command="serve", dirty=True)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "handouts").symlink_to(tmp_path / "moved")
    with pytest.raises(Abort), caplog.at_level(logging.ERROR):
        build(config, dirty=True)
    assert [
        record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR
    ] == [
        "site/handouts is a link to nothing, where a folder must be for the PDFs to go into "
        "site/handouts; move it away"
    ]


def test_a_dirty_rebuild_renders_again_the_pages_a_glossary_edit_changes(tmp_path: Path) -> None:
    """`mkdocs serve --dirty` rebuilt the pages whose Markdown changed only: after a term's
    definition was edited, a page using the term kept the old one as its link's tooltip,
    and after the term was deleted, a link to its gone page (serve audit). The glossary,
    protocols and mkdocs.yml are the pages' sources too: a page older than one is rebuilt."""
    import os

    from handbooks import make_handbook
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_file = make_handbook(
        tmp_path, "# Home\n\nA page for a person experiencing homelessness.\n"
    )
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="serve", dirty=True)
    home = tmp_path / "site" / "index.html"
    term = tmp_path / "glossary" / "person-experiencing-homelessness.yml"
    build(config, dirty=True)
    assert "fixed, regular and adequate" in home.read_text("utf-8")

    later = home.stat().st_mtime + 10  # the edit is saved after the page was built
    term.write_text(term.read_text("utf-8").replace("fixed, regular", "stable"), "utf-8")
    os.utime(term, (later, later))
    build(config, dirty=True)
    assert "stable and adequate" in home.read_text("utf-8")
    assert "fixed, regular" not in home.read_text("utf-8")

    term.unlink()  # which changes the folder's time, as a rename does
    os.utime(term.parent, (later + 10, later + 10))
    build(config, dirty=True)
    assert "person-experiencing-homelessness/" not in home.read_text("utf-8")


def test_a_dangling_link_among_a_dirty_rebuild_s_sources_is_no_traceback(tmp_path: Path) -> None:
    """The sources' newest change is read from each entry's own time: a symbolic link
    left dangling in the glossary (or a file removed while serve walks it) raised
    FileNotFoundError out of the build."""
    from coalition_handbook.plugin.dirty_pages import newest_change

    glossary = tmp_path / "glossary"
    glossary.mkdir()
    (glossary / "kept.yml").write_text("term: x\n", "utf-8")
    (glossary / "gone.yml").symlink_to(tmp_path / "nowhere.yml")
    written = max(path.lstat().st_mtime for path in (glossary, *glossary.iterdir()))
    assert newest_change([glossary, tmp_path / "missing.yml"]) == written


@pytest.fixture
def scanned(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts autolinking scanned for the terms' forms."""
    texts: list[str] = []
    scan = Matcher.scan

    def counting(matcher: Matcher, text: str) -> list[Any]:
        texts.append(text)
        return scan(matcher, text)

    monkeypatch.setattr(Matcher, "scan", counting)
    return texts


WRITTEN = {"index.md": "# Home\n\nA survivor spoke, and a survivor listened.\n"}


def test_a_warm_build_scans_no_written_page_again(
    tmp_path: Path, scanned: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    config = write_site(tmp_path, pages=WRITTEN, terms=TERMS)
    first = _html(build_site(config))
    assert any("survivor listened" in text for text in scanned)
    scanned.clear()
    second = _html(build_site(config))
    assert scanned == []
    assert second == first
    assert b'data-term="survivor"' in second["index.html"]


def test_an_edited_short_definition_is_every_links_tooltip(
    tmp_path: Path, scanned: list[str]
) -> None:
    config = write_site(tmp_path, pages=WRITTEN, terms=TERMS)
    build_site(config)
    scanned.clear()
    (tmp_path / "glossary" / "survivor.yml").write_text(
        term_yaml(
            "survivor", "A person who has lived through a crime.", extra="short: Lived on.\n"
        ),
        encoding="utf-8",
    )
    site = build_site(config)
    assert not any("survivor listened" in text for text in scanned)  # the same forms
    assert 'title="Lived on."' in read(site, "index.html")
    assert "A person who has lived through a crime." not in read(site, "index.html")


def test_a_new_form_scans_the_written_pages_again(tmp_path: Path, scanned: list[str]) -> None:
    config = write_site(tmp_path, pages=WRITTEN, terms=TERMS)
    build_site(config)
    scanned.clear()
    (tmp_path / "glossary" / "victim.yml").write_text(
        term_yaml(
            "victim", "A person against whom a crime was committed.", extra="aliases: [spoke]\n"
        ),
        encoding="utf-8",
    )
    site = build_site(config)
    assert any("survivor listened" in text for text in scanned)
    assert 'data-term="victim"' in read(site, "index.html")


def test_the_autolink_option_applies_to_a_page_scanned_before(tmp_path: Path) -> None:
    config = write_site(tmp_path, pages=WRITTEN, terms=TERMS)
    assert read(build_site(config), "index.html").count('data-term="survivor"') == 1
    write_site(tmp_path, pages=WRITTEN, terms=TERMS, options="autolink: all\n")
    assert read(build_site(config), "index.html").count('data-term="survivor"') == 2


def test_a_page_rendered_in_spanish_is_rendered_again_when_the_language_changes(
    tmp_path: Path,
) -> None:
    """A term page's autolinks find the plurals of the site's language: a page kept from
    a Spanish build linked 'explotadores' on a French site, which takes English ones
    (the Markdown of the page is the same in both: its English labels are marked alike)."""
    terms = {
        "explotador": term_yaml("explotador", "Quien se lucra del trabajo de otra persona."),
        "victima": term_yaml("víctima", "Persona captada por explotadores."),
    }
    pages = {"index.md": "# Inicio\n"}
    config = write_site(tmp_path, pages=pages, terms=terms, theme_options="language: es")
    site = build_site(config)
    assert 'data-term="explotador"' in read(site, "glossary/victima/index.html")
    config = write_site(tmp_path, pages=pages, terms=terms, theme_options="language: fr")
    site = build_site(config)
    assert 'data-term="explotador"' not in read(site, "glossary/victima/index.html")


def test_an_edited_abbreviation_of_auto_append_shows_on_a_warm_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review rv67b: Material's abbreviation glossary (pymdownx.snippets' `auto_append`)
    is added to every page, generated ones too, but its text was no part of the key: a
    warm build kept the old expansion on term pages, in the `<abbr>` and in the term
    link's tooltip that now starts with it (d1c91a6e)."""
    monkeypatch.chdir(tmp_path)  # the extension reads `base_path: .` from where MkDocs runs
    terms = {
        "hotline": term_yaml("hotline", "A number to call: the HSI Tip Line, or HSI's office."),
        "hsi-tip-line": term_yaml("HSI Tip Line", "The tip line of Homeland Security."),
    }
    config = write_site(
        tmp_path,
        pages=PAGES,
        terms=terms,
        extra_config=(
            "markdown_extensions:\n  - abbr\n  - pymdownx.snippets:\n"
            "      auto_append: [includes/abbreviations.md]\n"
        ),
    )
    glossary = tmp_path / "includes" / "abbreviations.md"
    glossary.parent.mkdir()
    glossary.write_text("*[HSI]: Homeland Security Investigations\n", encoding="utf-8")
    build_site(config)
    glossary.write_text("*[HSI]: Homeland Security Investigations (US)\n", encoding="utf-8")
    page = read(build_site(config), "glossary/hotline/index.html")
    assert '<abbr title="Homeland Security Investigations (US)">HSI</abbr>' in page
    assert 'title="HSI: Homeland Security Investigations (US). The tip line' in page
