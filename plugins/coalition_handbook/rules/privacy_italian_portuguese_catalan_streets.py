"""Street addresses as Italian (Italy, San Marino, the Vatican, Ticino), Portuguese
(Portugal, Brazil) and Catalan (Catalonia, Andorra) write them, the street's type and
name first and the house number after (`Via Roma 10`, `Corso Buenos Aires 45`, `Rua
Augusta, nº 5`, `Avenida da Liberdade 110`, `Carrer d'Aragó 5`, `Passeig de Gràcia 43`),
as privacy.pii reads them (`privacy_personal_data`), where privacy.countries lists a
country that writes them so: none was read (an audit).

Read as the Spanish reader reads its own (`privacy_name_first_streets`), with its
exemptions: a number that reads as a year is a house number only with an address around
it (a label's colon before, a floor, a door or a postcode after: "la strage di Piazza
Fontana 1969" names a day, "Dirección: Via Roma 1985" an office); a number before a
month or a unit of distance, time or count is no house's ("Via Appia 10 km", "Rua Nova
3 vezes", "Corso Italia 25 aprile"). A type in small letters names a street after an
article or a preposition, as prose writes it ("abita in via Roma 10", "mora na rua das
Flores 23", "viu al carrer de Mallorca 401"); of the types that are ordinary words too
(`corso`, a course; `largo`, wide; `strada`, a road; `estrada`, a road), only with a
capital.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache, partial

import ahocorasick

from ..lazy_pattern import LazyPattern
from ..letters import CAPITAL_LETTERS, COMBINING_ACCENTS, SMALL_LETTERS
from .privacy_name_first_streets import (
    HOUSE_NUMBER,
    NO_HOUSE_NUMBER,
    NO_HOUSE_NUMBER_IN_ITALIAN,
    UNITS_AFTER_A_NUMBER,
    inside_word,
    italian_mark_starts,
    marks_listed,
    names_no_house,
    reads_as_a_serial_number,
    type_first_marks,
    type_first_matches,
    with_marks,
)
from .privacy_streets import is_year
from .soft_breaks import PARAGRAPH_SPACE, WORD_SPACE

# The countries (privacy.countries) that write their addresses so, as the French and
# German readers' (`privacy_french_german_streets`): read only where a site lists one.
ITALIAN_COUNTRIES = frozenset({"IT", "SM", "VA", "CH"})
PORTUGUESE_COUNTRIES = frozenset({"PT", "BR", "AO", "MZ", "CV"})
CATALAN_COUNTRIES = frozenset({"ES", "AD"})


@dataclass(frozen=True)
class _Language:
    """How a language writes a street's type and the little words before its name."""

    types: str
    """The types, capitalised, in full and abbreviated (a regular expression)."""
    lower_case_types: str
    """The types prose writes in small letters, as words of their own."""
    links: str
    """The little words before a name's word: `di`, `da`, `de la`, `d'`."""
    before_lower_case: str
    """The articles and prepositions after which a type in small letters names a street."""


_ITALIAN = _Language(
    types=r"Via|Viale|V\.le|Piazza|P\.zza|Piazzale|P\.le|Corso|C\.so|Largo|Vicolo|Lungomare"
    r"|Lungarno|Lungotevere|Contrada|Borgo|Salita"
    # in capitals, as a letterhead, a form or a table prints them (`_capitals_street`)
    r"|VIA|VIALE|V\.LE|PIAZZA|P\.ZZA|PIAZZALE|P\.LE|CORSO|C\.SO|LARGO|VICOLO|LUNGOMARE"
    r"|LUNGARNO|LUNGOTEVERE|CONTRADA|BORGO|SALITA",
    lower_case_types=r"via|viale|piazza|piazzale|vicolo|lungomare|lungarno|lungotevere",
    links=r"del|della|dello|dei|degli|delle|di|dell['\u2019]|d['\u2019]"
    r"|DEL|DELLA|DELLO|DEI|DEGLI|DELLE|DI|DELL['\u2019]|D['\u2019]",
    before_lower_case=r"in|a|di|da|su|per|e|tra|fra|presso|la|una|nella|sulla|alla|della"
    r"|dalla|il|del|al|nel|dal|sul",
)
_PORTUGUESE = _Language(
    types=r"Rua|R\.|Avenida|Av\.|Travessa|Tv\.|Trav\.|Largo|Pra(?:\u00e7|c)a|P\.ca|Alameda"
    r"|Al\.|Estrada|Estr\.|Beco|Cal(?:\u00e7|c)ada|Praceta|Ladeira",
    lower_case_types=r"rua|avenida|travessa|pra(?:\u00e7|c)a|alameda|praceta|ladeira",
    links=r"da|do|das|dos|de",
    before_lower_case=r"na|no|da|do|em|a|\u00e0|pela|pelo|numa|num|uma|de|para|e",
)
_CATALAN = _Language(
    types=r"Carrer|C\.|Passeig|Pg\.|Avinguda|Av\.|Avda\.|Pla(?:\u00e7|c)a|Pl\.|Rambla"
    r"|Travessera|Trav\.|Passatge|Ptge\.|Cam(?:\u00ed|i)|Via",
    lower_case_types=r"carrer|passeig|avinguda|pla(?:\u00e7|c)a|rambla|travessera|passatge",
    links=r"del|dels|de\s+la|de\s+les|de|d['\u2019]|la|les|l['\u2019]",
    before_lower_case=r"al|el|del|pel|en|a|de|la|un|una|per|i",
)
_LANGUAGES = (
    (ITALIAN_COUNTRIES, _ITALIAN),
    (PORTUGUESE_COUNTRIES, _PORTUGUESE),
    (CATALAN_COUNTRIES, _CATALAN),
)

# The months, in Italian, Portuguese and Catalan: a street may be named by a date
# (`Rua 25 de Março 100`, `Via 4 Novembre 5`, `Carrer 11 de Setembre 3`), and a month
# after a number makes it a day's.
_MONTHS = (
    r"gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre"
    r"|dicembre|janeiro|fevereiro|mar(?:\u00e7|c)o|abril|maio|junho|julho|setembro|outubro"
    r"|novembro|dezembro|gener|febrer|mar(?:\u00e7|c)|maig|juny|juliol|agost|setembre"
    r"|octubre|desembre"
)
# A word of the street's name, as the Spanish reader reads one: a capital, then letters
# of either case, accented ones too, an apostrophe's capital (`D'Annunzio`) and a hyphen's
# words (`Vittorio-Emanuele`); a saint's abbreviation (`S. Maria`, `Sta. Catarina`), a
# Roman number (`Via XX Settembre 5`) or a date (`Rua 25 de Março 100`); or in capitals
# (`VIA ROMA 12`, `_capitals_street`).
_CAPITAL = f"[A-Z{CAPITAL_LETTERS}][{COMBINING_ACCENTS}]*"
_LETTERS = f"[a-z{SMALL_LETTERS}{CAPITAL_LETTERS}{COMBINING_ACCENTS}]+"
_CAPITALS = f"[A-Z{CAPITAL_LETTERS}][A-Z{CAPITAL_LETTERS}{COMBINING_ACCENTS}]+"
_NAME_WORD = (
    f"(?:{_CAPITAL}(?:['\u2019]{_CAPITAL})?{_LETTERS}(?:-{_CAPITAL}{_LETTERS})*"
    f"|{_CAPITALS}(?:-{_CAPITALS})*"  # in capitals: `VIA ROMA 12`
    r"|S(?:ta|to|\.ta|\.to)?\.|[IVXL]{1,5}(?![^\W_])|\d{1,2}(?:[\u00ba\u00b0]|\.?o)?"
    rf"{{space}}+(?:(?:de|di){{space}}+|d['\u2019])?(?i:{_MONTHS})(?![^\W_]))"
)
# A link's words before a name: a space after them, or none after an apostrophe.
_LINKED = r"(?:(?:{links})(?:{space}+|(?<=['\u2019])))"
_STREET = (
    r"""
    (?:{types})(?:{space}+|(?<=\.))       # Via Roma, V.le Monza, Av.Paulista
    {linked}?{name}                        # Rua da Prata, Carrer d'Aragó
    (?:{space}+{linked}?{name}){0,3}       # Corso Buenos Aires, Avenida da Liberdade
    (?:{space}*,{space}*|{space}+)         # Via Roma 10, Rua Augusta, 1500
    # nº 5, n.º 5, n. 5, núm. 5, número 5
    (?:(?:[nN]\.?\s?[\u00ba\u00b0o]\.?|[nN]\.|n(?:\u00fa|u)m(?:\.|ero)?){space}*)?
    {number}
""".replace("{linked}", _LINKED)
    .replace("{name}", _NAME_WORD)
    .replace("{space}", WORD_SPACE)
)
# What an address has after its number: a floor, a door, a staircase or a flat; a
# postcode (Italy's and Spain's five digits, Portugal's `1100-053`, Brazil's
# `01310-100`, Andorra's `AD500`).
_ADDRESS_AFTER = LazyPattern(
    rf"(?:[,-]|{PARAGRAPH_SPACE})*(?:(?:int\.|interno|scala|piano|sc\.|apto\.?|apartamento|andar|sala|bloco"
    r"|pis|porta|esc\.|escala|bxs?\.?|CAP|CEP|AD\d{3})(?![^\W_])"
    r"|\d{1,2}\s?[\u00ba\u00aa]|\d{1,2}[rnt]\s?\d?[a\u00aa]?(?![^\W_])|\d{5}(?![\d-])"
    r"|\d{4,5}-\d{3}(?!\d))",
    re.IGNORECASE,
)
# (`PARAGRAPH_SPACE`, short for the patterns below)
_PS = PARAGRAPH_SPACE
# What makes the number no house's: a month after it (a date: "Corso Italia 25 aprile",
# "Rua Nova 3 de maio", "Carrer Gran 5 de març"), a unit of distance, time or count
# (`UNITS_AFTER_A_NUMBER`, the Spanish reader's too), or a title's colon ("Corso Base 2:
# introduzione") or a ratio's or a time's ("via Teams 1:1").
_NOT_A_HOUSE_AFTER = LazyPattern(
    rf"{_PS}+(?:(?:de{_PS}+|d['\u2019]|di{_PS}+)?(?:{_MONTHS})|{UNITS_AFTER_A_NUMBER})(?![^\W_])"
    rf"|{_PS}*:",
    re.IGNORECASE,
)
# A way of sending or reaching, after an English `Via` ("Contact Us Via Phone
# 1-888-373-7888", "Submit Via Form 2", "log in via Email 2 steps"): no street, where a
# site listing IT, CH or ES writes English.
_VIA_A_MEDIUM = LazyPattern(
    r"(?i:via\s+(?:E-?mail|Phone|Telephone|Text|SMS|WhatsApp|Signal|Telegram|Zoom|Teams|Skype"
    r"|Form|Portal|Post|Mail|Royal\s+Mail|Web|Website|Online|Chat|Hotline|Helpline|Fax"
    r"|Letter|App|Link|Referral|Courier|Video|Messenger|Facebook|Instagram))(?![^\W_])"
)
# A road the state numbers (`Estrada Nacional 10`, `Via Provinciale 12`): public, no
# address, as the Spanish reader leaves out a `Carretera`.
_NUMBERED_ROAD = LazyPattern(
    r"\S+\s+(?:Statale|Provinciale|Regionale|Comunale|Nacional|Municipal|Regional"
    r"|Estadual|Federal|Comarcal|Nacional)\s+\d"
)
# An English county's or borough's name before a number ("Call Alameda County 211 for
# help", a service's three digits): `Alameda` is a Portuguese street's type, and a site
# listing PT or BR writes English too; no Portuguese, Italian or Catalan street's name
# ends so (review rv60c). Looked for between the type and the number.
_AN_ENGLISH_PLACE = LazyPattern(r"\s(?:County|Parish|Borough|Township)(?![^\W_])")
# A devotion's name, a church's text ("Via Crucis 14", its fourteen stations; "la Via
# Lucis", "la Via Matris"): a street of that name only with an address around it, as a
# year (review rv60c), or a place's preposition before it (`_PLACE_BEFORE`, review rv61a).
_A_DEVOTION = LazyPattern(r"(?i:via\s+(?:crucis|lucis|matris))(?![^\W_])")
# `Corso` is a course too, with a capital in a title ("il Corso Python 3", "un Corso
# Base 2"): after an article or an owner it is one, not `in Corso Buenos Aires 45`.
_A_COURSE = LazyPattern(r"(?:Corso|CORSO)\s")
# A course's level or kind as its name ("Corso Base 1", "Corso Avanzato 2" in a list of
# courses) is a course whatever stands before it.
# A course's subject after `di` too ("Corso di Formazione 3", "Corso di Italiano 2" in a
# course catalogue; `Corso di Porta Ticinese 12` is a street).
_COURSE_NAME = LazyPattern(
    r"(?i:corso\s+(?:di\s+)?(?:Base|Avanzato|Intermedio|Introduttivo|Pratico|Teorico|Intensivo"
    r"|Breve|Online|Modulo|Livello|Formazione|Aggiornamento|Laurea|Lingua|Italiano|Inglese"
    r"|Specializzazione|Perfezionamento|Alta|Alfabetizzazione|Orientamento|Primo|Sicurezza"
    r"|Recupero|Sostegno|Informatica|Studi|Dottorato|Mediazione|Mediatori|Operatori)\s)"
)
_COURSE_BEFORE = LazyPattern(
    r"(?<![^\W_])(?i:il|lo|un|uno|questo|quel|nostro|vostro|del|nel|al|dal|sul)\s+\Z"
)
# A verb or a word of dwelling or of a place before that article makes the `Corso` a
# street ("Abita al Corso Garibaldi 5", "Vive sul Corso Vittorio Emanuele 5", "La sede
# è al Corso Umberto 12"), where a course's is one of joining or telling ("iscriviti al Corso
# Python 3", "informazioni sul Corso Base 2"; "il sito sul Corso Python 3", "si trova
# nel Corso Python 3": no `sito`, no `nel`): those were missed. Finding says a place
# only reflexive ("si trova al Corso Garibaldi 5", not "Trova al Corso Python 3 le
# risorse") and a home only with its verb ("La casa è al Corso Garibaldi 5", not
# "parlato di casa al Corso Antitratta 2"): review rv62b, those were reported.
_DWELLING_BEFORE = LazyPattern(
    r"(?<![^\W_])(?i:abit[a-z]*|viv[eo]|vivono|viveva|vivevano|risied[a-z]*|resident[ei]"
    r"|domiciliat[oaie]|situat[oaie]|ubicat[oaie]|(?:si|ci)\s+(?:trova|trovano|trovava)"
    r"|casa\s+(?:\u00e8|era)|sede|ospitat[oaie]|alloggiat[oaie]|indirizzo)"
    r"(?:\s+(?:\u00e8|era|sta|stava))?"
    r"\s+(?i:al|sul)\s+\Z"
)
_DWELLING_WINDOW = 24
# An Italian postcode after it, a `CAP`'s maybe: a street's, not a course's, which a room
# or a floor after its number may follow too ("il Corso Excel 2, sala B"); a town after
# it, not a count's noun ("il Corso Python 2, 12345 iscritti": review rv62b).
_POSTCODE_AFTER = LazyPattern(
    rf"(?:[,-]|{PARAGRAPH_SPACE})*(?:CAP\s*)?\d{{5}}(?![\d-])(?!{PARAGRAPH_SPACE}+[a-z])"
)
# A `Corso` of one capitalised word, its number after a space ("Corso Antitratta 2", a
# training handbook's course; "Corso Garibaldi 5", a street), which no list of a course's
# subjects tells apart: a course (quiet) unless a place's preposition ("abita in Corso
# Garibaldi 5"), a comma or `nº` before the number, or an address around it says a
# street (review rv60c).
_PLACE_BEFORE = LazyPattern(r"(?<![^\W_])(?i:in|a|presso|su|da|verso|lungo|tra|fra)\s+\Z")
# What makes an Italian street in capitals an address (`VIA ROMA 12`, `CORSO ITALIA 5,
# 00198 ROMA`: pii68, missed with IT listed): its line's, a list's item's or a table's
# cell's start, a label's colon, a place's preposition before it, or an address after it;
# not a heading's or a poster's words in a sentence ("SEGUI IL CORSO PYTHON 3", "CONTACT
# US VIA EMAIL 2"). Each word of its name a capital's (`_NAME_WORD` reads `ROMA`).
_CAPITALS_TYPE = LazyPattern(r"(?:[A-Z]\.)?[A-Z]{2}")  # not C.Mallorca
_CAPITALS_STREET_BEFORE = LazyPattern(
    r"(?:(?:\A|\n)[ \t>]*(?:[-+*\u2022#]+|\d{1,3}[.)])?|[|:]|<t[dh](?:\s[^<>]*)?>"
    r"|(?<![^\W_])(?i:in|a|presso|al|sul|su|da))[ \t*_]*\Z"
)
_CAPITALS_WINDOW = 24
# A word in capitals after a type that is not (but a Roman number's, `Via XX Settembre
# 5`): an English abbreviation's ("Transfer Via USB 3", "Send it Via PDF 2").
_A_WORD_IN_CAPITALS = LazyPattern(
    rf"(?<![^\W_])(?![IVXL]+(?![^\W_]))[A-Z{CAPITAL_LETTERS}]{{2}}(?![a-z{SMALL_LETTERS}])"
)
# A shop's or a firm's word right before a street's name and its `snc`: a partnership
# named after its street ("Tabaccheria Corso Italia snc", "Bar Piazza Duomo snc": pii68,
# reported), not a shop at a street with no number, which a comma or a postcode says
# ("Tabaccheria, Corso Italia snc", "Bar Via Roma snc, 00100 Roma").
_A_FIRMS_WORD_BEFORE = LazyPattern(
    r"(?<![^\W_])(?i:tabaccheria|bar|caff(?:e|\u00e8)|ristorante|pizzeria|trattoria|osteria"
    r"|farmacia|edicola|panificio|forno|macelleria|alimentari|ferramenta|cartoleria|profumeria"
    r"|lavanderia|gelateria|pasticceria|enoteca|merceria|officina|autofficina|albergo|hotel"
    r"|agenzia|studio|emporio|libreria|parrucchiere|drogheria|fioreria|ottica)[ \t]+\Z"
)
# A type of one letter (`R. Augusta, 1500`, Brazil's; `C. Mallorca 401`, Catalonia's and
# Spain's), an initial's too ("R. Kelly", "C. Ronaldo 7", a player's shirt) and a
# sentence's last letter ("Vitamin C. Take 500 mg", "Medicare Part C. Plans 500", "at 100
# °C. After 200 seconds"): a name's initial unless more says a street: a `nº` before its
# number or an address around it (an address's label, not any colon), a place's
# preposition and a street's article before it ("Mora na R. Augusta 15", "Visc al C.
# Major 12", "en la C. Mallorca 4"); where a line, a list's item, a cell or a bracket
# starts, a Portuguese address's shape (`R. Augusta, 1500`, `- R. das Flores, 23, São
# Paulo`); after `en` or `em`, a link's word after the type (`R. das Flores 23`), or a word
# of dwelling before it (`Vivo en C. Mallorca 4`): not a bare number of three digits
# ("Pienso en C. Ronaldo 700", a shirt's: pii65, reported). A link's word before one of
# the commonest Portuguese and Brazilian surnames is a name's (`R. dos Santos, 45, São
# Paulo`, a person, an age and a town: pii65, reported); only those that no well-known
# street is named by alone (not `Carmo`, `Cruz`, `Rosa`, `Graça`, `Anjos`: Lisbon's).
# Where a sentence starts, or after an abbreviation's full stop, nothing: "O tráfico
# cresce. R. da Silva 12 afirma", "Tel. C. Smith 555"; nor a bare number or a link's word
# where a line starts: "C. Ronaldo 700", "R. dos Santos 123"
# (review rv62b's leftover: those were reported). Never after another letter's full stop
# ("8 U.S.C. Section 1101", a law's; "J. R. Smith 123"; "el 44 a. C. Roma 300", a year
# before Christ), a person's title ("Dr. R. Santos") nor as a code of law's `C.`
# ("conforme al C. Penal 318"). After any other word it is a name's ("según C. Martínez
# 125", a page; "el C. Penal 318", a law's article; review rv62b: those were reported).
_ONE_LETTER_TYPE = LazyPattern(r"[RC]\.")
_ONE_LETTER_LINKED = LazyPattern(r"[RC]\.\s*(?:(?:da|das|do|dos|de|del|dels)\s|d['\u2019])")
_NUMBER_SIGN_BEFORE = LazyPattern(
    r"(?:[nN]\.?\s?[\u00ba\u00b0o]\.?|[nN]\.|n(?:\u00fa|u)m(?:\.|ero)?)\s*\Z"
)
_SHORTEST_HOUSE_AFTER_AN_INITIAL = 3
_ONE_LETTER_PLACE_BEFORE = LazyPattern(r"(?<![^\W_])(?i:na|\u00e0|pela|numa|al|en\s+la)\s+\Z")
# (A list's dash or number only where its line starts: "Vitamin A-C. Take 500 mg" is none.)
_ONE_LETTER_LINE_START_BEFORE = LazyPattern(
    r"(?:(?:\A|\n)[ \t]*(?:[-+\u2022]|\d{1,3}[.)])?|[(\[|>;])[ \t*_]*\Z"
)
_ONE_LETTER_EN_BEFORE = LazyPattern(r"(?<![^\W_])(?i:en|em)[ \t*_]*\Z")
_ONE_LETTER_DWELLING_BEFORE = LazyPattern(
    r"(?<![^\W_])(?i:viv[eo]|viven|vivimos|viv(?:i|\u00ed)a|resid[eo]|residen|estamos"
    r"|situad[oa]s?|ubicad[oa]s?|sede|oficina|domicilio|mor[ao]|moram|moramos|localizad[oa]s?"
    r"|escrit(?:o|\u00f3)rio)\s+(?:en|em)[ \t*_]*\Z"
)
_ONE_LETTER_DWELLING_WINDOW = 24
_A_SURNAME_LINKED = LazyPattern(
    r"[RC]\.\s*(?:da|das|do|dos|de)\s+(?:Silva|Santos|Souza|Sousa|Oliveira|Costa|Pereira"
    r"|Ferreira|Almeida|Carvalho|Nascimento|Lima|Ara(?:u|\u00fa)jo|Reis|Neves|Cunha|Mota|Fonseca"
    r"|Jesus|Andrade|Moraes|Morais|Melo|Mello|Barros|Freitas|Medeiros|Assis|Paula|Castro)(?![^\W_])"
)
# A town after the house's number, its comma before ("R. das Flores, 23, São Paulo"), or
# a neighbourhood after a dash, as Brazil writes it ("R. das Flores, 23 - Centro": pii65),
# not a word in small letters ("R. Smith, 25, of Leeds").
_A_TOWN_AFTER = LazyPattern(rf"[ \t]*(?:,|[ \t][-\u2013])[ \t]*{_CAPITAL}{_LETTERS}")
# A code of law's name after its `C.` (Código): "conforme al C. Penal 318", an article.
_A_CODE_OF_LAW = LazyPattern(
    r"C\.\s*(?:Penal|Civil|Procesal|Penitenciari[oa]|Laboral|Tributari[oa]|Mercantil)(?![^\W_])"
)
# An address's label before it: any label's colon is not one ("Autor: C. Mart\u00ednez
# 12", "Nota: C. Ronaldo 7", "Ver: C. Penal 318": review rv62b, those were reported); a
# shelter's is ("Abrigo: R. das Flores, 23 - Centro": pii65, it passed).
_ONE_LETTER_LABEL_BEFORE = LazyPattern(
    r"(?<![^\W_])(?i:direcci(?:\u00f3|o)n|domicilio|endere(?:\u00e7|c)o|morada"
    r"|abrigo|albergue|refugio|ref(?:\u00fa|u)gio|acolhimento|alojamento|alojamiento|acogida"
    r"|adre(?:\u00e7|c)a|indirizzo|address|sede|oficina|escrit(?:\u00f3|o)rio"
    r"|resid(?:\u00ea|e)ncia|rua|calle|carrer|ubicaci(?:\u00f3|o)n|local)[ \t*_]*:[ \t*_]*\Z"
)
_ONE_LETTER_LABEL_WINDOW = 24
_INITIAL_OR_TITLE_BEFORE = LazyPattern(
    r"(?<![^\W_])(?:[^\W\d_]|Dr|Dra|Sr|Sra|Srta|Prof|Profa|Mr|Mrs|Ms|Mx|Sig|Sig\.ra|Eng)"
    r"\.\s*\Z"
)
# A label's colon before the street ("Indirizzo: Via Roma 1985", "Morada: Rua Nova 1990").
_LABEL_BEFORE = LazyPattern(r":[\s*_]*\Z")
_LABEL_WINDOW = 8


def italian_portuguese_catalan_streets(
    text: str,
    countries: Iterable[str] = (*ITALIAN_COUNTRIES, *PORTUGUESE_COUNTRIES, *CATALAN_COUNTRIES),
) -> Iterator[tuple[int, int]]:
    """(start, end) of every street address in `text` written as Italian, Portuguese or
    Catalan write them, where `countries` lists a country that writes them so (by
    default, all three), in the order of their starts; one whose number reads as a year
    only with an address around it."""
    countries = tuple(countries)
    reading = _reading_of(countries)
    if reading is None:
        return
    automaton, patterns, patterns_of_marks, mark_starts = reading
    serial_numbers_too = not marks_listed(countries)
    last_end = 0
    # and those with no house number ("Rua Augusta, s/n", `type_first_marks`)
    for found in with_marks(
        type_first_matches(text, automaton, patterns),
        type_first_marks(text, automaton, patterns_of_marks, mark_starts),
    ):
        if found.start() < last_end or inside_word(text, found.start()):
            continue
        # and Spanish's, whose `Av.`, `Avda.` and `Via` Catalan writes too: with ES
        # listed, "Av. Insurgentes 12 de mayo" and "Av. Reforma 3 veces", which the
        # Spanish reader leaves, were found here (review rv60b)
        if _NOT_A_HOUSE_AFTER.match(text, found.end()) or names_no_house(text, found.end()):
            continue
        reads_as_other = (
            is_year(found["number"])
            or _a_devotion(text, found.start())
            or (serial_numbers_too and reads_as_a_serial_number(text, found))
        )
        if reads_as_other and not _has_address_around(text, *found.span()):
            continue
        if _NUMBERED_ROAD.match(text, found.start()) or _a_course(text, found):
            continue
        if _ONE_LETTER_TYPE.match(text, found.start()) and not _one_letter_street(text, found):
            continue
        if _VIA_A_MEDIUM.match(text, found.start()) or _AN_ENGLISH_PLACE.search(
            text, found.start(), found.start("number")
        ):
            continue
        if _CAPITALS_TYPE.match(text, found.start()):
            if not _capitals_street(text, found):
                continue
        elif _A_WORD_IN_CAPITALS.search(text, found.start(), found.start("number")):
            continue  # Send it Via PDF 2, Transfer Via USB 3
        if found["number"] in {"snc", "SNC"} and _a_firms_name(text, found):
            continue
        last_end = found.end()
        yield found.span()


# What `type_first_matches` reads a language's streets with: the automaton of the words
# their types start with, and what gives the patterns, compiled where a type starts (of
# streets with a house number, and of those with none, `type_first_marks`).
_Patterns = Callable[[], tuple[re.Pattern[str], re.Pattern[str], LazyPattern]]
# (and where a mark of no house number may start: `snc` too where Italian is read)
_Reading = tuple[ahocorasick.Automaton, _Patterns, _Patterns, Callable[[str], list[int]] | None]


@lru_cache(maxsize=64)
def _reading_of(countries: tuple[str, ...]) -> _Reading | None:
    """`_reading` of the languages that `countries` write, if any (a site's countries
    are the same for each text: looked up once)."""
    listed = {country.upper() for country in countries}
    languages = tuple(language for writers, language in _LANGUAGES if listed & writers)
    return _reading(languages) if languages else None


@cache
def _reading(languages: tuple[_Language, ...]) -> _Reading:
    """The reading of the streets of `languages` (`_Reading`)."""
    types = "|".join(language.types for language in languages)
    lower_case = "|".join(language.lower_case_types for language in languages)
    automaton = ahocorasick.Automaton()
    for word in _type_words(types) | _type_words(lower_case):
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    italian = _ITALIAN in languages
    return (
        automaton,
        partial(_patterns, languages, HOUSE_NUMBER),
        partial(_patterns, languages, NO_HOUSE_NUMBER_IN_ITALIAN if italian else NO_HOUSE_NUMBER),
        italian_mark_starts if italian else None,
    )


@cache
def _patterns(
    languages: tuple[_Language, ...], number: str
) -> tuple[re.Pattern[str], re.Pattern[str], LazyPattern]:
    """The patterns of a street of `languages` with a capitalised type and with one in
    small letters, ending with `number` (a house number or the mark of none), and of the
    words before the latter, compiled on first use: a build whose checks come from the
    cache never reads them."""
    types = "|".join(language.types for language in languages)
    lower_case = "|".join(language.lower_case_types for language in languages)
    links = "|".join(language.links for language in languages)
    before = "|".join(language.before_lower_case for language in languages)
    street = _STREET.replace("{links}", links).replace("{number}", number)
    return (
        re.compile(street.replace("{types}", types), re.VERBOSE),
        re.compile(street.replace("{types}", lower_case), re.VERBOSE),
        LazyPattern(rf"(?<![^\W_])(?:(?:{before})\s+|[lL]['\u2019])\Z"),
    )


def _type_words(types: str) -> set[str]:
    """The words each type of `types` (a regular expression of alternatives, some with a
    `(?:ç|c)` or an escaped `.`) starts with: up to its first group, unescaped."""
    return {
        alternative.split("(?:")[0].replace("\\.", ".")
        for alternative in re.split(r"\|(?![^(]*\))", types)
    } - {""}


def _has_address_around(text: str, start: int, end: int) -> bool:
    return bool(
        _ADDRESS_AFTER.match(text, end)
        or _LABEL_BEFORE.search(text[max(0, start - _LABEL_WINDOW) : start])
    )


def _one_letter_street(text: str, found: re.Match[str]) -> bool:
    """Whether `found`, whose type is of one letter (`_ONE_LETTER_TYPE`), is a street: a
    `nº`, an address after it or an address's label before it, a place's preposition
    before it, a Portuguese address's shape where a line starts (`_line_start_street`),
    a word of dwelling before `en` or `em`, or after `en` or `em` a link's word after its
    type (`_linked`); no letter's full stop, a person's title nor a code of law's name."""
    start, number_start = found.start(), found.start("number")
    window = max(0, start - _LABEL_WINDOW)
    if _INITIAL_OR_TITLE_BEFORE.search(text, window, start) or _A_CODE_OF_LAW.match(text, start):
        return False
    if (
        _NUMBER_SIGN_BEFORE.search(text, start, number_start)
        or _ADDRESS_AFTER.match(text, found.end())
        or _ONE_LETTER_LABEL_BEFORE.search(text, max(0, start - _ONE_LETTER_LABEL_WINDOW), start)
    ):
        return True
    if _ONE_LETTER_PLACE_BEFORE.search(text, window, start):
        return True
    if _ONE_LETTER_LINE_START_BEFORE.search(text, window, start):
        return _line_start_street(text, found)
    if _ONE_LETTER_DWELLING_BEFORE.search(text, max(0, start - _ONE_LETTER_DWELLING_WINDOW), start):
        return True
    # (or a number of three digits or more and a town after: "Trabajamos en C. Mallorca
    # 401, Barcelona", unreported since pii65 quieted "Pienso en C. Ronaldo 700": rv64c)
    return bool(_ONE_LETTER_EN_BEFORE.search(text, window, start)) and (
        _linked(text, start)
        or (
            len(found["number"]) >= _SHORTEST_HOUSE_AFTER_AN_INITIAL
            and bool(_A_TOWN_AFTER.match(text, found.end()))
        )
    )


def _linked(text: str, start: int) -> bool:
    """Whether the one-letter type at `start` has a link's word after it (`R. das Flores`)
    that no common surname follows (`R. dos Santos`, a name: `_A_SURNAME_LINKED`)."""
    return bool(_ONE_LETTER_LINKED.match(text, start)) and not _A_SURNAME_LINKED.match(text, start)


def _line_start_street(text: str, found: re.Match[str]) -> bool:
    """Whether `found`, a one-letter type where a line, an item, a cell or a bracket
    starts, has a Portuguese address's shape: a comma between its name and a number of
    three digits or more (`R. Augusta, 1500`), or a link's word after its type and a
    town after its number (`R. das Flores, 23, São Paulo`, `_linked`); a bare number or
    link's word is a name's ("C. Ronaldo 700", "R. dos Santos 123")."""
    start, number_start = found.start(), found.start("number")
    if (
        text.find(",", start, number_start) >= 0
        and len(found["number"]) >= _SHORTEST_HOUSE_AFTER_AN_INITIAL
    ):
        return True
    return _linked(text, start) and bool(_A_TOWN_AFTER.match(text, found.end()))


def _capitals_street(text: str, found: re.Match[str]) -> bool:
    """Whether `found`, a street whose type is in capitals, has an address's place around
    it (`_CAPITALS_STREET_BEFORE`, `_has_address_around`)."""
    start = found.start()
    return _has_address_around(text, start, found.end()) or bool(
        _CAPITALS_STREET_BEFORE.search(text, max(0, start - _CAPITALS_WINDOW), start)
    )


def _a_firms_name(text: str, found: re.Match[str]) -> bool:
    """Whether the street `found`, with `snc` for its number, ends a firm's name
    (`_A_FIRMS_WORD_BEFORE`) that no address after it makes a shop's address."""
    start = found.start()
    return bool(
        _A_FIRMS_WORD_BEFORE.search(text, max(0, start - _CAPITALS_WINDOW), start)
    ) and not _ADDRESS_AFTER.match(text, found.end())


def _a_devotion(text: str, start: int) -> bool:
    """Whether the street at `start` is a devotion's name (`_A_DEVOTION`) that no place's
    preposition before it makes a street ("abita in Via Crucis 14": review rv61a)."""
    return bool(_A_DEVOTION.match(text, start)) and not _PLACE_BEFORE.search(
        text, max(0, start - _LABEL_WINDOW), start
    )


def _a_course(text: str, found: re.Match[str]) -> bool:
    """Whether the street `found` is a `Corso` named by a course's level or kind, or one
    after an article or an owner where no dwelling's word (`_DWELLING_BEFORE`) nor a
    postcode after it says a street ("il Corso Italia 5, 20122 Milano"; "il Corso Italia
    5" alone reads as "il Corso Python 3", a course, and stays quiet). A `Corso` of one
    capitalised word with no article is read as a street ("Corso Garibaldi 5" in a
    contact list), though a course no list of subjects knows reads alike ("Corso
    Antitratta 2"): a false alarm an editor allows, rather than a survivor's address
    unreported."""
    start = found.start()
    if not _A_COURSE.match(text, start):
        return False
    if _COURSE_NAME.match(text, start):
        return True
    return bool(_COURSE_BEFORE.search(text, max(0, start - _LABEL_WINDOW), start)) and not (
        _DWELLING_BEFORE.search(text, max(0, start - _DWELLING_WINDOW), start)
        or _POSTCODE_AFTER.match(text, found.end())
    )
