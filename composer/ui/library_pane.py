"""The library pane (素材库): search box, grouped snippet list, preview.

Snippets are inserted into the outline by dragging, double-click or Enter (``insert_requested``).
The user's own pack can be added to, edited and pruned here, with undo and redo; bundled and
shared packs are read-only.  Packs that change on disk (another writer) are read again.
"""

from __future__ import annotations

import functools
import html
import operator
import os
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QLabel, QLineEdit, QListView,
                               QMenu, QMessageBox, QProgressBar, QSplitter, QStyle,
                               QStyledItemDelegate, QTextBrowser, QVBoxLayout, QWidget)

from ..core.errors import ComposerError, one_line
from ..core.library import PARAGRAPH, Pack, Snippet, section_to_snippet
from ..core.library_edits import (AddSnippets, Applied, EditSnippet, LibraryEdit, RemoveSnippets,
                                  clone, same_content, snippet_content)
from ..core.library_history import LibraryHistory
from ..core.snippet_index import PackIndex
from ..core.speech import Section
from ..io import library_store, pack_update
from ..io.library_file import paused_gc
from ..io.library_store import LoadedLibrary
from . import budget_text, settings
from .background_writes import SETTLE_MS, BackgroundWriter
from .library_model import ROW_ROLE, LibraryModel, Ordering
from .library_watch import PackWatcher

# A library edit waits this long for another writer of the same pack (seconds).  The wait is on
# the worker, with a note in the status bar, so the window stays usable; a write holds the lock
# for about one read and one write of the file (``pack_update``: the bytes are made before the
# lock is taken), about a second for a 64 MB pack of 100,000 snippets on a slow disk, so a
# longer wait means a stuck writer, said in a message.
LOCK_WAIT_SECONDS = 60.0

# The bookkeeping that takes back a step announced to the window's Undo/Redo (ui/undo_routing)
# when its write fails or is dropped.
_REVERSED = {"do": "forget", "undo": "redo", "redo": "undo"}

HIGHLIGHT = QColor(0xFF, 0xD8, 0x6B)
INDENT = 14


@dataclass
class _Op:
    """A library job, in the order asked: an edit ("do"), an undo, a redo, or a re-read of a
    pack changed on disk ("reload")."""
    how: str
    label: str = ""
    edit: LibraryEdit | None = None
    then: Callable[[Applied], None] | None = None
    path: str = ""
    # Snippets to add that are made on the worker (an import compares itself with every snippet
    # of the pack: seconds in a big library); the edit is then AddSnippets(path, build()).
    build: Callable[[], list[Snippet]] | None = None


def _read_again(path: str, read_only: bool, name: str, shown: tuple[Snippet, ...],
                previous: PackIndex | None, order: Callable[[PackIndex], Ordering | None]):
    """On the worker: the pack at ``path`` as it is now, its index and the list's order of it
    (``order``: ``LibraryModel.ordering_for``), or None when it holds what is shown.  Not
    parsed again when its bytes are those last read or written here.  No garbage collection
    meanwhile, and what is made is kept out of later ones (see the work of a write)."""
    with paused_gc(freeze=True):
        fresh = pack_update.read_pack(path, read_only=read_only, keep_bytes=False)[0]
        if fresh is None:
            return None   # gone: keep showing what was read
        if fresh.name == name:
            if len(fresh.snippets) == len(shown) and all(map(operator.is_, fresh.snippets,
                                                             shown)):
                return None
            if [snippet_content(s) for s in fresh.snippets] == [snippet_content(s)
                                                                for s in shown]:
                return None
        index = library_store.index_again(fresh.snippets, previous)
        return fresh, index, order(index)


def match_ranges(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of the case-folded terms in a text, merged."""
    folded = text.casefold()
    if len(folded) != len(text):  # a few letters change length when case-folded: skip marking
        return []
    spans = []
    for term in terms:
        start = folded.find(term)
        while start >= 0 and term:
            spans.append((start, start + len(term)))
            start = folded.find(term, start + len(term))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlighted_html(text: str, terms: list[str]) -> str:
    out, last = [], 0
    for start, end in match_ranges(text, terms):
        out.append(html.escape(text[last:start]))
        out.append(f'<span style="background:{HIGHLIGHT.name()}">{html.escape(text[start:end])}</span>')
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


class SnippetDelegate(QStyledItemDelegate):
    """Paints group headers in bold and marks the search match in snippet rows."""

    def __init__(self, model: LibraryModel, parent=None):
        super().__init__(parent)
        self.model = model
        self._bold = QFont()
        self._bold.setBold(True)

    def sizeHint(self, option, index) -> QSize:
        # No width of its own: rows span the pane and the text is elided to fit.
        return QSize(1, option.fontMetrics.height() + 8)

    def paint(self, painter: QPainter, option, index) -> None:
        # One call into the model per row (not initStyleOption's dozen): painting runs for
        # every visible row on every keystroke of a search.
        row_kind, depth, text = index.data(ROW_ROLE)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        rect = QRect(option.rect).adjusted(6 + INDENT * depth, 0, -4, 0)
        painter.save()
        if row_kind != "snippet":
            painter.setFont(self._bold)
        metrics = painter.fontMetrics()
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        color = (option.palette.highlightedText() if selected else option.palette.text()).color()
        x = rect.left()
        baseline = rect.top() + (rect.height() + metrics.ascent() - metrics.descent()) // 2
        spans = match_ranges(shown, self.model.terms) if row_kind == "snippet" else []
        pieces, last = [], 0
        for start, end in spans:
            pieces += [(shown[last:start], False), (shown[start:end], True)]
            last = end
        pieces.append((shown[last:], False))
        for piece, marked in pieces:
            if not piece:
                continue
            width = metrics.horizontalAdvance(piece)
            if marked:
                painter.fillRect(QRect(x, rect.top() + 3, width, rect.height() - 6), HIGHLIGHT)
                painter.setPen(QColor(Qt.GlobalColor.black))
            else:
                painter.setPen(color)
            painter.drawText(x, baseline, piece)
            x += width
        painter.restore()


class SnippetList(QListView):
    """The list; Enter inserts the current snippet (on every platform) or opens a group."""

    activated_snippet = Signal(QModelIndex)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_snippet.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class LibraryPane(QWidget):
    insert_requested = Signal(object)   # Snippet
    message = Signal(str)
    # "do", "undo" or "redo": a library step was asked for (it is written on the worker);
    # "forget" (a step asked for could not be written), or the reverse of a failed undo/redo.
    history_moved = Signal(str)
    steps_changed = Signal()            # the steps done or waiting to be written changed
    _worker_note = Signal(str)          # a status-bar note from the worker thread

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = LibraryModel(self)
        # Set by the window: how the preview writes a text (search terms marked), and what it
        # says about a snippet above its text (where it was used, words to adapt).
        self.text_html: Callable[[str, list[str]], str] = highlighted_html
        self.preview_notes: Callable[[Snippet], str] = lambda snippet: ""
        # What the preview says of a snippet's 字数 and speaking time (the window's: at the
        # open speech's rate, against its target time).
        self.length_note: Callable[[Snippet], str] = budget_text.snippet_note_html
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("素材库"))
        title.setStyleSheet("font-weight: bold; padding: 4px 2px 0 2px;")
        layout.addWidget(title)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索素材：标题、正文、标签"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._insert_first_match)
        layout.addWidget(self.search)
        self.count = QLabel()
        self.count.setStyleSheet("color: gray; padding: 0 2px;")
        layout.addWidget(self.count)
        # While the library loads (in the background): the list is empty, typing is kept and
        # applies when the snippets are there.
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.loading = False

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.list = SnippetList()
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setItemDelegate(SnippetDelegate(self.model, self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.list.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.doubleClicked.connect(self._activate)
        self.list.clicked.connect(self._clicked)
        self.list.activated_snippet.connect(self._activate)
        self.list.selectionModel().currentChanged.connect(self._show_preview)
        self.model.modelReset.connect(self._after_reset)
        self.model.results_changed.connect(self._update_count)
        # Background work that waits until the list has stopped searching (see _cache).
        self._deferred: deque[Callable[[], None]] = deque()
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._start_deferred)
        self.model.results_changed.connect(self._list_changed)
        splitter.addWidget(self.list)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setPlaceholderText(self.tr("选中一条素材，在这里预览全文。"))
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.splitter = splitter

        self.insert_action = QAction(self.tr("插入到提纲"), self)
        self.insert_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.insert_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.insert_action.triggered.connect(lambda: self._activate(self.list.currentIndex()))
        self.edit_action = QAction(self.tr("编辑素材…"), self)
        self.edit_action.triggered.connect(self.edit_current)
        self.delete_action = QAction(self.tr("删除素材"), self)
        self.delete_action.triggered.connect(self.delete_current)
        self._update_actions()

        # The library's own undo history (see core/library_history for why it is not the
        # speech's); the window's Undo/Redo reach it when a library step was the last one made
        # (ui/undo_routing).
        self.history = LibraryHistory()   # written in two phases, through the worker
        self.writes = BackgroundWriter(self)
        self._ops: deque[_Op] = deque()
        self._running: _Op | None = None
        self._worker_note.connect(self.message)
        self.undo_action = QAction(self.tr("撤销素材库修改"), self)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self.tr("重做素材库修改"), self)
        self.redo_action.triggered.connect(self.redo)
        self._history_changed()
        self.watcher = PackWatcher(self)
        self.watcher.changed.connect(self.reload_pack)

    # --- loading ------------------------------------------------------------------------------------

    def set_library(self, library: LoadedLibrary) -> None:
        self.loading = False
        self.progress.hide()
        self.model.set_library(library)
        for pack in library.packs:
            digest = library.digests.get(id(pack))
            if digest is not None and pack.path:
                # The first write need not parse the pack again (io/pack_update.read_pack).
                pack_update.remember(pack.path, digest, pack)
        self._watch_packs()

    def set_loading(self, done: int = 0, total: int = 0) -> None:
        """Show that the library is being loaded: done of total bytes (0 of 0: not known yet)."""
        self.loading = True
        self.progress.setRange(0, 1000 if total else 0)  # 0..0: a busy bar
        if total:
            self.progress.setValue(round(1000 * min(done, total) / total))
        self.progress.show()
        self.count.setText(self.tr("正在加载素材库…"))

    @property
    def library(self) -> LoadedLibrary:
        return self.model.library

    def current_snippet(self) -> Snippet | None:
        return self.model.snippet_at(self.list.currentIndex())

    def select_snippet(self, snippet: Snippet) -> None:
        row = self.model.row_of(snippet)
        if row is not None:
            index = self.model.index(row)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)

    # --- searching ----------------------------------------------------------------------------------

    def _search_changed(self, text: str) -> None:
        self.model.set_query(text)

    def _after_reset(self) -> None:
        self._update_count()
        self._show_preview(self.list.currentIndex())

    def _update_count(self) -> None:
        if self.loading:
            return
        total = self.model.snippet_count()
        if self.model.searching:
            self.count.setText(self.tr("正在搜索… 已找到 {0} 条（共 {1} 条）").format(
                self.model.match_count, total))
        elif self.model.terms:
            self.count.setText(self.tr("找到 {0} 条（共 {1} 条）").format(self.model.match_count, total))
        else:
            self.count.setText(self.tr("共 {0} 条").format(total))

    def _insert_first_match(self) -> None:
        snippet = self.current_snippet()
        if snippet is None:
            for row in range(self.model.rowCount()):
                snippet = self.model.snippet_at(self.model.index(row))
                if snippet is not None:
                    break
        if snippet is not None:
            self.insert_requested.emit(snippet)

    # --- selection, preview, insertion ----------------------------------------------------------------

    def _clicked(self, index: QModelIndex) -> None:
        if self.model.snippet_at(index) is None:
            self.model.toggle_group(index.row())

    def _activate(self, index: QModelIndex) -> None:
        snippet = self.model.snippet_at(index)
        if snippet is not None:
            self.insert_requested.emit(snippet)
        elif index.isValid():
            self.model.toggle_group(index.row())

    def refresh_preview(self) -> None:
        """Show the current snippet's preview again (what is said about it has changed)."""
        self._show_preview(self.list.currentIndex())

    def _show_preview(self, index: QModelIndex) -> None:
        self._update_actions()
        snippet = self.model.snippet_at(index)
        if snippet is None:
            self.preview.clear()
            return
        terms = self.model.terms
        pack = self.model.pack_of(snippet)
        facts = [self.model.level_name(snippet.level)]
        if snippet.kind:
            facts.append(snippet.kind)
        if pack is not None:
            facts.append(pack.name + (self.tr("（只读）") if pack.read_only else ""))
        if snippet.source_title:
            facts.append(snippet.source_title)
        parts = [f'<p style="color:gray">{html.escape(" · ".join(facts))}</p>',
                 self.length_note(snippet), self.preview_notes(snippet)]
        if snippet.tags:
            parts.append(f'<p style="color:gray">{html.escape(self.tr("标签"))}：'
                         f'{self.text_html("，".join(snippet.tags), terms)}</p>')
        if snippet.heading:
            parts.append(f"<h3>{self.text_html(snippet.heading, terms)}</h3>")
        parts += [f"<p>{self.text_html(p, terms)}</p>" for p in snippet.paragraphs]
        for child in snippet.children:
            for section in child.walk():
                parts.append(f"<p><b>{self.text_html(section.heading, terms)}</b></p>")
                parts += [f"<p>{self.text_html(p, terms)}</p>" for p in section.paragraphs]
        self.preview.setHtml("".join(parts))

    def _update_actions(self) -> None:
        snippet = self.current_snippet()
        pack = self.model.pack_of(snippet) if snippet is not None else None
        self.insert_action.setEnabled(snippet is not None)
        own = pack is not None and not pack.read_only
        self.edit_action.setEnabled(own)
        self.delete_action.setEnabled(own)

    def _context_menu(self, position) -> None:
        if self.current_snippet() is None:
            return
        menu = QMenu(self)
        menu.addActions([self.insert_action, self.edit_action, self.delete_action])
        menu.exec(self.list.viewport().mapToGlobal(position))

    # --- the user's own pack: edits through the library's history ---------------------------------
    #
    # 存入素材库, editing and deleting are core edits (core/library_edits) on the library's own
    # undo history (core/library_history: why not the speech's is said there).  Each one is
    # written by merging into the pack as it is on disk, under the pack's write lock
    # (io/pack_update), and the pane then shows the pack as written: what a colleague or another
    # copy of the program added meanwhile appears too.

    def user_pack(self):
        if self.loading:
            raise ComposerError("素材库还在加载，请稍候再存入。",
                                "The library is still loading; please save to it in a moment.")
        pack = self.library.user_pack()
        if pack is None:
            raise ComposerError(
                "“我的素材”文件无法读取（见启动时的提示），为了不覆盖它，暂时不能存入。",
                "Your own library file could not be read (see the message at start-up); to avoid "
                "overwriting it, nothing can be saved to it for now.")
        return pack

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def save_section(self, section: Section, level: int, source_file: str = "",
                     source_title: str = "") -> Snippet | None:
        """Ask for kind and tags and add a copy of the section to the user's pack.  Returns
        the snippet as offered (it is written on the worker, and selected once written), or
        None when the writer cancelled or nothing can be saved."""
        try:
            pack = self.user_pack()
        except ComposerError as error:
            self._warn(str(error))
            return None
        from . import snippet_dialog   # 存入素材库…: loaded when first used
        details = snippet_dialog.ask_new_snippet(self, section.heading)
        if details is None:
            return None
        # The ids in use from the index (made on a worker), not gathered here: 20 ms for
        # 100,000 snippets.
        taken = self.model.ids_in(pack)
        snippet = section_to_snippet(section, level, library_store.new_snippet_id(pack, taken),
                                     details.kind, details.tags, source_file, source_title)

        def saved(applied: Applied) -> None:
            self._select_id(pack, applied.ids[0] if applied.ids else snippet.id)
            self.message.emit(self.tr("已存入“{0}”。").format(pack.name))
        self._queue(_Op("do", self.tr("存入素材库"), AddSnippets(pack.path, [snippet]),
                        then=saved))
        return snippet

    def add_snippets(self, pack: Pack, snippets: list[Snippet], label: str,
                     then: Callable[[Applied], None] | None = None) -> None:
        """Add snippets to a writable pack as one step of the library's history (an import
        added to the library is undone like 存入素材库).  Written on the worker; ``then`` gets
        what was applied once it is written (when the write fails the writer is told why)."""
        self._queue(_Op("do", label, AddSnippets(pack.path, snippets), then=then))

    def add_built_snippets(self, pack: Pack, build: Callable[[], list[Snippet]], label: str,
                           then: Callable[[Applied], None] | None = None) -> None:
        """As :meth:`add_snippets`, with the snippets made by ``build`` on the worker, in turn
        with the other library jobs (``build`` must not touch Qt)."""
        self._queue(_Op("do", label, None, then=then, path=pack.path, build=build))

    def edit_current(self) -> None:
        snippet = self.current_snippet()
        pack = self.model.pack_of(snippet) if snippet is not None else None
        if snippet is None or pack is None or pack.read_only:
            return
        from . import snippet_dialog
        details = snippet_dialog.ask_edited_snippet(self, snippet)
        if details is None:
            return
        after = clone(snippet)
        if snippet.level != PARAGRAPH:
            after.heading = details.heading
        after.paragraphs = details.paragraphs or []
        after.kind, after.tags = details.kind, details.tags
        if same_content(after, snippet):
            return

        def edited(applied: Applied) -> None:
            if applied.ids:
                self._select_id(pack, applied.ids[0])
        self._queue(_Op("do", self.tr("编辑素材"), EditSnippet(pack.path, clone(snippet), after),
                        then=edited))

    def delete_current(self) -> None:
        snippet = self.current_snippet()
        pack = self.model.pack_of(snippet) if snippet is not None else None
        if snippet is None or pack is None or pack.read_only:
            return
        answer = QMessageBox.question(
            self, self.tr("删除素材"),
            self.tr("从“{0}”中删除这条素材？\n\n{1}").format(pack.name, snippet.heading or snippet.text()[:40]))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._queue(_Op("do", self.tr("删除素材"), RemoveSnippets(pack.path, [clone(snippet)])))

    # --- undo and redo of library edits ---------------------------------------------------------------

    def undo(self) -> None:
        if self.can_undo():
            self._queue(_Op("undo", self.undo_label()))

    def redo(self) -> None:
        if self.can_redo():
            self._queue(_Op("redo", self.redo_label()))

    def _projected(self) -> tuple[list[str], list[str]]:
        """The labels of the undo and redo steps as they will be once the writes waiting or
        under way are done: Undo right after 存入素材库 takes that back, even while it is
        still being written (it is queued behind it)."""
        undo, redo = self.history.labels()
        for op in ([self._running] if self._running is not None else []) + list(self._ops):
            if op.how == "do":
                undo.append(op.label)
                redo.clear()
            elif op.how == "undo" and undo:
                redo.append(undo.pop())
            elif op.how == "redo" and redo:
                undo.append(redo.pop())
        return undo, redo

    def can_undo(self) -> bool:
        return bool(self._projected()[0])

    def can_redo(self) -> bool:
        return bool(self._projected()[1])

    def undo_label(self) -> str:
        undo = self._projected()[0]
        return undo[-1] if undo else ""

    def redo_label(self) -> str:
        redo = self._projected()[1]
        return redo[-1] if redo else ""

    def _history_changed(self) -> None:
        self.steps_changed.emit()
        self.undo_action.setEnabled(self.can_undo())
        self.redo_action.setEnabled(self.can_redo())
        self.undo_action.setToolTip(self.tr("撤销：") + self.undo_label())
        self.redo_action.setToolTip(self.tr("重做：") + self.redo_label())

    # --- writing on the worker ------------------------------------------------------------------------
    #
    # Every write to a pack (an edit, its undo or redo) and every re-read of a pack changed on
    # disk is a job for one worker thread (ui/background_writes), one at a time and in the order
    # asked: a 64 MB pack of 100,000 snippets takes seconds to merge and write, which froze the
    # window for 40 s when it ran here.  The list shows a change when it is written, not before:
    # what is written is a merge (another writer's snippets appear, an id may change, both
    # versions of a snippet edited twice are kept), which only the write knows, and a write that
    # fails then leaves nothing to take back — the list always shows what is on disk.  The
    # status bar says what is being written meanwhile, and Undo and Redo already count the
    # steps waiting (``_projected``), so Ctrl+Z right after 存入素材库 takes that back.

    def _queue(self, op: _Op) -> None:
        if op.how in ("do", "undo", "redo"):
            self.history_moved.emit(op.how)
        self._ops.append(op)
        self._history_changed()
        self._pump()

    def busy(self) -> bool:
        """A library write or re-read is waiting or under way."""
        return self._running is not None or bool(self._ops)

    def working(self) -> bool:
        """Anything of the library's is waiting or under way on the worker: a write or re-read,
        or the start-up cache of what was written."""
        return self.busy() or bool(self._deferred) or self.writes.busy()

    def finish_writes(self) -> None:
        """Wait for every library write asked for (quitting: none may be lost) and show them."""
        while self.busy() or self._deferred:
            self._pump()
            while self._deferred:   # the start-up cache of what was written: now
                self._deferred.popleft()()
            self.writes.finish()

    def _pump(self) -> None:
        while self._running is None and self._ops:
            op = self._ops.popleft()
            try:
                work = self._work_of(op)
            except ComposerError as error:
                self._failed(op, error)
                continue
            if work is None:
                continue
            self._running = op
            self.writes.submit(work, functools.partial(self._finished, op))

    def _work_of(self, op: _Op) -> Callable[[], object] | None:
        """What the worker does for ``op`` (None: nothing to do); raises ComposerError when it
        cannot be done at all."""
        if op.how == "reload":
            pack = self._pack_at(op.path)
            if pack is None:
                return None
            shown, path, read_only, name = tuple(pack.snippets), pack.path, pack.read_only, \
                pack.name
            previous = self.library.indexes.get(id(pack))
            order = self.model.ordering_for(pack)
            return lambda: _read_again(path, read_only, name, shown, previous, order)
        build = op.build if op.how == "do" else None
        if op.how == "do":
            edit = op.edit
        else:
            step = self.history.next_undo() if op.how == "undo" else self.history.next_redo()
            if step is None:
                self.history_moved.emit(_REVERSED[op.how])
                return None
            edit = step.edit
        assert edit is not None or build is not None
        if self.loading:   # the packs are being read again: the edit would not be shown
            raise ComposerError("素材库还在加载，请稍候再修改。",
                                "The library is still loading; please change it in a moment.")
        pack_path = edit.pack_path if edit is not None else op.path
        pack = self._pack_at(pack_path)
        if pack is None or pack.read_only:
            raise ComposerError("这个素材库是只读的，不能修改。", "This library pack is read-only.")
        name, keep = pack.name, settings.keep_backups()
        previous = self.library.indexes.get(id(pack))
        order = self.model.ordering_for(pack)
        waiting = self.tr("“{0}”正由别的程序写入，等它写完…").format(name)
        self.message.emit(self.tr("正在写入“{0}”…").format(name))

        def work():
            # No garbage collection meanwhile: the objects a write makes would start a full
            # collection of every snippet, which holds the window's thread too (a third of a
            # second with 100,000 snippets); they are freed by reference counting all the same,
            # and the new version is kept out of later collections (``paused_gc``).
            with paused_gc(freeze=True):
                done = AddSnippets(pack_path, build()) if build is not None else edit
                assert done is not None
                written = pack_update.write_edit(done, new_name=name, keep_backups=keep,
                                                 wait=LOCK_WAIT_SECONDS,
                                                 on_wait=lambda: self._worker_note.emit(waiting))
                # Made here, not on the UI thread: the index with its character index carried
                # over, the lookups the list needs and its order by the order key, so that
                # showing the write costs little.
                index = library_store.index_again(written.pack.snippets, previous)
                return written, index, order(index)
        return work

    def _finished(self, op: _Op, result, error: BaseException | None) -> None:
        self._running = None
        if error is not None:
            self._failed(op, error)
            self._pump()
            return
        if op.how == "reload":
            self._reloaded(op.path, result)
            self._pump()
            return
        written, index, ordering = result
        applied: Applied = written.result
        if op.how == "do":
            self.history.record(op.label, applied)
        elif op.how == "undo":
            self.history.undone(applied)
        else:
            self.history.redone(applied)
        self._history_changed()
        pack = self._pack_at(applied.inverse.pack_path)
        if pack is not None:
            self._show_pack(pack, written.pack, index, ordering)
            if written.written:
                self._cache(pack, written.sha256, index)
        self._pump()   # the next write starts before the messages below are read
        for warning in written.warnings:
            self.message.emit(str(warning))
        if op.how == "do":
            if op.then is not None:
                op.then(applied)
        elif pack is not None:
            if applied.ids:
                self._select_id(pack, applied.ids[0])
            done = self.tr("已撤销：{0}") if op.how == "undo" else self.tr("已重做：{0}")
            self.message.emit(done.format(op.label))
        if applied.notes:
            self._inform(" ".join(applied.notes))

    def _failed(self, op: _Op, error: BaseException) -> None:
        """Nothing was written: the history and the list stay as they were (the list shows
        what is on disk).  Undo and Redo queued behind a failed step are dropped: they were
        meant for it.  A re-read that fails keeps what is shown (the file may be half-written
        by a program that does not write atomically); its next change is read again."""
        text = str(error) if isinstance(error, ComposerError) else self.tr(
            "素材库没有写入（程序出错：{0}）。").format(one_line(f"{type(error).__name__}: {error}"))
        if op.how == "reload":
            self.message.emit(text)
            return
        self.history_moved.emit(_REVERSED[op.how])
        dropped = [queued for queued in self._ops if queued.how in ("undo", "redo")]
        for queued in dropped:
            self._ops.remove(queued)
            self.history_moved.emit(_REVERSED[queued.how])
        self._history_changed()
        self._warn(text)

    # --- packs changed on disk ----------------------------------------------------------------------

    def _watch_packs(self) -> None:
        bundled = os.path.normcase(os.path.abspath(library_store.bundled_dir()))
        self.watcher.watch([p.path for p in self.library.packs if p.path and not
                            os.path.normcase(os.path.abspath(p.path)).startswith(bundled + os.sep)])

    def reload_pack(self, path: str) -> None:
        """A pack changed on disk (a colleague, another copy of the program): show it as it is
        now, keeping the selection and the search.  Read on the worker, after any write asked
        for before; a re-read already waiting is not asked twice."""
        if any(op.how == "reload" and op.path == path for op in self._ops):
            return
        self._queue(_Op("reload", path=path))

    def _reloaded(self, path: str, result) -> None:
        pack = self._pack_at(path)
        if result is None or pack is None:
            return   # the same as shown
        fresh, index, ordering = result
        self._show_pack(pack, fresh, index, ordering)
        self.message.emit(self.tr("“{0}”在磁盘上有了变化（别的程序或同事写入），已重新读取。")
                          .format(pack.name))

    def _cache(self, pack: Pack, digest: str | None, index: PackIndex) -> None:
        """Keep the version just written in the start-up cache (io/library_cache), on the
        worker after the write (the list shows it first), so that the next start reads the
        cache instead of parsing the YAML (100,000 snippets: about 8 s)."""
        replaced = self.library.digests.get(id(pack))
        if digest:
            self.library.digests[id(pack)] = digest
        snapshot = Pack(pack.name, list(pack.snippets), pack.path, pack.read_only)
        def work() -> None:
            with paused_gc():
                library_store.cache_written(digest, snapshot, index, replaced)
        # Once the list has settled: a search under way goes on in slices here, and each
        # slice and the repaint after it are many calls into Python, each of which would wait
        # for the worker (100,000 snippets: the window held 0.2–0.35 s at a time while the
        # cache was written).  In the order asked, so that each version's files replace the
        # last's.
        self._deferred.append(lambda: self.writes.submit(
            work, lambda _result, _error: None))   # a cache not written only slows the next start
        self._list_changed()

    def _list_changed(self) -> None:
        if self._deferred and not self.model.searching:
            self._settle.start()   # (again): the repaint of the last change comes first

    def _start_deferred(self) -> None:
        while self._deferred and not self.model.searching:
            self._deferred.popleft()()

    def _show_pack(self, pack: Pack, fresh: Pack, index: PackIndex,
                   ordering: Ordering | None = None) -> None:
        """Show ``fresh`` (just read or written) in place of what ``pack`` held; ``index`` is
        its search index and ``ordering`` the list's order of it, both made by the worker.
        The rows change in place, so the current snippet stays selected (or its new version,
        when it was edited) and the list where it was scrolled."""
        current = self.current_snippet()
        keep = (self.model.pack_of(current), current.id) if current is not None else None
        pack.name, pack.snippets = fresh.name, fresh.snippets
        self.watcher.remember(pack.path)
        self.model.replace_pack(pack, index, ordering)
        if keep is not None and keep[0] is not None and self.current_snippet() is not current:
            self._select_id(keep[0], keep[1])

    def _pack_at(self, path: str) -> Pack | None:
        return next((p for p in self.library.packs if p.path == path), None)

    def _select_id(self, pack: Pack, snippet_id: str) -> Snippet | None:
        snippet = self.model.find(pack, snippet_id)
        if snippet is not None:
            self.select_snippet(snippet)
        return snippet

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("素材库"), text)

    def _inform(self, text: str) -> None:
        QMessageBox.information(self, self.tr("素材库"), text)
