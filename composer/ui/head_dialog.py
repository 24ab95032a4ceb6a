"""讲稿信息: the head fields (title, subtitle, speaker, date, salutation) and the 落款 in one
dialog.

The document view edits the head lines in place, but the page leaves out the empty ones (a
speech without a subtitle prints none), so this is where a writer fills them in.  OK changes
every field that differs as one undo step.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from ..core import operations as ops
from ..core.edits import Batch, Edit
from ..core.speech import TEXT_FIELDS, Speech
from .editor_pane import HeadForm


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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        return {name: field.text() for name, field in self.form.fields.items()}


def ask_head_fields(parent, speech: Speech) -> dict[str, str] | None:
    """The head fields as the writer leaves them in the dialog; None when cancelled.
    Tests replace this."""
    dialog = HeadDialog(speech, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.values()


def head_edit(speech: Speech, values: dict[str, str]) -> Batch | None:
    """One edit setting every head field that differs; None when nothing does."""
    edits: list[Edit] = [ops.set_head_field(speech, name, values[name]) for name in TEXT_FIELDS
             if name in values and values[name] != getattr(speech, name)]
    return Batch(edits) if edits else None
