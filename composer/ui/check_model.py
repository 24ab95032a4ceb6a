"""The proofreader's findings as a Qt item model: one row per rule, its findings under it.

Rules are ordered by severity (错误, 警告, 提示), then as the registry lists them; findings keep
reading order.  A new list (after each check) is taken in as a layout change: the selection and
the expanded rules stay where they were, and a selected finding that was fixed hands the
selection to the one that took its row (the next of its rule), as a writer working down the
list expects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt)
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from ..core.proofread import BY_ID, ERROR, HINT, RULES, WARNING, Finding, Rule, describe, unit_text
from ..core.errors import OperationError
from ..core.i18n import pick
from ..core.speech import Speech

AnyIndex = QModelIndex | QPersistentModelIndex

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1   # the Finding of a row (None for a rule row)
ROW_ROLE = Qt.ItemDataRole.UserRole + 2       # what the delegate paints (see FindingsModel.row)

SEVERITY_COLOURS = {ERROR: QColor(0xC0, 0x39, 0x2B), WARNING: QColor(0xD6, 0x8A, 0x00),
                    HINT: QColor(0x2E, 0x7D, 0xB5)}
_ORDER = {rule.id: n for n, rule in enumerate(RULES)}
_SEVERITY_ORDER = {ERROR: 0, WARNING: 1, HINT: 2}
_RULE_ROW = 0      # internalId of rule rows; a finding row's is its rule's row + 1


def severity_name(severity: str) -> str:
    translate = QApplication.translate
    return {ERROR: translate("FindingsModel", "错误"), WARNING: translate("FindingsModel", "警告"),
            HINT: translate("FindingsModel", "提示")}.get(severity, severity)


@dataclass
class Group:
    rule: Rule
    findings: list[Finding] = field(default_factory=list)


@dataclass(frozen=True)
class RowText:
    """What a finding row shows: where it is, the excerpt, and the span inside the excerpt."""
    where: str
    before: str      # excerpt before the span (with … where the text goes on)
    span: str
    after: str
    note: str        # for a finding without an excerpt (a whole section): its message
    ignored: bool


class FindingsModel(QAbstractItemModel):
    def __init__(self, speech: Callable[[], Speech], markers: Callable[[], dict[str, str]],
                 parent: QObject | None = None):
        super().__init__(parent)
        self._speech = speech
        self._markers = markers
        self.groups: list[Group] = []
        self.ignored: frozenset[tuple[str, str]] = frozenset()
        self.show_ignored = False
        self._rows: dict[tuple[int, int], RowText] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    # --- taking in a new list -------------------------------------------------------------------

    def set_findings(self, findings: Iterable[Finding], ignored: frozenset[tuple[str, str]],
                     show_ignored: bool | None = None) -> None:
        if show_ignored is not None:
            self.show_ignored = show_ignored
        by_rule: dict[str, list[Finding]] = {}
        for finding in findings:
            if self.show_ignored or finding.key not in ignored:
                by_rule.setdefault(finding.rule, []).append(finding)
        rules = sorted(by_rule, key=lambda r: (_SEVERITY_ORDER.get(BY_ID[r].severity, 3),
                                               _ORDER.get(r, 999)))
        groups = [Group(BY_ID[r], by_rule[r]) for r in rules]
        self._rows.clear()      # where a finding is may read differently (a heading typed)
        if [(g.rule, g.findings) for g in groups] == [(g.rule, g.findings) for g in self.groups] \
                and ignored == self.ignored:
            # The same list (typing that changed no finding): the rows only repaint.
            for g, group in enumerate(groups):
                self.dataChanged.emit(self.createIndex(0, 0, g + 1),
                                      self.createIndex(len(group.findings) - 1, 0, g + 1))
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        places = [self._place(index) for index in persistent]
        self.groups, self.ignored = groups, ignored
        self.changePersistentIndexList(persistent, [self._find(place) for place in places])
        self.layoutChanged.emit()

    def _place(self, index: QModelIndex) -> tuple:
        """What a persistent index points at, to find it again in the new list."""
        if index.internalId() == _RULE_ROW:
            return (self.groups[index.row()].rule.id, None, index.row(), 0)
        group_row = index.internalId() - 1
        group = self.groups[group_row]
        return (group.rule.id, group.findings[index.row()], group_row, index.row())

    def _find(self, place: tuple) -> QModelIndex:
        rule, finding, group_row, row = place
        for g, group in enumerate(self.groups):
            if group.rule.id != rule:
                continue
            if finding is None:
                return self.createIndex(g, 0, _RULE_ROW)
            for r, other in enumerate(group.findings):
                if other == finding:
                    return self.createIndex(r, 0, g + 1)
            for r, other in enumerate(group.findings):   # moved by typing before it
                if (other.key, other.location.container, other.location.paragraph) == (
                        finding.key, finding.location.container, finding.location.paragraph):
                    return self.createIndex(r, 0, g + 1)
            # Gone (fixed, ignored): the one that took its row, the last one otherwise.
            return self.createIndex(min(row, len(group.findings) - 1), 0, g + 1)
        if self.groups and finding is not None:
            # The rule has no findings left: the rule now in its place.
            return self.createIndex(min(group_row, len(self.groups) - 1), 0, _RULE_ROW)
        return QModelIndex()

    # --- reading ------------------------------------------------------------------------------

    def finding_at(self, index: AnyIndex) -> Finding | None:
        if not index.isValid() or index.internalId() == _RULE_ROW:
            return None
        return self.groups[index.internalId() - 1].findings[index.row()]

    def group_at(self, index: AnyIndex) -> Group | None:
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == _RULE_ROW else index.internalId() - 1
        return self.groups[row]

    def findings(self) -> list[Finding]:
        return [f for g in self.groups for f in g.findings]

    def count(self) -> int:
        return sum(len(g.findings) for g in self.groups)

    def index_of(self, finding: Finding) -> QModelIndex:
        for g, group in enumerate(self.groups):
            if group.rule.id == finding.rule:
                for r, other in enumerate(group.findings):
                    if other == finding:
                        return self.createIndex(r, 0, g + 1)
        return QModelIndex()

    def row(self, index: AnyIndex) -> RowText | None:
        finding = self.finding_at(index)
        if finding is None:
            return None
        key = (index.internalId(), index.row())
        text = self._rows.get(key)
        if text is None:
            text = self._rows[key] = self._row_text(finding)
        return text

    def _row_text(self, finding: Finding) -> RowText:
        speech = self._speech()
        loc = finding.location
        where_text = pick(*describe(speech, loc, self._markers()))
        ignored = finding.key in self.ignored
        if not finding.excerpt:
            return RowText(where_text, "", "", "", finding.message, ignored)
        start = finding.excerpt_start
        end = start + len(finding.text)
        try:
            whole = len(unit_text(speech, loc))
        except OperationError:
            whole = -1      # the text changed since the check; the next check replaces this
        first = loc.offset - start
        before = ("…" if first > 0 else "") + finding.excerpt[:start]
        after = finding.excerpt[end:] + ("…" if 0 <= first + len(finding.excerpt) < whole else "")
        return RowText(where_text, before, finding.excerpt[start:end], after, "", ignored)

    # --- QAbstractItemModel ---------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _RULE_ROW) if row < len(self.groups) else QModelIndex()
        if parent.internalId() != _RULE_ROW or row >= len(self.groups[parent.row()].findings):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, index: AnyIndex | None = None) -> Any:  # also QObject.parent()
        if index is None:
            return QObject.parent(self)
        if not index.isValid() or index.internalId() == _RULE_ROW:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _RULE_ROW)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == _RULE_ROW and parent.column() == 0:
            return len(self.groups[parent.row()].findings)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _RULE_ROW:
            group = self.groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                fixable = sum(1 for f in group.findings if f.fix is not None)
                text = f"{group.rule.description}（{len(group.findings)}）"
                if fixable:
                    text += self.tr("　可修正 {0}").format(fixable)
                return text
            if role == Qt.ItemDataRole.DecorationRole:
                return SEVERITY_COLOURS.get(group.rule.severity)
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{severity_name(group.rule.severity)}：{group.rule.description}"
            return None
        finding = self.finding_at(index)
        if finding is None:
            return None
        if role == FINDING_ROLE:
            return finding
        if role == ROW_ROLE:
            return self.row(index)
        if role == Qt.ItemDataRole.DisplayRole:
            shown = self.row(index)
            if shown is None:
                return None
            return f"{shown.where}　{shown.before}{shown.span}{shown.after}{shown.note}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return finding_tooltip(finding)
        if role == Qt.ItemDataRole.ForegroundRole and finding.key in self.ignored:
            return QApplication.palette().brush(QPalette.ColorGroup.Normal,
                                                QPalette.ColorRole.PlaceholderText)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def finding_tooltip(finding: Finding) -> str:
    translate = QApplication.translate
    text = finding.message
    if finding.fix is not None:
        text += "\n" + translate("FindingsModel", "修正为：{0}").format(
            f"「{finding.fix}」" if finding.fix else translate("FindingsModel", "（删去）"))
    return text
