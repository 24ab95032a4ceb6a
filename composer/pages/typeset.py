"""Setting one block into lines with Qt's text engine (QTextLayout).

Every line takes exactly one line of the page's grid, whatever its font size: the .docx uses an
exact line pitch for every paragraph, so pages hold the same lines in both outputs.

Lines are laid out once, on a fixed 1440-dpi reference device (one unit is a twip, 1/20 pt),
with unhinted fonts and fractional advances: the line breaks do not depend on the screen, the
printer or the PDF resolution, and a preview shows the breaks that the printer prints.  Drawing
scales the painter from twips to the device.

What the .docx gets from Word's and LibreOffice's own line breaking is added to Qt's here, so
that lines break where they break in the .docx (measured against LibreOffice's render):

* characters are condensed by the profile's character spacing (−0.25 pt: 28 × 15.75 pt fit the
  442.25 pt line, official-format.md §2);
* a 「，」「。」「、」「；」… that would have to begin the next line hangs into the right margin;
  Qt alone would move the line's last character down with it and leave a line one short;
* a line may break between a closing mark and an opening quote (「、|“」), which Qt's line
  breaker forbids: an invisible zero-width space marks the place, and is neither drawn nor
  counted as text;
* a fifth of an em of space separates Chinese characters from Latin letters and digits
  (「是 2024 年」), so that such lines hold the characters they hold in the .docx.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPainter, QTextCharFormat, QTextLayout, QTextOption

from ..export import layout
from ..export.profiles import Profile
from . import fonts as font_choice
from .formats import (BlockFormat, Geometry, block_format, condensed, first_line_indent, lead_format,
                      right_indent)

LAYOUT_DPI = 1440
UNITS_PER_PT = LAYOUT_DPI / 72

# Marks that may hang past the right edge of a line: those LibreOffice hangs (measured on its
# render; closing quotes and brackets it moves down with the character before them instead).
HANGING = "，、。；：！？．"
# A break is allowed between one of these and an opening quote (Qt's breaker glues them).
CLOSING_MARKS = "，、。；：！？）》」』】〕〉”’"
OPENING_QUOTES = "“‘"
# Between a Chinese character and a Latin letter or digit (either way round) LibreOffice and Word
# add a little space (Word's 自动调整中文与西文的间距, w:autoSpaceDE/DN, on by default): measured
# on LibreOffice's render, the gap after the first of the two is a fifth of an em instead of the
# condensing.  Not after punctuation (「（2024」「%的」「GDP，」 stay tight).
AUTOSPACE_EM = 0.2
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007"
_ALNUM = "0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
AUTOSPACE = re.compile(f"(?<=[{_HAN}])(?=[{_ALNUM}])|(?<=[{_ALNUM}])(?=[{_HAN}])")
# Qt's line separator: the title's (and a paragraph's) manual line breaks.
LINE_SEPARATOR = "\u2028"
BREAK = "\u200b"     # zero-width space: a break opportunity, never drawn
_INVISIBLE = {ord(BREAK): None}

_ALIGN = {"center": Qt.AlignmentFlag.AlignHCenter, "left": Qt.AlignmentFlag.AlignLeft,
          "right": Qt.AlignmentFlag.AlignRight, "both": Qt.AlignmentFlag.AlignJustify}


def reference_device() -> QImage:
    """The device every layout is computed for: 1440 dpi, whatever the screen."""
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    dots_per_metre = round(LAYOUT_DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


_BREAK_HERE = re.compile(f"(?<=[{CLOSING_MARKS}])(?=[{OPENING_QUOTES}])")


def layout_text(text: str, spans: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """The text Qt lays out, and the (start, length, role) spans moved to match it: manual line
    breaks as line separators, and a BREAK wherever a line may break that Qt would not break."""
    places = [match.start() for match in _BREAK_HERE.finditer(text)]
    if places:
        pieces = [text[start:end] for start, end in zip([0, *places], [*places, len(text)])]
        text_out = BREAK.join(pieces)

        def moved(index: int) -> int:     # index in TEXT → index in the output
            return index + bisect.bisect_right(places, index)
        spans = [(moved(start), moved(start + length) - moved(start), role)
                 for start, length, role in spans]
    else:
        text_out = text
    return text_out.replace("\n", LINE_SEPARATOR), spans


@dataclass
class SetBlock:
    """A block set into lines.  ``layout`` is None for the blank line after the date."""
    block: layout.Block
    format: BlockFormat
    layout: QTextLayout | None
    text: str                  # what Qt laid out (with line separators and BREAKs)
    line_count: int
    # (start, length) of each line in ``text``.
    spans: list[tuple[int, int]] = field(default_factory=list)

    def line_text(self, index: int) -> str:
        start, length = self.spans[index]
        return self.text[start:start + length].replace(LINE_SEPARATOR, "").translate(_INVISIBLE)

    def text_through(self, index: int) -> str:
        """The block's text up to the end of line INDEX."""
        start, length = self.spans[index]
        return self.text[:start + length].replace(LINE_SEPARATOR, "\n").translate(_INVISIBLE)

    def draw_line(self, painter: QPainter, index: int, left: float, slot_top: float) -> None:
        """Draw line INDEX in the grid line whose top is SLOT_TOP (twips; LEFT: the block's edge).

        Drawn as glyph runs of the pieces between BREAKs, so that no glyph stands for a BREAK
        in the output (a PDF would otherwise hold a character there that copies as a tab)."""
        if self.layout is None:
            return
        line = self.layout.lineAt(index)
        origin = QPointF(left, slot_top)
        start, length = self.spans[index]
        piece = start
        for position in range(start, start + length + 1):
            if position == start + length or self.text[position] == BREAK:
                if position > piece:
                    for run in line.glyphRuns(piece, position - piece):
                        painter.drawGlyphRun(origin, run)
                piece = position + 1


class Typesetter:
    """Sets blocks for one profile.  Needs a QGuiApplication (fonts)."""

    def __init__(self, profile: Profile):
        self.profile = profile
        self.geometry = Geometry.of(profile)
        self.device = reference_device()
        self._spacing_unit = font_choice.letter_spacing_unit(self.device)
        self._fonts: dict[str, font_choice.RoleFonts] = {}
        self._ascents: dict[str, float] = {}
        self._marks: dict[str, float] = {}
        self._spaced: dict[str, QFont] = {}

    # --- fonts --------------------------------------------------------------------------------

    def fonts(self, role: str) -> font_choice.RoleFonts:
        """The East Asian and Latin QFont of a profile role (cached)."""
        found = self._fonts.get(role)
        if found is None:
            spacing = self.profile.text.character_spacing_pt if condensed(role) else 0.0
            found = font_choice.role_fonts(self.profile, self.profile.role(role),
                                           spacing * UNITS_PER_PT, self._spacing_unit)
            self._fonts[role] = found
        return found

    def em_ascent(self, role: str) -> float:
        """Twips from the top of ROLE's em box to its baseline: the font's ascent scaled so that
        ascent and descent make one em (fonts differ in how they split their line height)."""
        found = self._ascents.get(role)
        if found is None:
            metrics = QFontMetricsF(self.fonts(role).east_asian, self.device)
            size = self.profile.role(role).size_pt * UNITS_PER_PT
            extent = metrics.ascent() + metrics.descent()
            found = size * metrics.ascent() / extent if extent > 0 else size * 0.88
            self._ascents[role] = found
        return found

    def baseline(self, role: str) -> float:
        """Twips from a grid line's top to the baseline of a line in ROLE's font: the em box is
        centred in the line, so larger type (the title) sits as centred as the body."""
        size = self.profile.role(role).size_pt * UNITS_PER_PT
        return (self.geometry.pitch * UNITS_PER_PT - size) / 2 + self.em_ascent(role)

    def _mark_advance(self, role: str) -> float:
        found = self._marks.get(role)
        if found is None:
            found = QFontMetricsF(self.fonts(role).east_asian, self.device).horizontalAdvance("，")
            self._marks[role] = found
        return found

    def _autospaced(self, role: str, kind: str) -> QFont:
        """ROLE's font for KIND, with the space LibreOffice adds between Chinese characters and
        Latin letters or digits after the character instead of the condensing (cached)."""
        key = f"{role}/{kind}"
        found = self._spaced.get(key)
        if found is None:
            role_fonts = self.fonts(role)
            found = QFont(role_fonts.latin if kind == font_choice.LATIN else role_fonts.east_asian)
            gap = AUTOSPACE_EM * self.profile.role(role).size_pt * UNITS_PER_PT
            found.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, gap / self._spacing_unit)
            self._spaced[key] = found
        return found

    def _char_formats(self, text: str, spans: list[tuple[int, int, str]]) -> list:
        """Format ranges: each (start, length, role) span split into runs of East Asian and of
        Latin text; the character before a Chinese/Latin boundary on its own, spaced wider
        (``AUTOSPACE``); and BREAKs, uncondensed so that they stay zero-width."""
        ranges = []

        def add(start: int, length: int, font: QFont) -> None:
            char_format = QTextCharFormat()
            char_format.setFont(font, QTextCharFormat.FontPropertiesInheritanceBehavior.FontPropertiesAll)
            item = QTextLayout.FormatRange()
            item.start, item.length, item.format = start, length, char_format
            ranges.append(item)

        spaced = [match.start() - 1 for match in AUTOSPACE.finditer(text)]
        for start, length, role in spans:
            role_fonts = self.fonts(role)
            uncondensed = QFont(role_fonts.east_asian)
            uncondensed.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0)
            fonts = {font_choice.EAST_ASIAN: role_fonts.east_asian, font_choice.LATIN: role_fonts.latin,
                     BREAK: uncondensed}
            for run_start, run_length, kind in font_choice.script_runs(text[start:start + length],
                                                                       (BREAK,)):
                position, end = start + run_start, start + run_start + run_length
                first = bisect.bisect_left(spaced, position)
                for index in spaced[first:bisect.bisect_left(spaced, end)]:
                    if index > position:
                        add(position, index - position, fonts[kind])
                    add(index, 1, self._autospaced(role, kind))
                    position = index + 1
                if end > position:
                    add(position, end - position, fonts[kind])
        return ranges

    # --- setting a block ----------------------------------------------------------------------

    def set_block(self, block: layout.Block, continued: bool = False) -> SetBlock:
        """Set BLOCK into lines.  CONTINUED: the block is the rest of a paragraph begun on the
        page before (the podium copy's page plan), so its first line is not indented."""
        fmt = block_format(block)
        if not block.text:
            return SetBlock(block, fmt, None, "", 1, [(0, 0)])
        lead = lead_format(block)
        spans = [(0, len(block.text), fmt.role)]
        if lead is not None:
            spans = [(0, len(block.lead), lead.role),
                     (len(block.lead), len(block.text) - len(block.lead), fmt.role)]
        text, spans = layout_text(block.text, [span for span in spans if span[1]])
        text_layout = QTextLayout(text, self.fonts(fmt.role).east_asian, self.device)
        text_layout.setCacheEnabled(True)    # keeps the shaped glyphs for drawing
        option = QTextOption(_ALIGN[fmt.align])
        option.setUseDesignMetrics(True)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        text_layout.setTextOption(option)
        text_layout.setFormats(self._char_formats(text, spans))
        width = (self.geometry.block_width - right_indent(self.profile, fmt)) * UNITS_PER_PT
        indent = 0.0 if continued else first_line_indent(self.profile, fmt) * UNITS_PER_PT
        baseline = self.baseline(fmt.role)
        line_spans: list[tuple[int, int]] = []
        text_layout.beginLayout()
        while True:
            line = text_layout.createLine()
            if not line.isValid():
                break
            # The first-line indent: only the paragraph's first line, not after a manual break.
            x = indent if not line_spans else 0.0
            line.setLineWidth(width - x)
            self._hang_punctuation(line, text, width - x, fmt.role)
            line.setPosition(QPointF(x, baseline - line.ascent()))
            line_spans.append((line.textStart(), line.textLength()))
        text_layout.endLayout()
        return SetBlock(block, fmt, text_layout, text, len(line_spans), line_spans)

    def line_breaks(self, block: layout.Block) -> list[int]:
        """Where BLOCK's lines wrap on the page: the index in ``block.text`` at which each line
        after the first begins, except after the block's own line breaks ("\n").  The screen
        breaks its lines here too (the document view's page-width mode)."""
        if not block.text:
            return []
        set_block = self.set_block(block)
        breaks = []
        for index in range(set_block.line_count - 1):
            start, length = set_block.spans[index]
            if length and set_block.text[start + length - 1] == LINE_SEPARATOR:
                continue
            breaks.append(len(set_block.text_through(index)))
        return breaks

    def _hang_punctuation(self, line, text: str, width: float, role: str) -> None:
        """Let a closing mark hang past the line's end (LibreOffice's hanging punctuation).

        Qt never starts a line with 「，」 or 「。」, so when the line is full just before one it
        moves the line's last character down with the mark, leaving a line one character short.
        Given one mark's width more, the line takes the character and the mark; that is kept
        when the line then ends with a mark that may hang and everything before it fits.
        """
        end = line.textStart() + line.textLength()
        if end >= len(text) or text[end - 1] == LINE_SEPARATOR:
            return
        if not any(char in HANGING for char in text[end:end + 4]):
            return      # no mark close enough after the break to hang (most lines)
        cell = self._mark_advance(role)
        line.setLineWidth(width + cell)
        new_end = line.textStart() + line.textLength()
        last = new_end - 1
        while last > end and text[last] == BREAK:
            last -= 1
        if new_end <= end or text[last] not in HANGING or line.naturalTextWidth() - cell > width + 1:
            line.setLineWidth(width)    # not a case for a hanging mark: Qt's own break

    # --- a single line (page numbers, footer texts) ---------------------------------------

    def set_single_line(self, text: str, role: str) -> tuple[QTextLayout, float, float]:
        """TEXT on one unwrapped line in ROLE's fonts: (layout, width, ascent) in twips, the
        ascent being the em box's (the top of the em box is ``baseline - ascent``)."""
        text_layout = QTextLayout(text, self.fonts(role).east_asian, self.device)
        option = QTextOption()
        option.setUseDesignMetrics(True)
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
        text_layout.setTextOption(option)
        text_layout.setFormats(self._char_formats(text, [(0, len(text), role)]))
        text_layout.beginLayout()
        line = text_layout.createLine()
        line.setPosition(QPointF(0, 0))
        text_layout.endLayout()
        # Drawing at (x, y) puts the line's baseline at y + line.ascent(): callers subtract it.
        return text_layout, line.naturalTextWidth(), self.em_ascent(role)
