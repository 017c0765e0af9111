"""mkdocs.yml's own settings (not the plugin's) as the handbook reads them: the site's
address, its theme's language, the texts the theme writes into every page, the pages
left out of it."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pathspec

from ..config_yml import CONSENT_TEXTS, SITE_TEXTS, as_written
from ..lazy_pattern import LazyPattern
from ..theme_language import MATERIAL, language_problem
from .problems import Problems, file_and_line
from .settings import SiteText


def site_texts(
    data: Mapping[str, Any], lines: Mapping[str, str], where: str, root: Path
) -> tuple[SiteText, ...]:
    """The settings of `SITE_TEXTS` and Material's cookie consent texts (`CONSENT_TEXTS`)
    that mkdocs.yml (named `where`, in `root`) sets to text, each at its file and line
    (`lines`, as `config_yml` gives them: `mkdocs.yml:3`)."""
    texts: list[SiteText] = []
    extra = data.get("extra")
    consent = extra.get("consent") if isinstance(extra, Mapping) else None
    consent_texts = consent if isinstance(consent, Mapping) else {}
    status = extra.get("status") if isinstance(extra, Mapping) else None
    settings = [
        *((setting, data.get(setting)) for setting in SITE_TEXTS),
        *((f"extra.consent.{key}", consent_texts.get(key)) for key in CONSENT_TEXTS),
        # The name of each of its cookies, in a label, as HTML too (`partials/consent.html`).
        *(
            (
                f"extra.consent.cookies.{key}",
                cookie.get("name") if isinstance(cookie, Mapping) else cookie,
            )
            for key, cookie in _items(consent_texts.get("cookies"))
        ),
        # Material writes a page status's title into a `title="..."` in the navigation.
        *((f"extra.status.{key}", text) for key, text in _items(status)),
    ]
    for setting, value in settings:
        if not isinstance(value, str) or not value:
            continue
        name, line = file_and_line(lines.get(setting, where))
        path = named_from_folder(name, where)
        line = line or 1  # a setting placed in no line is at the file's first
        texts.append(SiteText(setting, value, path, line, _line_of(root / path, line)))
    return tuple(texts)


def _items(mapping: object) -> list[tuple[str, object]]:
    """The items of `mapping`, keyed by text; none where it is no mapping."""
    return (
        [(str(key), value) for key, value in mapping.items()]
        if isinstance(mapping, Mapping)
        else []
    )


def named_from_folder(name: str, where: str) -> str:
    """A config file `name`d as `where` names mkdocs.yml, as findings name it: relative
    to the folder of mkdocs.yml (`base.yml`, not `sub/base.yml`)."""
    return posixpath.relpath(name, posixpath.dirname(where) or ".")


def _line_of(path: Path, line: int) -> str:
    """Line `line` of the config file at `path`, just read (UTF-8)."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return lines[line - 1] if line <= len(lines) else ""


def material_language_problem(
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
_LANGUAGE_TAG = LazyPattern(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


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


def site_url_refused(site_url: object, where: str) -> str:
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


def exclude_patterns(
    patterns: tuple[str, ...], where: str, problems: Problems, name: str = "exclude_docs"
) -> tuple[str, ...]:
    """`patterns` (of the setting `name`) with blank lines and comments left out, each
    checked as MkDocs checks them (a pattern pathspec cannot read is an error there too)."""
    kept = tuple(pattern for pattern in patterns if pattern.strip() and not pattern.startswith("#"))
    try:
        pathspec.GitIgnoreSpec.from_lines(kept)
    except ValueError as error:
        problems.add(f"{where}: '{name}': {error}")
        return ()
    return kept
