"""page.source: a Markdown page that is not UTF-8 text, that holds a NUL byte (binary
data, or text saved as UTF-16), or that cannot be read at all (a broken link, a loop of
links). MkDocs cannot publish such a page; saying so with the file, line and column of
the first bad byte spares the editor a build's traceback. Nothing else is reported in
such a file (`not_text`), the other rules would report on garbage, but for personal data
(privacy.pii): MkDocs may publish the page, and personal data is never published
unreported. A page saved as UTF-16 is read as such for it (`model.pages._page_text`).
Also, a warning: a page saved with its extension in capitals (`Tips.MD`), which MkDocs
publishes as it is, as no page (`model.files.misnamed_page`).
And a warning at an `<!--` that no `-->` (or `--!>`) follows: Python-Markdown publishes it,
and the note after it, as text, and MkDocs' own reading of the page's HTML
(`mkdocs.structure.pages._RawHTMLPreprocessor`, html.parser before CPython's fix of
gh-135462) takes time growing with the square of how many are left open (audit: 4.6 s of
build for a 100 KB page of `<!--`; the check itself is a few `str.rfind`)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Severity
from ..markdown import LineIndex, without_fenced_code
from ..model.files import misnamed_page
from ..model.modules import RULE as MODULE_RULE
from ..model.types import Page
from .base import CheckContext

RULE = "page.source"
# What is reported of a file that is no text (`not_text`): the errors about the file
# itself (a module's too, such as a link out of docs_dir), none found in its text.
FILE_RULES = frozenset({RULE, MODULE_RULE})


def check(context: CheckContext) -> Iterator[Finding]:
    for page in context.handbook.checked_pages:
        if page.problem is not None:
            line, column, message = page.problem
            yield context.finding(RULE, page.path, line, column, message)
            continue
        nul = page.origin.text.find("\x00")
        if nul >= 0:
            line, column = LineIndex.of(page.origin.text).position(nul)
            yield context.finding(
                RULE,
                page.path,
                line,
                column,
                f"holds a NUL byte at line {line}, which no text holds: it is binary data, or "
                "text saved as UTF-16; save it as UTF-8, or give it the extension of what it "
                "is (nothing but personal data in it is checked)",
            )
    # A page saved with `.MD`: a warning, as MkDocs publishes it all the same, as text.
    for text_file in context.handbook.text_files:
        why = misnamed_page(text_file.path)
        if why is not None:
            misnamed = context.finding(RULE, text_file.path, 1, 1, why)
            yield misnamed.with_severity(Severity.WARNING)
    for page in context.handbook.checked_pages:
        if not not_text(page):
            yield from _unclosed_comment(context, page)


def _unclosed_comment(context: CheckContext, page: Page) -> Iterator[Finding]:
    """The first `<!--` after the page's last comment end, with how many follow it: none
    after the last end is closed. Read as MkDocs and Python-Markdown read the page: its
    body (no front matter), fenced code set aside (a mermaid diagram's `A --> B` closes
    no note: review rv41), code spans and indented code kept (they read those alike)."""
    text = page.origin.text
    if "<!--" not in text:  # most pages: told in C, with no pass over their lines
        return
    lines = LineIndex.of(text)
    body = lines.offset(page.origin.body_line, 1)
    read = without_fenced_code(text[body:])
    last_end = max(read.rfind("-->"), read.rfind("--!>"))
    # `<!-->` ends itself: its `-->` overlaps its `<!--`.
    start = last_end + 3 if last_end >= 0 else 0
    opener = read.find("<!--", start)
    if opener < 0:
        return
    left_open = read.count("<!--", opener)
    line, column = lines.position(body + opener)
    more = f" (and {left_open - 1} more after it)" if left_open > 1 else ""
    finding = context.finding(
        RULE,
        page.path,
        line,
        column,
        f"the `<!--` at line {line}{more} is never closed by a `-->`: it is published, and "
        "the note after it, as text, not hidden, and MkDocs takes "
        "time growing with the square of how many are left open to build it; close the note "
        "with `-->`, or write `&lt;!--` to show the characters",
    )
    yield finding.with_severity(Severity.WARNING)


def not_text(page: Page) -> bool:
    """Whether `page`'s file is no text (not UTF-8, a NUL byte in it, or unreadable): its
    page.source error is all that is reported in it, with a module's `FILE_RULES` errors
    (audit: a binary file got 310 term.unknown-acronym findings on its random bytes)."""
    return page.problem is not None or "\x00" in page.origin.text
