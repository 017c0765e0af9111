"""The MkDocs plugin `handbook`: the only module that imports MkDocs.

It turns the plugin's options into a `HandbookConfig`, runs the engine's checks once per
build and reports every finding through the MkDocs logger as `path:line:col`. Errors fail
the build always, warnings under `--strict`; both stop it before the old site is cleaned.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from .check import CheckResult, run_checks
from .config import (
    AUTOLINK_MODES,
    PAPER_SIZES,
    RULE_LEVELS,
    ConfigError,
    HandbookConfig,
    build_config,
)
from .findings import Finding, Severity
from .rules import RULES

log = get_plugin_logger(__name__)

_LOG_LEVELS = {
    Severity.ERROR: logging.ERROR,
    Severity.WARNING: logging.WARNING,
    Severity.INFO: logging.INFO,
}


class _RuleLevel(opt.BaseConfigOption[str]):
    """A rule's level; YAML reads a bare `off` as false, so false means off."""

    def run_validation(self, value: object) -> str:
        level = "off" if value is False else value
        if level not in RULE_LEVELS:
            raise base.ValidationError(f"expected one of {', '.join(RULE_LEVELS)}, got {value!r}")
        return str(level)


class _PrivacyConfig(base.Config):
    allow = opt.ListOfItems(opt.Type(str), default=[])
    """Public numbers and addresses (hotlines) that privacy.pii accepts."""


class HandbookPluginConfig(base.Config):
    enabled = opt.Type(bool, default=True)
    """Turn the plugin off without removing it from mkdocs.yml."""
    glossary_dir = opt.Type(str, default="glossary")
    """Folder of term files, relative to mkdocs.yml."""
    protocols_dir = opt.Type(str, default="protocols")
    """Folder of protocol files, relative to mkdocs.yml."""
    modules_dir = opt.Type(str, default="modules")
    """Folder of training modules, relative to docs_dir."""
    autolink = opt.Choice(AUTOLINK_MODES, default="first")
    """Link the first use of a term on each page, every use, or none."""
    known_acronyms = opt.ListOfItems(opt.Type(str), default=[])
    """All-caps words that term.unknown-acronym accepts."""
    privacy = opt.SubConfig(_PrivacyConfig)
    """`allow`: public contact details that privacy.pii accepts."""
    rules = opt.DictOfItems(_RuleLevel(), default={})
    """Rule id -> error, warning, info or off."""
    handouts = opt.Type(bool, default=True)
    """Render a PDF handout for every training module."""
    paper_size = opt.Choice(PAPER_SIZES, default="A4")
    """Paper of the handouts: A4 or Letter."""


class HandbookPlugin(BasePlugin[HandbookPluginConfig]):
    def __init__(self) -> None:
        self.handbook_config: HandbookConfig | None = None
        self.result: CheckResult | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        options: dict[str, Any] = {
            key: value for key, value in self.config.items() if key != "enabled"
        }
        options["privacy"] = {"allow": list(self.config.privacy.allow)}
        unknown = set(self.config.rules) - set(RULES)
        if unknown:
            raise PluginError(
                f"handbook: unknown rule id(s) in 'rules': {', '.join(sorted(unknown))}"
            )
        try:
            self.handbook_config = build_config(
                root=Path(config.config_file_path).parent,
                docs_dir=config.docs_dir,
                options=options,
                site_name=config.site_name,
                markdown_extensions=tuple(str(name) for name in config.markdown_extensions),
                where=Path(config.config_file_path).name,
            )
        except ConfigError as error:
            raise PluginError(f"handbook: {error}") from None
        return config

    # Early, before the old site is cleaned: a failing check must leave it in place.
    @event_priority(50)
    def on_pre_build(self, config: MkDocsConfig) -> None:
        if self.handbook_config is None:
            return
        self.result = run_checks(self.handbook_config)
        for finding in self.result.findings:
            log.log(_LOG_LEVELS[finding.severity], _describe(finding))
        failing = self.result.failing(strict=bool(config.strict))
        if failing:
            errors = sum(finding.severity is Severity.ERROR for finding in failing)
            raise PluginError(
                f"handbook: {errors} error(s) and {len(failing) - errors} warning(s) "
                f"under --strict; the site was not rebuilt"
                if config.strict
                else f"handbook: {errors} error(s); the site was not rebuilt"
            )


def _describe(finding: Finding) -> str:
    return f"{finding.location()}: {finding.rule} {finding.message}"
