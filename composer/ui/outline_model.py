"""The outline as a Qt item model over the core speech tree.

Rows at the top: 讲稿信息 (title, speaker …), 开头 (opening), the level-1 sections, 结尾
(closing).  Each section row shows its computed number (一、（一）1.（1）) and heading.

Drag and drop moves *identities*: the mime data carries section ids, never text, and a drop
moves the section objects (with everything under them) through one undoable core operation.
``canDropMimeData`` asks the core where a move lands and whether it may (``operations.move_to``:
not into the section itself or its own sub-sections, not to a fifth level), and keeps the reason
of a refusal for the status bar.  The model deliberately has no ``removeRows``: after a drag that
ends in a MoveAction, QAbstractItemView removes the dragged rows itself, but the nodes have
already moved here, so that request must change nothing (the default ``removeRows`` returns
False and does nothing).

Library snippets dropped on the outline are inserted as new sections (fresh copies, as they
should be: the library keeps its own).

Each row's 字数, speaking time and share of the target time come from ``budget``
(``outline_budget.py``); the view draws them beside the rows (``outline_view.py``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (QAbstractItemModel, QByteArray, QMimeData, QModelIndex, QObject,
                            Qt, Signal)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from ..core import operations as ops
from ..core import placement
from ..core.edits import Changes, check_depth
from ..core.errors import OperationError
from ..core.library import PARAGRAPH, Snippet
from ..core.numbering import outline_markers
from ..core.speech import CLOSING, HEAD, OPENING, Section
from ..core.usage import with_record
from .document import Document
from .outline_budget import OutlineBudget
from .qt_types import AnyIndex

SECTION_MIME = "application/x-speech-composer-section-ids"
SNIPPET_MIME = "application/x-speech-composer-snippet-refs"
KEY_ROLE = Qt.ItemDataRole.UserRole + 1

# internalId of the fixed rows; sections get ids from FIRST_SECTION_KEY on.
_HEAD_KEY, _OPENING_KEY, _CLOSING_KEY = 1, 2, 3
_FIXED = {_HEAD_KEY: HEAD, _OPENING_KEY: OPENING, _CLOSING_KEY: CLOSING}
_FIXED_ROWS_BEFORE = 2  # 讲稿信息 and 开头 come before the first section
FIRST_SECTION_KEY = 16

# Combined once: the view asks for flags of every row it lays out, and combining Qt flags in
# Python is slow.
_ROOT_FLAGS = Qt.ItemFlag.ItemIsDropEnabled
_FIXED_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
_SECTION_FLAGS = _FIXED_FLAGS | Qt.ItemFlag.ItemIsDragEnabled
_DISPLAY, _FONT, _FOREGROUND, _TOOLTIP = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole,
                                          Qt.ItemDataRole.ForegroundRole,
                                          Qt.ItemDataRole.ToolTipRole)


def snippet_height(snippet: Snippet) -> int:
    return 1 + max((child.height() for child in snippet.children), default=0)


class OutlineModel(QAbstractItemModel):
    # A refused or failed drop, for the status bar.
    message = Signal(str)
    # A section or container that a drop or insertion created or changed (to select it).
    placed = Signal(str)

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.level3_style = "1."
        # Resolves snippet references carried by library drags; set by the window.
        self.snippet_lookup: Callable[[str], Snippet | None] = lambda ref: None
        # Set by the window: what to insert for a library snippet (adapted by the speech's
        # substitution table once the writer has seen the changes), None when the writer cancels.
        self.prepare_snippet: Callable[[Snippet], Snippet | None] = lambda snippet: snippet
        self._key_of: dict[str, int] = {}
        self._id_of: dict[int, str] = dict(_FIXED)
        self._next_key = FIRST_SECTION_KEY
        self._sections: dict[str, Section] = {}
        self._parent_of: dict[str, Section | None] = {}
        self._row_of: dict[str, int] = {}
        self._level_of: dict[str, int] = {}
        self._markers: dict[str, str] | None = None
        self._pending: list[tuple[QModelIndex, str | None]] = []
        # Why the last drop asked about cannot land (empty when it can, or when there is
        # nothing useful to say).
        self.refusal = ""
        self._bold = QFont()
        self._bold.setBold(True)
        # The time budget's figures; the window sets ``budget.default_rate`` (the settings').
        self.budget = OutlineBudget(document, lambda: self.level3_style, parent=self)
        self._rebuild()
        document.structure_about_to_change.connect(self._before_structure_change)
        document.structure_changed.connect(self._after_structure_change)
        document.content_changed.connect(self._content_changed)
        document.reset.connect(self._reset)

    # --- the tree ----------------------------------------------------------------------------------

    @property
    def speech(self):
        return self.document.speech

    def _rebuild(self) -> None:
        self._sections.clear()
        self._parent_of.clear()
        self._row_of.clear()
        self._level_of.clear()
        # (parent, its children, the parent's level: 0 for the body)
        stack: list[tuple[Section | None, list[Section], int]] = [(None, self.speech.body, 0)]
        while stack:
            parent, children, parent_level = stack.pop()
            for row, section in enumerate(children):
                level = parent_level + 1 + section.skip
                self._sections[section.id] = section
                self._parent_of[section.id] = parent
                self._row_of[section.id] = row
                self._level_of[section.id] = level
                if section.children:
                    stack.append((section, section.children, level))
        self._markers = None

    def _key(self, section_id: str) -> int:
        key = self._key_of.get(section_id)
        if key is None:
            key = self._key_of[section_id] = self._next_key
            self._id_of[key] = section_id
            self._next_key += 1
        return key

    def key_for(self, index: AnyIndex) -> str | None:
        """The section id, or HEAD / OPENING / CLOSING, of a row; None for the root."""
        if not index.isValid():
            return None
        return self._id_of.get(index.internalId())

    def section_for(self, index: AnyIndex) -> Section | None:
        return self._sections.get(self.key_for(index) or "")

    def level_of(self, section_id: str) -> int:
        return self._level_of.get(section_id, 0)

    def index_for(self, key: str | None) -> QModelIndex:
        if key is None:
            return QModelIndex()
        if key == HEAD:
            return self.createIndex(0, 0, _HEAD_KEY)
        if key == OPENING:
            return self.createIndex(1, 0, _OPENING_KEY)
        if key == CLOSING:
            return self.createIndex(len(self.speech.body) + _FIXED_ROWS_BEFORE, 0, _CLOSING_KEY)
        if key not in self._sections:
            return QModelIndex()
        row = self._row_of[key]
        if self._parent_of[key] is None:
            row += _FIXED_ROWS_BEFORE
        return self.createIndex(row, 0, self._key(key))

    def set_level3_style(self, style: str) -> None:
        """Number level-3 headings 「1.」 or 「1、」 (from the format profile)."""
        if style != self.level3_style:
            self._before_structure_change()
            self.level3_style = style
            self._after_structure_change()

    def budget_texts(self) -> list[tuple[str, bool]]:
        """(text, over its share) of every row's figures, to fit their width."""
        return [self.budget.row(key)[:2] for key in [HEAD, OPENING, CLOSING, *self._sections]]

    def markers(self) -> dict[str, str]:
        if self._markers is None:
            self._markers = outline_markers(self.speech, self.level3_style)
        return self._markers

    # --- QAbstractItemModel ------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            body = self.speech.body
            if row == 0:
                return self.createIndex(0, 0, _HEAD_KEY)
            if row == 1:
                return self.createIndex(1, 0, _OPENING_KEY)
            if row == len(body) + _FIXED_ROWS_BEFORE:
                return self.createIndex(row, 0, _CLOSING_KEY)
            if row < len(body) + _FIXED_ROWS_BEFORE:
                return self.createIndex(row, 0, self._key(body[row - _FIXED_ROWS_BEFORE].id))
            return QModelIndex()
        section = self.section_for(parent)
        if section is None or row >= len(section.children):
            return QModelIndex()
        return self.createIndex(row, 0, self._key(section.children[row].id))

    def parent(self, index: AnyIndex | None = None) -> Any:  # also QObject.parent()
        if index is None:
            return QObject.parent(self)
        key = self.key_for(index)
        owner = self._parent_of.get(key) if key else None
        if owner is None:
            return QModelIndex()
        return self.index_for(owner.id)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.speech.body) + _FIXED_ROWS_BEFORE + 1
        section = self.section_for(parent)
        return len(section.children) if section is not None else 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 1

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        key = self._id_of.get(index.internalId()) if index.isValid() else None
        if key is None:
            return None
        section = self._sections.get(key)
        if role == _DISPLAY:
            if section is not None:
                return self.markers().get(key, "") + (section.heading or self.tr("（无标题）"))
            if key == HEAD:
                return self.speech.title or self.tr("（讲稿标题）")
            return self.tr("开头") if key == OPENING else self.tr("结尾")
        if role == _FONT:
            if key == HEAD or (section is not None and self._level_of.get(key) == 1):
                return self._bold
            return None
        if role == KEY_ROLE:
            return key
        if role == _FOREGROUND and section is None and key != HEAD:
            return QApplication.palette().brush(QPalette.ColorGroup.Normal,
                                                QPalette.ColorRole.PlaceholderText)
        if role == _TOOLTIP:
            paragraphs = (section.paragraphs if section is not None
                          else self.speech.opening if key == OPENING
                          else self.speech.closing if key == CLOSING else [])
            if paragraphs:
                first = paragraphs[0]
                return first if len(first) <= 80 else first[:80] + "…"
            if key == HEAD:
                return self.tr("标题、讲话人、日期、称呼")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _ROOT_FLAGS
        return _SECTION_FLAGS if self._id_of.get(index.internalId()) in self._sections \
            else _FIXED_FLAGS

    # --- structure changes from the document ---------------------------------------------------------

    def _before_structure_change(self) -> None:
        self.layoutAboutToBeChanged.emit()
        self._pending = [(index, self.key_for(index)) for index in self.persistentIndexList()]

    def _after_structure_change(self) -> None:
        self._rebuild()
        old = [index for index, _ in self._pending]
        new = [self.index_for(key) for _, key in self._pending]
        self._pending = []
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _reset(self) -> None:
        self.beginResetModel()
        self._key_of.clear()
        self._id_of = dict(_FIXED)
        self._rebuild()
        self.endResetModel()

    def _content_changed(self, changes: Changes) -> None:
        for section_id in changes.headings:
            index = self.index_for(section_id)
            if index.isValid():
                self.dataChanged.emit(index, index)
        if changes.head:
            head = self.index_for(HEAD)
            self.dataChanged.emit(head, head)
        for container in changes.containers:  # the tooltip shows the first paragraph
            index = self.index_for(container)
            if index.isValid():
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.ToolTipRole])

    # --- drag and drop --------------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [SECTION_MIME, SNIPPET_MIME]

    def mimeData(self, indexes) -> QMimeData | None:  # type: ignore[override]  # None: nothing to drag
        ids = []
        for index in indexes:
            key = self.key_for(index)
            if key in self._sections and key not in ids:
                ids.append(key)
        if not ids:
            return None
        mime = QMimeData()
        payload = {"document": id(self.document), "ids": ids}
        mime.setData(SECTION_MIME, QByteArray(json.dumps(payload).encode("utf-8")))
        return mime

    def canDropMimeData(self, data: QMimeData, action, row: int, column: int,
                        parent: AnyIndex) -> bool:
        return self._plan_drop(data, row, parent) is not None

    def dropMimeData(self, data: QMimeData, action, row: int, column: int,
                     parent: AnyIndex) -> bool:
        plan = self._plan_drop(data, row, parent)
        if plan is None:
            if self.refusal:
                self.message.emit(self.refusal)
            return False
        try:
            plan()
        except OperationError as error:
            self.message.emit(str(error))
            return False
        return True

    def _plan_drop(self, data: QMimeData, row: int, parent: AnyIndex) -> Callable[[], None] | None:
        """A function that performs the drop, or None when the drop is not allowed here; then
        ``refusal`` says why, when there is something to say (the view shows it while dragging)."""
        self.refusal = ""
        if data is None:
            return None
        if data.hasFormat(SECTION_MIME):
            return self._plan_move(data, row, parent)
        if data.hasFormat(SNIPPET_MIME):
            return self._plan_snippet(data, row, parent)
        return None

    def _target(self, row: int, parent: AnyIndex) -> tuple[str | None, int] | str | None:
        """Where a drop lands: (parent section id, index in its children) for a drop between
        rows, the key of the row for a drop onto a row, or None where nothing can land."""
        key = self.key_for(parent)
        if row < 0:
            if key is None:  # below the last row
                return None, len(self.speech.body)
            return key
        if key is None:
            index = min(max(row - _FIXED_ROWS_BEFORE, 0), len(self.speech.body))
            return None, index
        if key not in self._sections:
            return None
        return key, min(row, len(self._sections[key].children))

    def _section_place(self, target: tuple[str | None, int] | str) -> tuple[str | None, int]:
        """(parent id, position among its children as they are now) for a section dropped at a
        target.  Onto a section: its last child.  Onto 讲稿信息 or 开头: the first level-1
        section; onto 结尾: the last, which is where the writer who drops it there wants it."""
        if isinstance(target, tuple):
            return target
        if target in (HEAD, OPENING):
            return None, 0
        if target == CLOSING:
            return None, len(self.speech.body)
        return target, len(self._sections[target].children)

    def _plan_move(self, data: QMimeData, row: int, parent: AnyIndex) -> Callable[[], None] | None:
        try:
            payload = json.loads(bytes(data.data(SECTION_MIME).data()).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return None
        ids = payload.get("ids") if isinstance(payload, dict) else None
        if payload.get("document") != id(self.document) or not ids or len(ids) != 1:
            return None  # from another window, or several sections (the view selects one)
        section_id = ids[0]
        if section_id not in self._sections:
            return None
        target = self._target(row, parent)
        if target is None:
            return None
        parent_id, position = self._section_place(target)
        try:
            move = ops.move_to(self.speech, section_id, parent_id, position)
        except OperationError as error:
            self.refusal = str(error)
            return None
        if move is None:
            return lambda: None  # dropped where it already is

        def run() -> None:
            self.document.execute(move, self.tr("移动标题"))
            self.placed.emit(section_id)
        return run

    def _plan_snippet(self, data: QMimeData, row: int, parent: AnyIndex) -> Callable[[], None] | None:
        try:
            refs = json.loads(bytes(data.data(SNIPPET_MIME).data()).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return None
        if not isinstance(refs, list) or len(refs) != 1:
            return None
        snippet = self.snippet_lookup(refs[0])
        if snippet is None:
            return None
        target = self._target(row, parent)
        if target is None:
            return None
        if snippet.level == PARAGRAPH:
            if not isinstance(target, str):
                self.refusal = self.tr("正文段落要放到某个标题、开头或结尾上。")
                return None  # body text goes into a section, the opening or the closing
            into = target
            return lambda: self._insert_snippet_now(snippet, into)
        if isinstance(target, str):
            onto = target
            return lambda: self._insert_snippet_now(snippet, onto)
        parent_id, index = target
        parent_level = self._level_of[parent_id] if parent_id is not None else 0
        skip = placement.neighbour_skip(self.speech, parent_id, index)   # the place's level
        try:
            check_depth(parent_level, skip + snippet_height(snippet), skip)
        except OperationError as error:
            self.refusal = str(error)
            return None
        return lambda: self._insert_snippet_now(snippet, None, (parent_id, index, skip))

    def _insert_snippet_now(self, snippet: Snippet, current: str | None,
                            place: tuple[str | None, int, int] | None = None) -> None:
        if place is None:
            self.insert_snippet(snippet, current)
            return
        prepared = self.prepare_snippet(snippet)
        if prepared is not None:
            self._insert_section(prepared, *place)

    # --- inserting snippets ---------------------------------------------------------------------------

    def insert_snippet(self, snippet: Snippet, current: str | None,
                       after_paragraph: int | None = None) -> str:
        """Insert a library snippet near the current row (see core/placement.py); raises
        OperationError.  Body text goes after paragraph ``after_paragraph`` of the current row
        (where the caret is in the document), else at the row's end.  Returns the key of what
        was inserted or extended ("" when the writer cancelled)."""
        prepared = self.prepare_snippet(snippet)
        if prepared is None:
            return ""
        snippet = prepared
        if snippet.level == PARAGRAPH:
            container = placement.paragraph_container(self.speech, current)
            count = len(self.speech.paragraphs_of(container))
            index = None if after_paragraph is None or container != current \
                else min(after_paragraph + 1, count)
            # The container remembers the snippet, in the same undo step (usage history).
            edit = with_record(ops.insert_paragraphs(self.speech, container,
                                                     list(snippet.paragraphs), index),
                               self.speech, container, snippet.id)
            self.document.execute(edit, self.tr("插入素材段落"))
            self.placed.emit(container)
            return container
        parent_id, index = placement.section_place(self.speech, snippet.level, current)
        return self._insert_section(snippet, parent_id, index,
                                    placement.skip_at(self.speech, parent_id, snippet.level))

    def _insert_section(self, snippet: Snippet, parent_id: str | None, index: int,
                        skip: int) -> str:
        section = snippet.to_section()
        section.skip = skip
        self.document.execute(ops.insert_section(self.speech, section, parent_id, index),
                              self.tr("插入素材"))
        self.placed.emit(section.id)
        return section.id
