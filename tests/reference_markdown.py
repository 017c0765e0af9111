"""FROZEN REFERENCE for tests/test_markdown_differential.py: markdown.py as it was before
the bulk block pass and the literal-first inline pattern (commit 506e906). The engine's
extraction must give exactly what this gives. Edit it only when what Python-Markdown
renders is read anew, and say so here. Since then: a link's destination runs to its
closing parenthesis, spaces included (`[a](b c)` links to "b c"); underscores inside a
word are text, not emphasis ("victim_id"); a character reference is read as its
character ("&amp;" as "&"); the lines of a raw HTML block get only the HTML part of the
inline pass. Read anew against Python-Markdown on 2026-12-01: an attribute list
(`*a*{: .c } b`) is a space between words, not a break; a quoted attribute value may hold
a `>`; a bare URL of any scheme (`git://`, `ssh://`) is masked; emphasis, an inline tag or
a link's destination inside a word ("**victim**hood", "[survivor](u)s") glues it (`GLUE`);
an inline `<script>` or `<style>` element is masked whole, as code is. Reviewed the same
day: only paired emphasis and text-level tags glue (not `<br>`, `<img>` or a lone `*`);
an attribute list after a space is shown as typed (a break); schemes are lower case.
Read anew on 2026-12-02: a run of text-level tags and comments that shows nothing glues
the word it stands in ("sex<b></b>slavery", "sex<!-- c -->slavery"), and so does `<wbr>`.
Read anew against the tables extension's source: a pipe inside a code span of a table
row is no cell border, and one after an escaped backslash (two backslashes) is one.
Read anew the same day: a reference to a character no reader sees (`&shy;`, `&#8203;`)
glues the word it stands in, as a soft hyphen or zero-width space written as itself does
in the matcher ("vag&shy;rant" reads "vagrant"). Read anew on 2026-12-05: the rest of
a reference to a character that shows (`&amp;` but its `&`) glues too, as nothing is
shown there ("AT&amp;T" reads "AT&T"; it was spaces, which split the word). Read anew
the same day: a reference to an underscore (`&lowbar;`) is text, never emphasis, and
reads as the escaped `\\_` does ("homeless&lowbar;person" is one word). Read anew on
2026-12-05 (differential fuzzing): a backslash escapes only Python-Markdown's
`ESCAPED_CHARS` and the tables extension's `|`; "\\<b>" is a backslash, then a tag.
Read anew on 2026-12-06 (its `HTML_RE`): a comment holds no other `<!--`, so the last
`<!--` before a `-->` opens the one hidden, what comes before it is text ("a<!--<!---->"
shows "a<!--"); and if that `<!--` shares the `-->`'s dashes ("a <!-- b <!-->"), none is.
Python-Markdown reads escapes and code spans before comments: a `-->` or `<!--` in a code
span (`<!-- a `-->` b -->`) is code, not the comment's. Read anew on 2026-12-06 (its
html.parser, against test_published_comments): a `--!>` ends a comment too (`a <!-- b
--!> c` shows "a" and "c"), unless a code span read past holds a `-->` or `--!>`, which
html.parser ends the comment at, code or not (`<!-- a `b --> c` d --!>` is published).
Read anew the same day: where a fence interrupts a paragraph that goes on after it,
superfences leaves a placeholder line in the paragraph, and a code span or comment
opened before the fence may end after it (`a `b`, a fence, `c` d`: b and c are code).
Read anew on 2026-12-06 (html.parser and a browser, reading the raw HTML block that
Python-Markdown publishes verbatim): a comment in raw HTML runs from a `<!--` to the first
`-->` or `--!>` after it, over the block's lines (`<div><!--`, then `-->`, shows nothing),
backticks protecting nothing; the rest of each line is still read on its own.
Read anew on 2026-12-07 (its inline patterns' order): after `<!-->` or `<!--->` in text,
the code spans, escapes and links Python-Markdown reads before its HTML pattern are
Markdown's (`a<!--> [b](c) d-->` shows "b", not "c"), and the rest is read as text is.
Read anew the same day (a browser, reading the raw HTML block Python-Markdown publishes
verbatim): a `<pre>`, `<code>` or `<script>` element in raw HTML is hidden over the block's
lines too (`<div><pre>a`, then `b</pre>`), after its comments. Read anew the same day
(Python-Markdown's output for it): over the block's blank lines too (`<div><pre>a`, a blank
line, `b</pre>`: neither is shown as prose; they were read apart).

What each line is (`markdown.blocks.Blocks.classify`) is the engine's own: the block rules are read
against Python-Markdown directly (test_markdown.py, test_markdown_agreement.py), and two
copies of them only had to be changed together. What this reference still holds apart is
what the engine does faster: the line-by-line pass here against the engine's bulk pass
over runs of plain lines, and the inline pattern here against the engine's.

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
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from coalition_handbook.forms import INVISIBLE_CHARACTERS
from coalition_handbook.markdown.blocks import Blocks as _Blocks
from coalition_handbook.markdown.top_level_domains import TOP_LEVEL_DOMAINS

HARD = "\x00"
GLUE = "\x01"

_SOFT_TAIL = re.compile(r"[^\n]")

# A step of a comment's body: Python-Markdown reads escapes and code spans before comments,
# so a `-->` or `<!--` in a code span is code; a run of backticks that closes none is text.
_COMMENT_STEP = (
    r"(?>\\[\\`]|`(?P<comment_ticks>`*)(?!`)[^\x00]*?(?<!`)`(?P=comment_ticks)(?!`)|[^\x00])"
)
_COMMENT_STEPS = re.compile(_COMMENT_STEP)
# A comment: its steps, one a code span that holds a `-->` or `--!>` (`closed_code`, read
# first: atomic, no other reading of the span is tried), then a `-->`, or a `--!>` if no
# such span was read past.
_COMMENT = (
    r"<!--(?:(?>\\[\\`]|`(?P<closing_ticks>`*)(?!`)(?:(?!(?<!`)`(?P=closing_ticks)(?!`))[^\x00])*?"
    r"--!?>[^\x00]*?(?<!`)`(?P=closing_ticks)(?!`)(?P<closed_code>)"
    r"|`(?P<comment_ticks>`*)(?!`)[^\x00]*?(?<!`)`(?P=comment_ticks)(?!`)|[^\x00]))*?"
    r"(?:-->|(?(closed_code)(?!)|--!>))"
)

# The lookahead names every first character up front, so the engine skips plain prose
# quickly (eight times faster than trying each alternative at every position).
_INLINE = re.compile(
    r"""
    (?=[\\`<\]\[{&])
    (?:(?P<escape>\\[\\`*_{}\[\]()>\#+\-.!|])
    |(?P<code>(?P<ticks>`+)(?!`)[^\x00]*?(?<!`)(?P=ticks)(?!`))
    |(?P<comment>COMMENT)
    |(?P<autolink><(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>\x00]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>)
    |(?P<raw_code><(?P<code_tag>(?ai:code|kbd|pre|samp|script|style))(?![\w-])[^<>\x00]*>[^\x00]*?</(?ai:(?P=code_tag))\s*>)
    |(?P<tag></?(?P<tag_name>[A-Za-z][\w-]*)(?:\s(?:[^<>"'\x00]|"[^"\x00]*"|'[^'\x00]*')*?)?/?>)
    |(?P<destination>\]\([^()\x00]*(?:\([^()\x00]*\)[^()\x00]*)*\))
    |(?P<reference>\]\[[^\]\x00]*\])
    |(?P<footnote>\[\^[^\]\x00\s]+\])
    |(?P<attributes>\{:?[ \t]*(?:[#.][\w-]|[\w-]+=)[^}\x00\n]*\})
    |(?P<entity>&(?:\#\d{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});))
    """.replace("COMMENT", _COMMENT),
    re.VERBOSE,
)
_URL = re.compile(
    r"(?:(?<![\w+.-])(?:[a-z][a-z0-9+.]{0,31}|[A-Z][A-Z0-9+.]{0,31})://|(?<!\w)(?:www|WWW)\.)"
    r"[^\s<>\x00]*[^\s<>\x00.,;:!?'\")\]]"
)
# A web address without its scheme: a host that starts a word, then a path.
_DOMAINS = "|".join(
    sorted((*TOP_LEVEL_DOMAINS, *map(str.upper, TOP_LEVEL_DOMAINS)), key=len, reverse=True)
)
_HOST_AND_PATH = re.compile(
    r"(?<![\w.@/:\\-])(?:[A-Za-z0-9][A-Za-z0-9-]{0,62}\.)(?:[A-Za-z0-9-]{1,63}\.){0,8}"
    rf"(?<=[A-Za-z0-9]\.)(?:{_DOMAINS})/"
    r"(?:[^\s<>\x00]*[^\s<>\x00.,;:!?'\")\]])?"
)
_EMAIL_LOCAL = re.compile(r"[\w.+-]+\Z")
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
_TAG_OR_COMMENT = (
    r"(?:/?(?:a|abbr|b|bdi|bdo|cite|data|del|dfn|em|i|ins|mark|q|s|small|span"
    r"|strong|sub|sup|time|u|var|wbr)(?![\w-])[^<>\x00\n]*>|!--(?:(?!-->)[^\x00\n]){0,200}-->)"
)
_MARKUP_BEFORE_LETTER = re.compile(
    r"(?:\*(?<=[^\W_]\*|[\u0300-\u036f]\*)\**"
    rf"|<(?<=[^\W_]<|[\u0300-\u036f]<){_TAG_OR_COMMENT}(?:<{_TAG_OR_COMMENT})*"
    r"|\](?<=[^\W_]\]|[\u0300-\u036f]\])\([^()\s\x00]*\))(?=[^\W_])"
)


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
    fences: list[tuple[int, int]] = []
    view = _mask_blocks(text, body_line, raw_spans, fences)
    # A fence a paragraph goes on across is a placeholder line in it, which the inline
    # markup reads across: read as the line breaks and spaces it is, then blanked.
    view = "".join(
        _SOFT_TAIL.sub(" ", text[start:end]) if (start, end) in fences else view[start:end]
        for start, end in _cuts(len(view), fences)
    )
    # Raw HTML shows Markdown as it is: its lines get only the HTML part of the pass.
    pieces: list[str] = []
    previous = 0
    view = _hide_raw_comments(view, _raw_blocks(text, raw_spans))
    for start, end in raw_spans:
        pieces += (mask_inline(view[previous:start]), _mask_raw_html(view[start:end]))
        previous = end
    pieces.append(mask_inline(view[previous:]))
    masked = "".join(pieces)
    return "".join(
        HARD * (end - start) if (start, end) in fences else masked[start:end]
        for start, end in _cuts(len(view), fences)
    )


def _cuts(length: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the spans, in order, and of the text between them."""
    cuts: list[tuple[int, int]] = []
    previous = 0
    for start, end in spans:
        cuts += [(previous, start), (start, end)]
        previous = end
    return [*cuts, (previous, length)]


def mask_inline(view: str) -> str:
    """Blank the inline markup of text whose blocks are already separated by `HARD`."""
    return _mask_inline(view, _inline_replacement)


def _raw_blocks(text: str, raw_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The raw spans, those with only white space of `text` between them (line breaks,
    indentation, blank lines: the lines of one raw HTML block) made one."""
    blocks: list[tuple[int, int]] = []
    for start, end in raw_spans:
        if blocks and text[blocks[-1][1] : start].isspace():
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks


def _hide_raw_comments(view: str, blocks: list[tuple[int, int]]) -> str:
    """`view` with the comments of each raw HTML block in `blocks` blanked (line breaks and
    `HARD` kept) as a browser reads them, over the block's lines too. Each line is then
    read on its own (`_mask_raw_html`): code spans and link syntax end with their line."""
    pieces: list[str] = []
    previous = 0
    for start, end in blocks:
        block = _RAW_COMMENT.sub(_raw_comment, view[start:end])
        pieces += (view[previous:start], _hide_raw_code(block))
        previous = end
    pieces.append(view[previous:])
    return "".join(pieces)


def _raw_comment(found: re.Match[str]) -> str:
    return found.group("tag") or re.sub(r"[^\n\x00]", " ", found.group())


# Read anew on 2026-12-06 (html.parser and a browser, which read a raw HTML block as
# Python-Markdown publishes it, verbatim): a comment runs from a `<!--` to the first `-->`
# or `--!>` after it, over lines too, a later `<!--` in it being its text; `<!-->` and
# `<!--->` are empty comments; a backtick is text, so it protects no `-->`; a `<!--` in a
# start tag (an attribute value) is the tag's.
_RAW_COMMENT = re.compile(
    r"""(?P<tag><[a-zA-Z](?:[^>"'\x00]|"[^"\x00]*"|'[^'\x00]*')*>)|<!--(?:-?>|[\s\S]*?--!?>)"""
)
# Read anew on 2026-12-07: after its comments, a `<pre>`, `<code>`, `<script>` (...) element,
# whose text a browser shows as code or not at all, is hidden whole over the block's lines
# too (`<div><pre>a`, then `b</pre>`), its line breaks (`\r\n` too) as `HARD`, as in a
# paragraph; read anew the same day (Python-Markdown publishes the block verbatim, blank
# lines and all): over its blank lines too (`HARD` in the view).
_RAW_CODE_OVER_LINES = re.compile(
    r"<(?P<code_tag>(?ai:code|kbd|pre|samp|script|style))(?![\w-])[^<>\x00]*>"
    r"[\s\S]*?</(?ai:(?P=code_tag))\s*>"
)
# Read anew on 2026-12-07 (Chromium): a `<pre>` ends at the end tag of a block element open
# around it (`<div><pre>a</div>`, ``, `<div>b</pre></div>`: b is the second div's text),
# a `<kbd>` or `<samp>` at any element's; a `<code>` goes on (made again after it). Not at
# a `</form>` (read in Chromium, rv59c): it ends the form alone, the code element goes on.
_PRE_ENDS_AT = {"div", "section", "article", "aside", "blockquote", "details", "figure"}
_PRE_ENDS_AT |= {"footer", "header", "main", "nav", "ol", "ul", "li", "dl", "dd", "dt"}
_PRE_ENDS_AT |= {"table", "fieldset", "figcaption", "summary", "center", "address"}
_PRE_ENDS_AT |= {"button", "dialog", "dir", "hgroup", "listing", "menu", "search"}
_PRE_ENDS_AT |= {f"h{level}" for level in range(1, 7)}
_END_TAG = re.compile(r"</([a-zA-Z][^\s/>]*)\s*>")
_RAW_CODE_START_TAG = re.compile(
    r"<(?P<code_tag>(?ai:code|kbd|pre|samp|script|style))(?![\w-])[^<>\x00]*>"
)


def _hide_raw_code(block: str) -> str:
    """`block` with each code element hidden (`HARD`): up to its close
    (`_RAW_CODE_OVER_LINES`), a `<pre>`, `<kbd>` or `<samp>` up to an end tag before it
    that ends it early, if one does (one never closed is text, as before)."""
    pieces: list[str] = []
    position = search = 0
    while (found := _RAW_CODE_START_TAG.search(block, search)) is not None:
        name = found.group("code_tag").lower()
        closed = _RAW_CODE_OVER_LINES.match(block, found.start())
        end = closed.end() if closed else -1
        if name in ("pre", "kbd", "samp"):
            before = block[: found.start()].lower()
            for closing in _END_TAG.finditer(block, found.end(), end if closed else found.end()):
                around = closing.group(1).lower()
                if around == "form" or (name == "pre" and around not in _PRE_ENDS_AT):
                    continue
                opened = re.compile(rf"<{around}(?![\w-])")
                inside = block[found.end() : closing.start()].lower()
                if len(opened.findall(before)) > before.count(f"</{around}") and len(
                    opened.findall(inside)
                ) <= inside.count(f"</{around}"):
                    end = closing.end()
                    break
        if end < 0:
            search = found.end()
            continue
        pieces += (block[position : found.start()], HARD * (end - found.start()))
        position = search = end
    pieces.append(block[position:])
    return "".join(pieces)


def _mask_raw_html(view: str) -> str:
    """`mask_inline` for the lines of a raw HTML block: tags, comments, character
    references, addresses; code spans and link syntax are text there."""
    # A browser ends `<!-->` and `<!--->` at once: an empty comment, where no comment
    # read above holds it (its end's dashes on another line, `<!--> ` then `-->`).
    return _EMPTY_COMMENT.sub(_hard_blank, _mask_inline(view, _raw_html_replacement))


_EMPTY_COMMENT = re.compile(r"<!---?>")


def _hard_blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def _raw_html_replacement(match: re.Match[str]) -> str:
    if match.lastgroup in _MARKDOWN_ONLY:
        return match.group()
    return _inline_replacement(match)


# The kinds of inline markup that Markdown makes and raw HTML does not.
_MARKDOWN_ONLY = frozenset({"escape", "code", "destination", "reference", "footnote", "attributes"})


def _mask_inline(view: str, replacement: Callable[[re.Match[str]], str]) -> str:
    if not view:
        return view
    masked = _INLINE.sub(replacement, view)
    if "://" in masked or "www." in masked or "WWW." in masked:
        masked = _URL.sub(_hard, masked)
    if "/" in masked:
        masked = _HOST_AND_PATH.sub(_hard, masked)
    if "@" in masked:
        masked = _mask_emails(masked)
    masked = _EMPHASIS_UNDERSCORES.sub(lambda marks: " " * len(marks.group()), masked)
    return _glue_words(view, masked.translate(_MARKS))


def _glue_words(view: str, masked: str) -> str:
    characters = list(masked)
    for markup in _MARKUP_BEFORE_LETTER.finditer(view):
        start, end = markup.span()
        if (
            start
            and _letter_or_mark(masked[start - 1])
            and _letter_or_mark(masked[end])
            and set(masked[start:end]) == {" "}
            and (view[start] != "*" or _has_partner(view, start, end))
        ):
            characters[start:end] = GLUE * (end - start)
    return "".join(characters)


def _letter_or_mark(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


def _has_partner(view: str, start: int, end: int) -> bool:
    paragraph = view.split(HARD)[view.count(HARD, 0, start)]
    runs = re.findall(r"\*+", paragraph)
    return runs.count("*" * (end - start)) >= 2


def _hard(match: re.Match[str]) -> str:
    return HARD * (match.end() - match.start())


def _blank(found: str) -> str:
    return re.sub(r"[^\n]", " ", found)


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
        return HARD * len(found)
    if kind == "comment":
        inner = -1
        close = len(found) - (4 if found.endswith("--!>") else 3)
        for step in _COMMENT_STEPS.finditer(found, 4, close):
            if found.startswith("<!--", step.start()):
                inner = step.start()
        if inner > 0:
            return found if inner + 4 > close else found[:inner] + _blank(found[inner:])
        if found.startswith(("<!-->", "<!--->")):
            # Read anew on 2026-12-06: Python-Markdown publishes the comment whole, and a
            # browser ends `<!-->` or `<!--->` at once, reading the rest as HTML. Read anew
            # on 2026-12-07: its code spans, escapes and links, read before the comment,
            # are Markdown's there (`<!--> [a](b)-->` shows a link), the rest read as text
            # is, `](b)` and attribute lists blanked as the text around reads them.
            opener = 5 if found.startswith("<!-->") else 6
            rest = _mask_inline(found[opener:], _inline_replacement)
            return " " * opener + _EMPTY_COMMENT.sub(_hard_blank, rest)
    if kind in ("destination", "tag", "reference", "comment", "attributes"):
        return re.sub(r"[^\n]", " ", found)
    if kind == "entity":
        if found in _NBSP_ENTITIES or html.unescape(found).isspace():
            return " " * len(found)
        if len(html.unescape(found)) == 1 and html.unescape(found) in INVISIBLE_CHARACTERS:
            return GLUE * len(found)  # "vag&shy;rant" reads "vagrant", as shown
        # A character written as a reference ("&amp;" in "Hotel &amp; Lodging") is read
        # as that character, the rest of the reference as nothing (`GLUE`) where a word
        # goes on after it: "AT&amp;T" reads "AT&T", as shown, not "AT&" and "T". Before
        # a space, a line's end or the text's end, as spaces: the same to every check,
        # and a view without `GLUE` is read on the fast paths.
        character = html.unescape(found)
        if character == "_":
            # Text, never emphasis, as in Python-Markdown: "homeless&lowbar;person" shows
            # one word "homeless_person". Underscores all through, as the escape's two
            # are: inside a word they stay a letter of it (`_EMPHASIS_UNDERSCORES`).
            return "_" * len(found)
        if len(character) == 1 and not character.isspace() and character != HARD:
            following = match.string[match.end() : match.end() + 1]
            rest = " " if not following or following.isspace() else GLUE
            return character + rest * (len(found) - 1)
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


def _mask_blocks(
    text: str,
    body_line: int,
    raw_spans: list[tuple[int, int]] | None = None,
    fences: list[tuple[int, int]] | None = None,
) -> str:
    lines = text.split("\n")
    blocks = _Blocks()
    blocks.text = text
    pieces: list[str] = []
    tail = ""  # the end of the previous prose line ("\r\n", a closing quote...), not yet written
    last = len(lines) - 1
    # (where the break before it starts, where the line after its closing line starts) of
    # the last fence opened on a line going on from a paragraph.
    fence = (-1, -1)
    for number, line in enumerate(lines):
        newline = "\n" if number < last else ""
        prose = None
        line_start = blocks.next_offset
        blocks.next_offset += len(line) + 1
        if number + 1 >= body_line:
            in_paragraph = blocks.previous == "paragraph" and blocks.fence is None
            prose = blocks.classify(line, lines[number + 1] if number < last else None)
            if in_paragraph and blocks.fence is not None and prose is None:
                closing_end = text.find("\n", blocks.fence_close)
                fence = (line_start - len(tail), closing_end + 1 if closing_end >= 0 else len(text))
        if prose is None:
            pieces.append(HARD * (len(tail) + len(line) + len(newline)))
            tail = ""
            continue
        start, end, continues = prose
        if continues and line_start == fence[1] and fences is not None:
            fences.append(fence)  # the paragraph goes on across the fence
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


def _table_cells(row: str) -> str:
    """Cell borders are hard breaks. The tables extension's `TableProcessor._split`,
    written out: a pipe escaped, or between a run of backticks and the next run as long
    (an escaped run opens with one backtick fewer), is text."""
    ticks: list[tuple[int, int, int]] = []  # (start, last, length it opens or closes)
    escapes: list[int] = []
    pipes: list[int] = []
    for token in re.finditer(r"(\\\\)|(\\`+)|(`+)|(\\\|)|(\|)", row):
        if token.group(2):
            ticks.append((token.start(2), token.end(2) - 1, len(token.group(2)) - 1))
            escapes.append(1)
        elif token.group(3):
            ticks.append((token.start(3), token.end(3) - 1, len(token.group(3))))
            escapes.append(0)
        elif token.group(5):
            pipes.append(token.start(5))
    regions: list[tuple[int, int]] = []
    position = 0
    while position < len(ticks):
        size = ticks[position][2] - escapes[position]
        later = [tick[2] for tick in ticks[position + 1 :]]
        if size == 0 or size not in later:
            position += 1
            continue
        closer = position + 1 + later.index(size)
        regions.append((ticks[position][0], ticks[closer][1]))
        position = closer + 1
    cells = list(row)
    for pipe in pipes:
        if not any(start <= pipe <= last for start, last in regions):
            cells[pipe] = HARD
    return "".join(cells)
