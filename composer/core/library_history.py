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
    def __init__(self, store: Callable[[LibraryEdit], Applied] | None = None,
                 limit: int = LIMIT):
        """``store`` writes an edit to its pack and returns what was applied; it raises
        ComposerError (nothing written) when it cannot.  Without one, only the two-phase
        methods below are used (the window writes on a worker thread)."""
        self.store = store
        self.limit = limit
        self._undo: list[Step] = []
        self._redo: list[Step] = []

    def _write(self, edit: LibraryEdit) -> Applied:
        if self.store is None:
            raise TypeError("this history is written in two phases (record, undone, redone)")
        return self.store(edit)

    def do(self, label: str, edit: LibraryEdit) -> Applied:
        applied = self._write(edit)            # raises: nothing recorded
        self.record(label, applied)
        return applied

    def undo(self) -> Applied | None:
        step = self.next_undo()
        if step is None:
            return None
        applied = self._write(step.edit)      # raises: the history stays where it was
        self.undone(applied)
        return applied

    def redo(self) -> Applied | None:
        step = self.next_redo()
        if step is None:
            return None
        applied = self._write(step.edit)
        self.redone(applied)
        return applied

    # --- in two phases, for a store that writes on another thread (ui/library_pane) ----------
    #
    # The step to write is taken (next_undo), written elsewhere, and only then recorded
    # (undone): a write that fails records nothing, as above.  The caller makes one write at a
    # time, so the step on top cannot change between the two phases.

    def record(self, label: str, applied: Applied) -> None:
        """A new edit was written: it is the next to undo; the redo steps are gone."""
        self._undo.append(Step(label, applied.inverse))
        del self._undo[:-self.limit]
        self._redo.clear()

    def next_undo(self) -> Step | None:
        return self._undo[-1] if self._undo else None

    def next_redo(self) -> Step | None:
        return self._redo[-1] if self._redo else None

    def undone(self, applied: Applied) -> None:
        """The step of next_undo() was written (``applied`` is what its write did)."""
        step = self._undo.pop()
        self._redo.append(Step(step.label, applied.inverse))

    def redone(self, applied: Applied) -> None:
        step = self._redo.pop()
        self._undo.append(Step(step.label, applied.inverse))

    def labels(self) -> tuple[list[str], list[str]]:
        """The labels of the undo and the redo steps, oldest first."""
        return [s.label for s in self._undo], [s.label for s in self._redo]

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo_label(self) -> str:
        return self._undo[-1].label if self._undo else ""

    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""
