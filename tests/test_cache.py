"""The persistent cache of `handbook check` (.cache/handbook/ beside mkdocs.yml): a second
run parses nothing, a changed file is parsed again alone, a damaged cache is ignored, and
HANDBOOK_NO_CACHE=1 turns it off. Findings are always those of a run without the cache."""

from __future__ import annotations

import logging
import os
import pickle
import shlex
import stat
import subprocess
from pathlib import Path

import pytest
from git_repositories import commit, git
from site_builds import BIN, build_site

from coalition_handbook import cache as cache_module
from coalition_handbook.cache import CACHE_DIR, RETIRED_NAMESPACES, STATS, RunCache
from coalition_handbook.cache_signature import (
    KEY_FILE_VARIABLE,
    MAGIC,
    PACK,
    key_file,
    signed,
    verified,
)
from coalition_handbook.check import run_checks
from coalition_handbook.cli import main
from coalition_handbook.config import load_config
from coalition_handbook.documents import pages_using_terms
from coalition_handbook.findings import Finding
from coalition_handbook.rules import glossary_duplicate

HISTORY = "history:\n  - version: 1\n    date: 2026-01-01\n    summary: First.\n"
TERMS = {
    "survivor": "term: survivor\nversion: 1\ndefinition: A person who lived through it.\n"
    "avoid: [victim]\n" + HISTORY,
    "t-visa": "term: T visa\ncase_sensitive: true\nversion: 1\n"
    "definition: A visa for survivors of trafficking.\n" + HISTORY,
}
PAGES = {
    "index.md": "# Home\n\nEvery victim can apply for a t visa. Ask the FBI or the XYZ.\n",
    "other.md": "# Other\n\nA survivor's story, told by survivors.\n",
    "mail.md": "# Contact\n\nWrite to jane.doe@gmail.com or call 555-123-4567.\n",
}


def make(root: Path) -> Path:
    (root / "glossary").mkdir(parents=True)
    (root / "content").mkdir()
    for term_id, text in TERMS.items():
        (root / "glossary" / f"{term_id}.yml").write_text(text, encoding="utf-8")
    for name, text in PAGES.items():
        (root / "content" / name).write_text(text, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: T\ndocs_dir: content\nplugins:\n  - handbook:\n      known_acronyms: [FBI]\n",
        encoding="utf-8",
    )
    return config


def check(config: Path) -> list[Finding]:
    STATS.reset()
    return run_checks(load_config(config)).findings


def uncached(config: Path, monkeypatch: pytest.MonkeyPatch) -> list[Finding]:
    with monkeypatch.context() as patch:
        patch.setenv("HANDBOOK_NO_CACHE", "1")
        return run_checks(load_config(config)).findings


@pytest.fixture(autouse=True)
def cache_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HANDBOOK_NO_CACHE", raising=False)


def read_pack(path: Path) -> dict[str, bytes]:
    """The entries of the pack file `path`, which a run of this user's signed."""
    payload = verified(path.read_bytes(), PACK)
    assert payload is not None, f"{path} is not signed with this session's key"
    return pickle.loads(payload)


def write_pack(path: Path, pack: dict[str, bytes]) -> None:
    """Write `pack` to `path` as a run of this user's would: damage a run cannot tell
    from its own entries."""
    data = signed(pickle.dumps(pack), PACK)
    assert data is not None
    path.write_bytes(data)


def test_second_run_parses_and_scans_nothing(tmp_path: Path) -> None:
    config = make(tmp_path)
    first = check(config)
    assert STATS.parsed == 5  # two terms, three pages
    assert STATS.results == 0
    assert (tmp_path / CACHE_DIR).is_dir()
    assert {finding.rule for finding in first} >= {
        "term.avoid",
        "term.case",
        "term.unknown-acronym",
        "privacy.pii",
    }

    second = check(config)
    assert second == first
    assert STATS.results == 1
    assert STATS.parsed == 0
    assert STATS.scanned == 0


def test_cached_run_still_gives_the_handbook_and_its_scan(tmp_path: Path) -> None:
    config = make(tmp_path)
    first = run_checks(load_config(config))
    STATS.reset()
    second = run_checks(load_config(config))
    assert STATS.results == 1
    assert set(second.handbook.terms) == {"survivor", "t-visa"}
    assert pages_using_terms(second.context) == pages_using_terms(first.context)
    assert STATS.parsed == 0  # the handbook came from the cached records
    assert STATS.scanned == 0


def test_the_keys_of_many_files_at_once_are_the_keys_of_each(tmp_path: Path) -> None:
    """`RunCache.keys` hashes what the keys share once: the keys are those of `key`, so
    the records a run kept are found by the next."""
    cache = RunCache(tmp_path / CACHE_DIR)
    rows = [("glossary/a.yml", "d1"), ("glossary/víctima.yml", "d2"), ("", ""), ("ab", "c")]
    assert cache.keys("term", rows) == [cache.key("term", *row) for row in rows]
    assert len(set(cache.keys("term", [("ab", "c"), ("a", "bc")]))) == 2


def test_a_changed_page_is_parsed_and_scanned_again_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = make(tmp_path)
    check(config)
    (tmp_path / "content" / "other.md").write_text("# Other\n\nNo victim here.\n", encoding="utf-8")
    findings = check(config)
    assert STATS.results == 0
    assert STATS.parsed == 1
    assert STATS.scanned == 1
    assert findings == uncached(config, monkeypatch)
    assert any(f.path == "content/other.md" and f.rule == "term.avoid" for f in findings)


def test_a_changed_term_is_parsed_again_alone_and_every_text_rescanned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = make(tmp_path)
    check(config)
    (tmp_path / "glossary" / "survivor.yml").write_text(
        TERMS["survivor"].replace("avoid: [victim]", "avoid: [victim, XYZ]"), encoding="utf-8"
    )
    findings = check(config)
    assert STATS.parsed == 1
    assert STATS.scanned == 5  # the forms changed: three pages and two definitions
    assert findings == uncached(config, monkeypatch)
    assert not any(f.rule == "term.unknown-acronym" and f.found == "XYZ" for f in findings)


def test_a_term_edit_that_keeps_the_forms_rewrites_no_page_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parsed files and scans are kept in one pack per kind: editing a term's definition
    rewrites the terms' packs, not the (much larger) packs of the pages."""
    config = make(tmp_path)
    check(config)
    packs = tmp_path / CACHE_DIR
    page_packs = [packs / "records-page.pickle", packs / "scan-page.pickle"]
    before = [path.stat().st_ino for path in page_packs]
    term_packs = [packs / "records-term.pickle", packs / "scan-term.pickle"]
    term_before = [path.stat().st_ino for path in term_packs]
    (tmp_path / "glossary" / "survivor.yml").write_text(
        TERMS["survivor"].replace("lived through it", "lived through trafficking"),
        encoding="utf-8",
    )
    findings = check(config)
    assert STATS.parsed == 1
    assert [path.stat().st_ino for path in page_packs] == before
    assert [path.stat().st_ino for path in term_packs] != term_before  # replaced, not edited
    assert findings == uncached(config, monkeypatch)


def test_duplicate_forms_are_compared_again_only_when_forms_or_their_places_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = make(tmp_path)
    victim = tmp_path / "glossary" / "victim.yml"
    text = "term: victim\nversion: 1\ndefinition: A person harmed.\n" + HISTORY
    victim.write_text(text, encoding="utf-8")
    compared: list[int] = []
    compare = glossary_duplicate._check
    monkeypatch.setattr(
        glossary_duplicate, "_check", lambda context: compared.append(1) or compare(context)
    )

    def duplicates() -> list[tuple[str, int]]:
        findings = check(config)
        calls = len(compared)
        assert findings == uncached(config, monkeypatch)
        del compared[calls:]  # the run without the cache compares, of course
        return [(f.path, f.line) for f in findings if f.rule == "glossary.duplicate"]

    assert duplicates() == [("glossary/victim.yml", 1)]
    compared.clear()
    victim.write_text(text.replace("A person harmed.", "Someone harmed."), encoding="utf-8")
    assert duplicates() == [("glossary/victim.yml", 1)]
    assert compared == []  # a definition is not a form
    victim.write_text("tags: [legal]\n" + text, encoding="utf-8")
    assert duplicates() == [("glossary/victim.yml", 2)]
    assert compared


def test_without_the_cache_no_digest_of_the_terms_is_made_for_the_duplicate_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The digest is the key of cached findings: a cold run keeps none, and paid for a
    # digest of every term's forms all the same.
    config = make(tmp_path)
    (tmp_path / "glossary" / "victim.yml").write_text(
        "term: victim\nversion: 1\ndefinition: A person harmed.\n" + HISTORY, encoding="utf-8"
    )

    def refused(*_: object) -> str:
        raise AssertionError("a digest made with no cache to keep findings in")

    expected = uncached(config, monkeypatch)
    monkeypatch.setattr(glossary_duplicate, "_reads", refused)
    assert uncached(config, monkeypatch) == expected
    assert any(finding.rule == "glossary.duplicate" for finding in expected)


def test_added_and_removed_files_change_the_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = make(tmp_path)
    check(config)
    (tmp_path / "content" / "mail.md").unlink()
    (tmp_path / "glossary" / "notes.txt").write_text("misplaced", encoding="utf-8")
    findings = check(config)
    assert STATS.results == 0
    assert STATS.parsed == 0
    assert findings == uncached(config, monkeypatch)
    assert not any(f.path == "content/mail.md" for f in findings)
    assert any(f.path == "glossary/notes.txt" for f in findings)

    # A term file in a subfolder is not read, and says so; added to a folder that was
    # there before, it changes no name in the glossary's own folder (audit).
    (tmp_path / "glossary" / "drafts").mkdir()
    check(config)
    (tmp_path / "glossary" / "drafts" / "victim.yml").write_text("term: x\n", encoding="utf-8")
    findings = check(config)
    assert findings == uncached(config, monkeypatch)
    assert any(f.path == "glossary/drafts/victim.yml" for f in findings)
    (tmp_path / "glossary" / "drafts" / "victim.yml").unlink()
    assert not any(f.path == "glossary/drafts/victim.yml" for f in check(config))


def test_a_module_in_a_subfolder_stays_named_when_its_page_alone_is_edited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The finding is a page rule's: a run that checks the edited pages alone makes it
    again, rather than dropping it with the page's other findings."""
    config = make(tmp_path)
    check(config)
    page = tmp_path / "content" / "modules" / "advanced" / "health-care.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: Health care\nobjectives: [x]\n---\n\nText.\n", "utf-8")
    assert [
        f.rule for f in check(config) if f.path == "content/modules/advanced/health-care.md"
    ] == ["module.schema"]
    page.write_text(page.read_text(encoding="utf-8") + "More text.\n", encoding="utf-8")
    findings = check(config)
    assert STATS.parsed == 1  # the edited page alone
    assert findings == uncached(config, monkeypatch)
    assert any(f.path == "content/modules/advanced/health-care.md" for f in findings)


def test_checks_and_builds_take_each_others_results(tmp_path: Path) -> None:
    """`handbook check` and `mkdocs build` read the same settings, whatever MkDocs adds
    to the Markdown setup (its own extensions, the plugin's autolinker) and wherever the
    site is built (`mkdocs build -d`), so each answers from the other's run."""
    config = make(tmp_path)
    (tmp_path / "content" / "mail.md").unlink()  # personal data would stop the build
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(
            "plugins:", "markdown_extensions: [admonition, {toc: {permalink: true}}]\nplugins:"
        ),
        encoding="utf-8",
    )
    findings = check(config)
    STATS.reset()
    build_site(config, strict=False, site_dir=tmp_path / "elsewhere")
    assert STATS.results == 1
    assert check(config) == findings
    assert STATS.results == 1


def test_a_changed_setting_is_a_new_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = make(tmp_path)
    check(config)
    config.write_text(
        config.read_text(encoding="utf-8").replace("[FBI]", "[FBI, XYZ]"), encoding="utf-8"
    )
    findings = check(config)
    assert STATS.results == 0
    assert STATS.parsed == 0
    assert findings == uncached(config, monkeypatch)
    assert not any(f.found == "XYZ" for f in findings)


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage"])
def test_a_damaged_cache_is_ignored_and_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    config = make(tmp_path)
    first = check(config)
    packs = sorted((tmp_path / CACHE_DIR).glob("*.pickle"))
    assert packs
    for pack in packs:
        pack.write_bytes(damage)
    assert check(config) == first
    assert STATS.parsed == 5
    assert check(config) == first  # rebuilt
    assert STATS.results == 1
    assert first == uncached(config, monkeypatch)


def test_packs_of_earlier_versions_are_removed_by_a_run_that_writes(tmp_path: Path) -> None:
    config = make(tmp_path)
    cache = tmp_path / CACHE_DIR
    cache.mkdir(parents=True)
    retired = [cache / f"{name}.pickle" for name in RETIRED_NAMESPACES]
    for pack in retired:
        pack.write_bytes(b"an earlier version's pack")
    check(config)
    assert STATS.writes
    assert [pack.name for pack in retired if pack.exists()] == []
    assert (cache / "records-term.pickle").exists()


def test_a_killed_run_s_half_written_pack_goes_when_its_pack_is_written_again(
    tmp_path: Path,
) -> None:
    """A run killed (SIGKILL, a power cut) while it wrote a pack leaves the temporary
    file, never renamed; each one stayed for good, a whole pack's size each (audit: crash
    and concurrency). The next run that writes that pack removes it; anything else
    in the folder stays."""
    config = make(tmp_path)
    cache = tmp_path / CACHE_DIR
    check(config)
    left = cache / ".records-term.pickle.k1ll3d"  # as `write_cache_file` names them
    left.write_bytes(b"half a pack")
    earlier = cache / ".tmp-k1ll3d"  # as an earlier version named them
    earlier.write_bytes(b"half a pack")
    kept = cache / "notes.txt"
    kept.write_text("someone's file", encoding="utf-8")
    (tmp_path / "glossary" / "survivor.yml").write_text(
        (tmp_path / "glossary" / "survivor.yml").read_text(encoding="utf-8") + "\n",
        encoding="utf-8",
    )

    check(config)

    assert STATS.writes
    assert not left.exists() and not earlier.exists()
    assert kept.exists()
    assert sorted(path.name for path in cache.glob(".*")) == []


def test_damaged_entries_inside_a_pack_are_misses(tmp_path: Path) -> None:
    config = make(tmp_path)
    first = check(config)
    for pack_file in (tmp_path / CACHE_DIR).glob("*.pickle"):
        write_pack(pack_file, dict.fromkeys(read_pack(pack_file), b"\x80\x05junk"))
    assert check(config) == first
    assert STATS.parsed == 5


def test_no_cache_variable_bypasses_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = make(tmp_path)
    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    first = check(config)
    assert not (tmp_path / ".cache").exists()
    second = check(config)
    assert second == first
    assert STATS.parsed == 5
    assert STATS.results == 0


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    config = make(tmp_path)
    (tmp_path / ".cache").write_text("a file where the folder should be", encoding="utf-8")
    first = check(config)
    assert check(config) == first
    assert STATS.parsed == 5


def test_a_moved_checkout_keeps_its_cache(tmp_path: Path) -> None:
    config = make(tmp_path / "a")
    first = check(config)
    (tmp_path / "a").rename(tmp_path / "b")
    assert check(tmp_path / "b" / "mkdocs.yml") == first
    assert STATS.results == 1


def test_a_same_size_edit_right_after_a_run_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = make(tmp_path)
    page = tmp_path / "content" / "other.md"
    check(config)
    check(config)
    before = page.stat()
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("survivor's", "victim's!!"), encoding="utf-8")
    # As on a file system with coarse timestamps: the same size and modification time.
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert page.stat().st_size == before.st_size
    findings = check(config)
    assert STATS.parsed == 1
    assert findings == uncached(config, monkeypatch)


def test_an_old_unchanged_file_is_not_read_again(tmp_path: Path) -> None:
    config = make(tmp_path)
    for path in tmp_path.rglob("*.*"):
        os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    first = check(config)
    reads: list[Path] = []
    original = Path.read_bytes

    def counting(self: Path) -> bytes:
        reads.append(self)
        return original(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Path, "read_bytes", counting)
        assert check(config) == first
    assert STATS.results == 1
    # mkdocs.yml is read by every run (it names the folders); no source file is.
    assert not [path for path in reads if path.suffix in (".md", ".yml") and path != config]


# A cache that came with the repository is never read: unpickling runs code, and
# `git add -f` gets a `.cache/` folder past `.gitignore`.


class _Touch:
    """Unpickled, creates `marker`: what a forged cache file could run instead."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[Path]]:
        return (Path.touch, (self.marker,))


class _Shell:
    """Unpickled, runs a shell command: the forged pack of the security audit."""

    def __init__(self, command: str) -> None:
        self.command = command

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (self.command,))


FORGED_PACKS = ("snapshot", "records-term", "records-page", "matcher", "rules")


def repository(root: Path) -> Path:
    """A handbook committed to git, `.cache/` ignored as in this repository."""
    config = make(root)
    (root / ".gitignore").write_text(".cache/\n", encoding="utf-8")
    git(root, "init", "-q")
    commit(root, "handbook")
    return config


def forge_packs(root: Path, marker: Path, shell: bool = False) -> bytes:
    """Every pack a run reads first, as a pickle that would create `marker` (with `shell`,
    through `os.system`, as the security audit's did)."""
    hostile = _Shell(f"echo PWNED > {shlex.quote(str(marker))}") if shell else _Touch(marker)
    payload = pickle.dumps(hostile)
    (root / CACHE_DIR).mkdir(parents=True, exist_ok=True)
    for namespace in FORGED_PACKS:
        (root / CACHE_DIR / f"{namespace}.pickle").write_bytes(payload)
    return payload


def commit_forced(root: Path, folder: Path = CACHE_DIR) -> None:
    git(root, "add", "-f", str(folder))
    git(root, "commit", "-q", "-m", "a cache, forced in")


def git_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The `git ls-files` commands run from now on."""
    calls: list[list[str]] = []
    real_run = subprocess.run

    def counted(command: list[str], *args: object, **kwargs: object) -> object:
        if "ls-files" in command:  # not the test's own git commands
            calls.append(command)
        return real_run(command, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(cache_module.subprocess, "run", counted)
    return calls


def test_a_cache_tracked_by_git_is_not_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "clone"
    config = repository(root)
    marker = tmp_path / "ran"
    payload = forge_packs(root, marker)
    commit_forced(root)

    with caplog.at_level(logging.WARNING):
        assert main(["check", "--strict", "-f", str(config)]) == 1  # the page's warnings
    assert not marker.exists()
    assert "content/index.md" in capsys.readouterr().out  # checked all the same
    warnings = [record.getMessage() for record in caplog.records]
    assert warnings == [
        "handbook: .cache/handbook is tracked by git: the cache is not read or written in "
        "this run (cache files come from this machine's own runs, never from the "
        "repository; delete them from it with `git rm -r .cache/handbook` and commit)"
    ]
    # Nor written: the tracked files stay as they came, and no other is added.
    assert sorted(path.name for path in (root / CACHE_DIR).iterdir()) == sorted(
        f"{namespace}.pickle" for namespace in FORGED_PACKS
    )
    assert {path.read_bytes() for path in (root / CACHE_DIR).iterdir()} == {payload}
    assert check(config) == uncached(config, pytest.MonkeyPatch())
    assert not marker.exists()


def test_a_cache_tracked_in_another_case_is_not_read(tmp_path: Path) -> None:
    """On a checkout that ignores case (macOS, Windows), a file git tracks under
    `.CACHE/handbook/` is what `.cache/handbook` opens, and `git ls-files .cache/handbook`
    named none of it (found in review)."""
    config = repository(tmp_path)
    check(config)  # the cache folder is there
    forged = tmp_path / ".CACHE" / "handbook" / "snapshot.pickle"
    forged.parent.mkdir(parents=True)
    forged.write_bytes(b"forged")
    git(tmp_path, "add", "-f", ".CACHE")
    git(tmp_path, "commit", "-q", "-m", "a cache in capitals")
    refusal = cache_module.cache_refused(tmp_path.resolve())
    assert refusal is not None and refusal.startswith(".cache/handbook is tracked by git")


def test_the_command_says_so_once_on_stderr(tmp_path: Path) -> None:
    root = tmp_path / "clone"
    config = repository(root)
    marker = tmp_path / "ran"
    forge_packs(root, marker)
    commit_forced(root)
    env = {key: value for key, value in os.environ.items() if key != "HANDBOOK_NO_CACHE"}
    completed = subprocess.run(
        [str(BIN / "handbook"), "check", "--strict", "-f", str(config)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert completed.returncode == 1
    assert not marker.exists()
    assert completed.stderr.count(".cache/handbook is tracked by git") == 1, completed.stderr


def test_an_untracked_cache_is_read_and_git_asked_once_per_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = repository(tmp_path)
    calls = git_calls(monkeypatch)
    first = check(config)
    assert calls == []  # no cache folder yet: nothing to ask
    assert check(config) == first
    assert STATS.results == 1  # from the cache
    assert [command[3:] for command in calls] == [
        ["ls-files", "-z", "--", ":(icase).cache/handbook"]
    ]
    cache_module.RunCache.beside(
        tmp_path.resolve(), "mkdocs.yml"
    )  # the build's other caches ask too
    assert check(config) == first
    assert len(calls) == 1
    # The index changes: asked again. A file new to git, so that git surely writes the
    # index (adding an unchanged file may leave it as it was, or not, by its timing).
    (tmp_path / "content" / "new.md").write_text("# New\n\nA calm page.\n", encoding="utf-8")
    git(tmp_path, "add", "content/new.md")
    assert check(config) == first
    assert len(calls) == 2


def test_deleting_the_tracked_cache_from_git_brings_the_cache_back(tmp_path: Path) -> None:
    config = repository(tmp_path)
    marker = tmp_path / "ran"
    forge_packs(tmp_path, marker)
    commit_forced(tmp_path)
    first = check(config)
    assert not marker.exists()
    git(tmp_path, "rm", "-r", "-q", str(CACHE_DIR))  # as the warning says
    assert not (tmp_path / CACHE_DIR).exists()
    assert check(config) == first
    assert check(config) == first
    assert STATS.results == 1


def test_no_git_or_no_repository_means_no_question(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = make(tmp_path)
    calls = git_calls(monkeypatch)
    first = check(config)
    assert check(config) == first and STATS.results == 1
    assert calls == []  # not in a git work tree
    repository(tmp_path / "repo")
    monkeypatch.setenv("PATH", str(tmp_path / "no-git-here"))
    forge_packs(tmp_path / "repo", tmp_path / "ran")
    assert cache_module.cache_refused((tmp_path / "repo").resolve()) is None  # git is missing


def test_a_repository_git_will_not_read_keeps_its_cache(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Git refuses a repository owned by another user (as in some CI containers): no pull
    request brings that about, and refusing the cache with a warning would fail every
    strict build there, so the cache is used as before, and nothing is said."""
    config = repository(tmp_path)
    first = check(config)
    (tmp_path / ".git" / "HEAD").write_text("not a reference\n", encoding="utf-8")  # git fails
    assert subprocess.run(["git", "-C", str(tmp_path), "ls-files"], capture_output=True).returncode
    with caplog.at_level(logging.WARNING):
        assert check(config) == first
    assert STATS.results == 1
    assert not [record for record in caplog.records if "cache" in record.getMessage()]


def test_a_cache_folder_that_is_a_link_is_not_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = make(tmp_path / "handbook")
    marker = tmp_path / "ran"
    forge_packs(tmp_path / "elsewhere", marker)
    (tmp_path / "handbook" / ".cache").symlink_to(tmp_path / "elsewhere" / ".cache")
    with caplog.at_level(logging.WARNING):
        check(config)
    assert not marker.exists()
    assert ".cache is a symbolic link: the cache is not read or written" in caplog.text


NOT_A_FOLDER = (
    "handbook: {} is not a folder: the cache is not read or written in this run (runs keep "
    "their cache files in a folder of that name; remove the file)"
)


@pytest.mark.parametrize("file_in_place", [".cache", ".cache/handbook", ".cache/handouts"])
def test_a_cache_folder_that_is_a_file_is_not_used_and_said_once(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    file_in_place: str,
) -> None:
    """`touch .cache`: no cache can be kept there. The check runs without any cache,
    finds what it finds without one, and says why once; the file stays as it is."""
    config = make(tmp_path)
    (tmp_path / file_in_place).parent.mkdir(exist_ok=True)
    (tmp_path / file_in_place).write_bytes(b"not a folder")
    with caplog.at_level(logging.WARNING):
        assert main(["check", "-f", str(config)]) == 1  # the pages' errors (privacy.pii)
        assert check(config) == uncached(config, monkeypatch)
    assert "content/mail.md" in capsys.readouterr().out
    assert [record.getMessage() for record in caplog.records] == [
        NOT_A_FOLDER.format(file_in_place)
    ]
    assert (tmp_path / file_in_place).read_bytes() == b"not a folder"
    if file_in_place != ".cache":  # nor is any other cache written beside it
        assert [path.name for path in (tmp_path / ".cache").iterdir()] == [Path(file_in_place).name]


def test_a_pack_that_is_a_link_is_no_pack(tmp_path: Path) -> None:
    config = make(tmp_path / "handbook")
    marker = tmp_path / "ran"
    forge_packs(tmp_path / "elsewhere", marker)
    cache = tmp_path / "handbook" / CACHE_DIR
    cache.mkdir(parents=True)
    for namespace in FORGED_PACKS:
        (cache / f"{namespace}.pickle").symlink_to(
            tmp_path / "elsewhere" / CACHE_DIR / f"{namespace}.pickle"
        )
    first = check(config)
    assert not marker.exists()
    assert check(config) == first and STATS.results == 1  # the run replaced the links


def test_compiled_templates_tracked_by_git_or_linked_are_not_loaded(tmp_path: Path) -> None:
    from jinja2 import DictLoader, Environment

    from coalition_handbook.site.template_cache import template_code_cache

    repository(tmp_path)
    environment = Environment(loader=DictLoader({"page": "Hello {{ name }}"}))
    code_cache = template_code_cache(tmp_path.resolve())
    assert code_cache is not None
    environment.bytecode_cache = code_cache
    environment.get_template("page")
    (compiled,) = (tmp_path / CACHE_DIR / "templates").glob("*/*")
    assert code_cache.get_bucket(environment, "page", None, "Hello {{ name }}").code is not None
    # A link to a compiled file (here, to the very same one) is not loaded.
    compiled.rename(tmp_path / "compiled")
    compiled.symlink_to(tmp_path / "compiled")
    assert code_cache.get_bucket(environment, "page", None, "Hello {{ name }}").code is None
    compiled.unlink()
    (tmp_path / "compiled").rename(compiled)
    commit_forced(tmp_path)
    assert template_code_cache(tmp_path.resolve()) is None


# What git cannot see: cache files that came with the handbook some other way. Each file
# a run reads back is signed with a key of this user's (`cache_signature`); these tests
# run under the session's key (conftest.py).


def test_a_cache_that_came_in_an_archive_is_not_run_and_is_written_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A repository that forced `.cache/` in, downloaded as an archive (GitHub's "Download
    ZIP", a release tarball) and unpacked outside git: no git to ask (security audit,
    finding 3). Its packs are misses, said nowhere, and the run writes its own."""
    config = make(tmp_path / "unpacked")
    marker = tmp_path / "ran"
    forge_packs(tmp_path / "unpacked", marker, shell=True)
    with caplog.at_level(logging.WARNING):
        findings = check(config)
    assert not marker.exists()
    assert STATS.parsed == 5
    assert caplog.records == []
    assert findings == uncached(config, monkeypatch)
    assert check(config) == findings
    assert STATS.results == 1  # the packs written anew are read back
    assert not marker.exists()


def test_a_cache_that_is_a_git_submodule_is_not_run(tmp_path: Path) -> None:
    """`.cache` as a git submodule: the repository tracks only the submodule's commit, so
    git lists no file in `.cache/handbook` (security audit, finding 3)."""
    marker = tmp_path / "ran"
    forge_packs(tmp_path / "forged", marker)
    forged = tmp_path / "forged" / ".cache"  # the submodule's repository: `handbook/...`
    git(forged, "init", "-q")
    commit(forged, "packs")
    config = repository(tmp_path / "handbook")
    root = tmp_path / "handbook"
    # --force: `.cache/` is in .gitignore; file: addresses are refused unless allowed.
    git(
        root,
        "-c",
        "protocol.file.allow=always",
        "submodule",
        "add",
        "-q",
        "-f",
        str(forged),
        ".cache",
    )
    git(root, "commit", "-q", "-m", "a cache, as a submodule")
    assert (root / CACHE_DIR / "snapshot.pickle").exists()
    assert cache_module.cache_refused(root.resolve()) is None  # git's guard sees nothing
    first = check(config)
    assert not marker.exists()
    assert STATS.parsed == 5
    assert check(config) == first and STATS.results == 1


def test_packs_signed_with_another_key_are_misses_and_written_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Packs a run of another user, or of another machine, made and signed: what a
    handbook copied from that machine brings with it."""
    config = make(tmp_path)
    first = check(config)
    # Outside the handbook: a key inside it is refused.
    monkeypatch.setenv(KEY_FILE_VARIABLE, str(tmp_path_factory.mktemp("another-user") / "key"))
    assert check(config) == first
    assert (STATS.parsed, STATS.results) == (5, 0)
    assert check(config) == first
    assert STATS.results == 1


def test_the_key_is_made_once_outside_the_handbook_for_its_owner_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(KEY_FILE_VARIABLE)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert key_file().path == tmp_path / "home" / ".cache" / "coalition-handbook" / "key"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    key = tmp_path / "xdg" / "coalition-handbook" / "key"
    assert key_file().path == key
    config = make(tmp_path / "handbook")
    first = check(config)
    made = key.read_bytes()
    assert len(bytes.fromhex(made.decode("ascii"))) == 32  # as `openssl rand -hex 32` makes one
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert [path.name for path in key.parent.iterdir()] == ["key"]  # no temporary file left
    packs = list((tmp_path / "handbook" / CACHE_DIR).glob("*.pickle"))
    assert packs and all(pack.read_bytes().startswith(MAGIC) for pack in packs)
    assert check(config) == first and STATS.results == 1
    assert key.read_bytes() == made


def test_without_a_key_the_cache_is_off_and_the_check_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """No key can be made (its folder would be in a file's place: a home folder that
    cannot be written): nothing is cached, the checks run all the same, and one INFO line
    says why."""
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    monkeypatch.setenv(KEY_FILE_VARIABLE, str(tmp_path / "a-file" / "key"))
    config = make(tmp_path / "handbook")
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.handbook"):
        first = check(config)
        assert check(config) == first
    assert STATS.parsed == 5
    assert not (tmp_path / "handbook" / CACHE_DIR).exists()
    said = [record for record in caplog.records if "no cache key" in record.getMessage()]
    assert [record.levelno for record in said] == [logging.INFO]
    assert first == uncached(config, monkeypatch)


def test_a_compiled_template_not_signed_here_is_not_loaded_and_is_written_anew(
    tmp_path: Path,
) -> None:
    from jinja2 import DictLoader, Environment
    from jinja2.bccache import bc_magic

    from coalition_handbook.site.template_cache import template_code_cache

    code_cache = template_code_cache(tmp_path)
    assert code_cache is not None
    loader = DictLoader({"page": "Hello {{ name }}"})
    Environment(loader=loader, bytecode_cache=code_cache).get_template("page")
    (compiled,) = (tmp_path / CACHE_DIR / "templates").glob("*/*")
    assert compiled.read_bytes().startswith(MAGIC)
    # Jinja unpickles the source's checksum before it compares it: here, the forged code.
    marker = tmp_path / "ran"
    compiled.write_bytes(bc_magic + pickle.dumps(_Touch(marker)))
    environment = Environment(loader=loader, bytecode_cache=code_cache)
    assert code_cache.get_bucket(environment, "page", None, "Hello {{ name }}").code is None
    assert not marker.exists()
    assert environment.get_template("page").render(name="you") == "Hello you"
    assert compiled.read_bytes().startswith(MAGIC)
    assert code_cache.get_bucket(environment, "page", None, "Hello {{ name }}").code is not None


def spanish_site(root: Path) -> Path:
    """A second config file beside mkdocs.yml, over the same files, with other settings."""
    config = root / "mkdocs.es.yml"
    config.write_text(
        (root / "mkdocs.yml").read_text(encoding="utf-8").replace("[FBI]", "[FBI, XYZ]"),
        encoding="utf-8",
    )
    return config


def test_two_sites_checked_in_turn_each_keep_their_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each config file's run prunes its own entries only (review: checking or building
    mkdocs.es.yml dropped mkdocs.yml's, so every alternation was a cold run), and each
    still gets its own settings' findings."""
    english = make(tmp_path)
    spanish = spanish_site(tmp_path)
    (tmp_path / "content" / "mail.md").unlink()  # personal data would stop the build
    english_findings = check(english)
    spanish_findings = check(spanish)
    assert check(english) == english_findings
    assert (STATS.results, STATS.parsed) == (1, 0)
    STATS.reset()
    build_site(spanish, strict=False, site_dir=tmp_path / "site-es")
    assert STATS.results == 1
    assert check(english) == english_findings
    assert STATS.results == 1
    assert check(spanish) == spanish_findings
    assert STATS.results == 1
    assert english_findings == uncached(english, monkeypatch)
    assert spanish_findings == uncached(spanish, monkeypatch)
    assert any(f.found == "XYZ" for f in english_findings)
    assert not any(f.found == "XYZ" for f in spanish_findings)


def test_a_sites_own_old_entries_are_still_pruned(tmp_path: Path) -> None:
    english = make(tmp_path)
    spanish = spanish_site(tmp_path)
    check(english)
    english_packs = {path: path.read_bytes() for path in (tmp_path / CACHE_DIR).glob("*.pickle")}
    check(spanish)
    page_pack = tmp_path / CACHE_DIR / "sites" / "mkdocs.es.yml" / "records-page.pickle"
    assert len(read_pack(page_pack)) == len(PAGES)
    (tmp_path / "content" / "other.md").write_text("# Other\n\nNo victim here.\n", encoding="utf-8")
    check(spanish)
    assert STATS.parsed == 1
    assert len(read_pack(page_pack)) == len(PAGES)  # the old version's gone
    assert {path: path.read_bytes() for path in english_packs} == english_packs


def test_the_entries_of_a_config_file_renamed_or_deleted_are_removed(tmp_path: Path) -> None:
    """A site whose config file is gone never runs to prune its entries again: the next
    run that writes removes them, whichever site it is for."""
    english = make(tmp_path)
    spanish = spanish_site(tmp_path)
    check(spanish)
    check(english)
    sites = tmp_path / CACHE_DIR / "sites"
    assert [path.name for path in sites.iterdir()] == ["mkdocs.es.yml"]
    renamed = spanish.rename(tmp_path / "mkdocs.spanish.yml")
    check(renamed)
    assert [path.name for path in sites.iterdir()] == ["mkdocs.spanish.yml"]
    assert (tmp_path / CACHE_DIR / "snapshot.pickle").exists()  # mkdocs.yml is still there
    english.unlink()
    (tmp_path / "glossary" / "survivor.yml").write_text(
        TERMS["survivor"].replace("lived through it", "lived through trafficking"),
        encoding="utf-8",
    )
    check(renamed)
    assert STATS.writes
    assert list((tmp_path / CACHE_DIR).glob("*.pickle")) == []
    assert [path.name for path in sites.iterdir()] == ["mkdocs.spanish.yml"]


def test_another_version_of_a_library_the_cache_depends_on_misses_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Adopter audit: after textstat was installed in another version, a module page kept
    the reading grade of the version before, which `handbook check` no longer gave. The
    engine's fingerprint names the installed versions (not the files' times: a CI run
    installs them anew and its restored cache must stay warm)."""
    import importlib
    import sys

    library = tmp_path / "libraries"
    (library / "handbook_fake_library").mkdir(parents=True)
    (library / "handbook_fake_library" / "__init__.py").write_text("", encoding="utf-8")
    (library / "handbook_fake_library-1.0.dist-info").mkdir()
    monkeypatch.syspath_prepend(str(library))
    monkeypatch.setattr(
        cache_module, "CACHED_LIBRARIES", {"handbook_fake_library": "handbook_fake_library"}
    )

    def fingerprint() -> str:
        importlib.invalidate_caches()
        cache_module.engine_fingerprint.cache_clear()
        return cache_module.engine_fingerprint()

    first = fingerprint()
    assert fingerprint() == first  # the same installation: the same fingerprint
    os.utime(library / "handbook_fake_library" / "__init__.py", (0, 0))
    assert fingerprint() == first  # installed again, the same version
    (library / "handbook_fake_library-1.0.dist-info").rename(
        library / "handbook_fake_library-1.1.dist-info"
    )
    assert fingerprint() != first
    assert "handbook_fake_library" not in sys.modules  # found, not imported
    cache_module.engine_fingerprint.cache_clear()


def test_the_syllable_dictionaries_of_the_reading_grade_key_the_cache_too() -> None:
    """Review: textstat counts syllables with pyphen, and a pyphen upgrade changed every
    module's reading grade while the pages kept the old ones."""
    import importlib.metadata

    installed = importlib.metadata.version("pyphen")
    assert f"pyphen-{installed}.dist-info" in cache_module.library_identities()


def test_regex_keys_the_cache_too() -> None:
    """Review rv3: a tooltip is cut at regex's grapheme clusters; an upgrade of regex must
    not keep the old cuts."""
    import importlib.metadata

    installed = importlib.metadata.version("regex")
    assert f"regex-{installed}.dist-info" in cache_module.library_identities()


@pytest.mark.parametrize("library", ["jinja2", "markupsafe"])
def test_the_template_libraries_key_the_cache_too(library: str) -> None:
    """Review rv17: the term pages' Markdown kept between builds is Jinja's output; an
    upgrade of Jinja or MarkupSafe must not keep the old pages."""
    import importlib.metadata

    installed = importlib.metadata.version(library)
    assert f"{library}-{installed}.dist-info" in cache_module.library_identities()


def test_the_generated_pages_templates_are_kept_compiled_and_an_edit_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Start-up (DESIGN section 10): a build loads the generated pages' templates (the
    term page's, the indexes') compiled by the one before, as the theme's; a template
    edited since is compiled anew."""
    from jinja2 import FileSystemLoader

    from coalition_handbook.site import templates
    from coalition_handbook.site.template_cache import template_code_cache

    environment = templates.environment()
    # Put back as they were when the test ends: other tests render with it.
    monkeypatch.setattr(environment, "bytecode_cache", None)
    monkeypatch.setattr(environment, "cache", {})
    config = make(tmp_path)
    (tmp_path / "content" / "mail.md").unlink()  # personal data would stop the build
    build_site(config, strict=False)
    code_cache = environment.bytecode_cache
    assert code_cache is not None
    assert Path(code_cache.directory).parent == tmp_path / CACHE_DIR / "templates"

    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.md.j2").write_text("Hello {{ name }}", encoding="utf-8")
    monkeypatch.setattr(environment, "loader", FileSystemLoader(folder))
    compiled: list[str] = []
    compile_template = environment.compile

    def counted(source: str, name: str | None = None, *args: object, **kwargs: object) -> object:
        compiled.append(str(name))
        return compile_template(source, name, *args, **kwargs)

    monkeypatch.setattr(environment, "compile", counted)

    def render_in_a_new_build() -> str:
        environment.cache = {}  # a new process
        templates.keep_compiled_templates(template_code_cache(tmp_path))
        return templates.render("page.md.j2", "en", name="you")

    assert render_in_a_new_build() == "Hello you" and compiled == ["page.md.j2"]
    assert render_in_a_new_build() == "Hello you" and compiled == ["page.md.j2"]
    (folder / "page.md.j2").write_text("Goodbye {{ name }}", encoding="utf-8")
    assert render_in_a_new_build() == "Goodbye you" and compiled == ["page.md.j2"] * 2
    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    assert render_in_a_new_build() == "Goodbye you" and compiled == ["page.md.j2"] * 3


def test_compiled_templates_of_another_plugin_or_library_version_are_not_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review rv14: Jinja checks a compiled template's source, not the environment's
    settings and filters compiled into it, so an upgrade that changed them ran the old
    code (a filter made to take the context stopped the build). Each version of the
    plugin and of the libraries that compile templates keeps its own."""
    from jinja2 import DictLoader, Environment

    from coalition_handbook.site import template_cache

    loader = DictLoader({"page.html": "{{ text }}"})

    def render(autoescape: bool) -> str:
        code_cache = template_cache.template_code_cache(tmp_path)
        environment = Environment(loader=loader, autoescape=autoescape, bytecode_cache=code_cache)
        return environment.get_template("page.html").render(text="<b>")

    monkeypatch.setattr(template_cache, "engine_fingerprint", lambda: "the plugin before")
    template_cache._compiler_identity.cache_clear()
    assert render(autoescape=False) == "<b>"
    # The upgrade escapes what the template prints.
    monkeypatch.setattr(template_cache, "engine_fingerprint", lambda: "the plugin after")
    template_cache._compiler_identity.cache_clear()
    assert render(autoescape=True) == "&lt;b&gt;"
    template_cache._compiler_identity.cache_clear()  # as this process computes it


def test_compiled_templates_of_other_versions_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review rv16 (low): each upgrade left its folder of compiled templates (some
    470 KB) behind, and so did the files of a version that kept them in one folder."""
    from coalition_handbook.site import template_cache

    folder = tmp_path / CACHE_DIR / "templates"
    old_version = folder / "0123456789abcdef"
    old_version.mkdir(parents=True)
    (old_version / "__jinja2_ab12.cache").write_bytes(b"code")
    (folder / "__jinja2_cd34.cache").write_bytes(b"code")
    kept_elsewhere = tmp_path / "elsewhere"
    kept_elsewhere.mkdir()
    (folder / "fedcba9876543210").symlink_to(kept_elsewhere)  # never followed
    weeks_ago = old_version.stat().st_mtime - 30 * 24 * 3600  # unused since (review rv19)
    for path in (old_version, folder / "__jinja2_cd34.cache", folder / "fedcba9876543210"):
        os.utime(path, (weeks_ago, weeks_ago), follow_symlinks=False)
    template_cache._remove_other_versions.cache_clear()
    code_cache = template_cache.template_code_cache(tmp_path)
    assert code_cache is not None
    assert sorted(path.name for path in folder.iterdir()) == ["fedcba9876543210"]
    assert kept_elsewhere.exists()
    template_cache._remove_other_versions.cache_clear()


def test_compiled_templates_of_a_version_still_in_use_are_kept(tmp_path: Path) -> None:
    """Review rv19: two installs that build one checkout in turn (a pre-commit hook's
    and the editor's own, or a `mkdocs serve` of the version before still running)
    removed each other's compiled templates at every build, so each compiled them all
    anew. Another version's folder goes once it has been unused for a while."""
    from coalition_handbook.site import template_cache

    folder = tmp_path / CACHE_DIR / "templates"
    in_use = folder / "0123456789abcdef"
    in_use.mkdir(parents=True)
    (in_use / "__jinja2_ab12.cache").write_bytes(b"code")
    unused = folder / "fedcba9876543210"
    unused.mkdir()
    weeks_ago = in_use.stat().st_mtime - 30 * 24 * 3600
    os.utime(unused, (weeks_ago, weeks_ago))
    template_cache._remove_other_versions.cache_clear()
    assert template_cache.template_code_cache(tmp_path) is not None
    assert in_use.is_dir() and (in_use / "__jinja2_ab12.cache").exists()
    assert not unused.exists()
    template_cache._remove_other_versions.cache_clear()


def test_compiled_templates_are_not_removed_through_a_linked_folder(tmp_path: Path) -> None:
    """Review rv19: a `templates` folder that is a link was listed and cleaned where it
    leads, a folder that is not the cache's (a shared one, Jinja's own in /tmp)."""
    from coalition_handbook.site import template_cache

    elsewhere = tmp_path / "elsewhere"
    other = elsewhere / "0123456789abcdef"
    other.mkdir(parents=True)
    (elsewhere / "__jinja2_cd34.cache").write_bytes(b"code")
    weeks_ago = other.stat().st_mtime - 30 * 24 * 3600
    for path in (other, elsewhere / "__jinja2_cd34.cache"):
        os.utime(path, (weeks_ago, weeks_ago))
    (tmp_path / CACHE_DIR).mkdir(parents=True)
    (tmp_path / CACHE_DIR / "templates").symlink_to(elsewhere)
    template_cache._remove_other_versions.cache_clear()
    template_cache.template_code_cache(tmp_path)
    assert other.is_dir() and (elsewhere / "__jinja2_cd34.cache").exists()
    template_cache._remove_other_versions.cache_clear()


def test_compiled_templates_are_marked_in_use_where_links_cannot_be_told_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review rv19: `os.utime(..., follow_symlinks=False)` raises NotImplementedError
    where the system has no such call (Windows): the folder in use is marked all the
    same, and the build goes on."""
    from coalition_handbook.site import template_cache

    utime = os.utime

    def as_on_windows(path: object, *args: object, follow_symlinks: bool = True) -> None:
        if not follow_symlinks:
            raise NotImplementedError("utime: follow_symlinks unavailable on this platform")
        utime(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(template_cache.os, "utime", as_on_windows)
    kept = tmp_path / CACHE_DIR / "templates" / template_cache._compiler_identity()
    kept.mkdir(parents=True)
    weeks_ago = kept.stat().st_mtime - 30 * 24 * 3600
    os.utime(kept, (weeks_ago, weeks_ago))
    template_cache._remove_other_versions.cache_clear()
    assert template_cache.template_code_cache(tmp_path) is not None
    assert kept.stat().st_mtime > weeks_ago
    template_cache._remove_other_versions.cache_clear()
