"""Event handlers (and other attributes) written in attr_list's syntax, which Python-Markdown puts
on an element as they are: `![x](a.png){: onerror="alert(1)" }`, `# Title {: onclick=... }`,
`[link](x){ onmouseover=... }`, a paragraph's last line `{: onload=... }`, a table
cell's `| b {: onclick=... } |`, a fence's ```` ``` { .py onclick=... } ````. The site
always has attr_list (the plugin adds it), so every such list is read.

A list is read as attr_list reads one (`markdown.extensions.attr_list`): from a `{`
(an optional `:`, spaces) to the last `}` of its line, in tokens parted by spaces; a
`name=value` token names an attribute, whose name, made an XML name (`sanitize_name`: any
other character becomes `_`), is the browser's, in any case. So an event handler's
token is `on` and letters, after a space or the list's `{` or `{:`, then `=` and a value
(quoted, or up to a space, `=` or `}`), before the line's last `}` and after a `{`
of the line. A tab parts tokens as a space does (Python-Markdown makes tabs spaces
before it reads a list), and so does nothing after a quoted value: `title="a"onclick=x`
is two attributes. Every such token is reported, whether or not each token before it in its
list reads as one, and wherever the list stands (after an inline element, at a block's
end, alone on a line, or where attr_list leaves it as text): reading each list from
its `{` would be quadratic on a line of thousands, and what is reported is better
written in code anyway. Not read: code (but a fence's opening line), comments, tags,
a `\\{`; a token in any of them is none, even after a `{` of prose on its line. A code
span is an element of its own, where a list of the text before it ends: a token after
one needs a `{` after it. A comment or a tag is not: a list goes on over it.

A bare word (`{: hidden }`) is an attribute too, with no value (attr_list writes
`<a hidden>`); `.x` and `#x` are the class and the id. It is read only where attr_list
would read a list at all: right after an inline element (`*a*{: hidden }`) or as a line
of its own under a line of its block, with no `}` between it and the list's `{`; a
`{name}` of prose, or a paragraph that is only a list, is text.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

from ..lazy_pattern import LazyPattern
from ..spans import joined, within
from . import fence_opening_lines, line_starts
from .event_handlers import may_run_as_handler
from .raw_html import code_ranges
from .syntax import replaced

# What opens a list: `{`, an optional `:`, spaces, and a character that is none of `}`,
# a space or a line break (attr_list's `BASE_RE`).
_OPENING = LazyPattern(r"\{:?[ ]*(?=[^} \n])")
# A token (see the module's docstring): a name as attr_list's scanner reads one
# (`[^ =}]+`), here without quotes (a value's closing quote leads the next token) nor a
# `{` (which may open the next list: `*a*{b=1} *c*{d=2}`), and not starting with the `:`
# of a `{:`; then a value, read as attr_list's scanner reads
# one (`".*?"`, `'.*?'` or `[^ =}]+`, in that order), or none: a bare word
# (`{: hidden }`) is an attribute too, with no value (`.x` and `#x` are its class and id).
# Led by the space (or tab), `{`, `:` or a value's closing quote before it: a pattern
# that starts with a lookbehind reads prose at a third of the speed.
# A quoted value's closing quote is left to the next match: it may lead the next token.
_TOKEN = LazyPattern(
    r"""[ \t{:"'](?P<name>[^ \t=}\n"':{][^ \t=}\n"'{]*)"""
    r"""(?P<value>=(?:(?P<quote>["'])(?:(?!(?P=quote))[^\n])*(?=(?P=quote))|[^ \t=}\n]+))?"""
)


def handler_attributes(
    markdown: str, not_markdown: Iterable[tuple[int, int]] = (), *, definition_lists: bool = True
) -> list[tuple[int, int]]:
    """(start, end), in order, of each `name=value` token of an attr_list list in
    `markdown` that a browser may run as an event handler; none inside code (but on a
    fence's opening line) or `not_markdown` (sorted spans: comments and tags), and none
    in a list that opens there, after a `\\`, or before a code span of the line that
    stands before the token. Linear: each line's last `}`, and each opening, are looked
    for once. A handler with no value (`{: onclick }`) runs nothing. `definition_lists`:
    whether the site runs def_list (a definition's indented blocks are its own, or code)."""
    return _attribute_tokens(
        markdown,
        not_markdown,
        may_run_as_handler,
        bare_words=False,
        definition_lists=definition_lists,
    )


def attributes_named(
    markdown: str,
    named: Callable[[str], bool],
    not_markdown: Iterable[tuple[int, int]] = (),
    *,
    definition_lists: bool = True,
) -> list[tuple[int, int]]:
    """As `handler_attributes`, the tokens of any name (in lower case) that `named`
    holds for, with a value or none (`{: hidden }`; `.x` is named `class`, `#x` `id`):
    what a term's definition leaves out (`markdown.definitions`). A bare word counts in a
    list only: after a `{` of its line with no `}` between, where prose (`{a} or {b}`)
    holds none. `definition_lists`: as for `handler_attributes`."""
    return _attribute_tokens(
        markdown, not_markdown, named, bare_words=True, definition_lists=definition_lists
    )


def without_attributes(markdown: str, tokens: list[tuple[int, int]]) -> str:
    """`markdown` without the `name=value` `tokens` (in order, as the functions above
    give them). Each is put a space in place of: joined to what stood before it, what
    follows (`=x` after `onclick onmouseover=a=x`) could name a new attribute. A list
    left empty goes whole (`**b**{: onclick=x }`): attr_list would show it as text."""
    cuts: list[tuple[int, int, str]] = []
    for start, end in tokens:
        if cuts and cuts[-1][1] == start - 1 and markdown[start - 1] in " \t":
            start = cuts.pop()[0]  # the next token of the same list: one cut
        cuts.append((start, end, " "))
    return replaced(markdown, [_whole_list_if_empty(markdown, *cut) for cut in cuts])


def _whole_list_if_empty(markdown: str, start: int, end: int, space: str) -> tuple[int, int, str]:
    """The cut of `markdown[start:end]`, or of its whole list where nothing but spaces
    stands between it and the list's `{` or `{:` and its `}`."""
    opening = _EMPTY_BEFORE.search(markdown, max(0, start - _LOOK_BACK), start)
    closing = _EMPTY_AFTER.match(markdown, end)
    if opening and closing:
        return opening.start(), closing.end(), ""
    return start, end, space


def _attribute_tokens(
    markdown: str,
    not_markdown: Iterable[tuple[int, int]],
    named: Callable[[str], bool],
    *,
    bare_words: bool,
    definition_lists: bool = True,
) -> list[tuple[int, int]]:
    if "{" not in markdown:  # nearly every text
        return []
    # A handler's name is an XML name already (letters only): the browser's, in lower
    # case. Another is compared as typed: attr_list makes its odd characters `_`, which
    # no name compared has.
    # Only a token before a `}` of its line may be in a list: the others cost no more.
    candidates: list[tuple[int, int, int]] = []  # (start, end, start of its line)
    line_start = line_end = last_close = -1
    braces_read_to = last_open = closed_before = -1  # a bare word's line, read on once
    for token in _TOKEN.finditer(markdown):
        valued = token["value"] is not None
        if not (valued or bare_words):
            continue
        start, end = token.start() + 1, token.end() + bool(token["quote"])  # after the lead
        if token.group()[0] == ":" and markdown[token.start() - 1 : token.start()] != "{":
            continue  # `a:onclick=` names `a:onclick`
        if start > line_end:
            line_start = markdown.rfind("\n", 0, start) + 1
            line_end = _line_end(markdown, start)
            last_close = markdown.rfind("}", start, line_end)
            braces_read_to, last_open, closed_before = line_start, -1, -1
        if end > last_close:
            continue
        if not valued:
            last_open = max(last_open, markdown.rfind("{", braces_read_to, start))
            closed_before = max(closed_before, markdown.rfind("}", braces_read_to, start))
            braces_read_to = start
            if closed_before >= last_open or not _list_at(markdown, last_open, line_end):
                continue  # between lists, before any, or a `{word}` of prose
        if named(_attribute_name(token["name"], valued)):
            candidates.append((start, end, line_start))
    if not candidates:
        return []
    code = _code_not_fence_lines(markdown, definition_lists)
    skipped = joined(sorted([*code, *not_markdown]))
    openings = _Openings(markdown, skipped, joined(sorted(code)))
    return [
        (start, end)
        for start, end, line_start in candidates
        if not within(skipped, start) and openings.opens_before(line_start, start)
    ]


# What ends an inline element, whose tail a list may open (`*a*{: hidden }`, `[x](y){ b }`).
_INLINE_ENDS = frozenset(")]*_`>~=^")
# A list that is its line's whole text (but spaces): a block's last line.
_WHOLE_LINE_LIST = LazyPattern(r"[ ]*\{[^\n]*\}[ ]*")
# A line after which a line starts a block of its own: a blank one, or a heading.
_ENDS_A_BLOCK = LazyPattern(r"[ \t]*(?:#[^\n]*)?")


def _list_at(markdown: str, brace: int, line_end: int) -> bool:
    """Whether attr_list reads a list from the `{` at `brace`: one right after an inline
    element, or one that is a line of its own below a line of the same block (attr_list
    reads a block's list on a line after its text: a paragraph that is only `{hidden}`
    or `{: autofocus }`, first in the text or after a blank line or a heading, stays
    text). Not one after prose (`Write {name} here`), which attr_list leaves as text;
    nor, read apart, a heading's or a table cell's list (`# Title {: hidden }`), which a
    bare word only is told from such prose by where it stands in the page."""
    if brace > 0 and markdown[brace - 1] in _INLINE_ENDS:
        return True
    line_start = markdown.rfind("\n", 0, brace) + 1
    if line_start == 0 or _WHOLE_LINE_LIST.fullmatch(markdown, line_start, line_end) is None:
        return False
    above = markdown.rfind("\n", 0, line_start - 1) + 1
    return _ENDS_A_BLOCK.fullmatch(markdown, above, line_start - 1) is None


def _attribute_name(written: str, valued: bool) -> str:
    """The name, in lower case, of the attribute a token written `written` sets: a bare
    `.x` sets the class, a bare `#x` the id."""
    if not valued and written[0] in ".#":
        return "class" if written[0] == "." else "id"
    return written.lower()


# What stands between a token and its list's `{` (or `{:`) and `}` when it is the
# list's only one; looked for a few characters back, never across the text.
_EMPTY_BEFORE = LazyPattern(r"\{:?[ \t]*\Z")
_EMPTY_AFTER = LazyPattern(r"[ \t]*\}")
_LOOK_BACK = 80


class _Openings:
    """Whether a list opens before a token of its line: a `{` outside what is skipped
    (code, comments, tags), not after a `\\`, and after the last code span before the
    token. A code span is an element of its own (attr_list reads the text after it
    anew), but a comment or a tag is a placeholder inside the text: a list goes on
    over it. Linear: the openings of the text after each code span, or after each
    line's start, are looked for once, up to the last token that needs them."""

    def __init__(
        self, markdown: str, skipped: list[tuple[int, int]], code: list[tuple[int, int]]
    ) -> None:
        self.markdown = markdown
        self.skipped = skipped
        self.code_starts = [start for start, _ in code]
        self.code = code
        # By where the text read starts: (where to look on, the first opening or -1).
        self.read: dict[int, tuple[int, int]] = {}

    def opens_before(self, line_start: int, token: int) -> bool:
        last_code = bisect.bisect_right(self.code_starts, token) - 1
        read_from = max(line_start, self.code[last_code][1]) if last_code >= 0 else line_start
        looked_to, found = self.read.get(read_from, (read_from, -1))
        if found < 0:
            found = self._first_opening(looked_to, token)
            self.read[read_from] = (max(looked_to, token), found)
        return found >= 0

    def _first_opening(self, start: int, end: int) -> int:
        """Where the first list opens from `start` on, before the token at `end`, or -1.
        Read up to the token's first character, which the opening's lookahead needs:
        the text after it is read for a later token."""
        for opening in _OPENING.finditer(self.markdown, start, end + 1):
            brace = opening.start()
            if not _escaped(self.markdown, brace) and not within(self.skipped, brace):
                return brace
        return -1


def _code_not_fence_lines(markdown: str, definition_lists: bool) -> list[tuple[int, int]]:
    """The code of `markdown`, but for the opening lines of its fences, whose `{ }` is
    attr_list's (fenced_code and superfences put it on the `<code>`), read with def_list
    or without (`definition_lists`)."""
    code = [
        (start, end)
        for start, end, _ in code_ranges(
            markdown.replace("<", "&"), definition_lists=definition_lists
        )
    ]
    openers = fence_opening_lines(markdown, definition_lists=definition_lists)
    if not openers:
        return code
    starts = line_starts(markdown)
    opening = {(starts[number - 1], _line_end(markdown, starts[number - 1])) for number in openers}
    return [span for span in code if span not in opening]


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _escaped(text: str, position: int) -> bool:
    """Whether an odd run of `\\` stands before `position` (Python-Markdown's escape)."""
    start = position
    while start > 0 and text[start - 1] == "\\":
        start -= 1
    return (position - start) % 2 == 1
