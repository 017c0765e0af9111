"""Which glossary terms a module's handout prints in its Key terms box (DESIGN section 8).

The terms its printed text uses (its own and its protocols'), those their definitions send
the reader to ("see ...", "compare ...", "cf."), and the replacements of deprecated ones;
from the run's one scan of the handbook, shared with the term rules and the site.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from ..documents import ScannedDocument, scan_handbook
from ..markdown import HARD
from ..matching import Hit
from ..model.replacements import Replacements, replacements
from ..model.types import Module
from ..rules.base import CheckContext


def module_key_terms(context: CheckContext, module: Module) -> set[str]:
    """Ids of the terms whose forms the handout prints: in the module's title, objectives
    or body, and in the protocols it names (their titles, summaries, steps and contacts,
    which the handout prints whole: a trainer holding it should find every term in it
    defined). From the run's one scan of the handbook (shared with the term rules and the
    site). Forms to avoid count, as they do in the site's "Used on" lists: a trainer
    reading "DMST" in a handout finds what it means, and which term replaces it.

    So do the terms a printed definition sends its reader to ("see labor exploitation":
    paper has no link to follow; print audit), and the term that replaces a deprecated one
    ("deprecated: use debt bondage", the term to use now at the end of a chain of
    replacements, as the site names it). Not every term a definition uses: in the example
    handbook that added 16 to 19 terms, two or three pages, to each handout."""
    used = {
        hit[2].term_id
        for document in printed_documents(context, module)
        for hits in document.hits
        for hit in hits
    }
    referred = _terms_definitions_refer_to(context)
    terms = context.handbook.terms
    sent_to = {other for term_id in used for other in referred.get(term_id, ())}
    use_now = chains_of_replacements(context).now
    replacing = {use_now[term_id] for term_id in used if term_id in use_now}
    return used | {other for other in sent_to | replacing if other in terms}


def chains_of_replacements(context: CheckContext) -> Replacements:
    """Where each deprecated term's replacements lead (`model.replacements`), followed
    once for all the handouts of a run."""
    return context.shared("replacements", lambda: replacements(context.handbook.terms))


# Where a definition sends its reader to other terms: "See also: A, B and C", "(see A)",
# "; compare with B", "cf. C", 'see "A"', "See the entry for A". "See" and "compare" start
# the definition, a paragraph or list item (HARD), a sentence, a clause or a parenthesis,
# or follow one ("(22 U.S.C. 7102) see also A"), so that prose ("many workers do not see
# labor trafficking in it") sends no one anywhere (review rv6); "cf." and "see:" are a
# reference wherever they are. A sentence may end inside quotes ('called "peonage."').
_CROSS_REFERENCE = re.compile(
    rf"(?i:(?:(?:\A|[{HARD}.;:,!?()\[\]—–][)\]\"'”’»›]*)\s*(?:see(?:\s+also)?|compare(?:\s+with)?)"
    r"|\bsee(?:\s+also)?(?=\s*:)|\bcf\.)(?![\w-])\s*:?)"
)
# What ends the words between a reference and the first term it names: the end of its
# sentence, clause or parenthesis. A "." with a letter right after it is inside a word
# ("U.S.C."); see `_ends_reference` for one before a space.
_END_OF_REFERENCE = re.compile(r"[;!?)\]—]|\.(?!\w)")
# The word after a "." and the spaces after it.
_NEXT_WORD = re.compile(r"\s+(\w)")
# What may stand between two names of one list: commas, "and", "or", quotes. So "See
# coercion, which is not labor trafficking" names coercion only.
_BETWEEN_NAMES = re.compile(
    rf"[\s,{HARD}\"'“”‘’«»‹›„]*(?:\b(?:and|or)\b[\s\"'“‘«‹„]*)?", re.IGNORECASE
)
# A list item or paragraph that holds one name and nothing else ("See also:" then a list).
_ONLY_A_NAME_LEFT = re.compile(rf"[\s\"'”’»›.,]*(?:{HARD}|\Z)")


def _terms_referred_to(view: str, hits: Sequence[Hit]) -> Iterator[str]:
    """The ids of the terms `view` sends its reader to: from a cross-reference, the first
    term before the end of its sentence or clause ("See the entry for labor trafficking",
    in any quotes), then each that goes on a list of names ("See also: coercion, labor
    trafficking", or a Markdown list after "See also:"). `hits` are in text order and do
    not overlap; a stop inside a term's form ("U.S. citizen") does not end the list."""
    for cue in _CROSS_REFERENCE.finditer(view):
        reached = cue.end()
        first = True
        for start, end, entry, _ in hits:
            if start < reached:
                continue
            if first and _ends_reference(view, reached, start):
                break
            if not first and not _continues_list(view, reached, start, end):
                break
            yield entry.term_id
            reached, first = end, False


def _ends_reference(view: str, start: int, end: int) -> bool:
    """Whether `view[start:end]` holds the end of a sentence, clause or parenthesis. A "."
    before a digit or a small letter ends none: "See 22 U.S.C. 7102 and coercion"."""
    for stop in _END_OF_REFERENCE.finditer(view, start, end):
        if stop.group() != ".":
            return True
        word = _NEXT_WORD.match(view, stop.end())
        if word is None or not (word.group(1).isdigit() or word.group(1).islower()):
            return True
    return False


def _continues_list(view: str, previous_end: int, start: int, end: int) -> bool:
    """Whether the name at `view[start:end]` goes on the list whose last name ends at
    `previous_end`: only commas, "and" or "or" part them, and a name after a paragraph or
    list item break fills its own block."""
    between = _BETWEEN_NAMES.fullmatch(view, previous_end, start)
    if between is None:
        return False
    return HARD not in between.group() or bool(_ONLY_A_NAME_LEFT.match(view, end))


def _terms_definitions_refer_to(context: CheckContext) -> Mapping[str, frozenset[str]]:
    """Term id -> the ids of the terms its definition refers the reader to ("see labor
    exploitation", "see also", "compare", "cf."), once a run."""

    def compute() -> dict[str, frozenset[str]]:
        return {
            document.owner: frozenset(_terms_referred_to(text.view, hits))
            for document in scan_handbook(context)
            if document.kind == "term" and document.owner is not None
            for text, hits in zip(document.texts, document.hits, strict=True)
            if text.key == "definition"
        }

    return context.shared("terms_definitions_refer_to", compute)


def printed_documents(context: CheckContext, module: Module) -> list[ScannedDocument]:
    """The scanned texts of `module`'s handout: its own, and its protocols'."""
    protocols = context.handbook.protocols
    printed = {module.origin.path} | {
        protocols[protocol_id].origin.path
        for protocol_id in module.protocols
        if protocol_id in protocols
    }
    return [document for document in scan_handbook(context) if document.path in printed]
