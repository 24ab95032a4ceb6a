"""A speech that keeps its own hierarchy (issue 12 item 2) in the window: the outline and the
document view number a （一）-topped speech （一）（二）, a 1. list under 一、 1. 2.; 升级 removes a
skipped level, undoably; a new heading takes the level of its neighbours."""

from __future__ import annotations

import pytest

from composer.core.speech import Section, Speech

from .conftest import select
from .test_document_view import assert_in_step, shown_blocks, view_of


def bracketed() -> Speech:
    return Speech(title="讲话", salutation="同志们：", opening=["开场。"], body=[
        Section("压实责任", ["正文一。"], [Section("明确分工", ["正文。"])], skip=1),
        Section("强化督查", ["正文二。"], skip=1),
        Section("统一思想", ["正文三。"], [Section("提高认识", ["正文。"], skip=1),
                                           Section("明确任务", ["正文。"], skip=1)])],
        closing=["谢谢大家！"])


@pytest.fixture
def skipping(window):
    window.document.load(bracketed(), None)
    return window


def outline_rows(window) -> list[str]:
    model = window.outline_model
    rows = []

    def visit(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            rows.append(index.data())
            visit(index)
    from PySide6.QtCore import QModelIndex
    visit(QModelIndex())
    return rows


def test_the_outline_and_the_document_show_the_speechs_own_numbers(skipping):
    window = skipping
    assert outline_rows(window) == ["讲话", "开头", "（一）压实责任", "1.明确分工", "（二）强化督查",
                                    "一、统一思想", "1.提高认识", "2.明确任务", "结尾"]
    shown = shown_blocks(view_of(window))
    for heading in ("（一）压实责任", "1.明确分工", "（二）强化督查", "一、统一思想", "1.提高认识",
                    "2.明确任务"):
        assert heading in shown
    assert_in_step(window)
    select(window, "压实责任")
    assert window.editor.section.caption.text() == "二级标题"


def test_promote_removes_the_skip_everywhere_and_undo_brings_it_back(skipping):
    window = skipping
    select(window, "压实责任")
    window.outline.promote.trigger()
    assert outline_rows(window)[2:5] == ["一、压实责任", "（一）明确分工", "（二）强化督查"]
    # The （二） after it reads as its second item, and is now its child in the outline too.
    model, speech = window.outline_model, window.document.speech
    first = speech.body[0]
    assert model.parent(model.index_for(first.children[-1].id)) == model.index_for(first.id)
    shown = shown_blocks(view_of(window))
    assert "一、压实责任" in shown and "（一）明确分工" in shown and "二、统一思想" in shown
    assert window.outline.current_section().heading == "压实责任"
    assert_in_step(window)
    window.undo_action.trigger()
    assert outline_rows(window)[2:5] == ["（一）压实责任", "1.明确分工", "（二）强化督查"]
    assert "（一）压实责任" in shown_blocks(view_of(window))
    assert_in_step(window)
    # 升级 on a 1. straight under 一、 makes it （一）.
    select(window, "明确任务")
    window.outline.promote.trigger()
    assert outline_rows(window)[5:8] == ["一、统一思想", "1.提高认识", "（一）明确任务"]
    assert_in_step(window)


def test_a_new_heading_takes_the_level_of_its_neighbours(skipping):
    window = skipping
    select(window, "强化督查")
    window.outline.new_sibling.trigger()
    assert outline_rows(window)[5] == "（三）（无标题）"
    select(window, "提高认识")
    window.outline.new_sibling.trigger()
    assert "2.（无标题）" in outline_rows(window)
    assert_in_step(window)
