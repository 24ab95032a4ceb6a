"""The editor pane: the head fields, or the selected section's heading and paragraphs, or the
opening / closing paragraphs.

Typing changes the speech through the undo stack only.  Every change of a field is committed at
once (so the outline, the counts and a save always see what is on screen, and Undo is always
available); consecutive commits to the same field merge into one undo step per burst of typing,
which ends when the writer pauses, leaves the field or does something else.  Chinese input methods
work as in any Qt text field: commits arrive as QInputMethodEvent and the candidate window
follows the text cursor (QTextEdit answers ImCursorRectangle).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMenu,
                               QStackedWidget, QTextEdit, QVBoxLayout, QWidget)

from ..core import operations as ops
from ..core.edits import Changes, Edit
from ..core.errors import OperationError
from ..core.speech import CLOSING, HEAD, HEAD_FIELDS, OPENING, SIGNATURE_FIELDS, Speech
from . import services
from .document import Document


def field_menu(field: QWidget, document: Document) -> QMenu:
    """A text field's context menu with Undo and Redo of the speech's history (the field's own
    history is off, so Qt's entries would always be greyed out)."""
    menu = field.createStandardContextMenu()  # type: ignore[attr-defined]
    stack = document.stack
    translate = QCoreApplication.translate
    for name, text, slot, enabled, keys in (
            ("edit-undo", translate("EditorPane", "撤销"), document.undo, stack.canUndo(),
             QKeySequence.StandardKey.Undo),
            ("edit-redo", translate("EditorPane", "重做"), document.redo, stack.canRedo(),
             QKeySequence("Ctrl+Y"))):
        own = next((a for a in menu.actions() if a.objectName() == name), None)
        action = QAction(text, menu)
        action.setShortcut(QKeySequence(keys))
        action.setEnabled(enabled)
        action.triggered.connect(slot)
        if own is not None:
            menu.insertAction(own, action)
            menu.removeAction(own)
        else:
            menu.insertAction(menu.actions()[0] if menu.actions() else None, action)
    return menu


def is_history_key(event) -> bool:
    """Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z, whatever the platform's own keys for undo and redo."""
    control, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    return (event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
            or (event.key() == Qt.Key.Key_Y and event.modifiers() == control)
            or (event.key() == Qt.Key.Key_Z and event.modifiers() == control | shift))


class FieldEvents(QObject):
    """Leaves Ctrl+Z / Ctrl+Y to the window's undo actions (the text fields would otherwise keep
    their own, separate history), gives the fields a context menu whose Undo and Redo are the
    speech's, and ends the typing burst when a field loses focus."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self._document = document

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and is_history_key(event):
            event.ignore()
            return True
        if event.type() == QEvent.Type.ContextMenu:
            field = watched.parent() if isinstance(watched.parent(), QTextEdit) else watched
            field_menu(field, self._document).exec(event.globalPos())
            return True
        if event.type() == QEvent.Type.FocusOut:
            self._document.close_merge()
        return False


class ParagraphEdit(QTextEdit):
    """One paragraph per block: Enter starts a new paragraph; pasted text is cleaned.

    A QTextEdit holding plain text only (QPlainTextEdit's layout ignores paragraph indents,
    and the indent is what tells a paragraph from a wrapped line)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)  # the document's undo stack is the only history
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() + 1.5)
        self.setFont(font)

    def paragraphs(self) -> list[str]:
        document = self.document()
        if document.isEmpty():
            return []
        texts, block = [], document.begin()
        while block.isValid():
            texts.append(block.text().replace("\u2028", "").replace("\u2029", ""))
            block = block.next()
        return texts

    def set_paragraphs(self, paragraphs: list[str]) -> None:
        position = self.textCursor().position()
        self.setPlainText("\n".join(paragraphs))
        self._format_blocks()
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(self.toPlainText())))
        self.setTextCursor(cursor)

    def _format_blocks(self) -> None:
        """Indent each paragraph's first line by two characters and space the paragraphs, so
        that a paragraph is told from a wrapped line at a glance (as on the printed page)."""
        block_format = QTextBlockFormat()
        block_format.setTextIndent(2 * self.fontMetrics().horizontalAdvance("中"))
        block_format.setBottomMargin(6)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setBlockFormat(block_format)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # Shift+Enter would insert a line break inside the paragraph; a speech has none.
            self.textCursor().insertBlock()
            self.ensureCursorVisible()
            return
        super().keyPressEvent(event)

    # Set by the editor pane: pasted headings become sections (core/paste.py), not text.
    on_headings: Callable[[object], None] | None = None

    def insertFromMimeData(self, source) -> None:
        if not source.hasText():
            return
        plan = services.plan_paste(source.text())
        paragraphs = plan.paragraphs
        if plan.sections and self.on_headings is None:
            paragraphs = services.clean_paste(source.text())    # nowhere to put sections
        if paragraphs:
            self.textCursor().insertText("\n".join(paragraphs))
            self.ensureCursorVisible()
        if plan.sections and self.on_headings is not None:
            self.on_headings(plan)


class TitleEdit(QLineEdit):
    """The title field: Shift+Enter sets a line break where the printed title is to break
    (shown as a space here; the line under the field shows the printed lines)."""

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.insert("\n")      # a user edit: emits textEdited like typing
            return
        super().keyPressEvent(event)


class HeadForm(QWidget):
    """Title, subtitle, speaker, date, salutation, and the optional 落款 (unit and date)
    (``in_editor``: with a caption and a note, as the focus editor shows them; without, in the
    讲稿信息 dialog)."""

    def __init__(self, parent=None, in_editor: bool = True):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        if in_editor:
            caption = QLabel(self.tr("讲稿信息"))
            caption.setStyleSheet("font-weight: bold; font-size: 14pt;")
            layout.addWidget(caption)
        else:
            layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        layout.addLayout(form)
        labels = {"title": self.tr("标题"), "subtitle": self.tr("副标题"),
                  "speaker": self.tr("讲话人"), "date": self.tr("日期"),
                  "salutation": self.tr("称呼")}
        hints = {"title": self.tr("例如：在创建省级文明单位动员大会上的讲话"),
                 "subtitle": self.tr("可不填"), "speaker": self.tr("例如：局党组书记、局长　王建国"),
                 "date": self.tr("例如：2024年3月15日"), "salutation": self.tr("例如：同志们：")}
        labels.update({"signature": self.tr("落款单位"), "signature_date": self.tr("落款日期")})
        hints.update({"signature": self.tr("可不填；填写后在文末右下方排印单位和日期"),
                      "signature_date": self.tr("留空则用上面的日期")})
        self.fields: dict[str, QLineEdit] = {}
        for name in HEAD_FIELDS + SIGNATURE_FIELDS:
            field = TitleEdit() if name == "title" else QLineEdit()
            field.setPlaceholderText(hints[name])
            form.addRow(labels[name], field)
            self.fields[name] = field
            if name == "title":
                field.setToolTip(self.tr("Shift+Enter 在此处分行；不分行时，过长的标题在词语之间自动分行"))
                self.title_lines = QLabel()
                self.title_lines.setStyleSheet("color: gray;")
                self.title_lines.setWordWrap(True)
                form.addRow("", self.title_lines)
        if in_editor:
            note = QLabel(self.tr("开头和结尾的段落在提纲里的“开头”“结尾”中编辑。"))
            note.setStyleSheet("color: gray;")
            note.setWordWrap(True)
            layout.addWidget(note)
            layout.addStretch(1)


class SectionForm(QWidget):
    """A section's heading (with its number) and paragraphs; for 开头/结尾 only paragraphs."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.caption = QLabel()
        self.caption.setStyleSheet("font-weight: bold; font-size: 14pt;")
        layout.addWidget(self.caption)
        self.heading_row = QWidget()
        row = QHBoxLayout(self.heading_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.marker = QLabel()
        self.heading = QLineEdit()
        self.heading.setPlaceholderText(self.tr("标题（不含序号，序号自动生成）"))
        self.run_in = QCheckBox(self.tr("标题接排"))
        self.run_in.setToolTip(self.tr("导出时标题与第一段正文排在同一段：“（一）压实责任。正文……”"))
        row.addWidget(self.marker)
        row.addWidget(self.heading, 1)
        row.addWidget(self.run_in)
        layout.addWidget(self.heading_row)
        self.text = ParagraphEdit()
        self.text.setPlaceholderText(self.tr("在这里输入正文。按 Enter 另起一段。"))
        layout.addWidget(self.text, 1)


class EditorPane(QStackedWidget):
    message = Signal(str)

    def __init__(self, document: Document, marker_of, parent=None):
        """``marker_of(section_id)`` gives the computed number shown before the heading."""
        super().__init__(parent)
        self.document = document
        self.marker_of = marker_of
        self.key: str | None = None
        self._loading = False
        self._committing = False
        self.empty = QLabel(self.tr("在提纲中选择一项进行编辑。"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: gray;")
        self.head = HeadForm()
        self.section = SectionForm()
        for page in (self.empty, self.head, self.section):
            self.addWidget(page)

        self._events = FieldEvents(document, self)
        for field in [*self.head.fields.values(), self.section.heading, self.section.text]:
            field.installEventFilter(self._events)
        self.section.text.viewport().installEventFilter(self._events)   # its context menu
        for field in self.head.fields.values():
            field.textEdited.connect(self._commit_head)
        self.section.heading.textEdited.connect(self._commit_heading)
        self.section.text.textChanged.connect(self._text_changed)
        self.section.text.on_headings = self._paste_headings
        self.section.run_in.toggled.connect(self._commit_run_in)
        # The time budget under the head fields (讲稿信息): its own edit, SetBudget.
        from .budget_fields import BudgetFields
        self.budget = BudgetFields(lambda: document.speech)
        self.budget.live(document)
        self.budget.message.connect(self.message)
        head_layout = self.head.layout()
        assert isinstance(head_layout, QVBoxLayout)
        head_layout.insertWidget(2, self.budget)      # under the fields

        document.content_changed.connect(self._content_changed)
        document.structure_changed.connect(self._structure_changed)
        document.reset.connect(self._on_reset)
        self.show_key(None)

    # --- what is shown ------------------------------------------------------------------------------

    def show_key(self, key: str | None) -> None:
        """Show the head fields (HEAD), the opening, the closing or a section (its id)."""
        if key != self.key:
            self.document.close_merge()
        self.key = key
        self._loading = True
        try:
            if key == HEAD:
                self.setCurrentWidget(self.head)
                self._load_head()
            elif key in (OPENING, CLOSING) or self._section():
                self.setCurrentWidget(self.section)
                self._load_section()
            else:
                self.key = None
                self.setCurrentWidget(self.empty)
        finally:
            self._loading = False

    def _on_reset(self) -> None:
        self.show_key(None)

    def _section(self):
        if self.key in (None, HEAD, OPENING, CLOSING):
            return None
        try:
            return self.document.speech.find(self.key)
        except KeyError:
            return None

    def _load_head(self) -> None:
        for name, field in self.head.fields.items():
            value = getattr(self.document.speech, name)
            if field.text() != value:
                field.setText(value)
        self._show_title_lines()

    def _show_title_lines(self) -> None:
        """How the title will print: shown when it takes more than one line."""
        from . import settings
        lines = services.title_lines(self.document.speech.title, settings.format_profile() or None)
        self.head.title_lines.setText(self.tr("印出时分为 {0} 行：{1}").format(
            len(lines), "／".join(lines)) if len(lines) > 1 else "")

    def _load_section(self) -> None:
        form = self.section
        section = self._section()
        if section is None:
            form.caption.setText(self.tr("开头") if self.key == OPENING else self.tr("结尾"))
            form.heading_row.hide()
            paragraphs = self.document.speech.paragraphs_of(self.key or OPENING)
        else:
            form.caption.setText(self._level_name())
            form.heading_row.show()
            form.marker.setText(self.marker_of(section.id))
            if form.heading.text() != section.heading:
                form.heading.setText(section.heading)
            form.run_in.setChecked(section.run_in)
            paragraphs = section.paragraphs
        if form.text.paragraphs() != paragraphs:
            form.text.set_paragraphs(paragraphs)

    def _level_name(self) -> str:
        try:
            level = self.document.speech.locate(self.key or "")[2]
        except KeyError:
            return ""
        return {1: self.tr("一级标题"), 2: self.tr("二级标题"), 3: self.tr("三级标题"),
                4: self.tr("四级标题")}[level]

    # --- reacting to the document -------------------------------------------------------------------

    def _content_changed(self, changes: Changes) -> None:
        if self._committing or self.key is None:
            return
        if (self.key == HEAD and changes.head) or self.key in changes.containers \
                or self.key in changes.headings:
            self._loading = True
            try:
                self._load_head() if self.key == HEAD else self._load_section()
            finally:
                self._loading = False

    def _structure_changed(self) -> None:
        # Numbers change with the structure, and the shown section may have been deleted.
        if self.key not in (None, HEAD, OPENING, CLOSING):
            self.show_key(self.key if self._section() is not None else None)

    # --- committing typed text ------------------------------------------------------------------------

    def _text_changed(self) -> None:
        if not self._loading:
            self._commit_paragraphs()

    def _execute(self, text: str, build: Callable[[Speech], Edit], merge_key: object = None) -> None:
        self._committing = True
        try:
            self.document.execute(build(self.document.speech), text, merge_key)
        except OperationError as error:
            self.message.emit(str(error))
        finally:
            self._committing = False

    def _commit_paragraphs(self) -> None:
        key = self.key
        if key is None or key == HEAD:
            return
        try:
            old = self.document.speech.paragraphs_of(key)
        except KeyError:
            return
        new = self.section.text.paragraphs()
        if new != old:
            self._execute(self.tr("编辑正文"), lambda s: ops.set_paragraphs(s, key, new),
                          ("paragraphs", key))

    def _paste_headings(self, plan) -> None:
        """Headings in pasted text become sections after the one being edited (core/paste.py)."""
        key = self.key
        if key is None or key == HEAD:
            return
        self._commit_paragraphs()
        self.document.close_merge()
        count = len(plan.sections)
        self._execute(self.tr("粘贴标题"), lambda s: services.paste_sections(s, key, plan))
        self.message.emit(self.tr("粘贴的文字里有 {0} 个标题，已作为标题放在当前这一节之后。").format(count))

    def _commit_heading(self, *_args) -> None:
        if self._loading:
            return
        section = self._section()
        text = self.section.heading.text()
        if section is not None and section.heading != text:
            section_id = section.id
            self._execute(self.tr("编辑标题"), lambda s: ops.set_heading(s, section_id, text),
                          ("heading", section_id))

    def _commit_run_in(self, checked: bool) -> None:
        section = self._section()
        if self._loading or section is None or section.run_in == checked:
            return
        section_id = section.id
        self._execute(self.tr("标题接排") if checked else self.tr("取消标题接排"),
                      lambda s: ops.set_run_in(s, section_id, checked))

    def _commit_head(self, *_args) -> None:
        if self._loading:
            return
        for name, field in self.head.fields.items():
            value = field.text()
            if getattr(self.document.speech, name) != value:
                self._execute(self.tr("编辑讲稿信息"), _head_field_setter(name, value), ("head", name))
        self._show_title_lines()


def _head_field_setter(name: str, value: str) -> Callable[[Speech], Edit]:
    return lambda speech: ops.set_head_field(speech, name, value)


def select_span(editor: EditorPane, container: str, paragraph: int | None, offset: int,
                length: int) -> None:
    """Select text the editor shows (a head field, the heading, or a paragraph of the container
    shown) and put the focus there.  The caller has shown the container first."""
    if container in editor.head.fields:
        field = editor.head.fields[container]
    elif paragraph is None:
        field = editor.section.heading
    else:
        text = editor.section.text
        block = text.document().findBlockByNumber(paragraph)
        if not block.isValid():
            return
        cursor = text.textCursor()
        start = block.position() + min(offset, block.length() - 1)
        cursor.setPosition(start)
        cursor.setPosition(min(start + length, block.position() + block.length() - 1),
                           QTextCursor.MoveMode.KeepAnchor)
        text.setFocus()
        text.setTextCursor(cursor)
        text.ensureCursorVisible()
        return
    field.setFocus()
    field.setSelection(offset, length)
