"""The 检查 dock: what the proofreader finds in the open speech, kept up to date as it is typed.

Problems are grouped by rule, with their count and severity.  A click on a problem (or Enter)
selects its text in the speech (``jump``).  修正 applies the current problem's fix, 本类全部修正
every fix of its rule, 全部修正 every fix in the list; each is one core edit through the
document, so one undo step.  忽略 remembers the problem in the speech file (``SetIgnored``: the
speech counts as modified and the choice survives a reload); 显示已忽略 lists those too, greyed,
and 取消忽略 brings one back.  Before acting on a problem a waiting check is run first, so an
action never works on a list older than the text.
"""

from __future__ import annotations

from collections.abc import Callable

from shiboken6 import isValid
from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QCheckBox, QDockWidget, QHBoxLayout, QLabel, QToolBar,
                               QVBoxLayout, QWidget)

from ..core.errors import OperationError
from ..core.proofread import (BY_ID, ERROR, HINT, WARNING, Finding, fix_all_edit, fix_edit, ignore_edit,
                              unignore_edit)
from .check_model import FindingsModel
from .check_view import FindingDetail, FindingsTree
from .checker import Checker
from .document import Document


class CheckPanel(QWidget):
    jump = Signal(object)        # Location: show this place in the speech
    message = Signal(str)

    def __init__(self, document: Document, checker: Checker,
                 markers: Callable[[], dict[str, str]], parent=None):
        super().__init__(parent)
        self.document = document
        self.checker = checker
        self.model = FindingsModel(lambda: document.speech, markers, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.fix_action = QAction(self.tr("修正"), self)
        self.fix_action.setToolTip(self.tr("按建议修正选中的这一处"))
        self.fix_action.triggered.connect(self.fix_current)
        self.fix_rule_action = QAction(self.tr("本类全部修正"), self)
        self.fix_rule_action.setToolTip(self.tr("修正选中的这一类里所有能自动修正的问题（一步撤销）"))
        self.fix_rule_action.triggered.connect(self.fix_rule)
        self.fix_all_action = QAction(self.tr("全部修正"), self)
        self.fix_all_action.setToolTip(self.tr("修正列表里所有能自动修正的问题（一步撤销）"))
        self.fix_all_action.triggered.connect(self.fix_everything)
        self.ignore_action = QAction(self.tr("忽略"), self)
        self.ignore_action.setToolTip(self.tr("不再提示这一处（选中一类时为这一类的全部）；记在讲稿文件里"))
        self.ignore_action.triggered.connect(self.ignore_current)
        self.unignore_action = QAction(self.tr("取消忽略"), self)
        self.unignore_action.setToolTip(self.tr("重新提示选中的已忽略问题"))
        self.unignore_action.triggered.connect(self.unignore_current)
        bar.addActions([self.fix_action, self.fix_rule_action, self.fix_all_action])
        bar.addSeparator()
        bar.addActions([self.ignore_action, self.unignore_action])
        top = QHBoxLayout()
        top.addWidget(bar, 1)
        self.show_ignored = QCheckBox(self.tr("显示已忽略"))
        self.show_ignored.toggled.connect(self._show_ignored_toggled)
        top.addWidget(self.show_ignored)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setStyleSheet("color: gray; padding: 0 4px;")
        layout.addWidget(self.summary)
        self.tree = FindingsTree(self.model)
        layout.addWidget(self.tree, 1)
        self.detail = FindingDetail()
        layout.addWidget(self.detail)

        self.tree.clicked.connect(self._jump_to)
        self.tree.activated.connect(self._jump_to)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        # What each of the panel's steps on the undo stack acted on, by the stack's index after
        # it (with the step's name, to tell it from a step pushed there since): an undo of that
        # step selects the finding it brings back, not the one that took its row.
        self._acted: dict[int, tuple[str, list[Finding]]] = {}
        self._restore: list[Finding] = []
        self._stack_index = document.stack.index()
        document.stack.indexChanged.connect(self._stack_moved)
        document.reset.connect(self._acted.clear)
        checker.updated.connect(self.refresh)
        self.refresh()

    def sizeHint(self) -> QSize:
        # A few rows high at first: the editor keeps most of the window.
        return QSize(600, 190)

    # --- showing the list -----------------------------------------------------------------------

    def refresh(self) -> None:
        ignored = self.checker.ignored_keys()
        self.model.set_findings(self.checker.findings, ignored, self.show_ignored.isChecked())
        if self._restore and not self.checker.pending:
            self._select_restored(self._restore[0])
            self._restore = []
        # The model moves the current row itself when its finding goes (fixed, ignored), and
        # the view says nothing of it: the line under the list follows here.
        self.detail.show_finding(self.model.finding_at(self.tree.currentIndex()))
        self._update_summary()
        self._update_actions()

    def _show_ignored_toggled(self, _on: bool) -> None:
        self.refresh()

    def _update_summary(self) -> None:
        visible = self.checker.visible()
        if not self.checker.checked:
            self.summary.setText(self.tr("正在检查…"))
            return
        if not visible:
            hidden = len(self.checker.findings)
            self.summary.setText(self.tr("没有发现问题。") if not hidden else
                                 self.tr("没有发现问题（另有 {0} 处已忽略）。").format(hidden))
            return
        counts = {s: sum(1 for f in visible if f.severity == s) for s in (ERROR, WARNING, HINT)}
        parts = [self.tr("错误 {0}").format(counts[ERROR]) if counts[ERROR] else "",
                 self.tr("警告 {0}").format(counts[WARNING]) if counts[WARNING] else "",
                 self.tr("提示 {0}").format(counts[HINT]) if counts[HINT] else ""]
        text = self.tr("共 {0} 处：").format(len(visible)) + " · ".join(p for p in parts if p)
        fixable = sum(1 for f in visible if f.fix is not None)
        if fixable:
            text += self.tr("；可自动修正 {0} 处").format(fixable)
        ignored = len(self.checker.findings) - len(visible)
        if ignored:
            text += self.tr("；已忽略 {0} 处").format(ignored)
        self.summary.setText(text)

    def _current_changed(self, current: QModelIndex, _previous=None) -> None:
        self.detail.show_finding(self.model.finding_at(current))
        self._update_actions()

    def _update_actions(self) -> None:
        index = self.tree.currentIndex()
        finding = self.model.finding_at(index)
        ignored = self.model.ignored
        chosen = self._chosen()
        self.fix_action.setEnabled(finding is not None and finding.fix is not None
                                   and finding.key not in ignored)
        group = self.model.group_at(index)
        rule_fixes = [f for f in group.findings if f.fix is not None and f.key not in ignored] \
            if group is not None else []
        self.fix_rule_action.setEnabled(bool(rule_fixes))
        self.fix_rule_action.setText(self.tr("本类全部修正（{0}）").format(len(rule_fixes))
                                     if rule_fixes else self.tr("本类全部修正"))
        everything = self._all_fixes()
        self.fix_all_action.setEnabled(bool(everything))
        self.fix_all_action.setText(self.tr("全部修正（{0}）").format(len(everything))
                                    if everything else self.tr("全部修正"))
        self.ignore_action.setEnabled(any(f.key not in ignored for f in chosen))
        self.unignore_action.setEnabled(any(f.key in ignored for f in chosen))

    def _chosen(self) -> list[Finding]:
        """The current finding, or every finding of the current rule row."""
        index = self.tree.currentIndex()
        finding = self.model.finding_at(index)
        if finding is not None:
            return [finding]
        group = self.model.group_at(index)
        return list(group.findings) if group is not None else []

    def _all_fixes(self) -> list[Finding]:
        ignored = self.model.ignored
        return [f for f in self.model.findings() if f.fix is not None and f.key not in ignored]

    def current_finding(self) -> Finding | None:
        return self.tree.current_finding()

    def select_finding(self, finding: Finding) -> bool:
        return self.tree.select_finding(finding)

    def _stack_moved(self, index: int) -> None:
        before, self._stack_index = self._stack_index, index
        step, stack = self._acted.get(before), self.document.stack
        if not isValid(stack) or not isValid(self):
            return                          # the window is closing: the stack goes with it
        if index < before and step is not None and stack.text(before - 1) == step[0]:
            self._restore = step[1]         # selected once the check after the undo is in
            if not self.checker.pending:    # an ignore undone: the list is already redrawn
                self.refresh()

    def _select_restored(self, finding: Finding) -> None:
        if self.tree.select_finding(finding):
            return
        place = (finding.rule, finding.location.container, finding.location.paragraph,
                 finding.text)
        for other in self.model.findings():
            if (other.rule, other.location.container, other.location.paragraph,
                    other.text) == place:
                self.tree.select_finding(other)
                return

    # --- acting ---------------------------------------------------------------------------------

    def _jump_to(self, index: QModelIndex) -> None:
        if self.model.finding_at(index) is None:
            return
        # Typing may have moved the text since the last check: check first, then take the
        # clicked finding where the check put it (the current index follows it).
        self._up_to_date()
        finding = self.model.finding_at(self.tree.currentIndex())
        if finding is not None:
            self.jump.emit(finding.location)

    def _up_to_date(self) -> None:
        """Check now if typing left a check waiting, so the action works on the text as it is."""
        if self.checker.pending:
            self.checker.run()

    def _execute(self, build, text: str, acted: list[Finding]) -> None:
        try:
            self.document.execute(build(), text)
        except OperationError as error:
            self.message.emit(str(error))
        else:
            stack = self.document.stack
            after = stack.index()
            self._acted = {k: v for k, v in self._acted.items() if k < after}
            self._acted[after] = (stack.text(after - 1), acted)
        self.checker.run()       # the list follows at once, not after the typing pause

    def fix_current(self) -> None:
        self._up_to_date()
        finding = self.current_finding()
        if finding is None or finding.fix is None:
            return
        speech = self.document.speech
        self._execute(lambda: fix_edit(speech, finding, self._ignored_findings()),
                      self.tr("修正：{0}").format(BY_ID[finding.rule].description), [finding])

    def fix_rule(self) -> None:
        self._up_to_date()
        group = self.model.group_at(self.tree.currentIndex())
        if group is None:
            return
        ignored = self.model.ignored
        fixes = [f for f in group.findings if f.fix is not None and f.key not in ignored]
        if fixes:
            speech = self.document.speech
            self._execute(lambda: fix_all_edit(speech, fixes, self._ignored_findings()),
                          self.tr("全部修正：{0}（{1} 处）")
                          .format(group.rule.description, len(fixes)), fixes)

    def fix_everything(self) -> None:
        self._up_to_date()
        fixes = self._all_fixes()
        if fixes:
            speech = self.document.speech
            self._execute(lambda: fix_all_edit(speech, fixes, self._ignored_findings()),
                          self.tr("全部修正（{0} 处）").format(len(fixes)), fixes)

    def _ignored_findings(self) -> list[Finding]:
        """The ignored ones among the last check's findings: a fix beside one keeps it ignored."""
        ignored = self.checker.ignored_keys()
        return [f for f in self.checker.findings if f.key in ignored]

    def ignore_current(self) -> None:
        self._up_to_date()
        ignored = self.model.ignored
        chosen = [f for f in self._chosen() if f.key not in ignored]
        if chosen:
            speech = self.document.speech
            self._execute(lambda: ignore_edit(speech, chosen),
                          self.tr("忽略检查结果（{0} 处）").format(len(chosen)), chosen)

    def unignore_current(self) -> None:
        self._up_to_date()
        ignored = self.model.ignored
        keys = [f.key for f in self._chosen() if f.key in ignored]
        if keys:
            speech = self.document.speech
            self._execute(lambda: unignore_edit(speech, keys),
                          self.tr("取消忽略（{0} 处）").format(len(keys)), [])


class CheckDock(QDockWidget):
    """The dock around the panel: closable, movable, its place kept with the window's."""

    def __init__(self, panel: CheckPanel, parent=None):
        super().__init__(self.tr("检查"), parent)
        self.setObjectName("check-dock")
        self.panel = panel
        self.setWidget(panel)
        self.toggleViewAction().setText(self.tr("检查(&K)"))
