"""The main window: library | outline | the document, the 检查 dock, menus, toolbar and status bar.

The document view (document_pane.py) is where the speech is read and written; the one-section
editor (editor_pane.py) stays as a focus mode (视图 → 单节编辑).  The outline and the document
follow each other: selecting a row shows its text, moving the caret selects its row.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QLabel, QMainWindow, QMessageBox, QSplitter, QStackedWidget,
                               QToolBar, QVBoxLayout, QWidget)

from ..core.speech import HEAD
from ..core.stats import format_duration
from ..io.library_store import LoadedLibrary
from . import services, settings
from .document import Document
from .document_pane import DocumentPane
from .editor_pane import EditorPane
from .file_actions import FileActions
from .library_loader import LibraryLoader
from .library_pane import LibraryPane
from .outline_actions import OutlineActions
from .outline_model import OutlineModel
from .outline_view import OutlineView
from .print_actions import PrintActions
from .undo_routing import UndoRouter

APP_NAME_ZH = "讲稿编排"
# A status-bar message (a refused drop, "已保存") goes away by itself after this long.
MESSAGE_MS = 8000


class MainWindow(QMainWindow):
    def __init__(self, document: Document | None = None, library: LoadedLibrary | None = None):
        super().__init__()
        self.document = document or Document(parent=self)
        self.resize(1280, 800)

        # --- panes
        self.library_pane = LibraryPane()
        self.outline_model = OutlineModel(self.document, self)
        self.outline_view = OutlineView()
        self.outline_view.setModel(self.outline_model)
        self.outline_model.snippet_lookup = self.library_pane.model.lookup
        self._editor: EditorPane | None = None     # the focus mode's, built when first shown
        profile = services.format_profile(settings.format_profile())
        self.outline_model.set_level3_style(profile.level3_style)
        self.document_pane = DocumentPane(self.document, self.outline_model.markers, profile,
                                          lambda: self.outline.current_key())
        self.surface = QStackedWidget()   # the document, or the focus editor
        self.surface.addWidget(self.document_pane)
        outline_box = QWidget()
        box = QVBoxLayout(outline_box)
        box.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("提纲"))
        caption.setStyleSheet("font-weight: bold; padding: 4px 2px 0 2px;")
        box.addWidget(caption)
        box.addWidget(self.outline_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.library_pane)
        self.splitter.addWidget(outline_box)
        self.splitter.addWidget(self.surface)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([300, 300, 680])
        self.setCentralWidget(self.splitter)

        # --- actions
        self.files = FileActions(self.document, self, self)
        self.printing = PrintActions(self.document, self.files, self, self)
        self.outline = OutlineActions(self.document, self.outline_model, self.outline_view, self)
        self.undo_action = QAction(self.tr("撤销"), self)
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = QAction(self.tr("重做"), self)
        # Ctrl+Y (the Word and WPS habit) and Ctrl+Shift+Z everywhere, whatever the platform's own
        # redo key is.
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        # The last step made, in the speech's history or in the library's (ui/undo_routing).
        self.undo_router = UndoRouter(self.undo_action, self.redo_action, self.document,
                                      self.library_pane, self)
        self.save_to_library = QAction(self.tr("存入素材库…"), self)
        self.save_to_library.triggered.connect(self.save_section_to_library)
        self.settings_action = QAction(self.tr("设置…"), self)
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self.tr("退出"), self)
        self.quit_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
                                      or [QKeySequence("Ctrl+Q")])
        self.quit_action.triggered.connect(self.close)
        self.info_action = QAction(self.tr("讲稿信息…"), self)
        self.info_action.triggered.connect(self.edit_head_fields)
        self.focus_action = QAction(self.tr("单节编辑"), self)
        self.focus_action.setCheckable(True)
        self.focus_action.setToolTip(self.tr("只显示提纲中选中的一节，逐节编辑"))
        self.focus_action.toggled.connect(self.set_focus_mode)
        self.reload_library = QAction(self.tr("重新加载素材库"), self)
        self.reload_library.triggered.connect(self.load_library)
        from .borrowing import Borrowing
        self.borrowing = Borrowing(self)   # templates, substitution table, usage history
        from .import_actions import ImportActions
        self.imports = ImportActions(self, self)   # 导入…, dropped files, paste as a speech
        self.files.import_instead = self.imports.offer_import
        self.files.paste_instead = self.imports.import_clipboard
        self.setAcceptDrops(True)
        self._build_check_dock()
        self._load_when_shown = False
        self.library_loader = LibraryLoader(self)
        self.library_loader.progress.connect(self.library_pane.set_loading)
        self.library_loader.loaded.connect(self._library_loaded)
        self.library_loader.indexed.connect(self.library_pane.model.indexes_built)
        self.library_loader.failed.connect(self._library_failed)
        self._build_menus()
        self._build_toolbar()
        self._build_similar_and_archive()

        # --- status bar
        self.statusBar().addPermanentWidget(self.check_status)
        self.stats_label = QLabel()
        self.statusBar().addPermanentWidget(self.stats_label)
        self._stats_timer = QTimer(self)
        self._stats_timer.setSingleShot(True)
        self._stats_timer.setInterval(150)
        self._stats_timer.timeout.connect(self.update_stats)

        # --- wiring
        self.outline_view.selectionModel().currentChanged.connect(self._current_changed)
        self.outline_view.customContextMenuRequested.connect(self._outline_menu)
        self.library_pane.insert_requested.connect(self._insert_snippet)
        for source in (self.library_pane, self.outline, self.files, self.borrowing,
                       self.printing, self.document_pane, self.imports):
            source.message.connect(self.show_message)
        self.document_pane.section_entered.connect(self._caret_entered)
        self.outline_model.message.connect(self.show_message)
        self.outline.edit_heading.connect(self._focus_heading)
        self.document.content_changed.connect(lambda _: self._stats_timer.start())
        self.document.structure_changed.connect(self._stats_timer.start)
        self.document.reset.connect(self.update_stats)
        self.document.path_changed.connect(self._update_title)
        self.document.modified_changed.connect(
            lambda: self.setWindowModified(self.document.is_modified()))
        self.document.content_changed.connect(self._head_changed)

        if library is not None:
            self.library_pane.set_library(library)
        self._restore_layout()
        self.outline_view.expandAll()
        self.outline.select(HEAD)
        self._update_title()
        self.update_stats()

    # --- building -----------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        files = bar.addMenu(self.tr("文件(&F)"))
        f = self.files
        files.addActions([f.new, f.new_from_example, f.open])
        files.addMenu(f.recent_menu)
        files.addAction(self.imports.import_action)
        files.addSeparator()
        files.addActions([f.save, f.save_as])
        files.addSeparator()
        files.addActions([f.export, self.printing.export_pdf])
        files.addMenu(f.outline_menu)
        files.addSeparator()
        files.addActions([self.printing.preview, self.printing.print])
        files.addSeparator()
        files.addAction(f.open_backups)
        files.addAction(self.settings_action)
        files.addAction(self.quit_action)

        d = self.document_pane
        edit = bar.addMenu(self.tr("编辑(&E)"))
        edit.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        edit.addActions([d.find_action, d.replace_action, d.find_next, d.find_previous])
        edit.addSeparator()
        edit.addAction(self.info_action)
        edit.addAction(self.check_now_action)
        edit.addActions([self.borrowing.table_action, self.borrowing.apply_action])
        edit.addAction(f.paste_speech)

        view = bar.addMenu(self.tr("视图(&V)"))
        view.addActions([d.zoom_in, d.zoom_out, d.zoom_reset])
        view.addSeparator()
        view.addAction(d.page_width)
        view.addAction(self.focus_action)
        view.addSeparator()
        view.addAction(self.check_action)

        o = self.outline
        outline = bar.addMenu(self.tr("提纲(&O)"))
        outline.addActions([o.new_sibling, o.new_child])
        outline.addSeparator()
        outline.addActions([o.move_up, o.move_down, o.promote, o.demote])
        outline.addSeparator()
        outline.addAction(o.delete)
        outline.addSeparator()
        outline.addAction(self.save_to_library)
        outline.addSeparator()
        outline.addActions([o.expand_all, o.collapse_all])

        library = bar.addMenu(self.tr("素材库(&L)"))
        lp = self.library_pane
        library.addActions([lp.insert_action, lp.edit_action, lp.delete_action])
        library.addSeparator()
        library.addActions([lp.undo_action, lp.redo_action])
        library.addSeparator()
        find = library.addAction(self.tr("搜索素材"))
        find.setShortcut(QKeySequence("Ctrl+Shift+F"))   # Ctrl+F finds in the speech
        find.triggered.connect(lp.focus_search)
        library.addAction(self.borrowing.sort_action)
        library.addAction(self.reload_library)

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.tr("关于讲稿编排"), self._about)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("工具栏"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        f, o = self.files, self.outline
        toolbar.addActions([f.new, f.open, f.save, f.export])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions([o.new_sibling, o.new_child, o.move_up, o.move_down, o.promote,
                            o.demote])
        toolbar.addSeparator()
        toolbar.addActions([self.info_action, self.check_action, self.save_to_library])
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _build_check_dock(self) -> None:
        """The proofreader on the open speech: the 检查 dock, its count in the status bar, the
        export preflight, and the time budget's rate from the settings."""
        from .check_panel import CheckDock, CheckPanel
        from .checker import Checker
        self.checker = Checker(self.document, lambda: self.outline_model.level3_style,
                               settings.library_folders, self)
        self.check_panel = CheckPanel(self.document, self.checker, self.outline_model.markers)
        self.check_dock = CheckDock(self.check_panel, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.check_dock)
        # The toolbar's and 视图's 检查 show and close the dock (its check mark is the dock's);
        # F7, as Word's 拼写和语法, goes to the checker: it checks now and shows the list,
        # never closing it.
        self.check_action = self.check_dock.toggleViewAction()
        self.check_action.setToolTip(self.tr("显示或关闭检查结果（错别字、标点、数字、序数……）"))
        self.check_now_action = QAction(self.tr("检查全文"), self)
        self.check_now_action.setShortcut(QKeySequence(Qt.Key.Key_F7))
        self.check_now_action.setToolTip(self.tr("立即检查，并转到检查结果（F7）"))
        self.check_now_action.triggered.connect(self.check_now)
        self.check_panel.jump.connect(
            lambda loc: self.show_location(loc.container, loc.paragraph, loc.offset, loc.length))
        self.check_panel.message.connect(self.show_message)
        self.checker.message.connect(self.show_message)
        self.check_status = QLabel()
        self.check_status.setToolTip(self.tr("打开检查结果"))
        self.check_status.linkActivated.connect(lambda _link: self.show_checks())
        self.checker.updated.connect(self._update_check_status)
        self.files.preflight = self.export_preflight
        self.outline_model.budget.default_rate = settings.speaking_rate
        self.library_pane.length_note = self._snippet_length_note
        self.document.content_changed.connect(self._budget_maybe_changed)
        # The first check's wait starts with the event loop, so the window paints first even on a
        # machine that took longer than the wait to build it.
        QTimer.singleShot(0, self.checker.schedule)

    @property
    def editor(self) -> EditorPane:
        """The one-section editor of the focus mode (视图 → 单节编辑), built when first wanted:
        most writers never open it, and it is a form of a dozen fields."""
        if self._editor is None:
            editor = EditorPane(self.document, lambda sid: self.outline_model.markers().get(sid, ""))
            editor.budget.default_rate = settings.speaking_rate
            editor.budget.load()
            editor.message.connect(self.show_message)
            self.surface.addWidget(editor)
            editor.show_key(self.outline.current_key())
            self._editor = editor
        return self._editor

    def show_location(self, container: str, paragraph: int | None, offset: int,
                      length: int) -> None:
        """Show a place in the speech and select its text: the span in the document view (its
        row in the outline follows), or in the one-section editor in focus mode."""
        from .view_blocks import group_of
        key = group_of(container)
        self.outline.select(key)
        if self.outline.current_key() != key:
            return          # the place is gone (the next check drops the finding)
        if self.focus_action.isChecked():
            from .editor_pane import select_span
            select_span(self.editor, container, paragraph, offset, length)
            return
        view = self.document_pane.view
        span = view.span_of(container, -1 if paragraph is None else paragraph, offset,
                            offset + length)
        if span is None:
            # Not on the page: an empty head field (a missing title).
            self.show_message(self.tr("这一项不在页面上，请在“讲稿信息”里填写。"))
            return
        view.select_span(*span)
        view.setFocus()

    def show_checks(self) -> None:
        self.check_dock.show()
        self.check_dock.raise_()
        self.check_panel.tree.setFocus()

    def check_now(self) -> None:
        """F7: check the speech as it is now, show the list and put the focus in it, on its
        first problem when none is current."""
        self.checker.run()
        self.show_checks()
        findings = self.check_panel.model.findings()
        if not self.check_panel.tree.currentIndex().isValid() and findings:
            self.check_panel.select_finding(findings[0])

    def _update_check_status(self) -> None:
        if not self.checker.checked:
            self.check_status.setText("")
            return
        count = len(self.checker.visible())
        text = self.tr("检查：{0} 处问题").format(count) if count else self.tr("检查：没有问题")
        self.check_status.setText(f'<a href="checks" style="color:{"#c0392b" if count else "gray"}'
                                  f'; text-decoration:none">{text}</a>')

    def export_preflight(self, go_on: str | None = None) -> bool:
        """导出前检查 (before an export, a PDF or a print): the problems of the 检查 dock, each
        once; True to go on.  GO_ON is the button's label (「仍然导出」 by default)."""
        from . import preflight_dialog
        self.checker.flush()
        findings = self.checker.visible()
        if not findings:
            return True
        choice, finding = preflight_dialog.ask_preflight(self, self.document.speech, findings,
                                                         self.outline_model.markers, go_on)
        if choice == preflight_dialog.JUMP and finding is not None:
            self.show_checks()
            self.check_panel.select_finding(finding)
            loc = finding.location
            self.show_location(loc.container, loc.paragraph, loc.offset, loc.length)
            return False
        return choice == preflight_dialog.EXPORT

    def _snippet_length_note(self, snippet) -> str:
        from . import budget_text
        budget = self.outline_model.budget.current()
        return budget_text.snippet_note_html(snippet, budget.rate, budget.seconds,
                                             budget.target_seconds)

    def _budget_maybe_changed(self, changes) -> None:
        if changes.head:      # the target or the rate (SetBudget) may have changed
            self.library_pane.refresh_preview()

    # --- library ------------------------------------------------------------------------------------

    def load_library(self) -> None:
        """(Re)load every pack in the background; the pane shows the progress and fills in when
        the snippets are read.  The window is in use meanwhile.  Before the window is shown the
        loading waits for it: the first paint does not share the interpreter with the loader."""
        self.library_pane.set_loading()
        if self.isVisible():
            self._start_loading()
        else:
            self._load_when_shown = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._load_when_shown:
            self._load_when_shown = False
            # After the paint the show has asked for (a zero timer runs after posted events);
            # a bound method, so that a window closed meanwhile is not called.
            QTimer.singleShot(0, self._start_loading)

    def _start_loading(self) -> None:
        self.library_loader.start(settings.library_folders())

    def _library_loaded(self, library: LoadedLibrary) -> None:
        self.library_pane.set_library(library)
        self.checker.reload_lists()     # the office's word lists live in the same folders
        self.report_library_errors(library)

    def _library_failed(self, reason: str) -> None:
        if self.library_pane.loading:
            from ..io.library_store import empty_user_pack
            self.library_pane.set_library(LoadedLibrary([empty_user_pack()]))
        self.show_message(self.tr("素材库没有加载完：{0}").format(reason))

    def report_library_errors(self, library: LoadedLibrary) -> None:
        if not library.errors:
            return
        self.show_message(self.tr("有 {0} 个素材库文件无法读取。").format(len(library.errors)))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("素材库"),
                          self.tr("下面的素材库文件无法读取，已跳过；其余素材照常可用。"),
                          QMessageBox.StandardButton.Ok, self)
        box.setDetailedText("\n\n".join(str(e) for e in library.errors))
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()  # does not block: the program is usable while the message is shown
        self.library_errors_box = box

    def save_section_to_library(self) -> None:
        section = self.outline.current_section()
        if section is None:
            self.show_message(self.tr("请先在提纲中选择一个标题。"))
            return
        level = self.outline_model.level_of(section.id)
        source = Path(self.document.path).name if self.document.path else ""
        self.library_pane.save_section(section, level, source, self.document.speech.title)

    # --- selection and status -------------------------------------------------------------------------

    def _build_similar_and_archive(self) -> None:
        """相近的说法 under the library's preview, and 查重 against the archive folders of the
        settings, read in the background, its findings in the 检查 dock (issue 16)."""
        from .archive_check import ArchiveCheck
        from .similar_panel import SimilarPanel
        self.similar = SimilarPanel(self.document, lambda: self.outline.current_key(),
                                    lambda: self.library_pane.library.packs,
                                    self.library_pane.model.ref_of,
                                    self.library_pane.model.level_name)
        self.library_pane.splitter.addWidget(self.similar)
        # Until the writer moves the handles: the list gets most of the column (it is what is
        # browsed), the preview and 相近的说法 a few lines each.
        for index, stretch in enumerate((6, 2, 3)):
            self.library_pane.splitter.setStretchFactor(index, stretch)
        self.similar.insert_requested.connect(self._insert_snippet)
        self.similar.current_snippet.connect(self.library_pane.select_snippet)   # its preview
        self.outline_view.selectionModel().currentChanged.connect(self.similar.schedule)
        self.library_pane.model.modelReset.connect(self.similar.schedule)
        self.archive_check = ArchiveCheck(settings.archive_folders, self)
        self.archive_check.message.connect(self.show_message)
        self.checker.more = lambda: self.archive_check.findings(self.document.speech,
                                                                self.document.path)
        self.archive_check.ready.connect(self.checker.schedule)
        QTimer.singleShot(0, self.archive_check.reload)

    def _current_changed(self, current: QModelIndex, _previous=None) -> None:
        key = self.outline_model.key_for(current)
        if self._editor is not None:
            self._editor.show_key(key)
        self.document_pane.show_key(key)
        self.save_to_library.setEnabled(self.outline.current_section() is not None)
        self._stats_timer.start()

    def _insert_snippet(self, snippet) -> None:
        """A library snippet goes where the writer is: the caret's section, and body text
        after the caret's paragraph (in the focus editor: after the section's text)."""
        paragraph = None if self.focus_action.isChecked() else self.document_pane.caret_paragraph()
        self.outline.insert_snippet(snippet, paragraph)

    def _caret_entered(self, key: str) -> None:
        """The caret moved into another row's text: select that row (which then leaves the
        document where it is, since the caret is in it)."""
        if key != self.outline.current_key():
            self.outline.select(key)

    def _focus_heading(self) -> None:
        if self.focus_action.isChecked():
            self.editor.section.heading.setFocus()
        else:
            self.document_pane.focus_key(self.outline.current_key())

    def set_focus_mode(self, on: bool) -> None:
        """The one-section editor instead of the whole document (and back)."""
        self.surface.setCurrentWidget(self.editor if on else self.document_pane)
        if not on:
            self.document_pane.show_key(self.outline.current_key())

    def edit_head_fields(self) -> None:
        """讲稿信息…: every head field in one dialog (empty ones are not on the page)."""
        from . import head_dialog
        values = head_dialog.ask_head_fields(self, self.document.speech)
        edit = head_dialog.head_edit(self.document.speech, values) if values is not None else None
        if edit is not None:
            self.document.execute(edit, self.tr("编辑讲稿信息"))

    def outline_menu(self):
        from PySide6.QtWidgets import QMenu
        o = self.outline
        menu = QMenu(self)
        menu.addActions([o.new_sibling, o.new_child])
        menu.addSeparator()
        menu.addActions([o.move_up, o.move_down, o.promote, o.demote])
        menu.addSeparator()
        menu.addActions([o.delete, self.save_to_library])
        return menu

    def _outline_menu(self, position) -> None:
        self.outline_menu().exec(self.outline_view.viewport().mapToGlobal(position))

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    def update_stats(self) -> None:
        # Incremental: the outline's numbers are reused and each text is counted once (core.stats).
        speech = self.document.speech
        section = self.outline.current_section()
        stats = services.status_summary(speech, speech.speaking_rate or settings.speaking_rate(),
                                        section.id if section is not None else None,
                                        self.outline_model.markers())
        text = self.tr("全文 {0} 字 · 约 {1}").format(stats.total.total, self.duration(stats.seconds))
        if speech.target_minutes:
            from .budget_text import minutes_text
            text += self.tr("（目标 {0}）").format(minutes_text(speech.target_minutes))
        if stats.section is not None:
            text += self.tr("　｜　本节 {0} 字 · 约 {1}").format(stats.section.total,
                                                          self.duration(stats.section_seconds))
        self.stats_label.setText(text)

    def duration(self, seconds: int) -> str:
        from ..core.i18n import language
        return format_duration(seconds, english=language() == "en")

    def _head_changed(self, changes) -> None:
        if changes.head:
            self._update_title()

    def _update_title(self) -> None:
        name = self.files.display_name()
        self.setWindowTitle(f"{name}[*] — {self.tr('讲稿编排')}")
        self.setWindowModified(self.document.is_modified())

    # --- settings, about, closing -------------------------------------------------------------------

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog
        dialog = SettingsDialog(self)
        accepted = dialog.exec() == SettingsDialog.DialogCode.Accepted
        changed = dialog.apply() if accepted else set()
        # The profile in use may have been edited and saved in the dialog even when the dialog
        # was then cancelled: number the outline as the next export will (cheap when unchanged).
        self.outline_model.set_level3_style(services.level3_style(settings.format_profile()))
        self.document_pane.set_profile(services.format_profile(settings.format_profile()))
        if not accepted:
            return
        if "library" in changed:
            self.load_library()
        self.checker.set_level3_style(self.outline_model.level3_style)
        if self._editor is not None:
            self._editor.budget.load()     # 「按设置（N 字/分钟）」
        self.outline_model.budget.schedule()
        if changed & {"library", "usage"}:
            self.borrowing.tracker.reload()
        if "archive" in changed:
            self.archive_check.reload()
        if "language" in changed:
            self.show_message(self.tr("界面语言将在重新启动后切换。"))
        self.update_stats()

    def _about(self) -> None:
        from .. import __version__
        QMessageBox.about(self, self.tr("关于讲稿编排"),
                          self.tr("讲稿编排 {0}\n\n用素材库编排讲话稿，导出公文格式的 Word 文档。")
                          .format(__version__))

    def _restore_layout(self) -> None:
        geometry = settings.window_state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = settings.window_state("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        library_split = settings.window_state("library-splitter")
        if library_split is not None:
            self.library_pane.splitter.restoreState(library_split)
        docks = settings.window_state("docks")     # the 检查 dock: shown or not, and where
        if docks is not None:
            self.restoreState(docks)
        else:
            # A few findings' height, so the speech keeps most of the window.
            self.resizeDocks([self.check_dock], [150], Qt.Orientation.Vertical)

    def save_layout(self) -> None:
        settings.set_window_state("geometry", self.saveGeometry())
        settings.set_window_state("splitter", self.splitter.saveState())
        settings.set_window_state("library-splitter", self.library_pane.splitter.saveState())
        settings.set_window_state("docks", self.saveState())

    # --- files dropped on the window ----------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if self._dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = self._dropped_files(event.mimeData())
        if not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        importable = [p for p in paths if services.is_importable(p)]
        if importable:
            self.imports.import_paths(importable)
        elif len(paths) == 1:
            self.files.open_path(paths[0])

    @staticmethod
    def _dropped_files(mime) -> list[str]:
        if not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]

    def closeEvent(self, event) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.files.close_speech()
        self.library_pane.finish_writes()   # a library write asked for is never dropped
        self.save_layout()
        event.accept()
