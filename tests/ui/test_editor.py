"""The editor pane: Chinese input, paragraphs, paste cleaning, undo of typing bursts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, Qt
from PySide6.QtGui import QFocusEvent, QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from composer.core.speech import CLOSING, OPENING

from .conftest import commit_text, select


def section(window, heading):
    return next(s for s, _ in window.document.speech.walk() if s.heading == heading)


def put_cursor(edit, position):
    cursor = edit.textCursor()
    cursor.setPosition(position)
    edit.setTextCursor(cursor)


def test_selecting_a_section_shows_its_heading_number_and_text(window):
    select(window, "A1")
    form = window.editor.section
    assert window.editor.currentWidget() is form
    assert form.caption.text() == "二级标题"
    assert form.marker.text() == "（一）"
    assert form.heading.text() == "A1"
    assert form.text.paragraphs() == ["a1 text"]
    select(window, CLOSING)
    assert form.caption.text() == "结尾" and form.heading_row.isHidden()
    assert form.text.paragraphs() == ["谢谢大家！"]


def test_input_method_commits_reach_the_speech(window):
    select(window, "B")
    text = window.editor.section.text
    put_cursor(text, len("b text"))
    commit_text(text, "，创建文明单位。")
    assert section(window, "B").paragraphs == ["b text，创建文明单位。"]
    window.undo_action.trigger()
    assert section(window, "B").paragraphs == ["b text"]
    assert text.paragraphs() == ["b text"]


def test_the_candidate_window_follows_the_cursor(window):
    select(window, "B")
    text = window.editor.section.text
    text.setFocus()
    put_cursor(text, 3)
    preedit = QInputMethodEvent("wenming", [])
    QApplication.sendEvent(text, preedit)
    rect = text.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    assert rect.isValid()
    assert abs(rect.top() - text.cursorRect().top()) <= 2
    # Composing text is not the speech's text until it is committed.
    assert section(window, "B").paragraphs == ["b text"]
    done = QInputMethodEvent("", [])
    done.setCommitString("文明")
    QApplication.sendEvent(text, done)
    assert section(window, "B").paragraphs == ["b t文明ext"]


def test_enter_separates_paragraphs(window, qtbot):
    select(window, "B")
    text = window.editor.section.text
    text.setFocus()
    put_cursor(text, 1)
    qtbot.keyClick(text, Qt.Key.Key_Return)
    qtbot.keyClick(text, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # also a paragraph
    assert section(window, "B").paragraphs == ["b", "", " text"]
    window.undo_action.trigger()
    assert section(window, "B").paragraphs == ["b text"]


def test_paste_inserts_cleaned_plain_text(window):
    from composer.core.cleanup import clean_paste
    select(window, OPENING)
    text = window.editor.section.text
    text.setFocus()
    text.moveCursor(QTextCursor.MoveOperation.End)
    text.insertPlainText("\n")  # paste into a new, empty paragraph
    pasted = "  同志们：\r\n\r\n　　今天，我们召开动员大会。\r\n\r\n<b>谢谢</b>\r\n"
    mime = QMimeData()
    mime.setText(pasted)
    mime.setHtml("<p style='font-family:SimSun'>同志们：</p>")
    text.insertFromMimeData(mime)
    cleaned = clean_paste(pasted)
    assert window.document.speech.opening == ["open", *cleaned]
    assert "同志们：" in cleaned and "今天，我们召开动员大会。" in cleaned
    assert all("\r" not in p and p == p.strip() for p in window.document.speech.opening)


def test_typing_in_one_burst_is_one_undo_step(window):
    select(window, "C")
    text = window.editor.section.text
    put_cursor(text, len("c text"))
    for piece in ("同志们", "，", "大家好"):
        commit_text(text, piece)
    assert section(window, "C").paragraphs == ["c text同志们，大家好"]
    assert window.document.stack.count() == 1
    window.undo_action.trigger()
    assert section(window, "C").paragraphs == ["c text"]


def test_leaving_the_field_ends_the_burst(window):
    select(window, "C")
    text = window.editor.section.text
    put_cursor(text, 0)
    commit_text(text, "一")
    window.editor.section.heading.setFocus()  # focus moves away: the burst ends
    QApplication.sendEvent(text, QFocusEvent(QEvent.Type.FocusOut))
    put_cursor(text, 0)
    commit_text(text, "二")
    assert window.document.stack.count() == 2
    window.undo_action.trigger()
    assert section(window, "C").paragraphs == ["一c text"]


def test_ctrl_z_in_the_editor_uses_the_speech_history(window, qtbot):
    select(window, "C")
    text = window.editor.section.text
    put_cursor(text, 0)
    commit_text(text, "未提交")
    assert section(window, "C").paragraphs == ["未提交c text"]  # committed as typed
    qtbot.keyClick(text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert section(window, "C").paragraphs == ["c text"]
    assert text.paragraphs() == ["c text"]
    qtbot.keyClick(text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert section(window, "C").paragraphs == ["未提交c text"]


def test_heading_edits_renumber_nothing_and_update_the_outline(window):
    select(window, "A2")
    heading = window.editor.section.heading
    heading.selectAll()
    commit_text(heading, "压实责任")
    assert window.outline_model.index_for(window.outline.current_key()).data() == "（二）压实责任"
    window.undo_action.trigger()
    assert heading.text() == "A2"


def test_run_in_checkbox_is_undoable(window):
    select(window, "B")
    window.editor.section.run_in.setChecked(True)
    assert section(window, "B").run_in
    window.undo_action.trigger()
    assert not section(window, "B").run_in
    assert not window.editor.section.run_in.isChecked()


def test_switching_sections_keeps_each_sections_text(window):
    select(window, "B")
    text = window.editor.section.text
    put_cursor(text, 0)
    commit_text(text, "乙")
    select(window, "C")
    assert section(window, "B").paragraphs == ["乙b text"]
    assert section(window, "C").paragraphs == ["c text"]
    assert window.editor.section.text.paragraphs() == ["c text"]


def test_editor_follows_undo_of_a_deleted_section(window):
    select(window, "B")
    window.outline.delete.trigger()
    assert window.editor.section.heading.text() == "C"
    window.undo_action.trigger()
    select(window, "B")
    assert window.editor.section.text.paragraphs() == ["b text"]


def test_empty_editor_means_no_paragraphs(window):
    select(window, "B")
    text = window.editor.section.text
    text.selectAll()
    text.textCursor().removeSelectedText()
    assert section(window, "B").paragraphs == []


def test_the_fields_context_menus_undo_and_redo_the_speech(window):
    from composer.ui.editor_pane import field_menu
    select(window, "C")
    text = window.editor.section.text
    put_cursor(text, 0)
    commit_text(text, "甲")
    for field in (text, window.editor.section.heading):
        menu = field_menu(field, window.document)
        actions = {a.text(): a for a in menu.actions() if not a.isSeparator()}
        assert actions["撤销"].isEnabled() and not actions["重做"].isEnabled()
        assert len([a for a in menu.actions() if a.text() in ("撤销", "重做")]) == 2
    actions["撤销"].trigger()
    assert section(window, "C").paragraphs == ["c text"]
    redo = next(a for a in field_menu(text, window.document).actions() if a.text() == "重做")
    assert redo.isEnabled()
    redo.trigger()
    assert section(window, "C").paragraphs == ["甲c text"]


def test_after_undo_of_an_insert_the_editor_shows_the_nearest_section(window):
    window.focus_action.setChecked(True)
    assert window.surface.currentWidget() is window.editor
    select(window, "B")
    snippet = window.library_pane.model.lookup("bundled/test.library.yaml\np-1")
    window.library_pane.insert_requested.emit(snippet)
    assert window.editor.section.heading.text() == "统一思想，提高认识"
    window.undo_action.trigger()
    assert window.editor.currentWidget() is window.editor.section, "not blank"
    assert window.editor.section.heading.text() == "C"   # the next section where it was
    assert window.outline.current_section().heading == "C"
    window.redo_action.trigger()
    window.outline.select(window.document.speech.body[2].id)
    window.outline.move_up.trigger()
    window.undo_action.trigger()
    assert window.editor.section.heading.text() == "统一思想，提高认识", "a moved section stays shown"


def test_the_focus_editor_is_built_when_first_shown_on_the_row_selected(window):
    """The one-section editor is not part of the start (few writers open it): 视图 → 单节编辑
    builds it on the outline's current row, and from then on it follows the outline."""
    assert window.surface.count() == 1, "only the document view at start"
    select(window, "C")
    window.focus_action.setChecked(True)
    assert window.surface.currentWidget() is window.editor
    assert window.editor.section.heading.text() == "C"
    select(window, "B")
    assert window.editor.section.heading.text() == "B"
    window.editor.message.emit("已接上")
    assert window.statusBar().currentMessage() == "已接上"
    window.focus_action.setChecked(False)
    assert window.surface.currentWidget() is window.document_pane
