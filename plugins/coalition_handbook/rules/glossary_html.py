"""glossary.html: an HTML tag in a term's definition (DESIGN section 11).

A term's page shows every `<` of its definition outside code as text, and so do the
handouts' key terms and the short text made of the definition for tooltips and search
(`markdown.raw_html.tags_as_text`): a `<b>` or an `<img>` typed in a definition shows as
typed.
This rule tells the editor where the tags are, so the definition can say in Markdown
what they were meant to. Tags in code, and comments, are not reported.

So with a `style=` that attr_list would put on an element (`**b**{: style="..." }`): a
definition is text, and its page and the handouts leave the style out
(`markdown.definitions`), since one may load an image from another host or cover the page.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..documents import CheckedText, ScalarOffsets, scan_handbook
from ..findings import Finding
from ..markdown.attribute_lists import style_attributes
from ..markdown.raw_html import html_in_markdown
from ..matching import Hit
from .base import CheckContext

RULE = "glossary.html"


def check(context: CheckContext) -> Iterator[Finding]:
    for document in scan_handbook(context):
        if document.kind != "term":
            continue
        for line, column, tag in document.located(_tags):
            yield context.finding(
                RULE,
                document.path,
                line,
                column,
                f"HTML in a definition ({_shortened(tag)}) is shown as typed, not as HTML, "
                "on the term's page and in tooltips and handouts; write it in Markdown",
                found=tag,
            )
        for line, column, style in document.located(_styles):
            yield context.finding(
                RULE,
                document.path,
                line,
                column,
                f"attr_list's {style.partition('=')[0].lower()}= in a definition is left out "
                "of the term's page and the handouts, as a definition is text; write it "
                "without",
                found=style,
            )


def _tags(text: CheckedText, _: list[Hit]) -> list[tuple[int, int]]:
    """(start, end) in the view of each tag of the definition (as long as its value)."""
    offsets = text.offsets
    if text.key != "definition" or not isinstance(offsets, ScalarOffsets):
        return []  # a `short` is plain text: its tags are text wherever it is shown
    if "<" not in offsets.value:
        return []
    return list(html_in_markdown(offsets.value).tags)


def _styles(text: CheckedText, _: list[Hit]) -> list[tuple[int, int]]:
    """(start, end) in the view of each `style=` of an attr_list list in the definition,
    outside code and comments."""
    offsets = text.offsets
    if text.key != "definition" or not isinstance(offsets, ScalarOffsets):
        return []
    if "{" not in offsets.value:
        return []
    return style_attributes(offsets.value, html_in_markdown(offsets.value).comments)


def _shortened(tag: str) -> str:
    first_line = tag.split("\n", 1)[0]
    return (
        f"'{first_line}'"
        if len(first_line) <= 40 and first_line == tag
        else f"'{first_line[:37]}...'"
    )
