"""A term's default `short` as the site shows it (DESIGN 3.1 and 7): its definition
rendered with the site's Markdown (mkdocs.yml's `markdown_extensions` and their options,
as a term page renders it), then as plain text, its first sentence, cut for a tooltip.

The engine's `model.glossary.default_short` reads the definition as CommonMark, which
is all `handbook check` needs and costs it no Python-Markdown: there an admonition's
`!!! note "Legal"`, a def_list's `:   `, `==mark==` or `++ctrl+c++` stay text. HTML in
a definition is text in both, as on its page (`markdown.definitions.definition_as_shown`).
The build, which renders every term's page anyway, makes the tooltip, the glossary
index's line and the term page's description of this instead (`ShortRenderer.short`).
No mkdocs import: the caller gives the extensions. A prose definition (most are) with
only extensions on that leave prose be is not rendered: its short is the engine's
(`ShortRenderer.reads_as_typed`, proven by a differential test). A warm build renders
none: the
shorts made are kept in the cache beside mkdocs.yml, under the extensions and their
options (`shown_shorts`).

    .cache/handbook/site-shorts.pickle     {key: {definition digest: short}}
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from ..cache import RunCache, digest
from ..extension_list import definition_lists_on
from ..lazy_pattern import LazyPattern
from ..markdown.definitions import definition_as_shown
from ..markup import VOID_ELEMENTS
from ..model.glossary import (
    DEFAULT_SHORT_CHARACTERS,
    clipped,
    default_short,
    has_no_markup,
    sentence_of_blocks,
)
from .render_cache import installed_identity, stable_text

if TYPE_CHECKING:
    from markdown import Markdown

    from ..model.types import Term

# How much of a definition is rendered: its first sentence is in its first paragraphs,
# and a 5 MB one (audit) is not rendered whole for a tooltip. Cut at a blank line before
# this when there is one; reference, abbreviation and footnote definitions after the cut
# are kept (a link in the first sentence may be defined at the end).
RENDERED_CHARACTERS = 20_000
_BLANK_LINE = LazyPattern(r"\n[ \t]*\n")
_DEFINITION_LINE = LazyPattern(r"^ {0,3}\*?\[[^\]\n]+\]:[^\n]*$", re.MULTILINE)


# Extensions that render prose (`model.glossary.has_no_markup`: lines that start with a
# letter, no `*_[]<>&|~`, backslash or backquote, none indented as code) as its
# paragraphs of words, as the check reads it: all their syntax needs what prose has not.
# With no other extension on, a prose definition's default short is the engine's
# (`Term.short`) and is not rendered. The proof is a differential test over generated
# definitions (tests/test_short_rendered.py); an extension added here is added to it.
PLAIN_EXTENSIONS = frozenset(
    {"abbr", "admonition", "attr_list", "codehilite", "def_list", "extra", "fenced_code"}
    | {"footnotes", "md_in_html", "nl2br", "sane_lists", "tables", "toc", "wikilinks"}
    | {"pymdownx.betterem", "pymdownx.details", "pymdownx.escapeall", "pymdownx.extra"}
    | {"pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.pathconverter"}
    | {"pymdownx.progressbar", "pymdownx.saneheaders", "pymdownx.snippets"}
    | {"pymdownx.striphtml", "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist"}
    | {"pymdownx.tilde", "pymdownx.blocks.admonition", "pymdownx.blocks.caption"}
    | {"pymdownx.blocks.definition", "pymdownx.blocks.details", "pymdownx.blocks.html"}
    | {"pymdownx.blocks.tab"}
)
# Extensions that do so where prose holds no text of their syntax (name -> that text).
PLAIN_UNLESS = {
    "pymdownx.caret": LazyPattern(r"\^"),
    "pymdownx.emoji": LazyPattern(r":[+\-\w]+:"),
    "pymdownx.keys": LazyPattern(r"\+\+"),
    "pymdownx.mark": LazyPattern(r"=="),
}
# Options that make words syntax (name -> option -> the values that do not): toc's
# marker, and snippets' files added to every page.
_PLAIN_OPTIONS: dict[str, dict[str, tuple[object, ...]]] = {
    "toc": {"marker": ("[TOC]", "")},
    "pymdownx.snippets": {"auto_append": ((), [], None)},
}
_CORE_PREFIX = "markdown.extensions."


class ShortRenderer:
    """Default shorts made with one Python-Markdown converter of the site's
    `extensions` (names, or extension objects) and their `configs`, reset between
    definitions; each definition rendered once."""

    def __init__(self, extensions: Iterable[object], configs: Mapping[str, Any]) -> None:
        self.extensions = list(extensions)
        self.definition_lists = definition_lists_on(
            [name for name in self.extensions if isinstance(name, str)]
        )
        self.configs = {name: dict(options or {}) for name, options in configs.items()}
        # smarty writes `...` as `…`, which `sentence_of_blocks` ends no sentence at
        self.smarty = any(name in _SMARTY for name in self.extensions if isinstance(name, str))
        self._converter: Markdown | None = None
        # prose reads as typed unless one of these patterns finds its syntax in it;
        # None: an extension may change prose (`PLAIN_EXTENSIONS`)
        self._prose_unless = _prose_unless(self.extensions, self.configs)
        # definition digest -> its default short: made by an earlier build (`known`),
        # or asked for by this one (`used`); `rendered` counts those made here
        self.known: dict[str, str] = {}
        self.used: dict[str, str] = {}
        self.rendered = 0

    def settings_text(self) -> str:
        """What a short depends on besides its definition (and the code and libraries,
        in every cache key): the extensions, by name, their options, and where each
        extension's package is installed and when (`render_cache.build_salt`: an
        upgraded `material` or a plugin's own extension may render otherwise). No object
        address: an option naming a function (`pymdownx.emoji`'s index, `toc`'s
        slugify) is known by its name, so that the key is the same in the next build."""
        names = [
            name
            if isinstance(name, str)
            else f"{stable_text(name)}{stable_text(getattr(name, 'getConfigs', dict)())}"
            for name in self.extensions
        ]
        packages = dict.fromkeys(name.strip("<").split(".")[0] for name in names)
        return repr(
            (
                names,
                stable_text(self.configs),
                [installed_identity(package) for package in packages],
            )
        )

    def short(self, term: Term) -> str:
        """`term`'s short: as written, or made of its definition (`default_short`)."""
        if "short" in term.origin.spans:  # written: plain text, shown as typed
            return term.short
        if self.reads_as_typed(term.definition):  # the engine made it of the same text
            return term.short
        try:
            return self.default_short(term.definition)
        except Exception:
            return term.short

    def default_short(self, definition: str) -> str:
        """The first sentence of `definition` as the site renders it, as plain text, cut
        to `DEFAULT_SHORT_CHARACTERS` (`model.glossary.clipped`)."""
        if self.reads_as_typed(definition):
            return default_short(definition)
        key = digest(definition)
        made = self.used.get(key)
        if made is None:
            made = self.known.get(key)
        if made is None:
            self.rendered += 1
            made = self.rendered_short(definition)
        self.used[key] = made
        return made

    def reads_as_typed(self, definition: str) -> bool:
        """Whether the site renders `definition` as the check reads it: prose, with only
        extensions on that leave prose be (`PLAIN_EXTENSIONS`, `PLAIN_UNLESS`)."""
        unless = self._prose_unless
        return (
            unless is not None
            and has_no_markup(definition)
            and "\x02" not in definition  # Python-Markdown's placeholders
            and "\x03" not in definition
            and not any(pattern.search(definition) for pattern in unless)
        )

    def rendered_short(self, definition: str) -> str:
        """`default_short` of `definition` rendered, whether or not it reads as typed."""
        # As its page renders it: its tags as text (glossary.html), attributes kept.
        shown = definition_as_shown(_head(definition), definition_lists=self.definition_lists)
        blocks = html_blocks(self._render(shown))
        sentence = _sentence_ending_at_ellipses(blocks) if self.smarty else None
        return clipped(sentence or sentence_of_blocks(blocks), DEFAULT_SHORT_CHARACTERS)

    def convert(self, markdown_text: str) -> str:
        """`markdown_text` as the site's Markdown renders it (the autolinks aside)."""
        return self._render(markdown_text)

    def _render(self, markdown_text: str) -> str:
        if self._converter is None:
            from markdown import Markdown

            self._converter = Markdown(
                extensions=self.extensions,  # type: ignore[arg-type]
                extension_configs=self.configs,
            )
        converter = self._converter
        try:
            return converter.reset().convert(markdown_text)
        finally:
            converter.reset()


def _prose_unless(
    extensions: list[object], configs: Mapping[str, Mapping[str, Any]]
) -> list[LazyPattern] | None:
    """The patterns of `ShortRenderer.reads_as_typed` for `extensions` with `configs`,
    or None where one of them (or its options) may change prose."""
    patterns = []
    for extension in extensions:
        if not isinstance(extension, str):
            return None
        name = extension.removeprefix(_CORE_PREFIX)
        options = {**configs.get(name, {}), **configs.get(extension, {})}
        kept = _PLAIN_OPTIONS.get(name, {})
        if any(option in options and options[option] not in kept[option] for option in kept):
            return None
        if name in PLAIN_UNLESS:
            patterns.append(PLAIN_UNLESS[name])
        elif name not in PLAIN_EXTENSIONS:
            return None
    return patterns


_SMARTY = frozenset({"smarty", "markdown.extensions.smarty"})
_ELLIPSIS = "…"


def _sentence_ending_at_ellipses(blocks: list[str]) -> str | None:
    """The first sentence of `blocks` (`sentence_of_blocks`) with each `…` read as the
    `...` smarty made it of, so that it ends where the check's reading of the typed dots
    does; None where no block holds an ellipsis."""
    if not any(_ELLIPSIS in block for block in blocks):
        return None
    found = sentence_of_blocks([block.replace(_ELLIPSIS, "...") for block in blocks])
    text = " ".join(blocks)  # what `sentence_of_blocks` reads, of which `found` is a start
    end = length = 0
    while length < len(found) and end < len(text):
        length += 3 if text[end] == _ELLIPSIS else 1
        end += 1
    return text[:end]


NAMESPACE = "site-shorts"


def shown_shorts(
    terms: Mapping[str, Term], renderer: ShortRenderer, cache: RunCache
) -> dict[str, str]:
    """Term id -> its short as the site shows it (`ShortRenderer.short`), the default
    ones an earlier build made with the same extensions and options from `cache`; the
    ones this build uses kept for the next when it made any."""
    key = cache.key(NAMESPACE, renderer.settings_text()) if cache.enabled else ""
    kept = cache.load_alone(NAMESPACE, key) if cache.enabled else None
    if isinstance(kept, dict):
        renderer.known = kept
    shorts = {term_id: renderer.short(term) for term_id, term in terms.items()}
    if cache.enabled and (renderer.rendered or len(renderer.used) != len(renderer.known)):
        cache.store_alone(NAMESPACE, key, renderer.used)
    return shorts


def _head(definition: str) -> str:
    """What of `definition` is rendered (`RENDERED_CHARACTERS`)."""
    if len(definition) <= RENDERED_CHARACTERS:
        return definition
    head = definition[:RENDERED_CHARACTERS]
    blanks = list(_BLANK_LINE.finditer(head))
    if blanks:
        head = head[: blanks[-1].start()]
    rest = definition[len(head) :]
    kept = [found.group() for found in _DEFINITION_LINE.finditer(rest)]
    return "\n\n".join([head, *kept])


# Elements that part blocks of text; a top-level one is a block of `html_blocks`, one
# inside it parts its words.
_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "caption", "dd", "details", "dialog"}
    | {"div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2"}
    | {"h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre"}
    | {"section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
)
# What ends a block's lead-in without a colon added: a title that ends a sentence itself.
_ENDS_A_TITLE = tuple(".:!?;…")


class _Blocks(HTMLParser):
    """The text of each top-level block of rendered HTML. Left out: scripts, styles,
    footnote references and the footnotes' list, toc's permalinks (`¶`). A title (an
    admonition's, a details' summary, a def_list's term, a pymdownx.tabbed label) leads
    in to what follows it, with a colon, as a paragraph ending in one does
    (`model.glossary.first_sentence`). Tabbed's alternate style writes a set's labels
    together before its tabs: each leads in to its own tab, not to the next label. A
    tab with no text has no lead-in: its label led in to the next tab's ("Empty: Kids:
    ...")."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.pieces: list[str] = []
        self.depth = 0  # open elements
        self.skipped_at: int | None = None  # depth of the element left out, if any
        self.titles: list[int] = []  # depths of open title elements
        # The open tab sets: each one's depth, the class of its tabs (the older style's
        # `tabbed-content`, the alternate's `tabbed-block`) and its labels read so far,
        # each shown as its tab starts
        self.tab_sets: list[tuple[int, str, list[str]]] = []
        self.label_from: int | None = None  # where in `pieces` a set's label starts
        # Depths of the open elements whose `label` children are tabs' labels: a set of the
        # older style, the labels' row of the alternate one. By place, not by the labels'
        # `for`: tabbed's `slugify` option names them by their text, not `__tabbed_1_1`.
        self.label_rows: list[int] = []
        # The open tabs: each one's depth and where in `pieces` its lead-in is, taken out
        # where the tab ends with no text after it
        self.tabs: list[tuple[int, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_ELEMENTS:
            self.handle_startendtag(tag, attrs)
            return
        self.depth += 1
        if self.skipped_at is not None:
            return
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if (
            tag in ("script", "style", "template")
            or (tag == "sup" and (values.get("id") or "").startswith("fnref"))
            or (tag == "div" and "footnote" in classes)
            or (tag == "a" and "headerlink" in classes)
        ):
            self.skipped_at = self.depth
            return
        if tag in _BLOCK_TAGS:
            self.pieces.append(" ")
        if tag == "div" and "tabbed-set" in classes:
            alternate = "tabbed-alternate" in classes
            self.tab_sets.append((self.depth, _TAB[alternate], []))
        elif tag == "div" and self._starts_a_tab(classes):
            labels = self.tab_sets[-1][2]
            if labels:
                self.tabs.append((self.depth, len(self.pieces)))
                self.pieces.append(_lead_in(labels.pop(0)) + " ")
        elif tag == "label" and self.label_rows and self.label_rows[-1] == self.depth - 1:
            self.label_from = len(self.pieces)  # kept for its tab
        if tag in ("summary", "dt") or "admonition-title" in classes:
            self.titles.append(self.depth)
        # the alternate style's row of labels, or a set of the older style, holds them
        if tag == "div" and (
            ("tabbed-labels" in classes and self.tab_sets)
            or ("tabbed-set" in classes and "tabbed-alternate" not in classes)
        ):
            self.label_rows.append(self.depth)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipped_at is not None:
            return
        if tag == "img":
            self.pieces.append(dict(attrs).get("alt") or "")
        elif tag in ("br", "hr", "wbr") or tag in _BLOCK_TAGS:
            self.pieces.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_ELEMENTS:
            return
        if self.skipped_at is not None:
            if self.depth == self.skipped_at:
                self.skipped_at = None
            self.depth = max(0, self.depth - 1)
            return
        if self.titles and self.titles[-1] == self.depth:
            self.titles.pop()
            self.pieces = [_lead_in("".join(self.pieces).rstrip())]
            # the open tabs' lead-ins are in that piece, with the title's text after them
            self.tabs = [(depth, _MERGED) for depth, _ in self.tabs]
        if self.tabs and self.tabs[-1][0] == self.depth:
            self._end_tab()
        if tag == "label" and self.label_from is not None:
            label = " ".join("".join(self.pieces[self.label_from :]).split())
            del self.pieces[self.label_from :]
            self.label_from = None
            self.tab_sets[-1][2].append(label)
        if self.tab_sets and self.tab_sets[-1][0] == self.depth:
            self.tab_sets.pop()
        if self.label_rows and self.label_rows[-1] == self.depth:
            self.label_rows.pop()
        if tag in _BLOCK_TAGS:
            self.pieces.append(" ")
        self.depth = max(0, self.depth - 1)
        if self.depth == 0 and tag in _BLOCK_TAGS:
            self.end_block()

    def _starts_a_tab(self, classes: list[str]) -> bool:
        """Whether a `div` of `classes` is a tab of the innermost open set: the older
        style's `tabbed-content` is its child, the alternate's `tabbed-block` its
        grandchild."""
        if not self.tab_sets:
            return False
        depth, tab_class, _ = self.tab_sets[-1]
        return tab_class in classes and self.depth - depth == _TAB_DEPTH[tab_class]

    def _end_tab(self) -> None:
        """Takes the ending tab's lead-in out where no text follows it in the tab."""
        _, lead_in = self.tabs.pop()
        if lead_in != _MERGED and not "".join(self.pieces[lead_in + 1 :]).strip():
            del self.pieces[lead_in]

    def handle_data(self, data: str) -> None:
        if self.skipped_at is None:
            self.pieces.append(data)

    def end_block(self) -> None:
        if text := " ".join("".join(self.pieces).split()):
            self.blocks.append(text)
        self.pieces = []


# A tab's class in a set of the older style (False) and the alternate (True), and how far
# below its set it is.
_TAB = {False: "tabbed-content", True: "tabbed-block"}
_TAB_DEPTH = {"tabbed-content": 1, "tabbed-block": 2}
# A tab's lead-in joined into one piece with a title's text after it (`_Blocks.tabs`).
_MERGED = -1


def _lead_in(title: str) -> str:
    """A title as it leads in to what follows it: with a colon, unless it ends a
    sentence itself (or is empty)."""
    return title if not title or title.endswith(_ENDS_A_TITLE) else f"{title}:"


def html_blocks(html: str) -> list[str]:
    """The plain text of each top-level block of `html` (`_Blocks`), blocks with no
    text left out."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser.end_block()
    return parser.blocks
