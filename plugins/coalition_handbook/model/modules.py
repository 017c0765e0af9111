"""Training modules: `<docs_dir>/<modules_dir>/<id>.md` into `Module` records (DESIGN 3.3).

A module is also a page; its front matter is validated against module.schema.json and
its headings are read with markdown-it, so a `## Realize` inside a code block is no
heading and setext headings count. Where markdown-it (CommonMark) and Python-Markdown,
which renders the site, disagree on `#` headings, the lines are first written the way
markdown-it reads as Python-Markdown does: the section a reader sees is the one checked.
"""

from __future__ import annotations

import bisect
import os
import posixpath
from pathlib import Path

from ..cache import STATS, RunCache
from ..config import HandbookConfig
from ..findings import Finding
from ..lazy_pattern import LazyPattern
from ..markdown import line_starts, lines_outside_code
from ..markdown.block_pass import mask_blocks
from ..markdown.link_labels import linear_for_markdown_it
from ..markdown.raw_html import tags_as_text
from .glossary import commonmark, history_entries, inline_text
from .pages import (
    OPENING_LINE,
    PageSource,
    build_page,
    never_closed_why,
    page_paths,
    parse_page,
)
from .records import (
    checked_strings,
    records_namespace,
    rejected_record,
    unread_record,
    validated_fields,
)
from .source import (
    MARKDOWN_SUFFIXES,
    FileReport,
    check_id,
    may_be_file,
    outside_docs,
    read_text,
    relative_path,
)
from .types import Heading, Module, Page, RejectedRecord

RULE = "module.schema"
OVERVIEW = "index.md"
# The H2 sections every module has, in this order (DESIGN 3.3).
SECTIONS = ("Realize", "Recognize", "Respond")

# attr_list's block at the end of a heading (`## Respond {#respond}`, `{: .note }`):
# Python-Markdown takes it off the heading's text, so the section is still "Respond".
_HEADING_ATTRIBUTES = LazyPattern(r"[ \t]+\{:?[ \t]*(?:[#.][\w-]|[\w-]+=)[^}\n]*\}[ \t]*$")


def module_files(config: HandbookConfig) -> list[Path]:
    """The module files: every `.md` of modules_dir but its overview page, index.md."""
    return [Path(path) for path in module_file_paths(str(config.modules_dir))]


def module_file_paths(folder: str) -> list[str]:
    """`module_files` of the modules folder `folder`, as strings (for the incremental
    check's survey). One `os.scandir`: its entries know their type."""
    try:
        with os.scandir(folder) as entries:
            names = [
                entry.name
                for entry in entries
                if entry.name.endswith(".md")
                and entry.name != OVERVIEW
                and not entry.name.startswith(".")
                and may_be_file(entry)
            ]
    except OSError:  # no such folder: no modules
        return []
    return [folder + os.sep + name for name in sorted(names)]


def markdown_names_in(folder: str) -> list[str]:
    """The names of the Markdown files (by suffix) in the modules folder `folder`, sorted:
    whether `unread_module` finds a file of a page's name there, for the incremental
    check's survey to list (one added or removed changes the advice at a page nobody
    edited)."""
    try:
        names = os.listdir(folder)  # noqa: PTH208 - names as strings, no Path each
    except OSError:  # no such folder: nothing there
        return []
    return sorted(name for name in names if name.lower().endswith(MARKDOWN_SUFFIXES))


def unread_module(page: Page, config: HandbookConfig) -> str | None:
    """Why `page`, in a subfolder of modules_dir and written as a training module
    (`_written_as_module`), is no module; None for any other page.
    `module_file_paths` reads modules_dir alone, as the record folders are read (their
    subfolders' files are named too: `records.misplaced_files`), so such a page is
    published as a plain page, without a word, a module no more (audit)."""
    try:
        folder = config.modules_dir.relative_to(config.docs_dir).as_posix()
    except ValueError:  # a link to a folder elsewhere: its subfolders are no pages here
        return None
    prefix = "" if folder == "." else f"{folder}/"
    if not page.src_uri.startswith(prefix) or "/" not in page.src_uri[len(prefix) :]:
        return None
    if not _written_as_module(page):
        return None
    modules = relative_path(config, config.modules_dir)
    name = posixpath.basename(page.src_uri)
    taken = " (one of that name is there already: choose another)"
    return (
        f"is not read as a training module: modules are read from {modules}/ itself, not "
        "from its subfolders, so this page gets no module checks and no handout, and is "
        f"published as a plain page; to make it a module, it belongs in {modules}/ as "
        f"{name}{taken if (config.modules_dir / name).exists() else ''}; to keep it as a "
        f"draft, in a hidden subfolder (such as {modules}/.drafts/), which is not published"
    )


def _written_as_module(page: Page) -> bool:
    """A title, and objectives, or the three sections with a version or history: what
    only a module has (a page of notes on the three parts has the headings alone)."""
    meta = page.meta
    if "title" not in meta:
        return False
    if "objectives" in meta:
        return True
    return ("version" in meta or "history" in meta) and _has_sections(page)


def _has_sections(page: Page) -> bool:
    """Whether `page` has the H2 sections of a module, as module.structure reads them."""
    body_line = page.origin.body_line
    body = "\n".join(page.origin.text.split("\n")[body_line - 1 :])
    headings = parse_headings(body, body_line)
    level_two = {heading.text.casefold() for heading in headings if heading.level == 2}
    return {section.casefold() for section in SECTIONS} <= level_two


def sections_without_text(module: Module) -> list[str]:
    """The sections of SECTIONS that `module` has as H2s but that hold nothing a reader
    sees: spaces and editors' comments alone, as `handbook new` leaves them. The page and
    the handout show their headings over nothing; module.structure, which reads headings,
    passes them, so the diff report points them out."""
    written = {heading.text.strip().casefold() for heading in module.headings if heading.level == 2}
    return [
        name
        for name in SECTIONS
        # Comments taken out as a definition's are (`tags_as_text`): one written in code
        # is shown, and so is text.
        if name.casefold() in written and not tags_as_text(module.section(name)).strip()
    ]


def load_module(
    path: Path, config: HandbookConfig, cache: RunCache | None = None
) -> tuple[Module | RejectedRecord | None, Page | None, list[Finding]]:
    """A module and its page. If the file has any problem (all are reported), what can
    still be checked of the module instead (None if its front matter is no mapping);
    the page is None only if the file cannot be read at all. Through the persistent
    cache, a file whose bytes did not change is not parsed again."""
    if cache is None or not cache.enabled:
        return _load_module(path, config, cache)
    key = cache.key("module", *page_paths(path, config), cache.file_digest(path))
    entry = cache.load(records_namespace("module"), key, _is_module_entry)
    if entry is None:
        entry = _load_module(path, config, cache)
        cache.store(records_namespace("module"), key, entry)
    return entry


def _is_module_entry(value: object) -> bool:
    """Whether `value` has the shape `_load_module` returns: what a damaged cache may not."""
    return (
        isinstance(value, tuple)
        and len(value) == 3
        and (value[0] is None or isinstance(value[0], Module | RejectedRecord))
        and (value[1] is None or isinstance(value[1], Page))
        and isinstance(value[2], list)
    )


def _load_module(
    path: Path, config: HandbookConfig, cache: RunCache | None
) -> tuple[Module | RejectedRecord | None, Page | None, list[Finding]]:
    STATS.parsed += 1
    relative = relative_path(config, path)
    report = FileReport(RULE, relative)
    check_id(path.stem, report)
    outside = outside_docs(path, config)  # a module is a page of the site
    if outside is not None:
        report.at_position(1, 1, f"{outside}: it is not read")
        return None, None, report.findings
    text = read_text(path, report, cache)
    if text is None:
        unread = unread_record("module", path, relative, cache)
        if unread is None:  # it cannot be read at all
            return None, None, report.findings
        # Not UTF-8: its module.schema error is all that is reported in it, and its
        # personal data. Its page is empty (its bytes read as U+FFFD, and whatever else
        # they happen to spell, would be checked as text); privacy.pii reads its text in
        # the record, one of no headings (session 54: a private number in it was read by
        # nothing, and published once the file was saved again).
        return unread, build_page(path, parse_page(""), config), report.findings
    source = parse_page(text)
    report.lines = source.lines
    page = build_page(path, source, config)
    if source.front_matter is None:
        report.at_position(
            1,
            1,
            never_closed_why(text)
            if OPENING_LINE.match(text)
            else "has no front matter: a module starts with a '---' block holding title, "
            "version, audience, duration, objectives and history",
        )
        return _rejected(path.stem, source, page), page, report.findings
    fields = validated_fields("module", source.front_matter, report, page.origin)
    if fields is None:
        return _rejected(path.stem, source, page), page, report.findings
    return build_module(path.stem, fields, source, page), page, report.findings


def _rejected(module_id: str, source: PageSource, page: Page) -> RejectedRecord:
    """What can still be checked of a module with problems: its headings, and the strings
    of its front matter where that is a mapping."""
    headings = parse_headings(source.body, source.body_line)
    front_matter = source.front_matter
    found = front_matter and rejected_record(
        "module", module_id, front_matter, page.origin, headings
    )
    return found or RejectedRecord(
        "module", module_id, page.origin, (), None, headings, fields_read=False
    )


def build_module(module_id: str, fields: dict, source: PageSource, page: Page) -> Module:
    audience = fields.get("audience", ())
    return Module(
        id=module_id,
        title=fields["title"],
        version=fields["version"],
        audience=(audience,) if isinstance(audience, str) else tuple(audience),
        duration=fields["duration"],
        objectives=tuple(fields.get("objectives", ())),
        protocols=tuple(fields.get("protocols", ())),
        history=history_entries(fields.get("history", ())),
        body=source.body,
        headings=parse_headings(source.body, source.body_line),
        origin=page.origin,
        texts=checked_strings("module", fields, page.origin),
    )


def parse_headings(body: str, first_line: int = 1) -> tuple[Heading, ...]:
    """The headings of a Markdown body, with file line numbers (`first_line` is the
    body's first line in the file)."""
    headings: list[Heading] = []
    tokens = commonmark().parse(linear_for_markdown_it(_as_python_markdown_reads_hashes(body)))
    shown_as_html = raw_html_lines(body)
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or token.map is None:
            continue
        if token.map[0] in shown_as_html:
            continue  # text inside an HTML block that runs on (an unclosed `<div>`)
        inline = tokens[index + 1]
        headings.append(
            Heading(
                level=int(token.tag[1:]),
                text=_HEADING_ATTRIBUTES.sub("", inline_text(inline)).strip(),
                line=first_line + token.map[0],
            )
        )
    return tuple(headings)


def raw_html_lines(text: str, body_line: int = 1, *, definition_lists: bool = True) -> set[int]:
    """The 0-based lines of `text` (its body from `body_line` on) inside a raw HTML block
    as Python-Markdown reads one: a block-level tag's block runs until the tag closes,
    blank lines and all (CommonMark's ends at a blank line, so markdown-it finds headings
    the site shows as text: audit). `definition_lists`: whether the site runs def_list."""
    if "<" not in text:
        return set()
    raw_spans: list[tuple[int, int]] = []
    mask_blocks(text, body_line, raw_spans, definition_lists=definition_lists)
    starts = line_starts(text)
    return {bisect.bisect_right(starts, start) - 1 for start, _ in raw_spans}


# `##Respond` and `#######`: headings to Python-Markdown, which needs no space after the
# hashes (a non-breaking one pasted from a word processor is stripped from the heading's
# text) and reads a seventh as text; ` ## Respond`: a paragraph to it (the hashes must
# start the line), but a heading to CommonMark.
_UNSPACED_HASHES = LazyPattern(r"\A(#{1,6}+)(?=[^ \t])")
_INDENTED_HASHES = LazyPattern(r"\A( {1,3})#")
# A fence that nothing closes: text to Python-Markdown, code to the end of the page to
# CommonMark (the block pass only yields it outside code when no closing line follows).
# No backtick may follow a backtick fence on its line: "```x``` text" is a code span.
_UNCLOSED_FENCE = LazyPattern(r"\A([ \t>]*)(`{3,}(?=[^`]*\Z)|~{3})")


def _as_python_markdown_reads_hashes(body: str) -> str:
    """`body` with its lines outside code rewritten so that markdown-it finds the
    headings Python-Markdown finds: a space after unspaced hashes, the first hash of an
    indented line escaped, and so is the first mark of a fence that nothing closes. Lines
    keep their number, so headings keep their line."""
    lines = body.split("\n")
    for number, line in lines_outside_code(body):
        if line.startswith("#"):
            lines[number - 1] = _UNSPACED_HASHES.sub(r"\1 ", line, count=1)
        elif _INDENTED_HASHES.match(line):
            lines[number - 1] = _INDENTED_HASHES.sub(r"\1\\#", line, count=1)
        else:
            lines[number - 1] = _UNCLOSED_FENCE.sub(r"\1\\\2", line, count=1)
    return "\n".join(lines)
