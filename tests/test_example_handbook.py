"""The shipped example handbook (DESIGN 9): real, sourced, and clean under its own checks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from site_builds import content_as_of

from coalition_handbook.check import run_checks
from coalition_handbook.cli import main
from coalition_handbook.config import load_config
from coalition_handbook.config.today import TODAY_VARIABLE
from coalition_handbook.model.types import Handbook

ROOT = Path(__file__).resolve().parent.parent
HOTLINE = "1-888-373-7888"
HOTLINE_TEXT = "233733"


@pytest.fixture(scope="module", autouse=True)
def as_of_its_latest_edit() -> Iterator[None]:
    """Checked as of its newest history entry: a review date falling due on the calendar
    must not fail the suite (the real build warns then, as it should)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(TODAY_VARIABLE, content_as_of())
        yield


@pytest.fixture(scope="module")
def handbook() -> Handbook:
    return run_checks(load_config(ROOT / "mkdocs.yml")).handbook


def test_the_handbook_passes_its_own_checks_under_strict(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Info findings included: a newcomer's first `make check` (CONTRIBUTING.md) prints
    no finding (audit: it printed an unknown acronym of the editors' rules page)."""
    code = main(["check", "--strict", "-f", str(ROOT / "mkdocs.yml")])
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.splitlines() == []


def test_sizes_the_contract_asks_for(handbook: Handbook) -> None:
    assert len(handbook.terms) >= 60
    assert len(handbook.protocols) >= 4
    assert len(handbook.modules) >= 4


def test_every_term_says_where_its_definition_comes_from(handbook: Handbook) -> None:
    unsourced = [term.id for term in handbook.terms.values() if not term.sources]
    assert unsourced == []
    for term in handbook.terms.values():
        for source in term.sources:
            assert source.url.startswith("https://"), (term.id, source.url)


def test_statuses_are_mostly_approved_with_a_few_proposed_and_deprecated(
    handbook: Handbook,
) -> None:
    statuses = [term.status for term in handbook.terms.values()]
    assert statuses.count("approved") > len(statuses) / 2
    assert statuses.count("proposed") >= 1
    deprecated = [term for term in handbook.terms.values() if term.status == "deprecated"]
    assert deprecated and all(term.replaced_by in handbook.terms for term in deprecated)


def test_field_guidance_is_in_avoid_entries_with_reasons(handbook: Handbook) -> None:
    avoided = {
        avoided.text.lower(): avoided.reason
        for term in handbook.terms.values()
        for avoided in term.avoid
    }
    for form in ("child prostitute", "child pornography", "child sex tourism", "sex slave"):
        assert avoided.get(form), f"no reason given for avoiding {form!r}"


@pytest.mark.parametrize(
    "topic", ["hotel", "health", "public", "shar"], ids=["hotel", "health", "public", "sharing"]
)
def test_the_four_protocols(handbook: Handbook, topic: str) -> None:
    assert any(topic in protocol.title.lower() for protocol in handbook.protocols.values())


def test_protocols_give_the_real_hotline(handbook: Handbook) -> None:
    for protocol in handbook.protocols.values():
        numbers = {contact.phone for contact in protocol.contacts} | {
            contact.text for contact in protocol.contacts
        }
        if protocol.id != "coalition-information-sharing":
            assert HOTLINE in numbers and HOTLINE_TEXT in numbers, protocol.id


@pytest.mark.parametrize(
    "module_id", ["hotel-staff", "health-care", "community-members", "coalition-onboarding"]
)
def test_the_four_modules_name_existing_protocols(handbook: Handbook, module_id: str) -> None:
    module = handbook.modules[module_id]
    assert module.objectives and module.duration and module.audience
    assert set(module.protocols) <= set(handbook.protocols)


@pytest.mark.parametrize(
    "page",
    [
        "index.md",
        "privacy.md",
        "coalition/what-is-a-coalition.md",
        "coalition/member-sectors.md",
        "coalition/propose-a-change.md",
    ],
)
def test_coalition_pages_exist(page: str) -> None:
    assert (ROOT / "content" / page).is_file()
