"""One 存入素材库 into a big user pack, in the window (issue 13): the time until it is written
and shown, and the UI thread's share of it — the longest the event loop was blocked meanwhile
(a 5 ms timer notes every gap).  Before this, one save into 100,000 snippets took 39.9 s, all
of it on the UI thread; with the write on a worker the UI thread was still blocked 114–333 ms
once, when the result arrived (a reset of the list and a new look at every snippet) and by
full garbage collections of the worker.  Also measured: a search right after the write
(its first slice, what a keystroke costs, and the complete search: the character index is
carried over to the version written), and whether the start-up cache holds the version written
(the next start reads it instead of the YAML).  ``BENCH_SIZES`` chooses the sizes (default 1000,10000,100000); each
size's pack is generated once (``generate.distinct_pack``), and each run saves a new section.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_library_write.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import distinct_pack  # noqa: E402

SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "1000,10000,100000").split(",")]
RUNS = int(os.environ.get("BENCH_RUNS", "5"))


SEARCH = "工作 措施"   # two terms: the character index narrows, the rest is checked


def measure(n: int, folder: Path) -> tuple[list[float], list[float], list[float], list[float],
                                           bool]:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from composer.core.speech import Section
    from composer.io import library_file, library_store
    from composer.ui import snippet_dialog
    from composer.ui.library_pane import LibraryPane
    from composer.ui.snippet_dialog import SnippetDetails

    os.environ["SPEECH_COMPOSER_DATA"] = str(folder / f"data{n}")
    os.environ["SPEECH_COMPOSER_CACHE"] = str(folder / f"cache{n}")
    pack = distinct_pack(n)
    pack.name = library_store.USER_PACK_NAME
    library_store.user_dir().mkdir(parents=True, exist_ok=True)
    library_file.save_pack(pack, library_store.user_pack_path())
    from composer.ui import settings
    settings.use_folder(str(folder / f"settings{n}"))
    snippet_dialog.ask_new_snippet = lambda parent, heading, kind="": SnippetDetails("措施", [])
    app = QApplication.instance() or QApplication([])
    pane = LibraryPane()
    pane.resize(400, 800)
    pane.show()
    library = library_store.load_library()
    library_store.build_indexes(library)   # the window's loader does both steps
    pane.set_library(library)
    import gc
    gc.freeze()   # as the window's loader does once the library is in (ui/library_loader)
    totals, blocks, keystrokes, searches = [], [], [], []
    for run in range(RUNS):
        gaps = [0.0]
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now
        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)
        timer.start()
        started = time.perf_counter()
        before = len(pane.library.user_pack().snippets)
        pane.save_section(Section(f"第{run}次存入的标题", [f"第{run}次存入的正文，{n}。"]), 1)
        last[0] = clock.elapsed()
        gaps.append(clock.elapsed())      # the call itself blocked the loop this long
        while len(pane.library.user_pack().snippets) == before:
            app.processEvents()
            time.sleep(0.001)
        totals.append(time.perf_counter() - started)
        # Until the worker is idle again (the start-up cache is written after the list shows
        # the write): the UI thread's longest block counts that too.
        while pane.writes.busy():
            app.processEvents()
            time.sleep(0.001)
        for _ in range(20):
            app.processEvents()
            time.sleep(0.005)
        timer.stop()
        blocks.append(max(gaps) / 1000)
        started = time.perf_counter()
        pane.model.set_query(SEARCH)
        keystrokes.append(time.perf_counter() - started)
        pane.model.finish_search()
        searches.append(time.perf_counter() - started)
        pane.model.set_query("")
    pane.finish_writes()
    own = pane.library.user_pack()
    digest = pane.library.digests.get(id(own))
    from composer.io import library_cache
    cached = library_cache.load_snippets(digest, own.path, False) if digest else None
    raw = library_store.user_pack_path().read_bytes()
    import hashlib
    fresh = (cached is not None and digest == hashlib.sha256(raw).hexdigest()
             and [s.id for s in cached.snippets] == [s.id for s in own.snippets]
             and pane.library.indexes[id(own)].units is not None)
    return totals, blocks, keystrokes, searches, fresh


def before(n: int, folder: Path) -> list[float]:
    """The baseline, in the same run: the write as it was, all of it on the UI thread — under
    the lock, parse the whole pack, merge, dump by PyYAML, write."""
    from composer.core.library import Snippet
    from composer.core.library_edits import AddSnippets
    from composer.io import files, library_file, library_store, pack_lock, yamlfile
    path = library_store.user_pack_path()
    times = []
    for run in range(RUNS):
        started = time.perf_counter()
        with pack_lock.held(path):
            raw = files.read_bytes(path, limit=library_file.MAX_BYTES)
            pack = library_file.load_pack(path)
            AddSnippets(str(path), [Snippet(f"old-{run}", 1, f"旧路径第{run}次", ["正文。"])]
                        ).apply(pack)
            data, _ = yamlfile.dump_bytes(library_file.pack_to_data(pack))
            files.write_bytes(path, data, expect_sha256=__import__("hashlib").sha256(raw)
                              .hexdigest())
        times.append(time.perf_counter() - started)
    return times


def _row(n: int, folder: Path) -> str:
    totals, blocks, keystrokes, searches, fresh = measure(n, folder)
    old = before(n, folder)
    return (f"end to end median {statistics.median(totals):.3f} s (min {min(totals):.3f}, max "
            f"{max(totals):.3f}); UI thread blocked at most median "
            f"{statistics.median(blocks) * 1000:.0f} ms (max {max(blocks) * 1000:.0f} ms), {RUNS} runs; "
            f"search {SEARCH!r} right after: keystroke median "
            f"{statistics.median(keystrokes) * 1000:.1f} ms, complete "
            f"{statistics.median(searches) * 1000:.1f} ms; start-up cache and character index "
            f"of the version written: {'yes' if fresh else 'NO'}; "
            f"before (same run, all on the UI thread) median {statistics.median(old):.3f} s: "
            f"{statistics.median(old) / statistics.median(totals):.0f}x the time, "
            f"{statistics.median(old) / statistics.median(blocks):.0f}x the block")


def cases() -> list:
    """For ``bench/run.py``: one row per size (its own medians, a baseline from the same run)."""
    from harness import Info
    folder = Path(tempfile.mkdtemp(prefix="bench-library-write-"))
    return [Info(f"存入素材库 into {n:,} snippets", lambda n=n: _row(n, folder)) for n in SIZES]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-library-write-") as folder:
        for n in SIZES:
            print(f"{n:>7,} snippets: 存入素材库 {_row(n, Path(folder))}", flush=True)


if __name__ == "__main__":
    main()
