"""Files through the UI: save and reopen, the unsaved-changes prompt, recent files, changes on
disk, export, paste as a new speech, and restoring the edits of a crashed session.  Dialogs are
stubbed with monkeypatch, the usual pytest-qt way."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from composer.core.speech import Speech
from composer.io import backups, recovery, speech_file
from composer.ui import file_actions, settings
from composer.ui.main_window import MainWindow

from .conftest import make_speech, select

Button = QMessageBox.StandardButton


@pytest.fixture
def answers(monkeypatch):
    """Scripted answers for the message boxes; records the questions asked."""
    asked = []
    queue = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return queue.pop(0)
    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: asked.append(text))
    return asked, queue


def save_dialog(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def open_dialog(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def edit_something(window):
    select(window, "B")
    window.outline.move_up.trigger()
    assert window.document.is_modified()


def test_save_and_reopen_through_the_ui(window, monkeypatch, tmp_path, qtbot):
    target = tmp_path / "动员讲话"  # typed without the suffix
    save_dialog(monkeypatch, target)
    edit_something(window)
    window.files.save.trigger()
    saved = tmp_path / "动员讲话.speech.yaml"
    assert saved.exists()
    assert not window.document.is_modified()
    assert window.windowTitle().startswith("动员讲话.speech.yaml")
    assert settings.recent_files()[0] == str(saved)
    expected = window.document.speech.content()

    window.files.new.trigger()  # nothing unsaved: no question
    assert window.document.speech.content() == Speech().content()
    open_dialog(monkeypatch, saved)
    window.files.open.trigger()
    assert window.document.speech.content() == expected
    assert window.document.path == str(saved)
    assert window.outline_model.index(2, 0).data() == "一、B"


def test_save_writes_to_the_same_file_and_keeps_a_backup(window, monkeypatch, tmp_path):
    path = tmp_path / "a.speech.yaml"
    save_dialog(monkeypatch, path)
    window.files.save.trigger()
    edit_something(window)
    window.files.save.trigger()  # no dialog this time: it has a file
    assert [s.heading for s in speech_file.load_speech(path).body] == ["B", "A", "C"]
    assert backups.list_backups(path)


def test_close_with_unsaved_changes_asks(window, answers, monkeypatch, tmp_path):
    asked, queue = answers
    edit_something(window)
    queue.append(Button.Cancel)
    assert not window.close()
    assert window.isVisible() and "有未保存的修改" in asked[-1]
    target = tmp_path / "kept.speech.yaml"
    save_dialog(monkeypatch, target)
    queue.append(Button.Save)
    assert window.close()
    assert [s.heading for s in speech_file.load_speech(target).body] == ["B", "A", "C"]


def test_discarding_closes_without_writing(qtbot, library, answers, tmp_path):
    asked, queue = answers
    window = MainWindow(library=library)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.stack.setClean())
    window.document.load(make_speech(), None)
    edit_something(window)
    queue.append(Button.Discard)
    assert window.close()
    assert len(asked) == 1


def test_new_and_open_ask_before_dropping_changes(window, answers, monkeypatch, tmp_path):
    asked, queue = answers
    edit_something(window)
    queue.append(Button.Cancel)
    window.files.new.trigger()
    assert [s.heading for s in window.document.speech.body] == ["B", "A", "C"]
    open_dialog(monkeypatch, tmp_path / "never.speech.yaml")
    queue.append(Button.Cancel)
    window.files.open.trigger()
    assert [s.heading for s in window.document.speech.body] == ["B", "A", "C"]
    assert len(asked) == 2


def test_a_bad_file_gives_a_message_and_changes_nothing(window, answers, monkeypatch, tmp_path):
    asked, _ = answers
    bad = tmp_path / "bad.speech.yaml"
    bad.write_text("format: 1\nbody: !!python/object:os.system ls\n", encoding="utf-8")
    before = window.document.speech.content()
    open_dialog(monkeypatch, bad)
    window.files.open.trigger()
    assert window.document.speech.content() == before
    assert "bad.speech.yaml" in asked[-1] and "YAML" in asked[-1]


def test_recent_files_menu_reopens(window, monkeypatch, tmp_path):
    path = tmp_path / "r.speech.yaml"
    speech_file.save_speech(make_speech(), path)
    settings.add_recent_file(str(path))
    window.files.recent_menu.aboutToShow.emit()
    actions = [a for a in window.files.recent_menu.actions() if str(path) in a.text()]
    assert len(actions) == 1
    actions[0].trigger()
    assert window.document.path == str(path)


def test_a_file_changed_on_disk_is_not_overwritten_without_asking(window, answers, monkeypatch,
                                                                   tmp_path):
    asked, queue = answers
    path = tmp_path / "shared.speech.yaml"
    save_dialog(monkeypatch, path)
    window.files.save.trigger()
    other = speech_file.load_speech(path)
    other.title = "同事改的"
    speech_file.save_speech(other, path)
    edit_something(window)
    queue.append(Button.No)
    assert not window.files.save_speech()
    assert speech_file.load_speech(path).title == "同事改的"
    assert window.document.is_modified()
    queue.append(Button.Yes)
    assert window.files.save_speech()
    assert speech_file.load_speech(path).title == "T"
    assert any(speech_file.load_speech(b).title == "同事改的" for b in backups.list_backups(path))


def test_export_docx_with_open_folder_message(window, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(file_actions, "ask_open_folder", lambda parent, path: shown.append(path))
    out = tmp_path / "讲话"
    save_dialog(monkeypatch, out)
    assert window.files.export_docx()
    docx = tmp_path / "讲话.docx"
    assert shown == [str(docx)]
    with zipfile.ZipFile(docx) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "同志们" in body and "谢谢大家" in body


def test_export_warns_about_placeholders(window, answers, monkeypatch, tmp_path):
    asked, queue = answers
    select(window, "B")
    window.editor.section.heading.setText("20xx年工作安排")
    window.editor.section.heading.textEdited.emit("20xx年工作安排")
    save_dialog(monkeypatch, tmp_path / "x.docx")
    queue.append(Button.No)
    assert not window.files.export_docx()
    assert "20xx" in asked[-1]
    assert not (tmp_path / "x.docx").exists()


def test_paste_as_a_new_speech(window, corpus_text):
    first = corpus_text.split("创建文明单位动员大会讲话稿篇二")[0]
    QApplication.clipboard().setText(first)
    window.files.paste_speech.trigger()
    speech = window.document.speech
    assert len(speech.body) >= 2
    assert window.document.path is None and not window.document.is_modified()
    assert "粘贴的讲稿" in window.windowTitle()
    assert window.outline_model.index(2, 0).data().startswith("一、")


CRASHING_SESSION = """
import os, sys
from composer.io.speech_file import load_speech
from composer.io.speech_session import SpeechSession
session = SpeechSession()
speech = session.open(sys.argv[1])
speech.title = "崩溃前没保存的标题"
session.write_recovery(speech)
os._exit(9)  # dies without saving or closing
"""


def test_restores_the_edits_of_a_crashed_session(qtbot, library, answers, tmp_path):
    asked, queue = answers
    path = tmp_path / "crash.speech.yaml"
    speech_file.save_speech(make_speech(), path)
    subprocess.run([sys.executable, "-c", CRASHING_SESSION, str(path)], env=os.environ.copy(),
                   check=False, timeout=60)
    assert recovery.list_recoveries()
    window = MainWindow(library=library)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.stack.setClean())
    queue.append(Button.Yes)
    assert window.files.offer_recovery()
    assert "崩溃前没保存的标题" in asked[-1]
    assert window.document.speech.title == "崩溃前没保存的标题"
    assert window.document.is_modified()
    assert window.document.path == str(path)
    assert window.files.save_speech()
    assert speech_file.load_speech(path).title == "崩溃前没保存的标题"
    assert recovery.list_recoveries() == []


def test_unsaved_edits_are_written_for_recovery(window):
    edit_something(window)
    window.files.write_recovery()
    written = recovery.recovery_path(window.files.session.session)
    assert [s.heading for s in speech_file.load_speech(written).body] == ["B", "A", "C"]


def test_a_speech_open_elsewhere_is_opened_only_when_the_writer_agrees(window, answers, tmp_path):
    from composer.io.speech_session import SpeechSession
    asked, queue = answers
    path = tmp_path / "locked.speech.yaml"
    speech_file.save_speech(make_speech(), path)
    other = SpeechSession()
    other.open(path)  # another copy of the program has it open
    queue.append(Button.No)
    assert not window.files.open_path(str(path), ask=False)
    assert window.document.path is None and "已经被" in asked[-1]
    queue.append(Button.Yes)
    assert window.files.open_path(str(path), ask=False)
    assert window.document.path == str(path)
    other.close()
