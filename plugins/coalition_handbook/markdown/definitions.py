"""A term's definition as the Markdown its page and the handouts' key terms render.

A definition is text (DESIGN section 11): its tags show as typed (`raw_html.tags_as_text`),
and of what attr_list would put on an element it keeps only what names, labels or lays
out the element (`{: #id .class title="..." lang=es }`). Event handlers, styles and any
other attribute (`[x](#top){: autofocus onfocus="..." }`, `**b**{: style="background:url(...)" }`,
`[x](#top){: href="javascript:..." }`, `formaction=`, `src=`, a bare `hidden` or
`popover`) are left out, so a glossary file copied in from another coalition runs
nothing, loads nothing, hides nothing and sends the reader nowhere else on the term's
page (security audit). `html.active-content` names the
handlers, `glossary.html` the others, at their place in the file.
"""

from __future__ import annotations

from .attribute_lists import attributes_named, without_attributes
from .raw_html import tags_as_text

# What a definition's attr_list lists keep: no browser loads, navigates or runs anything
# by these, nor do Material's scripts (which act on `data-md-*`, `data-clipboard-text`...:
# so `data-*` goes too).
_KEPT_ATTRIBUTES = frozenset(
    {"id", "class", "title", "lang", "dir", "translate", "alt", "width", "height", "abbr"}
    | {"role", "rel", "hreflang", "target"}
)


def left_out_of_definition(name: str) -> bool:
    """Whether a definition leaves out the attr_list attribute `name` (in lower case)."""
    return name not in _KEPT_ATTRIBUTES and not name.startswith("aria-")


def definition_as_shown(definition: str, *, definition_lists: bool = True) -> str:
    """`definition` as its page and the handouts render it: tags as text, and in an
    attr_list list nothing that is `left_out_of_definition`; its code (where no `<` is
    made text) read with def_list or without (`definition_lists`)."""
    shown = tags_as_text(definition, definition_lists=definition_lists)
    left_out = attributes_named(shown, left_out_of_definition, definition_lists=definition_lists)
    return without_attributes(shown, left_out)
