"""New, open, save, save as, recent files, export, the unsaved-changes prompt, and keeping
the open speech safe.

Files are read and written through one ``SpeechSession`` (composer/io/speech_session.py): it locks
the open speech against a second copy of the program, refuses to overwrite a file that changed on
disk since it was read (the writer is asked), keeps the replaced version as a backup, and writes
a recovery file while there are unsaved edits, so a crash loses seconds at most.

The recovery file is written at most :data:`RECOVERY_INTERVAL_MS` after the first unsaved
change, and again at most that long after the first change following each write: whatever the
moment of a crash, at most about two seconds of typing are lost (a real-process test kills the
program at random moments while it types: tests/safety/test_recovery_kill.py).  Every edit —
typed text, head fields, snippets inserted, moves, undo and redo — goes through the document's
undo stack, whose ``content_changed`` signal starts that clock; later edits do not restart it,
so continuous typing cannot postpone the write.

Saves and recovery writes run off the UI thread (``background_writes``): the UI thread only
takes a copy of the speech (20 ms for a 9.5 MB speech, whose save took 0.4–2.3 s on the UI
thread), a worker serialises and writes it atomically.  Edits made while a save runs are not
in the file: the document then stays marked as modified.

The speeches bundled with the program (the example) are opened as unsaved copies: saving asks
where, no lock file is written into the program's folder, and the bundled file stays untouched.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QFontDatabase, QKeySequence
from PySide6.QtWidgets import QApplication, QCheckBox, QMenu, QMessageBox

from ..core.errors import ComposerError
from ..core.speech import Speech
from ..io import locks, paths, recovery
from ..io.files import ReadOnlyFileError
from ..io.locks import SpeechLockedError
from ..io.speech_file import SUFFIX, load_speech
from ..io.speech_session import ExternalChangeError, SpeechSession
from . import services, settings
from .background_writes import BackgroundWriter, snapshot
from .document import Document

# The copies export.layout lays out (named here so that the window starts without loading it).
FULL, OUTLINE, OUTLINE_SENTENCES = "full", "outline", "outline_sentences"


def example_path() -> Path | None:
    """The bundled example speech (what a new user sees first)."""
    folder = paths.resources_dir() / "examples"
    found = sorted(folder.glob("*" + SUFFIX)) if folder.is_dir() else []
    return found[0] if found else None


def is_bundled(path: str | os.PathLike) -> bool:
    """Whether a file belongs to the program's own resources (read-only, shared by all users)."""
    try:
        return Path(path).resolve().is_relative_to(paths.resources_dir().resolve())
    except (OSError, ValueError):
        return False


def open_folder(folder: str | os.PathLike) -> bool:
    """Show a folder in the file manager (created first, so that there is something to show).
    False when no file manager could be launched: the caller then says where the folder is."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # the file manager says what is wrong with it
    return QDesktopServices.openUrl(QUrl.fromLocalFile(os.fspath(folder)))


def folder_not_shown(folder: str | os.PathLike) -> str:
    return QCoreApplication.translate("FileActions", "无法打开文件管理器。文件夹在：{0}").format(
        os.fspath(folder))


# The recovery file is written this long after the first unsaved change (and after the first
# change following each write).  The bar is two seconds; the rest is room for the write itself
# and for a busy machine.
RECOVERY_INTERVAL_MS = 1500


def safe_file_name(title: str) -> str:
    cleaned = "".join("_" if ch in '\\/:*?"<>|' else ch for ch in title).strip()
    return cleaned[:60] or "讲稿"


class FileActions(QObject):
    message = Signal(str)
    # After the speech was saved to its file, or exported: the usage history records it.
    speech_saved = Signal()
    speech_exported = Signal()

    def __init__(self, document: Document, window, parent=None):
        super().__init__(parent)
        self.document = document
        self.window = window
        # Set by the window: asks what a new speech starts from (新建: blank or a template);
        # (speech, origin shown in the title) or None when the writer cancels.
        self.choose_new_speech: Callable[[], tuple[Speech, str] | None] | None = None
        # Set by the window (import_actions.py): Open on a file that can be imported offers the
        # import instead of an error, and 粘贴为新讲稿 goes through the import preview.
        self.import_instead: Callable[[str], bool] | None = None
        self.paste_instead: Callable[[], bool] | None = None
        # Set by the window: the preflight before an export or a print (导出前检查), given
        # the label of going on anyway; False stops the export.
        self.preflight: Callable[[str | None], bool] = lambda go_on: True

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
        # The outline copy (提纲), for approving the structure before the text is written.
        self.outline_menu = QMenu(self.tr("导出提纲"))
        self.export_outline = self.outline_menu.addAction(
            self.tr("只有各级标题…"), lambda: self.export_docx(OUTLINE))
        self.export_outline_sentences = self.outline_menu.addAction(
            self.tr("各级标题和每节第一句…"), lambda: self.export_docx(OUTLINE_SENTENCES))
        self.paste_speech = action(self.tr("粘贴为新讲稿"), "Ctrl+Shift+V", self.paste_as_speech)
        self.open_backups = action(self.tr("以前保存的版本…"), None, self.show_backups)
        self.open_backups.setToolTip(self.tr("查看并恢复这篇讲稿以前保存的版本"))
        self.recent_menu = QMenu(self.tr("最近打开"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.new_from_example.setEnabled(example_path() is not None)

        self.session = SpeechSession(keep_backups=settings.keep_backups())
        # Every file write of the session runs here, in order (see background_writes).
        self.writer = BackgroundWriter(self)
        self._recovery_timer = QTimer(self)
        self._recovery_timer.setSingleShot(True)
        self._recovery_timer.setInterval(RECOVERY_INTERVAL_MS)
        self._recovery_timer.timeout.connect(self.write_recovery)
        self._recovery_warned = False
        # Edits since the speech was loaded: a save compares the count at its snapshot with the
        # count when it is done, to know whether the file holds what the window shows.
        self._edits = 0
        self._last_save: bool | None = None
        document.content_changed.connect(self._edited)
        document.structure_changed.connect(self._edited)

    # --- the unsaved-changes prompt -------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current speech (saved, discarded, or unchanged)."""
        if not self.document.is_modified() or self._nothing_to_lose():
            return True
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        answer = QMessageBox.question(
            self.window, self.tr("讲稿编排"),
            self.tr("“{0}”有未保存的修改。要保存吗？").format(self.display_name()),
            buttons, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_speech(wait=True) and not self.document.is_modified()
        return answer == QMessageBox.StandardButton.Discard

    def finish_writes(self) -> bool | None:
        """Wait for the saves and recovery writes under way and take their results (any
        question they raise is asked now).  Returns whether the last save succeeded (None when
        there was none)."""
        self.writer.finish()
        return self._last_save

    def _nothing_to_lose(self) -> bool:
        """A speech that was never saved and holds no text at all (新建, untouched)."""
        return self.document.path is None and self.document.speech.content() == Speech().content()

    def close_speech(self) -> None:
        """The speech is being replaced or the window closes: release its lock and recovery."""
        self.writer.finish()
        self._recovery_timer.stop()
        self.session.close()

    def display_name(self) -> str:
        if self.document.path:
            return Path(self.document.path).name
        if self.document.origin:
            return self.document.origin
        return self.tr("未命名讲稿")

    def _insist(self, attempt, refusals: tuple, title: str, question: str):
        """Run ``attempt(force=False)``; when it is refused for a reason the writer may
        override (another copy has the file open, it changed on disk), ask, and on yes run
        ``attempt(force=True)``.  None when the writer says no."""
        try:
            return attempt(False)
        except refusals as error:
            answer = QMessageBox.question(self.window, title, f"{error}\n\n{question}")
            if answer != QMessageBox.StandardButton.Yes:
                return None
            return attempt(True)

    # --- new and open -------------------------------------------------------------------------------

    def new_speech(self) -> None:
        chosen = self.choose_new_speech() if self.choose_new_speech is not None else (Speech(), "")
        if chosen is not None and self.maybe_save():
            self.close_speech()
            # Unsaved until it is saved: closing asks once there is text in it.
            self.document.load(chosen[0], None, origin=chosen[1], modified=True)

    def new_from_example_speech(self) -> None:
        if self.maybe_save():
            self.load_example()

    def load_example(self) -> bool:
        path = example_path()
        return path is not None and self._load_bundled(path)

    def _load_bundled(self, path: str | os.PathLike) -> bool:
        """A speech that ships with the program, as an unsaved copy: not bound to the bundled
        file (saving asks where) and not locked (the program folder may be read-only)."""
        try:
            speech = load_speech(path)
        except ComposerError as error:
            self.message.emit(str(error))
            return False
        self.close_speech()
        self.document.load(speech, None, origin=self.tr("示例讲稿"))
        return True

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        from . import file_dialogs   # Qt's file dialog classes: loaded when first asked
        path, _ = file_dialogs.get_open_file_name(
            self.window, self.tr("打开讲稿"), settings.last_folder(),
            self.tr("讲稿 (*.speech.yaml);;可导入的文件 (*.docx *.doc *.wps *.txt *.md);;所有文件 (*)"))
        if path:
            self.open_path(path, ask=False)

    def open_path(self, path: str, ask: bool = True) -> bool:
        if self.import_instead is not None and services.is_importable(path):
            return self.import_instead(path)
        if ask and not self.maybe_save():
            return False
        if is_bundled(path):
            return self._load_bundled(path)
        self.writer.finish()   # the session is about to change: no write of it may be under way
        try:
            speech = self._insist(lambda force: self.session.open(path, force=force),
                                  (SpeechLockedError,), self.tr("讲稿已被打开"),
                                  self.tr("仍然打开吗？"))
        except ComposerError as error:
            QMessageBox.warning(self.window, self.tr("无法打开"), str(error))
            return False
        if speech is None:
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

    def save_speech(self, wait: bool = False) -> bool:
        """Save (in the background).  True when the save was started — or, with ``wait``, when
        it has succeeded; its outcome is otherwise reported when it is done."""
        if not self.document.path:
            return self.save_speech_as(wait)
        return self._write(self.document.path, wait=wait)

    def save_speech_as(self, wait: bool = False) -> bool:
        suggested = os.path.join(settings.last_folder() or str(Path.home()),
                                 safe_file_name(self.document.speech.title) + SUFFIX)
        from . import file_dialogs   # Qt's file dialog classes: loaded when first asked
        path, _ = file_dialogs.get_save_file_name(self.window, self.tr("保存讲稿"), suggested,
                                                  self.tr("讲稿 (*.speech.yaml)"))
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path = path[:-len(".yaml")] if path.endswith(".yaml") else path
            path += SUFFIX
        return self._write(path, wait=wait)

    def _write(self, path: str, force: bool = False, wait: bool = False) -> bool:
        """Start saving a snapshot of the speech to ``path``; the worker serialises and writes
        it, :meth:`_saved` takes the outcome on the UI thread."""
        self.writer.finish()   # one save at a time; its outcome may change the session
        target = None if self.document.path and os.path.abspath(path) == self.document.path else path
        self.session.keep_backups = settings.keep_backups()  # the setting may have changed
        self.document.close_merge()   # typing from now on is a new step: undo can reach the file
        speech, edits = snapshot(self.document.speech), self._edits
        self._last_save = None
        self.writer.submit(
            lambda: self.session.save(speech, target, force=force),
            lambda result, error: self._saved(path, force, edits, result, error))
        if wait:
            return bool(self.finish_writes())
        return True

    def _saved(self, path: str, forced: bool, edits: int, result, error) -> None:
        if error is not None:
            self._last_save = False
            self._save_failed(path, forced, error)
            return
        self._last_save = True
        self.document.set_saved(os.path.abspath(path))
        if self._edits != edits:
            # The writer typed on while the file was written: those edits are not in it.
            self.document.stack.resetClean()
        else:
            self._recovery_timer.stop()
        for warning in result.warnings:
            self.message.emit(str(warning))
        settings.add_recent_file(path)
        settings.set_last_folder(os.path.dirname(os.path.abspath(path)))
        if not result.warnings:
            self.message.emit(self.tr("已保存到 {0}").format(path))
        self.speech_saved.emit()

    def _save_failed(self, path: str, forced: bool, error: BaseException) -> None:
        """Tell why a save failed and offer what can be done: overwrite anyway (the file changed
        on disk, or another copy has it open), or save under another name (a read-only file)."""
        if isinstance(error, (ExternalChangeError, SpeechLockedError)) and not forced:
            answer = QMessageBox.question(self.window, self.tr("保存"),
                                          f"{error}\n\n{self.tr('仍然保存吗？')}")
            if answer == QMessageBox.StandardButton.Yes:
                self._write(path, force=True)
            return
        if isinstance(error, ReadOnlyFileError):
            if ask_save_elsewhere(self.window, self.tr("保存失败"), str(error)):
                self.save_speech_as()
            return
        if not isinstance(error, ComposerError):
            error = ComposerError(f"保存时出现内部错误：{type(error).__name__}: {error}",
                                  f"Internal error while saving: {type(error).__name__}: {error}")
        QMessageBox.warning(self.window, self.tr("保存失败"), str(error))

    # --- recovery -----------------------------------------------------------------------------------

    def _edited(self, *_args) -> None:
        self._edits += 1
        if not self._recovery_timer.isActive():
            # The first change since the last write starts the clock; later ones do not
            # restart it, so that continuous typing cannot put the write off.
            self._recovery_timer.start()

    def write_recovery(self) -> None:
        """Keep the unsaved state where a crash cannot take it: a snapshot here, the write on
        the worker (after any save under way, so it describes the file that save wrote)."""
        self._recovery_timer.stop()
        session = self.session
        if self.document.is_modified():
            speech = snapshot(self.document.speech)
            self.writer.submit(lambda: session.write_recovery(speech), self._recovery_written)
        else:
            # Undone back to the saved text: a crash now loses nothing, and an old recovery
            # file must not bring back edits the writer took back.
            name = session.session
            self.writer.submit(lambda: recovery.discard_recovery(name), self._recovery_written)

    def _recovery_written(self, _result, error) -> None:
        if error is None:
            return
        if not isinstance(error, ComposerError):
            error = ComposerError(f"无法写入恢复文件：{type(error).__name__}: {error}",
                                  f"Cannot write the recovery file: {type(error).__name__}: {error}")
        if not self._recovery_warned:  # say it once, not every few seconds
            self._recovery_warned = True
            self.message.emit(str(error))

    def keep_for_next_start(self) -> None:
        """The program is being ended from outside (logout, shutdown, ``kill``): there is no
        one to ask, so the unsaved edits go to the recovery file, offered at the next start,
        and the speech's lock is freed for colleagues."""
        self.write_recovery()
        self.writer.finish()
        if self.session.path is not None:
            locks.release(self.session.path, self.session.session)

    def offer_recovery(self) -> bool:
        """At start-up: offer the unsaved edits crashed sessions left, newest first, one at a
        time.  True when one was restored into this window.

        Nothing is deleted unless the writer says so: "later" keeps a file for the next start,
        and so does every file not asked about because one was restored already (this window
        holds one speech).
        """
        try:
            found = recovery.list_recoveries()
        except ComposerError:
            return False
        for number, item in enumerate(found, start=1):
            answer = ask_restore(self.window, self.recovery_question(item, number, len(found)))
            if answer == DISCARD:
                try:
                    recovery.discard_recovery(item)
                except ComposerError as error:
                    QMessageBox.warning(self.window, self.tr("无法删除"), str(error))
            elif answer == RESTORE and self._restore(item):
                later = len(found) - number
                if later:
                    self.message.emit(self.tr("还有 {0} 份未保存的修改，下次启动时会再询问。")
                                      .format(later))
                return True
        return False

    def recovery_question(self, item: recovery.Recovery, number: int = 1, count: int = 1) -> str:
        """What a recovery file holds and when it was written, for the restore prompt."""
        try:
            when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(item.written))
        except (OverflowError, OSError, ValueError):
            when = self.tr("未知")  # a damaged header; the edits may still be intact
        title = item.title.strip() or self.tr("（无标题）")
        if len(title) > 80:
            title = title[:80] + "…"
        characters = str(item.characters) if item.characters >= 0 else self.tr("未知")
        text = self.tr("上次没有正常退出，留下了未保存的修改：\n\n"
                       "标题：{0}\n文件：{1}\n字数：{2}\n写于：{3}\n\n"
                       "要恢复吗？选“删除”会删除这份恢复文件；选“以后再说”，下次启动时再问。").format(
            title, item.original or self.tr("（从未保存过的新讲稿）"), characters, when)
        if count > 1:
            text = self.tr("（第 {0} 份，共 {1} 份）").format(number, count) + "\n" + text
        return text

    def _restore(self, item: recovery.Recovery) -> bool:
        self.writer.finish()
        try:
            speech = self._insist(lambda force: self.session.restore(item, force=force),
                                  (SpeechLockedError,), self.tr("讲稿已被打开"),
                                  self.tr("仍然恢复吗？"))
        except ComposerError as error:
            QMessageBox.warning(self.window, self.tr("无法恢复"), str(error))
            return False
        if speech is None:
            return False
        path = str(self.session.path) if self.session.path else None
        self.document.load(speech, path, origin=self.tr("恢复的讲稿"), modified=True)
        return True

    # --- backups ------------------------------------------------------------------------------------

    def show_backups(self) -> None:
        """以前保存的版本: list, preview and restore the earlier versions of this speech."""
        from ..core import operations as ops
        from .backups_dialog import BackupsDialog
        dialog = BackupsDialog(self.document.path, self.window)
        if dialog.exec() != BackupsDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        self.document.execute(ops.replace_speech(self.document.speech, dialog.chosen),
                              self.tr("恢复以前的版本"))
        self.message.emit(self.tr("已恢复以前保存的版本；可以撤销，保存后才写入文件。"))

    # --- paste as a new speech ----------------------------------------------------------------------

    def paste_as_speech(self) -> None:
        if self.paste_instead is not None:
            self.paste_instead()
            return
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
        self.close_speech()
        # Only on the clipboard so far: unsaved, so that closing asks.
        self.document.load(speech, None, origin=self.tr("粘贴的讲稿"), modified=True)
        self.message.emit(self.tr("已从剪贴板生成讲稿：{0} 个一级标题。").format(len(speech.body)))

    # --- export -------------------------------------------------------------------------------------

    def preflight_confirmed(self, go_on: str | None = None) -> bool:
        """导出前检查: True when the proofreader finds nothing the writer has not ignored, or
        the writer goes on anyway.  GO_ON names that choice (「仍然导出」 by default,
        「仍然打印」 before printing)."""
        return self.preflight(go_on)

    def suggested_export_path(self, suffix: str, copy: str = FULL) -> str:
        """Where an export goes by default: beside the speech file, named like it."""
        base = Path(self.document.path).name[:-len(SUFFIX)] if self.document.path else \
            safe_file_name(self.document.speech.title)
        if copy != FULL:
            base += self.tr("-提纲")
        folder = os.path.dirname(self.document.path) if self.document.path else settings.last_folder()
        return os.path.join(folder or str(Path.home()), base + suffix)

    def export_docx(self, copy: str = FULL) -> bool:
        """Export the speech (or its outline copy) after the preflight and the font check."""
        if not self.preflight_confirmed() or not self.fonts_confirmed():
            return False
        title = self.tr("导出 Word 文档") if copy == FULL else self.tr("导出提纲")
        suggested = self.suggested_export_path(".docx", copy)
        from . import file_dialogs   # Qt's file dialog classes: loaded when first asked
        while True:
            path, _ = file_dialogs.get_save_file_name(self.window, title, suggested,
                                                      self.tr("Word 文档 (*.docx)"))
            if not path:
                return False
            if not path.lower().endswith(".docx"):
                path += ".docx"
            try:
                services.export_docx(self.document.speech, path, settings.format_profile() or None,
                                     copy,
                                     self.document.speech.speaking_rate or settings.speaking_rate())
            except ReadOnlyFileError as error:
                # The file chosen is read-only (an approved copy, a file someone locked):
                # offer another name rather than a dead end.
                if not ask_save_elsewhere(self.window, self.tr("导出失败"), str(error)):
                    return False
                suggested = path
                continue
            except ComposerError as error:
                QMessageBox.warning(self.window, self.tr("导出失败"), str(error))
                return False
            self.exported(path)
            return True

    def fonts_confirmed(self) -> bool:
        """Say before the export what the fonts this machine lacks will do (Qt's font
        database knows the installed ones); False when the writer chooses not to go on."""
        notices = services.font_notices(settings.format_profile() or None, font_installed())
        text = "\n".join(notices)
        if not notices or text == settings.font_notice_seen():
            return True
        return ask_about_fonts(self.window, notices)

    def exported(self, path: str) -> None:
        """An export (.docx or PDF) went to PATH: the usage history records it; say where, and
        offer to open its folder."""
        self.speech_exported.emit()
        self.message.emit(self.tr("已导出到 {0}").format(path))
        if ask_open_folder(self.window, path):
            folder = os.path.dirname(os.path.abspath(path))
            if not open_folder(folder):
                self.message.emit(folder_not_shown(folder))


def ask_open_folder(parent, path: str) -> bool:
    """The "export finished" message; True when the writer asks to open the folder."""
    box = QMessageBox(QMessageBox.Icon.Information,
                      QCoreApplication.translate("FileActions", "导出完成"),
                      QCoreApplication.translate("FileActions", "已导出：\n{0}").format(path),
                      QMessageBox.StandardButton.Ok, parent)
    show_folder = box.addButton(QCoreApplication.translate("FileActions", "打开所在文件夹"),
                                QMessageBox.ButtonRole.ActionRole)
    box.exec()
    return box.clickedButton() is show_folder


def font_installed():
    """``is_installed(name)`` from Qt's font database.  Its family list is the truth; on Linux
    ``hasFamily`` also says yes to any name a fontconfig alias maps to another font (仿宋 → some
    Song face), so it is asked only elsewhere (Windows knows a font by its Chinese and its
    English name, and hasFamily finds either)."""
    listed = services.installed_checker(QFontDatabase.families())
    if sys.platform.startswith("linux"):
        return listed
    return lambda name: listed(name) or QFontDatabase.hasFamily(name)


def ask_about_fonts(parent, notices: list[str], footnote: str = "", go_on_text: str = "") -> bool:
    """The export's font notice: what Word will show instead and what to do; True to export.
    "不再提示" remembers these notices, so the same missing fonts are not told again.  FOOTNOTE
    and GO_ON_TEXT replace the .docx's last sentence and button (the PDF and printing)."""
    translate = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Information, translate("FileActions", "字体提示"),
                      translate("FileActions", "这台电脑缺少格式方案里的部分字体："),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText("\n\n".join(notices) + "\n\n" + (footnote or translate(
        "FileActions", "文档照常导出；在装有这些字体的电脑上打开时显示正常。")))
    go_on = box.addButton(go_on_text or translate("FileActions", "继续导出"),
                          QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("FileActions", "取消"), QMessageBox.ButtonRole.RejectRole)
    remember = QCheckBox(translate("FileActions", "这些字体不再提示"))
    box.setCheckBox(remember)
    box.setDefaultButton(go_on)
    box.exec()
    if box.clickedButton() is not go_on:
        return False
    if remember.isChecked():
        settings.set_font_notice_seen("\n".join(notices))
    return True


def ask_save_elsewhere(parent, title: str, reason: str) -> bool:
    """A read-only target: say so, and ask whether to choose another file (True)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, reason, QMessageBox.StandardButton.Cancel,
                      parent)
    elsewhere = box.addButton(QCoreApplication.translate("FileActions", "另存为…"),
                              QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(elsewhere)
    box.exec()
    return box.clickedButton() is elsewhere


RESTORE, DISCARD, LATER = "restore", "discard", "later"


def ask_restore(parent, text: str) -> str:
    """The restore prompt, with buttons that say what they do: RESTORE, DISCARD or LATER
    (also for Esc and closing the box, so that nothing is deleted by accident)."""
    translate = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Question, translate("FileActions", "恢复未保存的修改"),
                      text, QMessageBox.StandardButton.NoButton, parent)
    restore = box.addButton(translate("FileActions", "恢复"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(translate("FileActions", "删除"),
                            QMessageBox.ButtonRole.DestructiveRole)
    later = box.addButton(translate("FileActions", "以后再说"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.setEscapeButton(later)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        return RESTORE
    return DISCARD if clicked is discard else LATER
