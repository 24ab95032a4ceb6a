"""What a printed speech consists of: one list of blocks, in reading order, each with its role.

This is the one place that decides which blocks a speech has and in which order
(official-format.md §5): title, subtitle 「——……」, speaker line, date line 「（2024年3月15日）」,
one blank line, salutation, opening, the numbered sections, closing.  Every output is drawn from
it: the .docx writer, the printed and PDF pages, and the print preview.  So a rule about what is
printed (a run-in heading becomes a sentence, blank paragraphs are left out, the date is written
out as the profile says) is written once, here, and no output can disagree with another.

Each block also says where its text came from in the speech (``Source``), so a view of the pages
can lead back to the paragraph a writer wants to edit.

Three copies are laid out here (``copy=``): the speech itself (FULL); the outline copy 提纲 for
approving the structure (OUTLINE: the head, a 「（提纲）」 line, every heading with its number;
OUTLINE_SENTENCES adds the first sentence of each section); the podium copy is the full speech
with the ``podium`` profile.

What every page engine must honour, from the blocks alone:

* ``Block.keep_with_next``: the block stays on the page of the block after it (a heading, the
  head lines, the 单位 line of the 落款 and the paragraph before the 落款).
* No single line of a paragraph alone at a page's top or foot (widow and orphan control): a
  page may end one or two lines early for that, or a few lines early to keep a heading with the
  first two lines of its text.  These are the only reasons a page may hold fewer lines than the
  grid gives (official-format.md §2).
* A TITLE block's text holds line breaks ("\n") where the title breaks (title_lines.py): each
  line is centred on a line of its own.
* SIGNATURE and SIGNATURE_DATE lines are right-aligned with ``right_indent_chars`` characters
  (of the role's size) between their end and the text block's right edge (GB/T 9704 §7.3.5).
* ``spoken_text(block)`` is what a block adds to the speaking time (the podium copy's page feet).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..core.numbering import outline_markers
from ..core.speech import CLOSING, OPENING, Section, Speech
from . import line_grid
from .date_line import date_line, format_date, parse_date
from .profiles import Profile
from .styles import heading_role
from .title_lines import title_lines

# Block roles.  HEADING blocks carry their level (1–4); a run-in heading is a PARAGRAPH block
# whose ``lead`` (marker and heading sentence) takes the level's font.
TITLE, SUBTITLE, SPEAKER, DATE, BLANK, SALUTATION = (
    "title", "subtitle", "speaker", "date", "blank", "salutation")
OPENING_PARAGRAPH, HEADING, PARAGRAPH, CLOSING_PARAGRAPH = "opening", "heading", "paragraph", "closing"
# The 落款 (an optional signature block at the end): the 单位 line and the date line.
SIGNATURE, SIGNATURE_DATE = "signature", "signature_date"
# The outline copy's 「（提纲）」 line under the title (printed in the date line's style).
LABEL = "label"

# Which copy of the speech to lay out.
FULL, OUTLINE, OUTLINE_SENTENCES = "full", "outline", "outline_sentences"
COPIES = (FULL, OUTLINE, OUTLINE_SENTENCES)
OUTLINE_LABEL = "（提纲）"

_SPOKEN_ROLES = {SALUTATION, OPENING_PARAGRAPH, HEADING, PARAGRAPH, CLOSING_PARAGRAPH}

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
    # Stays on the page of the next block (w:keepNext): headings, head lines, the 落款's 单位
    # line, and the paragraph (and blank line) before a 落款.
    keep_with_next: bool = False
    # SIGNATURE / SIGNATURE_DATE: right-aligned, this many characters in from the right edge.
    right_indent_chars: float = 0.0

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


def title_capacity(profile: Profile) -> float:
    """How many characters of the title's size a title line holds (20.3 for GB/T 9704)."""
    return line_grid.line_em(profile, "title")


def title_text(title: str, profile: Profile) -> str:
    """The title as printed: its lines joined by "\n" (the writer's breaks, then breaks
    between words for a part too long for one line: title_lines.py)."""
    return "\n".join(title_lines(title.strip(SPACES + "\n"), title_capacity(profile)))


def head_blocks(speech: Speech, profile: Profile, label: str = "") -> list[Block]:
    """Title, subtitle, speaker and date lines (and the outline copy's label), the blank line
    after them, and the salutation (not in an outline copy)."""
    blocks = []
    title = title_text(speech.title, profile)
    if title:
        blocks.append(Block(TITLE, title, source=Source("title"), keep_with_next=True))
    if label:
        blocks.append(Block(LABEL, label, keep_with_next=True))
    if speech.subtitle.strip(SPACES):
        blocks.append(Block(SUBTITLE, subtitle_text(speech.subtitle), source=Source("subtitle"),
                            keep_with_next=True))
    if speech.speaker.strip(SPACES):
        blocks.append(Block(SPEAKER, speech.speaker.strip(SPACES), source=Source("speaker"),
                            keep_with_next=True))
    if speech.date.strip(SPACES):
        blocks.append(Block(DATE, date_line(speech.date, profile.date_digits), source=Source("date"),
                            keep_with_next=True))
    if blocks:
        blocks.append(Block(BLANK, "", keep_with_next=True))   # the blank line before the text
    if speech.salutation.strip(SPACES) and not label:
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
        blocks.append(Block(HEADING, marker + heading, level, source=heading_source,
                            keep_with_next=True))
    blocks.extend(Block(PARAGRAPH, text, source=source) for text, source in paragraphs)
    return blocks


_FIRST_SENTENCE = re.compile(r"^.*?[。！？!?…]+[”’」』）)》]*")


def first_sentence(text: str) -> str:
    """A paragraph's first sentence (all of it when it has no sentence end)."""
    match = _FIRST_SENTENCE.match(text)
    return match.group() if match else text


def outline_section_blocks(section: Section, level: int, marker: str,
                           sentences: bool) -> list[Block]:
    """A section in the outline copy: its numbered heading (a run-in heading too), and with
    ``sentences`` the first sentence of its text."""
    blocks = [Block(HEADING, marker + section.heading.strip(SPACES), level,
                    source=Source(section.id), keep_with_next=True)]
    paragraphs = list(_paragraphs(section.paragraphs, section.id))
    if sentences and paragraphs:
        text, source = paragraphs[0]
        blocks.append(Block(PARAGRAPH, first_sentence(text), source=source))
    return blocks


def _outline_keeps(blocks: list[Block]) -> list[Block]:
    """In the outline copy a heading keeps with what it heads (its first sentence, or its first
    subsection), not with the next heading of its own level or above: the outline is a list,
    and a list item may end a page."""
    kept = []
    for block, after in zip(blocks, [*blocks[1:], None]):
        heads = after is not None and (after.role == PARAGRAPH or after.level > block.level)
        kept.append(replace(block, keep_with_next=heads) if block.role == HEADING else block)
    return kept


def signature_indents(profile: Profile, organization: str, date: str) -> tuple[float, float]:
    """Right indents, in characters, of the 单位 line and the date line (GB/T 9704 §7.3.5).

    unsealed (§7.3.5.2): the 单位 右空二字, the date's first character two characters right of
    the 单位's first; a date longer than that is 右空二字 and the 单位 moves left to keep the
    two characters.  sealed (§7.3.5.1): the date 右空四字, the 单位 centred over the date.
    """
    size = profile.role("signature").size_pt
    spacing = profile.text.character_spacing_pt
    # Widths in characters of the signature's size (as the indents are written).
    org = line_grid.text_pt(organization, size, spacing) / size if organization else 0.0
    day = line_grid.text_pt(date, size, spacing) / size if date else 0.0
    if profile.signature_style == "sealed":
        date_indent = 4.0
        return (max(0.0, date_indent + (day - org) / 2) if organization else 0.0), date_indent
    if not organization:
        return 0.0, 2.0
    org_indent, date_indent = 2.0, 2.0 + org - 2.0 - day
    if date and date_indent < 2.0:
        date_indent = 2.0
        org_indent = date_indent + day + 2.0 - org
    return org_indent, date_indent


def signature_date_text(speech: Speech, profile: Profile) -> str:
    """The 落款's date, written out as the profile says: its own date, or the speech's."""
    text = (speech.signature_date or "").strip(SPACES) or speech.date.strip(SPACES)
    parsed = parse_date(text)
    return format_date(*parsed, profile.date_digits) if parsed else text.strip("（()）")


def signature_blocks(speech: Speech, profile: Profile) -> list[Block]:
    """The 落款: one blank line, the 单位 line, the date line — or nothing without a 单位."""
    organization = (speech.signature or "").strip(SPACES)
    if not organization:
        return []
    date = signature_date_text(speech, profile)
    org_indent, date_indent = signature_indents(profile, organization, date)
    blocks = [Block(BLANK, "", keep_with_next=True),
              Block(SIGNATURE, organization, source=Source("signature"), keep_with_next=bool(date),
                    right_indent_chars=org_indent)]
    if date:
        blocks.append(Block(SIGNATURE_DATE, date, source=Source("signature_date"),
                            right_indent_chars=date_indent))
    return blocks


def spoken_text(block: Block) -> str:
    """What a block adds to the speaking time: the salutation, the text and headings; not the
    title, head lines, blank lines or the 落款."""
    return block.text if block.role in _SPOKEN_ROLES else ""


def section_size(section: Section) -> int:
    """Characters in a section and its subsections: the measure of progress."""
    return sum(len(s.heading) + sum(len(p) for p in s.paragraphs) for s in section.walk())


def iter_blocks(speech: Speech, profile: Profile,
                copy: str = FULL) -> Iterator[tuple[list[Block], float]]:
    """The speech's blocks in reading order, in batches, each with the fraction done after it.

    Batches are the head and opening, each level-1 section with everything under it, and the
    closing with the 落款, so that a long export can report progress.  ``copy`` is FULL,
    OUTLINE or OUTLINE_SENTENCES.
    """
    if copy not in COPIES:
        raise ValueError(f"copy must be one of {COPIES}")
    outline = copy != FULL
    first = head_blocks(speech, profile, OUTLINE_LABEL if outline else "")
    if not outline:
        first.extend(Block(OPENING_PARAGRAPH, text, source=source)
                     for text, source in _paragraphs(speech.opening, OPENING))
    yield first, 0.0
    markers = outline_markers(speech, profile.level3_style)
    total = sum(section_size(section) for section in speech.body) or 1
    done = 0
    for top in speech.body:
        batch: list[Block] = []
        stack = [(top, 1 + top.skip)]    # a section's level: its parent's + 1 + its skip
        while stack:
            section, level = stack.pop()
            if outline:
                batch.extend(outline_section_blocks(section, level, markers[section.id],
                                                    copy == OUTLINE_SENTENCES))
            else:
                batch.extend(section_blocks(section, level, markers[section.id]))
            stack.extend((child, level + 1 + child.skip) for child in reversed(section.children))
        done += section_size(top)
        if outline:
            batch = _outline_keeps(batch)
        yield batch, done / total
    if outline:
        yield [], 1.0
        return
    last = [Block(CLOSING_PARAGRAPH, text, source=source)
            for text, source in _paragraphs(speech.closing, CLOSING)]
    signature = signature_blocks(speech, profile)
    if signature and last:
        # The 落款 never stands alone on a page: the last paragraph comes along.
        last[-1] = replace(last[-1], keep_with_next=True)
    yield last + signature, 1.0


def speech_blocks(speech: Speech, profile: Profile, copy: str = FULL) -> list[Block]:
    """Every block of the printed speech (or of its outline copy), in reading order."""
    return [block for batch, _ in iter_blocks(speech, profile, copy) for block in batch]


# Block role → the profile role (and so the paragraph style) it prints in, headings by level:
# the .docx writer, the podium copy and the printed pages all take it from here.
_STYLE_ROLE = {TITLE: "title", SUBTITLE: "subtitle", SPEAKER: "speaker", DATE: "date",
               SALUTATION: "salutation", OPENING_PARAGRAPH: "body", PARAGRAPH: "body",
               CLOSING_PARAGRAPH: "closing", LABEL: "date", SIGNATURE: "signature",
               SIGNATURE_DATE: "signature"}


def style_role(block: Block) -> str:
    """The profile role (and so the paragraph style) a block is printed in."""
    if block.role == HEADING:
        return heading_role(block.level)
    return _STYLE_ROLE.get(block.role, "body")
