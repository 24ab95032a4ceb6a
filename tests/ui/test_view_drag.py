"""Drags through the outline view: drag-enter, drag-move and drop events sent to the viewport at
a row, so the view works out before / after / onto exactly as for a user's mouse."""

from __future__ import annotations

import pytest
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
    # Qt's own signatures: QPoint for enter/move, QPointF for drop (PySide6 6.12 takes QPointF
    # for all three; 6.11, which we pin, only these).
    enter = QDragEnterEvent(pos, action, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(pos, action, mime, Qt.MouseButton.LeftButton,
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


@pytest.mark.parametrize("moving, target, where, indicator, body, first_rows", [
    ("C", "A", "above", Position.AboveItem, ["C", "A", "B"], [(1, "C"), (1, "A")]),
    ("B", "C", "below", Position.BelowItem, ["A", "C", "B"], [(1, "A"), (2, "A1")]),
    ("B", "A1", "on", Position.OnItem, ["A", "C"], [(1, "A"), (2, "A1"), (3, "A1a"), (3, "B")]),
])
def test_drag_through_the_view(window, moving, target, where, indicator, body, first_rows):
    view = window.outline_view
    moved = find(window, moving)
    mime = drag(window, moving)
    at = point(window, target, where)
    assert hover(view, mime, at)
    assert view.dropIndicatorPosition() == indicator
    assert drop(view, mime, at)
    assert [s.heading for s in window.document.speech.body] == body
    assert headings(window.document.speech)[:len(first_rows)] == first_rows
    assert find(window, moving) is moved  # the same object, moved
    # The view did not remove the dragged rows a second time.
    assert len(list(window.document.speech.walk())) == 6
    numbered = window.outline_model.index_for(moved.id).data()
    assert numbered.endswith(moving) and numbered != moving
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
