"""`handbook new term|protocol|module NAME`: write a new, valid, proposed file to fill in.

The file comes from a template under `templates/scaffold/` that explains every field in
comments. An existing file is never overwritten, and no term is scaffolded whose preferred
form another term already claims (compared as `glossary.duplicate` compares forms): the
new file would fail `handbook check`, and the editor's change belongs in that term.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import posixpath
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2
import yaml

from ..cache import (
    CACHE_DIR,
    RunCache,
    read_regular_file,
    remove_left_temporaries,
    site_packs_folder,
)
from ..config import HandbookConfig
from ..file_names import shown_name
from ..forms import inflection_language
from ..model.glossary import load_terms
from ..model.schema import load_schema
from ..model.source import RESERVED_ID
from ..model.types import Origin, Term
from ..model.windows_names import WINDOWS_DEVICE_NAMES
from ..model.yaml_values import VALUE_CONVERSION_ERRORS
from ..new_files import create_whole
from ..rules.glossary_duplicate import Claim, claims_agree, claims_of
from ..slugs import letters_left_out, slugify, words_left_out, words_respelled
from ..utf8 import LONE_SURROGATE
from .advised_command import ANY_BASE, handbook_command, pull_request_range
from .compare_base import compare_base
from .removed_before import removed_before_note

PACKAGE_DIR = Path(__file__).resolve().parent.parent
SCHEMAS_DIR = PACKAGE_DIR / "schemas"
TEMPLATES_DIR = PACKAGE_DIR / "templates" / "scaffold"

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2

# A name copied from elsewhere may carry invisible characters (a byte order mark, a
# zero-width space, direction marks, a soft hyphen): the form written must be what
# readers see, or it never matches their text. The two joiners are left: some scripts
# need them.
_INVISIBLE = frozenset(
    "\u00ad\u180e\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_SPACES_AND_TABS = re.compile(r"[ \t]+")


@dataclass(frozen=True)
class Kind:
    """What `handbook new KIND` writes: where, from which template, against which schema."""

    template: str
    suffix: str
    schema: str | None


KINDS: dict[str, Kind] = {
    "term": Kind("term.yml.j2", ".yml", "term.schema.json"),
    "protocol": Kind("protocol.yml.j2", ".yml", "protocol.schema.json"),
    # Front matter in Markdown gets no schema comment: the YAML extension ignores .md files.
    "module": Kind("module.md.j2", ".md", None),
}


def target_path(config: HandbookConfig, kind: str, slug: str) -> Path:
    folder = {
        "term": config.glossary_dir,
        "protocol": config.protocols_dir,
        "module": config.modules_dir,
    }[kind]
    return folder / f"{slug}{KINDS[kind].suffix}"


def render(kind: str, name: str, folder: Path, today: dt.date, project: Path | None = None) -> str:
    """The text of a new `kind` file named `name`, to be written in `folder` of the
    handbook in `project`."""
    spec = KINDS[kind]
    schema = schema_reference(folder, spec.schema, project) if spec.schema else ""
    return (
        _environment()
        .get_template(spec.template)
        .render(
            name=name,
            schema=schema,
            today=today.isoformat(),
            review_by=_one_year_after(today).isoformat(),
        )
    )


_SCHEMA_LINE = re.compile(r"# yaml-language-server: \$schema=(\S+)")
_SIBLINGS_READ = 20


def schema_reference(folder: Path, schema_name: str, project: Path | None = None) -> str:
    """What the first line of a new file in `folder` names as its schema, as the YAML
    extension resolves it; "" for no such line.

    The file is committed, so it must read the same on every editor's machine: the
    reference its sibling files already make comes first. Failing that, the package's
    schema relative to `folder` when the package lies inside `project` (the directory of
    mkdocs.yml) as source, as in this repository: `../plugins/coalition_handbook/...`. A
    path into one machine's installation (a virtual environment, even one inside the
    project) would be wrong on every other, so then there is none.
    """
    for sibling in sorted(folder.glob("*.yml"))[:_SIBLINGS_READ]:
        try:  # a named pipe is refused, not waited on for ever (audit)
            first_line = read_regular_file(sibling)[:500].decode("utf-8", "replace")
        except OSError:
            continue
        named = _SCHEMA_LINE.match(first_line)
        if named and named.group(1).endswith(schema_name) and _resolves(named.group(1), folder):
            return named.group(1)
    schema = SCHEMAS_DIR / schema_name
    installed = {"site-packages", "dist-packages"} & set(schema.resolve().parts)
    if installed or (
        project is not None and not schema.resolve().is_relative_to(project.resolve())
    ):
        return ""
    try:
        return Path(os.path.relpath(schema, folder.resolve())).as_posix()
    except ValueError:
        return schema.as_uri()


_EXAMPLE_IDS = {"term": "t-visa", "protocol": "hotel-employee", "module": "hotel-staff"}


def _plain_letters(name: str) -> str:
    """`name` with the letters Unicode keeps only for older encodings written plainly: a
    ligature copied from a PDF (`\ufb01nancial` -> `financial`, also the Dutch `\u0133`)
    and a full-width Latin letter or space (an input method's). Pages are typed with the
    plain letters, and a form is found only as it is written. Not all of NFKC: `m\u00b2`
    is not `m2` to a reader, nor `\u00bd` `1\u20442`."""
    return "".join(map(_plain_letter, name))


@cache
def _plain_letter(char: str) -> str:
    decomposition = unicodedata.decomposition(char)
    plain = decomposition.startswith("<wide>") or (
        decomposition.startswith("<compat>")
        and unicodedata.category(char)[0] == "L"
        and len(unicodedata.normalize("NFKC", char)) > 1
    )
    return unicodedata.normalize("NFKC", char) if plain else char


def _named_character(char: str) -> str:
    """`char` with its code point and Unicode name, which tell a look-alike from the Latin
    letter it looks like: `'с' (U+0441 CYRILLIC SMALL LETTER ES)`."""
    code_point = f"U+{ord(char):04X} {unicodedata.name(char, '')}".strip()
    return f"{char!r} ({code_point})"


def _visible(name: str) -> str:
    """`name` without invisible characters (`_INVISIBLE`); "" if only joiners and spaces
    are left."""
    visible = "".join(char for char in name if char not in _INVISIBLE)
    return "" if visible.replace("\u200c", "").replace("\u200d", "").strip() == "" else visible


def _resolves(reference: str, folder: Path) -> bool:
    """Whether a schema reference leads somewhere: an address, or a file from `folder`
    (files copied from another repository may name a schema that is not in this one)."""
    if reference.startswith(("https://", "http://")):
        return True
    return (folder / reference).is_file()


# As the term schema allows for a form (term.schema.json, maxLength).
MAX_NAME = 200


def run_new(config: HandbookConfig, kind: str, name: str, config_file: Path | None = None) -> int:
    """Write the new file; 1 if it exists already or another term has the form, 2 if
    `name` makes no usable id. `config_file` is mkdocs.yml as `-f` named it, where that
    is not the file `handbook check` finds by itself, which the advice then names."""
    # NFC: the form as the checks read it, whatever a keyboard or a copied name made.
    name = unicodedata.normalize("NFC", _plain_letters(_visible(_as_utf8(name))))
    name = _SPACES_AND_TABS.sub(" ", name).strip()
    problem = _name_problem(kind, name)
    if problem is not None:
        return _refused(problem, EXIT_USAGE)
    slug = slugify(name)
    problem = _id_problem(config, kind, name, slug)
    if problem is not None:
        return _refused(problem, EXIT_USAGE)
    path = target_path(config, kind, slug)
    # The folder as found, the file as named: a link there is not followed in messages.
    shown = posixpath.join(config.relative(path.parent), path.name)
    problem = _reserved_name_problem(slug, shown)
    if problem is not None:
        return _refused(problem, EXIT_USAGE)
    twin = _unread_twin(path)
    if twin is not None:
        # `handbook check` asks for it to be renamed to `path`'s name: that is the file to edit.
        return _refused(
            f"{posixpath.join(config.relative(path.parent), twin)} is there "
            f"already with this id, but is not read (the checks read .yml files alone): "
            f"rename it to {path.name} and edit it; nothing was written.",
            EXIT_REFUSED,
        )
    text = render(kind, name, path.parent, config.today, config.root)
    if kind == "term" and not path.exists():
        problem = _claim_problem(config, name, slug, Origin(path=shown, text=text))
        if problem is not None:
            return _refused(problem, EXIT_REFUSED)
    refusal = _write_new_file(config, path, shown, text)
    if refusal is not None:
        return _refused(*refusal)
    steps = _next_steps(config_file, compare_base(config.root))
    try:
        print(f"created {shown_name(path)}: fill it in, then run\n{steps}", flush=True)
    except BrokenPipeError:  # `| head`: the CLI drops the rest, as for any command
        raise
    except OSError as error:  # `> /dev/full`: the file is there all the same (badux)
        return _refused(
            f"created {shown_name(path)}, but cannot write to standard output: "
            f"{error.strerror or error}",
            EXIT_USAGE,
        )
    if (removed := removed_before_note(path, shown, kind)) is not None:
        print(removed, file=sys.stderr)
    if respelled := words_respelled(name, config.language):
        # A note, not a refusal: `nino` for `niño` is fine, `ano` for `año` is not, and
        # only a reader of the language can tell (audit).
        print(_respelled_note(respelled, path, name), file=sys.stderr)
    return EXIT_OK


def _refused(problem: str, exit_code: int) -> int:
    """Say why `handbook new` wrote nothing; `exit_code`."""
    print(f"handbook new: {problem}", file=sys.stderr)
    return exit_code


def _name_problem(kind: str, name: str) -> str | None:
    """Why `name` (cleaned up as `run_new` does) can be no term's form or record's title;
    None where it can be one."""
    if not name:
        return 'the name is empty: give one, e.g. "T visa"'
    # Control characters, and the line and paragraph separators YAML reads as breaks.
    if any(unicodedata.category(char) in ("Cc", "Zl", "Zp") for char in name):
        return 'give the name on one line, e.g. "T visa"'
    if LONE_SURROGATE.search(name):
        # A byte that is not UTF-8 (a terminal in another encoding): no text to write.
        return (
            "the name holds a byte that is not UTF-8; write it as UTF-8 text "
            "(is the terminal set to another encoding?)"
        )
    if len(name) > MAX_NAME:
        return f"a name has at most {MAX_NAME} characters (this one has {len(name)})"
    if kind == "term" and (problem := _form_problem(name)):
        return f"{name!r} {problem}"
    return None


def _id_problem(config: HandbookConfig, kind: str, name: str, slug: str) -> str | None:
    """Why `slug`, the id made from `name`, is no id for the new file: too long, empty,
    or saying something else than the name; None where it will do."""
    if len(slug) > MAX_NAME:  # "ß" is "ss": an id can be longer than its name
        return (
            f"the file name made from this name would have {len(slug)} "
            f"characters before .yml, at most {MAX_NAME}: give a shorter name"
        )
    example = config.relative(target_path(config, kind, _EXAMPLE_IDS[kind]))
    in_latin_letters = (
        "Write the preferred form in Latin letters, and give this one under `translations`."
        if kind == "term"
        else "Write the title in Latin letters."
    )
    if not slug:
        # A handbook written in another script (Arabic, Russian) keeps its names as they
        # are written: only the file takes a name in Latin letters (audit ar65: the advice
        # alone had an Arabic coalition write its preferred forms in Latin letters).
        field = "term" if kind == "term" else "title"
        return (
            f"cannot make a file name from {name!r}: it needs at least one "
            f"Latin letter or digit (file names are ids such as {example}). "
            f"{in_latin_letters[:-1]}; or, in a handbook written in this script, run this "
            "command with a name in Latin letters for the file (an English one or a "
            f"transliteration), then write {name!r} as its `{field}:` in the file it makes."
        )
    if left_out := words_left_out(name):
        # The id, and so the page's address, would say something else than the name, and
        # take the plain id from a later term (audit: `Москва shelter` made shelter.yml).
        words = ", ".join(map(repr, left_out))
        return (
            f"the file name made from {name!r} would leave out {words}, with "
            f"no Latin letter or digit (file names are ids such as {example}; this one "
            f"would be {config.relative(target_path(config, kind, slug))}). {in_latin_letters}"
        )
    if partly := letters_left_out(name):
        # A letter of another script in a Latin word (a look-alike typed with another
        # keyboard layout) was cut from the id in silence: `viсtim` made vi-tim (review).
        lost = "; ".join(
            f"{', '.join(map(_named_character, chars))} in {word!r}" for word, chars in partly
        )
        several = sum(len(chars) for _, chars in partly) > 1
        kind_of = "Latin letters or digits" if several else "a Latin letter or digit"
        return (
            f"the file name made from {name!r} would leave out {lost}, not "
            f"{kind_of} (file names are ids such as {example}; this one would be "
            f"{config.relative(target_path(config, kind, slug))}). {in_latin_letters}"
        )
    return None


def _reserved_name_problem(slug: str, shown: str) -> str | None:
    """Why the file `shown`, of id `slug`, could not be one of the handbook's: its name
    is Windows' or the generated index page's; None where it can be."""
    if slug in WINDOWS_DEVICE_NAMES:
        return (
            f"{shown} could not be checked out on Windows, where "
            f"{slug.upper()} names a device, not a file: give a longer name; nothing was "
            "written."
        )
    if slug == RESERVED_ID:  # `handbook check` would refuse the file (model.source.check_id)
        return (
            f"{shown} would take the place of its folder's generated index "
            'page: name what it is an index of, e.g. "Vulnerability index"; nothing was written.'
        )
    return None


def _claim_problem(config: HandbookConfig, name: str, slug: str, origin: Origin) -> str | None:
    """Why no term `name` (id `slug`, to be written as `origin`) can be added: another
    term claims the form already; None where none does."""
    # The new term as far as its forms go: the template writes `name` as `term` alone.
    new_term = Term(
        id=slug, term=name, version=1, definition="", short="", history=(), origin=origin
    )
    claimed = claimed_elsewhere(config, new_term)
    if claimed is None:
        return None
    what = _CLAIM_KINDS[claimed.kind]
    replaced = (
        f", replaced by {claimed.term.replaced_by!r}"
        if claimed.kind == "deprecated" and claimed.term.replaced_by
        else ""
    )
    return (
        f"{name!r} is already {what} {claimed.term.id!r} "
        f"({claimed.place()}{replaced}): edit that term instead; nothing was written."
    )


def _write_new_file(
    config: HandbookConfig, path: Path, shown: str, text: str
) -> tuple[str, int] | None:
    """Write `text` to the new file at `path` (named `shown`), making its folder; where
    that cannot be done, why, with the exit code to return. Never overwrites a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # e.g. a file where the folder belongs
        folder = config.relative(path.parent)
        in_the_way = _file_in_the_way(path.parent)
        reason = (
            f"{config.relative(in_the_way)} is a file, not a folder"
            if in_the_way is not None
            else error.strerror
        )
        return f"cannot make the folder {folder}: {reason}", EXIT_USAGE
    try:
        # Whole or not at all, and never over a file there already (`create_whole`): a
        # run killed midway left an empty term file, which the check read as a broken
        # term (audit). Encoded first: a name that cannot be written makes no file.
        written = create_whole(path, text.encode("utf-8"))
    except OSError as error:
        return f"cannot write {shown}: {error.strerror}", EXIT_USAGE
    if not written:
        if path.is_dir() and not path.is_symlink():
            # A folder cannot be edited into a file: say what stands in the way.
            return (
                f"{shown} is a folder, in the way of the new file; it was left "
                f"untouched. Rename or remove the folder, or choose another name.",
                EXIT_REFUSED,
            )
        what = "is a symbolic link" if path.is_symlink() else "already exists"
        return (
            f"{shown} {what}; it was left untouched. Edit it, or choose another name.",
            EXIT_REFUSED,
        )
    remove_left_temporaries(path)  # of a run killed before it linked its file in place
    return None


# How an example id spells out a letter the id would write as another one (`año` is
# `ano`): as Spanish web addresses write `ñ`, and as Danish and Swedish write theirs
# without them.
_SPELLED_OUT = str.maketrans({"ñ": "ni", "å": "aa", "ä": "ae", "ö": "oe", "ø": "oe"})


def _respelled_note(respelled: list[tuple[str, str]], path: Path, name: str) -> str:
    """Which words the new file's id spells otherwise, and how to give it another id:
    the id is the file name, so the file is renamed, before anything names it."""
    spellings = " and ".join(f"{word!r} as {spelling!r}" for word, spelling in respelled)
    example = slugify(name.casefold().translate(_SPELLED_OUT))
    instead = f", e.g. to {example}{path.suffix}" if example != path.stem else ""
    return (
        f"handbook new: note: the id {path.stem!r} (the file name, and the page's address) "
        f"spells {spellings}: ids are lowercase ASCII letters, digits and hyphens. If that "
        f"reads as another word, rename {shown_name(path)} now, before other files name "
        f"it{instead}; the name in it stays {name!r}."
    )


def _file_in_the_way(folder: Path) -> Path | None:
    """The file that stands where `folder` or one of the folders above it belongs, if
    any ("File exists" or "Not a directory" alone does not say which)."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return None if candidate.is_dir() else candidate
    return None


def _unread_twin(path: Path) -> str | None:
    """The name of a `.yaml` file of `path`'s id beside where `path` goes (`twin.yaml`
    for `twin.yml`), or None. Not being read, it claims no form: only its name tells
    that the new file would be its second."""
    if path.suffix != ".yml":
        return None
    wanted = f"{path.stem}.yaml"
    try:
        with os.scandir(path.parent) as entries:
            return next((entry.name for entry in entries if entry.name.lower() == wanted), None)
    except OSError:  # no folder yet, or one that cannot be read: writing will tell
        return None


def _next_steps(config_file: Path | None, base: str | None) -> str:
    """The commands to run next, as CI runs them, each with what it is for: the strict
    check, and the report a reviewer reads, the one place that names sample text left
    in (the scaffold passes the checks as it is). That report compares with where the
    branch left main, as a pull request does: `diff HEAD` showed nothing once the new
    file was committed (audit). `base` is the branch this repository has for it: naming
    `origin/main` failed where there is no such branch (review)."""
    report = "the report a reviewer reads; it names sample text still to replace"
    if base is None:
        report += f" ({ANY_BASE}: the branch your pull request goes into)"
    steps = [
        (handbook_command("check --strict", config_file), "the checks CI runs"),
        (handbook_command("diff", config_file, pull_request_range(base)), report),
    ]
    width = max(len(command) for command, _ in steps)
    return "\n".join(f"  {command.ljust(width)}  # {purpose}" for command, purpose in steps)


def _form_problem(name: str) -> str | None:
    """Why `name` makes no form that pages can be found to use, or None."""
    symbol = next((char for char in name if _is_symbol(char)), None)
    if symbol is not None:
        if unicodedata.category(symbol) != "So":  # a part of an emoji: shown in its word
            symbol = next(word for word in name.split() if symbol in word)
        # A page says it in words ("trafficking victim"), and none writes "Polaris®".
        return (
            f"holds {symbol!r}, a symbol or emoji: a term is written in words alone, as "
            "pages write it"
        )
    # `handbook check` refuses sentence punctuation ("child prostitute."); markup and
    # symbols around the words (#hashtag, *star, 100%) are no more a part of a form.
    if not re.search(_form_pattern(), name) or _punctuation_around(name):
        return (
            "has punctuation before or after its words: a term is written as words alone, e.g. "
            '"T visa" (an abbreviation with dots inside keeps them: "U.S.")'
        )
    without_markup = _form_rule("withoutMarkup")
    if not re.search(without_markup["pattern"], name):
        return f"holds a sign a form may not hold; write {_lowered(without_markup)}"
    return None


def _is_symbol(char: str) -> bool:
    # The emoji variation selector and the keycap's enclosing mark are parts of an emoji.
    return unicodedata.category(char) == "So" or char in "\ufe0f\u20e3"


def _punctuation_around(name: str) -> bool:
    """Whether `name` starts with anything but a letter or digit (a format character
    may come before it: the Arabic number sign stands before its digits), or ends with
    anything but one of those, a mark, or what belongs to the last word: a closing
    bracket whose opening one is in the name (`Section 7102(9)`), the apostrophe of a
    plural's possessive (`survivors'`), the plus of `LGBTQ+`, the full stop of an
    abbreviation (`U.S.`, which the check tells from a sentence's)."""
    first = next((char for char in name if unicodedata.category(char) != "Cf"), " ")
    if unicodedata.category(first)[0] not in "LN":
        return True
    last = name[-1]
    if unicodedata.category(last)[0] in "LNM" or last == ".":
        return False
    before = name[-2:-1]
    if last in ")]":
        return {")": "(", "]": "["}[last] not in name
    if last in "'\u2019":
        # Not a closing quote: no word opens with one (`the 'john'`).
        return before not in ("s", "S") or re.search(r"(?:^|\s)['\u2018\u2019]", name) is not None
    return not (last == "+" and before.isalpha())


def _form_pattern() -> str:
    """What a written form must match, from the term schema that `handbook check` uses."""
    return str(_form_rule("form")["pattern"])


def _form_rule(name: str) -> dict[str, str]:
    """A rule of the term schema's `$defs` (`load_schema` reads the file once)."""
    rule: dict[str, str] = load_schema("term")["$defs"][name]
    return rule


def _lowered(rule: dict[str, str]) -> str:
    description = rule["description"]
    return description[:1].lower() + description[1:]


# How the refusal names what the taken form is: a deprecated term's own forms are listed
# under no `avoid`, and "a form to avoid" sent editors looking for one (audit).
_CLAIM_KINDS = {
    "accepted": "a form of the term",
    "to avoid": "a form to avoid of the term",
    "deprecated": "a form of the deprecated term",
}


def claimed_elsewhere(config: HandbookConfig, new_term: Term) -> Claim | None:
    """Another term's claim that `new_term`'s forms conflict with, as the
    `glossary.duplicate` rule would report it, or None. Files of the glossary that do not
    load (`handbook check` reports them) are not compared; an unreadable glossary folder
    is as good as an empty one here (writing into it will say what is wrong)."""
    try:
        # Through `handbook check`'s cache: a term file unchanged since a run read it is
        # not parsed again (at 2,000 terms, parsing them all took most of the command's
        # time). Read only: nothing is written to the cache.
        terms, _, _ = load_terms(config, _check_cache(config))
    except OSError:
        return None
    language = inflection_language(config.language)
    new_claims = list(claims_of(new_term, language))
    for other_term in sorted(terms.values(), key=lambda term: term.origin.path):
        if other_term.id == new_term.id:
            continue
        for other in claims_of(other_term, language):
            for claim in new_claims:
                # The rule's test: the two are found in the same words, and their
                # claims do not agree.
                if other.meets(claim) and not claims_agree(
                    other.term.id, other.meaning, claim.term.id, claim.meaning
                ):
                    return other
    return None


def _check_cache(config: HandbookConfig) -> RunCache | None:
    """The cache a `handbook check` or build of `config`'s site left, to read; None where
    none did: there is nothing to read, and asking for it would make the key that signs
    it (a file in the user's folder) and ask git whether it tracks one (review rv44c)."""
    if not site_packs_folder(config.root / CACHE_DIR, config.config_name).is_dir():
        return None
    if _holds_links(config.glossary_dir):
        # Keyed by a file's bytes alone here (the check's keys know where a link leads):
        # a link out of the handbook, which is not read, would find its copy's entry.
        return None
    return RunCache.beside(config.root, config.config_name)


def _holds_links(folder: Path) -> bool:
    try:
        with os.scandir(folder) as entries:
            return any(entry.is_symlink() for entry in entries)
    except OSError:  # no folder: no term, and nothing to read
        return False


def _one_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _yaml_scalar(value: str) -> str:
    """`value` as a YAML scalar: plain where YAML reads it back unchanged, else quoted."""
    try:
        if yaml.safe_load(value) == value and "#" not in value and ": " not in value:
            return value
    except (yaml.YAMLError, *VALUE_CONVERSION_ERRORS):  # `2026-02-30`, `!!bool maybe`
        pass
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(value, ensure_ascii=False)


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        # YAML and Markdown, not HTML: values are quoted by the `yaml` filter instead.
        autoescape=False,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["yaml"] = _yaml_scalar
    return environment


def _as_utf8(name: str) -> str:
    """`name` as typed: in a locale that reads arguments as ASCII (`LC_ALL=C`), what was
    typed in UTF-8 arrives as bytes held in lone surrogates, which are read again here.
    A name whose bytes are not UTF-8 comes back as it was."""
    if not LONE_SURROGATE.search(name):
        return name
    try:
        return os.fsencode(name).decode("utf-8")
    except (UnicodeError, ValueError):
        return name
