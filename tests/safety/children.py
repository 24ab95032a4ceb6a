"""Child Python processes for the tests that need a live, a dead or a killed process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def python_env() -> dict:
    """The environment for a child Python: same data folders, the checkout importable."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=python_env(),
                          capture_output=True, text=True, timeout=120, check=True)


def start_python(code: str) -> subprocess.Popen:
    """A child Python that runs ``code`` then prints "ready" and waits (until killed)."""
    script = (textwrap.dedent(code)
              + "\nimport time\nprint('ready', flush=True)\ntime.sleep(600)\n")
    child = subprocess.Popen([sys.executable, "-c", script], env=python_env(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = child.stdout.readline()
    if line.strip() != "ready":
        child.kill()
        raise AssertionError(f"child did not start: {line!r} {child.stderr.read()}")
    return child


def open_when_released(number: int, path: str, rounds: int, barrier, results) -> None:
    """One of several programs opening the same speech at the same instant, round after round
    (``multiprocessing`` target): reports whether it got the speech without a warning."""
    from composer.io.locks import SpeechLockedError
    from composer.io.speech_session import SpeechSession
    for round_ in range(rounds):
        session = SpeechSession(session=f"p{number}-r{round_}")
        barrier.wait()
        try:
            session.open(path)
            warned = False
        except SpeechLockedError:
            warned = True
        results.put((round_, number, warned))
        barrier.wait()                 # every one has tried: the holder closes, all go again
        if not warned:
            session.close()
        barrier.wait()
