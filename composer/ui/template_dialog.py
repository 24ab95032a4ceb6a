"""新建: the dialog that starts a speech from a blank page or from a meeting-kind template.

For a template the writer sees its title pattern, picks the salutation, and may pick a library
snippet for each of the template's parts (the suggestions are the snippets of the part's kinds,
level-1 sections first, those not used recently first); a part left at 「按模板」 keeps the
template's heading, to be written.  The speech itself is made by the core (core/templates.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QListWidget, QListWidgetItem, QScrollArea, QVBoxLayout,
                               QWidget)

from ..core import usage
from ..core.library import PARAGRAPH, Snippet
from ..core.speech import Speech
from ..core.templates import Template, make_speech, suggestions
from . import budget_text

MAX_SUGGESTIONS = 30
LABEL_LENGTH = 34


def snippet_label(snippet: Snippet, index: usage.UsageIndex | None) -> str:
    """「统一思想，提高认识……　1373字」: the length too, since a whole level-1 section can be a
    quarter of an hour of speaking, and the writer picks four of them here at once."""
    text = snippet.heading or (snippet.paragraphs[0] if snippet.paragraphs else snippet.id)
    if len(text) > LABEL_LENGTH:
        text = text[:LABEL_LENGTH] + "…"
    text += "　" + budget_text.characters(budget_text.snippet_count(snippet).total)
    uses = index.uses_of(snippet.id) if index is not None else []
    return f"{text}　〔{usage.month_of(uses[0].date)}用过〕" if uses else text


class NewSpeechDialog(QDialog):
    def __init__(self, templates: list[Template], snippets: list[Snippet],
                 usage_index: usage.UsageIndex | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.templates = templates
        self.snippets = snippets
        self.usage_index = usage_index
        self._template_tags: list[str] = []
        self.setWindowTitle(self.tr("新建讲稿"))
        layout = QHBoxLayout(self)
        self.kinds = QListWidget()
        self.kinds.setMaximumWidth(180)
        blank = QListWidgetItem(self.tr("空白讲稿"))
        blank.setData(Qt.ItemDataRole.UserRole, None)
        self.kinds.addItem(blank)
        for template in templates:
            item = QListWidgetItem(template.kind)
            item.setData(Qt.ItemDataRole.UserRole, template.id)
            item.setToolTip(template.description)
            self.kinds.addItem(item)
        layout.addWidget(self.kinds)
        right = QVBoxLayout()
        self.description = QLabel()
        self.description.setWordWrap(True)
        right.addWidget(self.description)
        self.parts_area = QScrollArea()
        self.parts_area.setWidgetResizable(True)
        right.addWidget(self.parts_area, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("新建"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        right.addWidget(buttons)
        layout.addLayout(right, 1)
        self.salutation = QComboBox()
        self.opening = QComboBox()
        self.closing = QComboBox()
        self.parts: list[QComboBox] = []
        self.kinds.currentRowChanged.connect(self._show_template)
        self.kinds.setCurrentRow(1 if templates else 0)
        self.resize(760, 520)

    # --- showing a template ------------------------------------------------------------------------

    def template(self) -> Template | None:
        item = self.kinds.currentItem()
        wanted = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((t for t in self.templates if t.id == wanted), None)

    def select_kind(self, kind: str) -> None:
        for row in range(self.kinds.count()):
            template = next((t for t in self.templates
                             if t.id == self.kinds.item(row).data(Qt.ItemDataRole.UserRole)), None)
            if template is not None and template.kind == kind:
                self.kinds.setCurrentRow(row)
                return
        raise KeyError(kind)

    def _last_used(self) -> Callable[[Snippet], str] | None:
        index = self.usage_index
        return (lambda s: index.last_used(s.id)) if index is not None else None

    def _combo(self, kinds: list[str], keep: str, sections_only: bool = False) -> QComboBox:
        combo = QComboBox()
        # Long snippet headings must not widen the dialog: the list shows them in full.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(24)
        combo.addItem(keep, None)
        found = suggestions(kinds, self.snippets, self._template_tags, self._last_used())
        if sections_only:
            found = [s for s in found if s.level in (1, PARAGRAPH)]
        else:
            found = [s for s in found if s.level == PARAGRAPH]
        for snippet in found[:MAX_SUGGESTIONS]:
            combo.addItem(snippet_label(snippet, self.usage_index), snippet)
            combo.setItemData(combo.count() - 1, snippet.text()[:300], Qt.ItemDataRole.ToolTipRole)
        return combo

    def _show_template(self, _row: int) -> None:
        template = self.template()
        form_host = QWidget()
        form = QFormLayout(form_host)
        self.parts = []
        if template is None:
            self.description.setText(self.tr("一篇空白讲稿。"))
            self.parts_area.setWidget(form_host)
            return
        self._template_tags = template.tags
        self.description.setText(template.description)
        form.addRow(self.tr("标题"), QLabel(template.title))
        self.salutation = QComboBox()
        self.salutation.addItems(template.salutations)
        self.salutation.setEditable(True)
        form.addRow(self.tr("称呼"), self.salutation)
        self.opening = self._combo(template.opening_kinds, self.tr("按模板的开头"))
        form.addRow(self.tr("开头"), self.opening)
        for number, part in enumerate(template.sections, start=1):
            combo = self._combo(part.kinds, self.tr("按模板：{0}").format(part.heading),
                                sections_only=True)
            combo.setToolTip(part.hint)
            label = QLabel(self.tr("第 {0} 部分").format(number))
            label.setToolTip(part.hint)
            form.addRow(label, combo)
            self.parts.append(combo)
        self.closing = self._combo(template.closing_kinds, self.tr("按模板的结尾"))
        form.addRow(self.tr("结尾"), self.closing)
        self.parts_area.setWidget(form_host)

    # --- the result --------------------------------------------------------------------------------

    def speech(self) -> Speech:
        """The speech the writer asked for (a blank one for 空白讲稿)."""
        template = self.template()
        if template is None:
            return Speech()
        fill = {i: combo.currentData() for i, combo in enumerate(self.parts)
                if combo.currentData() is not None}
        return make_speech(template, fill, opening=self.opening.currentData(),
                           closing=self.closing.currentData(),
                           salutation=self.salutation.currentText())


def ask_new_speech(parent: QWidget | None, templates: list[Template], snippets: list[Snippet],
                   usage_index: usage.UsageIndex | None = None) -> tuple[Speech, str] | None:
    """新建: (the new speech, what the window title calls it until it is saved), or None when
    the writer cancels.  Tests replace this function."""
    dialog = NewSpeechDialog(templates, snippets, usage_index, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    template = dialog.template()
    origin = "" if template is None else QCoreApplication.translate(
        "NewSpeechDialog", "新讲稿（{0}）").format(template.kind)
    return dialog.speech(), origin
