"""The plugin's options, as written in mkdocs.yml or as MkDocs validated them, checked
and resolved into a `HandbookConfig` by `build_config`."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..config_yml import PLUGIN_NAME
from ..hints import did_you_mean
from .folders import folder_option_problems, record_folder_problems, site_dir_problems
from .known_acronyms import known_acronyms
from .privacy import privacy_settings
from .problems import Problems
from .rule_levels import rule_levels
from .settings import AUTOLINK_MODES, OPTION_DEFAULTS, PAPER_SIZES, HandbookConfig
from .site_settings import exclude_patterns
from .today import TODAY_VARIABLE, date_begun_first, today_from_environment
from .values import choice


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
    draft_docs: tuple[str, ...] = (),
    strict: bool = False,
    site_dir: str | Path | None = None,
    use_directory_urls: bool = True,
    language: str = "en",
    site_url: str = "",
    config_name: str = "mkdocs.yml",
) -> HandbookConfig:
    """Validate the plugin's options (as written in mkdocs.yml) into a `HandbookConfig`;
    `option_lines` says where each option is written (`mkdocs.yml:14`), for the
    messages. `exclude_docs` are the site's patterns of pages left out of it (`draft_docs`
    those `mkdocs build` leaves out as drafts), `strict`
    its setting that warnings fail, `site_dir` where it is built, `use_directory_urls`
    where it publishes each page, `language` its theme's language, `site_url` its address
    (`site_address`), `config_name` the name of its config file in `root`."""
    lines = option_lines or {}

    def at(name: str) -> str:
        return lines.get(name, where)

    problems = Problems()
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
    folder_option_problems(
        merged, root, docs_path, at, require_folders=require_folders, problems=problems
    )
    site_path = (root / str(site_dir or "site")).resolve()  # MkDocs' default: site
    site_dir_problems(root, docs_path, site_path, at, problems)
    record_folder_problems(merged, root, docs_path, site_path, at, problems)

    def chosen(name: str, choices: tuple[str, ...]) -> str:
        return choice(merged[name], choices, name, at(name), problems) or OPTION_DEFAULTS[name]

    autolink = chosen("autolink", AUTOLINK_MODES)
    paper_size = chosen("paper_size", PAPER_SIZES)
    known = known_acronyms(merged["known_acronyms"], at("known_acronyms"), problems)
    allow, countries = privacy_settings(merged["privacy"], at, problems)
    levels, rule_problems = rule_levels(merged["rules"], at)
    for problem in rule_problems:
        problems.add(problem)
    for option in ("enabled", "handouts"):
        # Any value but true or false MkDocs refuses for the build.
        if not isinstance(merged[option], bool):
            problems.add(f"{at(option)}: '{option}' must be true or false")
    excluded = exclude_patterns(exclude_docs, at("exclude_docs"), problems)
    drafts = exclude_patterns(draft_docs, at("draft_docs"), problems, name="draft_docs")
    today_given = today is None and bool(os.environ.get(TODAY_VARIABLE, "").strip())
    from_clock = today is None and not today_given
    today = today or today_from_environment(where, problems)
    problems.raise_any()

    return HandbookConfig(
        root=root,
        docs_dir=docs_path,
        glossary_dir=(root / str(merged["glossary_dir"])).resolve(),
        protocols_dir=(root / str(merged["protocols_dir"])).resolve(),
        modules_dir=(docs_path / str(merged["modules_dir"])).resolve(),
        site_name=site_name,
        autolink=autolink,  # type: ignore[arg-type]
        known_acronyms=known,
        privacy_allow=allow,
        privacy_countries=countries,
        rules=levels,
        handouts=merged["handouts"],
        paper_size=paper_size,  # type: ignore[arg-type]
        today=today,
        today_given=today_given,
        newest_date_begun=date_begun_first() if from_clock else None,
        exclude_docs=excluded,
        draft_docs=drafts,
        strict=strict,
        site_dir=site_path,
        use_directory_urls=use_directory_urls,
        language=language,
        site_url=site_url,
        config_name=config_name,
    )
