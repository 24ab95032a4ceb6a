"""Killed while typing, the program loses at most two seconds of it.

The real application types without a pause (``typing_driver.py``: one character every 30 ms,
printing when each was typed); it is killed with SIGKILL at a random moment, restarted in this
process, and the restored speech is compared with what was typed: the text restored must be
exactly the first characters typed, and the characters missing must all have been typed in the
last two seconds before the kill (issue 13's bar; by the driver's own clock).  Before the
recovery file was written two seconds after the first change, continuous typing was written at
most every 30 s.  bench/bench_recovery_kill.py repeats this 20 times and reports the figures.
"""

from __future__ import annotations

import random

import pytest

from composer.io import recovery, speech_file
from composer.ui import file_actions

from .conftest import sample_speech
from .kill_while_typing import type_then_kill, typed_text
# The UI tests' guards: settings in a temp folder, and no modal dialog may wait for an answer.
from ui.conftest import no_unexpected_dialogs, temp_settings  # noqa: F401

BAR_SECONDS = 2.0


def restart_and_restore(qtbot, monkeypatch):
    from composer.ui import app
    monkeypatch.setattr(file_actions, "ask_restore", lambda parent, text: file_actions.RESTORE)
    window = app.create_window()
    qtbot.addWidget(window, before_close_func=lambda w: w.document.stack.setClean())
    return window


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_kill_while_typing_loses_at_most_two_seconds(qtbot, monkeypatch, tmp_path, seed):
    path = tmp_path / "讲话.speech.yaml"
    original = sample_speech()
    speech_file.save_speech(original, path)
    # Kill somewhere between 2.5 and 6 s of continuous typing.
    times = type_then_kill(path, random.Random(seed).uniform(2.5, 6.0))
    assert len(times) > 50, "the driver typed too little to measure anything"

    window = restart_and_restore(qtbot, monkeypatch)
    restored = window.document.speech.body[0].paragraphs[-1]
    before = original.body[0].paragraphs[-1]
    assert restored.startswith(before)
    kept = restored[len(before):]
    assert typed_text(len(times)).startswith(kept)            # exactly the first characters typed
    lost = len(times) - len(kept)
    # Seconds of typing lost: from the first character not kept to the last one typed.
    lost_seconds = times[-1] - times[len(kept)] if lost else 0.0
    print(f"typed {len(times)}, kept {len(kept)}, lost {lost} ({lost_seconds:.2f} s)")
    assert lost_seconds <= BAR_SECONDS
    window.files.close_speech()
    assert recovery.list_recoveries() == []
