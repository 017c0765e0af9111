"""The plugin's `rules` option: the level each rule it names is given."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..hints import did_you_mean
from .problems import Problems
from .settings import RULE_LEVELS, RuleLevel
from .values import choice


def rule_levels(rules: Any, at: Callable[[str], str]) -> tuple[dict[str, RuleLevel], list[str]]:
    """The `rules` option as the checks read it: each rule it names, by its id, with the
    level it is given (a bare `off`, which YAML reads as false, is "off"); and what is
    wrong in it, each problem placed by `at` (a dotted option name -> `mkdocs.yml:14`).
    `handbook diff` reads a revision's with it, whatever else is wrong there."""
    from ..rules import RULES  # the rule registry names the valid rule ids

    if rules is None:  # `rules:` with nothing under it is unset
        return {}, []
    if not isinstance(rules, dict):
        return {}, [f"{at('rules')}: 'rules' must map rule ids to error, warning, info or off"]
    problems = Problems()
    levels: dict[str, RuleLevel] = {}
    for rule_id, level in rules.items():
        if rule_id not in RULES:
            family = sorted(rule for rule in RULES if rule.startswith(f"{rule_id}."))
            hint = (
                f" (rules are named in full: {', '.join(family)})"
                if family
                else did_you_mean(rule_id, RULES)
            )
            problems.add(f"{at(f'rules.{rule_id}')}: unknown rule '{rule_id}' in 'rules'{hint}")
            continue
        # YAML reads a bare `off` as False: accept it as the word it was meant to be.
        level_name = "off" if level is False else level
        where_set = at(f"rules.{rule_id}")
        chosen = choice(level_name, RULE_LEVELS, f"rules.{rule_id}", where_set, problems)
        if chosen is not None:
            levels[rule_id] = chosen  # type: ignore[assignment]
    return levels, problems.found
