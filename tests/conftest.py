"""Shared by the whole suite: skip-or-fail for missing system parts, and the shipped
site, built once per test session and shared by the site, link and browser tests (and
its offline build, once, for the tests of what only that build does)."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from site_builds import BUILD_ENV, CHROMIUM, SiteBuild, serve, shared_build, shared_folder

from coalition_handbook.cache_signature import KEY_FILE_VARIABLE

CI = os.environ.get("CI") == "true"


def require_or_skip(condition: bool, reason: str) -> None:
    """Skip when a system part (Chromium, Pango) is missing; under CI=true, fail instead:
    CI installs them, so a skip there would hide a broken install."""
    if condition:
        return
    if CI:
        pytest.fail(f"{reason} (CI=true: a missing requirement is a failure)", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def require_names_apart(folder: Path) -> None:
    """For a test that writes two names one folder of macOS or Windows holds as one
    (`About.md` and `about.md`; `protección.md` composed and decomposed): skip where the
    file system of `folder` takes them for one, as a Mac's does (audit: `make test` failed
    there, the second file written over the first); CI's Linux holds them apart."""
    probe = folder / "names-apart-probe"
    probe.write_text("", encoding="utf-8")
    try:
        composed, decomposed = "\u00f3", "o\u0301"
        apart = not (folder / "NAMES-APART-PROBE").exists()
        (folder / composed).write_text("", encoding="utf-8")
        apart = apart and not (folder / decomposed).exists()
        (folder / composed).unlink()
    finally:
        probe.unlink()
    require_or_skip(
        apart,
        f"the file system of {folder} takes names that differ only in case or in how "
        "accents are encoded for one (as macOS's and Windows' do): the test needs two",
    )


def import_or_skip(name: str) -> ModuleType:
    """`pytest.importorskip` as `require_or_skip`: a Python package that CI installs
    (Playwright, axe) missing there fails, rather than skipping every test that needs it."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        require_or_skip(False, f"could not import {name!r}: {error}")
        raise  # not reached: require_or_skip fails or skips


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("browser") is not None:
        # Name what to install (audit: a newcomer's laptop read only "is not installed").
        require_or_skip(
            Path(CHROMIUM).exists(),
            f"{CHROMIUM} is not installed: install Debian's chromium "
            "(`make system-deps`, as root, also installs the PDF handouts' Pango)",
        )


@pytest.fixture(scope="session", autouse=True)
def _session_cache_key(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The key that signs cache files (`cache_signature`) in a folder of the session's,
    not in the user's own cache folder; the commands the tests run read it too (those
    given BUILD_ENV, made before this, as well)."""
    key = str(tmp_path_factory.mktemp("cache-key") / "key")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(KEY_FILE_VARIABLE, key)
        patch.setitem(BUILD_ENV, KEY_FILE_VARIABLE, key)
        yield


@pytest.fixture(autouse=True)
def _fresh_plugin_instances() -> Iterator[None]:
    """MkDocs keeps one instance of a plugin with `on_startup` for the whole process (for
    `mkdocs serve`'s rebuilds): a test that started it as `serve` or `--dirty` left it so
    for every in-process build after it in the same worker, which then kept no published
    site to fall back on."""
    from mkdocs.config.defaults import MkDocsConfig

    yield
    MkDocsConfig.plugins.plugin_cache.clear()


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """`mkdocs build --strict` of the repository's own handbook, once per session."""
    return shared_build(shared_folder(tmp_path_factory), "mkdocs")


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """`make offline`'s build of the shipped handbook (.html links, search from file://)."""
    return shared_build(shared_folder(tmp_path_factory), "mkdocs", offline=True)


@pytest.fixture(scope="session")
def site_url(shipped_site: SiteBuild) -> Iterator[str]:
    """The shipped site served on 127.0.0.1, as members would browse it."""
    with serve(shipped_site.require()) as url:
        yield url
