"""Event handlers written in attr_list's syntax, which Python-Markdown puts on an element
as they are: `![x](a.png){: onerror="alert(1)" }`, `# Title {: onclick=... }`,
`[link](x){ onmouseover=... }`, a paragraph's last line `{: onload=... }`, a table
cell's `| b {: onclick=... } |`, a fence's ```` ``` { .py onclick=... } ````. The site
always has attr_list (the plugin adds it), so every such list is read.

A list is read as attr_list reads one (`markdown.extensions.attr_list`): from a `{`
(an optional `:`, spaces) to the last `}` of its line, in tokens parted by spaces; a
`name=value` token names an attribute, whose name, made an XML name (`sanitize_name`: any
other character becomes `_`), is the browser's, in any case. So an event handler's
token is `on` and letters, after a space or the list's `{` or `{:`, then `=` and a value
(quoted, or up to a space, `=` or `}`), before the line's last `}` and after a `{`
of the line. Every such token is reported, whether or not each token before it in its
list reads as one, and wherever the list stands (after an inline element, at a block's
end, alone on a line, or where attr_list leaves it as text): reading each list from
its `{` would be quadratic on a line of thousands, and what is reported is better
written in code anyway. Not read: code (but a fence's opening line), comments, tags,
a `\\{`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..spans import joined, within
from . import fence_opening_lines, line_starts
from .event_handlers import may_run_as_handler
from .raw_html import code_ranges

# What opens a list: `{`, an optional `:`, spaces, and a character that is none of `}`,
# a space or a line break (attr_list's `BASE_RE`).
_OPENING = re.compile(r"\{:?[ ]*(?=[^} \n])")
# A token that names an event handler (see the module's docstring): attr_list's
# scanner reads a value as `".*?"`, `'.*?'` or `[^ =}]+`, in that order.
# Led by the space, `{` or `:` before it: a pattern that starts with a lookbehind reads
# prose at a third of the speed.
_HANDLER_TOKEN = re.compile(r"""[ {:][oO][nN][A-Za-z]+=(?:"[^"\n]*"|'[^'\n]*'|[^ =}\n]+)""")


def handler_attributes(
    markdown: str, not_markdown: Iterable[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """(start, end), in order, of each `name=value` token of an attr_list list in
    `markdown` that a browser may run as an event handler; none in a list that opens
    inside code (but on a fence's opening line), inside `not_markdown` (sorted spans:
    comments and tags), or after a `\\`. Linear: each line's first `{` and last `}` are
    looked for once."""
    if "{" not in markdown:  # nearly every text
        return []
    # Its name is an XML name already (letters only): the browser's, in lower case.
    # Only a token before a `}` of its line may be in a list: the others cost no more.
    candidates: list[tuple[int, int, int]] = []  # (start, end, start of its line)
    line_start = line_end = last_close = -1
    for token in _HANDLER_TOKEN.finditer(markdown):
        start, end = token.start() + 1, token.end()  # after the space, `{` or `:`
        if token.group()[0] == ":" and markdown[token.start() - 1 : token.start()] != "{":
            continue  # `a:onclick=` names `a:onclick`
        if start > line_end:
            line_start = markdown.rfind("\n", 0, start) + 1
            line_end = _line_end(markdown, start)
            last_close = markdown.rfind("}", start, line_end)
        if end <= last_close and may_run_as_handler(token.group()[1:].partition("=")[0].lower()):
            candidates.append((start, end, line_start))
    if not candidates:
        return []
    skipped = joined(sorted([*_code_not_fence_lines(markdown), *not_markdown]))
    found: list[tuple[int, int]] = []
    first_openings: dict[int, int] = {}  # by the line's start
    for start, end, line_start in candidates:
        if line_start not in first_openings:
            first_openings[line_start] = _first_opening(
                markdown, line_start, _line_end(markdown, line_start), skipped
            )
        if first_openings[line_start] < start:
            found.append((start, end))
    return found


def _first_opening(
    markdown: str,
    line_start: int,
    line_end: int,
    skipped: Sequence[tuple[int, int]],
) -> int:
    """Where the first list of the line opens (outside what is skipped, not after a
    `\\`), or `line_end` for none."""
    for opening in _OPENING.finditer(markdown, line_start, line_end):
        brace = opening.start()
        if not _escaped(markdown, brace) and not within(skipped, brace):
            return brace
    return line_end


def _code_not_fence_lines(markdown: str) -> list[tuple[int, int]]:
    """The code of `markdown`, but for the opening lines of its fences, whose `{ }` is
    attr_list's (fenced_code and superfences put it on the `<code>`)."""
    code = [(start, end) for start, end, _ in code_ranges(markdown.replace("<", "&"))]
    openers = fence_opening_lines(markdown)
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
