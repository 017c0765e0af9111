"""German forms of a noun and its adjectives, by the endings German declines regularly.

A site whose `theme.language` is German (`de`, `de-CH`, `de-AT`) finds its forms as German
texts write them: in the plural and in the cases a noun and its adjectives take there
(`Betroffene`: `die Betroffenen`, `ein Betroffener`; `Opfer`: `den Opfern`, `des
Opfers`; `Täterin`: `Täterinnen`; `sexuelle Ausbeutung`: `vor sexueller Ausbeutung`),
not the English plural of the last word (`Betroffenes`). See `forms.inflection_language`.

No library was taken: the one that lists German nouns' declensions (`german-nouns`, from
Wiktionary) takes about 3 s and 250 MB to load, its last release is of 2022, and a check
starts in a fraction of that (DESIGN 10). So these are rules, and only those an ending
tells surely: a noun in `-ung`, `-heit`, `-keit`, `-schaft`, `-ion` is feminine and takes
`-en`; one in `-er` or `-el` takes `-n` in the dative plural and `-s` in the genitive;
one in `-ling`, `-iv`, `-eur`, `-ig` takes `-e` and `-en` (`Flüchtlinge`). A plural
German makes otherwise (with an umlaut: `Fall`, `Fälle`, `Vertrag`, `Verträge`; in `-er`:
`Kind`, `Kinder`; in `-e` after another ending: `Gesetz`, `Gesetze`) is no ending's to
tell: ADOPTING asks to list it as an alias. Which nouns take `-e` is no ending's either:
`Band` would make `Bande` (a gang), `Akt` `Akte` (a file), `Rat` `Rate`, `Arm` `Arme`, and
those found where the noun is not would fail an editor's build. A form the rules
make that no text writes ("Ausbeutungen") is harmless.
"""

from __future__ import annotations

from functools import lru_cache

# Endings of feminine nouns whose plural, and every case of it, adds `-en`
# (`Ausbeutung`, `Ausbeutungen`; `Freiheit`, `Arbeit`, `Gemeinschaft`, `Organisation`,
# `Realität`, `Polizei`, `Tendenz`, `Toleranz`).
_FEMININE_EN = ("ung", "heit", "keit", "eit", "schaft", "ion", "tät", "ei", "enz", "anz")
# Endings of masculine and neuter nouns whose plural adds `-e` (`-en` in the dative), with
# no umlaut, and whose genitive adds `-s`: `Flüchtling`, `Häftling`, `Akteur`, `Motiv`,
# `König`. Of the 201 nouns in these endings in a German word list (wngerman), 174 have
# that plural there, the others are names and mass nouns (`Leipzig`, `Recycling`), and
# no form made is another word but `zweige`, `zweigen` (a verb's, in small letters). Not
# `-ich`: `vergleichen`, `ausgleichen`, `streichen` are verbs, read as the noun where a
# sentence starts with one.
_STRONG_E = ("ling", "iv", "eur", "ig")
# Endings after which a noun's genitive singular takes `-es`, not `-s` (`des Schutzes`,
# `des Gesetzes`, `des Prozesses`).
_SIBILANTS = ("s", "ß", "x", "z", "sch")
# Endings of adjectives used as nouns, and of the participles German uses so
# (`Betroffene`, `Minderjährige`, `Jugendliche`, `Geflüchtete`, `Überlebende`,
# `Angehörige`): besides the `-n` of the plural, a singular after `ein` or none takes `-r`
# (`ein Betroffener`, `Minderjähriger`).
_ADJECTIVAL = ("ene", "ende", "te", "ige", "iche", "ische", "bare", "lose")
# What an ending would make of a noun that is another word of German, found where the
# noun is not: `Fall` would give "Falls" ("if"), `Recht` "rechts", `Teil` "teils",
# `Abend` "abends". Folded as the matcher folds text.
_OTHER_WORDS = frozenset(
    {
        "falls", "rechts", "links", "teils", "anfangs", "abends", "morgens", "mittags",
        "nachts", "tags", "eines", "keines", "seines", "meines", "deines", "alles",
        "bereits", "stets", "mitten",
    }
)  # fmt: skip
# The endings a German adjective takes before a noun, after the `-e` of the form a
# glossary writes (`sexuelle Ausbeutung`): `der sexuellen`, `vor sexueller`, `mit
# sexuellem`, `sexuelles`.
ADJECTIVE_ENDINGS = ("e", "en", "er", "em", "es")


@lru_cache(maxsize=65536)
def german_noun_forms(lower: str) -> tuple[str, ...]:
    """The forms other than `lower` that the lower-case German noun `lower` takes in the
    plural and its cases, by its ending (see the module's docstring), each once; none
    where no ending tells (a word of one letter, a number)."""
    if len(lower) < 3 or not lower.isalpha():
        return ()
    forms = _by_ending(lower)
    return tuple(
        dict.fromkeys(form for form in forms if form != lower and form not in _OTHER_WORDS)
    )


def _by_ending(lower: str) -> tuple[str, ...]:
    if lower.endswith("in") and len(lower) > 5:  # `Täterin`, `Täterinnen`
        return (lower + "nen",)
    if lower.endswith("innen"):
        return ()
    if lower.endswith(_FEMININE_EN):
        return (lower + "en",)
    if lower.endswith(("ist", "mensch")):  # `der Polizist`, `den Polizisten`, `Menschen`
        return (lower + "en",)
    if lower.endswith(("ant", "ent")):  # weak `den Migranten`; strong `die Dokumente`
        return (lower + "en", lower + "e", lower + "s")
    if lower.endswith("on"):  # `Person`, `Personen`; `Ballon`, `Ballons`
        return (lower + "en", lower + "s")
    if lower.endswith("nis"):  # `Erlaubnis`, `Erlaubnisse`, `-sen`, `des -ses`
        return (lower + "se", lower + "sen", lower + "ses")
    if lower.endswith("ismus"):  # `Rassismus`, `Rassismen`
        return (lower + "ses", lower[:-2] + "en")
    if lower.endswith("e"):
        # `-r` where it reads as an adjective (`ein Betroffener`), else `-s` (`des Auges`;
        # and the English loan's plural: `die Hotlines`, which the English rules found).
        other = lower + "r" if lower.endswith(_ADJECTIVAL) else lower + "s"
        return (lower + "n", other)
    if lower.endswith(("er", "el")):  # `Opfer`, `den Opfern`, `des Opfers`
        return (lower + "n", lower + "s")
    if lower.endswith(("en", "chen", "lein")):  # `Verfahren`, `des Verfahrens`
        return (lower + "s",)
    if lower.endswith(_STRONG_E):  # `Flüchtling`, `die Flüchtlinge`, `den -en`, `des -s`
        return (lower + "e", lower + "en", lower + "s")
    if lower.endswith(_SIBILANTS):
        return (lower + "es",)
    if lower.endswith(("a", "i", "o", "u", "y")):  # `Kino`, `Kinos`
        return (lower + "s",)
    return (lower + "s", lower + "es")  # `des Menschenhandels`, `des Schutzes`


@lru_cache(maxsize=65536)
def german_plural(lower: str) -> str | None:
    """The one form of `german_noun_forms(lower)` that a form's key takes (`forms.form_key`):
    its first, the plural where an ending tells it; None where it has none."""
    forms = german_noun_forms(lower)
    return forms[0] if forms else None


def adjective_forms(word: str) -> tuple[str, ...] | None:
    """The forms a German adjective written before its noun takes (`sexuelle`: `sexuelle`,
    `sexuellen`, `sexueller`, `sexuellem`, `sexuelles`), in `word`'s case, each ending
    after its stem; None where `word` ends in none of `ADJECTIVE_ENDINGS` (a word in
    capitals, a number), which stays as it is."""
    if not word.isalpha() or word.isupper():
        return None
    for ending in sorted(ADJECTIVE_ENDINGS, key=len, reverse=True):
        if word.lower().endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            return tuple(stem + other for other in ADJECTIVE_ENDINGS)
    return None
