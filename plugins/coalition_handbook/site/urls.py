"""Where the generated pages live, and relative links between pages.

Generated pages link to each other by their source path (`glossary/victim.md`), as an
author would, so MkDocs resolves every link to the right URL whatever
`use_directory_urls` says, and validates it. Links to files MkDocs does not know (the PDF
handouts), and the links there are too many of to parse one by one (a term's list of the
pages that use it, autolinks), are made relative to the page's URL here.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

# Where the generated pages go, shared with the check (re-exported for the site).
from ..published import CHANGES_PAGE as CHANGES_PAGE
from ..published import GLOSSARY_DIR as GLOSSARY_DIR
from ..published import GLOSSARY_INDEX as GLOSSARY_INDEX
from ..published import PROTOCOLS_DIR as PROTOCOLS_DIR
from ..published import PROTOCOLS_INDEX as PROTOCOLS_INDEX
from ..published import page_url as page_url
from ..published import protocol_src_uri as protocol_src_uri
from ..published import term_src_uri as term_src_uri

HANDOUTS_DIR = "handouts"
ASSETS_DIR = "assets/handbook"


def handout_path(module_id: str) -> str:
    """The handout's path in the built site, relative to its root."""
    return f"{HANDOUTS_DIR}/{module_id}.pdf"


@lru_cache(maxsize=65536)
def relative_src(from_src_uri: str, to_src_uri: str) -> str:
    """A Markdown link from one source page to another, e.g. `../glossary/victim.md`.

    Pure string work (no `os.path.relpath`, which asks the OS for the working directory
    on every call): autolinks call this for every link of every page."""
    from_dirs = from_src_uri.split("/")[:-1]
    to_parts = to_src_uri.split("/")
    common = 0
    while (
        common < len(from_dirs)
        and common < len(to_parts) - 1
        and from_dirs[common] == to_parts[common]
    ):
        common += 1
    return "/".join([".."] * (len(from_dirs) - common) + to_parts[common:])


def relative_url(from_page_url: str, to_site_path: str) -> str:
    """A link from a page's URL (`modules/x/` or `modules/x.html`, as MkDocs gives them)
    to a file at `to_site_path` in the built site.

    Pure string work, as `relative_src`: a large handbook's "Used on" lists call this tens
    of thousands of times, and `posixpath.relpath` asks the OS for the working directory
    on every call."""
    base = from_page_url if from_page_url.endswith("/") else posixpath.dirname(from_page_url)
    from_dirs = [part for part in base.split("/") if part not in ("", ".")]
    to_parts = [part for part in to_site_path.split("/") if part not in ("", ".")]
    if ".." in from_dirs or ".." in to_parts:
        return posixpath.relpath(to_site_path, base.rstrip("/") or ".")
    common = 0
    while (
        common < len(from_dirs) and common < len(to_parts) and from_dirs[common] == to_parts[common]
    ):
        common += 1
    return "/".join([".."] * (len(from_dirs) - common) + to_parts[common:]) or "."


def relative_page_url(from_page_url: str, to_page_url: str) -> str:
    """A link between two page URLs as MkDocs gives them (`` is the home page with
    directory URLs): `glossary/victim/` -> `modules/x/` is `../../modules/x/`."""
    link = relative_url(from_page_url, to_page_url or ".")
    return f"{link}/" if to_page_url.endswith("/") or not to_page_url else link
