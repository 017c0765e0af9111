"""The handbook beside other MkDocs plugins an adopter's site may list: one it cannot
build with is refused at its line of mkdocs.yml, never with a traceback from inside it.
Each is emulated by a tiny plugin installed under its name for the test, doing what the
real one does to the handbook's pages."""

from __future__ import annotations

import base64
import hashlib
import logging
import sys
import textwrap
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from site_builds import build_site, term_yaml, write_site

# As mkdocs-static-i18n 1.3 does in its `on_files`: every file's path on disk is read,
# and a generated page has none (`TypeError: expected str, bytes or os.PathLike object`).
I18N_PLUGIN = """
from pathlib import PurePath

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority


class I18nConfig(Config):
    languages = config_options.Type(list, default=[])


class I18n(BasePlugin[I18nConfig]):
    @event_priority(-100)
    def on_files(self, files, config):
        for file in files:
            PurePath(file.abs_src_path).is_relative_to(config.docs_dir)
        return files
"""


def install_plugin(folder: Path, monkeypatch: pytest.MonkeyPatch, name: str, code: str) -> None:
    """A plugin MkDocs finds as `name` in `plugins`, as if installed from PyPI (its class
    `name` in CamelCase): MkDocs reads the installed plugins' entry points once, when it
    is imported."""
    module = f"fake_{name.replace('-', '_')}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{module}.py").write_text(textwrap.dedent(code), encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))
    # Imported afresh: another test may have installed other code under the same name.
    monkeypatch.delitem(sys.modules, module, raising=False)
    class_name = "".join(part.capitalize() for part in name.split("-"))
    entry_point = EntryPoint(name, f"{module}:{class_name}", "mkdocs.plugins")
    monkeypatch.setitem(MkDocsConfig.plugins.installed_plugins, name, entry_point)


def handbook_with_plugin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, code: str, **site: Any
) -> Path:
    """A tiny handbook (`write_site`'s `site`) in `tmp_path`/site, with the plugin `code`
    installed as `name`, for the test to list; returns mkdocs.yml."""
    install_plugin(tmp_path / "installed", monkeypatch, name, code)
    return write_site(tmp_path / "site", **site)


def test_the_i18n_plugin_is_refused_at_its_line_with_where_to_read_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Audit: mkdocs-static-i18n stopped the build with a traceback (a TypeError on the
    handbook's generated pages), whatever the order of the plugins."""
    config = handbook_with_plugin(
        tmp_path,
        monkeypatch,
        "i18n",
        I18N_PLUGIN,
        pages={"index.md": "# Home\n\nA page.\n"},
        terms={"survivor": term_yaml("survivor", "A person who lived through trafficking.")},
    )
    # Listed after `handbook`, as an adopter adds it (its files come last all the same).
    with config.open("a", encoding="utf-8") as settings:
        settings.write("  - i18n:\n      languages: [en, es]\n")
    lines = config.read_text(encoding="utf-8").splitlines()
    line = lines.index("  - i18n:") + 1
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises((PluginError, Abort)):
        build_site(config)
    errors = [record.getMessage() for record in caplog.records if record.levelno == logging.ERROR]
    assert any(
        message.startswith(f"handbook: mkdocs.yml:{line}: the 'i18n' plugin")
        and "not supported" in message
        and '"A site in a second language"' in message
        for message in errors
    ), errors


# As mkdocs-macros does: a page's `{{ name }}` is filled in from mkdocs.yml's `extra`
# when MkDocs reads the page, after the handbook's checks read the file.
MACROS_PLUGIN = """
from mkdocs.plugins import BasePlugin


class Macros(BasePlugin):
    def on_page_markdown(self, markdown, page, config, files):
        for name, value in config.extra.items():
            markdown = markdown.replace("{{ " + name + " }}", str(value))
        return markdown
"""


def test_the_macros_plugin_is_named_once_as_information_that_strict_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Audit: a phone number mkdocs-macros put into a page was published unchecked, with
    no word, where the same number typed into the page is a privacy.pii error. The build
    says so at the plugin's line: information, so that --strict still builds the site.
    (privacy.pii reads `extra` now, where such a number is an error: privacy audit; what
    a macro includes or computes is still unread.)"""
    config = handbook_with_plugin(
        tmp_path,
        monkeypatch,
        "macros",
        MACROS_PLUGIN,
        pages={"index.md": "# Home\n\nCall {{ contact }}.\n"},
        extra_config='extra:\n  contact: "Maria at the front desk"\n',
    )
    with config.open("a", encoding="utf-8") as settings:
        settings.write("  - macros\n")
    line = config.read_text(encoding="utf-8").splitlines().index("  - macros") + 1
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        built = build_site(config, strict=True)
    assert "Maria at the front desk" in (built / "index.html").read_text(encoding="utf-8")
    notes = [
        record
        for record in caplog.records
        if record.getMessage().startswith(f"handbook: mkdocs.yml:{line}: the 'macros' plugin")
    ]
    assert [note.levelno for note in notes] == [logging.INFO]
    assert "privacy.pii" in notes[0].getMessage()
    assert '"Other plugins"' in notes[0].getMessage()


# As mkdocs-redirects does, after every other plugin's pages are written: a page for each
# old address, which sends its reader on to the new one as it opens.
REDIRECTS_PLUGIN = """
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin


class RedirectsConfig(Config):
    redirect_maps = config_options.Type(dict, default={})


class Redirects(BasePlugin[RedirectsConfig]):
    def on_post_build(self, config):
        for old, new in self.config.redirect_maps.items():
            page = Path(config.site_dir) / old.replace(".md", "") / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f'<meta http-equiv="refresh" content="0; url={new}">')
"""


def test_a_redirect_to_another_host_is_a_warning_at_the_plugin_s_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Audit: a page mkdocs-redirects made to send readers to another site passed
    --strict with no word, where a page or HTML file that does so is a warning: its
    pages are written after the handbook has read the site. A redirect within the site
    is no warning."""
    config = handbook_with_plugin(
        tmp_path,
        monkeypatch,
        "redirects",
        REDIRECTS_PLUGIN,
        pages={"index.md": "# Home\n\nA page.\n"},
    )
    with config.open("a", encoding="utf-8") as settings:
        settings.write(
            "  - redirects:\n"
            "      redirect_maps:\n"
            "        donate.md: https://tracker.example.com/donate?src=handbook\n"
            "        old.md: index.md\n"
        )
    line = config.read_text(encoding="utf-8").splitlines().index("  - redirects:") + 1
    with caplog.at_level(logging.WARNING, logger="mkdocs"), pytest.raises(Abort):
        build_site(config, strict=True)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert [w for w in warnings if "sends every reader on" in w] == [
        f"handbook: mkdocs.yml:{line}: the page made for donate.md sends every reader on to "
        "https://tracker.example.com/donate?src=handbook as it opens, and the handbook "
        "loads nothing from other hosts: link to it instead."
    ]


@pytest.mark.parametrize("first", [True, False])
def test_redirects_listed_before_the_handbook_are_a_warning_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, first: bool
) -> None:
    """Audit: mkdocs-redirects listed before the handbook looks for its targets before
    the term and protocol pages exist, and leaves out every redirect to one, saying only
    "Redirect target 'glossary/survivor.md' does not exist!". The build says why, at the
    plugin's line; listed after the handbook, it is no warning."""
    config = handbook_with_plugin(
        tmp_path,
        monkeypatch,
        "redirects",
        REDIRECTS_PLUGIN,
        pages={"index.md": "# Home\n\nA page.\n"},
        terms={"survivor": term_yaml("survivor", "A person who lived through trafficking.")},
    )
    redirects = (
        "  - redirects:\n"
        "      redirect_maps:\n"
        "        victim.md: glossary/survivor.md#forms\n"
        "        old.md: index.md\n"
    )
    text = config.read_text(encoding="utf-8")
    if first:
        text = text.replace("  - handbook", redirects + "  - handbook", 1)
    else:
        text += redirects
    config.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - redirects:") + 1
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        build_site(config, strict=False)
    warnings = [r.getMessage() for r in caplog.records if "'redirects' is listed" in r.getMessage()]
    assert warnings == (
        [
            f"handbook: mkdocs.yml:{line}: 'redirects' is listed before 'handbook', so it "
            "looks for the pages it sends readers to before the handbook has made them, and "
            "leaves out the redirects to glossary/survivor.md: list 'redirects' after "
            "'handbook'."
        ]
        if first
        else []
    )


# As mkdocs-redirects 1.2 writes each page, after every other plugin's pages are written.
REDIRECTS_WITH_SCRIPT = REDIRECTS_PLUGIN.replace(
    """page.write_text(f'<meta http-equiv="refresh" content="0; url={new}">')""",
    """page.write_text(
                '<!doctype html><html><head><meta charset="utf-8">'
                f'<script>location.href="{new}"</script>'
                f'<meta http-equiv="refresh" content="0; url={new}"></head></html>'
            )""",
)


def test_a_page_mkdocs_redirects_writes_gets_the_content_policy_with_its_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Audit: the pages mkdocs-redirects wrote, once the handbook had given every page
    its Content-Security-Policy, carried none, so their script (and anything a later
    edit put there) ran unchecked. They get the policy, naming their own script."""
    config = handbook_with_plugin(
        tmp_path,
        monkeypatch,
        "redirects",
        REDIRECTS_WITH_SCRIPT,
        pages={"index.md": "# Home\n\nA page.\n"},
    )
    with config.open("a", encoding="utf-8") as settings:
        settings.write("  - redirects:\n      redirect_maps:\n        old.md: index.md\n")
    site = build_site(config)
    html = (site / "old" / "index.html").read_text(encoding="utf-8")
    script = 'location.href="index.md"'
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    policy = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"')[0]
    assert f"'sha256-{digest}'" in policy
    assert f"<script>{script}</script>" in html


# As mkdocs-include-markdown-plugin does: a page's `{% include-markdown "file" %}` is
# replaced by the file's text (its path relative to the page's folder) as MkDocs reads
# the page, after the handbook's checks read the site's pages.
INCLUDE_MARKDOWN_PLUGIN = """
import re
from pathlib import Path

from mkdocs.plugins import BasePlugin

DIRECTIVE = re.compile(r'{%\\s*include-markdown\\s+"([^"]+)"\\s*%}')


class IncludeMarkdown(BasePlugin):
    def on_page_markdown(self, markdown, page, config, files):
        if not DIRECTIVE.search(markdown):  # the handbook's pages have no file to start from
            return markdown
        folder = Path(page.file.abs_src_path).parent
        return DIRECTIVE.sub(
            lambda found: (folder / found.group(1)).read_text(encoding="utf-8"), markdown
        )
"""


def test_a_file_the_include_markdown_plugin_includes_is_checked_and_the_plugin_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Audit: a phone number in a file mkdocs-include-markdown-plugin put into a page from
    outside docs_dir was published unchecked, with no word, where the same number typed
    into the page is a privacy.pii error. It is one at the included file's line now; and
    the build names the plugin once, as information (--strict builds), for what is
    still not read: a downloaded file, and the handouts' text."""
    config = handbook_with_plugin(
        tmp_path,
        monkeypatch,
        "include-markdown",
        INCLUDE_MARKDOWN_PLUGIN,
        pages={"index.md": '# Home\n\n{% include-markdown "../shared/contact.md" %}\n'},
    )
    shared = config.parent / "shared"
    shared.mkdir()
    (shared / "contact.md").write_text("Call Maria on 555-867-5309.\n", encoding="utf-8")
    with config.open("a", encoding="utf-8") as settings:
        settings.write("  - include-markdown\n")
    line = config.read_text(encoding="utf-8").splitlines().index("  - include-markdown") + 1
    with caplog.at_level(logging.INFO, logger="mkdocs"), pytest.raises((PluginError, Abort)):
        build_site(config, strict=True)
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert any(error.startswith("shared/contact.md:1:15: privacy.pii") for error in errors)
    (shared / "contact.md").write_text("Call the front desk.\n", encoding="utf-8")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        built = build_site(config, strict=True)
    assert "Call the front desk." in (built / "index.html").read_text(encoding="utf-8")
    where = f"handbook: mkdocs.yml:{line}: the 'include-markdown' plugin"
    notes = [record for record in caplog.records if record.getMessage().startswith(where)]
    assert [note.levelno for note in notes] == [logging.INFO]
    assert "handouts" in notes[0].getMessage()
    assert '"Other plugins"' in notes[0].getMessage()


# A plugin that wraps a page's own `render`, to add to what it makes.
RENDER_WRAP_PLUGIN = """
from mkdocs.plugins import BasePlugin


class RenderWrap(BasePlugin):
    def on_pre_page(self, page, config, files):
        render = page.render

        def wrapped(config, files):
            render(config, files)
            page.content += "<p>Reviewed by the coalition.</p>"

        page.render = wrapped
        return page
"""


def test_a_page_whose_render_another_plugin_wraps_is_rendered_as_it_has_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review rv60g: the build's shared Markdown converter took over every page's render
    in `on_pre_page`, also one a plugin listed before the handbook had wrapped to add to
    the page: what it added was gone."""
    config = handbook_with_plugin(
        tmp_path,
        monkeypatch,
        "render-wrap",
        RENDER_WRAP_PLUGIN,
        pages={"index.md": "# Home\n\nA survivor spoke.\n"},
        extra_config="markdown_extensions:\n  - toc\n",
    )
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - handbook", "  - render-wrap\n  - handbook"), "utf-8")
    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    page = (build_site(config, strict=False) / "index.html").read_text(encoding="utf-8")
    assert "A survivor spoke." in page
    assert "Reviewed by the coalition." in page
