"""A non-blocking pipe whose read end Qt watches: how another thread, or a signal handler, wakes
the UI thread without touching a Qt object (``app.end_on_signals``, ``library_loader``).

A pipe where there are pipes; a socket pair on Windows, where ``QSocketNotifier`` and
``signal.set_wakeup_fd`` need a socket.  (Importing ``socket`` costs about 7 ms of every start
on the test machine.)
"""

from __future__ import annotations

import os


class PipeEnd:
    """One end of a non-blocking pipe, with the socket methods the wake-ups use."""

    def __init__(self, fd: int):
        os.set_blocking(fd, False)
        self.fd = fd

    def fileno(self) -> int:
        return self.fd

    def send(self, data: bytes) -> int:
        return os.write(self.fd, data)   # BlockingIOError (an OSError) when the pipe is full

    def recv(self, size: int) -> bytes:
        try:
            return os.read(self.fd, size)
        except BlockingIOError:
            return b""   # nothing to read now, as a non-blocking socket would say by an error


def wakeup_pair():
    """(reader, writer), both non-blocking."""
    if os.name == "posix":
        reader, writer = os.pipe()
        return PipeEnd(reader), PipeEnd(writer)
    import socket
    read_end, write_end = socket.socketpair()
    read_end.setblocking(False)
    write_end.setblocking(False)
    return read_end, write_end
