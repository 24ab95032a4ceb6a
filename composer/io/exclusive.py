"""Creating a file only if it does not exist yet, atomically, and taking away a dead one.

The speech lock (``locks``) and the library write lock (``pack_lock``) are small files whose
*existence* is the lock.  Making them must be one atomic step, or two programs that look at the
same instant both find no lock and both write one (check-then-write: measured, 33 of 40 such
pairs got no warning).  Operating-system locks (``fcntl``, ``LockFileEx``) are not used: on the
network folders offices share files on they are often not passed to the server, or not
reliably, and they say nothing about *who* holds the file.

Two ways to create a file atomically, both honoured by local disks, NFS and SMB servers:

* write the content to a temp file, then hard-link it to the lock's name: the link fails when
  the name exists, and a lock that exists always has its whole content;
* where hard links are not supported (FAT, some SMB servers): ``open`` with
  ``O_CREAT | O_EXCL``, then write.  A reader can then see the file for an instant before its
  content (never half of it: a write of a few hundred bytes is one request, locally and to a
  server).  Readers (:func:`read_settled`) treat a fresh *empty* lock as "being written" for a
  moment (``EMPTY_GRACE``) before they judge it.
"""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

# How long a fresh, empty lock file is taken to be still in the making.
EMPTY_GRACE = 2.0

# Errors that mean "this file system cannot make hard links here", not "the name exists".
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK,
             errno.ENOSYS, errno.EACCES, errno.EINVAL}


def create(path: str | os.PathLike, data: bytes) -> bool:
    """Create ``path`` holding ``data`` if no file of that name exists.

    True when this call created it; False when it existed already.  Raises OSError when the
    folder cannot be written at all.
    """
    target = Path(path)
    temp = target.with_name(f"{target.name}.{os.urandom(6).hex()}.new")
    try:
        with open(temp, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        _remove(temp)
        return _create_exclusive(target, data)
    try:
        os.link(temp, target)
        return True
    except FileExistsError:
        return False
    except OSError as error:
        if error.errno not in _NO_LINKS:
            raise
        return _create_exclusive(target, data)
    finally:
        _remove(temp)


def _create_exclusive(target: Path, data: bytes) -> bool:
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    try:
        os.write(fd, data)
        os.fsync(fd)
    except OSError:
        os.close(fd)
        _remove(target)  # ours, and useless half-written: better no lock than a broken one
        raise
    os.close(fd)
    return True


def read(path: str | os.PathLike, limit: int = 64 * 1024) -> bytes | None:
    """The bytes of a lock file, or None when there is none (or it cannot be read)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(limit)
    except OSError:
        return None


def read_settled(path: str | os.PathLike, limit: int = 64 * 1024) -> bytes | None:
    """Like :func:`read`, but an empty lock made in the last moments is read again until it
    has its content (or ``EMPTY_GRACE`` has passed): it is being written, not damaged."""
    deadline = time.monotonic() + EMPTY_GRACE
    while True:
        raw = read(path, limit)
        if raw != b"" or time.monotonic() > deadline:
            return raw
        try:
            age = time.time() - os.stat(path).st_mtime
        except OSError:
            return read(path, limit)
        if abs(age) > EMPTY_GRACE:
            return raw   # left empty long ago (a crash between creating and writing it)
        time.sleep(0.02)


def take_away(path: str | os.PathLike, seen: bytes) -> bool:
    """Remove a lock judged dead, if it still holds exactly ``seen``.

    Several programs may judge the same lock dead at once.  Deleting by name would let a slow
    one delete the *new* lock another has just made; so the lock is first renamed aside (only
    one rename of a name can succeed), and what was moved is compared with what was judged.  A
    live lock moved by mistake is linked back at once.  Returns True when the caller should try
    to create the lock again (it is gone), False when it cannot be removed (a read-only folder).
    """
    target = Path(path)
    aside = target.with_name(f"{target.name}.{os.urandom(6).hex()}.dead")
    try:
        os.rename(target, aside)
    except FileNotFoundError:
        return True   # someone else took it away first
    except OSError:
        return False
    moved = read(aside)
    if moved != seen:
        # A lock made after the dead one went: give it back (link fails if yet another one
        # exists meanwhile; that one's owner then finds its lock gone and takes it again).
        try:
            os.link(aside, target)
        except OSError:
            if not target.exists():
                try:
                    os.rename(aside, target)
                except OSError:
                    pass
    _remove(aside)
    return True


def remove_if(path: str | os.PathLike, expected: bytes) -> None:
    """Remove our own lock: only if it still holds what we wrote (never another's)."""
    if read(path) == expected:
        _remove(Path(path))


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
