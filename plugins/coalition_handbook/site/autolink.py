"""Autolinks: uses of a term in a page's prose link to the term's page, with a tooltip;
public phone numbers (those `privacy.allow` lists) become `tel:` links, to tap on a phone.

A Python-Markdown tree processor does the work on the parsed page, so headings, links,
code and raw HTML are recognised as what they are (no pattern runs over HTML). The
compiled matcher is shared for the whole build; a page is one `Matcher.scan` call over
its prose, whatever its size. Python-Markdown keeps a character reference (`&amp;`) out
of the tree, as a placeholder for raw HTML: the text is scanned with the character it
stands for, so "Hotel &amp; Lodging" is a use of the form "Hotel & Lodging".
"""

from __future__ import annotations

import bisect
import re
import xml.etree.ElementTree as etree
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple, Protocol
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, HTML_PLACEHOLDER_RE, STX

from ..cache import RunCache
from ..character_references import unescape
from ..lazy_pattern import LazyPattern
from ..markdown import mask_addresses
from ..model.types import Term
from ..rules.privacy_allow import public_short_codes
from ..rules.privacy_public_phones import public_phone_numbers
from .autolink_across import LinksAcross
from .autolink_raw_tags import (
    ENDS_TOO,
    MOST_IDENTICAL_CARRIED,
    NOLINK,
    SUMMARY,
    RawTags,
    balanced_span,
    is_carried,
    marked_tags,
    raw_tags,
)
from .html_comments import text_without_comments
from .phone_links import dialable, phone_href
from .urls import relative_page_url, term_src_uri

AutolinkMode = Literal["first", "all", "none"]

# Elements whose text is never linked: headings, links, code, and what is not prose.
SKIPPED_TAGS = frozenset(
    {
        *("a", "abbr", "button", "code", "kbd", "label", "math", "pre", "samp"),
        *("script", "style", "summary", "svg", "textarea", "title"),
        *("noscript", "option", "select", "template", "var"),
        *("h1", "h2", "h3", "h4", "h5", "h6"),
    }
)
# Of the elements never linked, those that browsers open again in the next paragraph or
# list item when raw HTML left them open ("formatting elements"), as they do a formatting
# element marked `hb-nolink` or a history summary (`is_carried`); what a table cell
# opens ends with the cell.
_FORMATTING_TAGS = frozenset({"a", "code"})
_CELL_TAGS = frozenset({"td", "th", "caption"})
# Elements that hold phrasing only: a raw tag left open in a paragraph, list item or cell
# ends with it (but for `_FORMATTING_TAGS`), as browsers end it.
PHRASING_TAGS = frozenset(
    {
        *("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i"),
        *("ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong"),
        *("sub", "sup", "time", "u", "var"),
    }
)
# Elements whose raw tags in a paragraph the scan reads through, as the checks read a tag:
# a link over them holds them whole (site/autolink_raw_tags.py).
_READ_THROUGH_TAGS = PHRASING_TAGS - SKIPPED_TAGS
# Classes that mark text which is not prose either: admonition titles, permalinks,
# pymdownx.arithmatex's math (TeX for MathJax or KaTeX, which read a formula only from one
# text: a link inside breaks it) and its preview, and anything an author marks with
# `hb-nolink`.
SKIPPED_CLASSES = frozenset(
    {"admonition-title", "arithmatex", "headerlink", "hb-nolink", "hb-term", "MathJax_Preview"}
)
# pymdownx.critic's placeholders in the tree (STX key ETX, as Python-Markdown's own), each
# standing for a tag in its own stash; and the tags around the text an editor marks for
# deletion (`{--x--}`, the old side of `{~~x~>y~~}`): gone once the change is accepted, so
# not linked, as the checks do not read it (markdown/inline.py).
_CRITIC_PLACEHOLDER = LazyPattern(f"{STX}([^{STX}{ETX}]+){ETX}")
_CRITIC_DELETION = {'<del class="critic">': False, "</del>": True}
# The name under which a critic deletion is tracked with the raw elements never linked.
_CRITIC_DELETED = "del.critic"
# Joins the page's texts for one scan: neither a letter nor a word separator for the
# matcher, so no form can match across two texts.
_BOUNDARY = "\x00"
_WHITESPACE = LazyPattern(r"\s+")
# A character reference, named or numeric, as Python-Markdown stashes it.
_CHARACTER_REFERENCE = LazyPattern(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z0-9]+);")
# A line break written in HTML, as Python-Markdown stashes it.
_BREAK_TAG = LazyPattern(r"<br\s*/?>", re.IGNORECASE)
# What a `<br>` (or a comment) reads as: a space to the matcher, but no blank a wrapped
# line's break is joined over (`unspaced_words.join_wrapped_lines`), as the checks read
# it (review rv66h: `人口<br>` / `販運`, a new line the reader sees, was linked whole).
_BREAK_GAP = "\u00a0"
# An HTML comment, as Python-Markdown stashes one in a paragraph.
_COMMENT = LazyPattern(r"<!--.*?-->", re.DOTALL)

# Last: after inline parsing (20), attr_list (8), abbr (7), toc (5), unescaping (0) and
# MkDocs' `relpath` (0), which parses and validates every link of a page. A term page
# always exists, so autolinks are written with their final URLs, out of relpath's way:
# a page of a large handbook holds dozens of them.
TREEPROCESSOR_PRIORITY = -10


class _Match(Protocol):
    # Read-only, as `matching.Match` (a frozen dataclass) holds them.
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def term_id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def case_ok(self) -> bool: ...


class Scanner(Protocol):
    """What autolinking needs of `matching.Matcher`."""

    def scan(self, text: str) -> Sequence[_Match]: ...


class _Use(NamedTuple):
    """A use of an accepted form, in its case: all that autolinking reads of a match."""

    start: int
    end: int
    term_id: str
    kind: str = "accepted"
    case_ok: bool = True


class KeptScans:
    """`scanner`, with what it found in each text kept in `cache`, by the text and by
    `scanner_key` (the digest of what the scanner was compiled from: the terms' forms): a
    warm build scans no page's prose it scanned before. A scan depends on nothing else
    (not the page, its URL or the tooltips, which autolinking reads afterwards); only the
    uses autolinking links are kept."""

    def __init__(self, scanner: Scanner, cache: RunCache, namespace: str, scanner_key: str):
        self.scanner = scanner
        self.cache = cache
        self.namespace = namespace
        self.scanner_key = scanner_key

    def scan(self, text: str) -> Sequence[_Match]:
        key = self.cache.key(self.namespace, "autolink-scan", self.scanner_key, text)
        found = self.cache.load(self.namespace, key, lambda value: isinstance(value, list))
        if found is None:
            matches = self.scanner.scan(text)
            found = [(m.start, m.end, m.term_id) for m in matches if _linkable(m)]
            self.cache.store(self.namespace, key, found)
        return [_Use(*use) for use in found]


def _linkable(match: _Match) -> bool:
    """Whether `match` is a use autolinking links: of an accepted form, as written (a
    case-sensitive form in another case, "t visa", is a finding, term.case)."""
    return match.kind == "accepted" and match.case_ok


@dataclass(frozen=True, slots=True)
class LinkTarget:
    """Where a term's links go, and the tooltip they show."""

    term_id: str
    src_uri: str
    tooltip: str


def tooltip_text(short: str) -> str:
    """A term's `short` on one line. It is plain text (DESIGN section 3.1), shown as
    written, as the glossary index and the handouts show it: `*` and HTML in it stay text
    (escaped when the attribute is written), but for an editor's comment, which is not
    published (site/html_comments.py)."""
    return _WHITESPACE.sub(" ", text_without_comments(short)).strip()


class Autolinker:
    """Links term uses, page by page. Built once per build; `begin_page` before each page."""

    def __init__(
        self,
        scanner: Scanner,
        targets: Mapping[str, LinkTarget],
        mode: AutolinkMode,
        public_phones: frozenset[str] = frozenset(),
    ) -> None:
        self.scanner = scanner
        self.targets = targets
        self.mode = mode
        # privacy.allow's phone numbers and short codes (`privacy_allow.public_phone_keys`),
        # linked to call or to text them whatever `mode` says, which is about terms.
        self.public_phones = public_phones
        self._page_urls: Mapping[str, str] = {}
        self._page_url: str | None = None
        self._own_term: str | None = None
        self._hrefs: dict[str, str | None] = {}

    def know_pages(self, page_urls: Mapping[str, str]) -> None:
        """The URL of every page of the site, by source path (`glossary/victim.md` ->
        `glossary/victim/`): a term whose page is not among them is not linked."""
        self._page_urls = page_urls

    def begin_page(self, page_url: str, own_term: str | None = None) -> None:
        """The next tree processed is the page at `page_url`, as MkDocs gives it (the
        page of `own_term`, if it is a term page: it does not link to itself)."""
        self._page_url = page_url
        self._own_term = own_term
        self._hrefs = {}

    def _href(self, target: LinkTarget) -> str | None:
        """The link from this page to the page of `target`; None if it has none."""
        if target.src_uri not in self._hrefs:
            url = self._page_urls.get(target.src_uri)
            self._hrefs[target.src_uri] = (
                None if url is None else relative_page_url(self._page_url or "", url)
            )
        return self._hrefs[target.src_uri]

    def link_tree(
        self,
        root: etree.Element,
        raw_html: Sequence[object] = (),
        critic_marks: Mapping[str, str] | None = None,
    ) -> int:
        """Link the uses of terms and the public phone numbers in `root`, in place;
        returns how many links it made. `raw_html` is what the page's raw HTML
        placeholders stand for (Python-Markdown's `htmlStash.rawHtmlBlocks`): the
        character references among it are read as text. `critic_marks` is what
        pymdownx.critic's placeholders stand for, by key (`critic_marks`)."""
        if (self.mode == "none" and not self.public_phones) or self._page_url is None:
            return 0
        # The abbr extension's elements are read as the text around them, and put back
        # afterwards, inside a link that holds them whole: "<abbr>HSI</abbr> Tip Line"
        # is a use of "HSI Tip Line", whose link keeps the abbreviation's tooltip.
        abbreviations = _unwrap_abbreviations(root)
        try:
            return self._link_tree(root, raw_html, critic_marks or {}, abbreviations)
        finally:
            for anchor, spans in abbreviations.items():
                _wrap_again(anchor, spans)

    def _link_tree(
        self,
        root: etree.Element,
        raw_html: Sequence[object],
        critic_marks: Mapping[str, str],
        abbreviations: _Abbreviations,
    ) -> int:
        segments: list[tuple[etree.Element, etree.Element | None, str]] = []
        blocks: list[etree.Element] = []
        item_terms: list[frozenset[str]] = []
        joints = _Joints()
        _collect(root, segments, blocks, root, item_terms, self._item_term, joints)
        if not segments:
            return 0
        texts = [text for _, _, text in segments]
        # Only a page with a marked element (`marked_tags`) pairs its tags: most pages not.
        marked = any(
            isinstance(stashed, str) and (NOLINK in stashed or SUMMARY in stashed)
            for stashed in raw_html
        )
        reading_order = _placeholder_numbers(texts) if marked else []
        placeholder_blocks = _placeholder_blocks(texts, blocks) if marked else {}
        skipped = _raw_tags(raw_html, reading_order, placeholder_blocks)
        in_raw = _inside_raw_elements(texts, blocks, skipped, critic_marks)
        # A history summary is a record: no use of a term, which its "Used on" list leaves
        # out; a phone number in it is linked all the same.
        summaries = marked_tags(raw_html, SUMMARY, reading_order, placeholder_blocks)
        terms_in_raw = (
            _inside_raw_elements(texts, blocks, skipped | summaries, critic_marks)
            if summaries
            else in_raw
        )
        read_through = raw_tags(raw_html, _READ_THROUGH_TAGS) if raw_html else {}
        views = [_readable(text, raw_html, read_through) for _, _, text in segments]
        starts: list[int] = []
        offset = 0
        pieces: list[str] = []
        for (view, _), joint in zip(views, joints.joints, strict=True):
            if starts:
                pieces.append(joint)
                offset += len(joint)
            starts.append(offset)
            pieces.append(view)
            offset += len(view)
        # A bare URL or e-mail address is no use of a form (DESIGN section 4), nor a phone
        # number: masked, as the checks mask it, so it neither gets a link nor takes the
        # first one.
        masked = mask_addresses("".join(pieces))
        matches = self.scanner.scan(masked) if self.mode != "none" else ()

        def locate(position: int, at_end: bool) -> tuple[int, int]:
            """The segment of a position of the view, and the position in its text."""
            index = bisect.bisect_right(starts, position - 1 if at_end else position) - 1
            local = min(position - starts[index], len(views[index][0]))
            offsets = views[index][1]
            return index, local if offsets is None else offsets[local]

        def place(start: int, end: int) -> tuple[int, int, int] | None:
            """The segment of the view's (start, end), and where it is in its text."""
            index, start = locate(start, False)
            end_index, end = locate(end, True)
            return (index, start, end) if end_index == index else None

        # Links over more than one text (autolink_across.py), made as found: each text's
        # links are made after, in what is left of it (`across.current`).
        across = LinksAcross(segments, blocks, terms_in_raw, read_through)

        linked: set[str] = set()
        by_segment: dict[int, list[tuple[int, int, dict[str, str]]]] = {}
        for match in matches:
            if not _linkable(match) or match.term_id == self._own_term:
                continue
            target = self.targets.get(match.term_id)
            if target is None or (self.mode == "first" and match.term_id in linked):
                continue
            if _in_compound(masked, match.start, match.end):
                continue  # "victim-centered", "anti-trafficking": part of another word
            href = self._href(target)
            if href is None:
                continue
            first, first_at = locate(match.start, False)
            last, last_at = locate(match.end, True)
            if first != last:
                if (
                    not abbreviations  # a link holds one whole: not looked into here
                    and match.term_id not in item_terms[first]
                    and across.link(first, first_at, last, last_at, self._attributes(target, href))
                ):
                    linked.add(match.term_id)
                continue
            index, start, end = first, first_at, last_at
            balanced = balanced_span(segments[index][2], start, end, read_through)
            if balanced is None:
                continue  # it starts in one element of raw HTML and ends in another
            start, end = balanced
            if terms_in_raw[index].overlaps(start, end):
                continue  # in a link or code written in HTML: no use to link
            if _cuts_abbreviation(abbreviations, segments[index], start, end):
                continue
            if match.term_id in item_terms[index]:
                continue  # in a list item that starts with a link to this term's page
            linked.add(match.term_id)
            by_segment.setdefault(index, []).append((start, end, self._attributes(target, href)))
        if self.public_phones:
            calls = public_phone_numbers(masked, self.public_phones)
            texts = public_short_codes(masked, self.public_phones)
            numbers = [
                *((start, end, "tel") for start, end in calls),
                *((start, end, "sms") for start, end in texts),
            ]
            for view_start, view_end, scheme in numbers:
                placed = place(view_start, view_end)
                if placed is None:
                    continue
                index, start, end = placed
                # Whole elements only, as a term's link: a summary's last number took its
                # `</span>` in (`<a>...</span></a>`).
                balanced = balanced_span(segments[index][2], start, end, read_through)
                if balanced is None:
                    continue
                start, end = balanced
                if (
                    in_raw[index].overlaps(start, end)
                    or across.covers(index, start, end)
                    or _cuts_abbreviation(abbreviations, segments[index], start, end)
                ):
                    continue
                spans = by_segment.setdefault(index, [])
                if any(
                    start < other_end and other_start < end for other_start, other_end, _ in spans
                ):
                    continue  # a form with digits in it, linked to its term
                # As read, without a tag inside it (`<span>1-888</span>-373-7888`).
                number = masked[view_start:view_end]
                if not dialable(number, scheme):
                    continue  # listed public, yet in doubt (`1-888-373-7৪৪৪`): no link
                href = str(phone_href(number, scheme))
                spans.append((start, end, {"class": "hb-phone", "href": href}))
        for index, spans in by_segment.items():
            if spans:
                owner, child, text, shift = across.current(index)
                shifted = [(start - shift, end - shift, link) for start, end, link in spans]
                links = self._split((owner, child, text), sorted(shifted, key=lambda span: span[0]))
                owner, child, _ = segments[index]
                if (owner, child) in abbreviations:
                    abbreviations[owner, child].links = links
        return across.made + sum(len(spans) for spans in by_segment.values())

    @staticmethod
    def _attributes(target: LinkTarget, href: str) -> dict[str, str]:
        return {
            "class": "hb-term",
            "data-term": target.term_id,
            "href": href,
            "title": target.tooltip,
        }

    def _item_term(self, item: etree.Element) -> str | None:
        """The term whose page a list item starts with a link to, as the glossary's
        index writes each entry (`- [survivor](survivor/): A person who...`): the rest
        of the item is about that term, and links to it again would lead where its first
        word does. None for any other item."""
        element = item
        for _ in range(2):  # the item itself, or its paragraph in a loose list
            if len(element) == 0 or (element.text and not element.text.isspace()):
                return None
            first = element[0]
            if first.tag == "a":
                path = urlsplit(first.get("href") or "").path  # `#history` is its page too
                candidate = path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html")
                target = self.targets.get(candidate)
                return candidate if target is not None and self._href(target) == path else None
            if first.tag != "p":
                return None
            element = first
        return None

    def _split(
        self,
        segment: tuple[etree.Element, etree.Element | None, str],
        spans: list[tuple[int, int, dict[str, str]]],
    ) -> list[etree.Element]:
        """Replace one text by text, links, text...: `owner.text` when `child` is None,
        else `child.tail` inside `owner`; returns the links."""
        owner, child, text = segment
        links: list[etree.Element] = []
        position = spans[0][0]
        before = text[:position]
        for number, (start, end, attributes) in enumerate(spans):
            link = etree.Element("a", attributes)
            link.text = text[start:end]
            following = spans[number + 1][0] if number + 1 < len(spans) else len(text)
            link.tail = text[end:following]
            links.append(link)
        if child is None:
            owner.text = before
            at = 0
        else:
            child.tail = before
            at = list(owner).index(child) + 1
        for offset, link in enumerate(links):
            owner.insert(at + offset, link)
        return links


# Hyphens that join words into one (DESIGN section 4 reads them as word breaks).
_HYPHENS = frozenset("-\u2010\u2011")


def _in_compound(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], a use of a form, is glued by a hyphen to a word before or
    after it: part of a compound ("victim-centered", "anti-trafficking", "U.S.-based"),
    whose meaning is not the term's, or is even its opposite ("Non-commercial sex act").
    It is still checked as a use; it is only not linked. Where a longer form took a
    hyphenated word's second half ("Sex-trafficking victims"), the shorter one it won over
    is not linked either: no link is better than a wrong one (review)."""
    return _glued(text, start - 1, -1) or _glued(text, end, 1)


def _glued(text: str, index: int, step: int) -> bool:
    """Whether, from `index` on (by `step`), a hyphen comes, then a letter or a digit."""
    hyphen = _next_character(text, index, step)
    if hyphen is None or text[hyphen] not in _HYPHENS:
        return False
    word = _next_character(text, hyphen + step, step)
    return word is not None and text[word].isalnum()


def _next_character(text: str, index: int, step: int) -> int | None:
    """The index of the first character from `index` on (by `step`) that is no boundary
    between the texts of two elements: "*Non*-commercial" is one word glued to another."""
    while 0 <= index < len(text) and text[index] == _BOUNDARY:
        index += step
    return index if 0 <= index < len(text) else None


def _readable(
    text: str, raw_html: Sequence[object], read_through: RawTags
) -> tuple[str, list[int] | None]:
    """`text` as it reads, each placeholder of a character reference (`&amp;`) replaced by
    its character, and of a tag in `read_through` by nothing, with the offset in `text` of
    each character of that and of its end (None: `text` itself)."""
    if STX not in text:  # most texts: no placeholder at all
        return text, None
    pieces: list[str] = []
    offsets: list[int] = []
    previous = 0
    for placeholder in HTML_PLACEHOLDER_RE.finditer(text):
        number = int(placeholder.group(1))
        stashed = raw_html[number] if number < len(raw_html) else None
        character = "" if number in read_through else _referenced_character(stashed)
        if character is None:  # an HTML tag, or another kind of placeholder: left as is
            continue
        pieces.append(text[previous : placeholder.start()])
        offsets.extend(range(previous, placeholder.start()))
        pieces.append(character)
        if character:
            offsets.append(placeholder.start())
        previous = placeholder.end()
    if not pieces:
        return text, None
    pieces.append(text[previous:])
    offsets.extend(range(previous, len(text) + 1))
    return "".join(pieces), offsets


def _inside_raw_elements(
    texts: Sequence[str],
    blocks: Sequence[etree.Element],
    tags: Mapping[int, tuple[str, bool]],
    critic_marks: Mapping[str, str],
) -> list[RawSpans]:
    """For each of a page's texts, in reading order, the spans inside an element that raw
    HTML opened and that is never linked (`<a href>`, `<code>`, `<kbd>`...) or inside a
    critic deletion: the tags are placeholders in the texts, what they hold is text
    between them, possibly in later texts of the same block (`blocks[i]` holds
    `texts[i]`); `tags` are the raw tags of those elements (`_raw_tags`)."""
    deletions = _critic_deletion_tags(critic_marks)
    if not tags and not deletions:  # no raw element that is never linked: most pages
        return [_NO_SPANS] * len(texts)
    spans: list[RawSpans] = []
    open_tags: Counter[str] = Counter()
    open_count = 0
    block: etree.Element | None = None
    # A link or code open where a table cell starts: browsers take it on through the
    # table, and drop what a cell opens at its end.
    outside_cells: Counter[str] | None = None
    for text, text_block in zip(texts, blocks, strict=True):
        if text_block is not block:
            # A new block ends what raw HTML left open in the last, but for a link or
            # code, which browsers take on into the next paragraph or item.
            if outside_cells is not None:
                open_tags = outside_cells  # a copy already, and dropped now
                outside_cells = None
            if open_tags:  # (nothing was opened: most blocks, every cell of most tables)
                for name in list(open_tags):
                    if is_carried(name):  # (identical ones: `marked_tags`)
                        open_tags[name] = min(open_tags[name], MOST_IDENTICAL_CARRIED)
                    elif name not in _FORMATTING_TAGS:
                        del open_tags[name]
            if text_block.tag in _CELL_TAGS:
                outside_cells = open_tags.copy()
            open_count = open_tags.total()
            block = text_block
        if not open_count and STX not in text:  # no raw tag in it, none open around it
            spans.append(_NO_SPANS)
            continue
        inside = RawSpans()
        start = 0 if open_count else None
        for placeholder, (name, closing) in _tag_placeholders(text, tags, deletions):
            if not closing:  # `<a .../>` opens a link all the same
                if name == "a" and open_tags["a"]:
                    continue  # a link ends where the next begins: still inside one
                if not open_count:
                    start = placeholder.end()
                open_tags[name] += 1
                open_count += 1
            elif open_tags[name]:
                open_tags[name] -= 1
                open_count -= 1
                if not open_count and start is not None:
                    inside.add(start, placeholder.start())
                    start = None
        if open_count and start is not None:
            inside.add(start, len(text))
        spans.append(inside)
    return spans


def _critic_deletion_tags(critic_marks: Mapping[str, str]) -> dict[str, tuple[str, bool]]:
    """(`_CRITIC_DELETED`, whether it closes) of each critic placeholder that opens or
    closes a deletion, by its key."""
    return {
        key: (_CRITIC_DELETED, _CRITIC_DELETION[tag])
        for key, tag in critic_marks.items()
        if tag in _CRITIC_DELETION
    }


def _tag_placeholders(
    text: str, tags: Mapping[int, tuple[str, bool]], deletions: Mapping[str, tuple[str, bool]]
) -> list[tuple[re.Match[str], tuple[str, bool]]]:
    """The placeholders in `text` of the raw tags in `tags` (by number) and of the critic
    deletion tags in `deletions` (by key), in text order, each with (name, closing)."""
    found: list[tuple[re.Match[str], tuple[str, bool]]] = []
    if tags and STX in text:
        for placeholder in HTML_PLACEHOLDER_RE.finditer(text):
            tag = tags.get(int(placeholder.group(1)))
            if tag is not None:
                # An end tag that ends more than one marked element ends each.
                found.extend((placeholder, (name, tag[1])) for name in tag[0].split(ENDS_TOO))
    if deletions and STX in text:
        for placeholder in _CRITIC_PLACEHOLDER.finditer(text):
            tag = deletions.get(placeholder.group(1))
            if tag is not None:
                found.append((placeholder, tag))
        found.sort(key=lambda item: item[0].start())
    return found


class RawSpans:
    """Disjoint (start, end) spans of one text, in order, asked about by bisection: a
    paragraph of thousands of raw links and terms stays linear."""

    __slots__ = ("_ends", "_starts")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        self._starts.append(start)
        self._ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self._ends, start)  # the first span ending after start
        return index < len(self._starts) and self._starts[index] < end


_NO_SPANS = RawSpans()  # never added to: shared by every text without raw HTML


def _placeholder_numbers(texts: Sequence[str]) -> list[int]:
    """The numbers of the stash's placeholders in `texts`, in reading order."""
    return [
        int(placeholder.group(1))
        for text in texts
        if STX in text
        for placeholder in HTML_PLACEHOLDER_RE.finditer(text)
    ]


def _placeholder_blocks(
    texts: Sequence[str], blocks: Sequence[etree.Element]
) -> dict[int, etree.Element]:
    """The block (`blocks[i]` holds `texts[i]`) of each of the stash's placeholders in
    `texts`: `marked_tags` pairs a formatting element's end tag with the marked elements
    in it only within one."""
    return {
        int(placeholder.group(1)): block
        for text, block in zip(texts, blocks, strict=True)
        if STX in text
        for placeholder in HTML_PLACEHOLDER_RE.finditer(text)
    }


def _raw_tags(
    raw_html: Sequence[object],
    reading_order: Sequence[int] = (),
    blocks: Mapping[int, etree.Element] | None = None,
) -> dict[int, tuple[str, bool]]:
    """(name, whether it closes) of each stashed raw tag of an element that is never
    linked (`SKIPPED_TAGS`), by its placeholder's number. A tag of raw HTML in a paragraph
    (`<a href="...">`, `</code>`) is kept out of the tree as a placeholder: the text of
    its element is in the tree, where only these tags say that it is a link's or code's
    (`_inside_raw_elements`). An element of class `hb-nolink` too (`marked_tags`), as
    `*name*{ .hb-nolink }` is. A tag of both names both (`<a href="x"><span
    class="hb-nolink">x</a> y`: the `</a>` ends the link and the span, as Chromium reads
    it, so y is outside either)."""
    tags = raw_tags(raw_html, SKIPPED_TAGS)
    for number, (marked, closing) in marked_tags(raw_html, NOLINK, reading_order, blocks).items():
        skipped = tags.get(number)
        tags[number] = (marked if skipped is None else f"{skipped[0]}{ENDS_TOO}{marked}", closing)
    return tags


def _referenced_character(stashed: object) -> str | None:
    """The character a stashed character reference stands for, and a space for a line
    break written in HTML (`<br>`) and for an editor's comment (`<!-- note -->`, not
    published): a form over either is a use, as the checks read it. None for anything
    else (or a reference to more than one character, which no form needs)."""
    if isinstance(stashed, str) and (_BREAK_TAG.fullmatch(stashed) or _COMMENT.fullmatch(stashed)):
        return _BREAK_GAP
    if not isinstance(stashed, str) or not _CHARACTER_REFERENCE.fullmatch(stashed):
        return None
    character = unescape(stashed)
    return character if len(character) == 1 else None


@dataclass(slots=True)
class _AbbreviationSpans:
    """The abbr elements taken out of one text of the tree (`_unwrap_abbreviations`),
    each with where its text is in that text; and the links made in the text since."""

    spans: list[tuple[int, int, etree.Element]]
    links: list[etree.Element] = field(default_factory=list)


# By text: (owner, None) for `owner.text`, (owner, child) for `child.tail`.
_Abbreviations = dict[tuple[etree.Element, etree.Element | None], _AbbreviationSpans]


def _unwrap_abbreviations(root: etree.Element) -> _Abbreviations:
    """Take the abbr extension's elements (text only) out of the prose of `root`, their
    text and tail joined to the text before them, and say where each was. Outside the
    prose (headings, links, code...) they stay."""
    found: _Abbreviations = {}
    if next(root.iter("abbr"), None) is None:  # most pages
        return found
    _unwrap_in(root, found)
    return found


def _unwrap_in(element: etree.Element, found: _Abbreviations) -> None:
    previous: etree.Element | None = None  # the child whose tail is the text before
    for child in list(element):
        if child.tag == "abbr" and len(child) == 0 and not _skipped_by_class(child):
            anchor = (element, previous)
            before = (element.text if previous is None else previous.tail) or ""
            start = len(before)
            joined = before + (child.text or "") + (child.tail or "")
            if previous is None:
                element.text = joined
            else:
                previous.tail = joined
            end = start + len(child.text or "")
            child.tail = None
            element.remove(child)
            found.setdefault(anchor, _AbbreviationSpans([])).spans.append((start, end, child))
            continue
        if not _skipped(child):
            _unwrap_in(child, found)
        previous = child


def _cuts_abbreviation(
    abbreviations: _Abbreviations,
    segment: tuple[etree.Element, etree.Element | None, str],
    start: int,
    end: int,
) -> bool:
    """Whether a link over segment[start:end] would hold part of an abbreviation: a link
    holds one whole, or none of it."""
    if not abbreviations:
        return False
    owner, child, _ = segment
    taken = abbreviations.get((owner, child))
    if taken is None:
        return False
    return any(
        start < span_end and span_start < end and not (start <= span_start and span_end <= end)
        for span_start, span_end, _ in taken.spans
    )


def _wrap_again(
    anchor: tuple[etree.Element, etree.Element | None], taken: _AbbreviationSpans
) -> None:
    """Put the abbr elements of one text back where they were, in the text or in the link
    made over them, as `_unwrap_abbreviations` found them."""
    owner, child = anchor
    # The texts the original one is now split into, in order, each as (the element
    # holding it, whether it is that element's text or tail, the element it is in).
    holders: list[tuple[etree.Element, bool, etree.Element]] = [
        (owner, True, owner) if child is None else (child, False, owner)
    ]
    for link in taken.links:
        holders += [(link, True, link), (link, False, owner)]
    holders_left = iter(holders)
    holder, is_text, parent = next(holders_left)
    holder_start = 0
    expansions: dict[etree.Element, list[tuple[str, str]]] = {}
    for start, end, abbreviation in taken.spans:
        text = (holder.text if is_text else holder.tail) or ""
        while end > holder_start + len(text):  # no link cuts it: one text holds it whole
            holder_start += len(text)
            holder, is_text, parent = next(holders_left)
            text = (holder.text if is_text else holder.tail) or ""
        local_start, local_end = start - holder_start, end - holder_start
        if parent is not owner and parent.get("title"):
            # Material opens a tooltip for each title: the abbreviation's, inside the
            # link's, covered the term's definition as it opened (audit imp64, Chromium).
            # The link's tooltip speaks for both, the expansion first (session 64: it was
            # shown nowhere on hover); the element keeps its meaning.
            expansion = abbreviation.attrib.pop("title", None)
            if expansion:
                shown = (text[local_start:local_end], expansion)
                expansions.setdefault(parent, []).append(shown)
        abbreviation.text = text[local_start:local_end]
        abbreviation.tail = text[local_end:] or None
        if is_text:
            holder.text = text[:local_start] or None
            parent.insert(0, abbreviation)
        else:
            holder.tail = text[:local_start] or None
            parent.insert(list(parent).index(holder) + 1, abbreviation)
        # The rest of this text is now the abbreviation's tail.
        holder, is_text, holder_start = abbreviation, False, holder_start + local_end
    for link, named in expansions.items():
        link.set("title", with_expansions(link.get("title") or "", named))


def with_expansions(title: str, expansions: Sequence[tuple[str, str]]) -> str:
    """A term link's `title` led by what the abbreviations it holds stand for, each as
    `HSI: Homeland Security Investigations.`, once; not one the title says already."""
    said = title.casefold()
    led: list[str] = []
    for abbreviation, expansion in dict.fromkeys(expansions):
        if expansion.casefold() in said or expansion == abbreviation:
            continue
        stop = "" if expansion.endswith((".", "!", "?")) else "."
        led.append(f"{abbreviation}: {expansion}{stop}")
        said += " " + expansion.casefold()
    return " ".join([*led, title])


def _skipped_by_class(element: etree.Element) -> bool:
    """Whether a class of `element` marks text never linked (`SKIPPED_CLASSES`)."""
    classes = element.get("class")
    return bool(classes) and not SKIPPED_CLASSES.isdisjoint(classes.split())


def _skipped(element: etree.Element) -> bool:
    """Whether the text of `element` is never linked: by its tag or by a class."""
    if not isinstance(element.tag, str) or element.tag in SKIPPED_TAGS:
        return True
    return _skipped_by_class(element)


class _Joints:
    """What joins each text of a page to the one before it, for the scan (`_collect`):
    nothing where only the edges of inline elements read through are between them
    ("*trafficking* in persons"), a space where a hard line break is (`<br>`), and
    `_BOUNDARY` where anything else is (a link, code, an image, another block), so no
    form matches across it."""

    __slots__ = ("joints", "pending")

    def __init__(self) -> None:
        self.joints: list[str] = []
        self.pending = _BOUNDARY

    def text(self) -> None:
        self.joints.append(self.pending)
        self.pending = ""

    def cut(self) -> None:
        self.pending = _BOUNDARY

    def line_break(self) -> None:
        if self.pending != _BOUNDARY:
            self.pending = _BREAK_GAP  # the break's own line break may follow it


def _collect(
    element: etree.Element,
    segments: list[tuple[etree.Element, etree.Element | None, str]],
    blocks: list[etree.Element],
    block: etree.Element,
    item_terms: list[frozenset[str]],
    item_term_of: Callable[[etree.Element], str | None],
    joints: _Joints,
    about: frozenset[str] = frozenset(),
) -> None:
    """The texts of `element` in reading order, as (owner, child, text): `owner.text`
    when `child` is None, else the tail of `child` (which sits in `owner`); and for each,
    in `blocks`, the element it is in that is no phrasing (its paragraph, item, cell),
    in `item_terms`, the terms the list items it is in are about (`item_term_of`), and in
    `joints`, what joins it to the text before."""
    if element.tag == "br":
        joints.line_break()
    elif element.tag not in PHRASING_TAGS:
        block = element
        joints.cut()
    if element.tag == "li" and (item_term := item_term_of(element)) is not None:
        about = about | {item_term}
    if element.text:
        segments.append((element, None, element.text))
        blocks.append(block)
        item_terms.append(about)
        joints.text()
    for child in element:
        if _skipped(child):
            joints.cut()
        else:
            _collect(child, segments, blocks, block, item_terms, item_term_of, joints, about)
        if child.tail:
            segments.append((element, child, child.tail))
            blocks.append(block)
            item_terms.append(about)
            joints.text()
    if element.tag not in PHRASING_TAGS and element.tag != "br":
        joints.cut()


def link_targets(
    terms: Mapping[str, Term], shorts: Mapping[str, str] | None = None
) -> dict[str, LinkTarget]:
    """Where each term links to, with its tooltip (`term_tooltip`): of its short in
    `shorts` (term id -> the short the site shows, site/short_text.py), or its own."""
    shown = shorts or {}
    return {
        term_id: LinkTarget(term_id, term_src_uri(term_id), term_tooltip(term, shown.get(term_id)))
        for term_id, term in terms.items()
    }


# Said before a proposed term's short definition: DESIGN 3.1 publishes proposed terms
# "marked as proposed", and the tooltip (the link's description to a screen reader) was
# the one place a member met one without its mark (audit). In the words of the term
# page's note ("Proposed term") and the glossary index's badge.
PROPOSED_TOOLTIP = "Proposed term: "


def term_tooltip(term: Term, short: str | None = None) -> str:
    """The tooltip of a link to `term`: its short definition (`tooltip_text`; `short`
    where given, as the site renders a default one), said to be a proposed term's where
    it is one. A deprecated term's forms are never linked."""
    short = tooltip_text(term.short if short is None else short)
    return PROPOSED_TOOLTIP + short if term.status == "proposed" else short


def link_facts(
    terms: Mapping[str, Term], shorts: Mapping[str, str] | None = None
) -> tuple[tuple[object, ...], ...]:
    """What the autolinks of any page depend on: every term's forms (accepted and to
    avoid, which the matcher weighs against each other), status and tooltip (of its
    short in `shorts`, as `link_targets`). A term's definition or history is not among
    them, but for the default short made of it."""
    shown = shorts or {}
    return tuple(
        (
            *(term.id, term.term, term.aliases, term.status, term.replaced_by),
            *(term.case_sensitive, tuple(avoided.text for avoided in term.avoid)),
            term_tooltip(term, shown.get(term.id)),
        )
        for _, term in sorted(terms.items())
    )


class _AutolinkTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: AutolinkExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if self.extension.linker is not None:
            self.extension.linker.link_tree(
                root, self.md.htmlStash.rawHtmlBlocks, critic_marks(self.md)
            )


def critic_marks(md: Markdown) -> Mapping[str, str]:
    """What pymdownx.critic's placeholders stand for, by key: the tags its preprocessor
    keeps in its own stash until its postprocessor puts them in the HTML (none without
    the extension, or in its accept and reject modes, which leave no tags)."""
    if "critic" not in md.preprocessors:
        return {}
    stash = getattr(md.preprocessors["critic"], "critic_stash", None)
    marks = getattr(stash, "stash", None)
    return marks if isinstance(marks, dict) else {}


class AutolinkExtension(Extension):
    """Registers autolinking with every Markdown instance MkDocs makes (one per page).

    The extension is added to the site's config before the handbook is loaded, so its
    `linker` is set later, once per build."""

    def __init__(self, linker: Autolinker | None = None) -> None:
        super().__init__()
        self.linker = linker

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(
            _AutolinkTreeprocessor(md, self), "handbook_autolink", TREEPROCESSOR_PRIORITY
        )
