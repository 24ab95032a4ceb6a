"""What is kept of a library pack in the user's cache folder, so that it opens fast next time.

Two files per pack, named by the SHA-256 of the pack's YAML bytes (any change to the file
changes the name, so nothing stale is ever read; a damaged file is ignored and rebuilt):

``<digest>.jsonl``
    the validated snippets: one header line, then one JSON array per chunk of snippets.
    Loading chunk by chunk keeps each call into the JSON decoder short, so a loader thread
    never holds the interpreter for long while the window is drawing.
``<digest>.units``
    the character index of a big pack (``core.snippet_index``): a JSON header line, then the
    arrays as raw bytes, checked with a CRC-32.

Neither file is ever needed: both are rebuilt from the YAML when missing or unreadable.
"""

from __future__ import annotations

import json
import os
import sys
import zlib
from array import array
from collections.abc import Callable
from pathlib import Path

from ..core.library import Pack, Snippet
from ..core.snippet_index import GramTable, PackIndex
from ..core.speech import Section
from . import files, paths

SNIPPETS_VERSION = 4     # 4: sections keep their skip
UNITS_VERSION = 1
# Snippets per line of the .jsonl file (about 15 KB): each line is one call into the JSON
# encoder or decoder, which holds the interpreter throughout, and the cache is written and
# read on workers while the window draws: every call from Qt into Python waits for the line
# under way (2,000 a line held it 15–30 ms; 200, 1.5 ms, still made a repaint of the list
# during the write take 0.2 s).
CHUNK = 50

Cancelled = Callable[[], bool]


def folder() -> Path:
    return paths.cache_dir() / "library-index"


def snippets_path(digest: str) -> Path:
    return folder() / f"{digest}.jsonl"


def units_path(digest: str) -> Path:
    return folder() / f"{digest}.units"


# --- snippets ---------------------------------------------------------------------------------------

def load_snippets(digest: str, name: str, read_only: bool) -> Pack | None:
    """The pack as cached, or None when there is no usable cache file."""
    try:
        with open(snippets_path(digest), "rb") as handle:
            header = json.loads(handle.readline())
            if not isinstance(header, dict) or header.get("index") != SNIPPETS_VERSION:
                return None
            snippets: list[Snippet] = []
            for line in handle:
                snippets += [Snippet(s[0], s[1], s[2], s[3], [_section(c) for c in s[4]], s[5],
                                     s[6], s[7], s[8], s[9]) for s in json.loads(line)]
        if len(snippets) != header["count"]:
            return None  # cut short: written by a process that was killed, or damaged
        return Pack(header["name"], snippets, name, read_only)
    except (OSError, ValueError, KeyError, TypeError, IndexError, RecursionError):
        return None  # no cache yet, or a damaged one: the caller reads the YAML instead


def save_snippets(digest: str, pack: Pack) -> None:
    """Write the cache file (atomically); failing to is not an error, only slower next time."""
    # Chunk by chunk, each line encoded on its own: the rows of all snippets at once would be a
    # few hundred thousand new objects (a full collection of the garbage collector, a pause of
    # the window's thread too), and one encode of a 60 MB text holds the interpreter for 70 ms.
    snippets = pack.snippets
    header = {"index": SNIPPETS_VERSION, "name": pack.name, "count": len(snippets)}
    parts = [json.dumps(header, ensure_ascii=False).encode("utf-8")]
    for start in range(0, len(snippets), CHUNK):
        rows = [[s.id, s.level, s.heading, s.paragraphs, [_plain(c) for c in s.children],
                 s.kind, s.tags, s.source_file, s.source_title, s.run_in]
                for s in snippets[start:start + CHUNK]]
        parts.append(json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    parts.append(b"")   # the last line ends too
    _write(snippets_path(digest), b"\n".join(parts))


def _plain(section: Section) -> list:
    return [section.heading, section.paragraphs, section.run_in,
            [_plain(c) for c in section.children], section.skip]


def _section(data: list) -> Section:
    return Section(data[0], list(data[1]), [_section(c) for c in data[3]], bool(data[2]),
                   skip=int(data[4]))


# --- the character index ------------------------------------------------------------------------------

def load_units(digest: str, snippets: list[Snippet]) -> PackIndex | None:
    """The pack's index with its character table, or None when there is no usable one."""
    try:
        with open(units_path(digest), "rb") as handle:
            header = json.loads(handle.readline())
            payload = handle.read()
        if (not isinstance(header, dict) or header.get("units") != UNITS_VERSION
                or header.get("byteorder") != sys.byteorder
                or header.get("count") != len(snippets) or zlib.crc32(payload) != header["crc"]):
            return None
        count, dense, sparse, total = (header["count"], header["dense"], header["sparse"],
                                       header["positions"])
        width = (count + 7) // 8
        sections = [("order", 4 * count), ("dense_keys", 4 * dense), ("bits", width * dense),
                    ("sparse_keys", 4 * sparse), ("starts", 4 * (sparse + 1)),
                    ("positions", 4 * total)]
        view = memoryview(payload)
        parts: dict[str, memoryview] = {}
        at = 0
        for name, size in sections:
            parts[name] = view[at:at + size]
            at += size
        if at != len(payload):
            return None

        def numbers(name: str) -> array:
            result = array("I")
            result.frombytes(parts[name])
            return result
        order = numbers("order")
        if sorted(order) != list(range(count)):
            return None
        bits = parts["bits"]
        table = GramTable(
            dense={key: int.from_bytes(bits[n * width:(n + 1) * width], "little")
                   for n, key in enumerate(numbers("dense_keys"))},
            sparse_at={key: n for n, key in enumerate(numbers("sparse_keys"))},
            starts=numbers("starts"), positions=numbers("positions"))
        index = PackIndex(snippets, order)
        index.units = table
        return index
    except (OSError, ValueError, KeyError, TypeError, IndexError, OverflowError):
        return None


def save_units(digest: str, index: PackIndex) -> None:
    table = index.units
    if table is None:
        return
    count = len(index)
    width = (count + 7) // 8
    dense_keys = array("I", table.dense)
    sparse_keys = array("I", sorted(table.sparse_at, key=table.sparse_at.__getitem__))
    payload = b"".join([
        index.order.tobytes(), dense_keys.tobytes(),
        b"".join(table.dense[key].to_bytes(width, "little") for key in dense_keys),
        sparse_keys.tobytes(), table.starts.tobytes(), table.positions.tobytes()])
    header = {"units": UNITS_VERSION, "byteorder": sys.byteorder, "count": count,
              "dense": len(dense_keys), "sparse": len(sparse_keys),
              "positions": len(table.positions), "crc": zlib.crc32(payload)}
    _write(units_path(digest), json.dumps(header).encode("ascii") + b"\n" + payload)


def _write(target: Path, data: bytes) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        files.write_bytes(target, data)
    except Exception:
        pass  # a full or read-only cache folder only makes the next start slower


def remove(digest: str) -> None:
    for target in (snippets_path(digest), units_path(digest)):
        try:
            os.remove(target)
        except OSError:
            pass
