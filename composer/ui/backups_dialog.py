"""以前保存的版本: the backups of the open speech, shown in the program itself.

A writer who needs last Tuesday's wording back should not depend on a file manager (on many
office PCs and remote desktops none can be launched from a program).  The dialog lists the
backups newest first with their time and 字数, previews the selected one, and restores it into
the window as one undoable step: the current text stays one Undo away, and nothing is written
until the writer saves.  "打开文件夹" still shows the folder where that works, and says where the
backups are when it does not.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout,
                               QWidget)

from ..core.errors import ComposerError
from ..core.numbering import outline_markers
from ..core.speech import Speech
from ..core.stats import speech_stats
from ..io import backups
from ..io.speech_file import load_speech
from .file_actions import folder_not_shown, open_folder

_PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def speech_text(speech: Speech) -> str:
    """The speech as plain text in reading order, numbered and indented, for the preview."""
    markers = outline_markers(speech)
    indent = "\u3000\u3000"
    lines = [speech.title, speech.subtitle, speech.speaker, speech.date, speech.salutation]
    lines += [indent + p for p in speech.opening]
    for section, _level in speech.walk():
        lines.append(indent + markers[section.id] + section.heading)
        lines.extend(indent + p for p in section.paragraphs)
    lines += [indent + p for p in speech.closing]
    return "\n".join(line for line in lines if line.strip())


def backups_of(path: str | None) -> list[Path]:
    """The open speech's backups, newest first; every backup when it has no file yet."""
    if path:
        return backups.list_backups(path)
    root = backups.backups_root()
    try:
        found = [p for folder in root.iterdir() if folder.is_dir() for p in folder.iterdir()
                 if p.name.endswith(".speech.yaml")]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


class BackupsDialog(QDialog):
    """Pick an earlier version; ``chosen`` holds it (read and checked) after 恢复此版本."""

    def __init__(self, path: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = path
        self.chosen: Speech | None = None
        self.setWindowTitle(self.tr("以前保存的版本"))
        self.resize(820, 520)
        layout = QVBoxLayout(self)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        split.addWidget(self.list)
        split.addWidget(self.preview)
        split.setSizes([300, 520])
        layout.addWidget(split, 1)
        row = QHBoxLayout()
        self.folder_button = QPushButton(self.tr("打开文件夹"))
        self.folder_button.clicked.connect(self.open_folder)
        self.folder_note = QLabel()
        self.folder_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_note.setWordWrap(True)
        row.addWidget(self.folder_button)
        row.addWidget(self.folder_note, 1)
        layout.addLayout(row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = self.buttons.addButton(self.tr("恢复此版本"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.restore)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.currentItemChanged.connect(self._show)
        self._fill()

    def folder(self) -> Path:
        folder = backups.folder_for(self.path) if self.path else None
        return folder if folder is not None and folder.is_dir() else backups.backups_root()

    def _fill(self) -> None:
        found = backups_of(self.path)
        if self.path:
            self.caption.setText(self.tr("“{0}”以前保存过的版本（最新的在上）。恢复后可以撤销；"
                                         "保存之前不会写入文件。").format(Path(self.path).name))
        else:
            self.caption.setText(self.tr("这篇讲稿还没有保存过；下面是所有讲稿的备份（最新的在上）。"))
        for path in found:
            stamp = datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M:%S")
            label = stamp if self.path else f"{stamp}　{path.parent.name}"
            try:
                label += "　" + self.tr("{0} 字").format(speech_stats(load_speech(path)).total.total)
            except ComposerError:
                label += "　" + self.tr("（无法读取）")
            item = QListWidgetItem(label)
            item.setData(_PATH_ROLE, str(path))
            self.list.addItem(item)
        if not found:
            self.preview.setPlainText(self.tr("还没有备份。每次保存时，上一次保存的版本会留作备份。"))
        self.restore_button.setEnabled(bool(found))
        if found:
            self.list.setCurrentRow(0)

    def _read(self, item: QListWidgetItem | None) -> Speech | None:
        if item is None:
            return None
        try:
            return load_speech(item.data(_PATH_ROLE))
        except ComposerError as error:
            self.preview.setPlainText(str(error))
            return None

    def _show(self, item: QListWidgetItem | None, _previous=None) -> None:
        speech = self._read(item)
        self.restore_button.setEnabled(speech is not None)
        if speech is None:
            return
        count = speech_stats(speech).total.total
        self.preview.setPlainText(self.tr("{0} 字").format(count) + "\n\n" + speech_text(speech))

    def restore(self) -> None:
        speech = self._read(self.list.currentItem())
        if speech is not None:
            self.chosen = speech
            self.accept()

    def open_folder(self) -> None:
        folder = self.folder()
        if open_folder(folder):
            self.folder_note.clear()
        else:
            self.folder_note.setText(folder_not_shown(folder))
