"""Regenerate the UI translation: ``python resources/translations/update.py``.

The UI's source strings are Chinese (the primary language; a Chinese UI needs no catalogue).
``pyside6-lupdate`` collects them from ``composer/ui`` into ``speech_composer_en.ts``, where the
English text is written (by hand or with Qt Linguist); ``pyside6-lrelease`` compiles it into
``speech_composer_en.qm``, which the program loads for an English UI.  Both files are committed,
so a checkout or a bundle runs without this step; a test checks that they are up to date.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "speech_composer_en.ts"
QM = HERE / "speech_composer_en.qm"


def tool(name: str) -> str:
    """A PySide6 tool from the same environment as this Python, else from PATH."""
    beside = Path(sys.executable).with_name(name)
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[str]:
    return [str(p.relative_to(ROOT)) for p in sorted((ROOT / "composer" / "ui").glob("*.py"))]


def update_ts(ts: Path = TS) -> None:
    """Add new source strings to the .ts, drop the ones no longer used, keep translations."""
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-source-language", "zh_CN",
                    "-target-language", "en", "-no-obsolete", "-locations", "none",
                    "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)


def release(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)


if __name__ == "__main__":
    update_ts()
    release()
    print(f"updated {TS.name} and {QM.name}")
