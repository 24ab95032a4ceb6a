"""Printing laid-out pages on a QPrinter: a real printer, a PDF printer, or a print preview.

A 讲话稿 is printed double-sided (GB/T 9704: 公文应双面印刷), and its page numbers stand on the
outer side: odd numbers on the right of a front, even numbers on the left of a back.  That holds
on paper only if every odd page lands on the front of a sheet.  So, when printing double-sided:

* a page range that starts on an even page, or skips from an odd page to an odd page, gets a
  blank side first, so that each page still falls on its own side of the sheet;
* copies made here (when the printing system cannot make them itself) each start on a new sheet;
* pages printed last page first go in reverse order of sheets, not of sides.

The printer's paper is set from the profile (full-page mode: the profile's margins are the only
margins), whatever the printer was set to: the layout is the profile's, not the dialog's.
"""

from __future__ import annotations

from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter

from ..core.errors import ComposerError
from .paged import Page, PagedSpeech
from .render import PageDrawer, page_layout

BLANK = None    # a side left empty, in a sequence of sides


def prepare(printer: QPrinter, paged: PagedSpeech, duplex_default: bool = False) -> None:
    """Paper, full-page mode and document name from the speech; double-sided by default when
    DUPLEX_DEFAULT (before the print dialog, so that the writer sees it and may change it)."""
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(paged))
    printer.setDocName(paged.title or "讲稿")
    printer.setCreator("Speech Composer")
    if duplex_default:
        printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)


def is_duplex(printer: QPrinter) -> bool:
    return printer.duplex() != QPrinter.DuplexMode.DuplexNone


def chosen_pages(printer: QPrinter, paged: PagedSpeech) -> list[Page]:
    """The pages the print dialog's page range asks for (all of them without one)."""
    ranges = printer.pageRanges()
    if printer.printRange() != QPrinter.PrintRange.PageRange or ranges.isEmpty():
        return list(paged.pages)
    return [page for page in paged.pages if ranges.contains(page.number)]


def sides(pages: list[Page], copies: int = 1, collate: bool = True, duplex: bool = False,
          last_first: bool = False) -> list[Page | None]:
    """The sides to print, in order, BLANK where a side stays empty.  Pure: the whole printing
    logic without a printer."""
    if collate:
        wanted = [page for _ in range(copies) for page in pages]
    else:
        wanted = [page for page in pages for _ in range(copies)]
    out: list[Page | None] = []
    for page in wanted:
        # Side k (0-based) is a front when k is even; odd pages go on fronts.
        if duplex and (len(out) % 2 == 0) != (page.number % 2 == 1):
            out.append(BLANK)
        out.append(page)
    if not last_first:
        return out
    if not duplex:
        return out[::-1]
    if len(out) % 2:
        out.append(BLANK)
    sheets = [out[i:i + 2] for i in range(0, len(out), 2)]
    return [side for sheet in reversed(sheets) for side in sheet]


def print_pages(paged: PagedSpeech, printer: QPrinter) -> int:
    """Print the pages the printer's settings ask for; returns the number of sides printed.
    Raises ComposerError when the printer cannot be started."""
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(paged))
    pages = chosen_pages(printer, paged)
    # The printing system makes the copies when it can (and starts each on a new sheet itself).
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    order = sides(pages, copies, printer.collateCopies(), is_duplex(printer),
                  printer.pageOrder() == QPrinter.PageOrder.LastPageFirst)
    if not order:
        return 0    # a range outside the document: nothing to print, not even an empty sheet
    painter = QPainter()
    if not painter.begin(printer):
        raise ComposerError("无法开始打印：打印机没有响应，或者无法写入输出文件。",
                            "Cannot start printing: the printer did not respond, or the output "
                            "file cannot be written.")
    try:
        drawer = PageDrawer(painter, printer)
        for side in order:
            if side is BLANK:
                drawer.blank()
            else:
                drawer.page(paged, side)
    finally:
        painter.end()
    return len(order)
