"""Where the handbook uses forms whose status changed, found by the terminology engine.

Every text that `handbook check` reads is searched (DESIGN section 4): pages, module
front matter, protocols and the other terms' definitions, by the same scan
(`documents.scan`), so a use listed here is a use the check sees; one that a
`handbook-disable` comment silences is told apart, as the check does not report it, and
so is one whose rule the plugin's `rules:` setting turns off or gives another severity.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ..documents import scan
from ..forms import ENGLISH, form_key
from ..matching import Match, Matcher
from ..model.types import Handbook
from ..rules import term_avoid, term_case, term_deprecated
from ..rules.base import RULES, rule_level
from ..suppression import Suppressions, handbook_suppressions
from .changes_model import FormStatusChange


@dataclass(frozen=True, order=True)
class Use:
    """One use of a form: `found` is the text as written at `line`:`column` of `path`;
    `case_ok` is False where its term is case-sensitive and `found` is in another case
    (a `term.case` finding: one in capitals in a sentence all in capitals is not, see
    term_case.in_capitals_places); `silenced`, where the check would report it but a
    `handbook-disable` comment switches its rule off there; `rule`, the rule the check
    reports it by (None: none), and `level`, what the `rules:` setting makes that rule
    where it is not the rule's default: "off", or another severity."""

    path: str
    line: int
    column: int
    found: str
    case_ok: bool = True
    silenced: bool = False
    rule: str | None = None
    level: str | None = None


def find_uses(
    changes: Iterable[FormStatusChange],
    old: Handbook,
    new: Handbook,
    levels: Mapping[str, str] = MappingProxyType({}),
    acronyms: Collection[str] = frozenset(),
    *,
    definition_lists: bool = True,
    language: str = ENGLISH,
) -> dict[str, list[Use]]:
    """The uses in `new` of each changed form, by its key (`FormStatusChange.key`), each place
    once, in path, line and column order; `levels`, the `rules:` setting; `acronyms`,
    the `known_acronyms` one; `definition_lists`, whether the site runs def_list (a use
    in a definition's indented code is none without it, as for the check); `language`,
    whose plurals the forms take (`forms.inflection_language`), the changes' own.

    A form that is still a form of some term is looked for with the matcher of `new`, so
    the places are those `handbook check` sees (a longer form that contains it wins, as
    there). A form no term has any more is looked for with the matcher of `old`: `new`'s
    does not know it. Each matcher is compiled, and the handbook scanned, at most once.
    """
    still_forms: set[str] = set()
    gone: set[str] = set()
    for change in changes:
        key = change.key
        (gone if change.new is None else still_forms).add(key)
    uses: dict[str, set[Use]] = {}
    if still_forms:
        suppressions = handbook_suppressions(new, definition_lists=definition_lists)
        reported = (suppressions, levels)
        _collect(new, new, still_forms, uses, reported, acronyms, definition_lists, language)
    if gone:  # the check reports no use of a form no term has: none is silenced
        _collect(new, old, gone, uses, None, acronyms, definition_lists, language)
    return {key: sorted(found) for key, found in uses.items()}


def _collect(
    handbook: Handbook,
    side: Handbook,
    wanted: set[str],
    uses: dict[str, set[Use]],
    reported: tuple[Mapping[str, Suppressions], Mapping[str, str]] | None,
    acronyms: Collection[str],
    definition_lists: bool,
    language: str,
) -> None:
    """Add to `uses` the uses in `handbook` of the `wanted` forms of `side`'s terms. Where
    the check reports them (`reported`: the suppression comments by path, and the
    `rules:` setting; None: it does not), by which rule, whether a comment silences the
    finding, and what the setting makes its rule."""
    suppressions, levels = reported or ({}, {})
    case_sensitive = {term.id: term.case_sensitive for term in side.terms.values()}
    matcher = Matcher.from_terms(side.terms.values(), language)
    for document in scan(handbook, matcher, definition_lists=definition_lists):
        in_file = suppressions.get(document.path)
        # A use in capitals in a sentence all in capitals is in no other case for the
        # check (term.case), nor here: one definition, term_case.in_capitals_places.
        typographic = (
            term_case.in_capitals_places(document, acronyms)
            if any(not located.match.case_ok for located in document.matches)
            else frozenset()
        )
        for located in document.matches:
            match = located.match
            key = form_key(match.form, case_sensitive.get(match.term_id, False), language)
            if key in wanted:
                case_ok = match.case_ok or (located.line, located.column) in typographic
                rule = _reported_as(match, case_ok) if reported else None
                silenced = (
                    bool(in_file) and rule is not None and in_file.suppresses(rule, located.line)
                )
                uses.setdefault(key, set()).add(
                    Use(
                        located.path,
                        located.line,
                        located.column,
                        located.found,
                        case_ok,
                        silenced,
                        rule,
                        _level(levels, rule),
                    )
                )


def _level(levels: Mapping[str, str], rule: str | None) -> str | None:
    """What the `rules:` setting makes `rule`, as `handbook check` applies it, where that
    is not its default severity: "off", or another severity; else None."""
    if rule is None:
        return None
    level = rule_level(levels, rule)
    return None if level in (None, RULES[rule].default.value) else level


def _reported_as(match: Match, case_ok: bool) -> str | None:
    """The rule `handbook check` reports a use by, or None where it reports none;
    `case_ok`, whether the check takes it for written in its case (`Use.case_ok`)."""
    if match.kind == "avoid":
        return term_avoid.RULE
    if match.kind == "deprecated":
        return term_deprecated.RULE
    return None if case_ok else term_case.RULE
