"""讲稿信息's time budget: the target speaking time and this speaker's rate, kept in the speech.

Both are set by one core edit (``SetBudget``), so the speech counts as modified and the values
are saved with it.  In the 讲稿信息 dialog the edit goes with the head fields when the writer
presses OK (``budget_edit``); in the one-section editor's head page (``live``) every change is
its own undo step, arrow clicks in a row merging like typing.  A value is taken when the writer
presses Enter, leaves the box or clicks an arrow, not at every digit (「1」 on the way to 「150」
is no rate).  Under the boxes: how long the speech takes at that rate, against that target.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QLabel, QSpinBox, QWidget

from ..core.edits import Changes
from ..core.errors import OperationError
from ..core.speech import Speech
from ..core.stats import DEFAULT_RATE, MAX_RATE, MIN_RATE
from ..core.time_budget import MAX_TARGET_MINUTES, SetBudget, time_budget
from . import budget_text
from .document import Document
from .outline_budget import CountMemo


class MinutesBox(QDoubleSpinBox):
    """Minutes with one decimal, shown without a trailing 「.0」 (「5 分钟」, 「7.5 分钟」)."""

    def textFromValue(self, value: float) -> str:
        return f"{value:g}"


def budget_edit(speech: Speech, target: float | None, rate: int | None) -> SetBudget | None:
    """The edit that sets these values; None when the speech has them already."""
    if (target, rate) == (speech.target_minutes, speech.speaking_rate):
        return None
    return SetBudget(target, rate)


class BudgetFields(QWidget):
    message = Signal(str)

    def __init__(self, speech: Callable[[], Speech],
                 default_rate: Callable[[], int] = lambda: DEFAULT_RATE, parent=None):
        super().__init__(parent)
        self._speech = speech
        self.default_rate = default_rate
        self.document: Document | None = None
        self._loading = False
        self._estimate_stale = True
        self._memo = CountMemo()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.target = MinutesBox()
        self.target.setRange(0, MAX_TARGET_MINUTES)
        self.target.setDecimals(1)
        self.target.setSingleStep(1)
        self.target.setSuffix(self.tr(" 分钟"))
        self.target.setSpecialValueText(self.tr("不设目标"))
        self.target.setKeyboardTracking(False)
        self.target.setToolTip(self.tr("这篇讲话要讲多长时间；提纲按它标出超时的部分"))
        self.rate = QSpinBox()
        # One below the lowest rate stands for 「按设置」: the rate from the settings.
        self.rate.setRange(MIN_RATE - 1, MAX_RATE)
        self.rate.setSingleStep(10)
        self.rate.setSuffix(self.tr(" 字/分钟"))
        self.rate.setKeyboardTracking(False)
        self.rate.setToolTip(self.tr("这位领导每分钟读多少字（常见 150～200）"))
        self.estimate = QLabel()
        self.estimate.setStyleSheet("color: gray;")
        form.addRow(self.tr("目标时长"), self.target)
        form.addRow(self.tr("语速"), self.rate)
        form.addRow("", self.estimate)
        self.target.valueChanged.connect(self._edited)
        self.rate.valueChanged.connect(self._edited)
        self.load()

    def live(self, document: Document) -> None:
        """Edit the open speech directly: each change an undo step, undo shown at once."""
        self.document = document
        document.content_changed.connect(self._content_changed)
        document.reset.connect(self.load)

    def load(self) -> None:
        speech = self._speech()
        self._loading = True
        try:
            self.rate.setSpecialValueText(self.tr("按设置（{0} 字/分钟）").format(self.default_rate()))
            self.target.setValue(speech.target_minutes or 0)
            self.rate.setValue(speech.speaking_rate or MIN_RATE - 1)
        finally:
            self._loading = False
        self._estimate_stale = True
        if self.isVisible():
            self._show_estimate()

    def values(self) -> tuple[float | None, int | None]:
        target = self.target.value()
        rate = self.rate.value()
        return (round(target, 1) or None), (rate if rate >= MIN_RATE else None)

    def _content_changed(self, changes: Changes) -> None:
        if changes.head:
            self.load()          # an undo, or the other box
        elif changes.containers or changes.headings or changes.structure:
            self._estimate_stale = True
            if self.isVisible():
                self._show_estimate()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._estimate_stale:
            self._show_estimate()

    def _edited(self, *_args) -> None:
        if self._loading:
            return
        self._show_estimate()
        if self.document is None:
            return              # the dialog's OK sets them
        edit = budget_edit(self.document.speech, *self.values())
        if edit is None:
            return
        try:
            self.document.execute(edit, self.tr("设定讲话时长"), ("budget",))
        except OperationError as error:
            self.message.emit(str(error))
            self.load()

    def _show_estimate(self) -> None:
        """How long the speech takes at the rate in the box, against the target in the box."""
        self._estimate_stale = False
        target, rate = self.values()
        rate = rate or self.default_rate()
        budget = time_budget(self._speech(), rate, target or 0, count=self._memo)
        self._memo.end_pass()
        text = self.tr("按每分钟 {0} 字，全文约讲{1}").format(rate, budget_text.duration(budget.seconds))
        if target:
            gap = budget.seconds - round(target * 60)
            text += (self.tr("，超出目标{0}").format(budget_text.duration(gap)) if gap > 0 else
                     self.tr("，比目标少{0}").format(budget_text.duration(-gap)) if gap < 0 else "")
        self.estimate.setText(text + self.tr("。"))
