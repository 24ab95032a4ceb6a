"""The import preview: what an import found, corrected by the writer before anything is kept.

It shows the speeches found (with near-duplicates marked), the outline of the chosen one with
each heading's level, and every piece the cleanup removed with its reason.  The writer can move
a heading a level up or down, turn a heading back into text, and put removed pieces back (the
source is imported again keeping them).  Then: open the speech as a new, unsaved speech, or add
the speeches to a library pack.  The dialog works on the import's own result
(``core.importer.Analysis``) and changes nothing else; the caller acts on ``choice``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QGridLayout, QHBoxLayout,
                               QLabel, QListWidget, QListWidgetItem, QMessageBox, QPushButton,
                               QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from ..core import import_fixes
from ..core.errors import ComposerError
from ..core.importer import Analysis, FoundSpeech

_ID = Qt.ItemDataRole.UserRole
_LEVEL_COLUMN = 96   # the level column's width at least, in pixels
_EXCERPT = 300     # characters of the opening, closing or back matter a row's tooltip shows


def _excerpt(paragraphs: list[str]) -> str:
    """The start of some paragraphs, for a tooltip (what 「开头 4 段」 holds)."""
    text = "\n".join(paragraphs)
    return text if len(text) <= _EXCERPT else text[:_EXCERPT] + "……"


class ImportPreview(QDialog):
    CANCELLED, OPEN, LIBRARY = 0, 1, 2

    def __init__(self, analysis: Analysis, again: Callable[[list[str]], Analysis],
                 packs: list[str], parent=None):
        """``again(kept)`` imports the same sources again, keeping the removed texts listed;
        ``packs``: the names of the library packs the speeches can be added to."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入预览"))
        self.resize(1100, 640)
        self.analysis = analysis
        self._again = again
        self.kept: list[str] = []
        # The writer's corrections, in order, to make again when putting a piece back imports
        # the source again: (speech row, heading, which heading of that text, the fix).
        self._fixes: list[tuple[int, str, int, Callable]] = []
        self.choice = self.CANCELLED

        self.speeches = QListWidget()
        self.outline = QTreeWidget()
        self.outline.setHeaderLabels([self.tr("级别"), self.tr("标题")])
        self.outline.setColumnWidth(0, _LEVEL_COLUMN)
        self.removed = QListWidget()
        self.removed.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.removed.setWordWrap(True)
        self.accounting = QLabel()
        self.accounting.setWordWrap(True)

        self.promote_button = QPushButton(self.tr("升一级"))
        self.demote_button = QPushButton(self.tr("降一级"))
        self.text_button = QPushButton(self.tr("改为正文"))
        self.put_back_button = QPushButton(self.tr("放回选中的"))
        self.open_button = QPushButton(self.tr("作为新讲稿打开"))
        self.open_button.setDefault(True)
        self.pack = QComboBox()
        self.pack.addItems(packs)
        self.library_button = QPushButton(self.tr("存入素材库"))
        self.library_button.setEnabled(bool(packs))
        cancel = QPushButton(self.tr("取消"))

        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(QLabel(self.tr("找到的讲话")))
        column.addWidget(self.speeches, 1)
        middle = QWidget()
        grid = QGridLayout(middle)
        grid.addWidget(QLabel(self.tr("提纲（可调整级别）")), 0, 0, 1, 3)
        grid.addWidget(self.outline, 1, 0, 1, 3)
        grid.addWidget(self.promote_button, 2, 0)
        grid.addWidget(self.demote_button, 2, 1)
        grid.addWidget(self.text_button, 2, 2)
        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(QLabel(self.tr("清理时去掉的内容")))
        column.addWidget(self.removed, 1)
        column.addWidget(self.put_back_button)
        column.addWidget(self.accounting)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for pane in (left, middle, right):
            splitter.addWidget(pane)
        splitter.setSizes([260, 480, 360])
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addSpacing(24)
        buttons.addWidget(self.pack)
        buttons.addWidget(self.library_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self.speeches.currentRowChanged.connect(self._show_outline)
        self.promote_button.clicked.connect(lambda: self._fix(import_fixes.promote))
        self.demote_button.clicked.connect(lambda: self._fix(import_fixes.demote))
        self.text_button.clicked.connect(lambda: self._fix(import_fixes.heading_to_text))
        self.put_back_button.clicked.connect(self.put_back_selected)
        self.open_button.clicked.connect(lambda: self._finish(self.OPEN))
        self.library_button.clicked.connect(lambda: self._finish(self.LIBRARY))
        cancel.clicked.connect(self.reject)
        self._fill()

    # --- what the caller reads ----------------------------------------------------------------------

    def chosen(self) -> FoundSpeech | None:
        row = self.speeches.currentRow()
        found = self.analysis.found
        return found[row] if 0 <= row < len(found) else None

    def chosen_pack(self) -> str:
        return self.pack.currentText()

    # --- the writer's corrections ---------------------------------------------------------------------

    def current_section_id(self) -> str | None:
        item = self.outline.currentItem()
        return item.data(0, _ID) if item is not None else None

    def select_section(self, section_id: str) -> None:
        for item in self._items():
            if item.data(0, _ID) == section_id:
                self.outline.setCurrentItem(item)
                return

    def _fix(self, fix) -> None:
        found, section_id = self.chosen(), self.current_section_id()
        if found is None or section_id is None:
            return
        headings = [(section.id, section.heading) for section, _ in found.speech.walk()]
        at = next(i for i, (sid, _) in enumerate(headings) if sid == section_id)
        heading = headings[at][1]
        occurrence = sum(1 for _, text in headings[:at] if text == heading)
        try:
            fix(found, section_id)
        except ComposerError as error:
            QMessageBox.information(self, self.tr("导入预览"), str(error))
            return
        self._fixes.append((self.speeches.currentRow(), heading, occurrence, fix))
        self._show_outline(self.speeches.currentRow())
        if fix is not import_fixes.heading_to_text:
            self.select_section(section_id)

    def put_back_selected(self) -> None:
        texts = [item.data(_ID) for item in self.removed.selectedItems()]
        if not texts:
            return
        row = max(self.speeches.currentRow(), 0)
        try:
            analysis = self._again(self.kept + texts)
        except ComposerError as error:
            QMessageBox.warning(self, self.tr("导入预览"), str(error))
            return
        self.kept += texts
        self.analysis = analysis
        lost = self._replay_fixes()
        self._fill(row)
        if lost:
            QMessageBox.information(self, self.tr("导入预览"), self.tr(
                "放回的内容改变了提纲，之前的 {0} 处调整没能保留，请再看一下提纲。").format(lost))

    def _replay_fixes(self) -> int:
        """Make the writer's corrections again on the new import (putting a piece back must
        not undo them without a word); returns how many found no heading to apply to."""
        lost = 0
        for row, heading, occurrence, fix in self._fixes:
            found = self.analysis.found[row] if row < len(self.analysis.found) else None
            same = [section.id for section, _ in found.speech.walk()
                    if section.heading == heading] if found is not None else []
            try:
                fix(found, same[occurrence])
            except (IndexError, ComposerError):
                lost += 1
        return lost

    def _finish(self, choice: int) -> None:
        if self.chosen() is None:
            return
        self.choice = choice
        self.accept()

    # --- showing --------------------------------------------------------------------------------------

    def _fill(self, row: int = 0) -> None:
        self.speeches.clear()
        for number, item in enumerate(self.analysis.found, start=1):
            levels = item.levels()
            shape = self.tr("，").join(f"{self._level_name(int(level))} {count}"
                             for level, count in levels.items() if count) or self.tr("无标题层级")
            title = item.speech.title or self.tr("（无标题）")
            line = f"{number}. {title}\n    {shape}"
            if item.duplicate_of is not None:
                line += self.tr("　与第 {0} 篇几乎相同").format(item.duplicate_of + 1)
            self.speeches.addItem(line)
        self.removed.clear()
        for piece in self.analysis.removed:
            entry = QListWidgetItem(f"{piece.text}\n    — {piece.why()}")
            entry.setData(_ID, piece.text)
            entry.setToolTip(piece.source_file)
            self.removed.addItem(entry)
        self.put_back_button.setEnabled(bool(self.analysis.removed))
        a = self.analysis
        self.accounting.setText(self.tr("汉字：原文 {0} = 导入 {1} + 去掉 {2}").format(
            a.han_in, a.han_out, a.han_removed)
            + ("" if a.unaccounted == 0 else self.tr("（有 {0} 个字未计入，请报告）").format(
                a.unaccounted)))
        self.speeches.setCurrentRow(min(row, len(self.analysis.found) - 1))

    def _show_outline(self, row: int) -> None:
        self.outline.clear()
        if not 0 <= row < len(self.analysis.found):
            return
        found = self.analysis.found[row]
        speech = found.speech
        head = [speech.title, speech.subtitle, speech.speaker, speech.date]
        top = QTreeWidgetItem([self.tr("讲稿信息"), "　".join(t for t in head if t)])
        # The row is cut at the column's width: the tooltip shows each head line in full.
        top.setToolTip(1, "\n".join(t for t in head if t))
        self.outline.addTopLevelItem(top)
        if speech.opening:
            opening = QTreeWidgetItem([self.tr("开头"), self.tr("{0} 段").format(len(speech.opening))])
            opening.setToolTip(1, _excerpt(speech.opening))
            self.outline.addTopLevelItem(opening)

        levels = {section.id: level for section, level in speech.walk()}

        def add(section, parent):
            item = QTreeWidgetItem([self._level_name(levels[section.id]), section.heading])
            item.setData(0, _ID, section.id)
            (parent.addChild(item) if parent is not None else self.outline.addTopLevelItem(item))
            for child in section.children:
                add(child, item)

        for section in speech.body:
            add(section, None)
        back = len(found.back_matter())
        closing = len(speech.closing) - back
        if closing:
            item = QTreeWidgetItem([self.tr("结尾"), self.tr("{0} 段").format(closing)])
            item.setToolTip(1, _excerpt(speech.closing[:closing]))
            self.outline.addTopLevelItem(item)
        if back:
            item = QTreeWidgetItem([self.tr("附件等"),
                                    self.tr("{0} 段，作为正文保留在结尾之后").format(back)])
            item.setToolTip(1, _excerpt(found.back_matter()))
            self.outline.addTopLevelItem(item)
        self.outline.expandAll()
        # The level column fits its words (「Speech details」「Attachments etc.」 in English, a
        # level-4 row's indentation), never narrower than it starts.
        self.outline.setColumnWidth(0, max(_LEVEL_COLUMN, self.outline.sizeHintForColumn(0)))

    def _level_name(self, level: int) -> str:
        return {1: self.tr("一级"), 2: self.tr("二级"), 3: self.tr("三级"),
                4: self.tr("四级")}.get(level, "")

    def _items(self):
        stack = [self.outline.topLevelItem(i) for i in range(self.outline.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item is None:
                continue
            yield item
            stack.extend(item.child(i) for i in range(item.childCount()))
