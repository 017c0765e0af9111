"""`handbook check` end to end: exit codes, formats, and bad input without tracebacks."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import require_or_skip
from handbooks import TERM, make_handbook, set_handbook_options
from work import without_totals

from coalition_handbook.cache import DISABLE_VARIABLE, STATS
from coalition_handbook.cli import CONFIG_NAMES, _parse_arguments, build_parser, main


def run_cli(*args: str) -> tuple[int, str, str]:
    completed = subprocess.run(
        [sys.executable, "-m", "coalition_handbook.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONWARNINGS": "default"},
    )
    return completed.returncode, completed.stdout, completed.stderr


def run_cli_writing_to(stdout: Any, *args: str, cwd: Path | None = None) -> tuple[int, str]:
    """`handbook *args` with its standard output `stdout` (a full device, a pipe no one
    reads): its exit code and standard error."""
    completed = subprocess.run(
        [sys.executable, "-m", "coalition_handbook.cli", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        cwd=cwd,
    )
    return completed.returncode, completed.stderr


def run_check_for_bytes(
    config_file: Path,
    report_format: str,
    env: dict[str, str] | None = None,
    **options: Any,
) -> subprocess.CompletedProcess[bytes]:
    """`handbook check` in a new process, without the cache; its output as bytes, to be
    read in whatever encoding the test expects. `options` go to `subprocess.run`."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "coalition_handbook.cli",
            "check",
            "-f",
            str(config_file),
            "--format",
            report_format,
        ],
        capture_output=True,
        check=False,
        env=env or {**os.environ, DISABLE_VARIABLE: "1"},
        **options,
    )


def test_clean_handbook_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config_file = make_handbook(tmp_path)
    assert main(["check", "-f", str(config_file)]) == 0
    assert capsys.readouterr().out == ""


def test_warning_fails_only_under_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = make_handbook(tmp_path, page="# Home\n\nNo vagrant here.\n")
    assert main(["check", "-f", str(config_file)]) == 0
    assert capsys.readouterr().out == (
        "content/index.md:3:4: warning term.avoid " + _message_of(tmp_path, "term.avoid") + "\n"
    )
    assert main(["check", "-f", str(config_file), "--strict"]) == 1


def test_info_never_fails_even_under_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """DESIGN section 5: `info` is reported only, whatever --strict says."""
    config_file = make_handbook(tmp_path, page="# Home\n\nCall XYZ now.\n")
    assert main(["check", "-f", str(config_file), "--strict"]) == 0
    assert capsys.readouterr().out.startswith("content/index.md:3:6: info term.unknown-acronym ")


def test_rule_levels_from_config_lower_and_raise_what_strict_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The plugin's `rules` sets the level --strict reads: a warning lowered to info
    passes, an info raised to warning fails."""
    config_file = make_handbook(tmp_path, page="# Home\n\nNo vagrant here. Call XYZ.\n")
    settings = config_file.read_text(encoding="utf-8")
    with_rules = settings.replace(
        "  - handbook\n", "  - handbook:\n      rules: {term.avoid: info}\n"
    )
    config_file.write_text(with_rules, encoding="utf-8")
    assert main(["check", "-f", str(config_file), "--strict"]) == 0
    assert ": info term.avoid " in capsys.readouterr().out
    config_file.write_text(
        with_rules.replace("term.avoid: info", "term.avoid: info, term.unknown-acronym: warning"),
        encoding="utf-8",
    )
    assert main(["check", "-f", str(config_file), "--strict"]) == 1
    assert "content/index.md:3:23: warning term.unknown-acronym " in capsys.readouterr().out
    assert main(["check", "-f", str(config_file)]) == 0


@pytest.mark.parametrize("no_cache", ["1", ""], ids=["without-cache", "with-cache"])
def test_findings_of_several_rules_come_sorted_with_or_without_the_cache(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    no_cache: str,
) -> None:
    """DESIGN section 6: sorted by path, line, column, rule, not in the order the rules
    ran (term.avoid's module before term.unknown-acronym's)."""
    monkeypatch.setenv("HANDBOOK_NO_CACHE", no_cache)
    history = "history:\n  - version: 1\n    date: 2026-01-01\n    summary: First.\n"
    config_file = make_handbook(
        tmp_path,
        page="# Home\n\nXYZ first.\n\nNo vagrant here.\n",
        **{
            # A term file's uses are found with the pages' (checked apart), a schema
            # problem as the files are loaded: the two lists are sorted as one.
            "glossary__aa-term.yml": f"term: aa term\nversion: 1\nwhat: A.\n{history}",
            "glossary__zz-term.yml": f"term: zz\nversion: 1\ndefinition: A vagrant.\n{history}",
        },
    )
    assert main(["check", "-f", str(config_file)]) == 1
    places = [line.split(" ")[0:3] for line in capsys.readouterr().out.splitlines()]
    assert places == [
        ["content/index.md:3:1:", "info", "term.unknown-acronym"],
        ["content/index.md:5:4:", "warning", "term.avoid"],
        ["glossary/aa-term.yml:1:1:", "error", "glossary.schema"],
        ["glossary/aa-term.yml:3:1:", "error", "glossary.schema"],
        ["glossary/zz-term.yml:3:15:", "warning", "term.avoid"],
    ]


def test_strict_in_mkdocs_yml_fails_warnings_as_the_build_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = make_handbook(tmp_path, page="# Home\n\nNo vagrant here.\n")
    settings = config_file.read_text(encoding="utf-8")
    assert main(["check", "-f", str(config_file)]) == 0  # fills the cache
    config_file.write_text(settings + "strict: true\n", encoding="utf-8")
    stats_before = STATS.results
    assert main(["check", "-f", str(config_file)]) == 1
    assert STATS.results == stats_before + 1  # the findings are the cached ones
    assert capsys.readouterr().out.count("warning term.avoid") == 2
    config_file.write_text(settings + "strict: false\n", encoding="utf-8")
    assert main(["check", "-f", str(config_file)]) == 0
    config_file.write_text(settings + "strict: maybe\n", encoding="utf-8")
    assert main(["check", "-f", str(config_file)]) == 2
    assert without_totals(capsys.readouterr().err) == (
        f"handbook: {config_file}:7: 'strict' is 'maybe'; expected true or false\n"
    )


def test_pages_exclude_docs_leaves_out_are_not_checked_cold_or_warm(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = make_handbook(tmp_path, **{"content/drafts/notes.md": "A vagrant.\n"})
    settings = config_file.read_text(encoding="utf-8")
    config_file.write_text(settings + "exclude_docs: |\n  drafts/\n", encoding="utf-8")
    for _ in range(2):  # the first run fills the cache, the second reads it
        assert main(["check", "-f", str(config_file), "--strict"]) == 0
    assert capsys.readouterr().out == ""
    config_file.write_text(settings, encoding="utf-8")  # the page is published again
    assert main(["check", "-f", str(config_file), "--strict"]) == 1
    assert capsys.readouterr().out.startswith("content/drafts/notes.md:1:3: warning term.avoid")


def test_avoid_message_says_what_to_write_and_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = make_handbook(tmp_path, page="# Home\n\nNo vagrant here.\n")
    main(["check", "-f", str(config_file)])
    assert capsys.readouterr().out == (
        "content/index.md:3:4: warning term.avoid 'vagrant' is a form to avoid; "
        "use 'person experiencing homelessness'. Why: Stigmatising.\n"
    )


def _message_of(root: Path, rule: str) -> str:
    from coalition_handbook.check import run_checks
    from coalition_handbook.config import load_config

    result = run_checks(load_config(root / "mkdocs.yml"))
    return next(finding.message for finding in result.findings if finding.rule == rule)


def test_sarif_that_leaves_findings_out_says_so_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run GitHub takes holds at most `MAX_RESULTS` results (lowered here to 1); the
    exit code is still that of every finding."""
    from coalition_handbook.report import sarif

    monkeypatch.setattr(sarif, "MAX_RESULTS", 1)
    config_file = make_handbook(tmp_path, page="# Home\n\nA vagrant, XYZ, a vagrant.\n")
    assert main(["check", "-f", str(config_file), "--format", "sarif", "--strict"]) == 1
    captured = capsys.readouterr()
    (result,) = json.loads(captured.out)["runs"][0]["results"]
    assert result["level"] == "warning"
    assert captured.err == (
        "handbook: the SARIF report leaves out 2 of 3 findings (GitHub code scanning takes "
        "at most 1 results a run; the most severe are kept): `handbook check --format text` "
        "or `--format json` lists them all\n"
    )


def test_text_and_github_reports_end_with_the_totals_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: 12,105 findings, one a line, and their number nowhere. Stdout stays the
    contract's lines (JSON has `counts`); past GitHub's ten annotations of a kind, a
    notice on stderr says first how many are not shown."""
    config_file = make_handbook(tmp_path, page="# Home\n\n" + "A vagrant.\n\n" * 11)
    totals = "handbook: 11 findings: 0 errors, 11 warnings, 0 infos (term.avoid 11)\n"
    assert main(["check", "-f", str(config_file)]) == 0
    text = capsys.readouterr()
    assert len(text.out.splitlines()) == 11
    assert text.err == totals
    assert main(["check", "-f", str(config_file), "--format", "github"]) == 0
    github = capsys.readouterr()
    commands = github.out.splitlines()
    assert len(commands) == 11 and all(line.startswith("::warning file=") for line in commands)
    note, said_last = github.err.splitlines(keepends=True)
    assert note.startswith("::notice::handbook: 1 of 11 findings (11 warnings) are not shown")
    assert said_last == totals
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 0
    assert capsys.readouterr().err == ""


def test_json_output_is_the_contract_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = make_handbook(tmp_path, page="# Home\n\nNo vagrants here.\n")
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["counts"] == {"error": 0, "warning": 1, "info": 0}
    (finding,) = report["findings"]
    assert {key: finding[key] for key in finding if key != "message"} == {
        "rule": "term.avoid",
        "severity": "warning",
        "path": "content/index.md",
        "line": 3,
        "column": 4,
        "found": "vagrants",
        "suggestion": "person experiencing homelessness",
        "term": "person-experiencing-homelessness",
    }


def test_json_found_holds_the_arabic_marks_after_the_last_letter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`found` is the use as written, with the vowel mark on its last letter: the
    matcher reads the marks through, and they are that letter's (review, session 48)."""
    term = TERM.replace("person experiencing homelessness", "الاتجار بالبشر").replace(
        "vagrant", "تهريب البشر"
    )
    config_file = make_handbook(tmp_path, page="# الرئيسية\n\nعن تهريبُ البشرِ.\n")
    (tmp_path / "glossary" / "person-experiencing-homelessness.yml").unlink()
    (tmp_path / "glossary" / "human-trafficking-ar.yml").write_text(term, encoding="utf-8")
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    (finding,) = report["findings"]
    assert (finding["rule"], finding["found"]) == ("term.avoid", "تهريبُ البشرِ")


def test_json_found_holds_the_arabic_little_words_glued_to_a_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit ar65: `والمهاجر غير الشرعي` ("and the illegal migrant") went unreported, its
    `و` glued to the article. The use is the whole word: `found` and `column` are its."""
    term = TERM.replace("person experiencing homelessness", "المهاجر غير النظامي").replace(
        "vagrant", "المهاجر غير الشرعي"
    )
    page = "# الرئيسية\n\nلا نكتب والمهاجر غير الشرعي ولا بالمهاجر غير الشرعي.\n"
    config_file = make_handbook(tmp_path, page=page)
    (tmp_path / "glossary" / "person-experiencing-homelessness.yml").unlink()
    (tmp_path / "glossary" / "migrant-ar.yml").write_text(term, encoding="utf-8")
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    found = [(finding["column"], finding["found"]) for finding in report["findings"]]
    assert found == [(9, "والمهاجر غير الشرعي"), (33, "بالمهاجر غير الشرعي")]


def test_json_found_holds_a_character_reference_that_ends_a_use_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`found` is the use as written: a possessive's apostrophe written as a character
    reference is in it whole, not cut after its `&` ("vagrants&" for
    "vagrants&rsquo;"), as the autolink holds the apostrophe (differential test)."""
    page = "# Home\n\nNo vagrants&rsquo; camp, no vagrant&#39;s tent.\n"
    config_file = make_handbook(tmp_path, page=page)
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    found = [(finding["column"], finding["found"]) for finding in report["findings"]]
    assert found == [(4, "vagrants&rsquo;"), (29, "vagrant&#39;s")]


def test_json_found_holds_a_possessive_after_emphasis(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A possessive after emphasis, "**vagrant**'s", reads "vagrant's", as "**vagrant**s"
    reads "vagrants": `found` holds its ending, as the autolink's link does (differential
    test), not the word alone."""
    page = "# Home\n\nNo **vagrant**'s tent, no *vagrant*\u2019s camp, no **vagrant**s.\n"
    config_file = make_handbook(tmp_path, page=page)
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    found = [finding["found"] for finding in report["findings"]]
    assert found == ["vagrant**'s", "vagrant*\u2019s", "vagrant**s"]


def test_json_found_holds_a_possessive_after_emphasis_written_as_a_reference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A possessive after emphasis whose apostrophe is a reference, "**vagrant**&rsquo;s",
    reads "vagrant's" as "**vagrant**'s" does: `found` holds the
    reference and the ending whole, as the autolink's link does (review rv42d)."""
    page = "# Home\n\nNo **vagrant**&rsquo;s tent, no *vagrant*&#39;s camp.\n"
    config_file = make_handbook(tmp_path, page=page)
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    found = [(finding["column"], finding["found"]) for finding in report["findings"]]
    assert found == [(6, "vagrant**&rsquo;s"), (34, "vagrant*&#39;s")]


@pytest.mark.parametrize(
    "apostrophe", ["&rsquor;", "&CloseCurlyQuote;", "&#x2019;", "&#X27;", "&#146;", "&#x92;"]
)
def test_json_found_holds_a_possessive_after_emphasis_in_any_apostrophe_reference(
    apostrophe: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every reference a browser shows as an apostrophe ends the possessive, the named
    ones HTML5 added too ("&rsquor;", "&CloseCurlyQuote;" are the curly one): "vagrant" alone
    was found after them (review rv43); and Windows-1252's number for it, 146, which a
    browser reads as the curly one too (review rv44)."""
    page = f"# Home\n\nNo **vagrant**{apostrophe}s tent.\n"
    config_file = make_handbook(tmp_path, page=page)
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    found = [(finding["column"], finding["found"]) for finding in report["findings"]]
    assert found == [(6, f"vagrant**{apostrophe}s")]


def test_text_an_alias_repeats_is_reported_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A YAML alias repeats its anchor's text, and both uses point at the anchor: one
    finding there, not two identical lines."""
    protocol = (
        "title: Outreach\nversion: 1\nowner: Committee\neffective: 2026-01-01\n"
        "review_by: 2030-01-01\naudience: [staff]\n"
        "summary: &summary Never call anyone a vagrant.\n"
        "steps:\n  - title: Listen\n    detail: *summary\n"
        "contacts:\n  - name: Desk\n"
        "history:\n  - version: 1\n    date: 2026-01-01\n    summary: First.\n"
    )
    config_file = make_handbook(tmp_path, **{"protocols__outreach.yml": protocol})
    assert main(["check", "-f", str(config_file)]) == 0
    assert capsys.readouterr().out == (
        "protocols/outreach.yml:7:39: warning term.avoid 'vagrant' is a form to avoid; "
        "use 'person experiencing homelessness'. Why: Stigmatising.\n"
    )


def test_rule_levels_from_config_apply(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config_file = make_handbook(tmp_path, page="# Home\n\nNo vagrant here.\n")
    text = config_file.read_text(encoding="utf-8").replace(
        "  - handbook\n", "  - handbook:\n      rules: {term.avoid: error}\n"
    )
    config_file.write_text(text, encoding="utf-8")
    assert main(["check", "-f", str(config_file)]) == 1
    assert ": error term.avoid " in capsys.readouterr().out
    config_file.write_text(text.replace("term.avoid: error", "term.avoid: off"), encoding="utf-8")
    assert main(["check", "-f", str(config_file), "--strict"]) == 0


def test_schema_error_exits_1_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = make_handbook(tmp_path, **{"glossary__t-visa.yml": "term: T visa\nversoin: 1\n"})
    assert main(["check", "-f", str(config_file)]) == 1
    out = capsys.readouterr().out
    assert "glossary/t-visa.yml:2:1: error glossary.schema " in out
    assert "'versoin'" in out and "'version'" in out


def test_missing_config_exits_2_without_traceback(tmp_path: Path) -> None:
    code, out, err = run_cli("check", "-f", str(tmp_path / "nope.yml"))
    assert (code, out) == (2, "")
    assert err.startswith("handbook: ") and "no such file" in err
    assert "Traceback" not in err


def test_the_package_runs_as_the_handbook_command(tmp_path: Path) -> None:
    """`python -m coalition_handbook` is `handbook`, where the console script is not on
    PATH: the same report and exit codes (it was "cannot be directly executed")."""
    config_file = make_handbook(tmp_path, page="# Home\n\nNo vagrant here.\n")
    command = [sys.executable, "-m", "coalition_handbook"]
    checked = subprocess.run(
        [*command, "check", "-f", str(config_file), "--strict"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 1, checked.stderr
    assert checked.stdout.startswith("content/index.md:3:4: warning term.avoid 'vagrant'")
    missing = subprocess.run(
        [*command, "check", "-f", str(tmp_path / "nope.yml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (missing.returncode, missing.stdout) == (2, "")
    assert missing.stderr.startswith("handbook: ") and "Traceback" not in missing.stderr


@pytest.mark.parametrize(
    ("plugins", "noted"),
    [
        ("", True),
        ("plugins: [search]\n", True),
        ("plugins: [search, handbook]\n", False),
        ("plugins:\n  - handbook: {enabled: false}\n", False),  # listed, turned off
    ],
)
def test_a_check_without_the_plugin_in_mkdocs_yml_says_so(
    tmp_path: Path, plugins: str, noted: bool
) -> None:
    """Audit: with the plugin missing from mkdocs.yml, `handbook check` passed in
    silence, while the site would be built with no glossary and no check."""
    (tmp_path / "content").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: X\ndocs_dir: content\n{plugins}", encoding="utf-8"
    )
    code, out, err = run_cli("check", "-f", str(tmp_path / "mkdocs.yml"))
    assert (code, out) == (0, "")
    note = (
        f"handbook: {tmp_path / 'mkdocs.yml'} lists no 'handbook' plugin: checked with its "
        "default options, but `mkdocs build` would neither check the pages nor publish the "
        "glossary (add `- handbook` under `plugins`)\n"
    )
    assert err == (note if noted else "")


@pytest.mark.parametrize("command", ["check", "handouts"])
def test_a_file_beside_no_handbook_folder_exits_2(tmp_path: Path, command: str) -> None:
    """Found by fuzzing: `-f glossary/victim.yml` (a term file, where mkdocs.yml
    belongs) checked nothing and passed, a CI step that could never fail."""
    config = make_handbook(tmp_path)
    term_file = next((config.parent / "glossary").glob("*.yml"))
    code, out, err = run_cli(command, "-f", str(term_file))
    assert (code, out) == (2, "")
    assert f"{term_file.name}: no handbook here" in err
    assert "is this the handbook's mkdocs.yml?" in err
    # One folder is enough: a handbook may begin with its glossary alone.
    (tmp_path / "bare").mkdir()
    (tmp_path / "bare" / "glossary").mkdir()
    (tmp_path / "bare" / "mkdocs.yml").write_text(
        "site_name: Bare\nplugins: [handbook]\n", encoding="utf-8"
    )
    code, out, err = run_cli("check", "-f", str(tmp_path / "bare" / "mkdocs.yml"))
    assert (code, out) == (0, "")
    # Its pages' folder is missing, though: a check that read no page says so.
    assert err == (
        f"handbook: {tmp_path / 'bare' / 'mkdocs.yml'} sets no docs_dir, and its default "
        "'docs' is not a folder: no page is read (MkDocs refuses to build without it; set "
        "docs_dir to the pages' folder)\n"
    )
    (tmp_path / "bare" / "docs").symlink_to(tmp_path / "nowhere")  # named as 'docs' too
    assert run_cli("check", "-f", str(tmp_path / "bare" / "mkdocs.yml"))[2] == err
    (tmp_path / "bare" / "docs").unlink()
    (tmp_path / "bare" / "docs").mkdir()
    assert run_cli("check", "-f", str(tmp_path / "bare" / "mkdocs.yml")) == (0, "", "")


@pytest.mark.parametrize(
    ("written", "refused"),
    [
        ("handbook.example.org", "'handbook.example.org'"),
        ("!ENV [SITE_URL, example.org/handbook]", "'example.org/handbook'"),
        ("https://", "'https://'"),
        ("5", "5"),
        ("https://handbook.example.org", None),
        ("!ENV SITE_URL", None),  # the variable unset, as on an editor's machine
    ],
)
def test_a_site_url_mkdocs_refuses_is_a_configuration_error(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    written: str,
    refused: str | None,
) -> None:
    """Audit: `handbook check` passed a `site_url` without its scheme, which MkDocs
    refuses at build time (and `handbook handouts` said so): it is an error of the
    settings, at the line of `site_url`, exit 2, as any other setting the build refuses."""
    monkeypatch.delenv("SITE_URL", raising=False)
    config_file = make_handbook(tmp_path)
    config_file.write_text(
        config_file.read_text(encoding="utf-8") + f"site_url: {written}\n", encoding="utf-8"
    )
    line = config_file.read_text(encoding="utf-8").count("\n")
    code = main(["check", "-f", str(config_file)])
    out, err = capsys.readouterr()
    if refused is None:
        assert (code, out, err) == (0, "", "")
        return
    assert (code, out) == (2, "")
    assert err == (
        f"handbook: {config_file}:{line}: site_url {refused} is no web address (it needs its "
        "scheme, e.g. https://): MkDocs refuses to build the site with it, and the handouts "
        "link to none of its pages and name no address\n"
    )


@pytest.mark.parametrize(
    ("plugins", "refused"),
    [
        ("  - i18n:\n      languages: [en, es]\n  - handbook\n", True),
        ("  - handbook\n  - i18n\n", True),
        ("  - handbook\n  - i18n:\n      enabled: false\n", False),
        ("  - handbook:\n      enabled: false\n  - i18n\n", False),
    ],
)
def test_a_plugin_the_build_stops_on_is_a_configuration_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], plugins: str, refused: bool
) -> None:
    """Audit (other plugins): `handbook check` passed a site listing mkdocs-static-i18n,
    which `mkdocs build` stops on at its line: the pre-commit hook and the check job
    passed while the site could not be built. The check refuses it as the build does,
    at the same line, exit 2; a plugin switched off, or the handbook's, stops nothing."""
    config_file = make_handbook(tmp_path)
    config_file.write_text(
        config_file.read_text(encoding="utf-8").replace("  - handbook\n", plugins),
        encoding="utf-8",
    )
    code = main(["check", "-f", str(config_file)])
    out, err = capsys.readouterr()
    if not refused:
        # A note where mkdocs-static-i18n is not installed, which it need not be here.
        noted = [line for line in err.splitlines() if "plugin is not installed here" not in line]
        assert (code, out, noted) == (0, "", [])
        return
    line = (
        config_file.read_text(encoding="utf-8")
        .splitlines()
        .index(next(entry for entry in plugins.splitlines() if "i18n" in entry))
    )
    assert (code, out) == (2, "")
    assert err.startswith(
        f"handbook: {config_file}:{line + 1}: the 'i18n' plugin (mkdocs-static-i18n) is not "
        "supported: it cannot read the pages the handbook makes."
    )
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("setting", "problem"),
    [
        (
            "nav: 3\n",
            "'nav' is 3, not a list of pages: MkDocs refuses to build the site with it "
            "(write `nav:` and then, for each page, a line `- index.md` or `- Title: page.md`)",
        ),
        (
            "nav:\n  - index.md\n  - 3\n",
            "'nav' lists 3, which is no page: MkDocs refuses to build the site with it "
            "(write `nav:` and then, for each page, a line `- index.md` or `- Title: page.md`)",
        ),
        (
            "nav:\n  - Home: index.md\n    About: about.md\n",
            "'nav' lists an item naming two pages ('Home', 'About'): MkDocs refuses to build "
            "the site with it (write `nav:` and then, for each page, a line `- index.md` or "
            "`- Title: page.md`)",
        ),
        (
            "nav:\n  - Section:\n  - index.md\n",
            "'nav' lists 'Section' with no page: MkDocs refuses to build the site with it "
            "(write `nav:` and then, for each page, a line `- index.md` or `- Title: page.md`)",
        ),
        (
            "hooks:\n  - hooks/nohook.py\n",
            "'hooks' names hooks/nohook.py, which is no file beside mkdocs.yml: MkDocs "
            "refuses to build the site without it",
        ),
        (
            "hooks: hooks.py\n",
            "'hooks' is 'hooks.py', not a list of files: MkDocs refuses to build the site "
            "with it (write `hooks:` and then, for each file, a line `- hooks.py`)",
        ),
    ],
)
def test_a_nav_or_hooks_mkdocs_refuses_is_a_configuration_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setting: str, problem: str
) -> None:
    """badux3: `handbook check` passed a `nav` or `hooks` that `mkdocs build` stops on
    (`nav: 3`, a hooks file that is not there): refused as a `site_url` is, at the
    setting's line, exit 2."""
    config_file = make_handbook(tmp_path)
    line = config_file.read_text(encoding="utf-8").count("\n") + 1
    config_file.write_text(config_file.read_text(encoding="utf-8") + setting, encoding="utf-8")
    code = main(["check", "-f", str(config_file)])
    out, err = capsys.readouterr()
    assert (code, out, err) == (2, "", f"handbook: {config_file}:{line}: {problem}\n")


@pytest.mark.parametrize(
    "setting",
    [
        "nav:\n  - index.md\n  - Section:\n      - Home: index.md\n      - index.md\n",
        "nav:\n",
        "hooks:\n  - hooks.py\n",
        "hooks: []\n",
    ],
)
def test_a_nav_or_hooks_mkdocs_builds_with_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setting: str
) -> None:
    config_file = make_handbook(tmp_path, **{"hooks.py": ""})
    config_file.write_text(config_file.read_text(encoding="utf-8") + setting, encoding="utf-8")
    code = main(["check", "-f", str(config_file)])
    assert (code, *capsys.readouterr()) == (0, "", "")


@pytest.mark.parametrize(
    ("old", "new", "note"),
    [
        (
            "theme: {name: material}",
            "theme: {name: materal}",
            "3: the theme 'materal' is not installed here (did you mean 'material'?): "
            "`mkdocs build` stops on it where it is not",
        ),
        (
            "theme: {name: material}",
            "theme: nosuch",
            "3: the theme 'nosuch' is not installed here: `mkdocs build` stops on it where "
            "it is not",
        ),
        (
            "  - search\n",
            "  - serach\n",
            "5: the 'serach' plugin is not installed here (did you mean 'search'?): "
            "`mkdocs build` stops on it where it is not, switched off or not",
        ),
        (
            "  - search\n",
            "  - nosuch:\n      enabled: false\n",
            "5: the 'nosuch' plugin is not installed here: `mkdocs build` stops on it where "
            "it is not, switched off or not",
        ),
    ],
)
def test_a_theme_or_plugin_not_installed_is_noted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, note: str
) -> None:
    """badux3: a theme or plugin `mkdocs build` cannot find passed `handbook check`
    silently. Whether it is installed depends on where the check runs (a CI job that
    installs the handbook alone lacks the site's other plugins), so it is a note on
    stderr, exit unchanged, at the line it is named on."""
    config_file = make_handbook(tmp_path)
    text = config_file.read_text(encoding="utf-8")
    assert old in text
    config_file.write_text(text.replace(old, new), encoding="utf-8")
    code = main(["check", "-f", str(config_file)])
    # Said to be a note, as the check's other notes are: "handbook: mkdocs.yml:5: ..."
    # alone read as the errors that stop a check do (review rv56d).
    assert (code, *capsys.readouterr()) == (0, "", f"handbook: note: {config_file}:{note}\n")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("theme: {name: material}", "theme: {name: proper-theme}"),
        ("  - search\n", "  - proper-plugin\n"),
    ],
)
def test_a_theme_or_plugin_installed_for_properdocs_alone_is_not_noted(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    old: str,
    new: str,
) -> None:
    """Review rv56d: ProperDocs, which builds the same config (ADOPTING), also finds themes
    and plugins under its own entry points (`properdocs.themes`, `properdocs.plugins`);
    one installed there alone was noted as not installed."""
    import importlib.metadata as metadata

    installed = [
        *metadata.entry_points(group="mkdocs.themes"),
        *metadata.entry_points(group="mkdocs.plugins"),
    ]
    proper = (
        metadata.EntryPoint("proper-theme", "proper_theme", "properdocs.themes"),
        metadata.EntryPoint("proper-plugin", "proper_plugin:Plugin", "properdocs.plugins"),
    )
    monkeypatch.setattr(
        metadata, "entry_points", lambda: metadata.EntryPoints([*installed, *proper])
    )
    config_file = make_handbook(tmp_path)
    text = config_file.read_text(encoding="utf-8")
    assert old in text
    config_file.write_text(text.replace(old, new), encoding="utf-8")
    assert (main(["check", "-f", str(config_file)]), *capsys.readouterr()) == (0, "", "")


def test_a_site_url_refused_is_reported_with_the_other_problems_of_the_settings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every problem of mkdocs.yml at once, each at its file and line: `site_url` where
    the inherited file sets it."""
    config_file = make_handbook(tmp_path)
    (tmp_path / "base.yml").write_text("site_name: T\nsite_url: example.org\n", encoding="utf-8")
    config_file.write_text(
        "INHERIT: base.yml\n"
        + config_file.read_text(encoding="utf-8").replace(
            "  - handbook\n", "  - handbook:\n      autolnk: all\n"
        ),
        encoding="utf-8",
    )
    assert main(["check", "-f", str(config_file)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"handbook: {tmp_path / 'base.yml'}:2: site_url 'example.org' is no web address (it "
        "needs its scheme, e.g. https://): MkDocs refuses to build the site with it, and the "
        "handouts link to none of its pages and name no address",
        f"handbook: {config_file}:8: unknown option 'autolnk' of the 'handbook' plugin (did "
        "you mean 'autolink'?)",
    ]


def test_bad_options_exit_2_each_on_a_line_of_its_own(tmp_path: Path) -> None:
    config_file = make_handbook(tmp_path)
    set_handbook_options(config_file, "autolnk: all\n      handouts: maybe")
    code, _out, err = run_cli("check", "-f", str(config_file))
    lines = err.splitlines()
    assert code == 2
    assert "did you mean 'autolink'?" in err
    assert "Traceback" not in err
    assert len(lines) == 2 and all(line.startswith(f"handbook: {config_file}:") for line in lines)
    assert "'autolnk'" in lines[0] and "'handouts' must be true or false" in lines[1]


def test_a_report_that_cannot_be_written_exits_2_without_traceback(tmp_path: Path) -> None:
    require_or_skip(Path("/dev/full").exists(), "needs /dev/full (Linux)")
    config_file = make_handbook(tmp_path, "# Home\n\nA homeless person.\n")
    with Path("/dev/full").open("w") as full:
        code, stderr = run_cli_writing_to(full, "check", "-f", str(config_file))
    assert code == 2
    assert stderr == (
        "handbook: cannot write the report to standard output: No space left on device\n"
    )


@pytest.mark.parametrize(
    ("arguments", "what"),
    [
        (["--help"], "the help"),
        (["--version"], "the version"),
        (["check", "--help"], "the help"),
        (["handouts", "--help"], "the help"),
        (["check"], "the report"),
    ],
)
def test_help_or_version_that_cannot_be_written_exits_2(
    tmp_path: Path, arguments: list[str], what: str
) -> None:
    """`handbook --help > /dev/full` exited 0, the text lost without a word (argparse
    drops a failed write): refused as a report that cannot be written is (badux3)."""
    require_or_skip(Path("/dev/full").exists(), "needs /dev/full (Linux)")
    make_handbook(tmp_path, "# Home\n\nNothing to report.\n")
    with Path("/dev/full").open("w") as full:
        code, stderr = run_cli_writing_to(full, *arguments, cwd=tmp_path)
    assert (code, stderr) == (
        2,
        f"handbook: cannot write {what} to standard output: No space left on device\n",
    )


@pytest.mark.parametrize("arguments", [["--help"], ["--version"], ["diff", "--help"]])
def test_help_or_version_read_by_a_reader_that_stops_is_no_error(arguments: list[str]) -> None:
    """`handbook --help | head -1`: exits 0, no traceback (badux3)."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # a reader gone before the first line
    try:
        code, stderr = run_cli_writing_to(write_end, *arguments)
    finally:
        os.close(write_end)
    assert (code, stderr) == (0, "")


def test_a_full_disk_while_any_command_prints_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    require_or_skip(Path("/dev/full").exists(), "needs /dev/full (Linux)")
    config_file = make_handbook(tmp_path)
    with Path("/dev/full").open("w") as full:
        code, stderr = run_cli_writing_to(
            full, "new", "term", "Full disk", "-f", str(config_file), cwd=tmp_path
        )
    # Says that the file was made, which a second `new` would refuse as there (badux).
    assert (code, stderr) == (
        2,
        "handbook new: created glossary/full-disk.yml, but cannot write to standard "
        "output: No space left on device\n",
    )
    assert (tmp_path / "glossary" / "full-disk.yml").is_file()  # done before the message


def test_a_reader_that_stops_reading_is_no_error(tmp_path: Path) -> None:
    """`handbook check | head -1`: the exit code still says whether a finding fails."""
    config_file = make_handbook(
        tmp_path, "# Home\n\n" + "A homeless person.\n\n" * 2000, **{"glossary__bad.yml": ""}
    )
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before a byte is written
    try:
        code, stderr = run_cli_writing_to(write_end, "check", "-f", str(config_file))
    finally:
        os.close(write_end)
    assert (code, without_totals(stderr)) == (1, "")


def test_without_f_mkdocs_yaml_is_read_as_mkdocs_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = make_handbook(tmp_path, "# Home\n\nNo vagrant here.\n")
    config_file.rename(tmp_path / "mkdocs.yaml")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--strict"]) == 1
    assert capsys.readouterr().out.startswith("content/index.md:3:4: warning term.avoid ")
    # Beside another config, which one is read is said (audit: a copied properdocs.yml
    # silently went unread by the check, and read by `properdocs build`).
    (tmp_path / "properdocs.yml").write_bytes((tmp_path / "mkdocs.yaml").read_bytes())
    assert main(["check", "--strict"]) == 1
    assert without_totals(capsys.readouterr().err) == (
        "handbook: note: reading mkdocs.yaml; properdocs.yml is here too, and ProperDocs "
        "reads properdocs.yml first: keep one config, or name the one meant with -f\n"
    )
    assert main(["check", "-f", "mkdocs.yaml", "--strict"]) == 1  # named: nothing to say
    assert without_totals(capsys.readouterr().err) == ""
    (tmp_path / "properdocs.yml").rename(tmp_path / "mkdocs.yml")
    assert main(["check", "--strict"]) == 1  # ProperDocs is no matter here (review)
    assert without_totals(capsys.readouterr().err) == (
        "handbook: note: reading mkdocs.yml; mkdocs.yaml is here too: keep one config, or "
        "name the one meant with -f\n"
    )
    (tmp_path / "mkdocs.yml").unlink()
    # ProperDocs' own name, which it asks sites to use, is read next.
    (tmp_path / "mkdocs.yaml").rename(tmp_path / "properdocs.yml")
    assert main(["check", "--strict"]) == 1
    assert capsys.readouterr().out.startswith("content/index.md:3:4: warning term.avoid ")
    (tmp_path / "properdocs.yml").unlink()
    assert main(["check"]) == 2
    assert "mkdocs.yml: no such file (run handbook in the folder of mkdocs.yml" in (
        capsys.readouterr().err
    )
    # Named with -f, a missing file is only that: no advice to use -f.
    assert main(["check", "-f", "nope.yml"]) == 2
    assert capsys.readouterr().err.endswith("nope.yml: no such file\n")
    # A link to nothing was "no such file, run handbook in the folder of mkdocs.yml",
    # where the editor was (audit).
    (tmp_path / "mkdocs.yml").symlink_to("gone/mkdocs.yml")
    assert main(["check"]) == 2
    assert capsys.readouterr().err == (
        "handbook: mkdocs.yml: a symbolic link to gone/mkdocs.yml, which does not exist: "
        "link it to the site's config, or name that with -f\n"
    )


@pytest.mark.parametrize("command", ["check", "diff", "new", "handouts"])
def test_the_help_of_f_names_every_config_read_without_it(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: the help left out ./properdocs.yaml, which is read all the same."""
    with pytest.raises(SystemExit):
        main([command, "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    names = [f"./{name}" for name in CONFIG_NAMES]
    assert f"(default: the first there is of {', '.join(names)}:" in help_text


def test_usage_error_exits_2() -> None:
    code, _, err = run_cli("check", "--format", "xml")
    assert code == 2
    assert "invalid choice" in err


@pytest.mark.parametrize(
    ("arguments", "usage", "error"),
    [
        (["check", "--bogus"], "usage: handbook check ", "unrecognized arguments: --bogus"),
        (["diff", "--bogus", "HEAD"], "usage: handbook diff ", "unrecognized arguments: --bogus"),
        # no abbreviations: "--form" is not "--format", nor "--st" "--strict"
        (
            ["check", "--form", "json"],
            "usage: handbook check ",
            "unrecognized arguments: --form json",
        ),
        (["check", "--st"], "usage: handbook check ", "unrecognized arguments: --st"),
        # Review: an editor who knows `check --format github` tried it on the diff.
        *(
            (
                ["diff", *given, "main"],
                "usage: handbook diff ",
                f"unrecognized arguments: {given[0]} (handbook diff writes a Markdown report "
                "alone: --format is handbook check's)",
            )
            for given in (["--format", "json"], ["--format=github"])
        ),
        (
            ["new", "term", "T", "visa"],
            "usage: handbook new ",
            'unrecognized arguments: visa (a name of several words goes in quotes: "T visa")',
        ),
    ],
)
def test_an_unknown_argument_is_refused_with_its_commands_usage(
    arguments: list[str], usage: str, error: str
) -> None:
    code, out, err = run_cli(*arguments)
    assert (code, out) == (2, "")
    assert err.startswith(usage)
    assert err.rstrip().endswith(error)


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["new", "term", "-f", "sub/mkdocs.yml", "T visa"], {"kind": "term", "name": "T visa"}),
        (["diff", "main", "-f", "sub/mkdocs.yml", "HEAD"], {"base": "main", "head": "HEAD"}),
        (["diff", "main", "HEAD", "-f", "sub/mkdocs.yml"], {"base": "main", "head": "HEAD"}),
        (["diff", "-f", "sub/mkdocs.yml", "main"], {"base": "main", "head": None}),
        (["new", "term", "--", "-x"], {"kind": "term", "name": "-x"}),
        # Review (rv57d): Python 3.11's intermixed parse dropped a `--` that no word but
        # options came before, and read the words after it as options, as before it not.
        (["new", "--", "protocol", "-x"], {"kind": "protocol", "name": "-x"}),
        (["new", "-f", "sub/mkdocs.yml", "--", "module", "-x"], {"kind": "module", "name": "-x"}),
        (["diff", "--", "-x"], {"base": "-x", "head": None}),
        (["diff", "-f", "sub/mkdocs.yml", "--", "main", "-x"], {"base": "main", "head": "-x"}),
        (["new", "protocol", "-f", "sub/mkdocs.yml", "--", "-f"], {"name": "-f"}),
    ],
)
def test_f_may_come_between_a_commands_words(
    arguments: list[str], expected: dict[str, Any]
) -> None:
    """Audit (edit57): `handbook diff main -f sub/mkdocs.yml HEAD` was refused with
    "unrecognized arguments: HEAD", and `handbook new term -f sub/mkdocs.yml "T visa"`
    with "NAME is missing", where git and mkdocs take an option anywhere."""
    args = _parse_arguments(build_parser(), arguments)
    assert {name: getattr(args, name) for name in expected} == expected
    if "-f" in arguments:
        assert args.config_file == Path("sub/mkdocs.yml")


def alias_bomb(levels: int = 9) -> str:
    """The "billion laughs": each level lists the one before nine times."""
    names = [chr(ord("a") + level) for level in range(levels + 1)]
    lines = [f"{names[0]}: &{names[0]} [{', '.join(['x'] * 9)}]"]
    for previous, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    return "\n".join(lines) + "\n"


BAD_GLOSSARY = {
    "syntax.yml": "term: [unclosed\nversion: 1\n",
    "duplicate-key.yml": TERM.replace("version: 1\n", "version: 1\nversion: 2\n", 1),
    "unknown-field.yml": TERM.replace("avoid:", "avoidd:"),
    "wrong-type.yml": TERM.replace("version: 1\n", "version: one\n", 1),
    "empty.yml": "",
    "a-list.yml": "- term: x\n",
    "latin1.yml": None,
    "tabs.yml": "term: x\nversion: 1\n\tdefinition: y\n",
    "bomb.yml": "ALIAS_BOMB",
    "Not_A_Slug.yml": TERM.replace("homelessness", "homelessness two").replace("vagrant", "tramp"),
    "javascript.yml": TERM.replace("vagrant", "drifter").replace(
        "homelessness", "homelessness three"
    )
    + "sources:\n  - title: x\n    url: javascript:alert(1)\n",
}


def test_every_bad_input_is_reported_with_file_and_line_no_traceback(tmp_path: Path) -> None:
    config_file = make_handbook(tmp_path)
    glossary = tmp_path / "glossary"
    for name, text in BAD_GLOSSARY.items():
        if text is None:
            (glossary / name).write_bytes(b"term: caf\xe9\nversion: 1\n")
        elif text == "ALIAS_BOMB":
            (glossary / name).write_text(alias_bomb(), encoding="utf-8")
        else:
            (glossary / name).write_text(text, encoding="utf-8")
    (glossary / "bom-crlf.yml").write_bytes(
        b"\xef\xbb\xbf"
        + TERM.replace("homelessness", "homelessness four")
        .replace("vagrant", "hobo")
        .replace("\n", "\r\n")
        .encode()
    )
    code, out, err = run_cli("check", "-f", str(config_file))
    assert code == 1
    assert "Traceback" not in err and "Traceback" not in out
    reported = {line.split(":", 1)[0] for line in out.splitlines() if " error " in line}
    assert reported == {f"glossary/{name}" for name in BAD_GLOSSARY}
    for line in out.splitlines():
        _path, line_number, column, _ = line.split(":", 3)
        assert int(line_number) >= 1 and int(column) >= 1, line


def test_engine_runs_without_importing_mkdocs(tmp_path: Path) -> None:
    config_file = make_handbook(tmp_path, page="# Home\n\nNo vagrant here.\n")
    script = (
        "import sys\n"
        "from coalition_handbook.cli import main\n"
        f"code = main(['check', '-f', {str(config_file)!r}])\n"
        "loaded = sorted(name for name in sys.modules if name.split('.')[0] == 'mkdocs')\n"
        "assert not loaded, loaded\n"
        "sys.exit(code)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
    assert "term.avoid" in completed.stdout


def test_a_check_answered_from_the_cache_loads_no_parser_or_validator(tmp_path: Path) -> None:
    """A second `handbook check` of unchanged files (pre-commit, CI with .cache restored)
    starts fast: fastjsonschema and markdown-it are imported only to parse or validate,
    and the first run did both. jsonschema, which only describes what does not fit, is
    imported by neither run: every file fits."""
    config_file = make_handbook(tmp_path, page="# Home\n\nNo vagrant here.\n")
    script = (
        "import sys\n"
        "from coalition_handbook.cli import main\n"
        f"code = main(['check', '-f', {str(config_file)!r}])\n"
        "heavy = ('jsonschema', 'fastjsonschema', 'markdown_it')\n"
        "loaded = sorted(name for name in sys.modules if name.split('.')[0] in heavy)\n"
        "print('LOADED', loaded)\n"
        "sys.exit(code)\n"
    )
    environment = {key: value for key, value in os.environ.items() if key != DISABLE_VARIABLE}
    runs = [
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=False,
            env=environment,
        )
        for _ in range(2)
    ]
    assert [run.returncode for run in runs] == [0, 0], runs[-1].stderr
    first, second = (run.stdout.splitlines()[-1] for run in runs)
    assert "'fastjsonschema'" in first  # the cold run validated
    assert "'jsonschema'" not in first
    assert second == "LOADED []"


@pytest.mark.parametrize("report_format", ["text", "json", "github", "sarif"])
def test_a_file_name_that_is_not_utf8_is_reported_in_utf8(
    tmp_path: Path, report_format: str
) -> None:
    """A term file named in Latin-1 (`caf\\xe9`), as another system may write one: SARIF
    ended in a traceback, and JSON carried the raw byte, which no UTF-8 reader takes
    (found in an audit). The name is shown with the byte as an escape."""
    config_file = make_handbook(tmp_path)
    latin1_name = os.fsdecode(b"caf\xe9.yml")
    (tmp_path / "glossary" / latin1_name).write_text(
        TERM.replace("person experiencing homelessness", "cafe worker"), encoding="utf-8"
    )
    completed = run_check_for_bytes(config_file, report_format)
    assert completed.returncode == 1
    assert without_totals(completed.stderr) == ""
    report = completed.stdout.decode("utf-8")  # strictly
    shown = "glossary/caf\\xe9.yml"
    if report_format == "json":
        assert shown in {finding["path"] for finding in json.loads(report)["findings"]}
    elif report_format == "sarif":
        results = json.loads(report)["runs"][0]["results"]
        uris = {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for result in results}  # fmt: skip
        assert "glossary/caf%E9.yml" in uris  # a URI: the file's own byte
    else:
        assert shown in report


CP1252 = {**os.environ, "PYTHONIOENCODING": "cp1252", DISABLE_VARIABLE: "1"}


def test_a_command_whose_output_cannot_encode_a_character_writes_an_escape(
    tmp_path: Path,
) -> None:
    """`handbook new` and `handbook diff` print arrows, marks and folder names that a
    Windows code page cannot hold: written to a file there, that was a traceback (found
    in an audit), after `new` had written its file."""
    config_file = make_handbook(tmp_path)
    set_handbook_options(config_file, "glossary_dir: глоссарий")
    (tmp_path / "глоссарий").mkdir()
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "coalition_handbook.cli",
            "new",
            "term",
            "Trafficking victim",
            "-f",
            str(config_file),
        ],
        capture_output=True,
        check=False,
        env=CP1252,
    )
    assert (completed.returncode, completed.stderr) == (0, b"")
    assert b"\\u0433\\u043b" in completed.stdout  # the glossary's name, escaped
    assert (tmp_path / "глоссарий" / "trafficking-victim.yml").is_file()


@pytest.mark.parametrize("report_format", ["json", "sarif"])
def test_json_that_the_output_cannot_encode_is_written_in_ascii(
    tmp_path: Path, report_format: str
) -> None:
    """Where Python's escapes (`\\U0001f600`) would make invalid JSON, JSON's are used."""
    config_file = make_handbook(tmp_path)
    (tmp_path / "content" / "caf\U0001f600.md").write_text(
        "# Caf\n\nA vagrant\u2019s bag.\n", encoding="utf-8"
    )
    completed = run_check_for_bytes(config_file, report_format, CP1252)
    assert completed.stderr == b""
    report = json.loads(completed.stdout.decode("ascii"))
    if report_format == "json":
        (finding,) = report["findings"]
        assert (finding["path"], finding["found"]) == ("content/caf\U0001f600.md", "vagrant\u2019s")
    else:
        (result,) = report["runs"][0]["results"]
        assert "'vagrant\u2019s'" in result["message"]["text"]


@pytest.mark.parametrize("report_format", ["text", "json", "github", "sarif"])
def test_half_a_character_from_a_yaml_escape_is_reported_as_its_code(
    tmp_path: Path, report_format: str
) -> None:
    """A YAML key written `"\\ud83d"` is half of an emoji: a lone surrogate, which no
    output can encode (found in review: a traceback in every format)."""
    config_file = make_handbook(tmp_path)
    term = TERM.replace("version: 1\n", 'version: 1\n"\\ud83d": 1\n', 1)
    (tmp_path / "glossary" / "person-experiencing-homelessness.yml").write_text(
        term, encoding="utf-8"
    )
    completed = run_check_for_bytes(config_file, report_format)
    assert (completed.returncode, without_totals(completed.stderr)) == (1, "")
    report = completed.stdout.decode("utf-8")
    if report_format in ("json", "sarif"):
        report = json.dumps(json.loads(report))
        assert "unknown field '\\\\ud83d'" in report
    else:
        assert "unknown field '\\ud83d'" in report


@pytest.mark.parametrize(
    ("encoding", "report_format"),
    [("ascii:surrogateescape", "text"), ("utf-16", "json")],
)
def test_a_report_goes_out_whatever_the_outputs_encoding(
    tmp_path: Path, encoding: str, report_format: str
) -> None:
    """Found in the second review: a C locale's stdout (`surrogateescape`) ended a text
    report in a traceback; JSON to a UTF-16 output was UTF-16, which JSON is not."""
    config_file = make_handbook(tmp_path)
    (tmp_path / "content" / "caf\u00e9.md").write_text("# Caf\n\nA vagrant here.\n", "utf-8")
    env = {**os.environ, "PYTHONIOENCODING": encoding, DISABLE_VARIABLE: "1"}
    completed = run_check_for_bytes(config_file, report_format, env)
    assert (completed.returncode, without_totals(completed.stderr, "ascii")) == (0, "")
    report = completed.stdout.decode("ascii")
    if report_format == "json":
        assert json.loads(report)["findings"][0]["path"] == "content/caf\u00e9.md"
    else:
        assert "content/caf\\xe9.md" in report


@pytest.mark.parametrize("encoding", ["cp1252", "ascii:surrogateescape", "utf-16"])
def test_github_commands_are_utf8_whatever_the_outputs_encoding(
    tmp_path: Path, encoding: str
) -> None:
    """The Actions runner reads workflow commands as UTF-8: written in a Windows runner's
    code page, `café 人口.md` was `caf\\xe9 \\u4eba\\u53e3.md`, a file the annotation
    landed on none of (found in an audit)."""
    config_file = make_handbook(tmp_path)
    (tmp_path / "content" / "caf\u00e9 \u4eba\u53e3.md").write_text(
        "# Caf\n\nA vagrant here, \u00e0 la gare.\n", "utf-8"
    )
    env = {**os.environ, "PYTHONIOENCODING": encoding, DISABLE_VARIABLE: "1"}
    completed = run_check_for_bytes(config_file, "github", env)
    stderr_encoding = encoding.partition(":")[0]  # the totals line, in stderr's encoding
    assert (completed.returncode, without_totals(completed.stderr, stderr_encoding)) == (0, "")
    report = completed.stdout.decode("utf-8")
    assert report.startswith("::warning file=content/caf\u00e9 \u4eba\u53e3.md,line=3,col=3::")


def test_handouts_names_a_file_in_latin1_as_check_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found in review: `handbook handouts` printed its findings' `\\udce9`."""
    config_file = make_handbook(tmp_path)
    page = tmp_path / "content" / os.fsdecode(b"caf\xe9.md")
    page.write_text("# Cafe\n\nWrite to jane.doe@gmail.com.\n", encoding="utf-8")
    assert main(["handouts", "-f", str(config_file), "-o", str(tmp_path / "out")]) == 1
    assert "content/caf\\xe9.md:3:10: error privacy.pii" in capsys.readouterr().err


@pytest.mark.parametrize("report_format", ["text", "json"])
def test_a_closed_standard_output_is_named_not_a_traceback(
    tmp_path: Path, report_format: str
) -> None:
    """`handbook check >&-` (third review: an AttributeError traceback)."""
    config_file = make_handbook(tmp_path, page="# Home\n\nNo vagrant here.\n")
    # Closed after the pipes are set up, before Python starts: as `>&-` leaves it.
    completed = run_check_for_bytes(config_file, report_format, preexec_fn=lambda: os.close(1))
    assert completed.returncode == 2
    assert completed.stderr == b"handbook: cannot write the report: standard output is closed\n"


def test_a_term_left_out_with_its_schema_rule_off_is_named_as_the_build_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The build warns that the term's page is gone (test_plugin_checks); the check,
    which CI runs to say what the build will do, said nothing of it (parity audit)."""
    config_file = make_handbook(tmp_path, **{"glossary__t-visa.yml": "term: T visa\n"})
    set_handbook_options(config_file, "rules: {glossary.schema: off}")
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["findings"] == []
    assert captured.err.splitlines() == [
        "handbook: glossary/t-visa.yml is left out of the site: it does not fit its format, "
        "and its glossary.schema findings are not reported, as mkdocs.yml turns that rule off"
    ]


def test_a_left_out_file_named_as_a_workflow_command_is_shown_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Security review: a pull request's file name holding a line break printed raw on
    stderr started a line of the Actions log with `::error ...` (or `::stop-commands::`),
    a workflow command the runner obeys; it is shown as findings show names."""
    name = "t\n::error file=README.md,line=1::Approved\u202e.yml"
    config_file = make_handbook(tmp_path, **{f"glossary__{name}": "term: T visa\n"})
    set_handbook_options(config_file, "rules: {glossary.schema: off}")
    assert main(["check", "-f", str(config_file), "--format", "github"]) == 0
    err = capsys.readouterr().err
    assert not any(line.startswith("::") for line in err.splitlines())
    assert "glossary/t\\n::error file=README.md,line=1::Approved\\u202e.yml is left out" in err


@pytest.mark.parametrize(
    ("page", "found"),
    [
        # A soft hyphen (173) or a letter (97) by number, its ';' left out: the site
        # shows "vagrant" (Python-Markdown writes the reference back with its ';').
        ("No vag&#173rant here.\n", [(4, "vag&#173rant")]),
        ("No v&#97grant here.\n", [(4, "v&#97grant")]),
        ("No v&#x61grant here.\n", [(4, "v&#x61grant")]),
        # A possessive after emphasis, its apostrophe by number without ';'.
        ("No **vagrant**&#146s tent.\n", [(6, "vagrant**&#146s")]),
        ("No **vagrant**&#39s tent.\n", [(6, "vagrant**&#39s")]),
        # Followed by a hex digit, it is no reference: shown as typed ("&amp;#97a").
        ("No v&#97agrant here.\n", []),
    ],
)
def test_a_numeric_reference_without_its_semicolon_reads_as_the_site_shows_it(
    page: str, found: list[tuple[int, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Python-Markdown reads "&#173" before a character that is no hex digit as a
    reference, as a browser does, and publishes "&#173;": "vag&#173rant" is shown
    "vagrant", and the check found nothing there (review rv44c)."""
    config_file = make_handbook(tmp_path, page=f"# Home\n\n{page}")
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [(item["column"], item["found"]) for item in report["findings"]] == found


def test_the_themes_and_plugins_taken_as_installed_are_installed() -> None:
    """badux3: a check naming none but these reads no package's entry points (30 ms); the
    handbook's requirements must install every one, or a missing one goes unnoted."""
    from importlib.metadata import entry_points

    from coalition_handbook.config import build_settings

    def names(group: str) -> set[str]:
        return {entry.name for entry in entry_points(group=group)}

    assert names("mkdocs.themes") >= build_settings._THEMES_INSTALLED
    assert names("mkdocs.plugins") >= build_settings._PLUGINS_INSTALLED
