"""Pages and files of MkDocs' build as the hooks look them up: by source path, the paths a
nav written in mkdocs.yml names, and the author's pages a generated page takes the place of.
"""

from __future__ import annotations

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page


def nav_paths(nav: object) -> set[str]:
    """The source paths a `nav` written in mkdocs.yml names."""
    if isinstance(nav, str):
        return {nav.lstrip("/")}
    items = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else ()
    return {path for item in items for path in nav_paths(item)}


def remove_pages_in_place_of(files: Files, generated: list[File]) -> None:
    """Leave out the pages that MkDocs would write where a `generated` page is written
    (`glossary.md` at `glossary/index.html`), as the check reports them (rule
    page.replaced): the generated page takes the place, and the author's page would
    otherwise still be in the navigation and in search, at the generated page's address."""
    generated_at = {file.dest_uri: file.src_uri for file in generated}
    for file in list(files.documentation_pages()):
        if generated_at.get(file.dest_uri, file.src_uri) != file.src_uri:
            files.remove(file)


def page_at(files: Files, src_uri: str) -> Page | None:
    file = files.get_file_from_path(src_uri)
    return file.page if file is not None and isinstance(file.page, Page) else None
