"""`handbook new` puts its file in place whole or not at all, and never over another
(DESIGN section 6; crash/concurrency audit: a run killed between making the file and
writing it left an empty term file, which `handbook check` read as a broken term)."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path
from typing import Any

import pytest

from coalition_handbook.config import HandbookConfig, load_config
from coalition_handbook.editor.scaffold import render, run_new
from coalition_handbook.model.glossary import load_terms

TODAY_CONFIG = "site_name: T\ndocs_dir: content\nplugins:\n  - handbook\n"
EDITORS = b"term: Preferred form\n# the editor's own work\n"


@pytest.fixture
def config(tmp_path: Path) -> HandbookConfig:
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(TODAY_CONFIG, encoding="utf-8")
    return load_config(config_file, require_folders=False)  # as `handbook new`


def target(config: HandbookConfig) -> Path:
    return config.glossary_dir / "preferred-form.yml"


class _HalfWriter:
    """A file whose first write writes half, then calls `interrupt` (a full disk, a
    kill): what a reader finds at that moment is what a killed run leaves."""

    def __init__(self, file: Any, interrupt: Any) -> None:
        self._file = file
        self._interrupt = interrupt

    def write(self, data: Any) -> int:
        self._file.write(data[: len(data) // 2])
        self._file.flush()
        self._interrupt()
        return self._file.write(data[len(data) // 2 :])

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._file.close()


def interrupt_writes(monkeypatch: pytest.MonkeyPatch, interrupt: Any) -> None:
    """Every file opened for writing from now on is interrupted halfway (`_HalfWriter`)."""
    real_open = io.open

    def opening(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        opened = real_open(file, mode, *args, **kwargs)
        return _HalfWriter(opened, interrupt) if ("w" in mode or "x" in mode) else opened

    monkeypatch.setattr(io, "open", opening)


def test_a_write_interrupted_halfway_leaves_no_term_file_at_any_moment(
    config: HandbookConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whole or not at all: halfway through the write (where SIGKILL or a power cut
    would end the run) no glossary/preferred-form.yml is there, and a full disk at that
    point leaves none and no hidden temporary file either."""
    seen: list[bytes | None] = []

    def disk_full() -> None:
        path = target(config)
        seen.append(path.read_bytes() if path.exists() else None)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    interrupt_writes(monkeypatch, disk_full)
    assert run_new(config, "term", "Preferred form") == 2
    assert seen == [None]  # the old code had an empty or half-written file there
    assert list(config.glossary_dir.iterdir()) == []


def test_a_file_that_appears_while_the_new_one_is_written_is_kept(
    config: HandbookConfig,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Another `new term` (or the editor) puts the file there after this run found none:
    theirs is kept byte for byte, this run says so and leaves no temporary file."""

    def another_run_is_quicker() -> None:
        descriptor = os.open(target(config), os.O_WRONLY | os.O_CREAT | os.O_EXCL)
        os.write(descriptor, EDITORS)
        os.close(descriptor)

    interrupt_writes(monkeypatch, another_run_is_quicker)
    assert run_new(config, "term", "Preferred form") == 1
    assert target(config).read_bytes() == EDITORS
    assert "glossary/preferred-form.yml already exists" in capsys.readouterr().err
    assert [path.name for path in config.glossary_dir.iterdir()] == ["preferred-form.yml"]


@pytest.mark.parametrize("error", [errno.EPERM, errno.ENOTSUP, errno.EXDEV])
def test_without_hard_links_the_file_is_made_exclusively_then_written(
    config: HandbookConfig, monkeypatch: pytest.MonkeyPatch, error: int
) -> None:
    """Some network and FAT file systems have no hard links: the file is still made,
    whole, and the temporary file goes."""

    def no_hard_links(*args: object, **kwargs: object) -> None:
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(os, "link", no_hard_links)
    assert run_new(config, "term", "Preferred form") == 0
    whole = render("term", "Preferred form", config.glossary_dir, config.today, config.root)
    assert target(config).read_text(encoding="utf-8") == whole
    assert [path.name for path in config.glossary_dir.iterdir()] == ["preferred-form.yml"]


def test_without_hard_links_an_existing_file_is_still_never_overwritten(
    config: HandbookConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_hard_links(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    def another_run_is_quicker() -> None:
        if not target(config).exists():
            target(config).write_bytes(EDITORS)

    monkeypatch.setattr(os, "link", no_hard_links)
    interrupt_writes(monkeypatch, another_run_is_quicker)
    assert run_new(config, "term", "Preferred form") == 1
    assert target(config).read_bytes() == EDITORS
    assert [path.name for path in config.glossary_dir.iterdir()] == ["preferred-form.yml"]


def test_a_temporary_file_a_killed_run_left_is_no_term_and_goes_with_the_next(
    config: HandbookConfig,
) -> None:
    config.glossary_dir.mkdir(parents=True)
    left = config.glossary_dir / ".preferred-form.yml.k1ll3d"
    left.write_text("term: Preferred", encoding="utf-8")  # cut off mid-write
    terms, findings, rejected = load_terms(config)
    assert (list(terms), findings, rejected) == ([], [], [])
    assert run_new(config, "term", "Preferred form") == 0
    assert not left.exists()
    assert [path.name for path in config.glossary_dir.iterdir()] == ["preferred-form.yml"]
