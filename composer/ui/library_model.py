"""The library pane's list: snippets grouped by level, then by kind, filtered as the user types.

    ▾ 一级标题（40）
       ▾ 意义（12）
          统一思想，提高认识 …

Filtering runs on every keystroke and must fit in one frame (16 ms) with 100,000 snippets:

* a flat list with group-header rows (a tree view walks every open row on each reset);
* at most MAX_SHOWN snippet rows: Qt's list view still asks the model about every row when it
  lays out, a Python call each, so showing 10,000 rows would cost more than the search itself
  (nobody reads 10,000 rows: a last row asks for more words instead, and folding a group frees
  its rows for the others);
* the search itself (``core.snippet_index.Search``) answers from a character index where it can
  and checks the rest a slice of a few milliseconds at a time, in the order of the list: the
  first slice runs with the keystroke, the others from the event loop (a zero timer), each one
  adding rows at the end and updating the counts (``（120+）`` until they are final), so the
  window answers the next keystroke in between;
* the counts per group come with the search (a byte count per group, or the matches checked),
  never from a pass over every match;
* typing more of a query narrows the previous complete result, and recent searches are
  remembered (deleting a character is instant).
"""

from __future__ import annotations

import json
import operator
from array import array
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, Qt, QTimer, Signal

from ..core.library import PARAGRAPH, Pack, Snippet
from ..core.snippet_index import SLICE, LEVEL_ORDER, Group, PackIndex, Search, group_rank
from ..io.library_store import LoadedLibrary
from .outline_model import SNIPPET_MIME
from .qt_types import AnyIndex

__all__ = ["LEVEL_ORDER", "MAX_SHOWN", "LibraryModel", "excerpt"]

ROW_KIND_ROLE = Qt.ItemDataRole.UserRole + 1   # "level", "kind" or "snippet"
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2
DEPTH_ROLE = Qt.ItemDataRole.UserRole + 3      # indentation: 0 level header, 1 kind, 2 snippet
ROW_ROLE = Qt.ItemDataRole.UserRole + 4        # (row kind, depth, text) at once, for painting
EXCERPT_CONTEXT = 14
MAX_SHOWN = 500       # snippet rows listed at most
RECENT_QUERIES = 32   # remembered search results


class _More:
    """The last row when more snippets match than are listed."""
    __slots__ = ("count", "final")

    def __init__(self, count: int, final: bool):
        self.count = count
        self.final = final

    def key(self) -> tuple:
        return ("more",)


class _Header:
    __slots__ = ("count", "final", "group", "kind", "level")

    def __init__(self, group: tuple, level: int, kind: str | None, count: int, final: bool):
        self.group = group
        self.level = level
        self.kind = kind
        self.count = count
        self.final = final   # False while the search is still counting

    def key(self) -> tuple:
        return ("header", self.group)


def _row_key(entry) -> object:
    """What identifies a row across two publications of the same search."""
    return entry if isinstance(entry, Snippet) else entry.key()


# Each group's snippets in the order of the key: their pack numbers and their positions in
# their packs' indexes.  Arrays, not a list of pairs: 100,000 pairs are 200,000 objects, and
# freeing the order replaced by a write's took the window's thread 5 ms.
Ordered = dict[Group, tuple[array, array]]


def ordered_groups(indexes: Sequence[PackIndex], key: Callable[[Snippet], Any]) -> Ordered:
    """Each group's snippets by the order key (its values hashable and comparable), then as
    listed without it.  Pure Python, no Qt: a worker runs it for a pack it has just written,
    while the window draws.  So no sort of a whole group: sorting 100,000 entries is one call
    into C that holds the interpreter (and the window's thread) for 10–100 ms.  The keys
    repeat (dates of last use), so each key's snippets are gathered in a Python loop, in the
    order listed, and only the distinct keys are sorted: the same order as a stable sort."""
    count = len(indexes)
    groups: dict[Group, dict[Any, list[int]]] = {}
    for number, index in enumerate(indexes):
        snippets = index.snippets
        for group, (start, end) in index.ranges.items():
            buckets = groups.setdefault(group, {})
            for position in range(start, end):
                value = key(snippets[position])
                bucket = buckets.get(value)
                if bucket is None:
                    bucket = buckets[value] = []
                bucket.append(position * count + number)
    ordered: Ordered = {}
    for group, buckets in groups.items():
        codes = [code for value in sorted(buckets) for code in buckets[value]]
        ordered[group] = (array("I", [code % count for code in codes]),
                          array("I", [code // count for code in codes]))
    return ordered


@dataclass(frozen=True)
class Ordering:
    """The order of the groups made on a worker for a new version of a pack: valid while the
    model has the same order key and, but for that version, the same packs."""
    key: Callable[[Snippet], Any]
    indexes: tuple[PackIndex, ...]
    groups: Ordered


def excerpt(text: str, term: str, context: int = EXCERPT_CONTEXT) -> str:
    """The text around the first match of a (case-folded) term, with … where it is cut."""
    at = text.casefold().find(term) if len(text.casefold()) == len(text) else -1
    if at < 0:
        return text[:2 * context] + ("…" if len(text) > 2 * context else "")
    start = max(0, at - context)
    end = min(len(text), at + len(term) + context)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


class LibraryModel(QAbstractListModel):
    results_changed = Signal()   # rows or counts changed: the pane updates its count line

    def __init__(self, parent=None):
        super().__init__(parent)
        self.library = LoadedLibrary()
        self._indexes: list[PackIndex] = []   # of the packs, in the order of the library
        self._packs: list[Pack] = []
        self._total = 0
        self._rows: list = []
        self._search: Search | None = None
        self._recent: OrderedDict[str, Search] = OrderedDict()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._continue_search)
        self.query = ""
        self.terms: list[str] = []
        self.match_count = 0
        self.searching = False    # a search is still checking snippets
        self.slice = SLICE        # seconds of checking per turn of the event loop
        self.collapsed: set[tuple] = set()
        # Within each group, snippets in this order when set (e.g. not used recently first).
        self.order_key: Callable[[Snippet], Any] | None = None
        self._ordered: Ordered | None = None

    # --- content ------------------------------------------------------------------------------------

    def set_library(self, library: LoadedLibrary) -> None:
        self.library = library
        self.reindex()

    def reindex(self) -> None:
        """Call after snippets were added, edited or removed in one of the packs."""
        indexes = []
        for pack in self.library.packs:
            index = self.library.index_of(pack)
            if index is None:
                # A pack edited here (or given without an index): order it and take its
                # texts again; its character index, if it is big, comes with the next load.
                index = PackIndex(pack.snippets)
                self.library.indexes[id(pack)] = index
            indexes.append(index)
        self._indexes, self._packs = indexes, list(self.library.packs)
        self._total = sum(map(len, indexes))
        self._ordered = self._order_groups() if self.order_key is not None else None
        self._recent.clear()
        self._refilter()

    def replace_pack(self, pack: Pack, index: PackIndex, ordering: Ordering | None = None
                     ) -> None:
        """Show the new version of one pack, whose snippets are ``index``'s (written or read
        again on a worker, which made the index and its lookups, and with an order key the
        order of the groups, ``ordering``: see :meth:`ordering_for`): the other packs are not
        looked at again, and the rows change in place — the ones added, removed or recounted —
        so that the current row and the scroll position stay.  With 100,000 snippets a reset
        and a new look at every pack held the window for a quarter of a second, and ordering
        the groups here by the key another 150–250 ms."""
        number = next((n for n, p in enumerate(self._packs) if p is pack), None)
        if number is None or len(self._packs) != len(self.library.packs):
            self.reindex()
            return
        self.library.indexes[id(pack)] = index
        self._indexes[number] = index
        self._total = sum(map(len, self._indexes))
        if self.order_key is None:
            self._ordered = None
        elif (ordering is not None and ordering.key is self.order_key
              and len(ordering.indexes) == len(self._indexes)
              and all(map(operator.is_, ordering.indexes, self._indexes))):
            self._ordered = ordering.groups
        else:   # the key or another pack changed meanwhile: ordered here after all
            self._ordered = self._order_groups()
        self._recent.clear()
        self.terms = self.query.casefold().split()
        self._search = self._search_for(" ".join(self.terms))
        self._search.step(self.slice)
        self._publish(reset=False)

    def set_order_key(self, key: Callable[[Snippet], Any] | None) -> None:
        """Order the snippets within each group by a key (None: as the packs list them).  Its
        values must be hashable and comparable, and it must be a pure function of the snippet:
        after a library write it runs on the worker (``ordering_for``)."""
        self.order_key = key
        self.reindex()

    def _order_groups(self) -> Ordered:
        """Each group's snippets by the order key: once per library or key, not per
        keystroke."""
        assert self.order_key is not None
        return ordered_groups(self._indexes, self.order_key)

    def ordering_for(self, pack: Pack) -> Callable[[PackIndex], Ordering | None]:
        """What a worker runs for a new version of ``pack`` once it has made its index: the
        order of the groups by the current order key (None without one), so that
        :meth:`replace_pack` need not sort 100,000 snippets on the window's thread.  The key
        must be a pure function of the snippet (it runs on the worker)."""
        key, indexes = self.order_key, list(self._indexes)
        number = next((n for n, p in enumerate(self._packs) if p is pack), None)

        def order(index: PackIndex) -> Ordering | None:
            if key is None or number is None:
                return None
            indexes[number] = index
            return Ordering(key, tuple(indexes), ordered_groups(indexes, key))
        return order

    def indexes_built(self) -> None:
        """The character indexes of big packs are ready: searches from now on use them (the
        results remembered so far are exact and stay)."""

    @staticmethod
    def _ref(pack: Pack, snippet: Snippet) -> str:
        return f"{pack.path}\n{snippet.id}"

    def ref_of(self, snippet: Snippet) -> str:
        pack = self.pack_of(snippet)
        if pack is None:
            raise KeyError(snippet.id)
        return self._ref(pack, snippet)

    def lookup(self, ref: str) -> Snippet | None:
        for pack, index in zip(self._packs, self._indexes):
            if ref.startswith(pack.path + "\n"):
                found = index.by_id().get(ref[len(pack.path) + 1:])
                if found is not None:
                    return found
        return None

    def find(self, pack: Pack, snippet_id: str) -> Snippet | None:
        """The snippet of that id in the pack, as listed."""
        for listed, index in zip(self._packs, self._indexes):
            if listed is pack:
                return index.by_id().get(snippet_id)
        return None

    def ids_in(self, pack: Pack) -> Mapping[str, Snippet] | None:
        """The ids of the pack's snippets as listed (None: the pack is not listed)."""
        for listed, index in zip(self._packs, self._indexes):
            if listed is pack:
                return index.by_id()
        return None

    def pack_of(self, snippet: Snippet) -> Pack | None:
        for pack, index in zip(self._packs, self._indexes):
            if index.holds(snippet):
                return pack
        return None

    def all_snippets(self) -> list[Snippet]:
        """Every snippet in the order of the list (without a search)."""
        groups = sorted({g for index in self._indexes for g in index.ranges}, key=group_rank)
        if self._ordered is not None:
            return [self._indexes[n].snippets[p] for g in groups
                    for n, p in zip(*self._ordered[g])]
        return [s for g in groups for index in self._indexes if g in index.ranges
                for s in index.snippets[slice(*index.ranges[g])]]

    def snippet_count(self) -> int:
        return self._total

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

    def finish_search(self) -> None:
        """Complete the current search now (tests, and whoever needs every count)."""
        while self._search is not None and not self._search.done:
            self._continue_search()

    def _search_for(self, key: str) -> Search:
        found = self._recent.get(key)
        if found is not None:
            self._recent.move_to_end(key)
            return found
        # Typing on narrows the last complete result: whatever matches "文明单" matched "文明".
        narrowing = next((self._recent[k] for k in reversed(self._recent)
                          if k and key.startswith(k) and self._recent[k].done), None)
        found = Search(self._indexes, key, narrowing)
        self._recent[key] = found
        if len(self._recent) > RECENT_QUERIES:
            self._recent.popitem(last=False)
        return found

    def _refilter(self) -> None:
        self.terms = self.query.casefold().split()
        self._search = self._search_for(" ".join(self.terms))
        self._search.step(self.slice)
        self._publish(reset=True)

    def _continue_search(self) -> None:
        if self._search is None or self._search.done:
            return
        self._search.step(self.slice)
        self._publish(reset=False)

    def _publish(self, reset: bool) -> None:
        """Show the search as far as it has got, then let the event loop run the next slice."""
        search = self._search
        assert search is not None
        rows = self._build_rows(search)
        self.match_count, final = search.total()
        self.searching = not final
        if reset:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        else:
            self._update_rows(rows)
        self.results_changed.emit()
        if self.searching:
            self._timer.start()

    def _build_rows(self, search: Search) -> list:
        searching = bool(self.terms)
        counts = {group: search.count(group) for group in search.groups}
        per_level: dict[int, list] = {}
        for (level, _), (n, final) in counts.items():
            tally = per_level.setdefault(level, [0, True])
            tally[0] += n
            tally[1] = tally[1] and final
        rows: list = []
        shown = left_out = 0
        current_level = None
        for group in search.groups:
            n, final = counts[group]
            if not n:
                continue
            level, kind = group
            if level != current_level:
                current_level = level
                rows.append(_Header((level,), level, None, *per_level[level]))
            level_open = searching or (level,) not in self.collapsed
            if level_open:
                rows.append(_Header(group, level, kind, n, final))
                if searching or group not in self.collapsed:
                    listed = self._first(search, group, MAX_SHOWN - shown) if shown < MAX_SHOWN \
                        else []
                    rows.extend(listed)
                    shown += len(listed)
                    left_out += n - len(listed)
        if left_out:
            rows.append(_More(left_out, search.done))
        return rows

    def _first(self, search: Search, group: Group, limit: int) -> list[Snippet]:
        """The group's first matches as the list shows them."""
        if self._ordered is None:
            return search.first(group, limit)
        if not search.count(group)[1]:
            return []  # in the order of a key, a group is listed once it is checked through
        tests = search.membership(group)
        found = []
        for number, position in zip(*self._ordered[group]):
            index = self._indexes[number]
            if tests[id(index)](position):
                found.append(index.snippets[position])
                if len(found) == limit:
                    break
        return found

    def _update_rows(self, rows: list) -> None:
        """The same search got further, or a pack changed: only the rows between the common
        beginning and the common end are replaced (a search adds rows at the end, a write
        inserts or removes one), so the current row and the scroll position stay."""
        old = self._rows
        keep = 0
        for before, after in zip(old, rows):
            if _row_key(before) != _row_key(after):
                break
            keep += 1
        tail = 0
        most = min(len(old), len(rows)) - keep
        while tail < most and _row_key(old[-1 - tail]) == _row_key(rows[-1 - tail]):
            tail += 1
        if keep < len(old) - tail:
            self.beginRemoveRows(QModelIndex(), keep, len(old) - tail - 1)
            self._rows = old[:keep] + old[len(old) - tail:]
            self.endRemoveRows()
        if keep < len(rows) - tail:
            self.beginInsertRows(QModelIndex(), keep, len(rows) - tail - 1)
            self._rows = rows
            self.endInsertRows()
        self._rows = rows   # the kept headers too, with their new counts
        if rows:
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))

    # --- QAbstractListModel -------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def row_of(self, snippet: Snippet) -> int | None:
        """The row listing this very snippet, None when it is not listed: found in the
        model's own rows, not by asking Qt for an index of each row (500 of them after a
        library write, while the worker was busy: 0.1–0.5 s, every Qt call a chance for the
        worker to take the interpreter)."""
        return next((row for row, entry in enumerate(self._rows) if entry is snippet), None)

    def snippet_at(self, index: AnyIndex) -> Snippet | None:
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

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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
                count = str(entry.count) if entry.final else f"{entry.count}+"
                return self.tr("还有 {0} 条没有列出：请输入更多文字，或折叠用不到的分组。").format(count)
            if role == ROW_KIND_ROLE:
                return "more"
            if role == DEPTH_ROLE:
                return 0
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            name = self.level_name(entry.level) if entry.kind is None else (
                entry.kind or self.tr("未分类"))
            open_ = entry.group not in self.collapsed or self.terms
            count = str(entry.count) if entry.final else f"{entry.count}+"  # still counting
            return f"{'▾' if open_ else '▸'} " + self.tr("{0}（{1}）").format(name, count)
        if role == ROW_KIND_ROLE:
            return "level" if entry.kind is None else "kind"
        if role == DEPTH_ROLE:
            return 0 if entry.kind is None else 1
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if self.snippet_at(index) is not None:
            return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsDragEnabled)
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def mimeTypes(self) -> list[str]:
        return [SNIPPET_MIME]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeData(self, indexes) -> QMimeData | None:  # type: ignore[override]  # None: nothing to drag
        refs = [self.ref_of(s) for s in (self.snippet_at(i) for i in indexes) if s is not None]
        if not refs:
            return None
        mime = QMimeData()
        mime.setData(SNIPPET_MIME, QByteArray(json.dumps(refs[:1]).encode("utf-8")))
        return mime
