"""The outline's second column: each row's 字数, speaking time and share of the target time.

The figures come from ``core/time_budget.py`` (the even split of the target among the sections:
a section over its part is marked in red).  They are computed :data:`DELAY_MS` after an edit,
not inside it, so that neither a keystroke nor a drag in the outline waits for them: until
then the column shows the figures from before the edit (a move changes a section's count only
by the characters of its new number).  Counting goes through a memo of the texts counted the
last time (``CountMemo``), so after a keystroke only the changed section is counted again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QColor

from ..core.speech import CLOSING, HEAD, OPENING
from ..core.stats import DEFAULT_RATE, Count, count_text, seconds_for
from ..core.time_budget import Budget, SectionBudget, time_budget
from . import budget_text
from .document import Document

DELAY_MS = 150
OVER = QColor(0xC0, 0x39, 0x2B)      # 公文红, as the outline's drop indicator
QUIET = QColor(0x80, 0x80, 0x80)


class Figures(NamedTuple):
    text: str        # 「1966字 10分55秒 36%」
    over: bool       # longer than its even part of the target
    tip: str
    short: str       # without the 字数, where the full text does not fit: 「10分55秒 36%」


NONE = Figures("", False, "", "")


class CountMemo:
    """``count_text`` remembering the texts of the last pass (so it never outgrows the speech)."""

    def __init__(self):
        self._last: dict[str, Count] = {}
        self._now: dict[str, Count] = {}

    def __call__(self, text: str) -> Count:
        found = self._now.get(text)
        if found is None:
            found = self._last.get(text)
            if found is None:
                found = count_text(text)
            self._now[text] = found
        return found

    def end_pass(self) -> None:
        self._last, self._now = self._now, {}


class OutlineBudget(QObject):
    # New figures: the outline repaints its second column.
    changed = Signal()

    def __init__(self, document: Document, level3_style: Callable[[], str],
                 default_rate: Callable[[], int] = lambda: DEFAULT_RATE, parent=None):
        super().__init__(parent)
        self.document = document
        self._level3_style = level3_style
        self.default_rate = default_rate
        self._memo = CountMemo()
        self.budget: Budget | None = None
        self._rows: dict[str, SectionBudget] = {}
        self._frame: dict[str, tuple[int, int]] = {}     # OPENING / CLOSING: (字数, seconds)
        self._texts: dict[str, Figures] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        document.content_changed.connect(lambda _changes: self._timer.start())
        document.structure_changed.connect(self._timer.start)
        document.reset.connect(self._reset)
        self._timer.start()       # the first count, once the window is up

    def rate(self) -> int:
        return self.document.speech.speaking_rate or self.default_rate()

    def _reset(self) -> None:
        self.budget = None        # another speech: counted shortly, and said when it is
        self._texts = {}
        self._timer.start()

    def schedule(self) -> None:
        self._timer.start()

    def refresh(self) -> None:
        """Compute the figures now and say so."""
        self._timer.stop()
        self._compute()
        self.changed.emit()

    def _compute(self) -> None:
        speech = self.document.speech
        rate = self.rate()
        memo = self._memo
        self.budget = budget = time_budget(speech, rate, None, self._level3_style(), memo)
        opening = memo(speech.salutation + "".join(speech.opening)).total
        closing = memo("".join(speech.closing)).total
        memo.end_pass()
        self._rows = {row.section_id: row for row in budget.sections}
        self._frame = {OPENING: (opening, seconds_for(opening, rate)),
                       CLOSING: (closing, seconds_for(closing, rate))}
        self._texts = {}

    def current(self) -> Budget:
        """The figures of the speech as it is now (computed now if an edit is waiting)."""
        if self.budget is None or self._timer.isActive():
            self.refresh()
        assert self.budget is not None
        return self.budget

    # --- what a row shows -------------------------------------------------------------------------

    def row(self, key: str) -> Figures:
        """What is shown beside an outline row; empty until the first count of a speech, which
        comes :data:`DELAY_MS` after it is shown (the window opens without waiting for it)."""
        if self.budget is None:
            return NONE
        found = self._texts.get(key)
        if found is None:
            found = self._texts[key] = self._row(key)
        return found

    def _row(self, key: str) -> Figures:
        budget = self.budget
        assert budget is not None
        tr = self.tr
        if key == HEAD:
            text = budget_text.duration(budget.seconds)
            tip = tr("全文讲话约{0}（每分钟{1}字）").format(budget_text.duration(budget.seconds),
                                                   budget.rate)
            if budget.target_seconds:
                text += " / " + budget_text.minutes_text(budget.target_seconds / 60)
                tip += tr("，目标{0}").format(budget_text.minutes_text(budget.target_seconds / 60))
                if budget.over:
                    tip += tr("，超出{0}").format(
                        budget_text.duration(budget.seconds - budget.target_seconds))
            return Figures(text, budget.over, tip + tr("。在“讲稿信息”里设定目标时长和语速。"), text)
        if key in self._frame:
            count, seconds = self._frame[key]
            if not count:
                return NONE
            time = budget_text.duration(seconds)
            return Figures(f"{budget_text.characters(count)} {time}", False,
                           tr("{0}，约{1}").format(budget_text.characters(count), time), time)
        row = self._rows.get(key)
        if row is None:
            return NONE               # a section added since the last count: shown shortly
        short = budget_text.duration(row.seconds)
        text = f"{budget_text.characters(row.characters)} {short}"
        tip = tr("本节（含下级）{0}，约{1}").format(budget_text.characters(row.characters),
                                                 budget_text.duration(row.seconds))
        if row.share is not None:
            text += " " + budget_text.share_text(row.share)
            short += " " + budget_text.share_text(row.share)
            tip += tr("，占目标时长的 {0}").format(budget_text.share_text(row.share))
        if row.allowance is not None:
            tip += tr("。按目标平均分配，本节约{0}").format(
                budget_text.duration(round(row.allowance)))
            if row.over:
                tip += tr("，超出{0}").format(budget_text.duration(
                    row.seconds - round(row.allowance)))
        return Figures(text, row.over, tip + tr("。"), short)
