"""Importing from the window: File › 导入…, files dropped on the window, Open on a .docx/.doc/
.txt/.md, and 粘贴为新讲稿 — all through the import preview (``import_preview.py``).

What the writer chooses there happens here: a speech opened from an import is a new, unsaved
speech (closing asks, as for any unsaved edit), and speeches added to a library go into the pack
chosen, saved with a backup, and the library pane reloads.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.errors import ComposerError
from . import services, settings

if TYPE_CHECKING:
    # The preview and the import pipeline behind it load when something is imported, not at
    # start-up (their text rules cost a tenth of a second to compile).
    from .import_preview import ImportPreview


class ImportActions(QObject):
    message = Signal(str)

    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window = window
        self.import_action = QAction(self.tr("导入…"), self)
        self.import_action.setToolTip(self.tr("导入旧讲稿（Word、WPS、文本、Markdown），预览后打开或存入素材库"))
        self.import_action.triggered.connect(self.import_dialog)
        # Replaced in tests: runs the preview and returns it (after exec).
        self.run_preview = self._run_preview

    # --- entry points ---------------------------------------------------------------------------------

    def import_dialog(self) -> None:
        from . import file_dialogs   # Qt's file dialog classes: loaded when first asked
        paths, _ = file_dialogs.get_open_file_names(
            self.window, self.tr("导入讲稿"), settings.last_folder(),
            self.tr("可导入的文件 (*.docx *.doc *.wps *.txt *.md);;所有文件 (*)"))
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[str]) -> bool:
        try:
            analysis = services.import_files(paths)
        except ComposerError as error:
            QMessageBox.warning(self.window, self.tr("无法导入"), str(error))
            return False
        settings.set_last_folder(os.path.dirname(os.path.abspath(paths[0])))
        origin = Path(paths[0]).name if len(paths) == 1 else self.tr("导入的讲稿")
        return self._preview(analysis, lambda kept: services.import_files(paths, kept), origin)

    def import_clipboard(self) -> bool:
        """粘贴为新讲稿: the clipboard's text through the same pipeline and preview."""
        text = QApplication.clipboard().text()
        if not text.strip():
            self.message.emit(self.tr("剪贴板里没有文字。"))
            return False
        return self.import_text(text, self.tr("粘贴的讲稿"))

    def import_text(self, text: str, origin: str) -> bool:
        try:
            analysis = services.import_text(text, origin)
        except ComposerError as error:
            QMessageBox.warning(self.window, self.tr("无法识别"), str(error))
            return False
        return self._preview(analysis, lambda kept: services.import_text(text, origin, kept),
                             origin)

    def offer_import(self, path: str) -> bool:
        """Open was asked for a file that is not a speech file but can be imported."""
        answer = QMessageBox.question(
            self.window, self.tr("打开"),
            self.tr("“{0}”不是讲稿文件（.speech.yaml），但可以导入：识别其中的讲话、标题层级，"
                    "预览后打开为新讲稿或存入素材库。\n\n现在导入吗？").format(Path(path).name))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.import_paths([path])

    # --- the preview and what follows -------------------------------------------------------------

    def _run_preview(self, preview: ImportPreview) -> ImportPreview:
        preview.exec()
        return preview

    def _preview(self, analysis, again, origin: str) -> bool:
        from .import_preview import ImportPreview
        packs = self._writable_packs()
        preview = self.run_preview(ImportPreview(analysis, again, [p.name for p in packs],
                                                 self.window))
        if preview.choice == ImportPreview.OPEN:
            return self._open(preview, origin)
        if preview.choice == ImportPreview.LIBRARY:
            pack = next(p for p in packs if p.name == preview.chosen_pack())
            return self._add_to_library(preview, pack)
        return False

    def _open(self, preview: ImportPreview, origin: str) -> bool:
        chosen = preview.chosen()
        files = self.window.files
        if chosen is None or not files.maybe_save():
            return False
        files.close_speech()
        # Unsaved: nothing of it is in a speech file yet, so closing asks.
        self.window.document.load(chosen.speech, None, origin=origin, modified=True)
        removed = len(preview.analysis.removed)
        self.message.emit(self.tr("已导入“{0}”，尚未保存。").format(chosen.speech.title or origin)
                          + (self.tr("清理时去掉 {0} 处，导入预览里可查看。").format(removed)
                             if removed else ""))
        return True

    def _add_to_library(self, preview: ImportPreview, pack) -> bool:
        """The speeches' snippets into the pack, as one step of the library's history: 撤销
        takes the whole import back, as it does a 存入素材库."""
        from ..core.importer import import_into_library
        analysis = preview.analysis
        existing = list(pack.snippets)   # as shown now; the write merges with what is on disk
        skipped = [0]

        def build() -> list:
            # On the library pane's worker: comparing with every snippet of the pack takes
            # seconds in a big library (13 s with 100,000 snippets).
            result = import_into_library(analysis.found, existing, sketches=analysis.sketches)
            skipped[0] = result.skipped
            return result.added

        def added(applied) -> None:
            self.message.emit(self.tr("已存入“{0}”：新增素材 {1} 条，跳过重复 {2} 条。").format(
                pack.name, len(applied.ids), skipped[0]))
        # Written on the library pane's worker; a failure is said there, the pack as it was.
        self.window.library_pane.add_built_snippets(pack, build, self.tr("导入到素材库"), added)
        return True

    def _writable_packs(self) -> list:
        library = getattr(self.window.library_pane, "library", None)
        packs = [p for p in (library.packs if library is not None else []) if not p.read_only]
        return packs
