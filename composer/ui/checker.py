"""The proofreader kept running on the open speech: rechecked as the writer types.

Every edit reaches the checker through the document's ``content_changed(Changes)``.  An edit
that touched text (a paragraph container, a heading, a head field, the structure) starts a
debounce timer: the check runs :data:`DEBOUNCE_MS` after the last keystroke, not at every one,
so typing never waits for it.  The engine keeps what it found per paragraph (``Proofreader``
caches by the paragraph's text), so the check after a keystroke costs what the changed
paragraph costs (bench/bench_check_panel.py).  An edit that touched no text — 忽略 and 取消忽略
(``SetIgnored``) — needs no check: the list is shown again at once with the new ignored set.

The word lists (the bundled confusion list, the office's ``*.proofread.yaml`` in the data
folder and the shared library folders) are read at the first check, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.edits import Changes
from ..core.proofread import Finding, speech_ignored

if TYPE_CHECKING:
    from ..core.proofread import Lexicon, Proofreader
from .document import Document

# Checks run this long after the last change (a pause between two keystrokes is shorter).
DEBOUNCE_MS = 300


class Checker(QObject):
    # The findings or the ignored set changed (also after a check that found the same).
    updated = Signal()
    # Something to tell the writer (a word list that could not be read).
    message = Signal(str)

    def __init__(self, document: Document, level3_style: Callable[[], str] = lambda: "1.",
                 folders: Callable[[], list[str]] = lambda: [], parent=None):
        super().__init__(parent)
        self.document = document
        self._level3_style = level3_style
        self._folders = folders
        self._reader: Proofreader | None = None
        self._lexicon: Lexicon | None = None
        # Every finding of the last check in reading order, the ignored ones too.
        self.findings: list[Finding] = []
        self.checked = False           # a check has run on the speech shown
        self.list_errors: list[tuple[str, Exception]] = []
        # Findings from outside the proofreader (查重 against the archive, ui/archive_check),
        # put into the list in reading order at every check.
        self.more: Callable[[], list[Finding]] | None = None
        self._changed: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run)
        document.content_changed.connect(self._content_changed)
        document.structure_changed.connect(self.schedule)
        document.reset.connect(self._reset)

    # --- what was found ---------------------------------------------------------------------

    def ignored_keys(self) -> frozenset[tuple[str, str]]:
        return speech_ignored(self.document.speech)

    def visible(self) -> list[Finding]:
        """The findings the writer has not ignored."""
        ignored = self.ignored_keys()
        return [f for f in self.findings if f.key not in ignored] if ignored else list(self.findings)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    # --- when to check ----------------------------------------------------------------------

    def _content_changed(self, changes: Changes) -> None:
        if changes.structure or changes.head or changes.headings or changes.containers:
            self._changed |= changes.containers | changes.headings
            self.schedule()
        else:
            self.updated.emit()     # only the ignored set changed: no text to check again

    def _reset(self) -> None:
        self.findings = []
        self.checked = False
        self._changed.clear()
        self.updated.emit()
        self.schedule()

    def schedule(self) -> None:
        self._timer.start()         # restarted by every change: fires once typing pauses

    def flush(self) -> None:
        """Check now if a check is waiting (before acting on a finding, before an export)."""
        if self._timer.isActive() or not self.checked:
            self.run()

    def run(self) -> None:
        self._timer.stop()
        reader = self.reader()
        speech = self.document.speech
        changed, self._changed = self._changed, set()
        if len(changed) == 1:
            # One container changed (typing): its paragraphs are checked anew, the rest of the
            # speech comes from the engine's cache.
            self.findings = reader.recheck_paragraph(speech, next(iter(changed)),
                                                     include_ignored=True)
        else:
            self.findings = reader.check(speech, include_ignored=True)
        if self.more is not None:
            from ..core.archive import merge_in_reading_order
            self.findings = merge_in_reading_order(speech, self.findings, self.more())
        self.checked = True
        self.updated.emit()

    # --- the proofreader ------------------------------------------------------------------------

    def reader(self) -> Proofreader:
        from ..core.proofread import Proofreader
        if self._reader is None:
            if self._lexicon is None:
                self._load_lists()
            self._reader = Proofreader(self._lexicon, None, self._level3_style())
        return self._reader

    def _load_lists(self) -> None:
        from ..io.proofread_lists import load_lexicon
        loaded = load_lexicon(self._folders())
        self._lexicon = loaded.lexicon
        self.list_errors = list(loaded.errors)
        if loaded.errors:
            error = loaded.errors[0][1]
            more = len(loaded.errors) - 1
            text = str(error) if not more else self.tr("{0}（另有 {1} 个词表文件无法读取）").format(
                error, more)
            self.message.emit(text)

    def reload_lists(self) -> None:
        """The shared folders or the lists in them changed: read the word lists again."""
        self._lexicon = None
        self._reader = None
        self.schedule()

    def set_level3_style(self, style: str) -> None:
        """The format profile numbers level 3 「1.」 or 「1、」: rule ordinal.level3-style follows."""
        if self._reader is not None and self._reader.context.level3_style != style:
            self._reader = None
            self.schedule()
