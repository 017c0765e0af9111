"""The suppression comments a change adds, for the report of `handbook diff`.

A `<!-- handbook-disable -->` that names no rule switches every check off (DESIGN
section 5), `privacy.pii` and `link.unsafe` too, and `handbook check` then says nothing
of what follows it: the report names each comment a change adds, so that a reviewer
sees what it silences (security audit). It is information, and fails no diff.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..model.types import Handbook
from ..suppression import ACTIONS, Directive, Suppressions, handbook_suppressions
from .report_markdown import inline_code

# The comments that switch checks off; `handbook-enable` switches them on again.
_SWITCHING_OFF = tuple(action for action in ACTIONS if action != "enable")


@dataclass(frozen=True)
class AddedSuppression:
    """One suppression comment that the head has and the base had not."""

    path: str
    line: int
    action: str  # "disable", "disable-next-line" or "disable-line"
    rules: tuple[str, ...]  # as written; empty: every rule


def added_suppressions(before: Handbook, after: Handbook) -> list[AddedSuppression]:
    """The comments that switch checks off in `after` and not in `before`, by file and
    line. A file's comments are told apart by what they say, not by their line: text
    added above a comment moves it, and adds none. Of several alike, those beyond the
    number the base had are the added ones (the last of them)."""
    old = handbook_suppressions(before)
    added: list[AddedSuppression] = []
    for path, suppressions in sorted(handbook_suppressions(after).items()):
        had = Counter(_said(directive) for directive in _switching_off(old.get(path)))
        now = _switching_off(suppressions)
        left = Counter(_said(directive) for directive in now) - had
        for directive in reversed(now):
            said = _said(directive)
            if left[said] > 0:
                left[said] -= 1
                added.append(AddedSuppression(path, directive.line, *said))
    return sorted(added, key=lambda comment: (comment.path, comment.line))


def _switching_off(suppressions: Suppressions | None) -> list[Directive]:
    if suppressions is None:
        return []
    return [
        directive for directive in suppressions.directives if directive.action in _SWITCHING_OFF
    ]


def _said(directive: Directive) -> tuple[str, tuple[str, ...]]:
    """What a comment says: its action and the rules it names, in any case."""
    return directive.action, tuple(rule.lower() for rule in directive.rules)


def suppressions_section(added: Sequence[AddedSuppression]) -> list[str]:
    """The report's lines for the comments added: none if there are none."""
    if not added:
        return []
    lines = [
        "### Checks switched off",
        "",
        "This change adds these suppression comments: `handbook check` reports nothing that "
        "they switch off. One that names no rule switches off every rule, `privacy.pii` and "
        "`link.unsafe` among them.",
        "",
    ]
    for comment in added:
        named = ", ".join(map(inline_code, comment.rules)) if comment.rules else "**all rules**"
        where = inline_code(f"{comment.path}:{comment.line}")
        lines.append(f"- {where}: `handbook-{comment.action}`, {named}")
    return [*lines, ""]
