"""The application itself, killed: edits typed into the running program survive SIGKILL (through
the autosave) and SIGTERM / SIGHUP (written at once, then a clean exit), and the next start
offers them, restores them as unsaved edits, and a save makes the recovery file go.

The program runs in a child process (``app_driver.py``); the restart runs in this process with
the restore prompt answered by the test.  Nothing here depends on timing: the tests wait for
files and lines with generous timeouts.
"""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from composer.io import locks, recovery, speech_file
from composer.ui import file_actions

from .children import python_env
from .conftest import sample_speech
# The UI tests' guards: settings in a temp folder, and no modal dialog may wait for an answer
# (so the restart below proves that no question but the restore prompt is asked).
from ui.conftest import no_unexpected_dialogs, temp_settings  # noqa: F401

DRIVER = Path(__file__).with_name("app_driver.py")
TYPED_PARAGRAPH = "（补充）各处室要在本周五前报送创建工作方案。"
TYPED_TITLE = "（修改稿）"
TIMEOUT = 120.0


class RunningApp:
    """The application in a child process, with its output read line by line."""

    def __init__(self, path: Path, *options: str):
        self.process = subprocess.Popen(
            [sys.executable, str(DRIVER), str(path), TYPED_PARAGRAPH, TYPED_TITLE, *options],
            env=python_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.strip())
        self.lines.put(None)

    def wait_for_line(self, expected: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                continue
            if line == expected:
                return
            if line is None:
                break
        self.stop()
        raise AssertionError(f"the application never said {expected!r}: {self.errors()}")

    def errors(self) -> str:
        try:
            return self.process.stderr.read()
        except (OSError, ValueError):
            return ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=TIMEOUT)


@pytest.fixture
def running():
    started = []

    def start(path: Path, *options: str) -> RunningApp:
        child = RunningApp(path, *options)
        started.append(child)
        return child
    yield start
    for child in started:
        child.stop()
        child.process.stdout.close()
        child.process.stderr.close()


@pytest.fixture
def speech_file_path(tmp_path) -> Path:
    path = tmp_path / "动员大会讲话.speech.yaml"
    speech_file.save_speech(sample_speech(), path)
    return path


def holds_the_edits(speech) -> bool:
    return (speech.title.endswith(TYPED_TITLE)
            and speech.body[0].paragraphs[-1].endswith(TYPED_PARAGRAPH))


def recovery_files() -> list[Path]:
    folder = recovery.recovery_dir()
    if not folder.is_dir():
        return []
    return [p for p in folder.iterdir() if p.name.endswith(speech_file.SUFFIX)
            and not p.name.startswith(".")]


def wait_for_recovery_with_the_edits() -> Path:
    """Poll the data folder until the running program has written the typed text."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        for path in recovery_files():
            try:
                if holds_the_edits(speech_file.load_speech(path)):
                    return path
            except Exception:  # noqa: BLE001 - vanished or replaced meanwhile: look again
                pass
        time.sleep(0.1)
    raise AssertionError("no recovery file with the typed edits appeared")


def restart_and_restore(qtbot, monkeypatch, path: Path):
    """Start the program again (in this process) and accept the recovery it offers."""
    from composer.ui import app
    offered = []

    def answer(parent, text):
        offered.append(text)
        return file_actions.RESTORE
    monkeypatch.setattr(file_actions, "ask_restore", answer)
    window = app.create_window()
    qtbot.addWidget(window, before_close_func=lambda w: w.document.stack.setClean())
    assert len(offered) == 1
    assert TYPED_TITLE in offered[0] and str(path) in offered[0]
    return window


def check_restored_then_save(window, path: Path, original) -> None:
    document = window.document
    assert holds_the_edits(document.speech)
    assert document.speech.title == original.title + TYPED_TITLE
    assert document.speech.body[0].paragraphs == [*original.body[0].paragraphs[:-1],
                                                  original.body[0].paragraphs[-1]
                                                  + TYPED_PARAGRAPH]
    assert document.is_modified() and document.path == str(path)
    assert window.isWindowModified()
    assert speech_file.load_speech(path).content() == original.content()  # not written yet
    assert window.files.save_speech(wait=True)
    assert holds_the_edits(speech_file.load_speech(path))
    assert recovery_files() == [] and recovery.list_recoveries() == []
    window.files.close_speech()
    assert not locks.lock_path(path).exists()


def test_edits_survive_sigkill_and_are_restored(qtbot, monkeypatch, running, speech_file_path):
    original = speech_file.load_speech(speech_file_path)
    child = running(speech_file_path)
    child.wait_for_line("edited")
    wait_for_recovery_with_the_edits()   # the autosave, about 2 s after the typing stopped
    assert recovery.list_recoveries() == []  # its program still runs: not offered to others
    child.process.send_signal(signal.SIGKILL)
    assert child.process.wait(timeout=TIMEOUT) == -signal.SIGKILL
    assert locks.lock_path(speech_file_path).exists()  # left behind, now stale
    assert speech_file.load_speech(speech_file_path).content() == original.content()

    window = restart_and_restore(qtbot, monkeypatch, speech_file_path)
    check_restored_then_save(window, speech_file_path, original)


@pytest.mark.parametrize("name", [n for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)])
def test_ended_by_a_signal_the_edits_are_written_and_it_exits_cleanly(
        qtbot, monkeypatch, running, speech_file_path, name):
    """Logout or shutdown: no autosave has run yet (its timers are stretched), so only the
    signal handling can have written the recovery file."""
    original = speech_file.load_speech(speech_file_path)
    child = running(speech_file_path, "--no-autosave")
    child.wait_for_line("edited")
    assert recovery_files() == []
    child.process.send_signal(getattr(signal, name))
    assert child.process.wait(timeout=TIMEOUT) == 0, child.errors()
    assert "Traceback" not in child.errors()
    [kept] = recovery_files()
    assert holds_the_edits(speech_file.load_speech(kept))
    assert not locks.lock_path(speech_file_path).exists()  # freed for colleagues

    window = restart_and_restore(qtbot, monkeypatch, speech_file_path)
    check_restored_then_save(window, speech_file_path, original)
