"""The position-keeping YAML loader: exact spans, problems instead of exceptions."""

from __future__ import annotations

import itertools
import re

import pytest
import yaml
from conftest import require_or_skip
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_handbook.model import yaml_loader, yaml_values
from coalition_handbook.model.yaml_document import LineIndex, YamlDocument
from coalition_handbook.model.yaml_messages import value_label
from coalition_handbook.model.yaml_source import load_yaml
from coalition_handbook.model.yaml_syntax import syntax_problem


def raw(text: str, path: str, start: int = 0) -> str:
    begin, end = load_yaml(text, start).values[path]
    return text[begin:end]


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ("term: T visa\n", "term", "T visa"),
        ("term: 'T visa'\n", "term", "'T visa'"),
        ('term: "T \\"visa\\""\n', "term", '"T \\"visa\\""'),
        ("a: [x, 'y z']\n", "a.1", "'y z'"),
        ("a:\n  - x\n  - {text: y, reason: z}\n", "a.1.reason", "z"),
        ("d: |\n  line one\n  line two\nn: 1\n", "d", "|\n  line one\n  line two\n"),
        ("d: >-\n  folded\n  text\n", "d", ">-\n  folded\n  text\n"),
        ("d: plain\n  continued\nn: 1\n", "d", "plain\n  continued"),
        ("h:\n  - date: 2026-01-01\n", "h.0.date", "2026-01-01"),
        ("é: ünïcödé 𝄞 x\n", "é", "ünïcödé 𝄞 x"),
        ("a: 1\r\nb: 'two'\r\n", "b", "'two'"),
        ("d: |\r\n  x\r\n  y\r\n", "d", "|\r\n  x\r\n  y\r\n"),
        # A value's anchor and tag are not its text (found by fuzzing) ...
        ("s: &a first\n  second\n", "s", "first\n  second"),
        ('s: !!str "\\u00e9 x"\n', "s", '"\\u00e9 x"'),
        ("s: &a !!str # why\n  'x'\n", "s", "'x'"),
        # ... and an empty value's span ends where they do, before a comment, the next key
        # or the next item (found in review: it ran on into them, in flow collections
        # to the end of the line)
        ("a: &x # hi\nb: y\n", "a", ""),
        ("a: !!str\nb: text\n", "a", ""),
        ("- &x\n- y\n", "0", ""),
        ("aliases: [&a, BC]\n", "aliases.1", "BC"),
        ("aliases: [&a, BC]\n", "aliases.0", ""),
        ("k: {a: &x, b: &y}\n", "k.b", ""),
    ],
)
def test_span_is_the_raw_source_of_the_value(text: str, path: str, expected: str) -> None:
    assert raw(text, path) == expected


@pytest.mark.parametrize(
    ("text", "path", "line"),
    [("a: &x # hi\nb: y\n", "a", 1), ("x: [&a0, &a1, &a2]\n", "x.2", 1), ("- &x\n- y\n", "0", 1)],
)
def test_an_empty_value_with_an_anchor_is_placed_on_its_own_line(
    text: str, path: str, line: int
) -> None:
    start, end = load_yaml(text).values[path]
    assert start == end
    assert LineIndex(text).position(start)[0] == line
    assert text[start - 2 : start] in ("&x", "a2")


@pytest.mark.parametrize("bom", ["\ufeff", "\ufeff\ufeff"])
def test_a_bom_left_in_the_text_moves_no_place(bom: str) -> None:
    """A file saved with two BOMs keeps one after decoding, which libyaml's marks did
    not count: every value was placed one character early, `b` at ' [x, 1' (found by
    differential fuzzing against PyYAML's node marks)."""
    text = bom + "a: 1\nb: [x, 1]\n"
    assert load_yaml(text).data == {"a": 1, "b": ["x", 1]}
    assert raw(text, "b") == "[x, 1]"
    assert raw(text, "b.1") == "1"
    broken = bom + "a: 1\nb: [x,\n  {\n"
    (problem,) = load_yaml(broken).problems
    assert problem.offset == len(broken)  # where the text ends with the list open


def test_spans_of_a_window_are_offsets_into_the_whole_text() -> None:
    text = "---\ntitle: Module\nobjectives:\n  - One\n---\nBody\n"
    start = text.index("title")
    end = text.index("---\nBody")
    document = load_yaml(text, start, end)
    assert document.data == {"title": "Module", "objectives": ["One"]}
    begin, stop = document.values["objectives.0"]
    assert text[begin:stop] == "One"
    assert document.values[""] == (start, end)


@pytest.mark.parametrize(
    ("text", "offset", "position"),
    [
        ("ab\ncd", 4, (2, 2)),
        ("ab\r\ncd", 5, (2, 2)),
        ("ab\rcd", 3, (2, 1)),
        ("𝄞é\nx", 1, (1, 2)),
        ("ab", 99, (1, 3)),
    ],
)
def test_line_index_counts_lines_and_code_points(
    text: str, offset: int, position: tuple[int, int]
) -> None:
    assert LineIndex(text).position(offset) == position


def test_keys_keep_their_spelling_and_the_key_span() -> None:
    # YAML 1.1 reads a bare `no` as false: a language code must stay a language code.
    document = load_yaml("translations:\n  no: menneskehandel\n  es: trata\n")
    assert document.data == {"translations": {"no": "menneskehandel", "es": "trata"}}
    assert document.keys["translations.no"] == (16, 18)


def test_values_are_typed_as_yaml_types_them() -> None:
    document = load_yaml("v: 1\nd: 2026-01-31\nb: true\ns: '1'\nn: ~\n")
    import datetime as dt

    assert document.data == {"v": 1, "d": dt.date(2026, 1, 31), "b": True, "s": "1", "n": None}
    assert not document.problems


# Plain scalars that YAML 1.1 (PyYAML's safe loader) reads as something other than text,
# and look-alikes that stay text: the engine resolves tags itself, and must agree.
_PLAIN_SCALARS = (
    *("null", "Null", "NULL", "~", "nul", "yes", "No", "ON", "off", "On", "y", "n", "True"),
    *("false", "FALSE", "tRue", "1", "-1", "+12", "0x1F", "0o17", "017", "0b101", "1_000"),
    *("12:30", "1:30:00", "1.5", ".5", "-.inf", ".NaN", "1e3", "6.8523015e+5", "1.0.0"),
    *("2026-01-31", "2026-01-31 10:00:00", "2026-1-31", "2026-01-31T10:00:00Z", "+"),
    *(".", "0", "10", "\u0663", "1st", "911", "Trafficking", "trafficking victims", "o'brien"),
    "=x",
)


@pytest.mark.parametrize("scalar", _PLAIN_SCALARS)
def test_plain_scalars_are_typed_as_pyyaml_types_them(scalar: str) -> None:
    text = f"value: {scalar}\nlist: [{scalar}]\n"
    document = load_yaml(text)
    expected = yaml.safe_load(text)
    assert document.data == expected
    assert [type(item) for item in document.data.values()] == [
        type(item) for item in expected.values()
    ]


class _CountedPattern:
    """A resolver's pattern that counts the values it is tried on."""

    def __init__(self, pattern: re.Pattern[str], tries: list[str]) -> None:
        self.pattern = pattern
        self.tries = tries

    def match(self, value: str) -> re.Match[str] | None:
        self.tries.append(value)
        return self.pattern.match(value)


def test_each_plain_scalar_is_resolved_once_however_many_files_write_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Every term file writes `term:`, `version: 1`, `date:`...: trying the resolver's
    # patterns on each again, file after file, was work thrown away.
    tries: list[str] = []

    def counted(resolvers: tuple[tuple[str, re.Pattern[str]], ...]) -> tuple[object, ...]:
        return tuple((tag, _CountedPattern(pattern, tries)) for tag, pattern in resolvers)

    monkeypatch.setattr(yaml_loader, "_PLAIN_TAGS", {}, raising=False)
    monkeypatch.setattr(yaml_loader, "_ANY_FIRST", counted(yaml_loader._ANY_FIRST))
    by_first = {first: counted(found) for first, found in yaml_loader._RESOLVERS_BY_FIRST.items()}
    monkeypatch.setattr(yaml_loader, "_RESOLVERS_BY_FIRST", by_first)
    text = "term: victim\nversion: 1\nhistory:\n  - date: 2026-01-31\n    seen: yes\n"
    expected = yaml.safe_load(text)
    assert load_yaml(text).data == expected
    assert tries
    tries.clear()
    assert load_yaml(text).data == expected
    assert tries == []
    long_text = "1" + "x" * 40  # too long to be kept: the values kept stay few
    load_yaml(f"a: {long_text}\n")
    load_yaml(f"a: {long_text}\n")
    assert tries.count(long_text) > tries.count("a") == 0


def _shape(node: yaml.Node) -> tuple[object, ...]:
    """What the engine reads of a composed node: its kind, tag, style, place and value."""
    value = node.value
    if isinstance(node, yaml.MappingNode):
        value = [(_shape(key), _shape(item)) for key, item in value]
    elif isinstance(node, yaml.SequenceNode):
        value = [_shape(item) for item in value]
    style = node.style if isinstance(node, yaml.ScalarNode) else node.flow_style
    places = (node.start_mark.index, node.end_mark.index, node.start_mark.line)
    return type(node).__name__, node.tag, style, places, value


def test_documents_are_composed_as_the_safe_loader_composes_them_without_its_constructor() -> None:
    require_or_skip(hasattr(yaml, "CSafeLoader"), "libyaml is not installed")
    # Composing is all the engine asks of libyaml: setting up the safe loader's
    # constructor and resolver for every file read was time a cold check lost per term.
    assert not issubclass(yaml_loader.QuickComposer, yaml.constructor.BaseConstructor)
    text = (
        "a: &x [1, 'b', !!str 2, {c: 2026-01-31, d: ~, e: yes}]\nb: *x\n"
        'c: |\n  text\nd: >-\n  folded\n  text\n"e": "q"\nf: !custom 1.5\n'
    )
    composer = yaml_loader.QuickComposer(text)
    try:
        ours = composer.get_single_node()
    finally:
        composer.dispose()
    assert _shape(ours) == _shape(yaml.compose(text, Loader=yaml_loader.QuickResolvingLoader))
    assert _shape(ours)[4][0][1][4][2][1] == "tag:yaml.org,2002:str"  # `!!str 2` kept


def test_duplicate_keys_are_problems_at_the_second_key() -> None:
    text = "term: a\nversion: 1\nterm: b\n"
    document = load_yaml(text)
    (problem,) = document.problems
    assert "duplicate key 'term'" in problem.message and "line 1" in problem.message
    assert problem.offset == text.index("term: b")
    assert document.usable


def test_nested_duplicate_keys_are_found_too() -> None:
    document = load_yaml("avoid:\n  - text: a\n    text: b\n")
    (problem,) = document.problems
    assert "duplicate key 'text'" in problem.message


def test_a_second_document_is_a_problem_at_its_marker() -> None:
    text = "term: a\n---\nterm: b\n"
    document = load_yaml(text)
    (problem,) = document.problems
    assert "second YAML document" in problem.message and "line 2" in problem.message
    assert problem.offset == text.index("---")
    assert document.data == {"term": "a"}


def test_syntax_error_gives_the_problem_position() -> None:
    text = "term: a\nversion: [1\n"
    document = load_yaml(text)
    assert not document.usable
    (problem,) = document.problems
    assert problem.message.startswith("not valid YAML")
    assert LineIndex(text).line(problem.offset) == 3


def test_tab_indentation_says_so() -> None:
    document = load_yaml("term: a\n\tversion: 1\n")
    (problem,) = document.problems
    assert "tabs" in problem.message and problem.offset == 8


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("title: 22 U.S.C. 7102: Definitions\n", "must be in quotes (title: "),
        ("avoid:\n  - reason: Misleading: it blames\n", "must be in quotes (title: "),
        # Two fields on one line: quotes were the advice (ed63).
        ("avoid:\n  - text: debt slavery reason: sensational\n", "if 'reason:' starts a field"),
        ("history:\n  - version: 2 date: 2026-01-01\n", "if 'date:' starts a field of its own"),
        ("summary: First approved: at the meeting\n", "must be in quotes (title: "),
        ("short: A term with another definition: x\n", "if 'definition:' starts a field"),
        # A key indented by one space, or a wrapped value's next line with ': ' in it.
        ("term: a\n aliases:\n  - b\n", "goes in quotes, and a field lines up"),
        ("definition: The law says\n  this: that\n", "goes in quotes, and a field lines up"),
        ("term: a\n# aliases:\n  - b\n", "check this line's indentation"),  # half uncommented
        ("term: a\naliases:\n  - b\n  c: 1\n", "check this line's indentation"),
        ('short: "T visa" is a status\n', "the whole value in the other kind of quotes"),
        ("aliases: [a, b\nversion: 1\n", "must be closed with ']' or '}'"),
        ("translations: {es: a\nversion: 1\n", "must be closed with ']' or '}'"),
    ],
)
def test_common_syntax_errors_say_what_to_do(text: str, hint: str) -> None:
    (problem,) = load_yaml(text).problems
    assert problem.message.startswith("not valid YAML") and hint in problem.message
    assert problem.message.count("; ") == 1  # one hint, not a guess of each kind


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("title: ILO Forced Labour Convention #29\n", "#29"),
        ("history:\n  - summary: Proposed in #42 by the labor committee.\n", "#42 by the"),
        ("title: Convention  \t#29 (1930)\n", "#29 (1930)"),
        ("aliases:\n  - TIP #1\n", "#1"),
        ("summary: a text over\n  two lines #2\n", "#2"),
    ],
)
def test_a_plain_text_cut_short_by_a_hash_is_a_problem_at_the_hash(text: str, rest: str) -> None:
    document = load_yaml(text)
    (problem,) = document.problems
    assert f"ends before '{rest}" in problem.message and "quotes" in problem.message
    assert problem.offset == text.index("#")
    # The value is still read, as YAML reads it, and the record with it.
    assert document.usable and document.data and problem.read


@pytest.mark.parametrize(
    "text",
    [
        "title: ILO Convention # the 1930 one\n",  # a comment meant as one
        "title: ILO Convention #TODO: check\n",  # comments too, without a space
        "translations: {es: algo #es\n}\n",
        "title: 'ILO Convention #29'\n",
        'title: "ILO Convention #29"\n',
        "title: ILO#29\n",  # no space: YAML keeps the '#' in the text
        "version: 2 #3\n",  # not text: nothing left out of what a page shows
        "definition: |\n  a #1\n",
    ],
)
def test_comments_meant_and_quoted_hashes_are_no_problem(text: str) -> None:
    assert not load_yaml(text).problems


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("aliases:\n  - trafficking survivor\n   - survivor of trafficking\n", [2]),
        ("objectives:\n- Recognize signs.\n - Call the hotline.\n", [2]),
        ("tags:\r\n  - legal\r\n   - health\r\n", [2]),
        ("audience:\n  - a\n   - b\n   - c\n  - d\n", [2, 3]),
        ("a:\n  - x:\n      - one\n       - two\n", [3]),
    ],
)
def test_a_list_item_indented_past_the_one_above_is_a_problem_at_its_dash(
    text: str, joined: list[int]
) -> None:
    """YAML reads `- a` then ` - b` as the one item "a - b": two forms or objectives
    become one in silence (audit)."""
    document = load_yaml(text)
    lines = LineIndex(text)
    assert [lines.position(problem.offset) for problem in document.problems] == [
        (line + 1, text.splitlines()[line].index("-") + 1) for line in joined
    ]
    problem = document.problems[0]
    assert "read as part of the item above" in problem.message
    assert "indent it like the others" in problem.message
    # The value is still read, as YAML reads it, and the record with it.
    assert document.usable and problem.read


@pytest.mark.parametrize(
    "text",
    [
        "aliases:\n  - trafficking survivor\n  - survivor of trafficking\n",
        "objectives:\n  - Recognize the signs of trafficking\n    in a congregation.\n",
        "objectives:\n  - 'Recognize signs.\n   - Call.'\n",  # quoted: YAML's text as written
        "definition: |\n  Signs:\n   - a bruise\n",
        "summary: >\n  A list\n   - kept\n",
        "objectives:\n  - Recognize signs -\n    and respond.\n",
        "objectives:\n  - Recognize\n    --flag\n",
        "a:\n  - one\n  -\n    - two\n",
        # prose wrapped at a dash, at or past where the item's text starts (review 3)
        "objectives:\n  - Follow it under pressure - calmly\n      - keeping others safe.\n",
        "objectives:\n  - Follow it under pressure - calmly\n    - keeping others safe.\n",
    ],
)
def test_lists_indented_alike_and_other_texts_are_no_problem(text: str) -> None:
    assert not load_yaml(text).problems


def test_control_characters_are_refused_at_their_place() -> None:
    document = load_yaml("term: a\x07b\n")
    (problem,) = document.problems
    assert "U+0007" in problem.message and problem.offset == 7
    assert not document.usable


def test_empty_and_comment_only_documents_are_empty() -> None:
    for text in ("", "   \n", "# only a comment\n"):
        document = load_yaml(text)
        assert document.empty and document.data is None and not document.problems


def billion_laughs(levels: int) -> str:
    names = [f"l{level}" for level in range(levels + 1)]
    lines = [f"{names[0]}: &{names[0]} [{', '.join(['lol'] * 9)}]"]
    for previous, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("levels", [5, 9, 30])
def test_alias_bombs_are_refused_without_expanding(levels: int) -> None:
    from work import calls_made

    documents: list[YamlDocument] = []
    calls = calls_made(lambda: documents.append(load_yaml(billion_laughs(levels))))
    assert calls < 20_000 * levels  # refused as read: no value is built, none expanded
    (document,) = documents
    assert not document.usable and document.data is None
    (problem,) = document.problems
    assert problem.message.startswith("refused:")


def test_few_small_aliases_are_fine() -> None:
    document = load_yaml("base: &b {text: x}\nother: *b\n")
    assert document.usable and document.data == {"base": {"text": "x"}, "other": {"text": "x"}}


def test_recursive_alias_is_refused() -> None:
    document = load_yaml("a: &a [*a]\n")
    assert not document.usable
    assert "contains it" in document.problems[0].message


def test_merge_keys_fill_in_without_overriding() -> None:
    document = load_yaml("d: &d {a: 1, b: 2}\ne:\n  <<: *d\n  b: 3\n")
    assert document.data["e"] == {"a": 1, "b": 3}


@pytest.mark.parametrize(
    "text",
    [
        "d: &d {status: default}\ne:\n  <<: [*d, {status: merged}]\n",
        "e:\n  <<: {status: default}\n  <<: {status: merged}\n",
    ],
)
def test_a_key_two_merged_mappings_give_differently_is_a_problem(text: str) -> None:
    """PyYAML keeps the last of them for a key longer than one character (its merge
    compares the keys' string objects), the YAML spec and this loader the first: the
    site and the checks could read two values (found by differential fuzzing)."""
    document = load_yaml(text)
    assert document.data["e"] == {"status": "default"}
    (problem,) = document.problems
    assert problem.read and problem.offset == text.rindex("status")
    assert problem.message.startswith("'status' is given different values by two merged")


@pytest.mark.parametrize(
    "text",
    [
        "e:\n  <<: [{status: same}, {status: same}]\n",
        "e:\n  <<: [{status: a}, {status: b}]\n  status: own\n",
    ],
)
def test_merged_mappings_that_agree_or_are_overridden_are_no_problem(text: str) -> None:
    assert not load_yaml(text).problems


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        # A key the mapping sets itself is placed at its own value, not the merged one.
        ("d: &d {status: approved}\nstatus: wrong\n<<: *d\n", "status", "wrong"),
        ("d: &d {s: {t: 1}}\ne:\n  s: {t: x}\n  <<: *d\n", "e.s.t", "x"),
        # The first of two merged mappings gives the value, and its place.
        ("e:\n  <<: [{s: one}, {s: two}]\n", "e.s", "one"),
        ("e:\n  <<: {s: one}\n  <<: {s: two}\n", "e.s", "one"),
        # A key only a merge gives is placed where the merged mapping writes it.
        ("d: &d {s: merged}\ne:\n  <<: *d\n", "e.s", "merged"),
    ],
)
def test_a_merged_value_is_placed_where_the_value_read_is(
    text: str, path: str, expected: str
) -> None:
    """Found by differential fuzzing against PyYAML's node marks: a merged mapping's
    values took the places of the keys the mapping sets itself, so a schema finding
    about `status: wrong` pointed at the merged `approved`."""
    document = load_yaml(text)
    data = document.data
    for part in path.split("."):
        data = data[part]
    assert str(data) == expected
    assert raw(text, path) == expected
    assert all(problem.read for problem in document.problems)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("a: !custom x\n", "the YAML tag '!custom' is not supported here"),
        ("a: !!set {x, y}\n", "tag"),
        ("[a]: 1\n", "plain name"),
    ],
)
def test_unsupported_values_are_problems(text: str, fragment: str) -> None:
    document = load_yaml(text)
    assert any(fragment in problem.message for problem in document.problems)


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a: !!python/object/apply:os.system [x]\n", "'!!python/object/apply:os.system'"),
        ("a: !!python/name:os.system\n", "'!!python/name:os.system'"),
        ("a: !foo 1\n", "'!foo'"),
        ("a: !!set {x, y}\n", "'!!set'"),
    ],
)
def test_a_tag_is_named_as_it_is_typed_in_plain_words(text: str, tag: str) -> None:
    """Audit F8: the tag came out expanded (`tag:yaml.org,2002:python/...`), or in
    PyYAML's words ("could not determine a constructor for the tag")."""
    (problem,) = load_yaml(text).problems
    assert problem.message.startswith(f"the YAML tag {tag} is not supported here")
    assert "tag:yaml.org" not in problem.message and "constructor" not in problem.message


@pytest.mark.parametrize(
    ("text", "kind", "line"),
    [
        ("a:\n  - x\n  b: 1\n", "list", 2),  # a key among a list's items
        ("a:\n  b: 1\n  - c\n", "mapping", 2),  # an item among a mapping's keys
        ("- a\n- b\nc: 1\n", "list", 1),
    ],
)
def test_a_line_out_of_step_with_its_block_is_said_in_plain_words(
    text: str, kind: str, line: int
) -> None:
    """Audit F8: mkdocs.yml's `- handbook:` with a list item and a key under it gave
    PyYAML's "expected <block end>, but found '?'" (libyaml's words, for the glossary,
    are "did not find expected key")."""
    for loader in (yaml.SafeLoader, yaml.CSafeLoader):
        with pytest.raises(yaml.MarkedYAMLError) as raised:
            yaml.load(text, Loader=loader)
        problem = syntax_problem(raised.value, 0, LineIndex(text))
        assert problem.message.startswith(
            f"not valid YAML: this line does not fit the {kind} that starts at line {line}"
        ), problem.message
        assert "<block end>" not in problem.message and "expected key" not in problem.message


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("term: c\ndefinition: |\n    Two lines\n    of it\n  and a third.\n", "term"),
        ("a:\n  b: 1\n  - c\n", "b"),
        ("steps:\n  - title: Call\n    detail: x\n    - y\n", "title"),
    ],
)
def test_a_line_out_of_step_with_a_mapping_is_shown_the_mapping_s_first_key(
    text: str, key: str
) -> None:
    """Audit (con60): "whose lines at this indentation start with a key ('name: ')" read
    as a key named `name` the file should have, in a term file that has none."""
    for loader in (yaml.SafeLoader, yaml.CSafeLoader):
        with pytest.raises(yaml.MarkedYAMLError) as raised:
            yaml.load(text, Loader=loader)
        message = syntax_problem(raised.value, 0, LineIndex(text)).message
        assert f"whose lines at this indentation start with a key ('{key}: ');" in message


@pytest.mark.parametrize(
    ("first_line", "shown"),
    [
        ("see:also: 1", "a key ('see:also: ')"),  # a colon with no space is in the key
        ("https://example.org: 1", "a key ('https://example.org: ')"),
        ('"a: b": 1', "a key"),  # a quoted key: not as the file writes it, not cut short
        ("'a: b': 1", "a key"),
        ("term   : 1", "a key ('term: ')"),
        ("aliases:\r\n  - x\r", "a key ('aliases: ')"),  # CRLF: a key whose value follows
    ],
)
def test_the_mapping_s_first_key_is_shown_whole_or_not_at_all(first_line: str, shown: str) -> None:
    """Review (rv60c): the key was cut at its first colon, `see:also` shown as ('see: ')
    and `"a: b"` as ('"a: '), a key the file does not have."""
    text = f"{first_line}\ndefinition: |\n    Two lines\n  and a third.\n"
    for loader in (yaml.SafeLoader, yaml.CSafeLoader):
        with pytest.raises(yaml.MarkedYAMLError) as raised:
            yaml.load(text, Loader=loader)
        message = syntax_problem(raised.value, 0, LineIndex(text)).message
        assert f"whose lines at this indentation start with {shown};" in message, message


def test_the_mapping_s_first_key_is_looked_for_in_linear_time() -> None:
    """Review (rv60c): a key's colon looked for after each of a first key's characters,
    over the spaces after each, takes quadratic time on a key with a long run of spaces."""
    from work import python_in_time

    completed = python_in_time(
        "import yaml\n"
        "from coalition_handbook.model.yaml_document import LineIndex\n"
        "from coalition_handbook.model.yaml_syntax import syntax_problem\n"
        # A complex key (`? `): no limit of 1024 characters, as a simple key has.
        "text = '? a' + ' ' * 1_000_000 + 'b\\n: 1\\ndefinition: |\\n    Two\\n  three\\n'\n"
        "try:\n"
        "    yaml.load(text, Loader=yaml.CSafeLoader)\n"
        "except yaml.MarkedYAMLError as error:\n"
        "    message = syntax_problem(error, 0, LineIndex(text)).message\n"
        "assert 'start with a key;' in message, message\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: !!int 2a\n", "cannot read this value as int"),
        ("a: &x !!float abc\n", "cannot read this value as float"),
        ("a: 0x_\n", "cannot read this value as int; put it in quotes to keep it as text"),
        ("a: [0b_]\n", "cannot read this value as int; put it in quotes to keep it as text"),
    ],
)
def test_a_number_yaml_cannot_read_is_a_problem_at_it(text: str, message: str) -> None:
    """PyYAML refuses these documents; they were read as text without a word (found by
    differential fuzzing against PyYAML)."""
    (problem,) = load_yaml(text).problems
    assert problem.message == message
    assert problem.offset == (text.index("[") + 1 if "[" in text else 3)


def test_an_impossible_timestamp_stays_text() -> None:
    document = load_yaml("d: 2026-02-30\n")
    assert document.data == {"d": "2026-02-30"} and not document.problems


def test_deep_nesting_is_a_problem_not_a_crash() -> None:
    document = load_yaml("a: " + "[" * 100 + "]" * 100 + "\n")
    assert any("nested" in problem.message for problem in document.problems)


@settings(max_examples=100, deadline=None)
@given(
    # YAML 1.1 also breaks lines at NEL, LS and PS (a problem: see above), and a lone
    # surrogate is read as "?" (see below): the oracle below judges other text.
    value=st.text(
        alphabet=st.characters(
            blacklist_characters="\x85\u2028\u2029", blacklist_categories=("Cs",)
        ),
        max_size=40,
    ),
    style=st.sampled_from([None, '"', "'"]),
    readable_unicode=st.booleans(),
)
def test_every_span_reparses_to_its_value(
    value: str, style: str | None, readable_unicode: bool
) -> None:
    text = yaml.safe_dump(
        {"a": value, "list": [value, {"inner": value}]},
        allow_unicode=readable_unicode,
        default_style=style,
        sort_keys=False,
    )
    document = load_yaml(text)
    assert document.data == yaml.safe_load(text)
    for path in ("a", "list.0", "list.1.inner"):
        start, end = document.values[path]
        assert yaml.safe_load(text[start:end]) == value


@pytest.mark.parametrize(
    ("character", "name"),
    [("\x85", "NEXT LINE"), ("\u2028", "LINE SEPARATOR"), ("\u2029", "PARAGRAPH SEPARATOR")],
)
@pytest.mark.parametrize(
    "value", ['"Text{}more words"', "|\n  Text{}more words\n", "Text{}more words"]
)
def test_a_line_break_only_yaml_sees_is_a_problem_where_it_is(
    character: str, name: str, value: str
) -> None:
    """NEL, LS and PS break lines for YAML 1.1 but not in an editor: a value that looks
    like one line would be split (a confusing syntax error), or folded with its positions
    lost. Each is reported at the character, by name."""
    text = "term: x\ndefinition: " + value.format(character) + "\n"
    document = load_yaml(text)
    assert not document.usable
    assert [(problem.offset, problem.message) for problem in document.problems] == [
        (
            text.index(character),
            f"contains U+{ord(character):04X} ({name}), an invisible character that YAML "
            "reads as a line break: replace it with a space or a real line break",
        )
    ]


def test_a_text_past_ascii_without_a_hidden_line_break_is_not_searched_for_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Session 58: the hidden line breaks' pattern was tried at every character of each
    file with a dash, a curly quote or an accent (most of a real glossary's); it is tried
    only where the text holds one of them, and the first of two is the one reported."""
    from coalition_handbook.model import yaml_source

    searched: list[str] = []
    pattern = yaml_source._HIDDEN_BREAK

    class Spy:
        def search(self, text: str) -> re.Match[str] | None:
            searched.append(text)
            return pattern.search(text)

    monkeypatch.setattr(yaml_source, "_HIDDEN_BREAK", Spy())
    assert load_yaml("term: café\ndefinition: A survivor’s right — in full.\n").usable
    assert searched == []
    text = "term: x\ndefinition: a\u2029b\x85c\n"
    (problem,) = load_yaml(text).problems
    assert problem.offset == text.index("\u2029") and len(searched) == 1


def test_escaped_lone_surrogates_are_read_and_reported() -> None:
    # libyaml refuses an escaped lone surrogate; PyYAML (the contract) reads it. No file,
    # page or PDF can hold one, so it is a problem at its value, not a crash later on.
    text = 'a: "\\uD800"\nlist:\n- "x\\uDFFF"\n'
    assert yaml.safe_load(text) == {"a": "\ud800", "list": ["x\udfff"]}
    document = load_yaml(text)
    assert [(problem.offset, problem.message) for problem in document.problems] == [
        (3, "'a' holds an escaped lone surrogate (\\uD800 to \\uDFFF), no character"),
        (20, "list item 1 holds an escaped lone surrogate (\\uD800 to \\uDFFF), no character"),
    ]
    assert document.data == {"a": "?", "list": ["x?"]}


@pytest.mark.parametrize(
    ("nested", "line"),
    [
        ("tags: " + "[" * 3000 + "]" * 3000, 3),
        # By indentation: at the line that is 100 levels in (2 columns a level).
        ("tags:\n" + "".join(" " * 2 * level + "- \n" for level in range(1, 1500)), 102),
    ],
)
def test_too_deep_a_nesting_is_a_problem_at_its_line(nested: str, line: int) -> None:
    """Where it nests too deep, not at the text's first line (audit)."""
    text = "term: x\nversion: 1\n" + nested + "\n"
    document = load_yaml(text)
    (problem,) = document.problems
    assert problem.message.startswith("is nested too deeply to read")
    assert LineIndex(text).position(problem.offset)[0] == line


@pytest.mark.parametrize(
    ("path", "label"),
    [
        ((), "the document"),
        (("version",), "'version'"),
        (("translations", "es"), "'translations.es'"),
        (("contacts", 0), "contacts item 1"),
        (("history", 1, "version"), "'version' of history item 2"),
        (("a", 0, "b", 2, "c"), "'c' of b item 3 of a item 1"),
        (("a", 0, 1), "item 2 of a item 1"),
        ("avoid.1.text", "'text' of avoid item 2"),
    ],
)
def test_a_value_is_named_as_an_editor_counts_a_list(
    path: tuple[str | int, ...] | str, label: str
) -> None:
    """Messages said `'contacts.0'` for the first contact: items count from 1."""
    assert value_label(path) == label


def test_a_value_is_named_only_for_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    # Naming a value (`value_label`) took longer than reading it: a glossary of
    # thousands of terms named every value, for messages that only a problem prints.
    named: list[object] = []
    original = yaml_values.value_label

    def counted(path: tuple[str | int, ...] | str) -> str:
        named.append(path)
        return original(path)

    monkeypatch.setattr(yaml_values, "value_label", counted)
    document = load_yaml("term: x\nversion: 1\nhistory:\n  - {version: 1, summary: y}\n")
    assert not document.problems
    assert named == []
    long_number = "1" * (yaml_values.MAX_NUMBER_CHARACTERS + 1)
    problem = load_yaml(f"history:\n  - version: {long_number}\n").problems[0]
    assert problem.message.startswith("'version' of history item 1 is a number of")
    assert named == ["history.0.version"]


def test_spans_packed_in_one_loop_stand_where_position_places_each_start() -> None:
    """`LineIndex.span_numbers` (how a record's spans are pickled) gives each span's
    line and column as `position` does: after `\\r\\n`, a lone `\\r` and `\\n`, at the
    text's end, and for offsets past either end (clamped)."""
    text = "term: a\r\nshort: b\rdefinition: >\n  c\n"
    lines = LineIndex(text)
    spans = [(0, 4), (9, 14), (18, 28), (34, 35), (len(text), len(text)), (-2, 0), (99, 120)]
    expected = tuple(
        number for start, end in spans for number in (*lines.position(start), start, end)
    )
    assert lines.span_numbers(spans) == expected
    assert lines.span_numbers([]) == ()


# Each way a text is written, read without the constructor where it can be (a plain,
# quoted or block text, with or without properties), the others through it.
_SCALARS = (
    "plain: words #1\n"
    "single: 'it''s'\n"
    'double: "\\uD800"\n'
    "block: |\n  kept\n"
    "tagged: !!str 12\n"
    "anchored: &a text\n"
    "number: 017\n"
    "strange: !foo x\n"
)


def test_each_kind_of_scalar_is_read_and_placed_as_written() -> None:
    document = load_yaml(_SCALARS)
    assert document.data == {
        "plain": "words",
        "single": "it's",
        "double": "?",
        "block": "kept\n",
        "tagged": "12",
        "anchored": "text",
        "number": 15,
        "strange": "x",
    }
    placed = {path: _SCALARS[start:end] for path, (start, end) in document.values.items()}
    assert placed["plain"] == "words"
    assert placed["single"] == "'it''s'"
    assert placed["tagged"] == "12" and placed["anchored"] == "text"
    assert document.unreadable == {"double", "strange"}
    assert [_SCALARS[problem.offset : problem.offset + 6] for problem in document.problems] == [
        "#1\nsin",
        '"\\uD80',
        "!foo x",
    ]


def test_a_duplicate_key_of_a_merged_mapping_is_found_where_written_and_merged_once() -> None:
    """The mapping's own keys and a merged mapping's each say a duplicate once where it
    is read (the anchored mapping, then again as merged), the last value kept, as YAML."""
    text = "d: &d {a: 1, a: 2}\ne:\n  <<: *d\n  b: 3\n  b: 4\n"
    document = load_yaml(text)
    assert document.data["e"] == {"b": 4, "a": 2}
    second_a, second_b = text.index("a: 2"), text.index("b: 4")
    assert [problem.offset for problem in document.problems] == [second_a, second_b, second_a]
    assert all(problem.message.startswith("duplicate key") for problem in document.problems)
    assert document.values["e.a"] == (second_a + 3, second_a + 4)
    assert document.keys["e.a"] == (second_a, second_a + 1)


@pytest.mark.parametrize("levels", [1, yaml_values.MAX_DEPTH, yaml_values.MAX_DEPTH + 1])
@pytest.mark.parametrize(
    ("value", "data", "raw", "problem"),
    [
        ("text", "text", "text", None),
        ('"text"', "text", '"text"', None),
        ("'text'", "text", "'text'", None),
        ("!!str text", "text", "text", None),
        ("&a text", "text", "text", None),
        ("!!str &a text", "text", "text", None),
        ("text # note", "text", "text", None),
        ("ILO #29", "ILO", "ILO", "ends before '#29'"),
        ('"\\uD800"', "?", '"\\uD800"', "lone surrogate"),
    ],
)
def test_a_text_in_a_mapping_is_read_as_build_reads_any_value(
    levels: int, value: str, data: str, raw: str, problem: str | None
) -> None:
    """A text in a mapping (most values, read there without a call to `build`) is read
    as `build` reads a value: its span after its properties, its problems found, and
    refused past `MAX_DEPTH` levels of nesting."""
    lines = [f"{'  ' * level}k{level}:" for level in range(levels - 1)]
    text = "\n".join([*lines, f"{'  ' * (levels - 1)}k: {value}"]) + "\n"
    document = load_yaml(text)
    path = ".".join([*(f"k{level}" for level in range(levels - 1)), "k"])
    messages = [found.message for found in document.problems]
    start, end = document.values[path]
    assert text[start:end] == raw
    if levels > yaml_values.MAX_DEPTH:
        assert messages == [f"nested more than {yaml_values.MAX_DEPTH} levels deep"]
        return
    found = document.data
    for level in range(levels - 1):
        found = found[f"k{level}"]
    assert found["k"] == data
    assert [message for message in messages if problem is None or problem not in message] == []
    assert (problem is None) == (not messages)
