"""The project's promises about itself: README commands, CI script, entry points."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", text, flags=re.MULTILINE))


def test_readme_opens_with_serve_and_test() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", readme, flags=re.DOTALL)
    assert first_block is not None
    commands = [line.split("#")[0].strip() for line in first_block.group(1).splitlines()]
    assert commands == ["make serve", "make test"]


def readme_paragraph(starting: str) -> str:
    """README's paragraph that starts with `starting`, its lines joined by spaces."""
    for block in re.split(r"\n\s*\n", (ROOT / "README.md").read_text(encoding="utf-8")):
        if block.startswith(starting):
            return " ".join(block.split())
    raise AssertionError(f"README.md has no paragraph starting {starting!r}")


def test_readme_names_what_fails_the_build_and_not_the_check() -> None:
    """Audit: a redirect and a file left out with its schema rule off pass `handbook check`
    (and the pre-commit hook) but fail the site's build; so does a link to a file that is
    no page (`files/volunteers.csv`) and does not exist, which README named as links to
    Markdown files only (review). A site_url without its scheme, which MkDocs refuses,
    the check now refuses too: README says so."""
    text = readme_paragraph("The build also warns about what only a site has")
    for failing in (
        "load from other hosts",
        '`<meta http-equiv="refresh">`',
        "schema rule `off`",
        "a cache folder committed to git",
        "links MkDocs cannot resolve, to a page or to any other file",
        "`handbook check` does not follow links",
    ):
        assert failing in text, failing
    assert "`site_url` without its scheme (`handbook.example.org`), which MkDocs refuses, " in (
        text
    )
    assert "`handbook check` refuses too (exit 2" in text


def test_ci_runs_the_readme_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.startswith("#!/usr/bin/env bash")
    assert "set -euo pipefail" in script
    commands = [line.strip() for line in script.splitlines() if line.strip().startswith("make ")]
    assert commands[-1] == "make test"
    for command in commands:
        assert command.split()[1] in makefile_targets()


def test_readme_says_how_ci_installs_the_debian_packages() -> None:
    """Audit: README called `.ci/run` CI; the GitHub workflow runs the targets itself."""
    text = readme_paragraph("Both need only Python 3.11+")
    assert "`.ci/run` runs `make system-deps`, then `make test`" in text
    assert "the GitHub workflow `check.yml` runs the same targets" in text
    workflow = (ROOT / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8")
    assert workflow.index("run: make system-deps") < workflow.index("run: make test")


def test_makefile_has_the_documented_targets() -> None:
    missing = {"serve", "build", "test", "lint", "bench", "system-deps"} - makefile_targets()
    assert missing == set(), (
        f"README.md and CONTRIBUTING.md name `make {', '.join(sorted(missing))}`, which the "
        "Makefile no longer has: put the target back, or change the docs with it"
    )


def make_commands(target: str) -> str:
    """What `make target` would run, variables expanded, without running it."""
    return subprocess.run(
        ["make", "-n", "-C", str(ROOT), target],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_readme_says_another_python_needs_a_new_venv() -> None:
    """Audit: once .venv exists, `make PYTHON=python3.12 test` runs the old Python with no
    word, as the venv depends on pyproject.toml and constraints.txt alone."""
    text = readme_paragraph("Without `make`'s defaults")
    assert "`make PYTHON=python3.12 test`" in text
    assert "delete it first: `rm -rf .venv`, or `make clean`" in text
    assert "rm -rf site .cache .venv" in make_commands("clean")
    named = set(re.findall(r"`(?:make )?([a-z-]+)`", text)) - {"make"}  # "`make`'s defaults"
    assert {"clean", "install", "check", "format", "system-deps-pdf"} <= named <= makefile_targets()


def test_system_deps_install_chromium_after_apt_update() -> None:
    recipe = make_commands("system-deps")
    assert recipe.index("apt-get update") < recipe.index("apt-get install")
    assert "chromium" in recipe and "libpango" in recipe


def test_make_says_clearly_when_python_cannot_make_the_venv(tmp_path: Path) -> None:
    """Debian's python3 without python3-venv, an old or a missing Python: one line that
    says what to install, before `python -m venv` fails in its own words."""
    settings = [f"VENV={tmp_path / 'venv'}", "PYTHON=/nonexistent/python3"]
    completed = subprocess.run(
        ["make", "-C", str(ROOT), *settings, "install"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode != 0
    assert "/nonexistent/python3 is missing, older than 3.11, or has no venv" in completed.stderr
    assert "apt-get install python3-venv" in completed.stderr
    # macOS's own python3 (Xcode's command line tools) is 3.9: a way to a newer one there.
    assert "macOS, whose own python3 is 3.9" in completed.stderr
    assert "brew install python@3.12" in completed.stderr
    assert not (tmp_path / "venv").exists()


def test_publishing_installs_what_the_pdfs_need_alone() -> None:
    recipe = make_commands("system-deps-pdf")
    assert recipe.index("apt-get update") < recipe.index("apt-get install")
    assert "libpango" in recipe and "fonts-dejavu-core" in recipe
    assert "chromium" not in recipe


def test_entry_points_and_pins() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "coalition-handbook"
    assert project["scripts"]["handbook"] == "coalition_handbook.cli:main"
    assert project["entry-points"]["mkdocs.plugins"]["handbook"] == (
        "coalition_handbook.plugin:HandbookPlugin"
    )
    assert "mkdocs>=1.6,<2" in project["dependencies"]
    for requirement in project["dependencies"]:
        assert ">=" in requirement, f"{requirement} has no lower bound"


def test_make_installs_again_when_the_version_changes() -> None:
    """`make install` is redone when a file it depends on changes: the version's file is
    one (an editable install keeps the version it was made with in its metadata, so
    `pip list` and `importlib.metadata` kept naming the one before a release)."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    attribute = pyproject["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    module = attribute.rpartition(".")[0].replace(".", "/")
    version_file = f"plugins/{module}/__init__.py"
    assert (ROOT / version_file).is_file()
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    (prerequisites,) = re.findall(r"^\$\(INSTALLED\):(.*)$", text, flags=re.MULTILINE)
    assert version_file in prerequisites.split()


def test_classifiers_say_mkdocs_and_the_pythons_requires_python_allows() -> None:
    """Release audit: the metadata had no classifiers, so an index or `pip` listing told
    nobody it is a MkDocs plugin, nor which Pythons CI runs it on (requires-python's
    lowest, the one CI uses)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    classifiers = project.get("classifiers", [])
    assert "Framework :: MkDocs" in classifiers
    lowest = Version(project["requires-python"].removeprefix(">="))
    pythons = [
        Version(name.rpartition(" :: ")[2])
        for name in classifiers
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", name)
    ]
    assert lowest in pythons
    assert all(python >= lowest for python in pythons), pythons


def test_constraints_pin_every_dependency() -> None:
    constraints = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    pinned = {
        line.split("==")[0].lower().replace("_", "-")
        for line in constraints.splitlines()
        if "==" in line
    }
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    for requirement in requirements:
        name = re.split(r"[<>=\[ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")
        assert name in pinned, f"{name} is not pinned in constraints.txt"


def test_every_pin_installs_on_every_python_the_project_accepts() -> None:
    """Audit: pins needing Python 3.11.5 broke `make install` on Debian 12's 3.11.2,
    which `requires-python = ">=3.11"` accepts; a pin for newer Pythons only must say so
    with a marker, beside another pin for the older ones."""
    accepted = SpecifierSet(
        tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
            "requires-python"
        ]
    )
    lowest = Version(re.sub(r"[^0-9.]", "", str(accepted)))
    checked = 0
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if "==" not in line:
            continue
        requirement = Requirement(line)
        (pin,) = requirement.specifier
        marker = str(requirement.marker or "")
        # The oldest Python the pin is meant for: its marker's bound, or the project's.
        bound = re.search(r'python_full_version >= "([^"]+)"', marker)
        oldest = Version(bound.group(1)) if bound else lowest
        try:
            installed = metadata.distribution(requirement.name)
        except metadata.PackageNotFoundError:
            continue  # pinned for another Python or platform than this one
        if installed.version != pin.version:
            continue
        needs = SpecifierSet(installed.metadata.get("Requires-Python") or "")
        assert needs.contains(oldest), f"{line}: needs Python {needs}, not {oldest}"
        checked += 1
    assert checked > 30  # the installed environment was read


def test_every_pin_meets_the_bounds_for_its_python() -> None:
    """pymdown-extensions needs 13.1 from Python 3.11.5 on, where it can be installed, and
    10.3 before it (pyproject.toml says so with markers): each Python's pin meets the
    bounds meant for that Python."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    bounds = [Requirement(text) for text in project["dependencies"]]
    pins = [
        Requirement(line)
        for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line
    ]
    for python in ("3.11.2", "3.11.5", "3.12.0", "3.13.0"):
        environment = {"python_full_version": python, "python_version": python[:4]}
        for bound in bounds:
            if bound.marker is not None and not bound.marker.evaluate(environment):
                continue
            for pin in pins:
                if canonicalize_name(pin.name) != canonicalize_name(bound.name):
                    continue
                if pin.marker is not None and not pin.marker.evaluate(environment):
                    continue
                (pinned,) = pin.specifier
                assert bound.specifier.contains(pinned.version, prereleases=True), (
                    f"Python {python}: {pin} does not meet {bound}"
                )


def test_engine_does_not_import_mkdocs() -> None:
    """Only the `plugin` package imports MkDocs: the checks and the CLI run without it."""
    package = ROOT / "plugins" / "coalition_handbook"
    importers = {
        path.relative_to(package)
        for path in package.rglob("*.py")
        if re.search(
            r"^\s*(from|import) mkdocs\b", path.read_text(encoding="utf-8"), flags=re.MULTILINE
        )
    }
    assert Path("plugin", "plugin_state.py") in importers  # the search finds what it looks for
    offenders = sorted(path.as_posix() for path in importers if path.parts[0] != "plugin")
    assert offenders == [], (
        f"{offenders} import MkDocs, which only plugin/ may: `handbook check` and tools of "
        "adopters run the engine without it. Do the MkDocs part in a hook module of "
        'plugin/ and hand the engine plain values (CONTRIBUTING.md, "Where the code lives")'
    )


def test_no_engine_module_defines_a_name_it_imports_from_typing() -> None:
    """Tools that import the engine read its type hints: model/types.py imported
    `typing.Protocol` and defined the response `Protocol` too, so a type checker read
    every `Protocol` hint (`Handbook.protocols`, `ItemChange.old`...) as typing's, and a
    tool's own `protocol.title` was an error. Python ran it, reading the later one."""
    package = ROOT / "plugins" / "coalition_handbook"
    clashes = []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        from_typing = {
            alias.asname or alias.name
            for node in tree.body
            if isinstance(node, ast.ImportFrom) and node.module == "typing"
            for alias in node.names
        }
        defined = {
            node.name
            for node in tree.body
            if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        }
        clashes += [
            f"{path.relative_to(package).as_posix()}: {name}" for name in from_typing & defined
        ]
    assert clashes == [], (
        f"{clashes}: rename the module's own class or function, or import typing's under "
        "another name (`from typing import Protocol as TypingProtocol`)"
    )


# What the copy the wheel tests build says its version is: none the package had, so a
# version read anywhere but the package's `__version__` shows.
_WHEEL_VERSION = "9.8.7"


# What a checkout has beside its own files: none of it belongs in a package.
_NOT_SOURCE = {".git", ".venv", "site", ".cache", "build", "dist", ".pytest_cache",
               ".ruff_cache", ".hypothesis"}  # fmt: skip


def _checkout_files(folder: str, names: list[str]) -> set[str]:
    """`shutil.copytree`'s ignore: what a build or a run left in the checkout."""
    at_root = Path(folder) == ROOT
    return {
        name
        for name in names
        if (at_root and name in _NOT_SOURCE)
        or name == "__pycache__"
        or name.endswith((".pyc", ".egg-info"))
    }


@pytest.fixture(scope="module")
def built_packages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(the source archive, the wheel built from it, the source it came from): from a
    copy of the checkout whose `__version__` alone is raised to `_WHEEL_VERSION`, built
    offline, as pip installs the archive (a wheel made from its unpacked files)."""
    tmp_path = tmp_path_factory.mktemp("packages")
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=_checkout_files)
    init = source / "plugins" / "coalition_handbook" / "__init__.py"
    text, count = re.subn(
        r'^__version__ = "[^"]*"$',
        f'__version__ = "{_WHEEL_VERSION}"',
        init.read_text(encoding="utf-8"),
        flags=re.MULTILINE,
    )
    assert count == 1
    init.write_text(text, encoding="utf-8")
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-c", "import sys; from setuptools import build_meta; "
         "build_meta.build_sdist(sys.argv[1])", str(dist)],
        cwd=source,
        check=True,
        capture_output=True,
    )  # fmt: skip
    (sdist,) = dist.glob("coalition_handbook-*.tar.gz")
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path / "unpacked", filter="data")
    (unpacked,) = (tmp_path / "unpacked").iterdir()
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(dist), str(unpacked)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    (wheel,) = dist.glob("coalition_handbook-*.whl")
    return sdist, wheel, source


@pytest.fixture(scope="module")
def built_wheel(built_packages: tuple[Path, Path, Path]) -> tuple[Path, Path]:
    """(the wheel, the source it was built from)."""
    _, wheel, source = built_packages
    return wheel, source


def _package_files(source: Path) -> set[str]:
    """Every file of the package in `source`, as the wheel names it."""
    return {
        path.relative_to(source / "plugins").as_posix()
        for path in (source / "plugins" / "coalition_handbook").rglob("*")
        if path.is_file()
    }


def test_wheel_carries_every_package_file(built_wheel: tuple[Path, Path]) -> None:
    """Another coalition installs the plugin as a package, not from this tree: the wheel
    must hold every template, schema and asset the code reads, and its entry points."""
    wheel, source = built_wheel
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (entry_points,) = (name for name in names if name.endswith(".dist-info/entry_points.txt"))
        entry_points_text = archive.read(entry_points).decode()
    package_files = _package_files(source)
    assert len(package_files) > 50
    assert sorted(package_files - names) == []
    assert "handbook = coalition_handbook.plugin:HandbookPlugin" in entry_points_text
    assert "handbook = coalition_handbook.cli:main" in entry_points_text
    # MIT asks that its text go with every copy.
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names), sorted(names)


def test_the_wheel_says_its_type_hints_are_for_other_tools(built_wheel: tuple[Path, Path]) -> None:
    """A coalition's own tool may import the engine (which imports no MkDocs) and have
    mypy or pyright check its calls: without `py.typed` (PEP 561) they skip the package
    and read every value from it as `Any`."""
    wheel, _ = built_wheel
    with zipfile.ZipFile(wheel) as archive:
        assert "coalition_handbook/py.typed" in archive.namelist()


def test_the_wheel_takes_its_version_from_the_package(built_wheel: tuple[Path, Path]) -> None:
    """Release audit: pyproject.toml and `__version__` each said 0.1.0, so raising one
    alone shipped a wheel whose `handbook --version`, SARIF report and handout cache
    keys named another version than pip does. `__version__` is the one place: it is
    also in the cache keys (a new version's code reads no old entry)."""
    wheel, _ = built_wheel
    assert wheel.name == f"coalition_handbook-{_WHEEL_VERSION}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        (name,) = (name for name in archive.namelist() if name.endswith(".dist-info/METADATA"))
        meta = archive.read(name).decode()
    assert f"\nVersion: {_WHEEL_VERSION}\n" in meta


def test_the_source_archive_carries_the_package_and_no_checkout_files(
    built_packages: tuple[Path, Path, Path],
) -> None:
    """Release audit: what `pip install coalition_handbook-X.tar.gz` builds from. It
    holds the package whole, the licence and the pinned versions ADOPTING.md installs
    with, and nothing a checkout has for its own work (tests, the example handbook)."""
    sdist, _, source = built_packages
    with tarfile.open(sdist) as archive:
        names = {name.partition("/")[2] for name in archive.getnames()}
    package_files = {f"plugins/{name}" for name in _package_files(source)}
    wanted = {"LICENSE", "README.md", "pyproject.toml", "constraints.txt", *package_files}
    assert sorted(wanted - names) == []
    tops = {name.split("/")[0] for name in names if name}
    assert tops <= {"LICENSE", "README.md", "pyproject.toml", "constraints.txt",
                    "MANIFEST.in", "setup.cfg", "PKG-INFO", "plugins"}, sorted(tops)  # fmt: skip
    assert [name for name in names if "__pycache__" in name or name.endswith(".pyc")] == []


def _schema_patterns() -> list[tuple[str, str]]:
    """Every `pattern` of the shipped JSON Schemas: (file name, pattern)."""
    found: list[tuple[str, str]] = []

    def walk(name: str, node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                found.append((name, node["pattern"]))
            for value in node.values():
                walk(name, value)
        elif isinstance(node, list):
            for value in node:
                walk(name, value)

    for path in sorted((ROOT / "plugins" / "coalition_handbook" / "schemas").glob("*.json")):
        walk(path.name, json.loads(path.read_text(encoding="utf-8")))
    return found


# Python's `re` syntax that ECMA-262 regular expressions lack: possessive quantifiers,
# atomic and named groups, \A \Z, inline flags.
_NOT_ECMA = re.compile(r"(?<!\\)[*+?}]\+|\(\?>|\(\?P|\\[AZz]|\(\?[aiLmsux]")


def test_schema_patterns_are_ones_editors_can_read_too() -> None:
    """Review: a possessive `*+` in a form's pattern broke the schema in editors (the YAML
    language server compiles JSON Schema patterns as JavaScript, which has none): the
    glossary's files name the schema for checks as one types."""
    patterns = _schema_patterns()
    assert len(patterns) >= 8
    assert [(name, p) for name, p in patterns if _NOT_ECMA.search(p)] == []
    node = shutil.which("node")
    if node is not None:  # where there is one, JavaScript itself compiles them
        script = "for (const p of JSON.parse(process.argv[1])) new RegExp(p, 'u');"
        argument = json.dumps([pattern for _, pattern in patterns])
        subprocess.run([node, "-e", script, argument], check=True, capture_output=True)


# Forms the two engines must judge alike (review: `\w` is ASCII-only in JavaScript).
FORMS = [
    *("victim", "T visa", "U.S.", "Ph.D.", "e.g.", "café", "Act (TVPA)", "labor, forced"),
    *("child porn.", "Article 5.", "(CSAM).", "José.", "ß.", "child prostitute,", "“grooming”"),
    *("child\nporn", "child porn ..", "U.S..", "x,\x1c", "Inc.\ufeff", "tab\x0bform"),
]


def test_the_editor_and_the_check_judge_forms_alike() -> None:
    """The form pattern, read by Python (`handbook check`) and by JavaScript (the YAML
    language server in an editor), accepts and refuses the same forms."""
    schema = json.loads(
        (ROOT / "plugins" / "coalition_handbook" / "schemas" / "term.schema.json").read_text(
            encoding="utf-8"
        )
    )
    pattern = schema["$defs"]["form"]["pattern"]
    assert schema["properties"]["term"]["pattern"] == pattern  # the preferred form is one
    in_python = [re.search(pattern, form) is not None for form in FORMS]
    assert in_python.count(True) == 8  # the first eight, as the list says
    assert in_python == [True] * 8 + [False] * (len(FORMS) - 8)
    node = shutil.which("node")
    if node is not None:
        script = (
            "const [p, forms] = JSON.parse(process.argv[1]);"
            "console.log(JSON.stringify(forms.map(f => new RegExp(p, 'u').test(f))));"
        )
        argument = json.dumps([pattern, FORMS])
        run = subprocess.run([node, "-e", script, argument], check=True, capture_output=True)
        assert json.loads(run.stdout) == in_python


def test_make_alone_lists_every_target() -> None:
    """`make` with no target prints the targets with what each does, and installs nothing."""
    completed = subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
    )
    listed = set(re.findall(r"^  make ([a-z-]+) ", completed.stdout, flags=re.MULTILINE))
    unlisted = sorted(makefile_targets() - listed)
    assert unlisted == [], (
        f"`make` lists no {unlisted}: end each target's line with `## what it does`, as "
        "`lint:  ## ruff check and ruff format --check`"
    )
    assert listed == makefile_targets()
