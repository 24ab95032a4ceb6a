"""Lock files that warn when the same speech is opened twice.

Like LibreOffice's ``.~lock.NAME#``, a small file beside the speech says who has it open: which
session of the program, its process, computer, user, and since when.  It is advice, not an
operating-system lock (those do not work reliably on the network folders offices share files
on): opening a speech that another live session holds gives a :class:`SpeechLockedError` naming
the holder, and the user decides whether to open it anyway.

A lock is *stale*, and is silently replaced, when its process has ended on this computer (or
runs something else now: see ``processes``), when it cannot be read, or when it was written on
another computer more than :data:`STALE_AFTER` seconds ago (there we cannot see the process).
The lock is rewritten on every save, so a long editing session keeps its lock fresh.

Taking a lock is atomic (``exclusive.create``): of two programs opening one speech at the same
instant, one gets the lock and the other is warned.  Failing to write a lock (a read-only
folder, a CD) never keeps a speech from opening: the lock only ever adds a warning.
"""

from __future__ import annotations

import json
import math
import os
import time
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import ComposerError
from . import exclusive, files
from .processes import ProcessId, this_process

PREFIX = ".~lock."
SUFFIX = "#"
STALE_AFTER = 24 * 3600
# A lock file is a few hundred bytes; anything bigger is not ours.
_MAX_LOCK_BYTES = 64 * 1024


@dataclass(frozen=True)
class LockInfo:
    """Who holds a speech open, as read from its lock file."""
    session: str
    process: ProcessId
    since: float          # seconds since the epoch

    def to_data(self) -> dict:
        return {"session": self.session, "since": self.since, **self.process.to_data()}

    def describe(self) -> tuple[str, str]:
        """A Chinese and an English phrase naming the holder, for messages."""
        try:
            since = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.since))
        except (OverflowError, OSError, ValueError):
            since = "?"  # a lock file with a nonsense time
        user = self.process.user or "?"
        if self.process.on_this_host():
            return (f"{user} 在本机（{since} 起，进程 {self.process.pid}）",
                    f"{user} on this computer (since {since}, process {self.process.pid})")
        return (f"{user} 在计算机 {self.process.host} 上（{since} 起）",
                f"{user} on computer {self.process.host} (since {since})")


class SpeechLockedError(ComposerError):
    """The speech is open in another live session; ``holder`` says who has it."""

    def __init__(self, path: Path, holder: LockInfo):
        who_zh, who_en = holder.describe()
        super().__init__(f"{path.name} 已经被 {who_zh}打开了。同时编辑可能互相覆盖对方的修改。",
                         f"{path.name} is already open by {who_en}. Editing it in both places "
                         "could overwrite one another's changes.")
        self.path = path
        self.holder = holder


def lock_path(path: str | os.PathLike) -> Path:
    target = Path(path)
    return target.with_name(f"{PREFIX}{target.name}{SUFFIX}")


def read_lock(path: str | os.PathLike) -> LockInfo | None:
    """The lock on a speech, or None when there is none or it cannot be read."""
    return _parse(exclusive.read(lock_path(path), _MAX_LOCK_BYTES))


def _parse(raw: bytes | None) -> LockInfo | None:
    if raw is None:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    process = ProcessId.from_data(data)
    if process is None:
        return None
    session, since = data.get("session"), data.get("since")
    if (not isinstance(session, str) or isinstance(since, bool)
            or not isinstance(since, (int, float))):
        return None
    try:
        since = float(since)
    except OverflowError:
        return None
    return LockInfo(session, process, since) if math.isfinite(since) else None


def is_stale(lock: LockInfo, now: float | None = None) -> bool:
    running = lock.process.is_running()
    if running is not None:
        return not running
    now = time.time() if now is None else now
    return now - lock.since > STALE_AFTER


def holder(path: str | os.PathLike, session: str) -> LockInfo | None:
    """The live lock of *another* session on this speech, or None when it is free to take."""
    lock = _settled(lock_path(path))[1]
    if lock is None or lock.session == session or is_stale(lock):
        return None
    return lock


def _settled(target: Path) -> tuple[bytes | None, LockInfo | None]:
    """The lock file's bytes and what they say (a lock still being written is waited for)."""
    raw = exclusive.read_settled(target, _MAX_LOCK_BYTES)
    return raw, _parse(raw)


def acquire(path: str | os.PathLike, session: str, force: bool = False) -> bool:
    """Take (or refresh) the lock on a speech for a session.

    Raises SpeechLockedError when another live session holds it, unless ``force`` (the user
    chose to open it anyway; the other session's lock is then replaced by ours).  Returns
    whether a lock file could be written.

    Taking a free lock is one atomic step (``exclusive.create``): of several programs opening
    the same speech at the same instant exactly one gets it, and every other one is warned.
    """
    target = lock_path(path)
    data = json.dumps(LockInfo(session, this_process(), time.time()).to_data(),
                      ensure_ascii=False).encode("utf-8")
    for _attempt in range(8):
        try:
            if exclusive.create(target, data):
                return True
        except OSError:
            return False  # a read-only folder: the lock only ever adds a warning
        raw, current = _settled(target)
        if raw is None:
            continue  # released meanwhile: try again
        if current is not None and current.session != session and not is_stale(current) \
                and not force:
            raise SpeechLockedError(Path(path), current)
        if (current is not None and current.session == session) or force:
            # Our own lock (refreshed at every save), or the user said to open it anyway.
            try:
                files.write_bytes(target, data)
            except ComposerError:
                return False
            return True
        # A dead holder's lock, or a damaged one: take it away (only if it is still the one
        # judged dead) and try to create ours again.
        if not exclusive.take_away(target, raw):
            return False
    return False


def release(path: str | os.PathLike, session: str) -> None:
    """Remove the lock on a speech if this session holds it (never another session's lock)."""
    lock = read_lock(path)
    if lock is not None and lock.session == session:
        try:
            os.unlink(lock_path(path))
        except OSError:
            pass  # already gone, or a read-only folder: a leftover lock is recognised as stale
