"""数字: numbers as GB/T 15835-2011 wants them.

* dates in Arabic digits carry no leading zeros (2024年3月5日, not 2024年03月05日);
* digits are half-width (2024, not ２０２４);
* one number is written either in Arabic or in Chinese numerals, except that 万 and 亿 may
  follow Arabic digits (3000万, 1.2亿) — 3千 and 5百万 mix the two;
* a year in Chinese numerals writes its zero 〇 (二〇二四年), not 0, 零, O or ○.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Hit
from .units import Context, Unit

_LEADING_ZERO = re.compile(r"(?<![0-9])(?:(\d{2,4})年)?(0?\d{1,2})月(0?\d{1,2})[日号]"
                           r"|(?<![0-9])(\d{2,4})年(0\d)月")
_FULLWIDTH = re.compile("[０-９]+(?:[．.][０-９]+)?")
_FULL_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
# 3千 / 5百 / 2十: Arabic digits before 十百千 (千米 千克 千瓦 千伏 百分点 are units, not numerals).
_MIXED = re.compile(r"(?<![0-9.])\d+(?:\.\d+)?[十百千](?![米克瓦伏焦帕赫卡字兆分])")
# A Chinese-numeral year with a wrong zero, or an Arabic year with 〇 in it.
_CHINESE_YEAR = re.compile("(?<![一二三四五六七八九〇零0OoΟ○])[一二三四五六七八九〇零0OoΟ○]{4}(?=年)")
_ARABIC_YEAR = re.compile("(?<![0-9〇])[0-9〇]{4}(?=年)")
# What each wrong zero is, since ○ O Ο look like 〇 on screen and the message must tell them apart.
_ZERO_NAMES = {"0": ("阿拉伯数字", "an Arabic digit"), "零": ("汉字“零”", "the character 零"),
               "O": ("拉丁字母", "a Latin letter"), "o": ("拉丁字母", "a Latin letter"),
               "Ο": ("希腊字母", "a Greek letter"), "○": ("圆圈符号", "a circle sign")}
_ZEROS = str.maketrans({"0": "〇", "零": "〇", "O": "〇", "o": "〇", "Ο": "〇", "○": "〇"})


def hits(unit: Unit, ctx: Context) -> Iterator[Hit]:
    text = unit.text
    if not any(ch.isdigit() or ch in "〇零○OoΟ十百千" for ch in text):
        return
    for m in _LEADING_ZERO.finditer(text):
        date = m.group()
        fixed = re.sub(r"(?<![0-9])0(?=\d[月日号])", "", date)
        if fixed != date:
            yield Hit("number.leading-zero", m.start(), m.end(),
                      f"日期里的月、日不加 0：“{date}”应写作“{fixed}”。",
                      f"No leading zeros in dates: {date!r} is written {fixed!r}.", fixed)
    for m in _FULLWIDTH.finditer(text):
        fixed = m.group().translate(_FULL_DIGITS)
        yield Hit("number.fullwidth-digit", m.start(), m.end(),
                  f"数字用半角：“{m.group()}”应写作“{fixed}”。",
                  f"Digits are half-width: {m.group()!r} is written {fixed!r}.", fixed)
    for m in _MIXED.finditer(text):
        yield Hit("number.mixed", m.start(), m.end(),
                  f"“{m.group()}”混用阿拉伯数字和汉字：写作阿拉伯数字，或全部用汉字。",
                  f"{m.group()!r} mixes Arabic and Chinese numerals: write it in one of them.")
    for m in _CHINESE_YEAR.finditer(text):
        year = m.group()
        if not any(ch in "一二三四五六七八九" for ch in year) or ("〇" in year and \
                not any(ch in "0零OoΟ○" for ch in year)):
            continue
        fixed = year.translate(_ZEROS)
        if fixed != year:
            wrong = [ch for ch in dict.fromkeys(year) if ch in _ZERO_NAMES]
            zh = "，".join(f"“{ch}”是{_ZERO_NAMES[ch][0]}" for ch in wrong)
            en = ", ".join(f"{ch!r} is {_ZERO_NAMES[ch][1]}" for ch in wrong)
            yield Hit("number.year-zero", m.start(), m.end(),
                      f"汉字年份里的零写作“〇”：“{year}年”里{zh}，不是数字“〇”。",
                      f"A year in Chinese numerals writes its zero 〇 ({fixed}年): {en}.", fixed)
    for m in _ARABIC_YEAR.finditer(text):
        year = m.group()
        if "〇" in year and any(ch.isdigit() for ch in year):
            fixed = year.replace("〇", "0")
            yield Hit("number.year-zero", m.start(), m.end(),
                      f"阿拉伯数字年份里混入了“〇”：应写作“{fixed}年”。",
                      f"An Arabic year with 〇 in it: {fixed}年.", fixed)
