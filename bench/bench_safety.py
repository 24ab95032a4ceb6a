"""File-safety benchmarks: the recovery write of a 30,000-character speech and a full safe save
(hash check, backup, atomic write); then a 9.5 MB speech, whose save froze the window.

The recovery write is split in its two parts: ``snapshot`` (serialising) and ``store`` (atomic
write with fsync).  Both now run on the window's worker thread (ui/background_writes); the UI
thread only copies the speech's tree.  For the big speech this prints what the UI thread did
before (the whole save) and what it does now (the copy), and the longest pause of the UI
thread's event loop while the save and a recovery write run in the background.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from generate import corpus_paragraphs
from harness import Case, Info

from composer.core.speech import Section, Speech
from composer.core.stats import speech_stats
from composer.io import recovery, speech_file
from composer.io.speech_session import SpeechSession
from composer.ui import background_writes

TARGET_CHARACTERS = 30_000


def long_speech(characters: int = TARGET_CHARACTERS) -> Speech:
    """A speech of real corpus paragraphs in a realistic outline, at least ``characters`` 字."""
    paragraphs = corpus_paragraphs()
    speech = Speech(title="在创建省级文明单位动员大会上的讲话", salutation="同志们：",
                    opening=paragraphs[:2], closing=["谢谢大家！"])
    n = 0
    while speech_stats(speech).total.total < characters:
        section = Section(f"第{len(speech.body) + 1}部分的标题", [paragraphs[n % len(paragraphs)]])
        for j in range(3):
            n += 1
            section.children.append(Section(f"小标题{j + 1}", [paragraphs[n % len(paragraphs)],
                                                            paragraphs[(n + 7) % len(paragraphs)]]))
        speech.body.append(section)
    return speech


def small_cases() -> list:
    speech = long_speech()
    count = speech_stats(speech).total.total
    folder = Path(tempfile.mkdtemp(prefix="bench-safety-"))
    original = folder / "long.speech.yaml"
    speech_file.save_speech(speech, original)
    session_id = recovery.new_session_id()
    data = recovery.snapshot(speech, original, session_id)

    session = SpeechSession(keep_backups=5)
    session.open(original)
    toggle = {"n": 0}

    def save_changed():
        toggle["n"] += 1
        speech.closing = [f"谢谢大家！{toggle['n']}"]   # a real change: a backup every time
        session.save(speech)

    def parse_recovery():
        speech_file.load_speech(recovery.recovery_path(session_id))

    label = f"{count:,} 字"
    return [
        Case(f"recovery: snapshot (serialise) {label}",
             lambda: recovery.snapshot(speech, original, session_id), runs=21),
        Case(f"recovery: store (atomic write + fsync) {len(data) // 1024} KB",
             lambda: recovery.store(session_id, data), runs=21),
        Case(f"recovery: write_recovery total {label}",
             lambda: recovery.write_recovery(speech, original, session_id), runs=21,
             note="worker thread, every 1.5 s of typing"),
        Case(f"recovery: UI thread part, copy of the speech {label}",
             lambda: background_writes.snapshot(speech), bar=0.016, runs=21,
             note="UI thread, every 1.5 s of typing"),
        Case(f"recovery: read back {label}", parse_recovery, runs=11),
        Case("recovery: list 1 file at start-up", recovery.list_recoveries, runs=21),
        Case(f"save: hash check + backup + atomic write {label}", save_changed, runs=11),
        Info("recovery file size", lambda: f"{len(data):,} bytes for {count:,} 字 "
             f"({os.cpu_count()} cores)"),
    ]


# --- a big speech: what the UI thread does when it is saved ------------------------------------

BIG_BYTES = 9_500_000


def huge_speech(target_bytes: int = BIG_BYTES) -> Speech:
    """A speech whose file is about ``target_bytes`` (9.5 MB: the one issue 13 measured)."""
    from composer.io import yamlfile
    from composer.io.speech_file import section_to_data
    paragraphs = corpus_paragraphs()
    speech = Speech(title="在全市工作会议上的讲话（汇编）", salutation="同志们：",
                    opening=paragraphs[:2], closing=["谢谢大家！"])
    n = size = 0
    while size < target_bytes:
        section = Section(f"第{len(speech.body) + 1}部分", [paragraphs[n % len(paragraphs)]])
        for j in range(3):
            n += 1
            section.children.append(Section(f"小标题{j + 1}", [
                paragraphs[n % len(paragraphs)], paragraphs[(n + 7) % len(paragraphs)]]))
        speech.body.append(section)
        size += len(yamlfile.dump([section_to_data(section)]).encode("utf-8"))
    return speech


def ui_pauses_during(work) -> tuple[float, float]:
    """(longest pause of the UI thread's event loop, seconds until done) while ``work`` runs on
    the window's BackgroundWriter: a 5 ms timer ticks on the UI thread and its gaps are kept."""
    import time

    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from composer.ui.background_writes import BackgroundWriter
    QApplication.instance() or QApplication([])
    writer = BackgroundWriter()
    ticks = [time.perf_counter()]
    gaps = []

    def tick():
        now = time.perf_counter()
        gaps.append(now - ticks[-1])
        ticks.append(now)
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    done = []
    loop = QEventLoop()
    started = time.perf_counter()
    timer.start()
    writer.submit(work, lambda result, error: (done.append(error), loop.quit()))
    loop.exec()
    timer.stop()
    elapsed = time.perf_counter() - started
    QCoreApplication.processEvents()
    if done[0] is not None:
        raise done[0]
    return max(gaps, default=0.0), elapsed


def big_cases() -> list:
    snapshot = background_writes.snapshot
    speech = huge_speech()
    folder = Path(tempfile.mkdtemp(prefix="bench-big-save-"))
    path = folder / "big.speech.yaml"
    speech_file.save_speech(speech, path)
    size = path.stat().st_size
    session = SpeechSession(keep_backups=5)
    session.open(path)
    counter = {"n": 0}

    def change():
        counter["n"] += 1
        speech.closing = [f"谢谢大家！{counter['n']}"]   # a real change: a backup every time

    def save_on_ui_thread():
        change()
        session.save(speech)

    def background(label: str, work):
        def text():
            rows = []
            for _ in range(5):
                change()
                copy = snapshot(speech)
                rows.append(ui_pauses_during(lambda copy=copy: work(copy)))
            rows.sort()
            pause, elapsed = rows[len(rows) // 2]
            return (f"longest UI pause {pause * 1000:.0f} ms (median of 5; the 5 ms timer "
                    f"itself included) while the {label} took {elapsed:.2f} s")
        return text

    label = f"{size / 1e6:.1f} MB"
    return [
        Case(f"big save: on the UI thread, before ({label})", save_on_ui_thread, runs=5,
             note="what the window did until now"),
        Case(f"big save: UI thread part now, snapshot ({label})", lambda: snapshot(speech),
             runs=11, bar=0.05, baseline=f"big save: on the UI thread, before ({label})",
             note="the worker serialises and writes"),
        Info(f"big save: in the background ({label})",
             background("save", lambda copy: session.save(copy))),
        Info(f"big recovery write: in the background ({label})",
             background("recovery write", lambda copy: session.write_recovery(copy))),
    ]


def cases() -> list:
    return small_cases() + big_cases()
