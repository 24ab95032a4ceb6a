"""替换表: the dialog that edits a speech's substitution table (我院 → 我局 …).

The table is kept with the speech (saved in its file).  It is applied to every library snippet
as it is inserted (with a preview), and on demand to the whole speech (编辑 ▸ 按替换表修改全文).
Closing the dialog with OK is one undo step.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout,
                               QHeaderView, QLabel, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ..core import adaptation
from ..core.errors import ComposerError
from ..core.speech import HEAD_FIELDS, Speech
from ..core.unit_words import find_unit_words, summarize


def speech_texts(speech: Speech) -> list[str]:
    """Every text of a speech the table applies to, in reading order."""
    texts = [getattr(speech, name) for name in HEAD_FIELDS] + list(speech.opening)
    for section, _ in speech.walk():
        texts += [section.heading, *section.paragraphs]
    return texts + list(speech.closing)


class SubstitutionDialog(QDialog):
    def __init__(self, speech: Speech, parent: QWidget | None = None):
        super().__init__(parent)
        self.speech = speech
        self.result_table: adaptation.Table = list(speech.substitutions)
        self.setWindowTitle(self.tr("替换表"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "从别处借用的文字里，把别的单位的说法换成本单位的：插入素材时先预览再替换，\n"
            "也可以用“编辑 ▸ 按替换表修改全文”一次改好整篇讲稿（可以撤销）。\n"
            "“替换为”留空的行不保存。")))
        self.grid = QTableWidget(0, 2)
        self.grid.setHorizontalHeaderLabels([self.tr("原文"), self.tr("替换为")])
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for find, replacement in speech.substitutions:
            self.add_row(find, replacement)
        self.add_row()
        layout.addWidget(self.grid, 1)
        row = QHBoxLayout()
        add = QPushButton(self.tr("添加一行"))
        add.clicked.connect(lambda: self.add_row())
        remove = QPushButton(self.tr("删除所选行"))
        remove.clicked.connect(self.remove_selected)
        self.find_button = QPushButton(self.tr("找出讲稿里的单位用语"))
        self.find_button.setToolTip(self.tr("把讲稿中的我院、学院、全院师生、地名等列进表里，只需填写替换为什么"))
        self.find_button.clicked.connect(self.add_found_words)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        row.addWidget(self.find_button)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def add_row(self, find: str = "", replacement: str = "") -> None:
        row = self.grid.rowCount()
        self.grid.insertRow(row)
        self.grid.setItem(row, 0, QTableWidgetItem(find))
        self.grid.setItem(row, 1, QTableWidgetItem(replacement))

    def remove_selected(self) -> None:
        for row in sorted({index.row() for index in self.grid.selectedIndexes()}, reverse=True):
            self.grid.removeRow(row)

    def pairs(self) -> list[tuple[str, str]]:
        out = []
        for row in range(self.grid.rowCount()):
            cells = [self.grid.item(row, column) for column in (0, 1)]
            out.append(tuple(cell.text() if cell is not None else "" for cell in cells))
        return out  # type: ignore[return-value]

    def add_found_words(self) -> None:
        # Words already in the table, on either side (我局 is what 我院 becomes), are not listed.
        present = {text.strip() for pair in self.pairs() for text in pair}
        words = [w for w, _, _ in summarize(find_unit_words("\n".join(speech_texts(self.speech))))
                 if w not in present]
        # Fill the empty rows first, then add rows.
        empty = [row for row in range(self.grid.rowCount())
                 if not any(text.strip() for text in self.pairs()[row])]
        for word in words:
            if empty:
                self.grid.setItem(empty.pop(0), 0, QTableWidgetItem(word))
            else:
                self.add_row(word)

    def accept(self) -> None:
        # A row without a replacement is one the writer has not filled in yet (the found
        # words come in that way): it must not delete the word everywhere.
        filled = [(find, replacement) for find, replacement in self.pairs() if replacement.strip()]
        try:
            self.result_table = adaptation.check_table(filled)
        except ComposerError as error:
            QMessageBox.warning(self, self.tr("替换表"), str(error))
            return
        super().accept()


def ask_table(parent: QWidget | None, speech: Speech) -> adaptation.Table | None:
    """The edited table, or None when the writer cancels.  Tests replace this function."""
    dialog = SubstitutionDialog(speech, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_table
