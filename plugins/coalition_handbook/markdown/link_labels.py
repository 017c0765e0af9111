"""Text for markdown-it that its link rule reads in linear time.

markdown-it's link rule reads from each `[` on to its matching `]`, or to the end of
the inline text when none matches, and then reads again from the next `[`: brackets
nested or left open by the thousand take minutes (security audit: 40 KB of `[` in a
term's definition held `handbook check` for 14 s, and the time grows with the square of
the brackets, so a pull request could hold CI for its whole timeout). The engine asks
markdown-it only for plain text and headings; where the brackets would be read more
than `MAX_LABEL_READING` characters beyond their own, each `[` is given as the character
reference `&#91;`, which reads as the same `[` but opens no link. Such a text is one that
`markdown.nesting` names, or nearly: its links are not worth minutes.
"""

from __future__ import annotations

from ..lazy_pattern import LazyPattern

# About half a second of markdown-it's reading (it read 12 million characters in
# 39 s on this audit's machine); a page's links cost their length, not this.
MAX_LABEL_READING = 200_000
_BRACKET_OR_BLOCK_END = LazyPattern(r"[\[\]]|\n[ \t]*(?=\n)")


def linear_for_markdown_it(markdown: str) -> str:
    """`markdown`, or, where markdown-it's link rule would read it too long
    (`label_reading`), the same with every `[` written `&#91;`."""
    brackets = markdown.count("[")
    if brackets * len(markdown) <= MAX_LABEL_READING:  # most texts
        return markdown
    if label_reading(markdown) <= MAX_LABEL_READING:
        return markdown
    return markdown.replace("[", "&#91;")


def label_reading(markdown: str) -> int:
    """The characters markdown-it's link rule reads again in `markdown`, beyond the
    brackets' own: for each `[` nested in another, up to its `]`; for each left open, on
    to its paragraph's end. Counted up to just past `MAX_LABEL_READING`."""
    open_at: list[int] = []
    reading = 0
    for found in _BRACKET_OR_BLOCK_END.finditer(markdown):
        at = found.start()
        if found.group() == "[":
            open_at.append(at)
        elif found.group() == "]":
            if open_at:
                opened = open_at.pop()
                if open_at:  # inside another: read again for it
                    reading += at - opened
        else:  # a blank line: each bracket left open was read on to here
            reading += sum(at - opened for opened in open_at)
            open_at.clear()
        if reading > MAX_LABEL_READING:
            return reading
    return reading + sum(len(markdown) - opened for opened in open_at)
