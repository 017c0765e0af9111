"""Where footnotes and md_in_html's blocks end, as Python-Markdown reads them (DESIGN
section 4): every word on a page is checked exactly when the site shows it as
text (`test_markdown_agreement.shown_words`)."""

from __future__ import annotations

import pytest
from test_markdown_agreement import assert_checks_what_is_shown

from coalition_handbook.markdown import checkable_text


@pytest.mark.parametrize(
    "page",
    [
        "w0x[^1]\n\n!!! note\n    [^1]: w1x\n\n        w2x\n",
        "w0x[^1]\n\n??? note\n    w3x\n\n    [^1]: w1x\n\n        w2x\n",
        'w0x[^1]\n\n=== "Tab"\n    [^1]: w1x\n\n        w2x\n',
        "w0x[^1]\n\n- w3x\n\n    [^1]: w1x\n\n        w2x\n",
        "w0x[^1]\n\n<div markdown>\n- w3x\n\n    [^1]: w1x\n\n        w2x\n</div>\n",
        # Guards: at the page's margin or in a quote, the blocks indented
        # after a footnote are its own; at the container's column, its paragraph.
        "w0x[^1]\n\n[^1]: w1x\n\n    w2x\n",
        "w0x[^1]\n\n> [^1]: w1x\n>\n>     w2x\n",
        "w0x[^1]\n\n- w3x\n\n    [^1]: w1x\n\n    w2x\n",
        "w0x[^1]\n\n!!! note\n    [^1]: w1x\n    w2x\n\n    w4x\n",
    ],
)
def test_a_footnote_in_a_container_ends_at_a_blank_line(page: str) -> None:
    """A footnote in a list item, admonition, details or tab: those give the footnotes
    extension one block at a time, so the footnote takes no block after its own, and a
    line indented four past the container's content after a blank one is its code. The
    block pass read it as the footnote's paragraph and checked it."""
    assert_checks_what_is_shown(page)


@pytest.mark.parametrize(
    "page",
    [
        "w0x[^1]\n\n!!! note\n    ??? tip\n    [^1]: w1x\n\n        w2x\n",
        'w0x[^1]\n\n- w3x\n\n    === "w4x"\n    [^1]: w1x\n\n        !!! note\n            w2x\n',
        "w0x[^1]\n\n!!! note\n    1. w3x\n\n    [^1]: w1x\n\n        !!! note\n            w2x\n",
        '=== "w3x"\n    !!! note\n    [^1]: w1x\n    [^2]: w4x\n\n        w2x\n\nw0x[^1][^2]\n',
        # In md_in_html's details going on after its end tag, its last block's.
        'w0x[^1]\n\n<details markdown>\n=== "w3x"\n    </details>\n    [^1]: w1x\n\n'
        "        # w2x\n",
        "w0x[^1]\n\n<details markdown>\n??? note\n    w3x </details>\n    [^1]: w1x\n\n"
        "        w2x\n",
        "w0x[^1]\n\n<details markdown>\n!!! note\n    w3x\n</details>\n\n"
        "    [^1]: w1x\n\n        w2x\n",
        # Guards: after a paragraph, or a footnote after one, the container's code.
        "w0x[^1]\n\n<details markdown>\nw3x </details>\n    [^1]: w1x\n\n        w2x\n",
        "w0x[^1]\n\n<details markdown>\n!!! note\n    w3x\n\n"
        "w4x\n</details>\n    [^1]: w1x\n\n        w2x\n",
        "w0x[^1][^2]\n\n!!! note\n    w3x\n    [^1]: w1x\n\n    [^2]: w4x\n\n        w2x\n",
        "w0x[^1]\n\n!!! note\n    ??? tip\n    w3x\n    [^1]: w1x\n\n        w2x\n",
    ],
)
def test_a_footnote_after_a_container_s_block_leaves_it_the_last(page: str) -> None:
    """A footnote whose line ends a list item, admonition, details or tab in the same
    container: the footnotes extension takes the footnote out, so that block is still the
    container's last, and the blocks indented after a blank line go on in it (shown). The
    block pass ended the footnote there and read them as the container's code."""
    assert_checks_what_is_shown(page)


@pytest.mark.parametrize(
    "page",
    [
        "w0x[^1]\n\n[^1]: w1x\n# w3x\n    w4x\n",
        "w0x[^1]\n\n[^1]: w1x\nw2x\n# w3x\n    w4x\n",
        "w0x[^1]\n\n[^1]: w1x\n    w2x\n# w3x\n    w4x\n",
        # Guards: in a later block of the footnote the heading is its own, and so is
        # the line after it; in a list item's later block, the item's.
        "w0x[^1]\n\n[^1]: w1x\n\n    w2x\n# w3x\n    w4x\n",
        "w0x[^1]\n\n- w5x\n\n    [^1]: w1x\n# w3x\n    w4x\n",
    ],
)
def test_a_heading_at_the_margin_ends_a_footnote_s_first_block(page: str) -> None:
    """A heading at the margin going on from a footnote's first paragraph: Python-Markdown
    reads headings before footnotes, so it splits the block, and a line indented four
    after it is code at the page's margin. The block pass kept the footnote open over
    the heading and read that line as the footnote's text."""
    assert_checks_what_is_shown(page)


@pytest.mark.parametrize(
    "page",
    [
        "w0x[^1]\n\n[^1]: w1x\n\n\n    w2x\n",
        "w0x[^1]\n\n[^1]: w1x\n\n    w3x\n\n\n    w2x\n",
        "w0x[^1]\n\n[^1]: w1x\n\n    - w3x\n\n\n        w2x\n",
        "w0x[^1]\n\n[^1]: w1x\n    \n  \n    w2x\n",  # lines of spaces are blank
        "w0x[^1]\n\n[^1]: w1x\n\n\n\n    w2x\n    w4x\n",
        "w0x[^1]\n\n<div markdown>\n[^1]: w1x\n\n\n    w2x\n</div>\n",
        # Guards: one blank line; a container's block goes on after two.
        "w0x[^1]\n\n[^1]: w1x\n\n    w3x\n\n    w2x\n",
        "w0x[^1]\n\n- w4x\n\n\n    w2x\n",
        "w0x[^1]\n\n!!! note\n    ??? tip\n    [^1]: w1x\n\n\n        w2x\n",
        "w0x[^1]\n\n[^1]: w1x\n\n    ```\n    w3x\n\n\n    ```\n\n    w2x\n",
        'w0x[^1]\n\n=== "T"\n[^1]: w1x\n\n\n    w2x\n',  # after a tab: the tab's
    ],
)
def test_two_blank_lines_end_a_footnote_at_the_margin(page: str) -> None:
    """Two blank lines after a footnote at the page's margin: Python-Markdown parts the
    page's blocks at a blank line, so the second starts a block with a line break, not
    indented, and the footnotes extension takes no block after it: a line indented four
    is the page's code. The block pass read it as the footnote's paragraph and checked
    it."""
    assert_checks_what_is_shown(page)


@pytest.mark.parametrize(
    "page",
    [
        "w0x[^1]\n\n- w4x\n\n    w5x.\n>     w7x\n===\n\n\n[^1]: w8x\n\n\n    w10x\n",
        "w0x[^1]\n\n- w3x\n\n    w4x.\n---\n[^1]: w8x\n\n\n    w13x\n",
        "w0x[^1] w0y[^2]\n\n[^1]: w6x\n!!! note\n[^2]: w11x\n\n\n    w13x\n",
        "w0x[^1]\n\n- w1x\n\n    w2x.\n>\n>     w4x\n\n\n[^1]: w5x\n\n\n    w7x\n",
        "w0x[^1] w0y[^2]\n\n<details markdown>\n!!! note\n    w1x\n</details>\n\n"
        "[^1]: w2x\n\n    w6x.\n>\n>     w8x\n\n\n[^2]: w9x\n\n\n    w11x\n",
        # Guards: after a quote or a fence started after a blank line, the page's code.
        "w0x[^1]\n\n- w1x\n\n> w2x\n\n[^1]: w3x\n\n\n    w4x\n",
        "w0x[^1]\n\n!!! note\n    w1x\n\n```\nw2x\n```\n\n[^1]: w3x\n\n\n    w4x\n",
    ],
)
def test_two_blank_lines_leave_a_footnote_after_a_list_at_the_margin_open(page: str) -> None:
    """Two blank lines after a footnote at the page's margin whose last block before it
    may be a list item, admonition, details or tab that Python-Markdown reads on over
    lazy lines (a quote or an underline after an item's paragraph): the footnote is
    taken out, and that block goes on with the line indented four after the blank ones,
    shown as its text. Ending the footnote there (0aa95572) read it as code, unchecked."""
    assert_checks_what_is_shown(page)


@pytest.mark.parametrize(
    "page",
    [
        "w0x[^1]\n\n[^1]: w1x\n\n    - w3x\n# w2x\n    w4x\n",
        "w0x[^1]\n\n[^1]: w1x\n\n    - w3x\n        - w5x\n# w2x\n    w4x\n",
        "w0x[^1]\n\n<div markdown>\n[^1]: w1x\n\n    - w3x\n# w2x\n    w4x\n</div>\n",
        # Guards: in the footnote's first block, or with no footnote, the heading ends
        # every container; eight columns in after it is the footnote's code.
        "w0x[^1]\n\n[^1]: w1x\n    - w3x\n# w2x\n    w4x\n",
        "w0x[^1]\n\n[^1]: w1x\n- w3x\n# w2x\n    w4x\n",
        "- w3x\n# w2x\n    w4x\n",
        "w0x[^1]\n\n[^1]: w1x\n\n    1. w3x\n## w2x\n        w4x\n",
    ],
)
def test_a_heading_at_the_margin_after_a_list_in_a_footnote_s_later_block(page: str) -> None:
    """A heading at the margin going on from a list in a footnote's later block (indented
    after a blank line): the footnotes extension was given that block whole, so the
    heading splits the list in the footnote, and a line indented four after it is the
    footnote's paragraph. The block pass ended the footnote with the list and read that
    line as code (shown, not checked)."""
    assert_checks_what_is_shown(page)


@pytest.mark.parametrize(
    "page",
    [
        "<div markdown>\n<section markdown>\nw1x </div>\n- w2x\n</section>\n    w3x\n",
        "<div markdown>\n<section markdown>\nw1x </div>\n</section>\n    w3x\n",
        "<div markdown>\n<section markdown>\n- w1x\n</div>\n- w2x\n</section>\n    w3x\n",
        # Guards: an HTML block of the name opened after them still ends at its end tag.
        "<div markdown>\n<section markdown>\nw1x </div>\n<section>\nw4x\n</section>\n    w3x\n",
        "<div markdown>\n<section markdown>\nw1x </section>\n</div>\n    w3x\n",
    ],
)
def test_a_stray_end_tag_of_a_block_an_outer_end_tag_ended_is_text(page: str) -> None:
    """md_in_html's block ended by an end tag of a block's name around it (`<div markdown>`,
    `<section markdown>`, `a </div>`: both end): a `</section>` after that is a stray
    tag, a paragraph's text (a list item's lazy line), and the line indented four after
    it goes on with it. The block pass still counted the `<section markdown>` open, took
    the tag for its end and read that line as code (shown, not checked)."""
    assert_checks_what_is_shown(page)


@pytest.mark.parametrize(
    "page",
    [
        "<details markdown>\n- w1x\n</details>\n        w2x\n",
        "<details markdown>\n- w1x\n    - w3x\n</details>\n        w2x\n",
        "<details markdown>\n1. w1x\nw3x </details>\n        w2x\n",
        "<details markdown>\n- w1x\n\n</details>\n        w2x\n\n            w3x\n\n    w4x\n",
        # Guards: where a paragraph, footnote, quote or block is the last in it, code.
        "<details markdown>\n- w1x\n\nw3x\n</details>\n        w2x\n",
        "<details markdown>\n- w1x\n\nw3x\n\n</details>\n        w2x\n",
        "w0x[^1]\n\n<details markdown>\n[^1]: w1x\n</details>\n        w2x\n",
        "<details markdown>\n> - w1x\n\n</details>\n        w2x\n",
        "<details markdown>\n<div markdown>\n- w1x\n</details>\n        w2x\n",
        "<details markdown>\n<div markdown>\n- w1x\n\n</details>\n        w2x\n",
    ],
)
def test_a_list_last_in_md_in_html_s_details_goes_on_after_it(page: str) -> None:
    """pymdownx.details goes on with the `<details>` element md_in_html's `</details>`
    ended: a line four columns in is its content, and where a list was the last in it,
    a line eight columns in is that list's last item's next paragraph (its code twelve
    in). The block pass read it as the details' code (shown, not checked)."""
    assert_checks_what_is_shown(page)


@pytest.mark.parametrize(
    "page",
    [
        "<details markdown>\n!!! note\n    w3x\n</details>\n        w5x\n\n            w6x\n\n"
        "    w7x\n\n        w8x\n",
        "<details markdown>\n!!! note\n    - w3x\n</details>\n        w5x\n\n            w6x\n",
        "<details markdown>\n???+ note\n    w3x\n</details>\n        # w5x\n        - w6x\n",
        'w0x[^1]\n\n<details markdown>\n=== "w3x"\n    </details>\n        w5x\n    [^1]: w1x\n\n'
        "        # w2x\n",
        "w0x[^1]\n\n<details markdown>\n??? note\n    w3x </details>\n        w5x\n"
        "    [^1]: w1x\n\n        w2x\n",
        "w0x[^1]\n\n<details markdown>\n!!! note\n    w3x\n</details>\n\n        w5x\n\n"
        "    [^1]: w1x\n\n        # w2x\n",
        # Guards: a paragraph last, a quote's admonition, a div's, text after the tag.
        "<details markdown>\n!!! note\n    w3x\n\nw4x\n</details>\n        w5x\n",
        "<details markdown>\n> !!! note\n>     w3x\n</details>\n        w5x\n",
        "<details markdown>\n<div markdown>\n!!! note\n    w3x\n</details>\n        w5x\n",
        "<details markdown>\n!!! note\n    w3x\n</details> w4x\n        w5x\n",
        "<details markdown>\n??? note\nw3x </details>\n        w4x\n",
    ],
)
def test_an_admonition_last_in_md_in_html_s_details_goes_on_after_it(page: str) -> None:
    """pymdownx.details goes on with the `<details>` element md_in_html's `</details>`
    ended, and where an admonition, details or tab was the last in it, a line eight
    columns in is that block's content (a footnote after it leaves it the last). The
    block pass read it as the details' code (shown, not checked)."""
    assert_checks_what_is_shown(page)


@pytest.mark.parametrize(
    "page",
    [
        '<details markdown="span">\nw1x *w2x*\n</details>\n    w3x\n',
        '<details markdown="span">w1x</details>\n    w3x\n',
        '<details markdown="span">\nw1x\n</details>\n\n    w3x\n\n        w4x\n',
        "<details markdown>\n> w1x </details>\n    w2x\n",
        "<details markdown>\n> w1x\n>\n> </details>\n\n    w2x\n",
        # Guards: a raw `<details>` makes none; the quote's lines after the end tag are
        # the quote's; text after the span's end tag is a paragraph.
        "<details>\nw1x\n</details>\n    w3x\n",
        "<details markdown>\n> w1x\n> </details>\n>     w2x\n",
        "<details markdown>\n> - w1x\n> </details>\n        w2x\n",
        "<details markdown>\n>\n- w4x\nw5x </details>\n        w6x\n",
        '<details markdown="span">\nw1x\n</details> w2x\n    w3x\n',
    ],
)
def test_md_in_html_s_details_ended_in_a_quote_or_as_a_span_goes_on(page: str) -> None:
    """md_in_html's `<details>` ended after a quote's `>`, or read as a span
    (`markdown="span"`), is an element pymdownx.details goes on with as with any other:
    a line four columns in after it, out of the quote, is its content. The block pass
    went on with it only for a block ended out of any quote, and read that line as code
    (shown, not checked)."""
    assert_checks_what_is_shown(page)


@pytest.mark.parametrize(
    "page",
    [
        ">     w1x\n---\n",
        "w0x\n\n>     w1x\n===\nw2x\n",
        "w0x\n\n>     w1x\n---\n\n    w2x\n",
        "- w0x\n\n    >     w1x\n    ---\n",
        "w0x\n\n>>     w1x\n---\n    w2x\n",
        "w0x\n\n>     w1x\n-\n",
        # Guards: not a block's first line, or the underline indented: the quote's code.
        "w0x\n\n>     w1x\n>     w3x\n---\n",
        "w0x\n>     w1x\n---\n",
        "> w0x\n>\n>     w1x\n---\n",
        "w0x\n\n>     w1x\n  ---\n",
        "[a]: http://x.org\n>     w1x\n---\n",
    ],
)
def test_a_quote_s_code_line_first_in_its_block_and_underlined_is_a_heading(page: str) -> None:
    """A block's first line a quote's code (`>     a`), then a setext underline:
    Python-Markdown reads the two lines as a heading (`> a`) before any quote or code,
    so the line is shown as text. The block pass read it as the quote's code, unchecked
    (the commonest class of words shown and not checked in 280,000 generated pages)."""
    assert_checks_what_is_shown(page)


@pytest.mark.parametrize(
    "page",
    [
        "# w0x\n>     w1x\n---\n",
        "## w0x ##\n>>     w1x\n===\n",
        "w0x\n===\n>     w1x\n---\n",
        "***\n>     w1x\n---\n",
        "- w0x\n# w2x\n>     w1x\n---\n",
        "!!! note\n    w0x\n>     w1x\n---\n",
        "!!! note\n    >     w1x\n    ---\n",
        '=== "w0x"\n    w2x\n>     w1x\n===\n',
        "??? note\n    !!! tip\n        w0x\n    >     w1x\n    ---\n",
        "    w0x\n>     w1x\n---\n",
        "<div>w0x</div>\n>     w1x\n---\n",
        "<!-- w0x -->\n>     w1x\n---\n",
        "<div markdown>\nw0x\n</div>\n>     w1x\n---\n",
        "<div markdown>\n>     w1x\n---\n</div>\n",
        # A table takes every line of its block as a row, a quote's code line too.
        "| w0x | w2x |\n|---|---|\n>     w1x\n---\n",
        "> | w0x | w2x |\n> |---|---|\n>     w1x\n",
        "| w0x | w2x |\n|---|---|\n    >     w1x\n",
        # Guards: the block goes on (a paragraph's, a quote's), or the underline indented.
        "w0x\n>     w1x\n---\n",
        "# w0x\n> w2x\n>     w1x\n---\n",
        "# w0x\n>     w1x\n  ---\n",
        "> # w0x\n>     w1x\n---\n",
        "- w0x\n\n    w2x\n>     w1x\n---\n",
        "| w0x | w2x |\n|---|---|\n\n>     w1x\n",
        # No table: its delimiter row of another number of cells, or one cell (fuzz).
        "| w0x | w2x |\n---\n>     w1x\n",
        "| w0x | w2x |\n---\n    >     w1x\n",
        "|---|---|\n    ---\n>>     w1x\n",
        "| w0x |\n| --- |\n>     w1x\n",
        # The table ends with the admonition or tab it is in (self-review).
        "!!! note\n    | w0x | w2x |\n    |---|---|\n>     w1x\n",
        '=== "T"\n    | w0x | w2x |\n    |---|---|\n>     w1x\n',
    ],
)
def test_a_quote_s_code_line_first_in_a_block_a_line_split_is_a_heading(page: str) -> None:
    """Python-Markdown starts a block after a heading, rule or setext heading (the rest of
    the block given back), after indented code or an admonition, details or tab's
    content (`detab`'s rest), and after HTML it stashes: there too `>     a` and an
    underline are a heading "> a", shown. The block pass read the line as the quote's
    code there, unchecked (session 62's leftover); and a table's row `>     a` so."""
    assert_checks_what_is_shown(page)


@pytest.mark.parametrize(
    "page",
    [
        # The header's outer pipes say whether the delimiter's are borders: `a | b` over
        # `|---|---|` is 2 cells over 4, no table (a paragraph), the code is the quote's.
        "w0x | w2x\n|---|---|\n>     w1x\n",
        "w0x | w2x\n  |---|---|\n>      w1x\n",
        # A pipe in a code span is no border: 2 cells, not 3.
        "| `a|b` | w2x |\n|---|---|---|\n>     w1x\n",
        # A heading or rule out of a quote splits its block before the quote is read.
        "> | w0x | w2x |\n> |---|---|\n# w3x\n>     w1x\n",
        "> | w0x | w2x |\n> |---|---|\n***\n>     w1x\n",
        "> | w0x | w2x |\n> |---|---|\n---\n>     w1x\n",
        "> |---|---|\n|---|---|\n***\n    >     w1x\n",
        # A delimiter quoted deeper than its header: no table.
        "  |---|---|\n> |---|---|\n***\n>      w1x\n",
        # Block HTML out of any quote ends the table's block (the fuzz's draws).
        "| w0x | w2x |\n|---|---|\n<!-- c -->\n- w3x\n   >     w1x\n",
        "  |---|---|\n  |---|---|\n<div markdown>\n    w3x\n   >     w1x\n",
        # Guards: still rows (a header's border, or none, on both rows).
        "| w0x | w2x |\n---|---\n>     w1x\n",
        "w0x | w2x\n---|---\n>     w1x\n",
        "| w0x | w2x |\n|---|---|\n---\n>     w1x\n",
        "> | w0x | w2x |\n> |---|---|\n> ---\n>     w1x\n",
    ],
)
def test_a_quote_s_code_line_after_no_table_or_a_split_is_no_row(page: str) -> None:
    """Review of ad8479a0: a quote's code line after a header and delimiter the tables
    extension reads as no table (their cells counted each with its own outer pipes, or
    the delimiter quoted), or after a heading, rule or block HTML that ends the table's
    block, was read as a row and checked, where Python-Markdown shows it as the quote's
    code (a false finding)."""
    assert_checks_what_is_shown(page)


@pytest.mark.parametrize(
    "piece",
    [
        "- a\n\n    [^1]: x\n\n        y\n\n",
        "!!! note\n    - a\n\n        [^1]: x\n\n            y\n\n",
        "[^1]: x\ny\n# z\n    w\n\n- a\n\n    b\n# c\n",
        "<div markdown>\n<section markdown>\nx </div>\n- y\n</section>\n    z\n\n",
        "<details markdown>\n- x\n\n</details>\n        y\n\n",
        "!!! note\n    ??? tip\n    [^1]: x\n\n    [^2]: y\n\n        z\n\n",
        "<details markdown>\n!!! note\n    a\n</details>\n\n\n    [^1]: x\n\n        y\n\n",
        "[^1]: x\n\n\n    y\n\n[^2]: x\n\n    - y\n\n\n        z\n\n",
        "[^1]: x\n\n    - y\n# z\n    w\n\n[^2]: x\n\n    1. y\n        - z\n## w\n    v\n\n",
        "<details markdown>\n!!! note\n    a\n</details>\n        b\n\n            c\n\n",
        ">     a\n---\n\n>     b\n>     c\n---\n\n",
        "- a\n\n    b\n---\n[^1]: c\n\n\n    d\n\n",
        "# a\n>     b\n---\n| a | b |\n|---|---|\n>     c\n\n",
        "<div markdown>\n>     d\n---\n</div>\n\n",
        "> | a | b |\n> |---|---|\n---\n>     c\n> | a | b |\n> |---|---|\n>     c\n\n",
        "a | b\n|---|---|\n>     c\n| a | b |\n|---|---|\n<!-- c -->\n>     d\n\n",
    ],
)
def test_where_these_blocks_end_is_read_in_linear_time(piece: str) -> None:
    """Each of them read ten times over takes about ten times the work (DESIGN 11)."""
    from work import calls_made

    small = calls_made(checkable_text, "w\n\n" + piece * 200)
    large = calls_made(checkable_text, "w\n\n" + piece * 2_000)
    assert large <= small * 10.5
