"""相近的说法: the library snippets closest to the section selected in the outline ("another way
to say this", ``core/similar.py``), under the library's preview.

A snippet here is inserted like any library snippet: double-click, Enter, or drag it into the
outline (the same mime data as the library list).  The index of the library is built on a
worker thread the first time the panel is shown and again when the library changes (about 2 s
for 10,000 snippets, ``bench/bench_similar.py``); a section's list is made when the selection
or its text changes and the writer pauses (some 15–35 ms with 10,000 snippets).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMimeData, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QLabel, QListWidget, QListWidgetItem,
                               QVBoxLayout, QWidget)

from ..core.library import Pack, Snippet
from ..core.speech import CLOSING, OPENING
from .background_writes import BackgroundWriter
from .document import Document
from .outline_model import SNIPPET_MIME

if TYPE_CHECKING:
    # The matching loads with the first list asked for, not at start-up.
    from ..core.similar import SimilarSnippets

SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 1
WAIT_MS = 300        # after the last change of selection or text


class SimilarList(QListWidget):
    """Drags a snippet as the library list does; Enter inserts it."""

    insert = Signal(object)     # Snippet

    def __init__(self, ref_of: Callable[[Snippet], str], parent=None):
        super().__init__(parent)
        self._ref_of = ref_of
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.itemActivated.connect(self._activated)

    def _activated(self, item: QListWidgetItem) -> None:
        snippet = item.data(SNIPPET_ROLE)
        if snippet is not None:
            self.insert.emit(snippet)

    def keyPressEvent(self, event) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self._activated(item)
            return
        super().keyPressEvent(event)

    def mimeTypes(self) -> list[str]:
        return [SNIPPET_MIME]

    def mimeData(self, items) -> QMimeData:
        refs = [self._ref_of(item.data(SNIPPET_ROLE)) for item in items[:1]
                if item.data(SNIPPET_ROLE) is not None]
        mime = QMimeData()
        mime.setData(SNIPPET_MIME, QByteArray(json.dumps(refs).encode("utf-8")))
        return mime

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class SimilarPanel(QWidget):
    insert_requested = Signal(object)   # Snippet
    current_snippet = Signal(object)    # Snippet: the one selected in the list

    def __init__(self, document: Document, current_key: Callable[[], str | None],
                 packs: Callable[[], list[Pack]], ref_of: Callable[[Snippet], str],
                 level_name: Callable[[int], str], parent=None):
        super().__init__(parent)
        self.document = document
        self._level_name = level_name        # 一级标题 … 段落, as the library list says them
        self._current_key = current_key
        self._packs = packs
        self.index: SimilarSnippets | None = None
        self._indexed: tuple = ()        # the library the index was built of (its packs' lists)
        self._building = False
        self._asked = 0                  # questions asked of the index (only the last is shown)
        self._worker = BackgroundWriter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        title = QLabel(self.tr("相近的说法"))
        title.setStyleSheet("font-weight: bold; padding: 0 2px;")
        title.setToolTip(self.tr("素材库里与提纲中选中的一节用词最接近的素材（换一种说法），"
                                 "不含本节已有的文字；双击、回车或拖到提纲里插入。"))
        layout.addWidget(title)
        self.note = QLabel()
        self.note.setStyleSheet("color: gray; padding: 0 2px;")
        layout.addWidget(self.note)
        self.list = SimilarList(ref_of)
        self.list.insert.connect(self.insert_requested)
        self.list.currentItemChanged.connect(self._current_changed)
        layout.addWidget(self.list, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(WAIT_MS)
        self._timer.timeout.connect(self.refresh)
        document.content_changed.connect(lambda _changes: self.schedule())
        document.reset.connect(self.schedule)

    def _current_changed(self, item: QListWidgetItem | None, _previous=None) -> None:
        snippet = item.data(SNIPPET_ROLE) if item is not None else None
        if snippet is not None:
            self.current_snippet.emit(snippet)

    def schedule(self) -> None:
        self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.schedule()

    # --- the index ------------------------------------------------------------------------------

    def _ensure_index(self) -> bool:
        """True when the index is of the library as it is; else start building it.  A pack
        read or written again gets a new list of snippets, so the lists tell a change."""
        packs = self._packs()
        signature = tuple((id(p.snippets), len(p.snippets)) for p in packs)
        if self.index is not None and self._indexed == signature:
            return True
        if not self._building:
            self._building = True
            self.note.setText(self.tr("正在整理素材库…"))
            snippets = [s for p in packs for s in p.snippets]

            def done(index, error) -> None:
                self._building = False
                if error is None:
                    self.index, self._indexed = index, signature
                self.refresh()

            def build():
                # Imported here, on the worker: the module sets up its tables when imported.
                from ..core.similar import SimilarSnippets
                from ..io.library_file import paused_gc
                # Without collections while it is made (each would walk every object made so
                # far, holding the interpreter: for 100,000 snippets, pauses of a third of a
                # second for the window), and out of their sight once made.
                with paused_gc(freeze=True):
                    return SimilarSnippets(snippets)
            self._worker.submit(build, done)
        return False

    def wait(self) -> None:
        """Finish building the index now (tests)."""
        self._worker.finish()

    # --- the list ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        if not self.isVisible() or not self._ensure_index():
            return
        index = self.index
        assert index is not None
        from ..core.similar import section_text
        key = self._current_key()
        speech = self.document.speech
        # The text to compare is read here, where the speech is edited; the comparing runs on
        # the worker: with 100,000 snippets one question takes a tenth of a second or more,
        # which the window's thread would be frozen for.
        question: tuple[str, tuple[str, ...]] | None = None
        if key == OPENING:
            question = "\n".join(speech.opening), tuple(speech.opening_snippets)
        elif key == CLOSING:
            question = "\n".join(speech.closing), tuple(speech.closing_snippets)
        elif key and self._has_section(key):
            section = speech.find(key)
            question = section_text(section), tuple(section.snippets)
        self._asked += 1
        asked = self._asked

        def answered(found, error) -> None:
            if asked == self._asked and error is None:   # else a newer question is on its way
                self._show(key, found)
        if question is None:
            self._show(key, [])
        else:
            text, inserted = question
            self._worker.submit(lambda: index.similar(text, inserted), answered)

    def _show(self, key: str | None, found: list) -> None:
        from ..core.similar import snippet_text
        self.list.clear()
        for item in found:
            snippet = item.snippet
            label = (snippet.heading or (snippet.paragraphs[0] if snippet.paragraphs else ""))[:80]
            kind = f"{snippet.kind} · " if snippet.kind else ""
            row = QListWidgetItem(f"{self._level_name(snippet.level)} · {kind}{label}")
            row.setData(SNIPPET_ROLE, snippet)
            text = snippet_text(snippet)
            row.setToolTip(self.tr("相近度 {0:.0%}").format(item.score) + "\n"
                           + (text if len(text) <= 400 else text[:400] + "…"))
            self.list.addItem(row)
        if key in (OPENING, CLOSING) or (key and self._has_section(key)):
            self.note.setText(self.tr("{0} 条，双击插入").format(len(found)) if found
                              else self.tr("素材库里没有说法相近的素材。"))
        else:
            self.note.setText(self.tr("在提纲中选中一节，这里列出素材库里说法相近的素材。"))

    def _has_section(self, key: str) -> bool:
        try:
            self.document.speech.find(key)
        except KeyError:
            return False
        return True

    def shown(self) -> list[Snippet]:
        return [self.list.item(i).data(SNIPPET_ROLE) for i in range(self.list.count())]
