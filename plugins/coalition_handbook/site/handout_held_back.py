"""Which modules' handouts an error holds back, and why (DESIGN section 11).

A handout made while its module, a protocol it names or a term it prints has errors
would print without them; `held_back_by_errors` names those modules, so that their
published handouts stay as they were.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import PurePosixPath

from ..documents import forms_language, text_hits
from ..matching import Hit, Matcher
from ..model.records import record_file_kind
from ..model.types import Module, RejectedRecord, Term
from ..rules.base import CheckContext
from .handout_key_terms import chains_of_replacements, module_key_terms, printed_documents


def held_back_by_errors(context: CheckContext, paths: Collection[str]) -> dict[str, str]:
    """Module file -> why its handout is not made, for the files at `paths` (those with
    errors): its own, a protocol it names, a term it uses (a term file with errors too,
    where its forms can be read), or a term file that could not be read, or whose forms
    could not (any module may use that term). A handout made anyway would print without
    them: nothing already published may be lost to an error (DESIGN section 11)."""
    handbook, config = context.handbook, context.config
    record_paths = {("protocol", item.id): item.origin.path for item in handbook.protocols.values()}
    record_paths.update((("term", term.id), term.origin.path) for term in handbook.terms.values())
    for record in handbook.rejected_records:
        record_paths.setdefault((record.kind, record.id), record.origin.path)
    # A file that could not be read at all left no record, and one of no UTF-8, of no
    # YAML or no mapping one of no fields (`fields_read`): its folder says what it is,
    # and its name is its id. A misnamed `.yaml` or a
    # draft in a subfolder never gave the handbook a term, with errors or without.
    for path in handbook.rejected:
        kind = record_file_kind(config, path)
        if kind is not None:
            record_paths.setdefault((kind, PurePosixPath(path).stem), path)
    # A term file with errors whose forms were all read is used by the modules that use
    # one of them; one whose forms were not (or that was not read at all) could be
    # used by any.
    forms_read = [
        record
        for record in handbook.rejected_records
        if record.kind == "term" and record.all_forms_read and record.origin.path in paths
    ]
    rejected_forms = _forms_of_rejected(forms_read, forms_language(context))
    forms_known = {record.origin.path for record in forms_read}
    terms_unknown = {
        path
        for (kind, _), path in record_paths.items()
        if kind == "term"
        and path in handbook.rejected
        and path in paths
        and path not in forms_known
    }
    records_read = {
        record.origin.path for record in handbook.rejected_records if record.fields_read
    }
    unread_terms = sorted(terms_unknown - records_read)
    unread_forms = sorted(terms_unknown & records_read)
    held: dict[str, str] = {}
    for module in handbook.modules.values():
        if module.origin.path in paths:
            held[module.origin.path] = "the module has errors"
            continue
        key_terms = sorted(module_key_terms(context, module))
        named = [("protocol", protocol_id) for protocol_id in module.protocols]
        named += [("term", term_id) for term_id in key_terms]
        if forms_read:
            named += [
                ("term", term_id)
                for term_id in sorted(_rejected_terms_used(context, module, rejected_forms))
            ]
        # A deprecated key term prints the preferred form of the term to use now, where
        # its chain of replacements ends (a file with errors there is no term to print).
        ends = chains_of_replacements(context).ends
        named += [
            ("term", replacement)
            for term_id in key_terms
            if term_id in handbook.terms
            for replacement in (handbook.terms[term_id].replaced_by, ends.get(term_id))
            if replacement is not None
        ]
        # Each file once: a deprecated key term's replacement may be a key term too.
        with_errors = list(
            dict.fromkeys(path for path in map(record_paths.get, named) if path in paths)
        )
        if with_errors:
            held[module.origin.path] = (
                f"it prints from a file with errors: {', '.join(with_errors)}"
            )
        elif unread_terms or unread_forms:
            held[module.origin.path] = _unread_terms(unread_terms, unread_forms)
    return held


def _unread_terms(unread_files: list[str], unread_forms: list[str]) -> str:
    """Why every module's handout is held back by these term files: what each term is
    cannot be told, so any module could use it."""
    reasons = []
    if unread_files:
        reasons.append(f"a term file cannot be read ({', '.join(unread_files)})")
    if unread_forms:
        reasons.append(f"the forms of a term cannot be read ({', '.join(unread_forms)})")
    return f"{' and '.join(reasons)}, and its term could be one of the module's key terms"


def _rejected_terms_used(
    context: CheckContext, module: Module, rejected_forms: Matcher
) -> set[str]:
    """Ids of the term files with errors (`rejected_forms`, see `_forms_of_rejected`)
    that `module`'s handout uses a form of: a key term it would print once fixed. A form
    found inside a longer form of another term, which the scan found there, is no use of
    it: the longest wins (DESIGN section 4), "bondage" in "debt bondage" (review)."""
    return {
        hit[2].term_id
        for document in printed_documents(context, module)
        for text, hits in zip(document.texts, document.hits, strict=True)
        for hit in text_hits(rejected_forms, text)
        if not _inside_a_longer_hit(hit, hits)
    }


def _inside_a_longer_hit(hit: Hit, hits: Iterable[Hit]) -> bool:
    """Whether `hit` lies within one of `hits` that is longer: that one wins."""
    start, end = hit[0], hit[1]
    return any(
        other[0] <= start and end <= other[1] and other[1] - other[0] > end - start
        for other in hits
    )


def _forms_of_rejected(records: Iterable[RejectedRecord], language: str) -> Matcher:
    """A matcher over the forms of the term files `records`, all of whose forms were read,
    each as a stand-in term with no more than its id and those forms (a use is a use,
    whatever its case or kind), with the plurals of the site's `language`, as the check
    finds them (`documents.forms_language`)."""
    stand_ins = (
        Term(
            id=record.id,
            term=record.forms[0],
            version=1,
            definition="",
            short="",
            history=(),
            origin=record.origin,
            aliases=record.forms[1:],
        )
        for record in records
    )
    return Matcher.from_terms(stand_ins, language)
