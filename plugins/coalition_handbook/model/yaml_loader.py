"""PyYAML's safe loader (libyaml's where installed) with a quicker tag resolver: what
composes a YAML text into nodes, and constructs the few values read otherwise."""

from __future__ import annotations

from typing import Any

import yaml

# libyaml composes ten times faster than pure Python; its marks count code points too.
LibyamlOrPython: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# PyYAML's implicit resolvers by the first character of a plain scalar (None: any).
_IMPLICIT_RESOLVERS = LibyamlOrPython.yaml_implicit_resolvers
_ANY_FIRST = tuple(_IMPLICIT_RESOLVERS.get(None, ()))
_RESOLVERS_BY_FIRST = {
    first: (*resolvers, *_ANY_FIRST)
    for first, resolvers in _IMPLICIT_RESOLVERS.items()
    if first is not None
}


# The tag of each short plain scalar resolved: every record file writes the same keys
# (`term:`, `version:`, `date:`) and many of the same values (`1`, `approved`), each of
# which the resolver's patterns were tried on again in every file.
_PLAIN_TAGS: dict[str, str] = {}
_REMEMBERED_LENGTH = 40
_REMEMBERED = 20_000


def _plain_tag(value: str) -> str:
    """The tag PyYAML's resolver gives the plain scalar `value`."""
    for tag, pattern in _RESOLVERS_BY_FIRST.get(value[:1], _ANY_FIRST):
        if pattern.match(value):
            return tag
    return LibyamlOrPython.DEFAULT_SCALAR_TAG


def plain_scalar_tag(value: str) -> str:
    """`_plain_tag`, remembered for a short value (`_PLAIN_TAGS`)."""
    tag = _PLAIN_TAGS.get(value)
    if tag is None:
        tag = _plain_tag(value)
        if len(value) <= _REMEMBERED_LENGTH and len(_PLAIN_TAGS) < _REMEMBERED:
            _PLAIN_TAGS[value] = tag
    return tag


class QuickResolvingLoader(LibyamlOrPython):  # type: ignore[valid-type, misc]
    """The safe loader, resolving the tags of untagged nodes as PyYAML's resolver does
    for a safe loader (which has no path resolvers), without its generality: libyaml
    calls back into Python for every node, and that resolver was a fifth of the time a
    glossary term's file took to compose."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:  # a plain scalar: `true`, `1`, `2026-01-01` are not text
                return plain_scalar_tag(value)
            return self.DEFAULT_SCALAR_TAG
        if kind is yaml.SequenceNode:
            return self.DEFAULT_SEQUENCE_TAG
        return self.DEFAULT_MAPPING_TAG

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass  # only path resolvers, which a safe loader has none of, use these

    def ascend_resolver(self) -> None:
        pass


# libyaml's parser, where installed (`yaml.cyaml` is only there with it).
_LIBYAML_PARSER: type | None = getattr(getattr(yaml, "cyaml", None), "CParser", None)


class _LibyamlComposer(_LIBYAML_PARSER or object):  # type: ignore[misc]
    """libyaml's parser with `QuickResolvingLoader`'s resolver, and nothing else: all
    that composing a text into nodes uses. The safe loader's constructor and resolver,
    which composing never reads, were set up for every file (in a cold check, 3 of the
    200 microseconds each glossary term's file takes)."""

    DEFAULT_SCALAR_TAG = LibyamlOrPython.DEFAULT_SCALAR_TAG
    DEFAULT_SEQUENCE_TAG = LibyamlOrPython.DEFAULT_SEQUENCE_TAG
    DEFAULT_MAPPING_TAG = LibyamlOrPython.DEFAULT_MAPPING_TAG
    resolve = QuickResolvingLoader.resolve
    descend_resolver = QuickResolvingLoader.descend_resolver
    ascend_resolver = QuickResolvingLoader.ascend_resolver


# What composes a YAML text into nodes (`check_node`, `get_node`, `dispose`): without
# libyaml, PyYAML's safe loader with the quicker resolver.
QuickComposer: type[yaml.SafeLoader] = (
    _LibyamlComposer if _LIBYAML_PARSER is not None else QuickResolvingLoader  # type: ignore[assignment]
)
