"""HTML, XML and SVG read as a browser's tokenizer reads them: what is markup, and what
is text. `privacy.pii` reads the text of such a file of docs_dir (a flyer exported to
HTML, an SVG poster), not its markup, where colour codes, sizes, path data and styles
would read as phone numbers; `site.html_comments` takes comments out of pages with the
same tokens.

Read as text: the text between tags, the text in comments (the file is published as
it is, comments and all) and in CDATA sections, the data of a JSON script (JSON-LD's
`"telephone"`), and the values of the attributes that carry text or a link (`href`,
`title`, `alt`...: a `mailto:`, `tel:` or messenger link is personal data). Not read: tag
names and other attributes, scripts and styles, declarations (`<!DOCTYPE>`, `<?xml?>`).
In XML that is no SVG (a feed, a map's data), every attribute value is data, and read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .character_references import unescape
from .lazy_pattern import LazyPattern
from .source_map import UNCHANGED, SourceMap, rewritten

# An HTML comment that is closed, where a browser's tokenizer ends it (the HTML
# Standard's comment states): `<!-->` and `<!--->` end at once, any other at the first
# `-->` or `--!>` after its `<!--`. The one rule for every reader that skips comments
# (read with re.DOTALL): a `<script>` after `<!-->` or `--!>` runs, even where a `-->`
# follows that an older reading took for the comment's end.
CLOSED_COMMENT = r"<!--(?:-?>|.*?--!?>)"
# A comment as a browser reads it: one left open hides the rest of the file.
COMMENT = rf"{CLOSED_COMMENT}|<!--.*"

# What the scan steps over or takes out, as a browser's tokenizer reads it: a comment
# (`COMMENT`), a CDATA section, a tag with its attribute values (quoted, they may hold
# `<!--`), and what else `<!`, `<?` or `</` starts, which ends at the first `>` (a
# `<!-- -->` inside is part of it). Possessive (`++`, `*+`): a page of unclosed tags or
# quotes stays linear.
_TAG_OR_OTHER = (
    r"<(?P<end>/?)(?P<name>[A-Za-z][^\s/>]*+)(?:[^>\"'=]++|=\s*+(?:\"[^\"]*+\"|'[^']*+')?)*+>?"
    r"|<[!?/][^>]*+>?"
)
MARKUP = LazyPattern(
    rf"(?P<comment>{COMMENT})|(?P<cdata><!\[CDATA\[.*?(?:\]\]>|\Z))|{_TAG_OR_OTHER}",
    re.DOTALL,
)
# The same as HTML reads it outside SVG and MathML: a `<![CDATA[` is one more `<!` that
# ends at the first `>`, a comment where a browser runs what follows.
_HTML_MARKUP = LazyPattern(rf"(?P<comment>{COMMENT})|{_TAG_OR_OTHER}", re.DOTALL)

# Elements whose content a browser reads as text up to their end tag, comments included.
RAW_TEXT_ELEMENTS = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"}
)

# In HTML, `<noscript>` too: a browser that runs scripts reads it as text, and so a
# `<p title="</noscript><img onerror=...>">` in it runs the handler.
HTML_RAW_TEXT_ELEMENTS = RAW_TEXT_ELEMENTS | {"noscript"}
# HTML elements whose content is SVG or MathML, where no element is read as text.
FOREIGN_ELEMENTS = frozenset({"svg", "math"})

# The attributes of HTML and SVG whose values are text a reader is shown or a link
# they follow (by local name: `xlink:href` is `href`).
TEXT_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "cite", "data", "poster", "ping"}
    | {"title", "alt", "placeholder", "value", "label", "summary", "abbr", "content"}
    | {"aria-label", "aria-description", "aria-valuetext", "aria-roledescription"}
)
# An attribute with a value, from the start of its name (possessive: linear in a tag
# of any length). A name without a value is stepped over.
ATTRIBUTE = LazyPattern(
    r"(?<![^\s\"'/])(?P<name>[^\s\"'>/=]++)\s*+=\s*+"
    r"(?:\"(?P<double>[^\"]*+)\"?|'(?P<single>[^']*+)'?|(?P<bare>[^\s\"'=<>`]++))"
)
# Elements whose content is no text: a script (but JSON data) and a style.
_NO_TEXT = frozenset({"script", "style"})
_JSON_TYPE = LazyPattern(r"\btype\s*=\s*[\"']?[^\"'\s>]*json", re.IGNORECASE)
_NOT_LINE_BREAK = LazyPattern(r"[^\r\n]")


# Elements that run on in a line of text (HTML's phrasing elements, SVG's text runs, a
# Word export's `<o:p>`): a browser shows the text on either side joined, as Word and
# Illustrator split a line into runs wherever its formatting or language changes; and
# `<wbr>`, shown as nothing, where a long address or number may break over lines
# (`jo.doe<wbr>@gmail.com`: task priv8).
INLINE_ELEMENTS = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font"}
    | {"i", "ins", "kbd", "mark", "nobr", "q", "s", "samp", "small", "span", "strike"}
    | {"strong", "sub", "sup", "time", "tt", "u", "var", "tspan", "textpath", "o:p", "wbr"}
)

# HTML's void elements: no content and no end tag, so a reader that counts open elements
# opens none for them (the handouts' nesting depth, a default short's blocks).
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta"}
    | {"param", "source", "track", "wbr"}
)


def start_tags(
    markup: str, xml: bool = False, scripts_off: bool = False
) -> Iterator[re.Match[str]]:
    """The start tags of `markup` (an HTML, SVG or XML file), as a browser's parser for
    the file's type reads them: none in a comment or a CDATA section. `xml` (an SVG,
    XHTML or XML file): no element is read as text, and a CDATA section ends at `]]>`.
    HTML: the text of an element read as text (`RAW_TEXT_ELEMENTS`, and `<noscript>`,
    as a browser that runs scripts reads it, unless `scripts_off`) holds no tag (a `<b>`
    in a script's string is none), even after `<title/>`, but inside an `<svg>` or
    `<math>`, whose elements are no HTML; and a `<![CDATA[` is a comment up to the first
    `>` (also in an `<svg>` or `<math>`, where a browser reads it up to `]]>`: so it
    hides no more)."""
    tokens = MARKUP if xml else _HTML_MARKUP
    raw_text = RAW_TEXT_ELEMENTS if scripts_off else HTML_RAW_TEXT_ELEMENTS
    position = 0
    foreign = 0  # how many <svg> and <math> elements are open, in HTML
    while (found := tokens.search(markup, position)) is not None:
        position = found.end()
        name = found.group("name")
        if name is None:
            continue
        name = name.lower()
        if found.group("end"):
            if foreign and name in FOREIGN_ELEMENTS:
                foreign -= 1
            continue
        yield found
        if xml:
            continue
        if name in FOREIGN_ELEMENTS and not found.group().endswith("/>"):
            foreign += 1
        elif not foreign and name in raw_text:
            end = end_tag(name).search(markup, position)
            position = end.start() if end is not None else len(markup)


def readable_text(markup: str, every_attribute: bool = False) -> str:
    """`markup` with what is no text (see the module's docstring) written over with
    spaces, line breaks kept: of the same length, so that every place in it is the
    file's. With `every_attribute` (XML data), every attribute value is read."""
    return _read(markup, every_attribute)[0]


def shown_text(markup: str, every_attribute: bool = False) -> tuple[str, SourceMap]:
    """`readable_text`, but read as a browser shows it: the tags of inline elements that
    carry no text taken out, so that `867-</span><span>5309` reads `867-5309`, and
    where each place of it is in `markup`. Other tags (a paragraph's, a line break)
    stay spaces: the words on either side do not join."""
    text, inline_tags = _read(markup, every_attribute)
    return rewritten(text, ((start, end, "") for start, end in inline_tags))


def _read(markup: str, every_attribute: bool) -> tuple[str, list[tuple[int, int]]]:
    """`readable_text`, and the spans of the inline elements' tags that carry no text."""
    inline_tags: list[tuple[int, int]] = []
    if "<" not in markup:
        return markup, inline_tags
    pieces: list[str] = []
    copied_to = position = 0
    while (found := MARKUP.search(markup, position)) is not None:
        start, position = found.span()
        pieces.append(markup[copied_to:start])
        copied_to = position
        if found.group("comment") is not None or found.group("cdata") is not None:
            pieces.append(_inside_read(found.group(), every_attribute))
            continue
        name = (found.group("name") or "").lower()
        read = "".join(_tag_read(found.group(), every_attribute))
        pieces.append(read)
        if name in INLINE_ELEMENTS and read.isspace():
            inline_tags.append((start, position))
        if found.group("end") or name not in _NO_TEXT or _JSON_TYPE.search(found.group()):
            continue
        end = end_tag(name).search(markup, position)
        position = end.start() if end is not None else len(markup)
        pieces.append(blank(markup[copied_to:position]))
        copied_to = position
    pieces.append(markup[copied_to:])
    return "".join(pieces), inline_tags


def _inside_read(token: str, every_attribute: bool) -> str:
    """A comment or CDATA section with its opening and closing marks written over, and
    the tags inside (a commented-out block of HTML) too."""
    opening = 4 if token.startswith("<!--") else 9
    closing = len(token) - len(token.rstrip(">!-]")) if token.endswith(">") else 0
    closing = min(closing, len(token) - opening)
    inside = token[opening : len(token) - closing]
    return " " * opening + "".join(_tags_blanked(inside, every_attribute)) + " " * closing


def _tags_blanked(text: str, every_attribute: bool) -> Iterator[str]:
    """`text` (inside a comment) with its tags read as `_tag_read` reads them."""
    copied_to = 0
    for found in MARKUP.finditer(text):
        yield text[copied_to : found.start()]
        if found.group("name") is not None:
            yield from _tag_read(found.group(), every_attribute)
        else:
            yield blank(found.group())
        copied_to = found.end()
    yield text[copied_to:]


def _tag_read(tag: str, every_attribute: bool) -> Iterator[str]:
    """A tag written over with spaces but for the values of its text attributes."""
    copied_to = 0
    for found in ATTRIBUTE.finditer(tag):
        name = found.group("name").lower().rpartition(":")[2]
        if not (every_attribute or name in TEXT_ATTRIBUTES):
            continue
        group = next(kind for kind in ("double", "single", "bare") if found.group(kind) is not None)
        start, end = found.span(group)
        yield blank(tag[copied_to:start])
        yield tag[start:end]
        copied_to = end
    yield blank(tag[copied_to:])


def blank(text: str) -> str:
    """`text` written over with spaces, its line breaks kept."""
    return _NOT_LINE_BREAK.sub(" ", text)


@cache
def end_tag(name: str) -> re.Pattern[str]:
    """The end tag of the raw-text element `name` (`</script>`), in any case."""
    return re.compile(rf"</{name}[\s/>]", re.IGNORECASE)


# A character reference as a browser decodes it in text: numeric, `;` optional, or named.
_REFERENCE = LazyPattern(r"&(?:#[0-9]{1,7};?|#[xX][0-9A-Fa-f]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)")


def decoded_references(text: str) -> tuple[str, SourceMap]:
    """`text` with each character reference read as the character a browser shows
    (`jane&#64;gmail.com`, `555&nbsp;867&nbsp;5309`), and where each place of it is in
    `text`. A reference of no character, or of two, is read as written."""
    if "&" not in text:
        return text, UNCHANGED
    return rewritten(text, _decoded(text))


def _decoded(text: str) -> Iterator[tuple[int, int, str]]:
    for reference in _REFERENCE.finditer(text):
        character = unescape(reference.group())
        if len(character) == 1:
            yield *reference.span(), character
