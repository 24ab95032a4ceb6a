"""File menu: 打印预览…, 打印… and 导出 PDF…, through Qt's own printing (composer/pages lays out
the pages from the same blocks and profile as the .docx).

The preview is a QPrintPreviewDialog: it shows each page as printed, the page breaks and the
page count.  Printing goes through the system's print dialog; double-sided printing is preselected,
as official documents are printed (the writer may change it), and composer/pages/printing.py
keeps odd pages on the fronts of the sheets so that the page numbers stay on the outer side.

QtPrintSupport and composer/pages are imported when first used, not at the program's start.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMessageBox

from ..core.errors import ComposerError
from . import file_actions, settings
from .document import Document


class PrintActions(QObject):
    message = Signal(str)

    def __init__(self, document: Document, files, window, parent=None):
        super().__init__(parent)
        self.document = document
        self.files = files      # FileActions: the placeholder check, paths, "export finished"
        self.window = window

        def action(text: str, shortcut, slot) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            return act

        self.preview = action(self.tr("打印预览…"), None, self.show_preview)
        self.print = action(self.tr("打印…"), QKeySequence.StandardKey.Print, self.print_speech)
        self.export_pdf = action(self.tr("导出 PDF…"), None, self.export_pdf_file)

    # --- laying out ---------------------------------------------------------------------------------

    def lay_out(self):
        """The speech's pages with the profile in use; None (and a message) when the profile
        cannot be read."""
        from .. import pages
        from ..export import load_profile
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            speech = self.document.speech
            # The podium copy's page times: the speaker's rate kept with the speech, else the setting.
            return pages.lay_out(speech, load_profile(settings.format_profile() or None),
                                 rate=speech.speaking_rate or settings.speaking_rate())
        except ComposerError as error:
            QMessageBox.warning(self.window, self.tr("无法排版"), str(error))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()

    def fonts_confirmed(self, printing: bool) -> bool:
        """Say first which installed fonts stand in for the profile's missing ones (the PDF and
        the printout use them); False when the writer chooses not to go on."""
        from .. import pages
        from ..export import load_profile
        try:
            notices = pages.fonts.stand_in_notices(load_profile(settings.format_profile() or None),
                                                   advice=False)   # said once, below them
        except ComposerError:
            return True     # a broken profile is reported when the pages are laid out
        if not notices or "\n".join(notices) == settings.font_notice_seen():
            return True
        return file_actions.ask_about_fonts(
            self.window, notices, footnote=self.tr("可安装这些字体，或在格式方案里改用已安装的字体。"),
            go_on_text=self.tr("继续打印") if printing else self.tr("继续导出"))

    def _printer(self, paged):
        from PySide6.QtPrintSupport import QPrinter

        from ..pages import printing
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printing.prepare(printer, paged, duplex_default=True)
        return printer

    def _print_to(self, paged, printer) -> bool:
        from ..pages import printing
        try:
            printing.print_pages(paged, printer)
        except ComposerError as error:
            QMessageBox.warning(self.window, self.tr("打印失败"), str(error))
            return False
        return True

    # --- the three actions --------------------------------------------------------------------------

    def show_preview(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog
        paged = self.lay_out()
        if paged is None:
            return
        printer = self._printer(paged)
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle(self.tr("打印预览 — {0}（共 {1} 页）").format(
            self.files.display_name(), paged.page_count))
        # The preview paints on its own printer, and prints through it from its print button.
        dialog.paintRequested.connect(lambda target: self._print_to(paged, target))
        # Qt opens it small, with a page too small to read and the toolbar (its print button
        # too) folded behind 「»」: open it at most of the window's size.
        size = self.window.size()
        room = size.expandedTo(self.window.screen().availableGeometry().size())
        dialog.resize(min(room.width(), max(900, round(size.width() * 0.8))),
                      min(room.height(), max(700, round(size.height() * 0.9))))
        self.preview_dialog = dialog    # for tests and for the window to keep it alive
        dialog.exec()

    def print_speech(self) -> bool:
        from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog
        if not self.files.preflight_confirmed(self.tr("仍然打印")) or not self.fonts_confirmed(True):
            return False
        paged = self.lay_out()
        if paged is None:
            return False
        printer = self._printer(paged)
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(self.tr("打印“{0}”（共 {1} 页）").format(self.files.display_name(),
                                                                  paged.page_count))
        options = QAbstractPrintDialog.PrintDialogOption
        dialog.setOptions(options.PrintToFile | options.PrintPageRange | options.PrintCollateCopies
                          | options.PrintShowPageSize)
        dialog.setMinMax(1, paged.page_count)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        if not self._print_to(paged, printer):
            return False
        self.files.speech_exported.emit()     # handed in on paper: the usage history records it
        self.message.emit(self.tr("已发送到打印机：{0}").format(printer.printerName() or printer.outputFileName()))
        return True

    def export_pdf_file(self) -> bool:
        if not self.files.preflight_confirmed() or not self.fonts_confirmed(False):
            return False
        from . import file_dialogs   # Qt's file dialog classes: loaded when first asked
        path, _ = file_dialogs.get_save_file_name(self.window, self.tr("导出 PDF"),
                                                  self.files.suggested_export_path(".pdf"),
                                                  self.tr("PDF 文件 (*.pdf)"))
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        paged = self.lay_out()
        if paged is None:
            return False
        from .. import pages
        try:
            pages.write_pdf(paged, path)
        except ComposerError as error:
            QMessageBox.warning(self.window, self.tr("导出失败"), str(error))
            return False
        self.files.exported(path)
        return True
