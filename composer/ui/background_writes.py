"""Saving and writing recovery files off the UI thread, so that a big speech never freezes the window.

Measured with a 9.5 MB speech (bench/bench_safety.py): a save took 0.4–2.3 s on the UI thread,
most of it turning the speech into YAML (about 1 s), the rest reading, hashing, backing up and
writing with fsync.  Taking a *copy* of the speech's tree takes 20 ms for the same speech (the
strings are shared, they cannot change; only the lists are new), and a copy cannot change
while the writer types on.  So the UI thread takes the copy (:func:`snapshot`) and one worker
thread does the rest, still through the atomic writes of ``io``.

One worker, jobs in the order given: a save and the recovery writes never overlap or overtake
one another, and the session (``io/speech_session``) is only changed by one job at a time.  The
result of each job is handed back to the UI thread (a queued signal), where its ``done``
callback runs; :meth:`BackgroundWriter.finish` waits for every job and runs the callbacks at
once, for the moments that need the outcome (closing the window, opening another speech).

The worker and the window's thread share one interpreter lock, and the window's thread takes
it for every call from Qt into Python: each row the library list paints, each question the
view asks the model.  While the worker computes, each such call waits until the worker lets
go, up to the interpreter's switch interval (5 ms by default), so a screen of rows took up to
120–140 ms to paint during a write into a library of 100,000 snippets, and taking a write's
result in — the list changing, the new snippet selected and scrolled to — took 0.1–0.5 s when
the next job (the start-up cache) was already running.  Hence two things, measured with
bench/bench_library_write.py:

* the interpreter switches threads every :data:`SWITCH_INTERVAL` seconds (the paint: about
  10 ms, at most 20–30);
* after each job the worker waits until the window has taken its result in and had
  :data:`SETTLE_MS` to show it (at most :data:`TAKE_WAIT` seconds: a callback that opens a
  dialog does not hold up the jobs behind it for long).
"""

from __future__ import annotations

import dataclasses
import sys
import threading
from collections import deque
from copy import deepcopy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.speech import Speech


def snapshot(speech: Speech) -> Speech:
    """A copy of the speech that later edits cannot reach (milliseconds, even for a big one).

    Every field is copied, whatever fields the speech gains: the sections through
    ``Section.copy`` (new lists, the same immutable strings), everything else deeply (small).
    """
    copy = dataclasses.replace(speech)
    for field in dataclasses.fields(speech):
        value = getattr(speech, field.name)
        if field.name == "body":
            copy.body = [section.copy() for section in value]
        else:
            setattr(copy, field.name, deepcopy(value))
    return copy


SWITCH_INTERVAL = 0.0005   # seconds (Python's default: 0.005)
SETTLE_MS = 30             # the window's time to show a result before the next job starts
TAKE_WAIT = 0.25           # seconds the worker waits at most for that


class _Job:
    __slots__ = ("delivered", "done", "error", "finished", "result", "work")

    def __init__(self, work: Callable[[], Any], done: Callable[[Any, BaseException | None], None]):
        self.work = work
        self.done = done
        self.result: Any = None
        self.error: BaseException | None = None
        self.finished = threading.Event()
        self.delivered = False


class BackgroundWriter(QObject):
    _job_finished = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._jobs: deque[_Job] = deque()      # submitted, callback not run yet (in order)
        self._waiting: deque[_Job] = deque()   # for the worker
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None
        self._taken = threading.Event()        # the last result is in: the next job may start
        self._job_finished.connect(self._deliver_ready)
        if sys.getswitchinterval() > SWITCH_INTERVAL:
            sys.setswitchinterval(SWITCH_INTERVAL)   # for the whole program: see above

    def submit(self, work: Callable[[], Any],
               done: Callable[[Any, BaseException | None], None]) -> None:
        """Run ``work()`` on the worker; then ``done(result, error)`` on the UI thread."""
        job = _Job(work, done)
        self._jobs.append(job)
        with self._wake:
            self._waiting.append(job)
            if self._thread is None:
                # A daemon: a write stuck on an unreachable network folder must not keep the
                # program from ending; the window finishes its writes before it closes.
                self._thread = threading.Thread(target=self._run, name="composer-writes",
                                                daemon=True)
                self._thread.start()
            self._wake.notify()

    def busy(self) -> bool:
        return bool(self._jobs)

    def finish(self) -> None:
        """Wait for every job submitted (and any its callback submits) and run the callbacks."""
        while self._jobs:
            self._taken.set()   # nothing is shown meanwhile: the worker need not wait
            self._jobs[0].finished.wait()
            self._deliver(settle=False)
        self._taken.set()

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._waiting:
                    self._wake.wait()
                job = self._waiting.popleft()
            try:
                job.result = job.work()
            except BaseException as error:  # handed to the callback, which reports it
                job.error = error
            self._taken.clear()
            job.finished.set()
            try:
                self._job_finished.emit(job)
            except RuntimeError:
                # The writer was deleted with its window while the job ran (a window closed in
                # the middle of a similar-wording question): nobody is left to hand it to.
                return
            self._taken.wait(TAKE_WAIT)   # see the module's docstring

    def _deliver_ready(self, *_args) -> None:
        self._deliver(settle=True)

    def _deliver(self, settle: bool) -> None:
        # In submission order, and each once (finish() may have run it before the signal came).
        while self._jobs and self._jobs[0].finished.is_set():
            job = self._jobs.popleft()
            if not job.delivered:
                job.delivered = True
                try:
                    job.done(job.result, job.error)
                finally:
                    if settle:
                        QTimer.singleShot(SETTLE_MS, self._taken.set)
                    else:
                        self._taken.set()
