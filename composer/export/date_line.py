"""The date line under a speech's title: 「（2024年3月15日）」 or 「（二〇二四年三月十五日）」.

Writers type dates in many ways (2024年3月15日, 2024-03-15, 2024.3.15, full-width digits,
二〇二四年三月十五日, with or without parentheses); the profile decides how the line shows it.
Text that is not a recognisable date (「20xx年x月x日」, 「2024年春」) is kept as typed, inside the
parentheses, so that a placeholder stays visible rather than being guessed at.
"""

from __future__ import annotations

import re

from ..core.numbering import chinese_numeral

_YEAR_DIGITS = "〇一二三四五六七八九"
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_NUMERAL = "〇零一二三四五六七八九十"

_ARABIC = re.compile(r"^(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})\s*日?$")
_CHINESE = re.compile(rf"^([{_NUMERAL}]{{4}})年([{_NUMERAL}]{{1,3}})月([{_NUMERAL}]{{1,3}})日$")
_PARENTHESES = "（()）"


def _small_chinese_number(text: str) -> int | None:
    """三 → 3, 十 → 10, 十五 → 15, 二十 → 20, 三十一 → 31."""
    values = {c: i for i, c in enumerate("零一二三四五六七八九")}
    values["〇"] = 0
    if "十" not in text:
        return values.get(text) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    high = values.get(tens, -1) if tens else 1
    low = values.get(units, -1) if units else 0
    return high * 10 + low if high >= 0 and low >= 0 else None


def parse_date(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) from the usual ways of writing a date, or None."""
    text = text.strip().strip(_PARENTHESES).strip().translate(_FULL_WIDTH)
    match = _ARABIC.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _CHINESE.match(text)
        if not match:
            return None
        year_text, month_text, day_text = match.groups()
        if any(c not in _YEAR_DIGITS + "零" for c in year_text):
            return None
        year = int("".join(str(_YEAR_DIGITS.index(c) if c != "零" else 0) for c in year_text))
        month_number = _small_chinese_number(month_text)
        day_number = _small_chinese_number(day_text)
        if month_number is None or day_number is None:
            return None
        month, day = month_number, day_number
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return year, month, day


def format_date(year: int, month: int, day: int, digits: str) -> str:
    if digits == "chinese":
        year_text = "".join(_YEAR_DIGITS[int(d)] for d in str(year))
        return f"{year_text}年{chinese_numeral(month)}月{chinese_numeral(day)}日"
    return f"{year}年{month}月{day}日"


def date_line(text: str, digits: str) -> str:
    """The date line's text in full-width parentheses, digits as the profile says."""
    parsed = parse_date(text)
    inner = format_date(*parsed, digits) if parsed else text.strip().strip(_PARENTHESES).strip()
    return f"（{inner}）"
