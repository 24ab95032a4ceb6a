"""查重 against an archive of 1,000 past speeches (issue 16).

The archive: 1,000 distinct speeches generated from the corpus (``generate.distinct_corpus``:
125 copies, each in its own "dialect", so that no two copies share much text), saved as an
office keeps them — a third as speech files, a third as exported Word documents, a third as
plain text — in one folder.  The speech checked is the example with ten paragraphs copied
from ten archived speeches (lightly edited): it must be flagged exactly there.

Measured: the cold build of the index (every file read, its speeches found, hashed; once, in a
fresh cache), then with the index warm: the whole check as ``check --archive`` does it (read
the index, check every paragraph) — bar ≤ 2 s — and its two halves, and what the window pays
after an edit (one paragraph changed, the rest remembered).
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from pathlib import Path

from generate import ROOT, distinct_corpus
from harness import Case, Info

from composer.core.archive import ArchiveSearch, check_paragraphs, repeat_findings, speech_paragraphs
from composer.core.cleanup import split_lines
from composer.core.importer import analyse
from composer.core.numbering import outline_markers
from composer.io import archive_index
from composer.io.archive_index import load_archive
from composer.io.speech_file import load_speech, save_speech

COUNT = 1000
COPIED = 10


def _text_lines(speech) -> list[str]:
    markers = outline_markers(speech)
    lines = [speech.title, speech.salutation, *speech.opening]
    for section, _ in speech.walk():
        lines.append(markers[section.id] + section.heading)
        lines.extend(section.paragraphs)
    return lines + list(speech.closing)


def _write_archive(folder: Path) -> list:
    from composer.export import export_docx
    speeches = [item.speech for item in analyse([("x.txt", split_lines(
        distinct_corpus(COUNT // 8)))]).found][:COUNT]
    for n, speech in enumerate(speeches):
        kind = n % 3
        if kind == 0:
            save_speech(speech, folder / f"{n:04d}.speech.yaml")
        elif kind == 1:
            export_docx(speech, folder / f"{n:04d}.docx")
        else:
            (folder / f"{n:04d}.txt").write_text("\n".join(_text_lines(speech)) + "\n",
                                                 encoding="utf-8")
    return speeches


def _query(speeches):
    """The example, with ten archived paragraphs (of ten speeches, a few characters changed)
    added to its sections."""
    speech = load_speech(next((ROOT / "resources" / "examples").glob("*.speech.yaml")))
    rng = random.Random(16)
    sections = [section for section, _ in speech.walk()]
    for number in rng.sample(range(len(speeches)), COPIED):
        text = max(speech_paragraphs(speeches[number]), key=len)
        chars = list(text)
        for at in rng.sample(range(len(chars)), len(chars) // 60):
            chars[at] = "鑫"
        rng.choice(sections).paragraphs.append("".join(chars))
    return speech


def cases() -> list:
    scratch = Path(tempfile.mkdtemp(prefix="bench-archive-"))
    folder = scratch / "archive"
    folder.mkdir()
    started = time.perf_counter()
    speeches = _write_archive(folder)
    written = time.perf_counter() - started
    query = _query(speeches)
    holder: dict = {}

    def cold() -> str:
        os.environ["SPEECH_COMPOSER_CACHE"] = str(scratch / "cache")
        wall, cpu = time.perf_counter(), time.process_time()
        loaded = load_archive([folder])
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        holder["search"] = loaded.search()
        size = sum(p.stat().st_size for p in archive_index.index_folder().glob("*.idx"))
        chars = sum(len(t) for f in loaded.files for t in map(f.text, range(len(f))))
        return (f"{wall:.1f} s ({cpu:.1f} s CPU) for {len(loaded.files)} files, "
                f"{loaded.speeches} speeches, {holder['search'].paragraphs} paragraphs "
                f"({chars / 1e6:.1f} M chars); index {size / 1e6:.1f} MB "
                f"(writing the archive took {written:.0f} s)")

    def whole():
        loaded = load_archive([folder])
        assert loaded.read == 0 and len(loaded.files) == COUNT
        findings = repeat_findings(check_paragraphs(query, loaded.search()))
        assert len(findings) == COPIED, len(findings)
        return findings

    def fresh_search():
        holder["fresh"] = ArchiveSearch(holder["search"].files)

    def prepared() -> str:
        search = holder["search"]
        wall = time.perf_counter()
        search.prepare()
        wall = time.perf_counter() - wall
        return f"{wall * 1000:.0f} ms, {search._table.nbytes / 1e6:.1f} MB " \
               f"({search.anchor_count} anchors)"

    def edit_one():
        """The writer changed one paragraph; the others are remembered by the search."""
        paragraphs = query.body[0].paragraphs
        paragraphs[0] = paragraphs[0] + "又"
        check_paragraphs(query, holder["search"])

    name = f"check against {COUNT} speeches, index warm (load + check)"
    return [
        Info(f"cold build of the index of {COUNT} archived speeches", cold),
        Case(name, whole, runs=5, bar=2.0),
        Case("  the same: reading the index only", lambda: load_archive([folder]), runs=5,
             baseline=name),
        Case("  the same: checking only (index in memory)",
             lambda: check_paragraphs(query, holder["fresh"]), setup=fresh_search, runs=5,
             baseline=name),
        Case("  after one paragraph changed, by scan", edit_one,
             setup=lambda: check_paragraphs(query, holder["search"]), runs=7, baseline=name),
        Info("the window's anchor table: built once in the background", prepared),
        Case("  after one paragraph changed, by the table (the window)", edit_one,
             setup=lambda: check_paragraphs(query, holder["search"]), runs=7, baseline=name),
        Case("  the whole check, index in memory, with the table",
             lambda: check_paragraphs(query, holder["search"]),
             setup=lambda: holder["search"]._known.clear(), runs=5, baseline=name),
    ]
