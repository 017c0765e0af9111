"""Sentences of DESIGN that no other test held the project to, checked as a user meets
them: through the commands (`handbook check`'s JSON, `handbook diff`'s exit code), the
files a build writes, the repository's own files and what the benchmarks print (black
box)."""

from __future__ import annotations

import html
import json
import os
import posixpath
import re
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from git_repositories import commit, git, quiet_git, write
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from site_builds import protocol_yaml, run_build, term_yaml, write_site
from test_handouts import require_weasyprint
from work import calls_made

from coalition_handbook.cache import DISABLE_VARIABLE
from coalition_handbook.check import run_checks
from coalition_handbook.cli import main
from coalition_handbook.config import load_config

ROOT = Path(__file__).resolve().parent.parent

TERMS = {
    "survivor": term_yaml(
        "survivor",
        "A person who has experienced trafficking.",
        extra="avoid: [victim]\nrelated: [human-trafficking]\n",
    ),
    "human-trafficking": term_yaml(
        "human trafficking",
        "The exploitation of a person through force, fraud or coercion.",
        extra="aliases: [trafficking in persons, TIP]\n",
    ),
    "prostitute": term_yaml(
        "prostitute", "An old word.", extra="status: deprecated\nreplaced_by: survivor\n"
    ),
}
MODULE = """\
---
title: Hotel staff
version: 1
audience: [hotel staff]
duration: 45 minutes
objectives: [Recognize human trafficking]
protocols: [hotel]
history:
  - version: 1
    date: 2026-01-01
    summary: First version.
---
# Hotel staff

## Realize

Human trafficking happens in hotels; a survivor may be a guest.

## Recognize

Signs of trafficking in persons.

## Respond

Follow the [hotel protocol](../protocols/hotel.md).
"""
PAGES = {
    "index.md": "# Home\n\nA survivor spoke about human trafficking.\n",
    "guides/deep/page.md": "# Deep\n\nTIP cases and a survivor's story.\n",
    "modules/hotel-staff.md": MODULE,
}
PRIVACY = 'privacy: {allow: ["1-888-373-7888", "233733"]}\n'


def test_an_all_capitals_word_of_two_to_six_letters_is_an_unknown_acronym(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """DESIGN 5: term.unknown-acronym is "an all-caps word of 2-6 letters" (info): the
    bounds themselves, which only words that also matched other rules of the rule tested."""
    config = write_site(
        tmp_path,
        pages={
            "index.md": "# Home\n\nThe QX team met. The QZXWVU team met. The QZXWVUT team met.\n"
            "The Q team met.\n"
        },
        terms={"survivor": term_yaml("survivor", "A person who has experienced trafficking.")},
    )
    assert main(["check", "-f", str(config), "--format", "json", "--strict"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [
        (f["rule"], f["severity"], f["line"], f["column"], f["found"], f["suggestion"], f["term"])
        for f in report["findings"]
    ] == [
        ("term.unknown-acronym", "info", 3, 5, "QX", None, None),
        ("term.unknown-acronym", "info", 3, 22, "QZXWVU", None, None),
    ]
    assert report["counts"] == {"error": 0, "warning": 0, "info": 2}


def _site_files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def _write_handbook(root: Path, options: str, extra_config: str = "") -> Path:
    return write_site(
        root,
        pages=PAGES,
        terms=TERMS,
        protocols={"hotel": protocol_yaml("Hotel protocol")},
        theme="material",
        search=True,
        options=options,
        extra_config=extra_config,
    )


def test_two_clones_of_one_commit_build_the_same_files(tmp_path: Path) -> None:
    """DESIGN 7: "Two builds of the same commit give the same files": two checkouts in
    different folders, each built cold (no cache) by its own `mkdocs build` process (a
    hash seed of its own), PDF handouts included. The shipped site's test builds one
    folder twice, the second time with the first build's caches."""
    require_weasyprint()
    sites = []
    for clone in ("one", "another/clone"):
        config = _write_handbook(tmp_path / clone, f"handouts: true\n{PRIVACY}")
        sites.append(run_build("mkdocs", tmp_path / clone / "site", config=config).require())
    first, second = map(_site_files, sites)
    assert "handouts/hotel-staff.pdf" in first
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


_LINK = re.compile(r"""<(?:a|link|script|img)\b[^>]*?\b(?:href|src)=["']([^"']*)["']""")


def _broken_links(site: Path, path_prefix: str) -> tuple[int, list[str]]:
    """How many links into the site its pages hold, and each that leads to no file of
    it: relative ones from the page, ones from the server's root under `path_prefix`
    (where the site lives)."""
    followed, broken = 0, []
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site).as_posix()
        for raw in _LINK.findall(page.read_text(encoding="utf-8")):
            address = urlsplit(html.unescape(raw))
            if address.scheme or address.netloc or not address.path:
                continue
            path = unquote(address.path)
            if path.startswith("/"):
                if not path.startswith(path_prefix):
                    broken.append(f"{name}: {raw} (outside {path_prefix})")
                    continue
                target = path.removeprefix(path_prefix)
            else:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(name), path))
            followed += 1
            file = site / target
            if not (file.is_file() or (file / "index.html").is_file()):
                broken.append(f"{name}: {raw}")
    return followed, broken


def test_a_site_under_a_path_without_directory_urls_links_every_page(tmp_path: Path) -> None:
    """DESIGN 7 names its pages "with the default use_directory_urls": with it off, and
    the site published under a path (site_url with one), each generated page is an
    `.html` file, every autolink (`autolink: all`) is relative, and every link of every
    page (index, term, protocol, module, changes, nested pages) reaches a file."""
    config = _write_handbook(
        tmp_path,
        f"handouts: false\nautolink: all\n{PRIVACY}",
        "use_directory_urls: false\nsite_url: https://example.org/group/handbook/\n",
    )
    site = run_build("mkdocs", tmp_path / "site", config=config).require()
    for page in (
        "glossary/index.html",
        "glossary/survivor.html",
        "glossary/human-trafficking.html",
        "glossary/prostitute.html",
        "protocols/hotel.html",
        "modules/hotel-staff.html",
        "changes.html",
    ):
        assert (site / page).is_file(), page
    deep = (site / "guides/deep/page.html").read_text(encoding="utf-8")
    assert re.findall(r'<a class="hb-term" data-term="([^"]+)" href="([^"]+)" title=', deep) == [
        ("human-trafficking", "../../glossary/human-trafficking.html"),
        ("survivor", "../../glossary/survivor.html"),
    ]
    followed, broken = _broken_links(site, "/group/handbook/")
    assert broken == []
    assert followed > 200  # the crawl read the pages' links: a dozen pages, each with its nav


def test_the_command_as_a_module_imports_no_mkdocs(tmp_path: Path) -> None:
    """DESIGN 2: "The terminology engine does not import MkDocs": the command started as
    `python -X importtime -m coalition_handbook check`, the package's `__main__` included
    (the engine's own test imports `coalition_handbook.cli` in-process), lists no module
    `mkdocs` or `mkdocs.*` among those it imported, and still finds what it should,
    writing no site."""
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n\nA victim spoke.\n"},
        terms={"survivor": term_yaml("survivor", "A person.", extra="avoid: [victim]\n")},
    )
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "coalition_handbook", "check"],
        capture_output=True,
        text=True,
        check=False,
        cwd=config.parent,  # the check finds mkdocs.yml there, without -f
        env={**os.environ, DISABLE_VARIABLE: "1"},
    )
    imported = {
        line.rsplit("|", 1)[1].strip()
        for line in completed.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "coalition_handbook.cli" in imported  # the listing is read
    assert sorted(name for name in imported if name.split(".")[0] == "mkdocs") == []
    # Nor any module named after it, so that a reader searching the listing for MkDocs
    # finds none (the engine's readers of mkdocs.yml were `mkdocs_yml` and `mkdocs_file`).
    assert sorted(name for name in imported if "mkdocs" in name.lower()) == []
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert completed.stdout.startswith("content/index.md:3:3: warning term.avoid ")
    assert not (config.parent / "site").exists()  # DESIGN 6: it works without building the site


def test_the_repository_has_the_layout_design_lists() -> None:
    """DESIGN 2's tree: mkdocs.yml (docs_dir: content, plugins: search and handbook), the
    package under plugins/, pages and modules under content/, a YAML file per term and
    per protocol, tests, benchmarks, and .github's workflows, term-change issue form and
    pull request template."""

    class WithEnvironment(yaml.SafeLoader):
        """mkdocs.yml's `!ENV` read as the value it names."""

    WithEnvironment.add_constructor("!ENV", lambda loader, node: None)
    settings = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), WithEnvironment)
    assert settings["docs_dir"] == "content"
    plugins = [next(iter(p)) if isinstance(p, dict) else p for p in settings["plugins"]]
    assert {"search", "handbook"} <= set(plugins)
    for folder in ("plugins/coalition_handbook", "content/modules", "tests", "benchmarks"):
        assert (ROOT / folder).is_dir(), folder
    assert (ROOT / "plugins/coalition_handbook/__init__.py").is_file()
    for folder in ("glossary", "protocols"):
        files = sorted((ROOT / folder).iterdir())
        assert files and all(file.suffix == ".yml" for file in files), folder
    assert list((ROOT / ".github/workflows").glob("*.yml"))
    assert list((ROOT / ".github/ISSUE_TEMPLATE").glob("*.yml"))
    assert (ROOT / ".github/PULL_REQUEST_TEMPLATE.md").is_file()
    assert (ROOT / "README.md").is_file() and (ROOT / "pyproject.toml").is_file()


def test_the_platform_is_mkdocs_1_6_with_material_9_and_properdocs_in_ci() -> None:
    """DESIGN 2: "MkDocs 1.6 plugin API (`mkdocs>=1.6,<2` ...) with mkdocs-material 9.x";
    the site "must also build with ProperDocs ...; CI proves it": the package accepts
    MkDocs 1.6 and Material 9 and refuses MkDocs 2 and Material 10, and a workflow
    builds the site with `properdocs build --strict`."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    needs = {
        canonicalize_name(requirement.name): requirement.specifier
        for requirement in map(Requirement, project["dependencies"])
    }
    for name, accepted, refused in (
        ("mkdocs", ("1.6.0", "1.6.1"), ("1.5.3", "2.0.0")),
        ("mkdocs-material", ("9.8.2",), ("10.0.0",)),
    ):
        assert all(needs[name].contains(version) for version in accepted), name
        assert not any(needs[name].contains(version) for version in refused), name
    workflows = " ".join(
        path.read_text(encoding="utf-8") for path in (ROOT / ".github/workflows").glob("*.yml")
    )
    assert re.search(r"properdocs build\b[^\n]*--strict", workflows)


def _example_terms() -> dict[str, dict[str, object]]:
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "glossary").glob("*.yml"))
    }


def test_every_form_the_example_says_to_avoid_says_why() -> None:
    """DESIGN 9: the field's guidance is written "as `avoid` entries with reasons": each
    entry of each term, not only the few the example's own test names, and more than a
    handful of them."""
    entries = [
        (term_id, entry)
        for term_id, term in _example_terms().items()
        for entry in term.get("avoid") or []  # type: ignore[attr-defined]
    ]
    assert len(entries) >= 10
    without = [
        (term_id, entry)
        for term_id, entry in entries
        if not (isinstance(entry, dict) and str(entry.get("reason") or "").strip())
    ]
    assert without == []


def test_the_example_cites_the_public_sources_design_names() -> None:
    """DESIGN 9: definitions "grounded in public sources that each term cites (federal law
    such as the TVPA definitions in 22 U.S.C. 7102, the Palermo Protocol, the national
    hotline's public facts)": each term cites a source, and the three are among them."""
    terms = _example_terms()
    sources = {
        term_id: [
            f"{source['title']} {source['url']}"
            for source in term.get("sources") or []  # type: ignore[attr-defined]
        ]
        for term_id, term in terms.items()
    }
    assert len(terms) >= 60
    assert [term_id for term_id, cited in sources.items() if not cited] == []
    cited = " ".join(source for cited in sources.values() for source in cited).lower()
    assert re.search(r"22 u\.?s\.?c\.? (§ ?)?7102|uscode/text/22/7102", cited)  # the TVPA's
    assert re.search(r"palermo|prevent, suppress and punish|prevent-suppress-and-punish", cited)
    assert "humantraffickinghotline.org" in cited


def test_the_sharing_protocol_shares_no_case_level_survivor_data() -> None:
    """DESIGN 9: a protocol on "what a coalition does and does not share: no case-level
    survivor data"."""
    protocols = [
        yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "protocols").glob("*.yml"))
    ]
    sharing = [p for p in protocols if "shar" in p["title"].lower()]
    assert sharing
    said = " ".join(
        [sharing[0]["summary"], *(f"{s['title']} {s['detail']}" for s in sharing[0]["steps"])]
    )
    assert re.search(r"\b(no|never)\b[^.]*\bcase-level\b", said, re.IGNORECASE)


_SECTION = """\
## Section {n}

A survivor of human trafficking met a victim at the hotel; the QX team and the TIP office
were told. *Emphasis* and **strong** text, a [link](https://example.org/{n}) and `code`.

- a list item about trafficking in persons
- another item, with a victim's story

| who | what |
|---|---|
| survivor | human trafficking |

> A quote about survivors.

```text
victim in code
```

"""


def test_a_page_of_megabytes_is_checked_in_linear_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DESIGN 11: "pages of many megabytes (still linear time)", for the whole check (load,
    prose, term matching, every rule), not the loader alone: a page of every kind of block
    five times as long (1.6 MB) costs at most five times the work, counted as calls, and
    gives five times the findings."""
    monkeypatch.setenv(DISABLE_VARIABLE, "1")
    terms = {
        "survivor": term_yaml("survivor", "A person.", extra="avoid: [victim]\n"),
        "human-trafficking": term_yaml(
            "human trafficking",
            "Exploitation.",
            extra="aliases: [trafficking in persons, TIP]\n",
        ),
    }
    configs = []
    for sections in (800, 4_000):
        page = "# Big\n\n" + "".join(_SECTION.format(n=n) for n in range(sections))
        configs.append(
            load_config(write_site(tmp_path / str(sections), pages={"big.md": page}, terms=terms))
        )
    found = [len(run_checks(config).findings) for config in configs]  # and warmed up
    assert found == [2_400, 12_000]  # two uses of `victim` and an unknown QX each
    work = [calls_made(run_checks, config) for config in configs]
    assert work[1] <= work[0] * 5.25


_ENTRY = "  - version: {version}\n    date: 2026-0{version}-01\n    summary: Version {version}.\n"
_RECORDS = {
    "glossary/survivor.yml": term_yaml("survivor", "A person who has experienced trafficking."),
    "protocols/hotel.yml": protocol_yaml("Hotel protocol"),
    "content/modules/hotel-staff.md": MODULE,
}
_CHANGED = {  # (what the item said, what it says now)
    "glossary/survivor.yml": ("has experienced", "has lived through"),
    "protocols/hotel.yml": ("Do not confront anyone.", "Never confront anyone."),
    "content/modules/hotel-staff.md": ("happens in hotels", "happens in motels"),
}


def _versioned(text: str, version: int, entry: bool) -> str:
    """`text` (version 1, one history entry) at `version`, with an entry for it on top
    of the history if `entry`."""
    text = text.replace("version: 1\n", f"version: {version}\n", 1)
    if entry:
        text = text.replace("history:\n", "history:\n" + _ENTRY.format(version=version), 1)
    return text


@pytest.mark.parametrize("path", list(_RECORDS))
@pytest.mark.parametrize(
    ("version", "entry", "code"),
    [(1, False, 1), (2, False, 1), (1, True, 1), (2, True, 0)],
    ids=["no-bump-no-entry", "bump-alone", "entry-alone", "bump-and-entry"],
)
def test_the_diff_fails_a_change_without_a_version_bump_and_its_history_entry(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    path: str,
    version: int,
    entry: bool,
    code: int,
) -> None:
    """DESIGN 6: `handbook diff` "exits 1 when an item changed without a `version` bump
    and a matching `history` entry", for a term, a protocol and a module alike, between
    the working tree and BASE and between two revisions (`handbook diff BASE HEAD`)."""
    quiet_git(monkeypatch, tmp_path)
    root = tmp_path / "handbook"
    config = write_site(root, pages={"index.md": "# Home\n\nA survivor spoke.\n"}, options=PRIVACY)
    for name, text in _RECORDS.items():
        write(root, name, text)
    git(root, "init", "-q", "-b", "main")
    commit(root, "base")
    old, new = _CHANGED[path]
    write(root, path, _versioned(_RECORDS[path].replace(old, new), version, entry))
    assert main(["diff", "HEAD", "-f", str(config)]) == code
    capsys.readouterr()
    commit(root, "change")
    assert main(["diff", "HEAD~1", "HEAD", "-f", str(config)]) == code
    assert f"`{path}`" in capsys.readouterr().out  # the report names the item changed


def test_the_benchmark_handbook_is_the_same_in_every_run_with_n_pages_and_t_terms(
    tmp_path: Path,
) -> None:
    """DESIGN 10: "`benchmarks/` generates a deterministic handbook of N pages and T
    terms": two runs of the generator, each a process with its own hash seed, write the
    same files, N pages and T term files; the handbook is checked as it comes."""
    written = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        command = ["-m", "benchmarks.generate", str(out), "--pages", "12", "--terms", "9"]
        subprocess.run(
            [sys.executable, *command],
            check=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        written.append(
            {path.relative_to(out).as_posix(): path.read_bytes() for path in out.rglob("*.*")}
        )
    assert written[0] == written[1]
    assert len([name for name in written[0] if name.startswith("content/")]) == 12
    assert len([name for name in written[0] if name.startswith("glossary/")]) == 9
    assert main(["check", "-f", str(tmp_path / "1" / "mkdocs.yml"), "--format", "json"]) in (0, 1)


def test_the_benchmark_prints_each_figure_of_the_table_with_its_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """DESIGN 10: the benchmarks print each figure of the table, at the table's sizes,
    as a ratio (or a rate) measured in the run, beside its target. The timings and the
    builds are stood in for (the figures themselves are for `make bench`, never a test);
    the handbooks are tiny ones; each figure's line is what is held. The PDF figure is
    benchmarks/handouts.py's, which `make bench` runs after."""
    from benchmarks import generate, run

    def tiny_handbook(self: run.Bench, pages: int, terms: int, plugin: bool = True) -> Path:
        folder = self.root / f"p{pages}-t{terms}-{plugin}"
        if not (folder / "mkdocs.yml").exists():
            generate.generate(folder, 3, 3, plugin=plugin)
        return folder / "mkdocs.yml"

    def timed(action: Callable[[], object]) -> float:
        action()
        return 1.0

    built: list[int] = []
    monkeypatch.setattr(run.Bench, "handbook", tiny_handbook)
    monkeypatch.setattr(run, "timed", timed)
    monkeypatch.setattr(run.Bench, "process_time", lambda self, config: 1.0)
    monkeypatch.setattr(
        run.Bench, "build_ratios", lambda self, pages: built.append(pages) or (1.0, 1.0, 1.0)
    )
    assert run.main(["--runs", "1", "--rounds", "1", "--keep", str(tmp_path / "bench")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert built == [1000, 2]

    def figure(*words: str) -> str:
        (line,) = [line for line in lines if all(word in line for word in words)]
        return line

    assert figure("check scanning rate", "1000 pages, 2000 terms", "target >= 20")
    assert figure("2000 terms / 50 terms (1000 pages), cold", "1.00", "target <= 1.3")
    assert figure("1000 pages / 100 pages (500 terms), cold", "1.00", "target <= 11")
    assert figure("mkdocs build with plugin / without, 1000 pages, 500 terms", "<= 1.10")
    assert figure("mkdocs build with plugin / without, 2 pages, 500 terms", "<= 1.25")
    assert figure("PDF", "benchmarks/handouts.py", "0.05")
