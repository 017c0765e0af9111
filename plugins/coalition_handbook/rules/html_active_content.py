"""html.active-content: HTML in published Markdown (and in the markup files the site
publishes as they are) that the browser of every reader of the site would run: a
`<script>`, an event handler (`onerror=`, `onclick=`...), a frame or an embedded object
(`<iframe>`, `<frame>`, `<object>`, `<embed>`), or a `<base>`, which sends every link
of the page elsewhere. Looked for in pages (modules' bodies too), protocols'
summaries and steps' details: the Markdown the site publishes as it is.

An event handler may also be written in attr_list's syntax, which the site always has:
`![x](a.png){: onerror="..." }` puts it on the image (`markdown.attribute_lists`). In a
term's definition too, which is text (its tags show as typed): there the term's page and
the handouts leave such a handler out (`markdown.definitions`), and the finding says so,
as one copied in with another coalition's glossary file ran on the term's page, with
`autofocus` at once (security audit).

An event handler is any attribute named `on` and letters: a known one
(`markdown.event_handlers`), or one that no browser is known to run yet, since browsers
add events every year and a list would let the newest through. A name that cannot be an
event's (`onboarding-step`, `on2`) is no handler.

The HTML, XHTML, SVG and XML files of docs_dir are published as they are (an exported
flyer, an SVG poster): a `<script>` or `onload=` in one runs on the site's own origin for
whoever opens it. Their active tags are reported too, read as a browser's parser reads a
file of its type (`markup.start_tags`: HTML, or XML for XHTML, SVG and XML data), and a
suppression comment in the file lets a meant one through, as in a page. A browser shows
plain XML data (a feed, a map's data) as a tree of data: there, only the elements of the
XHTML and SVG namespaces are read (`xml_namespaces`), as only they run anything.

The theme writes a few settings of mkdocs.yml into every page as they are (`site_name`,
`site_description`, `site_author`, `repo_name`, `copyright`: `config_yml.SITE_TEXTS`), in
an element or in an attribute's double quotes: a tag in one is markup on every page, and a
`"` ends the attribute, so that what follows it is the element's (an event handler too). Both are
reported at the setting's line (security audit: `site_name` ran script on every page); a
`"` only in a setting the theme writes into an attribute (`_IN_ATTRIBUTES`). A tag of
`copyright` is meant (Material writes it as HTML), but for one that runs.

Pages may hold HTML by design (`md_in_html`), and the pages' content policy lets a page's
own `<script>` run (it names each page's scripts; it refuses event handlers, but only on
the website, not in the offline build), so only review stops a script in a pull request:
this rule names it there, as the build names a page that sends its reader to another host
(`<meta http-equiv="refresh">`). HTML in code and in comments runs nothing, nor does a
tag in a term's definition (shown as text: `glossary.html`) or front matter (written as
text).
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..documents import CheckedText, scan_handbook
from ..findings import Finding
from ..markdown import LineIndex
from ..markdown.attribute_lists import handler_attributes
from ..markdown.block_pass import mask_blocks
from ..markdown.event_handlers import EVENT_HANDLER_ATTRIBUTES, may_run_as_handler
from ..markdown.raw_html import html_in_markdown, start_tag
from ..markup import FOREIGN_ELEMENTS, HTML_RAW_TEXT_ELEMENTS, end_tag, start_tags
from ..model.files import XML_DATA_SUFFIXES, XML_SUFFIXES
from ..spans import joined, within
from ..xml_namespaces import BROWSER_NAMESPACES, namespaced_start_tags
from .base import CheckContext

if TYPE_CHECKING:
    from ..config.settings import SiteText

RULE = "html.active-content"

# What each element would do in the reader's browser.
_ELEMENTS = {
    "script": "every reader's browser would run this <script>",
    "iframe": "every reader's browser would load a page that may run script in this <iframe>",
    "frame": "every reader's browser would load a page that may run script in this <frame>",
    "object": "every reader's browser would load what this <object> names, which may run script",
    "embed": "every reader's browser would load what this <embed> names, which may run script",
    "base": "this <base> would send every link of the page elsewhere, in every reader's browser",
}
# The texts of a protocol that are Markdown published as it is (its title, steps' titles
# and contacts are written as text).
_PROTOCOL_MARKDOWN = re.compile(r"summary|steps\.\d+\.detail")
# What an active tag holds, in lower case: most texts have none, and are read no further.
# Substrings and a regular expression that starts with letters: a case-blind one, or one
# with `\b`, read the text at a twentieth of the speed.
# An element's name may come after an XML prefix (`<svg:script>`).
_ACTIVE_ELEMENTS = tuple(
    f"{before}{name}"
    for name in ("script", "iframe", "frame", "object", "embed", "base")
    for before in "<:"
)
_HANDLER = re.compile(r"on\w+\s*=")
# Where a `<` is no tag in Markdown (outside raw HTML blocks): in a link's destination and
# title, `](...)`, as Python-Markdown's link pattern reads it before any tag (the title
# becomes an attribute's value, escaped), and on a reference definition's lines
# (`_link_syntax`). Each attempt stops at the next parenthesis: linear.
_LINK_DESTINATION = re.compile(r"\]\([^()\x00]*+(?:\([^()\x00]*+\)[^()\x00]*+)*+\)")
# A start tag as a browser reads one, up to its `>`: a quoted value may hold `>` and `<`.
# A `<` outside quotes ends it here (Python-Markdown reads no tag there, and the browser
# reads `<x` as an attribute's name); possessive, so a page of thousands of unclosed tags
# is read once, not again from each character.
_START_TAG = re.compile(r"""<[A-Za-z][^\s/>]*+(?:[^<>"']++|"[^"]*+"|'[^']*+')*+>""")
_TAG_NAME = re.compile(r"<([^\s/>]++)")
# The end tag of an <svg> or <math> element (or of another: the caller tells them apart).
_FOREIGN_END = re.compile(r"</([A-Za-z][^\s/>]*+)")
_OPENER = re.compile(r"<")
# The end tag of an element a browser reads as text, in a tag's quoted value.
_RAW_TEXT_END = re.compile(
    rf"</(?:{'|'.join(sorted(HTML_RAW_TEXT_ELEMENTS))})[\s/>]", re.IGNORECASE
)


def check(context: CheckContext) -> Iterator[Finding]:
    body_lines = {page.path: page.origin.body_line for page in context.handbook.checked_pages}
    definition_lists = context.config.definition_lists
    for document in scan_handbook(context):
        if document.kind == "term":
            for line, column, handler in document.located(
                lambda text, _: _definition_handlers(text, definition_lists)
            ):
                yield context.finding(
                    RULE,
                    document.path,
                    line,
                    column,
                    f"{_what(handler)}; a definition is text, so the term's page and the "
                    "handouts leave it out: write the definition without it",
                    found=handler,
                )
            continue
        if document.kind not in ("page", "protocol"):
            continue
        body_line = body_lines.get(document.path, 1)
        for line, column, tag in document.located(
            lambda text, _, body_line=body_line: _active_tags(text, body_line, definition_lists)
        ):
            yield context.finding(
                RULE,
                document.path,
                line,
                column,
                f"{_what(tag)}; if the handbook means it, put "
                f"<!-- handbook-disable-next-line {RULE} --> on the line before it",
                found=tag,
            )
    for text_file in context.handbook.text_files:
        if not text_file.markup:
            continue
        lines: LineIndex | None = None
        for start, tag in _active_tags_in_markup(text_file.origin.text, text_file.path):
            lines = lines or LineIndex.of(text_file.origin.text)
            line, column = lines.position(start)
            yield context.finding(
                RULE,
                text_file.path,
                line,
                column,
                f"{_what(tag)}, as the site publishes this file as it is; if the handbook "
                f"means it, put <!-- handbook-disable-next-line {RULE} --> on the line "
                "before it",
                found=tag,
            )
    for site_text in context.config.site_texts:
        for message in _markup_in_site_text(site_text):
            yield context.finding(
                RULE, site_text.path, site_text.line, 1, message, found=site_text.written
            )


# The settings of `SITE_TEXTS` that Material (9.x: `base.html`'s `<meta content>`, the
# logo's `aria-label` in `partials/header.html` and `nav.html`) writes, unescaped, inside
# an attribute's double quotes. `repo_name` it writes only as an element's text
# (`partials/source.html`, and the plugin's own), where a `"` is a quote.
_IN_ATTRIBUTES = frozenset({"site_name", "site_description", "site_author"})
# The settings the theme writes as HTML by design, whose tags are meant but for those
# that run: `copyright`, and Material's cookie consent's title and description, whose
# `<script>` ran on every page of the website too (the content policy names the hash of
# each inline script of a page: security review).
_AS_HTML = frozenset({"copyright", "extra.consent.title", "extra.consent.description"})
# The name of each cookie the consent lists (`extra.consent.cookies.analytics`, or its
# `name:`), written as HTML in a label of every page as well; its key, in an attribute.
_CONSENT_COOKIES = "extra.consent.cookies."
# The titles of Material's page statuses (`extra.status.new`), written only in a
# `title="..."` of the navigation, unescaped: a `"` there ends the attribute.
_STATUS = "extra.status."


def _markup_in_site_text(text: SiteText) -> Iterator[str]:
    """A message for each tag of a setting the theme writes into every page as it is,
    and for its first `"` where the theme writes it in an attribute; of `copyright`, only
    for each tag that runs."""
    value, setting = text.value, text.setting
    # Material writes a cookie's key, as it is, into a `name="..."` (its consent's
    # checkbox, `partials/consent.html`).
    if setting.startswith(_CONSENT_COOKIES) and '"' in setting[len(_CONSENT_COOKIES) :]:
        yield (
            f"the theme writes the key of '{setting}' into every page as it is, in an "
            "attribute's double quotes: its '\"' would end the attribute, and what follows "
            "would be the element's own attributes (an event handler too); write it without"
        )
    if "<" not in value and '"' not in value:  # nearly every one
        return
    in_attribute_only = setting.startswith(_STATUS)  # where a tag is text
    as_html = setting in _AS_HTML or setting.startswith(_CONSENT_COOKIES)
    for tag in (match.group() for match in _START_TAG.finditer(value) if not in_attribute_only):
        if as_html and not _is_active(tag):
            continue
        what = _what(tag) if _is_active(tag) else "it would be markup on every page"
        yield (
            f"the theme writes '{setting}' into every page as HTML, as it is: {tag}: {what}; "
            + ("take it out" if as_html else "write it as plain text")
        )
    if (setting in _IN_ATTRIBUTES or in_attribute_only) and '"' in value:
        yield (
            f"the theme writes '{setting}' into every page as it is, in an attribute's "
            "double quotes too: its '\"' would end the attribute, and what follows would "
            "be the element's own attributes (an event handler too); write it without, "
            "with “ ” for quotes"
        )


def _active_tags_in_markup(markup: str, path: str) -> Iterator[tuple[int, str]]:
    """(offset, tag) of each start tag of `markup` (the HTML, SVG or XML file at `path`)
    that the browser would run, read as a browser reads a file of its type: HTML or XML
    (`XML_SUFFIXES`). In plain XML data (`XML_DATA_SUFFIXES`), only the elements of the
    XHTML and SVG namespaces run anything (`xml_namespaces`)."""
    if "<" not in markup or not _maybe_active(markup):  # most files
        return
    suffix = path.lower()
    if suffix.endswith(XML_DATA_SUFFIXES):
        tags: Iterable[re.Match[str]] = (
            tag
            for tag, namespace in namespaced_start_tags(markup)
            if namespace in BROWSER_NAMESPACES
        )
    else:
        tags = start_tags(markup, xml=suffix.endswith(XML_SUFFIXES))
    for tag in tags:
        if _is_active(tag.group()):
            yield tag.start(), tag.group()


def _definition_handlers(text: CheckedText, definition_lists: bool) -> list[tuple[int, int]]:
    """(start, end) in the view of each event handler of an attr_list list in a term's
    definition, outside code (read with def_list or without: `definition_lists`) and
    comments. Its tags are text: a handler in one is none."""
    markdown = text.markdown
    if text.key != "definition" or markdown is None or "{" not in markdown:  # most texts
        return []
    comments = html_in_markdown(markdown, definition_lists=definition_lists).comments
    return handler_attributes(markdown, comments, definition_lists=definition_lists)


def _active_tags(
    text: CheckedText, body_line: int, definition_lists: bool = True
) -> list[tuple[int, int]]:
    """(start, end) in the view of each start tag of `text` that the browser would run,
    and of each event handler of an attr_list list, outside code and comments (and a
    page's front matter), read with def_list or without (`definition_lists`): a
    definition's indented blocks are its own, or code."""
    markdown = text.markdown
    if markdown is None or ("<" not in markdown and "{" not in markdown):  # most texts
        return []
    if not (text.key == "" or _PROTOCOL_MARKDOWN.fullmatch(text.key)):
        return []
    body_start = LineIndex.of(markdown).offset(body_line, 1) if text.key == "" else 0
    body = markdown[body_start:]
    if not _maybe_active(body):  # nearly every text
        return []
    html = html_in_markdown(body, html_blocks=True, definition_lists=definition_lists)
    spans = [
        (body_start + start, body_start + end)
        for start, end in _active_start_tags(body, html.openers, html.comments, definition_lists)
    ]
    not_markdown = sorted([*html.comments, *html.tags])
    spans += [
        (body_start + start, body_start + end)
        for start, end in handler_attributes(body, not_markdown, definition_lists=definition_lists)
    ]
    return sorted(spans)


def _active_start_tags(
    body: str,
    openers: tuple[int, ...],
    comments: tuple[tuple[int, int], ...],
    definition_lists: bool = True,
) -> Iterator[tuple[int, int]]:
    """(start, end) of each start tag at one of `openers` (the `<` of `body` outside
    code and `comments`) that a browser would run, read as it reads them: none in a
    quoted value of another, nor in the text of an element a browser reads as text up to
    its end tag (`<noscript>`, `<style>`, `<textarea>`, `<title>`...), outside an `<svg>`
    or `<math>`. After that end tag it reads on, also where a comment seemed to start
    before it: `<style><p title="</style><script>...">` and `<style><!--</style><script>`
    run the script (security audit). Links are read with def_list or without
    (`definition_lists`)."""
    not_html = _link_syntax(body, definition_lists) if openers else []
    pending = list(openers)
    heapq.heapify(pending)
    comment_starts = [start for start, _ in comments]
    tag_end = 0
    foreign = 0  # <svg> and <math> elements open: no element in them is read as text
    # `<` in a quoted value that a browser may read as tags all the same (see below).
    reread: set[int] = set()
    last = -1
    while pending:
        opener = heapq.heappop(pending)
        if opener == last:
            continue
        last = opener
        if (opener < tag_end and opener not in reread) or within(not_html, opener):
            continue  # inside the last tag's quoted value, or an element's text
        if foreign and (end := _FOREIGN_END.match(body, opener)):
            foreign -= end.group(1).lower() in FOREIGN_ELEMENTS
            continue
        tag = _START_TAG.match(body, opener)
        if tag is None:
            continue
        tag_end = max(tag_end, tag.end())
        if _is_active(tag.group()):
            yield opener, tag.end()
        if foreign and (ended := _RAW_TEXT_END.search(tag.group())):
            # In an <svg>'s <foreignObject>, <title> or <desc>, or a <math>'s <mtext>...,
            # elements are HTML again, a <style> read as text: its end tag in this value
            # may end it, and what follows in the value be tags.
            for found in _OPENER.finditer(body, opener + ended.start(), tag.end()):
                reread.add(found.start())
                heapq.heappush(pending, found.start())
        named = _TAG_NAME.match(tag.group())
        name = named.group(1).lower() if named else ""
        if name in FOREIGN_ELEMENTS and not tag.group().endswith("/>"):
            foreign += 1
        elif not foreign and name in HTML_RAW_TEXT_ELEMENTS:
            end = end_tag(name).search(body, tag_end)
            tag_end = end.start() if end is not None else len(body)
            # A comment that seemed to hold the end tag started in the element's text:
            # a browser reads the tags after the end tag up to that comment's end.
            index = bisect.bisect_right(comment_starts, tag_end) - 1
            if end is not None and index >= 0 and comments[index][1] > tag_end:
                for found in _OPENER.finditer(body, tag_end, comments[index][1]):
                    heapq.heappush(pending, found.start())


def _link_syntax(markdown: str, definition_lists: bool = True) -> list[tuple[int, int]]:
    """(start, end), sorted and apart, of the links' destinations and titles and the
    reference definitions of `markdown` that stand outside raw HTML blocks. The lines
    of a definition are the block pass's (`Blocks`), which reads them as Python-Markdown
    does: an address with no space and at most a title, each of them on the label's
    line or alone on the next, in quotes, lists and admonitions too. A line with more
    after the address (`[x]: a b <script>...`) is no definition but a paragraph, whose
    tags are published, and `[^1]:` is a footnote's text (security audit); a line after
    a definition written in code is no title (review rv26). `definition_lists`: whether
    the site runs def_list (a definition's indented lines are its own, or code)."""
    if "](" not in markdown and "]:" not in markdown:  # neither a link nor a definition
        return []
    raw_blocks: list[tuple[int, int]] = []
    definitions: list[tuple[int, int]] = []
    mask_blocks(markdown, 1, raw_blocks, definitions, definition_lists=definition_lists)
    links = [match.span() for match in _LINK_DESTINATION.finditer(markdown)]
    return joined(
        span
        for span in sorted([*links, *definitions])
        if not within(raw_blocks, span[0])  # Markdown is not read there: a tag is a tag
    )


def _maybe_active(markdown: str) -> bool:
    lowered = markdown.lower()
    return any(name in lowered for name in _ACTIVE_ELEMENTS) or bool(_HANDLER.search(lowered))


def _is_active(tag: str) -> bool:
    if not _maybe_active(tag):  # most tags (`<b>`, `<td>`): no need to parse them
        return False
    name, attributes = _start_tag(tag)
    return name in _ELEMENTS or any(may_run_as_handler(attribute) for attribute in attributes)


def _start_tag(tag: str) -> tuple[str, dict[str, str | None]]:
    """`start_tag`, the name without its XML prefix: in an SVG or XHTML file,
    `<svg:script>` and `<html:script>` run as a `<script>` does."""
    name, attributes = start_tag(tag)
    return name.rpartition(":")[2], attributes


def _what(found: str) -> str:
    """What the tag, or the attribute of an attr_list list (`name=value`), would do, to
    say in a finding."""
    if not found.startswith("<"):
        name = found.partition("=")[0].lower()
        return f"attr_list puts {name}= on the element: {_handlers_run([name])}"
    name, attributes = _start_tag(found)
    if name in _ELEMENTS:
        return _ELEMENTS[name]
    return _handlers_run([attribute for attribute in attributes if may_run_as_handler(attribute)])


def _handlers_run(handlers: list[str]) -> str:
    """What the event handlers named `handlers` would do, to say in a finding."""
    known = [handler for handler in handlers if handler in EVENT_HANDLER_ATTRIBUTES]
    if known:
        listed = ", ".join(f"{handler}=" for handler in known)
        return f"every reader's browser would run this event handler ({listed})"
    listed = ", ".join(f"{handler}=" for handler in handlers)
    data = ", ".join(f"data-{handler}=" for handler in handlers)
    return (
        f"{listed} is named as browsers name the event handlers every reader's browser "
        "would run (on and an event's name): none is known to run this name yet, but "
        f"browsers add events every year; if it holds data, name it {data}"
    )
