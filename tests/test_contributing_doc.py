"""CONTRIBUTING.md, the guide for editors, against what the checks and commands do."""

from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
from pathlib import Path

from helpers_model import term_yaml, write_files

from coalition_handbook import cache
from coalition_handbook.check import run_checks
from coalition_handbook.editor.diff_report import _empty_section_lines as empty_section_lines
from coalition_handbook.editor.scaffold import run_new
from coalition_handbook.model import load_handbook
from coalition_handbook.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "CONTRIBUTING.md"


def paragraph(starting: str) -> str:
    """The guide's paragraph that starts with `starting`, its lines joined by spaces."""
    for block in re.split(r"\n\s*\n", GUIDE.read_text(encoding="utf-8")):
        if block.startswith(starting):
            return " ".join(block.split())
    raise AssertionError(f"CONTRIBUTING.md has no paragraph starting {starting!r}")


def test_what_the_checks_skip_is_said_of_the_term_checks_alone(tmp_path: Path) -> None:
    """Code, comments and written-out e-mail addresses are skipped by the term rules, not by
    privacy.pii (audit: the guide said they "are not checked", so a number pasted in a
    comment looked safe)."""
    text = paragraph("The check reads each page as the site shows it.")
    assert "The term checks" in text and "are not checked" not in text
    assert "`privacy.pii`) reads everything, code and comments included" in text

    page = (
        "# Help\n\n"
        "Modern-day slavery: say `modern-day slavery` and call `402-555-0143`.\n\n"
        "<!-- modern-day slavery, 402.555.0144 -->\n\n"
        "```\njane@example.org\n```\n"
    )
    avoid = "avoid:\n  - text: modern-day slavery\n    reason: No chains.\n"
    config = write_files(
        tmp_path,
        {
            "glossary/human-trafficking.yml": term_yaml("human trafficking", avoid),
            "content/index.md": page,
        },
    )
    findings = run_checks(config).findings
    assert [(finding.rule, finding.found) for finding in findings] == [
        ("term.avoid", "Modern-day slavery"),  # in prose, and there alone
        ("privacy.pii", "402-555-0143"),
        ("privacy.pii", "402.555.0144"),
        ("privacy.pii", "jane@example.org"),
    ]


def test_the_guide_says_diff_fails_while_a_file_no_longer_loads() -> None:
    """Audit: the guide named the missing version bump alone."""
    text = paragraph("`handbook new` never overwrites a file.")
    assert (
        "it exits with 1 when an item changed without a version bump, or when a file no "
        "longer loads" in text
    )


def test_the_guide_says_where_a_finding_names_its_rule() -> None:
    """The annotations on a pull request's lines carry no rule id (DESIGN section 6), which
    a suppression comment needs (audit: the guide never said where to find it)."""
    step = "List every finding with its place"
    workflow = (ROOT / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8")
    assert f"- name: {step}\n" in workflow
    text = paragraph("Every pull request runs the **Check** workflow.")
    assert "The notes on the lines give the message alone: that step's log" in text
    assert "with its **rule**, the name a `handbook-disable` comment needs" in text
    assert f"Name the rule exactly, as the step **{step}** gives it" in paragraph(
        "The same comment works inside a term's definition"
    )


def test_the_guide_quotes_the_reports_warning_for_a_module_still_to_write(
    tmp_path: Path,
) -> None:
    """The guide shows the warning a scaffolded module's three comment-only sections get
    in the report, as the report writes it."""
    config = write_files(tmp_path, {})
    assert run_new(config, "module", "Hotel staff") == 0
    handbook, _ = load_handbook(config)
    assert run_checks(config).failing(strict=True) == []  # as the guide says
    (warning,) = empty_section_lines(handbook.modules["hotel-staff"])
    quoted = paragraph("> ⚠️ nothing published under").replace(" > ", " ").removeprefix("> ")
    assert quoted == warning.removeprefix("  - ")
    text = paragraph("In the same way, a training module's `## Realize`")
    assert "The check asks only that the three headings are there, in order" in text


# The developers' part of the guide (audit: a first code contributor found no module map,
# no way to run one test file and no steps to add a rule).
PACKAGE = ROOT / "plugins" / "coalition_handbook"


def code_section() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index("\n## Working on the code\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def named_paths(text: str) -> set[str]:
    """The repository paths the text writes in backticks: a file or folder of the
    repository, or of the package (`rules/base.py`)."""
    names = set()
    for token in re.findall(r"`([^`\s]+)`", text):
        if re.fullmatch(r"[\w./-]+/|[\w./-]+\.(py|md|json|yml)", token) and "<" not in token:
            names.add(token)
    return names


def test_every_path_the_code_section_names_exists() -> None:
    names = named_paths(code_section())
    assert "plugins/coalition_handbook/rules/base.py" in names  # the pattern finds them
    example = {  # the files "Add a rule" has the contributor write
        "plugins/coalition_handbook/rules/page_todo.py",
        "tests/test_page_todo.py",
    }
    assert example <= names
    # The cache folders are made by the first runs, which a fresh clone has not had: the
    # guide may name them when the code names them.
    folders = (cache.CACHE_DIR, cache.HANDOUTS_CACHE_DIR, cache.CACHE_DIR.parent)
    cache_folders = {f"{folder.as_posix()}/" for folder in folders}
    made_by_a_run = names & cache_folders
    missing = [
        name
        for name in sorted(names - example - made_by_a_run)
        if not (ROOT / name).exists() and not (PACKAGE / name).exists()
    ]
    assert missing == [], (
        f"CONTRIBUTING.md names paths that do not exist: {missing}; write each from the "
        "repository's folder or from plugins/coalition_handbook/ (`editor/diff.py`), and "
        "follow a file that moved"
    )


def test_every_make_target_the_guide_names_exists() -> None:
    targets = set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(), re.MULTILINE))
    text = GUIDE.read_text(encoding="utf-8")
    # `make X` in prose, and a line of a shell block that starts with it.
    named = set(re.findall(r"(?:`|^)make ([a-z][a-z-]*)", text, re.MULTILINE))
    assert {"help", "check", "lint", "test", "bench"} <= named
    assert sorted(named - targets) == []


def test_the_module_map_names_every_folder_of_the_package() -> None:
    """The map matches the package's layout: each folder of it, and no folder it lacks."""
    text = code_section()
    mapped = set(re.findall(r"^\| `plugins/coalition_handbook/([\w]+)/` \|", text, re.MULTILINE))
    folders = {
        path.name
        for path in PACKAGE.iterdir()
        if path.is_dir() and not path.name.startswith(("_", "."))
    }
    assert mapped == folders


def test_every_module_of_the_package_says_its_job_in_a_docstring() -> None:
    """The guide sends a newcomer to the modules' docstrings: each has one."""
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstring = ast.get_docstring(tree)
        assert docstring and len(docstring.split()) >= 4, path.relative_to(ROOT)


def test_the_names_the_code_section_gives_are_in_the_code() -> None:
    """Settings, functions and sets the guide names, where it says they are."""
    text = code_section()
    source = "\n".join(path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py"))
    for variable in set(re.findall(r"`(HANDBOOK_[A-Z_]+)=", text)):
        assert variable in source, variable
    for name, file in (
        ("engine_fingerprint", "cache.py"),
        ("PAGE_RULES", "rules/base.py"),
        ("NON_PAGE_RULES", "rules/base.py"),
        ("finding_at", "rules/base.py"),  # written `context.finding_at(...)`
        ("opt_in", "rules/base.py"),
        # What a rule reads (audit: a first rule had to be copied from another to find it).
        ("pages", "model/types.py"),  # written `context.handbook.pages`
        ("scan_handbook", "documents.py"),
        ("located", "documents.py"),
    ):
        assert re.search(rf"[`.(]{name}[`(=]", text), name
        assert re.search(rf"\b{name}\b", (PACKAGE / file).read_text(encoding="utf-8")), name
    helpers = (ROOT / "tests" / "helpers_model.py").read_text(encoding="utf-8")
    assert "def write_files(" in helpers and "def term_yaml(" in helpers
    assert "--quick" in (ROOT / "benchmarks" / "run.py").read_text(encoding="utf-8")


def test_the_command_that_writes_the_sarif_golden_file_writes_it(tmp_path: Path) -> None:
    """Step 5 of "Add a rule", run as written (into another file), gives the golden file."""
    # One line in a shell block, so that it can be pasted as it is.
    found = re.search(r'^ *\.venv/bin/python -c "(.*)"$', code_section(), re.MULTILINE)
    assert found, "the guide gives no command that writes the SARIF golden file"
    golden = "tests/golden/findings.sarif.json"
    code = found[1].replace(f"'{golden}'", repr(str(tmp_path / "sarif.json")))
    code = code.replace("'tests'", repr(str(ROOT / "tests")))
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path)
    assert (tmp_path / "sarif.json").read_text(encoding="utf-8") == (ROOT / golden).read_text(
        encoding="utf-8"
    ), (
        f'{golden} is not what the guide\'s command writes: run it ("Add a rule", step 5) '
        "and read the diff; if the file is already written so, the command is wrong"
    )


def test_both_rules_tables_name_every_rule() -> None:
    """Step 4 of "Add a rule": the editors' page lists every rule, as ADOPTING.md does
    (tests/test_adopting_doc.py)."""
    page = (ROOT / "content" / "coalition" / "propose-a-change.md").read_text(encoding="utf-8")
    first_cells = re.findall(r"^\| (`[^|]*) \|", page, re.MULTILINE)
    listed = {rule for cell in first_cells for rule in re.findall(r"`([a-z]+\.[a-z-]+)`", cell)}
    missing, unknown = sorted(set(RULES) - listed), sorted(listed - set(RULES))
    assert missing == [], (
        f"content/coalition/propose-a-change.md has no row for {missing}: add one to its "
        '"What the checks look for" table, in words an editor reads ("Add a rule", step 4)'
    )
    assert unknown == [], (
        f"content/coalition/propose-a-change.md names {unknown}, which are no rules "
        "(rules/base.py RULES): take out or rename their rows"
    )


def test_readme_sends_developers_to_the_code_section() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert 'its last part, "Working on the code", maps the package' in readme
    assert GUIDE.read_text(encoding="utf-8").rstrip().endswith(code_section().rstrip())


def test_the_constants_docstrings_and_comments_name_exist() -> None:
    """The guide sends a newcomer to the docstrings: a constant they name as
    `module.NAME` is there (audit: `config.SITE_TEXTS` outlived its move to `config_yml`
    when config.py became a package). A module is named by its path's last parts."""
    modules = {
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        for path in PACKAGE.rglob("*.py")
    }
    named = re.compile(r"`((?:[a-z_]+\.)+)([A-Z][A-Z0-9_]+)`")
    checked = 0
    for path in sorted(PACKAGE.rglob("*.py")):
        for found in named.finditer(path.read_text(encoding="utf-8")):
            suffix = found[1].rstrip(".").removeprefix("coalition_handbook.")
            matches = [name for name in modules if name.endswith(f".{suffix}")]
            if not matches:
                continue  # the standard library's (`stat.S_IFMT`)
            checked += 1
            defined = any(hasattr(importlib.import_module(name), found[2]) for name in matches)
            assert defined, f"{path.relative_to(ROOT)} names {found[0]}, which does not exist"
    assert checked >= 10


# A finding line of the guide's examples: `path:line:column: severity rule message`.
EXAMPLE_FINDING = re.compile(r"^\S+:\d+:\d+: (error|warning|info) ([a-z]+\.[a-z-]+) (.*)$")


def example_findings() -> list[tuple[str, str, str]]:
    """(severity, rule, message) of each finding line the guide quotes."""
    text = GUIDE.read_text(encoding="utf-8")
    return [found.groups() for found in map(EXAMPLE_FINDING.match, text.splitlines()) if found]


def test_the_example_findings_name_rules_at_their_default_severity() -> None:
    examples = example_findings()
    assert len(examples) >= 15
    for severity, rule, _ in examples:
        assert rule in RULES, rule
        assert severity == RULES[rule].default.value, rule


def test_the_example_of_personal_data_is_masked_as_the_check_writes_it(tmp_path: Path) -> None:
    """Audit: the guide showed the phone number whole, where the check writes it masked
    (`555-***-**67`), as its other examples and ADOPTING.md do."""
    (message,) = [message for _, rule, message in example_findings() if rule == "privacy.pii"]
    shown = re.match(r"'([^']+)'", message)
    assert shown and "*" in shown[1], "the guide shows the personal data unmasked"
    number = shown[1].replace("***", "123").replace("**", "45")
    config = write_files(tmp_path, {"content/index.md": f"# Help\n\nCall {number} tonight.\n"})
    (finding,) = [f for f in run_checks(config).findings if f.rule == "privacy.pii"]
    assert finding.message == message


def test_the_term_rules_examples_are_the_messages_the_checks_write(tmp_path: Path) -> None:
    """Audit (a first change: a typo fixed in a rule's message): every test passed while
    the guide kept quoting the old message. The term rules' examples, reproduced."""
    quoted = {
        rule: message
        for _, rule, message in example_findings()
        if rule in {"term.avoid", "term.deprecated", "term.case", "term.unknown-acronym"}
    }
    reason = quoted["term.avoid"].split(" Why: ", 1)[1]
    avoid = f"avoid:\n  - text: child prostitute\n    reason: {reason}\n"
    deprecated = "status: deprecated\nreplaced_by: human-trafficking\n"
    config = write_files(
        tmp_path,
        {
            "glossary/commercially-sexually-exploited-child.yml": term_yaml(
                "commercially sexually exploited child", avoid
            ),
            "glossary/human-trafficking.yml": term_yaml("human trafficking"),
            "glossary/modern-day-slavery.yml": term_yaml("modern-day slavery", deprecated),
            "glossary/t-visa.yml": term_yaml("T visa", "case_sensitive: true\n"),
            "content/index.md": (
                "# Help\n\nA child prostitute, modern-day slavery, a t visa, an NGO.\n"
            ),
        },
    )
    written = {finding.rule: finding.message for finding in run_checks(config).findings}
    assert {rule: written.get(rule) for rule in quoted} == quoted
