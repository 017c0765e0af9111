"""From a YAML document to the validated fields of a record, every problem reported.

Terms and protocols are whole YAML files; a module's record is its front matter. Both
pass through `validated_fields`: every YAML and schema problem is reported at the exact
value (or the key, for unknown fields). A file with any problem is left out of the
handbook until it is fixed, so one broken file does not cascade into findings about
others (duplicates, references) that are not real. What can still be checked of it on
its own (its texts, a protocol's review date, a module's sections, its history) is kept
as a `RejectedRecord`, so the editor sees those findings in the same run. Unknown fields
alone, near no valid one, leave out nothing: the record is read as if they were not
there (a stray `colour:` says nothing about the rest), so its duplicates, history and
uses are checked in the same run too. A misspelt valid field (`case_sensitve: true`)
would change what the record means if read past: it leaves the record out.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard, TypeVar

from ..cache import STATS, RunCache
from ..collection import no_collections
from ..config import HandbookConfig
from ..findings import Finding, Severity, source_excerpt
from ..forms import matched_words
from ..lazy_pattern import LazyPattern
from ..parallel import Meanwhile, in_two_processes
from ..utf8 import decode_utf8
from .files import read_as_utf16
from .schema import (
    SchemaProblem,
    Written,
    is_calendar_date,
    load_schema,
    to_json_data,
    validate,
    wants_date,
)
from .source import (
    MARKDOWN_SUFFIXES,
    SLUG,
    FileReport,
    check_id,
    may_be_file,
    outside_the_handbook,
    read_bytes,
    read_text,
    relative_path,
    report_yaml_problems,
    spans_of,
)
from .types import Heading, HistoryEntry, Origin, RecordKind, RejectedRecord
from .windows_names import device_name, windows_name_problem
from .yaml_document import LineIndex, YamlDocument
from .yaml_messages import path_of, quoted, value_label
from .yaml_source import load_yaml

T = TypeVar("T")
S = TypeVar("S")
# A record file read: the record built (None if it has problems), its problems, and what
# can still be checked of a file with problems. What the cache keeps of each file.
_Entry = tuple[T | None, list[Finding], RejectedRecord | None]
# Parsing and validating a record file: about 2 bytes a microsecond.
_YAML_BYTES_PER_MICROSECOND = 2

_KIND_NOUNS = {"term": "a term", "protocol": "a protocol", "module": "a module's front matter"}


@dataclass(frozen=True, slots=True)
class Record:
    """A record's id, its validated fields (JSON values: dates as ISO strings), its origin."""

    id: str
    fields: dict[str, Any]
    origin: Origin


def _describe_found(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"a single value ({quoted(value)})"


def validated_fields(
    kind: str,
    document: YamlDocument,
    report: FileReport,
    origin_spans: Origin,
) -> dict[str, Any] | None:
    """Report every YAML and schema problem of `document`; its fields if it has none."""
    report_yaml_problems(document, report)
    if not document.usable:
        return None
    noun = _KIND_NOUNS[kind]
    if document.empty:
        required = ", ".join(load_schema(kind).get("required", ()))
        report.at_offset(document.values[""][0], f"is empty: {noun} needs {required}")
        return None
    data = as_written(kind, document, to_json_data(document.data))
    if not isinstance(data, dict):
        report.at_offset(
            document.root_offset,
            f"{noun} must be a mapping of fields (found {_describe_found(data)})",
        )
        return None
    # An id that is no slug, a YAML problem: the record is not loaded. A text a comment
    # cut short is loaded as YAML reads it (its base revision too, for `handbook diff`).
    earlier = len(report.findings) - sum(problem.read for problem in document.problems)
    problems = validate(kind, data, written_in(document, origin_spans.text))
    if document.numbers_written:
        problems += numbers_read_otherwise(document, data, problems)
    report_schema_problems(problems, document, report, origin_spans)
    if not report.findings:
        return data
    # An unknown field near no valid one, or a character no reader sees in a form (the
    # matcher reads it as if it were not there): reported, and the record read as it is.
    if earlier or not all(problem.unknown_field or problem.invisible for problem in problems):
        return None
    return _without_unknown_fields(kind, data, problems)


def as_written(kind: str, document: YamlDocument, data: Any) -> Any:
    """`data` with each value YAML read as a date from text not written YYYY-MM-DD given
    back as that text where the field wants text: `term: 2024-1-5` was published as
    2024-01-05 (ed63). A date field keeps the date, as before."""
    for dotted, text in document.dates_written.items():
        path = path_of(dotted)
        if not path or wants_date(kind, path):
            continue
        container = _value_at(data, dotted.rpartition(".")[0]) if len(path) > 1 else data
        last = path[-1]
        if isinstance(container, list) and isinstance(last, int) and last < len(container):
            container[last] = text
        elif isinstance(container, dict) and str(last) in container:
            container[str(last)] = text
    return data


def written_in(document: YamlDocument, text: str) -> Written:
    """The text of a value of `document` as `text` writes it, where it is a plain scalar
    on one line: what a message shows when YAML read it as something else."""

    def written(path: tuple[str | int, ...]) -> str | None:
        span = document.values.get(".".join(str(part) for part in path))
        if span is None:
            return None
        source = text[span[0] : span[1]]
        plain = not source.startswith(("'", '"', "|", ">", "[", "{", "&", "!", "*"))
        return source if plain and "\n" not in source and "\r" not in source else None

    return written


def numbers_read_otherwise(
    document: YamlDocument, data: dict[str, Any], problems: list[SchemaProblem]
) -> list[SchemaProblem]:
    """A problem for each version YAML 1.1 reads otherwise than its digits say (`version:
    010` is 8, `1:30` is 90) that the schema finds no fault with: the record would hold a
    value the editor never wrote, silently. Where the schema finds one, its message shows
    the text as written. Versions alone: no other field of a record is a number, and a
    theme's own settings (`search:`) are the theme's to read."""
    said = {problem.dotted for problem in problems}
    added: list[SchemaProblem] = []
    for dotted, text in document.numbers_written.items():
        if dotted in said or dotted in document.unreadable:
            continue
        value = _value_at(data, dotted)
        if dotted.rpartition(".")[2] != "version" or value is None:
            continue
        digits = text.lstrip("+-").replace("_", "")
        if digits.isdigit() and int(digits) == value:
            continue  # `02` is 2 to YAML too: octal or not, the version the editor meant
        path = path_of(dotted)
        added.append(SchemaProblem(path, _number_read_otherwise(value_label(path), text, value)))
    return added


def _value_at(data: Any, dotted: str) -> Any:
    """The value at the dotted path of `data` (an item's number as a list's index), or
    None where there is none."""
    value = data
    for part in dotted.split("."):
        if isinstance(value, list) and part.isdecimal() and int(part) < len(value):
            value = value[int(part)]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            return None
    return value


def _number_read_otherwise(label: str, text: str, value: Any) -> str:
    digits = text.lstrip("+-")
    if ":" in digits:
        why = "YAML counts a number written with ':' in sixties"
    elif digits[1:2] in ("x", "X"):
        why = "a number starting with 0x is hexadecimal to YAML"
    elif digits[1:2] in ("b", "B"):
        why = "a number starting with 0b is binary to YAML"
    else:
        why = "a number starting with 0 is octal to YAML"
        meant = digits.replace("_", "").lstrip("0")
        if meant.isdigit():
            return f"{label} is {text}, which YAML reads as {value} ({why}): write {meant}"
    return f"{label} is {text}, which YAML reads as {value} ({why}): write the number in digits"


def _without_unknown_fields(
    kind: str, data: dict[str, Any], problems: list[SchemaProblem]
) -> dict[str, Any] | None:
    """`data` without the unknown fields that `problems` name (already reported): the
    record as the checks read it; None should it still not fit the schema for another
    reason than a character no reader sees in a form."""
    for problem in problems:
        if not problem.unknown_field:
            continue
        *parents, key = problem.path
        mapping: Any = data
        for part in parents:
            mapping = mapping[part]
        del mapping[key]
    return None if any(not problem.invisible for problem in validate(kind, data)) else data


# The strings the checks read in each kind of record, as dotted paths (`*`: every item
# of a list): of valid records and of files with problems alike.
_CHECKED_STRINGS = {
    "term": ("definition", "short"),
    "protocol": (
        "title",
        "summary",
        "steps.*.title",
        "steps.*.detail",
        "contacts.*.name",
        "contacts.*.text",
    ),
    "module": ("title", "objectives.*"),
}


# A term's forms (DESIGN 3.1): an acronym among them is no unknown one in its own texts.
_FORMS = ("term", "aliases.*", "avoid.*", "avoid.*.text")
# The fields that name other records by id: checked in a file with problems too.
_REFERENCES: dict[RecordKind, tuple[str, ...]] = {
    "module": ("protocols.*",),
    "term": ("related.*", "replaced_by"),
}


def rejected_record(
    kind: RecordKind,
    record_id: str,
    document: YamlDocument,
    origin: Origin,
    headings: tuple[Heading, ...] | None = None,
) -> RejectedRecord | None:
    """What can still be checked of a record whose file has problems: None if its YAML
    is no mapping of fields."""
    if not document.usable or document.empty:
        return None
    data = as_written(kind, document, to_json_data(document.data))
    if not isinstance(data, dict):
        return None
    texts = checked_strings(kind, data, origin)
    review_by = _date(data.get("review_by")) if kind == "protocol" else None
    forms = [
        value
        for path in (_FORMS if kind == "term" else ())
        for _, value in _strings_at(data, path.split("."), "")
    ]
    # Ids alone: the schema reports any other value, which names no file to look for.
    named = [
        (key, value)
        for path in _REFERENCES.get(kind, ())
        for key, value in _strings_at(data, path.split("."), "")
    ]
    references = tuple((key, value) for key, value in named if SLUG.fullmatch(value))
    version, history = _version_and_history(data)
    if any(path.rpartition(".")[2] == "version" for path in document.numbers_written):
        # A version YAML read otherwise (`010` as 8): its problem says so, and the
        # history checks would name a version the editor never wrote.
        version, history = None, ()
    return RejectedRecord(
        kind,
        record_id,
        origin,
        texts,
        review_by,
        headings,
        tuple(forms),
        kind == "term" and _all_forms_read(data),
        references,
        version,
        history,
    )


def _all_forms_read(data: dict[str, Any]) -> bool:
    """Whether each of a term's forms (`_FORMS`) is a string where the schema wants one,
    with a word in it: then the strings read are all its forms. A form of no word (`term:
    ""`) matches nothing now, and what it will be once written no one can tell (review)."""
    aliases, avoid = data.get("aliases", []), data.get("avoid", [])
    if not (isinstance(aliases, list) and isinstance(avoid, list)):
        return False
    forms = [
        data.get("term"),
        *aliases,
        *(item.get("text") if isinstance(item, dict) else item for item in avoid),
    ]
    return all(isinstance(form, str) and matched_words(form) for form in forms)


def _version_and_history(data: dict[str, Any]) -> tuple[int | None, tuple[HistoryEntry, ...]]:
    """A record's `version` and `history` where both fit the schema, else (None, ()):
    the history checks need nothing else of the record."""
    version, items = data.get("version"), data.get("history")
    if not _is_version(version) or not isinstance(items, list) or not items:
        return None, ()
    entries: list[HistoryEntry] = []
    for item in items:
        if not isinstance(item, dict):
            return None, ()
        entry_version, date = item.get("version"), _date(item.get("date"))
        if not _is_version(entry_version) or date is None:
            return None, ()
        entries.append(HistoryEntry(entry_version, date, str(item.get("summary", ""))))
    return version, tuple(entries)


def _is_version(value: Any) -> TypeGuard[int]:
    return type(value) is int and value >= 1  # not True, which YAML's `yes` also gives


def checked_strings(
    kind: RecordKind, fields: dict[str, Any], origin: Origin
) -> tuple[tuple[str, str], ...]:
    """(dotted key, value) of each string of `fields` that the checks read, in file
    order; whatever is not a string (in a file with problems) is left out, and so is an
    empty one, which holds nothing to check."""
    texts = [
        (key, value)
        for path in _CHECKED_STRINGS[kind]
        for key, value in _strings_at(fields, path.split("."), "")
        if value
    ]
    return tuple(sorted(texts, key=lambda item: origin.span(item[0]).start))


def _strings_at(value: Any, parts: list[str], key: str) -> Iterator[tuple[str, str]]:
    """(dotted key, string) of each string at the dotted path `parts` below `value`."""
    if not parts:
        if isinstance(value, str):
            yield key, value
        return
    first, rest = parts[0], parts[1:]
    prefix = f"{key}." if key else ""
    if first == "*":
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from _strings_at(item, rest, f"{prefix}{index}")
    elif isinstance(value, dict) and first in value:
        yield from _strings_at(value[first], rest, f"{prefix}{first}")


def _date(value: Any) -> dt.date | None:
    """A date as the schema accepts it (`YYYY-MM-DD`, a day the calendar has), or None."""
    if not isinstance(value, str) or not is_calendar_date(value):
        return None
    return dt.date.fromisoformat(value)


def report_schema_problems(
    problems: list[SchemaProblem], document: YamlDocument, report: FileReport, origin: Origin
) -> None:
    """Report each schema problem of `document`: at the key for an unknown field, at the
    first field for one missing from the document, else at the value."""
    text = origin.text
    for problem in problems:
        if problem.dotted in document.unreadable:
            continue  # the YAML problem there says it better
        key_span = document.keys.get(problem.dotted) if problem.at_key else None
        if key_span is not None:
            report.at_offset(key_span[0], problem.message, _excerpt(text, *key_span))
        elif not problem.dotted:
            # A field missing from the document: at its first field, where the mapping
            # starts, not on a comment above it (`# yaml-language-server: $schema=...`).
            report.at_offset(document.root_offset, problem.message)
        else:
            span = origin.span(problem.dotted)
            # At a character no reader sees, where the file holds it as it is: the editor
            # is sent to it, not to a value that looks right.
            invisible = (
                text.find(problem.invisible, span.start, span.end) if problem.invisible else -1
            )
            if invisible >= 0:
                report.at_offset(invisible, problem.message, problem.invisible)
                continue
            # At the document itself (a field missing from it), nothing was found.
            found = _excerpt(text, span.start, span.end) if problem.dotted else None
            report.at_position(span.line, span.column, problem.message, found)


# A schema finding's `found` is the start of the value as written, not all of it.
FOUND_CHARACTERS = 200


def _excerpt(text: str, start: int, end: int) -> str | None:
    """`source_excerpt`, at most FOUND_CHARACTERS of it (a one-line value may be
    megabytes long)."""
    return source_excerpt(text, start, min(end, start + FOUND_CHARACTERS))


def load_yaml_record(
    path: Path,
    config: HandbookConfig,
    kind: RecordKind,
    rule: str,
    cache: RunCache | None = None,
    linked: bool = True,
) -> tuple[Record | None, list[Finding], RejectedRecord | None]:
    """Read one record file (a term or a protocol): the record, None if it has any
    problem; the problems; what can still be checked of a file with problems. `linked`
    False says the listing of its folder found no symbolic link at `path` (`record_listing`):
    a file of the folder itself, with nothing to follow, whose link is not looked up again."""
    return load_yaml_records([path], config, kind, rule, cache, [linked])[0]


# Files read a step at a time by `load_yaml_records`: enough that each step's code stays
# warm, few enough that a run's parsed documents are a small part of the memory a load
# takes (review, session 56).
_STEP_FILES = 250


def load_yaml_records(
    paths: Sequence[Path],
    config: HandbookConfig,
    kind: RecordKind,
    rule: str,
    cache: RunCache | None = None,
    linked: Sequence[bool] | None = None,
) -> list[tuple[Record | None, list[Finding], RejectedRecord | None]]:
    """`load_yaml_record` of each file of `paths` (`linked` says of each whether it may be
    a symbolic link; every one may, without it), read step by step: every file read, then
    every text parsed, then every document validated. Each file is read as on its own; a
    step done for a thousand files in a row runs the same code over and over, where one
    file after another ran the reader's, the parser's and the schema's code in turn: at
    2,000 terms, a fifth of the time loading them took (session 56). The steps run over
    `_STEP_FILES` files at a time: every parsed document of a run is alive until the run
    is validated, and a whole folder's at once raised the load's peak memory by half
    (review, session 56: 10.2 to 15.2 MB at 2,000 terms)."""
    if len(paths) > _STEP_FILES:
        return [
            result
            for start in range(0, len(paths), _STEP_FILES)
            for result in load_yaml_records(
                paths[start : start + _STEP_FILES],
                config,
                kind,
                rule,
                cache,
                None if linked is None else linked[start : start + _STEP_FILES],
            )
        ]
    results: list[tuple[Record | None, list[Finding], RejectedRecord | None] | None]
    results = [None] * len(paths)
    read: list[tuple[int, str, str, FileReport, str]] = []
    for index, path in enumerate(paths):
        relative = relative_path(config, path)
        report = FileReport(rule, relative)
        record_id = path.stem
        check_id(record_id, report)
        may_link = linked is None or linked[index]
        outside = outside_the_handbook(path, config, path.parent) if may_link else None
        if outside is not None:
            report.at_position(1, 1, outside)
            results[index] = (None, report.findings, None)
            continue
        text = read_text(path, report, cache)
        if text is None:
            results[index] = (None, report.findings, unread_record(kind, path, relative, cache))
            continue
        read.append((index, record_id, relative, report, text))
    indexes = [LineIndex(text) for *_, text in read]
    documents = [
        load_yaml(text, lines=lines) for (*_, text), lines in zip(read, indexes, strict=True)
    ]
    for (index, record_id, relative, report, text), lines, document in zip(
        read, indexes, documents, strict=True
    ):
        report.lines = lines
        origin = Origin(path=relative, text=text, spans=spans_of(document, lines))
        fields = validated_fields(kind, document, report, origin)
        if fields is None:
            # A file of no fields is still read for personal data (review, session 53: a
            # term file with a syntax error hid a private number from review).
            rejected = rejected_record(kind, record_id, document, origin)
            unread = RejectedRecord(kind, record_id, origin, (), fields_read=False)
            results[index] = (None, report.findings, rejected or unread)
        else:
            results[index] = (Record(record_id, fields, origin), report.findings, None)
    return [result for result in results if result is not None]


def unread_record(
    kind: RecordKind, path: Path, relative: str, cache: RunCache | None
) -> RejectedRecord | None:
    """What privacy.pii reads of a term, protocol or module file that is no UTF-8 (its
    schema error says so), as of a page that is none: its text with every byte that is
    no UTF-8 as U+FFFD, or as UTF-16 where it is saved so (session 54: a Latin-1 term
    file's private number was read by nothing, and published once the file was saved
    again; a module's likewise). No headings: a module's sections are not checked in it.
    None where it cannot be read at all (reported)."""
    try:
        raw = read_bytes(path, cache)
    except OSError:
        return None
    text = decode_utf8(raw)[0]
    utf16 = read_as_utf16(raw)
    if utf16 is not None:
        text = utf16[0]
    origin = Origin(path=relative, text=text)
    return RejectedRecord(kind, path.stem, origin, (), fields_read=False)


def record_files(directory: Path) -> list[Path]:
    """The `<id>.yml` record files of `directory`, sorted, hidden files skipped. Whatever
    bears such a name is one, even a folder or a broken link: reading it reports why it
    cannot be read, where skipping it would leave the editor wondering."""
    return [directory / f"{record_id}.yml" for record_id in record_ids(directory)]


def record_ids(directory: Path) -> list[str]:
    """The ids (file stems) of `record_files(directory)`, without making a path of each."""
    return record_listing(directory)[0]


def record_listing(directory: Path) -> tuple[list[str], frozenset[str]]:
    """`record_ids(directory)`, and those of them that are symbolic links: told by the
    listing itself (the type of each entry, on most file systems without a system call
    each), where reading each file would ask again (at 2,000 terms, 3 ms a thousand)."""
    ids: list[str] = []
    linked: set[str] = set()
    with os.scandir(directory) as entries:
        for entry in entries:
            if is_record_file_name(entry.name):
                ids.append(entry.name[: -len(".yml")])
                if entry.is_symlink():
                    linked.add(ids[-1])
    return sorted(ids), frozenset(linked)


def is_record_file_name(name: str) -> bool:
    """Whether a file of a record folder named `name` is read as a record: an `<id>.yml`,
    not hidden, nor a copy `git mergetool` or Word keeps beside one."""
    return (
        name.endswith(".yml")
        and not name.startswith(".")
        and not _MERGE_COPY.fullmatch(name)
        and not editors_leftover(name)
    )


# What editors leave beside a file they save: a backup (`survivor.yml~`, `x.bak`), an
# Emacs auto-save (`#survivor.yml#`), Vim's test of a folder (`4913`), JetBrains' copies,
# Kate's swap file, nano's `.save`, and what `git mergetool` and `patch` keep (`.orig`).
# Named as misplaced, they failed the build and stopped `mkdocs serve` mid-edit (audit).
# Also what Windows and Office leave in a folder: Explorer's thumbnails (`Thumbs.db`,
# which keeps those of images since deleted) and folder settings (`desktop.ini`), and
# Word's owner file (`~$notes.docx`, with the editing user's name); Explorer hides the
# last two. macOS Finder hides what it leaves: `.DS_Store` and AppleDouble `._name` files
# (hidden already) and `Icon\r`, a folder's custom icon (Google Drive and Dropbox set
# one), whose name ends in a carriage return (audit: it failed the build in glossary/).
# In any case: on Windows, `X.BAK` is `x.bak`. In docs_dir such a file is left
# out of the site (a backup holds the text before personal data was taken out of it).
# A `.rej` is still named: it holds a change that did not apply.
_EDITORS_LEFTOVER = LazyPattern(
    r".*~|#.*#|4913|.*\.(?:bak|tmp|swp|swo|save|kate-swp|orig)|.*___jb_(?:tmp|old)___"
    r"|~\$.*|thumbs\.db|desktop\.ini|icon\r",
    re.IGNORECASE,
)
# The copies `git mergetool` writes beside a file while a merge is resolved
# (`survivor_BACKUP_1234.yml`): no record, and gone once the merge is done.
_MERGE_COPY = LazyPattern(r".+_(?:BACKUP|BASE|LOCAL|REMOTE)_[0-9]+\.yml")


def editors_leftover(name: str) -> bool:
    return _EDITORS_LEFTOVER.fullmatch(name) is not None


def misplaced_files(directory: Path, config: HandbookConfig, rule: str, noun: str) -> list[Finding]:
    """Files beside the `<id>.yml` records that the loader would silently skip, and the
    YAML files in its subfolders (`glossary/legal/victim.yml`), which it does not read. A
    README.md may stand beside them, as in any folder of a repository; another Markdown
    file is named too (audit: a term written as `glossary/t-visa.md` went unread)."""
    findings: list[Finding] = []
    with os.scandir(directory) as entries:  # entries know their type: no stat each
        others = [entry for entry in entries if not entry.name.endswith(".yml")]
        skipped = [
            entry.name
            for entry in others
            if not entry.name.startswith(".")
            and entry.name.lower() != "readme.md"
            and not editors_leftover(entry.name)
            and may_be_file(entry)
        ]
    for path in (directory / name for name in sorted(skipped)):
        report = FileReport(rule, relative_path(config, path))
        target = f"{path.stem}.yml"
        if path.suffix.lower() in (".yaml", ".yml"):
            # Renamed, it would take the place of a file of that name beside it.
            advice = (
                f", and {target} is there already; keep one of the two"
                if (directory / target).exists()
                else f"; rename it to {target}"
            )
            report.at_position(1, 1, f"is not read: {noun} files end in .yml{advice}")
        elif path.suffix.lower() in MARKDOWN_SUFFIXES:
            report.at_position(
                1,
                1,
                f"is not read: {noun}s are written in YAML, as <id>.yml files (see "
                "`handbook new`); notes about the folder go in its README.md",
            )
        else:
            report.at_position(1, 1, f"is not read: this folder holds only <id>.yml {noun} files")
        findings.extend(report.findings)
    folder = relative_path(config, directory)
    subfolders = sorted(entry.name for entry in others)  # yaml_files_below picks them
    for found in yaml_files_below(str(directory), subfolders, handbook_folders(config)):
        report = FileReport(rule, relative_path(config, Path(found)))
        report.at_position(
            1,
            1,
            f"is not read: {noun} files are read from {folder}/ itself, not from its "
            f"subfolders; to publish it, it belongs in {folder}/ as {Path(found).stem}.yml; "
            f"to keep it as a draft, in a hidden subfolder (such as {folder}/.drafts/), "
            "which is not looked into",
        )
        findings.extend(report.findings)
    return findings


def record_file_kind(config: HandbookConfig, path: str) -> RecordKind | None:
    """What the file at `path` (relative to mkdocs.yml, as findings name files) is read
    as: `term` for an `<id>.yml` right in glossary_dir, `protocol` in protocols_dir; None
    for anything else, which no record comes from (a module's page, a stray `notes.txt`
    or `.yaml`, a draft in a subfolder)."""
    if not path.endswith(".yml"):
        return None
    folder = (config.root / path).parent.resolve()
    if folder == config.glossary_dir:
        return "term"
    return "protocol" if folder == config.protocols_dir else None


def handbook_folders(config: HandbookConfig) -> frozenset[str]:
    """The folders the handbook reads on their own (one may be inside another: protocols
    in `data/terms/protocols`): not looked into as another folder's subfolder."""
    return frozenset(
        str(folder) for folder in (config.glossary_dir, config.protocols_dir, config.docs_dir)
    )


def yaml_files_below(folder: str, names: Iterable[str], skip: Collection[str]) -> Iterator[str]:
    """The YAML files anywhere in the subfolders among `names` (those in `folder` that
    are not record files); hidden files and folders, links to folders and the folders in
    `skip` (`handbook_folders`) skipped."""
    for name in names:
        top = folder + os.sep + name
        if name.startswith(".") or name.endswith(".yml") or top in skip:
            continue
        if not os.path.isdir(top) or os.path.islink(top):  # noqa: PTH112, PTH114
            continue
        for where, folder_names, file_names in os.walk(top):
            folder_names[:] = sorted(
                name
                for name in folder_names
                if not name.startswith(".") and where + os.sep + name not in skip
            )
            for file_name in sorted(file_names):
                if not file_name.startswith(".") and file_name.lower().endswith((".yml", ".yaml")):
                    yield where + os.sep + file_name


def records_namespace(kind: RecordKind) -> str:
    """The cache namespace of the records of `kind`'s files."""
    return f"records-{kind}"


def _is_entry(value: object) -> bool:
    """Whether `value` has the shape of an `_Entry`: what a damaged cache may not."""
    return (
        isinstance(value, tuple)
        and len(value) == 3
        and isinstance(value[1], list)
        and all(isinstance(problem, Finding) for problem in value[1])
        and (value[0] is None or hasattr(value[0], "origin"))
        and (value[2] is None or isinstance(value[2], RejectedRecord))
    )


def cached_records(
    paths: list[Path],
    config: HandbookConfig,
    kind: RecordKind,
    rule: str,
    build: Callable[[Record], T],
    cache: RunCache | None,
) -> tuple[dict[str, T], list[Finding], list[RejectedRecord]]:
    """Load and build every record file of `paths`, each through the persistent cache:
    a file whose bytes did not change since a run that kept it is not parsed again.
    Also what can still be checked of the files with problems."""
    keys = _keys_of(paths, config, kind, cache)
    entries = _entries(paths, config, kind, rule, build, cache, keys)
    built: dict[str, T] = {}
    findings: list[Finding] = []
    rejected: list[RejectedRecord] = []
    for path, entry in zip(paths, entries, strict=True):
        assert entry is not None
        value, problems, left_out = entry
        findings.extend(problems)
        if value is not None:
            built[path.stem] = value
        if left_out is not None:
            rejected.append(left_out)
    return built, findings, rejected


# A record, built, left unread: what sums it up, and how to read it.
Deferred = tuple[S, Callable[[], T]]


def deferred_records(
    directory: Path,
    ids: list[str],
    config: HandbookConfig,
    kind: RecordKind,
    rule: str,
    build: Callable[[Record], T],
    cache: RunCache | None,
    summarize: Callable[[T], S],
    summary_type: type[S],
    linked: Collection[str] | None = None,
    meanwhile: Meanwhile | None = None,
) -> tuple[dict[str, T], dict[str, Deferred[S, T]], list[str], list[Finding], list[RejectedRecord]]:
    """As `cached_records` for the record files of `directory` whose `ids` are given (in
    file order), but a file that was read without a problem by a run that kept its record
    and `summarize`d it is not read from the cache: its record is deferred, its summary
    given and its record read when asked for. Gives the records read, those deferred, the
    ids of both in file order, the problems and what can still be checked of the files
    with problems. `linked`, where given, names the ids whose files are symbolic links
    (`record_listing`): the others are not looked up as links again. `meanwhile` is done
    while a child reads files, if one does (`parallel.in_two_processes`). The summaries are
    kept in one entry, by the records' keys. A deferred
    file gets no `Path` made (at 2,000 terms, making them cost as much as the rest of a
    run's loading)."""
    folder = str(directory) + os.sep
    keys = _record_keys(folder, ids, config, kind, cache)
    namespace = records_namespace(kind)
    summaries_key = cache.key(kind, "summaries") if keys and cache is not None else ""
    known = cache.load(namespace, summaries_key) if summaries_key and cache is not None else None
    if not isinstance(known, dict):  # none, or damaged: every file is read
        known = {}
    deferred_at = {
        index
        for index, key in enumerate(keys)
        if isinstance(known.get(key), summary_type)
        and cache is not None
        # The record itself is there (and kept by this run's flush as if read).
        and cache.holds(namespace, key)
    }
    read_at = [index for index in range(len(ids)) if index not in deferred_at]
    entries: list[_Entry[T] | None] = [None] * len(ids)
    read_entries = _entries(
        [directory / f"{ids[index]}.yml" for index in read_at],
        config,
        kind,
        rule,
        build,
        cache,
        [keys[index] for index in read_at] if keys else [],
        None if linked is None else [ids[index] in linked for index in read_at],
        meanwhile,
    )
    for index, entry in zip(read_at, read_entries, strict=True):
        entries[index] = entry
    built: dict[str, T] = {}
    deferred: dict[str, Deferred[S, T]] = {}
    order: list[str] = []
    findings: list[Finding] = []
    rejected: list[RejectedRecord] = []
    summaries: dict[str, S] = {}
    for index, (record_id, entry) in enumerate(zip(ids, entries, strict=True)):
        if entry is None:  # deferred
            key = keys[index]
            reader = _reader(directory, record_id, config, kind, rule, build, cache, key)
            deferred[record_id] = (known[key], reader)
            summaries[key] = known[key]
            order.append(record_id)
            continue
        value, problems, left_out = entry
        findings.extend(problems)
        if value is not None:
            built[record_id] = value
            order.append(record_id)
            if keys and not problems and left_out is None:
                summaries[keys[index]] = summarize(value)
        if left_out is not None:
            rejected.append(left_out)
    if summaries_key and cache is not None and summaries != known:
        cache.store(namespace, summaries_key, summaries)
    return built, deferred, order, findings, rejected


def _reader(
    directory: Path,
    record_id: str,
    config: HandbookConfig,
    kind: RecordKind,
    rule: str,
    build: Callable[[Record], T],
    cache: RunCache | None,
    key: str,
) -> Callable[[], T]:
    """How to read the deferred record `record_id` of `directory`: from the cache, or
    the file again should the cache have lost it since."""

    def read() -> T:
        entry = cache.load(records_namespace(kind), key, _is_entry) if cache is not None else None
        if entry is None:
            path = directory / f"{record_id}.yml"
            record, _, _ = load_yaml_record(path, config, kind, rule, cache)
            entry = (build(record) if record is not None else None, [], None)
        if entry[0] is None:  # changed on disk since the survey: no record to give
            raise KeyError(record_id)
        return entry[0]

    return read


def _record_keys(
    folder: str, ids: list[str], config: HandbookConfig, kind: RecordKind, cache: RunCache | None
) -> list[str]:
    """The cache key of each record file `<id>.yml` of `folder` (a path and a separator);
    none without a cache."""
    return _keys_of([f"{folder}{record_id}.yml" for record_id in ids], config, kind, cache)


def _keys_of(
    paths: Sequence[str | Path], config: HandbookConfig, kind: RecordKind, cache: RunCache | None
) -> list[str]:
    """The cache key of each record file of `paths`, by its name and bytes; none without
    a cache."""
    if cache is None or not cache.enabled:
        return []
    return cache.keys(
        kind, ((relative_path(config, path), cache.file_digest(path)) for path in paths)
    )


def _entries(
    paths: list[Path],
    config: HandbookConfig,
    kind: RecordKind,
    rule: str,
    build: Callable[[Record], T],
    cache: RunCache | None,
    keys: list[str],
    linked: list[bool] | None = None,
    meanwhile: Meanwhile | None = None,
) -> list[_Entry[T] | None]:
    """The entry of each file of `paths`: from the cache under `keys`, else read now
    (and kept). `linked` says of each path whether it may be a symbolic link (see
    `load_yaml_record`); every one may, without it. `meanwhile` as `in_two_processes`
    takes it."""
    entries: list[_Entry[T] | None] = [None] * len(paths)
    if keys and cache is not None:
        entries = [cache.load(records_namespace(kind), key, _is_entry) for key in keys]
    missing = [index for index, entry in enumerate(entries) if entry is None]
    if missing:
        STATS.parsed += len(missing)

        def load(indexes: Sequence[int]) -> list[_Entry[T]]:
            with no_collections():
                read = load_yaml_records(
                    [paths[index] for index in indexes],
                    config,
                    kind,
                    rule,
                    cache,
                    None if linked is None else [linked[index] for index in indexes],
                )
                return [
                    (build(record) if record is not None else None, problems, left_out)
                    for record, problems, left_out in read
                ]

        def cost(index: int) -> float:
            try:
                return paths[index].stat().st_size / _YAML_BYTES_PER_MICROSECOND
            except OSError:
                return 0

        # The first file read here before a child is forked: reading one sets up what
        # every read needs (the schema's validator, about 30 ms), which the child then
        # has already rather than setting up again.
        loaded = load(missing[:1]) + in_two_processes(load, missing[1:], cost, meanwhile=meanwhile)
        for index, entry in zip(missing, loaded, strict=True):
            entries[index] = entry
            if keys and cache is not None:
                cache.store(records_namespace(kind), keys[index], entry)
    return entries


def load_record_folder(
    directory: Path,
    config: HandbookConfig,
    kind: RecordKind,
    rule: str,
    build: Callable[[Record], T],
    cache: RunCache | None,
) -> tuple[dict[str, T], list[Finding], list[RejectedRecord]]:
    """Every `<id>.yml` record of `directory` (none if it does not exist), built, and the
    problems: misplaced files first, then each record file's; and what can still be
    checked of the files with problems."""
    if not directory.is_dir():
        return {}, [], []
    findings = misplaced_files(directory, config, rule, kind)
    paths = record_files(directory)
    built, problems, rejected = cached_records(paths, config, kind, rule, build, cache)
    findings.extend(problems)
    findings += device_named(directory, [path.stem for path in paths], config, rule)
    return built, findings, rejected


def device_named(
    directory: Path, ids: list[str], config: HandbookConfig, rule: str
) -> list[Finding]:
    """A warning at each record file of `directory` (of `ids`) named as a Windows device
    (`con.yml`, a slug as any other): a clone on Windows cannot hold it. The record is
    read all the same."""
    found: list[Finding] = []
    for record_id in ids:
        name = f"{record_id}.yml"
        if device_name(name) is not None:
            report = FileReport(rule, relative_path(config, directory / name))
            report.at_position(1, 1, str(windows_name_problem(name)))
            found.append(report.findings[0].with_severity(Severity.WARNING))
    return found
