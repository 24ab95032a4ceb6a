"""How each printed block is set, and the page.

A block's format comes from the tables the .docx is written from, so the two outputs cannot
drift apart: the profile role a block prints in (``layout.style_role``), that role's
alignment and first-line indent (``styles.STYLES``), its font, size and weight (the profile),
and what the block itself says (``layout.Block``): whether it keeps with the next block
(``w:keepNext``) and the right indent of a 落款 line.  Written here once are the widow and orphan
rule (``w:widowControl``), the condensed character spacing of every role but the page number, and
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
    align: str              # "center", "left", "right" or "both" (justified), as w:jc
    indented: bool          # first line indented by the profile's first_line_chars
    keep_with_next: bool    # never the last block on a page (w:keepNext)
    right_indent_chars: float = 0.0     # characters of the role's size left free on the right
    widow_control: bool = True


def block_format(block: layout.Block) -> BlockFormat:
    """The format of a block, from the .docx's tables and the block itself."""
    role = layout.style_role(block)
    style = STYLES.get(role, STYLES["body"])
    return BlockFormat(role, style.align, style.indented, block.keep_with_next,
                       block.right_indent_chars)


def lead_format(block: layout.Block) -> BlockFormat | None:
    """The heading format whose font sets a run-in heading's lead 「（一）压实责任。」, or None."""
    if not block.lead:
        return None
    role = heading_role(block.level)
    return BlockFormat(role, STYLES[role].align, STYLES[role].indented, False)


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


def right_indent(profile: Profile, fmt: BlockFormat) -> float:
    """The right indent in points (a 落款 line: 右空二字 …)."""
    return fmt.right_indent_chars * profile.role(fmt.role).size_pt


def condensed(role: str) -> bool:
    """Every role is condensed like the body (the .docx puts the spacing in its Normal style)
    except the page number, whose style cancels it."""
    return role != "page_number"


def page_number_text(number: int) -> str:
    return PAGE_NUMBER_TEXT.format(number)
