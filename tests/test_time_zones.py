"""Dates that depend on where the machine is: a history entry dated the editor's today
is nobody's future, whichever time zone the checks run in (reproducible builds audit)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers_model import MKDOCS

from coalition_handbook.check import run_checks
from coalition_handbook.config import load_config, today
from coalition_handbook.config.problems import Problems

# 10:30 UTC: the day has begun in Kiritimati (UTC+14, 00:30 on the 6th) and not yet
# ended in Pago Pago (UTC-11, 23:30 on the 4th): two days apart at the same instant.
INSTANT = dt.datetime(2026, 12, 5, 10, 30, tzinfo=dt.UTC)
PLACES = ["Pacific/Kiritimati", "Pacific/Tongatapu", "UTC", "America/Adak", "Pacific/Pago_Pago"]


@pytest.fixture
def at_instant(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The clock stopped at INSTANT; the time zone is the test's to set (`in_zone`)."""
    monkeypatch.setattr(today, "now", lambda: INSTANT)
    yield
    monkeypatch.undo()
    time.tzset()


def in_zone(monkeypatch: pytest.MonkeyPatch, zone: str) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()


def history_findings(root: Path, date: str) -> list[str]:
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "content" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    (root / "glossary").mkdir(exist_ok=True)
    (root / "glossary" / "x.yml").write_text(
        f"term: x\nversion: 1\ndefinition: y\nhistory:\n  - version: 1\n    date: {date}\n"
        "    summary: s\n",
        encoding="utf-8",
    )
    config = load_config(root / "mkdocs.yml")
    return [f.message for f in run_checks(config).findings if f.rule == "glossary.history"]


@pytest.mark.usefixtures("at_instant")
@pytest.mark.parametrize("zone", PLACES)
def test_the_date_an_editor_in_the_first_time_zone_writes_is_no_ones_future(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, zone: str
) -> None:
    """Written in Kiritimati, today there (the 6th) was refused in Pago Pago, where it was
    still the 4th: "a date one day ahead is accepted" was not enough for 25 hours apart."""
    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    in_zone(monkeypatch, zone)
    assert history_findings(tmp_path, "2026-12-06") == []


@pytest.mark.usefixtures("at_instant")
@pytest.mark.parametrize("zone", PLACES)
def test_a_date_no_time_zone_has_reached_is_refused_everywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, zone: str
) -> None:
    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    in_zone(monkeypatch, zone)
    found = history_findings(tmp_path, "2026-12-08")
    assert len(found) == 1 and "is dated 2026-12-08, after today" in found[0]


@pytest.mark.usefixtures("at_instant")
def test_today_is_the_machines_own_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reviews fall due by the local calendar, as the site's badge shows them."""
    in_zone(monkeypatch, "Pacific/Pago_Pago")
    assert today.today_from_environment("mkdocs.yml", Problems()) == dt.date(2026, 12, 4)
    in_zone(monkeypatch, "Pacific/Kiritimati")
    assert today.today_from_environment("mkdocs.yml", Problems()) == dt.date(2026, 12, 6)
