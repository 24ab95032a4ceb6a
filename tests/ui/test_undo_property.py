"""Undo/redo after random sequences of edits made through the UI's own paths (outline actions,
drops on the model, library insertion, typing in the editor): every undo restores exactly the
speech before that step — same text, same structure, same section objects — and the outline
model always mirrors the tree."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from composer.core.numbering import outline_markers
from composer.core.speech import CLOSING, HEAD, OPENING
from composer.ui.document import Document
from composer.ui.editor_pane import EditorPane
from composer.ui.outline_model import OutlineModel
from composer.ui.outline_view import OutlineView
from composer.ui.outline_actions import OutlineActions

from .conftest import make_pack, make_speech, section_mime

TEXT = st.text(alphabet="同志们文明创建工作ab，。", min_size=1, max_size=4)
STEP = st.tuples(
    st.sampled_from(["up", "down", "promote", "demote", "delete", "sibling", "child", "drop",
                     "snippet", "type", "heading", "head", "undo", "undo", "redo"]),
    st.integers(0, 40), st.integers(0, 40), TEXT)


def snapshot(speech):
    """Everything undo must restore, including which section object is where."""
    return (speech.title, speech.speaker, tuple(speech.opening), tuple(speech.closing),
            tuple((s.id, level, s.heading, tuple(s.paragraphs), s.run_in)
                  for s, level in speech.walk()))


def check_model_mirrors(model, speech):
    markers = outline_markers(speech)

    def visit(parent_index, sections, offset):
        assert model.rowCount(parent_index) == len(sections) + (3 if offset else 0)
        for row, section in enumerate(sections):
            index = model.index(row + offset, 0, parent_index)
            assert model.key_for(index) == section.id
            assert model.parent(index) == parent_index
            assert index.data() == markers[section.id] + (section.heading or "（无标题）")
            visit(index, section.children, 0)
    visit(QModelIndex(), speech.body, 2)


class Rig:
    """The document with the outline model, view, actions and editor, without a main window."""

    def __init__(self):
        self.document = Document(make_speech())
        self.model = OutlineModel(self.document)
        self.view = OutlineView()
        self.view.setModel(self.model)
        self.view.expandAll()
        self.actions = OutlineActions(self.document, self.model, self.view)
        self.editor = EditorPane(self.document, lambda sid: self.model.markers().get(sid, ""))
        self.view.selectionModel().currentChanged.connect(
            lambda current, _: self.editor.show_key(self.model.key_for(current)))
        pack = make_pack("p")
        self.snippets = pack.snippets
        self.model.snippet_lookup = {f"p\n{s.id}": s for s in pack.snippets}.get

    def sections(self):
        return [s for s, _ in self.document.speech.walk()]

    def pick(self, n):
        keys = [HEAD, OPENING, CLOSING] + [s.id for s in self.sections()]
        return keys[n % len(keys)]

    def step(self, kind, a, b, text):
        doc, model = self.document, self.model
        if kind == "undo":
            doc.undo()
        elif kind == "redo":
            doc.redo()
        elif kind in ("up", "down", "promote", "demote", "delete", "sibling", "child"):
            self.actions.select(self.pick(a))
            action = {"up": self.actions.move_up, "down": self.actions.move_down,
                      "promote": self.actions.promote, "demote": self.actions.demote,
                      "delete": self.actions.delete, "sibling": self.actions.new_sibling,
                      "child": self.actions.new_child}[kind]
            action.trigger()
        elif kind == "drop":
            sections = self.sections()
            if not sections:
                return
            moving = sections[a % len(sections)].id
            target = self.pick(b)
            parent = model.index_for(target)
            row = -1 if a % 3 == 0 else b % (model.rowCount(parent) + 1)
            if row >= 0 and model.rowCount(parent) == 0:
                parent = model.parent(parent)
            model.dropMimeData(section_mime(model, moving), Qt.DropAction.MoveAction, row, 0, parent)
        elif kind == "snippet":
            self.actions.select(self.pick(b))
            self.actions.insert_snippet(self.snippets[a % len(self.snippets)])
        elif kind == "type":
            key = self.pick(a)
            if key == HEAD:
                return
            self.actions.select(key)
            edit = self.editor.section.text
            cursor = edit.textCursor()
            cursor.setPosition(b % (len(edit.toPlainText()) + 1))
            edit.setTextCursor(cursor)
            event = QInputMethodEvent("", [])
            event.setCommitString(text)
            QApplication.sendEvent(edit, event)
        elif kind == "heading":
            sections = self.sections()
            if sections:
                self.actions.select(sections[a % len(sections)].id)
                self.editor.section.heading.setText(text)
                self.editor.section.heading.textEdited.emit(text)
        elif kind == "head":
            self.actions.select(HEAD)
            field = self.editor.head.fields["title" if a % 2 else "speaker"]
            field.setText(text)
            field.textEdited.emit(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(STEP, max_size=25))
def test_undo_redo_restore_every_state(qapp, steps):
    rig = Rig()
    stack = rig.document.stack
    states = [snapshot(rig.document.speech)]  # the state at each stack index
    for kind, a, b, text in steps:
        index_before = stack.index()
        rig.step(kind, a, b, text)
        now = snapshot(rig.document.speech)
        if kind in ("undo", "redo"):
            assert now == states[stack.index()]
        elif stack.index() > index_before:
            del states[stack.index():]
            states.append(now)
        elif stack.index() == index_before and stack.index() > 0 and now != states[-1]:
            states[stack.index()] = now  # merged into the step on top (typing in one burst)
        else:
            assert now == states[stack.index()]  # refused: nothing changed
        assert len(states) == stack.count() + 1
        check_model_mirrors(rig.model, rig.document.speech)
    while stack.canUndo():
        stack.undo()
        assert snapshot(rig.document.speech) == states[stack.index()]
        check_model_mirrors(rig.model, rig.document.speech)
    while stack.canRedo():
        stack.redo()
        assert snapshot(rig.document.speech) == states[stack.index()]
    assert snapshot(rig.document.speech) == states[-1]
