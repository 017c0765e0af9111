"""The handbook's folders: docs_dir and site_dir (mkdocs.yml's), glossary_dir,
protocols_dir and modules_dir (the plugin's); where they are, and what MkDocs or the
checks would trip on (a folder that is not there, one inside another)."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..config_yml import ConfigError, as_written, is_folder_name, plugin_options, read_config_file
from ..file_names import relative_name
from ..windows_paths import windows_hint
from .problems import Problems
from .settings import FOLDER_OPTIONS, OPTION_DEFAULTS


def folder_option_problems(
    options: Mapping[str, Any],
    root: Path,
    docs_path: Path,
    at: Callable[[str], str],
    *,
    require_folders: bool,
    problems: Problems,
) -> None:
    """Add what is wrong with the folders the plugin's `options` (defaults filled in)
    name, each problem placed by `at` (an option's name -> `mkdocs.yml:14`)."""
    for option, base in (
        ("glossary_dir", root),
        ("protocols_dir", root),
        ("modules_dir", docs_path),
    ):
        problem = _folder_problem(
            option, options[option], base, docs_path, require_folders=require_folders
        )
        if problem is not None:
            problems.add(f"{at(option)}: {problem}")


def _folder_problem(
    option: str, named: Any, base: Path, docs_path: Path, *, require_folders: bool
) -> str | None:
    """What is wrong with the folder `option` names (`named`, relative to `base`); None
    where nothing is. A folder named otherwise than by default must be there: a typo
    would silently check nothing. The default folder (`glossary`, `./glossary`) may be
    missing: it holds nothing yet, and git keeps no empty folder for a clone to find."""
    if not is_folder_name(named):  # as load_config says of mkdocs.yml, for the plugin
        return f"'{option}' must be a folder's name (found {as_written(named)})"
    if option == "modules_dir" and os.path.isabs(named):  # noqa: PTH117
        return (
            f"modules_dir '{named}' must be named relative to docs_dir "
            "(as 'modules'), not by an absolute path, which another clone of the "
            "handbook (CI's, another editor's) would not have"
        )
    if option == "modules_dir" and _outside_docs(str(named), docs_path):
        return (
            f"modules_dir '{named}' is outside docs_dir: MkDocs "
            "publishes only the pages of docs_dir, so the modules would have no page "
            "and every link to one would be broken; keep them in a folder of docs_dir"
        )
    if option != "modules_dir" and (outside := _outside_repository(option, str(named), base)):
        return outside
    folder = os.path.normpath(base / str(named))
    if os.path.isdir(folder):  # noqa: PTH112
        return None
    default = os.path.normpath(base / OPTION_DEFAULTS[option])
    # Written as Windows reads it (`Glossary`, `glossary\`), it names a folder there
    # but none on CI: an error even to `new`, which would make a second folder beside
    # the one meant, and to the default, for `new` would make `glossary/` beside
    # `Glossary/`.
    hint = windows_hint(base, str(named), folder=True)
    if hint or (require_folders and folder != default):
        return (
            f"{option} '{named}' is not a folder"
            + (" (it is relative to docs_dir)" if base is docs_path else "")
            + hint
        )
    return None


def _outside_repository(option: str, named: str, root: Path) -> str | None:
    """Why glossary_dir or protocols_dir (`option`) `named` (relative to `root`, the
    folder of mkdocs.yml) may not name where it leads: out of the git work tree of
    mkdocs.yml (`/etc`, `../../..`), by its name or by a symbolic link. The checks would
    name each file there in findings, and quote its values, in a log a pull request's author reads
    (security review sec64). None where it leads into the work tree, outside git
    anywhere, and for the folder of mkdocs.yml or one above it
    (`record_folder_problems` says why not)."""
    folder = Path(os.path.normpath(root / named))
    if folder == root or folder in root.parents:
        return None
    top = next((above for above in (root, *root.parents) if (above / ".git").exists()), None)
    if top is None:
        # Outside git nothing says where the handbook ends: a folder named by an
        # absolute path (a script's temporary handbook, a site built from two
        # folders) is read as named.
        return None
    if os.path.isabs(named) and not (folder == top or top in folder.parents):  # noqa: PTH117
        return (
            f"{option} '{named}' must be named relative to mkdocs.yml's folder (as "
            f"'{OPTION_DEFAULTS[option]}'), not by an absolute path out of its git "
            "repository, which another clone of the handbook (CI's, another editor's) "
            "would not have"
        )
    if folder == top or top in folder.parents:
        # Named inside, it may still lead out: a symbolic link a pull request commits
        # (`glossary -> /etc`) is a folder of the repository by its name (review rv65f).
        real = Path(os.path.realpath(folder))
        if real == top or top in real.parents:
            return None
        return (
            f"{option} '{named}' is a symbolic link out of the git repository of mkdocs.yml: "
            "another clone of the handbook (CI's, another editor's) would not have what it "
            "leads to, and no pull request shows what that holds; keep the folder itself in "
            f"the repository, as '{OPTION_DEFAULTS[option]}'"
        )
    return (
        f"{option} '{named}' leads out of the git repository of mkdocs.yml: another clone "
        "of the handbook (CI's, another editor's) would not have it, and no pull request "
        f"shows what it holds; keep it in the repository, as '{OPTION_DEFAULTS[option]}'"
    )


def _outside_docs(modules_dir: str, docs_path: Path) -> bool:
    """Whether `modules_dir` (relative) names no folder of docs_dir nor docs_dir itself:
    `..` leads out of it. Compared by name, as MkDocs walks docs_dir, without following
    links."""
    folder = os.path.normpath(docs_path / modules_dir)
    return os.path.commonpath((folder, docs_path)) != str(docs_path)


def site_dir_problems(
    root: Path, docs_path: Path, site_path: Path, at: Callable[[str], str], problems: Problems
) -> None:
    """Add what MkDocs refuses of where docs_dir and site_dir are: the build would copy
    the site into itself, or delete pages."""
    if docs_path == root:
        problems.add(
            f"{at('docs_dir')}: docs_dir must be a folder beside mkdocs.yml, not the folder "
            "mkdocs.yml is in"
        )
    elif site_path == docs_path or docs_path in site_path.parents:
        problems.add(
            f"{at('site_dir')}: site_dir '{relative_name(site_path, root)}' "
            f"is inside docs_dir '{relative_name(docs_path, root)}': the build would copy "
            "the site into itself; build it into a folder beside docs_dir"
        )
    elif site_path in docs_path.parents:
        problems.add(
            f"{at('docs_dir')}: docs_dir '{relative_name(docs_path, root)}' is inside site_dir "
            f"'{relative_name(site_path, root)}': a build empties site_dir first and "
            "would delete the pages; build the site into another folder"
        )


def record_folder_problems(
    options: Mapping[str, Any],
    root: Path,
    docs_path: Path,
    site_path: Path,
    at: Callable[[str], str],
    problems: Problems,
) -> None:
    """Add what is wrong with where glossary_dir and protocols_dir are, the one beside the
    other, beside the pages and beside site_dir (a name that is no folder's
    `folder_option_problems` reports)."""
    record_folders = {
        option: (root / str(options[option])).resolve()
        for option in ("glossary_dir", "protocols_dir")
        if is_folder_name(options[option])
    }
    modules_name = options["modules_dir"]
    modules_path = (
        (docs_path / str(modules_name)).resolve() if is_folder_name(modules_name) else None
    )
    for option, folder in record_folders.items():
        named = f"{option} '{options[option]}'"
        noun = "term" if option == "glossary_dir" else "protocol"
        own = f"keep the {noun}s in a folder of their own, such as '{OPTION_DEFAULTS[option]}'"
        if folder == root or folder in root.parents:
            # Audit: `.` read mkdocs.yml as a term ("unknown field 'theme' (did you mean
            # 'term'?)"), and `/` walked the whole disk for misplaced files, never ending.
            problems.add(
                f"{at(option)}: {named} holds mkdocs.yml's folder: mkdocs.yml would be "
                f"read as a {noun} file, and every folder beside it looked through; {own}"
            )
        elif folder == docs_path:
            problems.add(
                f"{at(option)}: {named} is docs_dir: each page would be named as a {noun} "
                f"file that is not YAML; {own}"
            )
        elif folder == modules_path:
            problems.add(
                f"{at(option)}: {named} is the folder of the training modules (modules_dir): "
                f"each module would be named as a {noun} file that is not YAML; {own}"
            )
    if len(set(record_folders.values())) < len(record_folders) == 2:
        # Each file would be read as a term and as a protocol, and fail one schema.
        problems.add(
            f"{at('protocols_dir')}: glossary_dir and protocols_dir name the same folder "
            f"'{relative_name(record_folders['glossary_dir'], root)}': terms and protocols "
            "need a folder each"
        )
    for option, folder in record_folders.items():
        if folder == site_path or site_path in folder.parents:
            # MkDocs empties site_dir before it builds: the records would be deleted.
            problems.add(
                f"{at('site_dir')}: site_dir '{relative_name(site_path, root)}' holds {option} "
                f"'{options[option]}': a build empties site_dir first and would delete "
                "those files; build the site into another folder"
            )


def configured_folders(config_file: Path) -> dict[str, Path]:
    """The handbook's folders as `config_file` names them (docs_dir, glossary_dir,
    protocols_dir, modules_dir), whatever else is wrong in it: `handbook diff` reads an
    old revision's folders from its own config, which need not pass today's checks. A
    `ConfigError` if the file cannot be read as settings at all."""
    data, _, _, _ = read_config_file(config_file, config_file.name, seen=())
    options = plugin_options(data.get("plugins"), config_file.name, config_file.name)
    root = config_file.parent

    def named(name: str, settings: dict[str, Any], default: object) -> str:
        value = settings.get(name)
        if value is None:
            return str(default)
        if not is_folder_name(value):
            raise ConfigError(f"{config_file.name}: '{name}' must be a folder's name")
        return str(value)

    docs_dir = root / named("docs_dir", data, "docs")
    folders = {name: named(name, options, OPTION_DEFAULTS[name]) for name in FOLDER_OPTIONS}
    return {
        "docs_dir": docs_dir,
        "glossary_dir": root / folders["glossary_dir"],
        "protocols_dir": root / folders["protocols_dir"],
        "modules_dir": docs_dir / folders["modules_dir"],
    }
