"""What markdown.checkable_text keeps and blanks, checked against Python-Markdown's render."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from unittest.mock import patch

import markdown as python_markdown
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from site_markdown import render

from coalition_handbook.markdown import (
    GLUE,
    HARD,
    LineIndex,
    checkable_text,
    inline,
    inline_openers,
)
from coalition_handbook.markdown.fences import closing_fence, closing_lines
from coalition_handbook.markdown.inline_openers import put_back, set_aside


def visible_text(markdown_text: str) -> str:
    """The text a reader sees in Python-Markdown's HTML, code left out."""
    rendered = render(markdown_text)
    rendered = re.sub(r"<code[^>]*>.*?</code>", " ", rendered, flags=re.S)
    rendered = re.sub(r"<!--.*?-->", " ", rendered, flags=re.S)
    rendered = re.sub(r"<[^>]+>", " ", rendered)
    return html.unescape(rendered)


def checked(markdown_text: str) -> bool:
    view = checkable_text(markdown_text)
    assert len(view) == len(markdown_text)
    position = view.find("needle")
    if position < 0:
        return False
    assert markdown_text[position : position + 6] == "needle"
    return True


# (markdown, checked, agrees with Python-Markdown's visible text)
STRUCTURES = [
    ("needle here\n", True, True),
    ("# A needle heading\n", True, True),
    ("Setext needle\n=============\n", True, True),
    ("- a needle item\n- other\n", True, True),
    ("1. first\n2. a needle\n", True, True),
    ("- item\n  needle continued\n", True, True),
    ("- item\n\n    needle in a later paragraph\n", True, True),
    # Content starts at the tab stop after the marker (Python-Markdown's tab length is 4).
    ("- a\n  - b\n\n    needle after a list item indented 2\n", True, True),
    ("  - sub\n\n    needle after an item indented 2\n", True, True),
    ("  1. a\n\n     needle after a numbered item indented 2\n", True, True),
    ("- a\n  - b\n\n        needle as code in the item\n", False, True),
    ("> quoted needle\n", True, True),
    ("| a | b |\n|---|---|\n| needle | c |\n", True, True),
    ("| needle | b |\n|---|---|\n| a | c |\n", True, True),
    ("!!! note\n    admonition needle\n", True, True),
    ('!!! note "A needle title"\n    body\n', True, True),
    ("??? note\n    details needle\n", True, True),
    ('???+ note "Open"\n    details needle\n', True, True),
    ('=== "Tab"\n\n    tab needle\n', True, True),
    ('=== "Needle tab"\n\n    body\n', False, False),  # capital N: not the planted word
    ("[a needle link](https://example.org)\n", True, True),
    ("![needle alt](image.png)\n", True, False),  # alt text is an attribute in HTML
    ("*emphasised needle*\n", True, True),
    ("**strong needle**\n", True, True),
    ("Text with a footnote.[^1]\n\n[^1]: The needle note.\n", True, True),
    ("<div markdown>\n\nneedle in md_in_html\n\n</div>\n", True, True),
    # skipped
    ("```\nneedle in a fence\n```\n", False, True),
    ("~~~\nneedle in a tilde fence\n~~~\n", False, True),
    ("- item\n\n    ```\n    needle in a fence in a list\n    ```\n", False, True),
    ("!!! note\n    ```python\n    needle = 1\n    ```\n", False, True),
    ("!!! note\n    text\n\n        needle as indented code\n", False, True),
    ("para\n\n    needle as indented code\n", False, True),
    ("Use `needle` inline\n", False, True),
    ("See [link](https://example.org/needle)\n", False, True),
    ("![alt](needle.png)\n", False, True),
    ("See [the page](needle page.html)\n", False, True),  # Python-Markdown takes spaces
    ("![photo](img/needle photo.png)\n", False, True),
    ('See [the page](page.html "needle title")\n', False, True),
    ("[ref]: https://example.org/needle\n", False, True),
    # a reference definition's URL or title may stand alone on the next line
    ("[ref]:\n  ../needle/page.md\n", False, True),
    ('[ref]: https://example.org/a\n  "needle title"\n', False, True),
    ("[ref]:\n   https://example.org/a\n  (needle title)\n", False, True),
    ("> [ref]:\n> ../needle/page.md\n", False, True),
    ("Text before\n[ref]: https://example.org/a\nneedle after it\n", True, True),
    # and is none when more follows the URL, or a heading comes first
    ("[Note]: the needle words are shown\n", True, True),
    ('[ref]: https://example.org/a "title" and a needle\n', True, True),
    ("[ref]:\n# needle heading\n", True, True),
    ("[ref]:\n\nneedle after a blank line\n", True, True),
    # a title after the URL, in either quotes or parentheses; tabs as spaces
    ('[needle]: https://example.org/a "A title"\n', False, True),
    ("[ref]: https://example.org/a 'needle title'\n", False, True),
    ("[ref]: https://example.org/a (needle title)\n", False, True),
    ('[ref]: https://example.org/a"needle title"\n', False, True),
    ('[ref]: http://x "needle"http://x\n', True, True),
    ("[needle]:\thttps://example.org/a\n", False, True),
    ("[needle]: https://example.org/a\t\n", False, True),
    # the next line is no URL where another block takes it first
    ("[ref]:\n```\ncode\n```\n\nneedle after a fence\n", True, True),
    ("[needle]:\n<!--\nx\n-->\n", True, True),
    ("[needle]:\n<script>\nvar x\n</script>\n", True, True),
    ("[ref]:\n>x (needle)\n", True, True),
    ("!!! note\n    [needle]:\nhttp://x\n", True, True),
    ("[needle]:\n===\n", True, True),  # a setext heading
    ("[ref]:\n!!! note\n    needle in the note\n", True, True),
    # but is where Python-Markdown reads it so
    ("[ref]:\n  #needle\n", False, True),
    ("[ref]:\n    ---\n(needle)\n", False, True),
    ("text\n[ref]:\n===\n(needle)\n", False, True),
    ("- item\n- [needle]: https://example.org/a\n", False, True),  # a list item's definition
    ('1. [needle]: https://example.org/a "title"\n', False, True),
    ("[needle]: url\n---\n", True, True),  # a setext heading, read before any definition
    ("[needle]: url\r\n===\r\n", True, True),
    ("- [needle]: url\n  ===\n", False, True),  # but not after a list item's first line
    ("> - [needle]:\n> url\n", False, True),
    # cases a mutation audit found untested
    ('[r]:\r\nurl "t"\r\n"needle"\r\n', True, True),  # one title only
    ('[r]: url\r\n"needle"\r\n', False, True),
    ("[a]:\nurl\n[needle]: u (t)\n---\n", False, True),
    ('> a\nb c\n[d]:\n> url\n  "needle x"\n', False, True),
    ("> a\nb c\n[d]: u\n[needle]:\n> url\n", False, True),
    ("  > [needle]: url\n  > ===\n", True, True),
    ("> [needle]: url\n> ===\n", True, True),
    ("> [needle]:\n  ===\n", False, True),
    ("text\n[a]: b\n    needle\n", False, True),  # indented code after it
    ("[needle]:\n```\ncode\n```\n", False, True),
    ("[r]:\n~~~\nneedle\n~~~\n", False, True),
    ('[a]: b\n""\n    needle\n', False, True),
    ("!!! note\n    > [needle]:\n    > url\n", False, True),
    ("[needle]:\n[^f]:\n    text\n", True, True),
    ('[needle]:\n!!! note "t"\n    x\n', True, True),
    ('[needle]:\n=== "t"\n    x\n', True, True),
    ("[needle]:\n   ***\nx\n", True, True),
    ('[needle]:\n# "t"\n', True, True),
    ('[needle]: url "\n', True, True),
    ("[needle]:\n<span>x</span>\n", False, True),
    ("<https://example.org/needle>\n", False, False),  # shown as a URL
    ('<span class="needle">x</span>\n', False, True),
    ("<!-- needle -->\n", False, True),
    ("<!--\nneedle\n-->\n", False, True),
    ("Mail needle@example.org\n", False, False),
    ("A needle\n@example.org is no address\n", True, True),  # no line break in one
    ("Visit https://example.org/needle today\n", False, False),
    ("Visit www.needle.org today\n", False, False),
    # a web address without its scheme: a host, then a path
    ("See ovc.ojp.gov/topics/needle-services today\n", False, False),
    ("See needle.org/help.\n", False, False),
    ("A needle and/or 24/7 help, U.S./Mexico\n", True, True),
    ("In path/to.needle/x no host starts\n", True, True),
    # a word after a full stop that lost its space is no host: its "domain" is no code
    ("They left.needles/others spoke\n", True, True),
    ("Ask the D.A.needle/Witness unit\n", True, True),
    ("See OVC.GOV/NEEDLE and a.b.c.d.e.f.g.h.i.org/needle\n", False, False),
    ("Read bbc.co.uk/news/needle today\n", False, False),
    ("Give at polarisproject.ngo/needle or x.museum/needle\n", False, False),
    ("No needle.and/or minor, the needle.she/her\n", True, True),
    ("Report needle.online/offline cases\n", True, True),
    ("## Heading { #needle }\n", False, True),
    ("Raw <code>needle</code> code\n", False, True),
    ("Keys <kbd>needle</kbd>\n", False, False),  # keys, as code is
    ("<script>\nlet a = 1;\nlet needle = 1;\n</script>\n", False, False),  # run, not shown
    ("<pre>\nx\n</pre>\n\nneedle after raw HTML\n", True, True),
    ("```a`b\n\nneedle: a backtick in the info string makes no fence\n\n```\n", True, True),
    ("para\n\n    code\n   needle, indented three\n", True, True),
    ("```\nneedle after a fence never closed\n", True, True),
    ("- item\n\n    ~~~\n    needle, a fence never closed\n", True, True),
    # Python-Markdown's blocks, as the random pages of test_markdown_agreement found them
    ("<!-- a comment --> needle after it\n", True, True),
    ("<!--\na comment\n--> needle after its end\n", True, True),
    ("<!-- never closed\nneedle\n", True, True),
    ("| a | b |\n|---|---|\n| c | d |\n    needle, one more row\n", True, True),
    (
        '| a | b |\n|---|---|\n| c | d |\n=== "T"\n\n    ???+ note\n        needle in a tab\n',
        True,
        True,
    ),
    ("Text\n2) not a list\n\n    needle as code\n", False, True),
    ("Intro\n- no list: it cannot interrupt a paragraph\n\n    needle as code\n", False, True),
    ("!!! note\n    body\nends the note\n\n    needle as code\n", False, True),
    ('- item\n    === "Not a tab"\n\n        needle as code in the item\n', False, True),
    ("- item\n    !!! note\n\n        needle as code in the item\n", False, True),
    ("```\nx\n```\n    needle right after a fence\n", True, True),
    ("text\n        -----\n        needle, no rule so far in\n", True, True),
    ("1. item\n  ---\n\n    needle as code: the rule ended the list\n", False, True),
    ("- item\n  <!-- c --> text\n\n    needle as code: the list ended\n", False, True),
    ("- item\n  <!-- c -->\n\n    needle in the item: a comment alone ends nothing\n", True, True),
    ("<div markdown>\n\ntext\n\n</div>\n    needle as code after the block\n", False, True),
    ("</div>\n    needle: no block was open\n", True, True),
    ("- item\n    > <!-- c -->\n    needle: indented into the item, all is its text\n", True, True),
    ("- item\n    - nested\n\n        needle in the nested item\n", True, True),
    ('=== "T"\n    | a | b |\n    |---|---|\nends the tab\n\n    needle as code\n', False, True),
    ("| a | b |\n|---|---|\n    <!--\n    needle, a row\n    -->\n", True, True),
    (
        "      ```\n      ```\n    needle, still code: a fence indented so far is code\n",
        False,
        True,
    ),
    (
        "+ item\n<!-- c -->\n\n    needle as code: a comment at the margin ends the list\n",
        False,
        True,
    ),
    (
        '=== "T"\n\n    | a | b |\n    |---|---|\n        ```\n        needle\n        ```\n',
        False,
        True,
    ),
    ("> quote\n>\n>     needle as code in the quote\n", False, True),
    ("> - item\n>\n>     needle in the item in the quote\n", True, True),
    ("> !!! note\n    needle in the note in the quote\n", True, True),
    ("> ??? tip\n\n    needle as code: the quote ended\n", False, True),
    # In a quote, code is indented four past the content of the list item or admonition
    # opened in it, and an admonition starts at the quote's content, however indented.
    ("> - item\n>\n>         needle as code in the item in the quote\n", False, True),
    ("> !!! note\n>         needle as code in the note in the quote\n", False, True),
    ("> !!! note\n>     needle in the note, marked as in the quote\n", True, True),
    ("  > !!! note\n  >         needle as code in an indented quote\n", False, True),
    ("> - a\n>\n>     - b\n>\n>             needle as code two items deep\n", False, True),
    ("> - a\n>\n>     - b\n>\n>         needle in the second item\n", True, True),
    ("> - item\n\nText.\n\n> quote\n>\n>     needle as code in a new quote\n", False, True),
    # Going on from an item indented 2, a `>` indented 4 is text, as the line is read
    ("  + item\n    >         needle going on from the item\n", True, True),
    ("<div>\nSome `needle` in raw HTML, shown as it is\n</div>\n", True, True),
    ("<div>\n\n    needle, indented in raw HTML\n\n</div>\n", True, True),
    # superfences reads fences before raw HTML: one inside a raw block is code there too.
    ("<div>\n```\nneedle = 1\n```\ntext\n</div>\n", False, True),
    ("<div>\n~~~\n</div>\n~~~\nneedle in the block still\n</div>\n", True, True),
    # A block-level tag indented up to three spaces starts raw HTML too, in a list item or
    # not (Python-Markdown takes it out of the list); four make code (fuzzing).
    ("  <div>\n  Some `needle` in raw HTML, indented two\n  </div>\n", True, True),
    ("   <div>\n[a](needle)\n</div>\n", True, True),
    ("- item\n\n  <div>\n  [a](needle)\n  </div>\n", True, True),
    ("    <div>\n[a](needle)\n</div>\n", False, True),
    # md_in_html reads the Markdown inside a block tag as blocks: a line indented four
    # right after the tag is code; inside a `<p>`, or with markdown="span", a span.
    ("<div markdown>\n    needle as code in the block\n</div>\n", False, True),
    ('<section markdown="block">\n\tneedle as code\n</section>\n', False, True),
    ('<div markdown="1">\r\n    needle as code\r\n</div>\r\n', False, True),
    ('<p markdown="1">\n    needle in a span\n</p>\n', True, True),
    ('<div markdown="span">\n    needle in a span\n</div>\n', True, True),
    ("<div markdown>\ntext\n    needle going on from the text\n</div>\n", True, True),
    # ... only at the margin: indented, the tag starts raw HTML, its Markdown shown as typed.
    ("  <div markdown>\n[a](needle)\n</div>\n", True, True),
    ('   <section markdown="1">\n\n`needle`\n\n</section>\n', True, True),
    # A span's Markdown (a `<p>`'s, or markdown="span") is inline only: no code, heading
    # or definition in it; after its closing tag, blocks again.
    ('<p markdown="1">\n\n    needle in a span\n\n</p>\n', True, True),
    ('<div markdown="span">\n[ref]: "needle shown"\n</div>\n', True, True),
    ('<div markdown="span">\n- a `needle`\n</div>\n', False, True),
    ("<p markdown>\ntext\n</p>\n    needle as code\n", False, True),
    ("<div markdown>\n\nSome `needle` as code\n\n</div>\n", False, True),
    ("* item\n!!! note\n    needle in the note after the list\n", True, True),
    ("<div>raw</div> and `needle` as code: Markdown again after the block\n", False, True),
    # An abbreviation's expansion is published (a paragraph here, a tooltip with `abbr`).
    ("The HTML.\n\n*[HTML]: a needle expansion\n", True, True),
    # A code block's title is shown above it; its code is not.
    ('```python title="A needle title"\ncode\n```\n', True, True),
    ('```python title="Title"\nneedle\n```\n', False, True),
    # An info string superfences does not read opens no fence: the lines are text.
    ("````{note} Example\na needle\n\n```\ncode\n```\n\nmore\n````\n", True, True),
    # A `-` alone is no list item: the line indented after it is code.
    ("-\n\n    needle as code\n", False, True),
    # A tag's quoted attribute value may hold ">": all of it is the tag, to a browser
    # (`visible_text`'s pattern would stop at the ">").
    ('Text <span title="a > needle">shown</span>\n', False, False),
    # A block-level tag whose attributes go on over lines is a tag to its end.
    ('<div class="card"\n     title="a needle">\nshown\n</div>\n', False, True),
    ('<section\n  aria-label="needle">\n\nshown\n</section>\n', False, True),
    ('<div class="card"\n     title="x">\nthe needle shown\n</div>\n', True, True),
    # ... also in a quote, whose lines' `>` are the quote's, not the tag's end (review)
    ('> <div class="card"\n>      title="a needle">\n> shown\n> </div>\n', False, True),
    ('> <div class="card"\n>      title="x">\n> the needle shown\n> </div>\n', True, True),
    ("Text git://host/needle and ssh://host/x\n", False, False),  # bare URLs, any scheme
    # A heading in a list item: the lines indented into the item after it are its text.
    ("1. ### Step one\n    Call the needle.\n", True, True),
    ("- ### Steps\n    - the needle\n", True, True),
    # An abbreviation's line goes on as a paragraph (no `abbr` on this site).
    ("*[HPS]: the\nneedle here\n", True, True),
    # An inline script or style is not shown: masked whole, as code is.
    ("Text <script>needle()</script> and <style>.needle {}</style> here\n", False, False),
    # Python-Markdown escapes only its own characters (and the tables extension's `|`):
    # a backslash before `<` is shown, and the tag after it is a tag (differential fuzz).
    ("A \\<needle> tag\n", False, True),
    ('A \\<span title="needle">tag</span>\n', False, True),
    # An admonition or details takes one space after `!!!` or `???`, or none; a tab
    # that Python-Markdown expands to one space too. Two spaces make a paragraph.
    ("!!!note\n\n    needle in the note\n", True, True),
    ("???+warning\n\n    needle in the details\n", True, True),
    ("!!!\tnote\n\n    needle in the note\n", True, True),
    ("!!!  note\n\n    needle as code: no note\n", False, True),
    ("???+  note\n\n    needle as code: no details\n", False, True),
    ("???+\tnote\n\n    needle as code: the tab is four spaces\n", False, True),
    # pymdownx.details needs no type where a title is given.
    ('??? "Title"\n\n    needle in the details\n', True, True),
    ('???+ "A needle title"\n\n    body\n', True, True),
    ('???"Title"\n\n    needle as code: a space before the title\n', False, True),
    # superfences closes a fence only by the same run of backticks or tildes, indented as
    # the opening one was; a line indented less than the opening one (blank lines aside)
    # ends it unclosed. A fence never closed is no fence: its lines are text.
    ("```\nneedle\n\n ```\n", True, True),
    ("~~~python\nneedle\n     ~~~\n", True, True),
    ("```\nneedle\n````\n", True, True),
    ("  ~~~\nneedle\n  ~~~\n", True, True),
    ("!!! note\n    ~~~\n    needle\n~~~\n", True, True),
    ("- item\n\n    ~~~\n    needle\n      ~~~\n", True, True),
    ("> ~~~\n> needle\n>  ~~~\n", True, True),
    ("- item\n\n    ~~~\n    needle\n\n    ~~~\n", False, True),
    ("~~~\n  needle\n~~~\n", False, True),
    ("\t~~~\n    needle\n    ~~~\n", False, True),  # a tab is four columns
    ("> ~~~\n> needle\n> ~~~\n", False, True),
    # A fence never closed takes the lines after it (to the end, or to one indented
    # less, that one included), and no fence opens among them: they are text.
    ("```\ntext\n\n~~~\nneedle\n~~~\n", True, True),
    ("- item\n\n    ```\n    text\n\n    ~~~\n    needle\n    ~~~\n", True, True),
    ("- item\n\n    ```\n    text\n\n~~~\nneedle\n~~~\n", True, True),  # that line too
    ("- item\n\n    ```\n    text\nmore\n~~~\nneedle\n~~~\n", False, True),
    ("> ~~~\n> text\n~~~\n\n~~~\nneedle\n~~~\n", False, True),  # in a quote too
    ("    ~~~\n    code\n~~~\n\n ~~~\nneedle\n~~~\n", True, True),  # and in indented code
    ("    ~~~\n    code\n    ~~~\n\n~~~\nneedle\n~~~\n", False, True),
    # A title right after the fence, with no space, is shown above the code too.
    ('```title="A needle title"\ncode\n```\n', True, True),
    ("~~~title='A needle title'\ncode\n~~~\n", True, True),
]


@pytest.mark.parametrize(("markdown_text", "expected", "agrees"), STRUCTURES)
def test_structures(markdown_text: str, expected: bool, agrees: bool) -> None:
    assert checked(markdown_text) == expected
    if agrees:
        assert ("needle" in visible_text(markdown_text)) == expected


@pytest.mark.parametrize(
    "markdown_text",
    [
        "child `x` prostitute",
        "child\n\nprostitute",
        "# child\nprostitute",
        "- child\n- prostitute",
        "| child | prostitute |\n|---|---|\n| a | b |",
        "child https://x.org prostitute",
        "<p>child</p>\n<p>prostitute</p>",
        "<div>child</div>prostitute",
        "> child\n>> prostitute",
        "child\n> prostitute",
        "> # child\n> prostitute",
        # Python-Markdown: `#` starting a line is a heading, even without a space after it
        "child\n#prostitute",
        "- child\n#prostitute",
        "> child\n>#prostitute",
        "- a\n\n    child\n\n    #prostitute",
        "1. ### child\n   prostitute",  # a heading of its own in a list item
        "child {: .x } prostitute",  # an attribute list attached to nothing is shown
    ],
)
def test_hard_breaks_keep_words_apart(markdown_text: str) -> None:
    view = checkable_text(markdown_text)
    between = view[view.index("child") + 5 : view.index("prostitute")]
    assert HARD in between


@pytest.mark.parametrize("tag", sorted(python_markdown.Markdown().block_level_elements))
def test_every_block_level_tag_keeps_words_apart(tag: str) -> None:
    for markdown_text in (f"child<{tag}>prostitute", f"child</{tag}> prostitute"):
        view = checkable_text(markdown_text)
        assert HARD in view[view.index("child") + 5 : view.index("prostitute")], markdown_text


@pytest.mark.parametrize(
    "markdown_text",
    [
        "child\nprostitute",
        "> child\n> prostitute",
        "- child\n  prostitute",
        "!!! note\n    child\n    prostitute",
        "child\r\nprostitute",
        "**child** prostitute",
        "[child](https://x.org) prostitute",
        "child <!-- x --> prostitute",  # the reader sees no comment
        "<b>child</b>\nprostitute",
        "<p>A child\nprostitute</p>",
        "child\\-prostitute",  # an escaped hyphen is a hyphen
        "child&#32;prostitute",
        ">> child\n>> prostitute",
        # ... but not indented, nor a list item's continuation line: text, as it reads
        "child\n #prostitute",
        "1. child\n    #prostitute",
        "> child\n>  #prostitute",
        ">> child\n> prostitute",  # going on lazily in the inner quote
        "*child*{: .note } prostitute",  # an attribute list is no break
        "[child](https://x.org){: .button } prostitute",
    ],
)
def test_soft_breaks_join_words(markdown_text: str) -> None:
    view = checkable_text(markdown_text)
    between = view[view.index("child") + 5 : view.index("prostitute")]
    assert HARD not in between
    assert between.count("\n") <= 1


@pytest.mark.parametrize(
    ("markdown_text", "view"),
    [
        # escaped separators read as the separator itself, in place
        ("child\\-prostitute and victim\\_id", "child--prostitute and victim__id"),
        # a URL holding "www." is blanked once, whole: what follows keeps its offset
        (
            "See https://www.example.org/x and survivors.",
            "See " + HARD * 25 + " and survivors.",
        ),
        # an "@" at the very start is no e-mail address; the one after it is
        ("@home: write to jane@x.org today", "@home: write to " + HARD * 10 + " today"),
        # indented code on the first line of a page
        ("    survivor code\n", HARD * 18),
        # a setext underline under a line that starts with markup is no text either
        ("<b>Bold</b> title\n===\n", "   Bold     title" + HARD * 5),
        ("<b>Bold</b> title\n---\n", "   Bold     title" + HARD * 5),
    ],
)
def test_exact_views(markdown_text: str, view: str) -> None:
    assert checkable_text(markdown_text) == view


@pytest.mark.parametrize(
    ("markdown_text", "word"),
    [
        ("Avoid **victim**hood framing.", "victimhood"),
        ("a victim*hood* b", "victimhood"),
        ("the <b>victim</b>hood of", "victimhood"),
        ("the [victim](../glossary/victim.md)s we serve", "victims"),
        # markup that shows nothing, however much of it: an empty element, a comment
        ("the victim<b></b>hood of", "victimhood"),
        ("the victim<!-- note -->hood of", "victimhood"),
        ("the victim<wbr>hood of", "victimhood"),
        ("the victim<!-- a comment of more than twenty characters -->hood of", "victimhood"),
        ("the victim<!-- a -->ho<!-- b -->od of", "victimhood"),  # each comment glues alone
        ('the victim<span class="x"><!-- a --></span>hood of', "victimhood"),
    ],
)
def test_markup_inside_a_word_keeps_it_one_word(markdown_text: str, word: str) -> None:
    # The reader sees one word: no whole-word use of "victim" ends at the markup.
    assert word in re.sub(r"<[^>]+>", "", render(markdown_text)).split()
    view = checkable_text(markdown_text)
    start = view.index("victim")
    glued = view[start : start + len(markdown_text)].split()[0]
    assert glued.replace(GLUE, "") == word
    assert set(glued) - set(word) == {GLUE}


def test_markup_between_words_is_no_glue() -> None:
    for markdown_text in (
        *("**victim** hood", "victim **hood**", "[victim](u) hood", "*a*"),
        # What the reader sees as a break or a character: a line break, an image, a
        # lone asterisk, which Python-Markdown shows as it is.
        *("the victim<br>survivor", "the victim<img src=x>survivor", "the victim*survivor"),
        "victim***hood",
        *("victim <!-- note --> hood", "victim<b></b> hood"),
    ):
        assert GLUE not in checkable_text(markdown_text), markdown_text


def test_markup_after_a_combining_accent_is_glued_too() -> None:
    view = checkable_text("the cafe\u0301**teria** here")
    assert view == "the cafe\u0301" + GLUE * 2 + "teria   here"


def test_a_capitalised_word_before_a_colon_and_slashes_is_prose() -> None:
    assert checkable_text("Note://victim here") == "Note://victim here"
    assert checkable_text("git://host/x here") == HARD * 12 + " here"


@pytest.mark.parametrize(
    "url", ["HTTPS://EXAMPLE.ORG/VICTIM", "FTP://HOST/TIP", "WWW.EXAMPLE.ORG/TIP", "www.x.org/TIP"]
)
def test_a_url_in_capitals_is_a_url(url: str) -> None:
    # Schemes are case-insensitive: a URL shouted in capitals is still no prose, and its
    # words are neither forms nor unknown acronyms.
    assert checkable_text(f"See {url} here") == "See " + HARD * len(url) + " here"


def test_a_scheme_in_mixed_case_or_inside_a_word_is_prose() -> None:
    for text in ("Https://victim here", "aWWW.victim here", "NoteS://victim here"):
        assert checkable_text(text) == text


def test_a_page_of_glued_asterisks_is_linear() -> None:
    from work import calls_made

    small = calls_made(checkable_text, "a*b*c " * 1_000)
    large = calls_made(checkable_text, "a*b*c " * 10_000)
    assert large <= small * 10.5


def test_a_quote_of_many_definitions_is_read_in_linear_time() -> None:
    """Where a quoted `:` line follows a lazy line, where its quote starts is read back
    (review rv8, def_list): only as far as the last one found, or a quote of thousands
    of definitions took quadratic time."""
    from work import calls_made

    small = calls_made(checkable_text, "w\n\n" + "> :   x\nlazy\n\n" * 200)
    large = calls_made(checkable_text, "w\n\n" + "> :   x\nlazy\n\n" * 2_000)
    assert large <= small * 10.5


def test_a_page_of_at_signs_looks_for_no_address_s_local_part(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Found by fuzzing: every "@" searched the 256 characters before it for an
    address's local part, so a page of them was read fifty times slower than prose. The
    local part is read only where a domain follows, backwards from the "@"."""
    asked: list[int] = []

    class Counted:
        def match(self, text: str, position: int) -> re.Match[str] | None:
            asked.append(position)
            return LOCAL.match(text, position)

    LOCAL = inline._EMAIL_LOCAL_BACKWARDS
    monkeypatch.setattr(inline, "_EMAIL_LOCAL_BACKWARDS", Counted())
    assert checkable_text("@" * 10_000 + " a@b " * 1_000) == "@" * 10_000 + " a@b " * 1_000
    assert asked == []
    assert checkable_text("Write to x@example.org now") == "Write to " + HARD * 13 + " now"
    assert len(asked) == 1


def test_a_fence_info_string_is_read_in_linear_time() -> None:
    from work import calls_made

    for options in (5, 50):
        text = "```py" + ' a="1"' * options + " !\ncode\n```\n"
        checkable_text(text)  # a first reading in a new process compiles patterns, imports
        assert calls_made(checkable_text, text) < 400  # one match, not one per way to fail


@pytest.mark.parametrize(
    ("opening", "containers"),
    [
        ("[^1]: a\n", 1),
        ("[^1]: a\n\n    - b\n\n        c\n", 2),
        ("- a\n\n    - b\n\n        c\n", 2),
    ],
)
def test_a_container_s_opening_line_is_read_once_for_the_html_going_on_from_it(
    monkeypatch: pytest.MonkeyPatch, opening: str, containers: int
) -> None:
    """Whether a container is a footnote is read from its opening line once, however
    many HTML lines go on from its paragraph (`Blocks._in_footnote`): read again on each
    of them, a long opening line cost its length times their number (535eb4aa, which
    came without a test; review of blk9)."""
    from coalition_handbook.markdown import blocks

    asked: list[str] = []

    class Counted:
        def match(self, line: str) -> re.Match[str] | None:
            asked.append(line)
            return FOOTNOTE.match(line)

    FOOTNOTE = blocks._FOOTNOTE
    monkeypatch.setattr(blocks, "_FOOTNOTE", Counted())
    view = checkable_text(opening + "  <span>x</span>\n" * 1_000)
    assert view.count("x") == 1_000  # each line read, as text going on from the paragraph
    # The opening line's reading as it opens, and once a container asked about: not per line.
    assert len(asked) <= 1 + containers


def test_underscores_mark_emphasis_only_at_word_edges() -> None:
    # Python-Markdown leaves "victim_id" as it is: one word, in which "victim" is no use
    assert checkable_text("the victim_id field") == "the victim_id field"
    assert checkable_text("_victim_ and __init__") == " victim  and   init  "
    assert "<em>victim</em>" in python_markdown.markdown("_victim_ and victim_id")


def test_a_run_of_underscores_inside_a_word_is_read_in_linear_time() -> None:
    """Complexity audit: from each underscore of a run between two letters, the pattern
    read the run to its end again, so 20,000 underscores took 4 s and 100 KB minutes."""
    from work import python_in_time

    assert checkable_text("a___b a___ ___b c_d") == "a___b a       b c_d"
    code = (
        "from coalition_handbook.markdown import checkable_text\n"
        "run = '_' * 200_000\n"
        "assert checkable_text(f'a{run}b') == f'a{run}b'\n"
        "assert checkable_text(f'a{run} b') == 'a' + ' ' * 200_001 + 'b'\n"
    )
    completed = python_in_time(code)
    assert completed.returncode == 0, completed.stderr


def test_character_references_read_as_their_character() -> None:
    # the form "American Hotel & Lodging Association", written as Markdown writes "&"
    view = checkable_text("The American Hotel &amp; Lodging Association.")
    # Before a space, the rest of it is spaces: no `GLUE`, so the page is read on the
    # matcher's and term.unknown-acronym's fast paths (review rv23: `GLUE` there made a
    # scan of a handbook with a few "&amp;" on each page about a third slower).
    assert view == "The American Hotel &     Lodging Association."
    assert GLUE not in checkable_text("Hotel &amp;\nLodging &eacute; &amp;")
    assert checkable_text("a&mdash;b &bogus;") == f"a\u2014{GLUE * 6}b " + HARD * 7
    # Inside a word, as shown: "AT&T", one word, not "AT&" and "T" (audit).
    assert checkable_text("AT&amp;T") == f"AT&{GLUE * 4}T"


@pytest.mark.parametrize("reference", ["&lowbar;", "&#95;", "&#x5F;", "&UnderBar;"])
def test_a_reference_to_an_underscore_is_text_never_emphasis(reference: str) -> None:
    """Audit: "homeless&lowbar;person" was read as "homeless person", a false term.avoid;
    Python-Markdown shows the reference as text, one word "homeless_person"."""
    page = "A homeless{0}person, a _victim{0}id_ and {0}victim{0}s."
    shown = render(page.format(reference), ())
    # Only the underscores written as themselves are emphasis.
    assert re.findall("<em>(.*?)</em>", html.unescape(shown)) == ["victim_id"]
    assert "homeless_person, a <em>victim_id</em> and _victim_s." in html.unescape(shown)
    # Read as the underscore escaped (`\_`), which Python-Markdown shows alike: one word.
    assert (
        checkable_text(page.format(reference)).split()[1]
        == f"homeless{'_' * len(reference)}person,"
    )
    assert _words(checkable_text(page.format(reference))) == _words(
        checkable_text(page.format("\\_"))
    )


def _words(view: str) -> list[str]:
    """The words of a view, a run of underscores as one (a reference or escape's length)."""
    return re.sub("_+", "_", view).split()


def test_front_matter_is_skipped() -> None:
    text = "---\ntitle: needle\n---\nbody needle\n"
    view = checkable_text(text, body_line=4)
    assert view.count("needle") == 1
    assert LineIndex.of(text).position(view.index("needle")) == (4, 6)


def test_line_index() -> None:
    index = LineIndex.of("ab\ncd\r\nef")
    assert index.position(0) == (1, 1)
    assert index.position(4) == (2, 2)
    assert index.position(7) == (3, 1)
    assert index.offset(3, 2) == 8


def test_real_world_page() -> None:
    page = """# Hotel staff

!!! warning "If someone is in danger"
    Call 911. Then tell your manager about the **vagrant** in room 12.

=== "Front desk"

    Watch for a homeless
    person who pays cash.

=== "Housekeeping"

    ```text
    vagrant
    ```

    1. Note the room.
    2. Never confront a vagrant.

```python
vagrant = "in code"
```

See [the vagrant policy](https://example.org/vagrant) and `vagrant`.
"""
    view = checkable_text(page)
    lines = LineIndex.of(page)
    positions = [lines.position(match.start()) for match in re.finditer(r"vagrant", view)]
    assert positions == [(4, 50), (18, 25), (24, 10)]
    assert "homeless\n    person" in view


def test_large_page_is_linear() -> None:
    from work import calls_made

    block = "Some *prose* with a [link](https://example.org) and `code`.\n\n- item\n  more\n\n"
    fence = "```\nnever closed\n\n> a\n>> b <b>x</b>\n\n"
    for unit in (block, block + fence):
        small = calls_made(checkable_text, unit * 1_000)
        large = calls_made(checkable_text, unit * 10_000)
        assert large <= small * 10.5  # ten times the page, ten times the work


def test_fences_at_ever_other_indentations_are_read_in_linear_time() -> None:
    """Where superfences gives up a fence depends on how far in it was opened: read
    once for the page (`line_widths`), not once per indentation."""
    from work import calls_made

    def page(lines: int) -> str:
        return "".join(" " * (1 + number % lines) + "~~~\nx\n" for number in range(lines))

    small = calls_made(checkable_text, page(200))
    large = calls_made(checkable_text, page(2_000))
    assert large <= small * 11  # ten times the page, about ten times the work


# --- openers that cannot close, set aside before the inline pass (inline_openers.py) ----

_MARKUP_PIECES = [
    "`", "``", "```", "\\", "<!--", "-->", "<code>", "</code>", "<kbd x>", "</kbd >",
    "<samp>", "</samp>", "[^", "]", "[", "{", "{#a", "{.b", "{k=", "}", " ", "\n", "\x00",
    "x", "<a ", ">", "(", ")", "](", "][", "&amp;", "<", "!", "-", "^", "--!>",
    "<CODE>", "</Code >", "<SAMP x>", "</PRE>", "<pre>", "<Script a>", "<STYLE>", "a",
]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_MARKUP_PIECES), max_size=40))
# A `<!-->` inside a note set aside (it closes nothing) was no longer its last `<!--`.
@example(["<!--", "<!--", "`", "<!--", ">"])
@example(["x", "<!--", "<!--", "-->"])
# Drawn in CI: the text after an empty note (`<!-->`) was read by all of `mask_inline`,
# which blanks an unclosable `[` that setting it aside keeps.
@example(["<!--", ">", "[^", "-->"])
# An unclosed `<pre>` set aside read as an inline tag `<pxe>`: spaces, where a block tag
# (`pre`, `script`, `style`) ends the prose (`HARD`), words never joined across it.
@example(["a", "<pre>", "a"])
@example(["<Script a>"])
def test_setting_unclosable_openers_aside_changes_nothing(pieces: list[str]) -> None:
    view = "".join(pieces)
    for pattern, replacement in (
        (inline._INLINE, inline._inline_replacement),
        (inline._RAW_INLINE, inline._raw_html_replacement),
    ):
        with patch.object(inline_openers, "_FEW", 0):  # even a few openers are looked at
            aside, restores = set_aside(view, markdown=pattern is inline._INLINE)
        assert len(aside) == len(view)
        masked = put_back(pattern.sub(replacement, aside), restores)
        assert masked == pattern.sub(replacement, view)


@pytest.mark.parametrize("tag", ["<pre>", "<Script a>", "<STYLE>"])
def test_many_unclosed_block_raw_elements_still_end_the_prose(tag: str) -> None:
    """More than a few unclosed `<pre>` in a paragraph are set aside (`<pxe>`): each
    is still a block tag, `HARD`, as one alone is, not an inline tag's spaces."""
    page = f"a{tag}b " * 20 + "\n"
    view = checkable_text(page)
    assert view.count(HARD * len(tag)) == 20
    assert view[: len(tag) + 3] == checkable_text(f"a{tag}b \n")[: len(tag) + 3]


@pytest.mark.parametrize(
    ("view", "opener"),
    [
        ("`" * 500 + " x" * 500, "`"),  # one run no other run closes
        ("`" * 500 + "\n" + "a ` b " * 500, "``"),  # all but its last backtick
        ("<!-- x\n" * 500, "<!--"),
        ("<!-- `-->` " * 500, "<!--"),  # each `-->` in a code span
        # and each `--!>` after one closes nothing: html.parser ended the comment there
        ("<!-- `-->` --!> " * 500, "<!--"),
        ("a <code> x\n" * 500, "<code"),
        ("a <script> b " * 500, "<script"),
        ("a <style> b " * 500, "<style"),
        # Tag names in any case (review rv56c: `<CODE>` was hidden, then read so too).
        ("a <CODE> b " * 500, "<CODE"),
        ("a <Pre x> b\u0130 " * 500, "<Pre"),  # (not ASCII: lowered one for one)
        ("[^" * 500, "[^"),
        ("{#a " * 500, "{#"),
    ],
    ids=[
        *("backticks", "long-run", "comments", "comments-closed-in-code"),
        *("comments-bang-closed-after-code", "code-elements"),
        *("scripts", "styles", "code-upper-case", "pre-mixed-case"),
        *("footnotes", "attributes"),
    ],
)
def test_a_paragraph_of_unclosable_openers_leaves_none_to_try(view: str, opener: str) -> None:
    """Found by fuzzing: each opener read to the end of the paragraph before it failed,
    so thousands of them took quadratic time. Set aside, none is left to read from."""
    aside, restores = set_aside(view)
    assert opener not in aside
    assert restores
    assert put_back(aside, restores) == view


def test_a_block_tag_over_lines_keeps_its_line_breaks_in_the_view() -> None:
    page = '<div class="card"\n     title="a victim">\nshown\n</div>\n'
    tag = page[: page.index(">") + 1]
    view = checkable_text(page)
    assert view[: len(tag)] == re.sub(r"[^\n]", HARD, tag)


@pytest.mark.parametrize(
    ("markdown_text", "kept", "dropped"),
    [
        ("We {--rescue--} refer.", ["We", "refer."], ["rescue"]),
        ("A {~~rescue~>referral~~} plan.", ["A", "referral", "plan."], ["rescue"]),
        ("Over {--two\nlines--} here.", ["Over", "here."], ["two", "lines"]),
        # Text an editor adds, highlights or comments on is shown; so is a tilde strike.
        ("{++added++} {==marked==} {>>noted<<} ~~struck~~", ["added", "marked", "noted"], []),
        ("~~struck~~ and {-- never closed", ["struck", "never", "closed"], []),
        ("`{--code--}` stays code.", ["stays"], ["code--"]),
    ],
)
def test_critic_deletions_are_not_read(
    markdown_text: str, kept: list[str], dropped: list[str]
) -> None:
    """An editor's proposal to delete text (pymdownx.critic) is no use of it (audit)."""
    view = checkable_text(markdown_text)
    for word in kept:
        start = markdown_text.index(word)
        assert view[start : start + len(word)] == word
    for word in dropped:
        start = markdown_text.index(word)
        assert word not in view and view[start : start + len(word)].strip(" \n\x00") == ""


@pytest.mark.parametrize(
    ("page", "extensions"),
    [
        ("w0x\n\n/// w1x\n    w2x\n", ()),
        ("w0x\n\n/// w1x\n    w2x\n", ("pymdownx.blocks.admonition",)),
        ("w0x\n\n/// details | w1x\n    open: true\n\nw2x\n///\n", ("pymdownx.blocks.details",)),
        ("w0x\n\n--8<--\n\nw1x\n", ()),
    ],
)
def test_blocks_and_snippets_syntax_is_read_as_the_site_shows_it(
    page: str, extensions: tuple[str, ...]
) -> None:
    """Review rv8: `/// word` with no block of that name hid the word and the indented
    line after it, and a lone `--8<--` every line up to the next; the site shows both as
    text (a registered block's options are hidden, as its header's name)."""
    from test_markdown_agreement import checked_words, shown_words

    assert checked_words(page) == shown_words(page, extensions)


# Pieces of lines that close a fence, or almost do.
_FENCE_PIECES = ["`", "~", "```", "~~~~", " ", "\t", ">", "a", "\n", "\r", "\r\n"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_FENCE_PIECES), max_size=30))
def test_closing_lines_are_where_the_pattern_finds_them(pieces: list[str]) -> None:
    """`closing_lines` tries the pattern only on lines with a run of the fence's
    characters: it finds every line that the pattern, tried everywhere, finds."""
    text = "".join(pieces)
    for fence in ("```", "~~~", "````", "~~~~~~"):
        expected = [line.start() for line in closing_fence(fence).finditer(text)]
        assert closing_lines(text, fence) == expected


# Pieces of one-line texts that the plain-line shortcut of `checkable_text` takes, or
# almost does: a URL's start, a list's or heading's mark, trailing spaces, a second line;
# and markup the passes read, so that a character let into `_PLAIN_LINE` that they read
# as markup (`&`, a backtick, `[`, `/`, `@`, a backslash, a carriage return...) is caught.
_PLAIN_PIECES = ["The", "a", "Z", "x", "12", " ", "  ", ",", ".", ";", ":", "'", '"']
_PLAIN_PIECES += ["(", ")", "?", "%", "-", "www.", "WWW.", "1.", "#", "*", "_", "\n", " \n"]
_PLAIN_PIECES += ["&amp;", "&rsquo;s", "<b>", "<!-- c -->", "`", "[", "](x)", "\\", "\\*"]
_PLAIN_PIECES += ["a@b.org", "x.org/y", "://", "{--", "--}", "{: .c}", "~~", "`x`", "\\-"]
_PLAIN_PIECES += ["\t", "\r", "\u00a0"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PLAIN_PIECES), min_size=1, max_size=14))
def test_plain_lines_are_read_as_the_passes_read_them(pieces: list[str]) -> None:
    """A line of plain prose (most term definitions) is given as it is, its line break
    made `HARD`, without the block and inline passes: what the passes make of it."""
    from coalition_handbook import markdown

    text = "".join(pieces)
    shortcut = checkable_text(text)
    with patch.object(markdown, "_PLAIN_LINE", re.compile("(?!)")):
        assert shortcut == checkable_text(text)
    if text in ("The word\n", "The word"):
        assert shortcut == "The word" + HARD * text.endswith("\n")


def _counted_block_reads(monkeypatch: pytest.MonkeyPatch, *names: str) -> list[int]:
    """The lengths of text the block pass's patterns `names` (in markdown/md_in_html.py)
    are run over with `finditer`, as the page is read: each run is counted into the list
    returned."""
    import coalition_handbook.markdown.md_in_html as blocks

    scanned: list[int] = []

    class Counted:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def finditer(self, text: str, position: int, end: int) -> Iterator[re.Match[str]]:
            scanned.append(end - position)
            return self.pattern.finditer(text, position, end)

    for name in names:
        monkeypatch.setattr(blocks, name, Counted(getattr(blocks, name)))
    return scanned


def _counted_raw_code_closes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The lengths searched for raw code elements' closes, as the page is read: each
    search is counted into the list returned."""
    import coalition_handbook.markdown as markdown

    scanned: list[int] = []

    class Counted:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def search(self, text: str, position: int, end: int) -> re.Match[str] | None:
            scanned.append(end - position)
            return self.pattern.search(text, position, end)

    closes = {name: Counted(pattern) for name, pattern in markdown._RAW_CODE_CLOSES.items()}
    monkeypatch.setattr(markdown, "_RAW_CODE_CLOSES", closes)
    return scanned


def test_code_tags_never_closed_over_blank_lines_are_searched_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A raw HTML block of `<code>` tags never closed, parted by blank lines: the search
    for each one's close ran to the block's end, quadratic time (50,000 lines: a minute;
    review of blk10's 655462b4). A name found unclosed is searched for no more."""
    scanned = _counted_raw_code_closes(monkeypatch)
    page = "<div>\n" + "<code>unclosed <pre>tags\n\n" * 2_000 + "</div>\n"
    assert checkable_text(page).count("unclosed") == 2_000  # text, as a browser shows it
    assert 0 < sum(scanned) <= 2 * len(page)


@pytest.mark.parametrize(
    "opening", ["- w0x\n\n    ```\n", "- w0x\n\n    <!-- w1x\n", "- w0x\n\n    ~~~~\n~~~\n"]
)
def test_a_fence_or_comment_never_closed_in_md_in_html_is_read_once(
    monkeypatch: pytest.MonkeyPatch, opening: str
) -> None:
    """A fence or comment never closed in md_in_html's block, lists after it: whether the
    block was open was read again from the fence's start at each item's `<p>`, quadratic
    time (50,000 lines: hours; review of rv58d's 2227031d). It is read on from there."""

    scanned = _counted_block_reads(monkeypatch, "_MARKDOWN_BLOCK_TAGS", "_FENCE_LINE")
    page = "<div markdown>\n\n" + opening + "- b\n\n    c\n  <p>d</p>\n" * 2_000 + "</div>\n"
    checkable_text(page)
    assert 0 < sum(scanned) <= 2 * len(page)


def test_md_in_html_s_paragraph_lines_with_end_tags_are_read_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Lines of md_in_html's block holding its end tag's name (`a <div>x</div>`) are each
    asked whether they end the block (and its paragraph): the page is read for its tags
    once, on from where it was last read, not from the block's start at each line. (An
    inline `</b>` asks nothing: the line is read in its run.)"""

    scanned = _counted_block_reads(monkeypatch, "_MARKDOWN_BLOCK_TAGS")
    page = "<div markdown>\n" + "a <div>x</div> b\nc\n" * 2_000 + "</div>\n"
    assert checkable_text(page).count("x") == 2_000
    assert 0 < sum(scanned) <= 2 * len(page)


@pytest.mark.parametrize(
    "page",
    [
        "<div markdown>\n\nx\n\n" * 2_000,  # nested, never closed
        "<div markdown>\n\nx\n\n" * 1_000 + "</div>\n\nx\n\n" * 1_000,
        "<div markdown>\n\n"
        + "<section markdown>\n\nx\n\n</section>\n\nx\n\n" * 1_000
        + "</div>\n",
    ],
)
def test_md_in_html_s_end_tags_are_searched_for_once_whatever_blocks_open(
    monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    """The next end tag that may end md_in_html's block is searched for on from where it
    was last found, whatever blocks open and end: searching for the open blocks' names
    anew at each read the rest of the page for each block nested and never closed, or
    for the outer block's end after each inner one (rv59i: 10,000 nested `<div markdown>`
    took 1.7 s, at session start 0.09 s)."""
    import coalition_handbook.markdown.block_pass as block_pass

    scanned: list[int] = []

    class Counted:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def search(self, text: str, position: int) -> re.Match[str] | None:
            found = self.pattern.search(text, position)
            scanned.append((len(text) if found is None else found.start()) - position)
            return found

    end_tags_of = block_pass._end_tags_of
    monkeypatch.setattr(block_pass, "_end_tags_of", lambda names: Counted(end_tags_of(names)))
    assert checkable_text(page).count("x") == 2_000
    assert 0 < sum(scanned) <= 2 * len(page)


def test_md_in_html_s_blocks_nested_then_closed_are_read_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """md_in_html's blocks nested deep, each holding a list, then closed (each end tag
    followed by a list): the block around one that ends reads on from where the inner one
    stopped, not again from its own start (rv59i: 2,500 such blocks took 6.8 s, at
    session start 0.1 s); the lists' text is read as before."""

    scanned = _counted_block_reads(monkeypatch, "_MARKDOWN_BLOCK_TAGS")
    page = "<div markdown>\n\n- x\n  y\n" * 1_000 + "</div>\n- x\n\n    y\n" * 1_000
    assert checkable_text(page).count("x") == 2_000
    assert 0 < sum(scanned) <= 2 * len(page)


def test_md_in_html_s_blocks_of_names_in_turn_nested_then_closed_are_read_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """md_in_html's blocks nested deep, `<div markdown>` and `<section markdown>` in turn,
    each holding a list, then closed (each end tag followed by a list): the block around
    one of another name that ends reads on from where it stopped, with what it found of
    the outer name's tags, not again from its own start (rv59j: 20,000 lines took 8.2 s,
    at session start 0.12 s); the lists' text is read as before."""

    scanned = _counted_block_reads(monkeypatch, "_MARKDOWN_BLOCK_TAGS")
    opened = "<div markdown>\n\n- x\n  y\n<section markdown>\n\n- x\n  y\n"
    closed = "</section>\n- x\n\n    y\n</div>\n- x\n\n    y\n"
    page = opened * 500 + closed * 500
    assert checkable_text(page).count("x") == 2_000
    assert 0 < sum(scanned) <= 2 * len(page)


def test_md_in_html_s_outer_end_tag_in_a_block_of_another_name_is_read_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """md_in_html's end tag of an outer block in an inner one of another name (`<div
    markdown>`, `<section markdown>`, a list, `</div>`), again and again, then the stray
    inner end tags: its parser ends both at the `</div>`; the block pass kept the inner
    open, and each outer block read its inner one's lines again (session 59: 20,000
    lines took ~20 s, 0.15 s at its start). Each line is read once."""

    scanned = _counted_block_reads(monkeypatch, "_MARKDOWN_BLOCK_TAGS")
    opened = "<div markdown>\n\n<section markdown>\n\n- x\n\n</div>\n\n"
    page = opened * 1_000 + "- x\n  y\n</section>\n" * 1_000
    assert checkable_text(page).count("x") == 2_000
    assert 0 < sum(scanned) <= 2 * len(page)


def test_stray_end_tags_are_read_for_their_blocks_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether an end tag alone on its line ends an HTML block is read from the tag's
    start and end tags before it (a stray one after `<div>a</div> b` is text): on from
    where the tag's lines were last read, not from the page's start at each such line."""
    import coalition_handbook.markdown.blocks as blocks

    scanned: list[int] = []
    tag_pattern = blocks.tag_pattern

    class Counted:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def finditer(self, text: str, *span: int) -> Iterator[re.Match[str]]:
            start, end = span if span else (0, len(text))
            scanned.append(end - start)
            return self.pattern.finditer(text, start, end)

    monkeypatch.setattr(blocks, "tag_pattern", lambda tag: Counted(tag_pattern(tag)))
    page = "<div>a</div> b\n</div>\n    x\n\n" * 2_000
    assert checkable_text(page).count("x") == 2_000  # the stray tag's paragraph: text
    assert 0 < sum(scanned) <= 2 * len(page)


def test_md_in_html_s_paragraph_runs_are_read_up_to_the_next_end_tag(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A run of prose lines in md_in_html's block is read up to the next line holding
    `</` (read alone: it may end the block), not to the run's end and cut there after:
    a paragraph with an inline end tag on every other line read the rest of the page at
    each (rv59c: 20,000 such lines took 27 s, at session start 0.1 s)."""
    import coalition_handbook.markdown.block_pass as block_pass

    scanned: list[int] = []
    plain_lines_end = block_pass._plain_lines_end

    def counted(text: str, position: int, limit: int | None = None) -> int:
        scanned.append((len(text) if limit is None else limit) - position)
        return plain_lines_end(text, position, limit)

    monkeypatch.setattr(block_pass, "_plain_lines_end", counted)
    for element in ("<b>x</b>", "<div>x</div>"):  # (the block's name: each line read alone)
        scanned.clear()
        page = "<div markdown>\n\n" + f"a {element} b\nc d\n" * 2_000 + "</div>\n"
        assert checkable_text(page).count("x") == 2_000
        assert 0 < sum(scanned) <= 2 * len(page)


def test_code_elements_a_browser_ends_early_are_searched_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Many `<pre>` elements a `</div>` around each ends early, one `</pre>` at the end:
    each one's close is the same, found once, not searched for again to the block's end
    from each (quadratic)."""
    scanned = _counted_raw_code_closes(monkeypatch)
    page = "<div>\n" + "<div><pre>code</div>\n\n<p>shown</p>\n" * 2_000 + "</pre></div>\n"
    view = checkable_text(page)
    assert view.count("shown") == 2_000 and "code" not in view
    assert 0 < sum(scanned) <= 2 * len(page)
