"""What each line of a page is, as Python-Markdown reads it with the site's extensions:
`Blocks.classify` says which part of a line is prose and whether it continues the
paragraph of the line before, keeping track of fences, containers (lists, admonitions,
details, tabs, quotes), raw HTML, comments and tables. The block pass (block_pass.py)
asks it only about the lines that are not plain prose. How one line's syntax reads is
in the modules it asks: quotes.py (quote marks), fences.py (fences and their closing
lines), html_blocks.py (HTML blocks and md_in_html's tags), md_in_html.py (where
md_in_html's blocks end)."""

from __future__ import annotations

import bisect
import re
import sys

from ..lazy_pattern import LazyPattern
from .fences import CODE_TITLE, FenceClosings, opening_fence
from .html_blocks import (
    BLOCK_END_TAG,
    HTML_BLOCK,
    RAW_BLOCK_START,
    RAW_HTML,
    TAG_START,
    markdown_span,
    opens_markdown_blocks,
    tag_pattern,
    takes_html_block,
)
from .html_comments import COMMENT_END, ReadComments
from .line_widths import TAB_WIDTH, indentation_of
from .md_in_html import MarkdownBlock
from .quotes import (
    BLOCKQUOTE,
    QuoteContainer,
    inside_quotes,
    quote_depth_of,
    quote_start,
    quoted_indentation,
    unquoted,
)
from .syntax import BLOCK_TAGS

# Python-Markdown: one to six `#` that start a line make a heading, with or without a
# space after them (a seventh is text).
_ATX = LazyPattern(r"#{1,6}+[ \t]*")
# Python-Markdown knows `1.` but not `1)` as an ordered list marker, and a marker needs a
# space or tab after it: a `-` alone on its line is text.
_LIST_ITEM = LazyPattern(r"(?:[-*+]|\d{1,9}\.)[ \t]+")
# admonition and pymdownx.details take one space after `!!!`, `???` or `???+`, or none,
# once Python-Markdown has expanded tabs (a tab after `!!!` is one space, after `???+`
# four): "!!!note" opens a note, "!!!  note" is a paragraph. Details need no type
# where a title follows a space (`??? "Title"`).
_ADMONITION = LazyPattern(
    r"(?:(?:!!![ \t]?|\?\?\?[ \t]?|\?\?\?\+ ?)[\w-]+(?:[ \t]+[\w -]*?)?[ \t]*"
    r"|\?\?\?\+?[ \t]+(?=\"))(?:\"([^\"]*)\")?[ \t]*$"
)
_TAB = LazyPattern(r"===[+!]*[ \t]+\"([^\"]*)\"[ \t]*$")
_RULE = LazyPattern(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_SETEXT = LazyPattern(r"(?:=+|-+)[ \t]*$")
TABLE_DELIMITER = LazyPattern(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
# A reference definition, as Python-Markdown's ReferenceProcessor reads one: `[label]:`,
# its URL there or alone on the next line, then an optional title in quotes or
# parentheses, after the URL or alone on the line after it (see `_definition_target`).
# Anything else after the URL makes the line a paragraph: "[Note]: this is shown" is
# text. Python-Markdown expands tabs first: a tab is a space here.
_REFERENCE_LABEL = LazyPattern(r"\[(?!\^)[^\[\]]*\]:[ \t]*")
_SPACES = " \t"
_SPACE = LazyPattern(r"[ \t]")
# The abbr extension's definition: `*[HSI]: ...`, one space allowed before the colon.
_ABBREVIATION = LazyPattern(r"\*\[([^\]]+)\] ?:[ \t]*")
# pymdownx.snippets replaces such a line by a file's text (`--8<-- "file.md"`), or
# starts or ends (`--8<--` alone) a block of lines that each name a file: none of them
# is shown. A space after the name makes the line text.
_SNIPPET = LazyPattern(r"""-+8<-+(?P<file>[ \t]+(?:"(?:\\"|[^"])+?"|'(?:\\'|[^'])+?'))?""")
SNIPPET_LINE = _SNIPPET  # as `glossary.html` finds one in a definition, which includes none
# A line that starts or ends such a block, as pymdownx.snippets reads one.
_SNIPPET_BLOCK_MARKER = LazyPattern(r"^[ \t]*-+8<-+\r?$", re.MULTILINE)
# pymdownx.blocks' header (`/// admonition | Title`); its options (YAML), indented on
# the lines after it, are no text.
_BLOCKS_HEADER = LazyPattern(r"/{3,}[ \t]*(?P<name>[\w-]+)[ \t]*(?:\|[ \t]*(.*?)[ \t]*)?$")
# The blocks pymdownx.blocks' own extensions make, with the admonition types it makes by
# default (and Material's docs use). Any other word makes no block, as the extension
# does with a name nobody registered: the line is text. Types a site adds in its
# `mkdocs.yml` (`types:`) are not known here, so their headers are read as text too.
_BLOCK_NAMES = frozenset(
    {
        *("admonition", "details", "tab", "html", "define"),
        *("caption", "figure-caption", "table-caption"),
        *("note", "attention", "caution", "danger", "error", "tip", "hint", "warning"),
        "important",
    }
)
# def_list's definition item: `:` then spaces, up to three columns into its block.
_DEFINITION_ITEM = LazyPattern(r":[ \t]+")
_FOOTNOTE = LazyPattern(r"\[\^[^\]]+\]:[ \t]*")
_WHITESPACE = LazyPattern(r"\s*")
# What opens a block on a list item's own line, read as one in the item
# (`Blocks._item_line_block`): a quote, an admonition or details, a tab, and the line's
# end ("" is in the string): an empty item's line (`- ` alone) holds no paragraph for
# the item's next lines to go on with, as Python-Markdown reads it (`- ` then
# `        text` is code).
_ITEM_LINE_BLOCKS = ">!?="


class Blocks:
    """The line-by-line pass: decides, for each line, which part is prose and whether it
    continues the paragraph of the line before."""

    # Slots: its state is read and set on every line, and an object of more than 30
    # attributes in a `__dict__` has Python 3.11 look each one up in the dictionary.
    __slots__ = (
        "_block_break_at",
        "_closed_at",
        "_comment_end",
        "_details_block_last",
        "_details_lines_from",
        "_empty_item_end",
        "_empty_item_first",
        "_fence_closings",
        "_footnotes",
        "_footnotes_after_blocks",
        "_html_tags_ended",
        "_html_tags_open",
        "_last_quote",
        "_list_closed_at",
        "_margin_container_last",
        "_quote_in_strict_goes_on",
        "_read_comments",
        "_snippet_markers",
        "_strict_closed_at",
        "_unclosed_fence",
        "abbreviations",
        "blank_in_quote",
        "blank_quote_depth",
        "chunk_column",
        "chunk_is_list",
        "comment_shown",
        "containers",
        "definition_end",
        "definition_lists",
        "empty_item_next",
        "empty_item_text",
        "fence",
        "fence_close",
        "first_line_end",
        "first_quote_container",
        "html_in_item",
        "in_code",
        "in_comment",
        "in_snippets",
        "in_table",
        "item_line_quote",
        "item_line_strict",
        "line_quote_depth",
        "line_quoted",
        "line_start",
        "list_margin",
        "markdown_block_names",
        "markdown_blocks",
        "next_offset",
        "opened_at",
        "previous",
        "prose_run",
        "quote_containers_open",
        "quote_depth",
        "quote_indent",
        "raw_block",
        "raw_block_markdown",
        "raw_depth",
        "raw_html_end",
        "raw_spans",
        "reference_lines",
        "reference_next",
        "reference_quoted",
        "strict",
        "table_certain",
        "table_depth",
        "table_row_next",
        "text",
    )

    def __init__(self) -> None:
        self.fence: str | None = None
        self.fence_close = -1  # where the line that closes the open fence starts
        # (start, last) of the lines a fence never closed (or one in indented code) takes,
        # from the line after its opening one: superfences opens no fence on them.
        self._unclosed_fence = (-1, -1)
        self.raw_html_end: str | None = None
        # Whether the raw HTML open (`raw_html_end`, `raw_block`) began one to three
        # columns in, going on from a list item's paragraph: Python-Markdown ends the
        # paragraph after it as a blank line would, in the item (`_html_ends`).
        self.html_in_item = False
        self.in_comment = False
        # Whether the comment block open began `<!-->` or `<!--->`: a browser (and the
        # site) ends that at once and shows the rest as HTML (`_shown_comment`).
        self.comment_shown = False
        # Where the line after a `>` line read in the admonition of an item's quote
        # starts (`classify`): going on from its paragraph, it is that paragraph's.
        self._quote_in_strict_goes_on = -1
        # Where the line starts that begins a block of Python-Markdown's after a line
        # that split one (a heading, rule or underline out of any quote, the line that
        # ends indented code or an admonition, details or tab): a setext underline under
        # it makes it a heading (`_underlined_at_block_start`).
        self._block_break_at = -1
        # (where the next line starts, the column) after an empty item that starts its
        # block (`- ` alone): an underline there makes the two lines a heading.
        self._empty_item_first: tuple[int, int] | None = None
        # Where the line after the last empty item's line starts (`previous` is blank
        # there, but no block starts).
        self._empty_item_end = -1
        # Where the line after the last empty item's line starts: less indented than the
        # item's content, it is still the item's (Python-Markdown's list takes every line
        # of its block that is no item), the first line of its paragraph, whose block is
        # the list's (`_paragraph`; -1 once the line is read as no such line). The block
        # pass gives every such line to `classify`.
        self.empty_item_next = -1
        # The column from which a marker on the lines going on from that line's paragraph
        # is text, when that line is indented four columns or more past the item's marker
        # (Python-Markdown reads them as an indented block of the item's, dedented: a
        # paragraph); -1 otherwise.
        self.empty_item_text = -1
        self.in_table = False
        # How many quotes deep the open table is: quote marks alone that deep or less
        # are a blank line to it (it ends); deeper, they are one of its rows.
        self.table_depth = 0
        self.table_row_next = -1  # where the line after the table's last row starts
        # Whether the tables extension surely reads the open table as one (its header and
        # delimiter of as many cells, two or more: a one-cell table's rows all need a pipe)
        self.table_certain = False
        self.in_code = False
        self.in_snippets = False  # inside a block of pymdownx.snippets' file names
        self.containers: list[int] = [0]  # the column where each one's content starts
        # Per container: whether it is an admonition, details or tab, which Python-Markdown
        # gives only its indented lines (a less indented line ends it); list items and
        # footnotes also take the lazy lines of their paragraphs.
        self.strict: list[bool] = [False]
        # Per container: where the lines after the one that opened it start (the page's:
        # where its body starts). A definition item needs a block before it there.
        self.opened_at: list[int] = [0]
        # The column where the current paragraph's block starts (a list item's marker):
        # Python-Markdown reads a line that goes on with it as text unless it starts at
        # that column, so an indented `!!! note` or `=== "Tab"` there is no container.
        self.chunk_column = 0
        # Where the line after the current paragraph's first line starts, if `classify`
        # read that line (`_paragraph`; the block pass for one it reads in bulk), and
        # (start, end, whether it went on from a paragraph) of the last run of plain lines
        # read in bulk that ends in a paragraph: Python-Markdown makes a setext heading
        # only of a block's first line (`_under_first_line`).
        self.first_line_end = -1
        self.prose_run = (-1, -1, False)
        # Whether that block is a list, up to the next blank line: only there does an item
        # marker on a line that goes on from a paragraph start an item (Python-Markdown's
        # lists do not interrupt a paragraph).
        self.chunk_is_list = False
        # The column of the first item marker of that list's block (a nested item's
        # block starts at its own marker, `chunk_column`): a heading there splits it.
        self.list_margin = 0
        # The index in `containers` of the first one opened inside the current blockquote
        # (None: none was): they end with the quote (`end_quote`).
        self.first_quote_container: int | None = None
        # The containers opened in the quote and still open, outermost first.
        # `quote_indent` is the current quoted line's indentation, counted from the
        # quote's content as their columns are.
        self.quote_containers_open: list[QuoteContainer] = []
        # How many quotes deep the current line's block is: after `> > a`, a `> - b` with
        # no blank line between goes on in the inner quote (Python-Markdown puts the rest
        # of a block in the quote its first `>` opens).
        self.line_quote_depth = 0
        self.quote_indent = 0
        # The content column of the list item whose own line opened the quote the current
        # block is in (`_item_line_block`; None: none did): up to a blank line, that
        # quote's lines are the item's, wherever their `>` stands, and so are the
        # containers opened in them.
        self.item_line_quote: int | None = None
        # The index in `containers` of an admonition, details or tab opened on a list
        # item's own line, up to the first blank line after it (None: none is): its
        # content starts four columns from the item's marker, then from its content.
        self.item_line_strict: int | None = None
        # The tag of the raw HTML block open (None: none) and how deep in it: its lines
        # are prose as HTML shows it, with no Markdown (see `raw_spans`).
        self.raw_block: str | None = None
        self.raw_depth = 0
        # Whether that block is md_in_html's span: its lines are prose with Markdown's
        # inline markup, not raw HTML's.
        self.raw_block_markdown = False
        # The tags of md_in_html's blocks open (`<div markdown>`), innermost last: in
        # them a block tag starting a line ends the Markdown before it (`in_item`).
        self.markdown_blocks: list[MarkdownBlock] = []
        # The names of every md_in_html block opened so far on the page, open or not
        # (it only grows: `mask_blocks` searches on for their end tags).
        self.markdown_block_names: frozenset[str] = frozenset()
        # (start, end) offsets of the raw HTML lines' prose, for the inline pass.
        self.raw_spans: list[tuple[int, int]] = []
        self.line_quoted = False
        # The lines a reference definition goes on to: "url" (its URL, maybe a title
        # after it) or "title"; None when no definition goes on.
        self.reference_next: str | None = None
        # Whether the site runs the def_list extension: a `:   text` line after a block
        # is a definition's, its paragraphs indented after it are its text (without it,
        # the line is text and those paragraphs are code).
        self.definition_lists = True
        # Where the line after the last definition's last line starts: Python-Markdown
        # reads definitions on consecutive lines in one go, not as blocks of their own.
        self.definition_end = -1
        # Whether the definition is in a blockquote: its lines' quote marks are not its text.
        self.reference_quoted = False
        # (start, end) offsets of the runs of lines that reference definitions take, in
        # order: Python-Markdown takes them out, leaving no block before a def_list item.
        self.reference_lines: list[tuple[int, int]] = []
        self.line_start = 0  # where the line `classify` reads starts
        # What the abbr extension's definitions read so far abbreviate (`*[HSI]: ...` at
        # the start of a block's line: not in code, comments or indented text).
        self.abbreviations: set[str] = set()
        self.previous = "blank"  # "blank" | "paragraph" | "raw" (HTML) | "other"
        self.quote_depth = 0  # of the last line read inside or out of a blockquote
        self.blank_in_quote = False  # whether the last blank line was one of quote marks
        self.blank_quote_depth = 0  # ... and how many
        # The whole text and where the next line starts: an opening fence is one only if
        # a closing fence follows.
        self.text = ""
        self.next_offset = 0
        # The lines of `text` that close fences, found when the first fence opens.
        self._fence_closings: FenceClosings | None = None
        # HTML tag -> how far the page is read for it, how many it opened are open there
        self._html_tags_open: dict[str, tuple[int, int]] = {}
        # HTML tag -> how many md_in_html blocks of its name an end tag of another name
        # ended (`<div markdown>`, `<section markdown>`, `a </div>`): their start tags
        # are open no more (`_ends_html_block`).
        self._html_tags_ended: dict[str, int] = {}
        self._footnotes: dict[int, bool] = {}  # a container's `opened_at` -> a footnote?
        # The line that last closed a container in another, the index closed from and
        # that container's `opened_at` (-1, 0, 0: none); and the `opened_at` of footnotes
        # whose line so closed a list item, admonition, details or tab, the block before
        # them to Python-Markdown, which takes them out (`blank_ends_footnote`).
        self._closed_at = (-1, 0, 0)
        self._footnotes_after_blocks: set[int] = set()
        # Whether the page's last block at its margin may be a list item, admonition,
        # details or tab (one opened there, and no block started at the margin after a
        # blank line since): Python-Markdown may go on in it with a block indented after
        # a footnote, where its reading of lazy lines differs from this pass's.
        self._margin_container_last = False
        # Where the lines start that md_in_html's `</details>` going on holds, when a list
        # item, admonition, details or tab was its last block (-1: none): a footnote
        # first there is after that block too (`_footnote_after_block`), and where the
        # lines after its end tag start.
        self._details_block_last = -1
        self._details_lines_from = 0
        self._comment_end: int | None = None
        self._read_comments: ReadComments | None = None
        self._snippet_markers: list[int] | None = None  # offsets of block marker lines
        # The last blockquote start found (`_quote_start`): (floor, depth, the line it was
        # found for, where it starts).
        self._last_quote: tuple[int, int, int, int] | None = None
        # Where the line starts that closed a list item at the margin of md_in_html's
        # block, after a blank line (`_list_last`): an end tag there ends a block whose
        # last is that list.
        self._list_closed_at = -1
        # ... and one that closed an admonition, details or tab there (`_strict_last`).
        self._strict_closed_at = -1

    def takes_prose_in_bulk(self) -> bool:
        """True when plain lines mean plain prose: no fence, comment, raw HTML or table open."""
        return (
            self.fence is None
            and not self.in_comment
            and self.raw_html_end is None
            and self.raw_block is None
            and not self.in_table
            and self.reference_next is None
            and not self.in_snippets
        )

    def takes_table_rows_in_bulk(self) -> bool:
        """True when, a table being open, nothing else is: a line starting with `|` is a
        row of it (see `takes_prose_in_bulk`)."""
        return (
            self.fence is None
            and not self.in_comment
            and self.raw_html_end is None
            and self.raw_block is None
            and self.reference_next is None
            and not self.in_snippets
        )

    def heading_at_margin(self, line: str) -> tuple[int, int, bool] | None:
        """What `classify` makes of `line`, starting with `#` while nothing is open
        (`takes_prose_in_bulk`), when it is an ATX heading; None (nothing changed) when it
        is not. Headings are the commonest lines that are not plain prose."""
        heading = _ATX.match(line)
        if heading is None:
            return None
        if self.previous != "paragraph":  # not a lazy line: a margin line closes containers
            if len(self.containers) > 1 or self.item_line_strict is not None:
                self.close_from(1)
            self.line_quoted = False
        elif len(self.containers) > 1:
            if self.chunk_is_list:  # it ends the list whose paragraph it splits
                self._heading_ends_list(0)
            elif not self._ends_strict(0):
                # It splits a footnote's first block too (the footnotes extension reads
                # after headings): `[^1]: a`, `# b`, then `    c` is code.
                footnote = self._footnote_at()
                if footnote and self.containers[footnote] > self.chunk_column:
                    self.close_from(footnote)
        # ... and, as `classify` reads it, any quote: a block of its own, so that a quote
        # after it starts anew (review rv31: its '>     code' was prose).
        if (
            self.item_line_quote is not None
            or self.first_quote_container is not None
            or self.quote_containers_open
        ):
            self.end_quote()
        self.quote_depth = 0
        self.in_code = False
        # The block goes on after it as a block of its own at the margin, no list's first
        # (`- a`, `    - b`, `## c`, then `    d`: code, not the nested item's text).
        self.chunk_is_list = False
        self.previous = "other"
        self._block_break_at = self.next_offset
        return heading.end(), len(line) - 1 if line.endswith("\r") else len(line), False

    def strict_column(self) -> int:
        """The column that lines must be indented to to stay in the innermost open
        admonition, details or tab; 0 if none is open."""
        for index in range(len(self.strict) - 1, 0, -1):
            if self.strict[index]:
                return self.containers[index]
        return 0

    def _closing_line(self, fence: str, indent: int, quoted: bool) -> int | None:
        """Where the line that closes `fence`, opened on the current line after `indent`
        columns of indentation and quote marks, starts; None if no line does
        (`FenceClosings.closing_line`). Unclosed, the fence takes the lines to where
        superfences gives it up (`_unclosed_fence`)."""
        closings = self._fence_closings
        if closings is None:
            closings = self._fence_closings = FenceClosings(self.text)
        closing, given_up = closings.closing_line(fence, indent, quoted, self.next_offset)
        if closing is not None and closing < given_up:
            return closing
        self._unclosed_fence = (self.next_offset, given_up)
        return None

    def _snippets_block_closes(self) -> bool:
        """Whether a line after the current one is a snippets block marker (the lines
        that are one are found once per text)."""
        if self._snippet_markers is None:
            found = _SNIPPET_BLOCK_MARKER.finditer(self.text)
            self._snippet_markers = [line.start() for line in found]
        return bisect.bisect_left(self._snippet_markers, self.next_offset) < len(
            self._snippet_markers
        )

    def _enter(self, column: int, strict: bool = False, content: int | None = None) -> None:
        """A container (list item, admonition, tab, footnote) starts at `column`; its
        content starts at the next tab stop (Python-Markdown's tab length is 4): a
        marker indented 2 (`  - b`) holds content indented 4, not 6; or at `content`,
        the column of the container it is opened in (`_lazy_footnote_content`)."""
        if content is None:
            content = column - column % 4 + 4
            self._close_beyond(column)
        else:
            self._close_beyond(content)
        if self.line_quoted:
            if self.first_quote_container is None:
                self.first_quote_container = len(self.containers)
            in_quote = self.quote_indent - self.quote_indent % 4 + 4
            self.quote_containers_open.append(
                QuoteContainer(in_quote, strict, self.line_quote_depth)
            )
        if strict:  # it splits the block it is in: a list's first block ends
            self.chunk_is_list = False
        if len(self.containers) == 1 and not self.line_quoted:
            self._margin_container_last = True
        self.containers.append(content)
        self.strict.append(strict)
        self.opened_at.append(self.next_offset)

    def _quote_content_column(self, depth: int) -> int:
        """The column, counted from a quoted line's content, of the innermost container
        opened in its quote: a quote `depth` deep inside a container opened in an outer
        quote starts in it, with none of its own (Python-Markdown reads `> - a` then
        `> >     b` as code in a quote in the item)."""
        for column, _strict, opened_depth in reversed(self.quote_containers_open):
            if opened_depth >= depth:
                return column
        return 0

    def end_quote(self) -> None:
        """The blockquote ended: so did the containers opened in it."""
        self.item_line_quote = None
        if self.first_quote_container is not None:
            self.close_from(min(self.first_quote_container, len(self.containers)))
            self.first_quote_container = None
        self.quote_containers_open.clear()

    def _split_block(self, quote: re.Match[str] | None) -> None:
        """A heading, rule, admonition, details or tab on a line out of any quote:
        Python-Markdown reads it before quotes, splitting the block there, so a quote
        before it is over and one after it starts anew (its line indented four past `>` is
        code)."""
        if quote is None:
            self.end_quote()
            self.quote_depth = 0
        else:  # in the quote, it ends the containers opened there right of it, lazy or not
            opened = self.quote_containers_open
            while opened and opened[-1].column > self.quote_indent:
                opened.pop()

    def leave_quote_containers(self, column: int, after_quote_blank: bool) -> None:
        """A line of the quote's written without `>`, at `column`, about to close the
        containers right of it: those opened in the quote that Python-Markdown ends there
        no longer set the columns of the quote's lines (one indented four past `>` is
        code). An admonition, details or tab ends at any line less indented than its
        content; a list item only after a line of quote marks alone: going on from a
        block that is no paragraph (a definition, which Python-Markdown takes out), it
        keeps the line lazily (review rv33)."""
        if not self.ends_quote_containers(after_quote_blank):
            return  # the common case: none of them ends, no need to look for where
        opened = self.quote_containers_open
        for offset, (content, strict, _opened_depth) in enumerate(opened):
            if content > column and (strict or after_quote_blank):
                del opened[offset:]
                return

    def ends_quote_containers(self, after_quote_blank: bool) -> bool:
        """Whether a line out of the quote may end containers opened in it: an
        admonition, details or tab is open in it, or (`after_quote_blank`) any."""
        opened = self.quote_containers_open
        return bool(opened) and (after_quote_blank or any(strict for _, strict, _ in opened))

    def after_quote_blank(self) -> bool:
        """Whether the line before is a blank line of the outermost quote (`>` alone):
        a line without `>` after it starts a block of that quote (deeper, `> >`, it is
        a line of a quote inside the outer quote's block)."""
        return self.previous == "blank" and self.blank_in_quote and self.blank_quote_depth == 1

    def quote_goes_on(self) -> bool:
        """Whether a line without `>` read now is a line of the quote before it: no blank
        line (but quote marks alone) stands between them."""
        return self.quote_depth > 0 and (self.previous != "blank" or self.blank_in_quote)

    def close_from(self, index: int) -> None:
        """Close the container at `index` and all inside it."""
        if self.item_line_strict is not None and self.item_line_strict >= index:
            self.item_line_strict = None
        if 0 < index < len(self.containers):  # (most lines close none)
            self._closed_at = (self.line_start, index, self.opened_at[index])
            if True in self.strict[index:]:
                # An admonition, details or tab ends at the line: what follows is a
                # block of its own (Python-Markdown's `detab` gives back the rest), no
                # row of a table in it.
                self._block_break_at = self.line_start
                self.in_table = False
        del self.containers[index:]
        del self.strict[index:]
        del self.opened_at[index:]

    def _close_beyond(self, column: int) -> None:
        """Close every container whose content starts to the right of `column`."""
        index = len(self.containers)
        while index > 1 and self.containers[index - 1] > column:
            index -= 1
        self.close_from(index)

    def _heading_ends_list(self, column: int) -> None:
        """A heading at `column` splitting a list's paragraph ends the list: close every
        container right of `column`, but not a footnote at the page's margin whose later
        block holds the list: the footnotes extension was given that block whole, so the
        heading splits it in the footnote (`[^1]: a`, ``, `    - b`, `# c`, `    d`: d is
        the footnote's paragraph)."""
        if (
            column == 0
            and len(self.containers) > 2
            and self.containers[1] <= self.chunk_column
            and self._footnote_at() == 1
        ):
            self.close_from(2)
        else:
            self._close_beyond(column)

    def _ends_strict(self, column: int, item_quote: int | None = None) -> bool:
        """Whether a lazy line at `column` ends an admonition, details or tab (its content
        is only its indented lines), closing it and all inside it; the line then starts a
        block of its own, as Python-Markdown parses what follows such a container.
        `item_quote`: the content column of the quote a list item's line opened, the line
        without `>` (`item_line_quote`): in that quote, where the item's block keeps its
        lines' columns from the marker, the line is at its column from the marker past
        the quote's content (`- > !!! note`, `  >     text`, then `    more`: its text)."""
        quote_column = column
        if item_quote is not None and self.chunk_is_list:
            quote_column = item_quote + column - self.chunk_column
        for index in range(1, len(self.containers)):
            content = self.containers[index]
            if self.strict[index] and content > (
                quote_column if item_quote is not None and content > item_quote else column
            ):
                if (
                    index == 1
                    and self.markdown_blocks
                    and self.markdown_blocks[-1].name == "details"
                ):
                    # (md_in_html's `</details>` may end the details here: `_strict_last`)
                    self._strict_closed_at = self.line_start if self._strict_last() else -1
                self.close_from(index)
                return True
        return False

    def classify(
        self, line: str, next_line: str | None, content: tuple[int, int] | None = None
    ) -> tuple[int, int, bool] | None:
        """(start, end, continues) of the prose on `line`, or None for none. `content`
        (position, column): read `line` from there, as a block that starts at that column
        (a list item's content on the item's own line, `_item_line_block`)."""
        end = len(line) - 1 if line.endswith("\r") else len(line)
        self.line_start = self.next_offset - len(line) - 1
        if self.reference_next is not None:  # the definition's URL or title line
            url_line = self.reference_next == "url"
            titled = _definition_target(unquoted(line) if self.reference_quoted else line)
            self.reference_next = (
                "title" if url_line and titled is False and self._title_next(next_line) else None
            )
            self._note_reference_line()
            self.previous = "other"
            return None
        if self.fence is not None:
            if self.line_start == self.fence_close:
                # A line right after the fence goes on with it as a paragraph, whatever
                # its indentation or marker (Python-Markdown puts both in one block).
                self.fence = None
                self._paragraph(0, 0, False, self.containers[-1])
            return None
        if self.in_comment:
            closing = COMMENT_END.search(line)
            if closing is not None:
                self.in_comment = False
                self.previous = "other"
                if self.comment_shown:
                    self.comment_shown = False
                    return self._shown_comment(line, 0, closing.end(), end)
                return self._after_comment(line, closing.end(), end)
            return self._shown_comment(line, 0, None, end) if self.comment_shown else None
        if self.raw_html_end is not None:
            closed = line.lower().find(self.raw_html_end)
            if closed < 0:
                return None
            closed += len(self.raw_html_end)
            self.raw_html_end = None
            self.previous = "other"
            return self._after_raw_html(line, closed, end)
        if self.raw_block is not None:
            # superfences reads fences before raw HTML: one there is code, and a closing
            # tag inside it closes nothing.
            start = indentation_of(line, 0)[0]
            if start < end and line[start] in "`~":
                fence = self._fence_opened(line, start, end)
                if fence is not None:
                    self.fence = fence
                    return None
            return self._raw_block_line(line, end)

        position, column = indentation_of(line, 0) if content is None else content
        if self.in_snippets or (line[position : position + 1] == "-" and "8<" in line):
            snippet = _SNIPPET.fullmatch(line, position, end)
            marker = snippet is not None and snippet.group("file") is None
            if marker and not self.in_snippets and not self._snippets_block_closes():
                # A lone marker opens no block: a line of text (as the site shows it
                # without pymdownx.snippets; with it, the rest of the page is hidden).
                snippet = None
            elif marker:
                self.in_snippets = not self.in_snippets  # a block's marker
            if snippet is not None or self.in_snippets:
                # Read before any other Markdown: the file's text is checked as the file.
                self.previous = "other"
                return None
        if position >= end:
            if self.previous != "blank":
                self.in_table = False
            self.previous = "blank"
            self.blank_in_quote = False
            self.chunk_is_list = False  # a blank line ends the block
            return None

        # HTML at the margin is a block of its own; a fence is code, in a cell or not; a
        # line less indented than the admonition, details or tab the table is in ends both.
        if (
            self.in_table
            # (four columns in, `>` marks no quote: a row of a table surely one, right
            # after its last row: a heading or rule in a quote's table splits its block)
            and (
                line[position] != ">"
                or (
                    self.table_certain
                    and column >= self.containers[-1] + 4
                    and self.line_start == self.table_row_next
                )
            )
            and (line[position] != "<" or column > 3)
        ):
            rest = line[position:end]
            fence = self._fence_opened(line, position, end) if rest[0] in "`~" else None
            if fence is not None:
                self.fence = fence
                self.previous = "other"
                return None
            if (
                column >= self.strict_column()
                and self._table_goes_on(rest)
                and not (self.in_item_line_quote() and _LIST_ITEM.match(rest))
                # (Python-Markdown splits a quote's block at a heading or rule before it
                # reads the quote: the table ends there)
                and not (self.table_depth and self._splits_a_quote_s_block(rest, column))
            ):  # (the item's next item ends a table in its quote)
                return self._table_row(line, position, end)
            self.in_table = False

        lazy = self.previous == "paragraph"
        if not lazy:
            self.empty_item_text = -1
        quote = BLOCKQUOTE.match(line, position)
        if (
            quote is not None
            and self.strict[-1]
            and column >= self.chunk_column + 4
            and self.item_line_quote is not None
            and self.chunk_is_list
        ):
            # Four columns past the marker, a `>` marks no line of the quote an item's
            # line opened (the item's lines keep their columns): the line is the quote's
            # as written, in the admonition, details or tab open in it (`- > !!! note`,
            # `  >     a`, then `    > b`: a quote in the admonition).
            in_quote = indentation_of(line, quote.end())[1]
            quote = None
            if lazy and self.line_start == self._quote_in_strict_goes_on:
                pass  # the quote's paragraph goes on, lazily
            elif in_quote >= 4 and column - self.chunk_column < (
                self.containers[-1] - self.item_line_quote + 4
            ):  # `    >     b`: code in that quote
                self.previous = "other"
                return None
            self._quote_in_strict_goes_on = self.next_offset
        if quote is None and self.quote_containers_open:
            self.leave_quote_containers(column, after_quote_blank=False)
        if self.item_line_strict is not None and self.previous == "blank":
            self._item_line_strict_moves()
        if (
            lazy
            and len(self.containers) > 1
            and self._ends_strict(column, None if quote else self.item_line_quote)
        ):
            lazy = False
        elif not lazy:
            if (
                self.previous == "blank"
                and (
                    (containers := len(self.containers)) > 2
                    # (at one container, only after two blank lines: the line before the
                    # blank one ends blank, or this is not asked)
                    or (
                        containers == 2
                        and self.text[self.line_start - 3 : self.line_start - 2] in "\n \t\r"
                    )
                )
            ):
                self.blank_ends_footnote()
            if self.item_line_quote is None:  # the common case, with no method call more
                if self.line_start != self.empty_item_next:
                    if (
                        column == 0
                        and self.markdown_blocks
                        and len(self.containers) > 1
                        and self.markdown_blocks[-1].name == "details"
                    ):
                        self._list_closed_at = self.line_start if self._list_last() else -1
                        self._strict_closed_at = self.line_start if self._strict_last() else -1
                    self._close_beyond(column)
                    if (
                        self._margin_container_last
                        and self.previous == "blank"
                        and not self.blank_in_quote
                        and len(self.containers) == 1
                        and not _FOOTNOTE.match(line[position:end])
                    ):
                        self._margin_container_last = False  # a block of the page's own
                elif column >= self.containers[-1]:
                    # Still the list's block, but Python-Markdown reads the item's lines
                    # from its content (`1. `, `    a`, `    ## b`: a heading), so its
                    # paragraph's block starts there (`_paragraph`).
                    if column >= self.chunk_column + 4:
                        self.empty_item_text = self.chunk_column + 4
                    self.chunk_column = self.containers[-1]
                elif not self._item_text(line, position, end, column):
                    self.empty_item_next = -1  # (no text of the item's: `_paragraph`)
                    self._close_beyond(column)
            else:
                self.close_for_line(column)
        if quote is None and self.previous == "blank" and not self.blank_in_quote:
            self.end_quote()  # at a blank line
        base = self.containers[-1]
        if (
            lazy
            and column >= self.chunk_column - self.chunk_column % 4 + 4
            and not self._marks_block(line, position, end)
        ):
            # Indented into the paragraph's block, a line goes on with the paragraph:
            # Python-Markdown reads no quote, comment or heading there.
            return self._paragraph(position, end, True, base)

        if self.in_code:
            if column >= base + 4:
                self._fence_in_code(line, position, end)
                return None
            self.in_code = False
            self._block_break_at = self.line_start  # the code's block ends at the line
        # In a list item's first block, lines keep their indentation: code is indented
        # from the item's marker, not from its content.
        code_base = self.chunk_column if self.chunk_is_list else base
        if (
            self.item_line_quote is not None
            and quote is None
            and self.strict[-1]
            and base > self.item_line_quote
            and self.chunk_is_list
        ):
            # A line without `>` in the quote an item's line opened, an admonition, details
            # or tab open in it: the item's block keeps the line's columns from the marker,
            # the quote's from its content, where the admonition's content starts.
            code_base += base - self.item_line_quote
        if (
            column >= code_base + 4
            and not lazy  # a fence indented so far is code too
            and not self._nested_item(line, position, column, code_base)
        ):
            self._fence_in_code(line, position, end)
            self.in_code = True
            self.previous = "other"
            return None

        depth = quote.group().count(">") if quote else 0
        if quote or not lazy:
            # "> a" then ">> b": two blocks; ">> a" then "> b": one paragraph, its line
            # going on lazily in the inner quote (which a later ">> c" still continues).
            lazy = lazy and 0 < depth <= self.quote_depth
            # A line without `>` going on from a quote's block that is no paragraph is
            # still the quote's (Python-Markdown ends a quote at a blank line): the
            # quote's lines after it go on with the paragraph it starts (review rv33).
            # Not a setext underline, which Python-Markdown reads with the line above
            # as a heading before any quote.
            if not lazy and (
                quote or not self.quote_depth or not self.quote_goes_on() or line[position] == "="
            ):
                self.quote_depth = depth
        self.line_quoted = quote is not None
        if quote:
            went_on = self.previous != "blank" or self.blank_in_quote
            self.line_quote_depth = max(self.line_quote_depth if went_on else 0, depth)
            if self.item_line_quote is not None:
                if went_on:  # a line of the item's quote: its containers are the item's
                    column = max(column, self.item_line_quote)
                elif column < self.item_line_quote:
                    self.end_quote()  # the item ended at the blank line, and its quote
                else:
                    self.item_line_quote = None
        if quote:
            position, indent = indentation_of(line, quote.end())
            if line.find("\t", quote.start(), position) >= 0:
                position, indent = quoted_indentation(line, quote)
            if position >= end:
                # No blank line to Python-Markdown: the quote goes on over it. It is
                # one to a table this deep or deeper, which ends there as at a blank
                # line out of any quote (deeper marks are a row of the table's).
                if depth <= self.table_depth:
                    self.in_table = False
                self.previous = "blank"
                self.blank_in_quote = True
                self.blank_quote_depth = depth
                # A blank line of the quote `depth` deep, but a quote's mark in the one
                # around it, whose block goes on in that quote.
                self.line_quote_depth = depth if depth > 1 else 0
                return None
            self.quote_indent = indent
            if not lazy:  # less indented than a container's content, a line ends it
                opened = self.quote_containers_open
                while opened and opened[-1].column > indent:
                    opened.pop()
            # Indented four past the content of the innermost container opened in the
            # quote (or of the quote itself), a line is code.
            if not lazy and indent >= self._quote_content_column(depth) + 4:
                if (
                    self.in_table
                    and self.table_certain
                    and self.line_start == self.table_row_next
                    and depth >= self.table_depth
                ):
                    # A row of the table's block, read before any quote (`>     a`: the
                    # cell "> a" after a table at the margin), shown as a cell's text.
                    return self._table_row(line, position, end)
                if self._underlined_at_block_start(column, next_line):
                    # `>     a`, then `---`: Python-Markdown reads a block's first line
                    # and its underline as a heading before any quote or code: the
                    # line is its text (the underline is read as under a paragraph's)
                    return self._paragraph(position, end, False, column)
                self.previous = "other"
                return None
        rest = line[position:end]
        first = rest[0]

        if first in "`~":
            fence = self._fence_opened(line, position, end)
            if fence is not None:
                self.fence = fence
                self.in_table = False
                self.previous = "other"
                # A title (`title="..."`, superfences' and Material's) is shown above it.
                title = CODE_TITLE.search(rest, len(fence))
                return (
                    (position + title.start(2), position + title.end(2), False) if title else None
                )
        line_start = self.line_start
        # Inside a comment an earlier `<!--` opened (in a paragraph, a code span), HTML
        # starts no block: Python-Markdown's reading of the page's HTML took it for the
        # comment's text (review of rv41).
        if first == "<" and not self._in_read_comment(line_start + position):
            # A comment that no `-->` closes is text, as Python-Markdown shows it. Nor is
            # one a block after a quote's `>` or four columns in (an admonition's, a list
            # item's second block): Python-Markdown reads it in its paragraph, where it
            # is text if it is not closed there (review of rv41).
            # Going on from a list item's or a definition's paragraph, its first or a later
            # one (a footnote's ends there, and every container in it: the footnotes
            # extension reads its own lines).
            going_on = (
                lazy
                and column > 0
                and (self.chunk_is_list or (len(self.containers) > 1 and not self.strict[-1]))
            )
            footnote_at = self._footnote_at() if going_on else 0
            in_footnote = footnote_at > 0
            in_item = going_on and not in_footnote
            # At the margin, raw HTML going on from a paragraph ends every container: a
            # block of its own to Python-Markdown (`- a`, ``, `    b`, `<div>c</div>`,
            # then `    d`: code).
            at_page_margin = lazy and column == 0 and len(self.containers) > 1
            if (
                rest.startswith("<!--")
                and not self.line_quoted
                and column < 4
                and self._last_comment_end() >= line_start + position + 4
            ):
                self.html_in_item = in_item
                found = COMMENT_END.search(rest, 4)
                closing = -1 if found is None else found.end()
                self.in_comment = closing < 0
                self.previous = "other"
                if in_footnote:
                    self._html_ends_containers(footnote_at)
                if column == 0 or (closing >= 0 and rest[closing:].strip()):
                    # A block of HTML to Python-Markdown: it ends every list and admonition
                    # (indented, only when text follows it on its line), and a quote it
                    # is no line of: a quote after it starts anew (review rv31: its
                    # '>     code' was read in the list of the quote before).
                    self.close_from(1)
                    self.end_quote()
                    self.quote_depth = 0
                if rest.startswith(("<!-->", "<!--->")):
                    self.comment_shown = closing < 0
                    return self._shown_comment(
                        line, position, None if closing < 0 else position + closing, end
                    )
                return None if closing < 0 else self._after_comment(line, position + closing, end)
            # Nor does a script, pre or style after a quote's `>` or four columns in: HTML
            # in a paragraph, whose next lines go on with it, however indented.
            raw = RAW_HTML.match(rest) if column < 4 and quote is None else None
            if raw:
                if in_footnote or at_page_margin:
                    # (all of them in md_in_html's block: `_markdown_block_ends_lists`)
                    outermost = at_page_margin or self._in_markdown_block()
                    self._html_ends_containers(1 if outermost else footnote_at)
                self.html_in_item = in_item and not self._markdown_block_ends_lists()
                closing = f"</{raw.group(1).lower()}>"
                self.previous = "other"
                closed = rest.lower().find(closing)
                if closed < 0:
                    self.raw_html_end = closing
                    return None
                return self._after_raw_html(line, position + closed + len(closing), end)
            # Python-Markdown reads raw HTML before any block: a tag indented up to three
            # spaces starts it too, and it ends every list and admonition open. There
            # md_in_html's `markdown` attribute is read only at the margin. Not after a
            # quote's `>`: Python-Markdown reads raw HTML in the page as written, where
            # a quoted line starts with the `>` (a link there is a link).
            at_margin = column < 4 and quote is None
            raw_start = RAW_BLOCK_START if column == 0 else TAG_START
            raw_block = raw_start.match(rest) if at_margin else None
            span = markdown_span(rest) if column == 0 and quote is None else None
            if span is not None or (raw_block and raw_block.group(1).lower() in BLOCK_TAGS):
                self.raw_block = span or raw_block.group(1).lower()
                if at_page_margin or (in_footnote and footnote_at == 1):
                    self._html_ends_containers()
                elif in_footnote:  # a footnote in a list item: the item goes on
                    self._html_ends_containers(footnote_at)
                    in_item = True
                if in_item and self.raw_block != "hr":  # (`<hr>` is md_in_html's text)
                    in_item = not self._markdown_block_ends_lists()
                if column and line_start != self.empty_item_next and not in_item:
                    self.close_from(1)  # (on an item's line: `_item_text`)
                self.html_in_item = in_item and quote is None
                self.raw_block_markdown = span is not None
                self.raw_depth = 0
                return self._raw_block_line(line, end)
            # An end tag ends an HTML block at its container's margin, a quote's too: md_in_html
            # ends its block at one after a quote's `>` as well (`<div markdown>`, `> - a`,
            # `>   </div>`, then `>       b` is code).
            block_end = BLOCK_END_TAG.match(rest) if column == 0 or at_margin else None
            markdown_blocks = self.markdown_blocks
            innermost = markdown_blocks[-1].name if markdown_blocks else None
            if (
                block_end
                and markdown_blocks
                and markdown_blocks[-1].ends_with(block_end.group(1).lower())
                and (ended := self._markdown_blocks_end_at(block_end.group(1).lower()))
            ):
                # md_in_html's blocks end, up to the one of its name, and the lists in
                # them, a lazy line's too (`    a`, `</div>`, `    b`: code),
                # and the paragraph: the next line starts a block (`- a`, `  </div>`,
                # `1. b`: a list)
                # (a list in a block in the details is no list of the details')
                list_last = ended == innermost == "details" and self._list_last()
                strict_last = ended == innermost == "details" and self._strict_last()
                self.close_from(1)
                self.chunk_is_list = False
                self.previous = "other"
                if quote is None:
                    self._block_break_at = self.next_offset
                    self.in_table = False  # (the table's block ended before the tag)
                if ended == "details":
                    self._details_goes_on(list_last and quote is None, strict_last=strict_last)
                return None
            if column == 0 and block_end and self._ends_html_block(block_end.group(1)):
                self.previous = "other"
                return None
            if at_margin and opens_markdown_blocks(rest):
                name = TAG_START.match(rest).group(1).lower()
                # The blocks ended before this line end (`# a </div>`), the one around it
                # is read up to it (`take_over`).
                around = markdown_blocks[-1] if self._in_markdown_block() else None
                markdown_blocks.append(
                    MarkdownBlock(name, self.line_start, self.next_offset, around)
                )
                if name not in self.markdown_block_names:
                    self.markdown_block_names |= {name}
                # md_in_html reads what follows as blocks of their own: a line indented
                # four after it is code, a list item's lazy line's too (`1. a`, `b`,
                # `<div markdown>`, `    - c`: code). The tag shows nothing.
                self.close_from(1)
                self.chunk_is_list = False
                self.previous = "other"
                self._block_break_at = self.next_offset
                self.in_table = False  # (the table's block ended before the tag)
                return None
            if HTML_BLOCK.match(rest):
                # Its text is prose, joined with the lines around it; a block-level tag
                # in it is a hard break (see `_inline_replacement`).
                return self._paragraph(position, end, lazy, base)
        if self.in_table:
            return self._table_row(line, position, end)
        # A heading, admonition or tab starts its line, its container's content or (going
        # on from a paragraph) the paragraph's block; a heading may start a quote too.
        if quote:  # in a quote, columns count from its content
            opened = self.quote_containers_open
            at_block_start = indent == (opened[-1].column if opened else 0)
        else:
            at_block_start = column == (self.chunk_column if lazy else base)
        # In a quote, a heading's `#` starts the quote's content: a tab after `>` may
        # leave it two columns in, which Python-Markdown reads as text (`>\t# a`).
        if first == "#" and (
            indent == 0
            if quote
            else column == 0
            or at_block_start
            or (lazy and self.chunk_is_list and column == self.list_margin)
        ):
            heading = _ATX.match(rest)
            if heading:
                self._split_block(quote)
                if lazy and self.chunk_is_list and quote is None and column in self.containers:
                    # Read before lists at its container's margin, it ends the list whose
                    # paragraph it split: a block indented after it is no item's (`- a`,
                    # `## b`, then `    c`: code), and its block, as one at the page's
                    # margin does (`    - b`, `        - c`, `    ## d`, `        e`).
                    self._heading_ends_list(column)
                    self.chunk_is_list = False
                elif quote is None and column == 0:
                    # At the page's margin, a block of its own, no list's first, as
                    # `heading_at_margin` reads it (after `  - a`, `>     b`: `# c`,
                    # then `    d` is code; so after `- > a`, `>`).
                    if not lazy and len(self.containers) > 1:
                        self.close_from(1)
                    self.chunk_is_list = False
                if quote is None:
                    self._block_break_at = self.next_offset
                self.previous = "other"
                return position + heading.end(), end, False
        if first in "!?" and at_block_start:
            admonition = _ADMONITION.match(rest)
            if admonition:
                self._split_block(quote)
                self._enter(column, strict=True)
                if first == "?" or admonition.group(1) != "":
                    # its title (a details' summary, even empty) is a block before its content
                    self.opened_at[-1] = self.next_offset - len(line) - 1
                if quote is None:  # its content is a block of its own
                    self._block_break_at = self.next_offset
                self.previous = "other"
                if admonition.group(1):
                    return position + admonition.start(1), position + admonition.end(1), False
                return None
        if first == "/" and at_block_start:
            header = _BLOCKS_HEADER.match(rest)
            if header and header.group("name").lower() in _BLOCK_NAMES:
                # Lines indented after it are read as code: not prose, as its options.
                self.previous = "other"
                if header.group(2):
                    return position + header.start(2), position + header.end(2), False
                return None
        if first == "=" and at_block_start:
            tab = _TAB.match(rest)
            if tab:
                self._split_block(quote)
                self._enter(column, strict=True)
                if quote is None:  # its content is a block of its own
                    self._block_break_at = self.next_offset
                self.previous = "other"
                return position + tab.start(1), position + tab.end(1), False
        # Going on from a paragraph, a rule or setext underline is one only near the
        # start of the paragraph's block (Python-Markdown reads its lines as they are).
        if first in "-*_" and _RULE.match(rest) and (not lazy or column - self.chunk_column < 4):
            self._split_block(quote)
            self._close_beyond(column)  # a rule in a list item ends the list
            self.chunk_is_list = False  # and splits its block, as a heading does
            if quote is None:
                self._block_break_at = self.next_offset
            self.previous = "other"
            return None
        if (
            first in "=-"
            and self._empty_item_first == (self.line_start, column)
            and quote is None
            and _SETEXT.match(rest)
        ):
            # `- ` then `-` starting a block: Python-Markdown reads them as a heading
            # (`-`) before any list; what follows is a block of its own (`    a`: code).
            self.previous = "other"
            return None
        if (
            lazy
            and first in "=-"
            and at_block_start
            and _SETEXT.match(rest)
            and self._under_first_line()
        ):
            if self.quote_depth and not quote:
                # Under a quote's first line, Python-Markdown reads the two lines as a
                # heading before any quote: a quote after them starts anew (rv31).
                self.end_quote()
                self.quote_depth = 0
            if not quote:
                self._block_break_at = self.next_offset
            self.previous = "other"
            return None
        if first == "[":
            margin = indent if quote else column
            follows_definition = self.definition_end == self.next_offset - len(line) - 1
            starts_block = at_block_start and not lazy
            # a lazy line of a quoted paragraph is in the quote too, and so is a definition
            # right after one that is
            self.reference_quoted = (
                quote is not None
                or (lazy and self.quote_depth > 0)
                or (follows_definition and self.reference_quoted)
            )
            # A label on a lazy line of a list item is the item's too: an item on the
            # next line, nested or not, is no address of it (rv31's lazy '[x]:').
            if self._definition(
                rest,
                next_line,
                margin,
                starts_block,
                follows_definition,
                item_before=sys.maxsize if lazy and self.chunk_is_list else None,
            ):
                return None
            footnote = _FOOTNOTE.match(rest)
            if footnote:
                container_last = self._margin_container_last  # (a footnote is taken out)
                self._enter(column, content=self._lazy_footnote_content(lazy, quote))
                self._margin_container_last = container_last
                self._footnote_after_block()
                return self._paragraph(position + footnote.end(), end, False, column)
        if first == "*":
            abbreviation = _ABBREVIATION.match(rest)
            if abbreviation:
                if at_block_start:
                    self.abbreviations.add(abbreviation.group(1))
                # Its expansion is published: a paragraph without the `abbr` extension (as
                # this site has it), a tooltip with it. The abbreviation itself is checked
                # where it is used.
                return self._paragraph(position + abbreviation.end(), end, False, base)
        if (
            first == ":"
            and self.definition_lists
            and self._starts_definition(rest, lazy, column, line)
        ):
            marker = _DEFINITION_ITEM.match(rest)
            assert marker is not None
            self._enter(column)
            return self._paragraph(position + marker.end(), end, False, column)
        if first in "-*+0123456789" and not (
            lazy
            and (
                not self.chunk_is_list
                or self._lazy_in_item_line_quote(quote)
                or 0 <= self.empty_item_text <= column
            )
        ):
            item = _LIST_ITEM.match(rest)
            if item:
                after = rest[item.end() : item.end() + 1]  # "" at the line's end
                if (
                    after in _ITEM_LINE_BLOCKS
                    and quote is None
                    and (not self.quote_depth or self.in_item_line_quote())
                ):
                    if not after and not self.quote_depth:
                        if len(self.containers) == 1:  # in no list, admonition or tab
                            self.empty_item_next = self.next_offset
                            self.chunk_column = column  # the list's block's (`_paragraph`)
                        # Starting a block (after a blank line, not another empty item's
                        # line, which leaves `previous` blank too), at its margin (an
                        # underline indented is no heading's).
                        if (
                            self.previous == "blank"
                            and self.line_start != self._empty_item_end
                            and column == self.containers[-1]
                        ):
                            self._empty_item_first = (self.next_offset, column)
                        self._empty_item_end = self.next_offset
                    return self._item_line_block(line, next_line, position + item.end(), column)
                self._enter(column)
                heading = _ATX.match(rest, item.end()) if after == "#" else None
                if heading:  # "1. ### Title": a heading of its own in the item
                    # Lines indented into the item after it are its content, not code.
                    self.chunk_column, self.chunk_is_list = column, False
                    self.previous = "other"
                    return position + heading.end(), end, False
                if after == "*":  # maybe an abbreviation's
                    abbreviation = _ABBREVIATION.match(rest, item.end())
                    if abbreviation:
                        self.abbreviations.add(abbreviation.group(1))
                if after == "[":  # the item may be a definition
                    # Python-Markdown reads an item's first line as a block of its own: no
                    # underline on the next line makes it a heading.
                    self.reference_quoted = quote is not None
                    margin = (indent if quote else column) + item.end()
                    if self._definition(
                        rest[item.end() :], next_line, margin, False, False, item_before=margin
                    ):
                        return None
                if not (lazy and self.chunk_is_list):
                    self.list_margin = column  # a list's block starts here
                return self._paragraph(position + item.end(), end, False, column, list_item=True)
        if (
            not lazy
            and "|" in rest
            and next_line is not None
            and "-" in next_line
            and TABLE_DELIMITER.match(delimiter := next_line.strip().lstrip(">").strip())
        ):
            self.in_table = True
            self.table_depth = self.quote_depth
            # (a delimiter quoted deeper than its header is a row of `>`: no table)
            quoted = next_line.lstrip()
            marks = len(quoted) - len(quoted.lstrip(">"))
            self.table_certain = marks <= self.quote_depth and _surely_a_table(rest, delimiter)
            return self._table_row(line, position, end)
        return self._paragraph(position, end, lazy, base)

    def close_for_line(self, column: int) -> None:
        """A line at `column` that goes on from no paragraph closes the containers whose
        content starts right of it; in a list whose item's line opened a quote, only an
        admonition, details or tab around the list (and the list and quote with it)."""
        item_content = self.item_line_quote
        if item_content is None or not self.chunk_is_list:
            self._close_beyond(column)
            return
        containers, strict = self.containers, self.strict
        for index in range(1, len(containers)):
            if strict[index] and column < containers[index] < item_content:
                self.close_from(index)  # one around the list (those in its quote are right of it)
                self.end_quote()
                return

    def in_item_line_quote(self) -> bool:
        """Whether the current block is a list whose item's own line opened a quote
        (`_item_line_block`): a list's first block holds every line up to a blank one,
        so a line going on from the quote's heading or table is the item's, however
        little indented (`close_for_line` does not close the item)."""
        return self.item_line_quote is not None and self.chunk_is_list

    def _lazy_in_item_line_quote(self, quote: re.Match[str] | None) -> bool:
        """Whether a quoted line going on from a paragraph is in the quote a list item's
        line opened, with no container open in that quote: Python-Markdown reads the quote's lines
        as blocks of their own, so `- > a` then `> - b` is one paragraph (a code span
        may cross into it), no next item."""
        return (
            quote is not None
            and self.in_item_line_quote()
            and not self.quote_containers_open  # a list or admonition in it is over
        )

    def _item_text(self, line: str, position: int, end: int, column: int) -> bool:
        """Whether the line after an empty item's (`- ` alone), less indented than the
        item's content, is a line of text there: Python-Markdown's list takes every line
        of its block that is no item as the item's, so `- `, `  text`, a blank line, then
        `    more` is one item of two paragraphs, and so are the lines after the text up
        to a blank one (`- `, `  a`, `b`: one paragraph; `classify` reads the text as the
        item's first line's). Only what Python-Markdown reads before its lists splits the
        block there (a heading or admonition at the margin, a rule), or starts a block of
        its own (raw HTML, a fence, a definition); a quote, or a line starting with a
        digit, `*` or `#` that makes none of those, is the item's."""
        rest = line[position:end]
        first = rest[0]
        if first == "<":
            # Python-Markdown sets raw HTML aside before it reads blocks: at the margin a
            # block of its own, indented one to three columns its place stays a line of
            # the item's (`classify` leaves the item open), unless text follows its end
            # on the line (`<div>a</div> b`: a paragraph after it, at the margin, which
            # ends the list). A tag that starts no raw block there (`<b>`, `</div>`,
            # `<https://...>`), or a comment no `-->` closes, is text, the item's.
            tag = TAG_START.match(rest)
            if tag is None or tag.group(1).lower() not in BLOCK_TAGS:
                return column > 0 or not (
                    rest.startswith("<!--")
                    and self._last_comment_end() >= self.line_start + position + 4
                )
            if column == 0:
                return False
            closing = rest.lower().rfind(f"</{tag.group(1).lower()}")
            return closing < 0 or not rest[rest.find(">", closing) + 1 :].strip()
        if _LIST_ITEM.match(rest) or _RULE.match(rest):
            return False
        if first == ":":
            return not self.definition_lists or _DEFINITION_ITEM.match(rest) is None
        if first in "`~":
            return self._fence_opened(line, position, end) is None
        if column == 0 and first in "#!?=/-":  # (an underline: a heading's, maybe)
            return first != "#" and not (
                _ADMONITION.match(rest)
                or _TAB.match(rest)
                or _BLOCKS_HEADER.match(rest)
                or _SETEXT.match(rest)
            )
        return True

    def _nested_item(self, line: str, position: int, column: int, code_base: int) -> bool:
        """Whether a line four to seven columns into a list's first block, going on from
        a block that is no paragraph there (a quote or heading on an item's line), is an
        item of a list nested in it: Python-Markdown splits the block into its items
        before it reads any of them, so it is no code."""
        return (
            self.chunk_is_list
            and column < code_base + 8
            and _LIST_ITEM.match(line, position) is not None
        )

    def _item_line_block(
        self, line: str, next_line: str | None, position: int, column: int
    ) -> tuple[int, int, bool] | None:
        """A list item at `column` whose own line goes on, at `position`, with a quote
        (`- > text`), an admonition, details or tab (`- !!! note`): Python-Markdown reads
        the item's content as blocks of their own, the first starting the item's content
        column, so the rest of the line is read as such a block's line (a quote's marks
        and columns, a comment in it, its code). The item's block stays a list whose
        lines keep their indentation from the marker's column (`    > b` after it is no
        quote's line but text), and an item marker on the next line starts the list's
        next item."""
        self.end_quote()
        self._enter(column)
        index, content = len(self.containers) - 1, self.containers[-1]
        self.previous = "blank"
        self.blank_in_quote = False
        self.chunk_is_list = False  # its content's line is no code to its own block
        prose = self.classify(line, next_line, (position, content))
        if self.line_quoted:
            self.chunk_column, self.chunk_is_list = column, True
            self.item_line_quote = content
        elif self.strict[-1] and len(self.containers) == index + 2:
            # Up to a blank line, the item's lines keep their indentation from its marker
            # (`- !!! note` then `        text`: code, four past the admonition's content).
            self.containers[-1] = content
            self.item_line_strict = index + 1
        return prose

    def _item_line_strict_moves(self) -> None:
        """A blank line came after the admonition, details or tab opened on a list item's
        line: Python-Markdown reads the item's blocks after it from the item's content,
        the admonition's four columns past it."""
        index = self.item_line_strict
        assert index is not None
        self.item_line_strict = None
        if index < len(self.containers) and self.strict[index]:
            self.containers[index] += 4

    def _starts_definition(self, rest: str, lazy: bool, column: int, line: str) -> bool:
        """Whether a line starting with `:` (`rest`, at `column`) is an item of a
        definition list (the def_list extension's `:   ...`), whose content, indented
        paragraphs and lists included, starts at the next tab stop as a list item's does.
        def_list needs the terms before it (the paragraph it goes on from) or, after a
        blank line, some block before it in its container (a blockquote is one; reference
        definitions leave no block); in a list item, Python-Markdown reads indented blocks
        as the item's, not the definition's: there it stays text."""
        if _DEFINITION_ITEM.match(rest) is None or column - self.containers[-1] > 3:
            return False
        if not all(self.strict[1:]):  # a list item or footnote is open
            return False
        if lazy:
            return True
        start = self.opened_at[-1]
        depth = quote_depth_of(line) if self.line_quoted else 0
        before = self._block_line_before(start, self.line_start, depth)
        if before is None or quote_depth_of(before) >= depth:
            return before is not None  # a block in the same quote (or container), or none
        # A line less deep in quotes (before the quote, or a lazy line of it): where
        # does the quote start?
        start = max(start, self._quote_start(start, depth))
        return self._block_line_before(start, self.line_start, depth) is not None

    def _quote_start(self, floor: int, depth: int) -> int:
        """Where the blockquote `depth` deep that holds the current line starts (no
        earlier than `floor`). Where it goes on from the line the last one was found for,
        it is that one: read back only to that line, so that a quote of many definitions
        is read once."""
        last = self._last_quote
        if last is not None and last[:2] == (floor, depth):
            start = quote_start(self.text, last[2], self.line_start, depth)
            if start == last[2]:
                start = last[3]
        else:
            start = quote_start(self.text, floor, self.line_start, depth)
        self._last_quote = (floor, depth, self.line_start, start)
        return start

    def _block_line_before(self, start: int, end: int, depth: int) -> str | None:
        """The last line in `text[start:end]` that makes a block `depth` quotes deep,
        None if none: not a blank line, nor one of quote marks alone (up to `depth`), nor
        a reference definition. Read back from `end`, so only as far as that line."""
        while end > start:
            line_start = max(self.text.rfind("\n", start, end - 1) + 1, start)
            index = bisect.bisect_right(self.reference_lines, (line_start, end)) - 1
            if index >= 0 and self.reference_lines[index][1] > line_start:
                end = self.reference_lines[index][0]  # a reference definition: no block
                continue
            line = self.text[line_start:end]
            if inside_quotes(line, depth).strip():
                return line
            end = line_start
        return None

    def _definition(
        self,
        rest: str,
        next_line: str | None,
        margin: int,
        starts_block: bool,
        follows_definition: bool,
        item_before: int | None = None,
    ) -> bool:
        """Whether `rest` (a line from its `[`, at column `margin`) starts a reference
        definition; notes the line it goes on to, if any, and where it ends. Python-Markdown
        reads a definition of one line right after another with it, not as a block of its
        own that a setext underline could make a heading; one that goes on to the next
        line starts a block."""
        label = _REFERENCE_LABEL.match(rest)
        if label is None:
            return False
        after = rest[label.end() :]
        if after.strip(_SPACES):  # the URL on the label's line
            titled = _definition_target(after)
            if titled is None or (
                starts_block and not follows_definition and self._underlines(next_line, margin)
            ):
                return False
            return self._found("title" if not titled and self._title_next(next_line) else None)
        if next_line is not None and next_line.lstrip(_SPACES).startswith(("```", "~~~")):
            # Python-Markdown sets a fence aside first, and the place it leaves is the
            # definition's URL: label and fence both vanish (the fence is read as one).
            return self._found(None)
        if item_before is not None and self._next_item(next_line, item_before):
            return False
        url_line = self._next_definition_line(next_line, margin, starts_block)
        if url_line is None or _definition_target(url_line) is None:
            return False
        return self._found("url")

    def _next_item(self, next_line: str | None, margin: int) -> bool:
        """Whether `next_line` starts, before column `margin`, another item of the list
        whose item holds a definition's label (`margin` is the label's column on the
        item's first line): Python-Markdown splits a list into its items before it reads
        a definition, so that item is no address of the label (review rv31: its tags
        were published unreported)."""
        after = self._line_after(next_line)
        if after is None:
            return False
        line, position, column = after
        return column < margin and _LIST_ITEM.match(line, position) is not None

    def _found(self, goes_on: str | None) -> bool:
        """A definition on the current line, going on to a "url" or "title" line or not."""
        self.reference_next = goes_on
        self._note_reference_line()
        self.previous = "other"
        return True

    def _note_reference_line(self) -> None:
        """The current line is (part of) a reference definition."""
        self.definition_end = self.next_offset
        if self.reference_lines and self.reference_lines[-1][1] == self.line_start:
            self.reference_lines[-1] = (self.reference_lines[-1][0], self.next_offset)
        else:
            self.reference_lines.append((self.line_start, self.next_offset))

    def _underlines(self, next_line: str | None, margin: int) -> bool:
        """Whether `next_line` is a setext underline at `margin`: the line above is a
        heading, read before any definition."""
        after = self._line_after(next_line)
        if after is None:
            return False
        line, position, column = after
        return column == margin and _SETEXT.match(line, position) is not None

    def _underlined_at_block_start(self, column: int, next_line: str | None) -> bool:
        """Whether the line read, at its container's margin `column` and first in its
        block (after a blank line out of any quote, or the page's first), has a setext
        underline at that column on the next line (read from the text if not given)."""
        if column != self.containers[-1] or not (
            (self.previous == "blank" and not self.blank_in_quote)
            or self.line_start == self.opened_at[0]
            or self.line_start == self._block_break_at
        ):
            return False
        if next_line is None:
            text, start = self.text, self.next_offset
            if start >= len(text):
                return False
            next_end = text.find("\n", start)
            next_line = text[start : next_end if next_end >= 0 else len(text)]
        next_line = next_line.removesuffix("\r")
        position, next_column = indentation_of(next_line, 0)
        return next_column == column and _SETEXT.match(next_line, position) is not None

    def _title_next(self, next_line: str | None) -> bool:
        """Whether a definition's title stands alone on `next_line`."""
        line = self._next_definition_line(next_line, None, False)
        if line is None:
            return False
        title = line.strip(_SPACES)
        return len(title) >= 2 and _TITLE_CLOSERS.get(title[0]) == title[-1]

    def _line_after(self, line: str | None) -> tuple[str, int, int] | None:
        """The line after a definition's label or URL as the definition reads it: without
        its line end and, in a quote, its quote marks; with where its text starts and at
        which column. None for no line or a blank one."""
        if line is None:
            return None
        line = line.removesuffix("\r")
        if self.reference_quoted:
            if self.line_quoted and quote_depth_of(line) > self.quote_depth:
                # A quote inside the quote of a label written in it: a block of its
                # own, read first (review rv31: its tags were taken for a title's). A
                # lazy label's quote is the one it goes on, whose lines these may be.
                return None
            line = unquoted(line)
        position, column = indentation_of(line, 0)
        return None if position == len(line) else (line, position, column)

    def _next_definition_line(
        self, line: str | None, margin: int | None, starts_block: bool
    ) -> str | None:
        """`line`, the one after a definition's label or URL, without its line end and,
        in a quote, its quote marks; None where the definition cannot go on to it: no
        line, a blank one, one that ends the admonition, details or tab the definition is
        in, or one that another block takes first (Python-Markdown reads fences, HTML and
        quotes before definitions, and headings, rules and setext underlines at the
        label's margin; `margin` None: none of those three is possible)."""
        after = self._line_after(line)
        if after is None:
            return None
        line, position, column = after
        if not self.reference_quoted and column < self.strict_column():
            return None
        text = line[position:]
        if text[0] == ">" or _FOOTNOTE.match(text):
            return None
        if _ADMONITION.match(text) or _TAB.match(text):
            return None
        if text[0] == "<" and (text.startswith("<!--") or takes_html_block(text)):
            return None
        if margin is not None and column - margin <= 3:
            at_margin = column == margin
            if (at_margin and text[0] == "#") or _RULE.match(text):
                return None
            if at_margin and starts_block and _SETEXT.match(text):
                return None
        return line

    def _paragraph(
        self, start: int, end: int, continues: bool, block_column: int, list_item: bool = False
    ) -> tuple[int, int, bool]:
        """A line of a paragraph; one that does not go on from the line before starts
        its block at `block_column` (a list item's block is a list)."""
        if not continues and not self.line_quoted and self.after_quote_blank():
            self.leave_quote_containers(block_column, after_quote_blank=True)
        self.previous = "paragraph"
        if not continues:
            self.first_line_end = self.next_offset
        if not continues and (self.item_line_quote is None or not self.chunk_is_list):
            # (in a list whose item's line opened a quote, the list goes on)
            if self.line_start == self.empty_item_next:
                block_column, list_item = self.chunk_column, True
            self.chunk_column = block_column
            self.chunk_is_list = list_item
        return start, end, continues

    def _under_first_line(self) -> bool:
        """Whether the line above the current one, a paragraph's, is its first line:
        Python-Markdown's setext heading is a block's first line and its underline (under
        a later line, `-` or `===` is the paragraph's text, and so is an indented line
        after it)."""
        line_start = self.line_start
        if self.first_line_end == line_start:
            return True
        start, end, went_on = self.prose_run
        if end != line_start:
            return False
        above = self.text.rfind("\n", start, line_start - 1)
        if above < 0:  # the run's only line
            return not went_on
        before = self.text.rfind("\n", start, above) + 1 or start
        return not self.text[before:above].strip(" \t\r")

    def _marks_block(self, line: str, position: int, end: int) -> bool:
        """Whether a line indented into a paragraph's block still starts a block: a fence,
        or an item of a list nested in the list that the paragraph is in."""
        rest = line[position:end]
        if self._fence_opened(line, position, end) is not None:
            return True
        return self.chunk_is_list and _LIST_ITEM.match(rest) is not None

    def _fence_in_code(self, line: str, position: int, end: int) -> None:
        """A fence in indented code is code, but superfences, which reads fences before
        any block, still opens it: it takes the lines after it, to its closing line
        (noted here) or, never closed, as `_fence_opened` notes."""
        if line[position] in "`~" and self._fence_opened(line, position, end) is not None:
            self._unclosed_fence = (self.next_offset, self.fence_close)

    def _fence_opened(self, line: str, position: int, end: int) -> str | None:
        """The fence that `line` opens at `position`, if a later line closes it (its
        start is then `fence_close`); None if it opens none (an info string of backticks
        makes none)."""
        first, last = self._unclosed_fence
        if first <= self.line_start <= last:
            return None  # a line that a fence never closed takes
        fence = opening_fence(line, position, end)
        if fence is None:
            return None
        prefix = line[:position]
        closing = self._closing_line(fence, len(prefix.expandtabs(TAB_WIDTH)), ">" in prefix)
        if closing is None:
            return None
        self.fence_close = closing
        return fence

    @staticmethod
    def _table_goes_on(rest: str) -> bool:
        """Whether a line after a table's rows is one more row: Python-Markdown's table
        takes every line up to a blank one, but for one that starts an admonition,
        details or tab."""
        first = rest[0]
        if first in "!?":
            return _ADMONITION.match(rest) is None
        if first == "=":
            return _TAB.match(rest) is None
        return True

    def _splits_a_quote_s_block(self, rest: str, column: int) -> bool:
        """Whether a line out of any quote, `rest` at `column`, is a heading or rule that
        Python-Markdown finds in a block before it reads the block's quote."""
        at_margin = column < self.containers[-1] + 4
        return at_margin and (rest[0] == "#" or _RULE.match(rest) is not None)

    def _ends_html_block(self, tag: str) -> bool:
        """Whether a line of nothing but `</tag>` ends an HTML block: one the tag opened
        at the start of an earlier line, not ended before this line. A stray end tag is a
        paragraph's text to Python-Markdown, its next lines going on with it (`<div>a</div>
        b`, `</div>`, `    c`: c is text). Each tag's lines are read once, on from where
        they were last read, counting its start tags at the margin and its end tags, less
        md_in_html's blocks an end tag of another name ended (`_html_tags_ended`)."""
        tag = tag.lower()
        if tag not in BLOCK_TAGS:
            return False
        text = self.text
        read_to, still_open = self._html_tags_open.get(tag, (0, 0))
        for found in tag_pattern(tag).finditer(text, read_to, self.line_start):
            if found.group(1):
                still_open = max(still_open - 1, 0)
            elif found.start() == 0 or text[found.start() - 1] == "\n":
                still_open += 1
        if tag in self._html_tags_ended:
            still_open = max(still_open - self._html_tags_ended.pop(tag), 0)
        ends = still_open > 0
        self._html_tags_open[tag] = (self.next_offset, still_open - ends)
        return ends

    def _last_comment_end(self) -> int:
        """The offset of the text's last `-->` or `--!>` (-1 if none), found once per text."""
        if self._comment_end is None:
            self._comment_end = max(self.text.rfind("-->"), self.text.rfind("--!>"))
        return self._comment_end

    def _in_read_comment(self, position: int) -> bool:
        """Whether the `<!--` at `position` is inside a comment an earlier one opened, to
        Python-Markdown's reading of the page's HTML (`ReadComments`): then it is text in
        its paragraph, no block. Found once per text, fenced code set aside."""
        if self._last_comment_end() < position:  # no comment goes on past it
            return False
        if self._read_comments is None:
            from . import without_fenced_code  # the package's, which imports this module

            # Its fences found by a pass that reads no comment so: no pass within a pass.
            fences_only = Blocks()
            fences_only._read_comments = ReadComments("")
            self._read_comments = ReadComments(without_fenced_code(self.text, fences_only))
        return self._read_comments.inside(position)

    def _raw_block_line(self, line: str, end: int) -> tuple[int, int, bool] | None:
        """A line of a raw HTML block: prose, where Markdown means nothing (backticks and
        brackets are text); the block ends where its tag closes as often as it opened."""
        tag = self.raw_block
        assert tag is not None
        raw_end = end  # what follows the closing tag on its line is Markdown again
        line_start = self.next_offset - len(line) - 1
        for found in tag_pattern(tag).finditer(line):
            if self._in_read_comment(line_start + found.start()):
                continue  # a comment's text, to Python-Markdown's reading of the HTML
            # `<hr>` has no close: its block ends with it (Python-Markdown's void tags).
            self.raw_depth += -1 if found.group(1) else tag != "hr"
            if self.raw_depth <= 0:
                self.raw_block = None
                raw_end = min(end, found.end())
                break
        position, _ = indentation_of(line, 0)
        if position >= end:
            self.previous = "blank"
            return None
        if not self.raw_block_markdown:
            self.raw_spans.append((line_start + position, line_start + raw_end))
        continues = self.previous == "raw"  # HTML runs its lines together
        if raw_end < end and line[raw_end:end].strip():
            # Text after the block's end on its line starts a paragraph that the next
            # lines go on (`<div>a</div> b`, then `    c`: c is b's paragraph's). After
            # a block tag going on from an item's paragraph, Python-Markdown ends the
            # lists there (`- a`, ` <div>b</div> c`: c is no item's), as at its opening.
            if self.html_in_item:
                self.html_in_item = False
                self.close_from(1)
            self._paragraph(raw_end, end, False, self.containers[-1])
        else:
            self.previous = "raw"
            if self.raw_block is None:
                self._html_ends()
                if tag == "details" and self.raw_block_markdown and not self.line_quoted:
                    # md_in_html's span makes an element too, which pymdownx.details goes
                    # on with (`<details markdown="span">`, `a</details>`, `    b`: text)
                    self.previous = "other"
                    self._details_goes_on(list_last=False)
        return position, end, continues

    def _footnote_at(self) -> int:
        """The index of the outermost container open that is a footnote (`[^a]: text`
        opened it), the innermost or one around it (a list item in a footnote); 0 if none."""
        footnotes, strict = self._footnotes, self.strict
        for index in range(1, len(self.containers)):
            if strict[index]:  # an admonition's or a tab's (a titled one's is its title line)
                continue
            found = footnotes.get(self.opened_at[index])
            if found or (found is None and self._is_footnote(self.opened_at[index])):
                return index
        return 0

    def _is_footnote(self, opened: int) -> bool:
        """Whether the container whose lines start at `opened` is a footnote."""
        found = self._footnotes.get(opened)
        if found is None:  # its line read once: a long one, asked again, is not read again
            line = self.text[self.text.rfind("\n", 0, max(opened - 1, 0)) + 1 : opened]
            found = self._footnotes[opened] = _FOOTNOTE.match(line.lstrip(" \t>")) is not None
        return found

    def _footnote_after_block(self) -> None:
        """A footnote just opened whose line closed the list item, admonition, details or
        tab before it in the same container (or a footnote after one): that block is the
        container's last to Python-Markdown, which takes the footnote out, so the blocks
        indented after a blank line go on in it (`!!! note`, `    ??? tip`, `    [^1]: a`,
        ``, `        b`: b is the details' text), not as the container's code: the footnote
        is not ended there (`blank_ends_footnote`), its column being that block's."""
        line, index, opened = self._closed_at
        if self.line_quoted:
            return
        if line == self.line_start and index == len(self.containers) - 1:
            after_block = self._block_closed(opened)
        elif self._details_block_last >= 0 and self.opened_at[-2] == self._details_block_last:
            # first in md_in_html's details going on (`<details markdown>`, `=== "T"`,
            # `    a`, `</details>`, `    [^1]: b`, ``, `        c`: c is the tab's), asked
            # once: blank lines between are read once
            gap = _WHITESPACE.match(self.text, self._details_lines_from)
            after_block = gap is not None and gap.end() >= self.line_start
            self._details_block_last = -1
        else:
            return
        if after_block:
            self._footnotes_after_blocks.add(self.opened_at[-1])

    def _block_closed(self, opened: int) -> bool:
        """Whether the container closed whose lines start at `opened` is a block that
        Python-Markdown keeps: not a footnote (taken out) unless one after such a block."""
        return not self._is_footnote(opened) or opened in self._footnotes_after_blocks

    def blank_ends_footnote(self) -> bool:
        """At a line after a blank one (`previous`), end a footnote opened in a list
        item, admonition, details or tab, and say whether one ended: those give the
        footnotes extension one block at a time, so it takes none after its own
        (`!!! note`, `    [^1]: a`, ``, then `        b` is the admonition's code). Not
        one at the page's margin or in a footnote or quote, whose blocks it is given
        together."""
        if self.blank_in_quote or (len(self.containers) == 2 and not self._after_blank_lines()):
            return False
        footnote = self._footnote_at()
        if footnote == 1:
            if (
                self._margin_container_last
                or not self._after_blank_lines()
                or self.opened_at[1] in self._footnotes_after_blocks
            ):
                # (after a list, admonition, details or tab at the margin, the lines may
                # go on in it)
                return False
        elif footnote < 2 or self.opened_at[footnote] in self._footnotes_after_blocks:
            return False
        self.close_from(footnote)
        self._closed_at = (-1, 0, 0)  # (no block closed before a footnote on this line)
        return True

    def _after_blank_lines(self) -> bool:
        """Whether the line read (`line_start`), after a blank one, comes after two blank
        lines or more: Python-Markdown parts the page's blocks at a blank line, so the
        second one starts a block with a line break, not indented, which ends a footnote
        at the page's margin (`[^1]: a`, ``, ``, `    b`: b is code). Reads back over the
        two lines before, each searched and stripped in C (a line of thousands of spaces
        read a character at a time cost a page of them three times as much)."""
        text = self.text
        end = self.line_start - 1  # the break that ends the line before
        for _ in range(2):
            if end < 0:
                return False
            start = text.rfind("\n", 0, end) + 1
            if text[start:end].strip(" \t\r"):
                return False  # not blank
            end = start - 1
        return True

    def _lazy_footnote_content(self, lazy: bool, quote: re.Match[str] | None) -> int | None:
        """The content column of a footnote (`[^1]: a`) on a lazy line of a list item's
        paragraph: the item's, as Python-Markdown's list reads the line as the item's
        (and a line indented past it after a blank one as the item's code). So a comment
        or block tag ending the footnote leaves the item open (`- a`, `[^1]: b`,
        ` <!-- c -->`, `    d`: d is the item's next paragraph). None elsewhere: in a
        footnote (the footnotes extension splits a second one off to the page's margin),
        a quote, or a definition (there a line indented four after the HTML is code)."""
        containers = self.containers
        if (
            not lazy
            or len(containers) == 1
            or self.strict[-1]
            or quote is not None
            or self.quote_depth
            or self._footnote_at()
        ):
            return None
        opened = self.opened_at[-1]
        line = self.text[self.text.rfind("\n", 0, max(opened - 1, 0)) + 1 : opened]
        return containers[-1] if _LIST_ITEM.match(line.lstrip(" \t")) else None

    def _html_ends_containers(self, index: int = 1) -> None:
        """Raw HTML or a comment going on from a paragraph in a footnote (a list item's in
        it too), or raw HTML at the page's margin going on from any container's, ends them
        all: a block of its own to Python-Markdown, after which a line indented four is
        code (`[^1]: a`, `    - b`, `  <!-- c -->`, `    d`; `- a`, ``, `    b`,
        `<div>c</div>`, `    d`). A comment, script, pre or block tag ends only the
        footnote and what is in it (`index`) where a list item holds it: the footnotes
        extension reads the item's lines around it as the item's (`1. a`, ``, `    b`,
        `    [^1]: c`, ` <!-- d -->`, ``, `    e`: e is the item's paragraph)."""
        self.close_from(index)
        self.chunk_is_list = False

    def _in_markdown_block(self) -> bool:
        """Whether an md_in_html block is open at this line. Its parser ends it at its end
        tag anywhere before (after text, indented, after a quote's `>`: `a</div>`), not in
        a fence or comment, the same name's tags opened in it counted: the page is read
        so from where each was last read (each line once), and the blocks ended dropped."""
        blocks, line_start = self.markdown_blocks, self.line_start
        while blocks:
            block = blocks[-1]
            if block.read_to < line_start:
                block.read(self.text, line_start)
            if block.ended_at < 0:
                return True
            self._markdown_block_ends()
        return False

    def _markdown_blocks_end_at(self, name: str) -> str | None:
        """The name of the last of md_in_html's blocks that end at an end tag of `name`
        starting this line, if any: those its reading ends (of `name` or, inside one, of
        another name: `<div markdown>`, `<section markdown>`, `</div>` ends both), or
        else the innermost if of `name`, as before (one of its name opened in it left
        open: `<div markdown>`, `- a`, `  <div>b`, `</div>`). Those ended before this line
        (on a heading's: `# a </div>`) end first, not by this tag: it ends none of them
        (`</div>` there is text)."""
        blocks, end = self.markdown_blocks, self.next_offset
        ended = None
        if not self._in_markdown_block():
            return None
        while blocks:
            block = blocks[-1]
            if block.ended_at < 0 and block.read_to < end:
                block.read(self.text, end)
            if block.ended_at < 0 and (ended or block.name != name):
                break
            ended = block.name
            self._markdown_block_ends()
        return ended

    def _markdown_block_ends(self) -> None:
        """The innermost md_in_html block ends: the block around it, if any, reads on
        from where it stopped (`MarkdownBlock.take_over`)."""
        blocks = self.markdown_blocks
        inner = blocks.pop()
        if inner.ended_at >= 0 and inner.ended_by != inner.name:
            ended = self._html_tags_ended
            ended[inner.name] = ended.get(inner.name, 0) + 1
        if blocks:
            blocks[-1].take_over(self.text, inner)

    def markdown_block_ends_paragraph(self, start: int, end: int) -> None:
        """After a paragraph's line from `start` to `end` (the next line's start) in
        md_in_html's block: where the block's end tag ends the line (`a</div>`), its
        parser ends the paragraph with it, and the lists opened in the block, so the next
        line starts a block of its own (`- b`: a list; `    c`: code). Text after the
        tag is a paragraph going on."""
        blocks, text = self.markdown_blocks, self.text
        innermost = blocks[-1].name if blocks else None
        ended_at, ended = -1, ""
        while blocks:
            block = blocks[-1]
            if block.read_to < start:
                block.read(text, start)
            if block.ended_at < 0:  # not ended before the line
                if block.read_to < end:
                    block.read(text, end)
                if block.ended_at < 0:
                    break
                ended_at = block.ended_at  # (a block around it may end after it)
            ended = block.name
            self._markdown_block_ends()
        if ended_at >= 0:
            list_last = ended == innermost == "details" and self._list_last()
            # (text before the tag on its line is a paragraph, the last, if that line
            # closed the admonition)
            strict_last = ended == innermost == "details" and self._strict_last(closed_here=False)
            self.close_from(1)
            self.chunk_is_list = False
            if not text[ended_at:end].strip():
                self.previous = "other"
                if ended == "details":  # (as at the margin)
                    self._details_goes_on(
                        list_last and not self.line_quoted, end, strict_last=strict_last
                    )

    def _list_last(self) -> bool:
        """Whether a list item at the margin of md_in_html's block is open, its list the
        block's last (no footnote, which the footnotes extension takes out, nor quote), or
        the current line closed one."""
        if self._list_closed_at == self.line_start:
            return True
        return (
            len(self.containers) > 1
            and not self.strict[1]
            and self.containers[1] <= 4
            and self.first_quote_container is None
            and not self.quote_depth
            and self._footnote_at() != 1
        )

    def _strict_last(self, closed_here: bool = True) -> bool:
        """Whether an admonition, details or tab at the margin of md_in_html's block is
        open, out of any quote, or the current line closed one: the block's last, which
        goes on after its `</details>`."""
        if self._strict_closed_at == self.line_start:
            return closed_here
        return (
            len(self.containers) > 1
            and self.strict[1]
            and self.containers[1] == 4
            and self.first_quote_container is None
            and not self.quote_depth
        )

    def _details_goes_on(
        self, list_last: bool, lines_from: int = -1, *, strict_last: bool = False
    ) -> None:
        """pymdownx.details goes on with the `<details>` element last in its block: the
        lines four columns in after md_in_html's `</details>` are its content, as after
        `??? note` (`</details>`, ``, `    b`: b is a paragraph); where a list was the
        last in it (`list_last`), eight columns in, its last item's (`- a`, `</details>`,
        `        b`: b is the item's next paragraph, as Python-Markdown's list reads a
        block indented after it); where an admonition, details or tab was (`strict_last`),
        eight columns in, its content (`!!! note`, `    a`, `</details>`, `        b`).
        `lines_from`: where the lines after the end tag's start (the next line read's if
        -1)."""
        # Ended after a quote's `>`, it is no container of the quote's: the quote's lines
        # go on in the quote, a line without `>` after it in the details (`> a </details>`,
        # `    b`: b is its text; `>     b`: the quote's code).
        quoted, self.line_quoted = self.line_quoted, False
        line, index, opened = self._closed_at
        self._enter(0, strict=True)
        self._details_block_last = -1
        if line == self.line_start and index == 1 and not list_last and self._block_closed(opened):
            self._details_block_last = self.opened_at[-1]
            self._details_lines_from = self.next_offset if lines_from < 0 else lines_from
        if list_last:
            self._enter(4)
        elif strict_last:
            self._enter(4, strict=True)
        self.line_quoted = quoted

    def _markdown_block_ends_lists(self) -> bool:
        """Whether a script, pre, style or block tag one to three columns in, going on
        from a list item's paragraph, is in md_in_html's block, closing the lists if so:
        its parser makes the tag an element of its own and the Markdown before it a block
        that ends there, so a line indented four after it is code (`<div markdown>`,
        `- a`, `  <div>b</div>`, `    c`). Outside one, the item stays open."""
        if not self._in_markdown_block():
            return False
        self.close_from(1)
        self.chunk_is_list = False
        return True

    def _html_ends(self) -> None:
        """After raw HTML or a comment that went on from a list item's paragraph
        (`html_in_item`), with nothing after it on its line: Python-Markdown reads a blank
        line there, still in the item (`- a`, `  <div>b</div>`, `    c`: c is the item's
        next paragraph). Out of any quote, the next line starts a block: Python-Markdown
        puts a blank line after the HTML it stashes."""
        if not self.line_quoted:
            self._block_break_at = self.next_offset
            self.in_table = False  # (the table's block ended before the HTML)
        if self.html_in_item:
            self.html_in_item = False
            self.previous = "blank"
            self.blank_in_quote = False
            self.chunk_is_list = False

    def _after_raw_html(self, line: str, start: int, end: int) -> tuple[int, int, bool] | None:
        """Text after a script's, pre's or style's close on its line: Markdown
        again, a paragraph of its own (`<pre>a</pre> b` shows b)."""
        if line[start:end].strip():
            if self.html_in_item:  # going on from an item's paragraph: the lists end
                self.html_in_item = False
                self.close_from(1)
            return self._paragraph(start, end, False, self.containers[-1])
        self._html_ends()
        return None

    def _after_comment(self, line: str, start: int, end: int) -> tuple[int, int, bool] | None:
        """Text after an HTML comment that ends on its line starts a paragraph. A comment
        that opens in it is part of the HTML block to Python-Markdown (the block's tail),
        hidden to its end over blank lines too, if it does not end on the line."""
        opener = line.find("<!--", start, end)
        if (
            opener >= 0
            and COMMENT_END.search(line, opener + 4, end) is None
            and self._last_comment_end() >= self.line_start + opener + 4
        ):
            self.in_comment = True
            # (`<!-->`: a browser ends it at once and shows the rest, `_shown_comment`)
            self.comment_shown = line.startswith(("<!-->", "<!--->"), opener)
            if not self.comment_shown:
                end = opener
        self._tail_comments_as_html(line, start, end)
        if self.in_comment and self.comment_shown:
            self.raw_spans.append((self.line_start + opener, self.line_start + end))
        if line[start:end].strip():
            self.html_in_item = False
            return self._paragraph(start, end, False, self.containers[-1])
        if not self.in_comment:
            self._html_ends()
        return None

    def _shown_comment(
        self, line: str, start: int, close: int | None, end: int
    ) -> tuple[int, int, bool] | None:
        """The part of a comment block opened by `<!-->` or `<!--->` on `line`, from `start`
        to its `close` (None: it goes on): Python-Markdown keeps it raw to the `-->` its
        html.parser ends it at, where a browser has ended it at once and shows the rest
        as HTML, and so does the site (site/html_comments.py); the text after the close
        is the block's tail."""
        stop = end if close is None else close
        if not line[start:stop].strip():
            return None
        self.raw_spans.append((self.line_start + start, self.line_start + stop))
        tail = None if close is None else self._after_comment(line, close, end)
        return start, stop if tail is None else tail[1], False

    def _tail_comments_as_html(self, line: str, start: int, end: int) -> None:
        """A comment closed on the line of a comment block's tail is the block's HTML to
        Python-Markdown, hidden to its first `-->`: one in a code span too, which the
        inline pass reads as code, or an escaped one (`\\-->`), which it reads as no end
        (Python-Markdown's reading of Markdown text). Such a comment is left to the raw
        HTML reading."""
        opener = line.find("<!--", start, end)
        while opener >= 0:
            close = COMMENT_END.search(line, opener + 4, end)
            if close is None:
                return
            escaped = line[close.start() - 1] == "\\"  # `\-->`: the inline pass reads on
            if (
                "`" in line[opener : close.start()]
                or escaped
                or line.startswith(("<!-->", "<!--->"), opener)  # ended at once, `<!--` shown
            ):
                self.raw_spans.append((self.line_start + opener, self.line_start + close.end()))
            opener = line.find("<!--", close.end(), end)

    def _table_row(self, line: str, position: int, end: int) -> tuple[int, int, bool] | None:
        self.previous = "other"
        self.table_row_next = self.next_offset
        if TABLE_DELIMITER.match(line[position:end]):
            return None
        return position, end, False


_TITLE_CLOSERS = {'"': '"', "'": "'", "(": ")"}


def _surely_a_table(header: str, delimiter: str) -> bool:
    """Whether the tables extension surely reads `header` over `delimiter` as a table of
    two or more columns, as its test does: the header's outer pipes say whether the
    delimiter's are borders (`a | b` over `|---|---|` is 2 cells over 4: no table). Pipes
    in code spans or escaped, and tabs, which it does not strip: unsure."""
    header = header.rstrip("\r").strip(" ")
    if any(sign in header for sign in "`\\\t") or "\t" in delimiter:
        return False
    border = header.startswith("|") or header.endswith("|")
    cells = _cell_count(header, border)
    return cells >= 2 and _cell_count(delimiter, border) == cells


def _cell_count(row: str, border: bool) -> int:
    """How many cells the tables extension splits a row of no code span or escape into,
    its outer pipes dropped where the header has one (`border`)."""
    if border:
        row = row.removeprefix("|").removesuffix("|")
    return row.count("|") + 1


def _definition_target(text: str) -> bool | None:
    """How `text`, what follows a definition's label (or its URL line), reads: None when
    it is no URL with an optional title, else whether a title follows the URL. As
    Python-Markdown's pattern (`([^\\s]+)[ ]*(title)?$`), without its backtracking: the
    title ends the line and opens after the URL's spaces, or inside what would otherwise
    be the URL (`http://x"title"`)."""
    text = text.strip(_SPACES)
    if not text:
        return None
    space = _SPACE.search(text)
    if space is None:
        return False
    url_end = space.start()
    closer = text[-1]
    opener = "(" if closer == ")" else closer if closer in "\"'" else None
    if opener is None:
        return None
    title_start = len(text) - len(text[url_end:].lstrip(_SPACES))
    if text[title_start] == opener and title_start < len(text) - 1:
        return True
    return True if opener in text[1:url_end] else None
