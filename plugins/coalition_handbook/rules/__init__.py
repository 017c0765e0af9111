"""The rules of DESIGN section 5: their ids and default severities, and the checks.

A rule module defines `check(context: CheckContext) -> Iterator[Finding]`, and
`coalition_handbook.check` runs every module of this package that has one (but those
whose every rule the settings turn off). A module's findings are those of its `RULE`, or
of each rule in its `REPORTS` where it has one. The other modules (`base`, and helpers
such as `privacy_phones` or `privacy_streets`, which the rule modules import) define no
`check`. Schema findings come from the loader, not from a rule module.
"""

from __future__ import annotations

from .base import RULES, CheckContext, Rule

__all__ = ["RULES", "CheckContext", "Rule"]
