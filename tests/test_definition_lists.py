"""Definition lists (the def_list extension, which ADOPTING.md names as fine to add) are
read as Python-Markdown reads them: a definition's further paragraphs and lists, indented
after a blank line, are its text, not indented code; where def_list makes no definition
(no block before the `:` line, or inside a list item), the lines stay what they were."""

from __future__ import annotations

import pytest
from test_markdown_agreement import WORD, checked_words, shown_words

from coalition_handbook.markdown import checkable_text

PAGES = [
    "w1x\n:   w2x\n\n    w3x\n\n    - w4x\n\nw5x\n:   w6x\n",
    "w1x\n: w2x\nw3x\n",
    ": w1x\n\n    w2x\n",  # no block before it: a paragraph, then code
    "# w0x\n\n: w1x\n\n    w2x\n",
    "w0x\n\n:   w1x\n\n    w2x\n",
    "- w0x\n\n    w1x\n    :   w2x\n\n        w3x\n",  # in a list item: code
    "w1x\n    :   w2x\n\n    w3x\n",  # indented four: no definition
    "w1x\n:\tw2x\n\n    w3x\n",
    "w1x\n:   w2x\n\n        w3x\n",
    "!!! note\n\n    w1x\n    :   w2x\n\n        w3x\n",
    "!!! note\n\n    : w1x\n\n        w2x\n",  # the title is the block before it
    '!!! note ""\n\n    : w1x\n\n        w2x\n',  # no title: no block before it
    '??? note ""\n\n    : w1x\n\n        w2x\n',  # a summary, even empty, is one
    '=== "w0x"\n\n    : w1x\n\n        w2x\n',
    "> w1x\n> :   w2x\n>\n>     w3x\n",
    "w1x\n:   w2x\n\n    w3x\n\n:   w4x\n\n    w5x\n",
    "w1x\n:   w2x\n\n    w3x\n    w4x\nw5x\n",
    "w1x\n:   w2x\n\n  w3x\n",
    "| w1x | b |\n|---|---|\n| c | d |\n\n: w2x\n\n    w3x\n",
    "w1x\n:   w2x\n\n    ```\n    w3x\n    ```\n\n    w4x\n",
    "w1x\n:w2x\n\n    w3x\n",
    "w1x\n:   w2x\n\n\n    w3x\n",
    "w0x\n\n- w1x\n\n: w2x\n\n    w3x\n",
    # Review rv8: a quote is a container of its own, and reference definitions leave no
    # block before a definition.
    "w0x\n\n> :   w1x\n>\n>     w2x\n",
    "w0x\n\n> w1x\n\n> :   w2x\n>\n>     w3x\n",
    "w0x\n\n> w1x\n\nw2x\n\n> :   w3x\n>\n>     w4x\n",
    "> w0x\nw1x\n>\n> :   w2x\n>\n>     w3x\n",
    "w0x\n\n> > :   w1x\n>\n>     w2x\n",
    "> w0x\n>\n> > :   w1x\n> >\n> >     w2x\n",
    "> > w0x\n>\n> [r]: https://e.org\n>\n> > :   w1x\n> >\n> >     w2x\n",
    "> - w0x\n>\n> :   w1x\n>\n>     w2x\n",
    "!!! note\n\n    > :   w1x\n    >\n    >     w2x\n",
    ">\n\n:   w1x\n\n    w2x\n",
    "[ref]: https://example.org\n\n:   w1x\n\n    w2x\n",
    '[a]: https://e.org\n[b]:\n    https://e.org "t"\n\n:   w1x\n\n    w2x\n',
    "w0x\n\n> [ref]: https://example.org\n>\n> :   w1x\n>\n>     w2x\n",
    "w0x\n[ref]: https://example.org\n\n:   w1x\n\n    w2x\n",
]


@pytest.mark.parametrize("page", PAGES)
def test_definition_lists_are_read_as_def_list_shows_them(page: str) -> None:
    assert checked_words(page) == shown_words(page, ("def_list",))


def test_a_definition_s_second_paragraph_is_prose() -> None:
    page = "Hotel staff\n:   What to look for.\n\n    Second paragraph.\n"
    view = checkable_text(page)
    start = page.index("Second")
    assert view[start : start + len("Second paragraph.")] == "Second paragraph."


def test_front_matter_is_no_block_before_a_definition() -> None:
    page = "---\ntitle: x\n---\n: w1x\n\n    w2x\n"
    view = checkable_text(page, body_line=4)
    start = page.index("w2x")
    assert view[start : start + 3] != "w2x"  # code, as Python-Markdown shows it


def _checked_without_def_list(page: str) -> set[str]:
    view = checkable_text(page, definition_lists=False)
    return {
        found.group()
        for found in WORD.finditer(page)
        if view[found.start() : found.end()] == found.group()
    }


@pytest.mark.parametrize(
    "page",
    [
        *PAGES,
        # Last session's empty-item sweep: `-` alone is text, `: w1x` goes on from it.
        *(f"-\n{indent}:{space}w1x\n\n    w2x\n" for indent in ("", "  ") for space in " \t"),
        "- \n  : w1x\n\n    w2x\n",
    ],
)
def test_without_def_list_a_definition_s_lines_are_read_as_the_site_shows_them(
    page: str,
) -> None:
    """A site without def_list (the example's mkdocs.yml has none) shows `:   text` as
    text and a paragraph indented after it as code: with `definition_lists=False` the
    extraction reads them so (it read them as def_list's, always: code checked, false
    findings)."""
    assert _checked_without_def_list(page) == shown_words(page)
