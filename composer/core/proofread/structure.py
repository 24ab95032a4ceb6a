"""The structural checks and the placeholder check that ``check`` always had.

The findings and messages are those of the first ``checks.py``: a heading that is the only one
at its level, a section with no text, a heading without text, a number typed into a heading, an
empty paragraph, a missing title, unfilled placeholders.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..numbering import sibling_numbers
from ..speech import Section, Speech
from .finding import Hit, Location
from .ordinals import typed_marker
from .units import HEADING, PARAGRAPH, Context, Unit

# Placeholders left from templates and 范文: 20xx年, xx大, ×××同志, ＿＿, ***, ○○, □□.
# A run of x is only a placeholder when it is not part of a Latin word (Xbox, Linux).
PLACEHOLDER = re.compile(
    r"20[xX]{2}|(?<![A-Za-z])[xX]{2,}(?![A-Za-z])|×{2,}|＿{2,}|_{2,}|\*{3,}|＊{2,}|○{2,}|□{2,}")
# 二○○八年 is a year with the wrong zero (number.year-zero), not a placeholder.
_CHINESE_YEAR = re.compile("[一二三四五六七八九〇零0○]{4}年")


def hits(unit: Unit, ctx: Context) -> Iterator[Hit]:
    text = unit.text
    if unit.kind == PARAGRAPH and not text.strip():
        yield Hit("structure.empty-paragraph", 0, 0, "空段落。", "Empty paragraph.", None)
    if unit.kind == HEADING:
        if not text.strip():
            yield Hit("structure.empty-heading", 0, 0, "标题没有文字。", "The heading has no text.")
        marker = typed_marker(text)
        if marker is not None:
            number = text[marker.start:marker.end]
            yield Hit("structure.typed-number", 0, marker.text_start,
                      f"标题里手写了编号“{number}”，导出时会与自动编号重复。",
                      f"The heading starts with a typed number {number!r}; export numbers it again.",
                      "")
    years = None
    for m in PLACEHOLDER.finditer(text):
        if m.group()[0] == "○":
            if years is None:
                years = [y.span() for y in _CHINESE_YEAR.finditer(text)]
            if any(a <= m.start() < b for a, b in years):
                continue
        yield Hit("placeholder.unfilled", m.start(), m.end(), f"有未填写的占位符“{m.group()}”。",
                  f"Unfilled placeholder {m.group()!r}.")


def speech_findings(speech: Speech, markers: dict[str, str]
                    ) -> Iterator[tuple[str, Location, str, str]]:
    """(rule, location, zh, en) of the checks on the whole tree."""
    if not speech.title.strip():
        yield ("structure.missing-title", Location("title"), "缺少标题。", "The speech has no title.")

    def lone(siblings: list[Section], parent_level: int) -> Iterator[tuple[str, Location, str, str]]:
        # Numbered as numbering.py numbers them: siblings are nearly always of one level, and
        # then this is "the only child"; a list of another level among them is a list of its own.
        if len(siblings) == 1:
            alone = siblings
        else:
            numbers = sibling_numbers(siblings, parent_level)
            alone = [s for i, (s, (level, number)) in enumerate(zip(siblings, numbers))
                     if number == 1 and (level, 2) not in _run_after(numbers, i, level)]
        for only in alone:
            first = markers[only.id]
            second = first.replace("一", "二").replace("1", "2")
            yield ("structure.lone-subsection", Location(only.id),
                   f"只有{first}，没有{second}：只有一项时不必分项。",
                   f"{first} has no {second}: a single item needs no numbering.")

    yield from lone(speech.body, 0)
    for section, level in speech.walk():
        yield from lone(section.children, level)
        if not any(p.strip() for p in section.paragraphs) and not section.children:
            yield ("structure.empty-section", Location(section.id), "这一部分没有正文。",
                   "This section has no text under it.")


def _run_after(numbers: list[tuple[int, int]], start: int, level: int) -> list[tuple[int, int]]:
    """The (level, number) of the siblings after ``start`` until one of a higher level (which
    ends the list of ``level``)."""
    run = []
    for entry in numbers[start + 1:]:
        if entry[0] < level:
            break
        run.append(entry)
    return run
