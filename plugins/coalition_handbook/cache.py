"""A persistent content-hash cache for `handbook check`, beside mkdocs.yml.

    .cache/handbook/<namespace>.pickle                   {key: pickled value}, for mkdocs.yml
    .cache/handbook/sites/<config file>/<namespace>.pickle    the same, for another config file

Every key is a SHA-256 of what the value depends on: the engine's own source (so a new
version of the code never reads an old entry), and the bytes of the files it was
computed from. A namespace is one file (thousands of small files cost more to write than
the checks they save) whose values stay pickled until asked for. A file is never updated
in place, only replaced whole (temp file, then `os.replace`), so concurrent runs cannot
read a half-written one (the last writer wins; the other's new entries are only misses
next time); anything that cannot be read or unpickled is ignored and rebuilt. The
temporary file a killed run left goes when its pack is written again.
`HANDBOOK_NO_CACHE=1` turns the cache off.

Only this machine's own runs write the cache, so only they may be read back: unpickling
runs code. Every pack is signed with a key of this user's kept outside the repository
(`cache_signature`), and one whose signature is not this user's is a miss, whatever
brought it (a `.cache` that is a git submodule, a repository downloaded as an archive:
security audit, finding 3). `.gitignore` keeps `.cache/` out of the repository, but `git
add -f` gets it in; so before any cache folder is read (`cache_refused`), git is asked
once whether it tracks a file in one; if it does, or a cache folder is a symbolic link,
no cache is read or written in that run and the user is told once (what to delete). So
too if a cache folder is no folder (a file named `.cache`): the run goes on without any
cache, rather than failing where it writes one. Cache files themselves are opened
without following links.

Namespaces: `records-<kind>` (parsed files) and `scan-<kind>` (scanned texts), one of
each for pages, modules, terms and protocols (editing a term rewrites the packs of terms,
not those of a thousand pages), `matcher`, `rules`, and `snapshot`, the one value that
`snapshot.py` keeps of the last run (what it read and found), replaced whole by each run.
The packs of earlier versions' namespaces (`RETIRED_NAMESPACES`) are deleted by the
first run that writes.

Each site (its config file's name, as the handout cache names the site of each record:
`mkdocs.yml`, `mkdocs.es.yml`) has packs of its own, and a run prunes only those: two
sites checked or built in turn from one folder each find their entries as they left them
(review: each run dropped the other site's, so every alternation was a cold run). A run
that writes also removes the packs of a site whose config file is no longer beside the
cache (renamed or deleted), which no run of its own would ever prune again.

A `RunCache` also reads each source file once per run (`read`), so the digest that keys a
cached value is the digest of the very bytes that value was computed from; the digests of
files the run's survey did not read again come from the snapshot (`know_digests`).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import importlib.util
import logging
import os
import pickle
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .cache_signature import KEY_FILE_VARIABLE, PACK, key_file, signed, signing_key, verified
from .new_files import temporary_prefix

CACHE_DIR = Path(".cache") / "handbook"
# The site whose packs are in CACHE_DIR itself: MkDocs' own config file's name.
DEFAULT_SITE = "mkdocs.yml"
# The folder, in CACHE_DIR, of the other sites' packs: one folder per config file name.
SITES_FOLDER = "sites"
HANDOUTS_CACHE_DIR = Path(".cache") / "handouts"
# Every folder whose files a run reads back: the packs and compiled templates, the PDFs.
READ_BACK_DIRS = (CACHE_DIR, HANDOUTS_CACHE_DIR)
# Packs that earlier versions wrote and this one never reads: removed when a run writes.
RETIRED_NAMESPACES = ("files", "records", "runs", "scan")
DISABLE_VARIABLE = "HANDBOOK_NO_CACHE"
PROTOCOL = pickle.HIGHEST_PROTOCOL


@dataclass
class CacheStats:
    """What the cache did in this process (for tests and the benchmark)."""

    hits: int = 0
    misses: int = 0
    writes: int = 0
    parsed: int = 0  # source files parsed (not taken from the cache)
    scanned: int = 0  # documents scanned for terms (not taken from the cache)
    results: int = 0  # whole runs answered from the cache

    def reset(self) -> None:
        self.__init__()  # type: ignore[misc]


STATS = CacheStats()


def digest(*parts: str | bytes) -> str:
    """SHA-256 of `parts`, each length-prefixed so that ("ab", "c") != ("a", "bc")."""
    # One update of the joined parts: a call per part cost more than the copy.
    return hashlib.sha256(_chunks(parts)).hexdigest()


def _chunks(parts: Iterable[str | bytes]) -> bytes:
    """`parts` joined as `digest` hashes them: each after its length."""
    chunks: list[bytes] = []
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        chunks += (len(data).to_bytes(8, "little"), data)
    return b"".join(chunks)


# The libraries whose answers are cached (parsing YAML, Markdown and schemas; plurals,
# phone numbers, the matcher, collation, file patterns, the reading grade and the
# syllables it counts, the generated pages' templates), by module and by distribution,
# as its metadata folder is named (in lower case).
CACHED_LIBRARIES = {
    "yaml": "pyyaml",
    "jsonschema": "jsonschema",
    "fastjsonschema": "fastjsonschema",
    "markdown_it": "markdown_it_py",
    "markdown": "markdown",
    "pymdownx": "pymdown_extensions",
    "lemminflect": "lemminflect",
    # A Spanish site's plurals (`spanish_plurals`).
    "inflector": "inflector",
    # A French site's plurals (`french_plurals`).
    "pluralizefr": "pluralizefr",
    "phonenumbers": "phonenumbers",
    "ahocorasick": "pyahocorasick",
    "babel": "babel",
    "pathspec": "pathspec",
    "textstat": "textstat",
    # textstat counts syllables with pyphen's dictionaries (review: a pyphen upgrade
    # changed every grade, and the pages kept the old ones).
    "pyphen": "pyphen",
    # A term's tooltip cut at its 300th character ends at a grapheme cluster of regex's.
    "regex": "regex",
    # Generated pages' Markdown, kept between builds, is written by Jinja templates
    # (review rv17).
    "jinja2": "jinja2",
    "markupsafe": "markupsafe",
}


@cache
def engine_fingerprint() -> str:
    """A digest of the package's own files, Python's version and the installed libraries
    the cached values come from: any change to the code that computes them makes every
    old entry unreachable."""
    package = Path(__file__).resolve().parent
    parts: list[str | bytes] = [sys.version, str(PROTOCOL), *library_identities()]
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".json") and "__pycache__" not in path.parts:
            parts += [path.relative_to(package).as_posix(), path.read_bytes()]
    return digest(*parts)


def library_identities(libraries: Mapping[str, str] | None = None) -> list[str]:
    """The installed version of each of `libraries` (module: distribution; by default
    `CACHED_LIBRARIES`: a module page kept the reading grade of the textstat version
    before, which `handbook check` no longer gave), from the names of the metadata
    folders beside it (`textstat-0.7.13.dist-info`): found without importing the
    libraries (a warm run imports none), nor reading their metadata (0.2 s), nor their
    files' times (a CI run installs them anew, and its restored cache must stay warm)."""
    folders: dict[str, list[str]] = {}
    identities = []
    for module, distribution in (CACHED_LIBRARIES if libraries is None else libraries).items():
        try:
            spec = importlib.util.find_spec(module)
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.origin:
            identities.append(f"{distribution}: missing")
            continue
        # A package's entry is its __init__.py; a single module's, the file itself.
        entry = Path(spec.origin)
        where = str(entry.parent.parent if spec.submodule_search_locations else entry.parent)
        if where not in folders:
            try:
                folders[where] = [path.name.lower() for path in Path(where).iterdir()]
            except OSError:
                folders[where] = []
        identities += [
            name
            for name in folders[where]
            if name.startswith(f"{distribution}-") and name.endswith((".dist-info", ".egg-info"))
        ] or [f"{distribution}: no metadata in {where}"]
    return identities


# Where the system has no such flag (Windows), `read_regular_file` looks at the path first.
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)

# A plain child of the `mkdocs` logger, as the plugin's (strict mode counts its warnings);
# with no handler (the `handbook` command) Python prints a warning on stderr.
log = logging.getLogger("mkdocs.plugins.handbook")


# What a file that is no regular file is, by `stat.S_IFMT` of its mode, for messages.
_FILE_KINDS = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFDIR: "a folder",
}


def not_a_regular_file(mode: int) -> str:
    """Why a file of `mode` (no regular file) is not read, saying what it is: "not a
    regular file (a named pipe)", so that the editor knows what to look for."""
    kind = _FILE_KINDS.get(stat.S_IFMT(mode))
    return f"not a regular file ({kind})" if kind else "not a regular file"


def read_regular_file(path: Path, follow_links: bool = True) -> bytes:
    """The bytes of a regular file. Anything else raises OSError at once: opened without
    blocking, a named pipe would otherwise wait for a writer for ever. With
    `follow_links` False, a symbolic link is no regular file either (for cache files,
    which only the tool writes, and never as links)."""
    flags = os.O_RDONLY | os.O_NONBLOCK
    if not follow_links:
        flags |= _NO_FOLLOW
        if not _NO_FOLLOW and path.is_symlink():
            raise OSError(errno.ELOOP, "a symbolic link", str(path))
    descriptor = os.open(path, flags)
    try:
        found = os.fstat(descriptor)
        if not stat.S_ISREG(found.st_mode):
            raise OSError(errno.EINVAL, not_a_regular_file(found.st_mode), str(path))
        # One read of the size fstat gave (and one byte more, to see the end), without
        # the buffered file object `read_bytes` builds: this runs for every source file.
        chunks = [os.read(descriptor, found.st_size + 1)]
        while chunks[-1] and sum(map(len, chunks)) > found.st_size:
            chunks.append(os.read(descriptor, 1 << 16))  # the file grew while read
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def cache_disabled() -> bool:
    return os.environ.get(DISABLE_VARIABLE, "").strip() not in ("", "0")


# The answers of `cache_refused`, by handbook folder and what they depend on.
_REFUSALS: dict[tuple[str, ...], str | None] = {}


def cache_refused(root: Path) -> str | None:
    """Why the caches beside mkdocs.yml in `root` must be neither read nor written in this
    run, or None: git tracks a file in a cache folder (it came with the repository, not
    from a run here), a cache folder is a symbolic link, or it is no folder at all (a
    file), where no cache can be written. Said once
    (a WARNING on the plugin's logger) for each state of the repository's index, so a
    build that asks for each of its caches runs git once, and `mkdocs serve` once, until
    a `git pull` or `git add` changes the index. No cache folder: nothing is asked. Not
    in a git work tree, or no git: nothing can be tracked. And a key named inside the
    handbook folder (`_key_inside`), asked first."""
    inside = _key_inside(root)
    if inside is not None:
        return inside
    present = [
        folder for folder in (CACHE_DIR.parent, *READ_BACK_DIRS) if os.path.lexists(root / folder)
    ]
    if not present:
        return None
    linked = [folder.as_posix() for folder in present if (root / folder).is_symlink()]
    no_folders = [
        folder.as_posix()
        for folder in present
        if folder.as_posix() not in linked and not (root / folder).is_dir()
    ]
    folders = [folder for folder in READ_BACK_DIRS if folder in present]
    index = _git_index_state(root) if folders else None
    if not linked and not no_folders and index is None:
        return None
    folder_names = [folder.as_posix() for folder in folders]
    key = (str(root), *folder_names, "|", *linked, "|", *no_folders, "|", *(index or ()))
    if key not in _REFUSALS:
        if len(_REFUSALS) > 64:  # a long-lived process (tests, `mkdocs serve`): stay small
            _REFUSALS.clear()
        if linked:
            refusal: str | None = _linked_folder(linked[0])
        elif no_folders:
            refusal = _no_folder(no_folders[0])
        else:
            refusal = _tracked_files(root, folder_names)
        _REFUSALS[key] = refusal
        if refusal is not None:
            log.warning(f"handbook: {refusal}")
    return _REFUSALS[key]


# The key files refused, by handbook folder: said once each.
_KEYS_INSIDE: dict[tuple[Path, Path], str] = {}


def _key_inside(root: Path) -> str | None:
    """Why the caches are off where HANDBOOK_CACHE_KEY_FILE names a file inside the
    handbook folder `root` (`.cache/key`, a relative path read there): every copy of the
    folder (a ZIP, an archive, a `.cache` in a submodule) would carry the key with the
    files it signs, so the signatures would vouch for what came with them. None for a
    key outside it (a WARNING, said once)."""
    path, named = key_file()
    if not named:
        return None
    try:
        inside = path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links: no key is read there either
        return None
    if not inside:
        return None
    if (root, path) not in _KEYS_INSIDE:
        _KEYS_INSIDE[(root, path)] = (
            f"the cache key {path} ({KEY_FILE_VARIABLE}) is inside the handbook folder: a "
            "copy of the folder would carry the key with the cache files it signs, so the "
            "caches are not read or written in this run (name a file outside it, such as "
            "~/.config/coalition-handbook/key)"
        )
        log.warning(f"handbook: {_KEYS_INSIDE[(root, path)]}")
    return _KEYS_INSIDE[(root, path)]


def _linked_folder(folder: str) -> str:
    return (
        f"{folder} is a symbolic link: the cache is not read or written in this run (cache "
        "files come from this machine's own runs, in the folder itself; remove the link)"
    )


def _no_folder(folder: str) -> str:
    return (
        f"{folder} is not a folder: the cache is not read or written in this run (runs keep "
        "their cache files in a folder of that name; remove the file)"
    )


def _tracked_files(root: Path, names: list[str]) -> str | None:
    """Why git's answer refuses the cache: files of the folders `names` are tracked. None
    when none is, or git cannot answer: no git, or a repository it will not read (owned
    by another user, as in some CI containers), which no pull request can bring about, and
    where refusing would fail every strict build."""
    try:
        listed = subprocess.run(
            # In any case: on a checkout that ignores case (macOS, Windows) a file git
            # tracks as `.CACHE/handbook/...` is what `.cache/handbook` opens.
            ["git", "-C", str(root), "ls-files", "-z", "--", *(f":(icase){n}" for n in names)],
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if listed.returncode != 0:
        return None
    tracked = [
        name
        for name in names
        if any(
            path == name.casefold() or path.startswith(f"{name.casefold()}/")
            for path in listed.stdout.decode("utf-8", "surrogateescape").casefold().split("\0")
        )
    ]
    if not tracked:
        return None
    folders_named = " ".join(tracked)
    # `git rm -r`, not `--cached`: files left on disk untracked would be read next time.
    return (
        f"{folders_named} {'is' if len(tracked) == 1 else 'are'} tracked by git: the cache is "
        "not read or written in this run (cache files come from this machine's own runs, "
        f"never from the repository; delete them from it with `git rm -r {folders_named}` "
        "and commit)"
    )


def _git_index_state(root: Path) -> tuple[str, ...] | None:
    """The index file of the git work tree `root` is in, and its size, times and inode
    (every `git add`, `rm`, `pull` or `checkout` replaces it), or None when there is no
    `.git` in `root` nor in a folder above it (and GIT_DIR is not set)."""
    named = os.environ.get("GIT_INDEX_FILE")
    if named:
        index = Path(named)
    elif os.environ.get("GIT_DIR"):
        index = Path(os.environ["GIT_DIR"]) / "index"
    else:
        found = _git_dir(root)
        if found is None:
            return None
        index = found / "index"
    try:
        state = index.stat()
    except OSError:  # a repository with nothing added yet
        return (str(index),)
    return (str(index), str(state.st_size), str(state.st_mtime_ns), str(state.st_ino))


def _git_dir(root: Path) -> Path | None:
    """The git folder of the work tree `root` is in: `.git`, or where a `.git` file (a
    linked work tree, a submodule) says it is."""
    for folder in (root, *root.parents):
        dot_git = folder / ".git"
        if dot_git.is_dir():
            return dot_git
        if dot_git.is_file():
            with contextlib.suppress(OSError, UnicodeDecodeError):
                pointer = dot_git.read_text(encoding="utf-8").strip()
                if pointer.startswith("gitdir:"):
                    return folder / pointer.removeprefix("gitdir:").strip()
            return dot_git  # unreadable: git cannot read it either, and says so
    return None


def site_packs_folder(directory: Path, site: str) -> Path:
    """The folder of the packs of `site` (a config file's name) in the cache `directory`."""
    return directory if site == DEFAULT_SITE else directory / SITES_FOLDER / site


def remove_gone_sites(directory: Path, root: Path, site: str) -> None:
    """Remove from the cache `directory` of the handbook in `root` the packs of every site
    but `site` whose config file is not in `root`: renamed or deleted, so no run of its
    own will prune them again, and the cache would grow with each rename. A folder
    left with anything else in it (a file someone put there) stays, with that file."""
    gone: list[Path] = []
    if site != DEFAULT_SITE and not (root / DEFAULT_SITE).exists():
        gone.append(directory)
    with contextlib.suppress(OSError), os.scandir(directory / SITES_FOLDER) as entries:
        gone += [
            Path(entry.path)
            for entry in entries
            if entry.name != site
            and entry.is_dir(follow_symlinks=False)
            and not (root / entry.name).exists()
        ]
    for folder in gone:
        with contextlib.suppress(OSError):
            for pack in folder.glob("*.pickle"):
                pack.unlink()
        if folder != directory:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only where nothing else is left
    with contextlib.suppress(OSError):
        (directory / SITES_FOLDER).rmdir()


class RunCache:
    """One run's view of the cache and of the source files it reads.

    `directory` None means no persistent cache (disabled): `load` finds nothing and
    `store` keeps nothing, but `read` still reads every file once. `site` names the config
    file whose packs are read and written (`site_packs_folder`); given `root`, the
    handbook's folder, a run that writes removes the packs of sites gone from it.
    """

    def __init__(
        self, directory: Path | None, site: str = DEFAULT_SITE, root: Path | None = None
    ) -> None:
        self.directory = directory
        self.site = site
        self.root = root
        self.packs = None if directory is None else site_packs_folder(directory, site)
        self._bytes: dict[Path, bytes | OSError] = {}
        self._root = os.sep  # see `know_digests`
        self._survey_digests: Callable[[], dict[str, str]] = dict
        self._packs: dict[str, dict[str, bytes]] = {}
        self._used: dict[str, set[str]] = {}
        self._dirty: set[str] = set()

    @classmethod
    def beside(cls, root: Path, site: str) -> RunCache:
        """The cache of the site whose config file, named `site`, is in `root` (off if
        disabled, or if it must not be read: `cache_refused`). `site` has no default: a
        run named for another site would prune that site's entries."""
        off = cache_disabled() or cache_refused(root) or signing_key() is None
        return cls(None if off else root / CACHE_DIR, site, root)

    @property
    def enabled(self) -> bool:
        return self.directory is not None

    def read(self, path: Path) -> bytes:
        """The bytes of `path`, read once per run; raises OSError as `read_bytes` does."""
        found = self._bytes.get(path)
        if found is None:
            try:
                found = read_regular_file(path)
            except OSError as error:
                found = error
            self._bytes[path] = found
        if isinstance(found, OSError):
            raise found
        return found

    def file_digest(self, path: Path | str) -> str:
        """Digest of the bytes of `path`: as the run's survey of its files gave it (see
        `snapshot.survey`, which hashes only files whose size or times changed), or of
        the bytes this run read. A string path makes no `Path` unless the file is read."""
        text = str(path)
        if text.startswith(self._root):
            known = self._survey_digests().get(text[len(self._root) :].replace(os.sep, "/"))
            if known is not None:
                return known
        try:
            return digest(self.read(Path(path)))
        except OSError as error:
            return digest("unreadable", str(error))

    def know_digests(self, root: str, digests: Callable[[], dict[str, str]]) -> None:
        """Take `digests()` (by path relative to `root`, with `/`) as those of this run
        (a function: they are only looked at if a file is parsed)."""
        self._root = root
        self._survey_digests = digests

    def key(self, namespace: str, *parts: str | bytes) -> str:
        return digest(engine_fingerprint(), namespace, *parts)

    def keys(self, namespace: str, rows: Iterable[tuple[str, ...]]) -> list[str]:
        """`key(namespace, *row)` of each row, hashing what they share once (thousands of
        record files' keys each run)."""
        shared = hashlib.sha256(_chunks((engine_fingerprint(), namespace)))
        keys: list[str] = []
        for row in rows:
            hasher = shared.copy()
            hasher.update(_chunks(row))
            keys.append(hasher.hexdigest())
        return keys

    def load(
        self, namespace: str, key: str, fits: Callable[[Any], bool] | None = None
    ) -> Any | None:
        """The value stored under `key`, or None (missing, unreadable, corrupt, off, or
        not of the shape `fits` asks for: damage that still unpickles)."""
        if self.directory is None:
            return None
        data = self._pack(namespace).get(key)
        try:
            value = pickle.loads(data) if data is not None else None
        except Exception:  # any damage to the cache only means a miss
            value = None
        if value is not None and fits is not None and not fits(value):
            value = None
        if value is None:
            STATS.misses += 1
            return None
        self._used.setdefault(namespace, set()).add(key)
        STATS.hits += 1
        return value

    def holds(self, namespace: str, key: str) -> bool:
        """Whether a value is stored under `key` (not unpickled): one that is stays, as
        one loaded does, when `flush` prunes."""
        if self.directory is None or key not in self._pack(namespace):
            return False
        self._used.setdefault(namespace, set()).add(key)
        return True

    def count(self, namespace: str) -> int:
        """How many entries `namespace` holds (none where the cache is off, or on a first
        run): its pack is read, as the first `load` of it would."""
        return 0 if self.directory is None else len(self._pack(namespace))

    def store(self, namespace: str, key: str, value: Any) -> None:
        """Keep `value` under `key` (written by `flush`); unpicklable values are skipped."""
        if self.directory is None:
            return
        try:
            data = pickle.dumps(value, protocol=PROTOCOL)
        except Exception:  # a value that cannot be pickled is simply not cached
            return
        self._pack(namespace)[key] = data
        self._used.setdefault(namespace, set()).add(key)
        self._dirty.add(namespace)
        STATS.writes += 1

    def flush(self, prune: bool = True, read_whole: Collection[str] = ()) -> None:
        """Write every namespace this run added to, keeping only the entries the run used
        (so old versions of edited files do not pile up), or all of them (`prune` False:
        a run that read only part of the handbook), but in the namespaces `read_whole`
        (those it read every file of, though not every page). A cache that cannot be
        written (a read-only checkout) is silently skipped."""
        if self.directory is None or self.packs is None:
            return
        for namespace in sorted(self._dirty):
            pack = self._packs[namespace]
            if prune or namespace in read_whole:
                used = self._used.get(namespace, set())
                pack = {key: data for key, data in pack.items() if key in used}
            self._write(self.packs / f"{namespace}.pickle", pack)
        if self._dirty:
            for namespace in RETIRED_NAMESPACES:
                with contextlib.suppress(OSError):
                    (self.directory / f"{namespace}.pickle").unlink(missing_ok=True)
            if self.root is not None:
                remove_gone_sites(self.directory, self.root, self.site)
        self._dirty.clear()

    def load_alone(self, namespace: str, key: str) -> Any | None:
        """The value `store_alone` kept under `key`, or None (missing, damaged, off)."""
        if self.directory is None:
            return None
        try:
            pack = pickle.loads(self._read(namespace))
            return pickle.loads(pack[key])
        except Exception:  # missing, unreadable, corrupt, not signed here: nothing kept
            return None

    def store_alone(self, namespace: str, key: str, value: Any) -> None:
        """Make `value` the one entry of `namespace`, written at once (for what every run
        reads whole, and replaces)."""
        if self.packs is not None:
            with contextlib.suppress(Exception):  # unpicklable: not kept
                pack = {key: pickle.dumps(value, protocol=PROTOCOL)}
                self._write(self.packs / f"{namespace}.pickle", pack)

    def release(self) -> None:
        """Forget the bytes read and the packs loaded (after `flush`), to free memory."""
        self._bytes.clear()
        self._packs.clear()

    def _pack(self, namespace: str) -> dict[str, bytes]:
        """The entries of `namespace`, still pickled: one file read, values decoded only
        when asked for."""
        pack = self._packs.get(namespace)
        if pack is None:
            assert self.packs is not None
            try:
                pack = pickle.loads(self._read(namespace))
            except Exception:  # missing, unreadable, corrupt, not signed here: start empty
                pack = {}
            if not isinstance(pack, dict):
                pack = {}
            self._packs[namespace] = pack
        return pack

    def _read(self, namespace: str) -> memoryview:
        """The pickled pack of `namespace`, checked to be signed by this user before
        anything unpickles it; a link (which no run makes) is no pack. Raises where there
        is none, or it cannot be read, or it is not signed here."""
        assert self.packs is not None
        data = read_regular_file(self.packs / f"{namespace}.pickle", follow_links=False)
        payload = verified(data, PACK)
        if payload is None:
            raise ValueError(f"{namespace}.pickle is not signed with this user's key")
        return payload

    @staticmethod
    def _write(target: Path, pack: dict[str, Any]) -> None:
        data = signed(pickle.dumps(pack, protocol=PROTOCOL), PACK)
        if data is not None:
            write_cache_file(target, data)


# How earlier versions named every temporary file: one a killed run left is removed too.
_EARLIER_TEMPORARY_PREFIX = ".tmp-"


def write_cache_file(target: Path, data: bytes) -> None:
    """Replace `target` with `data` whole (a temporary file, then a rename: a concurrent
    run reads the old file or the new one, never half); where it cannot be written (a
    read-only checkout), nothing is. Then the temporary files of `target` that killed runs
    left go (`remove_left_temporaries`)."""
    temporary = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=temporary_prefix(target))
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        Path(temporary).replace(target)
        temporary = None
        remove_left_temporaries(target, _EARLIER_TEMPORARY_PREFIX)
    except OSError:
        pass
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()


def remove_left_temporaries(target: Path, *earlier_prefixes: str) -> None:
    """Remove the temporary files of `target` in its folder (`temporary_prefix`), and any
    file whose name starts with one of `earlier_prefixes`: a run killed (SIGKILL, a
    power cut) between writing one and renaming it left it there for good (audit). One a
    concurrent run is writing may go too: its rename then fails, and that run writes
    nothing, as if the last writer, this run, had written after it."""
    prefixes = (temporary_prefix(target), *earlier_prefixes)
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        left = [
            Path(entry.path)
            for entry in entries
            if entry.name.startswith(prefixes) and not entry.is_dir(follow_symlinks=False)
        ]
    for path in left:
        with contextlib.suppress(OSError):
            path.unlink()  # a link goes, never what it leads to
