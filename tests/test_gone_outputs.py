"""plugin/gone_outputs.py: what a dirty build removes of the handbook's own outputs."""

from __future__ import annotations

from pathlib import Path

from coalition_handbook.plugin.gone_outputs import remove_outputs


def test_a_gone_output_and_the_folders_it_leaves_empty_are_removed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    page = site / "glossary" / "peonage" / "index.html"
    kept = site / "glossary" / "survivor" / "index.html"
    for path in (page, kept):
        path.parent.mkdir(parents=True)
        path.write_text("<p>page</p>", encoding="utf-8")
    remove_outputs([str(page)], site)
    assert not page.parent.exists()
    assert kept.read_text(encoding="utf-8") == "<p>page</p>"
    assert (site / "glossary").is_dir()  # it still holds another page


def test_an_output_outside_the_site_folder_is_never_removed(tmp_path: Path) -> None:
    """A path a build before wrote under another site folder (site_dir changed while
    serving) is nothing this build may delete: nothing already written is lost."""
    site = tmp_path / "site"
    site.mkdir()
    elsewhere = tmp_path / "old-site" / "handouts" / "hotel-staff.pdf"
    elsewhere.parent.mkdir(parents=True)
    elsewhere.write_bytes(b"%PDF-1.7")
    remove_outputs([str(elsewhere), str(site / "gone.html")], site)
    assert elsewhere.read_bytes() == b"%PDF-1.7"
