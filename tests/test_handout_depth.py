"""A module's text nested deeper than WeasyPrint can lay out: found by `handbook check`
at its line (markdown.nesting), held back by the build, and never a traceback; and each
handout rendered with the same stack, whoever renders it."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from handbooks import finding_rows
from test_handouts import context_of, module_text, require_weasyprint, write_handbook

from coalition_handbook.cli import main
from coalition_handbook.site import handout_render
from coalition_handbook.site.handout_depth import (
    MAX_HANDOUT_DEPTH,
    _may_nest,
    may_be_too_deep,
    printed_depth,
    too_deep_at,
)
from coalition_handbook.site.handouts import handout_content
from coalition_handbook.stack_room import with_frames

DEEP = MAX_HANDOUT_DEPTH + 1

# Each way of nesting, `n` levels deep, as a module writes it; the elements each level
# makes (a table: `<table>`, `<tbody>`, `<tr>`, `<td>`); and those around its text (a
# paragraph, where Markdown is read in the innermost element).
NESTINGS: dict[str, tuple[Callable[[int], str], int, int]] = {
    "div": (lambda n: "<div>\n" * n + "deep\n" + "</div>\n" * n, 1, 0),
    "div-one-line": (lambda n: "<div>" * n + "deep" + "</div>" * n + "\n", 1, 0),
    "quote": (lambda n: "<blockquote>" * n + "deep" + "</blockquote>" * n + "\n", 1, 0),
    "list": (lambda n: "<ul><li>" * n + "deep" + "</li></ul>" * n + "\n", 2, 0),
    "table": (lambda n: "<table><tr><td>" * n + "deep" + "</td></tr></table>" * n + "\n", 4, 0),
    "li-left-open": (lambda n: "<ul><li>" * n + "deep\n", 2, 0),
    "markdown-div": (lambda n: '<div markdown="1">\n' * n + "deep\n" + "</div>\n" * n, 1, 1),
    # Markdown's quotes in raw HTML's: each `>` a level.
    "quotes-around-divs": (
        lambda n: "> " * (n // 2) + "<div>" * (n - n // 2) + "deep" + "</div>" * (n - n // 2),
        1,
        0,
    ),
}


def body_nesting(kind: str, elements: int) -> str:
    nest, per_level, _ = NESTINGS[kind]
    return f"# T\n\nIntro.\n\n{nest(-(-elements // per_level))}\nAfter.\n"


@pytest.mark.parametrize("kind", NESTINGS)
def test_the_rough_reckoning_never_counts_fewer_elements_than_are_printed(kind: str) -> None:
    for elements in (10, 60, DEEP):
        body = body_nesting(kind, elements)
        assert _may_nest(body) >= printed_depth(body)


@pytest.mark.parametrize("kind", NESTINGS)
def test_nesting_past_the_limit_is_found_where_it_passes_it(kind: str) -> None:
    body = body_nesting(kind, MAX_HANDOUT_DEPTH + 10)
    assert may_be_too_deep(body)
    found = too_deep_at(body)
    assert found is not None
    offset, deepest = found
    assert deepest > MAX_HANDOUT_DEPTH
    # Up to there, the text nests as deep as allowed and no deeper; with it, deeper.
    assert printed_depth(body[:offset]) <= MAX_HANDOUT_DEPTH
    assert printed_depth(body[: body.find("\n", offset)]) > MAX_HANDOUT_DEPTH


def test_the_place_is_the_line_and_the_tag_that_pass_the_limit() -> None:
    body = body_nesting("div", DEEP + 20)
    offset, _ = too_deep_at(body) or (0, 0)
    # The tag of the element one past the limit: line 5 holds the first `<div>`.
    assert body.count("\n", 0, offset) + 1 == 5 + MAX_HANDOUT_DEPTH
    assert body[offset : offset + 5] == "<div>"
    one_line = body_nesting("div-one-line", DEEP + 20)
    offset, _ = too_deep_at(one_line) or (0, 0)
    assert offset == one_line.index("<div>") + MAX_HANDOUT_DEPTH * len("<div>")


@pytest.mark.parametrize("kind", NESTINGS)
def test_nesting_up_to_the_limit_is_fine(kind: str) -> None:
    _, per_level, around_text = NESTINGS[kind]
    body = body_nesting(kind, MAX_HANDOUT_DEPTH - per_level + 1 - around_text)
    assert printed_depth(body) <= MAX_HANDOUT_DEPTH
    assert too_deep_at(body) is None


def test_many_elements_one_after_another_are_not_measured() -> None:
    """A long text of many short elements, as most are, is not rendered to know."""
    body = "<div><p>One.</p></div>\n\n" * 5_000 + "> - <table><tr><td>x</td></tr></table>\n"
    assert not may_be_too_deep(body)


def write_deep_handbook(root: Path, kind: str = "div", elements: int = 150) -> Path:
    deep = body_nesting(kind, elements).split("\n", 2)[2]  # without its title
    modules = {
        "hotel-staff": module_text("Hotel staff", "\n" + deep),
        "community": module_text("Community members", protocols="[]"),
    }
    return write_handbook(root, modules=modules)


def deep_line(config_file: Path) -> int:
    """The line of the module's 101st `<div>`: the first element past the limit."""
    text = (config_file.parent / "content/modules/hotel-staff.md").read_text(encoding="utf-8")
    first = text.index("<div>")
    return text.count("\n", 0, first) + 1 + MAX_HANDOUT_DEPTH


def test_handbook_check_names_the_line_where_a_module_nests_too_deep(tmp_path: Path) -> None:
    """Fuzzing: 150 nested `<div>` in a module passed the check, and its handout failed
    with a RecursionError naming the module alone."""
    config_file = write_deep_handbook(tmp_path)
    rows = [row for row in finding_rows(config_file) if row[3] == "markdown.nesting"]
    assert rows == [
        (
            "content/modules/hotel-staff.md",
            deep_line(config_file),
            "error",
            "markdown.nesting",
            f"elements nested more than {MAX_HANDOUT_DEPTH} deep in the module's handout from "
            "here (150 at most: HTML, quotes, lists, admonitions or tables), more than "
            "WeasyPrint can lay out: the handout is not made; flatten them",
        )
    ]


def with_option(config_file: Path, option: str) -> None:
    """Give the handbook plugin of `write_handbook`'s mkdocs.yml the `option` (YAML)."""
    text = config_file.read_text(encoding="utf-8")
    config_file.write_text(
        text.replace("      paper_size:", f"      {option}\n      paper_size:"), encoding="utf-8"
    )


@pytest.mark.parametrize(
    "setting",
    [
        "handouts: false",
        # A draft the site leaves out gets no handout.
        "exclude_docs: |\n  modules/hotel-staff.md\n",
    ],
)
def test_a_module_that_gets_no_handout_may_nest_as_the_site_renders(
    tmp_path: Path, setting: str
) -> None:
    config_file = write_deep_handbook(tmp_path)
    if setting.startswith("handouts"):
        with_option(config_file, setting)
    else:
        config_file.write_text(config_file.read_text(encoding="utf-8") + setting, "utf-8")
    assert not [row for row in finding_rows(config_file) if row[3] == "markdown.nesting"]


def test_a_draft_module_s_handout_is_checked_as_mkdocs_serve_makes_it(tmp_path: Path) -> None:
    """Review rv66f: a draft (`draft_docs`) is left out by `mkdocs build` and shown, its
    handout made, by `mkdocs serve`; its handout was checked under serve alone, so the
    findings, and the check cache's key, differed between them: each switch between
    `mkdocs serve` and `handbook check` or a build checked the handbook anew. It is
    checked as serve makes it, as its pull request reviews it."""
    from coalition_handbook.check import _config_key
    from coalition_handbook.config import load_config

    config_file = write_deep_handbook(tmp_path)
    text = config_file.read_text(encoding="utf-8")
    config_file.write_text(text + "draft_docs: |\n  modules/hotel-staff.md\n", "utf-8")
    rows = [row for row in finding_rows(config_file) if row[3] == "markdown.nesting"]
    assert [row[:4] for row in rows] == [
        ("content/modules/hotel-staff.md", deep_line(config_file), "error", "markdown.nesting")
    ]
    config = load_config(config_file)
    assert config.draft_docs == ("modules/hotel-staff.md",)
    assert _config_key(config) == _config_key(dataclasses.replace(config, draft_docs=()))


def test_a_page_that_is_no_module_is_held_to_the_site_s_limits_alone(tmp_path: Path) -> None:
    config_file = write_handbook(tmp_path)
    (tmp_path / "content" / "deep.md").write_text(
        "# Deep\n\n" + "<div>\n" * 150 + "deep\n" + "</div>\n" * 150, encoding="utf-8"
    )
    assert not [row for row in finding_rows(config_file) if row[3] == "markdown.nesting"]


@pytest.mark.pdf
def test_handbook_handouts_makes_the_others_and_names_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    require_weasyprint()
    monkeypatch.delenv("CI", raising=False)
    config_file = write_deep_handbook(tmp_path)
    assert main(["handouts", "-f", str(config_file)]) == 1
    err = capsys.readouterr().err
    assert f"content/modules/hotel-staff.md:{deep_line(config_file)}:1: error markdown.nesting" in (
        err
    )
    assert "hotel-staff.md: handout not made: the module has errors" in err
    assert (tmp_path / "site" / "handouts" / "community.pdf").is_file()
    assert not (tmp_path / "site" / "handouts" / "hotel-staff.pdf").exists()


@pytest.mark.pdf
def test_with_the_rule_off_the_handout_fails_with_a_message_and_the_others_are_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    require_weasyprint()
    monkeypatch.delenv("CI", raising=False)
    config_file = write_deep_handbook(tmp_path)
    text = config_file.read_text(encoding="utf-8")
    config_file.write_text(
        text.replace(
            "      paper_size:", "      rules: {markdown.nesting: off}\n      paper_size:"
        ),
        encoding="utf-8",
    )
    main(["handouts", "-f", str(config_file)])
    err = capsys.readouterr().err
    assert f"hotel-staff.md: handout not made: {handout_render.TOO_DEEP}" in err
    assert (tmp_path / "site" / "handouts" / "community.pdf").is_file()


@pytest.mark.pdf
def test_a_handout_nesting_as_deep_as_allowed_renders_however_deep_its_caller(
    tmp_path: Path,
) -> None:
    """The limit holds for every render: a build's or the CLI's, a test runner's, a
    thread's of `mkdocs serve`. Called 600 frames deep, WeasyPrint had stack left for
    some 50 nested elements."""
    require_weasyprint()
    context = context_of(write_handbook(tmp_path))
    content = handout_content(context, context.handbook.modules["hotel-staff"])
    deep = dataclasses.replace(content, module_body=body_nesting("div", MAX_HANDOUT_DEPTH))

    def render_below(calls: int) -> bytes:
        if calls:
            return render_below(calls - 1)
        return handout_render.render_pdf(deep, base_dir=tmp_path, allowed_roots=(tmp_path,))

    assert render_below(600).startswith(b"%PDF")


def test_with_frames_gives_back_what_the_call_returns_or_raises() -> None:
    assert with_frames(lambda: 42, 500) == 42

    def fails() -> None:
        raise ValueError("no")

    with pytest.raises(ValueError, match="no"):
        with_frames(fails, 500)


def test_a_check_of_a_module_measures_no_handout_and_loads_no_handout_renderer(
    tmp_path: Path,
) -> None:
    """Most modules nest far too little to be measured: a cold `handbook check` of one
    does not import the handout's renderer (Jinja, its extensions: some 40 ms)."""
    config_file = write_handbook(tmp_path)
    script = (
        "import sys\n"
        "from coalition_handbook.cli import main\n"
        f"code = main(['check', '-f', {str(config_file)!r}])\n"
        "assert 'coalition_handbook.rules.handout_nesting' in sys.modules\n"
        "assert 'coalition_handbook.site.handout_render' not in sys.modules\n"
        "sys.exit(code)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert "AssertionError" not in completed.stderr, completed.stderr


def test_a_render_too_deep_runs_out_of_frames_not_of_a_small_thread_stack() -> None:
    """musl (Alpine) starts threads with 128 KiB of C stack: WeasyPrint's layout in the
    render's thread crashed the process there (SIGSEGV) before its frames ran out."""
    require_weasyprint()
    script = (
        "import threading\n"
        "threading.stack_size(128 * 1024)  # musl's default\n"
        "import weasyprint\n"
        "from coalition_handbook.stack_room import HANDOUT_FRAMES, with_frames\n"
        "html = '<div>' * 200 + 'deep'\n"
        "try:\n"
        "    with_frames(lambda: weasyprint.HTML(string=html).write_pdf(), HANDOUT_FRAMES)\n"
        "except RecursionError:\n"
        "    print('out of frames')\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert (completed.returncode, completed.stdout) == (0, "out of frames\n"), completed.stderr
