"""The extraction gives exactly what the previous, line-by-line implementation gave.

`reference_markdown` is that implementation, frozen; the engine's faster block and inline
passes must agree with it on every shipped page, on a generated benchmark handbook and on
random pieces of Markdown (hypothesis).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
import reference_markdown
from hypothesis import example, given, settings
from hypothesis import strategies as st

from benchmarks.generate import page
from coalition_handbook.markdown import HARD, checkable_text

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted(
    path
    for folder in ("content", "docs", "tests")
    if (ROOT / folder).is_dir()
    for path in (ROOT / folder).rglob("*.md")
)

# Pieces that start, end or interrupt blocks and inline markup, in every combination.
# A `--!>` ends a note too (`a <!-- b --!> c` shows "a" and "c": html.parser ends it
# there, Python-Markdown writes `<!-- b -->`), as the reference reads it since 2026-12-06.
# No lone backslash: an escaped end (`\--!>`) is the engine's reading alone, compared
# with Python-Markdown itself in test_published_comments.py.
PIECES = [
    "a", "b c", "word", " ", "  ", "    ", "\t", "\n", "\r\n", "\r", "\n\n", "- ", "* ",
    "1. ", "# ", "> ", "```", "~~~", "    code", "<div>", "</div>", "<!--", "-->", "<pre>",
    "</pre>", "--!>", "!!! note", '!!! note "T"', '=== "Tab"', "???+ x", "|", "| a | b |",
    "|---|---|", "---", "===", "[x]: http://a", "[^1]: foot", "*[HTML]: x", "`code`",
    "``a`b``", "[link](http://x.org)", "![alt](i.png)", "http://x.org/y", "a@b.org",
    "<a@b.org>", "<https://x.y>", "&nbsp;", "&amp;", "\x00", "\u00a0", "\u00e9", "_", "*",
    "{: .x}", "<b>", "www.x.com", "\\*", "[a][b]", "[^n]", "](a b)", "(", ")", "a_b",
    "x.org/y", "a.and/", "B.ORG", "/", "y.museum/z", "q.online/", "x.Org/", "@x.org",
    "&shy;", "&#8203;", "&lowbar;", "&ast;",
]  # fmt: skip


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: str(path.relative_to(ROOT)))
def test_shipped_pages(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    for body_line in (1, 4):
        assert checkable_text(text, body_line) == reference_markdown.checkable_text(text, body_line)


def test_generated_pages() -> None:
    rng = random.Random(11)
    forms = ["sex trafficking", "survivor", "TIP", "labour exploitation"]
    for number in range(150):
        text = page(rng, number, forms)
        if number % 3 == 0:
            text = text.replace("\n", "\r\n")
        assert checkable_text(text) == reference_markdown.checkable_text(text)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.sampled_from([1, 1, 2, 3]))
# Found by chance in CI's draws: the last `<!--` opens the comment ("a<!--" is shown),
# and one sharing the close's dashes opens none (all of it is shown).
@example(["a", "<!--", "<!--", "-->"], 1)
@example(["a", "<!--", "word", "<!--", "> "], 1)
@example(["a", "<!--", "```", "-->", "```"], 1)  # a `-->` in a code span closes none
@example(["<!--", "> ", "-->"], 1)  # `<!-->` a browser ends at once: `-->` is shown
# Raw HTML's backticks open no code span: the next line's tag is blanked (CI's draw).
@example(["<div>", "```", "\n", "<div>", "```"], 1)
# A comment in raw HTML goes on over the block's lines, as a browser reads it (CI's draw).
@example(["<div>", "<!--", "\n", "-->"], 1)
@example(["<div>", "<!--", "\n", "a", " ", "-->", "word"], 1)
@example(["<div>", "\n", "<!--", "\n", "a", "\n", "-->", "word"], 1)
@example(["<div>", "a", "\n", "<!--", " ", "a", "\n", "word", " ", "-->"], 1)
@example(["<div>", "<!--", "\n", "--!>"], 1)
# After `<!-->` Python-Markdown's code spans and links are read (CI's draw): see below.
@example(["<https://x.y>", "<!--", "> ", "](a b)", "-->"], 1)
@example(["<div>", "<pre>", "\r\n", "</pre>"], 1)  # a `<pre>` over lines: see below
@example(["<div>", "<pre>", "\n\n", "a", "</pre>"], 1)  # over a blank line too
def test_random_markdown(pieces: list[str], body_line: int) -> None:
    text = "".join(pieces)
    view = checkable_text(text, body_line)
    assert view == reference_markdown.checkable_text(text, body_line)
    assert len(view) == len(text)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab <>![]()-*#|:/.@h_~&;", min_size=1, max_size=60),
    st.text(alphabet="abz09/-", min_size=1, max_size=20),
)
def test_code_and_urls_never_exposed(code: str, path: str) -> None:
    text = f"Some `{code}` and https://e.org/{path} here\n"
    view = checkable_text(text)
    assert len(view) == len(text)
    code_start = text.index("`")
    url_start = text.index("https")
    url_end = url_start + len(f"https://e.org/{path}")
    assert set(view[code_start : code_start + len(code) + 2]) == {HARD}
    assert set(view[url_start:url_end]) == {HARD}


@pytest.mark.parametrize(
    "text",
    [
        "A word\n@x.org here\n",  # no address across a line break
        "See x.museum/needle and needle.online/offline\n",
        "Read x.and/(example.org/needle) now\n",
    ],
)
def test_addresses_read_alike(text: str) -> None:
    """Cases the random pieces rarely put together."""
    assert checkable_text(text) == reference_markdown.checkable_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "<div>```\n<div>```",
        "<div>```\n<span>```",
        "<div>\n```\n<div>```",
        "<div>`a\n<b>`",
        "<div>](\n<b>)",
        "<div>][\n<b>]",
    ],
)
def test_raw_html_markdown_syntax_ends_with_its_line(text: str) -> None:
    """In a raw HTML block a backtick or `](` opens nothing: the tag on the next line is
    blanked, as the reference (one raw line at a time) and Python-Markdown read it."""
    view = checkable_text(text)
    assert view == reference_markdown.checkable_text(text)
    tag = text.rindex("<")
    assert set(view[tag : text.index(">", tag) + 1]) <= {HARD, " "}


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<div>\n<!--\n-->", "\n\n"),
        ("<div><!--\na -->b", "\nb"),
        ("<div>\n<!--\na\n-->b", "\n\n\nb"),
        ("<div>x\n<!-- a\nb -->", "x\n\n"),
        ("<div><!--\n--!>", "\n"),
        ("<div><!--\r\n\t-->b", "\nb"),  # indentation and CRLF part the lines
        ("<div><!--\n\n-->b", "b"),  # a blank line inside the block
        ("<div><!--\n<!---->b", "\nb"),  # the first `<!--` opens, as a browser reads it
        ("<div><!-- `a\n`-->` b -->", "\n`b-->"),  # a backtick protects no `-->`
        ('<div title="<!--">\n-->b', "\n-->b"),  # an attribute's `<!--` is the tag's
        ("<div>`a\n<b>`", "`a\n`"),  # a code span still ends with its line
    ],
)
def test_reference_hides_a_raw_comment_over_lines(text: str, shown: str) -> None:
    """The reference reads a comment in raw HTML over the block's lines, as html.parser and
    a browser read the block Python-Markdown publishes verbatim; its lines are read on their own."""
    view = reference_markdown.checkable_text(text)
    assert "".join(char for char in view if char not in f"{HARD} ") == shown
    assert view == checkable_text(text)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("w0x<!--> [w1x](w2x) w3x-->", {"w0x", "w1x", "w3x"}),  # a link's destination
        ("w0x<!--> `w1x` w2x-->", {"w0x", "w2x"}),  # code
        ("w0x<!--> [w1x][w2x] w3x-->\n\n[w2x]: https://e.org\n", {"w0x", "w1x", "w3x"}),
        ("w0x<!--> *w1x* w2x-->", {"w0x", "w1x", "w2x"}),  # no emphasis: shown as typed
        ("<https://x.y><!--> [w1x](w2x) w3x-->", {"w1x", "w3x"}),
    ],
)
def test_reference_reads_markdown_after_an_empty_comment(text: str, shown: set[str]) -> None:
    """Python-Markdown reads code spans, escapes and links before its HTML pattern, which
    then publishes `<!--> ... -->` whole; a browser ends `<!-->` at once and shows the rest:
    a link's text but not its destination, code as code (the reference read the rest as
    raw HTML, where Markdown makes nothing, and showed both; the engine read it so)."""
    for view in (reference_markdown.checkable_text(text), checkable_text(text)):
        words = re.findall(r"w\dx", text)
        checked = {word for word in words if view.count(word) == text.count(word)}
        assert checked == shown
    assert reference_markdown.checkable_text(text) == checkable_text(text)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<div><pre>\r\n</pre>", ""),  # CI's draw: the CRLF was ` \n`
        ("<div><pre>a\nb</pre>", ""),  # and the element's text shown
        ("<div><code>a\nb</code> c", "c"),
        ("<div>\n<script>\na\n</script>\nc", "\n\nc"),
        ("<div><PRE x>a\rb</Pre >c", "c"),
        ("<div><pre><!--\n</pre>-->a", "\na"),  # the comment read first
        ("<div><pre>a\n\nb</pre>", ""),  # over a blank line too (blk10)
        ("<div>\n<script>a\n \t\n\nb</script> c\n</div>", "\nc\n"),
        ("<div><pre>a</pre>\n\nb <code>c\n\nd</code> e", "be"),
        # A browser ends a `<pre>` or `<kbd>` at an end tag of an element around it
        # (Chromium, blk11): b is the next div's text; a `<code>` goes on.
        ("<div><pre>a</div>\n\n<div>b</pre></div>", "b"),
        ("<section>\n<div><kbd>a</div>\n\n<div>b</kbd></div>\n</section>", "\nb\n"),
        ("<section>\n<div><pre>a<div>b</div>c</div>\n\nd</pre>\n</section>", "\nd\n"),
        ("<div><span><pre>a</span>\n\nb</pre></div>", ""),
        ("<div><code>a</div>\n\n<div>b</code></div>", ""),
        # Not at a `</form>`: it takes the form alone out (Chromium, rv59c).
        ("<div><form><pre>a</form>b</pre></div>", ""),
        ("<div><form><kbd>a</form>\n\nb</kbd></div>", ""),
    ],
)
def test_reference_hides_a_raw_code_element_over_lines(text: str, shown: str) -> None:
    """The reference reads a `<pre>`, `<code>` or `<script>` element in raw HTML over the
    block's lines, as the engine does and a browser shows it (as code, or not at all); it
    read each line on its own and showed the element's text (`<div><pre>a`, `b</pre>`).
    Both hid a `<pre>` up to its close where a `</div>` around it ends it first (blk10's
    LOW: `<div><pre>a</div>`, ``, `<div>b</pre></div>`: b shown, was hidden)."""
    view = reference_markdown.checkable_text(text)
    assert "".join(char for char in view if char not in f"{HARD} ") == shown
    assert view == checkable_text(text)
