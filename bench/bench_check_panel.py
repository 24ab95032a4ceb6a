"""The 检查 dock and the time budget in the window, on a 30,000-字 speech (offscreen):

* a keystroke: one character committed by an input method in the document view, with the dock, the
  outline's figures and the status bar attached (their timers restarted, nothing else), against
  the same keystroke in a bare QTextEdit holding the same paragraphs (the whole speech);
* the check after the typing pause: the engine's recheck of the changed paragraph, the dock's
  list updated and painted (the issue's bar: ≤ 16 ms);
* the outline's figures after the pause: the figures counted again (a memo of the texts, so only
  the changed section is counted) and the outline's column painted;
* the engine's recheck alone (bench_proofread.py's case), as the baseline of the check.

The speech is bench_proofread.py's: the corpus's real paragraphs repeated to 30,000 字, with
the bundled confusion list and a 320-entry office list.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench_proofread import office_lists, speech_of
from harness import Case, Info


def cases() -> list:
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from composer.core.proofread import Proofreader
    from composer.io.library_store import LoadedLibrary
    from composer.io.proofread_lists import load_lexicon
    from composer.ui import settings
    from composer.ui.main_window import MainWindow

    QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="bench-check-"))
    settings.use_folder(str(folder / "settings"))
    office_lists(folder)
    settings.set_library_folders([str(folder)])
    speech = speech_of(30_000)
    speech.target_minutes = 15
    window = MainWindow(library=LoadedLibrary([], []))
    window.resize(1400, 900)
    window.document.load(speech, None)
    window.show()
    window.checker.run()
    window.outline_model.budget.refresh()
    QApplication.processEvents()
    findings = len(window.checker.findings)
    # Typing goes into the longest paragraph of a middle section, at its middle.
    sections = [s for s, _ in speech.walk() if s.paragraphs]
    middle = sections[len(sections) // 2]
    index = max(range(len(middle.paragraphs)), key=lambda i: len(middle.paragraphs[i]))
    from composer.core.text_edits import Point
    editor = window.document_pane.view
    at = len(middle.paragraphs[index]) // 2
    editor.place_caret(Point(middle.id, index, at))
    QApplication.processEvents()
    dock_view = window.check_panel.tree.viewport()
    outline_view = window.outline_view.viewport()

    def type_one() -> None:
        event = QInputMethodEvent("", [])
        event.setCommitString("进")
        QApplication.sendEvent(editor, event)
        QApplication.processEvents()
        outline_view.repaint()
        editor.viewport().repaint()

    def typed_untimed() -> None:
        type_one()

    def check_after_pause() -> None:
        window.checker.run()
        QApplication.processEvents()
        dock_view.repaint()

    def budget_after_pause() -> None:
        window.outline_model.budget.refresh()
        QApplication.processEvents()
        window.outline_view.strip.repaint()

    # The baseline of a keystroke: the same paragraph in a bare QTextEdit, typed the same way.
    from PySide6.QtWidgets import QTextEdit
    bare = QTextEdit()
    bare.resize(editor.size())
    bare.setPlainText("\n".join(p for s, _ in speech.walk() for p in s.paragraphs))
    bare.show()
    bare_cursor = bare.textCursor()
    bare_cursor.setPosition(len(bare.toPlainText()) // 2)
    bare.setTextCursor(bare_cursor)

    def type_bare() -> None:
        event = QInputMethodEvent("", [])
        event.setCommitString("进")
        QApplication.sendEvent(bare, event)
        QApplication.processEvents()
        bare.viewport().repaint()

    lexicon = load_lexicon([folder]).lexicon
    reader = Proofreader(lexicon)
    reader.check(speech, include_ignored=True)

    def engine_only() -> None:
        reader.recheck_paragraph(speech, middle.id, index, include_ignored=True)

    return [
        Info("check panel: speech", lambda: f"{sum(1 for _ in speech.walk())} sections, "
             f"{findings} findings in the dock, typing in a paragraph of "
             f"{len(middle.paragraphs[index])} 字"),
        Case("check panel: one keystroke in a bare QTextEdit, same 30,000 字", type_bare, runs=31,
             warmup=3, note="baseline"),
        Case("check panel 30,000 字: one keystroke in the document view", type_one, bar=0.016,
             runs=31, warmup=3,
             baseline="check panel: one keystroke in a bare QTextEdit, same 30,000 字"),
        Case("check panel 30,000 字: engine recheck alone", engine_only, setup=typed_untimed,
             runs=21, warmup=2, note="baseline"),
        Case("check panel 30,000 字: check after the pause, dock updated", check_after_pause,
             setup=typed_untimed, bar=0.016, runs=21, warmup=2,
             baseline="check panel 30,000 字: engine recheck alone"),
        Case("check panel 30,000 字: outline figures after the pause", budget_after_pause,
             setup=typed_untimed, bar=0.016, runs=21, warmup=2),
    ]
