"""Text from the handbook written into the report's Markdown (GitHub's), as source.

Markdown in it is escaped, so a definition's own `**` or `[` cannot break the report's
formatting; a web address in it stays a link that leads where it was typed to, or is shown
as typed; characters that show nothing are named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..forms import STRAY_INVISIBLE


def inline_code(text: str) -> str:
    """`text` as inline code, with a fence long enough for any backticks inside it, and
    characters that show nothing named (`STRAY_INVISIBLE`)."""
    text = _named_invisibles(" ".join(text.split()))
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def escape(text: str) -> str:
    """`text` as Markdown text on one line: what an editor typed never becomes markup in
    the report (a `<!--` in a contact's text hid all that followed it), and characters
    that show nothing are named (`STRAY_INVISIBLE`). A web address in it stays a working link,
    or is shown as typed (`_address`)."""
    text = " ".join(text.split())
    parts: list[str] = []
    written = 0
    while found := _ADDRESS.search(text, written):
        address = _typed_address(text, found)
        if len(address) <= len(found.group("start")):
            # A scheme or `www.` alone is no address; one may follow it (`https://](…`).
            parts.append(_escaped_text(text[written : found.end("start")]))
        else:
            parts += [_escaped_text(text[written : found.start()]), _address(address)]
        written = found.start() + max(len(address), len(found.group("start")))
    parts.append(_escaped_text(text[written:]))
    return "".join(parts)


def line_start(markdown_text: str) -> str:
    """`markdown_text` (escaped) as it may start a line of the report: a quote's or a
    list item's. `escape` leaves `1.` and `-` as they are, which inline are text, but
    there start a list (a definition's "1. In law, ..." showed as a numbered one) or a
    rule (`---`); a backslash keeps them text. `#`, `>`, `*`, `+` are escaped anywhere."""
    found = _BLOCK_START.match(markdown_text)
    if found is None:
        return markdown_text
    marker = found.end() - 1
    return f"{markdown_text[:marker]}\\{markdown_text[marker:]}"


# What starts a list item or a rule at a line's start and `escape` leaves: an ordered
# list's number and its `.` (its `)` is escaped: `1\)` is text already), or a `-`.
_BLOCK_START = re.compile(r"\d{1,9}\.(?=[ \t]|\Z)|-")


def link_target(url: str) -> str:
    """`url` as a link destination in angle brackets, which it cannot close or break."""
    return url.replace("<", "%3C").replace(">", "%3E").replace("\n", "%0A")


def fenced(lines: Sequence[str], info: str = "") -> list[str]:
    """`lines` as a fenced block in a list item, its fence longer than any run of
    backticks in them: a fence in the text cannot close it."""
    fence = "`" * max([3, *(len(run) + 1 for line in lines for run in re.findall("`+", line))])
    return [f"    {fence}{info}", *(f"    {line}" for line in lines), f"    {fence}"]


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def _escaped_text(text: str) -> str:
    # `&` starts a character reference: `&shy;` showed nothing, `&lt;` a `<` (audit).
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("&", "&amp;")
    return _named_invisibles(escaped)


# A web address typed in free text, as GitHub's Markdown finds one to link (its "extended
# autolinks", with the schemes it links: http, https, ftp): escaped like the text around it,
# it was still made a link, with the backslashes in its address (audit). Only a letter
# before the scheme keeps GitHub from linking it (`xhttps://`, not `1https://`). It runs to
# the next space; where it ends is `_typed_address`'s.
_ADDRESS = re.compile(
    r"(?P<start>(?<![A-Za-z])(?:https?|ftp)://|(?<![A-Za-z0-9])www\.)\S*", re.IGNORECASE
)
# What ends a sentence or closes a quote after an address, not part of it: cmark-gfm's
# `autolink_delim` set and an entity reference such as `&amp;`, with the closing quotes of
# prose (`“https://x.org/a”`, review), which GitHub would take into the link.
_TRAILING_PUNCTUATION = "?!.,:*_~'\";”’»›"
_TRAILING_ENTITY = re.compile(r"&[A-Za-z0-9]+;\Z")
# The rest of `<https://…>`, Markdown's own autolink syntax, up to its `>`.
_AUTOLINK_REST = re.compile(r"[^<>]*(?=>)")
_OPENER = {")": "(", "]": "[", "}": "{"}


def _typed_address(text: str, found: re.Match[str]) -> str:
    """The address `found` starts, as the editor meant it: all of an autolink
    `<https://…>` (review: shown as `\\<` and code with its `>`, no link); otherwise the
    address before a bracket it does not open, without trailing punctuation."""
    run = found.group()
    bracketed = text[found.start() - 1 : found.start()] == "<" and "://" in found.group("start")
    if bracketed and (autolink := _AUTOLINK_REST.match(run)):
        return autolink.group()
    return _without_trailing_punctuation(_before_unopened_bracket(run))


def _before_unopened_bracket(address: str) -> str:
    """`address` up to a `)`, `]` or `}` that closes no bracket opened in it: the end of
    a Markdown link around it, `[https://x/a](https://x/a)` (review: one link to
    `https://x/a%5D(https://x/a`), or of a bracket, `[https://x.org/a]`. GitHub balances
    a `)` at the end only, which took `)’s` into `[guide](https://x/a)’s`; brackets an
    address opens stay in it: `Foo_(bar)`, `http://[::1]/`, `?a[]=1`."""
    depth = dict.fromkeys(_OPENER.values(), 0)
    for index, character in enumerate(address):
        if character in depth:
            depth[character] += 1
        elif character in _OPENER:
            if depth[_OPENER[character]] == 0:
                return address[:index]
            depth[_OPENER[character]] -= 1
    return address


def _without_trailing_punctuation(address: str) -> str:
    while address:
        if entity := _TRAILING_ENTITY.search(address):
            address = address[: entity.start()]
        elif address[-1] in _TRAILING_PUNCTUATION:
            address = address[:-1]
        else:
            break
    return address


def _address(address: str) -> str:
    """A web address from free text: an autolink `<https://…>` (nothing is escaped inside
    one, so it leads where it was typed to), or, where it cannot be one (no scheme, or a
    `<`, `>`, character reference or invisible character in it), inline code, shown as
    typed and never made a link."""
    linkable = (
        address.lower().startswith(("http://", "https://", "ftp://"))
        and not re.search(r"[<>\x00-\x20\x7f]|&#?[A-Za-z0-9]+;", address)
        and _named_invisibles(address) == address
    )
    return f"<{address}>" if linkable else inline_code(address)


# Characters that show nothing are named (`STRAY_INVISIBLE`): a change of one alone would
# show two words that look alike, one struck, one new (audit).
def _named_invisibles(text: str) -> str:
    return text if text.isascii() else STRAY_INVISIBLE.sub(_named_code_point, text)


def _named_code_point(found: re.Match[str]) -> str:
    return "".join(f"⟨U+{ord(character):04X}⟩" for character in found.group())
