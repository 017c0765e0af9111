"""Differential test of the incremental `handbook check`: after every random edit (page
text, term forms and status, protocols, modules, settings, files added, removed and
renamed, bad input), the run through the cache gives exactly the findings of a run
without it (HANDBOOK_NO_CACHE=1), and the handbook behind them is the same."""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coalition_handbook.cache import STATS
from coalition_handbook.check import CheckResult, run_checks
from coalition_handbook.config import load_config
from coalition_handbook.documents import pages_using_terms
from coalition_handbook.model.types import Term
from coalition_handbook.rules import privacy_pii

HISTORY = "history:\n  - version: 1\n    date: 2026-01-01\n    summary: First.\n"


def term_file(
    term: str,
    aliases: list[str] = (),  # type: ignore[assignment]
    avoid: list[tuple[str, str]] = (),  # type: ignore[assignment]
    status: str = "approved",
    replaced_by: str | None = None,
    case_sensitive: bool = False,
    definition: str = "A word used on the pages.",
    tags: str = "",
) -> str:
    lines = [f"term: {term}", "version: 1", f"status: {status}", f"definition: {definition}"]
    if aliases:
        lines.append(f"aliases: [{', '.join(aliases)}]")
    if avoid:
        lines.append("avoid:")
        lines += [f"  - text: {text}\n    reason: {reason}" for text, reason in avoid]
    if replaced_by:
        lines.append(f"replaced_by: {replaced_by}")
    if case_sensitive:
        lines.append("case_sensitive: true")
    if tags:
        lines.append(f"tags: [{tags}]")
    return "\n".join(lines) + "\n" + HISTORY


TERMS = {
    "survivor": term_file("survivor", avoid=[("victim", "Person-first.")]),
    "t-visa": term_file("T visa", case_sensitive=True),
    "trafficking": term_file("human trafficking", aliases=["TIP"], avoid=[("slavery", "Vague.")]),
    "hooker": term_file("hooker", status="deprecated", replaced_by="survivor"),
}
PROTOCOL = """\
title: Hotel response for a survivor
version: 1
owner: Committee
effective: 2026-01-01
review_by: {review_by}
audience: [hotel staff]
summary: Call the hotline about a victim.
steps:
  - title: Notice
    detail: Notice signs of human trafficking.
contacts:
  - name: Hotline
    phone: 1-888-373-7888
""" + HISTORY.replace("    date", "    date")
MODULE = """\
---
title: Hotel staff and the victim
version: 1
audience: [hotel staff]
duration: 45 minutes
objectives: [Spot human trafficking, Help a survivor]
protocols: [{protocol}]
{history}---

# Hotel staff

{first}

## Recognize

A victim of TIP may be near.

{second}

## Respond

Call the FBI.
"""
WORDS = [
    "victim",
    "victims'",
    "survivor",
    "t visa",
    "T visa",
    "TIP",
    "a tip",
    "slavery",
    "human-trafficking",
    "hooker",
    "XYZ",
    "NGOs",
    "jane@gmail.com",
    "call 555-123-4567",
    "12 Main Street",
    "`victim` in code",
    "calm",
    "words",
    "and",
    "<!-- handbook-disable-next-line term.avoid -->\n",
    "<!-- handbook-disable -->\n",
    "<!-- handbook-enable -->\n",
    "\n\n",
    "\n",
]


def random_text(rng: random.Random, words: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


class Handbook:
    def __init__(self, root: Path, rng: random.Random) -> None:
        self.root = root
        self.rng = rng
        self.settings = {"known_acronyms": "[FBI]", "rules": "{}", "allow": "[]"}
        (root / "content" / "modules").mkdir(parents=True)
        (root / "glossary").mkdir()
        (root / "protocols").mkdir()
        for term_id, text in TERMS.items():
            self.write(f"glossary/{term_id}.yml", text)
        self.write("protocols/hotel.yml", PROTOCOL.format(review_by="2099-01-01"))
        self.write("content/modules/hotel.md", self.module())
        for index in range(4):
            self.write(f"content/page-{index}.md", f"# Page {index}\n\n{random_text(rng)}\n")
        self.write("content/sub/deep.md", "# Deep\n\nA survivor of slavery.\n")
        self.write_config()

    def write(self, name: str, text: str) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def module(self, protocol: str = "hotel", realize: bool = True) -> str:
        return MODULE.format(
            protocol=protocol,
            history=HISTORY,
            first="## Realize\n\nA survivor of human trafficking." if realize else "Intro.",
            second=random_text(self.rng, 6),
        )

    def write_config(self) -> None:
        settings = self.settings
        self.write(
            "mkdocs.yml",
            "site_name: T\ndocs_dir: content\nplugins:\n  - handbook:\n"
            f"      known_acronyms: {settings['known_acronyms']}\n"
            f"      rules: {settings['rules']}\n"
            f"      privacy: {{allow: {settings['allow']}}}\n",
        )

    def files(self, folder: str, suffix: str) -> list[Path]:
        found = (self.root / folder).rglob(f"*{suffix}")
        return sorted(path for path in found if path.is_symlink() or not path.is_dir())

    # The edits, each picked at random.

    def edit_page(self) -> None:
        pages = [path for path in self.files("content", ".md") if "modules" not in path.parts]
        if not pages:
            return self.add_page()
        page = self.rng.choice(pages)
        text = page.read_text(encoding="utf-8")
        lines = text.split("\n")
        lines.insert(self.rng.randrange(len(lines) + 1), random_text(self.rng, 6))
        page.write_text("\n".join(lines), encoding="utf-8")
        return None

    def same_size_edit(self) -> None:
        """A byte changed, the size and modification time kept: a page, or a term or
        protocol file."""
        files = self.files("content", ".md")
        files += self.files("glossary", ".yml") + self.files("protocols", ".yml")
        page = self.rng.choice([path for path in files if not path.is_symlink()])
        before = page.stat()
        data = bytearray(page.read_bytes())
        if data:
            index = self.rng.randrange(len(data))
            data[index : index + 1] = b"X" if data[index : index + 1] != b"X" else b"Y"
        page.write_bytes(bytes(data))
        os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))

    def add_page(self) -> None:
        name = f"content/new-{self.rng.randrange(1000)}.md"
        self.write(name, f"# New\n\n{random_text(self.rng)}\n")

    def remove_page(self) -> None:
        pages = [path for path in self.files("content", ".md") if "modules" not in path.parts]
        if pages:
            self.rng.choice(pages).unlink()

    def rename_page(self) -> None:
        pages = [path for path in self.files("content", ".md") if "modules" not in path.parts]
        if pages:
            page = self.rng.choice(pages)
            page.rename(page.with_name(f"renamed-{self.rng.randrange(1000)}.md"))

    def edit_text_file(self) -> None:
        """A file published as it is (`model.files`): a list, a flyer, notes."""
        name = self.rng.choice(["content/files/list.csv", "content/flyer.html", "content/a.txt"])
        text = random_text(self.rng, 6)
        if name.endswith(".html"):
            text = f'<p style="color:#555123">\n{text}\n</p>\n'
        self.write(name, text)

    def remove_text_file(self) -> None:
        files = self.files("content", ".csv") + self.files("content", ".html")
        if files:
            self.rng.choice(files).unlink()

    def rename_text_file(self) -> None:
        files = self.files("content", ".csv") + self.files("content", ".txt")
        if files:
            path = self.rng.choice(files)
            path.rename(path.with_name(f"moved-{self.rng.randrange(100)}{path.suffix}"))

    def edit_term(self) -> None:
        rng = self.rng
        term_id = rng.choice([*TERMS, "extra"])
        choices: list[Callable[[], str]] = [
            lambda: term_file("survivor", avoid=[("victim", rng.choice(["Person-first.", "No."]))]),
            lambda: term_file("survivor", aliases=["XYZ"], avoid=[("victim", "Person-first.")]),
            lambda: term_file("survivor", status="deprecated", replaced_by="trafficking"),
            lambda: term_file("T visa", case_sensitive=rng.random() < 0.5),
            lambda: term_file("human trafficking", aliases=["TIP", "slavery"]),
            lambda: term_file(
                "hooker", status="deprecated", replaced_by=rng.choice([*TERMS, "gone"])
            ),
            lambda: term_file("word", definition=random_text(rng, 5)),
            lambda: term_file("calm", tags=f"t{rng.randrange(100)}"),
            lambda: "term: [broken\n",
            lambda: "",
        ]
        if rng.random() < 0.2:
            # Only the reason to avoid a form: the same matcher, other messages.
            reason = rng.choice(["Person-first.", "Say survivor.", ""])
            avoid = [("victim", reason)] if reason else []
            self.write("glossary/survivor.yml", term_file("survivor", avoid=avoid))
        elif term_id in TERMS and rng.random() < 0.4:
            # Definition, tags: what leaves the forms as they were.
            text = TERMS[term_id].replace(
                "A word used on the pages.", random_text(rng, 4).replace("\n", " ")
            )
            self.write(f"glossary/{term_id}.yml", text + f"tags: [e{rng.randrange(99)}]\n")
        else:
            self.write(f"glossary/{term_id}.yml", rng.choice(choices)())

    def remove_term(self) -> None:
        terms = self.files("glossary", ".yml")
        if terms:
            self.rng.choice(terms).unlink()

    def rename_term(self) -> None:
        terms = self.files("glossary", ".yml")
        if terms:
            term = self.rng.choice(terms)
            term.rename(term.with_name(f"moved-{self.rng.randrange(100)}.yml"))

    def misplaced_file(self) -> None:
        self.write(f"glossary/notes-{self.rng.randrange(3)}.txt", "misplaced")

    def edit_protocol(self) -> None:
        review_by = self.rng.choice(["2099-01-01", "2020-01-01"])
        text = PROTOCOL.format(review_by=review_by)
        if self.rng.random() < 0.3:
            text = text.replace("Committee", "Committee\nowner: Twice")
        self.write(f"protocols/{self.rng.choice(['hotel', 'other'])}.yml", text)

    def edit_module(self) -> None:
        protocol = self.rng.choice(["hotel", "other", "missing"])
        self.write("content/modules/hotel.md", self.module(protocol, self.rng.random() < 0.7))

    def edit_settings(self) -> None:
        rng = self.rng
        key = rng.choice(list(self.settings))
        self.settings[key] = rng.choice(
            {
                "known_acronyms": ["[FBI]", "[FBI, XYZ]", "[]"],
                "rules": ["{}", "{term.avoid: off}", "{term.unknown-acronym: error}"],
                "allow": ["[]", "[555-123-4567]"],
            }[key]
        )
        self.write_config()

    def touch(self) -> None:
        path = self.rng.choice(
            self.files("content", ".md")
            + self.files("glossary", ".yml")
            + self.files("content", ".csv")
        )
        path.write_bytes(path.read_bytes())

    def record_folder_entry(self) -> None:
        """What a record folder holds besides its records: a misplaced file, turned into a
        folder or a link to one; a YAML file in a subfolder (one named as a record too);
        a term file renamed by case, or turned into a link to another."""
        rng = self.rng
        folder = self.root / rng.choice(["glossary", "protocols"])
        choice = rng.randrange(4)
        if choice == 0:
            notes = folder / "notes"
            if notes.is_symlink() or notes.is_file():
                notes.unlink()
            elif notes.is_dir():
                shutil.rmtree(notes)
            made = rng.choice(["file", "folder", "link", "none"])
            if made == "file":
                notes.write_text("misplaced", encoding="utf-8")
            elif made == "folder":
                notes.mkdir()
            elif made == "link":
                notes.symlink_to(self.root / "content" / "sub")
        elif choice == 1:
            below = folder / rng.choice(["legal", "drafts.yml", ".hidden"]) / "victim.yml"
            if below.exists():
                below.unlink()
            else:
                self.write(str(below.relative_to(self.root)), "term: victim\n")
        elif choice == 2:
            records = sorted(folder.glob("*.yml"))
            if records:
                record = rng.choice(records)
                name = record.name
                renamed = name.upper() if name.islower() else name.lower()
                if not (folder / renamed).exists():
                    record.rename(folder / renamed)
        else:
            records = [path for path in sorted(folder.glob("*.yml")) if path.is_file()]
            if len(records) > 1:
                record, other = rng.sample(records, 2)
                if not record.is_symlink():
                    record.unlink()
                    record.symlink_to(other)


EDITS = [
    Handbook.edit_page,
    Handbook.edit_page,
    Handbook.edit_page,
    Handbook.same_size_edit,
    Handbook.add_page,
    Handbook.edit_text_file,
    Handbook.edit_text_file,
    Handbook.remove_text_file,
    Handbook.rename_text_file,
    Handbook.remove_page,
    Handbook.rename_page,
    Handbook.edit_term,
    Handbook.edit_term,
    Handbook.remove_term,
    Handbook.rename_term,
    Handbook.misplaced_file,
    Handbook.edit_protocol,
    Handbook.edit_module,
    Handbook.edit_settings,
    Handbook.touch,
    Handbook.record_folder_entry,
]


def cold(config: Path, monkeypatch: pytest.MonkeyPatch) -> CheckResult:
    with monkeypatch.context() as patch:
        patch.setenv("HANDBOOK_NO_CACHE", "1")
        return run_checks(load_config(config))


@pytest.fixture(autouse=True)
def cache_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HANDBOOK_NO_CACHE", raising=False)


def checked_once(root: Path, rng: random.Random) -> tuple[Handbook, Path]:
    """A random handbook in `root`, checked once (the cache filled); and its mkdocs.yml."""
    handbook = Handbook(root, rng)
    config = root / "mkdocs.yml"
    run_checks(load_config(config))
    return handbook, config


@pytest.mark.parametrize("seed", range(8))
def test_incremental_runs_find_what_a_cold_run_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    rng = random.Random(seed)
    handbook, config = checked_once(tmp_path, rng)
    for step in range(25):
        for _ in range(rng.choice([1, 1, 2])):
            rng.choice(EDITS)(handbook)
        if rng.random() < 0.5:
            # Old modification times: the survey trusts unchanged signatures (not racy).
            for index, path in enumerate(sorted(tmp_path.rglob("*.*"))):
                if ".cache" not in path.parts:
                    old = 1_600_000_000_000_000_000 + step * 10**12 + index
                    os.utime(path, ns=(old, old))
        STATS.reset()
        cached = run_checks(load_config(config))
        expected = cold(config, monkeypatch)
        assert cached.findings == expected.findings, f"seed {seed}, step {step}"
        if step % 5 == 0:
            assert set(cached.handbook.terms) == set(expected.handbook.terms)
            assert [page.path for page in cached.handbook.pages] == [
                page.path for page in expected.handbook.pages
            ]
            assert pages_using_terms(cached.context) == pages_using_terms(expected.context)


def test_a_page_saved_while_a_check_runs_leaves_no_finding_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page that appears after the survey listed the files but before the model loads
    them (saved while the check runs) is checked; once it is deleted, its findings go,
    even when the next edits touch pages alone."""
    import coalition_handbook.snapshot as snapshot

    handbook, config = checked_once(tmp_path, random.Random(5))
    handbook.write("glossary/survivor.yml", TERMS["survivor"] + "tags: [edited]\n")
    handbook.write("content/late.md", "# Late\n\nA victim.\n")
    walked = snapshot.walk_docs

    def walk_before_it_is_saved(*args: Any) -> Any:
        walk = walked(*args)
        walk.pages = [path for path in walk.pages if not path.endswith("late.md")]
        return walk

    with monkeypatch.context() as patch:  # the survey lists the pages before it is saved
        patch.setattr(snapshot, "walk_docs", walk_before_it_is_saved)
        during = run_checks(load_config(config)).findings
    assert any(finding.path == "content/late.md" for finding in during)
    (tmp_path / "content" / "late.md").unlink()
    handbook.write("content/page-1.md", "# One\n\nA calm page.\n")
    after = run_checks(load_config(config)).findings
    assert after == cold(config, monkeypatch).findings
    assert not any(finding.path == "content/late.md" for finding in after)


def test_a_text_file_saved_while_a_check_runs_leaves_no_finding_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a page: a list saved after the survey listed the files but before the model
    loads them is checked, and its findings go once it is deleted."""
    import coalition_handbook.snapshot as snapshot

    handbook, config = checked_once(tmp_path, random.Random(5))
    handbook.write("glossary/survivor.yml", TERMS["survivor"] + "tags: [edited]\n")
    handbook.write("content/late.csv", "Jane,555-123-4567\n")
    listed = snapshot.published_files
    with monkeypatch.context() as patch:  # the survey lists the files before it is saved
        patch.setattr(
            snapshot,
            "published_files",
            lambda *args: [path for path in listed(*args) if not path.endswith("late.csv")],
        )
        during = run_checks(load_config(config)).findings
    assert any(finding.path == "content/late.csv" for finding in during)
    (tmp_path / "content" / "late.csv").unlink()
    handbook.write("content/page-1.md", "# One\n\nA calm page.\n")
    after = run_checks(load_config(config)).findings
    assert after == cold(config, monkeypatch).findings
    assert not any(finding.path == "content/late.csv" for finding in after)


def test_a_modules_folder_made_where_there_was_none_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether the modules folder exists decides whether the site makes a training index,
    and so whether `modules.md` stands in its place (page.replaced): an empty folder made
    changes the findings of a page nobody edited."""
    handbook, config = checked_once(tmp_path, random.Random(3))
    shutil.rmtree(tmp_path / "content" / "modules", ignore_errors=True)
    handbook.write("content/modules.md", "# Training\n\nOur sessions.\n")
    before = run_checks(load_config(config)).findings
    assert not any(finding.rule == "page.replaced" for finding in before)
    (tmp_path / "content" / "modules").mkdir()
    after = run_checks(load_config(config)).findings
    assert after == cold(config, monkeypatch).findings
    assert [finding.path for finding in after if finding.rule == "page.replaced"] == [
        "content/modules.md"
    ]


@pytest.mark.parametrize("added", [True, False])
def test_a_module_added_or_removed_beside_a_subfolder_page_of_its_name_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, added: bool
) -> None:
    """module.schema's advice to a module written in a subfolder of modules_dir says
    whether a module of its name is in modules_dir already: one added or removed there
    changes the finding at a page nobody edited (audit: the warm run kept the old
    advice, to move the page over the new module)."""
    handbook, config = checked_once(tmp_path, random.Random(4))
    handbook.write("content/modules/old/hotel-2.md", handbook.module())
    if not added:
        handbook.write("content/modules/hotel-2.md", handbook.module())
    before = run_checks(load_config(config)).findings
    assert any(finding.path == "content/modules/old/hotel-2.md" for finding in before)
    if added:
        handbook.write("content/modules/hotel-2.md", handbook.module())
    else:
        (tmp_path / "content" / "modules" / "hotel-2.md").unlink()
    after = run_checks(load_config(config)).findings
    assert after == cold(config, monkeypatch).findings
    advice = [
        f.message
        for f in after
        if f.path == "content/modules/old/hotel-2.md" and f.rule == "module.schema"
    ]
    assert [("one of that name is there already" in message) for message in advice] == [added]


def test_an_edited_page_alone_is_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handbook, config = checked_once(tmp_path, random.Random(1))
    handbook.write("content/page-1.md", "# One\n\nA victim, and slavery.\n")
    STATS.reset()
    findings = run_checks(load_config(config)).findings
    assert (STATS.parsed, STATS.scanned) == (1, 1)
    assert findings == cold(config, monkeypatch).findings


def privacy_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths privacy.pii reads from now on, in order: which files a run checks again."""
    read: list[str] = []
    check_text = privacy_pii._check_text

    def reading(context: object, path: str, *rest: object) -> object:
        read.append(path)
        return check_text(context, path, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(privacy_pii, "_check_text", reading)
    return read


def test_another_site_url_checks_no_page_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the site is published changes no finding (the handouts' links alone): the
    publish workflow's SITE_URL, absent locally, keeps the check's cache."""
    _, config = checked_once(tmp_path, random.Random(1))
    config.write_text(
        config.read_text(encoding="utf-8") + "site_url: https://example.org/\n", encoding="utf-8"
    )
    read = privacy_reads(monkeypatch)
    findings = run_checks(load_config(config)).findings
    assert [path for path in read if "/modules/" not in path] == []  # modules: always
    assert findings == cold(config, monkeypatch).findings


def test_an_image_added_checks_no_page_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its name is read (privacy.pii), and no page is: none reads what images there are."""
    _, config = checked_once(tmp_path, random.Random(1))
    (tmp_path / "content" / "photo-202-555-0144.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    read = privacy_reads(monkeypatch)
    findings = run_checks(load_config(config)).findings
    # Protocols, modules and settings: read in every run that is not of pages alone.
    assert [path for path in read if path.startswith("content/page")] == []
    assert "content/photo-202-555-0144.png" in {finding.path for finding in findings}
    assert findings == cold(config, monkeypatch).findings


def test_a_record_named_as_an_image_listing_checks_the_pages_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record folder lists bare file names: a term file named `(published) x.yml`
    changes what page.replaced reads as surely as any other, so its listing is no image's
    (review rv44i: the warm run kept the page's findings, without the page.replaced)."""
    _, config = checked_once(tmp_path, random.Random(1))
    (tmp_path / "content" / "glossary").mkdir(exist_ok=True)
    (tmp_path / "content" / "glossary" / "(published) x.md").write_text("# X\n\nPlain.\n")
    run_checks(load_config(config))
    a_term = sorted((tmp_path / "glossary").glob("*.yml"))[0]
    (tmp_path / "glossary" / "(published) x.yml").write_bytes(a_term.read_bytes())
    findings = run_checks(load_config(config)).findings
    assert "page.replaced" in {finding.rule for finding in findings}
    assert findings == cold(config, monkeypatch).findings


def test_a_term_edit_that_keeps_the_forms_checks_no_page_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handbook, config = checked_once(tmp_path, random.Random(2))
    handbook.write("glossary/survivor.yml", TERMS["survivor"] + "tags: [edited]\n")
    STATS.reset()
    result = run_checks(load_config(config))
    assert STATS.parsed == 1  # the term file
    assert STATS.scanned == 0  # its definition, as it was: its scan is the cached one
    assert result.findings == cold(config, monkeypatch).findings


def test_a_term_edit_that_keeps_the_forms_runs_the_page_rules_over_that_term_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handbook, config = checked_once(tmp_path, random.Random(4))
    # A finding in another term's file, which the next run must keep without reading it.
    handbook.write("glossary/t-visa.yml", TERMS["t-visa"] + "tags: [call 555-123-4567]\n")
    run_checks(load_config(config))
    handbook.write(
        "glossary/survivor.yml",
        TERMS["survivor"].replace("A word used on the pages.", "A person; not a slavery victim."),
    )
    read = privacy_reads(monkeypatch)
    result = run_checks(load_config(config))
    assert [path for path in read if path.startswith("glossary/")] == ["glossary/survivor.yml"]
    # Nor a plain page: their forms are as they were (modules are always checked).
    assert [path for path in read if path.startswith("content/")] == ["content/modules/hotel.md"]
    expected = cold(config, monkeypatch).findings
    assert result.findings == expected
    assert any(f.path == "glossary/t-visa.yml" and f.rule == "privacy.pii" for f in expected)
    assert any(f.path == "glossary/survivor.yml" and f.rule == "term.avoid" for f in expected)


def test_a_changed_reason_to_avoid_a_form_reaches_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handbook = Handbook(tmp_path, random.Random(3))
    handbook.write("content/page-0.md", "# Zero\n\nA victim.\n")
    config = tmp_path / "mkdocs.yml"
    run_checks(load_config(config))
    handbook.write("glossary/survivor.yml", term_file("survivor", avoid=[("victim", "Newer.")]))
    findings = run_checks(load_config(config)).findings
    assert findings == cold(config, monkeypatch).findings
    assert any(f.path == "content/page-0.md" and "Newer." in f.message for f in findings)


def test_the_survey_lists_the_files_the_model_loads(tmp_path: Path) -> None:
    from coalition_handbook.model.modules import module_files
    from coalition_handbook.model.pages import walk_docs
    from coalition_handbook.model.records import record_files
    from coalition_handbook.snapshot import survey

    handbook = Handbook(tmp_path, random.Random(4))
    for name in [
        "content/.hidden.md",
        "content/.git/x.md",
        "content/B.md",
        "content/a b.md",
        "content/upper.MD",
        "content/modules/index.md",
        "content/modules/.draft.md",
        "content/modules/sub/nested.md",
        "glossary/.hidden.yml",
        "glossary/notes.yaml",
    ]:
        handbook.write(name, "# X\n")
    (tmp_path / "content" / "dir.md").mkdir()
    (tmp_path / "glossary" / "dir.yml").mkdir()
    (tmp_path / "content" / "linked").symlink_to(tmp_path / "content" / "sub")
    (tmp_path / "content" / "link.md").symlink_to(tmp_path / "content" / "page-0.md")
    (tmp_path / "content" / "modules" / "link.md").symlink_to(tmp_path / "content" / "B.md")
    config = load_config(tmp_path / "mkdocs.yml")
    from coalition_handbook.cache import RunCache

    found = survey(config, RunCache(None), None)
    modules = [str(path) for path in module_files(config)]
    walk = walk_docs(config)  # as the loader walks docs_dir
    pages, text_files = walk.pages, walk.text_files
    records = [
        str(path)
        for folder in ("glossary", "protocols")
        for path in record_files(tmp_path / folder)
    ]
    assert sorted(found.paths.values()) == sorted({*records, *modules, *pages, *text_files})
    assert list(found.plain_pages.values()) == [page for page in pages if page not in modules]
    # `upper.MD` is no page to MkDocs, which copies it as it is
    assert list(found.text_files.values()) == [str(tmp_path / "content" / "upper.MD")]


def test_record_files_get_the_same_signatures_where_the_system_cannot_stat_in_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Term and protocol files are stat'ed relative to their open folder where the system
    allows it; elsewhere (Windows) by path, with the same result."""
    from coalition_handbook.cache import RunCache
    from coalition_handbook.snapshot import survey

    Handbook(tmp_path, random.Random(6))
    (tmp_path / "glossary" / "gone.yml").symlink_to(tmp_path / "glossary" / "missing.yml")
    for path in (tmp_path / "glossary").glob("*.yml"):  # old: trusted, not racy
        if path.exists():
            os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    config = load_config(tmp_path / "mkdocs.yml")
    in_folder = survey(config, RunCache(None), None).files.signatures
    monkeypatch.setattr(os, "supports_dir_fd", set())
    by_path = survey(config, RunCache(None), None).files.signatures
    assert in_folder == by_path
    records = {name: value for name, value in by_path.items() if name.startswith("glossary/")}
    assert records["glossary/gone.yml"] == (0, 0, 0, 0)  # a dangling link: no signature
    survivor = (tmp_path / "glossary" / "survivor.yml").stat()
    assert records["glossary/survivor.yml"] == (
        survivor.st_mtime_ns,
        survivor.st_ctime_ns,
        survivor.st_size,
        survivor.st_ino,
    )


def old_times(root: Path) -> None:
    """Give every input file a modification time long past: the survey trusts it."""
    for index, path in enumerate(sorted(root.rglob("*.*"))):
        if ".cache" not in path.parts and path.is_file():
            os.utime(path, ns=(1_600_000_000_000_000_000 + index,) * 2)


def test_a_run_after_files_were_hashed_again_sees_nothing_changed(tmp_path: Path) -> None:
    """The inputs' digest of a run that hashed files is the one the next survey makes of
    the same files (so a warm run does no more than list and stat them)."""
    from coalition_handbook.cache import RunCache
    from coalition_handbook.snapshot import Snapshot, survey

    _, config = checked_once(tmp_path, random.Random(7))
    old_times(tmp_path)  # every signature changed: the next run hashes every file again
    run_checks(load_config(config))
    cache = RunCache.beside(tmp_path, "mkdocs.yml")
    previous = Snapshot.load(cache)
    assert previous is not None
    assert survey(load_config(config), cache, previous).unchanged


def test_a_term_file_renamed_is_seen_though_the_folder_holds_as_many_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder holding as many names as the last run listed is listed again unless they
    are the same names."""
    from coalition_handbook.cache import RunCache
    from coalition_handbook.snapshot import Snapshot, survey

    _, config = checked_once(tmp_path, random.Random(8))
    old_times(tmp_path)
    run_checks(load_config(config))  # every file's signature trusted from here on
    glossary = tmp_path / "glossary"
    count = len(list(glossary.iterdir()))
    (glossary / "survivor.yml").rename(glossary / "survivor-2.yml")
    assert len(list(glossary.iterdir())) == count
    found = survey(
        load_config(config),
        RunCache.beside(tmp_path, "mkdocs.yml"),
        Snapshot.load(RunCache.beside(tmp_path, "mkdocs.yml")),
    )
    assert "survivor-2.yml" in found.listings
    assert "survivor.yml" not in found.listings
    assert "glossary/survivor-2.yml" in found.paths
    cached = run_checks(load_config(config))
    assert cached.findings == cold(config, monkeypatch).findings
    assert "survivor-2" in cached.handbook.terms
    assert "survivor" not in cached.handbook.terms


def test_a_record_folder_listed_as_last_time_takes_its_record_files_from_the_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record files among a folder's names are sorted out once: a survey that finds
    the names the last run listed takes the last run's record files (at 2,000 terms,
    sorting them out again cost a tenth of a warm run's time over 50 terms'). Names that
    changed are sorted out again: an editor's leftover is no record."""
    from coalition_handbook import snapshot as snapshot_module
    from coalition_handbook.cache import RunCache
    from coalition_handbook.snapshot import Snapshot, survey

    handbook, config = checked_once(tmp_path, random.Random(12))
    cache = RunCache.beside(tmp_path, "mkdocs.yml")
    previous = Snapshot.load(cache)
    assert previous is not None
    assert previous.record_names["glossary"] == snapshot_module._records(
        previous.folder_names["glossary"]
    )
    sorted_out: list[tuple[str, ...]] = []

    def records(names: tuple[str, ...]) -> list[str]:
        sorted_out.append(names)
        return original(names)

    original = snapshot_module._records
    monkeypatch.setattr(snapshot_module, "_records", records)
    found = survey(load_config(config), cache, previous)
    assert sorted_out == []
    glossary = next(files for files in found.records if files.prefix == "glossary/")
    assert glossary.names == original(previous.folder_names["glossary"])
    assert "survivor.yml" in glossary.names
    handbook.write("glossary/survivor.yml~", "term: [\n")
    found = survey(load_config(config), cache, previous)
    assert [names for names in sorted_out if "survivor.yml~" in names]
    glossary = next(files for files in found.records if files.prefix == "glossary/")
    assert "survivor.yml~" not in glossary.names
    assert found.record_names["glossary"] == glossary.names
    monkeypatch.undo()
    assert run_checks(load_config(config)).findings == cold(config, monkeypatch).findings


def test_a_yaml_file_in_a_records_subfolder_is_seen_warm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The subfolders of a record folder are looked in for YAML files among its names
    that are no record; a folder of records alone has none to look in."""
    from coalition_handbook import snapshot as snapshot_module
    from coalition_handbook.cache import RunCache
    from coalition_handbook.snapshot import Snapshot, survey

    handbook, config = checked_once(tmp_path, random.Random(15))
    glossary = tmp_path / "glossary"
    for path in glossary.iterdir():
        if not path.name.endswith(".yml"):
            path.unlink()
    run_checks(load_config(config))
    looked_in: list[Any] = []

    def below(folder: str, names: Any, skip: Any) -> Any:
        # No name gone through when there is none to look at (not a generator of none).
        looked_in.append(names if names == () else list(names))
        return original(folder, iter(looked_in[-1]), skip)

    original = snapshot_module.yaml_files_below
    monkeypatch.setattr(snapshot_module, "yaml_files_below", below)
    cache = RunCache.beside(tmp_path, "mkdocs.yml")
    survey(load_config(config), cache, Snapshot.load(cache))
    assert looked_in[0] == ()
    handbook.write("glossary/legal/victim.yml", "term: victim\n")
    looked_in.clear()
    found = survey(load_config(config), cache, Snapshot.load(cache))
    assert looked_in[0] == ["legal"]
    assert "(below) glossary/legal/victim.yml" in found.listings
    monkeypatch.undo()
    warm = run_checks(load_config(config))
    assert any(finding.path == "glossary/legal/victim.yml" for finding in warm.findings)
    assert warm.findings == cold(config, monkeypatch).findings


@pytest.mark.parametrize("folder", ["glossary", "protocols"])
def test_a_misplaced_file_turned_into_a_folder_and_back_is_seen_warm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    """A name in a record folder that is no record is a finding as a file (or a link),
    none as a folder (its YAML files are): the same names, no record file changed. The
    warm run kept the finding of the file gone, and missed that of the file made."""
    handbook, config = checked_once(tmp_path, random.Random(17))
    notes = tmp_path / folder / "notes"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for make in ("file", "folder", "file", "link", "folder"):
        if notes.is_symlink() or notes.is_file():
            notes.unlink()
        elif notes.is_dir():
            notes.rmdir()
        if make == "file":
            handbook.write(f"{folder}/notes", "misplaced")
        elif make == "link":
            notes.symlink_to(elsewhere)
        else:
            notes.mkdir()
        warm = run_checks(load_config(config)).findings
        expected = cold(config, monkeypatch).findings
        named = any(finding.path == f"{folder}/notes" for finding in expected)
        assert named == (make != "folder"), make
        assert warm == expected, make


def test_a_record_folder_listed_in_the_last_order_is_not_compared_name_by_name(
    tmp_path: Path,
) -> None:
    """The snapshot keeps the order the system listed each record folder in: listed so
    again, the folder holds the last run's names (2,000 names compared as one list, not
    each looked up). Listed in another order, the names are still compared as a set."""
    from dataclasses import replace

    from coalition_handbook.cache import RunCache
    from coalition_handbook.snapshot import Snapshot, survey

    _, config = checked_once(tmp_path, random.Random(16))
    cache = RunCache.beside(tmp_path, "mkdocs.yml")
    previous = Snapshot.load(cache)
    assert previous is not None
    listed = tuple(os.listdir(tmp_path / "glossary"))  # noqa: PTH208 - as the survey lists it
    assert previous.listed_names["glossary"] == listed
    found = survey(load_config(config), cache, previous)
    assert found.listed_names["glossary"] is previous.listed_names["glossary"]
    assert found.folder_names["glossary"] is previous.folder_names["glossary"]
    reordered = replace(previous, listed_names={"glossary": listed[::-1], "protocols": ()})
    found = survey(load_config(config), cache, reordered)
    assert found.folder_names["glossary"] is previous.folder_names["glossary"]
    assert found.listed_names["glossary"] == listed


def test_a_snapshot_with_damaged_record_files_is_no_snapshot(tmp_path: Path) -> None:
    from dataclasses import replace

    from coalition_handbook.cache import RunCache
    from coalition_handbook.snapshot import Snapshot

    checked_once(tmp_path, random.Random(13))
    cache = RunCache.beside(tmp_path, "mkdocs.yml")
    snapshot = Snapshot.load(cache)
    assert snapshot is not None
    for damaged in ({"glossary": None}, {"glossary": ["survivor.yml"]}, {}):
        replace(snapshot, record_names=damaged).store(cache)
        assert Snapshot.load(cache) is None
        replace(snapshot, listed_names=damaged).store(cache)
        assert Snapshot.load(cache) is None
    listed = snapshot.listed_names["glossary"]
    replace(snapshot, listed_names={**snapshot.listed_names, "glossary": listed[1:]}).store(cache)
    assert Snapshot.load(cache) is None


def test_a_snapshot_with_a_damaged_listing_is_no_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from coalition_handbook.cache import RunCache
    from coalition_handbook.snapshot import Snapshot

    handbook, config = checked_once(tmp_path, random.Random(10))
    cache = RunCache.beside(tmp_path, "mkdocs.yml")
    snapshot = Snapshot.load(cache)
    assert snapshot is not None
    replace(snapshot, folder_names={"glossary": None}).store(cache)
    assert Snapshot.load(cache) is None
    handbook.write("glossary/survivor.yml", "term: [\n")
    assert run_checks(load_config(config)).findings == cold(config, monkeypatch).findings


def test_a_listing_with_a_name_twice_is_not_taken_for_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As many names as the folder holds, each of them there, but one twice and one
    missing: not the folder's listing (found in review: the survey ended in an error)."""
    from dataclasses import replace

    from coalition_handbook.cache import RunCache
    from coalition_handbook.snapshot import Snapshot

    _, config = checked_once(tmp_path, random.Random(11))
    cache = RunCache.beside(tmp_path, "mkdocs.yml")
    snapshot = Snapshot.load(cache)
    assert snapshot is not None
    names = snapshot.folder_names["glossary"]
    damaged = (names[0], *names[:-1])
    replace(snapshot, folder_names={**snapshot.folder_names, "glossary": damaged}).store(cache)
    assert run_checks(load_config(config)).findings == cold(config, monkeypatch).findings


def test_a_copy_with_its_cache_hashes_its_files_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A handbook copied elsewhere with its cache (`cp -a`, a CI cache restored to
    another folder): its first run hashes every file (the snapshot names the original's
    folder), and keeps the copy's folder for the next. It kept the original's, and every
    warm run read every file again (three times a warm run's time, found measuring)."""
    from coalition_handbook.cache import RunCache
    from coalition_handbook.snapshot import Snapshot, survey

    original = tmp_path / "original"
    original.mkdir()
    checked_once(original, random.Random(14))
    old_times(original)
    run_checks(load_config(original / "mkdocs.yml"))  # every signature trusted
    copy = tmp_path / "copy"
    shutil.copytree(original, copy, symlinks=True)
    config = load_config(copy / "mkdocs.yml")
    cache = RunCache.beside(copy, "mkdocs.yml")
    assert not survey(config, cache, Snapshot.load(cache)).unchanged
    warm = run_checks(config)
    snapshot = Snapshot.load(cache)
    assert snapshot is not None
    assert snapshot.root == str(copy) + os.sep
    assert survey(config, cache, snapshot).unchanged
    assert warm.findings == cold(copy / "mkdocs.yml", monkeypatch).findings


def test_a_copy_whose_link_now_leads_out_of_it_reads_as_without_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page linked by absolute path to a file of the handbook: in a copy made with its
    cache (`cp -a`), the link leads out of the copy, to a file with every byte and stat
    as before. The warm run kept the findings of the file inside, and a build would have
    published the file outside (found in an audit)."""
    original = tmp_path / "original"
    original.mkdir()
    handbook, _ = checked_once(original, random.Random(11))
    handbook.write("content/notes/shared.md", "# Shared\n\nA word of slavery.\n")
    (original / "content" / "shared.md").symlink_to(original / "content" / "notes" / "shared.md")
    # Old modification times: the survey trusts a signature only then (not racy), and the
    # copy keeps them (review: with new ones, the test passed without the fix).
    for index, path in enumerate(sorted(original.rglob("*.*"))):
        if ".cache" not in path.parts:
            old = 1_600_000_000_000_000_000 + index
            os.utime(path, ns=(old, old), follow_symlinks=False)
    run_checks(load_config(original / "mkdocs.yml"))
    copy = tmp_path / "copy"
    shutil.copytree(original, copy, symlinks=True)
    config = copy / "mkdocs.yml"
    warm = run_checks(load_config(config))
    expected = cold(config, monkeypatch)
    assert any(finding.rule == "page.source" for finding in expected.findings)
    assert warm.findings == expected.findings


def test_a_file_turned_into_a_link_to_the_same_bytes_outside_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A term file replaced by a link to a copy outside the handbook: the same bytes,
    but a file the checks must not read (found in an audit: warm, no finding)."""
    root = tmp_path / "handbook"
    root.mkdir()
    checked_once(root, random.Random(12))
    term = root / "glossary" / "survivor.yml"
    outside = tmp_path / "elsewhere" / "survivor.yml"
    outside.parent.mkdir()
    outside.write_bytes(term.read_bytes())
    term.unlink()
    term.symlink_to(outside)
    config = root / "mkdocs.yml"
    warm = run_checks(load_config(config))
    expected = cold(config, monkeypatch)
    assert any("outside the handbook" in finding.message for finding in expected.findings)
    assert warm.findings == expected.findings


def test_a_page_turned_into_a_link_to_the_same_bytes_out_of_docs_dir_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page replaced by a link to a copy elsewhere in the repository, outside docs_dir:
    the same bytes, but a file the site must not publish (audit: `content/x -> ../.env`).
    Warm, the survey tells it by where it leads, as the check does."""
    root = tmp_path / "handbook"
    root.mkdir()
    checked_once(root, random.Random(12))
    page = next(path for path in sorted((root / "content").glob("*.md")) if not path.is_symlink())
    elsewhere = root / "notes" / page.name
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(page.read_bytes())
    page.unlink()
    page.symlink_to(elsewhere)
    config = root / "mkdocs.yml"
    warm = run_checks(load_config(config))
    expected = cold(config, monkeypatch)
    assert any("outside content/" in finding.message for finding in expected.findings)
    assert warm.findings == expected.findings


@pytest.mark.parametrize(
    "written",
    ['"survivor"', "'survivor'", '"surviv\\x6fr"', ">-\n    survivor", "[ survivor ]"],
)
def test_a_duplicate_form_quoted_or_laid_out_anew_is_reported_where_it_now_stands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: str
) -> None:
    """glossary.duplicate points inside the quotes at the form as written (`found`):
    quoting it, or writing it as a block, moves both, which the warm run kept as they
    were (found in an audit)."""
    handbook, config = checked_once(tmp_path, random.Random(13))
    plain = term_file("zorblat").replace("status: approved\n", "aliases:\n  - survivor\n")
    handbook.write("glossary/zorblat.yml", plain)
    assert run_checks(load_config(config)).findings == cold(config, monkeypatch).findings
    if written.startswith("["):
        handbook.write("glossary/zorblat.yml", plain.replace("\n  - survivor", f" {written}"))
    else:
        handbook.write("glossary/zorblat.yml", plain.replace("- survivor", f"- {written}"))
    warm = run_checks(load_config(config))
    expected = cold(config, monkeypatch)
    assert [f for f in expected.findings if f.rule == "glossary.duplicate"]
    assert warm.findings == expected.findings


@pytest.mark.parametrize("damage", ["a byte", "digests lost"])
def test_a_snapshot_whose_file_list_is_damaged_is_a_miss_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    """One byte changed inside the snapshot's list of files ended every later run in an
    UnpicklingError, until the cache was deleted (found in an audit); signatures without
    their digests, in a KeyError (found in review)."""
    import pickle
    from dataclasses import replace

    from coalition_handbook.cache import RunCache
    from coalition_handbook.snapshot import Files, Snapshot

    handbook, config = checked_once(tmp_path, random.Random(14))
    for index, path in enumerate(sorted(tmp_path.rglob("*.*"))):
        if ".cache" not in path.parts:  # old times: signatures the survey trusts
            os.utime(path, ns=(1_600_000_000_000_000_000 + index,) * 2)
    run_checks(load_config(config))
    cache = RunCache.beside(tmp_path, "mkdocs.yml")
    snapshot = Snapshot.load(cache)
    assert snapshot is not None
    if damage == "a byte":
        damaged = b"\xff" + snapshot.files.pickled()[1:]
    else:
        damaged = pickle.dumps((snapshot.files.signatures, {}))
    replace(snapshot, files=Files.from_pickle(damaged)).store(cache)
    handbook.write("content/page-0.md", "# Page\n\nA word of slavery.\n")
    assert run_checks(load_config(config)).findings == cold(config, monkeypatch).findings


@pytest.mark.parametrize("edited", ["content/page-0.md", "glossary/survivor.yml"])
@pytest.mark.parametrize("wrong", [("x", 1), ("x", [1], None), ("x",), (((1,),), ())])
def test_cache_entries_of_another_shape_are_misses_not_tracebacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edited: str, wrong: tuple[object, ...]
) -> None:
    """Every entry of the parsed files' and the scans' packs replaced by a value that
    unpickles but is no entry: a ValueError or AttributeError after the next edit (found
    in an audit). Damage to the cache only means a miss."""
    import pickle

    from test_cache import read_pack, write_pack

    from coalition_handbook.cache import CACHE_DIR

    _, config = checked_once(tmp_path, random.Random(15))
    packs = sorted((tmp_path / CACHE_DIR).glob("*/*.pickle")) + sorted(
        (tmp_path / CACHE_DIR).glob("*.pickle")
    )
    damaged = [pack for pack in packs if pack.name.startswith(("records-", "scan-"))]
    assert len(damaged) >= 4
    for pack in damaged:
        write_pack(pack, {key: pickle.dumps(wrong) for key in read_pack(pack)})
    path = tmp_path / edited
    path.write_text(path.read_text("utf-8") + "\nslavery\n", encoding="utf-8")
    assert run_checks(load_config(config)).findings == cold(config, monkeypatch).findings


def test_a_term_edit_reads_the_forms_of_that_term_alone_for_glossary_duplicate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """glossary.duplicate keeps what it read of each term file by the file's text: after
    one term's edit it reads that term alone, and finds what a cold run finds, a form
    now claimed twice included."""
    from coalition_handbook.rules import glossary_duplicate

    handbook, config = checked_once(tmp_path, random.Random(6))
    read: list[str] = []
    part = glossary_duplicate._part

    def reading(term: Term) -> str:
        read.append(term.id)
        return part(term)

    monkeypatch.setattr(glossary_duplicate, "_part", reading)
    handbook.write("glossary/survivor.yml", TERMS["survivor"] + "tags: [edited]\n")
    warm = run_checks(load_config(config)).findings
    assert read == ["survivor"]
    assert warm == cold(config, monkeypatch).findings
    read.clear()
    handbook.write("glossary/t-visa.yml", term_file("T visa", aliases=["victim"]))
    warm = run_checks(load_config(config)).findings
    assert read == ["t-visa"]
    assert warm == cold(config, monkeypatch).findings
    assert any(f.rule == "glossary.duplicate" and f.path == "glossary/t-visa.yml" for f in warm)


def test_what_glossary_duplicate_kept_of_the_terms_damaged_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coalition_handbook.cache import RunCache
    from coalition_handbook.rules import glossary_duplicate

    handbook, config = checked_once(tmp_path, random.Random(6))
    loaded = load_config(config)
    cache = RunCache.beside(loaded.root, loaded.config_name)
    memo_key = cache.key(glossary_duplicate.RULE, "parts")
    kept = cache.load("rules", memo_key)
    assert isinstance(kept, dict) and len(kept) == len(TERMS)
    # A digest of what it read of each term, not the text read: a small pack to rewrite.
    assert all(isinstance(part, bytes) and len(part) == 32 for part in kept.values())
    cache.store("rules", memo_key, dict.fromkeys(kept, 7))  # of another shape
    cache.flush(prune=False)
    handbook.write("glossary/survivor.yml", term_file("survivor", aliases=["TIP"]))
    warm = run_checks(load_config(config)).findings
    assert warm == cold(config, monkeypatch).findings
    assert any(f.rule == "glossary.duplicate" for f in warm)


def test_a_term_edit_works_out_no_generated_page_where_no_page_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """page.replaced compares pages with the pages the site generates, one per term: a
    run after a term edit that checks no page (no module, the plain pages' findings kept)
    works none of them out, and finds what a cold run finds."""
    from coalition_handbook.rules import page_replaced

    handbook = Handbook(tmp_path, random.Random(7))
    shutil.rmtree(tmp_path / "content" / "modules")
    handbook.write("content/glossary/survivor.md", "# Mine\n\nA page in the term's place.\n")
    config = tmp_path / "mkdocs.yml"
    run_checks(load_config(config))
    worked_out: list[object] = []
    generated_pages = page_replaced._generated_pages

    def counted(*args: object) -> object:
        worked_out.append(args)
        return generated_pages(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(page_replaced, "_generated_pages", counted)
    handbook.write("glossary/survivor.yml", TERMS["survivor"] + "tags: [edited]\n")
    warm = run_checks(load_config(config)).findings
    assert worked_out == []
    expected = cold(config, monkeypatch).findings
    assert warm == expected
    assert any(f.rule == "page.replaced" for f in expected)


def test_page_replaced_lists_a_records_folder_only_where_a_page_is_published_in_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A term's page is published in `glossary/`: where no page of docs_dir is, none can be
    in a term's place, and the address of each of thousands of terms' pages is not
    worked out; where one is, it is reported as before."""
    from coalition_handbook.rules import page_replaced

    handbook = Handbook(tmp_path, random.Random(7))
    config = tmp_path / "mkdocs.yml"
    listed: list[str] = []
    ids = page_replaced._ids
    monkeypatch.setattr(
        page_replaced, "_ids", lambda folder: listed.append(folder.name) or ids(folder)
    )
    assert not any(f.rule == "page.replaced" for f in cold(config, monkeypatch).findings)
    assert listed == []
    handbook.write("content/glossary/survivor.md", "# Mine\n\nA page in the term's place.\n")
    replaced = [f.path for f in cold(config, monkeypatch).findings if f.rule == "page.replaced"]
    assert listed == ["glossary"]
    assert replaced == ["content/glossary/survivor.md"]


def test_a_term_edit_scans_again_only_what_changed_in_what_its_scan_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A term's scan is cached by what it reads (its definition and short, and where each
    is written): tags edited, nothing is scanned and the matcher's tables are not read;
    the definition edited, or moved in the file, it is scanned again, and every run
    finds what a cold run finds, where it now stands."""
    from coalition_handbook.matching import Matcher

    handbook, config = checked_once(tmp_path, random.Random(8))
    tables_read: list[str] = []
    read_tables = Matcher.__getattr__

    def reading(matcher: Matcher, name: str) -> object:
        tables_read.append(name)
        return read_tables(matcher, name)

    monkeypatch.setattr(Matcher, "__getattr__", reading)
    survivor = TERMS["survivor"]
    defined = survivor.replace("A word used on the pages.", "Not a slavery victim.")
    with_short = survivor.replace(
        "version: 1", "short: A person who lived through slavery.\nversion: 1", 1
    )
    edits = [
        (survivor + "tags: [edited]\n", 0),
        (defined, 1),
        ("# A note.\n" + defined, 1),  # the same definition a line down: its findings move
        (with_short, 1),
        (with_short + "tags: [again]\n", 0),
    ]
    for text, scanned in edits:
        handbook.write("glossary/survivor.yml", text)
        STATS.reset()
        tables_read.clear()
        warm = run_checks(load_config(config)).findings
        assert (STATS.parsed, STATS.scanned) == (1, scanned), text
        if not scanned:
            assert tables_read == [], text
        assert warm == cold(config, monkeypatch).findings, text
        assert any(f.rule == "term.avoid" and f.path == "glossary/survivor.yml" for f in warm) == (
            "slavery" in text
        )


def _records_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys of the term records (and their facts) that each later run reads from the
    cache (unpickles), in a list that the caller clears."""
    from coalition_handbook.cache import RunCache

    read: list[str] = []
    load = RunCache.load

    def reading(cache: RunCache, namespace: str, key: str, *rest: object) -> object:
        value = load(cache, namespace, key, *rest)  # type: ignore[arg-type]
        if namespace == "records-term" and value is not None:
            read.append(key)
        return value

    monkeypatch.setattr(RunCache, "load", reading)
    return read


def test_a_term_edit_that_keeps_the_forms_reads_no_other_term_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The terms that did not change are read (unpickled) only when a check looks at
    more of them than their facts: after an edit of tags, none is. Only their facts are
    read, in one entry."""
    handbook, config = checked_once(tmp_path, random.Random(2))
    read = _records_read(monkeypatch)
    handbook.write("glossary/survivor.yml", TERMS["survivor"] + "tags: [edited]\n")
    STATS.reset()
    warm = run_checks(load_config(config)).findings
    assert STATS.parsed == 1  # the term file
    assert len(read) == 1  # the facts of the others
    assert warm == cold(config, monkeypatch).findings


# Term edits that change what the checks over every term read, each made after the first
# run, then another term's edit (the first file now unchanged, its term not read): every
# run finds what a cold run finds.
TERM_EDITS = {
    "a form added": ("glossary/t-visa.yml", term_file("T visa", aliases=["TV"])),
    "a form removed": ("glossary/trafficking.yml", term_file("human trafficking")),
    "deprecated": (
        "glossary/trafficking.yml",
        term_file("human trafficking", status="deprecated", replaced_by="survivor"),
    ),
    "replaced by a deprecated term": (
        "glossary/survivor.yml",
        term_file("survivor", status="deprecated", replaced_by="hooker"),
    ),
    "case sensitive": ("glossary/survivor.yml", term_file("survivor", case_sensitive=True)),
    "related to another term": (
        "glossary/t-visa.yml",
        term_file("T visa") + "related: [survivor, gone, survivor]\n",
    ),
    "a form of another term": ("glossary/t-visa.yml", term_file("T visa", aliases=["survivor"])),
    "a schema error": ("glossary/t-visa.yml", term_file("T visa").replace("version: 1", "x: 1")),
    "history broken": (
        "glossary/t-visa.yml",
        term_file("T visa").replace("version: 1", "version: 2"),
    ),
    "history in the future": ("glossary/t-visa.yml", term_file("T visa").replace("2026-", "2999-")),
    "a short with markup": ("glossary/t-visa.yml", term_file("T visa") + "short: A *visa*.\n"),
    "a suppression comment": (
        "glossary/t-visa.yml",
        term_file("T visa", definition="'Not slavery. <!-- handbook-disable-line term.avoid -->'"),
    ),
    "a new term of the same form": ("glossary/visa.yml", term_file("T visa")),
}


@pytest.mark.parametrize("edit", TERM_EDITS)
def test_a_term_edit_then_another_finds_what_a_cold_run_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str
) -> None:
    handbook, config = checked_once(tmp_path, random.Random(9))
    name, text = TERM_EDITS[edit]
    handbook.write(name, text)
    assert run_checks(load_config(config)).findings == cold(config, monkeypatch).findings
    read = _records_read(monkeypatch)
    # Another term's edit, its tags: the file edited before is now read as it was.
    handbook.write("glossary/hooker.yml", TERMS["hooker"] + "tags: [edited]\n")
    warm = run_checks(load_config(config)).findings
    expected = cold(config, monkeypatch).findings
    assert warm == expected, edit
    # A term file left unread is read for a finding to place in it, or for its
    # suppression comments; no other.
    with_comments = {
        f"glossary/{path.name}"
        for path in (tmp_path / "glossary").glob("*.yml")
        if "handbook-" in path.read_text(encoding="utf-8")
    }
    looked_at = {f.path for f in expected if f.path.startswith("glossary/")} | with_comments
    assert len(read) <= 1 + len(looked_at)
    # And undone: its findings go with it.
    handbook.write(name, TERMS.get(Path(name).stem, ""))
    if name not in (f"glossary/{term_id}.yml" for term_id in TERMS):
        (tmp_path / name).unlink()
    assert run_checks(load_config(config)).findings == cold(config, monkeypatch).findings


@pytest.mark.parametrize("change", ["deleted", "renamed"])
def test_a_term_file_deleted_or_renamed_that_others_name_finds_what_a_cold_run_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    """Another term names it (`replaced_by`, `related`), unchanged and so left unread."""
    handbook, config = checked_once(tmp_path, random.Random(10))
    handbook.write("glossary/t-visa.yml", term_file("T visa") + "related: [survivor]\n")
    run_checks(load_config(config))
    survivor = tmp_path / "glossary" / "survivor.yml"
    if change == "deleted":
        survivor.unlink()
    else:
        survivor.rename(survivor.with_name("survivors.yml"))
    warm = run_checks(load_config(config)).findings
    expected = cold(config, monkeypatch).findings
    assert warm == expected
    assert {f.path for f in expected if f.rule == "glossary.reference"} == {
        "glossary/hooker.yml",
        "glossary/t-visa.yml",
    }


def test_a_term_that_fails_to_load_stays_listed_and_fails_again() -> None:
    """Review rv15 (low): a deferred term whose loading failed was dropped from the
    loaders but still listed, so `in` said no while iteration named it."""
    from coalition_handbook.model.term_facts import LazyTerms

    attempts: list[int] = []

    def load() -> Term:
        attempts.append(1)
        raise OSError("unreadable")

    terms = LazyTerms({}, {"survivor": (object(), load)}, ["survivor"])  # type: ignore[dict-item]
    for _ in range(2):
        with pytest.raises(OSError):
            terms["survivor"]
        assert "survivor" in terms and list(terms) == ["survivor"] and len(terms) == 1
    assert len(attempts) == 2


RECORD_EDITS: dict[str, tuple[str, Callable[[Handbook, int], str]]] = {
    "term": ("glossary/survivor.yml", lambda _, edit: TERMS["survivor"] + f"tags: [e{edit}]\n"),
    "protocol": (
        "protocols/hotel.yml",
        lambda _, edit: PROTOCOL.format(review_by="2099-01-01").replace("Committee", f"T{edit}"),
    ),
    "module": ("content/modules/hotel.md", lambda book, edit: book.module() + f"\nEdit {edit}.\n"),
    # The forms moved down a line more at each edit: glossary.duplicate's reading changes.
    "rules": ("glossary/survivor.yml", lambda _, edit: "#\n" * (edit + 1) + TERMS["survivor"]),
}


@pytest.mark.parametrize("kind", RECORD_EDITS)
def test_record_edits_that_keep_the_forms_leave_no_old_record_in_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """Review rv19: a run after an edit that kept the terms' forms pruned no pack (it
    leaves pages out), so each edit's record stayed beside the one before, and the
    records pack, read and signed again by every such run, grew with every edit. Such a
    run loads every term, protocol and module file (or holds it unread), and runs
    glossary.duplicate, whose findings the `rules` pack keeps: those packs are pruned all
    the same."""
    from coalition_handbook.cache import RunCache

    def records() -> int:
        namespace = kind if kind == "rules" else f"records-{kind}"
        return len(RunCache.beside(tmp_path, "mkdocs.yml")._pack(namespace))

    handbook, config = checked_once(tmp_path, random.Random(6))
    after_a_full_run = records()
    name, text = RECORD_EDITS[kind]
    for edit in range(3):
        handbook.write(name, text(handbook, edit))
        assert run_checks(load_config(config)).findings == cold(config, monkeypatch).findings
    assert records() == after_a_full_run
