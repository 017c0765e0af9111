"""A converter's inline pass that leaves a text holding none of its patterns' characters
as it is, without trying each pattern on it.

Python-Markdown searches every text of a page (a paragraph, a table cell, a heading) with
each of its inline patterns in turn, sixteen of them with the site's extensions: a third
of what rendering a generated term page cost, though most of its texts (headings, cells,
a definition's plain words) hold nothing any pattern matches. Each pattern known here
matches only where the text holds one of its characters (`_TRIGGERS`: `[` for a link, `*`
and `_` for emphasis, `<` for HTML...); a text with none of them is one no pattern
matches, so none is tried: nothing changes in the page's HTML, and no pattern's state
changes (a pattern is only called on a match). A converter with a pattern not known here,
or one known under another expression (an extension that adds a delimiter), is left as it
was: every text goes through every pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import markdown
from markdown import util
from markdown.inlinepatterns import InlineProcessor, Pattern

from ..lazy_pattern import LazyPattern

# The expressions of the inline patterns of Python-Markdown 3.x and of the extensions the
# sites use, each of which matches only text with a character of `_TRIGGERS`; read in
# their code (Markdown 3.11, pymdownx 10-13). Another version's other expression is
# unknown here, and turns this off.
_KNOWN_EXPRESSIONS = frozenset(
    {
        r"\\(.)",  # escape: a backslash
        r"(?<!\!)\[",  # reference, link, short_reference: a bracket
        r"\!\[",  # image_link, image_reference, short_image_ref
        r"\[\^([^\]]*)\]",  # footnote
        r"<([A-Za-z][A-Za-z0-9+.-]*://[^<>]*)>",  # autolink
        r"<([^<> !]+@[^@<> ]+)>",  # automail
        r"  \n",  # linebreak: two spaces before a line break
        # html: a tag, comment, processing instruction or CDATA, all from `<`
        r"""(<(\/?+[a-zA-Z][^\s"'<>@]*+(?:\s+[^\s"'=<>]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'"""
        r"""|[^\s"'=<>]++))?+)*+\s*+/?|!--(?:(?!<!--|-->).)*--|[?](?:(?!<[?]|[?]>).)*[?]"""
        r"""|!\[CDATA\[(?:(?!<!\[CDATA\[|\]\]>).)*\]\])>)""",
        r"(&(?:\#[0-9]+|\#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)",  # entity
        r"\*|_",  # em_strong
        r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)",  # backtick, and pymdownx.inlinehilite's
    }
)
# As Python-Markdown compiles them (`Pattern.__init__`): under other flags, they are unknown.
_FLAGS = re.compile("", re.DOTALL | re.UNICODE).flags
# A character (or the line break after two spaces) without which none of them matches.
_TRIGGERS = LazyPattern(r"[\\\[<&*_`]|  \n")
# Python-Markdown calls its private `__handleInline` for each text, as `self.__...`: the
# instance's own attribute comes first.
_HANDLE = "_InlineProcessor__handleInline"


def skip_plain_texts(converter: markdown.Markdown) -> bool:
    """Have `converter`'s inline pass leave as they are the texts that no pattern of its
    matches, while every pattern is known here; returns whether it does. Asked again
    before each page (an extension may register a pattern at any time): a pattern not
    known here has every text tried by every pattern again."""
    try:
        inline = converter.treeprocessors["inline"]  # a `Registry`: no `get`
    except KeyError:
        return False
    if type(inline) is not markdown.treeprocessors.InlineProcessor:
        return False
    vars(inline).pop(_HANDLE, None)  # as Python-Markdown has it, until all are known
    # The pass's own registry: `converter.inlinePatterns` unless an extension gave it another.
    if not all(_known(pattern) for pattern in inline.inlinePatterns):
        return False
    handle: Callable[..., str] = getattr(inline, _HANDLE)

    def handle_inline(data: str, patternIndex: int = 0) -> str:
        if not isinstance(data, util.AtomicString) and _TRIGGERS.search(data) is None:
            return data
        return handle(data, patternIndex)

    setattr(inline, _HANDLE, handle_inline)
    return True


def _known(pattern: Pattern) -> bool:
    """Whether `pattern` matches only where a text holds one of `_TRIGGERS`."""
    return (
        isinstance(pattern, InlineProcessor)  # searched, not matched at one place
        and type(pattern).getCompiledRegExp is Pattern.getCompiledRegExp
        and pattern.compiled_re.pattern in _KNOWN_EXPRESSIONS
        and pattern.compiled_re.flags == _FLAGS  # (re.VERBOSE would read "  \n" as "\n")
    )
