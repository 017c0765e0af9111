"""The rules of DESIGN section 5: their ids and default severities, and the checks.

Every module in this package except `base` is a rule module: it defines
`check(context: CheckContext) -> Iterator[Finding]`, and `coalition_handbook.check`
runs them all but those whose every rule the settings turn off. A module's findings
are those of its `RULE`, or of each rule in its `REPORTS` where it has one. Schema
findings come from the loader, not from a rule module.
"""

from __future__ import annotations

from .base import RULES, CheckContext, Rule

__all__ = ["RULES", "CheckContext", "Rule"]
