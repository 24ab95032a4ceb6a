"""The find and replace bar above the document view (Ctrl+F finds, Ctrl+H replaces).

The search itself is core's (``core/find.py``): this bar asks it for the matches, shows them
highlighted in the view with a count such as 3/12, moves between them, and executes the
replacements it builds — Replace All as one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton,
                               QToolButton, QWidget)

from ..core import find
from ..core.errors import OperationError
from .document import Document
from .document_view import DocumentView

# Looking again after the text changed waits this long, so typing with the bar open stays fast.
RESEARCH_MS = 150


class FindBar(QWidget):
    message = Signal(str)

    def __init__(self, document: Document, view: DocumentView,
                 current_key: Callable[[], str | None], parent=None):
        """``current_key()`` gives the outline's selected row, the scope of 「本节」."""
        super().__init__(parent)
        self.document = document
        self.view = view
        self.current_key = current_key
        self.matches: list[find.Match] = []
        self.spans: list[tuple[int, int]] = []
        self.current = -1

        self.find_field = QLineEdit()
        self.find_field.setPlaceholderText(self.tr("查找"))
        self.find_field.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setMinimumWidth(64)
        self.previous_button = QToolButton()
        self.previous_button.setText("▲")
        self.previous_button.setToolTip(self.tr("上一个（Shift+F3）"))
        self.next_button = QToolButton()
        self.next_button.setText("▼")
        self.next_button.setToolTip(self.tr("下一个（F3）"))
        self.match_width = QCheckBox(self.tr("全角半角视为相同"))
        self.match_width.setToolTip(self.tr("数字、字母、括号和标点的全角与半角形式都算作相同，"
                                            "例如（1）和(1)、１２和12"))
        self.scope = QComboBox()
        self.scope.addItem(self.tr("全文"))
        self.scope.addItem(self.tr("本节"))
        self.scope.setToolTip(self.tr("在整篇讲稿中查找，或只在提纲中选中的一节（含下级标题）中查找"))
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("关闭（Esc）"))
        self.replace_field = QLineEdit()
        self.replace_field.setPlaceholderText(self.tr("替换为"))
        self.replace_button = QPushButton(self.tr("替换"))
        self.replace_all_button = QPushButton(self.tr("全部替换"))

        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.find_field, 0, 0)
        grid.addWidget(self.count, 0, 1)
        grid.addWidget(self.previous_button, 0, 2)
        grid.addWidget(self.next_button, 0, 3)
        grid.addWidget(self.match_width, 0, 4)
        grid.addWidget(self.scope, 0, 5)
        grid.addWidget(self.close_button, 0, 6)
        grid.addWidget(self.replace_field, 1, 0)
        grid.addWidget(self.replace_button, 1, 2, 1, 2)
        grid.addWidget(self.replace_all_button, 1, 4)
        grid.setColumnStretch(0, 1)
        self.replace_row = (self.replace_field, self.replace_button, self.replace_all_button)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RESEARCH_MS)
        self._timer.timeout.connect(self.search)
        self.find_field.textEdited.connect(lambda _: self.search(from_caret=True))
        self.find_field.returnPressed.connect(self.next)
        self.replace_field.returnPressed.connect(self.replace_current)
        self.match_width.toggled.connect(lambda _: self.search(from_caret=True))
        self.scope.currentIndexChanged.connect(lambda _: self.search(from_caret=True))
        self.previous_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.close_button.clicked.connect(self.close_bar)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        view.highlights_stale.connect(self._timer.start)
        document.reset.connect(self._timer.start)
        # Any edit may add matches where none are shown (an undo of Replace All, typing the
        # word looked for): the view's highlights_stale only covers edits near shown ones.
        document.content_changed.connect(self._text_changed)
        self.hide()

    # --- opening and closing ----------------------------------------------------------------------

    def open_find(self, replace: bool = False) -> None:
        for widget in self.replace_row:
            widget.setVisible(replace)
        selected = self.view.selected_text() if self.view.textCursor().hasSelection() else ""
        if selected and "\n" not in selected:
            self.find_field.setText(selected)
        self.show()
        self.find_field.setFocus()
        self.find_field.selectAll()
        self.search(from_caret=True)

    def open_replace(self) -> None:
        self.open_find(replace=True)
        if self.find_field.text():
            self.replace_field.setFocus()
            self.replace_field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.matches, self.spans, self.current = [], [], -1
        self.view.set_highlights([])
        self.view.setFocus()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.previous()
            return
        super().keyPressEvent(event)

    # --- searching --------------------------------------------------------------------------------

    def _text_changed(self, _changes=None) -> None:
        if self.isVisible() and self.find_field.text():
            self._timer.start()

    def scope_key(self) -> str | None:
        return self.current_key() if self.scope.currentIndex() == 1 else None

    def search(self, from_caret: bool = False) -> None:
        """Find the matches again and highlight them; the current one is the first after the
        caret (``from_caret``) or the one that was current."""
        if self.isHidden():
            return
        query = self.find_field.text()
        try:
            matches = find.find_all(self.document.speech, query, self.match_width.isChecked(),
                                    self.scope_key())
        except OperationError as error:
            self.message.emit(str(error))
            matches = []
        pairs = [(m, self.view.span_of(m.container, m.index, m.start, m.end)) for m in matches]
        shown = [(m, span) for m, span in pairs if span is not None]
        self.matches = [m for m, _ in shown]
        self.spans = [span for _, span in shown if span is not None]
        if not self.spans:
            self.current = -1
        elif from_caret or not 0 <= self.current < len(self.spans):
            caret = self.view.textCursor().selectionStart()
            self.current = next((i for i, (start, _) in enumerate(self.spans) if start >= caret), 0)
        self._show()

    def _show(self) -> None:
        self.view.set_highlights(self.spans, self.current)
        if not self.find_field.text():
            self.count.setText("")
        elif not self.spans:
            self.count.setText(self.tr("无结果"))
        else:
            self.count.setText(f"{self.current + 1}/{len(self.spans)}")
        for widget in (self.previous_button, self.next_button, self.replace_button):
            widget.setEnabled(bool(self.spans))

    def _go(self, step: int) -> None:
        if self.isHidden():
            self.open_find()
        if self._timer.isActive():
            self._timer.stop()
            self.search()
        if not self.spans:
            return
        self.current = (self.current + step) % len(self.spans) if self.current >= 0 else 0
        self._show()
        self.view.select_span(*self.spans[self.current])

    def next(self) -> None:
        self._go(1 if self._selected_is_current() else 0)

    def previous(self) -> None:
        self._go(-1)

    def _selected_is_current(self) -> bool:
        """Whether the view shows the current match selected (then Next goes on from it)."""
        if not 0 <= self.current < len(self.spans):
            return False
        cursor = self.view.textCursor()
        return (cursor.selectionStart(), cursor.selectionEnd()) == self.spans[self.current]

    # --- replacing --------------------------------------------------------------------------------

    def replace_current(self) -> None:
        """Replace the current match (selecting it first if it is not selected yet)."""
        if self._timer.isActive():
            self._timer.stop()
            self.search()
        if not self.spans:
            return
        if not self._selected_is_current():
            self._go(0)
            return
        match = self.matches[self.current]
        try:
            edit = find.replace_one(self.document.speech, match, self.find_field.text(),
                                    self.replace_field.text(), self.match_width.isChecked())
            self.document.execute(edit, self.tr("替换"))
        except OperationError as error:
            self.message.emit(str(error))
            return
        index = self.current
        self.search()
        if self.spans:
            self.current = min(index, len(self.spans) - 1)
            self._show()
            self.view.select_span(*self.spans[self.current])

    def replace_all(self) -> int:
        """Replace every match in the scope as one undo step; returns how many."""
        query = self.find_field.text()
        try:
            edit = find.replace_all(self.document.speech, query, self.replace_field.text(),
                                    self.match_width.isChecked(), self.scope_key())
        except OperationError as error:
            self.message.emit(str(error))
            return 0
        if not edit.count:
            self.message.emit(self.tr("没有找到“{0}”。").format(query))
            return 0
        self.document.execute(edit, self.tr("全部替换"))
        self.message.emit(self.tr("已替换 {0} 处。").format(edit.count))
        self.search(from_caret=True)
        return edit.count
