"""The files of docs_dir named as git on macOS and CI name them: a page that macOS wrote
with its accented letters decomposed (NFD: `protección.md`, as Finder and TextEdit save
it) is published at the composed (NFC) address, which a link typed to it names, and
which `handbook check` and the Used on lists give the page (`file_names.composed`).
"""

from __future__ import annotations

from mkdocs.structure.files import File, Files

from ..file_names import composed

# What MkDocs works out from `src_uri` and keeps: worked out again from the composed name.
_FROM_THE_NAME = ("name", "dest_uri", "url", "abs_dest_path")


def compose_file_names(files: Files) -> None:
    """Give each file of docs_dir whose name is decomposed its composed name, read from
    the file as it is on disk, in the collection's order (the nav's, where mkdocs.yml
    has none). A file whose composed name another file has (two files one clone on macOS
    cannot hold apart, which the checks name) keeps its own."""
    listed = list(files)
    renamed = {
        file.src_uri: name
        for file in listed
        if file.generated_by is None and (name := composed(file.src_uri)) != file.src_uri
    }
    taken = {file.src_uri for file in listed}
    if not renamed or all(name in taken for name in renamed.values()):
        return
    for file in listed:
        files.remove(file)
    for file in listed:
        name = renamed.get(file.src_uri)
        if name is not None and name not in taken:
            _rename(file, name)
            taken.add(name)
        files.append(file)


def _rename(file: File, name: str) -> None:
    file.abs_src_path = file.abs_src_path  # still read from the name it has on disk
    file.src_uri = name
    for attribute in _FROM_THE_NAME:
        file.__dict__.pop(attribute, None)
