"""E-mail and street addresses and messenger links as privacy.allow compares them
(privacy.pii, `privacy_pii`): in any case and spacing, an address written out against
harvesters as written plainly, a street type and a directional as the US Postal Service
abbreviates them (`text_key`), and a messenger link however written (`link_key`).
"""

from __future__ import annotations

import re

from ..forms import without_invisible
from ..lazy_pattern import LazyPattern
from .privacy_emails import WRITTEN_OUT_AT_KEY, WRITTEN_OUT_DOT_KEY

# The street types as the US Postal Service abbreviates them (Publication 28): privacy.allow's
# "100 Main Street" allows "100 Main St." (`text_key`); and as the UK does a crescent,
# gardens, a terrace, a close, a grove and a parade ("5 Park Crescent" allows "5 Park
# Cres.", "3 Bath Tce" "3 Bath Terrace", "9 Oak Grove" "9 Oak Gro" and "9 Oak Gr").
_USPS_ABBREVIATIONS = {
    "street": "st", "avenue": "ave", "road": "rd", "boulevard": "blvd", "lane": "ln",
    "drive": "dr", "court": "ct", "place": "pl", "highway": "hwy", "parkway": "pkwy",
    "square": "sq", "terrace": "ter", "circle": "cir", "crescent": "cres", "gardens": "gdns",
    "tce": "ter", "close": "cl", "grove": "gr", "gro": "gr", "parade": "pde",
}  # fmt: skip
_USPS_ABBREVIATED = frozenset(_USPS_ABBREVIATIONS.values())
# A directional as USPS abbreviates it, and as a street address may write it otherwise
# (`4500 SW 5th Avenue`, `4500 S.W. 5th Avenue`, `4500 Southwest 5th Avenue`: review rv4).
_DIRECTIONALS = {
    "north": "n", "south": "s", "east": "e", "west": "w",
    "northeast": "ne", "northwest": "nw", "southeast": "se", "southwest": "sw",
}  # fmt: skip
_DOTTED_DIRECTIONAL = LazyPattern(r"(?:[ns]\.?[ew]|[nsew])\.?")


def text_key(text: str) -> str:
    """An e-mail or street address, or a link, as privacy.allow compares it: in any case
    and spacing; an address written out (`jane [at] x [dot] org`) as written plainly; a
    street type and a directional as the US Postal Service abbreviates them, with their
    periods or without (`S.W.`, `SW` and `Southwest` are `sw`)."""
    text = WRITTEN_OUT_AT_KEY.sub("@", without_invisible(text))
    text = WRITTEN_OUT_DOT_KEY.sub(".", text)
    return " ".join(map(_abbreviated, text.casefold().split()))


def _abbreviated(word: str) -> str:
    """A word of `text_key`, a street type or a directional as USPS abbreviates it."""
    bare = word.rstrip(".")
    if bare in _USPS_ABBREVIATED:
        return bare
    if _DOTTED_DIRECTIONAL.fullmatch(word):
        return word.replace(".", "")
    return _USPS_ABBREVIATIONS.get(bare) or _DIRECTIONALS.get(bare, word)


# Telegram's app links to an account and to a group, keyed by `link_key` as `t.me/...`.
_TELEGRAM_APP_ACCOUNT = LazyPattern(r"^tg://resolve\?(?:[^#]*&)?domain=(?P<name>[^&#]*).*")
_TELEGRAM_APP_INVITATION = LazyPattern(r"^tg://join\?(?:[^#]*&)?invite=(?P<hash>[^&#]*).*")


def link_key(text: str) -> str:
    """A messenger link as privacy.allow compares it, however written: without its
    scheme, `www.` or a channel's `s/`, `telegram.me` as `t.me`, a Telegram invitation
    as `t.me/+<hash>` (`joinchat/` is its older form), Telegram's app links as their
    `t.me` forms (`tg://resolve?domain=<name>`, `tg://join?invite=<hash>`), a WhatsApp
    invitation without `invite/`, in any case."""
    key = text_key(text)
    key = _TELEGRAM_APP_ACCOUNT.sub(r"t.me/\g<name>", key)
    key = _TELEGRAM_APP_INVITATION.sub(r"t.me/+\g<hash>", key)
    key = re.sub(r"^(?:https?://)?(?:www\.)?", "", key).rstrip("/")
    key = re.sub(r"^(?:t|telegram)\.me/(?:s/)?", "t.me/", key)
    key = re.sub(r"^t\.me/joinchat/", "t.me/+", key)
    return re.sub(r"^chat\.whatsapp\.com/invite/", "chat.whatsapp.com/", key)
