"""A term's default `short` (its tooltip, its line in the glossary's index, its page's
description) reads its definition as the site renders it (DESIGN 3.1 and 7): the site's
Markdown extensions' syntax (an admonition, def_list, attr_list, abbr, footnotes,
pymdownx's mark, keys and snippets) is no text of the tooltip (found in review: it was
read as CommonMark, and `!!! note "Legal"` or `==forced==` showed as typed)."""

from __future__ import annotations

import html
import os
import random
import re
from pathlib import Path

import pytest
from site_builds import build_site, read, term_links, term_yaml, write_site

from coalition_handbook.model.glossary import default_short
from coalition_handbook.site.short_text import (
    PLAIN_EXTENSIONS,
    PLAIN_UNLESS,
    ShortRenderer,
    html_blocks,
)

# term id -> its definition, and the short the site shows of it
DEFINITIONS = {
    "admon": (
        '!!! note "Legal"\n    Admon work is forced labour. More.',
        "Legal: Admon work is forced labour.",
    ),
    "deflist": ("Deflist\n:   Work compelled by debt. More.", "Deflist: Work compelled by debt."),
    "attr": ("Attr work is forced labour.\n{: .lead }\n\nMore.", "Attr work is forced labour."),
    "abbr": (
        "Abbr work under a TIP law. More.\n\n*[TIP]: Trafficking",
        "Abbr work under a TIP law.",
    ),
    "foot": (
        "Foot work is forced labour[^1]. More.\n\n[^1]: A note.",
        "Foot work is forced labour.",
    ),
    "mark": ("Mark work is ==forced== labour. More.", "Mark work is forced labour."),
    "keys": ("Keys work: press ++ctrl+c++ to stop. More.", "Keys work: press Ctrl+C to stop."),
    # As its page shows it: a definition's `<` is text (glossary.html), so no snippet
    "snip": ('--8<-- "snip.md"\n\nMore.', '--8<-- "snip.md"'),
    "link": ("Link work under [the law](https://example.org). More.", "Link work under the law."),
    "reflink": (
        "Reflink under [the law][tvpa]. More.\n\n[tvpa]: https://example.org",
        "Reflink under the law.",
    ),
    "emph": (
        "Emph work is *forced* and `coded` &amp; more. Next.",
        "Emph work is forced and coded & more.",
    ),
    "tags": ("Tags are <b>typed</b>. More.", "Tags are <b>typed</b>."),
    "brk": (
        "Brk work is forced  \nlabour across lines. Next.",
        "Brk work is forced labour across lines.",
    ),
    # A tab's label leads in as an admonition's title does (it read "AdultsChildren Tabs")
    "tabs": (
        '=== "Adults"\n\n    Tabs work is forced. More.\n\n=== "Children"\n\n    Any.',
        "Adults: Tabs work is forced.",
    ),
}  # fmt: skip

EXTENSIONS = """\
markdown_extensions:
  - admonition
  - def_list
  - attr_list
  - abbr
  - footnotes
  - md_in_html
  - pymdownx.mark
  - pymdownx.keys
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
  - pymdownx.snippets:
      base_path: [{base}]
  - toc:
      permalink: true
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("short")
    (root / "snip.md").write_text("Snip work is forced labour. More.\n", encoding="utf-8")
    terms = {name: term_yaml(f"{name}term", text) for name, (text, _) in DEFINITIONS.items()}
    page = "# Home\n\n" + " ".join(f"A {name}term here." for name in DEFINITIONS) + "\n"
    config = write_site(
        root,
        pages={"index.md": page},
        terms=terms,
        theme="material",
        extra_config=EXTENSIONS.format(base=root),
    )
    return build_site(config, strict=False)


@pytest.mark.parametrize(
    ("name", "short"), [(name, short) for name, (_, short) in DEFINITIONS.items()]
)
def test_a_tooltip_reads_the_definition_as_the_site_renders_it(
    site: Path, name: str, short: str
) -> None:
    titles = {
        link.attrs["data-term"]: link.attrs["title"]
        for link in term_links(read(site, "index.html"))
    }
    assert titles[name] == short


@pytest.mark.parametrize(
    ("name", "short"), [(name, short) for name, (_, short) in DEFINITIONS.items()]
)
def test_the_glossary_index_and_the_term_page_say_the_same_short(
    site: Path, name: str, short: str
) -> None:
    index = read(site, "glossary/index.html")
    line = re.search(rf'<li><a href="{name}/">{name}term</a>: (.*?)</li>', index)
    assert line is not None
    assert html.unescape(re.sub(r"<[^&>]+>", "", line.group(1))) == short
    page = read(site, f"glossary/{name}/index.html")
    description = re.search(r'<meta name="description" content="([^"]*)"', page)
    assert description is not None
    assert html.unescape(description.group(1)) == short


def test_a_default_short_is_the_rendered_first_sentence() -> None:
    renderer = ShortRenderer(["pymdownx.mark"], {})
    assert renderer.default_short("A ==marked== word. More.") == "A marked word."
    assert renderer.default_short("Plain text. More.") == "Plain text."


@pytest.mark.parametrize(
    ("html", "blocks"),
    [
        ("<p>One <em>two</em>.</p>\n<p>Three</p>", ["One two.", "Three"]),
        (
            '<div class="admonition note"><p class="admonition-title">Note</p><p>Body.</p></div>',
            ["Note: Body."],
        ),
        ("<dl><dt>Term</dt><dd>Its meaning.</dd></dl>", ["Term: Its meaning."]),
        (
            '<p>A<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>.</p>'
            '<div class="footnote"><ol><li>x</li></ol></div>',
            ["A."],
        ),
        ('<h2 id="x">Head<a class="headerlink" href="#x">¶</a></h2>', ["Head"]),
        (
            '<p>An <img alt="icon" src="x.png"> and<br>more &amp; <script>no()</script>text</p>',
            ["An icon and more & text"],
        ),
        # pymdownx.tabbed, as before its alternate style: each label before its tab
        (
            '<div class="tabbed-set" data-tabs="1:2"><input id="__tabbed_1_1" type="radio" />'
            '<label for="__tabbed_1_1">Adults</label><div class="tabbed-content"><p>A.</p>'
            '</div><input id="__tabbed_1_2" type="radio" /><label for="__tabbed_1_2">Why?'
            '</label><div class="tabbed-content"><p>B.</p></div></div>',
            ["Adults: A. Why? B."],
        ),
        # the alternate style: the labels first, each shown as its own tab starts
        (
            '<div class="tabbed-set tabbed-alternate" data-tabs="1:2">'
            '<input id="__tabbed_1_1" type="radio" /><input id="__tabbed_1_2" type="radio" />'
            '<div class="tabbed-labels"><label for="__tabbed_1_1">Adults</label>'
            '<label for="__tabbed_1_2">Children</label></div><div class="tabbed-content">'
            '<div class="tabbed-block"><p>A.</p></div><div class="tabbed-block"><p>B.</p>'
            "</div></div></div><p>After.</p>",
            ["Adults: A. Children: B.", "After."],
        ),
        # with tabbed's `slugify` option, its labels named by their text (review rv58e)
        (
            '<div class="tabbed-set tabbed-alternate" data-tabs="1:2">'
            '<input id="adults" type="radio" /><input id="children" type="radio" />'
            '<div class="tabbed-labels"><label for="adults">Adults</label>'
            '<label for="children">Children</label></div><div class="tabbed-content">'
            '<div class="tabbed-block"><p>A.</p></div><div class="tabbed-block"><p>B.</p>'
            "</div></div></div>",
            ["Adults: A. Children: B."],
        ),
        (
            '<div class="tabbed-set" data-tabs="1:1"><input id="adults" type="radio" />'
            '<label for="adults">Adults</label><div class="tabbed-content"><p>A.</p></div></div>',
            ["Adults: A."],
        ),
        # an older style's set in an alternate one's tab: its label before its own tab
        (
            '<div class="tabbed-set tabbed-alternate" data-tabs="1:1">'
            '<input id="__tabbed_1_1" type="radio" /><div class="tabbed-labels">'
            '<label for="__tabbed_1_1">Outer</label></div><div class="tabbed-content">'
            '<div class="tabbed-block"><div class="tabbed-set" data-tabs="2:1">'
            '<input id="__tabbed_2_1" type="radio" /><label for="__tabbed_2_1">Inner</label>'
            '<div class="tabbed-content"><p>I.</p></div></div></div></div></div>',
            ["Outer: Inner: I."],
        ),
        # an empty tab's label leads in to nothing, in either style (it read "Empty: Kids:")
        (
            '<div class="tabbed-set" data-tabs="1:2"><input id="__tabbed_1_1" type="radio" />'
            '<label for="__tabbed_1_1">Empty</label><div class="tabbed-content"></div>'
            '<input id="__tabbed_1_2" type="radio" /><label for="__tabbed_1_2">Kids</label>'
            '<div class="tabbed-content">\n<p>K.</p>\n</div></div>',
            ["Kids: K."],
        ),
        (
            '<div class="tabbed-set tabbed-alternate" data-tabs="1:3">'
            '<input id="__tabbed_1_1" type="radio" /><input id="__tabbed_1_2" type="radio" />'
            '<input id="__tabbed_1_3" type="radio" /><div class="tabbed-labels">'
            '<label for="__tabbed_1_1">Adults</label><label for="__tabbed_1_2">Empty</label>'
            '<label for="__tabbed_1_3">Kids</label></div>\n<div class="tabbed-content">\n'
            '<div class="tabbed-block"><p>A.</p></div>\n<div class="tabbed-block"> </div>\n'
            '<div class="tabbed-block"><p>K.</p></div></div></div>',
            ["Adults: A. Kids: K."],
        ),
        # a tab holding a titled box has text: its label leads in
        (
            '<div class="tabbed-set" data-tabs="1:1"><input id="__tabbed_1_1" type="radio" />'
            '<label for="__tabbed_1_1">Kids</label><div class="tabbed-content"><div '
            'class="admonition note"><p class="admonition-title">Note</p></div></div></div>',
            ["Kids: Note:"],
        ),
        # a label of the author's in a tab is no tab's label
        (
            '<div class="tabbed-set" data-tabs="1:1"><input id="__tabbed_1_1" type="radio" />'
            '<label for="__tabbed_1_1">Adults</label><div class="tabbed-content"><p>A '
            '<label for="x">box</label> here.</p></div></div>',
            ["Adults: A box here."],
        ),
    ],
)  # fmt: skip
def test_the_blocks_of_rendered_html_are_the_text_a_reader_sees(
    html: str, blocks: list[str]
) -> None:
    assert html_blocks(html) == blocks


def test_a_cached_build_remakes_the_shorts_when_the_extensions_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The term page's cache key and the pages' render cache hold the short the site
    shows, which the extensions make (site/term_page_cache.py, `autolink.link_facts`)."""
    terms = {"marked": term_yaml("marked work", "Work is ==forced== labour. More.")}
    page = {"index.md": "# Home\n\nSome marked work.\n"}
    config = write_site(tmp_path, pages=page, terms=terms, theme="material")
    build_site(config)
    config.write_text(
        config.read_text(encoding="utf-8") + "markdown_extensions: [pymdownx.mark]\n",
        encoding="utf-8",
    )
    cached = build_site(config)
    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    fresh = build_site(config, site_dir=tmp_path / "fresh")
    for site in (cached, fresh):
        [link] = term_links(read(site, "index.html"))
        assert link.attrs["title"] == "Work is forced labour."
        assert 'content="Work is forced labour."' in read(site, "glossary/marked/index.html")


def test_a_warm_build_renders_no_definition_for_its_shorts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shorts made are kept in the cache under the extensions and their options
    (`short_text.shown_shorts`): the next build renders none, one with other options
    renders them again."""
    rendered: list[str] = []
    render = ShortRenderer._render

    def counting(self: ShortRenderer, markdown_text: str) -> str:
        rendered.append(markdown_text)
        return render(self, markdown_text)

    monkeypatch.setattr(ShortRenderer, "_render", counting)
    terms = {"keys": term_yaml("keys work", "Press ++ctrl+c++ to stop. More.")}
    page = {"index.md": "# Home\n\nSome keys work.\n"}
    config = write_site(
        tmp_path, pages=page, terms=terms, extra_config="markdown_extensions: [pymdownx.keys]\n"
    )
    build_site(config)
    assert len(rendered) == 1
    build_site(config)
    assert len(rendered) == 1
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "[pymdownx.keys]", "[{pymdownx.keys: {separator: ' and '}}]"
        ),
        encoding="utf-8",
    )
    site = build_site(config)
    assert len(rendered) == 2
    [link] = term_links(read(site, "index.html"))
    assert link.attrs["title"] == "Press Ctrl and C to stop."


def test_the_shorts_cache_key_holds_no_object_address() -> None:
    """Material's usual options name functions (`pymdownx.emoji`'s index and generator,
    `toc`'s slugify): their repr holds an address that differs in every process, so the
    shorts' cache key did, and no build found the shorts an earlier one made (found in
    review)."""
    import functools

    import pymdownx.emoji
    import pymdownx.slugs

    configs = {
        "toc": {"slugify": functools.partial(pymdownx.slugs.slugify, case="lower")},
        "pymdownx.emoji": {
            "emoji_index": pymdownx.emoji.twemoji,
            "emoji_generator": pymdownx.emoji.to_svg,
        },
    }
    settings = ShortRenderer(["toc", "pymdownx.emoji"], configs).settings_text()
    assert "slugify" in settings
    assert "twemoji" in settings
    assert not re.search(r"0x[0-9a-fA-F]{4,}", settings)


def test_the_shorts_cache_key_changes_with_an_extension_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An extension from a package the engine does not list (not Python-Markdown nor
    pymdownx: `material.extensions`, a plugin's own) is in the key by where it is
    installed and when, as in the render cache's (`render_cache.build_salt`): an upgrade
    that renders otherwise makes the shorts again (found in review)."""
    package = tmp_path / "shortsext"
    package.mkdir()
    module = package / "__init__.py"
    module.write_text("", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = ShortRenderer(["shortsext.words"], {}).settings_text()
    stat = module.stat()
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert ShortRenderer(["shortsext.words"], {}).settings_text() != before


@pytest.mark.parametrize(
    ("definition", "short"),
    [
        ("Work stops... Then it starts. More.", "Work stops…"),
        ("It is “quoted”... Then more.", "It is “quoted”…"),
        ("A stop at e.g... the end. Next.", "A stop at e.g… the end."),
        ("Mr... Smith. Next.", "Mr… Smith."),
        ("No end… here, and the U.S. law. Next.", "No end… here, and the U.S. law."),
        ("Work stops...\n\nNext.", "Work stops…"),
    ],
)
def test_smartys_ellipsis_ends_a_sentence_as_the_dots_typed_do(definition: str, short: str) -> None:
    """smarty makes `...` an ellipsis (…), which ended no sentence: the short ran on into
    the next one where the check's reading of the same definition ended (found in
    review). It ends one where the three dots would (not after an abbreviation)."""
    assert ShortRenderer(["smarty"], {}).default_short(definition) == short
    assert default_short(definition).replace("...", "…") == short  # as the check reads it


# The extensions `short_text.reads_as_typed` trusts with prose (`PLAIN_EXTENSIONS`,
# `PLAIN_UNLESS`) all on at once, with the example's options, and then each alone.
PROVEN = [
    *sorted(PLAIN_EXTENSIONS - {"pymdownx.extra", "extra"}),  # they repeat the others
    *sorted(PLAIN_UNLESS),
]
PROVEN_CONFIGS = {"toc": {"permalink": True}, "pymdownx.tabbed": {"alternate_style": True}}
# Words a generated definition is made of: prose's, and now and then (`SYNTAX`) the
# syntax of an extension trusted with prose that prose may hold (braces, =, +, ^, colons,
# #, $, @, /, dots, marks that start a block where a line starts with them).
WORDS = [
    *["work", "labour", "Person", "persons", "of", "the", "and", "or", "to", "É", "niño"],
    *["中文", "人身取引。", "U.S.", "e.g.", "Dr.", "No.", "Abs.", "v.", "3.5", "end.", "Next"],
    *["Then", "?", "!", ";", ",", ":", "—", "¿Qué?", "¡Sí!", "'quoted'", '"said"', "--", "..."],
]
SYNTAX = [
    *["10:30:00", "1/2", "(c)", "…", ":smile:", ":+1:", "a==b", "==x==", "C++", "x^2"],
    *["++ctrl+c++", "^^ins^^", "#tag", "#1", "{: .x}", "{x}", "{#id}", "$5", "%", "@user"],
    *["!!!", "???", "===", "=", "www.example.org", "https://example.org/a.b", "TOC", ":-)"],
    *["-", "+", "*", "1.", "///"],
]
# What starts a line: a word, a word and a colon (a meta extension's key), or a mark.
FIRST = ["Work", "the", "Person", "É", "中文", "A", "Note:", "Title: ", "", "TOC"]


def generated_definition(rng: random.Random) -> str:
    """Prose of `WORDS` and `SYNTAX`: lines starting with a word (or now and then with a
    mark, which makes the definition one that is rendered), 0 to 3 spaces before, a line
    break or a blank line between, a hard break (two spaces) or a colon at a line's end."""
    lines = []
    for _ in range(rng.randint(1, 5)):
        words = [
            rng.choice(SYNTAX) if rng.random() < 0.08 else rng.choice(WORDS)
            for _ in range(rng.randint(1, 9))
        ]
        first = (
            rng.choice(["Work", "the", "Person", "É", "中文", "A"]) if rng.random() < 0.95 else ""
        )
        line = " " * rng.choice([0, 0, 0, 1, 3]) + " ".join([first, *words]).strip()
        line += rng.choice(["", "", "", "  ", ":", "."])
        lines.append(line)
        if rng.random() < 0.3:
            lines.append(rng.choice(["", "  "]))
    return "\n".join(lines)


@pytest.mark.parametrize(
    "extensions", [PROVEN, *([name] for name in [*PROVEN, "extra", "pymdownx.extra"])], ids=str
)
def test_prose_reads_as_typed_with_the_extensions_trusted_with_it(
    extensions: list[str],
) -> None:
    """The proof that lets a build skip rendering (`short_text.reads_as_typed`): over
    many generated definitions, each one it says reads as typed renders to the short the
    check reads (`model.glossary.default_short`). A third of them at least are such."""
    rng = random.Random(57)
    renderer = ShortRenderer(extensions, PROVEN_CONFIGS)
    definitions = [generated_definition(rng) for _ in range(1500 if len(extensions) > 1 else 150)]
    as_typed = [text for text in definitions if renderer.reads_as_typed(text)]
    differ = [
        (text, short, renderer.rendered_short(text))
        for text in as_typed
        if renderer.rendered_short(text) != (short := default_short(text))
    ]
    assert differ == []
    assert len(as_typed) * 3 >= len(definitions)


@pytest.mark.parametrize(
    ("extensions", "configs", "definition"),
    [
        (["pymdownx.emoji"], {}, "Work :smile: here."),
        (["pymdownx.mark"], {}, "Work ==hard== here."),
        (["pymdownx.keys"], {}, "Press ++ctrl+c++ here."),
        (["pymdownx.caret"], {}, "Work ^^in^^ here."),
        (["smarty"], {}, "Work here."),
        (["pymdownx.magiclink"], {}, "Work here."),
        (["toc"], {"toc": {"marker": "TOC"}}, "TOC"),
        (["pymdownx.snippets"], {"pymdownx.snippets": {"auto_append": ["a.md"]}}, "Work."),
        (["toc"], {}, "Work\n\n    code"),
        (["toc"], {}, "Work *here*."),
    ],
)  # fmt: skip
def test_prose_is_rendered_where_an_extension_may_change_it(
    extensions: list[str], configs: dict[str, dict[str, object]], definition: str
) -> None:
    """What no proof covers is rendered: an extension not trusted with prose (smarty,
    magiclink), one trusted unless its syntax is there, an option that makes a word
    syntax (toc's marker), or a definition with Markdown in it."""
    assert not ShortRenderer(extensions, configs).reads_as_typed(definition)


def test_a_build_renders_no_definition_that_reads_as_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Most definitions are prose: with the example's extensions their default short is
    the one the engine made, and none is rendered (at 2,000 terms rendering them cost a
    cold build 0.5 s: found in review)."""
    rendered: list[str] = []
    monkeypatch.setattr(ShortRenderer, "_render", lambda _, text: rendered.append(text) or "")
    renderer = ShortRenderer(["toc", "tables", "admonition", "pymdownx.superfences"], {})
    assert renderer.default_short("Work, as partners use it: a word.\nMore. Next.") == (
        "Work, as partners use it: a word."
    )
    assert rendered == []
    renderer.default_short("Work is *marked*. More.")
    assert len(rendered) == 1


def test_a_short_made_empty_is_kept_as_any_other(monkeypatch: pytest.MonkeyPatch) -> None:
    """A definition that renders to no text (an image with no alt text) has an empty
    default short: one made before is used, not rendered again in every build, which
    then rewrote the cache each time (`made = used.get(key) or known.get(key)`: found in
    review)."""
    first = ShortRenderer(["attr_list"], {})
    assert first.default_short("![](x.png)") == ""
    assert first.rendered == 1
    monkeypatch.setattr(ShortRenderer, "_render", lambda *_: pytest.fail("rendered again"))
    assert first.default_short("![](x.png)") == ""
    second = ShortRenderer(["attr_list"], {})
    second.known = dict(first.used)
    assert second.default_short("![](x.png)") == ""
    assert second.rendered == 0


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
def test_a_damaged_shorts_cache_is_neither_trusted_nor_fatal(tmp_path: Path, damage: str) -> None:
    """A site-shorts.pickle cut short, overwritten or emptied is no pack (it is signed):
    the build makes the shorts anew, with no traceback."""
    terms = {"keys": term_yaml("keys work", "Press ++ctrl+c++ to stop. More.")}
    page = {"index.md": "# Home\n\nSome keys work.\n"}
    config = write_site(
        tmp_path, pages=page, terms=terms, extra_config="markdown_extensions: [pymdownx.keys]\n"
    )
    build_site(config)
    [pack] = tmp_path.rglob("site-shorts.pickle")
    data = pack.read_bytes()
    damaged = {
        "truncated": data[: len(data) // 2],
        "garbage": b"\x80\x04garbage" * 40,
        "empty": b"",
    }
    pack.write_bytes(damaged[damage])
    site = build_site(config, site_dir=tmp_path / "again")
    [link] = term_links(read(site, "index.html"))
    assert link.attrs["title"] == "Press Ctrl+C to stop."
