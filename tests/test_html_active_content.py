"""html.active-content: HTML in published Markdown that every reader's browser would run
(a script, an event handler, a frame, an embedded object, a `<base>`) is a warning, found
by the security audit: the content policy lets inline scripts run, so only review stops
them. HTML in code, in comments and in front matter (written as text) runs nothing."""

from __future__ import annotations

import gzip
import json
import logging
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown as python_markdown
import pytest
from handbooks import make_handbook
from helpers_model import PROTOCOL, module_md, write_files
from mkdocs.commands.build import build
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.exceptions import Abort, PluginError
from site_markdown import render

from coalition_handbook.check import run_checks
from coalition_handbook.findings import Finding, Severity
from coalition_handbook.markdown.event_handlers import (
    EVENT_HANDLER_ATTRIBUTES,
    may_run_as_handler,
)

RULE = "html.active-content"


def _findings(root: Path, files: dict[str, str | bytes]) -> list[Finding]:
    result = run_checks(write_files(root, files))
    return [finding for finding in result.findings if finding.rule == RULE]


@pytest.mark.parametrize(
    ("html", "column", "says"),
    [
        ("<script>location='https://example.org'</script>", 1, "run this <script>"),
        ('<SCRIPT src="/x.js"></SCRIPT>', 1, "run this <script>"),
        ("See <img src=x onerror=alert(1)> here.", 5, "event handler (onerror=)"),
        ('<p onclick="go()">Tap</p>', 1, "event handler (onclick=)"),
        ("<svg><circle ONLOAD='x()'/></svg>", 6, "event handler (onload=)"),
        ('<iframe src="https://example.org/form"></iframe>', 1, "in this <iframe>"),
        ('<frame src="x.html">', 1, "in this <frame>"),
        ('<object data="x.swf"></object>', 1, "what this <object> names"),
        ('<embed src="x.swf">', 1, "what this <embed> names"),
        ('<base href="https://example.org/">', 1, "every link of the page elsewhere"),
        # A `<` in an attribute's value, a `>` in a quoted one, the tag over three lines.
        ('<img alt="a > b" src="x<y"\n  data-x=1\n  onerror="alert(1)">', 1, "(onerror=)"),
        # In a raw HTML block Markdown reads no link: the tag in its "title" is a tag.
        ('<div>[x](y "<img src=x onerror=alert(1)>")</div>', 13, "(onerror=)"),
        # Security audit: a line that only starts as a reference definition is a
        # paragraph to Python-Markdown, and a footnote's text is published.
        ("[x]: a b <script>alert(1)</script>", 10, "run this <script>"),
        ("[x]: <script>alert(1)</script> more", 6, "run this <script>"),
        ("[x y]: https://example.org/ <script>alert(1)</script>", 29, "run this <script>"),
        ("> [x]: a b <script>alert(1)</script>", 12, "run this <script>"),
        ('[x]: a "t" <script>alert(1)</script>', 12, "run this <script>"),
        ("[^1]: <script>alert(1)</script>", 7, "run this <script>"),
    ],
)
def test_each_kind_of_active_html_in_a_page_is_a_warning_at_its_tag(
    tmp_path: Path, html: str, column: int, says: str
) -> None:
    page = f"# About\n\nSome text.\n\n{html}\n"
    (finding,) = _findings(tmp_path, {"content/about.md": page})
    assert (finding.path, finding.line, finding.column) == ("content/about.md", 5, column)
    assert finding.severity == Severity.WARNING
    assert page.splitlines()[4][column - 1 :].startswith(finding.found.split("\n")[0])
    assert says in finding.message and "every reader's browser" in finding.message
    assert f"<!-- handbook-disable-next-line {RULE} -->" in finding.message


@pytest.mark.parametrize(
    "html",
    [
        "Inline code: `<script>alert(1)</script>` and `<img src=x onerror=y>`.",
        "```html\n<script>alert(1)</script>\n<iframe src=x></iframe>\n```",
        "    <script>alert(1)</script>",  # indented code
        "<!-- <script>alert(1)</script> -->",
        "<!--\n<img src=x onerror=alert(1)>\n-->",
        # Words, attribute values and other attributes that only look like it.
        "Call the hotline on= weekdays; the onerror handler is not HTML.",
        '<a title="<script>" href="/x/">x</a> <p title="onerror=x" data-on="1">t</p>',
        "<p>Plain <b>HTML</b> and <img src=map.png alt=Map></p>",
        # A link's title is an attribute's value to Python-Markdown, escaped.
        '[a standard](https://example.org/std "ISO <img src=x onerror=alert(16)>")',
        '[a standard][iso]\n\n[iso]: https://example.org/std "ISO <img src=x onerror=y>"',
        "[iso]: <https://example.org/std> (ISO <img src=x onerror=y>)",
        "- [iso]: https://example.org/std 'ISO <img src=x onerror=y>'",
        # Review rv24: a definition's title may stand on the line after its address.
        '[iso]: https://example.org/std\n    "ISO <img src=x onerror=y>"',
        "[iso]: https://example.org/std\n(ISO <img src=x onerror=y>)",
        '[iso]: https://example.org/std\n\t"ISO <img src=x onerror=y>"',  # a tab: spaces
        "Escaped: &lt;script&gt;alert(1)&lt;/script&gt; and \\<b>",
    ],
)
def test_html_in_code_comments_or_values_and_plain_html_are_not_reported(
    tmp_path: Path, html: str
) -> None:
    page = f"# About\n\nSome text.\n\n{html}\n"
    assert _findings(tmp_path, {"content/about.md": page}) == []


@pytest.mark.parametrize(
    "definition",
    [
        # Session 46: a title on the line after the address, in a quote.
        '> [iso]: https://example.org/std\n> "ISO {tag}"',
        "> [iso]: https://example.org/std\n> 'ISO {tag}'",
        "> [iso]: https://example.org/std\n>     (ISO {tag})",
        # ... and the address alone on the line after the label, its title after it.
        '[iso]:\n    https://example.org/std "ISO {tag}"',
        "[iso]:\nhttps://example.org/std 'ISO {tag}'",
        "[iso]:\n    <https://example.org/std> (ISO {tag})",
        '[iso]:\n    https://example.org/std\n    "ISO {tag}"',
        '> [iso]:\n> https://example.org/std "ISO {tag}"',
        "- [iso]:\n  https://example.org/std\n  (ISO {tag})",
        '1. Item\n\n    [iso]:\n    https://example.org/std "ISO {tag}"',
        '!!! note\n    [iso]:\n    https://example.org/std\n    "ISO {tag}"',
        '[iso]:\t\n\thttps://example.org/std\t"ISO {tag}"',  # tabs: spaces
        '[iso]:\r\n    https://example.org/std\r\n    "ISO {tag}"',
    ],
)
def test_a_definition_over_two_or_three_lines_publishes_its_tag_as_a_title(
    tmp_path: Path, definition: str
) -> None:
    """Python-Markdown reads a definition's address, and then its title, alone on the
    next line too, in quotes, lists and admonitions: the title is an attribute's value,
    escaped, and nothing in it runs."""
    tag = "<img src=x onerror=alert(1)>"
    page = f"# About\n\n{definition.format(tag=tag)}\n\nSee [the standard][iso].\n"
    html = render(page)
    assert tag not in html and 'title="ISO &lt;img src=x onerror=alert(1)&gt;"' in html
    assert _findings(tmp_path, {"content/about.md": page}) == []


@pytest.mark.parametrize(
    "lines",
    [
        '[x]: https://a.example/\n  <div>\n[y]: https://b.example/ "{tag}"',
        'Text\n   <div>\n[y](https://b.example/ "{tag}")',
        ' <div>\n[y](https://b.example/ "{tag}")\n</div>',
        '- item\n\n  <div>\n  [y](https://b.example/ "{tag}")\n  </div>',
    ],
)
def test_a_block_level_tag_after_up_to_three_spaces_starts_raw_html(
    tmp_path: Path, lines: str
) -> None:
    """Python-Markdown reads an HTML block where a block-level tag starts a line after at
    most three spaces, also right after a paragraph's line or in a list item: Markdown is
    not read in it, and a tag in what looks like a link's title is a tag."""
    tag = "<img src=x onerror=alert(1)>"
    page = f"# About\n\n{lines.format(tag=tag)}\n"
    assert tag in render(page)  # published
    (finding,) = _findings(tmp_path, {"content/about.md": page})
    assert finding.found == tag


def test_a_block_level_tag_after_a_quote_mark_starts_no_raw_html(tmp_path: Path) -> None:
    """In a quote, Python-Markdown reads the `>` first: a link there is a link."""
    page = '# About\n\n> <div>\n> [y](https://b.example/ "<img src=x onerror=y>")\n> </div>\n'
    assert 'title="&lt;img src=x onerror=y&gt;"' in render(page)
    assert _findings(tmp_path, {"content/about.md": page}) == []


@pytest.mark.parametrize(
    ("address", "tag"),
    [
        # An address with a space: no definition but a paragraph.
        ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
        # Raw HTML, which Python-Markdown reads before any definition.
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ('> https://a.example/ "t" <img src=x onerror=alert(1)>', "<img src=x onerror=alert(1)>"),
    ],
)
def test_a_line_after_a_label_is_its_address_only_if_a_definition_would_be(
    tmp_path: Path, address: str, tag: str
) -> None:
    label = "> [x]:" if address.startswith(">") else "[x]:"
    page = f"# About\n\n{label}\n{address}\n"
    assert tag in render(page)  # published
    (finding,) = _findings(tmp_path, {"content/about.md": page})
    assert (finding.line, finding.column) == (4, address.index(tag) + 1)


@pytest.mark.parametrize(
    "page",
    [
        '* [x]:\n*  "<iframe src=x></iframe>"\n',
        '- [ref]:\n1. "<b onclick=x>b</b>"\n',
        '> - [x]:\n* "x <iframe src=x></iframe>"\n',
        "- Item\n    - [x]:\n    - 'x <script>alert(1)</script>'\n",
    ],
)
def test_a_list_item_after_a_label_alone_in_an_item_is_no_address(
    tmp_path: Path, page: str
) -> None:
    """Review rv31: Python-Markdown splits a list into its items before it reads any
    definition, so the next item is no address of a label alone in the item before: its
    tag is published. The block pass took it as the address and its quoted tag as a
    title, and the rule said nothing."""
    html = render(page)
    assert "<iframe" in html or "onclick" in html or "<script>" in html  # published
    assert [finding.line for finding in _findings(tmp_path, {"content/about.md": page})] == [
        page.count("\n")
    ]


@pytest.mark.parametrize(
    "page",
    [
        "> [x]:\n> > a '<img src=x onerror=alert(1)>'\n",
        ">[x]:\n> > <https://example.org> '<img src=x onerror=alert(1)>'\n",
        "> [x]: https://example.org\n> > '<img src=x onerror=alert(1)>'\n",
    ],
)
def test_a_quote_inside_the_quote_of_a_definition_is_no_address_or_title_of_it(
    tmp_path: Path, page: str
) -> None:
    """Review rv31: a line a quote deeper than a definition's label starts a quote of its
    own, which Python-Markdown reads before the definition: its tag is published. The
    block pass took it as the address or title, and the rule said nothing."""
    assert "<img src=x onerror=alert(1)>" in render(page)  # published
    assert [finding.line for finding in _findings(tmp_path, {"content/about.md": page})] == [2]


@pytest.mark.parametrize(
    "page",
    [
        "1. Some prose.\n[x]:\n- 'x <iframe src=x></iframe>'\n",
        "1. Some prose.\n   [x]:\n- 'x <iframe src=x></iframe>'\n",
        "1. Some prose.\n[x]:\n    - 'x <iframe src=x></iframe>'\n",
        "> 1. Some prose.\n> [x]:\n> - 'x <iframe src=x></iframe>'\n",
        "- a\n    - b\n[x]:\n- 'x <iframe src=x></iframe>'\n",
    ],
)
def test_a_list_item_after_a_label_on_an_items_lazy_line_is_no_address(
    tmp_path: Path, page: str
) -> None:
    """A label on a lazy line of a list item is the item's: Python-Markdown splits the
    list into its items first, so the next item (nested or not) is no address of it and
    its tag is published. The block pass took the item as the address and its quoted
    tag as a title, and the rule said nothing."""
    assert "<iframe" in render(page)  # published
    assert [finding.line for finding in _findings(tmp_path, {"content/about.md": page})] == [
        page.count("\n")
    ]


@pytest.mark.parametrize(
    ("line", "column"),
    [("<script>alert(1)</script>", 1), ('"t" <script>alert(1)</script>', 5)],
)
def test_a_line_after_a_definition_is_its_title_only_if_it_is_one_whole(
    tmp_path: Path, line: str, column: int
) -> None:
    """Python-Markdown publishes a line after a definition that is no title alone."""
    page = f"# About\n\n[x]: https://a.example/\n{line}\n"
    (finding,) = _findings(tmp_path, {"content/about.md": page})
    assert (finding.line, finding.column) == (4, column)


@pytest.mark.parametrize(
    "code",
    [
        "    [x]: https://a.example/",
        "\t[x]: https://a.example/",
        "- item\n\n        [x]: https://a.example/",
        "!!! note\n\n        [x]: https://a.example/",
    ],
)
def test_a_definition_written_in_code_has_no_title_on_the_next_line(
    tmp_path: Path, code: str
) -> None:
    """Review rv26: a definition's line in a code block is code, so the line after it is
    no title but a paragraph, whose tags Python-Markdown publishes."""
    title = '  "t <img src=x onerror=alert(1)>"'
    page = f"# About\n\n{code}\n{title}\n"
    assert "<img src=x onerror=alert(1)>" in render(page)  # published as a tag
    (finding,) = _findings(tmp_path, {"content/about.md": page})
    assert (finding.line, finding.column) == (page.count("\n"), title.index("<") + 1)


@pytest.mark.parametrize(
    ("html", "column"),
    [
        # A browser reads an element's text up to its end tag, even one in what looks
        # like a quoted value or a comment there; the script after it runs (security
        # audit: each of these ran with no finding).
        ('<noscript><p title="</noscript><script>alert(1)</script>"></noscript>', 32),
        ('Text <noscript><p title="</noscript><script>alert(1)</script>">', 37),
        ('<noembed><p title="</noembed><script>alert(1)</script>"></noembed>', 30),
        ('<noframes><p title="</noframes><script>alert(1)</script>">', 32),
        ('<xmp><p title="</xmp><script>alert(1)</script>"></xmp>', 22),
        ('<style><p title="</style><script>alert(1)</script>"></style>', 26),
        ('<textarea><p title="</textarea><script>alert(1)</script>">', 32),
        ('<TITLE><p title="</Title ><script>alert(1)</script>">', 27),
        ('<textarea/x><p title="</textarea><script>alert(1)</script>">', 34),
        ("<style><!-- </style><script>alert(1)</script> -->", 21),
        ("<title><!--</title><script>alert(1)</script>-->", 20),
        # HTML again in an <svg>'s <foreignObject> or a <math>'s <mtext>.
        ('<svg><foreignObject><style><p title="</style><script>alert(1)</script>">', 46),
        ('<math><mtext><style><p title="</style><script>alert(1)</script>">', 39),
        # A raw HTML block holds no code span: its backtick pairs with none.
        ("<p>`</p><script>alert(1)</script>`", 9),
    ],
)
def test_an_element_read_as_text_ends_where_a_browser_ends_it(
    tmp_path: Path, html: str, column: int
) -> None:
    page = f"# About\n\nSome text.\n\n{html}\n"
    (finding,) = _findings(tmp_path, {"content/about.md": page})
    assert (finding.line, finding.column, finding.found) == (5, column, "<script>")


@pytest.mark.parametrize(
    "html",
    [
        # A browser that runs scripts reads these as text: nothing in them runs.
        "<noscript><script>alert(1)</script></noscript>",
        "<textarea><img src=x onerror=alert(1)></textarea>",
        "<title><iframe src=x></iframe></title> and <xmp><base href=x></xmp>",
        "<style>\n\n<script>alert(1)</script>",  # never closed: the rest is its text
    ],
)
def test_tags_in_an_element_read_as_text_are_not_reported(tmp_path: Path, html: str) -> None:
    page = f"# About\n\nSome text.\n\n{html}\n"
    assert _findings(tmp_path, {"content/about.md": page}) == []


def test_elements_read_as_text_are_read_in_linear_time(tmp_path: Path) -> None:
    """Each element's end is looked for once: thousands left open, or closed in values."""
    page = "# About\n\n" + '<style><p title="</style><b>"> ' * 20_000 + "<textarea> " * 20_000
    assert _findings(tmp_path, {"content/about.md": page}) == []


@pytest.mark.parametrize(
    ("html", "line", "column"),
    [
        # A browser ends a comment at `<!-->`, `<!--->` or `--!>` (the HTML Standard's
        # tokenizer), whatever `-->` follows: the script after it runs.
        ("<!--> <script>alert(1)</script> -->", 5, 7),
        ("<!---> <script>alert(1)</script> -->", 5, 8),
        ("<!-- note --!> <script>alert(1)</script> -->", 5, 16),
        ("Text <!-- x --!><img src=x onerror=alert(1)> -->", 5, 17),
        # In a paragraph, Python-Markdown writes a `<!--` left open as text: a `-->`
        # paragraphs below closes no comment, and the script between them runs.
        ("Text <!-- note\n\n<script>alert(1)</script>\n\n-->", 7, 1),
        ("> Quote <!-- note\n>\n> <img src=x onerror=alert(1)> -->", 7, 3),
    ],
)
def test_a_comment_ends_where_a_browser_ends_it(
    tmp_path: Path, html: str, line: int, column: int
) -> None:
    page = f"# About\n\nSome text.\n\n{html}\n"
    (finding,) = _findings(tmp_path, {"content/about.md": page})
    assert (finding.line, finding.column) == (line, column)
    assert page.splitlines()[line - 1][column - 1 :].startswith(finding.found)


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names += [name for name, value in attrs if value]


def _handlers_published(html: str) -> list[str]:
    """The event handlers (with a value) of the elements of `html`, as a browser reads
    them."""
    parser = _Attributes()
    parser.feed(html)
    parser.close()
    return [name for name in parser.names if may_run_as_handler(name)]


# attr_list (the plugin always adds it) writes a `{ }` list's attributes on the element
# as they are, event handlers too: (Markdown, line and column of the handler, extensions
# that render it so: the site's, or fenced_code's for a fence).
ATTRIBUTE_LIST_HANDLERS = [
    ('![x](a.png){: onerror="alert(1)" }', 5, 15, None),
    ("## Title {: onclick=go() }", 5, 13, None),
    ("[link](x){ onmouseover=go() }", 5, 12, None),
    ("A paragraph\n{: onload=go() }", 6, 4, None),
    ("`code`{onclick=go}", 5, 8, None),
    ('*a*{title="1 }" ONCLICK=go}', 5, 17, None),
    ("| a | b {: onclick=go } |\n|---|---|", 5, 12, None),
    ("| a |\n|---|\n| c {: onclick=go } |", 7, 8, None),
    ('<div markdown>\n*e*{onclick="go()"}\n</div>', 6, 5, None),
    # A comment or a tag inside a list is a placeholder in its text: the list goes on.
    ("*a*{: x <!-- c --> onclick=go }", 5, 20, None),
    ('```{ .python onclick="go()" }\nx = 1\n```', 5, 14, ["fenced_code", "attr_list"]),
    # Python-Markdown makes a tab a space before attr_list reads the list, and nothing
    # need part a quoted value from the next token (security audit's follow-up).
    ("*a*{:\tonclick=go }", 5, 7, None),
    ('*a*{: title="x"onclick=go }', 5, 16, None),
    ("*a*{: title='x'OnClick=go }", 5, 16, None),
]


@pytest.mark.parametrize(("markdown", "line", "column", "extensions"), ATTRIBUTE_LIST_HANDLERS)
def test_an_event_handler_in_an_attribute_list_is_reported_at_its_name(
    tmp_path: Path, markdown: str, line: int, column: int, extensions: list[str] | None
) -> None:
    """Audit: `![x](a.png){: onerror="alert(1)" }` put a handler on the image that every
    reader's browser ran, with no finding."""
    page = f"# About\n\nSome text.\n\n{markdown}\n"
    html = (
        render(markdown)
        if extensions is None
        else python_markdown.markdown(markdown, extensions=extensions)
    )
    assert _handlers_published(html), html
    (finding,) = _findings(tmp_path, {"content/about.md": page})
    assert (finding.line, finding.column) == (line, column)
    assert page.splitlines()[line - 1][column - 1 :].startswith(finding.found)
    assert re.fullmatch(r"on[a-z]+=\S+", finding.found, re.IGNORECASE)
    name = finding.found.split("=")[0].lower()
    assert finding.message.startswith(
        f"attr_list puts {name}= on the element: every reader's browser would run this "
        f"event handler ({name}=); if the handbook means it, put "
        f"<!-- handbook-disable-next-line {RULE} --> on the line before it"
    )


@pytest.mark.parametrize(
    "markdown",
    [
        "Code: `{onclick=go}` and `![x](a.png){: onerror=go }`",
        "```\n![x](a.png){: onerror=go }\n```",
        "    ![x](a.png){: onerror=go }",  # indented code
        "Escaped: ![x](a.png)\\{: onerror=go }",
        "<!-- ![x](a.png){: onerror=go } -->",
        '<a title="{onclick=go}" href="/x/">x</a>',
        # What no browser runs: other attributes, names of no event, no value, no list.
        "## Title { #title .note data-onclick=go onboarding-step=2 on2=x }",
        "*a*{a:onclick=go} *b*{ onclick } *c*{ onclick= }",
        "A sentence that says onclick=go } with no list, and one { onclick=go left open.",
        # A `{` of prose earlier on the line opens no list in code, a comment or a tag.
        'Placeholders like {name} are filled in; never write `{: onclick="x" }`.',
        "Use {braces} here <!-- not {: onload=x } -->.",
        "See {x} <span title='a onclick=b }'>t</span>",
        # A code span ends the text a list may stand in: the list after it opens anew.
        "See {x} `c` onclick=go } and *a*{: x `c` onclick=go }",
    ],
)
def test_what_attr_list_makes_no_handler_of_is_not_reported(tmp_path: Path, markdown: str) -> None:
    page = f"# About\n\nSome text.\n\n{markdown}\n"
    assert not _handlers_published(render(markdown))
    assert _findings(tmp_path, {"content/about.md": page}) == []


def test_a_handler_in_an_attribute_list_of_a_protocol_step_is_reported(tmp_path: Path) -> None:
    protocol = PROTOCOL.replace(
        "    detail: Call the hotline.", '    detail: "Call [us](/x/){ onclick=go }."'
    )
    (finding,) = _findings(tmp_path, {"protocols/hotel-staff.yml": protocol})
    line = protocol.splitlines().index('    detail: "Call [us](/x/){ onclick=go }."') + 1
    assert (finding.path, finding.line, finding.column, finding.found) == (
        "protocols/hotel-staff.yml",
        line,
        30,
        "onclick=go",
    )


DEFINITION_HANDLERS = """\
term: trafficking
version: 1
definition: |
  Plain definition.
  [focus](#top){: autofocus onfocus="alert('autofocus-def')" } and
  **bold**{: onmouseover="alert(3)" }, `{: onclick=code }` and <!-- {: onclick=x } -->
history:
  - version: 1
    date: 2026-01-01
    summary: first
"""


def test_a_handler_in_an_attribute_list_of_a_definition_is_reported_at_its_name(
    tmp_path: Path,
) -> None:
    """Security audit: a definition's `{: autofocus onfocus=... }` ran on the term's
    page at once, and nothing reported it. Not in code or a comment."""
    found = _findings(tmp_path, {"glossary/trafficking.yml": DEFINITION_HANDLERS})
    assert [(f.path, f.line, f.column, f.found) for f in found] == [
        ("glossary/trafficking.yml", 5, 29, "onfocus=\"alert('autofocus-def')\""),
        ("glossary/trafficking.yml", 6, 14, 'onmouseover="alert(3)"'),
    ]
    assert all(finding.severity == Severity.WARNING for finding in found)
    assert found[0].message == (
        "attr_list puts onfocus= on the element: every reader's browser would run this "
        "event handler (onfocus=); a definition is text, so the term's page and the "
        "handouts leave it out: write the definition without it"
    )


@pytest.mark.parametrize(
    "reading",
    [
        "len(handler_attributes('{' * n + ' onclick=1}')) == 1",
        "len(handler_attributes('{a ' * n + 'onclick=1}')) == 1",
        "len(handler_attributes('{:' * n + ' onclick=1 }')) == 1",
        "handler_attributes('{a onclick=1\\n' * n + '}') == []",
        "len(handler_attributes('*a*{onclick=1} ' * n)) == n",
        "handler_attributes('{ ' + '`c` onclick=1 ' * n + '}') == []",
        "len(handler_attributes('`c` {x ' + 'onclick=1 ' * n + '}')) == n",
    ],
)
def test_attribute_lists_are_read_in_linear_time(reading: str) -> None:
    """A line of thousands of `{` and tokens, lines of lists left open (DESIGN section 11).
    One reading a child process, each with the whole CPU budget."""
    from work import python_in_time

    code = (
        "from coalition_handbook.markdown.attribute_lists import handler_attributes\n"
        "n = 200_000\n"
        f"assert {reading}\n"
    )
    completed = python_in_time(code)
    assert completed.returncode == 0, completed.stderr


def test_a_module_body_and_a_protocol_summary_and_step_detail_are_checked(
    tmp_path: Path,
) -> None:
    """Not a module's front matter title (written as text, as a step's title is)."""
    front = "title: 'Hotel staff <script>alert(1)</script>'\n" + "\n".join(
        "" if line.startswith("title:") else line
        for line in module_md().split("---\n")[1].splitlines(keepends=True)
    )
    module = module_md(front).replace("Trafficking happens here too.", "<script>x()</script>")
    protocol = (
        PROTOCOL.replace(
            "summary: What to do when something seems wrong.",
            "summary: What to do. <script>alert('psummary')</script>",
        )
        .replace(
            "    detail: Call the hotline.",
            '    detail: "Call. <img src=x onerror=\\"alert(1)\\">"',
        )
        .replace("  - title: Stay safe", "  - title: Stay <b onclick=x()>safe</b>")
    )
    found = _findings(
        tmp_path,
        {"content/modules/hotel-staff.md": module, "protocols/hotel-staff.yml": protocol},
    )
    module_line = module.splitlines().index("<script>x()</script>") + 1
    summary_line = protocol.splitlines().index(
        "summary: What to do. <script>alert('psummary')</script>"
    )
    assert [(f.path, f.line, f.column, f.found.split(">")[0]) for f in found] == [
        ("content/modules/hotel-staff.md", module_line, 1, "<script"),
        ("protocols/hotel-staff.yml", summary_line + 1, 22, "<script"),
        ("protocols/hotel-staff.yml", summary_line + 6, 20, '<img src=x onerror=\\"alert(1)\\"'),
    ]


def test_a_page_s_front_matter_is_not_read_as_html(tmp_path: Path) -> None:
    page = "---\ntitle: '<script>alert(1)</script>'\ndescription: '<img onerror=x>'\n---\n# A\n"
    assert _findings(tmp_path, {"content/about.md": page}) == []


def test_a_suppression_comment_or_the_rules_setting_lets_a_meant_one_through(
    tmp_path: Path,
) -> None:
    page = (
        "# Map\n\n"
        f"<!-- handbook-disable-next-line {RULE} -->\n"
        '<iframe src="/map/"></iframe>\n\n'
        "<script>x()</script>\n"
    )
    (left,) = _findings(tmp_path / "one", {"content/map.md": page})
    assert (left.line, left.found) == (6, "<script>")
    settings = "      rules: {html.active-content: off}\n"
    mkdocs = (
        "site_name: Test\ndocs_dir: content\nplugins:\n  - handbook:\n"
        "      glossary_dir: glossary\n      protocols_dir: protocols\n" + settings
    )
    assert _findings(tmp_path / "two", {"mkdocs.yml": mkdocs, "content/map.md": page}) == []


@pytest.mark.parametrize(
    "html",
    [
        '<div onanimationstart="x()" style="animation: spin 1s">',
        '<details ontoggle="x()" open>',
        '<div popover onbeforetoggle="x()">',
        '<button onpointerdown="x()">',
        '<div oncontentvisibilityautostatechange="x()">',
        '<button oncommand="x()">',
        '<body onpagereveal="x()">',
        '<svg><animate onbegin="x()" attributeName="x" dur="1s"/></svg>',
        '<div onwebkitanimationend="x()">',
    ],
)
def test_every_kind_of_event_handler_is_named_as_one(tmp_path: Path, html: str) -> None:
    """Handlers of the HTML Standard's mixins, of the specifications that add to them,
    of SVG's animations and legacy prefixed ones (`markdown.event_handlers`)."""
    page = f"# About\n\n{html}\n"
    (finding,) = _findings(tmp_path, {"content/about.md": page})
    handler = html.split(" on", 1)[1].split("=", 1)[0]
    assert f"every reader's browser would run this event handler (on{handler}=)" in (
        finding.message
    )


@pytest.mark.parametrize(
    "html",
    [
        '<td onboarding-step="2">Step</td>',
        '<span on2="x">x</span>',
        '<p on_click="x">x</p>',
        '<div on:click="x">x</div>',
        '<div on="x">x</div>',
    ],
)
def test_an_attribute_whose_name_is_no_events_is_no_handler(tmp_path: Path, html: str) -> None:
    """Review: any attribute starting `on` was reported. A handler's name is `on` and an
    event's, in letters only: a hyphen, a digit or any other character is no event's."""
    page = f"# About\n\n<table><tr>{html}</tr></table>\n"
    assert _findings(tmp_path, {"content/about.md": page}) == []


@pytest.mark.parametrize(
    ("html", "named", "data"),
    [
        ('<div online="yes">', "online=", "data-online="),
        ('<span one="1">', "one=", "data-one="),
        ('<div onfutureevent="x()">', "onfutureevent=", "data-onfutureevent="),
    ],
)
def test_a_name_of_a_handlers_form_no_browser_is_known_to_run_is_still_reported(
    tmp_path: Path, html: str, named: str, data: str
) -> None:
    """Browsers add events every year (`onbeforetoggle`, `onscrollsnapchange`,
    `oncommand`): a list of known handlers alone would let the newest through. A name of
    their form that none is known to run is reported, saying so and what to write for
    data."""
    page = f"# About\n\n{html}\n"
    (finding,) = _findings(tmp_path, {"content/about.md": page})
    assert finding.message.startswith(
        f"{named} is named as browsers name the event handlers every reader's browser would "
        "run (on and an event's name): none is known to run this name yet, but browsers add "
        f"events every year; if it holds data, name it {data};"
    )


def test_the_known_handlers_are_named_as_browsers_read_them() -> None:
    assert {"onclick", "onerror", "onload", "onmouseover", "onfocus", "onbeforetoggle"} <= (
        EVENT_HANDLER_ATTRIBUTES
    )
    assert all(may_run_as_handler(name) for name in EVENT_HANDLER_ATTRIBUTES)
    assert not {"online", "one", "onboarding-step"} & EVENT_HANDLER_ATTRIBUTES


@pytest.mark.parametrize(
    ("path", "text", "line", "column", "says"),
    [
        ("content/flyer.html", "<p>Call us</p>\n<script>alert(1)</script>\n", 2, 1, "<script>"),
        ("content/flyer.htm", '<p>Map</p>\n  <img src="m.png" onerror="go()">', 2, 3, "(onerror=)"),
        ("content/a/page.xhtml", "<html><body>\n<iframe src='x'></iframe>", 2, 1, "<iframe>"),
        ("content/poster.svg", '<svg width="9"\r\n onload="go()"/>', 1, 1, "(onload="),
        ("content/poster.svg", "<svg>\n<svg:script>go()</svg:script></svg>", 2, 1, "<script>"),
        ("content/feed.xml", '<rss>\n<h:script xmlns:h="{XHTML}">x</h:script>', 2, 1, "<script>"),
        # Every extension a web host serves as HTML, XHTML or SVG (security audit: these
        # ran their scripts unreported).
        ("content/old.shtml", "<p>Call us</p>\n<script>alert(1)</script>\n", 2, 1, "<script>"),
        ("content/a/page.xht", "<html><body>\n<script>x</script>", 2, 1, "<script>"),
        ("content/a/page.XHTM", "<html><body>\n<iframe src='x'></iframe>", 2, 1, "<iframe>"),
        ("content/poster.svgz", '<svg width="9"\n onload="go()"/>', 1, 1, "(onload="),
        # A comment ends where a browser ends it.
        ("content/flyer.html", "<p>x</p>\n<!--> <script>go()</script> -->", 2, 7, "<script>"),
        # Read as a browser's parser reads the file's type. XML: `<title/>` and
        # `<textarea/>` are empty elements, no text up to an end tag that never comes.
        ("content/poster.svg", '<svg xmlns="{SVG}"><title/>\n<script>x</script>', 2, 1, "<script>"),
        ("content/a.xhtml",
         '<html xmlns="{XHTML}"><textarea/>\n<script>x</script>', 2, 1, "<script>"),
        # HTML: in an <svg> too; `<![CDATA[` is a comment up to the first `>`; a browser
        # that runs scripts reads `<noscript>` as text up to `</noscript`.
        ("content/flyer.html",
         "<svg><title/></svg>\n<svg><title/><script>x</script>", 2, 14, "<script>"),
        ("content/flyer.html", "<p><![CDATA[ x > <script>x</script> ]]>", 1, 18, "<script>"),
        ("content/flyer.html",
         '<noscript><p title="</noscript><img onerror=x>">', 1, 32, "(onerror="),
        # XML data: what is in the XHTML or SVG namespace runs as in a page.
        ("content/feed.atom",
         '<feed xmlns="{ATOM}"><div xmlns="{XHTML}">\n<img onerror="x"/>', 2, 1, "(onerror="),
        ("content/map.kml",
         '<kml xmlns:s="{SVG}">\n<Placemark><s:svg onload="x"/>', 2, 12, "(onload="),
    ],
)  # fmt: skip
def test_active_tags_in_a_markup_file_the_site_publishes_as_it_is_are_reported(
    tmp_path: Path, path: str, text: str, line: int, column: int, says: str
) -> None:
    """Audit: MkDocs copies the HTML, SVG and XML files of docs_dir to the site as they
    are: a script in one ran on the site's own origin for whoever opened it, unreported."""
    text = _namespaces_named(text)
    (finding,) = _findings(tmp_path, {path: text})
    assert (finding.path, finding.line, finding.column) == (path, line, column)
    source_line = text.replace("\r\n", "\n").splitlines()[line - 1]
    assert source_line[column - 1 :].startswith(finding.found.splitlines()[0])
    assert says in finding.message and "publishes this file as it is" in finding.message
    assert f"<!-- handbook-disable-next-line {RULE} -->" in finding.message


def test_a_namespace_written_with_thousands_of_digits_is_no_traceback(tmp_path: Path) -> None:
    """Review rv10: `&#` and 5,000 digits in a namespace stopped `handbook check`, as
    Python's `int()` reads at most 4,300 (`html.unescape`); it is a namespace like another."""
    text = f'<rss xmlns="&#{"9" * 5000};">\n<h:script xmlns:h="{{XHTML}}">x</h:script>'
    (finding,) = _findings(tmp_path, {"content/feed.xml": _namespaces_named(text)})
    assert (finding.line, finding.column) == (2, 1)
    assert finding.found.startswith("<h:script ")


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("content/flyer.html", "<!-- <script>go()</script> -->\n<p onboarding-step=1>x</p>"),
        ("content/flyer.html", '<textarea><script>go()</script></textarea><p title="<script>">'),
        ("content/flyer.html", "<style>/* <img src=x onerror=go()> */</style>"),
        ("content/poster.svg", "<svg><![CDATA[<script>go()</script>]]></svg>"),
        ("content/notes.txt", "<script>go()</script> is shown as text"),
        ("content/data.csv", "name,html\nx,<img src=x onerror=go()>\n"),
        # HTML reads `<textarea/>` as `<textarea>`: text up to `</textarea>`.
        ("content/flyer.html", "<svg><style/></svg><textarea/><script>go()</script></textarea>"),
        # Plain XML data is shown as a tree of data: its own elements run nothing.
        ("content/data/meetings.xml", '<meetings>\n<meeting online="true" onsite="no">'
         "<base>Chicago</base><object>beds</object></meeting>\n</meetings>"),
        ("content/feed.rss", '<rss><channel><script>x</script><item onclick="x"/></channel></rss>'),
        ("content/feed.atom", '<feed xmlns="{ATOM}"><div xmlns:h="{XHTML}">'
         '<h:p h:onclick="x"/><script/></div></feed>'),
        ("content/map.gpx", '<gpx><h:div xmlns:h="{XHTML}"><h:p/></h:div><iframe/></gpx>'),
    ],
)  # fmt: skip
def test_what_runs_nothing_in_a_published_file_is_not_reported(
    tmp_path: Path, path: str, text: str
) -> None:
    assert _findings(tmp_path, {path: _namespaces_named(text)}) == []


def test_a_compressed_svgz_is_no_text_and_no_finding(tmp_path: Path) -> None:
    """A `.svgz` compressed with gzip (as drawing programs save one) is served as it is,
    which a browser cannot read as SVG: it is not read, and is no binary-data error."""
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="go()"/>'
    result = run_checks(write_files(tmp_path, {"content/poster.svgz": gzip.compress(svg)}))
    assert [f for f in result.findings if f.path == "content/poster.svgz"] == []


def _namespaces_named(text: str) -> str:
    for name, namespace in (
        ("{XHTML}", "http://www.w3.org/1999/xhtml"),
        ("{SVG}", "http://www.w3.org/2000/svg"),
        ("{ATOM}", "http://www.w3.org/2005/Atom"),
    ):
        text = text.replace(name, namespace)
    return text


def test_markup_files_are_read_in_linear_time() -> None:
    """Thousands of `<![CDATA[` in an HTML file (each ends at its first `>`), of
    namespaces bound, of `<svg>` and `<title/>` (DESIGN section 11)."""
    from work import python_in_time

    code = (
        "from coalition_handbook.rules.html_active_content import _active_tags_in_markup\n"
        "n = 100_000\n"
        "def found(text, path): return len(list(_active_tags_in_markup(text, path)))\n"
        "assert found('<p>' + '<![CDATA[ > ' * n + '<script>', 'a.html') == 1\n"
        "assert found(''.join(f'<p{i}:a xmlns:p{i}=\"u\">' for i in range(n)) + '<x onclick=1>', "
        "'a.xml') == 0\n"
        "assert found('<svg><title/>' * n + '<script>', 'a.html') == 1\n"
        "assert found('<title/><script>' * n, 'a.svg') == n\n"
    )
    completed = python_in_time(code)
    assert completed.returncode == 0, completed.stderr


def test_a_suppression_comment_lets_a_meant_script_of_a_markup_file_through(
    tmp_path: Path,
) -> None:
    flyer = (
        "<html><body>\n"
        f"<!-- handbook-disable-next-line {RULE} -->\n"
        '<script src="map.js"></script>\n'
        "<script>other()</script>\n"
    )
    (left,) = _findings(tmp_path, {"content/flyer.html": flyer})
    assert (left.line, left.found) == (4, "<script>")


def test_the_build_names_an_attribute_list_handler_and_a_published_files_script(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """What the site publishes is what runs: both reach the built site, and the build
    names both at their places."""
    page = '# Home\n\n![Map](map.png){: onerror="go()" }\n'
    config_file = make_handbook(
        tmp_path, page=page, **{"content__flyer.html": "<p>Flyer</p>\n<script>go()</script>\n"}
    )
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build(load_mkdocs_config(str(config_file)))
    site = tmp_path / "site"
    assert 'onerror="go()"' in (site / "index.html").read_text(encoding="utf-8")
    assert "<script>go()</script>" in (site / "flyer.html").read_text(encoding="utf-8")
    warnings = [
        record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING
    ]
    assert any(message.startswith(f"content/index.md:3:19: {RULE} ") for message in warnings)
    assert any(message.startswith(f"content/flyer.html:2:1: {RULE} ") for message in warnings)


SITE_TEXTS = """\
site_name: "Hostile <img src=x onerror=alert('site_name')> Handbook"
site_description: 'd"><img src=x onerror=alert("site_description")>'
site_author: 'a" onmouseover="alert(1)'
repo_url: https://example.org/r
repo_name: "<b>repo</b>"
copyright: 'Copyright <a href="/about/">us</a> <img src=x onerror=alert(2)>'
"""


def test_markup_in_the_texts_the_theme_writes_into_every_page_is_a_warning_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """Security audit: Material writes these settings into every page as they are, in
    elements and in attributes' double quotes; script in them ran on every page, and
    neither `handbook check` nor `mkdocs build --strict` said a word. A tag of
    `copyright` is meant (Material writes it as HTML), but for one that runs."""
    from coalition_handbook.cli import main

    config_file = make_handbook(tmp_path)
    config_file.write_text(
        SITE_TEXTS + config_file.read_text(encoding="utf-8").replace("site_name: T\n", ""),
        encoding="utf-8",
    )
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert main(["check", "-f", str(config_file), "--strict"]) == 1  # warnings fail it
    lines = SITE_TEXTS.splitlines()
    assert [(f["rule"], f["severity"], f["path"], f["line"], f["column"]) for f in findings] == [
        (RULE, "warning", "mkdocs.yml", line, 1) for line in (1, 2, 2, 3, 5, 6)
    ]
    assert all(f["found"] == lines[f["line"] - 1] for f in findings)
    messages = [finding["message"] for finding in findings]
    assert messages[0] == (
        "the theme writes 'site_name' into every page as HTML, as it is: "
        "<img src=x onerror=alert('site_name')>: every reader's browser would run this "
        "event handler (onerror=); write it as plain text"
    )
    assert "its '\"' would end the attribute" in messages[2] and "site_author" in messages[3]
    assert messages[4].endswith("<b>: it would be markup on every page; write it as plain text")
    assert "'copyright'" in messages[5] and "<img src=x onerror=alert(2)>" in messages[5]
    with caplog.at_level(logging.WARNING, logger="mkdocs"), pytest.raises((PluginError, Abort)):
        build(load_mkdocs_config(str(config_file), strict=True))
    assert any(
        record.getMessage().startswith(f"mkdocs.yml:1:1: {RULE} the theme writes 'site_name'")
        for record in caplog.records
    )


CONSENT = """\
extra:
  consent:
    title: Cookie consent <script>alert('title')</script>
    description: >-
      We keep none. <a href="/privacy/">Privacy</a>
      <img src=x onerror=alert(2)>
"""


def test_script_in_material_s_cookie_consent_is_a_warning_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Security review: Material writes `extra.consent`'s title and description into
    every page as HTML, as they are; their `<script>` ran on every page of the website
    (the content policy names each inline script's hash) and the build's and check's
    --strict passed. A link is meant, as in `copyright`."""
    from coalition_handbook.cli import main

    config_file = make_handbook(tmp_path)
    config_file.write_text(config_file.read_text(encoding="utf-8") + CONSENT, encoding="utf-8")
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    found = [(f["rule"], f["severity"], f["line"], f["message"].split(": ")[1]) for f in findings]
    # The consent's title and description are its third and fourth lines.
    title = len(config_file.read_text(encoding="utf-8").splitlines()) - 3
    description = title + 1
    assert found == [
        (RULE, "warning", title, "<script>"),
        (RULE, "warning", description, "<img src=x onerror=alert(2)>"),
    ]


def test_script_in_a_cookie_s_name_of_the_consent_is_a_warning_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review rv64e: Material writes the name of each cookie its consent lists
    (`extra.consent.cookies`, a text or a `name:`) into a label of every page as HTML,
    as it is, as it does the title: a `<script>` there ran as that title's did. Material's
    documented names and a tag that runs nothing stay quiet."""
    from coalition_handbook.cli import main

    config_file = make_handbook(tmp_path)
    cookies = (
        "extra:\n  consent:\n    title: Cookie consent\n    cookies:\n"
        "      analytics: <b>Analytics</b>\n      github: GitHub\n"
        "      custom: <script>alert(1)</script>\n"
        "      other:\n        name: '<img src=x onerror=alert(2)>'\n        checked: false\n"
    )
    config_file.write_text(config_file.read_text(encoding="utf-8") + cookies, encoding="utf-8")
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    lines = len(config_file.read_text(encoding="utf-8").splitlines())
    found = [(f["rule"], f["severity"], f["line"], f["message"].split(": ")[1]) for f in findings]
    assert found == [
        (RULE, "warning", lines - 3, "<script>"),
        (RULE, "warning", lines - 2, "<img src=x onerror=alert(2)>"),
    ]
    assert "'extra.consent.cookies.custom'" in findings[0]["message"]


def test_a_quote_in_a_page_status_s_title_is_a_warning_and_a_tag_is_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Security review: Material writes `extra.status`'s titles unescaped into a
    `title="..."` of the navigation: `New" onmouseover="..."` put a handler on the page's
    link in every page's navigation (the website's policy refuses it, the offline build
    ran it). A tag there is the attribute's text: not reported."""
    from coalition_handbook.cli import main

    config_file = make_handbook(tmp_path)
    status = "extra:\n  status:\n    new: 'New\" onmouseover=\"go()'\n    old: '<b>Old</b>'\n"
    config_file.write_text(config_file.read_text(encoding="utf-8") + status, encoding="utf-8")
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    lines = len(config_file.read_text(encoding="utf-8").splitlines())
    assert [(f["rule"], f["line"]) for f in findings] == [(RULE, lines - 1)]
    assert "'extra.status.new'" in findings[0]["message"]
    assert "would end the attribute" in findings[0]["message"]


def test_a_quote_in_a_cookie_s_key_of_the_consent_is_a_warning_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Security review sec64: Material writes the key of each cookie its consent lists
    into a `name="..."` of every page, as it is: `'x" autofocus onfocus="go()'` put a
    handler on the checkbox, as a `"` in a status's title did."""
    from coalition_handbook.cli import main

    config_file = make_handbook(tmp_path)
    cookies = (
        "extra:\n  consent:\n    title: Cookie consent\n    cookies:\n"
        "      analytics: Analytics\n"
        "      'x\" autofocus onfocus=\"go()': Other\n"
    )
    config_file.write_text(config_file.read_text(encoding="utf-8") + cookies, encoding="utf-8")
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    lines = len(config_file.read_text(encoding="utf-8").splitlines())
    assert [(f["rule"], f["line"]) for f in findings] == [(RULE, lines)]
    assert "would end the attribute" in findings[0]["message"]


def test_a_status_keyed_by_a_word_yaml_reads_as_true_is_reported_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Security review sec64: a status keyed `yes:` (YAML's true) was reported at
    mkdocs.yml's first line, its line looked up by the key as written."""
    from coalition_handbook.cli import main

    config_file = make_handbook(tmp_path)
    status = "extra:\n  status:\n    yes: 'Yes\" onmouseover=\"go()'\n    new: New\n"
    config_file.write_text(config_file.read_text(encoding="utf-8") + status, encoding="utf-8")
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    lines = len(config_file.read_text(encoding="utf-8").splitlines())
    assert [(f["rule"], f["line"]) for f in findings] == [(RULE, lines - 1)]


def test_plain_site_texts_and_a_copyright_s_links_are_not_reported(tmp_path: Path) -> None:
    mkdocs = (
        "site_name: Riverbend & Co's 'Handbook'\nsite_description: Terms <3 and a > b\n"
        "copyright: 'Copyright &copy; <a href=\"https://example.org/\">Riverbend</a>'\n"
        # Review: Material writes repo_name only as an element's text, where `"` is a quote.
        "repo_url: https://example.org/r\nrepo_name: 'The \"Safe Harbor\" repo'\n"
        "docs_dir: content\nplugins:\n  - handbook\n"
    )
    assert _findings(tmp_path, {"mkdocs.yml": mkdocs, "content/index.md": "# Home\n"}) == []
