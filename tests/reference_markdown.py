"""FROZEN REFERENCE for tests/test_markdown_differential.py: markdown.py as it was before
the bulk block pass and the literal-first inline pattern (commit 506e906). The engine's
extraction must give exactly what this gives. Edit it only when what Python-Markdown
renders is read anew, and say so here. Since then: a link's destination runs to its
closing parenthesis, spaces included (`[a](b c)` links to "b c"); underscores inside a
word are text, not emphasis ("victim_id"); a character reference is read as its
character ("&amp;" as "&"); a list item's content starts at the tab stop after its
marker, so a paragraph indented 4 under `  - b` is prose, not code; `#` starting a line
is a heading with or without a space after it, and indented (or continuing a list item's
paragraph) it is text. Read anew against Python-Markdown with random pages
(test_markdown_agreement.py): `1)` starts no list, and no list interrupts a paragraph;
a line less indented than an admonition, details or tab ends it; in a list item's first
block, a marker or code counts from the item's own column; a table takes every line up to
a blank one but for an admonition or tab; text after a comment is a paragraph, and a
comment never closed is text; a line right after a fence goes on with it; a rule in a
list item ends the list; a line of a closing tag ends its HTML block; a line indented
four or more into a paragraph's block goes on with the paragraph (but for a fence or a
nested list item); a fence indented four or more is code, a fence never closed is none,
and a fence in a table is code; a comment at the margin ends every list and admonition;
indented four inside a blockquote is code, unless a list or admonition opened in the
quote holds it, and those end with the quote at a blank line; a block-level tag at the
margin without `markdown` opens a raw HTML block up to its closing tag, whose lines are
prose with no Markdown in them; an admonition or tab ends a list's first block.

Turn a Markdown page into the text that the terminology checks read (DESIGN section 4).

`checkable_text(text, body_line)` returns a string of exactly the same length as `text`
in which every character keeps its offset, so a match at `view[a:b]` is `text[a:b]` in the
source and its line and column come straight from `LineIndex`. What readers see as prose
is kept; everything else is blanked:

- `HARD` (NUL) where words must never join across: code, URLs, e-mail addresses,
  front matter, HTML comments, the ends of blocks (headings, list items, table cells);
- a space where markup sits between words that a reader sees as neighbours: emphasis
  marks, link brackets and destinations, HTML tags, the `>` or indentation that starts a
  continuation line of a paragraph (whose line break stays a line break).

Block structure follows Python-Markdown with the site's extensions (admonition,
pymdownx.details, superfences, tabbed, tables, attr_list, md_in_html, footnotes): one
line-by-line pass, then one regular-expression pass for inline markup. Both are linear,
so pages of many megabytes stay fast; tests compare the result with markdown-it-py's
and Python-Markdown's parse of the same pages.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

HARD = "\x00"

_FENCE = re.compile(r"(`{3,}|~{3,})(.*)")
# Python-Markdown: one to six `#` that start a line make a heading, with or without a
# space after them (a seventh is text).
_ATX = re.compile(r"#{1,6}+[ \t]*")
# Python-Markdown knows `1.` but not `1)` as an ordered list marker.
_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}\.)(?:[ \t]+|$)")
_ADMONITION = re.compile(
    r"(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w -]*?)?[ \t]*(?:\"([^\"]*)\")?[ \t]*$"
)
_TAB = re.compile(r"===[+!]*[ \t]+\"([^\"]*)\"[ \t]*$")
_RULE = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*$")
_TABLE_DELIMITER = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_REFERENCE = re.compile(r"\[(?!\^)[^\]]+\]:[ \t]*\S")
_ABBREVIATION = re.compile(r"\*\[[^\]]+\]:")
_FOOTNOTE = re.compile(r"\[\^[^\]]+\]:[ \t]*")
_RAW_HTML = re.compile(r"<(script|pre|style|textarea)\b", re.IGNORECASE)
_HTML_BLOCK = re.compile(r"</?[A-Za-z][\w-]*(?:[\s/>]|$)")
_BLOCKQUOTE = re.compile(r"(?:>[ \t]?)+")
# A line of nothing but the end of an HTML block: what follows starts a new block.
_BLOCK_END_TAG = re.compile(r"</([A-Za-z][\w-]*)[ \t]*>[ \t]*\r?$")
# A block-level tag that starts a line at the margin, without md_in_html's `markdown`
# attribute: Python-Markdown shows what follows up to its closing tag as raw HTML.
_RAW_BLOCK_START = re.compile(r"<([A-Za-z][\w-]*)(?![\w-])(?![^>]*\bmarkdown\b)")
_SOFT_TAIL = re.compile(r"[^\n]")

# The lookahead names every first character up front, so the engine skips plain prose
# quickly (eight times faster than trying each alternative at every position).
_INLINE = re.compile(
    r"""
    (?=[\\`<\]\[{&])
    (?:(?P<escape>\\[!-/:-@\[-`{-~])
    |(?P<code>(?P<ticks>`+)(?!`)[^\x00]*?(?<!`)(?P=ticks)(?!`))
    |(?P<comment><!--[^\x00]*?-->)
    |(?P<autolink><(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>\x00]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>)
    |(?P<raw_code><(?P<code_tag>code|kbd|samp)\b[^<>\x00]*>[^\x00]*?</(?P=code_tag)\s*>)
    |(?P<tag></?(?P<tag_name>[A-Za-z][\w-]*)(?:\s[^<>\x00]*?)?/?>)
    |(?P<destination>\]\([^()\x00]*(?:\([^()\x00]*\)[^()\x00]*)*\))
    |(?P<reference>\]\[[^\]\x00]*\])
    |(?P<footnote>\[\^[^\]\x00\s]+\])
    |(?P<attributes>\{:?[ \t]*(?:[#.][\w-]|[\w-]+=)[^}\x00\n]*\})
    |(?P<entity>&(?:\#\d{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});))
    """,
    re.VERBOSE,
)
_URL = re.compile(r"(?=[hfw])(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\x00]*[^\s<>\x00.,;:!?'\")\]]")
_EMAIL_LOCAL = re.compile(r"[\w.+-]+$")
_EMAIL_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_NBSP_ENTITIES = frozenset({"&nbsp;", "&#160;", "&#xa0;", "&#xA0;"})
# Python-Markdown's block-level elements: a tag of one ends the prose before it.
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "canvas",
        "colgroup",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "iframe",
        "legend",
        "li",
        "main",
        "map",
        "math",
        "menu",
        "nav",
        "noscript",
        "object",
        "ol",
        "option",
        "output",
        "p",
        "pre",
        "progress",
        "script",
        "section",
        "style",
        "summary",
        "table",
        "tbody",
        "td",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "video",
    ]
)
_MARKS = str.maketrans({"*": " ", "~": " ", "[": " ", "]": " "})
_EMPHASIS_UNDERSCORES = re.compile(r"(?<!\w)_+|_+(?!\w)")
_TAB_WIDTH = 4


@dataclass(frozen=True, slots=True)
class LineIndex:
    """Line and column (1-based, code points) of offsets into one text."""

    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> LineIndex:
        starts = [0]
        find = text.find
        position = find("\n")
        while position >= 0:
            starts.append(position + 1)
            position = find("\n", position + 1)
        return cls(tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of `offset`."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def offset(self, line: int, column: int = 1) -> int:
        """The offset of (line, column); lines past the end clamp to the last line."""
        line = min(max(line, 1), len(self.starts))
        return self.starts[line - 1] + column - 1


def checkable_text(text: str, body_line: int = 1) -> str:
    """The page as the checks read it: same length as `text`, prose kept in place,
    everything else blanked (see the module docstring). Lines before `body_line` (front
    matter) are blanked whole."""
    raw_spans: list[tuple[int, int]] = []
    view = _mask_blocks(text, body_line, raw_spans)
    if not raw_spans:
        return mask_inline(view)
    # Raw HTML shows Markdown as it is: its lines get only the HTML part of the pass.
    pieces: list[str] = []
    previous = 0
    for start, end in raw_spans:
        pieces += (mask_inline(view[previous:start]), _mask_raw_html(view[start:end]))
        previous = end
    pieces.append(mask_inline(view[previous:]))
    return "".join(pieces)


def mask_inline(view: str) -> str:
    """Blank the inline markup of text whose blocks are already separated by `HARD`."""
    return _mask_inline(view, _inline_replacement)


def _mask_raw_html(view: str) -> str:
    """`mask_inline` for the lines of a raw HTML block: tags, comments, character
    references, addresses; code spans and link syntax are text there."""
    return _mask_inline(view, _raw_html_replacement)


def _raw_html_replacement(match: re.Match[str]) -> str:
    if match.lastgroup in _MARKDOWN_ONLY:
        return match.group()
    return _inline_replacement(match)


# The kinds of inline markup that Markdown makes and raw HTML does not.
_MARKDOWN_ONLY = frozenset({"escape", "code", "destination", "reference", "footnote", "attributes"})


def _mask_inline(view: str, replacement: Callable[[re.Match[str]], str]) -> str:
    if not view:
        return view
    view = _INLINE.sub(replacement, view)
    if "://" in view or "www." in view:
        view = _URL.sub(_hard, view)
    if "@" in view:
        view = _mask_emails(view)
    view = _EMPHASIS_UNDERSCORES.sub(lambda marks: " " * len(marks.group()), view)
    return view.translate(_MARKS)


def _hard(match: re.Match[str]) -> str:
    return HARD * (match.end() - match.start())


def _inline_replacement(match: re.Match[str]) -> str:
    kind = match.lastgroup
    found = match.group()
    if kind == "escape":
        # "\-" and "\_" are a hyphen and an underscore to the reader: doubled, they stay
        # a separator and a letter of a word (the backslash must not split "homeless\-person").
        return found[1] * 2 if found[1] in "-_" else found
    if kind == "tag" and match.group("tag_name").lower() in _BLOCK_TAGS:
        return HARD * len(found)  # a block starts or ends: words never join across it
    if kind in ("destination", "tag", "reference", "comment"):
        return re.sub(r"[^\n]", " ", found)
    if kind == "entity":
        if found in _NBSP_ENTITIES or html.unescape(found).isspace():
            return " " * len(found)
        # A character written as a reference ("&amp;" in "Hotel &amp; Lodging") is read
        # as that character, the rest of the reference as spaces.
        character = html.unescape(found)
        if len(character) == 1 and not character.isspace() and character != HARD:
            return character + " " * (len(found) - 1)
    return HARD * len(found)


def _mask_emails(view: str) -> str:
    pieces: list[str] = []
    previous = 0
    position = view.find("@")
    while position >= 0:
        local = _EMAIL_LOCAL.search(view, max(previous, position - 256), position)
        domain = _EMAIL_DOMAIN.match(view, position + 1)
        if local and domain:
            pieces.append(view[previous : local.start()])
            pieces.append(HARD * (domain.end() - local.start()))
            previous = domain.end()
            position = view.find("@", previous)
        else:
            position = view.find("@", position + 1)
    pieces.append(view[previous:])
    return "".join(pieces)


def _indent_of(line: str, start: int) -> tuple[int, int]:
    """(position of the first non-blank character at or after `start`, its column)."""
    position = start
    column = 0
    length = len(line)
    while position < length:
        char = line[position]
        if char == " ":
            column += 1
        elif char == "\t":
            column += _TAB_WIDTH - column % _TAB_WIDTH
        else:
            break
        position += 1
    return position, column


class _Blocks:
    """The line-by-line pass: decides, for each line, which part is prose and whether it
    continues the paragraph of the line before."""

    def __init__(self) -> None:
        self.fence: str | None = None
        self.raw_html_end: str | None = None
        self.in_comment = False
        self.in_table = False
        self.in_code = False
        self.containers: list[int] = [0]  # the column where each one's content starts
        # Per container: whether it is an admonition, details or tab, which Python-Markdown
        # gives only its indented lines (a less indented line ends it); list items and
        # footnotes also take the lazy lines of their paragraphs.
        self.strict: list[bool] = [False]
        # The column where the current paragraph's block starts (a list item's marker):
        # Python-Markdown reads a line that goes on with it as text unless it starts at
        # that column, so an indented `!!! note` or `=== "Tab"` there is no container.
        self.chunk_column = 0
        # Whether that block is a list, up to the next blank line: only there does an item
        # marker on a line that goes on from a paragraph start an item (Python-Markdown's
        # lists do not interrupt a paragraph).
        self.chunk_is_list = False
        # Where the containers opened inside the current blockquote start (None: none
        # was): they end with the quote, and while one is open, indented text in the
        # quote is its content, not code.
        self.quote_containers: int | None = None
        # The tag of the raw HTML block open (None: none) and how deep in it: its lines
        # are prose as HTML shows it, with no Markdown (see `raw_spans`).
        self.raw_block: str | None = None
        self.raw_depth = 0
        # (start, end) offsets of the raw HTML lines' prose, for the inline pass.
        self.raw_spans: list[tuple[int, int]] = []
        self.line_quoted = False
        self.previous = "blank"  # "blank" | "paragraph" | "raw" (HTML) | "other"
        self.quote_depth = 0  # of the last line read inside or out of a blockquote
        # The whole text and where the next line starts: an opening fence is one only if
        # a closing fence follows.
        self.text = ""
        self.next_offset = 0
        self._first_openings: dict[str, int] = {}  # HTML tag -> its first line's offset
        self._comment_end: int | None = None

    def strict_column(self) -> int:
        """The column that lines must be indented to to stay in the innermost open
        admonition, details or tab; 0 if none is open."""
        for index in range(len(self.strict) - 1, 0, -1):
            if self.strict[index]:
                return self.containers[index]
        return 0

    def _enter(self, column: int, strict: bool = False) -> None:
        """A container (list item, admonition, tab, footnote) starts at `column`; its
        content starts at the next tab stop (Python-Markdown's tab length is 4): a
        marker indented 2 (`  - b`) holds content indented 4, not 6."""
        while len(self.containers) > 1 and self.containers[-1] > column:
            self.close_from(len(self.containers) - 1)
        if self.line_quoted and self.quote_containers is None:
            self.quote_containers = len(self.containers)
        if strict:  # it splits the block it is in: a list's first block ends
            self.chunk_is_list = False
        self.containers.append(column - column % 4 + 4)
        self.strict.append(strict)

    def close_from(self, index: int) -> None:
        """Close the container at `index` and all inside it."""
        del self.containers[index:]
        del self.strict[index:]

    def _ends_strict(self, column: int) -> bool:
        """Whether a lazy line at `column` ends an admonition, details or tab (its content
        is only its indented lines), closing it and all inside it; the line then starts a
        block of its own, as Python-Markdown parses what follows such a container."""
        for index in range(1, len(self.containers)):
            if self.strict[index] and self.containers[index] > column:
                self.close_from(index)
                return True
        return False

    def classify(self, line: str, next_line: str | None) -> tuple[int, int, bool] | None:
        """(start, end, continues) of the prose on `line`, or None for none."""
        end = len(line) - 1 if line.endswith("\r") else len(line)
        if self.fence is not None:
            stripped = line[_indent_of(line, 0)[0] :].lstrip(">").strip()
            if stripped.startswith(self.fence) and not stripped.strip(self.fence[0]):
                # A line right after the fence goes on with it as a paragraph, whatever
                # its indentation or marker (Python-Markdown puts both in one block).
                self.fence = None
                self._paragraph(0, 0, False, self.containers[-1])
            return None
        if self.in_comment:
            closing = line.find("-->")
            if closing >= 0:
                self.in_comment = False
                self.previous = "other"
                return self._after_comment(line, closing + 3, end)
            return None
        if self.raw_html_end is not None:
            if self.raw_html_end in line.lower():
                self.raw_html_end = None
                self.previous = "other"
            return None
        if self.raw_block is not None:
            return self._raw_block_line(line, end)

        position, column = _indent_of(line, 0)
        if position >= end:
            if self.previous != "blank":
                self.in_table = False
            self.previous = "blank"
            self.chunk_is_list = False  # a blank line ends the block
            return None

        # HTML at the margin is a block of its own; a fence is code, in a cell or not; a
        # line less indented than the admonition, details or tab the table is in ends both.
        if self.in_table and line[position] != ">" and (line[position] != "<" or column > 3):
            rest = line[position:end]
            fence = self._fence_opened(rest) if rest[0] in "`~" else None
            if fence is not None:
                self.fence = fence
                self.previous = "other"
                return None
            if column >= self.strict_column() and self._table_goes_on(rest):
                return self._table_row(line, position, end)
            self.in_table = False

        lazy = self.previous == "paragraph"
        if lazy and len(self.containers) > 1 and self._ends_strict(column):
            lazy = False
        elif not lazy:
            while len(self.containers) > 1 and column < self.containers[-1]:
                self.close_from(len(self.containers) - 1)
        quote = _BLOCKQUOTE.match(line, position)
        if quote is None and self.previous == "blank" and self.quote_containers is not None:
            # The quote ended at a blank line, and the containers opened in it with it.
            self.close_from(min(self.quote_containers, len(self.containers)))
            self.quote_containers = None
        base = self.containers[-1]
        if lazy and column >= self.chunk_column + 4 and not self._marks_block(line, position, end):
            # Indented into the paragraph's block, a line goes on with the paragraph:
            # Python-Markdown reads no quote, comment or heading there.
            return self._paragraph(position, end, True, base)

        if self.in_code:
            if column >= base + 4:
                return None
            self.in_code = False
        # In a list item's first block, lines keep their indentation: code is indented
        # from the item's marker, not from its content.
        code_base = self.chunk_column if self.chunk_is_list else base
        if column >= code_base + 4 and not lazy:  # a fence indented so far is code too
            self.in_code = True
            self.previous = "other"
            return None

        depth = quote.group().count(">") if quote else 0
        if quote or not lazy:
            lazy = lazy and depth == self.quote_depth  # "> a" then ">> b": two blocks
            self.quote_depth = depth
        self.line_quoted = quote is not None
        if quote:
            position, indent = _indent_of(line, quote.end())
            if position >= end:
                self.previous = "blank"
                return None
            # Indented four inside the quote is code, unless a list or admonition opened
            # in the quote holds it.
            if indent >= 4 and not lazy and self.quote_containers is None:
                self.previous = "other"
                return None
        rest = line[position:end]
        first = rest[0]

        if first in "`~":
            fence = self._fence_opened(rest)
            if fence is not None:
                self.fence = fence
                self.in_table = False
                self.previous = "other"
                return None
        if first == "<":
            # A comment that no `-->` closes is text, as Python-Markdown shows it.
            line_start = self.next_offset - len(line) - 1
            if rest.startswith("<!--") and self._last_comment_end() >= line_start + position + 4:
                closing = rest.find("-->", 4)
                self.in_comment = closing < 0
                self.previous = "other"
                if column == 0 or (column < 4 and closing >= 0 and rest[closing + 3 :].strip()):
                    # A block of HTML to Python-Markdown: it ends every list and admonition
                    # (indented, only when text follows it on its line).
                    self.close_from(1)
                return (
                    None if closing < 0 else self._after_comment(line, position + closing + 3, end)
                )
            raw = _RAW_HTML.match(rest)
            if raw:
                closing = f"</{raw.group(1).lower()}>"
                if closing not in rest.lower():
                    self.raw_html_end = closing
                self.previous = "other"
                return None
            raw_block = _RAW_BLOCK_START.match(rest) if column == 0 else None
            if raw_block and raw_block.group(1).lower() in _BLOCK_TAGS:
                self.raw_block = raw_block.group(1).lower()
                self.raw_depth = 0
                return self._raw_block_line(line, end)
            block_end = _BLOCK_END_TAG.match(rest) if column == 0 else None
            if block_end and self._ends_html_block(block_end.group(1)):
                self.previous = "other"
                return None
            if _HTML_BLOCK.match(rest):
                # Its text is prose, joined with the lines around it; a block-level tag
                # in it is a hard break (see `_inline_replacement`).
                return self._paragraph(position, end, lazy, base)
        if self.in_table:
            return self._table_row(line, position, end)
        # A heading, admonition or tab starts its line, its container's content or (going
        # on from a paragraph) the paragraph's block; a heading may start a quote too.
        at_block_start = column == (self.chunk_column if lazy else base)
        if first == "#" and (position == quote.end() if quote else column == 0 or at_block_start):
            heading = _ATX.match(rest)
            if heading:
                self.previous = "other"
                return position + heading.end(), end, False
        if first in "!?" and at_block_start:
            admonition = _ADMONITION.match(rest)
            if admonition:
                self._enter(column, strict=True)
                self.previous = "other"
                if admonition.group(1):
                    return position + admonition.start(1), position + admonition.end(1), False
                return None
        if first == "=" and at_block_start:
            tab = _TAB.match(rest)
            if tab:
                self._enter(column, strict=True)
                self.previous = "other"
                return position + tab.start(1), position + tab.end(1), False
        # Going on from a paragraph, a rule or setext underline is one only near the
        # start of the paragraph's block (Python-Markdown reads its lines as they are).
        if first in "-*_" and _RULE.match(rest) and (not lazy or column - self.chunk_column < 4):
            while len(self.containers) > 1 and column < self.containers[-1]:
                self.close_from(len(self.containers) - 1)  # a rule in a list item ends the list
            self.previous = "other"
            return None
        if lazy and first in "=-" and at_block_start and _SETEXT.match(rest):
            self.previous = "other"
            return None
        if first == "[":
            if _REFERENCE.match(rest):
                self.previous = "other"
                return None
            footnote = _FOOTNOTE.match(rest)
            if footnote:
                self._enter(column)
                return self._paragraph(position + footnote.end(), end, False, column)
        if first == "*" and _ABBREVIATION.match(rest):
            self.previous = "other"
            return None
        if first in "-*+0123456789" and not (lazy and not self.chunk_is_list):
            item = _LIST_ITEM.match(rest)
            if item:
                self._enter(column)
                return self._paragraph(position + item.end(), end, False, column, list_item=True)
        if (
            not lazy
            and "|" in rest
            and next_line is not None
            and "-" in next_line
            and _TABLE_DELIMITER.match(next_line.strip().lstrip(">").strip())
        ):
            self.in_table = True
            return self._table_row(line, position, end)
        return self._paragraph(position, end, lazy, base)

    def _paragraph(
        self, start: int, end: int, continues: bool, block_column: int, list_item: bool = False
    ) -> tuple[int, int, bool]:
        """A line of a paragraph; one that does not go on from the line before starts
        its block at `block_column` (a list item's block is a list)."""
        self.previous = "paragraph"
        if not continues:
            self.chunk_column = block_column
            self.chunk_is_list = list_item
        return start, end, continues

    def _marks_block(self, line: str, position: int, end: int) -> bool:
        """Whether a line indented into a paragraph's block still starts a block: a fence,
        or an item of a list nested in the list that the paragraph is in."""
        rest = line[position:end]
        if self._fence_opened(rest) is not None:
            return True
        return self.chunk_is_list and _LIST_ITEM.match(rest) is not None

    def _fence_opened(self, rest: str) -> str | None:
        """The fence a line (from its first character) opens, if a later line closes it;
        None if it opens none (an info string of backticks makes none)."""
        fence = _FENCE.match(rest)
        if fence is None or (fence.group(1)[0] == "`" and "`" in fence.group(2)):
            return None
        return (
            fence.group(1)
            if _closing_fence(fence.group(1)).search(self.text, self.next_offset)
            else None
        )

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

    def _ends_html_block(self, tag: str) -> bool:
        """Whether a line of nothing but `</tag>` ends an HTML block: a block-level tag
        opened at the start of an earlier line (the first such line of each tag is found
        once per text)."""
        tag = tag.lower()
        if tag not in _BLOCK_TAGS:
            return False
        first = self._first_openings.get(tag)
        if first is None:
            found = re.search(rf"^<{tag}\b", self.text, re.MULTILINE | re.IGNORECASE)
            first = self._first_openings[tag] = found.start() if found else len(self.text)
        return first < self.next_offset - 1

    def _last_comment_end(self) -> int:
        """The offset of the text's last `-->` (-1 if none), found once per text."""
        if self._comment_end is None:
            self._comment_end = self.text.rfind("-->")
        return self._comment_end

    def _raw_block_line(self, line: str, end: int) -> tuple[int, int, bool] | None:
        """A line of a raw HTML block: prose, where Markdown means nothing (backticks and
        brackets are text); the block ends where its tag closes as often as it opened."""
        tag = self.raw_block
        assert tag is not None
        raw_end = end  # what follows the closing tag on its line is Markdown again
        for found in _tag_pattern(tag).finditer(line):
            self.raw_depth += -1 if found.group(1) else 1
            if self.raw_depth <= 0:
                self.raw_block = None
                raw_end = min(end, found.end())
                break
        position, _ = _indent_of(line, 0)
        if position >= end:
            self.previous = "blank"
            return None
        line_start = self.next_offset - len(line) - 1
        self.raw_spans.append((line_start + position, line_start + raw_end))
        continues = self.previous == "raw"  # HTML runs its lines together
        self.previous = "raw"
        return position, end, continues

    def _after_comment(self, line: str, start: int, end: int) -> tuple[int, int, bool] | None:
        """Text after an HTML comment that ends on its line starts a paragraph."""
        if line[start:end].strip():
            return self._paragraph(start, end, False, self.containers[-1])
        return None

    def _table_row(self, line: str, position: int, end: int) -> tuple[int, int, bool] | None:
        self.previous = "other"
        if _TABLE_DELIMITER.match(line[position:end]):
            return None
        return position, end, False


def _mask_blocks(text: str, body_line: int, raw_spans: list[tuple[int, int]] | None = None) -> str:
    lines = text.split("\n")
    blocks = _Blocks()
    blocks.text = text
    pieces: list[str] = []
    tail = ""  # the end of the previous prose line ("\r\n", a closing quote...), not yet written
    last = len(lines) - 1
    for number, line in enumerate(lines):
        newline = "\n" if number < last else ""
        prose = None
        blocks.next_offset += len(line) + 1
        if number + 1 >= body_line:
            prose = blocks.classify(line, lines[number + 1] if number < last else None)
        if prose is None:
            pieces.append(HARD * (len(tail) + len(line) + len(newline)))
            tail = ""
            continue
        start, end, continues = prose
        if continues:
            pieces.append(_SOFT_TAIL.sub(" ", tail.replace(HARD, " ")))
            pieces.append(" " * start)
        else:
            pieces.append(HARD * (len(tail) + start))
        content = line[start:end]
        pieces.append(_table_cells(content) if blocks.in_table else content)
        tail = line[end:] + newline
    pieces.append(HARD * len(tail))
    view = "".join(pieces)
    assert len(view) == len(text), "the view must keep every offset"
    if raw_spans is not None:
        raw_spans += blocks.raw_spans
    return view


@lru_cache(maxsize=64)
def _tag_pattern(tag: str) -> re.Pattern[str]:
    """An opening or (group 1: `/`) closing tag named `tag`, in any case."""
    return re.compile(rf"<(/?){re.escape(tag)}(?![\w-])[^>]*>?", re.IGNORECASE)


@lru_cache(maxsize=64)
def _closing_fence(fence: str) -> re.Pattern[str]:
    """A line that closes `fence`: the same character, as many times or more, alone (after
    any indentation and blockquote marks)."""
    return re.compile(rf"^[ \t>]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*\r?$", re.MULTILINE)


def _table_cells(row: str) -> str:
    """Cell borders are hard breaks; escaped pipes are text."""
    if "\\|" in row:
        return re.sub(r"(?<!\\)\|", HARD, row)
    return row.replace("|", HARD)
