"""Loading a handbook: terms, protocols, modules and pages, with exact source spans."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from helpers_model import MODULE_FRONT, PROTOCOL, load, module_md, term_yaml, write_files
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.structure.files import get_files
from site_markdown import render

from coalition_handbook.check import run_checks
from coalition_handbook.config import ConfigError, load_config
from coalition_handbook.model import load_handbook
from coalition_handbook.model.glossary import first_sentence, plain_text
from coalition_handbook.model.modules import parse_headings
from coalition_handbook.model.types import (
    AvoidForm,
    Heading,
    HistoryEntry,
    OffsetSpans,
    Origin,
    PackedOffsets,
    SourceRef,
    Span,
)
from coalition_handbook.model.yaml_document import LineIndex


def test_a_full_term_loads_with_every_field(tmp_path: Path) -> None:
    extra = (
        "status: approved\n"
        "short: Someone who lived through trafficking.\n"
        "aliases: [trafficking survivor]\n"
        "avoid:\n"
        "  - victim\n"
        "  - text: sufferer\n"
        "    reason: Defines a person by harm.\n"
        "case_sensitive: false\n"
        "related: [victim-services]\n"
        "tags: [health]\n"
        "sources:\n"
        "  - title: 22 U.S.C. 7102\n"
        "    url: https://www.law.cornell.edu/uscode/text/22/7102\n"
        "translations: {es: sobreviviente, no: overlevende}\n"
    )
    handbook, findings = load(
        tmp_path,
        {
            "glossary/survivor.yml": term_yaml(extra=extra),
            "glossary/victim-services.yml": term_yaml("victim services"),
        },
    )
    assert findings == []
    term = handbook.terms["survivor"]
    assert term.term == "survivor" and term.version == 1 and term.status == "approved"
    assert term.short == "Someone who lived through trafficking."
    assert term.aliases == ("trafficking survivor",)
    assert term.avoid == (AvoidForm("victim"), AvoidForm("sufferer", "Defines a person by harm."))
    assert term.related == ("victim-services",) and term.tags == ("health",)
    assert term.sources == (
        SourceRef("22 U.S.C. 7102", "https://www.law.cornell.edu/uscode/text/22/7102"),
    )
    assert term.translations == {"es": "sobreviviente", "no": "overlevende"}
    assert term.history == (HistoryEntry(1, dt.date(2026, 1, 1), "First approved."),)
    assert term.accepted_forms == ("survivor", "trafficking survivor")
    assert term.discouraged_forms == ("victim", "sufferer")
    assert term.origin.path == "glossary/survivor.yml"


def test_term_defaults(tmp_path: Path) -> None:
    handbook, findings = load(tmp_path, {"glossary/survivor.yml": term_yaml()})
    assert findings == []
    term = handbook.terms["survivor"]
    assert (term.status, term.case_sensitive, term.replaced_by) == ("approved", False, None)
    assert term.short == "A person who has experienced trafficking."
    assert (term.aliases, term.avoid, term.related, term.sources) == ((), (), (), ())


def test_a_text_a_comment_cut_short_is_named_and_the_term_still_loads(tmp_path: Path) -> None:
    """Review: a term valid before the ' #' problem was named (`short: ... #29`) did not
    load at all, so `handbook diff` took its base revision for a term added."""
    text = term_yaml(extra="short: As in ILO Convention #29.\n")
    handbook, findings = load(tmp_path, {"glossary/survivor.yml": text})
    assert handbook.terms["survivor"].short == "As in ILO Convention"  # as YAML reads it
    ((rule, line, column),) = [(f.rule, f.line, f.column) for f in findings]
    assert (rule, line) == ("glossary.schema", text[: text.index("#29")].count("\n") + 1)
    assert column == len("short: As in ILO Convention ") + 1


@pytest.mark.parametrize(
    ("path", "text", "joined", "rule"),
    [
        (
            "glossary/survivor.yml",
            term_yaml(extra="aliases:\n  - trafficking survivor\n   - survivor of trafficking\n"),
            "   - survivor of trafficking",
            "glossary.schema",
        ),
        (
            "protocols/hotel-staff.yml",
            PROTOCOL.replace(
                "audience: [hotel staff]", "audience:\n  - hotel staff\n   - managers"
            ),
            "   - managers",
            "protocol.schema",
        ),
        (
            "content/modules/hotel.md",
            module_md(MODULE_FRONT.replace("  - Respond safely.", "   - Respond safely.")),
            "   - Respond safely.",
            "module.schema",
        ),
    ],
)
def test_a_list_item_indented_one_space_too_far_is_a_schema_finding_at_its_line(
    tmp_path: Path, path: str, text: str, joined: str, rule: str
) -> None:
    """Audit: YAML joined the item to the one above ("trafficking survivor - survivor of
    trafficking"), and `handbook check --strict` passed."""
    protocol = {} if path.startswith("protocols/") else {"protocols/hotel-staff.yml": PROTOCOL}
    _, findings = load(tmp_path, {path: text, **protocol})
    ((finding_rule, finding_path, line, column, message),) = [
        (f.rule, f.path, f.line, f.column, f.message) for f in findings
    ]
    assert (finding_rule, finding_path) == (rule, path)
    assert (line, column) == (text[: text.index(joined)].count("\n") + 1, joined.index("-") + 1)
    assert message.startswith("this line is read as part of the item above")
    assert message.endswith("indent it like the others")


@pytest.mark.parametrize(
    ("definition", "short"),
    [
        (
            "A **written** [agreement](https://x.org) about `who` does what. More.",
            "A written agreement about who does what.",
        ),
        (
            "Under 22 U.S.C. 7102, a *severe form* exists. More text.",
            "Under 22 U.S.C. 7102, a severe form exists.",
        ),
        (
            "Force or coercion, e.g. Threats, and more. Second.",
            "Force or coercion, e.g. Threats, and more.",
        ),
        ("The <abbr>TVPA</abbr> law! Next sentence.", "The TVPA law!"),
        ('He said "stop." Then he left.', 'He said "stop."'),
        ("No full stop at all", "No full stop at all"),
        ("Line one\nline two. Next.", "Line one line two."),
        # HTML: its text, never a script's or a style's, even where it starts a block
        ("<script>x()</script> Real text. More.", "Real text."),
        ("Text with <script>x()</script> inside. More.", "Text with inside."),
        ("<style>p {}</style>\n\nReal text. More.", "Real text."),
        ("<div>A <em>block</em> &amp; more.</div>\n\nNext.", "A block & more."),
        ("Plain <!-- a comment --> text. More.", "Plain text."),
        # A sentence ends with its paragraph, but for one that introduces a list.
        ("No full stop here\n\nA second paragraph.", "No full stop here"),
        ("No full stop, *marked up*\n\nA second paragraph.", "No full stop, marked up"),
        (
            "Coercion means any of:\n\n- threats; or\n- abuse.\n\nMore text.",
            "Coercion means any of: threats; or abuse.",
        ),
        ("Coercion means:\n\n- threats. More here.\n", "Coercion means: threats."),
        # Spanish, German and French: their abbreviations end no sentence...
        ("Zwangslage (§ 232 Abs. 1 StGB). Mehr.", "Zwangslage (§ 232 Abs. 1 StGB)."),
        (
            "Die in einer Lage stehen, bzw. Ausnutzung. Mehr.",
            "Die in einer Lage stehen, bzw. Ausnutzung.",
        ),
        (
            "Ca. 50 Fälle, vgl. Nr. 3, z. B. Opfer o. ä. Hilfe. Mehr.",
            "Ca. 50 Fälle, vgl. Nr. 3, z. B. Opfer o. ä. Hilfe.",
        ),
        ("Delito federal en EE. UU. desde 2000. Más.", "Delito federal en EE. UU. desde 2000."),
        (
            "Según la Sra. López y el Sr. Díaz, la Dra. Ruiz. Más.",
            "Según la Sra. López y el Sr. Díaz, la Dra. Ruiz.",
        ),
        ("Ley General, núm. 5, art. 10. Más.", "Ley General, núm. 5, art. 10."),
        ("Selon Mme Roy, c.-à-d. Paul. Suite.", "Selon Mme Roy, c.-à-d. Paul."),
        # ... an elided article before one too (a French definition citing the law)
        (
            "Selon l’art. 279.01 du Code criminel, un crime. Suite.",
            "Selon l’art. 279.01 du Code criminel, un crime.",
        ),
        ("Au sens de l'art. 2 de la Convention. Suite.", "Au sens de l'art. 2 de la Convention."),
        ("He met O'Brien. Then he left.", "He met O'Brien."),
        # ... but before the number it cites alone: an elided French word ends one
        (
            "Même si elle l’est. Le milieu préfère « personne survivante ».",
            "Même si elle l’est.",
        ),
        ("Ce n'est pas un choix, c'est. Il faut le dire.", "Ce n'est pas un choix, c'est."),
        ("Une œuvre d’art. Elle est vendue.", "Une œuvre d’art."),
        # ... and a sentence starts with a capital of any alphabet, or with ¿ or ¡
        ("Persona menor de 18 años. Él o ella tiene derechos.", "Persona menor de 18 años."),
        ("Eine Person. Über die Hälfte sind Frauen.", "Eine Person."),
        ("Menor de 18 años. ¿Por qué importa? Porque sí.", "Menor de 18 años."),
        ("Es urgente. ¡Llame ya!", "Es urgente."),
        ("„Ein Zitat.“ Nächster Satz.", "„Ein Zitat.“"),
        ("« Une citation. » Phrase suivante.", "« Une citation. »"),
        # a word that may end a sentence is no abbreviation
        ("He called me. Then he left.", "He called me."),
        # Chinese and Japanese end a sentence at a full-width mark, with no space after it
        ("人身取引とは、搾取をいう。次の文。", "人身取引とは、搾取をいう。"),
        ("什么是人口贩运？就是剥削。", "什么是人口贩运？"),
        ("「逃げて！」と言った。次。", "「逃げて！」と言った。"),
        ("TVPA に基づく犯罪。 Next sentence.", "TVPA に基づく犯罪。"),
        # ... not inside a quotation or brackets, nor before a closing one (review rv3 F8)
        ("「逃げて！早く！」と彼女は言った。次。", "「逃げて！早く！」と彼女は言った。"),
        ("『はい。』と答えた。次。", "『はい。』と答えた。"),
        ("他说“快跑！”然后走了。下一句。", "他说“快跑！”然后走了。"),
        (
            "Jinshin torihiki (Japanese: 人身取引。) is the legal term. Next.",
            "Jinshin torihiki (Japanese: 人身取引。) is the legal term.",
        ),
        ("A quote: 人身取引。) ends no sentence. Next.", "A quote: 人身取引。) ends no sentence."),
        # ... and at the full stops of horizontal writing and of half-width text
        ("搾取をいう．第二文．", "搾取をいう．"),
        ("搾取をいう｡第二文｡", "搾取をいう｡"),
        ("３．５倍の搾取をいう．次．", "３．５倍の搾取をいう．"),
    ],
)
def test_short_defaults_to_the_first_sentence_as_plain_text(definition: str, short: str) -> None:
    assert first_sentence(definition) == short


def test_plain_text_keeps_html_text_but_not_tags() -> None:
    assert plain_text("A <em>b</em> & c") == "A b & c"


def test_term_spans_point_at_each_raw_value(tmp_path: Path) -> None:
    text = term_yaml(
        extra="aliases: ['TIP', \"T.I.P.\"]\navoid:\n  - victim\n  - {text: sufferer}\n"
    )
    handbook, _ = load(tmp_path, {"glossary/survivor.yml": text})
    origin = handbook.terms["survivor"].origin
    for key, expected in [
        ("term", "survivor"),
        ("aliases.0", "'TIP'"),
        ("aliases.1", '"T.I.P."'),
        ("avoid.0", "victim"),
        ("avoid.0.text", "victim"),
        ("avoid.1.text", "sufferer"),
        ("history.0.date", "2026-01-01"),
    ]:
        span = origin.spans[key]
        assert origin.text[span.start : span.end] == expected, key
        line_text = origin.text.splitlines()[span.line - 1]
        assert line_text[span.column - 1 :].startswith(expected), key
    assert origin.spans[""].start == 0 and origin.spans[""].end == len(origin.text)


def test_crlf_and_bom_keep_exact_positions(tmp_path: Path) -> None:
    text = term_yaml(extra="avoid:\n  - text: sufferer\n    reason: |\n      Harmful.\n")
    handbook, findings = load(
        tmp_path,
        {"glossary/survivor.yml": b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()},
    )
    assert findings == []
    origin = handbook.terms["survivor"].origin
    assert not origin.text.startswith("\ufeff") and "\r\n" in origin.text
    span = origin.spans["term"]
    assert (span.line, span.column) == (1, 7)  # the BOM does not shift columns
    span = origin.spans["avoid.0.text"]
    assert (span.line, span.column) == (5, 11)
    assert origin.text[span.start : span.end] == "sufferer"
    span = origin.spans["avoid.0.reason"]
    assert origin.text[span.start : span.end] == "|\r\n      Harmful.\r\n"
    assert handbook.terms["survivor"].avoid[0].reason == "Harmful.\n"


def test_a_protocol_loads(tmp_path: Path) -> None:
    handbook, findings = load(tmp_path, {"protocols/hotel-staff.yml": PROTOCOL})
    assert findings == []
    protocol = handbook.protocols["hotel-staff"]
    assert protocol.effective == dt.date(2026, 1, 1)
    assert protocol.review_by == dt.date(2027, 1, 1)
    assert protocol.audience == ("hotel staff",)
    assert [step.title for step in protocol.steps] == ["Stay safe", "Call"]
    assert protocol.contacts[0].phone == "1-888-373-7888" and protocol.contacts[0].text is None
    assert [entry.version for entry in protocol.history] == [2, 1]
    span = protocol.origin.spans["steps.1.detail"]
    assert protocol.origin.text[span.start : span.end] == "Call the hotline."


def test_a_module_is_a_module_and_a_page(tmp_path: Path) -> None:
    handbook, findings = load(
        tmp_path,
        {
            "content/modules/hotel-staff.md": module_md(),
            "content/modules/index.md": "# Modules\n",
            "protocols/hotel-staff.yml": PROTOCOL,
        },
    )
    assert findings == []
    assert list(handbook.modules) == ["hotel-staff"]
    module = handbook.modules["hotel-staff"]
    assert module.audience == ("hotel staff",)  # a single audience becomes a tuple
    assert module.objectives == ("Recognise the signs.", "Respond safely.")
    assert module.protocols == ("hotel-staff",)
    assert module.origin.body_line == MODULE_FRONT.count("\n") + 3
    assert module.body.startswith("\n# Hotel and motel staff")
    assert [(h.level, h.text) for h in module.headings] == [
        (1, "Hotel and motel staff"),
        (2, "Realize"),
        (2, "Recognize"),
        (2, "Respond"),
    ]
    assert module.section("Recognize").strip() == "Signs to look for."
    span = module.origin.spans["objectives.1"]
    assert (span.line, span.column) == (8, 5)
    assert module.origin.text[span.start : span.end] == "Respond safely."
    pages = {page.path: page for page in handbook.pages}
    assert set(pages) == {
        "content/index.md",
        "content/modules/hotel-staff.md",
        "content/modules/index.md",
    }
    page = pages["content/modules/hotel-staff.md"]
    assert (
        page.src_uri == "modules/hotel-staff.md" and page.meta["title"] == "Hotel and motel staff"
    )
    assert page.origin is module.origin


def test_module_front_matter_with_crlf_and_bom(tmp_path: Path) -> None:
    text = "\ufeff" + module_md().replace("\n", "\r\n")
    handbook, findings = load(
        tmp_path,
        {"content/modules/hotel-staff.md": text.encode(), "protocols/hotel-staff.yml": PROTOCOL},
    )
    assert findings == []
    module = handbook.modules["hotel-staff"]
    span = module.origin.spans["title"]
    assert (span.line, span.column) == (2, 8)
    assert module.origin.text[span.start : span.end] == "Hotel and motel staff"
    assert module.headings[1] == Heading(2, "Realize", module.origin.body_line + 3)


def test_pages_front_matter_is_free_and_body_line_follows_it(tmp_path: Path) -> None:
    handbook, findings = load(
        tmp_path,
        {
            "content/index.md": "---\ntitle: Home\nhide: [toc]\n---\n# Home\n",
            "content/about/team.md": "No front matter.\n",
            "content/broken.md": "---\ntitle: [unclosed\n---\nBody\n",
            "content/.hidden/x.md": "hidden\n",
            "content/rule.md": "---\n\nA thematic break, then text.\n\n---\n",
            "glossary/.draft.yml": "not: [a term\n",
        },
    )
    assert findings == []
    pages = {page.path: page for page in handbook.pages}
    assert set(pages) == {
        "content/index.md",
        "content/about/team.md",
        "content/broken.md",
        "content/rule.md",
    }
    assert pages["content/rule.md"].origin.body_line == 1
    assert pages["content/index.md"].meta == {"title": "Home", "hide": ["toc"]}
    assert pages["content/index.md"].origin.body_line == 5
    assert pages["content/about/team.md"].origin.body_line == 1
    assert pages["content/about/team.md"].src_uri == "about/team.md"
    assert pages["content/broken.md"].meta == {}  # as in MkDocs: the block is content
    assert pages["content/broken.md"].origin.body_line == 1


def test_missing_folders_mean_no_terms_protocols_or_modules(tmp_path: Path) -> None:
    handbook, findings = load(tmp_path, {})
    assert findings == []
    assert (handbook.terms, handbook.protocols, handbook.modules) == ({}, {}, {})
    assert [page.path for page in handbook.pages] == ["content/index.md"]


def test_every_page_mkdocs_publishes_is_a_page(tmp_path: Path) -> None:
    """MkDocs publishes .markdown, .mdown, .mkdn and .mkd files as pages too (the case
    counts), and follows symlinked folders (in docs_dir): so does the model. A link
    back into a folder it is in, which MkDocs would walk round dozens of times, publishing
    its pages at every turn, is an error named at the link, and its pages are read once.
    A link to a folder elsewhere in the repository is an error too: not walked."""
    files: dict[str, str | bytes] = {
        f"content/page{suffix}": "# Page\n" for suffix in (".markdown", ".mdown", ".mkdn", ".mkd")
    }
    files["content/upper.MD"] = "# Not a page to MkDocs\n"
    files["content/notes.txt"] = "Not a page\n"
    files["content/shared/outreach.md"] = "# Outreach\n"
    files["beside/outreach.md"] = "# Outreach\n"  # beside docs_dir, in the handbook
    root = tmp_path / "site"
    write_files(root, files)
    shared = root / "content" / "shared"
    (shared / "back").symlink_to(shared)  # a loop
    (root / "content" / "linked").symlink_to(shared)
    # Hidden or not, MkDocs walks it (second review); so a link to a folder above docs_dir.
    (root / "content" / ".hidden-loop").symlink_to(root / "content")
    (root / "content" / "up").symlink_to(root)
    (root / "content" / "sibling").symlink_to(root / "beside")  # not a loop: out of docs_dir
    handbook, findings = load_handbook(load_config(root / "mkdocs.yml"))
    assert sorted((f.rule, f.severity, f.path, f.line) for f in findings) == [
        ("page.source", "error", "content/.hidden-loop", 1),
        ("page.source", "error", "content/linked/back", 1),
        ("page.source", "error", "content/shared/back", 1),
        ("page.source", "error", "content/sibling", 1),
        ("page.source", "error", "content/up", 1),
    ]
    assert "a loop" in findings[0].message
    assert [f.message for f in findings if f.path == "content/sibling"] == [
        "is a symbolic link to a folder outside content/ (docs_dir, the folder the site "
        "publishes): nothing in it is read or published"
    ]
    assert [page.path for page in handbook.pages] == [
        "content/index.md",
        "content/linked/outreach.md",
        "content/page.markdown",
        "content/page.mdown",
        "content/page.mkd",
        "content/page.mkdn",
        "content/shared/outreach.md",
    ]
    linked = next(page for page in handbook.pages if page.path == "content/linked/outreach.md")
    assert linked.src_uri == "linked/outreach.md"


@pytest.mark.parametrize(
    ("exclude_docs", "pages"),
    [
        (
            "  # drafts stay out of the site\n  drafts/\n  *.notes.md\n  !drafts/ready.md\n",
            [
                *("drafts/ready.md", "guides/README.old.md", "guides/index.md"),
                *("guides/templates/letter.md", "index.md"),
            ],
        ),
        # the site's own patterns may take back what MkDocs leaves out by default
        (
            "  !/templates/\n",
            [
                *("drafts/README.md", "drafts/idea.md", "drafts/ready.md"),
                *("guides/README.old.md", "guides/index.md", "guides/templates/letter.md"),
                *("index.md", "team.notes.md", "templates/letter.md"),
            ],
        ),
        # hidden pages too (found in an audit: published, but never checked)
        (
            "  !.well-known/\n  !.hidden.md\n",
            [
                *(".hidden.md", ".well-known/about.md", "drafts/README.md", "drafts/idea.md"),
                *("drafts/ready.md", "guides/README.old.md", "guides/index.md"),
                *("guides/templates/letter.md", "index.md", "team.notes.md"),
            ],
        ),
    ],
)
def test_pages_mkdocs_leaves_out_of_the_site_are_not_pages(
    tmp_path: Path, exclude_docs: str, pages: list[str]
) -> None:
    """MkDocs leaves out hidden files, the `templates` folder at the top of docs_dir and
    what `exclude_docs` names (gitignore patterns, `!` taking a page back): so does the
    model, and a page left out is not checked."""
    page = "# Notes\n\nCall 555-867-5309 about the vagrant.\n"
    files: dict[str, str | bytes] = {
        "mkdocs.yml": "site_name: T\ndocs_dir: content\nexclude_docs: |\n" + exclude_docs,
        "content/drafts/idea.md": page,
        "content/drafts/ready.md": "# Ready\n",
        "content/team.notes.md": page,
        "content/templates/letter.md": page,
        "content/guides/templates/letter.md": "# A guide's letter\n",
        "content/.hidden.md": page,
        "content/.well-known/about.md": page,
        "content/.git/notes.md": page,
        "content/guides/index.md": "# Guides\n",
        "content/guides/README.md": page,  # the folder's page too: MkDocs leaves it out
        "content/guides/README.old.md": "# Old notes\n",  # no folder's page: published
        "content/drafts/README.md": "# Drafts\n",  # no index beside it: the folder's page
    }
    handbook, findings = load(tmp_path, files)
    assert findings == []
    assert [page.src_uri for page in handbook.pages] == pages
    # The pages holding a phone number that are published are the pages it is found in.
    with_number = {"drafts/idea.md", "team.notes.md", "templates/letter.md", ".hidden.md"}
    with_number |= {".well-known/about.md"}
    reported = run_checks(load_config(tmp_path / "mkdocs.yml")).findings
    assert {finding.path for finding in reported} == {
        f"content/{page}" for page in pages if page in with_number
    }
    # The pages MkDocs itself publishes from the same folder.
    published = get_files(load_mkdocs_config(config_file=str(tmp_path / "mkdocs.yml")))
    assert sorted(file.src_uri for file in published.documentation_pages()) == [
        page.src_uri for page in handbook.pages
    ]


def test_exclude_docs_must_be_patterns_in_a_string(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"mkdocs.yml:2: 'exclude_docs' must be"):
        load(tmp_path, {"mkdocs.yml": "docs_dir: content\nexclude_docs: [drafts/]\n"})


def test_headings_in_code_do_not_count_and_setext_does() -> None:
    body = "Intro\n\n```\n## Realize\n```\n\nRecognize\n---------\n\n    ## Respond\n"
    assert parse_headings(body, first_line=10) == (Heading(2, "Recognize", 16),)


@pytest.mark.parametrize(
    "body",
    [
        "##Respond\n",
        "Intro\n##Respond\nmore\n",
        "####### seven\n",
        " ## Respond\n",
        "   ## Respond\n",
        "## Respond ##\n",
        "```\n##Respond\n```\n",
        "    ##Respond\n",
        "#\n",
        "##\u00a0Respond\n",
        "## Realize\n\n```\ncode\n\n## Recognize\n\n## Respond\n",
        "## Realize\n\n~~~\n## Recognize\n\n> ```\n## Respond\n",
        "```\n## Realize\n```\n\n```\n## Respond\n",
        "```x``` Respond\n---\n",
    ],
    ids=[
        "no-space",
        "inside-a-paragraph",
        "seven-hashes",
        "one-space-indent",
        "three-space-indent",
        "closing-hashes",
        "fenced",
        "indented-code",
        "empty",
        "non-breaking-space",
        "unclosed-fence",
        "unclosed-tilde-and-quoted-fences",
        "closed-then-unclosed-fence",
        "code-span-at-a-line-start",
    ],
)
def test_hash_headings_are_those_python_markdown_renders(body: str) -> None:
    """The site is rendered by Python-Markdown, which needs no space after the hashes and
    no indent before them (CommonMark says the opposite of both), and shows a fence that
    nothing closes as text: the sections checked are the ones a reader sees."""
    soup = BeautifulSoup(render(body), "html.parser")
    for permalink in soup.select("a.headerlink"):  # toc's ¶ is no part of the heading
        permalink.decompose()
    rendered = [
        (int(tag.name[1]), tag.get_text())
        for tag in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
    ]
    assert [(heading.level, heading.text) for heading in parse_headings(body)] == rendered


def test_heading_text_is_plain_text() -> None:
    (heading,) = parse_headings("## 1. *Realize* `now`\n")
    assert heading.text == "1. Realize now"


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("## Respond {#respond}", "Respond"),
        ("## Respond {: #respond .wide }", "Respond"),
        ("## Respond {data-step=3}", "Respond"),
        ("## Respond ##  {#respond}", "Respond ##"),
        ("## Respond {}", "Respond {}"),
        ("## Respond{#respond}", "Respond{#respond}"),
    ],
)
def test_an_attribute_list_is_not_part_of_the_heading_text(line: str, text: str) -> None:
    """attr_list (which the example handbook enables) takes `{#id}` off the heading, so
    `## Respond {#respond}` is the Respond section; braces that are no attribute list, or
    not set apart by a space, stay (Python-Markdown leaves them too)."""
    (heading,) = parse_headings(line + "\n")
    assert heading.text == text


def test_records_come_back_from_the_cache_as_they_were() -> None:
    """The caches pickle the model (spans packed as numbers, records rebuilt by their
    constructors): every record of the example handbook comes back equal, with every
    span in place."""
    handbook, _ = load_handbook(load_config(Path(__file__).parent.parent / "mkdocs.yml"))
    records = [*handbook.terms.values(), *handbook.protocols.values(), *handbook.modules.values()]
    assert len(records) > 60
    # As read: spans made only when looked up, packed for the cache without making them.
    assert all(isinstance(record.origin.spans, OffsetSpans) for record in records)
    for record in [*records, *handbook.pages]:
        again = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
        assert again == record
        assert {key: again.origin.span(key) for key in record.origin.spans} == dict(
            record.origin.spans
        )
    assert pickle.loads(pickle.dumps(handbook)) == handbook


def test_a_spans_offsets_are_its_start_and_end_as_read_and_from_the_cache() -> None:
    """`offsets(key)`, what the scan reads of a definition's span (no line to find):
    the start and end of the span `spans[key]` makes, packed or not; None for no span."""
    handbook, _ = load_handbook(load_config(Path(__file__).parent.parent / "mkdocs.yml"))
    records = [*handbook.terms.values(), *handbook.protocols.values()]
    assert len(records) > 10
    for record in records:
        for spans in (record.origin.spans, pickle.loads(pickle.dumps(record)).origin.spans):
            assert {key: spans.offsets(key) for key in spans} == {
                key: (span.start, span.end) for key, span in spans.items()
            }
            assert spans.offsets("nothing") is None


def test_spans_from_the_cache_answer_what_they_hold_without_indexing_their_keys() -> None:
    """Asking whether a record read from the cache writes a value (`"short" in spans`,
    for each of thousands of terms) makes no index of its keys: only a lookup does, and
    the answers are the same before and after it."""
    handbook, _ = load_handbook(load_config(Path(__file__).parent.parent / "mkdocs.yml"))
    assert len(handbook.terms) > 10  # the shipped glossary, read
    for term in handbook.terms.values():
        spans = pickle.loads(pickle.dumps(term)).origin.spans
        keys = set(term.origin.spans)
        asked = ["short", "definition", "aliases.0", "avoid.0.text", "nothing", *keys]
        before = {key: key in spans for key in asked}
        assert isinstance(spans, PackedOffsets)
        # The mapping of the offsets is not made yet (it is for a record of many spans).
        assert (spans._keys is not None) == (len(keys) <= PackedOffsets.LOOKED_UP_FROM)
        assert before == {key: key in keys for key in asked}
        spans["definition"]
        assert {key: key in spans for key in asked} == before


def test_a_record_is_pickled_with_its_offsets_and_placed_again_from_its_text() -> None:
    """A record read from its file goes to the cache, and from the second process of a
    cold check, with its spans' offsets alone (no line worked out for it): unpickled, and
    pickled again, each span has the line, column and offsets it had as read. Spans whose
    lines are of another text than the record's are pickled whole, as they are."""
    handbook, _ = load_handbook(load_config(Path(__file__).parent.parent / "mkdocs.yml"))
    records = [*handbook.terms.values(), *handbook.protocols.values(), *handbook.modules.values()]
    read = [record for record in records if record.origin.spans.placed_in(record.origin.text)]
    assert len(read) == len(records) > 60
    for record in read:
        once = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
        twice = pickle.loads(pickle.dumps(once, protocol=pickle.HIGHEST_PROTOCOL))
        expected = {key: record.origin.spans[key] for key in record.origin.spans}
        for again in (once, twice):
            spans = again.origin.spans
            assert isinstance(spans, PackedOffsets)
            assert len(spans) == len(expected)
            assert list(spans) == list(expected)
            assert {key: spans[key] for key in expected} == expected
            assert {key: spans.line_column(key) for key in expected} == {
                key: (span.line, span.column) for key, span in expected.items()
            }
            assert list(spans) == list(expected)  # after the lookups too
    record = read[0]
    elsewhere = Origin(
        record.origin.path,
        record.origin.text,
        OffsetSpans({"term": (3, 9)}, LineIndex("x\n" + record.origin.text)),
    )
    again = pickle.loads(pickle.dumps(elsewhere))
    assert again.spans["term"] == elsewhere.spans["term"] == Span(2, 2, 3, 9)
    assert not isinstance(again.spans, PackedOffsets)


@pytest.mark.parametrize(
    "reading",
    [
        "default_short('[' * n).startswith('[[[')",
        "plain_text('See [the law](https://example.org/) ' + '[' * n).startswith('See [')",
        "_inline_plain_text('[[' * n).startswith('[[')",
        "[h.text for h in parse_headings('## Realize\\n\\n' + '[x' * n)] == ['Realize']",
    ],
)
def test_brackets_by_the_thousand_are_read_in_linear_time(reading: str) -> None:
    """Security audit: markdown-it's link rule reads from each `[` to its match or the
    text's end, so 40 KB of `[` in a definition held `handbook check` for 14 s, and the
    time grew with the square of the brackets; a short and a module's body alike. One
    reading a child process, each with the whole CPU budget."""
    from work import python_in_time

    code = (
        "from coalition_handbook.model.glossary import default_short, plain_text\n"
        "from coalition_handbook.model.modules import parse_headings\n"
        "from coalition_handbook.rules.glossary_short import _inline_plain_text\n"
        "n = 150_000\n"
        f"assert {reading}\n"
    )
    completed = python_in_time(code)
    assert completed.returncode == 0, completed.stderr


def test_links_of_a_text_that_reads_in_linear_time_are_read_as_links() -> None:
    """The brackets are made plain only where markdown-it would read them too long."""
    from coalition_handbook.model.glossary import plain_text

    links = "See [the law](https://example.org/law) and [[nested] text]. " * 2_000
    assert plain_text(links).startswith("See the law and [[nested] text]. See the law")


def test_record_files_read_together_are_read_as_each_on_its_own(tmp_path: Path) -> None:
    """Session 56: `load_yaml_records` reads a folder's files step by step (every file
    read, then every text parsed, then every document validated); each file's record,
    findings (at their lines) and what is kept of a file with problems are those of
    reading it alone, and in the order of the paths, whatever problems its neighbours
    have."""
    from coalition_handbook.model import records

    files: dict[str, str | bytes] = {
        "glossary/survivor.yml": term_yaml(),
        "glossary/duplicate.yml": "term: a\nterm: b\nversion: 1\n",
        "glossary/latin.yml": "term: café\nversion: 1\n".encode("latin-1"),
        "glossary/Bad_Id.yml": term_yaml("bad id"),
        "glossary/tabs.yml": "term: tabs\nversion: 1\ndefinition:\tA.\n",
        "glossary/wrong.yml": term_yaml("wrong", extra="colour: red\nrelated: [1]\n"),
        "glossary/empty.yml": "",
        "glossary/victim-services.yml": term_yaml("victim services"),
    }
    config = write_files(tmp_path, files)
    paths = sorted((tmp_path / "glossary").glob("*.yml"))
    together = records.load_yaml_records(paths, config, "term", "glossary.schema")
    alone = [records.load_yaml_record(path, config, "term", "glossary.schema") for path in paths]
    assert together == alone
    assert [record.id if record else None for record, _, _ in together].count(None) == 6
    clean = [path.stem for path, (_, found, _) in zip(paths, together, strict=True) if not found]
    assert clean == ["survivor", "victim-services"]


def test_record_files_are_read_step_by_step_a_few_hundred_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review, session 56: reading every file of a folder before validating any kept
    every parsed document alive at once (at 2,000 terms the load's peak memory went from
    10.2 to 15.2 MB); the files are read step by step in runs of `_STEP_FILES`, so a
    run's documents are let go before the next run is parsed, with the same results."""
    from coalition_handbook.model import records

    monkeypatch.setattr(records, "_STEP_FILES", 2)
    names = ["a-term", "b-term", "c-term", "d-term", "e-term"]
    config = write_files(
        tmp_path, {f"glossary/{name}.yml": term_yaml(name.replace("-", " ")) for name in names}
    )
    paths = [tmp_path / "glossary" / f"{name}.yml" for name in names]
    alone = [records.load_yaml_record(path, config, "term", "glossary.schema") for path in paths]
    events: list[str] = []
    parse, validate = records.load_yaml, records.validated_fields

    def parsed(text: str, **kwargs: Any) -> Any:
        events.append("parse")
        return parse(text, **kwargs)

    def validated(*args: Any) -> Any:
        events.append("validate")
        return validate(*args)

    monkeypatch.setattr(records, "load_yaml", parsed)
    monkeypatch.setattr(records, "validated_fields", validated)
    together = records.load_yaml_records(paths, config, "term", "glossary.schema")
    assert together == alone
    assert events == ["parse", "parse", "validate", "validate"] * 2 + ["parse", "validate"]


def test_a_record_file_read_without_a_finding_finds_no_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 58: each record file read had its line starts found (`LineIndex`), though
    only a finding or a span looked up places an offset, and a file read without either
    (most, in a cold check) needs none; a finding in a file still has its line."""
    from coalition_handbook.model import records, yaml_document

    config = write_files(
        tmp_path,
        {
            "glossary/survivor.yml": term_yaml(),
            "glossary/wrong.yml": term_yaml("wrong", extra="related: [1]\n"),
        },
    )
    found: list[str] = []
    starts = yaml_document.line_starts

    def noted(text: str) -> list[int]:
        found.append(text)
        return starts(text)

    monkeypatch.setattr(yaml_document, "line_starts", noted)
    paths = [tmp_path / "glossary" / name for name in ("survivor.yml", "wrong.yml")]
    (clean, clean_findings, _), (_, findings, _) = records.load_yaml_records(
        paths, config, "term", "glossary.schema"
    )
    assert clean is not None and clean_findings == []
    assert [(finding.line, finding.column) for finding in findings] == [(4, 11)]
    assert found == [paths[1].read_text(encoding="utf-8")]


@pytest.mark.parametrize("enabled", [True, False])
def test_the_cycle_collector_is_held_off_while_record_files_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, enabled: bool
) -> None:
    """Session 56: Python's cycle collector walked every object of the files read so
    far, again and again, while a glossary loaded; it is held off while the files are
    read and built, and is as it was afterwards (off stays off)."""
    import gc

    from coalition_handbook.model import records

    config = write_files(tmp_path, {"glossary/survivor.yml": term_yaml()})
    read = records.load_yaml_records
    during: list[bool] = []

    def noted(*args: object, **kwargs: object) -> object:
        during.append(gc.isenabled())
        return read(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(records, "load_yaml_records", noted)
    paths = records.record_files(tmp_path / "glossary")
    (gc.enable if enabled else gc.disable)()
    try:
        built, findings, _ = records.cached_records(
            paths, config, "term", "glossary.schema", lambda record: record.id, None
        )
        after = gc.isenabled()
    finally:
        gc.enable()
    assert findings == [] and built == {"survivor": "survivor"}
    assert during and not any(during)
    assert after is enabled


def test_two_terms_claiming_one_vietnamese_form_with_its_tone_placed_apart_are_a_duplicate(
    tmp_path: Path,
) -> None:
    """Audit ar66: `hòa giải` and `hoà giải` are one form to the matcher, which found only
    the lower id's term; one term listing both writings is no duplicate."""
    files = {
        "glossary/hoa-giai.yml": term_yaml("hòa giải"),
        "glossary/hoa-giai-moi.yml": term_yaml("hoà giải"),
        "glossary/uy-ban.yml": term_yaml(
            "Ủy ban", "case_sensitive: true\naliases:\n  - Uỷ ban\n  - Ủy Ban Nhân Dân\n"
        ),
        "glossary/khoe.yml": term_yaml("sức khỏe", "aliases:\n  - sức khoẻ\n"),
        "content/index.md": "# Sổ tay\n\nHòa giải, hoà giải, Uỷ ban, sức khoẻ.\n",
    }
    findings = run_checks(write_files(tmp_path, files)).findings
    assert [(f.rule, f.path, f.found) for f in findings] == [
        ("glossary.duplicate", "glossary/hoa-giai.yml", "hòa giải")
    ]
