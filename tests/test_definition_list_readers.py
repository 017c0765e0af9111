"""The rules and loaders beyond the page scan read a definition's lines as the site's
mkdocs.yml renders them too (`HandbookConfig.definition_lists`): with def_list, a
paragraph, quote, list or HTML block indented after `:   ` is the definition's; without
it, indented code, which runs and shows nothing. Each page here is rendered by
Python-Markdown with and without def_list, and the rule must agree with what it shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import markdown as python_markdown
import pytest
from handbooks import checked
from helpers_model import MKDOCS, PROTOCOL, load, module_md, term_yaml, write_files
from site_markdown import render
from test_definition_list_setting import WITH_DEF_LIST, site

from coalition_handbook.check import run_checks
from coalition_handbook.extension_list import definition_lists_on
from coalition_handbook.site.handout_render import (
    MARKDOWN_EXTENSIONS,
    key_term_markdown,
    printed_text_html,
)
from coalition_handbook.site.pages import SiteInputs, term_page
from coalition_handbook.site.term_page_cache import term_page_inputs

SCRIPT = "<script>alert(1)</script>"
# A script or an event handler in a definition's indented block: it runs with def_list,
# is code without it.
ACTIVE_PAGES = [
    f"# Home\n\nTerm\n:   a definition\n\n    {SCRIPT}\n",
    f"# Home\n\nTerm\n\n:   a definition\n\n    > {SCRIPT}\n",
    f"# Home\n\nTerm\n:   a definition\n\n    - {SCRIPT}\n",
    f"# Home\n\nTerm\n:   a definition\n\n    b\n\n    <div>\n    {SCRIPT}\n    </div>\n",
    '# Home\n\nTerm\n:   a definition\n\n    b\n    {: onclick="x()" }\n',  # attr_list's
]


# A module whose `## Respond` is indented under a definition: an H2 inside the definition
# with def_list (no section: the site shows it in the list), code without it.
MODULE_BODY = (
    "# Hotel and motel staff\n\n## Realize\n\nTrafficking happens here too.\n\n"
    "## Recognize\n\nSigns\n:   to look for.\n\n    ## Respond\n\n    Call.\n"
)


@pytest.mark.parametrize("definition_lists", [False, True])
def test_module_structure_reads_a_heading_under_a_definition_as_the_site_renders_it(
    tmp_path: Path, definition_lists: bool
) -> None:
    html = render(MODULE_BODY, ("def_list",) if definition_lists else ())
    assert ('<h2 id="respond">' in html) is definition_lists  # in the list, or code
    extensions = "markdown_extensions: [def_list]\n" if definition_lists else ""
    config = write_files(
        tmp_path,
        {
            "mkdocs.yml": MKDOCS + extensions,
            "content/modules/hotel-staff.md": module_md(body=MODULE_BODY),
            "protocols/hotel-staff.yml": PROTOCOL,
        },
    )
    assert config.definition_lists is definition_lists
    messages = [
        finding.message
        for finding in run_checks(config).findings
        if finding.rule == "module.structure"
    ]
    assert len(messages) == 1, messages
    if definition_lists:
        assert "'## Respond' is inside a block" in messages[0]
    else:  # code: nowhere to be seen
        assert "has no '## Respond' section" in messages[0]


# A script address indented under a definition: a link with def_list, code without it.
UNSAFE_PAGES = [
    "# Home\n\nSee [go][x].\n\nTerm\n:   a definition\n\n    [x]: javascript:alert(1)\n",
    '# Home\n\nTerm\n:   a definition\n\n    <a href="javascript:alert(1)">go</a>\n',
]


def runs_a_script(html: str) -> bool:
    return "<script>alert" in html or '<p onclick="' in html


def links_a_script(html: str) -> bool:
    return '<a href="javascript:' in html


# (rule, page, whether the site's HTML holds what the rule reports)
DEFINITION_PAGES = [
    *(("html.active-content", page, runs_a_script) for page in ACTIVE_PAGES),
    *(("link.unsafe", page, links_a_script) for page in UNSAFE_PAGES),
]


@pytest.mark.parametrize("definition_lists", [False, True])
@pytest.mark.parametrize(("rule", "page", "reported_in"), DEFINITION_PAGES)
def test_a_rule_reads_a_definition_s_blocks_as_the_site_renders_them(
    tmp_path: Path,
    rule: str,
    page: str,
    reported_in: Callable[[str], bool],
    definition_lists: bool,
) -> None:
    html = render(page, ("def_list",) if definition_lists else ())
    shown = reported_in(html)
    assert shown is definition_lists  # the page is one whose reading differs
    config_file = site(tmp_path, WITH_DEF_LIST[0] if definition_lists else "")
    (config_file.parent / "content" / "index.md").write_text(page, encoding="utf-8")
    found = [finding for finding in checked(config_file) if finding.rule == rule]
    assert bool(found) is shown, found


# A suppression comment indented under a definition: a comment with def_list, which
# silences the number after it; shown as code without it, where it silences nothing.
SUPPRESSED_PAGE = (
    "# Home\n\nTerm\n:   a definition\n\n"
    "    <!-- handbook-disable-next-line privacy.pii -->\n    Call Jo on 402-318-4471.\n"
)


@pytest.mark.parametrize("definition_lists", [False, True])
def test_a_suppression_comment_under_a_definition_is_read_as_the_site_renders_it(
    tmp_path: Path, definition_lists: bool
) -> None:
    html = render(SUPPRESSED_PAGE, ("def_list",) if definition_lists else ())
    shown = "&lt;!-- handbook-disable-next-line" in html
    assert shown is not definition_lists  # code without def_list: no comment
    config_file = site(tmp_path, WITH_DEF_LIST[0] if definition_lists else "")
    (config_file.parent / "content" / "index.md").write_text(SUPPRESSED_PAGE, encoding="utf-8")
    found = [(finding.rule, finding.line) for finding in checked(config_file)]
    assert found == ([("privacy.pii", 7)] if shown else [])


# A protocol's summary, published as Markdown on its page: a form to avoid indented
# under a definition is prose with def_list, code without it.
SUMMARY = "Guests\n:   who stay long.\n\n    Call the vagrant line.\n"
AVOIDING_TERM = (
    "term: person experiencing homelessness\nversion: 1\n"
    "definition: Someone without a fixed place to live.\n"
    "avoid:\n  - text: vagrant\n    reason: Stigmatising.\n"
    "history:\n  - version: 1\n    date: 2026-01-01\n    summary: First approved.\n"
)


@pytest.mark.parametrize("definition_lists", [False, True])
def test_a_protocol_s_summary_is_scanned_as_the_site_renders_it(
    tmp_path: Path, definition_lists: bool
) -> None:
    html = render(SUMMARY, ("def_list",) if definition_lists else ())
    prose = "<p>Call the vagrant line.</p>" in html
    assert prose is definition_lists  # code without def_list
    indented = "".join(f"  {line}\n" if line else "\n" for line in SUMMARY.splitlines())
    protocol = PROTOCOL.replace(
        "summary: What to do when something seems wrong.\n", f"summary: |\n{indented}"
    )
    extensions = "markdown_extensions: [def_list]\n" if definition_lists else ""
    config = write_files(
        tmp_path,
        {
            "mkdocs.yml": MKDOCS + extensions,
            "protocols/hotel-staff.yml": protocol,
            "glossary/person-experiencing-homelessness.yml": AVOIDING_TERM,
        },
    )
    found = [
        (finding.path, finding.line)
        for finding in run_checks(config).findings
        if finding.rule == "term.avoid"
    ]
    assert found == ([("protocols/hotel-staff.yml", 11)] if prose else [])


def test_a_cached_check_of_a_protocol_follows_def_list_turned_on_and_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HANDBOOK_NO_CACHE", raising=False)
    indented = "".join(f"  {line}\n" if line else "\n" for line in SUMMARY.splitlines())
    protocol = PROTOCOL.replace(
        "summary: What to do when something seems wrong.\n", f"summary: |\n{indented}"
    )
    seen = []
    for extensions in (
        "",
        "markdown_extensions: [def_list]\n",
        "",
        "markdown_extensions: [extra]\n",
    ):
        config = write_files(
            tmp_path,
            {
                "mkdocs.yml": MKDOCS + extensions,
                "protocols/hotel-staff.yml": protocol,
                "glossary/person-experiencing-homelessness.yml": AVOIDING_TERM,
            },
        )
        seen.append([f.line for f in run_checks(config).findings if f.rule == "term.avoid"])
    assert (tmp_path / ".cache" / "handbook").is_dir()  # the runs after the first: warm
    assert seen == [[], [11], [], [11]]


# An abbreviation defined under a definition (the abbr extension's `*[QXZ]: ...`): a
# definition with def_list; without it, code, which defines nothing.
ABBREVIATION_PAGE = (
    "# Home\n\nThe QXZ team helps.\n\nTerm\n:   a definition\n\n    *[QXZ]: Quick Exit Zone\n"
)


@pytest.mark.parametrize("definition_lists", [False, True])
def test_an_abbreviation_defined_under_a_definition_is_read_as_the_site_renders_it(
    tmp_path: Path, definition_lists: bool
) -> None:
    html = python_markdown.markdown(
        ABBREVIATION_PAGE, extensions=["abbr", *(["def_list"] if definition_lists else [])]
    )
    explained = '<abbr title="Quick Exit Zone">QXZ</abbr>' in html
    assert explained is definition_lists  # code without def_list: no abbreviation
    config_file = site(tmp_path, WITH_DEF_LIST[0] if definition_lists else "")
    (config_file.parent / "content" / "index.md").write_text(ABBREVIATION_PAGE, encoding="utf-8")
    found = [
        (finding.line, finding.found)
        for finding in checked(config_file)
        if finding.rule == "term.unknown-acronym"
    ]
    assert found == ([] if explained else [(3, "QXZ")])


# A term's definition whose indented block is code without def_list: its tags show as
# typed there, so no `&lt;` may be written into it (the page showed `&lt;b>`).
DEFINITION = "Shelter\n:   a place to stay.\n\n    <b>x</b>\n"


@pytest.mark.parametrize("definition_lists", [False, True])
def test_a_term_page_shows_a_definition_s_tags_as_typed_with_def_list_or_without(
    tmp_path: Path, definition_lists: bool
) -> None:
    handbook, problems = load(
        tmp_path, {"glossary/survivor.yml": term_yaml(extra="status: approved\n")}
    )
    assert problems == []
    term = replace(handbook.terms["survivor"], definition=DEFINITION)
    inputs = SiteInputs(handbook, definition_lists=definition_lists)
    page = term_page(term, inputs, 1.0)
    html = render(page.partition("\n---\n")[2], ("def_list",) if definition_lists else ())
    assert "&lt;b&gt;x&lt;/b&gt;" in html  # the tag shows as typed
    assert "&amp;lt;" not in html
    written = [str(key) for key in term_page_inputs(term, inputs, 1.0)]
    other = [
        str(key)
        for key in term_page_inputs(
            term, replace(inputs, definition_lists=not definition_lists), 1.0
        )
    ]
    assert written != other  # the cached page follows the setting


def test_a_handout_prints_a_definition_s_tags_as_typed_as_paper_has_no_def_list() -> None:
    """The handouts render with their own extensions (`MARKDOWN_EXTENSIONS`), def_list
    not among them, whatever the site runs: a key term's indented block is code on paper,
    and its `<b>` was written `&lt;b>` there, printed as `&lt;b>`."""
    assert not definition_lists_on(list(MARKDOWN_EXTENSIONS))
    html = printed_text_html(key_term_markdown(DEFINITION))
    assert "<pre><code>&lt;b&gt;x&lt;/b&gt;" in html  # as typed, in code
    assert "&amp;lt;" not in html


@pytest.mark.parametrize("definition_lists", [False, True])
def test_glossary_html_reads_a_definition_s_code_as_the_site_renders_it(
    tmp_path: Path, definition_lists: bool
) -> None:
    """A tag in a definition's block indented after `:   `: shown as text (reported) with
    def_list, in code (not reported, as any tag in code) without it."""
    html = render(DEFINITION, ("def_list",) if definition_lists else ())
    in_code = "<pre><code>&lt;b&gt;" in html
    assert in_code is not definition_lists
    config_file = site(tmp_path, WITH_DEF_LIST[0] if definition_lists else "")
    define(config_file, DEFINITION)
    found = [finding.found for finding in checked(config_file) if finding.rule == "glossary.html"]
    assert found == ([] if in_code else ["<b>", "</b>"])


def define(config_file: Path, definition: str) -> None:
    """Give `site`'s term `definition`, as a literal block."""
    term = config_file.parent / "glossary" / "person-experiencing-homelessness.yml"
    block = "".join(f"  {line}\n" if line else "\n" for line in definition.splitlines())
    term.write_text(
        "".join(
            f"definition: |\n{block}" if line.startswith("definition:") else line
            for line in term.read_text(encoding="utf-8").splitlines(keepends=True)
        ),
        encoding="utf-8",
    )


@pytest.mark.parametrize("definition_lists", [False, True])
def test_an_event_handler_in_a_definition_s_code_is_none(
    tmp_path: Path, definition_lists: bool
) -> None:
    definition = 'Shelter\n:   a place to stay.\n\n    b\n    {: onclick="x()" }\n'
    html = render(definition, ("def_list",) if definition_lists else ())
    assert ('<p onclick="' in html) is definition_lists  # code without def_list
    config_file = site(tmp_path, WITH_DEF_LIST[0] if definition_lists else "")
    define(config_file, definition)
    found = [
        finding.found for finding in checked(config_file) if finding.rule == "html.active-content"
    ]
    assert found == (['onclick="x()"'] if definition_lists else [])


@pytest.mark.parametrize("definition_lists", [False, True])
def test_a_page_checked_again_alone_is_scanned_as_the_site_renders_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, definition_lists: bool
) -> None:
    """A warm check that takes every other file's findings from the snapshot scans the
    edited page with the site's def_list setting, as a cold check does."""
    from test_definition_list_setting import FOUND, PAGE, avoided

    html = render(PAGE, ("def_list",) if definition_lists else ())
    assert ("<pre><code>more words" not in html) is definition_lists  # prose, or code
    monkeypatch.chdir(tmp_path)
    config_file = site(tmp_path, WITH_DEF_LIST[0] if definition_lists else "")
    page = tmp_path / "content" / "index.md"
    page.write_text("# Home\n\nNothing yet.\n", encoding="utf-8")
    assert avoided(config_file, cache=True) == []  # the snapshot
    page.write_text(PAGE, encoding="utf-8")
    found = FOUND if definition_lists else []
    assert avoided(config_file, cache=True) == found
    assert avoided(config_file) == found
