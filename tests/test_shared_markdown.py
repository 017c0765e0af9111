"""A build's pages, generated and of docs_dir, are rendered by one Markdown converter,
reset between pages, where the extensions allow (plugin/shared_markdown.py): to the same
HTML as a converter of their own gives each."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from site_builds import build_site, term_yaml, write_site
from test_plugin_other_plugins import handbook_with_plugin

from coalition_handbook.plugin import shared_markdown
from coalition_handbook.plugin.shared_markdown import SharedMarkdown, reusable
from coalition_handbook.site.autolink import AutolinkExtension

EXTENSIONS = """\
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - footnotes
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
"""
PAGES = {"index.md": "# Home\n\nA survivor spoke.\n"}
# Pages of docs_dir whose Markdown leaves state in a converter: footnotes, tabs, code,
# heading ids (each page's own), links to anchors, raw HTML with an id.
STATEFUL_PAGES = {
    **PAGES,
    **{
        f"page-{index}.md": (
            f"# Page {index}\n\n## Steps\n\nA term {index % 3} here.[^note]\n\n"
            '=== "One"\n\n    A tab.\n\n=== "Two"\n\n    Another tab.\n\n'
            "```python\nprint(1)\n```\n\n## Steps\n\n"
            f'<div id="box-{index}" markdown>Inside.</div>\n\n'
            "[Back](#steps) and [home](index.md#home).\n\n[^note]: As the coalition agreed.\n"
        )
        for index in range(3)
    },
}


def _terms(count: int) -> dict[str, str]:
    """Terms whose definitions leave state in a converter: footnotes, tabs, code, ids."""
    return {
        f"term-{index}": term_yaml(
            f"term {index}",
            f"A word of the handbook, number {index}.[^note]\n\n"
            f'=== "One"\n\n    A tab.\n\n=== "Two"\n\n    Another tab.\n\n'
            "```python\nprint(1)\n```\n\n[^note]: As the coalition agreed.",
        )
        for index in range(count)
    }


def _site_html(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in site.rglob("*.html")}


@pytest.fixture
def converters(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry for each Markdown converter made."""
    made: list[int] = []
    init = markdown.Markdown.__init__

    def counting(self: markdown.Markdown, **options: object) -> None:
        made.append(1)
        init(self, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(markdown.Markdown, "__init__", counting)
    return made


def test_more_terms_make_no_more_converters(
    tmp_path: Path, converters: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    made = []
    for count in (2, 5):
        config = write_site(
            tmp_path / str(count), pages=PAGES, terms=_terms(count), extra_config=EXTENSIONS
        )
        converters.clear()
        build_site(config, strict=False)
        made.append(len(converters))
    assert made[0] == made[1]


def test_more_pages_of_docs_dir_make_no_more_converters(
    tmp_path: Path, converters: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    made = []
    for count in (2, 6):
        pages = {**PAGES, **{f"page-{index}.md": f"# Page {index}\n" for index in range(count)}}
        config = write_site(
            tmp_path / str(count), pages=pages, terms=_terms(1), extra_config=EXTENSIONS
        )
        converters.clear()
        build_site(config, strict=False)
        made.append(len(converters))
    assert made[0] == made[1]


def test_a_page_of_another_plugin_s_kind_renders_as_that_plugin_has_it() -> None:
    class OtherPage(Page):
        pass

    config = MkDocsConfig()
    config["markdown_extensions"] = ["toc"]
    config["mdx_configs"] = {}
    shared = SharedMarkdown(config)
    own, other = Page.__new__(Page), OtherPage.__new__(OtherPage)
    shared.take_over(own)
    shared.take_over(other)
    assert "render" in vars(own)
    assert "render" not in vars(other)


def test_a_shared_converter_renders_what_one_of_each_page_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # the theme prints a build date
    config = write_site(tmp_path, pages=STATEFUL_PAGES, terms=_terms(3), extra_config=EXTENSIONS)
    shared = _site_html(build_site(config, strict=False, site_dir=tmp_path / "shared"))
    monkeypatch.setattr(shared_markdown, "reusable", lambda *_: False)
    own = _site_html(build_site(config, strict=False, site_dir=tmp_path / "own"))
    for path in ("glossary/term-2/index.html", "page-2/index.html"):
        page = own[path].decode()
        assert 'class="footnote"' in page and "tabbed-set" in page and "highlight" in page
    assert 'id="steps_1"' in own["page-2/index.html"].decode()
    assert shared == own


def test_extensions_not_known_to_reset_get_a_converter_a_page() -> None:
    assert reusable(["toc", "markdown.extensions.tables", AutolinkExtension()], {})
    assert reusable(["footnotes"], {"footnotes": {"BACKLINK_TEXT": "^"}})
    assert not reusable(["toc", "abbr"], {})  # a glossary others may load into it
    assert not reusable(["footnotes"], {"footnotes": {"UNIQUE_IDS": True}})
    assert not reusable(["toc", markdown.extensions.Extension()], {})


def test_a_mkdocs_without_its_private_page_processors_leaves_every_page_to_mkdocs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The shared converter registers MkDocs' private per-page processors: where they are
    gone, the plugin still loads and no page is rendered by it."""
    assert reusable(["toc"], {})
    monkeypatch.setattr(shared_markdown, "PAGE_PROCESSORS", False)
    assert not reusable(["toc"], {})


def test_a_page_rendered_with_another_config_is_rendered_with_its_extensions(
    tmp_path: Path,
) -> None:
    """Review rv60g: a page taken over was rendered with the build's config whatever
    config its render was called with (a plugin rendering a page again with settings of
    its own): with that config's extensions, as MkDocs renders it."""
    config, other = MkDocsConfig(), MkDocsConfig()
    for settings, extensions in ((config, ["toc"]), (other, ["toc", "abbr"])):
        settings.load_dict(
            {"site_name": "Handbook", "docs_dir": str(tmp_path), "markdown_extensions": extensions}
        )
        assert settings.validate()[0] == []
    (tmp_path / "page.md").write_text("# Page\n\nA T visa.\n\n*[T visa]: A\n", "utf-8")
    file = File("page.md", str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)
    page = Page(None, file, config)
    page.read_source(config)
    SharedMarkdown(config).take_over(page)
    page.render(other, Files([file]))
    assert page.content is not None and '<abbr title="A">T visa</abbr>' in page.content


# A plugin listed after the handbook that lists a Markdown extension once the handbook
# has read the site's files (`on_files`), before any page is rendered.
LATE_EXTENSION_PLUGIN = """
from mkdocs.plugins import BasePlugin


class LateExtension(BasePlugin):
    def on_files(self, files, config):
        config.markdown_extensions.append("abbr")
        return files
"""


def test_an_extension_listed_after_the_handbook_read_the_files_is_weighed_too(
    tmp_path: Path, converters: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review rv60g: whether one converter may render every page was decided in the
    handbook's `on_files`, so an extension not known to reset that a plugin listed after
    it added there was rendered by one converter for all pages all the same."""
    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    made = []
    for count in (2, 6):
        pages = {**PAGES, **{f"page-{index}.md": f"# Page {index}\n" for index in range(count)}}
        config = handbook_with_plugin(
            tmp_path / str(count),
            monkeypatch,
            "late-extension",
            LATE_EXTENSION_PLUGIN,
            pages=pages,
            extra_config=EXTENSIONS,
        )
        with config.open("a", encoding="utf-8") as settings:
            settings.write("  - late-extension\n")
        converters.clear()
        build_site(config, strict=False)
        made.append(len(converters))
    assert made[1] - made[0] == 4  # a converter for each page of docs_dir
