"""The shared converter's inline pass leaves a text that holds none of its patterns'
characters as it is, untried (plugin/plain_inline.py): the same HTML, with fewer searches."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from site_builds import build_site, write_site

from coalition_handbook.plugin import plain_inline, shared_markdown
from coalition_handbook.plugin.plain_inline import skip_plain_texts

# The example's extensions (mkdocs.yml), with those a handbook commonly adds.
EXTENSIONS = [
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    "footnotes",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
]
CONFIGS = {"toc": {"permalink": True}, "pymdownx.tabbed": {"alternate_style": True}}
# Pieces of Markdown: plain words in several scripts, and every character a pattern
# starts from, alone and in what it makes (links, emphasis, HTML, entities, code, breaks).
_PIECES = st.sampled_from(
    [
        "A survivor spoke",
        " ",
        "\n",
        "  \n",
        "\n\n",
        "Opfern Sie nicht",
        "境外勞工",
        "víctima: 1-888-373-7888.",
        "*",
        "_",
        "**strong**",
        "_em_",
        "[",
        "]",
        "(",
        ")",
        "[a link](page.md)",
        "![image](a.png)",
        "[^1]",
        "<",
        ">",
        "<span>",
        "</span>",
        "<https://example.org>",
        "<a@example.org>",
        "<!-- note -->",
        "&",
        "&amp;",
        "&#58;",
        "`",
        "`code`",
        "\\",
        "\\*",
        "!",
        "# ",
        "- ",
        "| a | b |\n| --- | --- |\n| c | d |\n",
        "{ data-search-exclude }",
        "\x02",
        "\x03",
        '!!! note "Proposed term"\n    It may *change*.\n',
        '<div markdown="1">\n\n*Inside* a box.\n\n</div>\n',
        '=== "One"\n\n    A tab.\n',
        "{: .hb-nolink }",
        "[^1]: As the coalition agreed.\n",
        "Le _travail forcé_ : 114.",
        "Жертва торговли людьми № 8-800",
        "ضحايا الاتجار",
    ]
)


# The shared converter's other extensions (shared_markdown._RESETS_FULLY), and those
# Material's documentation recommends: with any of the latter each page gets a converter
# of its own, but should the shared one come to take it, the skip must still change nothing.
MORE_EXTENSIONS = [
    "fenced_code",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
    "abbr",
    "def_list",
    "smarty",
    "nl2br",
    "sane_lists",
    "wikilinks",
    "pymdownx.betterem",
    "pymdownx.caret",
    "pymdownx.critic",
    "pymdownx.emoji",
    "pymdownx.keys",
    "pymdownx.magiclink",
    "pymdownx.mark",
    "pymdownx.smartsymbols",
    "pymdownx.tasklist",
    "pymdownx.tilde",
]
# What those extensions read, most of it with none of the characters the skip looks for.
_MORE_PIECES = st.sampled_from(
    [
        "The HSI met.",
        "*[HSI]: Hotline Survivor Intake\n",
        "\"Quoted\" and 'single'",
        "--",
        "...",
        "(c) (tm) --> 1/2 +/-",
        "^^inserted^^",
        "==marked==",
        "~~deleted~~",
        "H~2~O x^2^",
        "++ctrl+alt+del++",
        ":smile:",
        "https://example.org",
        "www.example.org",
        "@survivor-support #12",
        "[[Wiki Link]]",
        "{++added++} {--removed--} {~~old~>new~~}",
        "Term\n:   A definition.\n",
        "- [x] done\n",
        "1. one\n",
        "`#!python print(1)`",
        "```\ncode\n```\n",
    ]
)


def _converter(*, skip: bool) -> markdown.Markdown:
    converter = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
    if skip:
        assert skip_plain_texts(converter)
    return converter


@settings(deadline=None)  # speed is for the benchmarks, not a 200 ms limit per example
@given(st.lists(_PIECES, max_size=20).map("".join))
def test_a_page_renders_as_it_does_with_every_pattern_tried(source: str) -> None:
    assert _converter(skip=True).convert(source) == _converter(skip=False).convert(source)


@pytest.mark.parametrize("extension", MORE_EXTENSIONS)
@settings(deadline=None, max_examples=40)
@given(source=st.lists(st.one_of(_PIECES, _MORE_PIECES), max_size=20).map("".join))
@example(source="A survivor spoke\nto the coalition.")  # nl2br: no two spaces
@example(source='The HSI said "no" -- twice...\n\n*[HSI]: Hotline Survivor Intake\n')
@example(source="See https://example.org, @survivor-support #12 :smile: (c) 1/2 -->")
def test_a_page_renders_alike_with_another_extension(extension: str, source: str) -> None:
    extensions = [*EXTENSIONS, extension]
    skipping = markdown.Markdown(extensions=extensions, extension_configs=CONFIGS)
    skip_plain_texts(skipping)  # on or off, as their patterns are known or not
    trying = markdown.Markdown(extensions=extensions, extension_configs=CONFIGS)
    assert skipping.convert(source) == trying.convert(source)


@settings(deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="\\[<&*_`"), max_size=80))
def test_no_known_pattern_matches_a_text_without_its_characters(text: str) -> None:
    if plain_inline._TRIGGERS.search(text) is not None:  # only "  \n" is left
        return
    for expression in plain_inline._KNOWN_EXPRESSIONS:
        assert re.compile(expression, re.DOTALL | re.UNICODE).search(text) is None


def test_every_pattern_of_the_example_s_extensions_is_known() -> None:
    # Fails once an upgraded Markdown changes a pattern: read it again, then list it.
    config = (Path(__file__).parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    for extension in EXTENSIONS:
        assert f"  - {extension}" in config
    assert skip_plain_texts(_converter(skip=False))


def test_a_plain_text_is_tried_by_no_pattern() -> None:
    converter = _converter(skip=True)
    tried: list[str] = []
    for pattern in converter.inlinePatterns:
        compiled = pattern.compiled_re

        def counting(compiled: re.Pattern[str] = compiled) -> re.Pattern[str]:
            tried.append(compiled.pattern)
            return compiled

        pattern.getCompiledRegExp = counting  # type: ignore[method-assign]
    converter.convert("# Used on\n\nA survivor spoke to the coalition.\n")
    assert tried == []
    converter.convert("A *survivor* spoke.\n")
    assert tried


def test_a_known_expression_under_other_flags_is_unknown() -> None:
    converter = _converter(skip=True)  # "  \n", verbose, reads as a line break alone
    breaks = markdown.inlinepatterns.SubstituteTagInlineProcessor(r"  \n", "br")
    breaks.compiled_re = re.compile(r"  \n", re.DOTALL | re.UNICODE | re.VERBOSE)
    converter.inlinePatterns.register(breaks, "linebreak", 100)
    assert not skip_plain_texts(converter)
    assert "<br />" in converter.convert("One\nline.")


def test_a_converter_with_an_unknown_pattern_tries_every_pattern() -> None:
    converter = _converter(skip=True)  # a pattern registered once it skipped
    converter.inlinePatterns.register(
        markdown.inlinepatterns.SimpleTagInlineProcessor(r"()~~(.+?)~~", "del"), "del", 65
    )
    assert not skip_plain_texts(converter)
    assert "<del>gone</del>" in converter.convert("It is ~~gone~~.")


def test_the_patterns_the_inline_pass_tries_are_the_ones_asked_about() -> None:
    converter = _converter(skip=False)  # an extension giving the pass patterns of its own
    patterns = markdown.inlinepatterns.build_inlinepatterns(converter)
    patterns.register(
        markdown.inlinepatterns.SimpleTagInlineProcessor(r"()~~(.+?)~~", "del"), "del", 65
    )
    converter.treeprocessors["inline"].inlinePatterns = patterns
    assert not skip_plain_texts(converter)
    assert "<del>gone</del>" in converter.convert("It is ~~gone~~.")


def test_the_build_s_shared_converter_skips_plain_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    skipping: list[bool] = []

    def noting(converter: markdown.Markdown) -> bool:
        skipping.append(skip_plain_texts(converter))
        return skipping[-1]

    monkeypatch.setattr(shared_markdown, "skip_plain_texts", noting)
    config = write_site(tmp_path, pages={"index.md": "# Home\n\nA survivor spoke.\n"})
    build_site(config, strict=False)
    assert skipping and all(skipping)  # asked before each page
