"""The links written to a page that a change removes or moves, which then break and which
`handbook check` does not see: found in the handbook's texts that pages show (`LinkedText`,
each rendered once however many pages are looked for), read as MkDocs and browsers read
them (`links_to`).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from functools import cached_property
from urllib.parse import unquote, urlsplit

from ..character_references import unescape
from ..markdown.definitions import definition_as_shown
from ..model.types import Handbook
from .rendered_markdown import HTML_COMMENT, markdown_converter


def links_to(
    sources: Sequence[LinkedText], named: str, own: str, use_directory_urls: bool
) -> tuple[str, ...]:
    """Where the handbook links to `own`, a page in docs_dir whose links all name `named`
    (an item's id; a folder's name), `path:line`: links that break when the item goes
    or its page moves, which `handbook check` does not see. The links are those
    Python-Markdown makes of the pages, and of the term and protocol files that generated
    pages publish (`link_sources`): none in code or comments, and a link wrapped over
    two lines is one. Each is read as MkDocs and browsers read it (`_leads_to`); a
    folder's index.md is at the folder's address too."""
    stem = own.removesuffix(".md")
    targets = {own, stem, f"{stem}/", f"{stem}.html", f"{stem}/index.html"}
    folder, name = posixpath.split(own)
    if folder and name in ("index.md", "README.md"):  # a folder's page: at the folder
        targets |= {folder, f"{folder}/", f"{folder}/index.html"}
    found: set[tuple[str, int]] = set()
    for source in sources:
        if named not in source.text:  # most files: told in C
            continue
        linking = [
            target
            for target in source.targets
            if _leads_to(target, source.src_uri, targets, use_directory_urls)
        ]
        if linking:
            found.update((source.path, line) for line in source.lines_of(linking))
    return tuple(f"{path}:{line}" for path, line in sorted(found))


class LinkedText:
    """The Markdown of a file that one page of the site shows, from one or more of its
    fields (a page's body; a protocol's summary and steps, one document as its page is),
    rendered once for its links however many items are looked for."""

    def __init__(self, path: str, text: str, parts: Sequence[tuple[str, int, int]], src_uri: str):
        self.path, self.text, self.src_uri = path, text, src_uri
        self.parts = parts  # (Markdown, where its value starts and ends in `text`)
        self.document = "\n\n".join(markdown_text for markdown_text, _, _ in parts)

    @cached_property
    def targets(self) -> list[str]:
        return list(dict.fromkeys(_link_targets(self.document)))

    def lines_of(self, targets: Sequence[str]) -> list[int]:
        """The lines of the file where `targets` are written as links' targets: every
        place one is written in the document gets a stand-in of its own (the longest
        targets first, a shorter one inside a longer left alone), and one more render
        tells which places are links' (a link's target carries its stand-in into the
        HTML; code, a comment or an escaped link do not). Where that finds none (a
        reference label that holds the target too), each place is tried alone."""
        places = self._places(targets)
        linked = _link_paths(_with_stand_ins(self.document, places))
        found = [index for index in range(len(places)) if f"{_PROBE}{index}.md" in linked]
        if not found:
            found = [
                index
                for index in range(min(len(places), _PLACES_TRIED_ALONE))
                if f"{_PROBE}{index}.md"
                in _link_paths(_with_stand_ins(self.document, places[index : index + 1], index))
            ]
        lines = [self._line(places[index][0], places[index][2]) for index in found]
        # A target written otherwise than it reads (`#a\_b`), met at no place: the first
        # line of the text it is in.
        placed = {urlsplit(places[index][2]).path for index in found}
        if any(urlsplit(target).path not in placed for target in targets):
            lines.append(self._line(None, targets[0]))
        return lines

    def _places(self, targets: Sequence[str]) -> list[tuple[int, int, str]]:
        """(start, end, target) of each place a target is written in the document, in
        order, none inside another."""
        taken: list[tuple[int, int, str]] = []
        for target in sorted(targets, key=len, reverse=True):
            for match in re.finditer(re.escape(target), self.document):
                if not any(start < match.end() and match.start() < end for start, end, _ in taken):
                    taken.append((match.start(), match.end(), target))
        return sorted(taken)

    def _line(self, place: int | None, target: str) -> int:
        """The line of the file where the document's `place` (a place `target` is written)
        is: the same place among the places it is written in its field's source."""
        offset = 0
        for markdown_text, start, end in self.parts:
            if place is not None and place < offset + len(markdown_text):
                nth = self.document.count(target, offset, place)
                written = [m.start() for m in re.finditer(re.escape(target), self.text[start:end])]
                at = start + written[nth] if nth < len(written) else start
                return self.text.count("\n", 0, at) + 1
            offset += len(markdown_text) + 2
        return self.text.count("\n", 0, self.parts[0][1]) + 1 if self.parts else 1


_PROBE = "hb-link-probe-"
# A page whose stand-ins all failed (rare) has at most this many places tried alone.
_PLACES_TRIED_ALONE = 50


def _with_stand_ins(document: str, places: Sequence[tuple[int, int, str]], first: int = 0) -> str:
    """`document` with a numbered stand-in (from `first` on) at each of `places`."""
    pieces: list[str] = []
    previous = 0
    for number, (start, end, _) in enumerate(places, start=first):
        pieces += [document[previous:start], f"{_PROBE}{number}.md"]
        previous = end
    pieces.append(document[previous:])
    return "".join(pieces)


def link_sources(handbook: Handbook) -> list[LinkedText]:
    """The texts of the handbook that pages show: its pages' bodies, its terms'
    definitions (on their own pages) and its protocols' summaries and steps."""
    sources: list[LinkedText] = []
    for page in handbook.pages:
        text = page.origin.text
        body_start = sum(len(line) + 1 for line in text.split("\n")[: page.origin.body_line - 1])
        parts = [(text[body_start:], body_start, len(text))]
        sources.append(LinkedText(page.path, text, parts, page.src_uri))
    for term in handbook.terms.values():
        span = term.origin.span("definition")
        # As its page shows it (`definition_as_shown`): HTML tags as text, no link.
        parts = [(definition_as_shown(term.definition), span.start, span.end)]
        sources.append(
            LinkedText(term.origin.path, term.origin.text, parts, f"glossary/{term.id}.md")
        )
    for protocol in handbook.protocols.values():
        spans = [protocol.origin.span("summary")]
        spans += [
            protocol.origin.span(f"steps.{index}.detail") for index in range(len(protocol.steps))
        ]
        texts = [protocol.summary, *(step.detail for step in protocol.steps)]
        parts = [(text, span.start, span.end) for text, span in zip(texts, spans, strict=True)]
        sources.append(
            LinkedText(
                protocol.origin.path, protocol.origin.text, parts, f"protocols/{protocol.id}.md"
            )
        )
    return sources


def _link_paths(markdown_text: str) -> set[str]:
    """The paths of the links' targets in `markdown_text` (no `#part` or `?query`)."""
    return {urlsplit(target).path for target in _link_targets(markdown_text)}


def _link_targets(markdown_text: str) -> list[str]:
    """The targets of the links Python-Markdown makes of `markdown_text`, as written."""
    rendered = HTML_COMMENT.sub(" ", markdown_converter().reset().convert(markdown_text))
    return [unescape(match[1]) for match in _HREF.finditer(rendered)]


def _leads_to(target: str, src_uri: str, pages: set[str], use_directory_urls: bool) -> bool:
    """Whether `target`, written in the page `src_uri`, leads to one of `pages` (names in
    docs_dir): a Markdown file's path from the page's file, as MkDocs resolves it; an
    address from the page's address, or from the site's root."""
    address = urlsplit(target)
    path = unquote(address.path)
    if address.scheme or address.netloc or not path:
        return False
    if path.startswith("/"):
        resolved = posixpath.normpath(path.lstrip("/"))
    elif path.endswith(".md"):
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
    else:
        folder = _address_folder(src_uri) if use_directory_urls else posixpath.dirname(src_uri)
        resolved = posixpath.normpath(posixpath.join(folder, path))
    return resolved + ("/" if path.endswith("/") else "") in pages


# The target of each link in rendered HTML.
_HREF = re.compile(r"""<a\s[^>]*?\bhref=["']([^"']*)["']""")


def _address_folder(src_uri: str) -> str:
    """The folder of the address a page is published at (directory URLs, MkDocs' default:
    `a/b.md` at `a/b/`, `a/index.md` at `a/`), which its relative addresses start from."""
    if posixpath.basename(src_uri) in ("index.md", "README.md"):
        return posixpath.dirname(src_uri)
    return src_uri.removesuffix(".md")
