"""The content policy of one build's pages, and what they would load from other hosts.

Every HTML file the build writes gets site/content_policy.py's policy: the theme's pages
and 404.html as they are written, the HTML files of docs_dir, copied as they are, once
the build is done; with Material's instant navigation, each page's policy names the
scripts of every page's content (plugin/instant_navigation.py). Not in a site for opening
from files, which no policy could serve. What a page, a stylesheet or the theme would
load from another host, which the policy has browsers refuse, is named in the build's
log at its place (plugin/other_host_reports.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..config import HandbookConfig
from ..site.content_policy import with_content_policy
from ..site.other_hosts import draws_mermaid
from .build_log import error_text
from .copied_files import (
    add_policy_to_copied_html,
    copied_html_files,
    copied_stylesheets,
    theme_stylesheets,
)
from .instant_navigation import InstantNavigationPolicies, runs_other_pages_scripts
from .other_host_reports import (
    ThemeLoads,
    name_mermaid,
    name_remote_resources,
    name_remote_stylesheet_loads,
    warn_of_redirects,
)
from .site_setup import SiteSetup


class PagePolicy:
    """The policy of the pages of one build, as MkDocs' events write them."""

    def __init__(
        self,
        hb_config: HandbookConfig | None = None,
        *,
        offline: bool = False,
        live_reload: bool = False,
        mermaid_from_elsewhere: bool = False,
        instant_navigation: bool = False,
    ) -> None:
        """`hb_config` None: not built by the plugin, so no policy; `offline`: a site
        for opening from files, no policy either; `live_reload`: served by `mkdocs
        serve`, whose live reload writes a script of its own into every page;
        `mermaid_from_elsewhere`: Material would load Mermaid from another host to draw
        a diagram; `instant_navigation`: a page runs other pages' inline scripts."""
        self.hb_config = hb_config
        self.applies = hb_config is not None and not offline
        self.live_reload = live_reload
        self.mermaid_from_elsewhere = mermaid_from_elsewhere
        # With Material's instant navigation, the pages' policies, which name the
        # scripts of every page's content.
        self.instant = InstantNavigationPolicies() if instant_navigation else None
        # HTML files of docs_dir, copied as they are: (where, their path in the site)
        self.copied_html: list[tuple[Path, str]] = []
        # What the theme's templates and stylesheets load from other hosts, named once.
        self.theme_loads: ThemeLoads | None = None
        # By page, (text, path) of the files it includes with pymdownx.snippets: what
        # the page loads may be written there (`included_texts`).
        self.included: dict[str, list[tuple[str, str]]] = {}

    @classmethod
    def of_site(
        cls, hb_config: HandbookConfig, config: MkDocsConfig, setup: SiteSetup, *, live_reload: bool
    ) -> PagePolicy:
        """The policy of a build of the site that `config` sets up (`setup`)."""
        return cls(
            hb_config,
            offline=setup.offline,
            live_reload=live_reload,
            mermaid_from_elsewhere=setup.mermaid_from_elsewhere,
            instant_navigation=runs_other_pages_scripts(config),
        )

    def look_at_files(self, files: Files, config: MkDocsConfig) -> None:
        """Note the build's copied HTML files and the theme's stylesheets, and name
        what the stylesheets of docs_dir load from other hosts: only once the files
        that stay out of the site are taken out, as those are never read."""
        self.copied_html = copied_html_files(files, config)
        name_remote_stylesheet_loads(
            copied_stylesheets(files, config), self.hb_config, self.applies
        )
        self.theme_loads = (
            None
            if self.hb_config is None
            else ThemeLoads(
                self.hb_config,
                self.applies,
                config.theme.custom_dir,
                theme_stylesheets(files, config),
            )
        )

    def look_at_content(self, html: str, page: Page) -> None:
        """Name what the page's content (its HTML from Markdown) loads from other hosts."""
        if self.hb_config is not None:
            name_remote_resources(html, page, self.hb_config, self.applies, self.included)
            if self.mermaid_from_elsewhere and draws_mermaid(html):
                name_mermaid(page, self.hb_config, self.applies)

    def look_at_page_written(self, output: str, page: Page) -> None:
        """Warn of a redirect to another host in the page, and name what the theme's
        part of it loads from other hosts (before its policy, whose `<meta>` loads
        nothing)."""
        # Where a page's own words can be: its head (front matter lands there) and its
        # content; not the whole navigation around them, which is most of the page.
        head_end = output.find("</head>")
        head = output if head_end < 0 else output[:head_end]
        warn_of_redirects(head + (page.content or ""), page, page.file.src_uri, self.hb_config)
        if self.theme_loads is not None:
            self.theme_loads.look_at(output, page)

    def with_policy(self, html: str, path: Path) -> str:
        """`html`, to be written at `path`, with its policy, where pages get one."""
        if not self.applies:
            return html
        if self.live_reload:  # a script no hash can name: site/content_policy.py
            return with_content_policy(html, live_reload=True)
        if self.instant is not None:
            return self.instant.with_content_policy(html, path)
        return with_content_policy(html)

    def complete(self) -> None:
        """Once every page is written: the copied HTML files get the policy too, or a
        page could frame one (same host) and load from anywhere through it; with instant
        navigation, the pages' policies name each other's scripts."""
        add_policy_to_copied_html(self.copied_html, self.hb_config, self.applies, self.live_reload)
        if self.instant is not None and self.applies:
            self.instant.complete()

    def add_to_pages_written_late(self, paths: list[Path]) -> None:
        """Give the policy to the pages at `paths` that another plugin wrote once every
        page was written (mkdocs-redirects'), those that are there: they may hold inline
        scripts of their own, which it names."""
        if not self.applies:
            return
        for path in paths:
            if not path.is_file():
                continue
            try:
                html = path.read_text(encoding="utf-8", errors="surrogateescape")
                with_policy = with_content_policy(html, live_reload=self.live_reload)
                if with_policy != html:
                    path.write_text(with_policy, encoding="utf-8", errors="surrogateescape")
            except OSError as problem:
                raise PluginError(
                    error_text([f"{path} gets no content policy: {problem}"])
                ) from None
