"""The outline's commands: new section, move up/down, promote/demote, delete, insert a snippet.

Each is one undoable core operation on the section selected in the outline view.  The actions
carry their shortcuts (Word's outline keys: Alt+Shift+arrows), so the menus show them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence

from ..core import operations as ops
from ..core.edits import Edit
from ..core.errors import OperationError
from ..core.library import Snippet
from ..core.placement import nearest_after_removal, nearest_candidates, neighbour_skip
from ..core.speech import CLOSING, HEAD, OPENING, Section, Speech
from .document import Document
from .outline_model import OutlineModel
from .outline_view import OutlineView


class OutlineActions(QObject):
    message = Signal(str)
    edit_heading = Signal()  # a new section was created: start typing its heading

    def __init__(self, document: Document, model: OutlineModel, view: OutlineView, parent=None):
        super().__init__(parent)
        self.document = document
        self.model = model
        self.view = view

        def action(text: str, shortcut, slot, widget_only: bool = False) -> QAction:
            act = QAction(text, self)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            if widget_only:  # e.g. Delete: only while the outline has the focus
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                view.addAction(act)
            act.triggered.connect(slot)
            return act

        self.new_sibling = action(self.tr("新建同级标题"), "Ctrl+Return", self.add_sibling)
        self.new_child = action(self.tr("新建下级标题"), "Ctrl+Shift+Return", self.add_child)
        self.move_up = action(self.tr("上移"), "Alt+Shift+Up", lambda: self._run_on_current(
            self.tr("上移"), ops.move_up))
        self.move_down = action(self.tr("下移"), "Alt+Shift+Down", lambda: self._run_on_current(
            self.tr("下移"), ops.move_down))
        self.promote = action(self.tr("升级"), "Alt+Shift+Left", lambda: self._run_on_current(
            self.tr("升级"), ops.promote))
        self.demote = action(self.tr("降级"), "Alt+Shift+Right", lambda: self._run_on_current(
            self.tr("降级"), ops.demote))
        self.delete = action(self.tr("删除标题"), QKeySequence.StandardKey.Delete, self.delete_current,
                             widget_only=True)
        self.expand_all = action(self.tr("全部展开"), None, view.expandAll)
        self.collapse_all = action(self.tr("全部折叠"), None, view.collapseAll)
        view.selectionModel().currentChanged.connect(self.update_enabled)
        model.placed.connect(self.select)
        model.message.connect(self.message)
        self._survivors: list[str] = []
        document.structure_about_to_change.connect(self._remember_current)
        document.structure_changed.connect(self._keep_a_current)
        document.structure_changed.connect(self.update_enabled)
        document.reset.connect(self._after_reset)
        self.update_enabled()

    # --- selection ----------------------------------------------------------------------------------

    def current_key(self) -> str | None:
        return self.model.key_for(self.view.currentIndex())

    def current_section(self) -> Section | None:
        return self.model.section_for(self.view.currentIndex())

    def select(self, key: str | None) -> None:
        index = self.model.index_for(key)
        if not index.isValid():
            return
        parent = self.model.parent(index)
        while parent.isValid():
            self.view.expand(parent)
            parent = self.model.parent(parent)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(index)

    def _remember_current(self) -> None:
        """Before sections are added, removed or moved: the selected section, and what to select
        instead should it be gone afterwards (an undone insertion, a cut in the document)."""
        section = self.current_section()
        self._survivors = ([section.id] + nearest_candidates(self.document.speech, section.id)
                           if section is not None else [])

    def _keep_a_current(self) -> None:
        """After the change: the section selected before, or its nearest survivor, selected
        and shown (the editor never goes blank)."""
        survivors, self._survivors = self._survivors, []
        for key in survivors:
            if self.model.index_for(key).isValid():
                if key == self.current_key():
                    self.view.scrollTo(self.view.currentIndex())
                else:
                    self.select(key)
                return

    def _after_reset(self) -> None:
        self.view.expandAll()
        self.select(HEAD)

    def update_enabled(self, *_args) -> None:
        section = self.current_section()
        on_section = section is not None
        for act in (self.move_up, self.move_down, self.promote, self.demote, self.delete,
                    self.new_child):
            act.setEnabled(on_section)

    # --- operations ---------------------------------------------------------------------------------

    def _run(self, text: str, build: Callable[[Speech], Edit]) -> bool:
        """Build an edit from the speech as it is and execute it; a refusal goes to the status bar."""
        try:
            self.document.execute(build(self.document.speech), text)
        except OperationError as error:
            self.message.emit(str(error))
            return False
        return True

    def _run_on_current(self, text: str, operation: Callable[[Speech, str], Edit]) -> None:
        section = self.current_section()
        if section is not None:
            section_id = section.id
            if self._run(text, lambda s: operation(s, section_id)):
                self.select(section_id)

    def add_sibling(self) -> None:
        key = self.current_key()
        speech = self.document.speech
        # A new heading takes the level of the headings around it (their skip).
        new = Section()
        build: Callable[[Speech], Edit]
        if key in (HEAD, OPENING):
            new.skip = neighbour_skip(speech, None, 0)
            build = lambda s: ops.insert_section(s, new, None, 0)  # noqa: E731
        elif key is None or key == CLOSING:
            new.skip = neighbour_skip(speech, None, len(speech.body))
            build = lambda s: ops.insert_section(s, new)  # noqa: E731
        else:
            new.skip = speech.find(key).skip
            build = lambda s: ops.insert_at(s, new, key, "after")  # noqa: E731
        if self._run(self.tr("新建标题"), build):
            self.select(new.id)
            self.edit_heading.emit()

    def add_child(self) -> None:
        section = self.current_section()
        if section is None:
            return
        new, parent_id = Section(), section.id
        new.skip = neighbour_skip(self.document.speech, parent_id, len(section.children))
        if self._run(self.tr("新建下级标题"), lambda s: ops.insert_section(s, new, parent_id)):
            self.select(new.id)
            self.edit_heading.emit()

    def delete_current(self) -> None:
        section = self.current_section()
        if section is None:
            return
        after = nearest_after_removal(self.document.speech, section.id)
        section_id = section.id
        if self._run(self.tr("删除标题"), lambda s: ops.delete_section(s, section_id)):
            self.select(after)

    def insert_snippet(self, snippet: Snippet, after_paragraph: int | None = None) -> None:
        try:
            self.model.insert_snippet(snippet, self.current_key(), after_paragraph)
        except OperationError as error:
            self.message.emit(str(error))
