"""What the plugin gives the theme: Material templates for term pages, Material's
tooltips, `handbook_once` for blocks that are the same on many pages, and a check that the
theme has the templates and icons that pages ask for.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping, Sequence
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, TemplateNotFound
from mkdocs.structure.pages import Page

from ..model.pages import multimarkdown_metadata
from ..model.types import Page as HandbookPage

# Templates for Material: term pages get a compact sidebar instead of the whole navigation.
THEME_TEMPLATES = Path(__file__).parent.parent / "templates" / "theme"
TERM_TEMPLATE = "hb-term.html"

# A plugin template standing in front of the theme's own of the same name includes the
# theme's as `theme-own/<name>` (partials/search.html adds to Material's, not copies it).
THEME_OWN = "theme-own"
SEARCH_PARTIAL = "partials/search.html"

# Where a term page's own entries go in its sidebar, which is otherwise the same for all.
PAGE_SLOT = "\x00handbook-page\x00"

# Material's feature that shows a link's `title` as a tooltip on hover and on keyboard
# focus: without it, a term link's short definition shows only as the browser's own
# tooltip, on hover, never to a keyboard user (found in an audit).
TOOLTIPS = "content.tooltips"


def with_tooltips(theme: MutableMapping[str, Any]) -> None:
    """Add Material's tooltips to the `features` of a Material `theme`, beside the ones
    mkdocs.yml lists."""
    features = theme.get("features") or []
    if isinstance(features, list) and TOOLTIPS not in features:
        theme["features"] = [*features, TOOLTIPS]


class RenderedOnce:
    """`handbook_once(block, base_url, render[, page])` in a theme template: the block's
    HTML, rendered the first time and reused for every page with the same `base_url` (a
    new one each build, made in `on_env`).

    Given the `page`, the block may show the page's title (`page.meta.title`, as
    Material's header does): it is also rendered with `TITLE_SLOT` in its place, which
    each page's title then replaces. Unless that gives the first page exactly its own
    render (a theme that changes the title, or shows it twice), the block is rendered
    for every page, as without this."""

    TITLE_SLOT = "\x00handbook-title\x00"

    def __init__(self) -> None:
        self.rendered: dict[tuple[str, str], str | None] = {}

    def __call__(
        self, block: str, base_url: str, render: Callable[[], str], page: Page | None = None
    ) -> str:
        key = (block, base_url)
        if key not in self.rendered:
            if page is None:
                self.rendered[key] = str(render())
            else:
                own = str(render())
                self.rendered[key] = self._with_title_slot(page, render, own)
                return own
        shared = self.rendered[key]
        if shared is None:
            return render()
        if page is None:
            return shared
        title = page.meta.get("title")
        return shared.replace(self.TITLE_SLOT, title, 1) if isinstance(title, str) else render()

    def _with_title_slot(self, page: Page, render: Callable[[], str], own: str) -> str | None:
        title = page.meta.get("title")
        if not isinstance(title, str):
            return None
        page.meta["title"] = self.TITLE_SLOT
        try:
            shared = str(render())
        finally:
            page.meta["title"] = title
        fits = shared.count(self.TITLE_SLOT) == 1 and shared.replace(self.TITLE_SLOT, title) == own
        return shared if fits else None


def with_theme_s_own_templates(env: Environment, theme_dirs: Sequence[str]) -> None:
    """Let `env` read the templates of the theme's folders after the plugin's as
    `theme-own/<name>`: the plugin's `<name>` hides them from their own name."""
    ours = str(THEME_TEMPLATES)
    if env.loader is None or ours not in theme_dirs:
        return
    after = list(theme_dirs[theme_dirs.index(ours) + 1 :])
    theme_s_own = PrefixLoader({THEME_OWN: FileSystemLoader(after)})
    env.loader = ChoiceLoader([env.loader, theme_s_own])


def reads_plugin_s_own(env: Environment, name: str) -> bool:
    """Whether `env` reads the plugin's template `name`, not one of a `custom_dir` (or
    other theme folder) before it, which replaces it and what it adds."""
    if env.loader is None:
        return False
    try:
        _, filename, _ = env.loader.get_source(env, name)
    except TemplateNotFound:
        return False
    return filename is not None and Path(filename) == THEME_TEMPLATES / name


def missing_theme_files(
    pages: Sequence[HandbookPage], env: Environment, material: bool
) -> list[str]:
    """A page's `template`, and with Material its `icon`, that the theme does not have:
    the theme would stop the build on that page with a traceback. Read from its front
    matter or, with none, from its MultiMarkdown metadata (`Template: ...`), whose value,
    which may be a line of text, is not quoted."""
    problems: list[str] = []
    loader = env.loader
    if loader is None:
        return problems
    for page in pages:
        metadata = None if page.meta else multimarkdown_metadata(page.origin.text)
        meta = page.meta if metadata is None else metadata.values
        wanted = [("template", meta.get("template"), "{}", "no template of the theme")]
        if material:
            wanted.append(("icon", meta.get("icon"), ".icons/{}.svg", "no icon of Material"))
        for key, name, template, missing in wanted:
            if not isinstance(name, str) or not name:
                continue
            try:
                loader.get_source(env, template.format(name))
            except TemplateNotFound:
                if metadata is None:
                    span = page.origin.span(key)
                    where, what = f"{span.line}:{span.column}", f"{key} '{name}'"
                else:
                    where = f"{metadata.lines[key]}:1"
                    what = f"the {key} of this line (MultiMarkdown metadata)"
                problems.append(f"{page.path}:{where}: {what} is {missing}")
    return problems
