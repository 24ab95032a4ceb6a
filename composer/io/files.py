"""Reading files and writing them atomically, with errors the user can act on.

An atomic write means a reader sees the old file or the new one, never half of either.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from ..core.errors import ComposerError


# Temp files are named ``.NAME.XXXXXXXX.tmp`` (tempfile.mkstemp: eight characters of this
# alphabet).  One left behind by a killed writer is removed by the next write of NAME (or the
# next open of a speech) once it is older than this: a write in progress keeps its temp file
# fresh, and nothing else of ours lasts that long.
TEMP_STALE_AFTER = 15 * 60
_TEMP_RANDOM = re.compile(r"[a-z0-9_]{8}")
# Files are read this many bytes at a time (see read_bytes).
READ_PIECE = 1 << 20


class ReadOnlyFileError(ComposerError):
    """The target is marked read-only (no write permission bit): it is not replaced."""

    def __init__(self, path: Path):
        super().__init__(f"{path} 是只读文件，没有覆盖它。请另存为其他文件，或先在文件属性中取消只读。",
                         f"{path} is read-only; it was not overwritten. Save it under another "
                         "name, or clear its read-only attribute first.")
        self.path = path


class ChangedMeanwhileError(ComposerError):
    """The target changed between the caller's read and the replace (see ``expect_sha256``)."""

    def __init__(self, path: Path):
        super().__init__(f"{path} 在写入的同时被其他程序修改了，这次没有覆盖它。",
                         f"{path} was changed by another program during the write; it was not "
                         "overwritten.")
        self.path = path


def resolved(path: str | os.PathLike) -> Path:
    """The file a write to ``path`` must replace: the target of a symbolic link (followed to
    the end), so that saving through a link updates the real file and keeps the link."""
    target = Path(path)
    return Path(os.path.realpath(target)) if os.path.islink(target) else target


def check_writable(path: str | os.PathLike) -> None:
    """Raise ReadOnlyFileError when ``path`` (or what it links to) exists and is read-only.

    Decided on the permission bits, not on ``os.access``: the user's "read-only" mark must
    hold for every account, root included (which may write anything), and on Windows the
    read-only attribute shows as the missing write bits.
    """
    target = resolved(path)
    try:
        mode = target.stat().st_mode
    except OSError:
        return  # no file yet (or unreachable: the write itself says why)
    if stat.S_ISREG(mode) and not mode & 0o222:
        raise ReadOnlyFileError(Path(path))


def write_bytes(path: str | os.PathLike, data: bytes, expect_sha256: object = ...) -> None:
    """Write data to a temp file beside the target, flush, fsync, then replace the target.

    A symbolic link is followed: the file it points to is replaced and the link stays.  A
    read-only target is refused (ReadOnlyFileError).  With ``expect_sha256`` (the hash of the
    bytes the caller read, or None for "no file yet") the target is checked once more just
    before it is replaced, and ChangedMeanwhileError is raised if another writer got there
    first.  On any failure the target is left as it was and the temp file is removed; the
    error is reported as a ComposerError naming the file and the reason.
    """
    shown = Path(path)
    target = resolved(path)
    folder = target.parent if str(target.parent) else Path(".")
    check_writable(shown)
    remove_stale_temps(target)
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # Keep the permissions the user gave an existing file; a new file gets the usual
        # 0666 minus the umask (mkstemp's 0600 would hide an export on a shared folder).
        mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask()
        os.chmod(tmp_name, mode)
        if expect_sha256 is not ... and _sha256_of(target) != expect_sha256:
            raise ChangedMeanwhileError(shown)
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_folder(folder)
    except OSError as error:
        raise ComposerError(f"无法写入 {shown}：{_reason_zh(error)}",
                            f"Cannot write {shown}: {error.strerror or error}") from error
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def sha256_of(path: str | os.PathLike) -> str | None:
    """The SHA-256 of a file's bytes, None when there is no file; a ComposerError naming the
    file when it cannot be read.  Read a piece at a time and never kept whole: what a writer
    checking that a 64 MB pack is unchanged needs, without 64 MB in memory."""
    target = Path(path)
    try:
        if target.exists() and not stat.S_ISREG(target.stat().st_mode):
            raise ComposerError(f"{target} 不是普通文件，没有打开。",   # a FIFO would block
                                f"{target} is not a regular file; not opened.")
        return _sha256_of(target)
    except OSError as error:
        raise ComposerError(f"无法读取 {path}：{_reason_zh(error)}",
                            f"Cannot read {path}: {error.strerror or error}") from error


def _sha256_of(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb", buffering=0) as handle:
            for block in iter(lambda: handle.read(READ_PIECE), b""):
                digest.update(block)   # the interpreter is released for pieces this big
    except FileNotFoundError:
        return None
    return digest.hexdigest()


def is_our_temp(name: str, target_name: str) -> bool:
    """Whether a file name is one of our temp files for ``target_name`` (``.NAME.XXXXXXXX.tmp``)."""
    prefix, suffix = f".{target_name}.", ".tmp"
    return (name.startswith(prefix) and name.endswith(suffix)
            and _TEMP_RANDOM.fullmatch(name[len(prefix):-len(suffix)]) is not None)


def remove_stale_temps(path: str | os.PathLike, older_than: float = TEMP_STALE_AFTER,
                       now: float | None = None) -> list[Path]:
    """Remove the temp files a killed write of ``path`` left beside it; returns those removed.

    Only our own naming for this one file counts, and only files not modified for
    ``older_than`` seconds: another program's files, and a write still in progress (in this
    process, another one, or on another computer sharing the folder), are never touched.
    Never raises: a leftover that cannot be removed is harmless.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    prefix = f".{target.name}."
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        with os.scandir(folder) as entries:
            candidates = [e for e in entries
                          if e.name.startswith(prefix) and is_our_temp(e.name, target.name)]
    except OSError:
        return removed
    for entry in candidates:
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < older_than:
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            pass
    return removed


def read_bytes(path: str | os.PathLike, limit: int | None = None) -> bytes:
    """The bytes of a file, or a ComposerError naming the file and why it cannot be read.

    Only regular files are read (a FIFO would block, /dev/zero never ends).  ``limit`` refuses
    files larger than that many bytes; it is checked on the size and again while reading, since
    some files report a size of 0.
    """
    target = Path(path)
    try:
        info = target.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        if not stat.S_ISREG(info.st_mode):
            raise ComposerError(f"{target} 不是普通文件，没有打开。",
                                f"{target} is not a regular file; not opened.")
        if limit is not None and info.st_size > limit:
            raise _too_large(target, limit)
        # In pieces, joined at the end (the join copies with the interpreter released): one
        # read of a big file holds the interpreter for tens of milliseconds (a 64 MB library
        # pack: 20–40 ms, measured with a thread waiting for it), and a worker reading a pack
        # would freeze the window's thread that long.  Never more than the limit and one byte
        # is read, so nothing near the limit is allocated for a small file, and a file that
        # grows or reports a wrong size (/proc) is still refused.
        pieces: list[bytes] = []
        size = 0
        most = None if limit is None else limit + 1
        with open(target, "rb", buffering=0) as handle:
            while most is None or size < most:
                piece = handle.read(READ_PIECE if most is None else min(READ_PIECE, most - size))
                if not piece:
                    break
                pieces.append(piece)
                size += len(piece)
        if limit is not None and size > limit:
            raise _too_large(target, limit)
        return pieces[0] if len(pieces) == 1 else b"".join(pieces)
    except OSError as error:
        raise ComposerError(f"无法读取 {target}：{_reason_zh(error)}",
                            f"Cannot read {target}: {error.strerror or error}") from error


def _too_large(target: Path, limit: int) -> ComposerError:
    return ComposerError(f"{target} 太大（超过 {limit // (1024 * 1024)} MB），没有打开。",
                         f"{target} is too large (over {limit // (1024 * 1024)} MB); not opened.")


def _umask() -> int:
    return _UMASK


def _read_umask() -> int:
    # Reading the umask means setting it, which would race with a writer thread creating a
    # file; so it is read once, when this module is imported (before any such thread exists).
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def write_text(path: str | os.PathLike, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX only; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_REASONS_ZH = {
    "ENOENT": "找不到这个文件或文件夹",
    "EACCES": "没有写入权限",
    "EPERM": "没有写入权限",
    "ENOSPC": "磁盘空间不足",
    "EROFS": "磁盘是只读的",
    "EISDIR": "这是一个文件夹，不是文件",
    "EBUSY": "文件被占用",
    "EDQUOT": "超出磁盘配额",
}


def _reason_zh(error: OSError) -> str:
    name = errno.errorcode.get(error.errno or 0, "")
    return _REASONS_ZH.get(name, error.strerror or str(error))
