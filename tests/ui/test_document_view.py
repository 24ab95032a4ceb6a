"""The document view, driven through the window: reading the speech through, typing, Enter,
Backspace/Delete joins, selections across sections, paste, undo, outline ↔ document."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication

from composer.core.numbering import outline_markers
from composer.core.speech import CLOSING, HEAD, OPENING
from composer.core.text_edits import Point
from composer.export.layout import speech_blocks
from composer.io.speech_file import load_speech
from composer.ui import document_view
from composer.ui.page_lines import PageLines
from composer.ui.view_blocks import LINE_BREAK, ViewBlock, document_groups

from .conftest import commit_text, select, shown_blocks


def view_of(window):
    return window.document_pane.view


def page_wrapped(view, blocks: list[ViewBlock]) -> list[ViewBlock]:
    """BLOCKS as the view shows them: in page-width mode with the page's line breaks, set
    afresh (so that an incremental update that left old breaks fails)."""
    if not view.page_width:
        return blocks
    lines = PageLines(view.profile)
    return [lines.wrap(block) for block in blocks]


def settle_lines(view) -> None:
    """The turns of the event loop that set a speech just opened into the page's lines below
    its first screen (test_a_new_speech_is_set_into_page_lines_from_its_first_screen_on)."""
    deadline = time.monotonic() + 10
    while view.renderer.pending and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.001)
    assert not view.renderer.pending, "the page lines below the first screen were never set"


def assert_in_step(window) -> None:
    """The view shows exactly what a fresh drawing of the speech would (so the incremental
    updates left nothing stale), and the speech prints what the view shows."""
    view = view_of(window)
    settle_lines(view)
    fresh = document_groups(window.document.speech, view.profile,
                            outline_markers(window.document.speech), view.hints, view._raw_date)
    wrapped = page_wrapped(view, [block for _, blocks in fresh for block in blocks])
    document = view.document()
    assert [document.findBlockByNumber(i).text() for i in range(document.blockCount())] == \
        [block.text for block in wrapped]
    assert [block for _, blocks in view.groups for block in blocks] == wrapped
    # …and in the right formats: each block's alignment and indent, each piece's font.
    for number, block in enumerate(wrapped):
        shown = document.findBlockByNumber(number)
        wanted = view.renderer.block_format(block)
        assert (shown.blockFormat().alignment(), shown.blockFormat().textIndent()) == \
            (wanted.alignment(), wanted.textIndent()), (number, block)
        at = shown.position()
        for piece in block.pieces:
            if piece.text:
                cursor = QTextCursor(document)
                cursor.setPosition(at + 1)   # the format of the character before the position
                font = cursor.charFormat().font()
                expected = view.renderer.char_format(piece.role).font()
                assert (font.families(), font.pointSizeF()) == \
                    (expected.families(), expected.pointSizeF()), (number, piece)
                assert cursor.charFormat().foreground() == view.renderer.char_format(piece.role).foreground()
            at += len(piece.text)


def section(window, heading):
    return next(s for s, _ in window.document.speech.walk() if s.heading == heading)


def caret_at(window, point: Point) -> None:
    view = view_of(window)
    view.setFocus()
    view.place_caret(point)
    assert view.caret_point() == point


def key(window, qt_key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    view = view_of(window)
    view.setFocus()
    event_key = qt_key
    from PySide6.QtTest import QTest
    QTest.keyClick(view, event_key, modifiers)


@pytest.fixture
def example_window(window, example_path):
    window.document.load(load_speech(example_path), None)
    return window


# --- reading ---------------------------------------------------------------------------------

def test_the_example_reads_through_in_one_view_with_its_numbers(example_window):
    window = example_window
    view = view_of(window)
    assert window.surface.currentWidget() is window.document_pane
    printed = [block.text for block in speech_blocks(window.document.speech, view.profile)]
    shown = [text for text in shown_blocks(view) if text]   # the page's one blank line
    assert shown == [text for text in printed if text]
    assert [b.printed for _, blocks in view.groups for b in blocks] == printed
    assert "一、统一思想，提高认识，深刻理解创建省级文明单位的重要意义" in shown
    assert any(text.startswith("（一）以领导班子建设为核心，增强创建省级文明单位的领导力。领导班子")
               for text in shown), "run-in headings are shown run in"
    assert shown[-1] == "谢谢大家！"
    assert_in_step(window)


def test_numbers_follow_the_outline_at_once(window):
    view = view_of(window)
    select(window, "C")
    window.outline.move_up.trigger()
    assert "二、C" in shown_blocks(view) and "三、B" in shown_blocks(view)
    window.undo_action.trigger()
    assert "二、B" in shown_blocks(view)
    assert_in_step(window)


def test_numbers_are_not_text_the_caret_steps_over_them(window):
    view = view_of(window)
    b = section(window, "B")
    number = next(i for i, text in enumerate(shown_blocks(view)) if text == "二、B")
    block = view.document().findBlockByNumber(number)
    cursor = view.textCursor()
    cursor.setPosition(block.position())          # before 「二、」
    view.setTextCursor(cursor)
    assert view.caret_point() == Point(b.id, -1, 0)
    assert view.textCursor().position() == block.position() + 2
    commit_text(view, "加强")
    assert b.heading == "加强B" and "二、加强B" in shown_blocks(view)
    assert window.outline_model.index_for(b.id).data() == "二、加强B"


def test_paragraphs_have_the_two_character_indent_and_the_profiles_pitch(window):
    view = view_of(window)
    number = shown_blocks(view).index("b text")
    block_format = view.document().findBlockByNumber(number).blockFormat()
    body = view.profile.role("body")
    assert block_format.textIndent() == pytest.approx(view.renderer.px(2 * body.size_pt))
    assert block_format.lineHeight() == pytest.approx(view.renderer.px(view.profile.text.line_pitch_pt))
    title = view.document().findBlockByNumber(0).blockFormat()
    assert title.textIndent() == 0 and title.alignment() & Qt.AlignmentFlag.AlignHCenter


def view_lines(view) -> list[list[str]]:
    """Each printed block's lines as the view lays them out (QTextLayout lines), without the
    line breaks themselves; the view's extras (hints, blank paragraphs) left out."""
    document = view.document()
    out = []
    for number in range(document.blockCount()):
        shown = view.view_block(number)
        if shown is None or shown.extra or not shown.printed:
            continue
        block = document.findBlockByNumber(number)
        layout, text = block.layout(), block.text()
        lines = []
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            lines.append(text[line.textStart():line.textStart() + line.textLength()]
                         .replace(LINE_BREAK, ""))
        out.append(lines)
    return out


def pdf_lines(speech, profile, path) -> list[str]:
    """The lines of our own PDF of the speech, as pdfplumber reads them off the pages."""
    from export.pdf_layout import read_layout

    from composer.pages import export_pdf
    export_pdf(speech, path, profile)
    return ["".join(line.text.split()) for page in read_layout(path, profile.page.bottom_mm)
            for line in page.lines]


def corpus_speeches(corpus_text_path) -> list:
    from composer.io.importing import read_speeches
    return [found.speech for found in read_speeches([corpus_text_path])]


def assert_lines_are_the_pages(window, tmp_path, name: str) -> int:
    """Every line of the view is the line of our PDF, block by block; the number of lines."""
    view = view_of(window)
    assert view.page_width
    QApplication.processEvents()
    settle_lines(view)
    shown = view_lines(view)
    printed = pdf_lines(window.document.speech, view.profile, tmp_path / f"{name}.pdf")
    flat = ["".join(line.split()) for lines in shown for line in lines]
    assert len(flat) == len(printed), name
    at = 0
    for lines in shown:   # a paragraph at a time, to name the first one that differs
        page = printed[at:at + len(lines)]
        assert ["".join(line.split()) for line in lines] == page, (name, at)
        at += len(lines)
    return at


def test_page_width_mode_breaks_every_line_where_our_pdf_breaks_it(window, tmp_path,
                                                                  example_path):
    """The example speech and the eight drafts of the corpus (real text, full of 「，」「。」
    「、“」 and digits): every line of every block — title, head lines, salutation, headings,
    run-in headings, paragraphs, closing — breaks on screen where the page breaks it.  Qt
    alone broke 91 of the example's 214 lines elsewhere: it hangs no 「，」 into the margin,
    breaks no 「、|“」 and adds no space between Chinese and digits."""
    from tests.conftest import CORPUS
    window.document.load(load_speech(example_path), None)
    assert assert_lines_are_the_pages(window, tmp_path, "example") > 200
    drafts = corpus_speeches(CORPUS)
    assert len(drafts) == 8
    for number, speech in enumerate(drafts, 1):
        window.document.load(speech, None)
        assert_lines_are_the_pages(window, tmp_path, f"draft-{number}")


def test_a_new_speech_is_set_into_page_lines_from_its_first_screen_on(window, qtbot):
    """A speech just opened is typeset for its first screen before the window paints, and
    the rest in the next turns of the event loop: the view then shows what a full drawing
    shows.  A place below the first screen looked for before that (a jump, the outline) or
    a key pressed sets the rest at once, so that it is found where it stays; an edit there
    draws its own lines."""
    from tests.conftest import CORPUS
    speech = max(corpus_speeches(CORPUS), key=lambda draft: sum(
        len("".join(section.paragraphs)) for section, _ in draft.walk()))
    view = view_of(window)
    renderer = view.renderer
    window.document.load(speech, None)
    assert renderer.pending, "a long draft waits for the lines below its first screen"
    first_pending = renderer.group_index(next(iter(renderer.pending)))
    shown_lines = sum(1 + block.text.count(LINE_BREAK)
                      for _, blocks in view.groups[:first_pending] for block in blocks)
    assert shown_lines >= view._screen_lines()
    assert view.groups[:first_pending] == [
        (key, page_wrapped(view, blocks)) for key, blocks in document_groups(
            speech, view.profile, outline_markers(speech), view.hints, False)[:first_pending]]
    qtbot.waitUntil(lambda: not renderer.pending)     # the next turns of the event loop
    assert_in_step(window)

    last = list(speech.walk())[-1][0]
    window.document.load(speech, None)
    assert renderer.pending
    assert view.position_of(Point(last.id, 0, 0)) is not None
    assert not renderer.pending
    assert_in_step(window)

    window.document.load(speech, None)
    from composer.core import operations as ops
    text = last.paragraphs[0]
    window.document.execute(ops.set_paragraph(window.document.speech, last.id, 0, "好" + text),
                            "type")
    assert renderer.pending and last.id not in renderer.pending
    qtbot.waitUntil(lambda: not renderer.pending)
    assert_in_step(window)

    window.document.load(speech, None)
    view.set_zoom(0.8)     # as the zoom that fits the window does at start: still waiting
    assert renderer.pending and view.zoom == 0.8
    settle_lines(view)
    assert_in_step(window)

    window.document.load(speech, None)
    assert renderer.pending
    key(window, Qt.Key.Key_PageDown)
    assert not renderer.pending
    assert_in_step(window)

    window.document.load(speech, None)
    assert renderer.pending
    wheel = QWheelEvent(QPointF(50, 50), QPointF(view.mapToGlobal(QPoint(50, 50))), QPoint(0, 0),
                        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)     # scrolled down: the lines are there
    assert not renderer.pending and view.verticalScrollBar().value() > 0
    assert_in_step(window)


def test_page_lines_follow_typing_and_leave_the_text_alone(window, tmp_path, corpus_text):
    """A corpus paragraph with 「，」「。」「、」“ ” and digits, typed into the opening: after each
    commit, and after undo, the lines are the page's; the speech and the clipboard hold no
    line break of the page, and the view's blocks are what a fresh drawing would show."""
    paragraph = next(p.strip() for p in corpus_text.split("\n")
                     if "20xx年至20xx年" in p)
    assert "“" in paragraph and "、" in paragraph
    view = view_of(window)
    caret_at(window, Point(OPENING, 0, 4))
    key(window, Qt.Key.Key_Return)
    half = len(paragraph) // 2
    commit_text(view, paragraph[:half])
    commit_text(view, paragraph[half:])
    commit_text(view, "2024年，")    # digits, and a 「，」 to hang
    speech = window.document.speech
    assert speech.opening[1] == paragraph + "2024年，"
    assert LINE_BREAK not in "".join(speech.opening)
    assert_lines_are_the_pages(window, tmp_path, "typed")
    assert_in_step(window)
    # Select the whole paragraph and copy it: the text as typed, without the page's breaks.
    number = next(i for i, t in enumerate(shown_blocks(view)) if t.startswith(paragraph[:20]))
    block = view.document().findBlockByNumber(number)
    assert LINE_BREAK in block.text()   # broken into the page's lines
    cursor = view.textCursor()
    cursor.setPosition(block.position())
    cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.copy()
    assert QGuiApplication.clipboard().text() == paragraph + "2024年，"
    window.undo_action.trigger()
    assert_lines_are_the_pages(window, tmp_path, "undone")
    assert_in_step(window)


def test_the_caret_at_a_page_line_break_moves_as_at_qts_own(window):
    """End goes to the end of the line (before the page's break), Home to its start; ← and →
    pass one character a press, also across a break; Shift+End selects to the line's end; a
    character typed at the end of a line goes there."""
    view = view_of(window)
    text = "创建文明单位，" * 12
    caret_at(window, Point(OPENING, 0, 4))
    key(window, Qt.Key.Key_Return)
    commit_text(view, text)
    QApplication.processEvents()
    number = next(i for i, t in enumerate(shown_blocks(view)) if t == text)
    block = view.document().findBlockByNumber(number)
    layout = block.layout()
    first, second = layout.lineAt(0), layout.lineAt(1)
    line_end = first.textStart() + first.textLength() - 1     # before the break
    assert block.text()[line_end] == LINE_BREAK
    caret_at(window, Point(OPENING, 1, 3))
    key(window, Qt.Key.Key_End)
    assert view.textCursor().position() == block.position() + line_end
    assert view.caret_point() == Point(OPENING, 1, line_end)
    key(window, Qt.Key.Key_Right)
    assert view.caret_point() == Point(OPENING, 1, line_end + 1)
    key(window, Qt.Key.Key_Left)
    key(window, Qt.Key.Key_Left)
    assert view.caret_point() == Point(OPENING, 1, line_end - 1)
    key(window, Qt.Key.Key_Right)
    assert view.caret_point() == Point(OPENING, 1, line_end)
    key(window, Qt.Key.Key_Right)
    key(window, Qt.Key.Key_Home)
    assert view.textCursor().position() == block.position() + second.textStart()
    assert view.caret_point() == Point(OPENING, 1, line_end)
    caret_at(window, Point(OPENING, 1, 0))
    key(window, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_text() == text[:line_end]
    caret_at(window, Point(OPENING, 1, 2))
    key(window, Qt.Key.Key_End)
    commit_text(view, "好")
    assert window.document.speech.opening[1] == text[:line_end] + "好" + text[line_end:]
    assert view.caret_point() == Point(OPENING, 1, line_end + 1)


def test_outside_page_width_mode_qt_breaks_the_lines_at_the_views_width(window):
    view = view_of(window)
    text = "创建文明单位，" * 20
    caret_at(window, Point(OPENING, 0, 4))
    key(window, Qt.Key.Key_Return)
    commit_text(view, text)
    view.set_page_width(False)
    view.resize(400, 600)
    QApplication.processEvents()
    number = shown_blocks(view).index(text)
    block = view.document().findBlockByNumber(number)
    assert block.text() == text     # no breaks of the page
    assert block.layout().lineCount() > 1 and block.layout().lineAt(1).textLength() < 28
    assert_in_step(window)
    view.set_page_width(True)
    assert LINE_BREAK in view.document().findBlockByNumber(number).text()
    assert_in_step(window)


def test_page_width_mode_fits_the_page_into_a_narrow_window(window, tmp_path, example_path):
    """A 1024-pixel window cut the page at 100 % and needed a horizontal scroll bar.  As Word's
    页宽, the view shows the page at the zoom that fits (never more than the writer's), with
    the same line breaks; a wider window brings the writer's zoom back."""
    window.document.load(load_speech(example_path), None)
    view = view_of(window)
    window.resize(1800, 1000)
    QApplication.processEvents()
    settle_lines(view)
    assert view.zoom == 1.0
    assert view.horizontalScrollBar().maximum() == 0    # a hanging 「，」 stays in the margin
    window.resize(1024, 768)
    QApplication.processEvents()
    assert view.width() < 700    # narrower than the page at 100 %: the test means something
    assert view.zoom < 1.0
    assert view.horizontalScrollBar().maximum() == 0
    assert view.lineWrapColumnOrWidth() + view.verticalScrollBar().width() <= view.width()
    assert window.document_pane.zoom_reset.text().endswith(f"{round(view.zoom * 100)}%）")
    assert_lines_are_the_pages(window, tmp_path, "narrow")
    window.resize(1800, 1000)
    QApplication.processEvents()
    assert view.zoom == 1.0
    view.set_page_width(False)    # without page width, the zoom is the writer's alone
    window.resize(1024, 768)
    QApplication.processEvents()
    assert view.zoom == 1.0


def test_each_role_is_shown_in_the_font_it_prints_in(window):
    """Where the profile's 黑体/楷体/仿宋 are not installed, the view shows the same installed
    stand-ins as the PDF and the printout (it showed every role in the UI's font: a 一、 heading
    looked like the body); the Chinese font comes first, so “ ” are full-width as printed."""
    from PySide6.QtGui import QFontInfo

    from composer.pages import fonts
    view = view_of(window)
    shown = {}
    for role in ("title", "speaker", "body", "heading1", "heading2", "heading3"):
        printed = fonts.resolve(view.profile, view.profile.role(role).font).family
        font = view.renderer.char_format(role).font()
        assert font.families()[0] == printed, role
        assert QFontInfo(font).family() == printed, role
        shown[role] = printed
    # Four CJK test fonts are installed (a Song, a Kai, a Hei): the roles look different.
    assert len({shown["body"], shown["heading1"], shown["heading2"]}) == 3


def test_zoom_with_ctrl_wheel_and_keys(window, qtbot):
    view = view_of(window)
    size = view.renderer.char_format("body").font().pointSizeF()
    wheel = QWheelEvent(QPointF(50, 50), QPointF(view.mapToGlobal(QPoint(50, 50))), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom > 1 and view.renderer.char_format("body").font().pointSizeF() > size
    assert_in_step(window)   # drawn in the new size
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom < 1
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(1.0)
    assert_in_step(window)


# --- typing ----------------------------------------------------------------------------------

def test_input_method_commits_at_the_caret_merge_per_burst(window):
    view = view_of(window)
    b = section(window, "B")
    caret_at(window, Point(b.id, 0, 1))
    before = window.document.stack.count()
    for piece in ("同志们", "，", "大家好"):
        commit_text(view, piece)
    assert b.paragraphs == ["b同志们，大家好 text"]
    assert window.document.stack.count() == before + 1
    assert view.caret_point() == Point(b.id, 0, 8)
    assert_in_step(window)
    window.undo_action.trigger()
    assert b.paragraphs == ["b text"]
    assert_in_step(window)


def test_the_candidate_window_follows_the_caret(window):
    view = view_of(window)
    b = section(window, "B")
    caret_at(window, Point(b.id, 0, 3))
    QApplication.sendEvent(view, QInputMethodEvent("wenming", []))
    rect = view.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    assert rect.isValid() and abs(rect.top() - view.cursorRect().top()) <= 2
    assert b.paragraphs == ["b text"], "composing text is not the speech's yet"
    done = QInputMethodEvent("", [])
    done.setCommitString("文明")
    QApplication.sendEvent(view, done)
    assert b.paragraphs == ["b t文明ext"]
    assert_in_step(window)


def test_plain_keys_type_too(window, qtbot):
    view = view_of(window)
    b = section(window, "B")
    caret_at(window, Point(b.id, 0, 6))
    qtbot.keyClicks(view, " ok")
    assert b.paragraphs == ["b text ok"]


def test_enter_splits_and_backspace_and_delete_join(window):
    b = section(window, "B")
    caret_at(window, Point(b.id, 0, 1))
    key(window, Qt.Key.Key_Return)
    assert b.paragraphs == ["b", " text"]
    assert view_of(window).caret_point() == Point(b.id, 1, 0)
    assert_in_step(window)
    key(window, Qt.Key.Key_Backspace)
    assert b.paragraphs == ["b text"]
    assert view_of(window).caret_point() == Point(b.id, 0, 1)
    key(window, Qt.Key.Key_Return)
    caret_at(window, Point(b.id, 0, 1))
    key(window, Qt.Key.Key_Delete)
    assert b.paragraphs == ["b text"]
    assert_in_step(window)
    for _ in range(4):
        window.undo_action.trigger()
    assert b.paragraphs == ["b text"]
    assert window.document.stack.index() == 0


def test_backspace_and_delete_inside_text_remove_one_character(window):
    b = section(window, "B")
    caret_at(window, Point(b.id, 0, 3))
    key(window, Qt.Key.Key_Backspace)
    key(window, Qt.Key.Key_Delete)
    assert b.paragraphs == ["b ext"[:2] + "xt"]
    assert_in_step(window)


def test_enter_after_a_heading_starts_its_text_and_backspace_takes_it_back(window):
    b = section(window, "B")
    caret_at(window, Point(b.id, -1, 1))
    key(window, Qt.Key.Key_Return)
    assert b.paragraphs == ["", "b text"]
    commit_text(view_of(window), "新的一段")
    assert b.paragraphs == ["新的一段", "b text"]
    assert_in_step(window)


def test_backspace_at_a_paragraph_after_a_heading_leaves_the_text(window):
    b = section(window, "B")
    caret_at(window, Point(b.id, 0, 0))
    key(window, Qt.Key.Key_Backspace)
    assert b.heading == "B" and b.paragraphs == ["b text"]
    assert view_of(window).caret_point() == Point(b.id, -1, 1)


def test_typing_into_the_empty_closing_creates_it(window):
    window.document.speech.closing.clear()
    window.document.reset.emit()
    view = view_of(window)
    assert "（结尾）" in shown_blocks(view)
    caret_at(window, Point(CLOSING, 0, 0))
    commit_text(view, "谢谢！")
    assert window.document.speech.closing == ["谢谢！"]
    assert "（结尾）" not in shown_blocks(view)
    assert_in_step(window)


def test_head_fields_are_edited_in_place(window):
    view = view_of(window)
    caret_at(window, Point("title", -1, 0))
    commit_text(view, "在动员大会上的讲话：")
    assert window.document.speech.title == "在动员大会上的讲话：T"
    assert window.outline_model.index(0, 0).data() == "在动员大会上的讲话：T"
    assert_in_step(window)


def test_the_head_dialog_fills_the_fields_the_page_leaves_out(window, monkeypatch):
    from composer.ui import head_dialog
    monkeypatch.setattr(head_dialog, "ask_head_fields", lambda parent, speech: {
        "title": speech.title, "subtitle": "在全局大会上", "speaker": "王局长", "date": "2024年3月15日",
        "salutation": speech.salutation})
    before = window.document.stack.count()
    window.info_action.trigger()
    speech = window.document.speech
    assert (speech.subtitle, speech.speaker) == ("在全局大会上", "王局长")
    assert window.document.stack.count() == before + 1
    assert shown_blocks(view_of(window))[1:4] == ["——在全局大会上", "王局长", "（2024年3月15日）"]
    window.undo_action.trigger()
    assert speech.subtitle == "" and speech.speaker == ""
    assert_in_step(window)


def test_a_date_the_profile_rewrites_shows_as_typed_while_the_caret_is_in_it(window):
    view = view_of(window)
    window.document.speech.date = "2024-03-15"
    window.document.reset.emit()
    assert "（2024年3月15日）" in shown_blocks(view)
    caret_at(window, Point("date", -1, 10))
    assert "（2024-03-16）" not in shown_blocks(view)
    key(window, Qt.Key.Key_Backspace)
    commit_text(view, "6")
    assert window.document.speech.date == "2024-03-16"
    caret_at(window, Point(OPENING, 0, 0))
    assert "（2024年3月16日）" in shown_blocks(view)


# --- paste, cut, selections ---------------------------------------------------------------------

def test_paste_is_cleaned_and_may_hold_several_paragraphs(window):
    from composer.core.cleanup import clean_paste
    view = view_of(window)
    b = section(window, "B")
    caret_at(window, Point(b.id, 0, 6))
    pasted = "  同志们：\r\n\r\n　　今天，我们召开动员大会。\r\n"
    mime = QMimeData()
    mime.setText(pasted)
    before = window.document.stack.count()
    view.insertFromMimeData(mime)
    cleaned = clean_paste(pasted)
    assert len(cleaned) == 2
    assert b.paragraphs == ["b text" + cleaned[0], cleaned[1]]
    assert window.document.stack.count() == before + 1
    assert_in_step(window)
    window.undo_action.trigger()
    assert b.paragraphs == ["b text"]


@pytest.mark.parametrize("pasted,paragraphs", [
    ("甲。\n\n乙。\n", ["甲。", "乙。", "b text"]),   # whole paragraphs: the text after stays apart
    ("甲。\n\n乙。", ["甲。", "乙。b text"]),          # no final break: the last one runs on
])
def test_pasted_whole_paragraphs_keep_apart_from_the_text_after(window, pasted, paragraphs):
    b = section(window, "B")
    caret_at(window, Point(b.id, 0, 0))
    mime = QMimeData()
    mime.setText(pasted)
    view_of(window).insertFromMimeData(mime)
    assert b.paragraphs == paragraphs
    assert_in_step(window)
    window.undo_action.trigger()
    assert b.paragraphs == ["b text"]


def select_between(window, a: Point, b: Point) -> None:
    view = view_of(window)
    view.setFocus()
    cursor = view.textCursor()
    cursor.setPosition(view.position_of(a))
    cursor.setPosition(view.position_of(b), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def test_a_selection_within_paragraphs_deletes_as_one_edit(window):
    a = section(window, "A")
    a.paragraphs[:] = ["甲一", "甲二", "甲三"]
    window.document.reset.emit()
    select_between(window, Point(a.id, 0, 1), Point(a.id, 2, 1))
    key(window, Qt.Key.Key_Delete)
    assert a.paragraphs == ["甲三"[:0] + "甲" + "三"]
    assert_in_step(window)
    window.undo_action.trigger()
    assert a.paragraphs == ["甲一", "甲二", "甲三"]


def test_a_cut_across_sections_asks_and_undoes_in_one_step(window, monkeypatch):
    asked = []

    def answer(parent, headings, beyond, cut):
        asked.append((headings, beyond, cut))
        return document_view.WHOLE
    monkeypatch.setattr(document_view, "ask_about_headings", answer)
    speech = window.document.speech
    before = speech.content()
    a, b = section(window, "A"), section(window, "B")
    select_between(window, Point(a.id, 0, 2), Point(b.id, 0, 3))
    view = view_of(window)
    expected_clipboard = view.selected_text()
    assert expected_clipboard.startswith("text\n（一）A1\n")
    key(window, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert asked == [(["（一）A1", "（二）A2", "二、B"], len("b text") - 3, True)]
    assert QGuiApplication.clipboard().text() == expected_clipboard
    assert [s.heading for s in speech.body] == ["A", "C"]
    assert a.paragraphs == ["a "] and a.children == []
    assert view.caret_point() == Point(a.id, 0, 2)
    assert_in_step(window)
    window.undo_action.trigger()
    assert speech.content() == before
    assert_in_step(window)


def test_deleting_across_a_heading_can_keep_the_headings(window, monkeypatch):
    monkeypatch.setattr(document_view, "ask_about_headings", lambda *a: document_view.KEEP)
    speech = window.document.speech
    a, b = section(window, "A"), section(window, "B")
    select_between(window, Point(a.id, 0, 2), Point(b.id, 0, 3))
    key(window, Qt.Key.Key_Delete)
    assert [s.heading for s, _ in speech.walk()] == ["A", "A1", "A1a", "A2", "B", "C"]
    assert a.paragraphs == ["a "] and b.paragraphs == ["ext"]
    assert all(s.paragraphs == [] for s in a.walk() if s is not a)
    assert_in_step(window)


def test_a_cancelled_question_changes_nothing(window, monkeypatch):
    monkeypatch.setattr(document_view, "ask_about_headings", lambda *a: None)
    speech = window.document.speech
    before = speech.content()
    a, b = section(window, "A"), section(window, "B")
    select_between(window, Point(a.id, 0, 2), Point(b.id, 0, 3))
    key(window, Qt.Key.Key_Backspace)
    assert speech.content() == before


def test_typing_over_a_selection_replaces_it_in_one_step(window):
    b = section(window, "B")
    select_between(window, Point(b.id, 0, 0), Point(b.id, 0, 4))
    before = window.document.stack.count()
    commit_text(view_of(window), "正文")
    assert b.paragraphs == ["正文xt"]
    assert window.document.stack.count() == before + 1


# --- undo and redo -------------------------------------------------------------------------------

def test_ctrl_y_redoes_while_typing(window, qtbot):
    view = view_of(window)
    c = section(window, "C")
    caret_at(window, Point(c.id, 0, 0))
    commit_text(view, "未")
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert c.paragraphs == ["c text"]
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert c.paragraphs == ["未c text"]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert c.paragraphs == ["未c text"]
    assert_in_step(window)


def test_ctrl_y_redoes_in_the_focus_editor_fields_too(window, qtbot):
    window.focus_action.trigger()
    select(window, "C")
    text = window.editor.section.text
    commit_text(text, "未")
    qtbot.keyClick(text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert section(window, "C").paragraphs == ["c text"]
    qtbot.keyClick(text, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert section(window, "C").paragraphs == ["未c text"]


def test_the_context_menu_undoes_and_redoes_the_speech(window):
    view = view_of(window)
    c = section(window, "C")
    caret_at(window, Point(c.id, 0, 0))
    commit_text(view, "加")
    menu = view.context_menu()
    actions = {a.text(): a for a in menu.actions() if not a.isSeparator()}
    assert {"撤销", "重做", "剪切", "复制", "粘贴", "全选", "查找…", "替换…"} <= set(actions)
    assert actions["撤销"].isEnabled() and not actions["重做"].isEnabled()
    actions["撤销"].trigger()
    assert c.paragraphs == ["c text"]
    menu = view.context_menu()
    redo = next(a for a in menu.actions() if a.text() == "重做")
    assert redo.isEnabled()
    redo.trigger()
    assert c.paragraphs == ["加c text"]


def test_undo_moves_the_caret_to_what_it_changed(window):
    view = view_of(window)
    b, c = section(window, "B"), section(window, "C")
    caret_at(window, Point(b.id, 0, 2))
    commit_text(view, "乙")
    caret_at(window, Point(c.id, 0, 0))
    window.undo_action.trigger()
    assert view.caret_point().container == b.id


# --- outline and document in step ----------------------------------------------------------------

def test_selecting_in_the_outline_shows_that_text(example_window):
    window = example_window
    view = view_of(window)
    target = window.document.speech.body[2].children[1]
    window.outline.select(target.id)
    assert view.group_key_at(view.textCursor().position()) == target.id
    rect = view.cursorRect()
    assert 0 <= rect.top() < view.viewport().height() / 3, "scrolled there, near the top"


def test_moving_the_caret_selects_the_section_in_the_outline(window, qtbot):
    view = view_of(window)
    a1 = section(window, "A1")
    caret_at(window, Point(a1.id, 0, 1))
    assert window.outline.current_key() == a1.id
    caret_at(window, Point(CLOSING, 0, 0))
    assert window.outline.current_key() == CLOSING
    caret_at(window, Point("title", -1, 0))
    assert window.outline.current_key() == HEAD
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert window.outline.current_key() == CLOSING


def test_a_drag_in_the_outline_reorders_the_document_at_once(window):
    from .conftest import section_mime
    from PySide6.QtCore import QModelIndex
    model = window.outline_model
    c = section(window, "C")
    mime = section_mime(model, c.id)
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 2, 0, QModelIndex())
    texts = shown_blocks(view_of(window))
    assert texts.index("一、C") < texts.index("二、A") < texts.index("三、B")
    assert_in_step(window)


def test_inserting_from_the_library_lands_at_the_caret(window):
    b = section(window, "B")
    b.paragraphs[:] = ["乙一", "乙二"]
    window.document.reset.emit()
    caret_at(window, Point(b.id, 0, 2))
    snippet = window.library_pane.model.lookup("bundled/test.library.yaml\np-5")   # a body-text snippet
    window.library_pane.insert_requested.emit(snippet)
    assert b.paragraphs == ["乙一", "同志们，创建工作任重道远。", "乙二"], "after the caret's paragraph"
    assert_in_step(window)
    section_snippet = window.library_pane.model.lookup("bundled/test.library.yaml\np-2")  # level 2
    window.library_pane.insert_requested.emit(section_snippet)
    assert [s.heading for s in b.children] == ["加强组织领导"], "under the caret's section"
    assert_in_step(window)


def test_after_undo_of_an_insert_the_nearest_section_is_selected_and_shown(window):
    view = view_of(window)
    select(window, "B")
    snippet = window.library_pane.model.lookup("bundled/test.library.yaml\np-1")   # a level-1 snippet: after B
    window.library_pane.insert_requested.emit(snippet)
    inserted = window.outline.current_key()
    assert window.document.speech.find(inserted).heading == "统一思想，提高认识"
    window.undo_action.trigger()
    current = window.outline.current_key()
    assert current in (section(window, "B").id, section(window, "C").id)
    assert view.group_key_at(view.textCursor().position()) == current
    assert_in_step(window)


def test_after_undo_of_a_move_the_section_stays_selected(window):
    view = view_of(window)
    select(window, "C")
    c = section(window, "C")
    window.outline.move_up.trigger()
    window.undo_action.trigger()
    assert window.outline.current_key() == c.id
    assert view.group_key_at(view.textCursor().position()) == c.id


def test_new_sections_get_their_heading_typed_in_the_document(window):
    select(window, "B")
    window.outline.new_sibling.trigger()
    new = window.document.speech.body[2]
    assert view_of(window).hasFocus() or QApplication.focusWidget() is view_of(window)
    commit_text(view_of(window), "新的一节")
    assert new.heading == "新的一节"
    assert "三、新的一节" in shown_blocks(view_of(window))


def test_the_windows_outline_keys_work_while_typing_in_the_document(window, qtbot):
    view = view_of(window)
    b = section(window, "B")
    caret_at(window, Point(b.id, 0, 2))
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [s.heading for s in window.document.speech.body] == ["A", "B", "", "C"]
    assert b.paragraphs == ["b text"], "Ctrl+Enter makes a section, it does not split"
    new = window.document.speech.body[2]
    assert view.caret_point() == Point(new.id, -1, 0)
    commit_text(view, "新标题")
    assert new.heading == "新标题"


def test_backspace_after_a_run_in_heading_that_ends_a_sentence_edits_the_heading(window):
    b = section(window, "B")
    b.heading, b.run_in = "压实责任。", True
    window.document.reset.emit()
    assert "二、压实责任。b text" in shown_blocks(view_of(window))
    caret_at(window, Point(b.id, 0, 0))
    key(window, Qt.Key.Key_Backspace)
    assert b.heading == "压实责任" and b.paragraphs == ["b text"]
    assert "二、压实责任。b text" in shown_blocks(view_of(window)), "the layout adds the 。 again"
    assert_in_step(window)


def test_a_full_width_space_from_the_keyboard_is_typed(window, qtbot):
    b = section(window, "B")
    caret_at(window, Point(b.id, 0, 1))
    qtbot.keyClick(view_of(window), Qt.Key.Key_Space)
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtCore import QEvent
    event = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, "\u3000")
    QApplication.sendEvent(view_of(window), event)
    assert b.paragraphs == ["b \u3000 text"]


def test_text_changed_behind_the_views_back_is_drawn_again_from_the_speech(window, qtbot):
    """Should Qt change the shown text some other way (a drag of the selection into another
    program removes it), the view shows the speech again; the speech was never touched."""
    view = view_of(window)
    before = window.document.speech.content()
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.position_of(Point(section(window, "B").id, 0, 0)))
    cursor.setPosition(cursor.position() + 4, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    assert "b text" not in shown_blocks(view)
    qtbot.waitUntil(lambda: "b text" in shown_blocks(view), timeout=2000)
    assert window.document.speech.content() == before
    assert_in_step(window)


def test_the_signature_follows_the_closing_right_aligned_and_edited_in_place(window):
    from composer.core import operations as ops
    view = view_of(window)
    window.document.execute(ops.set_head_field(window.document.speech, "signature", "某某市统计局"),
                            "落款")
    window.document.execute(ops.set_head_field(window.document.speech, "date", "2024年3月15日"), "日期")
    texts = shown_blocks(view)
    assert texts[-4:] == ["谢谢大家！", "", "某某市统计局", "2024年3月15日"]
    last = view.document().lastBlock()
    assert last.blockFormat().alignment() & Qt.AlignmentFlag.AlignRight
    assert last.blockFormat().rightMargin() > 0
    caret_at(window, Point("signature", -1, 2))
    commit_text(view, "人民政府")
    assert window.document.speech.signature == "某某人民政府市统计局"
    assert_in_step(window)


def test_a_long_title_shows_its_printed_lines_and_shift_enter_breaks_it(window):
    view = view_of(window)
    speech = window.document.speech
    speech.title = "在全市创建省级文明单位暨精神文明建设工作推进动员大会上的讲话"
    window.document.reset.emit()
    title = shown_blocks(view)[0]
    assert "\u2028" in title and title.replace("\u2028", "") == speech.title
    assert_in_step(window)
    caret_at(window, Point("title", -1, 3))
    qtbot_key = Qt.KeyboardModifier.ShiftModifier
    key(window, Qt.Key.Key_Return, qtbot_key)
    assert speech.title.startswith("在全市\n创建")
    assert shown_blocks(view)[0].startswith("在全市\u2028")
    printed = next(b.text for b in speech_blocks(speech, view.profile) if b.role == "title")
    assert shown_blocks(view)[0].count("\u2028") == printed.count("\n")   # no empty line
    assert view.caret_point() == Point("title", -1, 4)
    commit_text(view, "的")
    assert speech.title.startswith("在全市\n的创建")
    assert_in_step(window)


def test_enter_inside_the_title_says_how_to_break_it(window):
    """A head line is one paragraph, so Enter inside the title changes nothing: the status bar
    says Shift+Enter breaks it, instead of a key that does nothing."""
    view = view_of(window)
    speech = window.document.speech
    speech.title = "在创建文明单位动员大会上的讲话"
    window.document.reset.emit()
    caret_at(window, Point("title", -1, 4))
    key(window, Qt.Key.Key_Return)
    assert speech.title == "在创建文明单位动员大会上的讲话"
    assert "Shift+Enter" in window.statusBar().currentMessage()
    assert view.caret_point() == Point("title", -1, 4)
