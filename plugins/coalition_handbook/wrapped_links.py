"""Links carried by another link. A redirect opens the link in its query, written as it
is or escaped: Google's (`https://www.google.com/url?q=https://wa.me/15558675309`, as a
Google Doc exports every link), Facebook's (`l.php?u=https%3A%2F%2Fwa.me%2F...`),
Outlook's safe links (`?url=https%3A%2F%2F...`); an archive's copy carries one in its
path (`web.archive.org/web/2024/https://t.me/...`). `privacy.pii` reads each such link
as a link of its own, unescaped, as the redirect reads it: its WhatsApp number, its
Telegram account are given to whoever opens the outer one.

Read here: a link's scheme (`https`, and the apps' `whatsapp` and `tg`) after a `=` or
`/`; the `=` or `/` before it is read as a space, which ends the outer link, so that the
carried one is read whole and alone. An escaped one (`https%3A%2F%2F...`, and
`mailto%3A`, `tel%3A`, `sms%3A`, which carry an address or number themselves) is read
unescaped to the end of its query value; a link it carries in turn is read the same way
(a redirect's redirect, escaped twice), a few levels deep. What would end a link (`%20`,
`%22`...) is left escaped: the carried link stays one link.
"""

from __future__ import annotations

from collections.abc import Iterator

from .lazy_pattern import LazyPattern
from .source_map import UNCHANGED, PositionMap, chained, rewritten

_CARRIED_LINK = LazyPattern(
    r"[=/](?:(?i:https?|whatsapp|tg)://"
    r"|(?P<escaped>(?i:(?:https?|whatsapp|tg)%3A%2F%2F|(?:mailto|tel|sms)%3A)[^\s&#<>\"')\]]*))"
)
# The `://` of a carried link that is not escaped (`_CARRIED_LINK`): the engine skips from
# one `://` to the next at C speed and looks behind each.
_CARRIED_SCHEME = LazyPattern(
    "://(?:"
    + "|".join(f"(?<=[=/](?i:{scheme})://)" for scheme in ("https", "http", "whatsapp", "tg"))
    + ")"
)
# Splits a carried link from the one that carries it: only a web or app link's does.
_SCHEMES_WITH_SLASHES = LazyPattern(r"[=/](?i:https?|whatsapp|tg)(?:://|%3A%2F%2F)")
_ESCAPES = LazyPattern(r"(?:%[0-9A-Fa-f]{2})+")
# Characters left escaped: read, they would end the carried link (as `url_spans` reads
# one), or be no part of any.
_KEPT_ESCAPED = LazyPattern(r"[\s<>\"')\]\x00-\x1f\x7f]")
# How many redirects within redirects are read; one link escaped more is not read.
_MOST_LEVELS = 4


def unwrapped_links(text: str) -> tuple[str, PositionMap]:
    """`text` with the links that other links carry read as links of their own,
    unescaped (see the module's docstring), and where each place of it is in `text`."""
    if "://" not in text and ("%" not in text or "%3" not in text):  # no link: no scan
        return text, UNCHANGED
    to_source: PositionMap = UNCHANGED
    for _ in range(_MOST_LEVELS):
        spans = list(_rewrites(text)) if _may_carry_a_link(text) else []
        if not spans:
            break
        text, level = rewritten(text, spans)
        to_source = chained(to_source, level)
    return text, to_source


def _may_carry_a_link(text: str) -> bool:
    """Whether `text` may hold a `_CARRIED_LINK`: an escaped scheme's `%3`, or a `://`
    right after `=` or `/` and a scheme (`_CARRIED_SCHEME`). The pattern's engine stops
    at every `/` of every link, and took a fiftieth of a cold scan."""
    return ("%" in text and "%3" in text) or _CARRIED_SCHEME.search(text) is not None


def _rewrites(text: str) -> Iterator[tuple[int, int, str]]:
    """The spans of `text` to read otherwise, in order (as `rewritten` takes them): the
    `=` or `/` before each carried web link, as a space; each escape in an escaped one,
    as its character."""
    for found in _CARRIED_LINK.finditer(text):
        start = found.start()
        if _SCHEMES_WITH_SLASHES.match(text, start):
            yield start, start + 1, " "
        if found.group("escaped") is not None:
            yield from _unescaped(text, *found.span("escaped"))


def _unescaped(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """A span and its character for each escape in `text[start:end]` (UTF-8, as a URL's
    are), but for those `_KEPT_ESCAPED` keeps."""
    for run in _ESCAPES.finditer(text, start, end):
        data = bytes.fromhex(run.group().replace("%", ""))
        position = run.start()
        for character, length in _characters(data):
            if not _KEPT_ESCAPED.match(character):
                yield position, position + 3 * length, character
            position += 3 * length


def _characters(data: bytes) -> Iterator[tuple[str, int]]:
    """Each character of `data` read as UTF-8, and how many bytes it takes; a byte that
    starts no character is read as U+FFFD."""
    index = 0
    while index < len(data):
        lead = data[index]
        length = 1 if lead < 0xC0 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
        try:
            character = data[index : index + length].decode("utf-8")
        except UnicodeDecodeError:
            character, length = "\ufffd", 1
        yield character, length
        index += length
