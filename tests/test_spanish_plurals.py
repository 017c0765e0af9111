"""A Spanish site's forms take Spanish plurals (inflector's), every other site's English
ones (lemminflect's), as `theme.language` says: DESIGN section 4."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers_model import MKDOCS, TODAY, load, term_yaml, write_files
from site_builds import READERS_SITE, build_site, read, write_site
from site_builds import term_yaml as site_term_yaml
from test_handouts import context_with_errors, module_text, term_file, write_handbook
from test_matching import make_term
from test_scaffold import _claim, write_term

from coalition_handbook.check import run_checks
from coalition_handbook.config import HandbookConfig, load_config
from coalition_handbook.editor.changes import compare
from coalition_handbook.editor.changes_forms import form_status_changes
from coalition_handbook.editor.changes_model import FormState, FormStatusChange
from coalition_handbook.editor.report_forms import form_lines
from coalition_handbook.editor.usage import find_uses
from coalition_handbook.forms import (
    ENGLISH,
    FRENCH,
    SPANISH,
    form_key,
    inflection_language,
    last_word_variants,
    plurals,
    searched_writings,
)
from coalition_handbook.matching import Matcher
from coalition_handbook.site import handout_held_back


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("es", SPANISH),
        ("es-MX", SPANISH),
        ("es_AR", SPANISH),
        ("ES", SPANISH),
        ("en", ENGLISH),
        ("en-GB", ENGLISH),
        ("fr", FRENCH),  # French rules: test_french_plurals.py
        ("eu", ENGLISH),  # Basque, not Spanish
        (None, ENGLISH),
    ],
)
def test_inflection_language(language: str | None, expected: str) -> None:
    assert inflection_language(language) == expected


@pytest.mark.parametrize(
    ("word", "spanish", "english"),
    [
        ("protección", ("protecciones",), ("proteccións",)),
        ("trabajador", ("trabajadores",), ("trabajadors",)),
        ("explotador", ("explotadores",), ("explotadors",)),
        ("internacional", ("internacionales",), ("internacionals",)),
        ("voz", ("voces",), ("vozes",)),
        ("ley", ("leyes",), ("leys",)),
        ("país", ("países",), None),
        ("mes", ("meses",), None),
        ("víctima", ("víctimas",), ("víctimas",)),
        ("Protección", ("Protecciones",), None),  # in the word's own case
        ("crisis", (), None),  # the same word in the plural
        ("víctimas", (), None),  # a plural has none
        ("trabajadores", (), None),
        ("ONG", ("ONGs",), ("ONGs",)),  # an acronym, as in English
        ("ONGs", (), ()),
        # Stressed on the third-to-last syllable in the plural, so written with an accent
        ("joven", ("jóvenes",), None),
        ("examen", ("exámenes",), None),
        ("imagen", ("imágenes",), None),
        ("origen", ("orígenes",), None),
        ("canon", ("cánones",), None),
        ("Crimen", ("Crímenes",), None),
        ("mitin", ("mítines",), None),
        ("orden", ("órdenes",), None),
        # Of one syllable, or stressed on the last and written with an accent: none
        ("tren", ("trenes",), None),
        ("camión", ("camiones",), None),
        ("almacén", ("almacenes",), None),
        ("régimen", ("regímenes",), None),  # the library's own, as it was
    ],
)
def test_spanish_plurals(
    word: str, spanish: tuple[str, ...], english: tuple[str, ...] | None
) -> None:
    assert plurals(word, SPANISH) == spanish
    if english is not None:  # English rules, unchanged, for every other site
        assert plurals(word) == plurals(word, ENGLISH) == english


def test_a_spanish_form_matches_its_plural_and_possessive() -> None:
    assert last_word_variants("explotador", SPANISH) == (
        "explotador",
        "explotador's",
        "explotadores",
        "explotadores'",
    )
    assert searched_writings("protección internacional", SPANISH) >= {
        "protecciones internacionales"
    }


def _assert_spanish_plural(form: str, plural: str, not_written: str | None) -> None:
    """`form`'s writings on a Spanish site hold `plural`, not `not_written`, and both
    writings share one key (the duplicate rule's and the diff's)."""
    writings = searched_writings(form, SPANISH)
    assert plural in writings
    assert not_written not in writings
    assert form_key(form, language=SPANISH) == form_key(plural, language=SPANISH)


@pytest.mark.parametrize(
    ("form", "plural", "not_written"),
    [
        ("trabajador migrante", "trabajadores migrantes", "trabajador migrantes"),
        ("víctima de trata", "víctimas de trata", "víctima de tratas"),
        ("protección internacional", "protecciones internacionales", None),
        # The noun of a complement keeps its number, however rarely the whole is plural.
        ("trata de personas", "tratas de personas", None),
        ("persona en situación de calle", "personas en situación de calle", None),
        ("explotación laboral del trabajador", "explotaciones laborales del trabajador", None),
        ("menor no acompañado", "menores no acompañados", "menor no acompañados"),
        ("trabajo forzoso u obligatorio", "trabajos forzosos u obligatorios", None),
        ("ONG local", "ONGs locales", None),
        ("joven migrante", "jóvenes migrantes", None),
    ],
)
def test_a_spanish_forms_plural_inflects_its_noun_and_the_adjectives_before_a_complement(
    form: str, plural: str, not_written: str | None
) -> None:
    """Spanish makes a noun phrase plural in its noun and the adjectives that agree with
    it, not in a complement after a preposition or article: the last word alone gave
    "trabajador migrantes" and "víctima de tratas", which no text writes."""
    _assert_spanish_plural(form, plural, not_written)


@pytest.mark.parametrize(
    ("form", "plural", "not_written"),
    [
        ("niña, niño o adolescente", "niñas, niños o adolescentes", "niña,es niños o adolescentes"),
        ("víctima; testigo", "víctimas; testigos", "víctima;es testigos"),
        ("víctima (de trata)", "víctimas (de trata)", "víctimas (des tratas)"),
    ],
)
def test_a_spanish_forms_words_take_their_plural_before_the_punctuation_written_after_them(
    form: str, plural: str, not_written: str
) -> None:
    """A comma written after a word of the form is no letter of it: the library made
    "niña,es" of "niña,", which no text writes, and the matcher missed "niñas, niños o
    adolescentes"."""
    _assert_spanish_plural(form, plural, not_written)
    text = f"Las {plural} tienen derechos."
    matcher = Matcher.from_terms([make_term("nna", form)], SPANISH)
    assert [text[m.start : m.end] for m in matcher.scan(text)] == [plural]


@pytest.mark.parametrize(
    ("form", "plural", "not_written"),
    [
        ("visa T", "visas T", "visas Ts"),
        ("persona LGBTI", "personas LGBTI", "personas LGBTIs"),
        ("niño, niña o adolescente (NNA)", "niños, niñas o adolescentes (NNA)", None),
        ("ONG local", "ONGs locales", None),  # the noun itself an acronym: as before
    ],
)
def test_a_spanish_forms_acronym_or_letter_after_its_noun_keeps_its_form(
    form: str, plural: str, not_written: str | None
) -> None:
    """A word in capitals after the noun names or qualifies it (a letter, an acronym):
    Spanish writes it as it is in the plural ("visas T", "personas LGBTI"), which the
    matcher missed, looking for "visas Ts" and "personas LGBTIs"."""
    _assert_spanish_plural(form, plural, not_written)


@pytest.mark.parametrize(
    ("form", "plural", "not_written"),
    [
        ("buen trato", "buenos tratos", "buenes tratos"),
        ("mal trato", "malos tratos", "males tratos"),
        ("primer respondiente", "primeros respondientes", "primeres respondientes"),
        ("Gran Ciudad", "Grandes Ciudades", "Granes Ciudades"),
        ("mal de altura", "males de altura", None),  # a noun: its own plural
    ],
)
def test_a_shortened_spanish_adjective_before_its_noun_takes_its_full_plural(
    form: str, plural: str, not_written: str | None
) -> None:
    """Before a singular noun Spanish shortens some adjectives (`bueno` to `buen`), whose
    plural is the full word's: the library made "males tratos" and "primeres" of them."""
    _assert_spanish_plural(form, plural, not_written)
    text = f"Los {plural}."
    matcher = Matcher.from_terms([make_term("t", form)], SPANISH)
    assert [text[m.start : m.end] for m in matcher.scan(text)] == [plural]


@pytest.mark.parametrize("form", ["víctimas de trata", "en situación de calle", "a domicilio"])
def test_a_spanish_form_plural_already_or_starting_with_a_preposition_has_no_plural(
    form: str,
) -> None:
    assert searched_writings(form, SPANISH) == {form, f"{form}'s"}


def test_an_english_forms_plural_is_its_last_words_as_before() -> None:
    assert searched_writings("victim of trafficking") == {
        "victim of trafficking",
        "victim of trafficking's",
        "victim of traffickings",
        "victim of traffickings'",
    }


def test_the_matcher_finds_a_spanish_forms_plural_as_spanish_writes_it() -> None:
    terms = [make_term("trabajador-migrante", "Trabajador-Migrante", avoid=("víctima de trata",))]
    text = "Los trabajadores migrantes, las víctimas de trata y un trabajador migrantes."
    matcher = Matcher.from_terms(terms, SPANISH)
    assert [text[m.start : m.end] for m in matcher.scan(text)] == [
        "trabajadores migrantes",
        "víctimas de trata",
    ]
    # As the glossary writes the form, for term.case and the search index.
    assert "Trabajadores-Migrantes" in matcher.written_forms()["trabajador-migrante"]


def test_a_spanish_form_and_its_plural_have_one_key() -> None:
    # glossary.duplicate compares forms by key: the plural the matcher finds is the form.
    assert form_key("trabajador", language=SPANISH) == form_key("Trabajadores", language=SPANISH)
    assert form_key("voz", language=SPANISH) == form_key("voces", language=SPANISH)
    assert form_key("cómplice", language=SPANISH) == form_key("cómplices", language=SPANISH)
    for acronym in ("ONG", "ONGs"):  # as in English
        assert form_key(acronym, language=SPANISH) == form_key(acronym)
    assert form_key("trabajador") != form_key("trabajadores")  # English: "trabajadors"


def test_the_matcher_finds_spanish_plurals_on_a_spanish_site_only() -> None:
    terms = [make_term("tratante", "tratante", avoid=("explotador",))]
    text = "Los explotadores y los tratantes captan a trabajadores."
    spanish = [text[m.start : m.end] for m in Matcher.from_terms(terms, SPANISH).scan(text)]
    english = [text[m.start : m.end] for m in Matcher.from_terms(terms).scan(text)]
    assert spanish == ["explotadores", "tratantes"]
    assert english == ["tratantes"]


SPANISH_MKDOCS = MKDOCS + "theme:\n  name: material\n  language: es\n"
PAGE = "# Manual\n\nLos explotadores captan a personas.\n"


def _found(tmp_path: Path, mkdocs: str, files: dict[str, str]) -> list[tuple[str, int, str]]:
    config = write_files(tmp_path, {"mkdocs.yml": mkdocs, **files})
    findings = run_checks(config).findings
    return [(finding.rule, finding.line or 0, finding.found or "") for finding in findings]


def test_a_form_to_avoid_is_found_in_the_plural_on_a_spanish_site(tmp_path: Path) -> None:
    files = {
        "glossary/tratante.yml": term_yaml("tratante", "avoid:\n  - text: explotador\n"),
        "content/index.md": PAGE,
    }
    assert ("term.avoid", 3, "explotadores") in _found(tmp_path, SPANISH_MKDOCS, files)


def test_the_cache_keeps_no_english_plurals_for_a_site_turned_spanish(tmp_path: Path) -> None:
    files = {
        "glossary/tratante.yml": term_yaml("tratante", "avoid:\n  - text: explotador\n"),
        "content/index.md": PAGE,
    }
    english = MKDOCS + "theme:\n  name: material\n  language: en\n"
    assert not any(rule == "term.avoid" for rule, _, _ in _found(tmp_path, english, files))
    (tmp_path / "mkdocs.yml").write_text(SPANISH_MKDOCS, encoding="utf-8")
    findings = run_checks(load_config(tmp_path / "mkdocs.yml", today=TODAY)).findings
    assert [(f.rule, f.found) for f in findings if f.rule == "term.avoid"] == [
        ("term.avoid", "explotadores")
    ]


def test_a_plural_claimed_by_another_term_is_a_duplicate_on_a_spanish_site(
    tmp_path: Path,
) -> None:
    # The matcher finds "explotadores" as a use of both terms: one of them is wrong.
    files = {
        "glossary/explotador.yml": term_yaml("explotador"),
        "glossary/red.yml": term_yaml("red de explotación", "aliases: [explotadores]\n"),
        "content/index.md": "# Manual\n",
    }
    duplicates = [
        found
        for rule, _, found in _found(tmp_path, SPANISH_MKDOCS, files)
        if rule == "glossary.duplicate"
    ]
    assert duplicates == ["explotadores"]


@pytest.mark.parametrize(
    ("form", "plural"),
    [
        ("explotador", "explotadores"),
        ("bebé", "bebés"),  # a word ending in a stressed vowel: "bebeses" is its key
    ],
)
def test_a_spanish_plural_listed_beside_its_form_is_no_duplicate(
    tmp_path: Path, form: str, plural: str
) -> None:
    files = {
        "glossary/term.yml": term_yaml(form, f"aliases: [{plural}]\n"),
        "content/index.md": "# Manual\n",
    }
    found = _found(tmp_path, SPANISH_MKDOCS, files)
    assert not any(rule == "glossary.duplicate" for rule, _, _ in found)


def test_the_duplicates_kept_for_an_english_site_are_not_a_spanish_sites(
    tmp_path: Path,
) -> None:
    files = {
        "glossary/explotador.yml": term_yaml("explotador"),
        "glossary/red.yml": term_yaml("red de explotación", "aliases: [explotadores]\n"),
        "content/index.md": "# Manual\n",
    }
    english = MKDOCS + "theme:\n  name: material\n  language: en\n"
    assert not any(rule == "glossary.duplicate" for rule, _, _ in _found(tmp_path, english, files))
    (tmp_path / "mkdocs.yml").write_text(SPANISH_MKDOCS, encoding="utf-8")
    findings = run_checks(load_config(tmp_path / "mkdocs.yml", today=TODAY)).findings
    assert [f.found for f in findings if f.rule == "glossary.duplicate"] == ["explotadores"]


def _new_term_config(tmp_path: Path, language: str) -> HandbookConfig:
    """The config `handbook new term` reads in a new handbook whose site is in `language`."""
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: T\ndocs_dir: content\ntheme:\n  name: material\n  language: {language}\n"
        "plugins:\n  - handbook\n",
        encoding="utf-8",
    )
    return load_config(tmp_path / "mkdocs.yml", today=TODAY, require_folders=False)


@pytest.mark.parametrize(("language", "claimed"), [("es", True), ("en", False)])
def test_handbook_new_term_finds_a_form_whose_plural_a_spanish_term_makes(
    tmp_path: Path, language: str, claimed: bool
) -> None:
    config = _new_term_config(tmp_path, language)
    write_term(config, "explotador", "term: explotador\n")
    assert _claim(config, "explotadores") == (("explotador", "accepted") if claimed else None)


@pytest.mark.parametrize(("language", "found"), [(SPANISH, ["explotadores"]), (ENGLISH, [])])
def test_handbook_diff_lists_the_spanish_plural_uses_of_a_form_made_to_avoid(
    tmp_path: Path, language: str, found: list[str]
) -> None:
    handbook, _ = load(
        tmp_path,
        {
            "glossary/tratante.yml": term_yaml("tratante", "avoid:\n  - text: explotador\n"),
            "content/index.md": PAGE,
        },
    )
    change = FormStatusChange(
        "explotador",
        False,
        None,
        FormState("avoid", "tratante", suggestion="tratante"),
        language=language,
    )
    uses = find_uses([change], handbook, handbook, language=language)
    assert [use.found for use in uses.get(change.key, [])] == found


def test_a_term_file_with_errors_holds_back_a_spanish_handout_that_uses_its_plural(
    tmp_path: Path,
) -> None:
    """Review rv59a: the forms of a term file with errors were matched with English
    plurals on a Spanish site, so a module writing "explotadores" printed its handout
    without the term `handbook check` finds used there (`explotador`)."""
    body = "Los explotadores captan a personas.\n"
    config_file = write_handbook(
        tmp_path, modules={"community": module_text("Comunidad", body, protocols="[]")}
    )
    mkdocs = config_file.read_text("utf-8")
    config_file.write_text(mkdocs + "theme:\n  name: material\n  language: es\n", "utf-8")
    (tmp_path / "glossary" / "explotador.yml").write_text(
        term_file("term: explotador\nstatuss: approved"), "utf-8"
    )
    context = context_with_errors(config_file)
    assert handout_held_back.held_back_by_errors(context, {"glossary/explotador.yml"}) == {
        "content/modules/community.md": "it prints from a file with errors: glossary/explotador.yml"
    }


def test_handbook_diff_adds_no_form_where_a_spanish_plural_is_listed_beside_its_form(
    tmp_path: Path,
) -> None:
    """Review rv59a: the diff compared forms by their English keys, so listing
    "explotadores" beside "explotador" on a Spanish site was a form to avoid added, "not
    a form of any term" before and "not used", though the check found "Los explotadores"
    as a use of it before the change and after."""
    avoid = "avoid:\n  - text: explotador\n"
    old, _ = load(tmp_path / "old", {"glossary/tratante.yml": term_yaml("tratante", avoid)})
    both = avoid + "  - text: explotadores\n"
    new, _ = load(tmp_path / "new", {"glossary/tratante.yml": term_yaml("tratante", both)})
    assert list(form_status_changes(old, new, {}, "es")) == []
    assert [change.form for change in form_status_changes(old, new, {}, "en")] == ["explotadores"]


@pytest.mark.parametrize(
    ("form", "plural"),
    [("bebé", "bebés"), ("sofá", "sofás"), ("bebé", "bebé's")],  # and a possessive
)
def test_a_plural_of_a_word_ending_in_a_stressed_vowel_claimed_by_another_term_is_a_duplicate(
    tmp_path: Path, form: str, plural: str
) -> None:
    """Review rv59a: a Spanish form's key is its plural, and the library's plural of
    "bebés" is "bebeses": the two terms' keys differed, so the rule said nothing while
    the matcher found "bebés" as a use of both (the lower id won, silently)."""
    files = {
        "glossary/bebe.yml": term_yaml(form),
        "glossary/venta.yml": term_yaml("venta", f"aliases: [{plural}]\n"),
        "content/index.md": "# Manual\n",
    }
    duplicates = [
        found
        for rule, _, found in _found(tmp_path, SPANISH_MKDOCS, files)
        if rule == "glossary.duplicate"
    ]
    assert duplicates == [plural]


def test_handbook_new_term_finds_the_plural_of_a_spanish_word_ending_in_a_stressed_vowel(
    tmp_path: Path,
) -> None:
    config = _new_term_config(tmp_path, SPANISH)
    write_term(config, "bebe", "term: bebé\n")
    assert _claim(config, "bebés") == ("bebe", "accepted")


def test_a_spanish_sites_search_holds_no_possessive_the_matcher_made() -> None:
    terms = [make_term("victima", "víctima de trata", aliases=("Children's Fund",))]
    written = Matcher.from_terms(terms, SPANISH).written_forms(possessives=False)
    assert written["victima"][:3] == ["víctima de trata", "víctimas de trata", "Children's Fund"]
    assert not any(form.endswith(("'s", "'")) for form in written["victima"][3:])
    assert "víctima de trata's" in Matcher.from_terms(terms, SPANISH).written_forms()["victima"]


@pytest.mark.parametrize(("language", "possessive"), [("es", False), ("en", True)])
def test_a_term_page_is_found_by_its_plural_and_no_english_possessive_on_a_spanish_site(
    tmp_path: Path, language: str, possessive: bool
) -> None:
    config = write_site(
        tmp_path,
        pages={"index.md": "# Inicio\n"},
        terms={"victima": site_term_yaml("víctima de trata", "Persona captada.")},
        **READERS_SITE,
        theme_options=f"language: {language}",
    )
    index = json.loads(read(build_site(config), "search/search_index.json"))
    entry = next(doc for doc in index["docs"] if doc["location"] == "glossary/victima/")
    forms = json.dumps(entry, ensure_ascii=False)
    assert ("víctimas de trata" in forms) == (language == "es")
    assert ("víctima de trata's" in forms) == possessive


def test_a_plural_of_a_spanish_phrase_claimed_by_another_term_is_a_duplicate(
    tmp_path: Path,
) -> None:
    files = {
        "glossary/victima.yml": term_yaml("víctima de trata"),
        "glossary/red.yml": term_yaml("red de trata", "aliases: [víctimas de trata]\n"),
        "glossary/trabajador.yml": term_yaml(
            "trabajador migrante", "aliases: [trabajadores migrantes]\n"
        ),
        "content/index.md": "# Manual\n",
    }
    duplicates = [
        found
        for rule, _, found in _found(tmp_path, SPANISH_MKDOCS, files)
        if rule == "glossary.duplicate"
    ]
    assert duplicates == ["víctima de trata"]  # at the later file, by path


def test_handbook_diff_adds_no_form_where_a_spanish_phrases_plural_is_listed_beside_it(
    tmp_path: Path,
) -> None:
    avoid = "avoid:\n  - text: víctima de trata\n"
    old, _ = load(tmp_path / "old", {"glossary/tratante.yml": term_yaml("tratante", avoid)})
    both = avoid + "  - text: víctimas de trata\n"
    new, _ = load(tmp_path / "new", {"glossary/tratante.yml": term_yaml("tratante", both)})
    assert list(form_status_changes(old, new, {}, "es")) == []


def test_handbook_diff_lists_the_plural_uses_of_a_spanish_phrase_made_to_avoid(
    tmp_path: Path,
) -> None:
    handbook, _ = load(
        tmp_path,
        {
            "glossary/tratante.yml": term_yaml("tratante", "avoid:\n  - text: víctima de trata\n"),
            "content/index.md": "# Manual\n\nLas víctimas de trata y la víctima de tratas.\n",
        },
    )
    change = FormStatusChange(
        "víctima de trata",
        False,
        None,
        FormState("avoid", "tratante", suggestion="tratante"),
        language=SPANISH,
    )
    uses = find_uses([change], handbook, handbook, language=SPANISH)
    assert [use.found for use in uses.get(change.key, [])] == ["víctimas de trata"]


@pytest.mark.parametrize(("form", "other"), [("cruz", "cruce"), ("sede", "sed")])
def test_two_words_of_one_term_that_share_a_spanish_plural_are_not_listed_twice(
    tmp_path: Path, form: str, other: str
) -> None:
    """Review rv59a: "cruz" and "cruce" (both "cruces") had one key, and one term listing
    both was told the second was "listed twice": an error for two words, which the
    English rules never gave "ax" and "axis" (both "axes")."""
    files = {
        "glossary/cruce.yml": term_yaml(form, f"aliases: [{other}]\n"),
        "content/index.md": "# Manual\n",
    }
    found = _found(tmp_path, SPANISH_MKDOCS, files)
    assert not any(rule == "glossary.duplicate" for rule, _, _ in found)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "es",
            # As an English site shows "victims" listed beside "victim"
            [
                "  - forms to avoid reordered or rewritten: was `explotador`; "
                "now `explotador`, `explotadores`"
            ],
        ),
        ("en", ["  - forms to avoid added: `explotadores`"]),
    ],
)
def test_handbook_diff_shows_a_spanish_plural_listed_beside_its_form_as_no_form_added(
    tmp_path: Path, language: str, expected: list[str]
) -> None:
    """The report's lines of a term's forms keyed them with English plurals on a Spanish
    site: "explotadores" beside "explotador" was a form to avoid added there, where the
    list of forms whose state changed (Spanish keys) had none."""
    avoid = "avoid:\n  - text: explotador\n"
    old, _ = load(tmp_path / "old", {"glossary/tratante.yml": term_yaml("tratante", avoid)})
    both = avoid + "  - text: explotadores\n"
    new, _ = load(tmp_path / "new", {"glossary/tratante.yml": term_yaml("tratante", both)})
    (change,) = compare(old, new, language=language).items
    assert form_lines(change) == expected
