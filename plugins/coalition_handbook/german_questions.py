"""Where a German noun's made form is the verb that opens a yes-no question.

German starts such a question with its verb, and its subject follows: `Waren die Papiere
abgenommen worden?`, `Opfern wir Zeit?`, `Stellen Sie sicher?`. A noun's form that the
rules made (`Waren` of `Ware`, `Opfern` of `Opfer`) is written with a capital there as the
verb is, so the matcher took it for the noun, and a form to avoid failed a `--strict`
build. It is read as that verb where all of these hold:

- it starts its sentence: nothing but a space and an opening quote or bracket between it
  and the text's or paragraph's start or a `.`, `!`, `?` or `:`;
- an article, a personal pronoun in any case, a possessive or demonstrative one, or
  `alle`, `beide`, `viele`, `einige`, `manche` follows it, one space between (`die`,
  `ein`, `keine`, `Ihre`, `diese`, `er`, `man`, `Ihnen`, `sich`, `alle`): the question's
  subject, or the object before it;
- its sentence ends in `?`, before any other `.` (a point before a digit is none:
  `14.30 Uhr`), `!`, `:`, dash (`–`, `—`) or paragraph break.

A noun starting a statement stays a use (`Waren werden verkauft.`, `Waren der Firma sind
teuer.`), as does a topic that a dash parts from its question (`Familien der Opfer – wer
hilft?`). What this reads wrongly: a question of a few words that a noun opens before
an article (`Betroffenen die Schuld geben?`) is read as opened by the verb, a missed use
where the editor's build is spared a false warning; and a sentence with an
abbreviation's point before its `?` (`z. B.`) ends there, its verb still read as the noun.

Each use asked about reads on to its sentence's end only, and one sentence starts at one
place: a page's text is read about once (DESIGN section 11).
"""

from __future__ import annotations

from .lazy_pattern import LazyPattern

# The subject (or the object before it) after a verb that opens a question, in the
# folded text (lower case, `ß` as `ss`): articles; personal pronouns in every case
# (`Waren Ihnen die Risiken bekannt?`, `Waren sich die Behörden einig?`), possessive and
# demonstrative ones; and `alle`, `beide`, `viele`, `einige`, `manche` (`Waren alle
# Papiere da?`); each a whole word.
_SUBJECT = LazyPattern(
    r"(?:d(?:er|ie|as|en|em|es)|k?ein(?:e[mnrs]?)?"
    r"|(?:mein|dein|sein|ihr|unser|eur|euer|dies|jen)(?:e[mnrs]?)?"
    r"|(?:all|beid|viel|einig|manch)e[mnrs]?"
    r"|er|es|sie|wir|du|ich|man|mir|dir|ihm|uns|euch|ihnen|mich|dich|sich)(?![\w'\u02bc])"
)
# What ends a sentence (or a paragraph: the searched text's NULs) in the folded text; a
# point before a digit is none (`14.30 Uhr`, `3.000 Euro`), and no use's letter follows
# one, so a sentence starts after the same points. And a dash, which parts a topic from
# the question about it (`Familien der Opfer – wer hilft?`), where no verb opened it.
_SENTENCE_ENDS = frozenset(".!?:\x00")
_SENTENCE_END = LazyPattern("[!?:\x00\u2013\u2014]|\\.(?!\\d)")
# What may stand between a sentence's start and its first word.
_OPENING = frozenset(" \"'„“‚‘»«›‹([")
# How far back from a use its sentence's start is looked for.
_OPENING_REACH = 8


def opens_a_question(folded: str, start: int, after: int) -> bool:
    """Whether the use at `folded[start:after]` (a noun's made form, in the searched,
    folded text) is the verb opening a yes-no question (module docstring)."""
    if folded[after : after + 1] != " " or not _SUBJECT.match(folded, after + 1):
        return False
    before = start - 1
    while before >= 0 and start - before <= _OPENING_REACH and folded[before] in _OPENING:
        before -= 1
    if before >= 0 and folded[before] not in _SENTENCE_ENDS:
        return False
    end = _SENTENCE_END.search(folded, after)
    return end is not None and end.group() == "?"
