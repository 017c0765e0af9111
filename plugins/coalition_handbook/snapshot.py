"""What the previous `handbook check` saw and found, to redo only what an edit changed.

    .cache/handbook/snapshot.pickle     one `Snapshot`, as plain dicts and tuples

`survey(config, cache, previous)` lists every input file (records, modules, pages, the
published text files that are no pages) and gives each its digest: as git's index does,
a file whose size, times and inode are those the snapshot recorded is not read again. A
file modified less than two seconds before it was hashed gets no signature (a later edit
could hide in the same timestamp): it is read again next time. The snapshot keeps the
findings of the run, those of each plain page (a page that is no module) and text file
(`model.files`) and those of the page rules and the term-file rules
(`rules.base.TERM_FILE_RULES`) at each term file apart from the rest, so that a run after
an edit to pages alone checks only those pages, and one after an edit to terms that keeps
their forms runs those rules over those term files alone.

The survey lists files with the model's own walks, as strings rather than `Path`s
(`module_file_paths`, `markdown_file_paths`): a warm run does little else, and a `Path`
per file cost as much as the rest of it. Record folders are read in one pass for their
names and record files; tests/test_incremental.py holds that to `record_files`. A folder
that holds the names the last run listed is not sorted again, nor its record files sorted
out of its names again (the snapshot keeps them), and the files' names and paths are put
together only when some file changed: at 2,000 terms, each cost about as much as stat'ing
a tenth of them (sorting out the record files, a third).
"""

from __future__ import annotations

import marshal
import operator
import os
import pickle
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from functools import cached_property
from pathlib import Path
from stat import S_ISDIR

from .cache import PROTOCOL, RunCache, digest, engine_fingerprint
from .config import HandbookConfig
from .file_names import composed
from .findings import Finding
from .model.files import published_files
from .model.modules import markdown_names_in, module_file_paths
from .model.pages import walk_docs
from .model.records import handbook_folders, is_record_file_name, yaml_files_below
from .model.source import relative_path, where_it_leads, within

# File systems keep modification times at least this finely (FAT: 2 s).
_RACY_NS = 2_000_000_000
_FORMAT = 7

FindingValues = tuple[object, ...]
# A file's modification and change times (ns), size and inode, as `os.stat` gives them.
Signature = tuple[int, int, int, int]


@dataclass
class RecordFiles:
    """A record folder's record files: their names in a survey are `prefix` + file name."""

    prefix: str
    folder: str
    names: tuple[str, ...]


@dataclass
class Survey:
    """This run's input files, by name: the path relative to mkdocs.yml's folder, with
    `/` (as the cache keys name files, so a moved checkout keeps its snapshot)."""

    listings: tuple[str, ...]  # the record folders and every name in them
    folder_names: dict[str, tuple[str, ...]]  # each record folder's names, sorted
    listed_names: dict[str, tuple[str, ...]]  # the same, in the order the system listed them
    record_names: dict[str, tuple[str, ...]]  # the record files among them (`_records`)
    records: list[RecordFiles]
    modules: dict[str, str]  # the module files: name -> path
    plain_pages: dict[str, str]  # the Markdown files that are not modules
    # The published files of docs_dir that are no pages and hold text (`model.files`).
    text_files: dict[str, str]
    inputs_key: str  # a digest of the listings, names and signatures
    files: Files
    unchanged: bool  # every signature as the previous run recorded it
    root: str  # the folder of mkdocs.yml, with a separator at its end

    @cached_property
    def paths(self) -> dict[str, str]:
        """Every record, module, page and text file: name -> path."""
        return _ordered_paths(self.records, self.modules, self.plain_pages, self.text_files)

    @property
    def checked_apart(self) -> dict[str, str]:
        """The files whose findings a snapshot may keep apart, each file's own: the plain
        pages and the text files, name -> path."""
        return {**self.plain_pages, **self.text_files}


class Files:
    """Each file's signature (see `_signatures`; `_UNSIGNED`: none, as for a racy file)
    and digest, by name: pickled apart in the snapshot, and read from it only when some
    file changed (a warm run with nothing changed needs only `Snapshot.inputs_key`)."""

    def __init__(
        self, signatures: dict[str, Signature] | None = None, digests: dict[str, str] | None = None
    ) -> None:
        self._pickled: bytes | None = None
        self._signatures = signatures
        self._digests = digests

    @classmethod
    def from_pickle(cls, data: bytes) -> Files:
        files = cls()
        files._pickled = data
        return files

    def _unpickle(self) -> None:
        if self._signatures is None or self._digests is None:
            assert self._pickled is not None
            try:
                signatures, digests = pickle.loads(self._pickled)
            except Exception:  # damaged: no file is known, so every one is read again
                signatures, digests = {}, {}
            if not (isinstance(signatures, dict) and isinstance(digests, dict)):
                signatures, digests = {}, {}
            self._signatures, self._digests = signatures, digests

    @property
    def signatures(self) -> dict[str, Signature]:
        self._unpickle()
        assert self._signatures is not None
        return self._signatures

    @property
    def digests(self) -> dict[str, str]:
        self._unpickle()
        assert self._digests is not None
        return self._digests

    def pickled(self) -> bytes:
        if self._pickled is None:
            self._pickled = pickle.dumps((self.signatures, self.digests), PROTOCOL)
        return self._pickled


@dataclass
class Snapshot:
    """The inputs and findings of a run. `page_findings` maps each plain page's and text
    file's name (also its path in findings) to its findings; `other_findings` are all
    the rest. Findings are kept as value tuples, sorted."""

    engine: str
    root: str  # as `Survey.root`: a checkout moved or copied elsewhere hashes every file
    config_key: str
    listings: tuple[str, ...]
    folder_names: dict[str, tuple[str, ...]]  # as `Survey.folder_names`
    listed_names: dict[str, tuple[str, ...]]  # as `Survey.listed_names`
    record_names: dict[str, tuple[str, ...]]  # as `Survey.record_names`
    inputs_key: str
    files: Files
    forms_key: str  # documents.forms_key of the run's terms
    matcher_key: str  # where the run's matcher is cached
    # Whether each plain page's and text file's findings are kept apart (those at its
    # file name).
    pages_apart: bool
    page_findings: dict[str, tuple[FindingValues, ...]]
    # With pages apart, the findings of the page rules (`rules.base.PAGE_RULES`) and the
    # term-file rules (`TERM_FILE_RULES`) at each term file that has any, by its path: a
    # term edit that keeps the forms checks that file alone.
    term_findings: dict[str, tuple[FindingValues, ...]]
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
        if not isinstance(snapshot.files, bytes) or not _names_by_folder(snapshot.folder_names):
            return None
        names = snapshot.folder_names
        for by_folder in (snapshot.record_names, snapshot.listed_names):
            if not _names_by_folder(by_folder) or by_folder.keys() != names.keys():
                return None
        listed = snapshot.listed_names
        if any(len(listed[folder]) != len(names[folder]) for folder in names):
            return None
        snapshot.files = Files.from_pickle(snapshot.files)
        if snapshot.engine != engine_fingerprint():
            return None
        return snapshot

    def store(self, cache: RunCache) -> None:
        values = tuple(
            self.files.pickled() if item.name == "files" else getattr(self, item.name)
            for item in fields(self)
        )
        cache.store_alone("snapshot", cache.key("snapshot"), (_FORMAT, values))

    def findings(self) -> list[Finding]:
        """Every finding of the run, sorted."""
        values = list(self.other_findings)
        for page_values in self.page_findings.values():
            values += page_values
        for term_values in self.term_findings.values():
            values += term_values
        return sort_findings_values(values)


def survey(config: HandbookConfig, cache: RunCache, previous: Snapshot | None) -> Survey:
    """List the input files and find each one's digest (read only where its signature
    differs from the one `previous` recorded); the cache learns every digest."""
    root = str(config.root) + os.sep
    started = time.time_ns()
    # A file's signature follows a symbolic link, and whether the link leads out of the
    # handbook depends on where the handbook is: in a copy elsewhere (`cp -a`), a link
    # by absolute path to a file of the original leads out of it with every signature
    # the same. Only the same folder's snapshot is trusted to say what is unchanged.
    trusted = previous if previous is not None and previous.root == root else None
    listings: list[str] = []
    folder_names: dict[str, tuple[str, ...]] = {}
    listed_names: dict[str, tuple[str, ...]] = {}
    record_names: dict[str, tuple[str, ...]] = {}
    records: list[RecordFiles] = []
    skip = handbook_folders(config)
    for directory in (config.glossary_dir, config.protocols_dir):
        folder = str(directory)
        folder_name = relative_path(config, directory)
        if not os.path.isdir(folder):  # noqa: PTH112 - a string, no Path
            listings += [folder_name, "(none)"]
            continue
        last_names = previous.folder_names.get(folder_name) if previous is not None else None
        last_listed = previous.listed_names.get(folder_name) if previous is not None else None
        names, listed_names[folder_name] = _folder_names(folder, last_names, last_listed)
        # The same names as the last run's (the very tuple): the same record files.
        last_records = previous.record_names.get(folder_name) if previous is not None else None
        known = last_records if names is last_names and last_records is not None else None
        record_names[folder_name] = known if known is not None else _records(names)
        listings += [folder_name, *names]
        # A YAML file in a subfolder is a finding (it is not read): one added or removed
        # there changes the listings. Only the few names that are no record are looked at,
        # none where every name is a record's (each an `<id>.yml`): not a glossary's
        # thousands of names gone through for none.
        every_one_a_record = len(record_names[folder_name]) == len(names)
        others = () if every_one_a_record else [n for n in names if not n.endswith(".yml")]
        # Such a name is a finding as a file or link, none as a folder (review rv54b: a
        # file turned into a folder of that name kept its finding warm): which it is, is
        # listed.
        subfolders = [n for n in others if _is_folder(folder + os.sep + n)] if others else ()
        prefix = file_name(folder + os.sep, root)
        listings += [f"(subfolder) {prefix}{name}" for name in subfolders]
        below = yaml_files_below(folder, subfolders, skip)
        listings += [f"(below) {file_name(path, root)}" for path in below]
        folder_names[folder_name] = names  # one folder each (a config error otherwise)
        records.append(RecordFiles(prefix, folder, record_names[folder_name]))
    # Whether the modules folder is there decides whether the site makes a training index
    # (`HandbookConfig.modules_src_dir`), whose address `page.replaced` compares pages with.
    modules_folder = "(folder)" if os.path.isdir(config.modules_dir) else "(none)"  # noqa: PTH112
    listings += [relative_path(config, config.modules_dir), modules_folder]
    # module.schema's advice at a module written in a subfolder says whether a file of
    # its name is in the folder itself (`model.modules.unread_module`).
    listings += [f"(in modules) {name}" for name in markdown_names_in(str(config.modules_dir))]
    modules = _named(module_file_paths(str(config.modules_dir)), root)
    walk = walk_docs(config)
    plain_pages = _named(walk.pages, root)
    text_files = _named(published_files(config, walk.text_files), root)
    # A folder of pages that cannot be read, a link to a folder or a file elsewhere, or a
    # misnamed file (an editor's leftover, a name Windows cannot hold), is a finding: one
    # that can be read again, or is gone, changes the listings, so that the finding is not
    # taken from this run's snapshot.
    listings += [f"(unreadable) {file_name(folder, root)}" for folder, _ in walk.unreadable]
    listings += [f"(outside) {file_name(link, root)}" for link, _ in walk.outside + walk.linked_out]
    listings += [f"(misnamed) {file_name(path, root)} {why}" for path, why in walk.misnamed]
    # A file that is no text (a PDF, an image) is not read, but its name is (privacy.pii):
    # one added, renamed or removed changes the listings.
    other_files = published_files(config, walk.other_files)
    listings += [_PUBLISHED + file_name(path, root) for path in other_files]
    for name in modules:
        plain_pages.pop(name, None)
    # Every file's signature, in the order of `_ordered_paths`.
    values: list[Signature] = []
    for folder_files in records:
        values += _folder_signatures(folder_files.folder, folder_files.names)
    values += _signatures(modules.values())
    values += _signatures(plain_pages.values())
    values += _signatures(text_files.values())
    # The record files are named by the listings; the modules, pages and text files by
    # their names.
    page_names = (*modules, *plain_pages, "(text files)", *text_files)
    inputs_key = _inputs_key(listings, page_names, values)
    if trusted is not None and inputs_key == trusted.inputs_key:
        files = trusted.files  # the common case: nothing touched
    else:
        paths = _ordered_paths(records, modules, plain_pages, text_files)
        inside = _inside_folders(config, frozenset(paths) - {*modules, *plain_pages, *text_files})
        files = _hashed(paths, values, trusted, cache, started, inside)
        inputs_key = _inputs_key(listings, page_names, list(files.signatures.values()))
    cache.know_digests(root, lambda: files.digests)
    unchanged = trusted is not None and files is trusted.files
    return Survey(
        tuple(listings),
        folder_names,
        listed_names,
        record_names,
        records,
        modules,
        plain_pages,
        text_files,
        inputs_key,
        files,
        unchanged,
        root,
    )


# What starts the listing of a published file that is no text (`survey`): with a NUL,
# which no file name holds, as a record folder's bare names could (`(published) x.yml`,
# whose page page.replaced reads, review rv44i).
_PUBLISHED = "\x00(published) "


def read_by_pages(listings: tuple[str, ...]) -> tuple[str, ...]:
    """The `listings` that the page rules read (`page.replaced`: the record names, the
    modules folder's being): all but the files that are no text, whose names privacy.pii
    reads all together in any run that is not of pages alone (an image added checks no
    page again)."""
    return tuple(listing for listing in listings if not listing.startswith(_PUBLISHED))


def _inside_folders(
    config: HandbookConfig, record_names: frozenset[str]
) -> Callable[[str], tuple[str, ...]]:
    """For a file's name in the survey, the real paths it may lead into and still be
    read: a term's or protocol's, the handbook's folder and the record folders (as
    `model.source.outside_the_handbook` allows); a module's, page's or text file's,
    docs_dir alone (`model.source.outside_docs`)."""
    folders = (config.root, config.glossary_dir, config.protocols_dir)
    records = tuple(map(os.path.realpath, folders))
    docs = within(config)
    return lambda name: records if name in record_names else docs


def _outside_digest(path: str, inside: tuple[str, ...]) -> str | None:
    """For a symbolic link that leads out of the folders `inside` (or into a `.git`
    folder), a digest of where it leads in place of its bytes: the file is not read
    (`model.source`), and a link moved to a copy outside with the same bytes must not
    read as unchanged (found in an audit: the warm run kept the findings of the file
    inside). None for any other."""
    if not os.path.islink(path):  # noqa: PTH114 - a string, no Path
        return None
    real = os.path.realpath(path)
    if where_it_leads(real, inside) is None:
        return None
    return digest("(outside the handbook)", real)


def _ordered_paths(
    records: list[RecordFiles],
    modules: dict[str, str],
    plain_pages: dict[str, str],
    text_files: dict[str, str],
) -> dict[str, str]:
    """Every record, module, page and text file: name -> path, in the order `survey`
    lists their signatures."""
    paths = {
        files.prefix + name: files.folder + os.sep + name
        for files in records
        for name in files.names
    }
    paths.update(modules)
    paths.update(plain_pages)
    paths.update(text_files)
    return paths


def _hashed(
    paths: dict[str, str],
    values: list[Signature],
    previous: Snapshot | None,
    cache: RunCache,
    started: int,
    inside: Callable[[str], tuple[str, ...]],
) -> Files:
    """Each file's signature (`values`, in the order of `paths`) and digest: the previous
    run's digest where the signature is the one it recorded, else the file read now (a
    link out of the handbook, `inside` none of the folders, by where it leads)."""
    signatures = dict(zip(paths, values, strict=True))
    known = previous.files.signatures if previous is not None else {}
    old_digests = previous.files.digests if previous is not None else {}
    digests: dict[str, str] = {}
    for name, signature in signatures.items():
        old_digest = old_digests.get(name)  # none in a damaged snapshot's file list
        if signature != _UNSIGNED and known.get(name) == signature and old_digest is not None:
            digests[name] = old_digest
            continue
        path = paths[name]
        digests[name] = _outside_digest(path, inside(name)) or cache.file_digest(Path(path))
        # Hashed now: trusted next time unless modified just before (see the docstring).
        if signature != _UNSIGNED and signature[0] + _RACY_NS >= started:
            signatures[name] = _UNSIGNED
    return Files(signatures, digests)


def _inputs_key(listings: list[str], page_names: tuple[str, ...], values: list[Signature]) -> str:
    names = "\0".join((*listings, "", *page_names))
    # marshal, not a byte string per file: one call in C for every signature. Version 2:
    # later ones mark objects referred to elsewhere, so their bytes depend on refcounts.
    return digest(names, marshal.dumps(values, 2))


def _signatures(paths: Iterable[str], folder_fd: int | None = None) -> list[Signature]:
    """Each file's signature: its modification and change times, size and inode, read
    from the stat result in C (`_SIGNATURE`); `_UNSIGNED` if it cannot be stat'ed.
    With `folder_fd`, the paths are names in that open folder."""
    stat = os.stat
    paths = list(paths)
    try:  # a comprehension, with no `try` for each of thousands of files
        return [_SIGNATURE(stat(path, dir_fd=folder_fd)) for path in paths]
    except OSError:
        pass
    signatures: list[Signature] = []
    for path in paths:
        try:
            signatures.append(_SIGNATURE(stat(path, dir_fd=folder_fd)))
        except OSError:
            signatures.append(_UNSIGNED)
    return signatures


def _folder_signatures(folder: str, names: tuple[str, ...]) -> list[Signature]:
    """`_signatures` of the files `names` in `folder`: stat'ed relative to the open
    folder where the system can (a third faster than a path each, and a glossary has
    thousands of files)."""
    if os.stat not in os.supports_dir_fd:
        return _signatures(folder + os.sep + name for name in names)
    try:
        folder_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return [_UNSIGNED] * len(names)
    try:
        return _signatures(names, folder_fd)
    finally:
        os.close(folder_fd)


_SIGNATURE = operator.attrgetter("st_mtime_ns", "st_ctime_ns", "st_size", "st_ino")
# No signature: the file could not be stat'ed, or was modified just before it was hashed.
_UNSIGNED: Signature = (0, 0, 0, 0)


def _named(paths: list[str], root: str) -> dict[str, str]:
    """Each file's name, `composed` as findings name a page (else no run keeps them by
    page: review rv42), but for two files one composed name would give (each keeps its
    own, and the findings are kept together, as a page.source warning names them)."""
    names = [file_name(path, root) for path in paths]
    as_found = [composed(name) for name in names]
    if as_found == names:  # names as typed: almost every handbook
        return dict(zip(names, paths, strict=True))
    shared = Counter(as_found)
    return {
        name if shared[found] > 1 else found: path
        for name, found, path in zip(names, as_found, paths, strict=True)
    }


def file_name(path: str, root: str) -> str:
    """The name of the file at `path` in a survey: relative to `root` (mkdocs.yml's
    folder and a separator), with `/`."""
    name = path[len(root) :] if path.startswith(root) else path
    return name.replace(os.sep, "/") if os.sep != "/" else name


def _folder_names(
    folder: str, last_names: tuple[str, ...] | None, last_listed: tuple[str, ...] | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every name in a record folder (misplaced files are findings), sorted, and as the
    system listed them: one listing of the folder. `last_names`, the last run's, are
    taken as they are if the folder holds the same names (sorting thousands costs more
    than seeing that): listed as the last run listed them (`last_listed`), or else each
    one known."""
    listed = tuple(os.listdir(folder))  # noqa: PTH208 - names as strings, no Path each
    if last_names is not None and len(listed) == len(last_names):
        if last_listed is not None and listed == last_listed:  # one comparison, in C
            return last_names, last_listed
        known = set(last_names)
        # As many names, all different (as a folder's are), each one known: the same.
        if len(known) == len(listed) and known.issuperset(listed):
            return last_names, listed
    return tuple(sorted(listed)), listed


def _is_folder(path: str) -> bool:
    """Whether `path` is a folder and no link to one (`model.source.may_be_file`: what is
    not, in a record folder, is named a misplaced file)."""
    try:
        return S_ISDIR(os.lstat(path).st_mode)
    except OSError:  # gone since listed, unreadable: named as a file would be
        return False


def _records(names: tuple[str, ...]) -> tuple[str, ...]:
    """The record files among a folder's `names`, as `model.records.record_files` lists
    them (`model.records.is_record_file_name`)."""
    return tuple([name for name in names if is_record_file_name(name)])


def _names_by_folder(value: object) -> bool:
    """Whether a snapshot's `folder_names` has the shape a survey gives it."""
    return isinstance(value, dict) and all(
        isinstance(folder, str) and isinstance(names, tuple) for folder, names in value.items()
    )


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
    if survey.unchanged:
        return set()
    old = previous.files.digests
    new = survey.files.digests
    changed = {name for name, file_digest in new.items() if old.get(name) != file_digest}
    changed.update(name for name in old if name not in new)
    return changed
