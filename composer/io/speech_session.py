"""One open speech and what keeps it safe: its lock, the hash of its file, backups, recovery.

The application keeps one :class:`SpeechSession` per open speech (Qt-free; the window calls it)::

    session = SpeechSession(keep_backups=5)  # the user's setting
    speech = session.open(path)              # SpeechLockedError → ask → open(path, force=True)
    session.write_recovery(speech)           # autosave timer, while there are unsaved edits
    result = session.save(speech)            # ExternalChangeError → ask → save(..., force=True)
    result = session.save(speech, other)     # save as: the lock moves to the new file
    session.close()                          # window closed, or edits discarded

and at start-up, for each of ``recovery.list_recoveries()`` the user accepts::

    speech = session.restore(found)          # continues where the crashed session stopped

What a save guarantees: the file on disk is not overwritten if it changed since this session
read or wrote it (another program, a colleague on a shared folder) unless the user says so; the
version it replaces is kept as a backup, so even a forced overwrite loses nothing; the write is
atomic; the recovery file goes only once the save has succeeded.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import ComposerError
from ..core.speech import Speech
from . import backups, files, locks, recovery, speech_file, yamlfile
from .speech_file import speech_bytes


class ExternalChangeError(ComposerError):
    """The file changed on disk since this session opened or saved it; nothing was written."""

    def __init__(self, path: Path):
        super().__init__(
            f"{path.name} 在打开之后被其他程序或其他人修改过。直接保存会覆盖那些修改"
            "（被覆盖的版本会留作备份）。",
            f"{path.name} was changed by another program or person after it was opened. "
            "Saving now would overwrite those changes (the overwritten version is kept as a "
            "backup).")
        self.path = path


@dataclass
class SaveResult:
    path: Path
    backup: Path | None = None      # the previous version, kept
    # Things the user should hear about although the save succeeded (a backup that could not
    # be written, characters that had to be replaced).
    warnings: list[ComposerError] = field(default_factory=list)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _absolute(path: str | os.PathLike) -> Path:
    return Path(os.path.abspath(path))


class SpeechSession:
    def __init__(self, keep_backups: int = backups.DEFAULT_KEEP, session: str | None = None):
        self.session = session or recovery.new_session_id()
        self.keep_backups = keep_backups
        self.path: Path | None = None
        # Hash of the file's bytes when this session last read or wrote them.
        self.sha256: str | None = None
        self.locked = False        # whether a lock file could be written beside the speech

    # --- opening -------------------------------------------------------------------------------

    def open(self, path: str | os.PathLike, force: bool = False) -> Speech:
        """Read a speech and lock it for this session.

        Raises FileFormatError/ComposerError for a file that cannot be read, SpeechLockedError
        when another live session has it open (``force`` opens it anyway).  Nothing about the
        session changes when it raises.
        """
        target = _absolute(path)
        raw = files.read_bytes(target, limit=yamlfile.MAX_BYTES)
        speech = speech_file.parse_speech(raw, str(target))
        files.remove_stale_temps(target)   # left by a write that was killed (never raises)
        locked = locks.acquire(target, self.session, force)
        self._leave(keep_lock_on=target)
        self.path, self.sha256, self.locked = target, sha256(raw), locked
        return speech

    def restore(self, found: recovery.Recovery, force: bool = False) -> Speech:
        """Continue a crashed session: its speech, its file, its lock and its recovery file.

        The speech returned has unsaved edits (the application shows it as modified).  The
        recovery file is rewritten at once under this process, so another copy of the program
        starting now does not offer it too; it is removed by the next save or close as usual.
        The original file's hash is the one the crashed session knew, so a save still notices
        when that file changed in the meantime.
        """
        speech = found.load()
        original = _absolute(found.original) if found.original else None
        locked = locks.acquire(original, found.session, force) if original else False
        self._leave(keep_lock_on=original)
        self.session = found.session
        self.path, self.sha256, self.locked = original, found.base_sha256, locked
        self.write_recovery(speech)
        return speech

    # --- saving --------------------------------------------------------------------------------

    def save(self, speech: Speech, path: str | os.PathLike | None = None,
             force: bool = False) -> SaveResult:
        """Save to the session's file, or to ``path`` (save as).

        Raises ExternalChangeError when the file changed on disk since this session read or
        wrote it, and SpeechLockedError when saving as onto a speech another live session has
        open — unless ``force``.  The previous version is kept as a backup; a backup that
        fails is reported in the result's warnings but does not stop the save.
        """
        if path is None and self.path is None:
            raise ComposerError("这篇讲稿还没有文件名，请用“另存为”。",
                                "This speech has no file name yet; use Save As.")
        target = _absolute(path) if path is not None else self.path
        assert target is not None  # one of the two is set (checked above)
        same = target == self.path
        files.check_writable(target)   # read-only: refused before anything, backups included
        result = SaveResult(target)
        data, replaced = speech_bytes(speech)
        if replaced:
            result.warnings.append(ComposerError(
                "讲稿里有无法保存的无效字符，已替换为“�”。",
                "The speech held invalid characters; they were saved as '�'."))
        current = self._read_current(target, same)
        if not force:
            if same and current is not None and (self.sha256 is None
                                                 or sha256(current) != self.sha256):
                raise ExternalChangeError(target)
            if not same:
                other = locks.holder(target, self.session)
                if other is not None:
                    raise locks.SpeechLockedError(target, other)
        if current is not None:
            try:
                result.backup = backups.make_backup(target, self.keep_backups, data=current)
            except ComposerError as error:
                result.warnings.append(error)
        files.write_bytes(target, data)
        self._take_lock(target)
        if not same and self.path is not None:
            locks.release(self.path, self.session)
        self.path, self.sha256 = target, sha256(data)
        try:
            recovery.discard_recovery(self.session)
        except ComposerError as error:
            result.warnings.append(error)
        return result

    def _read_current(self, target: Path, same: bool) -> bytes | None:
        """The bytes now at the target (None when there is no file there)."""
        if not target.exists():
            return None
        try:
            return files.read_bytes(target, limit=yamlfile.MAX_BYTES)
        except ComposerError:
            if same:
                raise  # cannot tell whether it changed: do not overwrite it blindly
            return None  # save as onto something unreadable: the user confirmed replacing it

    def _take_lock(self, target: Path) -> None:
        """Refresh our lock after a save; never take it from a live session the user let in."""
        try:
            self.locked = locks.acquire(target, self.session)
        except locks.SpeechLockedError:
            self.locked = False

    def changed_on_disk(self) -> bool:
        """Whether the file differs from what this session last read or wrote (or is gone)."""
        if self.path is None:
            return False
        try:
            current = files.read_bytes(self.path, limit=yamlfile.MAX_BYTES)
        except ComposerError:
            return True
        return sha256(current) != self.sha256

    # --- autosave and closing ------------------------------------------------------------------

    def write_recovery(self, speech: Speech) -> Path:
        """Write the unsaved state to this session's recovery file (atomic, a few ms)."""
        return recovery.write_recovery(speech, self.path, self.session, self.sha256)

    def close(self) -> None:
        """The speech is closed (saved, or its edits discarded): drop the lock and recovery."""
        self._leave(keep_lock_on=None)
        self.path, self.sha256, self.locked = None, None, False

    def _leave(self, keep_lock_on: Path | None) -> None:
        if self.path is not None and self.path != keep_lock_on:
            locks.release(self.path, self.session)
        try:
            recovery.discard_recovery(self.session)
        except ComposerError:
            pass  # a leftover recovery file is offered at the next start; the user can decline
