"""How strongly the site's search favours each term's page (front matter `search: boost`).

Material's search scores a page by how often, and how rarely elsewhere, the words typed
occur in it, and reads every word typed as a prefix. A basic term's words recur in the
forms of the terms built on it ("human trafficking" in "National Human Trafficking
Prevention Month"), so typing exactly "human trafficking" ranked the longer term first.
A term page's boost therefore grows with the number of other terms whose forms contain
one of its forms, word for word. Measured on the example glossary with Material's own
search worker: the term's page comes first for 129 of its 133 accepted forms, against 122
with one boost for all (the rest are words typed as prefixes of rarer words: "sex" of
"sexually").

A term's page is also found by the words a member may know it by that are not its
accepted forms: their plurals and possessives, its forms to avoid and theirs
("survivors", "victim's", "sex slave").
They go in a search field of their own (`FORMS_FIELD`, in each term page's first entry),
which Material indexes like the others but never shows in a result. Measured the same
way, with the boost below: the page comes first for 115 of 126 plurals and 15 of 18 forms
to avoid, in the first 5 for all (without it: 79 and 13, with 27 and 1 not found at all),
and its accepted forms rank as before. Possessives are there with a straight apostrophe,
which search reads a curly one (phones type them) as, and "victim's" as one word: the page
comes first for 107 of 130, in the first 5 for all (without them, 20 were not found).

No weighting makes every form's page first: the search adds up what each page matches,
reading each word typed as a prefix, so a page whose own forms share the words or extend
them ("sex" of "sexually", "for" of "force", "t" of "trafficking") can outscore the term's
page, and a possessive of a multi-word form ("Trafficking Hotline's") is outscored by
the pages matching its other words. Measured in Chromium on the example site (357
searches: every term and alias, with its possessive or plural and hyphen or space
variant, and every form to avoid), the search alone put the page first for 331, second to
tenth for the rest. One search document per written form made the page first for all
357 (tried on a rewritten index, with the theme's worker), but adds hundreds of entries
that the theme lists under their page as extra results, where Enter and the arrow keys
land. So each term page's first entry also lists its forms as typed (`TYPED_FORMS_KEY`,
no search field: `typed_search_forms`), and the site's script (assets/handbook.js) shows
the page first when a query is one of them whole: 357 of 357. That script also lists
first the pages whose title (or, for a term's page, one of these forms) holds more of the
words searched for, and a page whose title is typed whole, where these boosts had a term
page's one word outrank a protocol's whole title.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from ..forms import (
    APOSTROPHES,
    STRAY_INVISIBLE,
    arabic_letters,
    is_all_capitals,
    split_words,
    straight_apostrophes,
)
from ..lazy_pattern import LazyPattern
from ..model.glossary import plain_blocks, plain_text
from ..model.replacements import replacements
from ..model.types import Protocol, Term
from ..slugs import folded_latin

BASE = 2.0  # above ordinary pages: a term's own page is the answer to its words
PER_TERM_BUILT_ON = 0.2  # a tenth of BASE for each term built on it: the best measured

# The changes page holds every history summary, so it held the word of nearly any one-word
# query and came second for "polaris" and "sextortion", third for "hotline" (audit). A
# tenth of an ordinary page's weight lists it after the term and protocol pages that
# hold the word; its title typed ("changes") still finds it first.
CHANGES_BOOST = 0.1

FORMS_FIELD = "handbook_forms"
# Between a title's (1e3) and a tag's (1e6): 1e6 made a word of a form to avoid outrank
# accepted forms ("sex" of "sex slave"); 1e3 and 1e4 left "sex slave" unfound.
FORMS_BOOST = 1e5

# Not a search field: the term page's entry carries every form whole, for handbook.js to
# put the page first when one is typed whole (see the module's docstring).
TYPED_FORMS_KEY = "handbook_typed_forms"
# As the theme's search separator splits (`[\s\-]+`), with JavaScript's `\s`, which
# differs from Python's: handbook.js reads queries with it.
_SPACES_AND_HYPHENS = LazyPattern(
    "[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff-]+"
)
# "persons's" and "persons'" are one possessive; the matcher writes one of them
_S_APOSTROPHE_S = LazyPattern(r"s's(?= |$)")

# Not a search field either: the words of TYPED_FORMS_KEY's forms that are written in
# capitals (an acronym, its plural and possessive: "TIP", "TIPs", "TIP's"), which section
# 4 matches only so. handbook.js counts them only for words typed in capitals: "tip"
# listed human trafficking (its acronym TIP) before HSI Tip Line (audit).
CAPITAL_WORDS_KEY = "handbook_capital_words"
# Not a search field either: a term page's translations as [language name, text, language
# code] triples, for handbook.js to say in a result found by one which language it matched
# (a screen reader does not hear the result's forms, which it hides: its tags), and to mark
# that form, and the tag that shows it, in its language (`lang`).
TRANSLATIONS_KEY = "handbook_translations"
# Not a search field either: a deprecated or proposed term page's notice as its page
# writes it ("Do not use this term; use child sex trafficking instead.", "This term is
# proposed: ..."), for handbook.js to show in its result. The theme shows of a result
# only the paragraphs that hold the words searched for: "DMST" listed the page without
# its notice, "labour exploitation" a proposed term's without saying it is (audits). Its
# plain-text parts, the English ones marked in a site of another language
# (languages.english_parts).
NOTICE_KEY = "handbook_notice"
# A plural's or possessive's ending after an acronym, as handbook.js's `inCapitals` reads it
_ACRONYM_ENDING = LazyPattern(f"(?:['{APOSTROPHES}]s|s['{APOSTROPHES}]?)$")


# A protocol page's search field (in its first entry): who the protocol is for, what it
# is about and its steps, the words of a member's question ("I am a nurse", "how do I
# report"), which its text held among many others. Weighed as a title: above any page's
# text, below a term's forms, so that a term typed outranks the protocols that use it.
# handbook.js counts a word found there as a word of the protocol's title.
STEPS_FIELD = "handbook_steps"
STEPS_BOOST = 1e3


def protocol_search_steps(protocol: Protocol) -> str:
    """What `STEPS_FIELD` holds for `protocol`: its audience, the first paragraph of its
    summary (the protocols index shows it too) and its steps' titles, as plain text."""
    summary = plain_blocks(protocol.summary)[:1]
    steps = (plain_text(step.title) for step in protocol.steps)
    return " ".join((*protocol.audience, *summary, *steps))


def accentless(forms: Iterable[str]) -> list[str]:
    """The words of `forms` that have accents or an ß, written without them ("víctima"
    -> "victima", "Ørsted" -> "orsted", "Straßenstrich" -> "strassenstrich"), once each:
    phones with an English keyboard type them so, the Swiss and capitals write ß as "ss"
    (which the checks match, `forms.fold_case`). The site's search folds them out of
    every word it indexes and is asked for too (assets/search-fold.js), so a term's
    translations, which `FORMS_FIELD` holds only so, are found typed either way."""
    words: dict[str, None] = {}
    for form in forms:
        for word in split_words(form):
            plain = folded_latin(word)
            if plain != word.lower():
                words[plain] = None
    return list(words)


def term_search_boosts(terms: Iterable[Term]) -> dict[str, float]:
    """Term id -> its page's search boost."""
    terms = list(terms)
    # Every run of whole words inside a longer form -> the terms with such a form.
    inside: dict[tuple[str, ...], set[str]] = {}
    own: dict[str, set[tuple[str, ...]]] = {}
    for term in terms:
        own[term.id] = set()
        for form in term.accepted_forms:
            words = tuple(word.casefold() for word in split_words(form))
            own[term.id].add(words)
            for start in range(len(words)):
                for end in range(start + 1, len(words) + 1):
                    if end - start < len(words):
                        inside.setdefault(words[start:end], set()).add(term.id)
    boosts: dict[str, float] = {}
    for term in terms:
        built_on = set().union(*(inside.get(words, set()) for words in own[term.id]))
        built_on.discard(term.id)
        boosts[term.id] = round(BASE + PER_TERM_BUILT_ON * len(built_on), 2)
    return boosts


def other_search_forms(term: Term, written_forms: Iterable[str]) -> list[str]:
    """What `FORMS_FIELD` holds for `term`, from `written_forms`, its forms as the matcher
    compiled them (`Matcher.written_forms`: inflections too, and no dictionary to load
    for a build): all but the page's title and tags (its own forms). A possessive is
    there once, as written: search reads "victim's" as one word, and reads a curly
    apostrophe as a straight one (assets/search-fold.js), so "victim’s" typed finds it
    (each was there with both: 95 KB of a 2,000-term glossary's index). Then the words
    of every form and translation that have accents, written without them
    (`accentless`)."""
    written_forms = list(written_forms)
    own = {" ".join(split_words(form)) for form in (term.term, *term.aliases)}
    forms: dict[str, None] = {}
    for form in written_forms:
        if " ".join(split_words(form)) in own:
            continue
        forms[form] = None
    every_form = (term.term, *term.aliases, *written_forms, *term.translations.values())
    forms.update(dict.fromkeys(accentless(every_form)))
    forms.update(dict.fromkeys(joined_words(every_form)))
    return list(forms)


# A word of letters joined to the next by a hyphen (ASCII, U+2010 or the non-breaking
# U+2011, which a word processor writes to keep a word on one line), and so on
_HYPHENATED = LazyPattern(r"\w+(?:[-\u2010\u2011]\w+)+")
_WITHOUT_HYPHENS = str.maketrans("", "", "-\u2010\u2011")


def joined_words(forms: Iterable[str]) -> list[str]:
    """The hyphenated words of `forms` written as one, folded as `accentless` folds
    ("survivor-informed" -> "survivorinformed"), once each: members type them so, and
    the site's search, which splits at hyphens, found no page for "survivorinformed"
    (audit). `typed_search_forms` types the forms so too."""
    words: dict[str, None] = {}
    for form in forms:
        for word in _HYPHENATED.findall(form):
            words[folded_latin(word.translate(_WITHOUT_HYPHENS))] = None
    return list(words)


def replaced_forms(
    term: Term,
    replaced: Mapping[str, Sequence[str]],
    written_forms: Mapping[str, Sequence[str]],
) -> list[str]:
    """The forms, as written (`written_forms`, by term id), of the deprecated terms that
    `term` replaces (`replaced`: `deprecated_by_replacement` of the terms):
    `other_search_forms` gives them to its page too. DESIGN section 3.1 makes them forms
    to avoid that suggest `term`, but "DMST" found only the deprecated term's page, and
    "modern slavery" listed human trafficking nowhere in the first five (audit). Not
    typed forms (`typed_search_forms`): the deprecated term's own page, which says what
    it was and to use `term`, stays first, `term`'s comes next."""
    return [
        form
        for other_id in replaced.get(term.id, ())
        if other_id != term.id
        for form in written_forms.get(other_id, ())
    ]


def deprecated_by_replacement(terms: Iterable[Term]) -> dict[str, list[str]]:
    """Term id -> the ids of the deprecated terms it replaces, in the order of `terms`:
    what `replaced_forms` reads of every term, found once for all the term pages of a
    build (`SiteInputs.replaced_terms`): looking through every term for each term's page
    was 0.3 s of a build at 500 terms. A deprecated term's forms go to the term to use
    now, at the end of its chain of replacements (none where the chain goes round)."""
    by_id = {term.id: term for term in terms}
    use_now = replacements(by_id).now
    replaced: dict[str, list[str]] = {}
    for other in by_id.values():
        if now := use_now.get(other.id):
            replaced.setdefault(now, []).append(other.id)
    return replaced


def typed_form(text: str) -> str:
    """`text` as handbook.js compares a query with a form (its `typedForm`, which must
    agree): NFC, lower case, ß as "ss" (as the checks compare forms: "Straßenstrich" is
    "strassenstrich"), a straight apostrophe, one space for runs of spaces and hyphens
    ("Sex-Trafficking’s" -> "sex trafficking's", and so with a phone's "ʼ", U+02BC: the
    matcher's `straight_apostrophes`), "s'" for "s's"."""
    text = straight_apostrophes(unicodedata.normalize("NFC", text).lower().replace("ß", "ss"))
    return _S_APOSTROPHE_S.sub("s'", _SPACES_AND_HYPHENS.sub(" ", text).strip(" "))


def in_capitals(form: str) -> bool:
    """Whether `form` is written in capitals, as an acronym is, with its plural's or
    possessive's ending ("TIP", "TIPs", "TIP's"), as handbook.js's `inCapitals` tells."""
    return is_all_capitals(_ACRONYM_ENDING.sub("", form))


def capital_search_words(term: Term, written_forms: Iterable[str]) -> list[str]:
    """What `CAPITAL_WORDS_KEY` holds for `term`: the words of its forms and their
    inflections (as for `typed_search_forms`) that are written in capitals ("HSI" of "HSI
    Tip Line", "TIPs"), as `typed_form` gives each, once."""
    forms = (term.term, *term.aliases, *written_forms)
    words = (word for form in forms for word in _SPACES_AND_HYPHENS.split(form))
    return list(dict.fromkeys(typed_form(word) for word in words if in_capitals(word)))


def typed_search_forms(term: Term, written_forms: Iterable[str]) -> list[str]:
    """What `TYPED_FORMS_KEY` holds for `term`: each of its forms, inflections and forms
    to avoid (`written_forms`, as for `other_search_forms`), and its translations, which
    its page shows ("trata de personas" listed six pages before human trafficking's: an
    audit), as `typed_form` gives each, once."""
    forms = (term.term, *term.aliases, *written_forms, *term.translations.values())
    typed = [typed_form(form) for form in forms]
    # Typed without accents too ("victima", "explotacion sexual"): see `accentless`. A
    # form in ASCII has none: without them it is typed as it is, listed already (a build
    # of 500 term pages typed each of its forms twice).
    typed += [typed_form(folded_latin(form)) for form in forms if not form.isascii()]
    # Typed with their hyphenated words as one ("survivorinformed practice"): `joined_words`
    typed += [
        typed_form(_HYPHENATED.sub(_without_hyphens, form))
        for form in forms
        if "-" in form or "\u2010" in form or "\u2011" in form
    ]
    return list(dict.fromkeys(typed))


def _without_hyphens(found: re.Match[str]) -> str:
    return found.group().translate(_WITHOUT_HYPHENS)


# The Latin ligatures Unicode keeps for older encodings, which text copied from a PDF
# holds ("tra\ufb03cking"): no member types them. And the Arabic presentation forms that
# are phrases (U+FDFA, U+FDFB), which `arabic_letters` keeps as written (a word of them
# is no use to the matcher): the index holds their words, which a reader types.
_LIGATURES = LazyPattern("[\ufb00-\ufb06\ufdfa\ufdfb]")


def as_read(text: str) -> str:
    """`text` as its reader reads it, for the search index: without the characters no
    reader sees that stand where no script needs them (`STRAY_INVISIBLE`: a soft hyphen
    or zero width space pasted inside a word made "sur\u00advivor" a word no query
    matches), with a PDF's ligatures and Arabic presentation forms (`ﺍ`, `ﻻ`) as their
    letters, and NFC, as phones type accents
    (the theme's search compares words as written). Told in C for most text."""
    if text.isascii():
        return text
    text = STRAY_INVISIBLE.sub("", text)
    text = arabic_letters(_LIGATURES.sub(_letters_of_ligature, text))
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _letters_of_ligature(found: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", found.group())
