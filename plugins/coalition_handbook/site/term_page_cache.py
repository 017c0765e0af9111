"""A term page's Markdown as an earlier build generated it, kept beside mkdocs.yml.

    .cache/handbook/site-markdown.pickle     {key: Markdown}

Generating a term's page (its search forms, its definition as shown, the template) was
most of what adding the generated pages cost a warm build, and a handbook's terms rarely
change between two builds. The page is a function of what `pages.term_page` reads, and
that is the key (`term_page_inputs`): the term (every field but where it was read from),
the terms it names (their ids and names), its search boost, the forms the handbook
writes it in, whether a page uses it, the site's language, the theme's term template,
whether forms are search tags, whether the site runs def_list, the id its heading had
before its name was shown as typed (site/earlier_anchors.py), the short it shows
(made with the site's Markdown: site/short_text.py), and the templates' text. The
engine's code and the libraries it uses are in every key of the cache (`RunCache.key`).
"""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from pathlib import Path

from ..cache import RunCache, digest
from ..model.types import Term
from .pages import SiteInputs, is_used, shown_short, term_page
from .search_boost import replaced_forms

NAMESPACE = "site-markdown"
_TEMPLATES = Path(__file__).parent.parent / "templates" / "site"


def cached_term_page(term: Term, inputs: SiteInputs, search_boost: float, cache: RunCache) -> str:
    """`term_page(term, inputs, search_boost)`, from `cache` when it holds it."""
    if not cache.enabled:
        return term_page(term, inputs, search_boost)
    key = cache.key(NAMESPACE, _templates_text(), *term_page_inputs(term, inputs, search_boost))
    found = cache.load(NAMESPACE, key)
    if isinstance(found, str):
        return found
    markdown = term_page(term, inputs, search_boost)
    cache.store(NAMESPACE, key, markdown)
    return markdown


def term_page_inputs(term: Term, inputs: SiteInputs, search_boost: float) -> list[str]:
    """Everything `pages.term_page` reads, as text."""
    terms = inputs.handbook.terms
    # The page names the term to use now, at the end of its chain of replacements.
    named = [term.replaced_by or "", inputs.use_now.get(term.id, ""), *term.related]
    return [
        repr(
            [
                (item.name, getattr(term, item.name))
                for item in fields(term)
                if item.name != "origin"
            ]
        ),
        repr(
            [
                (term_id, terms[term_id].term, terms[term_id].status) if term_id in terms else None
                for term_id in named
            ]
        ),
        repr(search_boost),
        repr(tuple(inputs.written_forms.get(term.id, ()))),
        repr(replaced_forms(term, inputs.replaced_terms, inputs.written_forms)),
        repr(is_used(term, inputs)),
        inputs.language,
        repr(inputs.term_template),
        repr(inputs.forms_as_search_tags),
        repr(inputs.definition_lists),
        inputs.earlier_anchors.get(term.term, ""),
        shown_short(term, inputs),
    ]


@cache
def _templates_text() -> str:
    """The generated pages' templates (the environment reads each once per process)."""
    return digest(*(path.read_bytes() for path in sorted(_TEMPLATES.glob("*.j2"))))
