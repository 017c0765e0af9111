"""Languages of a term's translations, as a reader sees them: a name and a direction.

Names come from Babel's CLDR data (installed with mkdocs-material), so a coalition's
Somali, Amharic or Persian translation is labelled by name, not by its code. A few names
are the coalition's own: CLDR calls `tl` "Filipino (Philippines)" and knows no Hmong.
"""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError

_OWN_NAMES = {"tl": "Tagalog", "hmn": "Hmong"}


@cache
def _locale(code: str) -> Locale | None:
    try:
        return Locale.parse(code, sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def language_name(code: str) -> str:
    """`es` -> `Spanish`, `zh-Hant` -> `Chinese (Traditional)`; unknown codes as written."""
    own = _OWN_NAMES.get(code.lower())
    if own:
        return own
    locale = _locale(code)
    name = locale.get_display_name("en") if locale is not None else None
    return name or code


def text_direction(code: str) -> str:
    """`rtl` for a language written right to left (`ar`, `fa`, `he`), else `auto`: the
    browser then goes by the text's first letter."""
    locale = _locale(code)
    return "rtl" if locale is not None and locale.text_direction == "rtl" else "auto"
