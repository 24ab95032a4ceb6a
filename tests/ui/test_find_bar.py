"""Find and replace in the window: Ctrl+F, Ctrl+H, highlights with a count, next/previous,
full/half width, the section scope, Replace All as one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from composer.core.find import search_units
from composer.core.text_edits import Point
from composer.export.layout import speech_blocks
from composer.io.speech_file import load_speech
from composer.ui.find_bar import RESEARCH_MS

from .conftest import select, shown_text


def count_in(speech, text):
    return sum(unit.count(text) for _, _, unit in search_units(speech))


@pytest.fixture
def example_window(window, example_path):
    window.document.load(load_speech(example_path), None)
    return window


def type_query(bar, text):
    bar.find_field.setText(text)
    bar.find_field.textEdited.emit(text)


def test_shortcuts_in_the_menus(window):
    pane = window.document_pane
    assert pane.find_action.shortcut().toString() == "Ctrl+F"
    assert pane.replace_action.shortcut().toString() == "Ctrl+H"
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("编辑"))
    texts = [a.text() for a in edit_menu.actions()]
    assert "查找…" in texts and "替换…" in texts
    library_menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("素材库"))
    search = next(a for a in library_menu.actions() if a.text() == "搜索素材")
    assert search.shortcut().toString() == "Ctrl+Shift+F"


def test_ctrl_f_finds_with_highlights_and_a_count(example_window, qtbot):
    window = example_window
    view = window.document_pane.view
    bar = window.document_pane.find_bar
    view.setFocus()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and not bar.replace_field.isVisible()
    type_query(bar, "省级")
    total = count_in(window.document.speech, "省级")
    assert total > 10
    assert bar.count.text() == f"1/{total}"
    assert len(view.extraSelections()) == total
    for selection in view.extraSelections():
        # (a match the page breaks across two lines holds that line break)
        assert selection.cursor.selectedText().replace("\u2028", "") == "省级"
    bar.next()   # selects the current match
    assert view.selected_text() == "省级"
    first = view.textCursor().selectionStart()
    bar.next()
    assert bar.count.text() == f"2/{total}" and view.textCursor().selectionStart() > first
    bar.previous()
    assert bar.count.text() == f"1/{total}" and view.textCursor().selectionStart() == first
    bar.previous()
    assert bar.count.text() == f"{total}/{total}"
    QTest.keyClick(bar.find_field, Qt.Key.Key_Escape)
    assert bar.isHidden() and view.extraSelections() == []


def test_replace_all_省级_to_市级_is_one_step_and_undoes_in_one(example_window, qtbot):
    window = example_window
    speech = window.document.speech
    before = speech.content()
    total = count_in(speech, "省级")
    bar = window.document_pane.find_bar
    window.document_pane.view.setFocus()
    QTest.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and bar.replace_field.isVisible()
    type_query(bar, "省级")
    bar.replace_field.setText("市级")
    steps = window.document.stack.count()
    assert bar.replace_all() == total
    assert window.document.stack.count() == steps + 1
    assert count_in(speech, "省级") == 0 and count_in(speech, "市级") >= total
    assert speech.title == "在创建市级文明单位动员大会上的讲话"
    assert "市级" in window.statusBar().currentMessage() or str(total) in \
        window.statusBar().currentMessage()
    shown = shown_text(window.document_pane.view)
    assert "省级" not in shown and "在创建市级文明单位动员大会上的讲话" in shown
    assert bar.count.text() == "无结果"
    window.undo_action.trigger()
    assert speech.content() == before
    assert "省级" in shown_text(window.document_pane.view)


def test_the_matches_come_back_when_replace_all_is_undone(example_window, qtbot):
    """After Replace All the bar shows 无结果 with nothing highlighted; undoing it brings the
    matches back, and the bar must find them again (it used to keep saying 无结果)."""
    window = example_window
    bar = window.document_pane.find_bar
    view = window.document_pane.view
    bar.open_replace()
    type_query(bar, "省级")
    total = len(bar.spans)
    bar.replace_field.setText("市级")
    assert bar.replace_all() == total
    assert bar.count.text() == "无结果" and view.extraSelections() == []
    qtbot.wait(3 * RESEARCH_MS)     # the writer looks at the result before undoing
    assert bar.count.text() == "无结果"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: len(bar.spans) == total, timeout=2000)
    assert bar.count.text().endswith(f"/{total}")
    assert len(view.extraSelections()) == total


def test_a_match_typed_while_the_bar_says_none_is_found(window, qtbot):
    from .conftest import commit_text
    bar = window.document_pane.find_bar
    view = window.document_pane.view
    bar.open_find()
    type_query(bar, "市级")
    qtbot.wait(3 * RESEARCH_MS)
    assert bar.count.text() == "无结果"
    c = next(s for s in window.document.speech.body if s.heading == "C")
    view.setFocus()
    view.place_caret(Point(c.id, 0, 0))
    commit_text(view, "市级")
    qtbot.waitUntil(lambda: len(bar.spans) == 1, timeout=2000)
    assert bar.count.text() == "1/1"


def test_replace_one_by_one(example_window):
    window = example_window
    speech = window.document.speech
    bar = window.document_pane.find_bar
    bar.open_replace()
    type_query(bar, "省级")
    bar.replace_field.setText("市级")
    total = count_in(speech, "省级")
    bar.replace_current()          # selects the first
    assert count_in(speech, "省级") == total
    bar.replace_current()          # replaces it and goes on to the next
    assert count_in(speech, "省级") == total - 1
    assert window.document_pane.view.textCursor().selectedText() == "省级"
    assert bar.count.text() == f"1/{total - 1}"


def test_full_and_half_width_forms_as_the_same(window):
    a = next(s for s, _ in window.document.speech.walk() if s.heading == "A")
    a.paragraphs[:] = ["按（1）执行，第１２条"]
    window.document.reset.emit()
    bar = window.document_pane.find_bar
    bar.open_find()
    type_query(bar, "(1)")
    assert bar.count.text() == "无结果"
    bar.match_width.setChecked(True)
    assert bar.count.text() == "1/1"
    type_query(bar, "第12条")
    assert bar.count.text() == "1/1"
    bar.next()
    assert window.document_pane.view.textCursor().selectedText() == "第１２条"


def test_scope_the_selected_section_and_headings_and_head_fields_included(window):
    speech = window.document.speech
    speech.title = "关于text的讲话"
    window.document.reset.emit()
    bar = window.document_pane.find_bar
    bar.open_find()
    type_query(bar, "text")
    everywhere = count_in(speech, "text")
    assert bar.count.text() == f"1/{everywhere}"
    select(window, "A")   # A with A1, A1a and A2 under it
    bar.scope.setCurrentIndex(1)
    assert bar.count.text() == "1/4"
    bar.replace_field.setText("正文")
    bar.replace_all()
    assert [s.paragraphs for s in speech.body[0].walk()] == [["a 正文"], ["a1 正文"], ["a1a 正文"],
                                                              ["a2 正文"]]
    assert speech.body[1].paragraphs == ["b text"] and speech.title == "关于text的讲话"
    bar.scope.setCurrentIndex(0)
    type_query(bar, "B")
    assert bar.count.text() == "1/1", "headings are searched (without their numbers)"


def test_matches_follow_typing_while_the_bar_is_open(window, qtbot):
    from .conftest import commit_text
    bar = window.document_pane.find_bar
    view = window.document_pane.view
    bar.open_find()
    type_query(bar, "text")
    before = len(bar.spans)
    c = next(s for s in window.document.speech.body if s.heading == "C")
    view.setFocus()
    view.place_caret(Point(c.id, 0, 0))
    commit_text(view, "text ")
    qtbot.waitUntil(lambda: len(bar.spans) == before + 1, timeout=2000)
    for selection in view.extraSelections():
        assert selection.cursor.selectedText() == "text"


def test_the_writers_errand_open_the_example_read_it_replace_and_undo(window, qtbot):
    """From the menus and keys, as the issue tells it: 从示例新建, read it through in one view,
    省级 → 市级 everywhere in one step, and back in one step."""
    window.files.new_from_example.trigger()
    speech = window.document.speech
    view = window.document_pane.view
    assert "示例讲稿" in window.windowTitle()
    printed = [block.text for block in speech_blocks(speech, view.profile)]
    assert [t for t in shown_text(view).split("\n") if t] == [t for t in printed if t]
    numbers = [t[:2] for t in printed if t[:2] in ("一、", "二、", "三、")]
    assert numbers == ["一、", "二、", "三、"]
    before = speech.content()
    view.setFocus()
    QTest.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    bar = window.document_pane.find_bar
    bar.find_field.setText("省级")
    bar.find_field.textEdited.emit("省级")
    total = len(bar.spans)
    assert total == count_in(speech, "省级") and bar.count.text() == f"1/{total}"
    bar.replace_field.setText("市级")
    QTest.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert count_in(speech, "省级") == 0 and "省级" not in shown_text(view)
    assert window.undo_action.toolTip() == "撤销：全部替换"
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert speech.content() == before and "省级" in shown_text(view)
