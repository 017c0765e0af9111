"""What the terminology checks read, scanned once per run (DESIGN section 4).

`scan_handbook(context)` turns every page, term definition, protocol text and module
front matter text into `CheckedText`s (prose with a map back to the source) and finds the
terms in them with one `Matcher`; the result is cached in the `CheckContext`, so every
term rule, the site's "Used on" lists and the handouts' "Key terms" share one scan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, cast

from .cache import STATS, RunCache, digest
from .collection import fewer_collections
from .forms import inflection_language
from .markdown import (
    LONE_CARRIAGE_RETURN,
    LineIndex,
    blank_lines,
    checkable_text,
    end_past_reference,
    mask_addresses,
)
from .matching import FormEntry, Hit, Match, Matcher
from .model.term_facts import term_facts
from .model.types import (
    Handbook,
    Module,
    OffsetSpans,
    Origin,
    PackedSpans,
    Protocol,
    RejectedRecord,
    Span,
    Term,
)
from .parallel import Along, in_two_processes
from .pickling import constructed_again
from .unspaced_words import view_as_read
from .yaml_text import source_offsets

if TYPE_CHECKING:
    from .rules.base import CheckContext

DocumentKind = Literal["page", "term", "protocol", "module"]
# Scanning a document (its prose and terms): about 16 characters a microsecond.
_CHARACTERS_PER_MICROSECOND = 16
# What a rule computes in the scan's fork, where it makes one (`parallel.Along`): each
# gives the work of its rule over a context, or None (its rule off, nothing to read).
# privacy.pii's files: one fork fewer than its own (`rules.privacy_pii.read_along`).
ALONG_WITH_THE_SCAN: list[Callable[[CheckContext], Along[Any, Any] | None]] = []


@dataclass(frozen=True, slots=True)
class CheckedText:
    """One checked text: a page body, or one YAML string value (`key` is its dotted path).

    `view` is the prose as `markdown.checkable_text` leaves it; `offsets` maps each view
    offset to its offset in `source` (None: the same offset, as for pages).
    """

    __reduce__ = constructed_again

    path: str
    key: str
    source: str
    view: str
    offsets: list[int] | ScalarOffsets | None = None

    @property
    def markdown(self) -> str | None:
        """The Markdown the view was made of, as written, offsets as in the view: a page's
        text, or a YAML string's value; None for a value with no place in its file,
        where a rule that reads its own spans has nothing to point at."""
        if self.offsets is None:
            return self.source
        if isinstance(self.offsets, ScalarOffsets):
            return self.offsets.value
        return None

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in `source` of `view[start:end]`."""
        if self.offsets is None:
            return start, end
        return self.offsets[start], self.offsets[end - 1] + 1 if end > start else self.offsets[
            start
        ]


@dataclass(slots=True)
class ScalarOffsets:
    """The offset in the file of every code point of a YAML string value (and one past
    its end), aligned with its raw source on first use: most texts have nothing found in
    them to place, and the alignment is the costly part of reading them."""

    __reduce__ = constructed_again

    start: int
    raw: str
    value: str
    _offsets: list[int] | None = field(default=None, compare=False, repr=False)

    def __getitem__(self, index: int) -> int:
        if self._offsets is None:
            self._offsets = [self.start + offset for offset in source_offsets(self.raw, self.value)]
        return self._offsets[index]


@dataclass(frozen=True, slots=True)
class LocatedMatch:
    """A `Match` in a file: `found` is the source text at `line`:`column`."""

    match: Match
    path: str
    line: int
    column: int
    found: str

    def __reduce__(self) -> tuple[type[LocatedMatch], tuple[object, ...]]:
        # By the constructor: much faster to unpickle than dataclasses' __setstate__.
        return LocatedMatch, (self.match, self.path, self.line, self.column, self.found)


@dataclass(frozen=True, slots=True)
class ScannedDocument:
    """A file's checked texts and the term forms found in them. `owner` is the id of the
    term, protocol or module the texts belong to (None for plain pages).

    `hits` holds, for each text, what `Matcher.hits` found in its view (a definition's own
    forms left out); `matches` makes `LocatedMatch`es of them on first use. Most runs
    never ask: the term rules read only the hits they report (`flagged_uses`).
    """

    __reduce__ = constructed_again

    path: str
    kind: DocumentKind
    owner: str | None
    texts: tuple[CheckedText, ...]
    hits: tuple[list[Hit], ...]
    _matches: tuple[LocatedMatch, ...] | None = field(
        default=None, init=False, compare=False, repr=False
    )

    @property
    def matches(self) -> tuple[LocatedMatch, ...]:
        """Every form found, in text order, placed in the file."""
        if self._matches is None:
            located = tuple(
                LocatedMatch(
                    Match(
                        hit[0],
                        hit[1],
                        text.view[hit[0] : hit[1]],
                        hit[2].term_id,
                        hit[2].form,
                        hit[2].kind,
                        hit[2].suggestion,
                        hit[3],
                        None if hit[3] else hit[2].written,
                    ),
                    self.path,
                    line,
                    column,
                    found,
                )
                for text, hit, line, column, found in self.placed(_every_hit)
            )
            object.__setattr__(self, "_matches", located)  # a cache on a frozen record
            return located
        return self._matches

    def located(
        self, spans: Callable[[CheckedText, list[Hit]], Iterable[tuple[int, int]]]
    ) -> Iterator[tuple[int, int, str]]:
        """(line, column, source text) in the file of each view span that `spans(text,
        hits)` gives for one of the texts: what a rule that finds its own spans reports."""
        lines: LineIndex | None = None
        for text, hits in zip(self.texts, self.hits, strict=True):
            for view_start, view_end in spans(text, hits):
                lines = lines or LineIndex.of(text.source)
                start, end = text.source_span(view_start, view_end)
                end = end_past_reference(text.source, end)
                line, column = lines.position(start)
                yield line, column, text.source[start:end]

    def placed(
        self, wanted: Callable[[list[Hit]], list[Hit]]
    ) -> Iterator[tuple[CheckedText, Hit, int, int, str]]:
        """(text, hit, line, column, source text) of the hits `wanted` keeps of each
        text's, in text order. `wanted` takes a text's hits whole: most of a run's are
        accepted forms in their case, which a list comprehension passes over several
        times as fast as a call for each would."""
        # A carriage return alone ends a line too (pages have none left: they are read as
        # line feeds). The rare file that has one is indexed, once: its texts share it.
        searched: str | None = None
        lines: LineIndex | None = None
        for text, all_hits in zip(self.texts, self.hits, strict=True):
            hits = wanted(all_hits) if all_hits else all_hits
            if not hits:
                continue
            source = text.source
            if source is not searched:
                searched = source
                lines = LineIndex.of(source) if LONE_CARRIAGE_RETURN.search(source) else None
                # Otherwise line and column by counting line breaks from the previous hit,
                # in this text or an earlier one of the file: hits are mostly in source
                # order, and most files have few that are wanted.
                line, line_start, counted_to = 1, 0, 0
            for hit in hits:
                if text.offsets is None:  # a page: view offsets are source offsets
                    start, end = hit[0], hit[1]
                else:
                    start, end = text.source_span(hit[0], hit[1])
                end = end_past_reference(source, end)
                if lines is not None:
                    yield text, hit, *lines.position(start), source[start:end]
                    continue
                if start < counted_to:  # YAML texts need not be in source order
                    line, line_start, counted_to = 1, 0, 0
                breaks = source.count("\n", counted_to, start)
                if breaks:
                    line += breaks
                    line_start = source.rfind("\n", counted_to, start) + 1
                counted_to = start
                yield text, hit, line, start - line_start + 1, source[start:end]


class FlaggedUse(NamedTuple):
    """A use that a term rule reports (see `flagged_uses`): where it is, as written, and
    the form it is a use of."""

    path: str
    line: int
    column: int
    found: str
    entry: FormEntry
    case_ok: bool


# A `FlaggedUse` made by `tuple.__new__`, in C: the named tuple's own `__new__` is Python
# code, run for each use reported (7,600 on the bench at 50 terms).
_new_use = tuple.__new__


def matcher(context: CheckContext) -> Matcher:
    """The run's matcher over every term, built once (or taken from the cache)."""

    def build() -> Matcher:
        terms = context.handbook.terms.values()
        cache = context.cache
        language = forms_language(context)
        if cache is None or not cache.enabled:
            return Matcher.from_terms(terms, language)
        key = matcher_cache_key(cache, forms_key(context))
        found = cache.load("matcher", key)
        if isinstance(found, Matcher):
            return found
        built = Matcher.from_terms(terms, language)
        cache.store("matcher", key, built)
        return built

    return context.shared("matcher", build)


def matcher_cache_key(cache: RunCache, terms_forms_key: str) -> str:
    """Where the matcher of terms with this `forms_key` is cached. Through `cache.key`:
    a matcher pickled by another version of the engine is another key, never loaded."""
    return cache.key("matcher", terms_forms_key)


def forms_key(context: CheckContext) -> str:
    """A digest of all that the scan of a text and the term rules read of the terms (see
    `terms_forms_key`): shared by the run."""
    return context.shared(
        "forms_key", lambda: terms_forms_key(context.handbook.terms, forms_language(context))
    )


def forms_language(context: CheckContext) -> str:
    """Whose plurals the run's forms take: its site's `theme.language`'s
    (`forms.inflection_language`)."""
    return inflection_language(context.config.language)


def terms_forms_key(terms: Mapping[str, Term], language: str) -> str:
    """A digest of what `Matcher.from_terms` and the term rules read of `terms`: each
    term's id, forms, status, replacement (and its preferred form), case rule, and the
    reasons of its forms to avoid; and whose plurals they take (`language`: a site that
    turns Spanish finds `protecciones`). Editing anything else of a term (its definition,
    tags, sources, history) leaves the matcher, and what it finds in every page, as it was.
    Read from the terms' facts: no term is loaded for it."""
    by_id = term_facts(terms)
    parts: list[str] = []
    for term_id in sorted(by_id):
        term = by_id[term_id]
        replacement = by_id.get(term.replaced_by or "")
        parts.append(
            repr(
                (
                    term_id,
                    term.term,
                    term.aliases,
                    term.accepted_forms,
                    term.status,
                    term.replaced_by,
                    replacement.term if replacement is not None else None,
                    term.case_sensitive,
                    term.avoid,
                )
            )
        )
    return digest("forms", language, *parts)


def avoid_reasons(context: CheckContext) -> Mapping[tuple[str, str], str]:
    """The reason given for each form to avoid, by (term id, form), of every term."""
    return context.shared(
        "avoid_reasons",
        lambda: {
            (term_id, text): reason.strip()
            for term_id, facts in term_facts(context.handbook.terms).items()
            for text, reason in facts.avoid
            if reason
        },
    )


def written_terms(context: CheckContext) -> Mapping[str, str]:
    """Each term as the glossary writes it (`term`), by id, of every term: what a
    message names a term by, where the editor reads words, not a file's id."""
    return context.shared(
        "written_terms",
        lambda: {
            term_id: facts.term for term_id, facts in term_facts(context.handbook.terms).items()
        },
    )


def scan_handbook(context: CheckContext) -> list[ScannedDocument]:
    """Every checked text of the handbook with its matches, computed once per run; with
    a cache, a document whose text and terms' forms did not change is not scanned again."""

    def compute() -> list[ScannedDocument]:
        cache = context.cache
        definition_lists = context.config.definition_lists
        along = [work for work in (ride(context) for ride in ALONG_WITH_THE_SCAN) if work]
        if cache is None or not cache.enabled:
            return scan(
                context.handbook, matcher(context), definition_lists=definition_lists, along=along
            )
        return scan(
            context.handbook,
            lambda: matcher(context),
            cache,
            forms_key(context),
            definition_lists=definition_lists,
            along=along,
        )

    return context.shared("scan", compute)


def scan(
    handbook: Handbook,
    term_matcher: Matcher | Callable[[], Matcher],
    cache: RunCache | None = None,
    terms_key: str = "",
    *,
    definition_lists: bool = True,
    along: Sequence[Along[Any, Any]] = (),
) -> list[ScannedDocument]:
    """Scan `handbook` with `term_matcher` (or a function that builds it when first
    needed): pages, then terms, protocols and modules. With a `cache` (and the terms'
    `forms_key` as `terms_key`), documents scanned by an earlier run are taken from it.
    `definition_lists`: whether the site runs def_list (`HandbookConfig`). The work
    `along` it shares the scan's fork, if one is made (`parallel.Along`)."""
    with fewer_collections():
        return _scan(handbook, term_matcher, cache, terms_key, definition_lists, along)


def _scan(
    handbook: Handbook,
    term_matcher: Matcher | Callable[[], Matcher],
    cache: RunCache | None,
    terms_key: str,
    definition_lists: bool,
    along: Sequence[Along[Any, Any]] = (),
) -> list[ScannedDocument]:
    get_matcher = term_matcher if callable(term_matcher) else lambda: term_matcher
    cache = cache if cache is not None and cache.enabled else None
    replaced = handbook.replaced_lines
    jobs: list[_Job] = [
        _Job(
            page.path,
            "page",
            None,
            page.origin,
            partial(
                _page_texts,
                page.origin,
                replaced.get(page.path, frozenset()),
                definition_lists=definition_lists,
            ),
            replaced.get(page.path, frozenset()),
        )
        for page in handbook.checked_pages
    ]
    jobs += [
        _Job(
            term.origin.path,
            "term",
            term.id,
            term.origin,
            partial(_term_texts, term, definition_lists=definition_lists),
            # Only a cache key reads it: no cache, no key to make of 2,000 terms' values.
            reads=_term_texts_read(term) if cache is not None else None,
            size=len(term.definition) + (len(term.short) if "short" in term.origin.spans else 0),
        )
        for term in handbook.terms.values()
    ]
    records: list[Protocol | Module | RejectedRecord] = [
        *handbook.protocols.values(),
        *handbook.modules.values(),
        *handbook.rejected_records,
    ]
    jobs += [
        _Job(
            record.origin.path,
            record.kind if isinstance(record, RejectedRecord) else _kind_of(record),
            record.id,
            record.origin,
            partial(_record_texts, record, definition_lists=definition_lists),
            size=sum(len(value) for _, value in record.texts),
        )
        for record in records
    ]
    # A page reads otherwise with def_list on or off: its scan is kept apart.
    key = f"{terms_key}\ndefinition_lists={definition_lists}"
    return _Scanner(get_matcher, cache, key, along).documents(jobs)


def _kind_of(record: Protocol | Module) -> DocumentKind:
    return "protocol" if isinstance(record, Protocol) else "module"


def _page_texts(
    origin: Origin, replaced: frozenset[int], *, definition_lists: bool = True
) -> list[CheckedText]:
    """The page's prose, but for the lines pymdownx.snippets replaces (`replaced`): its
    include lines are never published, the file's text is, checked where it is written.
    `definition_lists`: whether the site runs def_list."""
    view = checkable_text(origin.text, origin.body_line, definition_lists=definition_lists)
    view = blank_lines(view, replaced)
    return [CheckedText(origin.path, "", origin.text, view)]


class _Job(NamedTuple):
    """A document to scan: its file, kind and owner, and how to read its checked texts."""

    path: str
    kind: DocumentKind
    owner: str | None
    origin: Origin
    texts: Callable[[], list[CheckedText]]
    replaced: frozenset[int] = frozenset()  # lines left out of the view (`_page_texts`)
    # All that `texts` reads of the file, where that is less than its text (a term's:
    # `_term_texts_read`); None: the whole text. Read for the cache's key alone.
    reads: str | None = None
    # The characters its texts hold, where fewer than its file's (a term's or a record's
    # values, not its keys, tags or sources): what scanning it costs. Costed by its file,
    # a term weighed twice what it costs, and the process that scans the terms did too
    # little of the pages (the example: 0.78 of the other's time; 0.94 by its values).
    size: int | None = None


class _Scanner:
    """Scans documents: those the cache holds are taken from it, the others scanned, in
    two processes where that pays (`parallel`)."""

    def __init__(
        self,
        get_matcher: Callable[[], Matcher],
        cache: RunCache | None,
        terms_key: str,
        along: Sequence[Along[Any, Any]] = (),
    ) -> None:
        self.get_matcher = get_matcher
        self.cache = cache
        self.terms_key = terms_key
        self.along = along

    def documents(self, jobs: list[_Job]) -> list[ScannedDocument]:
        documents: list[ScannedDocument | None] = [None] * len(jobs)
        keys: list[str] = []
        if self.cache is not None:
            keys = [self._key(job) for job in jobs]
            for index, (job, key) in enumerate(zip(jobs, keys, strict=True)):
                documents[index] = self._cached(job, key)
        # Pages last: a second process scans the last part (`in_two_processes`) and sends
        # each document back pickled, which this one rebuilds. A page is one text, sent at
        # a few bytes a character; a term's definition is a document of its own, sent with
        # its value and raw scalar besides its view, rebuilt call by call. Scanned here,
        # none is sent (bench, 2,000 terms, 1000 pages: 20 ms less CPU here, 6 ms there).
        missing = [index for index, found in enumerate(documents) if found is None]
        missing.sort(key=lambda index: jobs[index].kind == "page")
        if missing:
            STATS.scanned += len(missing)
            term_matcher = self.get_matcher()  # built before a fork: both processes use it
            term_matcher.load_tables()

            def scan_jobs(indexes: Sequence[int]) -> list[ScannedDocument]:
                picked = list(map(jobs.__getitem__, indexes))
                texts = [job.texts() for job in picked]
                hits = iter(_hits_of(term_matcher, [text for each in texts for text in each]))
                return [
                    _document(job.path, job.kind, job.owner, each, [next(hits) for _ in each])
                    for job, each in zip(picked, texts, strict=True)
                ]

            def cost(index: int) -> float:
                job = jobs[index]
                size = len(job.origin.text) if job.size is None else job.size
                return size / _CHARACTERS_PER_MICROSECOND

            def received(indexes: Sequence[int], sent: list[_Stored]) -> list[ScannedDocument]:
                return list(map(_stored_document, map(jobs.__getitem__, indexes), sent))

            scanned = in_two_processes(
                scan_jobs, missing, cost, _to_store, received, along=self.along
            )
            for index, document in zip(missing, scanned, strict=True):
                documents[index] = document
                if self.cache is not None:
                    self.cache.store(f"scan-{document.kind}", keys[index], _stored(document))
        return cast(list[ScannedDocument], documents)

    def _key(self, job: _Job) -> str:
        assert self.cache is not None
        origin = job.origin
        return self.cache.key(
            "scan",
            self.terms_key,
            job.kind,
            job.path,
            job.owner or "",
            str(origin.body_line),
            ",".join(map(str, sorted(job.replaced))),
            *(("file", origin.text) if job.reads is None else ("values", job.reads)),
        )

    def _cached(self, job: _Job, key: str) -> ScannedDocument | None:
        assert self.cache is not None
        stored = self.cache.load(f"scan-{job.kind}", key, _is_stored)
        return None if stored is None else _stored_document(job, stored)


# A scanned document as the cache stores it, and as a second process sends it back: the
# (key, view, offsets) of each text and the hits in each. The source text is the file's,
# which the records (and the other process) hold already.
_Stored = tuple[
    tuple[tuple[str, str, "list[int] | ScalarOffsets | None"], ...], tuple[list[Hit], ...]
]


def _stored(document: ScannedDocument) -> _Stored:
    return tuple((text.key, text.view, text.offsets) for text in document.texts), document.hits


def _to_store(documents: list[ScannedDocument]) -> list[_Stored]:
    return list(map(_stored, documents))


def _is_stored(value: object) -> bool:
    """Whether `value` has the shape of a `_Stored`: what a damaged cache may not."""
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], tuple)
        and isinstance(value[1], tuple)
        and len(value[0]) == len(value[1])
        and all(isinstance(text, tuple) and len(text) == 3 for text in value[0])
    )


def _stored_document(job: _Job, stored: _Stored) -> ScannedDocument:
    views, hits = stored
    checked = tuple(
        CheckedText(job.path, text_key, job.origin.text, view, offsets)
        for text_key, view, offsets in views
    )
    return ScannedDocument(job.path, job.kind, job.owner, checked, hits)


def _record_texts(
    record: Protocol | Module | RejectedRecord, *, definition_lists: bool = True
) -> list[CheckedText]:
    """The checked strings of a protocol, a module's front matter or a file with problems
    (`texts`, read off its fields at load); a term's `short` as plain text, as
    `_term_texts` reads it. Markdown is read with def_list or without (`definition_lists`)."""
    return [
        _yaml_text(
            record.origin,
            key,
            value,
            mask_addresses(value) if key == "short" else None,
            definition_lists=definition_lists,
        )
        for key, value in record.texts
    ]


def yaml_values(
    record: Term | Protocol | RejectedRecord,
) -> list[tuple[str, ScalarOffsets | list[int]]]:
    """The checked strings of a term (its definition) or a protocol, also of a file with
    problems, each with the offset in the file of every code point (and one past its
    end): what suppression comments written in them are read from."""
    if isinstance(record, Term):
        values = [("definition", record.definition)]
    else:
        values = [(key, value) for key, value in record.texts if key != "short"]
    return [(value, _value_offsets(record.origin, key, value)) for key, value in values]


def _term_texts(term: Term, *, definition_lists: bool = True) -> list[CheckedText]:
    """A term's definition, and its `short` where the file writes one: the text every
    tooltip on the site shows (a short made of the definition is checked there). A short
    is plain text, read as tooltips show it: backticks, stars and comments are text;
    only addresses are left out, as in every text. The definition's Markdown is read with
    def_list or without (`definition_lists`), as its term page renders it."""
    texts = [
        _yaml_text(term.origin, "definition", term.definition, definition_lists=definition_lists)
    ]
    if "short" in term.origin.spans:
        texts.append(_yaml_text(term.origin, "short", term.short, mask_addresses(term.short)))
    return texts


def _term_texts_read(term: Term) -> str | None:
    """All that `_term_texts` reads of a term's file, the key of its scan in the cache:
    the values, and where each is written (its raw scalar, and where that starts). Tags,
    history or sources edited, the scan is the one cached, with no matcher to load. None
    where a value has no span of its own: it is placed by the lines of the whole file."""
    origin = term.origin
    read: list[tuple[str, str, int, str]] = []
    values = [("definition", term.definition)]
    if "short" in origin.spans:
        values.append(("short", term.short))
    for key, value in values:
        span = origin.spans.get(key)
        if span is None or span.end <= span.start:
            return None
        read.append((key, value, span.start, origin.text[span.start : span.end]))
    return repr(read)


def yaml_checked_text(origin: Origin, key: str, value: str) -> CheckedText:
    """The checked text of the YAML string `value` stored at `key` of `origin`: its
    Markdown prose, with offsets mapped to the raw scalar in the file."""
    return _yaml_text(origin, key, value)


def _yaml_text(
    origin: Origin,
    key: str,
    value: str,
    view: str | None = None,
    *,
    definition_lists: bool = True,
) -> CheckedText:
    """`yaml_checked_text`, or with `view` (as long as `value`) read in place of its prose;
    read with def_list or without (`definition_lists`)."""
    if view is None:
        view = checkable_text(value, definition_lists=definition_lists)
    return CheckedText(origin.path, key, origin.text, view, _value_offsets(origin, key, value))


def _value_offsets(origin: Origin, key: str, value: str) -> ScalarOffsets | list[int]:
    """Where each code point of the string `value` at `key` is in the file: mapped to its
    raw scalar, or, when the file gives no span for it, all at the key's place."""
    spans = origin.spans
    if isinstance(spans, OffsetSpans | PackedSpans):  # no `Span` made, nor its line
        found = spans.offsets(key)
    else:
        span = spans.get(key)
        found = None if span is None else (span.start, span.end)
    if found is None or found[1] <= found[0]:
        return [_fallback_offset(origin, spans.get(key))] * (len(value) + 1)
    start, end = found
    return ScalarOffsets(start, origin.text[start:end], value)


def _fallback_offset(origin: Origin, span: Span | None) -> int:
    span = span or origin.span("")
    return LineIndex.of(origin.text).offset(span.line, span.column)


def _document(
    path: str,
    kind: DocumentKind,
    owner: str | None,
    texts: list[CheckedText],
    hits: list[list[Hit]],
) -> ScannedDocument:
    """The scanned document of `texts`, which have `hits` (`_hits_of`)."""
    if kind == "term":  # a definition may name its own forms, to explain them
        hits = [[hit for hit in found if hit[2].term_id != owner] for found in hits]
    return ScannedDocument(path, kind, owner, tuple(texts), tuple(hits))


# A view this short is searched with others (`Matcher.hits_each`), up to `_JOINED_VIEWS`
# characters at a time: a term's definition, a protocol's step; a page's view alone.
_SHORT_VIEW = 2_000
_JOINED_VIEWS = 100_000


def text_hits(term_matcher: Matcher, text: CheckedText) -> list[Hit]:
    """`term_matcher.hits` of `text`'s view, read as its reader reads it: no use across
    a wrapped line's break next to markup the view blanked (`unspaced_words.view_as_read`).
    Every rule that searches a checked text for forms searches it here or in `_hits_of`."""
    return term_matcher.hits(view_as_read(text.view, text.markdown))


def _hits_of(term_matcher: Matcher, texts: Sequence[CheckedText]) -> list[list[Hit]]:
    """`text_hits` of each text: the short ones searched together, as
    2,000 term definitions searched one by one spent more on each search's set-up than on
    their words (bench, 2,000 terms: 16 ms of the scan's 19 ms for definitions)."""
    found: list[list[Hit]] = [[] for _ in texts]
    joined: list[str] = []
    indexes: list[int] = []
    size = 0
    for index, text in enumerate(texts):
        view = view_as_read(text.view, text.markdown)
        if len(view) > _SHORT_VIEW:
            found[index] = term_matcher.hits(view)
            continue
        if size + len(view) > _JOINED_VIEWS:
            _hits_joined(term_matcher, joined, indexes, found)
            joined, indexes, size = [], [], 0
        joined.append(view)
        indexes.append(index)
        size += len(view) + 1
    _hits_joined(term_matcher, joined, indexes, found)
    return found


def _hits_joined(
    term_matcher: Matcher, views: list[str], indexes: list[int], found: list[list[Hit]]
) -> None:
    for index, hits in zip(indexes, term_matcher.hits_each(views), strict=True):
        found[index] = hits


def flagged_uses(context: CheckContext) -> list[FlaggedUse]:
    """What the term rules report, in document order: forms to avoid, forms of deprecated
    terms, and accepted forms written in the wrong case. Made once per run."""

    def compute() -> list[FlaggedUse]:
        return [
            _new_use(FlaggedUse, (document.path, line, column, found, hit[2], hit[3]))
            for document in scan_handbook(context)
            for _, hit, line, column, found in document.placed(_flagged)
        ]

    return context.shared("flagged_uses", compute)


def _flagged(hits: list[Hit]) -> list[Hit]:
    """The hits a term rule reports: a form to avoid or of a deprecated term, or an
    accepted form in another case."""
    return [hit for hit in hits if hit[2].kind != "accepted" or not hit[3]]


def _every_hit(hits: list[Hit]) -> list[Hit]:
    return hits


# The documents shown on a site page, in the order a term's "Used on" list names them.
_USAGE_ORDER: tuple[DocumentKind, ...] = ("page", "module", "protocol", "term")


def pages_using_terms(context: CheckContext) -> Mapping[str, list[str]]:
    """Term id -> the files whose checked text (DESIGN section 4) uses one of its forms
    (any kind), each once: pages in page order (a module's front matter title and
    objectives, shown on its page, count for that page), then protocols (each has a
    generated page) in protocol order, then the other terms whose definition uses it
    (a term's own forms in its definition are no use of it). A protocol's history is not
    checked text, nor is a term's `short` shown on its page: neither counts. What the
    site's "Used on" lists need, read off the hits without placing each one at its line
    and column."""

    def compute() -> dict[str, list[str]]:
        documents = scan_handbook(context)
        terms_by_path: dict[str, dict[str, None]] = {}  # in the order the lists show
        for kind in _USAGE_ORDER:
            for document in documents:
                if document.kind == kind:
                    # A module's front matter joins its page's entry, made in the first pass.
                    used = terms_by_path.setdefault(document.path, {})
                    used.update(dict.fromkeys(hit[2].term_id for hit in _shown_hits(document)))
        pages: dict[str, list[str]] = {}
        for path, term_ids in terms_by_path.items():
            for term_id in term_ids:
                pages.setdefault(term_id, []).append(path)
        return pages

    return context.shared("pages_using_terms", compute)


def _shown_hits(document: ScannedDocument) -> Iterator[Hit]:
    """The hits of a document's texts that its site page shows: of a term, those of
    its definition (its `short` is the tooltip other pages show)."""
    for text, hits in zip(document.texts, document.hits, strict=True):
        if document.kind != "term" or text.key == "definition":
            yield from hits


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
