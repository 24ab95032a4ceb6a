"""The document view: the whole speech in one scrolling page, edited in place.

What it shows comes from ``view_blocks.py`` (the printed blocks of ``export/layout.py``, cut into
pieces of the writer's text and decoration), drawn in the profile's fonts, sizes, first-line
indent and line pitch.  In page-width mode a line is as wide as the page's text block, so the
line breaks on screen are those of the page (28 characters of 三号 a line).

The view never edits its own text.  Every key, input-method commit, paste and cut becomes a core
edit (``core/text_edits.py``) executed on the document's undo stack; the document then says what
changed (``Changes``) and the view re-renders the groups that changed — for a typed character,
the characters that differ in one block.  A structural change (sections added, removed, moved)
rebuilds the view, keeping the caret where its text went.  Numbers, the subtitle dash and the
date's parentheses are decoration: the caret steps over them and typing never lands in them.

Chinese input methods work as in any QTextEdit: the candidate window follows the caret (QTextEdit
answers ImCursorRectangle), the composing text is shown by Qt without touching the document, and
the commit is typed like any other text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import (QColor, QGuiApplication, QInputMethodEvent, QKeySequence, QPalette,
                           QTextCharFormat, QTextCursor, QTextOption)
from PySide6.QtWidgets import QMenu, QMessageBox, QTextEdit

from ..core import text_edits as te
from ..core.edits import Changes, Edit
from ..core.errors import OperationError
from ..core.speech import CLOSING, HEAD, OPENING, Section
from ..core.text_edits import Point
from . import services
from .document import Document
from .editor_pane import is_history_key
from .page_renderer import PageRenderer, piece_point
from .page_zoom import ZoomAndPageWidth
from .view_blocks import (HINT, LINE_BREAK, WRAP, Group, Hints, ViewBlock, container_group,
                          document_groups, group_of, head_group, section_group)

PAGE_GREY = QColor(0xE6, 0xE6, 0xE6)
# The page lines of a new speech below its first screen: set from this long after it is
# drawn (what the window does next, a paint, the library arriving, comes first), this long
# a turn of the event loop.
LINES_WAIT_MS = 100
LINES_SLICE_S = 0.005
# Events after which the view must be as it stays: the writer acts on what is shown.
_SETTLING_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.InputMethod, QEvent.Type.MouseButtonPress,
                    QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel, QEvent.Type.Drop}
HIGHLIGHT = QColor(0xFF, 0xE5, 0x8F)
CURRENT_HIGHLIGHT = QColor(0xFF, 0xA9, 0x4D)

KEEP, WHOLE = "keep", "whole"


def ask_about_headings(parent, headings: list[str], beyond: int, cut: bool) -> str | None:
    """A selection to delete holds headings: KEEP them (delete only the body text), remove the
    sections WHOLE with everything under them, or None (cancel).  Tests replace this."""
    translate = QCoreApplication.translate
    shown = translate("DocumentView", "、").join(f"“{h}”" for h in headings[:3])
    if len(headings) > 3:
        shown = translate("DocumentView", "{0}等").format(shown)
    text = translate("DocumentView", "选中的内容包含 {0} 个标题：{1}。").format(len(headings), shown)
    if beyond:
        text += "\n\n" + translate(
            "DocumentView", "删除整节会把这些标题下没有选中的 {0} 个字也一起删除。").format(beyond)
    box = QMessageBox(QMessageBox.Icon.Question, translate("DocumentView", "剪切" if cut else "删除"),
                      text, QMessageBox.StandardButton.NoButton, parent)
    keep = box.addButton(translate("DocumentView", "保留标题，只删正文"),
                         QMessageBox.ButtonRole.AcceptRole)
    whole = box.addButton(translate("DocumentView", "删除整节"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.exec()
    clicked = box.clickedButton()
    if clicked is keep:
        return KEEP
    return WHOLE if clicked is whole else None


class DocumentView(ZoomAndPageWidth, QTextEdit):
    # The caret went into the text of another outline row (HEAD, OPENING, CLOSING, section id).
    section_entered = Signal(str)
    message = Signal(str)
    zoom_changed = Signal()
    # The text changed under the find highlights: the find bar looks again.
    highlights_stale = Signal()

    def __init__(self, document: Document, markers: Callable[[], dict[str, str]], profile,
                 parent=None):
        super().__init__(parent)
        self.speech_document = document
        self.markers = markers
        self.renderer = PageRenderer(self.document(), profile, self.logicalDpiY)
        self.page_width = True
        self._chosen_zoom = 1.0    # the writer's zoom (page-width mode may show less)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_zoom)
        # A new speech's page lines below the first screen: set a moment after the paint, a
        # few milliseconds a turn of the event loop, so that the window takes in what comes
        # meanwhile (the library; the writer's first key or click sets them all: see event()).
        self._lines_timer = QTimer(self)
        self._lines_timer.setSingleShot(True)
        self._lines_timer.timeout.connect(self._more_lines)
        self.verticalScrollBar().sliderPressed.connect(self.finish_lines)
        self.hints = Hints(self.tr("（标题）"), self.tr("（开头）"), self.tr("（结尾）"))
        self._sections: dict[str, tuple[Section, int]] = {}
        self._snapping = False
        self._moving_back = False
        self._raw_date = False
        self._entered: str | None = None
        self._shown_key: str | None = None
        self._saved_caret: tuple[Point | None, Point | None, int] | None = None
        self._own_edit = False
        self._highlights: list[QTextEdit.ExtraSelection] = []
        # Added to the context menu after the clipboard (find, replace); None is a separator.
        self.extra_menu_actions: list = []

        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)   # the document's undo stack is the only history
        self.setTabChangesFocus(True)
        self.setAcceptDrops(False)       # text moves go through cut and paste, as edits
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, PAGE_GREY)
        palette.setColor(QPalette.ColorRole.Base, QColor(Qt.GlobalColor.white))
        palette.setColor(QPalette.ColorRole.Text, QColor(Qt.GlobalColor.black))
        self.setPalette(palette)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.document().setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignJustify))
        self.document().contentsChange.connect(self._contents_change)
        self.cursorPositionChanged.connect(self._caret_moved)

        document.structure_about_to_change.connect(self._save_caret)
        document.structure_changed.connect(self.rebuild)
        document.content_changed.connect(self._content_changed)
        document.reset.connect(self._after_reset)
        self._apply_wrap()
        self._after_reset()

    # --- what is shown --------------------------------------------------------------------------

    @property
    def groups(self) -> list[Group]:
        return self.renderer.groups

    def _build_groups(self) -> list[Group]:
        self._sections = {section.id: (section, level)
                          for section, level in self.speech_document.speech.walk()}
        return document_groups(self.speech_document.speech, self.profile, self.markers(),
                               self.hints, self._raw_date)

    def _group_blocks(self, key: str) -> list[ViewBlock]:
        speech = self.speech_document.speech
        if key == HEAD:
            return head_group(speech, self.profile, self.hints, self._raw_date)
        if key in (OPENING, CLOSING):
            return container_group(speech, key, self.profile, self.hints)
        section, level = self._sections[key]
        return section_group(section, level, self.markers().get(key, ""))

    def _update_group(self, key: str) -> None:
        if self.renderer.group_index(key) is not None:
            self.renderer.show_group(key, self._group_blocks(key))

    def rebuild(self, full: bool = False, first_screen: bool = False) -> None:
        """Draw the speech again after a structural change (only the blocks that differ from
        what is shown), or everything anew (``full``: a new speech, a new profile or zoom);
        the caret stays with its text.  ``first_screen`` (a new speech, shown from its top):
        in page-width mode the lines below the first screen are set right after the next
        paint (``finish_lines``), or as soon as a place there is looked for."""
        saved, self._saved_caret = self._saved_caret, None
        bar = self.verticalScrollBar()
        scroll = bar.value()
        self.renderer.show(self._build_groups(), full,
                           self._screen_lines() if first_screen else None)
        self._lines_settled(LINES_WAIT_MS)
        if saved is not None:
            self._restore_caret(saved)
        bar.setValue(scroll)
        self._refresh_highlights()
        if not self._own_edit and not self.hasFocus() and self._shown_key is not None:
            # Not being typed in (a move in the outline, an undo from the menu): keep the
            # outline's section in view.
            self.show_key(self._shown_key, force=True)

    def _screen_lines(self) -> int:
        """How many of the page's lines the view can show at most (a screen's height)."""
        screen = self.screen()
        height = max(self.height(),
                     screen.availableGeometry().height() if screen is not None else 0)
        return int(height / self.renderer.px(self.profile.text.line_pitch_pt)) + 1

    def finish_lines(self) -> None:
        """Set the speech's remaining blocks into the page's lines now (see ``rebuild``)."""
        if self.renderer.pending and not self.renderer.rendering:
            self.renderer.break_pending()
            self._refresh_highlights()
        self._lines_settled()

    def _more_lines(self) -> None:
        if self.renderer.pending and not self.renderer.rendering:
            self.renderer.break_pending(LINES_SLICE_S)
            self._refresh_highlights()
        self._lines_settled()

    def _lines_settled(self, wait_ms: int = 0) -> None:
        """Go on with the page lines still to set (in WAIT_MS), or stop.  Until they are set,
        their blocks run on in one line beyond the page: no horizontal scroll bar for them."""
        waiting = bool(self.renderer.pending)
        if waiting:
            self._lines_timer.start(wait_ms)
        else:
            self._lines_timer.stop()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if waiting
                                          else Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def _settle(self, key: str) -> None:
        """Before a place in a group is looked for: the lines up to it as they stay."""
        if self.renderer.pending and not self.renderer.rendering:
            group = self.renderer.group_index(key)
            if group is not None and not self.renderer.settled(group):
                self.finish_lines()

    # Places in the text (see page_renderer.py).

    def view_block(self, number: int) -> ViewBlock | None:
        return self.renderer.view_block(number)

    def group_key_at(self, position: int) -> str | None:
        return self.renderer.group_key_at(position)

    def point_at(self, position: int, forward: bool = True) -> Point | None:
        return self.renderer.point_at(position, forward)

    def position_of(self, point: Point) -> int | None:
        self._settle(group_of(point.container))
        return self.renderer.position_of(point)

    # --- reacting to the document ---------------------------------------------------------------

    def _content_changed(self, changes: Changes) -> None:
        if changes.structure:
            return   # rebuilt on structure_changed
        self.renderer.last_change = None
        keys: list[str] = []
        if changes.head:   # the head, and the 落款 (its date is the speech's when it has none)
            keys += [HEAD, CLOSING]
        keys += [key for key in changes.containers | changes.headings if key not in keys]
        for key in keys:
            self._update_group(key)
        changed = self.renderer.last_change
        if not self._own_edit and changed is not None and self.hasFocus():
            # Undo or redo while typing here: the caret goes to what changed.
            self._set_caret(changed)
        self._refresh_highlights()

    def _after_reset(self) -> None:
        self._saved_caret = None
        self._raw_date = False
        self.rebuild(full=True, first_screen=True)
        self._set_caret(0)
        self.verticalScrollBar().setValue(0)

    def _contents_change(self, position: int, removed: int, added: int) -> None:
        # Nothing but the view itself changes its text.  Should Qt change it some other way
        # (a drag of the selection into another program), draw the speech again: the speech
        # is the truth, and it was not changed.  (Equal counts: Qt only marks text for layout.)
        if not self.renderer.rendering and removed != added:
            QTimer.singleShot(0, self._redraw_all)

    def _redraw_all(self) -> None:
        self._save_caret()
        self.rebuild(full=True)

    # --- the caret and places in the text -------------------------------------------------------

    def _set_caret(self, position: int, anchor: int | None = None) -> None:
        cursor = self.textCursor()
        limit = self.document().characterCount() - 1
        if anchor is not None:
            cursor.setPosition(min(anchor, limit))
            cursor.setPosition(min(position, limit), QTextCursor.MoveMode.KeepAnchor)
        else:
            cursor.setPosition(min(position, limit))
        self.setTextCursor(cursor)

    def caret_point(self) -> Point | None:
        return self.point_at(self.textCursor().position())

    def place_caret(self, point: Point | None) -> None:
        if point is None:
            return
        if point.container == "date" and not self._raw_date:
            self._raw_date = True     # the date as typed: the place exists there
            self._update_group(HEAD)
        position = self.position_of(point)
        if position is not None:
            self._set_caret(position)
            self.ensureCursorVisible()

    def _save_caret(self) -> None:
        cursor = self.textCursor()
        anchor = self.point_at(cursor.anchor()) if cursor.hasSelection() else None
        self._saved_caret = (self.point_at(cursor.position()), anchor, cursor.position())

    def _restore_caret(self, saved: tuple[Point | None, Point | None, int]) -> None:
        point, anchor, fallback = saved
        position = self.position_of(point) if point is not None else None
        if position is None:
            self._set_caret(fallback)
            return
        anchor_position = self.position_of(anchor) if anchor is not None else None
        self._set_caret(position, anchor_position)

    def _caret_moved(self) -> None:
        if self.renderer.rendering or self._snapping:
            return
        cursor = self.textCursor()
        if not cursor.hasSelection():
            self._snap(cursor.position())
        self._follow_date()
        key = self.group_key_at(self.textCursor().position())
        if key is not None and key != self._entered:
            self._entered = key
            self._shown_key = key
            self.section_entered.emit(key)

    def _snap(self, position: int) -> None:
        """Keep the caret out of decorations (numbers, dashes, hints)."""
        if self.renderer.wraps_at(position):
            return   # the end of a page line (End, a click after the line): a place of its own
        point = self.point_at(position, forward=not self._moving_back)
        wanted = self.position_of(point) if point is not None else None
        if wanted is not None and wanted != position:
            self._snapping = True
            try:
                self._set_caret(wanted)
            finally:
                self._snapping = False

    def _follow_date(self) -> None:
        """A date line the profile rewrites (二〇二四年…) shows the date as typed while the caret
        is in it, so that it can be edited in place."""
        block = self.view_block(self.textCursor().block().blockNumber())
        in_date = block is not None and block.kind == "date"
        if in_date != self._raw_date:
            point = self.caret_point()
            self._raw_date = in_date
            self._update_group(HEAD)
            if point is not None:
                position = self.position_of(point)
                if position is not None and position != self.textCursor().position():
                    self._snapping = True
                    try:
                        self._set_caret(position)
                    finally:
                        self._snapping = False

    def show_key(self, key: str | None, force: bool = False) -> None:
        """Show an outline row's text at the top of the view, the caret at its start — unless
        the caret is in it already (the outline is following the caret)."""
        if key is None or (self._own_edit and not force):
            return   # the view's own edit puts the caret where the text went
        self._shown_key = key
        self._settle(key)
        group = self.renderer.group_index(key)
        if group is None:
            return
        if not force and self.group_key_at(self.textCursor().position()) == key:
            return
        number = self.renderer.start(group)
        block = self.document().findBlockByNumber(number)
        self._entered = key
        point = self.point_at(block.position())
        if point is not None and group_of(point.container) == key:
            position = self.position_of(point)
            if position is not None and self.group_key_at(self.textCursor().position()) != key:
                self._snapping = True
                try:
                    self._set_caret(position)
                finally:
                    self._snapping = False
        top = self.document().documentLayout().blockBoundingRect(block).top()
        self.verticalScrollBar().setValue(int(top - self.document().documentMargin()))

    # --- selections -----------------------------------------------------------------------------

    def selection_points(self) -> tuple[Point, Point] | None:
        """The selection as (start, end) places in the speech; None without a selection (or
        one that holds decoration only)."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.point_at(cursor.selectionStart(), forward=True)
        end = self.point_at(cursor.selectionEnd(), forward=False)
        if start is None or end is None:
            return None
        if (self.position_of(start) or 0) >= (self.position_of(end) or 0):
            return None
        return start, end

    def selected_text(self) -> str:
        """The selection as the page shows it (numbers included, grey hints left out)."""
        cursor = self.textCursor()
        low, high = cursor.selectionStart(), cursor.selectionEnd()
        document = self.document()
        block = document.findBlock(low)
        lines = []
        while block.isValid() and block.position() <= high:
            view = self.view_block(block.blockNumber())
            if view is not None:
                at, parts = block.position(), []
                for piece in view.pieces:
                    a, b = max(low, at), min(high, at + len(piece.text))
                    if a < b and piece.role not in (HINT, WRAP):
                        parts.append(piece.text[a - at:b - at])
                    at += len(piece.text)
                if block.position() + block.length() - 1 >= low:
                    lines.append("".join(parts))
            block = block.next()
        return "\n".join(lines).replace(LINE_BREAK, "\n")

    def createMimeDataFromSelection(self) -> QMimeData:
        mime = QMimeData()
        mime.setText(self.selected_text())
        return mime

    def canInsertFromMimeData(self, source) -> bool:
        return source.hasText()

    # --- editing --------------------------------------------------------------------------------

    def _execute(self, edit: Edit | None, text: str, merge_key: object = None,
                 caret: Point | None = None, position: int | None = None) -> bool:
        if edit is None:
            return False
        self._own_edit = True
        try:
            self.speech_document.execute(edit, text, merge_key)
        except OperationError as error:
            self.message.emit(str(error))
            return False
        finally:
            self._own_edit = False
        if caret is not None:
            self.place_caret(caret)
        elif position is not None:
            self._set_caret(position)
            self.ensureCursorVisible()
        return True

    def type_text(self, text: str) -> None:
        """Typed text or an input-method commit, at the caret or over the selection."""
        speech = self.speech_document.speech
        selection = self.selection_points()
        try:
            if selection is not None:
                edit, caret = te.replace_range(speech, *selection, text)
                self._execute(edit, self.tr("输入"), None, caret)
                return
            point = self.caret_point()
            if point is None or not text:
                return
            edit, caret = te.insert_text(speech, point, text)
        except OperationError as error:
            self.message.emit(str(error))
            return
        self._execute(edit, self.tr("输入"), ("type", point.container, point.index), caret)

    def paste_paragraphs(self, paragraphs: list[str], ends_paragraph: bool = False) -> None:
        if not paragraphs:
            return
        speech = self.speech_document.speech
        selection = self.selection_points()
        try:
            if selection is not None:
                edit, caret = te.replace_range(speech, *selection, "\n".join(paragraphs))
            else:
                point = self.caret_point()
                if point is None:
                    return
                edit, caret = te.insert_paragraphs(speech, point, paragraphs, ends_paragraph)
        except OperationError as error:
            self.message.emit(str(error))
            return
        self._execute(edit, self.tr("粘贴"), None, caret)

    def insertFromMimeData(self, source) -> None:
        if source.hasText():
            text = source.text()
            self.paste_paragraphs(services.clean_paste(text),
                                  ends_paragraph=text.rstrip(" \t\u3000").endswith(("\n", "\r")))

    def enter(self, shift: bool = False) -> None:
        """Enter (Shift+Enter: in the title, a line break of the printed title)."""
        speech = self.speech_document.speech
        selection = self.selection_points()
        try:
            if selection is not None:
                replaced, after = te.replace_range(speech, *selection, "\n")
                self._execute(replaced, self.tr("分段"), None, after)
                return
            point = self.caret_point()
            if point is None:
                return
            edit, caret = (te.line_break if shift else te.split)(speech, point)
        except OperationError as error:
            self.message.emit(str(error))
            return
        if edit is None and caret is None and point.container == "title":
            # A head line is one paragraph: Enter inside it changes nothing; say how a title
            # breaks, rather than let the key do nothing.
            self.message.emit(self.tr("标题在这里换行：按 Shift+Enter。"))
        elif edit is None:
            self.place_caret(caret)
        else:
            self._execute(edit, self.tr("分段"), None, caret)

    def delete_char(self, backward: bool, word: bool = False) -> None:
        """Backspace (``backward``) or Delete: a character, a word, or the join of two units."""
        if self.textCursor().hasSelection():
            self.delete_selection()
            return
        found = self.renderer.piece_at(self.textCursor().position())
        if found is None:
            return
        block_start, start, piece = found
        position = self.textCursor().position()
        low, high = block_start + start, block_start + start + len(piece.text)
        speech = self.speech_document.speech
        # Between two pieces of one block (a run-in heading and its text) the caret belongs to
        # the later one, so Backspace there is a join, never a deletion inside the heading.
        at_edge = position == low if backward else position == high
        try:
            if at_edge:
                point = piece_point(piece, piece.offset + position - low)
                edit, caret = (te.join_backward if backward else te.join_forward)(speech, point)
                if edit is None and backward and caret is not None:
                    if self.position_of(caret) == position:
                        # The text before is another unit shown right here (a run-in heading
                        # ending in 。): Backspace deletes its last character.
                        self._delete_before(caret)
                    else:
                        self.place_caret(caret)
                if edit is None:
                    return
                self._execute(edit, self.tr("合并段落"), None, caret)
                return
            cursor = QTextCursor(self.textCursor())
            move = {(True, False): QTextCursor.MoveOperation.PreviousCharacter,
                    (True, True): QTextCursor.MoveOperation.PreviousWord,
                    (False, False): QTextCursor.MoveOperation.NextCharacter,
                    (False, True): QTextCursor.MoveOperation.EndOfWord}[(backward, word)]
            cursor.movePosition(move, QTextCursor.MoveMode.KeepAnchor)
            other = min(max(cursor.position(), low), high)
            if other == position and word and not backward:
                cursor.movePosition(QTextCursor.MoveOperation.NextWord, QTextCursor.MoveMode.KeepAnchor)
                other = min(max(cursor.position(), low), high)
            a = piece_point(piece, piece.offset + min(position, other) - low)
            b = piece_point(piece, piece.offset + max(position, other) - low)
            edit = te.delete_range(speech, a, b)
        except OperationError as error:
            self.message.emit(str(error))
            return
        self._execute(edit, self.tr("删除"), ("delete", piece.unit), a)

    def _delete_before(self, end: Point) -> None:
        """Delete the character before a place at the end of a unit."""
        if end.offset <= 0:
            return
        start = Point(end.container, end.index, end.offset - 1)
        try:
            edit = te.delete_range(self.speech_document.speech, start, end)
        except OperationError as error:
            self.message.emit(str(error))
            return
        self._execute(edit, self.tr("删除"), ("delete", end.unit), start)

    def delete_selection(self, cut: bool = False) -> bool:
        """Delete (or cut) the selection as one edit; a selection holding headings asks first.
        False when nothing was deleted (cancelled, or nothing to delete)."""
        selection = self.selection_points()
        if selection is None:
            return False
        start, end = selection
        speech = self.speech_document.speech
        whole = False
        try:
            held = te.held_sections(speech, start, end)
            if held:
                markers = self.markers()
                names = [markers.get(sid, "") + (speech.find(sid).heading or self.tr("（无标题）"))
                         for sid in held]
                answer = ask_about_headings(self, names, te.text_beyond(speech, start, end), cut)
                if answer is None:
                    return False
                whole = answer == WHOLE
            if cut:
                QGuiApplication.clipboard().setText(self.selected_text())
            edit = te.delete_range(speech, start, end, whole_sections=whole)
        except OperationError as error:
            self.message.emit(str(error))
            return False
        position = self.textCursor().selectionStart()
        return self._execute(edit, self.tr("剪切") if cut else self.tr("删除"), None, None, position)

    def cut(self) -> None:
        self.delete_selection(cut=True)

    # --- events ---------------------------------------------------------------------------------

    def event(self, event) -> bool:
        if event.type() in _SETTLING_EVENTS:
            self.finish_lines()
        if event.type() == QEvent.Type.ShortcutOverride and is_history_key(event):
            event.ignore()   # Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z go to the window's undo actions
            return True
        if event.type() == QEvent.Type.FocusOut:
            self.speech_document.close_merge()
        return super().event(event)

    def viewportEvent(self, event) -> bool:
        if event.type() in _SETTLING_EVENTS:   # a click or the wheel on the page
            self.finish_lines()
        return super().viewportEvent(event)

    def keyPressEvent(self, event) -> None:
        key, modifiers = event.key(), event.modifiers()
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if is_history_key(event):
            event.ignore()
            return
        if event.matches(QKeySequence.StandardKey.Cut):
            self.cut()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not control:
            self.enter(bool(modifiers & Qt.KeyboardModifier.ShiftModifier))
            return
        if key == Qt.Key.Key_Backspace:
            self.delete_char(True, control)
            return
        if key == Qt.Key.Key_Delete:
            self.delete_char(False, control)
            return
        if key == Qt.Key.Key_Insert and not modifiers:
            return   # no overwrite mode
        text = event.text()
        typed = text and not any(unicodedata.category(c)[0] == "C" for c in text)
        if typed and not modifiers & (Qt.KeyboardModifier.ControlModifier
                                      | Qt.KeyboardModifier.AltModifier
                                      | Qt.KeyboardModifier.MetaModifier):
            self.type_text(text)
            return
        self._moving_back = key == Qt.Key.Key_Left
        try:
            before = self.textCursor().position()
            super().keyPressEvent(event)
            after = self.textCursor().position()
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and abs(after - before) == 1 and \
                    self.renderer.wraps_at(min(before, after)):
                # The end of a page line and the start of the next are one place in the text:
                # one press of ← or → passes one character, as where Qt breaks the lines.
                super().keyPressEvent(event)
        finally:
            self._moving_back = False

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        commit = event.commitString()
        if commit or event.replacementLength():
            if event.replacementLength() and not self.textCursor().hasSelection():
                position = self.textCursor().position()
                start = position + event.replacementStart()
                self._set_caret(start + event.replacementLength(), start)
            self.type_text(commit)
            # What remains is the new composing text (if any): Qt shows it at the caret.
            super().inputMethodEvent(QInputMethodEvent(event.preeditString(), event.attributes()))
            event.accept()
            return
        if event.preeditString() and self.textCursor().hasSelection():
            selection = self.selection_points()
            if selection is not None:   # composing over a selection replaces it
                edit, caret = te.replace_range(self.speech_document.speech, *selection, "")
                self._execute(edit, self.tr("输入"), None, caret)
        super().inputMethodEvent(event)

    # --- context menu ---------------------------------------------------------------------------

    def context_menu(self) -> QMenu:
        """Undo and Redo of the speech's history, then the clipboard."""
        menu = QMenu(self)
        stack = self.speech_document.stack
        undo = menu.addAction(self.tr("撤销"), self.speech_document.undo)
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        undo.setEnabled(stack.canUndo())
        redo = menu.addAction(self.tr("重做"), self.speech_document.redo)
        redo.setShortcut(QKeySequence("Ctrl+Y"))
        redo.setEnabled(stack.canRedo())
        menu.addSeparator()
        selected = self.selection_points() is not None
        cut = menu.addAction(self.tr("剪切"), self.cut)
        cut.setShortcut(QKeySequence(QKeySequence.StandardKey.Cut))
        cut.setEnabled(selected)
        copy = menu.addAction(self.tr("复制"), self.copy)
        copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        copy.setEnabled(self.textCursor().hasSelection())
        paste = menu.addAction(self.tr("粘贴"), self.paste)
        paste.setShortcut(QKeySequence(QKeySequence.StandardKey.Paste))
        paste.setEnabled(QGuiApplication.clipboard().mimeData() is not None
                         and QGuiApplication.clipboard().mimeData().hasText())
        menu.addSeparator()
        select_all = menu.addAction(self.tr("全选"), self.selectAll)
        select_all.setShortcut(QKeySequence(QKeySequence.StandardKey.SelectAll))
        for action in self.extra_menu_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        return menu

    def contextMenuEvent(self, event) -> None:
        self.context_menu().exec(event.globalPos())

    # --- highlights (find) ----------------------------------------------------------------------

    def set_highlights(self, spans: list[tuple[int, int]], current: int = -1) -> None:
        """Mark view spans (start, end); the one at ``current`` stands out."""
        selections = []
        for i, (start, end) in enumerate(spans):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            char_format = QTextCharFormat()
            char_format.setBackground(CURRENT_HIGHLIGHT if i == current else HIGHLIGHT)
            selection.format = char_format
            selections.append(selection)
        self._highlights = selections
        self.setExtraSelections(selections)

    def _refresh_highlights(self) -> None:
        if self._highlights:
            self.highlights_stale.emit()

    def span_of(self, container: str, index: int, start: int, end: int) -> tuple[int, int] | None:
        """The view span of text of the speech; a whole block when that text is not shown as
        it is (a date line the profile rewrites)."""
        low = self.position_of(Point(container, index, start))
        high = self.position_of(Point(container, index, end))
        if low is None or high is None:
            return None
        if low == high and end > start:
            block = self.document().findBlock(low)
            return block.position(), block.position() + block.length() - 1
        return low, high

    def select_span(self, start: int, end: int) -> None:
        self._snapping = True
        try:
            self._set_caret(end, start)
        finally:
            self._snapping = False
        self._caret_moved()
        self.ensureCursorVisible()

