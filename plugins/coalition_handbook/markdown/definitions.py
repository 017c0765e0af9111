"""A term's definition as the Markdown its page and the handouts' key terms render.

A definition is text (DESIGN section 11): its tags show as typed (`raw_html.tags_as_text`),
and the event handlers and styles that attr_list would put on an element
(`[x](#top){: autofocus onfocus="..." }`, `**b**{: style="background:url(...)" }`) are
left out, so a glossary file copied in from another coalition runs nothing and loads
nothing on the term's page (security audit). `html.active-content` names the handlers,
`glossary.html` the styles, at their place in the file.
"""

from __future__ import annotations

from .attribute_lists import handler_or_style_attributes, without_attributes
from .raw_html import tags_as_text


def definition_as_shown(definition: str) -> str:
    """`definition` as its page and the handouts render it: tags as text, and no
    handler or style in an attr_list list."""
    shown = tags_as_text(definition)
    return without_attributes(shown, handler_or_style_attributes(shown))
