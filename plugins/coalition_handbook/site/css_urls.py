"""What a stylesheet, or a `style` attribute, has a browser fetch: every address in it
that is loaded (`url(...)`, `@import "..."`, the images of `image-set(...)`), read by
tinycss2's tokenizer as a browser reads CSS, escapes (`u\\72l(`), comments and all.

`@namespace`'s address is a name, never fetched; a selector fetches nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import tinycss2
from tinycss2 import ast

# Functions whose string arguments are images to fetch (`image-set("a.png" 1x)`).
_IMAGE_FUNCTIONS = frozenset({"image-set", "-webkit-image-set", "image"})
# Functions whose first argument is an address even when quoted (`url("a.png")`).
_URL_FUNCTIONS = frozenset({"url", "src"})

# `(...)`, `[...]` and `{...}`, which holds the rules nested in `@media` or in a rule.
_BLOCKS = (ast.ParenthesesBlock, ast.SquareBracketsBlock, ast.CurlyBracketsBlock)

# The rules an `@import` may follow: `@charset`, other imports, a `@layer` statement.
_BEFORE_IMPORTS = frozenset({"charset", "import", "layer"})

CssUrl = tuple[str, int]  # (address, line in the CSS text, from 1)


def stylesheet_urls(css: str) -> list[CssUrl]:
    """The addresses a stylesheet (a `<style>` element's text) fetches."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return list(_rules_urls(rules))


def stylesheet_file_urls(css: bytes) -> list[CssUrl]:
    """The addresses a stylesheet file fetches, decoded as a browser decodes it (its
    `@charset` or byte order mark, else UTF-8)."""
    rules, _ = tinycss2.parse_stylesheet_bytes(css, skip_comments=True, skip_whitespace=True)
    return list(_rules_urls(rules))


def declarations_urls(css: str) -> list[CssUrl]:
    """The addresses the declarations of a `style` attribute fetch."""
    if "(" not in css:  # every address is in a function: most style attributes
        return []
    return list(_values_urls(tinycss2.parse_component_value_list(css, skip_comments=True)))


def _rules_urls(rules: Iterable[ast.Node]) -> Iterator[CssUrl]:
    imports_read = True  # browsers ignore an `@import` after any other rule
    for rule in rules:
        if isinstance(rule, ast.AtRule):
            keyword = rule.lower_at_keyword
            if keyword == "import" and imports_read:
                yield from _import_url(rule)
            # `@layer a, b;` only: `@layer a { ... }` holds rules
            imports_read = imports_read and keyword in _BEFORE_IMPORTS and rule.content is None
            if keyword in ("namespace", "import"):
                continue
            yield from _values_urls(rule.content or [])
        elif isinstance(rule, ast.QualifiedRule):
            imports_read = False
            yield from _values_urls(rule.content)


def _import_url(rule: ast.AtRule) -> Iterator[CssUrl]:
    """`@import "a.css"` (a string) or `@import url(a.css)`, then media queries."""
    first = next((token for token in rule.prelude if token.type != "whitespace"), None)
    if isinstance(first, ast.StringToken):
        yield first.value, first.source_line
    elif first is not None:
        yield from _values_urls([first])


def _values_urls(values: Iterable[ast.Node]) -> Iterator[CssUrl]:
    for value in values:
        if isinstance(value, ast.URLToken):
            yield value.value, value.source_line
        elif isinstance(value, ast.FunctionBlock):
            yield from _function_urls(value)
        elif isinstance(value, _BLOCKS):
            yield from _values_urls(value.content)


def _function_urls(function: ast.FunctionBlock) -> Iterator[CssUrl]:
    name = function.lower_name
    if name in _URL_FUNCTIONS:
        first = next((token for token in function.arguments if token.type != "whitespace"), None)
        if isinstance(first, ast.StringToken):
            yield first.value, first.source_line
            return
    for argument in function.arguments:
        if name in _IMAGE_FUNCTIONS and isinstance(argument, ast.StringToken):
            yield argument.value, argument.source_line
    yield from _values_urls(function.arguments)
