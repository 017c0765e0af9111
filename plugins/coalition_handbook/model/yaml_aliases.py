"""The guard against alias bombs: a document whose aliases ('*') would expand it past
a limit, or that refers to itself, is refused before anything walks it."""

from __future__ import annotations

import yaml

MAX_ALIASES = 50
MAX_VALUES = 10_000


def alias_refusal(
    root: yaml.Node, max_aliases: int, max_values: int
) -> tuple[str, yaml.Node] | None:
    """Why the document is refused, if it is an alias bomb, without expanding it.

    Composition shares an aliased node, so the graph is as small as the text; we count
    repeated references and the size the values would expand to, one visit per node.
    """
    seen: set[int] = set()
    aliases = 0
    first_shared: yaml.Node | None = None
    order: list[yaml.Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            aliases += 1
            first_shared = first_shared or node
            continue
        seen.add(id(node))
        order.append(node)
        stack.extend(reversed(_children(node)))
    if aliases > max_aliases:
        return (
            f"refused: the document uses {aliases} aliases ('*'); at most {max_aliases} "
            "are allowed (YAML alias bombs are not expanded)",
            first_shared or root,
        )
    if not aliases:
        return None
    # Expanded sizes, children before parents; a node still in progress is a cycle.
    sizes: dict[int, int] = {}
    state: dict[int, bool] = {}  # False: being visited, True: done
    stack = [root]
    while stack:
        node = stack[-1]
        key = id(node)
        if state.get(key) is None:
            state[key] = False
            for child in _children(node):
                child_state = state.get(id(child))
                if child_state is False:
                    return ("refused: an alias refers to a value that contains it", child)
                if child_state is None:
                    stack.append(child)
            continue
        stack.pop()
        if state[key]:
            continue
        state[key] = True
        sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
        if sizes[key] > max_values:
            return (
                f"refused: aliases would expand the document to more than {max_values} "
                "values (YAML alias bombs are not expanded)",
                first_shared or root,
            )
    return None


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []
