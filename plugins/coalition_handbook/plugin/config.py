"""The options of the plugin `handbook` in mkdocs.yml, as MkDocs validates them.

`HandbookPlugin.on_config` passes them to the engine's `build_config`
(`coalition_handbook.config`), which makes the `HandbookConfig` the checks and pages use.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt

from ..config import AUTOLINK_MODES, PAPER_SIZES, RULE_LEVELS


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
