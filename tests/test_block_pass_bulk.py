"""The block pass's bulk path (runs of plain lines copied whole) gives exactly what
`Blocks.classify` gives reading the same lines one by one: in and out of admonitions,
details and tabs, whose paragraphs go on only on indented lines, in and after lists and
quotes, and around fences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_handbook.markdown import block_pass
from coalition_handbook.markdown.blocks import Blocks

LINES = [
    "", " ", "   ", "\t", "\r", "Text at the margin", "more words here", "    indented text",
    "    more indented words", "        deeper still", "  two in", "\tafter a tab",
    "!!! note", '!!! note "Title"', "??? details", "???+ open", '=== "Tab"',
    '    === "Inner tab"', "    !!! warning", "- item", "    - inner item", "1. item",
    "> quoted", ">", "    > quoted inside", "# Heading", "    # Heading", "| a | b |",
    "|---|---|", "```", "    ```", "    code? text", "[x]: http://a.org", "---", "===",
    "<div>", "</div>", "<!-- c -->", "~~~", "````", "``` python", "> ```", "> > ```",
    " ```  ", "```\u00a0", "```\x0b", "``` x", "```text", "````````", "~~~~", "a ``` b",
    "- item", "- another item", "-\tafter a tab", "-   three spaces", "- # heading", "- [x] box",
    "- *em* then", "-word", "- 8< x", "-   ", "- a | pipe", "* star", "- trailing \r", "  - two in",
    "- a [link](x)", "    lazy words", "> - quoted item", "- > quote in item",
    ">     quoted code", "> text", ">     - quoted inner item",
]  # fmt: skip


class _OneByOne(Blocks):
    """`Blocks` that never lets the pass take lines in bulk."""

    def takes_prose_in_bulk(self) -> bool:
        return False

    def takes_table_rows_in_bulk(self) -> bool:
        return False


def _line_by_line(text: str) -> tuple[str, list[tuple[int, int]]]:
    spans: list[tuple[int, int]] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(block_pass, "Blocks", _OneByOne)
        return block_pass.mask_blocks(text, 1, spans), spans


def _bulk(text: str) -> tuple[str, list[tuple[int, int]]]:
    spans: list[tuple[int, int]] = []
    return block_pass.mask_blocks(text, 1, spans), spans


@pytest.mark.parametrize(
    "text",
    [
        "!!! note\n    One line\n    two lines\n\nAt the margin\n",
        '=== "Tab"\n    Words\n\n\n    More words\n  \nOut\nlazy\n',
        "- item\n    !!! note\n        Inside\n\n    After\n\nOut\n",
        "!!! note\n    Text\n\n> quote\n\n    code\n",
        "!!! note\r\n    Text\r\n\r\nMargin\r\n",
        "!!! note\n    Text\n   \n\t\nMargin",
        "```\ncode\n> > ```\n``` x\n```\u00a0\nText\n",
        "> ```\n> code\n> ```\nText\n",
        "- item\n\n    ~~~~\n    code\n    ~~~\n    ~~~~~\n    Text\n",
        "```\ncode\n```\n```\n",
        "- one\n- two\n  lazy\n- three\n\nText\n- not an item\n",
        "> quote\n> - item\n\n- item\n- item",
        "!!! note\n    Text\n- item\n    - inner\n- item\r\n- last",
        "    code\n- item\n        code in item\n",
        "> - item in a quote\n\n- item\n\n>     code in a quote\n",
        # A quote's lazy line, a blank line, a paragraph: the quote is over, and a new
        # one starts with its list.
        "> text\nText at the margin\n\nText at the margin\n> - quoted item",
        # An admonition on a quote's lazy line is outside the quote: a quote after the
        # paragraph that ends it starts anew, its indented line code.
        "> - quoted item\n!!! note\na b\n>     quoted code",
        # A comment at the margin ends the quote and its list: a paragraph, then a new
        # quote whose line indented four is code, as Python-Markdown reads it (rv31).
        "> - quoted item\n<!-- c -->\na b\n>     quoted code",
        # So does a heading at the margin after a blank line (rv31).
        "> - quoted item\n\n# Heading\n>     quoted code",
        # ... and a setext underline of a quote's first line, which Python-Markdown
        # reads first: the line is a heading, no quote (rv31).
        "> - quoted item\n-   \na b\n>     quoted code",
        # A definition on a quote's lazy line, then a paragraph at the margin: the quote
        # goes on to the next blank line, so its list item keeps the last line, as text.
        "> - quoted item\n[x]: http://a.org\na b\n>     quoted code",
        "> - quoted item\r\n[x]: http://a.org\r\na b\r\n>     quoted code",
        # A line of quote marks alone is no blank line: the quote goes on (as text).
        "> - quoted item\n>\na b\n>     quoted code",
        ">\n> - quoted item\n\n    indented text",
        # Lines out of the quote read in bulk leave its admonition as each line would,
        # at the least indentation of theirs (not the margin).
        "> !!! note\n>     quoted code\n    indented text\n>>     quoted code",
        "> !!! note\n>     quoted code\n    indented text\nText\n>>     quoted code",
        # A table's rows, read in bulk: a delimiter row is no prose, the others' cells
        # are, a pipe in a code span or escaped is text; the table ends at a blank line,
        # at a line less indented than its admonition, or at the text's end.
        "| a | b |\n|---|---|\n| c | `d|e` |\n| f \\| g |\n|\n\nText\n",
        "| a | b |\r\n|:-|-:|\r\n| c | d |\r\nlazy | row\r\n| e |",
        "!!! note\n    | a | b |\n    |---|---|\n    | c | d |\n| e | f |\nText\n",
        "> | a | b |\n> |---|---|\n| c | d |\n> | e |\n",
        "- | a | b |\n  |---|---|\n| c | d |\n- item\n",
        "| a | b |\n|---|---|\n| `x\n| ``` |\n```\n| code |\n```\n| y |",
        # A heading at the margin after a quote's code in a list item: a block of its
        # own, its line indented four after it code, read alone as in bulk (CI drew it).
        "  - two in\n>     quoted code\n# Heading\n    indented text",
        "- > quote in item\n>\n# Heading\n    code? text",
    ],
)
def test_container_bodies(text: str) -> None:
    assert _bulk(text) == _line_by_line(text)


# Random examples each run: the family that failed about one run in twenty (a quote's
# lazy line, a reference definition, a paragraph at the margin, '>     quoted code') is
# fixed (see `test_container_bodies`). Since, 20 random seeds of 1,500 examples and three
# of 40,000 all pass; a failure here is a new family: add it to `test_container_bodies`.
@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=25), st.sampled_from(["\n", "\r\n"]))
def test_random_lines(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    assert _bulk(text) == _line_by_line(text)


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["a", "B", "x y", " ", "\t", "\n", "\r", "|", "-", "#", ">", "1", "\x0b", "\u00a0"]
        ),
        max_size=30,
    )
)
def test_plain_lines_end_is_the_pattern(pieces: list[str]) -> None:
    """The search from line break to line break ends a run where the pattern does."""
    text = "".join(pieces)
    starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]
    for start in starts:
        expected = block_pass._PLAIN_LINES.match(text, start)
        assert expected is not None
        assert block_pass._plain_lines_end(text, start) == expected.end()
