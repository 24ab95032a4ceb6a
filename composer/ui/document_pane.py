"""The document pane: the find bar over the document view, and the commands that belong to
them (find, replace, zoom, page width), as actions the window puts in its menus."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget

from .document import Document
from .document_view import DocumentView

if TYPE_CHECKING:
    from .find_bar import FindBar


class DocumentPane(QWidget):
    message = Signal(str)
    section_entered = Signal(str)

    def __init__(self, document: Document, markers: Callable[[], dict[str, str]], profile,
                 current_key: Callable[[], str | None], parent=None):
        super().__init__(parent)
        self.document = document
        self.view = DocumentView(document, markers, profile)
        self._current_key = current_key
        self._find_bar: FindBar | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self.view, 1)

        def action(text: str, shortcuts, slot, owner: QObject = self) -> QAction:
            act = QAction(text, owner)
            if shortcuts:
                act.setShortcuts([QKeySequence(s) for s in shortcuts])
            act.triggered.connect(slot)
            return act

        self.find_action = action(self.tr("查找…"), ["Ctrl+F"], lambda: self.find_bar.open_find())
        self.replace_action = action(self.tr("替换…"), ["Ctrl+H"],
                                     lambda: self.find_bar.open_replace())
        self.find_next = action(self.tr("查找下一个"), ["F3"], lambda: self.find_bar.next())
        self.find_previous = action(self.tr("查找上一个"), ["Shift+F3"],
                                    lambda: self.find_bar.previous())
        self.zoom_in = action(self.tr("放大"), ["Ctrl+=", "Ctrl++"], self.view.zoom_in)
        self.zoom_out = action(self.tr("缩小"), ["Ctrl+-"], self.view.zoom_out)
        self.zoom_reset = action(self.tr("实际大小"), ["Ctrl+0"], lambda: self.view.set_zoom(1.0))
        self.page_width = action(self.tr("按页宽换行"), None, self.view.set_page_width)
        self.page_width.setCheckable(True)
        self.page_width.setChecked(self.view.page_width)
        self.page_width.setToolTip(self.tr("每行排到纸上的宽度（每行 28 字），屏幕上的换行与打印一致"))
        self.view.extra_menu_actions = [None, self.find_action, self.replace_action]
        self.view.message.connect(self.message)
        self.view.section_entered.connect(self.section_entered)
        self.view.zoom_changed.connect(self._zoom_changed)
        self._zoom_changed()

    @property
    def find_bar(self) -> FindBar:
        """The find bar over the view, made when first asked for (Ctrl+F, Ctrl+H, F3): its
        widgets and the find code are not part of the start."""
        if self._find_bar is None:
            from .find_bar import FindBar
            bar = FindBar(self.document, self.view, self._current_key)
            bar.message.connect(self.message)
            self._layout.insertWidget(0, bar)
            self._find_bar = bar
        return self._find_bar

    def actions_for_menus(self) -> list[QAction]:
        return [self.find_action, self.replace_action, self.find_next, self.find_previous,
                self.zoom_in, self.zoom_out, self.zoom_reset, self.page_width]

    def _zoom_changed(self) -> None:
        self.zoom_reset.setText(self.tr("实际大小（现在 {0}%）").format(round(self.view.zoom * 100)))

    def show_key(self, key: str | None) -> None:
        self.view.show_key(key)

    def focus_key(self, key: str | None) -> None:
        """Put the caret at the start of an outline row's text and start typing there."""
        self.view.show_key(key, force=True)
        self.view.setFocus()

    def caret_paragraph(self) -> int | None:
        """The index of the paragraph the caret is in (None in a heading or a head line)."""
        point = self.view.caret_point()
        return point.index if point is not None and point.index >= 0 else None

    def set_profile(self, profile) -> None:
        self.view.set_profile(profile)
