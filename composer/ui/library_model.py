"""The library pane's list: snippets grouped by level, then by kind, filtered as the user types.

    ▾ 一级标题（40）
       ▾ 意义（12）
          统一思想，提高认识 …

Filtering runs on every keystroke and must fit in one frame (16 ms) with 10,000 snippets:

* a flat list with group-header rows (a tree view walks every open row on each reset);
* at most MAX_SHOWN snippet rows: Qt's list view still asks the model about every row when it
  lays out, a Python call each, so showing 10,000 rows would cost more than the search itself
  (nobody reads 10,000 rows: a last row asks for more words instead, and folding a group frees
  its rows for the others);
* the snippets are kept sorted by group, so the matches come out grouped, and the group counts
  are tallied at C speed;
* typing more of a query searches only the previous matches, and recent queries are remembered
  (deleting a character is instant).
"""

from __future__ import annotations

import json
from collections import Counter, OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, Qt

from ..core.library import KINDS, PARAGRAPH, Pack, Snippet, search
from ..io.library_store import LoadedLibrary
from .outline_model import SNIPPET_MIME

LEVEL_ORDER = (1, 2, 3, 4, PARAGRAPH)
ROW_KIND_ROLE = Qt.ItemDataRole.UserRole + 1   # "level", "kind" or "snippet"
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2
DEPTH_ROLE = Qt.ItemDataRole.UserRole + 3      # indentation: 0 level header, 1 kind, 2 snippet
ROW_ROLE = Qt.ItemDataRole.UserRole + 4        # (row kind, depth, text) at once, for painting
EXCERPT_CONTEXT = 14
MAX_SHOWN = 500       # snippet rows listed at most
RECENT_QUERIES = 32   # remembered search results


class _More:
    """The last row when more snippets match than are listed."""
    __slots__ = ("count",)

    def __init__(self, count: int):
        self.count = count


class _Header:
    __slots__ = ("count", "group", "kind", "level")

    def __init__(self, group: tuple, level: int, kind: str | None, count: int):
        self.group = group
        self.level = level
        self.kind = kind
        self.count = count


def _kind_order(kind: str) -> tuple:
    return (KINDS.index(kind), "") if kind in KINDS else (len(KINDS), kind or "\uffff")


def excerpt(text: str, term: str, context: int = EXCERPT_CONTEXT) -> str:
    """The text around the first match of a (case-folded) term, with … where it is cut."""
    at = text.casefold().find(term) if len(text.casefold()) == len(text) else -1
    if at < 0:
        return text[:2 * context] + ("…" if len(text) > 2 * context else "")
    start = max(0, at - context)
    end = min(len(text), at + len(term) + context)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


class LibraryModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.library = LoadedLibrary()
        self._all: list[Snippet] = []
        self._pack_of: dict[int, Pack] = {}
        self._by_ref: dict[str, Snippet] = {}
        self._rows: list = []
        self._group_of: dict[Snippet, tuple[int, str]] = {}
        self._groups: list[tuple[int, str]] = []      # in display order
        self._recent: OrderedDict[str, list[Snippet]] = OrderedDict()
        self.query = ""
        self.terms: list[str] = []
        self.match_count = 0
        self.collapsed: set[tuple] = set()
        # Within each group, snippets in this order when set (e.g. not used recently first).
        self.order_key: Callable[[Snippet], Any] | None = None

    # --- content ------------------------------------------------------------------------------------

    def set_library(self, library: LoadedLibrary) -> None:
        self.library = library
        self.reindex()

    def reindex(self) -> None:
        """Call after snippets were added, edited or removed in one of the packs."""
        snippets = []
        self._pack_of = {}
        self._by_ref = {}
        for pack in self.library.packs:
            for snippet in pack.snippets:
                snippets.append(snippet)
                self._pack_of[id(snippet)] = pack
                self._by_ref[self._ref(pack, snippet)] = snippet
        self._group_of = {s: (s.level, s.kind) for s in snippets}
        self._groups = sorted(set(self._group_of.values()),
                              key=lambda g: (LEVEL_ORDER.index(g[0]), _kind_order(g[1])))
        rank = {group: i for i, group in enumerate(self._groups)}
        order = self.order_key
        if order is None:
            self._all = sorted(snippets, key=lambda s: rank[self._group_of[s]])  # stable
        else:
            self._all = sorted(snippets, key=lambda s: (rank[self._group_of[s]], order(s)))
        self._recent.clear()
        self._refilter()

    def set_order_key(self, key: Callable[[Snippet], Any] | None) -> None:
        """Order the snippets within each group by a key (None: as the packs list them)."""
        self.order_key = key
        self.reindex()

    @staticmethod
    def _ref(pack: Pack, snippet: Snippet) -> str:
        return f"{pack.path}\n{snippet.id}"

    def ref_of(self, snippet: Snippet) -> str:
        return self._ref(self._pack_of[id(snippet)], snippet)

    def lookup(self, ref: str) -> Snippet | None:
        return self._by_ref.get(ref)

    def pack_of(self, snippet: Snippet) -> Pack | None:
        return self._pack_of.get(id(snippet))

    def all_snippets(self) -> list[Snippet]:
        return self._all

    # --- filtering and grouping ---------------------------------------------------------------------

    def set_query(self, query: str) -> None:
        if query == self.query:
            return
        self.query = query
        self._refilter()

    def toggle_group(self, row: int) -> None:
        entry = self._rows[row] if 0 <= row < len(self._rows) else None
        if not isinstance(entry, _Header) or self.terms:
            return  # while searching every group is open
        self.collapsed ^= {entry.group}
        self._refilter()

    def _matches(self, query: str) -> list[Snippet]:
        """The snippets matching a query, in group order."""
        key = " ".join(query.casefold().split())
        if not key:
            return self._all
        found = self._recent.get(key)
        if found is not None:
            self._recent.move_to_end(key)
            return found
        # Typing on narrows the last result: whatever matches "文明单" also matched "文明".
        base = self._all
        for previous in reversed(self._recent):
            if key.startswith(previous):
                base = self._recent[previous]
                break
        found = search(base, key)
        self._recent[key] = found
        if len(self._recent) > RECENT_QUERIES:
            self._recent.popitem(last=False)
        return found

    def _refilter(self) -> None:
        self.beginResetModel()
        self.terms = self.query.casefold().split()
        searching = bool(self.terms)
        matches = self._matches(self.query)
        self.match_count = len(matches)
        counts = Counter(map(self._group_of.__getitem__, matches))
        per_level = Counter()
        for (level, _), n in counts.items():
            per_level[level] += n
        rows: list = []
        shown = offset = left_out = 0
        current_level = None
        for group in self._groups:
            n = counts.get(group, 0)
            if not n:
                continue
            level, kind = group
            if level != current_level:
                current_level = level
                rows.append(_Header((level,), level, None, per_level[level]))
            level_open = searching or (level,) not in self.collapsed
            if level_open:
                rows.append(_Header(group, level, kind, n))
                if searching or group not in self.collapsed:
                    take = min(n, MAX_SHOWN - shown)
                    rows.extend(matches[offset:offset + take])
                    shown += take
                    left_out += n - take
            offset += n
        if left_out:
            rows.append(_More(left_out))
        self._rows = rows
        self.endResetModel()

    # --- QAbstractListModel -------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def snippet_at(self, index: QModelIndex) -> Snippet | None:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        entry = self._rows[index.row()]
        return entry if isinstance(entry, Snippet) else None

    def level_name(self, level: int) -> str:
        names = {1: self.tr("一级标题"), 2: self.tr("二级标题"), 3: self.tr("三级标题"),
                 4: self.tr("四级标题"), PARAGRAPH: self.tr("段落")}
        return names[level]

    def label(self, snippet: Snippet) -> str:
        """One line for the list: the heading (or the text), with the match in view."""
        text = snippet.heading or (snippet.paragraphs[0] if snippet.paragraphs else "")
        if not self.terms or self.terms[0] in text.casefold():
            return text
        parts = list(snippet.paragraphs)
        for child in snippet.children:
            for section in child.walk():
                parts += [section.heading, *section.paragraphs]
        body = " ".join(parts)
        if self.terms[0] not in body.casefold():
            return text  # matched in the tags or the kind
        around = excerpt(body, self.terms[0])
        return f"{text} — {around}" if snippet.heading else around

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == ROW_ROLE:
            return (self.data(index, ROW_KIND_ROLE), self.data(index, DEPTH_ROLE),
                    self.data(index, Qt.ItemDataRole.DisplayRole))
        if isinstance(entry, Snippet):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.label(entry)
            if role == ROW_KIND_ROLE:
                return "snippet"
            if role == SNIPPET_ROLE:
                return entry
            if role == DEPTH_ROLE:
                return 2
            if role == Qt.ItemDataRole.ToolTipRole:
                pack = self.pack_of(entry)
                return pack.name if pack else None
            return None
        if isinstance(entry, _More):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("还有 {0} 条没有列出：请输入更多文字，或折叠用不到的分组。").format(entry.count)
            if role == ROW_KIND_ROLE:
                return "more"
            if role == DEPTH_ROLE:
                return 0
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            name = self.level_name(entry.level) if entry.kind is None else (
                entry.kind or self.tr("未分类"))
            open_ = entry.group not in self.collapsed or self.terms
            return f"{'▾' if open_ else '▸'} " + self.tr("{0}（{1}）").format(name, entry.count)
        if role == ROW_KIND_ROLE:
            return "level" if entry.kind is None else "kind"
        if role == DEPTH_ROLE:
            return 0 if entry.kind is None else 1
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if self.snippet_at(index) is not None:
            return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsDragEnabled)
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def mimeTypes(self) -> list[str]:
        return [SNIPPET_MIME]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeData(self, indexes) -> QMimeData | None:
        refs = [self.ref_of(s) for s in (self.snippet_at(i) for i in indexes) if s is not None]
        if not refs:
            return None
        mime = QMimeData()
        mime.setData(SNIPPET_MIME, QByteArray(json.dumps(refs[:1]).encode("utf-8")))
        return mime
