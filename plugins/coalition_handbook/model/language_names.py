"""The code of a language as an editor may name it where a translation's key belongs:
in English (`Spanish`), as its speakers do (`español`), as a locale (`pt_BR`) or a
private-use tag (`x-klingon`), by CLDR's names (Babel, imported only for such a key)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..lazy_pattern import LazyPattern
from .yaml_messages import QUOTED_CHARACTERS

_CAPITALISED_CODE = LazyPattern(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", re.ASCII)


def language_code(name: Any) -> str | None:
    """The code of the language an English `name` names (`Spanish`: es, `Brazilian
    Portuguese`: pt-BR), by CLDR's names; None for any other."""
    if not isinstance(name, str):
        return None
    if _CAPITALISED_CODE.fullmatch(name.replace("_", "-")):  # a locale's `pt_BR` too
        name = name.replace("_", "-")
    if _CAPITALISED_CODE.fullmatch(name):  # `ES`, `Pt-BR`
        language, _, region = name.partition("-")
        code = language.lower() + (f"-{region}" if region else "")
        # Only a language CLDR names: `ASL` (whose code is ase) or `Spa` made no code.
        # Only a code a message may show whole, as the other advice.
        known = language.lower() in _language_codes().values() and len(code) <= QUOTED_CHARACTERS
        return code if known else None
    said = " ".join(name.split()).lower()
    private, _, named = said.partition("-")
    if private in ("x", "i") and named:  # a private-use tag (`x-klingon`): its name
        said = named.replace("-", " ")
    code = _language_codes().get(said) or _own_names().get(said)
    return code.replace("_", "-") if code else None


# English names CLDR does not give (it says Persian, Chinese, Spanish).
_OTHER_ENGLISH_NAMES = {"farsi": "fa", "mandarin": "zh", "castilian": "es"}


@cache
def _language_codes() -> dict[str, str]:
    """Each language's English name (in small letters) and its code, by CLDR."""
    from babel import Locale  # CLDR's names: only for a key that is no code

    names = {name.lower(): code for code, name in Locale("en").languages.items()}
    return names | _OTHER_ENGLISH_NAMES


@cache
def _own_names() -> dict[str, str]:
    """Each language's name in itself (`español`, `français`, `فارسی`) and its code, by
    CLDR: an editor writes the language as its speakers do. Read only for a key that is
    no code nor English name (each locale's file, about 1 s)."""
    from babel import Locale, UnknownLocaleError
    from babel.localedata import locale_identifiers

    names: dict[str, str] = {}
    for code in sorted(locale_identifiers()):
        if "_" in code:  # a region's locale (`es_MX`) names its language as the language does
            continue
        try:
            own = Locale.parse(code).languages.get(code)
        except (UnknownLocaleError, ValueError, LookupError, OSError):
            continue  # a locale this Babel lists but cannot read: advice only
        if own:
            names.setdefault(own.lower(), code)
    return names
