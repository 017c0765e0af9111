"""The handbook's settings, validated into one frozen `HandbookConfig`.

The CLI reads mkdocs.yml with `load_config` (`mkdocs_yml` reads the file); the plugin
passes the options MkDocs already validated to `build_config`. Both end with the same
`HandbookConfig`, or a `ConfigError` naming every problem at once. The helpers here name
the files of a handbook as its messages do (`relative_name`, `shown_name`).
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

import pathspec

from .hints import did_you_mean
from .include_markdown_settings import IncludeMarkdownSettings, include_markdown_settings
from .listed_plugins import refused_plugins
from .mkdocs_yml import (
    PLUGIN_NAME,
    SITE_TEXTS,
    ConfigError,
    ShownText,
    as_written,
    is_folder_name,
    options_that_run,
    plugin_instances,
    plugin_options,
    read_config_file,
)
from .snippet_settings import SnippetSettings, snippet_settings
from .theme_language import MATERIAL, language_problem
from .windows_paths import windows_hint

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


class _Problems:
    """What is wrong with the settings, gathered so that an editor sees every problem in
    one run, in the order of the lines they are on, rather than one per attempt."""

    def __init__(self) -> None:
        self.found: list[str] = []

    def add(self, message: str) -> None:
        self.found.append(message)

    def raise_any(self) -> None:
        if self.found:
            raise ConfigError(*sorted(self.found, key=_file_and_line))


_WHERE = re.compile(r"([^:]*)(?::(\d+))?")


def _file_and_line(message: str) -> tuple[str, int]:
    """("mkdocs.yml", 5) of "mkdocs.yml:5: ...": a problem with no line comes first."""
    where = _WHERE.match(message)
    assert where is not None  # the pattern matches any text
    return where[1], int(where[2] or 0)


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
    exclude_docs: tuple[str, ...] = ()
    """mkdocs.yml's `exclude_docs`, one gitignore-style pattern a line: pages MkDocs leaves
    out of the site, which are not checked either."""
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
    `mkdocs_yml.ShownText`), each named relative to the directory of mkdocs.yml, for
    privacy.pii to read."""
    snippets: SnippetSettings | None = None
    """pymdownx.snippets' settings where mkdocs.yml's `markdown_extensions` turns it on:
    the files its pages include are checked too (`model.snippets`)."""
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


def relative_name(path: Path, root: Path) -> str:
    """`HandbookConfig.relative` before there is a config: `path` relative to `root`,
    with `/`, `../` outside it, absolute on another drive."""
    target, resolved_root = resolved(path), root.resolve()
    try:
        return target.relative_to(resolved_root).as_posix()
    except ValueError:
        pass
    try:
        return Path(os.path.relpath(target, resolved_root)).as_posix()
    except ValueError:
        return path.as_posix()


def shown_name(path: Path) -> str:
    """How a message names a file the user named (`-f sub/mkdocs.yml`, `-o out`) or will
    open (what `handbook new` and `handbook handouts` write): relative to the current
    folder where it is in it, else as given; findings name files from mkdocs.yml's
    folder all the same (DESIGN section 6)."""
    try:
        return Path(os.path.abspath(path)).relative_to(Path.cwd()).as_posix()  # noqa: PTH100
    except (ValueError, OSError):  # outside the current folder, or that folder is gone
        return str(path)


def resolved(path: Path) -> Path:
    """`path.resolve()`, or for a link that loops, the absolute path of the link itself
    (a finding then names it; `resolve` raises)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))  # noqa: PTH100 (no resolving)


def load_config(
    config_file: Path,
    today: dt.date | None = None,
    *,
    require_folders: bool = True,
    shown_as: str | None = None,
    refuse_site_url: bool = False,
    refuse_plugins: bool = False,
) -> HandbookConfig:
    """Read mkdocs.yml and the `handbook` plugin's options in it. With `require_folders`
    (to check or build, not to scaffold a first file), a folder named in it that is not
    there is an error. With `refuse_site_url` (to check), a `site_url` MkDocs refuses
    (`site_url_refused`) is an error too, as it is to the build; `handbook handouts`
    makes the handouts all the same, and says so. With `refuse_plugins` (to check), so is
    a plugin listed beside the handbook that the build stops on (`refused_plugins`).
    Messages name the file `shown_as` (see `shown_name`), by default by its name alone."""
    if config_file.is_dir():
        raise ConfigError(_folder_given(config_file, shown_as or str(config_file)))
    where = shown_as or config_file.name
    # Not resolved: MkDocs reads the folders from where mkdocs.yml is named, a link or not
    # (os.path.abspath, as MkDocs, takes `..` off by name).
    named_as = config_file
    config_file = Path(os.path.abspath(config_file))  # noqa: PTH100
    if not config_file.exists():
        # As named: `-f .\mkdocs.yml` and `-f MkDocs.yml` name it on Windows alone.
        hint = windows_hint(Path.cwd(), str(named_as), folder=False)
        raise ConfigError(f"{shown_as or config_file}: no such file{hint}")
    data, lines, script_links, shown_texts = read_config_file(config_file, where, seen=())
    instances = plugin_instances(
        data.get("plugins"), lines.get("plugins", where), lines.get(PLUGIN_NAME, where)
    )
    options = options_that_run(instances)
    problems = _Problems()
    rules = options.get("rules")
    # link.unsafe turned off lets such a link through here as in the pages.
    if not (isinstance(rules, dict) and rules.get("link.unsafe") in ("off", False)):
        for _, problem in script_links:
            problems.add(problem)
    # As the build: a handbook plugin switched off stops nothing.
    if refuse_plugins and any(runs for _, runs in instances):
        for problem in refused_plugins(data.get("plugins"), lines, where):
            problems.add(problem)
    listed = sum(runs for _, runs in instances)
    if listed > 1:
        problems.add(
            f"{lines.get('plugins', where)}: 'plugins' lists the '{PLUGIN_NAME}' plugin "
            f"{listed} times: MkDocs would run it as often, reporting every finding {listed} "
            "times; list it once, with all its options"
        )
    docs_dir = data.get("docs_dir")
    for name, value in (("docs_dir", docs_dir), *((key, options.get(key)) for key in _FOLDERS)):
        if value is not None and not is_folder_name(value):
            problems.add(
                f"{lines.get(name, where)}: '{name}' must be a folder's name "
                f"(found {as_written(value)})"
            )
            # Read as its default below, so that it is not reported twice.
            if name == "docs_dir":
                docs_dir = None
            else:
                options = {key: setting for key, setting in options.items() if key != name}
    if require_folders and docs_dir is not None and not (config_file.parent / docs_dir).is_dir():
        # As MkDocs refuses it: a typo would silently check no page at all.
        where_set = lines.get("docs_dir", where)
        hint = windows_hint(config_file.parent, docs_dir, folder=True)
        problems.add(f"{where_set}: docs_dir '{docs_dir}' is not a folder{hint}")
    exclude_docs = data.get("exclude_docs")
    if exclude_docs is not None and not isinstance(exclude_docs, str):
        problems.add(
            f"{lines.get('exclude_docs', where)}: 'exclude_docs' must be gitignore-style "
            "patterns, one a line, in one string (a `|` block)"
        )
        exclude_docs = None
    site_dir = data.get("site_dir")
    if site_dir is not None and not is_folder_name(site_dir):
        where_set = lines.get("site_dir", where)
        problems.add(
            f"{where_set}: 'site_dir' must be a folder's name (found {as_written(site_dir)})"
        )
        site_dir = None
    strict = _true_or_false(data, "strict", False, lines.get("strict", where), problems)
    directory_urls = _true_or_false(
        data, "use_directory_urls", True, lines.get("use_directory_urls", where), problems
    )
    snippets, snippet_problems = snippet_settings(
        data.get("markdown_extensions"),
        lines.get("markdown_extensions", where),
        config_file.parent,
        config_file.parent / ("docs" if docs_dir is None else docs_dir),
    )
    for problem in snippet_problems:
        problems.add(problem)
    theme = data.get("theme")
    if isinstance(theme, dict):
        language = _material_language_problem(theme, config_file.parent, lines, where)
        if language is not None:
            problems.add(language)
    try:
        config = build_config(
            root=config_file.parent,
            docs_dir="docs" if docs_dir is None else docs_dir,
            options=options,
            site_name=str(data.get("site_name") or "Handbook"),
            where=where,
            today=today,
            require_folders=require_folders,
            option_lines=lines,
            exclude_docs=tuple((exclude_docs or "").splitlines()),
            strict=strict,
            site_dir=site_dir,
            use_directory_urls=directory_urls,
            language=language_tag(theme.get("language") if isinstance(theme, dict) else None),
            # `!ENV SITE_URL` read as MkDocs reads it (`mkdocs_yml`): the build
            # and `handbook handouts` print the same address.
            site_url=site_address(data.get("site_url")),
            config_name=config_file.name,
        )
    except ConfigError as error:
        for problem in error.problems:
            problems.add(problem)
    site_url_refused = _site_url_refused(data.get("site_url"), lines.get("site_url", where))
    if refuse_site_url and site_url_refused:
        problems.add(site_url_refused)
    problems.raise_any()
    return replace(
        config,
        plugin_listed=bool(instances),
        site_url_refused=site_url_refused,
        snippets=snippets,
        markdown_includes=include_markdown_settings(data.get("plugins")),
        site_texts=_site_texts(data, lines, where, config_file.parent),
        shown_texts=tuple(
            replace(text, where=_named_from_folder(text.where, where)) for text in shown_texts
        ),
    )


def _site_texts(
    data: Mapping[str, Any], lines: Mapping[str, str], where: str, root: Path
) -> tuple[SiteText, ...]:
    """The settings of `SITE_TEXTS` that mkdocs.yml (named `where`, in `root`) sets to
    text, each at its file and line (`lines`, as `mkdocs_yml` gives them: `mkdocs.yml:3`)."""
    texts: list[SiteText] = []
    for setting in SITE_TEXTS:
        value = data.get(setting)
        if not isinstance(value, str) or not value:
            continue
        place = _WHERE.match(lines.get(setting, where))
        assert place is not None  # the pattern matches any text
        path = _named_from_folder(place[1], where)
        line = int(place[2] or 1)
        texts.append(SiteText(setting, value, path, line, _line_of(root / path, line)))
    return tuple(texts)


def _named_from_folder(name: str, where: str) -> str:
    """A config file `name`d as `where` names mkdocs.yml, as findings name it: relative
    to the folder of mkdocs.yml (`base.yml`, not `sub/base.yml`)."""
    return posixpath.relpath(name, posixpath.dirname(where) or ".")


def _line_of(path: Path, line: int) -> str:
    """Line `line` of the config file at `path`, just read (UTF-8)."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return lines[line - 1] if line <= len(lines) else ""


def _material_language_problem(
    theme: Mapping[str, Any], root: Path, lines: Mapping[str, str], where: str
) -> str | None:
    """Why Material's build would stop at the theme's `language` (`theme_language`);
    None where it would not, or the theme is another."""
    if theme.get("name") != MATERIAL or "language" not in theme:
        return None
    custom_dir = theme.get("custom_dir")
    return language_problem(
        theme.get("language"),
        lines.get("theme.language", where),
        root / custom_dir if isinstance(custom_dir, str) and custom_dir else None,
    )


# A language tag as HTML's `lang` takes one (BCP 47's shape): `en`, `es`, `pt-BR`.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def site_address(site_url: object) -> str:
    """mkdocs.yml's `site_url` as MkDocs' `URL(is_dir=True)` takes it: an address with a
    scheme and a host, its path ending in `/`. "" where it is unset or empty (`!ENV
    SITE_URL` with the variable unset), or not such an address: MkDocs then refuses the
    build and says why, and no handout prints an address that is no site's."""
    if not isinstance(site_url, str) or not site_url:
        return ""
    try:
        parts = urlsplit(site_url)
    except ValueError:  # `http://[::1`: MkDocs cannot read it either
        return ""
    if not (parts.scheme and parts.netloc):
        return ""
    if not parts.path.endswith("/"):
        parts = parts._replace(path=f"{parts.path}/")
    return urlunsplit(parts)


def _site_url_refused(site_url: object, where: str) -> str:
    """Why `site_url`, written at `where`, is no address MkDocs takes; "" where it is
    one, or unset (`!ENV SITE_URL` with the variable unset, as on an editor's machine)."""
    if site_url is None or site_url == "" or site_address(site_url):
        return ""
    return (
        f"{where}: site_url {as_written(site_url)} is no web address (it needs its "
        "scheme, e.g. https://): MkDocs refuses to build the site with it, and the "
        "handouts link to none of its pages and name no address"
    )


def language_tag(language: object) -> str:
    """The theme's `language`, where it is a language tag; else English, Material's
    default (Material itself reports a language it has no translation for)."""
    if isinstance(language, str) and _LANGUAGE_TAG.fullmatch(language):
        return language
    return "en"


def _true_or_false(
    data: Mapping[str, Any], name: str, default: bool, where: str, problems: _Problems
) -> bool:
    """The setting `name` of mkdocs.yml, which MkDocs takes as true or false only (and
    as its default when written with no value)."""
    value = data.get(name)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    problems.add(f"{where}: '{name}' is {as_written(value)}; expected true or false")
    return default


def configured_folders(config_file: Path) -> dict[str, Path]:
    """The handbook's folders as `config_file` names them (docs_dir, glossary_dir,
    protocols_dir, modules_dir), whatever else is wrong in it: `handbook diff` reads an
    old revision's folders from its own config, which need not pass today's checks. A
    `ConfigError` if the file cannot be read as settings at all."""
    data, _, _, _ = read_config_file(config_file, config_file.name, seen=())
    options = plugin_options(data.get("plugins"), config_file.name, config_file.name)
    root = config_file.parent

    def named(name: str, settings: dict[str, Any], default: object) -> str:
        value = settings.get(name)
        if value is None:
            return str(default)
        if not is_folder_name(value):
            raise ConfigError(f"{config_file.name}: '{name}' must be a folder's name")
        return str(value)

    docs_dir = root / named("docs_dir", data, "docs")
    folders = {name: named(name, options, OPTION_DEFAULTS[name]) for name in _FOLDERS}
    return {
        "docs_dir": docs_dir,
        "glossary_dir": root / folders["glossary_dir"],
        "protocols_dir": root / folders["protocols_dir"],
        "modules_dir": docs_dir / folders["modules_dir"],
    }


_FOLDERS = ("glossary_dir", "protocols_dir", "modules_dir")


def _folder_given(folder: Path, shown_as: str) -> str:
    """The message for `-f FOLDER` (named `shown_as`): name the file that was surely
    meant, if it is there."""
    inside = folder / "mkdocs.yml"
    meant = (Path(shown_as) / "mkdocs.yml").as_posix()
    hint = f": did you mean -f {meant}?" if inside.is_file() else ""
    return f"{shown_as}: is a folder; -f takes the site's config file, mkdocs.yml{hint}"


def _as_acronym(entry: str) -> str | None:
    """The acronym a known_acronyms entry is written for, where it is written otherwise:
    in lower case (`fbi`), with a capital first only (`Unicef`), or dotted (`F.B.I.`,
    `f.b.i.`; also `e.g.`, which the message's "or leave it out" answers); None for
    anything else, which may be meant as it is (`PhD`)."""
    if entry.isalpha() and (entry.islower() or entry.istitle()):
        return entry.upper()
    undotted = entry.replace(".", "")
    if "." in entry and undotted.isalpha():
        return undotted.upper()
    return None


# Quotation marks a word processor writes (`“FBI”`), and the ones YAML does not take
# off an entry quoted inside its own quotes (`'"FBI"'`).
_QUOTATION_MARKS = "\"'\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a"


def _known_acronym_problem(entry: str) -> str | None:
    """Why term.unknown-acronym, which reports words in capitals, never meets the
    known_acronyms `entry`, and what to write instead; None for an entry it meets or
    that may be meant as it is (`PhD`, `T-visa`)."""
    from .rules.term_unknown_acronym import can_be_known

    unquoted = entry.strip(_QUOTATION_MARKS)
    quoted = (
        "its quotation marks are part of it (YAML takes off only the ' or \" around a value); "
        if unquoted != entry
        else ""
    )
    written = _as_acronym(unquoted)
    if written is not None and not can_be_known(unquoted) and can_be_known(written):
        # A plain plural s is the rule's to read ("NGOs" is "NGO"): an S may be one.
        plural = written[:-1] + "s"
        also = (
            f", or {plural!r} if its s is a plural"
            if written.endswith("S") and can_be_known(plural)
            else ""
        )
        return (
            f"{quoted}it reports words in capitals; write {written!r} if that is the "
            f"acronym meant{also}, or leave it out"
        )
    if not any(char.isupper() for char in unquoted):  # `é`, `t-visa`, `“”`
        return f"{quoted}it reports words in capitals, and this has no capital letter; leave it out"
    return f"{quoted}write {unquoted!r}" if quoted else None


def _outside_docs(modules_dir: str, docs_path: Path) -> bool:
    """Whether `modules_dir` (relative) names no folder of docs_dir nor docs_dir itself:
    `..` leads out of it. Compared by name, as MkDocs walks docs_dir, without following
    links."""
    folder = os.path.normpath(docs_path / modules_dir)
    return os.path.commonpath((folder, docs_path)) != str(docs_path)


def build_config(
    root: Path,
    docs_dir: str | Path,
    options: Mapping[str, Any],
    *,
    site_name: str = "Handbook",
    where: str = "mkdocs.yml",
    today: dt.date | None = None,
    require_folders: bool = True,
    option_lines: Mapping[str, str] | None = None,
    exclude_docs: tuple[str, ...] = (),
    strict: bool = False,
    site_dir: str | Path | None = None,
    use_directory_urls: bool = True,
    language: str = "en",
    site_url: str = "",
    config_name: str = "mkdocs.yml",
) -> HandbookConfig:
    """Validate the plugin's options (as written in mkdocs.yml) into a `HandbookConfig`;
    `option_lines` says where each option is written (`mkdocs.yml:14`), for the
    messages. `exclude_docs` are the site's patterns of pages left out of it, `strict`
    its setting that warnings fail, `site_dir` where it is built, `use_directory_urls`
    where it publishes each page, `language` its theme's language, `site_url` its address
    (`site_address`), `config_name` the name of its config file in `root`."""
    lines = option_lines or {}

    def at(name: str) -> str:
        return lines.get(name, where)

    problems = _Problems()
    for name in sorted({str(name) for name in options} - set(OPTION_DEFAULTS)):
        problems.add(
            f"{at(name)}: unknown option '{name}' of the '{PLUGIN_NAME}' plugin"
            + did_you_mean(name, OPTION_DEFAULTS)
        )
    # An option left empty (`paper_size: !ENV PAPER_SIZE` with the variable unset, or
    # `rules:` with every line under it commented out) is unset, as MkDocs reads its
    # own options and the plugin's: the build and the check agree.
    merged = {**OPTION_DEFAULTS, **{k: v for k, v in options.items() if v is not None}}
    root = root.resolve()
    docs_path = (root / str(docs_dir)).resolve()
    for option, base in (
        ("glossary_dir", root),
        ("protocols_dir", root),
        ("modules_dir", docs_path),
    ):
        # A folder named otherwise than by default must be there: a typo would silently
        # check nothing. The default folder (`glossary`, `./glossary`) may be missing: it
        # holds nothing yet, and git keeps no empty folder for a clone to find.
        named = merged[option]
        if not is_folder_name(named):  # as load_config says of mkdocs.yml, for the plugin
            problems.add(
                f"{at(option)}: '{option}' must be a folder's name (found {as_written(named)})"
            )
            continue
        if option == "modules_dir" and os.path.isabs(named):  # noqa: PTH117
            problems.add(
                f"{at(option)}: modules_dir '{named}' must be named relative to docs_dir "
                "(as 'modules'), not by an absolute path, which another clone of the "
                "handbook (CI's, another editor's) would not have"
            )
            continue
        if option == "modules_dir" and _outside_docs(str(named), docs_path):
            problems.add(
                f"{at(option)}: modules_dir '{named}' is outside docs_dir: MkDocs "
                "publishes only the pages of docs_dir, so the modules would have no page "
                "and every link to one would be broken; keep them in a folder of docs_dir"
            )
            continue
        folder = os.path.normpath(base / str(named))
        if os.path.isdir(folder):  # noqa: PTH112
            continue
        default = os.path.normpath(base / OPTION_DEFAULTS[option])
        # Written as Windows reads it (`Glossary`, `glossary\`), it names a folder there
        # but none on CI: an error even to `new`, which would make a second folder beside
        # the one meant, and to the default, for `new` would make `glossary/` beside
        # `Glossary/`.
        hint = windows_hint(base, str(named), folder=True)
        if hint or (require_folders and folder != default):
            problems.add(
                f"{at(option)}: {option} '{named}' is not a folder"
                + (" (it is relative to docs_dir)" if base is docs_path else "")
                + hint
            )

    site_path = (root / str(site_dir or "site")).resolve()  # MkDocs' default: site
    # As MkDocs refuses them: the build would copy the site into itself, or delete pages.
    where_docs = lines.get("docs_dir", where)
    if docs_path == root:
        problems.add(
            f"{where_docs}: docs_dir must be a folder beside mkdocs.yml, not the folder "
            "mkdocs.yml is in"
        )
    elif site_path == docs_path or docs_path in site_path.parents:
        problems.add(
            f"{lines.get('site_dir', where)}: site_dir '{relative_name(site_path, root)}' "
            f"is inside docs_dir '{relative_name(docs_path, root)}': the build would copy "
            "the site into itself; build it into a folder beside docs_dir"
        )
    elif site_path in docs_path.parents:
        problems.add(
            f"{where_docs}: docs_dir '{relative_name(docs_path, root)}' is inside site_dir "
            f"'{relative_name(site_path, root)}': a build empties site_dir first and "
            "would delete the pages; build the site into another folder"
        )
    record_folders = {  # a name that is no folder's is reported above
        option: (root / str(merged[option])).resolve()
        for option in ("glossary_dir", "protocols_dir")
        if is_folder_name(merged[option])
    }
    if len(set(record_folders.values())) < len(record_folders) == 2:
        # Each file would be read as a term and as a protocol, and fail one schema.
        problems.add(
            f"{at('protocols_dir')}: glossary_dir and protocols_dir name the same folder "
            f"'{relative_name(record_folders['glossary_dir'], root)}': terms and protocols "
            "need a folder each"
        )
    for option, folder in record_folders.items():
        if folder == site_path or site_path in folder.parents:
            # MkDocs empties site_dir before it builds: the records would be deleted.
            problems.add(
                f"{at('site_dir')}: site_dir '{relative_name(site_path, root)}' holds {option} "
                f"'{merged[option]}': a build empties site_dir first and would delete "
                "those files; build the site into another folder"
            )

    def choice(name: str, choices: tuple[str, ...]) -> str:
        return _choice(merged[name], choices, name, at(name), problems) or OPTION_DEFAULTS[name]

    autolink = choice("autolink", AUTOLINK_MODES)
    paper_size = choice("paper_size", PAPER_SIZES)
    known = merged["known_acronyms"]
    if not isinstance(known, list) or not all(isinstance(item, str) for item in known):
        listed = known if isinstance(known, list) else []
        # YAML 1.1 reads a bare ON, OFF, YES, NO, Y or N as true or false.
        hint = (
            " (quote each, as in 'NO': YAML reads NO or ON as false or true)"
            if any(isinstance(item, bool) for item in listed)
            else ""
        )
        problems.add(f"{at('known_acronyms')}: 'known_acronyms' must be a list of strings{hint}")
        known = []
    for item in known:
        problem = _known_acronym_problem(item)
        if problem is not None:
            problems.add(
                f"{at('known_acronyms')}: 'known_acronyms' lists {item!r}, which "
                f"term.unknown-acronym never meets: {problem}"
            )
    privacy = merged["privacy"]
    if not isinstance(privacy, dict) or set(privacy) - set(PRIVACY_KEYS):
        unknown = (
            sorted(map(str, set(privacy) - set(PRIVACY_KEYS))) if isinstance(privacy, dict) else []
        )
        problems.add(
            f"{at('privacy')}: 'privacy' takes two keys, 'allow' (a list of strings) and "
            "'countries' (a list of country codes)"
            + (did_you_mean(unknown[0], PRIVACY_KEYS) if unknown else "")
        )
        privacy = {}
    allow = _unless_empty(privacy.get("allow"), [])
    if not isinstance(allow, list) or not all(isinstance(item, str) for item in allow):
        listed = allow if isinstance(allow, list) else []
        numbers = [n for n in listed if isinstance(n, int | float) and not isinstance(n, bool)]
        # Not the number as YAML read it: 0202... is octal to YAML 1.1.
        hint = ' (quote each number, as in "233733")' if numbers else ""
        problems.add(f"{at('privacy.allow')}: 'privacy.allow' must be a list of strings{hint}")
        allow = []
    countries = _country_codes(privacy.get("countries"), at("privacy.countries"), problems)
    levels, rule_problems = rule_levels(merged["rules"], at)
    for problem in rule_problems:
        problems.add(problem)
    for option in ("enabled", "handouts"):
        # Any value but true or false MkDocs refuses for the build.
        if not isinstance(merged[option], bool):
            problems.add(f"{at(option)}: '{option}' must be true or false")
    exclude_patterns = _exclude_patterns(exclude_docs, at("exclude_docs"), problems)
    today_given = today is None and bool(os.environ.get(TODAY_VARIABLE, "").strip())
    today = today or _today(where, problems)
    problems.raise_any()

    return HandbookConfig(
        root=root,
        docs_dir=docs_path,
        glossary_dir=(root / str(merged["glossary_dir"])).resolve(),
        protocols_dir=(root / str(merged["protocols_dir"])).resolve(),
        modules_dir=(docs_path / str(merged["modules_dir"])).resolve(),
        site_name=site_name,
        autolink=autolink,  # type: ignore[arg-type]
        known_acronyms=frozenset(known),
        privacy_allow=tuple(str(item) for item in allow),
        privacy_countries=countries,
        rules=levels,
        handouts=merged["handouts"],
        paper_size=paper_size,  # type: ignore[arg-type]
        today=today,
        today_given=today_given,
        exclude_docs=exclude_patterns,
        strict=strict,
        site_dir=site_path,
        use_directory_urls=use_directory_urls,
        language=language,
        site_url=site_url,
        config_name=config_name,
    )


def rule_levels(rules: Any, at: Callable[[str], str]) -> tuple[dict[str, RuleLevel], list[str]]:
    """The `rules` option as the checks read it: each rule it names, by its id, with the
    level it is given (a bare `off`, which YAML reads as false, is "off"); and what is
    wrong in it, each problem placed by `at` (a dotted option name -> `mkdocs.yml:14`).
    `handbook diff` reads a revision's with it, whatever else is wrong there."""
    from .rules import RULES  # the rule registry names the valid rule ids

    if rules is None:  # `rules:` with nothing under it is unset
        return {}, []
    if not isinstance(rules, dict):
        return {}, [f"{at('rules')}: 'rules' must map rule ids to error, warning, info or off"]
    problems = _Problems()
    levels: dict[str, RuleLevel] = {}
    for rule_id, level in rules.items():
        if rule_id not in RULES:
            family = sorted(rule for rule in RULES if rule.startswith(f"{rule_id}."))
            hint = (
                f" (rules are named in full: {', '.join(family)})"
                if family
                else did_you_mean(rule_id, RULES)
            )
            problems.add(f"{at(f'rules.{rule_id}')}: unknown rule '{rule_id}' in 'rules'{hint}")
            continue
        # YAML reads a bare `off` as False: accept it as the word it was meant to be.
        level_name = "off" if level is False else level
        where_set = at(f"rules.{rule_id}")
        chosen = _choice(level_name, RULE_LEVELS, f"rules.{rule_id}", where_set, problems)
        if chosen is not None:
            levels[rule_id] = chosen  # type: ignore[assignment]
    return levels, problems.found


PRIVACY_KEYS: tuple[str, ...] = ("allow", "countries")


def _country_codes(listed: Any, where: str, problems: _Problems) -> tuple[str, ...]:
    """privacy.countries (`listed`, written at `where`) as ISO 3166-1 alpha-2 codes in
    capitals, each once; a code that names no country phonenumbers knows is a problem,
    with the code meant where the one written is another writing of it (`UK`, `GBR`:
    CLDR's aliases) or close to one."""
    listed = _unless_empty(listed, [])
    if not isinstance(listed, list) or not all(isinstance(item, str) for item in listed):
        # YAML 1.1 reads a bare NO (Norway) as false.
        hint = (
            " (quote each, as in 'NO': YAML reads NO as false)"
            if isinstance(listed, list) and any(isinstance(item, bool) for item in listed)
            else ""
        )
        problems.add(
            f"{where}: 'privacy.countries' must be a list of country codes (ISO 3166-1 "
            f"alpha-2, as GB or FR){hint}"
        )
        return ()
    if not listed:
        return ()
    from .rules.national_phones import region_codes  # imports phonenumbers: only if listed

    known = region_codes()
    codes: list[str] = []
    for item in listed:
        code = item.strip().upper()
        if code in known:
            codes.append(code)
            continue
        problems.add(
            f"{where}: 'privacy.countries' lists {item!r}, which is no country code that "
            "phone numbers are known for (ISO 3166-1 alpha-2, as GB or FR)"
            + _country_hint(code, known)
        )
    return tuple(dict.fromkeys(codes))


def _country_hint(code: str, known: frozenset[str]) -> str:
    """` (did you mean 'GB'?)` for a code written otherwise (`UK`, `GBR`, by CLDR's
    aliases of territories) or close to a known one; "" if none is."""
    from babel.core import get_global  # CLDR's data: only for a code that is wrong

    meant = [alias for alias in get_global("territory_aliases").get(code, ()) if alias in known]
    if len(meant) == 1:
        return f" (did you mean '{meant[0]}'?)"
    return did_you_mean(code, known)


def _exclude_patterns(
    patterns: tuple[str, ...], where: str, problems: _Problems
) -> tuple[str, ...]:
    """`patterns` with blank lines and comments left out, each checked as MkDocs checks
    them (a pattern pathspec cannot read is an error there too)."""
    kept = tuple(pattern for pattern in patterns if pattern.strip() and not pattern.startswith("#"))
    try:
        pathspec.GitIgnoreSpec.from_lines(kept)
    except ValueError as error:
        problems.add(f"{where}: 'exclude_docs': {error}")
        return ()
    return kept


TODAY_VARIABLE = "HANDBOOK_TODAY"


def _today(where: str, problems: _Problems) -> dt.date:
    """The date the checks take as today (review dates fall due against it): the
    system's, or `HANDBOOK_TODAY=YYYY-MM-DD`, to see which reviews a coming meeting will
    find overdue, or to check a handbook as of a fixed day."""
    written = os.environ.get(TODAY_VARIABLE, "").strip()
    if not written:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(written)
    except ValueError:
        problems.add(f"{where}: {TODAY_VARIABLE} is {written!r}; expected a date, YYYY-MM-DD")
        return dt.date.today()


def _unless_empty(value: Any, default: Any) -> Any:
    """`value`, or `default` for an option written with nothing after it (YAML's null)."""
    return default if value is None else value


def _choice(
    value: Any, choices: tuple[str, ...], name: str, where: str, problems: _Problems
) -> str | None:
    """`value` if it is one of `choices`; else None, and the problem is added."""
    if not isinstance(value, str) or value not in choices:
        found = "empty" if value is None else as_written(value)
        hint = ""
        if isinstance(value, str):
            # Written in another case, a choice is the one meant: `ERROR` is `error`.
            same = next((choice for choice in choices if choice.lower() == value.lower()), None)
            hint = f" (did you mean '{same}'?)" if same else did_you_mean(value.lower(), choices)
        if value is True:  # YAML 1.1 reads `on` and `yes` as true, as `off` as false
            hint = " (YAML reads on, yes and true alike as true)"
        problems.add(f"{where}: '{name}' is {found}; expected one of: {', '.join(choices)}{hint}")
        return None
    return value
