"""privacy.pii against independent oracles, on seeded prose (differential fuzzing).

Sentences in English and Spanish, each with one planted item: a phone number in one of
many writings, an e-mail address, a street address, or a decoy that must not be found
(emergency and short numbers, privacy.allow's hotlines, dates, times, amounts, statute
and ISBN numbers, versions, ZIP codes, IP addresses). Each is put in emphasis, a link's
text, a list item or a table cell, and some are wrapped over a soft line break. Every
planted item must be found exactly where it is written, and every decoy not at all; a
planted phone number is also one that Google's libphonenumber (`phonenumbers`) finds
there, valid, and a plain e-mail address one that a plain RFC 5322 pattern finds.
Derandomised: the seed is fixed, and the sentences are the same on every run.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

import phonenumbers
import pytest

from coalition_handbook.rules.privacy_allow_list import AllowList
from coalition_handbook.rules.privacy_personal_data import find_personal_data
from coalition_handbook.rules.privacy_reported import reported_personal_data
from coalition_handbook.source_map import UNCHANGED

PHONE, EMAIL, STREET, DECOY = "phone number", "e-mail address", "street address", "decoy"
# As the example handbook's mkdocs.yml lists them.
ALLOW = ["1-888-373-7888", "233733", "1-866-347-2423", "1-800-843-5678", "911", "711"]
COUNTRIES = ("GB", "ES", "MX", "DE", "FR", "IN")
SENTENCES = 1500


@dataclass(frozen=True)
class Planted:
    text: str
    start: int
    end: int
    kind: str
    region: str | None  # a phone number's country, for the oracle
    national: bool  # written as its country writes it at home: read where countries are listed


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


# Each writing: its region, whether it is national, and how it is written from random digits.
_PHONE_WRITINGS: list[tuple[str, bool, Callable[[random.Random], str]]] = [
    ("US", False, lambda r: f"({r.randint(201, 989)}) {r.randint(200, 999)}-{_digits(r, 4)}"),
    ("US", False, lambda r: f"{r.randint(201, 989)}-{r.randint(200, 999)}-{_digits(r, 4)}"),
    ("US", False, lambda r: f"{r.randint(201, 989)}.{r.randint(200, 999)}.{_digits(r, 4)}"),
    ("US", False, lambda r: f"+1 {r.randint(201, 989)} {r.randint(200, 999)} {_digits(r, 4)}"),
    ("US", False, lambda r: f"1-{r.randint(201, 989)}-{r.randint(200, 999)}-{_digits(r, 4)}"),
    ("US", False, lambda r: f"{r.randint(201, 989)}{r.randint(200, 999)}{_digits(r, 4)}"),
    (
        "US",
        False,
        lambda r: f"+1\u00a0{r.randint(201, 989)}\u00a0{r.randint(200, 999)}\u00a0{_digits(r, 4)}",
    ),
    ("GB", False, lambda r: f"+44 20 7{_digits(r, 3)} {_digits(r, 4)}"),
    ("GB", False, lambda r: f"+44 (0)20 7{_digits(r, 3)} {_digits(r, 4)}"),
    ("GB", False, lambda r: f"0044 20 7{_digits(r, 3)} {_digits(r, 4)}"),
    ("GB", True, lambda r: f"020 7{_digits(r, 3)} {_digits(r, 4)}"),
    ("GB", True, lambda r: f"07{r.randint(400, 999)} {_digits(r, 6)}"),
    ("ES", False, lambda r: f"+34 6{_digits(r, 2)} {_digits(r, 3)} {_digits(r, 3)}"),
    ("ES", False, lambda r: f"0034 6{_digits(r, 2)} {_digits(r, 3)} {_digits(r, 3)}"),
    ("ES", True, lambda r: f"6{_digits(r, 2)} {_digits(r, 3)} {_digits(r, 3)}"),
    ("ES", True, lambda r: f"91 {_digits(r, 3)} {_digits(r, 2)} {_digits(r, 2)}"),
    ("MX", False, lambda r: f"+52 55 {_digits(r, 4)} {_digits(r, 4)}"),
    ("MX", True, lambda r: f"55 {_digits(r, 4)} {_digits(r, 4)}"),
    ("DE", False, lambda r: f"+49 30 {_digits(r, 8)}"),
    ("DE", True, lambda r: f"030 {_digits(r, 8)}"),
    ("DE", True, lambda r: f"033203 {_digits(r, 5)}"),
    ("FR", False, lambda r: f"+33 6 {' '.join(_digits(r, 2) for _ in range(4))}"),
    ("FR", True, lambda r: f"01 {' '.join(_digits(r, 2) for _ in range(4))}"),
    ("IN", False, lambda r: f"+91 9{_digits(r, 4)} {_digits(r, 5)}"),
    ("IN", True, lambda r: f"09{_digits(r, 4)} {_digits(r, 5)}"),
]
_NAMES = ["jane", "maria.lopez", "j_doe", "ana-belen", "t.nguyen2", "josé", "JANE.DOE"]
_DOMAINS = ["example.org", "gmail.com", "mail.example.co.uk", "correo.es", "bücher.de"]
_EMAIL_WRITINGS: list[Callable[[str, str], str]] = [
    lambda name, domain: f"{name}@{domain}",
    lambda name, domain: f"{name}+refugio@{domain}",
    lambda name, domain: f"{name} [at] {domain.replace('.', ' [dot] ')}",
    lambda name, domain: f"{name}(at){domain.replace('.', '(dot)')}",
    lambda name, domain: f"{name}\uff20{domain}",
]
_STREET_NAMES = ["Elm", "Oak", "Maple", "Fifth", "Bolívar", "Pine Hill"]
_STREET_TYPES = ["Street", "St.", "Avenue", "Ave", "Road", "Boulevard", "Lane", "Drive"]
_SPANISH_NAMES = ["Luna", "de Alcalá", "Mayor", "del Sol", "San Juan"]
# House numbers that read as no year (a year is a house number only with an address
# around it: `privacy_name_first_streets`).
_STREET_WRITINGS: list[Callable[[random.Random], str]] = [
    lambda r: f"{r.randint(1, 999)} {r.choice(_STREET_NAMES)} {r.choice(_STREET_TYPES)}",
    lambda r: f"{r.randint(1, 999)} N. {r.choice(_STREET_NAMES)} {r.choice(_STREET_TYPES)}",
    lambda r: f"Calle {r.choice(_SPANISH_NAMES)} {r.randint(1, 999)}",
    lambda r: f"Avenida {r.choice(_SPANISH_NAMES)} {r.randint(1, 999)}",
    lambda r: f"Av. Insurgentes Sur {r.randint(1, 999)}",
    lambda r: f"{r.randint(1, 999)} Calle {r.choice(['Luna', 'Mayor', 'del Sol'])}",
]
DECOYS = [
    *("911", "988", "711", "233733", "1-888-373-7888", "1-866-347-2423", "2026-12-05"),
    *("12/05/2026", "05.12.2026", "10:30", "9:00-17:00", "09.30-17.00", "$1,234.56"),
    *("€1.234,56", "ISBN 978-0-306-40615-7", "ISBN 0-306-40615-2", "ISBN 0306406152"),
    *("22 U.S.C. 7102", "18 U.S.C. § 1591", "8 CFR 214.11", "Pub. L. 106-386", "v2.3.14"),
    *("45.5%", "02139", "MA 02110-1301", "2026", "192.168.10.254", "order #0612345678"),
    *("Case No. 2:24-cv-01234", "page 123-145", "1,000,000", "2:30 p.m.", "logo@2x.png"),
    *("1 500 000 personas", "el 5 de diciembre de 2026", "40.7, -74.0"),
]
_ENGLISH = [
    "Call {} for help.",
    "If you need to reach Maria, try {} after work.",
    "Our case manager can be reached at {} during the week.",
    "Report it: {}.",
]
_SPANISH = [
    "Llame al {} para pedir ayuda.",
    "Su correo es {}, según la ficha.",
    "Vive en {}, cerca del mercado.",
    "{} aparece en el folleto.",
]
_MARKS = [("", ""), ("**", "**"), ("*", "*"), ("_", "_"), ("[", "](https://example.org/a)")]


def _planted(rng: random.Random) -> tuple[str, str, str | None, bool]:
    """(written, kind, region, national) of one item."""
    roll = rng.random()
    if roll < 0.5:
        while True:  # a number libphonenumber knows as valid: the oracle's ground truth
            region, national, write = rng.choice(_PHONE_WRITINGS)
            written = write(rng)
            parsed = phonenumbers.parse(written, region)
            if phonenumbers.is_valid_number_for_region(parsed, region):
                return written, PHONE, region, national
    if roll < 0.7:
        write_email = rng.choice(_EMAIL_WRITINGS)
        return write_email(rng.choice(_NAMES), rng.choice(_DOMAINS)), EMAIL, None, False
    if roll < 0.85:
        return rng.choice(_STREET_WRITINGS)(rng), STREET, None, False
    return rng.choice(DECOYS), DECOY, None, False


def sentences(seed: int, count: int) -> list[Planted]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        written, kind, region, national = _planted(rng)
        spaces = [index for index, char in enumerate(written) if char == " "]
        opening, closing = rng.choice(_MARKS)
        if spaces and rng.random() < 0.15 and opening != "[":  # wrapped over a soft break
            cut = rng.choice(spaces)
            written = f"{written[:cut]}\n{written[cut + 1 :]}"
        before, after = rng.choice(_SPANISH if rng.random() < 0.4 else _ENGLISH).split("{}")
        before = rng.choice(["", "- ", "| Contact | "]) + before
        text = f"{before}{opening}{written}{closing}{after}"
        start = len(before) + len(opening)
        out.append(Planted(text, start, start + len(written), kind, region, national))
    return out


def rule_spans(text: str, countries: tuple[str, ...]) -> set[tuple[str, int, int]]:
    """(kind, start, end) of what privacy.pii reports in a page's `text`."""
    kinds = {(start, end): kind for kind, start, end in find_personal_data(text, None, countries)}
    allowed = AllowList.of(ALLOW, countries)
    reported = reported_personal_data("index.md", text, text, UNCHANGED, allowed)
    return {(kinds.get((data.start, data.end), "other"), data.start, data.end) for data in reported}


def oracle_phones(text: str, region: str) -> set[tuple[int, int]]:
    matcher = phonenumbers.PhoneNumberMatcher(text, region, phonenumbers.Leniency.VALID)
    return {(match.start, match.end) for match in matcher}


# A plain e-mail address as RFC 5322's dot-atom writes it, Unicode letters allowed (RFC 6531).
_ORACLE_EMAIL = re.compile(
    r"(?<![\w.+-])[^\W_][\w.+-]*@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-]|\.\w)"
)


# Markdown's `_` emphasis marks, at a word's start or end.
_EMPHASIS = re.compile(r"(?<![^\W_])_+|_+(?![^\W_])")


@pytest.mark.parametrize("countries", [(), COUNTRIES])
def test_planted_personal_data_is_found_where_it_is_and_decoys_are_not(
    countries: tuple[str, ...],
) -> None:
    disagreements = []
    for planted in sentences(seed=20261205, count=SENTENCES):
        found = rule_spans(planted.text, countries)
        expected = set()
        if planted.kind != DECOY and (countries or not planted.national):
            expected = {(planted.kind, planted.start, planted.end)}
        if found != expected:
            disagreements.append((planted.text, sorted(found), sorted(expected)))
    assert disagreements == []


def test_the_oracles_find_the_planted_phone_numbers_and_plain_addresses_too() -> None:
    """The ground truth is theirs too: libphonenumber finds each planted number, valid in
    its region, where the rule does; the plain pattern each address written plainly."""
    disagreements = []
    for planted in sentences(seed=20261205, count=SENTENCES):
        span = (planted.start, planted.end)
        if planted.kind == PHONE and planted.region is not None:
            # A soft line break, a space to the reader: libphonenumber reads none across.
            shown = planted.text.replace("\n", " ")
            oracle = oracle_phones(shown, planted.region)
            # libphonenumber takes the `[` of a link's text as a number's opening bracket
            oracle = {(start + int(planted.text[start] == "["), end) for start, end in oracle}
            if span not in oracle:
                disagreements.append((planted.text, PHONE, sorted(oracle)))
        elif planted.kind == EMAIL and "@" in planted.text:
            shown = _EMPHASIS.sub(" ", planted.text)  # `_jane@x.org_` as the reader sees it
            oracle = {match.span() for match in _ORACLE_EMAIL.finditer(shown)}
            if span not in oracle:
                disagreements.append((planted.text, EMAIL, sorted(oracle)))
    assert disagreements == []
