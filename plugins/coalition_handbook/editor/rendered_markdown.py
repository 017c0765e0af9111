"""A field's Markdown as the page shows it, for comparing texts and finding their links:
Python-Markdown with the handbook's usual extensions, one converter for every text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from html import escape

import markdown

from ..markup import CLOSED_COMMENT
from ..rules.markdown_nesting import too_costly_to_render


def shown(markdown_text: str) -> str:
    """`markdown_text` as the page shows it (see `wording`), NFC-normalised: "é" as one
    code point or as "e" and a combining accent looks the same, and the checks read the
    two alike (DESIGN section 4). A text Python-Markdown would take minutes over, or run
    out of stack in (markdown.nesting: a field the check reads as plain text, such as a
    source's title, may hold thousands of `[`), is compared as written instead."""
    if too_costly_to_render(markdown_text):
        html = escape(markdown_text, quote=False)
    else:
        html = markdown_converter().reset().convert(markdown_text)
    return unicodedata.normalize("NFC", " ".join(HTML_COMMENT.sub(" ", html).split()))


HTML_COMMENT = re.compile(CLOSED_COMMENT, re.DOTALL)


@cache
def markdown_converter() -> markdown.Markdown:
    from ..site.handout_render import MARKDOWN_CONFIG, MARKDOWN_EXTENSIONS

    return markdown.Markdown(
        extensions=list(MARKDOWN_EXTENSIONS),
        extension_configs={name: dict(config) for name, config in MARKDOWN_CONFIG.items()},
    )
