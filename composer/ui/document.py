"""The open speech: its tree, its file, its undo stack, and the signals the panes listen to.

Every change to the speech is a core edit (``core/edits.py``), built by a core operation and
handed to :meth:`Document.execute`, which applies it and pushes an :class:`EditCommand` holding
its inverse on the undo stack.  The panes never change the speech themselves; they listen:

* ``structure_about_to_change`` / ``structure_changed`` around any edit that adds, removes or
  moves sections (the outline model turns them into a Qt layout change);
* ``content_changed(Changes)`` after every edit, naming the head fields, headings and paragraph
  containers it touched (each view reloads only what it shows);
* ``reset`` when a different speech is loaded.

What an edit touches comes from the edit itself (``Edit.changes()``), so this module knows no
kinds of edit; something that is not a core edit is refused, never applied on trust.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.edits import Batch, Changes, Edit
from ..core.speech import Speech

__all__ = ["BURST_SECONDS", "Changes", "Document", "EditCommand"]

# Text typed into one field merges into one undo step until the writer pauses this long,
# leaves the field, or does something else.
BURST_SECONDS = 2.0


class EditCommand(QUndoCommand):
    """One undo step.  It holds a single edit: the inverse while done, the redo edit while undone.

    The document applies the edit before pushing the command (so a refused edit never reaches
    the stack); the stack's first call to ``redo`` therefore does nothing.
    """

    MERGE_ID = 1

    def __init__(self, document: Document, text: str, inverse, merge_key=None):
        super().__init__(text)
        self.document = document
        self.edit = inverse
        self.merge_key = merge_key
        self.merge_open = merge_key is not None
        self.last_change = time.monotonic()
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.edit = self.document.apply_edit(self.edit)

    def undo(self) -> None:
        self.edit = self.document.apply_edit(self.edit)

    def id(self) -> int:
        return self.MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, EditCommand) and self.merge_open
                and other.merge_key == self.merge_key
                and other.last_change - self.last_change <= BURST_SECONDS):
            return False
        # Undo must take back the newer change first, then ours.  Kept flat, so that a long
        # burst of typing does not nest one Batch per keystroke.
        older = self.edit.edits if type(self.edit) is Batch else [self.edit]
        self.edit = Batch([other.edit, *older])
        self.last_change = other.last_change
        return True


class Document(QObject):
    structure_about_to_change = Signal()
    structure_changed = Signal()
    content_changed = Signal(object)   # Changes
    reset = Signal()
    path_changed = Signal()
    # No bool argument: PySide6 6.12 leaks a reference on every bool emitted from Python
    # (see qt_check.py); listeners ask is_modified().
    modified_changed = Signal()

    def __init__(self, speech: Speech | None = None, path: str | None = None, parent=None):
        super().__init__(parent)
        self.speech = speech or Speech()
        self.path = path
        # Where the speech came from when it has no file yet (the example), for the window title.
        self.origin = ""
        self.stack = QUndoStack(self)
        self.stack.cleanChanged.connect(self._clean_changed)

    def _clean_changed(self, _clean: bool) -> None:
        self.modified_changed.emit()

    # --- loading -------------------------------------------------------------------------------

    def load(self, speech: Speech, path: str | None, origin: str = "",
             modified: bool = False) -> None:
        """Show another speech; the undo history starts afresh.  ``modified`` marks a speech
        with edits that are not in its file (one restored after a crash)."""
        self.stack.clear()
        self.speech = speech
        self.path = path
        self.origin = origin
        if modified:
            self.stack.resetClean()  # no state of this history matches the file
        else:
            self.stack.setClean()
        self.reset.emit()
        self.path_changed.emit()
        self.modified_changed.emit()

    def set_saved(self, path: str) -> None:
        self.close_merge()  # typing after a save is a new step, so undo can return to the saved text
        self.path = path
        self.origin = ""
        self.stack.setClean()
        self.path_changed.emit()

    def is_modified(self) -> bool:
        return not self.stack.isClean()

    # --- editing -------------------------------------------------------------------------------

    def execute(self, edit: Edit, text: str, merge_key: object = None) -> Edit:
        """Apply a core edit as one undo step named ``text``; returns its inverse.

        Raises OperationError when the edit cannot be applied (nothing changed, nothing pushed).
        A ``merge_key`` lets consecutive edits of the same field merge into one step.
        """
        if not isinstance(edit, Edit):
            raise TypeError(f"not a core edit: {edit!r}")
        top = self._top()
        # A new step unless this continues the burst on top: same field, and nothing undone
        # since (after an Undo, typing starts afresh, as in Word).
        if (merge_key is None or top is None or top.merge_key != merge_key
                or self.stack.index() < self.stack.count()):
            self.close_merge()
        inverse = self.apply_edit(edit)
        self.stack.push(EditCommand(self, text, inverse, merge_key))
        return inverse

    def apply_edit(self, edit: Edit) -> Edit:
        """Apply an edit (a new one, an undo or a redo), tell the views, return its inverse."""
        changes = edit.changes()
        if changes.structure:
            self.structure_about_to_change.emit()
        try:
            inverse = edit.apply(self.speech)
        finally:
            if changes.structure:
                self.structure_changed.emit()
        self.content_changed.emit(changes)
        return inverse

    def _top(self) -> EditCommand | None:
        """The last step done (the one a new step could merge into), if any."""
        index = self.stack.index()
        command = self.stack.command(index - 1) if index else None
        return command if isinstance(command, EditCommand) else None

    def close_merge(self) -> None:
        """End the current typing burst: the next text edit starts a new undo step."""
        top = self._top()
        if top is not None:
            top.merge_open = False

    def undo(self) -> None:
        self.close_merge()
        self.stack.undo()

    def redo(self) -> None:
        self.close_merge()
        self.stack.redo()
