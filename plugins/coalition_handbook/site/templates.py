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
from collections.abc import Iterable
from functools import cache
from typing import Any

from jinja2 import BytecodeCache, Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from ..lazy_pattern import LazyPattern
from .html_comments import text_without_comments
from .languages import english_label, english_parts, language_name, text_direction
from .phone_links import dialable, phone_href

# Characters that start inline Markdown syntax; a backslash makes them literal.
_MARKDOWN_SPECIALS = LazyPattern(r"([\\`*_\[\]{}])")
_WHITESPACE = LazyPattern(r"\s+")
# Characters YAML does not read as JSON does (see `_yaml_safe`); surrogates cannot be
# written, a byte order mark or a noncharacter only confuses readers.
_YAML_UNSAFE = LazyPattern("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_WEB_SCHEME = LazyPattern(r"^https?://", re.IGNORECASE)


def markdown_text(value: object) -> str:
    """Plain text as literal inline Markdown: one line, no markup, no raw HTML, nor the
    elements pymdownx's mark, tilde, caret and keys make (a term named `==x== work` was
    `<mark>x</mark> work` in its heading, the glossary index and the changes page), nor
    what smarty, smartsymbols, emoji and arithmatex make (`(c) clause` was `© clause`,
    `--x--` `–x–`, `:smile: policy` an image, `$x$ rule` TeX), nor magiclink's links
    (`www.example.org rule`, `@someone`, `#12`)."""
    text = _WHITESPACE.sub(" ", str(value)).strip()
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace("|", "&#124;")
    return _EXTENSION_SYNTAX.sub(_references, _MARKDOWN_SPECIALS.sub(r"\\\1", text))


# What `markdown_text` writes as character references (a backslash escapes them only
# where their extension is on, and is shown where it is not): tilde's and caret's marks,
# and mark's and keys' where doubled, so that a phone's `+44` stays as typed; smarty's
# quotes, dashes, ellipsis and `>>`; smartsymbols' `(c)`, `(r)`, `(tm)`, the slash of
# `c/o`, `+/-`, `=/=` and fractions, and an ordinal's digit (`1st`); a colon that starts
# an emoji's `:name:`; arithmatex's `$`; magiclink's `@` (an address, a mention, a
# commit), the `:` of `://`, the dot of `www.`, the `#`, `!` or `?` of an issue's number
# (not the `#` of a reference written here, `&#124;`) and a commit's 40 hex digits'
# first; and the hashes it ends with (looked for from a run's first only: linear), which
# a heading's line (`# C#`, term.md.j2) drops as closing ones. A reference is shown, and
# its anchor made, as the character.
_EXTENSION_SYNTAX = LazyPattern(
    r"[~^$\"'@]|={2,}|\+{2,}|-{2,}|\.{3,}|>{2,}|\((?=(?:c|r|tm)\))|(?<=[c+=0-9])/(?=[o\-=0-9])"
    r"|:(?=[+\-\w]+:)|:(?=//)|(?<=www)\.|(?<!&)[#!?](?=[1-9])|\b[0-9a-f](?=[0-9a-f]{39}\b)"
    r"|[0-9](?=[A-Za-z])|(?<!#)#+$",
    re.IGNORECASE,
)


def _references(found: re.Match[str]) -> str:
    return "".join(f"&#{ord(char)};" for char in found.group())


# What `literal_text` writes as a character reference: the ASCII punctuation an
# extension may read as syntax (pymdownx's `==mark==`, `++keys++`, `~~del~~`, `^^ins^^`,
# smarty's quotes, `--` and `...`, smartsymbols' `(c)`, `c/o` and `1/2`, magiclink's
# addresses).
_LITERAL_REFERENCES = {
    **{ord(char): f"&#{ord(char)};" for char in "!\"#$'()*+-./:=>@[\\]^_`{|}~"},
    ord("&"): "&amp;",  # as `markdown_text` writes them
    ord("<"): "&lt;",
}


def literal_text(value: object) -> Markup:
    """Plain text as inline Markdown that every extension leaves as typed: one line,
    its syntax characters written as references, which no inline pattern reads. For a
    term's `short` where the tooltip shows it as typed (`autolink.tooltip_text`):
    the glossary index rendered `==forced==` or `"quotes"` of it with mark or smarty on."""
    text = _WHITESPACE.sub(" ", str(value)).strip().translate(_LITERAL_REFERENCES)
    return Markup(_DIGIT_BEFORE_A_LETTER.sub(_digit_reference, text))


# A digit that a letter follows: smartsymbols reads "1st" as an ordinal (1<sup>st</sup>).
# A reference's own digits are followed by a digit or ";", so no reference is matched.
_DIGIT_BEFORE_A_LETTER = LazyPattern(r"[0-9](?=[A-Za-z])")


def _digit_reference(found: re.Match[str]) -> str:
    return f"&#{ord(found.group())};"


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
    return Markup(_yaml_safe(json.dumps(str(value), ensure_ascii=False)))


def yaml_list(values: Iterable[object]) -> Markup:
    """A front matter list of strings, in one line: `["a", "b"]`, as `yaml_string` writes
    each, a JSON list being a valid YAML one (a term page has dozens of forms)."""
    return Markup(_yaml_safe(json.dumps([str(value) for value in values], ensure_ascii=False)))


def _yaml_safe(written: str) -> str:
    """JSON written with `ensure_ascii=False`, with the characters YAML reads otherwise
    escaped as JSON and YAML both read them: YAML refuses DEL and the C1 controls raw (the
    page lost its whole front matter, a `short` with `"\x7f"` made its term page show
    the YAML as text) and reads NEL and U+2028/9 as line breaks. A lone surrogate, which
    no reader takes even escaped, is written as U+FFFD (the loader reports it already)."""
    return _YAML_UNSAFE.sub(_yaml_escape, written)


def _yaml_escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return "\\ufffd" if 0xD800 <= code <= 0xDFFF else f"\\u{code:04x}"


@pass_context
def _english(context: Context, label: str) -> Markup:
    """The template's own English `label` (a literal, or a `{% filter %}` block whose
    values are escaped already), marked as English where the site's language is not."""
    return english_label(label, context["site_language"])


@pass_context
def _notice_parts(context: Context, parts: Iterable[tuple[str, bool]]) -> Markup:
    """A search result's notice (site/search_boost.NOTICE_KEY) as a front matter list of
    its plain-text parts, the English ones marked for the site's language
    (`english_parts`), in one line as `yaml_list` writes one."""
    written = english_parts(parts, context["site_language"])
    return Markup(_yaml_safe(json.dumps(written, ensure_ascii=False)))


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
    env.filters["literal"] = literal_text
    env.filters["target"] = link_target
    env.filters["web_address"] = web_address
    env.filters["tel"] = phone_href
    env.filters["sms"] = lambda number: phone_href(number, "sms")
    env.filters["trusted"] = Markup
    env.filters["yaml"] = yaml_string
    env.filters["yaml_list"] = yaml_list
    env.filters["attribute_in_markdown"] = attribute_in_markdown
    env.filters["english"] = _english
    env.filters["notice_parts"] = _notice_parts
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
