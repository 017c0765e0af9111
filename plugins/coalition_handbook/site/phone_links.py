"""A protocol contact's `tel:` and `sms:` links: the number a phone dials for a field as
an editor writes it (`1-888-373-7888 (ext. 2)`, `Text 233733`, `1-800-4A-CHILD`,
`911 EMERGENCY`), on the protocol's page and in its handouts alike.

The printed text is the field as written; only the link is read here. A link that
dials a wrong number is worse than none: each rule below says which field it mended.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

from markupsafe import Markup

from ..lazy_pattern import LazyPattern
from ..rules.national_phones import e164_or_digits
from ..rules.privacy_allow import phone_key, without_trunk_zero

_DIGIT_GROUPS = LazyPattern(r"\d+")
# A North American area code or exchange starts with 2-9.
_NORTH_AMERICAN_FIRST_DIGITS = frozenset("23456789")


def phone_href(number: str, scheme: str = "tel") -> Markup:
    """`tel:` or `sms:` link for a written number, dialled as written: `1-888-373-7888` ->
    `tel:+18883737888`, `0800 0121 700` -> `tel:08000121700`, `911` -> `tel:911`.

    A number written with `+` and its country code, or with North America's leading 1
    (`1-888-373-7888`, `1 (888) 373-7888`), keeps its country code, so it reaches the line
    from anywhere. A number written without one is dialled as it stands, in the country
    the phone is in: `800 5533 000` is Mexico's hotline on a phone in Mexico, and adding
    a `+1` would call the US (found in an audit).
    """
    written, extension = _number_and_extension(number, scheme == "sms")
    if international := _INTERNATIONAL_CALL_PREFIX.match(written):
        written = "+" + written[international.end() :]
    if _TRUNK_ZERO_AFTER_COUNTRY_CODE.match(written):
        dialled = e164_or_digits(written)
    elif written.startswith("+") or _is_north_american_with_country_code(written):
        key = phone_key(written)  # +CC and digits, without a trunk (0); a +1 number's ten
        dialled = key if key.startswith("+") else "+1" + key
    else:  # `0044 (0)20 ...`'s trunk 0 is no more dialled than `+44 (0)20 ...`'s
        dialled = _digits(without_trunk_zero(written))
    # An extension is no digit of the number (RFC 3966 writes it `;ext=`): its digits
    # joined on dialled another number (review). A text reaches no extension (RFC 5724).
    ext = f";ext={extension}" if extension and scheme == "tel" else ""
    return Markup(f"{scheme}:{dialled}{ext}")


# The prefix most of the world dials before a country code (`0044 20 7946 0000`, `00 44
# ...`) and Australia's (`0011 61 2 ...`), before a country code and seven digits more:
# dialled as the `+` they stand for, which reaches the line from any country; as written
# they called no one from North America, whose prefix is 011 (review). `011` is Delhi's
# area code as well (`011 2345 6789`): dialled as written.
_INTERNATIONAL_CALL_PREFIX = LazyPattern(r"(?:0011|00)[\s.\-]*(?=[1-9](?:[\s.\-()]*\d){7})")


# An extension: `x12`, `ext. 12`, `ext12`, `extension 12`, `#12` (as libphonenumber reads
# `#`); not the end of a word (`Text 233733` was `sms:;ext=233733`, review): no letter
# before it.
# Canada's French `poste 12`, the Philippines' `loc. 12` too.
# `ext: 12`, `extn 12`, `Extension: 12` too: their digits were left out (the main number
# dialled alone).
_EXTENSION_NAME = r"(?<![^\W\d_])(?i:x|ext[.=]?|extn\.?|extension|poste|loc\.)"
_EXTENSION_WORD = rf"(?:{_EXTENSION_NAME}|#)"
_EXTENSION_DIGITS = r"\s*:?\s*(?P<digits>\d{1,6})(?!\d)"
# One after its number, in brackets too (`1-888-373-7888 (ext. 2)`).
_EXTENSION_AFTER = LazyPattern(r"[\s,;(]*" + _EXTENSION_WORD + _EXTENSION_DIGITS)
# One written before its number (`ext. 5 at 555-0100`, `extension 5, 555-0100`): its
# digit was dialled first. `Front desk, ext. 0 or 911` has none: 911 has no extension.
# A `#` before a number says "number" (`Hotline # 1-888-373-7888`, `#1-888-...`): no
# extension (it was no link, review). One of a leading 0 a space before digits is in
# doubt: no link.
_EXTENSION_BEFORE = LazyPattern(
    _EXTENSION_NAME + _EXTENSION_DIGITS + r"[\s,:)]*(?:(?i:at|on)[\s,:]+)?(?=[+(]?\d)"
)
# The first digit of a field, or an extension before it.
_DIGIT_OR_EXTENSION = LazyPattern(r"\d|" + _EXTENSION_NAME + _EXTENSION_DIGITS)
# A number's digits and what separates them (`+44 (0)20 7946-0000`): it ends at a word
# (`option 2`, `press 2`, `TTY 711`: pressed or dialled after it, no digit of it), a comma
# or a slash, and at a bracket after its digits that opens another number: a whole one in
# brackets (`555-0100 (555-0199)` was tel:55501005550199) or a North American area code
# and its seven digits (`Suite 310 (402) 555-0142` was tel:3104025550142, 310-402-5550
# in Los Angeles: review). A bracket in a number's own digits (`02 (8723) 0401`) or
# after a country code or a lone digit (`+1 (888)`, `0044 (0)20`, `1 (888)`) is one of
# its separators.
_ANOTHER_NUMBER = (
    r"\(\s*(?:\d[\s.\-]*){7,}\)"
    r"|\(\s*[2-9]\d{2}\s*\)\s*[2-9]\d{2}[\s.\-]*\d{4}(?!\d)"
)
# A dash a space apart before a North American number parts it from the digits before
# (`Suite 200 - 402-555-0142`, `Since 1985 – 1-888-373-7888` were tel:2004025550142 and
# tel:198518883737888; `(402) 555 - 0142` stays one number).
# A dash a space apart before a trunk 0 and seven digits more parts them too, after a
# lone digit as well: `Floor 3 - 020 7946 0000` was tel:302079460000, `Berlin 10115 - 030
# 1234567` tel:101150301234567 (review); `(402) 555 - 0142`'s four digits are its own.
_DASH_BEFORE_TRUNK_ZERO = r" - ?0[1-9](?:[ .\-]?\d){6}"
# A space before a North American number in dashes or dots, after digits that are no
# country code 1 (`Zip 68102 402-555-0142` was tel:681024025550142, review), parts it.
_DASH_BEFORE_ANOTHER = (
    r" - ?(?:1[ .\-]?)?\(?[2-9]\d{2}\)?[ .\-]?[2-9]\d{2}[ .\-]?\d{4}(?!\d)"
    rf"|{_DASH_BEFORE_TRUNK_ZERO}"
    r"|(?<!\b1) [2-9]\d{2}(?:-[2-9]\d{2}-|\.[2-9]\d{2}\.)\d{4}(?!\d)"
)
# A count's nouns (`7 days a week` was tel:7, `741741 7 days a week` tel:7417417) and
# the nouns a helpline's name says it is for (`116 111 children's helpline`, `116 006
# victims helpline`, EU lines): those count only after one group of digits, never a
# possessive (`400 survivors`, `1,000 children`, not `116 111 children`: review).
_TIME_NOUNS = (
    r"days?|weeks?|months?|years?|times|jours|ans|années|semaines|mois|días|años|semanas"
    r"|meses|tage|jahre|wochen|monate|giorni|anni|settimane|mesi"
)
_NOT_A_WORD_ON = r"(?![^\W\d_]|['’])"
_COUNT_NOUNS = (
    rf"(?i:{_TIME_NOUNS}|people|persons|families|members|clients|cases|volunteers|beds"
    r"|personnes|familles|personas|familias|personen|familien|persone|famiglie)" + _NOT_A_WORD_ON
)
_LABEL_NOUNS = rf"(?i:survivors|victims|children|women){_NOT_A_WORD_ON}"
# A time counted a space after a number's digits (`741741 7 days a week`,
# `1-888-373-7888 365 days a year`) is no digit of it: it was tel:7417417 and
# tel:18883737888365 (review). Not another count: `0800 222 333 families` is a line's name.
_SPACED_COUNT = rf"\s\d{{1,3}}\s{{1,3}}(?i:{_TIME_NOUNS}){_NOT_A_WORD_ON}"
_NUMBER = LazyPattern(
    r"(?:(?<=\+)\d{1,3}|\d(?!\d)|(?:00|011|0011)[\s.\-]*\d{1,3})"
    rf"(?:(?!{_SPACED_COUNT}|{_DASH_BEFORE_TRUNK_ZERO})[\d\s().\-])*"
    rf"|\d(?:(?!{_DASH_BEFORE_ANOTHER}|{_SPACED_COUNT})[\d\s).\-]|(?!{_ANOTHER_NUMBER})\()*"
)
# The letters of a number written in words after its digits (`1-800-FLOWERS`,
# `1-800-4A-CHILD`, `1 800 THE LOST`, `1-866-DHS-2-ICE`): capital words and digits
# parted by a dash, a dot or a space, up to an extension (`1-800-FLOWERS X12`).
_NO_EXTENSION = rf"(?!{_EXTENSION_WORD}\s*:?\s*\d)"
_KEYS = LazyPattern(
    rf"{_NO_EXTENSION}[A-Z\d]+(?![^\W\d_])(?:[-. ]{_NO_EXTENSION}[A-Z\d]+(?![^\W\d_]))*"
)
# How far the letters of a number in words are read after its digits: a phone dials ten
# digits of it at most (`1-800-4-A-CHILD`, `1 800 THE LOST` are a dozen characters); each
# number of a field read to its end made `1 A 1 A 1 A ...` quadratic (4 s at 10,000
# characters, review).
_KEYS_READ = 40
# The letters on a phone's keys (ITU E.161).
_KEYPAD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "22233344455566677778889999")
# The digits of a whole number in words: a North American or Australian one (`1800
# RESPECT`). A phone dials the first ten of a longer one (`1-800-CONTACTS`).
_WORDS_NUMBER_DIGITS = 10
# A group of digits of a number written in words is short (`1-800-`, `1800 `); letters
# after a longer one are its name (`233733BEFREE`), not more of its digits.
_WORDS_NUMBER_GROUP = 4
# A North American local number in words, its exchange and four letters (`555-HELP`).
_WORDS_LOCAL_DIGITS = 7
_WORDS_LOCAL_LETTERS = 4
# The digits of a toll-free number before its words, written a space apart (`1 800 THE
# LOST`, `800-799 SAFE`, Australia's `1800 RESPECT`): after any other digits a word in capitals
# a space apart is the number's name (`911 EMERGENCY`, `116 123 SAMARITANS`, `555-0142
# TTY`, Italy's `800 290 290 NUMERO VERDE`), which dialled as keys called no one
# (tel:9113637436, review).
_TOLL_FREE_WORDS = LazyPattern(
    r"(?:\+?1\D+)?\(?8(?:00|33|44|55|66|77|88)\)?(?:[\s.\-]+\d{3})?|1[38]00|13"
)

# North America's 1 and a toll-free code joined, its letters joined on (`1800FLOWERS`,
# `1888-CONTACTS`): the keys of 1, the code and seven letters, as a phone in North
# America dials them all. It was tel:1800356937, Australia's reading, which a phone there
# reaches with the eleventh key too: Australia's own words of seven letters after 1800
# (`1800RESPECT`) are keyed whole, the key past the number's last ignored. `1800 RESPECT`
# a space apart is written as Australia writes it: ten digits (`_TOLL_FREE_WORDS`).
_NORTH_AMERICAN_TOLL_FREE = LazyPattern(r"18(?:00|33|44|55|66|77|88)")


def _plain(written: str) -> str:
    """`written` with a digit of any script (`٩١١`) as the ASCII digit a `tel:` URL holds
    (RFC 3966: a phone dials no `tel:٩١١`), any space (a no-break one) as a space and any
    dash (`–`, `‑`) as a hyphen: `911\u00a0EMERGENCY` was tel:9113637436 and
    `1–888–373–7888` tel:1 (review). An invisible mark (a zero-width space, the
    right-to-left mark a page in Arabic writes around a number) parts what it parts as a
    space does: `1-888\u200b-373-7888` was tel:1888; a full-width `＋` is a `+`: `＋４４ ...`
    was dialled without its country code (review)."""
    return written if written.isascii() else "".join(_plain_char(char) for char in written)


_FULL_WIDTH_OFFSET = 0xFEE0  # U+FF01 `！` ... U+FF5E `～` are U+0021 ... U+007E


def _plain_char(char: str) -> str:
    if char.isascii():
        return char
    if char.isdecimal():
        return str(unicodedata.decimal(char))
    if char.isspace():
        return " "
    if "\uff01" <= char <= "\uff5e":  # a full-width form (`＋`, `（`, `Ｘ`): its ASCII one
        return chr(ord(char) - _FULL_WIDTH_OFFSET)
    category = unicodedata.category(char)
    if category == "Cf":  # a format character: zero-width, a direction mark
        return " "
    if category == "Pd" or char in "\u2212\u2043":  # a dash, a minus sign, a hyphen bullet
        return "-"
    return char


# What a field writes that is no number, its digits none of one: a web address
# (`https://example.org/2024/help or 555-0100` was tel:2024, review: from its scheme or
# `www.` to a space), a date, a postal code, a menu's choice, a time zone. Each is read
# as `_NO_NUMBER`, which parts the numbers around it (a space joined `555-0100
# www.example.org 123`'s digits, tel:5550100123) and is no alternative between a short
# number and the next.
_NO_NUMBER = "\ue000"  # a private-use character: no digit, space, letter nor mark
# A domain without its scheme or `www.` too (`1800respect.org.au` was tel:1800, review):
# from a word's start, a mailbox and `@` or not, labels and dots, a top-level domain in
# small letters after the last dot (`Tel.Nr/030 1234567` is no domain).
_WEB_ADDRESS = (
    r"(?i:https?://|www\.)\S*"
    r"|(?<![^\s(<\[:])(?:[\w.+\-]+@)?[\w\-]+(?:\.[\w\-]+)*\.(?:com|org|net|gov|edu|info|[a-z]{2})"
    r"(?![\w\-])"
    r"(?:/\S*)?"
)
# A date: `12 March 2024` and `2024-03-12` were tel:2024 and tel:20240312, `March 12
# 555-0100` tel:125550100. A day and a month's name (English, French, Spanish, German,
# Italian), either first, a year after them or not, or a month's name and a year; or a
# day, a month and a year of four digits in figures, one separator between (`12.03.2024`,
# `2024-03-12`, `12/03/2024`), or of two digits (`03/12/24`, `01.03.24`). No group of
# digits goes on after it (`Mar 13 11 14` is Lifeline's 13 11 14 after a word).
# A month's name is a word of its own (`Omar 06 1234 5678` read `mar 06` as a date).
_MONTH = (
    r"(?<![^\W\d_])(?i:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|janvier|f[ée]vrier|mars"
    r"|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|janv|f[ée]vr"
    r"|avr|juil|d[ée]c|enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre"
    r"|octubre|noviembre|diciembre|januar|j[äa]nner|februar|m[äa]rz|maerz|juni|juli"
    r"|oktober|dezember|okt|dez|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre"
    r"|ottobre|dicembre)\.?(?![^\W\d_])"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_YEAR = r"(?:19|20)\d{2}"
_DATE_END = r"(?!\d|[.\-/]\d|\s*[\-.]\s*\d)"
_DAY_END = rf"{_DATE_END}(?!\s\d{{1,2}}(?![\d.\-]))"
_DAY_AND_MONTH = rf"{_DAY}(?:-{_DAY})?(?i:st|nd|rd|th|er|º|°|\.)?\s*(?i:de\s+)?{_MONTH}"
_DATE = (
    rf"(?<![\d.\-/]){_DAY_AND_MONTH}"
    rf"(?:,?\s*(?i:de\s+)?{_YEAR}{_DATE_END})?"
    rf"|{_MONTH}\s*{_DAY}(?i:st|nd|rd|th)?{_DAY_END}(?:,?\s*{_YEAR}{_DATE_END})?"
    rf"|{_MONTH}\s*(?i:de\s+)?{_YEAR}{_DATE_END}"
    rf"|(?<![\d.\-/])(?:{_YEAR}([\-/.])(?:1[0-2]|0?[1-9])\1{_DAY}"
    rf"|{_DAY}([\-/.]){_DAY}\2{_YEAR}|{_DAY}/{_DAY}/\d{{2}}|{_DAY}\.(?:1[0-2]|0?[1-9])\.\d{{2}})"
    rf"{_DATE_END}"
)
# A day a space after a number's digits may be its last group (`01 23 45 67 12 mai-sept`
# was tel:01234567, the 12 read as a day) or a date after it (`555-0100 12 March`): the
# field is no link (`_IN_DOUBT`).
_DAY_AFTER_DIGITS = rf"\d {_DAY_AND_MONTH}"
# A month's name before a day of a leading 0 and more digits: a date, or a weekday
# before a number's trunk 0 (`lun-mar 06 1234 5678`, Italy's Monday to Tuesday, was
# tel:12345678)? No link (`_IN_DOUBT`).
_MONTH_BEFORE_TRUNK_ZERO = rf"{_MONTH}\s*0[1-9]\s+\d"
# A month's day 1 before a number's groups: a date, or North America's or Australia's 1
# (`June 1 800 737 732` was tel:800737732, no line in Australia)? No link (`_IN_DOUBT`).
_MONTH_DAY_1_BEFORE_NUMBER = rf"{_MONTH}\s*0?1\s+\d{{3}}[\s.\-]?\d{{3}}[\s.\-]?\d{{3,4}}(?!\d)"
# A postal code: after its label (`Zip 10001`, `ZIP 10001-1234`, `PLZ 10115`, `CP
# 06600`, `Postcode 2000`: tel:10001, tel:100011234, ...), a US state's code (`NE
# 68102-1234`) or an Australian state's (`Sydney NSW 2000`, `Darwin NT 0800`, not `NSW
# 1800 65 64 63`, the state's line); a UK or Canadian one, letters and digits (`B33 8TH`
# was tel:338, `ON M5V 2T6 416-555-0100` tel:5828641655, its letters read as keys). A
# label's code before more digits is no postal code (`CP 0800 123 456`, a line for child
# protection, was tel:123456).
# A postal code of five digits before its city, as Germany, France, Spain and Italy write
# them, or the Netherlands' four digits and two letters (`10115 Berlin`, `75001 Paris`,
# `00184 Roma`, `1012 AB Amsterdam` were tel:10115, tel:75001, tel:00184, tel:1012:
# review); not a short code texted (`Text 85258 Shout`, `Text: 85258 Shout`: review rv55a),
# nor a number's last group.
# A US state's name before its ZIP code too, or AP's abbreviation of it (`Lincoln,
# Nebraska 68508` was tel:68508, `Omaha, Nebraska 68102: (402) 555-0142` no link, its ZIP
# code a short number before the line's; `Sacramento, Calif. 95814`).
_US_STATE = (
    r"Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware"
    r"|District\s+of\s+Columbia|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas"
    r"|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi"
    r"|Missouri|Montana|Nebraska|Nevada|New\s+Hampshire|New\s+Jersey|New\s+Mexico"
    r"|New\s+York|North\s+Carolina|North\s+Dakota|Ohio|Oklahoma|Oregon|Pennsylvania"
    r"|Puerto\s+Rico|Rhode\s+Island|South\s+Carolina|South\s+Dakota|Tennessee|Texas|Utah"
    r"|Vermont|Virginia|Washington|West\s+Virginia|Wisconsin|Wyoming"
    r"|(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss"
    r"|Mo|Mont|Neb|Nebr|Nev|N\.\s?[HJMYCD]|Okla|Ore|Pa|R\.\s?I|S\.\s?[CD]|Tenn|Vt|Va"
    r"|Wash|W\.\s?Va|Wis|Wyo)\."
)
_CODE_START = (
    r"(?<![\w.\-/+])(?<!\d\s)(?<!(?i:text)\s)(?<!(?i:sms)\s)(?<!(?i:text):\s)(?<!(?i:sms):\s)"
    r"(?<!\b(?i:to)\s)"
)
# A city's name, no month's or weekday's (`50808 June 1`, `50808 Mon-Fri 9-5` text Ireland's
# line in June, on weekdays).
_WEEKDAY = (
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|lun|mer|jeu|ven|sam|dim|lundi|mardi|mercredi|jeudi"
    r"|vendredi|samedi|dimanche|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|luned[iì]|marted[iì]"
    r"|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica"
)
# Nor a line's name (`19696 Telefono Azzurro`, Italy's child line, review rv55a).
_LINE_NAME = r"(?i:tele?f|t[ée]l[ée]ph|phone|helpline|hotline|line\b|l[ií]nea\b|ligne\b|notruf)"
_CITY_AFTER = (
    rf"(?=\s+(?!{_MONTH}|(?i:{_WEEKDAY})(?![^\W\d_])|{_LINE_NAME})"
    r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,}(?![^\W\d_]))"
)
_POSTAL_CODE = (
    r"\b(?i:zip(?:\s*code)?|post\s*code|postal\s*code|code\s+postal|plz|c\.\s?p\.|cp)"
    r"\s*(?:[:.#]\s*)?\d{4,5}(?:-\d{4})?(?![\s.\-]*\d)"
    r"|(?<![^\W\d_])(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]"
    r"|O[HKR]|P[AR]|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]),?\s+\d{5}(?:-\d{4})?(?!\d|[.\-]\d)"
    rf"|(?<![^\W\d_])(?:{_US_STATE}),?\s+\d{{5}}(?:-\d{{4}})?(?!\d|[.\-]\d)"
    r"|(?<![^\W\d_])(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\s+\d{4}(?![\s.\-]*\d)"
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b|\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b"
    rf"|(?P<code_before_city>{_CODE_START}(?:\d{{5}}|[1-9]\d{{3}}\s?(?!S[ADS])[A-Z]{{2}}){_CITY_AFTER})"
)
# A menu's choice, pressed once a call is answered (`Press 2 for Spanish`, `Option 3`,
# `oprima 2`, `appuyez sur le 1`, `Taste 1`): tel:2 and tel:3 called no one.
_MENU_WORD = (
    r"\b(?i:press|push|option|opt\.|select|choose|oprima|presione|pulse|pulsa|opci[oó]n"
    r"|appuyez\s+sur|tapez|touche|taste|premi|premere|tasto)(?:\s*:)?\s+"
    r"(?i:(?:the|le|la|el|die|il)\s+)?"
)
# A menu's word before digits and more digits: a choice, or a number's first group
# (`Tapez 01 23 45 67 89`, "dial", was tel:23456789; `Press 1 800 737 732` tel:800737732)?
# No link (`_IN_DOUBT`). An area code in brackets after it is a number's (`Press 1 (888)
# 373-7888` dials (888) 373-7888).
_MENU_WORD_BEFORE_DIGITS = rf"{_MENU_WORD}\d{{1,2}}\s+\d"
_MENU_CHOICE = rf"{_MENU_WORD}\d{{1,2}}(?!\d|[.\-]\d)|\b\d{{1,2}}\s+(?i:drücken)\b"
# A time zone's offset (`9am-5pm (GMT+1)`): `(GMT+1) 030 1234567` was tel:+10301234567.
_TIME_ZONE = r"\b(?i:gmt|utc)\s*[+\-]\s*\d{1,2}(?:[:.]?[0-5]\d)?(?!\d)"
# A fax's word, its number's too (`Fax-Nr.`, `Faxnummer`, `Faxnr.` dialled the fax, review
# rv55a).
_FAX_WORD = r"(?i:(?:tele)?fax(?:-?(?:nummer|nr|no))?|t[ée]l[ée]copie)\b"
# A fax number, no line to call (`Fax 030 1234567, Tel. 030 1234568` dialled the fax,
# review); not one that is the phone's too (`Tel/Fax: ...`, `Tel. & Fax ...`, `Phone and
# fax: ...`).
_FAX = (
    r"(?<![/&])(?<![/&]\s)(?<!\b(?i:and|und)\s)(?<!\b(?i:et)\s)(?<!\b(?i:[ye])\s)"
    rf"\b{_FAX_WORD}\.?"
    r"\s*+(?:(?i:no\.?|nr\.?|number)\s*+)?:?\s*+\+?(?=[\d(])[\d\s().\-/]*\d"
)
# An age range (`Ages 5-25: 1800 55 1800` read 5-25 as a short number before the line's:
# no link, review).
# A phone's label joined to its fax's by any word or sign (`Tel. u. Fax`, `Tel.-Fax`, `Tel
# + Fax`, `Tel. en fax`, `Tél. ou fax`, `Tel., Fax:`): the number is the phone's too, read
# as written (`_not_a_number`); they were no link (review rv55a).
_PHONE_AND_FAX = (
    r"(?P<phone_and_fax>\b(?i:t[ée]l|t[ée]l[ée]phone|telefon|telefono|tel[ée]fono|telefoon|phone|ph)"
    r"\b\.?[\s,.+\-]*+(?:(?i:u|und|and|en|et|e|y|o|ou|of|or|oder|bzw)\b\.?[\s,.+\-]*+)?"
    rf"{_FAX_WORD})"
)
_AGE_RANGE = (
    r"\b(?i:ages?|aged|edad(?:es)?|âges?|alter|et[àa])\s*:?\s*\d{1,2}\s*(?:-|\s(?i:to|à|a|bis)\s)\s*\d{1,2}"
    r"(?!\d)"
)
# A range of years (`2024-2025 hotline: 1-888-373-7888` was tel:20242025, session 56), the
# first before the second: Denmark's numbers are eight digits (`2024-2007`), and after a
# country code they are its groups (`+45 2024-2025` was tel:+45, review rv56a); after
# another number's digits still a range (`555-0100 2024-2025`).
_YEAR_RANGE = (
    r"(?<![\d.\-/])(?<!\+\d\s)(?<!\+\d\d\s)(?<!\+\d\d\d\s)"
    rf"(?P<year_range>{_YEAR}\s*-\s*{_YEAR})(?!\d|[.\-/]\d)"
)
# A case's, a reference's, a ticket's or a book's number after its label (`Case
# 2024-0042: 402-555-0142` was tel:20240042, `Ref. 2024/0042: ...` tel:2024, session 56):
# letters and digits joined by dashes, slashes or dots; not `in case 911 ...`, nor after a
# colon (`Reference: 402-555-0142` may be the line's label), nor before a space and a
# digit: the label is the line's, its groups parted by spaces (`Ticket 0844 871 8803`,
# `Ref 116 123` were tel:8718803 and tel:123, review rv56a).
# One with letters before its digits is none of a number's groups after it either (`Case
# A123 0800 1111`, `Ref X7 030 1234567` were tel:12308001111 and tel:0301234567;ext=7),
# nor one of digits before a number that starts with its trunk 0 (`Case 123 0800 1111`
# was tel:12308001111: no trunk 0 follows a number's first group). A charity's or a
# company's registered number is no line (`Charity no. 1234567` was tel:1234567, session 57),
# but nine digits or more right after the word are its line's: no such number has them
# (`Charity 08081234567` was no link, review rv57b).
_IDENTIFIER_REST = r"[A-Za-z\d]*+(?:[\-/.][A-Za-z\d]++)*+"
_IDENTIFIER = (
    r"(?<!\b(?i:in)\s)\b(?:(?i:case|ref|reference|docket|ticket|isbn(?:-1[03])?)"
    r"|(?i:charity|company)(?!\s*+\d{9}))"
    r"\b\.?\s*+(?:(?i:no|nr|number|num)\b\.?\s*+)?#?\s*+"
    rf"(?:[A-Za-z]{{1,4}}-?\d{_IDENTIFIER_REST}|\d{_IDENTIFIER_REST}(?!\s*\d)"
    rf"|[1-9]{_IDENTIFIER_REST}(?=\s++0[1-9](?:[ .\-]?\d){{6}}))"
)
_NOT_A_NUMBER = LazyPattern(
    f"{_WEB_ADDRESS}|{_DATE}|{_POSTAL_CODE}|{_MENU_CHOICE}|{_TIME_ZONE}|{_AGE_RANGE}"
    f"|{_PHONE_AND_FAX}|{_FAX}|{_YEAR_RANGE}|{_IDENTIFIER}"
)


def _not_a_number(found: re.Match[str], texted_code: int | None = None) -> str:
    """`_NO_NUMBER` for what `_NOT_A_NUMBER` found, a phone's and fax's label as written,
    and a code before a word where it starts at `texted_code` (`_texted_code`)."""
    if (
        found["phone_and_fax"]
        or (found["code_before_city"] and found.start() == texted_code)
        or (found["year_range"] and not _is_ascending(found["year_range"]))
        or (found["year_range"] and _is_labelled_alone(found))
    ):
        return found[0]
    return _NO_NUMBER


# A phone's label right before a range of years with no digit after it in the field
# (`Tel 2024-2025`, `Tlf. 2024-2025`): the number, Denmark's eight digits in fours, not
# years (decided, session 57: it was no link); with another number after, a range still.
_PHONE_LABEL_BEFORE = LazyPattern(
    r"\b(?i:tel|tlf|phone|ph|telefon|telefono|tel[ée]fono|t[ée]l[ée]phone|telephone|mobile|mob)"
    r"\.?\s*:?\s*$"
)
_PHONE_LABEL_READ = 16  # `Telephone.: ` is a dozen characters


def _is_labelled_alone(found: re.Match[str]) -> bool:
    """Whether a phone's label stands right before `found` and no digit after it."""
    start = found.start()
    return (
        _PHONE_LABEL_BEFORE.search(found.string, max(0, start - _PHONE_LABEL_READ), start)
        is not None
        and _DIGIT_GROUPS.search(found.string, found.end()) is None
    )


def _is_ascending(years: str) -> bool:
    """Whether a range of two years (`2007-2024`) goes from the first to a later one."""
    first, second = _DIGIT_GROUPS.findall(years)
    return int(first) < int(second)


# A contact's `text` is printed after "text" (`text 85258 Shout`): a code of five digits
# that starts it before a word is the short code and its keyword or line's name, not a
# postal code before its city (`10115 Berlin`, as a `phone` reads it), where no other
# digit follows (`85258 Shout (24/7)` stays in doubt): it was no link (session 56).
def _texted_code(plain: str) -> int | None:
    """Where a text field's code before a word may start: its first character that is no
    space, if five digits start there and no digit follows them; None otherwise."""
    start = len(plain) - len(plain.lstrip())
    code_end = start + _TEXTED_CODE_DIGITS
    if not plain[start:code_end].isdigit() or any(char.isdigit() for char in plain[code_end:]):
        return None
    return start


_TEXTED_CODE_DIGITS = 5


# What parts two numbers written in one field (`1-888-373-7888 or 911`,
# `1-888-373-7888 / 233733`): a slash or a bar, "or", "and", a comma or a semicolon
# save before an extension (`1-888-373-7888, ext. 2`); a bracket holding a word or a
# slash, a note (`1-888-373-7888 (TTY: 711)`, `(24/7)`), not an area code (`(888)`) nor
# an extension (`(ext. 2)`); hours, which are no digits of a number (`1-888-373-7888
# 24/7` was tel:1888373788824, `555-0100 8am-5pm` tel:555010085: review).
# An hour is one or two digits, its minutes after `:`, `h` or `.` (`8:30`, `9h30`), that
# start no longer number (`9am-5pm`'s 5 does): with its unit (`24/7`, `24/7/365`, `24x7`,
# `24 hrs`, `5pm`, `17 Uhr`, `24 horas`, `24 uur`, `7j/7`), with its minutes, or a range of two
# (`9-5`, `08:00-17:00`) that goes on with no more digits (`9-8-8`, `01-23-45-67-89` do).
# `M-F 9-5 (402) 555-0142` was tel:954025550142, `8:30am-5pm, ...` tel:8 (review).
# A range's second hour after a dash after letters (`9am-5pm`), or a dot's (`9 a.m.–5
# p.m.` was tel:5).
_HOUR_START = r"(?:(?<![\d.:\-])|(?<=[^\W\d_]-)|(?<=[^\W\d_]\.-))"
_TIME = r"\d{1,2}(?:[:h.]\d{2})?"
# An hour of a range is 0 to 24, and none ends at a bare 0: `0221 / 33 44 55-0` (a
# switchboard, Germany's `-0`), `... 55-12` (an extension) and `0221 12 34 5-0` were
# tel:02213344 and tel:02211234, other lines (review).
_RANGE_TIME = r"(?:[01]?\d|2[0-4])(?:[:h.]\d{2})?"
# A range's hours are parted by a dash or a word (`9 to 5`, `9 bis 17`, `dalle 9 alle
# 18`: `Open 9 to 5 555-0100` was tel:55550100, `9 bis 17 030 1234567` tel:170301234567).
_RANGE_WORD = r"(?i:to|till|til|until|thru|through|à|a|al|bis|alle)"
_RANGE_TO = rf"(?:\s*-\s*|\s+{_RANGE_WORD}\s+)"
_HOUR_UNIT = r"(?i:hours?|hrs?|h|am|pm|a\.m\.|p\.m\.|uhr|uur|horas?|ore|j)"
# Hours of four digits, on the hour or a quarter past, to or half past (`0900-1700`):
# `Mon-Fri 0900-1700: 555-0100` was tel:09001700, `0900-1700 555-0100`
# tel:090017005550100 (UK's `0800-1111` is a number: 11 past is no opening time). With
# a unit or before a whole number only (seven digits, or an area code in brackets): the
# Netherlands' `0800-2000` is Veilig Thuis, and `0800-2000 24/7` was no link. After a
# number's last group of four digits too (`020 7946 0000 0900-1700` was
# tel:0207946000009001700, review), not a short number's (`Kamer 112, 0800-2000`).
_HHMM = r"(?:[01]\d|2[0-4])(?:00|15|30|45)"
_HOURS = (
    rf"{_HOUR_START}(?:{_RANGE_TIME}{_RANGE_TO}(?!0(?![\d:h.])|0\d\s+\d){_RANGE_TIME}"
    r"(?!\d|[:.]\d|[:.]?\s*[-.]\s*\d)"
    rf"|{_TIME}(?:(?:\s*[/x]\s*(?:7|24|365))+|\s*{_HOUR_UNIT})(?![^\W_])"
    rf"|\d{{1,2}}[:h]\d{{2}}(?!\d)"
    rf"|{_HHMM}\s*-\s*{_HHMM}(?!\d|[.\-]\d)"
    rf"(?=\s*(?i:h|hrs?|hours|uhr|uur)(?![^\W\d_])"
    r"|[\s:,;]*(?:\+?\d(?:[\s.\-]?\d){6}|\(\s*\d+\s*\)))"
    rf"|(?:(?<=\d{{4}}\s)|(?<=\d{{4}}[,;])|(?<=\d{{4}}[,;]\s)){_HHMM}\s*-\s*{_HHMM}(?!\d|[.\-]\d))"
)
# A range in words a space after a number's digits: its last group, or an hour (`0477 13
# 11 14 to 10pm`, `030 12 34 12 bis 18 Uhr` were tel:04771311, tel:0301234)? No link
# (`_IN_DOUBT`); a range with a dash reads as before (`555-0100 9-5`).
_WORD_RANGE_AFTER_DIGITS = rf"\d\s+{_RANGE_TIME}\s+{_RANGE_WORD}\s+{_RANGE_TIME}(?!\d)"
# Hours of four digits before a number of three to six digits: hours, or a number
# (`Veilig Thuis 0800-2000 112 bij spoed` was tel:112, `0900-1700 988` tel:09001700988)?
# No link (`_IN_DOUBT`); hours or a count after it are no number (`0800-2000 24/7`,
# `0800-2000, 24 uur per dag`).
_HHMM_BEFORE_SHORT_NUMBER = (
    rf"(?<![\d.:\-]){_HHMM}\s*-\s*{_HHMM}[\s:,;]+\+?\d{{3,6}}"
    r"(?![\d/:.x\-]|\s*\d|\s*(?i:h|hrs?|hours?|uhr|am|pm)(?![^\W\d_]))"
)
# A range with a dash whose first hour is two digits a space after a number's digits:
# its last group, or an hour (`0477 13 11 14 - 10pm` was tel:04771311, review)? No link;
# one of one digit is an hour (`555-0100 9-5`), no number's last group.
_DASH_RANGE_AFTER_DIGITS = (
    rf"\d\s+(?:[01]\d|2[0-4])\s*-\s*(?!0(?![\d:h.])){_RANGE_TIME}"
    r"(?!\d|[:.]\d|[:.]?\s*[-.]\s*\d)"
)
# Hours of four digits with no unit nor a whole number after them, and a number of three
# digits or more after their words: hours, or a number (`Office 0900-1700, after hours
# 911` was tel:09001700, review)? No link.
_HHMM_BEFORE_WORDS_AND_NUMBER = (
    rf"(?<![\d.:\-]){_HHMM}\s*-\s*{_HHMM}(?!\d|[.\-]\d)"
    r"(?![\s:,;]*(?:\+?\d(?:[\s.\-]?\d){6}|\(\s*\d+\s*\)))"
    r"(?!\s*(?i:h|hrs?|hours|uhr|uur)(?![^\W\d_]))\D*\d{3}"
)
# What leaves a field in doubt between a number's digits and words': no link.
# A lone digit a space before a North American number: a line's or a list's number, or a
# trunk (Russia's 8)? (`Line 2 402-555-0142` was tel:24025550142, session 57; `#2
# 402-555-0142`, `2. 402-555-0142`, `Line 2 1-888-373-7888` were tel:24025550142 and
# tel:218883737888, review rv57b.) No link; North America's 1 is its country code.
_LONE_DIGIT_BEFORE_NORTH_AMERICAN = (
    r"(?<!\S)(?<![\d+]\s)#?[2-9]\.?\s+"
    r"(?:1[\s.\-]*)?\(?[2-9]\d{2}\)?[\s.\-]*[2-9]\d{2}[\s.\-]*\d{4}(?!\d)"
)
_IN_DOUBT = LazyPattern(
    f"{_LONE_DIGIT_BEFORE_NORTH_AMERICAN}|{_DAY_AFTER_DIGITS}|{_MONTH_BEFORE_TRUNK_ZERO}|{_MONTH_DAY_1_BEFORE_NUMBER}"
    f"|{_MENU_WORD_BEFORE_DIGITS}"
    f"|{_WORD_RANGE_AFTER_DIGITS}|{_HHMM_BEFORE_SHORT_NUMBER}|{_DASH_RANGE_AFTER_DIGITS}"
    f"|{_HHMM_BEFORE_WORDS_AND_NUMBER}"
)
# A letter that looks like a digit, glued to digits and to no other letter: a typo or a
# scan's O for 0 and I or l for 1 (`1-8OO-843-5678`, `402-555-0l42`, `(402) 555-O142`)
# was dialled as its key or cut the number (tel:8435678, tel:4025550, tel:4025556142: a
# stranger's line). A number in words keeps its letters (`1-800-4OURKIDS`, `555-HOLD`).
_LOOKALIKE_LETTER = LazyPattern(r"(?<![^\W\d_])[OoIl]+(?=\d)|(?<=\d)[OoIl]+(?![^\W\d_])")


def _as_digits(letters: re.Match[str]) -> str:
    """The digits that `_LOOKALIKE_LETTER`'s letters look like: O as 0, I and l as 1."""
    return letters[0].translate(_LOOKALIKE_DIGITS)


_LOOKALIKE_DIGITS = str.maketrans("OoIl", "0011")
# Arabic's two sets of digits (U+0660, U+06F0), which Persian and Urdu writers mix: their
# shapes differ, their values are read as written.
_ARABIC_DIGITS = (0x0660, 0x06F0)


# A run of digits that may be one number's: digits, and spaces, dots, dashes and brackets
# between them (each turn takes a digit: linear).
_DIGIT_RUN = LazyPattern(r"\d(?:[\s.()\-\u2010-\u2015]*\d)*")


def _digit_set_change(field: str) -> int | None:
    """Where `field` first turns, inside a run of digits, to digits of another script, so
    that one may look like another digit than it is: Bengali's ৪ is 4 and looks like 8,
    and `1-888-373-7৪৪৪` read as the hotline dialled 1-888-373-7444 (security review);
    None where no run does. Full-width and mathematical digits (`７`, `𝟕`) look like the
    ASCII digits they are, and count as those; runs apart may differ (`٢٤/٧:
    1-888-373-7888`, open 24/7), and so may a country code after its `+` (`+880
    ১৭১১-১২৩৪৫৬`, as Bangladesh writes its numbers)."""
    if field.isascii():
        return None
    for run in _DIGIT_RUN.finditer(field):
        start = run.start()
        if field[start - 1 : start] in ("+", "\uff0b"):
            code = _ASCII_COUNTRY_CODE.match(run[0])
            start += code.end() if code else 0
        first = None
        for index in range(start, run.end()):
            if field[index].isdecimal():
                digit_set = _digit_set(field[index])
                if first is None:
                    first = digit_set
                elif digit_set != first:
                    return index
    return None


# A country code written in ASCII digits, a space or a mark after it.
_ASCII_COUNTRY_CODE = LazyPattern(r"[0-9]{1,3}(?=[^0-9])")


def _digit_set(digit: str) -> int:
    """The first code point (its zero) of the set of digits `digit` is one of."""
    zero = ord(digit) - unicodedata.decimal(digit)
    if unicodedata.normalize("NFKC", digit).isascii():
        return ord("0")
    return _ARABIC_DIGITS[0] if zero in _ARABIC_DIGITS else zero


# A bracket closed after one or two digits that no bracket opens before (a list's `1)
# 555-0100 2) 555-0199`, a note's `(ages 5 to 25) 1800 55 1800` were tel:1555010025550199
# and tel:251800551800, review): a number's own brackets open before its digits (`(02)`,
# `+44 (0)20`, `(+44) 20`).
# A list's marker a space after a number (`555-0100 2) 555-0199`) is none of its digits.
_CLOSE_WITH_NO_OPEN = (
    r"(?<=\d\s)\d{1,2}\)(?=\s)"
    r"|(?<=\d)(?<!\d\d\d)(?<!\(\d)(?<!\(\d\d)(?<!\(\s\d)(?<!\(\s\d\d)(?<!\+\d)(?<!\+\d\d)\)"
)
# A year, or one or two digits, alone in brackets with no digit after (`1-888-373-7888
# (2024)`, `0800 1111 (1)` were tel:188837378882024 and tel:080011111, session 56): a note,
# none of the number's digits; `555 (0100)`, `1-800-799-SAFE (7233)` are its own. Whole,
# it parts the numbers: no second number after a short one (`Lifeline 13 11 14 (2024)`
# was no link, review rv56a).
_NOTE_IN_BRACKETS = r"\(\s*(?:(?:19|20)\d{2}|\d{1,2})\s*\)(?![\s.\-]*\d)"
# One of one or two digits or a year before a number that starts with its trunk 0 is a
# menu's choice or a note too, no area code (`(1) 0800 1111`, `Hotline (2024) 0800 1111`
# were tel:108001111 and tel:202408001111, review rv56a): whole, it parts the numbers.
# Before a North American number too (`(2) 402-555-0142` was tel:24025550142, session 57):
# no area code comes before one; nor before one with its 1 (`(2) 1-888-373-7888` was
# tel:218883737888, review rv57b).
_NOTE_BEFORE_TRUNK_ZERO = (
    r"\(\s*(?:(?:19|20)\d{2}|[1-9]\d?)\s*\)"
    r"(?=\s*0\d|\s*(?:1[\s.\-]*)?\(?[2-9]\d{2}\)?[\s.\-]*[2-9]\d{2}[\s.\-]*\d{4}(?!\d))"
)
# A field's first group of digits, no trunk 0 first, a space before a number that starts with
# its trunk 0 and seven digits more: a year's, a room's or a step's (`Updated 2024 0800
# 1111`, `Room 12 0800 1111`, `Level 2 (02) 9876 5432` were tel:202408001111, tel:1208001111,
# tel:20298765432, session 57; `Room 12 (0800) 1111`, `Unit 4 (0161) 234 5678` were
# tel:1208001111, tel:401612345678, review rv57b), none of the number's: no group of a
# number comes before its trunk 0. Not after a `+` or another group (`+44 020 ...`,
# `020 7946 0958`), nor India's and Australia's 1800 and 1300 (`1800 0123 4567`).
_GROUP_BEFORE_TRUNK_ZERO = (
    r"(?<![\d+(.\-])(?<![\d+][\s.\-])(?!1[38]00\b)[1-9]\d{0,3}"
    r"(?= \(?0[1-9](?:\)?[ .\-]?\d){6})"
)
_BETWEEN_NUMBERS = LazyPattern(
    rf"{_GROUP_BEFORE_TRUNK_ZERO}|\((?!\s*{_EXTENSION_WORD}\s*:?\s*\d+\s*\))(?=[^()]*(?:[^\W\d_]|/))"
    rf"|{_NOTE_BEFORE_TRUNK_ZERO}|{_NOTE_IN_BRACKETS}|[/|]"
    rf"|\b(?i:or|and)\b|[,;](?!\s*{_EXTENSION_WORD}\s*:?\s*\d)|{_HOURS}|{_NO_NUMBER}"
    rf"|{_CLOSE_WITH_NO_OPEN}"
)
# An area code and its number parted by a slash, as Germany and Italy write them
# (`030/1234567`, `0221 / 123456`): one number, not two (it was tel:030). An area code
# starts with its trunk 0, or follows the country code (`+49 (0) 221 / 12345-0`), and starts
# the number; five digits at least follow (`016/112`
# are Spain's two lines). After one of four or five characters (`0800`, `0221`) they
# may be in groups (`0800 / 111 0 111` was tel:0800), as after a country code (`+49 (0) 30
# / 123 456 7` was tel:+49030); after a shorter one, joined: `016 / 900 10 50 90` are
# Spain's two lines too. A North American area code before its number in dashes or dots
# (`402/555-0142` was tel:402, session 56); not an N11 code, 988, nor one with a 9 in its
# middle, kept for NANP's expansion (`988/555-0142`, `999/...`, `997/...`, Poland's police:
# either line; `997/555-0142` was tel:9975550142, session 57).
_AREA_CODE_SLASH = LazyPattern(
    r"(?<![\d\-+/(])(?<!\d[\s.])"
    r"((?:\(?0(?:\d|\d{3,4})\)?|\+\d{1,3}\s*(?:\(0\)\s*)?\d{1,5})(?=\s*/\s*\d(?:[ .\-]?\d){4})"
    r"|\(?0\d{1,4}\)?(?=\s*/\s*\d{5})"
    r"|[2-9](?!11|9)\d{2}(?<!988)(?=\s*/\s*[2-9]\d{2}[.\-]\d{4}(?!\d|[.\-]\d)))\s*/\s*"
)
# A trunk 0 written after the country code (`+44 08000 121 700`, a common slip, `+63 (02)
# 8723-0401`, `+39 (0)6 ...`), dialled from abroad without its 0, save where the country
# keeps it (Italy): +630287230401 and +3961234567 called nobody (review).
_TRUNK_ZERO_AFTER_COUNTRY_CODE = LazyPattern(r"\+\s*\d{1,3}(?:[\s.\-]+|[\s.\-]*\(\s*)0")


def _is_north_american_with_country_code(written: str) -> bool:
    """Whether `written` is a North American number with its leading 1, in its groups of
    1, 3, 3 and 4 digits (`1-888-373-7888`, `1 (888) 373-7888`): the area code and the
    exchange start with 2-9. Not 11 digits in other groups (China's `138 0013 8000`)."""
    groups = _DIGIT_GROUPS.findall(written)
    return (
        [len(group) for group in groups] == [1, 3, 3, 4]
        and groups[0] == "1"
        and groups[1][0] in _NORTH_AMERICAN_FIRST_DIGITS
        and groups[2][0] in _NORTH_AMERICAN_FIRST_DIGITS
    )


# A number of fewer digits before a longer one is a label's (`Line 2:`, `#1 hotline:`,
# `3rd precinct`), not the line's: it was tel:2 (review). Alone, it is France's `17`.
_SHORTEST_NUMBER = 3
# No line is dialled with one digit (`Line 2`, `Front desk: dial 0`, `Dial 9 for an
# outside line` were tel:2, tel:0, tel:9); France's `17` is two.
_FEWEST_DIGITS = 2
# A number of seven digits or more is a whole one (`555-0100`, `0800 0121 700`); one of
# three to six digits before it in a field (`Since 2010, call 1-888-373-7888`, `Suite 200,
# 402-555-0142` were tel:2010 and tel:200) may be a short code (`Childline 1098, ...`,
# `3919`) or words' (a year, a suite, a room): see `_is_in_doubt`.
_WHOLE_NUMBER = 7
# A number that is words' by what stands by it: after a word of an address (`Room 101`,
# `Suite 112`, `PO Box 1234`, `Zimmer 110`, `Bureau 112`, `Piso 100`) or a currency sign
# or its code (`$100`, `$1.50/min`, `Rs. 100`). Room 101 and Suite 112 are emergency
# numbers somewhere (India's police; 112 everywhere a mobile dials it), and were dialled
# as such (review).
_ADDRESS_WORD = (
    r"\b(?i:suite|ste|room|rm|unit|apt|apartment|flat|floor|fl|level|lvl|box|building"
    r"|bldg|block|zimmer|raum|etage|stock|postfach|salle|bureau|bât|bat|étage|porte|piso"
    r"|oficina|despacho|planta|sala|apartado|apdo|bp|stanza|piano|ufficio)s?"
)
# A word that makes a number a road's, a week's, a chapter's or a fiscal year's, or a
# section's (`Highway 101`, `Week 12`, `Chapter 11`, `Art. 112`, `§ 112`, `FY 2024`,
# `Version 2.0`) and a letter joined to its digits (`FY2024`, `Q4 2024`) or one or two
# and a dash (`Form I-914`, `FY-2024`): tel:101, tel:12, tel:2024 called the UK's police,
# no one, or no one (review); a word and a dash are a line's name (`SOS-112`, `TTY-711`).
_REFERENCE_WORD = (
    r"\b(?i:highway|hwy|route|rte|interstate|exit|autobahn|carretera|autopista|ruta"
    r"|strada|week|wk|woche|semaine|semana|settimana|chapter|ch|chapitre|kapitel"
    r"|cap[ií]tulo|capitolo|page|pg|pp|seite|p[aá]gina|section|sec|sect|article|art"
    r"|artikel|art[ií]culo|articolo|paragraph|para|absatz|form|grade|year|session|module"
    r"|lesson|version|ver|fy|gate|bus|pier|platform|channel|model|iso|usc|u\.s\.c|cfr)s?"
)
_WORDS_BEFORE = LazyPattern(
    rf"(?:{_ADDRESS_WORD}\.?\s*(?:#|no\.?)?\s*|{_REFERENCE_WORD}\.?\s*|§\s*|[^\W\d_]"
    r"|(?<![^\W\d_])[^\W\d_]{1,2}-"
    r"|(?:[$£€¥₹₱]|\b(?i:rs|inr|usd|mxn|eur|php)\b\.?)\s*)$"
)
# How far back that word is looked for: `Apartment # ` is a dozen characters.
_WORDS_BEFORE_READ = 16
# A note that names a building or a room between a short number and the next (`200
# (Bldg E) or 555-0100` was tel:200): the short number is the room's.
_ADDRESS_NOTE = LazyPattern(rf"{_ADDRESS_WORD}\b")
# A short number that counts, alone in its field or not: a word of comparison or count
# before it (`Over 100, or call 555-0100`, `Up to 100 ...`, `Plus de 100 ...`) or a
# count's noun after it (`Open 365 days`, `Serving 400 families`): they were tel:100 and
# tel:365, and `Open 365 DAYS` tel:3653297, its word read as keys (review).
_COUNT_BEFORE = LazyPattern(
    r"\b(?i:over|under|above|below|about|around|approx\.|approximately|nearly|almost|than"
    r"|least|ages?|aged|since|until|up\s+to|serving|est\.|estd\.?|established|founded"
    r"|founded\s+in|fondée?\s+en|depuis|desde|fundad[ao]\s+en|gegründet|fondat[ao]\s+nel"
    r"|plus\s+de|moins\s+de|más\s+de"
    r"|menos\s+de|über|mehr\s+als|seit|oltre|più\s+di)\s*$"
)
# A number's thousands after a digit and a comma (`1,000`): the comma parts two numbers.
_THOUSANDS_BEFORE = LazyPattern(r"\d,$")
_COUNT_BEFORE_READ = 16  # `approximately ` is fourteen characters
# A count or age with a `+` after it (`16+ only`, `100+ volunteers`) too: it was tel:16.
_COUNT_AFTER = LazyPattern(
    rf"\d(?:[ .\-]?\d)*+\s+{_COUNT_NOUNS}|\d++(?:[,.]\d{{3}})*+\s+{_LABEL_NOUNS}"
    r"|\d{1,3}\+(?!\d)"
)


class _Number(NamedTuple):
    """A number a field writes: the part of the field that holds it (what
    `_BETWEEN_NUMBERS` parts), its `+` (or `""`), its digits as written, where it ends in
    the part, where it starts and ends in the field, and whether it is whole: `1-800`
    (`1-800 24 HRS`) and `1-866-DHS-2-AM` (1 866 347 226) have too few digits after North
    America's 1 for a phone to reach anyone (they were tel:1800, tel:1866)."""

    part: str
    plus: str
    digits: str
    end: int
    start_in_field: int
    end_in_field: int
    whole: bool


def dialable(text: object, scheme: str = "tel") -> bool:
    """Whether a contact's `phone` or `text` (`scheme` `sms`) has a number to link
    (`233733`, not "use the live chat", nor an extension alone, `front desk, ext. 0`:
    `tel:;ext=0` calls nobody)."""
    number, _ = _number_and_extension(str(text), scheme == "sms")
    return bool(number)


# A site links one contact's number on its page, in its handouts and wherever its prose
# names it: each field is read once (`dialable`, then `phone_href`, read it twice).
@functools.lru_cache(maxsize=4096)
def _number_and_extension(field: str, texted: bool = False) -> tuple[str, str]:
    """The first number `field` writes, in ASCII digits, its letters as their keys'
    digits, without its extension or what follows it, and the extension's digits (`""`
    for none): `phone_href` dials the one, `dialable` asks whether there is one.
    `("", ...)` where the field writes no number, or leaves in doubt which it is.

    In order: the field as ASCII (`_plain`), none where digits may be a number's or words'
    (`_IN_DOUBT`: a day and month after digits, hours in words after them, ...) or
    where a digit may not be the one it looks like (`_LOOKALIKE_LETTER`, where read
    as its digit it changes what is read; `_digit_set_change`, where the digits from
    there on are the number's), its web
    addresses, dates, postal codes and menu choices marked as no number
    (`_NOT_A_NUMBER`), an area code's slash a space; an extension written
    before the number; the field parted between its numbers
    (`_BETWEEN_NUMBERS`: "or", commas, notes, hours, those marks); each number read, its
    letters as their keys' digits (`_read_number`); the first of three digits or more,
    a shorter one where no longer one follows (`_SHORTEST_NUMBER`); none where it has one
    digit (`_FEWEST_DIGITS`), is no whole number (`_Number.whole`) or a short one in
    doubt before a whole one (`_is_in_doubt`); its extension after it. A `texted` field,
    a contact's `text`, reads a code of five digits that starts it before a word as a
    short code (`_texted_code`), and has none after Relay UK's prefix (`_RELAY_PREFIX`)."""
    plain = _plain(field)
    if _IN_DOUBT.search(plain):
        return "", ""
    read = _read_number_and_extension(plain, texted)
    if _LOOKALIKE_LETTER.search(plain) and read != _read_number_and_extension(
        _LOOKALIKE_LETTER.sub(_as_digits, plain), texted
    ):
        # In doubt only where the letter, read as its digit, changes what is dialled: a
        # note's `O2` (the network) after `116 123` kept its link (review rv64e).
        return "", ""
    change = _digit_set_change(field)
    if change is not None:
        # Digits of another script before or after a whole number are a note's, not
        # dialled (`1-888-373-7888 (٢٤/٧)`, `(٢٤/٧) 1-888-373-7888`, open 24/7, lost their
        # link): what is read must be what is read up to the turn, where no run turns
        # again, or from it, where none turns again either (two reads more, not one a turn).
        if read == _number_and_extension(field[:change], texted):
            return read
        if _digit_set_change(field[change:]) is None and read == _number_and_extension(
            field[change:], texted
        ):
            return read
        return "", ""
    return read


def _read_number_and_extension(plain: str, texted: bool) -> tuple[str, str]:
    """`_number_and_extension` of a field whose digits may be what they look like, as
    ASCII (`_plain`)."""
    not_a_number = (
        functools.partial(_not_a_number, texted_code=_texted_code(plain))
        if texted
        else _not_a_number
    )
    written = _AREA_CODE_SLASH.sub(r"\1 ", _NOT_A_NUMBER.sub(not_a_number, plain))
    if _LIST_START.match(written):
        written = _without_list_markers(written)
    extension = ""
    first = _DIGIT_OR_EXTENSION.search(written)
    if first is not None and first["digits"] is not None:
        before = _EXTENSION_BEFORE.match(written, first.start())
        if before is None:
            return "", first["digits"]  # an extension alone, or of no number after it
        if (
            len(before["digits"]) > 1
            and before["digits"].startswith("0")
            and written[first.end() : before.end()].isspace()
            and written[before.end()].isdigit()
        ):
            # Its digits, or a trunk 0 and the number's first group? `Ext: 02 9265 9999`,
            # `Poste : 01 23 45 67 89` were tel:92659999;ext=02, tel:23456789;ext=01 (review).
            return "", ""
        extension, written = before["digits"], written[before.end() :]
    numbers = _numbers(written)
    chosen = next(numbers, None)
    if chosen is not None and _digit_count(chosen.digits) < _SHORTEST_NUMBER:
        longer = (number for number in numbers if _digit_count(number.digits) >= _SHORTEST_NUMBER)
        chosen = next(longer, chosen)
    if (
        chosen is None
        or _digit_count(chosen.digits) < _FEWEST_DIGITS
        or not chosen.whole
        or _is_count(written, chosen)
        or _is_in_doubt(written, chosen, numbers)
        or _is_too_long(chosen.digits)
        or (texted and _RELAY_PREFIX.match(chosen.digits))
    ):
        return "", extension
    if not extension and (after := _EXTENSION_AFTER.match(chosen.part, chosen.end)):
        extension = after["digits"]
    return chosen.plus + chosen.digits, extension


# Relay UK's prefix as a group of its own before a number (`18001 01632 960 456`): a
# textphone's or the Relay UK app's call, which no text reaches (a UK coalition's
# `text: "Textphone: 18001 ..."` was sms:18001..., a message to no one). Australia's
# `1800 123 456` and `1800123456` have no such group.
_RELAY_PREFIX = LazyPattern(r"1800[0-2][^\d]")


# A numbered list's markers (`1. 555-0100 2. 555-0199` was tel:1555010025550199, `1.
# Hotline: 555-0100 2. Police: 555-0199` tel:55501002): in a field that starts `1.` or
# `1)`, each marker of the list's next number, a word of its own, parts the numbers around
# it; a group of a number's digits before a dot (`1. Lifeline 13 11 14. 2. ...`'s `14.`)
# is no next marker.
_LIST_START = LazyPattern(r"\s*1[.)]\s")
# `1. (402) 555-0142`, `1. 402-555-0142`: North America's 1, or the list's? Either dials
# the same line; the 1 stays the country code, as before.
_NORTH_AMERICAN_AFTER_ONE = LazyPattern(r"\s*\(?[2-9]\d{2}\)?[\s.\-]*[2-9]\d{2}[\s.\-]*\d{4}(?!\d)")
_LIST_MARKER = LazyPattern(r"(?<!\S)(\d{1,2})[.)](?=\s)")


def _without_list_markers(written: str) -> str:
    """`written` with its list's markers, `1.`, `2.`, ... in order, as `_NO_NUMBER`."""
    parts, start, following = [], 0, 1
    for marker in _LIST_MARKER.finditer(written):
        if int(marker[1]) == following:
            if following == 1 and _NORTH_AMERICAN_AFTER_ONE.match(written, marker.end()):
                following += 1
                continue
            parts += (written[start : marker.start()], _NO_NUMBER)
            start, following = marker.end(), following + 1
    return "".join(parts) + written[start:]


# E.164 numbers have 15 digits at most; a longer run (`1234 5678 9012 3456`, a card's or
# an account's, `+44 20 7946 0000 1234 5678`) is no line: it was dialled whole. Before
# them, a prefix dialled first: UK's relay (`18001 0161 496 0000`, Relay UK) and an
# international prefix (`0011 61 2 9876 5432`).
_E164_DIGITS = 15
_DIALLED_PREFIX = LazyPattern(r"(?:1800[12])?(?:0011|011|00)?")
# A trunk 0 in brackets, not dialled (`+49 (0)30 12345678-123` has E.164's 15 digits and
# was no link, review rv55a).
_BRACKETED_TRUNK_ZERO = LazyPattern(r"\(\s*0\s*\)")


def _is_too_long(digits: str) -> bool:
    plain = _digits(_BRACKETED_TRUNK_ZERO.sub("", digits))
    return len(plain) - _DIALLED_PREFIX.match(plain).end() > _E164_DIGITS


def _is_count(written: str, chosen: _Number) -> bool:
    """Whether `chosen`, a number of fewer than seven digits as written, counts or is
    words' (`_COUNT_BEFORE`, `_COUNT_AFTER`, `_WORDS_BEFORE`): `Over 100`, `Open 365
    days`, `Open 365 DAYS` (its word is no keys of it), `7 days a week`, `Floor 3`,
    `$100`."""
    start = chosen.start_in_field
    after = _COUNT_AFTER.match(written, start)
    if after is not None:
        return _digit_count(after[0]) < _WHOLE_NUMBER
    if _digit_count(chosen.digits) >= _WHOLE_NUMBER:
        return False
    if _THOUSANDS_BEFORE.search(written, max(0, start - 2), start):
        return True  # `$1,000`, `Over 1,000 served`: tel:000, Australia's 000 (review)
    low = max(0, start - _COUNT_BEFORE_READ)
    if _WORDS_BEFORE.search(written, low, start):
        return True  # `Floor 3`, `$100`, `Room 101`: tel:3, tel:100, tel:101 (review)
    return _digit_count(chosen.digits) >= _SHORTEST_NUMBER and bool(
        _COUNT_BEFORE.search(written, low, start)
    )


def _is_in_doubt(written: str, chosen: _Number, later: Iterator[_Number]) -> bool:
    """Whether `chosen`, a number of three to six digits, is in doubt: another number of
    three digits or more follows it in the field. Such a short number is dialled only
    where it is the field's first digits, nothing but words, punctuation and hours stand
    between it and the next number, and a word or sign of an alternative (`or`, `/`) comes
    right before that number (`1098 or 011 2345 6789`, `988 / 1-800-273-8255`, `Text
    233733 (24/7) or call 1-888-...`); in any other field it may be the line (`Childline
    1098, office 011 2345 6789`) or words' (`Since 2010, call 1-888-...`, `Suite 112,
    402-555-0142`, `Ages 100 or older: 555-0100`, `Open 365 days: 988`), and a wrong
    guess sends a night manager to another line: the field is no link, printed as
    written for the reader to dial (review: each exception tried before, an emergency
    number in any country or an alternative anywhere between, dialled a room, a count or
    a year). A number that counts is no number after it (`116 123 (24 hours, 365 days a
    year)`, Samaritans, was no link)."""
    if not _SHORTEST_NUMBER <= _digit_count(chosen.digits) < _WHOLE_NUMBER:
        return False
    following = next(
        (
            number
            for number in later
            if _digit_count(number.digits) >= _SHORTEST_NUMBER and not _is_count(written, number)
        ),
        None,
    )
    if following is None:
        return False
    start = chosen.start_in_field
    if _DIGIT_GROUPS.search(written, 0, start) or _WORDS_BEFORE.search(
        written, max(0, start - _WORDS_BEFORE_READ), start
    ):
        return True
    if _digits(following.digits).startswith(_digits(chosen.digits)) and any(
        char.isalpha() for char in written[start : chosen.end_in_field]
    ):
        # its digits after its words (`13YARN (13 92 76)`), the keys of letters past the
        # network's sixth too (`13 HEALTH (13 43 25 84)`, review rv55a): one number
        return False
    between = _HOURS_ANYWHERE.sub(
        _HOURS_MARK, written[chosen.end_in_field : following.start_in_field]
    )
    if (
        _DIGIT_GROUPS.search(between)
        or not _ALTERNATIVE.fullmatch(between)
        or _ADDRESS_NOTE.search(between)
    ):
        return True
    # An area code and its number parted by a slash (`030 / 123 45 67`, Berlin, was
    # tel:030): a short number of a trunk 0 and two digits before a slash is Spain's line
    # (`016 / 900 10 50 90`) only where Spain's number of nine digits follows.
    national = "".join(_DIGIT_GROUPS.findall(following.digits))
    return (
        len(national) >= _LOCAL_NUMBER_DIGITS
        and _AREA_CODE_BEFORE_SLASH.fullmatch(chosen.digits) is not None
        and "/" in between
        and not (len(national) == _SPANISH_DIGITS and national[0] in "6789")
    )


# Hours between a short number and the next (`Text 233733 (24/7) or call ...`, `13 11 14
# 24/7, or ...`): no digits of a number.
_HOURS_ANYWHERE = LazyPattern(_HOURS)
# One hours note at most stands before the alternative, as a bracket does (`200 9-5 9-5 ...
# or 555-0100` is no field of a line).
_HOURS_MARK = "~"
# What stands between a short number and the next where each is a way to reach the
# line: a note in brackets, a comma, then "or" or a slash, and a verb of calling or an
# article at most (`1098 or 011 ...`, `988 / 1-800-...`, `233733 (24/7) or call ...`,
# `3919 ou le 119`, `Llama al 016 o escribe al 600 ...`), in English, French, Spanish,
# German and Italian. Words on either side of it (`Ages 100 or older: 555-0100`, `Serving
# 400 families / 555-0100`) say the short number is words' (tel:100, tel:400, review).
_ALTERNATIVE = LazyPattern(
    r"[\s,;]*+(?:(?:\([^()]*+\)|~)[\s,;]*+)?\(?\s*+(?:[/|]|(?i:or|ou|o|u|oder|and|et|y|und)\b)"
    r"(?:\s*(?i:call|text|dial|ring|phone|appelez|appeler|composez|llame|llama|llamar"
    r"|marque|escribe|anrufen|chiama|whatsapp)\b)?(?:\s*(?i:us|le|la|al|el|at|on|the|to)\b){0,2}[\s:(+]*"
)
_AREA_CODE_BEFORE_SLASH = LazyPattern(r"0[1-9]\d")
_SPANISH_DIGITS = 9
# A German local number after its area code has five digits at least (`089 / 12 34 56`);
# Spain's short codes are three (`091 / 062`).
_LOCAL_NUMBER_DIGITS = 5


def _numbers(written: str) -> Iterator[_Number]:
    """Each number `written` writes, in order."""
    start = 0
    for between in (*_BETWEEN_NUMBERS.finditer(written), None):
        stop = len(written) if between is None else between.start()
        part, end = written[start:stop], 0
        while number := _NUMBER.search(part, end):
            plus, digits, end = _read_number(part, number)
            whole = _is_whole(digits)
            yield _Number(part, plus, digits, end, start + number.start(), start + end, whole)
        if between is not None:
            start = between.end()


def _digits(written: str) -> str:
    return "".join(char for char in written if char.isdigit())


def _digit_count(written: str) -> int:
    return sum(char.isdigit() for char in written)


def _is_whole(digits: str) -> bool:
    """Whether a number's `digits` (as written, or as its keys dial it) are no North
    American number cut short: after North America's 1 as a group of its own and an
    area code (`1-800`, `1 (888) 373`), ten digits."""
    groups = _DIGIT_GROUPS.findall(digits)
    count = sum(map(len, groups))
    return not (
        len(groups) > 1
        and groups[0] == "1"
        and len(groups[1]) == 3
        and groups[1][0] in _NORTH_AMERICAN_FIRST_DIGITS
        and count < 1 + _WORDS_NUMBER_DIGITS
        and not (count == _WORDS_NUMBER_DIGITS and groups[1] in _TEN_DIGIT_1800)
    )


# 1800 and 1300, Australia's, Ireland's and India's numbers of ten digits, written with
# a space after the 1 (`1 800 737 732`, `1 300 651 251`, `1 800 250 250`): whole, no
# North American number cut short (they were no link, review).
_TEN_DIGIT_1800 = frozenset({"800", "300"})


def _read_number(part: str, number: re.Match[str]) -> tuple[str, str, int]:
    """The `+` (or `""`), the digits and the end of the number `number` finds in `part`,
    its letters (`1-800-FLOWERS`) as their keys' digits."""
    plus = "+" if _is_after_plus(part, number.start()) else ""
    digits, end = number[0].rstrip(" (.-"), number.end()
    keys = _KEYS.match(part, end, end + _KEYS_READ)
    apart = number[0][len(digits) :].startswith(" ")
    if keys is not None and (spelled := _spelled_number(plus + digits, keys[0], apart)):
        return "", spelled, keys.end()
    return plus, digits, end


def _is_after_plus(part: str, start: int) -> bool:
    """Whether a `+` stands before `start` in `part`, spaces and brackets between: read
    back from `start`, as cutting `part` there for each number of a field made `16 + 16 +
    ...` quadratic (2.3 s at 50,000 characters, session start too)."""
    index = start
    while index > 0 and part[index - 1] in " (":
        index -= 1
    # A count's `+` (`Ages 16+ 0800 1111` was tel:+08001111) is no country code's.
    return index > 0 and part[index - 1] == "+" and not part[index - 2 : index - 1].isdigit()


def _spelled_number(written: str, letters: str, apart: bool) -> str:
    """A number written in words (`1-800-FLOWERS`: `written` its digits, `letters` what
    follows, `apart` whether a space parts them) as a phone dials it, its letters as the
    digits of their keys, to ten digits after a North American 1 (`+18003569377`), or
    a local number's seven (`555-HELP`); `""` where the letters are no digits of it:
    after a whole number (`1-888-373-7888 TTY`), a short code (`233733BEFREE`), a short
    number (`911 TTY`), another country code than 1, or a space after a number that is
    no toll-free one (`911 EMERGENCY`, `555-0142 TTY`)."""
    groups = _DIGIT_GROUPS.findall(written)
    country = groups[0] == "1" and len(groups) > 1
    if written.startswith("+") and not country:
        return ""
    if country and groups[1] == _AUSTRALIAN_1300:
        return ""  # `1-300-RESPECT`: Australia's 1300 with a dash, no US area code
    if apart and not (
        _TOLL_FREE_WORDS.fullmatch(written) or _is_spaced_local_word(groups, letters)
    ):
        return ""
    if apart and _ONE_SPACE_TOLL_FREE.fullmatch(written):
        return ""  # `1 800 RESPECT`: the US's 1-800-..., or Australia's 1800 ...?
    if any(len(group) > _WORDS_NUMBER_GROUP for group in groups):
        return ""
    if groups == [_AUSTRALIAN_13]:
        return _australian_13_number(letters)
    national = "".join(groups[1:] if country else groups)
    if len(national) >= _WORDS_NUMBER_DIGITS:
        return ""
    national += _digits(letters.translate(_KEYPAD))
    if len(national) < _WORDS_NUMBER_DIGITS:
        local = len(national) >= _WORDS_LOCAL_DIGITS and _is_local_exchange(groups, country)
        return national[:_WORDS_LOCAL_DIGITS] if local else ""
    if not apart and _NORTH_AMERICAN_TOLL_FREE.fullmatch(written):
        return national[: 1 + _WORDS_NUMBER_DIGITS]  # `1800FLOWERS`: 1-800-356-9377
    national = national[:_WORDS_NUMBER_DIGITS]
    return f"+1{national}" if country else national


# North America's 1 a space before a toll-free code, then letters a space apart (`1 800
# RESPECT`, `1 800 THE LOST`): the US writes 1-800-THE-LOST and Australia 1800 RESPECT,
# and either country's keys dial another line in the other (it was tel:+18007377328, the
# US, for Australia's 1800 737 732: review). No link; with a dash, brackets or a `+`
# (`1-800 RESPECT`, `1 (800) ...`, `+1 800 ...`) the number is North America's.
# Australia's are 1800 and 1300: `1 866 APPELLE` (Quebec) is North America's (it was no
# link, review).
_ONE_SPACE_TOLL_FREE = LazyPattern(r"1 +800")

# 300 is no North American area code: `1-300-RESPECT` is Australia's 1300 written as a
# US number in words would be, and was tel:+13007377328 (review).
_AUSTRALIAN_1300 = "300"


# Australia's 13 numbers of six digits, written 13 and four letters or more, joined or a
# space apart (`13YARN`, `13 SICK`, `13HEALTH`): the keys of the first four, as the
# network ignores the keys past the number's sixth. `13YARN` was tel:13 (review).
_AUSTRALIAN_13 = "13"
_AUSTRALIAN_13_LETTERS = LazyPattern(r"[A-Z]{4}")


def _australian_13_number(letters: str) -> str:
    """13 and the keys of the first four of `letters`, or `""` for fewer letters."""
    first = _AUSTRALIAN_13_LETTERS.match(letters)
    return _AUSTRALIAN_13 + first[0].translate(_KEYPAD) if first else ""


def _is_spaced_local_word(groups: list[str], letters: str) -> bool:
    """Whether a local number in words is written a space apart (`555 HELP`): one word of
    four letters after an exchange that is no 9xx one (`999 HELP`, `988 CALL` are the UK's
    and the US's lines and a name)."""
    return (
        _is_local_exchange(groups, country=False)
        and len(letters) == _WORDS_LOCAL_LETTERS
        and letters.isalpha()
        and groups[0][0] != "9"
    )


def _is_local_exchange(groups: list[str], country: bool) -> bool:
    """Whether `groups`, a number's digits before its letters, are a North American
    exchange alone (`555-HELP`): three digits, the first 2-9, not an N11 code (`911`)."""
    return (
        not country
        and len(groups) == 1
        and len(groups[0]) == 3
        and groups[0][0] in _NORTH_AMERICAN_FIRST_DIGITS
        and groups[0][1:] != "11"
    )
