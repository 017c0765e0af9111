"""markdown.nesting: lists, quotes or admonitions nested deeper than the site and the
handouts can render, and brackets left open or nested by the thousand.

Python-Markdown reads each level of a nested list or admonition by calling itself again,
and WeasyPrint lays out each level of the HTML it makes so too: a few hundred levels of a
list exhaust Python's stack in the first, about a hundred in the second (a quote or an
admonition a little more). The page, or the term page or handout a definition or protocol
text goes into, then ends the build in a traceback (DESIGN section 11). No handbook nests
so deep on purpose; a converted document or a script might. The check names the first
line too deep in each text, so the build stops before that. A handout lays out all the
elements of its module's text, HTML's too, and far fewer than the site can:
`handout_nesting` holds the modules to that.

Brackets cost time instead: Python-Markdown reads from each `[` (and each `(` of a link's
address) to the one that closes it, or to its block's end if none does, so a paragraph
of a few thousand open or nested brackets takes minutes to render (50,000 of them, 230
KB, took 14 minutes), while the checks read it in a second. The check adds up those
distances over a text's paragraphs, in linear time, and names the first bracket of the
paragraph where they pass a few seconds' reading.

Tags left open cost time alike, in Python-Markdown's HTML reader, which reads the whole
text before the blocks are parsed: from each `<` and a letter it reads on for the tag's
end, over blank lines too, up to a `>` outside quotes. Where it finds none before the
text's end, it takes the `<` as text and reads again from the next one: a paragraph of
20,000 `<a ` (60 KB) took two minutes to build, a backslash before each `<` changes
nothing, and `&lt;` or code does. The check reads each tag's end once, in linear time, as
that reader does (`_START_TAG`), and names the first `<` of the tag left open where the
reading adds up past about ten seconds' worth. `</`, `<!` and `<?` take nothing like that
time: the reader gives up on them at once, or looks for their end once.

HTML that Markdown is read in (a tag with a `markdown` attribute, md_in_html) nests on
Python's stack: Python-Markdown reads each element in it by calling itself again, three
calls deep for an element with the attribute and one for any other, so `<div markdown>`
some 330 deep, or one holding some 990 `<div>` (or `<li>` left unclosed), ends the build
in a RecursionError (fuzzing). Which elements nest is its reader's to say: it nests only
block-level tags that start a line (an inline one, or one in mid-line, is text to it,
and so is its end tag), and knows none of the end tags HTML lets a page leave out
(`<td>`, `<dd>`, `<option>` left unclosed nest): no model of ours matched it in every
case (reviews). So a text where that many may be open at once (more than
`_SUSPICIOUS_DEPTH`, by a linear reading that counts more where unsure, `_most_open`)
is rendered by Python-Markdown with the site's extensions, given the part of the stack a
build leaves it (`stack_room`); where it runs out, the outermost block its reader nests
deepest is named. Most texts are not rendered, and a term's never: its definition and
short show their tags as text on its page, in tooltips and in handouts, so nothing nests.

A character reference of more than 4,300 digits (`&#` and a number no character has)
ends the build alike: MkDocs reads each page's HTML with `html.parser`, which reads the
number with `int()`, and Python refuses more digits than that (fuzzing). Only fenced code
is set aside before that reader runs; inline and indented code are read too.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Callable, Iterator
from itertools import chain

from markdown.util import BLOCK_LEVEL_ELEMENTS

from ..documents import CheckedText, scan_handbook
from ..findings import Finding
from ..markdown import HARD, checkable_text, without_fenced_code
from ..markdown.block_pass import mask_blocks
from ..stack_room import deepest_markdown_block, renders_within_the_stack
from .base import CheckContext

RULE = "markdown.nesting"

# The deepest nesting reported as fine: a handout renders about 90 levels of a list (the
# site over 200), and a build's own calls take their share of the stack before it does.
MAX_DEPTH = 50

_MARKER = r"(?:[-*+]|\d{1,9}[.)])[ \t]"
# A line that may be nested deeper than MAX_DEPTH: each level takes at least one
# character of indentation or markers at its start (a tab, `>` or `- `), so it starts with
# more than MAX_DEPTH of them. Looked for after each line break, which the search finds at
# C speed, with one character class: alternatives cost twice as much at every line.
_LINE_START = rf"[ \t>*+\-.)0-9]{{{MAX_DEPTH + 1}}}"
_DEEP_FIRST_LINE = re.compile(_LINE_START)
_DEEP_LINE = re.compile(rf"\n{_LINE_START}")
# A line's indentation (a quote's `>` in it) and the list markers after it.
_PREFIX = re.compile(rf"([ \t>]*+)((?:{_MARKER}[ \t>]*+)*)")
_LIST_MARKER = re.compile(_MARKER)
_QUOTE_MARK = re.compile(r"> ?")  # a quote's `>`, and the one space it takes with it


# The most reading from brackets to their ends that one paragraph may ask of
# Python-Markdown: about three seconds of rendering on a slow machine (2,000 nested
# pairs, 4,000,000 characters read, took 0.9 s).
MAX_BRACKET_READING = 10_000_000
_PARAGRAPH_BREAK = re.compile(r"(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)")
# A line break, and one before a list item or a heading, within a paragraph's text.
_LINE_BREAK = re.compile(r"\r\n?|\n")
_ITEM_OR_HEADING = re.compile(rf"(?:\r\n?|\n)(?=[ \t>]*(?:{_MARKER}|#))")
_HEADING = re.compile(r"(?:\r\n?|\n)(?=[ \t>]*#)")
_LIST_ITEM = re.compile(rf"[ \t>]*{_MARKER}")
# A table's rule line: pipes, dashes and colons (`|---|:---:|`, `--- | ---`).
_TABLE_RULE = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?")
_BRACKET = re.compile(r"[\[\]()]")


# The most reading for tags' ends that one text may ask of Python-Markdown: about ten
# seconds of rendering on a slow machine (its reader read 9 to 20 million characters a
# second in `<a ` and its variants: `x <a ` 8,000 times, 160,000,000 read, took 18 s;
# 500 lines of comparisons, `x<y, i<n`, 28,000,000 read, took 1.8 s, and a build stopped
# for them: review). The time grows with the square of the tags: twice the lines, 7 s.
MAX_TAG_READING = 100_000_000
_TAG_OPENER = re.compile(r"<[a-zA-Z]")
# How far Python-Markdown's HTML reader reads a start tag: html.parser's
# `locatestarttagend_tolerant` as markdown/htmlparser.py (3.6 on) has it, backticks left
# out of names and bare values. All after the tag's name may match nothing: it never fails.
_START_TAG = re.compile(
    r"""
  <[a-zA-Z][^`\t\n\r\f />\x00]*       # tag name
  (?:[\s/]*                           # optional whitespace before attribute name
    (?:(?<=['"\s/])[^`\s/>][^\s/=>]*  # attribute name
      (?:\s*=+\s*                     # value indicator
        (?:'[^']*'                    # LITA-enclosed value
          |"[^"]*"                    # LIT-enclosed value
          |(?!['"])[^`>\s]*           # bare value
         )
         (?:\s*,)*                    # possibly followed by a comma
       )?(?:\s|/(?!>))*
     )*
   )?
  \s*                                 # trailing whitespace
""",
    re.VERBOSE,
)
# What follows a start tag's reading when the reader takes it as left open (html.parser's
# `check_for_whole_start_tag`): the text's end, a letter, `=` or a `/` without `>`.
_LEFT_OPEN_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ=/")


def check(context: CheckContext) -> Iterator[Finding]:
    for document in scan_handbook(context):
        for spans, message in _PROBLEMS:
            if spans is _deep_markdown_html and document.kind == "term":
                # A term's texts show their tags as text (`definition_as_shown`; a short
                # is plain text): no element of HTML nests in them, however many.
                continue
            for line, column, found in document.located(lambda text, _, spans=spans: spans(text)):
                yield context.finding(RULE, document.path, line, column, message, found=found)


def too_costly_to_render(markdown: str) -> bool:
    """Whether Python-Markdown would run out of stack or take minutes rendering
    `markdown` (a finding of this rule's in it): for what renders a text the check may
    not have passed, such as `handbook diff`. In linear time, but for the rare text that
    may nest HTML Markdown is read in too deep, which Python-Markdown renders to know."""
    text = CheckedText(path="", key="", source=markdown, view=checkable_text(markdown))
    return any(next(spans(text), None) is not None for spans, _ in _PROBLEMS)


def _too_deep(text: CheckedText) -> Iterator[tuple[int, int]]:
    """(start, end) of where the markup of the first line of `text` nested deeper than
    MAX_DEPTH starts, if any: one finding a text is enough to say what to mend."""
    markdown = text.markdown
    if markdown is None:
        return
    first_line = [0] if _DEEP_FIRST_LINE.match(markdown) else []
    for line_start in chain(
        first_line, (found.start() + 1 for found in _DEEP_LINE.finditer(markdown))
    ):
        prefix = _PREFIX.match(markdown, line_start)
        assert prefix is not None  # it matches the empty string
        indent, markers = prefix.groups()
        # A level is an indent of four columns (a tab reaches the next multiple of four),
        # a quote's `>` or a list marker.
        quotes = indent.count(">") + markers.count(">")  # before and after list markers
        columns = len(_QUOTE_MARK.sub("", indent).expandtabs(4))
        if columns // 4 + quotes + len(_LIST_MARKER.findall(markers)) > MAX_DEPTH:
            # Where the line's markup starts: a list's marker, or its first `>`.
            first = line_start + len(indent) - len(indent.lstrip(" \t"))
            yield first, first + 1
            return


def _slow_brackets(text: CheckedText) -> Iterator[tuple[int, int]]:
    """(start, end) of the first bracket of the paragraph of `text` at which its brackets
    have had Python-Markdown read more than MAX_BRACKET_READING characters in all beyond
    their own (see the module's docstring), if they do: many slow paragraphs are as slow
    as one. Left out: brackets in code and in raw HTML blocks, where no link is looked
    for."""
    markdown = text.markdown
    if markdown is None:
        return
    openers = markdown.count("[") + markdown.count("(")
    if openers * len(markdown) <= MAX_BRACKET_READING:  # the most they could read: most texts
        return
    view = text.view
    raw_html: list[tuple[int, int]] = []
    if "<" in markdown:
        mask_blocks(markdown, 1, raw_html)  # Python-Markdown's raw HTML blocks, line by line
    raw_starts = [start for start, _ in raw_html]
    reading = 0
    start = 0
    for paragraph_break in chain(_PARAGRAPH_BREAK.finditer(markdown), (None,)):
        end = paragraph_break.start() if paragraph_break else len(markdown)
        first, paragraph_reading = _bracket_reading(
            markdown, view, start, end, raw_html, raw_starts
        )
        reading += paragraph_reading
        if reading > MAX_BRACKET_READING and first is not None:
            yield first, first + 1
            return
        start = paragraph_break.end() if paragraph_break else end


def _bracket_reading(
    markdown: str,
    view: str,
    start: int,
    end: int,
    raw_html: list[tuple[int, int]],
    raw_starts: list[int],
) -> tuple[int | None, int]:
    """(offset of the first bracket, characters read beyond the brackets' own) of
    `markdown[start:end]`, one paragraph. A link's brackets and address cost their length
    however many a page holds; what costs more is a bracket nested in another (read again
    for each around it) and one left open (read on to its block's end)."""
    brackets: list[int] = []  # offsets of the `[` still open
    parentheses: list[int] = []  # of the `(` of a link's address, and those inside it
    reading = 0
    first: int | None = None
    for found in _BRACKET.finditer(markdown, start, end):
        at = found.start()
        if view[at] == HARD or (at and markdown[at - 1] == "\\"):
            continue  # in code, or escaped: no link starts or ends there
        if _in_spans(at, raw_html, raw_starts):
            continue
        char = markdown[at]
        if char == "[":
            brackets.append(at)
            first = at if first is None else first
        elif char == "]":
            if brackets:
                opened = brackets.pop()
                if brackets:  # inside another: read again for it
                    reading += at - opened
            if markdown.startswith("(", at + 1):
                parentheses.append(at + 1)
        elif char == "(" and parentheses and parentheses[-1] != at:
            parentheses.append(at)
        elif char == ")" and parentheses:
            opened = parentheses.pop()
            if parentheses:
                reading += at - opened
    if brackets or parentheses:
        block_ends = _block_ends(markdown, start, end)
        for at in chain(brackets, parentheses):
            following = bisect.bisect_right(block_ends, at)
            reading += (block_ends[following] if following < len(block_ends) else end) - at
    return first, reading


def _block_ends(markdown: str, start: int, end: int) -> list[int]:
    """Where the blocks that Python-Markdown reads one by one end within the paragraph
    `markdown[start:end]` (its end aside): each of its lines, in a table (its second line
    a table's rule); before each item, in a list (its first line an item); before each
    heading line."""
    line_ends = [found.start() for found in _LINE_BREAK.finditer(markdown, start, end)]
    if line_ends:
        second_line = markdown[line_ends[0] : line_ends[1] if len(line_ends) > 1 else end]
        if _TABLE_RULE.fullmatch(second_line.strip()):
            return line_ends
    item_or_heading = _ITEM_OR_HEADING if _LIST_ITEM.match(markdown, start) else _HEADING
    return [found.start() for found in item_or_heading.finditer(markdown, start, end)]


def _slow_tags(text: CheckedText) -> Iterator[tuple[int, int]]:
    """(start, end) of the first `<` of the tag left open at which Python-Markdown's HTML
    reader has read more than MAX_TAG_READING characters in all for the ends of the
    text's tags (see the module's docstring), if it does. Left out: fenced code, which
    Python-Markdown sets aside before that reader runs."""
    markdown = text.markdown
    if markdown is None or "<" not in markdown:
        return
    if markdown.count("<") * len(markdown) <= MAX_TAG_READING:  # the most: most texts
        return
    read = without_fenced_code(markdown)
    reading = 0
    tag_start = tag_end = 0  # the last tag read from its `<`
    left_open = False
    for found in _TAG_OPENER.finditer(read):
        at = found.start()
        if at >= tag_end:
            tag_start = at
            tag_end, left_open = _start_tag_end(read, at)
            reading += tag_end - at
        elif left_open:
            # The reader goes on from the `<` after the one it took as text, and reads
            # this one's tag as part of that one: to the same end.
            reading += tag_end - at
        # else: inside a tag read whole, which the reader went past
        if reading > MAX_TAG_READING:
            yield tag_start, tag_start + 1
            return


def _start_tag_end(text: str, start: int) -> tuple[int, bool]:
    """(where Python-Markdown's HTML reader stops reading the tag that opens at `start`,
    whether it takes the tag as left open): after its `>`, or where the tag ends."""
    match = _START_TAG.match(text, start)
    assert match is not None  # all after `<` and a letter may match nothing
    end = match.end()
    following = text[end : end + 1]
    if following == ">":
        return end + 1, False
    if text.startswith("/>", end):
        return end + 2, False
    return max(end, start + 1), not following or following in _LEFT_OPEN_BEFORE


# Where a start or end tag may open, and its name as the HTML reader reads it (up to a
# space, `/` or `>`). Only a name of letters, digits and `-` followed by a space, `/` or
# `>` names an element: an autolink (`<https://...>`, `<name@example.org>`) is none.
_TAG_OPENINGS = re.compile(r"</?[a-zA-Z]|<!--")
_TAG_NAME = re.compile(r"[a-zA-Z][^`\t\n\r\f />\x00]*")
# An end tag's name, as html.parser reads it (`tagfind_tolerant`): a backtick is part of
# it, so `</div`>` ends no `div`.
_END_TAG_NAME = re.compile(r"[a-zA-Z][^\t\n\r\f />\x00]*")
_ELEMENT_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*")
# Elements whose content the reader takes as text up to their end tag.
_RAW_TEXT = {"script": re.compile(r"</script", re.I), "style": re.compile(r"</style", re.I)}


def _tags(
    text: str, raw_after: Callable[[int], bool], comment_at: Callable[[int], bool]
) -> Iterator[tuple[int, bool, str, str]]:
    """Each start or end tag of `text` that names an element (`<div markdown="1">`,
    `</div>`), as (where its `<` is, whether it ends an element, its name, what follows
    the name up to its `>`), as Python-Markdown's HTML reader reads them (`_START_TAG`):
    a `<` or `>` in a value, quoted or not, or in an attribute's name, is part of the tag
    (reviews rv14, rv16, rv17); a tag it takes as left open, or that ends in no `>`, is
    text, and so is every `<` it read for that tag's end, a comment, and the content of
    a script or style whose `<` is where `raw_after` says (rv18): md_in_html reads on
    into one in mid-line, as tags. A `<!--` where `comment_at` says not is read on from
    too. In linear time: each character is read for one tag."""
    tag_end = 0
    no_end_after: dict[str, int] = {}  # past this, the text holds no such end
    for opening in _TAG_OPENINGS.finditer(text):
        at = opening.start()
        if at < tag_end:
            continue  # inside a tag read whole, or read as text
        if opening[0] == "<!--":
            if not comment_at(at):
                tag_end = at + 4
                continue
            end = _find_once(text, "-->", at + 4, no_end_after)
            tag_end = at + 4 if end < 0 else end + 3  # unclosed: `<!--` alone is text
            continue
        closing = text[at + 1] == "/"
        if closing:
            # The reader ends an end tag at the first `>`, whatever comes before it.
            end = _find_once(text, ">", at, no_end_after)
            if end < 0:
                continue
            tag_end = end + 1
            name = _END_TAG_NAME.match(text, at + 2)
        else:
            tag_end, left_open = _start_tag_end(text, at)
            if left_open or text[tag_end - 1] != ">":
                continue  # text to the reader
            name = _TAG_NAME.match(text, at + 1)
        assert name is not None  # a letter follows
        if not _ELEMENT_NAME.fullmatch(name[0]):
            continue
        yield at, closing, name[0], text[name.end() : tag_end - 1]
        raw_end = _RAW_TEXT.get(name[0].lower()) if not closing else None
        if raw_end is not None and raw_after(at):
            found = raw_end.search(text, tag_end)
            tag_end = len(text) if found is None else found.start()


def _find_once(text: str, end: str, start: int, none_after: dict[str, int]) -> int:
    """`text.find(end, start)`, remembering where one was not found: a text with many
    unclosed `</` or `<!--` is searched to its end once, not once for each."""
    if start >= none_after.get(end, len(text) + 1):
        return -1
    found = text.find(end, start)
    if found < 0:
        none_after[end] = start
    return found


# The elements md_in_html's reader may hold open (Python-Markdown's block-level ones),
# and what may come before one that starts a line.
_BLOCK_LEVEL = frozenset(BLOCK_LEVEL_ELEMENTS)
_BLOCK_START = re.compile(r" {0,3}")
# Elements open at once past which a text may be nested too deep for Python-Markdown,
# and is rendered to know: it calls itself at most three times for each (four counted),
# and four times for each of the 50 levels of lists that may be around them, well short
# of RENDER_FRAMES. And as many as surely are, if they are open: one call each is more
# than RENDER_FRAMES; the text up to there is rendered first (a text of thousands takes
# that reader a time growing with their square).
_SUSPICIOUS_DEPTH = 100
_SURELY_TOO_DEEP = 1_000


def _deep_markdown_html(text: CheckedText) -> Iterator[tuple[int, int]]:
    """(start, end) of the first tag of the block of HTML that Markdown is read in where
    Python-Markdown runs out of stack rendering `text`, if it does (see the module's
    docstring). Rendered only where it could: where more than `_SUSPICIOUS_DEPTH`
    elements may be open at once (`_most_open`), fenced code left out; and not where
    another of this rule's problems stops the build first (some would take minutes to
    render)."""
    markdown = text.markdown
    if markdown is None or "markdown" not in markdown.lower():
        return
    read = without_fenced_code(markdown)
    deepest, surely_too_deep, names = _most_open(read)
    if deepest <= _SUSPICIOUS_DEPTH:
        return
    others = (_too_deep, _slow_brackets, _slow_tags, _long_references)
    if any(next(spans(text), None) is not None for spans in others):
        return
    # First the text up to the line where that many may be open, if there is one, with
    # their end tags: if it fails, so does the whole (what follows nests in them).
    if surely_too_deep >= 0:
        cut = read.find("\n", surely_too_deep) + 1 or len(read)
        closing = "".join(f"</{name}>\n" for name in reversed(names))
        if not renders_within_the_stack(markdown[:cut] + closing):
            yield from _outermost_of_deepest(read[:cut] + closing)
            return
    if not renders_within_the_stack(markdown):
        yield from _outermost_of_deepest(read)


def _outermost_of_deepest(read: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the first tag of the block md_in_html's reader nests deepest in
    `read`, or of the line of its first `markdown` if none (not for want of stack in
    HTML, then, but a place to mend)."""
    block = deepest_markdown_block(read)
    if block is None:
        block = read.rfind("\n", 0, read.lower().find("markdown")) + 1
    yield block, block + 1


def _most_open(read: str) -> tuple[int, int, list[str]]:
    """(the most elements md_in_html's reader may hold open at once in `read`; where
    that first passes `_SURELY_TOO_DEEP`, -1 if it does not; the names of those open
    there, outermost first), in linear time. Never fewer than it holds, more where
    unsure. It opens an element for a block-level start tag that starts its line, or
    follows such a tag at once; one in mid-line (inline code too) it may open or take as
    text, so it counts. An end tag closes the elements opened since its element's start
    tag, if the reader opened it, which is sure for one that starts its line (review: an
    end tag it takes as text closed them here); otherwise none are closed."""
    open_tags: list[tuple[str, bool]] = []  # (name, whether the reader surely opened it)
    where: dict[str, list[int]] = {}  # each name's places in open_tags
    most = 0
    passed = -1
    names: list[str] = []
    sure_end = -1  # where the last start tag surely opened ends
    # Where the content of a script or style in mid-line ends: the reader may read it as
    # text, or read its tags, so they open elements here but close none.
    unsure_raw_end = -1
    instructions = _instructions(read)
    instruction_starts = [start for start, _ in instructions]
    # Comments that start in one: the reader may read them as such, or not.
    unsure_comments = _comments_in(read, instructions)
    unsure_comment_starts = [start for start, _ in unsure_comments]

    def comment_at(at: int) -> bool:  # surely a comment: else its tags are read
        return not _in_spans(at, instructions, instruction_starts)

    # From this place up, elements the reader may have closed: none closed by end tags.
    unsure_from = len(read)

    def surely_opened(at: int) -> bool:  # the reader takes the content as text after it
        return at == sure_start

    sure_start = -1
    line_start = last_start = 0
    for tag_start, closing, tag_name, attributes in _tags(read, surely_opened, comment_at):
        name = tag_name.lower()
        if name not in _BLOCK_LEVEL:
            continue
        places = where.setdefault(name, [])
        if closing:
            if not places:
                continue
            closed = places[-1]
            maybe_text = (
                tag_start < unsure_raw_end
                or _in_spans(tag_start, instructions, instruction_starts)
                or _in_spans(tag_start, unsure_comments, unsure_comment_starts)
            )
            if open_tags[closed][1] and closed < unsure_from and not maybe_text:
                for opened, _ in open_tags[closed:]:
                    where[opened].pop()
                del open_tags[closed:]
                unsure_from = len(read)  # those it may have closed are closed here too
            else:  # it may close from any of that name, or none: unsure which are open
                unsure_from = min(unsure_from, places[0])
            continue
        if attributes.rstrip().endswith("/"):
            continue  # an empty element
        # The start of the tag's line, looked for back to the last tag only: one line of
        # many tags is read once.
        line_start = max(line_start, read.rfind("\n", last_start, tag_start) + 1)
        last_start = tag_start
        starts_line = _BLOCK_START.fullmatch(read, line_start, tag_start)
        if name == "hr" and starts_line:
            continue  # empty to the reader, there
        sure = tag_start == sure_end or starts_line is not None
        if where.get("p"):  # the reader closes a `<p>` it holds open before a block
            unsure_from = min(unsure_from, where["p"][0])
        places.append(len(open_tags))
        open_tags.append((name, sure))
        if sure:
            sure_start = tag_start
            sure_end = tag_start + len(tag_name) + len(attributes) + 2
        elif name in _RAW_TEXT and tag_start >= unsure_raw_end:
            content_end = _RAW_TEXT[name].search(read, tag_start)
            unsure_raw_end = len(read) if content_end is None else content_end.start()
        if len(open_tags) > most:
            most = len(open_tags)
            if most > _SURELY_TOO_DEEP and passed < 0:
                passed = tag_start
                names = [opened for opened, _ in open_tags]
    return most, passed, names


_INSTRUCTION = re.compile(r"<\?|<!(?!--)")


def _instructions(read: str) -> list[tuple[int, int]]:
    """(start, end) of each processing instruction or declaration (`<?`, `<!` but a
    comment's) to its first `>` (the text's end if none): md_in_html's reader reads one
    whole in a block Markdown is read in, end tags in it too, and as text elsewhere."""
    spans: list[tuple[int, int]] = []
    for found in _INSTRUCTION.finditer(read):
        if spans and found.start() < spans[-1][1]:
            continue  # read with the one before, to the same `>`
        end = read.find(">", found.start())
        spans.append((found.start(), len(read) if end < 0 else end + 1))
    return spans


def _comments_in(read: str, instructions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each comment that starts in one of `instructions` (`<?<!-- x>`),
    to its `-->` or the text's end: outside a block Markdown is read in, the reader
    takes the `<?` as text and reads the comment; in one, it reads the instruction to its
    `>` and the tags after it."""
    spans: list[tuple[int, int]] = []
    no_end_after: dict[str, int] = {}
    for start, end in instructions:
        opened = read.find("<!--", start, end)
        if opened < 0:
            continue
        closed = _find_once(read, "-->", opened + 4, no_end_after)
        span_end = len(read) if closed < 0 else closed + 3
        if spans and opened < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], span_end))
        else:
            spans.append((opened, span_end))
    return spans


# Python's `int()` reads at most this many digits (4,300 unless PYTHONINTMAXSTRDIGITS
# says otherwise; 0: any number), as MkDocs' run does.
_MOST_DIGITS_READ = sys.get_int_max_str_digits()
_LONG_REFERENCE = re.compile(
    rf"&#[0-9]{{{_MOST_DIGITS_READ + 1}}}" if _MOST_DIGITS_READ else "(?!)"
)


def _long_references(text: CheckedText) -> Iterator[tuple[int, int]]:
    """(start, end) of the first decimal character reference of more digits than
    `int()` reads, outside fenced code, if any (see the module's docstring)."""
    markdown = text.markdown
    if markdown is None or "&#" not in markdown:
        return
    found = _LONG_REFERENCE.search(without_fenced_code(markdown))
    if found is not None:
        yield found.start(), found.start() + 2


def _in_spans(offset: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and offset < spans[index][1]


# Where each problem starts in a text, and what to say of it.
_PROBLEMS: tuple[tuple[Callable[[CheckedText], Iterator[tuple[int, int]]], str], ...] = (
    (
        _too_deep,
        f"lists, quotes or admonitions nested more than {MAX_DEPTH} levels deep, more than "
        "the site and the handouts can render: flatten them",
    ),
    (
        _slow_brackets,
        "brackets left open or nested by the thousand, in this paragraph or those before "
        "it: Python-Markdown would take minutes to render them (it reads on from each "
        "bracket to the one that closes it); close them, write them `\\[`, or put the text "
        "in a code block",
    ),
    (
        _slow_tags,
        "tags left open by the thousand (`<` and a letter, no `>` after it): Python-Markdown "
        "would take many seconds to minutes to render them, growing with the square of the "
        "text's length (it reads on from each `<` to the text's end for the tag's `>`); "
        "close them, write the `<` as `&lt;`, or put the text in code",
    ),
    (
        _deep_markdown_html,
        "HTML that Markdown is read in (a `markdown` attribute) nested too deep for "
        "Python-Markdown: rendering this block runs out of stack and the build stops (it "
        "calls itself again for each element open in it, three times for one with the "
        "attribute: about 230 of those, or 690 others such as unclosed `<li>` or `<tr>`, "
        "are too many); flatten it, or close the elements",
    ),
    (
        _long_references,
        f"a character reference of more than {_MOST_DIGITS_READ:,} digits, a number no "
        "character has: MkDocs cannot read it and the build stops; write the character "
        "itself, or its number without the leading zeros",
    ),
)
