"""``NAME.library.yaml``: a library pack as UTF-8 YAML, and its fast index.

    format: 1
    name: 创建文明单位（范文）
    snippets:
    - id: wm-0001
      level: 1                      # 1–4 for a section, or: paragraph
      kind: 意义
      tags: [文明创建]
      heading: 统一思想，提高认识     # without its number
      paragraphs:
      - |-
        ……
      sections: []                  # sub-sections, as in a speech file
      source: {file: 讲话稿8篇.txt, speech: 创建文明单位动员大会讲话稿篇一}

Big packs are read fast three ways: a pack in the program's own style is read by
``block_yaml`` (five times faster than PyYAML; anything else goes to PyYAML, which names the line
of an error), the garbage collector is paused while the objects are made (it would otherwise
walk them all again and again), and after the first load the validated snippets are kept in the
user's cache folder (``library_cache``), named by the SHA-256 of the YAML bytes: any change to
the file changes the name, and a damaged cache file is ignored and rebuilt.
"""

from __future__ import annotations

import codecs
import gc
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import repeat
from pathlib import Path

from ..core.errors import FileFormatError
from ..core.library import PARAGRAPH, Pack, Snippet
from . import files, library_cache, shape, yamlfile
from .speech_file import section_to_data, sections_from_data

FORMAT = 1
SUFFIX = ".library.yaml"
# Larger packs are refused before reading: 256 MiB holds about 400,000 snippets of the usual
# size (100,000 generated ones take 61 MiB); speeches keep yamlfile's smaller limit.
MAX_BYTES = 256 * 1024 * 1024

_TOP_KEYS = {"format", "name", "snippets"}
_SNIPPET_KEYS = {"id", "level", "kind", "tags", "heading", "run_in", "paragraphs", "sections",
                 "source"}


def load_pack(path: str | os.PathLike, read_only: bool = False, use_index: bool = True) -> Pack:
    """Read a library pack; FileFormatError (file, line, column) when it is not valid."""
    return open_pack(path, read_only, use_index)[0]


def open_pack(path: str | os.PathLike, read_only: bool = False, use_index: bool = True,
              cache_later: bool = False) -> tuple[Pack, str, bool]:
    """(the pack, the SHA-256 of its bytes, which names its cache files, whether it was read
    from the cache).  With cache_later, a pack read from its YAML is not written to the cache:
    the caller does that (``library_cache.save_snippets``) when it has time."""
    name = os.fspath(path)
    raw = files.read_bytes(name, limit=MAX_BYTES)
    return pack_from_bytes(raw, name, read_only, use_index, cache_later)


def pack_from_bytes(raw: bytes, name: str, read_only: bool = False, use_index: bool = True,
                    cache_later: bool = False) -> tuple[Pack, str, bool]:
    """:func:`open_pack` for bytes already read (a writer re-reading a pack under its lock)."""
    digest = hashlib.sha256(raw).hexdigest()
    with paused_gc():
        if use_index:
            pack = library_cache.load_snippets(digest, name, read_only)
            if pack is not None:
                return pack, digest, True
        pack = parse_pack(raw, name, read_only)
    if use_index and not cache_later:
        library_cache.save_snippets(digest, pack)
    return pack, digest, False


def parse_pack(raw: bytes, name: str, read_only: bool = False) -> Pack:
    """A pack from its YAML bytes: by the fast reader when the file is in the program's own
    style, else (and for the message of any error) by PyYAML."""
    from . import block_yaml  # imported by the loading thread, not at the window's start
    try:
        data = block_yaml.parse(_decoded(raw, block_yaml.PIECE))
        return pack_from_document(yamlfile.Document(name, data, None), read_only)
    except (block_yaml.NotBlockYaml, UnicodeDecodeError, FileFormatError):
        pass  # read again by PyYAML: the same data, or the error with its line and column
    return pack_from_document(yamlfile.parse(raw, name), read_only)


def _decoded(raw: bytes, step: int) -> str:
    """``raw.decode("utf-8-sig")`` a piece at a time: decoding a 64 MB pack in one call holds
    the interpreter for 90 ms, the window's thread waiting meanwhile."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    pieces = [decoder.decode(raw[at:at + step]) for at in range(0, len(raw), step)]
    pieces.append(decoder.decode(b"", True))
    return "".join(pieces)


@contextmanager
def paused_gc(freeze: bool = False) -> Iterator[None]:
    """No garbage collection while a pack's objects are made: each collection would walk every
    object made so far, which makes loading quadratic (100,000 snippets: half the time).

    ``freeze``: then move every object made out of the collector's sight (``gc.freeze``, as
    the window does with a loaded library), for work that makes a new version of a pack on a
    worker.  Its objects are long-lived, and the first collection after the pause would walk
    all of them at once: 35–80 ms for 100,000 snippets, measured, holding the interpreter and
    so the window's thread.  Library objects hold no reference cycles: reference counting
    still frees a version replaced."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


def pack_from_document(doc: yamlfile.Document, read_only: bool = False) -> Pack:
    yamlfile.check_format(doc, "素材库", "library", FORMAT)
    data = doc.data
    shape.refuse_unknown(doc, (), data, _TOP_KEYS)
    name = shape.text(doc, ("name",), data.get("name")) or Path(doc.path).name
    items = data.get("snippets")
    items = [] if items is None else items
    if not isinstance(items, list):
        raise doc.error(("snippets",), "应当是素材列表。", "must be a list of snippets.")
    snippets = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        snippet = _simple_snippet(item) or _snippet(doc, ("snippets", i), item)
        if snippet.id in seen:
            raise doc.error(("snippets", i, "id"), f"“{snippet.id}”重复了。",
                            f"{snippet.id!r} is used twice.")
        seen.add(snippet.id)
        snippets.append(snippet)
    return Pack(name, snippets, doc.path, read_only)


_LEVELS = {1: 1, 2: 2, 3: 3, 4: 4, "paragraph": PARAGRAPH}
_LEVEL_TYPES = frozenset((int, str))      # not bool: True == 1
_TEXT = frozenset((str, type(None)))
_FLAG = frozenset((bool, type(None)))
_SOURCE_KEYS = frozenset(("file", "speech"))


def _simple_snippet(item) -> Snippet | None:
    """The snippet of an item whose values have their plain types and no sub-sections — most
    items — made without the checks of :func:`_snippet` (a tenth of a big pack's load);
    None sends the item through those checks, which also name what is wrong."""
    if item.__class__ is not dict or not _SNIPPET_KEYS.issuperset(item):
        return None
    get = item.get
    snippet_id, level, heading, kind = get("id"), get("level"), get("heading"), get("kind")
    paragraphs, tags, source, run_in = get("paragraphs"), get("tags") or [], get("source") or {}, \
        get("run_in")
    sections = get("sections")
    if (snippet_id.__class__ is not str or not snippet_id or level.__class__ not in _LEVEL_TYPES
            or level not in _LEVELS or heading.__class__ not in _TEXT or kind.__class__ not in _TEXT
            or run_in.__class__ not in _FLAG or not (sections is None or sections == [])
            or not (paragraphs is None or (paragraphs.__class__ is list
                                           and all(map(isinstance, paragraphs, repeat(str)))))
            or tags.__class__ is not list or not all(map(isinstance, tags, repeat(str)))
            or source.__class__ is not dict or not _SOURCE_KEYS.issuperset(source)
            or not _TEXT.issuperset(map(type, source.values()))):
        return None
    level = _LEVELS[level]
    if level == PARAGRAPH and heading:
        return None  # refused by the checks, with its line
    return Snippet(snippet_id, level, heading or "", list(paragraphs or ()), [], kind or "",
                   list(tags), source.get("file") or "", source.get("speech") or "",
                   bool(run_in))


def _snippet(doc, keys: tuple, item) -> Snippet:
    if not isinstance(item, dict):
        raise doc.error(keys, "应当是一条素材（含 id、level、paragraphs）。",
                        "must be a snippet (with id, level, paragraphs).")
    shape.refuse_unknown(doc, keys, item, _SNIPPET_KEYS)
    snippet_id = item.get("id")
    if isinstance(snippet_id, int) and not isinstance(snippet_id, bool):
        snippet_id = str(snippet_id)
    if not isinstance(snippet_id, str) or not snippet_id:
        raise doc.error(keys + ("id",), "缺少或不是文字。", "is missing or not text.")
    level = item.get("level")
    if level == "paragraph":
        level = PARAGRAPH
    elif not (isinstance(level, int) and not isinstance(level, bool) and 1 <= level <= 4):
        raise doc.error(keys + ("level",), "应当是 1～4 或 paragraph。", "must be 1–4 or paragraph.")
    tags = item.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise doc.error(keys + ("tags",), "应当是文字列表。", "must be a list of text.")
    source = item.get("source") or {}
    if not isinstance(source, dict) or set(source) - {"file", "speech"}:
        raise doc.error(keys + ("source",), "应当含 file 和 speech 两项。",
                        "must hold file and speech.")
    children = sections_from_data(doc, keys + ("sections",), item.get("sections"), level + 1)
    if level == PARAGRAPH and (children or item.get("heading")):
        raise doc.error(keys, "段落素材不能有标题或下级标题。",
                        "a paragraph snippet cannot have a heading or sub-sections.")
    if level and level + max((c.height() for c in children), default=0) > 4:
        raise doc.error(keys + ("sections",), "超过了四级标题。", "goes deeper than four levels.")
    return Snippet(
        id=snippet_id, level=level,
        heading=shape.text(doc, keys + ("heading",), item.get("heading")),
        run_in=shape.flag(doc, keys + ("run_in",), item.get("run_in")),
        paragraphs=shape.paragraphs(doc, keys + ("paragraphs",), item.get("paragraphs")),
        children=children,
        kind=shape.text(doc, keys + ("kind",), item.get("kind")),
        tags=list(tags),
        source_file=shape.text(doc, keys + ("source", "file"), source.get("file")),
        source_title=shape.text(doc, keys + ("source", "speech"), source.get("speech")))


def pack_to_data(pack: Pack) -> dict:
    return {"format": FORMAT, "name": pack.name,
            "snippets": [_snippet_data(s) for s in pack.snippets]}


def _snippet_data(snippet: Snippet) -> dict:
    data: dict = {"id": snippet.id,
                  "level": "paragraph" if snippet.level == PARAGRAPH else snippet.level}
    if snippet.kind:
        data["kind"] = snippet.kind
    if snippet.tags:
        data["tags"] = list(snippet.tags)
    if snippet.level != PARAGRAPH:
        data["heading"] = snippet.heading
    if snippet.run_in:
        data["run_in"] = True
    data["paragraphs"] = [yamlfile.Block(p) for p in snippet.paragraphs]
    if snippet.children:
        data["sections"] = [section_to_data(c) for c in snippet.children]
    if snippet.source_file or snippet.source_title:
        data["source"] = {"file": snippet.source_file, "speech": snippet.source_title}
    return data


def pack_bytes(pack: Pack) -> tuple[bytes, bool]:
    """(the pack's file, as UTF-8 YAML; whether invalid code units had to be replaced).

    Written by ``pack_writer`` (the same bytes as PyYAML's, five times sooner), except for text
    UTF-8 cannot encode (lone surrogates), which ``yamlfile`` repairs and reports."""
    from . import pack_writer
    try:
        return pack_writer.pack_utf8(pack), False
    except UnicodeEncodeError:
        return yamlfile.dump_bytes(pack_to_data(pack))


def save_pack(pack: Pack, path: str | os.PathLike | None = None) -> bool:
    """Write a pack atomically (to its own path unless another is given); True when invalid
    code units had to be replaced by U+FFFD."""
    data, repaired = pack_bytes(pack)
    files.write_bytes(path or pack.path, data)
    return repaired
