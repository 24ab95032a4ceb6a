"""讲稿信息's time budget: the target speaking time and this speaker's rate, kept in the speech.

Both go through one core edit (``SetBudget``) on the undo stack, so the speech counts as
modified and the values are saved with it.  Arrow clicks in a row merge into one undo step
like typing does; a value is taken when the writer presses Enter, leaves the box or clicks an
arrow (not at every digit: 「1」 on the way to 「150」 is no rate).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QLabel, QSpinBox, QWidget

from ..core.edits import Changes
from ..core.errors import OperationError
from ..core.stats import DEFAULT_RATE, MAX_RATE, MIN_RATE
from ..core.time_budget import MAX_TARGET_MINUTES, SetBudget, time_budget
from . import budget_text
from .document import Document
from .outline_budget import CountMemo


class MinutesBox(QDoubleSpinBox):
    """Minutes with one decimal, shown without a trailing 「.0」 (「5 分钟」, 「7.5 分钟」)."""

    def textFromValue(self, value: float) -> str:
        return f"{value:g}"


class BudgetFields(QWidget):
    message = Signal(str)

    def __init__(self, document: Document, default_rate: Callable[[], int] = lambda: DEFAULT_RATE,
                 parent=None):
        super().__init__(parent)
        self.document = document
        self.default_rate = default_rate
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
        self.target.valueChanged.connect(self._commit)
        self.rate.valueChanged.connect(self._commit)
        document.content_changed.connect(self._content_changed)
        document.reset.connect(self.load)
        self.load()

    def load(self) -> None:
        speech = self.document.speech
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

    def values(self) -> tuple[float | None, int | None]:
        target = self.target.value()
        rate = self.rate.value()
        return (round(target, 1) or None), (rate if rate >= MIN_RATE else None)

    def _commit(self, *_args) -> None:
        if self._loading:
            return
        target, rate = self.values()
        speech = self.document.speech
        if (target, rate) == (speech.target_minutes, speech.speaking_rate):
            return
        try:
            self.document.execute(SetBudget(target, rate), self.tr("设定讲话时长"), ("budget",))
        except OperationError as error:
            self.message.emit(str(error))
            self.load()

    def _show_estimate(self) -> None:
        self._estimate_stale = False
        speech = self.document.speech
        rate = speech.speaking_rate or self.default_rate()
        budget = time_budget(speech, rate, count=self._memo)
        self._memo.end_pass()
        text = self.tr("按每分钟 {0} 字，全文约讲{1}").format(rate, budget_text.duration(budget.seconds))
        if budget.target_seconds:
            gap = budget.seconds - budget.target_seconds
            text += (self.tr("，超出目标{0}").format(budget_text.duration(gap)) if gap > 0 else
                     self.tr("，比目标少{0}").format(budget_text.duration(-gap)) if gap < 0 else "")
        self.estimate.setText(text + self.tr("。"))
