"""Recovery files: unsaved edits written to the data folder, so that a crash loses at most seconds.

While a speech has unsaved edits the application calls :func:`write_recovery` (a few seconds
after typing pauses, and regularly during long typing).  Each editing session has one recovery
file, replaced atomically on every write::

    <data>/recovery/<session id>.speech.yaml

It is an ordinary speech file — the program (or a writer by hand) can open it like any other —
whose first line is a YAML comment carrying what the restore prompt shows: the original file,
when it was written, by which process on which computer, the title and the number of
characters.  Keeping it in one file makes each write a single atomic replace: the summary can
never describe other content than the file holds.

A normal save or close removes the file (:func:`discard_recovery`).  At the next start
:func:`list_recoveries` returns the files whose process no longer runs — left behind by a crash —
and skips the ones another running copy of the program is still writing.
"""

from __future__ import annotations

import json
import math
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import ComposerError
from ..core.speech import Speech
from ..core.stats import character_total
from . import files, paths, speech_file
from .processes import ProcessId, this_process
from .speech_file import speech_bytes

HEADER = "# speech-composer recovery "
_SESSION = re.compile(r"[A-Za-z0-9_-]{1,64}")
# The header is one short line; reading at most this much of a file is enough to list it.
_HEADER_BYTES = 16 * 1024


@dataclass(frozen=True)
class Recovery:
    """A recovery file found on disk, with the summary from its header."""
    path: Path
    session: str
    original: str | None      # the speech file it belongs to; None for a never-saved speech
    base_sha256: str | None   # hash of that file when the session opened or last saved it
    written: float            # seconds since the epoch
    process: ProcessId | None
    title: str
    characters: int

    def load(self) -> Speech:
        """The speech it holds (FileFormatError if the file was damaged)."""
        return speech_file.load_speech(self.path)


def new_session_id() -> str:
    """A fresh id for an editing session: sortable by start time, unique across processes."""
    return f"{time.strftime('%Y%m%d-%H%M%S')}-{os.urandom(6).hex()}"


def recovery_dir() -> Path:
    return paths.data_dir() / "recovery"


def recovery_path(session: str) -> Path:
    if not isinstance(session, str) or not _SESSION.fullmatch(session):
        # The id becomes a file name: never let it point outside the recovery folder.
        raise ValueError(f"not a valid session id: {session!r}")
    return recovery_dir() / f"{session}{speech_file.SUFFIX}"


def snapshot(speech: Speech, original: str | os.PathLike | None, session: str,
             base_sha256: str | None = None) -> bytes:
    """The bytes of a recovery file for this speech: the part that must run while the speech
    cannot change (on the UI thread).  :func:`store` writes them and may run elsewhere."""
    header = {
        "session": session,
        "original": os.path.abspath(original) if original else None,
        "base_sha256": base_sha256,
        "written": time.time(),
        "title": speech.title,
        "characters": _characters(speech),
        **this_process().to_data(),
    }
    # ASCII only: the header must stay one line of a YAML comment, and YAML treats some
    # Unicode characters (U+2028, U+0085) as line breaks.
    line = HEADER + json.dumps(header, ensure_ascii=True) + "\n"
    # A recovery file must be written whatever the text holds: invalid code units become U+FFFD.
    body, _ = speech_bytes(speech)
    return line.encode("ascii") + body


def store(session: str, data: bytes) -> Path:
    """Write a snapshot atomically; ComposerError when it cannot be written."""
    target = recovery_path(session)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ComposerError(f"无法创建恢复文件夹 {target.parent}：{error.strerror or error}",
                            f"Cannot create the recovery folder {target.parent}: "
                            f"{error.strerror or error}") from error
    files.write_bytes(target, data)
    return target


def write_recovery(speech: Speech, original: str | os.PathLike | None, session: str,
                   base_sha256: str | None = None) -> Path:
    """Write the unsaved state of a speech to its session's recovery file (atomic)."""
    return store(session, snapshot(speech, original, session, base_sha256))


def discard_recovery(session: str | Recovery) -> None:
    """Remove a session's recovery file (after a save, a close, or when the user declines it)."""
    target = session.path if isinstance(session, Recovery) else recovery_path(session)
    try:
        os.unlink(target)
    except FileNotFoundError:
        pass
    except OSError as error:
        raise ComposerError(f"无法删除恢复文件 {target}：{error.strerror or error}",
                            f"Cannot remove the recovery file {target}: {error.strerror or error}"
                            ) from error


def list_recoveries() -> list[Recovery]:
    """Recovery files left by sessions that no longer run, newest first.

    Files of sessions still running on this computer (another window of the program, or this
    process itself) are skipped.  A file with a damaged header is still listed — its edits may
    be intact — with what can be read from the file itself.
    """
    try:
        entries = sorted(recovery_dir().iterdir())
    except OSError:
        return []
    found = []
    for entry in entries:
        name = entry.name
        if not name.endswith(speech_file.SUFFIX) or name.startswith("."):
            continue  # temp files of a write in progress start with a dot
        session = name[:-len(speech_file.SUFFIX)]
        if not _SESSION.fullmatch(session):
            continue
        recovery = read_recovery(entry, session)
        if recovery is None:
            continue
        if recovery.process is not None and recovery.process.is_running():
            continue
        found.append(recovery)
    return sorted(found, key=lambda r: r.written, reverse=True)


def read_recovery(path: Path, session: str) -> Recovery | None:
    """The summary of a recovery file from its header; None if the file vanished meanwhile."""
    try:
        with open(path, "rb") as handle:
            first = handle.readline(_HEADER_BYTES)
        written = path.stat().st_mtime
    except OSError:
        return None
    header = _parse_header(first)
    process = ProcessId.from_data(header)
    title, characters = header.get("title"), header.get("characters")
    when = header.get("written")
    original, base = header.get("original"), header.get("base_sha256")
    return Recovery(
        path=path, session=session,
        original=original if isinstance(original, str) else None,
        base_sha256=base if isinstance(base, str) else None,
        written=_seconds(when, written),
        process=process,
        title=title if isinstance(title, str) else "",
        characters=characters if isinstance(characters, int) and _is_count(characters) else -1)


def _parse_header(line: bytes) -> dict:
    try:
        text = line.decode("utf-8")
        if not text.startswith(HEADER):
            return {}
        data = json.loads(text[len(HEADER):])
    except (ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def _seconds(value, default: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return default
    try:
        seconds = float(value)
    except OverflowError:
        return default
    return seconds if math.isfinite(seconds) else default


def _is_count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _characters(speech: Speech) -> int:
    """The 字数 the status bar shows (one counting rule: ``core.stats``; each text is counted
    once and remembered, so this costs little after the status bar has counted)."""
    return character_total(speech)
