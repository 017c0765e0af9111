"""Links as privacy.pii reads them (`privacy_pii`): of a URL, only what it gives whoever
opens it (a WhatsApp link's number, a form's e-mail address or phone number filled in
beforehand: `find_personal_data_in_urls`); a `mailto:`, `tel:` or `sms:` link written with
escapes or `//`; and a messenger link that reaches a person or a private group, with
`https://` or without (`find_messenger_links`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote, unquote_plus

from ..lazy_pattern import LazyPattern
from .privacy_allow import LONGEST_NUMBER, SHORTEST_NUMBER, digit_count
from .privacy_emails import EMAIL, EMAIL_REST, is_file_name

# A scheme in any case (`Http://`), as a source's address may write it; WhatsApp's and
# Telegram's app links too (`whatsapp://send?phone=...`, `tg://resolve?phone=...`), whose
# query carries a number as a web link's does.
_URL = LazyPattern(r"\b(?i:https?|ftp|whatsapp|tg)://[^\s<>\"')\]]+")

# The words of a key (a link's parameter, a setting) that name a phone number, or what
# one is sent to: `tel=`, `contact_number=`, `?to=`. Review 2: `contact_number=`, `number=`
# and `to=` before a number made it an identifier's.
PHONE_WORDS = ("phone", "telephone", "tel", "mobile", "cell", "whatsapp", "sms", "fax")
PHONE_WORDS += ("contact", "msisdn", "to")
# A link's parameter that holds a phone number (`phone=`, `mobile_number=`,
# `contact-no=`). Not `to=` or a bare `number=`: links put dates and timestamps there
# (`?from=20160101&to=20231231`, `&to=1714651200`), which failed builds (review 3).
_LINK_PHONE_WORDS = tuple(word for word in PHONE_WORDS if word != "to")
_PHONE_KEY = rf"(?:[\w.-]*[_.-])?(?i:{'|'.join(_LINK_PHONE_WORDS)})(?:[_.-]?(?i:number|num|no))?"


def url_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every `_URL` in `text`."""
    return list(_urls(text)) if "://" in text else []


def _urls(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every `_URL` in `text`, the pattern tried only just before a `://`
    (the engine would otherwise stop at every h and f)."""
    previous = 0
    found = text.find("://")
    while found >= 0:
        for start in (found - 8, found - 5, found - 4, found - 3, found - 2):  # whatsapp, tg
            url = _URL.match(text, start) if start >= previous else None
            if url:
                yield start, url.end()
                previous = url.end()
                break
        found = text.find("://", max(found + 1, previous))


# What a link carries to whoever opens it, in a URL that is otherwise no personal data
# (its host, path, ids and timestamps, whatever their digits): the number a WhatsApp link
# opens, an e-mail address in its query or fragment (a form filled in beforehand, `%40`
# for the `@` too), and the number of a phone parameter or of a `tel:` or `sms:` value.
# A WhatsApp link's number is international, written without its `+` or with it (`+`,
# `%2B`), and so is the `phone=` of Telegram's app link (`tg://resolve?phone=...`).
_WHATSAPP_LINK = LazyPattern(
    r"(?i:https?://(?:www\.)?wa\.me/)(?P<number>(?i:\+|%2B)?(?P<digits>\d{7,15}))(?![\w%])"
)
_INTERNATIONAL_NUMBER_LINK = LazyPattern(
    r"(?i:https?://(?:[\w-]+\.)*(?:wa\.me|whatsapp\.com)(?![\w.-])|whatsapp://|tg://)"
)
LINKED_EMAIL = LazyPattern(EMAIL_REST.format(at="(?:@|%40)"))
_LINKED_PHONE = LazyPattern(
    rf"(?:[?&;#]{_PHONE_KEY}=|(?i:tel|sms|callto)(?::|%3A))"
    # Not a date (`?phone=2024-01-01`, `&contact=2024-12-31`).
    r"(?!\d{4}-\d\d-\d\d(?!\d))"
    r"(?P<number>(?:\+|%2B)?\(?\d[\d().+-]*(?:%20[\d().+-]+)*)",
)
_LINKED_NUMBER_DIGITS = range(SHORTEST_NUMBER, LONGEST_NUMBER + 1)
# What `find_messenger_links` calls an invitation to a private group.
GROUP_INVITATION = "private group invitation"


def find_personal_data_in_urls(
    text: str, urls: list[tuple[int, int]] | None = None, lowered: str | None = None
) -> Iterator[tuple[str, int, int, str]]:
    """(kind, start, end, as written) of every e-mail address and phone number that a
    URL in `text` (`url_spans`: `urls`, if already found) carries
    (`find_personal_data` finds none there); "as written" is its text with the URL's
    escapes undone, to compare with privacy.allow. `lowered` is `text.lower()`, if
    already made."""
    for url_start, url_end in url_spans(text) if urls is None else urls:
        whatsapp = _WHATSAPP_LINK.match(text, url_start, url_end)
        if whatsapp:  # the number in full international form
            yield "phone number", *whatsapp.span("number"), f"+{whatsapp.group('digits')}"
        international = whatsapp or _INTERNATIONAL_NUMBER_LINK.match(text, url_start, url_end)
        # From a `&` too: a link that a redirect carries as written (`wrapped_links`) runs
        # on over the redirect's own parameters (`?next=https://x.org&email=...`).
        query = min(
            (at for mark in "?#&" if (at := text.find(mark, url_start, url_end)) >= 0),
            default=url_end,
        )
        for found in LINKED_EMAIL.finditer(text, query, url_end):
            first = found.start()
            if text[first - 1 : first] == "%" and _HEX_PAIR.match(text, first):
                first = before_escaped_pluses(text, first + 2)
            address = unquote(text[first : found.end()])
            if not is_file_name(address):
                yield "e-mail address", first, found.end(), address
        for found in _LINKED_PHONE.finditer(text, query, url_end):
            number = found.group("number")
            # In a query `+` stands for a space, but a leading one is the number's own.
            written = f"+{unquote_plus(number[1:])}" if number[0] == "+" else unquote_plus(number)
            if international and not written.startswith("+"):
                written = f"+{written}"  # WhatsApp's, Telegram's `phone=`: without its `+`
            if digit_count(written) in _LINKED_NUMBER_DIGITS:
                yield "phone number", *found.span("number"), written
    yield from _escaped_scheme_links(text, lowered)


# An e-mail address whose `@` is escaped once or more (`%40`, `%2540`: an escape
# escaped again), in prose too: a reader reads it, and a mail program unescapes it.
_ESCAPED_AT_EMAIL = LazyPattern(EMAIL_REST.format(at="%(?:25)*+40"))


def find_escaped_addresses(text: str) -> Iterator[tuple[str, int, int, str]]:
    """(kind, start, end, as written) of every e-mail address in `text` whose `@` is
    escaped (`jane%40example.org` in prose, `mailto:jo%2540example.org`), as
    `find_personal_data_in_urls` gives them, "as written" unescaped to the end; the hex
    digits of an escape before it no part of it (`%20jane%40...`). Those a link's own
    reading finds are found again: the caller keeps one (session 55)."""
    # A `%` first, found at memchr's speed: most texts have none (the bench's pages).
    if "%" not in text or ("%40" not in text and "%2540" not in text):
        return
    for found in _ESCAPED_AT_EMAIL.finditer(text):
        first = found.start()
        if text[first - 1 : first] == "%" and _HEX_PAIR.match(text, first):
            first = before_escaped_pluses(text, first + 2)
        written = text[first : found.end()]
        address = written
        while "%" in address and (unescaped := unquote(address)) != address:
            address = unescaped
        if EMAIL.fullmatch(address) and not is_file_name(address):
            yield "e-mail address", first, found.end(), address


_HEX_PAIR = LazyPattern(r"[0-9A-Fa-f]{2}(?=[\w.+'-]*%(?:25)*40)")
# An escaped `+` in a mailbox (`team%2Bintake%40coalition.org`, as a form or a mail
# program escapes `team+intake@`) is the mailbox's own: the address was read from after
# it (`intake@coalition.org`), and privacy.allow's `team+intake@coalition.org` allowed
# nothing (session 57).
_ESCAPED_PLUS = "%2B"
_ESCAPE_LENGTH = len(_ESCAPED_PLUS)


def before_escaped_pluses(text: str, first: int) -> int:
    """Where an address found at `first` of `text`, after an escape, starts: back over
    each escaped `+` (`%2B`) right before it and the mailbox's characters before that."""
    while text[first - _ESCAPE_LENGTH : first].upper() == _ESCAPED_PLUS:
        start = first - _ESCAPE_LENGTH
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._-"):
            start -= 1
        if text[start - 1 : start] == "%":
            start += 2  # the hex digits of an escape before it (`Write%20team%2B...`)
        if start >= first - _ESCAPE_LENGTH:
            break  # no mailbox's character before it: the `+` starts no address
        first = start
    return first


# A link that opens a mail, a call or a message, which has no `://` and is no `_URL`: its
# address or number, up to its parameters. One written plainly is read as text
# (`find_personal_data`); one with escapes, as HTML exporters and "obfuscating" snippets
# write it (`mailto:jane%40gmail.com`, `tel:402%20555%200142`), or with `//`
# (`sms://+14025550142`, after which no number is read as text), is read unquoted here;
# Viber's carries its number, international, in `number=` (`viber://chat?number=%2B1...`).
_LINK_SCHEMES = ("mailto", "tel", "sms", "callto", "viber")
# A pair of parentheses, which a Markdown link's destination may hold
# (`?body=Call%20(402)%20555-0199`: session 55), is read on through; a lone `(` too.
_SCHEME_LINK = LazyPattern(
    rf"(?<![\w.+-])(?P<scheme>(?i:{'|'.join(_LINK_SCHEMES)})):(?P<slashes>//)?"
    r"(?P<value>(?:[^\s<>\"'()\]?;]++|\([^\s<>\"'()\]?;]*+\)|\()*+)"
    r"(?P<query>\?(?:[^\s<>\"'()\]]++|\([^\s<>\"'()\]]*+\)|\()*+)?"
)
# A colon that ends one of `_LINK_SCHEMES`, lowered: searched from colon to colon.
_SCHEME_COLON = LazyPattern(":(?:" + "|".join(f"(?<={scheme}:)" for scheme in _LINK_SCHEMES) + ")")
# The query of an `sms:` link as older Android phones write it, after a `;`
# (`sms:+14025550100;?&body=...`), which ends `_SCHEME_LINK`'s value (task priv7).
_ANDROID_SMS_QUERY = LazyPattern(r";\?(?P<query>(?:[^\s<>\"'()\]]++|\([^\s<>\"'()\]]*+\)|\()*+)")
# A `+` that a query may write for a space (`_ESCAPE`), found from `+` to `+`: a number's
# own after no letter or digit (`tel:+1...`, `+44 20` in prose) is no reason to read links.
_PLUS_FOR_A_SPACE = LazyPattern(r"\+(?<=[^\W_]\+)")
_VIBER_NUMBER = LazyPattern(r"[?&](?i:number)=(?P<number>[^&#]*)")


def _escaped_scheme_links(text: str, lowered: str | None) -> Iterator[tuple[str, int, int, str]]:
    """(kind, start, end, as written) of each e-mail address and phone number of a
    `_SCHEME_LINK` written with escapes or `//`, as `find_personal_data_in_urls` gives them
    (`lowered`: `text.lower()`, if already made)."""
    if (
        "%" not in text
        and "://" not in text
        and ("+" not in text or _PLUS_FOR_A_SPACE.search(text) is None)
    ):
        return
    lowered = text.lower() if lowered is None else lowered
    if not _may_name_a_link_scheme(lowered):
        return
    for link in _SCHEME_LINK.finditer(text):
        scheme = link["scheme"].lower()
        if scheme == "mailto":
            yield from _escaped_addresses(link)
        elif scheme == "viber":
            number = _VIBER_NUMBER.search(link["query"] or "")
            if number is not None and "%" in number["number"]:
                written = "+" + unquote(number["number"]).lstrip("+")  # international
                start = link.start("query") + number.start("number")
                if digit_count(written) in _LINKED_NUMBER_DIGITS:
                    yield "phone number", start, link.start("query") + number.end(), written
        else:
            value = link["value"]
            if scheme == "sms":  # its body: in a `?` query, after iOS's `&` or Android's `;?&`
                value, _, message = value.partition("&")
                if message:
                    yield from _escaped_in_message(message, link.start("value") + len(value) + 1)
                if link["query"]:
                    yield from _escaped_in_message(link["query"][1:], link.start("query") + 1)
                elif (android := _ANDROID_SMS_QUERY.match(text, link.end())) is not None:
                    yield from _escaped_in_message(android["query"], android.start("query"))
            if "%" in value or link["slashes"]:
                written = unquote(value)
                if digit_count(written) in _LINKED_NUMBER_DIGITS:
                    yield (
                        "phone number",
                        link.start("value"),
                        link.start("value") + len(value),
                        written,
                    )


def start_after_a_plus_for_a_space(text: str, start: int, end: int) -> int:
    """Where the e-mail address `text[start:end]`, written plainly, starts: after the last
    `+` of its mailbox that stands for a space (`_ESCAPE`), where it is in a parameter of
    a `_SCHEME_LINK`'s query that is text (`body=write+jo@x.org`: task priv8); a `+` in
    a mailbox a link lists (`mailto:`, `cc=`) or in prose is the mailbox's."""
    if "+" not in text[start:end]:
        return start
    for link in _SCHEME_LINK.finditer(text):
        if link.start() <= start < link.end():
            break
    else:
        return start
    parameter = max(text.rfind(mark, link.start(), start) for mark in "?&;") + 1
    equals = text.find("=", parameter, start)
    if parameter == 0 or equals < 0:
        return start  # the link's own address, or none of its query's
    if text[parameter:equals].removeprefix("amp;").lower() in _ADDRESS_KEYS:
        return start
    return _after_a_plus_for_a_space(text, start, end)


def scheme_link_spans(text: str) -> list[tuple[int, int]]:
    """Where each `_SCHEME_LINK` of `text` is (`mailto:`, `sms:`...), with its query."""
    return [link.span() for link in _SCHEME_LINK.finditer(text)]


def _may_name_a_link_scheme(lowered: str) -> bool:
    """Whether the lowered text `lowered` holds one of `_LINK_SCHEMES` and its colon: one
    search from colon to colon (a page has few), where a search for each scheme made five
    passes over every page with a link."""
    return _SCHEME_COLON.search(lowered) is not None


def _escaped_addresses(link: re.Match[str]) -> Iterator[tuple[str, int, int, str]]:
    """The e-mail addresses written with escapes of a `mailto:` link (`_escaped_scheme_links`),
    each of those it lists (`mailto:a%40x.org,b%40y.org`), and of those its query copies
    the mail to (`?cc=b%40y.org&bcc=...`, `&amp;` between them as HTML writes it) and
    of its subject and body (`body=Hi%2C%20c%40z.org`): none was read (session 54)."""
    yield from _listed_addresses(link["value"], link.start("value"))
    query = link["query"]
    if not query or ("%" not in query and "+" not in query):
        return
    start = link.start("query") + 1
    for parameter in query[1:].split("&"):
        key, equals, value = parameter.partition("=")
        value_start = start + len(key) + 1
        if equals and key.removeprefix("amp;").lower() in _ADDRESS_KEYS:
            yield from _listed_addresses(value, value_start)
        elif equals:  # text: an address with its `@` escaped (one written plainly is text)
            yield from _escaped_in_text(value, value_start)
        start += len(parameter) + 1


def _escaped_in_message(query: str, start: int) -> Iterator[tuple[str, int, int, str]]:
    """The e-mail addresses and phone numbers escaped in the parameters of `query`, an
    `sms:` link's (`body=call%20402-555-0199`), which starts at `start` of the text: the
    message its phone writes, read as a `mailto:` link's body is (session 55)."""
    if "%" not in query and "+" not in query:
        return
    for parameter in query.split("&"):
        key, equals, value = parameter.partition("=")
        if equals:
            yield from _escaped_in_text(value, start + len(key) + 1)
        start += len(parameter) + 1


def _escaped_in_text(value: str, start: int) -> Iterator[tuple[str, int, int, str]]:
    """The e-mail addresses whose `@` is escaped in `value`, a `mailto:` link's subject or
    body, which starts at `start` of the text."""
    for found in LINKED_EMAIL.finditer(value):
        # Not the hex digits of an escape before it (`From%20gus%40x.org`), nor what a `+`
        # that stands for a space ends (`write+jo%40x.org`: `_ESCAPE`; task priv8).
        first = found.start()
        if value[first - 1 : first] == "%":
            first = before_escaped_pluses(value, first + 2)
        first = _after_a_plus_for_a_space(value, first, found.end())
        written = value[first : found.end()]
        address = unquote(written)
        if "@" not in written and EMAIL.fullmatch(address) and not is_file_name(address):
            yield "e-mail address", start + first, start + found.end(), address
    yield from _escaped_numbers_in_text(value, start)


def _after_a_plus_for_a_space(value: str, start: int, end: int) -> int:
    """Where the address `value[start:end]` of a link's body or subject starts after the
    last `+` of its mailbox that stands for a space (`_ESCAPE`: after a letter or a
    digit), or `start`."""
    mailbox_end = value.find("@", start, end)
    mailbox_end = value.find("%", start, end) if mailbox_end < 0 else mailbox_end
    plus = value.rfind("+", start + 1, mailbox_end)
    while plus > start and not _ESCAPE.match(value, plus):
        plus = value.rfind("+", start + 1, plus)
    return plus + 1 if plus > start else start


def _escaped_numbers_in_text(value: str, start: int) -> Iterator[tuple[str, int, int, str]]:
    """The phone numbers of `value`, a `mailto:` link's subject or body, which starts at
    `start` of the text, that its escapes hid from the text's own reading
    (`body=Call%20me%20at%20402-555-0199` reads `20402-555-0199`: review rv54c), or a
    `+` that stands for a space (`body=Call+402-555-0199`, which that reading skips: task
    priv7); not one that reading finds, whole or in part."""
    from .privacy_personal_data import find_personal_data  # it imports this module

    escapes = list(_ESCAPE.finditer(value))
    if not escapes:
        return
    # Each escape read as one character (`%20` a space), and where each character was.
    decoded: list[str] = []
    where: list[int] = []
    at = 0
    for escape in escapes:
        decoded.append(value[at : escape.start()])
        where.extend(range(at, escape.start()))
        decoded.append(" " if escape[1] is None else chr(int(escape[1], 16)))
        where.append(escape.start())
        at = escape.end()
    decoded.append(value[at:])
    where.extend(range(at, len(value) + 1))
    text = "".join(decoded)
    read_as_written = [(s, e) for kind, s, e in find_personal_data(value) if kind == "phone number"]
    for kind, found_start, found_end in find_personal_data(text):
        if kind != "phone number":
            continue
        first = where[found_start]
        last = where[found_end - 1] + (3 if value[where[found_end - 1]] == "%" else 1)
        if not any(s < last and first < e for s, e in read_as_written):
            yield "phone number", start + first, start + last, text[found_start:found_end]


# An escape, and a `+` after a letter or a digit, which a form-encoded query writes for
# a space (`Call+402+555+0199`); one after none, or after an escape, is a number's own
# (`Call%20+44%2020...`).
_ESCAPE = LazyPattern(r"%([0-9A-Fa-f]{2})|(?<=[^\W_])(?<!%[0-9A-Fa-f]{2})\+")


# The keys of a `mailto:` link's query that list addresses (RFC 6068).
_ADDRESS_KEYS = frozenset({"to", "cc", "bcc"})
# What parts the addresses of a list: a comma, written or escaped (`%2C`).
_LIST_COMMA = LazyPattern(r",|%2[cC]")


def _listed_addresses(value: str, start: int) -> Iterator[tuple[str, int, int, str]]:
    """The e-mail addresses written with escapes among those `value` lists, which starts at
    `start` of the text."""
    item_start = 0
    for comma in (*_LIST_COMMA.finditer(value), None):
        item_end = len(value) if comma is None else comma.start()
        # Without the spaces around it (`a%40x.org%2C%20b%40y.org`): one whose only
        # escapes those are is written plainly, and read as text (review rv54c).
        spaces = _ESCAPED_SPACES.match(value, item_start, item_end)
        first = item_start if spaces is None else spaces.end()
        last = first + len(value[first:item_end].rstrip())
        while last - first >= 3 and _ESCAPED_SPACE.fullmatch(value, last - 3, last):
            last -= 3
        written = value[first:last]
        address = unquote(written)
        if "%" in written and EMAIL.fullmatch(address) and not is_file_name(address):
            yield "e-mail address", start + first, start + last, address
        item_start = item_end if comma is None else comma.end()


# A space, escaped or written, around an address its list holds.
_ESCAPED_SPACE = LazyPattern(r"%(?:20|09|0[aAdD])")
_ESCAPED_SPACES = LazyPattern(r"(?:\s|%(?:20|09|0[aAdD]))*")


# A messenger link that reaches a person, with `https://` or without: a WhatsApp number
# written without it (`wa.me/15558675309`, `api.whatsapp.com/send?phone=15558675309`;
# with it, `find_personal_data_in_urls` reads it), a Telegram account (`t.me/jane_doe`,
# `telegram.me/...`, a channel's preview `t.me/s/...`, the app's
# `tg://resolve?domain=...`) or number (`t.me/+15558675309`; the app's
# `tg://resolve?phone=...` is a URL's, read by `find_personal_data_in_urls`), a Signal
# number (`signal.me/#p/+1555...`) or username link (`signal.me/#eu/...`). Not
# after a word, a dot or a slash: no part of another address (`chat.t.me/x`,
# `https://wa.me/...` read as a URL).
#
# And an invitation to a private group or channel: Telegram's (`t.me/+<hash>`, the older
# `t.me/joinchat/<hash>`, the app's `tg://join?invite=<hash>`), WhatsApp's
# (`chat.whatsapp.com/<code>`) and Signal's (`signal.group/#<key>`). Whoever has one
# joins without being let in, and sees who is there (in a WhatsApp group, every member's
# phone number) and what they write: a private group of survivors or of volunteers is
# exposed as surely as their numbers. A coalition's public group is listed in
# privacy.allow, like a public channel.
_MESSENGER_LINK = LazyPattern(
    r"(?<![\w.@/-])(?:(?P<scheme>(?i:https?)://)(?i:www\.)?)?(?:"
    r"(?i:wa\.me)/(?P<whatsapp>\+?\d{7,15})(?![\w%])"
    r"|(?i:(?:api|web)\.whatsapp\.com/send)/?\?(?:[^\s&#<>\"')\]]*&)*(?i:phone)="
    r"(?P<whatsapp_send>(?i:\+|%2B)?\d{7,15})(?![\w%])"
    r"|(?i:chat\.whatsapp\.com)/(?:(?i:invite)/)?(?P<whatsapp_group>[A-Za-z0-9]{16,})(?![\w/-])"
    r"|(?i:(?:t|telegram)\.me)/(?:"
    r"\+(?P<telegram_number>\d{7,15})"
    r"|(?:\+|(?i:joinchat)/)(?P<telegram_group>[\w-]{8,})"
    r"|(?:s/)?(?P<telegram>[A-Za-z]\w{3,31}))(?![\w/-])"
    r"|(?i:signal\.me)/\#(?:p/(?P<signal>\+?\d{7,15})(?!\w)|(?P<signal_user>e?u/[\w.~%-]+))"
    r"|(?i:signal\.group)/\#(?P<signal_group>[\w%=-]{16,})"
    r"|(?i:tg)://(?:(?i:resolve)\?(?:[^\s&#<>\"')\]]*&)*(?i:domain)=(?P<telegram_app>[A-Za-z]\w{3,31})"
    r"|(?i:join)\?(?:[^\s&#<>\"')\]]*&)*(?i:invite)=(?P<telegram_app_group>[\w-]{8,}))(?![\w%-])"
    r")"
)
# What every messenger link holds: the scan is skipped in a text without any.
_MESSENGER_HINTS = (".me/", "whatsapp.com/", "signal.group/", "tg:/")
# A slash that ends one of `_MESSENGER_HINTS`, in any case as the pattern reads its
# letters (`ſ`, `ı`): the engine skips from slash to slash at C speed and looks behind each.
_MESSENGER_HINT = LazyPattern(
    "/(?:"
    + "|".join(f"(?<=(?i:{re.escape(hint.removesuffix('/'))})/)" for hint in _MESSENGER_HINTS)
    + ")"
)
# The groups of `_MESSENGER_LINK` that hold a number, and those of them a URL with its
# scheme carries in its own way (`find_personal_data_in_urls` reads them).
_LINKED_NUMBER_GROUPS = ("whatsapp", "whatsapp_send", "telegram_number", "signal")
_READ_AS_URL = frozenset({"whatsapp", "whatsapp_send"})
_PLUS = LazyPattern(r"^(?:\+|%2B)", re.IGNORECASE)
# What each other group of `_MESSENGER_LINK` links to.
_LINKED_KINDS = {
    "telegram": "Telegram account",
    "telegram_app": "Telegram account",
    "signal_user": "Signal account",
    "telegram_group": GROUP_INVITATION,
    "telegram_app_group": GROUP_INVITATION,
    "whatsapp_group": GROUP_INVITATION,
    "signal_group": GROUP_INVITATION,
}


def find_messenger_links(text: str) -> Iterator[tuple[str, int, int, str]]:
    """(kind, start, end, as written) of each messenger link in `text` that reaches a
    person or a private group (`_MESSENGER_LINK`): the number of a WhatsApp link
    written without `https://`, of a Telegram or a Signal link ("phone number",
    international), the link to a Telegram or Signal account ("Telegram account",
    "Signal account"), an invitation to a private group (`GROUP_INVITATION`)."""
    if not may_hold_a_messenger_link(text):
        return
    for found in _MESSENGER_LINK.finditer(text):
        group = next((name for name in _LINKED_NUMBER_GROUPS if found.group(name)), None)
        if group is not None:
            if group in _READ_AS_URL and found.group("scheme"):
                continue  # a URL's: `find_personal_data_in_urls` reads it
            written = "+" + _PLUS.sub("", found.group(group), count=1)  # international
            yield "phone number", *found.span(group), written
            continue
        kind = next(kind for name, kind in _LINKED_KINDS.items() if found.group(name))
        yield kind, found.start(), found.end(), found.group()


def may_hold_a_messenger_link(text: str) -> bool:
    """Whether `text` holds one of `_MESSENGER_HINTS`, in any case, as the pattern reads
    its letters (`ſignal.group/`): one search from slash to slash (`_MESSENGER_HINT`;
    most texts have none, a page few), where a search for each hint, in the text and in
    capitals, made nine passes over every page with a link."""
    return "/" in text and _MESSENGER_HINT.search(text) is not None
