"""suppression.unknown-rule: a suppression comment naming no rule, or misspelt. A
misspelt name (`term.avoidd`) switches nothing off, and without this finding the editor
would only see the finding they meant to silence, with no word of why; a misspelt
keyword (`handbook-enabled`) is no comment at all, and checks switched off before it
stay off to the end of the page."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..hints import did_you_mean, nearest
from ..suppression import ACTIONS, ALL_RULES, shared_suppressions
from .base import RULES, CheckContext

RULE = "suppression.unknown-rule"

# A rule is named by its id, its family ("term") or the family's pattern ("term.*").
_FAMILIES = {rule_id.partition(".")[0] for rule_id in RULES}
KNOWN_NAMES = frozenset({*RULES, *_FAMILIES, *(f"{family}.*" for family in _FAMILIES), ALL_RULES})


def check(context: CheckContext) -> Iterator[Finding]:
    for path, suppressions in shared_suppressions(context).items():
        for directive in suppressions.directives:
            if directive.action not in ACTIONS:
                keyword, *named = directive.rules
                nearest = _nearest_action(directive.action)
                if nearest is None and not any(name.lower() in KNOWN_NAMES for name in named):
                    continue  # a note of the author's (`<!-- handbook-wide: ... -->`)
                line, column = directive.places[0]
                hint = f" (did you mean 'handbook-{nearest}'?)" if nearest else ""
                yield context.finding(
                    RULE,
                    path,
                    line,
                    column,
                    f"'{keyword}' is no suppression comment, so it does nothing{hint}",
                    found=keyword,
                )
                continue
            switches = "on" if directive.action == "enable" else "off"
            for name, (line, column) in zip(directive.rules, directive.places, strict=True):
                if name.lower() not in KNOWN_NAMES:
                    yield context.finding(
                        RULE,
                        path,
                        line,
                        column,
                        f"handbook-{directive.action} names '{name}', which is no rule, "
                        f"so it switches nothing {switches}{did_you_mean(name, RULES)}",
                        found=name,
                    )


def _nearest_action(action: str) -> str | None:
    """The action a misspelt one is near (`disabled`, `disable_next_line`), or None: a
    word near none is no misspelling, but another use of a `handbook-` comment."""
    return nearest(action.replace("_", "-"), ACTIONS)
