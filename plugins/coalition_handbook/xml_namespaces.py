"""The namespace of each element of an XML file, bound as a browser's XML parser binds
it: by the `xmlns=` and `xmlns:prefix=` of the element and of the elements it stands in.
In a plain XML file (a feed, a map's data) a browser shows a tree of data, and only
elements of the XHTML and SVG namespaces do what they do in a page: an
`<h:script xmlns:h="http://www.w3.org/1999/xhtml">` runs, a `<meeting online="true">`
or a `<base>` of the file's own is data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .character_references import unescape
from .markup import ATTRIBUTE, MARKUP

XHTML = "http://www.w3.org/1999/xhtml"
SVG = "http://www.w3.org/2000/svg"
# The namespaces whose elements a browser runs as a page's.
BROWSER_NAMESPACES = frozenset({XHTML, SVG})

_DECLARATION = re.compile(r"xmlns(?::(?P<prefix>.+))?")


def namespaced_start_tags(markup: str) -> Iterator[tuple[re.Match[str], str | None]]:
    """Each start tag of the XML `markup`, none in a comment or a CDATA section, with the
    namespace of its element (None for none). An end tag closes the element open last,
    whatever it names: a file where it names another is no XML a browser shows, and the
    file is read on, in one pass."""
    # By prefix ("" is the default), the namespaces bound to it, the innermost last.
    bound: dict[str, list[str]] = {}
    # By element open, the prefixes it binds (unbound as it closes).
    opened: list[list[str]] = []
    for found in MARKUP.finditer(markup):
        name = found.group("name")
        if name is None:
            continue
        if found.group("end"):
            if opened:
                _unbind(bound, opened.pop())
            continue
        declared = _declare(found.group(), bound)
        namespaces = bound.get(name.rpartition(":")[0])
        yield found, (namespaces[-1] if namespaces else None) or None
        if found.group().endswith("/>"):
            _unbind(bound, declared)
        else:
            opened.append(declared)


def _declare(tag: str, bound: dict[str, list[str]]) -> list[str]:
    """Bind the namespaces that `tag` declares, and return their prefixes."""
    if "xmlns" not in tag:  # most tags
        return []
    prefixes: list[str] = []
    for attribute in ATTRIBUTE.finditer(tag):
        declaration = _DECLARATION.fullmatch(attribute.group("name"))
        if declaration is not None:
            value = next(v for v in attribute.group("double", "single", "bare") if v is not None)
            prefix = declaration.group("prefix") or ""
            bound.setdefault(prefix, []).append(unescape(value))
            prefixes.append(prefix)
    return prefixes


def _unbind(bound: dict[str, list[str]], prefixes: list[str]) -> None:
    for prefix in prefixes:
        bound[prefix].pop()
