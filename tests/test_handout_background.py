"""`mkdocs serve`'s rebuilds render the handouts the cache lacks in the background, once
the pages are built (site/handout_background.py): audit, a definition edit held the
browser's reload for 25 s. A plain build renders them first, as before."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_handouts import FakeRenderer, write_handbook

from coalition_handbook.site import handout_render
from coalition_handbook.site.handout_background import wait_for_background_handouts

SERVE_URL = "http://127.0.0.1:8000/"
# A guard against a test hanging on a bug, not a timing anything is asserted on.
HANG_GUARD = 120


class HeldRenderer(FakeRenderer):
    """`FakeRenderer` that, outside the build's own thread, renders only once `release`
    is set; where each render ran is in `threads`. In the build's thread it renders at
    once (a bug, which the tests then name instead of hanging)."""

    def __init__(self, failing: set[str] | None = None) -> None:
        super().__init__(failing or set())
        self.release = threading.Event()
        self.threads: list[str] = []
        self.order: list[str] = []  # "rendered", and what a test adds

    def __call__(self, content: handout_render.HandoutContent, *args, **kwargs) -> bytes:
        self.threads.append(threading.current_thread().name)
        if threading.current_thread() is not threading.main_thread():
            self.release.wait(HANG_GUARD)
        try:
            return super().__call__(content, *args, **kwargs)
        finally:
            self.order.append("rendered")


class _Server:
    """What the plugin asks of `mkdocs serve`'s server: to watch folders."""

    def watch(self, path: str, recursive: bool = True) -> None:
        pass

    def unwatch(self, path: str) -> None:
        pass


def serve_build(config_file: Path, *, strict: bool = False) -> None:
    """One build of `mkdocs serve`: it reads mkdocs.yml again each time (the plugin
    stays), as its builder does."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(config_file=str(config_file), strict=strict), serve_url=SERVE_URL)


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A handbook served by `mkdocs serve`: started, first built, and given its server
    (every handout in the cache by then); shut down at the end."""
    from mkdocs.config import load_config

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(handout_render, "render_pdf", FakeRenderer(failing=set()))
    config_file = write_handbook(tmp_path)
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="serve", dirty=False)
    serve_build(config_file)
    config.plugins.on_serve(_Server(), config=config, builder=None)
    yield config_file
    config.plugins.on_shutdown()


def edit_hotel_staff(root: Path, words: str) -> None:
    """A change to what the hotel-staff handout prints (the community one's stays)."""
    module = root / "content" / "modules" / "hotel-staff.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(text + f"\n{words}\n", encoding="utf-8")


def messages(caplog: pytest.LogCaptureFixture, level: int = logging.INFO) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.levelno >= level]


def test_a_serve_rebuild_returns_before_the_handout_is_rendered_and_publishes_it_after(
    served: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    site = served.parent / "site"
    community = (site / "handouts" / "community.pdf").read_bytes()
    edit_hotel_staff(served.parent, "Ask about recruitment fees.")
    renderer = HeldRenderer()
    monkeypatch.setattr(handout_render, "render_pdf", renderer)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        serve_build(served)
        # Back before the render: the page links to the handout all the same, the
        # cached one is there already, the one rendering not yet.
        page = (site / "modules" / "hotel-staff" / "index.html").read_text(encoding="utf-8")
        assert 'class="hb-handout" href="../../handouts/hotel-staff.pdf"' in page
        assert (site / "handouts" / "community.pdf").read_bytes() == community
        assert not (site / "handouts" / "hotel-staff.pdf").exists()
        assert renderer.order == []
        assert (
            "handouts: rendering 1 handout(s) in the background (hotel-staff); the pages "
            "link to them already"
        ) in messages(caplog)
        renderer.release.set()
        wait_for_background_handouts()
    assert renderer.threads == ["handbook-handouts"]
    ((module_id, html),) = renderer.rendered
    assert module_id == "hotel-staff" and "Ask about recruitment fees." in html
    assert (site / "handouts" / "hotel-staff.pdf").read_bytes() == b"%PDF-1.7 " + html.encode()
    said = messages(caplog)
    assert "handouts: 1 rendered, 1 from the cache, 0 failed, in handouts/" in said
    assert said[-1] == "handouts: rendered in the background: 1 ready (hotel-staff)"
    # Into the cache too: a rebuild with nothing changed renders none, and waits for none.
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        serve_build(served)
    assert len(renderer.rendered) == 1
    assert not [message for message in messages(caplog) if "background" in message]
    assert (site / "handouts" / "hotel-staff.pdf").read_bytes() == b"%PDF-1.7 " + html.encode()


def test_the_next_build_waits_for_the_handouts_rendering_before_it_cleans_the_site(
    served: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import mkdocs.utils

    edit_hotel_staff(served.parent, "Ask about recruitment fees.")
    renderer = HeldRenderer()
    monkeypatch.setattr(handout_render, "render_pdf", renderer)
    serve_build(served)  # returns with the render held

    clean = mkdocs.utils.clean_directory

    def cleaning(directory: str) -> None:
        renderer.order.append("cleaned")
        clean(directory)

    monkeypatch.setattr(mkdocs.utils, "clean_directory", cleaning)
    # The next build, in a thread of its own: either it says it waits, or it ends.
    progress = threading.Event()

    class Waiting(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if "waiting for the handouts rendering" in record.getMessage():
                progress.set()

    def next_build() -> None:
        try:
            serve_build(served)
        finally:
            progress.set()

    handler = Waiting()
    logging.getLogger("mkdocs").addHandler(handler)
    caplog.set_level(logging.INFO, logger="mkdocs")  # the message it waits with
    try:
        builder = threading.Thread(target=next_build)
        builder.start()
        progress.wait(HANG_GUARD)
        assert renderer.order == []  # it waits, and has cleaned nothing
        renderer.release.set()
        builder.join(HANG_GUARD)
    finally:
        renderer.release.set()
        logging.getLogger("mkdocs").removeHandler(handler)
    assert renderer.order == ["rendered", "cleaned"]
    site = served.parent / "site"
    assert (site / "handouts" / "hotel-staff.pdf").is_file()  # from the cache now


def test_a_plain_build_renders_its_handouts_before_it_returns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.delenv("CI", raising=False)
    config_file = write_handbook(tmp_path)
    for edit in ("", "Ask about recruitment fees."):
        if edit:
            edit_hotel_staff(tmp_path, edit)
        renderer = HeldRenderer()
        renderer.release.set()
        monkeypatch.setattr(handout_render, "render_pdf", renderer)
        config = load_config(config_file=str(config_file))
        config.plugins.on_startup(command="build", dirty=False)
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            build(config)
        # Rendered in the build, published when it returns.
        assert set(renderer.threads) == {threading.main_thread().name}
        for module_id, html in renderer.rendered:
            pdf = (tmp_path / "site" / "handouts" / f"{module_id}.pdf").read_bytes()
            assert pdf == b"%PDF-1.7 " + html.encode()
        assert [module_id for module_id, _ in renderer.rendered] == (
            ["hotel-staff"] if edit else ["community", "hotel-staff"]
        )
    assert not [message for message in messages(caplog) if "background" in message]


def test_a_handout_failing_in_the_background_is_said_and_the_server_goes_on(
    served: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    site = served.parent / "site"
    published = (site / "handouts" / "hotel-staff.pdf").read_bytes()
    edit_hotel_staff(served.parent, "Ask about recruitment fees.")
    renderer = HeldRenderer(failing={"hotel-staff"})
    renderer.release.set()
    monkeypatch.setattr(handout_render, "render_pdf", renderer)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        serve_build(served)
        wait_for_background_handouts()
    # The message a build gives, and the last good PDF published meanwhile.
    assert (
        "content/modules/hotel-staff.md: handout not made: WeasyPrint failed: "
        "RecursionError: too deep; kept the previous site/handouts/hotel-staff.pdf"
    ) in messages(caplog, logging.WARNING)
    assert messages(caplog)[-1] == (
        "handouts: rendered in the background: 1 failed (hotel-staff; see above)"
    )
    assert (site / "handouts" / "hotel-staff.pdf").read_bytes() == published

    # Something else going wrong in the thread is said, not raised; the next build runs.
    def broken(*args, **kwargs) -> bytes:
        raise RuntimeError("out of memory")

    monkeypatch.setattr(handout_render, "render_pdf", broken)
    edit_hotel_staff(served.parent, "Ask again.")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        serve_build(served)
        wait_for_background_handouts()
    assert messages(caplog, logging.ERROR) == [
        "handouts: rendering in the background stopped (RuntimeError: out of memory); "
        "the next build makes the handouts again"
    ]
    monkeypatch.setattr(handout_render, "render_pdf", FakeRenderer(failing=set()))
    serve_build(served)
    wait_for_background_handouts()
    assert b"Ask again." in (site / "handouts" / "hotel-staff.pdf").read_bytes()


def test_under_strict_a_serve_rebuild_renders_its_handouts_before_it_returns(
    served: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`mkdocs serve --strict`: a handout's warning must fail the rebuild it is found in."""
    edit_hotel_staff(served.parent, "Ask about recruitment fees.")
    renderer = HeldRenderer()
    monkeypatch.setattr(handout_render, "render_pdf", renderer)
    serve_build(served, strict=True)
    assert renderer.threads == [threading.main_thread().name]
    ((_, html),) = renderer.rendered
    pdf = (served.parent / "site" / "handouts" / "hotel-staff.pdf").read_bytes()
    assert pdf == b"%PDF-1.7 " + html.encode()


def test_a_build_after_serve_has_shut_down_renders_its_handouts_before_it_returns(
    served: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs keeps one plugin instance per process (its plugin cache): a build run in
    the process after `mkdocs serve` ended, without on_startup (as tests and embedders
    call `build`), is a plain build, not a rebuild of a server that is gone."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(served))
    config.plugins.on_shutdown()  # serve ends (the fixture's second call finds nothing)
    edit_hotel_staff(served.parent, "Ask about recruitment fees.")
    renderer = HeldRenderer()
    monkeypatch.setattr(handout_render, "render_pdf", renderer)
    build(load_config(config_file=str(served)))
    assert renderer.threads == [threading.main_thread().name]
    ((_, html),) = renderer.rendered
    pdf = (served.parent / "site" / "handouts" / "hotel-staff.pdf").read_bytes()
    assert pdf == b"%PDF-1.7 " + html.encode()
