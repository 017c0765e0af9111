"""Where the site publishes the pages it generates, by source path in docs_dir
(`glossary/victim.md`), and where MkDocs publishes any page of docs_dir: the site
generates its pages there (`site/`), and the check reports a page of docs_dir that would
be published at the same place (rule `page.replaced`). Pure path work, no MkDocs: the
check runs without it."""

from __future__ import annotations

import posixpath

GLOSSARY_DIR = "glossary"
PROTOCOLS_DIR = "protocols"
GLOSSARY_INDEX = f"{GLOSSARY_DIR}/index.md"
PROTOCOLS_INDEX = f"{PROTOCOLS_DIR}/index.md"
CHANGES_PAGE = "changes.md"


def term_src_uri(term_id: str) -> str:
    return f"{GLOSSARY_DIR}/{term_id}.md"


def protocol_src_uri(protocol_id: str) -> str:
    return f"{PROTOCOLS_DIR}/{protocol_id}.md"


def modules_index(modules_dir: str) -> str:
    """The training index of the modules in `modules_dir` (relative to docs_dir)."""
    return posixpath.join(modules_dir, "index.md")


def index_pages(modules_dir: str) -> tuple[str, ...]:
    """The generated pages that keep an author's page at their source path as their
    introduction; `modules_dir` "" (modules with no folder of their own in docs_dir) has
    no training index."""
    training = (modules_index(modules_dir),) if modules_dir else ()
    return (GLOSSARY_INDEX, PROTOCOLS_INDEX, *training, CHANGES_PAGE)


def published_path(src_uri: str, directory_urls: bool) -> str:
    """The file of site_dir that MkDocs writes the page `src_uri` to, as its `File.dest_uri`
    computes it: `glossary/victim.md` -> `glossary/victim/index.html`, or
    `glossary/victim.html` without directory URLs; an index (`index.md`, or `README.md`,
    which MkDocs takes for one) -> `glossary/index.html` either way. Any Markdown suffix
    (`.markdown`, `.mkd`...) counts as `.md` does."""
    parent, filename = posixpath.split(src_uri)
    stem = posixpath.splitext(filename)[0]
    name = "index" if stem == "README" else stem
    if not directory_urls or name == "index":
        return posixpath.join(parent, f"{name}.html")
    return posixpath.join(parent, name, "index.html")


def page_url(src_uri: str, directory_urls: bool) -> str:
    """The URL MkDocs gives a page: `glossary/victim.md` -> `glossary/victim/`, or
    `glossary/victim.html` without directory URLs; an index, `modules/index.md` ->
    `modules/` (`modules/index.html`), the home page ``."""
    path = published_path(src_uri, directory_urls)
    if directory_urls and (path == "index.html" or path.endswith("/index.html")):
        return path.removesuffix("index.html")
    return path
