"""A `theme.language` Material has no translation for (`es-MX`, `en-GB`) stopped `mkdocs
build` with a Jinja2 traceback inside Material while `handbook check` passed (found in an
audit): both name its line of mkdocs.yml and the nearest language Material has."""

from __future__ import annotations

import shutil
from pathlib import Path

import material
import pytest
from mkdocs.config import load_config as load_mkdocs_config

from coalition_handbook.cli import main
from coalition_handbook.config import ConfigError, load_config
from coalition_handbook.theme_language import material_languages, nearest_language

MATERIAL_LANGUAGES = material_languages()


@pytest.mark.parametrize(
    ("language", "nearest"),
    [
        ("es-MX", "es"),
        ("en-GB", "en"),
        ("en-CA", "en"),
        ("de-CH", "de"),
        ("es_MX", "es"),
        ("fr-CA", "fr"),
        ("pt-br", "pt-BR"),
        ("PT_BR", "pt-BR"),
        ("pt-PT", "pt"),
        ("zh-Hant-HK", "zh-Hant"),
        ("ES", "es"),
        ("klingon", None),
    ],
)
def test_the_nearest_language_material_has(language: str, nearest: str | None) -> None:
    assert MATERIAL_LANGUAGES is not None and "es" in MATERIAL_LANGUAGES
    assert nearest_language(language, MATERIAL_LANGUAGES) == nearest


def _site(tmp_path: Path, theme: str) -> Path:
    (tmp_path / "content").mkdir(parents=True, exist_ok=True)
    (tmp_path / "content" / "index.md").write_text("# Home\n", encoding="utf-8")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        f"site_name: X\ndocs_dir: content\ntheme:\n{theme}plugins:\n  - handbook\n",
        encoding="utf-8",
    )
    return config_file


@pytest.mark.parametrize(
    ("language", "use"), [("es-MX", "es"), ("en-GB", "en"), ("de-CH", "de"), ("es_MX", "es")]
)
def test_a_language_material_lacks_is_a_configuration_error_at_its_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    language: str,
    use: str,
) -> None:
    """The check, the handouts and the build stop with one message naming the line; the
    check and the handouts exit 2, as for any configuration error (DESIGN section 6),
    and the build stops before Material renders a page."""
    config_file = _site(tmp_path, f"  name: material\n  language: {language}\n")
    message = (
        f"mkdocs.yml:5: 'theme.language' is '{language}', a language Material has no "
        f"translation for (no partials/languages/{language}.html): mkdocs build would stop "
        f"with a traceback; use `{use}`"
    )
    with pytest.raises(ConfigError) as raised:
        load_config(config_file)
    assert raised.value.problems == (message,)
    monkeypatch.chdir(tmp_path)
    for command in ("check", "handouts"):
        assert main([command]) == 2
        assert capsys.readouterr().err == f"handbook: {message}\n"
    with pytest.raises(Exception, match="configuration error"):  # MkDocs' Abort
        load_mkdocs_config(config_file=str(config_file))
    assert f"Plugin 'handbook' option 'theme.language': {message}" in caplog.text


def test_a_language_written_with_no_value_is_named_too(tmp_path: Path) -> None:
    """Material reads it as `None`, and looks for `partials/languages/None.html`."""
    config_file = _site(tmp_path, "  name: material\n  language:\n")
    with pytest.raises(ConfigError, match=r"mkdocs.yml:5: 'theme.language' is nothing, .*`en`"):
        load_config(config_file)


@pytest.mark.parametrize(
    ("theme", "language"),
    [
        ("  name: material\n  language: es\n", "es"),
        ("  name: material\n  language: pt-BR\n", "pt-BR"),
        ("  name: material\n", "en"),  # Material's default, English
        ("  name: mkdocs\n  language: es-MX\n", "es-MX"),  # read by Material only
    ],
)
def test_a_language_material_has_or_another_theme_passes(
    tmp_path: Path, theme: str, language: str
) -> None:
    """Passes, and is the language the handouts declare."""
    assert load_config(_site(tmp_path, theme)).language == language


def test_a_language_of_the_sites_custom_dir_passes(tmp_path: Path) -> None:
    """Material takes a translation from the site's `custom_dir` (Material's own way to
    add one): the check and the build find it there, and the build uses it."""
    config_file = _site(tmp_path, "  name: material\n  custom_dir: overrides\n  language: es-MX\n")
    with pytest.raises(ConfigError):  # not yet there
        load_config(config_file)
    languages = tmp_path / "overrides" / "partials" / "languages"
    languages.mkdir(parents=True)
    spanish = Path(material.__file__).parent / "templates/partials/languages/es.html"
    shutil.copy(spanish, languages / "es-MX.html")
    assert load_config(config_file).language == "es-MX"
    load_mkdocs_config(config_file=str(config_file))
