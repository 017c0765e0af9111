"""Languages of a term's translations, as a reader sees them: a name and a direction;
whether the site's own language is English; and the plugin's English labels marked as
English in a site of another language.

Names come from Babel's CLDR data (installed with mkdocs-material), so a coalition's
Somali, Amharic or Persian translation is labelled by name, not by its code. A few names
are the coalition's own: CLDR calls `tl` "Filipino (Philippines)" and knows no Hmong or
Dari, and Babel before 2.18 no Haitian Creole.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from babel import Locale, UnknownLocaleError
from markupsafe import Markup

from ..theme_language import is_english

_OWN_NAMES = {"tl": "Tagalog", "hmn": "Hmong", "prs": "Dari", "ht": "Haitian Creole"}
_OWN_RIGHT_TO_LEFT = {"prs"}
# Scripts written right to left: a script subtag decides (`ar-Latn` is left to right).
_RIGHT_TO_LEFT_SCRIPTS = {"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand"}


@cache
def _locale(code: str) -> Locale | None:
    if code.lower() == "und":  # "undetermined": CLDR would make it English (US)
        return None
    try:
        return Locale.parse(code, sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def language_name(code: str) -> str:
    """`es` -> `Spanish`, `zh-Hant` -> `Chinese (Traditional)`; unknown codes as written."""
    own = _OWN_NAMES.get(code.split("-")[0].lower())
    if own:
        return own
    locale = _locale(code)
    name = locale.get_display_name("en") if locale is not None else None
    return name or code


def text_direction(code: str) -> str:
    """`rtl` for a language written right to left (`ar`, `fa`, `he`), else `auto`: the
    browser then goes by the text's first letter."""
    parts = code.lower().split("-")
    scripts = [part for part in parts[1:] if len(part) == 4 and part.isalpha()]
    if scripts:
        right_to_left = scripts[0] in _RIGHT_TO_LEFT_SCRIPTS
    elif parts[0] in _OWN_RIGHT_TO_LEFT:
        right_to_left = True
    else:
        locale = _locale(code)
        right_to_left = locale is not None and locale.text_direction == "rtl"
    return "rtl" if right_to_left else "auto"


def english_label(label: str, site_language: str) -> Markup:
    """A label the plugin writes in English ("Forms to avoid", "Duration"), as its
    template wrote it (Markdown or HTML, its values already escaped): as it is in an
    English site; in another, inside `<span lang="en">`, so that a screen reader speaks
    it as English, not with the pronunciation of the page's `lang="es"`. Only the
    English words are marked, never a value written in the site's language. In a site
    written right to left (Arabic, Persian), also `dir="ltr"`: the label's own full stop
    or colon then ends it, not the line's other side (".use and to avoid", audit)."""
    if is_english(site_language):
        return Markup(label)
    if _right_to_left(site_language):
        return Markup('<span lang="en" dir="ltr">') + Markup(label) + Markup("</span>")
    return Markup('<span lang="en">') + Markup(label) + Markup("</span>")


def english_parts(parts: Iterable[tuple[str, bool]], site_language: str) -> list[list[str]]:
    """Plain-text `parts` of a sentence, each said English (True) or not, as lists to
    mark as `english_label` marks them: `[text]`, `[text, "en"]` in a site of another
    language, `[text, "en", "ltr"]` in one written right to left. A term's search result
    notice (site/search_boost.NOTICE_KEY), which handbook.js shows as text: as a plain
    string it lost the marks of its page's notice (review rv57d)."""
    mark = [] if is_english(site_language) else ["en"]
    if mark and _right_to_left(site_language):
        mark.append("ltr")
    return [[text, *mark] if english else [text] for text, english in parts if text]


@cache
def _right_to_left(language: str) -> bool:
    """`text_direction`, kept: a site's language, asked at every label."""
    return text_direction(language) == "rtl"
