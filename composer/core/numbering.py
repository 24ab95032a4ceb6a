"""Outline numbers 一、（一）1.（1）: computed from position and level, never stored.

A heading's marker is its level's style (``marker``: 一、 at level 1, （一） at 2, 1. at 3, （1） at
4), so a section that skips a level (``Section.skip``) is numbered in the style of the level it
is at: a 1. list straight under 一、 goes 1. 2. 3.

A heading's number counts the headings of its level since the last heading of a higher level,
in reading order — as a reader counts them on the page.  Where no level is skipped this is
"numbering restarts under each parent and counts the siblings": the last higher heading before
a section is its parent, and the headings of its level since then are its earlier siblings.
Where levels are skipped it still numbers what the page shows: the outermost （一）（二） of a
speech that has no 一、 count on across the speech, and in 「一、 1. 2. （一） 1.」 the 1. after
（一） is the first item under （一）.

Formatting lives here; recognising markers in existing text (for the importer) is in ``markers.py``.
"""

from __future__ import annotations

from functools import lru_cache

from .speech import MAX_LEVEL, Speech

DIGITS = "零一二三四五六七八九"
LEVEL3_STYLES = ("1.", "1、")


def chinese_numeral(n: int) -> str:
    """Chinese numerals as used in outlines: 1→一, 10→十, 11→十一, 20→二十, 105→一百零五,
    100000→十万, 1000001→一百万零一, 100000000→一亿.

    Numbers from 10 to 19 drop the leading 一 (十一, not 一十一), as in 第十一, and so does
    the leading group of a larger number (十万, 十一万); inside larger numbers the 一 stays
    (一百一十).  Above 9999 the number is read in 万 and 亿 (10^4, 10^8: 一万零一亿 is 10001 亿),
    with one 零 for a gap of zeros.  Any positive number has a numeral: a speech of
    100,000 sections is absurd, but numbering it must not fail.
    """
    if n <= 0:
        raise ValueError(f"outline numbers start at 1, got {n}")
    return _numeral(n, leading=True)


def _numeral(n: int, leading: bool) -> str:
    if n < 10000:
        return _below_10000(n, leading)
    for unit, name in ((10**8, "亿"), (10**4, "万")):
        if n >= unit:
            high, low = divmod(n, unit)
            text = _numeral(high, leading) + name
            if low:
                # A gap of zeros before the rest is read as one 零: 一万零一, 一亿零一百万.
                text += ("零" if low < unit // 10 else "") + _numeral(low, leading=False)
            return text
    raise AssertionError("unreachable")


def _below_10000(n: int, leading: bool) -> str:
    out = []
    pending_zero = False
    rest = n
    for value, name in ((1000, "千"), (100, "百"), (10, "十")):
        digit, rest = divmod(rest, value)
        if digit:
            if pending_zero:
                out.append("零")
                pending_zero = False
            out.append(DIGITS[digit] + name)
        elif out:
            pending_zero = True
    if rest:
        if pending_zero:
            out.append("零")
        out.append(DIGITS[rest])
    text = "".join(out)
    if leading and 10 <= n < 20:
        text = text[1:]  # 一十一 → 十一
    return text


@lru_cache(maxsize=4096)  # renumbering after every edit asks for the same few markers again
def marker(level: int, number: int, level3_style: str = "1.") -> str:
    """The outline marker for the number-th heading (1-based) at a level: 一、（一）1.（1）."""
    if level == 1:
        return chinese_numeral(number) + "、"
    if level == 2:
        return f"（{chinese_numeral(number)}）"
    if level == 3:
        if level3_style not in LEVEL3_STYLES:
            raise ValueError(f"level-3 style must be one of {LEVEL3_STYLES}, got {level3_style!r}")
        return f"{number}{level3_style[-1]}"
    if level == 4:
        return f"（{number}）"
    raise ValueError(f"outline levels run from 1 to 4, got {level}")


def outline_markers(speech: Speech, level3_style: str = "1.") -> dict[str, str]:
    """Section id → its marker (一、（一）1.（1）, numbered as the module notes say).

    A reading-order walk written out rather than over ``Speech.walk()``: the window renumbers
    after every edit."""
    markers: dict[str, str] = {}
    counts = [0] * (MAX_LEVEL + 2)
    last = 0                      # the level of the heading before: every deeper count is 0
    stack = [iter(speech.body)]
    parent_levels = [0]
    while stack:
        for section in stack[-1]:
            level = parent_levels[-1] + 1 + section.skip
            if last > level:
                for deeper in range(level + 1, last + 1):
                    counts[deeper] = 0
            last = level
            counts[level] += 1
            markers[section.id] = marker(level, counts[level], level3_style)
            if section.children:
                stack.append(iter(section.children))
                parent_levels.append(level)
                break
        else:
            stack.pop()
            parent_levels.pop()
    return markers
