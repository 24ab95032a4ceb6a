"""Character counts and speaking time, counted the way Chinese writers count.

The count (字数) follows Word's and WPS's 字数 for Chinese text, which is what writers are asked
for ("一篇三千字的讲话稿"):

* every Han character counts 1 (汉字, including 〇);
* every punctuation mark counts 1 — full-width ，。、；：？！“”《》（）…… and half-width ones alike;
* a run of Latin letters and/or digits counts 1 as a word ("GDP", "2024", "5G" are one each);
* whitespace never counts.

The whole speech as exported is counted: head lines, salutation, opening, headings with their
numbers, paragraphs, closing.  Speaking time covers what the speaker reads out — everything but
the title, subtitle, speaker and date lines — at a rate in 字 per minute (default 180: published
figures put a read-out speech at 150–200).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from .numbering import outline_markers
from .speech import Section, Speech

DEFAULT_RATE = 180
MIN_RATE, MAX_RATE = 60, 600

_HAN = re.compile(
    "[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff\U00030000-\U0003ffff]")
_WORD = re.compile(r"[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")


@dataclass
class Count:
    han: int = 0
    punctuation: int = 0
    words: int = 0  # runs of Latin letters / digits

    @property
    def total(self) -> int:
        return self.han + self.punctuation + self.words

    def __add__(self, other: Count) -> Count:
        return Count(self.han + other.han, self.punctuation + other.punctuation,
                     self.words + other.words)


def count_text(text: str) -> Count:
    han = len(_HAN.findall(text))
    words = _WORD.findall(text)
    rest = _WORD.sub("", _HAN.sub("", text))
    punctuation = sum(1 for ch in rest if not ch.isspace() and _is_counted_symbol(ch))
    return Count(han, punctuation, len(words))


def _is_counted_symbol(ch: str) -> bool:
    """Punctuation and symbols (％, ×, №, letters of other scripts) each count 1."""
    return unicodedata.category(ch)[0] in "PSLN"


def seconds_for(characters: int, rate: int = DEFAULT_RATE) -> int:
    """Speaking time in whole seconds for a number of characters at a rate per minute."""
    return round(characters * 60 / rate)


def format_duration(seconds: int, english: bool = False) -> str:
    """「12分30秒」 or "12 min 30 s"."""
    minutes, rest = divmod(seconds, 60)
    if english:
        return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"
    return f"{minutes}分{rest:02d}秒" if minutes else f"{rest}秒"


@dataclass
class SectionStats:
    section_id: str
    level: int
    marker: str
    heading: str
    own: Count            # heading with its number, and its paragraphs
    total: Count          # with all sub-sections
    seconds: int          # speaking time of the total


@dataclass
class SpeechStats:
    rate: int
    head: Count           # title, subtitle, speaker, date lines (not spoken)
    spoken: Count         # salutation, opening, body, closing
    opening: Count        # salutation and opening paragraphs
    closing: Count
    sections: list[SectionStats] = field(default_factory=list)

    @property
    def total(self) -> Count:
        return self.head + self.spoken

    @property
    def seconds(self) -> int:
        return seconds_for(self.spoken.total, self.rate)

    def section(self, section_id: str) -> SectionStats | None:
        return next((s for s in self.sections if s.section_id == section_id), None)


def speech_stats(speech: Speech, rate: int = DEFAULT_RATE, level3_style: str = "1.",
                 count: Callable[[str], Count] = count_text) -> SpeechStats:
    """The counts of a speech.  ``count`` counts one text; the window passes a memo of
    ``count_text`` (a section's text rarely changes between two calls) so that the counts of a
    long speech follow each keystroke cheaply."""
    if not MIN_RATE <= rate <= MAX_RATE:
        raise ValueError(f"rate must be {MIN_RATE}–{MAX_RATE} characters a minute")
    markers = outline_markers(speech, level3_style)
    head = count("".join([speech.title, speech.subtitle, speech.speaker, speech.date]))
    opening = count(speech.salutation + "".join(speech.opening))
    closing = count("".join(speech.closing))
    rows: list[SectionStats] = []

    def visit(section: Section, level: int) -> Count:
        own = count(markers[section.id] + section.heading + "".join(section.paragraphs))
        row = SectionStats(section.id, level, markers[section.id], section.heading, own, own, 0)
        rows.append(row)
        total = own
        for child in section.children:
            total = total + visit(child, level + 1)
        row.total = total
        row.seconds = seconds_for(total.total, rate)
        return total

    body = Count()
    for section in speech.body:
        body = body + visit(section, 1)
    return SpeechStats(rate, head, opening + body + closing, opening, closing, rows)


def display_width(text: str) -> int:
    """Columns a text takes in a terminal (CJK characters are two columns wide)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
