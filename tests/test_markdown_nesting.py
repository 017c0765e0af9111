"""markdown.nesting: lists and admonitions nested deeper than the site can render are a
finding at their first line too deep, so that the build stops cleanly before Python-Markdown
runs out of stack (DESIGN section 11: no traceback)."""

from __future__ import annotations

import inspect
import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers_model import PROTOCOL, term_yaml, write_files
from mkdocs.exceptions import Abort
from site_builds import BIN, build_site, read, write_site

from coalition_handbook.findings import Finding
from coalition_handbook.model import load_handbook
from coalition_handbook.rules import markdown_nesting
from coalition_handbook.rules.base import CheckContext
from coalition_handbook.rules.markdown_nesting import MAX_DEPTH, too_costly_to_render


def nested_list(levels: int, indent: str = "    ") -> str:
    return "".join(f"{indent * level}- item\n" for level in range(levels))


def nested_admonitions(levels: int) -> str:
    return "".join(f"{'    ' * level}!!! note\n" for level in range(levels)) + (
        "    " * levels + "Text.\n"
    )


def findings(tmp_path: Path, files: dict[str, str]) -> list[Finding]:
    config = write_files(tmp_path, files)
    handbook, _ = load_handbook(config)
    return list(markdown_nesting.check(CheckContext(config=config, handbook=handbook)))


@pytest.mark.parametrize(
    ("body", "place"),
    [
        (nested_list(MAX_DEPTH), None),
        # The list's first line too deep is MAX_DEPTH + 1 of it, after the page's two.
        (nested_list(MAX_DEPTH + 1), (MAX_DEPTH + 3, 4 * MAX_DEPTH + 1)),
        (nested_list(300), (MAX_DEPTH + 3, 4 * MAX_DEPTH + 1)),
        (nested_list(MAX_DEPTH + 1, "\t"), (MAX_DEPTH + 3, MAX_DEPTH + 1)),
        (nested_admonitions(MAX_DEPTH), None),
        (nested_admonitions(MAX_DEPTH + 1), (MAX_DEPTH + 4, 4 * (MAX_DEPTH + 1) + 1)),
        # Markers chained on one line nest as deep as indented ones.
        ("- " * MAX_DEPTH + "item\n", None),
        ("- " * (MAX_DEPTH + 1) + "item\n", (3, 1)),
        ("1. " * (MAX_DEPTH + 1) + "item\n", (3, 1)),
        # Each quote is a level: the handouts render fewer than Python-Markdown reads.
        ("> " * MAX_DEPTH + "item\n", None),
        ("> " * (MAX_DEPTH + 1) + "item\n", (3, 1)),
        (">" * 2000 + " item\n", (3, 1)),
        # Quotes inside list items too (second review).
        ("- " + "> " * MAX_DEPTH + "item\n", (3, 1)),
        ("- > " * (MAX_DEPTH // 2) + "item\n", None),
        ("- > " * (MAX_DEPTH // 2 + 1) + "item\n", (3, 1)),
        ("> " + "    " * (MAX_DEPTH - 2) + "- item\n", None),
        ("> " + "    " * (MAX_DEPTH - 1) + "- item\n", (3, 1)),
    ],
    ids=[
        "list-at-the-limit",
        "list-one-deeper",
        "list-of-300",
        "tabs",
        "admonitions-at-the-limit",
        "admonitions-one-deeper",
        "chained-markers-at-the-limit",
        "chained-markers-one-deeper",
        "chained-numbers",
        "quotes-at-the-limit",
        "quotes-one-deeper",
        "quotes-by-the-thousand",
        "quotes-in-a-list-item",
        "items-and-quotes-at-the-limit",
        "items-and-quotes-one-deeper",
        "list-in-a-quote-at-the-limit",
        "list-in-a-quote-one-deeper",
    ],
)
def test_nesting_deeper_than_the_limit_is_found_at_its_first_line(
    tmp_path: Path, body: str, place: tuple[int, int] | None
) -> None:
    found = findings(tmp_path, {"content/page.md": "# Page\n\n" + body})
    assert [(finding.line, finding.column) for finding in found] == ([place] if place else [])
    assert all(
        (finding.rule, finding.path, finding.severity.value)
        == ("markdown.nesting", "content/page.md", "error")
        for finding in found
    )


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("[" * 3500 + "victim" + "]" * 3500, (3, 1)),  # nested
        ("Text " + "[" * 5000 + "victim", (3, 6)),  # left open
        ("[a](" * 2500, (3, 1)),  # links' addresses left open
        ("Fine.\n\n" + "![" * 5000, (5, 2)),  # the paragraph's own first bracket
        # Fine: closed at once, one list item each, in code, escaped, nested 2,000 deep.
        ("[a] " * 50000, None),
        ("\n".join("- [" + "x" * 50 for _ in range(5000)), None),
        ("```\n" + "[" * 5000 + "\n```", None),
        ("`" + "[" * 5000 + "`", None),
        ("\\[" * 5000, None),
        ("[" * 2000 + "victim" + "]" * 2000, None),
        # Added up over paragraphs: 50 of them, each just under the limit (second review).
        ("\n\n".join(f"Text {'[' * 4400} end." for _ in range(50)), (5, 6)),
        # A code span, an address or a footnote's mark ends no block (second review).
        ("Text " + "[`x` " * 3000, (3, 6)),
        ("Text " + "[ http://e.org " * 1500, (3, 6)),
        # Raw HTML: no link is looked for in it.
        ("<div>\n" + "[x " * 5000 + "\n</div>", None),
        ('<div markdown="1">\n' + "[x " * 5000 + "\n</div>", (4, 1)),
        # Third review: list lines right after a paragraph's first are part of it; a
        # table without outer pipes is read a row at a time; raw HTML ends at its
        # closing tag, and goes on over blank lines.
        ("Intro:\n" + "\n".join("- [" + "x" * 50 for _ in range(3000)), (4, 3)),
        ("a | b\n--- | ---\n" + "\n".join(f"[{i}, {i + 1}) | x" for i in range(3000)), None),
        ("<div>a</div>\n" + "[x " * 5000, (4, 1)),
        ("<div>\n\n" + "[x " * 5000 + "\n\n</div>", None),
    ],
    ids=[
        "nested",
        "open",
        "open-addresses",
        "images-after-a-paragraph",
        "closed",
        "list-items",
        "fenced-code",
        "code-span",
        "escaped",
        "nested-2000",
        "many-paragraphs",
        "code-spans-between",
        "addresses-between",
        "raw-html",
        "markdown-in-html",
        "list-lines-in-a-paragraph",
        "table-without-outer-pipes",
        "after-closed-raw-html",
        "raw-html-over-blank-lines",
    ],
)
def test_brackets_python_markdown_would_take_minutes_over_are_found(
    tmp_path: Path, body: str, place: tuple[int, int] | None
) -> None:
    found = findings(tmp_path, {"content/page.md": "# Page\n\n" + body + "\n"})
    assert [(finding.line, finding.column) for finding in found] == ([place] if place else [])
    assert all("brackets" in finding.message for finding in found)


COMPARISONS = "- if a0 < b0 and c < d then x<y, 3<4, i<n, p <q, age<18, score<50%, z <= w\n"


@pytest.mark.parametrize(
    ("body", "place"),
    [
        # The audit's page (60 KB, two minutes to build), and its variants: each `<`
        # and a letter is read to the text's end when no `>` comes after it.
        ("<a " * 20000, (3, 1)),
        ("Text <a" + " <a" * 20000, (3, 6)),
        ("\\<a " * 20000, (3, 2)),  # a backslash escapes nothing for the HTML reader
        ("<a\n\n" * 10000, (3, 1)),  # over blank lines: one paragraph each
        ("- <a x\n" * 10000, (3, 3)),
        ("    <a x\n" * 10000, (3, 5)),  # indented code: read by that reader too
        ("<a / " * 15000, (3, 1)),
        ("Fine <b>text</b>.\n\n" + "<a x='>' " * 10000, (5, 1)),  # a `>` in quotes ends none
        # Review: 500 lines of comparisons render in under 2 s, and stopped the build;
        # 1,000 take 7 s here, more on a slow machine.
        (COMPARISONS * 1000, (3, 30)),
        (COMPARISONS * 500, None),
        # Fine: a `>` after them ends one tag read once, each closed, `&lt;`, code.
        ("<a " * 20000 + "\n\nA quote:\n\n> later\n", None),
        ("<a x='>' " * 10000 + ">", None),
        ("<b>x</b> " * 20000, None),
        ("&lt;a " * 20000, None),
        ("`<a` " * 20000, None),
        ("`" + "<a " * 20000 + "`", None),
        ("~~~\n" + "<a " * 20000 + "\n~~~", None),  # set aside before the HTML reader
        ("</a " * 20000, None),
        ("<!-- " * 20000, None),
        ("<? " * 20000, None),
        ("<! " * 20000, None),
    ],
    ids=[
        "open",
        "after-text",
        "escaped",
        "paragraphs",
        "list-items",
        "indented-code",
        "slashes",
        "quoted-ends",
        "comparisons-1000-lines",
        "comparisons-500-lines",
        "closed-later",
        "closed-after-quotes",
        "closed",
        "entity",
        "code-spans",
        "one-code-span",
        "fenced-code",
        "end-tags",
        "comments",
        "processing-instructions",
        "declarations",
    ],
)
def test_tags_python_markdown_would_take_minutes_over_are_found(
    tmp_path: Path, body: str, place: tuple[int, int] | None
) -> None:
    """Security audit: a paragraph of `<a <a <a ...` took Python-Markdown minutes to
    render (its HTML reader reads on from each to the text's end), and the check said
    nothing."""
    found = findings(tmp_path, {"content/page.md": "# Page\n\n" + body + "\n"})
    assert [(finding.line, finding.column) for finding in found] == ([place] if place else [])
    assert all("tags left open" in finding.message for finding in found)


def test_tags_left_open_in_a_protocol_step_are_found_in_its_file(tmp_path: Path) -> None:
    protocol = PROTOCOL.replace(
        "    detail: Call the hotline.\n", "    detail: " + "<a " * 20000 + "\n"
    )
    found = findings(tmp_path, {"protocols/hotel-staff.yml": protocol})
    assert [(finding.path, finding.line, finding.column) for finding in found] == [
        ("protocols/hotel-staff.yml", 12, 13)
    ]


def test_a_build_stops_on_tags_left_open_before_python_markdown_reads_them(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """240 KB of `<a `, which took more than five minutes to build: the build stops at
    the check, and Python-Markdown never gets the page (if it did, the test would fail
    at once instead of taking those minutes)."""
    import markdown

    convert = markdown.Markdown.convert

    def refuse_the_page(self: markdown.Markdown, source: str) -> str:
        assert "<a <a <a" not in source, "Python-Markdown was given the page"
        return convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", refuse_the_page)
    config = write_site(tmp_path, pages={"index.md": "# Home\n\n" + "<a " * 80000 + "\n"})
    with pytest.raises(Abort):
        build_site(config)
    assert "content/index.md:3:1: markdown.nesting" in caplog.text


def test_closed_links_cost_their_length_however_many_a_page_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Third review: every link's own length was added up, so a large page of ordinary
    links (or pictures written as data: addresses) passed the limit and failed its build;
    only a bracket nested in another, or left open, costs more than its length."""
    monkeypatch.setattr(markdown_nesting, "MAX_BRACKET_READING", 1_000)
    links = "\n\n".join(f"See [page {n}](pages/{n}.md) and ![a](data:x)." for n in range(300))
    assert findings(tmp_path, {"content/page.md": f"# Page\n\n{links}\n"}) == []
    nested = "\n\n".join(f"See [[[[page {n}]]]]." for n in range(300))
    assert findings(tmp_path, {"content/page.md": f"# Page\n\n{nested}\n"}) != []


def test_a_first_line_too_deep_is_found(tmp_path: Path) -> None:
    found = findings(tmp_path, {"content/page.md": "- " * (MAX_DEPTH + 1) + "item\n"})
    assert [(finding.line, finding.column) for finding in found] == [(1, 1)]


def test_nesting_in_a_definition_and_a_protocol_step_is_found_in_their_files(
    tmp_path: Path,
) -> None:
    deep = nested_list(MAX_DEPTH + 1)
    definition = "definition: |\n" + "".join(f"  {line}\n" for line in deep.splitlines())
    term = term_yaml().replace(
        "definition: A person who has experienced trafficking. Second sentence.\n", definition
    )
    step = "    detail: |\n" + "".join(f"      {line}\n" for line in deep.splitlines())
    protocol = PROTOCOL.replace("    detail: Call the hotline.\n", step)
    found = findings(
        tmp_path, {"glossary/survivor.yml": term, "protocols/hotel-staff.yml": protocol}
    )
    # The definition's list starts on line 4 of its file, the step's detail's on line 13.
    assert [(finding.path, finding.line, finding.column) for finding in found] == [
        ("glossary/survivor.yml", 4 + MAX_DEPTH, 3 + 4 * MAX_DEPTH),
        ("protocols/hotel-staff.yml", 13 + MAX_DEPTH, 7 + 4 * MAX_DEPTH),
    ]


def deepest_allowed() -> str:
    """A list, quotes and admonitions each nested as deep as the rule allows."""
    return (
        nested_list(MAX_DEPTH)
        + "\n"
        + "> " * MAX_DEPTH
        + "A quote.\n\n"
        + nested_admonitions(MAX_DEPTH)
    )


@pytest.mark.pdf
def test_a_handout_renders_nesting_up_to_the_limit(tmp_path: Path) -> None:
    """Review: WeasyPrint lays out each level by calling itself too, and failed on a list
    of 100 levels that an earlier limit let through."""
    from test_handouts import context_of, module_text, require_weasyprint, write_handbook

    from coalition_handbook.site import handout_render, handouts

    require_weasyprint()
    config_file = write_handbook(tmp_path)
    module = module_text("Deep", "\n" + deepest_allowed() + "\n", protocols="[]")
    (tmp_path / "content" / "modules" / "community.md").write_text(module, encoding="utf-8")
    context = context_of(config_file)
    assert list(markdown_nesting.check(context)) == []
    content = handouts.handout_content(context, context.handbook.modules["community"])
    pdf = handout_render.render_pdf(content, tmp_path / "content" / "modules", [tmp_path])
    assert pdf.startswith(b"%PDF-")


def test_the_site_renders_nesting_up_to_the_limit(tmp_path: Path) -> None:
    """What the rule lets through, the build renders: a page, and a term's page, whose
    definition goes into the Markdown the plugin writes for it."""
    definition = "definition: |\n" + "".join(
        f"  {line}\n" for line in nested_list(MAX_DEPTH).splitlines()
    )
    term = term_yaml().replace(
        "definition: A person who has experienced trafficking. Second sentence.\n", definition
    )
    pages = {"index.md": "# Home\n\n" + deepest_allowed()}
    config = write_site(tmp_path, pages=pages, terms={"survivor": term}, theme="material")
    site = build_site(config)
    assert read(site, "index.html").count("<li>") == MAX_DEPTH
    assert read(site, "glossary/survivor/index.html").count("<li>") >= MAX_DEPTH


def test_a_build_stops_with_the_finding_not_a_traceback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    pages = {"index.md": "# Home\n\n" + nested_list(300)}
    config = write_site(tmp_path, pages=pages)
    with pytest.raises(Abort):
        build_site(config)
    place = f"content/index.md:{MAX_DEPTH + 3}:{4 * MAX_DEPTH + 1}: markdown.nesting"
    assert place in caplog.text


def markdown_html(levels: int, markdown: int = 1) -> str:
    """HTML nested `levels` deep, its outer `markdown` elements with the attribute."""
    opening = "<div markdown>\n" * markdown + "<div>\n" * (levels - markdown)
    return opening + "Text.\n" + "</div>\n" * levels


_LONG_NUMBER = "9" * 5000


@pytest.mark.parametrize(
    ("body", "place"),
    [
        # Python-Markdown calls itself three times for each element with the attribute, and
        # is given 700 frames: 200 of them render (the build fails at some 330, by its
        # ~1,000); 260 are found, at the outermost one, after the page's two lines.
        (markdown_html(100, 100), None),
        (markdown_html(200, 200), None),
        (markdown_html(260, 260), (3, 1)),
        (markdown_html(1000, 1000), (3, 1)),
        # Elements in one Markdown is read in are read too, one call each: 600 render (the
        # build fails at some 990), 1,000 do not.
        (markdown_html(600), None),
        (markdown_html(1000), (3, 1)),
        ('<div markdown="1">' * 400 + "x" + "</div>" * 400 + "\n", (3, 1)),
        # Attribute names know no case, and a quoted value may hold a `>` (review rv14).
        (markdown_html(1000, 1000).replace("markdown", "MARKDOWN"), (3, 1)),
        (markdown_html(1000, 1000).replace("<div ", '<div title="a>b" '), (3, 1)),
        (markdown_html(100, 100).replace("<div ", '<div title="a>b" '), None),
        (markdown_html(1000, 1000).replace("<div ", '<div title="Ages <18" '), (3, 1)),
        (markdown_html(1000, 1000).replace("<div ", "<div title='a<b>c' "), (3, 1)),
        (markdown_html(1000, 1000).replace("<div ", "<div title=a<b "), (3, 1)),
        (markdown_html(1000, 1000).replace("<div ", "<div data <b "), (3, 1)),
        (markdown_html(1000, 1000).replace("<div ", f'<div title="{"<" * 2500}" '), (3, 1)),
        # A hand-written list's `<li>` left unclosed, as HTML allows, nest in that reader:
        # 60 render (review), 1,000 end the build.
        ("<div markdown>\n\n<ul>\n" + "<li>item\n" * 60 + "</ul>\n\n</div>\n", None),
        ("<div markdown>\n\n<ul>\n" + "<li>item\n" * 1000 + "</ul>\n\n</div>\n", (3, 1)),
        # Autolinks are no tags, and a `<p>` left open is closed by the next (review rv13):
        # 400 of each render.
        ("<div markdown>\n\n" + "<https://example.org/x>\n\n" * 400 + "</div>\n", None),
        ("<div markdown>\n\n" + "<name@example.org>\n\n" * 400 + "</div>\n", None),
        ("<div markdown>\n\n" + "<p>A paragraph.\n" * 400 + "</div>\n", None),
        # Plain HTML is passed on as it is, not read: any depth renders.
        (markdown_html(1000, 0), None),
        # Closed elements, void ones and one closed by its parent's end tag nest nothing.
        ("<div markdown>\n" + "<p>x</p><br><img src=a.png/>\n" * 100 + "</div>\n", None),
        ("<div markdown>\n" + "<section>\n<p>x\n</section>\n" * 100 + "</div>\n", None),
        # Named in inline code, or shown in fenced code, the tags open nothing.
        ("Write `<div markdown>` there.\n" * 100, None),
        ("```html\n" + markdown_html(100, 100) + "```\n", None),
    ],
    ids=[
        "html-of-100",
        "html-of-200",
        "html-of-260",
        "html-of-1000",
        "plain-html-of-600-in-markdown-html",
        "plain-html-of-1000-in-markdown-html",
        "on-one-line",
        "capitals",
        "quoted-greater-than",
        "quoted-greater-than-at-the-limit",
        "quoted-less-than",
        "single-quoted-tag",
        "bare-less-than",
        "less-than-in-a-name",
        "long-quoted-value",
        "unclosed-items",
        "unclosed-items-of-1000",
        "autolinks",
        "e-mail-autolinks",
        "unclosed-paragraphs",
        "plain-html",
        "closed-and-void",
        "closed-by-its-parent",
        "inline-code",
        "fenced-code",
    ],
)
def test_html_markdown_is_read_in_nested_too_deep_is_found_at_its_outermost_tag(
    tmp_path: Path, body: str, place: tuple[int, int] | None
) -> None:
    """Found by fuzzing: `<div markdown>` 1,000 deep passed the check and ended the build
    in a RecursionError (md_in_html)."""
    found = findings(tmp_path, {"content/page.md": "# Page\n\n" + body})
    assert [(finding.line, finding.column) for finding in found] == ([place] if place else [])
    assert all(finding.rule == "markdown.nesting" for finding in found)


@pytest.mark.parametrize(
    ("body", "place"),
    [
        (f"See &#{_LONG_NUMBER}; here.\n", (3, 5)),
        (f"See &#{_LONG_NUMBER} here, with no `;`.\n", (3, 5)),
        (f"See &#{'0' * 5000}106; here.\n", (3, 5)),  # leading zeros count
        (f"Code: `&#{_LONG_NUMBER};`.\n", (3, 8)),  # MkDocs reads inline code's too
        (f'<a title="&#{_LONG_NUMBER};">x</a>\n', (3, 11)),
        # What MkDocs reads: as many digits as int() reads, any hex reference.
        (f"See &#{'9' * 4300}; here.\n", None),
        (f"See &#x{'f' * 5000}; here.\n", None),
        # Fenced code is set aside before MkDocs reads the page.
        (f"```\n&#{_LONG_NUMBER};\n```\n", None),
    ],
    ids=["decimal", "no-semicolon", "zeros", "inline-code", "attribute", "4300", "hex", "fenced"],
)
def test_a_character_reference_of_more_digits_than_python_reads_is_found(
    tmp_path: Path, body: str, place: tuple[int, int] | None
) -> None:
    """Found by fuzzing: it passed the check and ended the build in a traceback (MkDocs'
    `_RawHTMLPreprocessor`, `int()` in `html.unescape`)."""
    found = findings(tmp_path, {"content/page.md": "# Page\n\n" + body})
    assert [(finding.line, finding.column) for finding in found] == ([place] if place else [])
    assert all(finding.rule == "markdown.nesting" for finding in found)
    assert all("more than 4,300 digits" in finding.message for finding in found)


def test_a_character_reference_in_a_definition_is_found_in_its_file(tmp_path: Path) -> None:
    """A definition goes into the Markdown of its term's page, which MkDocs reads."""
    term = term_yaml().replace("Second sentence.", f"Second &#{_LONG_NUMBER}; sentence.")
    found = findings(tmp_path, {"glossary/survivor.yml": term})
    assert [(finding.path, finding.line) for finding in found] == [("glossary/survivor.yml", 3)]


@pytest.mark.parametrize(
    ("body", "place"),
    [(markdown_html(1000, 1000), "3:1"), (f"See &#{_LONG_NUMBER}; here.\n", "3:5")],
    ids=["markdown-html", "character-reference"],
)
def test_a_build_stops_with_the_finding_on_what_mkdocs_cannot_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, body: str, place: str
) -> None:
    config = write_site(tmp_path, pages={"index.md": "# Home\n\n" + body})
    with pytest.raises(Abort):
        build_site(config)
    assert f"content/index.md:{place}: markdown.nesting" in caplog.text
    assert "Traceback" not in caplog.text


@pytest.mark.parametrize(("limit", "digits", "found"), [("640", 700, True), ("0", 5000, False)])
def test_a_character_reference_is_measured_against_the_digit_limit_in_force(
    tmp_path: Path, limit: str, digits: int, found: bool
) -> None:
    """Review rv14: Python's default limit was read, not the one PYTHONINTMAXSTRDIGITS
    sets for the run: at 640 a reference of 700 digits stopped the build, and the check
    said nothing; with no limit (0) one of 5,000 renders, and was reported."""
    config = write_files(tmp_path, {"content/page.md": f"# Page\n\nSee &#{'9' * digits}; here.\n"})
    completed = subprocess.run(
        [str(BIN / "handbook"), "check", "-f", str(config.root / "mkdocs.yml"), "--format", "json"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONINTMAXSTRDIGITS": limit, "HANDBOOK_NO_CACHE": "1"},
        check=False,
    )
    assert "Traceback" not in completed.stderr
    rules = [finding["rule"] for finding in json.loads(completed.stdout)["findings"]]
    assert ("markdown.nesting" in rules) is found


@pytest.mark.parametrize(
    "level",
    [
        "<div markdown>\n<!-- </div> -->\n",
        "<div markdown>\n<script></div></script>\n",
        "<div markdown>\n<style></DIV></style>\n",
        "<div markdown>\n</div`>\n",
        "<section`\n<div markdown>\n</section>\n",
        # What looks like a comment is read as part of an instruction or a declaration,
        # to its `>`, and the tags after it are read.
        "<?<!--x>\n<div markdown>\n-->\n",
        "<!x <!--y>\n<div markdown>\n-->\n",
    ],
    ids=[
        "comment",
        "script",
        "style",
        "end-tag-with-a-backtick",
        "start-tag-with-no-end",
        "comment-in-an-instruction",
        "comment-in-a-declaration",
    ],
)
def test_what_the_html_reader_takes_as_text_closes_no_markdown_element(
    tmp_path: Path, level: str
) -> None:
    """Review rv18: a `</div>` in a comment or a script, an end tag whose name holds a
    backtick, and a start tag that ends in no `>` are text to Python-Markdown's HTML
    reader: 400 levels of each, with the end tags the check took them for, stopped the
    build in a RecursionError while the check was silent."""
    body = level * 400 + "Text.\n" + "</div>\n" * 400
    found = findings(tmp_path, {"content/page.md": "# Page\n\n" + body})
    assert [finding.rule for finding in found] == ["markdown.nesting"]


# The site's Markdown extensions, as the handbook's mkdocs.yml lists them: md_in_html
# reads Markdown in HTML only where a site turns it on.
SITE_EXTENSIONS = (
    "markdown_extensions: [admonition, attr_list, md_in_html, tables, footnotes, "
    "{toc: {permalink: true}}, pymdownx.details, pymdownx.superfences, "
    "{pymdownx.tabbed: {alternate_style: true}}]\n"
)


def wrapped_levels(level: str, levels: int = 400) -> str:
    """`level` (a wrapper around one `<div markdown>`) `levels` times, then the ends of
    the divs: md_in_html nests each div in the one before."""
    return level * levels + "Text.\n" + "</div>\n" * levels


# Review: md_in_html nests only the block-level tags that start a line (or follow one
# there); an inline element, or a block one in mid-line, is text to it, and so is its end
# tag, which the check took for the end of every element opened after it.
WRAPPED_LEVELS = {
    "span": wrapped_levels("<span>\n<div markdown>\n</span>\n"),
    "link": wrapped_levels('<a href="#top">\n<div markdown>\n</a>\n'),
    "block-in-mid-line": wrapped_levels("Text <section>\n<div markdown>\n</section>\n"),
}


@pytest.mark.parametrize("body", WRAPPED_LEVELS.values(), ids=WRAPPED_LEVELS.keys())
def test_markdown_html_nested_inside_wrappers_it_does_not_nest_is_found(
    tmp_path: Path, body: str
) -> None:
    """Found at the outermost `<div markdown>`, the block Python-Markdown fails in."""
    found = findings(tmp_path, {"content/page.md": "# Page\n\n" + body})
    assert [(finding.line, finding.column) for finding in found] == [(4, 1)]
    assert all("nested too deep" in finding.message for finding in found)


@pytest.mark.parametrize("body", WRAPPED_LEVELS.values(), ids=WRAPPED_LEVELS.keys())
def test_a_build_of_markdown_html_nested_inside_wrappers_runs_out_of_stack(
    tmp_path: Path, body: str, caplog: pytest.LogCaptureFixture
) -> None:
    """What the check must find: with the rule off, MkDocs stops in a RecursionError."""
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n\n" + body},
        extra_config=SITE_EXTENSIONS,
        options="rules: {markdown.nesting: 'off'}\n",
    )
    with pytest.raises(RecursionError):
        build_site(config)
    assert "Error reading page 'index.md': maximum recursion depth exceeded" in caplog.text


@pytest.mark.parametrize("body", WRAPPED_LEVELS.values(), ids=WRAPPED_LEVELS.keys())
def test_a_build_of_markdown_html_nested_inside_wrappers_stops_with_the_finding(
    tmp_path: Path, body: str, caplog: pytest.LogCaptureFixture
) -> None:
    config = write_site(
        tmp_path, pages={"index.md": "# Home\n\n" + body}, extra_config=SITE_EXTENSIONS
    )
    with pytest.raises(Abort):
        build_site(config)
    assert "content/index.md:4:1: markdown.nesting" in caplog.text
    assert "Traceback" not in caplog.text


# Review: valid HTML, its end tags left out as HTML allows, or tags named in inline code,
# in a block Markdown is read in: Python-Markdown renders them, and the check reported
# them (it took every element as open until its end tag).
SOUND_MARKDOWN_HTML = {
    "table-rows": (
        "<div markdown>\n\n<table>\n" + "<tr><td>a cell<td>a cell\n" * 120 + "</table>\n\n</div>\n",
        "<td>a cell",
        240,
    ),
    "definitions": (
        "<div markdown>\n\n<dl>\n" + "<dt>term\n<dd>meaning\n" * 200 + "</dl>\n\n</div>\n",
        "<dd>",
        200,
    ),
    "options": (
        "<div markdown>\n\n<select>\n" + "<option>choice\n" * 400 + "</select>\n\n</div>\n",
        "<option>",
        400,
    ),
    "inline-code": (
        "<div markdown>\n\n" + "Write `<div>` or `<section>` there.\n" * 200 + "\n</div>\n",
        "<code>&lt;section&gt;</code>",
        200,
    ),
}


@pytest.mark.parametrize(
    ("body", "shown", "times"), SOUND_MARKDOWN_HTML.values(), ids=SOUND_MARKDOWN_HTML.keys()
)
def test_markdown_html_python_markdown_renders_is_no_finding(
    tmp_path: Path, body: str, shown: str, times: int
) -> None:
    assert findings(tmp_path, {"content/page.md": "# Page\n\n" + body}) == []


@pytest.mark.parametrize(
    ("body", "shown", "times"), SOUND_MARKDOWN_HTML.values(), ids=SOUND_MARKDOWN_HTML.keys()
)
def test_a_site_builds_markdown_html_python_markdown_renders(
    tmp_path: Path, body: str, shown: str, times: int
) -> None:
    config = write_site(
        tmp_path, pages={"index.md": "# Home\n\n" + body}, extra_config=SITE_EXTENSIONS
    )
    assert read(build_site(config), "index.html").count(shown) == times


def test_of_several_blocks_the_one_nested_too_deep_is_found(tmp_path: Path) -> None:
    body = "<div markdown>\nFine.\n</div>\n\n" + markdown_html(1000, 1000)
    found = findings(tmp_path, {"content/page.md": "# Page\n\n" + body})
    assert [(finding.line, finding.column) for finding in found] == [(7, 1)]


def deep_call(levels: int, call: Callable[[], bool]) -> bool:
    return call() if levels <= 0 else deep_call(levels - 1, call)


def test_the_check_renders_with_the_same_room_wherever_it_is_called() -> None:
    """The render is given its frames in a thread of its own: called with 100 frames of
    Python's stack left, the check tells the same, and the recursion limit is as it was."""
    limit = sys.getrecursionlimit()
    renders = "# Page\n\n" + markdown_html(200, 200)
    fails = "# Page\n\n" + markdown_html(260, 260)
    room = limit - len(inspect.stack()) - 100
    assert not deep_call(room, lambda: too_costly_to_render(renders))
    assert deep_call(room, lambda: too_costly_to_render(fails))
    assert sys.getrecursionlimit() == limit


@pytest.mark.parametrize(
    ("body", "rendered", "rule_message"),
    [
        ("<div markdown>\n\n<ul>\n" + "<li>item\n" * 98 + "</ul>\n\n</div>\n", False, None),
        ("<div markdown>\n\n<ul>\n" + "<li>item\n" * 99 + "</ul>\n\n</div>\n", True, None),
        ("<div markdown>\n" + "<p>x</p>\n" * 1000 + "</div>\n", False, None),
        ('<div class="grid" markdown>\n\n- <span>x</span>\n\n</div>\n\n' * 1000, False, None),
        (markdown_html(1000, 0), False, None),
        ("<div markdown>\n\n" + "<a " * 20000 + "\n", False, "tags left open"),
        (nested_list(300) + "\n" + markdown_html(1000, 1000), False, "nested more than 50"),
    ],
    ids=[
        "100-open",
        "101-open",
        "closed",
        "blocks",
        "no-markdown-attribute",
        "tags-left-open",
        "lists-too-deep",
    ],
)
def test_python_markdown_is_given_only_texts_that_may_be_nested_too_deep(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    body: str,
    rendered: bool,
    rule_message: str | None,
) -> None:
    """A text with no `markdown` attribute, or where no more than 100 elements may be
    open at once, cannot nest too deep, however many it holds; and one that another
    problem stops the build for is not rendered (tags left open would take minutes)."""
    import markdown

    convert = markdown.Markdown.convert
    given: list[str] = []

    def noted(self: markdown.Markdown, source: str) -> str:
        given.append(source)
        return "" if "<a <a <a" in source else convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", noted)
    found = findings(tmp_path, {"content/page.md": "# Page\n\n" + body})
    assert bool(given) is rendered
    assert [rule_message in finding.message for finding in found] == (
        [True] if rule_message else []
    )


def test_markdown_html_nested_too_deep_in_a_protocol_step_is_found_in_its_file(
    tmp_path: Path,
) -> None:
    """The block Python-Markdown fails in is placed in the protocol's file, as any
    finding of a step is; a term's definition and short show their tags as text, so the
    same HTML in them nests nothing and is no finding (review rv21: the build stopped on
    a term page that renders)."""
    lines = ("Fine.\n\n" + markdown_html(400, 400)).splitlines()
    definition = "definition: |\n" + "".join(f"  {line}\n" if line else "\n" for line in lines)
    short = "short: " + "<div markdown> " * 400 + "\n"
    term = term_yaml().replace(
        "definition: A person who has experienced trafficking. Second sentence.\n",
        definition + short,
    )
    step = "    detail: |\n" + "".join(f"      {line}\n" if line else "\n" for line in lines)
    protocol = PROTOCOL.replace("    detail: Call the hotline.\n", step)
    found = findings(
        tmp_path, {"glossary/survivor.yml": term, "protocols/hotel-staff.yml": protocol}
    )
    assert [(finding.path, finding.line, finding.column) for finding in found] == [
        ("protocols/hotel-staff.yml", 15, 7)
    ]


def test_a_term_page_renders_markdown_html_nested_in_its_definition_as_text(
    tmp_path: Path,
) -> None:
    """What the rule lets through in a definition, the build renders: its tags as text."""
    lines = markdown_html(400, 400).splitlines()
    definition = "definition: |\n" + "".join(f"  {line}\n" for line in lines)
    term = term_yaml().replace(
        "definition: A person who has experienced trafficking. Second sentence.\n", definition
    )
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n"},
        terms={"survivor": term},
        extra_config="markdown_extensions: [md_in_html]\n",
    )
    site = build_site(config)
    assert read(site, "glossary/survivor/index.html").count("&lt;div markdown&gt;") == 400


# Pieces of HTML and Markdown that md_in_html's reader reads in many ways.
PIECES = (
    "<div markdown>", '<div markdown="1">', "<DIV MARKDOWN>", "<div>", "</div>", "</DIV>",
    "<span>", "</span>", "<section>", "</section>", "<p>", "</p>", "<p markdown>", "<ul>",
    "</ul>", "<li>", "</li>", "<table markdown=\"1\">", "</table>", "<tr>", "</tr>", "<td>",
    "<dl>", "</dl>", "<dt>", "<dd>", "<details markdown>", "</details>", "<a href='x'>",
    "</a>", "<hr>", "<br>", "<div/>", "<script>", "</script>", "<pre>", "</pre>",
    "<textarea>", "</textarea>", "<!-- ", " -->", "<?", "<!", "<", ">", "</", '"', "`",
    "text ", "   ", "    ", "- ", "> ", "\n", "\n", "\n\n",
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "opened"),
    [
        ('   <div markdown="1"><hr><li></table>', 3),  # a `<hr>` in mid-line is no void
        # A `<p>` the reader closes before a block is closed by no `</p>` after.
        (
            "<p markdown><p markdown><td><dl></tr></div><section></p><hr></div></div>"
            "<details markdown><dd><ul></DIV><li><div><section></p></DIV>><!",
            9,
        ),
        ("<div markdown>\nx <script>\n" * 5, 5),  # tags in a script in mid-line are read
        ("<div markdown>\n<?<!--x>\n<div markdown>\n-->\n" * 3, 6),
    ],
    ids=["hr-in-mid-line", "p-closed-before-a-block", "script-in-mid-line", "instruction"],
)
def test_the_reading_of_open_elements_counts_what_python_markdown_opens(
    text: str, opened: int
) -> None:
    from coalition_handbook.stack_room import markdown_blocks

    assert max(most for _, most in markdown_blocks(text)) == opened
    assert markdown_nesting._most_open(text)[0] >= opened


def test_the_reading_of_open_elements_never_counts_fewer_than_python_markdown_opens() -> None:
    """The reading that says which texts to render (more than 100 elements open at once)
    counts at least as many as md_in_html's own reader holds open, in random HTML: if it
    counted fewer, a text nested too deep could pass unrendered (fuzzing found an end tag
    in a comment inside `<?`, a `<hr>` in mid-line, a `<p>` closed by a block)."""
    from coalition_handbook.stack_room import markdown_blocks

    pick = random.Random(20261205)
    for _ in range(1000):
        text = "".join(pick.choice(PIECES) for _ in range(pick.randint(5, 150)))
        opened = max((most for _, most in markdown_blocks(text)), default=0)
        assert markdown_nesting._most_open(text)[0] >= opened, text
