"""The handout cache: nothing changed renders nothing; one changed definition re-renders
exactly the handouts that use the term; a failed render loses no published PDF."""

from __future__ import annotations

import ast
import errno
import hashlib
import importlib
import importlib.util
import json
import logging
import os
import shutil
import subprocess
import tempfile
import tracemalloc
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest
from conftest import require_or_skip
from git_repositories import commit, git
from site_builds import BIN, build_site
from test_handouts import (
    TERMS,
    context_of,
    module_text,
    require_weasyprint,
    write_handbook,
    write_linking_handbook,
)

from coalition_handbook.cache_signature import HANDOUT, KEY_FILE_VARIABLE, verified
from coalition_handbook.config import load_config
from coalition_handbook.rules.privacy_allow import public_phone_keys, public_short_codes
from coalition_handbook.rules.privacy_public_phones import public_phone_numbers
from coalition_handbook.site import (
    handout_cache,
    handout_command,
    handout_problems,
    handout_render,
    handouts,
)
from coalition_handbook.site.handout_cache import (
    CACHE_DIR,
    HandoutCache,
    cache_key,
    write_atomically,
)
from coalition_handbook.site.handout_held_phones import held_public_phones
from coalition_handbook.site.handout_render import HandoutError


def outcomes(root: Path, output: Path) -> dict[str, str]:
    report = handouts.build_handouts(context_of(root / "mkdocs.yml"), output)
    return {result.module.id: result.outcome for result in report.results}


def three_modules() -> dict[str, str]:
    """`debt` uses debt bondage; `hotel` and `community` do not."""
    return {
        "debt": module_text("Debt", "Watch for debt bondage.\n", protocols="[]"),
        "hotel": module_text("Hotel", protocols="[hotel-staff]"),
        "community": module_text("Community", protocols="[]"),
    }


@pytest.mark.pdf
def test_second_build_renders_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    require_weasyprint()
    write_handbook(tmp_path, modules=three_modules())
    output = tmp_path / "site" / "handouts"
    assert set(outcomes(tmp_path, output).values()) == {"rendered"}
    first = {path.name: path.read_bytes() for path in output.iterdir()}

    def no_render(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("rendered although nothing changed")

    monkeypatch.setattr(handout_render, "render_pdf", no_render)
    assert set(outcomes(tmp_path, output).values()) == {"cached"}
    assert {path.name: path.read_bytes() for path in output.iterdir()} == first
    # A build into a cleaned site (as mkdocs build does) is served from the cache too.
    fresh = tmp_path / "fresh"
    assert set(outcomes(tmp_path, fresh).values()) == {"cached"}
    assert (fresh / "debt.pdf").read_bytes() == first["debt.pdf"]


@pytest.mark.pdf
def test_changing_a_definition_rerenders_exactly_the_handouts_that_use_it(
    tmp_path: Path,
) -> None:
    require_weasyprint()
    write_handbook(tmp_path, modules=three_modules())
    output = tmp_path / "out"
    outcomes(tmp_path, output)
    term_file = tmp_path / "glossary" / "debt-bondage.yml"
    term_file.write_text(
        TERMS["debt-bondage"].replace("Work demanded as repayment", "Labour demanded as repayment"),
        encoding="utf-8",
    )
    assert outcomes(tmp_path, output) == {
        "community": "cached",
        "debt": "rendered",
        "hotel": "cached",
    }
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(output / "debt.pdf").pages)
    assert "Labour demanded as repayment" in text


@pytest.mark.pdf
def test_a_key_terms_newer_history_alone_rerenders_its_handouts(tmp_path: Path) -> None:
    """The handout is dated by the latest change to what it prints (its key terms' too):
    a term's new version with the same definition (a new tag) must not leave a cached
    PDF with the older date, which a build without the cache would not make (review)."""
    require_weasyprint()
    write_handbook(tmp_path, modules=three_modules())
    output = tmp_path / "out"
    outcomes(tmp_path, output)
    term_file = tmp_path / "glossary" / "debt-bondage.yml"
    term_file.write_text(
        TERMS["debt-bondage"]
        .replace("version: 1\ndefinition", "version: 2\ntags: [labor]\ndefinition")
        .replace(
            "history:\n", "history:\n  - version: 2\n    date: 2027-01-20\n    summary: Tagged.\n"
        ),
        encoding="utf-8",
    )
    assert outcomes(tmp_path, output) == {
        "community": "cached",
        "debt": "rendered",
        "hotel": "cached",
    }
    from pypdf import PdfReader

    assert "2027-01-20" in PdfReader(output / "debt.pdf").pages[0].extract_text()


@pytest.mark.pdf
def test_changing_a_protocol_rerenders_the_modules_that_name_it(tmp_path: Path) -> None:
    require_weasyprint()
    write_handbook(tmp_path, modules=three_modules())
    output = tmp_path / "out"
    outcomes(tmp_path, output)
    protocol = tmp_path / "protocols" / "hotel-staff.yml"
    protocol.write_text(
        protocol.read_text(encoding="utf-8").replace("Tell your manager", "Tell a manager"),
        encoding="utf-8",
    )
    assert outcomes(tmp_path, output) == {
        "community": "cached",
        "debt": "cached",
        "hotel": "rendered",
    }


SQUARE = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">'
    '<rect width="40" height="40" fill="{}"/></svg>'
)


@pytest.mark.pdf
def test_changing_an_image_a_module_shows_rerenders_its_handout(tmp_path: Path) -> None:
    """The key is the handout's text: an image the module shows (a poster with a hotline
    number) changed without it, and the old PDF was published (found by the security
    review). The files a render read are kept beside its PDF and compared."""
    require_weasyprint()
    modules = three_modules()
    modules["hotel"] = module_text("Hotel", "![The poster](poster.svg)\n")
    write_handbook(tmp_path, modules=modules)
    poster = tmp_path / "content" / "modules" / "poster.svg"
    poster.write_text(SQUARE.format("red"), encoding="utf-8")
    output = tmp_path / "out"
    assert set(outcomes(tmp_path, output).values()) == {"rendered"}
    first = (output / "hotel.pdf").read_bytes()
    assert set(outcomes(tmp_path, output).values()) == {"cached"}
    poster.write_text(SQUARE.format("blue"), encoding="utf-8")
    assert outcomes(tmp_path, output) == {
        "community": "cached",
        "debt": "cached",
        "hotel": "rendered",
    }
    assert (output / "hotel.pdf").read_bytes() != first
    assert set(outcomes(tmp_path, output).values()) == {"cached"}
    poster.unlink()  # a missing image is a change too
    assert outcomes(tmp_path, output)["hotel"] == "rendered"


@pytest.mark.pdf
def test_a_failed_render_keeps_the_published_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    require_weasyprint()
    write_handbook(tmp_path, modules=three_modules())
    output = tmp_path / "out"
    outcomes(tmp_path, output)
    published = (output / "debt.pdf").read_bytes()

    def broken(*args: object, **kwargs: object) -> bytes:
        raise HandoutError("WeasyPrint failed: test")

    monkeypatch.setattr(handout_render, "render_pdf", broken)
    (tmp_path / "glossary" / "debt-bondage.yml").write_text(
        TERMS["debt-bondage"].replace("never be paid off", "never be repaid"), encoding="utf-8"
    )
    report = handouts.build_handouts(context_of(tmp_path / "mkdocs.yml"), output)
    failed = {result.module.id: result for result in report.results if result.outcome == "failed"}
    assert list(failed) == ["debt"]
    assert failed["debt"].problem == "WeasyPrint failed: test"
    assert (output / "debt.pdf").read_bytes() == published
    # Into a cleaned site, the last good PDF comes back from the cache.
    cleaned = tmp_path / "cleaned"
    report = handouts.build_handouts(context_of(tmp_path / "mkdocs.yml"), cleaned)
    assert (cleaned / "debt.pdf").read_bytes() == published
    assert [result.outcome for result in report.results].count("failed") == 1


@pytest.mark.pdf
def test_an_edit_undone_renders_nothing_and_the_cache_keeps_three_pdfs_a_module(
    tmp_path: Path,
) -> None:
    """Audit: an edit tried and undone while `mkdocs serve` ran rendered every handout it
    touched again, seconds each, the cache keeping one PDF a module."""
    require_weasyprint()
    write_handbook(tmp_path, modules=three_modules())
    output = tmp_path / "out"
    outcomes(tmp_path, output)
    term = tmp_path / "glossary" / "debt-bondage.yml"
    for wording in ("never be repaid", "never be paid back", "never end"):
        term.write_text(TERMS["debt-bondage"].replace("never be paid off", wording), "utf-8")
        assert outcomes(tmp_path, output)["debt"] == "rendered"
    folder = tmp_path / CACHE_DIR / "debt"
    assert len(list(folder.glob("*.pdf"))) == len(list(folder.glob("*.files.json"))) == 3
    term.write_text(TERMS["debt-bondage"].replace("never be paid off", "never be repaid"), "utf-8")
    assert outcomes(tmp_path, output)["debt"] == "cached"  # undone twice: still kept
    # The one used last is the last good one, which a failed render falls back on.
    cache = HandoutCache.beside(tmp_path, "mkdocs.yml")
    assert cache.last_good_pdf("debt") == (output / "debt.pdf").read_bytes()


# Without rendering: the key and the atomic write.


def test_key_covers_paper_size_and_key_terms_not_unused_terms(tmp_path: Path) -> None:
    write_handbook(tmp_path, modules=three_modules())
    context = context_of(tmp_path / "mkdocs.yml")
    community = handouts.handout_content(context, context.handbook.modules["community"])
    key = cache_key(community)
    assert cache_key(community) == key
    from dataclasses import replace

    assert cache_key(replace(community, paper_size="Letter")) != key
    assert cache_key(replace(community, site_name="Other")) != key
    assert cache_key(replace(community, key_terms=community.key_terms[:1])) != key
    # Their national numbers are kept whole (`handout_phones`).
    assert cache_key(replace(community, phone_countries=("GB",))) != key
    # privacy.allow's numbers are links in its text (`handout_phone_links`).
    assert cache_key(replace(community, public_phones=("911",))) != key

    (tmp_path / "glossary" / "debt-bondage.yml").write_text(
        TERMS["debt-bondage"].replace("never be paid off", "never be repaid"), encoding="utf-8"
    )
    context = context_of(tmp_path / "mkdocs.yml")
    again = handouts.handout_content(context, context.handbook.modules["community"])
    assert cache_key(again) == key
    # Nor a key term's tooltip line, which the handout does not print (audit).
    term = community.key_terms[0]
    tooltip = replace(term, short=f"{term.short} Changed.")
    assert cache_key(replace(community, key_terms=(tooltip, *community.key_terms[1:]))) == key


def test_a_number_allowed_changes_the_key_of_the_handouts_that_hold_it_only(
    tmp_path: Path,
) -> None:
    """Every handout's key held the whole allow list, so a number added to it (or taken
    out) rendered every handout again: now those whose text holds it only. The hotel
    protocol prints the hotline and 911; `debt` a number of its own, written in two
    parts; `community` none."""
    modules = {
        **three_modules(),
        "debt": module_text("Debt", "Call *1-800*-843-5678 for help.\n", protocols="[]"),
    }
    config_file = write_handbook(tmp_path, modules=modules)
    written = config_file.read_text(encoding="utf-8")
    allowed = '["1-888-373-7888", "233733", "911"]'
    assert allowed in written

    def keys(allow: str) -> dict[str, str]:
        config_file.write_text(written.replace(allowed, allow), encoding="utf-8")
        context = context_of(config_file)
        return {
            module_id: cache_key(handouts.handout_content(context, module))
            for module_id, module in context.handbook.modules.items()
        }

    def changed(allow: str) -> set[str]:
        return {module_id for module_id, key in keys(allow).items() if key != before[module_id]}

    before = keys(allowed)
    assert changed('["1-888-373-7888", "233733", "911", "1-800-843-5678"]') == {"debt"}
    assert changed('["1-888-373-7888", "233733"]') == {"hotel"}
    assert changed('["1-888-373-7888", "233733", "911", "+44 20 7946 0958"]') == set()
    context = context_of(config_file)
    hotel = handouts.handout_content(context, context.handbook.modules["hotel"])
    assert hotel.public_phones == ("233733", "8883737888", "911")


def test_a_number_written_with_yaml_escapes_is_held(tmp_path: Path) -> None:
    """An objective in double quotes may write its digits as YAML escapes: the handout
    prints them as digits, which the site links."""
    escaped = '  - "Call \\u0039\\u0038\\u0038 to reach the crisis line."\n'
    module = module_text("Relay", protocols="[]").replace(
        "  - Describe what a survivor may be going through.\n", escaped
    )
    assert escaped in module
    config_file = write_handbook(tmp_path, modules={"relay": module})
    written = config_file.read_text(encoding="utf-8")
    config_file.write_text(written.replace('"911"]', '"911", "988"]'), encoding="utf-8")
    context = context_of(config_file)
    relay = context.handbook.modules["relay"]
    assert "Call 988 to" in relay.objectives[0]
    assert "988" in handouts.handout_content(context, relay).public_phones


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Call 1-888-373-7888 or text 233733.", ["233733", "8883737888"]),
        ("Call 1 (888) 373 7888, not 1-800-843-5677.", ["8883737888"]),
        ("In danger, call &#57;11.", ["911"]),  # a reference
        ("In danger, call ٩١١.", ["911"]),  # Arabic-Indic digits
        ("Call 1-800-THE-LOST (843-5678).", ["8008435678"]),  # letters between its digits
        ("Room 202-555-0100 x12", ["2025550100", "2025550100x12"]),  # and its extension
        ("Version 3, 2026-03-14, 45 minutes", []),
    ],
)
def test_the_allowed_numbers_a_text_holds(text: str, held: list[str]) -> None:
    public = public_phone_keys(
        ["1-888-373-7888", "233733", "911", "1-800-843-5678", "202-555-0100x12"]
    )
    assert [key for key in held_public_phones([text], public) if "*" not in key] == held


@pytest.mark.parametrize(
    ("allow", "text"),
    [
        ("٩١١", "اتصل بالرقم ٩١١ الآن"),  # Arabic-Indic digits, listed and written
        ("٩١١", "In danger, call 911."),
        ("+٩٦٦ ١١ ٤٦٤ ٥٥٥٥", "اتصل +٩٦٦ ١١ ٤٦٤ ٥٥٥٥ الآن"),
        ("١٢٣٤٥٦", "أرسل رسالة إلى ١٢٣٤٥٦"),  # a short code
    ],
)
def test_a_number_listed_in_another_script_s_digits_is_held(allow: str, text: str) -> None:
    """privacy.allow may write its numbers in Arabic-Indic digits, as an Arabic handbook
    writes them: the site links them (`public_phone_numbers`), and the handout did until
    it was given only the numbers its text holds, read from each key's ASCII digits
    (none: no number held, no link; review rv60f)."""
    public = public_phone_keys([allow])
    linked = [
        *public_phone_numbers(text, public),
        *public_short_codes(text, public),
    ]
    held = set(held_public_phones([text], public))
    assert [*public_phone_numbers(text, held), *public_short_codes(text, held)] == linked
    assert held or not linked


def test_a_long_run_of_digits_is_read_in_memory_that_grows_as_it_does() -> None:
    """Every end and beginning of each run of digits was kept, however long: a run of n
    digits held some n * n characters (a run of 100,000, a table's digits written
    together, some 10 GB: review rv60f). Only those a number can read are kept now, so
    twice the digits take about twice the memory, not four times."""

    def peak(digits: int) -> int:
        text = "Ref " + "1234567890" * (digits // 10) + ", call 1-888-373-7888."
        public = public_phone_keys(["1-888-373-7888", "911"])
        tracemalloc.start()
        try:
            assert held_public_phones([text], public) == ("8883737888",)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    assert peak(8_000) < 2.5 * peak(4_000)


def test_key_covers_the_site_url_and_not_where_pages_are_without_one(tmp_path: Path) -> None:
    """The footer names the site's address, and the links lead there: a site_url changed
    makes every handout again; `use_directory_urls` alone changes none without one."""
    config_file = write_handbook(tmp_path, modules=three_modules())
    written = config_file.read_text(encoding="utf-8")

    def key(settings: str) -> str:
        config_file.write_text(written + settings, encoding="utf-8")
        context = context_of(config_file)
        return cache_key(handouts.handout_content(context, context.handbook.modules["community"]))

    without = key("")
    assert key("use_directory_urls: false\n") == without
    at_example = key("site_url: https://example.org/\n")
    assert at_example != without
    assert key("site_url: https://example.org\n") == at_example  # as MkDocs reads it
    assert key("site_url: https://example.org/handbook/\n") != at_example


@pytest.mark.pdf
def test_a_handout_is_made_again_where_its_links_lead_elsewhere(tmp_path: Path) -> None:
    """Its links to the handbook change the PDF, which its text does not tell: a site_url
    changed makes every handout again; a page it links to that comes (or goes), or
    `use_directory_urls`, makes again only the handouts whose links lead elsewhere."""
    require_weasyprint()
    config_file = write_linking_handbook(tmp_path)
    community = tmp_path / "content" / "modules" / "community.md"
    community.write_text(module_text("Community", protocols="[]"), encoding="utf-8")
    written = config_file.read_text(encoding="utf-8")
    output = tmp_path / "out"

    def made(settings: str) -> dict[str, str]:
        config_file.write_text(written + settings, encoding="utf-8")
        return outcomes(tmp_path, output)

    site = "site_url: https://example.org/handbook/\n"
    assert set(made(site).values()) == {"rendered"}
    assert set(made(site).values()) == {"cached"}
    assert set(made("site_url: https://example.net/\n").values()) == {"rendered"}
    assert set(made(site).values()) == {"cached"}  # the PDFs of before, kept
    assert made(site + "use_directory_urls: false\n") == {
        "community": "cached",
        "links": "rendered",
    }
    to_come = tmp_path / "content" / "coalition" / "to-come.md"
    to_come.write_text("# A page to come\n", encoding="utf-8")
    assert made(site) == {"community": "cached", "links": "rendered"}
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(output / "links.pdf").pages)
    # Spaces aside: the address breaks where the line ends.
    assert "apagetocome(https://example.org/handbook/coalition/to-come/)" in "".join(text.split())
    to_come.unlink()
    assert made(site) == {"community": "cached", "links": "rendered"}


def test_atomic_write_leaves_the_old_file_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "x.pdf"
    target.write_bytes(b"old")

    def refuse(self: Path, other: Path) -> Path:
        raise OSError("disk full")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["x.pdf"]


@pytest.mark.parametrize("bytes_there", [b"the last handout", b"new"])
def test_a_killed_run_s_half_written_handout_goes_when_the_handout_is_written(
    tmp_path: Path, bytes_there: bytes
) -> None:
    """`handbook handouts` killed (SIGKILL, a power cut) between writing a PDF's temporary
    file and renaming it left half a PDF, hidden, in site/handouts/ for good, where a
    folder synced or deployed whole takes it (audit: crash and concurrency). The next
    write of that handout removes it, written again or not; another file's stays."""
    target = tmp_path / "hotel-staff.pdf"
    target.write_bytes(bytes_there)
    target.chmod(0o644)
    left = tmp_path / ".hotel-staff.pdf.k1ll3d"  # as `write_atomically` names them
    left.write_bytes(b"%PDF-1.7 half")
    other = tmp_path / ".health-care.pdf.k1ll3d"
    other.write_bytes(b"%PDF-1.7 half")

    write_atomically(target, b"new")

    assert target.read_bytes() == b"new"
    assert not left.exists()
    assert other.exists()  # another handout's: its own next write removes it


def test_a_file_that_holds_the_bytes_already_is_not_written_again(tmp_path: Path) -> None:
    """A published handout that did not change keeps its time (audit: every run wrote
    each PDF again, so a synced folder of handouts changed every time); a link is
    replaced by a file of its own, as before."""
    target = tmp_path / "x.pdf"
    write_atomically(target, b"same")
    os.utime(target, ns=(1_000_000_000, 1_000_000_000))
    write_atomically(target, b"same")
    assert target.stat().st_mtime_ns == 1_000_000_000
    write_atomically(target, b"changed")
    assert target.read_bytes() == b"changed" and target.stat().st_mtime_ns != 1_000_000_000
    target.chmod(0o600)  # the same bytes, but no one else may read them: written again
    write_atomically(target, b"changed")
    assert target.stat().st_mode & 0o777 == 0o644
    elsewhere = tmp_path / "elsewhere.pdf"
    elsewhere.write_bytes(b"same")
    link = tmp_path / "link.pdf"
    link.symlink_to(elsewhere)
    write_atomically(link, b"same")
    assert not link.is_symlink() and link.read_bytes() == b"same"


def test_last_good_pdf_is_none_for_an_unknown_module(tmp_path: Path) -> None:
    assert HandoutCache(tmp_path).last_good_pdf("nothing") is None


# Only PDFs this machine's runs wrote are published: not one that came with the
# repository, not a link, and as the last good one only a file named by a key.

RENDERED = b"%PDF-1.7 rendered here"
FORGED = b"%PDF-1.7 forged, committed to the repository"


def _render_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(handout_render, "render_pdf", lambda *args, **kwargs: RENDERED)


def _forged_in_git(root: Path) -> Path:
    """The handbook in git, with a PDF under the current key of `community`, forced in."""
    write_handbook(root, modules=three_modules())
    context = context_of(root / "mkdocs.yml")
    key = cache_key(handouts.handout_content(context, context.handbook.modules["community"]))
    forged = root / CACHE_DIR / "community" / f"{key}.pdf"
    forged.parent.mkdir(parents=True)
    forged.write_bytes(FORGED)
    (root / ".gitignore").write_text(".cache/\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-f", ".cache")
    commit(root, "handbook, and a cache forced in")
    return forged


def test_a_handout_in_a_cache_tracked_by_git_is_not_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    forged = _forged_in_git(tmp_path)
    _render_here(monkeypatch)
    output = tmp_path / "out"
    with caplog.at_level(logging.WARNING):
        assert outcomes(tmp_path, output)["community"] == "rendered"
    assert (output / "community.pdf").read_bytes() == RENDERED
    assert ".cache/handouts is tracked by git: the cache is not read" in caplog.text
    assert forged.read_bytes() == FORGED  # nor written
    assert [path.name for path in forged.parent.iterdir()] == [forged.name]


@pytest.mark.slow
def test_a_build_publishes_no_handout_from_a_cache_tracked_by_git(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    _forged_in_git(tmp_path)
    _render_here(monkeypatch)
    with caplog.at_level(logging.INFO):
        site = build_site(tmp_path / "mkdocs.yml", strict=False)
    assert (site / "handouts" / "community.pdf").read_bytes() == RENDERED
    assert "3 rendered, 0 from the cache, 0 failed" in caplog.text
    assert caplog.text.count("is tracked by git") == 1


def test_a_cached_handout_that_is_a_link_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_handbook(tmp_path, modules=three_modules())
    context = context_of(tmp_path / "mkdocs.yml")
    key = cache_key(handouts.handout_content(context, context.handbook.modules["community"]))
    elsewhere = tmp_path / "elsewhere.pdf"
    elsewhere.write_bytes(FORGED)
    linked = tmp_path / CACHE_DIR / "community" / f"{key}.pdf"
    linked.parent.mkdir(parents=True)
    linked.symlink_to(elsewhere)
    _render_here(monkeypatch)
    output = tmp_path / "out"
    assert outcomes(tmp_path, output)["community"] == "rendered"
    assert (output / "community.pdf").read_bytes() == RENDERED
    assert elsewhere.read_bytes() == FORGED  # the link was replaced, not written through


@pytest.mark.parametrize(
    "name",
    [
        "0.pdf",  # a regular file no run named
        "0" * 64 + ".pdf",  # named as by a run, but a link
    ],
)
def test_the_last_good_handout_is_a_file_a_run_wrote(tmp_path: Path, name: str) -> None:
    """A module with errors gets its last good PDF from the cache: never through a link
    (`0.pdf -> /etc/passwd` was copied to out/mod.pdf), nor a file no run named."""
    write_handbook(tmp_path, modules=three_modules())
    secret = tmp_path / "secret"
    secret.write_bytes(b"%PDF-1.7 not a handout: a file outside the cache")
    cached = tmp_path / CACHE_DIR / "community" / name
    cached.parent.mkdir(parents=True)
    if name == "0.pdf":
        cached.write_bytes(secret.read_bytes())
    else:
        cached.symlink_to(secret)
    context = context_of(tmp_path / "mkdocs.yml")
    held_back = {"content/modules/community.md": "the module has errors"}
    report = handouts.build_handouts(context, tmp_path / "out", held_back)
    (result,) = [result for result in report.results if result.module.id == "community"]
    assert (result.outcome, result.path) == ("failed", None)
    assert not (tmp_path / "out" / "community.pdf").exists()
    assert HandoutCache(tmp_path / CACHE_DIR).last_good_pdf("community") is None


def test_the_last_good_handout_a_run_wrote_is_still_published(tmp_path: Path) -> None:
    write_handbook(tmp_path, modules=three_modules())
    HandoutCache(tmp_path / CACHE_DIR).put("community", "0" * 64, b"%PDF-1.7 good")
    context = context_of(tmp_path / "mkdocs.yml")
    held_back = {"content/modules/community.md": "the module has errors"}
    handouts.build_handouts(context, tmp_path / "out", held_back)
    assert (tmp_path / "out" / "community.pdf").read_bytes() == b"%PDF-1.7 good"


def _cached_pdf(root: Path, module_id: str) -> Path:
    (pdf,) = (root / CACHE_DIR / module_id).glob("*.pdf")
    return pdf


def _swap_in(root: Path, module_id: str, pdf: bytes) -> None:
    """What a supplier of a copied handbook can do without the user's key: put `pdf` in
    the place of the module's cached PDF, with a record that vouches for it."""
    cached = _cached_pdf(root, module_id)
    manifest = cached.with_name(f"{cached.stem}.files.json")
    data = manifest.read_bytes()
    payload = verified(data, HANDOUT)
    kept = json.loads(bytes(payload) if payload is not None else data)
    kept["pdf"] = hashlib.sha256(pdf).hexdigest()
    manifest.write_text(json.dumps(kept), encoding="utf-8")
    cached.write_bytes(pdf)


def test_a_handout_swapped_into_a_copied_cache_is_not_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review rv1, finding 2: the digest that vouched for a cached PDF sat beside it, so a
    handbook handed over with its `.cache/` published whatever PDF came with it. Only a
    record signed with this user's key vouches for one; a normal second build renders
    none all the same (DESIGN section 8)."""
    write_handbook(tmp_path, modules=three_modules())
    _render_here(monkeypatch)
    output = tmp_path / "out"
    assert set(outcomes(tmp_path, output).values()) == {"rendered"}
    assert set(outcomes(tmp_path, output).values()) == {"cached"}
    _swap_in(tmp_path, "community", FORGED)
    assert outcomes(tmp_path, output) == {
        "community": "rendered",
        "debt": "cached",
        "hotel": "cached",
    }
    assert (output / "community.pdf").read_bytes() == RENDERED
    assert set(outcomes(tmp_path, output).values()) == {"cached"}  # its record made anew


def test_handouts_cached_by_another_user_are_rendered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The handbook and its cache copied to another user (another key): none of the
    PDFs that came with it is published from the cache, and that user's are."""
    write_handbook(tmp_path, modules=three_modules())
    _render_here(monkeypatch)
    output = tmp_path / "out"
    outcomes(tmp_path, output)
    # Outside the handbook: a key inside it is refused.
    monkeypatch.setenv(KEY_FILE_VARIABLE, str(tmp_path_factory.mktemp("another-user") / "key"))
    assert set(outcomes(tmp_path, output).values()) == {"rendered"}
    assert set(outcomes(tmp_path, output).values()) == {"cached"}


def test_without_a_key_no_handout_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No key can be made (a file in its folder's place): no record could be trusted, so
    every handout is rendered, and published all the same."""
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    monkeypatch.setenv(KEY_FILE_VARIABLE, str(tmp_path / "a-file" / "key"))
    write_handbook(tmp_path, modules=three_modules())
    _render_here(monkeypatch)
    output = tmp_path / "out"
    assert set(outcomes(tmp_path, output).values()) == {"rendered"}
    assert set(outcomes(tmp_path, output).values()) == {"rendered"}
    assert (output / "community.pdf").read_bytes() == RENDERED
    assert not (tmp_path / CACHE_DIR).exists()


def test_a_last_good_handout_swapped_in_is_not_published(tmp_path: Path) -> None:
    """A module with errors keeps its last good PDF only where this user's run wrote it."""
    write_handbook(tmp_path, modules=three_modules())
    HandoutCache(tmp_path / CACHE_DIR).put("community", "0" * 64, b"%PDF-1.7 good")
    _swap_in(tmp_path, "community", FORGED)
    context = context_of(tmp_path / "mkdocs.yml")
    held_back = {"content/modules/community.md": "the module has errors"}
    handouts.build_handouts(context, tmp_path / "out", held_back)
    assert not (tmp_path / "out" / "community.pdf").exists()


def test_a_cached_handout_cut_short_is_rendered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Audit: a PDF a killed copy or a CI cache restored in part cut short was published
    as "cached", broken."""
    write_handbook(tmp_path, modules=three_modules())
    _render_here(monkeypatch)
    output = tmp_path / "out"
    assert set(outcomes(tmp_path, output).values()) == {"rendered"}
    assert set(outcomes(tmp_path, output).values()) == {"cached"}
    cached = _cached_pdf(tmp_path, "community")
    cached.write_bytes(RENDERED[:10])
    assert outcomes(tmp_path, output) == {
        "debt": "cached",
        "hotel": "cached",
        "community": "rendered",
    }
    assert (output / "community.pdf").read_bytes() == RENDERED
    assert cached.read_bytes() == RENDERED  # kept whole again


def test_a_cached_handout_without_its_digest_is_rendered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older cache's record of what a PDF was made from holds no digest of the PDF."""
    write_handbook(tmp_path, modules=three_modules())
    _render_here(monkeypatch)
    output = tmp_path / "out"
    outcomes(tmp_path, output)
    (manifest,) = (tmp_path / CACHE_DIR / "community").glob("*.files.json")
    manifest.write_text("{}", encoding="utf-8")  # as older runs wrote one: files alone
    assert outcomes(tmp_path, output)["community"] == "rendered"


def test_a_last_good_handout_cut_short_is_not_published(tmp_path: Path) -> None:
    write_handbook(tmp_path, modules=three_modules())
    cache = HandoutCache(tmp_path / CACHE_DIR)
    cache.put("community", "0" * 64, b"%PDF-1.7 good")
    _cached_pdf(tmp_path, "community").write_bytes(b"%PDF-1.7 go")
    held_back = {"content/modules/community.md": "the module has errors"}
    report = handouts.build_handouts(
        context_of(tmp_path / "mkdocs.yml"), tmp_path / "out", held_back
    )
    (result,) = [result for result in report.results if result.module.id == "community"]
    assert (result.outcome, result.path) == ("failed", None)
    assert not (tmp_path / "out" / "community.pdf").exists()


def test_a_module_folder_that_is_a_link_holds_no_handout(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / ("0" * 64 + ".pdf")).write_bytes(b"%PDF-1.7 from elsewhere")
    (tmp_path / CACHE_DIR).mkdir(parents=True)
    (tmp_path / CACHE_DIR / "community").symlink_to(elsewhere)
    cache = HandoutCache(tmp_path / CACHE_DIR)
    assert cache.last_good_pdf("community") is None
    assert cache.get("community", "0" * 64) is None
    assert cache.put("community", "1" * 64, b"%PDF-1.7 new") is None
    assert sorted(path.name for path in elsewhere.iterdir()) == ["0" * 64 + ".pdf"]


# A cache that cannot be kept costs the next build its time, never the handouts.


@pytest.mark.slow
@pytest.mark.parametrize("file_in_place", [".cache", ".cache/handouts"])
def test_a_build_makes_the_handouts_without_a_cache_folder_that_is_a_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    file_in_place: str,
) -> None:
    """`touch .cache && mkdocs build` ended in a traceback (NotADirectoryError where the
    cache made a module's folder); `handbook handouts` said it cannot write them."""
    write_handbook(tmp_path, modules=three_modules())
    (tmp_path / file_in_place).parent.mkdir(exist_ok=True)
    (tmp_path / file_in_place).write_bytes(b"")
    _render_here(monkeypatch)
    with caplog.at_level(logging.INFO):
        site = build_site(tmp_path / "mkdocs.yml", strict=False)
    assert (site / "handouts" / "community.pdf").read_bytes() == RENDERED
    assert "3 rendered, 0 from the cache, 0 failed" in caplog.text
    assert [
        record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING
    ] == [
        f"handbook: {file_in_place} is not a folder: the cache is not read or written in this "
        "run (runs keep their cache files in a folder of that name; remove the file)"
    ]
    config = load_config(tmp_path / "mkdocs.yml")
    assert handout_command.run_handouts(config, tmp_path / "out") == 0
    assert (tmp_path / "out" / "community.pdf").read_bytes() == RENDERED
    assert (tmp_path / file_in_place).is_file()


UNWRITABLE = (
    "handouts: .cache/handouts cannot be written (Permission denied): the handout cache is "
    "not written in this run; the PDFs are published all the same, and the next build makes "
    "them again"
)


def _refuse_cache_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Writing into the handout cache fails as in a folder without write permission (root,
    who runs some test machines, writes whatever a folder's mode says)."""

    def refuse(path: Path, data: bytes) -> None:
        # As `mkstemp` raises it: naming the temporary file it could not make.
        temporary = path.with_name(f".{path.name}.d_ksjm29")
        raise PermissionError(errno.EACCES, "Permission denied", str(temporary))

    monkeypatch.setattr(handout_cache, "write_atomically", refuse)


@pytest.mark.slow
def test_a_build_publishes_the_handouts_when_their_cache_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    write_handbook(tmp_path, modules=three_modules())
    _render_here(monkeypatch)
    _refuse_cache_writes(monkeypatch)
    with caplog.at_level(logging.INFO):
        site = build_site(tmp_path / "mkdocs.yml", strict=False)
    assert sorted(path.name for path in (site / "handouts").iterdir()) == [
        "community.pdf",
        "debt.pdf",
        "hotel.pdf",
    ]
    assert "3 rendered, 0 from the cache, 0 failed" in caplog.text
    warnings = [
        record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING
    ]
    assert warnings == [UNWRITABLE]  # once, not once per module


def test_handouts_command_says_once_that_their_cache_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_handbook(tmp_path, modules=three_modules())
    _render_here(monkeypatch)
    _refuse_cache_writes(monkeypatch)
    assert handout_command.run_handouts(load_config(tmp_path / "mkdocs.yml"), tmp_path / "out") == 0
    assert (tmp_path / "out" / "debt.pdf").read_bytes() == RENDERED
    assert capsys.readouterr().err == f"handbook: {UNWRITABLE}\n"


def test_handouts_command_says_when_there_is_no_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Adopter audit: a new handbook whose modules were not in the modules folder got no
    word at all, and exit 0, which read as "all made"."""
    write_handbook(tmp_path, modules={})
    monkeypatch.chdir(tmp_path)
    assert handout_command.run_handouts(load_config(tmp_path / "mkdocs.yml"), None) == 0
    assert capsys.readouterr().err == (
        "handbook: no training module in content/modules/, so no handout to make (the "
        "plugin's option modules_dir names the folder, in docs_dir)\n"
    )


@pytest.mark.parametrize(
    "module_name",
    [
        "markdown.raw_html",
        "site.print_only",
        "site.handout_problems",
        "site.handout_phones",
        "rules.privacy_personal_data",
        "rules.privacy_phones",
        "rules.privacy_streets",
        "rules.soft_breaks",
        "letters",
        "rules.privacy_emails",
        "rules.privacy_links",
    ],
)
def test_the_renderer_digest_covers_what_the_pdf_is_made_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module_name: str
) -> None:
    """The Key terms box shows definitions through `raw_html.tags_as_text`, and the
    author's HTML is printed without what `print_only` takes out: a change to either
    changes the PDFs, so it renders them again (found in review, each). What a render
    could not print is kept beside its PDF, as `handout_problems` says it: a new way of
    saying it (where a drawing's picture is placed) makes the PDF again. The phone
    numbers a handout keeps whole are found by the privacy rule's finders
    (`privacy_personal_data`), with the patterns they share: a change to `soft_breaks` or
    `letters` did not make the PDFs again (review rv6)."""
    module = importlib.import_module(f"coalition_handbook.{module_name}")
    handout_render.renderer_digest.cache_clear()
    before = handout_render.renderer_digest()
    another_version = tmp_path / "another_version.py"
    another_version.write_text("# another version\n", encoding="utf-8")
    monkeypatch.setattr(module, "__file__", str(another_version))
    handout_render.renderer_digest.cache_clear()
    try:
        assert handout_render.renderer_digest() != before
    finally:
        monkeypatch.undo()
        handout_render.renderer_digest.cache_clear()


def test_the_renderer_digest_covers_every_module_the_renderer_imports(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each module of the package that the renderer imports, directly or not, as Python's
    own parser reads the imports, is read into the digest (review rv6: a list kept by
    hand left out three of the phone finders' modules)."""
    parsed = modules_imported_by("coalition_handbook.site.handout_render")
    assert "coalition_handbook.rules.soft_breaks" in parsed  # the parsing below works
    assert "coalition_handbook.model.glossary" in parsed  # through model/__init__.py
    hashed: set[Path] = set()
    read_bytes = Path.read_bytes

    def recorded(path: Path) -> bytes:
        hashed.add(path.resolve())
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", recorded)
    handout_render.renderer_digest.cache_clear()
    try:
        handout_render.renderer_digest()
    finally:
        monkeypatch.undo()
        handout_render.renderer_digest.cache_clear()
    assert sorted(name for name in parsed if module_file(name) not in hashed) == []


def module_file(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).resolve()


def modules_imported_by(name: str) -> set[str]:
    """`name` and the package's modules it imports, directly or not, by `ast`, with the
    packages they are in, whose `__init__` Python runs before them (review rv8)."""
    found: set[str] = set()
    waiting = [name]
    while waiting:
        module_name = waiting.pop()
        try:
            spec = importlib.util.find_spec(module_name)
        except ModuleNotFoundError:  # a name imported from a module, not a package
            continue
        if module_name in found or spec is None or spec.origin is None:
            continue
        found.add(module_name)
        waiting += (
            module_name.rsplit(".", depth)[0] for depth in range(1, module_name.count(".") + 1)
        )
        is_package = spec.submodule_search_locations is not None
        package = module_name if is_package else module_name.rpartition(".")[0]
        tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                waiting += (a.name for a in node.names if a.name.startswith("coalition_"))
            elif isinstance(node, ast.ImportFrom):
                base = importlib.util.resolve_name("." * node.level + (node.module or ""), package)
                if base.startswith("coalition_handbook"):
                    waiting.append(base)
                    waiting += (f"{base}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("package", handout_cache.RENDERING_PACKAGES)
def test_the_key_covers_the_version_of_each_package_that_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, package: str
) -> None:
    """An upgrade of Python-Markdown or its extensions changes what a handout prints as
    WeasyPrint's does: the cache served the old PDFs after one (found in an audit)."""
    write_handbook(tmp_path, modules=three_modules())
    context = context_of(tmp_path / "mkdocs.yml")
    community = handouts.handout_content(context, context.handbook.modules["community"])
    key = cache_key(community)
    installed = handout_cache.metadata.version

    def upgraded(name: str) -> str:
        return "99.0" if name == package else installed(name)

    monkeypatch.setattr(handout_cache.metadata, "version", upgraded)
    assert cache_key(community) != key


def test_a_handout_with_characters_no_font_had_is_made_again_once_the_fonts_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Audit: after the font the warning asked for was installed, the cached PDF kept its
    empty boxes and the warning, now untrue, kept failing --strict. The fonts are read
    only for such a PDF (a cached one otherwise loads no WeasyPrint)."""
    write_handbook(tmp_path, modules=three_modules())
    (no_font,) = handout_problems.described(
        ['.notdef glyph rendered for Unicode string unsupported by fonts: "\u05e1"'],
        tmp_path,
    )

    def render(content: handout_render.HandoutContent, **kwargs: list) -> bytes:
        if content.module.id == "debt":
            kwargs["problems"].append(no_font)
        return RENDERED

    fonts = ["monospace only"]
    monkeypatch.setattr(handout_render, "render_pdf", render)
    monkeypatch.setattr(handout_render, "font_set_digest", lambda: fonts[0])
    output = tmp_path / "out"
    assert set(outcomes(tmp_path, output).values()) == {"rendered"}
    assert set(outcomes(tmp_path, output).values()) == {"cached"}
    fonts[0] = "with a Hebrew font"
    assert outcomes(tmp_path, output) == {
        "debt": "rendered",
        "hotel": "cached",
        "community": "cached",
    }
    assert outcomes(tmp_path, output)["debt"] == "cached"


def fontconfig_file(folder: Path, *fonts: Path) -> Path:
    """A fontconfig setup that finds only `fonts` (none: a slim image with Pango but no
    font package), for `FONTCONFIG_FILE` in a subprocess."""
    (folder / "fonts").mkdir(parents=True, exist_ok=True)
    for font in fonts:
        shutil.copy(font, folder / "fonts")
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        + (f"<dir>{folder / 'fonts'}</dir>" if fonts else "")
        + f"<cachedir>{folder / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return config


def handbook_handouts(config_file: Path, fonts: Path | None = None) -> CompletedProcess[str]:
    """`handbook handouts` in a subprocess: fontconfig reads its setup once a process."""
    env = {**os.environ, "CI": "false"}
    if fonts is not None:
        env["FONTCONFIG_FILE"] = str(fonts)
    return subprocess.run(
        [str(BIN / "handbook"), "handouts", "-f", str(config_file)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


@pytest.mark.pdf
@pytest.mark.slow
def test_installing_the_missing_font_prints_what_it_lacked(tmp_path: Path) -> None:
    """The audit's case: a Hebrew line, first with a monospace font alone, then with the
    system's fonts (DejaVu Sans has Hebrew)."""
    require_weasyprint()
    require_or_skip((DEJAVU / "DejaVuSans.ttf").is_file(), "no DejaVu Sans here")
    body = "Hebrew: \u05e1\u05d7\u05e8 \u05d1\u05d1\u05e0\u05d9 \u05d0\u05d3\u05dd.\n"
    config_file = write_handbook(tmp_path, modules={"hebrew": module_text("Hebrew", body)})
    mono = fontconfig_file(tmp_path / "mono", DEJAVU / "DejaVuSansMono.ttf")
    first = handbook_handouts(config_file, mono)
    assert "hebrew.pdf: rendered" in first.stdout, first.stderr
    assert "no font here has U+05E1" in first.stderr
    again = handbook_handouts(config_file, mono)
    assert "hebrew.pdf: cached" in again.stdout
    assert "no font here has U+05E1" in again.stderr  # still true
    installed = handbook_handouts(config_file)
    assert "hebrew.pdf: rendered" in installed.stdout
    assert "no font here has" not in installed.stderr
    assert "hebrew.pdf: cached" in handbook_handouts(config_file).stdout


@pytest.mark.pdf
@pytest.mark.slow
def test_without_any_font_the_handouts_are_not_made_and_the_fix_is_named(tmp_path: Path) -> None:
    """Audit: Pango with no font crashed the process (segmentation fault) at the first
    render, and the handout being replaced was lost. Now it is as without Pango: one
    message naming the fix, and the published PDF kept."""
    require_weasyprint()
    config_file = write_handbook(tmp_path)
    assert handbook_handouts(config_file).returncode == 0
    published = tmp_path / "site" / "handouts" / "hotel-staff.pdf"
    before = published.read_bytes()
    term = tmp_path / "glossary" / "survivor.yml"  # so that hotel-staff must be made again
    term.write_text(
        TERMS["survivor"].replace("honours their strength", "honours their courage"),
        encoding="utf-8",
    )
    no_fonts = handbook_handouts(config_file, fontconfig_file(tmp_path / "none"))
    assert no_fonts.returncode == 1, no_fonts.stderr
    assert no_fonts.stderr.count("apt-get install fonts-dejavu-core") == 1
    assert "fontconfig finds none here" in no_fonts.stderr
    assert "Traceback" not in no_fonts.stderr and "Warning" not in no_fonts.stderr
    assert "content/modules/hotel-staff.md: handout not made" in no_fonts.stderr
    assert published.read_bytes() == before


# A gone module's handouts leave the cache with it: a full build and `handbook handouts`
# remove its folder (audit: they stayed for good), and nothing else.


def _cached_modules(root: Path) -> list[str]:
    return sorted(path.name for path in (root / CACHE_DIR).iterdir())


def test_the_handouts_command_removes_the_cache_of_gone_modules_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A deleted module's folder goes; a module with errors is still a module (its last
    good PDF is published in its place); what the cache did not write, a folder linked
    from it and whatever is outside it stay."""
    write_handbook(tmp_path, modules=three_modules())
    _render_here(monkeypatch)
    config = load_config(tmp_path / "mkdocs.yml")
    assert handout_command.run_handouts(config, tmp_path / "out") == 0
    assert _cached_modules(tmp_path) == ["community", "debt", "hotel"]
    cache = tmp_path / CACHE_DIR
    (cache / "notes.txt").write_text("not a module's", encoding="utf-8")
    # A retired module's folder holding a file of someone else's: only the PDF goes.
    HandoutCache(cache).put("retired", "1" * 64, RENDERED)
    (cache / "retired" / "mine.txt").write_text("kept", encoding="utf-8")
    # A folder linked into the cache: not looked into.
    outside = tmp_path / "outside"
    HandoutCache(outside).put("linked", "2" * 64, RENDERED)
    (cache / "linked").symlink_to(outside / "linked", target_is_directory=True)
    (tmp_path / "content" / "modules" / "community.md").unlink()
    hotel = tmp_path / "content" / "modules" / "hotel.md"
    hotel.write_text(hotel.read_text().replace("duration:", "durration:"), encoding="utf-8")
    capsys.readouterr()

    assert handout_command.run_handouts(config, tmp_path / "out") == 1  # hotel's error
    assert _cached_modules(tmp_path) == ["debt", "hotel", "linked", "notes.txt", "retired"]
    assert [path.name for path in (cache / "retired").iterdir()] == ["mine.txt"]
    assert sorted(path.name for path in (outside / "linked").iterdir()) == [
        "2" * 64 + ".files.json",
        "2" * 64 + ".pdf",
    ]
    assert (tmp_path / "out" / "hotel.pdf").read_bytes() == RENDERED
    assert "cannot be removed" not in capsys.readouterr().err


def test_another_sites_records_in_the_shared_cache_are_not_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Audit: two sites beside one another (`mkdocs.yml` and `mkdocs.es.yml`, each with
    its modules) share `.cache/handouts`, and a build of one removed every record of the
    other's modules as a gone module's, the last good PDF it falls back on with them.
    Only a site's own records of its gone modules go."""
    write_handbook(tmp_path, modules=three_modules())
    spanish = tmp_path / "content-es" / "modules"
    spanish.mkdir(parents=True)
    (tmp_path / "content-es" / "index.md").write_text("# Inicio\n", encoding="utf-8")
    (spanish / "hotel-es.md").write_text(module_text("Hotel"), encoding="utf-8")
    english = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    assert "docs_dir: content\n" in english
    (tmp_path / "mkdocs.es.yml").write_text(
        english.replace("docs_dir: content\n", "docs_dir: content-es\n"), encoding="utf-8"
    )
    _render_here(monkeypatch)
    for name in ("mkdocs.yml", "mkdocs.es.yml"):
        assert (
            handout_command.run_handouts(load_config(tmp_path / name), tmp_path / f"out-{name}")
            == 0
        )
    assert _cached_modules(tmp_path) == ["community", "debt", "hotel", "hotel-es"]
    (tmp_path / "content" / "modules" / "community.md").unlink()

    assert (
        handout_command.run_handouts(load_config(tmp_path / "mkdocs.yml"), tmp_path / "out-2") == 0
    )
    assert _cached_modules(tmp_path) == ["debt", "hotel", "hotel-es"]
    spanish_cache = HandoutCache.beside(tmp_path, "mkdocs.es.yml")
    assert spanish_cache.last_good_pdf("hotel-es") == RENDERED


def _put_in_turn(cache: HandoutCache, module_id: str, keys: list[str]) -> None:
    """`put` each of `keys`, each used after the one before."""
    for index, key in enumerate(keys):
        cache.put(module_id, key, b"%PDF-1.7 " + key.encode())
        os.utime(cache.path(module_id, key), ns=(index, index))


def _keys(count: int) -> list[str]:
    return [str(digit) * 64 for digit in range(1, count + 1)]


def _record_files(keys: list[str]) -> list[str]:
    return [f"{key}.{suffix}" for key in keys for suffix in ("files.json", "pdf")]


def test_a_file_put_in_a_modules_cache_folder_is_not_removed(tmp_path: Path) -> None:
    """Audit: keeping a module's last PDFs removed every other PDF and `.files.json` in
    its folder, a file someone put there too; only the cache's own older records go."""
    folder = tmp_path / "hotel"
    folder.mkdir()
    (folder / "annotated.pdf").write_bytes(b"%PDF-1.7 a trainer's notes")
    (folder / "notes.files.json").write_text("{}", encoding="utf-8")
    keys = _keys(handout_cache.KEPT_PER_MODULE + 2)
    _put_in_turn(HandoutCache(tmp_path), "hotel", keys)
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        [
            "annotated.pdf",
            "notes.files.json",
            *_record_files(keys[-handout_cache.KEPT_PER_MODULE :]),
        ]
    )


def test_another_sites_records_of_a_module_are_not_pruned(tmp_path: Path) -> None:
    """Two sites sharing the cache with a module of the same id (an A4 and a US Letter
    `mkdocs.letter.yml`): one site's new PDFs do not push out the other's last good one."""
    letter = "f" * 64
    HandoutCache(tmp_path, "mkdocs.letter.yml").put("hotel", letter, b"%PDF-1.7 letter")
    keys = _keys(handout_cache.KEPT_PER_MODULE + 2)
    _put_in_turn(HandoutCache(tmp_path, "mkdocs.yml"), "hotel", keys)
    assert sorted(path.name for path in (tmp_path / "hotel").iterdir()) == sorted(
        _record_files([letter, *keys[-handout_cache.KEPT_PER_MODULE :]])
    )


def _put_for(site: str, root: Path, module_id: str, key: str, pdf: bytes, used: int) -> None:
    """`put` as the site whose config file is `site`, the PDF last used at `used` (ns)."""
    cache = HandoutCache(root, site)
    cache.put(module_id, key, pdf)
    os.utime(cache.path(module_id, key), ns=(used, used))


def _as_an_earlier_version_wrote(root: Path, module_id: str, key: str) -> None:
    """The record's manifest without `site` or a signature, as versions before them
    wrote one."""
    manifest = root / module_id / f"{key}.files.json"
    payload = verified(manifest.read_bytes(), HANDOUT)
    assert payload is not None
    kept = json.loads(bytes(payload))
    del kept["site"]
    manifest.write_text(json.dumps(kept), encoding="utf-8")


def test_a_failed_render_falls_back_on_its_own_sites_last_good_pdf_alone(tmp_path: Path) -> None:
    """Review: two sites share a module id (an English and a Spanish site); a module
    whose render failed on one got the other's PDF, the one used last."""
    _put_for("mkdocs.es.yml", tmp_path, "hotel", "a" * 64, b"%PDF-1.7 spanish", 1)
    _put_for("mkdocs.yml", tmp_path, "hotel", "b" * 64, b"%PDF-1.7 english", 2)
    _put_for("mkdocs.es.yml", tmp_path, "debt", "c" * 64, b"%PDF-1.7 deuda", 3)
    assert HandoutCache(tmp_path, "mkdocs.es.yml").last_good_pdf("hotel") == b"%PDF-1.7 spanish"
    assert HandoutCache(tmp_path, "mkdocs.yml").last_good_pdf("hotel") == b"%PDF-1.7 english"
    assert HandoutCache(tmp_path, "mkdocs.yml").last_good_pdf("debt") is None


def test_a_record_of_an_earlier_version_is_no_sites_last_good_pdf(tmp_path: Path) -> None:
    """A record written before records were signed: nothing tells it from one that came
    with a copied handbook (review rv1, finding 2), so no site falls back on it."""
    _put_for("mkdocs.yml", tmp_path, "hotel", "1" * 64, b"%PDF-1.7 earlier", 1)
    _as_an_earlier_version_wrote(tmp_path, "hotel", "1" * 64)
    assert HandoutCache(tmp_path, "mkdocs.yml").last_good_pdf("hotel") is None
    assert HandoutCache(tmp_path, "mkdocs.es.yml").last_good_pdf("hotel") is None


def test_each_site_publishes_its_own_last_good_handout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Both ways `handbook handouts` falls back on the cache, for the Spanish site beside
    the English one, the English PDFs newer: a module with errors, and a module file that
    makes no module (its front matter does not fit)."""
    write_handbook(tmp_path, modules=three_modules())
    english = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.es.yml").write_text(english, encoding="utf-8")
    for used, (site, language) in enumerate([("mkdocs.es.yml", "es"), ("mkdocs.yml", "en")]):
        for module_id in ("hotel", "community"):
            pdf = f"%PDF-1.7 {module_id} {language}".encode()
            _put_for(site, tmp_path / CACHE_DIR, module_id, str(used) * 64, pdf, used)
    modules = tmp_path / "content" / "modules"
    hotel = modules / "hotel.md"
    hotel.write_text(hotel.read_text(encoding="utf-8").replace("## Realize", "## Realise"))
    community = modules / "community.md"
    community.write_text(
        community.read_text(encoding="utf-8").replace("version: 1", "version: one")
    )
    _render_here(monkeypatch)
    output = tmp_path / "out"

    assert handout_command.run_handouts(load_config(tmp_path / "mkdocs.es.yml"), output) == 1
    assert "community.md: handout not made: the module has errors; kept" in capsys.readouterr().err
    assert (output / "hotel.pdf").read_bytes() == b"%PDF-1.7 hotel es"
    assert (output / "community.pdf").read_bytes() == b"%PDF-1.7 community es"


def test_a_gone_modules_folder_goes_with_what_a_killed_run_or_an_earlier_version_left(
    tmp_path: Path,
) -> None:
    """Review: only records whose manifest named the site went, so a temporary file of a
    run killed before its manifest was whole, or a record written before records named
    their site, kept a gone module's folder for good, and nothing said so."""
    killed = tmp_path / "killed"
    killed.mkdir()
    (killed / f".{'c' * 64}.files.json.tmp123").write_bytes(b'{"si')  # cut short
    _put_for("mkdocs.yml", tmp_path, "earlier", "1" * 64, b"%PDF-1.7 earlier", 1)
    _as_an_earlier_version_wrote(tmp_path, "earlier", "1" * 64)
    (tmp_path / "earlier" / f".{'1' * 64}.pdf.tmp456").write_bytes(b"%PDF-1.7 ear")
    assert HandoutCache(tmp_path, "mkdocs.es.yml").remove_retired({"hotel"}) == []
    assert sorted(path.name for path in tmp_path.iterdir()) == []


def test_a_gone_modules_records_that_name_no_site_stay_beside_another_sites(
    tmp_path: Path,
) -> None:
    """Where another site's record of the module is, a record that names no site may be
    that site's: it stays, and the folder. The site's own temporary file goes, named by
    the manifest it holds (a run killed before renaming it)."""
    folder = tmp_path / "hotel"
    # The Spanish site's first: a put where no other site's record is removes those
    # that name none (review rv3, finding 10).
    _put_for("mkdocs.es.yml", tmp_path, "hotel", "2" * 64, b"%PDF-1.7 spanish", 2)
    _put_for("mkdocs.yml", tmp_path, "hotel", "1" * 64, b"%PDF-1.7 earlier", 1)
    _as_an_earlier_version_wrote(tmp_path, "hotel", "1" * 64)
    _put_for("mkdocs.yml", tmp_path, "hotel", "3" * 64, b"%PDF-1.7 english", 3)
    manifest = (folder / f"{'3' * 64}.files.json").read_bytes()
    (folder / f".{'4' * 64}.files.json.tmp789").write_bytes(manifest)
    (folder / "notes.txt").write_text("a trainer's", encoding="utf-8")
    assert HandoutCache(tmp_path, "mkdocs.yml").remove_retired({"debt"}) == []
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        ["notes.txt", *_record_files(["1" * 64, "2" * 64])]
    )


def test_no_cache_is_removed_while_the_modules_folder_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No module is known to be gone then: the folder may be back at the next build."""
    write_handbook(tmp_path, modules=three_modules())
    _render_here(monkeypatch)
    outcomes(tmp_path, tmp_path / "out")
    (tmp_path / "content" / "modules").rename(tmp_path / "content" / "moved")
    assert handouts.remove_retired_from_cache(context_of(tmp_path / "mkdocs.yml")) is None
    assert _cached_modules(tmp_path) == ["community", "debt", "hotel"]


def test_a_dirty_build_leaves_the_cache_of_gone_modules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`mkdocs build --dirty` rewrites what changed only; the next full build removes it."""
    write_handbook(tmp_path, modules=three_modules())
    _render_here(monkeypatch)
    outcomes(tmp_path, tmp_path / "out")
    (tmp_path / "content" / "modules" / "community.md").unlink()
    context = context_of(tmp_path / "mkdocs.yml")
    emitted: list[tuple[int, str]] = []
    handouts.publish_handouts(
        context, tmp_path / "site", lambda *line: emitted.append(line), full_build=False
    )
    assert _cached_modules(tmp_path) == ["community", "debt", "hotel"]
    handouts.publish_handouts(context, tmp_path / "site", lambda *line: emitted.append(line))
    assert _cached_modules(tmp_path) == ["debt", "hotel"]
    assert not [message for level, message in emitted if level >= logging.WARNING]


def test_a_gone_modules_cache_that_cannot_be_removed_fails_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Said, at INFO in a build (not a warning that fails it under --strict), and the
    handouts are published all the same."""
    write_handbook(tmp_path, modules=three_modules())
    _render_here(monkeypatch)
    outcomes(tmp_path, tmp_path / "out")
    (tmp_path / "content" / "modules" / "community.md").unlink()

    def refuse(folder: Path, key: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(folder))

    monkeypatch.setattr(handout_cache, "_remove_record", refuse)
    said = (
        "handouts: the cache of modules that are gone cannot be removed: "
        ".cache/handouts/community (Permission denied); it is not used again, delete it"
    )
    emitted: list[tuple[int, str]] = []
    context = context_of(tmp_path / "mkdocs.yml")
    assert (
        handouts.publish_handouts(context, tmp_path / "site", lambda *line: emitted.append(line))
        is None
    )
    assert (logging.INFO, said) in emitted
    assert not [message for level, message in emitted if level >= logging.WARNING]
    assert sorted(path.name for path in (tmp_path / "site" / "handouts").iterdir()) == [
        "debt.pdf",
        "hotel.pdf",
    ]
    assert handout_command.run_handouts(load_config(tmp_path / "mkdocs.yml"), tmp_path / "out") == 0
    assert f"handbook: {said}\n" in capsys.readouterr().err


def test_a_cache_folder_that_cannot_be_listed_is_no_gone_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Adopter audit: with `.cache/handouts` another user's, the build said "the cache of
    modules that are gone cannot be removed" while every module was there."""
    write_handbook(tmp_path, modules=three_modules())
    _render_here(monkeypatch)
    outcomes(tmp_path, tmp_path / "out")
    listing = os.scandir

    def refuse(path: str | os.PathLike[str]) -> object:
        if Path(path).name == "handouts":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(handout_cache.os, "scandir", refuse)
    assert handouts.remove_retired_from_cache(context_of(tmp_path / "mkdocs.yml")) is None


def _build(config_file: Path, *, dirty: bool) -> None:
    """`mkdocs build`, `--dirty` or not, in this process: MkDocs keeps the plugin from one
    build to the next (the whole test), and tells it which at startup."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config as load_mkdocs_config

    config = load_mkdocs_config(config_file=str(config_file))
    config.plugins.on_startup(command="build", dirty=dirty)
    build(config, dirty=dirty)


@pytest.mark.slow
def test_a_full_build_removes_the_cache_of_gone_modules_a_dirty_one_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_file = write_handbook(tmp_path, modules=three_modules())
    _render_here(monkeypatch)
    _build(config_file, dirty=False)
    (tmp_path / "content" / "modules" / "community.md").unlink()
    _build(config_file, dirty=True)
    assert _cached_modules(tmp_path) == ["community", "debt", "hotel"]
    _build(config_file, dirty=False)
    assert _cached_modules(tmp_path) == ["debt", "hotel"]


def test_a_put_removes_the_records_another_key_signed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Review rv3, finding 10: after the key changed (deleted, a CI cache that lost its
    folder), the records the old key signed counted as no site's, and `put` kept them while
    the module lived, one more at each new key. A killed run's temporary file stays: it
    may be a running one's. The last good PDF is still read, its record verified once."""
    cache = HandoutCache(tmp_path)
    cache.put("hotel", "1" * 64, b"%PDF-1.7 old key")
    folder = tmp_path / "hotel"
    (folder / f".{'3' * 64}.files.json.tmp1").write_bytes(b"half")
    monkeypatch.setenv(KEY_FILE_VARIABLE, str(tmp_path_factory.mktemp("new-key") / "key"))
    calls: list[object] = []
    monkeypatch.setattr(handout_cache, "verified", lambda *a: calls.append(a) or verified(*a))
    cache.put("hotel", "2" * 64, b"%PDF-1.7 new key")
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        [f"{'2' * 64}.pdf", f"{'2' * 64}.files.json", f".{'3' * 64}.files.json.tmp1"]
    )
    calls.clear()
    assert cache.last_good_pdf("hotel") == b"%PDF-1.7 new key"
    assert len(calls) == 2  # one manifest each: the record and the temporary file


def test_a_handout_a_concurrent_run_wrote_meanwhile_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two runs write the same handout (`mkdocs serve` and `handbook handouts`, two CI
    jobs on one checkout): the one that finishes first removes the other's temporary
    file with the ones killed runs left (review rv42c). The other run's chmod or rename
    then finds no file: it writes nothing, as the last writer had written after it, and
    is no error (it was a FileNotFoundError that stopped the run)."""
    target = tmp_path / "hotel-staff.pdf"
    make_temporary = tempfile.mkstemp
    other_run = []

    def the_other_run_writes_meanwhile(*args: Any, **kwargs: Any) -> tuple[int, str]:
        made = make_temporary(*args, **kwargs)
        if not other_run:
            other_run.append(True)
            write_atomically(target, b"%PDF-1.7 the other run's")
        return made

    monkeypatch.setattr(tempfile, "mkstemp", the_other_run_writes_meanwhile)

    write_atomically(target, b"%PDF-1.7 this run's")

    assert target.read_bytes() == b"%PDF-1.7 the other run's"  # whole, never half
    assert [path.name for path in tmp_path.iterdir()] == ["hotel-staff.pdf"]
