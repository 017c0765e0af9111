"""Material's search parses a page's HTML with its autolinks bare `<a>`s
(site/search_html.py), and indexes it the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from material.plugins.search import plugin as material_search
from site_builds import build_site, read, term_yaml, write_site

from coalition_handbook.site.search_html import with_bare_autolinks

LINK = (
    '<a class="hb-term" data-term="survivor" href="../glossary/survivor/" '
    'title="A person who has lived through a crime.">{}</a>'
)


def _sections(html: str) -> list[tuple[str, str, str | None]]:
    """What Material's search indexes of `html`: each section's title, text and id."""
    parser = material_search.Parser()
    parser.feed(html)
    parser.close()
    return [("".join(section.title), "".join(section.text), section.id) for section in parser.data]


@pytest.mark.parametrize(
    "html",
    [
        f"<h1 id='a'>Home</h1><p>A {LINK.format('survivor')} spoke.</p>",
        f"<p>{LINK.format('survivor')}</p>",
        "<p>A " + LINK.format("long\nname") + "\nspoke.</p>",
        f"<p>{LINK.format('one')} {LINK.format('two')}\n{LINK.format('three')}</p>",
        # white space the search would write otherwise joined: left as it is
        f"<p>{LINK.format('one')}  {LINK.format('two')}\t{LINK.format('three')}</p>",
        f"<ul>\n<li>\n{LINK.format('one')}\n</li>\n<li> {LINK.format('two')}  </li></ul>",
        f"<p><em>x</em>\n\n{LINK.format('one')}\n\n<em>y</em></p>",
        f"<h2 id='b'>{LINK.format('In')} a  {LINK.format('title')} </h2><p>text</p>",
        f"<pre><code>{LINK.format('code')}  \n {LINK.format('more')}</code></pre>",
        f"<p>a &gt; b {LINK.format('x')} &amp; <span title='p>q'> </span>{LINK.format('y')}</p>",
        f"<div data-search-exclude><p>{LINK.format('hidden')}</p></div><p>{LINK.format('s')}</p>",
        f"{LINK.format('first')} of all",
        # white space alone after an autolink, then a tag, then white space alone again:
        # apart, the search writes the second as nothing; joined to the text, as a space
        f'<p>A {LINK.format("survivor")} <img alt="x" src="a.png" />\n<img src="b.png" /> end</p>',
        f"<table><tr><td>{LINK.format('one')} </td>\n</tr></table>",
        f"<p>{LINK.format('one')}\n<em><code> </code></em>\n{LINK.format('two')}</p>",
        # a `<` of a raw HTML block's text right before an autolink: kept, not a tag
        f"<div>1 <{LINK.format('x')} 2</div>",
        f"<div>1 <b{LINK.format('x')} 2</div>",
    ],
)
def test_the_index_is_the_same_with_bare_autolinks(html: str) -> None:
    assert 'class="hb-term"' not in with_bare_autolinks(html)
    assert _sections(with_bare_autolinks(html)) == _sections(html)


def test_an_autolink_keeps_its_tags_and_text_and_loses_its_attributes() -> None:
    html = f"<p>A {LINK.format('survivor')} and\n{LINK.format('a victim')} spoke.</p>"
    assert with_bare_autolinks(html) == "<p>A <a>survivor</a> and\n<a>a victim</a> spoke.</p>"


def test_other_links_stay() -> None:
    html = (
        '<p>A <a href="x/" class="hb-term">survivor</a> <a class="hb-term"><b>b</b></a> '
        '<a class="hb-term" data-term="x" href="y" title="z" data-search-exclude>c</a></p>'
    )
    assert with_bare_autolinks(html) == html


def test_a_cold_build_indexes_its_pages_with_bare_autolinks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each autolink (a tag with a long tooltip) made Material's parser slower: the pages
    reach it with bare links, and the index says the same."""
    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    fed: list[str] = []
    feed = material_search.Parser.feed

    def recording(parser: material_search.Parser, data: str) -> None:
        fed.append(data)
        feed(parser, data)

    monkeypatch.setattr(material_search.Parser, "feed", recording)
    pages = {
        "index.md": "# Home\n\nA survivor spoke to a victim.\n",
        "hidden.md": "---\nsearch:\n  exclude: true\n---\n# Hidden\n\nA survivor.\n",
        "boosted.md": "---\nsearch:\n  boost: 2\n---\n# Boosted\n\nA victim.\n",
    }
    terms = {
        "survivor": term_yaml("survivor", "A person who has lived through a crime."),
        "victim": term_yaml("victim", "A person against whom a crime was committed."),
    }
    config = write_site(tmp_path, pages=pages, terms=terms, theme="material", search=True)
    site = build_site(config)
    assert 'class="hb-term"' in read(site, "index.html")  # the page keeps its autolinks
    assert fed and not any('class="hb-term"' in html for html in fed)
    assert any("<a>survivor</a>" in html for html in fed)
    docs = json.loads(read(site, "search/search_index.json"))["docs"]
    by_location = {entry["location"]: entry for entry in docs}
    assert by_location[""]["text"] == "<p>A survivor spoke to a victim.</p>"
    assert not any(entry["location"].startswith("hidden/") for entry in docs)
    assert by_location["boosted/"]["boost"] == 2
    assert by_location["boosted/"]["text"] == "<p>A victim.</p>"


def test_what_another_plugin_adds_before_the_search_is_indexed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search still parses the page when it indexes it, after the plugins before it:
    only its autolinks are bare in what it parses."""
    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    (tmp_path / "hooks.py").write_text(
        "from mkdocs.plugins import event_priority\n\n\n"
        "@event_priority(5)  # after the handbook's (10), before the search's (0)\n"
        "def on_page_context(context, page, config, nav):\n"
        "    page.content += '<p>Added by a hook.</p>'\n"
        "    return context\n",
        encoding="utf-8",
    )
    pages = {"index.md": "# Home\n\nA survivor spoke.\n"}
    terms = {"survivor": term_yaml("survivor", "A person who has lived through a crime.")}
    config = write_site(
        tmp_path,
        pages=pages,
        terms=terms,
        theme="material",
        search=True,
        extra_config="hooks:\n  - hooks.py\n",
    )
    site = build_site(config)
    docs = json.loads(read(site, "search/search_index.json"))["docs"]
    home = next(entry for entry in docs if entry["location"] == "")
    assert home["text"] == "<p>A survivor spoke.</p><p>Added by a hook.</p>"
    assert 'class="hb-term"' in read(site, "index.html")
