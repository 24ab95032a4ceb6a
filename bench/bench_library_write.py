"""One 存入素材库 into a big user pack, in the window (issue 13): the time until it is written
and shown, and the UI thread's share of it — the longest the event loop was blocked meanwhile
(a 5 ms timer notes every gap), until the worker is idle again (the start-up cache of the
version written included).  Three lists: as the packs order it, not used recently first (a
third of the snippets used), and showing a search (``SHOWN``) while writing.  Also: what a
screen of the list costs to paint while the worker writes, a search right after the write (its
first slice, what a keystroke costs, and the complete search: the character index is carried
over to the version written), and whether the start-up cache holds the version written.

History, 100,000 snippets.  All on the UI thread, one save took 39.9 s.  With the write on a
worker the UI thread was still blocked 114–333 ms once.  Then, measured in one run against
that version (medians of 5): blocked at most 387–543 ms (not used recently first: 479–761 ms;
a search showing: 286–377 ms); a screen painted during the write up to 122–142 ms.  The
causes: calls into C on the worker that hold the interpreter for tens of milliseconds (one
read of the 64 MB file, one C loop over every snippet, the join of 100,000 pieces, 2,000
snippets a JSON line, the first collection after the paused one), the re-sort of every group
on the UI thread after the write (150–270 ms), and above all the convoy: every call from Qt
into Python (a row painted, a question to the model) waits for the busy worker, up to the 5 ms
switch interval each, and the start-up cache job started while the list was taking the write
in.  Now: blocked at most 16–20 ms (max 34), not used recently first 17–18 ms, a search
showing 17–18 ms, a screen painted 9–11 ms (max 28); end to end 2.1–2.3 s (2.3–2.8 s).  At
10,000 snippets 9 ms (was 41 ms), at 1,000 about 20 ms either way (one repaint of the list).
``BENCH_SIZES`` chooses the sizes (default 1000,10000,100000); each size's pack is generated
once per list (``generate.distinct_pack``), and each run saves a new section.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_library_write.py
"""

from __future__ import annotations

import os
import random
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
SHOWN = "统一思想"    # shown in the list while writing: a few thousand of 100,000 match


def measure(n: int, folder: Path, ordered: bool = False, query: str = "") -> dict:
    """``RUNS`` writes into a pack of ``n`` snippets; with ``ordered`` the list shows the
    snippets not used recently first (a third of them used, on some 700 different days); with
    ``query`` the list shows that search meanwhile (it goes on after each write)."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from composer.core.speech import Section
    from composer.io import library_file, library_store
    from composer.ui import snippet_dialog
    from composer.ui.library_pane import LibraryPane
    from composer.ui.snippet_dialog import SnippetDetails

    tag = f"{n}{'-ordered' if ordered else ''}{'-searched' if query else ''}"
    os.environ["SPEECH_COMPOSER_DATA"] = str(folder / f"data{tag}")
    os.environ["SPEECH_COMPOSER_CACHE"] = str(folder / f"cache{tag}")
    pack = distinct_pack(n)
    pack.name = library_store.USER_PACK_NAME
    library_store.user_dir().mkdir(parents=True, exist_ok=True)
    library_file.save_pack(pack, library_store.user_pack_path())
    from composer.ui import settings
    settings.use_folder(str(folder / f"settings{tag}"))
    snippet_dialog.ask_new_snippet = lambda parent, heading, kind="": SnippetDetails("措施", [])
    app = QApplication.instance() or QApplication([])
    pane = LibraryPane()
    pane.resize(400, 800)
    pane.show()
    library = library_store.load_library()
    library_store.build_indexes(library)   # the window's loader does both steps
    pane.set_library(library)
    if ordered:
        rng = random.Random(5)
        used = {s.id: f"{rng.randint(2023, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                for s in pane.library.user_pack().snippets[::3]}
        pane.model.set_order_key(lambda s: used.get(s.id, ""))   # as ui/borrowing's key
    import gc
    gc.freeze()   # as the window's loader does once the library is in (ui/library_loader)
    if query:
        pane.search.setText(query)
        pane.model.finish_search()
    for _ in range(20):   # the first paint of the list is not the write's
        app.processEvents()
        time.sleep(0.005)
    found: dict[str, list] = {"totals": [], "blocks": [], "keystrokes": [], "searches": [],
                              "paints": []}

    def write(run: int, paint: bool) -> None:
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
        if not paint:
            timer.start()
        started = time.perf_counter()
        before = len(pane.library.user_pack().snippets)
        pane.save_section(Section(f"第{run}次存入的标题", [f"第{run}次存入的正文，{n}。"]), 1)
        last[0] = clock.elapsed()
        gaps.append(clock.elapsed())      # the call itself blocked the loop this long
        while len(pane.library.user_pack().snippets) == before:
            app.processEvents()
            time.sleep(0.001)
            if paint and time.perf_counter() - started > 0.05 * len(found["paints"]):
                # What a screen of the list costs while the worker writes: every row is a
                # call from Qt into Python, each waiting for the interpreter.
                painted = time.perf_counter()
                pane.list.viewport().repaint()
                found["paints"].append(time.perf_counter() - painted)
        if not paint:
            found["totals"].append(time.perf_counter() - started)
        # Until the worker is idle again (the start-up cache is written after the list shows
        # the write): the UI thread's longest block counts that too.
        while pane.working():
            app.processEvents()
            time.sleep(0.001)
        if paint:
            return
        for _ in range(20):
            app.processEvents()
            time.sleep(0.005)
        timer.stop()
        found["blocks"].append(max(gaps) / 1000)
        if query:
            return
        started = time.perf_counter()
        pane.model.set_query(SEARCH)
        found["keystrokes"].append(time.perf_counter() - started)
        pane.model.finish_search()
        found["searches"].append(time.perf_counter() - started)
        pane.model.set_query("")

    for run in range(RUNS):
        write(run, paint=False)
    if not query:
        write(RUNS, paint=True)
    pane.finish_writes()
    own = pane.library.user_pack()
    digest = pane.library.digests.get(id(own))
    from composer.io import library_cache
    cached = library_cache.load_snippets(digest, own.path, False) if digest else None
    raw = library_store.user_pack_path().read_bytes()
    import hashlib
    found["fresh"] = (cached is not None and digest == hashlib.sha256(raw).hexdigest()
                      and [s.id for s in cached.snippets] == [s.id for s in own.snippets]
                      and (pane.library.indexes[id(own)].units is not None)
                      == (len(own.snippets) >= library_store.INDEX_FROM))
    # The list's order after the writes is the one a fresh look gives (tests/ui check it too).
    shown = pane.model.all_snippets()
    pane.model.reindex()
    found["order_kept"] = [s.id for s in shown] == [s.id for s in pane.model.all_snippets()]
    pane.close()
    return found


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


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms"


def _row(n: int, folder: Path) -> str:
    plain = measure(n, folder)
    ordered = measure(n, folder, ordered=True)
    searched = measure(n, folder, query=SHOWN)
    old = before(n, folder)
    totals, blocks = plain["totals"], plain["blocks"]
    return (f"end to end median {statistics.median(totals):.3f} s (min {min(totals):.3f}, max "
            f"{max(totals):.3f}); UI thread blocked at most median {_ms(blocks)} (max "
            f"{max(blocks) * 1000:.0f} ms), {RUNS} runs; a screen of the list painted during "
            f"the write: median {_ms(plain['paints'])} (max {max(plain['paints']) * 1000:.0f} "
            f"ms); not used recently first: end to end median "
            f"{statistics.median(ordered['totals']):.3f} s, blocked at most median "
            f"{_ms(ordered['blocks'])} (max {max(ordered['blocks']) * 1000:.0f} ms), order "
            f"as a fresh sort: {'yes' if ordered['order_kept'] else 'NO'}; with the list "
            f"showing the search {SHOWN!r}: end to end median "
            f"{statistics.median(searched['totals']):.3f} s, blocked at most median "
            f"{_ms(searched['blocks'])} (max {max(searched['blocks']) * 1000:.0f} ms); "
            f"search {SEARCH!r} right after: keystroke median "
            f"{statistics.median(plain['keystrokes']) * 1000:.1f} ms, complete "
            f"{statistics.median(plain['searches']) * 1000:.1f} ms; start-up cache and "
            f"character index of the version written: {'yes' if plain['fresh'] else 'NO'}; "
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
