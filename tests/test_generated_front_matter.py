"""A generated page's front matter, read without YAML where the plugin's templates wrote
it (plugin/generated_page.py `front_matter_as_written`): what MkDocs' own reading gives,
or nothing, and then MkDocs reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers_model import load, term_yaml
from mkdocs.utils.meta import get_data

from coalition_handbook.plugin.generated_page import front_matter_as_written
from coalition_handbook.site.pages import SiteInputs, protocol_page, term_page
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
