"""`handbook new`: valid, commented, proposed files; slugs; never an overwrite."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from coalition_handbook.check import run_checks
from coalition_handbook.cli import main
from coalition_handbook.config import HandbookConfig, load_config
from coalition_handbook.editor.scaffold import SCHEMAS_DIR, run_new, schema_reference, slugify
from coalition_handbook.model import load_handbook
from coalition_handbook.model.schema import to_json_data

TODAY = dt.date(2026, 3, 14)


@pytest.fixture
def config(tmp_path: Path) -> HandbookConfig:
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        "site_name: T\ndocs_dir: content\nplugins:\n  - handbook\n", encoding="utf-8"
    )
    return load_config(config_file, today=TODAY)


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
        ("survivor’s rights", "survivor-s-rights"),
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
def test_first_line_names_the_schema_relative_to_the_file(
    config: HandbookConfig, kind: str, folder: str
) -> None:
    assert run_new(config, kind, "Preferred form") == 0
    path = config.root / folder / "preferred-form.yml"
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first_line.startswith(prefix)
    schema = (path.parent / first_line.removeprefix(prefix)).resolve()
    assert schema == (SCHEMAS_DIR / f"{kind}.schema.json").resolve()


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


def test_a_name_without_latin_letters_is_a_usage_error(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_new(config, "term", "人口贩卖") == 2
    assert "cannot make a file name" in capsys.readouterr().err
    assert not config.glossary_dir.exists()


def test_a_name_on_two_lines_is_a_usage_error(
    config: HandbookConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_new(config, "term", "two\nlines") == 2
    assert "one line" in capsys.readouterr().err


@pytest.mark.parametrize(
    "name", ["Yes", "T visa: the law", "#hashtag", "'quoted'", "1984", "[brackets]", "a # b"]
)
def test_names_that_yaml_would_misread_are_quoted(config: HandbookConfig, name: str) -> None:
    assert run_new(config, "term", name) == 0
    (path,) = config.glossary_dir.glob("*.yml")
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["term"] == name


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
