"""A storm of edits, undos and redos through the document: after every step the view shows
exactly what a fresh drawing of the speech shows (the incremental updates leave nothing stale),
and undoing everything gives back the speech it started from."""

from __future__ import annotations

import random

import pytest

from composer.core import operations as ops
from composer.core.errors import OperationError
from composer.core.speech import CLOSING, OPENING, TEXT_FIELDS, Section
from composer.core.text_edits import Point, delete_range, reading_units, unit_text
from composer.io.speech_file import load_speech

from .test_document_view import assert_in_step


def random_edit(rng: random.Random, speech):
    sections = [s for s, _ in speech.walk()]
    section = rng.choice(sections) if sections else None
    kind = rng.randrange(12)
    if kind == 0 and section is not None:
        return rng.choice([ops.move_up, ops.move_down, ops.promote, ops.demote])(speech, section.id)
    if kind == 1:
        new = Section(rng.choice(["新标题", "", "加强领导"]), [rng.choice(["甲", "", "乙丙"])],
                      run_in=rng.random() < 0.3)
        target = section.id if section is not None else None
        return ops.insert_at(speech, new, target, rng.choice(["before", "after", "into"])) \
            if target else ops.insert_section(speech, new)
    if kind == 2 and section is not None:
        return ops.delete_section(speech, section.id)
    if kind == 3 and section is not None:
        return ops.set_run_in(speech, section.id, not section.run_in)
    if kind == 4 and section is not None:
        return ops.set_heading(speech, section.id, rng.choice(["", "改过的标题", "压实责任，"]))
    if kind == 5:
        name = rng.choice(TEXT_FIELDS)
        return ops.set_head_field(speech, name, rng.choice([
            "", "2024-03-15", "二〇二四年三月十五日", "——副题", "同志们：", "某某市统计局",
            "在全市创建文明单位\n动员大会上的讲话", "在全市创建省级文明单位暨精神文明建设工作推进动员大会上的讲话"]))
    if kind == 6:
        return ops.replace_text(speech, rng.choice(["省级", "文明", "的"]), rng.choice(["市级", ""]))
    units = reading_units(speech)
    a, b = rng.choice(units), rng.choice(units)
    point_a = Point(*a, rng.randint(0, len(unit_text(speech, *a))))
    point_b = Point(*b, rng.randint(0, len(unit_text(speech, *b))))
    if kind in (7, 8):
        return delete_range(speech, point_a, point_b, whole_sections=kind == 8)
    container = rng.choice([OPENING, CLOSING] + [s.id for s in sections])
    paragraphs = speech.paragraphs_of(container)
    if kind == 9 and paragraphs:
        index = rng.randrange(len(paragraphs))
        return ops.split_paragraph(speech, container, index, rng.randint(0, len(paragraphs[index])))
    if kind == 10 and len(paragraphs) > 1:
        return ops.merge_paragraphs(speech, container, rng.randrange(len(paragraphs) - 1))
    return ops.insert_paragraph(speech, container, rng.randint(0, len(paragraphs)),
                                rng.choice(["", "  新段落  ", "同志们，"]))


@pytest.mark.parametrize("seed", range(6))
def test_a_storm_of_edits_keeps_the_view_in_step(window, example_path, seed):
    rng = random.Random(seed)
    window.document.load(load_speech(example_path), None)
    document = window.document
    start = document.speech.content()
    done = 0
    for _ in range(70):
        step = rng.random()
        if step < 0.15 and document.stack.canUndo():
            document.undo()
        elif step < 0.22 and document.stack.canRedo():
            document.redo()
        else:
            try:
                edit = random_edit(rng, document.speech)
            except OperationError:
                continue
            if edit is None:
                continue
            try:
                document.execute(edit, "storm")
            except OperationError:
                continue
            done += 1
        assert_in_step(window)
    assert done > 30
    while document.stack.canUndo():
        document.undo()
    assert document.speech.content() == start
    assert_in_step(window)


@pytest.mark.parametrize("seed", range(4))
def test_a_storm_of_keys_in_the_view_keeps_it_in_step(window, example_path, monkeypatch, seed):
    """Random places, random keys: typing, Enter, Shift+Enter, Backspace, Delete, selections
    deleted (either answer to the question), paste, undo and redo — through the view."""
    from PySide6.QtCore import QMimeData, Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    from composer.ui import document_view
    from .conftest import commit_text
    rng = random.Random(seed)
    monkeypatch.setattr(document_view, "ask_about_headings",
                        lambda *a: rng.choice([document_view.KEEP, document_view.WHOLE, None]))
    window.document.load(load_speech(example_path), None)
    document = window.document
    start = document.speech.content()
    view = window.document_pane.view
    view.setFocus()
    for _ in range(60):
        length = view.document().characterCount() - 1
        cursor = view.textCursor()
        cursor.setPosition(rng.randint(0, length))
        if rng.random() < 0.3:
            cursor.setPosition(rng.randint(0, length), QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        action = rng.randrange(9)
        if action == 0:
            commit_text(view, rng.choice(["文", "市级", "，", " "]))
        elif action == 1:
            QTest.keyClick(view, Qt.Key.Key_Return)
        elif action == 2:
            QTest.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
        elif action == 3:
            QTest.keyClick(view, Qt.Key.Key_Backspace)
        elif action == 4:
            QTest.keyClick(view, Qt.Key.Key_Delete)
        elif action == 5:
            mime = QMimeData()
            mime.setText(rng.choice(["一段。", "第一段。\n\n第二段。", "  同志们：\r\n"]))
            view.insertFromMimeData(mime)
        elif action == 6 and document.stack.canUndo():
            document.undo()
        elif action == 7 and document.stack.canRedo():
            document.redo()
        else:
            QTest.keyClick(view, rng.choice([Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up,
                                              Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End]))
        assert_in_step(window)
    while document.stack.canUndo():
        document.undo()
    assert document.speech.content() == start
    assert_in_step(window)
