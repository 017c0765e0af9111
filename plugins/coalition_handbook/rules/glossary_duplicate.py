"""glossary.duplicate: one form claimed by two terms, or listed twice by one term.

Forms are compared as the matcher finds them: by `forms.form_key` (case, hyphens and
spaces, plurals), and a form ending in a possessive also by the writings the matcher
looks for (`forms.searched_writings`): an alias "victim's" meets a form to avoid
"victim", whose possessive it is, and not "victims"; on a Spanish site, every form by
those writings, as its key (its plural) may not be its singular's ("bebés", "bebé"). Two
claims agree when they mean the same thing to a writer: a deprecated term's forms and
the `avoid` forms of its replacement both suggest the replacement, so they are no
conflict. Two deprecated terms sharing a form do conflict, though both suggest one
replacement (two glossaries merged, each had retired "modern-day slavery"): the form can
be a form of one of them only, and the only sign was a term.deprecated finding in the
other's definition. One term may also list a plural or possessive that the matcher makes
of another of its forms ("víctimas" beside "víctima", as ADOPTING tells adopters in
other languages to list plurals): it changes nothing, and an editor cannot tell which
plurals the English rules get right. The later file (by path) is the one reported, like
Sphinx's "duplicate term description ... other instance in", naming the other terms that
claim the form (the first `NAMED_CLAIMANTS`, then how many more), and where the files
tell, which of the two to change (`_which_to_change`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache, partial

from ..cache import RunCache, digest
from ..documents import forms_language
from ..findings import Finding
from ..forms import (
    ENGLISH,
    NOUN_PHRASE_LANGUAGES,
    fold_case,
    form_key,
    is_all_capitals,
    matched_words,
    searched_writings,
)
from ..model.term_facts import term_facts
from ..model.types import Term
from ..model.yaml_document import LineIndex
from ..vietnamese_tones import tone_on_first_vowel
from ..yaml_text import source_offsets
from .base import RULES_NAMESPACE, CheckContext, cached_findings

RULE = "glossary.duplicate"
# The other terms a finding names, with where each claims the form. A form that many
# terms claim (glossaries merged that each list it) is reported at each of them: naming
# every earlier one in each finding made messages of thousands of characters and a run
# quadratic in their number (review rv20: 2,000 claims, 128 MB of messages, 50 s).
NAMED_CLAIMANTS = 5


@dataclass(frozen=True, slots=True)
class Claim:
    """One form of one term, and what using it means (accepted, or which term to use)."""

    term: Term
    form: str
    span_key: str
    key: str
    exact_case: bool
    meaning: tuple[str, str]
    # Where a form ends in a possessive ("victim's"): the key of the form it is a
    # possessive of, under which it is looked up too ("victim").
    base_key: str | None = None
    # Whose plurals the forms take (`forms.inflection_language`).
    language: str = ENGLISH

    @property
    def kind(self) -> str:
        if self.meaning[0] == "accepted":
            return "accepted"
        return "deprecated" if self.is_deprecated_form else "to avoid"

    @property
    def is_deprecated_form(self) -> bool:
        """Whether this is a deprecated term's own form (its `term` or an alias), which
        is discouraged without being listed under `avoid`."""
        return self.term.status == "deprecated" and not self.span_key.startswith("avoid.")

    @property
    def field(self) -> str:
        """Where the form is listed: `term`, `aliases` or `avoid`."""
        return self.span_key.split(".", 1)[0]

    def place(self) -> str:
        """Where the form is written, `path:line:column`: an editor goes there."""
        line, column, _ = _written_at(self)
        return f"{self.term.origin.path}:{line}:{column}"

    @property
    def lookup_keys(self) -> tuple[str, ...]:
        """The keys under which claims that may overlap this one are found."""
        folded = fold_case(self.key)
        if self.language in NOUN_PHRASE_LANGUAGES:
            # A Spanish form's key is its plural (`form_key`), and a plural's is the
            # library's plural of it: "bebés" is "bebeses", not "bebé"'s "bebés". Look it
            # up as written too: two forms the matcher finds in the same words share the
            # one or the other (the form or its plural), and `overlaps` then compares them.
            base = () if self.base_key is None else (fold_case(self.base_key),)
            return tuple(dict.fromkeys((folded, _writing(self.form), *base)))
        return (folded,) if self.base_key is None else (folded, fold_case(self.base_key))

    def meets(self, other: Claim) -> bool:
        """Whether the two forms are found in the same words, looked up as the rule
        looks them up (`lookup_keys`, then `overlaps`)."""
        return not set(self.lookup_keys).isdisjoint(other.lookup_keys) and self.overlaps(other)

    def overlaps(self, other: Claim) -> bool:
        # Case only tells forms apart when both must be written exactly as they are.
        exact = self.exact_case and other.exact_case
        if self.key == other.key or (not exact and fold_case(self.key) == fold_case(other.key)):
            return True
        spanish = self.language in NOUN_PHRASE_LANGUAGES or other.language in NOUN_PHRASE_LANGUAGES
        if self.base_key is None and other.base_key is None and not spanish:
            return False
        # A possessive meets the form it is a possessive of ("victim's", "victim") but
        # not that form's plural ("victims"): compared by what the matcher looks for.
        mine = searched_writings(self.form, self.language)
        theirs = searched_writings(other.form, other.language)
        if not exact:
            mine, theirs = _folded(mine), _folded(theirs)
        return not mine.isdisjoint(theirs)


def _folded(writings: frozenset[str]) -> frozenset[str]:
    return frozenset(fold_case(writing) for writing in writings)


# A possessive ending: "'s" after a word, or an apostrophe alone after an "s"; straight
# or curly.
_POSSESSIVE_END = re.compile(r"(?<=\w)['\u2019][sS]\Z|(?<=[sS])['\u2019]\Z")


def written_forms(term: Term) -> Iterator[tuple[tuple[str, str], str, str]]:
    """(meaning, span key, form) of each form `term` claims, as written in its file."""
    deprecated = term.status == "deprecated"
    own_meaning = ("avoid", term.replaced_by or term.id) if deprecated else ("accepted", term.id)
    yield own_meaning, "term", term.term
    for index, alias in enumerate(term.aliases):
        yield own_meaning, f"aliases.{index}", alias
    # A deprecated term's forms to avoid send writers to its replacement too, as the
    # matcher reads them (DESIGN 3.1: all its forms are discouraged).
    avoid_meaning = own_meaning if deprecated else ("avoid", term.id)
    for index, avoided in enumerate(term.avoid):
        yield avoid_meaning, f"avoid.{index}.text", avoided.text


def claims_of(term: Term, language: str = ENGLISH) -> Iterator[Claim]:
    """The claims of `term`'s forms, which take the plurals of `language`."""
    for meaning, span_key, form in written_forms(term):
        key = form_key(form, term.case_sensitive, language)
        if key:
            exact = term.case_sensitive or is_all_capitals(form)
            written = form.strip()
            # Only a form with an apostrophe may end in a possessive: most have none.
            base = _POSSESSIVE_END.sub("", written) if _has_apostrophe(written) else written
            base_key = form_key(base, term.case_sensitive, language) if base != written else None
            yield Claim(term, form, span_key, key, exact, meaning, base_key or None, language)


def _has_apostrophe(form: str) -> bool:
    return "'" in form or "\u2019" in form


def check(context: CheckContext) -> Iterator[Finding]:
    # Comparing forms needs lemminflect's tables (a quarter of a second to load) and
    # every term's: keep the findings for as long as what they depend on stays.
    reads = partial(_reads, context.handbook.terms, context.cache, forms_language(context))
    return iter(cached_findings(context, RULE, reads, lambda: list(_check(context))))


def _reads(terms: Mapping[str, Term], cache: RunCache | None, language: str) -> str:
    """A digest of what the rule reads of `terms`, and whose plurals their forms take
    (`language`): each term's file and id, and its forms
    with what using them means, the line and column each is written at and its value as
    written there, quotes and escapes and all (where the finding points, inside the
    quotes, and its `found`: quoting a form changed them, and an audit saw the old kept).
    Editing a definition, tags or history leaves it as it was.

    Each term's part is a function of its file (its path and text) alone: with a cache,
    a digest of each part of the last run is kept by a digest of those (`TermFacts.
    file_key`), and only the files that changed are read for theirs (at 2,000 terms,
    reading them all cost as much as the rest of a run after one term's edit)."""
    kept_in = cache if cache is not None and cache.enabled else None
    memo_key = kept_in.key(RULE, "parts") if kept_in is not None else ""
    known = kept_in.load(RULES_NAMESPACE, memo_key) if kept_in is not None else None
    if not isinstance(known, dict):  # none, or damaged: every term is read
        known = {}
    parts: dict[bytes, bytes] = {}
    facts = term_facts(terms)
    for term_id in sorted(facts, key=lambda term_id: facts[term_id].path):
        file_key = facts[term_id].file_key
        part = known.get(file_key)
        parts[file_key] = part if isinstance(part, bytes) else _part_digest(terms[term_id])
    if kept_in is not None and parts != known:
        kept_in.store(RULES_NAMESPACE, memo_key, parts)
    return digest(language, *parts.values())


def _part_digest(term: Term) -> bytes:
    """A digest of `_part(term)`: what the cache keeps of it (a few dozen bytes where
    the part is hundreds)."""
    return hashlib.sha256(_part(term).encode("utf-8", "surrogatepass")).digest()


def _part(term: Term) -> str:
    """What the rule reads of `term` (see `_reads`)."""
    origin = term.origin
    forms = []
    for meaning, span_key, form in written_forms(term):
        span = origin.span(span_key)
        written = origin.text[span.start : span.end]
        forms.append((meaning, span_key, form, *origin.line_column(span_key), written))
    return repr((origin.path, term.id, term.case_sensitive, forms))


def _check(context: CheckContext) -> Iterator[Finding]:
    seen: dict[str, list[tuple[int, Claim]]] = {}  # by folded key: (claim's rank, claim)
    terms = sorted(context.handbook.terms.values(), key=lambda term: term.origin.path)
    language = forms_language(context)  # once, not for each of thousands of terms
    rank = 0
    for term in terms:
        for claim in claims_of(term, language):
            keys = claim.lookup_keys
            met = [entry for key in keys for entry in seen.get(key, ())]
            conflicts: list[Claim] = []
            if met:  # most forms are claimed once: nothing earlier to compare
                earlier = dict(sorted(met, key=_rank))
                conflicts = _first_of_each_term(
                    other for other in earlier.values() if _conflicts(other, claim)
                )
            for key in keys:
                seen.setdefault(key, []).append((rank, claim))
            rank += 1
            if conflicts:
                yield _finding(context, claim, conflicts)


def _rank(entry: tuple[int, Claim]) -> int:
    return entry[0]


def _first_of_each_term(claims: Iterable[Claim]) -> list[Claim]:
    """The first of `claims` of each term: a form that three terms claim names both
    others in one finding (naming only the first, the second was reported only once the
    editor had fixed the first: audit of a merge of two glossaries)."""
    first: dict[str, Claim] = {}
    for claim in claims:
        first.setdefault(claim.term.id, claim)
    return list(first.values())


def _conflicts(earlier: Claim, later: Claim) -> bool:
    if not earlier.overlaps(later):
        return False
    if earlier.term.id != later.term.id:
        return not claims_agree(earlier.term.id, earlier.meaning, later.term.id, later.meaning)
    if earlier.meaning != later.meaning:
        return True
    return not _one_inflects_the_other(earlier, later)


def claims_agree(
    first_term: str, first: tuple[str, str], second_term: str, second: tuple[str, str]
) -> bool:
    """Whether two terms' claims of one form (their `written_forms` meanings) agree:
    both send writers to one term, and one of them is that term (its `avoid` entry and
    the form of a term it replaces); two deprecated terms sharing a form do not (see the
    module's docstring)."""
    return first == second and first[1] in (first_term, second_term)


def _one_inflects_the_other(first: Claim, second: Claim) -> bool:
    """Whether one form is a plural or possessive that the matcher makes of the other
    ("víctimas" of "víctima", "survivor's" of "survivor"), not the same form written
    twice ("Survivor" and "survivor"). In Spanish, two words that share a plural are
    no form written twice either ("cruz" and "cruce", both "cruces"), as in English,
    where "ax" and "axis" are two forms, both "axes"."""
    mine, theirs = _writing(first.form), _writing(second.form)
    if mine == theirs:
        return False
    if tone_on_first_vowel(mine) == tone_on_first_vowel(theirs):
        return True  # Vietnamese's two tone places (`Ủy ban`, `Uỷ ban`), both in use
    if not NOUN_PHRASE_LANGUAGES.isdisjoint((first.language, second.language)):
        return True  # they meet (`overlaps`), written apart: through a plural
    return mine in _folded(searched_writings(second.form, second.language)) or theirs in _folded(
        searched_writings(first.form, first.language)
    )


def _writing(form: str) -> str:
    """A form as the matcher looks for it, its words joined by one space, case folded."""
    return fold_case(" ".join(matched_words(form)))


def _finding(context: CheckContext, claim: Claim, others: list[Claim]) -> Finding:
    twice = [other for other in others if other.term.id == claim.term.id]
    elsewhere = [other for other in others if other.term.id != claim.term.id]
    claimed_by = _claimed_by(claim, elsewhere)
    if twice:
        message = (
            f"form '{claim.form}' of term '{claim.term.id}' is listed twice "
            f"(also as '{twice[0].form}' at {twice[0].place()})"
        )
        if elsewhere:
            message += f", and is also claimed by {claimed_by}"
    else:
        message = (
            f"form '{claim.form}' ({claim.kind}) of term '{claim.term.id}' is also claimed "
            f"by {claimed_by}"
        )
        if len(elsewhere) == 1:
            message += _which_to_change(claim, elsewhere[0])
    line, column, found = _written_at(claim)
    return context.finding(
        RULE, claim.term.origin.path, line, column, message, found=found, term=claim.term.id
    )


def _claimed_by(claim: Claim, others: list[Claim]) -> str:
    """`term 'a' (...) and by term 'b' (...)`: the first `NAMED_CLAIMANTS` of `others`,
    each with where it claims the form, and how many more there are."""
    named = " and by ".join(
        f"term '{other.term.id}' ({other.kind} there{_as_written(other, claim)}: {other.place()})"
        for other in others[:NAMED_CLAIMANTS]
    )
    more = len(others) - NAMED_CLAIMANTS
    if more > 0:
        named += f" and by {more} more term{'s' if more > 1 else ''}"
    return named


def _which_to_change(first: Claim, second: Claim) -> str:
    """`; ...`, what to change where two terms claim one form, as far as the files tell
    (each message used to name both terms and leave the editor to guess which file to
    edit: audit of a merge of two glossaries). "" where only the editor can tell."""
    for deprecated, replacement in ((first, second), (second, first)):
        if deprecated.is_deprecated_form and deprecated.term.replaced_by == replacement.term.id:
            return _rename_advice(deprecated, replacement)
    if first.is_deprecated_form and second.is_deprecated_form and first.meaning == second.meaning:
        # Two glossaries merged had each retired the form for one term (audit).
        return (
            f"; '{first.term.id}' and '{second.term.id}' both retire it for "
            f"'{first.meaning[1]}': keep one of the two and delete the other "
            '(CONTRIBUTING.md, "Merge two terms")'
        )
    if (first.kind == "accepted") != (second.kind == "accepted"):
        accepting, discouraging = (first, second) if first.kind == "accepted" else (second, first)
        return (
            f"; '{accepting.term.id}' accepts it and '{discouraging.term.id}' discourages "
            f"it: keep it on the term that says what the coalition means"
        )
    if first.kind != "accepted":
        return ""
    if first.field == "term" and second.field == "term":
        return (
            "; two terms with one preferred form: merge them into one (CONTRIBUTING.md, "
            '"Merge two terms"), or give one of them another `term`'
        )
    for kept, listed in ((first, second), (second, first)):
        if kept.field == "term":
            return (
                f"; it is the preferred form of '{kept.term.id}': take it out of the "
                f"`aliases` of '{listed.term.id}' ({listed.place()}), or merge the two terms"
            )
    return ""


def _rename_advice(deprecated: Claim, replacement: Claim) -> str:
    """What to change where a deprecated term and its replacement claim one form: the
    deprecated term's forms already send writers to the replacement, which cannot accept
    them too (the finding stands at whichever file is later by path)."""
    if deprecated.field == "term" and replacement.field == "term":
        return (
            f"; a deprecated term's forms send writers to its replacement, which cannot "
            f"accept them too: to give the term a new id and keep its form, rename "
            f"{deprecated.term.origin.path} instead of deprecating it"
        )
    if deprecated.field == "term":
        return (
            f"; a deprecated term's forms send writers to its replacement: take it out of "
            f"the `{replacement.field}` of '{replacement.term.id}' ({replacement.place()})"
        )
    if replacement.field == "term":
        return (
            f"; it is the preferred form of the replacement '{replacement.term.id}': take it "
            f"out of the `aliases` of the deprecated '{deprecated.term.id}' "
            f"({deprecated.place()})"
        )
    return (
        f"; keep it on one of them: on the deprecated '{deprecated.term.id}' its uses are "
        f"reported as deprecated, on '{replacement.term.id}' they are accepted"
    )


def _as_written(other: Claim, claim: Claim) -> str:
    """The other claim's spelling (`, as 'Trafficking-Victim'`), where it differs."""
    return f", as '{other.form}'" if other.form != claim.form else ""


def _written_at(claim: Claim) -> tuple[int, int, str]:
    """The line and column of the form's first character in its file (inside any quotes)
    and the form exactly as written there (DESIGN section 6: `found` is the source text
    the position points at)."""
    origin = claim.term.origin
    span = origin.span(claim.span_key)
    offsets = source_offsets(origin.text[span.start : span.end], claim.form)
    first, end = span.start + offsets[0], span.start + offsets[-1]
    line, column = _line_index(origin.text).position(first)
    return line, column, origin.text[first:end]


@lru_cache(maxsize=4)
def _line_index(text: str) -> LineIndex:
    """One index of a file's lines for all its findings: a term that lists one form
    thousands of times is reported in linear time (a string's hash is computed once)."""
    return LineIndex(text)
