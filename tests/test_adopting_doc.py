"""ADOPTING.md, the guide for another coalition, against the code: every plugin option and
rule with its real default, and its example handbook and outputs as the CLI gives them."""

from __future__ import annotations

import gzip
import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import material
import pytest
import yaml
from conftest import require_or_skip
from git_repositories import git
from helpers_model import load, term_yaml
from site_builds import SiteBuild

from coalition_handbook import __version__, config_yml
from coalition_handbook.cli import CONFIG_NAMES, main
from coalition_handbook.matching import Matcher
from coalition_handbook.plugin.config import HandbookPluginConfig
from coalition_handbook.rules import RULES
from coalition_handbook.site import handout_render
from coalition_handbook.site.handout_render import HandoutsUnavailable
from coalition_handbook.site.search_boost import other_search_forms, typed_search_forms

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "ADOPTING.md"
BIN = Path(sys.executable).parent

# A fenced block the guide marks as a file of its example handbook: ```yaml title="PATH"
EXAMPLE_FILE = re.compile(r'^```\w+ title="(?P<path>[^"]+)"\n(?P<text>.*?)^```$', re.M | re.S)
FENCED_BLOCK = re.compile(r"^```[^\n]*\n(?P<text>.*?)^```$", re.M | re.S)
CHECK_PROMPT = "$ .venv/bin/handbook check\n"


def guide_text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def section(heading: str) -> str:
    """The text of the guide's `## heading` section, up to the next `## `."""
    text = guide_text()
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else len(text)]


def subsection(heading: str) -> str:
    """The text of the guide's `### heading` section, up to the next `### ` or `## `."""
    text = guide_text()
    start = text.index(f"\n### {heading}\n")
    ends = [text.find(mark, start + 1) for mark in ("\n### ", "\n## ")]
    return text[start : min((end for end in ends if end >= 0), default=len(text))]


def table_rows(text: str) -> dict[str, list[str]]:
    """The rows of the Markdown tables in `text` whose first cell is code, by that code:
    `| `name` | a | b |` -> {"name": ["a", "b"]}."""
    rows: dict[str, list[str]] = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| `") and re.fullmatch(r"`[^`]+`", cells[0]):
            rows[cells[0].strip("`")] = cells[1:]
    return rows


def as_yaml(value: object) -> str:
    """A default as the guide writes it: YAML in flow style (`true`, `[]`, `{allow: []}`)."""
    return yaml.safe_dump(value, default_flow_style=True).removesuffix("...\n").strip()


def plugin_defaults() -> dict[str, object]:
    """Every option of the plugin with its default, as MkDocs validates an empty config."""
    config = HandbookPluginConfig()
    config.load_dict({})
    errors, _ = config.validate()
    assert errors == []
    # A sub-config (`privacy`) is a mapping of its own kind: read as a plain dict.
    return {
        name: dict(value) if isinstance(value, Mapping) else value for name, value in config.items()
    }


def example_files() -> dict[str, str]:
    return {match["path"]: match["text"] for match in EXAMPLE_FILE.finditer(guide_text())}


def write_example(root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The guide's example handbook in `root`, checked as of its newest history date (so a
    review date falling due on the calendar does not fail this test); returns mkdocs.yml."""
    files = example_files()
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    dates = re.findall(r"^\s*date: (\d{4}-\d{2}-\d{2})$", "\n".join(files.values()), re.M)
    monkeypatch.setenv("HANDBOOK_TODAY", max(dates))
    return root / "mkdocs.yml"


def test_every_plugin_option_is_in_the_options_table_with_its_default() -> None:
    rows = table_rows(section("Plugin options"))
    defaults = plugin_defaults()
    assert len(defaults) >= 10
    for name, default in defaults.items():
        assert name in rows, f"option '{name}' is missing from ADOPTING.md's options table"
        assert rows[name][0] == f"`{as_yaml(default)}`", f"default of '{name}'"
        for sub_option in default if isinstance(default, dict) else ():
            assert f"`{sub_option}`" in rows[name][1], f"'{name}.{sub_option}' is not explained"
    assert sorted(set(rows) - set(defaults)) == [], "the table names options that do not exist"


def test_every_rule_is_in_the_rules_table_with_its_default_severity() -> None:
    rows = table_rows(section("Rules"))
    for rule in RULES.values():
        assert rule.id in rows, f"rule '{rule.id}' is missing from ADOPTING.md's rules table"
        severity = rows[rule.id][0]
        assert severity.split(",")[0] == rule.default.value, f"default of '{rule.id}'"
        # An opt-in rule reports nothing until the settings give it a level.
        assert ("off unless set" in severity) == rule.opt_in, f"opt-in of '{rule.id}'"
    assert sorted(set(rows) - set(RULES)) == [], "the table names rules that do not exist"


def test_the_example_handbook_passes_its_own_strict_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = example_files()
    assert "mkdocs.yml" in files
    for folder in ("glossary/", "protocols/", "content/modules/"):
        assert any(path.startswith(folder) for path in files), f"no example file in {folder}"
    config = write_example(tmp_path, monkeypatch)
    assert main(["check", "--strict", "-f", str(config)]) == 0
    assert capsys.readouterr().out == ""


def test_the_check_outputs_shown_are_what_the_check_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The guide adds two lines to content/index.md and shows the text and JSON reports."""
    blocks = [match["text"] for match in FENCED_BLOCK.finditer(section("The command line"))]
    (shown,) = [index for index, block in enumerate(blocks) if block.startswith(CHECK_PROMPT)]
    added, text_block = blocks[shown - 1], blocks[shown]
    (json_block,) = [block for block in blocks if block.startswith('{"findings"')]
    config = write_example(tmp_path, monkeypatch)
    index = tmp_path / "content" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n" + added, encoding="utf-8")

    status = main(["check", "-f", str(config)])
    captured = capsys.readouterr()  # the findings, then the totals on stderr
    printed = [*captured.out.splitlines(), *captured.err.splitlines()]
    expected = [line for line in text_block.splitlines() if not line.startswith("$")]
    assert printed == expected[: len(printed)]
    assert expected[len(printed) :] == [str(status)]

    assert main(["check", "--format", "json", "-f", str(config)]) == status
    report = json.loads(capsys.readouterr().out)
    shown_report = json.loads(json_block)
    for finding in (*report["findings"], *shown_report["findings"]):
        finding.pop("message")
    assert report == shown_report


@pytest.mark.slow
def test_the_example_handbook_builds_under_strict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = write_example(tmp_path / "handbook", monkeypatch)
    site = tmp_path / "site"
    completed = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-f", str(config), "-d", str(site)],
        cwd=config.parent,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-4000:]
    for page in ("glossary/index.html", "glossary/t-visa/index.html", "changes/index.html"):
        assert (site / page).is_file(), page
    module = (site / "modules" / "front-desk-staff" / "index.html").read_text(encoding="utf-8")
    assert 'class="hb-term" data-term="human-trafficking"' in module
    try:
        handout_render.load_weasyprint()
    except HandoutsUnavailable as error:
        require_or_skip(False, str(error))
    assert (site / "handouts" / "front-desk-staff.pdf").read_bytes()[:5] == b"%PDF-"


def guide_paragraph(starting: str) -> str:
    """The guide's paragraph that starts with `starting`, its lines joined by spaces."""
    for block in re.split(r"\n\s*\n", guide_text()):
        if block.startswith(starting):
            return " ".join(block.split())
    raise AssertionError(f"ADOPTING.md has no paragraph starting {starting!r}")


def test_the_exit_codes_of_new_are_as_the_guide_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: the guide put every refused `new` under exit 1; a name refused for its
    punctuation exits 2, as a usage error, and one that is taken exits 1."""
    failing, usage = guide_paragraph("Exit codes:").split("; 2 ")
    taken = "a `new` whose file already exists or whose name is already a form of a term"
    assert taken in failing
    assert "a name `new` refuses" in usage
    config = str(write_example(tmp_path, monkeypatch))
    assert main(["new", "-f", config, "term", "child porn."]) == 2
    assert main(["new", "-f", config, "term", "human trafficking"]) == 1  # its file exists
    assert main(["new", "-f", config, "term", "trafficking in persons"]) == 1  # an alias
    assert "nothing was written" in capsys.readouterr().err


def test_the_guide_says_when_diff_and_handouts_fail() -> None:
    """Audit: `diff` also fails while a file no longer loads, and `handouts` while the
    handbook has any error, even one no handout prints from."""
    assert "`handouts` while the handbook has errors" in guide_paragraph("Exit codes:")
    assert "when a file no longer loads" in guide_paragraph("`handbook diff main...`")
    assert "It exits 1 while the handbook has any error" in guide_paragraph(
        "`handbook handouts` makes the PDFs alone"
    )


def test_the_guide_weighs_the_search_index_as_the_site_is_built(shipped_site: SiteBuild) -> None:
    """Slow-phone audit: every reader downloads the search index, and the guide did not
    say to serve it compressed. It says what it weighs for this repository's handbook,
    as it is and gzipped (what a server's gzip sends), within a tenth."""
    said = guide_paragraph("Search works from one file, `search/search_index.json`")
    found = re.search(r"it is (\d+) KB, and (\d+) KB gzipped", said)
    assert found, said
    index = (shipped_site.require() / "search" / "search_index.json").read_bytes()
    built = (len(index) / 1000, len(gzip.compress(index, 6)) / 1000)
    stated = (int(found[1]), int(found[2]))
    assert all(abs(kb - size) <= size / 10 for kb, size in zip(stated, built, strict=True)), built


def test_the_guide_names_every_setting_of_mkdocs_yml_the_handbook_reads() -> None:
    """Audit: the guide named five settings; the handbook reads more, and refuses a script
    address in others."""
    text = guide_paragraph("`handbook check` reads `mkdocs.yml` itself")
    read = [*config_yml._SETTINGS_READ, *config_yml._LINK_SETTINGS, "nav", "site_name"]
    for setting in {name for name in read if name != "plugins"}:
        assert f"`{setting}`" in text, setting
    assert "`theme.language`" in text
    # Which file is read without -f (audit: the guide named two of the four).
    *first, last = (f"`{name}`" for name in CONFIG_NAMES)
    order = f"reads the first there is of {', '.join(first)} and {last}"
    assert order in guide_paragraph("The same configuration also builds with ProperDocs")


def test_what_a_reader_looks_for_is_under_its_own_heading() -> None:
    """Audit: the handouts were one 32-line bullet, what privacy.pii misses came last in
    a long section, and symbolic links were explained among the rules."""
    assert "\n### PDF handouts\n" in section("What the site contains")
    privacy = section("Privacy")
    headings = re.findall(r"^### (.+)$", privacy, flags=re.M)
    assert headings == [
        "What the site loads",
        "What the browser keeps",
        "What privacy.pii reads",
        "What privacy.pii misses",
        "If personal data was published",
    ]
    assert "They miss a phone number written in another country's national format" in " ".join(
        privacy[privacy.index("### What privacy.pii misses") :].split()
    )
    assert "Symbolic links are followed only" in section("Lay out your repository")
    assert "Symbolic links are followed only" not in section("Rules")


def test_the_guide_runs_pip_from_the_virtual_environment() -> None:
    """Debian and Ubuntu ship the system Python's pip as a package of its own, which the
    guide does not ask for (audit: the wheel was built with `python3 -m pip`)."""
    commands = [
        line.strip()
        for match in FENCED_BLOCK.finditer(section("Install the package"))
        for line in match["text"].splitlines()
        if re.search(r"\bpip\b", line)
    ]
    assert len(commands) >= 3  # install, wheel, install the wheel
    for command in commands:
        assert command.startswith(".venv/bin/python -m pip "), command


def test_the_guide_names_the_version_the_package_has() -> None:
    """Release audit: raising `__version__` left the guide's `handbook --version` output
    and its wheel file names (`pip install vendor/coalition_handbook-0.1.0-...whl`,
    which pip then cannot find) at the version before."""
    named = re.findall(
        r"handbook (\d+\.\d+\.\d+)\b|coalition_handbook-(\d+\.\d+\.\d+)-",
        guide_text(),
    )
    assert len(named) >= 3  # `--version`, the wheel in GitHub Actions and in GitLab CI/CD
    assert {version for pair in named for version in pair if version} == {__version__}


def test_the_guide_builds_the_wheel_without_an_earlier_builds_files() -> None:
    """Release audit: pip builds a checkout's wheel in its `build/` folder, which keeps
    the files of the build before: a rule module removed upstream since went into the
    wheel all the same, and `coalition_handbook.check` runs every module of `rules/`."""
    (block,) = (
        match["text"]
        for match in FENCED_BLOCK.finditer(section("Install the package"))
        if " -m pip wheel " in match["text"]
    )
    lines = block.splitlines()
    (wheel,) = (number for number, line in enumerate(lines) if " -m pip wheel " in line)
    source = lines[wheel].split()[-1]
    assert f"rm -rf {source}/build" in lines[:wheel]


def test_every_environment_variable_the_engine_reads_is_in_the_guide() -> None:
    read = set()
    for path in (ROOT / "plugins").rglob("*.py"):
        read |= set(re.findall(r'"(HANDBOOK_[A-Z_]+)"', path.read_text(encoding="utf-8")))
    assert {"HANDBOOK_NO_CACHE", "HANDBOOK_TODAY"} <= read  # the search finds them
    guide = guide_text()
    assert sorted(name for name in read if f"`{name}=" not in guide) == []


def test_the_guide_says_an_all_capitals_form_is_found_only_in_capitals() -> None:
    """Adoption audit: the rules table said `term.case` reports "a `case_sensitive` form
    written with other capitals", so `case_sensitive: true` on `CSEC` was expected to
    report `csec`; an all-capitals form is only ever found in capitals (DESIGN section 4)."""
    assert "whatever `case_sensitive` says" in table_rows(section("Rules"))["term.case"][1]
    terms = " ".join(section("Write your content").split())
    assert "So `csec` and `Csec` are not the acronym `CSEC`: not reported, not linked" in terms
    assert "On a term whose forms are all in capitals it changes nothing." in terms


def second_language_section() -> str:
    text = section("Continuous integration")
    return text[text.index("\n### A site in a second language\n") :]


def build_site(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-f", str(config)],
        cwd=config.parent,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow
def test_the_offline_build_of_the_two_language_sites_does_as_the_guide_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review rv34b of bdc3071: the guide's link to the other language's site,
    `[español](es/)`, passes `--strict` on the web, but `make offline` warns of a link to
    a folder, so a bilingual site that followed the guide failed its offline build with
    no word of it there. The guide says so, and its setting builds the offline folder."""
    said = " ".join(second_language_section().split())
    english = write_example(tmp_path, monkeypatch)
    settings = yaml.safe_load(english.read_text(encoding="utf-8"))
    settings["plugins"][1]["handbook"]["handouts"] = False  # no module needs one here
    settings["plugins"].insert(0, "offline")
    english.write_text(yaml.safe_dump(settings), encoding="utf-8")
    index = tmp_path / "content" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n[español](es/)\n", "utf-8")
    failed = build_site(english)
    assert failed.returncode == 1
    assert "unrecognized relative link 'es/'" in failed.stderr, failed.stderr[-4000:]
    assert "offline build (`make offline`)" in said
    (setting,) = re.findall(r"\(`(validation: \{links: \{unrecognized_links: info\}\})`\)", said)
    english.write_text(yaml.safe_dump({**settings, **yaml.safe_load(setting)}), "utf-8")
    built = build_site(english)
    assert built.returncode == 0, built.stderr[-4000:]


@pytest.mark.slow
def test_the_two_language_sites_link_to_each_other_as_the_guide_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Adoption audit: the guide did not say how a reader gets from one language's site to
    the other's, and the first link a coalition writes, `[español](es/index.md)`, fails
    `--strict`. The guide's `extra.alternate` blocks and relative links build clean, and
    what it says of a Spanish page in the English site holds."""
    said = " ".join(second_language_section().split())
    blocks = {
        match["text"].split("\n", 1)[0]: yaml.safe_load(match["text"])
        for match in FENCED_BLOCK.finditer(second_language_section())
        if match["text"].startswith("# mkdocs")
    }
    english = write_example(tmp_path, monkeypatch)
    settings = yaml.safe_load(english.read_text(encoding="utf-8"))
    settings["plugins"][1]["handbook"]["handouts"] = False  # no module needs one here
    english.write_text(yaml.safe_dump({**settings, **blocks["# mkdocs.yml"]}), "utf-8")
    spanish_settings = {**settings, **blocks["# mkdocs.es.yml"], "docs_dir": "content-es"}
    spanish_settings |= {"site_dir": "site/es", "theme": {"name": "material", "language": "es"}}
    spanish = tmp_path / "mkdocs.es.yml"
    spanish.write_text(yaml.safe_dump(spanish_settings), encoding="utf-8")
    (tmp_path / "content-es").mkdir()
    (tmp_path / "content-es" / "index.md").write_text("# Manual\n\n[English](../)\n", "utf-8")
    index = tmp_path / "content" / "index.md"
    home = index.read_text(encoding="utf-8")

    index.write_text(home + "\n[español](es/index.md)\n", encoding="utf-8")
    failed = build_site(english)
    assert failed.returncode == 1
    (warning,) = re.findall(r"WARNING - +(.*)", failed.stderr)
    assert f"(`{warning.rstrip('.')}`)" in said

    index.write_text(home + "\n[español](es/)\n", encoding="utf-8")
    (tmp_path / "content" / "es").mkdir()
    (tmp_path / "content" / "es" / "extra.md").write_text("# Una página\n", encoding="utf-8")
    site = tmp_path / "site"
    built = build_site(english)
    assert built.returncode == 0, built.stderr[-4000:]
    # A Spanish page in the English site is English to the browser, and the Spanish
    # build, run next, empties the English site's `es/` folder, as the guide warns.
    assert '<html lang="en"' in (site / "es" / "extra" / "index.html").read_text("utf-8")
    built = build_site(spanish)
    assert built.returncode == 0, built.stderr[-4000:]
    assert not (site / "es" / "extra").exists()
    glossary = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../es/" hreflang="es" class="md-select__link">' in glossary
    spanish_glossary = (site / "es" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../" hreflang="en" class="md-select__link">' in spanish_glossary
    assert '<a href="es/">español</a>' in (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in (site / "es" / "index.html").read_text(encoding="utf-8")
    assert 'published with `<html lang="en">`' in said
    assert "keep no `es/` folder in the English `docs_dir`" in said


def test_the_output_of_new_shown_is_what_it_prints_in_a_clone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Adoption audit: the guide showed `handbook diff origin/main...` in the output of
    `handbook new` without saying where; in a new repository with no remote it prints
    `main...`, with no commit `<base-branch>...`. The guide says the sample is a clone's,
    and the sample is what a clone prints."""
    blocks = [match["text"] for match in FENCED_BLOCK.finditer(section("Write your content"))]
    (shown,) = [block for block in blocks if block.startswith("$ .venv/bin/handbook new ")]
    command, *printed = shown.splitlines()
    assert "In a clone of a repository whose default branch is `main`:" in guide_paragraph(
        '`handbook new term|protocol|module "Name"`'
    )
    origin, clone = tmp_path / "origin", tmp_path / "clone"
    origin.mkdir()
    (origin / "mkdocs.yml").write_text(example_files()["mkdocs.yml"], encoding="utf-8")
    git(origin, "-c", "init.defaultBranch=main", "init", "-q")
    git(origin, "add", "mkdocs.yml")
    git(origin, "commit", "-q", "-m", "Start the handbook")
    git(tmp_path, "clone", "-q", str(origin), str(clone))
    monkeypatch.chdir(clone)
    assert main(shlex.split(command)[2:]) == 0  # after "$ .venv/bin/handbook"
    assert capsys.readouterr().out.splitlines() == printed


def test_the_guide_says_search_finds_only_the_plural_made_of_a_form_s_last_word(
    tmp_path: Path,
) -> None:
    """Adoption audit: `víctimas` did not find the page of `víctima de trata`, and the
    guide said the plural limit of the checks, not that search has it too. What it says
    holds: Material's search has no stemmer (English's pipeline, which Spanish takes, is
    the stop word filter alone), and the words a term's page is found by are its forms
    and their plurals of the last word."""
    said = " ".join(section("Languages other than English").split())
    assert "Search has the same limit as the checks, in every language: it has no stemmer" in said
    assert "but `vítimas` does not (the plural made is `vítima de tráficos`)" in said
    languages = Path(material.__file__).parent / "templates" / "partials" / "languages"
    english = (languages / "en.html").read_text(encoding="utf-8")
    assert '"search.config.pipeline": "stopWordFilter",' in english
    assert "search.config.pipeline" not in (languages / "es.html").read_text(encoding="utf-8")

    handbook, findings = load(tmp_path, {"glossary/vitima.yml": term_yaml("vítima de tráfico")})
    assert findings == []
    term = handbook.terms["vitima"]
    written = Matcher.from_terms([term]).written_forms()["vitima"]
    found_by = [*other_search_forms(term, written), *typed_search_forms(term, written)]
    words = {word for form in found_by for word in form.split()}
    assert "tráficos" in words
    assert not any(word.startswith(("vítimas", "vitimas")) for word in words)


def test_the_guide_quotes_the_hint_of_a_search_that_finds_nothing_as_the_script_writes_it() -> None:
    """The guide said the hint's links were named as the page's navigation names them:
    the script names them itself, in English (audit)."""
    script = (ROOT / "plugins/coalition_handbook/assets/handbook.js").read_text(encoding="utf-8")
    opening = re.search(r'hint\.append\(\s*"([^"]+)"\s*\);', script)
    places = re.findall(r'\[navigationLink\("\w+"\), "([^"]+)"\]', script)
    joins = re.search(r'hint\.append\(at === 0 \? "([^"]+)" : "([^"]+)"\);', script)
    assert opening and joins and len(places) == 2
    hint = f"{opening[1]}{joins[1]}{places[0]}{joins[2]}{places[1]}."
    search = " ".join(section("What the site contains").split())
    assert f'what to try: "{hint}", in English whatever the site\'s language' in search


def test_the_guide_says_how_to_build_the_offline_copy_as_make_offline_does() -> None:
    """The guide sent readers to `make offline`, a target of this repository's Makefile
    that an adopting coalition's repository does not have (audit): it gives the setting
    and the command, as this repository's mkdocs.yml and Makefile have them."""
    said = subsection("An offline copy")
    (block,) = [match["text"] for match in FENCED_BLOCK.finditer(said)]
    offline_entry = "  - offline:\n      enabled: !ENV [HANDBOOK_OFFLINE, false]\n"
    assert offline_entry in block
    assert offline_entry in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (recipe,) = re.findall(r"^offline:.*\n\t(.+)$", (ROOT / "Makefile").read_text(), re.M)
    assert f"`{recipe.replace('$(BIN)', '.venv/bin')}`" in said


@pytest.mark.slow
def test_the_guide_counts_the_files_of_the_reproducible_builds_as_they_are(
    shipped_site: SiteBuild, offline_site: SiteBuild
) -> None:
    """ "Reproducible builds" quotes how many files were compared: a count that drifts as
    pages are added reads as a claim nobody checked again (audit)."""
    said = " ".join(subsection("Reproducible builds").split())
    found = re.search(
        r"gave (\d+) files of the site, (\d+) of the offline folder, the (\d+) PDFs", said
    )
    assert found, said

    def files(site: Path) -> int:
        return sum(1 for path in site.rglob("*") if path.is_file())

    site = shipped_site.require()
    built = (files(site), files(offline_site.require()), len(list(site.glob("handouts/*.pdf"))))
    assert tuple(int(number) for number in found.groups()) == built


def test_the_guide_installs_again_from_the_checkout_without_an_earlier_builds_files() -> None:
    """`pip install ~/src/coalition-handbook` builds in the checkout's `build/` folder
    too: after a `git pull`, installing again as the guide said carried a removed rule
    module into `.venv` (audit). Every block that installs from a checkout it did not
    just clone deletes `build/` first."""
    blocks = [m["text"] for m in FENCED_BLOCK.finditer(section("Install the package"))]
    checked = 0
    for block in blocks:
        lines = block.splitlines()
        for number, line in enumerate(lines):
            words = line.split()
            if " -m pip " not in line or "git clone" in block or not words[-1].startswith("~"):
                continue
            checked += 1
            assert f"rm -rf {words[-1]}/build" in lines[:number], block
    assert checked >= 2  # the wheel, and installing again


def test_the_guide_verifies_a_published_site_by_building_as_the_publish_workflow_does() -> None:
    """A release manager's audit: the guide said an auditor could compare a rebuild with
    the published site, not how. Its recipe builds in the workflow's container with the
    workflow's build command and SITE_URL: another tool, address or Pango would differ."""
    workflow = yaml.safe_load(
        (ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    )
    job = workflow["jobs"]["build"]
    (build,) = [step for step in job["steps"] if step.get("name") == "Build the site"]
    said = subsection("Verify a published site")
    blocks = [match["text"] for match in FENCED_BLOCK.finditer(said)]
    rebuild = " ".join(blocks[0].split())
    assert f'docker run --rm -v "$PWD":/src -w /src {job["container"]} ' in rebuild
    assert "SITE_URL" in build["env"]
    assert f"SITE_URL=https://OWNER.github.io/REPOSITORY/ {build['run']} -d rebuilt" in rebuild
    assert "SOURCE_DATE_EPOCH" not in json.dumps(workflow)
    assert "diff -r published rebuilt" in blocks[1]


def test_the_guide_says_how_long_the_published_artifact_is_kept() -> None:
    """Review: the recipe took the Publish run's `github-pages` artifact, which
    upload-pages-artifact keeps one day unless its step sets `retention-days`: a release
    manager verifying a later day found none. The guide says how long publish.yml keeps
    it, and how to keep it longer."""
    workflow = yaml.safe_load(
        (ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    )
    (upload,) = [
        step
        for step in workflow["jobs"]["build"]["steps"]
        if str(step.get("uses", "")).startswith("actions/upload-pages-artifact@")
    ]
    days = int((upload.get("with") or {}).get("retention-days", 1))  # the action's default
    said = " ".join(subsection("Verify a published site").split())
    assert ("kept for one day" if days == 1 else f"kept for {days} days") in said
    assert "retention-days:" in said
