"""Runs the real application on a speech and types into it, for the crash and signal tests.

    python app_driver.py FILE PARAGRAPH_TEXT TITLE_TEXT [--no-autosave]

It starts the program the way ``speech-composer open FILE`` does (``composer.ui.app.launch``),
then, once the event loop runs, types through the UI as an input method delivers Chinese: text
appended to the first section's paragraphs, then to the title.  It prints ``edited`` when both
edits are in, and keeps running until it is killed or ended by a signal.  ``--no-autosave``
stretches the autosave timer so far that only the end-of-session handling can write the
recovery file.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from composer.ui import app, file_actions


def commit(widget, text: str) -> None:
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_edits(window, paragraph_text: str, title_text: str) -> None:
    window.activateWindow()
    window.outline.select(window.document.speech.body[0].id)
    editor = window.editor.section.text
    editor.moveCursor(QTextCursor.MoveOperation.End)
    commit(editor, paragraph_text)
    window.outline.select("head")
    title = window.editor.head.fields["title"]
    title.end(False)
    commit(title, title_text)
    assert window.document.is_modified()
    print("edited", flush=True)


def main() -> int:
    path, paragraph_text, title_text = sys.argv[1:4]
    if "--no-autosave" in sys.argv[4:]:
        file_actions.RECOVERY_INTERVAL_MS = 24 * 3600 * 1000
    application, window = app.launch(path)
    QTimer.singleShot(0, lambda: type_edits(window, paragraph_text, title_text))
    return application.exec()


if __name__ == "__main__":
    sys.exit(main())
