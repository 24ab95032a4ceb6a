"""Big libraries (issue 13): reading, caching, indexing, searching and starting with 10,000 to
200,000 distinct snippets, and the status bar's statistics after an edit.

Each size's pack is generated (``generate.distinct_pack``: pairwise different snippets, 61 MiB
for 100,000) and written as YAML once.  The reading before this change (PyYAML and every check,
then the whole JSON index written) is measured in the same run as the baseline of the first
load; a plain scan of every snippet is the baseline of the searches.  ``BENCH_SIZES`` chooses
the sizes (default ``10000,50000,100000,200000``); the PyYAML baseline is skipped above 100,000
snippets (it takes about 40 s and 2.6 GB there).
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import corpus_paragraphs, distinct_pack
from harness import Case, Info

from composer.core.library import search as plain_scan
from composer.core.snippet_index import PackIndex, Search
from composer.io import files, library_cache, library_file, yamlfile

ROOT = Path(__file__).resolve().parent.parent
SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "10000,50000,100000,200000").split(",")]
PYYAML_UP_TO = 100_000
QUERIES = [("文", "one character"), ("文明", "two characters"), ("文明单位", "four, in 60 %"),
           ("明文", "two, in none"), ("侤撪", "rare characters")]


def _label(n: int) -> str:
    return f"{n:,}"


def _old_reading(path: Path) -> None:
    """What loading a pack without its index did before: PyYAML, every check, the JSON index."""
    raw = files.read_bytes(path, limit=library_file.MAX_BYTES)
    pack = library_file.pack_from_document(yamlfile.parse(raw, str(path)))
    rows = [[s.id, s.level, s.heading, s.paragraphs, [], s.kind, s.tags, s.source_file,
             s.source_title, s.run_in] for s in pack.snippets]
    text = json.dumps({"index": 2, "name": pack.name, "snippets": rows}, ensure_ascii=False,
                      separators=(",", ":"))
    Path(tempfile.gettempdir(), "bench-old-index.json").write_text(text, encoding="utf-8")


def _peak_mb(code: str, cache: str) -> str:
    env = dict(os.environ, SPEECH_COMPOSER_CACHE=cache, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code + "\nprint(open('/proc/self/status').read()"
                          ".split('VmHWM:')[1].split()[0])"], env=env, capture_output=True,
                         text=True, check=True)
    return f"{int(out.stdout.split()[-1]) / 1024:.0f} MB"


def library_cases(n: int, folder: Path):
    state: dict = {}
    path = folder / f"lib{n}.library.yaml"
    library_file.save_pack(distinct_pack(n), path)
    size = path.stat().st_size / 2**20
    yield Info(f"library {_label(n)}: YAML", lambda: f"{size:.1f} MiB, {n:,} distinct snippets")
    cache = folder / f"cache{n}"
    os.environ["SPEECH_COMPOSER_CACHE"] = str(cache)
    digest = library_file.open_pack(path, use_index=False)[1]

    def forget_cache() -> None:
        library_cache.remove(digest)
    old = f"library {_label(n)}: first load before (PyYAML, every check, JSON index)"
    if n <= PYYAML_UP_TO:
        yield Case(old, lambda: _old_reading(path), runs=1 if n > 10_000 else 3, warmup=0,
                   note="baseline")
    yield Case(f"library {_label(n)}: first load now (fast reader, cache written)",
               lambda: library_file.open_pack(path), setup=forget_cache,
               runs=3, warmup=0, bar=5.0 if n == 100_000 else None,
               baseline=old if n <= PYYAML_UP_TO else None)

    def load_cached() -> None:
        state["pack"] = library_file.open_pack(path)[0]
    yield Case(f"library {_label(n)}: load from the cache", load_cached, runs=5,
               bar=0.3 if n == 10_000 else None)

    def unprepare() -> None:
        for snippet in state["pack"].snippets:
            snippet.changed()

    def prepare() -> None:
        state["index"] = PackIndex(state["pack"].snippets)
    yield Case(f"library {_label(n)}: prepare for search (order, search text)", prepare,
               setup=unprepare, runs=5)
    yield Case(f"library {_label(n)}: build the character index (background)",
               lambda: state["index"].build_units(), setup=prepare, runs=3, warmup=0)
    library_cache.save_units(digest, state["index"])
    yield Case(f"library {_label(n)}: load the character index (cache)",
               lambda: library_cache.load_units(digest, state["pack"].snippets), runs=5)
    yield Info(f"library {_label(n)}: peak memory, first load", lambda: _peak_mb(
        f"from composer.io import library_file; library_file.open_pack({str(path)!r}, "
        "cache_later=True)", str(folder / f"empty-cache{n}")))
    yield Info(f"library {_label(n)}: peak memory, loaded from the cache with its index",
               lambda: _peak_mb(
                   "from composer.io import library_file, library_cache; "
                   f"p, d, _ = library_file.open_pack({str(path)!r}); "
                   "library_cache.load_units(d, p.snippets)", str(cache)))

    index = state["index"]
    for query, what in QUERIES:
        scan = f"search {_label(n)}: plain scan «{query}»"
        yield Case(scan, lambda q=query: plain_scan(index.snippets, q), runs=5, note="baseline")
        yield Case(f"search {_label(n)}: first slice «{query}» ({what})",
                   lambda q=query: Search([index], q).step(), runs=7, bar=0.016, baseline=scan)
        yield Case(f"search {_label(n)}: complete «{query}»",
                   lambda q=query: Search([index], q).finish(), runs=5, baseline=scan)
        found = Search([index], query).finish().total()[0]
        yield Info(f"search {_label(n)}: «{query}» matches", lambda f=found: f"{f:,}")
    yield from ui_search_cases(n, state)
    state.clear()
    gc.collect()


def ui_search_cases(n: int, state: dict):
    from PySide6.QtWidgets import QApplication

    from composer.io.library_store import LoadedLibrary
    from composer.ui.library_pane import LibraryPane
    QApplication.instance() or QApplication([sys.argv[0]])
    pack = state["pack"]
    pack.path = f"generated-{n}"
    library = LoadedLibrary([pack])
    library.indexes[id(pack)] = state["index"]
    pane = LibraryPane()
    pane.resize(360, 800)
    pane.set_library(library)
    pane.show()
    QApplication.processEvents()
    keystrokes = ["文", "文明", "文明单", "文明单位", "文明单", "文明", "文", ""]
    at = {"typed": 0, "fresh": 0, "long": 0}

    def painted() -> None:
        QApplication.processEvents()
        pane.list.viewport().repaint()

    def until_complete() -> None:
        while pane.model.searching:
            pane.model._continue_search()
        painted()

    def keystroke() -> None:
        pane.search.setText(keystrokes[at["typed"] % len(keystrokes)])
        at["typed"] += 1
        pane.list.viewport().repaint()   # the frame of this keystroke (later slices follow)

    def typed_to_the_end() -> None:
        keystroke()
        until_complete()
    fresh = list("的是会工作单位文明创建要在和我们全面")

    def new_character(complete: bool) -> None:
        pane.model._recent.clear()
        pane.search.setText(fresh[at["fresh"] % len(fresh)])
        at["fresh"] += 1
        until_complete() if complete else pane.list.viewport().repaint()
    words = ["文明单位", "创建工作", "思想认识", "领导小组", "明文规定", "精神文明", "组织领导"]

    def new_word(complete: bool) -> None:
        pane.model._recent.clear()
        pane.search.setText(words[at["long"] % len(words)])
        at["long"] += 1
        until_complete() if complete else pane.list.viewport().repaint()

    def clear() -> None:
        pane.search.setText("")
        until_complete()
    name = f"ui {_label(n)}:"
    # Between two keystrokes the event loop finishes the search (the setup, not timed).
    yield Case(f"{name} keystroke, typing 文明单位 and back (remembered): its frame", keystroke,
               setup=until_complete, bar=0.016, runs=32, warmup=8)
    yield Case(f"{name} keystroke, typing 文明单位 and back (remembered): complete",
               typed_to_the_end, setup=until_complete, runs=32, warmup=8)
    yield Case(f"{name} a new one-character query: its frame", lambda: new_character(False),
               setup=clear, bar=0.016, runs=15, warmup=2)
    yield Case(f"{name} a new one-character query: complete", lambda: new_character(True),
               setup=clear, runs=15, warmup=2)
    yield Case(f"{name} a new four-character word: its frame", lambda: new_word(False),
               setup=clear, bar=0.016, runs=14, warmup=2)
    yield Case(f"{name} a new four-character word: complete, every count", lambda: new_word(True),
               setup=clear, runs=14, warmup=2)
    state["pane"] = pane


START = """
import os, sys, time
from composer.ui import app
application, window = app.launch()
application.processEvents()
if os.environ.get("BENCH_WAIT_LIBRARY"):
    while window.library_pane.loading:
        application.processEvents()
        time.sleep(0.002)
sys.stdout.write("shown\\n")
sys.stdout.flush()
os._exit(0)
"""


def start_cases(folder: Path):
    """A new process until the window is shown, and until its library is in the pane, with a
    big pack in the user's folder; baseline: a bare PySide6 window."""
    from bench_ui import BARE_CHILD
    bare = "start: bare PySide6 window shown (new process)"

    # Compiled modules kept between runs (outside the tree), as an installed program has them:
    # with PYTHONDONTWRITEBYTECODE every start would compile the sources again (~0.15 s here).
    bytecode = folder / "pycache"

    def run(code: str, data: Path, cache: Path, wait: bool) -> None:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SPEECH_COMPOSER_DATA=str(data),
                   SPEECH_COMPOSER_CACHE=str(cache), HOME=str(data),
                   XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="bench-start-config-"),
                   PYTHONPYCACHEPREFIX=str(bytecode),
                   PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if wait:
            env["BENCH_WAIT_LIBRARY"] = "1"
        result = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT,
                                capture_output=True, text=True, timeout=600)
        if "shown" not in result.stdout:
            raise RuntimeError(result.stderr[-2000:])
    empty = folder / "start-none"
    (empty / "library").mkdir(parents=True)
    yield Case(bare, lambda: run(BARE_CHILD, empty, empty / "cache", False), runs=7,
               note="baseline")
    yield Case("start, bundled library only: window shown",
               lambda: run(START, empty, empty / "cache", False), runs=7, baseline=bare, bar=0.5)
    yield Case("start, bundled library only: library in the pane",
               lambda: run(START, empty, empty / "cache", True), runs=7, baseline=bare, bar=0.4)
    for n in [n for n in SIZES if n >= 100_000]:
        data = folder / f"start-{n}"
        (data / "library").mkdir(parents=True)
        source = folder / f"lib{n}.library.yaml"
        if not source.exists():
            library_file.save_pack(distinct_pack(n), source)
        os.link(source, data / "library" / "big.library.yaml")
        fresh = {"cache": data / "cache-none"}

        def new_cache(f=fresh, d=data) -> None:
            f["cache"] = Path(tempfile.mkdtemp(prefix="cache-", dir=d))
        name = f"start, {_label(n)} snippets"
        yield Case(f"{name}, no cache: window shown",
                   lambda d=data, f=fresh: run(START, d, f["cache"], False), setup=new_cache,
                   runs=5, warmup=0, baseline=bare, bar=0.5)
        yield Case(f"{name}, no cache: library in the pane",
                   lambda d=data, f=fresh: run(START, d, f["cache"], True), setup=new_cache,
                   runs=3, warmup=0, baseline=bare)
        warm = data / "cache-warm"
        yield Case(f"{name}, cached: window shown", lambda d=data, w=warm: run(START, d, w, False),
                   runs=5, warmup=0, baseline=bare, bar=0.5)
        # Let one start write the cache and the character index (the second step).
        warmed = {"done": False}

        def warm_up(d=data, w=warm, flag=warmed) -> None:
            if not flag["done"]:
                os.environ["SPEECH_COMPOSER_CACHE"] = str(w)
                pack, digest, _ = library_file.open_pack(d / "library" / "big.library.yaml")
                index = PackIndex(pack.snippets)
                index.build_units()
                library_cache.save_units(digest, index)
                flag["done"] = True
        yield Case(f"{name}, cached: library in the pane",
                   lambda d=data, w=warm: run(START, d, w, True), setup=warm_up, runs=5,
                   warmup=1, baseline=bare)


def stats_cases():
    """The status bar after an edit: every text counted afresh (as before) and counted once
    per text (now), on a speech of 30,000 字 and an outline of 500 sections."""
    from bench_safety import long_speech
    from generate import big_outline

    from composer.core import stats
    from composer.core.numbering import outline_markers
    paragraphs = corpus_paragraphs()
    for name, speech in (("30,000 字", long_speech()), ("500 sections", big_outline(500, 50))):
        section = speech.body[len(speech.body) // 2]
        turn = {"n": 0}

        def edit(s=section, t=turn) -> None:   # one more character in one paragraph
            t["n"] += 1
            s.paragraphs[0] = paragraphs[t["n"] % len(paragraphs)] + "字" * (t["n"] % 7)
        markers = outline_markers(speech)
        before = f"status bar, {name}: every text counted afresh (before)"

        def afresh(sp=speech) -> None:
            stats._counted.cache_clear()
            stats.speech_stats(sp)
        yield Case(before, afresh, setup=edit, runs=21, note="baseline")
        yield Case(f"status bar, {name}: after an edit (now)",
                   lambda sp=speech, s=section, m=markers: stats.summary(sp, 180, s.id, m),
                   setup=edit, runs=41, bar=0.002, baseline=before)


def cases():
    folder = Path(tempfile.mkdtemp(prefix="bench-library-"))
    yield from stats_cases()
    for n in SIZES:
        started = time.perf_counter()
        yield from library_cases(n, folder)
        yield Info(f"library {_label(n)}: (bench setup and runs)",
                   lambda s=started: f"{time.perf_counter() - s:.0f} s")
    yield from start_cases(folder)
