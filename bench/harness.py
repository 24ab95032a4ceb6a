"""A small benchmark harness: run each case several times, report medians and bars.

A benchmark module (``bench/bench_*.py``) defines ``cases()`` returning a list of :class:`Case`.
``python bench/run.py`` runs them all (or those whose name contains an argument) and prints a
table; ``--json FILE`` also writes the figures.  Timing on shared machines is noisy: we report the
median of several runs, and where a case names a baseline measured in the same run, the ratio to
it, which is steadier than absolute numbers.
"""

from __future__ import annotations

import gc
import statistics
import time
from dataclasses import dataclass, field
from typing import Callable


@dataclass
class Case:
    name: str
    run: Callable[[], object]            # the thing timed
    bar: float | None = None             # seconds; the product's quality bar, if any
    runs: int = 7
    warmup: int = 1
    setup: Callable[[], object] | None = None   # called before each run, not timed
    baseline: str | None = None          # name of another case in the same run, for a ratio
    note: str = ""


@dataclass
class Info:
    """A figure that is not a timing (memory, sizes): printed as it is."""
    name: str
    text: Callable[[], str]


@dataclass
class Result:
    case: Case
    samples: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def passed(self) -> bool | None:
        return None if self.case.bar is None else self.median <= self.case.bar


def measure(case: Case) -> Result:
    result = Result(case)
    for i in range(case.warmup + case.runs):
        if case.setup:
            case.setup()
        gc.collect()
        start = time.perf_counter()
        case.run()
        elapsed = time.perf_counter() - start
        if i >= case.warmup:
            result.samples.append(elapsed)
    return result


def format_row(result: Result, by_name: dict[str, Result]) -> str:
    case = result.case
    median_ms = result.median * 1000
    spread = f"{min(result.samples) * 1000:.1f}–{max(result.samples) * 1000:.1f}"
    bar = f"≤ {case.bar * 1000:.0f} ms" if case.bar is not None else ""
    verdict = {True: "ok", False: "OVER", None: ""}[result.passed]
    ratio = ""
    if case.baseline and case.baseline in by_name:
        ratio = f"×{result.median / by_name[case.baseline].median:.2f} of {case.baseline}"
    return (f"{case.name:<52} {median_ms:>9.2f} ms  [{spread}] n={len(result.samples):<3} "
            f"{bar:<10} {verdict:<4} {ratio} {case.note}").rstrip()


def installed_env(base: dict | None = None) -> dict:
    """The environment for timing a new process of the program as it runs once installed:
    with compiled modules kept between runs (pip and PyInstaller compile them).  This machine
    sets PYTHONDONTWRITEBYTECODE, under which every start would compile the sources again and
    time the compiler, not the program."""
    import os
    import tempfile
    env = dict(os.environ if base is None else base)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", os.path.join(tempfile.gettempdir(), "speech-composer-bench-pycache"))
    return env
