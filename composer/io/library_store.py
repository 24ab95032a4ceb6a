"""Where library packs live, loading all of them at once, and the user's own pack.

Packs are read from three kinds of folder, in this order:

1. the bundled packs in ``resources/library/`` (read-only: they ship with the program);
2. the user's data folder ``<data_dir>/library/`` — it holds the user's own pack, the one
   "save this section to the library" writes to (through ``pack_update``: every write to a
   pack merges into it under its write lock), plus any packs the user imported;
3. folders the user added in the settings (an office shares its library on a network folder);
   those are read-only too, so that one writer cannot damage the office's shared material.

A pack that cannot be read is reported and skipped; the others still load, so one bad file never
keeps the program from starting.

Loading runs on a worker thread in the application (``ui.library_loader``): it reports its
progress and can be cancelled (:class:`LoadControl`), touches nothing but files and plain
objects, and prepares each pack for searching (``core.snippet_index``).  The character index of
a big pack is a second step (:func:`build_indexes`), so that the list fills in first.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import ComposerError
from ..core.library import Pack, Snippet
from ..core.snippet_index import PackIndex
from . import library_cache, library_file, paths

# Packs smaller than this are searched by checking every snippet (under a millisecond); bigger
# ones get a character index.
INDEX_FROM = 3000
CACHE_LATER_FROM = 2 * 1024 * 1024   # bytes of YAML (about 3,000 snippets)
USER_PACK_FILE = "my" + library_file.SUFFIX
USER_PACK_NAME = "我的素材"
SNIPPET_ID_PREFIX = "my-"


@dataclass
class PackError:
    """A pack that could not be loaded: which file, and why (in the UI language)."""
    path: str
    error: ComposerError

    def __str__(self) -> str:
        return str(self.error)


@dataclass
class LoadedLibrary:
    packs: list[Pack] = field(default_factory=list)
    errors: list[PackError] = field(default_factory=list)
    # Prepared for searching, by id of the pack (the library keeps its packs alive); the
    # digests of the pack files name their cache files.
    indexes: dict[int, PackIndex] = field(default_factory=dict)
    digests: dict[int, str] = field(default_factory=dict)
    # Big read-only packs read from their YAML, whose cache file the second step writes (the
    # list fills in sooner); the others are cached at once (the user's own before it can be
    # edited).
    uncached: list[Pack] = field(default_factory=list)

    def index_of(self, pack: Pack) -> PackIndex | None:
        index = self.indexes.get(id(pack))
        return index if index is not None and index.is_current(pack.snippets) else None

    def snippets(self) -> list[Snippet]:
        return [snippet for pack in self.packs for snippet in pack.snippets]

    def user_pack(self) -> Pack | None:
        target = os.path.abspath(user_pack_path())
        return next((p for p in self.packs if os.path.abspath(p.path) == target), None)


def bundled_dir() -> Path:
    return paths.resources_dir() / "library"


def user_dir() -> Path:
    return paths.data_dir() / "library"


def user_pack_path() -> Path:
    return user_dir() / USER_PACK_FILE


def pack_files(folder: str | os.PathLike) -> list[Path]:
    """The ``*.library.yaml`` files directly in a folder, sorted by name (none if it is missing)."""
    try:
        entries = sorted(Path(folder).iterdir())
    except OSError:
        return []
    return [p for p in entries if p.name.endswith(library_file.SUFFIX) and p.is_file()]


class LoadControl:
    """Shared between a loading thread and the window: progress (bytes of pack files done, of
    all) and a request to stop.  Plain attributes, written by one side, read by the other."""

    def __init__(self) -> None:
        self.done = 0
        self.total = 0
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


class Cancelled(Exception):
    pass


def load_library(extra_folders: Iterable[str | os.PathLike] = (), use_index: bool = True,
                 control: LoadControl | None = None) -> LoadedLibrary:
    """Load every pack from the bundled folder, the user's folder and the extra folders.

    The user's own pack is always present in the result (empty when it has never been written),
    so the program always has somewhere to save to.  A file found twice (an extra folder that is
    the user's folder) is loaded once.  Each pack is prepared for searching; a cached character
    index is attached, a missing one is left to :func:`build_indexes`.  Raises Cancelled when
    the control asks to stop.
    """
    control = control or LoadControl()
    extra_folders = list(extra_folders)
    result = LoadedLibrary()
    seen: set[str] = set()
    sources = [(bundled_dir(), True), (user_dir(), False)]
    sources += [(Path(folder), True) for folder in extra_folders]
    for folder in extra_folders:
        if not Path(folder).is_dir():
            # Most often a network share that is offline: say so, so that missing material is
            # not a mystery; the folder stays in the settings for when the share is back.
            result.errors.append(PackError(str(folder), ComposerError(
                f"素材库文件夹 {folder} 不存在或无法访问（网络共享断开了？），这次没有读取。",
                f"The library folder {folder} is missing or unreachable (a network share "
                "offline?); it was not read this time.")))
    found: list[tuple[Path, bool, int]] = []
    for folder, read_only in sources:
        for path in pack_files(folder):
            key = os.path.normcase(os.path.abspath(path))
            if key in seen:
                continue
            seen.add(key)
            found.append((path, read_only, _size(path)))
    control.total = sum(size for _, _, size in found)
    for path, read_only, size in found:
        if control.cancelled:
            raise Cancelled
        try:
            # A big read-only pack's cache file is written in the second step, after the list
            # has filled in; a small one's at once (a few milliseconds).
            pack, digest, cached = library_file.open_pack(
                path, read_only=read_only, use_index=use_index,
                cache_later=read_only and size > CACHE_LATER_FROM)
        except ComposerError as error:
            result.errors.append(PackError(str(path), error))
        else:
            result.packs.append(pack)
            result.digests[id(pack)] = digest
            if use_index and read_only and size > CACHE_LATER_FROM and not cached:
                result.uncached.append(pack)
            with library_file.paused_gc():
                index = library_cache.load_units(digest, pack.snippets) \
                    if use_index and len(pack.snippets) >= INDEX_FROM else None
                result.indexes[id(pack)] = (index or PackIndex(pack.snippets)).prepare()
        control.done += size
    if result.user_pack() is None and not any(
            os.path.abspath(e.path) == os.path.abspath(user_pack_path()) for e in result.errors):
        result.packs.append(empty_user_pack())
    return result


def build_indexes(library: LoadedLibrary, control: LoadControl | None = None) -> bool:
    """The second step of loading: write the cache files left for later, and build (and keep
    in the cache) the character index of each big pack that has none yet; True when an index
    was built."""
    control = control or LoadControl()
    while library.uncached:
        pack = library.uncached.pop()
        library_cache.save_snippets(library.digests[id(pack)], pack)
        if control.cancelled:
            raise Cancelled
    built = False
    for pack in list(library.packs):
        index = library.indexes.get(id(pack))
        if index is None or index.units is not None or len(index) < INDEX_FROM:
            continue
        if not index.build_units(lambda: control.cancelled):
            raise Cancelled
        built = True
        digest = library.digests.get(id(pack))
        if digest is not None:
            library_cache.save_units(digest, index)
    return built


def index_again(snippets: list[Snippet], previous: PackIndex | None) -> PackIndex:
    """The index of a pack's new version (just written, or changed by another program), on a
    worker: a big pack's character index is carried over from the previous version's when it
    can be (milliseconds), else built again (seconds), so that searching stays fast."""
    index = PackIndex(snippets)
    if len(index) >= INDEX_FROM and not (previous is not None and index.carry_units(previous)):
        index.build_units()
    return index.prepare()


def cache_written(digest: str | None, pack: Pack, index: PackIndex,
                  replaced: str | None = None) -> None:
    """Keep the cache files of a pack version this program just wrote (named by the digest of
    its bytes: the next start reads them instead of the YAML), and drop those of the version
    it replaced (``replaced``), which no file holds any more.  On a worker; failing only
    makes the next start slower."""
    if not digest:
        return
    library_cache.save_snippets(digest, pack)
    if index.units is not None:
        library_cache.save_units(digest, index)
    if replaced and replaced != digest:
        library_cache.remove(replaced)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def empty_user_pack() -> Pack:
    return Pack(USER_PACK_NAME, [], str(user_pack_path()), read_only=False)


def new_snippet_id(pack: Pack, taken: Container[str] | None = None) -> str:
    """An id not used in the pack yet: my-0001, my-0002, …  ``taken``: the pack's ids, when
    the caller has them at hand (gathering 100,000 of them takes 20 ms)."""
    used = taken if taken is not None else {s.id for s in pack.snippets}
    number = len(pack.snippets) + 1
    while f"{SNIPPET_ID_PREFIX}{number:04d}" in used:
        number += 1
    return f"{SNIPPET_ID_PREFIX}{number:04d}"
