"""The addresses a change takes off the site, and how to keep them working.

A term, protocol or module renamed, removed or moved takes its page's old address with
it: members' bookmarks, the links of handouts printed before, search engines and other
sites then lead to the site's "page not found", and no check in the repository can see
them (audit). mkdocs-redirects keeps an old address working with a page that sends its
reader on; the report gives the exact `redirect_maps` lines for the addresses that the
head's mkdocs.yml does not map already. The handbook does not depend on the plugin.
A module's PDF handout (`handouts/<module id>.pdf`) goes with its id, and the plugin
cannot keep a PDF address: the report names it, and says how to keep it.
"""

from __future__ import annotations

import dataclasses
import json
import posixpath
import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field
from pathlib import Path

from ..config.problems import Problems
from ..config.site_settings import exclude_patterns, language_tag
from ..config_yml import PLUGIN_NAME, ConfigError, options_that_run, read_config_file
from ..listed_plugins import listed_plugin_instances, listed_plugin_options
from ..model.replacements import Replaceable, replacements
from ..model.term_facts import term_facts
from ..model.types import Term
from ..published import GLOSSARY_INDEX, PROTOCOLS_INDEX, page_url, term_src_uri
from ..site.urls import handout_path
from .changes_model import Changes, FormStatusChange, ItemChange
from .report_markdown import inline_code

# The plugin's name in mkdocs.yml's `plugins`, and its option of old -> new pages.
REDIRECTS_PLUGIN = "redirects"
REDIRECT_MAPS = "redirect_maps"
# What YAML reads as plain text in a mapping's key or value: a page's path written bare.
_PLAIN_YAML = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./-]*")


@dataclass(frozen=True)
class SiteSettings:
    """What the head's config file says of pages that move: whether mkdocs-redirects is
    listed (and on), its `redirect_maps` (old page -> new page, as written), and the
    pages its `nav` names, each with where (`mkdocs.yml:12`); whether the handbook
    plugin publishes PDF handouts (its `handouts` option); its `theme.language`, as the
    check reads it (`language_tag`; None: the file was not read)."""

    redirects_listed: bool = False
    redirect_maps: Mapping[str, object] = field(default_factory=dict)
    nav_places: Mapping[str, str] = field(default_factory=dict)
    handouts: bool = True
    language: str | None = None
    # Its `exclude_docs` and `draft_docs` patterns (None: the file was not read).
    exclude_docs: tuple[str, ...] | None = None
    draft_docs: tuple[str, ...] | None = None

    def maps_page(self, src_page: str) -> bool:
        """Whether an old page's address (`glossary/a.md`) is sent on already."""
        return src_page in {str(key).strip().lstrip("/") for key in self.redirect_maps}


def site_settings(config_file: Path) -> SiteSettings:
    """The settings of `config_file` (and the files it inherits) on pages that move; none
    where the file cannot be read as settings (`handbook check` says why, not the diff)."""
    try:
        data, _, _, shown = read_config_file(config_file, config_file.name, seen=())
    except (ConfigError, OSError):
        return SiteSettings()
    # Its first place each: a page named twice is one to change in two places anyway.
    nav_places: dict[str, str] = {}
    for text in shown:
        if text.keys[:1] == ("nav",):
            nav_places.setdefault(text.value.strip().lstrip("/"), f"{text.where}:{text.line}")
    # As the build runs them: the instances that run, in Material's group plugins too.
    handbook = listed_plugin_instances(data.get("plugins"), PLUGIN_NAME)
    handouts = not handbook or (
        any(runs for _, runs in handbook)
        and options_that_run(handbook).get("handouts") is not False
    )
    theme = data.get("theme")
    language = language_tag(theme.get("language") if isinstance(theme, dict) else None)
    left_out = {name: _patterns(data.get(name), name) for name in ("exclude_docs", "draft_docs")}
    options = listed_plugin_options(data.get("plugins"), REDIRECTS_PLUGIN)
    if options is None:
        return SiteSettings(nav_places=nav_places, handouts=handouts, language=language, **left_out)
    maps = options.get(REDIRECT_MAPS)
    return SiteSettings(
        True, maps if isinstance(maps, dict) else {}, nav_places, handouts, language, **left_out
    )


def _patterns(written: object, name: str) -> tuple[str, ...]:
    """The patterns of `exclude_docs` or `draft_docs` (`name`) as written; none where
    they cannot be read (`handbook check` says why, and MkDocs refuses them)."""
    if not isinstance(written, str):
        return ()
    return exclude_patterns(tuple(written.splitlines()), "", Problems(), name)


def with_nav_places(changes: Changes, settings: SiteSettings) -> Changes:
    """`changes` with the place of `nav` that names the old page of each item whose page
    moves or goes: a redirect does not mend it, as `nav` must name a page there is."""
    if not settings.nav_places:
        return changes
    items = tuple(
        dataclasses.replace(change, nav_place=settings.nav_places.get(change.old_page))
        if change.old_page is not None and change.new_page != change.old_page
        else change
        for change in changes.items
    )
    return dataclasses.replace(changes, items=items)


@dataclass(frozen=True)
class OldAddress:
    """A page's source path in docs_dir that stops being published, and the page its
    address is best sent to."""

    old_page: str
    new_page: str
    removed: bool = False


def forms_now_of(change: ItemChange, form_changes: Sequence[FormStatusChange]) -> str | None:
    """The term whose accepted forms a removed term's linked forms all are now (a merge
    by deletion: its forms moved to the aliases of another), or None."""
    removed = change.item.id
    linked = [
        form
        for form in form_changes
        if form.old is not None and form.old.term == removed and form.old.status == "accepted"
    ]
    if not linked or any(form.new is None or form.new.status != "accepted" for form in linked):
        return None
    terms = {form.new.term for form in linked if form.new is not None}
    return terms.pop() if len(terms) == 1 else None


def old_addresses(
    changes: Changes, settings: SiteSettings, head_terms: Mapping[str, Term] | None = None
) -> list[OldAddress]:
    """The pages this change moves or removes whose old address no redirect keeps, each
    with where to send it: a renamed or moved item's or page's new page; for a removed
    term, the term its forms now belong to, else the term to use now in its place (its
    replacement's, along `replaced_by` through the head's terms, `head_terms`), else the
    glossary's index; for a removed protocol or module, the index of its kind; for
    another page removed, the home page."""
    use_now = _use_now(changes, head_terms or {})
    addresses: list[OldAddress] = []
    for change in changes.items:
        if change.old_page is None or change.change not in ("removed", "renamed", "moved"):
            continue
        if change.new_page is not None:
            addresses.append(OldAddress(change.old_page, change.new_page))
        else:
            target = _removed_target(change, changes, use_now)
            addresses.append(OldAddress(change.old_page, target, removed=True))
    addresses += [
        OldAddress(page.old_page, page.new_page)
        for page in changes.moved_pages
        if page.old_page and page.new_page
    ]
    addresses += [
        OldAddress(page.old_page, page.new_page or page.home_page, removed=page.new_page is None)
        for page in changes.gone_pages
    ]
    return [address for address in addresses if not settings.maps_page(address.old_page)]


@dataclass(frozen=True)
class OldHandout:
    """A module's PDF handout address (`handouts/a.pdf`, relative to the site's) that stops
    being published, with the module's new one (None: the module was removed)."""

    old_path: str
    new_path: str | None = None


def old_handouts(
    changes: Changes, settings: SiteSettings, left_out: Set[str] = frozenset()
) -> list[OldHandout]:
    """The handouts of the modules this change renames or removes, where the site
    publishes handouts: a redirect of the module's page does not keep its PDF. Not those
    of modules whose page the base left out (`left_out`, paths in docs_dir): a draft's
    handout was never published."""
    if not settings.handouts:
        return []
    return [
        OldHandout(
            handout_path(change.old.id), None if change.new is None else handout_path(change.new.id)
        )
        for change in changes.items
        if change.kind == "module"
        and change.change in ("removed", "renamed")
        and change.old
        and change.old_page not in left_out
    ]


def _use_now(changes: Changes, head_terms: Mapping[str, Term]) -> dict[str, str]:
    """Removed deprecated term id -> the head's term to use now in its place: where its
    `replaced_by` leads through the head's terms (task ed61: a term deprecated in turn
    sent the redirect one step along, to a page that names another term to use)."""
    removed = {
        change.item.id: change.item
        for change in changes.items
        if change.kind == "term"
        and change.change == "removed"
        and isinstance(change.item, Term)
        and change.item.status == "deprecated"
    }
    if not removed:
        return {}
    # The head's terms read as their facts: none of them loaded for it.
    chains: dict[str, Replaceable] = {**term_facts(head_terms), **removed}
    now = replacements(chains).now
    return {term_id: now[term_id] for term_id in removed if now.get(term_id) in head_terms}


def _removed_target(change: ItemChange, changes: Changes, use_now: Mapping[str, str]) -> str:
    if change.kind == "protocol":
        return PROTOCOLS_INDEX
    if change.kind == "module":
        assert change.old_page is not None
        # The training index of its folder (a module at the top of docs_dir: the home page).
        return posixpath.join(posixpath.dirname(change.old_page), "index.md")
    heir = forms_now_of(change, changes.form_changes)
    term = change.item
    if heir is None and isinstance(term, Term) and term.status == "deprecated":
        heir = use_now.get(term.id, term.replaced_by)
    return term_src_uri(heir) if heir is not None else GLOSSARY_INDEX


def old_addresses_section(
    addresses: Sequence[OldAddress],
    settings: SiteSettings,
    use_directory_urls: bool,
    handouts: Sequence[OldHandout] = (),
) -> list[str]:
    """The report's section on the old addresses that stop working, with the
    mkdocs-redirects lines that keep them, and the handouts no redirect keeps; nothing
    where there are none."""
    if not addresses and not handouts:
        return []
    lines = ["### Old addresses", ""]
    if addresses:
        lines += _pages_lines(addresses, settings, use_directory_urls)
    if handouts:
        lines += _handouts_lines(handouts)
    return lines


def _pages_lines(
    addresses: Sequence[OldAddress], settings: SiteSettings, use_directory_urls: bool
) -> list[str]:
    """The old pages' addresses, and the mkdocs-redirects lines that keep them."""
    named = ", ".join(
        inline_code(page_url(address.old_page, use_directory_urls)) for address in addresses
    )
    if settings.redirects_listed:
        how = f"add these lines to the `{REDIRECT_MAPS}` of mkdocs-redirects in mkdocs.yml:"
    else:
        how = (
            "list mkdocs-redirects (`pip install mkdocs-redirects`) in mkdocs.yml's "
            '`plugins`, after `handbook` (ADOPTING.md, "Other plugins"), with these lines:'
        )
    # Listed: the lines go under its `redirect_maps`; if not, the plugin's whole entry.
    yaml = [] if settings.redirects_listed else [f"- {REDIRECTS_PLUGIN}:", f"    {REDIRECT_MAPS}:"]
    indent = "" if settings.redirects_listed else "      "
    yaml += [
        f"{indent}{_yaml_text(address.old_page)}: {_yaml_text(address.new_page)}"
        for address in addresses
    ]
    lines = [
        # "(below the site's)" left reviewers guessing (audit).
        "This change moves or removes the pages at these addresses, relative to the site's "
        f"address: {named}. Those addresses then lead to the site's \"page not found\": members' "
        "bookmarks, the links and addresses in handouts printed before, search engines' "
        "results and other sites' links, which no check in this repository can see. To "
        f"keep them working, {how}",
        "",
        "```yaml",
        *yaml,
        "```",
        "",
    ]
    if any(address.removed for address in addresses):
        lines += [
            "A removed page is sent to the term its forms now belong to, its replacement or "
            "the index of its kind (a page that is no term, protocol or module: the home "
            "page): change the target where another page suits better.",
            "",
        ]
    return lines


def _handouts_lines(handouts: Sequence[OldHandout]) -> list[str]:
    """The old handouts' addresses, which mkdocs-redirects cannot keep (it sends pages
    on, not PDFs), and what to do instead."""
    return [
        "This change takes these PDF handouts off the site: their addresses (relative to "
        "the site's address) are the ones most likely sent to partners and printed on "
        "flyers. mkdocs-redirects "
        "cannot keep a PDF's address: keep a copy of the old PDF at the same path in "
        "docs_dir (as `handouts/<old module id>.pdf` there), or tell those who have the "
        "address:",
        "",
        *(
            f"- {inline_code(handout.old_path)}: "
            + (
                "the module is removed"
                if handout.new_path is None
                else f"now {inline_code(handout.new_path)}"
            )
            for handout in handouts
        ),
        "",
    ]


def _yaml_text(path: str) -> str:
    """`path` as YAML reads it back: bare where it can be, else quoted."""
    return path if _PLAIN_YAML.fullmatch(path) else json.dumps(path, ensure_ascii=False)
