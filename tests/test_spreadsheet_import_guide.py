"""ADOPTING.md's "Terms from a spreadsheet": the import script it gives, copied from the
guide as an editor copies it, run on CSV files as Excel, LibreOffice and Google Sheets
save them, and the result checked by `handbook check`. An adoption audit: a coalition
moving a glossary of 167 terms from a spreadsheet wrote its own script, the guide having
none."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from test_adopting_doc import FENCED_BLOCK, subsection, table_rows, write_example

from coalition_handbook.cli import main

PLUGINS = Path(__file__).resolve().parent.parent / "plugins"
SCRIPT = "scripts/import-glossary.py"
BOM = "\ufeff"


def spreadsheet_section() -> str:
    return subsection("Terms from a spreadsheet")


def blocks() -> list[str]:
    return [match["text"] for match in FENCED_BLOCK.finditer(spreadsheet_section())]


def handbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The guide's example handbook, with the guide's script where it says to keep it;
    returns mkdocs.yml."""
    config = write_example(tmp_path, monkeypatch)
    (script,) = re.findall(r"^```python\n(.*?)^```$", spreadsheet_section(), re.M | re.S)
    (tmp_path / SCRIPT).parent.mkdir()
    (tmp_path / SCRIPT).write_text(script, encoding="utf-8")
    return config


def run_script(
    root: Path, sheet: str, text: str, *options: str, encoding: str = "utf-8"
) -> subprocess.CompletedProcess[str]:
    """The script run as the guide says, from the top of the repository, on `text` saved
    as `sheet`."""
    (root / sheet).write_bytes(text.encode(encoding))
    return subprocess.run(
        [sys.executable, SCRIPT, sheet, *options],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONPATH": str(PLUGINS)},
    )


def as_excel(text: str) -> str:
    """`text` as Excel's "CSV UTF-8" saves it: a byte order mark, and CRLF between rows
    (a line break inside a quoted cell stays LF)."""
    return BOM + re.sub(r'("[^"]*")|\n', lambda m: m[1] or "\r\n", text)


def glossary_files(root: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((root / "glossary").iterdir())}


def loaded(root: Path, name: str) -> dict[str, object]:
    term: dict[str, object] = yaml.safe_load((root / "glossary" / name).read_text("utf-8"))
    return term


ENGLISH_SHEET = (
    "Term,Definition,Aliases,Avoid,Reason,Related,Case sensitive,Tags,Sources\n"
    'labor trafficking,"Making a person work by force, fraud or coercion.\n'
    "\n"
    'The work is often called \u201cservice\u201d.",forced labor | labour trafficking,'
    '"slave labor\nslavery",Chains are rare.,"human trafficking\nT visa",,legal | labor,'
    '"22 U.S.C. 7102 https://www.law.cornell.edu/uscode/text/22/7102"\n'
    "U visa,A U.S. immigration status for victims of certain crimes who help the police.,"
    ",,,t-visa,yes,legal,\n"
    ",,,,,,,,\n"  # an empty row, as a sheet keeps one
    "survivor\u2019s network,A group of survivors who support each other.,,,,,,,\n"
)


def test_the_guide_s_script_imports_excel_s_and_google_s_csv_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = handbook(tmp_path, monkeypatch)
    today = os.environ["HANDBOOK_TODAY"]
    # Comma-separated: Excel's "CSV UTF-8" (a BOM, CRLF) and Google Sheets' (neither).
    done = run_script(tmp_path, "terms.csv", as_excel(ENGLISH_SHEET))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.splitlines() == [
        "wrote glossary/labor-trafficking.yml",
        "wrote glossary/u-visa.yml",
        "wrote glossary/survivors-network.yml",
        "terms written: 3; now run: .venv/bin/handbook check",
    ]
    history = [{"version": 1, "date": today, "summary": "Imported from terms.csv"}]
    assert loaded(tmp_path, "labor-trafficking.yml") == {
        "term": "labor trafficking",
        "version": 1,
        "definition": "Making a person work by force, fraud or coercion.\n\n"
        "The work is often called \u201cservice\u201d.",
        "aliases": ["forced labor", "labour trafficking"],
        "avoid": [
            {"text": "slave labor", "reason": "Chains are rare."},
            {"text": "slavery", "reason": "Chains are rare."},
        ],
        "related": ["human-trafficking", "t-visa"],
        "tags": ["legal", "labor"],
        "sources": [
            {"title": "22 U.S.C. 7102", "url": "https://www.law.cornell.edu/uscode/text/22/7102"}
        ],
        "history": history,
    }
    assert loaded(tmp_path, "u-visa.yml")["case_sensitive"] is True
    written = (tmp_path / "glossary" / "labor-trafficking.yml").read_bytes()
    assert b"\r" not in written
    # No schema line, as the guide's glossary files have none.
    assert written.startswith(b"term: labor trafficking\n")

    # Semicolons: the sheet the guide shows, as Excel set up for Spanish saves it.
    (spanish,) = [block for block in blocks() if block.startswith("term;definition;")]
    done = run_script(tmp_path, "glosario.csv", as_excel(spanish))
    assert done.returncode == 0, done.stderr
    assert loaded(tmp_path, "trata-de-personas.yml") == {
        "term": "trata de personas",
        "version": 1,
        "definition": "La captación, el transporte o la acogida de personas\n"
        "con fines de explotación.",
        "aliases": ["trata"],
        "avoid": [
            {
                "text": "esclavitud moderna",
                "reason": "La mayoría de las víctimas no están encadenadas.",
            }
        ],
        "tags": ["legal"],
        "history": [{"version": 1, "date": today, "summary": "Imported from glosario.csv"}],
    }
    # What the guide says comes next passes, strict.
    assert main(["check", "--strict", "-f", str(config)]) == 0
    assert capsys.readouterr().out == ""


def test_its_ids_are_those_handbook_new_term_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A soft hyphen and a zero-width space, as a cell copied from a PDF may hide them.
    names = ["Trata de niños", "Łódź shelter", "Section 7102(9)", "survivor\u2019s network"]
    names += ["traf\u00adficking victim", "labor\u200b broker"]
    imported = tmp_path / "imported"
    imported.mkdir()
    config = handbook(imported, monkeypatch)
    sheet = "term;definition\n" + "".join(f"{name};Una definición.\n" for name in names)
    done = run_script(imported, "names.csv", sheet)
    assert done.returncode == 0, done.stderr
    scaffolded = tmp_path / "scaffolded"
    scaffolded.mkdir()
    (scaffolded / "mkdocs.yml").write_bytes(config.read_bytes())
    monkeypatch.chdir(scaffolded)
    for name in names:
        assert main(["new", "term", name]) == 0
    capsys.readouterr()
    scaffolds = sorted((scaffolded / "glossary").iterdir())
    assert len(scaffolds) == len(names)
    wrote = re.findall(r"^wrote glossary/(\S+)$", done.stdout, re.M)
    assert sorted(wrote) == [path.name for path in scaffolds]
    for path in scaffolds:  # the same form, written the same
        assert loaded(imported, path.name)["term"] == yaml.safe_load(path.read_bytes())["term"]


def test_it_names_each_bad_row_by_file_and_line_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handbook(tmp_path, monkeypatch)
    before = glossary_files(tmp_path)
    (shown,) = [block for block in blocks() if block.startswith("$ .venv/bin/python ")]
    command, *printed = shown.splitlines()
    assert command == f"$ .venv/bin/python {SCRIPT} glosario.csv"
    sheet = as_excel(
        "term;definition;sources\n"
        'trata de personas;"La captación de personas\n'  # a row of two lines
        'con fines de explotación.";\n'
        "trata de niños;;\n"
        "pais de origen;El país de donde viene una persona.;\n"
        "País de origen;El país de nacimiento.;\n"
        "human trafficking;Ya está en el glosario.;\n"
        "víctima;Una persona.;Protocolo de Palermo www.ohchr.org\n"
    )
    done = run_script(tmp_path, "glosario.csv", sheet)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == printed  # what the guide shows
    assert glossary_files(tmp_path) == before

    # Told to, it writes the good rows, and still overwrites nothing.
    done = run_script(tmp_path, "glosario.csv", sheet, "--skip-bad-rows")
    assert done.returncode == 1
    assert done.stderr.splitlines() == printed[:-1]
    assert "bad rows skipped: 4" in done.stdout
    after = glossary_files(tmp_path)
    assert sorted(set(after) - set(before)) == ["pais-de-origen.yml", "trata-de-personas.yml"]
    assert {name: after[name] for name in before} == before
    # The sheet fixed and run again: what was written is left as it is, and named.
    fixed = sheet.replace("trata de niños;;", "trata de niños;La trata de menores.;")
    done = run_script(tmp_path, "glosario.csv", fixed, "--skip-bad-rows")
    assert "glosario.csv:2: glossary/trata-de-personas.yml exists already" in done.stderr
    assert "wrote glossary/trata-de-ninos.yml" in done.stdout


BAD_ROWS = {
    "T visa,Ya está.": "glossary/t-visa.yml exists already: not overwritten",
    "abuso,Una.,,javascript:alert(1)": "source 'javascript:alert(1)': its web address, last,"
    " must start with http(s)://",
    "captación,Una.,,https://example.org": "source 'https://example.org': give its title before"
    " its address",
    "coerción,Una.,,Ley http:///": "source 'Ley http:///': its web address, last, must start"
    " with http(s)://",
    ",Una definición sin término.": "no term",
    "engaño,Una.,,,es trata": "translation 'es trata': write it as es: trata de personas",
    "Москва,Столица.": "'Москва' needs Latin letters for its id (its file name)",
    '"trata,",Una.': "term 'trata,': The preferred form, written as it should appear in text:"
    " words on one line, with no punctuation of the sentence around them (no comma, colon or"
    " quote before or after; a closing full stop only in an abbreviation with dots inside it,"
    " such as U.S.)",
    "explotación,Una.,pending": "status 'pending': write proposed, approved or deprecated",
    "fraude,Una.,,,,,,extra": "a cell in no named column: 'extra'",
    "grooming,Una.,,,,Porque.": "0 forms to avoid and 1 reasons: give one each",
    "víctima,Una.,,,,,trata": "Only a deprecated term has a replacement; set status:"
    " deprecated, or remove replaced_by.",
}


def test_each_bad_row_says_what_is_wrong(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    handbook(tmp_path, monkeypatch)
    rows = "".join(f"{row}\n" for row in BAD_ROWS)
    sheet = f"term,definition,status,sources,translations,reason,replaced_by\nfine,Fine.\n{rows}"
    done = run_script(tmp_path, "sheet.csv", sheet)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        *(f"sheet.csv:{line}: {problem}" for line, problem in enumerate(BAD_ROWS.values(), 3)),
        f"bad rows: {len(BAD_ROWS)}; nothing was written: fix them and run this again",
    ]
    assert not (tmp_path / "glossary" / "fine.yml").exists()


def test_a_term_too_long_for_a_file_name_is_a_bad_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review rv31: its file name was too long for the system, and the script stopped
    with a traceback (a definition pasted in the term's column)."""
    handbook(tmp_path, monkeypatch)
    done = run_script(
        tmp_path, "sheet.csv", f"term,definition\nfine,Fine.\n{'palabra ' * 40}fin,Una.\n"
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "sheet.csv:3: a term has at most 200 characters (this one has 323)" in done.stderr
    assert not (tmp_path / "glossary" / "fine.yml").exists()


def test_a_sheet_it_cannot_read_is_named_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handbook(tmp_path, monkeypatch)
    before = glossary_files(tmp_path)
    # Excel's plain "CSV" on Windows: not UTF-8.
    done = run_script(
        tmp_path, "old.csv", "term,definition\nfine,Fine.\nniño,Menor.\n", encoding="cp1252"
    )
    assert (done.returncode, done.stderr) == (
        2,
        "old.csv:3: this is not UTF-8 text: save the sheet as CSV UTF-8\n",
    )
    done = run_script(tmp_path, "typo.csv", "term,defintion,notes\nfine,Fine.,\n")
    assert done.returncode == 2
    assert done.stderr.startswith("typo.csv:1: 'defintion' is not a column (term definition ")
    assert done.stderr.endswith("; did you mean 'definition'?\n")
    assert glossary_files(tmp_path) == before


def test_a_missing_sheet_is_named_and_empty_columns_are_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handbook(tmp_path, monkeypatch)
    done = subprocess.run(
        [sys.executable, SCRIPT, "glosary.csv"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PLUGINS)},
    )
    assert (done.returncode, done.stderr) == (2, "glosary.csv: No such file or directory\n")
    # Excel saves the empty columns after the last one it has cells in.
    done = run_script(
        tmp_path, "wide.csv", as_excel("term;definition;;\nshelter;A safe place.;;\n")
    )
    assert done.returncode == 0, done.stderr
    assert loaded(tmp_path, "shelter.yml")["definition"] == "A safe place."


def test_the_columns_table_names_every_column_the_script_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handbook(tmp_path, monkeypatch)
    done = run_script(tmp_path, "typo.csv", "tem,definition\n")
    (read,) = re.findall(r"is not a column \(([^)]*)\)", done.stderr)
    assert sorted(table_rows(spreadsheet_section())) == sorted(read.split())


def test_a_form_two_rows_claim_is_left_to_handbook_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The guide sends the editor to `handbook check` for it: the script compares ids,
    not forms."""
    config = handbook(tmp_path, monkeypatch)
    sheet = "term,definition,aliases\ntrafficking in persons,The same as TIP.,TIP\n"
    assert run_script(tmp_path, "terms.csv", sheet).returncode == 0
    main(["check", "--format", "json", "-f", str(config)])
    findings = json.loads(capsys.readouterr().out)["findings"]
    duplicates = [finding for finding in findings if finding["rule"] == "glossary.duplicate"]
    assert {finding["path"] for finding in duplicates} >= {"glossary/trafficking-in-persons.yml"}
    assert "`glossary.duplicate`" in spreadsheet_section()
