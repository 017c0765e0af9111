"""The files of docs_dir named as git on macOS and CI name them: a page that macOS wrote
with its accented letters decomposed (NFD: `protección.md`, as Finder and TextEdit save
it) is published at the composed (NFC) address, which a link typed to it names, and
which `handbook check` and the Used on lists give the page (`file_names.composed`).
What reads a page's neighbours (a bare `!relative` in `markdown_extensions`, as
pymdownx.snippets' `base_path`) reads them from its folder on disk.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils.yaml import RelativeDirPlaceholder

from ..file_names import composed

# What MkDocs works out from `src_uri` and keeps: worked out again from the composed name,
# unless a plugin set its own.
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
    """Name `file` `name`. What MkDocs worked out from the name on disk is worked out
    again; what a plugin before this one set (a `dest_uri` of its own) is kept."""
    file.abs_src_path = file.abs_src_path  # still read from the name it has on disk
    as_on_disk = File(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls)
    worked_out = [
        attribute
        for attribute in _FROM_THE_NAME
        if attribute in file.__dict__ and file.__dict__[attribute] == getattr(as_on_disk, attribute)
    ]
    file.src_uri = name
    for attribute in worked_out:
        del file.__dict__[attribute]


class _PageFolderOnDisk(RelativeDirPlaceholder):
    """`!relative`: the folder of the page being rendered, as it is on disk. MkDocs'
    own joins docs_dir and the composed `src_path`: on Linux, no folder for a page
    committed decomposed from a Mac (`protección/índice.md`), where pymdownx.snippets
    then found no snippet and stopped the build."""

    def value(self) -> str:
        page = self.config._current_page
        if page is not None and page.file.abs_src_path:
            return os.path.dirname(page.file.abs_src_path)  # noqa: PTH120
        return super().value()


def read_page_folders_from_disk(config: MkDocsConfig) -> None:
    """Make each bare `!relative` among the options of `markdown_extensions` (in
    lists too) the page's folder as on disk (`_PageFolderOnDisk`)."""
    for options in config.mdx_configs.values():
        if isinstance(options, dict):
            for key, value in options.items():
                options[key] = _on_disk(value)


def _on_disk(value: object) -> object:
    if type(value) is RelativeDirPlaceholder:
        return _PageFolderOnDisk(value.config)
    if isinstance(value, list):
        return [_on_disk(item) for item in value]
    return value
