"""Export benchmarks: a speech of 6,000 and 30,000 characters to .docx in process (bars 50 ms and
250 ms, time linear in length), and the whole ``speech-composer export`` process against pandoc
converting the same speech from Markdown to .docx in the same run.

pandoc is not a dependency; install it for the comparison (``apt-get install pandoc``).  Without
it that case is left out with a note.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generate import corpus_paragraphs
from harness import Case, Info, installed_env

from composer.core.numbering import outline_markers
from composer.core.speech import Section, Speech
from composer.export import export_docx
from composer.io.speech_file import save_speech


def speech_of(characters: int) -> Speech:
    """A speech of about `characters` characters of corpus text: level-1 sections of ~1,500
    characters, each with two subsections, like a real 讲话稿."""
    paragraphs = corpus_paragraphs()
    feed = iter(paragraphs * (characters // sum(map(len, paragraphs)) + 2))
    speech = Speech(title="在创建省级文明单位动员大会上的讲话", speaker="局长　王建国",
                    date="2024年3月15日", salutation="同志们：", opening=[next(feed)],
                    closing=["谢谢大家！"])
    total = len(speech.opening[0])
    while total < characters:
        children = [Section(next(feed)[:20], [next(feed), next(feed)]) for _ in range(2)]
        section = Section(next(feed)[:24], [next(feed)], children)
        speech.body.append(section)
        total += sum(len(s.heading) + sum(map(len, s.paragraphs)) for s in section.walk())
    return speech


def characters(speech: Speech) -> int:
    return sum(len(p) for p in speech.opening + speech.closing) + sum(
        len(s.heading) + sum(map(len, s.paragraphs)) for s, _ in speech.walk())


def markdown(speech: Speech) -> str:
    """The same speech as Markdown, numbered headings included, for pandoc."""
    markers = outline_markers(speech)
    out = [f"# {speech.title}", speech.speaker, f"（{speech.date}）", speech.salutation,
           *speech.opening]
    for section, level in speech.walk():
        out.append(f"{'#' * (level + 1)} {markers[section.id]}{section.heading}")
        out.extend(section.paragraphs)
    out.extend(speech.closing)
    return "\n\n".join(out) + "\n"


def _command() -> list[str]:
    entry = Path(sys.executable).with_name("speech-composer")
    return [str(entry)] if entry.exists() else [sys.executable, "-m", "composer.cli"]


def cases() -> list:
    folder = Path(tempfile.mkdtemp(prefix="bench-export-"))
    small, large = speech_of(6_000), speech_of(30_000)
    small_name = f"export {characters(small):,} characters, in process"
    large_name = f"export {characters(large):,} characters, in process"
    speech_path, markdown_path = folder / "speech.speech.yaml", folder / "speech.md"
    save_speech(small, speech_path)
    markdown_path.write_text(markdown(small), encoding="utf-8")
    result = [
        Case(small_name, lambda: export_docx(small, folder / "small.docx"), bar=0.050, runs=21),
        Case(large_name, lambda: export_docx(large, folder / "large.docx"), bar=0.250, runs=11,
             baseline=small_name, note="(linear: ratio ≈ length ratio "
                                       f"{characters(large) / characters(small):.1f})"),
    ]
    pandoc = shutil.which("pandoc")
    process_name = f"speech-composer export process, {characters(small):,} characters"
    if pandoc:
        pandoc_name = f"pandoc Markdown → .docx process, {characters(small):,} characters"
        result.append(Case(pandoc_name, lambda: subprocess.run(
            [pandoc, str(markdown_path), "-o", str(folder / "pandoc.docx")], check=True),
            runs=7, note="comparison"))
        baseline = pandoc_name
    else:
        result.append(Info("pandoc comparison", lambda: "pandoc is not installed: comparison "
                                                        "left out (apt-get install pandoc)"))
        baseline = None
    result.append(Case(process_name, lambda: subprocess.run(
        [*_command(), "export", str(speech_path), "-o", str(folder / "cli.docx")],
        check=True, capture_output=True, env=installed_env()), runs=7, baseline=baseline))
    return result
