"""`handbook new`: valid, commented, proposed files; slugs; never an overwrite."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
from pathlib import Path
from types import SimpleNamespace
from unittest.mock import patch

import pytest
import yaml
from git_repositories import commit, git, write
from jsonschema import Draft202012Validator

from coalition_handbook.cache_signature import KEY_FILE_VARIABLE
from coalition_handbook.check import run_checks
from coalition_handbook.cli import main
from coalition_handbook.config import HandbookConfig, load_config
from coalition_handbook.editor import advised_command, scaffold
from coalition_handbook.editor.placeholders import placeholder_fields
from coalition_handbook.editor.scaffold import (
    SCHEMAS_DIR,
    claimed_elsewhere,
    render,
    run_new,
    schema_reference,
    slugify,
)
from coalition_handbook.model import load_handbook, records
from coalition_handbook.model.modules import sections_without_text
from coalition_handbook.model.schema import to_json_data
from coalition_handbook.model.types import Origin, Term

TODAY = dt.date(2026, 3, 14)


@pytest.fixture
def config(tmp_path: Path) -> HandbookConfig:
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        "site_name: T\ndocs_dir: content\nplugins:\n  - handbook\n", encoding="utf-8"
    )
    return load_config(config_file, today=TODAY, require_folders=False)  # as `handbook new`


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Preferred form", "preferred-form"),
        ("T visa", "t-visa"),
        ("Trata de niños", "trata-de-ninos"),
        ("Café   Crème", "cafe-creme"),
        ("Straße", "strasse"),
        ("Ærø Œuvre", "aero-oeuvre"),
        ("Child sexual abuse material (CSAM)", "child-sexual-abuse-material-csam"),
        # An apostrophe inside a word is left out, as MkDocs' heading anchors leave it (audit).
        ("Survivor's network", "survivors-network"),
        ("survivor’s rights", "survivors-rights"),
        ("St. John\u02bcs shelter", "st-johns-shelter"),
        ("survivors' rights", "survivors-rights"),
        ("'til then", "til-then"),
        ("  --Leading and trailing--  ", "leading-and-trailing"),
        ("Section 7102(9)", "section-7102-9"),
        ("A–B", "a-b"),
        ("人口贩卖", ""),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


@pytest.mark.parametrize(
    ("kind", "path", "schema"),
    [
        ("term", "glossary/preferred-form.yml", "term"),
        ("protocol", "protocols/preferred-form.yml", "protocol"),
        ("module", "content/modules/preferred-form.md", "module"),
    ],
)
def test_scaffold_fits_the_schema_and_loads_cleanly(
    config: HandbookConfig, kind: str, path: str, schema: str
) -> None:
    assert run_new(config, kind, "Preferred form") == 0
    text = (config.root / path).read_text(encoding="utf-8")
    front_matter = text.split("---\n")[1] if path.endswith(".md") else text
    data = yaml.safe_load(front_matter)
    validator = Draft202012Validator(
        json.loads((SCHEMAS_DIR / f"{schema}.schema.json").read_text(encoding="utf-8"))
    )
    assert list(validator.iter_errors(to_json_data(data))) == []
    assert data["version"] == 1
    assert data["history"] == [{"version": 1, "date": TODAY, "summary": "Proposed."}]

    handbook, findings = load_handbook(config)
    assert findings == []
    items = {"term": handbook.terms, "protocol": handbook.protocols, "module": handbook.modules}
    assert list(items[kind]) == ["preferred-form"]


@pytest.mark.parametrize(
    ("kind", "fields"),
    [("term", ["definition"]), ("protocol", ["summary", "steps"]), ("module", ["objectives"])],
)
def test_the_diff_knows_every_placeholder_of_the_scaffold(
    config: HandbookConfig, kind: str, fields: list[str]
) -> None:
    """`handbook diff` warns of the placeholders left in; it knows them by how they open
    (`PLACEHOLDER_OPENINGS`), which must match what the templates write."""
    assert run_new(config, kind, "Preferred form") == 0
    handbook, _ = load_handbook(config)
    items = {"term": handbook.terms, "protocol": handbook.protocols, "module": handbook.modules}
    assert placeholder_fields(items[kind]["preferred-form"]) == fields


def uncommented(text: str, fields: set[str]) -> str:
    """`text` with the commented examples of `fields` uncommented, as an editor would."""
    lines = []
    inside = False
    for line in text.splitlines(keepends=True):
        named = re.match(r"# (\w+):", line)
        if named:
            inside = named.group(1) in fields
        elif not line.startswith("#   "):
            inside = False
        lines.append(line[2:] if inside else line)
    return "".join(lines)


# Examples in the term scaffold that are no placeholder, and why that is safe: an id
# that names no term fails glossary.reference; the others change nothing readers see.
SAFE_EXAMPLES = {"replaced_by", "related", "case_sensitive", "tags"}


def test_no_example_of_the_term_scaffold_passes_for_content(config: HandbookConfig) -> None:
    """Audit: `es: translation in Spanish`, uncommented as it was, passed the strict
    check and the diff said nothing, so the site published it. Every example is now a
    placeholder that `handbook diff` names, or one the check refuses."""
    assert run_new(config, "term", "Preferred form") == 0
    path = config.glossary_dir / "preferred-form.yml"
    text = path.read_text(encoding="utf-8")
    examples = set(re.findall(r"^# (\w+):", text, re.MULTILINE))
    schema = json.loads((SCHEMAS_DIR / "term.schema.json").read_text(encoding="utf-8"))
    assert examples <= set(schema["properties"])
    placeholders = examples - SAFE_EXAMPLES
    assert placeholders == {"short", "aliases", "avoid", "sources", "translations"}

    path.write_text(uncommented(text, placeholders), encoding="utf-8")
    handbook, findings = load_handbook(config)
    assert findings == []
    term = handbook.terms["preferred-form"]
    assert term.translations and term.aliases and term.avoid and term.sources
    assert set(placeholder_fields(term)) == {"definition", *placeholders}

    path.write_text(uncommented(text, {"related", "replaced_by"}), encoding="utf-8")
    rules = {finding.rule for finding in run_checks(config).failing(strict=True)}
    assert "glossary.reference" in rules


def test_the_case_sensitive_comment_says_what_the_check_does(config: HandbookConfig) -> None:
    """Adoption audit: the comment offered `case_sensitive` for acronyms, but a form all in
    capitals is only ever found in capitals (DESIGN section 4), so an editor who set it on
    `CSEC` expected `csec` to be reported, as `t visa` is, and nothing was."""
    for name in ("CSEC", "T visa"):
        assert run_new(config, "term", name) == 0
    text = (config.glossary_dir / "csec.yml").read_text(encoding="utf-8")
    (comment,) = re.findall(r"((?:^# .*\n)+)^# case_sensitive: false$", text, re.MULTILINE)
    comment = " ".join(comment.replace("# ", "").split())
    assert '"T visa"' in comment and "acronym" in comment
    assert "only ever found in capitals" in comment and '"csec" is not found at all' in comment

    for term_id in ("csec", "t-visa"):
        path = config.glossary_dir / f"{term_id}.yml"
        text = path.read_text(encoding="utf-8").replace(
            "# case_sensitive: false", "case_sensitive: true"
        )
        path.write_text(text, encoding="utf-8")
    config.docs_dir.mkdir()
    (config.docs_dir / "index.md").write_text(
        "# Home\n\nOne csec case, one Csec case, a t visa.\n", encoding="utf-8"
    )
    found = [(finding.rule, finding.found) for finding in run_checks(config).findings]
    assert found == [("term.case", "t visa")]


def test_the_sources_example_quotes_a_title_with_a_colon(config: HandbookConfig) -> None:
    """A title such as `22 U.S.C. 7102: Definitions` is a YAML error unless quoted."""
    assert run_new(config, "term", "Preferred form") == 0
    text = (config.glossary_dir / "preferred-form.yml").read_text(encoding="utf-8")
    (title,) = re.findall(r"^#   - title: (.*)$", text, re.MULTILINE)
    assert title.startswith('"') and ": " in title
    data = yaml.safe_load(uncommented(text, {"sources"}))
    assert ": " in data["sources"][0]["title"]


def test_the_contact_example_s_text_number_is_a_placeholder(config: HandbookConfig) -> None:
    assert run_new(config, "protocol", "Preferred form") == 0
    path = config.protocols_dir / "preferred-form.yml"
    text = uncommented(path.read_text(encoding="utf-8"), {"contacts"})
    text = text.replace("contacts: []\n", "")
    text = text.replace("phone: the public number", "phone: 1-888-373-7888 # the number")
    path.write_text(text, encoding="utf-8")
    handbook, findings = load_handbook(config)
    assert findings == []
    assert "contacts" in placeholder_fields(handbook.protocols["preferred-form"])


def test_the_contact_example_names_no_country_s_hotline(config: HandbookConfig) -> None:
    """A UK coalition's audit: the example was the US hotline's name and address, which an
    editor elsewhere who uncomments it publishes; each is a placeholder to replace."""
    assert run_new(config, "protocol", "Preferred form") == 0
    text = (config.protocols_dir / "preferred-form.yml").read_text(encoding="utf-8")
    contacts = yaml.safe_load(uncommented(text, {"contacts"}).replace("contacts: []\n", ""))
    (contact,) = contacts["contacts"]
    assert "Replace this line with" in contact["name"]
    assert "replace" in contact["url"]
    assert "humantraffickinghotline" not in text


@pytest.mark.parametrize(("kind", "first_field"), [("term", "term"), ("protocol", "title")])
def test_the_version_comment_asks_for_a_new_version_for_any_change_in_the_file(
    config: HandbookConfig, kind: str, first_field: str
) -> None:
    """Audit: "raise by one whenever anything below changes", but `term`, `title` and
    `status` are above `version`, and `handbook diff` wants a new version for them too."""
    assert run_new(config, kind, "Preferred form") == 0
    folder = config.glossary_dir if kind == "term" else config.protocols_dir
    text = (folder / "preferred-form.yml").read_text(encoding="utf-8")
    assert text.index(f"\n{first_field}:") < text.index("\nversion:")
    above_version = text[: text.index("\nversion:")].rsplit("\n\n", 1)[1]
    assert "below" not in above_version
    assert "every change to this file" in above_version
    if kind == "term":
        assert "`status` included" in above_version


def test_a_scaffolded_handbook_passes_the_strict_check(config: HandbookConfig) -> None:
    for kind in ("term", "protocol", "module"):
        assert run_new(config, kind, "Hotel staff") == 0
    result = run_checks(config)
    assert result.failing(strict=True) == []


def test_term_is_proposed_and_explains_every_field(config: HandbookConfig) -> None:
    assert run_new(config, "term", "Preferred form") == 0
    path = config.glossary_dir / "preferred-form.yml"
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["status"] == "proposed"
    assert data["term"] == "Preferred form"
    schema = json.loads((SCHEMAS_DIR / "term.schema.json").read_text(encoding="utf-8"))
    for field in schema["properties"]:
        assert f"# {field}:" in text or f"\n{field}:" in text, f"{field} is not explained"


@pytest.mark.parametrize(("kind", "folder"), [("term", "glossary"), ("protocol", "protocols")])
def test_first_line_names_the_schema_as_the_siblings_do(
    config: HandbookConfig, kind: str, folder: str
) -> None:
    """The file is committed: it names the schema as the files beside it do, not by a
    path into this machine's installation of the package."""
    line = f"# yaml-language-server: $schema=../schemas/{kind}.schema.json\n"
    (config.root / folder).mkdir(exist_ok=True)
    (config.root / "schemas").mkdir()
    (config.root / "schemas" / f"{kind}.schema.json").write_text("{}", "utf-8")
    (config.root / folder / "an-older-one.yml").write_text(line + "title: x\n", "utf-8")
    assert run_new(config, kind, "Preferred form") == 0
    path = config.root / folder / "preferred-form.yml"
    assert path.read_text(encoding="utf-8").startswith(line)


def test_a_sibling_s_schema_line_that_leads_nowhere_is_not_copied(
    config: HandbookConfig,
) -> None:
    """Term files copied from this repository into another name a schema under
    `plugins/`, which is not there: the new file names none rather than a broken one."""
    config.glossary_dir.mkdir()
    for number, schema in enumerate(
        ("../plugins/coalition_handbook/schemas/term.schema.json", "file:///x/term.schema.json")
    ):
        line = f"# yaml-language-server: $schema={schema}"
        (config.glossary_dir / "copied.yml").write_text(line + "\nterm: x\n", "utf-8")
        assert run_new(config, "term", f"Preferred form {number}") == 0
        text = (config.glossary_dir / f"preferred-form-{number}.yml").read_text(encoding="utf-8")
        assert "yaml-language-server" not in text


def test_no_schema_line_points_into_a_virtual_environment_in_the_project(tmp_path: Path) -> None:
    installed = tmp_path / ".venv" / "lib" / "python3.12" / "site-packages" / "pkg"
    installed.mkdir(parents=True)
    (tmp_path / "glossary").mkdir()
    with patch.object(scaffold, "SCHEMAS_DIR", installed):
        assert scaffold.schema_reference(tmp_path / "glossary", "term.schema.json", tmp_path) == ""
    # Where the package is the project's own source, the path is the same on every machine.
    source = tmp_path / "plugins" / "pkg" / "schemas"
    source.mkdir(parents=True)
    with patch.object(scaffold, "SCHEMAS_DIR", source):
        assert scaffold.schema_reference(tmp_path / "glossary", "term.schema.json", tmp_path) == (
            "../plugins/pkg/schemas/term.schema.json"
        )


@pytest.mark.parametrize(("kind", "folder"), [("term", "glossary"), ("protocol", "protocols")])
def test_no_schema_line_points_outside_the_handbook(
    config: HandbookConfig, kind: str, folder: str
) -> None:
    # This package lies outside the temporary handbook: a path to it would be this
    # machine's alone.
    assert not SCHEMAS_DIR.resolve().is_relative_to(config.root.resolve())
    assert run_new(config, kind, "Preferred form") == 0
    text = (config.root / folder / "preferred-form.yml").read_text(encoding="utf-8")
    assert "yaml-language-server" not in text
    assert "schema named above" not in text
    assert yaml.safe_load(text)


def test_this_repository_gets_a_stable_schema_path() -> None:
    """In this repository the editable install makes the path repository-relative."""
    root = Path(__file__).resolve().parent.parent
    assert schema_reference(root / "glossary", "term.schema.json") == (
        "../plugins/coalition_handbook/schemas/term.schema.json"
    )


def test_protocol_has_one_step_and_a_commented_hotline(config: HandbookConfig) -> None:
    assert run_new(config, "protocol", "Hotel staff who suspect trafficking") == 0
    text = (config.protocols_dir / "hotel-staff-who-suspect-trafficking.yml").read_text("utf-8")
    data = yaml.safe_load(text)
    assert len(data["steps"]) == 1
    assert data["effective"] == TODAY
    assert data["review_by"] == dt.date(2027, 3, 14)
    assert "#     phone:" in text and "#   - name:" in text


def test_module_has_the_three_sections_in_order(config: HandbookConfig) -> None:
    assert run_new(config, "module", "Hotel and motel staff") == 0
    handbook, findings = load_handbook(config)
    assert findings == []
    module = handbook.modules["hotel-and-motel-staff"]
    assert module.title == "Hotel and motel staff"
    assert [h.text for h in module.headings if h.level == 2] == ["Realize", "Recognize", "Respond"]
    # Its sections hold comments alone, which `handbook diff` points out: the two agree.
    assert sections_without_text(module) == ["Realize", "Recognize", "Respond"]


def test_a_module_names_the_protocols_folder_by_its_option(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\ndocs_dir: pages\nplugins:\n  - handbook:\n"
        "      protocols_dir: procedures\n      modules_dir: training\n",
        encoding="utf-8",
    )
    config = load_config(tmp_path / "mkdocs.yml", today=TODAY, require_folders=False)
    assert run_new(config, "module", "Clinic staff") == 0
    text = (tmp_path / "pages" / "training" / "clinic-staff.md").read_text(encoding="utf-8")
    # named by its option, not by a path: the comment is read from the module's folder
    assert "protocols folder (protocols_dir in mkdocs.yml;" in text
    assert "file names in protocols/" not in text


def test_refuses_to_overwrite_and_leaves_the_file_byte_identical(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    path = config.glossary_dir / "t-visa.yml"
    path.parent.mkdir(parents=True)
    original = b"term: T visa\r\n# the editor's own work\r\n"
    path.write_bytes(original)
    assert run_new(config, "term", "T visa") == 1
    assert path.read_bytes() == original
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "glossary/t-visa.yml already exists" in captured.err


@pytest.mark.parametrize(
    ("kind", "folder", "twin"),
    [("term", "glossary", "twin.yaml"), ("protocol", "protocols", "Twin.YAML")],
)
def test_refuses_a_second_file_beside_one_in_yaml(
    config: HandbookConfig,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    folder: str,
    twin: str,
) -> None:
    """Audit: with `glossary/twin.yaml` there (which the check says to rename to
    twin.yml), `new term Twin` wrote twin.yml beside it, and the check's advice became
    "keep one of the two"."""
    (config.root / folder).mkdir()
    (config.root / folder / twin).write_text("term: Twin\n", encoding="utf-8")
    assert run_new(config, kind, "Twin") == 1
    assert f"handbook new: {folder}/{twin} is there already with this id, but is not read" in (
        capsys.readouterr().err
    )
    assert [path.name for path in (config.root / folder).iterdir()] == [twin]
    assert run_new(config, kind, "Twin visa") == 0


def test_a_broken_link_where_the_file_goes_is_named_as_a_link_and_left_alone(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    config.glossary_dir.mkdir()
    link = config.glossary_dir / "t-visa.yml"
    link.symlink_to("../../nowhere.yml")
    assert run_new(config, "term", "T visa") == 1
    assert "glossary/t-visa.yml is a symbolic link; it was left untouched" in (
        capsys.readouterr().err
    )
    assert link.is_symlink()
    assert not (config.root.parent / "nowhere.yml").exists()


def test_a_folder_where_the_file_goes_is_named_as_a_folder_and_left_alone(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit F9: a folder named t-visa.yml was "already exists ... Edit it", which a
    folder cannot be."""
    folder = config.glossary_dir / "t-visa.yml"
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_text("kept\n", encoding="utf-8")
    assert run_new(config, "term", "T visa") == 1
    err = capsys.readouterr().err
    assert "glossary/t-visa.yml is a folder, in the way of the new file" in err
    assert "Edit it" not in err
    assert [path.name for path in folder.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize("name", ["\u200b", "\u200d", "\ufeff\u200c \u200d", "\u200d\u00a0"])
def test_a_name_of_invisible_characters_is_empty(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    assert run_new(config, "term", name) == 2
    assert "the name is empty" in capsys.readouterr().err


def test_a_name_without_latin_letters_is_a_usage_error_that_says_what_to_do(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_new(config, "term", "人口贩卖") == 2
    error = capsys.readouterr().err
    assert "cannot make a file name" in error
    assert "give this one under `translations`" in error
    assert not config.glossary_dir.exists()
    assert run_new(config, "protocol", "人口贩卖") == 2
    assert "Write the title in Latin letters" in capsys.readouterr().err


@pytest.mark.parametrize(("kind", "field"), [("term", "term"), ("protocol", "title")])
def test_a_name_in_another_script_is_kept_as_written_with_a_file_name_in_latin_letters(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str], kind: str, field: str
) -> None:
    """Audit ar65: an Arabic coalition running `handbook new term "العمل الجبري"` was told
    to write its preferred form in Latin letters and this one under `translations`: its
    site would have shown Latin names. A handbook in that script keeps the name as its
    `term` (a protocol's `title`), the file named in Latin letters."""
    assert run_new(config, kind, "العمل الجبري") == 2
    error = capsys.readouterr().err
    assert (
        "in a handbook written in this script, run this command with a name in Latin "
        f"letters for the file (an English one or a transliteration), then write "
        f"'العمل الجبري' as its `{field}:` in the file it makes."
    ) in error


@pytest.mark.parametrize(
    ("name", "left_out", "path"),
    [
        ("Москва shelter", "'Москва'", "glossary/shelter.yml"),
        ("Ωμέγα group", "'Ωμέγα'", "glossary/group.yml"),
        ("日本 visa", "'日本'", "glossary/visa.yml"),
        ("Москва-based shelter", "'Москва'", "glossary/based-shelter.yml"),
        ("a ٣ visa ٤", "'٣', '٤'", "glossary/a-visa.yml"),
    ],
)
def test_a_name_with_a_word_without_latin_letters_is_refused_not_shortened(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str], name: str, left_out: str, path: str
) -> None:
    """Audit: the words were dropped from the id without a word, and the page's address
    said something else than the term (and took the plain id from a later term)."""
    assert run_new(config, "term", name) == 2
    error = capsys.readouterr().err
    assert f"would leave out {left_out}, with no Latin letter or digit" in error
    assert f"this one would be {path})" in error
    assert "give this one under `translations`" in error
    assert not config.glossary_dir.exists()


ES = "\u0441"  # CYRILLIC SMALL LETTER ES, which looks like a Latin c
MOSKVA = "\u041c\u043e\u0441\u043a\u0432\u0430"  # its M looks like a Latin M


@pytest.mark.parametrize(
    ("name", "left_out", "path"),
    [
        (
            f"vi{ES}tim shelter",
            f"'{ES}' (U+0441 CYRILLIC SMALL LETTER ES) in 'vi{ES}tim', not a Latin letter or digit",
            "glossary/vi-tim-shelter.yml",
        ),
        (
            "\u03a9mega shelter",
            "'\u03a9' (U+03A9 GREEK CAPITAL LETTER OMEGA) in '\u03a9mega', not a Latin letter "
            "or digit",
            "glossary/mega-shelter.yml",
        ),
        (  # a Latin M, then Cyrillic letters
            f"M{MOSKVA[1:]} shelter",
            "'\u043e' (U+043E CYRILLIC SMALL LETTER O), "
            f"'{ES}' (U+0441 CYRILLIC SMALL LETTER ES), "
            "'\u043a' (U+043A CYRILLIC SMALL LETTER KA), "
            "'\u0432' (U+0432 CYRILLIC SMALL LETTER VE), "
            "'\u0430' (U+0430 CYRILLIC SMALL LETTER A) "
            f"in 'M{MOSKVA[1:]}', not Latin letters or digits",
            "glossary/m-shelter.yml",
        ),
        (
            "x\u0661 plan",
            "'\u0661' (U+0661 ARABIC-INDIC DIGIT ONE) in 'x\u0661', not a Latin letter or digit",
            "glossary/x-plan.yml",
        ),
    ],
    ids=["Cyrillic look-alike", "Greek letter", "Latin look-alike", "Arabic digit"],
)
def test_a_word_mixing_latin_letters_with_others_is_refused_not_shortened(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str], name: str, left_out: str, path: str
) -> None:
    """Review: a letter of another script in a Latin word (a look-alike typed with another
    keyboard layout) was cut from the id in silence, `vi\u0441tim` making vi-tim; it is
    named, with its code point, as a word without Latin letters is."""
    assert run_new(config, "term", name) == 2
    error = capsys.readouterr().err
    assert f"would leave out {left_out} (file names are ids" in error
    assert f"this one would be {path})" in error
    assert "give this one under `translations`" in error
    assert not config.glossary_dir.exists()
    assert run_new(config, "protocol", name) == 2
    assert "Write the title in Latin letters." in capsys.readouterr().err


@pytest.mark.parametrize("name", ["O\u02bcNeil act", "Survivors\u2019 network", "m\u00b2 rule"])
def test_an_apostrophe_or_a_digit_written_otherwise_inside_a_word_leaves_nothing_out(
    config: HandbookConfig, name: str
) -> None:
    assert run_new(config, "term", name) == 0


def test_a_title_with_a_word_without_latin_letters_is_refused(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_new(config, "protocol", "Москва shelter staff") == 2
    error = capsys.readouterr().err
    assert "protocols/shelter-staff.yml" in error
    assert "Write the title in Latin letters." in error


@pytest.mark.parametrize("name", ["Sex & labor trafficking", "Trata de niños", "Straße 7102(9)"])
def test_words_of_punctuation_or_accented_latin_letters_leave_nothing_out(
    config: HandbookConfig, name: str
) -> None:
    assert run_new(config, "term", name) == 0


@pytest.mark.parametrize(
    ("name", "term"),
    [
        ("\ufeffT visa", "T visa"),
        ("zero\u200bwidth", "zerowidth"),
        ("\u200fmarked\u200e term", "marked term"),
        ("tab\tterm", "tab term"),
        ("two  \t spaces", "two spaces"),
        ("soft\u00adhyphen", "softhyphen"),
        ("\u06001 sign", "\u06001 sign"),  # a format character that is seen
    ],
)
def test_invisible_characters_and_tabs_do_not_reach_the_term(
    config: HandbookConfig, name: str, term: str
) -> None:
    """The form is written as readers see it, so that it matches their text."""
    assert run_new(config, "term", name) == 0
    (written,) = config.glossary_dir.glob("*.yml")
    assert yaml.safe_load(written.read_text(encoding="utf-8"))["term"] == term


@pytest.mark.parametrize("separator", ["\n", "\x85", "\u2028", "\u2029"])
def test_a_name_on_two_lines_is_a_usage_error(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str], separator: str
) -> None:
    """YAML reads the line and paragraph separators as line breaks too: the file would
    fail the check."""
    assert run_new(config, "term", f"two{separator}lines") == 2
    assert "one line" in capsys.readouterr().err
    assert not config.glossary_dir.exists() or not list(config.glossary_dir.iterdir())


@pytest.mark.parametrize(
    "name",
    ["Yes", "T visa: the law", "a #hashtag", "a 'quoted' word", "1984", "1e3", "a [b] c", "a # b"],
)
def test_names_that_yaml_would_misread_are_quoted(config: HandbookConfig, name: str) -> None:
    assert run_new(config, "term", name) == 0
    (path,) = config.glossary_dir.glob("*.yml")
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["term"] == name


@pytest.mark.parametrize("kind", ["term", "protocol", "module"])
@pytest.mark.parametrize("name", ["2026-02-30", "2026-02-30 form", "12:30", "0o17"])
def test_a_name_yaml_reads_as_no_date_is_written_as_text(
    config: HandbookConfig, kind: str, name: str
) -> None:
    """`handbook new term 2026-02-30` was a traceback: PyYAML, asked whether the name
    reads back as written, raised for a date that is no day (found by fuzzing the
    scaffold's round trip through yaml.safe_load)."""
    assert run_new(config, kind, name) == 0
    text = scaffold.target_path(config, kind, slugify(name)).read_text(encoding="utf-8")
    if kind == "module":
        text = text.split("---\n")[1]
    data = yaml.safe_load(text)
    assert data["term" if kind == "term" else "title"] == name


@pytest.mark.parametrize("kind", ["protocol", "module"])
@pytest.mark.parametrize("name", ["!!bool maybe", "!!timestamp x", "!!int 2a"])
def test_a_title_with_a_tag_yaml_cannot_hold_is_written_as_text(
    config: HandbookConfig, kind: str, name: str
) -> None:
    """`handbook new protocol '!!bool maybe'` was a traceback (KeyError): asked whether
    the title reads back as written, PyYAML raised more than YAMLError and ValueError
    (review rv34a of c8bcde7)."""
    assert run_new(config, kind, name) == 0
    text = scaffold.target_path(config, kind, slugify(name)).read_text(encoding="utf-8")
    if kind == "module":
        text = text.split("---\n")[1]
    assert yaml.safe_load(text)["title"] == name


def test_leap_day_review_date(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nplugins: [handbook]\n", encoding="utf-8")
    config = load_config(tmp_path / "mkdocs.yml", today=dt.date(2028, 2, 29))
    assert run_new(config, "protocol", "Leap") == 0
    data = yaml.safe_load((config.protocols_dir / "leap.yml").read_text(encoding="utf-8"))
    assert data["review_by"] == dt.date(2029, 2, 28)


def test_cli_new_term(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: T\nplugins: [handbook]\n", encoding="utf-8")
    assert main(["new", "term", "Labor trafficking", "-f", str(config_file)]) == 0
    assert "glossary/labor-trafficking.yml" in capsys.readouterr().out
    assert main(["new", "term", "Labor trafficking", "-f", str(config_file)]) == 1


def test_cli_new_term_beside_a_named_pipe_is_not_held_up(tmp_path: Path) -> None:
    """Audit: `handbook new term` reads its sibling files' first line for their schema
    reference; a named pipe saved as one held it up for ever."""
    import os

    from work import without_waiting_on

    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: T\nplugins: [handbook]\n", encoding="utf-8")
    (tmp_path / "glossary").mkdir()
    pipe = tmp_path / "glossary" / "a-pipe.yml"
    os.mkfifo(pipe)
    command = ["new", "term", "Labor trafficking", "-f", str(config_file)]
    assert without_waiting_on(pipe, lambda: main(command)) == 0
    assert (tmp_path / "glossary" / "labor-trafficking.yml").is_file()


def test_cli_new_notes_an_id_that_spells_a_word_as_another(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Audit: `handbook new term "Año de acogida"` made the id and address
    `ano-de-acogida` ("ano" is "anus") without a word. The id stays (ids depend on
    `slugify`); a note names the word, its spelling in the id and how to choose another,
    and the file renamed as it says passes the check."""
    monkeypatch.chdir(tmp_path)
    config_file = tmp_path / "mkdocs.es.yml"
    config_file.write_text(
        "site_name: T\ntheme: {name: material, language: es}\nplugins: [handbook]\n",
        encoding="utf-8",
    )
    assert main(["new", "-f", str(config_file), "term", "Año de acogida"]) == 0
    out, err = capsys.readouterr()
    assert "created glossary/ano-de-acogida.yml" in out
    assert err == (
        "handbook new: note: the id 'ano-de-acogida' (the file name, and the page's address) "
        "spells 'Año' as 'ano': ids are lowercase ASCII letters, digits and hyphens. If that "
        "reads as another word, rename glossary/ano-de-acogida.yml now, before other files "
        "name it, e.g. to anio-de-acogida.yml; the name in it stays 'Año de acogida'.\n"
    )
    (tmp_path / "glossary" / "ano-de-acogida.yml").rename(
        tmp_path / "glossary" / "anio-de-acogida.yml"
    )
    assert run_checks(load_config(config_file)).failing(strict=True) == []  # as `new` dates it


@pytest.mark.parametrize(
    ("language", "name", "spelled"),
    [
        ("es", "Trata de niños", "'niños' as 'ninos'"),
        ("en", "Señal de alerta", "'Señal' as 'senal'"),  # Spanish words in any site
        ("da", "Ærø år", "'Ærø' as 'aero' and 'år' as 'ar'"),  # Æ is written out: Ø is not
        ("nb", "Hör", "'Hör' as 'hor'"),  # Ö is filed as Ø
        ("sv", "hör på", "'hör' as 'hor' and 'på' as 'pa'"),
        ("en", "Ærø år", None),
        ("de", "Mädchen", None),
        ("es", "Víctima", None),
        # Vietnamese ids drop every mark (`duong-day-nong`), as its readers expect: its
        # letters of its own in the index (Đ, Ư) are no note on every name (audit ar66)
        ("vi", "Đường dây nóng và ưu tiên", None),
    ],
)
def test_the_note_names_the_letters_of_their_own_an_id_writes_as_another(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    language: str,
    name: str,
    spelled: str | None,
) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: T\ntheme: {{name: material, language: {language}}}\nplugins: [handbook]\n",
        encoding="utf-8",
    )
    assert run_new(load_config(tmp_path / "mkdocs.yml", today=TODAY), "protocol", name) == 0
    err = capsys.readouterr().err
    if spelled is None:
        assert err == ""
    else:
        assert f"(the file name, and the page's address) spells {spelled}:" in err


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        (
            ["protocol", "-x"],
            "'-x' is read as an option, and NAME is missing: a name that starts with '-' "
            'goes after --, as in handbook new protocol -- "-x"',
        ),
        # Review: a term that starts with '-' is refused whatever comes before it.
        (
            ["term", "--strict"],
            "'--strict' is read as an option, and NAME is missing: a term starts with a "
            'letter or a digit, as in handbook new term "T visa"',
        ),
        (
            ["protocol", "---"],
            "'---' is read as an option, and NAME is missing: a name that starts with '-' "
            'goes after --, as in handbook new protocol -- "---"',
        ),
        (["term"], "the following arguments are required: NAME"),
    ],
)
def test_a_name_that_starts_with_a_dash_is_told_to_come_after_two_dashes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], error: str
) -> None:
    """Audit: `handbook new term "-x"` said only "the following arguments are required:
    NAME", as if none had been given."""
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: T\nplugins: [handbook]\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["new", "-f", str(config_file), *arguments])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: handbook new [-h] [-f FILE] {term,protocol,module} NAME\n")
    assert err.endswith(f"handbook new: error: {error}\n")
    assert main(["new", "-f", str(config_file), "protocol", "--", "-x"]) == 0  # as advised
    assert (tmp_path / "protocols" / "x.yml").is_file()


@pytest.mark.parametrize(
    "arguments",
    [["new", "term", "-f", "T visa"], ["new", "-f", "T visa", "term"]],
)
def test_a_name_read_as_f_s_file_is_said_to_be(
    capsys: pytest.CaptureFixture[str], arguments: list[str]
) -> None:
    """Review (rv57d): `handbook new term -f "T visa"` (the file left out) said only
    "the following arguments are required: NAME", the name given."""
    with pytest.raises(SystemExit) as exit_:
        main(arguments)
    assert exit_.value.code == 2
    assert capsys.readouterr().err.endswith(
        "handbook new: error: 'T visa' is read as -f's FILE, and NAME is missing: -f names "
        'the site\'s mkdocs.yml, as in handbook new term -f mkdocs.yml "T visa"\n'
    )


def write_term(config: HandbookConfig, term_id: str, text: str) -> Path:
    path = config.glossary_dir / f"{term_id}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        text + "version: 1\ndefinition: A definition.\n"
        "history:\n  - {version: 1, date: 2026-01-01, summary: First.}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("name", "owner", "place", "what"),
    [
        ("trafficking victim", "victim", "2:11", "a form"),  # an alias
        ("Trafficking-Victims", "victim", "2:11", "a form"),  # hyphen, case and plural
        ("TIP", "human-trafficking", "2:11", "a form"),  # an acronym
        ("Survivors", "survivor", "1:7", "a form"),  # the plural of a preferred form
        ("modern slavery", "human-trafficking", "4:11", "a form to avoid"),
    ],
)
def test_refuses_a_form_another_term_has(
    config: HandbookConfig,
    capsys: pytest.CaptureFixture[str],
    name: str,
    owner: str,
    place: str,
    what: str,
) -> None:
    """The new file would fail `handbook check` with glossary.duplicate: nothing is
    written, and the editor is sent to the term that has the form. A deprecated term's
    form: `test_new_term_names_a_deprecated_terms_form_so`."""
    write_term(config, "survivor", "term: survivor\n")
    write_term(config, "victim", "term: victim\naliases: [trafficking victim]\n")
    write_term(
        config,
        "human-trafficking",
        "term: human trafficking\naliases: [TIP]\navoid:\n"
        "  - text: modern slavery\n    reason: Vague.\n",
    )
    before = sorted(config.glossary_dir.iterdir())
    assert run_checks(config).failing(strict=True) == []

    assert run_new(config, "term", name) == 1
    assert sorted(config.glossary_dir.iterdir()) == before
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        f"handbook new: {name!r} is already {what} of the term '{owner}' "
        f"(glossary/{owner}.yml:{place}): edit that term instead"
    ) in captured.err


def test_an_acronym_is_not_a_word_written_in_capitals_elsewhere(
    config: HandbookConfig,
) -> None:
    """Case tells forms apart only where both must be written exactly: a case-sensitive
    "T visa" and an all-capitals "T VISA" are two forms, as the check sees them."""
    write_term(config, "t-visa-status", "term: T visa\ncase_sensitive: true\n")
    assert run_new(config, "term", "T VISA") == 0
    assert run_checks(config).failing(strict=True) == []


def test_the_refusal_agrees_with_the_duplicate_check(config: HandbookConfig) -> None:
    """Every name `handbook new term` accepts passes the check; every one it refuses
    would have failed it with glossary.duplicate."""
    write_term(config, "victim", "term: victim\naliases: [trafficking victim, TIP]\n")
    refused = []
    names = ("victims", "tip", "Trafficking victims", "victimhood", "TIPs", "tip-off")
    # a possessive is found where its form is: "Victim's" is a use of "victim"
    possessives = ("Victim's", "Trafficking victim\u2019s", "victims'", "victim's advocate")
    for name in (*names, *possessives):
        path = config.glossary_dir / f"{slugify(name)}.yml"
        if run_new(config, "term", name) == 1:
            refused.append(name)
            path.write_text(render("term", name, path.parent, TODAY), encoding="utf-8")
        rules = {finding.rule for finding in run_checks(config).failing(strict=True)}
        assert ("glossary.duplicate" in rules) == (name in refused), name
        path.unlink()
    assert refused == [
        *("victims", "tip", "Trafficking victims", "TIPs"),
        *("Victim's", "Trafficking victim\u2019s", "victims'"),
    ]


def test_broken_glossary_files_do_not_stop_the_scaffold(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    write_term(config, "survivor", "term: survivor\n")
    (config.glossary_dir / "broken.yml").write_text("term: [broken\n", encoding="utf-8")
    (config.glossary_dir / "bytes.yml").write_bytes(b"term: \xff\xfe\n")
    (config.glossary_dir / "empty.yml").write_text("", encoding="utf-8")
    (config.glossary_dir / "bomb.yml").write_text("a: &a [*a, *a]\nb: [*a, *a]\n")
    (config.glossary_dir / "Not A Slug.yml").write_text("term: survivor\n", encoding="utf-8")
    assert run_new(config, "term", "survivors") == 1
    assert "of the term 'survivor'" in capsys.readouterr().err
    assert run_new(config, "term", "Labor trafficking") == 0
    assert (config.glossary_dir / "labor-trafficking.yml").is_file()


@pytest.mark.parametrize("name", ["child prostitute.", "child porn.", '"grooming"', "victim,"])
def test_a_term_with_punctuation_around_its_words_is_not_scaffolded(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """Audit: `new term "child prostitute."` wrote a term whose form hid a form to avoid;
    `handbook check` now refuses such a form, and `new` does not write one."""
    assert run_new(config, "term", name) == 2
    assert "has punctuation before or after its words" in capsys.readouterr().err
    assert not config.glossary_dir.exists() or not any(config.glossary_dir.iterdir())
    assert run_new(config, "term", "U.S. visa") == 0


@pytest.mark.parametrize(
    "name",
    [
        *("#hashtag", "100%", "*star", "&anchor", "|pipe", ">gt", "@home", "{brace", "[br"),
        *("'quoted'", "the 'john'", 'the "john"', "!tag", "-dash", "(CSAM", "CSAM)"),
    ],
)
def test_punctuation_around_the_words_is_refused_whatever_it_is(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """Audit: `"john"` in quotes and `!tag` were refused, `#hashtag`, `100%`, `*star` and
    the like accepted, though a page's own `#hashtag` is no use of a term `hashtag`."""
    assert run_new(config, "term", name) == 2
    assert "has punctuation before or after its words" in capsys.readouterr().err
    assert not config.glossary_dir.exists()


@pytest.mark.parametrize("name", ["a|b", "x`y", "a<b>c", "sex > labor"])
def test_markdown_or_html_signs_inside_the_words_are_refused(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """Audit: `new term` wrote `a|b` and `x`y`, which no page writes as words and which
    break tables and code in the reports; `handbook check` refuses them by the same rule
    of the schema."""
    assert run_new(config, "term", name) == 2
    assert capsys.readouterr().err == (
        f"handbook new: {name!r} holds a sign a form may not hold; write words with no "
        "Markdown or HTML sign in them: no |, `, < or >\n"
    )
    assert not config.glossary_dir.exists()


@pytest.mark.parametrize(
    "name",
    [
        *("U.S. Attorney", "24/7 hotline", "Section 7102(9)", "T visa", "k-1 visa", "TVPRA"),
        *("survivors'", "survivor\u2019s", "Victim's", "Débito servidumbre", "Ørsted"),
        *("LGBTQ+", "LGBTQ+ youth", "Child sexual abuse material (CSAM)", "m\u00b2 rule"),
    ],
)
def test_words_with_punctuation_of_their_own_are_scaffolded(
    config: HandbookConfig, name: str
) -> None:
    assert run_new(config, "term", name) == 0
    (path,) = config.glossary_dir.glob("*.yml")
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["term"] == name
    assert run_checks(config).failing(strict=True) == []


@pytest.mark.parametrize(
    ("name", "term", "file"),
    [
        ("\ufb01nancial abuse", "financial abuse", "financial-abuse"),
        ("\ufb02ee e\ufb00ort", "flee effort", "flee-effort"),
        ("\u0133sland", "ijsland", "ijsland"),
        ("\uff34\uff29\uff30\u3000line", "TIP line", "tip-line"),
        # Not all of NFKC: a superscript or a fraction reads otherwise as plain digits.
        ("m\u00b2 rule", "m\u00b2 rule", "m2-rule"),
        ("\u00bd fare", "\u00bd fare", "1-2-fare"),
    ],
)
def test_ligatures_and_full_width_letters_are_written_plainly(
    config: HandbookConfig, name: str, term: str, file: str
) -> None:
    """Audit: `\ufb01nancial abuse`, copied from a PDF of a law, was written with the
    ligature: the page's "financial abuse" was never linked to it."""
    assert run_new(config, "term", name) == 0
    data = yaml.safe_load((config.glossary_dir / f"{file}.yml").read_text(encoding="utf-8"))
    assert data["term"] == term


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Trafficking \U0001f6a8 victim", "\U0001f6a8"),
        ("\u2713 checked", "\u2713"),
        ("\U0001f6a8", "\U0001f6a8"),
        ("Polaris\u00ae", "\u00ae"),
        ("1\ufe0f\u20e3 step", "1\ufe0f\u20e3"),
        ("flag \U0001f1fa\U0001f1f8", "\U0001f1fa"),
    ],
)
def test_a_symbol_or_emoji_in_a_form_is_refused(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str], name: str, shown: str
) -> None:
    """Audit: `Trafficking \U0001f6a8 victim` was written as it was, a form no page uses."""
    assert run_new(config, "term", name) == 2
    assert f"holds {shown!r}, a symbol or emoji" in capsys.readouterr().err
    assert not config.glossary_dir.exists()


def test_a_protocol_may_share_a_term_s_name(config: HandbookConfig) -> None:
    """Only terms have forms: a protocol or module named like a term is no duplicate."""
    write_term(config, "survivor", "term: survivor\n")
    assert run_new(config, "protocol", "Survivor") == 0
    assert run_new(config, "module", "Survivor") == 0


def test_cli_new_term_refuses_a_taken_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: T\nplugins: [handbook]\n", encoding="utf-8")
    assert main(["new", "term", "Labor trafficking", "-f", str(config_file)]) == 0
    capsys.readouterr()
    assert main(["new", "term", "labor-trafficking", "-f", str(config_file)]) == 1
    err = capsys.readouterr().err
    assert "glossary/labor-trafficking.yml already exists" in err
    assert main(["new", "term", "Labor Traffickings", "-f", str(config_file)]) == 1
    err = capsys.readouterr().err
    assert "already a form of the term 'labor-trafficking'" in err
    assert "Traceback" not in err
    assert [path.name for path in (tmp_path / "glossary").iterdir()] == ["labor-trafficking.yml"]


def test_new_term_names_a_deprecated_terms_form_so(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    """A deprecated term's own forms are listed under no `avoid`: calling one "a form to
    avoid" sent the editor looking for it there (audit of a glossary merge)."""
    write_term(config, "survivor", "term: survivor\n")
    write_term(
        config,
        "victim-centered-approach",
        "term: victim-centered approach\naliases: [victim-centred approach]\n"
        "status: deprecated\nreplaced_by: survivor\n",
    )
    assert run_new(config, "term", "Victim-centred approach") == 1
    assert capsys.readouterr().err == (
        "handbook new: 'Victim-centred approach' is already a form of the deprecated term "
        "'victim-centered-approach' (glossary/victim-centered-approach.yml:2:11, replaced by "
        "'survivor'): edit that term instead; nothing was written.\n"
    )


@pytest.mark.parametrize(
    ("setting", "kind"),
    [
        ("glossary_dir: Glossary", "term"),
        ("glossary_dir: glossary\\", "term"),
        ("glossary_dir: .\\glossary", "term"),
        ("protocols_dir: Protocols", "protocol"),
        ("modules_dir: modules\\", "module"),
        ("", "term"),  # the default `glossary`, beside `Glossary/`
    ],
)
def test_new_makes_no_second_folder_beside_one_written_as_windows_reads_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    setting: str,
    kind: str,
) -> None:
    """Audit: with `glossary_dir: Glossary` (or `glossary\\`), which names `glossary/` on
    Windows, `handbook new term` on Linux made `Glossary/`, and the check then read it
    alone: the glossary was silently dropped from the site."""
    options = f":\n      {setting}" if setting else ""
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: T\ndocs_dir: content\nplugins:\n  - handbook{options}\n", "utf-8"
    )
    glossary = "Glossary" if not setting else "glossary"
    for folder in (glossary, "protocols", "content/modules"):
        (tmp_path / folder).mkdir(parents=True)
    before = sorted(tmp_path.rglob("*"))
    monkeypatch.chdir(tmp_path)
    assert main(["new", kind, "Foo bar"]) == 2
    err = capsys.readouterr().err
    assert "is not a folder" in err
    assert "differing in case only" in err or "paths are written with '/'" in err
    assert sorted(tmp_path.rglob("*")) == before


def test_names_and_folders_that_cannot_be_written_are_clear_errors(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by fuzzing: a name longer than a file name may be, and a file where the
    folder belongs, were tracebacks."""
    assert run_new(config, "term", "x" * 300) == 2
    assert "at most 200 characters" in capsys.readouterr().err
    assert run_new(config, "term", "ß" * 127) == 2  # "ss" each: a 254-character id
    err = capsys.readouterr().err
    assert "would have 254 characters before .yml, at most 200: give a shorter name" in err
    assert run_new(config, "term", "ß" * 100) == 0
    (config.docs_dir).mkdir(parents=True, exist_ok=True)
    (config.docs_dir / "modules").write_text("not a folder\n", encoding="utf-8")
    assert run_new(config, "module", "TIP") == 2
    assert "cannot make the folder content/modules: content/modules is a file, not a folder" in (
        capsys.readouterr().err
    )


def test_a_file_above_the_folder_is_named_as_the_file_in_the_way(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: a glossary_dir that is a file gave "cannot make the folder afile: File
    exists", and one below a file "Not a directory", which named no file."""
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - handbook:\n      glossary_dir: data/terms\n", "utf-8"
    )
    (tmp_path / "data").write_text("not a folder\n", encoding="utf-8")
    config = load_config(tmp_path / "mkdocs.yml", today=TODAY, require_folders=False)
    assert run_new(config, "term", "T visa") == 2
    assert capsys.readouterr().err == (
        "handbook new: cannot make the folder data/terms: data is a file, not a folder\n"
    )


@pytest.mark.parametrize("name", ["", "   "])
def test_an_empty_name_is_named_so(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    assert run_new(config, "term", name) == 2
    assert "the name is empty" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["term", "protocol", "module"])
def test_a_name_that_makes_the_reserved_id_is_refused(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """`index` is no id `handbook check` accepts (its page is the folder's generated
    index), so the scaffold must not write a file named so."""
    assert run_new(config, kind, "Index") == 2
    assert "generated index page" in capsys.readouterr().err
    assert not scaffold.target_path(config, kind, "index").exists()


def test_a_name_with_a_byte_that_is_not_utf8_writes_nothing(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    """A terminal in Latin-1 passes `Barré` as bytes that are not UTF-8: that ended in a
    traceback, and left an empty glossary/barr-worker.yml behind (found in review)."""
    import os

    name = os.fsdecode(b"Barr\xe9 worker")
    assert run_new(config, "term", name) == 2
    assert "not UTF-8" in capsys.readouterr().err
    assert not list((config.root / "glossary").glob("*.yml"))


def test_a_scaffold_that_cannot_be_written_whole_is_removed(config: HandbookConfig) -> None:
    """Nothing half-written is left to pass for a scaffold to fill in."""
    with (
        patch.object(scaffold, "render", return_value="term: \ud800\n"),
        pytest.raises(UnicodeEncodeError),
    ):
        run_new(config, "term", "Preferred form")
    assert not (config.root / "glossary" / "preferred-form.yml").exists()


def test_a_name_typed_in_utf8_under_an_ascii_locale_is_read_as_typed(
    config: HandbookConfig,
) -> None:
    """`LC_ALL=C` reads `Café` as ASCII: its UTF-8 bytes arrive held in lone surrogates
    (third review: refused as "not UTF-8")."""
    name = b"Caf\xc3\xa9 worker".decode("ascii", "surrogateescape")
    assert run_new(config, "term", name) == 0
    written = (config.root / "glossary" / "cafe-worker.yml").read_text(encoding="utf-8")
    assert "term: Café worker" in written


def test_the_advice_after_new_names_the_file_and_config_as_given_from_elsewhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from another folder with `-f`, `created glossary/...` named a path from
    mkdocs.yml's folder and advised a `handbook check` that found no mkdocs.yml there
    (found in an audit)."""
    site, elsewhere = tmp_path / "site one", tmp_path / "elsewhere"
    site.mkdir()
    elsewhere.mkdir()
    (site / "mkdocs.yml").write_text("site_name: T\nplugins: [handbook]\n", encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    assert main(["new", "term", "Labor broker", "-f", "../site one/mkdocs.yml"]) == 0
    written = site / "glossary" / "labor-broker.yml"
    out = capsys.readouterr().out
    assert out.startswith(f"created {written}: fill it in, then run\n")
    assert "  handbook check --strict -f '../site one/mkdocs.yml'         # " in out
    assert "  handbook diff -f '../site one/mkdocs.yml' <base-branch>...  # " in out
    assert main(["check", "--strict", "-f", "../site one/mkdocs.yml"]) == 0  # the advice, followed
    monkeypatch.chdir(site)
    assert main(["new", "term", "Labor agent", "-f", "mkdocs.yml"]) == 0
    assert capsys.readouterr().out.startswith(
        "created glossary/labor-agent.yml: fill it in, then run\n"
        "  handbook check --strict         # "
    )


def test_the_advice_after_new_is_what_ci_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Audit: `new` advised `handbook check`, while CI checks with --strict, and did not
    name `handbook diff`, the one report of a placeholder left in. Then it advised
    `handbook diff HEAD`, which shows nothing once the new file is committed (audit):
    the reviewer's report is the branch's own change, as a pull request has it. Here, in
    no git repository, no base branch can be named (the tests in test_diff.py find one)."""
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nplugins: [handbook]\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["new", "term", "Labor broker"]) == 0
    assert capsys.readouterr().out == (
        "created glossary/labor-broker.yml: fill it in, then run\n"
        "  handbook check --strict         # the checks CI runs\n"
        "  handbook diff <base-branch>...  # the report a reviewer reads; it names sample text "
        "still to replace (<base-branch>: the branch your pull request goes into)\n"
    )


@pytest.mark.parametrize("name", ["CON", "nul", "Aux", "COM1", "lpt9"])
def test_a_name_windows_keeps_for_a_device_is_refused(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """`glossary/con.yml` cannot be checked out on Windows (found in an audit)."""
    assert run_new(config, "term", name) == 2
    assert "could not be checked out on Windows" in capsys.readouterr().err
    assert not config.glossary_dir.exists() or not any(config.glossary_dir.iterdir())
    assert run_new(config, "term", "CON court") == 0


def test_a_name_in_decomposed_accents_is_written_composed(config: HandbookConfig) -> None:
    """The checks read text as NFC: the file says what they read (found in an audit)."""
    assert run_new(config, "term", "cafe\u0301 worker") == 0
    data = yaml.safe_load((config.glossary_dir / "cafe-worker.yml").read_text("utf-8"))
    assert data["term"] == "caf\u00e9 worker"


def test_the_advice_after_new_has_no_f_where_a_check_finds_the_config_by_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-f properdocs.yml` in a folder with no mkdocs.yml names the file a check finds
    by itself (review)."""
    (tmp_path / "properdocs.yml").write_text("site_name: T\nplugins: [handbook]\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["new", "term", "Labor broker", "-f", "properdocs.yml"]) == 0
    assert "\n  handbook check --strict         # " in capsys.readouterr().out


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        ("posix", "handbook diff -f 'R&D/mkdocs.yml' HEAD"),
        ("nt", 'handbook diff -f "R&D/mkdocs.yml" HEAD'),
    ],
)
def test_the_advised_f_is_quoted_for_the_shell_it_is_pasted_in(
    monkeypatch: pytest.MonkeyPatch, system: str, expected: str
) -> None:
    """cmd.exe reads `&` and PowerShell `(` as syntax: on Windows the path is always in
    double quotes, which no Windows path holds (found in review)."""
    config_file = Path("R&D/mkdocs.yml")
    monkeypatch.setattr(advised_command, "os", SimpleNamespace(name=system))  # not pathlib's
    assert advised_command.handbook_command("diff", config_file, "HEAD") == expected


def test_new_term_reads_unchanged_terms_from_the_check_cache(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit (a 2,000-term glossary): `handbook new term` parsed every term file again to
    look for a taken form, though `handbook check` had just read them all; it reads them
    from the check's cache, and still finds a taken form there."""
    write_term(config, "survivor", "term: survivor\naliases: [lived-experience expert]\n")
    write_term(config, "forced-labor", "term: forced labor\n")
    run_checks(config)
    parsed = AssertionError("parsed")
    with (
        patch.object(records, "load_yaml_record", side_effect=parsed),
        patch.object(records, "load_yaml_records", side_effect=parsed),
    ):
        assert run_new(config, "term", "Lived experience experts") == 1
    assert "already a form of the term 'survivor'" in capsys.readouterr().err


def test_new_term_makes_no_cache_key_where_no_check_left_a_cache(
    config: HandbookConfig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no cache beside mkdocs.yml there is nothing to read: `handbook new term` made
    the key that signs the check's cache files all the same (a file in the user's folder),
    and asked git whether it tracks a cache (review rv44c)."""
    key = tmp_path.parent / f"{tmp_path.name}-key"
    monkeypatch.setenv(KEY_FILE_VARIABLE, str(key))
    write_term(config, "survivor", "term: survivor\naliases: [lived-experience expert]\n")
    assert run_new(config, "term", "Lived experience experts") == 1
    assert run_new(config, "term", "Forced labor") == 0
    assert not key.exists()
    assert not (config.root / ".cache").exists()


_WORDS = ("victim", "survivor", "worker", "labor", "forced", "child", "youth", "case", "visa")


def _phrase(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 2)))


def _term_lines(rng: random.Random, name: str) -> str:
    lines = f"term: {name}\n"
    if rng.random() < 0.5:
        lines += f"aliases: [{_phrase(rng)}]\n"
    if rng.random() < 0.4:
        lines += f"avoid:\n  - text: {_phrase(rng)}\n    reason: R.\n"
    if rng.random() < 0.2:
        lines += "status: deprecated\n"
    return lines


def _claim(config: HandbookConfig, name: str) -> tuple[str, str] | None:
    new_term = Term(
        id=slugify(name),
        term=name,
        version=1,
        definition="",
        short="",
        history=(),
        origin=Origin(path="glossary/new.yml", text=""),
    )
    claim = claimed_elsewhere(config, new_term)
    return None if claim is None else (claim.term.id, claim.kind)


@pytest.mark.parametrize("seed", range(8))
def test_a_taken_form_is_found_alike_through_the_cache_and_without(
    seed: int, config: HandbookConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Generated glossaries, checked (the cache written), then half their files rewritten
    with their times kept: `new term` finds the same claim, or none, through the cache as
    without it, and writes nothing to it (review rv44c)."""
    rng = random.Random(seed)
    names = {slugify(name): name for name in (_phrase(rng) for _ in range(rng.randint(2, 6)))}
    paths = [write_term(config, term_id, _term_lines(rng, name)) for term_id, name in names.items()]
    run_checks(config)
    for path in paths:
        if rng.random() < 0.5:
            times = path.stat()
            write_term(config, path.stem, _term_lines(rng, names[path.stem]))
            os.utime(path, ns=(times.st_atime_ns, times.st_mtime_ns))
    cache_files = {path: path.read_bytes() for path in config.root.glob(".cache/**/*.pickle")}
    assert cache_files
    for name in (_phrase(rng) for _ in range(12)):
        through_the_cache = _claim(config, name)
        monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
        assert through_the_cache == _claim(config, name), name
        monkeypatch.delenv("HANDBOOK_NO_CACHE")
    assert {
        path: path.read_bytes() for path in config.root.glob(".cache/**/*.pickle")
    } == cache_files


def test_a_term_file_linked_out_of_the_handbook_since_the_check_claims_nothing(
    config: HandbookConfig, tmp_path: Path
) -> None:
    """A term file the check read, replaced by a link to a copy outside the handbook (the
    same bytes), is not read, as `handbook check` says: through the cache its forms were
    still taken (review rv44c)."""
    path = write_term(config, "survivor", "term: survivor\naliases: [lived-experience expert]\n")
    run_checks(config)
    outside = tmp_path.parent / f"{tmp_path.name}-outside.yml"
    outside.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(outside)
    assert run_new(config, "term", "Lived experience experts") == 0


def _remove_a_term_in_git(root: Path) -> None:
    """A git repository at `root` whose last commit removes `glossary/sextortion.yml`."""
    git(root, "init", "-q", "-b", "main")
    write(root, "mkdocs.yml", "site_name: T\ndocs_dir: content\nplugins:\n  - handbook\n")
    write(root, "content/index.md", "# Home\n")
    write(root, "glossary/sextortion.yml", "term: sextortion\n")
    commit(root, "add")
    (root / "glossary/sextortion.yml").unlink()
    commit(root, "remove")


def test_a_term_removed_before_is_said_to_be_in_git(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Audit (aud60): `handbook new term` for a term removed last year started it over at
    version 1 without a word that its history and text were a checkout away."""
    monkeypatch.chdir(tmp_path)
    _remove_a_term_in_git(tmp_path)
    removed = git(tmp_path, "log", "-1", "--format=%h %as").split()
    config = load_config(tmp_path / "mkdocs.yml", require_folders=False)
    assert run_new(config, "term", "Peonage") == 0
    assert "removed" not in capsys.readouterr().err
    assert run_new(config, "term", "Sextortion") == 0
    assert capsys.readouterr().err == (
        f"note: glossary/sextortion.yml was removed in commit {removed[0]} ({removed[1]}); its "
        "history and text are in git. To bring the term back with them rather than start "
        "over at version 1, delete this file and run\n"
        f"  git checkout {removed[0]}^ -- glossary/sextortion.yml\n"
        "then raise its version and add a history entry for it.\n"
    )


def test_the_checkout_of_a_removed_term_names_it_from_the_current_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review rv60a: run from another folder (`handbook new -f ../mkdocs.yml`), the
    checkout named the file from mkdocs.yml's folder, where git finds no such path."""
    _remove_a_term_in_git(tmp_path)
    removed = git(tmp_path, "log", "-1", "--format=%h").strip()
    monkeypatch.chdir(tmp_path / "content")
    config = load_config(tmp_path / "mkdocs.yml", require_folders=False)
    assert run_new(config, "term", "Sextortion") == 0
    err = capsys.readouterr().err
    assert err.startswith("note: glossary/sextortion.yml was removed in commit")
    assert f"  git checkout {removed}^ -- ../glossary/sextortion.yml\n" in err
    # The command as advised brings the file back.
    (tmp_path / "glossary/sextortion.yml").unlink()
    git(tmp_path / "content", "checkout", f"{removed}^", "--", "../glossary/sextortion.yml")
    assert (tmp_path / "glossary/sextortion.yml").read_text() == "term: sextortion\n"
