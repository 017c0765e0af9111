"""Under `mkdocs serve --dirty`, the handbook's own outputs of a record gone since the
last build: a deleted term's or protocol's page, a deleted module's handout.

MkDocs' dirty build writes into the site folder without emptying it, so a page whose
Markdown was deleted stays there and is still served: its own behaviour, for any page,
which its warning of a dirty build owns up to (task site63: a plain MkDocs site keeps a
deleted `other.md`'s page so). The pages and PDFs the plugin makes are the plugin's to
remove: it knows which it wrote, and a term deleted from the glossary must not stay
readable, nor a retired module's handout printable, from the served site. So is a handout
the build no longer publishes while its module stays: `handouts: false`, a module left out
as a draft (exclude_docs), one that failed with no good PDF to keep; its page says there
is none, and the PDF of the build before was still served (task pdf64).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mkdocs.structure.files import File, Files


def outputs_of(files: Iterable[File]) -> frozenset[str]:
    """The site's paths that `files` are written to."""
    return frozenset(file.abs_dest_path for file in files)


def gone_outputs(
    written_before: frozenset[str],
    not_yet_removed: frozenset[str],
    files: Files,
    not_written: frozenset[str] = frozenset(),
) -> frozenset[str]:
    """Of the handbook's outputs of the builds before (`written_before`, and those a
    failed build did not remove), the ones no file of this build writes: a record
    gone, or a file of `files` that this build does not write after all (`not_written`:
    the stand-in of a handout it does not publish); one back since, or a file of
    docs_dir now at its path, stays."""
    return (written_before | not_yet_removed) - (outputs_of(files) - not_written)


def remove_outputs(paths: Iterable[str], site_dir: Path) -> None:
    """Remove each of `paths` from the site, and the folders inside `site_dir` it leaves
    empty (a page's `glossary/<id>/`). What is not there, or cannot be removed, is left:
    a dirty build's leftover is no reason to fail the build. A path outside `site_dir`
    (a build before wrote to another site folder) is never touched."""
    site = site_dir.resolve()
    for path in sorted(paths):
        output = Path(path)
        if site not in output.resolve().parents:
            continue
        try:
            output.unlink(missing_ok=True)
        except OSError:
            continue
        folder = output.parent
        while folder.resolve() != site and site in folder.resolve().parents:
            try:
                folder.rmdir()  # only an empty one
            except OSError:
                break
            folder = folder.parent
