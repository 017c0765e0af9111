"""A privacy.pii finding's message masks what it found (privacy audit): the text, GitHub
and SARIF outputs end up in check-run annotations, run logs, step summaries and
code-scanning alerts, which outlive the clean-up of a leak. JSON's `found` keeps the
exact text (DESIGN section 6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from handbooks import make_handbook, set_handbook_options

from coalition_handbook.cli import main
from coalition_handbook.rules.privacy_allow_list import AllowList
from coalition_handbook.rules.privacy_masked_text import mask_personal_data
from coalition_handbook.rules.privacy_masks import masked, masked_digits


@pytest.mark.parametrize(
    ("kind", "found", "shown"),
    [
        ("phone number", "402-555-0142", "402-***-**42"),
        ("phone number", "(402) 555-0142", "(402) ***-**42"),
        ("phone number", "+44 20 7946 0958", "+44 2* **** **58"),
        ("phone number", "555-0142", "***-**42"),  # no area code: fewer digits kept
        ("phone number", "４０２-５５５-０１４２", "４０２-***-**４２"),
        # An escape counts as the character it stands for, kept as written.
        ("phone number", "555&nbsp;867&nbsp;5309", "555&nbsp;***&nbsp;**09"),
        ("phone number", "402%20555%200142", "402%20***%20**42"),
        ("phone number", "&#52;02-555-0142", "&#52;02-***-**42"),
        ("phone number", "402 555\n0142", "402 ***\n**42"),
        ("e-mail address", "jane.doe@gmail.com", "j***@gmail.com"),
        ("e-mail address", "jane&#64;gmail.com", "j***&#64;gmail.com"),
        ("e-mail address", "jane%40gmail.com", "j***%40gmail.com"),
        # Review rv4: a personal domain names the person (its first character and its
        # top-level domain are kept; a common mail provider's is kept whole), a house
        # number of one digit is all of it, and a YAML string's escape is a character.
        ("e-mail address", "jo@janedoe.com", "j***@j***.com"),
        ("e-mail address", "a@b.co", "a***@b***.co"),
        ("e-mail address", "jane%40mail.janedoe.co.uk", "j***%40m***.uk"),
        ("e-mail address", "jo@Outlook.com", "j***@Outlook.com"),
        ("e-mail address", "jo\\x40x.org", "j***\\x40x***.org"),
        ("e-mail address", "jo\\u0040proton.me", "j***\\u0040proton.me"),
        # Task priv8: a bracketed `@` or dot (defanged) is a written-out address's, not
        # part of its domain (`j***@]g***.]com`), masked as its words.
        ("e-mail address", "jo[@]gmail[.]com", "j*[@]g****[.]c**"),
        ("e-mail address", "jo@gmail[.]com", "j*@g****[.]c**"),
        ("e-mail address", "jo [at] gmail [dot] com", "j* [a*] g**** [d**] c**"),
        ("street address", "7 W Cedar Street", "* W C**** S*****"),
        ("street address", "5 Elm St", "* E** S*"),
        ("street address", "12 Oak Street", "1* O** S*****"),
        ("street address", "1600 Pennsylvania Avenue NW", "1*** P*********** A***** N*"),
        ("Telegram account", "t.me/jane_doe", "t.me/j***_d**"),
        ("Telegram account", "tg://resolve?domain=jane_doe", "tg://resolve?domain=j***_d**"),
        (
            "private group invitation",
            "https://chat.whatsapp.com/AbCdEfGhIjKlMnOp",
            "https://chat.whatsapp.com/A***************",
        ),
    ],
)
def test_a_mask_keeps_enough_to_tell_which_one_is_meant(kind: str, found: str, shown: str) -> None:
    assert masked(kind, found) == shown


def test_what_is_dialled_after_a_public_number_is_masked_whole() -> None:
    assert masked_digits("x123") == "x***"
    assert masked_digits(" 12") == " **"


PAGE = (
    "# Contacts\n\nCall Jane at 402-555-0142 or write to jane.doe@gmail.com; she lives at "
    "12 Oak Street. Group: https://chat.whatsapp.com/AbCdEfGhIjKlMnOp. "
    "Hotline 1-888-373-7888x4521.\n"
)
PERSONAL = ("555-0142", "jane.doe", "Oak Street", "AbCdEfGhIjKlMnOp", "4521")


@pytest.mark.parametrize("output", ["text", "github", "sarif"])
def test_no_output_but_json_repeats_the_personal_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str
) -> None:
    config_file = make_handbook(tmp_path, page=PAGE)
    set_handbook_options(config_file, 'privacy: {allow: ["1-888-373-7888"]}')
    assert main(["check", "-f", str(config_file), "--format", output]) == 1
    written = capsys.readouterr().out
    assert written.count("402-***-**42") == 1 and "j***@gmail.com" in written
    assert "1* O** S*****" in written and "1-888-373-7888x****" in written
    assert not [text for text in PERSONAL if text in written]


def test_json_keeps_what_was_found_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = make_handbook(tmp_path, page=PAGE)
    set_handbook_options(config_file, 'privacy: {allow: ["1-888-373-7888"]}')
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    privacy = [finding for finding in findings if finding["rule"] == "privacy.pii"]
    assert [finding["found"] for finding in privacy] == [
        "402-555-0142",
        "jane.doe@gmail.com",
        "12 Oak Street",
        "https://chat.whatsapp.com/AbCdEfGhIjKlMnOp",
        "1-888-373-7888x4521",  # the public number with the extension written after it
    ]
    assert not [text for finding in privacy for text in PERSONAL if text in finding["message"]]


HOTLINE = AllowList.of(["1-888-373-7888"], ())


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Ask Jane at 402-555-0142.", "Ask Jane at 402-***-**42."),
        # privacy.allow's public number stays; what is dialled after it does not.
        (
            "Call 1-888-373-7888, or 1-888-373-7888x4521.",
            "Call 1-888-373-7888, or 1-888-373-7888x****.",
        ),
        ("Write to jane&#64;gmail.com.", "Write to j***&#64;gmail.com."),  # as written
        ("She lives at 12 Oak Street, Omaha.", "She lives at 1* O** S*****, Omaha."),
        ("Ring 402 555\n0142 now", "Ring 402 ***\n**42 now"),  # across a line break
        ("https://wa.me/15558675309", "https://wa.me/155******09"),
        ("Meet at 41.25873, -95.93459.", "Meet at 41.*****, -95.*****."),
        ("Ring 020 7946 0958 now", "Ring 020 7946 0958 now"),  # no country listed
        ("Nothing personal in 2026.", "Nothing personal in 2026."),
    ],
)
def test_a_text_is_shown_with_what_the_rule_reports_masked(text: str, shown: str) -> None:
    """`handbook diff` quotes the handbook's texts so (privacy audit)."""
    assert mask_personal_data(text, HOTLINE) == shown


def test_a_text_is_masked_as_privacy_countries_read_it() -> None:
    assert mask_personal_data("Ring 020 7946 0958 now", AllowList.of([], ("GB",))) == (
        "Ring 020 **** **58 now"
    )
    listed = AllowList.of(["+44 20 7946 0958"], ("GB",))
    assert mask_personal_data("Ring 020 7946 0958 now", listed) == "Ring 020 7946 0958 now"
