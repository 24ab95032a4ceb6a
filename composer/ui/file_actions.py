"""New, open, save, save as, recent files, export, and the unsaved-changes prompt."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

from ..core.checks import check_speech
from ..core.errors import ComposerError
from ..core.speech import Speech
from ..io import paths
from ..io.speech_file import SUFFIX, load_speech, save_speech
from . import services, settings
from .document import Document


def example_path() -> Path | None:
    """The bundled example speech (what a new user sees first)."""
    folder = paths.resources_dir() / "examples"
    found = sorted(folder.glob("*" + SUFFIX)) if folder.is_dir() else []
    return found[0] if found else None


def safe_file_name(title: str) -> str:
    cleaned = "".join("_" if ch in '\\/:*?"<>|' else ch for ch in title).strip()
    return cleaned[:60] or "讲稿"


class FileActions(QObject):
    message = Signal(str)

    def __init__(self, document: Document, window, parent=None):
        super().__init__(parent)
        self.document = document
        self.window = window

        def action(text, shortcut, slot) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            return act

        self.new = action(self.tr("新建"), QKeySequence.StandardKey.New, self.new_speech)
        self.new_from_example = action(self.tr("从示例新建"), None, self.new_from_example_speech)
        self.open = action(self.tr("打开…"), QKeySequence.StandardKey.Open, self.open_dialog)
        self.save = action(self.tr("保存"), QKeySequence.StandardKey.Save, self.save_speech)
        self.save_as = action(self.tr("另存为…"), QKeySequence.StandardKey.SaveAs, self.save_speech_as)
        self.export = action(self.tr("导出 Word…"), "Ctrl+E", self.export_docx)
        self.paste_speech = action(self.tr("粘贴为新讲稿"), "Ctrl+Shift+V", self.paste_as_speech)
        self.recent_menu = QMenu(self.tr("最近打开"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.new_from_example.setEnabled(example_path() is not None)

    # --- the unsaved-changes prompt -------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current speech (saved, discarded, or unchanged)."""
        if not self.document.is_modified():
            return True
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        answer = QMessageBox.question(
            self.window, self.tr("讲稿编排"),
            self.tr("“{0}”有未保存的修改。要保存吗？").format(self.display_name()),
            buttons, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_speech()
        return answer == QMessageBox.StandardButton.Discard

    def display_name(self) -> str:
        if self.document.path:
            return Path(self.document.path).name
        if self.document.origin:
            return self.document.origin
        return self.tr("未命名讲稿")

    # --- new and open -------------------------------------------------------------------------------

    def new_speech(self) -> None:
        if self.maybe_save():
            self.document.load(Speech(), None)

    def new_from_example_speech(self) -> None:
        if self.maybe_save():
            self.load_example()

    def load_example(self) -> bool:
        path = example_path()
        if path is None:
            return False
        try:
            speech = load_speech(path)
        except ComposerError as error:
            self.message.emit(str(error))
            return False
        # Not bound to the bundled file: saving asks where, so the example stays intact.
        self.document.load(speech, None, origin=self.tr("示例讲稿"))
        return True

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("打开讲稿"), settings.last_folder(),
            self.tr("讲稿 (*.speech.yaml);;所有文件 (*)"))
        if path:
            self.open_path(path, ask=False)

    def open_path(self, path: str, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        try:
            speech = load_speech(path)
        except ComposerError as error:
            QMessageBox.warning(self.window, self.tr("无法打开"), str(error))
            return False
        self.document.load(speech, os.path.abspath(path))
        settings.add_recent_file(path)
        settings.set_last_folder(os.path.dirname(os.path.abspath(path)))
        return True

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = settings.recent_files()
        for number, path in enumerate(files, start=1):
            act = self.recent_menu.addAction(f"&{number % 10}  {path}")
            act.triggered.connect(lambda _=False, p=path: self._open_recent(p))
        if not files:
            self.recent_menu.addAction(self.tr("（无）")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("清除列表"), settings.clear_recent_files)

    def _open_recent(self, path: str) -> None:
        if not os.path.exists(path):
            settings.remove_recent_file(path)
            QMessageBox.warning(self.window, self.tr("无法打开"),
                                self.tr("找不到文件：{0}").format(path))
            return
        self.open_path(path)

    # --- save ---------------------------------------------------------------------------------------

    def save_speech(self) -> bool:
        if not self.document.path:
            return self.save_speech_as()
        return self._write(self.document.path)

    def save_speech_as(self) -> bool:
        suggested = os.path.join(settings.last_folder() or str(Path.home()),
                                 safe_file_name(self.document.speech.title) + SUFFIX)
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("保存讲稿"), suggested,
                                              self.tr("讲稿 (*.speech.yaml)"))
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path = path[:-len(".yaml")] if path.endswith(".yaml") else path
            path += SUFFIX
        return self._write(path)

    def _write(self, path: str) -> bool:
        try:
            save_speech(self.document.speech, path)
        except ComposerError as error:
            QMessageBox.warning(self.window, self.tr("保存失败"), str(error))
            return False
        self.document.set_saved(os.path.abspath(path))
        settings.add_recent_file(path)
        settings.set_last_folder(os.path.dirname(os.path.abspath(path)))
        self.message.emit(self.tr("已保存到 {0}").format(path))
        return True

    # --- paste as a new speech ----------------------------------------------------------------------

    def paste_as_speech(self) -> None:
        text = QApplication.clipboard().text()
        if not text.strip():
            self.message.emit(self.tr("剪贴板里没有文字。"))
            return
        if not self.maybe_save():
            return
        try:
            speech = services.speech_from_text(text)
        except ComposerError as error:
            QMessageBox.warning(self.window, self.tr("无法识别"), str(error))
            return
        self.document.load(speech, None, origin=self.tr("粘贴的讲稿"))
        self.message.emit(self.tr("已从剪贴板生成讲稿：{0} 个一级标题。").format(len(speech.body)))

    # --- export -------------------------------------------------------------------------------------

    def export_docx(self) -> bool:
        problems = [p for p in check_speech(self.document.speech) if p.code == "placeholder"]
        if problems:
            listed = "\n".join(f"· {p.where}：{p.excerpt}" for p in problems[:8])
            more = self.tr("\n……共 {0} 处").format(len(problems)) if len(problems) > 8 else ""
            answer = QMessageBox.question(
                self.window, self.tr("还有没填写的占位符"),
                self.tr("讲稿里还有 xx、20xx、××× 之类的占位符：\n\n{0}{1}\n\n仍然导出吗？")
                .format(listed, more))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        base = Path(self.document.path).name[:-len(SUFFIX)] if self.document.path else \
            safe_file_name(self.document.speech.title)
        folder = os.path.dirname(self.document.path) if self.document.path else settings.last_folder()
        suggested = os.path.join(folder or str(Path.home()), base + ".docx")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("导出 Word 文档"), suggested,
                                              self.tr("Word 文档 (*.docx)"))
        if not path:
            return False
        if not path.lower().endswith(".docx"):
            path += ".docx"
        try:
            services.export_docx(self.document.speech, path, settings.format_profile() or None)
        except ComposerError as error:
            QMessageBox.warning(self.window, self.tr("导出失败"), str(error))
            return False
        self._exported(path)
        return True

    def _exported(self, path: str) -> None:
        self.message.emit(self.tr("已导出到 {0}").format(path))
        if ask_open_folder(self.window, path):
            QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.dirname(os.path.abspath(path))))


def ask_open_folder(parent, path: str) -> bool:
    """The "export finished" message; True when the writer asks to open the folder."""
    tr = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Information, tr("FileActions", "导出完成"),
                      tr("FileActions", "已导出：\n{0}").format(path),
                      QMessageBox.StandardButton.Ok, parent)
    open_folder = box.addButton(tr("FileActions", "打开所在文件夹"),
                                QMessageBox.ButtonRole.ActionRole)
    box.exec()
    return box.clickedButton() is open_folder
