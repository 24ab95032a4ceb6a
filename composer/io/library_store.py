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
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterable

from ..core.errors import ComposerError
from ..core.library import Pack, Snippet
from . import library_file, paths

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


def load_library(extra_folders: Iterable[str | os.PathLike] = (), use_index: bool = True
                 ) -> LoadedLibrary:
    """Load every pack from the bundled folder, the user's folder and the extra folders.

    The user's own pack is always present in the result (empty when it has never been written),
    so the program always has somewhere to save to.  A file found twice (an extra folder that is
    the user's folder) is loaded once.
    """
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
    for folder, read_only in sources:
        for path in pack_files(folder):
            key = os.path.normcase(os.path.abspath(path))
            if key in seen:
                continue
            seen.add(key)
            try:
                result.packs.append(library_file.load_pack(path, read_only=read_only,
                                                           use_index=use_index))
            except ComposerError as error:
                result.errors.append(PackError(str(path), error))
    if result.user_pack() is None and not any(
            os.path.abspath(e.path) == os.path.abspath(user_pack_path()) for e in result.errors):
        result.packs.append(empty_user_pack())
    return result


def empty_user_pack() -> Pack:
    return Pack(USER_PACK_NAME, [], str(user_pack_path()), read_only=False)


def new_snippet_id(pack: Pack) -> str:
    """An id not used in the pack yet: my-0001, my-0002, …"""
    used = {s.id for s in pack.snippets}
    number = len(pack.snippets) + 1
    while f"{SNIPPET_ID_PREFIX}{number:04d}" in used:
        number += 1
    return f"{SNIPPET_ID_PREFIX}{number:04d}"
