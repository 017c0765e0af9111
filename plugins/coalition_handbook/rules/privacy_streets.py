"""Street addresses as privacy.pii reads them (`privacy_pii`), and where one names no street.

A number, a name of one to four words and a street type after it ("221B Baker Street"),
or before it, as Puerto Rico and the Southwest write it ("123 Calle Luna"), or a
numbered road ("5500 Highway 61"): `STREET_REST`, which `privacy_phones` finds in one pass
with phone numbers. What names something else in prose, where nothing around it reads
as an address ("our 2024 Winter Coat Drive", "5 Drug Court programs"), is told apart by
`names_no_street`.
"""

from __future__ import annotations

import re
from functools import cache

from ..forms import SPACE_SEPARATORS, UNICODE_SPACES
from ..lazy_pattern import LazyPattern
from ..letters import CAPITAL_LETTERS, COMBINING_ACCENTS, SMALL_LETTERS
from .privacy_allow import digit_count
from .soft_breaks import WORD_SPACE

# A space between an address's words, as a word processor may write it, is any of
# Unicode's, or a line break inside a paragraph (`WORD_SPACE`).
# The street types written after a street's name, in full and abbreviated; the UK's
# commonest too (Royal Mail's list: a UK adopter's audit).
_STREET_TYPES = (
    "Street", "Avenue", "Road", "Boulevard", "Lane", "Drive", "Court", "Way", "Place",
    "Terrace", "Circle", "Highway", "Parkway", "Square", "Close", "Crescent", "Gardens",
    "Grove", "Mews",
)  # fmt: skip
# The UK's street types that are English words too ("Step 2 Walk the route", "Top 10
# Green flags", "Level 3 Main Gate"): a street only with an address around it
# (`names_no_street`).
_STREET_TYPES_ALSO_ENGLISH = (
    "Hill", "Walk", "Row", "Rise", "Croft", "Parade", "Gate", "View", "Wharf", "Yard",
    "Approach", "Green", "End", "Fields", "Embankment",
)  # fmt: skip
# Abbreviated: the US Postal Service's, and the UK's for a crescent, gardens, a terrace,
# a close, a grove and a parade (`7 Elm Gdns`, `5 Park Cres.`, `3 Bath Tce`, `4 Ash Cl`,
# `9 Oak Gro`, `2 Mill Pde`; UK audits: missed, as were USPS's `Ter` and `Cir`, which
# privacy.allow already compared).
_STREET_TYPE_ABBREVIATIONS = (
    "St", "Ave", "Rd", "Blvd", "Ln", "Dr", "Ct", "Pl", "Hwy", "Pkwy", "Sq", "Ter", "Cir",
    "Cres", "Gdns", "Tce", "Cl", "Gr", "Gro", "Pde",
)  # fmt: skip
_SUFFIX_STREET_TYPES = frozenset(
    _STREET_TYPES + _STREET_TYPES_ALSO_ENGLISH + _STREET_TYPE_ABBREVIATIONS
)
# The street types written before the name; with the accent or without (Vía, Callejón),
# precomposed or as NFD text writes it. Only with a capitalised name after the type: "the 2 Camino
# trails" and "in 1999 Calle 13 released" name no street.
_PREFIX_STREET_TYPES = (
    r"Calle|Avenida|Ave\.?|Camino|Paseo|V(?:i\u0301?|\u00ed)a|Carretera|Carr\."
    r"|Callej(?:o\u0301?|\u00f3)n|Plaza"
)
# A word of a street's or a city's name: a capital, a small letter, then letters of either
# case, accented ones too (Peña, Bolívar; in NFD text, each maybe with its combining
# accent) and capitals inside (McDonald, DeKalb); or a name after an apostrophe (O'Brien);
# a possessive too, common in British street names (King's Road, St Mary's Road: a UK
# audit): "5 Children's Court judges" is told from a street by its court (`_COURT_KINDS`).
# (Letters and accents in one class: the engine repeats a class at C speed, a group far
# more slowly, and a page holds many numbers.)
_CAPITAL = f"[A-Z{CAPITAL_LETTERS}][{COMBINING_ACCENTS}]*"
NAME_WORD = (
    f"{_CAPITAL}(?:['\u2019]{_CAPITAL})?[a-z{SMALL_LETTERS}]"
    f"[A-Za-z{CAPITAL_LETTERS}{SMALL_LETTERS}{COMBINING_ACCENTS}]*(?:['\u2019]s)?"
)
# A street's name in capitals (`27 PARK ROAD EAST`, as a label or a form prints it: pii66,
# it passed), a word of two letters or more (or Saint's, Mount's, Fort's abbreviation:
# `27 ST. MARY'S ROAD`), but not a small word or an hour's, which a name has not and a
# poster's line in capitals has ("MEET AT 5 BY THE MAIN GATE", "AT 3 PM HIGH STREET
# ENTRANCE"). Such a street is an address only with an address around it
# (`names_no_street`).
# Its first two letters, which the pattern asks first (`{capital_start}`): a number is
# most often followed by a word in small letters or a capitalised one ("5 people", "27
# Oak Street"), which they refuse at once, before the small words are compared one by
# one (spd70: privacy.pii took 11% more time with them first; findings unchanged).
_CAPITAL_WORD_START = f"[A-Z{CAPITAL_LETTERS}][A-Z{CAPITAL_LETTERS}{COMBINING_ACCENTS}'\u2019]"
_CAPITAL_WORD = f"{_CAPITAL_WORD_START}+"
_SMALL_WORDS_IN_CAPITALS = (
    "(?:A|AM|AN|AND|ARE|AS|AT|BY|EACH|FOR|FROM|HER|HIS|IN|INTO|IS|ITS|MY|NO|NOT|OF|ON|OR"
    "|OUR|PM|THE|THEIR|TO|WAS|WITH|YOUR"
    # and a pronoun or a verb, a sentence's (review rv65g: ON 3 OCCASIONS WE WALKED HIGH
    # STREET)
    "|WE|HE|SHE|IT|THEY|US|BE|WERE|HAS|HAVE|HAD|WILL|CAN)"
)
# A street address: a number starting a word (221B, or 27a as the UK writes a flat), then
# a name of one to four words, or a single letter (1800 F Street), and a street type; a
# street type written before a name of one to four words, as Spanish writes it (123 Calle
# Luna, 1200 Camino del Rio: the US Postal Service's form in Puerto Rico, common in the
# Southwest); or a numbered road (5500 Highway 61). A word processor may join its words
# with a no-break space, or any other.
STREET_REST = (
    r"""
    (?<=[{digit}])(?<![^\W_]\d)(?<![^\W_]_\d)  # `_12 Oak St_` too; not the digits after
    (?<![{digit}][,.]\d)                          # a thousands separator ("20,000 Safe...")
    \d{{0,5}}[A-Za-z]?{space}+
    (?:
        (?:(?:[NS]\.?[EW]|[NSEW])\.?{space}+)?  # a directional: N, S.W., NE (4500 SW 5th Ave)
        (?:(?:{name}\.?{space}+|\d{{1,3}}(?:st|nd|rd|th){space}+){{1,4}}|[A-Z]{space}+)
        (?:(?:{types})(?![^\W_])|(?:{abbreviations})(?![^\W_])\.?)
        # (not `\b`: emphasis may close right after it, `_12 Oak Street_`)
      | (?=\d|{capital_start}|[NSEW](?:\.|{space}))  # in capitals, as a label prints it
        # (how each of its words starts, asked first: the number's word is most often none)
        (?:(?:[NS]\.?[EW]|[NSEW])\.?{space}+)?
        (?:(?={capital_start})(?!{small_words}(?![^\W_]))(?:{capital_word}|(?:ST|MT|FT)\.){space}+|\d{{1,3}}(?:ST|ND|RD|TH){space}+){{1,4}}
        (?:(?:{capital_types})(?![^\W_])|(?:{capital_abbreviations})(?![^\W_])\.?)
      | (?:{prefix_types})  # 1200 Camino del Rio, 12 Paseo de Peralta
        (?:{space}+(?:(?:del|de(?:{space}+(?:la|los|las))?){space}+)?{name}){{1,4}}(?![^\W_])
      | (?:(?:US|State|County){space}+)?(?:Highway|Route|Hwy\.?|Rte\.?){space}+\d{{1,4}}(?!\w)
    )
""".replace("{space}", WORD_SPACE)
    .replace("{name}", NAME_WORD)
    .replace("{types}", "|".join(_STREET_TYPES + _STREET_TYPES_ALSO_ENGLISH))
    .replace("{abbreviations}", "|".join(_STREET_TYPE_ABBREVIATIONS))
    .replace("{prefix_types}", _PREFIX_STREET_TYPES)
    .replace("{small_words}", _SMALL_WORDS_IN_CAPITALS)
    .replace("{capital_start}", _CAPITAL_WORD_START)
    .replace("{capital_word}", _CAPITAL_WORD)
    .replace(
        "{capital_types}", "|".join(map(str.upper, _STREET_TYPES + _STREET_TYPES_ALSO_ENGLISH))
    )
    .replace("{capital_abbreviations}", "|".join(map(str.upper, _STREET_TYPE_ABBREVIATIONS)))
)
# A street address names something else in prose: a drive, a programme, a court or a
# road after a year or a count ("our 2024 Winter Coat Drive", "Since 1983 Safe Place", "a
# 2016 Supreme Court decision", "5 Drug Court programs", "40 Route 66 motels"), a title
# with an article ("Module 2 A Way Forward"). Each exemption holds only where nothing
# around it reads as an address: what an address has after it (`_ADDRESS_AFTER`), or
# before it what leads to one ("at", "on", a label's colon: `_ADDRESS_BEFORE`).
#
# Street types that name other things after a year: a donation drive, a programme (Safe
# Place, United Way), a talking circle. A house number between 1800 and 2099 is common,
# so the year must read as one: the word before it is a time or an owner ("In", "Since",
# "our", "the", "the coalition's"); "lives on 2015 Oak Drive", "Address: 1987 Elm Way",
# a table cell or the start of a line is an address. Not Lane, Terrace, Court, Parkway
# or a numbered road: almost only streets.
_TYPES_OF_OTHER_THINGS = frozenset({"Drive", "Place", "Way", "Circle", "Square"})
_FIRST_YEAR, _LAST_YEAR = 1800, 2099
# What may stand between that word and the number: spaces, a line break, markup.
_GAP_BEFORE = r"(?:\s|&nbsp;|&#160;|[*_])*\Z"
# Not "of", "from" nor "by": "residents of 1900 Oak Drive", "moved from 2015 Elm Place",
# "drove by 1987 Elm Way" are addresses. In Spanish too, as the streets whose type comes
# first are most often written ("Desde 2005 Camino Real", "Durante 2020 Paseo de la
# Reforma": a Spanish adopter's audit), but for "en", which is "at" as well as "in"
# ("vive en 2015 Calle Luna"): only where it starts a sentence ("En 2019 Avenida Juárez").
_TIME_OR_OWNER_BEFORE = LazyPattern(
    r"(?:(?<![\w'\u2019-])(?i:in|since|until|before|after|during|our|the|their|its|this"
    r"|that|a|an|annual|desde|hasta|durante|(?:antes|despu(?:e|\u00e9)s|a\s+partir)\s+de"
    r"|nuestr[oa]s?|sus?|est[ea]|anual)|(?<![\w'\u2019-])En|[^\W_]['\u2019]s?)" + _GAP_BEFORE
)
# Of those, an organisation's own alone, which no home's address has before its number
# ("our", "annual"; not "the", "their" nor a possessive, which "lives near the 2015 Oak
# Drive, ..." and "moved into Jane's 2019 Elm Way, ..." have).
_OWNER_BEFORE = LazyPattern(
    r"(?<![\w'\u2019-])(?i:our|its|this|annual|nuestr[oa]s?|anual)" + _GAP_BEFORE
)
# A UK flat's number before its house's ("Flat 2, 5 The Crescent") leads to one too, as
# does a building's name and its comma ("Flat 1, Rose House, 27 Castle Hill, York":
# UK audit uk60, it passed).
_BUILDING_WORDS = (
    "House|Cottage|Lodge|Court|Mansions|Buildings|Chambers|Tower|Towers|Hall|Farm|Barn|Mill"
)
_ADDRESS_WORDS_BEFORE = r"(?<![\w'\u2019-])(?i:at|on|near|to|flat\s*\d+[a-z]?,?)|[:|@]"
_ADDRESS_BEFORE = LazyPattern(
    rf"(?:{_ADDRESS_WORDS_BEFORE}|(?<![^\W_])(?:{_BUILDING_WORDS}),)" + _GAP_BEFORE
)
# A name right before the number that an address's line has, where a town follows the
# street: a person's, of two or three capitalised words after a label's colon that
# names a person ("Emergency contact: Jane Smith 27 Castle Hill, York."; not "Score:
# Leeds United 2 Preston North End, Deepdale." nor "Walks: Three Peaks 24 Hill Walk,
# Yorkshire.": review rv60b), or a house's, a capitalised word and its House, Cottage,
# Lodge, Farm, Barn or Mill with no comma ("Rose House 27 Castle Hill, York"): no name's
# number, as a capitalised word alone before it is ("Apollo 11 Moon Walk", "Tower 2
# Canary Wharf"; an audit: both addresses passed).
_NAME_OF_AN_ADDRESS_BEFORE = LazyPattern(
    r"(?:(?<![^\W_])(?i:contact|name|attn|attention|tenant|resident|client|survivor|owner"
    r"|landlord|landlady|guardian|kin|caseworker|worker|volunteer|referrer|witness|victim"
    r"|employer|sponsor|host|recipient|sender|parent|mother|father|carer|person|from|to|c/o)"
    r"[ \t]*:(?:[ \t]|&nbsp;|&#160;|[*_])*(?:[A-Z][a-z'\u2019-]+[ \t]+){1,2}[A-Z][a-z'\u2019-]+"
    r"|(?<![^\W_])[A-Z][a-z'\u2019-]+[ \t]+(?:House|Cottage|Lodge|Farm|Barn|Mill))" + _GAP_BEFORE
)
# How far before the number a person's name and its label are looked for.
_NAME_WINDOW = 64
# What leads to a street in capitals: those words, a label's colon or a table's bar, an
# HTML table's cell too ("She lives at 27 PARK ROAD", "ADDRESS: 12 MAIN ST", "| 12 MAIN
# STREET |", "<td>12 MAIN STREET</td>": pii67, a table exported as HTML passed), not a
# building's name: a street in capitals with none of these before a UK postcode is
# `privacy_uk_streets`'s, which reads a label's capitals with GB listed.
_CELL_START = r"<t[dh](?:\s[^<>]*)?>"
_ADDRESS_IN_CAPITALS_BEFORE = LazyPattern(
    rf"(?:(?<![\w'\u2019-])(?i:at|on|near|to|flat\s*\d+[a-z]?,?)|[:|]|{_CELL_START})" + _GAP_BEFORE
)
# An address's label with no colon where its line or a table's cell starts, or in its
# own HTML cell ("ADDRESS 12 MAIN STREET", "<td>ADDRESS</td><td>27 CASTLE HILL</td>":
# pii67, both passed); not a verb's "address" in a line ("HOW WE ADDRESS 3 MAIN ROAD
# RISKS"). With no cell of its own, a heading's verb too where more capitals follow the
# street ("ADDRESS 3 MAIN ROAD SAFETY GAPS").
_ADDRESS_LABEL = r"(?i:address|addr\.?|home\s+address)"
_LABEL_WITHOUT_COLON_BEFORE = LazyPattern(
    rf"(?:(?m:^)[ \t>*_#-]*|[|>][ \t*_]*){_ADDRESS_LABEL}"
    rf"(?:(?P<cell></t[dh]>\s*{_CELL_START})|[ \t]|\r?\n|&nbsp;|&#160;|[*_])+\Z"
)
# How far before the number such a label is looked for.
_LABEL_WINDOW = 40
# A US city, its state and ZIP code after a street in capitals, as an envelope prints an
# address, on its line or the next ("12 MAIN STREET, SPRINGFIELD, IL 62701", "12 MAIN ST
# <br>SPRINGFIELD IL 62701-1234": pii67, it passed): a ZIP code says an address whatever
# stands before the street (the mixed-case one reads it in `_ADDRESS_AFTER`). The state's
# code as the Postal Service writes it, not any two capitals: a poster's line goes on
# with words before a count too (review rv66c: `THE 2 MAIN STREET FAIR DREW UP TO 10000
# PEOPLE`, `5 PARK ROAD PROJECT NO 12345` were reported).
_US_STATE_CODE = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE"
    "|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|GU|VI|AS|MP"
)
# A town's words: after a comma or a line break, any capitalised ones (`CITY OF
# INDUSTRY, CA 91744`, `THE VILLAGES FL 32162`); with neither, no small word of a
# sentence's (`10 MINUTE DRIVE FROM AUSTIN TX 78701`, `4 LANE HIGHWAY NEAR AUSTIN TX
# 78701`: review rv66c, a poster's).
_TOWN_WORD = r"[A-Z][A-Za-z.'\u2019-]*"
_TOWN_WORD_OF_A_LINE = (
    r"(?!(?i:from|to|near|in|into|across|of|the|and|for|at|on|by|up|over|with|via|off)"
    rf"(?![\w'\u2019-])){_TOWN_WORD}"
)
_US_TOWN_AND_ZIP_AFTER = LazyPattern(
    rf"\.?[*_]*(?:(?:{WORD_SPACE}*,|{WORD_SPACE}*(?:<br\s*/?>)?\r?\n){WORD_SPACE}*"
    rf"(?:{_TOWN_WORD}{WORD_SPACE}+){{0,3}}{_TOWN_WORD}"
    rf"|{WORD_SPACE}*(?:{_TOWN_WORD_OF_A_LINE}{WORD_SPACE}+){{0,3}}{_TOWN_WORD_OF_A_LINE})"
    rf",?{WORD_SPACE}+(?:{_US_STATE_CODE})[ \t]+\d{{5}}(?:-\d{{4}})?(?![\w-])"
)
# A word in capitals after such a street, where a heading's, a poster's or a table cell's
# line goes on: the street's words are a noun phrase's (review rv65g: `| DAY | 3 MAIN ROAD
# CLOSURES |`, `GO TO 3 PARK ROAD EXIT` were reported), but for a unit or a quarter.
_CAPITALS_GO_ON_AFTER = LazyPattern(
    r"[*_]*[ \t]+(?!(?:APT|APARTMENT|SUITE|STE|UNIT|ROOM|RM|FLOOR|FL|BLDG|BUILDING|FLAT"
    r"|[NS]\.?[EW]|[NSEW])(?![^\W_]))[A-Z][A-Z]"
)
# What leads to a street in capitals whose type is an English word too (Hill, Gate, Row,
# Rise, View, End...): a word of mixed-case prose (`She lives at 27 CASTLE HILL`), a word of
# dwelling (`SHE STAYS AT 27 CASTLE HILL`) or an address's label, not a poster's or a
# slide's capitals alone (review rv65g: `MEET AT 5 MAIN GATE`, `RESULT: 3 HIGH RISE`,
# `SCORE: 10 GREEN FIELDS`, `TEAM: 2 NORTH END` were reported).
_ENGLISH_TYPE_IN_CAPITALS_BEFORE = LazyPattern(
    r"(?:(?<![\w'\u2019-])(?:at|on|near|to|(?i:flat\s*\d+[a-z]?,?))"
    r"|(?<![\w'\u2019-])(?i:lives?|lived|living|stays?|stayed|staying|resides?|resided"
    r"|residing|moved)[ \t]+(?i:at|on|to)"
    r"|(?<![\w'\u2019-])(?i:address|addr\.?|home|residence)[ \t]*[:|]"
    rf"|(?<![\w'\u2019-]){_ADDRESS_LABEL}</t[dh]>\s*{_CELL_START})" + _GAP_BEFORE
)
# Those words alone, which make an English word's street an address whatever its number
# reads as ("at 5 Mile End").
_ADDRESS_WORD_BEFORE = LazyPattern(f"(?:{_ADDRESS_WORDS_BEFORE})" + _GAP_BEFORE)
# Where only a building's name before it or a town alone after it reads as an address,
# what makes an English word's street a count or a name's number (review rv59b: "Join
# our 5 Mile Walk, Leeds.", "Terminal 5 Departure Gate, Heathrow." were reported): an
# article, an owner or "number" before it ("the 2 Minute Walk", "Jane's 5 Mile Walk"),
# or a capitalised word right before it, whose number it is ("Apollo 11 Moon Walk",
# "Route 66 Canyon View", "Leeds 2 Forest Green, Bristol"); a unit of distance or time
# as the street's first word ("Rose Cottage, 5 Minute Walk", "10 Mile Sponsored Walk"),
# or a distance's k after the number ("10k Charity Walk, York."). A name's number in
# small letters too, a bus's, a seat's, a game's or a series' (review rv59h: "Take bus
# 42 Castle Hill, York.", "watch season 2 Castle Hill, Netflix." were reported).
_COUNT_OR_NAME_BEFORE = LazyPattern(
    r"(?:(?<![\w'\u2019-])(?i:the|a|an|our|their|its|this|that|his|her|my|your|first"
    r"|number|no\.|each|every|bus|coach|tram|train|route|line|platform|gate|terminal|stand"
    r"|bay|pier|exit|junction|row|seat|lap|round|hole|game|match|season|series|book|film"
    r"|track|disc)|[^\W_]['\u2019]s?|(?<![\w'\u2019-])[A-Z][\w'\u2019-]*)"
    r"(?:[ \t]|&nbsp;|&#160;|[*_])*\Z"
)
# A verb in the past right before the number counts what follows, the plural its name
# starts with ("We walked 12 Peaks Walk, Yorkshire.", "she climbed 3 Peaks Rise, ..."):
# an audit's false alarm. A place's name is what such a verb names otherwise ("Police
# raided 14 Mill Hill, Leeds.", "We visited 27 Castle Hill, York.": review rv60b).
_COUNT_VERB_BEFORE = LazyPattern(
    r"(?<![\w'\u2019-])(?:[a-z]{2,}ed|ran|rode|swam|did|won)(?:[ \t]|&nbsp;|&#160;|[*_])*\Z"
)
_PLURAL = LazyPattern(r"[A-Za-z]+[^sSuUiI'\u2019]s")
_UNIT_OF_DISTANCE_OR_TIME = LazyPattern(
    r"(?i:miles?|km|kilomet(?:re|er)s?|met(?:re|er)s?|minutes?|mins?|hours?|days?|weeks?"
    r"|months?|years?)"
)
# A unit of a size as the street's first word, in capitals: a disk's or a screen's
# (`<td>500 GB DRIVE</td>`, `2 TB HARD DRIVE`: pii68, a table's cell failed the build).
_UNIT_OF_SIZE = LazyPattern(
    r"(?i:[kmgtp]i?b|gigs?|bytes?|kilobytes?|megabytes?|gigabytes?|terabytes?|inch(?:es)?"
    r"|cm|mm|kg|lbs?)"
)
# A month as the street's first word makes its number a day's, a date's in a schedule
# ("- 12 June Castle Hill, York.": review rv59h, it was reported).
_MONTH = LazyPattern(
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
# How far before a number those words are looked for (a coordinate's key or letter and
# an identifier's label too: `privacy_locations`, `privacy_phones`).
BEFORE_WINDOW = 24
# The courts a handbook names after a year or a count; their names are ordinary street
# names too ("15 Community Court", "8 High Court"). Read without a possessive's 's
# ("5 Children's Court judges").
_COURT_KINDS = frozenset(
    {"Supreme", "Superior", "Juvenile", "Family", "Drug", "Treatment", "Veterans", "Youth"}
    | {"Children", "Teen", "Health", "Wellness", "Recovery", "Reentry", "Diversion", "Community"}
    | {"County", "District", "Circuit", "Appeals", "Appellate", "Municipal", "City"}
    | {"Magistrate", "Magistrates", "Criminal", "Civil", "Probate", "Tribal", "Federal"}
    | {"State", "Bankruptcy", "Housing", "Traffic", "Trafficking", "Immigration", "Tax"}
    | {"Claims", "Crown", "High", "Dependency", "Violence", "Justice", "Specialty"}
)
_COURT_TYPES = frozenset({"Court", "Ct"})
# Names with a UK street type that a handbook writes after a year or a count: the Red
# Crescent ("In 2019 Red Crescent volunteers", "191 Red Crescent societies"), a botanic
# garden (review).
_NAMES_WITH_A_STREET_TYPE = frozenset({"Red Crescent", "Botanic Gardens", "Botanical Gardens"})
_POSSESSIVE = LazyPattern("['\u2019]s$")
# A title's first word, no street's name: "Module 2 A Way Forward", "Chapter 3 The Safe
# Place", "Grade 8 A Street children" (1800 F Street is one).
_ARTICLES = frozenset({"A", "An", "I", "The"})
# A word that numbers a part of a document, a course or a sequence, right before the
# number: "Module 2 Safe Place training", "Slide 5 Station Road sign", "Case study 3 High
# Street shop workers", "Year 10 Park Lane visits" (a UK coalition's audit: each failed
# the build). Not a unit, room or floor, which an address has ("Flat 2", "Suite 4"), nor
# "No." ("No. 10 Downing Street"). On the number's line (review rv58b: a heading or a
# line that ends "... this week" hid the address that starts the next), and a day, a
# week, a year or a schedule only with its capital, as a part's name is written: in
# prose they count time or ask for a visit ("twice a week 12 Oak Street hosts her",
# "schedule 12 Oak Street"). A version, an edition, a volume, an issue or an episode is
# a part as well ("Version 2 Release, London SW1A 2AA", "Issue 5 High Street special":
# UK audit uk60, the first was reported with GB listed), with its capital too: in prose
# an episode or an issue is an event or a problem ("After the episode 14 Elm Road was
# searched", "the main issue 14 Oak Street residents raised": review rv59b, hidden).
_LINE_SPACE_BEFORE = f"[ \\t{SPACE_SEPARATORS}]"
_SAME_LINE_GAP_BEFORE = rf"(?:{_LINE_SPACE_BEFORE}|&nbsp;|&#160;|[*_])*\Z"
_NUMBERING_WORDS = (
    r"(?:(?i:module|section|chapter|part|step|stage|level|lesson|session"
    r"|slide|page|figure|fig\.|table|appendix|annex|paragraph|clause|article|question"
    rf"|exercise|activity|scenario|case{_LINE_SPACE_BEFORE}+study|grade|tier|phase|priority|item)"
    r"|Day|DAY|Week|WEEK|Year|YEAR|Schedule|SCHEDULE|Version|VERSION|Edition|EDITION"
    r"|Volume|VOLUME|Vol\.|VOL\.|Issue|ISSUE|Episode|EPISODE)"
)
_NUMBERING_WORD_BEFORE = LazyPattern(
    r"(?<![\w'\u2019-])" + _NUMBERING_WORDS + _SAME_LINE_GAP_BEFORE
)
# Street types written before the name that are English words too: "Option 1 Via Email",
# "3 Ave Maria prayers", "the 2 Plaza Hotel bars" name no street. "Ave." with its period
# is a street's only (Puerto Rico's 1500 Ave. Ponce de León).
_PREFIX_TYPES_ALSO_ENGLISH = frozenset({"Via", "Ave", "Plaza"})
# A numbered road after a count ("40 Route 66 motels", "3 US Highway 1 rest stops"): a
# house number on one has three digits or more (5500 Highway 61).
_SHORTEST_ROAD_NUMBER = 3
# What an address has after its street: a quarter (NW), a unit (a UK flat too), a city
# with its state, a ZIP code, or the city and state on the next line; a UK postcode
# after its town or alone (", Leeds LS6 2AB", "LONDON SW1A 1AA", as Royal Mail writes
# the town; found by a UK adopter's audit); after emphasis closed, maybe.
UK_POSTCODE = r"(?:[A-Z]{1,2}\d[A-Z\d]?|GIR){space}?\d[A-Z]{2}(?![^\W_])"
_ADDRESS_AFTER = (
    r"""\.?[*_]*(?:
        {space}+(?:[NS]\.?[EW]\.?|[NSEW]\.?)(?![\w'\u2019-])
      | {space}*,?{space}*
        (?:\#{space}*\d|(?:Apt|Apartment|Suite|Ste|Unit|Room|Rm|Floor|Fl|Bldg|Building|Flat)\b)
      | {space}*,?{space}*(?:[A-Z]{2}{space}+)?\d{5}\b
      | (?:{space}*,|{space}*(?:<br\s*/?>)?\r?\n){space}*
        (?:{name}{space}+){0,3}{name},?{space}+[A-Z]{2}\b
      | (?:{space}*,|{space}*(?:<br\s*/?>)?\r?\n)?{space}*
        (?:(?:{name}|[A-Z]{2,}),?{space}+){0,3}{postcode}
    )""".replace("{postcode}", UK_POSTCODE)
    .replace("{space}", WORD_SPACE)
    .replace("{name}", NAME_WORD)
)


@cache
def _address_after() -> re.Pattern[str]:
    """`_ADDRESS_AFTER`, compiled on first use: a site build whose checks come from the
    cache never reads it."""
    return re.compile(_ADDRESS_AFTER, re.VERBOSE)


# A town after a street and a comma, all that its line or sentence holds after it ("Step 2
# Mill Lane, Leeds", "Slide 4 Station Road, Leeds."): what makes a part's or a step's
# number a house number (UK audit uk59: such an address passed), where its postcode does
# not follow; not a title's words after a comma ("Step 3 Oak Street, then turn left",
# "Module 2 Safe Place, Part Two of the course"). Dublin with its postal district
# ("Issue 14 Elm Road, Dublin 8": an audit, it passed), no other town with a number
# ("Module 2 Safe Place, Part 2"). The town's country may follow it ("Issue 14 Elm Road,
# Dublin 8, Ireland", "Step 2 Mill Lane, Leeds, England": review rv60c, they passed);
# only the countries of these islands, not any name ("Module 2 Safe Place, Part Two,
# Week One"). No town is a numbering word and a number's word or a letter: a title's part
# ("Module 2 Safe Place, Part Two, Wales.": it was reported); a town may start with
# such a word ("27 Castle Hill, Week St Mary.", "Page Moss": review rv62b, they passed).
_TOWN_AFTER = (
    (
        r"\.?[*_]*[ \t]*,{space}*"
        r"(?!{numbering}{space}+(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven"
        r"|twelve|[ivxl]{1,5}|[a-z])(?![^\W_]))"
        r"(?:{name}{space}+){0,2}{name}(?:(?<=Dublin){space}+\d{1,2}W?)?"
        r"(?:{space}*,{space}*(?:Ireland|Northern{space}+Ireland|\u00c9ire|England|Scotland"
        r"|Wales|UK|U\.K\.|United{space}+Kingdom|Great{space}+Britain)(?![^\W_]))?"
        r"[*_]*[ \t]*(?:[.;:!?)|<]|\r?\n|\Z)"
    )
    .replace("{numbering}", _NUMBERING_WORDS)
    .replace("{space}", WORD_SPACE)
    .replace("{name}", NAME_WORD)
)


@cache
def _town_after() -> re.Pattern[str]:
    """`_TOWN_AFTER`, compiled on first use, as `_address_after` is."""
    return re.compile(_TOWN_AFTER)


# A count of things before a programme's or an organisation's name ("12 Safe Place sites",
# "300 Hotel Way employees", "the 40 Main Street programs") is told from an address by the
# plural noun after the street type, which no address has; "12 Safe Place, Omaha" is one.
# Only nouns that count places, programmes and organisations, and an employer's workforce
# (hotel staff trainings count "300 Hotel Way employees"): not the people who follow a
# shelter's or a home's address ("1420 Elm Street survivors", "the 12 Oak Street staff",
# "volunteers", "clients": review rv4), nor "residents", "tenants" or "offices": "the 12 Oak
# Street residents" names an address. And not where something before the number reads as an
# address ("at", "on", "to", a label's colon: `_ADDRESS_BEFORE`): "shelters two women at
# 1420 Elm Street\nsurvivors there need rides" names one.
COUNTED_NOUNS = (
    r"(?:locations|sites|branches|chapters|programs|programmes|employees|affiliates|agencies"
    r"|organizations|organisations|events|trainings|sessions|stores|shops|businesses|hotels"
    r"|motels|libraries|schools|churches|campaigns|projects|grants|coalitions|providers"
    r"|facilities|centers|centres)\b"
)
_COUNTED_AFTER = LazyPattern(rf"[*_]*{WORD_SPACE}+{COUNTED_NOUNS}")
# Such a noun at the start of a line (after a quote's `>` or an indent, maybe): read after
# the line before it where that one is a paragraph's, but not where each line is a line (a
# code block's, a text file's: `privacy_reported` reads a page's code blocks as a paragraph
# first, and so may let "12 Oak Street" go where "locations 2" is the next line: review
# rv6).
# (A plural word looked for first: the engine tries the nouns at half as many lines.)
COUNT_STARTS_A_LINE = LazyPattern(rf"\n[ \t>{UNICODE_SPACES}]*+(?=[a-z]+s\b){COUNTED_NOUNS}")


def names_no_street(text: str, start: int, end: int) -> bool:
    """Whether the street address found at `text[start:end]` names something else: after
    a year read as one, a drive, place or the like ("our 2024 Winter Coat Drive"); a court
    ("5 Drug Court programs"), the Red Crescent, a title ("Module 2 A Way Forward") or a
    numbered road after a count ("40 Route 66 motels") that nothing around reads as an
    address. Of a street whose type comes first, a name after a year read as one ("Since
    2005 Camino Health Center"), and one whose type is an English word too ("Option 1 Via
    Email", "Top 10 Green flags") that nothing around reads as an address. And a count
    before a programme's name: a street with a plural noun after it ("12 Safe Place
    sites", `_COUNTED_AFTER`) and no address's word before it. And a number that a word
    before it makes a part's or a step's ("Module 2 Safe Place training",
    `_NUMBERING_WORD_BEFORE`) that nothing after reads as an address,
    nor a town alone (`_TOWN_AFTER`). A street in capitals only with an address's word
    or a label's colon before it (`_ADDRESS_IN_CAPITALS_BEFORE`)."""
    before = text[max(0, start - BEFORE_WINDOW) : start]
    words = text[start:end].split()
    if words[-1].rstrip(".").isupper():  # 27 PARK ROAD: read as 27 Park Road
        words = [word.capitalize() for word in words]
        if _US_TOWN_AND_ZIP_AFTER.match(text, with_directional_after(text, end)):
            # but a year an owner or a time dates, a distance, a time or a day, a flyer's
            # heading over its town (review rv66c: OUR 2024 WINTER COAT DRIVE, AUSTIN, TX
            # 78701 and 10 MINUTE DRIVE, AUSTIN TX 78701 failed the build)
            return _counts_or_names(words[0], words[1], before, named=True)
        shown = _with_short_cell_tags(text, start)
        if shown is not None:  # <td class="value-column">27 PARK ROAD
            before = shown[-BEFORE_WINDOW:]
            label = _LABEL_WITHOUT_COLON_BEFORE.search(shown)
        else:
            label = _LABEL_WITHOUT_COLON_BEFORE.search(text, max(0, start - _LABEL_WINDOW), start)
        if label:
            if label["cell"] is None and _CAPITALS_GO_ON_AFTER.match(
                text, with_directional_after(text, end)
            ):
                return True  # ADDRESS 3 MAIN ROAD SAFETY GAPS
            before = "ADDRESS: "  # ADDRESS 12 MAIN STREET, read as the label with a colon
        if (
            not _ADDRESS_IN_CAPITALS_BEFORE.search(before)
            or _UNIT_OF_DISTANCE_OR_TIME.fullmatch(words[1])  # at 5 MINUTES WALK
            or _UNIT_OF_SIZE.fullmatch(words[1])  # <td>500 GB DRIVE</td>
            or (
                # a poster's or a slide's capitals alone (a form's label leads to its
                # address however it goes on: ADDRESS: 27 PARK ROAD LEEDS)
                not _ENGLISH_TYPE_IN_CAPITALS_BEFORE.search(before)
                and (
                    _CAPITALS_GO_ON_AFTER.match(text, with_directional_after(text, end))
                    or words[-1].rstrip(".") in _STREET_TYPES_ALSO_ENGLISH
                    # a year's drive in a table's cell (| 2024 WINTER COAT DRIVE |)
                    or (is_year(words[0]) and words[-1].rstrip(".") in _TYPES_OF_OTHER_THINGS)
                )
            )
        ):
            return True
    elif _address_after().match(text, end):
        # but a year an owner dates before a flyer's town (pii68: `Our 2024 Winter Coat
        # Drive, Austin, TX 78701` failed the build); not a time's ("Since 2005 Oak
        # Drive, Leeds LS6 2AB": a sentence may start with the address)
        street_type = words[-1].rstrip(".")
        return (
            street_type in _TYPES_OF_OTHER_THINGS
            and is_year(words[0])
            and bool(_OWNER_BEFORE.search(before))
        )
    if numbered_by_a_word(before):  # Module 2 Safe Place training
        return not _town_after().match(text, end)  # but Step 2 Mill Lane, Leeds
    if _COUNTED_AFTER.match(text, end):  # 12 Safe Place sites, not at 12 Oak Street sites
        return not _ADDRESS_BEFORE.search(before)
    number, street_type = words[0], words[-1].rstrip(".")
    numbered_road = street_type.isdigit()  # Highway 61
    if numbered_road:
        street_type = words[-2].rstrip(".")
    if street_type in _STREET_TYPES_ALSO_ENGLISH:  # 14 Castle Hill, Step 2 Walk
        if _ADDRESS_WORD_BEFORE.search(before):
            return False
        # but Rose House, 27 Castle Hill and 27 Castle Hill, York (UK audit uk60), not
        # our 5 Mile Walk, Leeds nor In 2019 Castle Hill, York
        town_after = _town_after().match(text, end)
        named = bool(town_after) and bool(
            _NAME_OF_AN_ADDRESS_BEFORE.search(text, max(0, start - _NAME_WINDOW), start)
        )
        return _counts_or_names(number, words[1], before, named) or not (
            _ADDRESS_BEFORE.search(before) or town_after
        )
    if not numbered_road and street_type not in _SUFFIX_STREET_TYPES:  # 55 Calle Real
        if words[1] in _PREFIX_TYPES_ALSO_ENGLISH:
            return not _ADDRESS_BEFORE.search(before)
        return dated_by_a_year(number, before)
    if street_type in _TYPES_OF_OTHER_THINGS and is_year(number):
        return bool(_TIME_OR_OWNER_BEFORE.search(before))
    names_other = (
        (street_type in _COURT_TYPES and _POSSESSIVE.sub("", words[-2]) in _COURT_KINDS)
        or " ".join(words[-2:]) in _NAMES_WITH_A_STREET_TYPE
        or words[1] in _ARTICLES
        or (numbered_road and digit_count(number) < _SHORTEST_ROAD_NUMBER)
    )
    return names_other and not _ADDRESS_BEFORE.search(before)


# An HTML table's cell tags right before a street in capitals, with attributes that push
# its label or the tag itself out of the window read before it (`<td>ADDRESS</td><td
# class="value-column-wide">27 PARK ROAD`: pii68, it passed), as far back as a tag's
# attributes are looked for.
_CELL_TAG_BEFORE = LazyPattern(r"<t[dh]\s[^<>]*>(?:[ \t]|&nbsp;|&#160;|[*_])*\Z")
_CELLS_END = LazyPattern(r"</t[dh]>\s*")
_TAG_WINDOW = 200
_ATTRIBUTES = LazyPattern(r"(<t[dh])\s[^<>]*>")


def _with_short_cell_tags(text: str, start: int) -> str | None:
    """The text before `start` (`_LABEL_WINDOW` of it, and the tags) with each of the cell
    tags right before it written without attributes, where one has them; else None."""
    opening = text.rfind("<t", max(0, start - _TAG_WINDOW), start)
    if opening < 0 or not _CELL_TAG_BEFORE.match(text, opening, start):
        return None
    closing = text.rfind("</t", max(0, opening - _LABEL_WINDOW), opening)
    # (and the cell's before it, its label's: `<td class="label">ADDRESS</td>`)
    ends_a_cell = closing >= 0 and _CELLS_END.fullmatch(text, closing, opening)
    tags_start = closing if ends_a_cell else opening
    tags = _ATTRIBUTES.sub(r"\1>", text[tags_start:start])
    return text[max(0, tags_start - _LABEL_WINDOW) : tags_start] + tags


# A directional written out after the street type, as the street's last word where the
# address's line or sentence ends ("27 Park Road East, Leeds", "12 Oak Street North."):
# part of its name, and of what privacy.allow compares (pii66: "27 Park Road" was found,
# so a listed "27 Park Road East" allowed no writing of it). Not before more words ("12
# Oak Street North of the river").
_DIRECTIONAL_AFTER = LazyPattern(
    rf"{WORD_SPACE}+(?:North|South|East|West|NORTH|SOUTH|EAST|WEST)"
    r"(?=[*_]*(?:[,.;:!?)|<]|[ \t]*\r?\n|[ \t]*\Z))"
)


def with_directional_after(text: str, end: int) -> int:
    """Where the street address that ends at `end` of `text` ends, a directional
    written out after it included (`_DIRECTIONAL_AFTER`)."""
    found = _DIRECTIONAL_AFTER.match(text, end)
    return end if found is None else found.end()


def _counts_or_names(number: str, first_word: str, before: str, named: bool = False) -> bool:
    """Whether the house number `number` of an English word's street whose name starts
    with `first_word`, after the text `before`, reads as a year, a count or a name's
    number or a day's (`_COUNT_OR_NAME_BEFORE`, `_UNIT_OF_DISTANCE_OR_TIME`, `_MONTH`);
    `named`: a person's or a house's name is before it (`_NAME_OF_AN_ADDRESS_BEFORE`),
    whose capitalised word makes it no name's number."""
    return (
        dated_by_a_year(number, before)
        or number[-1] in "kK"
        or bool(_UNIT_OF_DISTANCE_OR_TIME.fullmatch(first_word))
        or bool(_MONTH.fullmatch(first_word))
        or (not named and bool(_COUNT_OR_NAME_BEFORE.search(before)))
        or (bool(_PLURAL.fullmatch(first_word)) and bool(_COUNT_VERB_BEFORE.search(before)))
    )


def is_street_type(word: str) -> bool:
    """Whether `word`, in any case and maybe with a full stop, is a street type written
    after the name (`Road`, `ROAD`, `St.`)."""
    return word.rstrip(".").capitalize() in _SUFFIX_STREET_TYPES


def is_year(number: str) -> bool:
    """Whether the house number `number` reads as a year (1800-2099)."""
    return len(number) == 4 and number.isdigit() and _FIRST_YEAR <= int(number) <= _LAST_YEAR


def dated_by_a_year(number: str, before: str) -> bool:
    """Whether the house number `number`, after the text `before` (`BEFORE_WINDOW` of
    it), reads as a year that a time or an owner dates ("Since 2019 Oxfam, ...":
    `_TIME_OR_OWNER_BEFORE`)."""
    return is_year(number) and bool(_TIME_OR_OWNER_BEFORE.search(before))


def numbered_by_a_word(before: str) -> bool:
    """Whether the text `before` a number (`BEFORE_WINDOW` of it) ends with a word that
    numbers a part, a step or a level ("Step 2 ...": `_NUMBERING_WORD_BEFORE`)."""
    return bool(_NUMBERING_WORD_BEFORE.search(before))
