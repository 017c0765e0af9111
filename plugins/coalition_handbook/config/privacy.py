"""The plugin's `privacy` option: the texts privacy.pii lets through (`allow`) and the
countries whose phone numbers it reads (`countries`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..hints import did_you_mean
from .problems import Problems
from .values import unless_empty

PRIVACY_KEYS: tuple[str, ...] = ("allow", "countries")


def privacy_settings(
    privacy: Any, at: Callable[[str], str], problems: Problems
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The `privacy` option as (privacy.allow, privacy.countries); what is wrong in it,
    each problem placed by `at` (a dotted option name -> `mkdocs.yml:14`), is added to
    `problems` and read as unset."""
    if not isinstance(privacy, dict) or set(privacy) - set(PRIVACY_KEYS):
        unknown = (
            sorted(map(str, set(privacy) - set(PRIVACY_KEYS))) if isinstance(privacy, dict) else []
        )
        problems.add(
            f"{at('privacy')}: 'privacy' takes two keys, 'allow' (a list of strings) and "
            "'countries' (a list of country codes)"
            + (did_you_mean(unknown[0], PRIVACY_KEYS) if unknown else "")
        )
        privacy = {}
    allow = unless_empty(privacy.get("allow"), [])
    if not isinstance(allow, list) or not all(isinstance(item, str) for item in allow):
        listed = allow if isinstance(allow, list) else []
        numbers = [n for n in listed if isinstance(n, int | float) and not isinstance(n, bool)]
        # Not the number as YAML read it: 0202... is octal to YAML 1.1.
        hint = ' (quote each number, as in "233733")' if numbers else ""
        problems.add(f"{at('privacy.allow')}: 'privacy.allow' must be a list of strings{hint}")
        allow = []
    countries = _country_codes(privacy.get("countries"), at("privacy.countries"), problems)
    return tuple(str(item) for item in allow), countries


def _country_codes(listed: Any, where: str, problems: Problems) -> tuple[str, ...]:
    """privacy.countries (`listed`, written at `where`) as ISO 3166-1 alpha-2 codes in
    capitals, each once; a code that names no country phonenumbers knows is a problem,
    with the code meant where the one written is another writing of it (`UK`, `GBR`:
    CLDR's aliases) or close to one."""
    listed = unless_empty(listed, [])
    if not isinstance(listed, list) or not all(isinstance(item, str) for item in listed):
        # YAML 1.1 reads a bare NO (Norway) as false.
        hint = (
            " (quote each, as in 'NO': YAML reads NO as false)"
            if isinstance(listed, list) and any(isinstance(item, bool) for item in listed)
            else ""
        )
        problems.add(
            f"{where}: 'privacy.countries' must be a list of country codes (ISO 3166-1 "
            f"alpha-2, as GB or FR){hint}"
        )
        return ()
    if not listed:
        return ()
    from ..rules.national_phones import region_codes  # imports phonenumbers: only if listed

    known = region_codes()
    codes: list[str] = []
    for item in listed:
        code = item.strip().upper()
        if code in known:
            codes.append(code)
            continue
        problems.add(
            f"{where}: 'privacy.countries' lists {item!r}, which is no country code that "
            "phone numbers are known for (ISO 3166-1 alpha-2, as GB or FR)"
            + _country_hint(code, known)
        )
    return tuple(dict.fromkeys(codes))


def _country_hint(code: str, known: frozenset[str]) -> str:
    """` (did you mean 'GB'?)` for a code written otherwise (`UK`, `GBR`, by CLDR's
    aliases of territories) or close to a known one; "" if none is."""
    from babel.core import get_global  # CLDR's data: only for a code that is wrong

    meant = [alias for alias in get_global("territory_aliases").get(code, ()) if alias in known]
    if len(meant) == 1:
        return f" (did you mean '{meant[0]}'?)"
    return did_you_mean(code, known)
