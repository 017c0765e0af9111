"""glossary.short: a term's `short` is plain text (DESIGN section 3.1), shown as typed;
Markdown or HTML in it is reported, where the editor would otherwise see it only in a
tooltip (found in an audit)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from handbooks import make_handbook

from coalition_handbook.cli import main


def term_with(short: str | None) -> str:
    line = "" if short is None else f"short: {json.dumps(short)}\n"
    return (
        "term: peonage\nversion: 1\n"
        "definition: Work *compelled* to pay off [a debt](https://example.org). More.\n"
        f"{line}history:\n  - {{version: 1, date: 2026-01-01, summary: First.}}\n"
    )


def short_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], short: str | None
) -> list[tuple]:
    config_file = make_handbook(tmp_path, **{"glossary/peonage.yml": term_with(short)})
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 0  # info only
    found = json.loads(capsys.readouterr().out)["findings"]
    return [
        (f["severity"], f["line"], f["column"], f["found"], f["message"])
        for f in found
        if f["rule"] == "glossary.short"
    ]


@pytest.mark.parametrize(
    ("short", "rendered"),
    [
        ("Work *compelled* to pay a debt.", "Work compelled to pay a debt."),
        ("Work to pay `a debt`.", "Work to pay a debt."),
        ("Work to pay [a debt](https://example.org).", "Work to pay a debt."),
        ("Work to pay a <i>debt</i>.", "Work to pay a debt."),
        ("Work to pay a debt &amp; more.", "Work to pay a debt & more."),
        ("Work to pay a debt \\*now\\*.", "Work to pay a debt *now*."),
        ("> Work *compelled* to pay.", "> Work compelled to pay."),
    ],
)
def test_markup_in_a_short_is_reported_with_how_it_would_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], short: str, rendered: str
) -> None:
    [(severity, line, column, found, message)] = short_findings(tmp_path, capsys, short)
    assert (severity, line, column) == ("info", 4, 8)
    assert found == json.dumps(short)
    assert f"write it as '{rendered}'" in message


@pytest.mark.parametrize(
    "short",
    [
        None,  # made of the definition, as plain text
        "Work compelled to pay off a debt, real or claimed (22 U.S.C. 7102).",
        "A 2-3 year visa; 50% of cases, * marks an estimate, a_b_c.",
        "Spaced   out\ttext.",
        # What would start a block, were a short a page (found in review): as typed
        "> 18 years old, as the law counts age.",
        "2000. The federal law that defines trafficking.",
        "# of victims per year",
        "1) First; 2) second.",
        "*",
        "AT&T and 3 < 4.",
    ],
)
def test_a_plain_short_or_none_is_no_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], short: str | None
) -> None:
    assert short_findings(tmp_path, capsys, short) == []


def test_a_short_that_renders_to_nothing_gets_no_empty_suggestion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    [(_, _, _, _, message)] = short_findings(tmp_path, capsys, "<T visa>")
    assert "write it as" not in message and "leave 'short' out" in message


def test_a_term_file_with_other_problems_has_its_short_checked_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every finding of a file at once (found in an audit of the docs)."""
    term = term_with("Work *compelled* to pay.").replace(
        "version: 1\n", "version: 1\naliasses: [x]\n"
    )
    config_file = make_handbook(tmp_path, **{"glossary/peonage.yml": term})
    main(["check", "-f", str(config_file), "--format", "json"])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["rule"], f["line"]) for f in found if f["path"] == "glossary/peonage.yml"] == [
        ("glossary.schema", 3),
        ("glossary.short", 5),
    ]


def test_a_first_sentence_too_long_for_a_tooltip_is_cut_at_a_word_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit F7: a one-paragraph definition of megabytes was the default short whole, and
    so the `title` of every link to its term. A short written in the file is never cut."""
    sentence = "Work compelled to pay off a debt " + "that grows every week " * 30 + "forever."
    definition = f"{sentence} More."
    config_file = make_handbook(
        tmp_path,
        **{
            "glossary/peonage.yml": term_with(None).replace(
                "definition: Work *compelled* to pay off [a debt](https://example.org). More.",
                f"definition: {definition}",
            ),
            "glossary/bondage.yml": term_with(sentence).replace("peonage", "bondage"),
        },
    )
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 0  # info only
    found = json.loads(capsys.readouterr().out)["findings"]
    [finding] = [f for f in found if f["rule"] == "glossary.short"]
    assert (finding["path"], finding["line"], finding["severity"]) == (
        "glossary/peonage.yml",
        3,
        "info",
    )
    assert f"is {len(sentence):,} characters long" in finding["message"]
    assert "write a 'short'" in finding["message"]

    from coalition_handbook.config import load_config
    from coalition_handbook.model import load_handbook
    from coalition_handbook.model.glossary import DEFAULT_SHORT_CHARACTERS

    terms = load_handbook(load_config(config_file))[0].terms
    short = terms["peonage"].short
    kept = short.removesuffix("…")
    assert short.endswith("…") and len(kept) <= DEFAULT_SHORT_CHARACTERS
    assert sentence.startswith(kept) and sentence[len(kept)] == " "  # cut at a word
    assert terms["bondage"].short == sentence  # written: as written


def test_a_tooltip_in_japanese_keeps_its_length_though_a_latin_word_has_a_space() -> None:
    """Review rv2 F1: the cut went back to the last space, in Japanese the one after an
    early Latin acronym, and a 390-character definition became a 12-character tooltip."""
    from coalition_handbook.model.glossary import DEFAULT_SHORT_CHARACTERS, default_short

    clause = (
        "搾取の目的で暴力、詐欺又は強制により"
        + "人を勧誘し、輸送し、移送し、蔵匿し又は収受することをいう"
    )
    definition = "人身取引とは、TVPA に基づき、" + clause * 8 + "。次の文。"
    short = default_short(definition)
    kept = short.removesuffix("…")
    assert short.endswith("…") and len(kept) == DEFAULT_SHORT_CHARACTERS
    assert definition.startswith(kept)


def test_a_long_cut_still_ends_at_a_word_near_the_limit_and_parts_no_accent() -> None:
    from coalition_handbook.model.glossary import clipped

    words = "Menschenhandel ist " * 20  # a space within reach of the limit: cut there
    assert clipped(words, 50) == "Menschenhandel ist Menschenhandel ist…"
    one_word = "Zwangsarbeitsausbeutungsbekämpfungs" * 5
    assert clipped("Kurz " + one_word, 100) == ("Kurz " + one_word)[:100] + "…"
    accented = "e\u0301" * 80  # é as e and a combining accent: the cut keeps them together
    assert clipped(accented, 51) == "e\u0301" * 25 + "…"


@pytest.mark.parametrize(
    "character",
    [
        "\U0001f1ef\U0001f1f5",  # the flag of Japan: two regional indicators
        "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",  # Scotland
        "\U0001f469\u200d\U0001f469\u200d\U0001f467",  # a family: emoji joined by ZWJ
        "\U0001f44d\U0001f3fd",  # a thumbs up with a skin tone
    ],
    ids=["flag", "subdivision-flag", "zwj-sequence", "skin-tone"],
)
def test_a_tooltip_cut_at_its_limit_parts_no_flag_or_joined_emoji(character: str) -> None:
    """Review rv3 F9: a flag across the 300th character was cut in half (one regional
    indicator), and a subdivision flag lost its tag characters."""
    from coalition_handbook.model.glossary import DEFAULT_SHORT_CHARACTERS, default_short

    before = "あ" * (DEFAULT_SHORT_CHARACTERS - 1)
    short = default_short(before + character + "い" * 50)
    assert short == before + "…"
    assert default_short("あ" * 10 + character + "い" * 400).startswith("あ" * 10 + character)
