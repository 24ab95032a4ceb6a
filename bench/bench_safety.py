"""File-safety benchmarks: the autosave (recovery) write of a 30,000-character speech, which runs
on the UI thread while the writer types, and a full safe save (hash check, backup, atomic write).

The recovery write must stay well under one frame (16 ms); it is split in its two parts so that
it is clear which one would have to move off the UI thread if it ever grew: ``snapshot``
(serialising, must see a speech that cannot change meanwhile) and ``store`` (atomic write with
fsync, can run on any thread).
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


def cases() -> list:
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
             lambda: recovery.write_recovery(speech, original, session_id), bar=0.016, runs=21,
             note="UI thread, every autosave"),
        Case(f"recovery: read back {label}", parse_recovery, runs=11),
        Case("recovery: list 1 file at start-up", recovery.list_recoveries, runs=21),
        Case(f"save: hash check + backup + atomic write {label}", save_changed, runs=11),
        Info("recovery file size", lambda: f"{len(data):,} bytes for {count:,} 字 "
             f"({os.cpu_count()} cores)"),
    ]
