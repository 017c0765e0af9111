"""link.unsafe: a link, image or HTML attribute whose address runs script (`javascript:`,
`vbscript:`) in a page, a module, a term's definition or a protocol's text.

Such a link runs code in a reader's browser when clicked, and nothing a coalition
publishes needs one. Only addresses are reported: the word written in prose ("never open
javascript: links") or shown in code is not a link.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..documents import CheckedText, ScalarOffsets, scan_handbook
from ..findings import Finding
from ..markdown import lines_outside_code
from .base import CheckContext

RULE = "link.unsafe"

_SCRIPT = re.compile(r"\b(?:java|vb)script[ \t]*:", re.IGNORECASE)
# A reference definition, `[label]: javascript:...`, whose whole line the checks skip.
_REFERENCE = re.compile(r"[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?[ \t]*\Z")


def check(context: CheckContext) -> Iterator[Finding]:
    for document in scan_handbook(context):
        for line, column, scheme in document.located(lambda text, _: _script_addresses(text)):
            yield context.finding(
                RULE,
                document.path,
                line,
                column,
                f"a '{scheme}' address runs code in the reader's browser; link to a page "
                "or a web address instead",
                found=scheme,
            )


def _script_addresses(text: CheckedText) -> Iterator[tuple[int, int]]:
    """(start, end) in the view of each script scheme that starts an address."""
    if text.offsets is None:
        markdown = text.source
    elif isinstance(text.offsets, ScalarOffsets):
        markdown = text.offsets.value
    else:  # a value with no place in its file: nothing to point at
        return
    if "script" not in markdown.lower():  # nearly every text: one pass at C speed
        return
    outside_code: set[int] | None = None
    for found in _SCRIPT.finditer(markdown):
        start = found.start()
        if text.view[start] == " ":  # a link destination or an HTML tag, blanked
            yield start, found.end()
            continue
        line_start = markdown.rfind("\n", 0, start) + 1
        if _REFERENCE.match(markdown, line_start, start):
            if outside_code is None:
                outside_code = {number for number, _ in lines_outside_code(markdown)}
            if markdown.count("\n", 0, start) + 1 in outside_code:
                yield start, found.end()
