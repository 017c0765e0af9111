"""What a change to the `handbook` plugin's settings in mkdocs.yml makes the checks stop
saying, for the report of `handbook diff`.

One edit there silences more than any suppression comment, for the whole site: `rules:`
turns a rule off or lowers its severity; a `privacy.allow` entry is public to privacy.pii
on every page; a `known_acronyms` entry is passed by term.unknown-acronym; a country taken
out of `privacy.countries` has privacy.pii no longer read its national phone numbers;
`enabled: false` has the build check nothing. The report said "No glossary term ...
changed" of such a change (audit). Each side's settings are read as the checks read them
(`config.rule_levels`): `off`, "off" and false alike are "off", and a rule left out has
its default. What makes the checks stricter is left out: `handbook check` shows what
they then report. `autolink` is compared nowhere: it links terms, and no check reads it.
It is information, as a suppression comment is, and fails no diff.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..config.rule_levels import rule_levels
from ..config_yml import PLUGIN_NAME, options_that_run, plugin_instances, read_config_file
from ..forms import fold_case, form_key
from ..rules.base import RULES, rule_level
from ..rules.privacy_allow_list import AllowList
from ..rules.privacy_masked_text import mask_personal_data
from ..rules.privacy_pii import RULE as PII_RULE
from .report_markdown import inline_code

# The levels of a rule, from saying nothing to failing the build.
_RANK = {"off": 0, "info": 1, "warning": 2, "error": 3}
_WHAT_IT_FAILS = {
    "error": "which fails the build",
    "warning": "which fails the build only with `strict: true`",
    "info": "which fails nothing",
}


@dataclass(frozen=True)
class CheckSettings:
    """The plugin's settings that decide what the checks report, as one side's config
    file (and the files it inherits) sets them."""

    levels: Mapping[str, str]  # every rule's level: as set, or its default
    allow: tuple[str, ...] = ()
    known_acronyms: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # as the config reads them: `GB`
    builds_checked: bool = True  # the plugin is listed, and runs (no `enabled: false`)
    # Where each option is written, by dotted name (`rules.term.avoid`, `privacy.allow[2]`):
    # `mkdocs.yml:14`, or an inherited file's line.
    places: Mapping[str, str] = field(default_factory=dict)
    config_name: str = "mkdocs.yml"
    # No config file there: the plugin's defaults, which the other side is compared with.
    defaults: bool = False

    @classmethod
    def read(cls, config_file: Path) -> CheckSettings:
        """The settings `config_file` gives, whatever else is wrong in it; a `ConfigError`
        if it cannot be read as settings at all."""
        where = config_file.name
        data, places, _, _ = read_config_file(config_file, where, seen=())
        instances = plugin_instances(
            data.get("plugins"), places.get("plugins", where), places.get(PLUGIN_NAME, where)
        )
        options = options_that_run(instances)  # as `load_config` takes them
        levels, _ = rule_levels(options.get("rules"), lambda name: places.get(name, where))
        privacy = options.get("privacy")
        privacy = privacy if isinstance(privacy, dict) else {}
        return cls(
            levels=_every_level(levels),
            allow=_strings(privacy.get("allow")),
            known_acronyms=_strings(options.get("known_acronyms")),
            countries=_country_codes(_strings(privacy.get("countries"))),
            builds_checked=any(runs for _, runs in instances),
            places=places,
            config_name=where,
        )

    @classmethod
    def of_defaults(cls, config_name: str) -> CheckSettings:
        """The settings of a revision without the config file: the plugin's defaults."""
        return cls(_every_level({}), config_name=config_name, defaults=True)

    def place(self, *names: str) -> str:
        """Where the first of the options `names` that is written is, else where the
        plugin's options are, else the file."""
        for name in (*names, PLUGIN_NAME):
            if name in self.places:
                return self.places[name]
        return self.config_name


def _every_level(levels: Mapping[str, str]) -> dict[str, str]:
    """Each rule's level under the `rules` setting `levels`, as `handbook check` applies
    it: as set, "off" for an opt-in rule left out, else its default severity."""
    return {rule: rule_level(levels, rule) or RULES[rule].default.value for rule in RULES}


def _country_codes(listed: tuple[str, ...]) -> tuple[str, ...]:
    """privacy.countries' codes as the config reads them: in capitals, those that name a
    country phone numbers are known for."""
    if not listed:
        return ()
    from ..rules.national_phones import region_codes  # imports phonenumbers: only if listed

    codes = (code.strip().upper() for code in listed)
    return tuple(dict.fromkeys(code for code in codes if code in region_codes()))


def _strings(listed: Any) -> tuple[str, ...]:
    """The strings of a list option (the config refuses anything else in it)."""
    if not isinstance(listed, list):
        return ()
    return tuple(item for item in listed if isinstance(item, str))


@dataclass(frozen=True)
class Loosened:
    """One setting the change makes the checks say less by: where the head writes it
    (`mkdocs.yml:14`), and what it does, in Markdown."""

    place: str
    text: str


@dataclass(frozen=True)
class SettingsChange:
    """What the head's settings make the checks stop saying that the base's said."""

    loosened: tuple[Loosened, ...] = ()
    # Each rule the change turns off or lowers, with its level at the base: the uses of
    # forms say so where they are listed by what the check reports them as.
    lowered: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    against_defaults: bool = False  # the base has no config file
    config_name: str = "mkdocs.yml"


def known_form_key(form: str, case_sensitive: bool = False) -> str:
    """`form` as term.unknown-acronym knows a word for a form: by its key, plurals and
    case aside (`NGOs` for `NGO`, `CSEC` for `csec`)."""
    return fold_case(form_key(form, case_sensitive))


def settings_change(
    before: CheckSettings | None,
    after: CheckSettings | None,
    term_forms: Collection[str] = frozenset(),
) -> SettingsChange:
    """How `after` loosens the checks of `before`; nothing where either is unknown (a
    config file that cannot be read: the report's note says so). `term_forms`: the forms
    of the terms of `after`'s handbook (`known_form_key`), which term.unknown-acronym
    never reports, listed in `known_acronyms` or not (a merge that listed CSEC and MOU,
    both forms of terms, was said to silence the rule for them: audit; and `NGOs`, which
    the rule finds as the form `NGO`: review rv20)."""
    if before is None or after is None:
        return SettingsChange()
    lowered = {
        rule: was for rule, was in before.levels.items() if _RANK[after.levels[rule]] < _RANK[was]
    }
    loosened = [
        *_plugin_stopped(before, after),
        # Those turned off first, the most silenced.
        *(
            _rule_lowered(after, rule, lowered[rule])
            for rule in sorted(lowered, key=lambda rule: _RANK[after.levels[rule]])
        ),
        *_entries_added(
            after,
            "privacy.allow",
            _added(before.allow, after.allow),
            "privacy.pii takes {them} as public, and reports {them} on no page",
            _masked_as_the_base_would(before),
        ),
        *_entries_added(
            after,
            "known_acronyms",
            [
                (index, entry)
                for index, entry in _added(before.known_acronyms, after.known_acronyms)
                if known_form_key(entry) not in term_forms
            ],
            "term.unknown-acronym no longer reports {them}",
        ),
    ]
    if dropped := [code for code in dict.fromkeys(before.countries) if code not in after.countries]:
        loosened.append(
            Loosened(
                after.place("privacy.countries", "privacy"),
                f"`privacy.countries` no longer lists {_listed(dropped)}: privacy.pii no "
                "longer reads the national phone numbers of "
                + ("that country" if len(dropped) == 1 else "those countries"),
            )
        )
    return SettingsChange(
        tuple(loosened),
        MappingProxyType(lowered),
        before.defaults,
        after.config_name,
    )


def _plugin_stopped(before: CheckSettings, after: CheckSettings) -> list[Loosened]:
    if not before.builds_checked or after.builds_checked:
        return []
    text = (
        f"the `{PLUGIN_NAME}` plugin no longer runs (`enabled: false`, or not listed in "
        "`plugins`): `mkdocs build` checks nothing; `handbook check` still does"
    )
    return [Loosened(after.place("enabled", "plugins"), text)]


def _rule_lowered(after: CheckSettings, rule: str, was: str) -> Loosened:
    now = after.levels[rule]
    written = f"rules.{rule}" in after.places
    place = after.place(f"rules.{rule}", "rules")
    silent = "neither `handbook check` nor the build reports it, on any page"
    if not written:  # taken out of `rules:`: back to its default
        what = f"no longer set in `rules:`, so back to its default, {now} (it was {was})"
        what += f": {silent}" if now == "off" else f", {_WHAT_IT_FAILS[now]}"
    elif now == "off":
        what = f"turned off in `rules:` (it was {was}): {silent}"
    else:
        what = f"lowered in `rules:` from {was} to {now}, {_WHAT_IT_FAILS[now]}"
    return Loosened(place, f"`{rule}` {what}")


def _entries_added(
    after: CheckSettings,
    option: str,
    added: list[tuple[int, str]],
    effect: str,
    shown: Callable[[str], str] = str,
) -> list[Loosened]:
    """One entry for the items of list `option` that the change adds (with their index)
    on each line: a list written on one line is one entry, a block list one a line.
    Each item is quoted as `shown` gives it."""
    by_place: dict[str, list[str]] = {}
    for index, item in added:
        place = after.place(f"{option}[{index}]", option, option.partition(".")[0])
        by_place.setdefault(place, []).append(item)
    entries = []
    for place, items in by_place.items():
        quoted = [shown(item) for item in items]
        masked = " (masked here: the line has it)" if quoted != items else ""
        them = "it" if len(items) == 1 else "them"
        text = f"`{option}` adds {_listed(quoted)}{masked}: {effect.format(them=them)}"
        entries.append(Loosened(place, text))
    return entries


def _masked_as_the_base_would(before: CheckSettings) -> Callable[[str], str]:
    """An entry added to privacy.allow, masked as the base's privacy.pii would report it:
    the report stays in CI's step summary after the branch is gone, and a personal
    number made "public" by a change no one approves would stay with it (privacy audit,
    `report_masks`). Nothing is masked where the base has privacy.pii off."""
    if before.levels[PII_RULE] == "off":
        return str
    allowed = AllowList.of(before.allow, before.countries)
    return lambda text: mask_personal_data(text, allowed)


def _listed(items: list[str]) -> str:
    return ", ".join(map(inline_code, items))


def _added(before: tuple[str, ...], after: tuple[str, ...]) -> list[tuple[int, str]]:
    """The entries of `after` (with their index) that `before` has not."""
    had = set(before)
    return [(index, entry) for index, entry in enumerate(after) if entry not in had]


def settings_lines(change: SettingsChange) -> list[str]:
    """The report's lines for the settings the change loosens: none if it loosens none."""
    if not change.loosened:
        return []
    config = inline_code(change.config_name)
    lines = [
        f"This change makes the checks say less on every page, in the `{PLUGIN_NAME}` "
        f"plugin's settings in {config}:",
        "",
    ]
    if change.against_defaults:
        lines[0] = (
            f"The base has no {config}, so the `{PLUGIN_NAME}` plugin's settings of this "
            "change are compared with its defaults. These make the checks say less on "
            "every page:"
        )
    lines += [f"- {inline_code(entry.place)}: {entry.text}" for entry in change.loosened]
    return [*lines, ""]
