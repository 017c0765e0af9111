"""site/publishing.py on its own: the published site set aside, put back, or dropped,
whatever point a build (or its being killed) reached."""

from __future__ import annotations

from pathlib import Path

from coalition_handbook.site.publishing import ASIDE, DISCARDED, PreviousSite


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


def test_a_site_set_aside_by_a_killed_build_is_put_back_before_any_other_step(
    tmp_path: Path,
) -> None:
    """A build that its checks stop sets nothing aside: the site a killed build hid must
    be back in place before that (found in an audit)."""
    published = _published(tmp_path)
    assert PreviousSite.set_aside(tmp_path) is not None  # then the build was killed
    (tmp_path / "index.html").write_bytes(b"half a new site")
    PreviousSite.recover(tmp_path)
    assert _files(tmp_path) == published and not (tmp_path / ASIDE).exists()
    PreviousSite.recover(tmp_path)  # nothing aside: nothing changes
    assert _files(tmp_path) == published


def test_a_build_killed_while_discarding_the_old_site_leaves_the_new_one(tmp_path: Path) -> None:
    """What is left of the old site must not be taken for a site set aside, which the
    next build would put back in place of the new one (found in review)."""
    _published(tmp_path)
    previous = PreviousSite.set_aside(tmp_path)
    assert previous is not None
    (tmp_path / "index.html").write_bytes(b"the new site")
    new_site = _files(tmp_path)
    # Killed halfway through deleting: renamed, part of it deleted.
    (tmp_path / ASIDE).rename(tmp_path / DISCARDED)
    (tmp_path / DISCARDED / "index.html").unlink()
    PreviousSite.recover(tmp_path)
    assert _files(tmp_path) == new_site
    assert not (tmp_path / DISCARDED).exists()
    previous.discard()  # nothing left to discard: nothing happens
    assert _files(tmp_path) == new_site


def test_discard_leaves_nothing_of_the_old_site(tmp_path: Path) -> None:
    _published(tmp_path)
    previous = PreviousSite.set_aside(tmp_path)
    assert previous is not None
    (tmp_path / "index.html").write_bytes(b"the new site")
    previous.discard()
    assert sorted(path.name for path in tmp_path.iterdir()) == [".git", "index.html"]


def test_an_entry_set_aside_that_stands_in_the_site_too_is_put_back(tmp_path: Path) -> None:
    """Killed while setting the site aside, with a folder of that name there again: the
    published one goes back, without an error (found in review)."""
    published = _published(tmp_path)
    (tmp_path / ASIDE).mkdir()
    (tmp_path / "glossary").rename(tmp_path / ASIDE / "glossary")
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "stray.html").write_bytes(b"stray")
    PreviousSite.recover(tmp_path)
    assert _files(tmp_path) == published


# Nothing is followed through a symbolic link: an aside folder committed as a link (with
# `git add -f`, say to ../../victim) would have its target's entries moved into the
# site, which MkDocs then empties.


def _outside(tmp_path: Path) -> Path:
    """A folder beside the site, with a file and a folder in it, that no build may touch."""
    victim = tmp_path / "victim"
    (victim / "folder").mkdir(parents=True)
    (victim / "keep.txt").write_bytes(b"mine")
    (victim / "folder" / "inner.txt").write_bytes(b"mine too")
    return victim


def _untouched(victim: Path) -> bool:
    return (victim / "keep.txt").read_bytes() == b"mine" and (
        victim / "folder" / "inner.txt"
    ).read_bytes() == b"mine too"


def test_an_aside_that_is_a_link_is_removed_never_followed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    published = _published(site)
    victim = _outside(tmp_path)
    (site / ASIDE).symlink_to(victim)
    previous = PreviousSite.set_aside(site)
    assert previous is not None
    assert _untouched(victim) and sorted(path.name for path in victim.iterdir()) == [
        "folder",
        "keep.txt",
    ]
    assert (site / ASIDE).is_dir() and not (site / ASIDE).is_symlink()  # a folder of its own
    assert sorted(path.name for path in site.iterdir()) == [".git", ASIDE]
    previous.restore()
    assert _files(site) == published and _untouched(victim)
    # And with the link there again, a build that succeeds discards only its own folder.
    (site / ASIDE).symlink_to(victim)
    previous = PreviousSite.set_aside(site)
    assert previous is not None
    previous.discard()
    assert _untouched(victim) and not (site / ASIDE).exists()


def test_a_link_aside_with_no_published_site_is_just_removed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    victim = _outside(tmp_path)
    (site / ASIDE).symlink_to(victim)
    assert PreviousSite.set_aside(site) is None
    assert _untouched(victim) and not (site / ASIDE).is_symlink()
    assert list(site.iterdir()) == []


def test_a_link_to_a_completed_aside_is_not_taken_for_one(tmp_path: Path) -> None:
    """A link to a folder holding the marker of a complete aside: the site standing
    there is not removed for it, and what the link leads to stays."""
    site = tmp_path / "site"
    published = _published(site)
    victim = _outside(tmp_path)
    (victim / ".complete").touch()
    (site / ASIDE).symlink_to(victim)
    previous = PreviousSite.set_aside(site)
    assert previous is not None
    previous.restore()
    assert _files(site) == published and _untouched(victim)
    assert (victim / ".complete").exists()


def test_an_aside_that_is_a_file_is_removed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    published = _published(site)
    (site / ASIDE).write_bytes(b"not a folder")
    previous = PreviousSite.set_aside(site)
    assert previous is not None
    previous.restore()
    assert _files(site) == published and not (site / ASIDE).exists()


def test_entries_that_are_links_are_moved_and_removed_as_links(tmp_path: Path) -> None:
    """A published entry that is a link to an outside folder is set aside and put back
    as the link; one that a failed build left is unlinked, not emptied."""
    site = tmp_path / "site"
    _published(site)
    victim = _outside(tmp_path)
    (site / "linked").symlink_to(victim)
    previous = PreviousSite.set_aside(site)
    assert previous is not None
    (site / "written-by-the-failed-build").symlink_to(victim)
    previous.restore()
    assert (site / "linked").is_symlink() and _untouched(victim)
    assert not (site / "written-by-the-failed-build").exists()
    previous = PreviousSite.set_aside(site)
    assert previous is not None
    previous.discard()
    assert _untouched(victim)


def test_a_marker_that_is_a_link_marks_no_complete_aside(tmp_path: Path) -> None:
    """Only the marker a build wrote says its aside is complete: with a link in its
    place, the site standing there is the published one, and is kept."""
    site = tmp_path / "site"
    published = _published(site)
    (tmp_path / "anywhere").touch()
    (site / ASIDE).mkdir()
    (site / ASIDE / ".complete").symlink_to(tmp_path / "anywhere")
    previous = PreviousSite.set_aside(site)
    assert previous is not None
    previous.restore()
    assert _files(site) == published


def test_a_build_with_a_link_aside_leaves_the_outside_folder_alone(tmp_path: Path) -> None:
    from site_builds import build_site, write_site

    config = write_site(tmp_path / "handbook", pages={"index.md": "# Home\n\nA page.\n"})
    site = build_site(config)
    victim = _outside(tmp_path)
    (site / ASIDE).symlink_to(victim)
    build_site(config)
    assert _untouched(victim)
    assert (site / "index.html").is_file() and not (site / ASIDE).exists()
