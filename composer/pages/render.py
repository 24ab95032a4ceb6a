"""Drawing laid-out pages with a QPainter, on any device: PDF writer, printer, print preview.

The painter draws in twips from the page's top-left corner (the layout's units); ``begin_page``
scales it to the device.  Devices are set to full-page mode, so the origin is the paper's corner
and the profile's margins are the only margins.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QPointF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPagedPaintDevice, QPainter

from .formats import MM, PAGE_NUMBER_GAP_MM, page_number_text
from .paged import Page, PagedSpeech
from .typeset import LAYOUT_DPI, UNITS_PER_PT

PAGE_NUMBER_ROLE = "page_number"


def page_layout(paged: PagedSpeech) -> QPageLayout:
    """The profile's paper, portrait, with no margins of the device's own."""
    page = paged.profile.page
    size = QPageSize(QSizeF(page.width_mm, page.height_mm), QPageSize.Unit.Millimeter, "",
                     QPageSize.SizeMatchPolicy.FuzzyMatch)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
                       QPageLayout.Unit.Millimeter)


def scale_for(device: QPagedPaintDevice) -> float:
    """Device pixels per twip."""
    return device.logicalDpiX() / LAYOUT_DPI


def draw_page(painter: QPainter, paged: PagedSpeech, page: Page) -> None:
    """Draw PAGE: its lines on the grid, the page number and any footer text.  The painter's
    coordinates are twips from the page's corner."""
    geometry = paged.geometry
    left = geometry.left * UNITS_PER_PT
    top = geometry.top * UNITS_PER_PT
    pitch = geometry.pitch * UNITS_PER_PT
    slot = 0
    for piece in page.slices:
        block = paged.blocks[piece.item]
        for line in range(piece.first, piece.first + piece.count):
            block.draw_line(painter, line, left, top + slot * pitch)
            slot += 1
    draw_footer(painter, paged, page)


def draw_footer(painter: QPainter, paged: PagedSpeech, page: Page) -> None:
    """"— N —" 7 mm under the text block (the top of its em box), odd pages on the right and
    even pages on the left, one character in from the block's edge; or centred.  A footer text
    (``PagedSpeech.footer_text``) goes on the other side."""
    geometry = paged.geometry
    profile = paged.profile
    typesetter = paged.typesetter
    left, right = geometry.left * UNITS_PER_PT, geometry.right * UNITS_PER_PT
    inset = profile.page_number_indent_chars * profile.role(PAGE_NUMBER_ROLE).size_pt * UNITS_PER_PT
    em_top = (geometry.bottom + PAGE_NUMBER_GAP_MM * MM) * UNITS_PER_PT
    number_layout, width, ascent = typesetter.set_single_line(page_number_text(page.number),
                                                              PAGE_NUMBER_ROLE)
    centred = profile.page_number_position == "center"
    if centred:
        x = (left + right - width) / 2
    elif page.number % 2:
        x = right - inset - width
    else:
        x = left + inset
    line = number_layout.lineAt(0)
    number_layout.draw(painter, QPointF(x, em_top + ascent - line.ascent()))
    extra = paged.extra_footer(page)
    if extra:
        extra_layout, extra_width, extra_ascent = typesetter.set_single_line(extra, PAGE_NUMBER_ROLE)
        # Opposite the number: the inner side of an outer number, the right side of a centred one.
        on_left = not centred and page.number % 2 == 1
        extra_x = left + inset if on_left else right - inset - extra_width
        extra_line = extra_layout.lineAt(0)
        extra_layout.draw(painter, QPointF(extra_x, em_top + extra_ascent - extra_line.ascent()))


class PageDrawer:
    """Draws pages one after another on a paged device, starting a new sheet between them."""

    def __init__(self, painter: QPainter, device: QPagedPaintDevice):
        self.painter = painter
        self.device = device
        self.started = False

    def _next_sheet(self) -> None:
        if self.started:
            self.device.newPage()
        self.started = True
        self.painter.resetTransform()
        factor = scale_for(self.device)
        self.painter.scale(factor, factor)

    def page(self, paged: PagedSpeech, page: Page) -> None:
        self._next_sheet()
        draw_page(self.painter, paged, page)

    def blank(self) -> None:
        """An empty sheet side (so that the next page prints on a front in duplex)."""
        self._next_sheet()
