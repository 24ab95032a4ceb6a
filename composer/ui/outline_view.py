"""The outline tree view: drag and drop with clear before / after / into indicators.

The view runs in DragDrop mode (not InternalMove): it accepts section drags from itself and
snippet drags from the library pane, and every drop is decided by the model
(``canDropMimeData`` / ``dropMimeData``).

The second column (字数, time, share of the target) is as wide as its widest text, measured
when the figures change, never while laying out rows; the headings take the rest.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QProxyStyle, QStyle, QTreeView

ACCENT = QColor(0xC0, 0x39, 0x2B)  # 公文红: visible on white and on the selection colour


class DropIndicatorStyle(QProxyStyle):
    """Draws a thick line with a knob for 'before/after' and a tinted box for 'into'."""

    def drawPrimitive(self, element, option, painter: QPainter, widget=None) -> None:
        if element != QStyle.PrimitiveElement.PE_IndicatorItemViewItemDrop:
            super().drawPrimitive(element, option, painter, widget)
            return
        rect: QRect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if rect.height() == 0:  # between two rows
            painter.setPen(QPen(ACCENT, 3))
            painter.drawLine(rect.left() + 6, rect.top(), rect.right(), rect.top())
            painter.setBrush(ACCENT)
            painter.drawEllipse(QPoint(rect.left() + 4, rect.top()), 4, 4)
        elif not rect.isNull():  # onto a row: becomes its last sub-section
            fill = QColor(ACCENT)
            fill.setAlpha(40)
            painter.setPen(QPen(ACCENT, 2))
            painter.setBrush(fill)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
        painter.restore()


class OutlineView(QTreeView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAutoExpandDelay(600)  # hovering a closed heading while dragging opens it
        self.setUniformRowHeights(True)
        self.setExpandsOnDoubleClick(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        # The indicator style is put on only while something is dragged over the view: a Python
        # style is called for every primitive of every painted row, which costs a third of a
        # repaint.  Both kept referenced: the view does not own them.
        self._budget_width = 0
        self._drag_style = DropIndicatorStyle()
        self._plain_style = self.style()

    def setModel(self, model) -> None:
        super().setModel(model)
        header = self.header()
        header.setStretchLastSection(False)
        if model is not None and model.columnCount() > 1:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
            budget = getattr(model, "budget", None)
            if budget is not None:
                budget.changed.connect(self.fit_budget_column)
            self.fit_budget_column()

    def fit_budget_column(self) -> None:
        """Measure the second column's widest text (after the figures changed)."""
        texts = getattr(self.model(), "budget_texts", None)
        if texts is None:
            return
        metrics = self.fontMetrics()
        bold = QFont(self.font())
        bold.setBold(True)
        wide = QFontMetrics(bold)
        self._budget_width = max(((wide if over else metrics).horizontalAdvance(text)
                                  for text, over in texts()), default=0) + 16
        self._apply_budget_width()

    def _apply_budget_width(self) -> None:
        # Never more than half the pane: the headings matter more than their figures.
        wanted = min(self._budget_width, max(80, self.viewport().width() // 2))
        if self.header().count() > 1 and self.header().sectionSize(1) != wanted:
            self.header().resizeSection(1, wanted)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._apply_budget_width()

    def _dragging(self, on: bool) -> None:
        wanted = self._drag_style if on else self._plain_style
        if self.style() is not wanted:
            self.setStyle(wanted)

    def dragEnterEvent(self, event) -> None:
        self._dragging(True)
        super().dragEnterEvent(event)

    def dragLeaveEvent(self, event) -> None:
        super().dragLeaveEvent(event)
        self._dragging(False)

    def dropEvent(self, event) -> None:
        try:
            super().dropEvent(event)
        finally:
            self._dragging(False)
