"""The window's Undo and Redo over two histories: the speech's and the library's.

The speech and the library keep separate histories (see ``core/library_history`` for why: a
library edit outlives the speech it came from, whose history is cleared when another speech
opens).  The window still has one Undo and one Redo (menu, toolbar, Ctrl+Z, Ctrl+Y /
Ctrl+Shift+Z), and they take back *what the writer did last*, whichever history it is in: the
snippet just saved with 存入素材库, or the snippet just inserted by double-clicking it in the
library list.  Choosing by the focus instead was tried and fails exactly there: the focus is in
the library list after an insertion, which is an edit of the speech.

So this keeps the order of the steps of both histories (``done``, ``undone``: which history
each step is in, oldest first).  The speech's steps are followed through its ``QUndoStack``
signals (whatever pushes, undoes or redoes them), the library's through the pane's
``history_moved``, sent when a step is *asked for* (the pane writes on a worker; a step that
then fails is taken back with "forget" or the reverse move).  A listed step its history no
longer holds (the speech's history cleared on opening another speech, the oldest library steps
dropped) is skipped.  The 素材库 menu also has
撤销/重做素材库修改, which reach the library's history alone.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from shiboken6 import isValid

SPEECH, LIBRARY = "speech", "library"


class UndoRouter(QObject):
    def __init__(self, undo: QAction, redo: QAction, document, library_pane, parent=None):
        super().__init__(parent)
        self.undo_action, self.redo_action = undo, redo
        self.document = document
        self.library_pane = library_pane
        self.done: list[str] = []
        self.undone: list[str] = []
        stack = document.stack
        self._index, self._count = stack.index(), stack.count()
        undo.triggered.connect(self.undo)
        redo.triggered.connect(self.redo)
        stack.indexChanged.connect(self._speech_moved)
        for signal in (stack.canUndoChanged, stack.canRedoChanged, stack.undoTextChanged,
                       stack.redoTextChanged):
            signal.connect(self.update)
        library_pane.history_moved.connect(self._library_moved)
        library_pane.steps_changed.connect(self.update)
        self.update()

    # --- following both histories -----------------------------------------------------------------

    def _alive(self) -> bool:
        # A QUndoStack clears itself (and signals) while it is being destroyed with the window.
        return isValid(self.document.stack) and isValid(self.library_pane) \
            and isValid(self.undo_action)

    def _speech_moved(self, index: int) -> None:
        if not self._alive():
            return
        stack = self.document.stack
        count = stack.count()
        if count == 0:                          # cleared: another speech was opened
            self.done = [k for k in self.done if k != SPEECH]
            self.undone = [k for k in self.undone if k != SPEECH]
        elif index < self._index:               # undone (by us or by any other path)
            for _ in range(self._index - index):
                _move_last(self.done, self.undone, SPEECH)
        elif index > self._index:
            if count == self._count:            # redone: the steps were there already
                for _ in range(index - self._index):
                    _move_last(self.undone, self.done, SPEECH)
            else:                               # new steps: the speech's redo steps are gone
                self.undone = [k for k in self.undone if k != SPEECH]
                self.done += [SPEECH] * (index - self._index)
        self._index, self._count = index, count
        self.update()

    def _library_moved(self, how: str) -> None:
        if how == "do":
            self.undone = [k for k in self.undone if k != LIBRARY]
            self.done.append(LIBRARY)
        elif how == "undo":
            _move_last(self.done, self.undone, LIBRARY)
        elif how == "redo":
            _move_last(self.undone, self.done, LIBRARY)
        elif how == "forget":                   # a step asked for could not be written
            _drop_last(self.done, LIBRARY)
        self.update()

    # --- acting ---------------------------------------------------------------------------------

    def _can(self, kind: str, undo: bool) -> bool:
        if kind == SPEECH:
            stack = self.document.stack
            return stack.canUndo() if undo else stack.canRedo()
        # The pane's own count: it includes the steps still being written (on its worker).
        pane = self.library_pane
        return pane.can_undo() if undo else pane.can_redo()

    def _next(self, steps: list[str], undo: bool) -> str | None:
        """The history of the latest listed step that its history still holds."""
        while steps and not self._can(steps[-1], undo):
            steps.pop()   # a step its history no longer holds
        if steps:
            return steps[-1]
        # Nothing listed (steps made before this window listened): fall back on the speech.
        return SPEECH if self._can(SPEECH, undo) else (LIBRARY if self._can(LIBRARY, undo)
                                                        else None)

    def undo(self) -> None:
        kind = self._next(self.done, undo=True)
        if kind == LIBRARY:
            self.library_pane.undo()
        elif kind == SPEECH:
            self.document.undo()

    def redo(self) -> None:
        kind = self._next(self.undone, undo=False)
        if kind == LIBRARY:
            self.library_pane.redo()
        elif kind == SPEECH:
            self.document.redo()

    def update(self, *_args) -> None:
        if not self._alive():
            return
        labels = []
        for steps, undo in ((self.done, True), (self.undone, False)):
            kind = next((k for k in reversed(steps) if self._can(k, undo)), None)
            if kind is None:
                kind = SPEECH if self._can(SPEECH, undo) else LIBRARY
            if kind == SPEECH:
                stack = self.document.stack
                labels.append((self._can(SPEECH, undo),
                               stack.undoText() if undo else stack.redoText()))
            else:
                pane = self.library_pane
                labels.append((self._can(LIBRARY, undo),
                               pane.undo_label() if undo else pane.redo_label()))
        (can_undo, undo_text), (can_redo, redo_text) = labels
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        self.undo_action.setToolTip(self.tr("撤销：") + undo_text)
        self.redo_action.setToolTip(self.tr("重做：") + redo_text)


def _move_last(source: list[str], target: list[str], kind: str) -> None:
    """Move the latest step of ``kind`` from one list to the end of the other."""
    for position in range(len(source) - 1, -1, -1):
        if source[position] == kind:
            del source[position]
            target.append(kind)
            return
    target.append(kind)   # not listed (made before this window listened): list it now


def _drop_last(steps: list[str], kind: str) -> None:
    for position in range(len(steps) - 1, -1, -1):
        if steps[position] == kind:
            del steps[position]
            return
