"""The outline tree view: drag and drop with clear before / after / into indicators.

The view runs in DragDrop mode (not InternalMove): it accepts section drags from itself and
snippet drags from the library pane, and every drop is decided by the model
(``canDropMimeData`` / ``dropMimeData``).

Beside the rows, in a strip of its own over the right edge of the rows (the way an editor draws
line numbers), each row's 字数, speaking time and share of the target time, red where a section
takes more than its share; the rows' one column is made narrower by the strip's width, so
headings are cut short with … before it.  The strip paints the visible rows in one pass and
asks the model's budget directly: a second column would have the view ask its model a dozen
questions per row on every repaint, which made a drag in a 500-row outline 40% dearer.  Drops
land on the headings; a click on a row's figures selects the row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QStaticText,
                           QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QProxyStyle, QStyle, QToolTip,
                               QTreeView, QWidget)

from .outline_budget import OVER, QUIET

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
        self._drag_style = DropIndicatorStyle()
        self._plain_style = self.style()
        self.strip = BudgetStrip(self)
        self._strip_width = 0
        # What moves the rows under the strip (the model's changes are connected in setModel).
        self.verticalScrollBar().valueChanged.connect(self.strip.update)
        self.expanded.connect(self.strip.update)
        self.collapsed.connect(self.strip.update)

    def setModel(self, model) -> None:
        super().setModel(model)
        budget = getattr(model, "budget", None)
        if budget is not None:
            budget.changed.connect(self.fit_strip)
            # Rows moved or reset; a changed heading (dataChanged) moves no figures.
            model.layoutChanged.connect(self.strip.update)
            model.modelReset.connect(self.strip.update)
        self.selectionModel().currentChanged.connect(self.strip.update)
        self.fit_strip()

    def fit_strip(self) -> None:
        """As wide as the widest figures (measured when they change, not while painting)."""
        texts = getattr(self.model(), "budget_texts", None)
        if texts is None:
            return
        bold = QFont(self.font())
        bold.setBold(True)
        plain, wide = self.fontMetrics(), QFontMetrics(bold)
        width = max(((wide if over else plain).horizontalAdvance(text)
                     for text, over in texts()), default=0)
        width = width + 12 if width else 0
        if width != self._strip_width:
            self._strip_width = width
            self._place_strip()
        self.strip.update()

    def _place_strip(self) -> None:
        area = self.viewport().geometry()
        width = min(self._strip_width, area.width() // 2)   # the headings come first
        self.strip.setGeometry(area.right() + 1 - width, area.top(), width, area.height())
        self.strip.setVisible(width > 0)
        self.strip.raise_()
        header = self.header()
        header.setStretchLastSection(False)
        if header.count() and header.sectionSize(0) != area.width() - width:
            header.resizeSection(0, area.width() - width)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_strip()


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


class BudgetStrip(QWidget):
    """The outline's figures, one line per visible row, aligned with the rows."""

    def __init__(self, view: OutlineView):
        super().__init__(view)
        self.view = view
        self.setObjectName("outline-budget-strip")
        self._bold = QFont(view.font())
        self._bold.setBold(True)
        # Laid-out texts, kept: a drag repaints every row beside the strip, and drawing a
        # QStaticText is several times cheaper than laying the text out again.
        self._texts: dict[tuple[str, bool], tuple[QStaticText, int]] = {}
        # It paints every pixel of itself: the rows under it need no repaint for it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def rows(self):
        """(top, height, outline key) of every row in sight.

        Rows are found by their height (the view's rows are all as high): ``indexAt`` answers
        from the view's own layout, where ``indexBelow`` and ``visualRect`` would ask the
        model for every row again."""
        view = self.view
        model: Any = view.model()     # the OutlineModel
        first = view.indexAt(QPoint(1, 1))
        if not first.isValid():
            return
        top = view.visualRect(first)
        step = top.height()
        y, height = top.top(), self.height()
        index_at, key_for = view.indexAt, model.key_for
        while y < height and step > 0:
            index = index_at(QPoint(1, y + step // 2))
            if not index.isValid():
                break
            yield y, step, key_for(index)
            y += step

    def paintEvent(self, event) -> None:
        # Called on every repaint of the rows beside it (a drag repaints them all): kept to a
        # few calls per row, the widths of the texts remembered.
        model: Any = self.view.model()
        budget = getattr(model, "budget", None)
        if budget is None:
            return
        painter = QPainter(self)
        palette = self.view.palette()
        painter.fillRect(self.rect(), palette.brush(QPalette.ColorRole.Base))
        current = model.key_for(self.view.currentIndex())
        plain, bold = self.view.font(), self._bold
        texts = self._texts
        right = self.width() - 6
        line = QFontMetrics(plain).height()
        colours = {False: QUIET, True: OVER}
        clip = event.rect()
        low, high = clip.top(), clip.bottom()
        pen = font = None
        for y, step, key in self.rows():
            if y + step < low or y > high:
                continue
            figures = budget.row(key)
            text, over = figures.text, figures.over
            if not text:
                continue
            if key == current:
                painter.fillRect(0, y, right + 6, step, palette.brush(QPalette.ColorRole.Highlight))
                wanted = palette.color(QPalette.ColorRole.HighlightedText)
            else:
                wanted = colours[over]
            if wanted is not pen:
                painter.setPen(wanted)
                pen = wanted
            if over is not font:
                painter.setFont(bold if over else plain)
                font = over
            laid = texts.get((text, over)) or self._lay_out(text, over)
            if laid[1] > right - 2:     # wider than the strip may be (half the pane)
                text = figures.short
                laid = texts.get((text, over)) or self._lay_out(text, over)
            painter.drawStaticText(right - laid[1], y + (step - line) // 2, laid[0])
        if len(texts) > 4096:
            texts.clear()

    def _lay_out(self, text: str, over: bool) -> tuple[QStaticText, int]:
        static = QStaticText(text)
        static.prepare(QTransform(), self._bold if over else self.view.font())
        laid = self._texts[(text, over)] = (static, round(static.size().width()))
        return laid

    def key_at(self, y: int) -> str | None:
        for top, step, key in self.rows():
            if top <= y < top + step:
                return key
        return None

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            key = self.key_at(event.pos().y())
            model: Any = self.view.model()
            tip = model.budget.row(key).tip if key is not None else ""
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:
        """A click on a row's figures selects the row, as a click on its heading does."""
        key = self.key_at(event.position().toPoint().y())
        if key is not None:
            model: Any = self.view.model()
            self.view.setCurrentIndex(model.index_for(key))
            self.view.setFocus()

    def wheelEvent(self, event) -> None:
        QApplication.sendEvent(self.view.viewport(), event)
