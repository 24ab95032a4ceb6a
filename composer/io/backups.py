"""Backups: before a file is overwritten, its previous version is kept in the user's data folder.

Each document gets a folder of its own, named after it, with its last few versions named by the
time they were replaced, so that a writer can find them with the file manager::

    <data>/backups/讲话稿 (3fa2b1c9)/讲话稿 2024-03-15 10.30.05.speech.yaml
                                   讲话稿 2024-03-15 10.42.17.speech.yaml
                                   source.txt          ← the full path of the document

The eight hex digits come from the document's full path, so two speeches with the same name in
different folders never share (or prune) each other's backups.  A backup identical to the
newest one is not made again, so saving an unchanged file never pushes real history out.  The
backups are ordinary files of the same kind: the program opens them like any other.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from pathlib import Path

from ..core.errors import ComposerError
from . import files, paths

DEFAULT_KEEP = 5
_KNOWN_SUFFIXES = (".speech.yaml", ".library.yaml")
_STAMP = "%Y-%m-%d %H.%M.%S"
_NAME = re.compile(r" (\d{4}-\d\d-\d\d \d\d\.\d\d\.\d\d)(?:-(\d+))?$")


def backups_root() -> Path:
    return paths.data_dir() / "backups"


def split_name(name: str) -> tuple[str, str]:
    """("讲话稿", ".speech.yaml") for "讲话稿.speech.yaml"."""
    for suffix in _KNOWN_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[:-len(suffix)], suffix
    stem, dot, extension = name.rpartition(".")
    return (stem, dot + extension) if stem else (name, "")


def folder_for(path: str | os.PathLike) -> Path:
    """The folder holding the backups of one document."""
    full = os.path.normcase(os.path.abspath(path))
    tag = hashlib.sha256(full.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return backups_root() / f"{split_name(Path(path).name)[0]} ({tag})"


def list_backups(path: str | os.PathLike) -> list[Path]:
    """The backups of a document, newest first."""
    stem, suffix = split_name(Path(path).name)
    try:
        entries = list(folder_for(path).iterdir())
    except OSError:
        return []
    dated = []
    for entry in entries:
        if not entry.name.endswith(suffix) or not entry.name.startswith(stem):
            continue
        match = _NAME.fullmatch(entry.name[len(stem):len(entry.name) - len(suffix)])
        if match:
            dated.append(((match.group(1), int(match.group(2) or 1)), entry))
    return [entry for _, entry in sorted(dated, reverse=True)]


def make_backup(path: str | os.PathLike, keep: int = DEFAULT_KEEP,
                data: bytes | None = None) -> Path | None:
    """Keep the current content of ``path`` (or ``data``, the bytes just read from it) as a
    backup, and prune that document's backups to the newest ``keep``.

    Returns the new backup, or None when there was nothing to keep (no file yet, ``keep`` is
    0, or the newest backup already holds the same bytes).  Raises ComposerError when the
    backup cannot be written.
    """
    if keep <= 0:
        return None
    if data is None:
        if not os.path.exists(path):
            return None
        data = files.read_bytes(path)
    folder = folder_for(path)
    existing = list_backups(path)
    if existing and _same_content(existing[0], data):
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ComposerError(f"无法创建备份文件夹 {folder}：{error.strerror or error}",
                            f"Cannot create the backup folder {folder}: {error.strerror or error}"
                            ) from error
    _write_source_note(folder, path)
    target = _new_name(folder, Path(path).name, existing)
    files.write_bytes(target, data)
    for old in list_backups(path)[keep:]:
        try:
            old.unlink()
        except OSError:
            pass  # one backup too many is harmless; it goes at the next save
    return target


def _same_content(backup: Path, data: bytes) -> bool:
    try:
        return backup.stat().st_size == len(data) and backup.read_bytes() == data
    except OSError:
        return False


def _write_source_note(folder: Path, path: str | os.PathLike) -> None:
    note = folder / "source.txt"
    text = os.path.abspath(path) + "\n"
    try:
        if not note.exists() or note.read_text(encoding="utf-8", errors="replace") != text:
            files.write_text(note, text)
    except (OSError, ComposerError):
        pass  # only a convenience for people browsing the folder


def _new_name(folder: Path, name: str, existing: list[Path]) -> Path:
    """A name after every existing backup: several saves within one second count on from the
    highest number used in that second (a pruned lower number must not be reused)."""
    stem, suffix = split_name(name)
    stamp = time.strftime(_STAMP)
    numbers = [0]
    for path in existing:
        match = _NAME.fullmatch(path.name[len(stem):len(path.name) - len(suffix)])
        if match and match.group(1) == stamp:
            numbers.append(int(match.group(2) or 1))
    number = max(numbers) + 1
    counted = "" if number == 1 else f"-{number}"
    return folder / f"{stem} {stamp}{counted}{suffix}"
