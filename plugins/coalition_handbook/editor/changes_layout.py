"""What in a field's text is layout alone, and so no change of meaning.

A change of layout alone (a paragraph rewrapped, spaces doubled, a comment) changes no
meaning: it is reported, but asks for no version bump (DESIGN section 3.1). It is told by
what the page shows (`shown`): joining or splitting paragraphs, list items or other
blocks, or an indent that makes text code, is no change of layout. A module's body is
compared without its line endings and trailing spaces (`normalise_text`), and the report
shows a text's blocks as they read (`paragraph_blocks`).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Mapping

from ..markdown import LINE_BREAK
from .rendered_markdown import shown

# A line break before what starts a block is no layout: joined to the line before, the
# block is gone. As Python-Markdown reads it, a heading, a quote or a fence starts one
# anywhere; a list item or a table row only in a list or table, not inside a paragraph
# of prose ("… 22 U.S.C.\n7102. In this handbook …" is one paragraph: audit). An indented
# line inside a paragraph is no block (indented code follows a blank line): a list
# item's rewrapped lines are layout.
_BLOCK_BREAK = re.compile(r"\n(?=[ \t]*(?:#|>|```|~~~))")
_ITEM = r"[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|\|)"
_ITEM_START = re.compile(_ITEM)
_HEADING_START = re.compile(r"[ \t]*#")
_ITEM_BREAK = re.compile(rf"\n(?={_ITEM})")
PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t]*\n)+")


def paragraph_blocks(text: str) -> tuple[tuple[str, ...], ...]:
    """A Markdown text as the report shows which of its blocks changed: each paragraph
    (blank lines apart) as its blocks (see `_BLOCK_BREAK`), each with its words joined by
    single spaces. (Whether a change is layout alone is `shown`'s to tell.)"""
    text = unicodedata.normalize("NFC", text)  # as `shown` reads it
    return tuple(
        tuple(" ".join(block.split()) for block in _blocks(paragraph))
        for paragraph in PARAGRAPH_BREAK.split(text.strip())
    )


def _blocks(paragraph: str) -> list[str]:
    blocks: list[str] = []
    for block in _BLOCK_BREAK.split(paragraph):
        if _HEADING_START.match(block):  # a heading is its line: a list may follow it
            heading, _, block = block.partition("\n")
            blocks.append(heading)
            if not block:
                continue
        blocks += _ITEM_BREAK.split(block) if _ITEM_START.match(block) else [block]
    return blocks


def wording(value: object) -> object:
    """A field's value without the layout of its text: what the page shows of it, as
    Python-Markdown renders it with the handbook's usual extensions (the example
    mkdocs.yml's, which the handouts use too; not a site's own, which `handbook diff`
    does not read), every run of spaces and line breaks read as one space and comments
    left out. In strings, lists and records alike. So an indent that makes a paragraph
    code, or a list item a nested one, and two spaces that end a line with a break, are
    no layout (audit)."""
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, tuple | list):
        return tuple(wording(item) for item in value)
    if isinstance(value, Mapping):
        return {key: wording(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            *(wording(getattr(value, field.name)) for field in dataclasses.fields(value)),
        )
    return value


def normalise_text(text: str) -> str:
    """Line endings and trailing spaces do not count as a change of a Markdown body, but
    for the two spaces that break a line there (`shown` tells where they do)."""
    return "\n".join(
        line.rstrip() + ("  " if line.endswith("  ") else "") for line in file_lines(text.strip())
    )


def file_lines(text: str) -> list[str]:
    """`text`'s lines as git and editors count them (as `str.splitlines` does, which also
    breaks at a form feed or U+2028, and would number a diff's lines wrongly)."""
    lines = LINE_BREAK.split(text)
    if lines[-1] == "":  # a line break ends the last line; it starts no other
        lines.pop()
    return lines
