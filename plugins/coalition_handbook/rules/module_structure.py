"""module.structure: a module's body needs the H2 sections Realize, Recognize and Respond,
in that order; other sections may come before, between or after them.

Headings come from markdown-it (`Module.headings`), so a heading inside a code block is
no heading and setext headings count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from ..findings import Finding
from ..markdown import line_starts, lines_outside_code
from ..markdown.raw_html import html_in_markdown
from ..model.modules import SECTIONS, raw_html_lines
from ..model.types import Heading, Module, RejectedRecord
from .base import CheckContext

RULE = "module.structure"


def check(context: CheckContext) -> Iterator[Finding]:
    handbook = context.handbook
    # A module whose front matter has problems still has its sections checked.
    modules: list[Module | RejectedRecord] = [*handbook.modules.values()]
    modules += [record for record in handbook.rejected_records if record.headings is not None]
    for module in modules:
        lines = module.origin.text.split("\n")  # as the Markdown scan counts lines
        for line, message, at_heading in structure_problems(module):
            # A heading out of place is found as written; a missing one at the body's start.
            written = lines[line - 1] if at_heading and line <= len(lines) else ""
            column = len(written) - len(written.lstrip()) + 1
            yield context.finding(
                RULE, module.origin.path, line, column, message, found=written.strip() or None
            )


def structure_problems(module: Module | RejectedRecord) -> Iterator[tuple[int, str, bool]]:
    """(line, message, whether the line is the heading at fault) for every missing or
    out-of-order section."""
    found: list[tuple[str, Heading]] = []
    headings = module.headings or ()
    for name in SECTIONS:
        heading = _first(headings, name, level=2)
        if heading is not None:
            found.append((name, heading))
            continue
        elsewhere = _first(headings, name, level=None)
        if elsewhere is not None:
            yield (
                elsewhere.line,
                f"'{name}' is a level-{elsewhere.level} heading; it must be an H2 ('## {name}')",
                True,
            )
            continue
        as_text = _heading_shown_as_text(module, name)
        in_block = _heading_inside_a_block(module, name)
        near = _near_miss(headings, name)
        if as_text is not None:
            # The tag may be closed further down (audit): the advice covers both cases.
            yield (
                as_text,
                f"'## {name}' is inside an HTML block, where Markdown is not read, so the "
                "site and the handout show it as text: move it out of the block, or close "
                "the tag where the block should end (a `<div>` needs its `</div>`)",
                True,
            )
        elif in_block is not None:
            yield (
                in_block,
                f"'## {name}' is inside a block (an admonition, a `<div markdown>`, an "
                "indented one), so it is no section of the module: a section's heading "
                "starts its own line, not indented and outside any block",
                True,
            )
        elif near is not None:
            yield (
                near.line,
                f"module '{module.id}' has no '## {name}' section; if '{near.text}' is "
                f"meant to be it, its heading must be '## {name}' exactly",
                True,
            )
        else:
            yield (
                module.origin.body_line,
                f"module '{module.id}' has no '## {name}' section "
                f"(every module has ## {', ## '.join(SECTIONS)}, in that order)",
                False,
            )
    latest: tuple[str, Heading] | None = None
    for name, heading in found:
        if latest is not None and heading.line < latest[1].line:
            yield (
                heading.line,
                f"'## {name}' must come after '## {latest[0]}' (line {latest[1].line}): "
                f"the sections go {', '.join(SECTIONS)}",
                True,
            )
        else:
            latest = (name, heading)


def _heading_shown_as_text(module: Module | RejectedRecord, name: str) -> int | None:
    """The line of a `## name` written in the body but no heading (`Module.headings`
    leaves out what a raw HTML block swallows), or None."""
    written = re.compile(rf"[ ]{{0,3}}##[ \t]*{re.escape(name)}[ \t#]*", re.IGNORECASE)
    origin = module.origin
    lines = origin.text.split("\n")
    for index in sorted(raw_html_lines(origin.text, origin.body_line)):
        if index < len(lines) and written.fullmatch(lines[index].rstrip("\r")):
            return index + 1
    return None


def _heading_inside_a_block(module: Module | RejectedRecord, name: str) -> int | None:
    """The line of a `## name` written in the body outside code but read as no heading:
    indented into an admonition's body, or inside a `<div markdown>` block (the site
    shows an H2 there, within the block; audit: the rule said the section was missing)."""
    written = re.compile(rf"[ \t>]*##[ \t]*{re.escape(name)}[ \t#]*", re.IGNORECASE)
    origin = module.origin
    heading_lines = {heading.line for heading in module.headings or ()}
    # One commented out is no heading at all: the section is missing (review).
    comments = html_in_markdown(origin.text).comments
    starts = line_starts(origin.text)
    for number, line in lines_outside_code(origin.text, origin.body_line):
        if number in heading_lines or not written.fullmatch(line.rstrip("\r")):
            continue
        offset = starts[number - 1]
        if not any(start <= offset < end for start, end in comments):
            return number
    return None


def _near_miss(headings: tuple[Heading, ...], name: str) -> Heading | None:
    """The first H2 that looks meant as section `name`, though not written so:
    "Recognize the signs", "Recognize:", "Recognise" (not the H1, the module's title)."""
    wanted = name.casefold()
    sections = {section.casefold() for section in SECTIONS}
    for heading in headings:
        text = heading.text.strip().casefold()
        if heading.level != 2 or text in sections:
            continue
        if text.startswith(wanted) or SequenceMatcher(None, wanted, text).ratio() >= 0.8:
            return heading
    return None


def _first(headings: tuple[Heading, ...], name: str, level: int | None) -> Heading | None:
    wanted = name.casefold()
    for heading in headings:
        if heading.text.strip().casefold() == wanted and (level is None or heading.level == level):
            return heading
    return None
