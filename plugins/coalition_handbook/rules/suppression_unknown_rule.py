"""suppression.unknown-rule: a suppression comment naming no rule, or misspelt. A
misspelt name (`term.avoidd`) switches nothing off, and without this finding the editor
would only see the finding they meant to silence, with no word of why; a misspelt
keyword (`handbook-enabled`) is no comment at all, and checks switched off before it
stay off to the end of the page.

A name written as a rule's (with a dot: `term.avoidd`, `privacy-pii`), or a few letters
from one (`privcy`, `terms`), is reported on its own, with the rule it may mean. Other
words (`because it is quoted`: a reason, which markdownlint's comments have no place
for either) are reported once for each run of them, with no rule to suggest: hinting
`term.case` for `because` would only mislead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import groupby

from ..findings import Finding
from ..hints import did_you_mean, edit_distance, nearest
from ..suppression import ACTIONS, ALL_RULES, Directive, shared_suppressions
from .base import RULES, CheckContext

RULE = "suppression.unknown-rule"

# A rule is named by its id, its family ("term") or the family's pattern ("term.*").
_FAMILIES = {rule_id.partition(".")[0] for rule_id in RULES}
KNOWN_NAMES = frozenset({*RULES, *_FAMILIES, *(f"{family}.*" for family in _FAMILIES), ALL_RULES})
_RULES_AND_FAMILIES = sorted({*RULES, *_FAMILIES})
_LONGEST_NAME = max(map(len, _RULES_AND_FAMILIES))
# What ends a sentence or a bracket around a word of a reason: not part of a name.
_PUNCTUATION = ".,;:!?()'\""
# A name's family, and the mark after it (`.`, `*`, `-`, `_`), if any.
_RULE_SHAPE = re.compile(r"([^.*_-]*)([.*_-]?)")
# The most of a run of words a finding quotes: a comment may hold a page of them.
_LONGEST_QUOTE = 80


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
            yield from _unknown_names(context, path, directive)


def _unknown_names(context: CheckContext, path: str, directive: Directive) -> Iterator[Finding]:
    """A finding for each name of `directive` that is written as a rule's but names none,
    and one for each run of other words."""
    switches = "on" if directive.action == "enable" else "off"
    named = zip(directive.rules, directive.places, strict=True)
    for kind, run in groupby(named, key=lambda name_and_place: _kind(name_and_place[0])):
        if kind == "rule":
            continue
        names = list(run)
        if kind == "words":
            phrase = " ".join(name for name, _ in names)
            if len(phrase) > _LONGEST_QUOTE:
                phrase = phrase[: _LONGEST_QUOTE - 1].rstrip() + "\u2026"
            (line, column) = names[0][1]
            yield context.finding(
                RULE,
                path,
                line,
                column,
                f"handbook-{directive.action} names '{phrase}', which names no rule, so it "
                f"switches nothing {switches} (it takes rule ids only; a reason goes in a "
                "comment of its own)",
                found=names[0][0],
            )
            continue
        for name, (line, column) in names:
            yield context.finding(
                RULE,
                path,
                line,
                column,
                f"handbook-{directive.action} names '{name}', which is no rule, so it "
                f"switches nothing {switches}{did_you_mean(name, _RULES_AND_FAMILIES)}",
                found=name,
            )


def _kind(name: str) -> str:
    """What `name` is: "rule" where it names rules, "misspelt" where it is written as a
    rule's name is but names none, "words" where it is any other word."""
    if name.lower() in KNOWN_NAMES:
        return "rule"
    return "misspelt" if _looks_like_a_rule(name) else "words"


@lru_cache(maxsize=4096)
def _looks_like_a_rule(name: str) -> bool:
    """Whether `name` is written as a rule id is (a family, or one a letter from it, then
    `.`, `*`, `-` or `_`: `term.avoidd`, `trem.*`, `privacy-pii`, `term_avoid`) or is a
    letter or two from a rule or a family (`privcy`, `terms`), rather than a word of the
    author's (`because`, `quoted.`, `e.g.`, `survivor-led`, `polarisproject.org`).
    Cached, and cheap for a long word: a comment may hold a whole page of them."""
    word = name.lower().strip(_PUNCTUATION)
    if len(word) > _LONGEST_NAME + 2 or "/" in word:  # no rule's name holds a `/` (a URL)
        return False
    shape = _RULE_SHAPE.match(word)
    assert shape is not None  # each of its parts may be empty
    family, separator = shape.groups()
    if separator:  # `term.avoidd`, `privacy-pii`: else a word (`polarisproject.org`, `e.g.`)
        return any(edit_distance(family, known) <= 1 for known in _FAMILIES)
    allowed = 1 if len(word) <= 5 else 2
    return any(
        abs(len(word) - len(known)) <= allowed and edit_distance(word, known) <= allowed
        for known in _RULES_AND_FAMILIES
    )


def _nearest_action(action: str) -> str | None:
    """The action a misspelt one is near (`disabled`, `disable_next_line`), or None: a
    word near none is no misspelling, but another use of a `handbook-` comment."""
    return nearest(action.replace("_", "-"), ACTIONS)
