"""The content model: frozen records for terms, protocols, modules and pages.

Values are plain Python values; where each one came from is kept beside them in an
`Origin`, keyed by the value's path in the document (`"avoid.1.text"`), so every check can
point at the exact line and column of what it reports.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, Literal

from ..findings import Finding
from ..pickling import constructed_again
from .yaml_document import LineIndex

TermStatus = Literal["proposed", "approved", "deprecated"]
RecordKind = Literal["term", "protocol", "module"]


@dataclass(frozen=True, slots=True)
class Span:
    """Where a value stands in its file.

    Lines and columns are 1-based, columns count code points. `start` and `end` are offsets
    into `Origin.text`, so the raw source of a scalar is `origin.text[span.start:span.end]`.
    """

    __reduce__ = constructed_again

    line: int
    column: int
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Origin:
    """The file a record came from: its path (relative to mkdocs.yml, with `/`), its text
    (decoded, BOM removed, line endings kept as they were) and the span of every value."""

    path: str
    text: str
    spans: Mapping[str, Span] = field(default_factory=dict)
    # Line of the file where a Markdown body starts (after front matter); 1 for YAML files.
    body_line: int = 1

    def span(self, key: str = "") -> Span:
        """The span of `key`, else of its nearest parent, else the start of the file."""
        spanned = self._nearest_spanned(key)
        return Span(1, 1) if spanned is None else self.spans[spanned]

    def line_column(self, key: str = "") -> tuple[int, int]:
        """`span(key)`'s line and column, without making a `Span` of packed spans."""
        spanned = self._nearest_spanned(key)
        if spanned is None:
            return 1, 1
        if isinstance(self.spans, PackedSpans | OffsetSpans):
            return self.spans.line_column(spanned)
        span = self.spans[spanned]
        return span.line, span.column

    def _nearest_spanned(self, key: str) -> str | None:
        """`key`, or its nearest parent, or the file (""), that has a span; None if none."""
        while key:
            if key in self.spans:
                return key
            key = key.rpartition(".")[0]
        return "" if "" in self.spans else None

    def __reduce__(self) -> tuple[Callable[..., Origin], tuple[Any, ...]]:
        # The spans go as one tuple of numbers: most are never looked at again (only a
        # finding needs its place), and unpickling a Span each was most of the time it
        # took to read a cached term.
        spans = self.spans
        if isinstance(spans, OffsetSpans) and spans.placed_in(self.text):
            # Only the offsets: the lines and columns are worked out from the text again
            # where a finding needs one (most never do). Working them all out for the
            # pickle was a third of the time a term took to pickle (session 57).
            keys, offsets = spans.offset_numbers()
            return _unpickled_offset_origin, (self.path, self.text, keys, offsets, self.body_line)
        if isinstance(spans, PackedSpans | OffsetSpans):
            keys, numbers = spans.packed()
        else:
            keys = tuple(spans)
            numbers = tuple(number for span in spans.values() for number in _numbers(span))
        return _unpickled_origin, (self.path, self.text, keys, numbers, self.body_line)


def _numbers(span: Span) -> tuple[int, int, int, int]:
    return span.line, span.column, span.start, span.end


def _unpickled_offset_origin(
    path: str, text: str, keys: tuple[str, ...], offsets: tuple[int, ...], body_line: int
) -> Origin:
    return Origin(path, text, PackedOffsets(keys, offsets, text), body_line)


class TextPositions:
    """`Positions` in `text`, its lines found at the first lookup (a `LineIndex` then):
    the places of an unpickled record's spans, which most runs never look up."""

    __slots__ = ("_index", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._index: Positions | None = None

    def _lines(self) -> Positions:
        if self._index is None:
            self._index = LineIndex(self.text)
        return self._index

    def position(self, offset: int) -> tuple[int, int]:
        return self._lines().position(offset)

    def span_numbers(self, spans: Iterable[tuple[int, int]]) -> tuple[int, ...]:
        return self._lines().span_numbers(spans)


def _unpickled_origin(
    path: str, text: str, keys: tuple[str, ...], numbers: tuple[int, ...], body_line: int
) -> Origin:
    return Origin(path, text, PackedSpans(keys, numbers), body_line)


class PackedSpans(Mapping[str, Span]):
    """Spans kept as numbers, four to a span, each made into a `Span` when looked up."""

    __slots__ = ("_index", "_keys", "_numbers")

    def __init__(self, keys: tuple[str, ...], numbers: tuple[int, ...]) -> None:
        self._keys = keys
        self._numbers = numbers
        self._index: dict[str, int] | None = None  # made at the first lookup

    def __getitem__(self, key: str) -> Span:
        at = self._where()[key]
        return Span(*self._numbers[at : at + 4])

    def __contains__(self, key: object) -> bool:
        # Without making the `Span`, as Mapping's would; nor the index, before a lookup
        # needs it: after a term's edit, glossary.short asks each of thousands of
        # unchanged terms whether it writes a `short`, and looks nothing up.
        if self._index is None:
            return key in self._keys
        return key in self._index

    def offsets(self, key: str) -> tuple[int, int] | None:
        """The start and end of `key`'s span, without making a `Span`; None if none."""
        at = self._where().get(key)
        return None if at is None else (self._numbers[at + 2], self._numbers[at + 3])

    def line_column(self, key: str) -> tuple[int, int]:
        """The line and column of `key`'s span."""
        at = self._where()[key]
        return self._numbers[at], self._numbers[at + 1]

    def _where(self) -> dict[str, int]:
        """Where each key's numbers start (made at the first lookup)."""
        if self._index is None:
            self._index = dict(zip(self._keys, range(0, len(self._numbers), 4), strict=True))
        return self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def packed(self) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """The keys, and the numbers of their spans, four to a span."""
        return self._keys, self._numbers


class OffsetSpans(Mapping[str, Span]):
    """Spans as the YAML loader found them: each value's source offsets, made into a
    `Span`, with its line and column, only when looked up. Most values of a file are
    never placed (only a finding needs a place), so a freshly read record pays for none
    of them."""

    __slots__ = ("_lines", "_offsets")

    def __init__(self, offsets: Mapping[str, tuple[int, int]], lines: Positions) -> None:
        self._offsets = offsets
        self._lines = lines

    def __getitem__(self, key: str) -> Span:
        start, end = self._offsets[key]
        return Span(*self._lines.position(start), start, end)

    def __contains__(self, key: object) -> bool:
        return key in self._offsets  # without making the `Span`, as Mapping's would

    def __iter__(self) -> Iterator[str]:
        return iter(self._offsets)

    def __len__(self) -> int:
        return len(self._offsets)

    def offsets(self, key: str) -> tuple[int, int] | None:
        """The start and end of `key`'s span, without placing it; None if none."""
        return self._offsets.get(key)

    def line_column(self, key: str) -> tuple[int, int]:
        """The line and column of `key`'s span."""
        return self._lines.position(self._offsets[key][0])

    def aliased(self, aliases: Mapping[str, str]) -> OffsetSpans:
        """These spans, and under each key of `aliases` the span of the key it names."""
        offsets = dict(self._offsets)
        for alias, key in aliases.items():
            offsets[alias] = offsets[key]
        return OffsetSpans(offsets, self._lines)

    def packed(self) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """As `PackedSpans.packed`: the keys, and the numbers of their spans."""
        return tuple(self._offsets), self._lines.span_numbers(self._offsets.values())

    def placed_in(self, text: str) -> bool:
        """Whether these spans' lines and columns are those of offsets into `text` (the
        lines they were read with are that very text's): `offset_numbers` then says all."""
        return getattr(self._lines, "text", None) is text

    def offset_numbers(self) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """The keys, and the start and end of their spans, two numbers to a span."""
        return tuple(self._offsets), tuple(chain.from_iterable(self._offsets.values()))


class PackedOffsets(OffsetSpans):
    """`OffsetSpans` unpickled: the keys and the offsets of their spans, two numbers to a
    span, made into the mapping `OffsetSpans` reads at the first lookup (its lines at the
    first place asked for). Most unpickled records are never looked up (only a finding
    needs a place): unpickling a term makes no tuple for each of its spans."""

    __slots__ = ("_keys", "_numbers")

    LOOKED_UP_FROM = 64  # keys past which `in` makes the mapping rather than scan them

    def __init__(self, keys: tuple[str, ...], numbers: tuple[int, ...], text: str) -> None:
        self._keys: tuple[str, ...] | None = keys
        self._numbers = numbers
        self._lines = TextPositions(text)

    def __getattr__(self, name: str) -> Any:
        # `_offsets`, left unset until first read: made from the numbers.
        if name != "_offsets" or self._keys is None:
            raise AttributeError(name)
        numbers = iter(self._numbers)
        pairs = zip(numbers, numbers, strict=True)
        offsets = dict(zip(self._keys, pairs, strict=True))
        self._offsets = offsets
        self._keys = None
        return offsets

    def __contains__(self, key: object) -> bool:
        keys = self._keys
        if keys is None or len(keys) > self.LOOKED_UP_FROM:
            return key in self._offsets
        return key in keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys if self._keys is not None else self._offsets)

    def __len__(self) -> int:
        return len(self._numbers) // 2

    def offset_numbers(self) -> tuple[tuple[str, ...], tuple[int, ...]]:
        if self._keys is not None:
            return self._keys, self._numbers
        return OffsetSpans.offset_numbers(self)


# typing.Protocol by its module: `Protocol` below is the handbook's response protocol.
class Positions(typing.Protocol):
    """Where offsets into a text stand: `yaml_document.LineIndex`."""

    def position(self, offset: int) -> tuple[int, int]: ...

    def span_numbers(self, spans: Iterable[tuple[int, int]]) -> tuple[int, ...]: ...


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    __reduce__ = constructed_again

    version: int
    date: dt.date
    summary: str


@dataclass(frozen=True, slots=True)
class AvoidForm:
    __reduce__ = constructed_again

    text: str
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class SourceRef:
    __reduce__ = constructed_again

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Term:
    """A glossary term, `glossary/<id>.yml` (DESIGN 3.1)."""

    __reduce__ = constructed_again

    id: str
    term: str
    version: int
    definition: str
    short: str
    history: tuple[HistoryEntry, ...]
    origin: Origin
    status: TermStatus = "approved"
    aliases: tuple[str, ...] = ()
    avoid: tuple[AvoidForm, ...] = ()
    replaced_by: str | None = None
    case_sensitive: bool = False
    related: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    translations: Mapping[str, str] = field(default_factory=dict)

    @property
    def accepted_forms(self) -> tuple[str, ...]:
        """Forms a writer may use; none for a deprecated term (DESIGN 3.1)."""
        if self.status == "deprecated":
            return ()
        return (self.term, *self.aliases)

    @property
    def discouraged_forms(self) -> tuple[str, ...]:
        own = (self.term, *self.aliases) if self.status == "deprecated" else ()
        return (*own, *(avoided.text for avoided in self.avoid))


@dataclass(frozen=True, slots=True)
class Step:
    __reduce__ = constructed_again

    title: str
    detail: str


@dataclass(frozen=True, slots=True)
class Contact:
    __reduce__ = constructed_again

    name: str
    phone: str | None = None
    text: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Protocol:
    """A response protocol, `protocols/<id>.yml` (DESIGN 3.2)."""

    __reduce__ = constructed_again

    id: str
    title: str
    version: int
    owner: str
    effective: dt.date
    review_by: dt.date
    audience: tuple[str, ...]
    summary: str
    steps: tuple[Step, ...]
    contacts: tuple[Contact, ...]
    history: tuple[HistoryEntry, ...]
    origin: Origin
    texts: tuple[tuple[str, str], ...]  # (dotted key, value) of each string checked


@dataclass(frozen=True, slots=True)
class Heading:
    __reduce__ = constructed_again

    level: int
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Module:
    """A training module, `content/modules/<id>.md` (DESIGN 3.3)."""

    __reduce__ = constructed_again

    id: str
    title: str
    version: int
    audience: tuple[str, ...]
    duration: str
    objectives: tuple[str, ...]
    protocols: tuple[str, ...]
    history: tuple[HistoryEntry, ...]
    body: str
    headings: tuple[Heading, ...]
    origin: Origin
    texts: tuple[tuple[str, str], ...]  # (dotted key, value) of each front matter string checked

    def section(self, name: str) -> str:
        """The Markdown of the H2 section `name` (up to the next H2), or ''."""
        lines = self.body.splitlines(keepends=True)
        first = self.origin.body_line
        starts = [h for h in self.headings if h.level == 2]
        for index, heading in enumerate(starts):
            if heading.text.strip().lower() == name.lower():
                end = starts[index + 1].line if index + 1 < len(starts) else first + len(lines)
                return "".join(lines[heading.line - first + 1 : end - first])
        return ""


@dataclass(frozen=True, slots=True)
class RejectedRecord:
    """A term, protocol or module file left out of the handbook for its problems (already
    reported), as far as it can still be checked: the strings the checks read, where they
    are strings, and a protocol's review date or a module's headings, where they are
    valid. So an editor sees every finding of a file at once, not one round at a time."""

    __reduce__ = constructed_again

    kind: RecordKind
    id: str
    origin: Origin
    texts: tuple[tuple[str, str], ...]  # (dotted key, value) of each checked string
    review_by: dt.date | None = None
    headings: tuple[Heading, ...] | None = None
    forms: tuple[str, ...] = ()  # a term's own forms, where they are strings
    # Whether `forms` are all of them: its `term` is a string, and `aliases` and `avoid`
    # lists of strings (or of `text` mappings), if there, each with a word in it; else a
    # text may use a form of it that no one can tell.
    all_forms_read: bool = False
    # (dotted key, id) of each record it names, where that is an id: a module's
    # protocols, a term's related terms and replacement
    references: tuple[tuple[str, str], ...] = ()
    # Its version and history, where both are as the schema wants them (for the
    # history checks): None and () otherwise.
    version: int | None = None
    history: tuple[HistoryEntry, ...] = ()
    # Whether its fields were read: False for a file of no UTF-8, of no YAML, of YAML that
    # is no mapping, or of comments alone (a module's front matter so), of which only its text
    # and name can be checked (privacy.pii reads them: the file is published once fixed).
    fields_read: bool = True


@dataclass(frozen=True, slots=True)
class Page:
    """A Markdown page of docs_dir, modules included.

    `path` is relative to mkdocs.yml; `src_uri` is relative to docs_dir (as MkDocs names it).
    `origin.text` is the whole file; the Markdown body starts at `origin.body_line`.
    """

    __reduce__ = constructed_again

    path: str
    src_uri: str
    origin: Origin
    meta: Mapping[str, object] = field(default_factory=dict)
    # (line, column, message) when the file is not UTF-8 (the text then holds U+FFFD for
    # each bad byte) or cannot be read at all (the text is empty): rule `page.source`.
    problem: tuple[int, int, str] | None = None
    # What is wrong with a plain page's front matter: rule `page.front-matter`.
    front_matter_findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class TextFile:
    """A file of docs_dir that MkDocs publishes as it is and whose content is text (a
    `.csv`, an `.html` flyer, a contact card: `model.files.TEXT_FILE_SUFFIXES`).
    privacy.pii reads its text; html.active-content and the suppression comments read
    it too where it is markup. `path` is relative to mkdocs.yml; `origin.text` is the
    whole file."""

    __reduce__ = constructed_again

    path: str
    origin: Origin
    # HTML, XML or SVG: its tags, comments' markers, scripts and styles are no text.
    markup: bool = False
    # (line, column, message) where it holds binary data: not read (the text is empty).
    problem: tuple[int, int, str] | None = None
    # (line, column, message) where it is no UTF-8: read with U+FFFD for each bad byte,
    # or as UTF-16 without a byte order mark.
    note: tuple[int, int, str] | None = None


@dataclass(frozen=True, slots=True)
class Handbook:
    """Everything loaded from one handbook, by id."""

    __reduce__ = constructed_again

    terms: Mapping[str, Term]
    protocols: Mapping[str, Protocol]
    modules: Mapping[str, Module]
    pages: tuple[Page, ...]
    # Paths of term, protocol and module files left out because they have problems
    # (already reported): a reference to one of them is not reported again.
    rejected: frozenset[str] = frozenset()
    # What can still be checked of those files.
    rejected_records: tuple[RejectedRecord, ...] = ()
    # The other files of docs_dir that the site publishes as they are, text ones only.
    text_files: tuple[TextFile, ...] = ()
    # And the paths of the others, whose content is no text (a PDF, an image): their
    # names are published, and read (privacy.pii), their bytes not.
    other_files: tuple[str, ...] = ()
    # The files pymdownx.snippets includes in pages that are no page of the site (outside
    # docs_dir, or left out by exclude_docs): published in the pages, checked as pages.
    included_files: tuple[Page, ...] = ()
    # Those it includes in code blocks only: published as code, read as text files are.
    included_code: tuple[TextFile, ...] = ()
    # Of those, the ones included in part (line ranges, sections): the lines published.
    included_lines: Mapping[str, frozenset[int]] = field(default_factory=dict)
    # Of the pages and those files, the lines the extension replaces (include lines, block
    # names, section markers): never published as written.
    replaced_lines: Mapping[str, frozenset[int]] = field(default_factory=dict)
    # By page, the files it includes in prose (nested and auto-appended ones too): what
    # it publishes besides its own text.
    page_inclusions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def is_rejected(self, path: str) -> bool:
        """Whether the file at `path` was left out for problems of its own, or one whose
        name differs from it in case only (`glossary/Human-Trafficking.yml`, refused as
        no id): a reference to it is then that file's problem, already reported."""
        wanted = path.casefold()
        return path in self.rejected or any(other.casefold() == wanted for other in self.rejected)

    @property
    def checked_pages(self) -> tuple[Page, ...]:
        """The pages, then the files they include that are no page: what the rules that
        read published Markdown read."""
        return self.pages + self.included_files
