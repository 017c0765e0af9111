"""Building and serving sites for the tests: the shipped handbook, and tiny handbooks
written into tmp_path, one per plugin behaviour."""

from __future__ import annotations

import base64
import contextlib
import fcntl
import functools
import hashlib
import json
import os
import re
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TypedDict, Unpack

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CHROMIUM = "/usr/bin/chromium"


def content_as_of(root: Path = ROOT) -> str:
    """The date of the newest history entry of the example handbook: the day it is
    checked as of (`HANDBOOK_TODAY`), so that a protocol's review date falling due on the
    calendar does not fail the suite; the real site's build still warns then."""
    dates: list[str] = []
    for folder, pattern in (("glossary", "*.yml"), ("protocols", "*.yml"), ("content", "*.md")):
        for path in (root / folder).rglob(pattern):
            dates += re.findall(r"^\s*date: (\d{4}-\d{2}-\d{2})", path.read_text("utf-8"), re.M)
    return max(dates)


BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_TODAY": content_as_of()}


@dataclass(frozen=True)
class SiteBuild:
    site_dir: str
    returncode: int
    output: str
    seconds: float

    def require(self) -> Path:
        """The built site; fails the test (with the build's log) if the build failed."""
        if self.returncode != 0:
            pytest.fail(f"the site build failed:\n{self.output[-6000:]}", pytrace=False)
        return Path(self.site_dir)


def run_build(
    tool: str,
    site_dir: Path,
    *,
    config: Path = ROOT / "mkdocs.yml",
    strict: bool = True,
    offline: bool = False,
) -> SiteBuild:
    """`mkdocs build` or `properdocs build` of `config` into `site_dir`, in a subprocess;
    `offline` builds as `make offline` does (HANDBOOK_OFFLINE=true)."""
    command = [str(BIN / tool), "build", "-f", str(config), "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    started = time.perf_counter()
    completed = subprocess.run(
        command,
        cwd=config.parent,
        env={**BUILD_ENV, "HANDBOOK_OFFLINE": "true" if offline else "false"},
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    return SiteBuild(
        str(site_dir), completed.returncode, completed.stdout + completed.stderr, seconds
    )


def shared_folder(factory: pytest.TempPathFactory) -> Path:
    """A folder every xdist worker of this session sees (each has its own basetemp)."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def one_worker_at_a_time(shared_dir: Path, name: str) -> Iterator[None]:
    """Held by one xdist worker of the session at a time (a lock in `shared_dir`): the
    first to hold it makes what `name` stands for, the others find it made."""
    with (shared_dir / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def shared_build(shared_dir: Path, tool: str, *, offline: bool = False) -> SiteBuild:
    """Build the shipped handbook once for all xdist workers: the first builds under a
    lock, the others read its result."""
    name = f"{tool}-{'offline' if offline else 'site'}"
    result_file = shared_dir / f"{name}.json"
    with one_worker_at_a_time(shared_dir, name):
        if result_file.exists():
            return SiteBuild(**json.loads(result_file.read_text(encoding="utf-8")))
        build = run_build(tool, shared_dir / name, offline=offline)
        result_file.write_text(json.dumps(asdict(build)), encoding="utf-8")
        return build


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        # LinkChecker waits between requests to a host unless the server sends this
        # header (its manual's way to check one's own server at full speed).
        self.send_header("LinkChecker", "local test server")
        super().end_headers()


class _PagesHandler(_QuietHandler):
    """Answers a missing address with the site's 404 page, as GitLab and GitHub Pages do
    at any depth."""

    not_found: Path

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve(directory: Path, *, not_found: Path | None = None) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (a free port) in a thread; yields the base URL.
    `not_found`: the page a missing address gets, as a Pages host sends its 404.html."""
    if not_found is None:
        handler = functools.partial(_QuietHandler, directory=str(directory))
    else:
        pages = type("Pages", (_PagesHandler,), {"not_found": not_found})
        handler = functools.partial(pages, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def term_yaml(
    term: str,
    definition: str,
    *,
    extra: str = "",
    version: int = 1,
    date: str = "2026-01-01",
) -> str:
    """A valid term file; `extra` is more YAML (aliases, avoid, status...)."""
    return (
        f"term: {json.dumps(term)}\nversion: {version}\n"
        f"definition: {json.dumps(definition)}\n"
        + textwrap.dedent(extra)
        + f"history:\n  - version: {version}\n    date: {date}\n    summary: First approved.\n"
    )


def protocol_yaml(title: str, *, review_by: str = "2099-01-01", history: str = "") -> str:
    history = history or "  - version: 1\n    date: 2026-01-01\n    summary: First version.\n"
    return (
        textwrap.dedent(
            f"""\
        title: {json.dumps(title)}
        version: 1
        owner: Response committee
        effective: 2026-01-01
        review_by: {review_by}
        audience: [hotel staff]
        summary: What to do when you suspect trafficking.
        steps:
          - title: Stay safe
            detail: Do not confront anyone.
          - title: Call the hotline
            detail: |
              Call the hotline.

              Write down what you saw.
        contacts:
          - name: National hotline
            phone: 1-888-373-7888
            text: "233733"
        history:
        """
        )
        + history
    )


class SiteSettings(TypedDict, total=False):
    """What a tiny handbook's mkdocs.yml sets beyond its files (`write_site`), named once
    where several tests build the same kind of site (`READERS_SITE`)."""

    options: str  # the handbook plugin's, YAML as under `- handbook:`
    extra_config: str  # mkdocs.yml's lines before `plugins:`
    theme: str  # MkDocs' plain theme unless this says, for speed
    theme_options: str  # after the theme's name: `language: es`
    search: bool  # the search plugin too


# The site as a reader sees it, but for the PDF handouts (slow to render, and no page).
READERS_SITE: SiteSettings = {"theme": "material", "search": True, "options": "handouts: false\n"}


def write_site(
    root: Path,
    *,
    pages: dict[str, str],
    terms: dict[str, str] | None = None,
    protocols: dict[str, str] | None = None,
    **settings: Unpack[SiteSettings],
) -> Path:
    """A tiny handbook in `root`, its mkdocs.yml set as `settings` say (given one by one,
    or as a named `SiteSettings` and what it leaves out); returns mkdocs.yml."""
    if unknown := sorted(settings.keys() - SiteSettings.__optional_keys__):
        raise TypeError(f"write_site() got unknown settings: {', '.join(unknown)}")
    for folder, files, suffix in (
        ("content", pages, ""),
        ("glossary", terms or {}, ".yml"),
        ("protocols", protocols or {}, ".yml"),
    ):
        (root / folder).mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            path = root / folder / f"{name}{suffix}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    config = root / "mkdocs.yml"
    options, theme_options = settings.get("options", ""), settings.get("theme_options", "")
    plugin = (
        ("  - search\n" if settings.get("search", False) else "")
        + "  - handbook"
        + (":\n" + textwrap.indent(textwrap.dedent(options), "      ") if options else "")
    )
    theme = settings.get("theme", "mkdocs")
    config.write_text(
        f"site_name: Tiny handbook\ndocs_dir: content\n"
        f"theme: {{name: {theme}{f', {theme_options}' if theme_options else ''}}}\n"
        f"{settings.get('extra_config', '')}plugins:\n{plugin}\n",
        encoding="utf-8",
    )
    return config


def build_site(config: Path, *, strict: bool = True, site_dir: Path | None = None) -> Path:
    """Build in this process (fast: no interpreter start-up), into `site_dir` if given
    (as `mkdocs build -d`); returns the site folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    overrides = {} if site_dir is None else {"site_dir": str(site_dir)}
    mkdocs_config = load_config(config_file=str(config), strict=strict, **overrides)
    build(mkdocs_config)
    return Path(mkdocs_config.site_dir)


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


@dataclass
class Element:
    """An element of a built page, with the tags it sits in (outermost first)."""

    tag: str
    attrs: dict[str, str]
    ancestors: list[str]
    text: str = ""


class _Collector(HTMLParser):
    """Collects the elements matching a tag (and class) with their ancestry and text."""

    VOID = frozenset(
        {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
        | {"track", "wbr"}
    )

    def __init__(self, tag: str, css_class: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.css_class = tag, css_class
        self.stack: list[str] = []
        self.found: list[Element] = []
        self.open: list[tuple[int, Element]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == self.tag and (
            self.css_class is None or self.css_class in values.get("class", "").split()
        ):
            element = Element(tag, values, list(self.stack))
            self.found.append(element)
            self.open.append((len(self.stack), element))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        while self.stack:
            closed = self.stack.pop()
            if self.open and self.open[-1][0] == len(self.stack):
                self.open.pop()
            if closed == tag:
                break

    def handle_data(self, data: str) -> None:
        for _, element in self.open:
            element.text += data


def elements(html: str, tag: str, css_class: str | None = None) -> list[Element]:
    """The `tag` elements of a page (with `css_class`, if given), parsed as HTML."""
    collector = _Collector(tag, css_class)
    collector.feed(html)
    collector.close()
    return collector.found


def script_source(text: str) -> str:
    """The content policy's source that lets an inline script of `text` run."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_script_sources(html: str) -> set[str]:
    """The sources of the inline scripts of a page that run, as Python's HTML parser
    reads them: not one with a `src`, nor a JSON one."""
    return {
        script_source(script.text)
        for script in elements(html, "script")
        if "src" not in script.attrs and "json" not in script.attrs.get("type", "")
    }


def term_links(html: str) -> list[Element]:
    return elements(html, "a", "hb-term")
