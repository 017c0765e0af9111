"""site/publishing.py on its own: the published site set aside, put back, or dropped,
whatever point a build (or its being killed) reached."""

from __future__ import annotations

from pathlib import Path

from coalition_handbook.site.publishing import ASIDE, PreviousSite


def _published(site: Path) -> dict[str, bytes]:
    (site / "glossary").mkdir(parents=True)
    (site / "index.html").write_bytes(b"home")
    (site / "glossary" / "index.html").write_bytes(b"terms")
    (site / ".git").mkdir()
    return _files(site)


def _files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in site.rglob("*")
        if path.is_file() and ASIDE not in path.parts
    }


def test_set_aside_then_restore_gives_the_site_back(tmp_path: Path) -> None:
    published = _published(tmp_path)
    previous = PreviousSite.set_aside(tmp_path)
    assert previous is not None
    assert sorted(path.name for path in tmp_path.iterdir()) == [".git", ASIDE]  # hidden stay
    (tmp_path / "index.html").write_bytes(b"half a new site")
    previous.restore()
    assert _files(tmp_path) == published and not (tmp_path / ASIDE).exists()


def test_nothing_to_set_aside_in_an_empty_or_missing_folder(tmp_path: Path) -> None:
    assert PreviousSite.set_aside(tmp_path / "none") is None
    (tmp_path / ".git").mkdir()
    assert PreviousSite.set_aside(tmp_path) is None


def test_a_site_set_aside_by_a_killed_build_is_kept_by_the_next(tmp_path: Path) -> None:
    published = _published(tmp_path)
    assert PreviousSite.set_aside(tmp_path) is not None  # then the build was killed
    (tmp_path / "index.html").write_bytes(b"half a new site")
    previous = PreviousSite.set_aside(tmp_path)
    assert previous is not None and not (tmp_path / "index.html").exists()
    previous.restore()
    assert _files(tmp_path) == published


def test_a_set_aside_killed_halfway_is_undone_first(tmp_path: Path) -> None:
    published = _published(tmp_path)
    (tmp_path / ASIDE).mkdir()  # killed after one entry moved, before the marker
    (tmp_path / "glossary").rename(tmp_path / ASIDE / "glossary")
    previous = PreviousSite.set_aside(tmp_path)
    assert previous is not None
    previous.restore()
    assert _files(tmp_path) == published
