"""The library's own undo history: 存入素材库, editing and deleting snippets, undone and redone.

Why the library has a history of its own, and not a place on the open speech's undo stack:

* a library edit outlives the speech it was made from.  The speech's history is cleared when
  another speech is opened (or a new one started), and a snippet saved from the last speech must
  still be undoable then;
* undoing in the speech must never reach into a shared file: Ctrl+Z while typing a paragraph
  should not delete a snippet from a pack colleagues use, several steps back;
* a library step is a write to a file that may fail (an offline network folder, another writer
  holding the lock, a full disk).  A step is recorded only once its write succeeded, and an undo
  or redo whose write fails leaves the history where it was, so the history always describes
  what is on disk.  (``QUndoStack`` cannot refuse an undo, which is why this history is plain
  Python; the window routes Undo/Redo to it when the library pane has the focus.)

Each step is replayed against the pack as it is on disk at that moment (see ``library_edits``):
undoing the snippet saved an hour ago removes that snippet even after colleagues added others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .library_edits import Applied, LibraryEdit

# Steps kept; the oldest go first (each holds a copy of the snippets it touched).
LIMIT = 200


@dataclass
class Step:
    label: str
    edit: LibraryEdit   # what undo (or redo) applies next


class LibraryHistory:
    def __init__(self, store: Callable[[LibraryEdit], Applied], limit: int = LIMIT):
        """``store`` writes an edit to its pack and returns what was applied; it raises
        ComposerError (nothing written) when it cannot."""
        self.store = store
        self.limit = limit
        self._undo: list[Step] = []
        self._redo: list[Step] = []

    def do(self, label: str, edit: LibraryEdit) -> Applied:
        applied = self.store(edit)            # raises: nothing recorded
        self._undo.append(Step(label, applied.inverse))
        del self._undo[:-self.limit]
        self._redo.clear()
        return applied

    def undo(self) -> Applied | None:
        return self._move(self._undo, self._redo)

    def redo(self) -> Applied | None:
        return self._move(self._redo, self._undo)

    def _move(self, source: list[Step], target: list[Step]) -> Applied | None:
        if not source:
            return None
        step = source[-1]
        applied = self.store(step.edit)       # raises: the history stays where it was
        source.pop()
        target.append(Step(step.label, applied.inverse))
        return applied

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo_label(self) -> str:
        return self._undo[-1].label if self._undo else ""

    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""
