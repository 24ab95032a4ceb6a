"""Writing to a library pack that others may be writing too: lock, re-read, merge, write.

Every change to a pack file — 存入素材库, editing or deleting a snippet in the window, undo and
redo of those, ``speech-composer import --library`` — goes through :func:`update_pack`:

1. read the pack as it is on disk now, remember the hash of its bytes, apply the change to it
   (a merge by snippet id: ``core.library_edits``) and make the new file's bytes — the slow
   part for a big pack, done before the lock so that other writers do not wait for it;
2. take the pack's write lock (``pack_lock``: works on network folders, waits a bounded time);
3. read the file again: if its hash is not the one of step 1, another writer came in between,
   and step 1 is done again, under the lock;
4. keep the version being replaced as a backup, if asked;
5. write atomically, checking just before the replace that the file still has that hash and
   that the lock is still ours; if not (a program that does not take the lock wrote
   meanwhile), go back to step 3.

A read of a pack whose bytes are those this process last read or wrote is not parsed again
(:func:`read_pack`).

So no writer replaces the file with a version that lacks what another has just added: measured
before this, two ``import --library`` runs into one pack lost 372 of 802 snippets.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from ..core.errors import ComposerError
from ..core.library import Pack, Snippet
from ..core.library_edits import Applied, LibraryEdit
from . import backups, files, library_file, pack_lock

T = TypeVar("T")
# Rounds of step 2–5 when the file keeps changing under the lock (a writer ignoring it).
ATTEMPTS = 5


@dataclass
class Updated(Generic[T]):
    pack: Pack                  # the pack as written (or as found, when nothing changed)
    result: T                   # what the change returned
    written: bool = False       # False when the change left the file as it was
    backup: Path | None = None
    warnings: list[ComposerError] = field(default_factory=list)
    sha256: str | None = None   # of the file's bytes now (names its cache files)


class ReadOnlyPackError(files.ReadOnlyFileError):
    """A pack file marked read-only.  Said for a library, not a speech: there is no 另存为 for
    a pack, so the speech's advice (「请另存为其他文件」) would send the writer looking for one."""

    def __init__(self, path: Path):
        ComposerError.__init__(
            self, f"素材库文件 {path} 是只读的，这次没有存入，素材库保持原样。"
                  "请在文件属性中取消只读（共享文件夹请找管理员开通写权限）后再试。",
            f"The library file {path} is read-only; nothing was saved and the library is as it "
            "was. Clear its read-only attribute (for a shared folder, ask for write access) and "
            "try again.")
        self.path = path


def _sha256(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


# --- what this process last read or wrote, per pack --------------------------------------------
#
# Parsing a big pack is most of a write's cost (100,000 snippets: 5.7 s), and nearly always the
# file is the very one this process last read or wrote.  So the snippets of that version are
# kept here with the SHA-256 of its bytes; a write whose fresh read of the file has that hash
# starts from them instead of parsing.  The hash is of the bytes just read, so a file changed
# by anyone — whatever its size, time stamp or the clock of a network share — is parsed again.
# Snippets are never changed in place (an edit replaces a snippet by a new one), so sharing
# them with the window's packs is safe.

@dataclass(frozen=True)
class Known:
    sha256: str
    name: str
    snippets: tuple[Snippet, ...]


_known: dict[str, Known] = {}
_known_guard = threading.Lock()


def _key(path: str | os.PathLike) -> str:
    return os.path.normcase(str(files.resolved(path)))


def remember(path: str | os.PathLike, sha256: str, pack: Pack) -> None:
    """The file at ``path`` has the bytes of hash ``sha256``, and they hold ``pack``."""
    with _known_guard:
        _known[_key(path)] = Known(sha256, pack.name, tuple(pack.snippets))


def known(path: str | os.PathLike, sha256: str | None) -> Known | None:
    """What was remembered of ``path``, if its bytes still have the hash ``sha256``."""
    if sha256 is None:
        return None
    with _known_guard:
        found = _known.get(_key(path))
    return found if found is not None and found.sha256 == sha256 else None


def read_pack(path: str | os.PathLike, *, read_only: bool = False, new_name: str = "",
              keep_bytes: bool = True) -> tuple[Pack | None, bytes | None, str | None]:
    """(the pack as it is on disk, its bytes, their hash); (None, None, None) when there is no
    file.  Parsed only when the bytes are not those this process last read or wrote.  Without
    ``keep_bytes`` the bytes are None when they are those: the file is then only hashed, a
    piece at a time (a 64 MB pack read whole costs a copy, and its memory)."""
    target = files.resolved(path)
    if not keep_bytes:
        digest = files.sha256_of(target)
        if digest is None:
            return None, None, None
        found = known(target, digest)
        if found is not None:
            return Pack(found.name, list(found.snippets), str(path), read_only), None, digest
    raw = _read(target)
    if raw is None:
        return None, None, None
    digest = _sha256(raw)
    found = known(target, digest)
    if found is not None:
        pack = Pack(found.name, list(found.snippets), str(path), read_only)
    else:
        pack = library_file.pack_from_bytes(raw, str(target), read_only)[0]
        pack.path = str(path)
        remember(target, digest or "", pack)
    return pack, raw, digest


@dataclass
class _Prepared(Generic[T]):
    raw: bytes | None      # the file as it was read
    sha256: str | None     # its hash (None: no file)
    pack: Pack
    result: T
    data: bytes            # the file to write


def _prepare(target: Path, path: str | os.PathLike, change: Callable[[Pack], T],
             new_name: str, read_only: bool) -> _Prepared[T]:
    pack, raw, digest = read_pack(target, read_only=read_only)
    if pack is None:
        pack = Pack(new_name or _stem(target), [], str(path), read_only)
    pack.path = str(path)
    result = change(pack)
    data, _ = library_file.pack_bytes(pack)
    return _Prepared(raw, digest, pack, result, data)


def update_pack(path: str | os.PathLike, change: Callable[[Pack], T], *, new_name: str = "",
                read_only: bool = False, keep_backups: int = 0,
                wait: float = pack_lock.DEFAULT_WAIT,
                on_wait: Callable[[], None] | None = None) -> Updated[T]:
    """Apply ``change`` to the pack at ``path`` as it is on disk, under its write lock.

    ``change`` gets a freshly read Pack (an empty one named ``new_name`` when the file does not
    exist yet), changes it in place and returns anything.  It may be called more than once
    (each time on a fresh read), so it must not have other effects.  Raises ComposerError when
    the pack cannot be read (a damaged pack is never replaced), locked or written; the file is
    then as it was.  ``on_wait`` is called once if another writer's lock has to be waited for.

    The new bytes are prepared *before* the lock is taken (reading, merging and writing the
    YAML of a big pack take seconds), and under the lock the file is read again and its hash
    compared with the one the change was applied to: the same, and the prepared bytes are
    written at once; different (another writer came in between), and the change is applied
    again, under the lock, to what is there now.  So the lock is held for about one read and
    one write of the file, and a second writer waiting on a big write waits that long.
    """
    target = files.resolved(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ComposerError(f"无法创建文件夹 {target.parent}：{error.strerror or error}",
                            f"Cannot create the folder {target.parent}: {error.strerror or error}"
                            ) from error
    try:
        files.check_writable(path)
    except files.ReadOnlyFileError:
        raise ReadOnlyPackError(Path(path)) from None
    prepared = _prepare(target, path, change, new_name, read_only)
    for _attempt in range(ATTEMPTS):
        with pack_lock.held(target, wait, on_wait) as lock:
            if files.sha256_of(target) != prepared.sha256:   # hashed, not read whole
                prepared = _prepare(target, path, change, new_name, read_only)
            if prepared.data == prepared.raw:
                return Updated(prepared.pack, prepared.result, sha256=prepared.sha256)
            update: Updated[T] = Updated(prepared.pack, prepared.result, written=True)
            if prepared.raw is not None and keep_backups > 0:
                try:
                    update.backup = backups.make_backup(path, keep_backups, data=prepared.raw)
                except ComposerError as error:
                    update.warnings.append(error)
            if not lock.still_ours():
                continue   # judged dead by another writer: take it again and start over
            try:
                files.write_bytes(target, prepared.data, expect_sha256=prepared.sha256)
            except files.ChangedMeanwhileError:
                prepared = _prepare(target, path, change, new_name, read_only)
                continue
            update.sha256 = _sha256(prepared.data)
            remember(target, update.sha256 or "", prepared.pack)
            return update
    raise ComposerError(f"素材库 {Path(path).name} 在写入时不断被其他程序修改，这次没有写入。",
                        f"The library {Path(path).name} kept being changed by another program "
                        "while it was written; nothing was written.")


def write_edit(edit: LibraryEdit, *, new_name: str = "", keep_backups: int = 0,
               wait: float = pack_lock.DEFAULT_WAIT,
               on_wait: Callable[[], None] | None = None) -> Updated[Applied]:
    """Apply a library edit to its pack on disk (merge under the lock, atomic write)."""
    return update_pack(edit.pack_path, edit.apply, new_name=new_name,
                       keep_backups=keep_backups, wait=wait, on_wait=on_wait)


def _read(target: Path) -> bytes | None:
    if not target.exists():
        return None
    return files.read_bytes(target, limit=library_file.MAX_BYTES)


def _stem(target: Path) -> str:
    name = target.name
    return name[:-len(library_file.SUFFIX)] if name.endswith(library_file.SUFFIX) else name
