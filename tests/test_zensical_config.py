"""A handbook whose site Zensical builds: the CLI reads mkdocs.yml, which Zensical reads
too, and says what to do with a zensical.toml, which it reads not (audit: `-f
zensical.toml` was "not valid YAML", and a folder with only zensical.toml "mkdocs.yml:
no such file"; a zensical.toml beside mkdocs.yml, which `zensical build` reads first,
went unmentioned)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from handbooks import make_handbook
from work import without_totals

from coalition_handbook.cli import main

ZENSICAL_TOML = """\
[project]
site_name = "T"
docs_dir = "content"

[project.plugins.handbook]
autolink = "first"
"""

KEEP_MKDOCS_YML = (
    "keep the site's config in mkdocs.yml, which Zensical builds from too, with the "
    "handbook's options under `plugins: - handbook` (Zensical skips that entry)"
)


@pytest.mark.parametrize("command", [["check"], ["handouts"], ["diff", "HEAD"]])
def test_f_zensical_toml_says_handbook_reads_mkdocs_yml(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    make_handbook(tmp_path).unlink()
    (tmp_path / "zensical.toml").write_text(ZENSICAL_TOML, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main([*command, "-f", "zensical.toml"]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (
        "",
        f"handbook: zensical.toml: handbook reads no TOML config: {KEEP_MKDOCS_YML}, "
        "and name it with -f\n",
    )


def test_without_f_a_lone_zensical_toml_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_handbook(tmp_path).unlink()
    (tmp_path / "zensical.toml").write_text(ZENSICAL_TOML, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert capsys.readouterr().err == (
        f"handbook: {tmp_path.resolve() / 'mkdocs.yml'}: no such file; zensical.toml is "
        f"here, but handbook reads no TOML config: {KEEP_MKDOCS_YML}\n"
    )


def test_a_zensical_toml_beside_mkdocs_yml_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`zensical build` reads zensical.toml first: the site would be built with other
    settings than those checked."""
    make_handbook(tmp_path, "# Home\n\nNo vagrant here.\n")
    (tmp_path / "zensical.toml").write_text(ZENSICAL_TOML, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--strict"]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("content/index.md:3:4: warning term.avoid ")
    assert without_totals(captured.err) == (
        "handbook: note: reading mkdocs.yml; zensical.toml is here too, and Zensical reads "
        "zensical.toml first: keep one config, mkdocs.yml, which Zensical reads too\n"
    )


def test_check_runs_where_mkdocs_cannot_be_imported(tmp_path: Path) -> None:
    """DESIGN section 2: the checks and the CLI run whatever the site generator (a
    Zensical site need not install MkDocs or Material)."""
    config_file = make_handbook(tmp_path, "# Home\n\nNo vagrant here.\n")
    script = (
        "import sys\n"
        "sys.modules.update(mkdocs=None, material=None)\n"  # `import mkdocs` fails
        "from coalition_handbook.cli import main\n"
        f"sys.exit(main(['check', '--format', 'json', '-f', {str(config_file)!r}]))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert (completed.returncode, completed.stderr) == (0, "")
    assert '"rule": "term.avoid"' in completed.stdout


def test_beside_properdocs_yml_zensical_toml_is_said_to_be_what_zensical_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Zensical reads zensical.toml, mkdocs.yml or mkdocs.yaml, never properdocs.yml: the
    note does not advise keeping a file Zensical cannot build from."""
    make_handbook(tmp_path).rename(tmp_path / "properdocs.yml")
    (tmp_path / "zensical.toml").write_text(ZENSICAL_TOML, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0
    assert without_totals(capsys.readouterr().err) == (
        "handbook: note: reading properdocs.yml; zensical.toml is here too, and Zensical "
        "reads zensical.toml first: keep one config; Zensical reads mkdocs.yml, not "
        "properdocs.yml\n"
    )
