"""The list of findings as the 检查 dock and the export preflight show it.

A rule row (bold, with its severity's colour and its count) holds its findings; a finding row
shows where it is (「一、统一思想… 第2段」, grey) and its excerpt with the span that is wrong
marked.  The line under the list says what the current finding is and what 修正 would write.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QLabel, QStyle,
                               QStyledItemDelegate, QTreeView)

from ..core.proofread import Finding
from .check_model import ROW_ROLE, SEVERITY_COLOURS, FindingsModel, RowText, severity_name

SPAN_BACKGROUND = QColor(0xFF, 0xD8, 0x6B)


class FindingDelegate(QStyledItemDelegate):
    """Paints a finding row in three parts: where (grey), the excerpt, its span marked."""

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 6))

    def paint(self, painter: QPainter, option, index) -> None:
        row: RowText | None = index.data(ROW_ROLE)
        if row is None:
            super().paint(painter, option, index)
            return
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        rect = QRect(option.rect).adjusted(4, 0, -4, 0)
        painter.save()
        painter.setClipRect(option.rect)
        metrics = painter.fontMetrics()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = (option.palette.highlightedText() if selected else option.palette.text()).color()
        grey = QColor(text_colour)
        grey.setAlpha(150)
        if row.ignored:
            text_colour = grey
        baseline = rect.top() + (rect.height() + metrics.ascent() - metrics.descent()) // 2
        x = rect.left()
        where = metrics.elidedText(row.where, Qt.TextElideMode.ElideRight,
                                   max(40, rect.width() * 2 // 5))
        painter.setPen(grey)
        painter.drawText(x, baseline, where)
        x += metrics.horizontalAdvance(where) + metrics.horizontalAdvance("　")
        for piece, marked in ((row.before, False), (row.span or "", True), (row.after, False),
                              (row.note, False)):
            if not piece:
                continue
            width = metrics.horizontalAdvance(piece)
            if marked:
                painter.fillRect(QRect(x, rect.top() + 3, width, rect.height() - 6),
                                 SPAN_BACKGROUND)
                painter.setPen(QColor(Qt.GlobalColor.black))
            else:
                painter.setPen(text_colour)
            painter.drawText(x, baseline, piece)
            x += width
            if x > rect.right():
                break
        painter.restore()


class FindingsTree(QTreeView):
    def __init__(self, model: FindingsModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setItemDelegate(FindingDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        model.layoutChanged.connect(self.expandAll)
        model.modelReset.connect(self.expandAll)

    def sizeHint(self) -> QSize:
        return QSize(400, 110)      # a few rows; the dock and the dialog give it more

    def findings_model(self) -> FindingsModel:
        model = self.model()
        assert isinstance(model, FindingsModel)
        return model

    def current_finding(self) -> Finding | None:
        return self.findings_model().finding_at(self.currentIndex())

    def select_finding(self, finding: Finding) -> bool:
        index = self.findings_model().index_of(finding)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)
        return index.isValid()


class FindingDetail(QLabel):
    """One or two lines under the list: the current finding's message and its fix."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet("padding: 2px 4px;")

    def show_finding(self, finding: Finding | None) -> None:
        if finding is None:
            self.clear()
            return
        text = f"{severity_name(finding.severity)}：{finding.message}"
        if finding.fix is not None:
            text += "　" + self.tr("修正为：{0}").format(
                f"「{finding.fix}」" if finding.fix else self.tr("（删去）"))
        colour = SEVERITY_COLOURS.get(finding.severity)
        self.setText(text)
        self.setStyleSheet(f"padding: 2px 4px; border-left: 3px solid {colour.name()};"
                           if colour is not None else "padding: 2px 4px;")
