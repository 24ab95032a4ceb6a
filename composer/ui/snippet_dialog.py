"""The dialog for saving a section to the library and for editing a snippet of the user's pack."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QVBoxLayout)

from ..core.library import KINDS, PARAGRAPH, Snippet


@dataclass
class SnippetDetails:
    kind: str
    tags: list[str]
    heading: str = ""
    paragraphs: list[str] | None = None   # None: not edited (saving a section as it is)


def parse_tags(text: str) -> list[str]:
    """Tags typed as 「文明创建，动员」 or "a, b c": split on commas, 、 and spaces."""
    tags: list[str] = []
    for tag in re.split(r"[,，、;；\s]+", text):
        if tag and tag not in tags:
            tags.append(tag)
    return tags


class SnippetDialog(QDialog):
    def __init__(self, parent=None, snippet: Snippet | None = None, heading: str = "",
                 kind: str = ""):
        super().__init__(parent)
        editing = snippet is not None
        self.setWindowTitle(self.tr("编辑素材") if editing else self.tr("存入素材库"))
        self.resize(520, 420 if editing else 160)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.heading = QLineEdit(snippet.heading if snippet is not None else heading)
        self.paragraphs = QPlainTextEdit("\n".join(snippet.paragraphs) if snippet is not None else "")
        if snippet is not None:
            if snippet.level != PARAGRAPH:
                form.addRow(self.tr("标题"), self.heading)
            form.addRow(self.tr("正文（每段一行）"), self.paragraphs)
        else:
            title = QLabel(heading or self.tr("（无标题）"))
            title.setWordWrap(True)
            form.addRow(self.tr("标题"), title)
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems(list(KINDS))
        self.kind.setCurrentText(snippet.kind if snippet is not None else kind)
        form.addRow(self.tr("类别"), self.kind)
        self.tags = QLineEdit("，".join(snippet.tags) if snippet is not None else "")
        self.tags.setPlaceholderText(self.tr("用逗号分隔，例如：文明创建，动员"))
        form.addRow(self.tr("标签"), self.tags)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._editing = editing

    def details(self) -> SnippetDetails:
        paragraphs = None
        if self._editing:
            paragraphs = [line.strip() for line in self.paragraphs.toPlainText().split("\n")
                          if line.strip()]
        return SnippetDetails(self.kind.currentText().strip(), parse_tags(self.tags.text()),
                              self.heading.text().strip(), paragraphs)


def ask_new_snippet(parent, heading: str, kind: str = "") -> SnippetDetails | None:
    """Kind and tags for a section about to be saved to the library; None when cancelled."""
    dialog = SnippetDialog(parent, heading=heading, kind=kind)
    return dialog.details() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_edited_snippet(parent, snippet: Snippet) -> SnippetDetails | None:
    dialog = SnippetDialog(parent, snippet=snippet)
    return dialog.details() if dialog.exec() == QDialog.DialogCode.Accepted else None
