"""suppression.unknown-rule: a suppression comment naming no rule. A misspelt name
(`term.avoidd`) switches nothing off, and without this finding the editor would only see
the finding they meant to silence, with no word of why."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..hints import did_you_mean
from ..suppression import ALL_RULES, shared_suppressions
from .base import RULES, CheckContext

RULE = "suppression.unknown-rule"

# A rule is named by its id, its family ("term") or the family's pattern ("term.*").
_FAMILIES = {rule_id.partition(".")[0] for rule_id in RULES}
KNOWN_NAMES = frozenset({*RULES, *_FAMILIES, *(f"{family}.*" for family in _FAMILIES), ALL_RULES})


def check(context: CheckContext) -> Iterator[Finding]:
    for path, suppressions in shared_suppressions(context).items():
        for directive in suppressions.directives:
            for name, (line, column) in zip(directive.rules, directive.places, strict=True):
                if name.lower() not in KNOWN_NAMES:
                    yield context.finding(
                        RULE,
                        path,
                        line,
                        column,
                        f"handbook-{directive.action} names '{name}', which is no rule, "
                        f"so it switches nothing off{did_you_mean(name, RULES)}",
                        found=name,
                    )
