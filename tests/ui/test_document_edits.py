"""Every kind of edit goes through Document.execute: applied once, undone and redone exactly.

The saved YAML is the measure: after Undo the file would be byte for byte what it was before the
edit, after Redo byte for byte what it was after it.
"""

from __future__ import annotations

import pytest

from composer.core import operations as ops
from composer.core.errors import OperationError
from composer.core.speech import CLOSING, OPENING, Section
from composer.io.speech_file import speech_bytes
from composer.ui.document import Document

from .conftest import make_speech


def two_paragraph_opening():
    speech = make_speech()
    speech.opening.append("今天我们召开会议。")
    return speech


def saved(document: Document) -> bytes:
    return speech_bytes(document.speech)[0]


def by_heading(speech, heading):
    return next(s for s, _ in speech.walk() if s.heading == heading)


# Each case builds one edit from the speech as it is; together they cover every operation.
CASES = {
    "insert_section": lambda s: ops.insert_section(s, Section("新", ["新段"]), None, 1),
    "insert_at": lambda s: ops.insert_at(s, Section("新"), by_heading(s, "A1").id, "after"),
    "delete_section": lambda s: ops.delete_section(s, by_heading(s, "A").id),
    "move_section": lambda s: ops.move_section(s, by_heading(s, "A1").id, by_heading(s, "C").id, "into"),
    "move_to": lambda s: ops.move_to(s, by_heading(s, "C").id, None, 0),
    "move_up": lambda s: ops.move_up(s, by_heading(s, "B").id),
    "move_down": lambda s: ops.move_down(s, by_heading(s, "A1").id),
    "promote": lambda s: ops.promote(s, by_heading(s, "A1").id),
    "demote": lambda s: ops.demote(s, by_heading(s, "B").id),
    "set_head_field": lambda s: ops.set_head_field(s, "speaker", "李四"),
    "set_heading": lambda s: ops.set_heading(s, by_heading(s, "B").id, "乙"),
    "set_run_in": lambda s: ops.set_run_in(s, by_heading(s, "A2").id, True),
    "set_paragraph": lambda s: ops.set_paragraph(s, OPENING, 0, "新的开头"),
    "insert_paragraph": lambda s: ops.insert_paragraph(s, CLOSING, 0, "再次感谢。"),
    "insert_paragraphs": lambda s: ops.insert_paragraphs(s, by_heading(s, "C").id, ["甲", "乙"]),
    "delete_paragraph": lambda s: ops.delete_paragraph(s, by_heading(s, "B").id, 0),
    "set_paragraphs": lambda s: ops.set_paragraphs(s, by_heading(s, "A").id, ["一", "二", "三"]),
    "split_paragraph": lambda s: ops.split_paragraph(s, by_heading(s, "A").id, 0, 2),
    "merge_paragraphs": lambda s: ops.merge_paragraphs(s, OPENING, 0),
    "replace_text": lambda s: ops.replace_text(s, "text", "正文"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_edit_applies_undoes_and_redoes_through_the_document(qapp, name):
    document = Document(two_paragraph_opening())
    before = saved(document)
    seen = []
    document.content_changed.connect(seen.append)
    edit = CASES[name](document.speech)
    assert saved(document) == before            # building changes nothing
    document.execute(edit, name)
    after = saved(document)
    assert after != before
    assert document.stack.count() == 1 and document.is_modified()
    for _ in range(2):
        document.undo()
        assert saved(document) == before
        document.redo()
        assert saved(document) == after
    assert len(seen) == 5                       # the views heard of every change


def test_replace_all_is_one_undo_step_that_counts_its_places(qapp):
    document = Document(make_speech())
    before = saved(document)
    edit = ops.replace_text(document.speech, "text", "正文")
    assert edit.count == 6
    document.execute(edit, "全部替换")
    assert document.stack.count() == 1
    assert all("text" not in p for s, _ in document.speech.walk() for p in s.paragraphs)
    document.undo()
    assert saved(document) == before


def test_a_refused_edit_changes_nothing_and_is_not_pushed(qapp):
    document = Document(make_speech())
    before = saved(document)
    stale = ops.delete_section(document.speech, by_heading(document.speech, "B").id)
    document.execute(ops.delete_section(document.speech, by_heading(document.speech, "B").id), "删除")
    with pytest.raises(OperationError):
        document.execute(stale, "删除")    # built for a section that is gone
    assert document.stack.count() == 1
    document.undo()
    assert saved(document) == before


def test_something_that_is_not_an_edit_is_refused(qapp):
    document = Document(make_speech())
    with pytest.raises(TypeError):
        document.execute(lambda s: None, "x")   # type: ignore[arg-type]
    with pytest.raises(TypeError):
        document.execute((ops.set_head_field(document.speech, "title", "x"), 1), "x")  # type: ignore[arg-type]
    assert document.stack.count() == 0
