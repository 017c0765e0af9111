"""Theme settings that would have every reader's browser contact another host, turned off
before the build: the site loads nothing from other hosts, so a survivor reading it leaves
no trace elsewhere (DESIGN section 7).

Material loads its fonts from Google Fonts unless `theme.font` is false, its default,
and sends each visit to an analytics provider when `extra.analytics` names one. Another
coalition's `mkdocs.yml` may well keep those defaults: the fonts go off silently (the
pages then use the reader's own fonts, as the example handbook does); a font or an
analytics provider the author named goes off with a warning that says so.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

# What Material's own mkdocs_theme.yml sets when mkdocs.yml says nothing.
MATERIAL_DEFAULT_FONT = {"text": "Roboto", "code": "Roboto Mono"}


def keep_to_own_host(
    theme_name: str | None, theme: MutableMapping[str, Any], extra: MutableMapping[str, Any]
) -> list[str]:
    """Turn off Material's web fonts and analytics in a site's `theme` and `extra`
    settings; returns a warning for each that mkdocs.yml asked for."""
    if theme_name != "material":
        return []
    warnings: list[str] = []
    font = theme.get("font")
    if font is not False:
        theme["font"] = False
        if font != MATERIAL_DEFAULT_FONT:
            warnings.append(
                f"handbook: theme.font {font!r} would have every reader's browser fetch "
                "fonts from Google Fonts; the handbook loads nothing from other hosts, so "
                "the pages use the reader's own fonts. To use a font, put its files in "
                "docs_dir and name them in extra_css."
            )
    analytics = extra.get("analytics")
    if analytics:
        del extra["analytics"]
        provider = analytics.get("provider") if isinstance(analytics, dict) else None
        warnings.append(
            f"handbook: extra.analytics would send every visit to "
            f"{provider or 'an analytics provider'}; the handbook loads nothing from other "
            "hosts, so it is left out."
        )
    return warnings
