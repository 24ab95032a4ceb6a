"""The outline model: rows, numbering, and drag and drop through mimeData / canDropMimeData /
dropMimeData, including refused drops."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QModelIndex, Qt

from composer.core.speech import CLOSING, HEAD, OPENING, Section
from composer.ui.document import Document
from composer.ui.outline_model import SECTION_MIME, OutlineModel

from .conftest import headings, make_pack, section_mime, snippet_mime

MOVE = Qt.DropAction.MoveAction
COPY = Qt.DropAction.CopyAction


@pytest.fixture
def model(qapp, speech):
    document = Document(speech)
    model = OutlineModel(document)
    pack = make_pack()
    by_ref = {s.id: s for s in pack.snippets}
    model.snippet_lookup = by_ref.get
    return model


def ids(model):
    return {s.heading: s.id for s, _ in model.speech.walk()}


def texts(model, parent=QModelIndex()):
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_rows_show_fixed_rows_and_numbering(model):
    assert texts(model) == ["T", "开头", "一、A", "二、B", "三、C", "结尾"]
    a = model.index(2, 0)
    assert texts(model, a) == ["（一）A1", "（二）A2"]
    a1 = model.index(0, 0, a)
    assert texts(model, a1) == ["1.A1a"]
    assert model.parent(model.index(0, 0, a1)) == a1
    assert model.parent(a1) == a
    assert not model.parent(a).isValid()
    assert model.key_for(model.index(0, 0)) == HEAD
    assert model.key_for(model.index(1, 0)) == OPENING
    assert model.key_for(model.index(5, 0)) == CLOSING


def test_index_for_round_trips_every_row(model):
    for section, _ in model.speech.walk():
        index = model.index_for(section.id)
        assert model.key_for(index) == section.id
        assert model.index(index.row(), 0, model.parent(index)) == index


def test_mime_data_carries_ids_not_text(model):
    mime = section_mime(model, ids(model)["A"])
    payload = json.loads(bytes(mime.data(SECTION_MIME)).decode())
    assert payload["ids"] == [ids(model)["A"]]
    assert "a text" not in bytes(mime.data(SECTION_MIME)).decode()
    assert not mime.hasText()


def test_fixed_rows_cannot_be_dragged(model):
    assert model.mimeData([model.index(0, 0), model.index(1, 0)]) is None
    assert not model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert model.flags(model.index_for(ids(model)["B"])) & Qt.ItemFlag.ItemIsDragEnabled


def test_drop_between_rows_moves_the_section_with_its_subtree(model):
    a = ids(model)["A"]
    section_a = model.speech.find(a)
    mime = section_mime(model, a)
    # Row 5 of the root is after 三、C (rows: head, opening, A, B, C, closing).
    assert model.canDropMimeData(mime, MOVE, 5, 0, QModelIndex())
    assert model.dropMimeData(mime, MOVE, 5, 0, QModelIndex())
    assert headings(model.speech) == [(1, "B"), (1, "C"), (1, "A"), (2, "A1"), (3, "A1a"),
                                      (2, "A2")]
    assert model.speech.body[2] is section_a  # the same object: moved, not copied
    assert texts(model) == ["T", "开头", "一、B", "二、C", "三、A", "结尾"]
    model.document.undo()
    assert headings(model.speech)[0] == (1, "A")


def test_drop_onto_a_section_makes_it_the_last_child(model):
    c, b = ids(model)["C"], ids(model)["B"]
    assert model.dropMimeData(section_mime(model, c), MOVE, -1, 0, model.index_for(b))
    assert model.speech.find(b).children[-1].heading == "C"
    assert texts(model, model.index_for(b)) == ["（一）C"]


def test_drop_inside_another_parent_at_a_row(model):
    a, c = ids(model)["A"], ids(model)["C"]
    assert model.dropMimeData(section_mime(model, c), MOVE, 1, 0, model.index_for(a))
    assert [s.heading for s in model.speech.find(a).children] == ["A1", "C", "A2"]


def test_refuses_drop_into_itself_or_a_descendant(model):
    a, a1, a1a = ids(model)["A"], ids(model)["A1"], ids(model)["A1a"]
    mime = section_mime(model, a)
    before = model.speech.content()
    for target in (a, a1, a1a):
        assert not model.canDropMimeData(mime, MOVE, -1, 0, model.index_for(target))
        assert not model.canDropMimeData(mime, MOVE, 0, 0, model.index_for(target))
        assert not model.dropMimeData(mime, MOVE, 0, 0, model.index_for(target))
    assert model.speech.content() == before
    assert model.document.stack.count() == 0


def test_refuses_drop_that_would_create_a_fifth_level(model):
    a, a1a, b = ids(model)["A"], ids(model)["A1a"], ids(model)["B"]
    # A spans three levels; under B (level 1) its deepest part would be level 4: allowed.
    assert model.canDropMimeData(section_mime(model, a), MOVE, -1, 0, model.index_for(b))
    # Under A1a (level 3) B would be level 4: allowed; A under level 3 would reach level 6.
    assert model.canDropMimeData(section_mime(model, b), MOVE, -1, 0, model.index_for(a1a))
    model.dropMimeData(section_mime(model, b), MOVE, -1, 0, model.index_for(a1a))
    c = ids(model)["C"]
    assert not model.canDropMimeData(section_mime(model, c), MOVE, -1, 0, model.index_for(b))
    assert not model.dropMimeData(section_mime(model, c), MOVE, 0, 0, model.index_for(b))


def test_a_section_dropped_onto_a_fixed_row_goes_to_that_end_of_the_body(model):
    a, c = ids(model)["A"], ids(model)["C"]
    closing_row = model.index_for(CLOSING).row()
    assert model.dropMimeData(section_mime(model, a), MOVE, -1, 0, model.index(closing_row, 0))
    assert [s.heading for s in model.speech.body] == ["B", "C", "A"]
    for row in (0, 1):   # 讲稿信息 and 开头: first in the body
        assert model.dropMimeData(section_mime(model, c), MOVE, -1, 0, model.index(row, 0))
        assert [s.heading for s in model.speech.body] == ["C", "B", "A"]


def test_a_refused_drop_says_why(model):
    a, a1 = ids(model)["A"], ids(model)["A1"]
    messages = []
    model.message.connect(messages.append)
    assert not model.canDropMimeData(section_mime(model, a), MOVE, -1, 0, model.index_for(a1))
    assert "下级" in model.refusal
    assert not model.dropMimeData(section_mime(model, a), MOVE, -1, 0, model.index_for(a1))
    assert messages == [model.refusal]
    assert model.document.stack.count() == 0


def test_refuses_foreign_data(model):
    b = ids(model)["B"]
    other = Document(model.speech)
    foreign = OutlineModel(other).mimeData([OutlineModel(other).index_for(b)])
    assert not model.canDropMimeData(foreign, MOVE, 3, 0, QModelIndex())


def test_drop_between_fixed_rows_lands_at_the_ends_of_the_body(model):
    c, a = ids(model)["C"], ids(model)["A"]
    assert model.dropMimeData(section_mime(model, c), MOVE, 1, 0, QModelIndex())
    assert [s.heading for s in model.speech.body] == ["C", "A", "B"]
    assert model.dropMimeData(section_mime(model, a), MOVE, 6, 0, QModelIndex())
    assert [s.heading for s in model.speech.body] == ["C", "B", "A"]


def test_drop_where_it_already_is_changes_nothing(model):
    b = ids(model)["B"]
    for row in (3, 4):  # just before or just after itself
        assert model.dropMimeData(section_mime(model, b), MOVE, row, 0, QModelIndex())
    assert model.document.stack.count() == 0


def test_remove_rows_after_a_move_drag_changes_nothing(model):
    """QAbstractItemView asks the model to remove the dragged rows after a MoveAction; the
    nodes were already moved by dropMimeData, so that request must do nothing."""
    before = model.speech.content()
    assert not model.removeRows(2, 1, QModelIndex())
    assert model.speech.content() == before


def test_level2_snippet_dropped_onto_level1_section_becomes_its_child(model):
    b = ids(model)["B"]
    assert model.canDropMimeData(snippet_mime("p-2"), COPY, -1, 0, model.index_for(b))
    assert model.dropMimeData(snippet_mime("p-2"), COPY, -1, 0, model.index_for(b))
    assert [s.heading for s in model.speech.find(b).children] == ["加强组织领导"]


def test_snippet_dropped_between_rows_takes_the_level_of_the_place(model):
    a = ids(model)["A"]
    assert model.dropMimeData(snippet_mime("p-1"), COPY, 3, 0, QModelIndex())
    assert [s.heading for s in model.speech.body] == ["A", "统一思想，提高认识", "B", "C"]
    assert model.dropMimeData(snippet_mime("p-4"), COPY, 0, 0, model.index_for(a))
    assert model.speech.find(a).children[0].heading == "建立台账"


def test_snippet_drop_refused_when_too_deep_or_paragraph_between_rows(model):
    a1a = ids(model)["A1a"]
    # p-6 spans two levels: under a level-3 section it would reach level 5.
    assert not model.canDropMimeData(snippet_mime("p-6"), COPY, 0, 0, model.index_for(a1a))
    assert not model.canDropMimeData(snippet_mime("p-5"), COPY, 3, 0, QModelIndex())
    assert not model.canDropMimeData(snippet_mime("missing"), COPY, 3, 0, QModelIndex())


def test_paragraph_snippet_dropped_onto_closing_adds_its_text(model):
    assert model.dropMimeData(snippet_mime("p-5"), COPY, -1, 0, model.index_for(CLOSING))
    assert model.speech.closing == ["谢谢大家！", "同志们，创建工作任重道远。"]
    model.document.undo()
    assert model.speech.closing == ["谢谢大家！"]


def test_persistent_indexes_follow_the_moved_section(model):
    from PySide6.QtCore import QPersistentModelIndex
    a1 = ids(model)["A1"]
    kept = QPersistentModelIndex(model.index_for(a1))
    c = ids(model)["C"]
    model.dropMimeData(section_mime(model, a1), MOVE, -1, 0, model.index_for(c))
    assert model.key_for(QModelIndex(kept)) == a1
    assert model.parent(QModelIndex(kept)) == model.index_for(c)


def test_heading_change_updates_the_row(model, qtbot):
    from composer.core import operations as ops
    b = ids(model)["B"]
    with qtbot.waitSignal(model.dataChanged):
        model.document.execute(ops.set_heading(model.document.speech, b, "新标题"), "x")
    assert model.index_for(b).data() == "二、新标题"


def test_inserted_sections_get_rows(model):
    from composer.core import operations as ops
    new = Section("D")
    model.document.execute(ops.insert_section(model.document.speech, new), "x")
    assert texts(model)[-2:] == ["四、D", "结尾"]


def test_the_outline_keeps_a_selection_when_an_undo_removes_the_selected_section(qtbot):
    """The outline on its own (no document view to follow): after the undo of an insertion
    the nearest surviving section is selected and shown, never nothing."""
    from composer.core import operations as ops
    from composer.core.speech import Section
    from composer.ui.document import Document
    from composer.ui.outline_actions import OutlineActions
    from composer.ui.outline_model import OutlineModel
    from composer.ui.outline_view import OutlineView
    from .conftest import make_speech
    document = Document(make_speech())
    model = OutlineModel(document)
    view = OutlineView()
    qtbot.addWidget(view)
    view.setModel(model)
    actions = OutlineActions(document, model, view)
    b = document.speech.body[1]
    actions.select(b.id)
    actions.add_sibling()                       # a new section after B, selected
    new = actions.current_key()
    assert new not in (b.id, None)
    document.undo()
    assert actions.current_key() == document.speech.body[2].id   # C, next where it was
    document.redo()
    actions.select(new)
    section = Section("X")
    document.execute(ops.insert_section(document.speech, section, new), "x")   # a child of it
    actions.select(section.id)
    document.undo()
    assert actions.current_key() == new, "its parent, the nearest survivor"
