"""The Jinja2 environment that renders generated pages as Markdown.

Templates write Markdown, not HTML, so MkDocs renders generated pages like every other
page (search indexes them, the theme styles them, autolinks apply). Every `{{ value }}`
is escaped as plain text unless it is marked trusted (`Markup`): definitions and step
details are the handbook's own Markdown, everything else is text.

Every render is given `site_language`, the site's `theme.language`: the `english` filter
marks the templates' own English labels as English in a site of another language.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import Any

from jinja2 import BytecodeCache, Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from ..rules.national_phones import e164_or_digits
from ..rules.privacy_allow import phone_key
from .html_comments import text_without_comments
from .languages import english_label, language_name, text_direction

# Characters that start inline Markdown syntax; a backslash makes them literal.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}])")
_WHITESPACE = re.compile(r"\s+")
_WEB_SCHEME = re.compile(r"^https?://", re.IGNORECASE)
_DIGIT_GROUPS = re.compile(r"\d+")
# A North American area code or exchange starts with 2-9.
_NORTH_AMERICAN_FIRST_DIGITS = frozenset("23456789")


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
    """`tel:` or `sms:` link for a written number, dialled as written: `1-888-373-7888` ->
    `tel:+18883737888`, `0800 0121 700` -> `tel:08000121700`, `911` -> `tel:911`.

    A number written with `+` and its country code, or with North America's leading 1
    (`1-888-373-7888`, `1 (888) 373-7888`), keeps its country code, so it reaches the line
    from anywhere. A number written without one is dialled as it stands, in the country
    the phone is in: `800 5533 000` is Mexico's hotline on a phone in Mexico, and adding
    a `+1` would call the US (found in an audit).
    """
    written, extension = _number_and_extension(number)
    written = _VANITY.sub(_keypad_digits, written)
    if _TRUNK_ZERO_AFTER_COUNTRY_CODE.match(written):
        dialled = e164_or_digits(written)
    elif written.startswith("+") or _is_north_american_with_country_code(written):
        key = phone_key(written)  # +CC and digits, without a trunk (0); a +1 number's ten
        dialled = key if key.startswith("+") else "+1" + key
    else:
        dialled = "".join(char for char in written if char.isdigit())
    # An extension is no digit of the number (RFC 3966 writes it `;ext=`): its digits
    # joined on dialled another number (review).
    return Markup(f"{scheme}:{dialled}" + (f";ext={extension['digits']}" if extension else ""))


# An extension written after a number: `x12`, `ext. 12`, `extension 12`; not the end of
# a word (`Text 233733` was `sms:;ext=233733`, review): no letter before it.
# It starts where its spaces start: a search from each space of a long run was quadratic.
_EXTENSION = re.compile(
    r"(?<![\s,;])[\s,;]*(?<![^\W\d_])(?i:x|ext\.?|extension)\s*(?P<digits>\d{1,6})\s*$"
)
# The letters of a number written in words (`1-800-FLOWERS`), joined to its digits: left
# out, `tel:1800` called nobody (review), and every group of them (`1-800-THE-LOST`).
# Not a word apart (`1-888-373-7888 TTY`).
_VANITY = re.compile(r"(?:(?<=\d-)|(?<=\d\.)|(?<=\d))[A-Z]{2,}(?:[-.][A-Z]+)*(?![A-Za-z\d])")
# The letters on a phone's keys (ITU E.161).
_KEYPAD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "22233344455566677778889999")


def _ascii_digits(written: str) -> str:
    """A digit of any script (`٩١١`) as the ASCII digit a `tel:` URL holds (RFC 3966):
    a phone dials no `tel:٩١١`."""
    return "".join(
        str(unicodedata.decimal(char)) if char.isdecimal() and not char.isascii() else char
        for char in written
    )


def _keypad_digits(letters: re.Match[str]) -> str:
    return letters[0].translate(_KEYPAD)


# What parts two numbers written in one field (`1-888-373-7888 or 911`,
# `1-888-373-7888 / 233733`): a slash or a bar, "or", "and", a comma or a semicolon
# save before an extension (`1-888-373-7888, ext. 2`); a bracket holding a word or a
# slash, a note (`1-888-373-7888 (TTY: 711)`, `(24/7)`), not an area code (`(888)`).
_BETWEEN_NUMBERS = re.compile(
    r"\((?=[^()]*(?:[^\W\d_]|/))|[/|]|\b(?i:or|and)\b|[,;](?!\s*(?i:x|ext\.?|extension)\s*\d)"
)
# A trunk 0 written after the country code without brackets (`+44 08000 121 700`): a
# common slip, dialled from abroad without its 0, save where the country keeps it (Italy).
_TRUNK_ZERO_AFTER_COUNTRY_CODE = re.compile(r"\+\s*\d{1,3}[\s.\-]+0")


def _is_north_american_with_country_code(written: str) -> bool:
    """Whether `written` is a North American number with its leading 1, in its groups of
    1, 3, 3 and 4 digits (`1-888-373-7888`, `1 (888) 373-7888`): the area code and the
    exchange start with 2-9. Not 11 digits in other groups (China's `138 0013 8000`)."""
    groups = _DIGIT_GROUPS.findall(written)
    return (
        [len(group) for group in groups] == [1, 3, 3, 4]
        and groups[0] == "1"
        and groups[1][0] in _NORTH_AMERICAN_FIRST_DIGITS
        and groups[2][0] in _NORTH_AMERICAN_FIRST_DIGITS
    )


def _first_number(written: str) -> str:
    """The first of the numbers a field writes, with its extension: `1-888-373-7888 or 911`
    -> `1-888-373-7888`. Their digits joined dialled a number nobody has (review)."""
    parts = _BETWEEN_NUMBERS.split(written)
    return next((part.strip() for part in parts if any(c.isdigit() for c in part)), "")


def dialable(text: object) -> bool:
    """Whether a contact's `phone` or `text` has a number to link (`233733`, not "use the
    live chat", nor an extension alone, `front desk, ext. 0`: `tel:;ext=0` calls nobody)."""
    number, _ = _number_and_extension(str(text))
    return any(char.isdigit() for char in number)


def _number_and_extension(field: str) -> tuple[str, re.Match[str] | None]:
    """The first number `field` writes, in ASCII digits and without its extension, and
    the extension (`phone_href` dials the one, `dialable` asks whether there is one)."""
    written = _ascii_digits(_first_number(field))
    extension = _EXTENSION.search(written)
    return (written[: extension.start()] if extension else written), extension


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


def yaml_list(values: Iterable[object]) -> Markup:
    """A front matter list of strings, in one line: `["a", "b"]`, as `yaml_string` writes
    each, a JSON list being a valid YAML one (a term page has dozens of forms)."""
    return Markup(json.dumps([str(value) for value in values], ensure_ascii=False))


@pass_context
def _english(context: Context, label: str) -> Markup:
    """The template's own English `label` (a literal, or a `{% filter %}` block whose
    values are escaped already), marked as English where the site's language is not."""
    return english_label(label, context["site_language"])


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
        # The package's templates do not change while it runs: no file looked at again
        # for each of a build's hundreds of term pages.
        auto_reload=False,
    )
    env.filters["markdown"] = markdown_block
    env.filters["target"] = link_target
    env.filters["web_address"] = web_address
    env.filters["tel"] = phone_href
    env.filters["sms"] = lambda number: phone_href(number, "sms")
    env.filters["trusted"] = Markup
    env.filters["yaml"] = yaml_string
    env.filters["yaml_list"] = yaml_list
    env.filters["attribute_in_markdown"] = attribute_in_markdown
    env.filters["english"] = _english
    # A history entry's summary is text, but an editor's note in it is no more published
    # than one in a page.
    env.filters["without_comments"] = text_without_comments
    env.globals["language"] = language_name
    env.globals["text_direction"] = text_direction
    env.globals["dialable"] = dialable
    return env


def keep_compiled_templates(code_cache: BytecodeCache | None) -> None:
    """Load the templates compiled by an earlier build from `code_cache` (the theme's
    cache, site/template_cache.py), or compile each anew (None): compiling the term page's
    and the indexes' templates is a twentieth of a second of every build."""
    environment().bytecode_cache = code_cache


def render(template: str, site_language: str, **values: Any) -> str:
    return environment().get_template(template).render(site_language=site_language, **values)
