"""A generated page's front matter, read without YAML where the plugin's templates wrote
it (plugin/generated_page.py `front_matter_as_written`): what MkDocs' own reading gives,
or nothing, and then MkDocs reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from helpers_model import load, term_yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from coalition_handbook.config import load_config
from coalition_handbook.model import load_handbook
from coalition_handbook.plugin.generated_page import front_matter_as_written
from coalition_handbook.site.pages import SiteInputs, generate_pages, protocol_page, term_page
from coalition_handbook.site.templates import yaml_list, yaml_string

# Written in a term file as YAML escapes: quotes, backslashes, line breaks, a tab, YAML
# and Markdown syntax, accents, an emoji, a non-breaking space.
TRICKY = r'"Say \"no\": a\\b [x, y] {z} #c &a *b !t - d\n\tnext é 😀 \u00a0 end"'

ALIAS = r'"Say \"no\" [x] {z} a\\b é 😀"'
TRANSLATION = """'la "traite" # [x] é'"""


@pytest.mark.parametrize(
    ("status", "extra"),
    [
        ("approved", ""),
        (
            "approved",
            f"aliases: [TIP, {ALIAS}]\ntranslations: {{es: víctima, fr: {TRANSLATION}}}\n",
        ),
        ("proposed", f"short: {TRICKY}\n"),
        ("deprecated", "replaced_by: victim\n"),
    ],
)
def test_a_term_page_s_front_matter_reads_as_mkdocs_reads_it(
    tmp_path: Path, status: str, extra: str
) -> None:
    handbook, problems = load(
        tmp_path,
        {
            "glossary/survivor.yml": term_yaml(extra=f"status: {status}\n{extra}"),
            "glossary/victim.yml": term_yaml("victim"),
        },
    )
    assert problems == []
    written = {"survivor": ["survivors", "Survivor's", 'a "quoted" form']}
    for template in ("hb-term.html", None):
        inputs = SiteInputs(handbook, term_template=template, written_forms=written)
        page = term_page(handbook.terms["survivor"], inputs, 1.25)
        read = front_matter_as_written(page)
        assert read is not None
        assert read == get_data(page)
        assert read[1]["search"] == {"boost": 1.25}


def test_a_protocol_page_s_front_matter_reads_as_mkdocs_reads_it(tmp_path: Path) -> None:
    from helpers_model import PROTOCOL

    handbook, problems = load(tmp_path, {"protocols/hotel.yml": PROTOCOL})
    assert problems == []
    page = protocol_page(handbook.protocols["hotel"], SiteInputs(handbook))
    read = front_matter_as_written(page)
    assert read is not None
    assert read == get_data(page)


@pytest.mark.parametrize(
    "value",
    [
        "a\x85b",  # NEL: YAML reads a line break, folded into a space
        "a\x7fb",  # DEL and the C1 controls: YAML refuses them unescaped
        "a\x9fb",
        "a\u2028b",  # line and paragraph separators: line breaks to YAML 1.1
        "a\u2029b",
        "a\ufeffb",
    ],
)
def test_a_value_yaml_reads_otherwise_than_json_is_left_to_mkdocs(value: str) -> None:
    written = json.dumps(value, ensure_ascii=False)
    page = f"---\ntitle: {written}\ntags: [{written}]\n---\n\n# x\n"
    assert front_matter_as_written(page) is None


@pytest.mark.parametrize(
    "value", ["a\x85b", "a\x7fb", "a\x9fb", "a\u2028b", "a\u2029b", "a\ufeffb"]
)
def test_the_templates_write_such_a_value_escaped(value: str) -> None:
    """Found by the cold build's helper: a `short` holding DEL or a C1 control, written
    raw, made YAML refuse the term page's whole front matter (its title, template and
    search fields lost, the YAML shown as text); NEL and U+2028/9 became spaces."""
    page = f"---\ntitle: {yaml_string(value)}\ntags: {yaml_list([value])}\n---\n\n# x\n"
    assert value not in page
    body, meta = get_data(page)
    assert meta == {"title": value, "tags": [value]}
    assert front_matter_as_written(page) == (body, meta)


@pytest.mark.parametrize(
    "front_matter",
    [
        "title: Changes\n",  # a plain scalar
        'on: ["a"]\n',  # a key YAML reads as true
        'null: "a"\n',
        'title: "a" # a comment\n',
        "search:\n  boost: 1e-05\n",  # a string in YAML 1.1, a number in JSON
        "search:\n  boost: 2\n",
        "count: 3\n",
        "flags: [true, 1]\n",
        'title: "a"\n  more: "b"\n',
        'title:  "a"\n',
        "\n",
    ],
)
def test_front_matter_of_another_shape_is_left_to_mkdocs(front_matter: str) -> None:
    page = f"---\n{front_matter}---\n\n# x\n"
    assert front_matter_as_written(page) is None


def test_the_templates_write_a_lone_surrogate_as_the_replacement_character() -> None:
    """Review rv50c: escaped as `\\ud800` it made MkDocs' YAML refuse the whole front
    matter; no term can hold one (the loader reports it), the templates stay safe anyway."""
    written = yaml_string("a\ud800b")
    page = f"---\ntitle: {written}\n---\n\n# x\n"
    assert get_data(page)[1] == {"title": "a\ufffdb"}


def test_a_surrogate_s_escape_is_left_to_mkdocs() -> None:
    page = '---\ntitle: "\\ud83d\\ude00"\n---\n\n# x\n'
    assert front_matter_as_written(page) is None


def test_a_page_with_no_front_matter_is_left_to_mkdocs() -> None:
    assert front_matter_as_written('# x\n\ntitle: "a"\n') is None


def test_every_json_value_of_strings_reads_as_yaml_reads_it() -> None:
    """The values `yaml_string` and `yaml_list` write, with the characters JSON escapes
    and those it writes as they are."""
    texts = [chr(code) for code in range(0x7F)] + ["é", "😀", "\u00a0", "", " x "]
    keys = ["".join(chr(ord("a") + int(digit)) for digit in str(n)) for n in range(len(texts))]
    page = "---\n" + "".join(
        f"k_{key}: {yaml_string(text)}\nl_{key}: {yaml_list([text, text])}\n"
        for key, text in zip(keys, texts, strict=True)
    )
    page += "---\n\nbody\n"
    read = front_matter_as_written(page)
    assert read is not None
    assert read == get_data(page)


@pytest.mark.parametrize(
    "front_matter",
    [
        # Review: JSON reads a carriage return as space after a value; YAML as a line
        # break, and then a tab as the next line's indent, which it refuses.
        'search: ""\r\t\n',
        "tags: []\r\t\nsearch:\n  boost: 2.0\n",
        'title: "a"\r\n',
        'title: ["a",\r"b"]\n',
    ],
)
def test_a_carriage_return_is_left_to_mkdocs(front_matter: str) -> None:
    page = f"---\n{front_matter}---\n\n# x\n"
    assert front_matter_as_written(page) is None


def test_a_list_nested_deeper_than_python_reads_is_left_to_mkdocs() -> None:
    """Review: JSON's reader raised RecursionError, which stopped the build; MkDocs' reader
    gives up on such front matter (no data)."""
    page = "---\ntitle: " + "[" * 100_000 + "]" * 100_000 + "\n---\n\n# x\n"
    assert front_matter_as_written(page) is None
    assert get_data(page)[1] == {}


def _read_alike(page: str) -> None:
    """`front_matter_as_written(page)` is what MkDocs reads, or None."""
    read = front_matter_as_written(page)
    if read is not None:
        assert read == get_data(page)
        assert [type(value) for value in read[1].values()] == [
            type(value) for value in get_data(page)[1].values()
        ]


# Characters where JSON and YAML part ways, and some of each kind.
_CHARACTERS = st.sampled_from(
    list("\t\r\x0b\x0c\x00\x1b\x7f\x85\xa0\u2028\u2029\ufeff\ufffe\uffff\ufdd0\u0301\u200f")
    + list("\U0001f600\U0001fffe\U0010ffff\"\\\\/'#:-[]{},&*!|>%@` \nazé")
) | st.characters(codec="utf-8")
_VALUES = st.one_of(
    st.text(_CHARACTERS, max_size=6).map(lambda text: json.dumps(text, ensure_ascii=False)),
    st.text(_CHARACTERS, max_size=6).map(json.dumps),
    st.lists(st.text(_CHARACTERS, max_size=4), max_size=3).map(
        lambda items: json.dumps(items, ensure_ascii=False)
    ),
)
_LINES = st.one_of(
    st.tuples(
        st.sampled_from(["title", "tags", "search", "on", "no_", "y", "null", "template"]),
        _VALUES,
        st.text(_CHARACTERS, max_size=2),  # inserted at random: a value JSON may refuse
        st.integers(0, 40),
        st.sampled_from(["", " ", "\t", "\r", "\r\t", "\x85"]),
    ).map(lambda p: f"{p[0]}: {p[1][: p[3]]}{p[2]}{p[1][p[3] :]}{p[4]}\n"),
    st.sampled_from(["2.0", "1.25", "02.50", "2", "1e5", "2.0 ", "2.0\r"]).map(
        lambda boost: f"search:\n  boost: {boost}\n"
    ),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=5), st.sampled_from(["---", "...", "--- "]))
def test_front_matter_of_any_shape_reads_as_mkdocs_reads_it_or_is_left_to_it(
    lines: list[str], end: str
) -> None:
    """Review: a differential over shapes near the templates' own (keys YAML reads as
    words, a boost, characters JSON and YAML read otherwise, raw or escaped, inside a
    value or after it)."""
    _read_alike("---\n" + "".join(lines) + f"{end}\n\nbody\n")


def _every_character() -> list[str]:
    """Every code point but the surrogates: no YAML reader MkDocs uses reads one (libyaml
    refuses `\\ud800`), and the term loader writes none (model/yaml_values.py)."""
    return [chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF]


def test_every_character_reads_back_as_written_in_a_string_and_a_list() -> None:
    """Review: each code point through `yaml_string` and `yaml_list`, in chunks, read by
    MkDocs (libyaml), by PyYAML's own reader, and by `front_matter_as_written`."""
    characters = _every_character()
    for start in range(0, len(characters), 16384):
        text = "".join(characters[start : start + 16384])
        items = [text[at : at + 512] for at in range(0, len(text), 512)]
        page = f"---\ntitle: {yaml_string(text)}\ntags: {yaml_list(items)}\n---\n\nbody\n"
        assert get_data(page) == ("body\n", {"title": text, "tags": items}), hex(ord(text[0]))
        assert front_matter_as_written(page) == get_data(page)
        assert yaml.safe_load(f"s: {yaml_string(text)}") == {"s": text}


_HOSTILE = [
    "\u00ad",  # soft hyphen
    "\u200b",
    "\u200d",
    "\u0301",  # a combining accent
    "\u05d0\u05d1",  # Hebrew
    "\u0627\u0644",  # Arabic
    "\U0001f600",
    "\U0001f469\u200d\U0001f467",
    "\ufdd0",  # a noncharacter YAML reads
    "\U0001fffe",
    "---",
    "...",
    "# c",
    "\\\\",
    '\\"',
    "'",
    "key: v",
    "[x, y] {z}",
    "&a *b !t %x @x",
    "\\u0041 \\/",
    "\u00e9\u00df\u0130",
    "\u4e2d\u6587",
    "\u2160",  # a Roman numeral, which NFKC reads otherwise
    "\uff21",  # a full-width letter
]


@pytest.mark.parametrize("value", _HOSTILE)
def test_a_term_page_with_hostile_values_reads_as_mkdocs_reads_it(
    tmp_path: Path, value: str
) -> None:
    """Review: a value of each kind in a term's own form, short, aliases and translations,
    and a deprecated term's notice; the page is read without YAML and as MkDocs reads it."""

    def written(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)  # no surrogate pair's escapes

    # An alias ending in punctuation is no form: the term would not load.
    alias = "" if value in ("...", '\\"') else f"aliases: [{written('al ' + value)}]\n"
    extra = (
        f"status: deprecated\nreplaced_by: victim\nshort: {written('S ' + value + ' end')}\n"
        f"{alias}translations: {{es: {written('es ' + value)}, ar: {written(value)}}}\n"
    )
    handbook, _ = load(
        tmp_path,
        {
            "glossary/survivor.yml": term_yaml(extra=extra),
            "glossary/victim.yml": term_yaml("victim"),
        },
    )
    term = handbook.terms["survivor"]
    for language, template in (("en", "hb-term.html"), ("es", None)):
        inputs = SiteInputs(
            handbook,
            term_template=template,
            language=language,
            written_forms={"survivor": ["survivors", value, "x" * 5000]},
        )
        page = term_page(term, inputs, 2.2)
        read = front_matter_as_written(page)
        assert read is not None
        assert read == get_data(page)
        assert read[1]["title"] == term.term


def test_every_page_the_example_handbook_generates_reads_as_mkdocs_reads_it() -> None:
    """Review: the example's term, protocol, index and changes pages; those of another
    shape (the indexes' plain titles) are MkDocs' to read."""
    handbook, _ = load_handbook(load_config(Path(__file__).parents[1] / "mkdocs.yml"))
    pages = generate_pages(SiteInputs(handbook, term_template="hb-term.html"))
    read_as_written = 0
    for page in pages.values():
        _read_alike(page)
        read_as_written += front_matter_as_written(page) is not None
    assert read_as_written >= len(handbook.terms) + len(handbook.protocols)
