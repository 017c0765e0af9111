"""What a page would load from another host, said in the build's log at its place in the
file it is written from: images and such, in its HTML and its CSS, and what a stylesheet
of docs_dir loads (information: the content policy has browsers refuse them), a Mermaid
diagram Material would draw with a script from unpkg.com (information), and a host a
`<link>` has browsers connect to ahead and a redirect to another host as the page opens
(warnings: no content policy stops them).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from mkdocs.structure.pages import Page

from ..config import HandbookConfig
from ..markdown import LineIndex
from ..model.types import Handbook
from ..report.text import one_line
from ..site.other_hosts import (
    copy_advice,
    emoji_advice,
    emoji_images,
    mermaid_fence,
    referrer_overrides,
    remote_connections,
    remote_form_targets,
    remote_redirects,
    remote_resources,
    remote_stylesheet_loads,
)
from ..url_userinfo import without_userinfo
from . import link_sources
from .build_log import log


def source_of(page: Page, hb_config: HandbookConfig) -> tuple[str, str] | None:
    """(text, path) of the file a page is written from: its Markdown file, or the
    term or protocol of a generated page; None for the other generated pages."""
    if page.file.abs_src_path and not page.file.generated_by:
        path = hb_config.relative(Path(page.file.abs_src_path))
        return page.file.content_string, path
    record = link_sources.record_of(page.file.src_uri)
    return None if record is None else (record.origin.text, record.origin.path)


def name_remote_resources(
    html: str,
    page: Page,
    hb_config: HandbookConfig,
    content_policy: bool,
    included: Mapping[str, Sequence[tuple[str, str]]] | None = None,
) -> None:
    """Log what the page would load from another host (an image linked from another
    site, in a page or in a protocol's text...): the site's content policy has
    browsers refuse it (information, not a warning: the page itself is sound, and builds
    under --strict go on); and the hosts it has browsers connect to ahead (a warning). What the
    page's source does not write is looked for in the files it includes (pymdownx.snippets'):
    `included` gives them by the page's path, (text, path) of each."""
    urls = remote_resources(html)
    connections = remote_connections(html)
    referrers = referrer_overrides(html)
    forms = remote_form_targets(html)
    written = source_of(page, hb_config) if urls or connections or referrers or forms else None
    if written is None:
        return
    source, path = written
    in_page = included.get(path, ()) if included is not None else ()
    # An emoji's image is written by pymdownx.emoji, not in the source: its shortcode is.
    emoji = emoji_images(html) if urls else {}
    for url in urls:
        if url in emoji:
            shortcode = emoji[url]
            place = _place_in_any(source, path, shortcode, in_page) if shortcode else path
            advice = emoji_advice(shortcode)
            _name_remote_resource(place, url, hb_config, content_policy, advice)
        else:
            place = _place_in_any(source, path, url, in_page)
            _name_remote_resource(place, url, hb_config, content_policy)
    for url, relation in connections:
        _name_connection(_place_in(source, path, url), url, relation)
    for tag in referrers:
        _name_referrer_override(_place_in(source, path, tag), tag)
    for url in forms:
        _name_remote_form(_place_in_any(source, path, url, in_page), url, content_policy)


def _name_remote_form(place: str, url: str, content_policy: bool) -> None:
    """Log that the form at `place` sends what a reader types in it to `url`, on another
    host: information, as an image from there is (the website's content policy has
    browsers refuse to send it; the offline build has none)."""
    effect = (
        "the pages' content policy has browsers refuse to send it, so the form does nothing"
        if content_policy
        else "opened from files, the pages would send it there"
    )
    log.info(
        f"{place}: this form sends what a reader types in it to {without_userinfo(url)}, on "
        f"another host, and the handbook sends nothing to other hosts ({effect}). Link to "
        "the form instead."
    )


def _name_referrer_override(place: str, tag: str) -> None:
    """Warn that the tag at `place` has the links followed from its page tell the hosts
    they lead to where the reader came from (`referrer_overrides`): a warning, as no
    content policy stops it, so a `--strict` build fails."""
    shown = one_line(tag if len(tag) <= 100 else tag[:97] + "...")
    log.warning(
        f"{place}: {shown} has each link followed from this page tell the host it "
        "leads to which page of the handbook the reader was on, where the site tells no "
        "host (its referrer policy is no-referrer). Take the policy out."
    )


def _name_connection(place: str, url: str, relation: str) -> None:
    """Warn that the `<link rel=relation>` at `place` has browsers reach `url`'s host: a
    warning, as no content policy stops it (security audit: Chromium looked up and
    connected to the host with the policy in force), so a `--strict` build fails."""
    log.warning(
        f"{place}: {without_userinfo(url)} is on another host, and the handbook loads nothing "
        f'from other hosts; <link rel="{relation}"> has browsers reach it ahead, which tells it of '
        "each visit (no content policy stops that). Take the link out."
    )


class ThemeLoads:
    """Names, once for the site, what the theme's templates put in every page that
    loads from another host (a `custom_dir`'s `main.html` with Google Fonts in its
    `extrahead`, found in review), and what the stylesheets of `custom_dir` that the
    pages link to load. One build's."""

    def __init__(
        self,
        hb_config: HandbookConfig,
        content_policy: bool,
        custom_dir: str | None,
        theme_stylesheets: list[tuple[Path, str]],
    ) -> None:
        self.hb_config = hb_config
        self.content_policy = content_policy
        self.templates = [] if custom_dir is None else _templates_in(Path(custom_dir))
        self.theme_stylesheets = theme_stylesheets  # (where, its URL in the site)
        # A whole page takes 100 times as long to read as its content (the navigation):
        # each template is read once, in the first page it writes.
        self.templates_read: set[str] = set()
        self.named: set[str] = set()  # what all of them load, once for the site

    def look_at(self, output: str, page: Page) -> None:
        """Name what `output`, the page as its template wrote it, loads from another host
        outside the page's content (named at its own line), if its template is new."""
        template = str(page.meta.get("template") or "main.html")
        content = page.content or ""
        if template in self.templates_read or content not in output:
            return  # another plugin rewrote the content: the next page of the template
        self.templates_read.add(template)
        chrome = output.replace(content, "", 1) if content else output
        for url in remote_resources(chrome):
            if url not in self.named:
                self.named.add(url)
                _name_remote_resource(self._place(url), url, self.hb_config, self.content_policy)
        for url, relation in remote_connections(chrome):
            if url not in self.named:
                self.named.add(url)
                _name_connection(self._place(url), url, relation)
        # The stylesheets the page links to (extra_css, a template's `<link>`), once each
        linked = [entry for entry in self.theme_stylesheets if entry[1] in chrome]
        for entry in linked:
            self.theme_stylesheets.remove(entry)
        name_remote_stylesheet_loads(
            [path for path, _ in linked], self.hb_config, self.content_policy
        )

    def _place(self, url: str) -> str:
        """`custom_dir/main.html:3`, the first template of `custom_dir` that has `url`."""
        for path, text in self.templates:
            place = _place_in(text, self.hb_config.relative(path), url)
            if place != self.hb_config.relative(path):
                return place
        return "the theme's templates"


def _templates_in(custom_dir: Path) -> list[tuple[Path, str]]:
    """(where, text) of each template of a theme's `custom_dir`, readable as UTF-8."""
    templates = []
    for path in sorted(custom_dir.rglob("*.html")):
        try:
            templates.append((path, path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):  # MkDocs reports a template it cannot read
            continue
    return templates


def name_remote_stylesheet_loads(
    stylesheets: list[Path], hb_config: HandbookConfig | None, content_policy: bool
) -> None:
    """Log, as for an image of a page, what each of `stylesheets` (of docs_dir: those
    `extra_css` names) would load from another host, at its line: a web font's
    stylesheet it imports, a background image."""
    if hb_config is None:
        return
    for stylesheet in stylesheets:
        try:
            css = stylesheet.read_bytes()
        except OSError:  # not published: the build has warned of it (copied_files.py)
            continue
        path = hb_config.relative(stylesheet)
        for url, line in remote_stylesheet_loads(css):
            _name_remote_resource(f"{path}:{line}", url, hb_config, content_policy)


def _name_remote_resource(
    place: str,
    url: str,
    hb_config: HandbookConfig,
    content_policy: bool,
    advice: str | None = None,
) -> None:
    """Log that `url`, at `place`, is on another host: information, not a warning (the
    page itself is sound, and builds under --strict go on); with `advice`, what to do,
    where copying the file is not it."""
    docs = hb_config.relative(hb_config.docs_dir)
    effect = (
        "the pages' content policy has browsers refuse it"
        if content_policy
        else "opened from files, the pages would fetch it from there"
    )
    log.info(
        f"{place}: {without_userinfo(url)} is on another host, and the handbook loads nothing "
        f"from other hosts ({effect}). {advice or copy_advice(url, docs)}"
    )


def name_mermaid(page: Page, hb_config: HandbookConfig, content_policy: bool) -> None:
    """Log, as information (like an image from another host), that a diagram of the
    page will not be drawn: Material would fetch Mermaid from unpkg.com for it, which
    the content policy refuses, until the site has its own copy."""
    written = source_of(page, hb_config)
    if written is None:
        return
    source, path = written
    fence = mermaid_fence(source)
    place = path if fence is None else f"{path}:{LineIndex.of(source).position(fence)[0]}"
    docs = hb_config.relative(hb_config.docs_dir)
    effect = (
        "the pages' content policy refuses it, so the diagram shows as text"
        if content_policy
        else "opened from files, the pages would fetch it from there"
    )
    log.info(
        f"{place}: Material would load Mermaid from unpkg.com to draw this diagram, and "
        f"the handbook loads nothing from other hosts ({effect}). Copy mermaid.min.js "
        f"into {docs}/ and name it in extra_javascript: Material then draws with that copy."
    )


def warn_of_redirects(
    html: str, page: Page | None, name: str, hb_config: HandbookConfig | None
) -> None:
    """A warning (--strict fails) for each other host that `html` (a page's head, where
    front matter lands, and its content; or a copied HTML file named `name`) sends its
    reader on to as it opens: no content policy keeps a page from going elsewhere."""
    redirects = remote_redirects(html)
    if not redirects or hb_config is None:
        return
    source: str | None = None
    written = None if page is None else source_of(page, hb_config)
    if written is not None:
        source, name = written
    for url in redirects:
        log.warning(
            f"{_place_in(source, name, url)}: the page sends every reader on to "
            f'{without_userinfo(url)} as it opens (<meta http-equiv="refresh">), and the '
            "handbook loads nothing from other hosts: link to it instead."
        )


def included_texts(handbook: Handbook) -> dict[str, list[tuple[str, str]]]:
    """By page, (text, path) of each file it includes with pymdownx.snippets, in the
    order it includes them: a page of the site too."""
    texts = {page.path: page.origin.text for page in handbook.checked_pages}
    return {
        page: [(texts[name], name) for name in names if name in texts]
        for page, names in handbook.page_inclusions.items()
    }


def _place_in_any(source: str, path: str, text: str, included: Sequence[tuple[str, str]]) -> str:
    """`_place_in` the page's `source`, else in the first of the `included` files, (text,
    path) of each, that has `text`; `path` where none has it."""
    for where_text, where in ((source, path), *included):
        place = _place_in(where_text, where, text)
        if place != where:
            return place
    return path


def _place_in(source: str | None, path: str, text: str) -> str:
    """`path:line` of the first `text` in `source`, as written or with its `&` written
    `&amp;` (as HTML has it), or `path` where it is not found."""
    if source is None:
        return path
    offset = source.find(text)
    if offset < 0 and "&" in text:
        offset = source.find(text.replace("&", "&amp;"))
    if offset < 0:
        return path
    return f"{path}:{LineIndex.of(source).position(offset)[0]}"
