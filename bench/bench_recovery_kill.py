"""Characters lost when the program is killed (SIGKILL) while the writer types without a pause.

The real application types one character every 30 ms (tests/safety/typing_driver.py, printing
when each was typed) and is killed at a random moment between 2.5 and 8 s of typing, 20 times;
the recovery file it left is read back and compared with what was typed.  Bar (issue 13): at
most 2 s of typing lost, whatever the moment.  Before, continuous typing reached the recovery
file at most every 30 s: a kill within the first 30 s of typing lost all of it.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

from harness import Info

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from safety.conftest import sample_speech
from safety.kill_while_typing import type_then_kill, typed_text

from composer.io import recovery, speech_file

KILLS = 20


def one_kill(rng: random.Random, folder: Path) -> tuple[int, int, float]:
    """(characters typed, characters lost, seconds of typing lost)."""
    path = folder / "讲话.speech.yaml"
    original = sample_speech()
    speech_file.save_speech(original, path)
    times = type_then_kill(path, rng.uniform(2.5, 8.0))
    kept = ""
    for found in recovery.list_recoveries():
        if found.original == str(path):
            kept = found.load().body[0].paragraphs[-1][len(original.body[0].paragraphs[-1]):]
        recovery.discard_recovery(found)
    typed = typed_text(len(times))
    if not typed.startswith(kept):
        raise AssertionError("the recovery file holds text that was not typed")
    lost = len(times) - len(kept)
    return len(times), lost, (times[-1] - times[len(kept)] if lost else 0.0)


def report() -> str:
    rng = random.Random(13)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-kill-") as folder:
        os.environ["XDG_CONFIG_HOME"] = os.path.join(folder, "config")
        for number in range(KILLS):
            here = Path(folder) / str(number)
            here.mkdir()
            rows.append(one_kill(rng, here))
    lost_chars = [row[1] for row in rows]
    lost_seconds = [row[2] for row in rows]
    return (f"{KILLS} kills, {sum(r[0] for r in rows)} characters typed: lost per kill "
            f"median {statistics.median(lost_chars):.0f} / max {max(lost_chars)} characters, "
            f"median {statistics.median(lost_seconds):.2f} / max {max(lost_seconds):.2f} s of "
            f"typing (bar 2 s)")


def cases() -> list:
    return [Info("kill -9 while typing continuously", report)]
