"""How a message about a YAML file names its values: quoted and shortened, never copied
whole, a value's place in an editor's words, a tag as the file writes it."""

from __future__ import annotations

# A message names a value of the file, it does not copy it: at most this many characters
# of one are quoted (a one-line scalar of megabytes, or /etc/passwd read as a term file,
# would otherwise land whole in every log and report).
QUOTED_CHARACTERS = 60


def shortened(text: str, limit: int = QUOTED_CHARACTERS) -> str:
    """`text` for a message: cut after `limit` characters, with "…" to say so."""
    return text if len(text) <= limit else text[:limit] + "…"


# PyYAML expands `!!x` to this prefix and `x`; an editor typed, and should read, `!!x`.
_YAML_TAG_PREFIX = "tag:yaml.org,2002:"


def tag_as_written(tag: str) -> str:
    """A node's `tag` as the file writes it: `!!python/name:x`, not PyYAML's expanded
    `tag:yaml.org,2002:python/name:x`; a local tag (`!foo`) as it is; any other in the
    verbatim form (`!<tag:example.org,2026:x>`); shortened."""
    if tag.startswith(_YAML_TAG_PREFIX):
        tag = "!!" + tag.removeprefix(_YAML_TAG_PREFIX)
    elif not tag.startswith("!"):
        tag = f"!<{tag}>"
    return shortened(tag)


def unsupported_tag(tag: str) -> str:
    """The problem of a value with a YAML `tag` that the handbook's files do not read."""
    return (
        f"the YAML tag '{tag_as_written(tag)}' is not supported here: remove it (or put "
        "the value in quotes if the '!' is part of it)"
    )


def path_of(dotted: str) -> tuple[str | int, ...]:
    """The path a dotted key names (`history.0.version`), digits as list indexes."""
    return tuple(int(part) if part.isdecimal() else part for part in dotted.split(".") if part)


def value_label(path: tuple[str | int, ...] | str) -> str:
    """Where a value is, in an editor's words: `'version' of history item 1` for the path
    `history.0.version`. Items count from 1, as an editor counts the dashes of a list; in
    a dotted path (`avoid.1.text`), digits are item numbers."""
    if isinstance(path, str):
        path = path_of(path)
    if not path:
        return "the document"
    # Each stretch of keys up to a list index names one item ("history item 1"); the
    # innermost is said first, as in "the date of the first entry of the history".
    said: list[str] = []
    keys: list[str] = []
    for part in path:
        if isinstance(part, int):
            item = f"item {part + 1}"
            said.append(f"{'.'.join(keys)} {item}" if keys else item)
            keys = []
        else:
            keys.append(shortened(part))
    if keys:
        said.append("'" + ".".join(keys) + "'")
    return " of ".join(reversed(said))


def quoted(value: object) -> str:
    """`repr(value)` for a message, with at most QUOTED_CHARACTERS of a string's text."""
    if isinstance(value, str):
        return repr(shortened(value))
    return shortened(repr(value))
