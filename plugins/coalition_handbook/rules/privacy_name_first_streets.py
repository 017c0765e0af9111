"""Street addresses written as Spain and Latin America write them, the street's type and
name first and the house number after (`Calle Luna 123`, `Calle de Alcalá, 45`, `Av.
Insurgentes Sur 1602`, `C/ Mayor 12`), as privacy.pii reads them (`privacy_personal_data`).

`privacy_streets` reads addresses whose number comes first ("123 Calle Luna", as the US
Postal Service writes them in Puerto Rico): a Spanish-language handbook's own addresses,
written the way its editors write them, went unreported (a Spanish adopter's audit).
A number that reads as a year ("Camino de Santiago 2027", "Plaza de Mayo 1977") is a
house number only with an address around it: a label's colon before, or after it a
floor, door or unit, a neighbourhood (`Col.`) or a postcode of five digits; so is one
after `Plaza` or `Ronda` with no `de` (an English word, an English given name).
"""

from __future__ import annotations

import heapq
import re
import string
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Generic, TypeVar

import ahocorasick

from ..forms import has_digit_past_ascii
from ..lazy_pattern import LazyPattern
from ..letters import CAPITAL_LETTERS, COMBINING_ACCENTS, SMALL_LETTERS
from .privacy_streets import is_year
from .soft_breaks import PARAGRAPH_SPACE, WORD_SPACE

# The street types written before the name, in full and abbreviated, with their accents
# or without (Spanish editors type `Travesia` and `Callejon` on English keyboards).
# Not `Carretera` nor `Ruta`: "Carretera Federal 85" is a road's number, no house's.
_TYPES = (
    r"Calle|C/|Avenida|Avda\.|Av\.|Paseo|Plaza|Pza\.|Camino|Callej(?:o|\u00f3)n|Calzada"
    r"|Calz\.|Ronda|Traves(?:i|\u00ed)a|Glorieta|Bulevar|Pasaje|Prolongaci(?:o|\u00f3)n"
)
# The same in lower case, as Spanish prose writes them ("vive en la calle Luna 12"), and
# the words they start with, looked for in one pass of an Aho-Corasick automaton (a
# pattern starting at any small letter made the pass 9 times slower; a `str.find` of
# each word, 16 passes, was a twentieth of privacy.pii).
_TYPES_IN_LOWER_CASE = _TYPES.replace("C/|", "").lower()
_LOWER_CASE_STARTS = (
    "calle", "avenida", "avda.", "av.", "paseo", "plaza", "pza.", "camino", "calzada",
    "calz.", "ronda", "traves", "glorieta", "bulevar", "pasaje", "prolongaci",
)  # fmt: skip
# What each type of `_TYPES` starts with: `Calle` for `Callejón` too, `Traves` for
# `Travesía` and `Travesia`, `Prolongaci` for `Prolongación`.
_CAPITALISED_STARTS = ("C/", *(word.capitalize() for word in _LOWER_CASE_STARTS))
# A word of the street's name: a capital, then letters of either case, accented ones too;
# a capital and an apostrophe before it (`O'Donnell`), as `privacy_streets` reads one, and
# more such words after a hyphen (`Sánchez-Pacheco`, `Reina Victoria-Eugenia`).
_CAPITAL = f"[A-Z{CAPITAL_LETTERS}][{COMBINING_ACCENTS}]*"
_LETTERS = f"[a-z{SMALL_LETTERS}{CAPITAL_LETTERS}{COMBINING_ACCENTS}]+"
_NAME_WORD = f"{_CAPITAL}(?:['\u2019]{_CAPITAL})?{_LETTERS}(?:-{_CAPITAL}{_LETTERS})*"
_LINK = r"(?:del|de(?:{space}+(?:la|los|las))?|y)"
# A street named by a date, its day and month (`Calle 5 de Mayo 12`, `Avenida 16 de
# Septiembre 45`, common in Mexico): the number after the month is the house's.
_MONTHS = (
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre"
    r"|diciembre"
)
_DATE_NAME = rf"\d{{1,2}}{{space}}+de{{space}}+(?i:{_MONTHS})(?![^\W_])"
# The house number that ends a street, and the mark that stands where an address has none
# (`NO_HOUSE_NUMBER`): a street's pattern ends with one or the other.
HOUSE_NUMBER = r"""
    (?P<number>\d{1,5})[A-Za-z]?
    (?![^\W_]|[.,]\d|/|\s?%)  # not a decimal, a date, a share or a longer word
"""
# An address with no house number, as Spain, Latin America, Portugal and Brazil write it
# (`Calle Luna s/n`, `Plaza de España S/N`, `Calle Mayor, sin número`, `Rua Augusta, sem
# número`, `s/nº`): not a serial number's or a ratio's `S/N` (`S/N: 4412`, `S/N 4412`,
# `S/N ratio`; a postcode and its town after it are an address's: `s/n 28001 Madrid`, not
# `S/N 12345` alone, a serial number: pii65), nor "sin número de" (a phrase: "sin número
# de teléfono"); in capitals too (`SIN NÚMERO`: pii65, it passed).
NO_HOUSE_NUMBER = (
    r"""
    (?P<number>[sS]/[nN](?:\.?[\u00ba\u00b0])?
      |(?:(?:[sS]in|[sS]em){ps}+n(?:\u00fa|u)mero|S(?:IN|EM){ps}+N(?:\u00da|U)MERO)
      (?!{ps}+(?:de|DE)\s))
    (?![^\W_]|/|{ps}*(?:[:=\#]|[rR]atio(?![^\W_]))
      |{ps}*\d(?!(?:\d{4}|\d{3}-\d{3}|\d{4}-\d{3})[ \t]+[A-Z{capitals}][a-z{small}]))
""".replace("{capitals}", CAPITAL_LETTERS)
    .replace("{small}", SMALL_LETTERS)
    .replace("{ps}", PARAGRAPH_SPACE)
)
# Italian's mark of no house number, `snc` (senza numero civico: `Via Roma snc`, `Via
# Roma, snc`, `Viale Europa SNC`: pii67, it passed with IT listed), read by the Italian
# reader alone; not `s.n.c.`, a partnership's (società in nome collettivo), nor a word
# that goes on (`sncf`), nor a partnership's `snc` before its partners' names, a firm
# named after its street's (`Bar Piazza Duomo snc di Rossi Mario`: review rv66c).
_PARTNERS_AFTER = rf"{PARAGRAPH_SPACE}+(?:di|dei|degli|della|del|DI|DEI){PARAGRAPH_SPACE}+[A-Z]"
NO_HOUSE_NUMBER_IN_ITALIAN = NO_HOUSE_NUMBER.replace(
    "(?P<number>", rf"(?P<number>(?:snc|SNC)(?![^\W_]|\.[^\W_]|{_PARTNERS_AFTER})|", 1
)
_STREET = (
    r"""
    (?:{types})(?:{space}+|(?<=/))   # Calle Luna, C/ Mayor, C/Mayor
    (?:(?:{link}{space}+)?{name}|{date})         # Calle de Alcalá, Calle 5 de Mayo
    (?:{space}+(?:{link}{space}+)?{name}){0,3}  # Paseo de la Reforma, Insurgentes Sur
    (?:{space}*,{space}*|{space}+)               # Calle Luna 123, Calle de Alcalá, 45
    # nº 12, N.º 12, núm. 12, número 12, # 12
    (?:(?:[nN]\.?\s?[\u00ba\u00b0o]\.?|n(?:\u00fa|u)m(?:\.|ero)?|No\.|\#){space}*)?
    {number}
""".replace("{date}", _DATE_NAME)
    .replace("{link}", _LINK)
    .replace("{name}", _NAME_WORD)
    .replace("{space}", WORD_SPACE)
)
# What an address has after its number: a floor, door or unit, a neighbourhood, a
# postcode (Spain's and Mexico's have five digits).
_ADDRESS_AFTER = LazyPattern(
    rf"(?:,|{PARAGRAPH_SPACE})*(?:(?:piso|planta|puerta|esc\.|escalera|int\.|interior|depto\.?|departamento"
    r"|local|bajo|Col\.|Colonia|C\.\s?P\.|CP)(?![^\W_])|\d{1,2}\s?[\u00ba\u00aa]|\d{5}(?!\d))",
    re.IGNORECASE,
)
# The units of distance, time or count, the large numbers and the shares that make the
# number before them no house's, in Spanish, Italian, Portuguese, Catalan and English
# ("Calle Luna 3 veces", "Av. Corrientes 2 cuadras", "Avenida Paulista 2 milhões", "Via
# Appia 10 km"): the Spanish reader's and the Italian, Portuguese and Catalan one's
# (`privacy_italian_portuguese_catalan_streets`), one list (a word one reader knew was
# missed by the other: review rv60c). A regular expression of alternatives, read
# ignoring case but for a capitalised word of three letters or more, a name after the
# number ("Calle del Sol 23 Mil Cumbres", a neighbourhood; "Carrer Major 5 Illes
# Balears"): prose writes its units in small letters or abbreviated ("10 KM", review rv61a),
# an English title capitalised too ("Walking the Camino Francés 30 Days").
_ENGLISH_TITLE_UNITS = (
    r"(?:Miles?|Times|Years?|Days?|Hours?|Minutes?|Months?|Weeks?|People|Stars?|Millions?"
    r"|Percent|Per\s+Cent)(?![^\W_])"
)
_A_NAME = rf"(?-i:(?!{_ENGLISH_TITLE_UNITS})[A-Z{CAPITAL_LETTERS}][a-z{SMALL_LETTERS}]{{2}})"
UNITS_AFTER_A_NUMBER = (
    rf"(?!{_A_NAME})(?:km|kil(?:o|\u00f3)metros?|chilometri|quil(?:\u00f4|\u00f3|o)metros"
    r"|quil(?:\u00f2|o)metres|metri|metros|metres|miles?|cuadras|quadras|isolati|illes"
    r"|veces|volte|vezes|vegades|times|[ap]\.?m\.?|a\u00f1os?|anni|anos|anys|years?"
    r"|d\u00edas?|giorni|dias|dies|days?|horas?|ore|hores|hours?|minutos?|minuti|minuts"
    r"|minutes?|mesi|meses|mesos|months?|semanas|settimane|setmanes|weeks?"
    r"|personas|persone|pessoas|persones|people|abitanti|habitantes|habitants"
    r"|tappe|etapas|etapes|stelle|estrellas|estrelas|estrelles|stars?|stazioni"
    r"|mil|mila|millones|milioni|milh(?:\u00f5|o)es|milions|millions?|miliardi"
    r"|por\s+ciento|per\s+cento|por\s+cento|per\s+cent|percent|euros?|reais|pesos|%)"
)
# What makes the number no house's: a month after it (a date: "Paseo Colón 1 de mayo"), or
# a unit of distance, time or count ("la Calle Luna 3 veces", "Camino Francés 2 km").
_NOT_A_HOUSE_AFTER = LazyPattern(
    rf"{PARAGRAPH_SPACE}+(?:de{PARAGRAPH_SPACE}+(?:{_MONTHS})|{UNITS_AFTER_A_NUMBER})(?![^\W_])",
    re.IGNORECASE,
)
# A label's colon before the street ("Dirección: Plaza Mayor 1985").
_LABEL_BEFORE = LazyPattern(r":[\s*_]*\Z")
_LABEL_WINDOW = 8
# `Plaza` is an English word too ("the Plaza Hotel 2 bars"), and `Ronda` an English given
# name ("Ronda Smith, 34," is a woman and her age): a street of either without `de` after
# it ("Plaza de Armas 5", "Ronda de Atocha 12") only with an address around it, as a year.
# A type in lower case names a street as Spanish prose writes one, after an article or a
# preposition ("vive en la calle Luna 12", "por el paseo de la Castellana 100"): "walked
# the camino Francés 2 times" names none.
_SPANISH_BEFORE = LazyPattern(r"(?<![^\W_])(?i:la|el|en|de|del|al|por|una?|esta|misma)\s+\Z")
# How far before a type in lower case its article or preposition is looked for.
_BEFORE_WINDOW = 8
_ENGLISH_TOO = LazyPattern(r"(?:[Pp]laza|[Rr]onda)(?!\s+(?:del?|y)\s)")
# An `S/N` alone is English's serial number too, and `Avenida` or `Camino` an English
# name's word ("The Avenida Mall S/N is printed on the receipt.", "Camino Real S/N" on a
# label: pii65, reported with no countries listed): it stands for no house number where
# more says an address, as `sin número`, `sem número` or `s/nº` (no English) do alone. An
# address around it (each reader's: a label's colon before, a floor or a postcode after);
# a place's preposition before the street that English has not ("Vive en Calle Luna s/n",
# "Mora na R. Augusta s/n": not `in`, `a` nor `no`); a type that English never writes
# (`Calle`, `C/`, `Rua`, `Carrer`) or a link's word in the name (`Plaza de España S/N`,
# `Avenida da Liberdade S/N`: a name's words are capitalised, but for those); a town after
# its comma ("Rua Augusta, s/n, Lisboa"); or a comma before it where its clause ends after
# it ("R. Augusta, s/n").
_A_BARE_MARK = LazyPattern(r"[sS]/[nN](?!\.?[\u00ba\u00b0])")
_A_TYPE_NO_ENGLISH = LazyPattern(r"[Cc]alle|C/|[Rr]ua|[Cc]arrer")
_A_LINK_WORD = LazyPattern(r"\s(?:[a-z]|d['\u2019])")
_PLACE_WORD_BEFORE_A_MARK = LazyPattern(
    r"(?<![^\W_])(?:(?i:en|al|del|de|la|por|na|em|\u00e0|pela|pelo|numa|nel|nella|sul|sulla"
    r"|alla|presso|pel)|el)[ \t]+\Z"  # not El: El Camino Real is English's too
)
# (A town of one to three words, where its clause ends: "S/N, Model and Date" and "S/N,
# Firmware 2" are none.)
_CLAUSE_ENDS = r"[ \t*_]*(?:[.;,)|]|\r?\n|\Z)"
# (After a comma before it, a neighbourhood after a dash too, as Brazil writes it: "Av.
# Paulista, S/N - Bela Vista".)
_CLAUSE_ENDS_AFTER_A_MARK = LazyPattern(
    rf"{_CLAUSE_ENDS}|[ \t]+[-\u2013][ \t]*[A-Z{CAPITAL_LETTERS}][{COMBINING_ACCENTS}]*"
    rf"[a-z{SMALL_LETTERS}]"
)
_TOWN_AFTER_A_MARK = LazyPattern(
    rf"[ \t*_]*,[ \t]*(?:{_NAME_WORD}[ \t]+){{0,2}}{_NAME_WORD}{_CLAUSE_ENDS}"
)
# An English article or owner right before the street makes it a thing's name, and a
# capitalised word after the mark's comma no town ("Record the Camino Real S/N, Warranty.",
# a product's serial number and a form's next field: pii66, it was reported).
# How far before the street an article and a preposition before it are looked for.
_ENGLISH_WINDOW = 16
# A place's preposition before the article leads to an address ("She stays at the Camino
# Real S/N, Santa Fe.").
_ENGLISH_ARTICLE_BEFORE = LazyPattern(
    r"(?<![^\W_])(?<!(?i:at|on|in|to) )(?<!(?i:near|from) )"
    r"(?:the|The|THE|your|Your|its|this|This|our|Our|their|each|every)[ \t]+\Z"
)


@cache
def _street(types: str = _TYPES, number: str = HOUSE_NUMBER) -> re.Pattern[str]:
    """`_STREET` of the street `types` ending with `number` (a house number or the mark of
    none), compiled on first use: a build whose checks come from the cache never reads it."""
    return re.compile(_STREET.replace("{types}", types).replace("{number}", number), re.VERBOSE)


def name_first_streets(text: str, countries: Iterable[str] = ()) -> Iterator[tuple[int, int]]:
    """(start, end) of every street address in `text` written name first, as Spanish
    writes it; one whose number reads as a year only with an address around it, and one
    with an `S/N` alone, where `countries` lists none that writes it (`marks_listed`), only
    where more says an address (`reads_as_a_serial_number`)."""
    serial_numbers_too = not marks_listed(countries)
    last_end = 0
    for found in _streets_found(text):
        # Starting a word, as a lookbehind would say, tested here: the engine then skips
        # to the type's first letter at C speed (a lookbehind first made the pass 7 times
        # slower).
        if found.start() < last_end or inside_word(text, found.start()):
            continue
        if _NOT_A_HOUSE_AFTER.match(text, found.end()):
            continue
        number = found.group("number")
        # (`sin número` is no English plaza's, but `S/N` is English's serial number's
        # too: "the Plaza Hotel S/N check-in desk")
        reads_as_other = (
            is_year(number)
            or (
                not number.startswith(("sin", "Sin", "SIN"))
                and _ENGLISH_TOO.match(text, found.start())
            )
            or (serial_numbers_too and reads_as_a_serial_number(text, found))
        )
        if reads_as_other and not _has_address_around(text, found.start(), found.end()):
            continue
        last_end = found.end()
        yield found.start(), found.end()


def _streets_found(text: str) -> Iterator[re.Match[str]]:
    """What `_street().finditer(text)` finds (a street whose type is capitalised), and
    the streets whose type is written in lower case after an article or a preposition
    (`_SPANISH_BEFORE`), in order of their starts: `type_first_matches` of Spanish's;
    and those with no house number (`type_first_marks`: "Calle Luna s/n")."""
    yield from with_marks(
        type_first_matches(text, _type_starts(), _spanish_patterns),
        type_first_marks(text, _type_starts(), _spanish_patterns_of_marks),
    )


def with_marks(
    found: Iterator[re.Match[str]], marks: Iterator[re.Match[str]]
) -> Iterator[re.Match[str]]:
    """The streets `found` and those with no house number (`marks`), each in order of
    their starts, in one order (merged only where a text has one with no number: a merge
    for each text made the reading of a page a tenth slower)."""
    first_marks = list(marks)
    return heapq.merge(found, first_marks, key=re.Match.start) if first_marks else found


def _spanish_patterns() -> tuple[re.Pattern[str], re.Pattern[str], LazyPattern]:
    """The patterns of a Spanish street, its type capitalised and in lower case, and
    what stands before the latter (`type_first_matches`)."""
    return _street(), _street(_TYPES_IN_LOWER_CASE), _SPANISH_BEFORE


def _spanish_patterns_of_marks() -> tuple[re.Pattern[str], re.Pattern[str], LazyPattern]:
    """`_spanish_patterns` of a street with no house number (`type_first_marks`)."""
    return (
        _street(_TYPES, NO_HOUSE_NUMBER),
        _street(_TYPES_IN_LOWER_CASE, NO_HOUSE_NUMBER),
        _SPANISH_BEFORE,
    )


def type_first_matches(
    text: str,
    automaton: ahocorasick.Automaton,
    patterns: Callable[[], tuple[re.Pattern[str], re.Pattern[str], LazyPattern]],
) -> Iterator[re.Match[str]]:
    """What the first of `patterns()` finds, as its `finditer(text)` would (a street
    whose type is capitalised), and what the second finds where the third (an article or
    a preposition) ends right before it, in order of their starts (`patterns` is called
    only where a type starts: most texts have none). Both start at a type's first letter,
    which one pass of the Aho-Corasick `automaton` (each word a type starts with, its
    length the value) finds: the pattern is
    tried there alone, not at each capital of the text (its pass over a page was a
    sixth of privacy.pii's), and only in the stretches of text that end at a number such a
    street may have (`_number_runs`): the pass over a whole page was a fifth of
    privacy.pii's."""
    # The digits past ASCII among its characters past ASCII: a pattern's search of a
    # page with a curly apostrophe was as slow as the pass it spares (spd66).
    if not has_digit_past_ascii(text):  # `\d` reads one (`٤٥`), `_number_runs` does not
        starts = {
            start + end - length + 1
            for start, number in _runs_of(text)
            for end, length in automaton.iter(text[start:number])
        }
    else:  # a number may start at such a digit, which `_number_runs` does not look for
        starts = {end - length + 1 for end, length in automaton.iter(text)}
    if not starts:  # the commonest
        return
    capitalised, in_lower_case, before_lower_case = patterns()
    searched_to = 0  # where the capitalised pattern's last match ends, as finditer goes on
    for start in sorted(starts):
        if text[start].isupper():
            if start >= searched_to and (found := capitalised.match(text, start)):
                searched_to = found.end()
                yield found
        elif before_lower_case.search(text, max(0, start - _BEFORE_WINDOW), start) and (
            found := in_lower_case.match(text, start)
        ):
            yield found


def type_first_marks(
    text: str,
    automaton: ahocorasick.Automaton,
    patterns: Callable[[], tuple[re.Pattern[str], re.Pattern[str], LazyPattern]],
    mark_starts: Callable[[str], list[int]] | None = None,
) -> Iterator[re.Match[str]]:
    """The streets with no house number (its `number` the mark of none, `NO_HOUSE_NUMBER`),
    as `type_first_matches` reads them with `patterns()` of such streets, in order of
    their starts. A mark is rare where a number is not: the text is looked through for one
    (`_A_MARK`), and a type for each in the `_MARK_WINDOW` before it, its pattern tried
    at each start there (a street's name cannot hold a mark, so a street ends at the
    first after its type: each window is read once, the work linear in the text)."""
    compiled: tuple[re.Pattern[str], re.Pattern[str], LazyPattern] | None = None
    after_last_mark = 0
    for mark_start in (mark_starts or _mark_starts)(text):
        # (not before the mark before: a name cannot hold one, and dense marks' windows
        # read again made `C/s/n` a million characters long take seconds)
        window_start = max(after_last_mark, mark_start - _MARK_WINDOW)
        after_last_mark = mark_start + 1
        # (of the window's copy: the automaton copies the whole text it is given)
        window = text[window_start:mark_start]
        starts = sorted(window_start + end - length + 1 for end, length in automaton.iter(window))
        if not starts:
            continue
        compiled = compiled or patterns()
        capitalised, in_lower_case, before_lower_case = compiled
        for start in starts:
            if text[start].isupper():
                found = capitalised.match(text, start)
            elif before_lower_case.search(text, max(0, start - _BEFORE_WINDOW), start):
                found = in_lower_case.match(text, start)
            else:
                continue
            if found and found.start("number") == mark_start:
                yield found
                break


def _marks_in(text: str) -> list[int]:
    """Where a mark of no house number may start in `text` (`NO_HOUSE_NUMBER`), in order:
    found by the `str.find` of its `/n`, `/N`, `úmero`, `umero` and `MERO` (a pattern
    starting at any `s` made the reading of a Spanish page a sixth slower), then looked at
    around each."""
    starts: set[int] = set()
    for part, back in _MARK_PARTS:
        found = text.find(part)
        while found >= 0:
            if mark := _A_MARK.search(text, max(0, found - back), found + len(part)):
                starts.add(mark.start())
            found = text.find(part, found + 1)
    return sorted(starts)


# What a mark of no house number may start with (`NO_HOUSE_NUMBER`), and the parts of it
# looked for first, with how far before each the mark starts at the most.
_A_MARK = LazyPattern(r"[sS](?:/[nN]|(?:in|em)\s+n(?:\u00fa|u)mero)|S(?:IN|EM)\s+N(?:\u00da|U)MERO")
_MARK_PARTS = (("/n", 1), ("/N", 1), ("\u00famero", 12), ("umero", 12), ("MERO", 13))
# How far before a mark its street's type is looked for: a type, four words of a name
# with their links (`Avenida de la Reina Victoria-Eugenia, `) and a `nº`.
_MARK_WINDOW = 120


_Read = TypeVar("_Read")


class _LastRead(Generic[_Read]):
    """What `read` makes of a text, kept for the text read last: the Spanish reader and
    the Italian, Portuguese and Catalan one read each text in turn. (Told by identity: a
    cache keyed by the text would hash all of it.)"""

    def __init__(self, read: Callable[[str], _Read]) -> None:
        self._read = read
        self._last: tuple[str, _Read] | None = None

    def __call__(self, text: str) -> _Read:
        if self._last is None or self._last[0] is not text:
            self._last = (text, self._read(text))
        return self._last[1]


# `_number_runs` of a text (`type_first_matches`) and `_marks_in` (`type_first_marks`).
_runs_of = _LastRead(lambda text: tuple(_number_runs(text)))
_mark_starts = _LastRead(lambda text: _marks_in(text))


def italian_mark_starts(text: str) -> list[int]:
    """`_mark_starts` of `text` and where Italian's `snc` stands in it, in order
    (`NO_HOUSE_NUMBER_IN_ITALIAN`): looked for only where a country writing Italian is
    listed (two more passes over every text cost every reading 3%, the Spanish reader's a
    seventh: pii67)."""
    if "snc" not in text and "SNC" not in text:
        return _mark_starts(text)
    return sorted({*_mark_starts(text), *(found.start() for found in _ITALIAN_MARK.finditer(text))})


_ITALIAN_MARK = LazyPattern(r"(?<![^\W_])(?:snc|SNC)(?![^\W_])")


def _number_runs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of `text` that a street of `_STREET` may start in: of the
    characters a street holds up to its number (`_IN_A_STREET`), up to an ASCII digit
    after one that may stand right before its number (`_BEFORE_A_NUMBER`). From its
    type on, a street holds no other character, so it starts in one of these runs and its
    number is the digit at its end (`text` holding no digit beyond ASCII); only runs as
    long as a street's type and a space at the least (`_SHORTEST`: half of a
    page's runs are the space between two groups of a number). Found in the text made
    classes of characters by a byte table, which `bytes.find` skips through at C speed;
    a character beyond ASCII, read as a `?`, may be a letter, an accent, a space or a
    `º`. Past a number for each `_CHARS_PER_NUMBER` characters, the rest of the text is
    one run (a table of figures: a Python step for each number cost 15 times the
    automaton's pass over it)."""
    classes = text.encode("ascii", "replace").translate(_STREET_CLASSES)
    run_from = 0  # the digit before ends any run before it
    found = classes.find(b"b0")
    for _ in range(len(text) // _CHARS_PER_NUMBER):
        if found < 0:
            return
        number = found + 1
        stop = max(classes.rfind(b"x", run_from, found), classes.rfind(b"0", run_from, found))
        start = max(stop + 1, run_from)
        if number - start >= _SHORTEST:
            yield start, number
        run_from = number + 1
        found = classes.find(b"b0", number)
    if found >= 0:
        yield run_from, len(text)


# A text's length for each number read run by run: the example's and the bench's pages
# hold one in 100 characters or more, a table of figures one in 4 to 20.
_CHARS_PER_NUMBER = 64
# What a street holds before a number at the least: `Via ` before the day of a date
# that names it (`Via 4 Novembre 12`, `Rua 25 de Março 100`: such a street in a page's
# run of 4 went unread), `C/Ab ` before a house number.
_SHORTEST = 4
# The ASCII whitespace, which `\s` and `WORD_SPACE` read as spaces.
_ASCII_SPACES = "".join(filter(str.isspace, map(chr, range(128))))
# What a street of `_STREET` holds from its type's first letter up to its number: letters
# (its type's, its name's, `nº`'s), a type's `/` and `.`, a name's `'` and `-`, spaces, a
# comma, a `#`; a `?`, for a character beyond ASCII.
_IN_A_STREET = f"{string.ascii_letters}/.,#'-?{_ASCII_SPACES}"
# What may stand right before its number: a separator's comma or space, the end of a
# `nº` or its kin (`n.o`, `num.`, `numero`, `núm`, `No.`, `#`); a `?`, for a character
# beyond ASCII (`º`, `°`, a space).
_BEFORE_A_NUMBER = f",.#om?{_ASCII_SPACES}"
# ASCII made classes of characters for `_number_runs`: a digit "0", one that may stand
# before a number "b", another that a street holds "a", any other "x".
_STREET_CLASSES = bytes(
    ord("0") if char in string.digits
    else ord("b") if char in _BEFORE_A_NUMBER
    else ord("a") if char in _IN_A_STREET
    else ord("x")
    for char in map(chr, range(256))
)  # fmt: skip


@cache
def _type_starts() -> ahocorasick.Automaton:
    """The words a street's type starts with, in lower case (`_LOWER_CASE_STARTS`) and
    capitalised (`_CAPITALISED_STARTS`), each with its length, compiled on first use."""
    automaton = ahocorasick.Automaton()
    for word in (*_LOWER_CASE_STARTS, *_CAPITALISED_STARTS):
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def names_no_house(text: str, end: int) -> bool:
    """Whether what follows a street's number ending at `end` makes it no house's, as
    Spanish writes it: a month or a unit (`_NOT_A_HOUSE_AFTER`: "Av. Insurgentes 12 de
    mayo", "Av. Reforma 3 veces")."""
    return bool(_NOT_A_HOUSE_AFTER.match(text, end))


def inside_word(text: str, start: int) -> bool:
    """Whether `start` is inside a word: after a letter or digit, or after a `_` that
    follows one (`_Calle Luna 12_` is emphasis, `id_Calle` a word)."""
    before = text[max(0, start - 2) : start]
    return bool(before) and (before[-1].isalnum() or (before[-1] == "_" and before[:-1].isalnum()))


# The countries whose addresses Spanish or Portuguese writes, or Catalan (privacy.countries):
# where one is listed, an `S/N` alone after a street is its mark of no house number, as
# their handbooks write it in a table's cell or a list's item ("| Casa Esperanza | Av.
# Insurgentes Sur S/N |", a shelter's address, went unreported with MX listed since pii65
# read it as English's serial number: review rv64c); where none is, English's reading
# (`reads_as_a_serial_number`) keeps "The Avenida Mall S/N is printed on the receipt." quiet.
_MARK_WRITERS = frozenset(
    {
        "ES", "MX", "AR", "CO", "CL", "PE", "VE", "EC", "GT", "CU", "BO", "DO", "HN", "PY",
        "SV", "NI", "CR", "PA", "UY", "PR", "GQ", "AD", "PT", "BR", "AO", "MZ", "CV",
    }
)  # fmt: skip


def marks_listed(countries: Iterable[str]) -> bool:
    """Whether `countries` lists one whose addresses write an `S/N` alone (`_MARK_WRITERS`)."""
    return any(country.upper() in _MARK_WRITERS for country in countries)


def reads_as_a_serial_number(text: str, found: re.Match[str]) -> bool:
    """Whether the street `found` ends with an `S/N` alone (`_A_BARE_MARK`) that only an
    address around it (the caller's to tell) could make an address's: no type nor link's
    word that English never writes, no place's preposition before the street, no town
    after the mark's comma (where no English article is before the street), and no comma
    before the mark where its clause ends after it."""
    mark_start, end = found.start("number"), found.end()
    if not _A_BARE_MARK.match(text, mark_start):
        return False
    start = found.start()
    return not (
        _A_TYPE_NO_ENGLISH.match(text, start)
        or _A_LINK_WORD.search(text, start + 1, mark_start)
        or _PLACE_WORD_BEFORE_A_MARK.search(text, max(0, start - _BEFORE_WINDOW), start)
        or (
            _TOWN_AFTER_A_MARK.match(text, end)
            and not _ENGLISH_ARTICLE_BEFORE.search(text, max(0, start - _ENGLISH_WINDOW), start)
        )
        or (text.find(",", start, mark_start) >= 0 and _CLAUSE_ENDS_AFTER_A_MARK.match(text, end))
    )


def _has_address_around(text: str, start: int, end: int) -> bool:
    return bool(
        _ADDRESS_AFTER.match(text, end)
        or _LABEL_BEFORE.search(text[max(0, start - _LABEL_WINDOW) : start])
    )
