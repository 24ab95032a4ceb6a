"""The archive of past speeches (查重), read from folders and kept indexed in the cache folder.

An archive is one or more folders (searched with their sub-folders) of ``.speech.yaml``,
``.docx``, ``.txt`` and ``.md`` files, and ``.doc`` / ``.wps`` where LibreOffice can convert
them.  A speech file is one archived speech; any other file holds the speeches the importer finds
in it (a .txt of eight drafts gives eight, each with its own title).

**The index.**  Reading a .docx and finding its speeches costs far more than checking against
it, so each file's paragraphs and their hashes (``core.archive.ArchiveFile``) are kept in
``<cache>/archive-index/``, one entry per file, named by a hash of the file's path.  An entry is
used when the file's size and modification time are the ones it recorded; when the file was
modified within ``RACY_NS`` of being read (the same tick of a coarse clock, as on FAT), those
cannot tell a later change apart, so the file's SHA-256 must also agree (git's "racy" rule).
Otherwise the file is read again and its entry rewritten.

An entry ends with a BLAKE2b digest of everything before it: a damaged or truncated entry, or
one from another version of this code (``INDEX_VERSION`` and the measure's parameters are in
its header), is never trusted — the file is read again.  Entries are written to a temp file and
renamed over, so a reader sees a whole entry or none; they are not fsynced (a lost entry is
rebuilt, and a thousand fsyncs would cost more than the build).  Deleting the folder is always
safe.  Entries of files that no longer exist are removed when the index is next updated.

A file that cannot be read is reported (``LoadedArchive.errors``) and skipped; its failure is
kept in the index too, so it is not read again until it changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import sys
import tempfile
import time
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..core import archive as measure
from ..core.archive import ArchiveFile, ArchiveSearch, speech_paragraphs
from ..core.errors import ComposerError
from ..core.near_duplicates import SHINGLE
from . import files, paths
from .readers import (DOCX_SUFFIXES, LEGACY_SUFFIXES, MAX_DOCX_BYTES, MAX_TEXT_BYTES, SUPPORTED,
                      read_source, source_from_bytes)
from .speech_file import SUFFIX as SPEECH_SUFFIX
from .speech_file import parse_speech

INDEX_VERSION = 1
MAGIC = b"speech-composer archive index\n"
RACY_NS = 2_000_000_000        # FAT keeps modification times to 2 s
_DIGEST = 16
_ARRAYS = ("speech_of", "numbers", "hashes", "hash_bounds", "anchors", "anchor_bounds",
           "text_bounds")
# What the stored hashes depend on: an entry made with other values is not used.
PARAMETERS = {"index": INDEX_VERSION, "shingle": SHINGLE, "window": measure.WINDOW,
              "min_shingles": measure.MIN_SHINGLES, "hash": "crc32-utf32le"}


@dataclass
class LoadedArchive:
    files: list[ArchiveFile] = field(default_factory=list)
    errors: list[tuple[str, ComposerError]] = field(default_factory=list)
    read: int = 0            # files read now (new or changed)
    reused: int = 0          # files whose index entry was used

    @property
    def speeches(self) -> int:
        return sum(len(f.titles) for f in self.files)

    def search(self) -> ArchiveSearch:
        return ArchiveSearch(self.files)


def archive_files(folders: Iterable[str | os.PathLike],
                  missing_ok: bool = False) -> list[Path]:
    """The files of the archive folders that can be archived speeches, in a stable order.
    A folder that is not there raises ComposerError unless ``missing_ok``."""
    return [path for path, _real in _sources(folders, missing_ok)]


def _sources(folders: Iterable[str | os.PathLike], missing_ok: bool) -> list[tuple[Path, str]]:
    """(path, real path) of each archived file, once (a file reached through two folders, or
    a link, counts once)."""
    found: dict[str, Path] = {}
    for folder in folders:
        root = Path(folder)
        if not root.is_dir():
            if missing_ok:
                continue
            if root.exists():
                raise ComposerError(f"存档应当是文件夹：{root}",
                                    f"The archive must be a folder: {root}")
            raise ComposerError(f"存档文件夹不存在：{root}", f"The archive folder does not exist: {root}")
        for here, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if _archivable(name):
                    path = os.path.join(here, name)
                    found.setdefault(os.path.realpath(path), Path(path))
    return [(path, real) for real, path in found.items()]


def _archivable(name: str) -> bool:
    # Hidden files and our temp files (.NAME.XXXX.tmp), Word's owner files (~$NAME.docx).
    if name.startswith((".", "~$")):
        return False
    lowered = name.lower()
    return lowered.endswith(SPEECH_SUFFIX) or (
        lowered.endswith(SUPPORTED) and not lowered.endswith(".yaml"))


def load_archive(folders: Iterable[str | os.PathLike], exclude: Iterable[str | os.PathLike] = (),
                 missing_ok: bool = False,
                 progress: Callable[[int, int], None] | None = None) -> LoadedArchive:
    """Every archived file of the folders, from the index where it is up to date.

    ``exclude``: files never to count as archived (the speech being checked, should it be saved
    in an archive folder).  ``progress(done, total)`` is called after each file.
    """
    skipped = {os.path.realpath(p) for p in exclude}
    sources = [(path, real) for path, real in _sources(folders, missing_ok)
               if real not in skipped]
    loaded = LoadedArchive()
    folder = index_folder()
    used: set[str] = set()
    for done, (path, real) in enumerate(sources, start=1):
        entry = _entry_path(folder, real)
        used.add(entry.name)
        result, fresh = _load_one(path, entry)
        if fresh:
            loaded.read += 1
        else:
            loaded.reused += 1
        if isinstance(result, ComposerError):
            loaded.errors.append((str(path), result))
        elif len(result):
            loaded.files.append(result)
        if progress is not None:
            progress(done, len(sources))
    if loaded.read:
        _remove_orphans(folder, used)
    return loaded


def index_folder() -> Path:
    return paths.cache_dir() / "archive-index"


# --- one file ------------------------------------------------------------------------------------

def _entry_path(folder: Path, real: str) -> Path:
    key = hashlib.blake2b(real.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return folder / f"{key}.idx"


def _load_one(path: Path, entry: Path) -> tuple[ArchiveFile | ComposerError, bool]:
    """(what the file holds, or why it cannot be read; whether it was read now)."""
    try:
        info = path.stat()
    except OSError as error:
        return ComposerError(f"无法读取 {path}：{error.strerror or error}",
                             f"Cannot read {path}: {error.strerror or error}"), True
    stored = read_entry(entry)
    if stored is not None:
        header, result = stored
        source = header["source"]
        if source["path"] == str(path) and source["size"] == info.st_size \
                and source["mtime_ns"] == info.st_mtime_ns:
            if info.st_mtime_ns < source["read_at_ns"] - RACY_NS:
                return result, False
            # Modified in the same clock tick as it was read: only the content can tell.
            try:
                same = hashlib.sha256(files.read_bytes(path)).hexdigest() == source["sha256"]
            except ComposerError:
                same = False
            if same:
                if time.time_ns() - RACY_NS > info.st_mtime_ns:
                    # Now past the tick: record that, so the next time stat alone decides.
                    source["read_at_ns"] = time.time_ns()
                    _write_entry(entry, header, result)
                return result, False
    read_at = time.time_ns()
    suffix = path.suffix.lower()
    try:
        # The bytes whose hash is kept.  A .doc is converted from the file itself: should it
        # change between the two reads, its modification time is past read_at, so the next
        # load compares the content with this hash and reads it again.
        raw = files.read_bytes(path, limit=MAX_DOCX_BYTES if suffix in DOCX_SUFFIXES
                               or suffix in LEGACY_SUFFIXES else MAX_TEXT_BYTES)
    except ComposerError as error:
        return error, True      # not kept: a file that cannot be read now may be readable later
    result = _read_archived(path, raw)
    header = {"source": {"path": str(path), "size": info.st_size, "mtime_ns": info.st_mtime_ns,
                         "sha256": hashlib.sha256(raw).hexdigest(), "read_at_ns": read_at}}
    if isinstance(result, ComposerError):
        header["error"] = [result.zh, result.en]
    _write_entry(entry, header, result)
    return result, True


def _read_archived(path: Path, raw: bytes) -> ArchiveFile | ComposerError:
    """The speeches of one file (its bytes already read), or why it holds none."""
    from ..core.importer import analyse

    name = path.name
    try:
        if name.lower().endswith(SPEECH_SUFFIX):
            speech = parse_speech(raw, str(path))
            speeches = [(speech.title or _stem(name), speech_paragraphs(speech))]
        else:
            source = read_source(path) if path.suffix.lower() in LEGACY_SUFFIXES \
                else source_from_bytes(path, raw)
            found = analyse([(name, source.lines)]).found
            speeches = [(item.speech.title or _stem(name), speech_paragraphs(item.speech))
                        for item in found]
    except ComposerError as error:
        return error
    return ArchiveFile.build(str(path), speeches)


def _stem(name: str) -> str:
    lowered = name.lower()
    if lowered.endswith(SPEECH_SUFFIX):
        return name[:-len(SPEECH_SUFFIX)]
    return name.rsplit(".", 1)[0] if "." in name else name


# --- the entry's bytes ------------------------------------------------------------------------------

def _write_entry(entry: Path, header: dict, result: ArchiveFile | ComposerError) -> None:
    header = {**header, "parameters": PARAMETERS, "byteorder": sys.byteorder}
    parts: list[bytes] = []
    if isinstance(result, ArchiveFile):
        header["titles"] = result.titles
        header["lengths"] = {name: len(getattr(result, name)) for name in _ARRAYS}
        header["text_bytes"] = len(result.text_bytes)
        parts = [getattr(result, name).tobytes() for name in _ARRAYS] + [result.text_bytes]
    head = json.dumps(header, ensure_ascii=False).encode("utf-8")
    body = b"".join([MAGIC, struct.pack("<I", len(head)), head, *parts])
    data = body + hashlib.blake2b(body, digest_size=_DIGEST).digest()
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{entry.name}.", suffix=".tmp", dir=entry.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, entry)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except OSError:
        pass       # a cache that cannot be written: the archive is read again next time


def read_entry(entry: Path) -> tuple[dict, ArchiveFile | ComposerError] | None:
    """(header, what it holds) of an intact entry made by this version, else None."""
    try:
        data = entry.read_bytes()
    except OSError:
        return None
    try:
        if len(data) < len(MAGIC) + 4 + _DIGEST or not data.startswith(MAGIC):
            return None
        # A view, not a copy: the entries of 1,000 speeches are some 26 MB.
        body, digest = memoryview(data)[:-_DIGEST], data[-_DIGEST:]
        if hashlib.blake2b(body, digest_size=_DIGEST).digest() != digest:
            return None
        at = len(MAGIC)
        (size,) = struct.unpack_from("<I", body, at)
        at += 4
        header = json.loads(bytes(body[at:at + size]).decode("utf-8"))
        at += size
        if header.get("parameters") != PARAMETERS:
            return None
        source = header["source"]
        if "error" in header:
            zh, en = header["error"]
            return header, ComposerError(str(zh), str(en))
        lengths = header["lengths"]
        arrays = {}
        for name in _ARRAYS:
            values = array("I")
            end = at + lengths[name] * values.itemsize
            values.frombytes(body[at:end])
            if len(values) != lengths[name]:
                return None
            if header["byteorder"] != sys.byteorder:
                values.byteswap()
            arrays[name] = values
            at = end
        text_bytes = bytes(body[at:at + header["text_bytes"]])
        if at + header["text_bytes"] != len(body):
            return None
        result = ArchiveFile(str(source["path"]), [str(t) for t in header["titles"]],
                             text_bytes=text_bytes, **arrays)
        _check_shape(result)
        return header, result
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, struct.error,
            UnicodeDecodeError):
        return None


def _check_shape(result: ArchiveFile) -> None:
    """Bounds that agree with the arrays they index (a digest proves the bytes are ours, not
    that this code wrote them sensibly: cheap to check, and the search relies on it)."""
    count = len(result.numbers)
    for name, values, total in (("hash_bounds", result.hash_bounds, len(result.hashes)),
                                ("anchor_bounds", result.anchor_bounds, len(result.anchors)),
                                ("text_bounds", result.text_bounds, len(result.text_bytes))):
        if len(values) != count + 1 or values[0] != 0 or values[-1] != total:
            raise ValueError(name)
    if len(result.speech_of) != count or (count and max(result.speech_of) >= len(result.titles)):
        raise ValueError("speech_of")


def _remove_orphans(folder: Path, used: set[str]) -> None:
    """Entries whose file is gone (renamed, deleted): removed, once the index is updated."""
    try:
        names = [e.name for e in os.scandir(folder) if e.name.endswith(".idx")]
    except OSError:
        return
    for name in names:
        if name in used:
            continue
        entry = folder / name
        stored = read_entry(entry)
        if stored is not None and os.path.exists(stored[0]["source"]["path"]):
            continue      # another archive folder's file
        try:
            entry.unlink()
        except OSError:
            pass
