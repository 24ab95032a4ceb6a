"""Loading the library on a worker thread while the window is already in use.

The thread only reads files and makes plain objects (``io.library_store``); what it finds comes
back through a queue, and a byte written to a pipe (``wakeup``) wakes the UI thread to empty it (a
QSocketNotifier, as for the end signals in ``app``), so no Qt object is ever touched off the UI
thread and a small library is in the pane within milliseconds.  Two steps, each delivered as
soon as it is done: the snippets (the pane fills in), then the character indexes of big packs
(searches get faster).  A newer load cancels an older one, and whatever an older one still
delivers is dropped.

While the snippets are being made the garbage collector is paused (``library_file.paused_gc``);
once they are in the window they are moved out of its sight (``gc.freeze``): 100,000 snippets
are a few hundred thousand long-lived objects that every full collection would otherwise walk
again, a pause of a frame or more now and then while the writer types.  Library objects hold
no reference cycles, so reference counting frees a replaced library all the same.
"""

from __future__ import annotations

import gc
import queue
import threading

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from ..io.library_store import Cancelled, LoadControl, build_indexes, load_library
from .wakeup import wakeup_pair

PROGRESS_MS = 100


class LibraryLoader(QObject):
    progress = Signal(int, int)    # bytes of pack files read, of all
    loaded = Signal(object)        # LoadedLibrary
    indexed = Signal()             # the character indexes of big packs are ready
    failed = Signal(str)           # an unexpected error: the one line to show

    def __init__(self, parent=None):
        super().__init__(parent)
        self._queue: queue.Queue = queue.Queue()
        self._control: LoadControl | None = None
        self._generation = 0
        self.loading = False       # until the snippets are delivered
        self._wake_reader, self._wake_writer = wakeup_pair()
        self._notifier = QSocketNotifier(self._wake_reader.fileno(), QSocketNotifier.Type.Read,
                                         self)
        self._notifier.activated.connect(self._poll)
        self._timer = QTimer(self)   # the progress bar, while reading
        self._timer.setInterval(PROGRESS_MS)
        self._timer.timeout.connect(self._poll)

    def start(self, folders) -> None:
        if self._control is not None:
            self._control.cancel()
        self._generation += 1
        self._control = control = LoadControl()
        self.loading = True
        queue_put, writer = self._queue.put, self._wake_writer

        def put(item) -> None:
            queue_put(item)
            try:
                writer.send(b"!")
            except OSError:
                pass  # the window is gone, or the pipe is full: nothing to wake
        # The thread gets the queue, the pipe and the control, never this QObject.
        thread = threading.Thread(target=_work, name="library-loader", daemon=True,
                                  args=(put, self._generation, control, [str(f) for f in folders]))
        thread.start()
        self._timer.start()

    def _poll(self, *_) -> None:
        try:
            while self._wake_reader.recv(4096):
                pass
        except OSError:
            pass  # nothing (more) to read
        control = self._control
        if self.loading and control is not None:
            self.progress.emit(control.done, control.total)
        while True:
            try:
                generation, what, value = self._queue.get_nowait()
            except queue.Empty:
                return
            if generation != self._generation:
                continue  # from a load that a newer one replaced
            if what == "loaded":
                self.loading = False
                self.loaded.emit(value)
                gc.freeze()
            elif what == "indexed":
                self.indexed.emit()
            elif what == "failed":
                self.loading = False
                self.failed.emit(value)
            elif what == "finished":
                self._timer.stop()


def _work(put, generation: int, control: LoadControl, folders: list[str]) -> None:
    try:
        library = load_library(folders, control=control)
        put((generation, "loaded", library))
        if build_indexes(library, control):
            put((generation, "indexed", None))
    except Cancelled:
        pass
    except Exception as error:  # a bug: say it in one line rather than die silently
        put((generation, "failed", f"{type(error).__name__}: {error}"))
    finally:
        put((generation, "finished", None))
