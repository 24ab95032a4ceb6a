"""Finding the words in borrowed text that belong to another unit: 我院, 全院师生, 学院, 省级,
河南省 …, so that the writer sees what to adapt before a snippet goes into the speech.

Five kinds, each found by what it is:

* **self** — how a unit names itself: 我/本 + a unit (我院, 我局, 我校, 我市, 本院, 我公司 …);
* **collective** — the whole unit and its people: 全院师生, 全局干部职工, 全市上下, 全校 …;
* **institution** — words that only fit one kind of unit: 学院, 学校, 院党委, 局党组, 师生 …;
* **level** — the level the text aims at: 省级, 市级, 县级, 区级;
* **place** — provinces, prefecture-level and county-level divisions by their full names
  (河南省, 驻马店市, 驿城区), and provinces and prefectures by their short names (河南, 驻马店).

Common words that look like one of these are left alone: 我会 (I will), 我所说, 我站在, 我委托,
全局观念 (the overall situation: 全局 counts only with its people after it, 全局干部职工, or in
举全局之力), and the
short place names that are everyday words (来宾 in 各位来宾, 长治久安, 幸福安康, 世界大同, 朝阳).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .i18n import pick

SELF, COLLECTIVE, INSTITUTION, LEVEL, PLACE = "self", "collective", "institution", "level", "place"
KIND_NAMES = {SELF: ("本单位称谓", "unit's own name"), COLLECTIVE: ("全体称谓", "whole unit"),
              INSTITUTION: ("机构用语", "kind of unit"), LEVEL: ("级别", "level"),
              PLACE: ("地名", "place name")}

_UNITS = "院|校|局|市|县|区|省|镇|乡|村|厅|委|办|处|科|站|队|部|司|厂|园|馆|社|台|中心|公司|集团"
# 本科 (an undergraduate degree), 本部 (headquarters) and 本乡 (本乡本土) are words of their own.
_UNITS_AFTER_BEN = "院|校|局|市|县|区|省|镇|村|厅|委|办|处|站|队|司|厂|园|馆|社|台|中心|公司|集团"
_PEOPLE = ("师生员工|师生|教职员工|教职工|干部职工|干部群众|党员干部|职工|员工|党员|干部|同志|同学|"
           "上下|人民|群众")
# Words that start like a unit's name and are something else.
_NOT_UNIT_WORDS = ("我委托", "我办事", "我办公", "我站在", "我站起", "我处理", "我处在", "我部署",
                   "本部门", "本市场", "本区域", "我市场", "全区域", "全市场", "全县域", "全省域")

_PATTERNS = [
    (SELF, rf"我(?:{_UNITS})|本(?:{_UNITS_AFTER_BEN})"),
    (COLLECTIVE, rf"全局(?:{_PEOPLE}|之力)|全(?:院|校|市|县|区|省|镇|乡|村|厂|公司|集团)(?:{_PEOPLE})?"),
    (INSTITUTION, r"院党委|校党委|局党组|局党委|院领导|校领导|局领导|院机关|局机关|学院|学校|高校|师生"),
    (LEVEL, r"省级|市级|县级|区级"),
]


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    # Compiled at the first use, not at import: the window imports this module at start-up.
    return re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _PATTERNS))

# The 56 nationalities, to take an autonomous region's or prefecture's short name
# (宁夏回族自治区 → 宁夏, 延边朝鲜族自治州 → 延边, 伊犁哈萨克自治州 → 伊犁).
_NATIONS = ("汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
            "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西",
            "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌",
            "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
            "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺")
_SUFFIXES = ("特别行政区", "自治区", "自治州", "地区", "盟", "省", "市")
# Short names that are everyday words in speeches.
_NOT_SHORT_NAMES = {"来宾", "长治", "安康", "大同", "中山", "白银", "阿里", "朝阳", "四平", "新乡",
                    "中卫", "大理"}


@dataclass(frozen=True)
class UnitWord:
    start: int
    end: int
    word: str
    kind: str

    @property
    def kind_name(self) -> str:
        return pick(*KIND_NAMES[self.kind])


def short_name(name: str) -> str:
    """河南省 → 河南, 宁夏回族自治区 → 宁夏, 延边朝鲜族自治州 → 延边, 阿里地区 → 阿里."""
    autonomous = "自治" in name
    for suffix in _SUFFIXES:
        if name.endswith(suffix):
            name = name[:-len(suffix)]
            break
    while autonomous:
        for nation in sorted(_NATIONS, key=len, reverse=True):
            for ending in (nation + "族", nation):
                if name.endswith(ending) and len(name) > len(ending) + 1:
                    name = name[:-len(ending)]
                    break
            else:
                continue
            break
        else:
            break
    return name


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[str, ...]]:
    """Place names by their first character, longest first (built once, a few ms)."""
    from . import place_names

    names: set[str] = set()
    for name in (*place_names.PROVINCES, *place_names.PREFECTURES):
        names.add(name)
        short = short_name(name)
        if len(short) >= 2 and short not in _NOT_SHORT_NAMES:
            names.add(short)
    # County-level names in full only, and not the two-character ones (城区, 郊区, 矿区, 和县 …
    # are words or parts of words far more often than places).
    names.update(name for name in place_names.COUNTIES if len(name) >= 3)
    by_first: dict[str, list[str]] = {}
    for name in names:
        by_first.setdefault(name[0], []).append(name)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in by_first.items()}


def find_unit_words(text: str) -> list[UnitWord]:
    """The unit-specific words in a text, left to right, not overlapping (the longer wins)."""
    found = [UnitWord(m.start(), m.end(), m.group(), m.lastgroup or "")
             for m in _pattern().finditer(text)
             if not text.startswith(_NOT_UNIT_WORDS, m.start())]
    places = _places()
    for index, char in enumerate(text):
        group = places.get(char)
        if group:
            for name in group:
                if text.startswith(name, index):
                    found.append(UnitWord(index, index + len(name), name, PLACE))
                    break
    found.sort(key=lambda w: (w.start, -(w.end - w.start)))
    result: list[UnitWord] = []
    for word in found:
        if result and word.start < result[-1].end:
            last = result[-1]
            if word.end - word.start > last.end - last.start and word.start == last.start:
                result[-1] = word
            continue
        result.append(word)
    return result


def summarize(words: list[UnitWord]) -> list[tuple[str, str, int]]:
    """(word, kind, count) for each different word, in order of first appearance."""
    counts: dict[str, int] = {}
    kinds: dict[str, str] = {}
    for word in words:
        counts[word.word] = counts.get(word.word, 0) + 1
        kinds.setdefault(word.word, word.kind)
    return [(word, kinds[word], count) for word, count in counts.items()]
