"""Drags through the outline view: drag-enter, drag-move and drop events sent to the viewport at
a row, so the view works out before / after / onto exactly as for a user's mouse."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication

from composer.ui.outline_view import ACCENT

from .conftest import headings

Position = QAbstractItemView.DropIndicatorPosition


def find(window, heading):
    return next(s for s, _ in window.document.speech.walk() if s.heading == heading)


def point(window, heading, where):
    """A point in the row of a heading: 'above' its top edge, 'on' it, or 'below' it."""
    rect = window.outline_view.visualRect(window.outline_model.index_for(find(window, heading).id))
    y = {"above": rect.top() + 1, "on": rect.center().y(), "below": rect.bottom() - 1}[where]
    return QPoint(rect.left() + 40, y)


def hover(view, mime, pos, action=Qt.DropAction.MoveAction) -> bool:
    viewport = view.viewport()
    enter = QDragEnterEvent(QPointF(pos), action, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(QPointF(pos), action, mime, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, move)
    return move.isAccepted()


def drop(view, mime, pos, action=Qt.DropAction.MoveAction) -> bool:
    event = QDropEvent(QPointF(pos), action, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)
    return event.isAccepted()


def drag(window, heading):
    model = window.outline_model
    return model.mimeData([model.index_for(find(window, heading).id)])


def test_drag_above_a_row_moves_before_it(window):
    view = window.outline_view
    mime = drag(window, "C")
    target = point(window, "A", "above")
    assert hover(view, mime, target)
    assert view.dropIndicatorPosition() == Position.AboveItem
    assert drop(view, mime, target)
    assert [s.heading for s in window.document.speech.body] == ["C", "A", "B"]
    assert window.outline_model.index(2, 0).data() == "一、C"
    # The view did not remove the dragged rows a second time.
    assert len(list(window.document.speech.walk())) == 6


def test_drag_below_a_row_moves_after_it(window):
    view = window.outline_view
    mime = drag(window, "B")
    target = point(window, "C", "below")
    assert hover(view, mime, target)
    assert view.dropIndicatorPosition() == Position.BelowItem
    assert drop(view, mime, target)
    assert [s.heading for s in window.document.speech.body] == ["A", "C", "B"]


def test_drag_onto_a_row_makes_a_sub_section(window):
    view = window.outline_view
    mime = drag(window, "B")
    target = point(window, "A1", "on")
    assert hover(view, mime, target)
    assert view.dropIndicatorPosition() == Position.OnItem
    assert drop(view, mime, target)
    assert headings(window.document.speech)[:4] == [(1, "A"), (2, "A1"), (3, "A1a"), (3, "B")]
    window.undo_action.trigger()
    assert [s.heading for s in window.document.speech.body] == ["A", "B", "C"]


def test_drag_into_its_own_sub_section_is_refused(window):
    view = window.outline_view
    before = window.document.speech.content()
    mime = drag(window, "A")
    target = point(window, "A1a", "on")
    assert not hover(view, mime, target)  # the cursor shows "no drop" here
    assert not drop(view, mime, target)
    assert window.document.speech.content() == before
    assert window.document.stack.count() == 0


def test_drop_indicator_is_drawn_during_the_drag(window):
    view = window.outline_view
    mime = drag(window, "C")
    assert hover(view, mime, point(window, "B", "on"))
    image = view.viewport().grab().toImage()
    accent = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
                 if image.pixelColor(x, y).red() > 150 and image.pixelColor(x, y).green() < 90
                 and image.pixelColor(x, y).blue() < 90)
    assert accent > 20, "the 'into' box in the accent colour"
    assert ACCENT.red() > 150


def test_library_snippet_dragged_onto_a_section(window):
    pane = window.library_pane
    snippet_row = next(pane.model.index(r) for r in range(pane.model.rowCount())
                       if pane.model.snippet_at(pane.model.index(r)) is not None
                       and pane.model.snippet_at(pane.model.index(r)).id == "p-2")
    mime = pane.model.mimeData([snippet_row])
    view = window.outline_view
    target = point(window, "B", "on")
    assert hover(view, mime, target, Qt.DropAction.CopyAction)
    assert drop(view, mime, target, Qt.DropAction.CopyAction)
    assert headings(window.document.speech)[-3:] == [(1, "B"), (2, "加强组织领导"), (1, "C")]
    assert window.outline.current_section().heading == "加强组织领导"
