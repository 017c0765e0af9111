"""`load_config`: mkdocs.yml read as the CLI reads it, its own settings and the
`handbook` plugin's options checked as MkDocs and the build would, into a
`HandbookConfig`."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..blog_authors import blog_author_texts
from ..config_yml import (
    PLUGIN_NAME,
    ConfigError,
    as_written,
    is_folder_name,
    options_that_run,
    plugin_instances,
    read_config_file,
)
from ..extension_list import definition_lists_on
from ..include_markdown_settings import include_markdown_settings
from ..listed_plugins import refused_plugins
from ..snippet_settings import snippet_settings
from ..theme_language import plurals_package_problem
from ..windows_paths import windows_hint
from .build_settings import not_installed_notes, refused_build_settings
from .options import build_config
from .problems import Problems
from .settings import FOLDER_OPTIONS, HandbookConfig
from .site_settings import (
    language_tag,
    material_language_problem,
    named_from_folder,
    site_address,
    site_texts,
    site_url_refused,
)
from .values import true_or_false
from .zensical_toml import toml_config_problem


def load_config(
    config_file: Path,
    today: dt.date | None = None,
    *,
    require_folders: bool = True,
    shown_as: str | None = None,
    refuse_site_url: bool = False,
    refuse_plugins: bool = False,
    refuse_build_settings: bool = False,
    notes: list[str] | None = None,
) -> HandbookConfig:
    """Read mkdocs.yml and the `handbook` plugin's options in it. With `require_folders`
    (to check or build, not to scaffold a first file), a folder named in it that is not
    there is an error. With `refuse_site_url` (to check), a `site_url` MkDocs refuses
    (`site_url_refused`) is an error too, as it is to the build; `handbook handouts`
    makes the handouts all the same, and says so. With `refuse_plugins` (to check), so is
    a plugin listed beside the handbook that the build stops on (`refused_plugins`); with
    `refuse_build_settings` (to check), a `nav` or `hooks` MkDocs refuses, and `notes`
    given has a note added for each theme or plugin that is not installed here
    (`config.build_settings`). Messages name the file `shown_as` (see `shown_name`), by
    default by its name alone."""
    where = shown_as or config_file.name
    config_file = _existing_file(config_file, shown_as)
    if (toml := toml_config_problem(config_file, where)) is not None:
        raise ConfigError(toml)
    root = config_file.parent
    data, lines, script_links, shown_texts = read_config_file(config_file, where, seen=())
    instances = plugin_instances(
        data.get("plugins"), lines.get("plugins", where), lines.get(PLUGIN_NAME, where)
    )
    options = options_that_run(instances)
    problems = Problems()
    rules = options.get("rules")
    # link.unsafe turned off lets such a link through here as in the pages.
    if not (isinstance(rules, dict) and rules.get("link.unsafe") in ("off", False)):
        for _, problem in script_links:
            problems.add(problem)
    _plugins_problems(data, lines, where, instances, refuse_plugins, problems)
    docs_dir, options = _docs_dir(
        data, options, lines, where, root, require_folders=require_folders, problems=problems
    )
    exclude_docs = _exclude_docs(data, lines, where, problems)
    draft_docs = _exclude_docs(data, lines, where, problems, name="draft_docs")
    site_dir = _site_dir(data, lines, where, problems)
    strict = true_or_false(data, "strict", False, lines.get("strict", where), problems)
    directory_urls = true_or_false(
        data, "use_directory_urls", True, lines.get("use_directory_urls", where), problems
    )
    snippets, snippet_problems = snippet_settings(
        data.get("markdown_extensions"),
        lines.get("markdown_extensions", where),
        root,
        root / ("docs" if docs_dir is None else docs_dir),
    )
    for problem in snippet_problems:
        problems.add(problem)
    theme = data.get("theme")
    if isinstance(theme, dict):
        language = material_language_problem(theme, root, lines, where)
        if language is not None:
            problems.add(language)
        plurals = plurals_package_problem(theme.get("language"), lines.get("theme.language", where))
        if plurals is not None:
            problems.add(plurals)
    try:
        config = build_config(
            root=root,
            docs_dir="docs" if docs_dir is None else docs_dir,
            options=options,
            site_name=str(data.get("site_name") or "Handbook"),
            where=where,
            today=today,
            require_folders=require_folders,
            option_lines=lines,
            exclude_docs=tuple((exclude_docs or "").splitlines()),
            draft_docs=tuple((draft_docs or "").splitlines()),
            strict=strict,
            site_dir=site_dir,
            use_directory_urls=directory_urls,
            language=language_tag(theme.get("language") if isinstance(theme, dict) else None),
            # `!ENV SITE_URL` read as MkDocs reads it (`config_yml`): the build
            # and `handbook handouts` print the same address.
            site_url=site_address(data.get("site_url")),
            config_name=config_file.name,
        )
    except ConfigError as error:
        for problem in error.problems:
            problems.add(problem)
    refused = site_url_refused(data.get("site_url"), lines.get("site_url", where))
    if refuse_site_url and refused:
        problems.add(refused)
    if refuse_build_settings:
        for problem in refused_build_settings(data, lines, where, root, config_file.name):
            problems.add(problem)
    if notes is not None:
        notes.extend(not_installed_notes(data, lines, where))
    problems.raise_any()
    return replace(
        config,
        plugin_listed=bool(instances),
        site_url_refused=refused,
        snippets=snippets,
        definition_lists=definition_lists_on(data.get("markdown_extensions")),
        validation=data.get("validation"),
        markdown_includes=include_markdown_settings(data.get("plugins")),
        site_texts=site_texts(data, lines, where, root),
        shown_texts=(
            *(replace(text, where=named_from_folder(text.where, where)) for text in shown_texts),
            *blog_author_texts(
                data.get("plugins"), root, "docs" if docs_dir is None else docs_dir, where
            ),
        ),
    )


def _plugins_problems(
    data: Mapping[str, Any],
    lines: Mapping[str, str],
    where: str,
    instances: Sequence[tuple[Any, bool]],
    refuse_plugins: bool,
    problems: Problems,
) -> None:
    """Add what the build would stop on or repeat in mkdocs.yml's `plugins`, where the
    handbook plugin is listed as `instances` (each with whether it runs): with
    `refuse_plugins`, a plugin beside it the build stops on (`refused_plugins`); the
    handbook plugin listed more than once."""
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


def _existing_file(config_file: Path, shown_as: str | None) -> Path:
    """`config_file` as an absolute path, or a `ConfigError` where it is a folder or is
    not there. Not resolved: MkDocs reads the folders from where mkdocs.yml is named, a
    link or not (os.path.abspath, as MkDocs, takes `..` off by name)."""
    if config_file.is_dir():
        raise ConfigError(_folder_given(config_file, shown_as or str(config_file)))
    absolute = Path(os.path.abspath(config_file))  # noqa: PTH100
    if not absolute.exists():
        # As named: `-f .\mkdocs.yml` and `-f MkDocs.yml` name it on Windows alone.
        hint = windows_hint(Path.cwd(), str(config_file), folder=False)
        raise ConfigError(f"{shown_as or absolute}: no such file{hint}")
    return absolute


def _folder_given(folder: Path, shown_as: str) -> str:
    """The message for `-f FOLDER` (named `shown_as`): name the file that was surely
    meant, if it is there."""
    inside = folder / "mkdocs.yml"
    meant = (Path(shown_as) / "mkdocs.yml").as_posix()
    hint = f": did you mean -f {meant}?" if inside.is_file() else ""
    return f"{shown_as}: is a folder; -f takes the site's config file, mkdocs.yml{hint}"


def _docs_dir(
    data: Mapping[str, Any],
    options: dict[str, Any],
    lines: Mapping[str, str],
    where: str,
    root: Path,
    *,
    require_folders: bool,
    problems: Problems,
) -> tuple[Any, dict[str, Any]]:
    """mkdocs.yml's `docs_dir` (None where unset) and the plugin's `options`, each folder
    name that is no folder's reported and then left out, so that `build_config` reads
    it as its default and does not report it twice."""
    docs_dir = data.get("docs_dir")
    named = (("docs_dir", docs_dir), *((key, options.get(key)) for key in FOLDER_OPTIONS))
    for name, value in named:
        if value is not None and not is_folder_name(value):
            problems.add(
                f"{lines.get(name, where)}: '{name}' must be a folder's name "
                f"(found {as_written(value)})"
            )
            if name == "docs_dir":
                docs_dir = None
            else:
                options = {key: setting for key, setting in options.items() if key != name}
    if require_folders and docs_dir is not None and not (root / docs_dir).is_dir():
        # As MkDocs refuses it: a typo would silently check no page at all.
        where_set = lines.get("docs_dir", where)
        hint = windows_hint(root, docs_dir, folder=True)
        problems.add(f"{where_set}: docs_dir '{docs_dir}' is not a folder{hint}")
    return docs_dir, options


def _exclude_docs(
    data: Mapping[str, Any],
    lines: Mapping[str, str],
    where: str,
    problems: Problems,
    name: str = "exclude_docs",
) -> str | None:
    """mkdocs.yml's `exclude_docs` (or `name`: `draft_docs`), the patterns in one string;
    None where it is unset or is no string (reported)."""
    patterns = data.get(name)
    if patterns is not None and not isinstance(patterns, str):
        problems.add(
            f"{lines.get(name, where)}: '{name}' must be gitignore-style "
            "patterns, one a line, in one string (a `|` block)"
        )
        return None
    return patterns


def _site_dir(
    data: Mapping[str, Any], lines: Mapping[str, str], where: str, problems: Problems
) -> Any:
    """mkdocs.yml's `site_dir`; None where it is unset or no folder's name (reported)."""
    site_dir = data.get("site_dir")
    if site_dir is not None and not is_folder_name(site_dir):
        where_set = lines.get("site_dir", where)
        problems.add(
            f"{where_set}: 'site_dir' must be a folder's name (found {as_written(site_dir)})"
        )
        return None
    return site_dir
