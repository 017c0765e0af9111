"""Glossary terms: `glossary/<id>.yml` files into `Term` records (DESIGN 3.1)."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from ..cache import RunCache
from ..config import HandbookConfig
from ..findings import Finding
from ..forms import ELISIONS, straight_apostrophes
from ..lazy_pattern import LazyPattern
from ..markdown.link_labels import linear_for_markdown_it
from ..markdown.raw_html import tags_as_text
from ..parallel import Meanwhile
from .records import Record, deferred_records, device_named, misplaced_files, record_listing
from .term_facts import LazyTerms, TermFacts, facts_of
from .types import (
    AvoidForm,
    HistoryEntry,
    OffsetSpans,
    Origin,
    RejectedRecord,
    SourceRef,
    Span,
    Term,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from markdown_it import MarkdownIt
    from markdown_it.token import Token
    from regex import Pattern as GraphemePattern

RULE = "glossary.schema"

# A sentence ends at . ! or ? before a space and what may start one (`_starts_sentence`:
# a capital, a digit, or Spanish ¿ and ¡, after any opening mark), closing marks after it
# (French sets a space before »), unless the word before is an abbreviation: initials
# such as U.S., e.g. or z. B., or a common abbreviation.
_SENTENCE_END = LazyPattern(r"(?<=[.!?])(?:\s?[\"'”’“»)])*\s+(?=[\"'“‘„«(\[]?(.))")
_INITIALS = LazyPattern(r"(?:^|\s)\(?(?:[^\W\d_]\.)+$")
# Chinese and Japanese end a sentence at a full-width mark (。！？, the full stop ． of
# horizontal writing, the half-width ｡), with no space after it and no capital to start the
# next; not one inside a quotation or brackets (「逃げて！」と言った。, "Japanese: 人身取引。)"),
# nor one a closing mark follows, nor a ． between digits (３．５). `'` and `"` open and
# close alike, and ’ is an apostrophe too: they only count after the mark.
_FULL_WIDTH_STOPS = "。！？．｡"
_OPENING_MARKS = "「『（〔【〈《“(［｛"
_CLOSING_MARKS = "」』）〕】〉》”)］｝"
_CLOSES_AFTER = _CLOSING_MARKS + "\"'’"
_FULL_WIDTH_MARK = LazyPattern(
    f"[{re.escape(_FULL_WIDTH_STOPS + _OPENING_MARKS + _CLOSING_MARKS)}]"
)
# Abbreviations that end in a full stop inside a sentence, in the languages adopters write
# definitions in: lower case, without the stop. A word that may end a sentence ("me",
# "min") is left out. Add one here when a tooltip or the glossary index cuts a
# definition short at it.
_ABBREVIATIONS = frozenset(
    # English: titles, companies, references
    {"mr", "mrs", "ms", "dr", "st", "no", "nos", "vs", "etc", "inc", "ltd", "jr", "sr"}
    | {"co", "corp", "gov", "sen", "rep", "prof", "fig", "sec", "art", "approx", "cf"}
    | {"dept", "univ", "assn", "est", "al"}
    # Spanish: titles, law (núm., fracc.), references, and EE. UU., whose first half a
    # capital follows
    | {"sra", "srta", "dra", "lic", "ing", "mtro", "mtra", "ud", "uds", "núm", "nro"}
    | {"arts", "fracc", "párr", "pág", "págs", "aprox", "ej", "av", "avda", "gral", "cía"}
    | {"ee"}
    # German: law (Abs., Nr., Ziff.), references, hedges (ca., bzw., ggf.)
    | {"abs", "nr", "ziff", "bzw", "ca", "vgl", "ggf", "usw", "inkl", "evtl", "sog", "bzgl"}
    | {"hrsg", "aufl", "bd", "geb", "str", "tel", "zzgl", "mio", "mrd"}
    # French: titles, law (al. for alinéa), references
    | {"mme", "mlle", "pr", "env", "chap", "vol", "éd", "c.-à-d"}
)


def load_terms(
    config: HandbookConfig, cache: RunCache | None = None, meanwhile: Meanwhile | None = None
) -> tuple[LazyTerms, list[Finding], list[RejectedRecord]]:
    """Every term of `config.glossary_dir` (none if it does not exist), the problems, and
    what can still be checked of the term files with problems. With a cache, a term file
    that a run read without a problem is read again only when its term is looked up
    (`term_facts`). `meanwhile` is done while a child reads term files, if one does
    (`parallel.in_two_processes`); its maker runs it afterwards in any case."""
    directory = config.glossary_dir
    if not directory.is_dir():
        return LazyTerms({}, {}, []), [], []
    findings = misplaced_files(directory, config, RULE, "term")
    ids, linked = record_listing(directory)
    built, deferred, order, problems, rejected = deferred_records(
        directory,
        ids,
        config,
        "term",
        RULE,
        build_term,
        cache,
        facts_of,
        TermFacts,
        linked,
        meanwhile,
    )
    findings.extend(problems)
    findings += device_named(directory, ids, config, RULE)
    return LazyTerms(built, deferred, order), findings, rejected


def build_term(record: Record) -> Term:
    fields = record.fields
    definition = fields["definition"]
    return Term(
        id=record.id,
        term=fields["term"],
        version=fields["version"],
        definition=definition,
        short=fields.get("short") or default_short(definition),
        history=history_entries(fields.get("history", ())),
        origin=_with_avoid_text_spans(record.origin, fields.get("avoid", ())),
        status=fields.get("status", "approved"),
        aliases=tuple(fields.get("aliases", ())),
        avoid=tuple(_avoid_form(item) for item in fields.get("avoid", ())),
        replaced_by=fields.get("replaced_by"),
        case_sensitive=fields.get("case_sensitive", False),
        related=tuple(fields.get("related", ())),
        tags=tuple(fields.get("tags", ())),
        sources=tuple(SourceRef(item["title"], item["url"]) for item in fields.get("sources", ())),
        translations=dict(fields.get("translations", {})),
    )


def history_entries(items: Any) -> tuple[HistoryEntry, ...]:
    """History entries from validated JSON values (dates are ISO strings there)."""
    return tuple(
        HistoryEntry(item["version"], dt.date.fromisoformat(item["date"]), item["summary"])
        for item in items
    )


def _avoid_form(item: str | dict[str, str]) -> AvoidForm:
    if isinstance(item, str):
        return AvoidForm(item)
    return AvoidForm(item["text"], item.get("reason"))


def _with_avoid_text_spans(origin: Origin, avoid: Any) -> Origin:
    """Give a plain-string avoid item the span key `avoid.N.text` too, so every form to
    avoid is found under the same key whichever way it was written."""
    aliases = {
        f"avoid.{index}.text": f"avoid.{index}"
        for index, item in enumerate(avoid)
        if isinstance(item, str) and f"avoid.{index}" in origin.spans
    }
    if not aliases:
        return origin
    spans = origin.spans
    if isinstance(spans, OffsetSpans):  # as read: no span made
        aliased: Mapping[str, Span] = spans.aliased(aliases)
    else:
        aliased = {**spans, **{alias: spans[key] for alias, key in aliases.items()}}
    return Origin(origin.path, origin.text, aliased, origin.body_line)


@cache
def commonmark() -> MarkdownIt:
    """The model's one CommonMark parser. markdown-it is imported on first use: a run
    answered from the cache parses nothing and never needs it."""
    from markdown_it import MarkdownIt

    # markdown-it stops reading blocks nested deeper than 20 (ten levels of a list), and a
    # module's sections after such a list went unseen; rules.markdown_nesting allows 50
    # levels, of two each (the list and its item).
    return MarkdownIt("commonmark", {"maxNesting": 120})


# Markdown with no syntax in it: every line starts (after blanks) with a letter, and no
# character that could start inline markup (or that markdown-it rewrites) appears. Most
# definitions are such plain prose; their plain text is their words, without a parse.
_NO_MARKUP = LazyPattern(r"(?:[ \t]*(?:[^\W\d_][^\n\\`*_\[\]<>&|~\x00\r]*)?(?:\n|\Z))*")
# What separates two paragraphs of such text: a line of nothing but spaces and tabs. A
# line indented as code may be a block of its own, which only the parse tells.
_BLANK_LINES = LazyPattern(r"\n[ \t]*(?:\n|\Z)")
_INDENTED_LINE = LazyPattern(r"^(?: {4}| {0,3}\t)", re.MULTILINE)


def plain_text(markdown: str) -> str:
    """The text a reader sees in `markdown`: no emphasis, link or code markers, no HTML
    tags, whitespace collapsed."""
    return " ".join(plain_blocks(markdown))


def plain_blocks(markdown: str) -> list[str]:
    """`plain_text` of each block of `markdown` (a paragraph, a list, a heading, a code
    block), in order; blocks with no text left out."""
    if has_no_markup(markdown):
        blocks = _BLANK_LINES.split(markdown)
        return [text for block in blocks if (text := " ".join(block.split()))]
    return parsed_plain_blocks(markdown)


def has_no_markup(markdown: str) -> bool:
    """Whether `markdown` is plain prose (`_NO_MARKUP`, no line indented as code): its
    blocks are its paragraphs, its text their words (site/short_text.py relies on it)."""
    return _NO_MARKUP.fullmatch(markdown) is not None and not _indented_line(markdown)


def _indented_line(markdown: str) -> bool:
    """Whether a line of `markdown` is indented as code (`_INDENTED_LINE`). Only a text
    with four spaces or a tab in a row can hold one: most definitions are looked at by
    `str`'s search alone, not by the pattern tried at every character (at 2,000 terms,
    each read in every cold check)."""
    return ("    " in markdown or "\t" in markdown) and _INDENTED_LINE.search(markdown) is not None


def parsed_plain_text(markdown: str) -> str:
    """`plain_text` by way of markdown-it's parse, for text that may hold markup."""
    return " ".join(parsed_plain_blocks(markdown))


def parsed_plain_blocks(markdown: str) -> list[str]:
    """`plain_blocks` by way of markdown-it's parse."""
    blocks: list[str] = []
    pieces: list[str] = []
    for token in commonmark().parse(linear_for_markdown_it(markdown)):
        if token.type == "inline":
            pieces.append(inline_text(token))
        elif token.type in ("code_block", "fence"):
            pieces.append(f" {token.content} ")
        elif token.type == "html_block":  # shown as it is: its text, without its tags
            pieces.append(f" {html_text(token.content)} ")
        elif token.block and token.nesting == -1:
            pieces.append(" ")
        if token.level == 0 and token.nesting <= 0:  # a block of the text ends here
            if text := " ".join("".join(pieces).split()):
                blocks.append(text)
            pieces = []
    return blocks


def inline_text(token: Token) -> str:
    """The plain text of one markdown-it `inline` token: no tags, nor what a script or a
    style element holds (a reader never sees it)."""
    pieces: list[str] = []
    hidden = 0  # open script or style elements
    for child in token.children or ():
        if child.type == "html_inline":
            hidden = max(0, hidden + _hidden_element_change(child.content))
        elif hidden:
            continue
        elif child.type in ("text", "code_inline"):
            pieces.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            pieces.append(" ")
        elif child.type == "image":
            pieces.append(child.content)
    return "".join(pieces)


_HIDDEN_ELEMENT_TAG = LazyPattern(r"<(/?)(?:script|style)\b", re.IGNORECASE)


def _hidden_element_change(tag: str) -> int:
    """+1 for a tag that opens a script or style element, -1 for one that closes it."""
    found = _HIDDEN_ELEMENT_TAG.match(tag)
    if found is None:
        return 0
    return -1 if found.group(1) else 1


def html_text(html: str) -> str:
    """The text a reader sees in a block of HTML: no tags, comments, scripts or styles,
    entities decoded."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.pieces).split())


class _VisibleText(HTMLParser):
    """The standard library's HTML parser, keeping the text outside scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.hidden = 0  # open script or style elements

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self.hidden = max(0, self.hidden - (tag in ("script", "style")))

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.pieces.append(data)


# A tooltip is a line or two: a default short (a definition's first sentence) longer than
# this is cut at a word, with "…" (audit: a 5 MB one-paragraph definition went into the
# `title` of every link to its term). glossary.short asks for a `short` instead.
DEFAULT_SHORT_CHARACTERS = 300


def default_short(definition: str) -> str:
    """A term's `short` when its file writes none: its definition's first sentence, as
    plain text, cut to `DEFAULT_SHORT_CHARACTERS` (`clipped`)."""
    return clipped(first_sentence(tags_as_text(definition)), DEFAULT_SHORT_CHARACTERS)


def clipped(text: str, limit: int) -> str:
    """`text`, or, if longer than `limit` characters, as many of its first words as fit,
    then "…". It is cut at the limit instead where no space falls near it
    (`_WORD_CUT_REACH`): a single long word, or Chinese or Japanese, which put no spaces
    between words (the last space may be one after an early Latin acronym)."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    if not text[limit].isspace():
        space = max(head.rfind(" "), head.rfind("\t"), head.rfind("\n"))
        head = head[:space] if space >= limit - _WORD_CUT_REACH else _whole_characters(text, limit)
    return head.rstrip(" \t\n,;:-–—") + "…"


# How far back from the limit `clipped` looks for a space to cut at, in characters.
_WORD_CUT_REACH = 60


@cache
def _grapheme() -> GraphemePattern[str]:
    """A user-perceived character: a Unicode extended grapheme cluster. Compiled, and
    `regex` imported (a tenth of the plugin's import), only when a text is cut."""
    import regex

    return regex.compile(r"\X")


def _whole_characters(text: str, limit: int) -> str:
    """`text` cut at `limit`, or just before it, at the end of a user-perceived character
    (a Unicode grapheme cluster, `regex`'s `\\X`): no accent, emoji skin tone, joined
    emoji, flag (a pair of regional indicators) or subdivision flag (tag characters) is
    parted from the character it belongs to."""
    cut = 0
    for character in _grapheme().finditer(text):
        if character.end() > limit:
            break
        cut = character.end()
    return text[:cut]


def first_sentence(markdown: str) -> str:
    """The first sentence of `markdown` as plain text (a term's default `short`). It ends
    with its paragraph, unless that ends in a colon, which introduces what follows (a
    list): a first paragraph with no full stop is no run-on into the second."""
    return sentence_of_blocks(plain_blocks(markdown))


def sentence_of_blocks(blocks: Iterable[str]) -> str:
    """The first sentence of a text whose blocks, as plain text, are `blocks`
    (`first_sentence`; site/short_text.py gives the blocks of a rendered definition)."""
    text = ""
    for block in blocks:
        text = f"{text} {block}".lstrip()
        if not text.endswith(":"):
            break
    full_width = _full_width_sentence_end(text)
    if full_width is not None:  # a sentence in Chinese or Japanese ends there, or before
        text = text[:full_width]
    # A sentence ends only after a . ! or ?: the pattern is tried from the first (most
    # first sentences are most of their text), not at every character before it.
    marks = [found for found in map(text.find, ".!?") if found >= 0]
    for match in _SENTENCE_END.finditer(text, min(marks, default=len(text))):
        if not _starts_sentence(match.group(1)):
            continue
        before = text[: match.start()]  # ends with the . ! or ?
        last_word = before.rsplit(None, 1)[-1].lstrip("(\"'“‘„«")
        if before.endswith(".") and (
            _INITIALS.search(before) or _abbreviation(last_word.rstrip(".").lower(), match.group(1))
        ):
            continue
        return text[: match.end()].strip()
    return text


def _abbreviation(word: str, following: str) -> bool:
    """Whether `word`, lower case, is one of `_ABBREVIATIONS`, after an elided article or
    preposition too (`l’art`, `d'env`): French writes them joined by an apostrophe. After
    one, only before the number it cites (`following`, the next sentence's first
    character: "l’art. 279.01"): "elle l’est. Le", "c'est. Il", "une œuvre d’art. La"
    end their sentence, their last word a French word."""
    if word in _ABBREVIATIONS:
        return True
    elided, apostrophe, rest = straight_apostrophes(word).partition("'")
    return (
        bool(apostrophe) and following.isdigit() and elided in ELISIONS and rest in _ABBREVIATIONS
    )


def _full_width_sentence_end(text: str) -> int | None:
    """Where the first sentence of `text` ends at a full-width mark, outside quotations
    and brackets (`_FULL_WIDTH_STOPS`), or None. A closing mark with no opening one is
    passed over."""
    if not any(stop in text for stop in _FULL_WIDTH_STOPS):
        return None  # most texts: no mark to end a sentence at, and none of them read
    depth = 0
    for match in _FULL_WIDTH_MARK.finditer(text):
        mark, end = match.group(), match.end()
        if mark in _OPENING_MARKS:
            depth += 1
        elif mark in _CLOSING_MARKS:
            depth = max(depth - 1, 0)
        elif depth == 0 and not text.startswith(tuple(_CLOSES_AFTER), end):
            if mark == "．" and text[end : end + 1].isdigit() and text[: end - 1][-1:].isdigit():
                continue  # a decimal point
            return end
    return None


def _starts_sentence(char: str) -> bool:
    """Whether a sentence may start with `char`: a capital of any alphabet (É, Ü, Ñ), a
    digit, or the ¿ and ¡ that open a Spanish question or exclamation."""
    return char.isupper() or char.isdigit() or char in "¿¡"
