"""The Jinja2 environment that renders generated pages as Markdown.

Templates write Markdown, not HTML, so MkDocs renders generated pages like every other
page (search indexes them, the theme styles them, autolinks apply). Every `{{ value }}`
is escaped as plain text unless it is marked trusted (`Markup`): definitions and step
details are the handbook's own Markdown, everything else is text.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..rules.privacy_pii import phone_key
from .html_comments import text_without_comments
from .languages import language_name, text_direction

# Characters that start inline Markdown syntax; a backslash makes them literal.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}])")
_WHITESPACE = re.compile(r"\s+")
_WEB_SCHEME = re.compile(r"^https?://", re.IGNORECASE)


def markdown_text(value: object) -> str:
    """Plain text as literal inline Markdown: one line, no markup, no raw HTML."""
    text = _WHITESPACE.sub(" ", str(value)).strip()
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace("|", "&#124;")
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup) or value is None:
        return value
    if isinstance(value, (int, float)):
        return str(value)
    return markdown_text(value)


def markdown_block(text: str, indent: int = 0) -> Markup:
    """Trusted Markdown, indented to sit inside a list item or an admonition."""
    lines = text.strip("\n").splitlines()
    pad = " " * indent
    return Markup("\n".join(pad + line if line.strip() else "" for line in lines))


def link_target(target: str) -> Markup:
    """A link target written by the site code (a relative path or a `tel:` URL)."""
    return Markup(target.replace(" ", "%20").replace("(", "%28").replace(")", "%29"))


def web_address(url: str) -> str:
    """A link's text that says where it leads, read aloud in a screen reader's list of
    links as on paper: the address without its scheme or a trailing slash
    (`https://www.dhs.gov/blue-campaign/` -> `www.dhs.gov/blue-campaign`)."""
    return _WEB_SCHEME.sub("", url).rstrip("/")


def phone_href(number: str, scheme: str = "tel") -> Markup:
    """`tel:` or `sms:` link for a written number: `1-888-373-7888` -> `tel:+18883737888`.

    Ten-digit North American numbers get their country code; short codes (911, 233733)
    stay as written.
    """
    key = phone_key(number)  # as the world dials it, but a US number without its +1
    if len(key) == 10 and key.isdigit():
        key = "+1" + key
    return Markup(f"{scheme}:{key}")


def attribute_in_markdown(value: object) -> Markup:
    """Plain text for an attribute of raw HTML written in Markdown (`aria-label="..."`):
    Python-Markdown reads code spans and emphasis before it sets the tag aside, so every
    character that is not a letter, a digit or a space is written as a character
    reference, which neither Markdown nor HTML reads as syntax."""
    return Markup(
        "".join(char if char.isalnum() or char == " " else f"&#{ord(char)};" for char in str(value))
    )


def yaml_string(value: object) -> Markup:
    """A front matter value: a JSON string is a valid YAML scalar, whatever it holds."""
    return Markup(json.dumps(str(value), ensure_ascii=False))


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("coalition_handbook", "templates/site"),
        autoescape=False,  # the output is Markdown; `_finalize` escapes plain text for it
        finalize=_finalize,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["markdown"] = markdown_block
    env.filters["target"] = link_target
    env.filters["web_address"] = web_address
    env.filters["tel"] = phone_href
    env.filters["sms"] = lambda number: phone_href(number, "sms")
    env.filters["trusted"] = Markup
    env.filters["yaml"] = yaml_string
    env.filters["attribute_in_markdown"] = attribute_in_markdown
    # A history entry's summary is text, but an editor's note in it is no more published
    # than one in a page.
    env.filters["without_comments"] = text_without_comments
    env.globals["language"] = language_name
    env.globals["text_direction"] = text_direction
    env.globals["has_digits"] = lambda text: any(char.isdigit() for char in str(text))
    return env


def render(template: str, **values: Any) -> str:
    return environment().get_template(template).render(**values)
