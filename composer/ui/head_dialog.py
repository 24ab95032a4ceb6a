"""讲稿信息: the head fields (title, subtitle, speaker, date, salutation) and the 落款 in one
dialog.

The document view edits the head lines in place, but the page leaves out the empty ones (a
speech without a subtitle prints none), so this is where a writer fills them in.  OK changes
every field that differs as one undo step, with the time budget (target time and speaking
rate, ``budget_fields.py``) when it changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from ..core import operations as ops
from ..core.edits import Batch, Edit
from ..core.speech import TEXT_FIELDS, Speech
from . import settings
from .budget_fields import BudgetFields, budget_edit
from .editor_pane import HeadForm

# The key of ask_head_fields' answer that holds (target minutes, speaking rate).
BUDGET = "budget"


class HeadDialog(QDialog):
    def __init__(self, speech: Speech, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("讲稿信息"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.form = HeadForm(in_editor=False)
        for name, field in self.form.fields.items():
            field.setText(getattr(speech, name))
        layout.addWidget(self.form)
        self.budget = BudgetFields(lambda: speech, settings.speaking_rate)
        layout.addWidget(self.budget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {name: field.text() for name, field in self.form.fields.items()}
        values[BUDGET] = self.budget.values()
        return values


def ask_head_fields(parent, speech: Speech) -> dict[str, Any] | None:
    """The head fields as the writer leaves them in the dialog; None when cancelled.
    Tests replace this."""
    dialog = HeadDialog(speech, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.values()


def head_edit(speech: Speech, values: dict[str, Any]) -> Batch | None:
    """One edit setting every head field that differs, and the budget when it does; None
    when nothing does."""
    edits: list[Edit] = [ops.set_head_field(speech, name, values[name]) for name in TEXT_FIELDS
             if name in values and values[name] != getattr(speech, name)]
    budget = budget_edit(speech, *values[BUDGET]) if BUDGET in values else None
    if budget is not None:
        edits.append(budget)
    return Batch(edits) if edits else None
