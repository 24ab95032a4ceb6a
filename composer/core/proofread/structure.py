"""The structural checks and the placeholder check that ``check`` always had.

The findings and messages are those of the first ``checks.py``: a heading that is the only one
at its level, a section with no text, a heading without text, a number typed into a heading, an
empty paragraph, a missing title, unfilled placeholders.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..speech import Speech
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


def lacks_title(speech: Speech) -> bool:
    """No title, in a speech that holds some text: a speech just begun (新建, nothing written
    yet) is not told off for it."""
    if speech.title.strip():
        return False
    return any(t.strip() for t in (*speech.opening, *speech.closing)) or any(
        section.heading.strip() or any(p.strip() for p in section.paragraphs)
        for section, _level in speech.walk())


def speech_findings(speech: Speech, markers: dict[str, str]
                    ) -> Iterator[tuple[str, Location, str, str]]:
    """(rule, location, zh, en) of the checks on the whole tree."""
    if lacks_title(speech):
        yield ("structure.missing-title", Location("title"), "缺少标题。", "The speech has no title.")

    # A heading alone in its list: the list of a level runs, in reading order, until a heading
    # of a higher level (numbering.py counts it so).  Where no level is skipped, that is a
    # section that is the only child of its parent (or the only level-1 section).
    alone: list[str] = []
    runs: dict[int, list] = {}               # level → [its first section's id, headings so far]

    def close(deeper_than: int) -> None:
        for level in [k for k in runs if k > deeper_than]:
            first, count = runs.pop(level)
            if count == 1:
                alone.append(first)

    for section, level in speech.walk():
        close(level)
        if level in runs:
            runs[level][1] += 1
        else:
            runs[level] = [section.id, 1]
    close(0)
    for section_id in alone:
        first = markers[section_id]
        second = first.replace("一", "二").replace("1", "2")
        yield ("structure.lone-subsection", Location(section_id),
               f"只有{first}，没有{second}：只有一项时不必分项。",
               f"{first} has no {second}: a single item needs no numbering.")

    for section, _level in speech.walk():
        if not any(p.strip() for p in section.paragraphs) and not section.children:
            yield ("structure.empty-section", Location(section.id), "这一部分没有正文。",
                   "This section has no text under it.")

