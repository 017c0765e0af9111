"""A PDF handout the machine will not let us write (a full disk, a quota, a read-only
checkout, a folder without permission): one line naming the PDF and what to do, never
Python's bare `[Errno 28]` or a traceback, and the handout published before stays."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import BinaryIO

import pytest
from site_builds import build_site
from test_handouts import FakeRenderer, write_handbook

from coalition_handbook.cli import main
from coalition_handbook.site import handout_cache, handout_render, handouts

REFUSED = [
    # A full disk fails the write into the temporary file, which Python names no file.
    (errno.ENOSPC, None, "free some space"),
    # A read-only folder refuses the temporary file that `write_atomically` makes.
    (errno.EROFS, ".hotel-staff.pdf.tmp123", "make the folder writable"),
]


def _refuse_the_pdf(monkeypatch: pytest.MonkeyPatch, number: int, temporary: str | None) -> None:
    """Make writing hotel-staff.pdf fail with `number`, as the write itself would."""
    write = handouts.write_atomically

    def refused(path: Path, data: bytes) -> None:
        if path.name != "hotel-staff.pdf":
            write(path, data)
            return
        if temporary is None:
            raise OSError(number, os.strerror(number))
        raise OSError(number, os.strerror(number), str(path.parent / temporary))

    monkeypatch.setattr(handouts, "write_atomically", refused)


@pytest.mark.parametrize(("number", "temporary", "advice"), REFUSED)
def test_handouts_command_names_the_pdf_it_cannot_write_and_keeps_the_published_one(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    number: int,
    temporary: str | None,
    advice: str,
) -> None:
    """Crash-safety audit: `handbook handouts` said `cannot write the handouts: [Errno 28]
    No space left on device`, naming no file, and exited 1 as for failing findings."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(handout_render, "render_pdf", FakeRenderer(failing=set()))
    config_file = write_handbook(tmp_path)
    assert main(["handouts", "-f", str(config_file)]) == 0
    published = tmp_path / "site" / "handouts" / "hotel-staff.pdf"
    before = published.read_bytes()
    module = tmp_path / "content" / "modules" / "hotel-staff.md"
    module.write_text(module.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    capsys.readouterr()

    _refuse_the_pdf(monkeypatch, number, temporary)
    # 2: the machine's setup, not the handbook, as the CLI's other refused writes.
    assert main(["handouts", "-f", str(config_file)]) == 2

    err = capsys.readouterr().err
    assert err == (
        f"handbook: cannot write site/handouts/hotel-staff.pdf: {os.strerror(number)}; "
        f"{advice}, and run it again; the handouts published before are left in place\n"
    )
    assert "Traceback" not in err and "[Errno" not in err
    assert published.read_bytes() == before
    assert [path.name for path in published.parent.iterdir() if path.name.startswith(".")] == []


@pytest.mark.parametrize(("number", "temporary", "advice"), REFUSED)
def test_the_build_names_the_pdf_it_cannot_write_and_keeps_the_published_one(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    number: int,
    temporary: str | None,
    advice: str,
) -> None:
    """The handout step of `mkdocs build`: one line naming the PDF from mkdocs.yml's
    folder, as the build's log names files; the site published before is put back."""
    from mkdocs.exceptions import Abort

    monkeypatch.setattr(handout_render, "render_pdf", FakeRenderer(failing=set()))
    config_file = write_handbook(tmp_path)
    site = build_site(config_file)
    published = site / "handouts" / "hotel-staff.pdf"
    before = published.read_bytes()
    module = tmp_path / "content" / "modules" / "hotel-staff.md"
    module.write_text(module.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")

    _refuse_the_pdf(monkeypatch, number, temporary)
    with pytest.raises(Abort) as stopped:
        build_site(config_file)

    assert str(stopped.value) == (
        "handbook: the build stopped, as it could not write the site: "
        f"site/handouts/hotel-staff.pdf: {os.strerror(number)}; {advice}, and run it again"
    )
    assert published.read_bytes() == before


class _HalfThenFull:
    """A file that writes half of what it is given, then finds the disk full."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream

    def __enter__(self) -> _HalfThenFull:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stream.close()

    def write(self, data: bytes) -> int:
        self.stream.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_disk_that_fills_midway_leaves_the_published_pdf_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The real write, not a stand-in: half a PDF is written to the temporary file when
    the disk fills; the PDF published before is still there, whole, and no temporary
    file is left beside it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(handout_render, "render_pdf", FakeRenderer(failing=set()))
    config_file = write_handbook(tmp_path)
    assert main(["handouts", "-f", str(config_file)]) == 0
    folder = tmp_path / "site" / "handouts"
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    module = tmp_path / "content" / "modules" / "hotel-staff.md"
    module.write_text(module.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    capsys.readouterr()

    fdopen = os.fdopen
    monkeypatch.setattr(
        handout_cache.os, "fdopen", lambda fd, mode: _HalfThenFull(fdopen(fd, mode))
    )
    assert main(["handouts", "-f", str(config_file)]) == 2

    err = capsys.readouterr().err
    assert "cannot write site/handouts/" in err and "No space left on device" in err
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before


def test_a_refused_write_naming_no_file_still_reads_as_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review rv42e: a full disk met by a write outside the PDF's own (which names no
    file) gave `handbook: cannot write No space left on device; ...`."""
    monkeypatch.chdir(tmp_path)
    config_file = write_handbook(tmp_path)

    def full_disk(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("coalition_handbook.site.handout_command.build_handouts", full_disk)
    assert main(["handouts", "-f", str(config_file)]) == 2
    err = capsys.readouterr().err
    assert "handbook: cannot write the handouts: No space left on device; free some space" in err


@pytest.mark.parametrize(
    ("number", "advice"),
    [
        # `-o /proc/x`: a folder the system will not make.
        (errno.ENOENT, "name another folder with -o"),
        # A read-only mount (as root too, which no file mode stops).
        (errno.EROFS, "make it writable, or name another folder with -o"),
    ],
)
def test_an_output_folder_that_cannot_be_written_is_refused_before_any_render(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    number: int,
    advice: str,
) -> None:
    """Audit: `handbook handouts -o /proc/x` rendered every handout, then said `cannot
    write the handouts: [Errno 2] ...` and exited 1, as for a failing handbook. Now one
    line naming the folder, exit 2, nothing rendered, and the folder tried is gone."""
    monkeypatch.chdir(tmp_path)
    renderer = FakeRenderer(failing=set())
    monkeypatch.setattr(handout_render, "render_pdf", renderer)
    config_file = write_handbook(tmp_path)

    def refused(*_: object, **__: object) -> BinaryIO:
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr("tempfile.TemporaryFile", refused)
    output = tmp_path / "out" / "pdfs"
    assert main(["handouts", "-f", str(config_file), "-o", str(output)]) == 2
    assert capsys.readouterr().err == (
        f"handbook: cannot write the PDFs into {output}: {os.strerror(number)}; {advice}\n"
    )
    assert renderer.rendered == []
    assert not (tmp_path / "out").exists()


def test_an_output_folder_through_a_folder_not_there_leaves_no_folder_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Task pdf64 (a leftover of site63): `-o out/../x` wrote the PDFs into `x`, and
    made an empty `out` to pass through, left behind."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(handout_render, "render_pdf", FakeRenderer(failing=set()))
    config_file = write_handbook(tmp_path)
    assert main(["handouts", "-f", str(config_file), "-o", "out/../x"]) == 0
    assert sorted(path.name for path in (tmp_path / "x").iterdir()) == [
        "community.pdf",
        "hotel-staff.pdf",
    ]
    assert not (tmp_path / "out").exists()


def test_an_output_folder_up_from_a_link_is_where_the_system_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-o link/../x` is `x` beside the folder the link leads to, as the system reads it;
    Python's temporary files read it as written, beside the link, and every PDF's write
    failed ("No such file or directory"), exit 1."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(handout_render, "render_pdf", FakeRenderer(failing=set()))
    config_file = write_handbook(tmp_path)
    (tmp_path / "shared" / "trainers").mkdir(parents=True)
    (tmp_path / "link").symlink_to(tmp_path / "shared" / "trainers")
    assert main(["handouts", "-f", str(config_file), "-o", "link/../pdfs"]) == 0
    assert (tmp_path / "shared" / "pdfs" / "hotel-staff.pdf").is_file()
    assert not (tmp_path / "pdfs").exists()
