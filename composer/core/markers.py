"""Recognising outline markers (一、（一）1.（1）) in existing text, for the importer.

Formatting the markers is ``numbering.py``'s job; this module reads them back, in all the ways
real documents write them:

=======  =========================================================================
level 1  一、  十一、   (also 一．/一. — some offices and web pages write a full stop; and
         一 followed by a space, as printed collections set their part headings: 「一　调查的技术」)
level 2  （一） (一) （一）、  — full- or half-width brackets, spaces inside or after
level 3  1、 1. 1． １． １、 — ASCII or full-width digits; never 1.5 (a decimal)
level 4  （1） (1) （１）   — and the circled ① … ⑳ some writers use at this level
=======  =========================================================================

The in-paragraph enumerations 一是/二是, 一要/二要, 第一/第二, 首先/其次 are body text, not
headings: none of them carries a marker, so none of them is recognised here.  A marker must be
followed by text that is not itself a marker (「一、二、三等奖」 is a sentence, not a heading, nor
is 「1、2、3」), but the text may start with a digit or a Latin letter: 「一、2025年工作回顾」
「（二）5G网络建设」「1.2026年重点」 are headings (a decimal such as 1.5 is never a marker).

``bare_numeral`` recognises a line that is nothing but a numeral (「一」「十二」), the heading of a
part in printed collections and in documents converted from them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .numbering import DIGITS

# Level-1 markers are Chinese numerals; 〇 and 两 are never used to count headings.
_NUMERAL_CHARS = "零一二三四五六七八九十百千万"
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_SPACE = r"[ \t\u00a0\u3000]"

_LEVEL1 = re.compile(rf"([{_NUMERAL_CHARS}]{{1,6}})(?:{_SPACE}*[、．.]|{_SPACE}+(?=[^\s0-9０-９]))")
_LEVEL2 = re.compile(rf"[（(]{_SPACE}*([{_NUMERAL_CHARS}]{{1,6}}){_SPACE}*[）)]{_SPACE}*[、．.]?")
_LEVEL3 = re.compile(rf"([0-9０-９]{{1,3}}){_SPACE}*(?:[、．]|\.(?![0-9０-９]))")
_LEVEL4 = re.compile(rf"[（(]{_SPACE}*([0-9０-９]{{1,3}}){_SPACE}*[）)]{_SPACE}*[、．.]?|([{_CIRCLED}])")
_PATTERNS = ((1, _LEVEL1), (2, _LEVEL2), (3, _LEVEL3), (4, _LEVEL4))
_FIRST = set(_NUMERAL_CHARS + "（(0123456789０１２３４５６７８９" + _CIRCLED)

# What may not follow a marker for it to be a heading: another marker of an enumeration
# (一、二、三等奖, 1、2、3), a percent sign, or nothing at all.
_NOT_A_HEADING_AFTER = re.compile(
    rf"^(?:[{_NUMERAL_CHARS}]{{1,3}}[、，,]|[0-9０-９]{{1,3}}[、，,．.]|[0-9０-９]*[%％])")
_BARE_NUMERAL = re.compile(rf"^{_SPACE}*([{_NUMERAL_CHARS}]{{1,3}}){_SPACE}*$")

_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_DIGIT_VALUES = {ch: value for value, ch in enumerate(DIGITS)}


class Marker(NamedTuple):
    """A heading marker found at the start of a line."""
    level: int        # 1 一、  2 （一）  3 1.  4 （1）
    number: int       # 1-based
    rest: str         # the text after the marker, leading spaces removed


def parse_chinese_numeral(text: str) -> int:
    """一 → 1, 十 → 10, 十一 → 11, 二十 → 20, 一百零五 → 105, 一万零一 → 10001.

    Reads what ``numbering.chinese_numeral`` writes, and also 一十一 (as in 一百一十一).
    Raises ValueError for anything that is not a Chinese numeral from 1 to 99999.
    """
    if not text or any(ch not in _DIGIT_VALUES and ch not in _UNITS for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    total = 0
    digit: int | None = None      # a digit waiting for its unit
    zero = False                  # a 零 was just read (it only stands between two units)
    last_unit = 100000
    for ch in text:
        if ch == "零":
            if zero or digit is not None or last_unit == 100000:
                raise ValueError(f"misplaced 零 in {text!r}")
            zero = True
        elif ch in _DIGIT_VALUES:
            if digit is not None:
                raise ValueError(f"two digits in a row in {text!r}")
            digit = _DIGIT_VALUES[ch]
            zero = False
        else:
            unit = _UNITS[ch]
            if unit >= last_unit:
                raise ValueError(f"units out of order in {text!r}")
            total += (1 if digit is None else digit) * unit
            last_unit, digit, zero = unit, None, False
    if zero:
        raise ValueError(f"trailing 零 in {text!r}")
    total += digit or 0
    if not 0 < total < 100000:
        raise ValueError(f"not a Chinese numeral from 1 to 99999: {text!r}")
    return total


def parse_marker(line: str) -> Marker | None:
    """The heading marker at the start of a line as (level, number, rest), or None.

    Leading whitespace (including the ideographic space U+3000 used for indents) is ignored.
    """
    found = match_marker(line)
    return found[0] if found else None


def match_marker(line: str, start: int = 0) -> tuple[Marker, int] | None:
    """Like ``parse_marker`` for the text at ``line[start:]``, also giving where the heading
    text begins (an index into ``line``)."""
    while start < len(line) and line[start] in " \t\u00a0\u3000":
        start += 1
    if start >= len(line):
        return None
    first = line[start]
    if first not in _FIRST:
        return None
    for level, pattern in _PATTERNS:
        if level in (2, 4) and first not in "（(" + _CIRCLED:
            continue
        if level in (1, 3) and first in "（(":
            continue
        match = pattern.match(line, start)
        if not match:
            continue
        number = _number(level, match)
        if number is None:
            continue
        end = match.end()
        while end < len(line) and line[end] in " \t\u00a0\u3000":
            end += 1
        rest = line[end:]
        if not rest or _NOT_A_HEADING_AFTER.match(rest):
            return None
        return Marker(level, number, rest), end
    return None


def bare_numeral(line: str) -> int | None:
    """The number of a line that is only a Chinese numeral (「三」 → 3), else None."""
    match = _BARE_NUMERAL.match(line)
    if not match:
        return None
    try:
        number = parse_chinese_numeral(match.group(1))
    except ValueError:
        return None
    return number if number <= 99 else None


def _number(level: int, match: re.Match) -> int | None:
    if level in (1, 2):
        try:
            number = parse_chinese_numeral(match.group(1))
        except ValueError:
            return None
        return number if number <= 999 else None
    if level == 4 and match.group(2):
        return _CIRCLED.index(match.group(2)) + 1
    number = int(match.group(1).translate(_FULL_WIDTH_DIGITS))
    return number if number >= 1 else None
