"""Front matter that the theme writes into a page's HTML as it is, made text.

Material prints a page's `title` in `<title>`, its header, the navigation, the tabs and
the footer, its `subtitle` in the navigation, its `description` and `author` in a
`<meta content="...">` and its `status` in a class, all unescaped: a title that reads
`<img src=x onerror=...>` would run script on every page whose navigation lists it (found
by the security audit). Every page's values, a module's or a page's as a term's or a
protocol's, are escaped once here, so they read as typed wherever the theme shows them.

The other values Material prints as they are: a redirect page's `location`, into an
attribute and a script (the handbook's own `templates/theme/redirect.html` escapes it for
each; a script address is rule link.unsafe's); and `tags`, `categories` and the git date
plugins' dates, which those plugins read or set themselves (escaped here, a tag's page
address would change with its `&`, and a plugin's date is HTML): a `<` in them is refused
by the page schema instead.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

# The keys whose values the theme writes into HTML, as text or into an attribute.
THEME_TEXT_KEYS = ("title", "subtitle", "description", "author", "status")


def html_text(value: object) -> Markup:
    """`value` as HTML text, fit for an attribute too (`&`, `<`, `>` and quotes escaped).

    Marked as HTML (`Markup`): where the theme escapes a title itself (`| e`, in the
    footer's aria-labels) it is left as it is, not escaped twice ("&amp;amp;")."""
    if isinstance(value, Markup):  # escaped already: a page is read once, but kept safe
        return value
    return Markup(html.escape(str(value), quote=True))


def front_matter_as_text(meta: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a page's front matter with the values the theme prints escaped as text
    (strings only: a number holds no markup, and a list is no value the theme prints).
    A copy: a generated page's front matter may be shared with the render cache."""
    return {
        key: html_text(value) if key in THEME_TEXT_KEYS and isinstance(value, str) else value
        for key, value in meta.items()
    }
