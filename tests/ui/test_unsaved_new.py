"""Nothing new is lost: a speech made by 新建 or 粘贴为新讲稿 and never saved asks on close."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from composer.core.speech import Speech
from composer.core.text_edits import Point

from .conftest import commit_text

Button = QMessageBox.StandardButton


def closing_asks(window, monkeypatch, answer=Button.Cancel) -> list[str]:
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answer
    monkeypatch.setattr(QMessageBox, "question", question)
    closed = window.close()
    assert closed == (answer != Button.Cancel)
    return asked


def test_a_pasted_speech_asks_on_close(window, monkeypatch, corpus_text):
    window.document.stack.setClean()
    QApplication.clipboard().setText(corpus_text.split("创建文明单位动员大会讲话稿篇二")[0])
    # 粘贴为新讲稿 goes through the import preview (issue 12): open what it found.
    window.imports.run_preview = lambda preview: preview._finish(preview.OPEN) or preview
    window.files.paste_speech.trigger()
    assert window.document.path is None and window.document.is_modified()
    assert window.isWindowModified()
    asked = closing_asks(window, monkeypatch)
    assert len(asked) == 1 and "粘贴的讲稿" in asked[0]
    assert window.isVisible() and window.document.speech.body, "cancelled: still there"


def test_a_new_speech_with_text_asks_on_close_even_after_undo_to_its_start(window, monkeypatch):
    window.document.stack.setClean()
    window.files.choose_new_speech = lambda: (Speech(), "")   # 新建 → 空白讲稿
    window.files.new.trigger()
    view = window.document_pane.view
    view.setFocus()
    view.place_caret(Point("title", -1, 0))
    commit_text(view, "在工作会议上的讲话")
    assert window.document.speech.title == "在工作会议上的讲话"
    asked = closing_asks(window, monkeypatch)
    assert len(asked) == 1
    # Undone to the empty speech it started as: nothing to lose, nothing asked.
    window.undo_action.trigger()
    assert window.document.speech.title == ""
    assert closing_asks(window, monkeypatch, Button.Discard) == []


def test_an_untouched_new_speech_closes_without_a_question(window, monkeypatch):
    window.document.stack.setClean()
    window.files.choose_new_speech = lambda: (Speech(), "")   # 新建 → 空白讲稿
    window.files.new.trigger()
    assert window.document.is_modified()   # unsaved, as the title shows
    assert closing_asks(window, monkeypatch, Button.Discard) == []
