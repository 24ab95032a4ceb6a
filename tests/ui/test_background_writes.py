"""Writes off the UI thread: the snapshot a save writes holds every field of the speech and is
out of reach of later edits; the worker runs jobs in order and hands each result back once."""

from __future__ import annotations

import dataclasses
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
