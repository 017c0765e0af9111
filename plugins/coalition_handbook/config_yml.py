"""mkdocs.yml as the handbook reads it, without importing MkDocs: its settings as MkDocs
reads them (`!ENV` from the environment, other tags MkDocs reads as plain values, a tag
it refuses or a key set twice refused), the files it names in `INHERIT` merged under
them, the line each setting the handbook reads is written on, its links that run
script, and the `handbook` plugin's options among its `plugins` (in Material's group
plugins too, each instance with whether it runs). Anything that cannot be read as
settings is a `ConfigError`; whether the settings are valid is `config`'s to say.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import construct_env_tag

from .cache import read_regular_file
from .lazy_pattern import LazyPattern
from .markdown import LineIndex
from .plugin_list import GROUP_PLUGINS, PluginList, walk_plugins
from .report.text import one_line
from .script_scheme import link_scheme
from .utf8 import decode_utf8

PLUGIN_NAME = "handbook"

# mkdocs.yml's settings that Material writes into every page as HTML, as they are: the
# first four as text (in an element or an attribute), `copyright` as HTML by design.
SITE_TEXTS = ("site_name", "site_description", "site_author", "repo_name", "copyright")
# The texts of Material's cookie consent (`extra.consent`), which it writes into every
# page as HTML, as they are (`partials/consent.html`): read as `copyright` is.
CONSENT_TEXTS = ("title", "description")


@dataclass(frozen=True)
class ShownText:
    """A text of the site's config that its pages show (`_shown_texts`): `value` as
    read, written as `raw` (its quotes, block header and line breaks included) from
    `line`:`column` on, in the config file `where` names (mkdocs.yml, or a file it
    inherits)."""

    keys: tuple[str, ...]
    """The keys of its setting down to the first list: what an inheriting file replaces."""
    value: str
    where: str
    line: int
    column: int
    raw: str

    @classmethod
    def of_node(
        cls, keys: tuple[str, ...], node: yaml.ScalarNode, where: str, text: str
    ) -> ShownText:
        """The text of `node`, a scalar of the YAML file `text` named `where`."""
        start, end = node.start_mark, node.end_mark
        return cls(
            keys, node.value, where, start.line + 1, start.column + 1, text[start.index : end.index]
        )


class ConfigError(Exception):
    """The configuration cannot be used. Each of its `problems` (one a line in the message)
    names the file, and the line where it can."""

    def __init__(self, *problems: str) -> None:
        # Each on one line (`one_line`): a problem quotes mkdocs.yml's keys and values as
        # written, and a pull request's may hold a line break and then a workflow command
        # (`::error ...`), which would start a line of CI's log (review rv37).
        problems = tuple(one_line(problem) for problem in problems)
        super().__init__("\n".join(problems))
        self.problems = problems


class AliasBombError(ConfigError):
    """The config's aliases would expand it past `MAX_VALUES` (`alias_refusal`): what
    reads its values, as MkDocs' debug log of every setting does, would take minutes and
    gigabytes, so the build stops here."""


class _PermissiveLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does where the checks need it (`!ENV` reads the
    environment, through MkDocs' own library), other tags such as `!!python/name:` as
    plain values; a key written twice in one mapping is an error (PyYAML and MkDocs
    silently keep the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":  # `<<: *common`: PyYAML merges it
                continue
            key = self.construct_object(key_node, deep=True)  # type: ignore[no-untyped-call]
            line = key_node.start_mark.line + 1
            if isinstance(key, str) and key in seen:
                raise ConfigError(
                    f"{self.name}:{line}: '{key}' is set twice in one mapping (also at line "
                    f"{seen[key]}); keep one"
                )
            if isinstance(key, str):
                seen[key] = line
        return super().construct_mapping(node, deep=deep)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """As PyYAML's; the innermost node whose value cannot be constructed is kept as
        `failed_node` (`copyright: 2024-13-45`, a date no calendar has), for its line."""
        try:
            return super().construct_object(node, deep=deep)  # type: ignore[no-untyped-call]
        except Exception:
            if getattr(self, "failed_node", None) is None:
                self.failed_node = node
            raise


# The tags MkDocs' loader (`mkdocs.utils.yaml.get_yaml_loader`) reads besides PyYAML's
# full `yaml.Loader`'s (`!!python/name:`, `!!python/object/apply:` and the like).
_MKDOCS_TAGS = frozenset({"!ENV", "!relative"})
_MKDOCS_TAG_PREFIXES = tuple(prefix for prefix in yaml.Loader.yaml_multi_constructors if prefix)


def _mkdocs_reads(tag: str) -> bool:
    return (
        tag in _MKDOCS_TAGS
        or tag in yaml.Loader.yaml_constructors
        or tag.startswith(_MKDOCS_TAG_PREFIXES)
    )


def _construct_other_tag(loader: _PermissiveLoader, node: yaml.Node) -> Any:
    """A value with a tag that MkDocs reads (`!relative`, `!!python/name:`) as a plain
    value; any other tag is refused at its line, as `mkdocs build` refuses it."""
    if not _mkdocs_reads(node.tag):
        from .model.yaml_messages import tag_as_written  # the model package imports this one

        mark = node.start_mark
        raise ConfigError(
            f"{loader.name}:{mark.line + 1}:{mark.column + 1}: MkDocs cannot read the YAML "
            f"tag '{tag_as_written(node.tag)}' (it reads !ENV, !relative, !!python/name: and "
            "YAML's standard tags such as !!str): remove it, or put the value in quotes if "
            "the '!' is part of it"
        )
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


class RelativeTag(str):
    """A value tagged `!relative` (MkDocs' tag for paths in `markdown_extensions`), as
    written after the tag: `$config_dir/includes` is that folder of mkdocs.yml's,
    `$docs_dir/x` one of docs_dir's, nothing at all the folder of the page being
    rendered (`mkdocs.utils.yaml`). Plain text to every setting but those that read it."""


def _construct_relative_tag(loader: _PermissiveLoader, node: yaml.Node) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        return _construct_other_tag(loader, node)
    return RelativeTag(loader.construct_scalar(node) or "")


# Beyond this many characters a number is shown as written, shortened: Python refuses to
# print an integer of thousands of digits, and a hex or binary one grows when printed.
_LONGEST_NUMBER_SHOWN = 30


class WrittenNumber(int):
    """An integer of mkdocs.yml written with more than `_LONGEST_NUMBER_SHOWN` characters
    (`0xfff...`): the number MkDocs reads, which a message shows as written, shortened,
    since Python would stop with a traceback printing one of thousands of digits."""

    written: str

    def __new__(cls, value: int, written: str) -> WrittenNumber:
        number = super().__new__(cls, value)
        number.written = written
        return number

    def __getnewargs__(self) -> tuple[int, str]:  # type: ignore[override]
        return int(self), self.written

    def __repr__(self) -> str:
        from .model.yaml_messages import shortened  # the model package imports this one

        return shortened(self.written)

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return format(repr(self), spec)


# A decimal integer as PyYAML's resolver reads one: only such a one is too long to read.
_DECIMAL_DIGITS = LazyPattern(r"[-+]?[0-9][0-9_]*")


def _construct_int(loader: _PermissiveLoader, node: yaml.Node) -> Any:
    """An integer as PyYAML reads it (and MkDocs); one written long as a `WrittenNumber`;
    a decimal one of more digits than Python reads refused at its line, as MkDocs stops
    on it with a traceback."""
    written = str(node.value)
    try:
        value = loader.construct_yaml_int(node)
    except ValueError:  # int() of thousands of digits, or of no number (`!!int x`)
        if not _DECIMAL_DIGITS.fullmatch(written):
            raise  # named at its line as a value that cannot be read (review rv55b)
        from .model.yaml_messages import shortened

        raise ConfigError(
            f"{loader.name}:{node.start_mark.line + 1}: the number {shortened(written)} has "
            f"{len(written)} characters, more than Python or MkDocs can read"
        ) from None
    if len(written) > _LONGEST_NUMBER_SHOWN:
        return WrittenNumber(value, written)
    return value


_PermissiveLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_PermissiveLoader.add_constructor("!ENV", construct_env_tag)
_PermissiveLoader.add_constructor("!relative", _construct_relative_tag)
_PermissiveLoader.add_constructor(None, _construct_other_tag)  # every tag without its own


def read_config_file(
    path: Path, where: str, seen: tuple[Path, ...]
) -> tuple[dict[str, Any], dict[str, str], list[ScriptLink], list[ShownText]]:
    """The settings of the config file at `path` (named `where` in messages), with those
    of the file it names in `INHERIT` under them, merged as MkDocs merges them (mappings
    key by key, any other value replaced); where each setting the handbook reads is
    written, as `file:line`; its links that run script (`_script_links`) and the texts
    the pages show (`ShownText`), but those of an inherited setting the file replaces."""
    data, lines, script_links, shown = _settings_of_file(path, where)
    if data is None and seen:  # an empty parent adds nothing
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{where}:1: expected a mapping of settings")
    locations = {name: f"{where}:{line}" for name, line in lines.items()}
    if "INHERIT" not in data:
        return data, locations, script_links, shown
    inherit = data.pop("INHERIT")
    inherit_at = locations.pop("INHERIT", where)
    if not isinstance(inherit, str) or not is_folder_name(inherit):
        raise ConfigError(
            f"{inherit_at}: 'INHERIT' must name a config file (found {as_written(inherit)})"
        )
    parent = Path(os.path.normpath(path.parent / inherit))
    # Named as `where` names its own file (`sub/mkdocs.yml` inherits `sub/base.yml`),
    # however deep the chain of INHERITs.
    named = Path(os.path.normpath(Path(where).parent / os.path.relpath(parent, path.parent)))
    named_as = named.as_posix()  # with `/`, as every path in a message
    if parent in (path, *seen):
        raise ConfigError(f"{inherit_at}: INHERIT '{inherit}' leads back to {named_as}: a loop")
    if not parent.is_file():
        # Where it was looked for, where that is not what INHERIT says already.
        looked = "" if Path(inherit).as_posix() == named_as else f" ({named_as})"
        raise ConfigError(
            f"{inherit_at}: the inherited config file '{inherit}' is not there{looked}"
        )
    inherited, inherited_locations, inherited_links, inherited_shown = read_config_file(
        parent, named_as, (*seen, path)
    )
    # A mapping is merged key by key (its links stay); any other setting is replaced.
    inherited_links = [
        (keys, problem) for keys, problem in inherited_links if not _replaces(data, keys)
    ]
    inherited_shown = [text for text in inherited_shown if not _replaces(data, text.keys)]
    return (
        _merge(inherited, data),
        {**inherited_locations, **locations},
        inherited_links + script_links,
        inherited_shown + shown,
    )


def _settings_of_file(
    path: Path, where: str
) -> tuple[Any, dict[str, int], list[ScriptLink], list[ShownText]]:
    """The settings of the one config file at `path` (named `where` in messages), its
    INHERIT not followed, and the line of each setting the handbook reads."""
    try:
        raw = read_regular_file(path)  # a device or a pipe is refused, not waited on
    except OSError as error:
        raise ConfigError(f"{where}: cannot be read: {error.strerror or error}") from None
    text, problem = decode_utf8(raw)
    if problem is not None:
        line, column, message = problem
        raise ConfigError(f"{where}:{line}:{column}: {message}")
    return _read_settings(text, where)


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """`child` over `parent`, as MkDocs merges an inherited config (mergedeep's replace
    strategy): mappings are merged key by key, lists and other values replaced."""
    merged = dict(parent)
    for key, value in child.items():
        below = merged.get(key)
        if isinstance(below, dict) and isinstance(value, dict):
            merged[key] = _merge(below, value)
        else:
            merged[key] = value
    return merged


def inherited_file(config_file: Path) -> Path | None:
    """The config file `config_file` names in `INHERIT` (where MkDocs looks for it), or
    None; a `ConfigError` if `config_file` cannot be read as settings."""
    data, _, _, _ = _settings_of_file(config_file, config_file.name)
    inherit = data.get("INHERIT") if isinstance(data, dict) else None
    if not isinstance(inherit, str) or not is_folder_name(inherit):
        return None
    return Path(os.path.normpath(config_file.parent / inherit))


def _read_settings(
    text: str, where: str
) -> tuple[Any, dict[str, int], list[ScriptLink], list[ShownText]]:
    """mkdocs.yml's settings, the line of each setting the handbook reads (see
    `_setting_lines`), its links that run script (see `_script_links`: a problem to
    `load_config`, not to `configured_folders`, which reads an old revision's) and the
    texts its pages show (`_shown_texts`); any text that cannot be read as settings is a
    `ConfigError`."""
    from .model.yaml_aliases import MAX_VALUES, alias_refusal
    from .model.yaml_document import LineIndex as YamlLines
    from .model.yaml_source import deep_nesting_offset
    from .model.yaml_syntax import syntax_problem
    from .model.yaml_values import VALUE_CONVERSION_ERRORS

    loader: _PermissiveLoader | None = None
    try:
        loader = _PermissiveLoader(text)  # a SafeLoader subclass
        loader.name = where
        node = loader.get_single_node()
        if node is None:
            return None, {}, [], []
        # Only the expanded size refuses a site's config: MkDocs reads any number of
        # aliases, and a large config reusing nav or `extra` anchors may hold many.
        refusal = alias_refusal(node, MAX_VALUES, MAX_VALUES)
        if refusal is not None:  # an alias bomb: refused before it is expanded
            message, where_node = refusal
            raise AliasBombError(f"{where}:{where_node.start_mark.line + 1}: {message}")
        return (
            loader.construct_document(node),
            _setting_lines(node),
            _script_links(node, where),
            _shown_texts(node, text, where),
        )
    except yaml.reader.ReaderError as error:  # a character YAML refuses, by its offset
        line, column = LineIndex.of(text).position(error.position)
        code = error.character if isinstance(error.character, int) else ord(error.character)
        raise ConfigError(
            f"{where}:{line}:{column}: not valid YAML: the character U+{code:04X} cannot be in it"
        ) from None
    except yaml.MarkedYAMLError as error:  # one line, as a term file's syntax error reads
        lines = YamlLines(text)
        problem = syntax_problem(error, 0, lines)
        line, column = lines.position(problem.offset)
        raise ConfigError(f"{where}:{line}:{column}: {problem.message}") from None
    except yaml.YAMLError as error:
        message = " ".join(str(error).split())
        raise ConfigError(f"{where}: not valid YAML: {message}") from None
    except RecursionError:
        line, _ = LineIndex.of(text).position(deep_nesting_offset(text))
        raise ConfigError(f"{where}:{line}: nested too deeply to read") from None
    except VALUE_CONVERSION_ERRORS as error:
        # A value its tag cannot hold (`!!timestamp 0000-01-01`, `!!bool maybe`); `mkdocs
        # build` stops in a traceback on it, before the plugin loads.
        raise ConfigError(_unreadable_value(error, loader, where)) from None
    finally:
        if loader is not None:
            loader.dispose()


def _unreadable_value(error: Exception, loader: _PermissiveLoader | None, where: str) -> str:
    """Why a value cannot be read, at its line and column where the loader kept its node;
    a date no calendar has is text put in quotes, or a date mistyped."""
    node = getattr(loader, "failed_node", None)
    if node is None:
        return f"{where}: a value cannot be read: {error}"
    mark = node.start_mark
    reason = str(error)
    if node.tag == "tag:yaml.org,2002:timestamp" and isinstance(error, AttributeError):
        # PyYAML's date pattern did not match: its failure names nothing written (rv55b).
        reason = f"{node.value!r} is no date"
    message = f"{where}:{mark.line + 1}:{mark.column + 1}: a value cannot be read: {reason}"
    if node.tag == "tag:yaml.org,2002:timestamp":
        message += (
            f" (YAML reads {node.value!r} as a date: correct it, or put it in quotes if it is text)"
        )
    return message


# The settings of mkdocs.yml that the handbook reads, besides its plugin's options.
_SETTINGS_READ = (
    "docs_dir",
    "site_dir",
    "exclude_docs",
    "draft_docs",
    "strict",
    "use_directory_urls",
    "site_url",
    "plugins",
    "INHERIT",
    # pymdownx.snippets' options: which files pages include (`snippet_settings`).
    "markdown_extensions",
    # Written into every page by the theme as they are.
    *SITE_TEXTS,
    # Refused, or noted, where `mkdocs build` stops on them (`config.build_settings`).
    "theme",
    "nav",
    "hooks",
)


def _setting_lines(root: yaml.Node) -> dict[str, int]:
    """The line of each setting the handbook reads (`_SETTINGS_READ`, and the theme's
    `theme.language`), of each plugin listed (`plugins.i18n`), of the handbook plugin's
    options (`handbook`) and of each of them by dotted name (`autolink`,
    `rules.term.avoid`), and of each item of a list among them (`known_acronyms[0]`), so
    that a message about a setting names its line."""
    lines: dict[str, int] = {}
    if not isinstance(root, yaml.MappingNode):
        return lines
    options: yaml.Node | None = None
    for key, value in root.value:
        if key.value in _SETTINGS_READ:
            lines[key.value] = key.start_mark.line + 1
        if key.value == "theme" and isinstance(value, yaml.MappingNode):
            for theme_key, _ in value.value:
                if theme_key.value == "language":
                    lines["theme.language"] = theme_key.start_mark.line + 1
        if key.value == "extra" and isinstance(value, yaml.MappingNode):
            for extra_key, extra_value in value.value:
                if extra_key.value == "consent" and isinstance(extra_value, yaml.MappingNode):
                    for consent_key, consent_value in extra_value.value:
                        if consent_key.value in CONSENT_TEXTS:
                            name = f"extra.consent.{consent_key.value}"
                            lines[name] = consent_key.start_mark.line + 1
                        if consent_key.value == "cookies" and isinstance(
                            consent_value, yaml.MappingNode
                        ):
                            for cookie_key, _ in consent_value.value:
                                name = f"extra.consent.cookies.{_key_as_read(cookie_key)}"
                                lines[name] = cookie_key.start_mark.line + 1
                if extra_key.value == "status" and isinstance(extra_value, yaml.MappingNode):
                    for status_key, _ in extra_value.value:
                        name = f"extra.status.{_key_as_read(status_key)}"
                        lines[name] = status_key.start_mark.line + 1
        if key.value == "plugins":
            options = _options_node(value) or options
            for name, line in _plugin_lines(value):
                lines.setdefault(f"plugins.{name}", line)
    if options is not None:
        lines[PLUGIN_NAME] = options.start_mark.line + 1
    if isinstance(options, yaml.MappingNode):
        for key, value in options.value:
            lines[str(key.value)] = key.start_mark.line + 1
            lines |= _item_lines(str(key.value), value)
            if isinstance(value, yaml.MappingNode):
                for inner_key, inner_value in value.value:
                    name = f"{key.value}.{inner_key.value}"
                    lines[name] = inner_key.start_mark.line + 1
                    lines |= _item_lines(name, inner_value)
    return lines


def _key_as_read(key: yaml.Node) -> str:
    """A mapping's key as the settings name it once read (`config.site_settings`: `str`
    of its value): `yes:` and `on:` are `True` there, `0x1:` is `1`. As written where
    YAML reads no plain value from it (a tag of MkDocs', a list)."""
    if not isinstance(key, yaml.ScalarNode) or key.tag == "tag:yaml.org,2002:str":
        return str(key.value)
    try:
        return str(yaml.SafeLoader("").construct_object(key, deep=True))  # type: ignore[no-untyped-call]
    except (yaml.YAMLError, ValueError):
        return str(key.value)


def _item_lines(name: str, value: yaml.Node) -> dict[str, int]:
    """The line of each item of the list option `name` (`privacy.allow[2]`), where it is
    one: `handbook diff` names the entry a change adds at its own line."""
    if not isinstance(value, yaml.SequenceNode):
        return {}
    return {f"{name}[{index}]": item.start_mark.line + 1 for index, item in enumerate(value.value)}


def _plugin_lines(plugins: yaml.Node) -> Iterator[tuple[str, int]]:
    """The name and line of each plugin `plugins` lists (`- search`, `- i18n: {...}`), a
    group's too."""
    for name, _ in _listed_nodes(plugins):
        yield str(name.value), name.start_mark.line + 1


def _options_node(plugins: yaml.Node) -> yaml.Node | None:
    """The node of the handbook plugin's options in `plugins` (a group's too)."""
    return next(
        (
            options
            for name, options in _listed_nodes(plugins)
            if name.value == PLUGIN_NAME and options is not None
        ),
        None,
    )


def _listed_nodes(plugins: yaml.Node) -> Iterator[tuple[yaml.Node, yaml.Node | None]]:
    """The node of the name and of the options (None for `- search`) of each plugin
    `plugins` lists, a group's too, in the order they are written (`plugin_list` walks
    the settings read; this, the file's nodes, for their lines)."""
    entries = plugins.value if isinstance(plugins, yaml.SequenceNode) else [plugins]
    for entry in entries:
        if isinstance(entry, yaml.ScalarNode):
            yield entry, None
        if not isinstance(entry, yaml.MappingNode):
            continue
        for name, entry_value in entry.value:
            yield name, entry_value
            if name.value in GROUP_PLUGINS and isinstance(entry_value, yaml.MappingNode):
                for group_key, group_value in entry_value.value:
                    if group_key.value == "plugins":
                        yield from _listed_nodes(group_value)


# Where mkdocs.yml holds addresses the site links to: every value of `nav`, these
# settings, and the values of these keys under `extra` and `theme` (Material's social
# links, alternate languages, and `extra.homepage`, where its logo on every page leads).
_LINK_SETTINGS = frozenset({"repo_url", "edit_uri", "site_url"})
_LINK_KEYS = frozenset({"link", "url", "href", "homepage"})


# (the keys of the setting it is in, down to a list: `extra`, `social`; the problem)
ScriptLink = tuple[tuple[str, ...], str]


def _script_links(root: yaml.Node, where: str) -> list[ScriptLink]:
    """A problem for each address in mkdocs.yml that runs script (`javascript:`): the
    site would publish a link that runs code in a reader's browser."""
    if not isinstance(root, yaml.MappingNode):
        return []
    links: list[ScriptLink] = []
    for key, value in root.value:
        setting = str(key.value)
        every_value = setting == "nav" or setting in _LINK_SETTINGS
        if not every_value and setting not in ("extra", "theme"):
            continue
        for keys, name, node in _scalars(value):
            scheme = link_scheme(node.value) if every_value or name in _LINK_KEYS else None
            if scheme is not None:
                where_node = f"{where}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"
                links.append(((setting, *keys), f"{where_node}: {_why_unsafe(setting, scheme)}"))
    return links


def _why_unsafe(setting: str, scheme: str) -> str:
    """Why a link of `setting` to a `scheme:` address (`link_scheme`) is refused; a
    `data:` one as link.unsafe says it of a page's (`data:text/html,<script>...`)."""
    if scheme == "data":
        return (
            f"'{setting}' links to a 'data:' address, which holds a whole document that "
            "may run code in the reader's browser, and which browsers refuse to open as a "
            "page; link to a page or a web address instead"
        )
    return (
        f"'{setting}' links to a '{scheme}:' address, which runs code in the reader's "
        "browser; link to a page or a web address instead"
    )


# The scalars whose text a page shows as written: not null, true or false, nor a value
# of another tag (`!ENV` names a variable; `!!python/name:` a function).
_TEXT_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float"))


def _shown_texts(root: yaml.Node, text: str, where: str) -> list[ShownText]:
    """The texts the pages show (`ShownText`) in the config file `text`, named `where`:
    the settings of `SITE_TEXTS`; `nav`'s titles and the links its items lead to; and
    every value under `extra`, which is there for templates to write into pages
    (Material's social links' `link` and `name`, its consent banner, a theme override's
    or the macros plugin's own): a coordinator's `mailto:`, `tel:` or `wa.me` link in the
    footer is on every page (privacy audit)."""
    if not isinstance(root, yaml.MappingNode):
        return []
    found: list[ShownText] = []
    for key, value in root.value:
        setting = str(key.value)
        scalars: list[tuple[tuple[str, ...], yaml.ScalarNode]]
        if setting in SITE_TEXTS:
            scalars = [((setting,), value)] if isinstance(value, yaml.ScalarNode) else []
        elif setting == "nav":  # its titles are keys; a list, replaced whole
            scalars = [((setting,), node) for node in _every_scalar(value)]
        elif setting == "extra":
            scalars = [((setting, *keys), node) for keys, _, node in _scalars(value)]
        else:
            continue
        found += [
            ShownText.of_node(keys, node, where, text)
            for keys, node in scalars
            if node.tag in _TEXT_TAGS and node.value
        ]
    return found


def _every_scalar(node: yaml.Node) -> Iterator[yaml.ScalarNode]:
    """Every scalar under `node`, the keys of its mappings too, in document order."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            yield current
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))
        elif isinstance(current, yaml.MappingNode):
            stack.extend(item for pair in reversed(current.value) for item in reversed(pair))


def _replaces(settings: Mapping[str, Any], keys: tuple[str, ...]) -> bool:
    """Whether `settings`, a config file's own, replace the setting at `keys` that the file
    it inherits from holds: they set it, or a list or value above it (MkDocs merges
    mappings key by key and replaces anything else)."""
    node: object = settings
    for key in keys:
        if not isinstance(node, Mapping) or key not in node:
            return False
        node = node[key]
        if not isinstance(node, Mapping):
            return True
    return False


def _scalars(
    node: yaml.Node,
) -> Iterator[tuple[tuple[str, ...], str | None, yaml.ScalarNode]]:
    """Every scalar value under `node` (not the keys): the keys of the mappings that lead
    to it, down to the first list (a list is replaced whole when a file inherits one);
    the key it is the value of (None in a list); the node. Aliases were refused before,
    so this is the document's size."""
    stack: list[tuple[tuple[str, ...], bool, str | None, yaml.Node]] = [((), True, None, node)]
    while stack:
        keys, open_path, name, current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            yield keys, name, current
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((keys, False, None, item) for item in reversed(current.value))
        elif isinstance(current, yaml.MappingNode):
            stack.extend(
                ((*keys, str(key.value)) if open_path else keys, open_path, str(key.value), item)
                for key, item in reversed(current.value)
            )


def plugin_options(plugins: Any, where: str, options_where: str) -> dict[str, Any]:
    """The handbook plugin's options in `plugins` (a group's too); `where` and
    `options_where` place a problem with the list and with the options."""
    return options_that_run(plugin_instances(plugins, where, options_where))


def options_that_run(instances: list[tuple[dict[str, Any], bool]]) -> dict[str, Any]:
    """The options of the first instance (`plugin_instances`) that runs, else of the first."""
    running = [options for options, runs in instances if runs]
    return (running or [options for options, _ in instances] or [{}])[0]


def plugin_instances(
    plugins: Any, where: str, options_where: str
) -> list[tuple[dict[str, Any], bool]]:
    """(options, whether it runs) of every instance of the handbook plugin in `plugins`,
    a list or mapping of plugins, groups' included, in order: an instance with `enabled:
    false` does nothing, nor does any in a group that Material's group plugin does not
    switch on. What MkDocs would refuse is refused, at `where` (the list's line) or
    `options_where` (the options' line)."""
    instances: list[tuple[dict[str, Any], bool]] = []
    for listed in walk_plugins(plugins):
        if isinstance(listed, PluginList):
            _refuse_plugin_list(listed, where)
        elif listed.name == PLUGIN_NAME:
            options = listed.options or {}  # `enabled` empty is its default, true
            if not isinstance(options, dict):
                raise ConfigError(
                    f"{options_where}: the '{PLUGIN_NAME}' plugin's options must be a mapping"
                )
            instances.append((options, listed.runs))
    return instances


def _refuse_plugin_list(plugins: PluginList, where: str) -> None:
    """A `ConfigError` for a `plugins` setting that is no list, or one that runs and has
    an item naming two plugins, as MkDocs refuses them."""
    if plugins.value is None or isinstance(plugins.value, dict):
        return
    if not isinstance(plugins.value, list):
        raise ConfigError(f"{where}: 'plugins' must be a list")
    if not plugins.runs:  # MkDocs reads a group's list only once the group is on
        return
    for item in plugins.value:
        if isinstance(item, dict) and len(item) > 1:
            names = ", ".join(str(name) for name in item)
            raise ConfigError(
                f"{where}: an item of 'plugins' names {len(item)} plugins ({names}); "
                "give each plugin an item of its own (are its options indented under "
                "its name?)"
            )


def is_folder_name(value: object) -> bool:
    """Whether `value` can name a folder: text, not blank (that would be mkdocs.yml's own
    folder), with no NUL, that the file system can encode, each part short enough to be
    a file name."""
    if not isinstance(value, str) or not value.strip() or "\x00" in value:
        return False
    try:
        parts = value.encode("utf-8").split(b"/")
    except UnicodeEncodeError:  # an escaped lone surrogate
        return False
    return all(len(part) <= 255 for part in parts)


def as_written(value: object) -> str:
    """A setting's `value` as a message quotes it: true, false and nothing (YAML's null)
    as YAML writes them, not as Python does (`True`, `None`); any other value as Python
    shows it ('loud', 5)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, int) and not isinstance(value, WrittenNumber):
        # As MkDocs read it for the plugin: repr() stops at thousands of digits, hex() not.
        from .model.yaml_messages import shortened

        return shortened(repr(value) if value.bit_length() <= 64 else hex(value))
    try:
        return repr(value)
    except ValueError:  # a list or mapping holding such a number
        return f"a {type(value).__name__} holding a number of thousands of digits"
