"""Reading files and writing them atomically, with errors the user can act on.

An atomic write means a reader sees the old file or the new one, never half of either.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from ..core.errors import ComposerError


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write data to a temp file beside the target, flush, fsync, then replace the target.

    On any failure the target is left as it was and the temp file is removed; the error is
    reported as a ComposerError naming the file and the reason.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
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
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_folder(folder)
    except OSError as error:
        raise ComposerError(f"无法写入 {target}：{_reason_zh(error)}",
                            f"Cannot write {target}: {error.strerror or error}") from error
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


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
        with open(target, "rb") as handle:
            if limit is None:
                return handle.read()
            # Read what the size promises, then at most up to the limit: never allocate the
            # whole limit up front, and never read past it (a file may grow, /proc lies).
            data = handle.read(min(info.st_size, limit) + 1)
            while len(data) <= limit:
                more = handle.read(min(1 << 20, limit + 1 - len(data)))
                if not more:
                    break
                data += more
        if len(data) > limit:
            raise _too_large(target, limit)
        return data
    except OSError as error:
        raise ComposerError(f"无法读取 {target}：{_reason_zh(error)}",
                            f"Cannot read {target}: {error.strerror or error}") from error


def _too_large(target: Path, limit: int) -> ComposerError:
    return ComposerError(f"{target} 太大（超过 {limit // (1024 * 1024)} MB），没有打开。",
                         f"{target} is too large (over {limit // (1024 * 1024)} MB); not opened.")


def _umask() -> int:
    # Reading the umask means setting it; done once, before any writer thread exists.
    global _UMASK
    if _UMASK is None:
        _UMASK = os.umask(0o022)
        os.umask(_UMASK)
    return _UMASK


_UMASK: int | None = None


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
