"""Laid-out pages → a PDF file, built in memory and written atomically."""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QPainter, QPdfWriter

from ..core.errors import ComposerError
from ..io import files
from .paged import PagedSpeech
from .render import PageDrawer, page_layout
from .typeset import LAYOUT_DPI

CREATOR = "Speech Composer"


def pdf_bytes(paged: PagedSpeech) -> bytes:
    """The PDF of every page, without writing a file.  Raises ComposerError when Qt cannot
    start the PDF (it says nothing more than that)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(LAYOUT_DPI)    # one device pixel per layout unit: no scaling at all
    writer.setPageLayout(page_layout(paged))
    writer.setTitle(paged.title)
    writer.setCreator(CREATOR)
    painter = QPainter()
    if not painter.begin(writer):
        raise ComposerError("无法生成 PDF。", "Cannot create the PDF.")
    try:
        drawer = PageDrawer(painter, writer)
        for page in paged.pages:
            drawer.page(paged, page)
    finally:
        painter.end()    # a painter left active on a device crashes Qt when the device goes
    buffer.close()
    return bytes(data.data())


def write_pdf(paged: PagedSpeech, path: str | os.PathLike) -> None:
    """Write the PDF to PATH atomically: a failure leaves an existing file as it was."""
    files.write_bytes(path, pdf_bytes(paged))
