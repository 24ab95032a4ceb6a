"""How each printed block is set: the one table from block roles to formats, and the page.

The .docx gives every role a named style (``export/styles.py``: alignment, first-line indent);
the pages take alignment and indent from that same table, and the font, size and weight from the
profile, so the two outputs cannot drift apart.  What the .docx says elsewhere is written here
once: which blocks keep with the next one (``w:keepNext``), the widow and orphan rule
(``w:widowControl``), the condensed character spacing of every role but the page number, and
where the page number stands (official-format.md §2, §4).

Nothing here needs Qt: sizes are points, derived from the profile.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..export import layout
from ..export.profiles import Profile
from ..export.styles import STYLES, heading_role

MM = 72 / 25.4    # points in a millimetre

# A paragraph split across pages leaves at least this many lines at the foot of the first
# page (orphans) and at the top of the next (widows): Word's and LibreOffice's widow control.
MIN_LINES_AT_FOOT = 2
MIN_LINES_AT_TOP = 2

# GB/T 9704 §7.5: the page number's top is 7 mm below the text block.
PAGE_NUMBER_GAP_MM = 7.0
PAGE_NUMBER_TEXT = "\u2014 {0} \u2014"    # "— N —": em dashes, a half-width space each side


@dataclass(frozen=True)
class BlockFormat:
    role: str               # the profile role: font, size, weight
    align: str              # "center", "left" or "both" (justified), as w:jc
    indented: bool          # first line indented by the profile's first_line_chars
    keep_with_next: bool    # never the last block on a page (w:keepNext)
    widow_control: bool = True


def _styled(role: str, keep_with_next: bool = False) -> BlockFormat:
    style = STYLES[role]
    return BlockFormat(role, style.align, style.indented, keep_with_next)


# Block role → format.  Headings by level: 「一、」 keeps with the paragraph after it.  The head
# lines (title to date) keep together with what follows them too, so the title never ends a
# page alone; the salutation is an ordinary line, as in the .docx.
FORMATS: dict[str | tuple[str, int], BlockFormat] = {
    layout.TITLE: _styled("title", keep_with_next=True),
    layout.SUBTITLE: _styled("subtitle", keep_with_next=True),
    layout.SPEAKER: _styled("speaker", keep_with_next=True),
    layout.DATE: _styled("date", keep_with_next=True),
    layout.BLANK: _styled("body"),
    layout.SALUTATION: _styled("salutation"),
    layout.OPENING_PARAGRAPH: _styled("body"),
    layout.PARAGRAPH: _styled("body"),
    layout.CLOSING_PARAGRAPH: _styled("closing"),
    **{(layout.HEADING, level): _styled(heading_role(level), keep_with_next=True)
       for level in range(1, 5)},
}


def block_format(block: layout.Block) -> BlockFormat:
    """The format of a block.  A role this table does not know yet prints as body text rather
    than failing the print (tests/pages/test_formats.py fails until the role is added here)."""
    key = (layout.HEADING, block.level) if block.role == layout.HEADING else block.role
    return FORMATS.get(key, FORMATS[layout.PARAGRAPH])


def lead_format(block: layout.Block) -> BlockFormat | None:
    """The heading format whose font sets a run-in heading's lead 「（一）压实责任。」, or None."""
    return FORMATS[(layout.HEADING, block.level)] if block.lead else None


@dataclass(frozen=True)
class Geometry:
    """The page and its text block, in points from the page's top-left corner."""
    width: float
    height: float
    left: float
    top: float
    right: float             # the text block's right edge
    bottom: float            # the text block's bottom edge
    pitch: float             # the exact line pitch
    lines_per_page: int

    @property
    def block_width(self) -> float:
        return self.right - self.left

    @classmethod
    def of(cls, profile: Profile) -> Geometry:
        page = profile.page
        top, bottom = page.top_mm * MM, (page.height_mm - page.bottom_mm) * MM
        pitch = profile.text.line_pitch_pt
        # The tolerance keeps 22 × 28.95 pt (636.9 pt) inside 225 mm (637.8 pt) against rounding.
        lines = max(1, math.floor((bottom - top) / pitch + 1e-6))
        return cls(page.width_mm * MM, page.height_mm * MM, page.left_mm * MM, top,
                   (page.width_mm - page.right_mm) * MM, bottom, pitch, lines)


def first_line_indent(profile: Profile, fmt: BlockFormat) -> float:
    """The first-line indent in points: first_line_chars characters of the role's size, as the
    .docx writes it in twips."""
    if not fmt.indented:
        return 0.0
    return profile.text.first_line_chars * profile.role(fmt.role).size_pt


def condensed(role: str) -> bool:
    """Every role is condensed like the body (the .docx puts the spacing in its Normal style)
    except the page number, whose style cancels it."""
    return role != "page_number"


def page_number_text(number: int) -> str:
    return PAGE_NUMBER_TEXT.format(number)
