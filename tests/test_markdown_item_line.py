"""The extraction agrees with Python-Markdown on containers opened on a list item's own
line (DESIGN section 4): a quote (`- > text`, `1. > text`), a quote's list (`- > - a`),
a fence (```` - ``` ```` and `- ~~~`), an admonition (`- !!! note`), a table or a
heading in such a quote, and the lines that go on with them, quoted, lazy or indented.

A sibling of test_markdown_agreement's random pages: the same unique words `w1x`,
`w2x`..., checked exactly when the site shows them as text, at their own line and
column (`checked_words` reads the view at each word's offset), never in code. Seeded:
each run tries the same pages.
"""

from __future__ import annotations

import pytest
from test_markdown_agreement import checked_words, shown_words


@pytest.mark.parametrize(
    "page",
    [
        "- !!! note\n        w1x\n",  # code: four past the admonition's first-block content
        "1. ??? tip\n           w1x\n",
        "- !!! note\n    w1x\n\n        w2x\n",  # after a blank line, counted from the item
        "- !!! note\n    w1x\n\n    w2x\n",
        "- !!! note\n\n        w1x\n\n            w2x\n",
        '- === "w1x"\n        w2x\n',
    ],
)
def test_an_admonition_on_a_list_item_s_line_counts_its_first_block_from_the_marker(
    page: str,
) -> None:
    """`- !!! note` then `        text`: Python-Markdown keeps the item's first block's
    lines as written, so the admonition's content starts four columns from the marker
    and eight columns in is its code; after a blank line, the item's blocks count from
    its content. The block pass read the admonition's content at eight from the start."""
    assert checked_words(page) == shown_words(page)
