"""Noticing that a library pack changed on disk: a colleague added snippets to the shared pack,
another copy of the program saved to the user's own pack, a script imported into it.

The files are looked at every :data:`INTERVAL_MS` (a ``stat`` each, microseconds) rather than
through ``QFileSystemWatcher``: the file-system notifications it relies on do not report changes
made by other computers to a network folder, which is exactly where a shared library lives.
Bundled packs ship with the program and are not watched.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QTimer, Signal

INTERVAL_MS = 2000


def signature(path: str) -> tuple | None:
    """What changes when a file is replaced or rewritten (None: no file, or unreachable)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


class PackWatcher(QObject):
    changed = Signal(str)   # the pack's path

    def __init__(self, parent=None):
        super().__init__(parent)
        self._seen: dict[str, tuple | None] = {}
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def watch(self, paths: list[str]) -> None:
        """Watch these files from now on (their present state is the known one)."""
        self._seen = {path: signature(path) for path in paths}
        if self._seen:
            self.timer.start()
        else:
            self.timer.stop()

    def remember(self, path: str) -> None:
        """The program itself has just written or read ``path``: its state now is known."""
        if path in self._seen:
            self._seen[path] = signature(path)

    def check(self) -> None:
        for path, known in list(self._seen.items()):
            now = signature(path)
            if now != known:
                self._seen[path] = now
                if now is not None:   # gone or offline: keep showing what was read
                    self.changed.emit(path)
