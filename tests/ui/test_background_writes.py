"""Writes off the UI thread: the snapshot a save writes holds every field of the speech and is
out of reach of later edits; the worker runs jobs in order and hands each result back once."""

from __future__ import annotations

import dataclasses
import sys
import threading

from composer.core.speech import IgnoredFinding, Section, Speech
from composer.io.speech_file import speech_bytes
from composer.ui.background_writes import BackgroundWriter, snapshot


def full_speech() -> Speech:
    """A speech with every field set to something other than its default."""
    speech = Speech(title="标题", subtitle="副标题", speaker="王局长", date="2025年3月1日",
                    salutation="同志们：", opening=["开头。"],
                    body=[Section("一", ["正文。"], [Section("子", ["子正文。"], run_in=True)],
                                  snippets=["s-1"])],
                    closing=["谢谢大家！"])
    for field in dataclasses.fields(speech):
        if getattr(speech, field.name) == (field.default_factory() if field.default_factory
                                           is not dataclasses.MISSING else field.default):
            setattr(speech, field.name, {
                "substitutions": [("我院", "我局")], "opening_snippets": ["o-1"],
                "closing_snippets": ["c-1"], "ignored": [IgnoredFinding("rule.x", "摘录")],
                "target_minutes": 12.5, "speaking_rate": 200}.get(field.name, "?"))
    return speech


def test_a_snapshot_is_the_same_file_and_later_edits_do_not_reach_it():
    speech = full_speech()
    copy = snapshot(speech)
    assert speech_bytes(copy) == speech_bytes(speech)
    saved = speech_bytes(copy)
    speech.body[0].children[0].paragraphs.append("后来输入的")
    speech.opening.append("后来的开头")
    speech.substitutions.append(("本院", "本局"))
    speech.body[0].snippets.append("s-2")
    assert speech_bytes(copy) == saved


def test_jobs_run_in_order_off_the_ui_thread_and_report_once(qapp):
    writer = BackgroundWriter()
    ran, reported = [], []
    main = threading.get_ident()
    for number in range(5):
        writer.submit(lambda n=number: ran.append((n, threading.get_ident() != main)) or n,
                      lambda result, error: reported.append((result, error)))

    def broken():
        raise OSError("disk gone")
    writer.submit(broken, lambda result, error: reported.append((result, type(error))))
    writer.finish()
    assert ran == [(n, True) for n in range(5)]
    assert reported == [(n, None) for n in range(5)] + [(None, OSError)]
    qapp.processEvents()          # the queued signals arrive late: nothing is reported twice
    assert len(reported) == 6 and not writer.busy()


def test_the_next_job_waits_until_the_window_has_taken_the_last_result_in(qtbot, monkeypatch):
    """Taking a result in (the list changing, a row selected and painted) is many calls from Qt
    into Python, each of which waits for the interpreter while the worker computes: so the next
    job starts once the window has run the last one's callback.  The interpreter switches
    threads often (the window's thread waits less at each of those calls)."""
    from composer.ui import background_writes
    monkeypatch.setattr(background_writes, "TAKE_WAIT", 60.0)   # no way round it in this test
    writer = BackgroundWriter()
    assert sys.getswitchinterval() <= background_writes.SWITCH_INTERVAL
    events = []
    for name in ("first", "second", "third"):
        writer.submit(lambda name=name: events.append(f"{name} job"),
                      lambda result, error, name=name: events.append(f"{name} taken in"))
    qtbot.waitUntil(lambda: not writer.busy(), timeout=20_000)
    assert events == ["first job", "first taken in", "second job", "second taken in",
                      "third job", "third taken in"]


def test_finish_does_not_wait_for_the_window_to_show_anything(qapp, monkeypatch):
    """finish() (quitting, opening another speech) runs the callbacks itself and lets the
    worker go on at once; were it to wait as after a delivered result, this would hang."""
    from composer.ui import background_writes
    monkeypatch.setattr(background_writes, "TAKE_WAIT", 3600.0)
    writer = BackgroundWriter()
    taken = []
    for number in range(3):
        writer.submit(lambda n=number: n, lambda result, error: taken.append(result))
    writer.finish()
    writer.submit(lambda: 3, lambda result, error: taken.append(result))
    writer.finish()
    assert taken == [0, 1, 2, 3] and not writer.busy()


def test_a_writer_deleted_while_its_job_runs_ends_its_thread_quietly(qapp, monkeypatch):
    import shiboken6
    from PySide6.QtCore import QObject
    raised = []
    monkeypatch.setattr(threading, "excepthook", lambda args: raised.append(args.exc_value))
    owner = QObject()
    writer = BackgroundWriter(owner)
    running, release = threading.Event(), threading.Event()

    def work():
        running.set()
        release.wait(10)
        return 1
    writer.submit(work, lambda result, error: None)
    assert running.wait(10)
    thread = writer._thread
    shiboken6.delete(owner)      # the window closed meanwhile: the writer goes with it
    release.set()
    thread.join(10)
    assert not thread.is_alive() and raised == []
