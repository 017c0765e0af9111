"""Every title the theme prints, made text: a page's and a section's in the navigation.

Material prints `nav_item.title` and `page.title` as they are (MkDocs' Jinja environment
does not escape) in the navigation, the tabs, the breadcrumbs, the header, the footer and
`<title>`, and its search shows the index's titles as HTML. A front matter title is made
text when the page is read (`front_matter.py`); the others are made here. MkDocs makes
them from a file's or a folder's name (`content/<img src=x onerror=...>.md` ran script on
every page, as the navigation is on every page: found by an audit), from a `nav` written
in mkdocs.yml, or from the page's first heading. A heading's title is HTML already, its
`&` written `&amp;`, but MkDocs strips its tags and leaves its quotes and a `\\>` as they
are: it is read back as text and escaped once, so "Hotels & motels" reads so, never
"Hotels &amp;amp; motels".

Works on MkDocs' navigation objects by their attributes (`title`, `meta`, `is_homepage`,
`is_section`, `children`), so it needs no MkDocs import.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

from ..character_references import unescape
from .front_matter import html_text


def titles_as_text(items: Iterable[Any]) -> None:
    """Make the titles of a navigation's sections and links text, at every level (a
    folder's name, or a title written in mkdocs.yml's `nav`)."""
    for item in items:
        if getattr(item, "is_page", False):
            continue  # its title is known once the page is read: `page_title_as_text`
        if isinstance(item.title, str):
            item.title = html_text(item.title)
        if getattr(item, "is_section", False):
            titles_as_text(item.children)


def page_title_as_text(page: Any) -> Markup | None:
    """Make a page's title text, once MkDocs has read and rendered the page, and return
    the front matter `title` the page lacks (None: it has one, or needs none).

    Material's `<title>` prints any title but a front matter one through `striptags`,
    which unescapes it again, so a file named `</title><script>...` ended the element and
    ran the script: the page is given it as front matter `title` while it is written
    (`with_meta_title`). Not the home page, which Material leaves out of `<title>`."""
    title = _title_as_text(page)
    if title is None:
        return None
    page.title = title
    return None if "title" in page.meta or page.is_homepage else title


def with_meta_title(page: Any, title: Markup) -> None:
    """Give `page` the front matter `title` that `page_title_as_text` returned. Only while
    the page is written (`without_meta_title` takes it back): Material's navigation, on
    every page, looks up the icon, subtitle and status of each page it lists that has
    any front matter, each a failed lookup; with 1000 pages, four million of them made
    a sixth of the build's CPU time."""
    page.meta = {**page.meta, "title": title}


def without_meta_title(page: Any, title: Markup) -> None:
    """Take back the `title` that `with_meta_title` gave `page`, unless something else
    set one since."""
    if page.meta.get("title") is title:
        page.meta = {key: value for key, value in page.meta.items() if key != "title"}


def _title_as_text(page: Any) -> Markup | None:
    """The page's title as MkDocs would give it, escaped as text once; None for a page
    not read (a `--dirty` build leaves unchanged ones unread)."""
    if "title" in vars(page):  # given: by a `nav` of mkdocs.yml, or by another plugin
        given = page.title
        return None if given is None else html_text(given)
    if getattr(page, "markdown", None) is None:
        return None
    if "title" in page.meta:  # front matter: escaped when the page was read
        return html_text(page.meta["title"])
    heading = getattr(page, "_title_from_render", None)
    if heading:
        return heading_title_as_text(heading)
    title = page.title  # MkDocs' own: "Home", or made of the file's name
    return None if title is None else html_text(title)


def heading_title_as_text(heading: str) -> Markup:
    """A title MkDocs took from a page's first heading (HTML without its tags) as text,
    escaped once: its entities read, then everything escaped, quotes too, as the theme
    also prints a title into an attribute (the footer's `aria-label`)."""
    return html_text(unescape(heading))
