"""FROZEN REFERENCE for tests/test_markdown_differential.py: markdown.py as it was before
the bulk block pass and the literal-first inline pattern (commit 506e906). The engine's
extraction must give exactly what this gives. Edit it only when what Python-Markdown
renders is read anew, and say so here. Since then: a link's destination runs to its
closing parenthesis, spaces included (`[a](b c)` links to "b c"); underscores inside a
word are text, not emphasis ("victim_id"); a character reference is read as its
character ("&amp;" as "&"); a list item's content starts at the tab stop after its
marker, so a paragraph indented 4 under `  - b` is prose, not code; `#` starting a line
is a heading with or without a space after it, and indented (or continuing a list item's
paragraph) it is text.

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
from dataclasses import dataclass
from functools import lru_cache

HARD = "\x00"

_FENCE = re.compile(r"(`{3,}|~{3,})(.*)")
# Python-Markdown: one to six `#` that start a line make a heading, with or without a
# space after them (a seventh is text).
_ATX = re.compile(r"#{1,6}+[ \t]*")
_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
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
    return mask_inline(_mask_blocks(text, body_line))


def mask_inline(view: str) -> str:
    """Blank the inline markup of text whose blocks are already separated by `HARD`."""
    if not view:
        return view
    view = _INLINE.sub(_inline_replacement, view)
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
        self.containers: list[int] = [0]
        self.previous = "blank"  # "blank" | "paragraph" | "other"
        self.quote_depth = 0  # of the last line read inside or out of a blockquote
        # The whole text and where the next line starts: an opening fence is one only if
        # a closing fence follows.
        self.text = ""
        self.next_offset = 0

    def _enter(self, column: int) -> None:
        """A container (list item, admonition, tab, footnote) starts at `column`; its
        content starts at the next tab stop (Python-Markdown's tab length is 4): a
        marker indented 2 (`  - b`) holds content indented 4, not 6."""
        while len(self.containers) > 1 and self.containers[-1] > column:
            self.containers.pop()
        self.containers.append(column - column % 4 + 4)

    def classify(self, line: str, next_line: str | None) -> tuple[int, int, bool] | None:
        """(start, end, continues) of the prose on `line`, or None for none."""
        end = len(line) - 1 if line.endswith("\r") else len(line)
        if self.fence is not None:
            stripped = line[_indent_of(line, 0)[0] :].lstrip(">").strip()
            if stripped.startswith(self.fence) and not stripped.strip(self.fence[0]):
                self.fence = None
                self.previous = "other"
            return None
        if self.in_comment:
            if "-->" in line:
                self.in_comment = False
                self.previous = "other"
            return None
        if self.raw_html_end is not None:
            if self.raw_html_end in line.lower():
                self.raw_html_end = None
                self.previous = "other"
            return None

        position, column = _indent_of(line, 0)
        if position >= end:
            if self.previous != "blank":
                self.in_table = False
            self.previous = "blank"
            return None

        lazy = self.previous == "paragraph"
        if not lazy:
            while len(self.containers) > 1 and column < self.containers[-1]:
                self.containers.pop()
        base = self.containers[-1]

        if self.in_code:
            if column >= base + 4:
                return None
            self.in_code = False
        if column >= base + 4 and not lazy and not line.lstrip().startswith(("```", "~~~")):
            self.in_code = True
            self.previous = "other"
            return None

        quote = _BLOCKQUOTE.match(line, position)
        depth = quote.group().count(">") if quote else 0
        if quote or not lazy:
            lazy = lazy and depth == self.quote_depth  # "> a" then ">> b": two blocks
            self.quote_depth = depth
        if quote:
            position, _ = _indent_of(line, quote.end())
            if position >= end:
                self.previous = "blank"
                return None
        rest = line[position:end]
        first = rest[0]

        if first in "`~":
            fence = _FENCE.match(rest)
            if (
                fence
                and not (fence.group(1)[0] == "`" and "`" in fence.group(2))
                and _closing_fence(fence.group(1)).search(self.text, self.next_offset)
            ):
                self.fence = fence.group(1)
                self.in_table = False
                self.previous = "other"
                return None
        if first == "<":
            if rest.startswith("<!--"):
                self.in_comment = "-->" not in rest
                self.previous = "other"
                return None
            raw = _RAW_HTML.match(rest)
            if raw:
                closing = f"</{raw.group(1).lower()}>"
                if closing not in rest.lower():
                    self.raw_html_end = closing
                self.previous = "other"
                return None
            if _HTML_BLOCK.match(rest):
                # Its text is prose, joined with the lines around it; a block-level tag
                # in it is a hard break (see `_inline_replacement`).
                self.previous = "paragraph"
                return position, end, lazy
        if self.in_table:
            return self._table_row(line, position, end)
        # A heading starts its line, its container's content or its quote (after one
        # space at most); a paragraph's continuation line in a list item stays text.
        if first == "#" and (
            position == quote.end() if quote else column == 0 or (column == base and not lazy)
        ):
            heading = _ATX.match(rest)
            if heading:
                self.previous = "other"
                return position + heading.end(), end, False
        if first in "!?":
            admonition = _ADMONITION.match(rest)
            if admonition:
                self._enter(column)
                self.previous = "other"
                if admonition.group(1):
                    return position + admonition.start(1), position + admonition.end(1), False
                return None
        if first == "=":
            tab = _TAB.match(rest)
            if tab:
                self._enter(column)
                self.previous = "other"
                return position + tab.start(1), position + tab.end(1), False
        if first in "-*_" and _RULE.match(rest):
            self.previous = "other"
            return None
        if lazy and first in "=-" and _SETEXT.match(rest):
            self.previous = "other"
            return None
        if first == "[":
            if _REFERENCE.match(rest):
                self.previous = "other"
                return None
            footnote = _FOOTNOTE.match(rest)
            if footnote:
                self._enter(column)
                self.previous = "paragraph"
                return position + footnote.end(), end, False
        if first == "*" and _ABBREVIATION.match(rest):
            self.previous = "other"
            return None
        if first in "-*+0123456789":
            item = _LIST_ITEM.match(rest)
            if item:
                self._enter(column)
                self.previous = "paragraph"
                return position + item.end(), end, False
        if (
            not lazy
            and "|" in rest
            and next_line is not None
            and "-" in next_line
            and _TABLE_DELIMITER.match(next_line.strip().lstrip(">").strip())
        ):
            self.in_table = True
            return self._table_row(line, position, end)
        self.previous = "paragraph"
        return position, end, lazy

    def _table_row(self, line: str, position: int, end: int) -> tuple[int, int, bool] | None:
        self.previous = "other"
        if _TABLE_DELIMITER.match(line[position:end]):
            return None
        return position, end, False


def _mask_blocks(text: str, body_line: int) -> str:
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
    return view


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
