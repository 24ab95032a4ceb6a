"""Core benchmarks: loading a 10,000-snippet library, numbering and moving in a 500-node outline."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from generate import big_outline, big_pack
from harness import Case, Info

from composer.core import operations
from composer.core.library import search
from composer.core.numbering import outline_markers
from composer.io import library_file


def cases() -> list[Case]:
    folder = Path(tempfile.mkdtemp(prefix="bench-core-"))
    path = folder / "big.library.yaml"
    pack = big_pack()
    library_file.save_pack(pack, path)
    size_mb = path.stat().st_size / 1e6
    library_file.load_pack(path)  # builds the index once, as the first start does

    speech = big_outline(500, 50)
    assert sum(1 for _ in speech.walk()) == 500
    big = speech.body[0]
    assert sum(1 for _ in big.walk()) == 51
    state = {"where": "after", "target": speech.body[-1].id}

    def move_and_renumber():
        # Move the big section to the end and back, alternating, renumbering after each move.
        operations.move_section(speech, big.id, state["target"], state["where"])
        outline_markers(speech)
        if state["where"] == "after":
            state.update(where="before", target=speech.body[0].id)
        else:
            state.update(where="after", target=speech.body[-1].id)

    snippets = pack.snippets
    for snippet in snippets:
        snippet.haystack  # computed once at load in the application

    return [
        Case(f"library 10,000 snippets: parse YAML (no index), {size_mb:.1f} MB",
             lambda: library_file.load_pack(path, use_index=False), runs=3, note="baseline"),
        Case("library 10,000 snippets: load (index)", lambda: library_file.load_pack(path),
             bar=0.3, baseline=f"library 10,000 snippets: parse YAML (no index), {size_mb:.1f} MB"),
        Case("library 10,000 snippets: search one term", lambda: search(snippets, "文明单位"),
             bar=0.016, runs=21),
        Case("library 10,000 snippets: search, no match", lambda: search(snippets, "不存在的词语"),
             bar=0.016, runs=21),
        Case("outline 500 nodes: number", lambda: outline_markers(speech), bar=0.016, runs=21),
        Case("outline 500 nodes: move level-1 with 50 descendants + renumber", move_and_renumber,
             bar=0.016, runs=21),
        Info("memory: 10,000-snippet library loaded",
             lambda: f"peak RSS {_rss_after_load(path):.0f} MB (bar ≤ 200 MB)"),
    ]


def _rss_after_load(path: Path) -> float:
    """Peak RSS (VmHWM) of a fresh process that loads the library and prepares it for search.

    VmHWM, not getrusage's ru_maxrss: on Linux the latter keeps the parent's peak across exec.
    """
    code = ("from composer.io import library_file; "
            f"p = library_file.load_pack({str(path)!r}); [s.haystack for s in p.snippets]; "
            "print(open('/proc/self/status').read().split('VmHWM:')[1].split()[0])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout) / 1024
