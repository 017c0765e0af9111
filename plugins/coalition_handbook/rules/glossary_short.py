"""glossary.short: Markdown or HTML in a term's `short`, which is plain text (DESIGN
section 3.1). Tooltips, the glossary's index and search show it as typed: `*not*` keeps
its asterisks, `[a law](url)` its brackets and `<b>` shows as a tag. A `short` left out
is made of the definition's first sentence, as plain text; it is reported only when that
sentence is too long for a tooltip, which then shows its first words."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..markdown.link_labels import linear_for_markdown_it
from ..model.glossary import (
    DEFAULT_SHORT_CHARACTERS,
    commonmark,
    first_sentence,
    inline_text,
    tags_as_text,
)
from .base import CheckContext

RULE = "glossary.short"


def check(context: CheckContext) -> Iterator[Finding]:
    handbook = context.handbook
    shorts = [
        (term.origin, term.short)
        for term in handbook.terms.values()
        if "short" in term.origin.spans  # written, not made of the definition
    ]
    # A term file with other problems: its short is shown once they are fixed.
    shorts += [
        (record.origin, text)
        for record in handbook.rejected_records
        if record.kind == "term"
        for key, text in record.texts
        if key == "short"
    ]
    for origin, short in shorts:
        as_typed = " ".join(short.split())
        rendered = _inline_plain_text(short)
        if rendered != as_typed:
            # Rendered, `<T visa>` would be a tag: nothing left to suggest.
            instead = f"write it as '{rendered}', or " if rendered else ""
            yield context.finding_at(
                RULE,
                origin,
                "short",
                "'short' is plain text, shown as typed in tooltips and the glossary's "
                f"index: its Markdown or HTML is not rendered ({instead}leave 'short' out "
                "to use the definition's first sentence)",
            )
    yield from _default_shorts_cut(context)


def _default_shorts_cut(context: CheckContext) -> Iterator[Finding]:
    """A term that writes no `short` and whose definition's first sentence was cut to
    make its tooltip (`model.glossary.default_short`)."""
    for term in context.handbook.terms.values():
        if "short" in term.origin.spans or not term.short.endswith("…"):
            continue  # written, or not cut (a cut one ends in "…")
        sentence = first_sentence(tags_as_text(term.definition))
        if len(sentence) <= DEFAULT_SHORT_CHARACTERS:
            continue
        yield context.finding_at(
            RULE,
            term.origin,
            "definition",
            f"the definition's first sentence, which is the term's tooltip while 'short' is "
            f"left out, is {len(sentence):,} characters long: tooltips show its first "
            f"{DEFAULT_SHORT_CHARACTERS}, cut with '…'; write a 'short' of a line",
        )


def _inline_plain_text(short: str) -> str:
    """What `short` would read as if its inline Markdown were rendered: emphasis, code,
    links, tags and entities. Only inline markup: `> 18 years` or `2000. The law` would
    start a block, but that is how a one-line short reads, as typed."""
    tokens = commonmark().parseInline(linear_for_markdown_it(short))
    return " ".join(" ".join(inline_text(token) for token in tokens).split())
