"""The generated pages: glossary index and terms, protocols, training index, changes.

`generate_pages` returns Markdown by source path (`glossary/victim.md`); the plugin adds
each one to the site as a virtual file. Links between pages are written as relative
source paths, which MkDocs resolves and validates like any author's link.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html.entities import codepoint2name

from markupsafe import Markup, escape

from .. import published
from ..lazy_pattern import LazyPattern
from ..markdown.definitions import definition_as_shown
from ..model.replacements import replacements
from ..model.types import Handbook, HistoryEntry, Module, Page, Protocol, Term
from ..rules.module_readability import TARGET_GRADE
from ..slugs import a_to_z_key, index_letter, index_letters, natural_sort_key, sort_key
from .file_sizes import shown_size
from .languages import english_label, language_name
from .search_boost import (
    CHANGES_BOOST,
    capital_search_words,
    deprecated_by_replacement,
    other_search_forms,
    protocol_search_steps,
    replaced_forms,
    term_search_boosts,
    typed_search_forms,
)
from .templates import markdown_text, render
from .urls import (
    CHANGES_PAGE,
    GLOSSARY_INDEX,
    PROTOCOLS_INDEX,
    handout_path,
    page_url,
    protocol_src_uri,
    relative_page_url,
    relative_src,
    relative_url,
    term_src_uri,
)

# Where a term page's "Used on" list goes: the generated Markdown holds this empty list,
# the plugin fills it in once the page is indexed for search (see `used_on_lists`).
USED_ON_PLACEHOLDER = '<ul class="hb-used-on"></ul>'

_MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


@dataclass(frozen=True, slots=True)
class PageRef:
    """A page of the site by its source path, with the title to show in a link.
    `generated`: a page the handbook generates (a protocol's), not an author's file."""

    src_uri: str
    title: str
    generated: bool = False


@dataclass(frozen=True, slots=True)
class SiteInputs:
    """What the generated pages are made from."""

    handbook: Handbook
    # term id -> the short the site shows (site/short_text.py: a default one as the
    # site's Markdown renders the definition); a term not in it shows its own `short`
    shorts: Mapping[str, str] = field(default_factory=dict)
    modules_dir: str = "modules"  # relative to docs_dir, as MkDocs names source files
    handouts: bool = True
    # Modules whose handout this build does not publish: it cannot make it (no Pango,
    # nothing cached), and their pages say so instead of linking to a PDF that is not
    # there; or it makes none (`handouts` false). A link to one is its text, saying so.
    unpublished_handouts: frozenset[str] = frozenset()
    # module id -> bytes of its PDF, where the build has made it before the pages: shown
    # beside its links, for a reader paying for data (`file_sizes.shown_size`).
    handout_sizes: Mapping[str, int] = field(default_factory=dict)
    # Modules whose page the site leaves out (exclude_docs: a draft): checked, but no
    # generated page lists them, links to them or shows their history.
    left_out_modules: frozenset[str] = frozenset()
    # term id -> the pages that use one of its forms, in reading order
    usage: Mapping[str, tuple[PageRef, ...]] = field(default_factory=dict)
    # source path -> the URL MkDocs gives the page (`modules/x/` or `modules/x.html`):
    # a term's "Used on" list links by URL (see `used_on_lists`); pages without one are left out
    page_urls: Mapping[str, str] = field(default_factory=dict)
    directory_urls: bool = True
    # source path -> Markdown of an author's own page at that path, kept as the intro
    intros: Mapping[str, str] = field(default_factory=dict)
    # Give term pages their forms as front matter `tags`: Material's search ranks tags
    # highest, so typing "TIP" puts the term first. Off where a tags plugin shows tags.
    forms_as_search_tags: bool = True
    # The theme template of term pages (front matter `template`): Material's gets the
    # plugin's compact sidebar, not the whole navigation; None keeps the theme's default.
    term_template: str | None = None
    # module id -> its reading grade (Flesch-Kincaid), shown on its page
    reading_grades: Mapping[str, float] = field(default_factory=dict)
    # term id -> its forms as the matcher compiled them, inflections too
    # (`Matcher.written_forms`): the words its page is also found by in search
    written_forms: Mapping[str, Sequence[str]] = field(default_factory=dict)
    # The site's `theme.language`: where it is not English, the pages' English labels
    # are marked as English (`english_label`)
    language: str = "en"
    # Whether the site runs def_list (`HandbookConfig.definition_lists`): a definition's
    # indented blocks are its own, or code, where its tags are not made text
    definition_lists: bool = True
    # A term's or protocol's name -> the id its heading had before its name was shown as
    # typed, where the site's extensions made another (site/earlier_anchors.py)
    earlier_anchors: Mapping[str, str] = field(default_factory=dict)
    # `replaced_terms`, found on first use (a frozen dataclass's field, filled once)
    _replaced: dict[str, dict[str, list[str]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    # `use_now`, found on first use, as `_replaced`
    _use_now: dict[str, dict[str, str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def replaced_terms(self) -> Mapping[str, Sequence[str]]:
        """Term id -> the deprecated terms it replaces (`deprecated_by_replacement`)."""
        found = self._replaced.get("")
        if found is None:
            found = self._replaced[""] = deprecated_by_replacement(self.handbook.terms.values())
        return found

    @property
    def use_now(self) -> Mapping[str, str]:
        """Deprecated term id -> the term to use now, at the end of its chain of
        replacements (`model.replacements`): found once for all the term pages of a build,
        as following each term's chain on its own takes the square of a long one's length."""
        found = self._use_now.get("")
        if found is None:
            found = self._use_now[""] = replacements(self.handbook.terms).now
        return found

    @property
    def published_modules(self) -> list[Module]:
        """The modules the site publishes a page of (`left_out_modules` aside)."""
        return [
            module
            for module in self.handbook.modules.values()
            if module.id not in self.left_out_modules
        ]

    def module_src_uri(self, module_id: str) -> str:
        return posixpath.join(self.modules_dir, f"{module_id}.md")

    @property
    def modules_index(self) -> str:
        return published.modules_index(self.modules_dir)

    @property
    def index_pages(self) -> tuple[str, ...]:
        """Generated pages that keep an author's page at their path as their intro."""
        return published.index_pages(self.modules_dir)


@dataclass(frozen=True, slots=True)
class ChangeEntry:
    date: dt.date
    kind: str
    title: str
    version: int
    summary: str
    src_uri: str


def generate_pages(
    inputs: SiteInputs, make_term_page: Callable[[Term, SiteInputs, float], str] | None = None
) -> dict[str, str]:
    """Every generated page, as Markdown by source path; term pages by `make_term_page`
    (`term_page`, or the same through a cache)."""
    handbook = inputs.handbook
    pages: dict[str, str] = {GLOSSARY_INDEX: glossary_index(inputs)}
    boosts = term_search_boosts(handbook.terms.values())
    make = make_term_page or term_page
    for term in handbook.terms.values():
        pages[term_src_uri(term.id)] = make(term, inputs, boosts[term.id])
    pages[PROTOCOLS_INDEX] = protocols_index(inputs)
    for protocol in handbook.protocols.values():
        pages[protocol_src_uri(protocol.id)] = protocol_page(protocol, inputs)
    # Even with no modules yet, where their folder is: an author's `nav` names it.
    if inputs.modules_dir:
        pages[inputs.modules_index] = modules_index(inputs)
    pages[CHANGES_PAGE] = changes_page(inputs)
    return pages


def _link(from_src: str, to_src: str) -> Markup:
    return Markup(relative_src(from_src, to_src))


def _intro(inputs: SiteInputs, src_uri: str) -> Markup | None:
    """An author's page at `src_uri`, without its `# Title` (the generated page has one)."""
    text = inputs.intros.get(src_uri, "").strip()
    if text.startswith("# "):
        text = text.partition("\n")[2].strip()
    return Markup(text) if text else None


# A page's place in a "Used on" list: its group, its title's and its path's sort keys.
_SortKey = tuple[int, tuple[object, ...], tuple[object, ...]]


def used_on(
    handbook: Handbook, usage: Mapping[str, Sequence[str]], language: str
) -> dict[str, tuple[PageRef, ...]]:
    """Term id -> the pages that use it, once each: the author's pages (modules
    included) by title, then the protocols' generated pages by title, then the pages of
    the other terms whose definition uses it, by term, in the order of the site's
    `language`, numbers compared as numbers (`natural_sort_key`). `usage` gives the
    paths of the files that use each term (as `documents.pages_using_terms` does); other
    files have no page in the list."""
    pages = {page.path: page for page in handbook.pages}
    protocols = {protocol.origin.path: protocol for protocol in handbook.protocols.values()}
    terms = {term.origin.path: term for term in handbook.terms.values()}
    # By path: a page's title and its place in the lists are worked out once, not once
    # for each term it uses (a large handbook's pages each use dozens).
    refs: dict[str, tuple[_SortKey, PageRef]] = {}
    result: dict[str, tuple[PageRef, ...]] = {}
    for term_id, paths in usage.items():
        term_refs: dict[str, tuple[_SortKey, PageRef]] = {}  # by source path: each page once
        for path in paths:
            ref = refs.get(path)
            if ref is None:
                found = _page_ref(pages.get(path), protocols.get(path), terms.get(path))
                if found is None:
                    continue
                group, page_ref = found
                place = (
                    group,
                    natural_sort_key(page_ref.title, language),
                    natural_sort_key(page_ref.src_uri),  # pages of one title, by their path
                )
                ref = refs[path] = place, page_ref
            term_refs.setdefault(ref[1].src_uri, ref)
        ordered = sorted(term_refs.values(), key=lambda ref: ref[0])
        result[term_id] = tuple(ref for _, ref in ordered)
    return result


def _page_ref(
    page: Page | None, protocol: Protocol | None, term: Term | None
) -> tuple[int, PageRef] | None:
    """A page's link in a "Used on" list, after its group there: 0 the author's pages,
    1 the protocols', 2 the terms'."""
    if page is not None:
        return 0, PageRef(page.src_uri, page_title(page))
    if protocol is not None:
        return 1, PageRef(protocol_src_uri(protocol.id), protocol.title, generated=True)
    if term is not None:
        return 2, PageRef(term_src_uri(term.id), term.term, generated=True)
    return None


def page_title(page: Page) -> str:
    """A page's title as the theme shows it: front matter `title`, else its first `# `
    heading, else its file name."""
    title = page.meta.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    body = page.origin.text.splitlines()[page.origin.body_line - 1 :]
    for line in body:
        if line.startswith("# "):
            return line[2:].strip().rstrip("#").strip()
    stem = posixpath.splitext(posixpath.basename(page.src_uri))[0]
    if stem == "index":
        stem = posixpath.basename(posixpath.dirname(page.src_uri)) or "Home"
    return stem.replace("-", " ").replace("_", " ").capitalize()


def terms_a_to_z(terms: Mapping[str, Term], language: str) -> list[Term]:
    """The terms in the glossary's order in the site's `language` (`a_to_z_key`)."""
    return sorted(terms.values(), key=lambda term: a_to_z_key(term.term, language))


def glossary_index(inputs: SiteInputs) -> str:
    letters: dict[str, list[Term]] = {}
    for term in terms_a_to_z(inputs.handbook.terms, inputs.language):
        letters.setdefault(index_letter(term.term, inputs.language), []).append(term)
    return render(
        "glossary_index.md.j2",
        inputs.language,
        intro=_intro(inputs, GLOSSARY_INDEX),
        alphabet=[(letter, letter in letters) for letter in index_letters(inputs.language)]
        + ([("#", True)] if "#" in letters else []),
        letters=letters,
        anchor=_letter_anchor,
        heading=_letter_heading,
        title=letter_title,
        href=lambda term_id: _link(GLOSSARY_INDEX, term_src_uri(term_id)),
        terms=inputs.handbook.terms,
        use_now=lambda term: inputs.use_now.get(term.id),
        short=lambda term: shown_short(term, inputs),
    )


def shown_short(term: Term, inputs: SiteInputs) -> str:
    """`term`'s short as the site shows it (`SiteInputs.shorts`)."""
    return inputs.shorts.get(term.id, term.short)


def _letter_anchor(letter: str) -> str:
    """A section's id: `letter-a` for A; a letter a language adds to A-Z named as HTML
    names it, so that the id stays ASCII (`letter-ntilde` for Ñ, `letter-aring` for Å)."""
    if letter == "#":
        return "letter-other"
    lower = letter.lower()
    if lower.isascii():
        return f"letter-{lower}"
    if ord(lower) in codepoint2name:
        return f"letter-{codepoint2name[ord(lower)]}"
    latin = unicodedata.name(lower).removeprefix("LATIN SMALL LETTER ")
    if latin != unicodedata.name(lower):  # HTML names no Vietnamese Ă: `letter-abreve`
        return "letter-" + latin.lower().replace(" with ", "").replace(" ", "")
    # A letter of another script by its Unicode name, which says the script: Ukrainian Г
    # is `letter-cyrillic-ghe` (no clash with A-Z's `letter-g`), Arabic ب `letter-arabic-beh`.
    words = unicodedata.name(lower).lower().replace(" small", "").split()
    return "letter-" + "-".join(word for word in words if word != "letter")


def _letter_heading(letter: str) -> str:
    """A section's name, as its heading and its link in the letter bar say it: "#" would
    be read aloud as "number sign"."""
    return "Other" if letter == "#" else letter


def letter_title(letter: str) -> str:
    """What a section's terms are named where a link leads to them: a term page's way
    back to its letter, and the letter's own link, which says "A" to the eye."""
    return "Other terms" if letter == "#" else f"Terms under {letter}"


def term_page(term: Term, inputs: SiteInputs, search_boost: float) -> str:
    """A term's page. What it reads is the key of its cache (site/term_page_cache.py
    `term_page_inputs`): keep the two in step (tests/test_term_page_cache.py fails when
    the page reads what the key does not)."""
    src = term_src_uri(term.id)
    terms = inputs.handbook.terms
    # The term to use now, at the end of a chain of replacements (none where it goes round).
    replacement = terms.get(inputs.use_now.get(term.id, ""))
    letter = index_letter(term.term, inputs.language)
    return render(
        "term.md.j2",
        inputs.language,
        term=term,
        earlier_anchor=inputs.earlier_anchors.get(term.term),
        short=shown_short(term, inputs),
        theme_template=inputs.term_template,
        letter_anchor=_letter_anchor(letter),
        letter_title=letter_title(letter),
        definition=Markup(
            definition_as_shown(term.definition, definition_lists=inputs.definition_lists)
        ),
        forms=(term.term, *term.aliases),
        search_tags=search_tags(term) if inputs.forms_as_search_tags else (),
        search_translations=search_translations(term),
        search_boost=search_boost,
        search_forms=other_search_forms(
            term,
            [
                *inputs.written_forms.get(term.id, ()),
                *replaced_forms(term, inputs.replaced_terms, inputs.written_forms),
            ],
        ),
        typed_forms=typed_search_forms(term, inputs.written_forms.get(term.id, ())),
        capital_words=capital_search_words(term, inputs.written_forms.get(term.id, ())),
        replacement=replacement,
        related=[terms[related] for related in dict.fromkeys(term.related) if related in terms],
        used_on=Markup(USED_ON_PLACEHOLDER) if is_used(term, inputs) else None,
        href_term=lambda term_id: _link(src, term_src_uri(term_id)),
    )


def search_tags(term: Term) -> tuple[str, ...]:
    """A term page's front matter `tags` (`SiteInputs.forms_as_search_tags`): its forms,
    then its translations, which its page shows. The theme's search reads only the
    entry's own fields to tell which words typed a result holds: "trata de personas"
    listed the page first (handbook.js) with "Missing: trata personas" and a link that
    marked only "de" (audit). In the tags, the result shows the translation marked and
    links to it marked; they are on the page's first entry only (`drop_section_tags`)."""
    translations = (text for _, text in sorted(term.translations.items()))  # as the page lists them
    return tuple(dict.fromkeys((term.term, *term.aliases, *translations)))


def search_translations(term: Term) -> list[tuple[str, str, str]]:
    """The `TRANSLATIONS_KEY` triples of a term page (language name, text, code), for
    handbook.js to say which language a result matched in, and mark the form in it
    (`lang`): one a spelling, as the result's tags are, in the order the page lists
    them. A spelling languages share names each ("Spanish and Portuguese") and has
    no code, unless they are variants of one language (`es`, `es-MX`: `es`): handbook.js
    marked it as the first (badux3). One that is also a form of the term in the site's
    language (an alias) is none: it is no more the translation's than the term's own."""
    own = {term.term, *term.aliases}
    codes: dict[str, list[str]] = {}
    for code, text in sorted(term.translations.items()):
        if text not in own:
            codes.setdefault(text, []).append(code)
    listed = []
    for text, languages in codes.items():
        names = list(dict.fromkeys(language_name(code) for code in languages))
        primary = {code.split("-")[0].lower() for code in languages}
        code = languages[0] if len(languages) == 1 else (primary.pop() if len(primary) == 1 else "")
        named = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 2 else names)
        listed.append((named, text, code))
    return listed


def is_used(term: Term, inputs: SiteInputs) -> bool:
    return any(_used_on_url(page, inputs) is not None for page in inputs.usage.get(term.id, ()))


def _used_on_url(page: PageRef, inputs: SiteInputs) -> str | None:
    """The URL of a page in a "Used on" list: the one MkDocs gave an author's page; a
    generated page's by MkDocs' rule (`page_urls` is read before pages are generated)."""
    if page.generated:
        return page_url(page.src_uri, inputs.directory_urls)
    return inputs.page_urls.get(page.src_uri)


def used_on_lists(inputs: SiteInputs) -> dict[str, str]:
    """Term page source path -> the HTML of its "Used on" list, for the terms in use.

    The list replaces `USED_ON_PLACEHOLDER` in the page's HTML after search has indexed
    the page: it is not for search (a page's title would otherwise find every term it
    uses), and a large handbook's lists hold tens of thousands of links that Markdown and
    the search indexer would parse for nothing. Its links are URLs, not Markdown links to
    source paths, for the same reason; they are the ones MkDocs gave the pages (a
    generated protocol page's by MkDocs' own rule), so they are right by construction.

    Term pages all sit at the same depth, so a page's item is the same on every term page
    whose folder does not hold it: it is made once (not once per term that uses it).
    Pages that share a title (an "Overview" in each section) show their address too. Past
    `USED_ON_SHOWN` pages, the rest are folded under "N more pages" (`_used_on_list`)."""
    repeated = _repeated_titles(inputs)
    items_by_page: dict[str, str] = {}
    lists: dict[str, str] = {}
    for term in inputs.handbook.terms.values():
        own_url = page_url(term_src_uri(term.id), inputs.directory_urls)
        own_folder = own_url if own_url.endswith("/") else posixpath.dirname(own_url) + "/"
        items: list[str] = []
        for page in inputs.usage.get(term.id, ()):
            url = _used_on_url(page, inputs)
            if url is None:
                continue
            where = url if _title_key(page.title) in repeated else None
            if url.startswith(own_folder):  # the link depends on this term page's folder
                items.append(_used_on_item(own_url, url, page.title, where))
                continue
            item = items_by_page.get(page.src_uri)
            if item is None:
                item = _used_on_item(own_url, url, page.title, where)
                items_by_page[page.src_uri] = item
            items.append(item)
        if items:
            lists[term_src_uri(term.id)] = _used_on_list(items, inputs.language)
    return lists


# The links a "Used on" list shows open; the rest are folded under "N more pages". The
# "coalition" term of a statewide handbook was used on 3,528 pages, a list of hundreds of
# screens on a phone (audit). Folded, not left out: the list is the one place that says
# where a term is used, and 200 is past what a reader scans.
USED_ON_SHOWN = 200


def _used_on_list(items: Sequence[str], language: str) -> str:
    shown = f'<ul class="hb-used-on">\n{"".join(items[:USED_ON_SHOWN])}</ul>'
    folded = items[USED_ON_SHOWN:]
    if not folded:
        return shown
    more = english_label(f"{len(folded):,} more page{'' if len(folded) == 1 else 's'}", language)
    return (
        f'{shown}\n<details class="hb-used-on-more">\n<summary>{more}</summary>\n'
        f'<ul class="hb-used-on">\n{"".join(folded)}</ul>\n</details>'
    )


def _title_key(title: str) -> str:
    """A title as a reader tells titles apart: case and accents aside (`sort_key`)."""
    return sort_key(title)


def _repeated_titles(inputs: SiteInputs) -> set[str]:
    """The titles (`_title_key`) of two or more pages of the "Used on" lists: those
    links show their address, or the lists would hold alike links to different pages."""
    src_uris_by_title: dict[str, set[str]] = {}
    for pages in inputs.usage.values():
        for page in pages:
            src_uris_by_title.setdefault(_title_key(page.title), set()).add(page.src_uri)
    return {title for title, src_uris in src_uris_by_title.items() if len(src_uris) > 1}


def _used_on_item(from_url: str, to_url: str, title: str, where: str | None) -> str:
    """A link of a "Used on" list; `where`, the page's address from the site's root, for
    a title another page has too."""
    href = escape(relative_page_url(from_url, to_url))
    shown = escape(title)
    if where is not None:
        shown += Markup(' <span class="hb-used-on__where">({})</span>').format(where or "/")
    return f'<li><a href="{href}">{shown}</a></li>\n'


def protocols_by_title(protocols: Mapping[str, Protocol], language: str) -> list[Protocol]:
    """The protocols as their index lists them, and the navigation: by title, case and
    accents ignored, in the order of the site's `language` (`sort_key`)."""
    return sorted(protocols.values(), key=lambda item: sort_key(item.title, language))


def protocols_index(inputs: SiteInputs) -> str:
    protocols = protocols_by_title(inputs.handbook.protocols, inputs.language)
    return render(
        "protocols_index.md.j2",
        inputs.language,
        intro=_intro(inputs, PROTOCOLS_INDEX),
        protocols=protocols,
        summary=lambda protocol: Markup(_first_paragraph(protocol.summary)),
        href=lambda protocol_id: _link(PROTOCOLS_INDEX, protocol_src_uri(protocol_id)),
    )


def protocol_page(protocol: Protocol, inputs: SiteInputs) -> str:
    src = protocol_src_uri(protocol.id)
    modules = [module for module in inputs.published_modules if protocol.id in module.protocols]
    return render(
        "protocol.md.j2",
        inputs.language,
        protocol=protocol,
        earlier_anchor=inputs.earlier_anchors.get(protocol.title),
        search_steps=protocol_search_steps(protocol),
        summary=Markup(protocol.summary),
        modules=sorted(modules, key=lambda module: sort_key(module.title, inputs.language)),
        href_module=lambda module_id: _link(src, inputs.module_src_uri(module_id)),
    )


def modules_index(inputs: SiteInputs) -> str:
    index = inputs.modules_index
    modules = sorted(
        inputs.published_modules, key=lambda module: sort_key(module.title, inputs.language)
    )
    # The handouts are no pages MkDocs knows: linked from the index page's own URL.
    index_url = page_url(index, inputs.directory_urls)

    def handout(module_id: str) -> Markup | None:
        if not inputs.handouts or module_id in inputs.unpublished_handouts:
            return None
        return Markup(relative_url(index_url, handout_path(module_id)))

    return render(
        "modules_index.md.j2",
        inputs.language,
        intro=_intro(inputs, index),
        modules=modules,
        # Said only when true: handouts on, and none that this build cannot make.
        every_handout=inputs.handouts
        and not any(module.id in inputs.unpublished_handouts for module in modules),
        href=lambda module_id: _link(index, inputs.module_src_uri(module_id)),
        handout=handout,
        handout_size=lambda module_id: _handout_size(inputs, module_id),
    )


def module_header(module: Module, inputs: SiteInputs, page_url: str) -> str:
    """The box of facts shown at the top of a module's page (injected into its Markdown).

    The handout is not a page MkDocs knows, so its link is relative to the page's URL.
    """
    src = inputs.module_src_uri(module.id)
    protocols = inputs.handbook.protocols
    unpublished = inputs.handouts and module.id in inputs.unpublished_handouts
    return render(
        "module_header.md.j2",
        inputs.language,
        module=module,
        protocols=[protocols[item] for item in module.protocols if item in protocols],
        href_protocol=lambda protocol_id: _link(src, protocol_src_uri(protocol_id)),
        handout=Markup(relative_url(page_url, handout_path(module.id)))
        if inputs.handouts and not unpublished
        else None,
        handout_unpublished=unpublished,
        handout_size=_handout_size(inputs, module.id),
        grade=inputs.reading_grades.get(module.id),
        plain_language_grade=TARGET_GRADE,
    )


def _handout_size(inputs: SiteInputs, module_id: str) -> str | None:
    """The size of the module's handout as its links show it, if known."""
    size = inputs.handout_sizes.get(module_id)
    return None if size is None else shown_size(size)


# A `#` that starts no character reference: `markdown_text` writes `&` as `&amp;`, so
# any `&#` in what it writes is its own.
_HASH_OF_NO_REFERENCE = LazyPattern(r"(?<!&)#")


def inject_module_header(markdown: str, header: str, title: str) -> str:
    """Put `header` after the page's leading `# Title` line, or under a `# title` line
    written for it if it has none: the theme then wrote its own heading without an id,
    and its "Skip to content" link went to the first section, past the header's protocol
    and handout links (audit)."""
    lines = markdown.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if line.startswith("# "):
            return "".join([*lines[: index + 1], "\n", header, "\n", *lines[index + 1 :]])
        break
    # `#` escaped too: closing hashes would leave a heading ("C#"); not a character
    # reference's (`&#126;` for "H~2~O"), whose digits its anchor showed (#h1262126o).
    heading = _HASH_OF_NO_REFERENCE.sub(r"\\#", markdown_text(title))
    return f"# {heading}\n\n{header}\n{markdown}"


def change_entries(inputs: SiteInputs) -> list[ChangeEntry]:
    """Every history entry of every term, protocol and module, newest first.

    Entries of the same day are ordered by title, then newest version, so two builds agree.
    """
    handbook = inputs.handbook
    entries: list[ChangeEntry] = []

    def add(kind: str, title: str, src_uri: str, history: Iterable[HistoryEntry]) -> None:
        entries.extend(
            ChangeEntry(item.date, kind, title, item.version, item.summary, src_uri)
            for item in history
        )

    for term in handbook.terms.values():
        add("term", term.term, term_src_uri(term.id), term.history)
    for protocol in handbook.protocols.values():
        add("protocol", protocol.title, protocol_src_uri(protocol.id), protocol.history)
    # A module the site leaves out is a draft: its history is not news, and its page is
    # not there to link to (listed without a link, it would announce the draft).
    for module in inputs.published_modules:
        add("module", module.title, inputs.module_src_uri(module.id), module.history)
    entries.sort(
        key=lambda entry: (sort_key(entry.title, inputs.language), entry.kind, -entry.version)
    )
    entries.sort(key=lambda entry: entry.date, reverse=True)  # stable: keeps the order above
    return entries


def changes_page(inputs: SiteInputs) -> str:
    months: dict[str, list[ChangeEntry]] = {}
    for entry in change_entries(inputs):
        months.setdefault(f"{_MONTHS[entry.date.month - 1]} {entry.date.year}", []).append(entry)
    return render(
        "changes.md.j2",
        inputs.language,
        intro=_intro(inputs, CHANGES_PAGE),
        months=months,
        search_boost=CHANGES_BOOST,
        href=lambda src_uri: _link(CHANGES_PAGE, src_uri),
    )


def _first_paragraph(markdown: str) -> str:
    return markdown.strip().split("\n\n", 1)[0].replace("\n", " ")
