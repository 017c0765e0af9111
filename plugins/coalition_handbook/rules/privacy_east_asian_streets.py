"""Street addresses as Chinese and Japanese write them, with no space, for privacy.pii
(`privacy_personal_data`): `east_asian_streets`.

Chinese (Taiwan, Hong Kong, the mainland) writes a city, a district, the road and its
number: `台北市中正區忠孝東路一段1號`, `北京市朝阳区建国路88号`, `香港灣仔告士打道38號`.
What makes one an address is the road's type (路, 街, 大道, 道), maybe a section (段), a
lane (巷) and an alley (弄), and then the house number and its 號 (号): the road and its
number are reported (`忠孝東路一段1號`), as an English street's are; a city's or a
district's name alone is no one's home. Japanese writes a prefecture, a city or ward,
the district and its block numbers: `東京都千代田区霞が関1-2-2`, `大阪市北区梅田1丁目2番3号`;
the district and its numbers are reported (`霞が関1-2-2`), after a unit of the
administration (都道府県, 市, 区, 郡) and in three groups (`1-2-2`) or with 丁目 and 番
(`1丁目2番3号`) or 番地: two groups after a unit's name (`区間1-2`, a section's) and a
date's or a count's numbers (`2024年1月1日`, `第1234567號`) are prose. Only a text that
holds Han pays a look; a public agency's address is listed in privacy.allow, as an
English one is.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..lazy_pattern import LazyPattern

_HAN = "\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA = "\u3040-\u30ff"
_CHINESE_NUMERALS = "一二三四五六七八九十百"
# A road's name: the Han right before its type, up to five, from the first that is no
# unit of the administration (a city's 市, a district's 區) and no word of the sentence
# before it (住在, 寄到, 她: `她住在中山路1號` is `中山路1號`); its type, not where a
# common word ends in the same character (網路, the internet; 頻道, a channel; 知道, to
# know; 國道, a national highway: `國道1號` is Freeway No. 1; a Japanese prefecture's,
# city's or town's road, 県道, 都道, 府道, 町道, 林道, and 北海道; 泳道 and 賽道, a pool's
# and a track's lanes; 信道, a channel).
_NAME_CHARACTER = (
    f"(?:(?![市縣县県區区鄉乡鎮镇村里在於于到住往從从向是的及或址為为你您我他她們们])[{_HAN}])"
)
_ROAD_NAME = f"(?:(?<!{_NAME_CHARACTER}){_NAME_CHARACTER}{{1,5}}|{_NAME_CHARACTER}{{1,5}}?)"
_ROAD_TYPE = (
    r"(?:(?<![網网電电線线迴回思出一道])路|街|大道[東西南北中]?"
    r"|(?<![頻频管渠知報报軌轨跑航赤味人難难車车通步水隧國国省行都府町林農农海泳賽赛信走])"
    r"道[東西南北中]?)"
)
_NUMBER = rf"(?:\d{{1,5}}|[{_CHINESE_NUMERALS}]{{1,4}})"
_FLOOR = rf"{_NUMBER}(?:樓|楼|層|层|[Ff])(?:之\d{{1,3}})?"
_CHINESE_STREET = (
    rf"{_ROAD_NAME}{_ROAD_TYPE}(?:{_NUMBER}段)?(?:{_NUMBER}巷)?(?:\d{{1,5}}弄)?"
    rf"\d{{1,5}}(?:[-之]\d{{1,3}})?[號号](?:{_FLOOR})?"
)
# A Japanese district after its ward, city, town, village, county or prefecture (Han
# before that unit), the last of them (`千代田区霞が関`: `霞が関`), then its block numbers.
# The unit is no part of a word that holds it (都市 and 城市, a city; 地区, an area;
# 市区町村, municipalities; 縣市, counties and cities; 各市, each city), and a district
# written with block numbers alone (`1-2-3`, a table's, a figure's or an article's
# numbers too) ends in no table's, figure's, law's or article's word (`統計表1-2-3`,
# `施行令1-2-3`, `取組事例1-2-3`) and holds no katakana long vowel (`コード1-2-3`).
_UNIT = (
    rf"(?<=(?!都市|城市|地区|地區|市区|区町|町村|市町|縣市|県市|各市|全市|各区|全区)"
    rf"[{_HAN}][都道府県市区郡町村])"
)
_DISTRICT = f"(?:(?![都府県市区郡村])[{_HAN}{_KANA}])"
_BLOCK_DISTRICT = f"(?:(?![都府県市区郡村ー])[{_HAN}{_KANA}])"
_NOT_A_DOCUMENT_WORD = "(?<![表図圖令法劃画例料頁章節条條項版計書集覧案則編別号番])"
_JAPANESE_STREET = (
    rf"{_UNIT}(?:{_DISTRICT}{{1,8}}?"
    rf"(?:{_NUMBER}丁目\d{{1,4}}番地?(?:\d{{1,4}}号?)?|\d{{1,5}}番地(?:\d{{1,4}}号?)?)"
    rf"|{_BLOCK_DISTRICT}{{1,8}}?{_NOT_A_DOCUMENT_WORD}\d{{1,2}}-\d{{1,4}}-\d{{1,4}}(?![\d-]))"
)
_FLOOR_AT_END = LazyPattern(rf"(?<=[號号]){_FLOOR}\Z")
_STREETS = LazyPattern(f"{_CHINESE_STREET}|{_JAPANESE_STREET}")
_HAN_CHARACTER = LazyPattern(f"[{_HAN}]")
# What each address holds, found first (most text holds none): the pattern is then
# tried only in the characters around one, as many before as an address's name, road,
# section, lane, alley and number take, as many after as its floor (a page of Chinese
# and Japanese prose was read in 1.6 times its time when the pattern was tried at every
# character).
_ANCHOR = LazyPattern(r"[號号]|丁目|番地|\d-\d{1,4}-\d")
_BEFORE_AN_ANCHOR = 48
_AFTER_AN_ANCHOR = 16


def east_asian_streets(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each Chinese or Japanese street address in `text` (the module's
    docstring); none in a text with no Han."""
    if text.isascii() or not _HAN_CHARACTER.search(text):
        return
    last_end = 0
    for anchor in _ANCHOR.finditer(text):
        if anchor.start() < last_end:
            continue  # in the address found before
        start = max(last_end, anchor.start() - _BEFORE_AN_ANCHOR)
        found = _STREETS.search(text, start, anchor.end() + _AFTER_AN_ANCHOR)
        if found is not None:
            last_end = found.end()
            yield found.span()


def street_tails(street: str) -> Iterator[str]:
    """`street` (a street address `east_asian_streets` found) and each shorter end of it
    that is one too (`告士打道38號` of `灣仔告士打道38號`): the road's name is read from the
    Han before its type, which a page may write glued to a district's or an agency's name
    (`移民署廣州街15號`), so that the same road and number are one address; and each
    without the floor after its number (`廣州街15號` of `廣州街15號3樓`)."""
    yield street
    if (building := without_floor(street)) != street:  # the building's, whatever floor
        street = building
        yield street
    for start in range(1, len(street)):
        if next(east_asian_streets(street[start:]), None) == (0, len(street) - start):
            yield street[start:]


def without_floor(street: str) -> str:
    """`street` (a street address `east_asian_streets` found) without the floor after
    its number (`廣州街15號` of `廣州街15號3樓`)."""
    floor = _FLOOR_AT_END.search(street)
    return street if floor is None else street[: floor.start()]
