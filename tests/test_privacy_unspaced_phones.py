"""privacy.pii: phone numbers written against Han or kana, as Chinese and Japanese write
them with no space (`privacy_unspaced_phones`), and the document and case numbers
written so that stay quiet."""

from __future__ import annotations

from pathlib import Path

import pytest
from handbooks import checked, make_handbook, set_handbook_options

from coalition_handbook.rules.privacy_personal_data import find_personal_data

EAST_ASIA = ("TW", "JP", "CN", "HK")


def phones(text: str, countries: tuple[str, ...]) -> list[str]:
    found = find_personal_data(text, countries=countries)
    return [text[start:end] for kind, start, end in found if kind == "phone number"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("請撥打+886 912 345 678求助", ["+886 912 345 678"]),
        ("請撥+81-3-1234-5678まで", ["+81-3-1234-5678"]),
        # national formats are read only where privacy.countries lists them, as with spaces
        ("お電話は090-1234-5678まで", []),
        ("手機0912-345-678", []),
    ],
)
def test_a_number_against_han_or_kana_is_read_with_no_countries(
    text: str, expected: list[str]
) -> None:
    assert phones(text, ()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("請撥打+886 912 345 678求助", ["+886 912 345 678"]),
        ("お電話は090-1234-5678まで", ["090-1234-5678"]),
        ("手機0912-345-678", ["0912-345-678"]),
        ("電話(02)2345-6789求助", ["(02)2345-6789"]),
        ("手機號：0912-345-678", ["0912-345-678"]),  # a phone's own label
        ("電話番号：03-1234-5678", ["03-1234-5678"]),
        ("香港熱線2345 6789查詢", ["2345 6789"]),
        ("０９１２－３４５－６７８求助", ["０９１２－３４５－６７８"]),
    ],
)
def test_a_number_against_han_or_kana_is_read_with_east_asia_listed(
    text: str, expected: list[str]
) -> None:
    assert phones(text, EAST_ASIA) == expected


@pytest.mark.parametrize("countries", [(), EAST_ASIA])
@pytest.mark.parametrize(
    "text",
    [
        "案號0950870123號",  # a document's number, written together
        "第1234567號",
        "統一編號12345678",  # a company's tax number
        "案號095-0870-123",  # a label that names a number
        "郵便番号100-0001",
        "第1-2號",  # a number followed by 號
        "2024年1月1日",  # a date's parts set apart by Han
        "民國113年1月1日",
        "日期2024-01-01起",
        "時間09:00-17:00",
        "統計2019-2023年",
        "電話：113",  # Taiwan's protection hotline
        "撥打1955",
        "報案請撥110",
        "金額1,234,567元",
        "東京都千代田区霞が関1-2-2",
        "台北市中正區忠孝東路一段1號",
        "版本1.2.3",
    ],
)
def test_document_numbers_dates_and_hotlines_among_han_are_no_phone(
    text: str, countries: tuple[str, ...]
) -> None:
    assert phones(text, countries) == []


def test_a_phone_against_chinese_is_reported_and_a_listed_one_allowed(tmp_path: Path) -> None:
    """A page's number written against Han is reported where it stands; the coalition's
    hotline, listed in privacy.allow as the world dials it, is not."""
    page = "# 首頁\n\n請撥打0800-777-888洽詢。\n\n個案手機0912-345-678請勿公開。\n"
    config = make_handbook(tmp_path, page)
    set_handbook_options(config, 'privacy: {allow: ["+886 800 777 888"], countries: [TW]}')
    rows = [(f.rule, f.line, f.column, f.found) for f in checked(config)]
    assert rows == [("privacy.pii", 5, 5, "0912-345-678")]


@pytest.mark.parametrize(
    ("text", "countries", "expected"),
    [
        ("010-1234-5678로 연락하세요", ("KR",), ["010-1234-5678"]),  # a particle after it
        ("02-1234-5678번으로 전화", ("KR",), ["02-1234-5678"]),
        ("+82-10-1234-5678로 연락", (), ["+82-10-1234-5678"]),
        ("010-1234-5678로 연락하세요", (), []),  # a national format: KR listed only
        # a year's range, money, an article's numbers, a hotline, with their particles
        ("2023-2024년도 예산", ("KR",), []),
        ("1,000-2,000원", ("KR",), []),
        ("제1-2-3조", ("KR",), []),
        ("국번없이 1366으로", ("KR",), []),
        ("1577-1366으로 상담", ("KR",), []),
        ("사업자등록번호 123-45-67890은", ("KR",), []),
    ],
)
def test_a_korean_phone_with_its_particle_after_it_is_read_as_with_a_space(
    text: str, countries: tuple[str, ...], expected: list[str]
) -> None:
    """Korean spaces its words but writes a particle against a number, as it writes one
    against a noun: `010-1234-5678로` is the number `010-1234-5678 로` is."""
    assert phones(text, countries) == expected
