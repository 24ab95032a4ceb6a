"""The typing application in a child process, for the kill test and its bench."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from .children import python_env

DRIVER = Path(__file__).with_name("typing_driver.py")
TYPED_TEXT = "各处室要在本周五前报送创建工作方案，确保各项任务落到实处。"
INTERVAL_MS = 30
TIMEOUT = 120.0


class TypingApp:
    def __init__(self, path: Path, interval_ms: int = INTERVAL_MS):
        self.process = subprocess.Popen(
            [sys.executable, str(DRIVER), str(path), TYPED_TEXT, str(interval_ms)],
            env=python_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue = queue.Queue()
        self._times: list[float] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            parts = line.split()
            if len(parts) == 3 and parts[0] == "typed":
                self._times.append(float(parts[2]))
                self.lines.put(int(parts[1]))
        self.lines.put(None)

    def wait_until_typed(self, count: int) -> None:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                number = self.lines.get(timeout=1)
            except queue.Empty:
                continue
            if number is None:
                break
            if number >= count:
                return
        self.stop()
        raise AssertionError(f"the application never typed: {self.process.stderr.read()}")

    def typed_times(self) -> list[float]:
        """When each character was typed (the driver's clock), once the process has ended."""
        self._reader.join(timeout=TIMEOUT)
        return list(self._times)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=TIMEOUT)
        self._reader.join(timeout=TIMEOUT)
        self.process.stdout.close()
        self.process.stderr.close()


def typed_text(count: int) -> str:
    """The first ``count`` characters the driver types."""
    return "".join(TYPED_TEXT[i % len(TYPED_TEXT)] for i in range(count))


def type_then_kill(path: Path, seconds: float) -> list[float]:
    """Type into the speech at ``path`` for about ``seconds``, then kill the program with
    SIGKILL (no chance to save); returns when each character was typed."""
    typing = TypingApp(path)
    try:
        typing.wait_until_typed(1)
        time.sleep(seconds)
        typing.process.send_signal(signal.SIGKILL)
        typing.process.wait(timeout=60)
    finally:
        typing.stop()
    return typing.typed_times()
