"""The write lock of a library pack: one writer at a time, on a local disk or a network share.

A pack is written by more than one program: two copies of the application (one person with two
speeches open), colleagues sharing a library folder, ``speech-composer import --library`` in a
script.  Each write re-reads the pack and merges into it (see ``pack_update``); this lock makes
that read-merge-write one step, so no writer replaces the file with a version that lacks what
another has just added.

The lock is a small file beside the pack, ``.NAME.lock``, created atomically
(``exclusive.create``) and holding who writes: process, computer, user, since when, and a
nonce.  ``fcntl``/``LockFileEx`` locks are not used: network file systems do not all pass them
to the server, and they cannot say who is writing.  A lock is held for the length of one write
(well under a second for a normal pack) and judged dead when:

* its process has ended on this computer (``processes``: the id and its start token);
* it was taken on another computer more than :data:`OTHER_HOST_STALE` seconds ago (there the
  process cannot be seen; offices keep their clocks within minutes of each other, and Windows
  domains refuse logons beyond five minutes of difference);
* it stays empty or unreadable (a crash while it was being created).

A dead lock is taken away safely (``exclusive.take_away``) and the write goes on.  A live one is
waited for, with a bounded wait; when it cannot be had the caller gets :class:`PackBusyError`,
saying who writes and since when, and nothing has been changed.
"""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..core.errors import ComposerError
from . import exclusive
from .processes import ProcessId, this_process

# The longest a write waits for another writer's lock before it gives up (seconds).
DEFAULT_WAIT = 20.0
OTHER_HOST_STALE = 10 * 60
# A wait longer than this is worth a note to the writer (seconds).
NOTE_AFTER = 0.5
_MAX_LOCK_BYTES = 16 * 1024
# An empty or damaged lock file last changed this long ago is dead without waiting.
_DAMAGED_STALE = 60.0


def lock_path(pack_path: str | os.PathLike) -> Path:
    target = Path(pack_path)
    return target.with_name(f".{target.name}.lock")


class PackBusyError(ComposerError):
    """Another program held the pack's write lock for the whole wait; nothing was written."""

    def __init__(self, path: Path, holder: dict | None, waited: float):
        who_zh, who_en = _describe(holder)
        lock = lock_path(path)
        super().__init__(
            f"素材库 {path.name} 正由{who_zh}写入，等了 {waited:.0f} 秒仍未完成，这次没有写入"
            f"（没有任何改动）。请稍后再试；如果确定没有人在写，可以删除锁文件 {lock}。",
            f"The library {path.name} is being written by {who_en}; after waiting "
            f"{waited:.0f} s it was still busy, so nothing was written (nothing changed). Try "
            f"again later; if you are sure nobody is writing, delete the lock file {lock}.")
        self.path = path
        self.holder = holder


class LockLostError(ComposerError):
    """Our lock was taken away while we held it (judged dead by another program)."""

    def __init__(self, path: Path):
        super().__init__(f"素材库 {path.name} 的写入锁被其他程序取走了，这次没有写入。",
                         f"The write lock of {path.name} was taken by another program; "
                         "nothing was written.")


def _describe(holder: dict | None) -> tuple[str, str]:
    if not holder:
        return "另一个程序", "another program"
    user = holder.get("user") or "?"
    since = holder.get("since")
    try:
        when = time.strftime("%H:%M:%S", time.localtime(float(since)))  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError, OSError):
        when = "?"
    process = ProcessId.from_data(holder)
    if process is not None and process.on_this_host():
        return (f" {user}（本机进程 {process.pid}，{when} 起）",
                f"{user} (process {process.pid} on this computer, since {when})")
    host = holder.get("host") or "?"
    return f" {user}（计算机 {host}，{when} 起）", f"{user} (computer {host}, since {when})"


class PackLock:
    """A held write lock; :meth:`still_ours` is checked just before the pack is replaced."""

    def __init__(self, path: Path, data: bytes):
        self.path = path
        self.data = data

    def still_ours(self) -> bool:
        return exclusive.read(self.path, _MAX_LOCK_BYTES) == self.data

    def release(self) -> None:
        exclusive.remove_if(self.path, self.data)


def _is_dead(path: Path, raw: bytes, unchanged_for: float, now: float) -> bool:
    try:
        holder = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        holder = None
    process = ProcessId.from_data(holder)
    if process is None or not isinstance(holder, dict):
        # Empty or damaged: a lock being created has its content within milliseconds.
        try:
            old = now - path.stat().st_mtime > _DAMAGED_STALE
        except OSError:
            old = False
        return old or unchanged_for > exclusive.EMPTY_GRACE
    running = process.is_running()
    if running is not None:
        return not running
    since = holder.get("since")
    if isinstance(since, bool) or not isinstance(since, (int, float)):
        return unchanged_for > exclusive.EMPTY_GRACE
    return now - since > OTHER_HOST_STALE


def acquire(pack_path: str | os.PathLike, wait: float = DEFAULT_WAIT,
            on_wait: Callable[[], None] | None = None) -> PackLock:
    """Take the write lock of a pack, waiting at most ``wait`` seconds for another writer.

    ``on_wait`` is called once, after :data:`NOTE_AFTER` seconds of waiting (a window says in
    its status bar that it waits for another writer).

    Raises PackBusyError when it cannot be had, ComposerError when the folder cannot be
    written at all.
    """
    target = Path(pack_path)
    path = lock_path(target)
    data = json.dumps({**this_process().to_data(), "since": time.time(),
                       "nonce": os.urandom(16).hex()}, ensure_ascii=False).encode("utf-8")
    started = time.monotonic()
    seen: bytes | None = None
    seen_at = started
    pause = 0.005
    while True:
        try:
            if exclusive.create(path, data):
                return PackLock(path, data)
        except OSError as error:
            raise ComposerError(f"无法写入素材库 {target}：{error.strerror or error}",
                                f"Cannot write the library {target}: {error.strerror or error}"
                                ) from error
        raw = exclusive.read(path, _MAX_LOCK_BYTES)
        if raw is None:
            continue  # released meanwhile
        now = time.monotonic()
        if raw != seen:
            seen, seen_at = raw, now
        if _is_dead(path, raw, now - seen_at, time.time()) and exclusive.take_away(path, raw):
            continue
        if on_wait is not None and now - started > NOTE_AFTER:
            on_wait()
            on_wait = None
        if now - started > wait:
            try:
                holder = json.loads(raw.decode("utf-8"))
            except (ValueError, RecursionError):
                holder = None
            raise PackBusyError(target, holder if isinstance(holder, dict) else None,
                                now - started)
        # Back off with jitter, so that several waiting writers do not wake in step.
        time.sleep(pause * (0.5 + random.random()))
        pause = min(pause * 2, 0.2)


@contextmanager
def held(pack_path: str | os.PathLike, wait: float = DEFAULT_WAIT,
         on_wait: Callable[[], None] | None = None) -> Iterator[PackLock]:
    lock = acquire(pack_path, wait, on_wait)
    try:
        yield lock
    finally:
        lock.release()
