"""privacy.pii: Chinese and Japanese street addresses, written with no space
(`privacy_east_asian_streets`), and the prose with numbers that stays quiet."""

from __future__ import annotations

from pathlib import Path

import pytest
from handbooks import checked, make_handbook, set_handbook_options

from coalition_handbook.rules.privacy_personal_data import find_personal_data


def streets(text: str) -> list[str]:
    found = find_personal_data(text)
    return [text[start:end] for kind, start, end in found if kind == "street address"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("台北市中正區忠孝東路一段1號", ["忠孝東路一段1號"]),
        ("請寄到台北市中正區忠孝東路一段1號3樓", ["忠孝東路一段1號3樓"]),
        ("她住在中山路100之2號二樓。", ["中山路100之2號二樓"]),
        ("新北市板橋區文化路二段182巷3弄5號", ["文化路二段182巷3弄5號"]),
        ("臺中市西屯區臺灣大道三段99號", ["臺灣大道三段99號"]),
        ("北京市朝阳区建国路88号", ["建国路88号"]),
        ("香港灣仔告士打道38號", ["灣仔告士打道38號"]),
        ("皇后大道中99號", ["皇后大道中99號"]),
        ("東京都千代田区霞が関1-2-2", ["霞が関1-2-2"]),
        ("大阪市北区梅田1丁目2番3号に住む", ["梅田1丁目2番3号"]),
        ("千代田区大手町1-1-1", ["大手町1-1-1"]),
        ("長野県下伊那郡阿智村智里3731番地", ["智里3731番地"]),
        ("東京都新宿区西新宿2-8-1", ["西新宿2-8-1"]),
        ("さいたま市南区別所1-2-3", ["別所1-2-3"]),
        ("長野県松本市中央1-2-3", ["中央1-2-3"]),  # 本市, "this city", inside a name
        ("上海市长宁区成都北路100号", ["成都北路100号"]),
    ],
)
def test_a_chinese_or_japanese_street_address_is_reported(text: str, expected: list[str]) -> None:
    assert streets(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "案號0950870123號",
        "第1234567號",
        "本法第12條、釋字第34號解釋",
        "2024年1月1日",
        "區間1-2",  # a section's two numbers
        "株式市場1-3月",
        "網路3號",  # the internet's, a channel's: no road
        "頻道5號",
        "國道1號南下車道",  # a national highway's number, in Taiwan and Japan
        "国道3号線",
        "人行道3號出口",
        "我知道3號要開會",
        "搭公車307路3號站",
        "台北市中正路",  # a road with no number
        "銀座一丁目駅",  # a station
        "北海道札幌市中央区北1条西2丁目",
        # a table's, a figure's or a law's numbers after a word holding 市, 区 or 町
        "都市計画法施行令1-2-3",
        "本市統計表1-2-3",
        "城市規劃1-2-3",
        "地区別表1-2-3",
        "都道府県別の図1-2-3",
        "市区町村コード1-2-3",
        "市町村の取組事例1-2-3",
        "縣市別統計表1-2-3",
        # a Japanese prefecture's, city's or town's road number, and Hokkaido's name
        "県道123号線を北へ",
        "都道318号",
        "府道2号",
        "町道1号",
        "林道3号",
        "北海道1号店",
        # a swimming lane, a race track's, a radio channel
        "第1泳道3號選手",
        "賽道3號",
        "信道1號",
    ],
)
def test_prose_with_numbers_among_han_is_no_street_address(text: str) -> None:
    assert streets(text) == []


def test_a_chinese_address_is_reported_and_a_public_one_listed_whole_is_allowed(
    tmp_path: Path,
) -> None:
    """A home's address in a Chinese page is reported; an agency's, listed in privacy.allow
    as a letter writes it, its city first, is not."""
    page = "# 首頁\n\n移民署：台北市中正區廣州街15號。\n\n個案住在文化路二段182巷3弄5號。\n"
    config = make_handbook(tmp_path, page)
    set_handbook_options(config, 'privacy: {allow: ["台北市中正區廣州街15號"]}')
    rows = [(f.rule, f.line, f.column, f.found) for f in checked(config)]
    assert rows == [("privacy.pii", 5, 5, "文化路二段182巷3弄5號")]


@pytest.mark.parametrize(
    ("listed", "page"),
    [
        ("台北市中正區廣州街15號", "移民署廣州街15號"),  # after the agency's name
        ("台北市中正區廣州街15號", "辦事處廣州街15號3樓"),
        ("香港灣仔告士打道38號", "告士打道38號"),  # listed with its district, written without
        ("告士打道38號", "香港灣仔告士打道38號"),
        ("東京都千代田区霞が関1-2-2", "千代田区霞が関1-2-2"),
    ],
)
def test_a_listed_chinese_address_is_allowed_however_the_words_before_it_go(
    tmp_path: Path, listed: str, page: str
) -> None:
    """The road's name is read from the Han before its type, which a page may write
    glued to an agency's name or a district's: a listed address is the same address."""
    config = make_handbook(
        tmp_path, f"# 首頁\n\n{page}\n\n個案住在杭州街15號。\n\n個案住在文化路二段182巷3弄5號。\n"
    )
    set_handbook_options(config, f'privacy: {{allow: ["{listed}"]}}')
    rows = [(f.rule, f.found) for f in checked(config)]
    # another road that ends as the listed one does (杭州街, 廣州街) is another address
    assert rows == [("privacy.pii", "杭州街15號"), ("privacy.pii", "文化路二段182巷3弄5號")]


def test_han_text_of_addresses_numbers_and_marks_is_read_in_linear_time() -> None:
    """Every character a 號, a road's type before a number, or a digit against Han: each
    looked for only around what it holds, in a window of its own size (50,000
    characters of each)."""
    from work import python_in_time

    completed = python_in_time(
        "from coalition_handbook.rules.privacy_personal_data import find_personal_data\n"
        "for unit, count in (('號', 0), ('中山路1號', 10_000), ('打+8年1', 0),\n"
        "                    ('区霞1-2-3', 0), ('人1-2-', 0)):\n"
        "    text = unit * (50_000 // len(unit))\n"
        "    found = sum(1 for _ in find_personal_data(text, countries=('TW', 'HK')))\n"
        "    assert found == count, (unit, found)\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")
