"""How deep the elements of a module's text nest in its handout, and the line where they
pass what WeasyPrint can lay out.

WeasyPrint works out each element's style and lays it out by calling itself again for
each element around it, so a handout whose module nests elements deep enough ends in a
RecursionError, and is not made (it said so with the module's name alone). Measured with
WeasyPrint 70, its handout given `HANDOUT_FRAMES` frames of the stack (as every handout
is, whoever renders it): a module's text renders with up to 129 nested `<div>` or
`<blockquote>` (HTML or Markdown's `>`), 128 admonitions or `<div markdown>`, 64 levels
of `<ul><li>` (128 elements), 88 levels of a Markdown list, 43 of HTML tables (172
elements, with the `<tbody>` the parser adds) and more than 160 `<span>`: some 130
elements of the costliest kinds. One level more ends the render. `MAX_HANDOUT_DEPTH`
keeps a margin below that, for elements and styles that cost more than those measured.

A text is measured as the handout prints it: its Markdown rendered with the handout's
extensions, the HTML parsed as WeasyPrint parses it (tinyhtml5, which closes the elements
HTML lets a page leave open, and adds a table's `<tbody>`) and its deepest element
counted. That is a render, so only a text whose lines and tags may nest that deep
(`may_be_too_deep`, linear) is measured; the place named is then where its text up to there
first nests too deep (searched by halves, line by line and then in the line).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Sequence

from ..markup import VOID_ELEMENTS
from ..stack_room import HANDOUT_FRAMES, with_frames

# The most elements a module's text may nest in its handout: about three quarters of the
# 130 that end the render.
MAX_HANDOUT_DEPTH = 100

# Texts whose rough reckoning (`_may_nest`) passes this are measured: a margin for what
# that reckoning may miss (the elements the parser opens again for misnested tags).
_MEASURED_FROM = MAX_HANDOUT_DEPTH * 3 // 4

# A line's quotes, list markers and indentation (Markdown's levels), and a tag.
_LINE_PREFIX = re.compile(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[ \t>]*)*")
_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
_LINE_BREAK = re.compile(r"\n")
# Elements per Markdown level at most (a tab set: its set, content and block), per
# table (with the `<tbody>` and `<tr>` the parser may add), per other element; and the
# elements that a text adds whatever it nests (a footnote's list, a paragraph).
_PER_LEVEL = 3
_PER_TABLE = 3
_ALWAYS = 4


def may_be_too_deep(body: str) -> bool:
    """Whether `body`, a module's Markdown, may nest deep enough to be measured
    (`too_deep_at`): most texts do not, by a rough reckoning in linear time."""
    return _may_nest(body) > _MEASURED_FROM


def too_deep_at(body: str) -> tuple[int, int] | None:
    """(the offset in `body`, a module's Markdown, where its elements, as its handout
    prints them, first nest deeper than `MAX_HANDOUT_DEPTH`; how deep they nest at
    most); None where they never do. A render of the text, and a few of parts of it."""
    deepest = printed_depth(body)
    if deepest <= MAX_HANDOUT_DEPTH:
        return None
    line_ends = [*(found.start() for found in _LINE_BREAK.finditer(body)), len(body)]
    line = _first_too_deep(body, line_ends)
    line_start = line_ends[line - 1] + 1 if line else 0
    passed = line_start + _first_too_deep(body, range(line_start + 1, line_ends[line] + 1))
    # The tag's `<`, where the character that passed is in one (its `>`).
    tag_start = body.rfind("<", line_start, passed + 1)
    if tag_start >= 0 and ">" not in body[tag_start:passed]:
        passed = tag_start
    return passed, deepest


def _first_too_deep(body: str, cuts: Sequence[int]) -> int:
    """The index of the first of `cuts` (offsets, in order, the last one too deep) up
    to which `body` nests too deep: searched by halves, as text up to a later cut nests
    no less."""
    low, high = -1, len(cuts) - 1  # up to cuts[low] not too deep, to cuts[high] too deep
    while high - low > 1:
        middle = (low + high) // 2
        if printed_depth(body[: cuts[middle]]) > MAX_HANDOUT_DEPTH:
            high = middle
        else:
            low = middle
    return high


def printed_depth(markdown: str) -> int:
    """How many elements deep the text `markdown` nests as a handout prints it."""
    # Imported where a text is measured: the handout's renderer (Jinja, the extensions)
    # cost every cold `handbook check` some 40 ms, and few texts are measured.
    import tinyhtml5  # WeasyPrint's parser

    from .handout_render import printed_text_html

    html = with_frames(lambda: printed_text_html(markdown), HANDOUT_FRAMES)

    root: etree.Element = tinyhtml5.parse(html, namespace_html_elements=False)
    body = root.find("body")
    return 0 if body is None else _deepest(body)


def _deepest(element: etree.Element) -> int:
    """How many levels of elements `element` holds, itself not counted (without calling
    itself again for each: the text may nest thousands)."""
    deepest = 0
    stack: list[tuple[etree.Element, int]] = [(child, 1) for child in element]
    while stack:
        current, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in current)
    return deepest


def _may_nest(markdown: str) -> int:
    """A rough reckoning, in linear time, of the most elements `markdown` nests: on each
    line, its Markdown levels (`_PER_LEVEL` each) and the HTML elements open there, each
    start tag opening one (a table `_PER_TABLE`) until an end tag of its name closes it
    and those opened since. Never less than a text nests but where the parser opens
    elements again for misnested tags; often more (an `<li>` or `<p>` left open)."""
    open_weights: list[int] = []  # of the elements open, outermost first
    places: dict[str, list[int]] = {}  # each name's places in open_weights
    names: list[str] = []
    weight = 0
    deepest = 0
    for line in markdown.split("\n"):
        prefix = _LINE_PREFIX.match(line)
        assert prefix is not None  # it matches the empty string
        written = prefix.group()
        levels = (
            written.count(">")
            + len(_LIST_MARKER.findall(written))
            + len(re.sub(r"[^ \t]", "", written).expandtabs(4)) // 4
        )
        for tag in _TAG.finditer(line):
            name = tag.group(2).lower()
            if name in VOID_ELEMENTS:  # nest nothing
                continue
            if not tag.group(1):
                places.setdefault(name, []).append(len(open_weights))
                names.append(name)
                open_weights.append(_PER_TABLE if name == "table" else 1)
                weight += open_weights[-1]
            elif places.get(name):
                closed = places[name][-1]
                while len(open_weights) > closed:
                    weight -= open_weights.pop()
                    places[names.pop()].pop()
            deepest = max(deepest, weight)
        deepest = max(deepest, weight + levels * _PER_LEVEL)
    return deepest + _ALWAYS
