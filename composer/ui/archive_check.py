"""查重 in the window: the archive folders of the settings, read on a worker thread, and the
findings they give the 检查 dock.

The archive is read (``io.archive_index``: from the index in the cache folder, only new or
changed files read again) and its anchor table built (``ArchiveSearch.prepare``) off the UI
thread; until then, and without archive folders, there are no archive findings.  ``findings``
is what the dock's check calls: the paragraphs the archive has not seen yet are searched (a
changed paragraph costs about 5 ms with 1,000 archived speeches, ``bench/bench_archive.py``), the
others come from the search's memory.  The archive is read again when the folders change, and in the background
when a check comes ``REFRESH_SECONDS`` after the last reading (a speech saved into an archive
folder meanwhile is then seen; reading a warm index of 1,000 speeches takes about 0.2 s).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ..core.speech import Speech
from .background_writes import BackgroundWriter

if TYPE_CHECKING:
    from ..core.archive import ArchiveSearch
    from ..core.proofread import Finding

REFRESH_SECONDS = 60


class ArchiveCheck(QObject):
    ready = Signal()          # an archive was read: check again
    message = Signal(str)     # a folder that is not there, files that cannot be read

    def __init__(self, folders: Callable[[], list[str]], parent=None):
        super().__init__(parent)
        self._folders = folders
        self._worker = BackgroundWriter(self)
        self.search: ArchiveSearch | None = None
        self.files = self.speeches = 0
        self._generation = 0
        self._loaded_at = 0.0
        self._active = False         # archive folders were set at the last reading
        self._real: dict[str, str] = {}     # an archived file's real path → its path
        self.loading = False

    def reload(self) -> None:
        """Read the archive folders (again) on the worker; ``ready`` when done."""
        folders = list(self._folders())
        self._generation += 1
        generation = self._generation
        self._active = bool(folders)
        if not folders:
            self.search, self.files, self.speeches, self._real = None, 0, 0, {}
            self.loading = False
            self.ready.emit()
            return
        self.loading = True
        self._loaded_at = time.monotonic()
        # The readers behind the archive (every import format) load only when there is an
        # archive to read: most writers set none, and they cost a tenth of a second.
        from ..io.archive_index import load_archive

        def work():
            missing = [f for f in folders if not os.path.isdir(f)]
            loaded = load_archive(folders, missing_ok=True)
            search = loaded.search()
            search.prepare()
            real = {os.path.realpath(f.path): f.path for f in loaded.files}
            return loaded, search, missing, real

        def done(result, error: BaseException | None) -> None:
            if generation != self._generation:
                return          # a newer reading is on its way
            self.loading = False
            if error is not None:
                self.message.emit(self.tr("无法读取存档讲稿：{0}").format(error))
                return
            loaded, search, missing, self._real = result
            self.search, self.files, self.speeches = search, len(loaded.files), loaded.speeches
            for folder in missing:
                self.message.emit(self.tr("存档讲稿文件夹不存在：{0}").format(folder))
            if loaded.errors:
                first = loaded.errors[0][1]
                self.message.emit(self.tr("存档里有 {0} 个文件无法读取（{1}），查重时略过。")
                                  .format(len(loaded.errors), first))
            self.ready.emit()

        self._worker.submit(work, done)

    def wait(self) -> None:
        """Finish a reading in progress now (tests; before a check that must be complete)."""
        self._worker.finish()

    def findings(self, speech: Speech, path: str | None = None) -> list[Finding]:
        """The paragraphs of the speech that repeat the archive (rule ``archive.repeat``);
        ``path``: the speech's own file, never its own archive."""
        if self._active and not self.loading \
                and time.monotonic() - self._loaded_at > REFRESH_SECONDS:
            self.reload()     # in the background; this check uses what was read before
        if self.search is None:
            return []
        own = self._real.get(os.path.realpath(path)) if path else None
        exclude = (own,) if own else ()
        from ..core.archive import check_paragraphs, repeat_findings
        return repeat_findings(check_paragraphs(speech, self.search, exclude))
