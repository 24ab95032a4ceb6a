"""The main window: panes, head fields, keyboard moves, status bar, remembered layout."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from composer.core.speech import HEAD, OPENING
from composer.ui.main_window import MainWindow

from .conftest import commit_text, headings, select


def test_three_panes_and_the_outline(window):
    assert window.splitter.count() == 3
    model = window.outline_model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "T", "开头", "一、A", "二、B", "三、C", "结尾"]
    assert window.outline.current_key() == HEAD
    assert window.editor.currentWidget() is window.editor.head


def test_head_fields_are_edited_through_the_undo_stack(window, qtbot):
    title = window.editor.head.fields["title"]
    title.selectAll()
    commit_text(title, "在动员大会上的讲话")
    assert window.document.speech.title == "在动员大会上的讲话"
    assert window.outline_model.index(0, 0).data() == "在动员大会上的讲话"
    commit_text(window.editor.head.fields["speaker"], "王建国")
    assert window.document.speech.speaker == "王建国"
    window.undo_action.trigger()
    assert window.document.speech.speaker == ""
    window.undo_action.trigger()
    assert window.document.speech.title == "T"
    assert title.text() == "T"
    window.redo_action.trigger()
    assert title.text() == "在动员大会上的讲话"


def test_keyboard_moves_with_the_menu_shortcuts(window, qtbot):
    o = window.outline
    assert o.move_up.shortcut().toString() == "Alt+Shift+Up"
    assert o.demote.shortcut().toString() == "Alt+Shift+Right"
    select(window, "C")
    window.outline_view.setFocus()
    qtbot.keyClick(window.outline_view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert [s.heading for s in window.document.speech.body] == ["A", "C", "B"]
    qtbot.keyClick(window.outline_view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert headings(window.document.speech)[-2:] == [(2, "C"), (1, "B")]
    assert window.outline.current_section().heading == "C"
    qtbot.keyClick(window.outline_view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert [s.heading for s in window.document.speech.body] == ["A", "C", "B"]
    qtbot.keyClick(window.outline_view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert [s.heading for s in window.document.speech.body] == ["A", "B", "C"]
    for _ in range(4):
        window.undo_action.trigger()
    assert [s.heading for s in window.document.speech.body] == ["A", "B", "C"]
    assert window.document.stack.index() == 0


def test_delete_key_deletes_the_section_undoably(window, qtbot):
    select(window, "A")
    window.outline_view.setFocus()
    qtbot.keyClick(window.outline_view, Qt.Key.Key_Delete)
    assert [s.heading for s in window.document.speech.body] == ["B", "C"]
    assert window.outline.current_section().heading == "B"
    window.undo_action.trigger()
    assert headings(window.document.speech)[:4] == [(1, "A"), (2, "A1"), (3, "A1a"), (2, "A2")]


def test_delete_key_in_the_editor_deletes_text_not_sections(window, qtbot):
    select(window, "B")
    text = window.editor.section.text
    text.setFocus()
    text.moveCursor(text.textCursor().MoveOperation.Start)
    qtbot.keyClick(text, Qt.Key.Key_Delete)
    assert window.document.speech.find(window.outline.current_section().id).paragraphs == ["b text"[1:]]
    assert len(window.document.speech.body) == 3


def test_refused_move_shows_a_message_and_changes_nothing(window):
    select(window, "A")
    before = window.document.speech.content()
    window.outline.move_up.trigger()
    window.outline.promote.trigger()
    assert window.document.speech.content() == before
    assert "一级标题不能再升级" in window.statusBar().currentMessage()


def test_new_sections_from_the_keyboard(window, qtbot):
    select(window, "B")
    window.outline.new_sibling.trigger()
    assert [s.heading for s in window.document.speech.body] == ["A", "B", "", "C"]
    commit_text(window.editor.section.heading, "新的一节")
    assert window.document.speech.body[2].heading == "新的一节"
    window.outline.new_child.trigger()
    assert window.document.speech.body[2].children[0].heading == ""
    assert window.outline_model.index_for(window.outline.current_key()).data() == "（一）（无标题）"


def test_context_menu_offers_the_outline_actions(window):
    select(window, "B")
    texts = [a.text() for a in window.outline_menu().actions() if not a.isSeparator()]
    assert {"上移", "下移", "升级", "降级", "删除标题", "存入素材库…"} <= set(texts)


def test_status_bar_counts_the_speech_and_the_section(window, qtbot):
    from composer.core.stats import speech_stats
    select(window, "B")
    window.update_stats()
    stats = speech_stats(window.document.speech)
    label = window.stats_label.text()
    assert f"全文 {stats.total.total} 字" in label
    row = stats.section(window.outline.current_section().id)
    assert f"本节 {row.total.total} 字" in label
    select(window, OPENING)
    window.update_stats()
    assert "本节" not in window.stats_label.text()


def test_splitter_sizes_are_remembered(qtbot, library):
    first = MainWindow(library=library)
    qtbot.addWidget(first)
    first.resize(700, 500)  # inside the offscreen screen, so the geometry restores as it was
    first.show()
    first.splitter.setSizes([150, 250, 300])
    wanted = first.splitter.sizes()
    first.close()
    second = MainWindow(library=library)
    qtbot.addWidget(second)
    second.show()
    QApplication.processEvents()
    assert second.splitter.sizes() == wanted


def test_window_title_marks_unsaved_changes(window):
    assert not window.isWindowModified()
    select(window, "B")
    window.outline.move_up.trigger()
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert not window.isWindowModified()


def test_status_messages_go_away_by_themselves(window, qtbot, monkeypatch):
    from composer.ui import main_window
    monkeypatch.setattr(main_window, "MESSAGE_MS", 100)
    window.show_message("已保存")
    assert window.statusBar().currentMessage() == "已保存"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=2000)
    assert window.stats_label.text()      # the statistics stay
