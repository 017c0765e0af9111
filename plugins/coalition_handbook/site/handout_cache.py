"""The handout cache: finished PDFs kept by a hash of everything that goes into them.

`.cache/handouts/<module-id>/<key>.pdf` beside mkdocs.yml. The key covers the module's
file, the files of the protocols it names, the key terms' forms and definitions, the paper
size, the site name and address (`site_url`), the versions of this package and of those
that render (`RENDERING_PACKAGES`: Python-Markdown and its extensions, Jinja, WeasyPrint and its
own), and a digest of the templates, stylesheet and rendering code. What the PDF shows
beyond that text is kept beside it (`<key>.files.json`): the images its module shows
(each file's path and digest, as the render read it), and where its links to the
handbook led on the published site (a page added or removed since changes that), with
the digest of the PDF itself: a PDF whose images or links changed since is no longer
found, nor one whose bytes are not those written (cut short by a killed copy, or by a CI
cache restored in part). A PDF with characters no font had
keeps a digest of the fonts fontconfig found (`font_set_digest`), and is no longer found
once they differ: the font the warning asked for, installed, prints them (audit: the
cached PDF kept its empty boxes, and the warning, now untrue, failed --strict). The last
`KEPT_PER_MODULE` PDFs of a module are kept: an edit tried and undone while `mkdocs
serve` runs renders nothing the second time (audit: it rendered again, seconds a PDF),
and a failed render still has the last good handout, the one used last, to fall back on.
A full build, and `handbook handouts`, remove the folders of modules that are gone
(`remove_retired`): what `put` wrote there, and the folder once empty (audit: a deleted
module's PDFs stayed for good).

Each record names the site that wrote it (`site`: the name of its config file, as two
sites beside one another, `mkdocs.yml` and `mkdocs.es.yml`, share the cache), and only
a site's own records are ever removed: those beyond the last `KEPT_PER_MODULE` of one
of its modules, and those of its modules that are gone, with the records there that
name no site (none signed with this user's key: an earlier key's, an earlier version's,
one that came with a copy, or a temporary file of a killed run) where no other site's
record is beside them. A record signed with no key of now is of no use to any run: `put`
removes those of the module it writes (but a temporary file alone).
Another site's records, and any other file (a PDF someone put in a module's folder)
stay (audit: the first were removed as a gone module's, the last as an older PDF; DESIGN
section 11). A failed render falls back on its own site's last good PDF alone
(`last_good_pdf`; review: a module with errors on the Spanish site was published with the
English handout).

Only PDFs this user's runs wrote are published from the cache: each record is signed
with the user's key (`cache_signature`, `HANDOUT`), and a PDF whose record is not (one
that came with a copied or downloaded handbook, its record made to vouch for it; one an
earlier version or another user wrote) is rendered again (review rv1, finding 2: the
digest beside a PDF came with it). Where there is no key, nothing is kept or found. None
is published if git tracks a file under `.cache/handouts/` (`cache_refused`: the cache
is then off for the run), none that is a symbolic link or in a linked folder, and as a
last good one only a file named by a key, as `put` names them.

Every file is written atomically (a temporary file in the same folder, then a rename):
a reader never sees half a PDF and a failure never removes a good one. A cache that
cannot be written (a folder without write permission, a file in a folder's place) keeps
nothing, and says why once (`unwritable`): the PDFs are published all the same.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import stat
import tempfile
from collections.abc import Collection, Iterable, Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from .. import __version__
from ..cache import (
    DEFAULT_SITE,
    HANDOUTS_CACHE_DIR,
    cache_refused,
    read_regular_file,
    remove_left_temporaries,
)
from ..cache_signature import HANDOUT, signed, verified
from ..model.source import SLUG
from ..new_files import temporary_prefix
from . import handout_render
from .handout_links import PublishedSite
from .handout_problems import Unplaced, wants_a_font
from .handout_render import HandoutContent, SiteLinks, renderer_digest

CACHE_DIR = HANDOUTS_CACHE_DIR
# The site a cache writes for where none is named is `DEFAULT_SITE`, MkDocs' own config
# file's name, as in the checks' cache.
# PDFs kept per module: the one used last and the ones before it (about 80 kB each).
KEPT_PER_MODULE = 3
# Every file `put` writes in a module's folder: a PDF, its manifest, and the temporary
# file of either (`write_atomically`) that a killed run left.
_WRITTEN_NAME = re.compile(
    r"[0-9a-f]{64}\.(?:pdf|files\.json)|\.[0-9a-f]{64}\.(?:pdf|files\.json)\.\w+"
)


def cache_key(content: HandoutContent) -> str:
    """A hex digest that changes whenever the PDF of `content` would."""
    module = content.module
    ingredients = {
        "module": module.origin.text,
        "protocols": [[protocol.id, protocol.origin.text] for protocol in content.protocols],
        "key_terms": [
            # Not `short`: the handout prints the definition whole (tooltips' line).
            [term.id, term.term, term.status, term.definition]
            for term in content.key_terms
        ],
        "replacements": content.replacements,
        # The date it is dated by may come from a key term's history alone (review).
        "updated": content.updated.isoformat() if content.updated else None,
        "paper_size": content.paper_size,
        "site_name": content.site_name,
        # The footer names the site's address, and the links to its pages lead there
        # from the module's page (where each leads is kept beside the PDF: `put`).
        "site_url": content.site.url if content.site is not None else "",
        "module_page": content.module_src_uri if content.site is not None else None,
        "language": content.language,
        # Their numbers are kept whole as written at home (`handout_phones`).
        "phone_countries": content.phone_countries,
        # Its numbers are links to call them (`handout_phone_links`): the allowed ones
        # its text may hold, so that a change to privacy.allow renders only the
        # handouts it may change (`handout_held_phones`).
        "public_phones": content.public_phones,
        "package": __version__,
        "rendering": _rendering_versions(),
        "renderer": renderer_digest(),
    }
    if content.module_body is not None:  # what it includes with pymdownx.snippets, in place
        ingredients["module_body"] = content.module_body
    # surrogatepass: a key for any text, even one no file could hold
    encoded = json.dumps(ingredients, ensure_ascii=False, sort_keys=True).encode(
        "utf-8", "surrogatepass"
    )
    return hashlib.sha256(encoded).hexdigest()


class HandoutCache:
    """Finished PDFs under `directory`, one folder per module id; `directory` None: no
    cache (nothing found, nothing kept). `site` names the site whose records it writes
    and removes: its config file's name."""

    def __init__(self, directory: Path | None, site: str = DEFAULT_SITE) -> None:
        self.directory = directory
        self.site = site
        # Where writing first failed, and why: nothing more is written then.
        self.unwritable: tuple[Path, str] | None = None

    @classmethod
    def beside(cls, root: Path, site: str) -> HandoutCache:
        """The handout cache of the handbook whose config file, named `site`, is in
        `root`; off when it must not be read (`cache_refused`). `site` has no default:
        a cache made for another site's name falls back on that site's PDFs (review)."""
        return cls(None if cache_refused(root) else root / CACHE_DIR, site)

    def path(self, module_id: str, key: str) -> Path:
        assert self.directory is not None
        return self.directory / module_id / f"{key}.pdf"

    def get(
        self,
        module_id: str,
        key: str,
        root: Path | None = None,
        site: PublishedSite | None = None,
    ) -> CachedHandout | None:
        """The PDF kept under `key` and what its render could not print, or None; given
        the handbook's `root`, only while the files its render read (`put`'s `files`)
        are as they were; given the published `site`, only while its links to the
        handbook (`put`'s `site_links`) lead where they did (a page added, or one gone)."""
        if self._folder(module_id) is None:
            return None
        manifest = self._read_manifest(module_id, key)
        if manifest is None:
            return None
        files = manifest.files
        if root is not None and read_files(root, [root / path for path in files]) != files:
            return None
        if site is not None and any(
            site.address(page, href) != address for page, href, address in manifest.links
        ):
            return None
        if manifest.fonts is not None:  # only then: reading the fonts loads WeasyPrint
            fonts_now = handout_render.font_set_digest()
            if fonts_now is not None and fonts_now != manifest.fonts:
                return None
        pdf = _as_written(read_pdf(self.path(module_id, key)), manifest.pdf_digest)
        if pdf is None:
            return None
        _mark_used(self.path(module_id, key))
        return CachedHandout(pdf, manifest.problems, manifest.links)

    def put(
        self,
        module_id: str,
        key: str,
        pdf: bytes,
        files: Mapping[str, str] | None = None,
        problems: Sequence[Unplaced] = (),
        site_links: SiteLinks | None = None,
    ) -> Path | None:
        """Keep `pdf` as the module's newest good handout, with the `files` its render
        read (`read_files`), where its links to the handbook led (`site_links`), and what
        it could not print (`problems`, said again each time it is published from here);
        older ones are removed. None where nothing was kept: no cache, or one that cannot
        be written (`unwritable`)."""
        if self.directory is None or self.unwritable is not None:
            return None
        try:
            return self._put(module_id, key, pdf, files, problems, site_links)
        except OSError as error:  # no permission, a read-only disk, a full one
            # The cache's folder, not the file the error names: that may be a temporary
            # file of `write_atomically`, gone by the time the message is read.
            self.unwritable = (self.directory, error.strerror or str(error))
            return None

    def _put(
        self,
        module_id: str,
        key: str,
        pdf: bytes,
        files: Mapping[str, str] | None,
        problems: Sequence[Unplaced],
        site_links: SiteLinks | None,
    ) -> Path | None:
        path = self.path(module_id, key)
        manifest = self._manifest(module_id, key)
        kept = {
            # Whose record this is: one signed for another PDF is no record of this one.
            "record": f"{module_id}/{key}",
            "site": self.site,
            "files": dict(files or {}),
            "pdf": hashlib.sha256(pdf).hexdigest(),
            "problems": [problem.as_json() for problem in problems],
            "links": sorted(
                [page, href, address] for (page, href), address in (site_links or {}).items()
            ),
        }
        if any(wants_a_font(problem) for problem in problems):
            kept["fonts"] = handout_render.font_set_digest()
        record = signed(json.dumps(kept, sort_keys=True).encode(), HANDOUT)
        if record is None:  # no key: no record could be trusted (said once, at INFO)
            return None
        folder = self._folder(module_id, create=True)
        if folder is None:
            return None
        write_atomically(manifest, record)
        write_atomically(path, pdf)
        _mark_used(path)  # written with the bytes it held already, it kept its old time
        # This site's records of the module, the one used last first: the others' stay.
        # But those that name no site, signed with no key of now (an earlier key's: one
        # deleted, or a CI cache that lost its key's folder), which no run of this
        # user's can use again (review rv3, finding 10: they stayed while the module
        # did, one more at each new key): as `remove_retired` removes them, but not a
        # killed run's temporary file alone, which may be a running one's.
        records = _records(folder)
        own = [
            record.key
            for record in sorted(records, key=_by_use, reverse=True)
            if record.site == self.site
        ]
        unsigned = [
            record.key
            for record in _no_sites(records, self.site)
            if (folder / f"{record.key}.files.json").exists()
        ]
        for older in own[KEPT_PER_MODULE:] + unsigned:
            _remove_record(folder, older)
        return path

    def _manifest(self, module_id: str, key: str) -> Path:
        assert self.directory is not None
        return self.directory / module_id / f"{key}.files.json"

    def _read_manifest(self, module_id: str, key: str) -> _Manifest | None:
        """What `put` kept beside the PDF under `key`, or None: no manifest (an older
        cache's), one unreadable, or one this user's runs did not sign for that PDF."""
        return _manifest_of(_signed_manifest(self._manifest(module_id, key)), module_id, key)

    def last_good_pdf(self, module_id: str) -> bytes | None:
        """This site's newest cached PDF of the module, whatever its key (for a render that
        failed), or None (also where its bytes are not those written): a regular file named
        by a key, as `put` writes them, not a link, whose record this user signed. Never
        another site's (review: a Spanish site published the English handout), nor one whose
        record names no site: an earlier version's is signed by no one, so it may have come
        with a copy (review rv1, finding 2)."""
        found = self._last_good_record(module_id)
        if found is None:
            return None
        path, record = found
        manifest = _manifest_of(record.kept, module_id, record.key)
        return None if manifest is None else _as_written(read_pdf(path), manifest.pdf_digest)

    def _last_good_record(self, module_id: str) -> tuple[Path, _Record] | None:
        """`last_good_pdf`'s PDF and its record, whose manifest was verified reading it."""
        folder = self._folder(module_id)
        if folder is None:
            return None
        try:
            records = _records(folder)
        except OSError:  # an unreadable folder holds nothing to fall back on
            return None
        return _newest_pdf(folder, [record for record in records if record.site == self.site])

    def remove_retired(self, module_ids: Collection[str]) -> list[tuple[Path, str]]:
        """Remove the records of this site's modules not among `module_ids` (every module
        there is, also those with errors, whose last good PDF is kept): in each folder of
        another module, the records this site wrote, and those that name no site
        (signed with another key, or by none) where no other site's record is beside
        them, then the folder, where nothing else is left in it (another site's records,
        a file someone put there). A link is removed, never what it leads to; nothing
        outside the cache is touched. Returns the folders or files that could not be
        removed, and why (nothing fails for that)."""
        if self.directory is None:
            return []
        try:
            with os.scandir(self.directory) as entries:
                retired = [
                    Path(entry.path)
                    for entry in entries
                    # Named as `put` names them: a module's id, no other folder.
                    if SLUG.fullmatch(entry.name)
                    and entry.name not in module_ids
                    and entry.is_dir(follow_symlinks=False)
                ]
        except OSError:
            # Nothing cached yet, or a folder this user cannot list (another user's):
            # no module is known to be gone, and writing it is said where it failed
            # (audit: "the cache of modules that are gone cannot be removed" was said
            # while every module was there).
            return []
        failed: list[tuple[Path, str]] = []
        for folder in sorted(retired):
            try:
                records = _records(folder)
                # A record that names no site goes too (review: it stayed for good, and
                # the folder with it), as `_no_sites` allows.
                for record in [r for r in records if r.site == self.site]:
                    _remove_record(folder, record.key)
                for record in _no_sites(records, self.site):
                    _remove_record(folder, record.key)
                _remove_if_empty(folder)
            except OSError as error:
                failed.append((folder, error.strerror or str(error)))
        return failed

    def _folder(self, module_id: str, create: bool = False) -> Path | None:
        """The module's folder if it is one (not a link to one), made if `create`."""
        if self.directory is None:
            return None
        folder = self.directory / module_id
        if create and not os.path.lexists(folder):
            folder.mkdir(parents=True, exist_ok=True)
        # os.path's tests, not Path's: one in a folder that cannot be looked into (no
        # permission) is no folder either, where Path's raise.
        is_folder = os.path.isdir(folder) and not os.path.islink(folder)  # noqa: PTH112, PTH114
        return folder if is_folder else None


class CachedHandout(NamedTuple):
    """A PDF from the cache, what its render could not print (to be said again), and
    where its links to the handbook led (page, href, address or None), as `put` kept them."""

    pdf: bytes
    problems: tuple[Unplaced, ...]
    links: tuple[tuple[str, str, str | None], ...] = ()


class _Manifest(NamedTuple):
    """`<key>.files.json`: the files the PDF was made from, with their digests then; the
    PDF's own digest; what its render could not print; the fonts it was made with, where
    characters had none (`font_set_digest`)."""

    files: dict[str, str]
    pdf_digest: str
    problems: tuple[Unplaced, ...]
    fonts: str | None = None
    # (page, href, where it led on the published site or None), as `put` kept them
    links: tuple[tuple[str, str, str | None], ...] = ()


class _Record(NamedTuple):
    """What `put` wrote in a module's folder under one key (its PDF, its manifest, the
    temporary file of either), ordered by when its PDF was used last."""

    used: int  # the PDF's time (`_mark_used`); -1 where it is gone or no file
    key: str
    # The site its manifest names; None where none does: a record another key signed
    # (an earlier one of this user's, another user's) or an earlier version wrote, or
    # one a killed run left without its manifest.
    site: str | None
    # Its manifest's JSON, where this user's runs signed it (`_signed_manifest`): read
    # and verified once.
    kept: object = None


def _records(folder: Path) -> list[_Record]:
    """The records `put` wrote in `folder` (files, or links, never followed), each once."""
    written: dict[str, list[str]] = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            if _WRITTEN_NAME.fullmatch(entry.name) and not entry.is_dir(follow_symlinks=False):
                key = entry.name.lstrip(".").partition(".")[0]
                written.setdefault(key, []).append(entry.name)
    records = []
    for key, names in written.items():
        try:
            used = (folder / f"{key}.pdf").lstat().st_mtime_ns
        except OSError:
            used = -1
        # The manifest names the site; or, where a run was killed before renaming it,
        # its temporary file, if written whole.
        manifests = sorted(
            (name for name in names if ".files.json" in name), key=lambda name: name[0] == "."
        )
        signed_ones = (_signed_manifest(folder / name) for name in manifests)
        kept = next((kept for kept in signed_ones if _site_in(kept)), None)
        records.append(_Record(used, key, _site_in(kept), kept))
    return records


def _manifest_of(kept: object, module_id: str, key: str) -> _Manifest | None:
    """The manifest in `kept`, a signed manifest's JSON (`_signed_manifest`), if it is the
    record of the module's PDF under `key`; else None."""
    if not isinstance(kept, dict) or kept.get("record") != f"{module_id}/{key}":
        return None  # made anew
    files = kept.get("files")
    pdf_digest = kept.get("pdf")
    if not isinstance(files, dict) or not isinstance(pdf_digest, str):
        return None
    written = kept.get("problems")
    read = [Unplaced.from_json(item) for item in written] if isinstance(written, list) else []
    fonts = kept.get("fonts")
    links = _site_links(kept.get("links", []))
    if links is None:
        return None
    return _Manifest(
        files,
        pdf_digest,
        tuple(item for item in read if item is not None),
        fonts if isinstance(fonts, str) else None,
        links,
    )


def _no_sites(records: Sequence[_Record], site: str) -> list[_Record]:
    """Those of a folder's `records` that name no site (another key's, an earlier
    version's, or a temporary file a killed run left unfinished) and that `site` may
    remove: all of them, unless another site's record is beside them, when they may be
    that site's (another user's, signed with their key)."""
    if any(record.site not in (None, site) for record in records):
        return []
    return [record for record in records if record.site is None]


def _by_use(record: _Record) -> tuple[int, str]:
    """The order of records by when their PDF was used last (their JSON is no order)."""
    return record.used, record.key


def _site_in(kept: object) -> str | None:
    """The site a signed manifest's JSON names, or None (none named; None for a manifest
    that is missing, unreadable, or that this user's runs did not sign)."""
    site = kept.get("site") if isinstance(kept, dict) else None
    return site if isinstance(site, str) else None


def _signed_manifest(manifest: Path) -> object:
    """The JSON of `manifest` if this user's runs signed it (`put`), else None."""
    try:
        payload = verified(read_regular_file(manifest, False), HANDOUT)
        return None if payload is None else json.loads(bytes(payload))
    except (OSError, ValueError):
        return None


def _newest_pdf(folder: Path, records: Iterable[_Record]) -> tuple[Path, _Record] | None:
    """The PDF of the one of `records` used last that is a regular file (not a link), and
    that record."""
    for record in sorted(records, key=_by_use, reverse=True):
        pdf = folder / f"{record.key}.pdf"
        with contextlib.suppress(OSError):
            if stat.S_ISREG(pdf.lstat().st_mode):
                return pdf, record
    return None


def _site_links(kept: object) -> tuple[tuple[str, str, str | None], ...] | None:
    """The `links` of a manifest, or None where they are not as `put` writes them."""
    if not isinstance(kept, list):
        return None
    links = []
    for item in kept:
        if not (
            isinstance(item, list)
            and len(item) == 3
            and isinstance(item[0], str)
            and isinstance(item[1], str)
            and (item[2] is None or isinstance(item[2], str))
        ):
            return None
        links.append((item[0], item[1], item[2]))
    return tuple(links)


def _remove_record(folder: Path, key: str) -> None:
    """Remove what `put` wrote in `folder` under `key`: its PDF and manifest, and the
    temporary file of either that a killed run left (files, or links, never followed)."""
    with os.scandir(folder) as entries:
        written = [
            Path(entry.path)
            for entry in entries
            if _WRITTEN_NAME.fullmatch(entry.name)
            and entry.name.lstrip(".").startswith(f"{key}.")
            and not entry.is_dir(follow_symlinks=False)
        ]
    for path in written:
        path.unlink(missing_ok=True)  # a link goes, never what it leads to


def _remove_if_empty(folder: Path) -> None:
    """Remove `folder` if nothing is left in it; one that holds anything else is left."""
    try:
        folder.rmdir()
    except OSError as error:
        if error.errno not in (errno.ENOTEMPTY, errno.EEXIST):
            raise


def _mark_used(path: Path) -> None:
    """Date `path` now: the PDF used last is the last good one, and kept longest."""
    # A read-only cache stays as it was.
    with contextlib.suppress(OSError, NotImplementedError):
        os.utime(path, follow_symlinks=False)


def read_files(root: Path, paths: Iterable[Path]) -> dict[str, str]:
    """Each of `paths` as its path from `root` (with `/`) and a digest of its bytes ("" if
    it cannot be read): what a cached PDF's render read, to compare later."""
    found: dict[str, str] = {}
    resolved_root = root.resolve()
    for path in paths:
        real = path.resolve()
        try:
            name = real.relative_to(resolved_root).as_posix()
        except ValueError:  # outside the handbook (a docs_dir elsewhere): by its own path
            name = real.as_posix()
        try:
            found[name] = hashlib.sha256(read_regular_file(resolved_root / name)).hexdigest()
        except OSError:
            found[name] = ""
    return found


def read_pdf(path: Path) -> bytes | None:
    """The bytes of the cached PDF `path`: a regular file (a link is none) that starts as
    a PDF does, or None."""
    try:
        pdf = read_regular_file(path, follow_links=False)
    except OSError:
        return None
    return pdf if pdf.startswith(b"%PDF-") else None


def _as_written(pdf: bytes | None, digest: str) -> bytes | None:
    """`pdf` if its digest is `digest`, the one `put` kept beside it; else None."""
    return pdf if pdf is not None and hashlib.sha256(pdf).hexdigest() == digest else None


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file and a rename in the same folder;
    a file that holds `data` already is left as it is (its time too: a folder of
    handouts that a trainer syncs changes only where a handout did). Either way, the
    half-written temporary files of `path` that killed runs left go."""
    if _holds(path, data):
        remove_left_temporaries(path)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=temporary_prefix(path), dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        # mkstemp makes files only their owner can read; a published PDF is for everyone.
        Path(temporary).chmod(0o644)
        Path(temporary).replace(path)
    except BaseException as error:
        if isinstance(error, FileNotFoundError) and _written_by_another_run(path, temporary):
            return
        Path(temporary).unlink(missing_ok=True)
        raise
    remove_left_temporaries(path)


def _written_by_another_run(path: Path, temporary: str) -> bool:
    """Whether a concurrent run, writing `path` too, removed our `temporary` file with
    the ones killed runs left (`remove_left_temporaries`): it does so only once its own
    file is in place, so the last writer is that run, and ours writes nothing."""
    return not os.path.lexists(temporary) and os.path.lexists(path)


def _holds(path: Path, data: bytes) -> bool:
    """Whether `path` is a file of its own (no link to another), that everyone may read
    (as `write_atomically` leaves one), whose bytes are `data`."""
    try:
        status = path.lstat()
        return (
            stat.S_ISREG(status.st_mode)
            and status.st_mode & 0o444 == 0o444
            and status.st_size == len(data)
            # Not through a link either, should one take the file's place meanwhile.
            and read_regular_file(path, follow_links=False) == data
        )
    except OSError:
        return False


# What turns a module into a PDF besides this package: Python-Markdown and the extensions
# the handout uses, Jinja, WeasyPrint and what it lays out, draws and writes fonts and
# images with. An upgrade of any may change a PDF.
RENDERING_PACKAGES = (
    "markdown",
    "pymdown-extensions",
    "weasyprint",
    "pydyf",
    "tinycss2",
    "cssselect2",
    "tinyhtml5",
    "pyphen",
    "fonttools",
    "pillow",
    # The handout's template and the escaping of what it prints.
    "jinja2",
    "markupsafe",
    # The privacy rule's phone finder, which keeps a number whole on paper.
    "phonenumbers",
)


def _rendering_versions() -> dict[str, str]:
    # Read from the package metadata: importing WeasyPrint costs 0.4 s and may fail.
    versions = {}
    for package in RENDERING_PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "none"
    return versions
