"""Outline numbers 一、（一）1.（1）: computed from position, never stored.

Formatting lives here; recognising markers in existing text (for the importer) is in ``markers.py``.
"""

from __future__ import annotations

from functools import lru_cache

from .speech import Speech

DIGITS = "零一二三四五六七八九"
LEVEL3_STYLES = ("1.", "1、")


def chinese_numeral(n: int) -> str:
    """Chinese numerals as used in outlines: 1→一, 10→十, 11→十一, 20→二十, 105→一百零五.

    Numbers from 10 to 19 drop the leading 一 (十一, not 一十一), as in 第十一; inside larger
    numbers the 一 stays (一百一十).
    """
    if not 0 < n < 100000:
        raise ValueError(f"outline numbers run from 1 to 99999, got {n}")
    units = ((10000, "万"), (1000, "千"), (100, "百"), (10, "十"))
    out = []
    pending_zero = False
    rest = n
    for value, name in units:
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
    if 10 <= n < 20:
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
    """Section id → its marker, numbering restarting under each parent."""
    markers: dict[str, str] = {}
    stack = [(speech.body, 1)]
    while stack:
        siblings, level = stack.pop()
        for number, section in enumerate(siblings, start=1):
            markers[section.id] = marker(level, number, level3_style)
            if section.children:
                stack.append((section.children, level + 1))
    return markers
