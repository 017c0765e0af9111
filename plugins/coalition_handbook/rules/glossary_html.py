"""glossary.html: an HTML tag in a term's definition (DESIGN section 11).

A term's page shows every `<` of its definition outside code as text, and so do the
handouts' key terms and the short text made of the definition for tooltips and search
(`markdown.raw_html.tags_as_text`): a `<b>` or an `<img>` typed in a definition shows as
typed.
This rule tells the editor where the tags are, so the definition can say in Markdown
what they were meant to. Tags in code, and comments, are not reported.

So with a `style=`, an `href=` or any other attribute but those that name, label or lay
out an element, that attr_list would put on one (`**b**{: style="..." }`,
`[x](#top){: href="javascript:..." }`): a definition is text, and its page and the
handouts leave it out (`markdown.definitions`), since a style may load an image from
another host or cover the page, and an `href=`, `src=` or `formaction=` send the reader
or load elsewhere. Event handlers are `html.active-content`'s.

And, where the site has pymdownx.snippets, a line of it in a definition
(`--8<-- "part.md"`): a definition includes no file, and its page and tooltips show the
line as typed, without a word to the editor (task lo64).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from ..documents import CheckedText, ScalarOffsets, scan_handbook
from ..findings import Finding
from ..markdown import line_starts, lines_outside_code
from ..markdown.attribute_lists import attributes_named
from ..markdown.blocks import SNIPPET_LINE
from ..markdown.definitions import left_out_of_definition
from ..markdown.event_handlers import may_run_as_handler
from ..markdown.raw_html import html_in_markdown
from ..matching import Hit
from .base import CheckContext

RULE = "glossary.html"


def check(context: CheckContext) -> Iterator[Finding]:
    definition_lists = context.config.definition_lists
    tags = partial(_tags, definition_lists=definition_lists)
    left_out = partial(_left_out_attributes, definition_lists=definition_lists)
    snippets = partial(_snippet_lines, definition_lists=definition_lists)
    with_snippets = context.config.snippets is not None
    for document in scan_handbook(context):
        if document.kind != "term":
            continue
        for line, column, tag in document.located(tags):
            yield context.finding(
                RULE,
                document.path,
                line,
                column,
                f"HTML in a definition ({_shortened(tag)}) is shown as typed, not as HTML, "
                "on the term's page and in tooltips and handouts; write it in Markdown",
                found=tag,
            )
        for line, column, attribute in document.located(left_out):
            yield context.finding(
                RULE,
                document.path,
                line,
                column,
                f"attr_list's {_attribute_named(attribute)} in a definition is left out of "
                "the term's page and the handouts, as a definition is text; write it without",
                found=attribute,
            )
        if not with_snippets:
            continue
        for line, column, written in document.located(snippets):
            yield context.finding(
                RULE,
                document.path,
                line,
                column,
                "a pymdownx.snippets line in a definition includes no file: the term's page "
                "and its tooltips show it as typed; write the text into the definition",
                found=written,
            )


def _tags(
    text: CheckedText, _: list[Hit], *, definition_lists: bool = True
) -> list[tuple[int, int]]:
    """(start, end) in the view of each tag of the definition (as long as its value),
    outside code as its term page reads it (with def_list or without: `definition_lists`)."""
    offsets = text.offsets
    if text.key != "definition" or not isinstance(offsets, ScalarOffsets):
        return []  # a `short` is plain text: its tags are text wherever it is shown
    if "<" not in offsets.value:
        return []
    return list(html_in_markdown(offsets.value, definition_lists=definition_lists).tags)


def _left_out_attributes(
    text: CheckedText, _: list[Hit], *, definition_lists: bool = True
) -> list[tuple[int, int]]:
    """(start, end) in the view of each attribute of an attr_list list in the definition
    that its page leaves out, but event handlers, outside code and comments (code read
    with def_list or without: `definition_lists`)."""
    offsets = text.offsets
    if text.key != "definition" or not isinstance(offsets, ScalarOffsets):
        return []
    if "{" not in offsets.value:
        return []
    comments = html_in_markdown(offsets.value, definition_lists=definition_lists).comments
    return attributes_named(
        offsets.value, _left_out_not_handler, comments, definition_lists=definition_lists
    )


def _snippet_lines(
    text: CheckedText, _: list[Hit], *, definition_lists: bool = True
) -> list[tuple[int, int]]:
    """(start, end) in the definition of each line pymdownx.snippets would read on a page
    (`--8<-- "part.md"`, a `--8<--` block's marker), outside code (read with def_list or
    without: `definition_lists`)."""
    offsets = text.offsets
    if text.key != "definition" or not isinstance(offsets, ScalarOffsets):
        return []
    value = offsets.value
    if "8<" not in value:
        return []
    starts = line_starts(value)
    found: list[tuple[int, int]] = []
    for number, line in lines_outside_code(value, definition_lists=definition_lists):
        indented = len(line) - len(line.lstrip(" \t"))
        written = SNIPPET_LINE.fullmatch(line.rstrip("\r"), indented)
        if written is not None:
            start = starts[number - 1] + indented
            found.append((start, start + len(written.group())))
    return found


def _attribute_named(token: str) -> str:
    """How a finding names the attribute `token` sets: `style=`, or a bare `hidden`."""
    name, equals, _ = token.partition("=")
    return f"{name.lower()}{equals}"


def _left_out_not_handler(name: str) -> bool:
    return left_out_of_definition(name) and not may_run_as_handler(name)


def _shortened(tag: str) -> str:
    first_line = tag.split("\n", 1)[0]
    return (
        f"'{first_line}'"
        if len(first_line) <= 40 and first_line == tag
        else f"'{first_line[:37]}...'"
    )
