"""page.source: a Markdown page that is not UTF-8 text, that holds a NUL byte (binary
data, or text saved as UTF-16), or that cannot be read at all (a broken link, a loop of
links). MkDocs cannot publish such a page; saying so with the file, line and column of
the first bad byte spares the editor a build's traceback. Nothing else is reported in
such a file (`not_text`), the other rules would report on garbage, but for personal data
(privacy.pii): MkDocs may publish the page, and personal data is never published
unreported. A page saved as UTF-16 is read as such for it (`model.pages._page_text`).
Also, a warning: a page saved with its extension in capitals (`Tips.MD`), which MkDocs
publishes as it is, as no page (`model.files.misnamed_page`).
And a warning at an `<!--` that Python-Markdown publishes as text, and the note after
it: one that no `-->` (or `--!>`) follows, and one the checks read as prose
(`markdown.checkable_text`), opened in a paragraph and closed past its end, say (review
of rv41), or only by a `-->` in a code span (Python-Markdown reads code spans first).
Left open, MkDocs' own reading of the page's HTML
(`mkdocs.structure.pages._RawHTMLPreprocessor`, html.parser before CPython's fix of
gh-135462) also takes time growing with the square of how many there are (audit: 4.6 s
of build for a 100 KB page of `<!--`; the check is a few `str` scans and the view)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Severity
from ..lazy_pattern import LazyPattern
from ..markdown import LineIndex, checkable_text, without_fenced_code
from ..markdown.html_comments import COMMENT_END
from ..model.files import misnamed_page
from ..model.modules import RULE as MODULE_RULE
from ..model.types import Page
from .base import CheckContext

RULE = "page.source"
# What is reported of a file that is no text (`not_text`): the errors about the file
# itself (a module's too, such as a link out of docs_dir), none found in its text.
FILE_RULES = frozenset({RULE, MODULE_RULE})
# A `<!--` that opens a note: `<!-->` and `<!--->`, shown as typed by Python-Markdown,
# hide none (a browser reads them as empty comments, as `markup.CLOSED_COMMENT` does).
_NOTE_OPENER = LazyPattern(r"<!--(?!-?>)")


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
    """A warning at the page's first `<!--` that Python-Markdown publishes as text, with
    how many follow it: one that no `-->` closes (`_first_never_closed`), or one that the
    checks' reading of the page keeps as prose (`checkable_text`, where what readers see
    stays in place and code is blanked): one opened in a paragraph, a list item, a quote,
    an admonition or a table cell and closed only past its end (after a blank line, in
    the next cell: review of rv41), or one opened inside another."""
    text = page.origin.text
    if "<!--" not in text:  # most pages: told in C, with no pass over their lines
        return
    lines = LineIndex.of(text)
    body = lines.offset(page.origin.body_line, 1)
    read = text[body:]
    if _fenced_code_may_hold_a_comment(read):
        read = without_fenced_code(read)
    never_closed = _first_never_closed(read)
    before = len(text) if never_closed < 0 else body + never_closed
    # Those before it are published if the checks read them as prose; the usual
    # `<!-- handbook-disable ... -->`, closed on its line, needs no pass over the page.
    shown = None
    if not _each_note_closed_on_its_line(read if never_closed < 0 else read[:never_closed]):
        # Every `<!--` after the first never closed is never closed. Counted, not
        # listed: a page of thousands left open stays a few passes in C.
        view = checkable_text(
            text, page.origin.body_line, definition_lists=context.config.definition_lists
        )
        shown = _NOTE_OPENER.search(view, 0, before)
    first_shown = -1 if shown is None else shown.start()
    if first_shown < 0 and never_closed < 0:
        return
    count = sum(1 for _ in _NOTE_OPENER.finditer(view, first_shown, before)) if shown else 0
    if never_closed >= 0:
        count += read.count("<!--", never_closed)
    first = first_shown if first_shown >= 0 else before
    line, column = lines.position(first)
    more = f" (and {count - 1} more after it)" if count > 1 else ""
    if first_shown < 0:
        why = (
            "is never closed by a `-->`: it is published, and the note after it, as text, "
            "not hidden, and MkDocs takes time growing with the square of how many are "
            "left open to build it"
        )
    else:
        why = (
            "opens a note that its paragraph, list item, quote or table cell does not close "
            "(its `-->` comes after a blank line, in another cell or in a code span, or "
            "another `<!--` comes first): Python-Markdown hides no such note, it publishes "
            "it as text, `<!--` and all"
        )
    finding = context.finding(
        RULE,
        page.path,
        line,
        column,
        f"the `<!--` at line {line}{more} {why}; close the note with `-->` where it opens "
        "(in the same paragraph), or write `&lt;!--` to show the characters",
    )
    yield finding.with_severity(Severity.WARNING)


def _first_never_closed(read: str) -> int:
    """The offset in `read` of the first `<!--` that no `-->` (or `--!>`) follows (after
    the last end), or -1. `read` is the page as MkDocs and Python-Markdown read its HTML:
    its body (no front matter), fenced code set aside (a mermaid diagram's `A --> B`
    closes no note: review rv41), code spans and indented code kept (they read those
    alike)."""
    last_end = max(read.rfind("-->"), read.rfind("--!>"))
    # `<!-->` ends itself: its `-->` overlaps its `<!--`.
    return read.find("<!--", last_end + 3 if last_end >= 0 else 0)


def _each_note_closed_on_its_line(read: str) -> bool:
    """Whether every `<!--` of `read` is closed on its own line with no `|` (a table
    cell's end), backtick, backslash or other `<!--` before its end: Python-Markdown
    hides each such note, so the checks' reading of the page (a pass over its lines)
    need not be asked. Any other shape, even a hidden one, is left to that reading: a
    `-->` in a code span (`<!-- a `b --> c`) closes no note there."""
    opener = read.find("<!--")
    while opener >= 0:
        close = COMMENT_END.search(read, opener + 4)
        if close is None:
            return False
        note = read[opener + 4 : close.start()]
        # (`<!` too: a `<!--` whose dashes are the close's, `<!-- a <!-->`, opens none;
        # and `\\`: an escaped `\\-->` ends none, review rv45g.)
        if "\n" in note or "|" in note or "`" in note or "<!" in note or "\\" in note:
            return False
        opener = read.find("<!--", close.end())
    return True


def _fenced_code_may_hold_a_comment(body: str) -> bool:
    """Whether a `<!--`, `-->` or `--!>` of `body` comes after its first fence mark: a
    fence holds only what follows its opening line, so a page whose comments are all
    above its code (a `handbook-disable` at the top) needs no pass over its lines for
    its fences (review rv42: a third more time for a cold check of such pages)."""
    fences = [found for found in (body.find("```"), body.find("~~~")) if found >= 0]
    if not fences:
        return False
    last_mark = max(body.rfind("<!--"), body.rfind("-->"), body.rfind("--!>"))
    return last_mark > min(fences)


def not_text(page: Page) -> bool:
    """Whether `page`'s file is no text (not UTF-8, a NUL byte in it, or unreadable): its
    page.source error is all that is reported in it, with a module's `FILE_RULES` errors
    (audit: a binary file got 310 term.unknown-acronym findings on its random bytes)."""
    return page.problem is not None or "\x00" in page.origin.text
