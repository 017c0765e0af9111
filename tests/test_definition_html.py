"""HTML in a term's definition (DESIGN section 11): found outside code, reported at its
line and column by `glossary.html`, and shown as typed on the term's page."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from handbooks import make_handbook, set_handbook_options
from mkdocs.commands.build import build
from mkdocs.config import load_config
from site_markdown import render

from coalition_handbook.cli import main
from coalition_handbook.markdown.definitions import definition_as_shown
from coalition_handbook.markdown.raw_html import html_in_markdown, tags_as_text


def tags(markdown: str) -> list[str]:
    return [markdown[start:end] for start, end in html_in_markdown(markdown).tags]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("An <b>html</b> word <img src=x onerror=1>.", ["<b>", "</b>", "<img src=x onerror=1>"]),
        ("<script>alert(1)</script> then text", ["<script>", "</script>"]),
        ("<SCRIPT>\nalert(1)\n</SCRIPT>\n", ["<SCRIPT>", "</SCRIPT>"]),
        ("Text\n\n<div>\n<em>x</em>\n</div>\n\nafter <u>u</u>",
         ["<div>", "<em>", "</em>", "</div>", "<u>", "</u>"]),
        ("x <code>a<b</code> y", ["<code>", "<b", "</code>"]),
        # Python-Markdown reads no `\<` escape: the tag after it is HTML.
        ("A \\<img src=x onerror=1> b", ["<img src=x onerror=1>"]),
        ("<div markdown>\nA\n</div>", ["<div markdown>", "</div>"]),
        # Not HTML on the page: code, comments, autolinks, comparisons.
        ("Code `<b>` here", []),
        ("```\n<b>fenced</b>\n```\n", []),
        ("    <b>indented code</b>\n\nText", []),
        ("- item\n\n    ```\n    <b>\n    ```\n", []),
        ("a <!-- note --> b", []),
        ("See <https://example.org> and 3 < 4 > 2", []),
    ],
)  # fmt: skip
def test_the_tags_a_reader_would_see_as_html(markdown: str, expected: list[str]) -> None:
    assert tags(markdown) == expected


@pytest.mark.parametrize(
    ("markdown", "shown"),
    [
        ("A \\<img src=x onerror=1> b", "A \\&lt;img src=x onerror=1> b"),
        # Comments go, each where a browser ends it: what follows is shown as typed.
        ("A <!-- --!><img src=x onerror=2> --> b", "A &lt;img src=x onerror=2> --> b"),
        ("<!--><img src=x onerror=3>-->", "&lt;img src=x onerror=3>-->"),
        ("A <!---><b>x</b> -->", "A &lt;b>x&lt;/b> -->"),
        # ... and a comment in a paragraph ends before the next paragraph, or is text.
        ("A <!-- x\n\n<b>y</b> -->", "A &lt;!-- x\n\n&lt;b>y&lt;/b> -->"),
        ("A\n<!-- x\n\n<b>y</b> -->", "A\n"),  # at a line's start: an HTML block
        # Comments go first: the code they hid or held is read again without them.
        ("<!--`--><img src=x onerror=4>`", "&lt;img src=x onerror=4>`"),
        ("<!--\n```\n-->\n<img src=x onerror=5>\n```", "\n&lt;img src=x onerror=5>\n```"),
        # ... and again, till none is left: taking one out may join a `<` to `!--` after it.
        ("A <<!-- x -->!-- hidden --> b", "A  b"),
        ("A " + "<!" * 7 + "<!-- <i> -->" + "-- -->" * 7 + " b", "A  b"),  # 8 layers
        # ... but for a few: past 8 layers, what is left shows as text, every `<` in it.
        ("A " + "<!" * 9 + "<!-- <i> -->" + "-- -->" * 9 + " b", "A &lt;!&lt;!-- -->-- --> b"),
        ("A <!-- unclosed <b>", "A &lt;!-- unclosed &lt;b>"),
        ("<div markdown>\nA\n</div>", "&lt;div markdown>\nA\n&lt;/div>"),
        # A tag that starts a line is HTML to Python-Markdown, even in a code span.
        ("`\n<p><img src=x onerror=6>`", "`\n&lt;p><img src=x onerror=6>`"),  # then code
        # ... also after another `<` in that span (found by the security review)
        ("A `<\n<div><img src=x onerror=7></div>`", "A `<\n&lt;div><img src=x onerror=7></div>`"),
        ("A `code <b>` b", "A `code <b>` b"),
        ("A `code\n<b>` b", "A `code\n<b>` b"),  # no block-level tag: code
        # Once the tags are text, backticks in a former HTML block are a code span.
        ("<div>\n`<evil>`\n</div>", "&lt;div>\n`<evil>`\n&lt;/div>"),
        ("See <https://x.org> or <a@x.org>; 3 < 4.", "See <https://x.org> or <a@x.org>; 3 &lt; 4."),
    ],
)  # fmt: skip
def test_no_tag_of_a_definition_is_html_on_its_page(markdown: str, shown: str) -> None:
    assert tags_as_text(markdown) == shown


def test_a_definition_with_a_long_code_span_full_of_tags_is_read_in_linear_time(
    tmp_path: Path,
) -> None:
    """Each `<` in a code span was read back to its line's start to see whether it starts
    a line: quadratic, so a definition of a few MB took minutes (DESIGN section 11; found
    in review). Each line of a span is looked at once now."""
    from work import checked_in_time

    definition = "A `a" + "<" * 1_500_000 + "` b."
    term = f"term: widget\nversion: 1\ndefinition: {json.dumps(definition)}\n" + (
        "history:\n  - version: 1\n    date: 2026-01-01\n    summary: First.\n"
    )
    completed = checked_in_time(make_handbook(tmp_path, **{"glossary__widget.yml": term}))
    assert completed.returncode == 0, completed.stderr


def test_comments_nested_in_thousands_of_layers_are_read_in_linear_time() -> None:
    """A pass took out one layer of `<!<!-- -->-- -->`: quadratic in the depth, 1.5 s
    for a 16 KB definition of 2,000 layers, hours for a megabyte (DESIGN section 11)."""
    from work import python_in_time

    code = (
        "from coalition_handbook.markdown.raw_html import tags_as_text\n"
        "depth = 100_000\n"
        "shown = tags_as_text('A ' + '<!' * depth + '<!-- <i> -->' + '-- -->' * depth)\n"
        "assert '<' not in shown.replace('&lt;', ''), shown[:200]\n"
        "for opened in ('<!--!>', '<!-- '):\n"
        "    shown = tags_as_text('A ' + opened * depth + '\\n\\n-->')\n"
        "    assert '<' not in shown.replace('&lt;', ''), shown[:200]\n"
    )
    completed = python_in_time(code)
    assert completed.returncode == 0, completed.stderr


def test_tags_are_shown_as_text_and_code_is_left_alone() -> None:
    assert tags_as_text("A <b>bold</b> `<i>` & <img src=x onerror=alert(1)>") == (
        "A &lt;b>bold&lt;/b> `<i>` & &lt;img src=x onerror=alert(1)>"
    )
    assert tags_as_text("Plain & simple") == "Plain & simple"


HTML_TERM = """\
term: html thing
version: 1
definition: "A <b>named</b> thing, `<i>` in code."
history:
  - version: 1
    date: 2026-01-01
    summary: First approved.
"""


def test_a_tag_in_a_definition_is_an_info_finding_at_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = make_handbook(
        tmp_path,
        page="# Home\n\nA <b>page</b> may hold markup.\n",  # pages may: not this rule's
        **{"glossary/html-thing.yml": HTML_TERM},
    )
    # Reported only: it never fails a check, even a strict one.
    assert main(["check", "-f", str(config_file), "--format", "json", "--strict"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [
        (f["rule"], f["severity"], f["path"], f["line"], f["column"], f["found"]) for f in findings
    ] == [
        ("glossary.html", "info", "glossary/html-thing.yml", 3, 16, "<b>"),
        ("glossary.html", "info", "glossary/html-thing.yml", 3, 24, "</b>"),
    ]
    assert "shown as typed" in findings[0]["message"]


def test_an_edit_that_adds_or_removes_a_tag_is_seen_by_a_warm_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    term_file = tmp_path / "glossary" / "html-thing.yml"
    config_file = make_handbook(tmp_path, **{"glossary/html-thing.yml": HTML_TERM})
    plain = HTML_TERM.replace("<b>named</b>", "named")
    for text, expected in ((HTML_TERM, 2), (plain, 0), (plain, 0), (HTML_TERM, 2)):
        term_file.write_text(text, encoding="utf-8")
        main(["check", "-f", str(config_file), "--format", "json"])
        findings = json.loads(capsys.readouterr().out)["findings"]
        assert len([f for f in findings if f["rule"] == "glossary.html"]) == expected
    assert (tmp_path / ".cache").is_dir()  # the runs after the first were warm


@pytest.mark.parametrize(
    ("markdown", "published"),
    [
        # Security audit: a live handler on the term's page (`autofocus` ran it at once),
        # an image loaded from another host.
        ('[f](#top){: autofocus onfocus="alert(1)" } x', '<a href="#top">f</a> x'),
        ('**b**{: onmouseover="alert(3)" }', "<strong>b</strong>"),
        ('[s](#a){: style="background:url(https://evil.example/x.png)" }', '<a href="#a">s</a>'),
        ("A paragraph\n{: onclick=go }", "A paragraph"),
        # Review: where link.unsafe is off, attr_list sent the reader to a script.
        ('[t](#top){: href="javascript:alert(1)" }', '<a href="#top">t</a>'),
        ("[t](#top){:formaction=javascript:go .c lang=es }",
         '<a class="c" href="#top" lang="es">t</a>'),
        ('![p](p.png){: src="https://evil.example/x.png" width=3 }',
         '<img alt="p" src="p.png" width="3" />'),
        ("*a*{: xlink:href=x ping=https://evil.example data-clipboard-text=y aria-label=ok }",
         '<em aria-label="ok">a</em>'),
        ("*a*{:\tonclick=go }", "<em>a</em>"),  # a tab parts tokens as a space does
        # What is not a handler or a style stays; nothing joins into a new one.
        ('*a*{: .note title="x"onclick=go }', '<em class="note" title="x">a</em>'),
        ("*a*{: onclick onmouseover=x=alert(1) }", "<em>a</em>"),
        ("`{: onclick=go }` in code", "<code>{: onclick=go }</code> in code"),
        ("Placeholders like {name} stay.", "Placeholders like {name} stay."),
        # Review: a bare word is an attribute too (attr_list writes `<a popover>`), but
        # for the class and id shorthands; words between two lists are prose.
        ("[x](#top){: popover } [h](#top){: hidden .c #i }",
         '<a href="#top">x</a> <a class="c" href="#top" id="i">h</a>'),
        ("[b](#top){: autofocus contenteditable download inert lang=es }",
         '<a href="#top" lang="es">b</a>'),
        ("Write {name} or {date} here.", "Write {name} or {date} here."),
        ("A paragraph\n{: hidden }", "A paragraph"),
    ],
)  # fmt: skip
def test_a_definition_s_page_publishes_no_handler_or_style_of_an_attribute_list(
    markdown: str, published: str
) -> None:
    assert render(definition_as_shown(markdown)) == f"<p>{published}</p>"


@pytest.mark.parametrize(
    "markdown",
    [
        "Plain.\n\n{hidden}\n",
        "Plain.\n\n{: autofocus .x }\n\nMore.",
        "{: hidden }",
        "# Heading\n{: inert }",
    ],
)
def test_a_paragraph_that_is_only_a_list_is_text_in_a_definition(markdown: str) -> None:
    """Review rv4 F9: attr_list reads a block's list on a line after its text, so a
    paragraph that is only `{hidden}` stays text; it was cut out (and reported)."""
    assert definition_as_shown(markdown) == markdown
    assert render(markdown) == render(definition_as_shown(markdown))


TERM_WITH_ATTRIBUTES = """\
term: trafficking
version: 1
definition: |
  Plain definition.
  [focus](#top){: autofocus onfocus="alert('autofocus-def')" } and
  [styled](#a){: style="background:url(https://evil.example/def-style.png)" }
  [tool](#top){: href="javascript:alert('def-href')" }
history:
  - version: 1
    date: 2026-01-01
    summary: first
"""


def test_a_definition_s_handlers_and_styles_are_named_and_left_off_its_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """Security audit: the term's page ran the handler at once, and loaded the image
    from another host; neither `handbook check` nor `mkdocs build --strict` said a word."""
    config_file = make_handbook(tmp_path, **{"glossary/trafficking.yml": TERM_WITH_ATTRIBUTES})
    # Where link.unsafe is off, its javascript: is on the page but for this.
    set_handbook_options(config_file, "rules: {link.unsafe: off}")
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["rule"], f["severity"], f["line"], f["column"], f["found"]) for f in findings] == [
        ("glossary.html", "info", 5, 19, "autofocus"),
        ("html.active-content", "warning", 5, 29, "onfocus=\"alert('autofocus-def')\""),
        ("glossary.html", "info", 6, 18, 'style="background:url(https://evil.example/def-style.png)"'),
        ("glossary.html", "info", 7, 18, "href=\"javascript:alert('def-href')\""),
    ]  # fmt: skip
    assert findings[0]["message"] == (
        "attr_list's autofocus in a definition is left out of the term's page and the "
        "handouts, as a definition is text; write it without"
    )
    assert findings[2]["message"] == (
        "attr_list's style= in a definition is left out of the term's page and the "
        "handouts, as a definition is text; write it without"
    )
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        build(load_config(str(config_file)))
    assert any(
        record.getMessage().startswith("glossary/trafficking.yml:5:29: html.active-content ")
        for record in caplog.records
    )
    page = (tmp_path / "site" / "glossary" / "trafficking" / "index.html").read_text("utf-8")
    assert '<a href="#top">focus</a> and\n<a href="#a">styled</a>' in page
    assert '<a href="#top">tool</a>' in page
    # Its text (the description, made of it) may say them, escaped: no element has them.
    assert 'onfocus="' not in page and 'style="background' not in page
    assert 'href="javascript' not in page


def test_an_address_a_definition_leaves_out_is_one_finding_that_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review rv3, finding 14: `{: href="javascript:..." }` was an info (left out of the
    page) and a link.unsafe error (runs code) at once; no page, tooltip or handout
    carries it. A link of the definition's own is still an error."""
    term = TERM_WITH_ATTRIBUTES.replace(
        "  Plain definition.\n", "  Plain definition, [run](javascript:go).\n"
    )
    config_file = make_handbook(tmp_path, **{"glossary/trafficking.yml": term})
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["rule"], f["line"], f["column"]) for f in findings if f["line"] in (4, 7)] == [
        ("link.unsafe", 4, 27),
        ("glossary.html", 7, 18),
    ]


SNIPPET_TERM = (
    'term: T-Visa\nversion: 1\ndefinition: |\n  A visa for a survivor.\n\n  --8<-- "part.md"\n\n'
    '  ```\n  --8<-- "code.md"\n  ```\n\n  Text with --8<-- "inline.md" in it.\n'
    "history:\n  - version: 1\n    date: 2026-01-01\n    summary: First approved.\n"
)


@pytest.mark.parametrize("snippets", [True, False])
def test_a_snippet_line_in_a_definition_is_an_info_finding_where_the_site_has_snippets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], snippets: bool
) -> None:
    """Task lo64: a definition includes no file, and its page and tooltips showed the
    `--8<--` line as typed, the editor told nothing. Code and a line's middle are text;
    without pymdownx.snippets the line is text on pages too, and meant so."""
    config_file = make_handbook(
        tmp_path, **{"glossary/t-visa.yml": SNIPPET_TERM, "content/part.md": "A part.\n"}
    )
    if snippets:
        text = config_file.read_text(encoding="utf-8")
        config_file.write_text(
            text + "markdown_extensions:\n  - pymdownx.snippets\n", encoding="utf-8"
        )
    assert main(["check", "-f", str(config_file), "--format", "json", "--strict"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    found = [(f["rule"], f["line"], f["column"], f["found"]) for f in findings]
    assert found == ([("glossary.html", 6, 3, '--8<-- "part.md"')] if snippets else [])
    assert all("includes no file" in f["message"] for f in findings)
