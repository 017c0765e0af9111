"""The inline pass: one regular expression blanks inline markup (code spans, links'
destinations, HTML tags, comments, character references) in text whose blocks the block
pass has already separated by `HARD`; then bare URLs and e-mail addresses are made
`HARD`, and markup between two letters of one word becomes `GLUE`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from html.entities import html5

from ..character_references import unescape
from ..forms import APOSTROPHES, INVISIBLE_CHARACTERS
from ..lazy_pattern import LazyPattern
from .inline_openers import (
    AUTOLINK,
    HTML_TAG,
    LATER_END,
    SET_ASIDE_BLOCK_TAGS,
    put_back,
    set_aside,
    set_aside_tags_over_code,
)
from .syntax import BLOCK_TAGS, GLUE, HARD, is_mark
from .top_level_domains import is_top_level_domain

HTML_TAG_PATTERN = LazyPattern(HTML_TAG)  # one tag alone (autolinks, link.unsafe)
# The names of block tags, and of those the inline openers' pass sets aside (`<pre>`).
_BLOCK_TAG_NAMES = BLOCK_TAGS | SET_ASIDE_BLOCK_TAGS
# A link's destination and title run to the closing parenthesis, spaces included, as
# Python-Markdown reads them (`[a](b c)` links to "b c").
# Every alternative starts with a literal character, so the engine skips plain prose at C
# speed (checking a set of first characters) before it tries any of them; each group
# names the kind of markup (the first character is outside it).
# An escape is a backslash before one of Python-Markdown's `ESCAPED_CHARS`, with the
# tables extension's `|`: before any other character ("\<b>", "\&amp;") the backslash is
# shown and what follows is read as usual (a tag, a character reference).
# What follows the `&` of a character reference Python-Markdown reads as one. A number's
# `;` may be left out before anything but a hex digit: its HTML parser reads "&#173" as
# `html.parser` does, and publishes "&#173;" ("vag&#173rant" is shown "vagrant": rv44c).
_NUMBER_END = r"(?:;|(?![0-9a-fA-F]))"
_REFERENCE_NAME = (
    rf"(?:(?:\#\d{{1,7}}|\#[xX][0-9a-fA-F]{{1,6}}){_NUMBER_END}|[A-Za-z][A-Za-z0-9]{{1,31}};)"
)
# What Python-Markdown escapes with a backslash (its `ESCAPED_CHARS`, with `|`).
_ESCAPED = r"[\\`*_{}\[\]()>\#+\-.!|]"
# A code span after its first backtick, as the pass reads one: a run of backticks to the
# next run as long. (The backtick is left out of the group: an alternative that starts
# with a literal lets the engine skip prose at C speed; one that starts with a group, six
# times as slow.)
_CODE_SPAN_REST = r"(?P<ticks>`*)(?!`)[^\x00]*?(?<!`)`(?P=ticks)(?!`)"
# A comment in Markdown text: Python-Markdown finds code spans before comments (its inline
# patterns' order), so a `-->` in a code span (`<!-- a `b --> c` -->`) ends none, and a
# browser reads on past it too, shown escaped (`--&gt;`). Each step is atomic, as that
# reading is: a code span is read to its first closer, a backtick that opens none is
# text, and so is one escaped (`\``). An escaped `\-->` or `\--!>` ends none to
# Python-Markdown (`\-` is an escape): with no `-->` after it (not escaped, before any
# `<!--`: `LATER_END`), the comment is text; with one, it is hidden, and a browser ends
# it at the escaped end (what follows is shown).
# A `--!>` closes it only if no code span read past holds a `-->` or `--!>`: html.parser
# reads the comment to the first of them, code or not, and writes only that one `-->`
# (`<!-- a `b --> c` d --!>` is published); `closed_code` tells a span that holds one.
_MARKDOWN_COMMENT = (
    r"!--(?:[^\x00`\\]|(?>\\(?:[\\`]|(?!--!?>(?!LATER_END)))"
    r"|`(?P<closing_ticks>`*)(?!`)(?:(?!(?<!`)`(?P=closing_ticks)(?!`))[^\x00])*?--!?>"
    r"[^\x00]*?(?<!`)`(?P=closing_ticks)(?!`)(?P<closed_code>)"
    r"|`(?P<comment_ticks>`*)(?!`)[^\x00]*?(?<!`)`(?P=comment_ticks)(?!`)|`))*?"
    r"(?:-->|(?(closed_code)(?!)|--!>))"
)
# A comment in raw HTML, as a browser reads one: to its first `-->`, code spans or not.
_HTML_COMMENT = r"!--[^\x00]*?--!?>"
_INLINE_PATTERN = (
    r"""
    \\(?P<escape>"""
    + _ESCAPED
    + r""")
    |`(?P<code>"""
    + _CODE_SPAN_REST
    + r""")
    |<(?P<comment>COMMENT)
    |<(?P<autolink>"""
    + AUTOLINK
    + r""")
    |<(?P<raw_code>(?P<code_tag>(?ai:code|kbd|pre|samp|script|style))(?![\w-])[^<>\x00]*>[^\x00]*?</(?ai:(?P=code_tag))\s*>)
    |"""
    + HTML_TAG
    + r"""
    |\](?P<destination>\([^()\x00]*(?:\([^()\x00]*\)[^()\x00]*)*\))
    |\](?P<reference>\[[^\]\x00]*\])
    |\[(?P<footnote>\^[^\]\x00\s]+\])
    |\{(?P<critic_deleted>--[^\x00]{0,2000}?--\})
    |\{(?P<critic_replaced>~~[^\x00]{0,2000}?~>)(?=[^\x00]{0,2000}?~~\})
    |\{(?P<attributes>:?[ \t]*(?:[#.][\w-]|[\w-]+=)[^}\x00\n]*\})
    |&(?P<entity>"""
    + _REFERENCE_NAME
    + r""")
    """
)
_INLINE = LazyPattern(
    _INLINE_PATTERN.replace("COMMENT", _MARKDOWN_COMMENT.replace("LATER_END", LATER_END)),
    re.VERBOSE,
)
# In raw HTML, code spans and link syntax are text, read only to keep what they hold as it
# is (`_MARKDOWN_ONLY`), and a block's lines are read one by one: one that went on to a
# later line took a tag there as text (`<div>```, then `<div>```: the second `<div>` is a
# tag, blanked). The lines are read together (`_spans_joined_over_white_space`) for a tag
# that goes on over lines, so these end with their line.
_RAW_INLINE = LazyPattern(
    _INLINE_PATTERN.replace("COMMENT", _HTML_COMMENT)
    .replace(_CODE_SPAN_REST, _CODE_SPAN_REST.replace("[^\\x00]", "[^\\x00\\n]"))
    .replace("[^()\\x00]", "[^()\\x00\\n]")
    .replace("[^\\]\\x00]", "[^\\]\\x00\\n]"),
    re.VERBOSE,
)
_CHARACTER_REFERENCE = LazyPattern("&" + _REFERENCE_NAME)
# The steps of a comment's body as `_MARKDOWN_COMMENT` reads it: an escaped backslash or
# backtick, a code span, a `<` that starts a `<!--`, or any other character.
_COMMENT_STEP = LazyPattern(r"(?>\\[\\`]|`" + _CODE_SPAN_REST + r"|<(?=!--)|[^\x00])", re.DOTALL)
_URL = LazyPattern(
    r"(?:[a-z][a-z0-9+.]*://|[A-Z][A-Z0-9+.]*://|www\.|WWW\.)[^\s<>\x00]*[^\s<>\x00.,;:!?'\")\]]"
)
# The scheme of a URL that ends at `://` (`https`, `ftp`, `git+ssh`), not inside a word:
# in lower case, as schemes are written, or all in capitals, as a URL shouted in capitals
# is ("HTTPS://EXAMPLE.ORG"); "Note://" is prose.
_SCHEME = LazyPattern(r"(?<![\w+.-])(?:[a-z][a-z0-9+.]{0,31}|[A-Z][A-Z0-9+.]{0,31})\Z")
# A web address written without its scheme: a host of two or more labels, then a path
# ("ovc.ojp.gov/topics/victim-services"). Its last label is a top-level domain
# (`top_level_domains`): a word after a full stop that lost its space ("her.Victims/",
# "i.e.victims/", "prostitute.and/or") is no host. It is found from the end of its host
# (".gov/"), its labels read backwards: "24/7" has none.
_HOST_END = LazyPattern(r"\.(?<=[A-Za-z0-9].)([A-Za-z]{2,6})/")  # "." first: found fast
_HOST_LABELS_BACKWARDS = LazyPattern(r"[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}")
_ADDRESS_REST = LazyPattern(r"[^\s<>\x00]*[^\s<>\x00.,;:!?'\")\]]")
_EMAIL_LOCAL_BACKWARDS = LazyPattern(r"[\w.+-]{1,256}")
_EMAIL_DOMAIN = LazyPattern(r"[\w-]+(?:\.[\w-]+)+")
_NBSP_ENTITIES = frozenset({"&nbsp;", "&#160;", "&#xa0;", "&#xA0;"})
# Underscores mark emphasis only at the edge of a word: Python-Markdown leaves those
# inside a word as they are ("victim_id" is one word, not "victim"). A run is read from
# its first underscore only (`(?<!_)`, possessive): tried from each underscore of a run
# between two letters, `_+(?!\w)` read the run to its end again, quadratic in its length.
_EMPHASIS_UNDERSCORES = LazyPattern(r"(?<!\w)_+|(?<!_)_++(?!\w)")
# An apostrophe written as a character reference ("**victim**&rsquo;s"): by number, or by
# any name a browser reads as one (HTML5 added "&rsquor;" and "&CloseCurlyQuote;"). The
# number 146 (0x92) is Windows-1252's curly apostrophe, which browsers and `unescape` read
# as U+2019 (review rv44); 145 (0x91), its left quotation mark, as U+2018.
_APOSTROPHE_NAMES = sorted(
    name[:-1]
    for name, character in html5.items()
    if name[-1:] == ";" and character in ("'", *APOSTROPHES)
)
_APOSTROPHE_REFERENCE = (
    rf"&(?:(?:{'|'.join(_APOSTROPHE_NAMES)});"
    r"|(?:\#0*39|\#[xX]0*27|\#0*8217|\#[xX]0*2019|\#0*700|\#[xX]0*2[bB][cC]|\#0*146|\#[xX]0*92"
    r"|\#0*8216|\#[xX]0*2018|\#0*145|\#[xX]0*91|\#0*65287|\#[xX]0*[fF][fF]07)"
    rf"{_NUMBER_END})"
)
# Emphasis, text-level tags or comments, or a link's destination right before a letter or
# digit (or a possessive's ending): with one just before it too, they are inside a word
# (see `_glue_words`): "sex<b></b>slavery" reads "sexslavery". Not a tag that breaks the
# line or shows something (`<br>`, `<img>`): the reader sees two words there. A comment is
# sought only so far along its line, so a line of comments never closed stays linear.
_GLUED_TAGS = (
    "a|abbr|b|bdi|bdo|cite|data|del|dfn|em|i|ins|mark|q|s|small|span|strong|sub|sup|time|u|var|wbr"
)
_GLUED_TAG_OR_COMMENT = (
    rf"(?:/?(?:{_GLUED_TAGS})(?![\w-])[^<>\x00\n]*>|!--(?:(?!-->)[^\x00\n]){{0,200}}-->)"
)
_MARKUP_BEFORE_LETTER = LazyPattern(
    r"(?:\*(?<=[^\W_]\*|[\u0300-\u036f]\*)\**"
    rf"|<(?<=[^\W_]<|[\u0300-\u036f]<){_GLUED_TAG_OR_COMMENT}(?:<{_GLUED_TAG_OR_COMMENT})*"
    r"|\](?<=[^\W_]\]|[\u0300-\u036f]\])\([^()\s\x00]*\))"
    rf"(?=[^\W_]|(?:['{APOSTROPHES}]|{_APOSTROPHE_REFERENCE})[sS](?![^\W_]))"
)
# A possessive's ending ("'s") right after markup that ends a word: "**victim**'s" reads
# "victim's", as "**victim**s" reads "victims". In the masked view an apostrophe written
# as a reference ("&rsquo;s") is its character, then `GLUE` (`_inline_replacement`).
_POSSESSIVE_ENDING = LazyPattern(f"['{APOSTROPHES}]\x01*[sS](?![^\\W_])")
_STAR_RUNS_AND_BREAKS = LazyPattern(r"\*+|\x00+")


def mask_inline(view: str) -> str:
    """Blank the inline markup of text whose blocks are already separated by `HARD`."""
    return _mask_inline(view, _INLINE, _inline_replacement)


def code_spans(view: str) -> list[tuple[int, int]]:
    """(start, end) of each code span in the prose of `view` (the block pass's output),
    backticks included, as `mask_inline` reads them."""
    aside, _ = set_aside_tags_over_code(*set_aside(view))  # as in `mask_inline`: linear
    return [match.span() for match in _INLINE.finditer(aside) if match.lastgroup == "code"]


def mask_raw_html(view: str) -> str:
    """`mask_inline` for the lines of a raw HTML block: tags, comments, character
    references, addresses; code spans and link syntax are text there."""
    return _mask_inline(view, _RAW_INLINE, _raw_html_replacement)


def _raw_html_replacement(match: re.Match[str]) -> str:
    if match.lastgroup in _MARKDOWN_ONLY:
        return match.group()
    if match.lastgroup == "comment":  # a browser's reading: one comment to its end
        return re.sub(r"[^\n]", " ", match.group())
    return _inline_replacement(match)


# pymdownx.critic's deletion (`{--text--}`) and a substitution's old side (`{~~old~>`): an
# editor's proposal to remove the text, gone once accepted (struck through until then).
# Not read as uses, whether or not the site enables the extension: nobody writes that
# markup for anything else. A deletion or substitution longer than 2000 characters
# (bounded, to keep the pass linear) is read as text.
_CRITIC_DELETIONS = ("critic_deleted", "critic_replaced")

# The kinds of inline markup that Markdown makes and raw HTML does not.
_MARKDOWN_ONLY = frozenset({"escape", "code", "destination", "reference", "footnote", "attributes"})


def _mask_inline(
    view: str, pattern: re.Pattern[str], replacement: Callable[[re.Match[str]], str]
) -> str:
    if not view:
        return view
    masked = mask_addresses(_masked_by_pattern(view, pattern, replacement))
    if "_" in masked:
        masked = _EMPHASIS_UNDERSCORES.sub(_spaces, masked)
    return _glue_words(view, _blank_marks(masked))


def _masked_by_pattern(
    view: str, pattern: re.Pattern[str], replacement: Callable[[re.Match[str]], str]
) -> str:
    """`view` with what `pattern` finds replaced, openers that cannot close set aside
    first; the marks and addresses are left to `_mask_inline`, which blanks them once."""
    # Openers that cannot close: linear, not quadratic.
    aside, restores = set_aside(view, markdown=pattern is _INLINE)
    if pattern is _INLINE:  # code spans first, as Python-Markdown reads them
        aside, restores = set_aside_tags_over_code(aside, restores)
    return put_back(pattern.sub(replacement, aside), restores)


def _blank_marks(masked: str) -> str:
    """Emphasis marks and link brackets made spaces: by `str.replace`, which skips text
    without them at C speed, about ten times as fast as `str.translate` over a page."""
    return masked.replace("*", " ").replace("~", " ").replace("[", " ").replace("]", " ")


def _glue_words(view: str, masked: str) -> str:
    """`masked` with the blanked markup that sits between two letters of a word made
    `GLUE`: "**victim**hood" is "victimhood" to the reader, not a use of "victim", and
    "[survivor](url)s" is "survivors"."""
    # Found from each opening character by str.find: far faster than the pattern's own
    # search over a page that holds few of them.
    spans: list[tuple[int, int]] = []
    for opener in "*<]":
        position = view.find(opener)
        while position >= 0:
            markup = _MARKUP_BEFORE_LETTER.match(view, position)
            if markup:
                spans.append(markup.span())
                position = view.find(opener, markup.end())
            else:
                position = view.find(opener, position + 1)
    if not spans:
        return masked
    pieces: list[str] = []
    previous = 0
    paired_stars: set[int] | None = None  # found once, if a `*` is glued
    for start, end in sorted(spans):
        if (
            start > previous
            and _in_word(masked[start - 1])
            and (_in_word(masked[end]) or _POSSESSIVE_ENDING.match(masked, end))
            and not masked[start:end].strip(" ")  # all of it blanked, none of it a break
        ):
            if view[start] == "*":
                paired_stars = paired_stars if paired_stars is not None else _paired_stars(view)
                if start not in paired_stars:
                    continue
            pieces += (masked[previous:start], GLUE * (end - start))
            previous = end
    if not pieces:
        return masked
    pieces.append(masked[previous:])
    return "".join(pieces)


def _in_word(char: str) -> bool:
    """A letter or digit, or a combining mark (of an accent NFC could not compose)."""
    return char.isalnum() or is_mark(char)


def _paired_stars(view: str) -> set[int]:
    """Where the runs of `*` that are emphasis start: those with another run as long in
    their block. A lone `*` is shown as it is ("victim*survivor": two words). One pass, so
    a page of many asterisks stays linear."""
    runs: dict[int, tuple[int, int]] = {}
    block = 0
    for token in _STAR_RUNS_AND_BREAKS.finditer(view):
        if token.group()[0] == HARD:
            block += 1
        else:
            runs[token.start()] = (block, token.end() - token.start())
    alike = Counter(runs.values())
    return {start for start, run in runs.items() if alike[run] >= 2}


def mask_addresses(text: str) -> str:
    """`text` with its bare URLs and e-mail addresses made `HARD`, offset for offset: no
    form is used inside one (DESIGN section 4), in the checks as in the site's autolinks."""
    if "://" in text or "www." in text or "WWW." in text:
        text = _mask_urls(text)
    if "/" in text:
        text = _mask_hosts_with_paths(text)
    if "@" in text:
        text = _mask_emails(text)
    return text


def _spaces(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def _mask_urls(view: str) -> str:
    """`_URL.sub(hard, view)`, trying the pattern only where a URL can start: the
    scheme before a `://`, or a `www.` that starts a word (the engine would otherwise try
    at every letter)."""
    starts: set[int] = set()
    found = view.find("://")
    while found >= 0:
        scheme = _SCHEME.search(view, max(0, found - 32), found)
        if scheme:
            starts.add(scheme.start())
        found = view.find("://", found + 3)
    for prefix in ("www.", "WWW."):
        found = view.find(prefix)
        while found >= 0:
            if not found or not (view[found - 1].isalnum() or view[found - 1] == "_"):
                starts.add(found)
            found = view.find(prefix, found + 4)
    pieces: list[str] = []
    previous = 0
    for start in sorted(starts):
        if start < previous:
            continue
        url = _URL.match(view, start)
        if url:
            pieces += (view[previous:start], HARD * (url.end() - start))
            previous = url.end()
    pieces.append(view[previous:])
    return "".join(pieces)


def _inline_replacement(match: re.Match[str]) -> str:
    kind = match.lastgroup
    found = match.group()
    if kind == "escape":
        # "\-" and "\_" are a hyphen and an underscore to the reader: doubled, they stay
        # a separator and a letter of a word (the backslash must not split "homeless\-person").
        return found[1] * 2 if found[1] in "-_" else found
    if kind == "tag" and match.group("tag_name").lower() in _BLOCK_TAG_NAMES:
        # A block starts or ends: words never join across it. Its line breaks stay, as
        # everywhere in the view.
        return HARD * len(found) if "\n" not in found else re.sub(r"[^\n]", HARD, found)
    if kind == "comment":
        # Python-Markdown hides a comment in a paragraph only if no `<!--` is in it (its
        # `HTML_RE`): in `<!-- a <!-- b -->` the last `<!--` opens the one hidden, what
        # comes before it is published as text (review of rv41). One whose `<!--` shares
        # the end's dashes (`<!-- a <!-->`, `<!--->`) opens none: all of it is text.
        inner = _inner_opener(found)
        if inner > 0:
            if inner + 4 > len(found) - (4 if found.endswith("--!>") else 3):
                return found
            return found[:inner] + re.sub(r"[^\n]", " ", found[inner:])
        if found.startswith(("<!-->", "<!--->")):
            # Published as one comment, but a browser ends `<!-->` and `<!--->` at once,
            # and so does the site (site/html_comments.py): the rest is shown, its code
            # spans (read before comments) as code.
            # Only the pattern's reading here: the marks of the whole text are blanked
            # after (`_mask_inline`), so the rest reads as if no note had opened.
            opener = found.index(">") + 1
            return " " * opener + _masked_by_pattern(found[opener:], _INLINE, _inline_replacement)
    if kind == "attributes" and (match.start() == 0 or match.string[match.start() - 1].isspace()):
        # Attached to no inline element, it is shown as typed mid-sentence (at the end of
        # a heading's or block's line it applies to that, and nothing follows it): the
        # words around it do not join.
        return HARD * len(found)
    if kind in ("destination", "tag", "reference", "comment", "attributes", *_CRITIC_DELETIONS):
        return re.sub(r"[^\n]", " ", found)
    if kind == "entity":
        if found in _NBSP_ENTITIES or unescape(found).isspace():
            return " " * len(found)
        if len(unescape(found)) == 1 and unescape(found) in INVISIBLE_CHARACTERS:
            return GLUE * len(found)  # "vag&shy;rant" reads "vagrant", as shown
        # A character written as a reference ("&amp;" in "Hotel &amp; Lodging") is read
        # as that character, the rest of the reference as nothing (`GLUE`) where a word
        # goes on after it: "AT&amp;T" reads "AT&T", as shown, not "AT&" and "T". Before
        # a space, a line's end or the text's end, as spaces: the same to every check,
        # and a view without `GLUE` is read on the fast paths.
        character = unescape(found)
        if character == "_":
            # Text, never emphasis, as in Python-Markdown: "homeless&lowbar;person" shows
            # one word "homeless_person". Underscores all through, as the escape's two
            # are: inside a word they stay a letter of it (`_EMPHASIS_UNDERSCORES`).
            return "_" * len(found)
        if len(character) == 1 and not character.isspace() and character != HARD:
            following = match.string[match.end() : match.end() + 1]
            rest = " " if not following or following.isspace() else GLUE
            return character + rest * (len(found) - 1)
    return HARD * len(found)


def _inner_opener(comment: str) -> int:
    """Where the last `<!--` inside `comment` (a match of `_MARKDOWN_COMMENT`, `<` and
    all) starts, one sharing the end's dashes included, or -1: not one in a code span,
    which Python-Markdown has set aside before it reads comments."""
    end = len(comment) - (4 if comment.endswith("--!>") else 3)
    inner = comment.rfind("<!--", 4)  # none can start in the end: it starts with `-`
    if inner < 0 or "`" not in comment:
        return inner
    inner = -1
    for step in _COMMENT_STEP.finditer(comment, 4, end):
        # (A `<` read as any other character, as a tag's, is no opener.)
        if step.group() == "<" and comment.startswith("<!--", step.start()):
            inner = step.start()
    return inner


def end_past_reference(source: str, end: int) -> int:
    """The end of a span of the view that ends `source[:end]`, taken past the rest of the
    character reference its last character was written as: the view reads "&rsquo;" as
    "’" and spaces where a word ends there (`_inline_replacement`), so a use ending in
    it ended after the `&` ("vagrants&"), where its `found` is the source text whole."""
    if end and source[end - 1] == "&":
        reference = _CHARACTER_REFERENCE.match(source, end - 1)
        if reference is not None:
            return reference.end()
    return end


def _mask_hosts_with_paths(view: str) -> str:
    """`view` with each web address written without its scheme (`_HOST_END`) made
    `HARD`: a host that starts a word, and the path after it."""
    pieces: list[str] = []
    previous = 0
    backwards = ""  # the view reversed, made at the first host end
    for end in _HOST_END.finditer(view):
        dot = end.start()
        if dot < previous or not is_top_level_domain(end.group(1)):
            continue
        backwards = backwards or view[::-1]
        labels = _HOST_LABELS_BACKWARDS.match(backwards, len(view) - dot)
        if labels is None:
            continue
        start = dot - len(labels.group())
        before = view[start - 1] if start else " "
        if before.isalnum() or before in "_.@/:\\-" or view[start] == "-":
            continue  # inside a word, an address or a path: no host starts here
        address = _ADDRESS_REST.match(view, start)
        if address is None:
            continue
        pieces += (view[previous:start], HARD * (address.end() - start))
        previous = address.end()
    if not pieces:
        return view
    pieces.append(view[previous:])
    return "".join(pieces)


def _mask_emails(view: str) -> str:
    pieces: list[str] = []
    previous = 0
    position = view.find("@")
    backwards = ""  # the view reversed, made at the first "@" with a domain after it
    while position >= 0:
        domain = _EMAIL_DOMAIN.match(view, position + 1)
        local_start = position
        if domain:
            # The local part, up to 256 characters back and not into the last address:
            # read backwards, so a page of "@" costs one look at each, not 256.
            backwards = backwards or view[::-1]
            local = _EMAIL_LOCAL_BACKWARDS.match(backwards, len(view) - position)
            if local:
                local_start = max(previous, position - len(local.group()))
        if domain and local_start < position:
            pieces.append(view[previous:local_start])
            pieces.append(HARD * (domain.end() - local_start))
            previous = domain.end()
            position = view.find("@", previous)
        else:
            position = view.find("@", position + 1)
    pieces.append(view[previous:])
    return "".join(pieces)
