"""The options of the plugin `handbook` in mkdocs.yml, as MkDocs validates them.

`HandbookPlugin.on_config` passes them to the engine's `build_config`
(`coalition_handbook.config`), which makes the `HandbookConfig` the checks and pages use.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as opt

from ..config.settings import AUTOLINK_MODES, PAPER_SIZES, RULE_LEVELS


class _RuleLevel(opt.BaseConfigOption[str]):
    """A rule's level; YAML reads a bare `off` as false, so false means off."""

    def run_validation(self, value: object) -> str:
        level = "off" if value is False else value
        if level not in RULE_LEVELS:
            raise base.ValidationError(f"expected one of {', '.join(RULE_LEVELS)}, got {value!r}")
        return str(level)


# An option written with nothing after it (`rules:` with every line under it commented
# out) is unset, as `handbook check` reads it; MkDocs would refuse it.
class _ListOfItems(opt.ListOfItems):
    def run_validation(self, value: object) -> list[Any]:
        return super().run_validation([] if value is None else value)


class _DictOfItems(opt.DictOfItems):
    def run_validation(self, value: object) -> dict[str, Any]:
        return super().run_validation({} if value is None else value)


class _PrivacyConfig(base.Config):
    allow = _ListOfItems(opt.Type(str), default=[])
    """Public numbers and addresses (hotlines) that privacy.pii accepts."""
    countries = _ListOfItems(opt.Type(str), default=[])
    """Countries (ISO 3166-1 alpha-2 codes, as GB) whose national phone formats
    privacy.pii reads too."""


class _PrivacyOption(opt.SubConfig[_PrivacyConfig]):
    def run_validation(self, value: object) -> _PrivacyConfig:
        return super().run_validation({} if value is None else value)


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
    known_acronyms = _ListOfItems(opt.Type(str), default=[])
    """All-caps words that term.unknown-acronym accepts."""
    privacy = _PrivacyOption()
    """`allow`: public contact details that privacy.pii accepts; `countries`: whose
    national phone formats it reads."""
    rules = _DictOfItems(_RuleLevel(), default={})
    """Rule id -> error, warning, info or off."""
    handouts = opt.Type(bool, default=True)
    """Render a PDF handout for every training module."""
    paper_size = opt.Choice(PAPER_SIZES, default="A4")
    """Paper of the handouts: A4 or Letter."""
