"""`mkdocs serve`'s rebuilds render the handouts the cache lacks in the background, once
the pages are built (site/handout_background.py): audit, a definition edit held the
browser's reload for 25 s. A plain build renders them first, as before."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_handouts import FakeRenderer, context_of, module_text, write_handbook

from coalition_handbook.site import handout_render, handouts
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
        self.began = threading.Event()  # a render outside the build's thread is held
        self.threads: list[str] = []
        self.order: list[str] = []  # "rendered", and what a test adds

    def __call__(self, content: handout_render.HandoutContent, *args, **kwargs) -> bytes:
        self.threads.append(threading.current_thread().name)
        if threading.current_thread() is not threading.main_thread():
            self.began.set()
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
    edit_module(root, "hotel-staff", words)


def edit_module(root: Path, module_id: str, words: str) -> None:
    """A change to what `module_id`'s handout prints alone."""
    module = root / "content" / "modules" / f"{module_id}.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(text + f"\n{words}\n", encoding="utf-8")


def messages(caplog: pytest.LogCaptureFixture, level: int = logging.INFO) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.levelno >= level]


def handouts_said(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The handouts' own messages: the background thread's last one may come before or
    after MkDocs' "Documentation built", whichever thread the machine runs first."""
    return [message for message in messages(caplog) if message.startswith("handouts: ")]


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
        # What an editor who follows the link meanwhile is told (the server's 404).
        assert (
            "handouts: rendering 1 handout(s) in the background (hotel-staff); the pages "
            "link to them already, and find no PDF there until this log says it is ready"
        ) in messages(caplog)
        renderer.release.set()
        wait_for_background_handouts()
    assert renderer.threads == ["handbook-handouts"]
    ((module_id, html),) = renderer.rendered
    assert module_id == "hotel-staff" and "Ask about recruitment fees." in html
    assert (site / "handouts" / "hotel-staff.pdf").read_bytes() == b"%PDF-1.7 " + html.encode()
    said = messages(caplog)
    assert "handouts: 1 rendered, 1 from the cache, 0 failed, in handouts/" in said
    assert (
        handouts_said(caplog)[-1] == "handouts: rendered in the background: 1 ready (hotel-staff)"
    )
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
    # Under way: a render stopped before it began would render nothing to wait for.
    assert renderer.began.wait(HANG_GUARD)

    clean = mkdocs.utils.clean_directory

    def cleaning(directory: str) -> None:
        renderer.order.append("cleaned")
        clean(directory)

    monkeypatch.setattr(mkdocs.utils, "clean_directory", cleaning)
    # The next build, in a thread of its own: either it says it stops the render (and
    # waits for the handout rendering now), or it ends.
    progress = threading.Event()

    class Waiting(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if "stopping the handouts rendering in the background" in record.getMessage():
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
    assert handouts_said(caplog)[-1] == (
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


# Both example modules, in the order a render takes them.
MODULES = ("community", "hotel-staff")


class GatedRenderer(FakeRenderer):
    """`FakeRenderer` whose renders outside the build's own thread each wait until their
    module's gate is opened; `began` is set as one starts, `entered` lists them."""

    def __init__(self, failing: set[str] | None = None) -> None:
        super().__init__(failing or set())
        self.gates = {module_id: threading.Event() for module_id in MODULES}
        self.began = {module_id: threading.Event() for module_id in MODULES}
        self.entered: list[str] = []

    def __call__(self, content: handout_render.HandoutContent, *args, **kwargs) -> bytes:
        module_id = content.module.id
        if threading.current_thread() is not threading.main_thread():
            self.entered.append(module_id)
            self.began[module_id].set()
            self.gates[module_id].wait(HANG_GUARD)
        return super().__call__(content, *args, **kwargs)

    def open_all(self) -> None:
        for gate in self.gates.values():
            gate.set()


class OnMessage(logging.Handler):
    """Calls `action` once MkDocs' log says something holding `words`."""

    def __init__(self, words: str, action: Callable[[], None]) -> None:
        super().__init__()
        self.words, self.action = words, action

    def emit(self, record: logging.LogRecord) -> None:
        if self.words in record.getMessage():
            self.action()


@contextmanager
def on_message(words: str, action: Callable[[], None]) -> Iterator[None]:
    handler = OnMessage(words, action)
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        yield
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)


STOPPING = "stopping the handouts rendering in the background"


def background_render() -> threading.Thread:
    """The thread rendering handouts in the background now."""
    (thread,) = [
        thread
        for thread in threading.enumerate()
        if thread.name == "handbook-handouts" and thread.is_alive()
    ]
    return thread


def test_a_save_during_a_render_waits_for_the_handout_rendering_now_only(
    served: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Audit: a save while handouts rendered waited for them all. It stops the render:
    the handout rendering then is finished, into the cache, the others are left to the
    new build's render; the stopped render publishes nothing, and nothing is rendered
    twice (DESIGN section 8)."""
    root, site = served.parent, served.parent / "site"
    for module_id in MODULES:
        edit_module(root, module_id, f"New words for {module_id}.")
    renderer = GatedRenderer()
    monkeypatch.setattr(handout_render, "render_pdf", renderer)
    publishers: list[str] = []
    publish = handouts.publish_handouts

    def publishing(*args, **kwargs) -> str | None:
        publishers.append(threading.current_thread().name)
        return publish(*args, **kwargs)

    monkeypatch.setattr(handouts, "publish_handouts", publishing)
    caplog.set_level(logging.INFO, logger="mkdocs")
    try:
        serve_build(served)
        assert renderer.began["community"].wait(HANG_GUARD)
        edit_module(root, "community", "Newer words for community.")  # the next save
        # Community's render ends once the new build has stopped the render.
        with on_message(STOPPING, renderer.gates["community"].set):
            builder = threading.Thread(target=serve_build, args=(served,))
            builder.start()
            builder.join(HANG_GUARD)
        # Back with hotel-staff's gate shut: it waited for community's render only.
        assert not builder.is_alive()
        assert (
            "handouts: rendering in the background stopped (a new build starts): it "
            "published none of community, hotel-staff; the next build renders what the "
            "cache lacks"
        ) in messages(caplog)
        assert publishers == []
        # The new build renders what the stopped one left, and community as saved since.
        assert renderer.began["hotel-staff"].wait(HANG_GUARD)
        assert (
            "handouts: rendering 2 handout(s) in the background (community, hotel-staff); "
            "the pages link to them already, and find no PDF there until this log says it "
            "is ready"
        ) in messages(caplog)
    finally:
        renderer.open_all()
        if "builder" in locals():
            builder.join(HANG_GUARD)
        wait_for_background_handouts()
    assert renderer.entered == ["community", "community", "hotel-staff"]
    assert publishers == ["handbook-handouts"]
    for module_id, words in (("community", "Newer"), ("hotel-staff", "New")):
        pdf = (site / "handouts" / f"{module_id}.pdf").read_bytes()
        assert f"{words} words for {module_id}.".encode() in pdf
    # The community handout rendered before the stop is in the cache: saving its words
    # back renders nothing, nor does a rebuild with nothing changed.
    module = root / "content" / "modules" / "community.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("\nNewer words for community.\n", ""), encoding="utf-8")
    caplog.clear()
    rendered = len(renderer.rendered)
    serve_build(served)
    serve_build(served)
    assert len(renderer.rendered) == rendered
    assert not [message for message in messages(caplog) if "background" in message]
    pdf = (site / "handouts" / "community.pdf").read_bytes()
    assert b"New words for community." in pdf and b"Newer" not in pdf


def test_a_render_told_to_stop_renders_nothing_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = context_of(write_handbook(tmp_path))
    renderer = FakeRenderer(failing=set())
    monkeypatch.setattr(handout_render, "render_pdf", renderer)
    stop = threading.Event()
    stop.set()
    with pytest.raises(handouts.HandoutsStopped):
        handouts.make_handouts(context, stop=stop)
    assert renderer.rendered == []
    # Unset, the run makes them all.
    made = handouts.make_handouts(context, stop=threading.Event())
    assert [result.outcome for result in made.results] == ["rendered", "rendered"]


class FakeLiveServer:
    """What `mkdocs serve` asks of its server. `serve` runs `WHILE_SERVING` with the
    builder (a save's rebuild), then raises KeyboardInterrupt, as a Ctrl-C does."""

    while_serving: Callable[[Callable[[], None]], None] = staticmethod(lambda builder: None)

    def __init__(self, builder: Callable[[], None], **kwargs: object) -> None:
        self.builder = builder
        self.error_handler = None

    def watch(self, path: str, recursive: bool = True) -> None:
        pass

    def unwatch(self, path: str) -> None:
        pass

    def serve(self, open_in_browser: bool = False) -> None:
        type(self).while_serving(self.builder)
        raise KeyboardInterrupt

    def shutdown(self) -> None:
        pass


def run_serve(
    config_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    while_serving: Callable[[Callable[[], None]], None],
) -> Path:
    """`mkdocs serve` of `config_file`, with `while_serving` run before the Ctrl-C that
    ends it; returns the temporary folder it built the site in."""
    import tempfile

    from mkdocs.commands import serve

    monkeypatch.delenv("CI", raising=False)
    folders: list[Path] = []
    make_folder = tempfile.mkdtemp

    def site_folder(*args, **kwargs) -> str:
        folder = make_folder(*args, **{**kwargs, "dir": config_file.parent})
        folders.append(Path(folder))
        return folder

    monkeypatch.setattr(serve.tempfile, "mkdtemp", site_folder)
    monkeypatch.setattr(FakeLiveServer, "while_serving", staticmethod(while_serving))
    monkeypatch.setattr(serve, "LiveReloadServer", FakeLiveServer)
    try:
        serve.serve(config_file=str(config_file))
    except KeyboardInterrupt:
        pytest.fail("a Ctrl-C went out of `mkdocs serve`'s shutdown: its folder stays")
    (folder,) = folders
    return folder


def test_ctrl_c_stops_the_render_once_the_handout_rendering_now_is_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Audit: the first Ctrl-C waited for every handout rendering. It waits for the one
    rendering now, which the next run takes from the cache; serve's folder is removed,
    and no thread is left."""
    config_file = write_handbook(tmp_path)
    renderer = GatedRenderer()
    renderer.open_all()  # the first build renders in the build's own thread anyway
    monkeypatch.setattr(handout_render, "render_pdf", renderer)
    threads: list[threading.Thread] = []

    def save_then_ctrl_c(builder: Callable[[], None]) -> None:
        renderer.gates = {module_id: threading.Event() for module_id in MODULES}
        for module_id in MODULES:
            edit_module(tmp_path, module_id, f"New words for {module_id}.")
        builder()
        assert renderer.began["community"].wait(HANG_GUARD)
        threads.append(background_render())

    caplog.set_level(logging.INFO, logger="mkdocs")
    try:
        with on_message(STOPPING, lambda: renderer.gates["community"].set()):
            folder = run_serve(config_file, monkeypatch, save_then_ctrl_c)
    finally:
        renderer.open_all()
    assert renderer.entered == ["community"]
    assert not folder.exists()
    assert not threads[0].is_alive()
    assert (
        "handouts: the server stops: stopping the handouts rendering in the background "
        "once the one rendering now is done (Ctrl-C again: at once)"
    ) in messages(caplog)
    # The community handout rendered before the stop is in the cache.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    rendered = [module_id for module_id, _ in renderer.rendered]
    build(load_config(config_file=str(config_file)))
    assert [module_id for module_id, _ in renderer.rendered] == [*rendered, "hotel-staff"]


def test_a_second_ctrl_c_stops_without_waiting_and_serve_removes_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Audit: a second Ctrl-C while the shutdown waited for the handouts left serve's
    temporary folder behind. It ends the wait: the render publishes nothing, into a
    folder removed or anywhere, and the folder is removed."""
    config_file = write_handbook(tmp_path)
    renderer = GatedRenderer()
    renderer.open_all()
    monkeypatch.setattr(handout_render, "render_pdf", renderer)
    threads: list[threading.Thread] = []

    def interrupted(timeout: float | None = None) -> None:
        raise KeyboardInterrupt  # the second Ctrl-C, while the shutdown waits

    def save_then_ctrl_c(builder: Callable[[], None]) -> None:
        renderer.gates = {module_id: threading.Event() for module_id in MODULES}
        edit_hotel_staff(tmp_path, "Ask about recruitment fees.")
        builder()
        assert renderer.began["hotel-staff"].wait(HANG_GUARD)
        threads.append(background_render())
        monkeypatch.setattr(threads[0], "join", interrupted)

    caplog.set_level(logging.INFO, logger="mkdocs")
    try:
        folder = run_serve(config_file, monkeypatch, save_then_ctrl_c)
        assert not folder.exists()
    finally:
        renderer.open_all()
        threading.Thread.join(threads[0], HANG_GUARD)
    assert not threads[0].is_alive()
    assert not folder.exists()  # the render, ended since, wrote nothing there
    said = messages(caplog)
    assert (
        "handouts: stopped without waiting for the handout rendering in the background; "
        "it publishes nothing"
    ) in said
    assert handouts_said(caplog)[-1] == (
        "handouts: rendering in the background stopped (the server stops): it published "
        "none of hotel-staff; the next build renders what the cache lacks"
    )


def test_a_new_handout_failing_in_the_background_says_its_link_finds_nothing(
    served: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A module new since the server started, whose handout fails: no earlier PDF is
    published instead, so the log says its link finds none until a save."""
    root = served.parent
    (root / "content" / "modules" / "outreach.md").write_text(
        module_text("Outreach workers", protocols="[]"), encoding="utf-8"
    )
    monkeypatch.setattr(handout_render, "render_pdf", FakeRenderer(failing={"outreach"}))
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        serve_build(served)
        wait_for_background_handouts()
    assert handouts_said(caplog)[-1] == (
        "handouts: rendered in the background: 1 failed (outreach; see above); the pages' "
        "link to the handout of outreach finds no PDF until a save renders it again"
    )
    assert not (root / "site" / "handouts" / "outreach.pdf").exists()
