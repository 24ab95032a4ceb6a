"""Files through the UI: save and reopen, the unsaved-changes prompt, recent files, changes on
disk, export, paste as a new speech, and restoring the edits of a crashed session.  Dialogs are
stubbed with monkeypatch, the usual pytest-qt way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from composer.core.speech import Speech
from composer.io import backups, paths, recovery, speech_file
from composer.ui import file_actions, file_dialogs, settings
from composer.ui.main_window import MainWindow

from .conftest import make_speech, select

Button = QMessageBox.StandardButton


@pytest.fixture
def answers(monkeypatch):
    """Scripted answers for the message boxes and the restore prompt (RESTORE, DISCARD or
    LATER); records the questions asked.  A question nobody scripted an answer for fails."""
    asked = []
    queue = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return queue.pop(0)
    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: asked.append(text))
    monkeypatch.setattr(file_actions, "ask_restore",
                        lambda parent, text: question(parent, "", text))
    return asked, queue


def save_dialog(monkeypatch, path):
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(path), ""))


def open_dialog(monkeypatch, path):
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (str(path), ""))


def edit_something(window):
    select(window, "B")
    window.outline.move_up.trigger()
    assert window.document.is_modified()


def set_heading(window, old: str, new: str) -> None:
    """Type a new heading for a section, as the editor receives it."""
    select(window, old)
    window.editor.section.heading.setText(new)
    window.editor.section.heading.textEdited.emit(new)


def blank_new_speech(monkeypatch) -> None:
    """新建 asks what to start from (composer/ui/template_dialog.py): a blank speech."""
    from composer.ui import template_dialog
    monkeypatch.setattr(template_dialog, "ask_new_speech", lambda *args: (Speech(), ""))


def test_save_and_reopen_through_the_ui(window, monkeypatch, tmp_path, qtbot):
    target = tmp_path / "动员讲话"  # typed without the suffix
    save_dialog(monkeypatch, target)
    edit_something(window)
    window.files.save.trigger()
    window.files.finish_writes()
    saved = tmp_path / "动员讲话.speech.yaml"
    assert saved.exists()
    assert not window.document.is_modified()
    assert window.windowTitle().startswith("动员讲话.speech.yaml")
    assert settings.recent_files()[0] == str(saved)
    expected = window.document.speech.content()

    blank_new_speech(monkeypatch)
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
    window.files.finish_writes()
    edit_something(window)
    window.files.save.trigger()  # no dialog this time: it has a file
    window.files.finish_writes()
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
    blank_new_speech(monkeypatch)
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
    window.files.finish_writes()
    other = speech_file.load_speech(path)
    other.title = "同事改的"
    speech_file.save_speech(other, path)
    edit_something(window)
    queue.append(Button.No)
    assert not window.files.save_speech(wait=True)
    assert speech_file.load_speech(path).title == "同事改的"
    assert window.document.is_modified()
    queue.append(Button.Yes)
    assert window.files.save_speech(wait=True)
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


def test_export_warns_about_placeholders(window, monkeypatch, tmp_path):
    from composer.ui import preflight_dialog
    asked = []

    def cancel(parent, speech, findings, markers, go_on=None):
        asked.append(findings)
        return preflight_dialog.CANCEL, None
    monkeypatch.setattr(preflight_dialog, "ask_preflight", cancel)
    select(window, "B")
    window.editor.section.heading.setText("20xx年工作安排")
    window.editor.section.heading.textEdited.emit("20xx年工作安排")
    save_dialog(monkeypatch, tmp_path / "x.docx")
    assert not window.files.export_docx()
    assert any(f.rule == "placeholder.unfilled" and f.text == "20xx" for f in asked[-1])
    assert not (tmp_path / "x.docx").exists()


def test_paste_as_a_new_speech(window, corpus_text):
    # Issue 12: pasting goes through the import preview, and the speech it opens is unsaved.
    first = corpus_text.split("创建文明单位动员大会讲话稿篇二")[0]
    QApplication.clipboard().setText(first)
    shown = []

    def open_first(preview):
        shown.append(preview.speeches.count())
        preview._finish(preview.OPEN)
        return preview
    window.imports.run_preview = open_first
    window.files.paste_speech.trigger()
    speech = window.document.speech
    assert shown == [1] and len(speech.body) >= 2
    assert window.document.path is None and window.document.is_modified()   # not saved yet
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
    [left] = recovery.list_recoveries()
    window = MainWindow(library=library)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.stack.setClean())
    queue.append(file_actions.RESTORE)
    assert window.files.offer_recovery()
    # What it holds and when it was written: title, file, characters, time.
    shown = asked[-1]
    assert "崩溃前没保存的标题" in shown and str(path) in shown
    assert time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(left.written)) in shown
    assert left.characters > 0 and f"字数：{left.characters}" in shown
    assert window.document.speech.title == "崩溃前没保存的标题"
    assert window.document.is_modified()
    assert window.document.path == str(path)
    assert window.files.save_speech(wait=True)
    assert speech_file.load_speech(path).title == "崩溃前没保存的标题"
    assert recovery.list_recoveries() == []


def test_unsaved_edits_are_written_for_recovery(window):
    edit_something(window)
    window.files.write_recovery()
    window.files.finish_writes()
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


def crash_with_edits(path, title: str) -> None:
    """Another copy of the program opens the speech, changes its title and dies unsaved."""
    code = CRASHING_SESSION.replace("崩溃前没保存的标题", title)
    subprocess.run([sys.executable, "-c", code, str(path)], env=os.environ.copy(), check=False,
                   timeout=60)


def fresh_window(qtbot, library) -> MainWindow:
    window = MainWindow(library=library)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.stack.setClean())
    return window


@pytest.fixture
def two_crashes(tmp_path):
    """Two crashed sessions on two files, the second written last (so offered first)."""
    paths = []
    for name in ("older", "newer"):
        path = tmp_path / f"{name}.speech.yaml"
        speech_file.save_speech(make_speech(), path)
        crash_with_edits(path, f"{name}的修改")
        paths.append(path)
        time.sleep(0.01)  # distinct write times: the order of the offers is the tested thing
    assert [r.title for r in recovery.list_recoveries()] == ["newer的修改", "older的修改"]
    return paths


def test_every_recovery_is_offered_in_turn_and_none_is_lost(qtbot, library, answers, two_crashes):
    asked, queue = answers
    window = fresh_window(qtbot, library)
    queue.extend([file_actions.LATER, file_actions.RESTORE])
    assert window.files.offer_recovery()
    assert "（第 1 份，共 2 份）" in asked[0] and "newer的修改" in asked[0]
    assert "（第 2 份，共 2 份）" in asked[1] and "older的修改" in asked[1]
    assert window.document.speech.title == "older的修改"
    assert window.document.path == str(two_crashes[0])
    # The one put off is offered at the next start (this window's own is not: it runs).
    assert [r.title for r in recovery.list_recoveries()] == ["newer的修改"]
    window.files.close_speech()
    assert [r.title for r in recovery.list_recoveries()] == ["newer的修改"]


def test_after_a_restore_the_others_wait_for_the_next_start(qtbot, library, answers,
                                                            two_crashes):
    asked, queue = answers
    window = fresh_window(qtbot, library)
    messages = []
    window.files.message.connect(messages.append)
    queue.append(file_actions.RESTORE)
    assert window.files.offer_recovery()
    assert len(asked) == 1 and window.document.speech.title == "newer的修改"
    assert any("还有 1 份" in m for m in messages)
    assert window.files.save_speech(wait=True)
    assert [r.title for r in recovery.list_recoveries()] == ["older的修改"]


def test_only_the_recovery_the_writer_discards_is_deleted(qtbot, library, answers, two_crashes):
    asked, queue = answers
    window = fresh_window(qtbot, library)
    queue.extend([file_actions.DISCARD, file_actions.LATER])
    assert not window.files.offer_recovery()
    assert len(asked) == 2 and window.document.path is None
    assert [r.title for r in recovery.list_recoveries()] == ["older的修改"]
    assert speech_file.load_speech(two_crashes[1]).title == "T"  # the file itself is untouched


def test_a_recovery_with_a_damaged_header_is_still_offered(qtbot, library, answers, tmp_path):
    """A nonsense time or count in the header must not stop the start (time.localtime raises
    for huge numbers); the speech in the file is what matters."""
    asked, queue = answers
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    header = {"session": "damaged", "written": 1e300, "characters": "many", "title": 7,
              "pid": int(dead), "host": "elsewhere-" + str(os.getpid()), "user": "x"}
    target = recovery.recovery_path("damaged")
    target.parent.mkdir(parents=True, exist_ok=True)
    speech = make_speech()
    speech.title = "头部坏了的恢复文件"
    target.write_bytes((recovery.HEADER + json.dumps(header) + "\n").encode()
                       + speech_file.dump_speech(speech).encode("utf-8"))
    window = fresh_window(qtbot, library)
    queue.append(file_actions.RESTORE)
    assert window.files.offer_recovery()
    assert "写于：未知" in asked[-1] and "字数：未知" in asked[-1]
    assert window.document.speech.title == "头部坏了的恢复文件" and window.document.is_modified()


def test_a_file_changed_after_the_crash_is_not_overwritten_by_the_restore(qtbot, library, answers,
                                                                          tmp_path):
    """The restored edits were made to the version the crashed session read; a colleague's
    later version is only replaced when the writer says so (and then kept as a backup)."""
    asked, queue = answers
    path = tmp_path / "shared.speech.yaml"
    speech_file.save_speech(make_speech(), path)
    crash_with_edits(path, "我的修改")
    colleague = speech_file.load_speech(path)
    colleague.title = "同事后来的修改"
    speech_file.save_speech(colleague, path)
    window = fresh_window(qtbot, library)
    queue.extend([file_actions.RESTORE, Button.No])
    assert window.files.offer_recovery()
    assert not window.files.save_speech(wait=True)
    assert "被其他程序或其他人修改过" in asked[-1]
    assert speech_file.load_speech(path).title == "同事后来的修改"
    assert window.document.is_modified() and window.document.speech.title == "我的修改"
    queue.append(Button.Yes)
    assert window.files.save_speech(wait=True)
    assert speech_file.load_speech(path).title == "我的修改"
    assert [speech_file.load_speech(b).title for b in backups.list_backups(path)] == ["同事后来的修改"]


@pytest.mark.parametrize("button, expected", [
    ("恢复", file_actions.RESTORE), ("删除", file_actions.DISCARD),
    ("以后再说", file_actions.LATER), (None, file_actions.LATER)])
def test_the_restore_prompt_buttons_say_what_they_do(qtbot, monkeypatch, button, expected):
    shown = []

    def click(box):
        shown.append((box.text(), sorted(b.text() for b in box.buttons())))
        for candidate in box.buttons():
            if candidate.text() == button:
                candidate.click()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", click)
    assert file_actions.ask_restore(None, "恢复这些吗？") == expected
    assert shown == [("恢复这些吗？", sorted(["恢复", "删除", "以后再说"]))]


# --- when the recovery file is written and removed -----------------------------------------------

def recovery_of(window):
    return recovery.recovery_path(window.files.session.session)


def test_a_recovery_file_is_written_once_typing_pauses(window, qtbot):
    from .conftest import commit_text
    select(window, "B")
    commit_text(window.editor.section.text, "补充一句。")
    assert window.document.is_modified() and not recovery_of(window).exists()
    qtbot.waitUntil(recovery_of(window).exists, timeout=20000)
    written = speech_file.load_speech(recovery_of(window))
    assert "补充一句。" in "".join(written.body[1].paragraphs)


def test_continuous_typing_cannot_put_the_recovery_write_off(window, monkeypatch):
    """The first unsaved change starts the clock and later changes do not restart it: the
    write comes RECOVERY_INTERVAL_MS after the first change however fast the writer types,
    and the next change after it starts the clock again.  (The real-process measure is
    tests/safety/test_recovery_kill.py.)"""
    timer = window.files._recovery_timer
    assert timer.interval() == file_actions.RECOVERY_INTERVAL_MS <= 2000
    starts = []
    real_start = timer.start
    monkeypatch.setattr(timer, "start", lambda *a: (starts.append(a), real_start(*a)))
    select(window, "B")
    field = window.editor.section.heading
    typed = ""
    for _ in range(30):
        typed += "字"
        field.setText(typed)
        field.textEdited.emit(typed)
    assert len(starts) == 1 and timer.isActive()
    assert not recovery_of(window).exists()
    timer.timeout.emit()                  # the interval has passed
    window.files.finish_writes()
    assert speech_file.load_speech(recovery_of(window)).body[1].heading == typed
    typed += "再"
    field.setText(typed)
    field.textEdited.emit(typed)
    assert len(starts) == 2
    assert window.document.stack.count() == 1  # one merged undo step: the burst never paused


@pytest.mark.parametrize("edit", ["head", "snippet", "undo"])
def test_every_kind_of_edit_starts_the_recovery_timer(window, edit):
    timer = window.files._recovery_timer
    assert not timer.isActive()
    if edit == "head":
        window.outline.select("head")
        field = window.editor.head.fields["speaker"]
        field.setText("王局长")
        field.textEdited.emit("王局长")
    elif edit == "snippet":
        select(window, "B")
        window.outline.insert_snippet(window.library_pane.library.packs[0].snippets[1])
    else:
        edit_something(window)
        timer.stop()
        window.undo_action.trigger()
    assert timer.isActive()


def test_undoing_back_to_the_saved_text_removes_the_recovery_file(window):
    edit_something(window)
    window.files.write_recovery()
    window.files.finish_writes()
    assert recovery_of(window).exists()
    window.undo_action.trigger()
    assert not window.document.is_modified()
    window.files.write_recovery()
    window.files.finish_writes()
    assert not recovery_of(window).exists()


def test_closing_without_saving_removes_the_recovery_file_and_the_lock(qtbot, library, answers,
                                                                      tmp_path):
    from composer.io import locks
    asked, queue = answers
    path = tmp_path / "closing.speech.yaml"
    speech_file.save_speech(make_speech(), path)
    window = fresh_window(qtbot, library)
    assert window.files.open_path(str(path), ask=False)
    assert locks.lock_path(path).exists()
    edit_something(window)
    window.files.write_recovery()
    window.files.finish_writes()
    assert recovery_of(window).exists()
    queue.append(Button.Discard)
    assert window.close()
    assert not recovery_of(window).exists() and not locks.lock_path(path).exists()
    assert recovery.list_recoveries() == []


def test_ended_from_outside_the_edits_are_kept_for_the_next_start(qtbot, library, tmp_path):
    """What the program does on SIGTERM (logout, shutdown), without asking anyone."""
    from composer.io import locks
    path = tmp_path / "logout.speech.yaml"
    speech_file.save_speech(make_speech(), path)
    window = fresh_window(qtbot, library)
    assert window.files.open_path(str(path), ask=False)
    edit_something(window)
    window.files.keep_for_next_start()
    kept = speech_file.load_speech(recovery_of(window))
    assert [s.heading for s in kept.body] == ["B", "A", "C"]
    assert not locks.lock_path(path).exists()  # colleagues are not told it is still open


# --- locks, bundled files, backups ---------------------------------------------------------------

def test_a_stale_lock_from_a_crashed_process_is_not_asked_about(window, answers, tmp_path):
    from composer.io import locks
    asked, _ = answers
    path = tmp_path / "stale.speech.yaml"
    speech_file.save_speech(make_speech(), path)
    subprocess.run([sys.executable, "-c", CRASHING_SESSION, str(path)], env=os.environ.copy(),
                   check=False, timeout=60)
    stale = locks.read_lock(path)
    assert stale is not None and stale.process.pid != os.getpid()
    assert window.files.open_path(str(path), ask=False)
    assert asked == [] and window.document.path == str(path)
    assert locks.read_lock(path).session == window.files.session.session


def resources_snapshot():
    folder = paths.resources_dir()
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("how", ["example", "open", "start"])
def test_the_bundled_example_is_opened_as_a_copy_and_never_written(qtbot, library, answers,
                                                                    monkeypatch, tmp_path, how):
    from composer.ui import app
    example = file_actions.example_path()
    before = resources_snapshot()
    if how == "start":
        window = app.create_window(str(example))
        qtbot.addWidget(window, before_close_func=lambda w: w.document.stack.setClean())
    else:
        window = fresh_window(qtbot, library)
        assert window.files.load_example() if how == "example" else \
            window.files.open_path(str(example), ask=False)
    assert window.document.path is None and "示例讲稿" in window.windowTitle()
    assert window.document.speech.content() == speech_file.load_speech(example).content()
    set_heading(window, window.document.speech.body[0].heading, "改过的第一部分")
    window.files.write_recovery()
    window.files.finish_writes()
    target = tmp_path / "我的讲话.speech.yaml"
    save_dialog(monkeypatch, target)
    assert window.files.save_speech(wait=True)  # asks where: never onto the bundled file
    assert window.document.path == str(target)
    window.files.close_speech()
    assert resources_snapshot() == before  # no lock file, no change, nothing added


def test_backups_follow_the_setting(window, monkeypatch, tmp_path):
    path = tmp_path / "kept.speech.yaml"
    save_dialog(monkeypatch, path)
    settings.set_keep_backups(2)
    window.files.save.trigger()
    window.files.finish_writes()
    for old, new in (("A", "第一次"), ("第一次", "第二次"), ("第二次", "第三次"), ("第三次", "第四次")):
        set_heading(window, old, new)
        window.files.save.trigger()
        window.files.finish_writes()
    kept = [speech_file.load_speech(b).body[0].heading for b in backups.list_backups(path)]
    assert kept == ["第三次", "第二次"]
    settings.set_keep_backups(0)
    set_heading(window, "第四次", "第五次")
    window.files.save.trigger()
    window.files.finish_writes()
    assert len(backups.list_backups(path)) == 2  # none added, none pruned


def test_earlier_versions_are_listed_previewed_and_restored_in_one_undo_step(window, monkeypatch,
                                                                           tmp_path):
    from composer.ui.backups_dialog import BackupsDialog
    path = tmp_path / "v.speech.yaml"
    save_dialog(monkeypatch, path)
    window.files.save.trigger()                      # heading A
    window.files.finish_writes()
    set_heading(window, "A", "第一次")
    window.files.save.trigger()                      # backup: A
    window.files.finish_writes()
    set_heading(window, "第一次", "第二次")
    window.files.save.trigger()                      # backups: 第一次, A
    window.files.finish_writes()
    on_disk = path.read_bytes()
    seen = {}

    def choose_the_oldest(dialog):
        seen["rows"] = dialog.list.count()
        dialog.list.setCurrentRow(dialog.list.count() - 1)
        seen["preview"] = dialog.preview.toPlainText()
        dialog.restore()
        return dialog.result()
    monkeypatch.setattr(BackupsDialog, "exec", choose_the_oldest)
    window.files.open_backups.trigger()
    assert seen["rows"] == 2
    assert "\u3000\u3000一、A\n" in seen["preview"] and "字" in seen["preview"].splitlines()[0]
    assert window.document.speech.body[0].heading == "A"
    assert window.document.is_modified() and path.read_bytes() == on_disk   # written only on save
    assert [s.heading for s in window.document.speech.body] == ["A", "B", "C"]
    window.document.undo()                                   # one step back to what was there
    assert window.document.speech.body[0].heading == "第二次"
    file_menu = window.menuBar().actions()[0].menu()
    assert window.files.open_backups in file_menu.actions()


def test_the_backups_folder_is_named_when_no_file_manager_starts(window, monkeypatch, qtbot):
    from PySide6.QtGui import QDesktopServices

    from composer.ui.backups_dialog import BackupsDialog
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    dialog = BackupsDialog(None, window)
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()         # nothing saved yet: nothing to restore
    dialog.folder_button.click()
    assert str(backups.backups_root()) in dialog.folder_note.text()


def test_the_number_of_backups_is_set_in_the_settings_dialog(qtbot, window, monkeypatch):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QPushButton

    from composer.ui.settings_dialog import SettingsDialog
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.backups.value() == backups.DEFAULT_KEEP
    dialog.backups.setValue(12)
    assert dialog.apply() == {"backups"}
    assert settings.keep_backups() == 12
    assert SettingsDialog(window).backups.value() == 12
    [button] = [b for b in dialog.findChildren(QPushButton) if b.text() == "打开备份文件夹"]
    button.click()
    assert opened == [str(backups.backups_root())]


@pytest.mark.parametrize("given", ["same", "other"])
def test_a_restore_at_start_says_when_the_file_given_was_not_opened(qtbot, answers, tmp_path,
                                                                    given):
    from composer.ui import app
    asked, queue = answers
    path = tmp_path / "crashed.speech.yaml"
    speech_file.save_speech(make_speech(), path)
    crash_with_edits(path, "崩溃前的修改")
    other = tmp_path / "other.speech.yaml"
    speech_file.save_speech(make_speech(), other)
    queue.append(file_actions.RESTORE)
    window = app.create_window(str(path if given == "same" else other))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.stack.setClean())
    assert window.document.speech.title == "崩溃前的修改" and window.document.path == str(path)
    note = window.statusBar().currentMessage()
    assert ("没有打开" in note) == (given == "other")


# --- read-only files, links, and saving while the writer types on --------------------------------

def test_a_read_only_speech_is_refused_and_save_as_is_offered(window, monkeypatch, tmp_path):
    path = tmp_path / "定稿.speech.yaml"
    save_dialog(monkeypatch, path)
    window.files.save.trigger()
    window.files.finish_writes()
    os.chmod(path, 0o444)
    before = path.read_bytes()
    edit_something(window)
    offered = []
    monkeypatch.setattr(file_actions, "ask_save_elsewhere",
                        lambda parent, title, reason: offered.append(reason) or True)
    elsewhere = tmp_path / "修改稿.speech.yaml"
    save_dialog(monkeypatch, elsewhere)
    window.files.save.trigger()
    assert window.files.finish_writes() is True
    assert len(offered) == 1 and "只读" in offered[0] and "\n" not in offered[0]
    assert path.read_bytes() == before and (path.stat().st_mode & 0o777) == 0o444
    assert [s.heading for s in speech_file.load_speech(elsewhere).body] == ["B", "A", "C"]
    assert window.document.path == str(elsewhere) and not window.document.is_modified()


def test_declining_save_as_for_a_read_only_speech_keeps_the_edits(window, monkeypatch, tmp_path):
    path = tmp_path / "定稿.speech.yaml"
    save_dialog(monkeypatch, path)
    window.files.save.trigger()
    window.files.finish_writes()
    os.chmod(path, 0o444)
    edit_something(window)
    monkeypatch.setattr(file_actions, "ask_save_elsewhere", lambda *a: False)
    assert not window.files.save_speech(wait=True)
    assert window.document.is_modified()
    assert not backups.list_backups(path)       # refused before anything, backups included


def test_the_save_elsewhere_question_says_what_its_buttons_do(monkeypatch):
    shown = []

    def click(box):
        shown.append(sorted(b.text() for b in box.buttons()))
        next(b for b in box.buttons() if b.text() == "另存为…").click()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", click)
    assert file_actions.ask_save_elsewhere(None, "保存失败", "只读")
    assert shown == [sorted(["另存为…", "Cancel"])] or shown == [sorted(["另存为…", "取消"])]


def test_exporting_onto_a_read_only_document_offers_another_name(window, monkeypatch, tmp_path):
    locked = tmp_path / "已盖章.docx"
    locked.write_bytes(b"approved copy")
    os.chmod(locked, 0o444)
    names = iter([locked, tmp_path / "新的.docx"])
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(next(names)), ""))
    offered = []
    monkeypatch.setattr(file_actions, "ask_save_elsewhere",
                        lambda parent, title, reason: offered.append(reason) or True)
    monkeypatch.setattr(file_actions, "ask_open_folder", lambda parent, path: False)
    assert window.files.export_docx()
    assert locked.read_bytes() == b"approved copy" and "只读" in offered[0]
    assert zipfile.is_zipfile(tmp_path / "新的.docx")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_saving_a_speech_opened_through_a_link_updates_the_real_file(window, tmp_path):
    real = tmp_path / "共享" / "讲话.speech.yaml"
    real.parent.mkdir()
    speech_file.save_speech(make_speech(), real)
    link = tmp_path / "讲话.speech.yaml"
    os.symlink(real, link)
    assert window.files.open_path(str(link), ask=False)
    edit_something(window)
    assert window.files.save_speech(wait=True)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert [s.heading for s in speech_file.load_speech(real).body] == ["B", "A", "C"]


def test_edits_made_while_a_save_runs_stay_unsaved(window, monkeypatch, tmp_path):
    """The save writes the speech as it was when Save was chosen; what the writer types while
    the file is written is not in it, so the window still says so.  Undo gets back to the
    saved text, still marked as modified: QUndoStack cannot mark an earlier step as the saved
    one, and saying "modified" of a saved text is the safe mistake."""
    path = tmp_path / "a.speech.yaml"
    save_dialog(monkeypatch, path)
    window.files.save.trigger()        # started in the background …
    set_heading(window, "C", "保存时输入的")   # … and the writer types on
    window.files.finish_writes()
    assert [s.heading for s in speech_file.load_speech(path).body] == ["A", "B", "C"]
    assert window.document.path == str(path) and window.document.is_modified()
    assert window.files._recovery_timer.isActive()   # the new edit is on its way to recovery
    window.undo_action.trigger()
    assert window.document.speech.content() == speech_file.load_speech(path).content()
    assert window.document.is_modified()
