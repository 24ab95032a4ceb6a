"""Run the benchmarks: ``python bench/run.py [MODULE-FILTER ...] [--json FILE]``.

Prints one line per case: median, [min–max], number of runs, the bar and whether it is met.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from harness import Info, format_row, measure  # noqa: E402


def load_modules():
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("filters", nargs="*",
                        help="run only the bench_*.py modules whose name contains one of these")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    # Benchmarks must not touch the user's real data or caches.
    scratch = tempfile.mkdtemp(prefix="speech-composer-bench-")
    os.environ.setdefault("SPEECH_COMPOSER_DATA", os.path.join(scratch, "data"))
    os.environ.setdefault("SPEECH_COMPOSER_CACHE", os.path.join(scratch, "cache"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"# {platform.python_implementation()} {platform.python_version()} on "
          f"{platform.machine()}, {os.cpu_count()} cores")
    results = {}
    for module in load_modules():
        if args.filters and not any(f in module.__name__ for f in args.filters):
            continue
        for case in module.cases():
            if isinstance(case, Info):
                print(f"{case.name:<52} {case.text()}", flush=True)
                continue
            result = measure(case)
            results[case.name] = result
            print(format_row(result, results), flush=True)
    if args.json:
        data = {name: {"median_s": r.median, "samples_s": r.samples, "bar_s": r.case.bar}
                for name, r in results.items()}
        Path(args.json).write_text(json.dumps(data, indent=2, ensure_ascii=False))
    failed = [name for name, r in results.items() if r.passed is False]
    if failed:
        print("over the bar: " + ", ".join(failed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
