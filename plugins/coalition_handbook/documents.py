"""What the terminology checks read, scanned once per run (DESIGN section 4).

`scan_handbook(context)` turns every page, term definition, protocol text and module
front matter text into `CheckedText`s (prose with a map back to the source) and finds the
terms in them with one `Matcher`; the result is cached in the `CheckContext`, so every
term rule, the site's "Used on" lists and the handouts' "Key terms" share one scan.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .markdown import LineIndex, checkable_text
from .matching import Match, Matcher
from .model.types import Handbook, Origin, Span
from .yaml_text import source_offsets

if TYPE_CHECKING:
    from .rules.base import CheckContext

DocumentKind = Literal["page", "term", "protocol", "module"]


@dataclass(frozen=True, slots=True)
class CheckedText:
    """One checked text: a page body, or one YAML string value (`key` is its dotted path).

    `view` is the prose as `markdown.checkable_text` leaves it; `offsets` maps each view
    offset to its offset in `source` (None: the same offset, as for pages).
    """

    path: str
    key: str
    source: str
    view: str
    offsets: list[int] | None = None

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in `source` of `view[start:end]`."""
        if self.offsets is None:
            return start, end
        return self.offsets[start], self.offsets[end - 1] + 1 if end > start else self.offsets[
            start
        ]


@dataclass(frozen=True, slots=True)
class LocatedMatch:
    """A `Match` in a file: `found` is the source text at `line`:`column`."""

    match: Match
    path: str
    line: int
    column: int
    found: str


@dataclass(frozen=True, slots=True)
class ScannedDocument:
    """A file's checked texts and the term forms found in them. `owner` is the id of the
    term, protocol or module the texts belong to (None for plain pages)."""

    path: str
    kind: DocumentKind
    owner: str | None
    texts: tuple[CheckedText, ...]
    matches: tuple[LocatedMatch, ...]


@dataclass(frozen=True, slots=True)
class Use:
    """Where a page uses a term."""

    path: str
    line: int
    column: int
    found: str


def matcher(context: CheckContext) -> Matcher:
    """The run's matcher over every term, built once."""
    return context.shared("matcher", lambda: Matcher.from_terms(context.handbook.terms.values()))


def scan_handbook(context: CheckContext) -> list[ScannedDocument]:
    """Every checked text of the handbook with its matches, computed once per run."""
    return context.shared("scan", lambda: scan(context.handbook, matcher(context)))


def scan(handbook: Handbook, term_matcher: Matcher) -> list[ScannedDocument]:
    """Scan `handbook` with `term_matcher`: pages, then terms, protocols and modules."""
    documents: list[ScannedDocument] = []
    for page in handbook.pages:
        text = CheckedText(
            page.path, "", page.origin.text, checkable_text(page.origin.text, page.origin.body_line)
        )
        documents.append(_document(page.path, "page", None, [text], term_matcher))
    for term in handbook.terms.values():
        texts = [_yaml_text(term.origin, "definition", term.definition)]
        documents.append(_document(term.origin.path, "term", term.id, texts, term_matcher))
    for protocol in handbook.protocols.values():
        texts = [_yaml_text(protocol.origin, "title", protocol.title)]
        texts.append(_yaml_text(protocol.origin, "summary", protocol.summary))
        for index, step in enumerate(protocol.steps):
            texts.append(_yaml_text(protocol.origin, f"steps.{index}.title", step.title))
            texts.append(_yaml_text(protocol.origin, f"steps.{index}.detail", step.detail))
        for index, contact in enumerate(protocol.contacts):
            texts.append(_yaml_text(protocol.origin, f"contacts.{index}.name", contact.name))
            if contact.text:
                texts.append(_yaml_text(protocol.origin, f"contacts.{index}.text", contact.text))
        documents.append(
            _document(protocol.origin.path, "protocol", protocol.id, texts, term_matcher)
        )
    for module in handbook.modules.values():
        texts = [_yaml_text(module.origin, "title", module.title)]
        for index, objective in enumerate(module.objectives):
            texts.append(_yaml_text(module.origin, f"objectives.{index}", objective))
        documents.append(_document(module.origin.path, "module", module.id, texts, term_matcher))
    return documents


def yaml_checked_text(origin: Origin, key: str, value: str) -> CheckedText:
    """The checked text of the YAML string `value` stored at `key` of `origin`: its
    Markdown prose, with offsets mapped to the raw scalar in the file."""
    return _yaml_text(origin, key, value)


def _yaml_text(origin: Origin, key: str, value: str) -> CheckedText:
    span = origin.spans.get(key)
    view = checkable_text(value)
    if span is None or span.end <= span.start:
        start = _fallback_offset(origin, span)
        return CheckedText(origin.path, key, origin.text, view, [start] * (len(value) + 1))
    raw = origin.text[span.start : span.end]
    offsets = [span.start + offset for offset in source_offsets(raw, value)]
    return CheckedText(origin.path, key, origin.text, view, offsets)


def _fallback_offset(origin: Origin, span: Span | None) -> int:
    span = span or origin.span("")
    return LineIndex.of(origin.text).offset(span.line, span.column)


def _document(
    path: str,
    kind: DocumentKind,
    owner: str | None,
    texts: list[CheckedText],
    term_matcher: Matcher,
) -> ScannedDocument:
    located: list[LocatedMatch] = []
    lines: LineIndex | None = None
    for text in texts:
        for match in term_matcher.scan(text.view):
            if kind == "term" and match.term_id == owner:
                continue  # a definition may name its own forms, to explain them
            lines = lines or LineIndex.of(text.source)
            start, end = text.source_span(match.start, match.end)
            line, column = lines.position(start)
            located.append(LocatedMatch(match, path, line, column, text.source[start:end]))
    return ScannedDocument(path, kind, owner, tuple(texts), tuple(located))


def located_matches(context: CheckContext) -> Iterator[LocatedMatch]:
    """Every match of the scan, in document order."""
    for document in scan_handbook(context):
        yield from document.matches


def term_usage(context: CheckContext) -> Mapping[str, list[Use]]:
    """Term id -> where pages use one of its forms (any kind), in page order."""

    def compute() -> dict[str, list[Use]]:
        usage: dict[str, list[Use]] = {}
        for document in scan_handbook(context):
            if document.kind != "page":
                continue
            for found in document.matches:
                use = Use(found.path, found.line, found.column, found.found)
                usage.setdefault(found.match.term_id, []).append(use)
        return usage

    return context.shared("term_usage", compute)


def terms_used_in(context: CheckContext, path: str) -> list[str]:
    """The ids of the terms a page (or module file) uses, in order of first use; a module's
    front matter title and objectives count too."""
    matches = [
        found
        for document in scan_handbook(context)
        if document.path == path
        for found in document.matches
    ]
    matches.sort(key=lambda found: (found.line, found.column))
    return list(dict.fromkeys(found.match.term_id for found in matches))
