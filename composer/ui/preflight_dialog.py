"""导出前检查: before a speech is exported or printed, the problems the 检查 dock lists, each
once.

The writer goes on anyway (仍然导出, 仍然打印), goes to a problem instead (转到此处, or a
double-click: the export stops and the problem's text is selected in the speech), or cancels.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from ..core.proofread import Finding
from ..core.speech import Speech
from .check_model import FindingsModel
from .check_view import FindingDetail, FindingsTree

EXPORT, JUMP, CANCEL = "export", "jump", "cancel"


class PreflightDialog(QDialog):
    def __init__(self, speech: Speech, findings: list[Finding],
                 markers: Callable[[], dict[str, str]], parent=None, go_on: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出前检查"))
        self.resize(640, 420)
        self.choice = CANCEL
        self.chosen: Finding | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("讲稿里还有 {0} 处问题。可以先转到问题处修改，也可以仍然继续。")
                       .format(len(findings)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = FindingsModel(lambda: speech, markers, self)
        self.model.set_findings(findings, frozenset())
        self.tree = FindingsTree(self.model)
        self.tree.expandAll()
        layout.addWidget(self.tree, 1)
        self.detail = FindingDetail()
        layout.addWidget(self.detail)
        buttons = QDialogButtonBox()
        self.jump_button = buttons.addButton(self.tr("转到此处"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button = buttons.addButton(go_on or self.tr("仍然导出"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.jump_button.clicked.connect(self.go_to_current)
        self.export_button.clicked.connect(self.export_anyway)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.activated.connect(self._activated)
        self.tree.doubleClicked.connect(self._activated)
        first = self.model.index(0, 0, self.model.index(0, 0))
        if first.isValid():
            self.tree.setCurrentIndex(first)
        self._current_changed(self.tree.currentIndex())

    def _current_changed(self, current: QModelIndex, _previous=None) -> None:
        finding = self.model.finding_at(current)
        self.detail.show_finding(finding)
        self.jump_button.setEnabled(finding is not None)

    def _activated(self, index: QModelIndex) -> None:
        if self.model.finding_at(index) is not None:
            self.go_to_current()

    def go_to_current(self) -> None:
        finding = self.tree.current_finding()
        if finding is not None:
            self.choice, self.chosen = JUMP, finding
            self.accept()

    def export_anyway(self) -> None:
        self.choice = EXPORT
        self.accept()


def ask_preflight(parent, speech: Speech, findings: list[Finding],
                  markers: Callable[[], dict[str, str]],
                  go_on: str | None = None) -> tuple[str, Finding | None]:
    """(EXPORT: go on, None), (JUMP, the finding to show) or (CANCEL, None).  GO_ON labels
    going on (「仍然导出」, 「仍然打印」).  Tests replace this."""
    dialog = PreflightDialog(speech, findings, markers, parent, go_on=go_on)
    dialog.exec()
    return dialog.choice, dialog.chosen
