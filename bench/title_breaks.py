"""Long-title breaking: our word-boundary rule against jieba's segmentation, on real titles.

Both break a title at the most balanced place the same way (composer/export/title_lines.py); they
differ only in where words end: the rule's small lexicon, or jieba's dictionary.  Counted: how
many titles get a break that a reviewer accepts (tests/export/material/real_titles.yaml), and
what each costs (first cut, including loading; the size jieba adds to a bundle).

    PYTHONPATH=. python bench/title_breaks.py          # jieba measured when it is importable

jieba is not a dependency of the program; install it in a scratch environment to compare.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from composer.export.title_lines import title_lines

ROOT = Path(__file__).resolve().parent.parent
TITLES = ROOT / "tests" / "export" / "material" / "real_titles.yaml"
CAPACITY = 20.33   # 二号 title on the GB/T 9704 text block: 442.25 pt / 21.75 pt


def shown(lines: list[str]) -> str:
    return "／".join(lines) if len(lines) > 1 else "no break"


def score(cases, word_ends=None) -> tuple[int, list[str]]:
    good, misses = 0, []
    for case in cases:
        got = shown(title_lines(case["title"], CAPACITY, word_ends))
        if got in case["accept"]:
            good += 1
        else:
            misses.append(got)
    return good, misses


def first_cut_seconds(code: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    cases = yaml.safe_load(TITLES.read_text(encoding="utf-8"))
    good, misses = score(cases)
    print(f"rule:  {good}/{len(cases)} accepted" + "".join(f"\n  miss: {m}" for m in misses))
    baseline = first_cut_seconds("pass")
    rule = first_cut_seconds("from composer.export.title_lines import title_lines; "
                             f"title_lines({cases[0]['title']!r}, {CAPACITY})")
    print(f"rule:  first cut {1000 * (rule - baseline):.0f} ms over a bare interpreter "
          f"(median of 5)")
    try:
        import jieba
    except ImportError:
        print("jieba: not installed here (pip install jieba in a scratch venv to compare)")
        return
    jieba.setLogLevel(60)

    def jieba_ends(text: str):
        position = 0
        for word in jieba.cut(text):
            position += len(word)
            yield position

    good, misses = score(cases, jieba_ends)
    print(f"jieba: {good}/{len(cases)} accepted" + "".join(f"\n  miss: {m}" for m in misses))
    cut = first_cut_seconds(f"import jieba; jieba.setLogLevel(60); list(jieba.cut({cases[0]['title']!r}))")
    size = sum(f.stat().st_size for f in Path(jieba.__file__).parent.rglob("*") if f.is_file())
    print(f"jieba: first cut {1000 * (cut - baseline):.0f} ms over a bare interpreter "
          f"(median of 5); package {size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
