"""Measuring the importer on the real documents in ``realdocs/`` against their hand-counted truth.

Used by ``test_realdocs.py`` and runnable on its own for the figures:

    .venv/bin/python -m tests.importer.realdocs_measure

For each document: the speeches found, the heading counts per level (1–4) against the truth, the
title and the level-1 headings' texts, and the accounting of Chinese characters — those in the
source (counted here, independently of the importer) must equal those in the imported speeches
plus those the importer reports as removed.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

HERE = Path(__file__).resolve().parent / "realdocs"
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SPACE = re.compile(r"[\s\u3000]+")


@dataclass
class Measured:
    path: Path
    truth: dict
    levels: dict[str, int] = field(default_factory=dict)
    speeches: int = 0
    title: str = ""
    level1: list[str] = field(default_factory=list)
    han_in: int = 0
    han_out: int = 0
    han_removed: int = 0
    error: str = ""

    @property
    def split(self) -> str:
        return self.truth["split"]

    @property
    def counts_exact(self) -> bool:
        return not self.error and self.levels == self.truth["levels"]

    @property
    def dropped(self) -> int:
        """Chinese characters neither in the output nor reported as removed."""
        return self.han_in - self.han_out - self.han_removed

    @property
    def title_exact(self) -> bool:
        return _plain(self.title) == _plain(self.truth["title"])

    @property
    def level1_exact(self) -> bool:
        return [_plain(t) for t in self.level1] == [_plain(t) for t in self.truth["level1"]]


def documents() -> list[Path]:
    return sorted(p for p in HERE.glob("*/*") if not p.name.endswith(".truth.json"))


def han_count(text: str) -> int:
    return len(_HAN.findall(text))


def source_han(path: Path) -> int:
    """The Chinese characters of a source as it is, counted without the importer."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return han_count(_docx_text(path.read_bytes()))
    if suffix == ".doc":
        from composer.io.legacy_word import convert_to_docx     # the converted document's text
        return han_count(_docx_text(convert_to_docx(path)))
    return han_count(path.read_bytes().decode("utf-8-sig"))


def _docx_text(raw: bytes) -> str:
    import io
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    return "".join(t.text or "" for t in root.iter(f"{_W}t"))


def _plain(text: str) -> str:
    """For comparing with the truth: without spaces, and half-width forms as full-width (the
    cleanup writes 「？」 for 「?」 in Chinese text by design)."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def measure(path: Path) -> Measured:
    from composer.core.errors import ComposerError
    from composer.io.importing import import_files

    truth = json.loads(path.with_name(path.name + ".truth.json").read_text(encoding="utf-8"))
    result = Measured(path, truth)
    try:
        result.han_in = source_han(path)
        imported = import_files([path])
    except ComposerError as error:
        result.error = str(error)
        return result
    result.speeches = len(imported.found)
    if imported.found:
        first = imported.found[0]
        result.title = first.speech.title
        result.levels = {key: 0 for key in ("1", "2", "3", "4")}
        for item in imported.found:
            for key, count in item.levels().items():
                result.levels[key] += count
        result.level1 = [heading for item in imported.found for heading in item.headings(1)]
    result.han_out = sum(han_count(item.all_text()) for item in imported.found)
    result.han_removed = sum(han_count(piece.text) for piece in imported.removed)
    return result


def measure_all() -> list[Measured]:
    return [measure(path) for path in documents()]


def accuracy(results: list[Measured], split: str) -> tuple[int, int]:
    chosen = [r for r in results if r.split == split]
    return sum(r.counts_exact for r in chosen), len(chosen)


def report(results: list[Measured]) -> str:
    lines = [f"{'document':36} {'split':8} counts  level1 title dropped  found / truth (levels 1-4)"]
    for r in results:
        found = "/".join(str(r.levels.get(k, 0)) for k in "1234")
        truth = "/".join(str(r.truth["levels"][k]) for k in "1234")
        lines.append(f"{r.path.name:36} {r.split:8} {'ok' if r.counts_exact else 'WRONG':6}  "
                     f"{'ok' if r.level1_exact else '-':6} "
                     f"{'ok' if r.title_exact else '-':5} "
                     f"{r.dropped:7}  {found} / {truth} {r.error}")
    for split in ("tuned", "heldout"):
        exact, total = accuracy(results, split)
        lines.append(f"{split}: heading counts exact on {exact} of {total} "
                     f"({100 * exact / max(total, 1):.0f} %); characters dropped without a "
                     f"removed entry: {sum(max(r.dropped, 0) for r in results if r.split == split)}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(measure_all()))
    sys.exit(0)
