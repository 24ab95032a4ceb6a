"""What a printed speech consists of: one list of blocks, in reading order, each with its role.

This is the one place that decides which blocks a speech has and in which order
(official-format.md §5): title, subtitle 「——……」, speaker line, date line 「（2024年3月15日）」,
one blank line, salutation, opening, the numbered sections, closing.  Every output is drawn from
it: the .docx writer, the printed and PDF pages, and the print preview.  So a rule about what is
printed (a run-in heading becomes a sentence, blank paragraphs are left out, the date is written
out as the profile says) is written once, here, and no output can disagree with another.

Each block also says where its text came from in the speech (``Source``), so a view of the pages
can lead back to the paragraph a writer wants to edit.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..core.numbering import outline_markers
from ..core.speech import CLOSING, OPENING, Section, Speech
from .date_line import date_line
from .profiles import Profile

# Block roles.  HEADING blocks carry their level (1–4); a run-in heading is a PARAGRAPH block
# whose ``lead`` (marker and heading sentence) takes the level's font.
TITLE, SUBTITLE, SPEAKER, DATE, BLANK, SALUTATION = (
    "title", "subtitle", "speaker", "date", "blank", "salutation")
OPENING_PARAGRAPH, HEADING, PARAGRAPH, CLOSING_PARAGRAPH = "opening", "heading", "paragraph", "closing"

SUBTITLE_DASH = "——"
_SENTENCE_END = "。！？!?…"
_CLOSERS = "”’」』）)》】"
_WEAK_END = "，、；：,;:"
# Whitespace a writer may have typed around a paragraph, including the ideographic space U+3000
# that pasted text uses for indentation (the style indents; typed spaces would double it).
SPACES = " \t\r\n\u3000\u00a0"


@dataclass(frozen=True)
class Source:
    """Where a block's text lives in the speech.

    ``container`` is a head field name ("title", "date" …), OPENING, CLOSING or a section id;
    ``index`` is the paragraph's index in that container, or -1 for a head field or a heading.
    """
    container: str
    index: int = -1


@dataclass(frozen=True)
class Block:
    role: str
    text: str                   # everything the block prints, numbers included
    level: int = 0              # 1–4 for a heading, or a paragraph that starts with a run-in heading
    lead: str = ""              # the run-in part of ``text`` (its start), printed in the level's font
    source: Source | None = None
    # The heading's own source when a run-in heading starts this paragraph block.
    heading_source: Source | None = None

    @property
    def rest(self) -> str:
        """The text after the run-in lead (all of it for other blocks)."""
        return self.text[len(self.lead):]


def subtitle_text(subtitle: str) -> str:
    """A subtitle line starts with 「——」, however the writer typed the dash (or did not)."""
    text = subtitle.strip(SPACES).lstrip("—-－–―~～ ")
    return SUBTITLE_DASH + text


def run_in_heading_text(heading: str) -> str:
    """A run-in heading as a sentence: 「压实责任」 → 「压实责任。」.

    A heading that already ends a sentence (。！？… possibly before a closing quote) is kept;
    a trailing comma, enumeration comma, semicolon or colon is replaced by 。.
    """
    text = heading.rstrip(SPACES)
    if not text:
        return ""
    if text.rstrip(_CLOSERS)[-1:] in tuple(_SENTENCE_END):
        return text
    return text.rstrip(_WEAK_END) + "。"


def _paragraphs(paragraphs: list[str], container: str) -> Iterator[tuple[str, Source]]:
    """Paragraphs as they are printed: trimmed, blank ones left out, with their source."""
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.strip(SPACES)
        if text:
            yield text, Source(container, index)


def head_blocks(speech: Speech, profile: Profile) -> list[Block]:
    """Title, subtitle, speaker and date lines, the blank line after them, and the salutation."""
    blocks = []
    title = speech.title.strip(SPACES)
    if title:
        blocks.append(Block(TITLE, title, source=Source("title")))
    if speech.subtitle.strip(SPACES):
        blocks.append(Block(SUBTITLE, subtitle_text(speech.subtitle), source=Source("subtitle")))
    if speech.speaker.strip(SPACES):
        blocks.append(Block(SPEAKER, speech.speaker.strip(SPACES), source=Source("speaker")))
    if speech.date.strip(SPACES):
        blocks.append(Block(DATE, date_line(speech.date, profile.date_digits), source=Source("date")))
    if blocks:
        blocks.append(Block(BLANK, ""))    # the one blank line before the salutation
    if speech.salutation.strip(SPACES):
        blocks.append(Block(SALUTATION, speech.salutation.strip(SPACES), source=Source("salutation")))
    return blocks


def section_blocks(section: Section, level: int, marker: str) -> list[Block]:
    """One section's own blocks (not its subsections'): its heading and its paragraphs."""
    paragraphs = list(_paragraphs(section.paragraphs, section.id))
    heading = section.heading.strip(SPACES)
    heading_source = Source(section.id)
    blocks = []
    if section.run_in:
        # 「（一）压实责任。正文……」: marker and heading sentence in the level's font, the rest in
        # the body font, all in one body paragraph.
        lead = marker + run_in_heading_text(heading)
        if paragraphs:
            text, source = paragraphs.pop(0)
            blocks.append(Block(PARAGRAPH, lead + text, level, lead, source, heading_source))
        else:
            blocks.append(Block(PARAGRAPH, lead, level, lead, None, heading_source))
    else:
        blocks.append(Block(HEADING, marker + heading, level, source=heading_source))
    blocks.extend(Block(PARAGRAPH, text, source=source) for text, source in paragraphs)
    return blocks


def section_size(section: Section) -> int:
    """Characters in a section and its subsections: the measure of progress."""
    return sum(len(s.heading) + sum(len(p) for p in s.paragraphs) for s in section.walk())


def iter_blocks(speech: Speech, profile: Profile) -> Iterator[tuple[list[Block], float]]:
    """The speech's blocks in reading order, in batches, each with the fraction done after it.

    Batches are the head and opening, each level-1 section with everything under it, and the
    closing, so that a long export can report progress.
    """
    first = head_blocks(speech, profile)
    first.extend(Block(OPENING_PARAGRAPH, text, source=source)
                 for text, source in _paragraphs(speech.opening, OPENING))
    yield first, 0.0
    markers = outline_markers(speech, profile.level3_style)
    total = sum(section_size(section) for section in speech.body) or 1
    done = 0
    for top in speech.body:
        batch: list[Block] = []
        stack = [(top, 1)]
        while stack:
            section, level = stack.pop()
            batch.extend(section_blocks(section, level, markers[section.id]))
            stack.extend((child, level + 1) for child in reversed(section.children))
        done += section_size(top)
        yield batch, done / total
    yield ([Block(CLOSING_PARAGRAPH, text, source=source)
            for text, source in _paragraphs(speech.closing, CLOSING)], 1.0)


def speech_blocks(speech: Speech, profile: Profile) -> list[Block]:
    """Every block of the printed speech, in reading order."""
    return [block for batch, _ in iter_blocks(speech, profile) for block in batch]
