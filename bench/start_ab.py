"""Cold starts of several source trees and of a bare PySide6 window, taken in turn.

    .venv/bin/python bench/start_ab.py [ROUNDS] [LABEL=TREE ...]

With no trees, this checkout.  Each round starts every tree once (bench_ui's START_CHILD: a new
process until the main window is shown with the bundled library in the pane, a first start with
new settings) and then the bare window (BARE_CHILD).  Taking them in turn puts every tree
under the same machine load, which matters on a shared machine where a run of nine starts of
one tree and then nine of another can differ by a third for no reason of their own.  To compare
with an older version: ``git worktree add --detach /tmp/old HEAD~5`` and give ``old=/tmp/old``.

Prints each tree's median and fastest wall time, its ratio to the bare window's median, and the
child's CPU time (user + system).
"""

from __future__ import annotations

import collections
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_ui import BARE_CHILD, START_CHILD  # noqa: E402
from harness import installed_env  # noqa: E402

BARE = "bare"


def environment(tree: Path) -> dict:
    home = tempfile.mkdtemp(prefix="start-ab-")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=home,
               SPEECH_COMPOSER_DATA=os.path.join(home, "data"),
               SPEECH_COMPOSER_CACHE=os.path.join(home, "cache"), PYTHONPATH=str(tree))
    # Compiled modules kept per tree, as an installed program has them.
    env["PYTHONPYCACHEPREFIX"] = os.path.join(home, "pycache")
    return installed_env(env)


def start(code: str, tree: Path, env: dict) -> tuple[float, float]:
    """(wall, CPU) seconds of one new process running ``code``."""
    env = dict(env, XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="start-ab-config-"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=tree,
                            capture_output=True, text=True, timeout=120)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if "shown" not in result.stdout:
        raise RuntimeError(f"{tree}: the window was not shown: {result.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str]) -> int:
    argv = list(argv)
    rounds = int(argv.pop(0)) if argv and argv[0].isdigit() else 9
    given = [a.split("=", 1) for a in argv]
    trees = [(label, Path(path).resolve()) for label, path in given] or [("this", HERE.parent)]
    envs = {label: environment(tree) for label, tree in trees}
    for label, tree in trees:   # compile the modules and build the library cache once
        start(START_CHILD, tree, envs[label])
    start(BARE_CHILD, trees[0][1], envs[trees[0][0]])
    wall: dict[str, list[float]] = collections.defaultdict(list)
    cpu: dict[str, list[float]] = collections.defaultdict(list)
    for _ in range(rounds):
        for label, tree in trees:
            w, c = start(START_CHILD, tree, envs[label])
            wall[label].append(w)
            cpu[label].append(c)
        w, c = start(BARE_CHILD, trees[0][1], envs[trees[0][0]])
        wall[BARE].append(w)
        cpu[BARE].append(c)
    bare = statistics.median(wall[BARE])
    for label in [label for label, _ in trees] + [BARE]:
        median = statistics.median(wall[label])
        print(f"{label:10} median {median * 1000:5.0f} ms  fastest {min(wall[label]) * 1000:5.0f} ms  "
              f"×{median / bare:.2f} of the bare window  CPU {statistics.median(cpu[label]) * 1000:5.0f} ms"
              f"  (n={rounds})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
