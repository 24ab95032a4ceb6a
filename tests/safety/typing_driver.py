"""Runs the real application on a speech and types into it without a pause until it is killed.

    python typing_driver.py FILE TEXT INTERVAL_MS

It starts the program the way ``speech-composer open FILE`` does (``composer.ui.app.launch``),
then commits one character of TEXT every INTERVAL_MS milliseconds at the end of the first
section's text, as an input method delivers Chinese, round and round TEXT.  After each one it
prints ``typed N T``: N characters typed so far, T the time (``time.monotonic()``) it was typed,
so that whoever kills it can tell how many seconds of typing a crash lost.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from composer.ui import app


def main() -> int:
    path, text, interval = sys.argv[1], sys.argv[2], int(sys.argv[3])
    application, window = app.launch(path)
    typed = [0]

    def start() -> None:
        window.activateWindow()
        window.outline.select(window.document.speech.body[0].id)
        editor = window.editor.section.text
        editor.setFocus()
        editor.moveCursor(QTextCursor.MoveOperation.End)

        def type_one() -> None:
            event = QInputMethodEvent("", [])
            event.setCommitString(text[typed[0] % len(text)])
            QApplication.sendEvent(editor, event)
            typed[0] += 1
            print(f"typed {typed[0]} {time.monotonic():.4f}", flush=True)
        timer = QTimer(window)
        timer.setInterval(interval)
        timer.timeout.connect(type_one)
        timer.start()
    QTimer.singleShot(0, start)
    return application.exec()


if __name__ == "__main__":
    sys.exit(main())
