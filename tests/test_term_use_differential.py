"""Where a page uses a term's form, read by the engine and by the site (differential).

Three places read "where does this page use form F": the terminology engine (the scan
`handbook check` reports from, DESIGN section 4), the autolinks of the built pages
(section 7: with `autolink: all`, every use of an accepted form outside headings, links
and code becomes `<a class="hb-term" data-term=ID>`), and the site's search (a use is
found by searching its form). A seeded generator writes a small glossary and pages that
use its forms in the contexts section 4 names: plurals and possessives (curly
apostrophes too), a hyphen, a line break or a no-break space between words, other
cases, acronyms (and their lower-case decoys), a longer form over a shorter one, in
emphasis, lists, tables, quotes, admonitions, details, raw inline HTML and md_in_html,
and in headings, links (text and title), code and comments, where nothing is linked
(nor in a compound: "X-based", as site/autolink.py's `_in_compound` says). The site is
built once for all pages. Per page, the engine's uses of accepted forms (as written, in
their case) in the places where links are allowed must be the page's links, in order,
each with its term; and every use the engine sees in prose or a heading is found by
searching it in the built search index, read as the site's search reads it.
Derandomised: the seed is fixed, and the pages are the same on every run.
"""

from __future__ import annotations

import bisect
import html
import json
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from site_builds import build_site, term_links, term_yaml, write_site

from coalition_handbook.character_references import unescape
from coalition_handbook.check import run_checks
from coalition_handbook.config import load_config
from coalition_handbook.documents import LocatedMatch, scan_handbook
from coalition_handbook.forms import plurals

SEED = 20261206
PAGES = 60
SLOTS_PER_PAGE = 12

# Context name -> (Markdown with `X` for the use, whether a link is allowed there, whether
# the checks read it). A soft line break inside a use only where the text goes on as
# prose on the next line (`BREAKABLE`).
CONTEXTS: dict[str, tuple[str, bool, bool]] = {
    "paragraph": ("Before X and after.", True, True),
    "emphasis": ("Some *X* here.", True, True),
    "strong": ("Some **X** here.", True, True),
    "underscore": ("Some _X_ here.", True, True),
    "list": ("- an item with X in it", True, True),
    "ordered": ("1. a step with X in it", True, True),
    "table": ("| one | two |\n|---|---|\n| X | other |", True, True),
    "quote": ("> quoted X here", True, True),
    "admonition": ("!!! note\n\n    a body with X in it", True, True),
    "details": ("??? note\n\n    a body with X in it", True, True),
    "span": ("Raw <span>X</span> inline.", True, True),
    "md_in_html": ("<div markdown>\nin a div X here\n</div>", True, True),
    "heading": ("## About X", False, True),
    "link": ("See [X](https://example.org/page).", False, True),
    "code": ("Type `X` there.", False, False),
    "fence": ("```\nX\n```", False, False),
    "comment": ("<!-- X -->", False, False),
    "inline_comment": ("Before <!-- X --> after.", False, False),
    "split_emphasis": ("Some X here.", True, True),
    "compound": ("A X-based plan.", False, True),
    "admonition_title": ('!!! note "X"\n\n    a plain body', False, True),
    "details_title": ('??? note "X"\n\n    a plain body', False, True),
    "raw_code": ("Raw <code>X</code> inline.", False, False),
    "raw_kbd": ("Press <kbd>X</kbd> now.", False, False),
    "raw_link": ('A <a href="https://example.org/">X</a> link.', False, True),
    "raw_bold": ("Raw <b>X</b> inline.", True, True),
    "raw_block": ("<div>\nX\n</div>", True, True),
    "image_alt": ("![X](https://example.org/a.png)", False, True),
    "link_title": ('See [this](https://example.org/ "X").', False, False),
    "nested_list": ("!!! note\n\n    - in a list X here", True, True),
    "quote_list": ("> - quoted item X", True, True),
    "tab": ('=== "One"\n\n    in a tab X here', True, True),
    "hard_break": ("Before X after.", True, True),
    "html_break": ("Before X after.", True, True),
    "reference": ("Before X after.", True, True),
    "raw_span_split": ("Before X after.", True, True),
    "comment_split": ("Before X after.", True, True),
    "link_split": ("Before X after.", False, True),
    "strong_stem": ("Before X after.", True, True),
    "escaped": ("Before X after.", True, True),
}
# Where the engine sees a use that the site does not link, though a link is allowed there
# (DESIGN section 7): a form in a raw HTML block, which Python-Markdown passes on as
# written, and no autolink rewrites. Asserted as it is, so that a change to either side
# is seen here.
NOT_LINKED_YET: dict[str, Callable[[str], bool]] = {"raw_block": lambda found: True}
BREAKABLE = frozenset({"paragraph", "emphasis", "strong", "underscore"})
_FIRST_SEPARATOR = re.compile(r"[ \u00a0\n-]+")


def _emphasised_first_word(use: str) -> str:
    return re.sub(r"^([^ \u00a0\n-]+)", r"*\1*", use) if _FIRST_SEPARATOR.search(use) else use


def _hard_break(use: str) -> str:
    return _FIRST_SEPARATOR.sub("  \n", use, count=1)


def _references(use: str) -> str:
    return (
        use.replace("\u00a0", "&nbsp;")
        .replace("'", "&#39;")
        .replace("\u2019", "&rsquo;")
        .replace(" ", "&#32;", 1)
    )


def _strong_stem(use: str) -> str:
    """The use in bold but for its plural's `s` or its possessive's ending."""
    ending = re.search(r"(?<=[^\W\d_])(?:s|['\u2019]s)$", use)
    cut = ending.start() if ending else len(use)
    return f"**{use[:cut]}**{use[cut:]}"


def _escaped(use: str) -> str:
    return use.replace("-", "\\-").replace("'", "\\'")


# How a context writes a use it is given.
REWRITES: dict[str, Callable[[str], str]] = {
    "split_emphasis": _emphasised_first_word,
    "hard_break": _hard_break,
    "html_break": lambda use: _FIRST_SEPARATOR.sub("<br>", use, count=1),
    "reference": _references,
    "escaped": _escaped,
    "strong_stem": _strong_stem,
    "raw_span_split": lambda use: re.sub(r"^([^ \u00a0\n-]+)", r"<span>\1</span>", use),
    "comment_split": lambda use: _FIRST_SEPARATOR.sub(" <!-- a note --> ", use, count=1),
    "link_split": lambda use: re.sub(r"^([^ \u00a0\n-]+)", r"[\1](https://example.org/)", use),
    "fence": lambda use: use.replace("\n", " "),
}


@dataclass(frozen=True)
class GlossaryTerm:
    term_id: str
    term: str
    aliases: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    case_sensitive: bool = False
    deprecated_for: str | None = None


def glossary(rng: random.Random) -> list[GlossaryTerm]:
    """A small glossary: one word (its plural irregular or not), two words with an acronym
    alias, a longer form over those two, a case-sensitive form, a form to avoid, and a
    deprecated term."""
    single = rng.choice(["survivor", "child", "witness", "courier", "advocate"])
    first, second = rng.choice(
        [("labor", "recruiter"), ("shelter", "worker"), ("case", "manager"), ("safe", "house")]
    )
    acronym = (first[0] + second[0]).upper() + rng.choice(["", "X"])
    longer = rng.choice(["network", "program", "agency"])
    letter, paper = rng.choice("QKZ"), rng.choice(["visa", "permit", "pass"])
    return [
        GlossaryTerm(single, single, avoid=(rng.choice(["sufferer", "casualty"]),)),
        GlossaryTerm(f"{first}-{second}", f"{first} {second}", aliases=(acronym,)),
        GlossaryTerm(f"{first}-{second}-{longer}", f"{first} {second} {longer}"),
        GlossaryTerm(f"{letter.lower()}-{paper}", f"{letter} {paper}", case_sensitive=True),
        GlossaryTerm("outreach-contact", "outreach contact", aliases=("street outreach",)),
        GlossaryTerm("rescue-raid", "rescue raid", deprecated_for="outreach-contact"),
    ]


def term_files(terms: list[GlossaryTerm]) -> dict[str, str]:
    files = {}
    for term in terms:
        extra = ""
        if term.aliases:
            extra += f"aliases: {json.dumps(list(term.aliases))}\n"
        if term.avoid:
            extra += f"avoid: {json.dumps(list(term.avoid))}\n"
        if term.case_sensitive:
            extra += "case_sensitive: true\n"
        if term.deprecated_for:
            extra += f"status: deprecated\nreplaced_by: {term.deprecated_for}\n"
        files[term.term_id] = term_yaml(term.term, f"What {term.term} means.", extra=extra)
    return files


def _cased(rng: random.Random, form: str, case_sensitive: bool) -> str:
    if form.isupper() or (case_sensitive and rng.random() < 0.8):
        return form
    return rng.choice([form, form.capitalize(), form.title(), form.upper(), form.lower()])


def _ended(rng: random.Random, words: list[str]) -> list[str]:
    """The last word as written, plural, possessive (straight or curly) or plural
    possessive; an acronym's plural is its letters and `s`."""
    last = words[-1]
    plural = (plurals(last.lower()) or (last.lower() + "s",))[0]
    if last.isupper():  # an acronym's plural is its letters and `s`; a word's, in capitals
        plural = last + "s" if len(last) <= 3 else plural.upper()
    elif last[0].isupper():
        plural = plural.capitalize()
    apostrophe = rng.choice("'\u2019")
    ending = rng.choice(
        [last, last, plural, f"{last}{apostrophe}s", f"{plural}{apostrophe}"]
        if plural.lower().endswith("s")
        else [last, last, plural, f"{last}{apostrophe}s", f"{plural}{apostrophe}s"]
    )
    return [*words[:-1], ending]


def written_use(rng: random.Random, terms: list[GlossaryTerm], breakable: bool) -> str:
    """One form of the glossary as an editor may write it, or a decoy."""
    term = rng.choice(terms)
    roll = rng.random()
    if roll < 0.08:
        form = rng.choice(term.avoid or (term.term,))
    elif roll < 0.12 and term.aliases and term.aliases[0].isupper():
        return term.aliases[0].lower() + " of"  # the acronym in lower case: no use of it
    else:
        form = rng.choice((term.term, *term.aliases))
    words = _ended(rng, _cased(rng, form, term.case_sensitive).split(" "))
    separators = [" ", " ", "-", "\u00a0", "  "] + (["\n"] if breakable else [])
    written = words[0]
    for word in words[1:]:
        written += rng.choice(separators) + word
    return written


@dataclass(frozen=True)
class Slot:
    """Where a page's planted text is (offsets into the page), and its context."""

    start: int
    end: int
    context: str


def page(rng: random.Random, number: int, terms: list[GlossaryTerm]) -> tuple[str, list[Slot]]:
    text = f"# Page {number}\n\n"
    slots = []
    for _ in range(SLOTS_PER_PAGE):
        context = rng.choice(list(CONTEXTS))
        template = CONTEXTS[context][0]
        use = written_use(rng, terms, context in BREAKABLE)
        use = REWRITES.get(context, str)(use)
        before, after = template.split("X")
        start = len(text) + len(before)
        text += f"{before}{use}{after}\n\n"
        slots.append(Slot(start, start + len(use), context))
    return text, slots


def pages(seed: int) -> tuple[list[GlossaryTerm], dict[str, tuple[str, list[Slot]]]]:
    rng = random.Random(seed)
    terms = glossary(rng)
    return terms, {f"p{number:03}.md": page(rng, number, terms) for number in range(PAGES)}


def _offset(text: str, line_starts: list[int], found: LocatedMatch) -> int:
    return line_starts[found.line - 1] + found.column - 1


def _slot_of(slots: list[Slot], offset: int) -> Slot | None:
    index = bisect.bisect_right([slot.start for slot in slots], offset) - 1
    if index >= 0 and slots[index].start <= offset < slots[index].end:
        return slots[index]
    return None


def as_read(text: str) -> str:
    """A use as a reader reads it: NFC, any run of spaces (a line break, a no-break
    space) as one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def as_shown(found: str) -> str:
    """A use as written in the source (`found`) as the page shows it: its backslash
    escapes and character references read, its emphasis marks, tags, comments and link
    syntax gone, a `<br>` a space."""
    shown = re.sub(r"<br\s*/?>", " ", found)
    shown = re.sub(r"<!--.*?-->|<[^<>]*>|(?<!\\)\*|\[|\]\([^()]*\)", "", shown)
    return as_read(unescape(re.sub(r"\\([-'*_\\])", r"\1", shown)))


def in_compound(text: str, start: int, end: int) -> bool:
    """Whether a use is glued by a hyphen to a word before or after it: checked, not
    linked (site/autolink.py's `_in_compound`: "victim-centered" is no use to link)."""
    before = re.search(r"[\w][-\u2010\u2011]\*?$", text[:start])
    after = re.match(r"\*?[-\u2010\u2011]\w", text[end:])
    return before is not None or after is not None


@dataclass
class Tally:
    pages: int = 0
    uses: int = 0
    linkable: int = 0
    not_linked_yet: int = 0


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict, list]:
    terms, written = pages(SEED)
    root = tmp_path_factory.mktemp("differential")
    extensions = (
        "markdown_extensions:\n  - admonition\n  - attr_list\n  - md_in_html\n  - tables\n"
        "  - pymdownx.details\n  - pymdownx.superfences\n"
        "  - pymdownx.tabbed:\n      alternate_style: true\n"
    )
    config = write_site(
        root,
        pages={name: text for name, (text, _) in written.items()},
        terms=term_files(terms),
        options="autolink: all\nhandouts: false\n",
        extra_config=extensions,
        theme="material",
        search=True,
    )
    site = build_site(config, strict=False)
    return config, site, written, terms


def engine_uses(config: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, list[LocatedMatch]]:
    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    context = run_checks(load_config(config)).context
    return {
        document.path.removeprefix("content/"): list(document.matches)
        for document in scan_handbook(context)
        if document.kind == "page"
    }


def test_every_use_the_engine_sees_where_links_are_allowed_is_linked_once(
    built: tuple[Path, Path, dict, list], monkeypatch: pytest.MonkeyPatch
) -> None:
    config, site, written, _ = built
    uses = engine_uses(config, monkeypatch)
    tally = Tally()
    disagreements: list[str] = []
    for name, (text, slots) in written.items():
        tally.pages += 1
        line_starts = [0] + [found.end() for found in re.finditer("\n", text)]
        expected = []
        for found in uses.get(name, []):
            tally.uses += 1
            slot = _slot_of(slots, _offset(text, line_starts, found))
            if slot is None:
                disagreements.append(f"{name}: {found.found!r} outside any planted text")
                continue
            if not CONTEXTS[slot.context][2]:
                disagreements.append(f"{name}: {found.found!r} checked in {slot.context}")
            offset = _offset(text, line_starts, found)
            linkable = (
                CONTEXTS[slot.context][1]
                and not NOT_LINKED_YET.get(slot.context, lambda _: False)(found.found)
                and not in_compound(text, offset, offset + len(found.found))
            )
            usable = found.match.kind == "accepted" and found.match.case_ok
            if usable and CONTEXTS[slot.context][1] and slot.context in NOT_LINKED_YET:
                tally.not_linked_yet += not linkable
            if usable and linkable:
                expected.append((found.match.term_id, as_shown(found.found)))
        tally.linkable += len(expected)
        html = (site / name.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        html = re.sub(r"<br\s*/?>", " ", html)  # a break in a link reads as a space
        linked = [(link.attrs["data-term"], as_read(link.text)) for link in term_links(html)]
        if linked != expected:
            disagreements.append(f"{name}: engine {expected}\n  site {linked}\n{text}")
    print(tally)
    assert disagreements == []


# As the theme's search splits the words of a page and of a query (`[\s\-]+`, its
# default separator), and assets/search-fold.js folds and trims each word.
_SEARCH_SEPARATOR = re.compile(r"[\s\-]+")
_EDGE_MARKS = re.compile(r"^[^\w]+|[^\w]+$")


def search_word(word: str) -> str:
    """A word as the site's search holds it or asks for it (`searchFolded`, then
    `searchTrimmed`): lower case, Latin accents dropped, a curly or a phone's apostrophe
    straight, edge marks trimmed."""
    folded = unicodedata.normalize("NFKD", word).lower()
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    folded = unicodedata.normalize("NFC", folded).replace("\u2019", "'").replace("\u02bc", "'")
    return _EDGE_MARKS.sub("", folded)


def indexed_words(entries: list[dict[str, object]]) -> set[str]:
    """The words the search index holds for a page's entries, as the worker reads them."""
    words: set[str] = set()
    for entry in entries:
        for field in ("title", "text", "tags", "handbook_forms"):
            value = entry.get(field) or ""
            text = " ".join(value) if isinstance(value, list) else str(value)
            text = html.unescape(re.sub(r"<[^>]*>", " ", text))
            words.update(search_word(word) for word in _SEARCH_SEPARATOR.split(text))
    return words - {""}


def finds(words: set[str], query: str) -> bool:
    """Whether every word of `query` starts a word of `words`, as the theme asks each word
    typed (`word*`)."""
    asked = [search_word(word) for word in _SEARCH_SEPARATOR.split(query)]
    return all(any(word.startswith(part) for word in words) for part in asked if part)


# Where the engine checks a use that search does not index as the page's text: an image's
# alt text (the theme indexes what a page shows, not its attributes).
NOT_SEARCHED = frozenset({"image_alt"})


def test_every_use_the_engine_sees_is_found_by_search(
    built: tuple[Path, Path, dict, list], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Searching a use as written finds its page, and searching any way the engine read
    a term's accepted form on the pages finds the term's page (DESIGN section 7)."""
    config, site, written, _ = built
    uses = engine_uses(config, monkeypatch)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    by_page: dict[str, list[dict[str, object]]] = {}
    for entry in index["docs"]:
        by_page.setdefault(str(entry["location"]).partition("#")[0], []).append(entry)
    missed: list[str] = []
    searched = 0
    accepted_writings: dict[str, set[str]] = {}
    for name, (text, slots) in written.items():
        words = indexed_words(by_page[name.removesuffix(".md") + "/"])
        line_starts = [0] + [found.end() for found in re.finditer("\n", text)]
        for found in uses.get(name, []):
            slot = _slot_of(slots, _offset(text, line_starts, found))
            if slot is None or slot.context in NOT_SEARCHED:
                continue
            shown = as_shown(found.found.replace("*", ""))
            searched += 1
            if not finds(words, shown):
                missed.append(f"{name}: {shown!r} ({slot.context})")
            if found.match.kind == "accepted" and found.match.case_ok:
                accepted_writings.setdefault(found.match.term_id, set()).add(shown)
    for term_id, writings in sorted(accepted_writings.items()):
        words = indexed_words(by_page[f"glossary/{term_id}/"])
        for shown in sorted(writings):
            searched += 1
            if not finds(words, shown):
                missed.append(f"glossary/{term_id}/: {shown!r}")
    print(f"searched {searched} uses and writings")
    assert missed == []
