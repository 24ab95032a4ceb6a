"""The window's side of borrowed text (issue 16): what the library preview says about a snippet
(the unit-specific words in it, the speeches it was used in), the substitution preview before a
snippet goes into the speech, and keeping the usage history up to date.

The work is done in the core (adaptation.py, unit_words.py, usage.py) and io (usage_file.py);
this module shows it and asks the writer.
"""

from __future__ import annotations

import html
import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPushButton, QTextBrowser,
                               QVBoxLayout, QWidget)

from ..core import usage
from ..core.library import Snippet
from ..core.speech import Speech
from ..io import usage_file
from ..io.library_store import LoadedLibrary
from . import settings

SEARCH_BACKGROUND = "#ffd86b"
UNIT_WORD_COLOR = "#c0392b"
MAX_USES_SHOWN = 3


def marked_html(text: str, terms: list[str]) -> str:
    """A text as HTML with the search terms highlighted and the unit-specific words marked
    (red, underlined), both at once: each character gets its styles, runs are joined."""
    from ..core.unit_words import find_unit_words
    from .library_pane import match_ranges

    searched = [False] * len(text)
    for start, end in match_ranges(text, terms):
        for i in range(start, end):
            searched[i] = True
    unit = [False] * len(text)
    for word in find_unit_words(text):
        for i in range(word.start, word.end):
            unit[i] = True
    out: list[str] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and searched[j] == searched[i] and unit[j] == unit[i]:
            j += 1
        piece = html.escape(text[i:j])
        styles = []
        if searched[i]:
            styles.append(f"background:{SEARCH_BACKGROUND}")
        if unit[i]:
            styles.append(f"color:{UNIT_WORD_COLOR}; text-decoration:underline")
        out.append(f'<span style="{"; ".join(styles)}">{piece}</span>' if styles else piece)
        i = j
    return "".join(out)


def _all_text(snippet: Snippet) -> str:
    parts = [snippet.heading, *snippet.paragraphs]
    for child in snippet.children:
        for section in child.walk():
            parts += [section.heading, *section.paragraphs]
    return "\n".join(parts)


class UsageTracker(QObject):
    """The usage history as the window knows it; ``changed`` after it was reloaded."""

    changed = Signal()
    message = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.index = usage.UsageIndex()
        self.library = LoadedLibrary()
        self._warned: set[str] = set()

    def shared_folders(self) -> list[str]:
        return settings.library_folders() if settings.share_usage() else []

    def reload(self) -> None:
        self.index, problems = usage_file.load_usage(self.shared_folders())
        self._report(problems)
        self.changed.emit()

    def set_library(self, library: LoadedLibrary) -> None:
        self.library = library

    def record(self, speech: Speech, speech_key: str) -> None:
        """After a save or an export: remember the snippets this speech holds."""
        shared = {}
        if settings.share_usage():
            for folder in settings.library_folders():
                root = os.path.normcase(os.path.abspath(folder))
                ids = {s.id for pack in self.library.packs
                       if os.path.normcase(os.path.abspath(os.path.dirname(pack.path))) == root
                       for s in pack.snippets}
                if ids:
                    shared[folder] = ids
        self._report(usage_file.record_usage(speech, speech_key, shared=shared))
        self.reload()

    def _report(self, problems) -> None:
        for problem in problems:
            text = str(problem)
            if text not in self._warned:   # once per session, not at every save
                self._warned.add(text)
                self.message.emit(text)

    # --- what the library preview says -----------------------------------------------------------

    def notes_html(self, snippet: Snippet) -> str:
        """The usage lines and the unit-specific words of a snippet, for the preview."""
        parts = []
        uses = self.index.uses_of(snippet.id)
        if uses:
            lines = [html.escape(usage.describe(use)) for use in uses[:MAX_USES_SHOWN]]
            if len(uses) > MAX_USES_SHOWN:
                lines.append(html.escape(self.tr("……共 {0} 篇").format(len(uses))))
            parts.append('<p style="color:#8a5a00">' + "<br>".join(lines) + "</p>")
        from ..core.unit_words import find_unit_words, summarize

        words = summarize(find_unit_words(_all_text(snippet)))
        if words:
            listed = "、".join(
                f'<span style="color:{UNIT_WORD_COLOR}">{html.escape(word)}</span>'
                + (f"×{count}" if count > 1 else "") for word, _, count in words)
            lead = self.tr("要改成本单位的用语：")
            parts.append(f"<p>{html.escape(lead)}{listed}</p>")
        return "".join(parts)


class SubstitutionPreview(QDialog):
    """Before a snippet goes in: what the speech's substitution table would change in it.
    The writer inserts it adapted (the default), as it is, or not at all."""

    ADAPTED, ORIGINAL = 1, 2

    def __init__(self, changes: list, parent: QWidget | None = None):   # adaptation.Change
        super().__init__(parent)
        self.setWindowTitle(self.tr("插入素材：按替换表修改"))
        self.choice = 0
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("这条素材里有 {0} 处会按本讲稿的替换表修改：").format(len(changes))))
        view = QTextBrowser()
        rows = []
        for change in changes:
            rows.append(f"<p>…{html.escape(change.before)}"
                        f'<s style="color:gray">{html.escape(change.old)}</s>'
                        f'<b style="color:#1e7b34">{html.escape(change.new)}</b>'
                        f"{html.escape(change.after)}…</p>")
        view.setHtml("".join(rows))
        layout.addWidget(view, 1)
        self.view = view
        buttons = QDialogButtonBox()
        self.adapted_button = QPushButton(self.tr("修改后插入"))
        self.original_button = QPushButton(self.tr("按原文插入"))
        buttons.addButton(self.adapted_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.original_button, QDialogButtonBox.ButtonRole.ApplyRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.adapted_button.clicked.connect(lambda: self._done(self.ADAPTED))
        self.original_button.clicked.connect(lambda: self._done(self.ORIGINAL))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Enter adapts (what the table is for).  Only once the button is inside the dialog:
        # set before, the default is lost and Qt makes 按原文插入 the default instead.
        self.adapted_button.setDefault(True)
        self.resize(560, 360)

    def _done(self, choice: int) -> None:
        self.choice = choice
        self.accept()


def ask_adapted(parent: QWidget | None, speech: Speech, snippet: Snippet) -> Snippet | None:
    """The snippet to insert: adapted by the speech's table when the writer agrees, as it is,
    or None when the writer cancels.  No question when the table changes nothing in it."""
    from ..core import adaptation

    changes = adaptation.snippet_changes(snippet, speech.substitutions)
    if not changes:
        return snippet
    dialog = SubstitutionPreview(changes, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    if dialog.choice == SubstitutionPreview.ORIGINAL:
        return snippet
    return adaptation.adapt_snippet(snippet, speech.substitutions)


class Borrowing(QObject):
    """Wires issue 16 into the main window: 新建 from a template, the substitution table and its
    actions, the substitution preview on insertion, the library preview's notes and the
    not-used-recently order, and the usage history after saving and exporting."""

    message = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        from PySide6.QtGui import QAction

        self.window = window
        self.document = window.document
        self.tracker = UsageTracker(self)
        self.tracker.message.connect(self.message)
        self.table_action = QAction(self.tr("替换表…"), self)
        self.table_action.setToolTip(self.tr("把借用文字里别的单位的说法换成本单位的（我院 → 我局 …）"))
        self.table_action.triggered.connect(self.edit_table)
        self.apply_action = QAction(self.tr("按替换表修改全文"), self)
        self.apply_action.triggered.connect(self.apply_table)
        self.sort_action = QAction(self.tr("久未使用的素材排在前面"), self)
        self.sort_action.setCheckable(True)
        self.sort_action.setChecked(settings.library_sort_unused())
        self.sort_action.toggled.connect(self._sort_toggled)

        pane = window.library_pane
        pane.text_html = marked_html
        pane.preview_notes = self.tracker.notes_html
        window.outline_model.prepare_snippet = self.prepare_snippet
        window.files.choose_new_speech = self.choose_new_speech
        window.files.speech_saved.connect(self.record)
        window.files.speech_exported.connect(self.record)
        self.tracker.changed.connect(self._usage_changed)
        self.tracker.reload()

    # --- the library --------------------------------------------------------------------------------

    def _sort_toggled(self, on: bool) -> None:
        settings.set_library_sort_unused(on)
        self._apply_order()

    def _apply_order(self) -> None:
        index = self.tracker.index
        key = (lambda s: index.last_used(s.id)) if self.sort_action.isChecked() else None
        self.window.library_pane.model.set_order_key(key)

    def _usage_changed(self) -> None:
        if self.sort_action.isChecked():
            self._apply_order()
        pane = self.window.library_pane
        pane.refresh_preview()

    # --- inserting and saving -----------------------------------------------------------------------

    def prepare_snippet(self, snippet: Snippet) -> Snippet | None:
        return ask_adapted(self.window, self.document.speech, snippet)

    def speech_key(self) -> str:
        return self.document.path or f"（未保存）{self.document.speech.title}"

    def record(self) -> None:
        self.tracker.set_library(self.window.library_pane.library)
        self.tracker.record(self.document.speech, self.speech_key())

    # --- 新建 ---------------------------------------------------------------------------------------

    def choose_new_speech(self):
        from ..io.template_file import load_templates
        from . import template_dialog

        loaded = load_templates(settings.library_folders())
        for error in loaded.errors:
            self.message.emit(str(error))
        return template_dialog.ask_new_speech(self.window, loaded.templates,
                                              self.window.library_pane.library.snippets(),
                                              self.tracker.index)

    # --- the substitution table ---------------------------------------------------------------------

    def edit_table(self) -> None:
        from .substitution_dialog import ask_table

        table = ask_table(self.window, self.document.speech)
        if table is None or table == self.document.speech.substitutions:
            return
        from ..core import adaptation

        self.document.execute(adaptation.SetSubstitutions(table), self.tr("修改替换表"))
        self.message.emit(self.tr("替换表已保存（{0} 项），随讲稿一起保存。").format(len(table)))

    def apply_table(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from ..core import adaptation
        from .substitution_dialog import speech_texts

        speech = self.document.speech
        if not speech.substitutions:
            self.message.emit(self.tr("替换表是空的：先在“替换表…”里填写要替换的说法。"))
            return
        edit = adaptation.speech_edit(speech, speech.substitutions)
        if not edit.count:
            self.message.emit(self.tr("讲稿里没有替换表中的文字，不需要修改。"))
            return
        counts: dict[tuple[str, str], int] = {}
        lookup = dict(speech.substitutions)
        for text in speech_texts(speech):
            for change in adaptation.changes_in(text, speech.substitutions):
                pair = (change.old, lookup[change.old])
                counts[pair] = counts.get(pair, 0) + 1
        deleted = self.tr("（删去）")
        listed = "\n".join("· " + self.tr("{0} → {1}　{2} 处").format(old, new or deleted, n)
                           for (old, new), n in counts.items())
        answer = QMessageBox.question(
            self.window, self.tr("按替换表修改全文"),
            self.tr("将修改 {0} 处：\n\n{1}\n\n这是一步操作，可以撤销。继续吗？").format(edit.count, listed))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.document.execute(edit, self.tr("按替换表修改全文"))
        self.message.emit(self.tr("已按替换表修改 {0} 处。").format(edit.count))

