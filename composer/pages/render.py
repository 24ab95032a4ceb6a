"""Drawing laid-out pages with a QPainter, on any device: PDF writer, printer, print preview.

The painter draws in twips from the page's top-left corner (the layout's units); ``PageDrawer``
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
    (``PagedSpeech.footer_text``) goes on the other side: the inner side of an outer number, the
    right of a centred one."""
    geometry, profile = paged.geometry, paged.profile
    left, right = geometry.left * UNITS_PER_PT, geometry.right * UNITS_PER_PT
    inset = profile.page_number_indent_chars * profile.role(PAGE_NUMBER_ROLE).size_pt * UNITS_PER_PT
    em_top = (geometry.bottom + PAGE_NUMBER_GAP_MM * MM) * UNITS_PER_PT
    centred = profile.page_number_position == "center"
    number_on_right = not centred and page.number % 2 == 1

    def place(text: str, where: str) -> None:
        text_layout, width, ascent = paged.typesetter.set_single_line(text, PAGE_NUMBER_ROLE)
        x = {"left": left + inset, "right": right - inset - width,
             "centre": (left + right - width) / 2}[where]
        # The layout draws its baseline at y + the line's ascent; the em box's top is em_top.
        text_layout.draw(painter, QPointF(x, em_top + ascent - text_layout.lineAt(0).ascent()))

    place(page_number_text(page.number), "centre" if centred else "right" if number_on_right else "left")
    extra = paged.extra_footer(page)
    if extra:
        place(extra, "left" if number_on_right else "right")


class PageDrawer:
    """Draws pages one after another on a paged device, each on a side of its own."""

    def __init__(self, painter: QPainter, device: QPagedPaintDevice):
        self.painter = painter
        self.device = device
        self.started = False

    def _next_side(self) -> None:
        if self.started:
            self.device.newPage()
        self.started = True
        self.painter.resetTransform()
        factor = scale_for(self.device)
        self.painter.scale(factor, factor)

    def page(self, paged: PagedSpeech, page: Page) -> None:
        self._next_side()
        draw_page(self.painter, paged, page)

    def blank(self) -> None:
        """An empty side (so that the next page prints on a front in duplex)."""
        self._next_side()
