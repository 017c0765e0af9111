"""What the handbook's settings are: the plugin's options with their defaults and
choices, and the resolved, frozen `HandbookConfig` the checks and pages read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..config_yml import ShownText
from ..file_names import relative_name
from ..include_markdown_settings import IncludeMarkdownSettings
from ..snippet_settings import SnippetSettings

AutolinkMode = Literal["first", "all", "none"]
RuleLevel = Literal["error", "warning", "info", "off"]
PaperSize = Literal["A4", "Letter"]

AUTOLINK_MODES: tuple[str, ...] = ("first", "all", "none")
RULE_LEVELS: tuple[str, ...] = ("error", "warning", "info", "off")
PAPER_SIZES: tuple[str, ...] = ("A4", "Letter")

OPTION_DEFAULTS: Mapping[str, Any] = {
    "enabled": True,
    "glossary_dir": "glossary",
    "protocols_dir": "protocols",
    "modules_dir": "modules",
    "autolink": "first",
    "known_acronyms": [],
    "privacy": {"allow": [], "countries": []},
    "rules": {},
    "handouts": True,
    "paper_size": "A4",
}


@dataclass(frozen=True)
class SiteText:
    """A setting of `SITE_TEXTS` as written: in the file at `path` (relative to the
    directory of mkdocs.yml: the file itself, or one it inherits), at `line`, which
    reads `written` (`site_name: ...`)."""

    setting: str
    value: str
    path: str
    line: int
    written: str


@dataclass(frozen=True)
class HandbookConfig:
    """Resolved settings. Paths are absolute; `root` is the directory of mkdocs.yml."""

    root: Path
    docs_dir: Path
    glossary_dir: Path
    protocols_dir: Path
    modules_dir: Path
    site_name: str = "Handbook"
    autolink: AutolinkMode = "first"
    known_acronyms: frozenset[str] = frozenset()
    privacy_allow: tuple[str, ...] = ()
    privacy_countries: tuple[str, ...] = ()
    """privacy.countries, as ISO 3166-1 alpha-2 codes in capitals (`GB`): the countries
    whose national formats of phone numbers privacy.pii reads (`national_phones`)."""
    rules: Mapping[str, RuleLevel] = field(default_factory=dict)
    handouts: bool = True
    paper_size: PaperSize = "A4"
    today: dt.date = field(default_factory=dt.date.today)
    # Whether `today` is a day `HANDBOOK_TODAY` sets, not the clock's: a month ahead, as
    # the weekly "Reviews due soon" workflow checks, a review is not yet overdue.
    today_given: bool = False
    newest_date_begun: dt.date | None = None
    """Where `today` is the clock's: the date now where the day begins first (UTC+14), the
    latest a history entry may have (an editor's today 25 hours ahead of the machine was
    refused); None: the day after `today`."""
    exclude_docs: tuple[str, ...] = ()
    """mkdocs.yml's `exclude_docs`, one gitignore-style pattern a line: pages MkDocs leaves
    out of the site, which are not checked either."""
    draft_docs: tuple[str, ...] = ()
    """mkdocs.yml's `draft_docs`: pages `mkdocs build` leaves out of the site, as it does
    those of `exclude_docs`, and `mkdocs serve` shows (the plugin sets none there). They
    are checked as pages are, a draft module's handout too (as `mkdocs serve` makes it: no
    finding depends on this setting); it gets no handout and no link."""
    strict: bool = False
    """mkdocs.yml's `strict`: warnings fail `handbook check` as they fail the build."""
    plugin_listed: bool = True
    """Whether mkdocs.yml lists the `handbook` plugin at all: if not, the checks run with
    its defaults, but `mkdocs build` would neither check nor publish the handbook."""
    site_dir: Path | None = None
    """mkdocs.yml's `site_dir` (MkDocs' default: `site` beside it), where the site is
    built and `handbook handouts` writes; None only in a config made without one."""
    use_directory_urls: bool = True
    """mkdocs.yml's `use_directory_urls`: where MkDocs publishes each page, which a page
    of docs_dir must not share with a generated one (rule `page.replaced`)."""
    language: str = "en"
    """mkdocs.yml's `theme.language` (Material's), the language the handouts declare."""
    site_url: str = ""
    """mkdocs.yml's `site_url` as MkDocs takes it (`site_address`), "" where unset: where
    the site is published, which a handout's links to its pages lead to and its footer
    names."""
    config_name: str = "mkdocs.yml"
    """The name of the site's config file in `root` (`mkdocs.yml`, `mkdocs.es.yml`): the
    site a handout cache record is of, where two sites' share `root`'s cache."""
    site_url_refused: str = ""
    """Why mkdocs.yml's `site_url` is no address MkDocs takes (`handbook.example.org`,
    without its scheme), where it is written first (`mkdocs.yml:7: ...`); "" where it is
    one, or unset. MkDocs refuses to build the site then; `handbook handouts` says so, as
    its handouts name no address and link to no page of the site."""
    site_texts: tuple[SiteText, ...] = ()
    """mkdocs.yml's settings that the theme writes into every page as they are
    (`SITE_TEXTS`), for html.active-content to read."""
    shown_texts: tuple[ShownText, ...] = ()
    """mkdocs.yml's texts that the pages show (its `SITE_TEXTS`, `nav` and `extra`:
    `config_yml.ShownText`), each named relative to the directory of mkdocs.yml, for
    privacy.pii to read."""
    validation: object = None
    """mkdocs.yml's `validation` setting as written (an INHERIT's included), None where
    unset: the link levels it sets itself, which the plugin leaves as they are
    (`plugin.root_links`)."""
    snippets: SnippetSettings | None = None
    """pymdownx.snippets' settings where mkdocs.yml's `markdown_extensions` turns it on:
    the files its pages include are checked too (`model.snippets`)."""
    definition_lists: bool = True
    """Whether mkdocs.yml's `markdown_extensions` runs def_list (`def_list`,
    `markdown.extensions.def_list`, or an `extra` that holds it): the checks read a
    `:   text` line, and the lines indented after it, as the site renders them
    (`markdown.checkable_text`); without it they are a paragraph, then code."""
    markdown_includes: IncludeMarkdownSettings | None = None
    """mkdocs-include-markdown-plugin's settings where mkdocs.yml's `plugins` switches it
    on: the files its pages include are checked too (`model.markdown_includes`)."""

    @property
    def modules_src_dir(self) -> str:
        """modules_dir as MkDocs names the files of docs_dir (`modules`), or "" when the
        modules have no folder of their own there (modules_dir is docs_dir itself, or a
        link to a folder outside it, or no such folder yet): then no training index is
        generated, and an author's page at its address (`modules.md`) is published as it
        is."""
        try:
            folder = self.modules_dir.relative_to(self.docs_dir).as_posix()
        except ValueError:
            return ""
        return "" if folder == "." or not self.modules_dir.is_dir() else folder

    def relative(self, path: Path) -> str:
        """`path` relative to mkdocs.yml's directory, with `/` (as findings name files);
        a file outside it (a glossary shared by two sites) as `../`, only a file on
        another drive by its absolute path."""
        return relative_name(path, self.root)


# The options that name a folder of the handbook.
FOLDER_OPTIONS = ("glossary_dir", "protocols_dir", "modules_dir")
