"""The document view's zoom and page-width mode: which zoom is shown (the writer's, or less where
the page would not fit, as Word's 页宽), how the text is wrapped (at the page's width with the
page's own line breaks, or at the widget's width) and where the page column stands.

A mixin of ``DocumentView`` (document_view.py), which gives it ``renderer``, ``page_width``,
``zoom``, ``profile``, ``rebuild``, ``_save_caret``, ``_fit_timer`` and ``zoom_changed``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QTextEdit

ZOOM_STEPS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)


if TYPE_CHECKING:
    _View = QTextEdit     # the type checker sees the widget the mixin is part of
else:
    _View = object


class ZoomAndPageWidth(_View):
    # What DocumentView provides (the mixin comes first in its bases).
    renderer: Any
    page_width: bool
    _chosen_zoom: float
    _fit_timer: Any
    zoom_changed: Any

    if TYPE_CHECKING:
        def rebuild(self, full: bool = False, first_screen: bool = False) -> None: ...

        def _save_caret(self) -> None: ...

    @property
    def profile(self):
        return self.renderer.profile

    @property
    def zoom(self) -> float:
        return self.renderer.zoom

    def set_zoom(self, zoom: float) -> None:
        self._chosen_zoom = min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        self._fit_zoom()

    def _fit_zoom(self) -> None:
        """Show the chosen zoom, or in page-width mode less where the page would not fit the
        view's width (as Word's 页宽 does): the page is never cut, and the lines stay the
        page's whatever the zoom."""
        zoom = self._chosen_zoom
        if self.page_width:
            zoom = max(ZOOM_STEPS[0], min(zoom, self._fitting_zoom()))
        if abs(zoom - self.zoom) < 1e-3:
            return
        self._restyle(self.profile, zoom)
        self.zoom_changed.emit()

    def _fitting_zoom(self) -> float:
        """The largest zoom at which the page's column fits the view beside its scroll bar."""
        scrollbar = self.verticalScrollBar().sizeHint().width()
        available = self.width() - scrollbar - 2
        text_width, margin = self.renderer.text_width_px(), self.renderer.px(24)
        column = (text_width + 2 * margin) / self.zoom + 2   # at zoom 1 (and the rounding)
        return available / column if column > 0 else 1.0

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom + 1e-6), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom - 1e-6), ZOOM_STEPS[0]))

    def set_page_width(self, on: bool) -> None:
        if on != self.page_width:
            self.page_width = on
            self._save_caret()
            self._apply_wrap()
            self.rebuild(full=True)    # the page's line breaks, added or taken away
            self._fit_zoom()

    def set_profile(self, profile) -> None:
        self._restyle(profile, self.zoom)

    def _restyle(self, profile, zoom: float) -> None:
        self.renderer.set_style(profile, zoom)
        bar = self.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        # A speech just opened and still at its top (the zoom that fits the window, at start):
        # the lines below the first screen still wait.
        first_screen = bool(self.renderer.pending) and bar.value() == 0
        self._apply_wrap()
        self._save_caret()
        self.rebuild(full=True, first_screen=first_screen)   # the same blocks, in new formats
        bar.setValue(round(fraction * bar.maximum()))

    def _apply_wrap(self) -> None:
        margin = self.renderer.px(24)
        self.document().setDocumentMargin(margin)
        self.renderer.set_page_lines(self.page_width)
        # Room for a mark the page hangs into its right margin, taken from the view's margin
        # so that Qt has no reason to break a line (the renderer keeps centred and
        # right-aligned lines where the page has them).
        room = self.renderer.hanging_room_px() if self.page_width else 0.0
        root = self.document().rootFrame()
        frame_format = root.frameFormat()
        frame_format.setRightMargin(margin - room)
        root.setFrameFormat(frame_format)
        if self.page_width:
            self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
            # The page's text block (the wrap width includes the document's margins), rounded
            # up a pixel.  The lines break where the page breaks them (page_lines.py), never
            # where Qt would: a 「，」 the page hangs into the margin hangs there on screen.
            self.setLineWrapColumnOrWidth(int(self.renderer.text_width_px() + 2 * margin) + 1)
            self.setWordWrapMode(QTextOption.WrapMode.NoWrap)
        else:
            self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
            self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._centre_page()

    def _centre_page(self) -> None:
        if not self.page_width:
            self.setViewportMargins(0, 0, 0, 0)
            return
        column = self.lineWrapColumnOrWidth()
        scrollbar = self.verticalScrollBar().sizeHint().width()
        side = max(0, int((self.width() - column - scrollbar) / 2))
        self.setViewportMargins(side, 0, side, 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._centre_page()
        if self.page_width:
            # Once the resizing settles (a drag sends many): a zoom redraws the whole view.
            self._fit_timer.start()

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y()
            if steps > 0:
                self.zoom_in()
            elif steps < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)
