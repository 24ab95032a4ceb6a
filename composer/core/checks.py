"""Preflight checks before a speech is handed in: structure and unfilled placeholders.

Each problem names where it is (the numbered heading, or 开头/结尾, and the paragraph) so the
writer can find it, and carries the text around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .i18n import pick
from .markers import parse_marker
from .numbering import outline_markers
from .speech import CLOSING, HEAD_FIELDS, OPENING, Section, Speech

# Placeholders left from templates and 范文: 20xx年, xx大, ×××同志, ＿＿, ***, ○○, □□.
# A run of x is only a placeholder when it is not part of a Latin word (Xbox, Linux).
PLACEHOLDER = re.compile(
    r"20[xX]{2}|(?<![A-Za-z])[xX]{2,}(?![A-Za-z])|×{2,}|＿{2,}|_{2,}|\*{3,}|＊{2,}|○{2,}|□{2,}")

_HEAD_NAMES = {"title": ("标题", "title"), "subtitle": ("副标题", "subtitle"),
               "speaker": ("讲话人", "speaker line"), "date": ("日期", "date line"),
               "salutation": ("称呼", "salutation")}


@dataclass
class Problem:
    code: str   # lone_subsection, empty_section, empty_heading, typed_number, empty_paragraph, placeholder, …
    zh: str
    en: str
    where_zh: str
    where_en: str
    section_id: str | None = None
    container: str | None = None     # OPENING, CLOSING, a section id, or a head field name
    paragraph: int | None = None
    excerpt: str = ""

    @property
    def message(self) -> str:
        return pick(self.zh, self.en)

    @property
    def where(self) -> str:
        return pick(self.where_zh, self.where_en)


def _short(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _excerpt(text: str, start: int, end: int, context: int = 10) -> str:
    left = max(0, start - context)
    right = min(len(text), end + context)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


def check_speech(speech: Speech, level3_style: str = "1.") -> list[Problem]:
    markers = outline_markers(speech, level3_style)
    problems: list[Problem] = []

    def label(section: Section) -> tuple[str, str]:
        text = markers[section.id] + _short(section.heading)
        return text, text

    # Structure -----------------------------------------------------------------------------
    if not speech.title.strip():
        problems.append(Problem("missing_title", "缺少标题。", "The speech has no title.",
                                "标题", "title", container="title"))

    def lone(siblings: list[Section], parent: Section | None) -> None:
        if len(siblings) != 1:
            return
        only = siblings[0]
        first = markers[only.id]
        second = first.replace("一", "二").replace("1", "2")
        where = label(parent) if parent else ("正文", "body")
        problems.append(Problem(
            "lone_subsection",
            f"只有{first}，没有{second}：只有一项时不必分项。",
            f"{first} has no {second}: a single item needs no numbering.",
            *where, section_id=only.id))

    lone(speech.body, None)
    for section, _level in speech.walk():
        lone(section.children, section)
        where = label(section)
        if not section.heading.strip():
            problems.append(Problem("empty_heading", "标题没有文字。", "The heading has no text.",
                                    *where, section_id=section.id))
        typed = parse_marker(section.heading)
        if typed is not None:
            number = section.heading[:len(section.heading) - len(typed.rest)].strip()
            problems.append(Problem(
                "typed_number", f"标题里手写了编号“{number}”，导出时会与自动编号重复。",
                f"The heading starts with a typed number {number!r}; export numbers it again.",
                *where, section_id=section.id))
        if not any(p.strip() for p in section.paragraphs) and not section.children:
            problems.append(Problem("empty_section", "这一部分没有正文。",
                                    "This section has no text under it.",
                                    *where, section_id=section.id))

    # Paragraphs and placeholders -----------------------------------------------------------
    def scan(text: str, where: tuple[str, str], section_id: str | None, container: str,
             paragraph: int | None) -> None:
        for match in PLACEHOLDER.finditer(text):
            problems.append(Problem(
                "placeholder", f"有未填写的占位符“{match.group()}”。",
                f"Unfilled placeholder {match.group()!r}.", *where, section_id=section_id,
                container=container, paragraph=paragraph,
                excerpt=_excerpt(text, match.start(), match.end())))

    def paragraphs(texts: list[str], where: tuple[str, str], section_id: str | None,
                   container: str) -> None:
        for i, text in enumerate(texts):
            at = (f"{where[0]} 第{i + 1}段", f"{where[1]}, paragraph {i + 1}")
            if not text.strip():
                problems.append(Problem("empty_paragraph", "空段落。", "Empty paragraph.", *at,
                                        section_id=section_id, container=container, paragraph=i))
            scan(text, at, section_id, container, i)

    for name in HEAD_FIELDS:
        scan(getattr(speech, name), _HEAD_NAMES[name], None, name, None)
    paragraphs(speech.opening, ("开头", "opening"), None, OPENING)
    for section, _level in speech.walk():
        where = label(section)
        scan(section.heading, where, section.id, section.id, None)
        paragraphs(section.paragraphs, where, section.id, section.id)
    paragraphs(speech.closing, ("结尾", "closing"), None, CLOSING)
    return problems
