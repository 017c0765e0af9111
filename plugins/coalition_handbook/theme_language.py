"""Whether Material for MkDocs has an interface in the site's `theme.language`.

Material imports `partials/languages/<language>.html` on every page: for a language it has
no such template for (`es-MX`, `en-GB`, `es_MX`: it has `es` and `en`, and only a few
regional ones, `pt-BR`, `zh-TW`), its build stops with a Jinja2 traceback. The languages
are read where the theme is installed, as it is at run time (and from the site's
`custom_dir`, where a coalition may add its own), without importing MkDocs or the theme.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Collection
from pathlib import Path

from .config_yml import as_written
from .forms import FRENCH, inflection_language
from .hints import nearest

MATERIAL = "material"
DEFAULT_LANGUAGE = "en"  # Material's, where mkdocs.yml names none
# Where Material's templates and a site's `custom_dir` keep each language's translation.
_LANGUAGES_DIR = Path("partials", "languages")


def material_languages(custom_dir: Path | None = None) -> frozenset[str] | None:
    """The languages the installed Material has a template for, and those a site's
    `custom_dir` adds; None where Material is not installed (nothing to compare with)."""
    try:
        spec = importlib.util.find_spec(MATERIAL)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folders = [Path(location) / "templates" for location in spec.submodule_search_locations]
    if custom_dir is not None:
        folders.append(custom_dir)
    return frozenset(
        template.stem
        for folder in folders
        if (folder / _LANGUAGES_DIR).is_dir()
        for template in (folder / _LANGUAGES_DIR).glob("*.html")
    )


def nearest_language(language: str, languages: Collection[str]) -> str | None:
    """The language of `languages` nearest to `language`: the same written in another
    case or with `_` (`pt_br` -> `pt-BR`), else its language without the region or
    script (`es-MX` -> `es`, `zh-Hant-HK` -> `zh-Hant`), else the nearest spelling; None
    if none is near."""
    by_key = {code.lower(): code for code in languages}
    subtags = language.replace("_", "-").lower().split("-")
    while subtags:
        found = by_key.get("-".join(subtags))
        if found is not None:
            return found
        subtags.pop()
    return nearest(language, sorted(languages))


def language_problem(language: object, where: str, custom_dir: Path | None = None) -> str | None:
    """Why `theme.language`, where mkdocs.yml sets it (at `where`, `mkdocs.yml:5`), stops
    Material's build, with the language to use instead; None where Material has it, or
    is not installed. Written with no value, it is no language either (Material looks for
    `None.html`)."""
    languages = material_languages(custom_dir)
    if not languages or (isinstance(language, str) and language in languages):
        return None
    shown = f"'{language}'" if isinstance(language, str) else as_written(language)
    if isinstance(language, str):
        instead = nearest_language(language, languages)
    else:
        instead = DEFAULT_LANGUAGE if language is None else None
    advice = (
        f"use `{instead}`"
        if instead is not None
        else f"use one of Material's: {', '.join(sorted(languages, key=str.lower))}"
    )
    return (
        f"{where}: 'theme.language' is {shown}, a language Material has no translation for "
        f"(no partials/languages/{language}.html): mkdocs build would stop with a "
        f"traceback; {advice}"
    )


# The package each language's plurals come from (`forms.inflection_language`), where it is
# not imported before a site in that language needs it: a traceback there otherwise.
_PLURALS_PACKAGES = {FRENCH: ("pluralizefr", "0.1.1")}


def plurals_package_problem(language: object, where: str) -> str | None:
    """Why a site in `language` (`theme.language`, at `where`) cannot take its plurals:
    the package they come from is not installed (an environment made before this
    package needed it); None where it is, or the language needs none of its own."""
    if not isinstance(language, str):
        return None
    package = _PLURALS_PACKAGES.get(inflection_language(language))
    if package is None or importlib.util.find_spec(package[0]) is not None:
        return None
    name, version = package
    return (
        f"{where}: 'theme.language' is '{language}', whose plurals come from the "
        f"`{name}` package, which is not installed here: install it "
        f"(`pip install {name}=={version}`, or coalition-handbook again with its dependencies)"
    )


def is_english(code: str) -> bool:
    """Whether a language tag names English, in any region (`en`, `en-GB`, `EN-us`)."""
    return code.split("-")[0].lower() == "en"
