"""UI benchmarks, measured through Qt's models and views (offscreen):

* cold start: a new process until the main window is shown with the bundled library loaded;
* live search: one keystroke in the library pane's search box with 10,000 snippets, until the
  list has been filtered, laid out and painted;
* drag-move: dropping a level-1 section with 50 descendants in a 500-node outline through the
  outline model, until the view has renumbered, laid out and painted;
* typing: one character committed by an input method in the editor (undo step, outline,
  statistics);
* the document view of a 30,000-字 speech: one character typed (input-method commit at the
  caret: core edit, undo step, the one block re-rendered, outline and view painted), Enter
  (a paragraph split), and building the whole view (a new speech, a structural change, a new
  zoom; in page-width mode the page's line breaks of each block are cached, and one case sets
  them all anew).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from generate import big_outline, big_pack, big_speech
from harness import Case, installed_env

ROOT = Path(__file__).resolve().parent.parent

START_CHILD = """
import os, sys, time
from composer.ui import app
application, window = app.launch()
application.processEvents()
while window.library_pane.loading:   # the library loads in the background: until it is in
    application.processEvents()
    time.sleep(0.002)
assert window.isVisible() and window.library_pane.model.all_snippets()
sys.stdout.write("shown\\n")
sys.stdout.flush()
os._exit(0)
"""

BARE_CHILD = """
import os, sys
from PySide6.QtWidgets import QApplication, QMainWindow
application = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()
application.processEvents()
sys.stdout.write("shown\\n")
sys.stdout.flush()
os._exit(0)
"""


def _start(code: str, env: dict) -> None:
    # A new settings folder each time: every run is a first start, which opens the example
    # speech; the library index in the cache folder stays, as after the program's first start.
    env = dict(env, XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="bench-ui-config-"))
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    if "shown" not in result.stdout:
        raise RuntimeError(f"the window was not shown: {result.stderr[-2000:]}")


def _start_env() -> dict:
    """A user profile of its own (the warm-up run builds the library index)."""
    home = tempfile.mkdtemp(prefix="bench-ui-start-")
    env = os.environ.copy()
    env.update(QT_QPA_PLATFORM="offscreen", SPEECH_COMPOSER_DATA=os.path.join(home, "data"),
               SPEECH_COMPOSER_CACHE=os.path.join(home, "cache"),
               HOME=home,
               PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""))
    return installed_env(env)


def _application():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0]])


def search_cases() -> list[Case]:
    from PySide6.QtWidgets import QApplication

    from composer.io.library_store import LoadedLibrary
    from composer.ui.library_pane import LibraryPane
    _application()
    pack = big_pack()
    pack.path = "generated"
    for snippet in pack.snippets:
        snippet.haystack  # computed once at load in the application
    pane = LibraryPane()
    pane.resize(360, 800)
    pane.set_library(LoadedLibrary([pack], []))
    pane.show()
    QApplication.processEvents()
    # Typing 文明单位 and deleting it again, one keystroke per run.
    keystrokes = ["文", "文明", "文明单", "文明单位", "文明单", "文明", "文", ""]
    state = {"next": 0}

    def keystroke():
        pane.search.setText(keystrokes[state["next"] % len(keystrokes)])
        state["next"] += 1
        QApplication.processEvents()
        pane.list.viewport().repaint()  # lay out and paint the filtered list, now

    # The worst case: every keystroke a query never seen, searched in all 10,000 snippets.
    fresh = list("的是会工作单位文明创建要在和我们全面")
    state["fresh"] = 0

    def fresh_keystroke():
        pane.model._recent.clear()
        pane.search.setText(fresh[state["fresh"] % len(fresh)])
        state["fresh"] += 1
        QApplication.processEvents()
        pane.list.viewport().repaint()

    return [
        Case("ui: library search, typing 文明单位 and back, 10,000 snippets", keystroke,
             bar=0.016, runs=32, warmup=8),
        Case("ui: library search, a new 1-character query in all 10,000 snippets", fresh_keystroke,
             bar=0.016, runs=21, warmup=2),
    ]


def drag_cases() -> list[Case]:
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QApplication

    from composer.ui.document import Document
    from composer.ui.outline_model import OutlineModel
    from composer.ui.outline_view import OutlineView
    _application()
    speech = big_outline(500, 50)
    document = Document(speech)
    model = OutlineModel(document)
    view = OutlineView()
    view.setModel(model)
    view.resize(420, 900)
    view.expandAll()
    view.show()
    model.budget.refresh()      # the figures beside the rows, as shown once the window is up
    QApplication.processEvents()
    big = speech.body[0]
    last_row = model.rowCount() - 1  # the drop goes between the last section and 结尾

    def undo():
        if document.stack.canUndo():
            document.stack.undo()
            QApplication.processEvents()

    def drop():
        mime = model.mimeData([model.index_for(big.id)])
        assert model.dropMimeData(mime, Qt.DropAction.MoveAction, last_row, 0, QModelIndex())
        QApplication.processEvents()
        view.viewport().repaint()  # the view renumbers, lays out and paints, now

    # The ratio is to the same move in the core alone (bench_core.py, when both run).
    return [
        Case("ui: drag-move level-1 with 50 descendants, 500-node outline, through model+view",
             drop, setup=undo, bar=0.016, runs=21,
             baseline="outline 500 nodes: move level-1 with 50 descendants + renumber"),
    ]


def typing_case() -> Case:
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from composer.io.speech_file import load_speech
    from composer.ui.main_window import MainWindow
    _application()
    example = next((ROOT / "resources" / "examples").glob("*.speech.yaml"))
    window = MainWindow()
    window.document.load(load_speech(example), None)
    window.show()
    section = window.document.speech.body[1].children[0]
    window.outline.select(section.id)
    editor = window.editor.section.text
    QApplication.processEvents()

    def type_one():
        event = QInputMethodEvent("", [])
        event.setCommitString("文")
        QApplication.sendEvent(editor, event)
        QApplication.processEvents()
        window.outline_view.viewport().repaint()
        editor.viewport().repaint()

    return Case("ui: one character typed in the editor (example speech)", type_one, bar=0.016,
                runs=41, warmup=3)


def document_cases() -> list[Case]:
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from composer.core.text_edits import Point
    from composer.ui.main_window import MainWindow
    _application()
    window = MainWindow()
    window.resize(1400, 900)
    speech = big_speech(30_000)
    window.document.load(speech, None)
    window.show()
    QApplication.processEvents()
    view = window.document_pane.view
    characters = sum(len(block.text) for _, blocks in view.groups for block in blocks)
    middle = speech.body[len(speech.body) // 2].children[0]
    view.setFocus()
    view.place_caret(Point(middle.id, 0, 10))
    window.outline.select(middle.id)   # as after a click: the outline follows the caret
    QApplication.processEvents()

    def paint() -> None:
        # What Qt repaints by itself (the changed block, the outline row whose tooltip
        # changed, the status bar), and the whole visible page of the document on top.
        QApplication.processEvents()
        view.viewport().repaint()

    def type_one() -> None:
        event = QInputMethodEvent("", [])
        event.setCommitString("文")
        QApplication.sendEvent(view, event)
        paint()

    def enter() -> None:
        view.enter()
        paint()

    def undo_enter() -> None:
        window.document.undo()
        QApplication.processEvents()

    def build() -> None:   # everything drawn anew: a speech opened, a zoom, a new profile
        view.rebuild(full=True)
        paint()

    def build_cold() -> None:   # a speech never shown: every block set into the page's lines
        if view.renderer.page_lines is not None:
            view.renderer.page_lines.forget()
        build()

    # Baselines in the same run: a plain QTextEdit holding the same text, for the floor of
    # what Qt itself needs to take a character and to lay out and paint the text.
    from PySide6.QtWidgets import QTextEdit
    plain = QTextEdit()
    plain.resize(view.size())
    plain_text = view.toPlainText()
    plain.setPlainText(plain_text)
    plain.show()
    plain_cursor = plain.textCursor()
    plain_cursor.setPosition(len(plain_text) // 2)
    plain.setTextCursor(plain_cursor)

    def plain_type() -> None:
        event = QInputMethodEvent("", [])
        event.setCommitString("文")
        QApplication.sendEvent(plain, event)
        QApplication.processEvents()
        plain.viewport().repaint()

    def plain_enter() -> None:
        plain.textCursor().insertBlock()
        QApplication.processEvents()
        plain.viewport().repaint()

    def plain_undo_enter() -> None:
        cursor = plain.textCursor()
        cursor.deletePreviousChar()
        QApplication.processEvents()

    def plain_build() -> None:
        plain.setPlainText(plain_text)
        QApplication.processEvents()
        plain.viewport().repaint()

    def move() -> None:   # a structural change: the last section to the front, through the outline
        window.outline.select(speech.body[-1].id)
        window.outline.move_up.trigger()
        paint()

    # The view alone (no outline, no window): a section moved through the document, redrawn.
    from composer.core import operations as ops
    from composer.core.numbering import outline_markers
    from composer.ui import services
    from composer.ui.document import Document
    from composer.ui.document_view import DocumentView
    alone = Document(big_speech(30_000))
    alone_view = DocumentView(alone, lambda: outline_markers(alone.speech),
                              services.format_profile(None))
    alone_view.resize(view.size())
    alone_view.show()
    QApplication.processEvents()
    moving = alone.speech.body[-1]

    def move_alone() -> None:
        edit = ops.move_up(alone.speech, moving.id) if alone.speech.body[-1] is moving \
            else ops.move_down(alone.speech, moving.id)
        alone.execute(edit, "move")
        QApplication.processEvents()
        alone_view.viewport().repaint()

    name = f"{characters:,}-character speech"
    typed_plain = f"ui: plain QTextEdit, one character typed, same text ({characters:,})"
    built_plain = f"ui: plain QTextEdit, setPlainText of the same text ({characters:,})"
    entered_plain = f"ui: plain QTextEdit, Enter, same text ({characters:,})"
    return [
        Case(typed_plain, plain_type, runs=41, warmup=3, note="baseline"),
        Case(f"ui: document view, one character typed, {name}", type_one, bar=0.016, runs=41,
             warmup=3, baseline=typed_plain),
        Case(entered_plain, plain_enter, setup=plain_undo_enter, runs=21, warmup=2,
             note="baseline"),
        Case(f"ui: document view, Enter splits a paragraph, {name}", enter, setup=undo_enter,
             bar=0.016, runs=21, warmup=2, baseline=entered_plain),
        Case(built_plain, plain_build, runs=11, warmup=1, note="baseline"),
        Case(f"ui: document view built, {name}", build, bar=0.100, runs=11, warmup=1,
             baseline=built_plain),
        Case(f"ui: document view built, every line set anew (page width), {name}", build_cold,
             bar=0.100, runs=11, warmup=1, baseline=built_plain),
        Case(f"ui: document view after moving a section in the outline, {name}", move,
             bar=0.100, runs=11, warmup=1, baseline=built_plain),
        Case(f"ui: document view alone, redrawn after a section moved, {name}", move_alone,
             bar=0.100, runs=11, warmup=1, baseline=built_plain),
    ]


def cases() -> list[Case]:
    env = _start_env()
    return [
        Case("ui: bare PySide6 window shown (new process)", lambda: _start(BARE_CHILD, env),
             runs=9, note="baseline"),
        Case("ui: cold start to main window shown, bundled library (new process)",
             lambda: _start(START_CHILD, env), bar=0.4, runs=9,
             baseline="ui: bare PySide6 window shown (new process)"),
        *search_cases(),
        *drag_cases(),
        typing_case(),
        *document_cases(),
    ]
