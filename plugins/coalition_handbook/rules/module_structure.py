"""module.structure: a module's body needs the H2 sections Realize, Recognize and Respond,
in that order, each once; other sections may come before, between or after them.

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
from ..model.yaml_messages import shortened
from ..theme_language import is_english
from .base import CheckContext

RULE = "module.structure"
# An H2's underline, in a quote too (`> ---`): what makes the line above a setext heading.
_SETEXT_UNDERLINE = re.compile(r"[ \t>]*-+[ \t]*\r?")
# What stands before a heading's text in a quote or a list item: `> `, `- `, `1. `.
_CONTAINER_MARKS = re.compile(r"(?:[ \t>]|[-*+](?=[ \t])|[0-9]{1,9}[.)](?=[ \t]))*")


def check(context: CheckContext) -> Iterator[Finding]:
    handbook = context.handbook
    # A module whose front matter has problems still has its sections checked.
    modules: list[Module | RejectedRecord] = [*handbook.modules.values()]
    modules += [record for record in handbook.rejected_records if record.headings is not None]
    english = is_english(context.config.language)
    for module in modules:
        lines = module.origin.text.split("\n")  # as the Markdown scan counts lines
        problems = structure_problems(
            module,
            places_other_headings=not english,
            definition_lists=context.config.definition_lists,
            lines=lines,
        )
        for line, message, at_heading in problems:
            # A heading out of place is found as written; a missing one at the body's start.
            written = lines[line - 1] if at_heading and line <= len(lines) else ""
            column = len(written) - len(written.lstrip()) + 1
            yield context.finding(
                RULE, module.origin.path, line, column, message, found=written.strip() or None
            )


def structure_problems(
    module: Module | RejectedRecord,
    places_other_headings: bool = True,
    *,
    definition_lists: bool = True,
    lines: list[str] | None = None,
) -> Iterator[tuple[int, str, bool]]:
    """(line, message, whether the line is the heading at fault) for every missing,
    out-of-order or repeated section. With `places_other_headings`, a missing section is looked for
    under another name where it belongs (`_headings_in_place_of`): in a handbook written
    in another language than English, where a translated heading is the likely mistake.
    In an English one, the H2 standing there is most often a section of its own ("Before
    you begin", "Key points": review). The body is read with def_list or without
    (`definition_lists`), as the site renders it: a `## name` indented under a
    definition is in its list, or code. `lines`: the module's, split at "\n", if at hand
    (its headings are quoted as written)."""
    found: list[tuple[str, Heading]] = []
    problems: dict[str, tuple[int, str, bool]] = {}
    headings = module.headings or ()
    for name in SECTIONS:
        heading = _first(headings, name, level=2)
        if heading is not None:
            found.append((name, heading))
            continue
        problem = _section_written_otherwise(module, headings, name, definition_lists)
        if problem is not None:
            problems[name] = problem
    # Where the sections are written, near enough: the places of the others.
    placed = {name: heading.line for name, heading in found}
    placed.update({name: line for name, (line, _, _) in problems.items()})
    in_place_of = _headings_in_place_of(headings, placed) if places_other_headings else {}
    for name in SECTIONS:
        if name in problems:
            yield problems[name]
        elif name in in_place_of:
            # Another language's name ("## Reconocer"), or other words: audit, a Spanish
            # module's errors all pointed at the body's start, with no hint for the two
            # sections whose heading shared no letters with the English one.
            heading = in_place_of[name]
            yield (
                heading.line,
                f"module '{module.id}' has no '## {name}' section; if '{heading.text}' is "
                f"meant to be it, its heading must be '## {name}': the sections keep their "
                "English headings whatever the language of the text under them",
                True,
            )
        elif name not in placed:
            yield (
                module.origin.body_line,
                f"module '{module.id}' has no '## {name}' section "
                f"(every module has ## {', ## '.join(SECTIONS)}, in that order)",
                False,
            )
    if lines is None:
        lines = module.origin.text.split("\n")
    latest: Heading | None = None
    for _, heading in found:
        if latest is not None and heading.line < latest.line:
            yield (
                heading.line,
                f"{_as_written(heading, lines)} must come after {_as_written(latest, lines)} "
                f"(line {latest.line}): the sections go {', '.join(SECTIONS)}",
                True,
            )
        else:
            latest = heading
    yield from _repeated_sections(headings, lines)


def _as_written(heading: Heading, lines: list[str]) -> str:
    """`heading` quoted as its file writes it: `'## respond'`, or a setext heading's text
    and its underline, `'Respond' (underlined with ---)`, where a message naming
    `## Respond` sent the editor looking for a line the file does not have (session 60)."""
    written, underline = [*lines[heading.line - 1 : heading.line + 1], "", ""][:2]
    marks = _CONTAINER_MARKS.match(written)
    text = written[marks.end() if marks else 0 :].strip()
    if _SETEXT_UNDERLINE.fullmatch(underline) and not text.startswith("#"):
        return f"'{shortened(text or heading.text)}' (underlined with ---)"
    return f"'{shortened(written.strip()) or f'## {heading.text}'}'"


def _repeated_sections(
    headings: tuple[Heading, ...], lines: list[str]
) -> Iterator[tuple[int, str, bool]]:
    """A section's H2 written again, wherever it stands: a module has one of each, so a
    second one is no section in order, before the others or after them (the order is
    judged by each section's first H2). Task ed61: a second `## Respond` before
    `## Recognize` was reported, a second `## Realize` after `## Respond` was not."""
    first: dict[str, Heading] = {}
    sections = {section.casefold(): section for section in SECTIONS}
    for heading in headings:
        name = sections.get(heading.text.strip().casefold())
        if heading.level != 2 or name is None:
            continue
        earlier = first.setdefault(name, heading)
        if earlier is not heading:
            yield (
                heading.line,
                f"{_as_written(heading, lines)} is written twice (first at line "
                f"{earlier.line}): a module has "
                f"one '## {name}' section; merge the two, or give this one another heading",
                True,
            )


def _section_written_otherwise(
    module: Module | RejectedRecord,
    headings: tuple[Heading, ...],
    name: str,
    definition_lists: bool = True,
) -> tuple[int, str, bool] | None:
    """The problem of section `name`, found written but not as an H2 of its own name (at
    another level, inside a block, almost so), or None where it is nowhere to be seen."""
    elsewhere = _first(headings, name, level=None)
    if elsewhere is not None:
        return (
            elsewhere.line,
            f"'{name}' is a level-{elsewhere.level} heading; it must be an H2 ('## {name}')",
            True,
        )
    as_text = _heading_shown_as_text(module, name, definition_lists)
    if as_text is not None:
        # The tag may be closed further down (audit): the advice covers both cases.
        return (
            as_text,
            f"'## {name}' is inside an HTML block, where Markdown is not read, so the "
            "site and the handout show it as text: move it out of the block, or close "
            "the tag where the block should end (a `<div>` needs its `</div>`)",
            True,
        )
    in_block = _heading_inside_a_block(module, name, definition_lists)
    if in_block is not None:
        return (
            in_block,
            f"'## {name}' is inside a block (an admonition, a `<div markdown>`, an "
            "indented one), so it is no section of the module: a section's heading "
            "starts its own line, not indented and outside any block",
            True,
        )
    near = _near_miss(headings, name)
    if near is not None:
        return (
            near.line,
            f"module '{module.id}' has no '## {name}' section; if '{near.text}' is "
            f"meant to be it, its heading must be '## {name}' exactly",
            True,
        )
    return None


def _headings_in_place_of(
    headings: tuple[Heading, ...], placed: dict[str, int]
) -> dict[str, Heading]:
    """For the sections nowhere to be seen, the H2 written where each belongs, where that
    is plain: between the sections placed around a run of missing ones, as many other H2s
    as the run has sections ("## Tomar conciencia", "## Reconocer" before "## Respond")."""
    taken = set(placed.values())
    sections = {section.casefold() for section in SECTIONS}
    others = [
        heading
        for heading in headings
        if heading.level == 2
        and heading.line not in taken
        and heading.text.strip().casefold() not in sections
    ]
    guesses: dict[str, Heading] = {}
    run: list[str] = []
    after = 0  # the line of the section placed before the run (0: the body's start)
    for name in (*SECTIONS, None):
        if name is not None and name not in placed:
            run.append(name)
            continue
        before = placed[name] if name is not None else None
        between = [
            heading
            for heading in others
            if heading.line > after and (before is None or heading.line < before)
        ]
        if run and len(between) == len(run):
            guesses.update(zip(run, between, strict=True))
        run = []
        after = before if before is not None else after
    return guesses


def _heading_shown_as_text(
    module: Module | RejectedRecord, name: str, definition_lists: bool = True
) -> int | None:
    """The line of a `## name` written in the body but no heading (`Module.headings`
    leaves out what a raw HTML block swallows), or None."""
    written = re.compile(rf"[ ]{{0,3}}##[ \t]*{re.escape(name)}[ \t#]*", re.IGNORECASE)
    origin = module.origin
    lines = origin.text.split("\n")
    shown_as_html = raw_html_lines(origin.text, origin.body_line, definition_lists=definition_lists)
    for index in sorted(shown_as_html):
        if index < len(lines) and written.fullmatch(lines[index].rstrip("\r")):
            return index + 1
    return None


def _heading_inside_a_block(
    module: Module | RejectedRecord, name: str, definition_lists: bool = True
) -> int | None:
    """The line of a `## name` written in the body outside code but read as no heading:
    indented into an admonition's body, or inside a `<div markdown>` block (the site
    shows an H2 there, within the block; audit: the rule said the section was missing)."""
    written = re.compile(rf"[ \t>]*##[ \t]*{re.escape(name)}[ \t#]*", re.IGNORECASE)
    origin = module.origin
    heading_lines = {heading.line for heading in module.headings or ()}
    # One commented out is no heading at all: the section is missing (review).
    comments = html_in_markdown(origin.text, definition_lists=definition_lists).comments
    starts = line_starts(origin.text)
    outside_code = lines_outside_code(
        origin.text, origin.body_line, definition_lists=definition_lists
    )
    for number, line in outside_code:
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
