"""What the previous `handbook check` saw and found, to redo only what an edit changed.

    .cache/handbook/snapshot.pickle     one `Snapshot`, as plain tuples and dicts

`survey(config, cache, previous)` lists every input file (records, modules, pages) and
gives each its digest: as git's index does, a file whose size, times and inode are those
the snapshot recorded is not read again, unless it was modified less than two seconds
before that record (a later edit could then hide in the same timestamp). The snapshot
keeps the findings of the run, those of each plain page (a page that is no module) apart
from the rest, so that a run after an edit to pages alone checks only those pages.
"""

from __future__ import annotations

import operator
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path

from .cache import RunCache, engine_fingerprint
from .config import HandbookConfig
from .findings import Finding
from .model.modules import module_files
from .model.pages import markdown_files
from .model.records import record_files
from .model.source import relative_path

# File systems keep modification times at least this finely (FAT: 2 s).
_RACY_NS = 2_000_000_000
_FORMAT = 1

# (size, modification time, change time, inode), or None for a file that cannot be stat'ed.
Signature = tuple[int, int, int, int] | None
# (signature, when the digest was recorded, digest).
FileState = tuple[Signature, int, str]
FindingValues = tuple[object, ...]


@dataclass
class Survey:
    """This run's input files. Names are paths relative to mkdocs.yml's folder (as the
    cache keys name files, so a moved checkout keeps its snapshot)."""

    listings: tuple[str, ...]  # the record folders and every name in them
    paths: dict[str, Path]  # every record, module and page file
    plain_pages: dict[str, Path]  # the Markdown files that are not modules
    states: dict[str, FileState]

    def digest_of(self, name: str) -> str:
        return self.states[name][2]


@dataclass
class Snapshot:
    """The inputs and findings of a run. `page_findings` maps each plain page's file name
    (also its path in findings) to its findings; `other_findings` are all the rest.
    Findings are kept as value tuples, sorted."""

    engine: str
    config_key: str
    listings: tuple[str, ...]
    states: dict[str, FileState]
    forms_key: str  # documents.forms_key of the run's terms
    matcher_key: str  # where the run's matcher is cached
    # Whether each plain page's findings are kept apart (those at its file name).
    pages_apart: bool
    page_findings: dict[str, tuple[FindingValues, ...]]
    other_findings: tuple[FindingValues, ...]

    @classmethod
    def load(cls, cache: RunCache) -> Snapshot | None:
        """The snapshot of the last run, or None (none, damaged, another engine)."""
        value = cache.load_alone("snapshot", cache.key("snapshot"))
        if not (isinstance(value, tuple) and len(value) == 2 and value[0] == _FORMAT):
            return None
        try:
            snapshot = cls(*value[1])
        except TypeError:
            return None
        if snapshot.engine != engine_fingerprint():
            return None
        return snapshot

    def store(self, cache: RunCache) -> None:
        values = tuple(getattr(self, item.name) for item in fields(self))
        cache.store_alone("snapshot", cache.key("snapshot"), (_FORMAT, values))

    def findings(self) -> list[Finding]:
        """Every finding of the run, sorted."""
        values = list(self.other_findings)
        for page_values in self.page_findings.values():
            values += page_values
        return sort_findings_values(values)


def survey(config: HandbookConfig, cache: RunCache, previous: Snapshot | None) -> Survey:
    """List the input files and find each one's digest (read only where its signature
    differs from the one `previous` recorded); the cache learns every digest."""
    root = str(config.root) + os.sep
    listings: list[str] = []
    paths: dict[str, Path] = {}
    for directory in (config.glossary_dir, config.protocols_dir):
        if directory.is_dir():
            names = sorted(os.listdir(directory))  # noqa: PTH208 - names only, no Path each
            listings += [relative_path(config, directory), *names]
            paths.update(_named(record_files(directory), root))
        else:
            listings += [relative_path(config, directory), "(none)"]
    modules = _named(module_files(config), root)
    paths.update(modules)
    plain_pages = _named(markdown_files(config.docs_dir), root)
    for name in modules:
        plain_pages.pop(name, None)
    paths.update(plain_pages)

    known = previous.states if previous is not None else {}
    states: dict[str, FileState] = {}
    for name, path in paths.items():
        try:
            stat = os.stat(path)  # noqa: PTH116 - one call, no Path made
            signature: Signature = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
        except OSError:
            signature = None
        state = known.get(name)
        if (
            signature is None
            or state is None
            or state[0] != signature
            or signature[1] + _RACY_NS >= state[1]
        ):
            state = (signature, time.time_ns(), cache.file_digest(path))
        else:
            cache.know_digest(path, state[2])
        states[name] = state
    return Survey(tuple(listings), paths, plain_pages, states)


def _named(paths: Iterable[Path], root: str) -> dict[str, Path]:
    return {file_name(path, root): path for path in paths}


def file_name(path: Path, root: str) -> str:
    """The name of `path` in a survey: relative to `root` (mkdocs.yml's folder and a
    separator), with `/`."""
    text = str(path)
    name = text[len(root) :] if text.startswith(root) else text
    return name.replace(os.sep, "/") if os.sep != "/" else name


def finding_values(finding: Finding) -> FindingValues:
    return tuple(getattr(finding, name) for name in _FINDING_FIELDS)


def sort_findings_values(values: list[FindingValues]) -> list[Finding]:
    """Findings from value tuples, sorted as `findings.sort_findings` sorts them (by
    `Finding.sort_key`, read from the tuples: no object made twice)."""
    values.sort(key=_SORT_KEY)
    return [Finding(*item) for item in values]


_FINDING_FIELDS = tuple(item.name for item in fields(Finding))
# Finding.sort_key's fields, as positions in a value tuple.
_SORT_KEY = operator.itemgetter(
    *(_FINDING_FIELDS.index(name) for name in ("path", "line", "column", "rule", "message"))
)


def changed_names(survey: Survey, previous: Snapshot) -> set[str]:
    """The files added, removed or changed (by digest) since `previous`."""
    changed = {
        name
        for name, state in survey.states.items()
        if (old := previous.states.get(name)) is None or old[2] != state[2]
    }
    changed.update(name for name in previous.states if name not in survey.states)
    return changed
