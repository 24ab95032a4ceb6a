"""Regenerate the UI translation: ``python resources/translations/update.py``.

    update.py                         collect new strings, compile the .qm
    update.py --missing               list the strings that have no English yet
    update.py --set 中文=English …     write English for source strings, then compile
    update.py --from OTHER.ts         take English from another catalogue for strings that
                                      have none here (after a merge), then compile

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


def _messages(ts: Path):
    import xml.etree.ElementTree as ET
    tree = ET.parse(ts)
    return tree, [(m.findtext("source") or "", m.find("translation"))
                  for m in tree.getroot().iter("message")]


def missing(ts: Path = TS) -> list[str]:
    """Source strings whose English is not written yet."""
    _, messages = _messages(ts)
    return [source for source, translation in messages
            if translation is None or translation.get("type") == "unfinished" or not translation.text]


def set_translations(english: dict[str, str], ts: Path = TS) -> int:
    """Write English for the given source strings (every context that uses them)."""
    tree, messages = _messages(ts)
    done = 0
    for source, translation in messages:
        if source in english and translation is not None:
            translation.text = english[source]
            translation.attrib.pop("type", None)
            done += 1
    _write(tree, ts)
    return done


def take_from(other: Path, ts: Path = TS) -> int:
    """Fill strings without English from another catalogue of this program."""
    _, theirs = _messages(other)
    known = {source: t.text for source, t in theirs
             if t is not None and t.get("type") != "unfinished" and t.text}
    return set_translations({s: known[s] for s in missing(ts) if s in known}, ts)


def _write(tree, ts: Path) -> None:
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    # lupdate writes a DOCTYPE line that ElementTree drops; put it back so diffs stay small.
    text = ts.read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in text:
        text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
    ts.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    update_ts()
    if arguments[:1] == ["--missing"]:
        print("\n".join(missing()))
        raise SystemExit(0)
    if arguments[:1] == ["--set"]:
        pairs = dict(pair.split("=", 1) for pair in arguments[1:])
        print(f"{set_translations(pairs)} messages translated")
    elif arguments[:1] == ["--from"] and len(arguments) == 2:
        print(f"{take_from(Path(arguments[1]))} messages taken from {arguments[1]}")
    update_ts()   # lupdate's own layout of the file
    release()
    print(f"updated {TS.name} and {QM.name}")
