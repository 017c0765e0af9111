"""Turn a Markdown page into the text that the terminology checks read (DESIGN section 4).

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
pymdownx.details, superfences, tabbed, tables, attr_list, md_in_html, footnotes): a block
pass that takes runs of plain prose and blank lines whole (compiled regular expressions)
and only the other lines one by one, then one regular-expression pass for inline markup.
Both are linear, so pages of many megabytes stay fast; tests compare the result with
markdown-it-py's and Python-Markdown's parse of the same pages, with what Python-Markdown
shows of random pages (tests/test_markdown_agreement.py), and with the previous
line-by-line implementation (tests/reference_markdown.py).
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from operator import add

from .inline_openers import put_back, set_aside

HARD = "\x00"
# Markup inside a word ("**victim**hood", "[survivor](url)s"): no gap to the reader, who
# sees one word. The matcher reads the word as if the markup were not there.
GLUE = "\x01"

_FENCE = re.compile(r"(`{3,}|~{3,})(.*)")
# superfences (without `relaxed_headers`) opens a fence only for an info string it reads:
# a language, then `{attributes}` or `key="value"` options. "```Python 3" opens none.
_FENCE_INFO = re.compile(
    r"""[ \t]*(?:\.?[\w#.+-]+(?=[\t ]|$))?"""
    r"""(?:[ \t]*\{[^\n]*\}|(?:[ \t]*[a-zA-Z][a-zA-Z0-9_]*(?:="[^"]*"|='[^']*')?(?=[\t ]|$))+)?"""
    r"""[ \t]*$"""
)
_CODE_TITLE = re.compile(r"""[\s{]title=(["'])(.*?)\1""")
# Python-Markdown: one to six `#` that start a line make a heading, with or without a
# space after them (a seventh is text).
_ATX = re.compile(r"#{1,6}+[ \t]*")
# Python-Markdown knows `1.` but not `1)` as an ordered list marker, and a marker needs a
# space or tab after it: a `-` alone on its line is text.
_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}\.)[ \t]+")
_ADMONITION = re.compile(
    r"(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w -]*?)?[ \t]*(?:\"([^\"]*)\")?[ \t]*$"
)
_TAB = re.compile(r"===[+!]*[ \t]+\"([^\"]*)\"[ \t]*$")
_RULE = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*$")
_TABLE_DELIMITER = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_REFERENCE = re.compile(r"\[(?!\^)[^\]]+\]:[ \t]*\S")
_ABBREVIATION = re.compile(r"\*\[[^\]]+\]:[ \t]*")
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

# A link's destination and title run to the closing parenthesis, spaces included, as
# Python-Markdown reads them (`[a](b c)` links to "b c").
# Every alternative starts with a literal character, so the engine skips plain prose at C
# speed (checking a set of first characters) before it tries any of them; each group
# names the kind of markup (the first character is outside it).
_INLINE = re.compile(
    r"""
    \\(?P<escape>[!-/:-@\[-`{-~])
    |`(?P<code>(?P<ticks>`*)(?!`)[^\x00]*?(?<!`)`(?P=ticks)(?!`))
    |<(?P<comment>!--[^\x00]*?-->)
    |<(?P<autolink>(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>\x00]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>)
    |<(?P<raw_code>(?P<code_tag>code|kbd|samp|script|style)(?![\w-])[^<>\x00]*>[^\x00]*?</(?P=code_tag)\s*>)
    |<(?P<tag>/?(?P<tag_name>[A-Za-z][\w-]*)(?:\s(?:[^<>"'\x00]|"[^"\x00]*"|'[^'\x00]*')*?)?/?>)
    |\](?P<destination>\([^()\x00]*(?:\([^()\x00]*\)[^()\x00]*)*\))
    |\](?P<reference>\[[^\]\x00]*\])
    |\[(?P<footnote>\^[^\]\x00\s]+\])
    |\{(?P<attributes>:?[ \t]*(?:[#.][\w-]|[\w-]+=)[^}\x00\n]*\})
    |&(?P<entity>(?:\#\d{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)
    """,
    re.VERBOSE,
)
_URL = re.compile(r"(?:[a-z][a-z0-9+.]*://|www\.)[^\s<>\x00]*[^\s<>\x00.,;:!?'\")\]]")
# The scheme of a URL that ends at `://` (`https`, `ftp`, `git+ssh`), not inside a word:
# lower case, as schemes are written ("Note://" is prose).
_SCHEME = re.compile(r"(?<![\w+.-])[a-z][a-z0-9+.]{0,31}\Z")
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
        "center",
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
        "group",
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
# Underscores mark emphasis only at the edge of a word: Python-Markdown leaves those
# inside a word as they are ("victim_id" is one word, not "victim").
_EMPHASIS_UNDERSCORES = re.compile(r"(?<!\w)_+|_+(?!\w)")
# Emphasis, a text-level tag or a link's destination right before a letter or digit: with
# one just before it too, it is inside a word (see `_glue_words`). Not a tag that breaks
# the line or shows something (`<br>`, `<img>`): the reader sees two words there.
_GLUED_TAGS = (
    "a|abbr|b|bdi|bdo|cite|data|del|dfn|em|i|ins|mark|q|s|small|span|strong|sub|sup|time|u|var"
)
_MARKUP_BEFORE_LETTER = re.compile(
    r"(?:\*(?<=[^\W_]\*|[\u0300-\u036f]\*)\**"
    rf"|<(?<=[^\W_]<|[\u0300-\u036f]<)/?(?:{_GLUED_TAGS})(?![\w-])[^<>\x00\n]*>"
    r"|\](?<=[^\W_]\]|[\u0300-\u036f]\])\([^()\s\x00]*\))(?=[^\W_])"
)
_STAR_RUNS_AND_BREAKS = re.compile(r"\*+|\x00+")
_TAB_WIDTH = 4


@dataclass(frozen=True, slots=True)
class LineIndex:
    """Line and column (1-based, code points) of offsets into one text."""

    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> LineIndex:
        # Line k starts after the lengths of the lines before it and their k line breaks.
        lines = text.split("\n")
        return cls(tuple(map(add, accumulate(map(len, lines), initial=0), range(len(lines)))))

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of `offset`."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
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


def lines_outside_code(text: str, body_line: int = 1) -> Iterator[tuple[int, str]]:
    """(number, line) of every line of the Markdown body of `text` (from `body_line` on)
    that is not inside fenced or indented code, as the block pass reads them."""
    lines = text.split("\n")
    blocks = _Blocks()
    blocks.text = text
    blocks.next_offset = sum(len(line) + 1 for line in lines[: body_line - 1])
    for index in range(body_line - 1, len(lines)):
        line = lines[index]
        in_fence = blocks.fence is not None
        blocks.next_offset += len(line) + 1
        blocks.classify(line, lines[index + 1] if index + 1 < len(lines) else None)
        if not (in_fence or blocks.fence is not None or blocks.in_code):
            yield index + 1, line


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
    aside, restores = set_aside(view)  # openers that cannot close: linear, not quadratic
    masked = mask_addresses(put_back(_INLINE.sub(replacement, aside), restores))
    if "_" in masked:
        masked = _EMPHASIS_UNDERSCORES.sub(_spaces, masked)
    return _glue_words(view, masked.translate(_MARKS))


def _glue_words(view: str, masked: str) -> str:
    """`masked` with the blanked markup that sits between two letters of a word made
    `GLUE`: "**victim**hood" is "victimhood" to the reader, not a use of "victim", and
    "[survivor](url)s" is "survivors"."""
    # Found from each opening character by str.find: far faster than the pattern's own
    # search over a page that holds few of them.
    spans: list[tuple[int, int]] = []
    for opener in "*<]":
        position = view.find(opener)
        while position >= 0:
            markup = _MARKUP_BEFORE_LETTER.match(view, position)
            if markup:
                spans.append(markup.span())
                position = view.find(opener, markup.end())
            else:
                position = view.find(opener, position + 1)
    if not spans:
        return masked
    pieces: list[str] = []
    previous = 0
    paired_stars: set[int] | None = None  # found once, if a `*` is glued
    for start, end in sorted(spans):
        if (
            start > previous
            and _in_word(masked[start - 1])
            and _in_word(masked[end])
            and not masked[start:end].strip(" ")  # all of it blanked, none of it a break
        ):
            if view[start] == "*":
                paired_stars = paired_stars if paired_stars is not None else _paired_stars(view)
                if start not in paired_stars:
                    continue
            pieces += (masked[previous:start], GLUE * (end - start))
            previous = end
    if not pieces:
        return masked
    pieces.append(masked[previous:])
    return "".join(pieces)


def _in_word(char: str) -> bool:
    """A letter or digit, or a combining mark (of an accent NFC could not compose)."""
    return char.isalnum() or is_mark(char)


def is_mark(char: str) -> bool:
    """A combining mark: an accent NFC could not compose, a vowel sign."""
    return unicodedata.category(char)[0] == "M"


def _paired_stars(view: str) -> set[int]:
    """Where the runs of `*` that are emphasis start: those with another run as long in
    their block. A lone `*` is shown as it is ("victim*survivor": two words). One pass, so
    a page of many asterisks stays linear."""
    runs: dict[int, tuple[int, int]] = {}
    block = 0
    for token in _STAR_RUNS_AND_BREAKS.finditer(view):
        if token.group()[0] == HARD:
            block += 1
        else:
            runs[token.start()] = (block, token.end() - token.start())
    alike = Counter(runs.values())
    return {start for start, run in runs.items() if alike[run] >= 2}


def mask_addresses(text: str) -> str:
    """`text` with its bare URLs and e-mail addresses made `HARD`, offset for offset: no
    form is used inside one (DESIGN section 4), in the checks as in the site's autolinks."""
    if "://" in text or "www." in text:
        text = _mask_urls(text)
    if "@" in text:
        text = _mask_emails(text)
    return text


def _hard(match: re.Match[str]) -> str:
    return HARD * (match.end() - match.start())


def _spaces(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def _mask_urls(view: str) -> str:
    """`_URL.sub(_hard, view)`, trying the pattern only where a URL can start: the
    scheme before a `://`, or a `www.` that starts a word (the engine would otherwise try
    at every letter)."""
    starts: set[int] = set()
    found = view.find("://")
    while found >= 0:
        scheme = _SCHEME.search(view, max(0, found - 32), found)
        if scheme:
            starts.add(scheme.start())
        found = view.find("://", found + 3)
    found = view.find("www.")
    while found >= 0:
        if not found or not (view[found - 1].isalnum() or view[found - 1] == "_"):
            starts.add(found)
        found = view.find("www.", found + 4)
    pieces: list[str] = []
    previous = 0
    for start in sorted(starts):
        if start < previous:
            continue
        url = _URL.match(view, start)
        if url:
            pieces += (view[previous:start], HARD * (url.end() - start))
            previous = url.end()
    pieces.append(view[previous:])
    return "".join(pieces)


def _inline_replacement(match: re.Match[str]) -> str:
    kind = match.lastgroup
    found = match.group()
    if kind == "escape":
        # "\-" and "\_" are a hyphen and an underscore to the reader: doubled, they stay
        # a separator and a letter of a word (the backslash must not split "homeless\-person").
        return found[1] * 2 if found[1] in "-_" else found
    if kind == "tag" and match.group("tag_name").lower() in _BLOCK_TAGS:
        return HARD * len(found)  # a block starts or ends: words never join across it
    if kind == "attributes" and (match.start() == 0 or match.string[match.start() - 1].isspace()):
        # Attached to no inline element, it is shown as typed mid-sentence (at the end of
        # a heading's or block's line it applies to that, and nothing follows it): the
        # words around it do not join.
        return HARD * len(found)
    if kind in ("destination", "tag", "reference", "comment", "attributes"):
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
        # was): they end with the quote (`end_quote`).
        self.quote_containers: int | None = None
        # Where the content of each container opened in the quote and still open starts,
        # counted from the quote's content: text indented four past the innermost one is
        # code. `quote_indent` is the current quoted line's indentation, counted so too.
        self.quote_columns: list[int] = []
        self.quote_indent = 0
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
        self._closings: dict[str, list[int]] = {}  # fence -> offsets of its closing lines
        self._first_openings: dict[str, int] = {}  # HTML tag -> its first line's offset
        self._comment_end: int | None = None

    def takes_prose_in_bulk(self) -> bool:
        """True when plain lines mean plain prose: no fence, comment, raw HTML or table open."""
        return (
            self.fence is None
            and not self.in_comment
            and self.raw_html_end is None
            and self.raw_block is None
            and not self.in_table
        )

    def heading_at_margin(self, line: str) -> tuple[int, int, bool] | None:
        """What `classify` makes of `line`, starting with `#` while nothing is open
        (`takes_prose_in_bulk`), when it is an ATX heading; None (nothing changed) when it
        is not. Headings are the commonest lines that are not plain prose."""
        heading = _ATX.match(line)
        if heading is None:
            return None
        if self.previous != "paragraph":  # not a lazy line: a margin line closes containers
            self.close_from(1)
        elif len(self.containers) > 1:
            self._ends_strict(0)
        self.in_code = False
        self.previous = "other"
        return heading.end(), len(line) - 1 if line.endswith("\r") else len(line), False

    def strict_column(self) -> int:
        """The column that lines must be indented to to stay in the innermost open
        admonition, details or tab; 0 if none is open."""
        for index in range(len(self.strict) - 1, 0, -1):
            if self.strict[index]:
                return self.containers[index]
        return 0

    def _closes(self, fence: str) -> bool:
        """Whether a line after the current one closes `fence`. The closing lines of each
        kind of fence are found once per text: a page of unclosed fences stays linear."""
        closings = self._closings.get(fence)
        if closings is None:
            found = _closing_fence(fence).finditer(self.text)
            closings = self._closings[fence] = [line.start() for line in found]
        return bisect.bisect_left(closings, self.next_offset) < len(closings)

    def _enter(self, column: int, strict: bool = False) -> None:
        """A container (list item, admonition, tab, footnote) starts at `column`; its
        content starts at the next tab stop (Python-Markdown's tab length is 4): a
        marker indented 2 (`  - b`) holds content indented 4, not 6."""
        self._close_beyond(column)
        if self.line_quoted:
            if self.quote_containers is None:
                self.quote_containers = len(self.containers)
            self.quote_columns.append(self.quote_indent - self.quote_indent % 4 + 4)
        if strict:  # it splits the block it is in: a list's first block ends
            self.chunk_is_list = False
        self.containers.append(column - column % 4 + 4)
        self.strict.append(strict)

    def end_quote(self) -> None:
        """The blockquote ended: so did the containers opened in it."""
        if self.quote_containers is not None:
            self.close_from(min(self.quote_containers, len(self.containers)))
            self.quote_containers = None
        self.quote_columns.clear()

    def close_from(self, index: int) -> None:
        """Close the container at `index` and all inside it."""
        del self.containers[index:]
        del self.strict[index:]

    def _close_beyond(self, column: int) -> None:
        """Close every container whose content starts to the right of `column`."""
        index = len(self.containers)
        while index > 1 and self.containers[index - 1] > column:
            index -= 1
        self.close_from(index)

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
            self._close_beyond(column)
        quote = _BLOCKQUOTE.match(line, position)
        if quote is None and self.previous == "blank":
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
            # "> a" then ">> b": two blocks; ">> a" then "> b": one paragraph, its line
            # going on lazily in the inner quote (which a later ">> c" still continues).
            lazy = lazy and 0 < depth <= self.quote_depth
            if not lazy:
                self.quote_depth = depth
        self.line_quoted = quote is not None
        if quote:
            position, indent = _indent_of(line, quote.end())
            if position >= end:
                self.previous = "blank"
                return None
            self.quote_indent = indent
            if not lazy:  # less indented than a container's content, a line ends it
                while self.quote_columns and self.quote_columns[-1] > indent:
                    self.quote_columns.pop()
            # Indented four past the content of the innermost container opened in the
            # quote (or of the quote itself), a line is code.
            if not lazy and indent >= (self.quote_columns or [0])[-1] + 4:
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
                # A title (`title="..."`, superfences' and Material's) is shown above it.
                title = _CODE_TITLE.search(rest, len(fence))
                return (
                    (position + title.start(2), position + title.end(2), False) if title else None
                )
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
        if quote:  # in a quote, columns count from its content
            at_block_start = indent == (self.quote_columns or [0])[-1]
        else:
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
            self._close_beyond(column)  # a rule in a list item ends the list
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
        if first == "*":
            abbreviation = _ABBREVIATION.match(rest)
            if abbreviation:
                # Its expansion is published: a paragraph without the `abbr` extension (as
                # this site has it), a tooltip with it. The abbreviation itself is checked
                # where it is used.
                return self._paragraph(position + abbreviation.end(), end, False, base)
        if first in "-*+0123456789" and not (lazy and not self.chunk_is_list):
            item = _LIST_ITEM.match(rest)
            if item:
                self._enter(column)
                heading = (
                    _ATX.match(rest, item.end())
                    if rest[item.end() : item.end() + 1] == "#"
                    else None
                )
                if heading:  # "1. ### Title": a heading of its own in the item
                    # Lines indented into the item after it are its content, not code.
                    self.chunk_column, self.chunk_is_list = column, False
                    self.previous = "other"
                    return position + heading.end(), end, False
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
        if (
            fence is None
            or (fence.group(1)[0] == "`" and "`" in fence.group(2))
            or not _FENCE_INFO.match(fence.group(2))
        ):
            return None
        return fence.group(1) if self._closes(fence.group(1)) else None

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


# Lines the block pass may take in bulk (see `_mask_blocks`): blank lines, and lines of
# ordinary prose, whose first character starts no block and which hold no table pipe.
# `_LAZY_LINE` may be indented: only a paragraph's continuation lines are taken so.
_BLOCK_MARKS = frozenset(">`~<#!?=-*_[+0123456789|")
_PROSE_START = r"[^\s>`~<#!?=\-*_\[+0-9|][^|\n]*"
_BLANK = r"[ \t]*\r?"
_LINE_END = r"(?:\n|\Z)"
_LAZY_LINE = rf"[ \t]*{_PROSE_START}"
_CONTINUATIONS = re.compile(rf"(?:{_LAZY_LINE}{_LINE_END})*")
_PLAIN_LINES = re.compile(
    rf"(?:{_BLANK}{_LINE_END}|{_PROSE_START}{_LINE_END}(?:{_LAZY_LINE}{_LINE_END})*)*"
)
_BLANK_LINE = re.compile(_BLANK)
# A line break and the blank lines after it; `\n` first lets the engine skip prose fast.
_BLANK_RUNS = re.compile(rf"\n(?:{_BLANK}{_LINE_END})+")
_BLANK_RUNS_CRLF = re.compile(rf"\r?\n(?:{_BLANK}{_LINE_END})+")
_LEADING_BLANK_LINES = re.compile(rf"(?:{_BLANK}{_LINE_END})+")
_BLANK_BEFORE_PROSE = re.compile(r"^[ \t]*\r?\n(?=[^ \t\r\n])", re.MULTILINE)
_ONLY_BLANK_LINES = re.compile(rf"(?:{_BLANK}{_LINE_END})*")
_INDENTS = re.compile(r"(?:\A|\n)[ \t]+")


def _mask_blocks(text: str, body_line: int, raw_spans: list[tuple[int, int]] | None = None) -> str:
    """The block pass. Most lines are plain prose or blank, and what `_Blocks` would make
    of a run of them is known without asking it line by line: the run is copied whole
    (blank lines blanked, soft line breaks kept), and only the other lines, and every line
    inside a fence, comment, raw HTML block or table, go through `_Blocks.classify`."""
    length = len(text)
    position = _line_start(text, body_line)
    if position > length:
        return HARD * length
    pieces = [HARD * position]  # front matter, if any, is never prose
    blocks = _Blocks()
    blocks.text = text
    tail = ""  # the end of the previous prose line ("\r\n", a closing quote...), not yet written
    while position < length:
        if text[position] not in _BLOCK_MARKS and blocks.takes_prose_in_bulk():
            in_paragraph = blocks.previous == "paragraph"
            strict_column = blocks.strict_column() if in_paragraph else 0
            end = _prose_run_end(text, position, in_paragraph, strict_column)
            if end > position:
                tail = _bulk_prose(text, position, end, tail, blocks, pieces)
                position = end
                continue
        line_end = text.find("\n", position)
        if line_end < 0:
            line_end = length
        line = text[position:line_end]
        newline = "\n" if line_end < length else ""
        prose = None
        if line[:1] == "#" and blocks.takes_prose_in_bulk():
            prose = blocks.heading_at_margin(line)
        if prose is None:
            next_line = None  # read only for a possible table header
            if line_end < length and "|" in line:
                next_end = text.find("\n", line_end + 1)
                next_line = text[line_end + 1 : next_end if next_end >= 0 else length]
            blocks.next_offset = line_end + 1
            prose = blocks.classify(line, next_line)
        position = line_end + 1
        if prose is None:
            pieces.append(HARD * (len(tail) + len(line) + len(newline)))
            tail = ""
            if not newline:
                break
            continue
        start, end, continues = prose
        if continues:
            pieces.append(_soft(tail))
            pieces.append(" " * start)
        else:
            pieces.append(HARD * (len(tail) + start))
        content = line[start:end]
        pieces.append(_table_cells(content) if blocks.in_table else content)
        tail = line[end:] + newline
        if not newline:
            break
    pieces.append(HARD * len(tail))
    view = "".join(pieces)
    assert len(view) == len(text), "the view must keep every offset"
    if raw_spans is not None:
        raw_spans += blocks.raw_spans
    return view


def _line_start(text: str, line: int) -> int:
    """The offset where 1-based `line` starts; past the end when the text is shorter."""
    position = 0
    for _ in range(line - 1):
        found = text.find("\n", position)
        if found < 0:
            return len(text) + 1
        position = found + 1
    return position


def _soft(tail: str) -> str:
    """A line break inside a paragraph: the break stays, what stood around it is a space."""
    if tail == "\n":
        return tail
    return _SOFT_TAIL.sub(" ", tail.replace(HARD, " "))


def _prose_run_end(text: str, position: int, in_paragraph: bool, strict_column: int) -> int:
    """Where the run of blank and plain prose lines that starts at `position` ends. In
    an admonition, details or tab whose content starts at `strict_column`, a paragraph
    goes on only on lines indented that far (a line less indented ends the container,
    which `_Blocks.classify` works out)."""
    if in_paragraph:
        if strict_column:
            return _indented_continuations(strict_column).match(text, position).end()
        position = _CONTINUATIONS.match(text, position).end()
    return _PLAIN_LINES.match(text, position).end()


@lru_cache(maxsize=16)
def _indented_continuations(column: int) -> re.Pattern[str]:
    return re.compile(rf"(?: {{{column}}}{_LAZY_LINE}{_LINE_END})*")


def _bulk_prose(
    text: str, start: int, end: int, tail: str, blocks: _Blocks, pieces: list[str]
) -> str:
    """Write the view of the plain lines in `text[start:end]` and update `blocks` as
    `classify` would have; returns the tail of the last line, not yet written."""
    first_blank = _is_blank_line(text, start)
    continues = not first_blank and blocks.previous == "paragraph"
    if not continues:
        blocks.quote_depth = 0
    pieces.append(_soft(tail) if continues else HARD * len(tail))
    last_start = text.rfind("\n", start, end - 1) + 1 or start
    last_end = end - 1 if text[end - 1] == "\n" else end
    if _is_blank_line(text, last_start, last_end):
        body_end = end
        blocks.previous = "blank"
    else:
        body_end = last_end - 1 if text[last_end - 1] == "\r" else last_end
        blocks.previous = "paragraph"
    if blocks.in_code and not _ONLY_BLANK_LINES.fullmatch(text, start, end):
        blocks.in_code = False
    if (len(blocks.containers) > 1 or blocks.quote_containers is not None) and (
        (not first_blank and not continues) or _BLANK_BEFORE_PROSE.search(text, start, end)
    ):
        blocks.end_quote()
        blocks.close_from(1)  # a paragraph at column 0 closes every container and quote
    if (blocks.chunk_column or blocks.chunk_is_list) and (
        not continues or _BLANK_BEFORE_PROSE.search(text, start, end)
    ):
        blocks.chunk_column = 0  # a paragraph starts at the margin
        blocks.chunk_is_list = False
    if blocks.previous == "blank":
        blocks.chunk_is_list = False  # a blank line ends the block
    if first_blank:  # blank lines at the start, then prose or nothing
        leading = _LEADING_BLANK_LINES.match(text, start, body_end).end()
        pieces.append(HARD * (leading - start))
        start = leading
    body = text[start:body_end]
    if "\r" in body:
        body = _BLANK_RUNS_CRLF.sub(_hard, body).replace("\r\n", " \n")
    elif "\n" in body:
        body = _BLANK_RUNS.sub(_hard, body)
    if "\t" in body:
        body = _INDENTS.sub(lambda indent: indent.group().replace("\t", " "), body)
    pieces.append(body)
    return text[body_end:end]


def _is_blank_line(text: str, start: int, end: int | None = None) -> bool:
    """Whether the line at `start` (a line of a prose run: blank, or not starting with a
    block mark) is blank; its first character nearly always says."""
    if start == end or start == len(text):
        return True
    first = text[start]
    if first == "\n":
        return True
    if first not in " \t\r":
        return False
    if end is None:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
    return _BLANK_LINE.fullmatch(text, start, end) is not None


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
